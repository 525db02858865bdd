import XCTest

// Placeholder: InputContainerTests is being written.
final class InputContainerTestsPlaceholder: XCTestCase {}
