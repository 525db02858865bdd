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
        Array(path[from..<to])
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
        guard let first = bytes.first else { return nil }
        let flag = first >> 4
        guard flag <= 3 else { return nil }
        let odd = flag & 1 == 1
        if !odd && first & 0x0f != 0 { return nil }
        var path = [UInt8]()
        path.reserveCapacity(bytes.count * 2)
        if odd { path.append(first & 0x0f) }
        for b in bytes.dropFirst() {
            path.append(b >> 4)
            path.append(b & 0x0f)
        }
        return (path, flag >= 2)
    }
}
