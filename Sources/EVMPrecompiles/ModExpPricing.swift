/// The declared operand lengths of a MODEXP call (EIP-198), read without trusting them.
///
/// Each length is a 32-byte big-endian word in the input and may be astronomically large; values that
/// do not fit in 64 bits are saturated to `UInt64.max`, which always prices the call out of reach.
public struct ModExpHeader: Equatable {
    /// Length of the base in bytes (saturated).
    public var baseLength: UInt64
    /// Length of the exponent in bytes (saturated).
    public var exponentLength: UInt64
    /// Length of the modulus in bytes (saturated).
    public var modulusLength: UInt64
    /// The first min(32, exponentLength) bytes of the exponent as a big-endian integer, left-padded to
    /// 32 bytes (bytes past the end of the input read as zero). Only its bit length affects the gas.
    public var exponentHead: [UInt8]

    public init(baseLength: UInt64, exponentLength: UInt64, modulusLength: UInt64, exponentHead: [UInt8]) {
        self.baseLength = baseLength
        self.exponentLength = exponentLength
        self.modulusLength = modulusLength
        self.exponentHead = exponentHead
    }
}

/// Gas pricing and input parsing of the MODEXP precompile at address 0x05: EIP-198 (layout),
/// EIP-2565 (Berlin pricing) and EIP-7883 (Osaka pricing).
///
/// Parsing never allocates based on a declared length: read the header, price it, charge the gas, and
/// only then call `operands(_:_:)`, whose allocation is bounded by what the gas paid for.
public enum ModExpPricing {
    /// Reads the three length words and the exponent head. Input shorter than needed reads as zeros.
    public static func parseHeader(_ input: [UInt8]) -> ModExpHeader {
        let baseLength = lengthWord(input, 0)
        let exponentLength = lengthWord(input, 32)
        let modulusLength = lengthWord(input, 64)
        var head = [UInt8](repeating: 0, count: 32)
        let headLength = Int(min(exponentLength, 32))
        let (start, overflow) = UInt64(96).addingReportingOverflow(baseLength)
        if !overflow && start < UInt64(input.count) {
            let s = Int(start)
            for i in 0..<headLength where s + i < input.count {
                head[32 - headLength + i] = input[s + i]
            }
        }
        return ModExpHeader(
            baseLength: baseLength, exponentLength: exponentLength, modulusLength: modulusLength,
            exponentHead: head)
    }

    /// EIP-2565 gas: max(200, ⌊multComplexity × iterationCount / 3⌋), saturating at `UInt64.max`,
    /// where multComplexity = ⌈max(baseLength, modulusLength) / 8⌉².
    public static func gasEIP2565(_ header: ModExpHeader) -> UInt64 {
        let maxLength = max(header.baseLength, header.modulusLength)
        let words = maxLength / 8 + (maxLength % 8 == 0 ? 0 : 1)  // ≤ 2^61
        let complexity = Wide.product(words, words)
        let iterations = iterationCount(header, multiplier: 8)
        guard let product = complexity.multiplied(by: iterations), product.high < 3 else { return UInt64.max }
        let gas = UInt64(3).dividingFullWidth((high: product.high, low: product.low)).quotient
        return max(gas, 200)
    }

    /// EIP-7883 gas (Osaka): max(500, multComplexity × iterationCount), saturating at `UInt64.max`,
    /// where multComplexity = 16 for max length ≤ 32 bytes, else 2 × ⌈max length / 8⌉², and each
    /// exponent byte beyond the first 32 counts 16 iterations.
    public static func gasEIP7883(_ header: ModExpHeader) -> UInt64 {
        let maxLength = max(header.baseLength, header.modulusLength)
        let complexity: Wide
        if maxLength <= 32 {
            complexity = Wide(high: 0, low: 16)
        } else {
            let words = maxLength / 8 + (maxLength % 8 == 0 ? 0 : 1)
            guard let doubled = Wide.product(words, words).multiplied(by: Wide(high: 0, low: 2)) else {
                return UInt64.max
            }
            complexity = doubled
        }
        let iterations = iterationCount(header, multiplier: 16)
        guard let product = complexity.multiplied(by: iterations), product.high == 0 else { return UInt64.max }
        return max(product.low, 500)
    }

    /// EIP-7823 (Osaka): each declared length must be at most 1024 bytes, else the call fails.
    public static func withinEIP7823Bounds(_ header: ModExpHeader) -> Bool {
        header.baseLength <= 1024 && header.exponentLength <= 1024 && header.modulusLength <= 1024
    }

    /// Copies out base, exponent and modulus (each right-padded with zeros past the end of the input).
    /// Call only after charging gas: it allocates the declared lengths, which the gas bounds — except
    /// when the modulus length is 0, where the output is empty whatever the operands (EIP-198) and the
    /// exponent length is unpriced (complexity 0 when the base is empty too): then it returns three
    /// empty arrays and allocates nothing. Returns nil when a declared length does not fit in memory
    /// addressing (`Int`) at all.
    public static func operands(_ input: [UInt8], _ header: ModExpHeader)
        -> (base: [UInt8], exponent: [UInt8], modulus: [UInt8])?
    {
        if header.modulusLength == 0 { return ([], [], []) }
        guard header.baseLength <= UInt64(Int.max / 4), header.exponentLength <= UInt64(Int.max / 4),
            header.modulusLength <= UInt64(Int.max / 4)
        else { return nil }
        let b = Int(header.baseLength), e = Int(header.exponentLength), m = Int(header.modulusLength)
        return (slice(input, 96, b), slice(input, 96 + b, e), slice(input, 96 + b + e, m))
    }

    // MARK: - Helpers

    /// adjusted exponent length (EIP-198), at least 1: bit index of the head's top bit, plus
    /// `multiplier` × (exponentLength − 32) when the exponent is longer than 32 bytes.
    private static func iterationCount(_ header: ModExpHeader, multiplier: UInt64) -> Wide {
        // Index of the highest set bit of the head (0 when the head is zero); robust to any head length.
        var bits: UInt64 = 0
        let head = header.exponentHead
        for (i, byte) in head.enumerated() where byte != 0 {
            bits = UInt64(head.count - 1 - i) &* 8 &+ UInt64(7 - byte.leadingZeroBitCount)
            break
        }
        var count = Wide(high: 0, low: bits)
        if header.exponentLength > 32 {
            let extra = Wide.product(header.exponentLength - 32, multiplier)
            count = extra.adding(count) ?? Wide(high: UInt64.max, low: UInt64.max)
        }
        if count.high == 0 && count.low == 0 { count = Wide(high: 0, low: 1) }
        return count
    }

    /// A 32-byte big-endian word at `offset` (zeros past the input) as a saturated UInt64.
    private static func lengthWord(_ input: [UInt8], _ offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<32 {
            let byte = offset + i < input.count ? input[offset + i] : 0
            if i < 24 {
                if byte != 0 { return UInt64.max }
            } else {
                value = value << 8 | UInt64(byte)
            }
        }
        return value
    }

    private static func slice(_ input: [UInt8], _ offset: Int, _ length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        if offset < input.count {
            let n = min(length, input.count - offset)
            for i in 0..<n { out[i] = input[offset + i] }
        }
        return out
    }

    /// A 128-bit unsigned value, only as wide as the pricing formulas need.
    private struct Wide {
        var high: UInt64
        var low: UInt64

        static func product(_ a: UInt64, _ b: UInt64) -> Wide {
            let p = a.multipliedFullWidth(by: b)
            return Wide(high: p.high, low: p.low)
        }

        func adding(_ other: Wide) -> Wide? {
            let (low, carry) = low.addingReportingOverflow(other.low)
            let (h1, o1) = high.addingReportingOverflow(other.high)
            let (h2, o2) = h1.addingReportingOverflow(carry ? 1 : 0)
            return o1 || o2 ? nil : Wide(high: h2, low: low)
        }

        /// The 128-bit product, or nil when it does not fit in 128 bits.
        func multiplied(by other: Wide) -> Wide? {
            if high != 0 && other.high != 0 { return nil }
            let ll = Wide.product(low, other.low)
            let cross1 = high.multipliedReportingOverflow(by: other.low)
            let cross2 = low.multipliedReportingOverflow(by: other.high)
            if cross1.overflow || cross2.overflow { return nil }
            let (cross, o) = cross1.partialValue.addingReportingOverflow(cross2.partialValue)
            if o { return nil }
            let (h, o2) = ll.high.addingReportingOverflow(cross)
            return o2 ? nil : Wide(high: h, low: ll.low)
        }
    }
}
