import EVMPrimitives

/// The BATCH section of the EVM guest (docs/EVMGUEST.md §3): an RLP list of byte strings, each the signed
/// transaction envelope of EIP-2718 (a legacy transaction's RLP list bytes, or `type ‖ rlp(payload)` for
/// types 1–3), decoded by the EVM's `TransactionDecoder`. An envelope that does not decode is an invalid
/// transaction (recorded, not fatal); a BATCH that is not such a list is malformed input.
public enum Batch {
    /// The BATCH bytes for these signed transaction envelopes.
    public static func encode(_ transactions: [[UInt8]]) -> [UInt8] {
        var payload: [UInt8] = []
        for t in transactions { RLP.encodeBytes(t, into: &payload) }
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// The transaction envelopes of BATCH bytes, each copied straight from its place in `bytes`.
    public static func decode(_ bytes: [UInt8]) throws(StatelessError) -> [[UInt8]] {
        guard let list = try? RLP.validate(bytes, at: 0, end: bytes.count, maxDepth: 1), list.isList else {
            throw .malformedBatch
        }
        var out: [[UInt8]] = []
        var position = list.payloadOffset
        while position < list.end {
            guard let item = try? RLP.decodeHeader(bytes, at: position, end: list.end), !item.isList else { throw .malformedBatch }
            out.append(RLP.payload(bytes, item))
            position = item.end
        }
        return out
    }
}
