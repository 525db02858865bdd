import BinaryTree
import Execute
import GuestABI
import HostABI
import InputContainer
import RISCVTestSupport
import XCTest

/// The verdict rules (docs/EXECUTE.md §2): one test per failure kind, gas, determinism, parallel = sequential.
final class VerdictTests: XCTestCase {
    func ok() -> Guest { var g = Guest(); g.exit(); return g }

    func testEachFailureKind() {
        let good = ok()
        XCTAssertEqual(execute(ExecuteRequest(program: .elf([0x7F, 0x45, 0x4C]), container: container(batch: []),
                                              claimedPostRoot: zeroRoot)).reason?.name, "badELF")
        XCTAssertEqual(runGuest(good, container: [1, 2, 3]).reason?.name, "badContainer")
        XCTAssertEqual(execute(ExecuteRequest(program: .elf(good.elf()), container: container(batch: []),
                                              claimedPostRoot: [1])).reason?.name, "invalidRequest")
        let pre = [UInt8](repeating: 7, count: 32)
        XCTAssertEqual(execute(ExecuteRequest(program: .elf(good.elf()), container: container(batch: []),
                                              claimedPostRoot: zeroRoot, expectedPreStateRoot: pre)).reason,
                       .preStateRootMismatch(expected: pre, actual: zeroRoot))

        var brk = Guest(); brk.p.emit(Asm.nop(), Asm.ebreak())
        let fault = runGuest(brk).reason
        guard case .guestFault(let pc, _)? = fault else { return XCTFail("\(String(describing: fault))") }
        XCTAssertEqual(pc, brk.p.pc - 4)

        var load = Guest(); load.p.emit(Asm.ld(Reg.a0, 0, 0)); load.exit()
        guard case .guestFault(let lpc, _)? = runGuest(load).reason else { return XCTFail() }
        XCTAssertEqual(lpc, load.p.pc - 16)  // ld, then li a0 + li a7 + ecall

        var loop = Guest(); loop.p.label("l"); loop.p.jal(0, to: "l")
        let spin = runGuest(loop, limits: ExecuteLimits(cycles: 10_000))
        XCTAssertEqual(spin.reason, .outOfCycles)
        XCTAssertLessThanOrEqual(spin.cycles, 10_000)
        XCTAssertGreaterThan(spin.cycles, 9_990)

        XCTAssertEqual(runGuest(good, limits: ExecuteLimits(memory: 4096)).reason, .outOfMemory)
        var deep = Guest(); deep.p.li(Reg.t1, 0x7000_0000); deep.p.emit(Asm.sd(0, Reg.t1, 0)); deep.exit()
        XCTAssertEqual(runGuest(deep, limits: ExecuteLimits(memory: 16 << 10)).reason, .outOfMemory)
        XCTAssertEqual(runGuest(good, limits: ExecuteLimits(memory: 16 << 10)).reason, .rootNotDeclared)

        var three = Guest(); three.exit(3)
        XCTAssertEqual(runGuest(three).reason, .nonZeroExit(code: 3))
    }

    func testGasFormula() {
        let c = container(batch: [UInt8](repeating: 1, count: 100))
        let r = runGuest(ok(), container: c)
        XCTAssertEqual(r.gas, r.cycles / 100 + 16 * UInt64(c.count))
        XCTAssertEqual(r.instructions + 50, r.cycles)  // one syscall (exit): base 50
    }

    func testDeterminismAndParallelEqualsSequential() {
        var g = Guest()
        g.call(.inputMap, 1); g.save(0); g.call(.keccak256, Guest.data, 64, Guest.data + 64)
        g.call(.commit, Guest.data + 64, 32); g.commitSlots(1)
        g.call(.postRoot, Guest.data + 64); g.exit()
        var requests: [ExecuteRequest] = []
        for i in 0..<6 {
            var data = [UInt8](repeating: UInt8(i), count: 64)
            data[0] = UInt8(i * 3)
            let elf = g.elf(data: data)
            let claimed = i % 2 == 0 ? Keccak(data) : zeroRoot
            requests.append(ExecuteRequest(program: .elf(elf), container: container(batch: [UInt8(i)]), claimedPostRoot: claimed,
                                           stateMode: .guestManaged))
        }
        let sequential = requests.map(execute)
        XCTAssertEqual(sequential, requests.map(execute))
        XCTAssertEqual(sequential.map(\.verdict), [true, false, true, false, true, false])
        for jobs in [1, 2, 4] {
            XCTAssertEqual(executeBlock(requests, jobs: jobs).results, sequential, "jobs \(jobs)")
        }
    }

    func Keccak(_ d: [UInt8]) -> [UInt8] { EVMPrimitivesKeccak(d) }
}
