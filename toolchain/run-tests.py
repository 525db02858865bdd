#!/usr/bin/env python3
"""Runs every XCTest of the package (already built: swift build --build-tests) and the CI checks given with
--check NAME=COMMAND, then prints the failures, the skipped tests and, as the very last line,
`N passed, N failed, N skipped` counting every test and check. Exit status 1 if anything failed.

The tests are listed with `swift test list`, split by suite into one shard per core, and each shard runs as one
`swift test --skip-build --filter` process whose per-test lines ("Test Case 'Suite.test' passed/failed/skipped")
are parsed. A listed test that reports no result (its shard crashed) counts as failed."""
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

RESULT = re.compile(r"^Test Case '-?\[?([\w.]+)[ /.](\w+)\]?' (passed|failed|skipped) \(")


def list_tests():
    out = subprocess.run(["swift", "test", "--skip-build", "list"], check=True, capture_output=True, text=True).stdout
    return [l.strip() for l in out.splitlines() if re.match(r"^\w+\.\w+/\w+$", l.strip())]


def run_shard(suites, log_dir, index):
    pattern = "^(" + "|".join(re.escape(s) for s in suites) + ")/"
    log = os.path.join(log_dir, f"shard-{index}.log")
    with open(log, "w") as f:
        code = subprocess.run(["swift", "test", "--skip-build", "--filter", pattern], stdout=f, stderr=subprocess.STDOUT).returncode
    return log, code


def main():
    checks = [a.split("=", 1) for a in sys.argv[1:] if "=" in a]
    tests = list_tests()
    suites = sorted({t.split("/")[0] for t in tests})
    jobs = max(1, min(int(os.environ.get("RVX_TEST_JOBS", os.cpu_count() or 2)), len(suites) or 1))
    shards = [suites[i::jobs] for i in range(jobs)]
    log_dir = tempfile.mkdtemp(prefix="rvx-tests-")
    results, logs = {}, []
    with ThreadPoolExecutor(jobs) as pool:
        for log, code in pool.map(lambda a: run_shard(a[1], log_dir, a[0]), enumerate(s for s in shards if s)):
            logs.append((log, code))
            for line in open(log, errors="replace"):
                m = RESULT.match(line)
                if m:
                    results[m.group(1).split(".")[-1] + "." + m.group(2)] = m.group(3)
            sys.stdout.write(open(log, errors="replace").read())
    status = {}
    for t in tests:
        suite, name = t.split("/")
        status[t] = results.get(suite.split(".")[-1] + "." + name, "failed (no result: its process crashed)")
    for name, command in checks:
        print(f"\n==> check {name}: {command}", flush=True)
        status["check/" + name] = "passed" if subprocess.run(command, shell=True).returncode == 0 else "failed"
    failed = sorted(t for t, s in status.items() if s.startswith("failed"))
    skipped = sorted(t for t, s in status.items() if s == "skipped")
    passed = sum(1 for s in status.values() if s == "passed")
    print(f"\nshard logs: {log_dir}")
    for t in failed:
        print(f"FAILED  {t}: {status[t]}")
    for t in skipped:
        print(f"SKIPPED {t}")
    print(f"{passed} passed, {len(failed)} failed, {len(skipped)} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
