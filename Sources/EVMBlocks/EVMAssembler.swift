import EVMPrimitives

/// A tiny two-pass EVM assembler for the hand-written system and token contracts: raw opcodes, PUSHn of
/// literal bytes, and PUSH2 of a label's offset (Yellow Paper Appendix H opcodes; JUMPDEST 0x5b).
public struct EVMAssembler {
    enum Item {
        case bytes([UInt8])
        case pushLabel(String)
        case label(String)
    }

    var items: [Item] = []

    public init() {}

    /// Appends raw opcode bytes.
    public mutating func op(_ bytes: UInt8...) { items.append(.bytes(bytes)) }

    /// PUSHn of `value` (1…32 bytes, big-endian), or PUSH0 for an empty array.
    public mutating func push(_ value: [UInt8]) {
        precondition(value.count <= 32, "PUSH of more than 32 bytes")
        if value.isEmpty { items.append(.bytes([0x5f])); return }
        items.append(.bytes([0x5f + UInt8(value.count)] + value))
    }

    /// PUSH of an integer in the fewest bytes (PUSH0 for zero).
    public mutating func push(_ value: UInt64) {
        var b: [UInt8] = []
        var v = value
        while v != 0 { b.insert(UInt8(v & 0xff), at: 0); v >>= 8 }
        push(b)
    }

    /// PUSH2 of a label's code offset.
    public mutating func pushLabel(_ name: String) { items.append(.pushLabel(name)) }

    /// Defines a label here and emits JUMPDEST.
    public mutating func jumpdest(_ name: String) { items.append(.label(name)) }

    /// The bytecode; every referenced label must be defined once (a programming error otherwise).
    public func assemble() -> [UInt8] {
        var offsets: [String: Int] = [:]
        var pc = 0
        for item in items {
            switch item {
            case .bytes(let b): pc += b.count
            case .pushLabel: pc += 3
            case .label(let n):
                precondition(offsets[n] == nil, "label \(n) defined twice")
                offsets[n] = pc
                pc += 1
            }
        }
        var code: [UInt8] = []
        code.reserveCapacity(pc)
        for item in items {
            switch item {
            case .bytes(let b): code.append(contentsOf: b)
            case .pushLabel(let n):
                guard let o = offsets[n] else { preconditionFailure("undefined label \(n)") }
                code.append(contentsOf: [0x61, UInt8(o >> 8), UInt8(o & 0xff)])
            case .label: code.append(0x5b)
            }
        }
        return code
    }
}

/// Opcode bytes used by the hand-written contracts (Yellow Paper Appendix H).
enum Op {
    static let stop: UInt8 = 0x00, add: UInt8 = 0x01, sub: UInt8 = 0x03, mod: UInt8 = 0x06
    static let lt: UInt8 = 0x10, gt: UInt8 = 0x11, eq: UInt8 = 0x14, iszero: UInt8 = 0x15, shr: UInt8 = 0x1c
    static let sha3: UInt8 = 0x20, caller: UInt8 = 0x33, calldataload: UInt8 = 0x35, calldatasize: UInt8 = 0x36
    static let number: UInt8 = 0x43, mstore: UInt8 = 0x52, sload: UInt8 = 0x54, sstore: UInt8 = 0x55
    static let jumpi: UInt8 = 0x57, dup1: UInt8 = 0x80, dup2: UInt8 = 0x81, dup3: UInt8 = 0x82, dup4: UInt8 = 0x83
    static let swap1: UInt8 = 0x90, log3: UInt8 = 0xa3, ret: UInt8 = 0xf3, revert: UInt8 = 0xfd
}
