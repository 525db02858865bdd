import BinaryTree

/// A rollup's full runtime-managed state as a file (docs/EXECUTE.md §5.1): one JSON object mapping 32-byte keys
/// to 32-byte values, both as `0x` + 64 hex digits, e.g. `{"0x00…01": "0x00…2a"}`. An empty file (or only
/// white space) is the genesis state: the empty tree, root 0^32. A key maps to a present value even when the
/// value is 0^32 (EIP-7864 distinguishes a zero leaf from an absent one). `encode` writes the keys in ascending
/// order, one per line, so equal states give equal files.
public enum StateFile {
    /// Parses a state file. Throws the first syntax error with its line and column.
    public static func decode(_ bytes: [UInt8]) throws(StateFileError) -> SHA256BinaryTree {
        var p = JSONCursor(bytes)
        p.skipSpace()
        var tree = SHA256BinaryTree()
        if p.atEnd { return tree }
        try p.expect(UInt8(ascii: "{"), "'{' (a state file is one JSON object)")
        p.skipSpace()
        if p.peek == UInt8(ascii: "}") {
            p.advance()
        } else {
            while true {
                p.skipSpace()
                let at = p.position
                let key = try p.word32(what: "key")
                if tree.get(key) != nil { throw StateFileError(line: at.line, column: at.column, message: "duplicate key \(key)") }
                p.skipSpace()
                try p.expect(UInt8(ascii: ":"), "':'")
                p.skipSpace()
                tree.insert(key, try p.word32(what: "value"))
                p.skipSpace()
                if p.peek == UInt8(ascii: ",") { p.advance(); continue }
                try p.expect(UInt8(ascii: "}"), "',' or '}'")
                break
            }
        }
        p.skipSpace()
        if !p.atEnd { throw p.error("unexpected text after the object") }
        return tree
    }

    /// The canonical file of `tree`: sorted keys, one `"key": "value"` pair per line.
    public static func encode(_ tree: SHA256BinaryTree) -> [UInt8] {
        var out = Array("{".utf8)
        var first = true
        for stem in tree.sortedStems {
            for (index, value) in tree.values(ofStem: stem) {
                out += Array((first ? "\n  \"" : ",\n  \"").utf8)
                first = false
                out += hexDigits(Bytes32(stem: stem, subindex: index).bytes)
                out += Array("\": \"".utf8)
                out += hexDigits(value.bytes)
                out.append(UInt8(ascii: "\""))
            }
        }
        out += Array((first ? "}\n" : "\n}\n").utf8)
        return out
    }

    static func hexDigits(_ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var s: [UInt8] = [0x30, 0x78]
        for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return s
    }
}

/// A malformed state file: what was expected, at which line and column (both from 1).
public struct StateFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A cursor over JSON text that tracks line and column, for the state file's flat object of strings.
struct JSONCursor {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[index] }
    var position: (line: Int, column: Int) { (line, column) }

    mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    mutating func skipSpace() {
        while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { advance() }
    }

    func error(_ message: String) -> StateFileError { StateFileError(line: line, column: column, message: message) }

    mutating func expect(_ c: UInt8, _ what: String) throws(StateFileError) {
        guard peek == c else { throw error("expected \(what)" + (atEnd ? ", found the end of the file" : "")) }
        advance()
    }

    /// A JSON string holding `0x` + 64 hex digits.
    mutating func word32(what: String) throws(StateFileError) -> Bytes32 {
        let start = position
        try expect(UInt8(ascii: "\""), "a \(what) string \"0x…\" (64 hex digits)")
        var digits: [UInt8] = []
        while let c = peek, c != UInt8(ascii: "\"") {
            if c < 0x20 || c == UInt8(ascii: "\\") { throw error("unexpected character in a \(what) string") }
            digits.append(c)
            advance()
        }
        try expect(UInt8(ascii: "\""), "the closing '\"' of the \(what)")
        if digits.count >= 2, digits[0] == 0x30, digits[1] | 0x20 == UInt8(ascii: "x") { digits.removeFirst(2) }
        var out: [UInt8] = []
        var i = 0
        while digits.count == 64, i < 64, let hi = nibble(digits[i]), let lo = nibble(digits[i + 1]) {
            out.append(hi << 4 | lo)
            i += 2
        }
        guard out.count == 32, let w = Bytes32(out) else {
            throw StateFileError(line: start.line, column: start.column, message: "\(what) must be 0x followed by 64 hex digits (32 bytes)")
        }
        return w
    }

    func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
