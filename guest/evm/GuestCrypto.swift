// GuestCrypto: the EVM's CryptoProvider inside the RISC-V guest, over rvx native calls (docs/ABI.md §3):
// KECCAK256, SHA256, SECP256K1_ECRECOVER, MODEXP (operands of any length; the host has no size cap), and the
// curve accelerators BLS12_* (EIP-2537, 0x1050–0x1056), KZG_POINT_EVAL (EIP-4844) and SECP256R1_VERIFY
// (EIP-7951), whose host side runs the same BLS12381.run / KZG.verifyProof and swift-crypto P-256 as the
// native EVM. Built with -D RVX_NO_CURVE_ACCELERATORS (the evm-guest-noaccel variant, docs/EVMGUEST.md §7)
// the curve operations run in guest code from EVMPrecompiles instead. RIPEMD-160, BN254, BLAKE2F and
// identity always run in guest code. Gas is charged by the EVM before a call; the syscalls charge cycles.

import CRVX
import EVMPrecompiles
import EVMPrimitives
import RVX

struct GuestCrypto: CryptoProvider {
    func keccak256(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { RVX.keccak256($0).bytes }
    }

    /// KECCAK256 straight into a word: `Word` holds the digest bytes in memory order.
    func keccak256Word(_ data: UnsafeRawBufferPointer) -> UInt256 {
        if data.isEmpty { return UInt256(bigEndian: keccak256([])) }
        let w = RVX.keccak256(data)
        return withUnsafeBytes(of: w.raw) { UInt256(bigEndianBytesAt: $0.baseAddress!) }
    }

    func sha256(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { RVX.sha256($0).bytes }
    }

    func ecrecover(hash: [UInt8], recid: UInt8, r: [UInt8], s: [UInt8]) -> [UInt8]? {
        guard hash.count == 32, r.count == 32, s.count == 32, recid <= 1 else { return nil }
        let h = hash.withUnsafeBytes { Word($0) }
        let rw = r.withUnsafeBytes { Word($0) }
        let sw = s.withUnsafeBytes { Word($0) }
        guard let key = RVX.ecrecover(hash: h, r: rw, s: sw, recid: recid) else { return nil }
        return key.x.bytes + key.y.bytes
    }

    /// The sender straight from the words: no arrays around SECP256K1_ECRECOVER and KECCAK256.
    func ecrecoverAddress(hash: UInt256, recid: UInt8, r: UInt256, s: UInt256) -> Address? {
        guard recid <= 1 else { return nil }
        var h = Word.zero, rw = Word.zero, sw = Word.zero
        withUnsafeMutableBytes(of: &h.raw) { hash.storeBigEndian(to: $0.baseAddress!) }
        withUnsafeMutableBytes(of: &rw.raw) { r.storeBigEndian(to: $0.baseAddress!) }
        withUnsafeMutableBytes(of: &sw.raw) { s.storeBigEndian(to: $0.baseAddress!) }
        guard let key = RVX.ecrecover(hash: h, r: rw, s: sw, recid: recid) else { return nil }
        var pub = (key.x.raw, key.y.raw)
        let digest = withUnsafeBytes(of: &pub) { RVX.keccak256($0) }
        return Address(withUnsafeBytes(of: digest.raw) { UInt256(bigEndianBytesAt: $0.baseAddress!) })
    }

    func modexp(base: [UInt8], exponent: [UInt8], modulus: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: modulus.count)
        let status = base.withUnsafeBufferPointer { b in
            exponent.withUnsafeBufferPointer { e in
                modulus.withUnsafeBufferPointer { m in
                    out.withUnsafeMutableBufferPointer { o in
                        rvx_modexp(b.baseAddress, b.count, e.baseAddress, e.count, m.baseAddress, m.count, o.baseAddress)
                    }
                }
            }
        }
        if status != 0 { RVX.exit(70) }
        return out
    }

#if RVX_NO_CURVE_ACCELERATORS
    func bls12381(_ operation: BLS12Operation, _ input: [UInt8]) -> [UInt8]? {
        BLS12381.run(operation, input)
    }

    func kzgVerifyProof(commitment: [UInt8], z: [UInt8], y: [UInt8], proof: [UInt8]) -> Bool? {
        KZG.verifyProof(commitment: commitment, z: z, y: y, proof: proof)
    }

    func p256Verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool {
        Secp256r1.verify(hash: hash, r: r, s: s, x: x, y: y)
    }
#else
    /// One BLS12_* call: status 0 gives the point written to `out` (or, for the pairing check, the word 1),
    /// 1 (pairing does not hold) the word 0, -1 (malformed input) nil — BLS12381.run's answers.
    func bls12381(_ operation: BLS12Operation, _ input: [UInt8]) -> [UInt8]? {
        let call: Int32, outSize: Int
        switch operation {
        case .g1Add: (call, outSize) = (RVX_SYS_BLS12_G1_ADD, Int(RVX_BLS12_G1_SIZE))
        case .g1MSM: (call, outSize) = (RVX_SYS_BLS12_G1_MSM, Int(RVX_BLS12_G1_SIZE))
        case .g2Add: (call, outSize) = (RVX_SYS_BLS12_G2_ADD, Int(RVX_BLS12_G2_SIZE))
        case .g2MSM: (call, outSize) = (RVX_SYS_BLS12_G2_MSM, Int(RVX_BLS12_G2_SIZE))
        case .pairingCheck: (call, outSize) = (RVX_SYS_BLS12_PAIRING, 0)
        case .mapFpToG1: (call, outSize) = (RVX_SYS_BLS12_MAP_FP_TO_G1, Int(RVX_BLS12_G1_SIZE))
        case .mapFp2ToG2: (call, outSize) = (RVX_SYS_BLS12_MAP_FP2_TO_G2, Int(RVX_BLS12_G2_SIZE))
        }
        var out = [UInt8](repeating: 0, count: outSize)
        let status = input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in rvx_bls12(Int(call), i.baseAddress, i.count, o.baseAddress) }
        }
        guard let ok = Self.verdict(status) else { return nil }
        if operation != .pairingCheck { return out }
        var word = [UInt8](repeating: 0, count: 32)
        if ok { word[31] = 1 }
        return word
    }

    func kzgVerifyProof(commitment: [UInt8], z: [UInt8], y: [UInt8], proof: [UInt8]) -> Bool? {
        guard commitment.count == Int(RVX_KZG_POINT_SIZE), proof.count == Int(RVX_KZG_POINT_SIZE),
              z.count == 32, y.count == 32 else { return nil }
        let status = commitment.withUnsafeBufferPointer { c in
            z.withUnsafeBufferPointer { zb in
                y.withUnsafeBufferPointer { yb in
                    proof.withUnsafeBufferPointer { p in
                        rvx_kzg_point_eval(c.baseAddress, zb.baseAddress, yb.baseAddress, p.baseAddress)
                    }
                }
            }
        }
        return Self.verdict(status)
    }

    /// SECP256R1_VERIFY: valid (0) is true; an invalid signature (1) or a key that is not a curve point (-1)
    /// is false, as EIP-7951 answers both with empty output.
    func p256Verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool {
        guard hash.count == 32, r.count == 32, s.count == 32, x.count == 32, y.count == 32 else { return false }
        let sig = r + s, key = x + y
        let status = hash.withUnsafeBufferPointer { h in
            sig.withUnsafeBufferPointer { sg in
                key.withUnsafeBufferPointer { k in rvx_secp256r1_verify(h.baseAddress, sg.baseAddress, k.baseAddress) }
            }
        }
        return Self.verdict(status) == true
    }

    /// An accelerator status: 0 true, 1 false, -1 (malformed input) nil; anything else is an SDK failure.
    static func verdict(_ status: Int) -> Bool? {
        switch status {
        case 0: return true
        case 1: return false
        case -1: return nil
        default: RVX.exit(70)
        }
    }
#endif
}
