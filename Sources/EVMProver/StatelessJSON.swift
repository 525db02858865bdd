import BlockInput
import EVM
import EVMPrimitives
import EthereumBlock
import Foundation
import InputContainer

/// The JSON stateless input of eth-act's zkevm-benchmark-workload (`zkevm-fixtures-input/*.json`, checked at
/// 09f0c1df76ab): `block_and_witness` holds `block` (`header` with snake-case fields, `body` with
/// `transactions`, `ommers`, `withdrawals`), `witness` (`state`, `codes`, `keys`: hex strings; `headers`: RLP
/// headers) and `chain_config` (`chain_id`, `shanghai_time` … `bpo2_time`, `deposit_contract_address`).
/// Numbers are JSON integers or hex strings. Transactions are `{"signature": {r, s, yParity},
/// "transaction": {"Legacy"|"Eip2930"|"Eip1559"|"Eip4844"|"Eip7702": {…}}}`, re-encoded here as EIP-2718 bytes; the
/// block's transactions root, checked by the block transition, confirms the re-encoding. `convert` gives the
/// block input of docs/FORMAT.md §7 and its EXECUTE container.
public enum StatelessJSON {
    /// A malformed or unsupported stateless input: the JSON path of the field and what is wrong with it.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var problem: String
        public var description: String { "stateless input: \(path): \(problem)" }
    }

    /// The converted input: the block input, its container (BATCH, PRE_STATE_ROOT = the parent's state root)
    /// and the block header's state root (the claim to verify).
    public struct Converted {
        public var name: String
        public var input: BlockInput
        public var container: [UInt8]
        public var preStateRoot: [UInt8]
        public var postStateRoot: [UInt8]
    }

    public static func convert(_ data: Data) throws(Failure) -> Converted {
        let root: [String: Any]
        do {
            guard let r = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Failure(path: "$", problem: "not an object") }
            root = r
        } catch let f as Failure { throw f } catch { throw Failure(path: "$", problem: "not JSON") }
        let bw = try object(root, "block_and_witness", "$")
        let block = try object(bw, "block", "block_and_witness")
        let header = try parseHeader(try object(block, "header", "block"), "block.header")
        let body = try object(block, "body", "block")
        var txs: [[UInt8]] = []
        for (i, t) in try array(body, "transactions", "block.body").enumerated() {
            guard let t = t as? [String: Any] else { throw Failure(path: "block.body.transactions[\(i)]", problem: "not an object") }
            txs.append(try StatelessJSONTransaction.encode(t, "block.body.transactions[\(i)]"))
        }
        guard try array(body, "ommers", "block.body").isEmpty else { throw Failure(path: "block.body.ommers", problem: "ommers after the Merge") }
        var withdrawals: [Withdrawal]? = nil
        if let ws = body["withdrawals"] as? [Any] {
            withdrawals = []
            for (i, w) in ws.enumerated() {
                let p = "block.body.withdrawals[\(i)]"
                guard let w = w as? [String: Any] else { throw Failure(path: p, problem: "not an object") }
                withdrawals!.append(Withdrawal(index: try u64(w, "index", p), validatorIndex: try u64(w, "validator_index", p),
                                               address: try address(w, "address", p), amount: try u64(w, "amount", p)))
            }
        }
        let w = try object(bw, "witness", "block_and_witness")
        var headers: [BlockHeader] = []
        for (i, h) in try hexList(w, "headers", "witness").enumerated() {
            do { headers.append(try BlockHeader.decode(try RLP.decode(h))) } catch {
                throw Failure(path: "witness.headers[\(i)]", problem: "not an RLP header")
            }
        }
        headers.sort { $0.number > $1.number }  // BlockWitness: the parent first
        guard let parent = headers.first else { throw Failure(path: "witness.headers", problem: "no parent header") }
        let witness = BlockWitness(state: try hexList(w, "state", "witness"), codes: try hexList(w, "codes", "witness"),
                                   keys: try hexList(w, "keys", "witness"), headers: headers)
        let chain = try chainConfig(try object(bw, "chain_config", "block_and_witness"))
        let rlp = Block(header: header, transactions: txs, withdrawals: withdrawals).encode()
        let input = BlockInput(block: rlp, witness: witness, chain: chain)
        let container: [UInt8]
        do { container = try InputContainer.encode(sections: [(.batch, input.encode()), (.preStateRoot, parent.stateRoot)]) } catch {
            throw Failure(path: "$", problem: "container: \(error)")
        }
        return Converted(name: root["name"] as? String ?? "", input: input, container: container,
                         preStateRoot: parent.stateRoot, postStateRoot: header.stateRoot)
    }

    static func parseHeader(_ h: [String: Any], _ p: String) throws(Failure) -> BlockHeader {
        func opt<T>(_ key: String, _ f: (String) throws(Failure) -> T) throws(Failure) -> T? {
            (h[key] == nil || h[key] is NSNull) ? nil : try f(key)
        }
        return BlockHeader(
            parentHash: try hash(h, "parent_hash", p), ommersHash: try hash(h, "ommers_hash", p), coinbase: try address(h, "beneficiary", p),
            stateRoot: try hash(h, "state_root", p), transactionsRoot: try hash(h, "transactions_root", p),
            receiptsRoot: try hash(h, "receipts_root", p), logsBloom: try bytes(h, "logs_bloom", p, count: 256),
            difficulty: UInt256(bigEndian: try integer(h, "difficulty", p)), number: try u64(h, "number", p),
            gasLimit: try u64(h, "gas_limit", p), gasUsed: try u64(h, "gas_used", p), timestamp: try u64(h, "timestamp", p),
            extraData: try bytes(h, "extra_data", p), prevRandao: try hash(h, "mix_hash", p), nonce: try bytes(h, "nonce", p, count: 8),
            baseFeePerGas: try opt("base_fee_per_gas") { k throws(Failure) in UInt256(bigEndian: try integer(h, k, p)) },
            withdrawalsRoot: try opt("withdrawals_root") { k throws(Failure) in try hash(h, k, p) },
            blobGasUsed: try opt("blob_gas_used") { k throws(Failure) in try u64(h, k, p) },
            excessBlobGas: try opt("excess_blob_gas") { k throws(Failure) in try u64(h, k, p) },
            parentBeaconBlockRoot: try opt("parent_beacon_block_root") { k throws(Failure) in try hash(h, k, p) },
            requestsHash: try opt("requests_hash") { k throws(Failure) in try hash(h, k, p) })
    }

    /// The fork schedule from the `*_time` fields (Paris from genesis; pre-Merge chains are not supported).
    static func chainConfig(_ c: [String: Any]) throws(Failure) -> ChainConfig {
        let p = "chain_config"
        var schedule = [ForkActivation(fork: .paris, timestamp: 0)]
        let forks: [(String, Fork)] = [("shanghai_time", .shanghai), ("cancun_time", .cancun), ("prague_time", .prague),
                                       ("osaka_time", .osaka), ("bpo1_time", .bpo1), ("bpo2_time", .bpo2)]
        for (key, fork) in forks where c[key] != nil && !(c[key] is NSNull) {
            schedule.append(ForkActivation(fork: fork, timestamp: try u64(c, key, p)))
        }
        for key in ["bpo3_time", "bpo4_time", "bpo5_time"] where c[key] != nil && !(c[key] is NSNull) {
            throw Failure(path: "\(p).\(key)", problem: "fork not supported")
        }
        if let s = c["blob_schedule"] as? [String: Any], !s.isEmpty {
            throw Failure(path: "\(p).blob_schedule", problem: "custom blob schedules are not supported")
        }
        let deposit = (c["deposit_contract_address"] == nil || c["deposit_contract_address"] is NSNull)
            ? SystemContracts.depositContract : try address(c, "deposit_contract_address", p)
        return ChainConfig(chainId: UInt256(bigEndian: try integer(c, "chain_id", p)), schedule: schedule, depositContract: deposit)
    }

    // MARK: fields

    static func object(_ o: [String: Any], _ key: String, _ p: String) throws(Failure) -> [String: Any] {
        guard let v = o[key] as? [String: Any] else { throw Failure(path: "\(p).\(key)", problem: "missing or not an object") }
        return v
    }

    static func array(_ o: [String: Any], _ key: String, _ p: String) throws(Failure) -> [Any] {
        guard let v = o[key] as? [Any] else { throw Failure(path: "\(p).\(key)", problem: "missing or not an array") }
        return v
    }

    static func hexList(_ o: [String: Any], _ key: String, _ p: String) throws(Failure) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for (i, v) in try array(o, key, p).enumerated() {
            guard let s = v as? String, let b = try? Hex.decode(s) else { throw Failure(path: "\(p).\(key)[\(i)]", problem: "not hex") }
            out.append(b)
        }
        return out
    }

    static func bytes(_ o: [String: Any], _ key: String, _ p: String, count: Int? = nil) throws(Failure) -> [UInt8] {
        guard let s = o[key] as? String, let b = try? Hex.decode(s) else { throw Failure(path: "\(p).\(key)", problem: "missing or not hex") }
        if let count, b.count != count { throw Failure(path: "\(p).\(key)", problem: "\(b.count) bytes, expected \(count)") }
        return b
    }

    static func hash(_ o: [String: Any], _ key: String, _ p: String) throws(Failure) -> [UInt8] { try bytes(o, key, p, count: 32) }

    static func address(_ o: [String: Any], _ key: String, _ p: String) throws(Failure) -> Address {
        Address(bytes: try bytes(o, key, p, count: 20))
    }

    /// A non-negative integer (JSON number or hex string) as minimal big-endian bytes, at most 32.
    static func integer(_ o: [String: Any], _ key: String, _ p: String) throws(Failure) -> [UInt8] {
        let v = o[key]
        if let n = v as? NSNumber, n.int64Value >= 0, n.stringValue == String(n.uint64Value) {
            var u = n.uint64Value
            var out: [UInt8] = []
            while u > 0 { out.insert(UInt8(u & 0xff), at: 0); u >>= 8 }
            return out
        }
        guard let s = v as? String, s.hasPrefix("0x"), let b = try? Hex.decode(s, oddLength: .padLeft) else {
            throw Failure(path: "\(p).\(key)", problem: "missing or not an integer")
        }
        let trimmed = Array(b.drop { $0 == 0 })
        guard trimmed.count <= 32 else { throw Failure(path: "\(p).\(key)", problem: "more than 256 bits") }
        return trimmed
    }

    static func u64(_ o: [String: Any], _ key: String, _ p: String) throws(Failure) -> UInt64 {
        let b = try integer(o, key, p)
        guard b.count <= 8 else { throw Failure(path: "\(p).\(key)", problem: "more than 64 bits") }
        return b.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
