import Foundation
import XCTest

/// Locates the guest ELFs built by toolchain/build-guests.sh (guest/build/<xlen>/examples/<name>).
enum GuestSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The ELF bytes of example `name` (or of `dir`/`name`) for `xlen` ("rv32" / "rv64"). Builds the guests with make if the ELF is
    /// missing; skips (XCTSkip) only when the RISC-V cross compiler is absent and RVX_REQUIRE_GUESTS is unset.
    static func elf(_ name: String, _ xlen: String, dir: String = "examples") throws -> [UInt8] {
        let path = root.appendingPathComponent("guest/build/\(xlen)/\(dir)/\(name)").path
        if !FileManager.default.fileExists(atPath: path) {
            let haveGCC = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
                .contains { FileManager.default.isExecutableFile(atPath: "\($0)/riscv64-unknown-elf-gcc") }
            if !haveGCC {
                if ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] == nil {
                    throw XCTSkip("riscv64-unknown-elf-gcc not installed: run toolchain/install-deps.sh and toolchain/build-guests.sh")
                }
                XCTFail("RVX_REQUIRE_GUESTS is set but riscv64-unknown-elf-gcc is missing")
            } else {
                let make = Process()
                make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                make.arguments = ["make", "-s", "-C", root.appendingPathComponent("toolchain").path, xlen]
                try make.run()
                make.waitUntilExit()
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail("guest \(path) missing after building: run toolchain/build-guests.sh")
            return []
        }
        return [UInt8](data)
    }
}
