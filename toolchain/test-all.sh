#!/usr/bin/env bash
# Runs the whole rvx test suite on a fresh Debian 12 machine with Swift installed:
# installs the Debian packages and the Python test oracles it needs, builds every guest (C, assembly, Embedded Swift; rv32 and rv64),
# builds the package once, runs all XCTest suites and the CI checks (the out-of-tree guest, the C ABI, the
# embedding example), and ends with one line `N passed, N failed, N skipped` counting every test and check
# (toolchain/run-tests.py). The EVM regression guard (Benchmarks/evm/guard.py, guest cycles/gas against
# Benchmarks/evm/baseline.json) runs as one of the checks. Exit status non-zero if anything failed.
#
# Long sweeps stay behind flags (a representative slice runs by default):
#   RVX_FULL_FIXTURES=1     all Ethereum state-test fixtures instead of a slice
#   RVX_DIFF_PROGRAMS=N     random differential programs per XLEN (default 1000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }

step "Installing Debian packages (if missing)"
bash toolchain/install-deps.sh

step "Installing the Python oracles of the vector generators (if missing; PyPI)"
python3 -c "import py_ecc, coincurve, cryptography, Crypto, ethereum" 2>/dev/null \
    || python3 -m pip install -q --disable-pip-version-check py_ecc coincurve cryptography pycryptodome \
        ethereum-execution \
    || echo "test-all.sh: pip install failed; the vector staleness checks will be skipped" >&2

step "Building guests"
bash toolchain/build-guests.sh

step "Building rvx, its libraries and its tests"
swift build --build-tests
swift build --product rvx
swift build --product rvx_execute
swift build --product rvx_accel

step "Running the test suite and the CI checks"
export RVX_REQUIRE_GUESTS=1
exec python3 toolchain/run-tests.py \
    "out-of-tree=bash toolchain/test-out-of-tree.sh .build/debug/rvx" \
    "c-abi=bash Examples/c-abi/run.sh" \
    "embed-swift=bash Examples/embed-swift/run.sh" \
    "evm-guard=python3 Benchmarks/evm/guard.py --rvx .build/debug/rvx"
