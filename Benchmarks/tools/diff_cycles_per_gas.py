#!/usr/bin/env python3
"""Median guest cycles per gas from `rvx evm diff --json` output (docs/EVMGUEST.md §10 "Curve accelerators").

Usage: diff_cycles_per_gas.py FILE.jsonl [NAME_SUBSTRING]
Over the passed cases with gas used > 0 whose name contains NAME_SUBSTRING, prints per guest (rv64, rv32) the
case count, the median of cycles/gas and Σcycles / Σgas.
"""
import json
import statistics
import sys

path, sub = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
rows = [json.loads(line) for line in open(path)]
rows = [r for r in rows if r.get("status") == "pass" and r.get("gasUsed", 0) > 0 and sub in r["name"]]
for x in ("rv64", "rv32"):
    ratios = [r["cycles"][x] / r["gasUsed"] for r in rows]
    total = sum(r["cycles"][x] for r in rows) / sum(r["gasUsed"] for r in rows)
    print(f"{x}: {len(rows)} cases, median {statistics.median(ratios):.1f} cycles/gas, sum {total:.1f}")
