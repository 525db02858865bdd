import EVMPrimitives

/// BLS12-381 over the EIP-2537 encodings (EIP-2537 §"Encoding", §"Precompiles"): the entry point that the
/// native `CryptoProvider`, the guest without accelerators and the host's accelerator syscalls share.
public enum BLS12381 {
    /// Runs one EIP-2537 operation; nil when the input is invalid (the precompile then fails).
    public static func run(_ operation: BLS12Operation, _ input: [UInt8]) -> [UInt8]? {
        // SCAFFOLD: replaced by the BLS12-381 implementation.
        nil
    }
}
