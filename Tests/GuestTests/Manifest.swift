import Foundation

/// How a guest program must end.
enum ExpectedEnd: Equatable, CustomStringConvertible {
    case exit(Int64)
    /// A fault of this kind (manifest names: illegal-instruction, load-fault, store-fault, fetch-fault,
    /// misaligned-fetch, breakpoint), optionally pinned to a value: the faulting address (load/store), the pc
    /// (fetch), the jump target (misaligned) or the instruction word (illegal).
    case fault(String, value: UInt64?)

    var description: String {
        switch self {
        case .exit(let c): return "exit \(c)"
        case .fault(let k, let v): return "fault \(k)" + (v.map { "@0x" + String($0, radix: 16) } ?? "")
        }
    }
}

/// What qemu-user must do with the same ELF.
enum QEMUExpectation: Equatable {
    /// Same stdout and exit status as expected (and as rvx).
    case same
    /// Killed by this signal (SIGILL 4, SIGTRAP 5, SIGSEGV 11).
    case signal(Int32)
    /// qemu aborts with "unhandled CPU exception" and status 1.
    case abort
    /// rvx-specific behaviour; qemu is not run.
    case skip
}

/// One program to run: an example (guest/examples/NAME) or an assembly test (guest/tests manifest line).
struct GuestCase: CustomStringConvertible {
    var kind: String          // "examples" or "tests"
    var name: String
    var xlens: [Int]
    var end: ExpectedEnd
    var stdout: [UInt8]
    var qemu: QEMUExpectation

    var description: String { "\(kind)/\(name)" }
}

enum Manifest {
    /// Every directory in guest/examples with main.c or main.swift, expected.txt and expected-exit.
    static func examples() throws -> [GuestCase] {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: RepoPaths.examples.path).sorted()
        var cases: [GuestCase] = []
        for name in names {
            let dir = RepoPaths.examples.appendingPathComponent(name)
            guard fm.fileExists(atPath: dir.appendingPathComponent("expected.txt").path) else { continue }
            let stdout = try [UInt8](Data(contentsOf: dir.appendingPathComponent("expected.txt")))
            let exitText = try String(contentsOf: dir.appendingPathComponent("expected-exit"), encoding: .utf8)
            guard let code = Int64(exitText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw GuestTestError.badManifest("guest/examples/\(name)/expected-exit is not an integer")
            }
            cases.append(GuestCase(kind: "examples", name: name, xlens: [32, 64], end: .exit(code),
                                   stdout: stdout, qemu: .same))
        }
        return cases
    }

    /// The lines of guest/tests/manifest.txt: `name xlen exit fault qemu`.
    static func asmTests() throws -> [GuestCase] {
        let text = try String(contentsOf: RepoPaths.tests.appendingPathComponent("manifest.txt"), encoding: .utf8)
        var cases: [GuestCase] = []
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard f.count == 5 else { throw GuestTestError.badManifest("expected 5 fields: \(line)") }
            let xlens: [Int]
            switch f[1] {
            case "rv32": xlens = [32]
            case "rv64": xlens = [64]
            case "both": xlens = [32, 64]
            default: throw GuestTestError.badManifest("bad xlen \(f[1])")
            }
            let end: ExpectedEnd
            if f[2] == "fault" {
                let parts = f[3].split(separator: "@", maxSplits: 1).map(String.init)
                var value: UInt64? = nil
                if parts.count == 2 {
                    guard parts[1].hasPrefix("0x"), let v = UInt64(parts[1].dropFirst(2), radix: 16) else {
                        throw GuestTestError.badManifest("bad fault value \(f[3])")
                    }
                    value = v
                }
                end = .fault(parts[0], value: value)
            } else if let c = Int64(f[2]) {
                end = .exit(c)
            } else {
                throw GuestTestError.badManifest("bad exit \(f[2])")
            }
            let qemu: QEMUExpectation
            switch f[4] {
            case "same": qemu = .same
            case "SIGILL": qemu = .signal(4)
            case "SIGTRAP": qemu = .signal(5)
            case "SIGSEGV": qemu = .signal(11)
            case "abort": qemu = .abort
            case "skip": qemu = .skip
            default: throw GuestTestError.badManifest("bad qemu expectation \(f[4])")
            }
            let stdoutURL = RepoPaths.tests.appendingPathComponent("\(f[0]).stdout")
            let stdout = FileManager.default.fileExists(atPath: stdoutURL.path)
                ? try [UInt8](Data(contentsOf: stdoutURL)) : []
            cases.append(GuestCase(kind: "tests", name: f[0], xlens: xlens, end: end, stdout: stdout, qemu: qemu))
        }
        return cases
    }
}
