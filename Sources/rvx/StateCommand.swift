import ArgumentParser
import BinaryTree
import Execute

/// `rvx state`: the state files of `rvx prove` (docs/EXECUTE.md §5.1): their binary-tree root, one value.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Inspect a runtime-managed state file (JSON object of 32-byte hex keys to values).",
        subcommands: [Root.self, Get.self]
    )

    struct Root: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the SHA-256 binary-tree root of a state file (0x00…00 for an empty file).")
        @Argument(help: "The state file.") var file: String

        func run() throws { print(ExecuteCLI.hexString(try StateCLI.load(file).root().bytes)) }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the value of KEY, or `absent` (exit status 1).")
        @Argument(help: "The state file.") var file: String
        @Argument(help: "The key, 32 bytes hex.") var key: String

        func run() throws {
            guard let k = Bytes32(try ExecuteCLI.hex(key, length: 32, what: "KEY")) else { throw ExecuteCLI.usage("KEY: 32 bytes") }
            guard let v = try StateCLI.load(file).get(k) else {
                print("absent")
                throw ExitCode(1)
            }
            print(ExecuteCLI.hexString(v.bytes))
        }
    }
}

/// Reading state files with one-line errors naming the file and position.
enum StateCLI {
    /// State files may be larger than a container: 2^30 bytes (about 8 million entries).
    static let maxBytes = 1 << 30

    static func load(_ path: String) throws -> SHA256BinaryTree {
        let bytes = try ExecuteCLI.read(path, what: "state", limit: maxBytes)
        do { return try StateFile.decode(bytes) } catch { throw ExecuteCLI.usage("\(path): \(error)") }
    }
}
