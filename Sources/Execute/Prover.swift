import BinaryTree
import GuestABI
import HostABI
import InputContainer
import RISCV

/// What the prover needs (docs/EXECUTE.md §5): the STF, the container sections other than the witness, the
/// full pre-state (runtime-managed mode) and the registration parameters.
public struct ProverInput {
    public var program: ExecuteRequest.Program
    /// Sections to put in the container (PRE_STATE_ROOT is filled from `preState` in any mode if absent: the
    /// root of `preState`, 0^32 for the empty tree). Runtime-managed mode replaces any WITNESS with the minimal
    /// one it builds; guest-managed mode keeps a given WITNESS as is (it is the guest's own format).
    public var sections: [(SectionKind, [UInt8])]
    /// The full pre-state tree (runtime-managed mode).
    public var preState: SHA256BinaryTree
    public var stateMode: StateMode
    public var limits: ExecuteLimits
    public var cyclesPerGas: UInt64

    public init(program: ExecuteRequest.Program, sections: [(SectionKind, [UInt8])], preState: SHA256BinaryTree = SHA256BinaryTree(),
                stateMode: StateMode = .runtimeManaged, limits: ExecuteLimits = ExecuteLimits(),
                cyclesPerGas: UInt64 = SyscallCosts.defaultCyclesPerGas) {
        self.program = program
        self.sections = sections
        self.preState = preState
        self.stateMode = stateMode
        self.limits = limits
        self.cyclesPerGas = cyclesPerGas
    }
}

/// The prover's product: the container to submit, the root to claim, and the verifier's result on them.
public struct ProverOutput {
    /// The complete input container (with the minimal witness in runtime-managed mode).
    public var container: [UInt8]
    /// The post-state root to claim.
    public var postRoot: [UInt8]
    /// Size of the WITNESS section.
    public var witnessSize: Int
    /// Cycles of the verifying run (what EXECUTE will charge).
    public var cycles: UInt64
    /// The verifier's full result on (container, postRoot): verdict true.
    public var result: ExecuteResult
    /// The full post-state tree (runtime-managed mode).
    public var postState: SHA256BinaryTree?
}

/// Why the prover could not produce a true EXECUTE call.
public enum ProverError: Error, Equatable, Sendable, CustomStringConvertible {
    case container(String)
    case execution(ExecuteFailure)
    case witness(String)
    /// The verifying re-run disagreed (e.g. the STF depends on the WITNESS section itself).
    case verificationFailed(ExecuteFailure?)

    public var description: String {
        switch self {
        case .container(let m): return "prover: bad container: " + m
        case .execution(let f): return "prover: the STF run failed: \(f)"
        case .witness(let m): return "prover: witness: " + m
        case .verificationFailed(let f): return "prover: verification of the proof failed: \(f.map { "\($0)" } ?? "?")"
        }
    }
}

/// The prover side of EXECUTE (docs/EXECUTE.md §5, docs/STATE.md §6). In runtime-managed mode it runs the STF
/// against the full pre-state tree recording touched keys, builds the minimal witness with `WitnessBuilder`,
/// packs the container, and re-runs `execute` on it to obtain the exact metering and check the verdict. In
/// guest-managed mode it runs the STF on the container as given and takes the declared root. In runtime-managed
/// mode the STF must not depend on the WITNESS section's bytes (the recording run's container has none).
public enum Prover {
    public static func prove(_ input: ProverInput) throws(ProverError) -> ProverOutput {
        var sections = input.stateMode == .guestManaged ? input.sections : input.sections.filter { $0.0 != .witness }
        if !sections.contains(where: { $0.0 == .preStateRoot }) {
            sections.append((.preStateRoot, input.preState.root().bytes))
        }
        sections.sort { $0.0 < $1.0 }
        let first: [UInt8]
        do { first = try InputContainer.encode(sections: sections) } catch { throw .container(error.description) }
        var request = ExecuteRequest(program: input.program, container: first, claimedPostRoot: [UInt8](repeating: 0, count: 32),
                                     stateMode: input.stateMode, limits: input.limits, cyclesPerGas: input.cyclesPerGas)
        let decoded: InputContainer
        do { decoded = try InputContainer(decoding: first) } catch { throw .container(error.description) }
        let hart: Hart
        switch ExecuteMachine.make(request) {
        case .success(let h): hart = h
        case .failure(let f): throw .execution(f)
        }
        switch input.stateMode {
        case .guestManaged:
            let r = ExecuteMachine.run(hart, request, decoded, state: NoStateBackend?.none, claimed: nil)
            guard r.verdict, let root = r.postRoot else { throw .execution(r.reason ?? .rootNotDeclared) }
            return ProverOutput(container: first, postRoot: root, witnessSize: r.witnessBytes, cycles: r.cycles, result: r,
                                postState: nil)
        case .runtimeManaged, .standardIO:
            var backend: RecordingBackend? = RecordingBackend(input.preState)
            // Standard-IO: the first pass shows the guest the whole pre-state; the keys it reports read or
            // written make the minimal witness, whose pairs are the view of the verifying run.
            let view = input.stateMode == .standardIO
                ? StandardIOState.view(entries: StandardIOState.entries(of: input.preState), batch: decoded.contents(.batch) ?? [])
                : nil
            let (r, final) = ExecuteMachine.runKeepingState(hart, request, decoded, state: &backend, standardInput: view)
            guard r.verdict, let recording = final else { throw .execution(r.reason ?? .witnessInvalid("no state")) }
            let witness: Witness
            do { witness = try recording.state.witness() } catch { throw .witness(error.description) }
            var full = sections
            full.append((.witness, witness.bytes))
            full.sort { $0.0 < $1.0 }
            do { request.container = try InputContainer.encode(sections: full) } catch { throw .container(error.description) }
            let post = recording.state.current.root().bytes
            request.claimedPostRoot = post
            let verified = execute(request)
            guard verified.verdict else { throw .verificationFailed(verified.reason) }
            return ProverOutput(container: request.container, postRoot: post, witnessSize: witness.size,
                                cycles: verified.cycles, result: verified, postState: recording.state.current)
        }
    }
}
