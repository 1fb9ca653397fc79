// el_walk.S - a walk through the exception levels (MMU off everywhere):
// EL3 -> EL2 -> EL1 -> EL0 by ERET, each EL on its own SP_ELx; at each EL the
// synchronous exceptions that stay at that EL or go up: BRK, UDF, MRS/MSR of
// a register of a higher EL (UNDEF), SVC/HVC/SMC, PC alignment faults (BR to
// an odd address, RET to an address with bit 1 set), with SPSel=0 (vector
// 0x000) and SPSel=1 (0x200), and from a lower EL (0x400); then a nested
// chain EL0 -SVC-> EL1 -HVC-> EL2 -SMC-> EL3 and back down, showing that
// ELR/SPSR/ESR of each EL survive the exceptions taken above it.
// The handlers (include/el.inc) print ESR, ELR, SPSR, FAR (aborts only),
// CurrentEL and DAIF for every exception.
//
// Not here, because QEMU 10 differs from the Arm ARM: SP alignment checking
// (SCTLR_ELx.SA/SA0; QEMU never raises EC 0x26).

    .include "semihost.inc"
    .include "el.inc"

    .text
    .global _start
_start:
    SETUP
    EL_INIT

// ------------------------------------------------------------ EL3
    PUTS    "== el3 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    mrs     x0, spsel
    PR      "spsel", x0
    mrs     x0, daif
    PR      "daif", x0
    PUTS    "-- brk at EL3 (SP_EL3: vector 0x200)\n"
    brk     #0x3a
    PUTS    "-- udf at EL3\n"
    udf     #0x3b
    PUTS    "-- svc, hvc, smc at EL3 (ELR = next instruction)\n"
    svc     #0x3301
    hvc     #0x3302
    smc     #0x3303
    PUTS    "-- SPSel=0 at EL3 (vector 0x000)\n"
    msr     spsel, #0
    brk     #0x30
    svc     #0x3304
    mrs     x0, sp_el0                        // UNDEF while SPSel=0
    msr     spsel, #1
    mrs     x0, sp_el0
    adrp    x1, el_stack_el0_top
    add     x1, x1, :lo12:el_stack_el0_top
    sub     x0, x0, x1
    PR      "sp_el0_with_spsel1", x0
    PUTS    "-- PC alignment at EL3: br to an odd address\n"
    SET_RESUME 1f
    adr     x1, 1f
    add     x1, x1, #1
    br      x1
1:  PUTS    "-- PC alignment at EL3: ret to an address with bit 1 set\n"
    SET_RESUME 2f
    adr     x2, 2f
    add     x2, x2, #2
    ret     x2
2:  PUTS    "-- eret to EL2h\n"
    // SP_EL2 for the walk: 64 bytes below the top of its stack
    adrp    x0, el_stack_el2_top
    add     x0, x0, :lo12:el_stack_el2_top
    sub     x0, x0, #64
    msr     sp_el2, x0
    CALL_AT 3, SPSR_EL2H, el2_main              // ELR_EL3, SPSR_EL3, ERET
    PUTS    "== back at el3 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    mrs     x0, sp_el2
    adrp    x1, el_stack_el2_top
    add     x1, x1, :lo12:el_stack_el2_top
    sub     x0, x1, x0
    PR      "sp_el2_below_top", x0
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL2
el2_main:
    PUTS    "== el2 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    mrs     x0, spsel
    PR      "spsel", x0
    mrs     x0, daif
    PR      "daif", x0
    mov     x0, sp
    adrp    x1, el_stack_el2_top
    add     x1, x1, :lo12:el_stack_el2_top
    sub     x0, x1, x0
    PR      "sp_below_el2_top", x0
    PUTS    "-- brk at EL2\n"
    brk     #0x2a
    PUTS    "-- udf at EL2\n"
    udf     #0x2b
    PUTS    "-- EL3 registers at EL2 (UNDEF)\n"
    mrs     x0, scr_el3
    msr     scr_el3, xzr
    mrs     x3, elr_el3
    PUTS    "-- svc, hvc at EL2 (to EL2), smc at EL2 (to EL3, vector 0x400)\n"
    svc     #0x2201
    hvc     #0x2202
    smc     #0x2203
    PUTS    "-- SPSel=0 at EL2 (vector 0x000)\n"
    msr     spsel, #0
    brk     #0x20
    hvc     #0x2204
    msr     spsel, #1
    PUTS    "-- PC alignment at EL2\n"
    SET_RESUME 1f
    adr     x1, 1f
    add     x1, x1, #3
    br      x1
1:  PUTS    "-- eret to EL1h\n"
    adrp    x0, el_stack_el1_top
    add     x0, x0, :lo12:el_stack_el1_top
    sub     x0, x0, #32
    msr     sp_el1, x0
    CALL_AT 2, SPSR_EL1H, el1_main
    PUTS    "== back at el2 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    RET_SMC

// ------------------------------------------------------------ EL1
el1_main:
    PUTS    "== el1 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    mrs     x0, spsel
    PR      "spsel", x0
    mrs     x0, daif
    PR      "daif", x0
    mov     x0, sp
    adrp    x1, el_stack_el1_top
    add     x1, x1, :lo12:el_stack_el1_top
    sub     x0, x1, x0
    PR      "sp_below_el1_top", x0
    PUTS    "-- brk at EL1\n"
    brk     #0x1a
    PUTS    "-- udf at EL1\n"
    udf     #0x1b
    PUTS    "-- EL2 and EL3 registers at EL1 (UNDEF)\n"
    mrs     x0, scr_el3
    mrs     x1, hcr_el2
    msr     vbar_el2, x2
    mrs     x4, sp_el1
    PUTS    "-- svc at EL1 (to EL1), hvc (to EL2), smc (to EL3)\n"
    svc     #0x1101
    hvc     #0x1102
    smc     #0x1103
    PUTS    "-- SPSel=0 at EL1 (vector 0x000)\n"
    msr     spsel, #0
    svc     #0x1104
    brk     #0x10
    mrs     x5, sp_el0                        // UNDEF while SPSel=0
    msr     spsel, #1
    PUTS    "-- PC alignment at EL1\n"
    SET_RESUME 1f
    adr     x1, 1f
    add     x1, x1, #1
    br      x1
1:  PUTS    "-- eret to EL0t\n"
    adrp    x0, el_stack_el0_top
    add     x0, x0, :lo12:el_stack_el0_top
    sub     x0, x0, #16
    msr     sp_el0, x0
    CALL_AT 1, SPSR_EL0T, el0_main
    PUTS    "== back at el1 ==\n"
    adrp    x1, el0_record
    ldr     x0, [x1, :lo12:el0_record]
    PR      "el0_nzcv", x0
    ldr     x0, [x1, :lo12:el0_record + 8]
    adrp    x2, el_stack_el0_top
    add     x2, x2, :lo12:el_stack_el0_top
    sub     x0, x2, x0
    PR      "el0_sp_below_el0_top", x0
    ldr     x0, [x1, :lo12:el0_record + 16]
    PR      "el0_x7_after_traps", x0

    PUTS    "== chain: EL0 svc -> EL1 hvc -> EL2 smc -> EL3, and back ==\n"
    SET_HOOK 1, hook_el1
    CALL_AT 1, SPSR_EL0T, el0_chain
    PUTS    "== back at el1 after the chain ==\n"
    adrp    x1, el0_record
    ldr     x0, [x1, :lo12:el0_record + 24]
    PR      "el0_x9_after_chain", x0
    adrp    x0, el_stack_el0_top
    add     x0, x0, :lo12:el_stack_el0_top
    msr     sp_el0, x0
    RET_HVC

// EL1 handler hook for the chain's SVC: HVC to EL2, then show that ESR_EL1,
// ELR_EL1 and SPSR_EL1 still hold the SVC's values.
hook_el1:
    stp     x29, x30, [sp, #-16]!
    SET_HOOK 2, hook_el2
    msr     nzcv, xzr                         // the handler's flags are not of interest
    hvc     #0x200
    PUTS    "== EL1 handler after its hvc ==\n"
    mrs     x0, esr_el1
    PR      "esr_el1", x0
    mrs     x0, elr_el1
    PR      "elr_el1", x0
    mrs     x0, spsr_el1
    PR      "spsr_el1", x0
    mrs     x0, currentel
    PR      "currentel", x0
    ldp     x29, x30, [sp], #16
    ret

// EL2 handler hook for the chain's HVC: SMC to EL3, then the same for EL2.
hook_el2:
    stp     x29, x30, [sp, #-16]!
    msr     nzcv, xzr
    smc     #0x300
    PUTS    "== EL2 handler after its smc ==\n"
    mrs     x0, esr_el2
    PR      "esr_el2", x0
    mrs     x0, elr_el2
    PR      "elr_el2", x0
    mrs     x0, spsr_el2
    PR      "spsr_el2", x0
    mrs     x0, currentel
    PR      "currentel", x0
    ldp     x29, x30, [sp], #16
    ret

// ------------------------------------------------------------ EL0
// No semihosting here: values are recorded in el0_record for EL1 to print.
el0_main:
    mov     x7, #0x77
    LI      x0, 0x60000000
    msr     nzcv, x0
    brk     #0x0a                             // to EL1, vector 0x400
    udf     #0x0b
    mrs     x1, sctlr_el1                     // UNDEF at EL0
    mrs     x2, currentel                     // UNDEF at EL0
    msr     sp_el0, x3                        // UNDEF at EL0
    eret                                      // UNDEF at EL0
    svc     #0x0001
    SET_RESUME 1f
    adr     x1, 1f
    add     x1, x1, #1
    br      x1
1:  adrp    x1, el0_record
    add     x1, x1, :lo12:el0_record
    mrs     x0, nzcv                          // NZCV survived the exceptions
    str     x0, [x1]
    mov     x0, sp
    str     x0, [x1, #8]
    str     x7, [x1, #16]
    RET_SVC

el0_chain:
    mov     x9, #0x99
    svc     #0x100
    adrp    x1, el0_record
    add     x1, x1, :lo12:el0_record
    str     x9, [x1, #24]
    RET_SVC

    .bss
    .balign 16
el0_record:
    .skip   32
