/// Hash-table hashing of EVM words and addresses (the keys of the state overlay, the storage maps and the
/// EIP-2929 access sets). `Dictionary` and `Set` hash a key through `_rawHashValue(seed:)`; its default runs
/// SipHash-1-3 over every field, which cost more than the EVM work around storage accesses. These overrides fold
/// the limbs with 64×64→128-bit multiplies (high ⊕ low halves), keyed by the table's seed, as foldhash does.
/// `hash(into:)` stays the synthesized one; equal values hash equally under either.
public enum WordHash {
    @inlinable @inline(__always)
    public static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    // Odd constants with high bits set (digits of π), so that a limb ⊕ constant is rarely zero.
    public static let k0: UInt64 = 0x243f_6a88_85a3_08d3
    public static let k1: UInt64 = 0x1319_8a2e_0370_7344
    public static let k2: UInt64 = 0xa409_3822_299f_31d0
    public static let k3: UInt64 = 0x082e_fa98_ec4e_6c89
    public static let k4: UInt64 = 0x4528_21e6_38d0_1377
}

extension UInt256 {
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        let s = UInt64(truncatingIfNeeded: seed)
        let a = WordHash.fold(w0 ^ s ^ WordHash.k0, w1 ^ WordHash.k1)
        let b = WordHash.fold(w2 ^ WordHash.k2, w3 ^ s ^ WordHash.k3)
        return Int(truncatingIfNeeded: WordHash.fold(a ^ WordHash.k4, b ^ WordHash.k1))
    }
}

extension Address {
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        let s = UInt64(truncatingIfNeeded: seed)
        let a = WordHash.fold(lo ^ s ^ WordHash.k0, mid ^ WordHash.k1)
        return Int(truncatingIfNeeded: WordHash.fold(a ^ WordHash.k4, UInt64(hi) ^ s ^ WordHash.k2))
    }
}
