import XCTest
import RISCV
import GuestABI
import RISCVTestSupport

/// Metering (1 cycle per retired instruction) and the memory limit (docs/MEMORY.md).
final class LimitTests: XCTestCase {
    func counter(_ p: inout Program) {
        for _ in 0..<10 { p.emit(Asm.addi(Reg.a0, Reg.a0, 1)) }
        p.emit(Asm.ebreak())
    }

    func testCycleLimitIsExactToTheInstruction() throws {
        let (h, r) = try runProgram(config: MachineConfig(cycleLimit: 5), counter)
        XCTAssertEqual(r, .outOfCycles(pc: 0x10014))
        XCTAssertEqual(h.cycles, 5)
        XCTAssertEqual(h.instructionsRetired, 5)
        XCTAssertEqual(h[Reg.a0], 5)
        // Resume with a higher limit.
        h.cycleLimit = 7
        var handler = TestHandler()
        XCTAssertEqual(h.run(&handler), .outOfCycles(pc: 0x1001C))
        XCTAssertEqual(h[Reg.a0], 7)
        h.cycleLimit = 100
        XCTAssertEqual(h.run(&handler), .breakpoint(pc: 0x10028))
        XCTAssertEqual(h[Reg.a0], 10)
        XCTAssertEqual(h.cycles, 10)
    }

    func testLimitEqualToProgramLengthCompletes() throws {
        // With a limit of 10 the 11th instruction (ebreak) is not attempted; with 11 it runs.
        let (h, r) = try runProgram(config: MachineConfig(cycleLimit: 10), counter)
        XCTAssertEqual(r, .outOfCycles(pc: 0x10028))
        XCTAssertEqual(h[Reg.a0], 10)
        let (h11, r11) = try runProgram(config: MachineConfig(cycleLimit: 11), counter)
        XCTAssertEqual(r11, .breakpoint(pc: 0x10028))
        XCTAssertEqual(h11.cycles, 10)
        let (_, r0) = try runProgram(config: MachineConfig(cycleLimit: 0), counter)
        XCTAssertEqual(r0, .outOfCycles(pc: 0x10000))
    }

    func testEcallCountsAsACycleAndExits() throws {
        let (h, r) = try runProgram(config: MachineConfig(cycleLimit: 3)) { p in
            p.emit(Asm.addi(Reg.a0, 0, 7), Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        }
        XCTAssertEqual(r, .exited(code: 7))
        XCTAssertEqual(h.cycles, 3)
        let (_, r2) = try runProgram(config: MachineConfig(cycleLimit: 2)) { p in
            p.emit(Asm.addi(Reg.a0, 0, 7), Asm.addi(Reg.a7, 0, 93), Asm.ecall())
        }
        XCTAssertEqual(r2, .outOfCycles(pc: 0x10008))
    }

    func testUnknownSyscallResumesAfterEcall() throws {
        let (h, r) = try runProgram { p in
            p.emit(Asm.addi(Reg.a7, 0, 1234), Asm.ecall(), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10008))
        XCTAssertEqual(h[Reg.a0], UInt64(bitPattern: -38))
    }

    func testChargedCyclesStopAfterTheSyscall() throws {
        struct Charging: SyscallHandler {
            mutating func handleSyscall(_ hart: Hart) -> SyscallAction { hart.chargeCycles(100); return .resume }
        }
        let h = try makeHart(config: MachineConfig(cycleLimit: 50)) { p in p.emit(Asm.ecall(), Asm.ebreak()) }
        var handler = Charging()
        XCTAssertEqual(h.run(&handler), .outOfCycles(pc: 0x10004))
        XCTAssertEqual(h.cycles, 101)
        XCTAssertEqual(h.instructionsRetired, 1)
    }

    /// A cost that saturates the cycle count (fuzz crasher interpreter/saturated-syscall-cost: KECCAK256 of a
    /// near-2⁶⁴ length) leaves the instruction count exact: one ecall retired, whatever was charged.
    func testSaturatingChargeKeepsInstructionCountExact() throws {
        struct Charging: SyscallHandler {
            mutating func handleSyscall(_ hart: Hart) -> SyscallAction { hart.chargeCycles(.max); return .resume }
        }
        let h = try makeHart(config: MachineConfig(cycleLimit: 1000)) { p in p.emit(Asm.ecall(), Asm.ebreak()) }
        var handler = Charging()
        XCTAssertEqual(h.run(&handler), .outOfCycles(pc: 0x10004))
        XCTAssertEqual(h.cycles, .max)                 // 1 + (2^64 - 1) saturates
        XCTAssertEqual(h.extraCycles, .max - 1)        // what was actually added
        XCTAssertEqual(h.instructionsRetired, 1)       // was 0 (2^64 - 50 after a 50-cycle base cost)
    }

    func testStackPagesAreChargedOnFirstTouch() throws {
        // Image: one text page. Initial stack frame: one page. Limit: three pages.
        let (h, r) = try runProgram(config: MachineConfig(memoryLimit: 3 * 4096)) { p in
            p.emit(Asm.addi(Reg.sp, Reg.sp, -2048), Asm.addi(Reg.sp, Reg.sp, -2048))  // next page down
            p.emit(Asm.sd(Reg.sp, Reg.sp, 0))          // charged: third page
            p.li(Reg.t0, 4096)
            p.emit(Asm.sub(Reg.sp, Reg.sp, Reg.t0))
            p.emit(Asm.ld(Reg.a0, Reg.sp, 0))          // fourth page: over the limit
            p.emit(Asm.ebreak())
        }
        XCTAssertEqual(r, .outOfMemory(pc: 0x10014, address: 0x7FFF_DFC0))
        XCTAssertEqual(h.memory.memoryUsed, 3 * 4096)
        XCTAssertEqual(h.instructionsRetired, 5)
    }

    func testImageLargerThanLimitIsRejected() {
        var p = Program()
        p.emit(Asm.ebreak())
        let image = ProgramImage(xlen: .rv64, entry: 0x10000, segments: [
            Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute]),
            Segment(address: 0x20000, bytes: [], memorySize: 1 << 20, permissions: [.read, .write]),
        ])
        XCTAssertThrowsError(try Hart(image: image, config: MachineConfig(memoryLimit: 1 << 20))) { e in
            XCTAssertEqual(e as? MachineError, .outOfMemory(needed: (1 << 20) + 4096, limit: 1 << 20))
        }
        XCTAssertNoThrow(try Hart(image: image, config: MachineConfig(memoryLimit: (1 << 20) + 2 * 4096)))
    }

    func testBrkFollowsLinuxSemantics() throws {
        let h = try makeHart(data: [1], config: MachineConfig(memoryLimit: 16 * 4096)) { p in p.emit(Asm.ebreak()) }
        let m = h.memory
        XCTAssertEqual(m.initialBreak, 0x21000)
        XCTAssertEqual(m.memoryUsed, 3 * 4096)                  // text, data, stack frame
        XCTAssertEqual(m.setBreak(0), 0x21000)                  // query
        XCTAssertEqual(m.setBreak(0x21001), 0x21001)            // grows one page
        XCTAssertEqual(m.memoryUsed, 4 * 4096)
        XCTAssertTrue(m.write(0x21FFF, [9]))
        XCTAssertNil(m.read(0x22000, count: 1))
        XCTAssertEqual(m.setBreak(0x21000 + 14 * 4096), 0x21001)  // over the limit: unchanged
        XCTAssertEqual(m.setBreak(0x20000), 0x21001)              // below the initial break: unchanged
        XCTAssertEqual(m.setBreak(0x4000_1000), 0x21001)          // beyond the heap limit: unchanged
        XCTAssertEqual(m.setBreak(0x21000), 0x21000)              // shrink
        XCTAssertEqual(m.memoryUsed, 3 * 4096)
        XCTAssertNil(m.read(0x21FFF, count: 1))
        XCTAssertEqual(m.setBreak(0x22000), 0x22000)
        XCTAssertEqual(m.read(0x21FFF, count: 1), [0])            // fresh pages are zero
    }

    func testInputRegionIsReadOnly() throws {
        let h = try makeHart { p in
            p.li(Reg.a1, 0x4000_0000)
            p.emit(Asm.lbu(Reg.a0, Reg.a1, 1), Asm.sb(Reg.a0, Reg.a1, 0))
        }
        XCTAssertTrue(h.memory.mapInput([5, 6, 7]))
        XCTAssertEqual(h.memory.inputSize, 3)
        var handler = TestHandler()
        XCTAssertEqual(h.run(&handler), .storeFault(pc: 0x10008, address: 0x4000_0000))
        XCTAssertEqual(h[Reg.a0], 6)
    }

    func testSingleSteppingByCycleLimitMatchesAFreeRun() throws {
        // A loop with loads, stores, branches, a call and a syscall; run once freely, then again
        // raising the limit by one cycle at a time: every stop must be exact and the end state equal.
        func build(_ p: inout Program) {
            p.li(Reg.a1, 0x20000); p.li(Reg.t1, 5); p.li(Reg.a0, 0)
            p.label("loop")
            p.emit(Asm.lw(Reg.t0, Reg.a1, 0), Asm.add(Reg.a0, Reg.a0, Reg.t0), Asm.sw(Reg.a0, Reg.a1, 4))
            p.jal(Reg.ra, to: "f")
            p.emit(Asm.addi(Reg.t1, Reg.t1, -1))
            p.branch(Asm.bne, Reg.t1, 0, to: "loop")
            p.emit(Asm.addi(Reg.a7, 0, 1234), Asm.ecall(), Asm.ebreak())
            p.label("f")
            p.emit(Asm.addi(Reg.a0, Reg.a0, 1), Asm.jalr(0, Reg.ra, 0))
        }
        let data: [UInt8] = [3, 0, 0, 0, 0, 0, 0, 0]
        let (free, r) = try runProgram(data: data, build)
        guard case .breakpoint(let end) = r else { return XCTFail("\(r)") }
        let total = free.cycles
        let h = try makeHart(data: data, config: MachineConfig(cycleLimit: 0), build)
        var handler = TestHandler()
        var stops = 0
        for n in 0...(total + 1) {   // ebreak does not retire: it needs a limit of total + 1 to be attempted
            h.cycleLimit = n
            let reason = h.run(&handler)
            if n <= total {
                XCTAssertEqual(reason, .outOfCycles(pc: h.pc), "limit \(n)")
                XCTAssertEqual(h.cycles, n, "limit \(n)")
                stops += 1
            } else {
                XCTAssertEqual(reason, .breakpoint(pc: end))
            }
        }
        XCTAssertEqual(stops, Int(total) + 1)
        XCTAssertEqual(h[Reg.a0], free[Reg.a0])
        XCTAssertEqual(h.memory.read(0x20004, count: 1), [19])   // stored in the 5th iteration: 4 * (3 + 1) + 3
        XCTAssertEqual(h.memory.read(0x20004, count: 1), free.memory.read(0x20004, count: 1))
    }

    func testFaultBeforeTheCycleBudgetRunsOut() throws {
        let (h, r) = try runProgram(config: MachineConfig(cycleLimit: 3)) { p in
            p.emit(Asm.addi(Reg.a0, 0, 1), Asm.ld(Reg.a1, 0, 8), Asm.addi(Reg.a0, 0, 2), Asm.addi(Reg.a0, 0, 3), Asm.ebreak())
        }
        XCTAssertEqual(r, .loadFault(pc: 0x10004, address: 8))
        XCTAssertEqual(h.cycles, 1)
        // Skip the faulting load by hand: the rest of the block runs normally (the budget marker is gone).
        h.pc = 0x10008
        h.cycleLimit = 10
        var handler = TestHandler()
        XCTAssertEqual(h.run(&handler), .breakpoint(pc: 0x10010))
        XCTAssertEqual(h.cycles, 3)
        XCTAssertEqual(h[Reg.a0], 3)
    }
}
