import EVM
import EVMPrimitives
import EthereumBlock

/// The chain configuration of the block input (docs/FORMAT.md §7.1):
/// `rlp([chainId, [activation…]])`, each activation `[fork, timestamp]` or
/// `[fork, timestamp, blobTarget, blobMax, baseFeeUpdateFraction]` (EIP-7840 `blobSchedule`), the fork by its
/// wire number. For the block-activated forks before Paris (Berlin, London) the second field is the
/// activation block number and no blob parameters follow.
public enum ChainConfigCodec {
    /// The encoded chain configuration (an RLP list).
    public static func encode(_ config: ChainConfig) -> [UInt8] {
        var entries: [UInt8] = []
        for a in config.schedule {
            var p: [UInt8] = []
            RLP.encodeUInt64(UInt64(a.fork.spec.wireValue), into: &p)
            RLP.encodeUInt64(a.block ?? a.timestamp, into: &p)
            if let b = a.blob {
                RLP.encodeUInt64(UInt64(b.target), into: &p)
                RLP.encodeUInt64(UInt64(b.max), into: &p)
                RLP.encodeUInt64(b.baseFeeUpdateFraction, into: &p)
            }
            RLP.appendList(p, to: &entries)
        }
        var payload: [UInt8] = []
        RLP.encodeBigEndianInteger(config.chainId.bigEndianBytes, into: &payload)
        RLP.appendList(entries, to: &payload)
        var out: [UInt8] = []
        RLP.appendList(payload, to: &out)
        return out
    }

    /// Decodes the chain configuration item; forks ascend strictly, activation blocks and timestamps never
    /// decrease (several forks may activate at the same moment, e.g. at genesis).
    public static func decode(_ item: RLPItem) throws(BlockInputError) -> ChainConfig {
        guard case .list(let parts) = item, parts.count == 2, case .bytes(let id) = parts[0],
              id.count <= 32, id.first != 0 else { throw .malformed(.chainConfig) }
        guard case .list(let entries) = parts[1] else { throw .malformed(.schedule) }
        guard !entries.isEmpty, entries.count <= Fork.allCases.count else { throw .unorderedSchedule }
        var schedule: [ForkActivation] = []
        schedule.reserveCapacity(entries.count)
        for e in entries {
            guard case .list(let f) = e, f.count == 2 || f.count == 5 else { throw .malformed(.schedule) }
            let wire = try u64(f[0])
            guard let fork = Fork(wireValue: wire) else { throw .unknownFork(wire) }
            var a = fork < .paris ? ForkActivation(fork: fork, block: try u64(f[1])) : ForkActivation(fork: fork, timestamp: try u64(f[1]))
            if f.count == 5 {
                guard a.block == nil else { throw .malformed(.schedule) }
                let target = try u64(f[2]), max = try u64(f[3]), fraction = try u64(f[4])
                // Blob counts beyond 2^16 per block are not a chain configuration (and would overflow blob gas).
                guard target <= 1 << 16, max <= 1 << 16, fraction != 0 else { throw .malformed(.schedule) }
                a.blob = BlobParameters(target: Int(target), max: Int(max), baseFeeUpdateFraction: fraction,
                                        maxPerTransaction: Swift.min(Int(max), fork.spec.blob.maxPerTransaction))
            }
            if let last = schedule.last, last.fork >= a.fork || last.timestamp > a.timestamp || (last.block ?? 0) > (a.block ?? .max) {
                throw .unorderedSchedule
            }
            schedule.append(a)
        }
        return ChainConfig(chainId: UInt256(bigEndian: id), schedule: schedule)
    }

    static func u64(_ item: RLPItem) throws(BlockInputError) -> UInt64 {
        guard case .bytes(let b) = item, let v = try? RLP.decodeUInt64(b) else { throw .malformed(.schedule) }
        return v
    }
}
