import BlockTest
import EVMPrimitives
import EVMProver
import EthereumBlock
import Execute
import Foundation
import NativeCrypto
import XCTest

/// `rvx evm stateless` on an EIP-7702 block: an EEST Prague blockchain test (ten authorizations of one
/// self-sponsored signer in a type-4 transaction) rewritten here as a zkevm-benchmark-workload stateless input
/// — the header and the transaction from the fixture's decoded JSON fields (camel case → the workload's snake
/// case), the witness from `BlockProver` over the fixture's pre-state. Independent values: the re-encoded
/// transaction equals the one in the fixture's block RLP, and the block verifies (the transition checks the
/// header's transactions and receipts roots) with the header's state root, which is the root of the fixture's
/// `postState`.
final class StatelessJSON7702Tests: XCTestCase {
    static let file = "eest/blockchain_tests/prague/eip7702_set_code_tx/"
        + "test_set_code_multiple_valid_authorization_tuples_same_signer_increasing_nonce_self_sponsored.json"

    func testEip7702BlockFromAnEESTFixtureVerifies() throws {
        let path = try FixtureBlockInput.fixture(Self.file)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let (_, raw) = try XCTUnwrap(json.first { (($0.value as? [String: Any])?["network"] as? String) == "Prague" })
        let test = try XCTUnwrap(raw as? [String: Any])
        let fb = try XCTUnwrap((test["blocks"] as? [[String: Any]])?.first)
        let fixture = try XCTUnwrap(BlockTestFixture.load(path: path).first { $0.network == "Prague" })
        let config = try XCTUnwrap(fixture.chainConfig)
        let genesis = try Block.decode(fixture.genesisRLP).header
        let proof = try BlockProver.prove(block: fixture.blocks[0].rlp, ancestors: [genesis], parentState: fixture.pre, config: config)

        let header = try XCTUnwrap(fb["blockHeader"] as? [String: Any])
        let headerKeys = [("parentHash", "parent_hash"), ("uncleHash", "ommers_hash"), ("coinbase", "beneficiary"),
                          ("stateRoot", "state_root"), ("transactionsTrie", "transactions_root"), ("receiptTrie", "receipts_root"),
                          ("bloom", "logs_bloom"), ("difficulty", "difficulty"), ("number", "number"), ("gasLimit", "gas_limit"),
                          ("gasUsed", "gas_used"), ("timestamp", "timestamp"), ("extraData", "extra_data"), ("mixHash", "mix_hash"),
                          ("nonce", "nonce"), ("baseFeePerGas", "base_fee_per_gas"), ("withdrawalsRoot", "withdrawals_root"),
                          ("blobGasUsed", "blob_gas_used"), ("excessBlobGas", "excess_blob_gas"),
                          ("parentBeaconBlockRoot", "parent_beacon_block_root"), ("requestsHash", "requests_hash")]
        var h: [String: Any] = [:]
        for (from, to) in headerKeys { h[to] = try XCTUnwrap(header[from], from) }
        let txs = try XCTUnwrap(fb["transactions"] as? [[String: Any]])
        XCTAssertEqual(txs.count, 1)
        var body: [String: Any] = [:]
        for (from, to) in [("chainId", "chain_id"), ("nonce", "nonce"), ("maxPriorityFeePerGas", "max_priority_fee_per_gas"),
                           ("maxFeePerGas", "max_fee_per_gas"), ("gasLimit", "gas_limit"), ("to", "to"), ("value", "value"),
                           ("data", "input")] { body[to] = try XCTUnwrap(txs[0][from], from) }
        XCTAssertEqual(txs[0]["type"] as? String, "0x04")
        body["access_list"] = [Any]()
        let auths = try XCTUnwrap(txs[0]["authorizationList"] as? [[String: Any]])
        XCTAssertEqual(auths.count, 10)
        body["authorization_list"] = auths.map { a in
            ["chain_id": a["chainId"]!, "address": a["address"]!, "nonce": a["nonce"]!, "y_parity": a["yParity"]!, "r": a["r"]!, "s": a["s"]!]
        }
        let tx: [String: Any] = ["signature": ["r": txs[0]["r"]!, "s": txs[0]["s"]!, "yParity": txs[0]["v"]!], "transaction": ["Eip7702": body]]
        let hex = { (b: [UInt8]) in "0x" + Hex.encode(b) }
        let input: [String: Any] = [
            "name": "7702",
            "block_and_witness": [
                "block": ["header": h, "body": ["transactions": [tx], "ommers": [Any](), "withdrawals": [Any]()]],
                "witness": ["state": proof.input.witness.state.map(hex), "codes": proof.input.witness.codes.map(hex), "keys": [String](),
                            "headers": [hex(genesis.encode())]],
                "chain_config": ["chain_id": 1, "shanghai_time": 0, "cancun_time": 0, "prague_time": 0, "deposit_contract_address": NSNull()],
            ] as [String: Any],
        ]
        let c = try StatelessJSON.convert(try JSONSerialization.data(withJSONObject: input))

        let converted = try Block.decode(c.input.block)
        let original = try Block.decode(fixture.blocks[0].rlp)
        XCTAssertEqual(converted.transactions, original.transactions)
        XCTAssertEqual(converted.transactions.first?.first, 4)
        XCTAssertEqual(c.input.block, fixture.blocks[0].rlp)
        XCTAssertEqual(Hex.encode(c.postStateRoot), "375c27e4b1de7486b9f6d3dba6547aaa2e3e71f800cc396b926af8d211196a52")
        XCTAssertEqual(try XCTUnwrap(fixture.postState).stateRoot(NativeCryptoProvider()), c.postStateRoot)
        for (label, image) in try BlockGuestTests.guestImages() {
            let r = execute(ExecuteRequest(program: .image(image), container: c.container, claimedPostRoot: c.postStateRoot,
                                           stateMode: .guestManaged))
            XCTAssertTrue(r.verdict, "\(label): \(String(describing: r.reason)) \(String(decoding: r.debugOutput, as: UTF8.self))")
            XCTAssertEqual(r.postRoot, c.postStateRoot, label)
        }
    }
}
