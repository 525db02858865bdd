/// Temporary bridge to the BN254 precompiles (EIP-196/197) until `EVMPrecompiles.BN254` lands: reports
/// "unsupported" so that the runner skips affected cases instead of failing them.
enum BN254Dispatch {
    static let unsupported = true
    static func add(_ input: [UInt8]) -> [UInt8]? { nil }
    static func mul(_ input: [UInt8]) -> [UInt8]? { nil }
    static func pairing(_ input: [UInt8]) -> [UInt8]? { nil }
}
