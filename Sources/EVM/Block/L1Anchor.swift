import EVMPrimitives

/// The L1 anchor of EIP-8079 §"Anchoring": before the block's transactions, an unchecked system transaction
/// (`process_unchecked_system_transaction`) calls `ANCHOR_ADDRESS` with the 32-byte anchor as calldata.
/// EIP-8079 leaves `ANCHOR_ADDRESS` TBD; rvx fixes it to 0x8079000000000000000000000000000000008079.
/// The call follows EIP-4788's system-call rules (`EVM.systemCall`); the contract that stores the anchor is
/// part of the rollup's genesis (rvx's is in `EVMBlocks.AnchorContract`, docs/EVMBLOCKS.md).
public enum L1Anchor {
    /// ANCHOR_ADDRESS (rvx's choice; EIP-8079 leaves it TBD).
    public static let address = Address(hi: 0x8079_0000, mid: 0, lo: 0x8079)
}

extension EVM {
    /// Writes `anchor` (32 bytes) through the anchor system call; nil or a wrong length means no call.
    @discardableResult
    public func applyL1Anchor(_ anchor: [UInt8]?) -> SystemCallResult {
        guard let anchor, anchor.count == 32 else {
            return SystemCallResult(ran: false, success: false, gasUsed: 0)
        }
        return systemCall(to: L1Anchor.address, data: anchor)
    }
}
