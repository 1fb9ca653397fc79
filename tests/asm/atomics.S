// atomics.S - FEAT_LSE atomics: LDADD/LDCLR/LDEOR/LDSET/LDSMAX/LDSMIN/
// LDUMAX/LDUMIN/SWP in plain/A/L/AL orderings and B/H/W/X sizes (signed
// extremes, junk in the upper register bits), the ST<op> aliases (Rt = ZR),
// CAS/CASA/CASL/CASAL in every size (success and failure) and
// CASP/CASPA/CASPL/CASPAL (W and X pairs).
//
// The MMU is turned on first (mmu.inc): atomics are only architecturally
// defined on Normal memory; on Device memory a real core may fault.
//
// Every access sits in a 16-byte slot pre-filled with 0xa5 bytes:
//   B at +3, H at +6, W at +4, X at +8.
// For each test "<mnemonic>_<set>=" is the value returned in Rt and
// "<mnemonic>_<set>.m=" the dword of the slot that holds the location, so
// the neighbouring bytes show too.

    .include "semihost.inc"
    .include "mmu.inc"

// One atomic: slot init, store memval at off, run mn Rs=regval, Rt=x0/w0.
.macro AT1 mn, st, r, off, memval, regval, name
    stp     x27, x27, [x19]
    LI      x10, \memval
    \st     \r\()10, [x19, #\off]
    LI      x12, \regval
    add     x11, x19, #\off
    mov     x0, #0x5a5a
    \mn     \r\()12, \r\()0, [x11]
    PR      "\name", x0
    ldr     x1, [x19, #((\off) & 8)]
    PR      "\name\().m", x1
.endm

// Two operand sets for each size. Set 1: signed extremes. Set 2: a mixed
// pattern, with junk in the register bits above the access size.
.macro ATSZ base
    AT1     \base\()b, strb, w, 3, 0x80, 0x7f, \base\()b_1
    AT1     \base\()b, strb, w, 3, 0xc5, 0xffffff3a, \base\()b_2
    AT1     \base\()h, strh, w, 6, 0x8000, 0x7fff, \base\()h_1
    AT1     \base\()h, strh, w, 6, 0x7e01, 0x1234f00f, \base\()h_2
    AT1     \base, str, w, 4, 0x80000000, 0x7fffffff, \base\()_w1
    AT1     \base, str, w, 4, 0xfffffffe, 0x00000003, \base\()_w2
    AT1     \base, str, x, 8, 0x8000000000000000, 0x7fffffffffffffff, \base\()_x1
    AT1     \base, str, x, 8, 0x00000000ffffffff, 0xffffffff00000001, \base\()_x2
.endm

.macro ATOP op
    ATSZ    \op
    ATSZ    \op\()a
    ATSZ    \op\()l
    ATSZ    \op\()al
.endm

// ST<op> alias (LD<op> with Rt = ZR): only the memory changes.
.macro ST1 mn, st, r, off, memval, regval, name
    stp     x27, x27, [x19]
    LI      x10, \memval
    \st     \r\()10, [x19, #\off]
    LI      x12, \regval
    add     x11, x19, #\off
    \mn     \r\()12, [x11]
    ldr     x1, [x19, #((\off) & 8)]
    PR      "\name\().m", x1
.endm

.macro STSZ base
    ST1     \base\()b, strb, w, 3, 0x80, 0x7f, \base\()b
    ST1     \base\()h, strh, w, 6, 0x7e01, 0x1234f00f, \base\()h
    ST1     \base, str, w, 4, 0xfffffffe, 0x00000003, \base\()_w
    ST1     \base, str, x, 8, 0x8000000000000000, 0x7fffffffffffffff, \base\()_x
.endm

// CAS: Rs = compare value (gets the old memory value), Rt = new value.
.macro CAS1 mn, st, r, off, memval, cmpval, newval, name
    stp     x27, x27, [x19]
    LI      x10, \memval
    \st     \r\()10, [x19, #\off]
    LI      x0, \cmpval
    LI      x12, \newval
    add     x11, x19, #\off
    \mn     \r\()0, \r\()12, [x11]
    PR      "\name", x0
    ldr     x1, [x19, #((\off) & 8)]
    PR      "\name\().m", x1
.endm

.macro CASSZ base
    // success (for B/H the compare ignores the register bits above the size)
    CAS1    \base\()b, strb, w, 3, 0x80, 0xffffff80, 0x7f, \base\()b_ok
    CAS1    \base\()h, strh, w, 6, 0x8001, 0x00018001, 0x1234, \base\()h_ok
    CAS1    \base, str, w, 4, 0x80000000, 0x80000000, 0x7fffffff, \base\()_w_ok
    CAS1    \base, str, x, 8, 0x8000000000000000, 0x8000000000000000, 0x0123456789abcdef, \base\()_x_ok
    // failure: the old value comes back, memory unchanged
    CAS1    \base\()b, strb, w, 3, 0x80, 0x7f, 0x11, \base\()b_fail
    CAS1    \base\()h, strh, w, 6, 0x8001, 0x8000, 0x1234, \base\()h_fail
    CAS1    \base, str, w, 4, 0x80000000, 0x00000000, 0x7fffffff, \base\()_w_fail
    CAS1    \base, str, x, 8, 0x8000000000000000, 0x0000000000000000, 0x0123456789abcdef, \base\()_x_fail
    CAS1    \base, str, x, 8, 0x8000000000000000, 0x8000000100000000, 0x0123456789abcdef, \base\()_x_fail_hi
.endm

// CASP: x0:x1 (w0:w1) compare pair, x2:x3 (w2:w3) new pair, 16-byte slot.
.macro CASP1 mn, r, m0, m1, c0, c1, n0, n1, name
    stp     x27, x27, [x19]
    LI      x4, \m0
    LI      x5, \m1
    .ifc    \r, x
    stp     x4, x5, [x19]
    .else
    stp     w4, w5, [x19, #8]
    .endif
    LI      x0, \c0
    LI      x1, \c1
    LI      x2, \n0
    LI      x3, \n1
    .ifc    \r, x
    mov     x11, x19
    .else
    add     x11, x19, #8
    .endif
    \mn     \r\()0, \r\()1, \r\()2, \r\()3, [x11]
    PR      "\name\()_0", x0
    PR      "\name\()_1", x1
    ldp     x6, x7, [x19]
    PR      "\name\().m0", x6
    PR      "\name\().m1", x7
.endm

.macro CASPSZ base
    CASP1   \base, x, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x1111111111111111, 0x2222222222222222, \base\()_x_ok
    CASP1   \base, x, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7ffffffffffffffe, 0x1111111111111111, 0x2222222222222222, \base\()_x_fail_hi
    CASP1   \base, x, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0x1111111111111111, 0x2222222222222222, \base\()_x_fail_lo
    CASP1   \base, w, 0x80000000, 0x7fffffff, 0xffffffff80000000, 0x7fffffff, 0x33333333, 0x44444444, \base\()_w_ok
    CASP1   \base, w, 0x80000000, 0x7fffffff, 0x80000000, 0x7ffffffe, 0x33333333, 0x44444444, \base\()_w_fail
.endm

    .text
    .global _start
_start:
    SETUP
    MMU_ON
    adrp    x19, slot
    add     x19, x19, :lo12:slot
    LI      x27, 0xa5a5a5a5a5a5a5a5

    PUTS    "== ld<op> / swp ==\n"
    ATOP    ldadd
    ATOP    ldclr
    ATOP    ldeor
    ATOP    ldset
    ATOP    ldsmax
    ATOP    ldsmin
    ATOP    ldumax
    ATOP    ldumin
    ATOP    swp

    PUTS    "== st<op> ==\n"
    .irp    op, stadd, stclr, steor, stset, stsmax, stsmin, stumax, stumin
    STSZ    \op
    STSZ    \op\()l
    .endr

    PUTS    "== cas ==\n"
    CASSZ   cas
    CASSZ   casa
    CASSZ   casl
    CASSZ   casal

    PUTS    "== casp ==\n"
    CASPSZ  casp
    CASPSZ  caspa
    CASPSZ  caspl
    CASPSZ  caspal

    // a small counter loop built from LDADDAL, and a CAS retry loop
    PUTS    "== loops ==\n"
    str     xzr, [x19]
    mov     x5, #1000
    mov     x6, #7
1:  ldaddal x6, x0, [x19]
    sub     x5, x5, #1
    cbnz    x5, 1b
    ldr     x0, [x19]
    PR      "ldaddal_loop", x0
    mov     x5, #100
2:  ldr     x0, [x19]
3:  add     x2, x0, x0, lsl #1          // x = 3x + 1
    add     x2, x2, #1
    mov     x1, x0
    casal   x1, x2, [x19]
    cmp     x1, x0
    mov     x0, x1
    b.ne    3b
    sub     x5, x5, #1
    cbnz    x5, 2b
    ldr     x0, [x19]
    PR      "cas_loop", x0

    PUTS    "done\n"
    EXIT    0

    .bss
    .balign 16
slot:
    .skip   16
