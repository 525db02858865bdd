/// Big-endian byte conversions of the EVM word (Yellow Paper §9.1, "big-endian" words in memory and storage).
extension UInt256 {
    /// Interprets up to 32 bytes as a big-endian number (shorter input is left-padded with zeros; longer input
    /// keeps its last 32 bytes).
    @inlinable
    public init(bigEndian bytes: ArraySlice<UInt8>) {
        self = .zero
        var shift = 0
        var i = bytes.endIndex
        while i > bytes.startIndex && shift < 256 {
            i -= 1
            self[limb: shift >> 6] |= UInt64(bytes[i]) << UInt64(shift & 63)
            shift += 8
        }
    }

    /// Interprets up to 32 bytes as a big-endian number.
    @inlinable
    public init(bigEndian bytes: [UInt8]) {
        if bytes.count == 32 {
            self = bytes.withUnsafeBytes { UInt256(bigEndianBytesAt: $0.baseAddress!) }
        } else {
            self.init(bigEndian: bytes[...])
        }
    }

    /// Reads 32 big-endian bytes at `p`.
    @inlinable @inline(__always)
    public init(bigEndianBytesAt p: UnsafeRawPointer) {
        self.init(
            w0: UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)),
            w1: UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
            w2: UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
            w3: UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)))
    }

    /// Writes the 32 big-endian bytes of the value at `p`.
    @inlinable @inline(__always)
    public func storeBigEndian(to p: UnsafeMutableRawPointer) {
        p.storeBytes(of: w3.bigEndian, toByteOffset: 0, as: UInt64.self)
        p.storeBytes(of: w2.bigEndian, toByteOffset: 8, as: UInt64.self)
        p.storeBytes(of: w1.bigEndian, toByteOffset: 16, as: UInt64.self)
        p.storeBytes(of: w0.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The 32 big-endian bytes of the value.
    @inlinable
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBytes { storeBigEndian(to: $0.baseAddress!) }
        return out
    }

    /// The minimal big-endian encoding (no leading zero bytes; empty for zero), as RLP uses for integers.
    @inlinable
    public var minimalBigEndianBytes: [UInt8] {
        let all = bigEndianBytes
        return Array(all[(32 - byteWidth)...])
    }

    /// Lowercase hexadecimal without leading zeros, prefixed with 0x ("0x0" for zero).
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x30, 0x78]
        var started = false
        for b in bigEndianBytes {
            for nib in [b >> 4, b & 15] {
                if nib != 0 { started = true }
                if started { out.append(digits[Int(nib)]) }
            }
        }
        if !started { out.append(0x30) }
        return String(decoding: out, as: UTF8.self)
    }
}
