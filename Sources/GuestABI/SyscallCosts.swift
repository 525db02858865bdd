/// Cycle costs of the native syscalls and of EXECUTE's pre-run witness verification, and the gas
/// formula's parameters (docs/ABI.md §5 "Costs", docs/EXECUTE.md §3 "Metering").
///
/// Every ecall retires as one instruction (1 cycle, charged by the interpreter) and is then charged
/// `base` plus its variable cost below. All functions saturate instead of overflowing.
public enum SyscallCosts {
    /// Charged for every native syscall and every Linux syscall under EXECUTE.
    public static let base: UInt64 = 50
    /// INPUT_READ, COMMIT, DEBUG_PRINT, read and write: 1 cycle per started 8 bytes moved.
    public static let bytesPerCycle: UInt64 = 8
    /// KECCAK256: per 136-byte block, ⌈(len + 1) / 136⌉ blocks (the padding byte included).
    public static let keccakBlock: UInt64 = 200
    /// Keccak-256 rate in bytes.
    public static let keccakRate: UInt64 = 136
    /// KECCAK_F1600: one permutation.
    public static let keccakF1600: UInt64 = 200
    /// SHA256: per 64-byte block, ⌈(len + 9) / 64⌉ blocks (padding and length included).
    public static let sha256Block: UInt64 = 100
    /// SECP256K1_ECRECOVER.
    public static let ecrecover: UInt64 = 20_000
    /// SECP256K1_VERIFY.
    public static let secp256k1Verify: UInt64 = 20_000
    /// MODEXP: this many cycles per unit of EIP-2565 gas (which is at least 200).
    public static let modexpPerGas: UInt64 = 10
    /// U256_MULMOD.
    public static let u256Mulmod: UInt64 = 100
    /// RIPEMD160: per 64-byte block, ⌈(len + 9) / 64⌉ blocks (padding and length included).
    public static let ripemd160Block: UInt64 = 150
    /// BN254_G1_ADD, BN254_G1_MUL (10 × their EIP-1108 gas).
    public static let bn254Add: UInt64 = 1_500
    public static let bn254Mul: UInt64 = 60_000
    /// BN254_PAIRING: base + per pair (10 × EIP-1108's 45 000 + 34 000 k).
    public static let bn254PairingBase: UInt64 = 450_000
    public static let bn254PairingPair: UInt64 = 340_000
    /// BLAKE2F: per round (10 × EIP-152's 1 gas per round).
    public static let blake2fRound: UInt64 = 10
    /// KZG_POINT_EVAL (10 × EIP-4844's 50 000 gas).
    public static let kzgPointEval: UInt64 = 500_000
    /// SECP256R1_VERIFY (10 × EIP-7951's 6 900 gas).
    public static let secp256r1Verify: UInt64 = 69_000
    /// BLS12_G1_ADD, BLS12_G2_ADD (10 × EIP-2537 gas).
    public static let bls12G1Add: UInt64 = 3_750
    public static let bls12G2Add: UInt64 = 6_000
    /// BLS12_G1_MSM, BLS12_G2_MSM: per pair (10 × EIP-2537's single-pair gas; no MSM discount).
    public static let bls12G1MSMPair: UInt64 = 120_000
    public static let bls12G2MSMPair: UInt64 = 225_000
    /// BLS12_PAIRING: base + per pair (10 × EIP-2537's 37 700 + 32 600 k).
    public static let bls12PairingBase: UInt64 = 377_000
    public static let bls12PairingPair: UInt64 = 326_000
    /// BLS12_MAP_FP_TO_G1, BLS12_MAP_FP2_TO_G2 (10 × EIP-2537 gas).
    public static let bls12MapFpToG1: UInt64 = 55_000
    public static let bls12MapFp2ToG2: UInt64 = 238_000
    /// STATE_READ and STATE_WRITE.
    public static let stateAccess: UInt64 = 100
    /// STATE_ROOT and witness verification: per hash computed by the tree.
    public static let hash: UInt64 = 200
    /// Witness verification: 1 cycle per started 8 witness bytes.
    public static let witnessBytesPerCycle: UInt64 = 8

    /// Default cycles per unit of gas (EXECUTE's gas = cycles / cyclesPerGas + 16 × container bytes).
    public static let defaultCyclesPerGas: UInt64 = 100
    /// Gas per container byte (as EIP-2028 calldata).
    public static let gasPerContainerByte: UInt64 = 16

    /// ⌈n / d⌉ without overflow (d > 0).
    @inlinable
    public static func ceilDiv(_ n: UInt64, _ d: UInt64) -> UInt64 { n / d + (n % d == 0 ? 0 : 1) }

    /// Saturating a · b.
    @inlinable
    public static func mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        return o ? .max : p
    }

    /// Variable cost of moving `n` bytes (INPUT_READ, COMMIT, DEBUG_PRINT, read, write).
    @inlinable
    public static func copy(_ n: UInt64) -> UInt64 { ceilDiv(n, bytesPerCycle) }

    /// Variable cost of KECCAK256 over `n` bytes.
    @inlinable
    public static func keccak(_ n: UInt64) -> UInt64 { mul(keccakBlock, n / keccakRate + 1) }

    /// Variable cost of SHA256 over `n` bytes.
    @inlinable
    public static func sha256(_ n: UInt64) -> UInt64 {
        n > UInt64.max - 9 ? .max : mul(sha256Block, ceilDiv(n + 9, 64))
    }

    /// Variable cost of RIPEMD160 over `n` bytes.
    @inlinable
    public static func ripemd160(_ n: UInt64) -> UInt64 {
        n > UInt64.max - 9 ? .max : mul(ripemd160Block, ceilDiv(n + 9, 64))
    }

    /// `base + perItem × count`, saturating (pairings, MSMs: per pair).
    @inlinable
    public static func perItem(base: UInt64, _ perItem: UInt64, count: UInt64) -> UInt64 {
        let (s, o) = base.addingReportingOverflow(mul(perItem, count))
        return o ? .max : s
    }

    /// Variable cost of MODEXP given its EIP-2565 gas.
    @inlinable
    public static func modexp(gas: UInt64) -> UInt64 { mul(modexpPerGas, max(gas, 200)) }

    /// Cost of verifying a witness of `bytes` bytes that took `hashes` hashes, charged before the guest starts.
    @inlinable
    public static func witness(bytes: UInt64, hashes: UInt64) -> UInt64 {
        let (s, o) = mul(hash, hashes).addingReportingOverflow(ceilDiv(bytes, witnessBytesPerCycle))
        return o ? .max : s
    }

    /// EXECUTE's gas: cycles / cyclesPerGas + 16 × containerBytes (saturating).
    @inlinable
    public static func gas(cycles: UInt64, containerBytes: UInt64, cyclesPerGas: UInt64 = defaultCyclesPerGas) -> UInt64 {
        let (s, o) = (cycles / max(cyclesPerGas, 1)).addingReportingOverflow(mul(gasPerContainerByte, containerBytes))
        return o ? .max : s
    }
}
