import XCTest
@testable import EVMPrecompiles

/// EIP-152 test vectors 0–8, as published in the EIP and in go-ethereum's
/// core/vm/testdata/precompiles/blake2F.json and fail-blake2f.json (LGPL-3.0, credited).
final class Blake2FTests: XCTestCase {
    // h = BLAKE2b-512 IV with the parameter block folded in; m = "abc"; t = 3.
    private static let body =
        "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b"
        + "6bbd41fbabd9831f79217e1319cde05b" + "616263" + String(repeating: "00", count: 125)
        + "0300000000000000" + "0000000000000000"

    private static func input(rounds: String, flag: String) -> [UInt8] { hex(rounds + body + flag) }

    func testVector4ZeroRounds() {
        let out = Blake2F.compress(Self.input(rounds: "00000000", flag: "01"))
        XCTAssertEqual(out.map(hexString),
            "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b"
            + "9442be0454267ce079217e1319cde05b")
        XCTAssertEqual(Blake2F.rounds(Self.input(rounds: "00000000", flag: "01")), 0)
    }

    func testVector5TwelveRoundsIsBlake2bOfAbc() {
        let input = Self.input(rounds: "0000000c", flag: "01")
        XCTAssertEqual(Blake2F.rounds(input), 12)
        XCTAssertEqual(Blake2F.compress(input).map(hexString),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc95"
            + "18d38aa8dbf1925ab92386edd4009923")
    }

    func testVector6NotFinal() {
        XCTAssertEqual(Blake2F.compress(Self.input(rounds: "0000000c", flag: "00")).map(hexString),
            "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b"
            + "4e426ac4f2d3d666a610c2116fde4735")
    }

    func testVector7OneRound() {
        XCTAssertEqual(Blake2F.compress(Self.input(rounds: "00000001", flag: "01")).map(hexString),
            "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923"
            + "de3d64fcc68c034e717b9293fed7a421")
    }

    func testVector8EightMillionRounds() {
        let input = Self.input(rounds: "007A1200", flag: "01")
        XCTAssertEqual(Blake2F.rounds(input), 8_000_000)
        XCTAssertEqual(Blake2F.compress(input).map(hexString),
            "6d2ce9e534d50e18ff866ae92d70cceba79bbcd14c63819fe48752c8aca87a4bb7dcc230d22a4047f0486cfcfb50a17b"
            + "24b2899eb8fca370f22240adb5170189")
    }

    func testInvalidInputs() {
        // Vector 0: empty input.
        XCTAssertNil(Blake2F.compress([]))
        XCTAssertNil(Blake2F.rounds([]))
        // Vector 1: 212 bytes (rounds field one byte short).
        let short = hex("00000c" + Self.body + "01")
        XCTAssertEqual(short.count, 212)
        XCTAssertNil(Blake2F.compress(short))
        XCTAssertNil(Blake2F.rounds(short))
        // Vector 2: 214 bytes.
        let long = hex("000000000c" + Self.body + "01")
        XCTAssertNil(Blake2F.compress(long))
        // Vector 3: final-block flag 2.
        XCTAssertNil(Blake2F.compress(Self.input(rounds: "0000000c", flag: "02")))
        XCTAssertNil(Blake2F.compress(Self.input(rounds: "0000000c", flag: "ff")))
        // The round count is still readable for gas even when the flag is bad.
        XCTAssertEqual(Blake2F.rounds(Self.input(rounds: "0000000c", flag: "02")), 12)
    }
}
