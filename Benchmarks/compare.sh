#!/bin/sh
# Benchmarks rvx against qemu-user on the benchmark guests; see Benchmarks/compare.py for options.
exec python3 "$(dirname "$0")/compare.py" "$@"
