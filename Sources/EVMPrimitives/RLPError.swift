/// Why an RLP input was rejected (Yellow Paper Appendix B, read strictly: every value has exactly
/// one accepted encoding). Offsets are byte offsets into the decoded input.
public enum RLPError: Error, Equatable {
    /// The item starting at `offset` runs past the end of the input or of its enclosing list
    /// (also: empty input, at offset 0).
    case truncated(offset: Int)
    /// A single byte below 0x80 encoded as a one-byte string (0x81 0x00…0x7f) at `offset`; it must be itself.
    case nonCanonicalSingleByte(offset: Int)
    /// The long-form length at `offset` has a leading zero byte.
    case leadingZeroInLength(offset: Int)
    /// The long form (0xb8…/0xf8…) at `offset` is used for a payload shorter than 56 bytes.
    case longFormForShortPayload(offset: Int)
    /// The long-form length at `offset` does not fit in this machine's `Int`.
    case lengthOverflow(offset: Int)
    /// The input continues after the top-level item, from `offset`.
    case trailingBytes(offset: Int)
    /// Lists nest deeper than the decoder's limit; the list at `offset` is one level too deep.
    case depthLimitExceeded(offset: Int)
    /// A list was found where a byte array was expected.
    case expectedBytes
    /// A byte array was found where a list was expected.
    case expectedList
    /// A scalar with a leading zero byte (Yellow Paper eq. 185 forbids them; zero is the empty array).
    case nonCanonicalInteger
    /// A scalar wider than the target integer type.
    case integerOverflow
}
