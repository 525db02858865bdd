import EVM
import EVMPrimitives

/// Header validation against the parent (execution-specs Cancun `validate_header`, `calculate_base_fee_per_gas`,
/// `check_gas_limit`, `vm/gas.py` `calculate_excess_blob_gas`; EIP-1559, EIP-4844, EIP-3675 post-Merge
/// constants; Berlin and London `validate_header` with the difficulty of `PreMergeRules`).
public enum HeaderValidation {
    public static let elasticityMultiplier: UInt64 = 2
    public static let baseFeeMaxChangeDenominator: UInt64 = 8
    public static let gasLimitAdjustmentFactor: UInt64 = 1024
    public static let gasLimitMinimum: UInt64 = 5000
    /// EMPTY_OMMER_HASH = keccak256(rlp([])).
    public static let emptyOmmersHash: [UInt8] = [
        0x1d, 0xcc, 0x4d, 0xe8, 0xde, 0xc7, 0x5d, 0x7a, 0xab, 0x85, 0xb5, 0x67, 0xb6, 0xcc, 0xd4, 0x1a,
        0xd3, 0x12, 0x45, 0x1b, 0x94, 0x8a, 0x74, 0x13, 0xf0, 0xa1, 0x42, 0xfd, 0x40, 0xd4, 0x93, 0x47,
    ]

    /// `check_gas_limit`: strictly within parent ± parent/1024, and at least 5000.
    public static func checkGasLimit(_ gasLimit: UInt64, parentGasLimit: UInt64) -> Bool {
        let delta = parentGasLimit / gasLimitAdjustmentFactor
        let (upper, overflow) = parentGasLimit.addingReportingOverflow(delta)
        if !overflow && gasLimit >= upper { return false }
        if gasLimit <= parentGasLimit - delta { return false }
        return gasLimit >= gasLimitMinimum
    }

    /// `calculate_base_fee_per_gas` (EIP-1559) for the child of a parent with `parentGasLimit`,
    /// `parentGasUsed`, `parentBaseFee`. nil when no base fee can be valid: the parent gas target is 0 or the
    /// result exceeds 256 bits. (The gas-limit bound is checked separately.)
    public static func baseFee(parentGasLimit: UInt64, parentGasUsed: UInt64, parentBaseFee: UInt256) -> UInt256? {
        let target = parentGasLimit / elasticityMultiplier
        guard target > 0 else { return nil }
        if parentGasUsed == target { return parentBaseFee }
        let increase = parentGasUsed > target
        let gasUsedDelta = increase ? parentGasUsed - target : target - parentGasUsed
        guard let feeDelta = mulDiv(parentBaseFee, gasUsedDelta, target) else { return nil }
        var change = UInt256.div(feeDelta, UInt256(baseFeeMaxChangeDenominator))
        if increase {
            if change.isZero { change = .one }
            let (sum, overflow) = parentBaseFee.addingReportingOverflow(change)
            return overflow ? nil : sum
        }
        return parentBaseFee &- change
    }

    /// ⌊a · b / d⌋ exactly for d > 0 and b ≤ 2^64, or nil when the result exceeds 256 bits
    /// (a = q·d + r, so a·b/d = q·b + ⌊r·b/d⌋ with r·b < 2^128).
    static func mulDiv(_ a: UInt256, _ b: UInt64, _ d: UInt64) -> UInt256? {
        let (q, r) = UInt256.divMod(a, UInt256(d))
        let p = UInt256.fullMultiply(q, UInt256(b))
        guard (p[4] | p[5] | p[6] | p[7]) == 0 else { return nil }
        let high = UInt256(w0: p[0], w1: p[1], w2: p[2], w3: p[3])
        let low = UInt256.div(r &* UInt256(b), UInt256(d))
        let (sum, overflow) = high.addingReportingOverflow(low)
        return overflow ? nil : sum
    }

    /// `calculate_excess_blob_gas` under the block's rules (EIP-4844; EIP-7918's reserve-price bound from
    /// Osaka): the parent's fields count as 0 when the parent predates Cancun.
    public static func excessBlobGas(parent: BlockHeader, rules: BlockRules) -> UInt64 {
        BlobGas.excessBlobGas(parentExcess: parent.excessBlobGas ?? 0, parentBlobGasUsed: parent.blobGasUsed ?? 0,
                              parentBaseFee: parent.baseFeePerGas ?? .zero, rules.spec)
    }

    /// `validate_header` of the Cancun specification, generalised over the post-Merge forks by `rules`.
    /// `parentHash` is keccak256(rlp(parent)).
    public static func validate(_ header: BlockHeader, parent: BlockHeader, parentHash: [UInt8], rules: BlockRules) throws(BlockError) {
        guard header.fieldCount == rules.headerFieldCount else { throw .invalidHeader(.fieldCount) }
        if header.number < 1 { throw .invalidHeader(.number) }
        if rules.isPreMerge {
            try validatePreMerge(header, parent: parent, parentHash: parentHash, rules: rules)
            return
        }
        if rules.hasBlobs && header.excessBlobGas != excessBlobGas(parent: parent, rules: rules) {
            throw .invalidHeader(.excessBlobGas)
        }
        if header.gasUsed > header.gasLimit { throw .invalidHeader(.gasUsed) }
        if !checkGasLimit(header.gasLimit, parentGasLimit: parent.gasLimit) { throw .invalidHeader(.gasLimit) }
        guard let parentBaseFee = parent.baseFeePerGas,
              let expected = baseFee(parentGasLimit: parent.gasLimit, parentGasUsed: parent.gasUsed, parentBaseFee: parentBaseFee),
              header.baseFeePerGas == expected
        else { throw .invalidHeader(.baseFeePerGas) }
        if header.timestamp <= parent.timestamp { throw .invalidHeader(.timestamp) }
        if parent.number == UInt64.max || header.number != parent.number + 1 { throw .invalidHeader(.number) }
        if header.extraData.count > 32 { throw .invalidHeader(.extraData) }
        if !header.difficulty.isZero { throw .invalidHeader(.difficulty) }
        for b in header.nonce where b != 0 { throw .invalidHeader(.nonce) }
        if header.ommersHash != emptyOmmersHash { throw .invalidHeader(.ommersHash) }
        if header.parentHash != parentHash { throw .invalidHeader(.parentHash) }
    }

    /// `validate_header` of Berlin and London (execution-specs `forks/berlin|london/fork.py` at 1626a8c15fbf),
    /// in their order, without the ethash seal. London's first block (`rules.activationBlock`) has
    /// INITIAL_BASE_FEE and, as EIP-1559 specifies, a gas limit bounded by twice the parent's (the parent's limit
    /// times ELASTICITY_MULTIPLIER); execution-specs skips that bound there, geth applies it.
    static func validatePreMerge(_ header: BlockHeader, parent: BlockHeader, parentHash: [UInt8], rules: BlockRules) throws(BlockError) {
        if header.gasUsed > header.gasLimit { throw .invalidHeader(.gasUsed) }
        if rules.hasBaseFee {
            let expected: UInt256?
            if header.number == rules.activationBlock {
                let (doubled, overflow) = parent.gasLimit.multipliedReportingOverflow(by: elasticityMultiplier)
                if overflow || !checkGasLimit(header.gasLimit, parentGasLimit: doubled) { throw .invalidHeader(.gasLimit) }
                expected = PreMergeRules.initialBaseFee
            } else {
                if !checkGasLimit(header.gasLimit, parentGasLimit: parent.gasLimit) { throw .invalidHeader(.gasLimit) }
                guard let parentBaseFee = parent.baseFeePerGas else { throw .invalidHeader(.baseFeePerGas) }
                expected = baseFee(parentGasLimit: parent.gasLimit, parentGasUsed: parent.gasUsed, parentBaseFee: parentBaseFee)
            }
            if expected == nil || header.baseFeePerGas != expected { throw .invalidHeader(.baseFeePerGas) }
        }
        if header.timestamp <= parent.timestamp { throw .invalidHeader(.timestamp) }
        if parent.number == UInt64.max || header.number != parent.number + 1 { throw .invalidHeader(.number) }
        if !rules.hasBaseFee && !checkGasLimit(header.gasLimit, parentGasLimit: parent.gasLimit) { throw .invalidHeader(.gasLimit) }
        if header.extraData.count > 32 { throw .invalidHeader(.extraData) }
        let expected = PreMergeRules.difficulty(
            number: header.number, timestamp: header.timestamp, parentTimestamp: parent.timestamp,
            parentDifficulty: parent.difficulty, parentHasOmmers: parent.ommersHash != emptyOmmersHash,
            bombDelay: PreMergeRules.bombDelay(rules.fork))
        if expected == nil || header.difficulty != expected { throw .invalidHeader(.difficulty) }
        if header.parentHash != parentHash { throw .invalidHeader(.parentHash) }
    }
}
