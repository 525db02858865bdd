import EVMPrecompiles
import EVMPrimitives

// The C ABI of include/rvx_accel.h (docs/SDK.md §8): the curve accelerators of the eth-act zkVM standard for
// host builds (toolchain/host-cc), over the same Swift implementations the guest's syscalls use
// (HostABI's NativeCurveAccelerators). Operands are the standard's unpadded layouts; every entry point returns
// 0 (success or verified), 1 (well formed, not verified) or -1 (malformed input), as the syscalls do.
// The caller (guest/sdk/host/zkvm_host_curves.c) has checked the pointers for NULL.

/// Bytes of one BLS12-381 field element in the standard's layout, and in EIP-2537's padded one.
let fpSize = 48, fpPadded = 64

/// `count` bytes at `p` as an array.
func load(_ p: UnsafePointer<UInt8>, _ count: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: p, count: count)) }

/// Writes `bytes` to `out` and answers success, or answers -1 when the operation rejected its input.
func store(_ bytes: [UInt8]?, _ out: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int64 {
    guard let b = bytes, b.count == count else { return -1 }
    b.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: count) }
    return 0
}

/// A 32-byte pairing answer (EIP-197 / EIP-2537) as 0 holds, 1 does not hold, -1 malformed.
func pairingVerdict(_ r: [UInt8]?) -> Int64 {
    guard let r, r.count == 32 else { return -1 }
    return r[31] == 1 ? 0 : 1
}

/// Unpadded field elements → EIP-2537 elements with 16 leading zero bytes each.
func widen(_ fps: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(fps.count / fpSize * fpPadded)
    var i = fps.startIndex
    while i < fps.endIndex {
        out.append(contentsOf: repeatElement(0, count: fpPadded - fpSize))
        out.append(contentsOf: fps[i..<i + fpSize])
        i += fpSize
    }
    return out
}

/// EIP-2537 elements → unpadded ones; nil when a padding byte is not zero (never, for a computed result).
func narrow(_ padded: [UInt8]) -> [UInt8]? {
    guard padded.count % fpPadded == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(padded.count / fpPadded * fpSize)
    for i in stride(from: 0, to: padded.count, by: fpPadded) {
        guard padded[i..<i + fpPadded - fpSize].allSatisfy({ $0 == 0 }) else { return nil }
        out.append(contentsOf: padded[i + fpPadded - fpSize..<i + fpPadded])
    }
    return out
}

/// `n` records of `fields` (field-element count, scalar bytes after them) in the standard's layout, widened.
func widenRecords(_ p: UnsafePointer<UInt8>, _ n: Int, fps: Int, scalar: Int) -> [UInt8]? {
    let record = fps * fpSize + scalar
    let (total, o) = n.multipliedReportingOverflow(by: record)
    guard !o, total <= 1 << 30 else { return nil }
    let all = load(p, total)
    var out: [UInt8] = []
    for r in 0..<n {
        let base = r * record
        out += widen(all[base..<base + fps * fpSize])
        out += all[base + fps * fpSize..<base + record]
    }
    return out
}

/// One EIP-2537 operation over widened input, its result narrowed to `outFps` field elements at `out`.
func bls(_ op: BLS12Operation, _ input: [UInt8]?, _ out: UnsafeMutablePointer<UInt8>, _ outFps: Int) -> Int64 {
    guard let input, let r = BLS12381.run(op, input), let n = narrow(r) else { return -1 }
    return store(n, out, outFps * fpSize)
}

@_cdecl("rvx_accel_bn254_g1_add")
public func rvxAccelBN254G1Add(_ p1: UnsafePointer<UInt8>, _ p2: UnsafePointer<UInt8>,
                               _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    store(BN254.add(load(p1, 64) + load(p2, 64)), out, 64)
}

@_cdecl("rvx_accel_bn254_g1_mul")
public func rvxAccelBN254G1Mul(_ p: UnsafePointer<UInt8>, _ k: UnsafePointer<UInt8>,
                               _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    store(BN254.mul(load(p, 64) + load(k, 32)), out, 64)
}

@_cdecl("rvx_accel_bn254_pairing")
public func rvxAccelBN254Pairing(_ pairs: UnsafePointer<UInt8>?, _ n: Int) -> Int64 {
    let (len, o) = n.multipliedReportingOverflow(by: 192)
    guard !o, len <= 1 << 30 else { return -1 }
    return pairingVerdict(BN254.pairing(pairs.map { load($0, len) } ?? []))
}

@_cdecl("rvx_accel_kzg_point_eval")
public func rvxAccelKZGPointEval(_ c: UnsafePointer<UInt8>, _ z: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>,
                                 _ proof: UnsafePointer<UInt8>) -> Int64 {
    guard let ok = KZG.verifyProof(commitment: load(c, 48), z: load(z, 32), y: load(y, 32), proof: load(proof, 48))
    else { return -1 }
    return ok ? 0 : 1
}

@_cdecl("rvx_accel_bls12_g1_add")
public func rvxAccelBLS12G1Add(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>,
                               _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    bls(.g1Add, widen(load(a, 96) + load(b, 96)[...]), out, 2)
}

@_cdecl("rvx_accel_bls12_g2_add")
public func rvxAccelBLS12G2Add(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>,
                               _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    bls(.g2Add, widen(load(a, 192) + load(b, 192)[...]), out, 4)
}

@_cdecl("rvx_accel_bls12_g1_msm")
public func rvxAccelBLS12G1MSM(_ pairs: UnsafePointer<UInt8>?, _ n: Int, _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    guard n > 0, let pairs else { return store([UInt8](repeating: 0, count: 96), out, 96) }
    return bls(.g1MSM, widenRecords(pairs, n, fps: 2, scalar: 32), out, 2)
}

@_cdecl("rvx_accel_bls12_g2_msm")
public func rvxAccelBLS12G2MSM(_ pairs: UnsafePointer<UInt8>?, _ n: Int, _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    guard n > 0, let pairs else { return store([UInt8](repeating: 0, count: 192), out, 192) }
    return bls(.g2MSM, widenRecords(pairs, n, fps: 4, scalar: 32), out, 4)
}

@_cdecl("rvx_accel_bls12_pairing")
public func rvxAccelBLS12Pairing(_ pairs: UnsafePointer<UInt8>?, _ n: Int) -> Int64 {
    guard n > 0, let pairs else { return 0 }
    guard let input = widenRecords(pairs, n, fps: 6, scalar: 0) else { return -1 }
    return pairingVerdict(BLS12381.run(.pairingCheck, input))
}

@_cdecl("rvx_accel_bls12_map_fp_to_g1")
public func rvxAccelBLS12MapFpToG1(_ u: UnsafePointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    bls(.mapFpToG1, widen(load(u, 48)[...]), out, 2)
}

@_cdecl("rvx_accel_bls12_map_fp2_to_g2")
public func rvxAccelBLS12MapFp2ToG2(_ u: UnsafePointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>) -> Int64 {
    bls(.mapFp2ToG2, widen(load(u, 96)[...]), out, 4)
}
