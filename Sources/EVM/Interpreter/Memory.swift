import EVMPrimitives

/// The byte-addressed, word-expanded memory of a call frame (Yellow Paper §9.1 μ_m, gas per eq. 326).
///
/// Sizes beyond `Memory.limit` are treated as out of gas: their cost exceeds any gas a transaction can carry
/// under the fixtures' block gas limits, and the bound keeps a hostile guest from exhausting host memory.
public struct Memory {
    public var bytes: [UInt8] = []
    /// Active size in 32-byte words (μ_i).
    public var words: Int = 0

    /// 2^32 bytes on 64-bit targets (2^30 on 32-bit ones, where offsets must fit an Int); larger accesses are
    /// out of gas. Either bound costs far more gas than any block allows.
    public static let limit = Int.bitWidth == 64 ? 1 << 32 : 1 << 30

    public init() {}

    @inlinable
    public var size: Int { words &* 32 }

    /// Converts (offset, size) stack operands to Ints; zero size ignores the offset. Throws out-of-gas for
    /// ranges beyond the limit.
    @inlinable @inline(__always)
    public static func range(_ offset: UInt256, _ size: UInt256) throws(Halt) -> (offset: Int, size: Int) {
        if size.isZero { return (0, 0) }
        guard let o = offset.uint64, let s = size.uint64, o < UInt64(limit), s < UInt64(limit) else {
            throw Halt.outOfGas
        }
        return (Int(o), Int(s))
    }

    /// The gas to expand memory to cover [offset, offset+size), without expanding.
    @inlinable @inline(__always)
    public func expansionCost(_ offset: Int, _ size: Int) -> Int64 {
        if size == 0 { return 0 }
        let newWords = Gas.words(offset &+ size)
        if newWords <= words { return 0 }
        return Gas.memoryCost(words: newWords) &- Gas.memoryCost(words: words)
    }

    /// Charges for and performs the expansion to cover [offset, offset+size).
    @inlinable @inline(__always)
    public mutating func expand(_ offset: Int, _ size: Int, gas: inout Int64) throws(Halt) {
        if size == 0 { return }
        let newWords = Gas.words(offset &+ size)
        if newWords <= words { return }
        let cost = Gas.memoryCost(words: newWords) &- Gas.memoryCost(words: words)
        if gas < cost { throw Halt.outOfGas }
        gas &-= cost
        grow(to: newWords)
    }

    /// Expands without charging (the caller charged already).
    @inlinable
    public mutating func grow(to newWords: Int) {
        if newWords <= words { return }
        bytes.append(contentsOf: repeatElement(0, count: (newWords &- words) &* 32))
        words = newWords
    }

    @inlinable
    public mutating func growCovering(_ offset: Int, _ size: Int) {
        if size == 0 { return }
        grow(to: Gas.words(offset &+ size))
    }

    @inlinable @inline(__always)
    public func load(_ offset: Int) -> UInt256 {
        bytes.withUnsafeBytes { UInt256(bigEndianBytesAt: $0.baseAddress! + offset) }
    }

    @inlinable @inline(__always)
    public mutating func store(_ offset: Int, _ v: UInt256) {
        bytes.withUnsafeMutableBytes { v.storeBigEndian(to: $0.baseAddress! + offset) }
    }

    /// Copies `size` bytes from `src` starting at `srcOffset` (zero-filled beyond its end) to `offset`.
    @inlinable
    public mutating func write(_ offset: Int, _ src: [UInt8], srcOffset: Int, size: Int) {
        if size == 0 { return }
        var i = 0
        let avail = srcOffset < src.count ? min(size, src.count - srcOffset) : 0
        if avail > 0 {
            bytes.withUnsafeMutableBufferPointer { dst in
                src.withUnsafeBufferPointer { s in
                    for j in 0..<avail { dst[offset + j] = s[srcOffset + j] }
                }
            }
            i = avail
        }
        while i < size {
            bytes[offset + i] = 0
            i += 1
        }
    }

    /// The bytes [offset, offset+size) (memory must already cover them).
    @inlinable
    public func slice(_ offset: Int, _ size: Int) -> [UInt8] {
        if size == 0 { return [] }
        return Array(bytes[offset..<(offset + size)])
    }
}
