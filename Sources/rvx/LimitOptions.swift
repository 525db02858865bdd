import ArgumentParser
import Execute
import GuestABI
import HostABI

/// The registration parameters of an EXECUTE call shared by `execute`, `prove` and `execute-block`
/// (docs/EXECUTE.md §3), validated: a value that cannot be meant is a usage error, never silently adjusted.
struct LimitOptions: ParsableArguments {
    @Option(help: "Cycle limit, at least 1 (default 10^9).") var cycles: UInt64?
    @Option(help: "Memory limit in bytes, 64K to 2G; K, M, G suffixes accepted (default 1G).") var memory: ByteCount?
    @Option(help: "Public output cap in bytes (default 1M).") var outputLimit: ByteCount?
    @Option(help: "Cycles per gas unit, at least 1 (default 100).") var cyclesPerGas: UInt64?

    /// The guest address space (docs/MEMORY.md): no limit above it can be used.
    static let maxMemory: UInt64 = MemoryMap.addressSpaceEnd
    /// Below one stack page plus a small image nothing runs.
    static let minMemory: UInt64 = 64 << 10

    func validate() throws { _ = try resolved() }

    /// The limits and the cycles-per-gas rate.
    func resolved() throws -> (limits: ExecuteLimits, cyclesPerGas: UInt64) {
        try LimitOptions.resolve(cycles: cycles, memory: memory, outputLimit: outputLimit, cyclesPerGas: cyclesPerGas)
    }

    /// Validates the values and fills in the defaults.
    static func resolve(cycles: UInt64?, memory: ByteCount?, outputLimit: ByteCount? = nil,
                        cyclesPerGas: UInt64? = nil) throws -> (limits: ExecuteLimits, cyclesPerGas: UInt64) {
        if let c = cycles, c == 0 { throw ValidationError("--cycles must be at least 1") }
        if let g = cyclesPerGas, g == 0 { throw ValidationError("--cycles-per-gas must be at least 1") }
        if let m = memory?.bytes, m < minMemory || m > maxMemory {
            throw ValidationError("--memory must be between 64K and 2G (the guest address space), got \(m)")
        }
        var l = ExecuteLimits()
        if let c = cycles { l.cycles = c }
        if let m = memory { l.memory = m.bytes }
        if let o = outputLimit { l.output = o.bytes }
        return (l, cyclesPerGas ?? SyscallCosts.defaultCyclesPerGas)
    }
}
