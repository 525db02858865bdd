import EVMPrimitives
import EVM

/// A header field, named as in execution-specs `Header` (used by `BlockError` to say which one is wrong).
public enum HeaderField: UInt8, Equatable, Sendable {
    case parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, logsBloom, difficulty, number
    case gasLimit, gasUsed, timestamp, extraData, prevRandao, nonce, baseFeePerGas, withdrawalsRoot, blobGasUsed
    case excessBlobGas, parentBeaconBlockRoot, requestsHash
    /// The number of fields does not match the fork.
    case fieldCount

    public var name: String {
        switch self {
        case .parentHash: return "parentHash"
        case .ommersHash: return "ommersHash"
        case .coinbase: return "coinbase"
        case .stateRoot: return "stateRoot"
        case .transactionsRoot: return "transactionsRoot"
        case .receiptsRoot: return "receiptsRoot"
        case .logsBloom: return "logsBloom"
        case .difficulty: return "difficulty"
        case .number: return "number"
        case .gasLimit: return "gasLimit"
        case .gasUsed: return "gasUsed"
        case .timestamp: return "timestamp"
        case .extraData: return "extraData"
        case .prevRandao: return "prevRandao"
        case .nonce: return "nonce"
        case .baseFeePerGas: return "baseFeePerGas"
        case .withdrawalsRoot: return "withdrawalsRoot"
        case .blobGasUsed: return "blobGasUsed"
        case .excessBlobGas: return "excessBlobGas"
        case .parentBeaconBlockRoot: return "parentBeaconBlockRoot"
        case .requestsHash: return "requestsHash"
        case .fieldCount: return "field count"
        }
    }
}

/// A part of the block's RLP (for decoding failures).
public enum BlockPart: UInt8, Equatable, Sendable {
    case rlp, transactions, ommers, withdrawals

    public var name: String {
        switch self {
        case .rlp: return "block RLP"
        case .transactions: return "transactions"
        case .ommers: return "ommers"
        case .withdrawals: return "withdrawals"
        }
    }
}

/// Which rule of execution-specs `validate_ommers` (Berlin, London) an ommer breaks.
public enum OmmerRule: UInt8, Equatable, Sendable {
    /// Its number is not in 1 ..< the block's number.
    case number
    /// The ancestry does not reach its canonical parent, or the ommers the recent blocks included are unknown.
    case ancestryUnavailable
    /// More than two ommers.
    case tooMany
    /// The same ommer twice.
    case duplicate
    /// It is the block itself or one of its last seven ancestors.
    case inChain
    /// One of the last seven ancestors already included it.
    case alreadyIncluded
    /// Its age (block number − ommer number) is not in 1 ... 6.
    case tooOld
    /// Its parent is not one of the last seven ancestors.
    case parentNotRecent
    /// Its parent is the block's parent.
    case sibling

    public var name: String {
        switch self {
        case .number: return "number out of range"
        case .ancestryUnavailable: return "ancestry unavailable"
        case .tooMany: return "more than two ommers"
        case .duplicate: return "duplicate"
        case .inChain: return "already in the chain"
        case .alreadyIncluded: return "already included by an ancestor"
        case .tooOld: return "too old"
        case .parentNotRecent: return "parent not among the last seven blocks"
        case .sibling: return "sibling of the block"
        }
    }

    var exceptionName: String {
        switch self {
        case .number, .tooOld: return "BlockException.UNCLE_PARENT_INCORRECT"
        case .ancestryUnavailable, .parentNotRecent: return "BlockException.UNCLE_UNKNOWN_PARENT"
        case .tooMany: return "BlockException.TOO_MANY_UNCLES"
        case .duplicate, .sibling: return "BlockException.UNCLE_IS_BROTHER"
        case .inChain: return "BlockException.UNCLE_IS_ANCESTOR"
        case .alreadyIncluded: return "BlockException.UNCLE_IN_CHAIN"
        }
    }
}

/// Why a block is invalid (execution-specs `state_transition` raising `InvalidBlock`): each check of
/// `validate_header`, `apply_body` and the header commitments has its own case.
public enum BlockError: Error, Equatable, Sendable {
    /// The block's RLP is not a well-formed block.
    case malformedBlock(BlockPart)
    /// A header field is not decodable (wrong size, non-canonical integer, wrong field count).
    case malformedHeader(HeaderField)
    /// A header field violates `validate_header` (against the parent and the fork's constants).
    case invalidHeader(HeaderField)
    /// The parent block is not known.
    case unknownParent
    /// A post-Merge block carries ommers.
    case ommersPresent
    /// Withdrawals are present before Shanghai or absent from Shanghai on.
    case withdrawalsPresence
    /// Transaction `index` cannot be included (undecodable, bad signature, or `check_transaction` fails).
    case invalidTransaction(index: Int, TransactionError)
    /// Transaction `index` has an EIP-2718 type the block's fork does not know (execution-specs: the body does
    /// not decode under that fork's `Transaction` union).
    case transactionTypeBeforeFork(index: Int, type: UInt8)
    /// A header commitment does not hold after executing the body (gasUsed, transactionsRoot, receiptsRoot,
    /// logsBloom, withdrawalsRoot, blobGasUsed, stateRoot, requestsHash).
    case commitmentMismatch(HeaderField)
    /// The block's timestamp selects a fork this build does not implement.
    case unsupportedFork
    /// The state backend could not serve the execution or produce the post-state root (a witness gap).
    case stateUnavailable
    /// EIP-7934 (Osaka): rlp(block) is longer than MAX_RLP_BLOCK_SIZE.
    case blockTooLarge
    /// A checked system call (EIP-7002, EIP-7251 dequeue) targets an address without code.
    case systemContractEmpty(Address)
    /// A checked system call failed (reverted, ran out of gas, halted).
    case systemContractCallFailed(Address)
    /// A `DepositEvent` log of the deposit contract has not the deposit contract's ABI layout (EIP-6110).
    case invalidDepositEvent
    /// Ommer `index` breaks a rule of `validate_ommers` (Berlin, London).
    case invalidOmmer(index: Int, OmmerRule)
    /// Ommer `index`'s header fails `validate_header` against its canonical parent.
    case invalidOmmerHeader(index: Int, HeaderField)
    /// BLOCKHASH read block `number`, within the 256-block window, whose hash the chain given to the
    /// transition does not hold (a witness without that ancestor header): the execution cannot be trusted.
    case blockHashUnavailable(number: UInt64)

    public var description: String {
        switch self {
        case .malformedBlock(let p): return "malformed block: \(p.name)"
        case .malformedHeader(let f): return "malformed header: \(f.name)"
        case .invalidHeader(let f): return "invalid header: \(f.name)"
        case .unknownParent: return "unknown parent block"
        case .ommersPresent: return "ommers present after the Merge"
        case .withdrawalsPresence: return "withdrawals presence does not match the fork"
        case .invalidTransaction(let i, let e): return "invalid transaction \(i): \(e.description)"
        case .transactionTypeBeforeFork(let i, let t): return "invalid transaction \(i): type \(t) not supported by this fork"
        case .commitmentMismatch(let f): return "header \(f.name) does not match the executed block"
        case .unsupportedFork: return "fork not supported"
        case .stateUnavailable: return "state not available from the backend"
        case .blockTooLarge: return "block RLP exceeds MAX_RLP_BLOCK_SIZE"
        case .systemContractEmpty(let a): return "system contract \(Hex.encode(a.bytes, prefix: true)) has no code"
        case .systemContractCallFailed(let a): return "system call to \(Hex.encode(a.bytes, prefix: true)) failed"
        case .invalidDepositEvent: return "deposit event log with an invalid layout"
        case .invalidOmmer(let i, let r): return "invalid ommer \(i): \(r.name)"
        case .invalidOmmerHeader(let i, let f): return "invalid ommer \(i): header \(f.name)"
        case .blockHashUnavailable(let n): return "BLOCKHASH of block \(n): ancestor header not available"
        }
    }

    /// The closest exception class of execution-spec-tests (`BlockException.*`, `TransactionException.*`).
    public var exceptionName: String {
        switch self {
        case .malformedBlock, .malformedHeader: return "BlockException.RLP_STRUCTURES_ENCODING"
        case .invalidHeader(let f):
            switch f {
            case .gasLimit: return "BlockException.INVALID_GASLIMIT"
            case .gasUsed: return "BlockException.GAS_USED_OVERFLOW"
            case .baseFeePerGas: return "BlockException.INVALID_BASEFEE_PER_GAS"
            case .excessBlobGas: return "BlockException.INCORRECT_EXCESS_BLOB_GAS"
            case .blobGasUsed: return "BlockException.INCORRECT_BLOB_GAS_USED"
            case .timestamp: return "BlockException.INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT"
            case .number: return "BlockException.INVALID_BLOCK_NUMBER"
            case .extraData: return "BlockException.EXTRA_DATA_TOO_BIG"
            case .fieldCount: return "BlockException.INCORRECT_BLOCK_FORMAT"
            case .difficulty: return "BlockException.INVALID_DIFFICULTY"
            case .ommersHash: return "BlockException.INVALID_UNCLES_HASH"
            default: return "BlockException.INVALID_BLOCK_HASH"
            }
        case .unknownParent: return "BlockException.UNKNOWN_PARENT"
        case .ommersPresent: return "BlockException.INCORRECT_BLOCK_FORMAT"
        case .withdrawalsPresence: return "BlockException.INCORRECT_BLOCK_FORMAT"
        case .invalidTransaction(_, let e): return "TransactionException." + Self.transactionExceptionName(e)
        case .transactionTypeBeforeFork(_, let t):
            return t >= 1 && t <= 4 ? "TransactionException.TYPE_\(t)_TX_PRE_FORK" : "TransactionException.TYPE_NOT_SUPPORTED"
        case .commitmentMismatch(let f):
            switch f {
            case .gasUsed: return "BlockException.INCORRECT_BLOCK_GAS_USED"
            case .receiptsRoot: return "BlockException.INVALID_RECEIPTS_ROOT"
            case .logsBloom: return "BlockException.INVALID_LOG_BLOOM"
            case .withdrawalsRoot: return "BlockException.INVALID_WITHDRAWALS_ROOT"
            case .blobGasUsed: return "BlockException.INCORRECT_BLOB_GAS_USED"
            case .requestsHash: return "BlockException.INVALID_REQUESTS"
            case .transactionsRoot: return "BlockException.INVALID_TRANSACTIONS_ROOT"
            default: return "BlockException.INVALID_STATE_ROOT"
            }
        case .unsupportedFork: return "BlockException.UNSUPPORTED_FORK"
        case .stateUnavailable: return "BlockException.STATE_UNAVAILABLE"
        case .blockTooLarge: return "BlockException.RLP_BLOCK_LIMIT_EXCEEDED"
        case .systemContractEmpty: return "BlockException.SYSTEM_CONTRACT_EMPTY"
        case .systemContractCallFailed: return "BlockException.SYSTEM_CONTRACT_CALL_FAILED"
        case .invalidDepositEvent: return "BlockException.INVALID_DEPOSIT_EVENT_LAYOUT"
        case .invalidOmmer(_, let r): return r.exceptionName
        case .invalidOmmerHeader(_, let f): return f == .difficulty ? "BlockException.INVALID_DIFFICULTY" : "BlockException.UNCLE_PARENT_INCORRECT"
        case .blockHashUnavailable: return "BlockException.BLOCKHASH_UNAVAILABLE"
        }
    }

    static func transactionExceptionName(_ e: TransactionError) -> String {
        switch e {
        case .intrinsicGasTooLow: return "INTRINSIC_GAS_TOO_LOW"
        case .gasLimitAboveBlockGasLimit: return "GAS_ALLOWANCE_EXCEEDED"
        case .nonceMismatch: return "NONCE_MISMATCH"
        case .nonceMaxValue: return "NONCE_IS_MAX"
        case .insufficientFunds, .valueOverflow: return "INSUFFICIENT_ACCOUNT_FUNDS"
        case .senderNotEOA: return "SENDER_NOT_EOA"
        case .maxFeeBelowBaseFee, .gasPriceBelowBaseFee: return "INSUFFICIENT_MAX_FEE_PER_GAS"
        case .priorityFeeAboveMaxFee: return "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"
        case .initcodeTooLarge: return "INITCODE_SIZE_EXCEEDED"
        case .typeNotSupported: return "TYPE_NOT_SUPPORTED"
        case .blobTxWithoutTarget: return "TYPE_3_TX_CONTRACT_CREATION"
        case .blobTxWithoutBlobs: return "TYPE_3_TX_ZERO_BLOBS"
        case .invalidBlobVersionedHash: return "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"
        case .blobFeeTooLow: return "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"
        case .tooManyBlobs: return "TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"
        case .invalidSignature: return "INVALID_SIGNATURE_VRS"
        case .malformedEncoding: return "RLP_INVALID_VALUE"
        case .wrongChainId: return "INVALID_CHAINID"
        case .emptyAuthorizationList: return "TYPE_4_EMPTY_AUTHORIZATION_LIST"
        case .setCodeTxWithoutTarget: return "TYPE_4_TX_CONTRACT_CREATION"
        case .gasLimitAboveCap: return "GAS_LIMIT_EXCEEDS_MAXIMUM"
        case .tooManyBlobsInTransaction: return "TYPE_3_TX_BLOB_COUNT_EXCEEDED"
        }
    }
}
