import EVM
import EVMPrimitives
import EthereumBlock
import Foundation

/// One blockchain test (ethereum/tests `BlockchainTests` and execution-spec-tests `blockchain_tests` format):
/// genesis block RLP and pre-state, blocks as RLP (with `expectException` on invalid ones), the expected
/// head hash and post-state (or its root), the network name and, in EEST fixtures, the blob schedule.
public struct BlockTestFixture {
    public struct FixtureBlock {
        public var rlp: [UInt8]
        public var expectException: String?
    }

    public var name: String
    public var network: String
    public var genesisRLP: [UInt8]
    public var pre: InMemoryState
    public var blocks: [FixtureBlock]
    public var lastBlockHash: [UInt8]
    /// The expected post-state of the head (nil when the fixture gives only `postStateHash`).
    public var postState: InMemoryState?
    public var postStateHash: [UInt8]?
    public var chainId: UInt256
    /// `config.blobSchedule` by fork name (target, max, update fraction).
    public var blobSchedule: [String: BlobParameters]
    /// `config.depositContractAddress` (EIP-6110), nil for mainnet's.
    public var depositContract: Address?

    /// Parses every test of a fixture file.
    public static func load(path: String) throws -> [BlockTestFixture] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FixtureJSON.Failure.unreadable(path) }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureJSON.Failure.malformed("top level is not an object")
        }
        var out: [BlockTestFixture] = []
        for name in root.keys.sorted() {
            guard let t = root[name] as? [String: Any] else { throw FixtureJSON.Failure.malformed(name) }
            out.append(try parse(name: name, t))
        }
        return out
    }

    static func parse(name: String, _ t: [String: Any]) throws -> BlockTestFixture {
        guard let network = t["network"] as? String, let pre = t["pre"] as? [String: Any],
              let blocks = t["blocks"] as? [[String: Any]]
        else { throw FixtureJSON.Failure.malformed("\(name): missing network/pre/blocks") }
        var chainId = UInt256.one
        var schedule: [String: BlobParameters] = [:]
        var depositContract: Address? = nil
        if let config = t["config"] as? [String: Any] {
            if let c = config["chainid"] { chainId = try FixtureJSON.word(c) }
            for (fork, p) in (config["blobSchedule"] as? [String: [String: String]]) ?? [:] {
                guard let target = try FixtureJSON.word(p["target"]).uint64, let max = try FixtureJSON.word(p["max"]).uint64,
                      let fraction = try FixtureJSON.word(p["baseFeeUpdateFraction"]).uint64
                else { throw FixtureJSON.Failure.malformed("\(name): blobSchedule \(fork)") }
                guard target <= 4096, max <= 4096 else { throw FixtureJSON.Failure.malformed("\(name): blobSchedule \(fork)") }
                schedule[fork] = BlobParameters(target: Int(target), max: Int(max), baseFeeUpdateFraction: fraction,
                                                maxPerTransaction: Int(max))
            }
            if let d = config["depositContractAddress"] {
                let b = try FixtureJSON.bytes(d)
                guard b.count == 20 else { throw FixtureJSON.Failure.malformed("\(name): depositContractAddress") }
                depositContract = Address(bytes: b)
            }
        }
        return BlockTestFixture(
            name: name, network: network, genesisRLP: try FixtureJSON.bytes(t["genesisRLP"]),
            pre: try FixtureJSON.state(pre),
            blocks: try blocks.map { FixtureBlock(rlp: try FixtureJSON.bytes($0["rlp"]), expectException: $0["expectException"] as? String) },
            lastBlockHash: try FixtureJSON.bytes(t["lastblockhash"]),
            postState: try (t["postState"] as? [String: Any]).map { try FixtureJSON.state($0) },
            postStateHash: try t["postStateHash"].map { try FixtureJSON.bytes($0) },
            chainId: chainId, blobSchedule: schedule, depositContract: depositContract)
    }

    /// The chain configuration of the fixture's network: a single fork (`Cancun`, `London`) or a transition
    /// (`ShanghaiToCancunAtTime15k`, `OsakaToBPO1AtTime15k`: the second fork from timestamp 15,000;
    /// `BerlinToLondonAt5`: from block 5). Berlin and London activate by block number. nil for networks whose
    /// block rules this build does not implement (before Berlin: the EVM does not run them).
    public var chainConfig: ChainConfig? {
        var parts: [(String, UInt64)] = [(network, 0)]
        var byTime = true
        if let r = network.range(of: "To") {
            let first = String(network[..<r.lowerBound])
            let rest = network[r.upperBound...]
            if let at = rest.range(of: "AtTime"), rest.hasSuffix("15k") {
                parts = [(first, 0), (String(rest[..<at.lowerBound]), 15_000)]
            } else if let at = rest.range(of: "At"), let n = UInt64(rest[at.upperBound...]) {
                parts = [(first, 0), (String(rest[..<at.lowerBound]), n)]
                byTime = false
            } else {
                return nil
            }
        }
        var schedule: [ForkActivation] = []
        for (forkName, moment) in parts {
            guard let fork = Fork(name: forkName), BlockRules(fork: fork) != nil else { return nil }
            if fork < .paris {
                schedule.append(ForkActivation(fork: fork, block: byTime ? 0 : moment))
            } else {
                guard byTime else { return nil }
                schedule.append(ForkActivation(fork: fork, timestamp: moment, blob: blobSchedule[fork.name]))
            }
        }
        return ChainConfig(chainId: chainId, schedule: schedule, depositContract: depositContract ?? SystemContracts.depositContract)
    }
}

/// JSON field decoding shared by the blockchain-test fixtures (hex strings as in ethereum/tests).
enum FixtureJSON {
    enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case malformed(String)

        var description: String {
            switch self {
            case .unreadable(let s): return "cannot read fixture: \(s)"
            case .malformed(let s): return "malformed fixture: \(s)"
            }
        }
    }

    static func bytes(_ v: Any?) throws -> [UInt8] {
        guard let s = v as? String else { return [] }
        do { return try Hex.decode(s, oddLength: .padLeft) } catch { throw Failure.malformed("bad hex \(s.prefix(40))") }
    }

    static func word(_ v: Any?) throws -> UInt256 {
        let b = try bytes(v)
        if b.count > 32 && b[..<(b.count - 32)].contains(where: { $0 != 0 }) { throw Failure.malformed("value beyond 256 bits") }
        return UInt256(bigEndian: b.suffix(32))
    }

    /// A `pre`/`postState` object: address → {nonce, balance, code, storage}.
    static func state(_ json: [String: Any]) throws -> InMemoryState {
        var state = InMemoryState()
        let hasher = SwiftKeccak()
        for (addrHex, v) in json {
            guard let a = v as? [String: Any] else { throw Failure.malformed("account \(addrHex)") }
            let code = try bytes(a["code"])
            var storage: [UInt256: UInt256] = [:]
            for (k, val) in (a["storage"] as? [String: String]) ?? [:] {
                let value = try word(val)
                if !value.isZero { storage[try word(k)] = value }
            }
            guard let nonce = try word(a["nonce"]).uint64 else { throw Failure.malformed("nonce of \(addrHex)") }
            let account = Account(nonce: nonce, balance: try word(a["balance"]), code: code,
                                  codeHash: UInt256(bigEndian: hasher.keccak256(code)))
            state.entries[Address(bytes: try bytes(addrHex))] = InMemoryState.Entry(account: account, storage: storage)
        }
        return state
    }
}
