// pkvm_undef_inject.S - a pKVM-like nVHE hypervisor at EL2 that locks EL1
// down with HCR_EL2.TID3 (ID register reads) and HCR_EL2.TVM (writes to the
// virtual-memory control registers), emulates the trapped reads and injects
// an UNDEF into EL1 for the trapped writes, as KVM's inject_undef64() does.
//
// EL3: SCR_EL3 = NS|RW|HCE|RES1(5:4), drop to EL2h (HCR_EL2.RW=1, E2H=0).
// EL2: VBAR_EL2, VBAR_EL1, HCR_EL2 = RW|TVM|TID3, ERET to EL1h.
// EL1: MRS of ID registers (ID_AA64PFR1_EL1 into x5, ID_AA64MMFR0_EL1 into
//      x23, ID_AA64ISAR0_EL1 into xzr, two reserved ID encodings) trap to
//      EL2 (EC 0x18), which prints ESR_EL2 and its ISS fields, writes
//      EMU_VALUE into Rt (taken from ESR_EL2.ISS.Rt; nothing for Rt=31) and
//      returns with ELR_EL2 += 4.
//      MSR SCTLR_EL1 and MSR TTBR0_EL1 trap to EL2 (EC 0x18), which injects
//      an UNDEF: ESR_EL1 = EC 0x00|IL, ELR_EL1 = ELR_EL2, SPSR_EL1 =
//      SPSR_EL2, ELR_EL2 = VBAR_EL1 + 0x200 (current EL, SP_ELx),
//      SPSR_EL2 = EL1h with DAIF masked, ERET. EL1's synchronous handler
//      prints ESR_EL1, ELR_EL1 - (address of the MSR), SPSR_EL1 and DAIF,
//      and skips the MSR. The registers were not written (TVM does not trap
//      reads: MRS SCTLR_EL1/TTBR0_EL1 at EL1 show the old values).
//      Not trapped: MSR/MRS TPIDR_EL1. UNDEF at EL1 itself (not EL2):
//      MRS SCTLR_EL12 (no E2H/NV) and MRS HCR_EL2.
// Before each trapping instruction EL1 puts its address in x28.

    .include "semihost.inc"
    .include "hyp.inc"

    .equ    EMU_VALUE, 0x5a5a00000000f221

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry

// ------------------------------------------------------------------ EL2
el2_entry:
    PUTS    "== EL2 setup ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    LA      x0, el2_vectors
    msr     vbar_el2, x0
    LA      x0, el1_vectors
    msr     vbar_el1, x0
    LI      x0, (HCR_RW | HCR_TVM | HCR_TID3)
    msr     hcr_el2, x0
    isb
    mrs     x0, hcr_el2
    PR      "hcr_el2", x0
    LI      x0, 0x1111000022220000
    msr     ttbr0_el1, x0                   // EL2 writes are not trapped
    DROP_EL2 (SPSR_DAIF | SPSR_EL1H), el1_entry

// Synchronous exception from EL1 (VBAR_EL2 + 0x400). All of x0..x30 are
// saved in a frame on SP_EL2 so that Rt can be written by index.
el2_lower_sync:
    HYP_SAVE_GPRS

    mrs     x19, esr_el2
    mrs     x20, elr_el2
    mrs     x21, spsr_el2
    PUTS    "-- EL2: sync from EL1 (VBAR_EL2+0x400) --\n"
    PR      "esr_el2", x19
    ubfx    x0, x19, #26, #6
    PR      "ec", x0
    ubfx    x0, x19, #25, #1
    PR      "il", x0
    sub     x0, x20, x28
    PR      "elr_el2_minus_insn", x0
    PR      "spsr_el2", x21
    ubfx    x22, x19, #26, #6
    cmp     x22, #0x18
    b.ne    el2_bad
    ubfx    x0, x19, #20, #2
    PR      "iss_op0", x0
    ubfx    x0, x19, #14, #3
    PR      "iss_op1", x0
    ubfx    x0, x19, #10, #4
    PR      "iss_crn", x0
    ubfx    x0, x19, #1, #4
    PR      "iss_crm", x0
    ubfx    x0, x19, #17, #3
    PR      "iss_op2", x0
    ubfx    x23, x19, #5, #5
    PR      "iss_rt", x23
    and     x24, x19, #1
    PR      "iss_dir_read", x24
    cbz     x24, el2_inject_undef

    // MRS: emulate. Rt = 31 is XZR: nothing to write.
    cmp     x23, #31
    b.eq    1f
    LI      x0, EMU_VALUE
    str     x0, [sp, x23, lsl #3]
1:  add     x20, x20, #4
    msr     elr_el2, x20
    PUTS    "emulated\n"
    b       el2_return

    // MSR: inject an UNDEF into EL1 (KVM inject_undef64).
el2_inject_undef:
    mov     x0, #(1 << 25)                  // EC 0x00 (unknown), IL = 1
    msr     esr_el1, x0
    msr     elr_el1, x20
    msr     spsr_el1, x21
    mrs     x0, vbar_el1
    add     x0, x0, #0x200                  // current EL with SP_ELx
    msr     elr_el2, x0
    mov     x0, #(SPSR_DAIF | SPSR_EL1H)
    msr     spsr_el2, x0
    mrs     x1, vbar_el1
    mrs     x0, elr_el2
    sub     x0, x0, x1
    PR      "inject_elr_el2_minus_vbar_el1", x0
    mrs     x0, spsr_el2
    PR      "inject_spsr_el2", x0
    PUTS    "undef injected\n"

el2_return:
    HYP_RESTORE_GPRS
    eret

el2_bad:
    PUTS    "EL2: unexpected exception class\n"
    EXIT    1

// ------------------------------------------------------------------ EL1
el1_entry:
    PUTS    "== EL1 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0

    PUTS    "== TID3: MRS ID_AA64PFR1_EL1, x5 ==\n"
    LI      x5, 0x1234
    adr     x28, 1f
1:  mrs     x5, id_aa64pfr1_el1
    PR      "x5", x5

    PUTS    "== TID3: MRS ID_AA64MMFR0_EL1, x23 ==\n"
    mov     x23, #0x77
    mov     x5, #0x55
    adr     x28, 1f
1:  mrs     x23, id_aa64mmfr0_el1
    PR      "x23", x23
    PR      "x5", x5

    PUTS    "== TID3: MRS ID_AA64ISAR0_EL1, xzr ==\n"
    adr     x28, 1f
1:  mrs     xzr, id_aa64isar0_el1
    PR      "x5", x5
    PR      "x23", x23

    PUTS    "== TID3: MRS S3_0_C0_C7_7 (reserved), x3 ==\n"
    mov     x3, #3
    adr     x28, 1f
1:  mrs     x3, s3_0_c0_c7_7
    PR      "x3", x3

    PUTS    "== TID3: MRS S3_0_C0_C3_7 (reserved), x30 ==\n"
    mov     x29, x30
    mov     x30, #30
    adr     x28, 1f
1:  mrs     x30, s3_0_c0_c3_7
    PR      "x30", x30
    mov     x30, x29

    PUTS    "== TVM: MSR SCTLR_EL1, x6 ==\n"
    mrs     x7, sctlr_el1                   // reads are not trapped (TRVM=0)
    PR      "sctlr_el1_before", x7
    mov     x6, #1                          // would turn the MMU on
    orr     x6, x7, x6
    mov     x0, #0x60000000                 // Z, C
    msr     nzcv, x0
    adr     x28, 1f
1:  msr     sctlr_el1, x6
    PRNZCV  "nzcv_after"
    mrs     x0, sctlr_el1
    PR      "sctlr_el1_after", x0

    PUTS    "== TVM: MSR TTBR0_EL1, x11 ==\n"
    mrs     x0, ttbr0_el1
    PR      "ttbr0_el1_before", x0
    LI      x11, 0x40001000
    mov     x0, #0x90000000                 // N, V
    msr     nzcv, x0
    msr     daifclr, #0x4                   // I unmasked (nothing pending)
    adr     x28, 1f
1:  msr     ttbr0_el1, x11
    PRNZCV  "nzcv_after"
    mrs     x0, daif
    PR      "daif_after", x0
    msr     daifset, #0xf
    mrs     x0, ttbr0_el1
    PR      "ttbr0_el1_after", x0
    msr     nzcv, xzr

    PUTS    "== not trapped: TPIDR_EL1 ==\n"
    LI      x0, 0x0123456789abcdef
    msr     tpidr_el1, x0
    mrs     x1, tpidr_el1
    PR      "tpidr_el1", x1

    PUTS    "== UNDEF at EL1 (not trapped to EL2) ==\n"
    mov     x1, #0x11
    TRY     mrs x1, sctlr_el12
    PRTRY   "mrs_sctlr_el12_esr_el1"
    PR      "x1", x1
    TRY     mrs x1, hcr_el2
    PRTRY   "mrs_hcr_el2_esr_el1"
    PR      "x1", x1
    TRY     mrs x1, tpidr_el1
    PRTRY   "mrs_tpidr_el1_esr_el1"

    PUTS    "done\n"
    EXIT    0

// Synchronous exception at EL1 with SP_EL1 (VBAR_EL1 + 0x200): a TRY probe,
// or the UNDEF injected by EL2.
el1_cur_sync:
    stp     x0, x1, [sp, #-16]!
    mrs     x0, elr_el1
    LA      x1, hyp_probe_pc
    ldr     x1, [x1]
    cmp     x0, x1
    ldp     x0, x1, [sp], #16
    b.eq    hyp_probe_el1
    stp     x0, x1, [sp, #-16]!
    PUTS    "-- EL1: sync at EL1 (VBAR_EL1+0x200) --\n"
    mrs     x0, esr_el1
    PR      "esr_el1", x0
    mrs     x0, elr_el1
    sub     x0, x0, x28
    PR      "elr_el1_minus_insn", x0
    mrs     x0, spsr_el1
    PR      "spsr_el1", x0
    mrs     x0, daif
    PR      "daif", x0
    mrs     x0, currentel
    PR      "currentel", x0
    mrs     x0, elr_el1
    add     x0, x0, #4
    msr     elr_el1, x0
    ldp     x0, x1, [sp], #16
    eret

    HYP_VECTORS el2_vectors, 2, , , el2_lower_sync
    HYP_VECTORS el1_vectors, 1, , el1_cur_sync,
