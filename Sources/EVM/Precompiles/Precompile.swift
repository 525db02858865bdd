import EVMPrimitives

/// The precompiled contracts, keyed by address with the fork that introduced each (Yellow Paper Appendix E;
/// EIP-196/197, EIP-152, EIP-4844, EIP-2537, EIP-7951). `Precompiles.lookup` finds the one at an address in a
/// fork; `ForkSpec.precompiles` lists a fork's set.
public enum Precompile: UInt8, CaseIterable, Sendable {
    case ecrecover = 0x01
    case sha256 = 0x02
    case ripemd160 = 0x03
    case identity = 0x04
    case modexp = 0x05
    case bn254Add = 0x06
    case bn254Mul = 0x07
    case bn254Pairing = 0x08
    case blake2f = 0x09
    case pointEvaluation = 0x0a
    case bls12G1Add = 0x0b
    case bls12G1MSM = 0x0c
    case bls12G2Add = 0x0d
    case bls12G2MSM = 0x0e
    case bls12PairingCheck = 0x0f
    case bls12MapFpToG1 = 0x10
    case bls12MapFp2ToG2 = 0x11
    /// At address 0x100 (EIP-7951), not at its raw value.
    case p256Verify = 0x12

    /// The contract's address.
    @inlinable
    public var address: Address { Address(low: self == .p256Verify ? 0x100 : UInt64(rawValue)) }

    /// The first fork in which it exists.
    public var since: Fork {
        switch self {
        case .ecrecover, .sha256, .ripemd160, .identity, .modexp, .bn254Add, .bn254Mul, .bn254Pairing, .blake2f:
            return .berlin
        case .pointEvaluation: return .cancun
        case .bls12G1Add, .bls12G1MSM, .bls12G2Add, .bls12G2MSM, .bls12PairingCheck, .bls12MapFpToG1, .bls12MapFp2ToG2:
            return .prague
        case .p256Verify: return .osaka
        }
    }
}
