import CSecp256k1

/// The one libsecp256k1 context of the process (libsecp256k1 0.2, `secp256k1_context_create`).
///
/// Created once, lazily and thread-safely (Swift global initialisation), and never destroyed or mutated
/// afterwards, so concurrent verification, recovery, key derivation and signing on it are safe
/// (libsecp256k1 only forbids concurrent *mutation*, e.g. `secp256k1_context_randomize`). It is not
/// randomised: signing here is deterministic (RFC 6979) and serves a sequencer and tests, not a
/// hardened wallet, so the side-channel blinding that randomisation adds is not needed.
enum Secp256k1Context {
    /// nil only if libsecp256k1 could not allocate its context; every operation then fails cleanly.
    nonisolated(unsafe) static let shared: OpaquePointer? = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))
}
