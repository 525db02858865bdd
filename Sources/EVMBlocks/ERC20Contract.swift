import EVM
import EVMPrimitives

/// A minimal hand-assembled ERC-20 (EIP-20 `transfer`, `balanceOf`, the `Transfer` event) with Solidity's
/// storage layout: `balances` is the mapping at slot 0, so the balance of `a` is at
/// `keccak256(pad32(a) ‖ pad32(0))`.
///
/// - `transfer(address to, uint256 amount)` (selector a9059cbb): reverts when calldata is shorter than 68
///   bytes, `to` has bits above 160, the sender's balance is below `amount` or the recipient's balance would
///   overflow; otherwise moves the amount, emits `Transfer(from, to, amount)` (LOG3) and returns `true`.
///   A transfer to oneself leaves the balance unchanged.
/// - `balanceOf(address)` (selector 70a08231) returns the balance.
/// - anything else reverts. There is no `totalSupply`, `approve` or `transferFrom`.
public enum ERC20Contract {
    public static let transferSelector: [UInt8] = [0xa9, 0x05, 0x9c, 0xbb]
    public static let balanceOfSelector: [UInt8] = [0x70, 0xa0, 0x82, 0x31]
    /// keccak256("Transfer(address,address,uint256)").
    public static let transferTopic: [UInt8] = Keccak256.hash(Array("Transfer(address,address,uint256)".utf8))

    /// The runtime bytecode.
    public static let code: [UInt8] = {
        var a = EVMAssembler()
        a.push(0); a.op(Op.calldataload); a.push(0xe0); a.op(Op.shr)          // [selector]
        a.op(Op.dup1); a.push(transferSelector); a.op(Op.eq); a.pushLabel("transfer"); a.op(Op.jumpi)
        a.op(Op.dup1); a.push(balanceOfSelector); a.op(Op.eq); a.pushLabel("balanceOf"); a.op(Op.jumpi)
        a.jumpdest("fail")
        a.push(0); a.push(0); a.op(Op.revert)

        a.jumpdest("transfer")
        a.push(68); a.op(Op.calldatasize, Op.lt); a.pushLabel("fail"); a.op(Op.jumpi)
        a.push(4); a.op(Op.calldataload)                                      // [to]
        a.op(Op.dup1); a.push(0xa0); a.op(Op.shr); a.pushLabel("fail"); a.op(Op.jumpi)
        a.push(0x24); a.op(Op.calldataload)                                   // [amt, to]
        // Sender: slot = keccak(caller ‖ 0).
        a.op(Op.caller); a.push(0); a.op(Op.mstore)
        a.push(0); a.push(0x20); a.op(Op.mstore)
        a.push(0x40); a.push(0); a.op(Op.sha3)                                // [sslot, amt, to]
        a.op(Op.dup1, Op.sload)                                               // [bal, sslot, amt, to]
        a.op(Op.dup1, Op.dup4, Op.gt); a.pushLabel("fail"); a.op(Op.jumpi)    // amt > bal → fail
        a.op(Op.dup3, Op.swap1, Op.sub)                                       // [bal-amt, sslot, amt, to]
        a.op(Op.swap1, Op.sstore)                                             // [amt, to]
        // Recipient: slot = keccak(to ‖ 0) (memory word 1 is still 0).
        a.op(Op.dup2); a.push(0); a.op(Op.mstore)
        a.push(0x40); a.push(0); a.op(Op.sha3)                                // [rslot, amt, to]
        a.op(Op.dup1, Op.sload, Op.dup3, Op.add)                              // [rb+amt, rslot, amt, to]
        a.op(Op.dup1, Op.dup4, Op.gt); a.pushLabel("fail"); a.op(Op.jumpi)    // amt > rb+amt → overflow
        a.op(Op.swap1, Op.sstore)                                             // [amt, to]
        // Transfer(from = caller, to, amt).
        a.push(0); a.op(Op.mstore)                                            // [to]
        a.op(Op.caller); a.push(transferTopic); a.push(0x20); a.push(0); a.op(Op.log3)
        a.push(1); a.push(0); a.op(Op.mstore)
        a.push(0x20); a.push(0); a.op(Op.ret)

        a.jumpdest("balanceOf")
        a.push(4); a.op(Op.calldataload); a.push(0); a.op(Op.mstore)
        a.push(0); a.push(0x20); a.op(Op.mstore)
        a.push(0x40); a.push(0); a.op(Op.sha3, Op.sload)
        a.push(0); a.op(Op.mstore)
        a.push(0x20); a.push(0); a.op(Op.ret)
        return a.assemble()
    }()

    /// The storage slot of `owner`'s balance: keccak256(pad32(owner) ‖ pad32(0)).
    public static func balanceSlot(_ owner: Address) -> UInt256 {
        UInt256(bigEndian: Keccak256.hash(owner.word.bigEndianBytes + [UInt8](repeating: 0, count: 32)))
    }

    /// Calldata of `transfer(to, amount)`.
    public static func transferCalldata(to: Address, amount: UInt256) -> [UInt8] {
        transferSelector + to.word.bigEndianBytes + amount.bigEndianBytes
    }

    /// Calldata of `balanceOf(owner)`.
    public static func balanceOfCalldata(_ owner: Address) -> [UInt8] { balanceOfSelector + owner.word.bigEndianBytes }
}
