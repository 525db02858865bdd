import BinaryTree
import EVMProver
import Execute
import HostABI
import InputContainer
import XCTest
@testable import EVMBlocks

/// Generated blocks written with `--compress zlib` (`ContainerCompression.compress(bytes:)`, docs/FORMAT.md §8)
/// through the EVM guests: the verdict, the post root and the output are those of the plain container, and
/// the cycles are larger by exactly 8 per compressed section byte plus 2 per decoded byte, counted here from
/// the compressed container's own section table.
final class CompressedBlockTests: XCTestCase {
    /// The decode charge of docs/FORMAT.md §8 read off a container's table: for every entry with flags 1,
    /// 8 × its body length + 2 × the decoded length in its first 8 bytes (u64 LE).
    static func documentedCharge(_ c: [UInt8]) -> UInt64 {
        func le(_ at: Int, _ n: Int) -> UInt64 { (0..<n).reduce(UInt64(0)) { $0 | UInt64(c[at + $1]) << (8 * UInt64($1)) } }
        var cycles: UInt64 = 0
        for i in 0..<Int(le(12, 4)) {
            let entry = 24 + 24 * i
            guard le(entry + 4, 4) == 1 else { continue }
            cycles += 8 * le(entry + 16, 8) + 2 * le(Int(le(entry + 8, 8)), 8)
        }
        return cycles
    }

    func check(_ elf: [UInt8], _ plain: [UInt8], post: [UInt8], mode: StateMode) throws {
        let packed = try ContainerCompression.compress(bytes: plain)
        XCTAssertLessThan(packed.count, plain.count)
        let charge = Self.documentedCharge(packed)
        XCTAssertGreaterThan(charge, 0)
        var bad = post
        bad[31] ^= 1
        for claim in [post, bad] {
            let a = execute(ExecuteRequest(program: .elf(elf), container: plain, claimedPostRoot: claim, stateMode: mode))
            let b = execute(ExecuteRequest(program: .elf(elf), container: packed, claimedPostRoot: claim, stateMode: mode))
            XCTAssertEqual(a.verdict, claim == post, "\(String(describing: a.reason))")
            XCTAssertEqual(b.verdict, a.verdict)
            XCTAssertEqual(b.reason, a.reason)
            XCTAssertEqual(b.postRoot, post)
            XCTAssertEqual(a.postRoot, post)
            XCTAssertEqual(b.output, a.output)
            XCTAssertEqual(b.decodeCycles, charge)
            XCTAssertEqual(b.cycles, a.cycles + charge)
        }
    }

    func testMPTBlockCompressedRV64() throws {
        let g = ExecuteBlockTests.block
        try check(try EVMGuests.mpt(64), ExecuteBlockTests.proof.container, post: g.postRoot, mode: .guestManaged)
    }

    func testTreeBlockCompressedRV64() throws {
        let elf = try EVMGuests.tree(64)
        let g = ExecuteBlockTests.block
        let proof = try g.treeProof(elf: elf)
        try check(elf, proof.container, post: try TreeLayout.tree(g.post).root().bytes, mode: .runtimeManaged)
    }
}
