import BinaryTree
import EVMPrimitives

/// A native Swift model of the token-rollup STF (the C guest in guest/examples/token-rollup is the real one):
/// applies a batch to a `SHA256BinaryTree` with the same rules (docs/ROLLUP.md §6) and returns the output the
/// guest commits. The sequencer uses it to plan batches; tests compare it with the guest.
public enum TokenSTF {
    /// Applies `batch` to `state` and returns the public output, or throws if the batch is malformed (the
    /// guest then exits with status 3 and EXECUTE answers false).
    public static func apply(batch bytes: [UInt8], config: TokenConfig, l1Anchor: [UInt8]?,
                             to state: inout SHA256BinaryTree) throws(TokenBatchError) -> TokenOutput {
        let batch = try TokenBatch(decoding: bytes)
        var out = TokenOutput(withdrawals: [], l1Anchor: l1Anchor ?? [UInt8](repeating: 0, count: 32), deposits: 0,
                              transfers: 0, skipped: 0, batchHash: Keccak256.hash(bytes))
        for op in batch.ops {
            switch op {
            case .deposit(let to, let amount):
                let k = TokenLayout.balanceKey(to)
                guard let b = TokenLayout.balance(state.get(k)).adding(amount) else { continue }
                state.insert(k, TokenLayout.value(b))
                out.deposits += 1
            case .transfer(let t):
                if let from = apply(t, chainId: config.chainId, &state) {
                    if t.to == .withdrawal { out.withdrawals.append((from, t.amount)) } else { out.transfers += 1 }
                } else {
                    out.skipped += 1
                }
            }
        }
        return out
    }

    /// Applies one transfer and returns its sender; nil (and no change) if it is invalid.
    private static func apply(_ t: SignedTransfer, chainId: UInt64, _ state: inout SHA256BinaryTree) -> TokenAddress? {
        guard let from = TokenSignature.sender(of: t, chainId: chainId) else { return nil }
        let current = TokenLayout.nonce(state.get(TokenLayout.nonceKey(from)))
        guard current != UInt64.max, t.nonce == current,
              let fromBalance = TokenLayout.balance(state.get(TokenLayout.balanceKey(from))).subtracting(t.amount)
        else { return nil }
        if t.to != .withdrawal && t.to != from {
            let k = TokenLayout.balanceKey(t.to)
            guard let toBalance = TokenLayout.balance(state.get(k)).adding(t.amount) else { return nil }
            state.insert(k, TokenLayout.value(toBalance))
        }
        if t.to == .withdrawal || t.to != from { state.insert(TokenLayout.balanceKey(from), TokenLayout.value(fromBalance)) }
        state.insert(TokenLayout.nonceKey(from), TokenLayout.value(nonce: t.nonce + 1))
        return from
    }
}
