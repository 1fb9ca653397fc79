// system.S - system instructions with architecturally defined results:
// MRS/MSR NZCV, DAIF (DAIFSet/DAIFClr and register form), SPSel and SP_EL0,
// PSTATE fields PAN/UAO/DIT (TCO is in mte_tco.S), TPIDR_ELx and other plain read/write
// registers, the hint space (NOP, YIELD, SEV, SEVL, CSDB, BTI, unallocated
// hints), barriers (DSB/DMB/ISB/SB/SSBB/PSSBB) and CLREX.
// No ID registers, counters or IMPLEMENTATION DEFINED values are printed.

    .include "semihost.inc"

    .text
    .global _start
_start:
    SETUP

// ------------------------------------------------------------ NZCV
    PUTS    "== nzcv ==\n"
    mov     x10, #0
    mov     x11, #0
1:  lsl     x1, x11, #28
    msr     nzcv, x1
    mrs     x2, nzcv
    eor     x10, x2, x10, ror #5
    add     x11, x11, #1
    cmp     x11, #16                         // (this sets the flags again)
    b.ne    1b
    PR      "nzcv_all", x10
    mov     x1, #-1
    msr     nzcv, x1                         // RES0 bits are ignored
    mrs     x0, nzcv
    PR      "nzcv_ones", x0
    LI      x1, 0x5fffffff0fffffff
    msr     nzcv, x1
    mrs     x0, nzcv
    PR      "nzcv_junk", x0
    msr     nzcv, xzr
    mrs     x0, nzcv
    PR      "nzcv_zero", x0

// ------------------------------------------------------------ DAIF
    PUTS    "== daif ==\n"
    mrs     x0, daif
    PR      "daif_reset", x0
    msr     daifclr, #0xf
    mrs     x0, daif
    PR      "daifclr_f", x0
    msr     daifset, #0x8                    // D
    mrs     x0, daif
    PR      "daifset_8", x0
    msr     daifset, #0x5                    // A, F
    mrs     x0, daif
    PR      "daifset_5", x0
    msr     daifclr, #0x8
    mrs     x0, daif
    PR      "daifclr_8", x0
    msr     daifset, #0x2                    // I
    mrs     x0, daif
    PR      "daifset_2", x0
    msr     daifclr, #0x6
    mrs     x0, daif
    PR      "daifclr_6", x0
    msr     daifset, #0
    mrs     x0, daif
    PR      "daifset_0", x0
    mov     x1, #0x140                        // A, F through the register form
    msr     daif, x1
    mrs     x0, daif
    PR      "daif_reg", x0
    mov     x1, #-1
    msr     daif, x1                          // RES0 bits are ignored
    mrs     x0, daif
    PR      "daif_reg_ones", x0
    msr     daifset, #0xf                     // leave everything masked

// ------------------------------------------------------------ SPSel / SP_EL0
    PUTS    "== spsel ==\n"
    mrs     x0, spsel
    PR      "spsel_reset", x0
    mov     x20, sp                           // SP_EL3
    adrp    x21, alt_stack_top
    add     x21, x21, :lo12:alt_stack_top
    msr     sp_el0, x21
    mrs     x1, sp_el0
    sub     x1, x1, x21
    PR      "sp_el0_rt", x1
    msr     spsel, #0
    mrs     x0, spsel
    mov     x2, sp
    sub     x2, x2, x21
    PR      "spsel0", x0
    PR      "sp_is_el0", x2
    sub     sp, sp, #32                       // use SP_EL0 as a stack
    mov     x3, #0x77
    str     x3, [sp]
    mov     x3, #1
    msr     spsel, x3                         // register form
    mrs     x0, spsel
    mov     x4, sp
    sub     x4, x4, x20
    PR      "spsel1", x0
    PR      "sp_is_el3", x4
    mrs     x5, sp_el0
    sub     x5, x21, x5
    PR      "sp_el0_after", x5
    ldr     x6, [x21, #-32]
    PR      "sp_el0_mem", x6

// ------------------------------------------------------------ PSTATE fields
    PUTS    "== pstate ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    msr     pan, #1
    mrs     x0, pan
    PR      "pan1", x0
    msr     pan, #0
    mrs     x0, pan
    PR      "pan0", x0
    mov     x1, #0x400000
    msr     pan, x1
    mrs     x0, pan
    PR      "pan_reg", x0
    msr     pan, xzr
    msr     uao, #1
    mrs     x0, uao
    PR      "uao1", x0
    msr     uao, #0
    mrs     x0, uao
    PR      "uao0", x0
    msr     dit, #1
    mrs     x0, dit
    PR      "dit1", x0
    msr     dit, #0
    mrs     x0, dit
    PR      "dit0", x0

// ------------------------------------------------------------ plain registers
    PUTS    "== registers ==\n"
    LI      x1, 0x0123456789abcdef
    LI      x2, 0xfedcba9876543210
    .irp    reg, tpidr_el0, tpidrro_el0, tpidr_el1, tpidr_el2, tpidr_el3, far_el3, elr_el3, far_el1, elr_el1, far_el2, elr_el2, sp_el1, sp_el2
    msr     \reg, x1
    mrs     x3, \reg
    msr     \reg, x2
    mrs     x4, \reg
    eor     x0, x3, x4, ror #8
    PR      "\reg", x0
    .endr
    msr     tpidr_el0, xzr
    mrs     x0, tpidr_el0
    PR      "tpidr_el0_zero", x0
    // VBAR_EL3: bits [10:0] are RES0; write an aligned value and back
    mrs     x5, vbar_el3
    adrp    x6, alt_vectors
    add     x6, x6, :lo12:alt_vectors
    msr     vbar_el3, x6
    mrs     x7, vbar_el3
    sub     x7, x7, x6
    PR      "vbar_el3_rt", x7
    msr     vbar_el3, x5
    isb
    // ESR_EL3 / SPSR_EL3 with ordinary values
    mov     x1, #0x45
    movk    x1, #0x9600, lsl #16
    msr     esr_el3, x1
    mrs     x0, esr_el3
    PR      "esr_el3", x0
    mov     x1, #0x3c5
    msr     spsr_el3, x1
    mrs     x0, spsr_el3
    PR      "spsr_el3", x0
    mov     x1, #0x20000000
    add     x1, x1, #0x3c9
    msr     spsr_el3, x1
    mrs     x0, spsr_el3
    PR      "spsr_el3_b", x0

// ------------------------------------------------------------ hints
// Each executes as a no-op here; x0 counts the instructions that ran.
    PUTS    "== hints ==\n"
    mov     x0, #0
    nop
    add     x0, x0, #1
    yield
    add     x0, x0, #1
    sev
    add     x0, x0, #1
    sevl
    add     x0, x0, #1
    csdb
    add     x0, x0, #1
    dgh
    add     x0, x0, #1
    bti
    add     x0, x0, #1
    bti     c
    add     x0, x0, #1
    bti     j
    add     x0, x0, #1
    bti     jc
    add     x0, x0, #1
    .irp    h, 0x51, 0x5f, 0x6b, 0x70, 0x7f
    hint    #\h                               // unallocated: executes as NOP
    add     x0, x0, #1
    .endr
    PR      "hints_ran", x0

// ------------------------------------------------------------ barriers
    PUTS    "== barriers ==\n"
    mov     x0, #0
    .irp    opt, sy, st, ld, ish, ishst, ishld, nsh, nshst, nshld, osh, oshst, oshld
    dsb     \opt
    dmb     \opt
    add     x0, x0, #1
    .endr
    dsb     #0                                // SSBB
    dsb     #4                                // PSSBB
    ssbb
    pssbb
    dmb     #0
    isb
    isb     #15
    isb     sy
    sb
    clrex
    clrex   #3
    add     x0, x0, #1
    PR      "barriers_ran", x0
    // registers and flags survive all of the above
    mov     x9, #0x60000000
    msr     nzcv, x9
    dsb     sy
    isb
    sb
    nop
    PRNZCV  "flags_kept"

    PUTS    "done\n"
    EXIT    0

    .balign 2048
alt_vectors:
    .skip   2048

    .bss
    .balign 16
alt_stack:
    .skip   256
alt_stack_top:
