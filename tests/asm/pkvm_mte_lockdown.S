// a64sim-requires: mte
//
// pkvm_mte_lockdown.S - a pKVM-like nVHE hypervisor at EL2 that hides MTE
// from its host at EL1 although the hardware and EL3 enable it: HCR_EL2.ATA
// = 0 (no tag access, no tag checks, MTE registers trapped) and HCR_EL2.TID5
// = 1 (GMID_EL1 trapped); trapped MTE register accesses are answered with an
// UNDEF injected into the host, as a CPU without MTE would take.
//
// EL3: SCR_EL3 = NS|RW|HCE|RES1(5:4)|ATA, drop to EL2h (E2H=0, MMU off).
// EL2: VBAR_EL2/VBAR_EL1, HCR_EL2 = RW|ATA ("boot": the host may set up
//      tags), ERET to EL1h.
// EL1 (host) boot: its own stage 1 (include/mte_b_common.inc: identity 1 GiB
//      block of the RAM, Normal untagged, and a Tagged alias at VA
//      PA + 0x4000_0000), SCTLR_EL1.ATA=1, TCF=01 (synchronous), GCR_EL1
//      written; STG gives the granule G (0x40 into hdata) tag 9 and a data
//      value; LDG reads 9. HVC #1.
// EL2 on HVC #1: lock-down, HCR_EL2 = RW|TID5 (ATA=0).
// EL1 (host) locked down, MMU and SCTLR_EL1.{ATA,TCF} unchanged:
//      LDG G reads 0, IRG gives tag 0, STG of tag 7 to G is ignored, a load
//      through a tag-7 pointer (wrong tag) is not checked.
//      MSR GCR_EL1, MSR RGSR_EL1 (with PSTATE.TCO=1 and NZCV=Z|C set before),
//      MRS TFSR_EL1, MRS TFSRE0_EL1, MRS GMID_EL1: each traps to EL2 with
//      EC 0x18. The EL2 handler prints ESR_EL2 and its ISS fields and
//      injects an UNDEF into EL1: ESR_EL1 = EC 0x00|IL, ELR_EL1 = ELR_EL2,
//      SPSR_EL1 = SPSR_EL2, FAR_EL1 untouched, and ERETs to VBAR_EL1 + 0x200
//      with PSTATE = EL1h, DAIF masked, NZCV/PAN/DIT of the trapped context,
//      SSBS = SCTLR_EL1.DSSBS (0 here), TCO = 1 (what an exception entry sets
//      with MTE). The EL1 synchronous handler prints ESR_EL1, ELR_EL1 minus
//      the address of the trapping instruction (x28), SPSR_EL1, FAR_EL1
//      (the host wrote 0x00fa_0000_0000_0fa0 before: unchanged), PSTATE.TCO
//      and DAIF in the handler, then skips the instruction. MRS
//      destinations keep their 0xdead.
//      HVC #2.
// EL2 on HVC #2: HCR_EL2 = RW|ATA (to show what the host did to the tags).
// EL1: LDG G reads 9 again (the locked-down STG was dropped), the tag-7 load
//      takes a tag-check fault to EL1 itself (EC 0x25, not to EL2), the
//      tag-9 load passes, MSR/MRS GCR_EL1 work. HVC #3: EL2 exits.

    .include "semihost.inc"
    .include "hyp.inc"
    .include "mte_b_common.inc"

    .equ RAM, 0x40000000
    .equ TAG_OFF, 0x40000000
    .equ FAR_MARK, 0x00fa000000000fa0

// TRAPPING insn: x28 = the instruction's address, then the instruction
.macro AT28 insn:vararg
    adr     x28, .Lat28\@
.Lat28\@:
    \insn
.endm

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT (SCR_NVHE | SCR_ATA)
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry

// ------------------------------------------------------------------ EL2
el2_entry:
    PUTS    "== EL2: boot, HCR_EL2 = RW|ATA ==\n"
    LA      x0, el2_vectors
    msr     vbar_el2, x0
    LA      x0, el1_vectors
    msr     vbar_el1, x0
    LI      x0, (HCR_RW | HCR_ATA)
    msr     hcr_el2, x0
    isb
    DROP_EL2 (SPSR_DAIF | SPSR_EL1H), el1_boot

// Synchronous exception from EL1 (VBAR_EL2 + 0x400): HVC calls and the
// trapped MTE register accesses. x0..x30 saved on SP_EL2.
el2_lower_sync:
    HYP_SAVE_GPRS
    mrs     x19, esr_el2
    mrs     x20, elr_el2
    mrs     x21, spsr_el2
    ubfx    x22, x19, #26, #6
    cmp     x22, #0x16
    b.eq    el2_hvc
    cmp     x22, #0x18
    b.ne    el2_bad

    PUTS    "-- EL2: EC 0x18 from EL1\n"
    PR      "   esr_el2", x19
    sub     x0, x20, x28
    PR      "   elr_el2_minus_insn", x0
    PR      "   spsr_el2", x21
    ubfx    x0, x19, #20, #2
    PR      "   iss_op0", x0
    ubfx    x0, x19, #14, #3
    PR      "   iss_op1", x0
    ubfx    x0, x19, #10, #4
    PR      "   iss_crn", x0
    ubfx    x0, x19, #1, #4
    PR      "   iss_crm", x0
    ubfx    x0, x19, #17, #3
    PR      "   iss_op2", x0
    ubfx    x0, x19, #5, #5
    PR      "   iss_rt", x0
    and     x0, x19, #1
    PR      "   iss_dir_read", x0

    // inject an UNDEF into EL1
    HYP_INJECT_UNDEF x20, x21
    PR      "   inject_spsr_el2", x0
    PUTS    "   undef injected\n"
    b       el2_return

el2_hvc:
    and     x0, x19, #0xffff
    cmp     x0, #1
    b.eq    el2_hvc_lock
    cmp     x0, #2
    b.eq    el2_hvc_unlock
    cmp     x0, #3
    b.eq    el2_hvc_exit
    b       el2_bad
el2_hvc_lock:
    PUTS    "== EL2: HVC #1, lock-down: HCR_EL2 = RW|TID5 (ATA=0) ==\n"
    LI      x0, (HCR_RW | HCR_TID5)
    msr     hcr_el2, x0
    isb
    b       el2_return
el2_hvc_unlock:
    PUTS    "== EL2: HVC #2, HCR_EL2 = RW|ATA ==\n"
    LI      x0, (HCR_RW | HCR_ATA)
    msr     hcr_el2, x0
    isb
    b       el2_return
el2_hvc_exit:
    PUTS    "done\n"
    EXIT    0

el2_return:
    HYP_RESTORE_GPRS
    eret

el2_bad:
    PUTS    "EL2: unexpected exception\n"
    PR      "esr_el2", x19
    PR      "elr_el2", x20
    EXIT    1

// ------------------------------------------------------------------ EL1
el1_boot:
    PUTS    "== EL1 host: boot ==\n"
    MTEB_ALIAS_L1 l1_table, RAM, TAG_OFF
    LI      x0, TCR_EL1_MTE
    LA      x1, l1_table
    LA      x2, l1_table
    bl      mteb_el1_on
    MTE_CTL 1, 1, 1, 1, 1
    LI      x0, 0x10000                     // RRND=1, nothing excluded
    msr     gcr_el1, x0
    mrs     x0, gcr_el1
    PR      "gcr_el1", x0
    LA      x19, hdata
    LI      x0, TAG_OFF
    add     x19, x19, x0                    // hdata through the Tagged alias
    TAGP    x9, x19, 9, 0x40                // G, tag 9
    stg     x9, [x9]
    LI      x1, 0x1234567890abcdef
    str     x1, [x9]
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_g", x0
    ldr     x0, [x9]
    PR      "ldr_g_tag9", x0
    hvc     #1

    PUTS    "== EL1 host: locked down (HCR_EL2.ATA=0, TID5=1) ==\n"
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_g", x0
    irg     x0, x19
    PR      "irg", x0
    TAGP    x10, x19, 7, 0x40               // G, tag 7
    stg     x10, [x10]
    mov     x0, #0
    ldg     x0, [x10]
    PR      "ldg_g_after_stg_tag7", x0
    ldr     x0, [x10]
    PR      "ldr_g_tag7", x0
    LI      x0, FAR_MARK
    msr     far_el1, x0

    PUTS    "-- msr gcr_el1, x1\n"
    LI      x1, 0x1ffff
    AT28    msr gcr_el1, x1
    PUTS    "-- msr rgsr_el1, x2 (PSTATE.TCO=1, NZCV=Z|C)\n"
    LI      x2, 0xabcd03
    mov     x0, #0x60000000
    msr     nzcv, x0
    msr     tco, #1
    AT28    msr rgsr_el1, x2
    PRNZCV  "nzcv_after"
    mrs     x0, tco
    PR      "tco_after", x0
    msr     tco, #0
    msr     nzcv, xzr
    PUTS    "-- mrs x3, tfsr_el1\n"
    mov     x3, #0xdead
    AT28    mrs x3, tfsr_el1
    PR      "x3", x3
    PUTS    "-- mrs x4, tfsre0_el1\n"
    mov     x4, #0xdead
    AT28    mrs x4, tfsre0_el1
    PR      "x4", x4
    PUTS    "-- mrs x5, gmid_el1 (HCR_EL2.TID5=1)\n"
    mov     x5, #0xdead
    AT28    mrs x5, gmid_el1
    PR      "x5", x5
    mrs     x0, far_el1
    PR      "far_el1", x0
    hvc     #2

    PUTS    "== EL1 host: HCR_EL2.ATA=1 again ==\n"
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_g", x0
    PUTS    "-- ldr x0, [x10] (tag 7, granule tag 9)\n"
    mov     x0, #0xdead
    AT28    ldr x0, [x10]
    PR      "x0", x0
    ldr     x0, [x9]
    PR      "ldr_g_tag9", x0
    LI      x1, 0x1fffe
    msr     gcr_el1, x1
    mrs     x0, gcr_el1
    PR      "gcr_el1", x0
    MTE_CTL 1, 0, 0, 0, 0
    hvc     #3

// Synchronous exception at EL1 with SP_EL1 (VBAR_EL1 + 0x200): the UNDEFs
// injected by EL2 and the tag-check fault.
el1_cur_sync:
    stp     x0, x1, [sp, #-16]!
    PUTS    "-- EL1: sync at EL1 (VBAR_EL1+0x200)\n"
    mrs     x0, esr_el1
    PR      "   esr_el1", x0
    mrs     x0, elr_el1
    sub     x0, x0, x28
    PR      "   elr_el1_minus_insn", x0
    mrs     x0, spsr_el1
    PR      "   spsr_el1", x0
    mrs     x0, far_el1
    PR      "   far_el1", x0
    mrs     x0, tco
    PR      "   tco", x0
    mrs     x0, daif
    PR      "   daif", x0
    mrs     x0, currentel
    PR      "   currentel", x0
    mrs     x0, elr_el1
    add     x0, x0, #4
    msr     elr_el1, x0
    ldp     x0, x1, [sp], #16
    eret

    HYP_VECTORS el2_vectors, 2, , , el2_lower_sync
    HYP_VECTORS el1_vectors, 1, , el1_cur_sync,

    .bss
    .balign 4096
l1_table:
    .skip   4096
    .balign 256
hdata:
    .skip   256
