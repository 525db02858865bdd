// Placeholder: module RISCV is being written.
