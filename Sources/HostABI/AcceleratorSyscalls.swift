import GuestABI
import RISCV

/// The accelerator calls of docs/ABI.md §3 (hashes, signatures, MODEXP, U256_MULMOD, BN254, BLAKE2f, KZG,
/// BLS12-381, secp256r1) for `rvx run`: the same host crypto and costs as under EXECUTE, so a guest written to
/// the eth-act accelerator interface runs outside EXECUTE too. Every other native call (input, state, COMMIT,
/// POST_ROOT, PROBE, DEBUG_PRINT, cycle counter) stays -ENOSYS there, as under qemu-user, so that
/// `libzkvm_rvx.a` falls back to stdin, stdout and stderr.
public struct AcceleratorSyscalls: SyscallExtension {
    var native = NativeSyscalls<NoStateBackend>(input: [], sections: [], mode: .guestManaged, state: nil)

    /// The native calls served.
    public static let served: Set<NativeSyscall> = [
        .keccak256, .keccakF1600, .sha256, .secp256k1Ecrecover, .secp256k1Verify, .modexp, .u256Mulmod,
        .ripemd160, .bn254G1Add, .bn254G1Mul, .bn254Pairing, .blake2f, .kzgPointEval, .secp256r1Verify,
        .bls12G1Add, .bls12G1MSM, .bls12G2Add, .bls12G2MSM, .bls12Pairing, .bls12MapFpToG1, .bls12MapFp2ToG2,
    ]

    public init() {}

    public mutating func handle(_ number: UInt64, _ hart: Hart) -> SyscallAction? {
        guard let call = NativeSyscall(rawValue: number), Self.served.contains(call) else { return nil }
        return native.handle(number, hart)
    }
}
