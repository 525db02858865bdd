#!/usr/bin/env bash
# Builds librvx_execute.so, compiles Examples/c-abi/test_execute.c against include/rvx_execute.h with gcc,
# and runs it on a proved token-rollup batch (docs/EMBEDDING.md). Needs the guests (toolchain/build-guests.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
swift build --product rvx_execute
swift build --product rvx
bin="$(swift build --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/rvx" rollup build --out "$work" --transfers 20 > /dev/null
gcc -std=c11 -O1 -Wall -Wextra -Werror -Iinclude Examples/c-abi/test_execute.c -L"$bin" -lrvx_execute \
    -Wl,-rpath,"$bin" -lpthread -o "$work/test_execute"
"$work/test_execute" "$work/stf.elf" "$work/container.bin" "$(cat "$work/pre-root.txt")" "$(cat "$work/post-root.txt")"
