import EVMPrimitives

/// Blob gas pricing of EIP-4844: blob base fee = fake_exponential(1, excess_blob_gas, 3338477).
public enum BlobGas {
    public static let minBlobBaseFee = UInt256(1)
    public static let updateFraction = UInt256(3_338_477)

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

    /// The blob base fee for a block with `excessBlobGas`.
    public static func price(excessBlobGas: UInt64) -> UInt256 {
        fakeExponential(factor: minBlobBaseFee, numerator: UInt256(excessBlobGas), denominator: updateFraction)
    }
}
