#!/usr/bin/env python3
"""Regression guard for EVM speed in counts that do not depend on machine load.

Guest: runs `rvx evm bench DIR --json --xlen both --gas-limit 1000000 --repeat 1` (CI-sized: about 1 Mgas per
contract) and compares every contract's EVM-guest cycles per gas (deterministic: fixed ELF, fixed input) with
Benchmarks/evm/baseline.json.

Native: with a release rvx (`--native-rvx`, or `--rvx` when it is a release build) and valgrind on PATH, counts
the instructions each contract's native run executes (callgrind, collection toggled on inside
`BenchContract.measureNative`, so process start-up is excluded) per gas. Counts depend on the compiler, so
the baseline records them for the release build of the committed toolchain; without a release rvx or
valgrind the native check is skipped with the reason printed.

Fails (exit 1) when any value moves by more than the tolerance (default 3 %) either way: a slowdown is a
regression, a speed-up means the baseline must be re-recorded (`--update`) in the same commit. Wall time is
printed by neither check and never asserted.

Usage: python3 Benchmarks/evm/guard.py [--rvx .build/release/rvx] [--native-rvx R] [--tolerance 0.03] [--update]
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BASELINE = os.path.join(HERE, "baseline.json")


def bench(rvx, gas_limit, *extra):
    cmd = [rvx, "evm", "bench", HERE, "--json", "--repeat", "1", "--gas-limit", str(gas_limit), *extra]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def guest_cycles_per_gas(rvx, gas_limit):
    rows = bench(rvx, gas_limit, "--xlen", "both")
    return {r["name"]: {g: round(c / r["gasUsed"], 4) for g, c in sorted(r["guestCycles"].items())} for r in rows}


def native_instructions_per_gas(rvx, gas_limit, names):
    """Callgrind instruction counts per gas; valgrind 3.19 cannot read Swift 6's DWARF 5, so a copy without
    debug info is measured (the symbol table, which --toggle-collect needs, stays)."""
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, "rvx")
        subprocess.run(["strip", "--strip-debug", "-o", binary, rvx], check=True)
        result = {}
        for name in names:
            cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--toggle-collect=*measureNative*",
                   binary, "evm", "bench", HERE, "--json", "--repeat", "1", "--gas-limit", str(gas_limit), "--run", name]
            p = subprocess.run(cmd, check=True, capture_output=True, text=True)
            rows = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
            row = next(r for r in rows if r["name"] == name)
            m = re.search(r"Collected : (\d+)", p.stderr)
            if not m or int(m.group(1)) == 0:
                sys.exit(f"callgrind collected nothing for {name}: is BenchContract.measureNative still a symbol?")
            result[name] = {"native": round(int(m.group(1)) / row["gasUsed"], 4)}
    return result


def native_skip_reason(native_rvx):
    if native_rvx is None:
        return "no release rvx given (--native-rvx .build/release/rvx); instruction counts are baselined for release builds"
    if not os.path.exists(native_rvx):
        return f"{native_rvx} does not exist"
    for tool in ("valgrind", "strip"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return None


def compare(kind, base, now, tolerance):
    failed = False
    for name, per in sorted(base.items()):
        for key, want in per.items():
            got = now.get(name, {}).get(key)
            if got is None:
                print(f"FAIL {name} {key}: not measured"); failed = True; continue
            change = got / want - 1
            status = "ok" if abs(change) <= tolerance else "FAIL"
            failed |= status == "FAIL"
            print(f"{status:4} {name:<11} {key:<6} {got:10.2f} {kind} (baseline {want:.2f}, {change:+.1%})")
    return failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rvx", default=".build/release/rvx")
    ap.add_argument("--native-rvx", default=None)
    ap.add_argument("--tolerance", type=float, default=0.03)
    ap.add_argument("--gas-limit", type=int, default=1_000_000)
    ap.add_argument("--update", action="store_true")
    a = ap.parse_args()
    native_rvx = a.native_rvx or (a.rvx if "/release/" in a.rvx else None)
    guest = guest_cycles_per_gas(a.rvx, a.gas_limit)
    reason = native_skip_reason(native_rvx)
    native = None if reason else native_instructions_per_gas(native_rvx, a.gas_limit, sorted(guest))
    if a.update:
        if native is None:
            sys.exit(f"--update needs the native counts too: {reason}")
        record = {"gasLimit": a.gas_limit, "cyclesPerGas": guest, "nativeInstructionsPerGas": native}
        with open(BASELINE, "w") as f:
            json.dump(record, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"wrote {BASELINE}")
        return
    base = json.load(open(BASELINE))
    if base["gasLimit"] != a.gas_limit:
        sys.exit(f"baseline was recorded at gas limit {base['gasLimit']}, not {a.gas_limit}")
    failed = compare("cycles/gas", base["cyclesPerGas"], guest, a.tolerance)
    if native is None:
        print(f"SKIP native instructions/gas: {reason}")
    else:
        failed |= compare("instructions/gas", base["nativeInstructionsPerGas"], native, a.tolerance)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
