import XCTest
import EVM
import EVMPrimitives
import NativeCrypto

/// EIP-7702 (set-code transactions and delegation designators). The authorization is the one of the EEST
/// fixture `prague/eip7702_set_code_tx/test_address_from_set_code.json` (signer 0xdab7…7204); hashes were
/// computed with ethereum-rlp and pycryptodome (keccak256).
final class SetCodeTests: XCTestCase {
    static let delegate = Address(bytes: try! Hex.decode("0xff61e3c24e0fed2e73be88c4ad4ac6f73a4ef787"))
    static let signer = Address(bytes: try! Hex.decode("0xdab74b0e59c47f1d603882ed260036fcf2ec7204"))
    static let fixtureAuth = Authorization(
        chainId: .zero, address: delegate, nonce: .zero, yParity: .zero,
        r: UInt256(bigEndian: try! Hex.decode("0xa9cedbbc2a6f844cbad502aac4ae1d242504d4033056a93aeabe3ad3b260494a")),
        s: UInt256(bigEndian: try! Hex.decode("0x34fda4988c60722f4e5b6ce67d324932d00638cf97723286abf75bc0082e1e9d")))
    static let authorityA = Address(low: 0xaa)
    static let codeB = Address(low: 0xbb)

    static func account(_ code: [UInt8], balance: UInt256 = .zero) -> Account {
        Account(balance: balance, code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code)))
    }

    static func designator(_ a: Address) -> [UInt8] { [0xef, 0x01, 0x00] + a.bytes }

    func testSigningHashAndAuthorityRecovery() {
        let crypto = NativeCryptoProvider()
        XCTAssertEqual(Hex.encode(Self.fixtureAuth.signingHash(crypto), prefix: true),
                       "0x753adb991bc597feb55fec9e1505aba10ee4c1fadf42d15d7d75a5bf9cbd1d6a")
        XCTAssertEqual(Self.fixtureAuth.authority(crypto), Self.signer)
        var bad = Self.fixtureAuth
        bad.yParity = UInt256(2)
        XCTAssertNil(bad.authority(crypto))
        bad = Self.fixtureAuth
        // s = n/2 + 1 (secp256k1 n/2 = 0x7fff…20a0).
        bad.s = UInt256(bigEndian: try! Hex.decode("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1"))
        XCTAssertNil(bad.authority(crypto))
        bad = Self.fixtureAuth
        bad.r = .zero
        XCTAssertNil(bad.authority(crypto))
    }

    func testDesignatorFormat() {
        let d = DelegationDesignator.code(delegatingTo: Self.codeB)
        XCTAssertEqual(d, Self.designator(Self.codeB))
        XCTAssertEqual(d.count, 23)
        XCTAssertEqual(DelegationDesignator.target(d), Self.codeB)
        XCTAssertNil(DelegationDesignator.target(Array(d.dropLast())))
        XCTAssertNil(DelegationDesignator.target([0xef, 0x01, 0x01] + Self.codeB.bytes))
    }

    /// A CALL to A (designator → B) runs B's code on A's storage.
    func testCallFollowsDesignator() {
        let codeOfB: [UInt8] = push(0x2a) + store(0) + [0x00]
        let caller = call(Self.authorityA) + store(1) + [0x00]
        let h = EVMHarness(code: caller, fork: .prague, extra: [
            Self.authorityA: Self.account(Self.designator(Self.codeB)), Self.codeB: Self.account(codeOfB)])
        let (evm, r) = h.call()
        XCTAssertEqual(try r.get().success, true)
        XCTAssertEqual(evm.state.storage(Self.authorityA, .zero), UInt256(0x2a))
        XCTAssertEqual(evm.state.storage(Self.codeB, .zero), .zero)
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, .one), .one)
    }

    /// The delegate costs COLD_ACCOUNT_READ_COST 2600 when cold and WARM_STORAGE_READ_COST 100 when warm, on
    /// top of the call to A; the comparison is a plain account holding B's code.
    func testDelegatedAccessCost() throws {
        let codeOfB: [UInt8] = push(0x2a) + store(0) + [0x00]
        let plain = Address(low: 0xcc)
        func gasUsed(target: Address, warmB: Bool) throws -> Int64 {
            let warm: [UInt8] = warmB ? [0x73] + Self.codeB.bytes + [0x31, 0x50] : []
            let h = EVMHarness(code: warm + call(target) + [0x00], fork: .prague, extra: [
                Self.authorityA: Self.account(Self.designator(Self.codeB)), Self.codeB: Self.account(codeOfB),
                plain: Self.account(codeOfB)])
            return try h.call().1.get().gasUsed
        }
        XCTAssertEqual(try gasUsed(target: Self.authorityA, warmB: false) - gasUsed(target: plain, warmB: false), 2600)
        XCTAssertEqual(try gasUsed(target: Self.authorityA, warmB: true) - gasUsed(target: plain, warmB: true), 100)
    }

    /// EXTCODESIZE, EXTCODEHASH and EXTCODECOPY see the 23-byte designator itself (hash = keccak256(0xef0100 ‖ B)).
    func testExtCodeSeesDesignator() {
        let a: [UInt8] = [0x73] + Self.authorityA.bytes
        let code = a + [0x3b] + store(0) + a + [0x3f] + store(1)
            + push(23) + push(0) + push(0) + a + [0x3c] + push(0) + [0x51] + store(2) + [0x00]
        let h = EVMHarness(code: code, fork: .prague, extra: [Self.authorityA: Self.account(Self.designator(Self.codeB))])
        let (evm, r) = h.call()
        XCTAssertEqual(try r.get().success, true)
        let c = EVMHarness.contract
        XCTAssertEqual(evm.state.storage(c, .zero), UInt256(23))
        XCTAssertEqual(Hex.encode(evm.state.storage(c, .one).bigEndianBytes, prefix: true),
                       "0x26611a65af978a9a0908a27e3c548b165c9a270ff5727228a2f2969f49c1f830")
        XCTAssertEqual(evm.state.storage(c, UInt256(2)).bigEndianBytes, Self.designator(Self.codeB) + [UInt8](repeating: 0, count: 9))
    }

    /// A designator pointing at a precompile runs no code: the call succeeds with empty return data
    /// (execution-specs `disable_precompiles`), where a direct call to the identity precompile echoes.
    func testDesignatorToPrecompileRunsNothing() {
        let identity = Address(low: 4)
        let code = push(0x1234) + push(0) + [0x52] + call(Self.authorityA, inSize: 32) + store(0) + [0x3d] + store(1)
            + call(identity, inSize: 32) + store(2) + [0x3d] + store(3) + [0x00]
        let h = EVMHarness(code: code, fork: .prague, extra: [Self.authorityA: Self.account(Self.designator(identity))])
        let (evm, _) = h.call()
        let c = EVMHarness.contract
        XCTAssertEqual([0, 1, 2, 3].map { evm.state.storage(c, UInt256(UInt64($0))) }, [.one, .zero, .one, UInt256(32)])
    }

    /// Before Prague the designator is plain code starting with 0xEF: the call fails.
    func testNoDelegationBeforePrague() {
        let codeOfB: [UInt8] = push(0x2a) + store(0) + [0x00]
        let h = EVMHarness(code: push(7) + store(1) + call(Self.authorityA) + store(1) + [0x00], fork: .cancun, extra: [
            Self.authorityA: Self.account(Self.designator(Self.codeB)), Self.codeB: Self.account(codeOfB)])
        let (evm, _) = h.call()
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, .one), .zero)
        XCTAssertEqual(evm.state.storage(Self.authorityA, .zero), .zero)
    }

    /// A type-4 transaction sets the designator and the nonce; intrinsic gas 21000 + 25000 per authorization;
    /// an authority that exists refunds 25000 − 12500, capped at gas used / 5 (EIP-3529).
    func testSetCodeTransaction() throws {
        for authorityExists in [false, true] {
            var extra: [Address: Account] = [:]
            if authorityExists { extra[Self.signer] = Account(balance: .one) }
            let h = EVMHarness(code: [0x00], fork: .prague, extra: extra)
            let (evm, r) = send(h, setCodeTx([Self.fixtureAuth]))
            let result = try r.get()
            XCTAssertEqual(result.gasUsed, authorityExists ? 46000 - 46000 / 5 : 46000)
            XCTAssertEqual(evm.state.account(Self.signer).code, Self.designator(Self.delegate))
            XCTAssertEqual(evm.state.account(Self.signer).nonce, 1)
        }
    }

    func testSetCodeTransactionValidity() {
        let h = EVMHarness(code: [0x00], fork: .prague)
        XCTAssertEqual(error(send(h, setCodeTx([]))), .emptyAuthorizationList)
        var create = setCodeTx([Self.fixtureAuth])
        create.to = nil
        XCTAssertEqual(error(send(h, create)), .setCodeTxWithoutTarget)
        XCTAssertEqual(error(send(EVMHarness(code: [0x00], fork: .cancun), setCodeTx([Self.fixtureAuth]))), .typeNotSupported)
        // A sender whose code is a designator may send from Prague, not before (EIP-3607).
        var delegatedSender = EVMHarness(code: [0x00], fork: .prague)
        delegatedSender.pre.entries[EVMHarness.sender]?.account = Self.account(Self.designator(Self.codeB), balance: UInt256(1) << 100)
        XCTAssertNil(error(delegatedSender.call()))
        delegatedSender.fork = .cancun
        XCTAssertEqual(error(delegatedSender.call()), .senderNotEOA)
    }

    // MARK: Helpers

    /// CALL(gas: all, to, value 0, input [0, inSize), output [32, 64)).
    func call(_ to: Address, inSize: UInt64 = 0) -> [UInt8] {
        push(32) + push(32) + push(inSize) + push(0) + push(0) + [0x73] + to.bytes + [0x5a, 0xf1]
    }

    func setCodeTx(_ list: [Authorization]) -> Transaction {
        Transaction(type: 4, chainId: .one, nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: UInt256(10),
                    gasLimit: UInt256(1_000_000), to: EVMHarness.contract, value: .zero, data: [],
                    authorizationList: list, sender: EVMHarness.sender)
    }
}

func send(_ h: EVMHarness, _ tx: Transaction)
    -> (EVM<InMemoryState, NativeCryptoProvider, L1Variant>, Result<TransactionResult, TransactionError>)
{
    let evm = EVM(state: JournaledState(backend: h.pre), crypto: NativeCryptoProvider(), fork: h.fork, block: EVMHarness.block())
    do { return (evm, .success(try evm.transact(tx))) } catch { return (evm, .failure(error)) }
}

func error(_ r: (EVM<InMemoryState, NativeCryptoProvider, L1Variant>, Result<TransactionResult, TransactionError>)) -> TransactionError? {
    if case .failure(let e) = r.1 { return e }
    return nil
}
