#!/usr/bin/env python3
"""Oracle for ModExpGuestTests: MODEXP (EIP-198) over 1100-byte base and modulus, computed with Python's pow().

Operands (the same formulas as the test): base[i] = (7*i + 3) mod 256, modulus[i] = (13*i + 0x91) mod 256
with the last byte forced odd, exponent = 0x010001. Prints the result's first and last 32-byte words and the
keccak256 of the whole 1100-byte result (pycryptodome), which the test compares with the contract's storage.
"""
from Crypto.Hash import keccak

N = 1100
base = bytes((7 * i + 3) % 256 for i in range(N))
mod = bytearray((13 * i + 0x91) % 256 for i in range(N))
mod[-1] |= 1
exp = bytes([0x01, 0x00, 0x01])
r = pow(int.from_bytes(base, "big"), int.from_bytes(exp, "big"), int.from_bytes(mod, "big"))
out = r.to_bytes(N, "big")
print("first", out[:32].hex())
print("last ", out[-32:].hex())
print("keccak", keccak.new(digest_bits=256, data=out).hexdigest())
