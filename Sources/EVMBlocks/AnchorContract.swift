import EVM
import EVMPrimitives

/// rvx's L1-anchor system contract (EIP-8079 §"Anchoring", modelled on EIP-4788's beacon-roots contract with
/// the block number in place of the timestamp). Storage is a ring buffer of `historyLength` entries:
///
/// - set (caller = SYSTEM_ADDRESS, calldata = 32 bytes): `sstore(number % L, number)`,
///   `sstore(number % L + L, anchor)`;
/// - get (any other caller, calldata = a 32-byte block number n ≠ 0): reverts unless `sload(n % L) == n`,
///   else returns `sload(n % L + L)`. Wrong calldata size or n = 0 reverts.
public enum AnchorContract {
    /// HISTORY_BUFFER_LENGTH (the value of EIP-4788).
    public static let historyLength: UInt64 = 8191

    /// The runtime bytecode.
    public static let code: [UInt8] = {
        var a = EVMAssembler()
        let length: [UInt8] = [0x1f, 0xff]
        a.op(Op.caller)
        a.push(SystemCall.systemAddress.bytes)
        a.op(Op.eq)
        a.pushLabel("set")
        a.op(Op.jumpi)
        // get
        a.push(32); a.op(Op.calldatasize, Op.eq); a.pushLabel("get"); a.op(Op.jumpi)
        a.push(0); a.push(0); a.op(Op.revert)
        a.jumpdest("get")
        a.push(0); a.op(Op.calldataload, Op.dup1, Op.iszero)      // [n==0, n]
        a.pushLabel("fail"); a.op(Op.jumpi)                        // [n]
        a.push(length); a.op(Op.dup2, Op.mod)                      // [n%L, n]
        a.op(Op.swap1, Op.dup2, Op.sload, Op.eq)                   // [sload(n%L)==n, n%L]
        a.pushLabel("found"); a.op(Op.jumpi)
        a.push(0); a.push(0); a.op(Op.revert)
        a.jumpdest("found")                                        // [n%L]
        a.push(length); a.op(Op.add, Op.sload)                     // [anchor]
        a.push(0); a.op(Op.mstore)
        a.push(32); a.push(0); a.op(Op.ret)
        a.jumpdest("fail")
        a.push(0); a.push(0); a.op(Op.revert)
        // set
        a.jumpdest("set")
        a.push(32); a.op(Op.calldatasize, Op.eq); a.pushLabel("setok"); a.op(Op.jumpi)
        a.push(0); a.push(0); a.op(Op.revert)
        a.jumpdest("setok")
        a.push(length); a.op(Op.number, Op.mod)                    // [N%L]
        a.op(Op.number, Op.dup2, Op.sstore)                        // sstore(N%L, N); [N%L]
        a.push(0); a.op(Op.calldataload, Op.swap1)                 // [N%L, anchor]
        a.push(length); a.op(Op.add, Op.sstore)                    // sstore(N%L+L, anchor)
        a.op(Op.stop)
        return a.assemble()
    }()

    /// The storage slot holding the block number of the entry for `number`.
    public static func numberSlot(_ number: UInt64) -> UInt256 { UInt256(number % historyLength) }
    /// The storage slot holding the anchor of block `number`.
    public static func anchorSlot(_ number: UInt64) -> UInt256 { UInt256(number % historyLength + historyLength) }
}
