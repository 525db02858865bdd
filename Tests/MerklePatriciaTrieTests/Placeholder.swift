import XCTest

// Placeholder: MerklePatriciaTrieTests is being written.
final class MerklePatriciaTrieTestsPlaceholder: XCTestCase {}
