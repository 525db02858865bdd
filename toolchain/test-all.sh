#!/usr/bin/env bash
# Runs the whole rvx test suite on a fresh Debian 12 machine with Swift installed:
# installs the Debian packages it needs, builds every guest (C, assembly, Embedded Swift; rv32 and rv64),
# builds the package once, and runs all XCTest suites.
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

step "Building guests"
bash toolchain/build-guests.sh

step "Building rvx and its tests"
swift build --build-tests

step "Running the test suite"
export RVX_REQUIRE_GUESTS=1
swift test --skip-build --parallel
