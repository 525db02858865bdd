import EVM
import EthereumBlock
import Foundation
import XCTest

/// BlockError.exceptionName for invalid transactions: each TransactionError has its execution-spec-tests
/// `TransactionException` name (none is "UNKNOWN"), and the EIP-7702/7825/7594 names are exactly the strings
/// the EEST v5.4.0 fixtures put in `expectException`.
final class TransactionExceptionNameTests: XCTestCase {
    static let names: [(TransactionError, String)] = [
        (.intrinsicGasTooLow, "INTRINSIC_GAS_TOO_LOW"), (.gasLimitAboveBlockGasLimit, "GAS_ALLOWANCE_EXCEEDED"),
        (.nonceMismatch, "NONCE_MISMATCH"), (.nonceMaxValue, "NONCE_IS_MAX"),
        (.insufficientFunds, "INSUFFICIENT_ACCOUNT_FUNDS"), (.valueOverflow, "INSUFFICIENT_ACCOUNT_FUNDS"),
        (.senderNotEOA, "SENDER_NOT_EOA"), (.maxFeeBelowBaseFee, "INSUFFICIENT_MAX_FEE_PER_GAS"),
        (.gasPriceBelowBaseFee, "INSUFFICIENT_MAX_FEE_PER_GAS"),
        (.priorityFeeAboveMaxFee, "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"), (.initcodeTooLarge, "INITCODE_SIZE_EXCEEDED"),
        (.typeNotSupported, "TYPE_NOT_SUPPORTED"), (.blobTxWithoutTarget, "TYPE_3_TX_CONTRACT_CREATION"),
        (.blobTxWithoutBlobs, "TYPE_3_TX_ZERO_BLOBS"), (.invalidBlobVersionedHash, "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"),
        (.blobFeeTooLow, "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"), (.tooManyBlobs, "TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"),
        (.invalidSignature, "INVALID_SIGNATURE_VRS"), (.malformedEncoding, "RLP_INVALID_VALUE"),
        (.wrongChainId, "INVALID_CHAINID"),
        (.emptyAuthorizationList, "TYPE_4_EMPTY_AUTHORIZATION_LIST"), (.setCodeTxWithoutTarget, "TYPE_4_TX_CONTRACT_CREATION"),
        (.gasLimitAboveCap, "GAS_LIMIT_EXCEEDS_MAXIMUM"), (.tooManyBlobsInTransaction, "TYPE_3_TX_BLOB_COUNT_EXCEEDED"),
    ]

    func testEveryTransactionErrorHasItsEESTName() {
        for (e, name) in Self.names {
            XCTAssertEqual(BlockError.invalidTransaction(index: 0, e).exceptionName, "TransactionException." + name, "\(e)")
        }
    }

    /// The new names occur verbatim in the fixtures' expectException fields (state or blockchain tests).
    func testNewNamesAreTheFixturesStrings() throws {
        guard let root = BlockchainFixtureTests.fixtures() else { throw XCTSkip("shared fixtures not found") }
        var seen = Set<String>()
        let files = ["state_tests/prague/eip7702_set_code_tx/test_contract_create.json",
                     "blockchain_tests/prague/eip7702_set_code_tx/test_empty_authorization_list.json",
                     "state_tests/osaka/eip7825_transaction_gas_limit_cap/test_transaction_gas_limit_cap.json",
                     "blockchain_tests/osaka/eip7594_peerdas/test_invalid_max_blobs_per_tx.json"]
        for f in files {
            let path = root + "/eest/" + f
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                XCTFail("missing \(path)")
                continue
            }
            for part in text.components(separatedBy: "TransactionException.").dropFirst() {
                seen.insert(String(part.prefix { $0.isUppercase || $0.isNumber || $0 == "_" }))
            }
        }
        for e in [TransactionError.emptyAuthorizationList, .setCodeTxWithoutTarget, .gasLimitAboveCap, .tooManyBlobsInTransaction] {
            let name = BlockError.invalidTransaction(index: 0, e).exceptionName
            XCTAssertTrue(seen.contains(String(name.dropFirst("TransactionException.".count))), name)
        }
    }
}
