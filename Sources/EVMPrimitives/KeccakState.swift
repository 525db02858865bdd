/// The 1600-bit state of the Keccak-f[1600] permutation (FIPS 202 §3.1): 25 lanes of 64 bits.
///
/// Lane `(x, y)` is at index `x + 5·y`. Bytes map into lanes little-endian (FIPS 202 §3.1.2 with the
/// bit order of the Keccak reference): state byte `i` is byte `i % 8` of lane `i / 8`.
/// Stored inline (a tuple), so a state never allocates.
public struct KeccakState: Equatable, Sendable {
    /// The 25 lanes, index `x + 5·y`.
    public var lanes: (
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64
    )

    /// The all-zero state.
    public init() {
        lanes = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    }

    /// Number of lanes.
    public static let laneCount = 25

    /// Lane `index` (0 ..< 25). An index outside that range is a programming error and traps.
    @inline(__always)
    public subscript(index: Int) -> UInt64 {
        get {
            precondition(index >= 0 && index < 25, "Keccak lane index out of range")
            return withUnsafeBytes(of: lanes) { $0.load(fromByteOffset: index &* 8, as: UInt64.self) }
        }
        set {
            precondition(index >= 0 && index < 25, "Keccak lane index out of range")
            withUnsafeMutableBytes(of: &lanes) { $0.storeBytes(of: newValue, toByteOffset: index &* 8, as: UInt64.self) }
        }
    }

    public static func == (lhs: KeccakState, rhs: KeccakState) -> Bool {
        for i in 0..<25 where lhs[i] != rhs[i] { return false }
        return true
    }
}
