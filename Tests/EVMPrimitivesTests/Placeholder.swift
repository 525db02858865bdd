import XCTest

// Placeholder: EVMPrimitivesTests is being written.
final class EVMPrimitivesTestsPlaceholder: XCTestCase {}
