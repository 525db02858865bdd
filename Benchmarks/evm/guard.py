#!/usr/bin/env python3
"""Regression guard for EVM speed, in guest cycles (deterministic, independent of machine load).

Runs `rvx evm bench DIR --json --xlen both --gas-limit 1000000 --repeat 1` (CI-sized: about 1 Mgas per
contract) and compares every contract's guest cycles per gas with Benchmarks/evm/baseline.json. Fails (exit 1)
when any moves by more than the tolerance (default 3 %) either way: a slowdown is a regression, a speed-up
means the baseline must be re-recorded (`--update`) in the same commit. Wall time is printed, never checked.

Usage: python3 Benchmarks/evm/guard.py [--rvx .build/release/rvx] [--tolerance 0.03] [--update]
"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASELINE = os.path.join(HERE, "baseline.json")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rvx", default=".build/release/rvx")
    ap.add_argument("--tolerance", type=float, default=0.03)
    ap.add_argument("--gas-limit", type=int, default=1_000_000)
    ap.add_argument("--update", action="store_true")
    a = ap.parse_args()
    cmd = [a.rvx, "evm", "bench", HERE, "--json", "--xlen", "both", "--repeat", "1", "--gas-limit", str(a.gas_limit)]
    rows = [json.loads(l) for l in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()]
    now = {r["name"]: {g: round(c / r["gasUsed"], 4) for g, c in sorted(r["guestCycles"].items())} for r in rows}
    if a.update:
        json.dump({"gasLimit": a.gas_limit, "cyclesPerGas": now}, open(BASELINE, "w"), indent=2, sort_keys=True)
        print(f"wrote {BASELINE}")
        return
    base = json.load(open(BASELINE))
    if base["gasLimit"] != a.gas_limit:
        sys.exit(f"baseline was recorded at gas limit {base['gasLimit']}, not {a.gas_limit}")
    failed = False
    for name, per in sorted(base["cyclesPerGas"].items()):
        for g, want in per.items():
            got = now.get(name, {}).get(g)
            if got is None:
                print(f"FAIL {name} {g}: not measured"); failed = True; continue
            change = got / want - 1
            status = "ok" if abs(change) <= a.tolerance else "FAIL"
            failed |= status == "FAIL"
            print(f"{status:4} {name:<11} {g}: {got:8.2f} cycles/gas (baseline {want:.2f}, {change:+.1%})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
