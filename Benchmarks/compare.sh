#!/bin/sh
# Benchmarks rvx (interpreter and translated tier) against qemu-user and, with RVX_LIBRISCV / RVX_LIBRISCV_BT, libriscv;
# see Benchmarks/compare.py for options.
exec python3 "$(dirname "$0")/compare.py" "$@"
