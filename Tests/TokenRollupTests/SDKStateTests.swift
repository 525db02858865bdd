import BinaryTree
import Crypto
import Execute
import InputContainer
import TokenRollup
import XCTest

/// The state wrappers of rvx/rvx.h (guest/examples/sdk-state) under EXECUTE in both state modes.
final class SDKStateTests: XCTestCase {
    func sha(_ s: String) -> [UInt8] { Array(SHA256.hash(data: Array(s.utf8))) }

    func checkRuntimeManaged(_ xlen: String) throws {
        let elf = try GuestSupport.elf("sdk-state", xlen)
        var pre = SHA256BinaryTree()
        pre.insert(Bytes32(sha("k2"))!, Bytes32(sha("old"))!)
        pre.insert(Bytes32(sha("k4"))!, Bytes32(sha("other"))!)
        // By hand: K1 = sha256("value") written, K2 deleted, K4 untouched.
        var post = SHA256BinaryTree()
        post.insert(Bytes32(sha("k1"))!, Bytes32(sha("value"))!)
        post.insert(Bytes32(sha("k4"))!, Bytes32(sha("other"))!)

        let proof = try Prover.prove(ProverInput(program: .elf(elf), sections: [(.batch, [])], preState: pre))
        XCTAssertEqual(proof.postRoot, post.root().bytes)
        let r = execute(ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: post.root().bytes))
        XCTAssertTrue(r.verdict, "\(String(describing: r.reason))")
        XCTAssertEqual(r.output, post.root().bytes, "STATE_ROOT inside the guest = root of the hand-built tree")
    }

    func checkGuestManaged(_ xlen: String) throws {
        let elf = try GuestSupport.elf("sdk-state", xlen)
        let container = try InputContainer.encode(sections: [(.batch, Array("abc".utf8)),
                                                             (.preStateRoot, [UInt8](repeating: 0, count: 32))])
        let root = sha("abc")
        let r = execute(ExecuteRequest(program: .elf(elf), container: container, claimedPostRoot: root, stateMode: .guestManaged))
        XCTAssertTrue(r.verdict, "\(String(describing: r.reason))")
        XCTAssertEqual(r.output, root)
        var other = root
        other[0] ^= 1
        let bad = execute(ExecuteRequest(program: .elf(elf), container: container, claimedPostRoot: other, stateMode: .guestManaged))
        XCTAssertEqual(bad.reason, .rootMismatch(expected: other, actual: root))
    }

    func testRuntimeManagedRV64() throws { try checkRuntimeManaged("rv64") }
    func testRuntimeManagedRV32() throws { try checkRuntimeManaged("rv32") }
    func testGuestManagedRV64() throws { try checkGuestManaged("rv64") }
    func testGuestManagedRV32() throws { try checkGuestManaged("rv32") }
}
