import ArgumentParser
import GuestABI

/// `rvx abi-header`: prints the generated C header of the native guest ABI (docs/ABI.md), i.e.
/// `rvx abi-header > guest/sdk/include/rvx/syscalls.h`.
struct ABIHeaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abi-header",
        abstract: "Print guest/sdk/include/rvx/syscalls.h (generated from the Swift ABI definitions)."
    )

    func run() {
        print(NativeABIHeader.text, terminator: "")
    }
}
