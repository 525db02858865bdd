import Foundation
import EVMPrimitives

/// One transaction of a zkevm-benchmark-workload stateless input (`StatelessJSON`) re-encoded as its EIP-2718
/// bytes: legacy (`rlp([nonce, gasPrice, gas, to, value, data, v, r, s])`, EIP-155 v when `chain_id` is given),
/// EIP-2930 (type 1), EIP-1559 (type 2), EIP-4844 (type 3) and EIP-7702 (type 4, with its authorization list)
/// payloads in the field order of their EIPs.
enum StatelessJSONTransaction {
    typealias Failure = StatelessJSON.Failure

    static func encode(_ t: [String: Any], _ p: String) throws(Failure) -> [UInt8] {
        let sig = try StatelessJSON.object(t, "signature", p)
        let tx = try StatelessJSON.object(t, "transaction", p)
        guard tx.count == 1, let (kind, body) = tx.first, let f = body as? [String: Any] else {
            throw Failure(path: "\(p).transaction", problem: "expected one of Legacy, Eip2930, Eip1559, Eip4844, Eip7702")
        }
        let q = "\(p).transaction.\(kind)"
        let sp = "\(p).signature"
        let yKey = sig["yParity"] != nil ? "yParity" : "y_parity"
        let y = try StatelessJSON.u64(sig, yKey, sp)
        guard y <= 1 else { throw Failure(path: "\(sp).\(yKey)", problem: "not 0 or 1") }
        let r = try StatelessJSON.integer(sig, "r", sp), s = try StatelessJSON.integer(sig, "s", sp)
        var fields = RLPFields()
        func int(_ k: String) throws(Failure) { fields.integer(try StatelessJSON.integer(f, k, q)) }
        let type: UInt8?
        switch kind {
        case "Legacy":
            for k in ["nonce", "gas_price", "gas_limit"] { try int(k) }
            fields.bytes(try destination(f, q))
            try int("value")
            fields.bytes(try StatelessJSON.bytes(f, "input", q))
            var v = UInt256(UInt64(27) + y)
            if f["chain_id"] != nil && !(f["chain_id"] is NSNull) {
                v = UInt256(bigEndian: try StatelessJSON.integer(f, "chain_id", q)) &* UInt256(2) &+ UInt256(35 + y)
            }
            fields.integer(v.bigEndianBytes)
            type = nil
        case "Eip2930", "Eip1559", "Eip4844", "Eip7702":
            try int("chain_id")
            try int("nonce")
            if kind == "Eip2930" { try int("gas_price") } else {
                try int("max_priority_fee_per_gas")
                try int("max_fee_per_gas")
            }
            try int("gas_limit")
            fields.bytes(try destination(f, q))
            try int("value")
            fields.bytes(try StatelessJSON.bytes(f, "input", q))
            fields.raw(try accessList(f, q))
            if kind == "Eip4844" {
                try int("max_fee_per_blob_gas")
                var hashes = RLPFields()
                for (i, h) in try StatelessJSON.array(f, "blob_versioned_hashes", q).enumerated() {
                    guard let h = h as? String, let b = try? Hex.decode(h), b.count == 32 else {
                        throw Failure(path: "\(q).blob_versioned_hashes[\(i)]", problem: "not a 32-byte hash")
                    }
                    hashes.bytes(b)
                }
                fields.raw(hashes.list())
            }
            if kind == "Eip7702" { fields.raw(try authorizationList(f, q)) }
            fields.integer(y == 0 ? [] : [1])
            type = kind == "Eip2930" ? 1 : kind == "Eip1559" ? 2 : kind == "Eip4844" ? 3 : 4
        default:
            throw Failure(path: "\(p).transaction", problem: "transaction type \(kind) not supported")
        }
        if kind == "Legacy" || type != nil {
            fields.integer(r)
            fields.integer(s)
        }
        return (type.map { [$0] } ?? []) + fields.list()
    }

    /// `to`: 20 bytes, or empty for a contract creation (absent, null or "0x").
    static func destination(_ f: [String: Any], _ q: String) throws(Failure) -> [UInt8] {
        guard let v = f["to"], !(v is NSNull) else { return [] }
        let b = try StatelessJSON.bytes(f, "to", q)
        guard b.isEmpty || b.count == 20 else { throw Failure(path: "\(q).to", problem: "not an address") }
        return b
    }

    /// `authorization_list` (EIP-7702): `[{chain_id, address, nonce, y_parity, r, s}]` (camel-case keys and an
    /// `inner` object holding the first three accepted) → `rlp([[chain_id, address, nonce, y_parity, r, s]…])`.
    static func authorizationList(_ f: [String: Any], _ q: String) throws(Failure) -> [UInt8] {
        var list = RLPFields()
        for (i, e) in try StatelessJSON.array(f, "authorization_list", q).enumerated() {
            let p = "\(q).authorization_list[\(i)]"
            guard let e = e as? [String: Any] else { throw Failure(path: p, problem: "not an object") }
            let inner = e["inner"] as? [String: Any] ?? e
            let ip = e["inner"] != nil ? "\(p).inner" : p
            func key(_ o: [String: Any], _ snake: String, _ camel: String) -> String { o[snake] != nil ? snake : camel }
            var item = RLPFields()
            item.integer(try StatelessJSON.integer(inner, key(inner, "chain_id", "chainId"), ip))
            item.bytes(try StatelessJSON.address(inner, "address", ip).bytes)
            item.integer(try StatelessJSON.integer(inner, "nonce", ip))
            // Any y_parity below 2^8 is valid in the transaction; the EVM skips an authorization whose is not 0 or 1.
            let yKey = key(e, "y_parity", "yParity")
            let y = try StatelessJSON.u64(e, yKey, p)
            guard y < 256 else { throw Failure(path: "\(p).\(yKey)", problem: "not below 2^8") }
            item.integer(y == 0 ? [] : [UInt8(y)])
            item.integer(try StatelessJSON.integer(e, "r", p))
            item.integer(try StatelessJSON.integer(e, "s", p))
            list.raw(item.list())
        }
        return list.list()
    }

    /// `access_list`: `[{address, storage_keys}]` → `rlp([[address, [key…]]…])`.
    static func accessList(_ f: [String: Any], _ q: String) throws(Failure) -> [UInt8] {
        var list = RLPFields()
        for (i, e) in try StatelessJSON.array(f, "access_list", q).enumerated() {
            let p = "\(q).access_list[\(i)]"
            guard let e = e as? [String: Any] else { throw Failure(path: p, problem: "not an object") }
            var item = RLPFields()
            item.bytes(try StatelessJSON.address(e, "address", p).bytes)
            var keys = RLPFields()
            let keyField = e["storage_keys"] != nil ? "storage_keys" : "storageKeys"
            for (j, k) in try StatelessJSON.array(e, keyField, p).enumerated() {
                guard let k = k as? String, let b = try? Hex.decode(k), b.count == 32 else {
                    throw Failure(path: "\(p).\(keyField)[\(j)]", problem: "not a 32-byte key")
                }
                keys.bytes(b)
            }
            item.raw(keys.list())
            list.raw(item.list())
        }
        return list.list()
    }
}

/// The payload of an RLP list being built field by field.
struct RLPFields {
    var payload: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { RLP.encodeBytes(b, into: &payload) }
    mutating func integer(_ bigEndian: [UInt8]) { RLP.encodeBigEndianInteger(bigEndian, into: &payload) }
    mutating func raw(_ encoded: [UInt8]) { payload.append(contentsOf: encoded) }
    func list() -> [UInt8] {
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &out)
        return out + payload
    }
}
