// branch.S - B, BL, B.cond (all 16 conditions under all 16 NZCV values),
// CBZ/CBNZ, TBZ/TBNZ on every bit, BR, BLR, RET, RET Xn.

    .include "semihost.inc"

    .text
    .global _start
_start:
    SETUP

// ------------------------------------------------------------ B.cond matrix
// For every NZCV value (set with MSR NZCV) and every condition, bit c of the
// printed mask is set when B.<c> is taken (c = 0 eq, 1 ne, ... 14 al, 15 nv).
    PUTS    "== b.cond ==\n"
    .set    nzcv, 0
    .rept   16
    mov     x9, #(nzcv << 28)
    msr     nzcv, x9
    mov     x10, #0
    .set    cbit, 0
    .irp    cond, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
    b.\cond 1f
    b       2f
1:  orr     x10, x10, #(1 << cbit)
2:
    .set    cbit, cbit + 1
    .endr
    mrs     x11, nzcv                        // B.cond never changes the flags
    orr     x10, x10, x11
    PR      "bcond", x10
    .set    nzcv, nzcv + 1
    .endr

    // The hs/lo spellings are the same encodings as cs/cc.
    mov     x9, #(2 << 28)
    msr     nzcv, x9
    mov     x10, #0
    b.hs    1f
    orr     x10, x10, #1
1:  b.lo    2f
    orr     x10, x10, #2
2:  PR      "hs_lo", x10

// ------------------------------------------------------------ B / BL
    PUTS    "== b/bl ==\n"
    mov     x0, #0
    b       b_fwd
    orr     x0, x0, #1                       // skipped
b_back:
    orr     x0, x0, #2
    b       b_done
b_fwd:
    orr     x0, x0, #4
    b       b_back
    orr     x0, x0, #8                       // skipped
b_done:
    PR      "b_path", x0

    bl      leaf_add
bl_ret:
    PR      "leaf_result", x0
    adr     x1, bl_ret
    sub     x1, x30, x1                      // BL links to the next instruction
    PR      "bl_link_delta", x1

    // nested calls with the link register saved on the stack
    mov     x0, #0
    bl      outer
    PR      "nested", x0

// ------------------------------------------------------------ BR / BLR / RET
    PUTS    "== br/blr/ret ==\n"
    adr     x2, br_target
    mov     x0, #0
    br      x2
    orr     x0, x0, #1                       // skipped
br_target:
    orr     x0, x0, #2
    PR      "br", x0

    adr     x3, leaf_add
    mov     x0, #5
    blr     x3
blr_ret:
    PR      "blr_result", x0
    adr     x4, blr_ret
    sub     x4, x30, x4
    PR      "blr_link_delta", x4

    // BLR x30: the target is read before the link is written
    adr     x30, leaf_add
    mov     x0, #7
    blr     x30
blr30_ret:
    PR      "blr_x30_result", x0
    adr     x4, blr30_ret
    sub     x4, x30, x4
    PR      "blr_x30_link_delta", x4

    // RET Xn
    adr     x5, ret_x5_target
    mov     x0, #0
    bl      ret_via_x5
    orr     x0, x0, #1                       // skipped: ret x5 goes elsewhere
ret_x5_target:
    orr     x0, x0, #2
    PR      "ret_x5", x0

    // BR x30
    adr     x30, brx30_target
    mov     x0, #0
    br      x30
    orr     x0, x0, #1
brx30_target:
    orr     x0, x0, #4
    PR      "br_x30", x0

    // jump table through BR
    mov     x6, #0
    mov     x7, #0
jt_loop:
    adr     x8, jtab
    ldrsw   x9, [x8, x7, lsl #2]
    add     x8, x8, x9
    br      x8
jt_case0:
    add     x6, x6, #1
    b       jt_next
jt_case1:
    add     x6, x6, #10
    b       jt_next
jt_case2:
    add     x6, x6, #100
    b       jt_next
jt_case3:
    add     x6, x6, #1000
jt_next:
    add     x7, x7, #1
    cmp     x7, #7
    b.ne    jt_loop
    PR      "jump_table", x6

// ------------------------------------------------------------ CBZ / CBNZ
    PUTS    "== cbz/cbnz ==\n"
    .macro  CBTEST name, val
    LI      x12, \val
    mov     x13, #0
    cbz     x12, 1f
    orr     x13, x13, #1
1:  cbnz    x12, 2f
    orr     x13, x13, #2
2:  cbz     w12, 3f
    orr     x13, x13, #4
3:  cbnz    w12, 4f
    orr     x13, x13, #8
4:  PR      "\name", x13
    .endm
    CBTEST  "cb_zero", 0
    CBTEST  "cb_one", 1
    CBTEST  "cb_hi32", 0x100000000          // W view is zero, X view is not
    CBTEST  "cb_ones", 0xffffffffffffffff
    CBTEST  "cb_min", 0x8000000000000000

    // a CBNZ countdown loop (backward branch)
    mov     x14, #37
    mov     x15, #0
1:  add     x15, x15, x14
    sub     x14, x14, #1
    cbnz    x14, 1b
    PR      "cbnz_loop", x15

// ------------------------------------------------------------ TBZ / TBNZ
// Rebuild a value bit by bit with TBNZ (and its complement with TBZ) on
// every bit position 0..63.
    PUTS    "== tbz/tbnz ==\n"
    .macro  TBTEST name, val
    LI      x16, \val
    mov     x17, #0
    mov     x18, #0
    .set    bit, 0
    .rept   64
    tbnz    x16, #bit, 1f
    b       2f
1:  orr     x17, x17, #(1 << bit)
2:  tbz     x16, #bit, 3f
    b       4f
3:  orr     x18, x18, #(1 << bit)
4:
    .set    bit, bit + 1
    .endr
    PR      "\name\()_tbnz", x17
    PR      "\name\()_tbz", x18
    .endm
    TBTEST  "tb_a", 0x8123456789abcdef
    TBTEST  "tb_b", 0x5a5a0000ffff0001
    TBTEST  "tb_c", 0xffffffffffffffff

    // W-register forms (bit < 32)
    LIW     w16, 0x80000001
    mov     x17, #0
    tbnz    w16, #31, 1f
    orr     x17, x17, #1
1:  tbz     w16, #0, 2f
    orr     x17, x17, #2
2:  tbz     w16, #30, 3f
    orr     x17, x17, #4
3:  PR      "tb_w", x17

    // TBZ/TBNZ/CBZ never change the flags
    mov     x9, #(0xa << 28)
    msr     nzcv, x9
    cbz     xzr, 1f
1:  tbnz    x9, #31, 2f
2:  PRNZCV  "flags_kept"

    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ subroutines
leaf_add:                                    // x0 += 0x100
    add     x0, x0, #0x100
    ret

inner:
    add     x0, x0, #3
    ret

outer:
    stp     x29, x30, [sp, #-16]!
    add     x0, x0, #1
    bl      inner
    lsl     x0, x0, #4
    bl      inner
    ldp     x29, x30, [sp], #16
    ret

ret_via_x5:
    ret     x5

    .section .rodata
    .balign 4
jtab:
    .word   jt_case0 - jtab
    .word   jt_case2 - jtab
    .word   jt_case1 - jtab
    .word   jt_case3 - jtab
    .word   jt_case2 - jtab
    .word   jt_case0 - jtab
    .word   jt_case3 - jtab
