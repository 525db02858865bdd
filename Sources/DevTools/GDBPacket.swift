/// Framing of the GDB Remote Serial Protocol (GDB manual, Appendix E "Overview"): a packet is
/// `$data#cc`, cc being the modulo-256 sum of the data bytes in two lowercase hex digits; the receiver
/// answers `+` (ack) or `-` (resend). `}` escapes a byte as `}` followed by the byte XOR 0x20. A lone 0x03
/// byte outside a packet is an interrupt request (Ctrl-C).
public enum GDBPacket {
    /// The wire form of a reply carrying `data` (escaping `$`, `#`, `}` and `*`).
    public static func frame(_ data: [UInt8]) -> [UInt8] {
        var body: [UInt8] = []
        for b in data {
            if b == 0x24 || b == 0x23 || b == 0x7D || b == 0x2A {
                body.append(0x7D)
                body.append(b ^ 0x20)
            } else {
                body.append(b)
            }
        }
        let sum = body.reduce(UInt8(0)) { $0 &+ $1 }
        return [0x24] + body + [0x23] + Array(hex2(sum).utf8)
    }

    /// Two lowercase hex digits.
    public static func hex2(_ b: UInt8) -> String {
        let d = Array("0123456789abcdef".utf8)
        return String(decoding: [d[Int(b >> 4)], d[Int(b & 15)]], as: UTF8.self)
    }

    /// What the parser found in the byte stream.
    public enum Event: Equatable {
        /// A packet with a valid checksum (data unescaped).
        case packet([UInt8])
        /// A packet whose checksum did not match (answer `-`).
        case badChecksum
        /// An interrupt request (0x03 outside a packet).
        case interrupt
    }

    /// An incremental parser of the incoming byte stream. Acks (`+`, `-`) and noise between packets are
    /// skipped; a packet longer than `maxLength` is dropped (answered as a bad checksum) so a peer cannot
    /// make the stub grow without bound.
    public struct Parser {
        public static let maxLength = 1 << 16
        enum State { case idle, body, escape, check1, check2 }
        var state = State.idle
        var data: [UInt8] = []
        var sum: UInt8 = 0
        var check: UInt8 = 0
        var overflow = false

        public init() {}

        /// Feeds one byte; returns an event when one completes.
        public mutating func feed(_ b: UInt8) -> Event? {
            switch state {
            case .idle:
                if b == 0x24 { state = .body; data = []; sum = 0; overflow = false }
                else if b == 0x03 { return .interrupt }
            case .body:
                if b == 0x23 { state = .check1; return nil }
                sum &+= b
                if b == 0x7D { state = .escape; return nil }
                append(b)
            case .escape:
                sum &+= b
                append(b ^ 0x20)
                state = .body
            case .check1:
                guard let v = GDBPacket.hexValue(b) else { state = .idle; return .badChecksum }
                check = v << 4
                state = .check2
            case .check2:
                state = .idle
                guard let v = GDBPacket.hexValue(b), check | v == sum, !overflow else { return .badChecksum }
                return .packet(data)
            }
            return nil
        }

        mutating func append(_ b: UInt8) {
            if data.count < Parser.maxLength { data.append(b) } else { overflow = true }
        }
    }

    /// The value of one hex digit.
    public static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
