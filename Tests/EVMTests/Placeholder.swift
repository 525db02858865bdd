import XCTest

// Placeholder: EVMTests is being written.
final class EVMTestsPlaceholder: XCTestCase {}
