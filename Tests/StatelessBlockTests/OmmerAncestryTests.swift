import BlockInput
import BlockTest
import EVMPrimitives
import EVMProver
import EthereumBlock
import Execute
import NativeCrypto
import StatelessBlock
import XCTest

/// `validate_ommers` in the guests (docs/FORMAT.md §7.3): the block input's ancestor ommers let the EVM guest
/// check a Berlin/London block's ommers as the native import does. `oneUncle_London` block 2 includes one
/// ommer of block 1; altered copies of it break one `validate_ommers` rule each.
final class OmmerAncestryTests: XCTestCase {
    static let oneUncle = "blockchain/BlockchainTests/ValidBlocks/bcUncleTest/oneUncle.json"
    let crypto = NativeCryptoProvider()

    func fixture() throws -> BlockTestFixture {
        let path = try FixtureBlockInput.fixture(Self.oneUncle)
        return try XCTUnwrap(BlockTestFixture.load(path: path).first { $0.network == "London" })
    }

    /// The fixture with its ommer block replaced by `change` of it (ommers hash recomputed) and marked invalid.
    func altered(_ t: BlockTestFixture, _ change: (inout Block) -> Void) throws -> BlockTestFixture {
        var block = try Block.decode(t.blocks[2].rlp)
        XCTAssertEqual(block.ommers.count, 1)
        change(&block)
        block.header.ommersHash = crypto.keccak256(PreMergeRules.encodeOmmers(block.ommers))
        var u = t
        u.blocks[2].rlp = block.encode()
        u.blocks[2].expectException = "altered"
        return u
    }

    /// Each altered block is rejected natively for the rule it breaks (execution-specs `validate_ommers`), and
    /// both guests give false (exit 8) with the same reason; the unaltered block is true.
    func testGuestsRejectInvalidOmmersWithTheNativeReason() throws {
        let guests = try BlockGuestTests.guestImages().map { GuestDiff.Guest(label: $0.0, image: $0.1) }
        let t = try fixture()
        let parentOfOmmer = try Block.decode(t.blocks[0].rlp).header
        let cases: [(String, (inout Block) -> Void, BlockError)] = [
            ("duplicate", { $0.ommers.append($0.ommers[0]) }, .invalidOmmer(index: 1, .duplicate)),
            ("three ommers", { $0.ommers += [$0.ommers[0], $0.ommers[0]] }, .invalidOmmer(index: 2, .tooMany)),
            ("difficulty", { $0.ommers[0].difficulty = $0.ommers[0].difficulty &+ .one }, .invalidOmmerHeader(index: 0, .difficulty)),
            ("number", { $0.ommers[0].number = 3 }, .invalidOmmer(index: 0, .number)),
            // Block 1, the canonical block the ommer competes with, is an ancestor.
            ("ancestor", { $0.ommers = [parentOfOmmer] }, .invalidOmmer(index: 0, .inChain)),
        ]
        let limits = ExecuteLimits(cycles: 2_000_000_000)
        for (label, change, reason) in cases {
            let reports = BlockGuestDiff.run(try altered(t, change), guests: guests, limits: limits)
            XCTAssertEqual(reports.count, 3, label)
            XCTAssertEqual(reports.map(\.mismatches), [[], [], []], label)
            let chain = try chainOfFirstTwo(t)
            let block = try altered(t, change).blocks[2].rlp
            guard case .failure(let e) = BlockImport.importBlock(block, chain: chain, config: try XCTUnwrap(t.chainConfig), crypto: crypto) else {
                XCTFail("\(label): accepted natively")
                continue
            }
            XCTAssertEqual(e, reason, label)
        }
        let valid = BlockGuestDiff.run(t, guests: guests, limits: limits)
        XCTAssertEqual(valid.map(\.mismatches), [[], [], []])
    }

    func chainOfFirstTwo(_ t: BlockTestFixture) throws -> [[UInt8]: ChainEntry] {
        let config = try XCTUnwrap(t.chainConfig)
        let genesis = try Block.decode(t.genesisRLP).header
        var chain = [genesis.hash(crypto): ChainEntry(genesis: genesis, state: t.pre, crypto: crypto)]
        for fb in t.blocks.prefix(2) {
            guard case .success(let b) = BlockImport.importBlock(fb.rlp, chain: chain, config: config, crypto: crypto) else {
                throw XCTSkip("fixture block rejected")
            }
            chain[b.hash] = b.entry
        }
        return chain
    }

    /// The ommer block's input: version 2 with the ommer lists of blocks 2, 1 and 0 (the genesis); without them
    /// (version 1) the block is `ancestryUnavailable`; a forged list is `ancestorOmmersMismatch`; a
    /// short list leaves the included ommers unknown.
    func testAncestorOmmersInTheBlockInput() throws {
        let t = try fixture()
        let chain = try chainOfFirstTwo(t)
        let block = try Block.decode(t.blocks[2].rlp)
        let parent = try XCTUnwrap(chain[block.header.parentHash])
        let proof = try BlockProver.prove(block: t.blocks[2].rlp, ancestors: parent.lineage, ancestorOmmers: parent.ommerLists,
                                          parentState: parent.state, config: try XCTUnwrap(t.chainConfig))
        var input = proof.input
        // Blocks 2, 1 and the genesis, none of which included an ommer: rlp([]) = 0xc0 each.
        XCTAssertEqual(input.ancestorOmmers, [[0xc0], [0xc0], [0xc0]])
        let encoded = input.encode()
        // The last item: a list of three one-byte strings 0xc0 (each 0x81 0xc0).
        XCTAssertEqual(Array(encoded.suffix(7)), [0xc6, 0x81, 0xc0, 0x81, 0xc0, 0x81, 0xc0])
        XCTAssertEqual(try BlockInput.decode(encoded), input)
        XCTAssertEqual(try RLP.decodeUInt64(try XCTUnwrap(firstItem(encoded))), 2)
        let pre = parent.header.stateRoot
        XCTAssertNoThrow(try StatelessBlockVerifier.verify(input, preStateRoot: pre, crypto: crypto))

        var v1 = input
        v1.ancestorOmmers = []
        XCTAssertEqual(try RLP.decodeUInt64(try XCTUnwrap(firstItem(v1.encode()))), 1)
        XCTAssertThrowsError(try StatelessBlockVerifier.verify(v1, preStateRoot: pre, crypto: crypto)) {
            XCTAssertEqual($0 as? BlockVerificationError, .block(.invalidOmmer(index: 0, .ancestryUnavailable)))
        }
        var forged = input
        forged.ancestorOmmers[1] = [0xc1, 0x80]
        XCTAssertThrowsError(try StatelessBlockVerifier.verify(forged, preStateRoot: pre, crypto: crypto)) {
            XCTAssertEqual($0 as? BlockVerificationError, .input(.ancestorOmmersMismatch(index: 1)))
        }
        // Ommer lists short of the genesis and of seven blocks: the included ommers are unknown.
        input.ancestorOmmers.removeLast()
        XCTAssertThrowsError(try StatelessBlockVerifier.verify(input, preStateRoot: pre, crypto: crypto)) {
            XCTAssertEqual($0 as? BlockVerificationError, .block(.invalidOmmer(index: 0, .ancestryUnavailable)))
        }
    }

    func firstItem(_ encoded: [UInt8]) throws -> [UInt8]? {
        guard case .list(let parts) = try RLP.decode(encoded, maxDepth: 4), case .bytes(let v)? = parts.first else { return nil }
        return v
    }
}
