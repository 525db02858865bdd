import EVMPrimitives

/// Nibble paths and the hex-prefix encoding HP (Yellow Paper Appendix C).
///
/// A trie key of n bytes is the path of 2n nibbles, high nibble first. Paths are held as arrays of
/// nibble values 0…15.
enum Nibbles {
    /// The 2·`bytes.count` nibbles of `bytes`, high nibble first.
    static func of(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(b >> 4)
            out.append(b & 0x0f)
        }
        return out
    }

    /// Length of the longest common prefix of `a[aFrom...]` and `b[bFrom...]`.
    @inline(__always)
    static func commonPrefixLength(_ a: [UInt8], _ aFrom: Int, _ b: [UInt8], _ bFrom: Int) -> Int {
        let n = min(a.count - aFrom, b.count - bFrom)
        var i = 0
        while i < n && a[aFrom + i] == b[bFrom + i] { i += 1 }
        return i
    }

    /// `path[from..<to]` as a new array.
    @inline(__always)
    static func slice(_ path: [UInt8], _ from: Int, _ to: Int) -> [UInt8] {
        RLP.copy(path, from: from, count: to &- from)
    }

    /// HP(path, t) (Yellow Paper eq. 189): a flag nibble (2 for a leaf, +1 for odd length), padded with
    /// a zero nibble when the length is even, then the nibbles packed two per byte.
    static func hexPrefix(_ path: [UInt8], leaf: Bool) -> [UInt8] {
        let odd = path.count & 1 == 1
        let flag: UInt8 = (leaf ? 2 : 0) + (odd ? 1 : 0)
        var out = [UInt8]()
        out.reserveCapacity(path.count / 2 + 1)
        var i = 0
        if odd {
            out.append(flag << 4 | path[0])
            i = 1
        } else {
            out.append(flag << 4)
        }
        while i < path.count {
            out.append(path[i] << 4 | path[i + 1])
            i += 2
        }
        return out
    }

    /// Inverse of `hexPrefix`: the path and whether it is a leaf's, or nil when `bytes` is not a valid
    /// HP encoding (empty, flag nibble above 3, or a non-zero padding nibble).
    static func decodeHexPrefix(_ bytes: [UInt8]) -> (path: [UInt8], leaf: Bool)? {
        let field = RLPHeader(isList: false, payloadOffset: 0, payloadLength: bytes.count)
        guard let info = hexPrefixInfo(bytes, field) else { return nil }
        return (decodeHexPrefix(bytes, field), info.leaf)
    }

    /// For the HP encoding held in the payload of `field` in `bytes`: the path's length in nibbles and
    /// whether it is a leaf's, or nil when it is not a valid HP encoding.
    @inline(__always)
    static func hexPrefixInfo(_ bytes: [UInt8], _ field: RLPHeader) -> (length: Int, leaf: Bool)? {
        guard field.payloadLength > 0 else { return nil }
        let first = bytes[field.payloadOffset]
        let flag = first >> 4
        guard flag <= 3 else { return nil }
        let odd = flag & 1 == 1
        if !odd && first & 0x0f != 0 { return nil }
        return ((field.payloadLength &- 1) &* 2 &+ (odd ? 1 : 0), flag >= 2)
    }

    /// Nibble `i` of the path whose valid HP encoding is the payload of `field` in `bytes`.
    @inline(__always)
    static func hexPrefixNibble(_ bytes: [UInt8], _ field: RLPHeader, _ i: Int) -> UInt8 {
        let odd = bytes[field.payloadOffset] & 0x10 != 0
        let k = i &+ (odd ? 1 : 2)  // nibble index within the payload, flag nibble first
        let b = bytes[field.payloadOffset &+ k &>> 1]
        return k & 1 == 0 ? b &>> 4 : b & 0x0f
    }

    /// The path whose valid HP encoding is the payload of `field` in `bytes`.
    static func decodeHexPrefix(_ bytes: [UInt8], _ field: RLPHeader) -> [UInt8] {
        let first = bytes[field.payloadOffset]
        let odd = first & 0x10 != 0
        let count = (field.payloadLength &- 1) &* 2 &+ (odd ? 1 : 0)
        return [UInt8](unsafeUninitializedCapacity: count) { (out: inout UnsafeMutableBufferPointer<UInt8>, n: inout Int) in
            var j = 0
            if odd {
                out[0] = first & 0x0f
                j = 1
            }
            var i = field.payloadOffset &+ 1
            let end = field.payloadOffset &+ field.payloadLength
            while i < end {
                let b = bytes[i]
                out[j] = b &>> 4
                out[j &+ 1] = b & 0x0f
                j &+= 2
                i &+= 1
            }
            n = count
        }
    }

    /// Nibble `i` of the 2·`key.count`-nibble path of `key`.
    @inline(__always)
    static func nibble(_ key: [UInt8], _ i: Int) -> UInt8 {
        let b = key[i &>> 1]
        return i & 1 == 0 ? b &>> 4 : b & 0x0f
    }
}
