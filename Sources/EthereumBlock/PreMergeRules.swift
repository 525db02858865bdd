import EVM
import EVMPrimitives

/// The chain a pre-Merge block extends, as far as `validate_ommers` reads it: the ancestors' headers, parent
/// first (the ommers' parents are among the last MAX_OMMER_DEPTH + 1 = 7 of them), and the hashes of the ommers
/// those seven blocks included. `includedOmmers` nil means unknown: a block with ommers is then rejected with
/// `ommerAncestryUnavailable`, never accepted unchecked.
public struct BlockAncestry: Equatable, Sendable {
    public var headers: [BlockHeader]
    public var includedOmmers: [[UInt8]]?

    public init(headers: [BlockHeader] = [], includedOmmers: [[UInt8]]? = nil) {
        self.headers = headers
        self.includedOmmers = includedOmmers
    }
}

/// The proof-of-work block rules of Berlin and London (execution-specs `forks/berlin/fork.py`,
/// `forks/london/fork.py` at 1626a8c15fbf): `calculate_block_difficulty` with the difficulty-bomb delay,
/// `validate_ommers` and `pay_rewards`. The seal itself (ethash `validate_proof_of_work`) is not checked: the
/// blockchain fixtures are filled with `sealEngine: NoProof`.
public enum PreMergeRules {
    /// BLOCK_REWARD: 2 ETH (Constantinople on, EIP-1234).
    public static let blockReward = UInt256(2_000_000_000_000_000_000)
    public static let minimumDifficulty = UInt256(131_072)
    public static let maxOmmerDepth: UInt64 = 6
    public static let maxOmmers = 2
    /// INITIAL_BASE_FEE of EIP-1559: the base fee of London's first block.
    public static let initialBaseFee = UInt256(1_000_000_000)

    /// BOMB_DELAY_BLOCKS: 9,000,000 for Berlin (EIP-2384), 9,700,000 for London (EIP-3554).
    public static func bombDelay(_ fork: Fork) -> UInt64 { fork >= .london ? 9_700_000 : 9_000_000 }

    /// `calculate_block_difficulty`: parent_difficulty + parent_difficulty // 2048 ·
    /// max((2 if the parent has ommers else 1) − (timestamp − parent_timestamp) // 9, −99), plus the bomb
    /// 2^((number − delay) // 100000 − 2) once that exponent is ≥ 0, at least MINIMUM_DIFFICULTY. nil when the
    /// result does not fit 256 bits (no header can carry it).
    public static func difficulty(number: UInt64, timestamp: UInt64, parentTimestamp: UInt64, parentDifficulty: UInt256,
                                  parentHasOmmers: Bool, bombDelay: UInt64) -> UInt256? {
        let elapsed = timestamp > parentTimestamp ? timestamp - parentTimestamp : 0
        let steps = Int64(min(elapsed / 9, 1000))
        let factor = max((parentHasOmmers ? 2 : 1) - steps, -99)
        let quotient = UInt256.div(parentDifficulty, UInt256(2048))
        var d: UInt256
        if factor >= 0 {
            let (sum, overflow) = parentDifficulty.addingReportingOverflow(quotient &* UInt256(UInt64(factor)))
            if overflow { return nil }
            d = sum
        } else {
            d = parentDifficulty &- quotient &* UInt256(UInt64(-factor))
        }
        if number >= bombDelay {
            let periods = (number - bombDelay) / 100_000
            if periods >= 2 {
                guard periods - 2 < 256 else { return nil }
                let (sum, overflow) = d.addingReportingOverflow(UInt256.one << Int(periods - 2))
                if overflow { return nil }
                d = sum
            }
        }
        return d < minimumDifficulty ? minimumDifficulty : d
    }

    /// `rlp(ommers)`: the list whose keccak256 is a header's `ommersHash`.
    public static func encodeOmmers(_ ommers: [BlockHeader]) -> [UInt8] {
        var list: [UInt8] = []
        for o in ommers { list.append(contentsOf: o.encode()) }
        var encoded: [UInt8] = []
        RLP.encodeListHeader(payloadLength: list.count, into: &encoded)
        encoded.append(contentsOf: list)
        return encoded
    }

    /// `validate_ommers` for `block` (header hash `blockHash`) on `ancestry`, each ommer's header checked by
    /// `validateHeader(ommer, itsCanonicalParent)`.
    static func validateOmmers<H: KeccakHasher>(
        _ block: Block, blockHash: [UInt8], ancestry: BlockAncestry, _ hasher: H,
        validateHeader: (BlockHeader, BlockHeader) throws(BlockError) -> Void
    ) throws(BlockError) {
        if hasher.keccak256(encodeOmmers(block.ommers)) != block.header.ommersHash { throw .invalidHeader(.ommersHash) }
        if block.ommers.isEmpty { return }
        let header = block.header
        for (i, ommer) in block.ommers.enumerated() {
            guard ommer.number >= 1, ommer.number < header.number else { throw .invalidOmmer(index: i, .number) }
            // The canonical block at the ommer's height − 1 (execution-specs looks its parent up by number).
            let back = header.number - ommer.number
            guard back < UInt64(ancestry.headers.count) else { throw .invalidOmmer(index: i, .ancestryUnavailable) }
            do { try validateHeader(ommer, ancestry.headers[Int(back)]) } catch {
                if case .invalidHeader(let f) = error { throw .invalidOmmerHeader(index: i, f) }
                throw .invalidOmmerHeader(index: i, .fieldCount)
            }
        }
        if block.ommers.count > maxOmmers { throw .invalidOmmer(index: maxOmmers, .tooMany) }
        var hashes: [[UInt8]] = []
        for o in block.ommers { hashes.append(o.hash(hasher)) }
        for i in 0..<hashes.count {
            for j in 0..<i where hashes[j] == hashes[i] { throw .invalidOmmer(index: i, .duplicate) }
        }
        guard let included = ancestry.includedOmmers else { throw .invalidOmmer(index: 0, .ancestryUnavailable) }
        var recent: [[UInt8]] = []
        for h in ancestry.headers.prefix(Int(maxOmmerDepth) + 1) { recent.append(h.hash(hasher)) }
        for (i, ommer) in block.ommers.enumerated() {
            let hash = hashes[i]
            if hash == blockHash || recent.contains(hash) { throw .invalidOmmer(index: i, .inChain) }
            if included.contains(hash) { throw .invalidOmmer(index: i, .alreadyIncluded) }
            let age = header.number - ommer.number
            if age < 1 || age > maxOmmerDepth { throw .invalidOmmer(index: i, .tooOld) }
            if !recent.contains(ommer.parentHash) { throw .invalidOmmer(index: i, .parentNotRecent) }
            if ommer.parentHash == header.parentHash { throw .invalidOmmer(index: i, .sibling) }
        }
    }

    /// `pay_rewards`: BLOCK_REWARD + BLOCK_REWARD // 32 per ommer to the coinbase, (8 − age) · BLOCK_REWARD // 8
    /// to each ommer's coinbase.
    static func payRewards<B: StateBackend, C: CryptoProvider>(_ block: Block, evm: EVM<B, C, L1Variant>) {
        let n = UInt256(UInt64(block.ommers.count))
        evm.state.addBalance(block.header.coinbase, blockReward &+ n &* UInt256.div(blockReward, UInt256(32)))
        for ommer in block.ommers {
            let age = block.header.number - ommer.number
            evm.state.addBalance(ommer.coinbase, UInt256.div(UInt256(8 - age) &* blockReward, UInt256(8)))
        }
        evm.state.endTransaction()
    }
}
