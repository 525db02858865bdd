// GuestCrypto: the EVM's CryptoProvider inside the RISC-V guest, over rvx native calls (docs/ABI.md §3):
// KECCAK256, SHA256, SECP256K1_ECRECOVER and MODEXP (operands of any length; the host has no size cap).
// The other precompiles (RIPEMD-160, BN254, BLAKE2F, identity) run in guest code from EVMPrecompiles.

import CRVX
import EVMPrecompiles
import EVMPrimitives
import RVX

struct GuestCrypto: CryptoProvider {
    func keccak256(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { RVX.keccak256($0).bytes }
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

    func bls12381(_ operation: BLS12Operation, _ input: [UInt8]) -> [UInt8]? {
        BLS12381.run(operation, input)
    }

    func kzgVerifyProof(commitment: [UInt8], z: [UInt8], y: [UInt8], proof: [UInt8]) -> Bool? {
        KZG.verifyProof(commitment: commitment, z: z, y: y, proof: proof)
    }

    func p256Verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool {
        Secp256r1.verify(hash: hash, r: r, s: s, x: x, y: y)
    }
}
