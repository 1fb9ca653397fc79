// a64sim-requires: pmu
//
// trap_paths.S - the guest of `a64sim bench-traps`: the round trip of each
// trap path a hypervisor cares about, timed from the guest with the PMU
// cycle counter PMCCNTR_EL0 (include/pmu.inc), N = 64 iterations each.
//
// RESULTS are not printed (cycle counts differ between QEMU and a64sim); the
// host reads them after the run from the global symbol bench_results
// (8-byte aligned, .data), all fields little-endian:
//   +0    u64  magic 0x5041_5254_4b4e_4542 (the bytes "BENKTRAP"), stored
//              last, just before "done": 0 means the run did not finish
//   +8    u64  number of paths (BT_PATHS = 8)
//   +16   BT_PATHS entries of BT_ENTRY = 40 bytes, in the order below:
//         +0   16 bytes  name, ASCII, NUL-padded
//         +16  u64       iterations (N)
//         +24  u64       PMCCNTR_EL0 cycles of the timed loop
//         +32  u64       PMCCNTR_EL0 cycles of its baseline loop
// Each measurement (BT_LOOP) is, at the EL the trapping instruction runs at,
//         mov x19, #N ; isb ; mrs x20, pmccntr_el0
//     1:  <instruction> ; sub x19, x19, #1 ; cbnz x19, 1b
//         isb ; mrs x21, pmccntr_el0            cycles = x21 - x20
// and the baseline is the same loop with NOP as the instruction, run right
// after it in the same configuration. PMCCNTR_EL0 counts at every EL.
//
// Paths (bench_results order; EL2 sets HCR_EL2 and VBAR_EL2 for each, one
// vector table a path, in an HVC service call before it, outside the timed
// loops; EL3's configuration is fixed: SCR_EL3 = NS|RES1|HCE|RW|ATA):
//   hvc          EL1 HVC #0 -> EL2 stub, ERET
//   smc          EL1 SMC #0 -> EL3 stub, ERET (HCR_EL2.TSC = 0, SCR_EL3.SMD = 0)
//   svc          EL0 SVC #0 -> EL1 stub, ERET; timed at EL0 (PMUSERENR_EL0.EN = 1)
//   mrs_tid3     EL1 MRS x0, ID_AA64MMFR0_EL1 with HCR_EL2.TID3 = 1 -> EL2
//                (EC 0x18): saves x0-x30, checks that the ISS names an MRS of
//                ID_AA64MMFR0_EL1, writes EMU_MMFR0 into the saved Rt
//                (ISS.Rt), ELR_EL2 += 4
//   msr_gcr_ata  pKVM's MTE lock-down: EL1 MSR GCR_EL1, x0 with HCR_EL2.ATA = 0
//                (SCR_EL3.ATA = 1) -> EL2 (EC 0x18), which injects an UNDEF
//                (HYP_INJECT_UNDEF, as pkvm_mte_lockdown) -> EL1 VBAR_EL1 +
//                0x200 (EC 0x00): ELR_EL1 += 4, ERET
//   s2_abort     EL1 (MMU off) under stage 2 (VTCR_EL2 4K granule, 32-bit IPA,
//                start level 1; RAM identity as one 1 GiB block): iteration i
//                runs LDR x0, [x22] (then ADD x22, x22, #4096, in the
//                baseline too) on IPA IPA_WIN + i * 4 KiB, which has
//                an invalid level-3 descriptor -> EL2 (EC 0x24): HPFAR_EL2 ->
//                page i -> descriptor to win_pages + i * 4 KiB, DSB ISHST,
//                TLBI IPAS2E1IS, DSB ISH, ERET: the load is retried and passes
//   wfi          EL1 WFI with HCR_EL2.TWI = 1 -> EL2 (EC 0x01): ELR_EL2 += 4
//   tag_fault    EL1 with its MMU and MTE on (SCR_EL3.ATA, HCR_EL2.ATA,
//                SCTLR_EL1.ATA, TCF = 01 synchronous, TBI0, MAIR 0xf0 for the
//                Tagged alias of the RAM): LDR x0, [x10] through a pointer
//                with tag 5 to a granule with tag 3 -> EL1 (EC 0x25, DFSC
//                0x11): ELR_EL1 += 4, ERET
//
// Handlers that end a round trip count their entries in x18 and leave the
// ESR they read in x16; the EL2 half of msr_gcr_ata uses x14 and x15, and
// s2_abort's handler leaves HPFAR_EL2 in x15. The timed loops keep x14-x18
// free and x17 = 0: a trap with x17 != 0 is not measured but a service call
// (from EL1: HVC with x17 = the EL2 routine to call; from EL0: SVC that ends
// the EL0 part). PRINTED: per path its name and facts that prove the path did
// what it should (entries = N, the last ESR, emulated values, stage-2 pages
// mapped); then "done".

    .include "semihost.inc"
    .include "hyp.inc"
    .include "pt.inc"
    .include "mte_b_common.inc"
    .include "pmu.inc"

    .equ N, 64                              // iterations of every loop
    .equ BT_PATHS, 8
    .equ BT_HDR, 16
    .equ BT_ENTRY, 40
    .equ BT_CYCLES, 24                      // then the baseline at +32
    .equ BT_MAGIC, 0x504152544b4e4542       // "BENKTRAP"

    .equ RAM, 0x40000000
    .equ TAG_OFF, 0x40000000                // Tagged alias: VA = PA + TAG_OFF
    .equ TGRAN_VALUE, 0x7a67000000000003    // the data of the tagged granule
    .equ EMU_MMFR0, 0x0000022200101125      // ID_AA64MMFR0_EL1 shown to EL1
    .equ ISS_MRS_MMFR0, 0x30000f            // op0 3, op1 0, CRn 0, CRm 7, op2 0, read
    .equ GCR_HOST, 0x10001                  // GCR_EL1 set by EL2
    .equ GCR_GUEST, 0xfffe                  // what EL1 tries to write
    .equ IPA_WIN, 0xc0000000                // N pages, mapped on demand
    .equ WIN_MARK, 0x5132000000000000       // dword 0 of window page i: WIN_MARK | i
    .equ S2_POOL_SIZE, 0x4000
    .equ VTCR, (32 | VTCR_SL0_L1 | TCR_WB0 | TCR_TG0_4K | VTCR_PS_40 | VTCR_RES1)
    .equ S2PAGE, (PT_S2_NORMAL_RW | PT_PAGE)
    .equ VMID1, (1 << 48)

// BT_LOOP dst, insn, step: dst = PMCCNTR_EL0 cycles of N executions of
// insn in the loop above, with the instruction step (if any) after it in
// the loop (clobbers x19-x21).
.macro BT_LOOP dst, insn, step
    mov     x19, #N
    PMU_CYCLES x20
.Lbt_loop\@:
    \insn
    \step
    sub     x19, x19, #1
    cbnz    x19, .Lbt_loop\@
    PMU_CYCLES x21
    sub     \dst, x21, x20
.endm

// BENCH idx, insn, step: time insn (quoted if it has commas) and its NOP
// baseline (with the same step), store both in entry idx of bench_results
// (x14-x18 = 0 before; clobbers x19-x21, x23-x25).
.macro BENCH idx, insn, step
    mov     x14, #0
    mov     x15, #0
    mov     x16, #0
    mov     x17, #0
    mov     x18, #0
    BT_LOOP x23, "\insn", "\step"
    BT_LOOP x24, nop, "\step"
    LA      x25, (bench_results + BT_HDR + (\idx) * BT_ENTRY)
    stp     x23, x24, [x25, #BT_CYCLES]
.endm

// PATH idx, name: print the path's header and have EL2 configure it.
.macro PATH idx, name
    PUTS    "== \name ==\n"
    mov     x0, #\idx
    EL2_CALL el2_enter_path
.endm

// EL2_CALL func: from EL1, run func at EL2 (x0-x16 reach it; it may print
// and must return with RET). Every register survives; x17 = 0 after.
.macro EL2_CALL func
    LA      x17, \func
    hvc     #1
.endm

// The end of a round trip at ELel: count it, keep the ESR.
.macro BT_DONE el
    mrs     x16, esr_el\el
    add     x18, x18, #1
.endm

// Vector slot of the stubs: service call (x17 != 0) or round trip.
.macro BT_STUB el, service
    cbnz    x17, \service
    BT_DONE \el
    eret
.endm

// Return past the trapping instruction; with `service`, the vector slot of
// a lower EL that also takes service calls.
.macro BT_SKIP el, service
    .ifnb   \service
    cbnz    x17, \service
    .endif
    mrs     x16, elr_el\el
    add     x16, x16, #4
    msr     elr_el\el, x16
    BT_DONE \el
    eret
.endm

// Lower-EL slot of an EL2 table: service call or `handler`.
.macro BT_TO handler
    cbnz    x17, el2_call
    b       \handler
.endm

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT (SCR_NVHE | SCR_ATA)
    LA      x0, el3_vectors
    msr     vbar_el3, x0
    PMU_EL3_INIT
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry

// ------------------------------------------------------------------ EL2
el2_entry:
    PUTS    "== trap_paths: trap round trips, cycles in bench_results ==\n"
    mov     x0, #N
    PR      "iterations", x0
    LA      x0, el2_vec_plain
    msr     vbar_el2, x0
    LA      x0, el1_vectors
    msr     vbar_el1, x0
    LI      x0, GCR_HOST
    msr     gcr_el1, x0
    bl      s2_build
    isb
    DROP_EL2 (SPSR_DAIF | SPSR_EL1H), el1_main

// s2_build: fill the window's pages, build the stage-2 tables (RAM block,
// empty level-3 table for IPA_WIN), set VTCR_EL2 and VTTBR_EL2 (VMID 1).
s2_build:
    str     x30, [sp, #-16]!
    LA      x0, win_pages
    LI      x2, WIN_MARK
    mov     x1, #0
1:  orr     x3, x2, x1
    str     x3, [x0]
    add     x0, x0, #4096
    add     x1, x1, #1
    cmp     x1, #N
    b.lo    1b
    LA      x0, s2_pool
    LI      x1, S2_POOL_SIZE
    bl      pt_pool_init
    mov     x0, #4096
    bl      pt_alloc
    mov     x5, x0                          // root
    PT_GEOM x3, 12, 1, 1, 32
    mov     x4, #0
    LI      x1, RAM
    LI      x2, (RAM | PT_S2_NORMAL_RW | PT_BLOCK)
    bl      pt_map
    mov     x0, x5
    PT_GEOM x3, 12, 1, 3, 32
    LI      x1, IPA_WIN
    bl      pt_walk                         // allocates the L2 and L3 tables
    LA      x1, s2_win_slots
    str     x0, [x1]
    LI      x0, VTCR
    msr     vtcr_el2, x0
    LI      x0, VMID1
    orr     x0, x0, x5
    msr     vttbr_el2, x0
    dsb     sy
    ldr     x30, [sp], #16
    ret

// Service call (x17 = routine): run it on a saved frame, return with x17 = 0.
el2_call:
    HYP_SAVE_GPRS
    blr     x17
    str     xzr, [sp, #(17 * 8)]
    HYP_RESTORE_GPRS
    eret

// el2_enter_path: x0 = path index: HCR_EL2 and VBAR_EL2 from bt_config.
el2_enter_path:
    LA      x1, bt_config
    add     x1, x1, x0, lsl #4
    ldp     x2, x3, [x1]
    msr     hcr_el2, x2
    msr     vbar_el2, x3
    isb
    tlbi    vmalls12e1
    dsb     ish
    isb
    ret

el2_print_gcr:
    mrs     x0, gcr_el1
    PR      "gcr_el1", x0
    ret

el2_print_s2:
    LA      x0, s2_win_slots
    ldr     x0, [x0]
    mov     x1, #0
    mov     x2, #0
1:  ldr     x3, [x0, x2, lsl #3]
    and     x3, x3, #1
    add     x1, x1, x3
    add     x2, x2, #1
    cmp     x2, #N
    b.lo    1b
    PR      "s2_pages_mapped", x1
    ret

// mrs_tid3: emulate MRS ID_AA64MMFR0_EL1 (nothing else is trapped).
el2_tid3:
    HYP_SAVE_GPRS
    mrs     x0, esr_el2
    bic     x1, x0, #(0x1f << 5)            // the ISS without Rt
    and     x1, x1, #0x1ffffff
    LIW     w2, ISS_MRS_MMFR0
    cmp     x1, x2
    b.ne    el2_bad
    ubfx    x1, x0, #5, #5                  // Rt
    cmp     x1, #31
    b.eq    1f                              // XZR: nothing to write
    LI      x2, EMU_MMFR0
    str     x2, [sp, x1, lsl #3]
1:  HYP_RESTORE_GPRS
    BT_SKIP 2

// msr_gcr_ata: inject an UNDEF into EL1.
el2_gcr:
    stp     x0, x1, [sp, #-32]!
    stp     x2, x3, [sp, #16]
    mrs     x3, elr_el2
    mrs     x15, spsr_el2
    HYP_INJECT_UNDEF x3, x15
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp], #32
    mrs     x15, esr_el2
    add     x14, x14, #1
    eret

// s2_abort: map the faulting page of the window, retry.
el2_s2:
    stp     x0, x1, [sp, #-32]!
    stp     x2, x3, [sp, #16]
    mrs     x15, hpfar_el2
    ubfx    x0, x15, #4, #40                // FIPA: IPA[51:12]
    mov     x1, #(IPA_WIN >> 12)
    sub     x1, x0, x1                      // page of the window
    cmp     x1, #N
    b.hs    el2_bad
    LA      x2, s2_win_slots
    ldr     x2, [x2]
    LA      x3, win_pages
    add     x3, x3, x1, lsl #12
    orr     x3, x3, #S2PAGE
    str     x3, [x2, x1, lsl #3]
    dsb     ishst
    tlbi    ipas2e1is, x0
    dsb     ish
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp], #32
    BT_DONE 2
    eret

el2_bad:
    mov     x0, #8
    b       hyp_unexpected_el2

el3_no_service:
    mov     x0, #8
    b       hyp_unexpected_el3

// ------------------------------------------------------------------ EL1
el1_main:
    PATH    0, hvc
    BENCH   0, hvc #0
    PR      "entries", x18
    PR      "esr_el2", x16

    PATH    1, smc
    BENCH   1, smc #0
    PR      "entries", x18
    PR      "esr_el3", x16

    PATH    2, svc
    mov     x0, #PMUSERENR_EN
    msr     pmuserenr_el0, x0
    DROP_EL1 (SPSR_DAIF | SPSR_EL0T), el0_svc
el1_svc_done:                               // from el1_el0_exit
    msr     pmuserenr_el0, xzr
    PR      "entries", x18
    PR      "esr_el1", x16

    PATH    3, mrs_tid3
    mov     x0, #0
    BENCH   3, "mrs x0, id_aa64mmfr0_el1"
    PR      "entries", x18
    PR      "esr_el2", x16
    PR      "x0", x0

    PATH    4, msr_gcr_ata
    LI      x0, GCR_GUEST
    BENCH   4, "msr gcr_el1, x0"
    PR      "el2_entries", x14
    PR      "esr_el2", x15
    PR      "el1_entries", x18
    PR      "esr_el1", x16
    EL2_CALL el2_print_gcr

    PATH    5, s2_abort
    LI      x22, IPA_WIN
    BENCH   5, "ldr x0, [x22]", "add x22, x22, #4096"
    PR      "esr_el2", x16
    PR      "hpfar_el2", x15
    PR      "x0", x0
    LI      x1, IPA_WIN                     // read the window again
    mov     x2, #0
    mov     x3, #N
1:  ldr     x4, [x1]
    add     x1, x1, #4096
    add     x2, x2, x4
    sub     x3, x3, #1
    cbnz    x3, 1b
    PR      "window_sum", x2
    PR      "entries", x18                  // no fault on the second pass
    EL2_CALL el2_print_s2

    PATH    6, wfi
    BENCH   6, wfi
    PR      "entries", x18
    PR      "esr_el2", x16

    PATH    7, tag_fault
    bl      el1_mte_on
    mov     x0, #0xdead
    BENCH   7, "ldr x0, [x10]"
    PR      "entries", x18
    PR      "esr_el1", x16
    mrs     x1, far_el1
    and     x1, x1, #0x00ffffffffffffff     // FAR[63:56] UNKNOWN for a tagged VA
    PR      "far56", x1
    PR      "x0", x0
    ldr     x0, [x9]                        // the right tag: no fault
    PR      "ldr_tag3", x0
    PR      "entries_after", x18

    LA      x0, bench_results
    LI      x1, BT_MAGIC
    str     x1, [x0]
    PUTS    "done\n"
    EXIT    0

// tag_fault setup: EL1 stage 1 (identity 1 GiB block of the RAM, Normal
// untagged; its Tagged alias at RAM + TAG_OFF), SCTLR_EL1.ATA = 1, TCF = 01;
// tgran gets tag 3 and the value TGRAN_VALUE. x9 = tag-3 pointer to it, x10
// = tag-5 pointer.
el1_mte_on:
    str     x30, [sp, #-16]!
    MTEB_ALIAS_L1 l1_table, RAM, TAG_OFF
    LI      x0, TCR_EL1_MTE
    LA      x1, l1_table
    LA      x2, l1_table
    bl      mteb_el1_on
    MTE_CTL 1, 1, 0, 1, 0
    LA      x9, tgran
    LI      x0, TAG_OFF
    add     x9, x9, x0
    TAGP    x9, x9, 3, 0
    stg     x9, [x9]
    LI      x0, TGRAN_VALUE
    str     x0, [x9]
    TAGP    x10, x9, 5, 0
    ldr     x30, [sp], #16
    ret

// EL0's last SVC (x17 = 1): back to el1_main at EL1h (an ERET, so that
// PSTATE.TCO is 0 again: the exception entry set it).
el1_el0_exit:
    LA      x0, el1_svc_done
    msr     elr_el1, x0
    mov     x0, #(SPSR_DAIF | SPSR_EL1H)
    msr     spsr_el1, x0
    eret

// EL1 current-EL synchronous exceptions: the injected UNDEF, the tag-check
// fault.
el1_skip:
    BT_SKIP 1

// ------------------------------------------------------------------ EL0
el0_svc:
    BENCH   2, svc #0
    mov     x17, #1
    svc     #0                              // to el1_el0_exit

// ------------------------------------------------------------------ tables
    HYP_VECTORS el3_vectors, 3, , , INLINE, "BT_STUB 3, el3_no_service"
    HYP_VECTORS el2_vec_plain, 2, , , INLINE, "BT_TO el2_bad"
    HYP_VECTORS el2_vec_hvc, 2, , , INLINE, "BT_STUB 2, el2_call"
    HYP_VECTORS el2_vec_tid3, 2, , , INLINE, "BT_TO el2_tid3"
    HYP_VECTORS el2_vec_gcr, 2, , , INLINE, "BT_TO el2_gcr"
    HYP_VECTORS el2_vec_s2, 2, , , INLINE, "BT_TO el2_s2"
    HYP_VECTORS el2_vec_wfi, 2, , , INLINE, "BT_SKIP 2, el2_call"
    HYP_VECTORS el1_vectors, 1, , el1_skip, INLINE, "BT_STUB 1, el1_el0_exit"

    .section .rodata
    .balign 8
// Per path: HCR_EL2, VBAR_EL2.
bt_config:
    .quad   HCR_RW, el2_vec_hvc
    .quad   HCR_RW, el2_vec_plain
    .quad   HCR_RW, el2_vec_plain
    .quad   (HCR_RW | HCR_TID3), el2_vec_tid3
    .quad   HCR_RW, el2_vec_gcr
    .quad   (HCR_RW | HCR_VM), el2_vec_s2
    .quad   (HCR_RW | HCR_TWI), el2_vec_wfi
    .quad   (HCR_RW | HCR_ATA), el2_vec_plain

.macro BT_ENTRY_DATA name
    .balign 8
.Lbt_name\@:
    .ascii  "\name"
    .fill   16 - (. - .Lbt_name\@), 1, 0
    .quad   N, 0, 0
.endm

    .data
    .balign 8
    .global bench_results
    .type   bench_results, %object
bench_results:
    .quad   0                               // BT_MAGIC once finished
    .quad   BT_PATHS
    BT_ENTRY_DATA hvc
    BT_ENTRY_DATA smc
    BT_ENTRY_DATA svc
    BT_ENTRY_DATA mrs_tid3
    BT_ENTRY_DATA msr_gcr_ata
    BT_ENTRY_DATA s2_abort
    BT_ENTRY_DATA wfi
    BT_ENTRY_DATA tag_fault
    .size   bench_results, . - bench_results

    .bss
    .balign 4096
win_pages:
    .skip   N * 4096
s2_pool:
    .skip   S2_POOL_SIZE
l1_table:
    .skip   4096
s2_win_slots:
    .skip   8
    .balign 64
tgran:
    .skip   64
