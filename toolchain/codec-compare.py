#!/usr/bin/env python3
"""Compares general-purpose codecs on EXECUTE containers (docs/STATE.md §9.2): for each container written by
`rvx evm witness-report --containers DIR`, the size of the container with every variable-length section
(docs/FORMAT.md §3) stored as `decoded_length (u64 LE) ‖ stream` under zlib level 9 (Python's zlib) and
zstd levels 3 and 19 and 19 --long (the `zstd` CLI), a section kept plain where the stream does not shrink it.

usage: python3 toolchain/codec-compare.py DIR/*.bin
"""
import struct
import subprocess
import sys
import zlib

FIXED = {3: 32, 4: 32}  # PRE_STATE_ROOT, L1_ANCHOR
CODECS = [("zlib 9", lambda b: zlib.compress(b, 9)),
          ("zstd 3", lambda b: zstd(b, ["-3"])),
          ("zstd 19", lambda b: zstd(b, ["-19"])),
          ("zstd 19 long", lambda b: zstd(b, ["-19", "--long=27"]))]


def zstd(data, args):
    return subprocess.run(["zstd", "-q", "-c", "--no-check"] + args, input=data, capture_output=True, check=True).stdout


def sections(c):
    magic, version, n, total = struct.unpack_from("<8sIIQ", c, 0)
    assert magic == b"RVXEXEC\0" and total == len(c)
    for i in range(n):
        kind, flags, off, length = struct.unpack_from("<IIQQ", c, 24 + 24 * i)
        assert flags == 0
        yield kind, c[off:off + length]


def size(bodies):
    at = 24 + 24 * len(bodies)
    for b in bodies:
        at = (at + 7) // 8 * 8 + len(b)
    return (at + 7) // 8 * 8


def main():
    print("| container | plain B | " + " | ".join(f"{name} B" for name, _ in CODECS) + " |")
    print("|---|---:|" + "---:|" * len(CODECS))
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            c = f.read()
        secs = list(sections(c))
        row = [path.rsplit("/", 1)[-1].removesuffix(".bin"), str(len(c))]
        for _, codec in CODECS:
            bodies = []
            for kind, body in secs:
                packed = 8 + len(codec(body)) if kind not in FIXED and body else None
                bodies.append(b"\0" * packed if packed is not None and packed < len(body) else body)
            row.append(str(size(bodies)))
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
