import XCTest

// Placeholder: RISCVTests is being written.
final class RISCVTestsPlaceholder: XCTestCase {}
