import XCTest

// Placeholder: BinaryTreeTests is being written.
final class BinaryTreeTestsPlaceholder: XCTestCase {}
