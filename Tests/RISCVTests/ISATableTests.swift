import Foundation
import XCTest
@testable import RISCV

/// The instruction table (Sources/CRISCVCore/isa.py) against the files generated from it and against the
/// hand-written decoder (RISC-V Unprivileged ISA 20191213, "RV32/64G Instruction Set Listings").
final class ISATableTests: XCTestCase {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Op.swift, rvx_ops.h, core_ops.inc and the translator's templates equal the generator's output.
    func testGeneratedFilesAreCurrent() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.root.appendingPathComponent("Sources/CRISCVCore/gen_isa.py").path, "--check"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, text)
    }

    /// Every decode key of the table decodes to its operation, and the operations the decoder makes from
    /// context (far jumps, AUIPC, faults) have no key.
    func testDecoderAgreesWithTheTable() {
        var covered = Set<Op>()
        for (op, xlen, opcode, f3, f7) in Op.decodeKeys {
            // Jump and branch offsets zero (the target is the instruction itself, inside the code).
            let rd: UInt32 = opcode == 0x63 ? 0 : 5 << 7, fields: UInt32 = opcode == 0x6F ? 0 : 6 << 15 | 7 << 20
            let w = opcode | rd | (f3 ?? 0) << 12 | fields | (f7 ?? 0) << 25
            let ins = Decoder(xlen: xlen, codeBase: 0, codeCount: 16).decode(w, pc: 0)
            XCTAssertEqual(ins.op, op, "\(xlen) word \(String(w, radix: 16))")
            covered.insert(op)
        }
        let contextual: Set<Op> = [.illegal, .fetchFault, .auipc, .jalFar, .branchFar, .ecall, .ebreak]
        XCTAssertEqual(Set(Op.allCases).subtracting(covered), contextual)
    }

    /// Mnemonics, block ends and C operations come from the table: spot checks against the ISA manual.
    func testTableColumns() {
        XCTAssertEqual(Op.addw.mnemonic(.rv32), "add")
        XCTAssertEqual(Op.addw.mnemonic(.rv64), "addw")
        XCTAssertEqual(Op.mulhu32.mnemonic(.rv32), "mulhu")
        XCTAssertTrue(Op.jalr.endsBlock && Op.bgeu.endsBlock && Op.ecall.endsBlock && Op.illegal.endsBlock)
        XCTAssertFalse(Op.sd.endsBlock || Op.fence.endsBlock || Op.auipc.endsBlock)
        XCTAssertEqual(Hart.coreOp(.ebreak), 0)
        XCTAssertEqual(Hart.coreOp(.li), 1)
        XCTAssertEqual(Set(Op.allCases.map { Hart.coreOp($0) }).count, Op.allCases.count - 4)   // the five EXIT rows share 0
    }
}
