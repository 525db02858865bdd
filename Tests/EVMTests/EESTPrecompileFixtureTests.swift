import Foundation
import XCTest
@testable import StateTest

/// A representative slice of the EEST develop v5.4.0 state tests (../shared/fixtures/evm/eest, see its
/// MANIFEST.md) for the Cancun–Osaka precompiles and CLZ: point evaluation (EIP-4844), BLS12-381 (EIP-2537),
/// MODEXP bounds and pricing (EIP-7823, EIP-7883), P256VERIFY (EIP-7951) and CLZ (EIP-7939).
/// `rvx evm statetest` runs the whole folders.
extension FixtureTests {
    /// The EEST state_tests folder: env RVX_EEST_DIR, or shared/fixtures/evm/eest/state_tests walking up.
    static func eestStateTests() -> String? { sharedFolder("evm/eest/state_tests", environment: "RVX_EEST_DIR") }

    /// Runs `files` (relative to the EEST state_tests folder) and asserts the exact pass count, no failures
    /// and no skips.
    func checkEEST(_ files: [String], passed: Int) throws {
        guard let dir = Self.eestStateTests() else { throw XCTSkip("EEST fixtures not found (set RVX_EEST_DIR)") }
        let s = check(files.map { dir + "/" + $0 })
        XCTAssertEqual(s.failed, 0)
        XCTAssertEqual(s.skipped, 0)
        XCTAssertEqual(s.passed, passed)
    }

    func testEESTPointEvaluation() throws {
        try checkEEST(["cancun/eip4844_blobs/test_call_opcode_types.json"], passed: 36)
    }

    func testEESTBLS12381() throws {
        try checkEEST([
            "prague/eip2537_bls_12_381_precompiles/test_invalid_length_pairing.json",
            "prague/eip2537_bls_12_381_precompiles/test_invalid_length_g1msm.json",
            "prague/eip2537_bls_12_381_precompiles/test_valid_gas_g2msm.json",
            "prague/eip2537_bls_12_381_precompiles/test_invalid_gas_g2msm.json",
            "prague/eip2537_bls_12_381_precompiles/test_precompile_before_fork.json",
        ], passed: 37)
    }

    func testEESTModExp() throws {
        try checkEEST([
            "osaka/eip7823_modexp_upper_bounds/test_modexp_boundary.json",
            "osaka/eip7883_modexp_gas_increase/test_modexp_call_operations.json",
            "osaka/eip7883_modexp_gas_increase/test_contract_initcode.json",
        ], passed: 43)
    }

    func testEESTP256Verify() throws {
        try checkEEST([
            "osaka/eip7951_p256verify_precompiles/test_gas.json",
            "osaka/eip7951_p256verify_precompiles/test_modular_comparison.json",
            "osaka/eip7951_p256verify_precompiles/test_precompile_will_return_success_with_tx_value.json",
            "osaka/eip7951_p256verify_precompiles/test_contract_creation_transaction.json",
        ], passed: 12)
    }

    func testEESTCountLeadingZeros() throws {
        try checkEEST([
            "osaka/eip7939_count_leading_zeros/test_clz_stack_underflow.json",
            "osaka/eip7939_count_leading_zeros/test_clz_push_operation_same_value.json",
            "osaka/eip7939_count_leading_zeros/test_clz_code_copy_operation.json",
            "osaka/eip7939_count_leading_zeros/test_clz_gas_cost.json",
            "osaka/eip7939_count_leading_zeros/test_clz_initcode_context.json",
            "osaka/eip7939_count_leading_zeros/test_clz_jump_operation.json",
        ], passed: 40)
    }
}
