import EVM
import EVMPrimitives
import Foundation

/// Expected exception names of the fixtures, compared with rvx's classes (`BlockError.exceptionName`).
/// EEST names are `BlockException.X` / `TransactionException.X`, alternatives joined by `|`; the legacy
/// ethereum/tests names (`TR_NoFunds`, …) are mapped to their EEST equivalents.
enum ExceptionNames {
    static let legacy: [String: String] = [
        "TR_NoFunds": "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS",
        "TR_NoFundsOrGas": "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS",
        "TR_TipGtFeeCap": "TransactionException.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS",
        "TR_FeeCapLessThanBlocks": "TransactionException.INSUFFICIENT_MAX_FEE_PER_GAS",
        "TR_BLOBCREATE": "TransactionException.TYPE_3_TX_CONTRACT_CREATION",
        "TR_IntrinsicGas": "TransactionException.INTRINSIC_GAS_TOO_LOW",
        "TR_NonceHasMaxValue": "TransactionException.NONCE_IS_MAX",
        "TR_GasLimitReached": "TransactionException.GAS_ALLOWANCE_EXCEEDED",
        "SenderNotEOA": "TransactionException.SENDER_NOT_EOA",
    ]

    static func matches(expected: String, found: String) -> Bool {
        for alternative in expected.split(separator: "|") {
            let name = String(alternative).trimmingCharacters(in: .whitespaces)
            if name == found || legacy[name] == found { return true }
            // NONCE_MISMATCH_TOO_LOW / _TOO_HIGH are one class in rvx.
            if name.hasPrefix("TransactionException.NONCE_MISMATCH") && found == "TransactionException.NONCE_MISMATCH" { return true }
        }
        return false
    }
}

/// A readable difference between two world states (the first few accounts that differ).
enum StateDiff {
    static func describe(expected: InMemoryState, actual: InMemoryState) -> String? {
        var problems: [String] = []
        let addresses = Set(expected.entries.keys).union(actual.entries.keys).sorted()
        for a in addresses {
            let e = expected.entries[a], g = actual.entries[a]
            if e == g { continue }
            let name = Hex.encode(a.bytes, prefix: true)
            guard let e else { problems.append("\(name) exists, expected absent"); continue }
            guard let g else { problems.append("\(name) absent"); continue }
            if e.account.nonce != g.account.nonce { problems.append("\(name) nonce \(g.account.nonce) != \(e.account.nonce)") }
            if e.account.balance != g.account.balance {
                problems.append("\(name) balance \(Hex.encode(g.account.balance.minimalBigEndianBytes, prefix: true)) != \(Hex.encode(e.account.balance.minimalBigEndianBytes, prefix: true))")
            }
            if e.account.code != g.account.code { problems.append("\(name) code differs") }
            if e.storage != g.storage { problems.append("\(name) storage differs") }
        }
        if problems.isEmpty { return nil }
        return problems.prefix(4).joined(separator: "; ") + (problems.count > 4 ? "; …" : "")
    }
}

/// Tallies per network and overall; one JSON object per test for `--json` (JSON Lines).
public struct BlockTestSummary {
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    public var skipReasons: [String: Int] = [:]
    public var perNetwork: [String: (passed: Int, failed: Int, skipped: Int)] = [:]
    /// Rejected blocks whose exception class differs from the expected one (each fails its test).
    public var classMismatches = 0

    public init() {}

    public mutating func add(_ r: BlockTestResult) {
        var n = perNetwork[r.network] ?? (0, 0, 0)
        switch r.status {
        case .passed: passed += 1; n.passed += 1
        case .failed: failed += 1; n.failed += 1
        case .skipped(let why): skipped += 1; n.skipped += 1; skipReasons[why, default: 0] += 1
        }
        classMismatches += r.rejections.filter { !$0.classMatches }.count
        perNetwork[r.network] = n
    }

    public var line: String {
        let reasons = skipReasons.keys.sorted().map { "\(skipReasons[$0]!) \($0)" }.joined(separator: ", ")
        return "\(passed) passed, \(failed) failed, \(skipped) skipped" + (reasons.isEmpty ? "" : " (\(reasons))")
            + "; \(classMismatches) rejected blocks with a different exception class"
    }

    public var networkLines: [String] {
        perNetwork.keys.sorted().map { k in
            let n = perNetwork[k]!
            return "  \(k): \(n.passed) passed, \(n.failed) failed, \(n.skipped) skipped"
        }
    }

    /// {"name","network","pass","imported","rejected":[{"block","expected","found","reason","classMatches"}],
    /// "error"|"skipped"}.
    public static func json(_ r: BlockTestResult) -> String {
        var obj: [String: Any] = ["name": r.name, "network": r.network, "imported": r.imported]
        obj["rejected"] = r.rejections.map { x -> [String: Any] in
            ["block": x.index, "expected": x.expected, "found": x.found, "reason": x.reason, "classMatches": x.classMatches]
        }
        switch r.status {
        case .passed: obj["pass"] = true
        case .failed(let e): obj["pass"] = false; obj["error"] = e
        case .skipped(let e): obj["pass"] = false; obj["skipped"] = e
        }
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
