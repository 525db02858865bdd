import InputContainer

/// Input container harness (docs/FORMAT.md §4–5): arbitrary bytes → `InputContainer(decoding:)`.
///
/// Invariants: the mapped-buffer validator agrees with the decoder; an accepted container re-encodes from its
/// sections to exactly the input bytes (canonical form: one byte string per set of sections); required
/// sections are present and fixed-length sections have their length.
enum ContainerHarness {
    static func run(_ data: [UInt8]) throws(InvariantViolation) -> String {
        let viaBuffer = data.withUnsafeBytes { raw in
            Result { () throws(ContainerError) -> [Range<Int>?] in try InputContainer.validate(raw) }
        }
        let decoded: InputContainer
        do {
            decoded = try InputContainer(decoding: data)
        } catch {
            if case .success = viaBuffer { throw InvariantViolation("validate accepts what init(decoding:) rejects: \(error)") }
            if case .failure(let e) = viaBuffer { try check(e == error, "validate and init disagree: \(e) vs \(error)") }
            return "rejected: \(error)"
        }
        guard case .success = viaBuffer else { throw InvariantViolation("validate rejects what init(decoding:) accepts") }
        var sections: [(SectionKind, [UInt8])] = []
        for s in decoded.sections {
            try check(s.range.lowerBound >= 0 && s.range.upperBound <= data.count, "section range outside the bytes")
            if let n = s.kind.fixedLength { try check(s.range.count == n, "\(s.kind) has length \(s.range.count)") }
            sections.append((s.kind, Array(data[s.range])))
        }
        try check(decoded.section(.batch) != nil && decoded.section(.preStateRoot) != nil, "required section missing")
        let again: [UInt8]
        do { again = try InputContainer.encode(sections: sections) } catch {
            throw InvariantViolation("an accepted container does not re-encode: \(error)")
        }
        try check(again == data, "re-encoding differs from the accepted bytes (not canonical)")
        return "accepted \(sections.count) sections"
    }
}
