#!/usr/bin/env bash
# The out-of-tree guest path end to end (docs/TOOLCHAIN.md "Out of tree", docs/EXECUTE.md §5): copies
# Examples/kv-ledger and Examples/standard-ledger (written only against the eth-act standard headers) to a
# temporary folder outside the checkout, builds them there with toolchain/rvx-cc for RV64 and RV32, proves
# three chained batches with `rvx prove` (kv-ledger: runtime- and guest-managed; standard-ledger: standard-IO),
# verifies each with `rvx execute` (true), and checks that a tampered batch, witness or root gives false with
# the right reason.
# usage: toolchain/test-out-of-tree.sh [RVX]   (default .build/debug/rvx; guests from toolchain/build-guests.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rvx="$(cd "$(dirname "${1:-$root/.build/debug/rvx}")" && pwd)/$(basename "${1:-rvx}")"
[ -x "$rvx" ] || { echo "test-out-of-tree: $rvx not built" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/Examples/kv-ledger/ledger.c" "$work/"
cp "$root/Examples/standard-ledger/ledger.c" "$work/std-ledger.c"
cd "$work"
fail() { echo "test-out-of-tree: FAIL: $*" >&2; exit 1; }

# Records: key (32 bytes) ‖ amount (u64 LE). Key A = 0x11…, B = 0x22…, C = 0x33….
python3 - <<'PY'
import struct
A, B, C = b"\x11" * 32, b"\x22" * 32, b"\x33" * 32
batches = [[(A, 5), (B, 7)], [(A, 10), (C, 1)], [(B, 1 << 40), (A, 0)]]
for i, recs in enumerate(batches, 1):
    open(f"batch-{i}.bin", "wb").write(b"".join(k + struct.pack("<Q", v) for k, v in recs))
PY
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
# section FILE KIND → writes the body of section KIND of container FILE to stdout (docs/FORMAT.md §2).
section() {
    python3 - "$1" "$2" <<'PY'
import struct, sys
c = open(sys.argv[1], "rb").read(); n = struct.unpack_from("<I", c, 12)[0]
for i in range(n):
    kind, _, off, ln = struct.unpack_from("<IIQQ", c, 24 + 24 * i)
    if kind == int(sys.argv[2]): sys.stdout.buffer.write(c[off:off + ln])
PY
}
flip_last() { python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[-1]^=1; open(sys.argv[2],"wb").write(b)' "$1" "$2"; }
reason() { "$rvx" execute "$@" --json | json reason || true; }

for xlen in 64 32; do
    "$root/toolchain/rvx-cc" --xlen "$xlen" -O2 -Wall -Wextra -Werror ledger.c -o "ledger$xlen"
    elf="ledger$xlen"

    # Runtime-managed: genesis → batch 1 → batch 2 → batch 3, each from the previous post-state file.
    pre_state=()
    pre=0x$(printf '%064d' 0)
    for i in 1 2 3; do
        out=$("$rvx" prove --elf "$elf" --batch "batch-$i.bin" "${pre_state[@]}" --post-state "s$xlen-$i.json" \
              -o "c$xlen-$i.rvxexec" --json)
        post=$(echo "$out" | json postRoot)
        [ "$(echo "$out" | json preRoot)" = "$pre" ] || fail "rv$xlen batch $i: pre root"
        [ "$("$rvx" state root "s$xlen-$i.json")" = "$post" ] || fail "rv$xlen batch $i: state root"
        "$rvx" execute --elf "$elf" --pre "$pre" --post "$post" --input "c$xlen-$i.rvxexec" > /dev/null \
            || fail "rv$xlen batch $i: execute is not true"
        pre_state=(--pre-state "s$xlen-$i.json")
        pre=$post
    done
    [ "$("$rvx" state get "s$xlen-3.json" 0x$(printf '11%.0s' {1..32}))" = "0x$(printf '%062d' 0)0f" ] || fail "A != 15"
    [ "$("$rvx" state get "s$xlen-3.json" 0x$(printf '22%.0s' {1..32}))" = "0x$(printf '%052d' 0)010000000007" ] || fail "B"

    # Tampered calls on batch 3 (pre = s-2 root, post = $pre).
    c=c$xlen-3.rvxexec
    pre2=$("$rvx" state root "s$xlen-2.json")
    section "$c" 1 > batch.bin
    section "$c" 2 > witness.bin
    wrong=${pre%?}$([ "${pre: -1}" = 0 ] && echo 1 || echo 0)
    [ "$(reason --elf "$elf" --pre "$pre2" --post "$wrong" --input "$c")" = rootMismatch ] || fail "rv$xlen wrong root"
    flip_last batch.bin bad-batch.bin   # the last record's amount: 0 → 2^56
    "$rvx" pack --batch bad-batch.bin --witness witness.bin --pre "$pre2" -o t.rvxexec
    [ "$(reason --elf "$elf" --pre "$pre2" --post "$pre" --input t.rvxexec)" = rootMismatch ] || fail "rv$xlen batch amount"
    python3 -c 'import sys; b=bytearray(open("batch.bin","rb").read()); b[40]^=0x20; open("bad-key.bin","wb").write(b)'
    "$rvx" pack --batch bad-key.bin --witness witness.bin --pre "$pre2" -o t.rvxexec
    [ "$(reason --elf "$elf" --pre "$pre2" --post "$pre" --input t.rvxexec)" = witnessIncomplete ] || fail "rv$xlen batch key"
    flip_last witness.bin bad-witness.bin
    "$rvx" pack --batch batch.bin --witness bad-witness.bin --pre "$pre2" -o t.rvxexec
    [ "$(reason --elf "$elf" --pre "$pre2" --post "$pre" --input t.rvxexec)" = witnessInvalid ] || fail "rv$xlen witness"

    # Guest-managed: the guest declares SHA-256(PRE_STATE_ROOT ‖ BATCH); computed here independently.
    pre=0x$(printf '%064d' 0)
    for i in 1 2 3; do
        post=$("$rvx" prove --state guest --elf "$elf" --batch "batch-$i.bin" --pre "$pre" -o "g$xlen-$i.rvxexec" --json | json postRoot)
        expect=0x$(python3 -c 'import hashlib,sys; print(hashlib.sha256(bytes.fromhex(sys.argv[1][2:]) + open(sys.argv[2],"rb").read()).hexdigest())' "$pre" "batch-$i.bin")
        [ "$post" = "$expect" ] || fail "rv$xlen guest-managed batch $i: $post != $expect"
        "$rvx" execute --state guest --elf "$elf" --pre "$pre" --post "$post" --input "g$xlen-$i.rvxexec" > /dev/null \
            || fail "rv$xlen guest-managed batch $i: execute is not true"
        pre=$post
    done
    [ "$(reason --state guest --elf "$elf" --post "$pre2" --input "g$xlen-3.rvxexec")" = rootMismatch ] || fail "rv$xlen guest root"
    echo "test-out-of-tree: rv$xlen: 3 chained batches proved and verified in both state modes; tampering refused"

    # Standard-IO: the standard-only guest, three chained batches; its roots equal kv-ledger's runtime-managed ones.
    "$root/toolchain/rvx-cc" --xlen "$xlen" -O2 -Wall -Wextra -Werror std-ledger.c -o "std$xlen"
    elf="std$xlen"
    pre_state=()
    pre=0x$(printf '%064d' 0)
    for i in 1 2 3; do
        out=$("$rvx" prove --state standard --elf "$elf" --batch "batch-$i.bin" "${pre_state[@]}" \
              --post-state "t$xlen-$i.json" -o "d$xlen-$i.rvxexec" --json)
        post=$(echo "$out" | json postRoot)
        [ "$post" = "$("$rvx" state root "s$xlen-$i.json")" ] || fail "rv$xlen standard batch $i: root differs from kv-ledger's"
        cmp -s "t$xlen-$i.json" "s$xlen-$i.json" || fail "rv$xlen standard batch $i: post-state differs from kv-ledger's"
        app=$(python3 -c 'import hashlib,sys; b=open(sys.argv[1],"rb").read(); print((len(b)//40).to_bytes(8,"little").hex() + hashlib.sha256(b).hexdigest())' "batch-$i.bin")
        [ "$(echo "$out" | json output)" = "0x$app" ] || fail "rv$xlen standard batch $i: output"
        "$rvx" execute --state standard --elf "$elf" --pre "$pre" --post "$post" --input "d$xlen-$i.rvxexec" > /dev/null \
            || fail "rv$xlen standard batch $i: execute is not true"
        pre_state=(--pre-state "t$xlen-$i.json")
        pre=$post
    done
    c=d$xlen-3.rvxexec
    section "$c" 1 > batch.bin
    section "$c" 2 > witness.bin
    wrong=${pre%?}$([ "${pre: -1}" = 0 ] && echo 1 || echo 0)
    std() { reason --state standard --elf "$elf" --pre "$pre2" "$@"; }
    [ "$(std --post "$wrong" --input "$c")" = rootMismatch ] || fail "rv$xlen standard wrong root"
    flip_last batch.bin bad-batch.bin
    "$rvx" pack --batch bad-batch.bin --witness witness.bin --pre "$pre2" -o t.rvxexec
    [ "$(std --post "$pre" --input t.rvxexec)" = rootMismatch ] || fail "rv$xlen standard batch amount"
    "$rvx" pack --batch bad-key.bin --witness witness.bin --pre "$pre2" -o t.rvxexec
    [ "$(std --post "$pre" --input t.rvxexec)" = witnessIncomplete ] || fail "rv$xlen standard batch key"
    flip_last witness.bin bad-witness.bin
    "$rvx" pack --batch batch.bin --witness bad-witness.bin --pre "$pre2" -o t.rvxexec
    [ "$(std --post "$pre" --input t.rvxexec)" = witnessInvalid ] || fail "rv$xlen standard witness"
    echo "test-out-of-tree: rv$xlen: standard-only guest: 3 chained batches proved and verified (standard-IO); tampering refused"
done
