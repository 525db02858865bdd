// RVX: the rvx guest ABI (docs/ABI.md, "Native calls") for Embedded Swift guests, over the C SDK's inline
// ecall wrappers (rvx/rvx.h, imported as the clang module CRVX). Built once per XLEN by toolchain/Makefile
// into guest/build/<xlen>/sdk/swift/ (RVX.swiftmodule + RVX.o).

import CRVX

/// A 32-byte word of the ABI: a state key or value, a root, a digest. Bytes in memory order.
public struct Word: Equatable {
    /// The 32 bytes as four 8-byte chunks in memory order (not an integer interpretation).
    public var raw: (UInt64, UInt64, UInt64, UInt64)

    public static var zero: Word { Word(raw: (0, 0, 0, 0)) }

    public init(raw: (UInt64, UInt64, UInt64, UInt64)) { self.raw = raw }

    /// The first 32 bytes of `bytes` (zero-padded if shorter).
    public init(_ bytes: UnsafeRawBufferPointer) {
        self = .zero
        let n = min(bytes.count, 32)
        withUnsafeMutableBytes(of: &raw) { dst in
            if n > 0, let src = bytes.baseAddress { dst.baseAddress!.copyMemory(from: src, byteCount: n) }
        }
    }

    /// Byte `i` (0 ≤ i < 32).
    public subscript(i: Int) -> UInt8 {
        get { withUnsafeBytes(of: raw) { $0[i] } }
        set { withUnsafeMutableBytes(of: &raw) { $0[i] = newValue } }
    }

    /// The 32 bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes(of: raw) { Array($0) } }

    public static func == (a: Word, b: Word) -> Bool {
        a.raw.0 == b.raw.0 && a.raw.1 == b.raw.1 && a.raw.2 == b.raw.2 && a.raw.3 == b.raw.3
    }
}

/// The sections of the EXECUTE input container (docs/FORMAT.md §3); `whole` is the container itself.
public enum Section: UInt32 {
    case whole = 0, batch = 1, witness = 2, preStateRoot = 3, config = 4, l1Anchor = 5, blockEnv = 6
}

/// The native calls. Functions that cannot fail under rvx except through a guest bug (a bad pointer) return
/// plain values; a negative status there terminates the guest with exit status 70.
public enum RVX {
    /// True when running under rvx (PROBE answered "RVX1"); false under qemu-user.
    public static var isAvailable: Bool { rvx_probe(nil) != 0 }

    /// INPUT_MAP: the section's bytes in the read-only input region, or nil if the section is absent.
    public static func section(_ s: Section) -> UnsafeRawBufferPointer? {
        var p: UnsafePointer<UInt8>? = nil
        var n: Int = 0
        guard rvx_input_map(s.rawValue, &p, &n) == 0, let p else { return nil }
        return UnsafeRawBufferPointer(start: UnsafeRawPointer(p), count: n)
    }

    /// INPUT_READ: copies from `offset` into `buffer`; returns the section's full size, nil if absent.
    public static func read(_ s: Section, into buffer: UnsafeMutableRawBufferPointer, offset: Int = 0) -> Int? {
        let r = rvx_input_read(s.rawValue, buffer.baseAddress, buffer.count, offset)
        return r < 0 ? nil : r
    }

    /// COMMIT: appends to the public output.
    public static func commit(_ bytes: UnsafeRawBufferPointer) {
        check(rvx_commit(bytes.baseAddress, bytes.count))
    }

    /// COMMIT of a word.
    public static func commit(_ w: Word) {
        withUnsafeBytes(of: w.raw) { commit($0) }
    }

    /// STATE_READ: the value under `key`, nil if absent.
    public static func stateRead(_ key: Word) -> Word? {
        var k = key, v = Word.zero
        let r = withUnsafeBytes(of: &k.raw) { kp in
            withUnsafeMutableBytes(of: &v.raw) { vp in rvx_state_read(ptr(kp), mptr(vp)) }
        }
        check(r)
        return r == 1 ? v : nil
    }

    /// STATE_WRITE: stores `value` under `key`, or deletes the key when `value` is nil.
    public static func stateWrite(_ key: Word, _ value: Word?) {
        var k = key
        check(withUnsafeBytes(of: &k.raw) { kp -> Int in
            guard var v = value else { return rvx_state_delete(ptr(kp)) }
            return withUnsafeBytes(of: &v.raw) { vp in rvx_state_write(ptr(kp), ptr(vp)) }
        })
    }

    /// STATE_ROOT: the current state root.
    public static func stateRoot() -> Word {
        var out = Word.zero
        check(withUnsafeMutableBytes(of: &out.raw) { rvx_state_root(mptr($0)) })
        return out
    }

    /// POST_ROOT (guest-managed mode): declares the post-state root.
    public static func postRoot(_ root: Word) {
        var r = root
        check(withUnsafeBytes(of: &r.raw) { rvx_post_root(ptr($0)) })
    }

    /// KECCAK256.
    public static func keccak256(_ data: UnsafeRawBufferPointer) -> Word {
        var out = Word.zero
        check(withUnsafeMutableBytes(of: &out.raw) { rvx_keccak256(data.baseAddress, data.count, mptr($0)) })
        return out
    }

    /// SHA256.
    public static func sha256(_ data: UnsafeRawBufferPointer) -> Word {
        var out = Word.zero
        check(withUnsafeMutableBytes(of: &out.raw) { rvx_sha256(data.baseAddress, data.count, mptr($0)) })
        return out
    }

    /// SECP256K1_ECRECOVER: the 64-byte public key x‖y as two words, nil for an invalid signature.
    public static func ecrecover(hash: Word, r: Word, s: Word, recid: UInt8) -> (x: Word, y: Word)? {
        var h = hash, sig = (r.raw, s.raw), pub = (Word.zero.raw, Word.zero.raw)
        let status = withUnsafeBytes(of: &h.raw) { hp in
            withUnsafeBytes(of: &sig) { sp in
                withUnsafeMutableBytes(of: &pub) { pp in rvx_secp256k1_ecrecover(ptr(hp), ptr(sp), UInt32(recid), mptr(pp)) }
            }
        }
        check(status == -1 ? 0 : status)
        return status == 0 ? (Word(raw: pub.0), Word(raw: pub.1)) : nil
    }

    /// DEBUG_PRINT: bytes to the host's debug sink (never part of the verdict).
    public static func debugPrint(_ s: StaticString) {
        _ = rvx_debug_print(s.utf8Start, s.utf8CodeUnitCount)
    }

    /// DEBUG_PRINT of raw bytes.
    public static func debugPrint(_ bytes: UnsafeRawBufferPointer) {
        _ = rvx_debug_print(bytes.baseAddress, bytes.count)
    }

    /// CYCLE_COUNT: cycles consumed so far (deterministic).
    public static func cycleCount() -> Int { rvx_cycle_count() }

    /// CYCLE_SCOPE (docs/ABI.md §3, docs/DEVTOOLS.md): runs `body` inside a cycle scope named `name`, which
    /// `rvx profile` shows as a frame of its own. Costs the syscall's base cost twice; no other effect.
    @inline(__always)
    public static func scope<R>(_ name: StaticString, _ body: () -> R) -> R {
        _ = rvx_scope_enter(name.utf8Start, name.utf8CodeUnitCount)
        let r = body()
        _ = rvx_scope_exit()
        return r
    }

    /// Terminates the guest (exit_group) with `status`.
    public static func exit(_ status: Int32) -> Never { rvx_exit(status) }

    @inline(__always) static func check(_ r: Int) { if r < 0 { rvx_exit(70) } }
    @inline(__always) static func ptr(_ b: UnsafeRawBufferPointer) -> UnsafePointer<UInt8> {
        b.baseAddress!.assumingMemoryBound(to: UInt8.self)
    }
    @inline(__always) static func mptr(_ b: UnsafeMutableRawBufferPointer) -> UnsafeMutablePointer<UInt8> {
        b.baseAddress!.assumingMemoryBound(to: UInt8.self)
    }
}
