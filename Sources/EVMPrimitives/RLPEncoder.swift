/// Recursive Length Prefix (Yellow Paper Appendix B): allocation-light encoders that append to a
/// caller-owned buffer (for the EVM's transaction, receipt and account encodings), and the strict
/// decoder (`RLP.decode`, in RLPDecoder.swift).
public enum RLP {
    /// Length of the header (prefix byte plus big-endian length bytes) in front of a payload of
    /// `payloadLength` bytes, for a list or for a byte array that is not a single byte below 0x80.
    @inline(__always)
    public static func headerLength(payloadLength: Int) -> Int {
        payloadLength < 56 ? 1 : 1 + byteCount(UInt64(payloadLength))
    }

    /// Appends RLP of the byte array `bytes` (Yellow Paper eq. 180).
    @inline(__always)
    public static func encodeBytes(_ bytes: [UInt8], into out: inout [UInt8]) {
        bytes.withUnsafeBytes { encodeBytes($0, into: &out) }
    }

    /// Appends RLP of the byte array in `buffer` (Yellow Paper eq. 180).
    public static func encodeBytes(_ buffer: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        if buffer.count == 1 && buffer[0] < 0x80 {
            out.append(buffer[0])
            return
        }
        appendHeader(base: 0x80, payloadLength: buffer.count, into: &out)
        out.append(contentsOf: buffer)
    }

    /// Appends the header of a list whose items' encodings total `payloadLength` bytes (Yellow Paper eq. 183).
    /// The caller appends the items' encodings after it.
    @inline(__always)
    public static func encodeListHeader(payloadLength: Int, into out: inout [UInt8]) {
        appendHeader(base: 0xc0, payloadLength: payloadLength, into: &out)
    }

    /// RLP of a list whose items are already RLP-encoded (each element of `encodedItems` is one
    /// item's complete encoding): the list header followed by the items.
    public static func encodeList(encodedItems: [[UInt8]]) -> [UInt8] {
        var payloadLength = 0
        for item in encodedItems { payloadLength += item.count }
        var out = [UInt8]()
        out.reserveCapacity(headerLength(payloadLength: payloadLength) + payloadLength)
        encodeListHeader(payloadLength: payloadLength, into: &out)
        for item in encodedItems { out.append(contentsOf: item) }
        return out
    }

    /// Appends RLP of the scalar `value` (Yellow Paper eq. 185: big-endian, no leading zeros; 0 is the empty array).
    public static func encodeUInt64(_ value: UInt64, into out: inout [UInt8]) {
        if value != 0 && value < 0x80 {
            out.append(UInt8(truncatingIfNeeded: value))
            return
        }
        let n = byteCount(value)
        out.append(0x80 &+ UInt8(truncatingIfNeeded: n))
        appendBigEndian(value, byteCount: n, into: &out)
    }

    /// RLP of the scalar `value`.
    public static func encodeUInt64(_ value: UInt64) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(9)
        encodeUInt64(value, into: &out)
        return out
    }

    /// Appends RLP of the unsigned integer whose big-endian bytes are `bigEndian` (any width, e.g. a
    /// 32-byte UInt256); leading zero bytes are stripped first, so zero encodes as 0x80.
    public static func encodeBigEndianInteger(_ bigEndian: [UInt8], into out: inout [UInt8]) {
        bigEndian.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count && raw[start] == 0 { start += 1 }
            encodeBytes(UnsafeRawBufferPointer(rebasing: raw[start...]), into: &out)
        }
    }

    /// Appends RLP of the 32 big-endian bytes of `word` (a hash or topic: 0xa0 ‖ 32 bytes), with no array.
    public static func encodeWordBytes(_ word: UInt256, into out: inout [UInt8]) {
        var raw: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { word.storeBigEndian(to: $0.baseAddress!) }
        out.append(0xa0)
        withUnsafeBytes(of: &raw) { out.append(contentsOf: $0) }
    }

    /// Appends RLP of the 20 bytes of `address` (0x94 ‖ 20 bytes), with no array.
    public static func encodeAddress(_ address: Address, into out: inout [UInt8]) {
        var raw: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { address.word.storeBigEndian(to: $0.baseAddress!) }
        out.append(0x94)
        withUnsafeBytes(of: &raw) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[12..<32])) }
    }

    /// The length of RLP of the byte array `bytes` (Yellow Paper eq. 180).
    @inline(__always)
    public static func encodedLength(ofBytes bytes: [UInt8]) -> Int {
        bytes.count == 1 && bytes[0] < 0x80 ? 1 : headerLength(payloadLength: bytes.count) &+ bytes.count
    }

    /// Number of bytes in the big-endian representation of `value` without leading zeros (0 for 0).
    @inline(__always)
    public static func byteCount(_ value: UInt64) -> Int {
        (64 &- value.leadingZeroBitCount &+ 7) &>> 3
    }

    @inline(__always)
    static func appendHeader(base: UInt8, payloadLength: Int, into out: inout [UInt8]) {
        if payloadLength < 56 {
            out.append(base &+ UInt8(truncatingIfNeeded: payloadLength))
        } else {
            let n = byteCount(UInt64(payloadLength))
            out.append(base &+ 55 &+ UInt8(truncatingIfNeeded: n))
            appendBigEndian(UInt64(payloadLength), byteCount: n, into: &out)
        }
    }

    @inline(__always)
    static func appendBigEndian(_ value: UInt64, byteCount n: Int, into out: inout [UInt8]) {
        var i = n
        while i > 0 {
            i &-= 1
            out.append(UInt8(truncatingIfNeeded: value &>> UInt64(i &* 8)))
        }
    }
}
