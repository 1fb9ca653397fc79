// a64sim-requires: mmu
//
// mmu_s2.S - two-stage translation of the EL1&0 regime.
//
// EL2 (MMU off) builds a stage 2: VTCR_EL2 4K granule, T0SZ=24 (40-bit IPA),
// SL0=1 (start level 1, two concatenated L1 tables, 8 KiB aligned), PS=40
// bits; VTTBR_EL2 with VMID 1; HCR_EL2.VM=1. Root A maps the RAM window
// 0x4000_0000..0x41ff_ffff IPA=PA with 4 KiB pages; root B (VMID 2) maps it
// with one 1 GiB L1 block. EL2 also builds the EL1 stage 1 (4K granule,
// T0SZ=25, L1-L3, TCR_EL1.IPS=48 bits, identity 1 GiB L1 block for the RAM)
// with test pages at VA 0x10_0000_0000 + n * 0x1_0000_0000 mapped to the IPAs
// of the table below. EL1 then reads and writes through both stages and
// takes stage-2 faults, which go to EL2 (include/el.inc prints ESR_EL2,
// ELR_EL2, SPSR_EL2, FAR_EL2) where a one-shot hook prints HPFAR_EL2 (only
// for faults where it is defined: translation, access flag, address size,
// and any stage-2 fault on a stage-1 walk) and, for some cases, fixes the
// stage-2 entry (TLBI IPAS2E1 + VMALLE1, or the IS forms) and retries the
// instruction.
//
//   VA            IPA              stage 2 (root A)
//   0x10_0000_0000 pg_a (identity)  page, RW
//   0x11_0000_0000 0x80_0000_0000   page -> pg_b, RW
//   0x12_0000_0000 0x81_0000_0000   page -> pg_c, read-only (S2AP=01)
//   0x13_0000_0000 0x90_0000_0000   none (L1 entry invalid); EL2 maps pg_d
//   0x14_0000_0000 0x80_0000_1000   none (L3 entry invalid, next to pg_b)
//   0x15_0000_0000 0x85_0000_0000   none: the ISV/SAS/SRT/SF/AR cases (stage 1 EL0 RW)
//   0x16_0000_0000 0x82_0000_0000   none; EL2 maps the code page (IA)
//   0x17_0000_0000 0x84_0000_0000   code page with XN=0b10
//   0x18_0000_0000 0x83_0000_0000   pg_a (root A) / pg_b (root B): VMIDs
//   0x19_0000_0000 0x100_0000_0000  beyond the 40-bit IPA space
//   0x1a_0000_0000 pg_a             its stage-1 L3 table's IPA unmapped at stage 2
//   0x1b_0000_0000 pg_a             its stage-1 L2 table's IPA with S2AP=00
//   0x1c_0000_0000 0x86_0000_0000   none (EL0 access)
//   0x1d_0000_0000 -                no stage-1 mapping (stage-1 fault to EL1)
//   0x1e_0000_0000 0x87_0000_0000   page with OA 0x100_0000_0000 (beyond PS)
//   0x1f_0000_0000 0x88_0000_0000   page -> pg_a with AF=0
//
// Then, from EL2 between EL1 calls: VMID 1 <-> VMID 2 by rewriting VTTBR_EL2
// (no TLB maintenance), a stage-2 remap (break-before-make) with TLBI
// IPAS2E1IS + VMALLE1IS, and one with TLBI VMALLS12E1.
//
// HPFAR_EL2 is not printed for ordinary stage-2 Permission faults (UNKNOWN).

    .include "semihost.inc"
    .include "el.inc"
    .include "pt.inc"

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

// T "description", insn...: print the description, execute the instruction.
.macro T desc, insn:vararg
    PUTS    "-- \desc"
    NL
    \insn
.endm

// S2T "description", insn...: the same with the HPFAR-printing hook at EL2.
.macro S2T desc, insn:vararg
    SET_HOOK 2, hook_hpfar
    PUTS    "-- \desc"
    NL
    \insn
.endm

    .equ VA_A,    0x1000000000
    .equ VA_B,    0x1100000000
    .equ VA_RO,   0x1200000000
    .equ VA_FIX,  0x1300000000
    .equ VA_HOLE, 0x1400000000
    .equ VA_ISV,  0x1500000000
    .equ VA_X,    0x1600000000
    .equ VA_XN,   0x1700000000
    .equ VA_V,    0x1800000000
    .equ VA_BIG,  0x1900000000
    .equ VA_PTW,  0x1a00000000
    .equ VA_PTW2, 0x1b00000000
    .equ VA_USER, 0x1c00000000
    .equ VA_S1UN, 0x1d00000000
    .equ VA_OA,   0x1e00000000
    .equ VA_AF,   0x1f00000000
    .equ IPA_B,   0x8000000000
    .equ IPA_HOLE, 0x8000001000
    .equ IPA_RO,  0x8100000000
    .equ IPA_X,   0x8200000000
    .equ IPA_V,   0x8300000000
    .equ IPA_XN,  0x8400000000
    .equ IPA_ISV, 0x8500000000
    .equ IPA_USER, 0x8600000000
    .equ IPA_OA,  0x8700000000
    .equ IPA_AF,  0x8800000000
    .equ IPA_FIX, 0x9000000000
    .equ IPA_BIG, 0x10000000000
    .equ OA_BIG,  0x10000000000

    .equ IDENT_BASE, 0x40000000
    .equ IDENT_PAGES, 8192                  // 32 MiB
    .equ POOL_SIZE, 0x80000

    .equ VMID1, 1
    .equ VMID2, 2
    .equ VTCR, (24 | VTCR_SL0_L1 | TCR_WB0 | TCR_TG0_4K | VTCR_PS_40 | VTCR_RES1)
    .equ TCR1, (25 | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS_48)
    .equ S2PAGE, (PT_S2_NORMAL_RW | PT_PAGE)
    .equ S2BLOCK, (PT_S2_NORMAL_RW | PT_BLOCK)
    .equ S1PAGE, (PT_S1_NORMAL | PT_PAGE)
    .equ S1USER, (PT_S1_NORMAL | PT_PAGE | PT_AP_RW_ALL | PT_PXN)
    .equ S1BLOCK, (PT_S1_NORMAL | PT_BLOCK)

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    CALL_AT 3, SPSR_EL2H, el2_main
    PUTS    "done\n"
    EXIT    0

// x0 = page (4 KiB), x2 = seed; clobbers x0-x3
fill_4k:
    mov     x1, #4096
    LI      x3, 0x9e3779b97f4a7c15
1:  str     x2, [x0], #8
    add     x2, x2, x3
    sub     x1, x1, #8
    cbnz    x1, 1b
    ret

// s2map: x0 = stage-2 root, x1 = IPA, x2 = descriptor (L3) -> x0 = slot
s2map:
    str     x30, [sp, #-16]!
    PT_GEOM x3, 12, 1, 3, 40
    mov     x4, #0
    bl      pt_map
    ldr     x30, [sp], #16
    ret
// s1map: x1 = VA, x2 = descriptor (L3) in the stage-1 root -> x0 = slot
s1map:
    str     x30, [sp, #-16]!
    LA      x0, s1root
    ldr     x0, [x0]
    PT_GEOM x3, 12, 1, 3, 39
    mov     x4, #0
    bl      pt_map
    ldr     x30, [sp], #16
    ret
// s1table: x1 = VA, x3 = geometry with leaf = level of a table descriptor
// -> x0 = address of the next-level table
s1table:
    str     x30, [sp, #-16]!
    LA      x0, s1root
    ldr     x0, [x0]
    mov     x4, #0
    bl      pt_walk
    ldr     x0, [x0]
    and     x0, x0, #0x0000fffffffff000
    ldr     x30, [sp], #16
    ret

// ------------------------------------------------------------ EL2
el2_main:
    LA      x0, pg_a
    LI      x2, 0xa100000000000000
    bl      fill_4k
    LA      x0, pg_b
    LI      x2, 0xb200000000000000
    bl      fill_4k
    LA      x0, pg_c
    LI      x2, 0xc300000000000000
    bl      fill_4k
    LA      x0, pg_d
    LI      x2, 0xd400000000000000
    bl      fill_4k
    LA      x0, fcode
    LIW     w1, 0xd2800b40                  // mov x0, #0x5a
    str     w1, [x0]
    LIW     w1, 0xd65f03c0                  // ret
    str     w1, [x0, #4]
    dsb     ish
    ic      iallu
    dsb     ish
    isb
    LA      x0, pt_pool
    LI      x1, POOL_SIZE
    bl      pt_pool_init

    // stage 1
    mov     x0, #4096
    bl      pt_alloc
    LA      x1, s1root
    str     x0, [x1]
    PT_GEOM x3, 12, 1, 1, 39
    mov     x4, #0
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S1BLOCK)
    bl      pt_map
.macro S1P va, page, attr
    LI      x1, \va
    LA      x2, \page
    LI      x5, \attr
    orr     x2, x2, x5
    bl      s1map
.endm
.macro S1A va, ipa, attr
    LI      x1, \va
    LI      x2, (\ipa | \attr)
    bl      s1map
.endm
    S1P     VA_A, pg_a, S1PAGE
    S1A     VA_B, IPA_B, S1PAGE
    S1A     VA_RO, IPA_RO, S1PAGE
    S1A     VA_FIX, IPA_FIX, S1PAGE
    S1A     VA_HOLE, IPA_HOLE, S1PAGE
    S1A     VA_ISV, IPA_ISV, S1USER
    S1A     VA_X, IPA_X, S1PAGE
    S1A     VA_XN, IPA_XN, S1PAGE
    S1A     VA_V, IPA_V, S1PAGE
    S1A     VA_BIG, IPA_BIG, S1PAGE
    S1P     VA_PTW, pg_a, S1PAGE
    S1P     VA_PTW2, pg_a, S1PAGE
    S1A     VA_USER, IPA_USER, S1USER
    S1A     VA_OA, IPA_OA, S1PAGE
    S1A     VA_AF, IPA_AF, S1PAGE
    PT_GEOM x3, 12, 1, 2, 39
    LI      x1, VA_PTW
    bl      s1table
    LA      x1, ptw_table                   // the L3 table of VA_PTW
    str     x0, [x1]
    PT_GEOM x3, 12, 1, 1, 39
    LI      x1, VA_PTW2
    bl      s1table
    LA      x1, ptw2_table                  // the L2 table of VA_PTW2
    str     x0, [x1]

    // stage 2, root A (VMID 1)
    mov     x0, #8192
    bl      pt_alloc
    LA      x1, s2root_a
    str     x0, [x1]
    PT_GEOM x3, 12, 1, 3, 40
    mov     x4, #0
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S2PAGE)
    mov     x5, #IDENT_PAGES
    bl      pt_map_range
.macro S2P ipa, page, attr
    LA      x0, s2root_a
    ldr     x0, [x0]
    LI      x1, \ipa
    LA      x2, \page
    LI      x5, \attr
    orr     x2, x2, x5
    bl      s2map
.endm
    S2P     IPA_B, pg_b, S2PAGE
    S2P     IPA_RO, pg_c, ((S2PAGE & ~PT_S2_RW) | PT_S2_R)
    LA      x1, slot_ro
    str     x0, [x1]
    S2P     IPA_XN, fcode, (S2PAGE | PT_S2_XN)
    S2P     IPA_V, pg_a, S2PAGE
    LA      x1, slot_v
    str     x0, [x1]
    S2P     IPA_AF, pg_a, (S2PAGE & ~PT_AF)
    LA      x0, s2root_a
    ldr     x0, [x0]
    LI      x1, IPA_OA
    LI      x2, (OA_BIG | S2PAGE)
    bl      s2map
    // the stage-1 L3 table of VA_PTW: unmapped at stage 2
    LA      x0, s2root_a
    ldr     x0, [x0]
    LA      x1, ptw_table
    ldr     x1, [x1]
    PT_GEOM x3, 12, 1, 3, 40
    mov     x4, #0
    bl      pt_walk
    LA      x1, slot_ptw
    str     x0, [x1]
    str     xzr, [x0]
    // the stage-1 L2 table of VA_PTW2: no stage-2 access (S2AP=00)
    LA      x0, s2root_a
    ldr     x0, [x0]
    LA      x1, ptw2_table
    ldr     x1, [x1]
    bl      pt_walk
    LA      x1, slot_ptw2
    str     x0, [x1]
    ldr     x2, [x0]
    bic     x2, x2, #PT_S2_RW
    str     x2, [x0]

    // stage 2, root B (VMID 2): 1 GiB block identity, IPA_V -> pg_b
    mov     x0, #8192
    bl      pt_alloc
    LA      x1, s2root_b
    str     x0, [x1]
    PT_GEOM x3, 12, 1, 1, 40
    mov     x4, #0
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S2BLOCK)
    bl      pt_map
    LA      x0, s2root_b
    ldr     x0, [x0]
    LI      x1, IPA_V
    LA      x2, pg_b
    LI      x5, S2PAGE
    orr     x2, x2, x5
    bl      s2map

    // enable stage 2
    LI      x0, VTCR
    msr     vtcr_el2, x0
    LA      x0, s2root_a
    ldr     x0, [x0]
    orr     x0, x0, #(VMID1 << 48)
    msr     vttbr_el2, x0
    LI      x0, (HCR_RW | HCR_VM)
    msr     hcr_el2, x0
    dsb     sy
    isb
    tlbi    vmalls12e1
    dsb     sy
    isb
    PUTS    "== EL1 with stage 1 + stage 2 (VMID 1) ==\n"
    CALL_AT 2, SPSR_EL1H, el1_main

    PUTS    "== VMIDs: same VA and IPA, VMID 1 (root A) / VMID 2 (root B) ==\n"
    CALL_AT 2, SPSR_EL1H, el1_read_v
    LA      x0, s2root_b
    ldr     x0, [x0]
    orr     x0, x0, #(VMID2 << 48)
    msr     vttbr_el2, x0
    isb
    PUTS    "-- VTTBR_EL2 = root B, VMID 2\n"
    CALL_AT 2, SPSR_EL1H, el1_read_v
    LA      x0, s2root_a
    ldr     x0, [x0]
    orr     x0, x0, #(VMID1 << 48)
    msr     vttbr_el2, x0
    isb
    PUTS    "-- VTTBR_EL2 = root A, VMID 1 (no TLB maintenance)\n"
    CALL_AT 2, SPSR_EL1H, el1_read_v
    LA      x0, s2root_b
    ldr     x0, [x0]
    orr     x0, x0, #(VMID2 << 48)
    msr     vttbr_el2, x0
    isb
    PUTS    "-- VTTBR_EL2 = root B, VMID 2 again\n"
    CALL_AT 2, SPSR_EL1H, el1_read_v
    LA      x0, s2root_a
    ldr     x0, [x0]
    orr     x0, x0, #(VMID1 << 48)
    msr     vttbr_el2, x0
    isb

    PUTS    "== stage-2 remap: IPA 0x83_0000_0000 -> pg_c, TLBI IPAS2E1IS + VMALLE1IS ==\n"
    LA      x6, slot_v
    ldr     x6, [x6]
    LA      x2, pg_c
    LI      x5, S2PAGE
    orr     x2, x2, x5
    str     xzr, [x6]                       // break
    dsb     ishst
    LI      x0, (IPA_V >> 12)
    tlbi    ipas2e1is, x0
    dsb     ish
    tlbi    vmalle1is
    dsb     ish
    str     x2, [x6]                        // make
    dsb     ishst
    isb
    CALL_AT 2, SPSR_EL1H, el1_read_v
    PUTS    "== stage-2 remap: -> pg_d, TLBI VMALLS12E1 ==\n"
    LA      x6, slot_v
    ldr     x6, [x6]
    LA      x2, pg_d
    LI      x5, S2PAGE
    orr     x2, x2, x5
    str     xzr, [x6]                       // break
    dsb     ishst
    tlbi    vmalls12e1
    dsb     ish
    str     x2, [x6]                        // make
    dsb     ishst
    isb
    CALL_AT 2, SPSR_EL1H, el1_read_v

    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    RET_SMC

// ------------------------------------------------------------ EL2 hooks
// (called by the el.inc EL2 handler after it printed the exception, x0 = ESR)
hook_hpfar:
    mrs     x1, hpfar_el2
    PR      "   hpfar", x1
    ret

// retry the faulting instruction after the hook
.macro RETRY
    mrs     x1, elr_el2
    adrp    x2, el_resume
    str     x1, [x2, :lo12:el_resume]
.endm
.macro S2_TLBI ipa                          // the local (non-IS) forms
    dsb     ishst
    LI      x1, (\ipa >> 12)
    tlbi    ipas2e1, x1
    dsb     ish
    tlbi    vmalle1
    dsb     ish
    isb
.endm

hook_map_fix:                               // IPA_FIX -> pg_d, retry
    str     x30, [sp, #-16]!
    mrs     x1, hpfar_el2
    PR      "   hpfar", x1
    PUTS    "   (EL2 maps IPA 0x90_0000_0000 -> pg_d and retries)\n"
    LA      x0, s2root_a
    ldr     x0, [x0]
    LI      x1, IPA_FIX
    LA      x2, pg_d
    LI      x5, S2PAGE
    orr     x2, x2, x5
    bl      s2map
    S2_TLBI IPA_FIX
    RETRY
    ldr     x30, [sp], #16
    ret

hook_ro_fix:                                // IPA_RO: make it writable, retry
    PUTS    "   (EL2 sets S2AP=11 and retries)\n"
    LA      x0, slot_ro
    ldr     x0, [x0]
    ldr     x1, [x0]
    orr     x1, x1, #PT_S2_RW
    str     x1, [x0]
    S2_TLBI IPA_RO
    RETRY
    ret

hook_x_fix:                                 // IPA_X -> code page, retry
    str     x30, [sp, #-16]!
    mrs     x1, hpfar_el2
    PR      "   hpfar", x1
    PUTS    "   (EL2 maps IPA 0x82_0000_0000 -> the code page and retries)\n"
    LA      x0, s2root_a
    ldr     x0, [x0]
    LI      x1, IPA_X
    LA      x2, fcode
    LI      x5, S2PAGE
    orr     x2, x2, x5
    bl      s2map
    S2_TLBI IPA_X
    RETRY
    ldr     x30, [sp], #16
    ret

hook_ptw_fix:                               // map the L3 table page back, retry
    mrs     x1, hpfar_el2
    PR      "   hpfar", x1
    LA      x1, ptw_table
    ldr     x1, [x1]
    PR      "   (the stage-1 L3 table is at)", x1
    PUTS    "   (EL2 maps the table page and retries)\n"
    LA      x0, slot_ptw
    ldr     x0, [x0]
    LI      x2, S2PAGE
    orr     x2, x2, x1
    str     x2, [x0]
    dsb     ishst
    lsr     x1, x1, #12
    tlbi    ipas2e1is, x1
    dsb     ish
    tlbi    vmalle1is
    dsb     ish
    isb
    RETRY
    ret

hook_ptw2_fix:                              // give the L2 table page S2AP=11, retry
    mrs     x1, hpfar_el2
    PR      "   hpfar", x1
    LA      x1, ptw2_table
    ldr     x1, [x1]
    PR      "   (the stage-1 L2 table is at)", x1
    PUTS    "   (EL2 sets S2AP=11 on the table page and retries)\n"
    LA      x0, slot_ptw2
    ldr     x0, [x0]
    ldr     x2, [x0]
    orr     x2, x2, #PT_S2_RW
    str     x2, [x0]
    dsb     ishst
    lsr     x1, x1, #12
    tlbi    ipas2e1is, x1
    dsb     ish
    tlbi    vmalle1is
    dsb     ish
    isb
    RETRY
    ret

// ------------------------------------------------------------ EL1
el1_main:
    LI      x0, TCR1
    LA      x1, s1root
    ldr     x1, [x1]
    mov     x2, #0
    bl      pt_el1_on
    PUTS    "-- reads and writes through both stages\n"
    LI      x9, VA_A
    ldr     x0, [x9]
    PR      "va_a[0]", x0
    LI      x9, VA_B
    ldr     x0, [x9, #8]
    PR      "va_b[1]", x0
    LI      x1, 0x0123456789abcdef
    str     x1, [x9, #16]
    LA      x10, pg_b
    ldr     x0, [x10, #16]
    PR      "pg_b[2]_after_store_via_ipa_0x80_0000_0000", x0
    LI      x9, VA_RO
    ldr     x0, [x9, #24]
    PR      "va_ro[3]", x0
    LA      x10, pg_b
    mov     x11, #4096
    CKSUM   x0, x10, x11
    PR      "pg_b_cksum_identity", x0
    LI      x9, VA_B
    CKSUM   x0, x9, x11
    PR      "pg_b_cksum_two_stage", x0

    PUTS    "== stage-2 faults ==\n"
    SET_HOOK 2, hook_map_fix
    LI      x9, VA_FIX
    T "ldr x5: IPA unmapped at stage 2 (L1 invalid), fixed by EL2", ldr x5, [x9, #0x28]
    PR      "x5_after_fix", x5
    SET_HOOK 2, hook_ro_fix
    LI      x9, VA_RO
    LI      x6, 0x5555666677778888
    T "str x6: stage-2 read-only (S2AP=01), fixed by EL2", str x6, [x9, #32]
    ldr     x0, [x9, #32]
    PR      "va_ro[4]_after_fix", x0
    LI      x9, VA_HOLE
    S2T "ldr x2: L3 entry invalid at stage 2", ldr x2, [x9]
    LI      x9, VA_BIG
    S2T "ldr x3: IPA 0x100_0000_0000 beyond the 40-bit IPA space", ldr x3, [x9]
    LI      x9, VA_OA
    S2T "ldr x4: stage-2 OA 0x100_0000_0000 beyond VTCR_EL2.PS", ldr x4, [x9]
    LI      x9, VA_AF
    S2T "ldr x7: stage-2 AF=0 (VTCR_EL2.HA=0)", ldr x7, [x9]

    PUTS    "== ISV syndromes (IPA 0x85_0000_0000 unmapped, skipped by EL2) ==\n"
    LI      x9, VA_ISV
    S2T "ldrb w1", ldrb w1, [x9, #1]
    S2T "ldrh w2", ldrh w2, [x9, #2]
    S2T "ldr w3", ldr w3, [x9, #4]
    S2T "ldr x4", ldr x4, [x9, #8]
    S2T "ldrsb x5", ldrsb x5, [x9, #9]
    S2T "ldrsh w6", ldrsh w6, [x9, #10]
    S2T "ldrsw x7", ldrsw x7, [x9, #12]
    S2T "ldur x8 (unscaled)", ldur x8, [x9, #-8 + 24]
    mov     x12, #48
    S2T "ldr x10 register offset", ldr x10, [x9, x12]
    S2T "strb w11", strb w11, [x9, #17]
    S2T "strh w12", strh w12, [x9, #18]
    S2T "str w13", str w13, [x9, #20]
    S2T "str x14", str x14, [x9, #24]
    S2T "str xzr", str xzr, [x9, #32]
    S2T "ldr wzr", ldr wzr, [x9, #36]
    S2T "ldar x15", ldar x15, [x9]
    S2T "stlr w16", stlr w16, [x9]
    S2T "ldaprb w17", ldaprb w17, [x9]
    S2T "ldtr x18", ldtr x18, [x9, #40]
    S2T "sttrh w1", sttrh w1, [x9, #42]
    S2T "ldp x1, x2 (ISV=0)", ldp x1, x2, [x9, #48]
    mov     x11, x9
    S2T "ldr x1 post-index (writeback: ISV=0)", ldr x1, [x11], #8
    LI      x12, VA_ISV
    sub     x11, x11, x12
    PR      "x11_minus_va_isv", x11
    mov     x11, x9
    S2T "ldr x1 pre-index (writeback: ISV=0)", ldr x1, [x11, #8]!
    LI      x12, VA_ISV
    sub     x11, x11, x12
    PR      "x11_minus_va_isv", x11
    S2T "ldxr x1 (exclusive: ISV=0)", ldxr x1, [x9]
    S2T "ldadd x1 (atomic: ISV=0)", ldadd x1, x2, [x9]

    PUTS    "== stage-2 faults on stage-1 table walks (S1PTW=1) ==\n"
    SET_HOOK 2, hook_ptw_fix
    LI      x9, VA_PTW
    T "ldr x5: the stage-1 L3 table's IPA is unmapped at stage 2", ldr x5, [x9, #56]
    PR      "x5_after_fix", x5
    SET_HOOK 2, hook_ptw2_fix
    LI      x9, VA_PTW2
    T "ldr x6: the stage-1 L2 table's page has S2AP=00", ldr x6, [x9, #64]
    PR      "x6_after_fix", x6

    PUTS    "== instruction fetches ==\n"
    SET_HOOK 2, hook_x_fix
    LI      x9, VA_X
    mov     x0, #0
    PUTS    "-- blr: IPA unmapped at stage 2, fixed by EL2\n"
    blr     x9
    PR      "x0_after_fix", x0
    SET_HOOK 2, hook_hpfar_perm
    LI      x9, VA_XN
    mov     x0, #0
    PUTS    "-- blr: stage-2 XN=0b10\n"
    SET_RESUME 1f
    blr     x9
1:  PR      "x0_after_xn", x0

    PUTS    "== EL0 under stage 2 ==\n"
    LI      x9, VA_USER
    SET_HOOK 2, hook_hpfar
    CALL_AT 1, SPSR_EL0T, el0_load
    PR      "el0_x1", x0

    PUTS    "== stage-1 fault with stage 2 on (to EL1) ==\n"
    LI      x9, VA_S1UN
    T "ldr: no stage-1 mapping", ldr x0, [x9]
    RET_HVC

hook_hpfar_perm:
    PUTS    "   (stage-2 permission fault: HPFAR_EL2 not shown)\n"
    ret

el0_load:
    mov     x0, #0xdead
    ldr     x0, [x9]
    RET_SVC

el1_read_v:
    LI      x9, VA_V
    ldr     x0, [x9]
    PR      "va_v[0]", x0
    ldr     x0, [x9, #8]
    PR      "va_v[1]", x0
    RET_HVC

    .bss
    .balign 4096
s1root:
    .skip   8
s2root_a:
    .skip   8
s2root_b:
    .skip   8
ptw_table:
    .skip   8
ptw2_table:
    .skip   8
slot_ro:
    .skip   8
slot_v:
    .skip   8
slot_ptw:
    .skip   8
slot_ptw2:
    .skip   8
    .balign 4096
pg_a:
    .skip   4096
pg_b:
    .skip   4096
pg_c:
    .skip   4096
pg_d:
    .skip   4096
fcode:
    .skip   4096
pt_pool:
    .skip   POOL_SIZE
