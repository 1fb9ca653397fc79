// Random difftest case 0x18f34f888d731fda (index 22), shrunk from 50 to 1 instructions.
// EL2 mmu=false stage2=false mte=false 1 instructions
// a64sim and QEMU 10 differed; random-18f34f888d731fda.expected holds QEMU's output.
// Fixed: LDLAR with Rs/Rt2 not all ones is UNDEFINED.
// param el 2
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
// param x20 0x44204098
// param x21 0x442060e0
// param x22 0x442080e0
// param x23 0x4420a028
// param x24 0x0
// param x25 0x0
// param x26 0x0
// param x27 0x0
// param x28 0x0
// param x29 0x0
// param x30 0x0
// param sp 0x4420e000
    .inst 0x88c23ac3 // ldlar w3, [x22]
