import BlockInput
import BlockTest
import EVM
import EVMPrimitives
import EthereumBlock
import Execute
import NativeCrypto
import StatelessBlock

/// The differential check of `rvx evm diff --blocks` (docs/EVMBLOCKS.md §8): every block of a blockchain test
/// imported natively (`BlockTransition.execute` over the parent's in-memory state, as `rvx evm blocktest` does)
/// and, through EXECUTE, by each MPT EVM guest in block mode from the block input `BlockProver` builds with the
/// minimal witness of the parent state. A valid block must be true with the native post root as POST_ROOT and
/// output `blockHash ‖ gasUsed`; an invalid block must be false with the guest's exit status and the same typed
/// reason (`BlockVerificationError.description`) as the native rejection. One `CaseReport` per block.
public enum BlockGuestDiff {
    /// The gas bound of a heavy block: blocks whose header declares more gas used are skipped unless
    /// `--heavy` (the 0.54–6.2 Ggas loopMul and BLAKE2f max-rounds blocks of ethereum/tests, which need more than
    /// the default 20 G cycles).
    public static let heavyBlockGas: UInt64 = 500_000_000

    /// The reports of every block of `t` (one skipped report when its network has no block rules here). With
    /// `maxGas`, a block whose header declares more gas used is skipped with the reason, and so are the blocks
    /// after it (their parent was not imported).
    public static func run(_ t: BlockTestFixture, guests: [GuestDiff.Guest], limits: ExecuteLimits,
                           maxGas: UInt64? = nil) -> [GuestDiff.CaseReport] {
        guard let config = t.chainConfig else {
            var r = GuestDiff.CaseReport(name: t.name, fork: t.network)
            r.skipped = "network not supported"
            return [r]
        }
        let crypto = NativeCryptoProvider()
        let genesis: BlockHeader
        do { genesis = try Block.decode(t.genesisRLP).header } catch {
            var r = GuestDiff.CaseReport(name: t.name, fork: t.network)
            r.mismatches = ["genesis: \(error.description)"]
            return [r]
        }
        let genesisHash = genesis.hash(crypto)
        var chain = [genesisHash: ChainEntry(genesis: genesis, state: t.pre, crypto: crypto)]
        var head = genesisHash
        var reports: [GuestDiff.CaseReport] = []
        for (i, fb) in t.blocks.enumerated() {
            var report = GuestDiff.CaseReport(name: "\(t.name) block \(i)", fork: t.network)
            let decoded = try? Block.decode(fb.rlp)
            if let maxGas, let gas = decoded?.header.gasUsed, gas > maxGas {
                report.skipped = "heavy block: \(gas) gas > \(maxGas) (use --heavy)"
                reports.append(report)
                for j in (i + 1)..<t.blocks.count {
                    var r = GuestDiff.CaseReport(name: "\(t.name) block \(j)", fork: t.network)
                    r.skipped = "after a heavy block (use --heavy)"
                    reports.append(r)
                }
                return reports
            }
            // The guest's parent: the block's own when known, else the head a client would try it on.
            let parent = decoded.flatMap { chain[$0.header.parentHash] } ?? chain[head]!
            let native = BlockImport.importBlock(fb.rlp, chain: chain, config: config, crypto: crypto)
            if case .failure(let e) = native, e.exceptionName.hasSuffix("UNSUPPORTED_PRECOMPILE") {
                report.skipped = "unsupported precompile"
                reports.append(report)
                return reports
            }
            switch (native, fb.expectException) {
            case (.success, let expected?): report.mismatches.append("native: valid, fixture expects \(expected)")
            case (.failure(let e), nil): report.mismatches.append("native: \(e.description), fixture expects a valid block")
            default: break
            }
            let proof: BlockProver.Proof
            do {
                proof = try BlockProver.prove(block: fb.rlp, ancestors: parent.lineage, ancestorOmmers: parent.ommerLists,
                                              parentState: parent.state, config: config, crypto: crypto)
            } catch {
                report.mismatches.append("prover: \(error)")
                reports.append(report)
                continue
            }
            report.witnessBytes = proof.witnessBytes
            report.containerBytes = proof.container.count
            let expected: Expected
            switch native {
            case .success(let imported):
                report.gasUsed = imported.output.gasUsed
                expected = .valid(root: imported.entry.header.stateRoot, output: imported.hash + littleEndian(imported.output.gasUsed))
                chain[imported.hash] = imported.entry
                head = imported.hash
            case .failure(let e):
                // A block on an unknown parent reaches the guest on the head, whose hash is not its parentHash.
                expected = .invalid(e == .unknownParent ? .input(.parentHashMismatch) : .block(e))
            }
            let claim = decoded?.header.stateRoot ?? [UInt8](repeating: 0, count: 32)
            for g in guests {
                let r = execute(ExecuteRequest(program: .image(g.image), container: proof.container, claimedPostRoot: claim,
                                               stateMode: .guestManaged, limits: limits))
                report.cycles.append((g.label, r.cycles))
                compare(g.label, r, expected, &report.mismatches)
            }
            reports.append(report)
        }
        return reports
    }

    enum Expected {
        case valid(root: [UInt8], output: [UInt8])
        case invalid(BlockVerificationError)
    }

    static func compare(_ label: String, _ r: ExecuteResult, _ expected: Expected, _ out: inout [String]) {
        let debug = String(decoding: r.debugOutput, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        switch expected {
        case .valid(let root, let output):
            guard r.verdict else {
                out.append("\(label): false on a valid block: \(r.reason.map { "\($0)" } ?? "?") (\(debug))")
                return
            }
            if r.postRoot != root { out.append("\(label): post root \(GuestDiff.hex(r.postRoot ?? [])) != native \(GuestDiff.hex(root))") }
            if r.output != output { out.append("\(label): output \(GuestDiff.hex(r.output)) != native blockHash ‖ gasUsed \(GuestDiff.hex(output))") }
        case .invalid(let e):
            let status: Int64 = if case .input = e { 2 } else { 8 }
            if r.verdict { out.append("\(label): true on an invalid block (native: \(e.description))") }
            if r.reason != .nonZeroExit(code: status) { out.append("\(label): \(r.reason.map { "\($0)" } ?? "no reason") != exit \(status)") }
            if debug != "evm-guest: " + e.description { out.append("\(label): reason \"\(debug)\" != native \"\(e.description)\"") }
        }
    }

    static func littleEndian(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
}
