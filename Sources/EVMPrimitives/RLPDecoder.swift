/// Where one RLP item sits in a buffer (Yellow Paper Appendix B, the prefix byte and length of eq. 180/183):
/// whether it is a list, and the range of its payload.
/// For a single byte below 0x80 the payload is that byte itself.
public struct RLPHeader: Equatable, Sendable {
    /// True for a list (prefix 0xc0…0xff).
    public var isList: Bool
    /// Offset of the first payload byte.
    public var payloadOffset: Int
    /// Payload length in bytes.
    public var payloadLength: Int
    @inlinable @inline(__always)
    public init(isList: Bool, payloadOffset: Int, payloadLength: Int) {
        self.isList = isList
        self.payloadOffset = payloadOffset
        self.payloadLength = payloadLength
    }

    /// Offset just past the item.
    @inline(__always)
    public var end: Int { payloadOffset &+ payloadLength }
}

/// The strict RLP decoder (Yellow Paper Appendix B): accepts exactly the canonical encodings.
extension RLP {
    /// Default nesting limit for lists: deeper inputs are rejected before they can exhaust the stack.
    /// Ethereum's structures nest at most a handful of levels.
    public static let defaultMaxDepth = 64

    /// Decodes exactly one item that spans all of `bytes`.
    public static func decode(_ bytes: [UInt8], maxDepth: Int = RLP.defaultMaxDepth) throws(RLPError) -> RLPItem {
        let (item, next) = try decodeItem(bytes, at: 0, end: bytes.count, depth: 0, maxDepth: maxDepth)
        guard next == bytes.count else { throw .trailingBytes(offset: next) }
        return item
    }

    /// Reads and validates the header of the item at `offset`, which must end by `end` (≤ `bytes.count`).
    /// The payload itself is not inspected.
    public static func decodeHeader(_ bytes: [UInt8], at offset: Int, end: Int) throws(RLPError) -> RLPHeader {
        guard offset >= 0, offset < end, end <= bytes.count else { throw .truncated(offset: offset) }
        let prefix = bytes[offset]
        let available = end &- offset &- 1  // bytes after the prefix
        switch prefix {
        case 0x00...0x7f:
            return RLPHeader(isList: false, payloadOffset: offset, payloadLength: 1)
        case 0x80...0xb7, 0xc0...0xf7:
            let isList = prefix >= 0xc0
            let length = Int(prefix &- (isList ? 0xc0 : 0x80))
            guard length <= available else { throw .truncated(offset: offset) }
            if !isList && length == 1 && bytes[offset &+ 1] < 0x80 { throw .nonCanonicalSingleByte(offset: offset) }
            return RLPHeader(isList: isList, payloadOffset: offset &+ 1, payloadLength: length)
        default:  // 0xb8…0xbf, 0xf8…0xff: long form
            let isList = prefix >= 0xf8
            let lengthOfLength = Int(prefix &- (isList ? 0xf7 : 0xb7))  // 1…8
            guard lengthOfLength <= available else { throw .truncated(offset: offset) }
            guard bytes[offset &+ 1] != 0 else { throw .leadingZeroInLength(offset: offset) }
            var length: UInt64 = 0
            for i in 0..<lengthOfLength {
                length = length &<< 8 | UInt64(bytes[offset &+ 1 &+ i])
            }
            guard length >= 56 else { throw .longFormForShortPayload(offset: offset) }
            guard length <= UInt64(Int.max) else { throw .lengthOverflow(offset: offset) }
            guard length <= UInt64(available &- lengthOfLength) else { throw .truncated(offset: offset) }
            return RLPHeader(isList: isList, payloadOffset: offset &+ 1 &+ lengthOfLength, payloadLength: Int(length))
        }
    }

    /// A copy of the payload of the item `header` describes in `bytes` (a header from `decodeHeader`).
    @inlinable
    public static func payload(_ bytes: [UInt8], _ header: RLPHeader) -> [UInt8] {
        copy(bytes, from: header.payloadOffset, count: header.payloadLength)
    }

    /// `bytes[start..<start + count]` as a new array, copied in one block.
    @inlinable
    public static func copy(_ bytes: [UInt8], from start: Int, count: Int) -> [UInt8] {
        precondition(start >= 0 && count >= 0 && count <= bytes.count &- start)
        return [UInt8](unsafeUninitializedCapacity: count) { (out: inout UnsafeMutableBufferPointer<UInt8>, n: inout Int) in
            if count > 0 {
                bytes.withUnsafeBufferPointer { out.baseAddress!.initialize(from: $0.baseAddress! + start, count: count) }
            }
            n = count
        }
    }

    /// Checks that `bytes[offset..<end]` is exactly one item that `decode` would accept (the same checks in
    /// the same order, the same errors, the nesting limit `maxDepth`) without building it; returns its header.
    /// Readers then walk the validated items in place with `decodeHeader`.
    public static func validate(_ bytes: [UInt8], at offset: Int, end: Int,
                                maxDepth: Int = RLP.defaultMaxDepth) throws(RLPError) -> RLPHeader {
        let header = try validateItem(bytes, at: offset, end: end, depth: 0, maxDepth: maxDepth)
        guard header.end == end else { throw .trailingBytes(offset: header.end) }
        return header
    }

    static func validateItem(_ bytes: [UInt8], at offset: Int, end: Int, depth: Int, maxDepth: Int) throws(RLPError) -> RLPHeader {
        let header = try decodeHeader(bytes, at: offset, end: end)
        guard header.isList else { return header }
        guard depth < maxDepth else { throw .depthLimitExceeded(offset: offset) }
        var position = header.payloadOffset
        while position < header.end {
            position = try validateItem(bytes, at: position, end: header.end, depth: depth &+ 1, maxDepth: maxDepth).end
        }
        return header
    }

    /// Decodes the item at `offset` (which must end by `end`); returns it and the offset just past it.
    static func decodeItem(_ bytes: [UInt8], at offset: Int, end: Int, depth: Int, maxDepth: Int) throws(RLPError) -> (RLPItem, Int) {
        let header = try decodeHeader(bytes, at: offset, end: end)
        guard header.isList else {
            return (.bytes(payload(bytes, header)), header.end)
        }
        guard depth < maxDepth else { throw .depthLimitExceeded(offset: offset) }
        var items = [RLPItem]()
        var position = header.payloadOffset
        while position < header.end {
            let (item, next) = try decodeItem(bytes, at: position, end: header.end, depth: depth &+ 1, maxDepth: maxDepth)
            items.append(item)
            position = next
        }
        return (.list(items), header.end)
    }

    /// The scalar whose canonical big-endian bytes are `bytes` (Yellow Paper eq. 185): no leading zero,
    /// at most 8 bytes; the empty array is 0.
    public static func decodeUInt64(_ bytes: [UInt8]) throws(RLPError) -> UInt64 {
        guard bytes.first != 0 else { throw .nonCanonicalInteger }
        guard bytes.count <= 8 else { throw .integerOverflow }
        var value: UInt64 = 0
        for b in bytes { value = value &<< 8 | UInt64(b) }
        return value
    }
}

extension RLPItem {
    /// The bytes of a byte-array item; throws `RLPError.expectedBytes` for a list.
    public func asBytes() throws(RLPError) -> [UInt8] {
        guard case .bytes(let b) = self else { throw .expectedBytes }
        return b
    }

    /// The items of a list; throws `RLPError.expectedList` for a byte array.
    public func asList() throws(RLPError) -> [RLPItem] {
        guard case .list(let items) = self else { throw .expectedList }
        return items
    }

    /// The canonical scalar held by a byte-array item (see `RLP.decodeUInt64`).
    public func asUInt64() throws(RLPError) -> UInt64 {
        try RLP.decodeUInt64(asBytes())
    }
}
