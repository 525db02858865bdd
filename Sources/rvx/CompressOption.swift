import ArgumentParser
import InputContainer

/// `--compress CODEC` of the commands that write an input container (`prove`, `pack`, `evm genblock`): the
/// container is written with its variable-length sections compressed (docs/FORMAT.md §8). EXECUTE expands it
/// before the guest starts; the verdict and post root are those of the plain container, and the cycles grow by
/// the decode charge.
struct CompressOption: ParsableArguments {
    @Option(help: "Store the container's variable-length sections compressed where they shrink (docs/FORMAT.md §8): zlib.")
    var compress: String?

    func validate() throws {
        if let c = compress, c != "zlib" { throw ValidationError("--compress must be zlib") }
    }

    /// The container to write: `container` itself, or compressed, with the decode charge EXECUTE adds.
    func apply(_ container: [UInt8]) throws -> (bytes: [UInt8], decodeCycles: UInt64) {
        guard compress != nil else { return (container, 0) }
        do {
            let packed = try ContainerCompression.compress(bytes: container)
            return (packed, try ContainerCompression.expand(packed).cycles)
        } catch { throw ExecuteCLI.usage("cannot compress the container: \(error)") }
    }
}
