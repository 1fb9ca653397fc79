// Random difftest case 0x666898f0bcde32f8 (index 36), shrunk from 50 to 1 instructions.
// EL3 mmu=true stage2=false mte=false 1 instructions
// a64sim and QEMU 10 differed; random-666898f0bcde32f8.expected holds QEMU's output.
// Fixed: FEAT_LSE2, an unaligned STLUR inside a 16-byte block needs no alignment.
// param el 3
// param flags 0x1
// param nzcv 0xa0000000
// param x0 0x0
// param x1 0x0
// param x2 0x0
// param x3 0x0
// param x4 0x0
// param x5 0x0
// param x6 0x0
// param x7 0x0
// param x8 0x0
// param x9 0x0
// param x10 0x0
// param x11 0x0
// param x12 0x0
// param x13 0x0
// param x14 0x0
// param x15 0x0
// param x16 0x0
// param x17 0x0
// param x18 0x0
// param x19 0x0
// param x20 0x44204070
// param x21 0x442060e0
// param x22 0x442080f0
// param x23 0x4420a0c0
// param x24 0x0
// param x25 0x0
// param x26 0x0
// param x27 0x0
// param x28 0x0
// param x29 0x0
// param x30 0x0
// param sp 0x4420e000
    .inst 0x99025288 // stlur w8, [x20, #37]
