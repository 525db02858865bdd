#!/usr/bin/env python3
"""Writes vectors.h: known-answer vectors for conformance.c, computed by independent oracles (hashlib,
pycryptodome, ethereum-execution's BLAKE2b, coincurve, cryptography, py_ecc (BN254, BLS12-381, hash-to-curve
maps, KZG pairing check), Python's pow).

usage: python3 gen_vectors.py [--check]   (--check: exit 1 if vectors.h differs from what this writes)
Deterministic: fixed keys and nonces (RFC 6979 in coincurve for secp256k1; for P-256 a fixed nonce k, the
signature formed from kG's x by hand and verified by `cryptography` before it is written)."""
import hashlib, struct, sys, os
from Crypto.Hash import keccak as _keccak
from ethereum.crypto.blake2 import Blake2b
from ethereum_types.numeric import Uint
import coincurve
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives import hashes
from py_ecc import bn128

out = []
def arr(name, b): out.append(f"static const uint8_t {name}[{max(len(b), 1)}] = {{{', '.join(f'0x{x:02x}' for x in b) or '0'}}};")
def u64s(name, ws): out.append(f"static const uint64_t {name}[{len(ws)}] = {{{', '.join(f'0x{w:016x}ULL' for w in ws)}}};")
def keccak(b): h = _keccak.new(digest_bits=256); h.update(b); return h.digest()

# ---- hashes ----
msgs = [b"", b"abc", bytes(range(256)) * 2]   # the last crosses keccak's 136-byte and SHA-256's 64-byte blocks
for i, m in enumerate(msgs):
    arr(f"msg{i}", m)
    arr(f"keccak{i}", keccak(m))
    arr(f"sha256_{i}", hashlib.sha256(m).digest())
    arr(f"ripemd{i}", bytes(12) + hashlib.new("ripemd160", m).digest())
out.append(f"static const size_t msg_len[{len(msgs)}] = {{{', '.join(str(len(m)) for m in msgs)}}};")

# ---- Keccak-f[1600]: a reference permutation, validated against pycryptodome's keccak-256 sponge ----
RC = []
lfsr = 1
for _ in range(24):
    rc = 0
    for j in range(7):
        if lfsr & 1: rc |= 1 << ((1 << j) - 1)
        lfsr = ((lfsr << 1) ^ (0x71 if lfsr & 0x80 else 0)) & 0xFF
    RC.append(rc)
ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
M64 = (1 << 64) - 1
def rol(v, n): return ((v << n) | (v >> (64 - n))) & M64 if n else v
def keccak_f(a):
    a = list(a)
    for rnd in range(24):
        c = [a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] for x in range(5)]
        d = [c[(x - 1) % 5] ^ rol(c[(x + 1) % 5], 1) for x in range(5)]
        a = [a[i] ^ d[i % 5] for i in range(25)]
        b = [0] * 25
        for x in range(5):
            for y in range(5): b[y + 5 * ((2 * x + 3 * y) % 5)] = rol(a[x + 5 * y], ROT[x][y])
        a = [b[i] ^ (~b[(i % 5 + 1) % 5 + 5 * (i // 5)] & b[(i % 5 + 2) % 5 + 5 * (i // 5)]) for i in range(25)]
        a[0] ^= RC[rnd]
    return a
def sponge(m):
    p = bytearray(m) + b"\x01" + bytes((-len(m) - 2) % 136) + b"\x80" if (len(m) + 1) % 136 else bytearray(m) + b"\x81"
    s = [0] * 25
    for off in range(0, len(p), 136):
        for i in range(17): s[i] ^= int.from_bytes(p[off + 8 * i: off + 8 * i + 8], "little")
        s = keccak_f(s)
    return b"".join(w.to_bytes(8, "little") for w in s[:4])
for m in msgs + [bytes(135), bytes(136)]: assert sponge(m) == keccak(m), "reference keccak-f disagrees with pycryptodome"
f_in = [(0x0123456789ABCDEF * (i + 1)) & M64 for i in range(25)]
u64s("f1600_zero_out", keccak_f([0] * 25)); u64s("f1600_in", f_in); u64s("f1600_out", keccak_f(f_in))

# ---- BLAKE2f (EIP-152 vector 5: 12 rounds over the "abc" block, f = 1) ----
IV = [0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
      0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179]
h0 = [IV[0] ^ 0x01010040] + IV[1:]
m0 = [int.from_bytes(b"abc", "little")] + [0] * 15
def b2f(rounds, h, m, t0, f): return Blake2b().compress(Uint(rounds), [Uint(x) for x in h], [Uint(x) for x in m], Uint(t0), Uint(0), f)
le = lambda ws: b"".join(w.to_bytes(8, "little") for w in ws)
arr("b2_h", le(h0)); arr("b2_m", le(m0)); arr("b2_t", (3).to_bytes(8, "little") + bytes(8))
arr("b2_out12", b2f(12, h0, m0, 3, True)); arr("b2_out0", b2f(0, h0, m0, 3, True)); arr("b2_out1nf", b2f(1, h0, m0, 3, False))

# ---- MODEXP ----
base, exp, mod = 3, (1 << 255) - 19 - 2, (1 << 255) - 19
arr("mx_base", base.to_bytes(1, "big")); arr("mx_exp", exp.to_bytes(32, "big")); arr("mx_mod", mod.to_bytes(32, "big"))
arr("mx_out", pow(base, exp, mod).to_bytes(32, "big"))
arr("mx_mod_even", bytes([0x01, 0x00, 0x00])); arr("mx_out_even", pow(base, exp, 0x10000).to_bytes(3, "big"))

# ---- secp256k1 ----
key = coincurve.PrivateKey(hashlib.sha256(b"rvx conformance secp256k1 key").digest())
digest = hashlib.sha256(b"a message").digest()
rs_v = key.sign_recoverable(digest, hasher=None)
pub = key.public_key.format(compressed=False)[1:]
assert coincurve.PublicKey.from_signature_and_message(rs_v, digest, hasher=None).format(False)[1:] == pub
arr("k1_msg", digest); arr("k1_sig", rs_v[:64]); arr("k1_pub", pub)
out.append(f"static const uint8_t k1_recid = {rs_v[64]};")
bad = bytearray(digest); bad[0] ^= 1
arr("k1_msg_bad", bytes(bad))
arr("k1_pub_off_curve", pub[:63] + bytes([pub[63] ^ 1]))   # y flipped: not on the curve

# ---- secp256r1 ----
pk = ec.derive_private_key(int.from_bytes(hashlib.sha256(b"rvx conformance p256 key").digest(), "big") % (2**255), ec.SECP256R1())
r1_digest = hashlib.sha256(b"a P-256 message").digest()
N256 = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
k = int.from_bytes(hashlib.sha256(b"rvx conformance p256 nonce").digest(), "big") % N256
d = pk.private_numbers().private_value
r = ec.derive_private_key(k, ec.SECP256R1()).public_key().public_numbers().x % N256
s = pow(k, -1, N256) * (int.from_bytes(r1_digest, "big") + r * d) % N256
der = utils.encode_dss_signature(r, s)
pn = pk.public_key().public_numbers()
pk.public_key().verify(der, r1_digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
arr("r1_msg", r1_digest); arr("r1_sig", r.to_bytes(32, "big") + s.to_bytes(32, "big"))
arr("r1_pub", pn.x.to_bytes(32, "big") + pn.y.to_bytes(32, "big"))
bad = bytearray(r1_digest); bad[31] ^= 0x80
arr("r1_msg_bad", bytes(bad))
arr("r1_pub_off_curve", pn.x.to_bytes(32, "big") + ((pn.y + 1) % (2**256)).to_bytes(32, "big"))

# ---- BN254 (EIP-196/197 encodings: 32-byte big-endian coordinates, Fp2 as imaginary part first) ----
def g1(p): return b"".join(int(c.n).to_bytes(32, "big") for c in p) if p is not None else bytes(64)
def g2(p): return b"".join(c.coeffs[i].to_bytes(32, "big") if hasattr(c.coeffs[i], "to_bytes") else int(c.coeffs[i]).to_bytes(32, "big") for c in p for i in (1, 0))
P = bn128.multiply(bn128.G1, 7); Q = bn128.multiply(bn128.G1, 11)
arr("bn_p", g1(P)); arr("bn_q", g1(Q)); arr("bn_sum", g1(bn128.add(P, Q)))
sc = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000 + 5   # above the group order
arr("bn_scalar", sc.to_bytes(32, "big")); arr("bn_prod", g1(bn128.multiply(P, sc % bn128.curve_order)))
arr("bn_bad_point", (1).to_bytes(32, "big") + (3).to_bytes(32, "big"))   # (1, 3) is not on y^2 = x^3 + 3
G2a = bn128.multiply(bn128.G2, 5)
ok_pairs = g1(bn128.G1) + g2(G2a) + g1(bn128.neg(bn128.multiply(bn128.G1, 5))) + g2(bn128.G2)
assert bn128.pairing(G2a, bn128.G1) * bn128.pairing(bn128.G2, bn128.neg(bn128.multiply(bn128.G1, 5))) == bn128.FQ12.one()
arr("bn_pairs_ok", ok_pairs)
arr("bn_pairs_false", g1(bn128.G1) + g2(G2a) + g1(bn128.G1) + g2(bn128.G2))
assert bn128.pairing(G2a, bn128.G1) * bn128.pairing(bn128.G2, bn128.G1) != bn128.FQ12.one()

# ---- BLS12-381 (unpadded: Fp 48 bytes big-endian, Fp2 c0 ‖ c1, infinity all zeros; py_ecc as the oracle) ----
from py_ecc import optimized_bls12_381 as B
from py_ecc.bls.hash_to_curve import map_to_curve_G1, map_to_curve_G2, clear_cofactor_G1, clear_cofactor_G2
from py_ecc.bls.point_compression import compress_G1
from py_ecc.fields import optimized_bls12_381_FQ as FQ, optimized_bls12_381_FQ2 as FQ2
def fp(x): return int(x).to_bytes(48, "big")
def b1(p):
    if B.is_inf(p): return bytes(96)
    x, y = B.normalize(p); return fp(x.n) + fp(y.n)
def b2(p):
    if B.is_inf(p): return bytes(192)
    x, y = B.normalize(p); return b"".join(fp(c) for c in (x.coeffs[0], x.coeffs[1], y.coeffs[0], y.coeffs[1]))
def sc(k): return k.to_bytes(32, "big")
P1, Q1 = B.multiply(B.G1, 7), B.multiply(B.G1, 11)
P2, Q2 = B.multiply(B.G2, 3), B.multiply(B.G2, 13)
arr("bls_p1", b1(P1)); arr("bls_q1", b1(Q1)); arr("bls_sum1", b1(B.add(P1, Q1)))
arr("bls_p2", b2(P2)); arr("bls_q2", b2(Q2)); arr("bls_sum2", b2(B.add(P2, Q2)))
arr("bls_msm1", b1(P1) + sc(3) + b1(Q1) + sc(5)); arr("bls_msm1_out", b1(B.add(B.multiply(P1, 3), B.multiply(Q1, 5))))
arr("bls_msm2", b2(P2) + sc(3) + b2(Q2) + sc(5)); arr("bls_msm2_out", b2(B.add(B.multiply(P2, 3), B.multiply(Q2, 5))))
arr("bls_bad_g1", fp(1) + fp(1))                   # (1, 1) is not on y^2 = x^3 + 4
assert not B.is_on_curve((FQ(1), FQ(1), FQ(1)), B.b)
arr("bls_pairs_ok", b1(B.multiply(B.G1, 5)) + b2(B.G2) + b1(B.neg(B.G1)) + b2(B.multiply(B.G2, 5)))
assert B.pairing(B.G2, B.multiply(B.G1, 5)) * B.pairing(B.multiply(B.G2, 5), B.neg(B.G1)) == B.FQ12.one()
arr("bls_pairs_false", b1(B.G1) + b2(B.G2) + b1(B.G1) + b2(B.G2))
assert B.pairing(B.G2, B.G1) * B.pairing(B.G2, B.G1) != B.FQ12.one()
u1, u2 = 0x1234567890ABCDEF << 200, (0x0FEDCBA987654321 << 150, 0x1122334455667788 << 300)
arr("bls_fp", fp(u1)); arr("bls_map_g1", b1(clear_cofactor_G1(map_to_curve_G1(FQ(u1)))))
arr("bls_fp2", fp(u2[0]) + fp(u2[1])); arr("bls_map_g2", b2(clear_cofactor_G2(map_to_curve_G2(FQ2(list(u2))))))
arr("bls_fp_too_big", fp(B.field_modulus))        # p itself is not a field element

# ---- KZG point evaluation (EIP-4844 verify_kzg_proof): the constant polynomial f = c commits to [c]G1 and
# has the zero quotient, so the proof is the point at infinity and f(z) = c at every z. The check
# e(C - [y]G1, G2) = e(proof, [tau - z]G2) is evaluated here with py_ecc's pairing. ----
R = B.curve_order
c_const = 0x2A
kzg_c = compress_G1(B.multiply(B.G1, c_const)).to_bytes(48, "big")
kzg_inf = compress_G1(B.Z1).to_bytes(48, "big")
assert kzg_inf == bytes([0xC0]) + bytes(47)
def kzg_holds(c, y): return B.pairing(B.G2, B.add(B.multiply(B.G1, c), B.neg(B.multiply(B.G1, y)))) == B.FQ12.one()
assert kzg_holds(c_const, c_const) and not kzg_holds(c_const, c_const + 1)
arr("kzg_commitment", kzg_c); arr("kzg_proof_inf", kzg_inf)
arr("kzg_z", sc(0x1234)); arr("kzg_y", sc(c_const)); arr("kzg_y_wrong", sc(c_const + 1))
arr("kzg_z_too_big", sc(R))                         # the field modulus itself is not a field element
arr("kzg_not_on_curve", bytes([0x80]) + bytes(46) + bytes([0x01]))   # x = 1: 1 + 4 = 5 is no square mod p
assert pow(5, (B.field_modulus - 1) // 2, B.field_modulus) != 1

# A degree-1 polynomial f(x) = a + b*x over the ceremony's setup: C = [a]G1 + [b][tau]G1, f(z) = a + b*z, and
# the quotient (f(x) - f(z)) / (x - z) = b, so the proof is [b]G1. [tau]G1 and [tau]G2 are the second G1 and
# G2 monomial points of the KZG ceremony's trusted_setup.txt (c-kzg-4844, as shipped in PyPI ckzg 2.1.8's
# sdist); the pairing below confirms they belong together, and the proof is checked with py_ecc's pairing.
from py_ecc.bls.point_compression import decompress_G1, decompress_G2
from py_ecc.optimized_bls12_381 import normalize
TAU_G1 = bytes.fromhex("ad3eb50121139aa34db1d545093ac9374ab7bca2c0f3bf28e27c8dcd8fc7cb42"
                       "d25926fc0c97b336e9f0fb35e5a04c81")
TAU_G2 = bytes.fromhex("b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24"
                       "f3499f72185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc9"
                       "8edada20c1def2")
tau1 = decompress_G1(int.from_bytes(TAU_G1, "big"))
tau2 = decompress_G2((int.from_bytes(TAU_G2[:48], "big"), int.from_bytes(TAU_G2[48:], "big")))
assert B.pairing(B.G2, tau1) == B.pairing(tau2, B.G1)
ka, kb, kz = 0x0BADC0FFEE, 0x5EED << 180, 0x7777 << 200
ky = (ka + kb * kz) % R
lin_c = B.add(B.multiply(B.G1, ka), B.multiply(tau1, kb))
lin_proof = B.multiply(B.G1, kb)
assert B.pairing(B.G2, B.add(lin_c, B.neg(B.multiply(B.G1, ky)))) == \
    B.pairing(B.add(tau2, B.neg(B.multiply(B.G2, kz))), lin_proof)
arr("kzg_lin_commitment", compress_G1(lin_c).to_bytes(48, "big"))
arr("kzg_lin_proof", compress_G1(lin_proof).to_bytes(48, "big"))
arr("kzg_lin_z", sc(kz)); arr("kzg_lin_y", sc(ky)); arr("kzg_lin_y_wrong", sc((ky + 1) % R))

text = "/* Generated by gen_vectors.py: do not edit. */\n#include <stddef.h>\n#include <stdint.h>\n" + "\n".join(out) + "\n"
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors.h")
if "--check" in sys.argv:
    sys.exit(0 if open(path).read() == text else 1)
open(path, "w").write(text)
