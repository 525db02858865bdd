import EVMPrimitives
import OPStackEVM

/// Bytecode the OP Stack block generator deploys (hand-assembled; docs/ROLLUP-EVM.md §4).
public enum OPStackContracts {
    /// A minimal L1Block predeploy: only `setL1BlockValuesEcotone`, with the storage layout of L1Block.sol 1.2.0
    /// (`OPStack.L1BlockSlot`). It reverts unless CALLER is the depositor and the selector is 0x440a5e20, then
    /// stores calldata[4:20] → slot 3, calldata[20:36] → slot 0, basefee → 1, blobBaseFee → 7, hash → 2,
    /// batcherHash → 4.
    public static let l1Block: [UInt8] = {
        var c: [UInt8] = [0x33, 0x73] + OPStack.depositor.bytes + [0x14]          // CALLER == depositor
        c += [0x60, 0x00, 0x35, 0x60, 0xe0, 0x1c, 0x63] + L1BlockInfo.selector + [0x14, 0x16]  // && selector
        c += [0x60, 0x2b, 0x57, 0x60, 0x00, 0x80, 0xfd, 0x5b]                      // JUMPI ok; REVERT(0, 0); ok:
        c += [0x60, 0x04, 0x35, 0x60, 0x80, 0x1c, 0x60, 0x03, 0x55]               // slot 3 = cd[4:20]
        c += [0x60, 0x14, 0x35, 0x60, 0x80, 0x1c, 0x60, 0x00, 0x55]               // slot 0 = cd[20:36]
        for (offset, slot) in [(0x24, 1), (0x44, 7), (0x64, 2), (0x84, 4)] as [(UInt8, UInt8)] {
            c += [0x60, offset, 0x35, 0x60, slot, 0x55]
        }
        return c + [0x00]
    }()

    /// A probe of the variant's opcode and precompile: stores COINBASE in slot 0, then STATICCALLs 0x100 with
    /// its calldata (output to memory 0xa0, after the 160-byte input) and stores the call's success flag in
    /// slot 1 and the output word in slot 2.
    public static let probe: [UInt8] = [
        0x41, 0x60, 0x00, 0x55,                                     // SSTORE(0, COINBASE)
        0x36, 0x60, 0x00, 0x60, 0x00, 0x37,                         // CALLDATACOPY(0, 0, CALLDATASIZE)
        0x60, 0x20, 0x60, 0xa0, 0x36, 0x60, 0x00, 0x61, 0x01, 0x00, 0x5a, 0xfa,  // STATICCALL(GAS, 0x100, 0, cds, 0xa0, 32)
        0x60, 0x01, 0x55,                                           // SSTORE(1, success)
        0x60, 0xa0, 0x51, 0x60, 0x02, 0x55,                         // SSTORE(2, MLOAD(0xa0))
        0x00,
    ]
}
