/// The pairing-friendly-curve and signature operations that the EVM reaches through `CryptoProvider`, so that
/// the RISC-V guest can back each by an accelerator syscall and the host by native code.
///
/// Every operation takes and returns the byte encodings of its precompile (EIP-2537 §"Encoding" for
/// BLS12-381, EIP-4844 §"Point evaluation precompile" for KZG): the provider computes, the EVM prices.
public enum BLS12Operation: UInt8, Sendable, CaseIterable {
    /// EIP-2537 BLS12_G1ADD (0x0b): 256 bytes → 128 bytes.
    case g1Add = 1
    /// EIP-2537 BLS12_G1MSM (0x0c): k × 160 bytes (k ≥ 1) → 128 bytes.
    case g1MSM = 2
    /// EIP-2537 BLS12_G2ADD (0x0d): 512 bytes → 256 bytes.
    case g2Add = 3
    /// EIP-2537 BLS12_G2MSM (0x0e): k × 288 bytes (k ≥ 1) → 256 bytes.
    case g2MSM = 4
    /// EIP-2537 BLS12_PAIRING_CHECK (0x0f): k × 384 bytes (k ≥ 1) → 32 bytes (1 or 0).
    case pairingCheck = 5
    /// EIP-2537 BLS12_MAP_FP_TO_G1 (0x10): 64 bytes → 128 bytes.
    case mapFpToG1 = 6
    /// EIP-2537 BLS12_MAP_FP2_TO_G2 (0x11): 128 bytes → 256 bytes.
    case mapFp2ToG2 = 7
}
