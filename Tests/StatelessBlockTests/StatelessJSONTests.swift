import EVMPrimitives
import EVMProver
import EthereumBlock
import Execute
import Foundation
import XCTest

/// `StatelessJSON` on a real zkevm-benchmark-workload input (Tests/Fixtures/zkevm-stateless, 10 Mgas of ECRECOVER
/// on Prague). The block the converter re-encodes must be valid through EXECUTE on rv64 and rv32. That means
/// the transactions root recomputed from the re-encoded legacy transaction, the receipts, the requests hash and
/// the header's state root all hold. Malformed inputs fail with the JSON path of the field.
final class StatelessJSONTests: XCTestCase {
    static let file = BlockGuestTests.packageRoot.appendingPathComponent("Tests/Fixtures/zkevm-stateless/prague-ecrecover-10M.json")

    func testRealInputVerifiesOnBothXLENs() throws {
        let c = try StatelessJSON.convert(try Data(contentsOf: Self.file))
        // Values from the file: the witness's genesis header state root and the block header's state root.
        XCTAssertEqual(Hex.encode(c.preStateRoot), "7fb0b57db80a6ba8c63823888deff4545756bef01a32207c0e97e9645b150428")
        XCTAssertEqual(Hex.encode(c.postStateRoot), "bf48a42f629d125b02c3d9590b5ef37e83b1d2769a4c14d8ba29dedab3dd13dd")
        let block = try Block.decode(c.input.block)
        XCTAssertEqual(block.header.gasUsed, 10_000_000)
        XCTAssertEqual(block.transactions.count, 1)
        // Legacy transaction with chain_id 1 and yParity 0: EIP-155 v = 1 × 2 + 35 = 37.
        guard case .list(let fields) = try RLP.decode(block.transactions[0]), fields.count == 9 else { return XCTFail("not legacy") }
        XCTAssertEqual(fields[6], .bytes([37]))
        var gas: [UInt8] = []
        for i in 0..<8 { gas.append(UInt8(truncatingIfNeeded: UInt64(10_000_000) >> (8 * UInt64(i)))) }
        for (label, image) in try BlockGuestTests.guestImages() {
            let r = execute(ExecuteRequest(program: .image(image), container: c.container, claimedPostRoot: c.postStateRoot,
                                           stateMode: .guestManaged))
            XCTAssertTrue(r.verdict, "\(label): \(String(describing: r.reason)) \(String(decoding: r.debugOutput, as: UTF8.self))")
            XCTAssertEqual(r.postRoot, c.postStateRoot, label)
            XCTAssertEqual(r.output, block.header.hash(FixtureBlockInput.crypto) + gas, label)
        }
    }

    func testMalformedFieldsNameTheirPath() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let cases = [
            ("\"number\": 1,", "\"number\": \"one\",", "block.header.number"),
            ("\"Legacy\"", "\"Eip9999\"", "block.body.transactions[0].transaction"),
            ("\"bpo3_time\": null", "\"bpo3_time\": 5", "chain_config.bpo3_time"),
            ("\"headers\": [", "\"headers\": [\"0x01\", ", "witness.headers[0]"),
        ]
        for (from, to, path) in cases {
            XCTAssertTrue(text.contains(from), from)
            XCTAssertThrowsError(try StatelessJSON.convert(Data(text.replacingOccurrences(of: from, with: to).utf8)), from) { e in
                XCTAssertEqual((e as? StatelessJSON.Failure)?.path, path, from)
            }
        }
        XCTAssertThrowsError(try StatelessJSON.convert(Data("[]".utf8)))
    }
}
