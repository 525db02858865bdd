/*
 * crt0.S: process entry for rvx guests (RV32IM / RV64IM, Linux user-mode initial stack).
 *
 * On entry (rvx guest ABI, same as Linux): sp -> argc, argv[0..argc-1], NULL, envp..., NULL, auxv..., AT_NULL.
 * Sets gp (for linker relaxation) and tp (the single TLS block, in place), runs the constructors,
 * calls main(argc, argv, envp) and passes its return value to exit().
 */
#if __riscv_xlen == 64
#  define REG_L ld
#  define SZREG 8
#  define LGREG 3
#else
#  define REG_L lw
#  define SZREG 4
#  define LGREG 2
#endif

    .section .text.init.enter, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      tp, __tls_base

    REG_L   s0, 0(sp)               /* argc */
    addi    s1, sp, SZREG           /* argv */
    slli    t0, s0, LGREG
    add     s2, s1, t0
    addi    s2, s2, SZREG           /* envp = argv + argc + 1 */
    andi    sp, sp, -16             /* psABI: 16-byte aligned stack */
    mv      ra, zero                /* terminate backtraces */

    call    __libc_init_array

    mv      a0, s0
    mv      a1, s1
    mv      a2, s2
    call    main
    call    exit
1:  j       1b                      /* exit does not return */
    .size _start, . - _start

    /* crt0.o is a member of libzkvm_rvx.a: this reference links the libc backend (syscalls.c: read, write,
     * sbrk, the stdio streams) with _start, before libc is searched, so that libc's own sbrk is not used.
     * The section itself is dropped by --gc-sections. */
    .section .rodata.rvx_libc_backend, "a", @progbits
    .dc.a   sbrk
