import CRISCVCore

/// One pre-decoded code slot as the translated tier reads it (`Op` raw value and resolved operands;
/// branch and JAL targets are slot indices, `rd` 32 when the instruction writes x0).
public struct DecodedSlot: Equatable, Sendable {
    public let op: UInt8
    public let rd: UInt8
    public let rs1: UInt8
    public let rs2: UInt8
    public let imm: Int32
    /// Slots from this one up to and including the end of its straight-line block (the cycles charged on entry).
    public let blockLength: UInt32
}

/// Host code for a hart's program, produced by the translated tier (Sources/Translator) and run by
/// `rvx_tr_run`: region functions plus the slots at which each can be entered. It keeps `owner` (the
/// loaded library) alive as long as a hart uses it.
public final class Translation {
    let regionOf: UnsafeMutablePointer<UInt32>
    let regions: UnsafePointer<rvx_tr_fn?>
    let owner: AnyObject
    var program: rvx_tr_program
    /// Number of code slots the translation covers.
    public let codeCount: Int

    /// Builds the slot → region map over `regionCount` C function pointers (`int (*)(rvx_tr_state *)`) at
    /// `regions`. Returns nil if a leader or region index is out of range.
    public init?(regions raw: UnsafeRawPointer, regionCount: Int, leaders: [(slot: UInt32, region: UInt32)],
                 codeCount: Int, owner: AnyObject) {
        guard codeCount >= 0, regionCount >= 0 else { return nil }
        let regions = raw.assumingMemoryBound(to: rvx_tr_fn?.self)
        let map = UnsafeMutablePointer<UInt32>.allocate(capacity: codeCount + 1)
        map.initialize(repeating: 0, count: codeCount + 1)
        for l in leaders {
            guard Int(l.slot) < codeCount, Int(l.region) < regionCount, regions[Int(l.region)] != nil else {
                map.deallocate()
                return nil
            }
            map[Int(l.slot)] = l.region + 1
        }
        regionOf = map
        self.regions = regions
        self.owner = owner
        self.codeCount = codeCount
        program = rvx_tr_program(regions: regions, region_of: map)
    }

    deinit { regionOf.deallocate() }
}

extension Hart {
    /// The decoded slot `i` (0 ≤ i ≤ codeCount; slot codeCount is the fetch-fault sentinel).
    public func decodedSlot(_ i: Int) -> DecodedSlot {
        precondition(i >= 0 && i <= codeCount, "slot out of range")
        let s = code[i]
        return DecodedSlot(op: s.op.rawValue, rd: s.rd, rs1: s.rs1, rs2: s.rs2, imm: s.imm, blockLength: blockLength[i])
    }

    /// Installs host code for this hart's program (engine `.translated` only; a translation of another
    /// code size is refused). Returns whether it was installed.
    @discardableResult
    public func install(_ t: Translation) -> Bool {
        guard engine == .translated, t.codeCount == codeCount else { return false }
        translation = t
        return true
    }
}
