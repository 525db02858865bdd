import XCTest

// Placeholder: EVMPrecompilesTests is being written.
final class EVMPrecompilesTestsPlaceholder: XCTestCase {}
