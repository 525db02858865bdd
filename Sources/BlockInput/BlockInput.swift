import EVMPrimitives
import EthereumBlock

/// The block input of the EVM guests (docs/FORMAT.md §7), carried in the BATCH section of the EXECUTE
/// container: `rlp([version, block, witness, chainConfig])` with `version` = 1, or
/// `rlp([2, block, witness, chainConfig, ancestorOmmers])`, with `block` the byte string of the
/// block's RLP (execution-specs `Block`; decoded by `Block.decode` during the transition, so a malformed block
/// is an invalid block), `witness` a `BlockWitness` (geth's `debug_executionWitness`) whose `headers[0]` is the
/// parent header, `chainConfig` a `ChainConfigCodec` list and `ancestorOmmers` the RLP ommer lists of the
/// first headers (§7.3, `validate_ommers`' ancestry).
public struct BlockInput: Equatable, Sendable {
    /// The version without ancestor ommers.
    public static let version: UInt64 = 1
    /// The version with `ancestorOmmers` (docs/FORMAT.md §7.3).
    public static let versionWithOmmers: UInt64 = 2
    /// The EXECUTE container's size limit (docs/FORMAT.md §1).
    public static let maxSize = 512 << 20

    public var block: [UInt8]
    public var witness: BlockWitness
    public var chain: ChainConfig
    /// `rlp(ommers)` of the blocks of `witness.headers[0]`, `headers[1]`, … (at most
    /// `BlockAncestryInput.maxBlocks`): empty in version 1.
    public var ancestorOmmers: [[UInt8]]

    public init(block: [UInt8], witness: BlockWitness, chain: ChainConfig, ancestorOmmers: [[UInt8]] = []) {
        self.block = block
        self.witness = witness
        self.chain = chain
        self.ancestorOmmers = ancestorOmmers
    }

    /// The encoded block input.
    public func encode() -> [UInt8] {
        var p: [UInt8] = []
        RLP.encodeUInt64(ancestorOmmers.isEmpty ? Self.version : Self.versionWithOmmers, into: &p)
        RLP.encodeBytes(block, into: &p)
        witness.encode(into: &p)
        p.append(contentsOf: ChainConfigCodec.encode(chain))
        if !ancestorOmmers.isEmpty { BlockWitness.encodeList(ancestorOmmers, into: &p) }
        var out: [UInt8] = []
        RLP.appendList(p, to: &out)
        return out
    }

    /// Decodes a block input, checking in order: size ≤ 512 MiB, strict RLP of the envelope (lists nest at most
    /// 4 deep), the version, the witness, the chain configuration, the ancestor ommers (docs/FORMAT.md §7.2).
    public static func decode(_ bytes: [UInt8]) throws(BlockInputError) -> BlockInput {
        guard bytes.count <= maxSize else { throw .tooLarge }
        let item: RLPItem
        do { item = try RLP.decode(bytes, maxDepth: 4) } catch { throw .malformed(.envelope) }
        guard case .list(let parts) = item, parts.count >= 1, case .bytes(let v) = parts[0],
              let version = try? RLP.decodeUInt64(v) else { throw .malformed(.envelope) }
        guard version == Self.version || version == Self.versionWithOmmers else { throw .unsupportedVersion(version) }
        guard parts.count == (version == Self.version ? 4 : 5) else { throw .malformed(.envelope) }
        guard case .bytes(let block) = parts[1] else { throw .malformed(.block) }
        let witness = try BlockWitness.decode(parts[2])
        let chain = try ChainConfigCodec.decode(parts[3])
        var ommers: [[UInt8]] = []
        if version == Self.versionWithOmmers {
            ommers = try BlockWitness.byteStrings(parts[4], .ancestorOmmers)
            guard !ommers.isEmpty, ommers.count <= BlockAncestryInput.maxBlocks, ommers.count <= witness.headers.count else {
                throw .malformed(.ancestorOmmers)
            }
        }
        return BlockInput(block: block, witness: witness, chain: chain, ancestorOmmers: ommers)
    }
}

extension RLP {
    /// Appends the RLP list whose payload (the concatenated item encodings) is `payload`.
    static func appendList(_ payload: [UInt8], to out: inout [UInt8]) {
        encodeListHeader(payloadLength: payload.count, into: &out)
        out.append(contentsOf: payload)
    }
}
