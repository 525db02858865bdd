import XCTest

// Placeholder: GuestTests is being written.
final class GuestTestsPlaceholder: XCTestCase {}
