/// Static metadata of every EVM instruction (Yellow Paper Appendix H.2; execution-specs `vm/instructions/__init__.py`):
/// mnemonic, immediate size, stack items consumed and produced, the fork that introduced it, and its constant gas
/// (the part that does not depend on operands; dynamic parts are charged by the instruction itself).
///
/// This is the single opcode table; `InstructionTable` derives the per-fork dispatch data from it.
public struct OpcodeInfo: Sendable {
    public var name: StaticString
    public var immediateSize: UInt8
    public var stackIn: UInt8
    public var stackOut: UInt8
    /// The first fork in which the opcode is defined; nil for undefined opcodes and for INVALID (0xfe).
    public var since: Fork?
    /// Constant gas (Berlin through Cancun share the same constant costs).
    public var constantGas: UInt16

    public init(name: StaticString, immediateSize: UInt8, stackIn: UInt8, stackOut: UInt8, since: Fork?, constantGas: UInt16) {
        self.name = name
        self.immediateSize = immediateSize
        self.stackIn = stackIn
        self.stackOut = stackOut
        self.since = since
        self.constantGas = constantGas
    }

    /// Whether the opcode is defined in `fork`.
    @inlinable
    public func isDefined(in fork: Fork) -> Bool {
        guard let s = since else { return false }
        return s <= fork
    }

    /// The table of all 256 opcodes; undefined bytes have the name "UNDEFINED".
    public static let table: [OpcodeInfo] = {
        var t = [OpcodeInfo](
            repeating: OpcodeInfo(name: "UNDEFINED", immediateSize: 0, stackIn: 0, stackOut: 0, since: nil, constantGas: 0),
            count: 256)
        t[0x00] = OpcodeInfo(name: "STOP", immediateSize: 0, stackIn: 0, stackOut: 0, since: .berlin, constantGas: 0)
        t[0x01] = OpcodeInfo(name: "ADD", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x02] = OpcodeInfo(name: "MUL", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 5)
        t[0x03] = OpcodeInfo(name: "SUB", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x04] = OpcodeInfo(name: "DIV", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 5)
        t[0x05] = OpcodeInfo(name: "SDIV", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 5)
        t[0x06] = OpcodeInfo(name: "MOD", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 5)
        t[0x07] = OpcodeInfo(name: "SMOD", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 5)
        t[0x08] = OpcodeInfo(name: "ADDMOD", immediateSize: 0, stackIn: 3, stackOut: 1, since: .berlin, constantGas: 8)
        t[0x09] = OpcodeInfo(name: "MULMOD", immediateSize: 0, stackIn: 3, stackOut: 1, since: .berlin, constantGas: 8)
        t[0x0a] = OpcodeInfo(name: "EXP", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 10)
        t[0x0b] = OpcodeInfo(name: "SIGNEXTEND", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 5)
        t[0x10] = OpcodeInfo(name: "LT", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x11] = OpcodeInfo(name: "GT", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x12] = OpcodeInfo(name: "SLT", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x13] = OpcodeInfo(name: "SGT", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x14] = OpcodeInfo(name: "EQ", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x15] = OpcodeInfo(name: "ISZERO", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x16] = OpcodeInfo(name: "AND", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x17] = OpcodeInfo(name: "OR", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x18] = OpcodeInfo(name: "XOR", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x19] = OpcodeInfo(name: "NOT", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x1a] = OpcodeInfo(name: "BYTE", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x1b] = OpcodeInfo(name: "SHL", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x1c] = OpcodeInfo(name: "SHR", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x1d] = OpcodeInfo(name: "SAR", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x1e] = OpcodeInfo(name: "CLZ", immediateSize: 0, stackIn: 1, stackOut: 1, since: .osaka, constantGas: 5)
        t[0x20] = OpcodeInfo(name: "KECCAK256", immediateSize: 0, stackIn: 2, stackOut: 1, since: .berlin, constantGas: 30)
        t[0x30] = OpcodeInfo(name: "ADDRESS", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x31] = OpcodeInfo(name: "BALANCE", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 0)
        t[0x32] = OpcodeInfo(name: "ORIGIN", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x33] = OpcodeInfo(name: "CALLER", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x34] = OpcodeInfo(name: "CALLVALUE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x35] = OpcodeInfo(name: "CALLDATALOAD", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x36] = OpcodeInfo(name: "CALLDATASIZE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x37] = OpcodeInfo(name: "CALLDATACOPY", immediateSize: 0, stackIn: 3, stackOut: 0, since: .berlin, constantGas: 3)
        t[0x38] = OpcodeInfo(name: "CODESIZE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x39] = OpcodeInfo(name: "CODECOPY", immediateSize: 0, stackIn: 3, stackOut: 0, since: .berlin, constantGas: 3)
        t[0x3a] = OpcodeInfo(name: "GASPRICE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x3b] = OpcodeInfo(name: "EXTCODESIZE", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 0)
        t[0x3c] = OpcodeInfo(name: "EXTCODECOPY", immediateSize: 0, stackIn: 4, stackOut: 0, since: .berlin, constantGas: 0)
        t[0x3d] = OpcodeInfo(name: "RETURNDATASIZE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x3e] = OpcodeInfo(name: "RETURNDATACOPY", immediateSize: 0, stackIn: 3, stackOut: 0, since: .berlin, constantGas: 3)
        t[0x3f] = OpcodeInfo(name: "EXTCODEHASH", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 0)
        t[0x40] = OpcodeInfo(name: "BLOCKHASH", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 20)
        t[0x41] = OpcodeInfo(name: "COINBASE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x42] = OpcodeInfo(name: "TIMESTAMP", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x43] = OpcodeInfo(name: "NUMBER", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x44] = OpcodeInfo(name: "PREVRANDAO", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x45] = OpcodeInfo(name: "GASLIMIT", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x46] = OpcodeInfo(name: "CHAINID", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x47] = OpcodeInfo(name: "SELFBALANCE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 5)
        t[0x48] = OpcodeInfo(name: "BASEFEE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .london, constantGas: 2)
        t[0x49] = OpcodeInfo(name: "BLOBHASH", immediateSize: 0, stackIn: 1, stackOut: 1, since: .cancun, constantGas: 3)
        t[0x4a] = OpcodeInfo(name: "BLOBBASEFEE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .cancun, constantGas: 2)
        t[0x50] = OpcodeInfo(name: "POP", immediateSize: 0, stackIn: 1, stackOut: 0, since: .berlin, constantGas: 2)
        t[0x51] = OpcodeInfo(name: "MLOAD", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x52] = OpcodeInfo(name: "MSTORE", immediateSize: 0, stackIn: 2, stackOut: 0, since: .berlin, constantGas: 3)
        t[0x53] = OpcodeInfo(name: "MSTORE8", immediateSize: 0, stackIn: 2, stackOut: 0, since: .berlin, constantGas: 3)
        t[0x54] = OpcodeInfo(name: "SLOAD", immediateSize: 0, stackIn: 1, stackOut: 1, since: .berlin, constantGas: 0)
        t[0x55] = OpcodeInfo(name: "SSTORE", immediateSize: 0, stackIn: 2, stackOut: 0, since: .berlin, constantGas: 0)
        t[0x56] = OpcodeInfo(name: "JUMP", immediateSize: 0, stackIn: 1, stackOut: 0, since: .berlin, constantGas: 8)
        t[0x57] = OpcodeInfo(name: "JUMPI", immediateSize: 0, stackIn: 2, stackOut: 0, since: .berlin, constantGas: 10)
        t[0x58] = OpcodeInfo(name: "PC", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x59] = OpcodeInfo(name: "MSIZE", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x5a] = OpcodeInfo(name: "GAS", immediateSize: 0, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 2)
        t[0x5b] = OpcodeInfo(name: "JUMPDEST", immediateSize: 0, stackIn: 0, stackOut: 0, since: .berlin, constantGas: 1)
        t[0x5c] = OpcodeInfo(name: "TLOAD", immediateSize: 0, stackIn: 1, stackOut: 1, since: .cancun, constantGas: 100)
        t[0x5d] = OpcodeInfo(name: "TSTORE", immediateSize: 0, stackIn: 2, stackOut: 0, since: .cancun, constantGas: 100)
        t[0x5e] = OpcodeInfo(name: "MCOPY", immediateSize: 0, stackIn: 3, stackOut: 0, since: .cancun, constantGas: 3)
        t[0x5f] = OpcodeInfo(name: "PUSH0", immediateSize: 0, stackIn: 0, stackOut: 1, since: .shanghai, constantGas: 2)
        t[0x60] = OpcodeInfo(name: "PUSH1", immediateSize: 1, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x61] = OpcodeInfo(name: "PUSH2", immediateSize: 2, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x62] = OpcodeInfo(name: "PUSH3", immediateSize: 3, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x63] = OpcodeInfo(name: "PUSH4", immediateSize: 4, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x64] = OpcodeInfo(name: "PUSH5", immediateSize: 5, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x65] = OpcodeInfo(name: "PUSH6", immediateSize: 6, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x66] = OpcodeInfo(name: "PUSH7", immediateSize: 7, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x67] = OpcodeInfo(name: "PUSH8", immediateSize: 8, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x68] = OpcodeInfo(name: "PUSH9", immediateSize: 9, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x69] = OpcodeInfo(name: "PUSH10", immediateSize: 10, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x6a] = OpcodeInfo(name: "PUSH11", immediateSize: 11, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x6b] = OpcodeInfo(name: "PUSH12", immediateSize: 12, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x6c] = OpcodeInfo(name: "PUSH13", immediateSize: 13, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x6d] = OpcodeInfo(name: "PUSH14", immediateSize: 14, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x6e] = OpcodeInfo(name: "PUSH15", immediateSize: 15, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x6f] = OpcodeInfo(name: "PUSH16", immediateSize: 16, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x70] = OpcodeInfo(name: "PUSH17", immediateSize: 17, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x71] = OpcodeInfo(name: "PUSH18", immediateSize: 18, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x72] = OpcodeInfo(name: "PUSH19", immediateSize: 19, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x73] = OpcodeInfo(name: "PUSH20", immediateSize: 20, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x74] = OpcodeInfo(name: "PUSH21", immediateSize: 21, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x75] = OpcodeInfo(name: "PUSH22", immediateSize: 22, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x76] = OpcodeInfo(name: "PUSH23", immediateSize: 23, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x77] = OpcodeInfo(name: "PUSH24", immediateSize: 24, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x78] = OpcodeInfo(name: "PUSH25", immediateSize: 25, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x79] = OpcodeInfo(name: "PUSH26", immediateSize: 26, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x7a] = OpcodeInfo(name: "PUSH27", immediateSize: 27, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x7b] = OpcodeInfo(name: "PUSH28", immediateSize: 28, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x7c] = OpcodeInfo(name: "PUSH29", immediateSize: 29, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x7d] = OpcodeInfo(name: "PUSH30", immediateSize: 30, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x7e] = OpcodeInfo(name: "PUSH31", immediateSize: 31, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x7f] = OpcodeInfo(name: "PUSH32", immediateSize: 32, stackIn: 0, stackOut: 1, since: .berlin, constantGas: 3)
        t[0x80] = OpcodeInfo(name: "DUP1", immediateSize: 0, stackIn: 1, stackOut: 2, since: .berlin, constantGas: 3)
        t[0x81] = OpcodeInfo(name: "DUP2", immediateSize: 0, stackIn: 2, stackOut: 3, since: .berlin, constantGas: 3)
        t[0x82] = OpcodeInfo(name: "DUP3", immediateSize: 0, stackIn: 3, stackOut: 4, since: .berlin, constantGas: 3)
        t[0x83] = OpcodeInfo(name: "DUP4", immediateSize: 0, stackIn: 4, stackOut: 5, since: .berlin, constantGas: 3)
        t[0x84] = OpcodeInfo(name: "DUP5", immediateSize: 0, stackIn: 5, stackOut: 6, since: .berlin, constantGas: 3)
        t[0x85] = OpcodeInfo(name: "DUP6", immediateSize: 0, stackIn: 6, stackOut: 7, since: .berlin, constantGas: 3)
        t[0x86] = OpcodeInfo(name: "DUP7", immediateSize: 0, stackIn: 7, stackOut: 8, since: .berlin, constantGas: 3)
        t[0x87] = OpcodeInfo(name: "DUP8", immediateSize: 0, stackIn: 8, stackOut: 9, since: .berlin, constantGas: 3)
        t[0x88] = OpcodeInfo(name: "DUP9", immediateSize: 0, stackIn: 9, stackOut: 10, since: .berlin, constantGas: 3)
        t[0x89] = OpcodeInfo(name: "DUP10", immediateSize: 0, stackIn: 10, stackOut: 11, since: .berlin, constantGas: 3)
        t[0x8a] = OpcodeInfo(name: "DUP11", immediateSize: 0, stackIn: 11, stackOut: 12, since: .berlin, constantGas: 3)
        t[0x8b] = OpcodeInfo(name: "DUP12", immediateSize: 0, stackIn: 12, stackOut: 13, since: .berlin, constantGas: 3)
        t[0x8c] = OpcodeInfo(name: "DUP13", immediateSize: 0, stackIn: 13, stackOut: 14, since: .berlin, constantGas: 3)
        t[0x8d] = OpcodeInfo(name: "DUP14", immediateSize: 0, stackIn: 14, stackOut: 15, since: .berlin, constantGas: 3)
        t[0x8e] = OpcodeInfo(name: "DUP15", immediateSize: 0, stackIn: 15, stackOut: 16, since: .berlin, constantGas: 3)
        t[0x8f] = OpcodeInfo(name: "DUP16", immediateSize: 0, stackIn: 16, stackOut: 17, since: .berlin, constantGas: 3)
        t[0x90] = OpcodeInfo(name: "SWAP1", immediateSize: 0, stackIn: 2, stackOut: 2, since: .berlin, constantGas: 3)
        t[0x91] = OpcodeInfo(name: "SWAP2", immediateSize: 0, stackIn: 3, stackOut: 3, since: .berlin, constantGas: 3)
        t[0x92] = OpcodeInfo(name: "SWAP3", immediateSize: 0, stackIn: 4, stackOut: 4, since: .berlin, constantGas: 3)
        t[0x93] = OpcodeInfo(name: "SWAP4", immediateSize: 0, stackIn: 5, stackOut: 5, since: .berlin, constantGas: 3)
        t[0x94] = OpcodeInfo(name: "SWAP5", immediateSize: 0, stackIn: 6, stackOut: 6, since: .berlin, constantGas: 3)
        t[0x95] = OpcodeInfo(name: "SWAP6", immediateSize: 0, stackIn: 7, stackOut: 7, since: .berlin, constantGas: 3)
        t[0x96] = OpcodeInfo(name: "SWAP7", immediateSize: 0, stackIn: 8, stackOut: 8, since: .berlin, constantGas: 3)
        t[0x97] = OpcodeInfo(name: "SWAP8", immediateSize: 0, stackIn: 9, stackOut: 9, since: .berlin, constantGas: 3)
        t[0x98] = OpcodeInfo(name: "SWAP9", immediateSize: 0, stackIn: 10, stackOut: 10, since: .berlin, constantGas: 3)
        t[0x99] = OpcodeInfo(name: "SWAP10", immediateSize: 0, stackIn: 11, stackOut: 11, since: .berlin, constantGas: 3)
        t[0x9a] = OpcodeInfo(name: "SWAP11", immediateSize: 0, stackIn: 12, stackOut: 12, since: .berlin, constantGas: 3)
        t[0x9b] = OpcodeInfo(name: "SWAP12", immediateSize: 0, stackIn: 13, stackOut: 13, since: .berlin, constantGas: 3)
        t[0x9c] = OpcodeInfo(name: "SWAP13", immediateSize: 0, stackIn: 14, stackOut: 14, since: .berlin, constantGas: 3)
        t[0x9d] = OpcodeInfo(name: "SWAP14", immediateSize: 0, stackIn: 15, stackOut: 15, since: .berlin, constantGas: 3)
        t[0x9e] = OpcodeInfo(name: "SWAP15", immediateSize: 0, stackIn: 16, stackOut: 16, since: .berlin, constantGas: 3)
        t[0x9f] = OpcodeInfo(name: "SWAP16", immediateSize: 0, stackIn: 17, stackOut: 17, since: .berlin, constantGas: 3)
        t[0xa0] = OpcodeInfo(name: "LOG0", immediateSize: 0, stackIn: 2, stackOut: 0, since: .berlin, constantGas: 375)
        t[0xa1] = OpcodeInfo(name: "LOG1", immediateSize: 0, stackIn: 3, stackOut: 0, since: .berlin, constantGas: 750)
        t[0xa2] = OpcodeInfo(name: "LOG2", immediateSize: 0, stackIn: 4, stackOut: 0, since: .berlin, constantGas: 1125)
        t[0xa3] = OpcodeInfo(name: "LOG3", immediateSize: 0, stackIn: 5, stackOut: 0, since: .berlin, constantGas: 1500)
        t[0xa4] = OpcodeInfo(name: "LOG4", immediateSize: 0, stackIn: 6, stackOut: 0, since: .berlin, constantGas: 1875)
        t[0xf0] = OpcodeInfo(name: "CREATE", immediateSize: 0, stackIn: 3, stackOut: 1, since: .berlin, constantGas: 32000)
        t[0xf1] = OpcodeInfo(name: "CALL", immediateSize: 0, stackIn: 7, stackOut: 1, since: .berlin, constantGas: 0)
        t[0xf2] = OpcodeInfo(name: "CALLCODE", immediateSize: 0, stackIn: 7, stackOut: 1, since: .berlin, constantGas: 0)
        t[0xf3] = OpcodeInfo(name: "RETURN", immediateSize: 0, stackIn: 2, stackOut: 0, since: .berlin, constantGas: 0)
        t[0xf4] = OpcodeInfo(name: "DELEGATECALL", immediateSize: 0, stackIn: 6, stackOut: 1, since: .berlin, constantGas: 0)
        t[0xf5] = OpcodeInfo(name: "CREATE2", immediateSize: 0, stackIn: 4, stackOut: 1, since: .berlin, constantGas: 32000)
        t[0xfa] = OpcodeInfo(name: "STATICCALL", immediateSize: 0, stackIn: 6, stackOut: 1, since: .berlin, constantGas: 0)
        t[0xfd] = OpcodeInfo(name: "REVERT", immediateSize: 0, stackIn: 2, stackOut: 0, since: .berlin, constantGas: 0)
        t[0xfe] = OpcodeInfo(name: "INVALID", immediateSize: 0, stackIn: 0, stackOut: 0, since: nil, constantGas: 0)
        t[0xff] = OpcodeInfo(name: "SELFDESTRUCT", immediateSize: 0, stackIn: 1, stackOut: 0, since: .berlin, constantGas: 5000)
        return t
    }()
}
