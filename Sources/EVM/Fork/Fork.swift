/// The Ethereum hard forks this EVM implements (execution-specs `ethereum.berlin` … `ethereum.osaka`, plus the
/// EIP-7892 blob-parameter-only forks BPO1 and BPO2 of Fusaka, which change nothing but the blob schedule).
///
/// Ordered, so `fork >= .shanghai` reads as "Shanghai rules are active"; the raw value is the order and
/// nothing else (it indexes per-fork tables in this process). Everything a fork changes is data in its
/// `ForkSpec` (`fork.spec`); the number on the wire (BLOCK_ENV) is `ForkSpec.wireValue`, fixed per fork and
/// independent of this order.
public enum Fork: UInt8, Comparable, Sendable, CaseIterable {
    case berlin = 0
    case london = 1
    /// Paris, a.k.a. "the Merge".
    case paris = 2
    case shanghai = 3
    case cancun = 4
    case prague = 5
    case osaka = 6
    /// EIP-7892 blob-parameter-only fork 1 (Osaka rules, blob target 10 / max 15).
    case bpo1 = 7
    /// EIP-7892 blob-parameter-only fork 2 (Osaka rules, blob target 14 / max 21).
    case bpo2 = 8

    @inlinable
    public static func < (a: Fork, b: Fork) -> Bool { a.rawValue < b.rawValue }

    /// The fork's rules (`ForkSpec.table`).
    @inlinable
    public var spec: ForkSpec { ForkSpec.table[Int(rawValue)] }

    /// The fork's name as the EEST and ethereum/tests fixtures spell it.
    public var name: String { spec.name }

    /// Parses a fixture fork name ("Merge" is accepted for Paris); nil for any other name.
    public init?(name: String) {
        if name == "Merge" {
            self = .paris
            return
        }
        for f in Fork.allCases where f.spec.name == name {
            self = f
            return
        }
        return nil
    }

    /// The fork with BLOCK_ENV wire number `wire` (docs/FORMAT.md), nil for an unassigned number.
    public init?(wireValue wire: UInt64) {
        for f in Fork.allCases where UInt64(f.spec.wireValue) == wire {
            self = f
            return
        }
        return nil
    }

    /// Fork names of ethereum/tests that precede Berlin: known, but not implemented by this EVM.
    public static let namesBeforeBerlin: [String] = [
        "Frontier", "Homestead", "EIP150", "EIP158", "Byzantium", "Constantinople", "ConstantinopleFix", "Istanbul",
    ]
}
