import EVMPrimitives
import Execute
import GuestABI
import RISCVTestSupport
import XCTest

/// Accelerator syscalls against published vectors (FIPS 180-2 / Keccak team / geth precompile tests).
final class AcceleratorTests: XCTestCase {
    func testKeccakAndSha256OfABC() {
        var g = Guest()
        g.call(.keccak256, Guest.data, 3, Guest.data + 64); g.save(0)
        g.call(.sha256, Guest.data, 3, Guest.data + 96); g.save(1)
        g.call(.keccak256, Guest.data, 0, Guest.data + 128)
        g.call(.commit, Guest.data + 64, 96); g.commitSlots(2); g.exit()
        let r = runGuest(g, data: Array("abc".utf8))
        XCTAssertEqual(Array(r.output[0..<32]), hexBytes("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"))
        XCTAssertEqual(Array(r.output[32..<64]), hexBytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        XCTAssertEqual(Array(r.output[64..<96]), hexBytes("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"))
        XCTAssertEqual(words(Array(r.output[96...])), [0, 0])
    }

    func testKeccakF1600OfZeroState() {
        var g = Guest()
        g.call(.keccakF1600, Guest.data)
        g.call(.commit, Guest.data, 16); g.exit()
        let r = runGuest(g)
        // Keccak-f[1600] of the zero state: lanes 0 and 1 (KeccakF-1600-IntermediateValues.txt).
        XCTAssertEqual(words(r.output).map { UInt64(bitPattern: $0) }, [0xF125_8F79_40E1_DDE7, 0x84D5_CCF9_33C0_478A])
    }

    /// geth core/vm/contracts_test.go ecrecover vector (v = 27 → recid 0).
    func testEcrecoverAndVerify() {
        let hash = hexBytes("38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e")
        let r = hexBytes("38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e")
        let s = hexBytes("789d1dd423d25f0772d2748d60f7e4b81bb14d086eba8e8e8efb6dcff8a4ae02")
        var data = hash + r + s                 // 0: hash, 32: sig
        data += [UInt8](repeating: 0, count: 64)  // 96: recovered key
        data += hash.map { $0 ^ 1 }              // 160: another hash
        data += [UInt8](repeating: 0, count: 64)  // 192: zero signature / zero key
        let d = Guest.data
        var g = Guest()
        g.call(.secp256k1Ecrecover, d, d + 32, 0, d + 96); g.save(0)
        g.call(.secp256k1Verify, d, d + 32, d + 96); g.save(1)
        g.call(.secp256k1Verify, d + 160, d + 32, d + 96); g.save(2)
        g.call(.secp256k1Verify, d, d + 32, d + 192); g.save(3)
        g.call(.secp256k1Ecrecover, d, d + 192, 0, d + 256); g.save(4)
        g.call(.secp256k1Ecrecover, d, d + 32, 2, d + 256); g.save(5)
        g.call(.secp256k1Ecrecover, d, 0, 0, d + 256); g.save(6)
        g.call(.commit, d + 96, 64); g.commitSlots(7); g.exit()
        let out = runGuest(g, data: data).output
        let key = Array(out[0..<64])
        XCTAssertEqual(Array(Keccak256.hash(key)[12...]), hexBytes("ceaccac640adf55b2028469bd36ba501f28b699d"))
        XCTAssertEqual(words(Array(out[64...])), [0, 0, 1, -1, 1, 1, -14])  // recid 2: no point for r + n
    }

    func testModexp() {
        let d = Guest.data
        // 0: 3, 8: 5, 16: 7 → 3^5 mod 7 = 5. 32: 2, 40: p − 1, 48: p = 4294967291 (prime) → 1.
        var data = [UInt8](repeating: 0, count: 64)
        data[0] = 3; data[8] = 5; data[16] = 7; data[32] = 2
        data[40..<44] = [0xFF, 0xFF, 0xFF, 0xFA]; data[48..<52] = [0xFF, 0xFF, 0xFF, 0xFB]
        var g = Guest()
        g.call(.modexp, d, 1, d + 8, 1, d + 16, 1, d + 100); g.save(0)
        g.call(.modexp, d + 32, 1, d + 40, 4, d + 48, 4, d + 104); g.save(1)
        g.call(.modexp, d, 1, d + 8, 1, d + 56, 4, d + 108); g.save(2)   // zero modulus → zeros
        g.call(.modexp, d, 1, d + 8, 1 << 40, d + 16, 1, d + 100); g.save(3) // exponent beyond guest memory → -EFAULT
        g.call(.commit, d + 100, 12); g.commitSlots(4); g.exit()
        var data2 = data + [UInt8](repeating: 0, count: 64)
        data2[108..<112] = [9, 9, 9, 9]
        let out = runGuest(g, data: data2).output
        XCTAssertEqual(Array(out[0..<12]), [5, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
        XCTAssertEqual(words(Array(out[12...])), [0, 0, 0, -14])
    }

    func testModexpHugeExponentIsMeteredNotRun() {
        // 1024-byte exponent of 0xFF…: EIP-2565 gas = max(200, 1·(8·992 + 255)/3) = 2730 → 27 300 cycles.
        let d = Guest.data
        var data = [UInt8](repeating: 0xFF, count: 1024)
        data += [1, 7]
        var g = Guest()
        g.call(.cycleCount); g.p.emit(Asm.addi(Reg.s1, Reg.a0, 0))
        g.call(.modexp, d + 1024, 1, d, 1024, d + 1025, 1, d + 1030); g.save(0)
        g.call(.cycleCount); g.save(1); g.save(2, Reg.s1)
        g.commitSlots(3); g.exit()
        let w = words(runGuest(g, data: data).output)
        XCTAssertEqual(w[0], 0)
        // Instructions between the two counters: mv + 7 li (each ≤ 2) + ecall + li a7 + ecall; costs 50 + 27 300 + 50.
        XCTAssertGreaterThanOrEqual(w[1] - w[2], 27_400)
        XCTAssertLessThan(w[1] - w[2], 27_430)
    }

    func testU256Mulmod() {
        let d = Guest.data
        var data = [UInt8](repeating: 0, count: 256)
        data[0] = 10; data[32] = 20; data[64] = 7                      // 10·20 mod 7 = 4
        data[96 + 31] = 0x80; data[128] = 2                              // 2^255 · 2 mod (2^256 − 1) = 1
        for i in 160..<192 { data[i] = 0xFF }
        var g = Guest()
        g.call(.u256Mulmod, d, d + 32, d + 64, d + 192); g.save(0)
        g.call(.u256Mulmod, d + 96, d + 128, d + 160, d + 224); g.save(1)
        g.call(.u256Mulmod, d, d + 32, d + 256, d + 64); g.save(2)      // m = 0 → 0 (written over m's slot)
        g.call(.commit, d + 192, 64); g.call(.commit, d + 64, 32); g.commitSlots(3); g.exit()
        let out = runGuest(g, data: data + [UInt8](repeating: 0, count: 64)).output
        var e1 = [UInt8](repeating: 0, count: 32); e1[0] = 4
        var e2 = [UInt8](repeating: 0, count: 32); e2[0] = 1
        XCTAssertEqual(Array(out[0..<32]), e1)
        XCTAssertEqual(Array(out[32..<64]), e2)
        XCTAssertEqual(Array(out[64..<96]), [UInt8](repeating: 0, count: 32))
        XCTAssertEqual(words(Array(out[96...])), [0, 0, 0])
    }
}
