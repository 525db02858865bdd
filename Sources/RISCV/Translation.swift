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
    /// `regions`. Returns nil if a leader or region index is out of range. With `profile`, every block the
    /// core runs (every slot that is no leader) is counted in it.
    public init?(regions raw: UnsafeRawPointer, regionCount: Int, leaders: [(slot: UInt32, region: UInt32)],
                 codeCount: Int, owner: AnyObject, profile: BlockProfile? = nil) {
        guard profile.map({ $0.codeCount == codeCount }) ?? true else { return nil }
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
        program = rvx_tr_program(regions: regions, region_of: map, entries: profile?.entries)
    }

    /// A translation without host code that counts every block entry into `profile` (the hart runs the C
    /// core one block at a time).
    public convenience init?(profiling profile: BlockProfile) {
        self.init(regions: UnsafeRawPointer(profile.entries), regionCount: 0, leaders: [], codeCount: profile.codeCount,
                  owner: profile, profile: profile)
    }

    deinit { regionOf.deallocate() }
}

/// A block profile (docs/PERFORMANCE.md, "Translated tier"): how many times the C core entered each code
/// slot while a hart ran with `Translation(profiling:)` installed. Counts depend only on the program, its
/// input and the cycle limit, so they are deterministic; the translator translates the code they mark hot.
public final class BlockProfile: @unchecked Sendable {   // counted into by the one hart it is installed on
    public let codeCount: Int
    let entries: UnsafeMutablePointer<UInt64>

    public init(codeCount: Int) {
        self.codeCount = max(0, codeCount)
        entries = .allocate(capacity: self.codeCount + 1)
        entries.initialize(repeating: 0, count: self.codeCount + 1)
    }

    /// Entries counted at each slot (`codeCount` values).
    public var counts: [UInt64] { (0..<codeCount).map { entries[$0] } }

    deinit { entries.deallocate() }

    /// The text form: a first line `rvx-block-profile <codeCount>`, then `<slot> <count>` for every slot
    /// entered at least once, in slot order.
    public var text: String {
        var lines = ["rvx-block-profile \(codeCount)"]
        for i in 0..<codeCount where entries[i] != 0 { lines.append("\(i) \(entries[i])") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses `text`; nil unless it is well formed, names `codeCount` slots and every slot is in range.
    public static func counts(parsing text: String, codeCount: Int) -> [UInt64]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard lines.next() == "rvx-block-profile \(codeCount)" else { return nil }
        var counts = [UInt64](repeating: 0, count: codeCount)
        while let line = lines.next() {
            let f = line.split(separator: " ")
            guard f.count == 2, let i = Int(f[0]), let c = UInt64(f[1]), i >= 0, i < codeCount else { return nil }
            counts[i] = c
        }
        return counts
    }
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
