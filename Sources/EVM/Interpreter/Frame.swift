import EVMPrimitives

/// The machine state μ of one call frame (Yellow Paper §9.4.1): stack, memory, pc, gas, return data.
/// The stack is a preallocated buffer of 1024 words, freed when the frame ends.
public struct Frame {
    let stack: UnsafeMutablePointer<UInt256>
    var sp: Int = 0
    var memory = Memory()
    var pc: Int = 0
    var gas: Int64
    var returnData: [UInt8] = []
    var output: [UInt8] = []
    let msg: Message
    let code: AnalyzedCode

    init(msg: Message, code: AnalyzedCode) {
        self.msg = msg
        self.code = code
        self.gas = msg.gas
        self.stack = UnsafeMutablePointer<UInt256>.allocate(capacity: 1024)
    }

    @inline(__always)
    mutating func pop() -> UInt256 {
        sp &-= 1
        return stack[sp]
    }

    @inline(__always)
    mutating func push(_ v: UInt256) {
        stack[sp] = v
        sp &+= 1
    }

    @inline(__always)
    mutating func charge(_ cost: Int64) throws(Halt) {
        if gas < cost { throw Halt.outOfGas }
        gas &-= cost
    }

    /// Charges `units` × `perUnit`, computed in 64 bits (no overflow on 32-bit targets: units < 2^31).
    @inline(__always)
    mutating func charge(_ perUnit: Int, times units: Int) throws(Halt) {
        try charge(Int64(perUnit) &* Int64(units))
    }

    @inline(__always)
    mutating func charge(_ cost: Int) throws(Halt) { try charge(Int64(cost)) }
}

/// How a frame's code ended without an exceptional halt.
enum FrameExit {
    case stop
    case returned
    case reverted
}
