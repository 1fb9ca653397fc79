// difftest_case.S - the template of the random differential-testing
// campaigns: a test runner loads a PARAMS block and a block of instructions
// (CASE_CODE), the template runs them at the requested EL and translation
// setup, logs every exception they take, and prints the final state.
//
// Memory (identity mapped when the MMU is on; nothing of the image is in
// 0x4400_0000..0x443f_ffff):
//   0x4400_0000  PARAMS, u64 words, written by the runner before the run:
//                [0] magic 0x3146_4944_3436_4136 (bytes "6A64DIF1"); without
//                    it the built-in default case below runs
//                [1] EL of the case: 0..3 (EL1..EL3 run on SP_ELx, EL0 on SP_EL0)
//                [2] flags: bit 0 MMU (stage 1 of the case's regime), bit 1
//                    stage 2 (EL0/EL1 only: HCR_EL2.VM, identity, Normal WB),
//                    bit 2 MTE (SCR_EL3.ATA, HCR_EL2.ATA, SCTLR_ELx.ATA/ATA0,
//                    TCF/TCF0 = synchronous, TBI for the low range, SCRATCH
//                    mapped Tagged)
//                [3] initial NZCV (bits 31:28)   [4..34] x0..x30   [35] SP
//   0x4410_0000  CASE_CODE (64 KiB), ends with BRK #0xDF00 (0xD43BE000)
//   0x4420_0000  SCRATCH (64 KiB): dword i = i * 0x9e3779b97f4a7c15 +
//                0x0123456789abcdef; with MTE granule g has tag (5g + 1) & 15
// Translation (flags bit 0): 4 KiB granule, T0SZ = 32, RAM 0x4000_0000..
// 0x5fff_ffff identity Normal WB (2 MiB blocks, 4 KiB pages around
// CASE_CODE and SCRATCH), everything else translation fault. In the EL1&0
// regime the template's RAM is EL1-only and never EL0-executable; CASE_CODE
// is RWX for the case's EL only; SCRATCH is RW (never executable) for the
// case's EL and, for an EL0 case, EL0 (AP=01). EL2 and EL3 regimes: RAM and
// CASE_CODE RWX, SCRATCH RW XN.
//
// The case starts by an ERET from EL3 with x0..x30 and SP from PARAMS,
// PSTATE = the EL, SPSel = 1 (0 for EL0), DAIF = 1111, NZCV from PARAMS,
// every other PSTATE field 0.
//
// Exceptions. Every vector of EL1, EL2 and EL3 switches to a private stack
// without touching memory through the interrupted SP (SP and x0 are swapped
// arithmetically, with TPIDR_ELx as a one-word scratch; TPIDR_EL1/2/3 read 0
// by the case), saves x0..x30, and logs {ESR, ELR - 0x4410_0000, FAR, EL}
// (at most 64 entries; every exception is counted). IRQ and FIQ write
// ESR = 1 << 63 | vector offset instead of ESR_ELx. FAR is logged for
// instruction/data aborts (EC 0x20/0x21/0x24/0x25, unless ISS.FnV), PC
// alignment (0x22) and watchpoints (0x34/0x35), else 0; for a tag-check
// fault (DFSC 0x11) bits 63:60, which are UNKNOWN, are cleared. The handler
// returns to ELR + 4 for synchronous exceptions other than SVC, HVC and SMC
// taken to EL3 (ELR already past them) and to ELR for IRQ/FIQ/SError, with
// the saved SPSR except IL (cleared, so that an illegal-state exception does
// not repeat forever), and every register of the case restored.
// The case ends on BRK #0xDF00 (not logged), on the 65th exception, or on a
// synchronous exception whose ELR is outside CASE_CODE: the handler records
// the registers, SP and SPSR of the case and reaches EL3 (by SMC from EL1 or
// EL2) which prints the final state (see dt_dump) and exits with status 0.
//
// Without the magic (the image run alone): EL1, MMU on, MTE on, no stage 2,
// x<i> = 0x1000 * i + i, NZCV = 0, SP = 0x4420_8000, and dt_default_case
// copied to CASE_CODE.
//
// Output (PR lines, always in this order; NN = 00..63, decimal):
//   cfg_el cfg_flags cfg_default          the configuration (1 = built-in case)
//   end end_elr end_handler_el            0 BRK #0xDF00, 1 65th exception,
//                                         2 runaway; ELR - CASE; EL of the handler
//   x0 .. x30 sp                          at the end (sp: SP_EL0 or SP_ELx per SPSel)
//   nzcv el spsel daif spsr               PSTATE at the end (from the SPSR)
//   exc_count, then per logged exception: eNN_esr eNN_elr eNN_far eNN_el
//   tpidr_el0 tpidrro_el0 sp_el0 par_el1 rgsr_el1 gcr_el1 tfsr_el1
//   tfsre0_el1 tfsr_el2 tfsr_el3
//   scratch_cksum                         CKSUM of the 64 KiB of SCRATCH
//   scratch_tags                          CKSUM of its 4096 tags (LDG at EL3),
//                                         16 per dword, granule 16k+j in bits 4j+3:4j
//   done
// The initial values of the registers in that list: 0, except RGSR_EL1 =
// 0x9e3700 (SEED 0x9e37); SCTLR_ELx.SA/SA0/A = 0, FP/SIMD traps at every EL
// (CPACR_EL1, CPTR_EL2.TFP, CPTR_EL3.TFP), WFI traps at EL0/EL1/EL2
// (SCTLR_EL1.nTWI = 0, HCR_EL2.TWI, SCR_EL3.TWI), WFE is never trapped,
// SCTLR_EL1.DZE = 1 and UMA = UCT = UCI = 0, PAN/UAO/TCO = 0 at the start.
//
// A case must not: change the template's control registers (VBAR_ELx,
// SCTLR_ELx, TCR/TTBR/MAIR_ELx, HCR_EL2, VTCR/VTTBR_EL2, SCR_EL3, CPTR_ELx,
// CPACR_EL1, MDCR_ELx, GCR_EL1.RRND), store into the template's RAM
// (0x4020_0000 up; with the MMU off or at EL1 and above nothing stops it),
// execute ERET, HLT #0xF000 (semihosting), WFI at EL3 or WFE (hang), or read
// counters, timers, RNDR, PMU or ID registers. It may write SP (the handlers
// never use it) and TPIDR_EL1/2/3 (every exception taken to ELx sets
// TPIDR_ELx to 0).

    .include "semihost.inc"
    .include "difftest_defs.inc"

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

    .equ DT_FRAME, 272                   // x0..x30, S (interrupted SP), vector index
    .equ FR_S,   248
    .equ FR_VEC, 256
    .equ DT_HSTACK, 4096

    .text
    .global _start
_start:
    SETUP
    bl      dt_load_params
    bl      dt_build_tables
    bl      dt_sysinit
    bl      dt_el3_mmu_setup             // EL3 MMU on, SCRATCH Tagged
    bl      dt_fill_scratch
    LA      x19, dt_prm
    ldr     x0, [x19, #P_FLAGS]
    tbz     x0, #2, 1f
    bl      dt_tag_scratch
1:  bl      dt_copy_default
    b       dt_enter

// ------------------------------------------------------------ PARAMS

// dt_prm = PARAMS (magic present) or the defaults; dt_default = 1 for defaults.
dt_load_params:
    LA      x0, dt_prm
    LI      x1, DT_PARAMS
    ldr     x2, [x1]
    LI      x3, DT_MAGIC
    cmp     x2, x3
    b.ne    2f
    mov     x4, #P_WORDS
1:  ldr     x2, [x1], #8
    str     x2, [x0], #8
    sub     x4, x4, #1
    cbnz    x4, 1b
    LA      x0, dt_prm
    ldr     x1, [x0, #P_EL]
    cmp     x1, #3
    b.hi    dt_bad_params
    ret
2:  str     x3, [x0, #P_MAGIC]
    mov     x1, #DT_DEF_EL
    str     x1, [x0, #P_EL]
    mov     x1, #DT_DEF_FLAGS
    str     x1, [x0, #P_FLAGS]
    str     xzr, [x0, #P_NZCV]
    add     x2, x0, #P_X0
    mov     x1, #0                       // x<i> = 0x1000 * i + i = 0x1001 * i
    mov     x3, #0x1001
    mov     x4, #31
3:  str     x1, [x2], #8
    add     x1, x1, x3
    sub     x4, x4, #1
    cbnz    x4, 3b
    LI      x1, DT_DEF_SP
    str     x1, [x0, #P_SP]
    LA      x0, dt_default
    mov     x1, #1
    str     x1, [x0]
    ret

dt_bad_params:
    PR      "difftest_bad_el", x1
    EXIT    1

// ------------------------------------------------------------ tables

// dt_s1: x0 = L1, x1 = L2, x2 = L3 of 0x4400_0000, x3 = L3 of 0x4420_0000,
// x4 = RAM attributes, x5 = CASE_CODE attributes, x6 = SCRATCH attributes.
// Tables are zero (.bss). Clobbers x7-x10.
dt_s1:
    orr     x7, x1, #3
    str     x7, [x0, #8]                 // L1[1]: 0x4000_0000..0x7fff_ffff
    mov     x8, #0
    mov     x9, #0x40000000
1:  orr     x7, x9, x4
    orr     x7, x7, #1                   // 2 MiB block
    str     x7, [x1, x8, lsl #3]
    add     x8, x8, #1
    add     x9, x9, #0x200000
    cmp     x8, #256                     // up to 0x5fff_ffff
    b.lo    1b
    orr     x7, x2, #3
    str     x7, [x1, #(32 * 8)]          // 0x4400_0000
    orr     x7, x3, #3
    str     x7, [x1, #(33 * 8)]          // 0x4420_0000
    mov     x8, #0
    LI      x9, 0x44000000
2:  sub     x10, x8, #256                // pages 256..271: CASE_CODE
    cmp     x10, #16
    csel    x10, x5, x4, lo
    orr     x7, x9, x10
    orr     x7, x7, #3                   // page
    str     x7, [x2, x8, lsl #3]
    add     x8, x8, #1
    add     x9, x9, #0x1000
    cmp     x8, #512
    b.lo    2b
    mov     x8, #0
    LI      x9, 0x44200000
3:  cmp     x8, #16                      // pages 0..15: SCRATCH
    csel    x10, x6, x4, lo
    orr     x7, x9, x10
    orr     x7, x7, #3
    str     x7, [x3, x8, lsl #3]
    add     x8, x8, #1
    add     x9, x9, #0x1000
    cmp     x8, #512
    b.lo    3b
    ret

// Set A: the case's regime (EL1&0 for EL0/EL1, EL2 for EL2; unused for EL3),
// set B: the EL3 regime (the EL3 case, and the template's setup and dump),
// stage 2: identity 2 MiB blocks over the RAM.
dt_build_tables:
    str     x30, [sp, #-16]!
    LA      x0, dt_prm
    ldr     x11, [x0, #P_EL]
    LI      x4, AX_RAM
    mov     x5, x4
    LI      x6, AX_SCR
    cmp     x11, #2
    b.eq    2f
    LI      x4, A1_RAM
    LI      x5, A1_CODE_EL1
    LI      x6, A1_SCR_EL1
    cbnz    x11, 2f
    LI      x5, A1_CODE_EL0
    LI      x6, A1_SCR_EL0
2:  LA      x0, dt_ta_l1
    LA      x1, dt_ta_l2
    LA      x2, dt_ta_l3a
    LA      x3, dt_ta_l3b
    bl      dt_s1
    LI      x4, AX_RAM
    mov     x5, x4
    LI      x6, AX_SCR
    LA      x0, dt_tb_l1
    LA      x1, dt_tb_l2
    LA      x2, dt_tb_l3a
    LA      x3, dt_tb_l3b
    bl      dt_s1
    // stage 2
    LA      x0, dt_s2_l1
    LA      x1, dt_s2_l2
    orr     x7, x1, #3
    str     x7, [x0, #8]
    mov     x8, #0
    mov     x9, #0x40000000
    LI      x4, S2_BLOCK
3:  orr     x7, x9, x4
    str     x7, [x1, x8, lsl #3]
    add     x8, x8, #1
    add     x9, x9, #0x200000
    cmp     x8, #256
    b.lo    3b
    dsb     sy
    ldr     x30, [sp], #16
    ret

// ------------------------------------------------------------ system registers

// Every register the case's behaviour depends on, for EL0..EL3. x19 = dt_prm,
// x20 = EL, x21 = flags.
dt_sysinit:
    LA      x19, dt_prm
    ldr     x20, [x19, #P_EL]
    ldr     x21, [x19, #P_FLAGS]
    // SCR_EL3, HCR_EL2
    LI      x0, DT_SCR
    tbz     x21, #2, 1f
    orr     x0, x0, #SCR_ATA
1:  msr     scr_el3, x0
    LI      x0, DT_HCR
    tbz     x21, #2, 2f
    orr     x0, x0, #HCR_ATA
2:  cmp     x20, #1
    b.hi    3f
    tbz     x21, #1, 3f
    orr     x0, x0, #HCR_VM
3:  msr     hcr_el2, x0
    // traps and controls of the lower ELs
    LI      x0, DT_CPTR_EL3
    msr     cptr_el3, x0
    LI      x0, DT_CPTR_EL2
    msr     cptr_el2, x0
    msr     cpacr_el1, xzr
    msr     hstr_el2, xzr
    mrs     x0, mdcr_el2
    bic     x0, x0, #(1 << 8)            // TDE
    msr     mdcr_el2, x0
    msr     mdscr_el1, xzr
    msr     cnthctl_el2, xzr
    msr     cntkctl_el1, xzr
    msr     cntvoff_el2, xzr
    // SCTLR_EL1 / EL2 (EL3 in dt_enter)
    LI      x0, DT_SCTLR_EL1
    LI      x1, DT_SCTLR_EL1_MTE
    tbz     x21, #2, 4f
    orr     x0, x0, x1
4:  cmp     x20, #1
    b.hi    5f
    tbz     x21, #0, 5f
    mov     x1, #SCTLR_MCI
    orr     x0, x0, x1
5:  msr     sctlr_el1, x0
    LI      x0, DT_SCTLR_X
    LI      x1, DT_SCTLR_X_MTE
    tbz     x21, #2, 6f
    orr     x0, x0, x1
6:  cmp     x20, #2
    b.ne    7f
    tbz     x21, #0, 7f
    mov     x1, #SCTLR_MCI
    orr     x0, x0, x1
7:  msr     sctlr_el2, x0
    // MAIR, TCR, TTBR, stage 2
    LI      x0, DT_MAIR_NOTAG
    tbz     x21, #2, 8f
    LI      x0, DT_MAIR_TAG
8:  msr     mair_el1, x0
    msr     mair_el2, x0
    LI      x0, DT_TCR_EL1
    LI      x1, DT_TCR_X
    tbz     x21, #2, 9f
    LI      x2, TCR_TBI0
    orr     x0, x0, x2
    orr     x1, x1, #TCRX_TBI
9:  msr     tcr_el1, x0
    msr     tcr_el2, x1
    LA      x0, dt_ta_l1
    msr     ttbr0_el1, x0
    msr     ttbr1_el1, xzr
    msr     ttbr0_el2, x0
    LI      x0, DT_VTCR
    msr     vtcr_el2, x0
    LA      x0, dt_s2_l1
    orr     x0, x0, #DT_VMID
    msr     vttbr_el2, x0
    // vectors
    LA      x0, dt_vectors_el1
    msr     vbar_el1, x0
    LA      x0, dt_vectors_el2
    msr     vbar_el2, x0
    // registers a case may read or change, and the handlers' scratch
    msr     tpidr_el0, xzr
    msr     tpidrro_el0, xzr
    msr     tpidr_el1, xzr
    msr     tpidr_el2, xzr
    msr     tpidr_el3, xzr
    msr     contextidr_el1, xzr
    msr     par_el1, xzr
    msr     elr_el1, xzr
    msr     spsr_el1, xzr
    msr     esr_el1, xzr
    msr     far_el1, xzr
    msr     elr_el2, xzr
    msr     spsr_el2, xzr
    msr     esr_el2, xzr
    msr     far_el2, xzr
    msr     sp_el0, xzr
    msr     sp_el1, xzr
    msr     sp_el2, xzr
    msr     gcr_el1, xzr                 // RRND = 0: IRG uses RGSR_EL1's LFSR
    LI      x0, DT_RGSR_INIT
    msr     rgsr_el1, x0
    msr     tfsr_el1, xzr
    msr     tfsre0_el1, xzr
    msr     tfsr_el2, xzr
    msr     tfsr_el3, xzr
    isb
    tlbi    alle1
    tlbi    alle2
    tlbi    alle3
    dsb     sy
    isb
    ret

// EL3 MMU on through set B with SCRATCH Tagged and tag access at EL3 (the
// setup and the dump). Clobbers x0.
dt_el3_mmu_setup:
    LI      x0, DT_SCTLR_X
    msr     sctlr_el3, x0
    isb
    LI      x0, DT_MAIR_TAG
    msr     mair_el3, x0
    LI      x0, (DT_TCR_X | TCRX_TBI)
    msr     tcr_el3, x0
    LA      x0, dt_tb_l1
    msr     ttbr0_el3, x0
    isb
    tlbi    alle3
    dsb     sy
    isb
    LI      x0, (DT_SCTLR_X | SCTLR_MCI | SCTLR_ATA)
    msr     sctlr_el3, x0
    isb
    ret

// ------------------------------------------------------------ SCRATCH

dt_fill_scratch:
    LI      x0, DT_SCRATCH
    LI      x1, DT_FILL_MUL
    LI      x2, DT_FILL_ADD              // value of dword 0
    mov     x3, #(DT_SCRATCH_SIZE / 8)
1:  str     x2, [x0], #8
    add     x2, x2, x1
    sub     x3, x3, #1
    cbnz    x3, 1b
    ret

// STG of every granule: tag (5g + 1) & 15 (EL3, set B, SCTLR_EL3.ATA = 1).
dt_tag_scratch:
    LI      x0, DT_SCRATCH
    mov     x1, #0                       // g
    mov     x3, #(DT_SCRATCH_SIZE / 16)
1:  add     x2, x1, x1, lsl #2
    add     x2, x2, #1
    and     x2, x2, #15
    orr     x2, x0, x2, lsl #56
    stg     x2, [x2]
    add     x0, x0, #16
    add     x1, x1, #1
    cmp     x1, x3
    b.lo    1b
    dsb     sy
    ret

// The built-in case, when PARAMS had no magic.
dt_copy_default:
    LA      x0, dt_default
    ldr     x0, [x0]
    cbz     x0, 2f
    LA      x0, dt_default_case
    LA      x1, dt_default_case_end
    LI      x2, DT_CASE
1:  ldr     w3, [x0], #4
    str     w3, [x2]
    dc      cvau, x2
    add     x2, x2, #4
    cmp     x0, x1
    b.lo    1b
2:  dsb     ish
    ic      iallu
    dsb     ish
    isb
    ret

// ------------------------------------------------------------ entering the case

dt_enter:
    LA      x19, dt_prm
    ldr     x20, [x19, #P_EL]
    ldr     x21, [x19, #P_FLAGS]
    // EL3 for the case: MAIR, SCTLR (MMU only for an EL3 case with flag 0)
    LI      x0, DT_SCTLR_X
    msr     sctlr_el3, x0
    isb
    LI      x0, DT_MAIR_NOTAG
    tbz     x21, #2, 1f
    LI      x0, DT_MAIR_TAG
1:  msr     mair_el3, x0
    LI      x0, DT_TCR_X
    tbz     x21, #2, 2f
    orr     x0, x0, #TCRX_TBI
2:  msr     tcr_el3, x0
    isb
    tlbi    alle3
    dsb     sy
    isb
    LI      x0, DT_SCTLR_X
    LI      x1, DT_SCTLR_X_MTE
    tbz     x21, #2, 3f
    orr     x0, x0, x1
3:  cmp     x20, #3
    b.ne    4f
    tbz     x21, #0, 4f
    mov     x1, #SCTLR_MCI
    orr     x0, x0, x1
4:  msr     sctlr_el3, x0
    isb
    LA      x0, dt_vectors_el3
    msr     vbar_el3, x0
    // SP of the case
    ldr     x0, [x19, #P_SP]
    cmp     x20, #1
    b.eq    6f
    b.hi    7f
    msr     sp_el0, x0
    b       9f
6:  msr     sp_el1, x0
    b       9f
7:  cmp     x20, #2
    b.ne    9f
    msr     sp_el2, x0
    // ELR, SPSR: M = EL:h (EL0t), DAIF masked, NZCV
9:  LI      x0, DT_CASE
    msr     elr_el3, x0
    lsl     x1, x20, #2
    cmp     x20, #0
    cinc    x1, x1, ne                   // SPSel = 1 above EL0
    orr     x1, x1, #SPSR_DAIF
    ldr     x2, [x19, #P_NZCV]
    and     x2, x2, #0xf0000000
    orr     x1, x1, x2
    msr     spsr_el3, x1
    isb
    cmp     x20, #3
    b.ne    10f
    ldr     x0, [x19, #P_SP]
    mov     sp, x0
10: add     x30, x19, #P_X0
    ldp     x0, x1, [x30]
    ldp     x2, x3, [x30, #16]
    ldp     x4, x5, [x30, #32]
    ldp     x6, x7, [x30, #48]
    ldp     x8, x9, [x30, #64]
    ldp     x10, x11, [x30, #80]
    ldp     x12, x13, [x30, #96]
    ldp     x14, x15, [x30, #112]
    ldp     x16, x17, [x30, #128]
    ldp     x18, x19, [x30, #144]
    ldp     x20, x21, [x30, #160]
    ldp     x22, x23, [x30, #176]
    ldp     x24, x25, [x30, #192]
    ldp     x26, x27, [x30, #208]
    ldp     x28, x29, [x30, #224]
    ldr     x30, [x30, #240]
    eret

// ------------------------------------------------------------ vectors

// DT_SWAP: exchange SP and x0 without memory or flags.
.macro DT_SWAP
    add     sp, sp, x0
    sub     x0, sp, x0
    sub     sp, sp, x0
.endm

.macro DT_VECTORS n
    .pushsection .text.dt_vectors\n, "ax"
    .balign 2048
dt_vectors_el\n:
    .irp    idx, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    DT_SWAP                              // x0 = interrupted SP, SP = x0
    msr     tpidr_el\n, x0
    adrp    x0, dt_hstack_el\n\()_top
    add     x0, x0, :lo12:dt_hstack_el\n\()_top
    DT_SWAP                              // x0 = x0, SP = private stack
    sub     sp, sp, #DT_FRAME
    stp     x0, x1, [sp]
    mov     x0, #\idx
    b       dt_handler_el\n
    .endr

dt_handler_el\n:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mrs     x1, tpidr_el\n
    stp     x1, x0, [sp, #FR_S]          // S, vector index
    msr     tpidr_el\n, xzr
    // an exception inside the handler is a template bug
    LA      x2, dt_busy
    ldr     x3, [x2, #(\n * 8)]
    cbnz    x3, dt_nested_el\n
    mov     x3, #1
    str     x3, [x2, #(\n * 8)]
    .if \n == 3
    LA      x2, dt_dump_req
    ldr     x3, [x2]
    cbnz    x3, dt_dump
    .endif
    mrs     x19, esr_el\n
    mrs     x20, elr_el\n
    mrs     x21, spsr_el\n
    mrs     x22, far_el\n
    ldr     x23, [sp, #FR_VEC]
    and     x24, x23, #3                 // 0 sync, 1 IRQ, 2 FIQ, 3 SError
    ubfx    x25, x19, #26, #6            // EC
    // the terminator
    cbnz    x24, 1f
    cmp     x25, #0x3c
    b.ne    1f
    and     x2, x19, #0xffff
    mov     x3, #DT_TERM_ISS
    cmp     x2, x3
    b.ne    1f
    mov     x26, #END_TERM
    b       8f
1:  LA      x2, dt_count
    ldr     x3, [x2]
    add     x3, x3, #1
    str     x3, [x2]
    cmp     x3, #DT_MAX_LOG
    b.hi    3f
    LA      x4, dt_log
    sub     x5, x3, #1
    add     x4, x4, x5, lsl #5
    mov     x6, x19                      // ESR
    sub     x2, x24, #1
    cmp     x2, #1
    b.hi    2f
    mov     x6, #(1 << 63)               // IRQ/FIQ: no ESR
    orr     x6, x6, x23, lsl #7
2:  LI      x7, DT_CASE
    sub     x7, x20, x7                  // ELR offset
    mov     x8, #0                       // FAR
    cbnz    x24, 25f
    cmp     x25, #0x22                   // PC alignment
    b.eq    21f
    cmp     x25, #0x34                   // watchpoints
    b.eq    21f
    cmp     x25, #0x35
    b.eq    21f
    cmp     x25, #0x20                   // instruction aborts
    b.eq    20f
    cmp     x25, #0x21
    b.eq    20f
    cmp     x25, #0x24                   // data aborts
    b.eq    22f
    cmp     x25, #0x25
    b.ne    25f
22: tbnz    x19, #10, 25f                // FnV: FAR not valid
    mov     x8, x22
    and     x2, x19, #0x3f
    cmp     x2, #0x11                    // tag-check fault: FAR[63:60] UNKNOWN
    b.ne    25f
    and     x8, x8, #0x0fffffffffffffff
    b       25f
20: tbnz    x19, #10, 25f
21: mov     x8, x22
25: mov     x9, #\n
    stp     x6, x7, [x4]
    stp     x8, x9, [x4, #16]
3:  cmp     x3, #DT_MAX_LOG
    b.ls    4f
    mov     x26, #END_OVERFLOW
    b       8f
4:  cbnz    x24, 6f                      // asynchronous: back to ELR
    LI      x7, DT_CASE
    sub     x7, x20, x7
    mov     x2, #DT_CASE_SIZE
    cmp     x7, x2
    b.lo    5f
    mov     x26, #END_RUNAWAY
    b       8f
5:  cmp     x25, #0x15                   // SVC, HVC: ELR is the next instruction
    b.eq    6f
    cmp     x25, #0x16
    b.eq    6f
    .if \n == 3
    cmp     x25, #0x17                   // SMC taken to EL3 (to EL2 it is a TSC trap)
    b.eq    6f
    .endif
    add     x20, x20, #4
6:  bic     x21, x21, #SPSR_IL
    msr     elr_el\n, x20
    msr     spsr_el\n, x21
    LA      x2, dt_busy
    str     xzr, [x2, #(\n * 8)]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    ldr     x0, [sp, #FR_S]
    msr     tpidr_el\n, x0
    ldp     x0, x1, [sp]
    DT_SWAP                              // x0 = frame, SP = x0
    mrs     x0, tpidr_el\n
    DT_SWAP                              // x0 = x0, SP = interrupted SP
    msr     tpidr_el\n, xzr
    eret

    // the case is over (x26 = reason): record its state, dump at EL3
8:  LA      x2, dt_fin
    mov     x3, sp
    mov     x4, #31
9:  ldr     x5, [x3], #8
    str     x5, [x2], #8
    sub     x4, x4, #1
    cbnz    x4, 9b
    // its SP: SP_EL0 if SPSR.M[0] = 0, else SP_EL<case EL>, which is the
    // interrupted SP when the case runs at this EL
    tbnz    x21, #0, 10f
    mrs     x4, sp_el0
    b       12f
10: ubfx    x5, x21, #2, #2
    ldr     x4, [sp, #FR_S]
    cmp     x5, #\n
    b.eq    12f
    .if \n >= 2
    cmp     x5, #1
    b.ne    11f
    mrs     x4, sp_el1
    b       12f
11:
    .endif
    .if \n == 3
    mrs     x4, sp_el2
    .endif
12: LA      x2, dt_fin_sp
    str     x4, [x2]
    str     x21, [x2, #8]                // dt_fin_spsr
    str     x20, [x2, #16]               // dt_fin_elr
    str     x26, [x2, #24]               // dt_fin_end
    mov     x4, #\n
    str     x4, [x2, #32]                // dt_fin_handler_el
    .if \n == 3
    b       dt_dump
    .else
    LA      x2, dt_dump_req
    mov     x3, #1
    str     x3, [x2]
    smc     #0xd0
    b       dt_nested_el\n
    .endif

dt_nested_el\n:
    PUTS    "TEMPLATE FAULT at EL\n"
    NL
    ldr     x0, [sp, #FR_VEC]
    PR      "vec", x0
    mrs     x0, esr_el\n
    PR      "ESR", x0
    mrs     x0, elr_el\n
    PR      "ELR", x0
    mrs     x0, far_el\n
    PR      "FAR", x0
    mov     w0, #2
    b       sh_exit
    .popsection

    .pushsection .bss.dt_hstack\n, "aw", %nobits
    .balign 16
    .skip   DT_HSTACK
dt_hstack_el\n\()_top:
    .popsection
.endm

    DT_VECTORS 1
    DT_VECTORS 2
    DT_VECTORS 3

// ------------------------------------------------------------ the dump (EL3)

// dt_pr_idx: print "eNN_<suffix>=<x0>" with NN = x2 (0..99) in decimal,
// x3 = suffix. Clobbers x0-x7.
dt_pr_idx:
    LA      x4, dt_namebuf
    mov     w5, #'e'
    strb    w5, [x4]
    mov     x6, #10
    udiv    x7, x2, x6
    msub    x5, x7, x6, x2
    add     w7, w7, #'0'
    strb    w7, [x4, #1]
    add     w5, w5, #'0'
    strb    w5, [x4, #2]
    mov     w5, #'_'
    strb    w5, [x4, #3]
    add     x6, x4, #4
1:  ldrb    w5, [x3], #1
    strb    w5, [x6], #1
    cbnz    w5, 1b
    mov     x1, x4
    b       sh_pr

dt_dump:
    LA      x0, sh_stack_top
    mov     sp, x0
    LA      x0, sh_vectors               // a fault now is reported, exit 1
    msr     vbar_el3, x0
    bl      dt_el3_mmu_setup
    LA      x19, dt_prm
    LA      x20, dt_fin
    LA      x21, dt_fin_sp
    ldr     x0, [x19, #P_EL]
    PR      "cfg_el", x0
    ldr     x0, [x19, #P_FLAGS]
    PR      "cfg_flags", x0
    LA      x0, dt_default
    ldr     x0, [x0]
    PR      "cfg_default", x0
    ldr     x0, [x21, #24]
    PR      "end", x0
    ldr     x0, [x21, #16]
    LI      x1, DT_CASE
    sub     x0, x0, x1
    PR      "end_elr", x0
    ldr     x0, [x21, #32]
    PR      "end_handler_el", x0
    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
    ldr     x0, [x20, #(\i * 8)]
    PR      "x\i", x0
    .endr
    ldr     x0, [x21]
    PR      "sp", x0
    ldr     x22, [x21, #8]               // SPSR
    and     x0, x22, #0xf0000000
    PR      "nzcv", x0
    ubfx    x0, x22, #2, #2
    PR      "el", x0
    and     x0, x22, #1
    PR      "spsel", x0
    and     x0, x22, #SPSR_DAIF
    PR      "daif", x0
    PR      "spsr", x22
    // exception log
    LA      x0, dt_count
    ldr     x23, [x0]
    PR      "exc_count", x23
    cmp     x23, #DT_MAX_LOG
    mov     x0, #DT_MAX_LOG
    csel    x23, x23, x0, ls
    LA      x24, dt_log
    mov     x2, #0
    cbz     x23, 2f
1:  ldr     x0, [x24], #8
    LA      x3, dt_s_esr
    bl      dt_pr_idx
    ldr     x0, [x24], #8
    LA      x3, dt_s_elr
    bl      dt_pr_idx
    ldr     x0, [x24], #8
    LA      x3, dt_s_far
    bl      dt_pr_idx
    ldr     x0, [x24], #8
    LA      x3, dt_s_el
    bl      dt_pr_idx
    add     x2, x2, #1
    cmp     x2, x23
    b.lo    1b
2:  // system registers a case may change
    mrs     x0, tpidr_el0
    PR      "tpidr_el0", x0
    mrs     x0, tpidrro_el0
    PR      "tpidrro_el0", x0
    mrs     x0, sp_el0
    PR      "sp_el0", x0
    mrs     x0, par_el1
    PR      "par_el1", x0
    mrs     x0, rgsr_el1
    PR      "rgsr_el1", x0
    mrs     x0, gcr_el1
    PR      "gcr_el1", x0
    mrs     x0, tfsr_el1
    PR      "tfsr_el1", x0
    mrs     x0, tfsre0_el1
    PR      "tfsre0_el1", x0
    mrs     x0, tfsr_el2
    PR      "tfsr_el2", x0
    mrs     x0, tfsr_el3
    PR      "tfsr_el3", x0
    // SCRATCH data and tags
    LI      x1, DT_SCRATCH
    mov     x2, #DT_SCRATCH_SIZE
    CKSUM   x0, x1, x2
    PR      "scratch_cksum", x0
    LI      x0, DT_SCRATCH               // tags packed 16 per dword, granule
    LA      x1, dt_tagbuf                // 16k + j in bits 4j+3:4j
    mov     x2, #(DT_SCRATCH_SIZE / 256)
3:  mov     x3, #0
    mov     x4, #0
4:  mov     x5, #0
    ldg     x5, [x0]
    ubfx    x5, x5, #56, #4
    lsl     x5, x5, x4
    orr     x3, x3, x5
    add     x0, x0, #16
    add     x4, x4, #4
    cmp     x4, #64
    b.lo    4b
    str     x3, [x1], #8
    sub     x2, x2, #1
    cbnz    x2, 3b
    LA      x1, dt_tagbuf
    mov     x2, #(DT_SCRATCH_SIZE / 32)
    CKSUM   x0, x1, x2
    PR      "scratch_tags", x0
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ the default case

    .pushsection .rodata.dt_case, "a"
    .balign 4
// Runs at EL1 with the MMU and MTE on: x0 = 0, x1 = 0x1001, ...
dt_default_case:
    movz    x1, #0x4420, lsl #16         // SCRATCH, logical tag 0
    ldr     x2, [x1, #8]                 // granule 0 has tag 1: tag-check fault
    movk    x1, #0x0100, lsl #48         // logical tag 1
    ldr     x3, [x1, #8]                 // dword 1 of SCRATCH
    add     x4, x3, x2
    str     x4, [x1]                     // granule 0 (tag 1)
    stg     x1, [x1, #16]                // granule 1: tag 6 -> 1
    ldr     x5, [x0]                     // x0 = 0: translation fault, level 1
    msr     tpidr_el0, x4
    svc     #0x123                       // to EL1
    adds    x6, x4, x3                   // NZCV
    hvc     #0x45                        // to EL2
    smc     #0x67                        // to EL3
    udf     #0x89                        // to EL1
    brk     #0xdf00
dt_default_case_end:

dt_s_esr:
    .asciz  "esr"
dt_s_elr:
    .asciz  "elr"
dt_s_far:
    .asciz  "far"
dt_s_el:
    .asciz  "el"
    .popsection

// ------------------------------------------------------------ data

    .pushsection .bss.dt_tables, "aw", %nobits
    .balign 4096
dt_ta_l1:   .skip 4096
dt_ta_l2:   .skip 4096
dt_ta_l3a:  .skip 4096
dt_ta_l3b:  .skip 4096
dt_tb_l1:   .skip 4096
dt_tb_l2:   .skip 4096
dt_tb_l3a:  .skip 4096
dt_tb_l3b:  .skip 4096
dt_s2_l1:   .skip 4096
dt_s2_l2:   .skip 4096
    .popsection

    .pushsection .bss.dt_data, "aw", %nobits
    .balign 16
dt_prm:     .skip (P_WORDS * 8)
dt_default: .skip 8
dt_count:   .skip 8
dt_busy:    .skip 32                     // per EL: in a handler
dt_dump_req: .skip 8
dt_fin:     .skip (31 * 8)               // x0..x30 at the end
    .balign 8
dt_fin_sp:  .skip 8                      // +0 SP, +8 SPSR, +16 ELR, +24 end reason,
            .skip 32                     // +32 EL of the final handler
    .balign 16
dt_log:     .skip (DT_MAX_LOG * 32)      // {ESR, ELR - CASE, FAR, EL}
dt_tagbuf:  .skip (DT_SCRATCH_SIZE / 256 * 8)
dt_namebuf: .skip 32
    .popsection
