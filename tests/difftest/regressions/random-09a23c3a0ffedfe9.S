// Random difftest case 0x09a23c3a0ffedfe9 (index 2), shrunk from 50 to 1 instructions.
// EL0 mmu=false stage2=false mte=false 1 instructions
// a64sim and QEMU 10 differed; random-09a23c3a0ffedfe9.expected holds QEMU's output.
// Fixed: SMULH with Ra not 11111 is UNDEFINED (QEMU's choice).
// param el 0
// param flags 0x0
// param nzcv 0x30000000
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
// param x20 0x442040b0
// param x21 0x44206008
// param x22 0x442080e0
// param x23 0x4420a010
// param x24 0x0
// param x25 0x0
// param x26 0x0
// param x27 0x0
// param x28 0x0
// param x29 0x0
// param x30 0x0
// param sp 0x4420e000
    .inst 0x9b552e81 // smulh x1, x20, x21
