import Foundation
import EVM
import EVMPrimitives

/// Errors reading a state-test fixture.
public enum FixtureError: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .unreadable(let s): return "cannot read fixture: \(s)"
        case .malformed(let s): return "malformed fixture: \(s)"
        }
    }
}

/// One GeneralStateTests test (ethereum/tests format, see fixtures MANIFEST.md): pre-state, block environment,
/// templated transaction and expected post-state per fork.
public struct StateTestFixture {
    public struct PostCase {
        public var data: Int
        public var gas: Int
        public var value: Int
        public var hash: [UInt8]
        public var logs: [UInt8]
        public var txbytes: [UInt8]
        public var expectException: String?
    }

    public struct TransactionTemplate {
        public var data: [[UInt8]]
        /// nil where the fixture's value does not fit in 256 bits (the transaction is then invalid).
        public var gasLimit: [UInt256?]
        public var value: [UInt256?]
        public var accessLists: [[AccessListEntry]?]
        public var nonce: UInt64
        public var to: Address?
        public var sender: Address
        public var gasPrice: UInt256?
        public var maxFeePerGas: UInt256?
        public var maxPriorityFeePerGas: UInt256?
        public var maxFeePerBlobGas: UInt256?
        public var blobVersionedHashes: [UInt256]?
        /// EIP-7702 `authorizationList` (its presence makes the transaction type 4).
        public var authorizationList: [Authorization]?
    }

    public var name: String
    public var pre: InMemoryState
    public var env: [String: String]
    public var transaction: TransactionTemplate
    /// Fork name → cases, in fixture order.
    public var post: [(fork: String, cases: [PostCase])]

    /// Parses every test of a fixture file.
    public static func load(path: String) throws -> [StateTestFixture] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FixtureError.unreadable(path) }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError.malformed("top level is not an object")
        }
        var out: [StateTestFixture] = []
        for name in root.keys.sorted() {
            guard let t = root[name] as? [String: Any] else { throw FixtureError.malformed(name) }
            out.append(try parse(name: name, t))
        }
        return out
    }

    static func parse(name: String, _ t: [String: Any]) throws -> StateTestFixture {
        guard let env = t["env"] as? [String: String], let preJSON = t["pre"] as? [String: Any],
              let tx = t["transaction"] as? [String: Any], let postJSON = t["post"] as? [String: Any]
        else { throw FixtureError.malformed("\(name): missing env/pre/transaction/post") }
        var pre = InMemoryState()
        let hasher = SwiftKeccak()
        for (addrHex, v) in preJSON {
            guard let a = v as? [String: Any] else { throw FixtureError.malformed("\(name): pre \(addrHex)") }
            let code = try bytes(a["code"])
            var storage: [UInt256: UInt256] = [:]
            for (k, val) in (a["storage"] as? [String: String]) ?? [:] {
                let value = try word(val)
                if !value.isZero { storage[try word(k)] = value }
            }
            let account = Account(nonce: try word(a["nonce"]).uint64 ?? .max, balance: try word(a["balance"]),
                                  code: code, codeHash: UInt256(bigEndian: hasher.keccak256(code)))
            pre.entries[try address(addrHex)] = InMemoryState.Entry(account: account, storage: storage)
        }
        var template = TransactionTemplate(
            data: try (tx["data"] as? [String] ?? []).map { try bytes($0) },
            gasLimit: try (tx["gasLimit"] as? [String] ?? []).map { try bigWord($0) },
            value: try (tx["value"] as? [String] ?? []).map { try bigWord($0) },
            accessLists: [],
            nonce: try word(tx["nonce"]).uint64 ?? .max,
            to: nil,
            sender: try address(tx["sender"] as? String ?? ""),
            gasPrice: try optionalWord(tx["gasPrice"]),
            maxFeePerGas: try optionalWord(tx["maxFeePerGas"]),
            maxPriorityFeePerGas: try optionalWord(tx["maxPriorityFeePerGas"]),
            maxFeePerBlobGas: try optionalWord(tx["maxFeePerBlobGas"]),
            blobVersionedHashes: try (tx["blobVersionedHashes"] as? [String])?.map { try word($0) })
        if let to = tx["to"] as? String, !to.isEmpty { template.to = try address(to) }
        if let list = tx["authorizationList"] as? [[String: Any]] {
            template.authorizationList = try list.map { a in
                Authorization(chainId: try word(a["chainId"]), address: try address(a["address"] as? String ?? ""),
                              nonce: try word(a["nonce"]), yParity: try word(a["yParity"] ?? a["v"]),
                              r: try word(a["r"]), s: try word(a["s"]))
            }
        }
        if let lists = tx["accessLists"] as? [Any] {
            template.accessLists = try lists.map { l -> [AccessListEntry]? in
                guard let entries = l as? [[String: Any]] else { return nil }
                return try entries.map { e in
                    AccessListEntry(address: try address(e["address"] as? String ?? ""),
                                    storageKeys: try (e["storageKeys"] as? [String] ?? []).map { try word($0) })
                }
            }
        }
        var post: [(fork: String, cases: [PostCase])] = []
        for fork in postJSON.keys.sorted() {
            guard let cases = postJSON[fork] as? [[String: Any]] else { continue }
            post.append((fork, try cases.map { c in
                let idx = c["indexes"] as? [String: Int] ?? [:]
                return PostCase(data: idx["data"] ?? 0, gas: idx["gas"] ?? 0, value: idx["value"] ?? 0,
                                hash: try bytes(c["hash"]), logs: try bytes(c["logs"]), txbytes: try bytes(c["txbytes"]),
                                expectException: c["expectException"] as? String)
            }))
        }
        return StateTestFixture(name: name, pre: pre, env: env, transaction: template, post: post)
    }

    static func bytes(_ v: Any?) throws -> [UInt8] {
        guard let s = v as? String else { return [] }
        do { return try Hex.decode(s, oddLength: .padLeft) } catch { throw FixtureError.malformed("bad hex \(s.prefix(40))") }
    }

    static func word(_ v: Any?) throws -> UInt256 {
        let b = try bytes(v)
        if b.count > 32 {
            // Only leading zeros may be dropped.
            if b[..<(b.count - 32)].contains(where: { $0 != 0 }) { return .max }
        }
        return UInt256(bigEndian: b)
    }

    /// A quantity that may be written ":bigint 0x…" and exceed 256 bits (nil then).
    static func bigWord(_ s: String) throws -> UInt256? {
        var text = s
        if text.hasPrefix("0x:bigint ") { text = String(text.dropFirst("0x:bigint ".count)) }
        let b = try bytes(text)
        if b.count > 32 && b[..<(b.count - 32)].contains(where: { $0 != 0 }) { return nil }
        return UInt256(bigEndian: b)
    }

    static func optionalWord(_ v: Any?) throws -> UInt256? { v == nil ? nil : try word(v) }

    static func address(_ s: String) throws -> Address { Address(bytes: try bytes(s)) }
}
