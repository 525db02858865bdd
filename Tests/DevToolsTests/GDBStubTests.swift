import DevTools
import ELFLoader
import Foundation
import HostABI
import RISCV
import RISCVTestSupport
import XCTest

/// The gdb stub: packet framing, commands on an assembled program, and a real `gdb-multiarch` session in
/// batch mode against the examples (RV64 and RV32).
final class GDBStubTests: XCTestCase {
    func testFramingAndParser() {
        XCTAssertEqual(String(decoding: GDBPacket.frame(Array("OK".utf8)), as: UTF8.self), "$OK#9a")
        XCTAssertEqual(String(decoding: GDBPacket.frame(Array("a#b".utf8)), as: UTF8.self), "$a}\u{03}b#" + GDBPacket.hex2(
            UInt8(truncatingIfNeeded: 0x61 + 0x7D + 0x03 + 0x62)))
        var p = GDBPacket.Parser()
        var events: [GDBPacket.Event] = []
        for b in Array("+$g#67$m0,4#00".utf8) + [0x03] { if let e = p.feed(b) { events.append(e) } }
        XCTAssertEqual(events, [.packet(Array("g".utf8)), .badChecksum, .interrupt])
        var q = GDBPacket.Parser()
        var got: GDBPacket.Event?
        for b in GDBPacket.frame(Array("X}#$*".utf8)) { if let e = q.feed(b) { got = e } }
        XCTAssertEqual(got, .packet(Array("X}#$*".utf8)))
    }

    /// _start: a0 = 7; loop: a0 -= 1; bne loop; store at 0x20000; exit(0).
    func stub() throws -> (GDBStub<ScriptedHandler>, TestProgram) {
        let t = TestProgram(data: [1, 2, 3, 4], functions: ["_start"]) { p in
            p.label("_start")
            p.emit(Asm.addi(Reg.a0, 0, 7))
            p.label("loop")
            p.emit(Asm.addi(Reg.a0, Reg.a0, -1))
            p.branch(Asm.bne, Reg.a0, 0, to: "loop")
            p.emit(Asm.lui(Reg.t0, 0x20), Asm.sw(Reg.a0, Reg.t0, 0), Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        }
        return (GDBStub(hart: try t.hart(), handler: ScriptedHandler()), t)
    }

    func send(_ s: GDBStub<ScriptedHandler>, _ packet: String) -> GDBStub<ScriptedHandler>.Action {
        s.handle(Array(packet.utf8))
    }

    func testCommands() throws {
        let (s, _) = try stub()
        XCTAssertEqual(send(s, "?"), .reply("S05"))
        XCTAssertEqual(send(s, "p20"), .reply("0000010000000000"))                 // pc = 0x10000, little-endian
        XCTAssertEqual(send(s, "m10000,4"), .reply("13057000"))                    // addi a0, zero, 7
        XCTAssertEqual(send(s, "m20000,4"), .reply("01020304"))
        XCTAssertEqual(send(s, "m0,4"), .reply("E14"))                             // unmapped
        XCTAssertEqual(send(s, "M10000,4:00000000"), .reply("E14"))                // code is read-only
        XCTAssertEqual(send(s, "M20000,2:aabb"), .reply("OK"))
        XCTAssertEqual(send(s, "m20000,4"), .reply("aabb0304"))
        XCTAssertEqual(send(s, "s"), .reply("T05"))
        XCTAssertEqual(s.hart.pc, 0x10004)
        XCTAssertEqual(send(s, "pa"), .reply("0700000000000000"))                  // a0 = 7
        XCTAssertEqual(send(s, "Pa=0200000000000000"), .reply("OK"))              // a0 = 2: two iterations left
        XCTAssertEqual(send(s, "Z0,10008,4"), .reply("OK"))                       // the bne
        XCTAssertEqual(send(s, "c"), .reply("T05"))
        XCTAssertEqual(s.hart.pc, 0x10008)
        XCTAssertEqual(s.hart[10], 1)
        XCTAssertEqual(send(s, "c"), .reply("T05"))                                // loop once more: a0 = 0
        XCTAssertEqual(s.hart[10], 0)
        XCTAssertEqual(send(s, "z0,10008,4"), .reply("OK"))
        guard case .reply(let g) = send(s, "g") else { return XCTFail() }
        XCTAssertEqual(g.count, 33 * 16)
        XCTAssertTrue(g.hasSuffix("0800010000000000"))                             // pc = 0x10008

        XCTAssertEqual(send(s, "vCont?"), .reply(""))
        guard case .reply(let sup) = send(s, "qSupported:multiprocess+;swbreak+") else { return XCTFail() }
        XCTAssertTrue(sup.contains("qXfer:features:read+"))
        guard case .reply(let xml) = send(s, "qXfer:features:read:target.xml:0,fff") else { return XCTFail() }
        XCTAssertTrue(xml.hasPrefix("l<?xml"))
        XCTAssertTrue(xml.contains("<architecture>riscv:rv64</architecture>"))
        XCTAssertEqual(send(s, "c"), .replyAndEnd("W00"))
        XCTAssertEqual(s.finalStop, .exited(code: 0))
        XCTAssertEqual(send(s, "m20000,4"), .reply("00000000"))                     // the store of a0 = 0
    }

    // MARK: - gdb-multiarch

    /// The server side of a session, handed to the serving thread (used by one thread at a time).
    final class Served: @unchecked Sendable {
        let server: GDBServer
        let stub: GDBStub<LinuxSyscalls<CapturedIO, NoSyscallExtension>>
        var stop: StopReason?
        let done = DispatchSemaphore(value: 0)
        init(server: GDBServer, stub: GDBStub<LinuxSyscalls<CapturedIO, NoSyscallExtension>>) {
            self.server = server
            self.stub = stub
        }
    }

    struct Transcript {
        var text: String
        var stop: StopReason?
        var stdout: String
    }

    /// Serves `elf` on a free loopback port in a background thread and runs gdb-multiarch in batch mode.
    func session(_ elf: String, arch: String, commands: [String]) throws -> Transcript {
        guard let gdb = DevToolsPaths.which("gdb-multiarch") else {
            throw XCTSkip("gdb-multiarch not found: gdb stub test skipped (toolchain/install-deps.sh installs it)")
        }
        let program = try ELFLoader.load(path: elf)
        let hart = try Hart(image: program.image)
        let s = Served(server: try GDBServer(port: 0), stub: GDBStub(hart: hart, handler: LinuxSyscalls(io: CapturedIO())))
        let server = s.server
        let thread = Thread {
            s.stop = try? s.server.serve(s.stub)
            s.done.signal()
        }
        thread.start()
        var args = ["-batch", "-nx", "-ex", "set architecture \(arch)", "-ex", "target remote 127.0.0.1:\(server.port)"]
        for c in commands { args += ["-ex", c] }
        args.append(elf)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: gdb)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: killer)   // safety net, not a timing check
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        XCTAssertEqual(s.done.wait(timeout: .now() + 30), .success, "stub did not finish")
        return Transcript(text: String(decoding: data, as: UTF8.self), stop: s.stop,
                          stdout: String(decoding: s.stub.handler.io.stdout, as: UTF8.self))
    }

    /// The value printed by `info registers pc` (`pc  0x10048  0x10048 <main>`), in order.
    func pcValues(_ text: String) -> [UInt64] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 2, f[0] == "pc", f[1].hasPrefix("0x") else { return nil }
            return UInt64(f[1].dropFirst(2), radix: 16)
        }
    }

    /// Every `name 0xvalue …` line of `info registers` after the last `stepi` (the last value per name).
    func registers(_ text: String) -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 2, f[1].hasPrefix("0x"), let v = UInt64(f[1].dropFirst(2), radix: 16) else { continue }
            out[f[0] == "fp" ? "s0" : String(f[0])] = v   // gdb may name x8 fp
        }
        return out
    }

    func checkExample(xlen: Int) throws {
        let elf = try DevToolsPaths.example("hello", xlen: xlen)
        let program = try ELFLoader.load(path: elf)
        guard let main = program.symbols.first(where: { $0.name == "main" }) else { return XCTFail("no main") }
        let code = CodeMap(image: program.image)
        let t = try session(elf, arch: "riscv:rv\(xlen)", commands: [
            "break *main", "continue", "info registers pc", "x/4xw $pc", "stepi", "info registers pc", "info registers",
            "continue",
        ])
        let text = t.text
        XCTAssertTrue(text.contains("Breakpoint 1, "), text)
        XCTAssertEqual(pcValues(text), [main.value, main.value + 4, main.value + 4], text)
        // x/4xw $pc: the first four words of main, as in the ELF.
        let words = (0..<4).compactMap { code.word(at: main.value + 4 * UInt64($0)) }
        let expected = words.map { "0x" + DisassemblyListing.hex(UInt64($0), digits: 8) }.joined(separator: "\t")
        XCTAssertTrue(text.contains("<main>:\t" + expected), "expected \(expected) in\n\(text)")
        // After stepi, every register gdb shows equals a reference run to main plus one step.
        let reference = try Hart(image: program.image)
        var io = LinuxSyscalls(io: CapturedIO())
        var steps = 0
        while reference.pc != main.value || steps == 0 {
            steps += 1
            guard steps < 1_000_000 else { return XCTFail("reference run never reached main") }
            if case .ecall = reference.step() {
                guard case .resume = io.handleSyscall(reference) else { return XCTFail("reference run stopped") }
                reference.pc += 4
            }
        }
        _ = reference.step()
        let shown = registers(text)
        XCTAssertGreaterThanOrEqual(shown.count, 32, text)
        for r in 1..<32 {
            let expected = xlen == 64 ? reference[r] : reference[r] & 0xFFFF_FFFF
            XCTAssertEqual(shown[Disassembler.register(r)], expected, "register \(Disassembler.register(r))")
        }
        XCTAssertEqual(shown["pc"], main.value + 4)
        XCTAssertTrue(text.contains("exited normally"), text)
        XCTAssertEqual(t.stop, .exited(code: 0))
        XCTAssertEqual(t.stdout, try String(contentsOfFile: DevToolsPaths.root.appendingPathComponent(
            "guest/examples/hello/expected.txt").path, encoding: .utf8))
    }

    func testGDBMultiarchRV64() throws { try checkExample(xlen: 64) }
    func testGDBMultiarchRV32() throws { try checkExample(xlen: 32) }
}
