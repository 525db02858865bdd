import BlockInput
import BlockTest
import EVM
import EVMPrimitives
import EthereumBlock
import Execute
import NativeCrypto
import StatelessBlock
import StatelessEVM

/// The differential check of `rvx evm diff --blocks` (docs/EVMBLOCKS.md §8): every block of a blockchain test
/// imported natively (`BlockTransition.execute` over the parent's in-memory state, as `rvx evm blocktest` does)
/// and, through EXECUTE, by each MPT EVM guest in block mode from the block input `BlockProver` builds with the
/// minimal witness of the parent state. A valid block must be true with the native post root as POST_ROOT and
/// output `blockHash ‖ gasUsed`; an invalid block must be false with the guest's exit status and the same typed
/// reason (`BlockVerificationError.description`) as the native rejection. With tree guests, the same block also
/// runs through `evm-bt-guest` from the tree input of `BlockProver.proveOverTree` (docs/EVMBLOCKS.md §10): a valid
/// block must be true with the tree root of the native post-state laid out by `TreeLayout` as POST_ROOT, an
/// invalid one false with the native reason. One `CaseReport` per block.
public enum BlockGuestDiff {
    /// The gas bound of a heavy block (`isHeavy`): such blocks are skipped unless `--heavy` (the 0.54–6.2 Ggas
    /// loopMul and BLAKE2f max-rounds blocks of ethereum/tests, which need more than the default 20 G cycles).
    public static let heavyBlockGas: UInt64 = 500_000_000

    /// Whether `block` is heavy, decided before anything runs (the native import of the BLAKE2f block alone takes
    /// ~50 s): its header declares more than `maxGas` used, and that gas is not exactly the sum of its
    /// transactions' gas limits. Transactions that use their whole limits (ethereum/tests' mstore_dejavu,
    /// returndatacopy_initial, FailedCreateRevertsDeletion, …: 42 949 672 960 gas) forfeited it in an exceptional
    /// halt, after little work; gas used above `maxGas` but short of the limits was spent on work. A block whose
    /// transactions do not all decode is heavy by this rule.
    public static func isHeavy(_ block: Block, maxGas: UInt64, crypto: NativeCryptoProvider) -> Bool {
        let gas = block.header.gasUsed
        guard gas > maxGas else { return false }
        var limits = UInt256.zero
        for tx in block.transactions {
            guard let t = try? TransactionDecoder.decode(tx, crypto: crypto) else { return true }
            limits = limits &+ t.gasLimit
        }
        return limits != UInt256(gas)
    }

    /// The reports of every block of `t` (one skipped report when its network has no block rules here). With
    /// `maxGas`, a heavy block (`isHeavy`) is skipped with the reason, and so are the blocks after it (their
    /// parent was not imported).
    public static func run(_ t: BlockTestFixture, guests: [GuestDiff.Guest], treeGuests: [GuestDiff.Guest] = [],
                           limits: ExecuteLimits, maxGas: UInt64? = nil) -> [GuestDiff.CaseReport] {
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
            if let maxGas, let block = decoded, isHeavy(block, maxGas: maxGas, crypto: crypto) {
                report.skipped = "heavy block: \(block.header.gasUsed) gas > \(maxGas), short of the transactions' limits (use --heavy)"
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
            // The MPT input (its witness size is reported even without guests), unless only tree guests run.
            var proof: BlockProver.Proof? = nil
            if !guests.isEmpty || treeGuests.isEmpty {
                do {
                    proof = try BlockProver.prove(block: fb.rlp, ancestors: parent.lineage, ancestorOmmers: parent.ommerLists,
                                                  parentState: parent.state, config: config, crypto: crypto)
                } catch {
                    report.mismatches.append("prover: \(error)")
                    reports.append(report)
                    continue
                }
                report.witnessBytes = proof!.witnessBytes
                report.containerBytes = proof!.container.count
            }
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
            if let proof {
                for g in guests {
                    let r = execute(ExecuteRequest(program: .image(g.image), container: proof.container, claimedPostRoot: claim,
                                                   stateMode: .guestManaged, limits: limits))
                    report.cycles.append((g.label, r.cycles))
                    compare(g.label, r, expected, guest: "evm-guest", &report.mismatches)
                }
            }
            if !treeGuests.isEmpty {
                runOverTree(fb.rlp, parent: parent, native: native, config: config, guests: treeGuests, limits: limits,
                            crypto: crypto, &report)
            }
            reports.append(report)
        }
        return reports
    }

    enum Expected {
        case valid(root: [UInt8], output: [UInt8])
        case invalid(BlockVerificationError)
    }

    /// The tree guests on `block` over `parent`: the expectation comes from the native import (`native`) and the
    /// independent layout of its post-state. Blocks the tree cannot judge like the MPT import are not run, with
    /// the reason in `report.treeSkipped`: a parent state the layout cannot hold, and a block whose only fault
    /// may be its (MPT) state root, which is no commitment over the tree.
    static func runOverTree(_ block: [UInt8], parent: ChainEntry, native: Result<ImportedBlock, BlockError>,
                            config: ChainConfig, guests: [GuestDiff.Guest], limits: ExecuteLimits,
                            crypto: NativeCryptoProvider, _ report: inout GuestDiff.CaseReport) {
        let expected: Expected
        switch native {
        case .success(let imported):
            let output = imported.hash + littleEndian(imported.output.gasUsed)
            do throws(TreeStateError) {
                expected = .valid(root: try TreeLayout.tree(imported.entry.state).root().bytes, output: output)
            } catch {
                expected = .invalid(.treeState(error))
            }
        case .failure(.commitmentMismatch(.stateRoot)):
            report.treeSkipped = "the header's state root is the only commitment found wrong (not checked over the tree)"
            return
        case .failure(let e):
            expected = .invalid(e == .unknownParent ? .input(.parentHashMismatch) : .block(e))
        }
        let proof: BlockProver.TreeProof
        do {
            proof = try BlockProver.proveOverTree(block: block, ancestors: parent.lineage, ancestorOmmers: parent.ommerLists,
                                                  parentState: parent.state, config: config, crypto: crypto)
        } catch let e as TreeStateError {
            report.treeSkipped = "parent state not laid out: \(e.description)"
            return
        } catch {
            report.mismatches.append("tree prover: \(error)")
            return
        }
        report.treeWitnessBytes = proof.witnessBytes
        var claim = [UInt8](repeating: 0, count: 32)
        if case .valid(let root, _) = expected { claim = root }
        for g in guests {
            let r = execute(ExecuteRequest(program: .image(g.image), container: proof.container, claimedPostRoot: claim,
                                           expectedPreStateRoot: proof.preStateRoot, stateMode: .runtimeManaged, limits: limits))
            report.cycles.append((g.label, r.cycles))
            // A layout failure names the first account the guest's commit meets: only its class is compared.
            if case .invalid(.treeState) = expected, r.reason == .nonZeroExit(code: 8),
               String(decoding: r.debugOutput, as: UTF8.self).contains("evm-bt-guest: state layout: ") { continue }
            compare(g.label, r, expected, guest: "evm-bt-guest", &report.mismatches)
        }
    }

    static func compare(_ label: String, _ r: ExecuteResult, _ expected: Expected, guest: String, _ out: inout [String]) {
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
            if debug != guest + ": " + e.description { out.append("\(label): reason \"\(debug)\" != native \"\(e.description)\"") }
        }
    }

    static func littleEndian(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
}
