import EVMPrimitives

/// An access-list entry (EIP-2930).
public struct AccessListEntry: Equatable, Sendable {
    public var address: Address
    public var storageKeys: [UInt256]
    public init(address: Address, storageKeys: [UInt256]) {
        self.address = address
        self.storageKeys = storageKeys
    }
}

/// A transaction of any supported type (Yellow Paper §4.2; EIP-2718 envelopes): legacy (0, with or without
/// EIP-155), access list (1, EIP-2930), fee market (2, EIP-1559), blob (3, EIP-4844). Fields not used by a
/// type keep their defaults. The sender is carried alongside (recovered from the signature, see
/// `TransactionDecoder`).
public struct Transaction: Equatable, Sendable {
    public var type: UInt8
    public var chainId: UInt256?
    public var nonce: UInt64
    /// Legacy and type-1 gas price.
    public var gasPrice: UInt256
    /// EIP-1559 fields (types 2 and 3).
    public var maxPriorityFeePerGas: UInt256
    public var maxFeePerGas: UInt256
    /// Gas limit; may exceed any block gas limit (then the transaction is invalid).
    public var gasLimit: UInt256
    /// nil for contract creation.
    public var to: Address?
    public var value: UInt256
    public var data: [UInt8]
    public var accessList: [AccessListEntry]
    /// EIP-4844 fields (type 3).
    public var maxFeePerBlobGas: UInt256
    public var blobVersionedHashes: [UInt256]
    /// EIP-7702 field (type 4).
    public var authorizationList: [Authorization]
    public var sender: Address

    public init(type: UInt8, chainId: UInt256? = nil, nonce: UInt64, gasPrice: UInt256 = .zero,
                maxPriorityFeePerGas: UInt256 = .zero, maxFeePerGas: UInt256 = .zero, gasLimit: UInt256,
                to: Address?, value: UInt256, data: [UInt8], accessList: [AccessListEntry] = [],
                maxFeePerBlobGas: UInt256 = .zero, blobVersionedHashes: [UInt256] = [],
                authorizationList: [Authorization] = [], sender: Address) {
        self.type = type
        self.chainId = chainId
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
        self.maxFeePerBlobGas = maxFeePerBlobGas
        self.blobVersionedHashes = blobVersionedHashes
        self.authorizationList = authorizationList
        self.sender = sender
    }

    /// Intrinsic gas g0 (Yellow Paper eq. 62; EIP-2028 calldata, EIP-2930 access list, EIP-3860 initcode,
    /// EIP-7702 PER_EMPTY_ACCOUNT_COST per authorization).
    public func intrinsicGas(fork: Fork) -> Int64 {
        let spec = fork.spec
        var g = Int64(Gas.txBase) + Int64(Gas.standardTokenCost) * calldataTokens
        if to == nil {
            g += Int64(Gas.txCreate)
            if spec.has(.eip3860) { g += Int64(Gas.initCodeWord) * Int64(Gas.words(data.count)) }
        }
        for e in accessList {
            g += Int64(Gas.accessListAddress) + Int64(Gas.accessListStorageKey) * Int64(e.storageKeys.count)
        }
        g += Int64(Gas.perEmptyAccountCost) * Int64(authorizationList.count)
        return g
    }

    /// Calldata tokens of EIP-7623: one per zero byte, four per non-zero byte.
    public var calldataTokens: Int64 {
        var zeros: Int64 = 0
        for b in data where b == 0 { zeros += 1 }
        return zeros + (Int64(data.count) - zeros) * 4
    }

    /// The EIP-7623 floor on gas used: TX_BASE_COST + TOTAL_COST_FLOOR_PER_TOKEN (10) × tokens; 0 before Prague.
    public func calldataFloorGas(fork: Fork) -> Int64 {
        fork.spec.has(.eip7623) ? Int64(Gas.txBase) + Int64(Gas.floorCostPerToken) * calldataTokens : 0
    }

    /// Blob gas used (EIP-4844): 2^17 per blob.
    public var blobGas: Int64 { Int64(blobVersionedHashes.count) * BlobParameters.gasPerBlob }
}

/// The outcome of an applied transaction.
public struct TransactionResult: Sendable {
    /// Gas used after refunds.
    public var gasUsed: Int64
    public var success: Bool
    public var output: [UInt8]
    public var logs: [Log]
    /// The exceptional halt of the top frame, if any.
    public var halt: Halt?

    public init(gasUsed: Int64, success: Bool, output: [UInt8], logs: [Log], halt: Halt?) {
        self.gasUsed = gasUsed
        self.success = success
        self.output = output
        self.logs = logs
        self.halt = halt
    }
}
