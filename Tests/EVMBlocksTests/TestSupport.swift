import EVM
import EVMPrimitives
import NativeCrypto
import XCTest
@testable import EVMBlocks

func hex(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var it = s.makeIterator()
    while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16)!) }
    return out
}

func hexString(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }

/// A block environment for unit tests (Cancun, base fee 7).
func testBlock(number: UInt64 = 20_000, gasLimit: UInt64 = 30_000_000) -> BlockEnv {
    BlockEnv(coinbase: Address(low: 0xc0ffee), number: number, timestamp: UInt256(1_800_000_000), gasLimit: gasLimit,
             difficulty: .zero, prevRandao: UInt256(42), baseFee: UInt256(7), excessBlobGas: 0, chainId: UInt256(1),
             blockHashes: [])
}

func contractAccount(_ code: [UInt8]) -> Account {
    Account(nonce: 1, balance: .zero, code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code)))
}

/// A type-2 transaction as the decoder would produce it (sender set directly).
func call(from: Address, nonce: UInt64, to: Address, value: UInt256 = .zero, data: [UInt8] = [],
          gas: UInt64 = 100_000, chainId: UInt256 = UInt256(1)) -> Transaction {
    Transaction(type: 2, chainId: chainId, nonce: nonce, maxPriorityFeePerGas: UInt256(2), maxFeePerGas: UInt256(100),
                gasLimit: UInt256(gas), to: to, value: value, data: data, sender: from)
}
