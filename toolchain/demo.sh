#!/usr/bin/env bash
# Runs the bundled default example on a fresh Debian 12 machine with Swift installed: installs the Debian
# packages it needs, builds the guests and rvx, then runs guest/examples/sha256sum and hello-swift (RV64)
# under `rvx run --stats` and checks their output against the checked-in expected.txt.
# (Until the EXECUTE precompile lands, the example is a plain Linux-ABI guest.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }

step "Installing Debian packages (if missing)"
bash toolchain/install-deps.sh

step "Building guests"
bash toolchain/build-guests.sh

step "Building rvx"
swift build --product rvx
rvx="$(swift build --show-bin-path)/rvx"

status=0
for example in sha256sum hello-swift; do
    step "rvx run --stats guest/build/rv64/examples/$example"
    out="$(mktemp)"
    "$rvx" run --stats "guest/build/rv64/examples/$example" | tee "$out"
    if cmp -s "$out" "guest/examples/$example/expected.txt"; then
        echo "OK: output matches guest/examples/$example/expected.txt"
    else
        echo "MISMATCH: output differs from guest/examples/$example/expected.txt" >&2
        status=1
    fi
    rm -f "$out"
done
exit $status
