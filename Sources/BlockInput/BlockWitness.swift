import EVMPrimitives
import EthereumBlock

/// The execution witness of a block, in the shape of geth's `debug_executionWitness` (`stateless.Witness`,
/// docs/FORMAT.md §7.1): the MPT state and storage nodes, the contract codes, the preimages of the trie keys
/// touched (informational; never trusted) and the ancestor headers in reverse order, `headers[0]` being the
/// parent, as far back as the oldest block BLOCKHASH reads.
public struct BlockWitness: Equatable, Sendable {
    public var state: [[UInt8]]
    public var codes: [[UInt8]]
    public var keys: [[UInt8]]
    /// The ancestor headers, parent first, each decoded.
    public var headers: [BlockHeader]

    /// The BLOCKHASH window: a block reads at most its 256 ancestors.
    public static let maxHeaders = 256

    public init(state: [[UInt8]] = [], codes: [[UInt8]] = [], keys: [[UInt8]] = [], headers: [BlockHeader] = []) {
        self.state = state
        self.codes = codes
        self.keys = keys
        self.headers = headers
    }

    /// The parent header (`headers[0]`).
    public var parent: BlockHeader? { headers.first }

    /// `rlp([state, codes, keys, headers])`, each list of byte strings; a header is the byte string of its RLP.
    public func encode(into out: inout [UInt8]) {
        var p: [UInt8] = []
        Self.encodeList(state, into: &p)
        Self.encodeList(codes, into: &p)
        Self.encodeList(keys, into: &p)
        var hs: [[UInt8]] = []
        hs.reserveCapacity(headers.count)
        for h in headers { hs.append(h.encode()) }
        Self.encodeList(hs, into: &p)
        RLP.appendList(p, to: &out)
    }

    /// Decodes the witness item; `headers` must hold 1…256 decodable headers.
    public static func decode(_ item: RLPItem) throws(BlockInputError) -> BlockWitness {
        guard case .list(let parts) = item, parts.count == 4 else { throw .malformed(.witness) }
        var w = BlockWitness()
        w.state = try byteStrings(parts[0], .state)
        w.codes = try byteStrings(parts[1], .codes)
        w.keys = try byteStrings(parts[2], .keys)
        guard case .list(let hs) = parts[3] else { throw .malformed(.headers) }
        if hs.isEmpty { throw .missingParentHeader }
        if hs.count > maxHeaders { throw .tooManyHeaders(hs.count) }
        w.headers.reserveCapacity(hs.count)
        for (i, h) in hs.enumerated() {
            guard case .bytes(let rlp) = h else { throw .malformed(.headers) }
            let headerItem: RLPItem
            do { headerItem = try RLP.decode(rlp, maxDepth: 1) } catch { throw .malformedHeader(index: i, .fieldCount) }
            do { w.headers.append(try BlockHeader.decode(headerItem)) } catch {
                guard case .malformedHeader(let f) = error else { throw .malformedHeader(index: i, .fieldCount) }
                throw .malformedHeader(index: i, f)
            }
        }
        return w
    }

    /// Checks that `headers` is an unbroken chain ending in the block's parent and returns the ancestor hashes,
    /// oldest first and the parent last (`BlockTransition.environment`'s `blockHashes`).
    public func ancestorHashes<H: KeccakHasher>(of header: BlockHeader, _ hasher: H) throws(BlockInputError) -> [UInt256] {
        var hashes = [UInt256](repeating: .zero, count: headers.count)
        var childParentHash = header.parentHash
        var childNumber = header.number
        for (i, h) in headers.enumerated() {
            let hash = h.hash(hasher)
            guard hash == childParentHash, h.number &+ 1 == childNumber, childNumber != 0 else {
                throw i == 0 ? .parentHashMismatch : .brokenAncestry(index: i)
            }
            hashes[headers.count - 1 - i] = UInt256(bigEndian: hash)
            childParentHash = h.parentHash
            childNumber = h.number
        }
        return hashes
    }

    /// Checks that the parent header's state root is `preStateRoot` (the container's PRE_STATE_ROOT), the root
    /// the state nodes are checked against.
    public func checkPreStateRoot(_ preStateRoot: [UInt8]) throws(BlockInputError) {
        guard let parent, parent.stateRoot == preStateRoot else { throw .preStateRootMismatch }
    }

    static func encodeList(_ items: [[UInt8]], into out: inout [UInt8]) {
        var p: [UInt8] = []
        for x in items { RLP.encodeBytes(x, into: &p) }
        RLP.appendList(p, to: &out)
    }

    static func byteStrings(_ item: RLPItem, _ part: BlockInputPart) throws(BlockInputError) -> [[UInt8]] {
        guard case .list(let items) = item else { throw .malformed(part) }
        var out: [[UInt8]] = []
        out.reserveCapacity(items.count)
        for i in items {
            guard case .bytes(let b) = i else { throw .malformed(part) }
            out.append(b)
        }
        return out
    }
}
