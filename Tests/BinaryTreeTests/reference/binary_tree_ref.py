#!/usr/bin/env python3
"""TEST ORACLE for Tests/BinaryTreeTests (not used at run time; the hex roots it prints are pasted into
BinaryTreeRootTests.swift). An independent, literal transcription of EIP-7864's tree insertion and
merkelization pseudocode, with hashlib.sha256 in place of BLAKE3. Run: python3 binary_tree_ref.py"""
import hashlib

def H(data):
    if data is None or data == b"\x00" * 64:
        return b"\x00" * 32
    assert len(data) in (32, 64)
    return hashlib.sha256(data).digest()

class Stem:
    def __init__(self, stem): self.stem, self.values = stem, [None] * 256

class Internal:
    def __init__(self): self.left = self.right = None

def bits(b): return [(byte >> (7 - i)) & 1 for byte in b for i in range(8)]

def insert(node, stem, sub, value, depth):
    if node is None:
        n = Stem(stem); n.values[sub] = value; return n
    if isinstance(node, Stem):
        if node.stem == stem:
            node.values[sub] = value; return node
        return split(node, stem, sub, value, depth)
    if bits(stem)[depth] == 0: node.left = insert(node.left, stem, sub, value, depth + 1)
    else: node.right = insert(node.right, stem, sub, value, depth + 1)
    return node

def split(leaf, stem, sub, value, depth):
    n = Internal()
    b, eb = bits(stem)[depth], bits(leaf.stem)[depth]
    if b == eb:
        child = split(leaf, stem, sub, value, depth + 1)
        if b == 0: n.left = child
        else: n.right = child
    else:
        new = Stem(stem); new.values[sub] = value
        n.left, n.right = (new, leaf) if b == 0 else (leaf, new)
    return n

def merkelize(node):
    if node is None: return b"\x00" * 32
    if isinstance(node, Internal): return H(merkelize(node.left) + merkelize(node.right))
    level = [H(v) for v in node.values]
    while len(level) > 1: level = [H(level[i] + level[i + 1]) for i in range(0, len(level), 2)]
    return H(node.stem + b"\x00" + level[0])

def root(entries):
    """entries: dict key(32 bytes) -> value(32 bytes); deletion = leaving the key out (tree rebuilt)."""
    r = None
    for k, v in entries.items(): r = insert(r, k[:31], k[31], v, 0)
    return merkelize(r).hex()

k = lambda stem, sub: stem + bytes([sub])
v1, v2, v3 = b"\xaa" * 32, b"\xbb" * 32, b"\x00" * 32
S1, S2, S3 = b"\x55" * 31, b"\x55" * 30 + b"\x54", b"\x55" * 15 + b"\xd5" + b"\x55" * 15
cases = {
    "empty": {},
    "oneKey": {k(b"\x01" * 31, 3): v1},
    "firstBitDiffers": {k(b"\x00" * 31, 0): v1, k(b"\x80" + b"\x00" * 30, 255): v2},
    "sameStem": {k(b"\x11" * 31, 0): v1, k(b"\x11" * 31, 255): v2, k(b"\x11" * 31, 128): v3},
    "threeStemsSharedPrefix": {k(S1, 1): v1, k(S2, 2): v2, k(S3, 3): v3},
    "threeStemsAfterRemovingS2": {k(S1, 1): v1, k(S3, 3): v3},
    "twoStemsS1S2": {k(S1, 1): v1, k(S2, 2): v2},
}
for name, entries in cases.items(): print(name, root(entries))
