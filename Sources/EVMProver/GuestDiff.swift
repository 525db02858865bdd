import EVM
import EVMPrimitives
import Execute
import HostABI
import NativeCrypto
import RISCV
import StatelessEVM

/// The differential check of `rvx evm diff` (docs/EVMGUEST.md §9): one state-test case on the native EVM
/// (as the state-test runner runs it), on `StatelessExecutor` natively (the prover), and on each EVM guest
/// through EXECUTE in guest-managed mode with the fixture's expected root as the claim. Every disagreement
/// is one line in `mismatches`.
public enum GuestDiff {
    /// A loaded EVM guest.
    public struct Guest: Sendable {
        public var label: String
        public var image: ProgramImage
        public init(label: String, image: ProgramImage) {
            self.label = label
            self.image = image
        }
    }

    /// The report of one case.
    public struct CaseReport: Sendable {
        public var name: String
        public var fork: String
        /// Set when the case is skipped (with the native runner's reason).
        public var skipped: String?
        public var mismatches: [String] = []
        /// Gas used by the transaction (native).
        public var gasUsed: UInt64 = 0
        /// Cycles of each guest's EXECUTE call, by label.
        public var cycles: [(label: String, cycles: UInt64)] = []
        public var witnessBytes: Int = 0
        public var containerBytes: Int = 0
        /// Blocks over the binary tree (docs/EVMBLOCKS.md §10): the WITNESS section of the tree input, and the
        /// reason when the tree guests were not run on this block.
        public var treeWitnessBytes: Int = 0
        public var treeSkipped: String?

        public init(name: String, fork: String) {
            self.name = name
            self.fork = fork
        }
    }

    public static func run(_ c: StateTestCase, guests: [Guest], limits: ExecuteLimits) -> CaseReport {
        var report = CaseReport(name: c.name, fork: c.fork.name)
        let native = c.runNative()
        report.gasUsed = native.transaction.gasUsed
        if native.stateRoot != c.expectedRoot {
            report.mismatches.append("native root \(hex(native.stateRoot)) != fixture \(hex(c.expectedRoot))")
        }
        if native.logsHash != c.expectedLogsHash {
            report.mismatches.append("native logs hash \(hex(native.logsHash)) != fixture \(hex(c.expectedLogsHash))")
        }
        let proof: EVMProver.Proof
        do {
            proof = try EVMProver.prove(pre: c.pre, blockEnv: c.blockEnv, transactions: [c.txbytes], crypto: NativeCryptoProvider())
        } catch {
            report.mismatches.append(error.description)
            return report
        }
        report.witnessBytes = proof.witnessBytes
        report.containerBytes = proof.container.count
        compare("stateless", proof.result, root: proof.postStateRoot, native, &report.mismatches)
        for g in guests {
            let r = execute(ExecuteRequest(program: .image(g.image), container: proof.container,
                                           claimedPostRoot: c.expectedRoot, stateMode: .guestManaged, limits: limits))
            report.cycles.append((g.label, r.cycles))
            guard r.verdict else {
                let debug = String(decoding: r.debugOutput, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
                report.mismatches.append("\(g.label): false: \(r.reason.map { "\($0)" } ?? "?")" + (debug.isEmpty ? "" : " (\(debug))"))
                continue
            }
            guard let out = StatelessResult.parsePublicOutput(r.output) else {
                report.mismatches.append("\(g.label): malformed public output (\(r.output.count) bytes)")
                continue
            }
            compare(g.label, out, root: r.postRoot ?? [], native, &report.mismatches)
        }
        return report
    }

    static func compare(_ label: String, _ r: StatelessResult, root: [UInt8], _ native: StateTestCase.NativeOutcome,
                        _ out: inout [String]) {
        if root != native.stateRoot { out.append("\(label): post root \(hex(root)) != native \(hex(native.stateRoot))") }
        if r.logsHash != native.logsHash { out.append("\(label): logs hash \(hex(r.logsHash)) != native \(hex(native.logsHash))") }
        if r.gasUsed != native.transaction.gasUsed { out.append("\(label): gas used \(r.gasUsed) != native \(native.transaction.gasUsed)") }
        if r.transactions != [native.transaction] {
            let got = r.transactions.map { "\($0.status)/\($0.gasUsed)" }.joined(separator: ",")
            out.append("\(label): tx status [\(got)] != native \(native.transaction.status)/\(native.transaction.gasUsed)")
        }
    }

    static func hex(_ b: [UInt8]) -> String { Hex.encode(b, prefix: true) }
}
