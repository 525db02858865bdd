import DevTools
import RISCV
import RISCVTestSupport
import XCTest

/// `rvx trace`: hand-checked lines for a small program; the stepper agrees with the fast path.
final class TraceTests: XCTestCase {
    /// _start: t0 = 0x20000, a0 = 5, call double, store a0 at 0x20004, exit(a0). double: a0 += a0; ret.
    func program(_ xlen: XLEN) -> TestProgram {
        TestProgram(xlen: xlen, data: [0], functions: ["_start", "double"]) { p in
            p.label("_start")
            p.emit(Asm.lui(Reg.t0, 0x20), Asm.addi(Reg.a0, 0, 5))
            p.jal(Reg.ra, to: "double")
            p.emit(Asm.sw(Reg.a0, Reg.t0, 4), Asm.addi(Reg.a7, 0, 93), Asm.ecall(), Asm.ebreak())
            p.label("double")
            p.emit(Asm.add(Reg.a0, Reg.a0, Reg.a0), Asm.jalr(0, Reg.ra, 0))
        }
    }

    func trace(_ t: TestProgram, limit: UInt64? = nil) throws -> ([String], StopReason, Tracer) {
        var lines: [String] = []
        let tracer = Tracer(code: t.code, symbols: t.symbols, limit: limit) { lines.append($0) }
        var h = ScriptedHandler()
        let hart = try t.hart()
        let stop = hart.run(&h, observer: tracer)
        return (lines, stop, tracer)
    }

    func testRV64Lines() throws {
        let (lines, stop, _) = try trace(program(.rv64))
        XCTAssertEqual(stop, .exited(code: 10))
        XCTAssertEqual(lines, [
            "0x0000000000010000  _start  lui t0, 0x20  ; t0=0x0000000000020000",
            "0x0000000000010004  _start+0x4  addi a0, zero, 5  ; a0=0x0000000000000005",
            "0x0000000000010008  _start+0x8  jal ra, 0x1001c <double>  ; ra=0x000000000001000c",
            "0x000000000001001c  double  add a0, a0, a0  ; a0=0x000000000000000a",
            "0x0000000000010020  double+0x4  jalr zero, 0(ra)",
            "0x000000000001000c  _start+0xc  sw a0, 4(t0)  ; mem[0x20004]=0x0000000a",
            "0x0000000000010010  _start+0x10  addi a7, zero, 93  ; a7=0x000000000000005d",
            "0x0000000000010014  _start+0x14  ecall  ; a0=0x000000000000000a",
        ])
    }

    func testRV32LinesAndNegativeValues() throws {
        let t = TestProgram(xlen: .rv32, data: [0], functions: ["_start"]) { p in
            p.label("_start")
            p.emit(Asm.lui(Reg.t0, 0x20), Asm.addi(Reg.a0, 0, -2), Asm.sb(Reg.a0, Reg.t0, 1), Asm.sh(Reg.a0, Reg.t0, 2),
                   Asm.lw(Reg.a1, Reg.t0, 0), Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        }
        let (lines, stop, _) = try trace(t)
        XCTAssertEqual(stop, .exited(code: -2))
        XCTAssertEqual(lines, [
            "0x00010000  _start  lui t0, 0x20  ; t0=0x00020000",
            "0x00010004  _start+0x4  addi a0, zero, -2  ; a0=0xfffffffe",
            "0x00010008  _start+0x8  sb a0, 1(t0)  ; mem[0x20001]=0xfe",
            "0x0001000c  _start+0xc  sh a0, 2(t0)  ; mem[0x20002]=0xfffe",
            // Little-endian: bytes 00 fe fe ff.
            "0x00010010  _start+0x10  lw a1, 0(t0)  ; a1=0xfffefe00",
            "0x00010014  _start+0x14  addi a7, zero, 93  ; a7=0x0000005d",
            "0x00010018  _start+0x18  ecall  ; a0=0xfffffffe",
        ])
    }

    func testLimitStopsTheRun() throws {
        let (lines, stop, tracer) = try trace(program(.rv64), limit: 3)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(tracer.limitReached)
        XCTAssertEqual(stop, .outOfCycles(pc: 0x1001c))
    }

    /// The observed (single-step) run and the fast path end in the same state.
    func testSteppedRunMatchesFastPath() throws {
        let t = TestProgram(data: [0], functions: ["_start"]) { p in
            p.label("_start")
            p.li(Reg.t0, 0x20000)
            p.li(Reg.a0, 0)
            p.li(Reg.a1, 1000)
            p.label("loop")
            p.emit(Asm.add(Reg.a0, Reg.a0, Reg.a1), Asm.sd(Reg.a0, Reg.t0, 8), Asm.addi(Reg.a1, Reg.a1, -1))
            p.emit(Asm.addi(Reg.a7, 0, 64), Asm.ecall())   // an unknown call every iteration
            p.branch(Asm.bne, Reg.a1, 0, to: "loop")
            p.emit(Asm.ld(Reg.a2, Reg.t0, 8), Asm.lw(Reg.a3, 0, 0))   // load fault at address 0
        }
        let fast = try t.hart(), slow = try t.hart()
        var h1 = ScriptedHandler(cost: 7), h2 = ScriptedHandler(cost: 7)
        let r1 = fast.run(&h1)
        let tracer = Tracer(code: t.code, symbols: t.symbols) { _ in }
        let r2 = slow.run(&h2, observer: tracer)
        XCTAssertEqual(r1, r2)
        XCTAssertEqual(r1, .loadFault(pc: fast.pc, address: 0))
        XCTAssertEqual(fast.cycles, slow.cycles)
        XCTAssertEqual(fast.instructionsRetired, slow.instructionsRetired)
        XCTAssertEqual(tracer.count, slow.instructionsRetired)
        for r in 0..<32 { XCTAssertEqual(fast[r], slow[r], "x\(r)") }
        XCTAssertEqual(fast.pc, slow.pc)
        // With a cycle limit inside the loop both stop at the same pc and count.
        let f2 = try Hart(image: t.image, config: MachineConfig(cycleLimit: 777))
        let s2 = try Hart(image: t.image, config: MachineConfig(cycleLimit: 777))
        var h3 = ScriptedHandler(cost: 7), h4 = ScriptedHandler(cost: 7)
        XCTAssertEqual(f2.run(&h3), s2.run(&h4, observer: tracer))
        XCTAssertEqual(f2.cycles, s2.cycles)
        XCTAssertEqual(f2.pc, s2.pc)
    }
}
