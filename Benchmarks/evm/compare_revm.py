#!/usr/bin/env python3
"""rvx's EVM against revm (PyPI `pyrevm`, a peer for measurement only) on the same bytecodes, in one run.

Runs `rvx evm bench DIR --json` (native gas/s, and with --xlen the EVM guest's cycles per gas through EXECUTE)
and each contract through pyrevm with the same gas limit, in `--rounds` alternating rounds (rvx, then revm; each
contract `--repeat` times per round), keeping each EVM's best time per contract. Asserts that both EVMs report
the same gas used and the same output, and prints per contract: rvx Mgas/s, revm Mgas/s, their ratio, guest
cycles/gas; then the geometric mean of the ratios. Exit 1 when the EVMs disagree.

Usage (pyrevm goes into a throwaway venv):
  python3 -m venv /tmp/pyrevm-venv && /tmp/pyrevm-venv/bin/pip install pyrevm
  /tmp/pyrevm-venv/bin/python Benchmarks/evm/compare_revm.py [--rvx .build/release/rvx] [--dir Benchmarks/evm]
      [--xlen 64|32|both|none] [--repeat N] [--rounds R] [--gas-limit N] [--run NAME]
"""
import argparse, json, math, os, subprocess, sys, time

import pyrevm

SENDER = "0x" + "00" * 17 + "0a11ce"   # BenchContract.nativeSender
CONTRACT = "0x" + "00" * 18 + "c0de"   # BenchContract.contract


def load(path):
    lines = [l.strip() for l in open(path).read().split("\n") if l.strip()]
    limit = 30_000_000
    for l in lines[1:]:
        key, value = l.split()
        assert key == "gas-limit", l
        limit = int(value)
    return bytes.fromhex(lines[0]), limit


def run_revm(code, gas_limit, repeat):
    best, result = math.inf, None
    for _ in range(repeat):
        evm = pyrevm.EVM(spec_id="CANCUN", gas_limit=2**40)
        evm.insert_account_info(SENDER, pyrevm.AccountInfo(nonce=0))
        evm.set_balance(SENDER, 1 << 200)
        evm.insert_account_info(CONTRACT, pyrevm.AccountInfo(code=code))
        start = time.perf_counter()
        out = evm.message_call(SENDER, CONTRACT, gas=gas_limit, gas_price=1)
        best = min(best, time.perf_counter() - start)
        r = evm.result
        if not r.is_success:
            sys.exit(f"revm: contract failed: {r.reason}")
        result = (r.gas_used, bytes(out))
    return best, result


def rvx_bench(a, xlen, repeat):
    cmd = [a.rvx, "evm", "bench", a.dir, "--json", "--repeat", str(repeat), "--xlen", xlen]
    if a.gas_limit: cmd += ["--gas-limit", str(a.gas_limit)]
    if a.run: cmd += ["--run", a.run]
    return [json.loads(l) for l in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rvx", default=".build/release/rvx")
    ap.add_argument("--dir", default="Benchmarks/evm")
    ap.add_argument("--xlen", default="both")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--gas-limit", type=int)
    ap.add_argument("--run")
    a = ap.parse_args()
    # The guest's cycles are deterministic: one run. Wall time is taken in alternating rounds (all contracts on
    # rvx, then all on revm), keeping each EVM's best time per contract, so that a change of machine load during
    # the run reaches both sides alike.
    rows = rvx_bench(a, a.xlen, 1) if a.xlen != "none" else None
    best_rvx, best_revm, results = {}, {}, {}
    for _ in range(max(1, a.rounds)):
        for r in rvx_bench(a, "none", a.repeat):
            best_rvx[r["name"]] = min(best_rvx.get(r["name"], math.inf), r["seconds"])
            results[r["name"]] = r
        for name, r in results.items():
            code, limit = load(os.path.join(a.dir, name + ".hex"))
            seconds, outcome = run_revm(code, a.gas_limit or limit, a.repeat)
            best_revm[name] = (min(best_revm.get(name, (math.inf,))[0], seconds), outcome)
    guests = sorted({k for r in (rows or []) for k in r["guestCycles"]}, reverse=True)
    cycles = {r["name"]: r["guestCycles"] for r in (rows or [])}
    head = f"{'contract':<11} {'gas used':>10} {'rvx Mgas/s':>11} {'revm Mgas/s':>12} {'ratio':>6}"
    print(head + "".join(f" {g + ' c/gas':>11}" for g in guests))
    ratios, failed = [], False
    for name, r in results.items():
        seconds, (gas, out) = best_revm[name]
        if gas != r["gasUsed"] or "0x" + out.hex() != r["output"]:
            print(f"MISMATCH {name}: revm gas {gas} output 0x{out.hex()}, rvx gas {r['gasUsed']} output {r['output']}")
            failed = True
            continue
        rvx, revm = gas / best_rvx[name] / 1e6, gas / seconds / 1e6
        ratios.append(rvx / revm)
        line = f"{name:<11} {gas:>10} {rvx:>11.1f} {revm:>12.1f} {rvx / revm:>6.2f}"
        print(line + "".join(f" {cycles[name][g] / gas:>11.2f}" for g in guests))
    if ratios:
        print(f"geometric mean ratio rvx/revm: {math.exp(sum(map(math.log, ratios)) / len(ratios)):.2f}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
