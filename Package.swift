// swift-tools-version:6.1
//
// rvx: a runtime for the generalized EXECUTE precompile of native rollups.
//
// Module map (dependencies flow downwards only):
//
//   rvx (CLI)
//    ├── StateTest ──────────────┐           (Ethereum GeneralStateTests runner, Foundation)
//    ├── NativeCrypto ───────────┤           (libsecp256k1, libgmp, swift-crypto bindings)
//    │                           ▼
//    │                 EVM ─► EVMPrecompiles, MerklePatriciaTrie ─► EVMPrimitives   (Embedded-Swift subset)
//    ├── HostABI ─► ELFLoader ─► RISCV ─► GuestABI                                (knows nothing of Ethereum)
//    └── (EXECUTE) ─► InputContainer, BinaryTree                                   (container format, state tree + witness)
//
import PackageDescription

/// Modules that must stay inside the Embedded Swift subset (they are also built for the RISC-V EVM guest).
/// `toolchain/check-embedded.sh` compiles them with `-enable-experimental-feature Embedded` to enforce that.
let embeddedSafe: [SwiftSetting] = []

let package = Package(
    name: "rvx",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rvx", targets: ["rvx"]),
        .library(name: "RISCV", targets: ["RISCV"]),
        .library(name: "EVM", targets: ["EVM"]),
        // Embedding EXECUTE and its prover (docs/EMBEDDING.md): Swift libraries, and the C ABI shared library
        // librvx_execute.so behind include/rvx_execute.h.
        .library(name: "Execute", targets: ["Execute"]),
        .library(name: "InputContainer", targets: ["InputContainer"]),
        .library(name: "BinaryTree", targets: ["BinaryTree"]),
        .library(name: "rvx_execute", type: .dynamic, targets: ["RVXExecuteABI"]),
        // The curve accelerators for host builds of standard guests (toolchain/host-cc, docs/SDK.md §8).
        .library(name: "rvx_accel", type: .dynamic, targets: ["RVXAccelABI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries (Debian: libelf-dev, libsecp256k1-dev, libgmp-dev; installed by toolchain/install-deps.sh).
        .systemLibrary(name: "CLibELF", pkgConfig: "libelf", providers: [.apt(["libelf-dev"])]),
        .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(name: "CGMP", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Foundation: the sandboxed RISC-V machine.
        .target(name: "GuestABI"),
        .target(name: "CRISCVCore", exclude: ["core_body.inc", "core_ops.inc", "isa.py", "gen_isa.py"]),
        .target(
            name: "RISCV",
            dependencies: ["GuestABI", "CRISCVCore"]
        ),
        .target(name: "Translator", dependencies: ["RISCV", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ELFLoader", dependencies: ["CLibELF", "RISCV", "GuestABI"]),
        .target(
            name: "HostABI",
            dependencies: [
                "RISCV", "ELFLoader", "GuestABI", "NativeCrypto", "EVMPrimitives", "EVMPrecompiles",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // EXECUTE: the input container and the runtime-managed binary-tree state (EIP-7864 style).
        .target(name: "InputContainer", dependencies: ["CZlib"]),
        .target(name: "BinaryTree", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),

        // EXECUTE itself: verdicts, metering, prover, parallel verification (docs/EXECUTE.md).
        .target(
            name: "Execute",
            dependencies: ["HostABI", "RISCV", "Translator", "ELFLoader", "GuestABI", "InputContainer", "BinaryTree", "EVMPrimitives"]
        ),

        // The C ABI of EXECUTE (include/rvx_execute.h), for L1 clients in C, Go, Rust, C# (docs/EMBEDDING.md).
        .target(name: "RVXExecuteABI", dependencies: ["Execute", "HostABI", "GuestABI"]),
        .target(name: "RVXAccelABI", dependencies: ["EVMPrecompiles", "EVMPrimitives"]),

        // The EVM, written once for native and guest (Embedded Swift subset: no Foundation, no existentials).
        .target(name: "EVMPrimitives", swiftSettings: embeddedSafe),
        .target(name: "MerklePatriciaTrie", dependencies: ["EVMPrimitives"], swiftSettings: embeddedSafe),
        .target(name: "EVMPrecompiles", dependencies: ["EVMPrimitives"], swiftSettings: embeddedSafe),
        .target(
            name: "EVM",
            dependencies: ["EVMPrimitives", "EVMPrecompiles", "MerklePatriciaTrie"],
            swiftSettings: embeddedSafe
        ),

        // Ethereum blocks: header validation, the block state transition, receipts and bloom (docs/EVMBLOCKS.md).
        .target(
            name: "EthereumBlock",
            dependencies: ["EVM", "EVMPrimitives", "MerklePatriciaTrie"],
            swiftSettings: embeddedSafe
        ),

        // The EVM guests' block input: RLP block, geth-shaped execution witness, chain configuration (docs/FORMAT.md §7).
        .target(
            name: "BlockInput",
            dependencies: ["EthereumBlock", "EVM", "EVMPrimitives"],
            swiftSettings: embeddedSafe
        ),

        // Stateless execution over an MPT execution witness, shared by the EVM guest and its prover (docs/EVMGUEST.md).
        .target(
            name: "StatelessEVM",
            dependencies: ["EVM", "EVMPrimitives", "MerklePatriciaTrie"],
            swiftSettings: embeddedSafe
        ),

        // The EVM guests' block driver: state_transition over a BlockInput and its witness (docs/EVMBLOCKS.md §7).
        .target(
            name: "StatelessBlock",
            dependencies: ["BlockInput", "EthereumBlock", "StatelessEVM", "EVM", "EVMPrimitives"],
            swiftSettings: embeddedSafe
        ),

        // Host-only EVM parts.
        .target(
            name: "NativeCrypto",
            dependencies: [
                "CSecp256k1", "CGMP", "EVMPrimitives", "EVMPrecompiles",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "StateTest", dependencies: ["EVM", "NativeCrypto", "MerklePatriciaTrie", "EVMPrimitives"]),
        .target(name: "BlockTest", dependencies: ["EthereumBlock", "EVM", "NativeCrypto", "EVMPrimitives", "StateTest"]),
        // The EVM guest's prover: state-test cases and pre-states → input containers with minimal witnesses.
        .target(name: "EVMProver", dependencies: ["StatelessEVM", "StateTest", "EVM", "NativeCrypto", "MerklePatriciaTrie",
                                                  "EVMPrimitives", "InputContainer", "Execute", "HostABI", "RISCV",
                                                  "BlockInput", "BlockTest", "EthereumBlock", "StatelessBlock", "BinaryTree"]),

        // The example token rollup (host side: formats, genesis, sequencer; docs/ROLLUP.md).
        .target(name: "TokenRollup", dependencies: ["Execute", "BinaryTree", "InputContainer", "NativeCrypto", "EVMPrimitives",
                                                    .product(name: "Crypto", package: "swift-crypto")]),

        // Guest developer tools: symbolizer, disassembly listing, tracer, profiler, flamegraph, gdb stub (docs/DEVTOOLS.md).
        .target(name: "DevTools", dependencies: ["RISCV", "ELFLoader", "GuestABI"]),
        // Block-level EVM batches: generator, L1-anchor contract, containers (docs/EVMBLOCKS.md).
        // The OP Stack variant of the EVM (docs/ROLLUP-EVM.md), Embedded subset like the core.
        .target(name: "OPStackEVM", dependencies: ["EVM", "EVMPrimitives"], swiftSettings: embeddedSafe),
        .target(name: "EVMBlocks", dependencies: ["EVM", "EVMPrimitives", "NativeCrypto", "MerklePatriciaTrie", "StatelessEVM",
                                                 "EVMProver", "Execute", "InputContainer", "BinaryTree", "HostABI",
                                                 "EthereumBlock", "BlockInput", "StatelessBlock", "OPStackEVM"]),

        // The command-line tool.
        .executableTarget(
            name: "rvx",
            dependencies: [
                "RISCV", "ELFLoader", "HostABI", "GuestABI", "StateTest", "EVM", "NativeCrypto",
                "Execute", "InputContainer", "BinaryTree", "EVMPrimitives", "TokenRollup", "DevTools", "EVMProver", "StatelessEVM",
                "EVMBlocks", "EthereumBlock", "BlockTest", "OPStackEVM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests. RISCVTestSupport is a small RISC-V assembler and ELF writer written independently of the
        // decoder, so that instruction tests and crafted ELFs need no cross compiler.
        .target(name: "RISCVTestSupport", dependencies: ["RISCV"], path: "Tests/RISCVTestSupport"),
        .testTarget(name: "RISCVTests", dependencies: ["RISCV", "GuestABI", "RISCVTestSupport", "Translator",
                                                       .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ELFLoaderTests", dependencies: ["ELFLoader", "RISCV", "GuestABI", "RISCVTestSupport"]),
        .testTarget(
            name: "HostABITests",
            dependencies: ["HostABI", "ELFLoader", "RISCV", "GuestABI", "RISCVTestSupport", "NativeCrypto", "EVMPrimitives"]
        ),
        .testTarget(
            name: "ExecuteTests",
            dependencies: [
                "Execute", "HostABI", "ELFLoader", "RISCV", "GuestABI", "InputContainer", "BinaryTree", "EVMPrimitives",
                "RISCVTestSupport",
            ]
        ),
        .testTarget(name: "EVMPrimitivesTests", dependencies: ["EVMPrimitives"]),
        .testTarget(name: "MerklePatriciaTrieTests", dependencies: ["MerklePatriciaTrie", "EVMPrimitives"]),
        // Known-answer vectors for BLS12-381, KZG and P-256 from PyPI oracles (generators beside them), shared by
        // the precompile, native-crypto and EVM-guest tests.
        .target(name: "CryptoVectors", path: "Tests/CryptoVectors", exclude: ["gen_bls12381_vectors.py", "gen_kzg_vectors.py",
                                                                              "gen_p256_vectors.py"]),
        .testTarget(name: "EVMPrecompilesTests", dependencies: ["EVMPrecompiles", "EVMPrimitives", "CryptoVectors"],
                    exclude: ["BLS12381/gen_bls12381_map_constants.py"]),
        .testTarget(name: "NativeCryptoTests", dependencies: ["NativeCrypto", "EVMPrimitives", "CryptoVectors"]),
        .testTarget(name: "EVMTests", dependencies: ["EVM", "StateTest", "NativeCrypto", "EVMPrimitives"], exclude: ["Fixtures"]),
        .testTarget(name: "InputContainerTests", dependencies: ["InputContainer"]),
        .testTarget(name: "BinaryTreeTests", dependencies: ["BinaryTree"], exclude: ["reference"]),
        .testTarget(name: "TokenRollupTests", dependencies: ["TokenRollup", "Execute", "BinaryTree", "InputContainer", "NativeCrypto", "EVMPrimitives", "RISCVTestSupport",
                                                               .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "DevToolsTests", dependencies: ["DevTools", "RISCV", "ELFLoader", "GuestABI", "HostABI", "RISCVTestSupport"]),
        // Hostile inputs (docs/HOSTILE.md): the fuzz harnesses as a library, the libFuzzer/replay driver, and the
        // test target that replays crashers and seeds and runs the adversarial guest suite.
        .target(
            name: "FuzzTargets",
            dependencies: ["ELFLoader", "RISCV", "GuestABI", "HostABI", "InputContainer", "BinaryTree", "EVMPrimitives",
                           "MerklePatriciaTrie", "EVM", "NativeCrypto", "Execute", "Translator"],
            path: "Fuzz/FuzzTargets"
        ),
        .executableTarget(name: "rvx-fuzz", dependencies: ["FuzzTargets"], path: "Fuzz/rvx-fuzz"),
        .testTarget(
            name: "HostileTests",
            dependencies: ["FuzzTargets", "Execute", "HostABI", "ELFLoader", "RISCV", "GuestABI", "InputContainer", "BinaryTree",
                           "RISCVTestSupport"]
        ),
        .testTarget(name: "StatelessEVMTests", dependencies: ["StatelessEVM", "EVMProver", "StateTest", "EVM", "NativeCrypto",
                                                              "MerklePatriciaTrie", "EVMPrimitives"]),
        .testTarget(name: "EVMGuestTests", dependencies: ["EVMProver", "StatelessEVM", "Execute", "ELFLoader", "StateTest", "EVM",
                                                          "NativeCrypto", "EVMPrimitives", "InputContainer", "CryptoVectors",
                                                          "EVMPrecompiles"], exclude: ["ModExp"]),
        .testTarget(name: "EVMBlocksTests", dependencies: ["EVMBlocks", "EVM", "EVMPrimitives", "NativeCrypto", "StatelessEVM",
                                                           "EVMProver", "Execute", "InputContainer", "BinaryTree", "HostABI", "EthereumBlock",
                                                           "OPStackEVM", "CryptoVectors", "ELFLoader"]),
        .testTarget(name: "OPStackEVMTests", dependencies: ["OPStackEVM", "EVM", "EVMPrimitives", "NativeCrypto", "EVMBlocks",
                                                            "CryptoVectors"]),
        .testTarget(name: "BlockInputTests", dependencies: ["BlockInput", "EthereumBlock", "BlockTest", "EVM", "EVMPrimitives"]),
        .testTarget(name: "StatelessBlockTests", dependencies: ["StatelessBlock", "BlockInput", "EthereumBlock", "BlockTest",
                                                                "EVMProver", "EVMBlocks", "StatelessEVM", "EVM", "EVMPrimitives", "NativeCrypto",
                                                                "Execute", "ELFLoader", "InputContainer", "RISCV"]),
                .testTarget(name: "EthereumBlockTests", dependencies: ["EthereumBlock", "BlockTest", "StateTest", "EVM", "EVMPrimitives", "NativeCrypto"]),
        .testTarget(name: "GuestTests", dependencies: ["RISCV", "ELFLoader", "HostABI", "GuestABI", "RISCVTestSupport", "Translator"]),
    ]
)
