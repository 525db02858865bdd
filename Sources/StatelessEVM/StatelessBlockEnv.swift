import EVM
import EVMPrimitives

/// The block environment of a stateless execution and its BLOCK_ENV encoding (docs/EVMGUEST.md §2): the
/// fork plus the header fields of Yellow Paper §4.3 the EVM reads (EIP-1559 base fee, EIP-4399
/// prev_randao, EIP-4844 excess blob gas, EIP-1344 chain id, and the previous block hashes for BLOCKHASH).
///
/// Encoding: an RLP list of exactly 11 items, in this order —
/// `[fork, chainId, number, timestamp, coinbase, gasLimit, baseFee, prevRandao, difficulty, excessBlobGas,
/// [blockHash…]]` — integers as canonical RLP scalars (no leading zero byte, 0 is the empty string; at most
/// 8 bytes for number/gasLimit/excessBlobGas/fork, 32 for the others), coinbase exactly 20 bytes, at most
/// 256 block hashes of exactly 32 bytes each, most recent last. Any other byte string is rejected, so a
/// block environment has exactly one encoding.
public struct StatelessBlockEnv: Equatable, Sendable {
    public var fork: Fork
    public var env: BlockEnv

    public init(fork: Fork, env: BlockEnv) {
        self.fork = fork
        self.env = env
    }

    public static func == (a: StatelessBlockEnv, b: StatelessBlockEnv) -> Bool {
        a.encode() == b.encode()
    }

    /// The canonical BLOCK_ENV bytes.
    public func encode() -> [UInt8] {
        var p: [UInt8] = []
        RLP.encodeUInt64(UInt64(fork.spec.wireValue), into: &p)
        RLP.encodeBytes(env.chainId.minimalBigEndianBytes, into: &p)
        RLP.encodeUInt64(env.number, into: &p)
        RLP.encodeBytes(env.timestamp.minimalBigEndianBytes, into: &p)
        RLP.encodeBytes(env.coinbase.bytes, into: &p)
        RLP.encodeUInt64(env.gasLimit, into: &p)
        RLP.encodeBytes(env.baseFee.minimalBigEndianBytes, into: &p)
        RLP.encodeBytes(env.prevRandao.minimalBigEndianBytes, into: &p)
        RLP.encodeBytes(env.difficulty.minimalBigEndianBytes, into: &p)
        RLP.encodeUInt64(env.excessBlobGas, into: &p)
        var hashes: [UInt8] = []
        for h in env.blockHashes.suffix(256) { RLP.encodeBytes(h.bigEndianBytes, into: &hashes) }
        RLP.encodeListHeader(payloadLength: hashes.count, into: &p)
        p.append(contentsOf: hashes)
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: p.count, into: &out)
        out.append(contentsOf: p)
        return out
    }

    /// Decodes canonical BLOCK_ENV bytes; throws `malformedBlockEnv` naming the first bad field.
    public static func decode(_ bytes: [UInt8]) throws(StatelessError) -> StatelessBlockEnv {
        guard let item = try? RLP.decode(bytes, maxDepth: 2), case .list(let f) = item else {
            throw .malformedBlockEnv("not an RLP list")
        }
        guard f.count == 11 else { throw .malformedBlockEnv("expected 11 fields") }
        let forkNumber = try u64(f[0], "fork")
        guard let fork = Fork(wireValue: forkNumber) else { throw .malformedBlockEnv("unknown fork") }
        guard case .bytes(let coinbase) = f[4], coinbase.count == 20 else { throw .malformedBlockEnv("coinbase") }
        guard case .list(let hashItems) = f[10], hashItems.count <= 256 else { throw .malformedBlockEnv("block hashes") }
        var hashes: [UInt256] = []
        hashes.reserveCapacity(hashItems.count)
        for h in hashItems {
            guard case .bytes(let b) = h, b.count == 32 else { throw .malformedBlockEnv("block hash") }
            hashes.append(UInt256(bigEndian: b))
        }
        let env = BlockEnv(
            coinbase: Address(bytes: coinbase), number: try u64(f[2], "number"), timestamp: try word(f[3], "timestamp"),
            gasLimit: try u64(f[5], "gasLimit"), difficulty: try word(f[8], "difficulty"),
            prevRandao: try word(f[7], "prevRandao"), baseFee: try word(f[6], "baseFee"),
            excessBlobGas: try u64(f[9], "excessBlobGas"), chainId: try word(f[1], "chainId"), blockHashes: hashes)
        return StatelessBlockEnv(fork: fork, env: env)
    }

    static func u64(_ item: RLPItem, _ field: String) throws(StatelessError) -> UInt64 {
        guard case .bytes(let b) = item, let v = try? RLP.decodeUInt64(b) else { throw .malformedBlockEnv(field) }
        return v
    }

    static func word(_ item: RLPItem, _ field: String) throws(StatelessError) -> UInt256 {
        guard case .bytes(let b) = item, b.count <= 32, b.first != 0 else { throw .malformedBlockEnv(field) }
        return UInt256(bigEndian: b)
    }
}
