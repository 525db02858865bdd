#!/bin/sh
# Installs the Debian packages rvx needs to build and test RISC-V guests (Debian 12).
# Idempotent and quiet on success: does nothing when every package is already installed,
# runs `apt-get update` only when something is missing. Needs root (or sudo) to install.
set -eu

PACKAGES="gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf binutils-riscv64-unknown-elf \
libelf-dev libsecp256k1-dev libgmp-dev zlib1g-dev libssl-dev qemu-user gdb-multiarch pkg-config"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps.sh: missing packages:$missing (run as root to install them)" >&2
    exit 1
fi

echo "install-deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
