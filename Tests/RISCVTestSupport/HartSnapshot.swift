import RISCV

/// The observable state of a hart after a run, compared across engines: stop, pc, cycles, retired
/// instructions, registers, memory in use, misaligned accesses and an FNV-1a hash of `regions`.
public struct HartSnapshot: Equatable, CustomStringConvertible {
    public var stop: StopReason
    public var pc: UInt64
    public var cycles: UInt64
    public var retired: UInt64
    public var registers: [UInt64]
    public var memoryUsed: UInt64
    public var misaligned: UInt64
    public var memoryHash: UInt64

    public init(_ h: Hart, _ stop: StopReason, regions: [(UInt64, UInt64)]) {
        self.stop = stop
        pc = h.pc
        cycles = h.cycles
        retired = h.instructionsRetired
        registers = (0..<32).map { h.register($0) }
        memoryUsed = h.memory.memoryUsed
        misaligned = h.memory.misalignedAccesses
        memoryHash = regions.reduce(0xCBF2_9CE4_8422_2325) { acc, r in fnv1a(h.memory.read(r.0, count: r.1) ?? [], acc) }
    }

    public var description: String {
        "stop \(stop) pc \(String(pc, radix: 16)) cycles \(cycles) mem \(memoryUsed) misaligned \(misaligned) hash \(memoryHash)"
    }
}

/// FNV-1a over `bytes`, continuing from `h`.
public func fnv1a(_ bytes: [UInt8], _ h: UInt64) -> UInt64 {
    var h = h
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    return h
}
