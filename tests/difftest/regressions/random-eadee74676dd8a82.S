// Random difftest case 0xeadee74676dd8a82 (index 409), shrunk from 400 to 1 instructions.
// EL0 mmu=true stage2=true mte=true 1 instructions
// a64sim and QEMU 10 differed; random-eadee74676dd8a82.expected holds QEMU's output.
// Fixed: STP checks both elements (here a tag-check fault on the second) before writing either.
// param el 0
// param flags 0x7
// param nzcv 0x50000000
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
// param x20 0xf00000044204068
// param x21 0x600000044206018
// param x22 0x2000000442080d8
// param x23 0xb0000004420a028
// param x24 0x0
// param x25 0x0
// param x26 0x0
// param x27 0x0
// param x28 0x0
// param x29 0x0
// param x30 0x0
// param sp 0x4420e000
    .inst 0xa88446ef // stp x15, x17, [x23], #64
