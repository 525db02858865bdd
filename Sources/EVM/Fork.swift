/// The Ethereum hard forks this EVM implements (execution-specs `ethereum.berlin` … `ethereum.cancun`).
///
/// Ordered, so `fork >= .shanghai` reads as "Shanghai rules are active".
public enum Fork: UInt8, Comparable, Sendable, CaseIterable {
    case berlin = 0
    case london = 1
    /// Paris, a.k.a. "the Merge".
    case paris = 2
    case shanghai = 3
    case cancun = 4

    @inlinable
    public static func < (a: Fork, b: Fork) -> Bool { a.rawValue < b.rawValue }

    /// The fork's name as the state-test fixtures spell it.
    public var name: String {
        switch self {
        case .berlin: return "Berlin"
        case .london: return "London"
        case .paris: return "Paris"
        case .shanghai: return "Shanghai"
        case .cancun: return "Cancun"
        }
    }

    /// Parses a fixture fork name ("Merge" is accepted for Paris); nil for unsupported forks.
    public init?(name: String) {
        switch name {
        case "Berlin": self = .berlin
        case "London": self = .london
        case "Paris", "Merge": self = .paris
        case "Shanghai": self = .shanghai
        case "Cancun": self = .cancun
        default: return nil
        }
    }
}
