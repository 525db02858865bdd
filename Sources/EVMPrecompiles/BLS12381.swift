import EVMPrimitives

/// BLS12-381 over the EIP-2537 encodings (EIP-2537 §"Encoding", §"Precompiles"): the entry point that the
/// native `CryptoProvider`, the guest without accelerators and the host's accelerator syscalls share.
public enum BLS12381 {
    /// Runs one EIP-2537 operation; nil when the input is invalid (the precompile then fails).
    public static func run(_ operation: BLS12Operation, _ input: [UInt8]) -> [UInt8]? {
        switch operation {
        case .g1Add:
            guard input.count == 2 * BLS12Codec.g1Size,
                  let a = BLS12Codec.decodeG1(input, at: 0, subgroupCheck: false),
                  let b = BLS12Codec.decodeG1(input, at: BLS12Codec.g1Size, subgroupCheck: false) else { return nil }
            return BLS12Codec.encodeG1(a + b)
        case .g2Add:
            guard input.count == 2 * BLS12Codec.g2Size,
                  let a = BLS12Codec.decodeG2(input, at: 0, subgroupCheck: false),
                  let b = BLS12Codec.decodeG2(input, at: BLS12Codec.g2Size, subgroupCheck: false) else { return nil }
            return BLS12Codec.encodeG2(a + b)
        case .g1MSM:
            return BLS12MSM.g1(input).map(BLS12Codec.encodeG1)
        case .g2MSM:
            return BLS12MSM.g2(input).map(BLS12Codec.encodeG2)
        case .pairingCheck:
            return BLS12Pairing.check(input).map { ok in
                var out = [UInt8](repeating: 0, count: 32)
                if ok { out[31] = 1 }
                return out
            }
        case .mapFpToG1:
            return BLS12Map.fpToG1(input)
        case .mapFp2ToG2:
            return BLS12Map.fp2ToG2(input)
        }
    }
}
