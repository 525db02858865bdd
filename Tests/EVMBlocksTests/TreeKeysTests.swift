import EVM
import EVMPrimitives
import NativeCrypto
import StatelessEVM
import XCTest
@testable import EVMBlocks

/// EIP-7864 key derivation and code chunking against vectors computed with Python's hashlib.sha256 from the
/// EIP's pseudocode (`get_tree_key`, `get_tree_key_for_storage_slot`, `get_tree_key_for_code_chunk`,
/// `chunkify_code`), address 0x7e5f4552091a69125d5dfcb7b8c2659029395bdf.
final class TreeKeysTests: XCTestCase {
    let address = Address(bytes: hex("7e5f4552091a69125d5dfcb7b8c2659029395bdf"))
    let crypto = NativeCryptoProvider()

    func key(_ loc: (treeIndex: UInt256, subindex: UInt8)) -> String {
        hexString(TreeKeys.key(stem: TreeKeys.stem(address, treeIndex: loc.treeIndex, crypto: crypto), subindex: loc.subindex).bigEndianBytes)
    }

    func testKeysMatchThePythonOracle() {
        XCTAssertEqual(key((.zero, TreeKeys.basicDataLeafKey)), "e72caa5301f7d5f4ad2a00617dd4af36399b2bef645046a4d42987650ae46600")
        XCTAssertEqual(key(TreeKeys.storageLocation(UInt256(5))), "e72caa5301f7d5f4ad2a00617dd4af36399b2bef645046a4d42987650ae46645")
        XCTAssertEqual(key(TreeKeys.storageLocation(UInt256(0x1234))), "bd41c154c758ea493469cdc35c82ba2dcadf9d045a9a5aed4461bfa5143f7b34")
        XCTAssertEqual(key(TreeKeys.storageLocation(UInt256.max)), "ccfe000079b1231df97b2c9ca8e78b7442c906c4e949463c4be06ec074dbd8ff")
        XCTAssertEqual(key(TreeKeys.codeChunkLocation(200)), "5148534c9553bf73be911ce74db8b45ced750c93e958cc2709bc71e91170b848")
    }

    func testChunkifyMatchesTheEIPAlgorithm() {
        // PUSH1 01, 27 × STOP, PUSH4 99 98 | 97 96 (split across chunks), PUSH1 80, MSTORE, PUSH32 01…20, STOP.
        let code: [UInt8] = [0x60, 0x01] + [UInt8](repeating: 0, count: 27) + [0x63, 0x99, 0x98, 0x97, 0x96, 0x60, 0x80, 0x52, 0x7f]
            + (1...32).map { UInt8($0) } + [0x00]
        let chunks = CodeChunks.chunkify(code).map { hexString($0.bigEndianBytes) }
        XCTAssertEqual(chunks, [
            "0060010000000000000000000000000000000000000000000000000000006399",
            "039897966080527f0102030405060708090a0b0c0d0e0f101112131415161718",
            "08191a1b1c1d1e1f200000000000000000000000000000000000000000000000",
        ])
        var back: [UInt8] = []
        for c in CodeChunks.chunkify(code) { CodeChunks.appendCode(of: c, into: &back) }
        XCTAssertEqual(Array(back.prefix(code.count)), code)
    }

    func testBasicDataPacking() {
        let b = BasicData(codeSize: 0x0102_03, nonce: 0x1122_3344_5566_7788, balance: UInt256(w0: 0xaa, w1: 0xbb, w2: 0, w3: 0))
        XCTAssertEqual(hexString(b.leaf!.bigEndianBytes),
                       "0000000000010203" + "1122334455667788" + "00000000000000bb" + "00000000000000aa")
        XCTAssertEqual(BasicData(leaf: b.leaf!), b)
        XCTAssertNil(BasicData(codeSize: 0, nonce: 0, balance: UInt256(w0: 0, w1: 0, w2: 1, w3: 0)).leaf)
    }
}
