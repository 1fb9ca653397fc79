// Random difftest case 0x0e6beec21139b7c9 (index 32), shrunk from 60 to 2 instructions.
// EL1 mmu=true stage2=false mte=true 2 instructions
// a64sim and QEMU 10 differed; random-0e6beec21139b7c9.expected holds QEMU's output.
// Fixed: the exclusive monitor passes a narrower STXP after LDXP at the same address when memory still holds the loaded value (QEMU's IMPLEMENTATION DEFINED choice).
// param el 1
// param flags 0x5
// param nzcv 0xc0000000
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
// param x20 0x600000044204010
// param x21 0x7000000442060e0
// param x22 0x100000044208008
// param x23 0xb0000004420a020
// param x24 0x0
// param x25 0x0
// param x26 0x0
// param x27 0x0
// param x28 0x0
// param x29 0x0
// param x30 0x0
// param sp 0x4420e000
    .inst 0xc8600ae7 // ldxp x7, x2, [x23]
    .inst 0x882f0eeb // stxp w15, w11, w3, [x23]
