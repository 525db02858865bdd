import Execute
import GuestABI
import HostABI

// The C ABI of include/rvx_execute.h (docs/EMBEDDING.md): plain C types in and out, one opaque result object.
// Every entry point checks its pointers and lengths first, so bad input is a typed false verdict, never a trap.

/// Largest ELF or container accepted (RVX_MAX_INPUT_BYTES): the guest input region, 512 MiB.
let maxInputBytes: UInt = 512 << 20

/// The stable reason numbers of `rvx_reason`, in header order; index 0 is "none".
let reasonNames: [StaticString] = [
    "none", "invalidRequest", "badContainer", "preStateRootMismatch", "badELF", "witnessInvalid",
    "witnessIncomplete", "guestFault", "outOfCycles", "outOfMemory", "nonZeroExit", "outputLimitExceeded",
    "postRootDeclaredTwice", "rootMismatch", "rootNotDeclared", "stateReportInvalid",
]

/// The number of an `ExecuteFailure` in `rvx_reason`.
func reasonCode(_ f: ExecuteFailure?) -> Int32 {
    guard let f else { return 0 }
    return Int32(reasonNames.firstIndex { $0.description == f.name } ?? 1)
}

/// What `rvx_result` points to: copies of the verdict's fields in C-owned memory, freed with the object.
final class CResult {
    let verdict: Bool
    let reason: Int32
    let message: UnsafeMutablePointer<CChar>
    let output: UnsafeMutableBufferPointer<UInt8>
    let outputCount: Int
    let cycles: UInt64
    let gas: UInt64
    let postRoot: [UInt8]?

    init(_ r: ExecuteResult) {
        verdict = r.verdict
        reason = reasonCode(r.reason)
        let text = Array((r.reason?.description ?? "").utf8CString)
        message = .allocate(capacity: text.count)
        message.initialize(from: text, count: text.count)
        output = .allocate(capacity: max(r.output.count, 1))
        _ = output.initialize(from: r.output)
        outputCount = r.output.count
        cycles = r.cycles
        gas = r.gas
        postRoot = r.postRoot
    }

    deinit {
        message.deallocate()
        output.deallocate()
    }
}

func invalid(_ message: String) -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(CResult(ExecuteResult(verdict: false, reason: .invalidRequest(message)))).toOpaque()
}

func bytes(_ p: UnsafePointer<UInt8>?, _ n: UInt) -> [UInt8] {
    guard let p, n > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: p, count: Int(n)))
}

func object(_ p: UnsafeRawPointer?) -> CResult? {
    p.map { Unmanaged<CResult>.fromOpaque($0).takeUnretainedValue() }
}

@_cdecl("rvx_execute")
public func rvx_execute(_ elf: UnsafePointer<UInt8>?, _ elfLen: UInt, _ container: UnsafePointer<UInt8>?,
                        _ containerLen: UInt, _ claimed: UnsafePointer<UInt8>?, _ expectedPre: UnsafePointer<UInt8>?,
                        _ mode: Int32, _ limits: UnsafeRawPointer?) -> UnsafeMutableRawPointer? {
    if elf == nil && elfLen > 0 { return invalid("elf is NULL") }
    if container == nil && containerLen > 0 { return invalid("container is NULL") }
    if elfLen > maxInputBytes { return invalid("elf_len \(elfLen) exceeds \(maxInputBytes)") }
    if containerLen > maxInputBytes { return invalid("container_len \(containerLen) exceeds \(maxInputBytes)") }
    guard let claimed else { return invalid("claimed_post_root is NULL") }
    let modes: [StateMode] = [.runtimeManaged, .guestManaged, .standardIO]
    guard mode >= 0, Int(mode) < modes.count else {
        return invalid("state mode \(mode) is not 0 (runtime-managed), 1 (guest-managed) or 2 (standard-IO)")
    }
    let stateMode = modes[Int(mode)]
    var l = ExecuteLimits()
    var cyclesPerGas = SyscallCosts.defaultCyclesPerGas
    if let limits {
        let f = (0..<4).map { limits.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
        if f[0] != 0 { l.cycles = f[0] }
        if f[1] != 0 { l.memory = f[1] }
        if f[2] != 0 { l.output = f[2] }
        if f[3] != 0 { cyclesPerGas = f[3] }
        if l.memory > MemoryMap.addressSpaceEnd { return invalid("memory limit \(l.memory) exceeds the 2 GiB guest address space") }
    }
    let request = ExecuteRequest(program: .elf(bytes(elf, elfLen)), container: bytes(container, containerLen),
                                 claimedPostRoot: bytes(claimed, 32), expectedPreStateRoot: expectedPre.map { bytes($0, 32) },
                                 stateMode: stateMode, limits: l, cyclesPerGas: cyclesPerGas)
    return Unmanaged.passRetained(CResult(execute(request))).toOpaque()
}

@_cdecl("rvx_result_verdict")
public func rvx_result_verdict(_ r: UnsafeRawPointer?) -> Int32 { object(r)?.verdict == true ? 1 : 0 }

@_cdecl("rvx_result_reason")
public func rvx_result_reason(_ r: UnsafeRawPointer?) -> Int32 { object(r)?.reason ?? 1 }

@_cdecl("rvx_result_message")
public func rvx_result_message(_ r: UnsafeRawPointer?) -> UnsafePointer<CChar>? {
    guard let o = object(r) else { return cString("no result") }
    return UnsafePointer(o.message)
}

@_cdecl("rvx_result_cycles")
public func rvx_result_cycles(_ r: UnsafeRawPointer?) -> UInt64 { object(r)?.cycles ?? 0 }

@_cdecl("rvx_result_gas")
public func rvx_result_gas(_ r: UnsafeRawPointer?) -> UInt64 { object(r)?.gas ?? 0 }

@_cdecl("rvx_result_output")
public func rvx_result_output(_ r: UnsafeRawPointer?, _ len: UnsafeMutablePointer<UInt>?) -> UnsafePointer<UInt8>? {
    guard let o = object(r) else { len?.pointee = 0; return nil }
    len?.pointee = UInt(o.outputCount)
    return o.output.baseAddress.map { UnsafePointer($0) }
}

@_cdecl("rvx_result_post_root")
public func rvx_result_post_root(_ r: UnsafeRawPointer?, _ out: UnsafeMutablePointer<UInt8>?) -> Int32 {
    guard let root = object(r)?.postRoot, root.count == 32, let out else { return 0 }
    out.update(from: root, count: 32)
    return 1
}

@_cdecl("rvx_result_free")
public func rvx_result_free(_ r: UnsafeMutableRawPointer?) {
    guard let r else { return }
    Unmanaged<CResult>.fromOpaque(r).release()
}

@_cdecl("rvx_reason_name")
public func rvx_reason_name(_ reason: Int32) -> UnsafePointer<CChar> {
    guard reason >= 0, Int(reason) < reasonNames.count else { return cString("unknown") }
    return cString(reasonNames[Int(reason)])
}

func cString(_ s: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
}
