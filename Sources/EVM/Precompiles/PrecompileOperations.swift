import EVMPrimitives

extension Precompiles {
    /// EIP-4844 `POINT_EVALUATION_PRECOMPILE_GAS`.
    public static let pointEvaluationGas: Int64 = 50000
    /// EIP-7951 `P256VERIFY` gas (Osaka).
    public static let p256VerifyGas: Int64 = 6900

    /// EIP-4844 point-evaluation output: `FIELD_ELEMENTS_PER_BLOB` (4096) ‖ `BLS_MODULUS`, each a 32-byte
    /// big-endian word.
    public static let pointEvaluationOutput: [UInt8] = {
        var out = [UInt8](repeating: 0, count: 32)
        out[30] = 0x10
        let modulus: [UInt8] = [
            0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05,
            0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
        ]
        return out + modulus
    }()

    /// The EIP-2537 operation behind `p` and its gas for an input of `inputLength` bytes, or nil when the
    /// length is invalid for it (fixed length for ADD and MAP; a non-zero multiple of the pair size for MSM
    /// and PAIRING_CHECK), which fails the call.
    public static func bls12Pricing(_ p: Precompile, inputLength n: Int) -> (BLS12Operation, Int64)? {
        switch p {
        case .bls12G1Add: return n == 256 ? (.g1Add, BLS12Gas.g1Add) : nil
        case .bls12G2Add: return n == 512 ? (.g2Add, BLS12Gas.g2Add) : nil
        case .bls12MapFpToG1: return n == 64 ? (.mapFpToG1, BLS12Gas.mapFpToG1) : nil
        case .bls12MapFp2ToG2: return n == 128 ? (.mapFp2ToG2, BLS12Gas.mapFp2ToG2) : nil
        case .bls12G1MSM: return n > 0 && n % 160 == 0 ? (.g1MSM, BLS12Gas.g1MSM(pairs: n / 160)) : nil
        case .bls12G2MSM: return n > 0 && n % 288 == 0 ? (.g2MSM, BLS12Gas.g2MSM(pairs: n / 288)) : nil
        case .bls12PairingCheck:
            return n > 0 && n % 384 == 0 ? (.pairingCheck, BLS12Gas.pairing(pairs: n / 384)) : nil
        default: return nil
        }
    }
}

extension EVM {
    /// EIP-4844 POINT_EVALUATION (execution-specs `cancun/vm/precompiled_contracts/point_evaluation.py`): input
    /// versioned_hash ‖ z ‖ y ‖ commitment ‖ proof (192 bytes); the versioned hash must be
    /// 0x01 ‖ sha256(commitment)[1…] and the proof must verify. Nil (failure) otherwise.
    func pointEvaluation(_ input: [UInt8]) -> [UInt8]? {
        guard input.count == 192 else { return nil }
        let commitment = Array(input[96..<144])
        var hash = crypto.sha256(commitment)
        hash[0] = 0x01
        guard hash[...] == input[0..<32] else { return nil }
        let ok = crypto.kzgVerifyProof(
            commitment: commitment, z: Array(input[32..<64]), y: Array(input[64..<96]),
            proof: Array(input[144..<192]))
        return ok == true ? Precompiles.pointEvaluationOutput : nil
    }

    /// EIP-7951 P256VERIFY (execution-specs `osaka/vm/precompiled_contracts/p256verify.py`): input
    /// hash ‖ r ‖ s ‖ qx ‖ qy (160 bytes); output the 32-byte word 1 for a valid signature, else empty output
    /// (the call still succeeds).
    public func p256Verify(_ input: [UInt8]) -> [UInt8] {
        guard input.count == 160 else { return [] }
        let valid = crypto.p256Verify(
            hash: Array(input[0..<32]), r: Array(input[32..<64]), s: Array(input[64..<96]),
            x: Array(input[96..<128]), y: Array(input[128..<160]))
        guard valid else { return [] }
        var out = [UInt8](repeating: 0, count: 32)
        out[31] = 1
        return out
    }
}
