import XCTest

// Placeholder: NativeCryptoTests is being written.
final class NativeCryptoTestsPlaceholder: XCTestCase {}
