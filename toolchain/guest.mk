# guest.mk: the one place that defines how rvx guests are compiled and linked.
# Include it with ROOT set to the repository root; use $(call guest_cflags,rv64) etc.
#
# Contract (rvx guest ABI): static ET_EXEC, RV32IM/RV64IM without C/A/F/D, soft-float ABI,
# image linked at 0x10000 by guest/sdk/rvx.ld, Linux syscalls via ecall.

CROSS        ?= riscv64-unknown-elf-
CC           := $(CROSS)gcc
SWIFTC       ?= $(shell command -v swiftc 2>/dev/null || echo /opt/swift/usr/bin/swiftc)

SDK          := $(ROOT)/guest/sdk
LDSCRIPT     := $(SDK)/rvx.ld

ARCH_rv32    := -march=rv32im -mabi=ilp32
ARCH_rv64    := -march=rv64im -mabi=lp64 -mcmodel=medany
SWIFT_TARGET_rv32 := riscv32-none-none-eabi
SWIFT_TARGET_rv64 := riscv64-none-none-eabi

# C code: picolibc headers and libraries (picolibc.specs), no host start files, our linker script.
COMMON_CFLAGS := -O2 -g -static -ffreestanding -fno-common -ffunction-sections -fdata-sections \
                 -Wall -Wextra -Werror -I$(SDK)/include
# guest_ccflags: for compile-and-link commands (the specs come with guest_ldflags); guest_cflags: for -c.
guest_ccflags = $(ARCH_$(1)) $(COMMON_CFLAGS)
guest_cflags  = $(ARCH_$(1)) $(COMMON_CFLAGS) --specs=picolibc.specs
guest_asflags = $(ARCH_$(1)) -I$(SDK)/include
# Programs linked with the SDK: crt0 + syscalls + swift_runtime + picolibc + libgcc.
guest_ldflags = $(ARCH_$(1)) -static -nostartfiles --specs=picolibc.specs -T $(LDSCRIPT) \
                -Wl,--gc-sections -Wl,-z,max-page-size=4096 -Wl,--orphan-handling=error
# Bare assembly tests: no libc, no start files; the test defines _start itself.
bare_ldflags  = $(ARCH_$(1)) -static -nostdlib -nostartfiles -T $(LDSCRIPT) -Wl,-z,max-page-size=4096 \
                -Wl,--orphan-handling=error

# Embedded Swift: whole-module, no runtime metadata, same ISA/ABI as the C code.
guest_swiftflags = -target $(SWIFT_TARGET_$(1)) -enable-experimental-feature Embedded -wmo -parse-as-library -O \
                   -Xcc $(word 1,$(ARCH_$(1))) -Xcc $(word 2,$(ARCH_$(1))) \
                   $(if $(filter rv64,$(1)),-Xcc -mcmodel=medany) -Xfrontend -function-sections
