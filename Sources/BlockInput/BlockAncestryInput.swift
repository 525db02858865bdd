import EVMPrimitives
import EthereumBlock

/// The ancestry `validate_ommers` reads (`BlockAncestry`), taken from a block input (docs/FORMAT.md §7.3): the
/// first `maxBlocks` witness headers and the ommers their blocks included, each block's list checked against
/// its header's `ommersHash`. A version-1 input, or ommer lists that stop short of the genesis and of
/// `maxBlocks` blocks, give an unknown set of included ommers, so a block with ommers is rejected
/// (`ancestryUnavailable`), never accepted unchecked.
public enum BlockAncestryInput {
    /// The parent and its MAX_OMMER_DEPTH ancestors: the blocks whose headers and ommers `validate_ommers` reads.
    public static let maxBlocks = Int(PreMergeRules.maxOmmerDepth) + 1

    /// The ancestry of `input`'s block. Call after `BlockWitness.ancestorHashes` has checked the headers' chain.
    public static func ancestry<H: KeccakHasher>(_ input: BlockInput, _ hasher: H) throws(BlockInputError) -> BlockAncestry {
        let headers = input.witness.headers
        let known = Array(headers.prefix(maxBlocks))
        guard let parent = headers.first, !input.ancestorOmmers.isEmpty else { return BlockAncestry(headers: known) }
        var included: [[UInt8]] = []
        for (i, rlp) in input.ancestorOmmers.enumerated() {
            guard i < headers.count, hasher.keccak256(rlp) == headers[i].ommersHash else { throw .ancestorOmmersMismatch(index: i) }
            let item: RLPItem
            do { item = try RLP.decode(rlp, maxDepth: 2) } catch { throw .ancestorOmmersMismatch(index: i) }
            guard case .list(let ommers) = item else { throw .ancestorOmmersMismatch(index: i) }
            for o in ommers {
                do { included.append(try BlockHeader.decode(o).hash(hasher)) } catch { throw .ancestorOmmersMismatch(index: i) }
            }
        }
        let needed = parent.number >= UInt64(maxBlocks) ? maxBlocks : Int(parent.number) + 1
        return BlockAncestry(headers: known, includedOmmers: input.ancestorOmmers.count >= needed ? included : nil)
    }
}
