import Crypto
import EVMPrecompiles
import EVMPrimitives
import GuestABI
import NativeCrypto
import RISCV

/// The accelerator syscalls behind the eth-act zkVM accelerator standard (docs/ABI.md §3, 0x1037–0x103D and
/// 0x1050–0x1056): RIPEMD-160, BN254 (EIP-196/197), BLAKE2f (EIP-152), KZG point evaluation (EIP-4844),
/// secp256r1 (EIP-7951) and the seven EIP-2537 BLS12-381 operations.
///
/// Every length is checked against its fixed size or its guest buffer before the host copies anything, and
/// the cost (per pair, per round, per block) is charged before the work. Results are computed into host
/// memory and only then written, so outputs may alias inputs. Malformed inputs answer
/// `NativeStatus.error`, well-formed inputs that do not verify `NativeStatus.verifyFailure`.
extension NativeSyscalls {
    mutating func accelerateCurve(_ call: NativeSyscall, _ hart: Hart) throws(NativeAbort) -> Int64 {
        switch call {
        case .ripemd160:
            let n = arg(hart, 1)
            try charge(hart, SyscallCosts.ripemd160(n))
            let data = [UInt8](try buffer(hart, arg(hart, 0), n, .read))
            let out = try buffer(hart, arg(hart, 2), 32, .write)
            let digest = [UInt8](repeating: 0, count: 12) + RIPEMD160.hash(data)
            out.copyBytes(from: digest)
            return 0
        case .bn254G1Add:
            try charge(hart, SyscallCosts.bn254Add)
            let input = try bytes(hart, arg(hart, 0), 64) + bytes(hart, arg(hart, 1), 64)
            return try answer(BN254.add(input), hart, arg(hart, 2))
        case .bn254G1Mul:
            try charge(hart, SyscallCosts.bn254Mul)
            let input = try bytes(hart, arg(hart, 0), 64) + bytes(hart, arg(hart, 1), 32)
            return try answer(BN254.mul(input), hart, arg(hart, 2))
        case .bn254Pairing:
            let n = arg(hart, 1)
            let (len, o) = n.multipliedReportingOverflow(by: NativeABI.bn254PairSize)
            if o { throw .errno(LinuxErrno.EFAULT) }
            try charge(hart, SyscallCosts.perItem(base: SyscallCosts.bn254PairingBase, SyscallCosts.bn254PairingPair, count: n))
            let input = try bytes(hart, arg(hart, 0), len)
            return verdict(BN254.pairing(input))
        case .blake2f:
            return try blake2f(hart)
        case .kzgPointEval:
            try charge(hart, SyscallCosts.kzgPointEval)
            let commitment = try bytes(hart, arg(hart, 0), NativeABI.kzgPointSize)
            let z = try bytes(hart, arg(hart, 1), 32), y = try bytes(hart, arg(hart, 2), 32)
            let proof = try bytes(hart, arg(hart, 3), NativeABI.kzgPointSize)
            guard let ok = KZG.verifyProof(commitment: commitment, z: z, y: y, proof: proof) else { return NativeStatus.error }
            return ok ? NativeStatus.success : NativeStatus.verifyFailure
        case .secp256r1Verify:
            try charge(hart, SyscallCosts.secp256r1Verify)
            let hash = try bytes(hart, arg(hart, 0), 32), sig = try bytes(hart, arg(hart, 1), 64)
            let key = try bytes(hart, arg(hart, 2), 64)
            // A public key that is not a finite curve point with coordinates below p is malformed.
            guard (try? P256.Signing.PublicKey(rawRepresentation: key)) != nil else { return NativeStatus.error }
            let ok = NativeP256.verify(hash: hash, r: Array(sig[0..<32]), s: Array(sig[32...]),
                                       x: Array(key[0..<32]), y: Array(key[32...]))
            return ok ? NativeStatus.success : NativeStatus.verifyFailure
        default:
            return try bls12(call, hart)
        }
    }

    /// BLAKE2F: rounds in a0 (32 bits), h (in/out) in a1, m in a2, t in a3, f in a4; cost per round.
    mutating func blake2f(_ hart: Hart) throws(NativeAbort) -> Int64 {
        let rounds = UInt32(truncatingIfNeeded: arg(hart, 0))
        try charge(hart, SyscallCosts.mul(SyscallCosts.blake2fRound, UInt64(rounds)))
        let h = try buffer(hart, arg(hart, 1), NativeABI.blake2fStateSize, [.read, .write])
        let m = try bytes(hart, arg(hart, 2), NativeABI.blake2fMessageSize)
        let t = try bytes(hart, arg(hart, 3), NativeABI.blake2fOffsetSize)
        let f = arg(hart, 4)
        guard f <= 1 else { return NativeStatus.error }
        let be: [UInt8] = [UInt8(rounds >> 24), UInt8(rounds >> 16 & 0xFF), UInt8(rounds >> 8 & 0xFF), UInt8(rounds & 0xFF)]
        let input = be + [UInt8](h) + m + t + [UInt8(f)]
        guard let out = Blake2F.compress(input) else { return NativeStatus.error }
        h.copyBytes(from: out)
        return NativeStatus.success
    }

    /// The seven EIP-2537 calls: a0 = input, a1 = its length, a2 = out (except the pairing check).
    mutating func bls12(_ call: NativeSyscall, _ hart: Hart) throws(NativeAbort) -> Int64 {
        let n = arg(hart, 1)
        let op: BLS12Operation, cost: UInt64, outSize: UInt64
        switch call {
        case .bls12G1Add: (op, cost, outSize) = (.g1Add, SyscallCosts.bls12G1Add, NativeABI.bls12G1Size)
        case .bls12G1MSM:
            let pairs = SyscallCosts.ceilDiv(n, NativeABI.bls12G1Size + NativeABI.bls12ScalarSize)
            (op, cost, outSize) = (.g1MSM, SyscallCosts.mul(SyscallCosts.bls12G1MSMPair, max(pairs, 1)), NativeABI.bls12G1Size)
        case .bls12G2Add: (op, cost, outSize) = (.g2Add, SyscallCosts.bls12G2Add, NativeABI.bls12G2Size)
        case .bls12G2MSM:
            let pairs = SyscallCosts.ceilDiv(n, NativeABI.bls12G2Size + NativeABI.bls12ScalarSize)
            (op, cost, outSize) = (.g2MSM, SyscallCosts.mul(SyscallCosts.bls12G2MSMPair, max(pairs, 1)), NativeABI.bls12G2Size)
        case .bls12Pairing:
            let pairs = SyscallCosts.ceilDiv(n, NativeABI.bls12G1Size + NativeABI.bls12G2Size)
            (op, cost, outSize) = (.pairingCheck, SyscallCosts.perItem(
                base: SyscallCosts.bls12PairingBase, SyscallCosts.bls12PairingPair, count: pairs), 0)
        case .bls12MapFpToG1: (op, cost, outSize) = (.mapFpToG1, SyscallCosts.bls12MapFpToG1, NativeABI.bls12G1Size)
        default: (op, cost, outSize) = (.mapFp2ToG2, SyscallCosts.bls12MapFp2ToG2, NativeABI.bls12G2Size)
        }
        try charge(hart, cost)
        let input = try bytes(hart, arg(hart, 0), n)
        let result = BLS12381.run(op, input)
        if op == .pairingCheck { return verdict(result) }
        return try answer(result.flatMap { UInt64($0.count) == outSize ? $0 : nil }, hart, arg(hart, 2))
    }

    /// A copy of the guest bytes [address, address + count): the range is checked before anything is allocated.
    func bytes(_ hart: Hart, _ address: UInt64, _ count: UInt64) throws(NativeAbort) -> [UInt8] {
        [UInt8](try buffer(hart, address, count, .read))
    }

    /// Writes a computed point to `out` (success) or answers `error` when the operation rejected its input.
    func answer(_ result: [UInt8]?, _ hart: Hart, _ out: UInt64) throws(NativeAbort) -> Int64 {
        guard let r = result else { return NativeStatus.error }
        let b = try buffer(hart, out, UInt64(r.count), .write)
        b.copyBytes(from: r)
        return NativeStatus.success
    }

    /// A pairing check's 32-byte answer as a status: 0 holds, 1 does not hold, -1 invalid input.
    func verdict(_ result: [UInt8]?) -> Int64 {
        guard let r = result, r.count == 32 else { return NativeStatus.error }
        return r[31] == 1 ? NativeStatus.success : NativeStatus.verifyFailure
    }
}
