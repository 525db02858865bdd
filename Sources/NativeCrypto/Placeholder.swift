// Placeholder: module NativeCrypto is being written.
