import ArgumentParser
import Foundation
import InputContainer

/// `rvx pack`: builds a canonical input container (docs/FORMAT.md) from its sections.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Build an EXECUTE input container from a batch, a witness and a pre-state root.",
        discussion: "Exit status: 0 on success, 2 on usage errors or when the sections violate docs/FORMAT.md."
    )

    @Option(help: "The batch file (BATCH section).") var batch: String?
    @Option(help: "The witness file (WITNESS section); omit for no witness.") var witness: String?
    @Option(help: "The pre-state root, 32 bytes hex (PRE_STATE_ROOT).") var pre: String?
    @Option(help: "Rollup parameters file (CONFIG section).") var config: String?
    @Option(help: "The L1 anchor, 32 bytes hex (L1_ANCHOR section).") var l1Anchor: String?
    @Option(help: "Block environment file (BLOCK_ENV section).") var blockEnv: String?
    @Option(name: .shortAndLong, help: "Output file.") var output: String?
    @OptionGroup var compression: CompressOption

    func run() throws {
        guard let batch else { throw ExecuteCLI.usage("missing --batch") }
        guard let pre else { throw ExecuteCLI.usage("missing --pre") }
        guard let output else { throw ExecuteCLI.usage("missing -o/--output") }
        var sections: [(SectionKind, [UInt8])] = [
            (.batch, try ExecuteCLI.read(batch, what: "batch")),
            (.preStateRoot, try ExecuteCLI.hex(pre, length: 32, what: "--pre")),
        ]
        if let w = witness { sections.append((.witness, try ExecuteCLI.read(w, what: "witness"))) }
        if let c = config { sections.append((.config, try ExecuteCLI.read(c, what: "config"))) }
        if let a = l1Anchor { sections.append((.l1Anchor, try ExecuteCLI.hex(a, length: 32, what: "--l1-anchor"))) }
        if let b = blockEnv { sections.append((.blockEnv, try ExecuteCLI.read(b, what: "block-env"))) }
        sections.sort { $0.0 < $1.0 }
        let plain: [UInt8]
        do { plain = try InputContainer.encode(sections: sections) } catch {
            throw ExecuteCLI.usage("cannot pack: \(error)")
        }
        let bytes = try compression.apply(plain).bytes
        guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
            throw ExecuteCLI.usage("cannot write \(output)")
        }
    }
}
