import BinaryTree
import EVMPrimitives
import Execute
import InputContainer
import TokenRollup
import XCTest

/// Tampered EXECUTE calls for the token rollup: each answers false with the right reason (docs/EXECUTE.md §2).
final class TokenRollupTamperTests: XCTestCase {
    let hand = HandBatch()

    /// Re-encodes the proof's container with one section replaced (nil removes it).
    func replacing(_ container: [UInt8], _ kind: SectionKind, with body: [UInt8]?) throws -> [UInt8] {
        let c = try InputContainer(decoding: container)
        var sections = c.sections.filter { $0.kind != kind }.map { ($0.kind, Array(container[$0.range])) }
        if let body { sections.append((kind, body)) }
        return try InputContainer.encode(sections: sections)
    }

    func section(_ container: [UInt8], _ kind: SectionKind) throws -> [UInt8] {
        Array(try InputContainer(decoding: container).contents(kind) ?? [])
    }

    func run(_ elf: [UInt8], _ proof: TokenRollupProof, container: [UInt8]? = nil, claimed: [UInt8]? = nil) -> ExecuteResult {
        var p = proof
        if let container { p.container = container }
        if let claimed { p.postRoot = claimed }
        return execute(TokenRollupProver.request(elf: elf, proof: p))
    }

    func checkTampering(_ xlen: String) throws {
        let (elf, proof, batch) = try hand.prove(xlen)
        XCTAssertTrue(run(elf, proof).verdict)

        // Claimed root off by one bit → rootMismatch(claimed, computed).
        var claimed = proof.postRoot
        claimed[31] ^= 1
        XCTAssertEqual(run(elf, proof, claimed: claimed).reason, .rootMismatch(expected: claimed, actual: proof.postRoot))

        // Deposit amount changed (same keys, other values) → the computed root differs.
        var b = batch
        b[8 + 52] ^= 0x01 // last byte of the first deposit's amount: 250 → 251
        let r1 = run(elf, proof, container: try replacing(proof.container, .batch, with: b))
        guard case .rootMismatch(let e, _)? = r1.reason else { return XCTFail("\(String(describing: r1.reason))") }
        XCTAssertEqual(e, proof.postRoot)

        // Deposit recipient changed → another account is credited. In this 3-account tree the witness already
        // proves the new stem's absence (its path ends at a node the witness expands), so the run completes
        // and only the root differs.
        b = batch
        b[9] ^= 0xFF
        let r2 = run(elf, proof, container: try replacing(proof.container, .batch, with: b))
        guard case .rootMismatch(let e2, _)? = r2.reason else { return XCTFail("\(String(describing: r2.reason))") }
        XCTAssertEqual(e2, proof.postRoot)

        // The same batch against a witness for another (empty) batch → keys the witness does not cover.
        let emptyProof = try TokenRollupProver.prove(elf: elf, preState: hand.genesis, batch: TokenBatch().encode(),
                                                     config: TokenConfig(chainId: HandBatch.chainId), l1Anchor: hand.anchor)
        let r4 = run(elf, emptyProof, container: try replacing(emptyProof.container, .batch, with: batch))
        guard case .witnessIncomplete? = r4.reason else { return XCTFail("\(String(describing: r4.reason))") }

        // Malformed batch (magic) → the STF rejects it with exit status 3; CONFIG missing → status 2.
        b = batch
        b[0] = UInt8(ascii: "X")
        XCTAssertEqual(run(elf, proof, container: try replacing(proof.container, .batch, with: b)).reason, .nonZeroExit(code: 3))
        XCTAssertEqual(run(elf, proof, container: try replacing(proof.container, .batch, with: batch + [0])).reason,
                       .nonZeroExit(code: 3))
        XCTAssertEqual(run(elf, proof, container: try replacing(proof.container, .config, with: nil)).reason,
                       .nonZeroExit(code: 2))

        // A witness byte flipped → witnessInvalid (checked against PRE_STATE_ROOT before the guest starts).
        var w = try section(proof.container, .witness)
        w[w.count - 1] ^= 0x80
        guard case .witnessInvalid? = run(elf, proof, container: try replacing(proof.container, .witness, with: w)).reason
        else { return XCTFail("flipped witness byte accepted") }

        // Another chain id → every signature recovers another sender: transfers skipped, the root differs.
        let r3 = run(elf, proof, container: try replacing(proof.container, .config, with: TokenConfig(chainId: 1).encode()))
        XCTAssertFalse(r3.verdict)
    }

    func testTamperingRV64() throws { try checkTampering("rv64") }
    func testTamperingRV32() throws { try checkTampering("rv32") }
}
