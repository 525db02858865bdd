import XCTest
import EVMPrimitives
@testable import MerklePatriciaTrie

/// Root-hash vectors from ethereum/tests TrieTests (https://github.com/ethereum/tests, MIT):
/// trietest.json, trieanyorder.json and hex_encoded_securetrie_test.json. Roots of the secure
/// variants (keys hashed with Keccak-256) and of the larger generated cases were computed with
/// py-trie (`trie.HexaryTrie`, the Ethereum Foundation's Python implementation), which reproduces
/// every published plain root above.
final class TrieVectorTests: XCTestCase {
    typealias Op = (key: String, value: String?)  // nil value: delete

    /// trieanyorder.json: (name, pairs, plain root, secure root).
    static let anyOrder: [(String, [Op], String, String)] = [
        ("singleItem", [("A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")],
         "d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab",
         "e9e2935138352776cad724d31c9fa5266a5c593bb97726dd2a908fe6d53284df"),
        ("dogs", [("doe", "reindeer"), ("dog", "puppy"), ("dogglesworth", "cat")],
         "8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3",
         "d4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585"),
        ("puppy", [("do", "verb"), ("horse", "stallion"), ("doge", "coin"), ("dog", "puppy")],
         "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
         "29b235a58c3c25ab83010c327d5932bcf05324b7d6b1185e650798034783ca9d"),
        ("foo", [("foo", "bar"), ("food", "bass")],
         "17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3",
         "1385f23a33021025d9e87cca5c66c00de06178807b96a9acc92b7d651ccde842"),
        ("smallValues", [("be", "e"), ("dog", "puppy"), ("bed", "d")],
         "3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b",
         "826a4f9f9054a3e980e54b20da992c24fa20467f1ca635115ef4917be66e746f"),
        ("testy", [("test", "test"), ("te", "testy")],
         "8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928",
         "aea54fb6c80499674248a462864c420c9d9f3b3d38c879c12425bade1ad76552"),
        ("hex", [("0x0045", "0x0123456789"), ("0x4500", "0x9876543210")],
         "285505fcabe84badc8aa310e2aae17eddc7d120aabec8a476902c8184b3a3503",
         "bc11c02c8ab456db0c4d2728b6a2a6210d06f26a2ace4f7d8bdfc72ddf2630ab"),
    ]

    /// trietest.json: ordered operations (name, ops, plain root, secure root).
    static let ordered: [(String, [Op], String, String)] = [
        ("emptyValues", [("do", "verb"), ("ether", "wookiedoo"), ("horse", "stallion"), ("shaman", "horse"),
                         ("doge", "coin"), ("ether", nil), ("dog", "puppy"), ("shaman", nil)],
         "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
         "29b235a58c3c25ab83010c327d5932bcf05324b7d6b1185e650798034783ca9d"),
        ("insert-middle-leaf", [("key1aa", "0123456789012345678901234567890123456789xxx"),
                                ("key1", "0123456789012345678901234567890123456789Very_Long"),
                                ("key2bb", "aval3"), ("key2", "short"), ("key3cc", "aval3"),
                                ("key3", "1234567890123456789012345678901")],
         "cb65032e2f76c48b82b5c24b3db8f670ce73982869d38cd39a624f23d62a9e89",
         "0b78f9d797bb49b13f42d435fe5728a81b2260bad28a03c70e2951981560e344"),
        ("branch-value-update", [("abc", "123"), ("abcd", "abcd"), ("abc", "abc")],
         "7a320748f780ad9ad5b0837302075ce0eeba6c26e3d8562c67ccc0f1b273298a",
         "49e73a2203b1e4536484d1bfc6321bc1f7979deca1dc3d0bf4f48edba1edcbb7"),
        ("jeff", [
            ("0x0000000000000000000000000000000000000000000000000000000000000045", "0x22b224a1420a802ab51d326e29fa98e34c4f24ea"),
            ("0x0000000000000000000000000000000000000000000000000000000000000046", "0x67706c2076330000000000000000000000000000000000000000000000000000"),
            ("0x0000000000000000000000000000000000000000000000000000001234567890", "0x697c7b8c961b56f675d570498424ac8de1a918f6"),
            ("0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6", "0x1234567890"),
            ("0x0000000000000000000000007ef9e639e2733cb34e4dfc576d4b23f72db776b2", "0x4655474156000000000000000000000000000000000000000000000000000000"),
            ("0x000000000000000000000000ec4f34c97e43fbb2816cfd95e388353c7181dab1", "0x4e616d6552656700000000000000000000000000000000000000000000000000"),
            ("0x4655474156000000000000000000000000000000000000000000000000000000", "0x7ef9e639e2733cb34e4dfc576d4b23f72db776b2"),
            ("0x4e616d6552656700000000000000000000000000000000000000000000000000", "0xec4f34c97e43fbb2816cfd95e388353c7181dab1"),
            ("0x0000000000000000000000000000000000000000000000000000001234567890", nil),
            ("0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6", "0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000"),
            ("0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000", "0x697c7b8c961b56f675d570498424ac8de1a918f6"),
         ], "9f6221ebb8efe7cff60a716ecb886e67dd042014be444669f0159d8e68b42100", ""),
    ]

    /// trietest.json "branchingTests": 25 addresses inserted then all deleted, giving the empty root.
    static let branchingKeys = [
        "0x04110d816c380812a427968ece99b1c963dfbce6", "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
        "0x0a517d755cebbf66312b30fff713666a9cb917e0", "0x24dd378f51adc67a50e339e8031fe9bd4aafab36",
        "0x293f982d000532a7861ab122bdc4bbfd26bf9030", "0x2cf5732f017b0cf1b1f13a1478e10239716bf6b5",
        "0x31c640b92c21a1f1465c91070b4b3b4d6854195f", "0x37f998764813b136ddf5a754f34063fd03065e36",
        "0x37fa399a749c121f8a15ce77e3d9f9bec8020d7a", "0x4f36659fa632310b6ec438dea4085b522a2dd077",
        "0x62c01474f089b07dae603491675dc5b5748f7049", "0x729af7294be595a0efd7d891c9e51f89c07950c7",
        "0x83e3e5a16d3b696a0314b30b2534804dd5e11197", "0x8703df2417e0d7c59d063caa9583cb10a4d20532",
        "0x8dffcd74e5b5923512916c6a64b502689cfa65e1", "0x95a4d7cccb5204733874fa87285a176fe1e9e240",
        "0x99b2fcba8120bedd048fe79f5262a6690ed38c39", "0xa4202b8b8afd5354e3e40a219bdc17f6001bf2cf",
        "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "0xa9647f4a0a14042d91dc33c0328030a7157c93ae",
        "0xaa6cffe5185732689c18f37a7f86170cb7304c2a", "0xaae4a2e3c51c04606dcb3723456e58f3ed214f45",
        "0xc37a43e940dfb5baf581a0b82b351d48305fc885", "0xd2571607e241ecf590ed94b12d87c94babe36db6",
        "0xf735071cbee190d76b704ce68384fc21e389fbe7",
    ]

    private func apply(_ ops: [Op], secure: Bool) throws -> [UInt8] {
        var trie = MerklePatriciaTrie()
        for op in ops {
            var key = T.bytes(op.key)
            if secure { key = T.keccak.keccak256(key) }
            if let v = op.value { try trie.insert(key: key, value: T.bytes(v)) } else { try trie.remove(key: key) }
        }
        return trie.rootHash(T.keccak)
    }

    func testEmptyRoot() {
        XCTAssertEqual(T.hex(MerklePatriciaTrie().rootHash(T.keccak)), "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        XCTAssertEqual(MerklePatriciaTrie.emptyRootHash, T.keccak.keccak256([0x80]))
        XCTAssertEqual(MerklePatriciaTrie(pairs: []).rootHash(T.keccak), MerklePatriciaTrie.emptyRootHash)
    }

    func testAnyOrderVectors() throws {
        for (name, ops, plain, secure) in Self.anyOrder {
            XCTAssertEqual(T.hex(try apply(ops, secure: false)), plain, name)
            XCTAssertEqual(T.hex(try apply(Array(ops.reversed()), secure: false)), plain, "\(name) reversed")
            XCTAssertEqual(T.hex(try apply(ops, secure: true)), secure, "\(name) secure")
            let pairs = ops.map { (key: T.bytes($0.key), value: T.bytes($0.value!)) }
            XCTAssertEqual(T.hex(MerklePatriciaTrie(pairs: pairs).rootHash(T.keccak)), plain, "\(name) sorted build")
            XCTAssertEqual(T.hex(SecureTrie(pairs: pairs, hasher: T.keccak).rootHash()), secure, "\(name) secure sorted build")
            var st = SecureTrie(hasher: T.keccak)
            for p in pairs { try st.insert(key: p.key, value: p.value) }
            XCTAssertEqual(T.hex(st.rootHash()), secure, "\(name) SecureTrie")
            for p in pairs { XCTAssertEqual(try st.get(key: p.key), p.value) }
        }
    }

    func testOrderedVectors() throws {
        for (name, ops, plain, secure) in Self.ordered {
            XCTAssertEqual(T.hex(try apply(ops, secure: false)), plain, name)
            if !secure.isEmpty { XCTAssertEqual(T.hex(try apply(ops, secure: true)), secure, "\(name) secure") }
            // The same final contents built at once ("" as a value means absent).
            let pairs = ops.map { (key: T.bytes($0.key), value: $0.value.map(T.bytes) ?? []) }
            XCTAssertEqual(T.hex(MerklePatriciaTrie(pairs: pairs).rootHash(T.keccak)), plain, "\(name) sorted build")
        }
    }

    func testEmptyValueInsertDeletes() throws {
        var trie = MerklePatriciaTrie()
        try trie.insert(key: T.bytes("do"), value: T.bytes("verb"))
        try trie.insert(key: T.bytes("do"), value: [])
        XCTAssertEqual(trie.rootHash(T.keccak), MerklePatriciaTrie.emptyRootHash)
        XCTAssertNil(try trie.get(key: T.bytes("do")))
    }

    func testBranchingTests() throws {
        var ops: [Op] = Self.branchingKeys.map { ($0, "something") }
        ops += Self.branchingKeys.map { ($0, nil) }
        XCTAssertEqual(T.hex(try apply(ops, secure: false)), "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
    }

    /// hex_encoded_securetrie_test.json "test1": five accounts of a state trie.
    func testHexEncodedSecureTrie() throws {
        let data = [
            ("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
            ("0x095e7baea6a6c7c4c2dfeb977efac326af552d87", "0xf8440101a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a004bccc5d94f4d1f99aab44369a910179931772f2a5c001c3229f57831c102769"),
            ("0xd2571607e241ecf590ed94b12d87c94babe36db6", "0xf8440180a0ba4b47865c55a341a4a78759bb913cd15c3ee8eaf30a62fa8d1c8863113d84e8a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
            ("0x62c01474f089b07dae603491675dc5b5748f7049", "0xf8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
            ("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba", "0xf8478083019a59a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ]
        var trie = SecureTrie(hasher: T.keccak)
        for (k, v) in data { try trie.insert(key: T.bytes(k), value: T.bytes(v)) }
        XCTAssertEqual(T.hex(trie.rootHash()), "730a444e08ab4b8dee147c9b232fc52d34a223d600031c1e9d25bfc985cbd797")
        let pairs = data.map { (key: T.bytes($0.0), value: T.bytes($0.1)) }
        XCTAssertEqual(T.hex(SecureTrie.rootHash(of: pairs, hasher: T.keccak)), "730a444e08ab4b8dee147c9b232fc52d34a223d600031c1e9d25bfc985cbd797")
    }

    /// Key i = Keccak-256(i as 4 big-endian bytes), value i = (i % 40 + 1) bytes of (i % 251 + 1):
    /// values both shorter and longer than 32 bytes, so nodes are both embedded and hashed.
    static func generatedPairs(_ n: Int) -> [(key: [UInt8], value: [UInt8])] {
        var pairs: [(key: [UInt8], value: [UInt8])] = []
        for i in 0..<n {
            let index = withUnsafeBytes(of: UInt32(i).bigEndian) { Array($0) }
            let value = [UInt8](repeating: UInt8(i % 251 + 1), count: i % 40 + 1)
            pairs.append((key: T.keccak.keccak256(index), value: value))
        }
        return pairs
    }

    func testThousandGeneratedPairs() throws {
        let pairs = Self.generatedPairs(1000)
        let expected = "cff35079ede03f1e8001b4d2b849ef546d0e90cdb6ac00e863b1b74ba12235b1"
        XCTAssertEqual(T.hex(MerklePatriciaTrie(pairs: pairs).rootHash(T.keccak)), expected)
        var trie = MerklePatriciaTrie()
        for p in pairs { try trie.insert(key: p.key, value: p.value) }
        XCTAssertEqual(T.hex(trie.rootHash(T.keccak)), expected)
        for p in pairs { XCTAssertEqual(try trie.get(key: p.key), p.value) }
        XCTAssertNil(try trie.get(key: [UInt8](repeating: 0, count: 32)))
    }

    /// Keys 1…599 as minimal big-endian bytes (one or two bytes): keys of different lengths, many
    /// of them prefixes of others, so branch values are exercised; value i = (i % 3 + 1) bytes of (i % 7 + 1).
    func testVariableLengthKeys() throws {
        let pairs: [(key: [UInt8], value: [UInt8])] = (1..<600).map { i in
            (key: i < 256 ? [UInt8(i)] : [UInt8(i >> 8), UInt8(i & 0xff)],
             value: [UInt8](repeating: UInt8(i % 7 + 1), count: i % 3 + 1))
        }
        let expected = "46ec8323cbfe5ccc94748b86be38d8161b4c64f02e21f81249426ab2e2735f91"
        XCTAssertEqual(T.hex(MerklePatriciaTrie(pairs: pairs).rootHash(T.keccak)), expected)
        var trie = MerklePatriciaTrie()
        for p in pairs.reversed() { try trie.insert(key: p.key, value: p.value) }
        XCTAssertEqual(T.hex(trie.rootHash(T.keccak)), expected)
    }

    func testSortedBuildDuplicatesLastWins() {
        let pairs: [(key: [UInt8], value: [UInt8])] = [
            (T.bytes("dog"), T.bytes("wrong")), (T.bytes("do"), T.bytes("verb")), (T.bytes("dog"), T.bytes("puppy")),
            (T.bytes("doge"), T.bytes("coin")), (T.bytes("horse"), T.bytes("stallion")), (T.bytes("cat"), T.bytes("x")),
            (T.bytes("cat"), []),
        ]
        XCTAssertEqual(T.hex(MerklePatriciaTrie(pairs: pairs).rootHash(T.keccak)), "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84")
    }
}
