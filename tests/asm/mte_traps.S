// a64sim-requires: mte
//
// mte_traps.S - who may access the MTE system registers (GCR_EL1, RGSR_EL1,
// TFSR_EL1, TFSRE0_EL1, TFSR_EL2, TFSR_EL12, TFSR_EL3, GMID_EL1, TCO), and
// the MTE instructions with tag access disabled by HCR_EL2.ATA or
// SCR_EL3.ATA, which do not trap.
//
// EL3 sets HCR_EL2 and SCR_EL3 for each part (CFG) and calls the EL1, EL2
// or EL0 code (include/el.inc CALL_AT). The el.inc handlers print every
// exception (vector offset, ESR, ELR, SPSR) and skip the instruction; a
// trapped MSR/MRS has EC 0x18 and the ISS Op0/Op2/Op1/CRn/Rt/CRm/Direction
// of the instruction, an UNDEF EC 0x00. MRS destinations are preset to
// 0xdead so that a trapped read shows as 0xdead.
//
//  1. EL1 writes then reads GCR_EL1, RGSR_EL1, TFSR_EL1, TFSRE0_EL1 with
//     (HCR_EL2.ATA, SCR_EL3.ATA) = (0,1): EC 0x18 to EL2; (1,0): to EL3;
//     (0,0): to EL2 (the EL2 trap has priority); (1,1): no trap, the values
//     written are read back.
//  2. EL1: TFSR_EL2, TFSR_EL12, TFSR_EL3 are UNDEFINED (EC 0x00 at EL1),
//     also with both ATA bits 0.
//  3. GMID_EL1 at EL1: trapped by HCR_EL2.TID5 (EC 0x18 to EL2), else read
//     (BS = 6 in QEMU's max CPU: LDGM/STGM work on 256 bytes), also with
//     both ATA bits 0; at EL2.
//  4. EL2 with E2H=0: all four EL1 registers and TFSR_EL2 accessible with
//     SCR_EL3.ATA=1, trapped to EL3 with SCR_EL3.ATA=0; TFSR_EL12 (E2H=0)
//     and TFSR_EL3 UNDEFINED at EL2 either way.
//  5. EL2 host (E2H=1, TGE=1, HCR_EL2.ATA=0): HCR_EL2.ATA does not apply;
//     TFSR_EL1 names TFSR_EL2, TFSR_EL12 names TFSR_EL1; an EL0 MRS GCR_EL1
//     is UNDEFINED and taken to EL2; with SCR_EL3.ATA=0 the accesses at
//     EL2 trap to EL3. At EL3: TFSR_EL12 reaches TFSR_EL1 with E2H=1 and is
//     UNDEFINED with E2H=0; TFSR_EL3 read and written.
//  6. EL0 (E2H=0, TGE=0): GCR_EL1, RGSR_EL1, TFSR_EL1, TFSRE0_EL1 are
//     UNDEFINED (EC 0x00 to EL1); GMID_EL1 is in the ID register space
//     (op0=3, CRn=0), so with FEAT_IDST (QEMU's max CPU has it) its EL0 read
//     is trapped to EL1 with EC 0x18 instead; PSTATE.TCO is read and written
//     (MSR TCO, #imm and MSR TCO, Xt); LDGM and STGM are UNDEFINED at EL0.
//  7. EL1 with its MMU on (a Tagged 1 GiB alias of the RAM at VA
//     0x8000_0000, SCTLR_EL1.ATA=1, TCF=01): with HCR_EL2.ATA=0, and then
//     with SCR_EL3.ATA=0, the tag instructions execute without a trap: LDG
//     reads tag 0, STG and STGM are ignored, IRG and ADDG give tag 0 (GCR_EL1
//     excludes every tag but 0xb), LDGM reads 0, a load with a wrong tag is
//     not checked; with both ATA bits 1 again LDG/LDGM show the tags written
//     before (9), IRG gives 0xb and the wrong-tag load takes a tag-check
//     fault.

    .include "semihost.inc"
    .include "el.inc"
    .include "mte_b_common.inc"

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

// CFG hcr, scr: HCR_EL2 and SCR_EL3 (from EL3; clobbers x0)
.macro CFG hcr, scr
    LI      x0, \hcr
    msr     hcr_el2, x0
    LI      x0, \scr
    msr     scr_el3, x0
    isb
.endm

// T "description", insn...: print the description, execute the instruction.
.macro T desc, insn:vararg
    PUTS    "-- \desc"
    NL
    \insn
.endm

    .equ SCR_A, (SCR_DEFAULT | SCR_ATA)
    .equ SCR_N, SCR_DEFAULT
    .equ RAM, 0x40000000
    .equ TAG_OFF, 0x40000000
    .equ DEAD, 0xdead

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    // EL1 stage 1 for part 7 (written with the MMU off)
    MTEB_ALIAS_L1 l1_table, RAM, TAG_OFF

    PUTS    "== 1. EL1: HCR_EL2.ATA=0, SCR_EL3.ATA=1 (EC 0x18 to EL2) ==\n"
    CFG     HCR_RW, SCR_A
    MARK
    CALL_AT 3, SPSR_EL1H, el1_regs
    PR_COUNT "exceptions"
    PUTS    "== 1. EL1: HCR_EL2.ATA=1, SCR_EL3.ATA=0 (EC 0x18 to EL3) ==\n"
    CFG     (HCR_RW | HCR_ATA), SCR_N
    MARK
    CALL_AT 3, SPSR_EL1H, el1_regs
    PR_COUNT "exceptions"
    PUTS    "== 1. EL1: HCR_EL2.ATA=0, SCR_EL3.ATA=0 (EL2 first) ==\n"
    CFG     HCR_RW, SCR_N
    MARK
    CALL_AT 3, SPSR_EL1H, el1_regs
    PR_COUNT "exceptions"
    PUTS    "== 1. EL1: HCR_EL2.ATA=1, SCR_EL3.ATA=1 (accessible) ==\n"
    CFG     (HCR_RW | HCR_ATA), SCR_A
    MARK
    CALL_AT 3, SPSR_EL1H, el1_regs
    PR_COUNT "exceptions"

    PUTS    "== 2. EL1: TFSR_EL2, TFSR_EL12, TFSR_EL3 (both ATA=1) ==\n"
    MARK
    CALL_AT 3, SPSR_EL1H, el1_undef
    PR_COUNT "exceptions"
    PUTS    "== 2. EL1: TFSR_EL2, TFSR_EL12, TFSR_EL3 (both ATA=0) ==\n"
    CFG     HCR_RW, SCR_N
    MARK
    CALL_AT 3, SPSR_EL1H, el1_undef
    PR_COUNT "exceptions"

    PUTS    "== 3. GMID_EL1 at EL1, HCR_EL2.TID5=1 ==\n"
    CFG     (HCR_RW | HCR_ATA | HCR_TID5), SCR_A
    MARK
    CALL_AT 3, SPSR_EL1H, el1_gmid
    PR_COUNT "exceptions"
    PUTS    "== 3. GMID_EL1 at EL1, TID5=0, both ATA=0 ==\n"
    CFG     HCR_RW, SCR_N
    MARK
    CALL_AT 3, SPSR_EL1H, el1_gmid
    PR_COUNT "exceptions"
    PUTS    "== 3. GMID_EL1 at EL2, HCR_EL2.TID5=1 ==\n"
    CFG     (HCR_RW | HCR_TID5), SCR_N
    MARK
    CALL_AT 3, SPSR_EL2H, el2_gmid
    PR_COUNT "exceptions"

    PUTS    "== 4. EL2 (E2H=0), SCR_EL3.ATA=1 ==\n"
    CFG     HCR_RW, SCR_A
    MARK
    CALL_AT 3, SPSR_EL2H, el2_regs
    PR_COUNT "exceptions"
    PUTS    "== 4. EL2 (E2H=0), SCR_EL3.ATA=0 (EC 0x18 to EL3) ==\n"
    CFG     HCR_RW, SCR_N
    MARK
    CALL_AT 3, SPSR_EL2H, el2_regs
    PR_COUNT "exceptions"

    PUTS    "== 5. EL2 host (E2H=1, TGE=1, HCR_EL2.ATA=0), SCR_EL3.ATA=1 ==\n"
    CFG     (HCR_RW | HCR_E2H_BIT | HCR_TGE_BIT), SCR_A
    msr     tfsr_el1, xzr
    msr     tfsr_el2, xzr
    MARK
    CALL_AT 3, SPSR_EL2H, el2_host
    PR_COUNT "exceptions"
    mrs     x0, tfsr_el1
    PR      "el3_tfsr_el1", x0
    mrs     x0, tfsr_el2
    PR      "el3_tfsr_el2", x0
    LI      x1, 0xdead
    mrs     x1, tfsr_el12
    PR      "el3_tfsr_el12_e2h1", x1
    mov     x0, #1
    msr     tfsr_el12, x0
    mrs     x0, tfsr_el1
    PR      "el3_tfsr_el1_after_msr_tfsr_el12_1", x0
    PUTS    "== 5. EL2 host, SCR_EL3.ATA=0 (EC 0x18 to EL3) ==\n"
    CFG     (HCR_RW | HCR_E2H_BIT | HCR_TGE_BIT), SCR_N
    MARK
    CALL_AT 3, SPSR_EL2H, el2_host_trapped
    PR_COUNT "exceptions"
    PUTS    "== 5. EL3: TFSR_EL12 with E2H=0, TFSR_EL3 ==\n"
    CFG     HCR_RW, SCR_A
    LI      x1, 0xdead
    T "mrs x1, tfsr_el12 (E2H=0)", mrs x1, tfsr_el12
    PR      "x1", x1
    mov     x0, #1
    msr     tfsr_el3, x0
    mrs     x0, tfsr_el3
    PR      "tfsr_el3", x0
    msr     tfsr_el3, xzr
    mrs     x0, tfsr_el3
    PR      "tfsr_el3", x0

    PUTS    "== 6. EL0 (both ATA=1) ==\n"
    CFG     (HCR_RW | HCR_ATA), SCR_A
    MARK
    CALL_AT 3, SPSR_EL1H, el1_run_el0
    PR_COUNT "exceptions"

    PUTS    "== 7. EL1 tag instructions, both ATA=1: tags 9 written ==\n"
    CFG     (HCR_RW | HCR_ATA), SCR_A
    CALL_AT 3, SPSR_EL1H, el1_seed
    PUTS    "== 7. HCR_EL2.ATA=0: no traps, no tag access, no checks ==\n"
    CFG     HCR_RW, SCR_A
    MARK
    CALL_AT 3, SPSR_EL1H, el1_noata
    PR_COUNT "exceptions"
    PUTS    "== 7. SCR_EL3.ATA=0 ==\n"
    CFG     (HCR_RW | HCR_ATA), SCR_N
    MARK
    CALL_AT 3, SPSR_EL1H, el1_noata
    PR_COUNT "exceptions"
    PUTS    "== 7. both ATA=1 again ==\n"
    CFG     (HCR_RW | HCR_ATA), SCR_A
    MARK
    CALL_AT 3, SPSR_EL1H, el1_check
    PR_COUNT "exceptions"

    CFG     HCR_RW, SCR_N
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL1
el1_regs:
    LI      x1, 0x1a5a5                     // RRND=1, Exclude=0xa5a5
    LI      x2, 0xabcd03                    // SEED=0xabcd, TAG=3
    mov     x3, #3                          // TF1, TF0
    mov     x4, #1                          // TF0
    T "msr gcr_el1, x1", msr gcr_el1, x1
    T "msr rgsr_el1, x2", msr rgsr_el1, x2
    T "msr tfsr_el1, x3", msr tfsr_el1, x3
    T "msr tfsre0_el1, x4", msr tfsre0_el1, x4
    mov     x5, #DEAD
    mov     x6, #DEAD
    mov     x7, #DEAD
    mov     x8, #DEAD
    T "mrs x5, gcr_el1", mrs x5, gcr_el1
    T "mrs x6, rgsr_el1", mrs x6, rgsr_el1
    T "mrs x7, tfsr_el1", mrs x7, tfsr_el1
    T "mrs x8, tfsre0_el1", mrs x8, tfsre0_el1
    PR      "gcr_el1", x5
    PR      "rgsr_el1", x6
    PR      "tfsr_el1", x7
    PR      "tfsre0_el1", x8
    RET_SMC

el1_undef:
    mov     x5, #DEAD
    T "mrs x5, tfsr_el2", mrs x5, tfsr_el2
    T "msr tfsr_el2, xzr", msr tfsr_el2, xzr
    T "mrs x5, tfsr_el12", mrs x5, tfsr_el12
    T "mrs x5, tfsr_el3", mrs x5, tfsr_el3
    PR      "x5", x5
    RET_SMC

el1_gmid:
    mov     x5, #DEAD
    T "mrs x5, gmid_el1", mrs x5, gmid_el1
    PR      "x5", x5
    RET_SMC

// EL0 part: run el0_body, then print its records
el1_run_el0:
    LA      x0, rec
    CALL_AT 1, SPSR_EL0T, el0_body
    LA      x9, rec
    ldr     x0, [x9]
    PR      "el0_gcr_el1", x0
    ldr     x0, [x9, #8]
    PR      "el0_gmid_el1", x0
    ldr     x0, [x9, #16]
    PR      "el0_tco_initial", x0
    ldr     x0, [x9, #24]
    PR      "el0_tco_after_msr_tco_imm1", x0
    ldr     x0, [x9, #32]
    PR      "el0_tco_after_msr_tco_xzr", x0
    ldr     x0, [x9, #40]
    PR      "el0_tco_after_msr_tco_x", x0
    ldr     x0, [x9, #48]
    PR      "el0_ldgm_x5", x0
    RET_SMC

// ------------------------------------------------------------ EL0
// x0 = record area (MMU off: Device memory, aligned stores only)
el0_body:
    mov     x5, #DEAD
    mrs     x5, gcr_el1
    str     x5, [x0]
    msr     gcr_el1, xzr
    mrs     x5, rgsr_el1
    mrs     x5, tfsr_el1
    msr     tfsre0_el1, xzr
    mov     x5, #DEAD
    mrs     x5, gmid_el1
    str     x5, [x0, #8]
    mrs     x5, tco
    str     x5, [x0, #16]
    msr     tco, #1
    mrs     x5, tco
    str     x5, [x0, #24]
    msr     tco, xzr
    mrs     x5, tco
    str     x5, [x0, #32]
    mov     x6, #(1 << 25)
    msr     tco, x6
    mrs     x5, tco
    str     x5, [x0, #40]
    msr     tco, #0
    mov     x5, #DEAD
    ldgm    x5, [x0]
    str     x5, [x0, #48]
    stgm    xzr, [x0]
    RET_SVC

// ------------------------------------------------------------ EL2
el2_gmid:
    mrs     x5, gmid_el1
    PR      "el2_gmid_el1", x5
    RET_SMC

el2_regs:
    LI      x1, 0x10003                     // RRND=1, Exclude=0x0003
    LI      x2, 0x123405                    // SEED=0x1234, TAG=5
    T "msr gcr_el1, x1", msr gcr_el1, x1
    T "msr rgsr_el1, x2", msr rgsr_el1, x2
    mov     x3, #2
    T "msr tfsr_el1, x3 (x3 = 2)", msr tfsr_el1, x3
    mov     x3, #1
    T "msr tfsre0_el1, x3 (x3 = 1)", msr tfsre0_el1, x3
    mov     x3, #3
    T "msr tfsr_el2, x3 (x3 = 3)", msr tfsr_el2, x3
    mov     x5, #DEAD
    mov     x6, #DEAD
    mov     x7, #DEAD
    mov     x8, #DEAD
    mov     x9, #DEAD
    T "mrs x5, gcr_el1", mrs x5, gcr_el1
    T "mrs x6, rgsr_el1", mrs x6, rgsr_el1
    T "mrs x7, tfsr_el1", mrs x7, tfsr_el1
    T "mrs x8, tfsre0_el1", mrs x8, tfsre0_el1
    T "mrs x9, tfsr_el2", mrs x9, tfsr_el2
    PR      "gcr_el1", x5
    PR      "rgsr_el1", x6
    PR      "tfsr_el1", x7
    PR      "tfsre0_el1", x8
    PR      "tfsr_el2", x9
    mov     x10, #DEAD
    T "mrs x10, tfsr_el12 (E2H=0)", mrs x10, tfsr_el12
    T "mrs x10, tfsr_el3", mrs x10, tfsr_el3
    PR      "x10", x10
    RET_SMC

// E2H=1, TGE=1, SCR_EL3.ATA=1
el2_host:
    LI      x1, 0x1fffe                     // RRND=1, Exclude=0xfffe
    msr     gcr_el1, x1
    mrs     x5, gcr_el1
    PR      "gcr_el1", x5
    mov     x1, #1
    msr     tfsr_el1, x1                    // TFSR_EL2
    mov     x1, #2
    msr     tfsr_el12, x1                   // TFSR_EL1
    mrs     x5, tfsr_el1
    PR      "tfsr_el1_name", x5
    mrs     x5, tfsr_el2
    PR      "tfsr_el2_name", x5
    mrs     x5, tfsr_el12
    PR      "tfsr_el12_name", x5
    mov     x1, #3
    msr     tfsr_el2, x1
    mrs     x5, tfsr_el1
    PR      "tfsr_el1_name_after_msr_tfsr_el2", x5
    mrs     x5, tfsre0_el1
    PR      "tfsre0_el1", x5
    PUTS    "-- EL0: mrs x5, gcr_el1\n"
    LA      x0, rec
    CALL_AT 2, SPSR_EL0T, el0_gcr
    LA      x9, rec
    ldr     x0, [x9, #56]
    PR      "el0_gcr_el1", x0
    RET_SMC

el0_gcr:
    mov     x5, #DEAD
    mrs     x5, gcr_el1
    str     x5, [x0, #56]
    RET_SVC

// E2H=1, TGE=1, SCR_EL3.ATA=0
el2_host_trapped:
    mov     x5, #DEAD
    T "mrs x5, gcr_el1", mrs x5, gcr_el1
    T "mrs x5, tfsr_el1 (TFSR_EL2)", mrs x5, tfsr_el1
    T "msr tfsr_el12, xzr (TFSR_EL1)", msr tfsr_el12, xzr
    T "mrs x5, tfsr_el2", mrs x5, tfsr_el2
    PR      "x5", x5
    RET_SMC

// ------------------------------------------------------------ EL1, MMU on
el1_mmu_on:
    str     x30, [sp, #-16]!
    LI      x0, TCR_EL1_MTE
    LA      x1, l1_table
    LA      x2, l1_table
    bl      mteb_el1_on
    MTE_CTL 1, 1, 1, 1, 1
    LA      x19, tdata
    LI      x0, TAG_OFF
    add     x19, x19, x0                    // tdata through the Tagged alias
    ldr     x30, [sp], #16
    ret

el1_mmu_off:
    str     x30, [sp, #-16]!
    MTE_CTL 1, 0, 0, 0, 0
    bl      mteb_el1_off
    ldr     x30, [sp], #16
    ret

// tags of tdata+0x40..0x7f = 9; GCR_EL1 excludes every tag but 0xb
el1_seed:
    bl      el1_mmu_on
    LI      x0, 0xf7ff                      // RRND=0, Exclude = all but 0xb
    msr     gcr_el1, x0
    TAGP    x0, x19, 9, 0x40
    mov     x1, #0x40
    bl      mteb_stg_range
    TAGP    x9, x19, 9, 0x40
    LI      x1, 0x5eed5eed5eed5eed
    str     x1, [x9]
    mov     x0, #0
    ldg     x0, [x19, #0x40]
    PR      "ldg", x0
    ldgm    x0, [x19]
    PR      "ldgm", x0
    bl      el1_mmu_off
    RET_SMC

el1_noata:
    bl      el1_mmu_on
    mov     x0, #0
    ldg     x0, [x19, #0x40]
    PR      "ldg", x0
    TAGP    x9, x19, 7, 0x40
    stg     x9, [x9]
    st2g    x9, [x9, #0x10]
    LI      x1, 0x7777777777777777
    stgm    x1, [x19]
    mov     x0, #DEAD
    ldgm    x0, [x19]
    PR      "ldgm", x0
    irg     x0, x19
    PR      "irg", x0
    addg    x0, x19, #16, #1
    PR      "addg_16_1", x0
    ldr     x0, [x9]
    PR      "ldr_tag7", x0
    bl      el1_mmu_off
    RET_SMC

el1_check:
    bl      el1_mmu_on
    mov     x0, #0
    ldg     x0, [x19, #0x40]
    PR      "ldg", x0
    ldgm    x0, [x19]
    PR      "ldgm", x0
    irg     x0, x19
    PR      "irg", x0
    addg    x0, x19, #16, #1
    PR      "addg_16_1", x0
    TAGP    x9, x19, 7, 0x40
    T "ldr, tag 7 (granule tag 9)", ldr x0, [x9]
    bl      el1_mmu_off
    RET_SMC

    .bss
    .balign 4096
l1_table:
    .skip   4096
    .balign 256
tdata:
    .skip   256
    .balign 16
rec:
    .skip   64
