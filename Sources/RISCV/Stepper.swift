/// Watches a run instruction by instruction (tracers, profilers). Used only by `Hart.run(_:observer:)`,
/// which drives the reference stepper `step()`; the fast path `Hart.run(_:)` never sees an observer, so a run
/// without one pays nothing for it.
public protocol HartObserver: AnyObject {
    /// Called before the instruction at `hart.pc` executes (registers and memory hold the state before it).
    func willExecute(_ hart: Hart)
    /// Called after the instruction at `pc` retired (for an ECALL: after the syscall handler ran and pc
    /// advanced), with the cycles it consumed (1, plus the syscall's cost for an ECALL).
    func didRetire(_ hart: Hart, pc: UInt64, cycles: UInt64)
}

extension Hart {
    /// Runs the guest like `run(_:)`, one reference `step()` at a time, telling `observer` about every
    /// retired instruction. Same stops, registers, memory and cycle counts as `run(_:)`.
    public func run<H: SyscallHandler, O: HartObserver>(_ handler: inout H, observer: O) -> StopReason {
        while true {
            let pc0 = pc, c0 = cycles
            observer.willExecute(self)
            switch step() {
            case .retired:
                observer.didRetire(self, pc: pc0, cycles: cycles &- c0)
            case .ecall:
                switch handler.handleSyscall(self) {
                case .halt(let reason):
                    observer.didRetire(self, pc: pc0, cycles: cycles &- c0)
                    return reason
                case .resume:
                    pc &+= 4
                    observer.didRetire(self, pc: pc0, cycles: cycles &- c0)
                    if cycles > cycleLimit { return .outOfCycles(pc: pc) }
                }
            case .stop(let reason):
                return reason
            }
        }
    }
}
