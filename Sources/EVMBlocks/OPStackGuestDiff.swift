import EVMPrimitives
import EVMProver
import Execute
import StatelessEVM

/// `rvx evm diff --variant op` (docs/ROLLUP-EVM.md §5): a generated OP Stack block on the native twin and on
/// each evm-op-guest through EXECUTE (guest-managed, claiming the native post root); compares the verdict,
/// the post root and the public output (logs hash, gas used, every transaction's status and gas).
public enum OPStackGuestDiff {
    public struct Report: Sendable {
        public var mismatches: [String] = []
        public var cycles: [(label: String, cycles: UInt64)] = []
        public var containerBytes = 0
    }

    public static func run(_ block: OPStackBlockGenerator.Block, guests: [GuestDiff.Guest], limits: ExecuteLimits) -> Report {
        var report = Report()
        let proof: EVMProver.Proof
        do { proof = try block.proof() } catch {
            report.mismatches.append(error.description)
            return report
        }
        report.containerBytes = proof.container.count
        let native = block.result
        for g in guests {
            let r = execute(ExecuteRequest(program: .image(g.image), container: proof.container,
                                           claimedPostRoot: block.postRoot, stateMode: .guestManaged, limits: limits))
            report.cycles.append((g.label, r.cycles))
            guard r.verdict else {
                report.mismatches.append("\(g.label): false: \(r.reason.map { "\($0)" } ?? "?")")
                continue
            }
            if r.postRoot != block.postRoot { report.mismatches.append("\(g.label): post root differs from the native twin") }
            guard let out = StatelessResult.parsePublicOutput(r.output) else {
                report.mismatches.append("\(g.label): malformed public output (\(r.output.count) bytes)")
                continue
            }
            if out.logsHash != native.logsHash { report.mismatches.append("\(g.label): logs hash differs") }
            if out.gasUsed != native.gasUsed { report.mismatches.append("\(g.label): gas used \(out.gasUsed) != native \(native.gasUsed)") }
            for (i, (a, b)) in zip(out.transactions, native.transactions).enumerated() where a != b {
                report.mismatches.append("\(g.label): tx \(i) \(a.status)/\(a.gasUsed) != native \(b.status)/\(b.gasUsed)")
            }
            if out.transactions.count != native.transactions.count {
                report.mismatches.append("\(g.label): \(out.transactions.count) transactions != native \(native.transactions.count)")
            }
        }
        return report
    }
}
