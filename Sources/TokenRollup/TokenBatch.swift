/// One operation of a token-rollup batch (docs/ROLLUP.md §5).
public enum TokenOp: Equatable, Sendable {
    /// An L1 deposit (tag 0x01): trusted, credits `amount` to `to`.
    case deposit(to: TokenAddress, amount: TokenAmount)
    /// A signed transfer (tag 0x02); to the zero address it is a withdrawal.
    case transfer(SignedTransfer)
}

/// A transfer with its secp256k1 signature r‖s‖v over `TokenSignature.hash` (docs/ROLLUP.md §6).
public struct SignedTransfer: Equatable, Sendable {
    public var nonce: UInt64
    public var to: TokenAddress
    public var amount: TokenAmount
    /// 32-byte big-endian r and s; v is the recovery id (0 or 1).
    public var r: [UInt8], s: [UInt8], v: UInt8

    public init(nonce: UInt64, to: TokenAddress, amount: TokenAmount, r: [UInt8], s: [UInt8], v: UInt8) {
        self.nonce = nonce; self.to = to; self.amount = amount; self.r = r; self.s = s; self.v = v
    }
}

/// Why a byte string is not a well-formed batch (the STF exits with status 3 for each of these).
public enum TokenBatchError: Error, Equatable, Sendable, CustomStringConvertible {
    case badMagic
    case truncated(op: Int)
    case unknownTag(op: Int, tag: UInt8)
    case trailingBytes(Int)

    public var description: String {
        switch self {
        case .badMagic: return "batch does not start with \"TRB1\" and a count"
        case .truncated(let i): return "batch truncated in operation \(i)"
        case .unknownTag(let i, let t): return "operation \(i) has unknown tag \(t)"
        case .trailingBytes(let n): return "\(n) bytes after the last operation"
        }
    }
}

/// The batch format (docs/ROLLUP.md §5): "TRB1", u32 LE count, then the operations back to back.
public struct TokenBatch: Equatable, Sendable {
    public static let magic: [UInt8] = Array("TRB1".utf8)
    public static let depositTag: UInt8 = 0x01
    public static let transferTag: UInt8 = 0x02
    public static let depositSize = 53
    public static let transferSize = 126

    public var ops: [TokenOp]

    public init(_ ops: [TokenOp] = []) { self.ops = ops }

    /// The BATCH section bytes.
    public func encode() -> [UInt8] {
        var out = TokenBatch.magic
        out.reserveCapacity(8 + ops.count * TokenBatch.transferSize)
        appendLE(&out, UInt64(ops.count), bytes: 4)
        for op in ops {
            switch op {
            case .deposit(let to, let amount):
                out.append(TokenBatch.depositTag)
                out += to.bytes
                out += amount.bytes
            case .transfer(let t):
                out.append(TokenBatch.transferTag)
                appendLE(&out, t.nonce, bytes: 8)
                out += t.to.bytes
                out += t.amount.bytes
                out += t.r
                out += t.s
                out.append(t.v)
            }
        }
        return out
    }

    /// Parses a BATCH section with the STF's rules.
    public init(decoding b: [UInt8]) throws(TokenBatchError) {
        guard b.count >= 8, Array(b[0..<4]) == TokenBatch.magic else { throw .badMagic }
        let count = Int(loadLE(b, 4, bytes: 4))
        var ops: [TokenOp] = []
        var at = 8
        for i in 0..<count {
            guard at < b.count else { throw .truncated(op: i) }
            let left = b.count - at
            switch b[at] {
            case TokenBatch.depositTag:
                guard left >= TokenBatch.depositSize else { throw .truncated(op: i) }
                ops.append(.deposit(to: TokenAddress(uncheckedBytes: Array(b[at + 1..<at + 21])),
                                    amount: TokenAmount(bigEndian: b[at + 21..<at + 53])!))
                at += TokenBatch.depositSize
            case TokenBatch.transferTag:
                guard left >= TokenBatch.transferSize else { throw .truncated(op: i) }
                ops.append(.transfer(SignedTransfer(
                    nonce: loadLE(b, at + 1, bytes: 8), to: TokenAddress(uncheckedBytes: Array(b[at + 9..<at + 29])),
                    amount: TokenAmount(bigEndian: b[at + 29..<at + 61])!, r: Array(b[at + 61..<at + 93]),
                    s: Array(b[at + 93..<at + 125]), v: b[at + 125])))
                at += TokenBatch.transferSize
            default:
                throw .unknownTag(op: i, tag: b[at])
            }
        }
        guard at == b.count else { throw .trailingBytes(b.count - at) }
        self.ops = ops
    }
}

func appendLE(_ out: inout [UInt8], _ v: UInt64, bytes n: Int) {
    for i in 0..<n { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
}

func loadLE(_ b: [UInt8], _ at: Int, bytes n: Int) -> UInt64 {
    var v: UInt64 = 0
    for i in stride(from: n - 1, through: 0, by: -1) { v = v << 8 | UInt64(b[at + i]) }
    return v
}
