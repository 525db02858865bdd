#!/usr/bin/env bash
# Compiles the modules that must stay inside the Embedded Swift subset (they are also built for the
# RISC-V EVM guest) with the Embedded Swift compiler, for riscv64 and riscv32, in dependency order.
# A module whose only source is Placeholder.swift is skipped. Compiler errors fail the check, and so do
# Embedded-restriction warnings (e.g. untyped throws), which the compiler only warns about.
#
# Usage: toolchain/check-embedded.sh            (from anywhere; the repository is found from this script)
#        toolchain/check-embedded.sh --self-test  checks that the check is real: a snippet using an
#                                                 existential must be rejected (exit 0 if it is)
# Env:   SWIFTC (default: swiftc on PATH, else /opt/swift/usr/bin/swiftc)
# Exit:  0 when every module compiles for every target; otherwise 1, with the compiler's output.
set -u -o pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${SWIFTC:-}" ]]; then
    if command -v swiftc >/dev/null 2>&1; then SWIFTC="$(command -v swiftc)"; else SWIFTC=/opt/swift/usr/bin/swiftc; fi
fi
MODULES=(EVMPrimitives MerklePatriciaTrie EVMPrecompiles EVM EthereumBlock BlockInput StatelessEVM StatelessBlock OPStackEVM)
TARGETS=(riscv64-none-none-eabi riscv32-none-none-eabi)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/check-embedded.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

FLAGS=(-enable-experimental-feature Embedded -wmo -parse-as-library -Osize -swift-version 5)

if [[ "${1:-}" == "--self-test" ]]; then
    printf 'public func f() -> Bool { let x: any Equatable = 1; return x is Int }\n' > "$WORK/Bad.swift"
    if log="$("$SWIFTC" -target riscv64-none-none-eabi "${FLAGS[@]}" -module-name Bad \
        -emit-module -emit-module-path "$WORK/Bad.swiftmodule" -emit-object -o "$WORK/Bad.o" "$WORK/Bad.swift" 2>&1)"; then
        echo "FAIL  self-test: an existential compiled under Embedded Swift"
        exit 1
    fi
    echo "ok    self-test: the Embedded compiler rejects an existential:"
    grep -m1 'error:' <<<"$log"
    exit 0
fi

status=0
for target in "${TARGETS[@]}"; do
    out="$WORK/$target"
    mkdir -p "$out"
    for module in "${MODULES[@]}"; do
        sources=()
        while IFS= read -r -d '' f; do sources+=("$f"); done < <(
            find "$ROOT/Sources/$module" -name '*.swift' ! -name 'Placeholder.swift' -print0 | sort -z)
        if [[ ${#sources[@]} -eq 0 ]]; then
            echo "skip  $module ($target): placeholder only"
            continue
        fi
        if log="$("$SWIFTC" -target "$target" "${FLAGS[@]}" -module-name "$module" -I "$out" \
            -emit-module -emit-module-path "$out/$module.swiftmodule" \
            -emit-object -o "$out/$module.o" "${sources[@]}" 2>&1)" \
            && ! grep -q 'EmbeddedRestrictions' <<<"$log"; then
            echo "ok    $module ($target)"
            [[ -n "$log" ]] && echo "$log"
        else
            echo "FAIL  $module ($target): not in the Embedded Swift subset"
            echo "$log"
            status=1
        fi
    done
done
exit $status
