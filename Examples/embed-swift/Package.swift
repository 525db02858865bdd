// swift-tools-version:6.1
// Embedding rvx in another Swift package (docs/EMBEDDING.md): a path dependency on the repository root and
// the library products Execute, InputContainer and BinaryTree.
import PackageDescription

let package = Package(
    name: "embed-swift",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "rvx", path: "../..")],
    targets: [
        .executableTarget(
            name: "embed-swift",
            dependencies: [
                .product(name: "Execute", package: "rvx"),
                .product(name: "InputContainer", package: "rvx"),
                .product(name: "BinaryTree", package: "rvx"),
            ]
        ),
    ]
)
