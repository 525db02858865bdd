/// The guest memory map shared by the host (interpreter, loader, syscalls) and guests (linker scripts, crt0).
///
/// Implements the rvx guest ABI memory map (docs/MEMORY.md). Every address lies below 2 GiB and the map is
/// identical for RV32 and RV64, so the same linker script serves both.
///
/// ```
/// 0x0000_0000 ..< 0x0001_0000   guard (page 0 and the rest of the first 64 KiB: never mapped)
/// 0x0001_0000 ..< end of image  ELF PT_LOAD segments (permissions from the ELF: R, RW or RX)
/// end of image ..< brk           heap, grown by brk (RW)
/// brk         ..< 0x4000_0000   unmapped until brk grows
/// 0x4000_0000 ..< 0x6000_0000   read-only input region (mapped by the embedder)
/// 0x6000_0000 ..< 0x7000_0000   unmapped
/// 0x7000_0000 ..< 0x8000_0000   stack (256 MiB, RW, charged to the memory limit on first touch)
/// ```
public enum MemoryMap {
    /// The size of a guest page in bytes; permissions and memory accounting are per page.
    public static let pageSize: UInt64 = 4096
    /// log2(pageSize).
    public static let pageShift: UInt64 = 12
    /// Lowest address an ELF PT_LOAD segment may occupy; everything below is a guard region.
    public static let imageBase: UInt64 = 0x0001_0000
    /// Exclusive upper bound of the ELF image and of the heap (the program break never passes it).
    public static let heapLimit: UInt64 = 0x4000_0000
    /// First address of the read-only input region (filled by the embedder, e.g. EXECUTE's witness).
    public static let inputBase: UInt64 = 0x4000_0000
    /// Exclusive end of the read-only input region (512 MiB).
    public static let inputEnd: UInt64 = 0x6000_0000
    /// Size of the stack region in bytes (256 MiB).
    public static let stackSize: UInt64 = 0x1000_0000
    /// Exclusive end of the stack region and of the whole guest address space (2 GiB).
    public static let addressSpaceEnd: UInt64 = 0x8000_0000
    /// Lowest address of the stack region.
    public static let stackBase: UInt64 = addressSpaceEnd - stackSize
    /// The top of the stack: the initial process frame (argc, argv, envp, auxv) ends here.
    public static let stackTop: UInt64 = 0x7FFF_FFF0
    /// Number of XLEN-sized words in the initial process frame: argc = 0, argv[0] = NULL, envp[0] = NULL,
    /// and the auxiliary vector terminator AT_NULL (type 0, value 0).
    public static let initialFrameWords: UInt64 = 5

    /// The initial stack pointer for a hart whose registers are `xlenBytes` (4 or 8) wide: the highest
    /// 16-byte aligned address at or below `stackTop` that leaves room for the initial frame above it.
    /// RV64: 0x7FFF_FFC0 (frame of 40 bytes); RV32: 0x7FFF_FFD0 (frame of 20 bytes).
    public static func initialStackPointer(xlenBytes: UInt64) -> UInt64 {
        (stackTop - initialFrameWords * xlenBytes) & ~UInt64(15)
    }
}
