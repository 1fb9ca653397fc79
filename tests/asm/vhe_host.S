// vhe_host.S - VHE: HCR_EL2.E2H register redirection, the *_EL12/*_EL02
// aliases, and a VHE host (E2H=1, TGE=1) taking EL0 exceptions at EL2.
//
// 1. EL3, HCR_EL2.E2H=0: MRS SCTLR_EL12 is UNDEF (ESR_EL3 printed).
//    EL3, HCR_EL2.E2H=1 (SCR_EL3.NS=1): SCTLR_EL12 reaches SCTLR_EL1; at EL3
//    SCTLR_EL1 is not redirected.
// 2. EL2, E2H=0: every *_EL12/*_EL02 alias (read, and one write) is UNDEF at
//    EL2; SCTLR_EL1 at EL2 is the real SCTLR_EL1; TTBR1_EL2 and
//    CONTEXTIDR_EL2 (FEAT_VHE registers) and the EL2 virtual timer
//    CNTHV_CTL_EL2 are accessible with E2H=0 too (written and read back).
// 3. EL2, E2H=1, TGE=1 (host): for each register pair the real EL1 register
//    is written through *_EL12 (value B), then the *_EL1 name is written
//    (value A); reading the *_EL1 name, the *_EL2 name and the *_EL12 name
//    prints A, A, B: SCTLR, CPACR/CPTR_EL2, TTBR0, TTBR1, TCR, SPSR, ELR,
//    ESR, FAR, MAIR, VBAR, CONTEXTIDR, CNTKCTL/CNTHCTL_EL2, and the EL0
//    timers CNTP_CTL/CVAL_EL0 -> CNTHP_*_EL2 (CNTP_*_EL02 = real),
//    CNTV_CTL/CVAL_EL0 -> CNTHV_*_EL2 (CNTV_*_EL02 = real); the timers stay
//    disabled, and CTL is printed ANDed with 3 (ISTATUS is UNKNOWN when
//    ENABLE=0).
//    TPIDR_EL1 is not redirected (TPIDR_EL2 keeps its own value).
// 4. ERET to EL0t; EL0 runs SVC, UDF, HVC, MRS SCTLR_EL1, BRK: all taken to
//    EL2 at VBAR_EL2 + 0x400 (TGE=1). EL2 prints ESR_EL2 (and ESR_EL1,
//    which the E2H redirection maps to ESR_EL2, and ESR_EL12, untouched),
//    ELR_EL2 - (address of the EL0 instruction, in x28), SPSR_EL2 and
//    PSTATE.PAN. After the BRK the handler clears SCTLR_EL2.SPAN (written
//    through the SCTLR_EL1 name): the next exception to EL2 sets PAN.

    .include "semihost.inc"
    .include "hyp.inc"

// Write B through the EL12 name and A through the EL1 name, then print the
// EL1, EL2 and EL12 views (ANDed with mask). Clobbers x1..x4.
.macro REDIR el1, el2, el12, a, b, mask=-1
    LI      x1, \b
    msr     \el12, x1
    LI      x1, \a
    msr     \el1, x1
    isb
    mrs     x2, \el1
    mrs     x3, \el2
    mrs     x4, \el12
    .if     \mask != -1
    and     x2, x2, #\mask
    and     x3, x3, #\mask
    and     x4, x4, #\mask
    .endif
    PR      "\el1", x2
    PR      "\el2", x3
    PR      "\el12", x4
.endm

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    LA      x0, el3_vectors
    msr     vbar_el3, x0
    isb

// ------------------------------------------------------------------ 1. EL3
    PUTS    "== EL3, HCR_EL2.E2H=0 ==\n"
    mov     x1, #0x11
    TRY     mrs x1, sctlr_el12
    PRTRY   "mrs_sctlr_el12_esr_el3"
    PR      "x1", x1
    PUTS    "== EL3, HCR_EL2.E2H=1 ==\n"
    LI      x0, (HCR_RW | HCR_E2H)
    msr     hcr_el2, x0
    isb
    mov     x1, #0x11
    TRY     mrs x1, sctlr_el12
    PRTRY   "mrs_sctlr_el12_esr_el3"
    PR      "sctlr_el12", x1
    LI      x0, (SCTLR_EL1_INIT | (1 << 12))
    TRY     msr sctlr_el12, x0
    PRTRY   "msr_sctlr_el12_esr_el3"
    mrs     x1, sctlr_el1
    PR      "sctlr_el1", x1
    mrs     x1, sctlr_el2
    PR      "sctlr_el2", x1
    LI      x0, SCTLR_EL1_INIT
    msr     sctlr_el1, x0
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry

// ------------------------------------------------------------------ 2. EL2, E2H=0
el2_entry:
    LA      x0, el2_vectors
    msr     vbar_el2, x0
    isb
    PUTS    "== EL2, HCR_EL2.E2H=0: *_EL12 and *_EL02 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    mov     x1, #0x11
    .irp    reg, sctlr_el12, cpacr_el12, ttbr0_el12, ttbr1_el12, tcr_el12, spsr_el12, elr_el12, esr_el12, far_el12, mair_el12, vbar_el12, contextidr_el12, cntkctl_el12, cntp_ctl_el02, cntp_cval_el02, cntv_ctl_el02, cntv_cval_el02
    TRY     mrs x1, \reg
    PRTRY   "mrs_\reg\()_esr"
    .endr
    PR      "x1", x1
    mov     x0, #0
    TRY     msr sctlr_el12, x0
    PRTRY   "msr_sctlr_el12_esr"
    TRY     msr elr_el12, x0
    PRTRY   "msr_elr_el12_esr"
    PUTS    "== EL2, HCR_EL2.E2H=0: no redirection ==\n"
    mrs     x1, sctlr_el1
    PR      "sctlr_el1", x1
    mrs     x1, sctlr_el2
    PR      "sctlr_el2", x1
    LI      x0, 0x5555
    msr     contextidr_el1, x0
    mov     x0, #0x66
    TRY     msr contextidr_el2, x0
    PRTRY   "msr_contextidr_el2_esr"
    mrs     x1, contextidr_el1
    PR      "contextidr_el1", x1
    mov     x1, #0x11
    TRY     mrs x1, contextidr_el2
    PRTRY   "mrs_contextidr_el2_esr"
    PR      "contextidr_el2", x1
    LI      x0, 0x0000000040003000
    TRY     msr ttbr1_el2, x0
    PRTRY   "msr_ttbr1_el2_esr"
    mov     x1, #0x11
    TRY     mrs x1, ttbr1_el2
    PRTRY   "mrs_ttbr1_el2_esr"
    PR      "ttbr1_el2", x1
    mov     x0, #2
    TRY     msr cnthv_ctl_el2, x0
    PRTRY   "msr_cnthv_ctl_el2_esr"
    mov     x1, #0x11
    TRY     mrs x1, cnthv_ctl_el2
    PRTRY   "mrs_cnthv_ctl_el2_esr"
    and     x1, x1, #3                      // ISTATUS: UNKNOWN when disabled
    PR      "cnthv_ctl_el2", x1

// ------------------------------------------------------------------ 3. EL2 host
    PUTS    "== EL2, HCR_EL2.E2H=1, TGE=1 ==\n"
    LI      x0, (HCR_RW | HCR_E2H | HCR_TGE)
    msr     hcr_el2, x0
    isb
    mrs     x0, hcr_el2
    PR      "hcr_el2", x0
    REDIR   sctlr_el1, sctlr_el2, sctlr_el12, (SCTLR_EL2_INIT | (1 << 12)), (SCTLR_EL1_INIT | (1 << 12))
    REDIR   cpacr_el1, cptr_el2, cpacr_el12, 0x300000, 0x100000
    REDIR   ttbr0_el1, ttbr0_el2, ttbr0_el12, 0x00aa000040001000, 0x00bb000040002000
    REDIR   ttbr1_el1, ttbr1_el2, ttbr1_el12, 0x00cc000040003000, 0x00dd000040004000
    REDIR   tcr_el1, tcr_el2, tcr_el12, 0x0000000080803519, 0x0000000000803510
    REDIR   spsr_el1, spsr_el2, spsr_el12, 0x00000000600003c9, 0x00000000200003c5
    REDIR   elr_el1, elr_el2, elr_el12, 0x123456789abcdef0, 0x0fedcba987654320
    REDIR   esr_el1, esr_el2, esr_el12, 0x56001234, 0x96000045
    REDIR   far_el1, far_el2, far_el12, 0xfedcba9876543210, 0x0011223344556677
    REDIR   mair_el1, mair_el2, mair_el12, 0x00000000004404ff, 0x000000000000ff00
    REDIR   vbar_el1, vbar_el2, vbar_el12, 0x0000000040300800, 0x0000000012345800
    LA      x0, el2_vectors                 // VBAR_EL2 back (no exception since)
    msr     vbar_el1, x0
    REDIR   contextidr_el1, contextidr_el2, contextidr_el12, 0x1234, 0x5678
    REDIR   cntkctl_el1, cnthctl_el2, cntkctl_el12, 0x3, 0x2
    REDIR   cntp_ctl_el0, cnthp_ctl_el2, cntp_ctl_el02, 0x2, 0x0, 0x3
    REDIR   cntp_cval_el0, cnthp_cval_el2, cntp_cval_el02, 0x0000001234567890, 0x0000000fedcba987
    REDIR   cntv_ctl_el0, cnthv_ctl_el2, cntv_ctl_el02, 0x2, 0x0, 0x3
    REDIR   cntv_cval_el0, cnthv_cval_el2, cntv_cval_el02, 0x0000002345678901, 0x000000edcba98765
    PUTS    "== TPIDR_EL1 is not redirected ==\n"
    LI      x1, 0x2222
    msr     tpidr_el2, x1
    LI      x1, 0x1111
    msr     tpidr_el1, x1
    mrs     x2, tpidr_el1
    mrs     x3, tpidr_el2
    PR      "tpidr_el1", x2
    PR      "tpidr_el2", x3
    LI      x0, SCTLR_EL2_INIT              // SPAN=1
    msr     sctlr_el1, x0                   // = SCTLR_EL2
    isb
    mrs     x0, sctlr_el2
    PR      "sctlr_el2", x0

// ------------------------------------------------------------------ 4. EL0
    PUTS    "== EL0 under the VHE host ==\n"
    DROP_EL2 SPSR_EL0T, el0_code

el0_code:
    mov     x0, #0x60000000
    msr     nzcv, x0
    adr     x28, 1f
1:  svc     #0x1234
    adr     x28, 1f
1:  udf     #0x42
    adr     x28, 1f
1:  hvc     #5
    adr     x28, 1f
1:  mrs     x1, sctlr_el1
    adr     x28, 1f
1:  brk     #7
    adr     x28, 1f
1:  svc     #1
    adr     x28, 1f
1:  svc     #0xffff
    b       .

// Synchronous exception from EL0 (VBAR_EL2 + 0x400).
el2_lower_sync:
    stp     x0, x1, [sp, #-16]!
    PUTS    "-- EL2: sync from EL0 (VBAR_EL2+0x400) --\n"
    mrs     x0, esr_el2
    PR      "esr_el2", x0
    mrs     x0, esr_el1                     // redirected to ESR_EL2
    PR      "esr_el1_name", x0
    mrs     x0, esr_el12                    // the real ESR_EL1: untouched
    PR      "esr_el12", x0
    mrs     x0, elr_el2
    sub     x0, x0, x28
    PR      "elr_el2_minus_insn", x0
    mrs     x0, spsr_el2
    PR      "spsr_el2", x0
    mrs     x0, pan
    PR      "pan", x0
    mrs     x0, currentel
    PR      "currentel", x0
    mrs     x0, esr_el2
    ubfx    x1, x0, #26, #6
    cmp     x1, #0x15
    b.eq    2f
    cmp     x1, #0x3c
    b.ne    1f
    mrs     x1, sctlr_el1                   // = SCTLR_EL2
    bic     x1, x1, #(1 << 23)              // SPAN = 0
    msr     sctlr_el1, x1
    isb
    mrs     x1, sctlr_el2
    PR      "sctlr_el2_span0", x1
1:  mrs     x1, elr_el2                     // not SVC: skip the instruction
    add     x1, x1, #4
    msr     elr_el2, x1
    b       3f
2:  and     x0, x0, #0xffff                 // SVC: ELR is already past it
    mov     x1, #0xffff
    cmp     x0, x1
    b.eq    el2_done
3:  ldp     x0, x1, [sp], #16
    eret

el2_done:
    PUTS    "done\n"
    EXIT    0

    HYP_VECTORS el3_vectors, 3
    HYP_VECTORS el2_vectors, 2, , , el2_lower_sync
