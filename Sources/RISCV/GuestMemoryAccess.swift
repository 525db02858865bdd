import GuestABI

/// Slow paths of guest loads and stores (misaligned, page-crossing, first touch of a stack page),
/// host-side range access for syscalls, the program break, and the input region.
extension GuestMemory {
    /// Result codes of the slow path.
    @usableFromInline enum SlowResult: UInt8 { case ok, fault, outOfMemory }

    /// Makes every page of [address, address+count) accessible with `need` (read or write bits),
    /// charging lazily-mapped stack pages. Returns the first failing address on failure.
    func prepare(_ address: UInt64, _ count: UInt64, _ need: UInt8) -> (SlowResult, UInt64) {
        if count == 0 { return (.ok, address) }
        guard address < MemoryMap.addressSpaceEnd, count <= MemoryMap.addressSpaceEnd - address else {
            return (.fault, address < MemoryMap.addressSpaceEnd ? MemoryMap.addressSpaceEnd : address)
        }
        let first = address >> MemoryMap.pageShift, last = (address + count - 1) >> MemoryMap.pageShift
        var lazyPages: UInt64 = 0
        for p in first...last {
            let bits = pages[Int(p)]
            if bits & need == need { continue }
            if bits & GuestMemory.pageLazy != 0 { lazyPages += 1; continue }
            return (.fault, max(address, p << MemoryMap.pageShift))
        }
        if lazyPages > 0 {
            guard charge(lazyPages << MemoryMap.pageShift) else {
                // Report the first lazy page.
                for p in first...last where pages[Int(p)] & GuestMemory.pageLazy != 0 {
                    return (.outOfMemory, max(address, p << MemoryMap.pageShift))
                }
                return (.outOfMemory, address)
            }
            for p in first...last where pages[Int(p)] & GuestMemory.pageLazy != 0 {
                pages[Int(p)] = GuestMemory.pageRead | GuestMemory.pageWrite
            }
        }
        return (.ok, address)
    }

    /// Slow-path load of `width` bytes (1, 2, 4, 8), little-endian, byte-wise. On failure returns the
    /// failing address in `value`.
    @usableFromInline @inline(never)
    func slowLoad(_ address: UInt64, _ width: UInt64) -> (SlowResult, UInt64) {
        let (r, at) = prepare(address, width, GuestMemory.pageRead)
        guard r == .ok else { return (r, at) }
        if address & (width - 1) != 0 { misalignedAccesses &+= 1 }
        var v: UInt64 = 0
        let p = arena + Int(address)
        for i in 0..<Int(width) { v |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << (8 * UInt64(i)) }
        return (.ok, v)
    }

    /// Slow-path store of the low `width` bytes of `value`. Nothing is written if any byte would fault.
    @usableFromInline @inline(never)
    func slowStore(_ address: UInt64, _ width: UInt64, _ value: UInt64) -> (SlowResult, UInt64) {
        let (r, at) = prepare(address, width, GuestMemory.pageWrite)
        guard r == .ok else { return (r, at) }
        if address & (width - 1) != 0 { misalignedAccesses &+= 1 }
        let p = arena + Int(address)
        for i in 0..<Int(width) { p.storeBytes(of: UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))), toByteOffset: i, as: UInt8.self) }
        return (.ok, address)
    }

    /// Checks that the guest may `access` (`.read` or `.write`) the `count` bytes at `address`, with the same
    /// rules as guest loads and stores (first touch of a stack page is charged), and returns host memory
    /// aliasing them. Ranges that wrap around or leave the 2 GiB space fault. An empty range is always ok.
    public func access(_ address: UInt64, count: UInt64, _ access: Permissions) -> GuestAccess {
        var need: UInt8 = 0
        if access.contains(.read) { need |= GuestMemory.pageRead }
        if access.contains(.write) { need |= GuestMemory.pageWrite }
        if access.contains(.execute) { need |= GuestMemory.pageExecute }
        if count == 0 { return .ok(UnsafeMutableRawBufferPointer(start: arena, count: 0)) }
        let (r, at) = prepare(address, count, need)
        switch r {
        case .ok: return .ok(UnsafeMutableRawBufferPointer(start: arena + Int(address), count: Int(count)))
        case .fault: return .fault(address: at)
        case .outOfMemory: return .outOfMemory(address: at)
        }
    }

    /// Copies `count` guest bytes at `address` if readable (convenience for tests and tools).
    public func read(_ address: UInt64, count: UInt64) -> [UInt8]? {
        guard count <= MemoryMap.addressSpaceEnd, case .ok(let b) = access(address, count: count, .read) else { return nil }
        return [UInt8](b)
    }

    /// Writes `bytes` at `address` if the guest could (pages writable); returns false otherwise.
    @discardableResult
    public func write(_ address: UInt64, _ bytes: [UInt8]) -> Bool {
        guard case .ok(let b) = access(address, count: UInt64(bytes.count), .write) else { return false }
        b.copyBytes(from: bytes)
        return true
    }

    /// Linux `brk(2)` semantics: requests the program break `newBreak` and returns the resulting break.
    /// Requests below the initial break, above `MemoryMap.heapLimit`, or exceeding the memory limit fail
    /// and return the current break unchanged. Growing maps zeroed RW pages; shrinking unmaps and
    /// uncharges pages (they come back zeroed).
    @discardableResult
    public func setBreak(_ newBreak: UInt64) -> UInt64 {
        guard newBreak >= initialBreak, newBreak <= MemoryMap.heapLimit else { return programBreak }
        let oldTop = GuestMemory.pageUp(programBreak), newTop = GuestMemory.pageUp(newBreak)
        if newTop > oldTop {
            guard charge(newTop - oldTop) else { return programBreak }
            setPermissions(oldTop, newTop, GuestMemory.pageRead | GuestMemory.pageWrite)
        } else if newTop < oldTop {
            setPermissions(newTop, oldTop, 0)
            zeroPages(newTop, oldTop)
            uncharge(oldTop - newTop)
        }
        programBreak = newBreak
        return newBreak
    }

    /// Maps `bytes` read-only at `MemoryMap.inputBase`, replacing any previous input. Returns false (and
    /// leaves the previous input) if the input exceeds the region or the memory limit.
    @discardableResult
    public func mapInput(_ bytes: [UInt8]) -> Bool {
        let size = UInt64(bytes.count)
        guard size <= MemoryMap.inputEnd - MemoryMap.inputBase else { return false }
        let oldPages = GuestMemory.pageUp(inputSize), newPages = GuestMemory.pageUp(size)
        if newPages > oldPages {
            guard charge(newPages - oldPages) else { return false }
        } else {
            uncharge(oldPages - newPages)
        }
        setPermissions(MemoryMap.inputBase, MemoryMap.inputBase + oldPages, 0)
        zeroPages(MemoryMap.inputBase, MemoryMap.inputBase + oldPages)
        bytes.withUnsafeBytes { src in
            if let b = src.baseAddress { (arena + Int(MemoryMap.inputBase)).copyMemory(from: b, byteCount: src.count) }
        }
        setPermissions(MemoryMap.inputBase, MemoryMap.inputBase + newPages, GuestMemory.pageRead)
        inputSize = size
        return true
    }
}
