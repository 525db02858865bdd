import ELFLoader
import GuestABI
import HostABI
import RISCV
import RISCVTestSupport
import XCTest

/// A dictionary-backed state: keys listed in `uncovered` are "not in the witness".
struct DictState: StateBackend {
    var map: [[UInt8]: [UInt8]] = [:]
    var uncovered: Set<[UInt8]> = []
    var hashCalls = 0

    mutating func read(key: UnsafeRawPointer, value: UnsafeMutableRawPointer) throws(StateFailure) -> Bool {
        let k = [UInt8](UnsafeRawBufferPointer(start: key, count: 32))
        if uncovered.contains(k) { throw .incomplete(key: k, detail: "witness incomplete: test key") }
        let v = map[k] ?? [UInt8](repeating: 0, count: 32)
        v.withUnsafeBytes { value.copyMemory(from: $0.baseAddress!, byteCount: 32) }
        return map[k] != nil
    }

    mutating func write(key: UnsafeRawPointer, value: UnsafeRawPointer?) throws(StateFailure) {
        let k = [UInt8](UnsafeRawBufferPointer(start: key, count: 32))
        if uncovered.contains(k) { throw .incomplete(key: k, detail: "witness incomplete: test key") }
        map[k] = value.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: 32)) }
    }

    mutating func root(into out: UnsafeMutableRawPointer) throws(StateFailure) {
        hashCalls += 3
        var r = [UInt8](repeating: 0, count: 32)
        r[0] = UInt8(map.count)
        r.withUnsafeBytes { out.copyMemory(from: $0.baseAddress!, byteCount: 32) }
    }
}

/// NativeSyscalls driven directly through LinuxSyscalls (no Execute): state calls with a test backend,
/// pointer checks, metering, stop reasons (docs/ABI.md §3, §5).
final class NativeSyscallsTests: XCTestCase {
    static let data: Int64 = 0x11000, slots: Int64 = 0x11800

    func exec(xlen: Int = 64, data: [UInt8], state: DictState?, mode: StateMode = .runtimeManaged, cycles: UInt64 = .max,
              debugLimit: UInt64 = 1 << 16, _ build: (inout Program) -> Void)
        throws -> (StopReason, Hart, NativeSyscalls<DictState>)
    {
        var p = Program(xlen: xlen)
        p.li(Reg.s0, Self.slots)
        build(&p)
        var d = data
        d += [UInt8](repeating: 0, count: 4096 - d.count)
        let prog = try ELFLoader.load(ELFWriter.executable(xlen: xlen, text: p.bytes, data: d))
        let hart = try Hart(image: prog.image, config: MachineConfig(cycleLimit: cycles))
        let input: [UInt8] = Array(0..<100)
        XCTAssertTrue(hart.memory.mapInput(input))
        var sections = [Range<Int>?](repeating: nil, count: 7)
        sections[0] = 0..<100
        sections[1] = 10..<20
        let ext = NativeSyscalls(input: input, sections: sections, mode: mode, state: state, debugLimit: debugLimit)
        var sys = LinuxSyscalls(io: CapturedIO(stdin: input), extension: ext)
        let r = hart.run(&sys)
        return (r, hart, sys.ext)
    }

    func call(_ p: inout Program, _ n: NativeSyscall, _ args: Int64...) {
        for (i, a) in args.enumerated() { p.li(Reg.a0 + i, a) }
        p.syscall(Int64(n.rawValue))
    }

    func save(_ p: inout Program, _ i: Int) { p.emit(Asm.sd(Reg.a0, Reg.s0, 8 * i)) }

    func slots(_ h: Hart, _ n: Int) -> [Int64] {
        let b = h.memory.read(UInt64(Self.slots), count: UInt64(8 * n)) ?? []
        return (0..<n).map { i in Int64(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[8 * i + $1]) << (8 * UInt64($1)) }) }
    }

    func testStateReadWriteDeleteAndRoot() throws {
        let k1 = [UInt8](repeating: 1, count: 32), v1 = [UInt8](repeating: 0xA1, count: 32)
        let k2 = [UInt8](repeating: 2, count: 32), v2 = [UInt8](repeating: 0xB2, count: 32)
        var st = DictState()
        st.map[k1] = v1
        let d = Self.data
        let (r, h, ext) = try exec(data: k1 + k2 + v2 + [UInt8](repeating: 0x55, count: 32), state: st) { p in
            call(&p, .stateRead, d, d + 96); save(&p, 0)            // present → 1, value at d+96
            call(&p, .stateRead, d + 32, d + 128); save(&p, 1)      // absent → 0, zeros
            call(&p, .stateWrite, d + 32, d + 64); save(&p, 2)      // k2 := v2
            call(&p, .stateWrite, d, 0); save(&p, 3)                // delete k1
            call(&p, .stateRead, d, d); save(&p, 4)                 // key and value alias: absent → 0
            call(&p, .stateRoot, d + 160); save(&p, 5)
            call(&p, .stateRead, 0, d); save(&p, 6)                 // bad key → -EFAULT
            call(&p, .stateRead, d, 0x10000); save(&p, 7)           // value into text → -EFAULT
            call(&p, .stateWrite, d, 8); save(&p, 8)                // bad value pointer → -EFAULT
            call(&p, .stateRoot, -8); save(&p, 9)
            p.emit(Asm.ebreak())
        }
        guard case .breakpoint = r else { return XCTFail("\(r)") }
        XCTAssertEqual(slots(h, 10), [1, 0, 0, 0, 0, 0, -14, -14, -14, -14])
        XCTAssertEqual(h.memory.read(UInt64(d + 96), count: 32), v1)
        XCTAssertEqual(h.memory.read(UInt64(d + 128), count: 32), [UInt8](repeating: 0, count: 32))
        XCTAssertEqual(h.memory.read(UInt64(d), count: 32), [UInt8](repeating: 0, count: 32))
        XCTAssertEqual(h.memory.read(UInt64(d + 160), count: 1), [1])
        XCTAssertEqual(ext.state?.map, [k2: v2])
        XCTAssertNil(ext.stop)
    }

    func testUncoveredKeyStopsTheRun() throws {
        let k = [UInt8](repeating: 9, count: 32)
        var st = DictState()
        st.uncovered = [k]
        let (r, _, ext) = try exec(data: k, state: st) { p in
            call(&p, .stateRead, Self.data, Self.data + 32)
            p.exit(0)
        }
        XCTAssertEqual(ext.stop, .witnessIncomplete(key: k, detail: "witness incomplete: test key"))
        XCTAssertEqual(r, .halted(code: 1, reason: "witness incomplete: test key"))
    }

    func testStateRootChargesPerHash() throws {
        let (_, h, _) = try exec(data: [], state: DictState()) { p in
            call(&p, .cycleCount); p.emit(Asm.addi(Reg.s1, Reg.a0, 0))
            call(&p, .stateRoot, Self.data)
            call(&p, .cycleCount); save(&p, 0)
            p.emit(Asm.sd(Reg.s1, Reg.s0, 8), Asm.ebreak())
        }
        let w = slots(h, 2)
        // mv (1), li a0, 0x11000 (lui: 1), li a7 (lui+addiw: 2), ecall (1), base 50, 3 hashes · 200;
        // then li a7 (2), ecall (1), base 50.
        XCTAssertEqual(w[0] - w[1], 1 + 1 + 2 + 1 + 50 + 600 + 2 + 1 + 50)
    }

    func testDebugPrintIsCappedAndRV32PointersAreTruncated() throws {
        let (r, h, ext) = try exec(xlen: 32, data: Array("hello world".utf8), state: nil, mode: .guestManaged, debugLimit: 8) { p in
            call(&p, .debugPrint, Self.data, 5)
            call(&p, .debugPrint, Self.data + 5, 6)
            // RV32: the pointer is the low 32 bits of the register.
            call(&p, .inputMap, 1); p.emit(Asm.sw(Reg.a0, Reg.s0, 0), Asm.sw(Reg.a1, Reg.s0, 4))
            p.emit(Asm.ebreak())
        }
        guard case .breakpoint = r else { return XCTFail("\(r)") }
        XCTAssertEqual(ext.debug, Array("hello wo".utf8))
        XCTAssertEqual(h.memory.read(UInt64(Self.slots), count: 8), [10, 0, 0, 0x40, 10, 0, 0, 0])
    }

    func testNativeCallsStopBeforeWorkWhenOutOfCycles() throws {
        let (r, h, _) = try exec(data: [], state: nil, mode: .guestManaged, cycles: 1000) { p in
            call(&p, .secp256k1Verify, Self.data, Self.data, Self.data)
            p.exit(0)
        }
        guard case .outOfCycles = r else { return XCTFail("\(r)") }
        XCTAssertGreaterThan(h.cycles, 20_000)
    }
}
