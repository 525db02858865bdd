/// A chain's own blob schedule for a fork (EIP-7840 `blobSchedule` in the chain configuration, EIP-7892
/// blob-parameter-only forks): the fork's rules with the per-block target, maximum and update fraction
/// replaced. The per-transaction limit stays the fork's (EIP-7594 from Osaka; the block maximum before).
extension ForkSpec {
    public func withBlobSchedule(target: Int, max: Int, baseFeeUpdateFraction: UInt64) -> ForkSpec {
        let perTransaction = has(.eip7594) ? blob.maxPerTransaction : max
        let b = BlobParameters(target: target, max: max, baseFeeUpdateFraction: baseFeeUpdateFraction,
                               maxPerTransaction: perTransaction)
        return ForkSpec(fork: fork, name: name, wireValue: wireValue, eips: eips, blob: b)
    }
}
