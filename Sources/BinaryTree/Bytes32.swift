/// A 32-byte string: a tree key (31-byte stem ‖ 1-byte subindex), a value or a hash (EIP-7864 §"Tree structure").
///
/// Stored as four 64-bit words in big-endian order, so that `<` is lexicographic byte order and bit `i` (MSB-first,
/// the order in which EIP-7864 walks a stem) is a shift away. Plain value type: no allocation.
public struct Bytes32: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Bytes 0–7, byte 0 in the most significant position; likewise `w1`…`w3` for bytes 8–31.
    public var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    public static let zero = Bytes32(0, 0, 0, 0)

    @inlinable public init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    /// The 32 bytes of `bytes`, or nil when it does not hold exactly 32 bytes.
    public init?<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        var w: [UInt64] = [0, 0, 0, 0]
        for (i, b) in bytes.enumerated() { w[i >> 3] = w[i >> 3] << 8 | UInt64(b) }
        self.init(w[0], w[1], w[2], w[3])
    }

    /// The key `stem ‖ subindex`; `stem` is read from the first 31 bytes of a stem value (its last byte ignored).
    @inlinable public init(stem: Bytes32, subindex: UInt8) {
        self.init(stem.w0, stem.w1, stem.w2, stem.w3 & ~0xFF | UInt64(subindex))
    }

    /// Reads 32 bytes from memory.
    @inlinable public init(loading p: UnsafeRawPointer) {
        self.init(
            UInt64(bigEndian: p.loadUnaligned(as: UInt64.self)),
            UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
            UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
            UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    /// Writes the 32 bytes to memory.
    @inlinable public func store(to p: UnsafeMutableRawPointer) {
        p.storeBytes(of: w0.bigEndian, as: UInt64.self)
        p.storeBytes(of: w1.bigEndian, toByteOffset: 8, as: UInt64.self)
        p.storeBytes(of: w2.bigEndian, toByteOffset: 16, as: UInt64.self)
        p.storeBytes(of: w3.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buf, n in
            store(to: UnsafeMutableRawPointer(buf.baseAddress!))
            n = 32
        }
    }

    @inlinable public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// The stem of this key as `stem ‖ 0x00`: exactly the first 32 bytes hashed for a stem node.
    @inlinable public var stem: Bytes32 { Bytes32(w0, w1, w2, w3 & ~0xFF) }

    /// The last byte: the key's index inside its stem's 256 values.
    @inlinable public var subindex: UInt8 { UInt8(truncatingIfNeeded: w3) }

    @inlinable func word(_ i: Int) -> UInt64 {
        switch i & 3 {
        case 0: return w0
        case 1: return w1
        case 2: return w2
        default: return w3
        }
    }

    /// Bit `i` (0 = most significant bit of byte 0), i in 0..<256.
    @inlinable public func bit(_ i: Int) -> Int {
        Int(truncatingIfNeeded: (word(i >> 6) >> UInt64(63 - (i & 63))) & 1)
    }

    /// The same bytes with bit `i` set to `b` (0 or 1).
    @inlinable public func settingBit(_ i: Int, to b: Int) -> Bytes32 {
        let mask: UInt64 = 1 << UInt64(63 - (i & 63))
        var r = self
        let v: UInt64 = b != 0 ? mask : 0
        switch i >> 6 {
        case 0: r.w0 = r.w0 & ~mask | v
        case 1: r.w1 = r.w1 & ~mask | v
        case 2: r.w2 = r.w2 & ~mask | v
        default: r.w3 = r.w3 & ~mask | v
        }
        return r
    }

    /// The number of leading bits (MSB-first) on which `self` and `other` agree, 0...256.
    @inlinable public func commonPrefixLength(_ other: Bytes32) -> Int {
        if w0 != other.w0 { return (w0 ^ other.w0).leadingZeroBitCount }
        if w1 != other.w1 { return 64 + (w1 ^ other.w1).leadingZeroBitCount }
        if w2 != other.w2 { return 128 + (w2 ^ other.w2).leadingZeroBitCount }
        return 192 + (w3 ^ other.w3).leadingZeroBitCount
    }

    /// The first `n` bits of `self`, the rest zero (n in 0...256).
    @inlinable public func prefix(bits n: Int) -> Bytes32 {
        func m(_ k: Int) -> UInt64 { k <= 0 ? 0 : k >= 64 ? ~0 : ~(~UInt64(0) >> UInt64(k)) }
        return Bytes32(w0 & m(n), w1 & m(n - 64), w2 & m(n - 128), w3 & m(n - 192))
    }

    @inlinable public static func < (a: Bytes32, b: Bytes32) -> Bool {
        if a.w0 != b.w0 { return a.w0 < b.w0 }
        if a.w1 != b.w1 { return a.w1 < b.w1 }
        if a.w2 != b.w2 { return a.w2 < b.w2 }
        return a.w3 < b.w3
    }

    /// Lower-case hex, 64 digits.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
