import Foundation
import XCTest
import StateTest

/// A CI slice of `rvx evm diff` over the EEST v5.4.0 state tests (../shared/fixtures/evm/eest, MANIFEST.md):
/// per fork, files that reach the new precompiles and rules, native EVM vs both EVM guests (rv64, rv32), with
/// exact case counts, no mismatch and nothing skipped.
extension EVMGuestTests {
    static let eestSlice: [(file: String, fork: String, cases: Int)] = [
        ("cancun/eip1153_tstore/test_basic_tload_works.json", "Cancun", 1),
        ("cancun/eip4844_blobs/test_tx_entry_point.json", "Cancun", 6),
        ("prague/eip2537_bls_12_381_precompiles/test_call_types.json", "Prague", 45),
        ("prague/eip7702_set_code_tx/test_address_from_set_code.json", "Prague", 1),
        ("osaka/eip7951_p256verify_precompiles/test_modular_comparison.json", "Osaka", 5),
        ("osaka/eip7939_count_leading_zeros/test_clz_gas_cost.json", "Osaka", 1),
    ]

    static func eestStateTests() -> String? {
        var url = packageRoot
        for _ in 0..<8 {
            url = url.deletingLastPathComponent()
            let c = url.appendingPathComponent("shared/fixtures/evm/eest/state_tests").path
            if FileManager.default.fileExists(atPath: c) { return c }
        }
        return nil
    }

    func testEESTSlicePerForkOnBothXLENs() throws {
        guard let root = Self.eestStateTests() else { throw XCTSkip("shared EEST fixtures not found") }
        for (fork, entries) in Dictionary(grouping: Self.eestSlice, by: \.fork).sorted(by: { $0.key < $1.key }) {
            let r = try diff(entries.map { root + "/" + $0.file }, forks: [fork])
            XCTAssertEqual(r.passed, entries.map(\.cases).reduce(0, +), fork)
            XCTAssertEqual(r.skipped, 0, fork)
        }
    }
}
