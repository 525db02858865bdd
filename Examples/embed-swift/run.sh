#!/usr/bin/env bash
# Builds Examples/embed-swift (a separate package with a path dependency on the repository) and runs it on the
# SDK's state example (guest/build/rv64/examples/sdk-state, from toolchain/build-guests.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
swift build
printf 'batch' > "$(swift build --show-bin-path)/batch.bin"
for xlen in 64 32; do
    "$(swift build --show-bin-path)/embed-swift" "$root/guest/build/rv$xlen/examples/sdk-state" "$(swift build --show-bin-path)/batch.bin"
done
