import EVMPrimitives

/// The basic-data leaf of EIP-7864 §"Header values": big-endian `version` (byte 0, 0), reserved bytes 1…4,
/// `code_size` (bytes 5…7), `nonce` (8…15), `balance` (16…31).
public struct BasicData: Equatable {
    public var version: UInt8
    public var codeSize: Int
    public var nonce: UInt64
    public var balance: UInt256

    public init(version: UInt8 = 0, codeSize: Int, nonce: UInt64, balance: UInt256) {
        self.version = version
        self.codeSize = codeSize
        self.nonce = nonce
        self.balance = balance
    }

    /// Unpacks a leaf; the reserved bytes are ignored.
    public init(leaf v: UInt256) {
        version = UInt8(truncatingIfNeeded: v.w3 >> 56)
        codeSize = Int(truncatingIfNeeded: v.w3 & 0xff_ffff)
        nonce = v.w2
        balance = UInt256(w0: v.w0, w1: v.w1, w2: 0, w3: 0)
    }

    /// Packs the leaf; nil when the balance needs more than 16 bytes or the code size more than 3.
    public var leaf: UInt256? {
        guard balance.w2 == 0 && balance.w3 == 0, codeSize >= 0, codeSize < (1 << 24) else { return nil }
        return UInt256(w0: balance.w0, w1: balance.w1, w2: nonce, w3: (UInt64(version) << 56) | UInt64(codeSize))
    }
}

/// Code chunking of EIP-7864 §"Code": 31-byte slices, each prefixed by the number of its leading bytes that
/// are PUSHDATA of an earlier PUSH (capped at 31); the code is zero-padded to a multiple of 31.
public enum CodeChunks {
    public static func count(codeSize: Int) -> Int { (codeSize + 30) / 31 }

    public static func chunkify(_ code: [UInt8]) -> [UInt256] {
        let n = count(codeSize: code.count)
        var chunks: [UInt256] = []
        chunks.reserveCapacity(n)
        // pushdataLeft[i]: how many bytes from i on are PUSHDATA (as the EIP's bytes_to_exec_data).
        var pushdataAt = [Int](repeating: 0, count: n * 31 + 32)
        var pos = 0
        while pos < code.count {
            let op = code[pos]
            let size = op >= 0x60 && op <= 0x7f ? Int(op) - 0x5f : 0
            pos += 1
            for x in 0..<size { pushdataAt[pos + x] = size - x }
            pos += size
        }
        var chunk = [UInt8](repeating: 0, count: 32)
        for c in 0..<n {
            let start = c * 31
            chunk[0] = UInt8(min(pushdataAt[start], 31))
            for i in 0..<31 { chunk[1 + i] = start + i < code.count ? code[start + i] : 0 }
            chunks.append(UInt256(bigEndian: chunk))
        }
        return chunks
    }

    /// Appends the 31 code bytes of a chunk leaf.
    public static func appendCode(of chunk: UInt256, into code: inout [UInt8]) {
        let b = chunk.bigEndianBytes
        code.append(contentsOf: b[1..<32])
    }
}
