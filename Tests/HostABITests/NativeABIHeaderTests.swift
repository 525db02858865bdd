import Foundation
import GuestABI
import XCTest

/// The committed C header must equal the generator's output (docs/ABI.md). Regenerate with
/// `rvx abi-header > guest/sdk/include/rvx/syscalls.h` or `RVX_REGENERATE=1 swift test --filter NativeABIHeaderTests`.
final class NativeABIHeaderTests: XCTestCase {
    static var headerURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("guest/sdk/include/rvx/syscalls.h")
    }

    func testCommittedHeaderIsCurrent() throws {
        let expected = NativeABIHeader.text
        if ProcessInfo.processInfo.environment["RVX_REGENERATE"] == "1" {
            try Data(expected.utf8).write(to: Self.headerURL)
        }
        let committed = try Data(contentsOf: Self.headerURL)
        XCTAssertEqual(committed, Data(expected.utf8),
                       "guest/sdk/include/rvx/syscalls.h is stale: run `rvx abi-header > guest/sdk/include/rvx/syscalls.h`")
    }

    func testHeaderContainsTheContractNumbers() {
        let t = NativeABIHeader.text
        for line in [
            "#define RVX_SYS_PROBE", "0x1000", "#define RVX_SYS_INPUT_MAP", "0x1001",
            "#define RVX_SYS_SECP256K1_ECRECOVER", "0x1033", "#define RVX_SYS_CYCLE_COUNT", "0x1041",
            "#define RVX_PROBE_MAGIC", "0x52565831u", "#define RVX_MEM_INPUT_BASE", "0x40000000u",
        ] { XCTAssertTrue(t.contains(line), line) }
        XCTAssertTrue(t.hasSuffix("#endif /* RVX_SYSCALLS_H */\n"))
    }

    func testNumbersMatchTheContract() {
        let expected: [(NativeSyscall, UInt64)] = [
            (.probe, 0x1000), (.inputMap, 0x1001), (.inputRead, 0x1002), (.stateRead, 0x1010),
            (.stateWrite, 0x1011), (.stateRoot, 0x1012), (.commit, 0x1020), (.postRoot, 0x1021),
            (.keccak256, 0x1030), (.keccakF1600, 0x1031), (.sha256, 0x1032), (.secp256k1Ecrecover, 0x1033),
            (.secp256k1Verify, 0x1034), (.modexp, 0x1035), (.u256Mulmod, 0x1036), (.debugPrint, 0x1040),
            (.cycleCount, 0x1041), (.cycleScope, 0x1042),
            (.ripemd160, 0x1037), (.bn254G1Add, 0x1038), (.bn254G1Mul, 0x1039), (.bn254Pairing, 0x103A),
            (.blake2f, 0x103B), (.kzgPointEval, 0x103C), (.secp256r1Verify, 0x103D), (.bls12G1Add, 0x1050),
            (.bls12G1MSM, 0x1051), (.bls12G2Add, 0x1052), (.bls12G2MSM, 0x1053), (.bls12Pairing, 0x1054),
            (.bls12MapFpToG1, 0x1055), (.bls12MapFp2ToG2, 0x1056),
        ]
        XCTAssertEqual(expected.count, NativeSyscall.allCases.count)
        for (call, nr) in expected { XCTAssertEqual(call.rawValue, nr, call.cName) }
        XCTAssertEqual(NativeABI.probeMagic, UInt64(0x52) << 24 | UInt64(0x56) << 16 | UInt64(0x58) << 8 | 0x31)
    }

    func testCostFormulas() {
        XCTAssertEqual(SyscallCosts.keccak(0), 200)
        XCTAssertEqual(SyscallCosts.keccak(135), 200)
        XCTAssertEqual(SyscallCosts.keccak(136), 400)
        XCTAssertEqual(SyscallCosts.sha256(55), 100)
        XCTAssertEqual(SyscallCosts.sha256(56), 200)
        XCTAssertEqual(SyscallCosts.sha256(UInt64.max), .max)
        XCTAssertEqual(SyscallCosts.copy(0), 0)
        XCTAssertEqual(SyscallCosts.copy(1), 1)
        XCTAssertEqual(SyscallCosts.copy(8), 1)
        XCTAssertEqual(SyscallCosts.copy(9), 2)
        XCTAssertEqual(SyscallCosts.modexp(gas: 0), 2000)
        XCTAssertEqual(SyscallCosts.gas(cycles: 12_345, containerBytes: 10), 123 + 160)
        XCTAssertEqual(SyscallCosts.gas(cycles: .max, containerBytes: .max), .max)
        XCTAssertEqual(SyscallCosts.witness(bytes: 17, hashes: 3), 603)
    }
}
