import BinaryTree

/// A genesis state for the token rollup (docs/ROLLUP.md §8): `accounts` key pairs derived from `seed`
/// (`TokenKey(seed:index:)`), each with the same initial balance (only the balance value is stored; nonces
/// are absent = 0).
public struct TokenGenesis {
    public let seed: UInt64
    public let keys: [TokenKey]
    public let initialBalance: TokenAmount
    /// The full pre-state tree.
    public let tree: SHA256BinaryTree

    public init(seed: UInt64, accounts: Int, initialBalance: TokenAmount) {
        self.seed = seed
        self.initialBalance = initialBalance
        keys = (0..<max(accounts, 0)).map { TokenKey(seed: seed, index: UInt64($0)) }
        var tree = SHA256BinaryTree()
        for k in keys { tree.insert(TokenLayout.balanceKey(k.address), TokenLayout.value(initialBalance)) }
        self.tree = tree
    }
}
