#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GuestABI

/// The sandboxed guest address space (docs/MEMORY.md): one flat host arena covering [0, 2 GiB),
/// reserved with `mmap(MAP_NORESERVE)` so untouched pages cost nothing, plus one permission byte per
/// 4 KiB page. A guest access is one unsigned compare and one table lookup on the fast path.
///
/// Also keeps the memory accounting that the memory limit applies to: image pages, heap pages below the
/// program break, input pages, and stack pages the guest has touched.
public final class GuestMemory {
    /// Permission-table bits. `lazy` marks a stack page that becomes RW (and is charged) on first touch.
    @usableFromInline static let pageRead: UInt8 = 1
    @usableFromInline static let pageWrite: UInt8 = 2
    @usableFromInline static let pageExecute: UInt8 = 4
    @usableFromInline static let pageLazy: UInt8 = 8

    static let size = Int(MemoryMap.addressSpaceEnd)
    static let pageCount = Int(MemoryMap.addressSpaceEnd >> MemoryMap.pageShift)

    /// Host base of the arena: guest address `a` lives at `arena + a`.
    let arena: UnsafeMutableRawPointer
    /// One permission byte per guest page.
    let pages: UnsafeMutablePointer<UInt8>

    /// The memory limit in bytes.
    public let memoryLimit: UInt64
    /// Bytes currently charged against the limit.
    @exclusivity(unchecked) public internal(set) var memoryUsed: UInt64 = 0
    /// Number of misaligned loads and stores performed (they are legal and done byte-wise).
    @exclusivity(unchecked) public internal(set) var misalignedAccesses: UInt64 = 0
    /// The initial program break: the page-aligned end of the image.
    @exclusivity(unchecked) public internal(set) var initialBreak: UInt64 = MemoryMap.imageBase
    /// The current program break (Linux `brk`): [initialBreak, pageRoundUp(programBreak)) is RW heap.
    @exclusivity(unchecked) public internal(set) var programBreak: UInt64 = MemoryMap.imageBase
    /// Bytes mapped in the input region.
    @exclusivity(unchecked) public internal(set) var inputSize: UInt64 = 0

    init(memoryLimit: UInt64) throws(MachineError) {
        let p = mmap(nil, GuestMemory.size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let p, p != UnsafeMutableRawPointer(bitPattern: -1) else { throw .addressSpaceUnavailable }
        // The permission table is mapped too: the kernel's zero pages are the initial (all-unmapped) state, so
        // only the table pages actually written (image, stack, heap) cost a page each, instead of zeroing all
        // 512 KiB for every machine.
        let t = mmap(nil, GuestMemory.pageCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let t, t != UnsafeMutableRawPointer(bitPattern: -1) else {
            munmap(p, GuestMemory.size)
            throw .addressSpaceUnavailable
        }
        arena = p
        pages = t.bindMemory(to: UInt8.self, capacity: GuestMemory.pageCount)
        self.memoryLimit = memoryLimit
        let firstStackPage = Int(MemoryMap.stackBase >> MemoryMap.pageShift)
        (pages + firstStackPage).update(repeating: GuestMemory.pageLazy,
                                        count: Int(MemoryMap.stackSize >> MemoryMap.pageShift))
    }

    deinit {
        munmap(arena, GuestMemory.size)
        munmap(pages, GuestMemory.pageCount)
    }

    @inline(__always) static func pageDown(_ a: UInt64) -> UInt64 { a & ~(MemoryMap.pageSize - 1) }
    @inline(__always) static func pageUp(_ a: UInt64) -> UInt64 {
        (a &+ MemoryMap.pageSize &- 1) & ~(MemoryMap.pageSize - 1)
    }

    /// Replaces [start, end) (page aligned) with fresh zero pages and releases their host memory.
    func zeroPages(_ start: UInt64, _ end: UInt64) {
        guard end > start else { return }
        _ = mmap(arena + Int(start), Int(end - start), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0)
    }

    func setPermissions(_ start: UInt64, _ end: UInt64, _ bits: UInt8) {
        let first = Int(start >> MemoryMap.pageShift), last = Int(pageUpIndex(end))
        if last > first { (pages + first).update(repeating: bits, count: last - first) }
    }

    private func pageUpIndex(_ end: UInt64) -> UInt64 { GuestMemory.pageUp(end) >> MemoryMap.pageShift }

    /// Charges `bytes` against the limit; false (and nothing charged) if the limit would be exceeded.
    func charge(_ bytes: UInt64) -> Bool {
        guard bytes <= memoryLimit, memoryUsed <= memoryLimit - bytes else { return false }
        memoryUsed += bytes
        return true
    }

    /// Returns `bytes` to the budget.
    func uncharge(_ bytes: UInt64) { memoryUsed -= min(bytes, memoryUsed) }

    /// Maps the image segments (already validated by the hart) and sets the initial break.
    func mapImage(_ segments: [Segment]) throws(MachineError) {
        var total: UInt64 = 0
        var end = MemoryMap.imageBase
        for s in segments {
            let lo = GuestMemory.pageDown(s.address), hi = GuestMemory.pageUp(s.address + s.memorySize)
            total += hi - lo
            end = max(end, hi)
        }
        guard charge(total) else { throw .outOfMemory(needed: total, limit: memoryLimit) }
        for s in segments {
            s.bytes.withUnsafeBytes { src in
                if let b = src.baseAddress { (arena + Int(s.address)).copyMemory(from: b, byteCount: src.count) }
            }
            var bits: UInt8 = 0
            if s.permissions.contains(.read) { bits |= GuestMemory.pageRead }
            if s.permissions.contains(.write) { bits |= GuestMemory.pageWrite }
            if s.permissions.contains(.execute) { bits |= GuestMemory.pageExecute }
            setPermissions(GuestMemory.pageDown(s.address), s.address + s.memorySize, bits)
        }
        initialBreak = end
        programBreak = end
    }

    /// Permissions of the page containing `address` (empty if unmapped or not yet touched).
    public func permissions(at address: UInt64) -> Permissions {
        guard address < MemoryMap.addressSpaceEnd else { return [] }
        return Permissions(rawValue: pages[Int(address >> MemoryMap.pageShift)] & 7)
    }
}

/// The outcome of checking a guest address range for a host-side access (syscalls, embedders).
public enum GuestAccess: Equatable {
    /// The range is mapped with the requested permission; the buffer aliases guest memory.
    case ok(UnsafeMutableRawBufferPointer)
    /// Part of the range is unmapped, lacks the permission, or the range wraps around.
    case fault(address: UInt64)
    /// The range touches a fresh stack page and charging it would exceed the memory limit.
    case outOfMemory(address: UInt64)

    public static func == (a: GuestAccess, b: GuestAccess) -> Bool {
        switch (a, b) {
        case (.ok(let x), .ok(let y)): return x.baseAddress == y.baseAddress && x.count == y.count
        case (.fault(let x), .fault(let y)), (.outOfMemory(let x), .outOfMemory(let y)): return x == y
        default: return false
        }
    }
}
