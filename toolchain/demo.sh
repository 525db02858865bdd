#!/usr/bin/env bash
# The README's main-job demo on a fresh Debian 12 machine with Swift installed.
#
# Installs the Debian packages it needs, builds the guests and a release rvx, then runs rvx's main job on the
# bundled default example: the example token rollup (guest/examples/token-rollup, a C STF built for RV64IM
# and RV32IM). `rvx rollup demo` creates a genesis state, lets the sequencer build a batch of 1000 signed
# transfers plus deposits and withdrawals, lets the prover record the minimal binary-tree witness, and then
# calls EXECUTE(pre_state_root, post_state_root, stf_elf, batch, witness) twice: once with the true post-state
# root (verdict must be true) and once with a wrong root (verdict must be false, "root mismatch").
# Finally it runs a plain Linux-ABI guest with `rvx run --stats` and checks its output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }

step "Installing Debian packages (if missing)"
bash toolchain/install-deps.sh

step "Building guests (rv32, rv64)"
bash toolchain/build-guests.sh

step "Building rvx (release)"
swift build -c release --product rvx
rvx="$(swift build -c release --show-bin-path)/rvx"

for xlen in 64 32; do
    step "rvx rollup demo --xlen $xlen   (EXECUTE on the example token rollup)"
    "$rvx" rollup demo --xlen "$xlen"
done

step "rvx run --stats guest/build/rv64/examples/sha256sum   (a plain Linux-ABI C guest)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$rvx" run --stats guest/build/rv64/examples/sha256sum | tee "$out"
cmp -s "$out" guest/examples/sha256sum/expected.txt \
    || { echo "demo: sha256sum output differs from guest/examples/sha256sum/expected.txt" >&2; exit 1; }
echo "demo: all checks passed"
