import RISCV

/// The instruction words of a program's executable segments, by address (the bytes the hart pre-decodes).
/// Tools read words from here instead of guest memory, so looking at code has no side effect on the guest.
public struct CodeMap: Sendable {
    /// One executable segment: its address and its file bytes (the zero fill beyond is not code).
    public struct Region: Sendable {
        public var address: UInt64
        public var bytes: [UInt8]
    }

    public let xlen: XLEN
    public let regions: [Region]

    public init(image: ProgramImage) {
        xlen = image.xlen
        regions = image.segments.filter { $0.permissions.contains(.execute) }
            .sorted { $0.address < $1.address }
            .map { Region(address: $0.address, bytes: $0.bytes) }
    }

    /// The little-endian word at `address`, if it lies in an executable segment's file bytes.
    public func word(at address: UInt64) -> UInt32? {
        for r in regions where address >= r.address {
            let off = address - r.address
            guard off < UInt64(r.bytes.count), UInt64(r.bytes.count) - off >= 4 else { continue }
            let i = Int(off)
            return UInt32(r.bytes[i]) | UInt32(r.bytes[i + 1]) << 8 | UInt32(r.bytes[i + 2]) << 16 | UInt32(r.bytes[i + 3]) << 24
        }
        return nil
    }
}
