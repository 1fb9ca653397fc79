// eret_illegal.S - illegal exception returns (MMU off).
//
// An ERET whose SPSR names an EL above the current one, an EL that is not
// enabled (EL2 with SCR_EL3.NS=0 and EEL2=0; EL1 while HCR_EL2.TGE=1), a
// mode with M[1]=1, EL0 with M[0]=1 (SP_EL0 is the only EL0 stack), or
// AArch32 (M[4]=1) for an EL whose width is AArch64 (SCR_EL3.RW/HCR_EL2.RW
// =1) is an illegal return: PSTATE.EL, nRW and SP do not change, PSTATE.IL is
// set, NZCV and DAIF are restored from the SPSR, the PC becomes ELR; the next
// instruction (here an SVC, which loses to the Illegal State exception) takes
// EC 0x0E at the same EL. A legal return with SPSR.IL=1 sets PSTATE.IL at the
// target EL and the target's first instruction takes EC 0x0E there.
//
// The handler prints SPSR masked to the fields that are defined after an
// illegal return (NZCV, PAN, SS, IL, DAIF, M[4:0]: "spsr_def"); SSBS, BTYPE,
// UAO, DIT and TCO are UNKNOWN and not printed (the handler also clears them
// before returning). Each SPSR used here has PAN=0, which is also the
// current PAN, so PAN reads the same whether or not it is restored.

    .include "semihost.inc"
    .include "el.inc"

// TRY_ERET el, spsr: ERET at ELel with ELR = a local target (an SVC) and
// SPSR = spsr; the Illegal State exception resumes after the target.
.macro TRY_ERET el, spsr
    SET_RESUME .Lresume\@
    adr     x0, .Ltarget\@
    msr     elr_el\el, x0
    LI      x0, \spsr
    msr     spsr_el\el, x0
    eret
.Ltarget\@:
    svc     #0x77
    udf     #0x77
.Lresume\@:
.endm

    .text
    .global _start
_start:
    SETUP
    EL_INIT

// ------------------------------------------------------------ at EL3
    PUTS    "== EL3: ERET to EL2h with SCR_EL3.NS=0, EEL2=0 (illegal) ==\n"
    LI      x0, SCR_DEFAULT & ~SCR_NS
    msr     scr_el3, x0
    isb
    TRY_ERET 3, 0x600003c9
    PUTS    "== EL3: ERET to EL2h with SCR_EL3.NS=0, EEL2=1 (legal: Secure EL2) ==\n"
    LI      x0, (SCR_DEFAULT & ~SCR_NS) | (1 << 18)
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL2H, el2_secure
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb
    PUTS    "== EL3: ERET to EL2h with M[4]=1 (AArch32 Hyp, SCR_EL3.RW=1: illegal) ==\n"
    TRY_ERET 3, 0x600003da
    PUTS    "== EL3: ERET to EL3h with M[1]=1 (illegal) ==\n"
    TRY_ERET 3, 0x600003cf

    CALL_AT 3, SPSR_EL2H, el2_main
    PUTS    "== back at EL3 ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    PUTS    "done\n"
    EXIT    0

el2_secure:
    mrs     x0, currentel
    PR      "secure_el2_currentel", x0
    RET_SMC

// ------------------------------------------------------------ at EL2
el2_main:
    PUTS    "== EL2: ERET to EL3h (higher EL: illegal) ==\n"
    TRY_ERET 2, 0x600003cd
    PUTS    "== EL2: ERET to EL1h with M[4]=1 (AArch32 SVC mode, HCR_EL2.RW=1: illegal) ==\n"
    TRY_ERET 2, 0x600003d3
    PUTS    "== EL2: ERET to EL1h with HCR_EL2.TGE=1 (illegal) ==\n"
    LI      x0, HCR_RW | HCR_TGE
    msr     hcr_el2, x0
    isb
    TRY_ERET 2, 0x600003c5
    PUTS    "== EL2: ERET to EL0t with HCR_EL2.TGE=1 (legal), SPSR.IL=1 ==\n"
    CALL_AT 2, SPSR_EL0T | SPSR_IL, el0_il
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    PUTS    "== EL2: ERET to EL2t from EL2h with M[1]=1 (illegal) ==\n"
    TRY_ERET 2, 0x600003ca
    PUTS    "== EL2: legal ERET to EL1h with SPSR.IL=1 ==\n"
    CALL_AT 2, SPSR_EL1H | SPSR_IL, el1_il
    PUTS    "== EL2: legal ERET to EL1h ==\n"
    CALL_AT 2, SPSR_EL1H, el1_main
    RET_SMC

// ------------------------------------------------------------ at EL1
el1_il:
    svc     #0x78                             // Illegal State at EL1, skipped
    mrs     x0, currentel
    PR      "el1_after_il_currentel", x0
    RET_HVC

el1_main:
    PUTS    "== EL1: ERET to EL2h (higher EL: illegal) ==\n"
    TRY_ERET 1, 0x600003c9
    PUTS    "== EL1: ERET to EL3h (higher EL: illegal) ==\n"
    TRY_ERET 1, 0x900003cd
    PUTS    "== EL1: ERET to EL0 with M[0]=1 (illegal) ==\n"
    TRY_ERET 1, 0x600003c1
    PUTS    "== EL1: ERET with M[1]=1, M[3:2]=EL1 (illegal) ==\n"
    TRY_ERET 1, 0x600003c6
    PUTS    "== EL1: ERET with M[1]=1, M[3:2]=EL0 (illegal) ==\n"
    TRY_ERET 1, 0x600003c2
    PUTS    "== EL1: illegal ERET restores DAIF from the SPSR (DAIF=A,F) ==\n"
    TRY_ERET 1, 0x60000149
    PUTS    "== EL1t (SPSel=0): ERET to EL2h (illegal; SP stays SP_EL0: vector 0x000) ==\n"
    msr     spsel, #0
    TRY_ERET 1, 0x600003c9
    msr     spsel, #1
    PUTS    "== EL1: legal ERET to EL0t with SPSR.IL=1 ==\n"
    CALL_AT 1, SPSR_EL0T | SPSR_IL, el0_il
    PUTS    "== EL1: after the illegal returns ==\n"
    mrs     x0, currentel
    PR      "currentel", x0
    mrs     x0, spsel
    PR      "spsel", x0
    mrs     x0, daif
    PR      "daif", x0
    mrs     x0, nzcv
    PR      "nzcv", x0
    RET_HVC

// ------------------------------------------------------------ at EL0
el0_il:
    svc     #0x79                             // Illegal State, skipped
    RET_SVC
