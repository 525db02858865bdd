import BinaryTree
import EVMPrimitives
import InputContainer

/// Seed inputs for each harness (written to the corpus by `rvx-fuzz --write-seeds`, and committed under
/// Tests/Fixtures/FuzzSeeds): valid containers, witnesses of a small tree, RLP items, programs.
public enum Seeds {
    /// A canonical container with `batch`, the empty pre-state root and, if `full`, every optional section.
    public static func container(batch: [UInt8], full: Bool = false) -> [UInt8] {
        var s: [(SectionKind, [UInt8])] = [(.batch, batch), (.preStateRoot, [UInt8](repeating: 0, count: 32))]
        if full {
            s += [(.config, Array("cfg".utf8)), (.l1Anchor, [UInt8](repeating: 0xA5, count: 32)), (.blockEnv, [1, 2, 3, 4, 5, 6, 7, 8, 9])]
        }
        return (try? InputContainer.encode(sections: s)) ?? []
    }

    /// The seeds of `harness` (files found on disk, such as ELFs, are added by toolchain/fuzz.sh).
    public static func seeds(_ harness: Harness) -> [[UInt8]] {
        switch harness {
        case .elf, .executeELF:
            return []
        case .container, .executeContainer:
            return [container(batch: Array("abc".utf8)), container(batch: [], full: true), container(batch: [UInt8](repeating: 7, count: 100), full: true),
                    witnessContainer()]
        case .witness:
            return witnesses()
        case .rlp:
            let list = RLPItem.list([.bytes([1, 2, 3]), .list([.bytes([]), .bytes([UInt8](repeating: 0x41, count: 60))])]).encode()
            let leaf = RLPItem.list([.bytes([0x20, 0x01, 0x02]), .bytes([0x99])]).encode()
            let nodes = RLPItem.list([.bytes(leaf)]).encode()
            return [[0] + list, [0, 0x80], [1, 0xc0], [1, 0x02, 0xc0], [2] + nodes]
        case .translated:
            // The interpreter's programs at limits 2000 and 3 (flags bits 2–4), and one that stops in a loop at 37.
            let programs = seeds(.interpreter)
            return programs + programs.map { [($0[0] & 3) | 6 << 2] + $0.dropFirst() }
                + [program(rv64: false, words: [0x00100093, 0x00108093, 0xffdff06f], flags: 2 | 4 << 2)]
        case .interpreter:
            return [program(rv64: true, words: [0x00100093, 0x00108093, 0xffdff06f]),          // addi; addi; j -4
                    program(rv64: false, words: [0x00052583, 0x00b52223, 0x05d00893, 0x00000073]), // lw; sw; li a7,93; ecall
                    program(rv64: true, words: [0x000018b7, 0x0418889b, 0x00000073, 0xff9ff06f])]  // li a7,0x1041; ecall; j
        }
    }

    /// A program seed for the interpreter (and translated) harness: flags, register classes (a0 in the data page), no data, words.
    static func program(rv64: Bool, words: [UInt32], flags: UInt8? = nil) -> [UInt8] {
        var b: [UInt8] = [flags ?? (rv64 ? 3 : 2)]
        for i in 1..<32 {
            let w: UInt32 = i == 10 ? 0x4000_0010 : (i == 2 ? 0x8000_0100 : UInt32(i))
            b += [UInt8(w & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w >> 16 & 0xFF), UInt8(w >> 24)]
        }
        b += [UInt8](repeating: 0, count: 4096)
        for w in words { b += [UInt8(w & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w >> 16 & 0xFF), UInt8(w >> 24)] }
        return b
    }

    /// Minimal witnesses of a small tree for a few touched-key sets.
    static func witnesses() -> [[UInt8]] {
        var tree = SHA256BinaryTree()
        for i in 0..<6 {
            tree.insert(Bytes32(UInt64(i) << 60, 0, 0, UInt64(i)), Bytes32(0, 0, 0, UInt64(i) + 1))
        }
        var out: [[UInt8]] = [[0]]
        for touched in [[0], [1, 2], [0, 3, 5]] {
            let keys = touched.map { Bytes32(UInt64($0) << 60, 0, 0, UInt64($0)) }
            var post = tree
            post.insert(keys[0], Bytes32(9, 9, 9, 9))
            if let w = try? WitnessBuilder.build(pre: tree, touched: keys, post: post) { out.append(w.bytes) }
        }
        return out
    }

    /// A runtime-managed container whose witness covers one key of a small tree.
    static func witnessContainer() -> [UInt8] {
        let tree = SHA256BinaryTree([Bytes32(1, 2, 3, 4): Bytes32(5, 6, 7, 8)])
        guard let w = try? WitnessBuilder.build(pre: tree, touched: [Bytes32(1, 2, 3, 4)], post: tree) else { return [] }
        return (try? InputContainer.encode(sections: [(.batch, [1]), (.witness, w.bytes), (.preStateRoot, tree.root().bytes)])) ?? []
    }
}
