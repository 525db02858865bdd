import EVMPrimitives

/// Addresses and constants of the system contracts and execution-layer requests that block processing uses
/// (execution-specs `prague/fork.py`, `prague/requests.py`, `osaka/fork.py`; EIP-4788, EIP-2935, EIP-6110,
/// EIP-7002, EIP-7251, EIP-7685, EIP-7934). Which of them a fork uses is in its `ForkSpec.eips`.
public enum SystemContracts {
    /// EIP-4788 BEACON_ROOTS_ADDRESS.
    public static let beaconRoots = Address(hex: "000F3df6D732807Ef1319fB7B8bB8522d0Beac02")
    /// EIP-2935 HISTORY_STORAGE_ADDRESS.
    public static let historyStorage = Address(hex: "0000F90827F1C53a10cb7A02335B175320002935")
    /// EIP-2935 HISTORY_SERVE_WINDOW.
    public static let historyServeWindow: UInt64 = 8191
    /// EIP-7002 WITHDRAWAL_REQUEST_PREDEPLOY_ADDRESS.
    public static let withdrawalRequests = Address(hex: "00000961Ef480Eb55e80D19ad83579A64c007002")
    /// EIP-7251 CONSOLIDATION_REQUEST_PREDEPLOY_ADDRESS.
    public static let consolidationRequests = Address(hex: "0000BBdDc7CE488642fb579F8B00f3a590007251")
    /// EIP-6110 DEPOSIT_CONTRACT_ADDRESS (mainnet).
    public static let depositContract = Address(hex: "00000000219ab540356cbb839cbe05303d7705fa")
    /// EIP-7934 MAX_BLOCK_SIZE, SAFETY_MARGIN and MAX_RLP_BLOCK_SIZE (bytes).
    public static let maxBlockSize = 10_485_760
    public static let blockSizeSafetyMargin = 2_097_152
    public static let maxRLPBlockSize = maxBlockSize - blockSizeSafetyMargin
}

extension Address {
    /// An address from 40 hex digits (no prefix; either case). Only for constants: a bad digit reads as 0.
    init(hex: StaticString) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        let p = hex.utf8Start
        func nibble(_ c: UInt8) -> UInt8 {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return 0
            }
        }
        var i = 0
        while i + 1 < hex.utf8CodeUnitCount {
            bytes.append(nibble(p[i]) << 4 | nibble(p[i + 1]))
            i += 2
        }
        self.init(bytes: bytes)
    }
}
