import CryptoVectors
import ELFLoader
import Foundation
import EVM
import EVMPrimitives
import EVMProver
import Execute
import InputContainer
import NativeCrypto
import OPStackEVM
import StatelessEVM
import XCTest
@testable import EVMBlocks

/// evm-op-guest (docs/ROLLUP-EVM.md §5) against its native twin: a generated block mixing the L1 attributes
/// deposit, user deposits (some failing) and transfers, on rv64 and rv32; a tampered deposit; and the
/// variant's precompile and opcode in the guest.
final class OPStackGuestTests: XCTestCase {
    /// ≈ 50 transactions: small enough for CI, with every third user deposit failing.
    nonisolated(unsafe) static let block = try! OPStackBlockGenerator.generate(GenBlockOptions(gas: 1_600_000, seed: 3), depositShare: 40,
                                                                               failEvery: 3)

    static func guest(_ xlen: Int) throws -> GuestDiff.Guest {
        let elf = try EVMGuests.elf("guest/build/rv\(xlen)/evm-op/evm-op-guest")
        return GuestDiff.Guest(label: "rv\(xlen)", image: try ELFLoader.load(elf).image)
    }

    func testGeneratedBlockMixesDepositsAndTransfers() throws {
        let b = Self.block
        XCTAssertGreaterThanOrEqual(b.deposits, 3)
        XCTAssertGreaterThanOrEqual(b.failedDeposits, 1)
        XCTAssertGreaterThanOrEqual(b.transfers, 3)
        XCTAssertEqual(b.transactions.count, b.deposits + b.transfers)
        XCTAssertEqual(b.outcomes.filter { $0.status == .failed }.count, b.failedDeposits)
        // Failed deposits use their whole gas limit; every transfer 21000.
        for (raw, o) in zip(b.transactions, b.outcomes) where raw.first == 0x7e && o.status == .failed {
            XCTAssertEqual(o.gasUsed, OPStackBlockGenerator.depositGas)
        }
        // The transfers paid an L1 fee into the vault and the base fee into the other.
        XCTAssertFalse(b.post.entries[OPStack.l1FeeVault]?.account.balance.isZero ?? true)
        XCTAssertEqual(b.post.entries[OPStack.baseFeeVault]?.account.balance,
                       UInt256(UInt64(21_000 * b.transfers)) &* BlockGenerator.baseFee)
        // Same seed, same block.
        let again = try OPStackBlockGenerator.generate(GenBlockOptions(gas: 1_600_000, seed: 3), depositShare: 40, failEvery: 3)
        XCTAssertEqual(again.transactions, b.transactions)
        XCTAssertEqual(again.postRoot, b.postRoot)
    }

    func check(_ xlen: Int) throws {
        let r = OPStackGuestDiff.run(Self.block, guests: [try Self.guest(xlen)], limits: ExecuteLimits())
        XCTAssertEqual(r.mismatches, [])
        XCTAssertEqual(r.cycles.count, 1)
    }

    func testGuestMatchesTheNativeTwinRV64() throws { try check(64) }
    func testGuestMatchesTheNativeTwinRV32() throws { try check(32) }

    /// A deposit whose mint is raised by one wei after proving: the guest computes another post root and
    /// EXECUTE answers false with `rootMismatch`.
    func testTamperedDepositIsRejected() throws {
        try checkTampering(Self.block, xlen: 64)
    }

    /// The done-when block, behind a flag (RVX_OP_BIG_BLOCK=1, ≈ 1,000 transactions at 25 Mgas; minutes):
    /// true on both XLENs, false with `rootMismatch` for a tampered deposit.
    func testThousandTransactionBlock() throws {
        guard ProcessInfo.processInfo.environment["RVX_OP_BIG_BLOCK"] != nil else { throw XCTSkip("set RVX_OP_BIG_BLOCK=1") }
        let block = try OPStackBlockGenerator.generate(GenBlockOptions(gas: 25_000_000, seed: 1000))
        XCTAssertGreaterThanOrEqual(block.transactions.count, 1000)
        for xlen in [64, 32] {
            let r = OPStackGuestDiff.run(block, guests: [try Self.guest(xlen)], limits: ExecuteLimits())
            XCTAssertEqual(r.mismatches, [])
            print("op block \(block.transactions.count) txs (\(block.deposits) deposits, \(block.failedDeposits) failed), "
                  + "\(block.gasUsed) gas: rv\(xlen) \(r.cycles.first?.cycles ?? 0) cycles")
        }
        try checkTampering(block, xlen: 64)
    }

    func checkTampering(_ block: OPStackBlockGenerator.Block, xlen: Int) throws {
        let guest = try EVMGuests.elf("guest/build/rv\(xlen)/evm-op/evm-op-guest")
        let proof = try block.proof()
        var txs = block.transactions
        let i = try XCTUnwrap(txs.indices.first { $0 > 0 && txs[$0].first == 0x7e })
        var d = try DepositTransaction.decode(txs[i])
        d.mint = d.mint &+ .one
        txs[i] = d.encode()
        let c = try InputContainer(decoding: proof.container)
        var sections: [(SectionKind, [UInt8])] = []
        for kind in SectionKind.allCases { if let s = c.contents(kind) { sections.append((kind, kind == .batch ? Batch.encode(txs) : Array(s))) } }
        let tampered = try InputContainer.encode(sections: sections)
        let r = execute(ExecuteRequest(program: .elf(guest), container: tampered, claimedPostRoot: block.postRoot,
                                       expectedPreStateRoot: nil, stateMode: .guestManaged))
        XCTAssertFalse(r.verdict)
        guard case .rootMismatch(let expected, _)? = r.reason else { return XCTFail("\(String(describing: r.reason))") }
        XCTAssertEqual(expected, block.postRoot)
        // The untampered container verifies.
        XCTAssertTrue(execute(ExecuteRequest(program: .elf(guest), container: proof.container, claimedPostRoot: block.postRoot,
                                             expectedPreStateRoot: nil, stateMode: .guestManaged)).verdict)
    }

    /// COINBASE and P256VERIFY inside the guest: a deposit calls the probe with a valid P-256 signature; the
    /// guest's post root must equal the native one, whose probe storage holds the SequencerFeeVault and 1, 1.
    func testPrecompileAndOpcodeOverrideInTheGuest() throws {
        let v = try XCTUnwrap(P256Vectors.cases.first { $0.expected })
        let input = try [v.hash, v.r, v.s, v.x, v.y].flatMap { try Hex.decode($0) }
        let probe = Address(low: 0x9e0be), alice = Address(low: 0xa11ce)
        var pre = InMemoryState()
        pre.entries[probe] = .init(account: Account(nonce: 1, code: OPStackContracts.probe,
                                                    codeHash: UInt256(bigEndian: Keccak256.hash(OPStackContracts.probe))), storage: [:])
        var env = BlockGenerator.blockEnv(GenBlockOptions(gas: 1_000_000, seed: 5))
        env.coinbase = Address(low: 0xc0ffee)  // not the vault: COINBASE must still answer the vault
        let blockEnv = StatelessBlockEnv(fork: .cancun, env: env)
        let deposit = DepositTransaction(sourceHash: [UInt8](repeating: 3, count: 32), from: alice, to: probe, mint: UInt256(1000),
                                         value: .zero, gas: 300_000, isSystemTx: false, data: input).encode()
        let crypto = NativeCryptoProvider()
        let evm = EVM(state: JournaledState(backend: pre), crypto: crypto, fork: .cancun, block: env, variant: OPStack.self)
        var logs: [Log] = []
        XCTAssertEqual(StatelessExecutor.runOne(deposit, evm: evm, cumulativeGas: 0, logs: &logs).status, .success)
        XCTAssertEqual(evm.state.storage(probe, .zero), OPStack.sequencerFeeVault.word)
        XCTAssertEqual(evm.state.storage(probe, .one), .one)
        XCTAssertEqual(evm.state.storage(probe, UInt256(2)), .one)
        var post = pre
        post.apply(evm.state)
        let proof = try EVMProver.prove(pre: pre, blockEnv: blockEnv, transactions: [deposit], crypto: crypto, variant: OPStack.self)
        XCTAssertEqual(proof.postStateRoot, post.stateRoot(crypto))
        for xlen in [64, 32] {
            let guest = try EVMGuests.elf("guest/build/rv\(xlen)/evm-op/evm-op-guest")
            let r = execute(ExecuteRequest(program: .elf(guest), container: proof.container, claimedPostRoot: proof.postStateRoot,
                                           expectedPreStateRoot: nil, stateMode: .guestManaged))
            XCTAssertTrue(r.verdict, "rv\(xlen): \(String(describing: r.reason))")
        }
        // The plain EVM guest disagrees: it answers the block's coinbase and has no 0x100 precompile in Cancun.
        let plain = try EVMGuests.mpt(64)
        XCTAssertFalse(execute(ExecuteRequest(program: .elf(plain), container: proof.container, claimedPostRoot: proof.postStateRoot,
                                              expectedPreStateRoot: nil, stateMode: .guestManaged)).verdict)
    }
}
