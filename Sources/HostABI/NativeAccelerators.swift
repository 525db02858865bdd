import Crypto
import EVMPrecompiles
import EVMPrimitives
import GuestABI
import NativeCrypto
import RISCV

/// The accelerator syscalls (docs/ABI.md §3, 0x1030–0x1036): Keccak-256, Keccak-f[1600], SHA-256,
/// secp256k1 recovery and verification, MODEXP (EIP-198) and 256-bit mulmod (the curve calls are in
/// NativeCurveAccelerators.swift). Inputs are read from guest
/// memory in place; results are computed into host memory first, so output buffers may alias inputs.
extension NativeSyscalls {
    mutating func accelerate(_ call: NativeSyscall, _ hart: Hart) throws(NativeAbort) -> Int64 {
        switch call {
        case .keccak256:
            let n = arg(hart, 1)
            try charge(hart, SyscallCosts.keccak(n))
            let data = try buffer(hart, arg(hart, 0), n, .read)
            let out = try buffer(hart, arg(hart, 2), 32, .write)
            let digest = Keccak256.hash(UnsafeRawBufferPointer(data))
            out.copyBytes(from: digest)
            return 0
        case .keccakF1600:
            try charge(hart, SyscallCosts.keccakF1600)
            let b = try buffer(hart, arg(hart, 0), NativeABI.keccakStateSize, [.read, .write])
            var st = KeccakState()
            for i in 0..<25 { st[i] = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
            Keccak256.keccakF1600(&st)
            for i in 0..<25 { b.storeBytes(of: st[i].littleEndian, toByteOffset: 8 * i, as: UInt64.self) }
            return 0
        case .sha256:
            let n = arg(hart, 1)
            try charge(hart, SyscallCosts.sha256(n))
            let data = try buffer(hart, arg(hart, 0), n, .read)
            let out = try buffer(hart, arg(hart, 2), 32, .write)
            var h = SHA256()
            h.update(bufferPointer: UnsafeRawBufferPointer(data))
            let digest = Array(h.finalize())
            out.copyBytes(from: digest)
            return 0
        case .secp256k1Ecrecover:
            try charge(hart, SyscallCosts.ecrecover)
            let hash = [UInt8](try buffer(hart, arg(hart, 0), 32, .read))
            let sig = [UInt8](try buffer(hart, arg(hart, 1), 64, .read))
            let recid = arg(hart, 2)
            let out = try buffer(hart, arg(hart, 3), 64, .write)
            guard recid <= 3 else { return NativeStatus.error }
            guard let key = Secp256k1.recover(hash: hash, recid: UInt8(recid), r: Array(sig[0..<32]), s: Array(sig[32..<64])),
                  key.count == 64 else { return NativeStatus.verifyFailure }
            out.copyBytes(from: key)
            return NativeStatus.success
        case .secp256k1Verify:
            try charge(hart, SyscallCosts.secp256k1Verify)
            let hash = [UInt8](try buffer(hart, arg(hart, 0), 32, .read))
            let sig = [UInt8](try buffer(hart, arg(hart, 1), 64, .read))
            let key = [UInt8](try buffer(hart, arg(hart, 2), 64, .read))
            guard Secp256k1Point.isOnCurve(key) else { return NativeStatus.error }
            return Secp256k1.verify(hash: hash, signature64: sig, publicKey: key) ? NativeStatus.success : NativeStatus.verifyFailure
        case .modexp:
            return try modexp(hart)
        default:  // .u256Mulmod
            try charge(hart, SyscallCosts.u256Mulmod)
            let a = try limbs(hart, arg(hart, 0)), b = try limbs(hart, arg(hart, 1)), m = try limbs(hart, arg(hart, 2))
            let out = try buffer(hart, arg(hart, 3), 32, .write)
            let r = U256MulMod.mulmod(a, b, m)
            for i in 0..<4 { out.storeBytes(of: r[i].littleEndian, toByteOffset: 8 * i, as: UInt64.self) }
            return 0
        }
    }

    /// A 32-byte operand as 4 little-endian 64-bit limbs (least significant first).
    func limbs(_ hart: Hart, _ address: UInt64) throws(NativeAbort) -> [UInt64] {
        let b = try buffer(hart, address, 32, .read)
        return (0..<4).map { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)) }
    }

    /// MODEXP: operands of any length the guest can hold (EIP-198 before EIP-7823). The three buffers are
    /// checked in place and the cost, 10 × EIP-2565 gas, is charged before anything is copied or computed.
    mutating func modexp(_ hart: Hart) throws(NativeAbort) -> Int64 {
        let bl = arg(hart, 1), el = arg(hart, 3), ml = arg(hart, 5)
        let b = try buffer(hart, arg(hart, 0), bl, .read)
        let e = try buffer(hart, arg(hart, 2), el, .read)
        let m = try buffer(hart, arg(hart, 4), ml, .read)
        var head = [UInt8](repeating: 0, count: 32)
        let hl = Int(min(el, 32))
        for i in 0..<hl { head[32 - hl + i] = e[i] }
        let gas = ModExpPricing.gasEIP2565(
            ModExpHeader(baseLength: bl, exponentLength: el, modulusLength: ml, exponentHead: head))
        try charge(hart, SyscallCosts.modexp(gas: gas))
        let out = try buffer(hart, arg(hart, 6), ml, .write)
        let r = GMPModExp.modexp(base: [UInt8](b), exponent: [UInt8](e), modulus: [UInt8](m))
        if ml > 0 { out.copyBytes(from: r) }
        return 0
    }
}
