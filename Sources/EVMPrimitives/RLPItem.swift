/// A value of Recursive Length Prefix serialisation (Yellow Paper Appendix B): either a byte array
/// or a list of items.
public indirect enum RLPItem: Equatable, Sendable {
    /// A byte array (the set 𝔹 of the Yellow Paper).
    case bytes([UInt8])
    /// A list of items (the set 𝕃 of the Yellow Paper).
    case list([RLPItem])

    /// RLP(self) (Yellow Paper eq. 179–186).
    public func encode() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(encodedLength)
        encode(into: &out)
        return out
    }

    /// Appends RLP(self) to `out`.
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .bytes(let b):
            RLP.encodeBytes(b, into: &out)
        case .list(let items):
            RLP.encodeListHeader(payloadLength: payloadLength, into: &out)
            for item in items { item.encode(into: &out) }
        }
    }

    /// The number of bytes `encode()` produces.
    public var encodedLength: Int {
        switch self {
        case .bytes(let b):
            if b.count == 1 && b[0] < 0x80 { return 1 }
            return RLP.headerLength(payloadLength: b.count) + b.count
        case .list:
            let p = payloadLength
            return RLP.headerLength(payloadLength: p) + p
        }
    }

    /// The payload length: the byte count of a byte array, or the summed encodings of a list's items.
    var payloadLength: Int {
        switch self {
        case .bytes(let b):
            return b.count
        case .list(let items):
            var total = 0
            for item in items { total += item.encodedLength }
            return total
        }
    }

    /// The bytes, or nil for a list.
    public var bytesValue: [UInt8]? {
        if case .bytes(let b) = self { return b }
        return nil
    }

    /// The items, or nil for a byte array.
    public var listValue: [RLPItem]? {
        if case .list(let items) = self { return items }
        return nil
    }
}
