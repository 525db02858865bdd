/// A 20-byte Ethereum account address (Yellow Paper §4.1: "a 160-bit identifier").
///
/// Stored as three integers in big-endian order of the bytes (`hi` = bytes 0–3, `mid` = 4–11, `lo` = 12–19),
/// so that it hashes and compares without allocation.
@frozen
public struct Address: Hashable, Sendable, Comparable {
    public var hi: UInt32
    public var mid: UInt64
    public var lo: UInt64

    @inlinable @inline(__always)
    public init(hi: UInt32, mid: UInt64, lo: UInt64) {
        self.hi = hi
        self.mid = mid
        self.lo = lo
    }

    /// The low 160 bits of a word (how the EVM turns a stack item into an address).
    @inlinable @inline(__always)
    public init(_ word: UInt256) {
        self.init(hi: UInt32(truncatingIfNeeded: word.w2), mid: word.w1, lo: word.w0)
    }

    /// A small address such as a precompile (0x…01).
    @inlinable
    public init(low: UInt64) { self.init(hi: 0, mid: 0, lo: low) }

    /// The last 20 bytes of `bytes` (or left-padded when shorter).
    @inlinable
    public init(bytes: ArraySlice<UInt8>) { self.init(UInt256(bigEndian: bytes.suffix(20))) }

    @inlinable
    public init(bytes: [UInt8]) { self.init(bytes: bytes[...]) }

    /// The address as a word (zero-extended).
    @inlinable @inline(__always)
    public var word: UInt256 { UInt256(w0: lo, w1: mid, w2: UInt64(hi), w3: 0) }

    /// The 20 bytes of the address.
    @inlinable
    public var bytes: [UInt8] { Array(word.bigEndianBytes[12...]) }

    public static let zero = Address(hi: 0, mid: 0, lo: 0)

    @inlinable
    public static func < (a: Address, b: Address) -> Bool {
        if a.hi != b.hi { return a.hi < b.hi }
        if a.mid != b.mid { return a.mid < b.mid }
        return a.lo < b.lo
    }

    /// Lowercase hex with 0x prefix, 40 digits.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x30, 0x78]
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
