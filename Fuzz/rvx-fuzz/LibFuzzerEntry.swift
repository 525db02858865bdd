#if FUZZING
import Foundation
import FuzzTargets

/// The harness named by RVX_FUZZ_HARNESS (checked once, on the first input).
let selectedHarness: Harness = {
    let name = ProcessInfo.processInfo.environment["RVX_FUZZ_HARNESS"] ?? ""
    guard let h = Harness(rawValue: name) else {
        FileHandle.standardError.write(Data("rvx-fuzz: set RVX_FUZZ_HARNESS to one of \(Harness.allCases.map(\.rawValue))\n".utf8))
        exit(2)
    }
    return h
}()

/// libFuzzer's entry point: one input through the selected harness; a violated invariant aborts (a crash).
@_cdecl("LLVMFuzzerTestOneInput")
public func rvxFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do { _ = try selectedHarness.run(bytes) } catch {
        FileHandle.standardError.write(Data("rvx-fuzz: \(selectedHarness.rawValue): INVARIANT VIOLATED: \(error)\n".utf8))
        abort()
    }
    return 0
}
#endif
