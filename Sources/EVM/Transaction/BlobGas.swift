import EVMPrimitives

/// Blob gas pricing of EIP-4844: blob base fee = fake_exponential(1, excess_blob_gas, update fraction), with
/// the fork's update fraction (`BlobParameters`), and the excess-blob-gas update of EIP-4844 with EIP-7918's
/// bound from Osaka (execution-specs `vm/gas.py` `calculate_excess_blob_gas`).
public enum BlobGas {
    public static let minBlobBaseFee = UInt256(1)

    /// fake_exponential(factor, numerator, denominator) of EIP-4844 (integer Taylor series).
    public static func fakeExponential(factor: UInt256, numerator: UInt256, denominator: UInt256) -> UInt256 {
        var i = UInt256(1)
        var output = UInt256.zero
        var accum = factor &* denominator
        while !accum.isZero {
            output = output &+ accum
            accum = UInt256.div(accum &* numerator, denominator &* i)
            i = i &+ .one
        }
        return UInt256.div(output, denominator)
    }

    /// The blob base fee for a block with `excessBlobGas` under `params`.
    public static func price(excessBlobGas: UInt64, _ params: BlobParameters) -> UInt256 {
        fakeExponential(factor: minBlobBaseFee, numerator: UInt256(excessBlobGas),
                        denominator: UInt256(params.baseFeeUpdateFraction))
    }

    /// The excess blob gas of a block from its parent's excess blob gas, blob gas used and base fee, under the
    /// block's fork `spec` (EIP-4844 `calc_excess_blob_gas`; from Osaka, EIP-7918: when the execution cost
    /// BLOB_BASE_COST × base fee exceeds GAS_PER_BLOB × the parent's blob base fee, the excess only grows, by
    /// blob gas used × (max − target) / max).
    public static func excessBlobGas(parentExcess: UInt64, parentBlobGasUsed: UInt64, parentBaseFee: UInt256,
                                     _ spec: ForkSpec) -> UInt64 {
        let p = spec.blob
        let parentBlobGas = parentExcess &+ parentBlobGasUsed
        let target = UInt64(p.targetBlobGasPerBlock)
        if parentBlobGas < target { return 0 }
        if spec.has(.eip7918) && p.max > 0 {
            let executionCost = UInt256(BlobParameters.blobBaseCost) &* parentBaseFee
            let blobCost = UInt256(UInt64(BlobParameters.gasPerBlob)) &* price(excessBlobGas: parentExcess, p)
            if executionCost > blobCost {
                return parentExcess &+ parentBlobGasUsed * UInt64(p.max - p.target) / UInt64(p.max)
            }
        }
        return parentBlobGas - target
    }
}
