/// The native rvx system calls, ABI version 1 (docs/ABI.md §3 "Native calls"). The number goes in a7,
/// arguments in a0–a6, results in a0 (and a1 where stated); a negative a0 is `-errno`.
///
/// This enum is the single source of truth for the numbers: the C header `guest/sdk/include/rvx/syscalls.h`
/// is generated from it (`NativeABIHeader.text`), and the host's `NativeSyscalls` extension dispatches on it.
public enum NativeSyscall: UInt64, CaseIterable, Sendable {
    /// a0 = `NativeABI.probeMagic` ("RVX1"), a1 = `NativeABI.version`. Under qemu-user: -ENOSYS.
    case probe = 0x1000
    /// a0 = section kind (0 = the whole container) → a0 = guest address of the body, a1 = its length; -ENOENT.
    case inputMap = 0x1001
    /// a0 = kind, a1 = buf, a2 = len, a3 = offset → copies min(len, size − offset) bytes; a0 = full size.
    case inputRead = 0x1002
    /// a0 = key ptr (32 B), a1 = value out (32 B) → a0 = 1 present / 0 absent (value zeroed).
    case stateRead = 0x1010
    /// a0 = key ptr (32 B), a1 = value ptr (32 B) or 0 to delete → a0 = 0.
    case stateWrite = 0x1011
    /// a0 = out ptr (32 B) → the current state root including all writes; a0 = 0.
    case stateRoot = 0x1012
    /// a0 = ptr, a1 = len → appends to the public output; a0 = len. `write(3, …)` is an alias.
    case commit = 0x1020
    /// a0 = ptr (32 B) → declares the post-state root (guest-managed mode only); a0 = 0.
    case postRoot = 0x1021
    /// a0 = ptr, a1 = len, a2 = out (32 B) → Keccak-256; a0 = 0.
    case keccak256 = 0x1030
    /// a0 = state ptr (200 B, 25 little-endian u64 lanes) → permuted in place; a0 = 0.
    case keccakF1600 = 0x1031
    /// a0 = ptr, a1 = len, a2 = out (32 B) → SHA-256; a0 = 0.
    case sha256 = 0x1032
    /// a0 = hash (32), a1 = sig (64: r‖s), a2 = recid (0–3), a3 = out (64: x‖y) → a0 = status.
    case secp256k1Ecrecover = 0x1033
    /// a0 = hash (32), a1 = sig (64), a2 = pubkey (64: x‖y) → a0 = status (-1 malformed pubkey).
    case secp256k1Verify = 0x1034
    /// a0 = base, a1 = base_len, a2 = exp, a3 = exp_len, a4 = mod, a5 = mod_len, a6 = out (mod_len B) → a0 = 0.
    case modexp = 0x1035
    /// a0 = a, a1 = b, a2 = m, a3 = out (each 32 B, 4 little-endian u64 limbs) → out = a·b mod m; a0 = 0.
    case u256Mulmod = 0x1036
    /// a0 = ptr, a1 = len, a2 = out (32 B: 12 zero bytes, then the 20-byte RIPEMD-160 digest) → a0 = 0.
    case ripemd160 = 0x1037
    /// a0 = p1 (64), a1 = p2 (64), a2 = out (64), EIP-196 encoding → a0 = status (-1 invalid point).
    case bn254G1Add = 0x1038
    /// a0 = point (64), a1 = scalar (32), a2 = out (64), EIP-196 encoding → a0 = status (-1 invalid point).
    case bn254G1Mul = 0x1039
    /// a0 = pairs (n × 192, EIP-197 encoding), a1 = n → a0 = 0 holds, 1 does not hold, -1 invalid point.
    case bn254Pairing = 0x103A
    /// a0 = rounds, a1 = h (64, in/out), a2 = m (128), a3 = t (16), a4 = f → a0 = status (-1 f not 0/1).
    case blake2f = 0x103B
    /// a0 = commitment (48), a1 = z (32), a2 = y (32), a3 = proof (48) → a0 = 0 valid, 1 invalid, -1 malformed.
    case kzgPointEval = 0x103C
    /// a0 = hash (32), a1 = sig (64: r‖s), a2 = pubkey (64: x‖y) → a0 = 0 valid, 1 invalid, -1 malformed key.
    case secp256r1Verify = 0x103D
    /// EIP-2537 G1ADD: a0 = input (256), a1 = len, a2 = out (128) → a0 = status (-1 invalid input).
    case bls12G1Add = 0x1050
    /// EIP-2537 G1MSM: a0 = input (k × 160), a1 = len, a2 = out (128) → a0 = status.
    case bls12G1MSM = 0x1051
    /// EIP-2537 G2ADD: a0 = input (512), a1 = len, a2 = out (256) → a0 = status.
    case bls12G2Add = 0x1052
    /// EIP-2537 G2MSM: a0 = input (k × 288), a1 = len, a2 = out (256) → a0 = status.
    case bls12G2MSM = 0x1053
    /// EIP-2537 PAIRING_CHECK: a0 = input (k × 384), a1 = len → a0 = 0 holds, 1 does not hold, -1 invalid.
    case bls12Pairing = 0x1054
    /// EIP-2537 MAP_FP_TO_G1: a0 = input (64), a1 = len, a2 = out (128) → a0 = status.
    case bls12MapFpToG1 = 0x1055
    /// EIP-2537 MAP_FP2_TO_G2: a0 = input (128), a1 = len, a2 = out (256) → a0 = status.
    case bls12MapFp2ToG2 = 0x1056
    /// a0 = ptr, a1 = len → bytes to the host's debug sink (never part of the verdict); a0 = 0.
    case debugPrint = 0x1040
    /// → a0 = cycles consumed so far (including this call's base cost).
    case cycleCount = 0x1041
    /// a0 = `NativeABI.scopeEnter` or `scopeExit`, a1 = name ptr, a2 = name len → a0 = 0. A named cycle scope
    /// for profilers (`rvx profile`): no effect on the run beyond the base cost; the host reads nothing.
    case cycleScope = 0x1042

    /// The name used in the C header after `RVX_SYS_` (e.g. `SECP256K1_ECRECOVER`).
    public var cName: String {
        switch self {
        case .probe: return "PROBE"
        case .inputMap: return "INPUT_MAP"
        case .inputRead: return "INPUT_READ"
        case .stateRead: return "STATE_READ"
        case .stateWrite: return "STATE_WRITE"
        case .stateRoot: return "STATE_ROOT"
        case .commit: return "COMMIT"
        case .postRoot: return "POST_ROOT"
        case .keccak256: return "KECCAK256"
        case .keccakF1600: return "KECCAK_F1600"
        case .sha256: return "SHA256"
        case .secp256k1Ecrecover: return "SECP256K1_ECRECOVER"
        case .secp256k1Verify: return "SECP256K1_VERIFY"
        case .modexp: return "MODEXP"
        case .u256Mulmod: return "U256_MULMOD"
        case .ripemd160: return "RIPEMD160"
        case .bn254G1Add: return "BN254_G1_ADD"
        case .bn254G1Mul: return "BN254_G1_MUL"
        case .bn254Pairing: return "BN254_PAIRING"
        case .blake2f: return "BLAKE2F"
        case .kzgPointEval: return "KZG_POINT_EVAL"
        case .secp256r1Verify: return "SECP256R1_VERIFY"
        case .bls12G1Add: return "BLS12_G1_ADD"
        case .bls12G1MSM: return "BLS12_G1_MSM"
        case .bls12G2Add: return "BLS12_G2_ADD"
        case .bls12G2MSM: return "BLS12_G2_MSM"
        case .bls12Pairing: return "BLS12_PAIRING"
        case .bls12MapFpToG1: return "BLS12_MAP_FP_TO_G1"
        case .bls12MapFp2ToG2: return "BLS12_MAP_FP2_TO_G2"
        case .debugPrint: return "DEBUG_PRINT"
        case .cycleCount: return "CYCLE_COUNT"
        case .cycleScope: return "CYCLE_SCOPE"
        }
    }
}

/// Constants of the rvx native guest ABI version 1 (docs/ABI.md §1–§4).
public enum NativeABI {
    /// PROBE's a0: the ASCII bytes "RVX1" read as a big-endian 32-bit number.
    public static let probeMagic: UInt64 = 0x5256_5831
    /// PROBE's a1: the ABI version.
    public static let version: UInt64 = 1
    /// The file descriptor whose `write` is an alias of COMMIT.
    public static let commitFD: UInt64 = 3
    /// INPUT_MAP / INPUT_READ kind selecting the whole container (header included).
    public static let wholeContainer: UInt64 = 0
    /// Size of state keys, values and roots.
    public static let wordSize: UInt64 = 32
    /// Size of the Keccak-f[1600] state (25 lanes of 8 bytes).
    public static let keccakStateSize: UInt64 = 200
    /// Default cap on the public output (COMMIT and write(3)); passing it stops the run.
    public static let defaultOutputLimit: UInt64 = 1 << 20
    /// Cap on DEBUG_PRINT output kept by the host; later bytes are dropped silently (never a stop).
    public static let defaultDebugLimit: UInt64 = 64 << 10
    /// Bytes of one BN254 pairing pair (G1 64 ‖ G2 128, EIP-197).
    public static let bn254PairSize: UInt64 = 192
    /// Bytes of the BLAKE2f state h, message m and offset t (EIP-152).
    public static let blake2fStateSize: UInt64 = 64
    public static let blake2fMessageSize: UInt64 = 128
    public static let blake2fOffsetSize: UInt64 = 16
    /// Bytes of a compressed BLS12-381 G1 point (KZG commitment and proof, EIP-4844).
    public static let kzgPointSize: UInt64 = 48
    /// Bytes of an EIP-2537 G1 point, G2 point and scalar in the BLS12 calls (each Fp padded to 64 bytes).
    public static let bls12G1Size: UInt64 = 128
    public static let bls12G2Size: UInt64 = 256
    public static let bls12ScalarSize: UInt64 = 32
    /// CYCLE_SCOPE's a0: open a scope named by (a1, a2).
    public static let scopeEnter: UInt64 = 1
    /// CYCLE_SCOPE's a0: close the innermost open scope.
    public static let scopeExit: UInt64 = 0
    /// Bytes of a CYCLE_SCOPE name a profiler reads (longer names are cut).
    public static let scopeNameLimit: UInt64 = 64
}

/// Accelerator status codes returned in a0. The C library maps them to the zkVM standard's `zkvm_status`
/// (`ZKVM_EOK` = 0, `ZKVM_EFAIL` = -1) and its `bool *verified` (docs/SDK.md §2).
public enum NativeStatus {
    /// The operation succeeded (signature valid, pairing holds, key recovered).
    public static let success: Int64 = 0
    /// A malformed argument (a point off the curve or outside the subgroup, a coordinate ≥ p, a bad flag).
    public static let error: Int64 = -1
    /// Well-formed arguments that do not verify (signature invalid, pairing product ≠ 1, no key recoverable).
    public static let verifyFailure: Int64 = 1
}

extension LinuxErrno {
    /// No such file or directory: INPUT_MAP / INPUT_READ of an absent section.
    public static let ENOENT: Int64 = 2
}

/// The section kinds of the input container (docs/FORMAT.md §3), mirrored here as numbers only so that
/// GuestABI stays independent of the InputContainer module; a test checks that both agree.
public enum NativeSection {
    public static let batch: UInt64 = 1
    public static let witness: UInt64 = 2
    public static let preStateRoot: UInt64 = 3
    public static let config: UInt64 = 4
    public static let l1Anchor: UInt64 = 5
    public static let blockEnv: UInt64 = 6
    /// (name, number) pairs in order, for the generated header.
    public static let all: [(String, UInt64)] = [
        ("BATCH", batch), ("WITNESS", witness), ("PRE_STATE_ROOT", preStateRoot),
        ("CONFIG", config), ("L1_ANCHOR", l1Anchor), ("BLOCK_ENV", blockEnv),
    ]
    /// The container magic "RVXEXEC\0" (docs/FORMAT.md §2).
    public static let containerMagic: [UInt8] = [0x52, 0x56, 0x58, 0x45, 0x58, 0x45, 0x43, 0x00]
    /// The container format version.
    public static let containerVersion: UInt64 = 1
    /// Size of the container header and of one section-table entry.
    public static let containerHeaderSize: UInt64 = 24
    public static let containerEntrySize: UInt64 = 24
}
