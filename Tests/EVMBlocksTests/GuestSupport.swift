import Foundation
import XCTest

/// Locates the built EVM guests (toolchain/build-guests.sh). Missing guests skip the test unless
/// RVX_REQUIRE_GUESTS is set (CI), in which case they fail.
enum EVMGuests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func elf(_ path: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(path)
        guard let d = FileManager.default.contents(atPath: url.path) else {
            if ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] != nil {
                XCTFail("\(path) not built (toolchain/build-guests.sh)")
            }
            throw XCTSkip("\(path) not built: run toolchain/build-guests.sh")
        }
        return [UInt8](d)
    }

    static func mpt(_ xlen: Int) throws -> [UInt8] { try elf("guest/build/rv\(xlen)/evm/evm-guest") }
    static func tree(_ xlen: Int) throws -> [UInt8] { try elf("guest/build/rv\(xlen)/evm-bt/evm-bt-guest") }
}
