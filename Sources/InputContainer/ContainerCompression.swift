import CZlib

/// The stateless compression of the input container (docs/FORMAT.md §8): a section whose table flags word is
/// `deflate` (1) holds `decoded_length (u64 LE) ‖ zlib stream (RFC 1950)`; the runtime expands it into the
/// canonical uncompressed container before the guest starts, using nothing but the container itself.
///
/// Expansion is bounded: the sum of the declared lengths is checked against the 512 MiB input region before
/// anything is allocated, and a stream is never decoded past its declared length + 1 byte.
public enum ContainerCompression {
    /// Section flag: the body is a length-prefixed zlib stream.
    public static let deflate: UInt32 = 1

    /// Cycles charged for expanding a compressed container (docs/FORMAT.md §8): 8 per compressed body byte
    /// plus 2 per decoded byte. A container without compressed sections costs nothing.
    public static func decodeCycles(compressedBytes: Int, decodedBytes: Int) -> UInt64 {
        8 * UInt64(compressedBytes) + 2 * UInt64(decodedBytes)
    }

    /// The result of `expand`.
    public struct Expansion: Sendable {
        /// The canonical uncompressed container (the input itself when nothing was compressed).
        public var container: [UInt8]
        /// Total length of the compressed section bodies (prefix included) and of what they decoded to.
        public var compressedBytes: Int
        public var decodedBytes: Int
        /// Whether any section was compressed.
        public var isCompressed: Bool { compressedBytes > 0 }
        /// `decodeCycles` of this expansion.
        public var cycles: UInt64 {
            isCompressed ? ContainerCompression.decodeCycles(compressedBytes: compressedBytes, decodedBytes: decodedBytes) : 0
        }
    }

    /// Validates `bytes` (docs/FORMAT.md §5 with flags ∈ {0, deflate} on variable-length sections) and expands
    /// every compressed section. The result decodes with `InputContainer(decoding:)`.
    public static func expand(_ bytes: [UInt8]) throws(ContainerError) -> Expansion {
        var flags: [UInt32] = []
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ContainerError) -> [Range<Int>?] in
                try InputContainer.validate(raw, allowedFlags: deflate, flags: &flags)
            }
        }
        let ranges = try result.get()
        guard flags.contains(where: { $0 != 0 }) else {
            return Expansion(container: bytes, compressedBytes: 0, decodedBytes: 0)
        }
        // Declared sizes first: the decoded container must fit before any allocation.
        var total = InputContainer.headerSize
        var declared = [UInt64](repeating: 0, count: ranges.count)
        for kind in SectionKind.allCases {
            guard let r = ranges[Int(kind.rawValue)] else { continue }
            total += InputContainer.entrySize
            var length = UInt64(r.count)
            if flags[Int(kind.rawValue)] == deflate {
                guard r.count >= 8 else { throw .compressedHeaderTruncated(kind) }
                length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[r.lowerBound + $1]) << (8 * UInt64($1)) }
                if length > UInt64(InputContainer.maxSize) { throw .decodedTooLarge(kind, declared: length) }
            }
            declared[Int(kind.rawValue)] = length
            total = InputContainer.align(total) + Int(length)
            if total > InputContainer.maxSize { throw .decodedTooLarge(kind, declared: length) }
        }
        var sections: [(SectionKind, [UInt8])] = []
        var compressed = 0, decoded = 0
        for kind in SectionKind.allCases {
            guard let r = ranges[Int(kind.rawValue)] else { continue }
            if flags[Int(kind.rawValue)] == deflate {
                let body = try inflate(bytes[(r.lowerBound + 8)..<r.upperBound], declared: declared[Int(kind.rawValue)], kind)
                compressed += r.count
                decoded += body.count
                sections.append((kind, body))
            } else {
                sections.append((kind, Array(bytes[r])))
            }
        }
        return Expansion(container: try InputContainer.encode(sections: sections), compressedBytes: compressed,
                         decodedBytes: decoded)
    }

    /// `container` with each section in `kinds` stored compressed (zlib level 9). Sections that would not get
    /// smaller stay uncompressed unless `always`.
    public static func compress(_ container: InputContainer, kinds: [SectionKind] = [.batch, .witness],
                                always: Bool = false) throws(ContainerError) -> [UInt8] {
        var sections: [(SectionKind, UInt32, [UInt8])] = []
        for (kind, range) in container.sections {
            let body = Array(container.bytes[range])
            if kinds.contains(kind), kind.fixedLength == nil {
                var packed: [UInt8] = []
                for i in 0..<8 { packed.append(UInt8(truncatingIfNeeded: UInt64(body.count) >> (8 * UInt64(i)))) }
                packed += deflateStream(body)
                if always || packed.count < body.count { sections.append((kind, deflate, packed)); continue }
            }
            sections.append((kind, 0, body))
        }
        return try InputContainer.encode(sections: sections)
    }

    /// The variable-length sections of a container (every kind a flag may compress).
    public static let compressibleKinds: [SectionKind] = SectionKind.allCases.filter { $0.fixedLength == nil }

    /// The canonical container `bytes` with every variable-length section stored compressed where that
    /// makes it smaller: what `--compress zlib` writes (docs/FORMAT.md §8).
    public static func compress(bytes: [UInt8]) throws(ContainerError) -> [UInt8] {
        try compress(try InputContainer(decoding: bytes), kinds: compressibleKinds)
    }

    /// The zlib stream (RFC 1950, level 9) of `data`.
    public static func deflateStream(_ data: [UInt8]) -> [UInt8] {
        var bound = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let status = data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &bound, src.baseAddress, uLong(src.count), 9)
            }
        }
        precondition(status == Z_OK, "compress2 failed with a buffer of compressBound bytes")
        return Array(out.prefix(Int(bound)))
    }

    /// Decodes one zlib stream into exactly `declared` bytes; never writes more than declared + 1.
    static func inflate(_ input: ArraySlice<UInt8>, declared: UInt64, _ kind: SectionKind) throws(ContainerError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(declared) + 1)
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptStream(kind, "inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        let input = Array(input)
        let (status, produced, consumed, message): (Int32, UInt64, Int, String) = input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                let s = CZlib.inflate(&stream, Z_FINISH)
                let m = stream.msg.map { String(cString: $0) } ?? "error \(s)"
                return (s, UInt64(stream.total_out), Int(stream.total_in), m)
            }
        }
        if produced > declared { throw .decodedLengthExceeded(kind, declared: declared) }
        switch status {
        case Z_STREAM_END:
            if produced < declared { throw .decodedLengthShort(kind, declared: declared, actual: produced) }
            if consumed < input.count { throw .trailingStreamBytes(kind, count: input.count - consumed) }
            out.removeLast()
            return out
        case Z_BUF_ERROR, Z_OK:
            // All input consumed with output space left: the stream was cut short.
            throw .truncatedStream(kind)
        default:
            throw .corruptStream(kind, message)
        }
    }
}
