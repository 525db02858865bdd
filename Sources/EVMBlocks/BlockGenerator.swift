import EVM
import EVMPrimitives
import NativeCrypto

/// Generates a deterministic rollup block of signed ETH transfers and ERC-20 `transfer` calls from many funded
/// accounts (docs/EVMBLOCKS.md §3). Same options → same keys, transactions, pre-state and roots.
public enum BlockGenerator {
    public static let fork = Fork.cancun
    public static let chainId = UInt256(0x8079)
    public static let baseFee = UInt256(1_000_000_000)
    public static let maxPriorityFee = UInt256(1_000_000_000)
    public static let maxFee = UInt256(3_000_000_000)
    /// Gas limits of the two kinds of transaction (an ERC-20 transfer uses about 35–52 k).
    public static let ethTransferGas: UInt64 = 21_000
    public static let erc20TransferGas: UInt64 = 80_000
    /// Initial balances: 1000 ETH and 10^24 token units per account.
    public static let initialBalance = UInt256(1_000_000_000_000_000_000) &* UInt256(1000)
    public static let initialTokens = UInt256(1_000_000_000_000) &* UInt256(1_000_000_000_000)

    static func derivedAddress(_ label: String) -> Address {
        Address(bytes: Keccak256.hash(Array(label.utf8))[12...])
    }
    /// The token contract's address: keccak256("rvx genblock erc20")[12:].
    public static let tokenAddress = derivedAddress("rvx genblock erc20")
    /// The coinbase: keccak256("rvx genblock coinbase")[12:].
    public static let coinbase = derivedAddress("rvx genblock coinbase")

    static func be64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * $0)) } }

    /// Secret key i: keccak256("rvx genblock key" ‖ seed ‖ i) (64-bit big-endian), re-hashed in the
    /// negligible case it is not a valid scalar.
    public static func key(seed: UInt64, index: UInt64) throws(EVMBlocksError) -> SigningKey {
        var sk = Keccak256.hash(Array("rvx genblock key".utf8) + be64(seed) + be64(index))
        while !Secp256k1.isValidScalar(sk) { sk = Keccak256.hash(sk) }
        return try SigningKey(secretKey: sk)
    }

    /// The block environment (number 1000 + seed mod 10^6, timestamp, prevRandao and anchor from the seed).
    public static func blockEnv(_ o: GenBlockOptions) -> BlockEnv {
        let number = 1000 + o.seed % 1_000_000
        let randao = UInt256(bigEndian: Keccak256.hash(Array("rvx genblock randao".utf8) + be64(o.seed)))
        return BlockEnv(coinbase: coinbase, number: number, timestamp: UInt256(1_750_000_000 + 12 * number),
                        gasLimit: o.gas, difficulty: .zero, prevRandao: randao, baseFee: baseFee, excessBlobGas: 0,
                        chainId: chainId, blockHashes: [])
    }

    public static func anchor(seed: UInt64) -> [UInt8] { Keccak256.hash(Array("rvx genblock anchor".utf8) + be64(seed)) }

    /// The pre-state: funded accounts (ETH and tokens), the token and the anchor contract.
    public static func preState(keys: [SigningKey]) -> InMemoryState {
        var pre = InMemoryState()
        var tokenStorage: [UInt256: UInt256] = [:]
        for k in keys {
            pre.entries[k.address] = .init(account: Account(nonce: 0, balance: initialBalance), storage: [:])
            tokenStorage[ERC20Contract.balanceSlot(k.address)] = initialTokens
        }
        let token = ERC20Contract.code
        pre.entries[tokenAddress] = .init(
            account: Account(nonce: 1, code: token, codeHash: UInt256(bigEndian: Keccak256.hash(token))),
            storage: tokenStorage)
        let anchorCode = AnchorContract.code
        pre.entries[L1Anchor.address] = .init(
            account: Account(nonce: 1, code: anchorCode, codeHash: UInt256(bigEndian: Keccak256.hash(anchorCode))),
            storage: [:])
        return pre
    }

    /// Generates the block and executes it natively.
    public static func generate(_ o: GenBlockOptions) throws(EVMBlocksError) -> GeneratedBlock {
        try o.validate()
        let crypto = NativeCryptoProvider()
        let accountCount = o.accounts ?? max(8, Int(o.gas / ethTransferGas) / 2)
        var keys: [SigningKey] = []
        keys.reserveCapacity(accountCount)
        for i in 0..<accountCount { keys.append(try key(seed: o.seed, index: UInt64(i))) }
        let pre = preState(keys: keys)
        let env = blockEnv(o)
        let anchor = anchor(seed: o.seed)
        let evm = EVM(state: JournaledState(backend: pre), crypto: crypto, fork: fork, block: env)
        var exec = BlockExecution(evm: evm, anchor: anchor)
        guard exec.anchorCall.ran && exec.anchorCall.success else { throw .executionMismatch("anchor system call failed") }

        var rng = SplitMix64(seed: o.seed)
        var nonces = [UInt64](repeating: 0, count: accountCount)
        var txs: [[UInt8]] = []
        var eth = 0, erc20 = 0
        while exec.gasAvailable >= Int64(ethTransferGas) {
            let s = Int(rng.next(below: UInt64(accountCount)))
            var r = Int(rng.next(below: UInt64(accountCount - 1)))
            if r >= s { r += 1 }
            let wantsToken = rng.next(below: 100) < o.erc20Share
            let amount = UInt256(1 + rng.next(below: 1_000_000))
            let isToken = wantsToken && exec.gasAvailable >= Int64(erc20TransferGas)
            let fields = EIP1559Signer.Fields(
                chainId: chainId, nonce: nonces[s], maxPriorityFeePerGas: maxPriorityFee, maxFeePerGas: maxFee,
                gasLimit: isToken ? erc20TransferGas : ethTransferGas,
                to: isToken ? tokenAddress : keys[r].address, value: isToken ? .zero : amount,
                data: isToken ? ERC20Contract.transferCalldata(to: keys[r].address, amount: amount) : [])
            let raw = try EIP1559Signer.sign(fields, key: keys[s])
            let tx: Transaction
            do { tx = try TransactionDecoder.decode(raw, crypto: crypto) } catch {
                throw .executionMismatch("generated transaction does not decode: \(error.description)")
            }
            let receipt = exec.apply(tx)
            guard receipt.status == .success else {
                throw .executionMismatch("generated transaction \(txs.count) did not succeed: \(receipt.status)")
            }
            nonces[s] += 1
            txs.append(raw)
            if isToken { erc20 += 1 } else { eth += 1 }
        }
        var post = pre
        post.apply(evm.state)
        return GeneratedBlock(
            options: o, pre: pre, block: env, fork: fork, anchor: anchor, transactions: txs, receipts: exec.receipts,
            gasUsed: exec.gasUsed, ethTransfers: eth, erc20Transfers: erc20, post: post,
            preRoot: pre.stateRoot(crypto), postRoot: post.stateRoot(crypto),
            logsHash: LogsHash.compute(exec.logs, crypto))
    }
}
