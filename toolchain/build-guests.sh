#!/bin/sh
# Builds every rvx guest program (examples, assembly tests, benchmarks) for RV32 and RV64 into
# guest/build/{rv32,rv64}/ (incremental; see toolchain/Makefile). Installs missing Debian
# packages first (toolchain/install-deps.sh). Extra arguments are passed to make (e.g. `clean`, `rv64`).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
"$here/install-deps.sh"
jobs=$(nproc 2>/dev/null || echo 2)
exec make --no-print-directory -s -C "$here" -j"$jobs" "$@"
