// bench_ldst_loop.S - benchmark: loads and stores over a 64 KiB buffer
// (read-modify-write of every dword, pair loads, byte stores), about 1.0e9
// instructions. Prints a checksum of the buffer and of the loaded values.

    .include "semihost.inc"
    .include "mmu.inc"

    .equ    BUF_SIZE, 65536
    .equ    PASSES, 30500                   // 8 instructions per 16 bytes: 32772 per pass

    .text
    .global _start
_start:
    SETUP
    MMU_ON
    adrp    x19, buf
    add     x19, x19, :lo12:buf
    // fill the buffer with a pattern
    LI      x1, 0x0123456789abcdef
    LI      x2, 0x9e3779b97f4a7c15
    mov     x3, x19
    mov     x4, #(BUF_SIZE / 8)
1:  str     x1, [x3], #8
    add     x1, x1, x2
    sub     x4, x4, #1
    cbnz    x4, 1b

    mov     x10, #0                         // sum of loaded values
    mov     x5, #PASSES
2:  mov     x3, x19
    mov     x4, #(BUF_SIZE / 16)
3:  ldp     x6, x7, [x3]
    add     x10, x10, x6
    eor     x6, x6, x7, ror #7
    add     x7, x7, x5
    stp     x7, x6, [x3], #16
    strb    w10, [x3, #-3]
    sub     x4, x4, #1
    cbnz    x4, 3b
    sub     x5, x5, #1
    cbnz    x5, 2b

    PR      "loaded_sum", x10
    mov     x1, #BUF_SIZE
    CKSUM   x0, x19, x1
    PR      "buffer_checksum", x0
    EXIT    0

    .bss
    .balign 4096
buf:
    .skip   BUF_SIZE
