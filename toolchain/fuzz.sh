#!/bin/bash
# toolchain/fuzz.sh [--time SECONDS] [--no-build] [HARNESS...]
#
# Builds rvx-fuzz with libFuzzer + AddressSanitizer (release, its own scratch path .fuzz/build, so the normal
# .build is untouched) and runs each harness (default: all) for SECONDS (default 300), one after the other, on a
# corpus in .fuzz/corpus/<harness> (outside git) seeded from Tests/Fixtures/FuzzSeeds/<harness>, the committed
# crashers and, for the ELF harnesses, the built guest programs (stripped). Prints executions, exec/s and corpus
# size per harness (also appended to .fuzz/results.txt). Crashers (crash-/timeout-/oom-/leak- artifacts) are
# copied to Tests/Fixtures/FuzzCrashers/<harness>/, where Tests/HostileTests replays them.
#
# Harnesses: elf container witness rlp interpreter translated execute-container execute-elf (docs/HOSTILE.md).
# Environment: RVX_FUZZ_DIR (default .fuzz), RVX_FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
time=300
build=1
harnesses=()
while [ $# -gt 0 ]; do
    case "$1" in
        --time) time=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n 2,12p "$0"; exit 0 ;;
        *) harnesses+=("$1"); shift ;;
    esac
done
all=(elf container witness rlp interpreter translated execute-container execute-elf)
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")
for h in "${harnesses[@]}"; do
    case " ${all[*]} " in *" $h "*) ;; *) echo "fuzz.sh: unknown harness $h (one of: ${all[*]})" >&2; exit 2 ;; esac
done

fuzz=${RVX_FUZZ_DIR:-$root/.fuzz}
mkdir -p "$fuzz"
if [ $build = 1 ]; then
    bash toolchain/build-guests.sh
    # -parse-as-library + -DFUZZING: Fuzz/rvx-fuzz/ReplayTool.swift (@main) is compiled out; libFuzzer provides main().
    swift build -c release --product rvx-fuzz --scratch-path "$fuzz/build" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
fi
bin="$fuzz/build/release/rvx-fuzz"
[ -x "$bin" ] || { echo "fuzz.sh: $bin not built" >&2; exit 1; }
export RVX_FUZZ_ELF="$root/guest/build/rv64/examples/sdk-state"
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:${ASAN_OPTIONS:-}"

printf '%-18s %12s %10s %8s %9s %s\n' harness executions exec/s corpus crashers seconds
for h in "${harnesses[@]}"; do
    corpus="$fuzz/corpus/$h"; art="$fuzz/artifacts/$h"; seeds="$fuzz/seeds/$h"
    mkdir -p "$corpus" "$art" "$seeds"
    [ -d "Tests/Fixtures/FuzzSeeds/$h" ] && cp -n Tests/Fixtures/FuzzSeeds/"$h"/* "$seeds"/ 2>/dev/null || true
    [ -d "Tests/Fixtures/FuzzCrashers/$h" ] && cp -n Tests/Fixtures/FuzzCrashers/"$h"/* "$seeds"/ 2>/dev/null || true
    # The translated harness reads the interpreter's input layout: it starts from the interpreter's seeds.
    [ "$h" = translated ] && cp -n Tests/Fixtures/FuzzSeeds/interpreter/* "$seeds"/ 2>/dev/null || true
    if [ "$h" = elf ] || [ "$h" = execute-elf ]; then
        for x in rv32 rv64; do
            for f in guest/build/$x/hostile/* guest/build/$x/examples/* guest/build/$x/tests/*; do
                case "$f" in *.o) continue ;; esac
                out="$seeds/$x-$(basename "$(dirname "$f")")-$(basename "$f")"
                [ -f "$out" ] || riscv64-unknown-elf-strip -o "$out" "$f" 2>/dev/null || true
            done
        done
    fi
    log="$fuzz/$h.log"
    start=$(date +%s)
    set +e
    RVX_FUZZ_HARNESS=$h "$bin" -max_total_time="$time" -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
        -artifact_prefix="$art/" ${RVX_FUZZ_FLAGS:-} "$corpus" "$seeds" > "$log" 2>&1
    rc=$?
    set -e
    secs=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || echo 0)
    rate=$(( ${execs:-0} / (secs > 0 ? secs : 1) ))
    size=$(find "$corpus" -type f | wc -l)
    crashes=0
    for a in "$art"/crash-* "$art"/timeout-* "$art"/oom-* "$art"/leak-*; do
        [ -f "$a" ] || continue
        mkdir -p "Tests/Fixtures/FuzzCrashers/$h"
        cp -n "$a" "Tests/Fixtures/FuzzCrashers/$h/"
        crashes=$((crashes + 1))
    done
    printf '%-18s %12s %10s %8s %9s %s\n' "$h" "${execs:-0}" "$rate" "$size" "$crashes" "$secs"
    echo "$(date -u +%FT%TZ) $h executions=${execs:-0} exec/s=$rate corpus=$size crashers=$crashes seconds=$secs rc=$rc" >> "$fuzz/results.txt"
    if [ $rc -ne 0 ]; then echo "  $h stopped with status $rc: see $log" >&2; grep -m3 -E 'INVARIANT|ERROR|Fatal|panic' "$log" >&2 || true; fi
done
