// Placeholder: the in-test RISC-V assembler and ELF writer are being written.
