import EVMPrimitives

/// The machine state μ of one call frame (Yellow Paper §9.4.1): stack, memory, pc, gas, return data.
/// The stack is a preallocated buffer of 1024 words, freed when the frame ends.
struct Frame {
    let stack: UnsafeMutablePointer<UInt256>
    var sp: Int = 0
    var memory = Memory()
    var pc: Int = 0
    var gas: Int
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
    mutating func charge(_ cost: Int) throws(Halt) {
        if gas < cost { throw Halt.outOfGas }
        gas &-= cost
    }
}

/// How a frame's code ended without an exceptional halt.
enum FrameExit {
    case stop
    case returned
    case reverted
}
