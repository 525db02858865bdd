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

/// libFuzzer's driver (compiler-rt FuzzerDriver.cpp, `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const
/// uint8_t *, size_t))`).
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The program entry: SwiftPM links executables on Linux with `--defsym main=rvx_fuzz_main`, which keeps
/// libFuzzer's own `main` out of the link, so this runs libFuzzer's driver itself.
@_cdecl("rvx_fuzz_main")
public func rvxFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var vector = argv
    return llvmFuzzerRunDriver(&count, &vector) { data, size in rvxFuzzTestOneInput(data, size) }
}
#endif
