import BlockInput
import ELFLoader
import EVMPrimitives
import EthereumBlock
import Execute
import Foundation
import InputContainer
import NativeCrypto
import RISCV
import XCTest

/// The MPT EVM guest in block mode (no BLOCK_ENV; BATCH a block input) under EXECUTE on rv64 and rv32: a valid
/// fixture block gives true with its header's state root and commits blockHash ‖ gasUsed; a wrong claim gives
/// a root mismatch; the fixture's invalid block gives false with exit status 8 and the transaction's error.
final class BlockGuestTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func guests() throws -> [(String, ProgramImage)] { try Self.guestImages() }

    /// The MPT EVM guest of each XLEN (skips the test when not built, unless RVX_REQUIRE_GUESTS is set).
    static func guestImages(_ program: String = "evm/evm-guest") throws -> [(String, ProgramImage)] {
        var out: [(String, ProgramImage)] = []
        for x in ["rv64", "rv32"] {
            let path = packageRoot.appendingPathComponent("guest/build/\(x)/\(program)").path
            guard FileManager.default.fileExists(atPath: path) else {
                if ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] != nil { XCTFail("missing \(path)") }
                throw XCTSkip("\(path) not built (run toolchain/build-guests.sh)")
            }
            out.append((x, try ELFLoader.load(path: path).image))
        }
        return out
    }

    func container(_ input: BlockInput, pre: [UInt8]) throws -> [UInt8] {
        try InputContainer.encode(sections: [(.batch, input.encode()), (.preStateRoot, pre)])
    }

    func testValidBlockIsTrueOnBothXLENs() throws {
        let (f, input, pre) = try FixtureBlockInput.first(
            "blockchain/BlockchainTests/ValidBlocks/bcWalletTest/wallet2outOf3txs.json", network: "Cancun")
        let header = try Block.decode(input.block).header
        let c = try container(input, pre: pre)
        var claim = header.stateRoot
        for (label, image) in try guests() {
            let r = execute(ExecuteRequest(program: .image(image), container: c, claimedPostRoot: claim, stateMode: .guestManaged))
            XCTAssertTrue(r.verdict, "\(label): \(String(describing: r.reason)) \(String(decoding: r.debugOutput, as: UTF8.self))")
            XCTAssertEqual(r.postRoot, header.stateRoot, label)
            // blockHash: the second block's parentHash in the fixture; gasUsed from the header.
            let next = try Block.decode(f.blocks[1].rlp).header
            var gas: [UInt8] = []
            for i in 0..<8 { gas.append(UInt8(truncatingIfNeeded: header.gasUsed >> (8 * UInt64(i)))) }
            XCTAssertEqual(r.output, next.parentHash + gas, label)
        }
        claim[0] ^= 1
        for (label, image) in try guests() {
            let r = execute(ExecuteRequest(program: .image(image), container: c, claimedPostRoot: claim, stateMode: .guestManaged))
            XCTAssertFalse(r.verdict)
            XCTAssertEqual(r.reason, ExecuteFailure.rootMismatch(expected: claim, actual: header.stateRoot), label)
        }
    }

    func testInvalidBlockIsFalse() throws {
        let (_, input, pre) = try FixtureBlockInput.first(
            "eest/blockchain_tests/cancun/eip4844_blobs/test_invalid_blob_tx_contract_creation.json", network: "Cancun")
        let header = try Block.decode(input.block).header
        let c = try container(input, pre: pre)
        for (label, image) in try guests() {
            let r = execute(ExecuteRequest(program: .image(image), container: c, claimedPostRoot: header.stateRoot, stateMode: .guestManaged))
            XCTAssertFalse(r.verdict, label)
            let text = String(decoding: r.debugOutput, as: UTF8.self)
            XCTAssertTrue(text.contains("invalid block: invalid transaction 0"), "\(label): \(text)")
            XCTAssertEqual(r.reason, ExecuteFailure.nonZeroExit(code: 8), label)
        }
    }
}
