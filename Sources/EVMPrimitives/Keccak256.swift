/// Keccak-256 as Ethereum uses it (Yellow Paper §3 "KEC"; Keccak reference v3 with the original
/// multi-rate padding `pad10*1` and domain byte 0x01, not the FIPS 202 SHA3 byte 0x06):
/// sponge over Keccak-f[1600] with rate 1088 bits (136 bytes), capacity 512, 256-bit output.
public enum Keccak256 {
    /// Sponge rate in bytes.
    public static let rate = 136
    /// Digest length in bytes.
    public static let digestLength = 32

    /// Keccak-256 of `data`. Returns 32 bytes.
    public static func hash(_ data: [UInt8]) -> [UInt8] {
        var hasher = Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// Keccak-256 of the bytes in `buffer`. Returns 32 bytes.
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = Hasher()
        hasher.update(buffer)
        return hasher.finalize()
    }

    /// Keccak-256 of the bytes in `buffer` as a big-endian word: the digest's bytes 0…31 are lanes 0…3,
    /// little-endian (`KeccakState`), so word limb 3 − i is lane i byte-swapped.
    public static func hashWord(_ buffer: UnsafeRawBufferPointer) -> UInt256 {
        let s: KeccakState
        if buffer.count < rate {
            s = singleBlock(buffer)
        } else {
            var hasher = Hasher()
            hasher.update(buffer)
            s = hasher.squeeze()
        }
        return UInt256(w0: s.lanes.3.byteSwapped, w1: s.lanes.2.byteSwapped, w2: s.lanes.1.byteSwapped, w3: s.lanes.0.byteSwapped)
    }

    /// The squeezed state for fewer than `rate` bytes (one padded block): the input's whole lanes, then its
    /// last bytes with the padding byte 0x01 after them, 0x80 in the block's last byte, one permutation.
    @inline(__always)
    static func singleBlock(_ buffer: UnsafeRawBufferPointer) -> KeccakState {
        var s = KeccakState()
        let count = buffer.count
        let whole = count &>> 3
        withUnsafeMutableBytes(of: &s.lanes) { lanes in
            if let base = buffer.baseAddress {
                for l in 0..<whole {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: l &* 8, as: UInt64.self))
                    lanes.storeBytes(of: word, toByteOffset: l &* 8, as: UInt64.self)
                }
            }
            var tail: UInt64 = 0x01 &<< UInt64((count & 7) &* 8)
            var i = whole &* 8
            while i < count {
                tail |= UInt64(buffer[i]) &<< UInt64((i & 7) &* 8)
                i &+= 1
            }
            lanes.storeBytes(of: tail, toByteOffset: whole &* 8, as: UInt64.self)
            let last = (rate &- 1) &>> 3
            let top = lanes.load(fromByteOffset: last &* 8, as: UInt64.self)
            lanes.storeBytes(of: top ^ (UInt64(0x80) &<< 56), toByteOffset: last &* 8, as: UInt64.self)
        }
        keccakF1600(&s)
        return s
    }

    /// Incremental Keccak-256: absorb any number of `update` calls, then `finalize`.
    /// A value type without heap storage; copying it forks the hash computation.
    public struct Hasher {
        @usableFromInline var state = KeccakState()
        /// Number of bytes already absorbed into the current block (0 ..< rate).
        @usableFromInline var offset = 0

        public init() {}

        /// Absorbs `data`.
        public mutating func update(_ data: [UInt8]) {
            data.withUnsafeBytes { update($0) }
        }

        /// Absorbs the bytes in `buffer`: byte by byte up to a lane boundary, then whole 8-byte lanes, permuting
        /// after every full block. The state is only touched through one in-place raw view (no copies of it).
        public mutating func update(_ buffer: UnsafeRawBufferPointer) {
            let count = buffer.count
            guard count > 0, let base = buffer.baseAddress else { return }
            var i = 0
            var at = offset
            while i < count {
                withUnsafeMutableBytes(of: &state.lanes) { lanes in
                    while i < count && at < Keccak256.rate {
                        let lane = at &>> 3
                        let old = lanes.load(fromByteOffset: lane &* 8, as: UInt64.self)
                        if at & 7 == 0 && count &- i >= 8 {
                            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                            lanes.storeBytes(of: old ^ word, toByteOffset: lane &* 8, as: UInt64.self)
                            i &+= 8
                            at &+= 8
                        } else {
                            let byte = UInt64(base.load(fromByteOffset: i, as: UInt8.self))
                            lanes.storeBytes(of: old ^ (byte &<< UInt64((at & 7) &* 8)), toByteOffset: lane &* 8, as: UInt64.self)
                            i &+= 1
                            at &+= 1
                        }
                    }
                }
                if at == Keccak256.rate {
                    Keccak256.keccakF1600(&state)
                    at = 0
                }
            }
            offset = at
        }

        /// Pads (0x01 … 0x80), squeezes and returns the 32-byte digest. The hasher itself is unchanged.
        public func finalize() -> [UInt8] {
            let s = squeeze()
            var out = [UInt8](repeating: 0, count: Keccak256.digestLength)
            out.withUnsafeMutableBytes { p in
                p.storeBytes(of: s.lanes.0.littleEndian, toByteOffset: 0, as: UInt64.self)
                p.storeBytes(of: s.lanes.1.littleEndian, toByteOffset: 8, as: UInt64.self)
                p.storeBytes(of: s.lanes.2.littleEndian, toByteOffset: 16, as: UInt64.self)
                p.storeBytes(of: s.lanes.3.littleEndian, toByteOffset: 24, as: UInt64.self)
            }
            return out
        }

        /// The state after padding and the final permutation; the digest is its first 32 bytes.
        func squeeze() -> KeccakState {
            var s = state
            s[offset &>> 3] ^= UInt64(0x01) &<< UInt64((offset & 7) &* 8)
            s[(Keccak256.rate &- 1) &>> 3] ^= UInt64(0x80) &<< 56
            Keccak256.keccakF1600(&s)
            return s
        }
    }
}

/// The portable Swift implementation of the `KeccakHasher` capability (see `CryptoProvider.swift`):
/// Keccak-256 as in Yellow Paper §3 (KEC), computed by `Keccak256`.
public struct SwiftKeccak: KeccakHasher, Sendable {
    public init() {}

    /// Keccak-256 of `data` computed by `Keccak256`.
    public func keccak256(_ data: [UInt8]) -> [UInt8] {
        Keccak256.hash(data)
    }

    /// Keccak-256 of `data` computed by `Keccak256`, as a word.
    public func keccak256Word(_ data: UnsafeRawBufferPointer) -> UInt256 { Keccak256.hashWord(data) }
}
