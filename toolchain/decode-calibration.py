#!/usr/bin/env python3
"""Calibrates the decode charge of compressed containers (docs/FORMAT.md §8, docs/STATE.md §9.2): host
nanoseconds of zlib decoding per byte (Python's zlib, the same libz as rvx) beside host nanoseconds per guest
cycle of the interpreter (`rvx execute` on the plain container), measured in one run, and the cycles per
byte decoding really costs against the charged 8 per compressed + 2 per decoded byte.

usage: python3 toolchain/decode-calibration.py RVX PLAIN.bin COMPRESSED.bin -- EXECUTE-ARGS...
  (EXECUTE-ARGS: the `rvx execute` options genblock prints, without --input)
"""
import json
import struct
import subprocess
import sys
import time
import zlib


def compressed_sections(c):
    n = struct.unpack_from("<I", c, 12)[0]
    for i in range(n):
        kind, flags, off, length = struct.unpack_from("<IIQQ", c, 24 + 24 * i)
        if flags == 1:
            yield c[off + 8:off + length]


def main():
    rvx, plain, packed = sys.argv[1:4]
    args = sys.argv[sys.argv.index("--") + 1:]
    streams = list(compressed_sections(open(packed, "rb").read()))
    comp = sum(8 + len(s) for s in streams)
    dec = sum(len(zlib.decompress(s)) for s in streams)
    best_dec = best_run = None
    for _ in range(5):
        reps = max(1, int(5e7 // dec))
        t = time.perf_counter()
        for _ in range(reps):
            for s in streams:
                zlib.decompress(s)
        d = (time.perf_counter() - t) / reps
        best_dec = d if best_dec is None else min(best_dec, d)
        t = time.perf_counter()
        out = subprocess.run([rvx, "execute", "--input", plain, "--json"] + args, capture_output=True, text=True)
        r = time.perf_counter() - t
        cycles = json.loads(out.stdout.splitlines()[0])["cycles"]
        best_run = r if best_run is None else min(best_run, r)
    ns_cycle = best_run * 1e9 / cycles
    real = best_dec * 1e9 / ns_cycle
    charged = 8 * comp + 2 * dec
    print(f"compressed {comp} B, decoded {dec} B: zlib {best_dec * 1e9 / dec:.2f} ns/decoded B, "
          f"{best_dec * 1e9 / comp:.2f} ns/compressed B")
    print(f"interpreter: {cycles} cycles in {best_run:.3f} s = {ns_cycle:.2f} ns/cycle (startup included)")
    print(f"decoding costs {real:.0f} cycle-equivalents ({real / dec:.2f} per decoded B); charged {charged} "
          f"({charged / real:.1f}x the real cost)")


if __name__ == "__main__":
    main()
