import Foundation
import XCTest

/// The eth-act zkVM standards' static-library rule (eth-act/zkvm-standards d5f1813): libzkvm_rvx.a defines
/// every function that standards/c-interface-accelerators/zkvm_accelerators.h and standards/io-interface declare,
/// plus `abort` (standard-termination-semantics) and `_start` (static-library-and-linker-script proposal ef1aff4:
/// one archive with the entry point, the IO and every accelerator). Checked with nm on both XLENs.
final class StandardLinkTests: XCTestCase {
    /// The functions the standard declares at d5f1813 (its accelerator header and the IO interface).
    static let standardSymbols = [
        "zkvm_keccak256", "zkvm_sha256", "zkvm_ripemd160", "zkvm_blake2f",
        "zkvm_secp256k1_verify", "zkvm_secp256k1_ecrecover", "zkvm_secp256r1_verify", "zkvm_modexp",
        "zkvm_bn254_g1_add", "zkvm_bn254_g1_mul", "zkvm_bn254_pairing", "zkvm_kzg_point_eval",
        "zkvm_bls12_g1_add", "zkvm_bls12_g1_msm", "zkvm_bls12_g2_add", "zkvm_bls12_g2_msm",
        "zkvm_bls12_pairing", "zkvm_bls12_map_fp_to_g1", "zkvm_bls12_map_fp2_to_g2",
        "read_input", "write_output", "abort", "_start",
    ]

    /// Every function rvx's standard headers (guest/sdk/include/zkvm_*.h) declare, rvx's additions included.
    static func declaredInHeaders() throws -> Set<String> {
        let dir = RepoPaths.root.appendingPathComponent("guest/sdk/include")
        var names = Set<String>()
        let declaration = try NSRegularExpression(pattern: #"^[A-Za-z_][A-Za-z0-9_ ]*[ *]([A-Za-z_][A-Za-z0-9_]*)\("#,
                                                  options: .anchorsMatchLines)
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasPrefix("zkvm_") {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for m in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        return names
    }

    /// The global symbols `object` defines in its text section (nm type T).
    static func definedText(_ object: URL) throws -> Set<String> {
        guard let nm = HostProcess.which("riscv64-unknown-elf-nm") else { throw GuestTestError.missingTool("riscv64-unknown-elf-nm") }
        let r = try HostProcess.run(nm, ["-g", "--defined-only", object.path])
        XCTAssertEqual(r.exitStatus, 0, String(decoding: r.stderr, as: UTF8.self))
        var names = Set<String>()
        for line in String(decoding: r.stdout, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count == 3, f[1] == "T" { names.insert(String(f[2])) }
        }
        return names
    }

    func testHeadersDeclareTheStandardFunctions() throws {
        let declared = try Self.declaredInHeaders()
        XCTAssertEqual(Set(Self.standardSymbols).subtracting(declared).subtracting(["abort", "_start"]), [])
        XCTAssertTrue(declared.contains("zkvm_keccak_f1600"), "\(declared.sorted())")
    }

    func testLibraryDefinesEveryStandardSymbol() throws {
        try GuestBuild.ensureBuilt()
        let wanted = Set(Self.standardSymbols).union(try Self.declaredInHeaders())
        for xlen in [32, 64] {
            let sdk = RepoPaths.guestBuild.appendingPathComponent("rv\(xlen)/sdk")
            let defined = try Self.definedText(sdk.appendingPathComponent("libzkvm_rvx.a"))
            XCTAssertEqual(wanted.subtracting(defined).sorted(), [], "RV\(xlen): libzkvm_rvx.a lacks these")
        }
    }
}
