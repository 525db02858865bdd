import CryptoVectors
import EVM
import EVMBlocks
import EVMPrimitives
import NativeCrypto
import XCTest
@testable import OPStackEVM

/// Deposits, the L1 data fee and fee vaults, the P256VERIFY precompile and the COINBASE override on the native
/// OP Stack EVM, against hand-computed values (docs/ROLLUP-EVM.md §3).
final class OPStackExecutionTests: XCTestCase {
    static let alice = Address(low: 0xa11ce)
    static let bob = Address(low: 0xb0b)
    static let reverter = Address(low: 0xdead01)
    static let probe = Address(low: 0x9e0be)
    static let coinbase = Address(low: 0xc0ffee)
    static let ether = UInt256(1_000_000_000_000_000_000)
    static let gwei = UInt256(1_000_000_000)
    /// The L1 attributes used below (OP mainnet's 2024 scalars, L1 base fee 7 gwei, blob base fee 1).
    static let info = L1BlockInfo(baseFeeScalar: 1368, blobBaseFeeScalar: 810_949, sequenceNumber: 3, timestamp: 1_700_000_123,
                                  number: 19_000_001, baseFee: UInt256(7_000_000_000), blobBaseFee: .one,
                                  hash: UInt256(0x1234), batcherHash: UInt256(0x5678))

    static func code(_ c: [UInt8]) -> Account {
        Account(nonce: 1, code: c, codeHash: UInt256(bigEndian: Keccak256.hash(c)))
    }

    func makeEVM<V: ChainVariant>(_ variant: V.Type, aliceBalance: UInt256 = ether) -> EVM<InMemoryState, NativeCryptoProvider, V> {
        var pre = InMemoryState()
        pre.entries[Self.alice] = .init(account: Account(balance: aliceBalance), storage: [:])
        pre.entries[OPStack.l1Block] = .init(account: Self.code(OPStackContracts.l1Block), storage: [:])
        pre.entries[Self.reverter] = .init(account: Self.code([0x60, 0x00, 0x80, 0xfd]), storage: [:])
        pre.entries[Self.probe] = .init(account: Self.code(OPStackContracts.probe), storage: [:])
        let env = BlockEnv(coinbase: Self.coinbase, number: 10, timestamp: UInt256(1_700_000_200), gasLimit: 30_000_000,
                           difficulty: .zero, prevRandao: .zero, baseFee: Self.gwei, excessBlobGas: 0, chainId: UInt256(10),
                           blockHashes: [])
        return EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun, block: env, variant: variant)
    }

    func l1AttributesDeposit() -> DepositTransaction {
        DepositTransaction(sourceHash: [UInt8](repeating: 1, count: 32), from: OPStack.depositor, to: OPStack.l1Block, mint: .zero,
                           value: .zero, gas: 1_000_000, isSystemTx: false, data: Self.info.ecotoneCalldata())
    }

    func testL1AttributesDepositWritesTheL1BlockPredeploy() {
        let evm = makeEVM(OPStack.self)
        var d = l1AttributesDeposit()
        let r = OPStack.applyDeposit(&d, evm: evm)
        XCTAssertTrue(r.success)
        XCTAssertEqual(d.depositNonce, 0)
        XCTAssertEqual(evm.state.account(OPStack.depositor).nonce, 1)
        // Slots of L1Block.sol 1.2.0, packed by hand: slot 0 = timestamp ‖ number, slot 3 = baseFeeScalar ‖
        // blobBaseFeeScalar ‖ sequenceNumber (bytes 16…32).
        let l1 = OPStack.l1Block
        XCTAssertEqual(evm.state.storage(l1, UInt256(0)), UInt256(w0: 19_000_001, w1: 1_700_000_123, w2: 0, w3: 0))
        XCTAssertEqual(evm.state.storage(l1, UInt256(1)), UInt256(7_000_000_000))
        XCTAssertEqual(evm.state.storage(l1, UInt256(2)), UInt256(0x1234))
        XCTAssertEqual(evm.state.storage(l1, UInt256(3)), UInt256(w0: 3, w1: 1368 << 32 | 810_949, w2: 0, w3: 0))
        XCTAssertEqual(evm.state.storage(l1, UInt256(4)), UInt256(0x5678))
        XCTAssertEqual(evm.state.storage(l1, UInt256(7)), UInt256.one)
        XCTAssertEqual(L1FeeParameters.read(&evm.state),
                       L1FeeParameters(l1BaseFee: UInt256(7_000_000_000), blobBaseFee: .one, baseFeeScalar: 1368, blobBaseFeeScalar: 810_949))
        // Anyone but the depositor is refused by the predeploy.
        var forged = l1AttributesDeposit()
        forged.from = Self.alice
        XCTAssertFalse(OPStack.applyDeposit(&forged, evm: evm).success)
    }

    /// The Ecotone formula on published and hand-computed inputs.
    func testL1CostFormula() {
        // revm's `test_calculate_tx_l1_cost_ecotone`: scalars 1000, fees 1000, input FACADE → 51.
        let revm = L1FeeParameters(l1BaseFee: UInt256(1000), blobBaseFee: UInt256(1000), baseFeeScalar: 1000, blobBaseFeeScalar: 1000)
        XCTAssertEqual(revm.l1Cost([0xfa, 0xca, 0xde]), UInt256(51))
        XCTAssertEqual(revm.l1Cost([]), .zero)
        // 100 bytes, 30 of them zero: calldataGas = 30·4 + 70·16 = 1240; scaled = 16·1368·7e9 + 810949·1
        // = 153216000810949; fee = 1240 · 153216000810949 / 16e6 = 11874240062 (integer division).
        XCTAssertEqual(Self.feeParameters.l1Cost(Self.envelope), UInt256(11_874_240_062))
        // Overflowing parameters saturate instead of wrapping.
        let huge = L1FeeParameters(l1BaseFee: .max, blobBaseFee: .zero, baseFeeScalar: 2, blobBaseFeeScalar: 0)
        XCTAssertEqual(huge.l1Cost([1]), UInt256.div(.max, UInt256(16_000_000)))
    }

    static let feeParameters = L1FeeParameters(l1BaseFee: UInt256(7_000_000_000), blobBaseFee: .one, baseFeeScalar: 1368,
                                               blobBaseFeeScalar: 810_949)
    static let envelope: [UInt8] = [UInt8](repeating: 0, count: 30) + [UInt8](repeating: 0x5a, count: 70)
    static let l1Fee = UInt256(11_874_240_062)

    func transfer(value: UInt256, nonce: UInt64 = 0) -> Transaction {
        Transaction(type: 2, chainId: UInt256(10), nonce: nonce, maxPriorityFeePerGas: Self.gwei, maxFeePerGas: Self.gwei &* UInt256(3),
                    gasLimit: UInt256(21000), to: Self.bob, value: value, data: [], sender: Self.alice)
    }

    /// exec-engine.md §Fee Vaults: the sender pays value + gas + the L1 fee; the priority fee goes to the
    /// coinbase, the base fee to the BaseFeeVault, the L1 fee to the L1FeeVault.
    func testTransferPaysTheL1FeeAndTheVaults() throws {
        let evm = makeEVM(OPStack.self)
        var d = l1AttributesDeposit()
        _ = OPStack.applyDeposit(&d, evm: evm)
        let r = try evm.transact(transfer(value: UInt256(5)), envelope: Self.envelope)
        XCTAssertTrue(r.success)
        XCTAssertEqual(r.gasUsed, 21000)
        let gas = UInt256(21000)
        XCTAssertEqual(evm.state.account(OPStack.l1FeeVault).balance, Self.l1Fee)
        XCTAssertEqual(evm.state.account(OPStack.baseFeeVault).balance, gas &* Self.gwei)
        XCTAssertEqual(evm.state.account(Self.coinbase).balance, gas &* Self.gwei)
        XCTAssertEqual(evm.state.account(Self.bob).balance, UInt256(5))
        XCTAssertEqual(evm.state.account(Self.alice).balance,
                       Self.ether &- UInt256(5) &- gas &* (Self.gwei &* UInt256(2)) &- Self.l1Fee)
        // The L1 EVM burns the base fee and charges no L1 fee.
        let l1 = makeEVM(L1Variant.self)
        _ = try l1.transact(transfer(value: UInt256(5)), envelope: Self.envelope)
        XCTAssertEqual(l1.state.account(Self.alice).balance, Self.ether &- UInt256(5) &- gas &* (Self.gwei &* UInt256(2)))
        XCTAssertTrue(l1.state.account(OPStack.l1FeeVault).balance.isZero)
    }

    /// The L1 fee counts in the balance check (op-geth `buyGas`).
    func testTheL1FeeCountsInTheBalanceCheck() throws {
        let upfront = UInt256(21000) &* Self.gwei &* UInt256(3) &+ UInt256(5)
        let poor = makeEVM(OPStack.self, aliceBalance: upfront &+ Self.l1Fee &- .one)
        var d = l1AttributesDeposit()
        _ = OPStack.applyDeposit(&d, evm: poor)
        XCTAssertThrowsError(try poor.transact(transfer(value: UInt256(5)), envelope: Self.envelope)) {
            XCTAssertEqual($0 as? TransactionError, .insufficientFunds)
        }
        let enough = makeEVM(OPStack.self, aliceBalance: upfront &+ Self.l1Fee)
        d = l1AttributesDeposit()
        _ = OPStack.applyDeposit(&d, evm: enough)
        XCTAssertNoThrow(try enough.transact(transfer(value: UInt256(5)), envelope: Self.envelope))
    }

    func deposit(from: Address = alice, to: Address? = bob, mint: UInt256, value: UInt256, gas: UInt64 = 100_000,
                 system: Bool = false) -> DepositTransaction {
        DepositTransaction(sourceHash: [UInt8](repeating: 2, count: 32), from: from, to: to, mint: mint, value: value, gas: gas,
                           isSystemTx: system, data: [])
    }

    /// deposits.md §Execution: mint first, then a fee-less transfer; gas used is the metered 21000.
    func testDepositMintsAndTransfersWithoutFees() {
        let evm = makeEVM(OPStack.self)
        let carol = Address(low: 0xca201)
        var d = deposit(from: carol, mint: Self.ether, value: UInt256(7))
        let r = OPStack.applyDeposit(&d, evm: evm)
        XCTAssertTrue(r.success)
        XCTAssertEqual(r.gasUsed, 21000)
        XCTAssertEqual(d.depositNonce, 0)
        XCTAssertEqual(evm.state.account(carol).balance, Self.ether &- UInt256(7))
        XCTAssertEqual(evm.state.account(carol).nonce, 1)
        XCTAssertEqual(evm.state.account(Self.bob).balance, UInt256(7))
        XCTAssertTrue(evm.state.account(Self.coinbase).balance.isZero)
        XCTAssertTrue(evm.state.account(OPStack.baseFeeVault).balance.isZero)
    }

    /// A deposit whose value exceeds the balance after the mint fails outside the EVM: the mint stays, the
    /// nonce is bumped, nothing is transferred and the whole gas limit is used.
    func testFailedDepositStillMintsAndBumpsTheNonce() {
        let evm = makeEVM(OPStack.self)
        var d = deposit(mint: UInt256(1000), value: Self.ether &+ UInt256(1001), gas: 70_000)
        let r = OPStack.applyDeposit(&d, evm: evm)
        XCTAssertFalse(r.success)
        XCTAssertEqual(r.gasUsed, 70_000)
        XCTAssertEqual(evm.state.account(Self.alice).balance, Self.ether &+ UInt256(1000))
        XCTAssertEqual(evm.state.account(Self.alice).nonce, 1)
        XCTAssertTrue(evm.state.account(Self.bob).balance.isZero)
        // The next deposit from Alice records depositNonce 1.
        var next = deposit(mint: .zero, value: .one)
        XCTAssertTrue(OPStack.applyDeposit(&next, evm: evm).success)
        XCTAssertEqual(next.depositNonce, 1)
    }

    func testDepositsBelowIntrinsicGasOrMarkedSystemFail() {
        for (d, gas) in [(deposit(mint: UInt256(9), value: .one, gas: 20_999), UInt64(20_999)),
                         (deposit(mint: UInt256(9), value: .one, system: true), UInt64(100_000))] {
            let evm = makeEVM(OPStack.self)
            var tx = d
            let r = OPStack.applyDeposit(&tx, evm: evm)
            XCTAssertFalse(r.success)
            XCTAssertEqual(r.gasUsed, Int64(gas))
            XCTAssertEqual(evm.state.account(Self.alice).balance, Self.ether &+ UInt256(9))
            XCTAssertEqual(evm.state.account(Self.alice).nonce, 1)
            XCTAssertTrue(evm.state.account(Self.bob).balance.isZero)
        }
    }

    /// A deposit whose call reverts keeps the mint and the nonce bump; its gas is what ran:
    /// 21000 + PUSH1 (3) + DUP1 (3) + REVERT (0) = 21006.
    func testRevertedDepositUsesMeteredGas() {
        let evm = makeEVM(OPStack.self)
        var d = deposit(to: Self.reverter, mint: UInt256(50), value: UInt256(10))
        let r = OPStack.applyDeposit(&d, evm: evm)
        XCTAssertFalse(r.success)
        XCTAssertNil(r.halt)
        XCTAssertEqual(r.gasUsed, 21006)
        XCTAssertEqual(evm.state.account(Self.alice).balance, Self.ether &+ UInt256(50))
        XCTAssertEqual(evm.state.account(Self.alice).nonce, 1)
        XCTAssertTrue(evm.state.account(Self.reverter).balance.isZero)
    }

    /// The probe stores COINBASE and the outcome of a STATICCALL to 0x100 with a valid P-256 signature.
    func runProbe<V: ChainVariant>(_ variant: V.Type) throws -> (EVM<InMemoryState, NativeCryptoProvider, V>, TransactionResult) {
        let v = try XCTUnwrap(P256Vectors.cases.first { $0.expected })
        let input = h(v.hash) + h(v.r) + h(v.s) + h(v.x) + h(v.y)
        let evm = makeEVM(variant)
        let tx = Transaction(type: 2, chainId: UInt256(10), nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: Self.gwei,
                             gasLimit: UInt256(200_000), to: Self.probe, value: .zero, data: input, sender: Self.alice)
        return (evm, try evm.transact(tx))
    }

    func testCoinbaseOverrideAndP256VerifyPrecompile() throws {
        let (op, opResult) = try runProbe(OPStack.self)
        XCTAssertTrue(opResult.success)
        XCTAssertEqual(op.state.storage(Self.probe, .zero), OPStack.sequencerFeeVault.word)
        XCTAssertEqual(op.state.storage(Self.probe, .one), .one)
        XCTAssertEqual(op.state.storage(Self.probe, UInt256(2)), .one)
        // Cancun L1: COINBASE is the block's, 0x100 is an empty account (the call succeeds with no output).
        let (l1, l1Result) = try runProbe(L1Variant.self)
        XCTAssertTrue(l1Result.success)
        XCTAssertEqual(l1.state.storage(Self.probe, .zero), Self.coinbase.word)
        XCTAssertEqual(l1.state.storage(Self.probe, .one), .one)
        XCTAssertEqual(l1.state.storage(Self.probe, UInt256(2)), .zero)
        // Gas, by hand: the OP run reaches 0x100 warm (100 instead of the cold 2600, EIP-2929: precompiles are
        // pre-warmed), pays the precompile's 3450, and its SSTORE of 1 into slot 2 costs 22100 where the L1 run
        // stores 0 over 0 for 2200.
        XCTAssertEqual(opResult.gasUsed - l1Result.gasUsed, 3450 - 2500 + (22_100 - 2_200))
    }
}
