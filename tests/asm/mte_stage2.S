// a64sim-requires: mte
//
// mte_stage2.S - MTE for a guest at EL1 under stage 2: which combined
// memory types carry tags, where tag-check faults and stage-2 faults of tag
// accesses go.
//
// EL3: SCR_EL3.ATA=1, then el2_main at EL2h. EL2 (MMU off) builds the guest
// stage 1 (one level-1 table, 1 GiB blocks, VA = IPA, TBI0, the image block
// Normal WB untagged, every test block Tagged, MAIR 0xf0) and two stage-2
// tables (VTCR_EL2: 4 KiB granule, T0SZ=25, start level 1, PS=40 bits,
// 1 GiB blocks, VMID 1); every mapped IPA block is the RAM at PA
// 0x4000_0000:
//
//   IPA / VA        table A (HCR_EL2.FWB=0)      table B (FWB=1)
//   0x0_4000_0000   MemAttr 1111 (image)         0110
//   0x0_8000_0000   1111 Normal WB               0110
//   0x0_c000_0000   0101 Normal NC               0101 Normal NC
//   0x1_0000_0000   0110 (outer NC, inner WT)    0110 Normal WB
//   0x1_4000_0000   invalid                      invalid
//   0x1_8000_0000   1111, read-only (S2AP=01)    0110, read-only
//   0x1_c000_0000   1111                         0111
//
// Each probe runs at EL1 under HCR_EL2 = RW|VM|ATA (+FWB, DC, DCT as
// named) with its stage 1 on (SCTLR_EL1.ATA=1, TCF=01), on its own 16-byte
// granule of the 256-byte gdata (through the block being tested): LDG,
// STG of tag 9, LDG again, then a load through a tag-7 pointer (a
// tag-check fault, EC 0x25, is taken to EL1 itself and printed by the
// include/el.inc EL1 handler; it is not routed to EL2). After each probe
// EL2 switches to table A and an EL1 routine prints LDGM of gdata through
// the 0x8000_0000 block (the tags actually stored: one nibble per granule,
// granule n in bits 4n+3:4n; GMID_EL1.BS=6 in QEMU's max CPU, so one LDGM
// covers the 256 bytes).
//
// Probes: table A 0x8000_0000 (tagged), 0xc000_0000 (NC: untagged, LDG 0,
// STG ignored, no check), 0x1_0000_0000 (untagged); table B with FWB=1:
// 0x1_0000_0000 (0110: tagged), 0x1_c000_0000 (0111: tagged), 0xc000_0000
// (untagged); HCR_EL2.DC=1 with the guest's stage 1 off: DCT=1 (tagged) and
// DCT=0 (untagged), on the image block (the tags of the code, stack and
// data granules stay 0, and SP and X pointers have tag 0, so the checked
// accesses of the print routines pass; QEMU 10 implements DCT). Stage-2 faults
// of tag accesses (table A): STG and LDG to the invalid block (stage-2
// translation faults to EL2, EC 0x24, ISV=0, HPFAR printed by a hook),
// STG to the read-only block (stage-2 permission fault, WnR=1), LDG of the
// read-only block (no fault).

    .include "semihost.inc"
    .include "el.inc"
    .include "mte_b_common.inc"

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

    .equ RAM,    0x40000000
    .equ R_WB,   0x80000000
    .equ R_NC,   0xc0000000
    .equ R_6,    0x100000000
    .equ R_UN,   0x140000000
    .equ R_RO,   0x180000000
    .equ R_7,    0x1c0000000

    // stage-2 block descriptors
    .equ S2_BLK, (1 | (3 << 8) | (1 << 10))     // block, inner shareable, AF
    .equ S2_RW,  (3 << 6)
    .equ S2_RO,  (1 << 6)
    .equ MA_1111, (0xf << 2)
    .equ MA_0101, (0x5 << 2)
    .equ MA_0110, (0x6 << 2)
    .equ MA_0111, (0x7 << 2)
    .equ VTCR, (25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1 << 31))
    .equ VMID1, (1 << 48)
    .equ HCR_GUEST, (HCR_RW | HCR_VM_BIT | HCR_ATA)

// S2TABLE label, a_id, a_wb, a_nc, a_6, a_ro, a_7: fill a stage-2 table
.macro S2TABLE tbl, a_id, a_wb, a_nc, a_6, a_ro, a_7
    LA      x0, \tbl
    LI      x1, RAM
    LI      x2, (RAM | S2_BLK | S2_RW | \a_id)
    bl      mteb_l1
    LI      x1, R_WB
    LI      x2, (RAM | S2_BLK | S2_RW | \a_wb)
    bl      mteb_l1
    LI      x1, R_NC
    LI      x2, (RAM | S2_BLK | S2_RW | \a_nc)
    bl      mteb_l1
    LI      x1, R_6
    LI      x2, (RAM | S2_BLK | S2_RW | \a_6)
    bl      mteb_l1
    LI      x1, R_RO
    LI      x2, (RAM | S2_BLK | S2_RO | \a_ro)
    bl      mteb_l1
    LI      x1, R_7
    LI      x2, (RAM | S2_BLK | S2_RW | \a_7)
    bl      mteb_l1
.endm

// STAGE2 tbl, hcr: VTTBR_EL2 = tbl (VMID 1), HCR_EL2 = hcr, TLBI VMALLS12E1
.macro STAGE2 tbl, hcr
    LA      x0, \tbl
    orr     x0, x0, #VMID1
    msr     vttbr_el2, x0
    LI      x0, \hcr
    msr     hcr_el2, x0
    isb
    tlbi    vmalls12e1
    dsb     ish
    isb
.endm

// PROBE "title", tbl, hcr, va, g: run el1_probe on granule g of gdata
// through the block at va, then print the stored tags (table A, el1_tags)
.macro PROBE title, tbl, hcr, va, g
    PUTS    "== \title ==\n"
    STAGE2  \tbl, \hcr
    LA      x0, gdata
    LI      x1, (\va - RAM)
    add     x0, x0, x1
    add     x0, x0, #(\g * 16)
    MARK
    CALL_AT 2, SPSR_EL1H, el1_probe
    PR_COUNT "exceptions"
    bl      show_tags
.endm

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    mrs     x0, scr_el3
    orr     x0, x0, #SCR_ATA
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL2H, el2_main
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL2
el2_main:
    // guest stage 1
    LA      x0, s1_table
    LI      x1, RAM
    LI      x2, (RAM | B_BASE | B_NORMAL)
    bl      mteb_l1
    .irp    va, R_WB, R_NC, R_6, R_UN, R_RO, R_7
    LI      x1, \va
    LI      x2, (\va | B_BASE | B_TAGGED | B_PXN | B_UXN)
    bl      mteb_l1
    .endr
    // stage 2
    S2TABLE s2_a, MA_1111, MA_1111, MA_0101, MA_0110, MA_1111, MA_1111
    S2TABLE s2_b, MA_0110, MA_0110, MA_0101, MA_0110, MA_0110, MA_0111
    LI      x0, VTCR
    msr     vtcr_el2, x0
    isb

    PROBE   "table A, MemAttr 1111 (Normal WB): tagged", s2_a, HCR_GUEST, R_WB, 1
    PROBE   "table A, MemAttr 0101 (Normal NC): untagged", s2_a, HCR_GUEST, R_NC, 2
    PROBE   "table A, MemAttr 0110 (FWB=0: inner WT): untagged", s2_a, HCR_GUEST, R_6, 3
    PROBE   "table B, FWB=1, MemAttr 0110 (Normal WB): tagged", s2_b, (HCR_GUEST | HCR_FWB), R_6, 4
    PROBE   "table B, FWB=1, MemAttr 0111 (stage-1 attributes): tagged", s2_b, (HCR_GUEST | HCR_FWB), R_7, 5
    PROBE   "table B, FWB=1, MemAttr 0101 (Normal NC): untagged", s2_b, (HCR_GUEST | HCR_FWB), R_NC, 6

    PUTS    "== HCR_EL2.DC=1, DCT=1, guest stage 1 off: tagged ==\n"
    STAGE2  s2_a, (HCR_GUEST | HCR_DC | HCR_DCT)
    LA      x0, gdata
    add     x0, x0, #(7 * 16)
    MARK
    CALL_AT 2, SPSR_EL1H, el1_probe_s1off
    PR_COUNT "exceptions"
    bl      show_tags
    PUTS    "== HCR_EL2.DC=1, DCT=0, guest stage 1 off: untagged ==\n"
    STAGE2  s2_a, (HCR_GUEST | HCR_DC)
    LA      x0, gdata
    add     x0, x0, #(8 * 16)
    MARK
    CALL_AT 2, SPSR_EL1H, el1_probe_s1off
    PR_COUNT "exceptions"
    bl      show_tags

    PUTS    "== stage-2 faults of tag accesses (table A) ==\n"
    STAGE2  s2_a, HCR_GUEST
    LA      x0, gdata
    add     x0, x0, #(9 * 16)
    MARK
    CALL_AT 2, SPSR_EL1H, el1_s2faults
    PR_COUNT "exceptions"
    bl      show_tags

    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    RET_SMC

// show_tags: at EL2, table A: print LDGM of gdata through R_WB (el1_tags)
show_tags:
    str     x30, [sp, #-16]!
    STAGE2  s2_a, HCR_GUEST
    LA      x0, gdata
    LI      x1, (R_WB - RAM)
    add     x0, x0, x1
    CALL_AT 2, SPSR_EL1H, el1_tags
    ldr     x30, [sp], #16
    ret

// EL2 hook: print HPFAR_EL2 (stage-2 translation faults)
hook_hpfar:
    mrs     x1, hpfar_el2
    PR      "   hpfar", x1
    ret

// ------------------------------------------------------------ EL1
el1_mmu_on:
    str     x30, [sp, #-16]!
    LI      x0, TCR_EL1_MTE
    LA      x1, s1_table
    LA      x2, s1_table
    bl      mteb_el1_on
    MTE_CTL 1, 1, 1, 1, 1
    ldr     x30, [sp], #16
    ret

el1_mmu_off:
    str     x30, [sp, #-16]!
    MTE_CTL 1, 0, 0, 0, 0
    bl      mteb_el1_off
    ldr     x30, [sp], #16
    ret

// x0 = address of the granule (tag 0 in the pointer)
el1_probe:
    mov     x19, x0
    bl      el1_mmu_on
    bl      probe_body
    bl      el1_mmu_off
    RET_HVC

// the same with stage 1 off (SCTLR_EL1.M=0, TCR_EL1.TBI0=1)
el1_probe_s1off:
    mov     x19, x0
    LI      x0, TCR_EL1_MTE
    msr     tcr_el1, x0
    mrs     x0, sctlr_el1
    orr     x0, x0, #SCTLR_C_BIT            // C=1 (M=0), as a guest would
    msr     sctlr_el1, x0
    isb
    MTE_CTL 1, 1, 1, 1, 1
    bl      probe_body
    MTE_CTL 1, 0, 0, 0, 0
    mrs     x0, sctlr_el1
    bic     x0, x0, #SCTLR_C_BIT
    msr     sctlr_el1, x0
    isb
    RET_HVC

// x19 = granule
probe_body:
    str     x30, [sp, #-16]!
    mov     x0, #0
    ldg     x0, [x19]
    PR      "ldg_before", x0
    mov     x0, #9
    mov     x9, x19
    bfi     x9, x0, #56, #4
    stg     x9, [x9]
    mov     x0, #0
    ldg     x0, [x19]
    PR      "ldg_after_stg_tag9", x0
    mov     x0, #7
    mov     x10, x19
    bfi     x10, x0, #56, #4
    LI      x0, 0x5eed000000000000
    orr     x0, x0, x19
    str     x0, [x9]                        // data (tag 9: matches when tagged)
    mov     x0, #0xdead
    T "ldr x0, pointer tag 7", ldr x0, [x10]
    LI      x1, 0x5eed000000000000
    eor     x0, x0, x1
    PR      "x0_eor_5eed", x0
    ldr     x30, [sp], #16
    ret

// x0 = gdata through R_WB (table A): print its tags
el1_tags:
    mov     x19, x0
    bl      el1_mmu_on
    ldgm    x0, [x19]
    PR      "gdata_tags_ldgm", x0
    bl      el1_mmu_off
    RET_HVC

// x0 = gdata granule 9 (identity address)
el1_s2faults:
    mov     x19, x0
    bl      el1_mmu_on
    LI      x0, (R_UN - RAM)
    add     x9, x19, x0
    mov     x0, #9
    bfi     x9, x0, #56, #4
    SET_HOOK 2, hook_hpfar
    T "stg to the invalid stage-2 block", stg x9, [x9]
    SET_HOOK 2, hook_hpfar
    mov     x0, #0
    T "ldg from the invalid stage-2 block", ldg x0, [x9]
    LI      x0, (R_RO - RAM)
    add     x9, x19, x0
    mov     x0, #9
    bfi     x9, x0, #56, #4
    T "stg to the read-only stage-2 block", stg x9, [x9]
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_read_only_block", x0
    LI      x0, (R_WB - RAM)
    add     x9, x19, x0
    mov     x0, #9
    bfi     x9, x0, #56, #4
    stg     x9, [x9]
    LI      x0, (R_RO - RAM)
    add     x9, x19, x0
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_read_only_block_after_stg_via_0x8000_0000", x0
    bl      el1_mmu_off
    RET_HVC

    .bss
    .balign 4096
s1_table:
    .skip   4096
s2_a:
    .skip   4096
s2_b:
    .skip   4096
    .balign 256
gdata:
    .skip   256
