import BinaryTree

/// Builds batches for the token rollup (docs/ROLLUP.md §8): valid signed transfers between genesis accounts,
/// L1 deposits and withdrawals, interleaved deterministically from a seed. It tracks balances and nonces with
/// `TokenSTF` so that every transfer it signs is valid when applied in order.
public struct TokenSequencer {
    public let genesis: TokenGenesis
    public let config: TokenConfig
    /// The state after the operations planned so far.
    public private(set) var state: SHA256BinaryTree

    public init(genesis: TokenGenesis, config: TokenConfig) {
        self.genesis = genesis
        self.config = config
        state = genesis.tree
    }

    /// A batch of `transfers` transfers, `deposits` deposits and `withdrawals` withdrawals in a seeded order.
    /// Deposits go to genesis accounts and to fresh addresses; amounts are small (≤ 1/10 of the balance).
    public mutating func makeBatch(transfers: Int, deposits: Int, withdrawals: Int, seed: UInt64 = 1) -> TokenBatch {
        var rng = SplitMix64(seed: seed)
        var kinds = [UInt8](repeating: 0, count: max(transfers, 0)) + [UInt8](repeating: 1, count: max(deposits, 0))
            + [UInt8](repeating: 2, count: max(withdrawals, 0))
        for i in stride(from: kinds.count - 1, to: 0, by: -1) { kinds.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let keys = genesis.keys
        var ops: [TokenOp] = []
        ops.reserveCapacity(kinds.count)
        for kind in kinds {
            if kind == 1 || keys.isEmpty {
                let to: TokenAddress
                if !keys.isEmpty && rng.next() % 2 == 0 {
                    to = keys[Int(rng.next() % UInt64(keys.count))].address
                } else {
                    to = TokenAddress(uncheckedBytes: (0..<20).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
                }
                ops.append(.deposit(to: to, amount: TokenAmount(1 + rng.next() % 1_000_000)))
            } else {
                let from = keys[Int(rng.next() % UInt64(keys.count))]
                let to = kind == 2 ? TokenAddress.withdrawal : keys[Int(rng.next() % UInt64(keys.count))].address
                let balance = TokenLayout.balance(state.get(TokenLayout.balanceKey(from.address))).uint64 ?? UInt64.max
                let amount = TokenAmount(balance == 0 ? 0 : rng.next() % (balance / 10 + 1))
                let nonce = TokenLayout.nonce(state.get(TokenLayout.nonceKey(from.address)))
                ops.append(.transfer(from.sign(chainId: config.chainId, nonce: nonce, to: to, amount: amount)))
            }
            // Track the state with the model (one operation at a time, so nonces and balances stay current).
            _ = try? TokenSTF.apply(batch: TokenBatch([ops[ops.count - 1]]).encode(), config: config, l1Anchor: nil,
                                    to: &state)
        }
        return TokenBatch(ops)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny deterministic generator for planning batches (host only).
public struct SplitMix64 {
    private var s: UInt64
    public init(seed: UInt64) { s = seed }
    public mutating func next() -> UInt64 {
        s &+= 0x9E37_79B9_7F4A_7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
