import EVMPrimitives

/// The WITNESS section of the EVM guest (docs/EVMGUEST.md §4), like geth's `debug_executionWitness`:
/// the RLP-encoded state- and storage-trie nodes (Yellow Paper Appendix D) and the contract codes that
/// the execution needs. Encoding: `rlp([[node…], [code…]])`, each node and code a byte string. Nothing in
/// it is trusted: nodes are keyed by the Keccak-256 the verifier computes and reached only from the
/// pre-state root; codes are keyed by their computed code hash.
public struct ExecutionWitness: Equatable, Sendable {
    public var nodes: [[UInt8]]
    public var codes: [[UInt8]]

    public init(nodes: [[UInt8]] = [], codes: [[UInt8]] = []) {
        self.nodes = nodes
        self.codes = codes
    }

    /// The WITNESS bytes.
    public func encode() -> [UInt8] {
        var n: [UInt8] = []
        for x in nodes { RLP.encodeBytes(x, into: &n) }
        var c: [UInt8] = []
        for x in codes { RLP.encodeBytes(x, into: &c) }
        var payload: [UInt8] = []
        RLP.encodeListHeader(payloadLength: n.count, into: &payload)
        payload.append(contentsOf: n)
        RLP.encodeListHeader(payloadLength: c.count, into: &payload)
        payload.append(contentsOf: c)
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// Decodes WITNESS bytes (strict RLP).
    public static func decode(_ bytes: [UInt8]) throws(StatelessError) -> ExecutionWitness {
        guard let item = try? RLP.decode(bytes, maxDepth: 2), case .list(let parts) = item, parts.count == 2,
              case .list(let nodeItems) = parts[0], case .list(let codeItems) = parts[1]
        else { throw .malformedWitness }
        var w = ExecutionWitness()
        w.nodes.reserveCapacity(nodeItems.count)
        w.codes.reserveCapacity(codeItems.count)
        for i in nodeItems {
            guard case .bytes(let b) = i else { throw .malformedWitness }
            w.nodes.append(b)
        }
        for i in codeItems {
            guard case .bytes(let b) = i else { throw .malformedWitness }
            w.codes.append(b)
        }
        return w
    }
}

/// Contract codes keyed by their computed Keccak-256 (the account's code hash), in a sorted array searched
/// by bisection (no hash seeding, O(log n) per lookup whatever a prover grinds for).
public struct CodeStore: Sendable {
    var hashes: [UInt256] = []
    var codes: [[UInt8]] = []

    public init() {}

    public init<H: KeccakHasher>(codes: [[UInt8]], hasher: H) {
        for c in codes { add(c, hasher: hasher) }
    }

    /// Adds `code` under its hash (no effect if present).
    public mutating func add<H: KeccakHasher>(_ code: [UInt8], hasher: H) {
        let h = UInt256(bigEndian: hasher.keccak256(code))
        let i = lowerBound(h)
        if i < hashes.count && hashes[i] == h { return }
        hashes.insert(h, at: i)
        codes.insert(code, at: i)
    }

    /// The code whose hash is `hash`, if present.
    public func code(forHash hash: UInt256) -> [UInt8]? {
        let i = lowerBound(hash)
        return i < hashes.count && hashes[i] == hash ? codes[i] : nil
    }

    public var count: Int { hashes.count }

    private func lowerBound(_ h: UInt256) -> Int {
        var lo = 0
        var hi = hashes.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if hashes[mid] < h { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
