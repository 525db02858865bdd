import Foundation

/// The outcome of a host process (qemu-user or the guest build).
struct ProcessResult: Equatable {
    var stdout: [UInt8]
    var stderr: [UInt8]
    /// Exit status if the process exited, nil if it was killed by a signal.
    var exitStatus: Int32?
    /// The terminating signal, if any.
    var signal: Int32?
}

enum HostProcess {
    /// Runs `executable` with `arguments`, empty stdin, and captures stdout and stderr (read concurrently
    /// so a full pipe cannot block the child). Throws only if the executable cannot be started.
    static func run(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let errData = LockedBox(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let d = err.fileHandleForReading.readDataToEndOfFile()
            errData.update { $0 = d }
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        let signaled = p.terminationReason == .uncaughtSignal
        return ProcessResult(stdout: [UInt8](outData), stderr: [UInt8](errData.value),
                             exitStatus: signaled ? nil : p.terminationStatus,
                             signal: signaled ? p.terminationStatus : nil)
    }

    /// The absolute path of `name` on PATH, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// qemu-user, the reference implementation the guests are compared against.
enum QEMU {
    /// CPU model matching rvx: RV32IM / RV64IM, no C, A, F, D.
    static func cpu(xlen: Int) -> String { "rv\(xlen),c=false,a=false,f=false,d=false" }

    static func path(xlen: Int) -> String? { HostProcess.which("qemu-riscv\(xlen)") }

    /// Runs an ELF file under qemu-riscv32/64 with empty stdin.
    static func run(elf: String, xlen: Int) throws -> ProcessResult {
        guard let qemu = path(xlen: xlen) else { throw GuestTestError.missingTool("qemu-riscv\(xlen)") }
        return try HostProcess.run(qemu, ["-cpu", cpu(xlen: xlen), elf])
    }
}

enum GuestTestError: Error, CustomStringConvertible {
    case missingTool(String)
    case buildFailed(String)
    case badManifest(String)

    var description: String {
        switch self {
        case .missingTool(let t): return "\(t) not found on PATH (run toolchain/install-deps.sh)"
        case .buildFailed(let s): return "toolchain/build-guests.sh failed:\n\(s)"
        case .badManifest(let s): return "guest/tests/manifest.txt: \(s)"
        }
    }
}

/// A value shared between threads, guarded by a lock.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func update(_ body: (inout T) -> Void) { lock.lock(); body(&stored); lock.unlock() }
}
