import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--quiet` for the long-running commands (`run`, `execute-block`, `evm statetest`, `evm blocktest`, `evm diff`): a progress line on
/// stderr is shown only when stderr is a terminal and `--quiet` is not given, so pipes, files and CI logs
/// never receive it.
struct ProgressOptions: ParsableArguments {
    @Flag(help: "Show no progress line on stderr (shown only when stderr is a terminal).") var quiet = false

    /// Whether the progress line is written.
    var enabled: Bool { !quiet && isatty(2) != 0 }
}
