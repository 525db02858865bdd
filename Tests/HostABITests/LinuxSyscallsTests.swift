import XCTest
import HostABI
import ELFLoader
import RISCV
import GuestABI
import RISCVTestSupport

/// Linux syscalls (asm-generic/unistd.h numbers; errno values from errno-base.h) through whole programs.
final class LinuxSyscallsTests: XCTestCase {
    /// Runs a program (text at 0x10000; `data` at 0x11000, RW) with captured IO.
    func exec(_ xlen: Int = 64, data: [UInt8] = [], stdin: [UInt8] = [], maxTransfer: UInt64 = 1 << 20,
              _ build: (inout Program) -> Void) throws -> (StopReason, Hart, CapturedIO) {
        var p = Program(xlen: xlen)
        build(&p)
        let elf = ELFWriter.executable(xlen: xlen, text: p.bytes, data: data, bss: data.isEmpty ? 0 : 16)
        let prog = try ELFLoader.load(elf)
        let hart = try Hart(image: prog.image)
        var sys = LinuxSyscalls(io: CapturedIO(stdin: stdin))
        sys.maxTransfer = maxTransfer
        let r = hart.run(&sys)
        return (r, hart, sys.io)
    }

    /// a0..a2 = args; ecall n; result left in a0; then ebreak.
    func call(_ p: inout Program, _ n: Int64, _ a0: Int64, _ a1: Int64 = 0, _ a2: Int64 = 0) {
        p.li(Reg.a0, a0); p.li(Reg.a1, a1); p.li(Reg.a2, a2); p.syscall(n)
    }

    func testHelloWorldAndExitCode() throws {
        let (r, _, io) = try exec(data: Array("hi\n".utf8)) { p in
            call(&p, 64, 1, 0x11000, 3)
            call(&p, 64, 2, 0x11001, 2)
            p.exit(3)
        }
        XCTAssertEqual(r, .exited(code: 3))
        XCTAssertEqual(io.stdout, Array("hi\n".utf8))
        XCTAssertEqual(io.stderr, Array("i\n".utf8))
    }

    func testWriteResults() throws {
        let cases: [(fd: Int64, buf: Int64, len: Int64, expected: Int64)] = [
            (1, 0x11000, 4, 4),
            (1, 0x11000, 0, 0),
            (1, 0, 0, 0),                              // empty write needs no valid buffer
            (3, 0x11000, 4, -9),                       // EBADF
            (0, 0x11000, 4, -9),
            (1, 0, 4, -14),                            // EFAULT: page 0
            (1, 0x10000, 4, 4),                        // text is readable
            (1, 0x11FFE, 4, -14),                      // runs off the data page
            (1, -16, 32, -14),                         // wraps around
            (1, 0x7FFF_FFFF, 2, -14),                  // leaves the address space
        ]
        for c in cases {
            let (r, h, _) = try exec(data: [1, 2, 3, 4]) { p in call(&p, 64, c.fd, c.buf, c.len); p.emit(Asm.ebreak()) }
            guard case .breakpoint = r else { XCTFail("\(r)"); continue }
            XCTAssertEqual(Int64(bitPattern: h[Reg.a0]), c.expected, "write(\(c.fd), \(c.buf), \(c.len))")
        }
    }

    func testWriteIsCappedAtMaxTransfer() throws {
        let (_, h, io) = try exec(data: Array("abcdefgh".utf8), maxTransfer: 5) { p in
            call(&p, 64, 1, 0x11000, 8); p.emit(Asm.ebreak())
        }
        XCTAssertEqual(h[Reg.a0], 5)
        XCTAssertEqual(io.stdout, Array("abcde".utf8))
    }

    func testReadFromStdin() throws {
        let (r, h, _) = try exec(data: [0, 0, 0, 0, 0, 0, 0, 0], stdin: [7, 8, 9]) { p in
            call(&p, 63, 0, 0x11000, 2)
            p.emit(Asm.addi(Reg.s0, Reg.a0, 0))
            call(&p, 63, 0, 0x11002, 8)
            p.emit(Asm.addi(Reg.s1, Reg.a0, 0))
            call(&p, 63, 0, 0x11003, 8)                // end of input
            p.emit(Asm.ebreak())
        }
        guard case .breakpoint = r else { return XCTFail("\(r)") }
        XCTAssertEqual(h[Reg.s0], 2)
        XCTAssertEqual(h[Reg.s1], 1)
        XCTAssertEqual(h[Reg.a0], 0)
        XCTAssertEqual(h.memory.read(0x11000, count: 4), [7, 8, 9, 0])
    }

    func testReadErrors() throws {
        for (fd, buf, expected) in [(Int64(1), Int64(0x11000), Int64(-9)), (0, 0x10000, -14), (0, 0, -14)] {
            let (_, h, _) = try exec(data: [0], stdin: [1]) { p in call(&p, 63, fd, buf, 1); p.emit(Asm.ebreak()) }
            XCTAssertEqual(Int64(bitPattern: h[Reg.a0]), expected, "read(\(fd), \(buf))")
        }
    }

    func testBrk() throws {
        // data page 0x11000..0x12000 → initial break 0x12000.
        let (r, h, _) = try exec(data: [1]) { p in
            call(&p, 214, 0)
            p.emit(Asm.addi(Reg.s0, Reg.a0, 0))
            call(&p, 214, 0x12010)
            p.emit(Asm.addi(Reg.s1, Reg.a0, 0))
            p.li(Reg.t0, 0x1200F)
            p.emit(Asm.sb(Reg.t0, Reg.t0, 0), Asm.lbu(Reg.s2, Reg.t0, 0))
            call(&p, 214, 0x4000_1000)             // beyond the heap: fails, returns the current break
            p.emit(Asm.ebreak())
        }
        guard case .breakpoint = r else { return XCTFail("\(r)") }
        XCTAssertEqual(h[Reg.s0], 0x12000)
        XCTAssertEqual(h[Reg.s1], 0x12010)
        XCTAssertEqual(h[Reg.s2], 0x0F)
        XCTAssertEqual(h[Reg.a0], 0x12010)
    }

    func testExitKeepsTheFullStatus() throws {
        let (r, _, _) = try exec { p in p.li(Reg.a0, 300); p.syscall(94) }
        XCTAssertEqual(r, .exited(code: 300))
        let (r32, _, _) = try exec(32) { p in p.li(Reg.a0, -1); p.syscall(93) }
        XCTAssertEqual(r32, .exited(code: -1))
    }

    func testUnknownSyscallsReturnENOSYS() throws {
        for n: Int64 in [57, 172, 0x1000, 0xFFFF] {
            let (_, h, _) = try exec { p in call(&p, n, 0); p.emit(Asm.ebreak()) }
            XCTAssertEqual(Int64(bitPattern: h[Reg.a0]), -38, "syscall \(n)")
        }
    }

    func testExtensionHandlesNativeSyscalls() throws {
        struct Native: SyscallExtension {
            mutating func handle(_ number: UInt64, _ hart: Hart) -> SyscallAction? {
                guard number == RVXSyscall.base else { return nil }
                hart[10] = hart[10] &* 2
                hart.chargeCycles(10)
                return .resume
            }
        }
        var p = Program()
        call(&p, 0x1000, 21)
        p.emit(Asm.ebreak())
        let hart = try Hart(image: ELFLoader.load(ELFWriter.executable(xlen: 64, text: p.bytes)).image)
        var sys = LinuxSyscalls(io: CapturedIO(), extension: Native())
        XCTAssertEqual(hart.run(&sys), .breakpoint(pc: hart.pc))
        XCTAssertEqual(hart[Reg.a0], 42)
        XCTAssertEqual(hart.extraCycles, 10)
    }

    func testCapturedOutputIsBounded() throws {
        var p = Program()
        call(&p, 64, 1, 0x11000, 4)
        p.emit(Asm.ebreak())
        let hart = try Hart(image: ELFLoader.load(ELFWriter.executable(xlen: 64, text: p.bytes, data: [1, 2, 3, 4])).image)
        var sys = LinuxSyscalls(io: CapturedIO(outputLimit: 3))
        _ = hart.run(&sys)
        XCTAssertEqual(Int64(bitPattern: hart[Reg.a0]), -27)
        XCTAssertEqual(sys.io.stdout, [])
    }
}
