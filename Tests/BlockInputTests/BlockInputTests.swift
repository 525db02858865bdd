import BlockInput
import BlockTest
import EVM
import EVMPrimitives
import EthereumBlock
import Foundation
import XCTest

/// The block input of docs/FORMAT.md §7: a hand-encoded vector, the ancestry check against the block hashes
/// an Ethereum blockchain fixture states, and one test per rejection reason.
final class BlockInputTests: XCTestCase {
    static let cancun = ChainConfig(chainId: UInt256(1), schedule: [
        ForkActivation(fork: .paris, timestamp: 0),
        ForkActivation(fork: .shanghai, timestamp: 0),
        ForkActivation(fork: .cancun, timestamp: 0, blob: .cancun),
    ])

    func testChainConfigHandVector() throws {
        // rlp([1, [[2, 0], [3, 0], [4, 0, 3, 6, 3338477]]]); 3338477 = 0x32f0ed.
        let expected: [UInt8] = [0xd1, 0x01, 0xcf, 0xc2, 0x02, 0x80, 0xc2, 0x03, 0x80,
                                 0xc8, 0x04, 0x80, 0x03, 0x06, 0x83, 0x32, 0xf0, 0xed]
        XCTAssertEqual(ChainConfigCodec.encode(Self.cancun), expected)
        XCTAssertEqual(try ChainConfigCodec.decode(RLP.decode(expected)), Self.cancun)
    }

    /// Berlin and London activate by block number: rlp([1, [[0, 0], [1, 5], [2, 1000]]]) is Berlin from block
    /// 0, London from block 5, Paris from timestamp 1000.
    func testBlockActivatedForksHandVector() throws {
        let config = ChainConfig(chainId: UInt256(1), schedule: [
            ForkActivation(fork: .berlin, block: 0), ForkActivation(fork: .london, block: 5),
            ForkActivation(fork: .paris, timestamp: 1000),
        ])
        let expected: [UInt8] = [0xcd, 0x01, 0xcb, 0xc2, 0x80, 0x80, 0xc2, 0x01, 0x05, 0xc4, 0x02, 0x82, 0x03, 0xe8]
        XCTAssertEqual(ChainConfigCodec.encode(config), expected)
        let decoded = try ChainConfigCodec.decode(RLP.decode(expected))
        XCTAssertEqual(decoded, config)
        XCTAssertEqual(decoded.rules(number: 4, timestamp: 999)?.fork, .berlin)
        XCTAssertEqual(decoded.rules(number: 5, timestamp: 999)?.activationBlock, 5)
        XCTAssertEqual(decoded.rules(number: 5, timestamp: 1000)?.fork, .paris)
        // London before Berlin's block is out of order; blob parameters on a block-activated fork are malformed.
        XCTAssertThrowsError(try ChainConfigCodec.decode(RLP.decode([0xc8, 0x01, 0xc6, 0xc2, 0x80, 0x05, 0xc2, 0x01, 0x03]))) {
            XCTAssertEqual($0 as? BlockInputError, .unorderedSchedule)
        }
        XCTAssertThrowsError(try ChainConfigCodec.decode(RLP.decode([0xc8, 0x01, 0xc6, 0xc5, 0x00 + 0x80, 0x80, 0x01, 0x02, 0x03]))) {
            XCTAssertEqual($0 as? BlockInputError, .malformed(.schedule))
        }
    }

    func testEnvelopeHandVector() throws {
        // rlp([1, "\xc0", [["\xaa"], [], [], []], chain]): well formed up to the empty header list, which is
        // rejected as a missing parent.
        var bytes: [UInt8] = [0x01, 0x81, 0xc0, 0xc6, 0xc2, 0x81, 0xaa, 0xc0, 0xc0, 0xc0]
        bytes += ChainConfigCodec.encode(Self.cancun)
        bytes = [0xc0 + UInt8(bytes.count)] + bytes
        XCTAssertThrowsError(try BlockInput.decode(bytes)) { XCTAssertEqual($0 as? BlockInputError, .missingParentHeader) }
    }

    func testRejections() throws {
        let chain = ChainConfigCodec.encode(Self.cancun)
        func envelope(_ version: UInt8, _ witness: [UInt8], _ chain: [UInt8]) -> [UInt8] {
            let p = [version, 0x80] + witness + chain
            return [0xc0 + UInt8(p.count)] + p
        }
        func expect(_ bytes: [UInt8], _ e: BlockInputError, line: UInt = #line) {
            XCTAssertThrowsError(try BlockInput.decode(bytes), line: line) { XCTAssertEqual($0 as? BlockInputError, e, line: line) }
        }
        expect([], .malformed(.envelope))
        expect([0xc1, 0x01], .malformed(.envelope))
        expect(envelope(0x03, [0xc4, 0xc0, 0xc0, 0xc0, 0xc0], chain), .unsupportedVersion(3))
        // Version 2 has a fifth item, the ancestor ommers (docs/FORMAT.md §7.3).
        expect(envelope(0x02, [0xc4, 0xc0, 0xc0, 0xc0, 0xc0], chain), .malformed(.envelope))
        expect(envelope(0x01, [0xc3, 0xc0, 0xc0, 0xc0], chain), .malformed(.witness))
        expect(envelope(0x01, [0xc4, 0x80, 0xc0, 0xc0, 0xc0], chain), .malformed(.state))
        expect(envelope(0x01, [0xc5, 0xc0, 0xc1, 0xc0, 0xc0, 0xc0], chain), .malformed(.codes))
        expect(envelope(0x01, [0xc5, 0xc0, 0xc0, 0xc1, 0xc0, 0xc0], chain), .malformed(.keys))
        expect(envelope(0x01, [0xc4, 0xc0, 0xc0, 0xc0, 0x80], chain), .malformed(.headers))
        expect(envelope(0x01, [0xc5, 0xc0, 0xc0, 0xc0, 0xc1, 0x80], chain), .malformedHeader(index: 0, .fieldCount))
        // A header list of 257 entries is refused before any header is decoded.
        var many: [UInt8] = []
        RLP.encodeListHeader(payloadLength: 257, into: &many)
        many += [UInt8](repeating: 0x80, count: 257)
        var w: [UInt8] = []
        RLP.encodeListHeader(payloadLength: 3 + many.count, into: &w)
        w += [0xc0, 0xc0, 0xc0] + many
        var big = [0x01, 0x80] + w + chain
        var bigEnv: [UInt8] = []
        RLP.encodeListHeader(payloadLength: big.count, into: &bigEnv)
        big = bigEnv + big
        expect(big, .tooManyHeaders(257))
        // Chain configuration faults (the witness is valid only up to the headers, so test the codec directly).
        func chainError(_ bytes: [UInt8], _ e: BlockInputError, line: UInt = #line) {
            XCTAssertThrowsError(try ChainConfigCodec.decode(RLP.decode(bytes)), line: line) {
                XCTAssertEqual($0 as? BlockInputError, e, line: line)
            }
        }
        chainError([0xc2, 0x00, 0xc0], .malformed(.chainConfig))      // chain id 0x00 is not canonical
        chainError([0xc2, 0x01, 0x80], .malformed(.schedule))
        chainError([0xc2, 0x01, 0xc0], .unorderedSchedule)
        chainError([0xc5, 0x01, 0xc3, 0xc2, 0x63, 0x80], .unknownFork(0x63))
        chainError([0xc6, 0x01, 0xc4, 0xc3, 0x02, 0x80, 0x01], .malformed(.schedule))
        chainError([0xc8, 0x01, 0xc6, 0xc2, 0x03, 0x80, 0xc2, 0x02, 0x80], .unorderedSchedule)  // Shanghai then Paris
        chainError([0xc8, 0x01, 0xc6, 0xc2, 0x02, 0x05, 0xc2, 0x03, 0x04], .unorderedSchedule)  // timestamps 5 then 4
        XCTAssertThrowsError(try BlockInput.decode([UInt8](repeating: 0, count: BlockInput.maxSize + 1))) {
            XCTAssertEqual($0 as? BlockInputError, .tooLarge)
        }
    }

    /// wallet2outOf3txs_Cancun has six valid blocks; the witness for block 6 carries headers 5…1 and genesis.
    func testAncestryAgainstFixtureHashes() throws {
        let path = try Self.fixture("blockchain/BlockchainTests/ValidBlocks/bcWalletTest/wallet2outOf3txs.json")
        guard let f = try BlockTestFixture.load(path: path).first(where: { $0.network == "Cancun" }),
              let config = f.chainConfig else { return XCTFail("no Cancun network") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let test = json["wallet2outOf3txs_Cancun"] as! [String: Any]
        let genesisHash = (test["genesisBlockHeader"] as! [String: Any])["hash"] as! String
        let blockHashes = (test["blocks"] as! [[String: Any]]).map { ($0["blockHeader"] as! [String: Any])["hash"] as! String }
        let stated = ([genesisHash] + blockHashes.dropLast()).map { UInt256(bigEndian: try! Hex.decode($0)) }

        let genesis = try Block.decode(f.genesisRLP).header
        let blocks = try f.blocks.map { try Block.decode($0.rlp) }
        let last = try XCTUnwrap(blocks.last)
        let witness = BlockWitness(state: [[0x01, 0x02]], codes: [[0x60, 0x00]], keys: [[0xaa]],
                                   headers: blocks.dropLast().reversed().map(\.header) + [genesis])
        let input = BlockInput(block: f.blocks.last!.rlp, witness: witness, chain: config)
        let decoded = try BlockInput.decode(input.encode())
        XCTAssertEqual(decoded, input)
        XCTAssertEqual(try decoded.witness.ancestorHashes(of: last.header, SwiftKeccak()), stated)

        let parentRoot = ((test["blocks"] as! [[String: Any]])[4]["blockHeader"] as! [String: Any])["stateRoot"] as! String
        XCTAssertNoThrow(try witness.checkPreStateRoot(try Hex.decode(parentRoot)))
        XCTAssertThrowsError(try witness.checkPreStateRoot(genesis.stateRoot)) {
            XCTAssertEqual($0 as? BlockInputError, .preStateRootMismatch)
        }

        var broken = witness
        broken.headers.swapAt(1, 2)
        XCTAssertThrowsError(try broken.ancestorHashes(of: last.header, SwiftKeccak())) {
            XCTAssertEqual($0 as? BlockInputError, .brokenAncestry(index: 1))
        }
        XCTAssertThrowsError(try witness.ancestorHashes(of: blocks[2].header, SwiftKeccak())) {
            XCTAssertEqual($0 as? BlockInputError, .parentHashMismatch)
        }
    }

    static func fixture(_ relative: String) throws -> String {
        let env = ProcessInfo.processInfo.environment["RVX_SHARED_DIR"]
        var dir = URL(fileURLWithPath: #filePath)
        while env == nil, dir.path != "/" {
            dir.deleteLastPathComponent()
            let p = dir.appendingPathComponent("shared/fixtures/evm/" + relative).path
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        if let env { return env + "/fixtures/evm/" + relative }
        throw XCTSkip("shared fixtures not found")
    }
}
