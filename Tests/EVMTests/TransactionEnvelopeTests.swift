import XCTest
import EVM
import EVMPrimitives
import NativeCrypto

/// Every transaction type decoded in place, signing hash over the envelope's own bytes: senders and fields
/// from EEST blockchain fixtures (the envelopes as their blocks carry them, the `sender` the fixture states);
/// the rejections of truncated, length-lying and tampered envelopes derived by hand from the encodings.
final class TransactionEnvelopeTests: XCTestCase {
    let crypto = NativeCryptoProvider()

    func decode(_ hex: String) throws -> Transaction { try TransactionDecoder.decode(try Hex.decode(hex), crypto: crypto) }

    func address(_ hex: String) throws -> Address { Address(bytes: try Hex.decode(hex)) }

    /// The error `bytes` is rejected with.
    func rejection(_ bytes: [UInt8]) -> TransactionError? {
        do { _ = try TransactionDecoder.decode(bytes, crypto: crypto) } catch { return error }
        return nil
    }

    // Envelopes from ../shared/fixtures/evm/eest/blockchain_tests (file named above each).

    /// prague/eip2537_bls_12_381_precompiles/test_invalid_zero_gas_g1msm.json: EIP-155, v = 0x25 (chain 1).
    let legacy155 = "f85f800a82a9fb94e62feebf27acfcb873e0b45cb623f97a5623dd1a808025a046cab1bf1c736161a44e24a60f0be8a2ec85ff53bde36d1f5453b45d0d5b9980a078fa028404d3bd45ac82054bf54aebe3159521df1893ae536f3bf96a9ed3ec53"
    /// prague/eip7623_increase_calldata_cost/test_eip_7623.json: pre-EIP-155, v = 0x1c.
    let legacyUnprotected = "f85f800a82521294dbd044f6a8f06f4fbceb8414a68eb46a7d26a45680001ca0dbaa28bc50dba36735660f0e1300c961b9f6b3cc224ba6c62ed4da1bdba50050a0345437d7d4241e4228f876bb2846749cc44e02926a63962b90c1988a7e48173d"
    /// prague/eip7702_set_code_tx/test_eoa_tx_after_set_code.json: EIP-2930 with one access-list entry.
    let accessList = "01f89b01010a8307a12094618ee542b1853c5a53b29f292920eac1071fd3d68080f838f794618ee542b1853c5a53b29f292920eac1071fd3d6e1a0000000000000000000000000000000000000000000000000000000000000000101a086838d812c2d87215ad86afe8cbab7f1d3bc61ee993164057a8eda8520f03561a068dc76f4f241fd478679d7e3a2357099af8e1c14a58bbf808381dab0585f6981"
    /// prague/eip7623_increase_calldata_cost/test_gas_consumption_below_data_floor.json: EIP-1559, no access list.
    let feeMarket = "02f86201808007825212940694f579792e00af8ff2606c7007db64082da3e28000c001a07c3c6e8eb5469fae67994adbf3aa5edec8ac276031c0babf1a80aa4af1c36fe5a025dacdccd766bdb2cfcecb086973e69129b70ef97abc1428bd32efbb5ea12dc3"
    /// cancun/eip4788_beacon_root/test_beacon_root_equal_to_timestamp.json: EIP-1559 with calldata and two keys.
    let feeMarketAccessList = "02f8df01808007830f42409434372be30471fba498f4a2a3b048865faeafb82a80a0000000000000000000000000000000000000000000000000000000000000000cf85bf85994000f3df6d732807ef1319fb7b8bb8522d0beac02f842a0000000000000000000000000000000000000000000000000000000000000000ca0000000000000000000000000000000000000000000000000000000000000200b80a096be2712d19db08423997a2ea2cb3a2f2e43cbbeb57ac34b6f268f28ff9e7533a0199b8515dde8541d4c45c6bdb1b0361de393151c34b18697167c6a5b9b03ab3f"
    /// cancun/eip4844_blobs/test_correct_increasing_blob_gas_costs.json: EIP-4844, one blob.
    let blob = "03f8850180800782afc894b43617b5aa402ca3a389effa7095a181c11962fe0180c002e1a0010000000000000000000000000000000000000000000000000000000000000080a002ea36735f0f417b57203d780c207c4d6d8694b4cc263eb5b81ce36520ceab55a076b70b7304c9c276729c45f14d436a61c87c67db5a4b021e9df6667f6b372bfd"
    /// prague/eip7702_set_code_tx/test_set_code_using_valid_synthetic_signatures.json: EIP-7702, one authorization.
    let setCode = "04f87f01808007830186a0942d54d0fb4a1d79b0ea1eec7a46269c855fb560d88080c0dbda01941cf608969ca8648a1c3fe0d33db3c4ffc730d5308080010180a084a23be8cc1ead51c09254b83176cd2637d39e60f4f6315294a8e44fe2a5a228a071da2987189d6563aff10c7860b68720a902fc9e94e5a953b738dafd3adb18a4"

    func testLegacySendersAndFields() throws {
        let p = try decode(legacy155)
        XCTAssertEqual(p.sender, try address("1fc9c225df39c8a8b5fc849b02c53737960b0275"))
        XCTAssertEqual(p.chainId, 1)
        XCTAssertEqual(p.gasPrice, 10)
        XCTAssertEqual(p.gasLimit, 0xa9fb)
        XCTAssertEqual(p.to, try address("e62feebf27acfcb873e0b45cb623f97a5623dd1a"))
        let u = try decode(legacyUnprotected)
        XCTAssertEqual(u.sender, try address("0226ec03aa2dd416a3e07fd3ea84f8bd605de003"))
        XCTAssertNil(u.chainId)
        XCTAssertEqual(u.data, [0x00])
    }

    func testTypedSendersAndFields() throws {
        let a = try decode(accessList)
        XCTAssertEqual(a.type, 1)
        XCTAssertEqual(a.sender, try address("618ee542b1853c5a53b29f292920eac1071fd3d6"))
        XCTAssertEqual(a.nonce, 1)
        XCTAssertEqual(a.gasLimit, 0x07a120)
        XCTAssertEqual(a.accessList, [AccessListEntry(address: try address("618ee542b1853c5a53b29f292920eac1071fd3d6"),
                                                      storageKeys: [UInt256(1)])])
        let f = try decode(feeMarket)
        XCTAssertEqual(f.sender, try address("8db529a149ef34859fef6e0e195c19f5015745c8"))
        XCTAssertEqual(f.maxPriorityFeePerGas, 0)
        XCTAssertEqual(f.maxFeePerGas, 7)
        let fa = try decode(feeMarketAccessList)
        XCTAssertEqual(fa.sender, try address("766e3836b69a47d245479374c4b43f0d9846e1d4"))
        XCTAssertEqual(fa.data.count, 32)
        XCTAssertEqual(fa.data.last, 0x0c)
        XCTAssertEqual(fa.accessList, [AccessListEntry(address: try address("000f3df6d732807ef1319fb7b8bb8522d0beac02"),
                                                       storageKeys: [UInt256(0x0c), UInt256(0x200b)])])
        let b = try decode(blob)
        XCTAssertEqual(b.type, 3)
        XCTAssertEqual(b.sender, try address("af853a702ab8cb6cd4e821fc682533de98bea09d"))
        XCTAssertEqual(b.maxFeePerBlobGas, 2)
        XCTAssertEqual(b.blobVersionedHashes, [UInt256(1) << 248])
        let s = try decode(setCode)
        XCTAssertEqual(s.type, 4)
        XCTAssertEqual(s.sender, try address("217d61cb1f54cfc8bc4ba67cf105e2df44ff8a2a"))
        XCTAssertEqual(s.authorizationList, [Authorization(chainId: 1, address: try address("1cf608969ca8648a1c3fe0d33db3c4ffc730d530"),
                                                           nonce: 0, yParity: 0, r: 1, s: 1)])
    }

    /// Every proper prefix of an envelope, and every envelope with a byte appended, is malformed.
    func testTruncatedAndExtendedEnvelopesAreMalformed() throws {
        for hex in [legacy155, accessList, feeMarketAccessList, blob, setCode] {
            let bytes = try Hex.decode(hex)
            for n in 0..<bytes.count { XCTAssertEqual(rejection(Array(bytes[0..<n])), .malformedEncoding, "\(hex.prefix(6)) \(n)") }
            XCTAssertEqual(rejection(bytes + [0x80]), .malformedEncoding)
        }
    }

    func testLengthLyingAndNonCanonicalFieldsAreMalformed() throws {
        let legacy = try Hex.decode(legacy155)  // f8 5f | 80 | 0a | 82 a9fb | 94 … | 80 | 80 | 25 | a0 r | a0 s
        var longer = legacy; longer[1] = 0x60  // the list claims one byte more than there is
        XCTAssertEqual(rejection(longer), .malformedEncoding)
        var shorter = legacy; shorter[1] = 0x5e  // the list ends one byte early: a trailing byte
        XCTAssertEqual(rejection(shorter), .malformedEncoding)
        var lyingTo = legacy; lyingTo[7] = 0x95  // `to` claims 21 bytes
        XCTAssertEqual(rejection(lyingTo), .malformedEncoding)
        // The nonce 0 as the byte 0x00 instead of the empty string (a leading zero).
        XCTAssertEqual(rejection([0xf8, 0x5f, 0x00] + legacy[3...]), .malformedEncoding)
        // The gas price 10 as 0x81 0x0a (a single byte below 0x80 must stand for itself); list one longer.
        XCTAssertEqual(rejection([0xf8, 0x60, 0x80, 0x81, 0x0a] + legacy[4...]), .malformedEncoding)
        // A tenth field.
        XCTAssertEqual(rejection([0xf8, 0x60] + legacy[2...] + [0x80]), .malformedEncoding)
        // Eight fields: s left out.
        XCTAssertEqual(rejection([0xf8, 0x3e] + legacy[2..<(legacy.count - 33)]), .malformedEncoding)
        // A typed envelope whose payload is a string, or an empty list.
        XCTAssertEqual(rejection([0x02, 0x80]), .malformedEncoding)
        XCTAssertEqual(rejection([0x02, 0xc0]), .malformedEncoding)
        // An access-list storage key of 31 bytes (its header 0xa0 → 0x9f: the entry's lists no longer add up).
        var key = try Hex.decode(accessList)
        let k = key.firstIndex(of: 0xe1)! + 1
        XCTAssertEqual(key[k], 0xa0)
        key[k] = 0x9f
        XCTAssertEqual(rejection(key), .malformedEncoding)
        // Nesting 100 lists deep inside the data field's place.
        var nested: [UInt8] = [0xc0]
        for _ in 0..<100 { nested = (nested.count < 56 ? [0xc0 + UInt8(nested.count)] : [0xf8, UInt8(nested.count)]) + nested }
        XCTAssertEqual(rejection(nested), .malformedEncoding)
    }

    func testSignatureRejections() throws {
        let legacy = try Hex.decode(legacy155)
        let v = legacy.count - 67
        XCTAssertEqual(legacy[v], 0x25)
        var v30 = legacy; v30[v] = 0x1e  // v = 30: neither 27/28 nor ≥ 35
        XCTAssertEqual(rejection(v30), .invalidSignature)
        // r = 0 (the empty string): list 32 bytes shorter.
        XCTAssertEqual(rejection([0xf8, 0x3f] + legacy[2...v] + [0x80] + legacy[(v + 34)...]), .invalidSignature)
        // s replaced by n − s (> n/2), which EIP-2 forbids.
        let highS = try Hex.decode("98341627668089e51348fccfb4c7ff31c55912f2d2e47ef09652acf665fad3be")
        let s = legacy.count - 32
        XCTAssertEqual(rejection(Array(legacy[..<s]) + highS), .invalidSignature)
        var typed = try Hex.decode(feeMarket)
        let y = typed.count - 67
        XCTAssertEqual(typed[y], 0x01)
        typed[y] = 0x02  // y_parity 2
        XCTAssertEqual(rejection(typed), .invalidSignature)
        // A bit flipped in the signed part recovers another sender.
        var flipped = try Hex.decode(feeMarket)
        flipped[10] ^= 1
        if let tx = try? TransactionDecoder.decode(flipped, crypto: crypto) {
            XCTAssertNotEqual(tx.sender, try address("8db529a149ef34859fef6e0e195c19f5015745c8"))
        }
    }

    func testUnsupportedTypes() {
        XCTAssertEqual(rejection([]), .malformedEncoding)
        for type: UInt8 in [0x00, 0x05, 0x7e, 0x7f, 0xbf] { XCTAssertEqual(rejection([type, 0xc0]), .typeNotSupported) }
    }
}
