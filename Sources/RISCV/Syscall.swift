/// What a syscall handler tells the hart after handling an ECALL.
public enum SyscallAction: Equatable {
    /// Continue after the ECALL (the handler has put its result in a0).
    case resume
    /// Stop the run with this reason (e.g. `.exited(code:)`); pc stays at the ECALL.
    case halt(StopReason)
}

/// The embedder's ECALL handler (RISC-V Unprivileged ISA, "ECALL": a service request to the execution
/// environment). It is a generic parameter of `Hart.run`, so calls are statically dispatched.
/// The handler reads arguments from the hart's registers (a7 = number, a0–a5 = arguments), may access
/// `hart.memory`, charge cycles with `hart.chargeCycles`, and writes results back to the registers.
public protocol SyscallHandler {
    mutating func handleSyscall(_ hart: Hart) -> SyscallAction
}

extension Hart {
    /// Runs the guest until it stops, passing each ECALL to `handler`.
    @inlinable
    public func run<H: SyscallHandler>(_ handler: inout H) -> StopReason {
        while true {
            switch execute() {
            case .stop(let reason):
                return reason
            case .ecall:
                switch handler.handleSyscall(self) {
                case .halt(let reason):
                    return reason
                case .resume:
                    pc &+= 4
                    if cycles > cycleLimit { return .outOfCycles(pc: pc) }
                }
            }
        }
    }
}
