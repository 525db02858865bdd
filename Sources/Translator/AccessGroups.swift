import RISCV

/// Shared sandbox checks of the translated tier (docs/PERFORMANCE.md, "Translated tier"): loads and stores
/// of one straight-line run that use the same base register, unchanged between them, and whose bytes lie
/// within 4 KiB of each other form a group checked once, before its first access, instead of one check
/// each. The group's check passes exactly when every member's own check (below 2 GiB, aligned, page
/// readable or writable as `include/rvx_core.h` defines) would pass: the lowest and the highest byte
/// touched are accessed addresses and every byte between lies in one of their two pages; each member's
/// offset is a multiple of its width, so the base's alignment to the widest member is each member's
/// alignment. When the check fails the region leaves at the group's first access, where the C core and
/// the reference stepper take over, exact to the instruction.
struct AccessGroups {
    /// The check emitted before a group's first access, by slot.
    var checks: [Int: String] = [:]
    /// Accesses covered by a group's check, emitted without their own.
    var covered: Set<Int> = []

    /// Width in bytes and whether it stores, of a load or store operation's template.
    static func access(_ template: String?) -> (width: Int64, store: Bool)? {
        guard let t = template else { return nil }
        let store = t.hasPrefix("STORE(")
        guard store || t.hasPrefix("LOAD(") else { return nil }
        let args = t.split(separator: ",")
        guard args.count >= 2, let w = Int64(String(args[1].filter(\.isNumber))) else { return nil }
        return (w, store)
    }

    struct Open { let first: Int; var lo: Int64; var hi: Int64; var width: Int64; var bits: Int; var members: [Int] }

    init(_ e: CEmitter, _ r: CEmitter.Region, _ isLeader: [Bool]) {
        var open: [UInt8: Open] = [:]
        func close(_ base: UInt8) {
            guard let g = open.removeValue(forKey: base) else { return }
            guard g.members.count >= 2 else { return }
            covered.formUnion(g.members)
            checks[g.first] = "GROUP(\(CEmitter.reg(base)), \(g.lo), \(g.hi - g.lo), \(g.width - 1), \(g.bits), "
                + "\(g.first), \(e.slots[g.first].blockLength));"
        }
        func closeAll() { for b in Array(open.keys) { close(b) } }
        for run in r.runs { for i in run {
            if isLeader[i] { closeAll() }
            let s = e.slots[i]
            guard CEmitter.kind(s) == .straight else { closeAll(); continue }
            if let (w, store) = AccessGroups.access(Templates.statements[Int(s.op)]), Int64(s.imm) % w == 0 {
                let lo = Int64(s.imm), hi = lo + w - 1, bit = store ? 2 : 1
                if var g = open[s.rs1], max(g.hi, hi) - min(g.lo, lo) < 4096 {
                    g.lo = min(g.lo, lo); g.hi = max(g.hi, hi); g.width = max(g.width, w); g.bits |= bit
                    g.members.append(i)
                    open[s.rs1] = g
                } else {
                    close(s.rs1)
                    open[s.rs1] = Open(first: i, lo: lo, hi: hi, width: w, bits: bit, members: [i])
                }
            }
            if s.rd != 0 && s.rd != 32 && !(AccessGroups.access(Templates.statements[Int(s.op)])?.store ?? false) { close(s.rd) }
        }
        closeAll() }
    }
}
