import EVM
import EVMPrimitives
import EthereumBlock
import Foundation
import NativeCrypto
import StateTest

/// The outcome of one blockchain test.
public struct BlockTestResult: Sendable {
    public enum Status: Sendable, Equatable {
        case passed
        case failed(String)
        case skipped(String)
    }

    /// A block the test expects to be invalid, and what rvx found.
    public struct Rejection: Sendable {
        public var index: Int
        public var expected: String
        /// rvx's exception class (`BlockError.exceptionName`) and reason.
        public var found: String
        public var reason: String
        /// Whether `found` is one of the `|`-separated expected classes (after mapping legacy names).
        public var classMatches: Bool
    }

    public var name: String
    public var network: String
    public var status: Status
    /// Blocks imported (valid) and rejected (invalid, as expected).
    public var imported: Int
    public var rejections: [Rejection]
}

/// Runs blockchain tests the way geth's `evm blocktest` does: imports the genesis and pre-state, then each
/// block from its RLP through `BlockImport` (`BlockTransition.execute` on the parent's state); blocks marked
/// `expectException` must be rejected with one of the expected exception classes; finally the head must be `lastblockhash` with the expected
/// post-state.
public struct BlockTestRunner: @unchecked Sendable {
    public var nameFilter: NSRegularExpression?

    public init(nameFilter: NSRegularExpression? = nil) { self.nameFilter = nameFilter }

    /// Runs every selected test of one file.
    public func run(file: String) -> [BlockTestResult] {
        let fixtures: [BlockTestFixture]
        do { fixtures = try BlockTestFixture.load(path: file) } catch {
            let base = (file as NSString).lastPathComponent
            return [BlockTestResult(name: base, network: "-", status: .failed("\(error)"), imported: 0, rejections: [])]
        }
        var out: [BlockTestResult] = []
        for t in fixtures {
            if let re = nameFilter, re.firstMatch(in: t.name, range: NSRange(t.name.startIndex..., in: t.name)) == nil { continue }
            out.append(Self.run(t))
        }
        return out
    }

    public static func run(_ t: BlockTestFixture) -> BlockTestResult {
        var result = BlockTestResult(name: t.name, network: t.network, status: .passed, imported: 0, rejections: [])
        guard let config = t.chainConfig else {
            result.status = .skipped("network \(t.network) not supported (the EVM runs Berlin and later)")
            return result
        }
        let crypto = NativeCryptoProvider()
        let genesis: Block
        do { genesis = try Block.decode(t.genesisRLP) } catch {
            result.status = .failed("genesis: \(error.description)")
            return result
        }
        if t.pre.stateRoot(crypto) != genesis.header.stateRoot {
            result.status = .failed("pre-state root differs from the genesis state root")
            return result
        }
        let genesisHash = genesis.header.hash(crypto)
        var chain: [[UInt8]: ChainEntry] = [genesisHash: ChainEntry(genesis: genesis.header, state: t.pre, crypto: crypto)]
        var head = genesisHash
        for (i, fb) in t.blocks.enumerated() {
            switch BlockImport.importBlock(fb.rlp, chain: chain, config: config, crypto: crypto) {
            case .success(let imported):
                if let e = fb.expectException {
                    result.status = .failed("block \(i): expected \(e), but the block is valid")
                    return result
                }
                chain[imported.hash] = imported.entry
                if becomesHead(imported.entry, over: chain[head]!, config: config) { head = imported.hash }
                result.imported += 1
            case .failure(let error):
                guard let expected = fb.expectException else {
                    result.status = .failed("block \(i): \(error.description) [\(error.exceptionName)]")
                    return result
                }
                let matches = ExceptionNames.matches(expected: expected, found: error.exceptionName)
                result.rejections.append(BlockTestResult.Rejection(
                    index: i, expected: expected, found: error.exceptionName, reason: error.description,
                    classMatches: matches))
                if !matches {
                    result.status = .failed("block \(i): rejected as \(error.exceptionName) (\(error.description)), expected \(expected)")
                    return result
                }
            }
        }
        if head != t.lastBlockHash {
            result.status = .failed("head \(Hex.encode(head, prefix: true)) != lastblockhash \(Hex.encode(t.lastBlockHash, prefix: true))")
            return result
        }
        let post = chain[head]!.state
        if let expected = t.postState {
            if let diff = StateDiff.describe(expected: expected, actual: post) {
                result.status = .failed("post-state: \(diff)")
            }
        } else if let root = t.postStateHash, post.stateRoot(crypto) != root {
            result.status = .failed("post-state root differs from postStateHash")
        }
        return result
    }

    /// Fork choice: after the Merge the last imported block is the head (the fixtures' forkchoice); before it
    /// the block with the greater total difficulty, and on a tie the lower one (geth's `ForkChoice.ReorgNeeded`
    /// without its random tie-break at equal heights).
    static func becomesHead(_ new: ChainEntry, over head: ChainEntry, config: ChainConfig) -> Bool {
        guard let rules = config.rules(number: new.header.number, timestamp: new.header.timestamp), rules.isPreMerge else { return true }
        if new.totalDifficulty != head.totalDifficulty { return new.totalDifficulty > head.totalDifficulty }
        return new.header.number < head.header.number
    }
}

extension BlockTestRunner {
    /// Runs `files` on `threads` worker threads with `stackBytes` of stack each (nested calls recurse up to
    /// 1024 frames deep); `onFile` is called from the workers as each file completes.
    public func run(files: [String], threads: Int, stackBytes: Int,
                    onFile: @escaping @Sendable (String, [BlockTestResult]) -> Void) {
        ParallelRunner.run(files: files, threads: threads, stackBytes: stackBytes, work: { self.run(file: $0) }, onFile: onFile)
    }
}
