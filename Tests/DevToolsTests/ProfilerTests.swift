import DevTools
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GuestABI
import HostABI
import RISCV
import RISCVTestSupport
import XCTest

/// `rvx profile`: exact cycle attribution on programs with a hand-counted call structure, folded stacks,
/// cycle scopes, unwinding, and the SVG flamegraph.
final class ProfilerTests: XCTestCase {
    func profile(_ t: TestProgram, cost: UInt64 = 0) throws -> (Profiler, Hart) {
        let profiler = Profiler(code: t.code, symbols: t.symbols)
        var h = ScriptedHandler(cost: cost)
        let hart = try t.hart()
        let stop = hart.run(&h, observer: profiler)
        XCTAssertEqual(stop, .exited(code: 0))
        return (profiler, hart)
    }

    /// _start calls main; main calls leaf twice, then tail-calls `tail`, which returns to _start.
    /// Hand count: _start 3 (jal, li a7, ecall), main 7, leaf 2 × 3, tail 2 = 18 instructions.
    static let calls = TestProgram(functions: ["_start", "main", "leaf", "tail"]) { p in
        p.label("_start")
        p.jal(Reg.ra, to: "main")
        p.emit(Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        p.label("main")
        p.emit(Asm.addi(Reg.sp, Reg.sp, -16), Asm.sd(Reg.ra, Reg.sp, 8))
        p.jal(Reg.ra, to: "leaf")
        p.jal(Reg.ra, to: "leaf")
        p.emit(Asm.ld(Reg.ra, Reg.sp, 8), Asm.addi(Reg.sp, Reg.sp, 16))
        p.jal(0, to: "tail")
        p.label("leaf")
        p.emit(Asm.addi(Reg.a1, Reg.a1, 1), Asm.addi(Reg.a1, Reg.a1, 1), Asm.jalr(0, Reg.ra, 0))
        p.label("tail")
        p.emit(Asm.addi(Reg.a0, 0, 0), Asm.jalr(0, Reg.ra, 0))
    }

    func testCallsReturnsAndTailCall() throws {
        let (p, hart) = try profile(Self.calls)
        XCTAssertEqual(p.tree.folded(), "_start 3\n_start;main 7\n_start;main;leaf 6\n_start;tail 2\n")
        XCTAssertEqual(p.tree.total, 18)
        XCTAssertEqual(hart.cycles, 18)
        let f = Dictionary(uniqueKeysWithValues: p.tree.perFunction().map { ($0.name, ($0.selfCycles, $0.inclusive)) })
        XCTAssertEqual(f["main"]?.0, 7)
        XCTAssertEqual(f["main"]?.1, 13)
        XCTAssertEqual(f["_start"]?.1, 18)
    }

    /// A scope named "hash" around three instructions; syscalls cost 50: the enter call counts outside the
    /// scope, the exit call inside it, each 1 cycle plus 50 in a `[syscall:CYCLE_SCOPE]` child.
    /// _start: 5 + enter 1 + li a7 1 + exit(0) 1 (the scripted exit is free) = 8; hash: 3 + exit-scope 1 = 4.
    func testCycleScopes() throws {
        let t = TestProgram(data: Array("hash".utf8), functions: ["_start"]) { p in
            p.label("_start")
            p.emit(Asm.lui(Reg.a1, 0x20), Asm.addi(Reg.a2, 0, 4), Asm.addi(Reg.a0, 0, Int(NativeABI.scopeEnter)))
            p.emit(Asm.lui(Reg.a7, 0x1), Asm.addi(Reg.a7, Reg.a7, 0x42), Asm.ecall())
            p.emit(Asm.addi(Reg.t0, 0, 1), Asm.addi(Reg.t0, Reg.t0, 1), Asm.addi(Reg.a0, 0, Int(NativeABI.scopeExit)))
            p.emit(Asm.ecall(), Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        }
        XCTAssertEqual(NativeSyscall.cycleScope.rawValue, 0x1042)
        let (p, hart) = try profile(t, cost: 50)
        XCTAssertEqual(p.tree.folded(), """
            _start 8
            _start;[syscall:CYCLE_SCOPE] 50
            _start;hash 4
            _start;hash;[syscall:CYCLE_SCOPE] 50

            """)
        XCTAssertEqual(p.tree.total, hart.cycles)
        XCTAssertEqual(hart.cycles, 112)
    }

    /// b "longjmps" back into _start (a jalr x0 via ra to an address no frame returns to): the stack unwinds
    /// to _start instead of growing. _start: jal + 2 after landing = 3; a: 1; b: 3.
    func testLongjmpUnwinds() throws {
        let t = TestProgram(functions: ["_start", "a", "b"]) { p in
            p.label("_start")
            p.jal(Reg.ra, to: "a")
            p.emit(Asm.addi(Reg.a7, 0, 93), Asm.ecall())
            p.emit(Asm.addi(Reg.a7, 0, 93), Asm.ecall())   // landing at 0x1000c
            p.label("a")
            p.jal(Reg.ra, to: "b")
            p.label("b")
            p.emit(Asm.lui(Reg.ra, 0x10), Asm.addi(Reg.ra, Reg.ra, 12), Asm.jalr(0, Reg.ra, 0))
        }
        let (p, _) = try profile(t)
        XCTAssertEqual(p.tree.folded(), "_start 3\n_start;a 1\n_start;a;b 3\n")
    }

    /// Unbounded recursion without returns stays bounded in memory (frames beyond maxDepth are not kept).
    func testDeepRecursionIsBounded() throws {
        let t = TestProgram(functions: ["_start", "r"]) { p in
            p.label("_start")
            p.li(Reg.a1, 40000)
            p.label("r")
            p.emit(Asm.addi(Reg.a1, Reg.a1, -1))
            p.branch(Asm.beq, Reg.a1, 0, to: "done")
            p.jal(Reg.ra, to: "r")
            p.label("done")
            p.emit(Asm.addi(Reg.a0, 0, 0), Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        }
        let (p, hart) = try profile(t)
        XCTAssertEqual(p.tree.total, hart.cycles)
        XCTAssertLessThanOrEqual(p.tree.parent.count, Profiler.maxDepth + 2)
    }

    // MARK: - Flamegraph

    final class SVGCollector: NSObject, XMLParserDelegate {
        var rects: [[String: String]] = []
        var titles: [String] = []
        var inTitle = false
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "rect" { rects.append(attributes) }
            if name == "title" { inTitle = true; text = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { text += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { titles.append(text); inTitle = false }
        }
    }

    func testFlamegraphIsWellFormedAndProportional() throws {
        let (p, _) = try profile(Self.calls)
        let svg = Flamegraph.render(p.tree, title: "calls <&> test")
        XCTAssertEqual(svg, Flamegraph.render(p.tree, title: "calls <&> test"), "deterministic")
        let parser = XMLParser(data: Data(svg.utf8))
        let c = SVGCollector()
        parser.delegate = c
        XCTAssertTrue(parser.parse(), "SVG must be well-formed XML: \(String(describing: parser.parserError))")
        // Background + one rect per frame node: _start, main, leaf, tail.
        XCTAssertEqual(c.rects.count, 5)
        XCTAssertEqual(c.titles.sorted(), [
            "_start (18 cycles, 100.00%)", "leaf (6 cycles, 33.33%)", "main (13 cycles, 72.22%)", "tail (2 cycles, 11.11%)",
        ])
        // Plot width 1180 px: widths 1180 × inclusive / 18; siblings in name order, starting at x = 10.
        let byTitle = Dictionary(uniqueKeysWithValues: zip(c.titles, c.rects.dropFirst()))
        XCTAssertEqual(byTitle["_start (18 cycles, 100.00%)"]?["width"], "1180.00")
        XCTAssertEqual(byTitle["main (13 cycles, 72.22%)"]?["width"], "852.22")
        XCTAssertEqual(byTitle["main (13 cycles, 72.22%)"]?["x"], "10.00")
        XCTAssertEqual(byTitle["tail (2 cycles, 11.11%)"]?["x"], "862.22")
        XCTAssertEqual(byTitle["tail (2 cycles, 11.11%)"]?["width"], "131.11")
        XCTAssertEqual(byTitle["leaf (6 cycles, 33.33%)"]?["width"], "393.33")
        XCTAssertTrue(svg.contains("calls &lt;&amp;&gt; test"))
    }
}

/// CYCLE_SCOPE under the real native syscalls: a0 = 0, base cost only, and the profiler sees the scope.
final class CycleScopeSyscallTests: XCTestCase {
    func testNativeCycleScopeIsANoOpAtBaseCost() throws {
        let t = TestProgram(data: Array("verify".utf8), functions: ["_start"]) { p in
            p.label("_start")
            p.emit(Asm.lui(Reg.a1, 0x20), Asm.addi(Reg.a2, 0, 6), Asm.addi(Reg.a0, 0, 1))
            p.li(Reg.a7, 0x1042)
            p.emit(Asm.ecall(), Asm.addi(Reg.s1, Reg.a0, 0), Asm.addi(Reg.a0, 0, 0), Asm.ecall())
            p.emit(Asm.addi(Reg.s2, Reg.a0, 0), Asm.addi(Reg.a0, 0, 0), Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        }
        let native = NativeSyscalls<NoStateBackend>(input: [], sections: [nil], mode: .guestManaged, state: nil)
        var handler = LinuxSyscalls(io: CapturedIO(), extension: native)
        let hart = try t.hart()
        let profiler = Profiler(code: t.code, symbols: t.symbols)
        XCTAssertEqual(hart.run(&handler, observer: profiler), .exited(code: 0))
        XCTAssertEqual(hart[9], 0)
        XCTAssertEqual(hart[18], 0)
        // 13 instructions (li a7 is lui + addiw), three syscalls at the base cost 50 each.
        XCTAssertEqual(hart.instructionsRetired, 13)
        XCTAssertEqual(hart.cycles, 13 + 3 * SyscallCosts.base)
        // _start: 5 + enter call 1 + after the scope 3 + exit(0) call 1 = 10; verify: 2 + exit-scope call 1 = 3;
        // each call's base cost of 50 in a syscall frame.
        XCTAssertEqual(profiler.tree.folded(), """
            _start 10
            _start;[syscall:CYCLE_SCOPE] 50
            _start;[syscall:exit] 50
            _start;verify 3
            _start;verify;[syscall:CYCLE_SCOPE] 50

            """)
    }
}
