// selfmod.S - self-modifying code. A routine and a straight-line
// instruction are executed, overwritten with a new instruction word, made
// visible with the architectural sequence
//     DC CVAU; DSB ISH; IC IVAU; DSB ISH; ISB
// and executed again; the results show that the new instructions ran.
// Done first with the MMU off, then again with the MMU and caches on.

    .include "semihost.inc"
    .include "mmu.inc"

// SYNC_ICACHE xA: make the instruction word at xA visible to fetch
.macro SYNC_ICACHE reg
    dc      cvau, \reg
    dsb     ish
    ic      ivau, \reg
    dsb     ish
    isb
.endm

.macro ROUND tag, tmpl_a, tmpl_b
    // 1. run the routine in a loop so that it is surely cached/translated
    mov     x0, #0
    mov     x5, #10
1:  bl      patch_fn
    sub     x5, x5, #1
    cbnz    x5, 1b
    PR      "\tag\()_before", x0
    // 2. overwrite its first instruction
    adr     x1, patch_fn
    ldr     w2, \tmpl_a
    str     w2, [x1]
    SYNC_ICACHE x1
    mov     x5, #10
2:  bl      patch_fn
    sub     x5, x5, #1
    cbnz    x5, 2b
    PR      "\tag\()_after", x0
    ldr     w3, [x1]
    PR      "\tag\()_word", x3
    // 3. modify the instruction right after the maintenance sequence,
    //    alternating the new and the original word: new, old, new, old
    mov     x6, #4
    ldr     w7, \tmpl_b
    ldr     w8, orig_inline
3:  adr     x1, 4f
    str     w7, [x1]
    SYNC_ICACHE x1
4:  movz    x0, #0x1111                      // replaced on every pass
    PR      "\tag\()_inline", x0
    mov     w9, w7
    mov     w7, w8
    mov     w8, w9
    sub     x6, x6, #1
    cbnz    x6, 3b
.endm

    .text
    .global _start
_start:
    SETUP
    PUTS    "== mmu off ==\n"
    ROUND   off, tmpl_add100, tmpl_mov2222
    // restore patch_fn for the next round
    adr     x1, patch_fn
    ldr     w2, orig_fn
    str     w2, [x1]
    SYNC_ICACHE x1

    MMU_ON
    PUTS    "== mmu on ==\n"
    ROUND   on, tmpl_sub7, tmpl_mov3333

    PUTS    "done\n"
    EXIT    0

    .balign 64
patch_fn:
    add     x0, x0, #1
    ret

    // templates, assembled here and copied over the code as data
    .balign 4
orig_fn:
    add     x0, x0, #1
orig_inline:
    movz    x0, #0x1111
tmpl_add100:
    add     x0, x0, #100
tmpl_sub7:
    sub     x0, x0, #7
tmpl_mov2222:
    movz    x0, #0x2222
tmpl_mov3333:
    movz    x0, #0x3333
