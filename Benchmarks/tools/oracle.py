#!/usr/bin/env python3
"""Independent Python models of the benchmark guests (Benchmarks/guests/*.c); prints the expected
output of each, written to Benchmarks/guests/expected/<name>.txt. Slow (minutes): run by hand only."""
import hashlib, sys

M64 = (1 << 64) - 1

def xorshift(s):
    s ^= (s << 13) & M64; s ^= s >> 7; s ^= (s << 17) & M64
    return s

def keccak(passes=4):
    n = 1 << 20; s = 0x6b656363616b2121; buf = bytearray(n)
    for i in range(0, n, 8):
        s = xorshift(s); buf[i:i + 8] = s.to_bytes(8, 'little')
    d = b''
    for p in range(passes):
        if p:
            for i in range(32): buf[i] ^= d[i]
        d = hashlib.sha3_256(buf).digest()
    return f"sha3-256 {d.hex()}\n"

def montmul(steps=1000000):
    p = 2**256 - 2**32 - 977; R = 2**256; s = 0x6d6f6e746d756c21; x = y = 0
    xs, ys = [], []
    for i in range(8):
        s = xorshift(s); xs.append(s & 0xffffffff); s = xorshift(s); ys.append(s & 0xffffffff)
    xs[7] &= 0x7fffffff; ys[7] &= 0x7fffffff
    x = sum(v << (32 * i) for i, v in enumerate(xs)); y = sum(v << (32 * i) for i, v in enumerate(ys))
    # x_{k} = x_0 * (y R^-1)^k mod p
    x = x * pow(y * pow(R, -1, p) % p, steps, p) % p
    return f"montmul {x:064x}\n"

def sortsieve(limit=10000000, count=1000000):
    sieve = bytearray([1]) * limit; sieve[0] = sieve[1] = 0
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]: sieve[i * i::i] = bytearray(len(range(i * i, limit, i)))
    primes = sieve.count(1)
    last = next(i for i in range(limit - 1, 1, -1) if sieve[i])
    s = 0x736f7274736f7274; a = []
    for _ in range(count):
        s = xorshift(s); a.append(s & 0xffffffff)
    a.sort()
    h = sum(v * (i + 1) for i, v in enumerate(a)) & M64
    return f"primes {primes} last {last} sorted-checksum {h:016x}\n"

def memops(rounds=120):
    n = 4 << 20; mib = 1 << 20
    buf = bytearray((i ^ (i >> 9)) & 0xff for i in range(n))
    for r in range(rounds):
        k = r % 64
        buf[k * 4096:k * 4096 + 256 * 1024] = bytes([r & 0xff]) * (256 * 1024)
        src = (k * 7919) % mib
        buf[2 * mib + k:2 * mib + k + mib] = bytes(buf[src:src + mib])
        buf[k + 17:k + 17 + mib + 3] = bytes(buf[k + 1:k + 1 + mib + 3])
        buf[3 * mib + 2:3 * mib + 2 + 64 * 1024 + 5] = bytes(buf[3 * mib + 9:3 * mib + 9 + 64 * 1024 + 5])
    h = 0xcbf29ce484222325
    for b in buf: h = ((h ^ b) * 0x100000001b3) & M64
    return f"memops fnv1a {h:016x}\n"

def fib(n=35):
    a, b = 0, 1
    for _ in range(n): a, b = b, a + b
    return f"fib({n}) = {a}\n"

if __name__ == "__main__":
    import os
    out = os.path.join(os.path.dirname(__file__), "..", "guests", "expected")
    os.makedirs(out, exist_ok=True)
    for name in (sys.argv[1:] or ["keccak", "montmul", "sortsieve", "memops", "fib"]):
        text = globals()[name]()
        open(os.path.join(out, name + ".txt"), "w").write(text)
        print(name, text, end="")
