import XCTest
import CryptoVectors
import EVM
import EVMPrecompiles
import EVMPrimitives
import NativeCrypto
import StatelessEVM

/// The curve precompiles through the guest's accelerator syscalls (evm-guest: BLS12_*, KZG_POINT_EVAL,
/// SECP256R1_VERIFY) and through pure Swift in the guest (evm-guest-noaccel) and natively: for every
/// known-answer vector of CryptoVectors (py_ecc, ckzg, OpenSSL oracles) plus malformed inputs, one contract
/// calls the precompile and stores success, RETURNDATASIZE and the output words. Each guest's verdict is true
/// for the native post-state root (so its stored bytes equal the native ones), and the native storage holds
/// exactly the oracle's output bytes.
final class CurveAcceleratorGuestTests: XCTestCase {
    struct Vector {
        var name: String
        var precompile: UInt64
        var input: [UInt8]
        var output: [UInt8]?  // nil: the call fails
    }

    static func hex(_ s: String) -> [UInt8] { try! Hex.decode(s) }

    static func bls(_ address: UInt64, _ vs: [(name: String, input: String, expected: String)]) -> [Vector] {
        vs.map { Vector(name: "0x\(String(address, radix: 16)) \($0.name)", precompile: address, input: hex($0.input), output: hex($0.expected)) }
    }

    static var vectors: [Vector] {
        var v = bls(0x0b, BLS12381Vectors.g1Add) + bls(0x0c, BLS12381Vectors.g1MSM) + bls(0x0d, BLS12381Vectors.g2Add)
            + bls(0x0e, BLS12381Vectors.g2MSM) + bls(0x0f, BLS12381Vectors.pairing) + bls(0x10, BLS12381Vectors.mapG1)
            + bls(0x11, BLS12381Vectors.mapG2)
        let scalar = [UInt8](repeating: 0, count: 31) + [3]
        let g1Bad = hex(BLS12381Vectors.g1OutsideSubgroup), g2Bad = hex(BLS12381Vectors.g2OutsideSubgroup)
        let g1Add0 = hex(BLS12381Vectors.g1Add[0].input)
        var highCoordinate = g1Add0
        for i in 16..<64 { highCoordinate[i] = 0xff }  // x ≥ p
        v += [Vector(name: "G1MSM outside subgroup", precompile: 0x0c, input: g1Bad + scalar, output: nil),
              Vector(name: "G2MSM outside subgroup", precompile: 0x0e, input: g2Bad + scalar, output: nil),
              Vector(name: "pairing G2 outside subgroup", precompile: 0x0f,
                     input: Array(hex(BLS12381Vectors.pairing[0].input)[0..<128]) + g2Bad, output: nil),
              Vector(name: "G1ADD truncated", precompile: 0x0b, input: Array(g1Add0.dropLast()), output: nil),
              Vector(name: "G1ADD x ≥ p", precompile: 0x0b, input: highCoordinate, output: nil),
              Vector(name: "pairing empty", precompile: 0x0f, input: [], output: nil),
              Vector(name: "map padding not zero", precompile: 0x10,
                     input: [1] + Array(hex(BLS12381Vectors.mapG1[0].input).dropFirst()), output: nil)]
        let crypto = NativeCryptoProvider()
        for c in KZGVectors.cases {
            let commitment = hex(c.commitment)
            var versioned = crypto.sha256(commitment)
            versioned[0] = 0x01
            let out = c.expected == true ? Precompiles.pointEvaluationOutput : nil
            v.append(Vector(name: "KZG \(c.name)", precompile: 0x0a,
                            input: versioned + hex(c.z) + hex(c.y) + commitment + hex(c.proof), output: out))
        }
        for c in P256Vectors.cases {
            let valid = [UInt8](repeating: 0, count: 31) + [1]
            v.append(Vector(name: "P256 \(c.name)", precompile: 0x100,
                            input: hex(c.hash) + hex(c.r) + hex(c.s) + hex(c.x) + hex(c.y), output: c.expected ? valid : []))
        }
        return v
    }

    /// CALLDATACOPY(0, 0, CDS); ok = CALL(GAS, precompile, 0, 0, CDS, 0, 0); SSTORE(0x100, ok);
    /// SSTORE(0x101, RETURNDATASIZE); RETURNDATACOPY(CDS, 0, RETURNDATASIZE); SSTORE(i, MLOAD(CDS + 32 i)), i < 8.
    static func forwarder(_ precompile: UInt64) -> [UInt8] {
        var code: [UInt8] = [0x36, 0x60, 0x00, 0x60, 0x00, 0x37,
                             0x60, 0x00, 0x60, 0x00, 0x36, 0x60, 0x00, 0x60, 0x00,
                             0x61, UInt8(precompile >> 8), UInt8(precompile & 0xff), 0x5a, 0xf1,
                             0x61, 0x01, 0x00, 0x55, 0x3d, 0x61, 0x01, 0x01, 0x55,
                             0x3d, 0x60, 0x00, 0x36, 0x3e]
        for i in 0..<8 { code += [0x36, 0x60, UInt8(32 * i), 0x01, 0x51, 0x60, UInt8(i), 0x55] }
        return code + [0x00]
    }

    func testCurvePrecompilesAgreeAcrossAcceleratorsAndPureSwift() throws {
        let vectors = Self.vectors
        XCTAssertEqual(vectors.count, 97)
        let addresses = vectors.indices.map { Address(low: 0xc0de_0000 + UInt64($0)) }
        let pre = GuestRunner.preState(vectors.indices.map { (addresses[$0], Self.forwarder(vectors[$0].precompile)) })
        let txs = try GuestRunner.calls(vectors.indices.map { (addresses[$0], vectors[$0].input) }, gasLimit: 16_000_000)
        let r = try GuestRunner.run(pre: pre, fork: .osaka, txs: txs, blockGasLimit: 1 << 40,
                                    programs: ["evm-guest", "evm-guest-noaccel"])
        for (i, v) in vectors.enumerated() {
            func slot(_ k: UInt64) -> UInt256 { r.post.storage(addresses[i], UInt256(k)) }
            let out = v.output ?? []
            XCTAssertEqual(slot(0x100), UInt256(v.output == nil ? 0 : 1), v.name)
            XCTAssertEqual(slot(0x101), UInt256(UInt64(out.count)), v.name)
            let padded = out + [UInt8](repeating: 0, count: 256 - out.count)
            for w in 0..<8 {
                XCTAssertEqual(slot(UInt64(w)), UInt256(bigEndian: Array(padded[32 * w..<32 * w + 32])), "\(v.name) word \(w)")
            }
        }
        XCTAssertEqual(r.guests.count, 4)
        for (label, statuses) in r.guests { XCTAssertEqual(statuses, [TxStatus](repeating: .success, count: vectors.count), label) }
        for (label, c) in r.cycles.sorted(by: { $0.key < $1.key }) { print("curve vectors: \(label) \(c) cycles") }
    }
}
