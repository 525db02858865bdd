import XCTest

// Placeholder: ELFLoaderTests is being written.
final class ELFLoaderTestsPlaceholder: XCTestCase {}
