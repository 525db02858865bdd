import EVM
import EVMPrimitives

/// Execution-layer requests (EIP-7685; execution-specs `forks/prague/requests.py`): deposit requests parsed
/// from the deposit contract's `DepositEvent` logs (EIP-6110), and the `requests_hash` commitment over the
/// block's requests, each `request_type ‖ request_data`.
public enum Requests {
    /// DEPOSIT_REQUEST_TYPE, WITHDRAWAL_REQUEST_TYPE, CONSOLIDATION_REQUEST_TYPE.
    public static let depositType: UInt8 = 0x00
    public static let withdrawalType: UInt8 = 0x01
    public static let consolidationType: UInt8 = 0x02

    /// DEPOSIT_EVENT_SIGNATURE_HASH: keccak256("DepositEvent(bytes,bytes,bytes,bytes,bytes)").
    public static let depositEventSignature = UInt256(bigEndian: [
        0x64, 0x9b, 0xbc, 0x62, 0xd0, 0xe3, 0x13, 0x42, 0xaf, 0xea, 0x4e, 0x5c, 0xd8, 0x2d, 0x40, 0x49,
        0xe7, 0xe1, 0xee, 0x91, 0x2f, 0xc0, 0x88, 0x9a, 0xa7, 0x90, 0x80, 0x3b, 0xe3, 0x90, 0x38, 0xc5,
    ])

    /// DEPOSIT_EVENT_LENGTH, and the (offset, size) of pubkey, withdrawal credentials, amount, signature and
    /// index in the ABI-encoded event data.
    static let depositEventLength = 576
    static let depositFields: [(offset: Int, size: Int)] = [(160, 48), (256, 32), (320, 8), (384, 96), (512, 8)]

    /// `extract_deposit_data`: pubkey ‖ withdrawal_credentials ‖ amount ‖ signature ‖ index (192 bytes), or
    /// nil when the layout is not exactly the deposit contract's.
    public static func depositData(_ data: [UInt8]) -> [UInt8]? {
        guard data.count == depositEventLength else { return nil }
        for (i, f) in depositFields.enumerated() where word(data, at: 32 * i) != UInt64(f.offset) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(192)
        for f in depositFields {
            guard word(data, at: f.offset) == UInt64(f.size) else { return nil }
            out.append(contentsOf: data[(f.offset + 32)..<(f.offset + 32 + f.size)])
        }
        return out
    }

    /// The 32-byte big-endian word at `at` as UInt64 (UInt64.max when it does not fit).
    static func word(_ data: [UInt8], at: Int) -> UInt64 {
        for b in data[at..<(at + 24)] where b != 0 { return .max }
        var v: UInt64 = 0
        for b in data[(at + 24)..<(at + 32)] { v = v << 8 | UInt64(b) }
        return v
    }

    /// `parse_deposit_requests`: the concatenated deposit data of every `DepositEvent` log of `contract`, in
    /// log order; throws `invalidDepositEvent` for a malformed one.
    public static func deposits(_ logs: [Log], contract: Address) throws(BlockError) -> [UInt8] {
        var out: [UInt8] = []
        for log in logs where log.address == contract {
            guard let topic = log.topics.first, topic == depositEventSignature else { continue }
            guard let d = depositData(log.data) else { throw .invalidDepositEvent }
            out.append(contentsOf: d)
        }
        return out
    }

    /// `compute_requests_hash`: sha256(sha256(r₀) ‖ sha256(r₁) ‖ …) over the requests (each
    /// `type ‖ data`, empty ones already left out).
    public static func hash<C: CryptoProvider>(_ requests: [[UInt8]], _ crypto: C) -> [UInt8] {
        var concatenated: [UInt8] = []
        concatenated.reserveCapacity(32 * requests.count)
        for r in requests { concatenated.append(contentsOf: crypto.sha256(r)) }
        return crypto.sha256(concatenated)
    }
}
