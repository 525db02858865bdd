import ELFLoader
import GuestABI
import RISCV

/// ELF loader harness (docs/MEMORY.md "What the loader accepts"): arbitrary bytes → `ELFLoader.load` → `Hart`.
///
/// Invariants for an accepted file: every non-empty segment lies in [0x10000, 0x4000_0000), is never W+X and has
/// file bytes ≤ memory size; the entry is 4-byte aligned inside an executable segment; the class matches the XLEN;
/// creating the machine either succeeds or throws a typed `MachineError`, and a created hart starts at the entry.
enum ELFHarness {
    static func run(_ data: [UInt8]) throws(InvariantViolation) -> String {
        let program: ELFProgram
        do { program = try ELFLoader.load(data) } catch { return "rejected: \(error)" }
        let image = program.image
        var entryOK = false
        for s in image.segments where s.memorySize > 0 {
            try check(s.address >= MemoryMap.imageBase && s.address < MemoryMap.heapLimit
                      && s.memorySize <= MemoryMap.heapLimit - s.address, "segment outside the image range: \(s.address)")
            try check(!s.permissions.isSuperset(of: [.write, .execute]), "W+X segment accepted at \(s.address)")
            try check(UInt64(s.bytes.count) <= s.memorySize, "file size > memory size accepted")
            if s.permissions.contains(.execute), image.entry >= s.address, image.entry - s.address < s.memorySize {
                entryOK = true
            }
        }
        try check(image.entry & 3 == 0 && entryOK, "entry \(image.entry) not aligned in an executable segment")
        try check(data.count > 4 && (data[4] == 1) == (image.xlen == .rv32), "ELF class does not match XLEN")
        do {
            let hart = try Hart(image: image, config: MachineConfig(cycleLimit: 64, memoryLimit: 64 << 20))
            try check(hart.pc == image.entry, "hart does not start at the entry")
            return "loaded \(image.xlen) entry \(image.entry)"
        } catch {
            return "machine rejected: \(error)"
        }
    }
}
