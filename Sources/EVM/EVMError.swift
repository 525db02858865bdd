/// Exceptional halting conditions of a call frame (Yellow Paper §9.4.2, execution-specs `vm/exceptions.py`).
/// Every one of them consumes all gas of the frame and reverts its state changes.
public enum Halt: Error, Equatable, Sendable {
    case outOfGas
    case stackUnderflow
    case stackOverflow
    case invalidOpcode(UInt8)
    case invalidJump
    case writeInStaticContext
    case returnDataOutOfBounds
    case invalidContractPrefix
    case precompileFailed

    public var description: String {
        switch self {
        case .outOfGas: return "out of gas"
        case .stackUnderflow: return "stack underflow"
        case .stackOverflow: return "stack overflow"
        case .invalidOpcode: return "invalid opcode"
        case .invalidJump: return "invalid jump destination"
        case .writeInStaticContext: return "state modification in static context"
        case .returnDataOutOfBounds: return "return data out of bounds"
        case .invalidContractPrefix: return "contract code starts with 0xEF"
        case .precompileFailed: return "precompile failed"
        }
    }
}

/// Why a transaction is invalid and must not be included (execution-specs `check_transaction`,
/// `validate_transaction`). A rejected transaction leaves the state unchanged.
public enum TransactionError: Error, Equatable, Sendable {
    case intrinsicGasTooLow
    case gasLimitAboveBlockGasLimit
    case nonceMismatch
    case nonceMaxValue
    case insufficientFunds
    case senderNotEOA
    case maxFeeBelowBaseFee
    case priorityFeeAboveMaxFee
    case gasPriceBelowBaseFee
    case initcodeTooLarge
    case typeNotSupported
    case blobTxWithoutTarget
    case blobTxWithoutBlobs
    case invalidBlobVersionedHash
    case blobFeeTooLow
    case tooManyBlobs
    case valueOverflow
    case invalidSignature
    case malformedEncoding
    case wrongChainId
    /// EIP-7702: a set-code transaction needs at least one authorization.
    case emptyAuthorizationList
    /// EIP-7702: a set-code transaction cannot create a contract.
    case setCodeTxWithoutTarget
    /// EIP-7825: gas limit above TX_MAX_GAS_LIMIT (2^24).
    case gasLimitAboveCap
    /// EIP-7594: more blobs than a transaction may carry.
    case tooManyBlobsInTransaction

    public var description: String {
        switch self {
        case .intrinsicGasTooLow: return "intrinsic gas too low"
        case .gasLimitAboveBlockGasLimit: return "gas limit exceeds the block gas limit"
        case .nonceMismatch: return "nonce mismatch"
        case .nonceMaxValue: return "nonce is 2^64-1"
        case .insufficientFunds: return "insufficient funds for gas * price + value"
        case .senderNotEOA: return "sender has code (EIP-3607)"
        case .maxFeeBelowBaseFee: return "max fee per gas below base fee"
        case .priorityFeeAboveMaxFee: return "max priority fee above max fee"
        case .gasPriceBelowBaseFee: return "gas price below base fee"
        case .initcodeTooLarge: return "initcode exceeds 49152 bytes (EIP-3860)"
        case .typeNotSupported: return "transaction type not supported by this fork"
        case .blobTxWithoutTarget: return "blob transaction must have a target"
        case .blobTxWithoutBlobs: return "blob transaction without blobs"
        case .invalidBlobVersionedHash: return "blob versioned hash without version 0x01"
        case .blobFeeTooLow: return "max fee per blob gas below blob base fee"
        case .tooManyBlobs: return "blob gas above the block maximum"
        case .valueOverflow: return "fee computation overflows 256 bits"
        case .invalidSignature: return "invalid signature"
        case .malformedEncoding: return "malformed transaction encoding"
        case .wrongChainId: return "transaction chain id differs from the chain's"
        case .emptyAuthorizationList: return "set-code transaction with an empty authorization list (EIP-7702)"
        case .setCodeTxWithoutTarget: return "set-code transaction must have a target (EIP-7702)"
        case .gasLimitAboveCap: return "gas limit above 2^24 (EIP-7825)"
        case .tooManyBlobsInTransaction: return "more blobs than a transaction may carry (EIP-7594)"
        }
    }
}
