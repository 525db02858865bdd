#!/usr/bin/env python3
"""Draws docs/witness-vs-gas.svg from the JSON of `rvx evm witness-report --json` (docs/STATE.md §9).

Log-log axes: gas used (x) against bytes (y). Series: MPT witness, binary-tree witness, the MPT container
compressed (docs/FORMAT.md §8), the MPT witness with
dropped references under zlib (docs/STATE.md §9.2) and the batch, one marker shape per block kind; fixture blocks as grey dots.
Python standard library only.

usage: python3 toolchain/witness-chart.py REPORT.json [REPORT.json ...] -o docs/witness-vs-gas.svg
"""
import argparse
import json
import math

W, H, L, R, T, B = 800, 480, 80, 230, 30, 60
SERIES = [("MPT witness", "#c0392b", lambda b: b["mpt"]["witnessBytes"]),
          ("tree witness", "#2471a3", lambda b: b["tree"]["witnessBytes"] if b.get("tree") else None),
          ("MPT container, zlib", "#d68910", lambda b: b["mpt"]["compressedContainerBytes"]),
          ("MPT witness, refs dropped + zlib", "#7d3c98", lambda b: b["mpt"].get("referencesDroppedZlibBytes")),
          ("batch", "#229954", lambda b: b["batchBytes"])]
SHAPES = {"transfer": "circle", "erc20": "square", "worst-case": "triangle"}


def marker(shape, x, y, color):
    if shape == "square":
        return f'<rect x="{x-4:.1f}" y="{y-4:.1f}" width="8" height="8" fill="{color}"/>'
    if shape == "triangle":
        return f'<polygon points="{x:.1f},{y-5:.1f} {x-5:.1f},{y+4:.1f} {x+5:.1f},{y+4:.1f}" fill="{color}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}"/>'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reports", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    blocks, fixtures = [], []
    for path in args.reports:
        with open(path) as f:
            doc = json.load(f)
        blocks += doc["blocks"]
        fixtures += doc.get("fixtures", [])
    points = [(b["gasUsed"], fn(b)) for b in blocks for _, _, fn in SERIES if fn(b)]
    points += [(f["gasUsed"], f["witnessBytes"]) for f in fixtures if f["gasUsed"] > 0]
    x0 = 10 ** math.floor(math.log10(min(p[0] for p in points)))
    x1 = 10 ** math.ceil(math.log10(max(p[0] for p in points)))
    y0 = 10 ** math.floor(math.log10(min(p[1] for p in points)))
    y1 = 10 ** math.ceil(math.log10(max(p[1] for p in points)))

    def sx(v):
        return L + (math.log10(v) - math.log10(x0)) / (math.log10(x1) - math.log10(x0)) * (W - L - R)

    def sy(v):
        return H - B - (math.log10(v) - math.log10(y0)) / (math.log10(y1) - math.log10(y0)) * (H - T - B)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    e = int(math.log10(x0))
    while 10 ** e <= x1:
        x = sx(10 ** e)
        out.append(f'<line x1="{x:.1f}" y1="{T}" x2="{x:.1f}" y2="{H-B}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{H-B+16}" text-anchor="middle">1e{e}</text>')
        e += 1
    e = int(math.log10(y0))
    while 10 ** e <= y1:
        y = sy(10 ** e)
        out.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W-R}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{L-6}" y="{y+4:.1f}" text-anchor="end">1e{e}</text>')
        e += 1
    out.append(f'<text x="{(L+W-R)/2}" y="{H-16}" text-anchor="middle">gas used</text>')
    out.append(f'<text x="18" y="{(T+H-B)/2}" text-anchor="middle" transform="rotate(-90 18 {(T+H-B)/2})">bytes</text>')
    for f in fixtures:
        if f["gasUsed"] > 0:
            out.append(f'<circle cx="{sx(f["gasUsed"]):.1f}" cy="{sy(f["witnessBytes"]):.1f}" r="2" fill="#999"/>')
    for _, color, fn in SERIES:
        for b in blocks:
            v = fn(b)
            if v:
                out.append(marker(SHAPES.get(b["kind"], "circle"), sx(b["gasUsed"]), sy(v), color))
    y = T + 10
    for name, color, _ in SERIES:
        out.append(f'<rect x="{W-R+15}" y="{y-9}" width="10" height="10" fill="{color}"/>'
                   f'<text x="{W-R+30}" y="{y}">{name}</text>')
        y += 18
    if fixtures:
        out.append(f'<circle cx="{W-R+20}" cy="{y-4}" r="2" fill="#999"/><text x="{W-R+30}" y="{y}">fixture MPT witness</text>')
        y += 18
    y += 8
    for kind, shape in SHAPES.items():
        out.append(marker(shape, W - R + 20, y - 4, "#555") + f'<text x="{W-R+30}" y="{y}">{kind}</text>')
        y += 18
    out.append("</svg>")
    with open(args.output, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
