import RISCV

/// The C source of a translation (docs/PERFORMANCE.md, "Translated tier"): the code slots split into
/// regions of consecutive slots ending at block ends, one C function per region whose guest registers
/// live in host locals, entered through a switch over the region's leaders (branch and JAL targets, the
/// slot after every block end, the entry). Each operation is emitted from the instruction table's
/// template (Templates.swift); control flow, cycle charging and exits follow the C core's contract
/// (include/rvx_core.h, rvx_tr_state).
struct CEmitter {
    let slots: [DecodedSlot]          // codeCount + 1 (sentinel last)
    let codeBase: UInt64
    let rv64: Bool
    let regionSize: Int
    /// The slots to translate (all when nil): whole blocks, each from an entry slot to its block end.
    var emitted: [Bool]? = nil

    var codeCount: Int { slots.count - 1 }

    /// A region: runs of consecutive translated slots, each ending at a block end or at the sentinel.
    struct Region { var runs: [Range<Int>] }

    static func kind(_ s: DecodedSlot) -> Kind { Templates.kinds[Int(s.op)] }

    func isEmitted(_ i: Int) -> Bool { i < codeCount && (emitted?[i] ?? true) }

    /// The blocks that cover `fraction` of the instructions a block profile counted (`entries[i]` times
    /// the block at slot `i` was entered, weighted by its length), heaviest first, ties by slot: each
    /// chosen block's slots, from its entry to its block end.
    static func hotSlots(_ slots: [DecodedSlot], entries: [UInt64], fraction: Double) -> [Bool] {
        let n = slots.count - 1
        var hot = [Bool](repeating: false, count: n)
        let weight = { (i: Int) -> Double in Double(entries[i]) * Double(slots[i].blockLength) }
        let order = (0..<min(n, entries.count)).filter { entries[$0] > 0 }.sorted { weight($0) != weight($1) ? weight($0) > weight($1) : $0 < $1 }
        let total = order.reduce(0.0) { $0 + weight($1) }
        var covered = 0.0
        for i in order {
            if covered >= total * fraction { break }
            covered += weight(i)
            for j in i..<min(n, i + Int(slots[i].blockLength)) { hot[j] = true }
        }
        return hot
    }

    /// Slots where translated code may be entered: not an operation left to the core (entering it would
    /// charge its block only to leave at once; the dispatcher gives a slot that is no leader to the core).
    func leaders() -> [Bool] {
        var l = [Bool](repeating: false, count: codeCount + 1)
        if codeCount > 0 { l[0] = true }
        for (i, s) in slots.enumerated() where i < codeCount {
            let k = CEmitter.kind(s)
            if k == .branch || k == .jal { l[Int(s.imm)] = true }
            if s.blockLength == 1 { l[i + 1] = true }
        }
        for i in 0..<codeCount where CEmitter.kind(slots[i]) == .exit || !isEmitted(i) { l[i] = false }
        l[codeCount] = false
        return l
    }

    /// The translated slots in slot order, cut into regions of about `regionSize` slots at block ends;
    /// regions holding no operation the core runs (runs of exits only) are left to the core.
    func regions() -> [Region] {
        var out: [Region] = []
        var current = Region(runs: [])
        var size = 0, live = false
        var runStart: Int? = nil
        func closeRun(_ end: Int) {
            if let s = runStart { current.runs.append(s..<end) }
            runStart = nil
        }
        for i in 0..<codeCount {
            guard isEmitted(i) else { closeRun(i); continue }
            if runStart == nil { runStart = i }
            size += 1
            if CEmitter.kind(slots[i]) != .exit { live = true }
            if slots[i].blockLength == 1 && size >= regionSize {
                closeRun(i + 1)
                if live { out.append(current) }
                current = Region(runs: []); size = 0; live = false
            }
        }
        closeRun(codeCount)
        if live { out.append(current) }
        return out
    }

    /// Region of each slot translated in one (-1 elsewhere).
    func owners(_ regions: [Region]) -> [Int] {
        var o = [Int](repeating: -1, count: codeCount + 1)
        for (n, r) in regions.enumerated() { for run in r.runs { for i in run { o[i] = n } } }
        return o
    }

    /// The host type of a guest register: XLEN bits wide, so RV32 arithmetic needs no masking or
    /// sign-extension; the hart's registers (`rvx_tr_state.x`) hold RV32 values sign-extended to 64 bits,
    /// converted on region entry and exit.
    var ux: String { rv64 ? "uint64_t" : "uint32_t" }
    var sx: String { rv64 ? "int64_t" : "int32_t" }

    /// The shared header of every translation unit (written beside the sources as rvx_tr.h).
    func header(key: String) -> String {
        """
        /* rvx translated tier, generated for code key \(key). Do not edit. */
        #include <stdint.h>
        #include <string.h>
        typedef struct rvx_tr_state { uint64_t *x; uint8_t *arena; const uint8_t *perm; uint64_t budget; uint64_t index; } rvx_tr_state;
        typedef \(ux) UX;
        #define UNLIKELY(c) __builtin_expect(!!(c), 0)
        #define OUTSIDE (~(((uint64_t)1 << 31) - 1))
        #define CAN(a, w, bit) ((((a) & (OUTSIDE | ((w) - 1))) == 0) && (P[(a) >> 12] & (bit)))
        #define SEXT32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))
        #define ID(v) ((uint64_t)(v))
        #define S8(v) ((uint64_t)(int64_t)(int8_t)(v))
        #define S16(v) ((uint64_t)(int64_t)(int16_t)(v))
        #define S32(v) ((uint64_t)(int64_t)(int32_t)(v))
        #define OUT(k, code) do { I = (k); rc = (code); goto out; } while (0)
        #define LEAVE(k, ref) do { B += (ref); OUT(k, 1); } while (0)
        #define ENTER(k, len) do { if (UNLIKELY(__builtin_sub_overflow(B, (uint64_t)(len), &B))) { B += (len); OUT(k, 1); } goto L##k; } while (0)
        #define ADDR(rs1, imm) ((uint64_t)(UX)((rs1) + (UX)(int64_t)(imm)))
        #define TLOAD(T, W, EXT, rd, rs1, imm, k, ref) do { uint64_t a_ = ADDR(rs1, imm); \\
            if (UNLIKELY(!CAN(a_, W, 1))) LEAVE(k, ref); T v_; memcpy(&v_, M + a_, W); rd = (UX)EXT(v_); } while (0)
        #define TSTORE(T, W, rs2, rs1, imm, k, ref) do { uint64_t a_ = ADDR(rs1, imm); \\
            if (UNLIKELY(!CAN(a_, W, 2))) LEAVE(k, ref); T v_ = (T)(rs2); memcpy(M + a_, &v_, W); } while (0)
        #define ULOAD(T, W, EXT, rd, rs1, imm) do { T v_; memcpy(&v_, M + ADDR(rs1, imm), W); rd = (UX)EXT(v_); } while (0)
        #define USTORE(T, W, rs2, rs1, imm) do { T v_ = (T)(rs2); memcpy(M + ADDR(rs1, imm), &v_, W); } while (0)
        #define GROUP(rs1, lo, span, align, bits, k, ref) do { uint64_t a_ = ADDR(rs1, lo), e_ = a_ + (span); \\
            if (UNLIKELY(a_ >= ((uint64_t)1 << 31) - (span) || ((rs1) & (align)) != 0 \\
                || (P[a_ >> 12] & P[e_ >> 12] & (bits)) != (bits))) LEAVE(k, ref); } while (0)

        """
    }

    static func reg(_ r: UInt8) -> String { r == 0 ? "((UX)0)" : r == 32 ? "rz" : "r\(r)" }

    static func literal(_ v: Int32) -> String { v == Int32.min ? "(-2147483647-1)" : "(\(v))" }

    func pcLiteral(_ i: Int) -> String { "0x\(String(codeBase &+ UInt64(i) &* 4, radix: 16))ULL" }

    /// Substitutes the table's tokens in `template` for slot `i`; a load or store `covered` by its group's
    /// check (AccessGroups) has none of its own.
    func instantiate(_ template: String, _ i: Int, covered: Bool = false) -> String {
        let s = slots[i]
        let imm = CEmitter.literal(s.imm)
        let exit = covered ? "" : ", \(i), \(s.blockLength)"
        var t = template
        t = t.replacingOccurrences(of: "LOAD(", with: covered ? "ULOAD(" : "TLOAD(")
        t = t.replacingOccurrences(of: "STORE(", with: covered ? "USTORE(" : "TSTORE(")
        // Load/store macros take their operands explicitly; close the parameter list.
        if t.hasPrefix("TLOAD(") || t.hasPrefix("ULOAD(") { t = t.replacingOccurrences(of: ");", with: ", RD, RS1, \(imm)\(exit));") }
        if t.hasPrefix("TSTORE(") || t.hasPrefix("USTORE(") { t = t.replacingOccurrences(of: ");", with: ", RS2, RS1, \(imm)\(exit));") }
        return Tokens.replace(t, [
            "RD": CEmitter.reg(s.rd), "RS1": CEmitter.reg(s.rs1), "RS2": CEmitter.reg(s.rs2),
            "IMM": "((UX)(int64_t)\(imm))", "IMMV": "((int32_t)\(imm))", "PC": pcLiteral(i), "SX": sx,
        ])
    }

    /// Where a region's code looks up which region owns a slot and whether it is a leader.
    struct Context { let region: Int; let owner: [Int]; let isLeader: [Bool] }

    /// Control transfer to slot `j`: a charged local jump or a return to the dispatcher.
    func goto(_ j: Int, _ c: Context) -> String {
        c.owner[j] == c.region && c.isLeader[j] ? "ENTER(\(j), \(slots[j].blockLength));" : "OUT(\(j), 2);"
    }

    /// The C function of region `c.region` (`r`), named `name`.
    func function(_ r: Region, name: String, _ c: Context) -> String {
        var used = Set<UInt8>(), written = Set<UInt8>()
        for run in r.runs { for i in run where CEmitter.kind(slots[i]) != .exit {
            let s = slots[i]
            for reg in [s.rd, s.rs1, s.rs2] where reg != 0 && reg != 32 { used.insert(reg) }
            if s.rd != 0 && s.rd != 32 { written.insert(s.rd) }
        } }
        var body: [String] = []
        body.append("int \(name)(rvx_tr_state *s) {")
        body.append("  uint64_t *const X = s->x; uint8_t *const M = s->arena; const uint8_t *const P = s->perm;")
        body.append("  uint64_t B = s->budget, I = s->index; int rc; UX rz = 0; (void)rz; (void)M; (void)P;")
        for reg in used.sorted() { body.append("  UX r\(reg) = (UX)X[\(reg)];") }
        body.append("  goto dispatch;")
        let groups = AccessGroups(self, r, c.isLeader)
        for run in r.runs {
            for i in run {
                if c.isLeader[i] { body.append("L\(i):") }
                if let check = groups.checks[i] { body.append("  " + check) }
                body.append("  " + statement(i, c, groups))
            }
            // A run ends at a block end (or the sentinel); only a straight operation falls through it.
            let last = run.upperBound - 1
            if CEmitter.kind(slots[last]) == .straight {
                body.append("  " + (slots[last].blockLength == 1 ? goto(run.upperBound, c)
                                    : "LEAVE(\(run.upperBound), \(slots[run.upperBound].blockLength));"))
            }
        }
        body.append("dispatch:")
        body.append("  switch (I) {")
        for run in r.runs { for i in run where c.isLeader[i] { body.append("  case \(i): ENTER(\(i), \(slots[i].blockLength));") } }
        body.append("  default: OUT(I, 2);")
        body.append("  }")
        body.append("out:")
        for reg in written.sorted() { body.append(rv64 ? "  X[\(reg)] = r\(reg);" : "  X[\(reg)] = SEXT32(r\(reg));") }
        body.append("  s->budget = B; s->index = I; return rc;")
        body.append("}")
        return body.joined(separator: "\n")
    }

    /// The statement of slot `i`.
    func statement(_ i: Int, _ c: Context, _ groups: AccessGroups) -> String {
        let s = slots[i]
        switch CEmitter.kind(s) {
        case .straight:
            return instantiate(Templates.statements[Int(s.op)]!, i, covered: groups.covered.contains(i))
        case .branch:
            let cond = instantiate(Templates.conditions[Int(s.op)]!, i)
            return "if (\(cond)) { \(goto(Int(s.imm), c)) } else { \(goto(i + 1, c)) }"
        case .jal:
            return "\(CEmitter.reg(s.rd)) = \(pcLiteral(i + 1)); \(goto(Int(s.imm), c))"
        case .jalr:
            return "{ uint64_t t_ = ADDR(\(CEmitter.reg(s.rs1)), \(CEmitter.literal(s.imm))) & ~(uint64_t)1; "
                + "uint64_t o_ = t_ - \(String(codeBase, radix: 10))ULL; "
                + "if (UNLIKELY((o_ & 3) != 0 || (o_ >> 2) >= \(codeCount)ULL)) LEAVE(\(i), \(s.blockLength)); "
                + "\(CEmitter.reg(s.rd)) = \(pcLiteral(i + 1)); I = o_ >> 2; goto dispatch; }"
        case .ecall:
            return "OUT(\(i), 0);"
        case .exit:
            return "LEAVE(\(i), \(s.blockLength));"
        }
    }
}

/// Whole-word token substitution for the table's templates.
enum Tokens {
    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    static func replace(_ text: String, _ map: [String: String]) -> String {
        var out = ""
        var word = ""
        func flush() {
            out += map[word] ?? word
            word = ""
        }
        for c in text {
            if isWord(c) { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }
}
