import GuestABI

extension Hart {
    /// Runs until an ECALL or a stop (RISC-V Unprivileged ISA, RV32I/RV64I and "M" semantics), with the
    /// engine chosen in `MachineConfig.engine`. All engines agree on registers, memory, pc, cycles and
    /// stop reasons (EngineEquivalenceTests).
    public func execute() -> ExecutionEvent {
        switch engine {
        case .fast, .fastUnfused, .translated: return executeFast()
        case .reference: return executeReference()
        }
    }

    /// The reference engine: `step()` until an ECALL or a stop.
    func executeReference() -> ExecutionEvent {
        while true {
            switch step() {
            case .retired: continue
            case .ecall: return .ecall
            case .stop(let r): return .stop(r)
            }
        }
    }
}
