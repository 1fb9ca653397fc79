// exclusive.S - load/store exclusive: LDXR/STXR, LDAXR/STLXR, LDXP/STXP,
// LDAXP/STLXP in B/H/W/X sizes, CLREX, and store-exclusives that fail.
//
// The MMU is turned on first (mmu.inc): exclusives are only architecturally
// defined on Normal memory; on Device memory (MMU off) real cores may fault.
//
// Status values printed: 0 = store performed, 1 = store not performed.
// Failing cases and what defines them:
//   * first STXR since reset, no LDXR before it: QEMU starts with its monitor
//     open (exclusive_addr = -1) and the store fails with status 1; an
//     emulator must likewise reset its local monitor to Open Access.
//   * STXR right after a successful STXR: a store-exclusive always clears the
//     local monitor (AArch64.ExclusiveMonitorsPass), so this one fails:
//     architecturally defined.
//   * STXR after CLREX: CLREX clears the local monitor: architecturally
//     defined failure.
//   * STXR to a different address than the LDXR:
//     CONSTRAINED UNPREDICTABLE (the store may or may not happen, the status
//     may be 0 or 1). QEMU compares the exact address and fails: status 1,
//     memory unchanged. Kept because QEMU is deterministic about it. (QEMU
//     also fails a STXR to the marked address when memory no longer holds
//     the value the LDXR read: it implements STXR as a compare-and-swap.)
// Not tested (IMPLEMENTATION DEFINED or unpredictable): an ordinary store to
// the marked address between LDXR and STXR, Ws equal to Wt/Xn, exception
// entry/return between the pair, spurious failures in a retry loop (only the
// final value of the loop is printed).

    .include "semihost.inc"
    .include "mmu.inc"

    .text
    .global _start
_start:
    SETUP
    MMU_ON
    adrp    x19, mem
    add     x19, x19, :lo12:mem
    LI      x20, 0x8877665544332211
    LI      x21, 0x0123456789abcdef
    LI      x22, 0xfedcba9876543210

// ------------------------------------------------------------ failing first
    PUTS    "== stxr without ldxr ==\n"
    str     x20, [x19]
    stxr    w1, x21, [x19]
    PR      "stxr_no_ldxr_status", x1
    ldr     x0, [x19]
    PR      "stxr_no_ldxr_mem", x0

// ------------------------------------------------------------ success, sizes
    PUTS    "== success ==\n"
    add     x19, x19, #64
    .macro  EXSZ name, ld, st, r
    str     x20, [x19]
    \ld     \r\()0, [x19]
    mov     x1, #0x55
    \st     w1, \r\()21, [x19]
    PR      "\name\()_loaded", x0
    PR      "\name\()_status", x1
    ldr     x3, [x19]
    PR      "\name\()_mem", x3
    .endm
    EXSZ    ldxrb,  ldxrb,  stxrb,  w
    EXSZ    ldxrh,  ldxrh,  stxrh,  w
    EXSZ    ldxr_w, ldxr,   stxr,   w
    EXSZ    ldxr_x, ldxr,   stxr,   x
    EXSZ    ldaxrb, ldaxrb, stlxrb, w
    EXSZ    ldaxrh, ldaxrh, stlxrh, w
    EXSZ    ldaxr_w, ldaxr, stlxr,  w
    EXSZ    ldaxr_x, ldaxr, stlxr,  x
    // mixed acquire/release pairings
    EXSZ    ldxr_stlxr, ldxr, stlxr, x
    EXSZ    ldaxr_stxr, ldaxr, stxr, x
    // byte/halfword at non-zero offsets within the granule
    add     x4, x19, #7
    str     x20, [x19]
    ldxrb   w0, [x4]
    stxrb   w1, w22, [x4]
    PR      "ldxrb_off7", x0
    PR      "ldxrb_off7_status", x1
    add     x4, x19, #6
    ldaxrh  w0, [x4]
    stlxrh  w1, w21, [x4]
    PR      "ldaxrh_off6", x0
    PR      "ldaxrh_off6_status", x1
    ldr     x3, [x19]
    PR      "off_mem", x3

// ------------------------------------------------------------ pairs
    PUTS    "== pairs ==\n"
    str     x20, [x19]
    str     x22, [x19, #8]
    ldxp    x0, x2, [x19]
    mov     x1, #0x55
    stxp    w1, x21, x20, [x19]
    PR      "ldxp_x_0", x0
    PR      "ldxp_x_1", x2
    PR      "stxp_x_status", x1
    ldp     x3, x4, [x19]
    PR      "stxp_x_mem0", x3
    PR      "stxp_x_mem1", x4
    ldaxp   x0, x2, [x19]
    stlxp   w1, x22, x21, [x19]
    PR      "ldaxp_x_0", x0
    PR      "ldaxp_x_1", x2
    PR      "stlxp_x_status", x1
    ldp     x3, x4, [x19]
    PR      "stlxp_x_mem0", x3
    PR      "stlxp_x_mem1", x4
    ldxp    w0, w2, [x19]
    stxp    w1, w20, w21, [x19]
    PR      "ldxp_w_0", x0
    PR      "ldxp_w_1", x2
    PR      "stxp_w_status", x1
    ldr     x3, [x19]
    PR      "stxp_w_mem", x3
    add     x4, x19, #8
    ldaxp   w0, w2, [x4]
    stlxp   w1, w22, w20, [x4]
    PR      "ldaxp_w_0", x0
    PR      "ldaxp_w_1", x2
    PR      "stlxp_w_status", x1
    ldr     x3, [x19, #8]
    PR      "stlxp_w_mem", x3

// ------------------------------------------------------------ failures
    PUTS    "== failures ==\n"
    // STXR right after a successful STXR (architecturally defined: fails)
    str     x20, [x19]
    ldxr    x0, [x19]
    stxr    w1, x21, [x19]
    stxr    w2, x22, [x19]
    PR      "first_status", x1
    PR      "second_status", x2
    ldr     x3, [x19]
    PR      "second_mem", x3
    // STXR after CLREX (architecturally defined: fails)
    str     x20, [x19]
    ldxr    x0, [x19]
    clrex
    stxr    w1, x21, [x19]
    PR      "clrex_status", x1
    ldr     x3, [x19]
    PR      "clrex_mem", x3
    ldxr    w0, [x19]
    clrex   #5                              // the CRm field is ignored
    stxr    w1, w21, [x19]
    PR      "clrex5_status", x1
    ldxp    x0, x2, [x19]
    clrex
    stxp    w1, x21, x22, [x19]
    PR      "clrex_stxp_status", x1
    ldp     x3, x4, [x19]
    PR      "clrex_stxp_mem0", x3
    PR      "clrex_stxp_mem1", x4
    // STLXRB after CLREX
    ldaxrb  w0, [x19]
    clrex
    stlxrb  w1, w21, [x19]
    PR      "clrex_stlxrb_status", x1
    // CONSTRAINED UNPREDICTABLE: STXR to another address than the LDXR.
    // QEMU: status 1, neither location written.
    str     x20, [x19]
    str     x20, [x19, #64]
    add     x4, x19, #64
    ldxr    x0, [x19]
    stxr    w1, x21, [x4]
    PR      "other_addr_status", x1
    ldr     x3, [x19]
    PR      "other_addr_mem0", x3
    ldr     x3, [x19, #64]
    PR      "other_addr_mem64", x3
    clrex
    // ... and in the same 16-byte granule (QEMU compares the exact address)
    add     x4, x19, #4
    ldxr    w0, [x19]
    stxr    w1, w21, [x4]
    PR      "same_granule_status", x1
    ldr     x3, [x19]
    PR      "same_granule_mem", x3
    clrex

// ------------------------------------------------------------ retry loop
    PUTS    "== retry loop ==\n"
    str     xzr, [x19]
    mov     x5, #1000
1:  ldaxr   x0, [x19]
    add     x0, x0, #3
    stlxr   w1, x0, [x19]
    cbnz    w1, 1b
    sub     x5, x5, #1
    cbnz    x5, 1b
    ldr     x0, [x19]
    PR      "counter", x0
    // 32-bit pair loop
    str     xzr, [x19, #16]
    add     x4, x19, #16
    mov     x5, #100
2:  ldxp    w0, w2, [x4]
    add     w0, w0, #1
    sub     w2, w2, #1
    stxp    w1, w0, w2, [x4]
    cbnz    w1, 2b
    sub     x5, x5, #1
    cbnz    x5, 2b
    ldr     x0, [x19, #16]
    PR      "pair_counter", x0

    PUTS    "done\n"
    EXIT    0

    .bss
    .balign 64
mem:
    .skip   256
