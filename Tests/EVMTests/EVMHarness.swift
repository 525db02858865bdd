import EVM
import EVMPrimitives
import NativeCrypto

/// Runs hand-assembled bytecode as the code of a contract called by a funded EOA, so that tests can assert
/// storage, logs, balances and gas used.
struct EVMHarness {
    static let sender = Address(low: 0xa11ce)
    static let contract = Address(low: 0xc0de)
    static let coinbase = Address(low: 0xc0ffee)

    var pre = InMemoryState()
    var fork: Fork = .cancun

    init(code: [UInt8], fork: Fork = .cancun, extra: [Address: Account] = [:]) {
        self.fork = fork
        pre.entries[Self.sender] = .init(account: Account(balance: UInt256(1) << 100), storage: [:])
        pre.entries[Self.contract] = .init(account: Account(code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code))), storage: [:])
        for (a, acc) in extra { pre.entries[a] = .init(account: acc, storage: [:]) }
    }

    static func block() -> BlockEnv {
        BlockEnv(coinbase: coinbase, number: 1, timestamp: UInt256(1000), gasLimit: 30_000_000, difficulty: .zero,
                 prevRandao: UInt256(0x1234), baseFee: UInt256(7), excessBlobGas: 0, chainId: UInt256(1), blockHashes: [])
    }

    /// Sends a call with gas price 10 and returns the EVM (for state inspection) and the result.
    func call(data: [UInt8] = [], value: UInt256 = .zero, gas: UInt64 = 1_000_000, to: Address? = contract)
        -> (EVM<InMemoryState, NativeCryptoProvider, L1Variant>, Result<TransactionResult, TransactionError>)
    {
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: fork, block: Self.block())
        let tx = Transaction(type: 0, nonce: 0, gasPrice: UInt256(10), gasLimit: UInt256(gas), to: to, value: value,
                             data: data, sender: Self.sender)
        do { return (evm, .success(try evm.transact(tx))) } catch { return (evm, .failure(error)) }
    }
}

/// Tiny assembler helpers.
func push(_ v: UInt64) -> [UInt8] {
    if v == 0 { return [0x60, 0] }
    var bytes: [UInt8] = []
    var x = v
    while x > 0 { bytes.insert(UInt8(x & 0xff), at: 0); x >>= 8 }
    return [0x5f + UInt8(bytes.count)] + bytes
}

func push32(_ v: UInt256) -> [UInt8] { [0x7f] + v.bigEndianBytes }

/// Stores the top of the stack at slot `slot`: PUSH slot, SSTORE.
func store(_ slot: UInt64) -> [UInt8] { push(slot) + [0x55] }
