import BinaryTree
import ELFLoader
import EVMPrimitives
import GuestABI
import HostABI
import InputContainer
import RISCV
import Translator

/// The generalized EXECUTE precompile (docs/EXECUTE.md): runs the rollup's STF on the input container and
/// answers whether the claimed post-state root is the result. Never throws and never traps on hostile input:
/// every failure is a false verdict with a typed `ExecuteFailure`.
///
/// Order: decode the container; check the expected pre-state root; load the ELF; create the machine; verify
/// the witness against PRE_STATE_ROOT (runtime-managed), charging its cost up front; map the container
/// read-only at 0x4000_0000 (and serve it on fd 0); run; compute or take the post root; compare.
public func execute(_ request: ExecuteRequest) -> ExecuteResult {
    execute(request, observer: nil)
}

/// `execute` with an `observer` (developer tools, e.g. `rvx profile`) that watches every instruction through
/// the reference stepper; with nil the run takes the interpreter's fast path. It never changes the verdict.
public func execute(_ request: ExecuteRequest, observer: (any HartObserver)?) -> ExecuteResult {
    guard request.claimedPostRoot.count == 32 else {
        return ExecuteMachine.early(.invalidRequest("claimed post root must be 32 bytes, got \(request.claimedPostRoot.count)"), request)
    }
    // A compressed container (docs/FORMAT.md §8) is expanded first; the guest sees the canonical uncompressed
    // one, the expansion is charged before the guest's first instruction, and gas counts the posted bytes.
    let expansion: ContainerCompression.Expansion
    do { expansion = try ContainerCompression.expand(request.container) } catch {
        return ExecuteMachine.early(.badContainer(error.description), request)
    }
    guard expansion.isCompressed else { return executeExpanded(request, observer: observer, decodeCycles: 0) }
    var inner = request
    inner.container = expansion.container
    var result = executeExpanded(inner, observer: observer, decodeCycles: expansion.cycles)
    result.gas = SyscallCosts.gas(cycles: result.cycles, containerBytes: UInt64(request.container.count),
                                  cyclesPerGas: request.cyclesPerGas)
    result.decodeCycles = expansion.cycles
    return result
}

/// `execute` on an uncompressed container, with `decodeCycles` charged once the machine exists.
func executeExpanded(_ request: ExecuteRequest, observer: (any HartObserver)?, decodeCycles: UInt64) -> ExecuteResult {
    guard request.claimedPostRoot.count == 32 else {
        return ExecuteMachine.early(.invalidRequest("claimed post root must be 32 bytes, got \(request.claimedPostRoot.count)"), request)
    }
    let container: InputContainer
    do { container = try InputContainer(decoding: request.container) } catch {
        return ExecuteMachine.early(.badContainer(error.description), request)
    }
    if let pre = request.expectedPreStateRoot, pre != container.preStateRoot {
        return ExecuteMachine.early(.preStateRootMismatch(expected: pre, actual: container.preStateRoot), request)
    }
    let hart: Hart
    switch ExecuteMachine.make(request) {
    case .success(let h): hart = h
    case .failure(let f): return ExecuteMachine.early(f, request)
    }
    hart.chargeCycles(decodeCycles)
    switch request.stateMode {
    case .guestManaged:
        return ExecuteMachine.run(hart, request, container, state: NoStateBackend?.none, claimed: request.claimedPostRoot,
                                  observer: observer)
    case .runtimeManaged, .standardIO:
        let root = Bytes32(container.preStateRoot) ?? .zero
        let state: SHA256WitnessState
        let witness = container.contents(.witness)
        if let w = witness {
            do {
                state = try SHA256WitnessState(root: container.preStateRoot, witness: Array(w))
            } catch {
                // The decoding pass is charged; the hashes of a witness that fails are not counted.
                let cycles = min(decodeCycles &+ SyscallCosts.witness(bytes: UInt64(w.count), hashes: 0), request.limits.cycles)
                var r = ExecuteMachine.early(.witnessInvalid(error.description), request, cycles: cycles)
                r.witnessBytes = w.count
                return r
            }
        } else {
            state = SHA256WitnessState(root: root)
        }
        hart.chargeCycles(SyscallCosts.witness(bytes: UInt64(witness?.count ?? 0), hashes: UInt64(state.hashCalls)))
        var view: [UInt8]?
        if request.stateMode == .standardIO {
            // The verified pairs and the batch, built before the guest starts and charged as a copy.
            let v = StandardIOState.view(entries: state.entries(), batch: container.contents(.batch) ?? [])
            hart.chargeCycles(SyscallCosts.copy(UInt64(v.count)))
            view = v
        }
        return ExecuteMachine.run(hart, request, container, state: WitnessBackend(state, memoryLimit: request.limits.memory),
                                  claimed: request.claimedPostRoot, observer: observer, standardInput: view)
    }
}

/// The shared machinery of `execute` and the prover.
enum ExecuteMachine {
    /// A false verdict before the guest runs: `cycles` (the work done so far) and the gas they cost plus the
    /// container's calldata charge (16 gas per byte), as for every call (docs/EXECUTE.md §3).
    static func early(_ reason: ExecuteFailure, _ request: ExecuteRequest, cycles: UInt64 = 0) -> ExecuteResult {
        var r = ExecuteResult(verdict: false, reason: reason)
        r.cycles = cycles
        r.gas = SyscallCosts.gas(cycles: cycles, containerBytes: UInt64(request.container.count), cyclesPerGas: request.cyclesPerGas)
        return r
    }

    /// The typed witness gap a runtime-managed backend recorded, if any.
    static func gap<S: StateBackend>(_ s: S?) -> ExecuteFailure? { (s as? WitnessBackend)?.gap }

    /// Loads the program and creates the hart with the request's limits.
    static func make(_ request: ExecuteRequest) -> Result<Hart, ExecuteFailure> {
        let image: ProgramImage
        switch request.program {
        case .image(let i): image = i
        case .elf(let bytes):
            do { image = try ELFLoader.load(bytes).image } catch { return .failure(.badELF(error.description)) }
        }
        do {
            let hart = try Hart(image: image, config: MachineConfig(cycleLimit: request.limits.cycles,
                                                                   memoryLimit: request.limits.memory, engine: request.engine))
            if request.engine == .translated, let t = request.translator { _ = try? t.install(on: hart) }
            if request.engine == .translated, request.translator == nil, let p = request.profile, p.codeCount == hart.codeCount,
               let t = Translation(profiling: p) {
                hart.install(t)
            }
            return .success(hart)
        } catch {
            if case .outOfMemory = error { return .failure(.outOfMemory) }
            return .failure(.badELF(error.description))
        }
    }

    /// Runs the guest and decides. `claimed` nil (prover) skips the final comparison.
    static func run<S: StateBackend>(_ hart: Hart, _ request: ExecuteRequest, _ container: InputContainer,
                                     state: S?, claimed: [UInt8]?, observer: (any HartObserver)? = nil,
                                     standardInput: [UInt8]? = nil) -> ExecuteResult {
        var s = state
        return runInner(hart, request, container, state: &s, claimed: claimed, observer: observer, standardInput: standardInput)
    }

    /// `run`, handing back the final state backend (the prover's recording).
    static func runKeepingState<S: StateBackend>(_ hart: Hart, _ request: ExecuteRequest, _ container: InputContainer,
                                                 state: inout S?, claimed: [UInt8]? = nil,
                                                 standardInput: [UInt8]? = nil) -> (ExecuteResult, S?) {
        let r = runInner(hart, request, container, state: &state, claimed: claimed, standardInput: standardInput)
        return (r, state)
    }

    static func runInner<S: StateBackend>(_ hart: Hart, _ request: ExecuteRequest, _ container: InputContainer,
                                          state: inout S?, claimed: [UInt8]?,
                                          observer: (any HartObserver)? = nil,
                                          standardInput: [UInt8]? = nil) -> ExecuteResult {
        var result = ExecuteResult(verdict: false, reason: nil)
        result.witnessBytes = container.contents(.witness)?.count ?? 0
        func finish(_ reason: ExecuteFailure?) -> ExecuteResult {
            result.verdict = reason == nil
            result.reason = reason
            // A run stopped for its budget consumed exactly the budget (a syscall charge may overshoot it).
            result.cycles = reason == .outOfCycles ? min(hart.cycles, hart.cycleLimit) : hart.cycles
            result.instructions = min(hart.instructionsRetired, result.cycles)
            result.misalignedAccesses = hart.memory.misalignedAccesses
            result.gas = SyscallCosts.gas(cycles: result.cycles, containerBytes: UInt64(request.container.count),
                                          cyclesPerGas: request.cyclesPerGas)
            result.outputKeccak = Keccak256.hash(result.output)
            return result
        }
        if hart.cycles > hart.cycleLimit { return finish(.outOfCycles) }
        // Standard-IO mode: the state view ‖ batch is mapped right after the container (section 16).
        let input = standardInput.map { request.container + $0 } ?? request.container
        guard hart.memory.mapInput(input) else { return finish(.outOfMemory) }

        var sections = [Range<Int>?](repeating: nil, count: Int(StandardIO.inputSection) + 1)
        sections[0] = 0..<request.container.count
        for kind in SectionKind.allCases { sections[Int(kind.rawValue)] = container.section(kind) }
        if standardInput != nil { sections[Int(StandardIO.inputSection)] = request.container.count..<input.count }
        let native = NativeSyscalls(input: input, sections: sections, mode: request.stateMode, state: state.take(),
                                    outputLimit: request.limits.output, debugLimit: request.limits.debug)
        var handler = LinuxSyscalls(io: CapturedIO(stdin: request.container, outputLimit: Int(clamping: request.limits.debug)),
                                    extension: native)
        handler.ext.maxTransfer = handler.maxTransfer
        let stop: StopReason
        if let observer { stop = hart.run(&handler, observer: observer) } else { stop = hart.run(&handler) }
        state = handler.ext.state.take()
        result.output = handler.ext.output
        result.debugOutput = handler.ext.debug
        result.stdout = handler.io.stdout
        result.stderr = handler.io.stderr
        result.stop = stop.description
        if request.stateMode == .guestManaged { result.postRoot = handler.ext.declaredPostRoot }

        switch stop {
        case .exited(let code):
            if code != 0 { return finish(.nonZeroExit(code: code)) }
        case .halted:
            switch handler.ext.stop {
            case .witnessIncomplete(let key, _)?: return finish(gap(state) ?? .witnessIncomplete(key: key))
            case .outputLimitExceeded?: return finish(.outputLimitExceeded)
            case .postRootDeclaredTwice?: return finish(.postRootDeclaredTwice)
            case .stateLimitExceeded?: return finish(.outOfMemory)
            case .stateFailed(let m)?: return finish(.witnessInvalid(m))
            case nil: return finish(.guestFault(pc: hart.pc, description: stop.description))
            }
        case .outOfCycles:
            return finish(.outOfCycles)
        case .outOfMemory:
            return finish(.outOfMemory)
        case .breakpoint(let pc), .illegalInstruction(let pc, _), .loadFault(let pc, _), .storeFault(let pc, _),
             .fetchFault(let pc), .misalignedFetch(let pc, _):
            return finish(.guestFault(pc: pc, description: stop.description))
        }

        let post: [UInt8]
        switch request.stateMode {
        case .guestManaged:
            guard let d = handler.ext.declaredPostRoot else { return finish(.rootNotDeclared) }
            post = d
        case .runtimeManaged, .standardIO:
            guard var s = state.take() else { return finish(.witnessInvalid("no state")) }
            defer { state = s }
            func failure(_ f: StateFailure) -> ExecuteFailure {
                switch f {
                case .incomplete(let key, _): return gap(s) ?? .witnessIncomplete(key: key)
                case .limitExceeded: return .outOfMemory
                case .failed(let m): return .witnessInvalid(m)
                }
            }
            if request.stateMode == .standardIO {
                let report: StandardIOState.Report
                do { report = try StandardIOState.report(result.output) } catch { return finish(error) }
                result.output = Array(report.app)
                do {
                    let ok = try StandardIOState.apply(report, to: &s) { n in
                        hart.chargeCycles(n)
                        return hart.cycles <= hart.cycleLimit
                    }
                    if !ok { return finish(.outOfCycles) }
                } catch { return finish(failure(error)) }
            }
            var out = [UInt8](repeating: 0, count: 32)
            let before = s.hashCalls
            let r = out.withUnsafeMutableBytes { b in
                Result { () throws(StateFailure) in if let p = b.baseAddress { try s.root(into: p) } }
            }
            hart.chargeCycles(SyscallCosts.mul(SyscallCosts.hash, UInt64(max(0, s.hashCalls - before))))
            if case .failure(let f) = r { return finish(failure(f)) }
            post = out
            result.postRoot = post
            if hart.cycles > hart.cycleLimit { return finish(.outOfCycles) }
        }
        if let c = claimed, c != post { return finish(.rootMismatch(expected: c, actual: post)) }
        return finish(nil)
    }
}
