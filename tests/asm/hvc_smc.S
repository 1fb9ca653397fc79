// hvc_smc.S - SVC, HVC and SMC: where they go, when they are UNDEFINED, and
// their immediates in ESR.ISS (MMU off).
//
//   SVC: to EL1 from EL0/EL1 (EL2 from EL0 with HCR_EL2.TGE=1), to the
//        current EL at EL2/EL3; ELR = next instruction.
//   HVC: UNDEF at EL0; UNDEF at EL1/EL2/EL3 with SCR_EL3.HCE=0; else to EL2
//        from EL1/EL2, to EL3 at EL3; ELR = next instruction.
//   SMC: UNDEF at EL0; at EL1 with HCR_EL2.TSC=1 trapped to EL2 as EC 0x17
//        with ELR = the SMC itself, even with SCR_EL3.SMD=1; else UNDEF with
//        SCR_EL3.SMD=1 (at EL1, EL2 and EL3); else to EL3, ELR = next.
// Not here, because QEMU 10 differs from the Arm ARM: HVC at Secure EL1
// (SCR_EL3.NS=0, EEL2=0) must be UNDEFINED (EL2 is not enabled); QEMU takes
// it to EL2 (pre_hvc has "FIXME: Use actual secure state"), at vector 0x600.
// Every program section starts with a "==" header; each exception prints
// its vector offset, ESR (EC, IL, ISS = imm16), ELR, SPSR, CurrentEL, DAIF.

    .include "semihost.inc"
    .include "el.inc"

    .text
    .global _start
_start:
    SETUP
    EL_INIT

// ------------------------------------------------------------ EL3
    PUTS    "== EL3: svc/hvc/smc with immediates ==\n"
    svc     #0x1234
    hvc     #0xabcd
    smc     #0x5678
    svc     #0
    hvc     #0xffff
    smc     #0x8001
    PUTS    "== EL3: HVC with SCR_EL3.HCE=0 (UNDEF) ==\n"
    LI      x0, SCR_DEFAULT & ~SCR_HCE
    msr     scr_el3, x0
    isb
    hvc     #0x3001
    PUTS    "== EL3: SMC with SCR_EL3.SMD=1 (UNDEF) ==\n"
    LI      x0, SCR_DEFAULT | SCR_SMD
    msr     scr_el3, x0
    isb
    smc     #0x3002
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb

    PUTS    "== EL2: svc (EL2), hvc (EL2 to EL2), smc (EL3) ==\n"
    CALL_AT 3, SPSR_EL2H, el2_calls
    PUTS    "== EL2: same with HCR_EL2.TSC=1 (TSC does not apply at EL2) ==\n"
    LI      x0, HCR_RW | HCR_TSC
    msr     hcr_el2, x0
    CALL_AT 3, SPSR_EL2H, el2_calls
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    PUTS    "== EL2: HVC with SCR_EL3.HCE=0 (UNDEF at EL2) ==\n"
    LI      x0, SCR_DEFAULT & ~SCR_HCE
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL2H, el2_hvc
    PUTS    "== EL2: SMC with SCR_EL3.SMD=1 (UNDEF at EL2) ==\n"
    // EL2 cannot SMC back up; SCR_EL3.TWI makes its WFI trap to EL3 instead,
    // and that exception returns here (SET_RET_NEXT).
    LI      x0, SCR_DEFAULT | SCR_SMD | SCR_TWI
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL2H, el2_smc_then_wfi
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb

    PUTS    "== EL1: HVC with SCR_EL3.HCE=0 (UNDEF at EL1) ==\n"
    LI      x0, SCR_DEFAULT & ~SCR_HCE
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL1H, el1_hvc_ret_smc
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb
    PUTS    "== Secure EL1 (SCR_EL3.NS=0): SMC to EL3 ==\n"
    LI      x0, SCR_DEFAULT & ~SCR_NS
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL1H, el1_secure
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb

    PUTS    "== EL1 and EL0 tests run from EL2 ==\n"
    CALL_AT 3, SPSR_EL2H, el2_main
    PUTS    "== EL1 with HCR_EL2.TSC=1 and SCR_EL3.SMD=1: SMC still traps to EL2 ==\n"
    LI      x0, SCR_DEFAULT | SCR_SMD | SCR_TWI
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL2H, el2_tsc_smd
    PUTS    "== EL1 with HCR_EL2.TSC=0 and SCR_EL3.SMD=1: SMC UNDEF at EL1 ==\n"
    CALL_AT 3, SPSR_EL2H, el2_smd
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL2
el2_calls:
    svc     #0x2001
    hvc     #0x2002
    smc     #0x2003
    RET_SMC

el2_hvc:
    hvc     #0x2004
    RET_SMC

el2_smc_then_wfi:
    smc     #0x2005                           // UNDEF at EL2
    b       el2_back_to_el3

el2_main:
    PUTS    "== EL1: svc (EL1), hvc (EL2), smc (EL3) ==\n"
    CALL_AT 2, SPSR_EL1H, el1_calls
    PUTS    "== EL1: SMC with HCR_EL2.TSC=1 (trap to EL2, EC 0x17, ELR = the SMC) ==\n"
    LI      x0, HCR_RW | HCR_TSC
    msr     hcr_el2, x0
    isb
    CALL_AT 2, SPSR_EL1H, el1_smc
    PUTS    "== EL0: svc (EL1), hvc and smc UNDEF (to EL1), also with TSC=1 ==\n"
    CALL_AT 2, SPSR_EL1H, el1_run_el0
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    PUTS    "== EL0 with HCR_EL2.TGE=1: svc to EL2, hvc and smc UNDEF to EL2 ==\n"
    LI      x0, HCR_RW | HCR_TGE
    msr     hcr_el2, x0
    isb
    CALL_AT 2, SPSR_EL0T, el0_calls
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    RET_SMC

el2_tsc_smd:
    LI      x0, HCR_RW | HCR_TSC
    msr     hcr_el2, x0
    isb
    CALL_AT 2, SPSR_EL1H, el1_smc
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    b       el2_back_to_el3

el2_smd:
    CALL_AT 2, SPSR_EL1H, el1_smc
    b       el2_back_to_el3

// With SCR_EL3.SMD=1 and SCR_EL3.TWI=1: back to the EL3 caller through a
// WFI trapped to EL3 (printed), since SMC is UNDEFINED.
el2_back_to_el3:
    SET_RET_NEXT
    wfi
    udf     #0xeeee                           // not reached

// ------------------------------------------------------------ EL1
el1_calls:
    svc     #0x1001
    hvc     #0x1002
    smc     #0x1003
    RET_HVC

el1_smc:
    smc     #0x1004
    RET_HVC

el1_hvc_ret_smc:
    hvc     #0x1005                           // UNDEF at EL1 (HCE=0)
    RET_SMC

el1_secure:
    smc     #0x1007                           // to EL3 (vector 0x400)
    RET_SMC

el1_run_el0:
    CALL_AT 1, SPSR_EL0T, el0_calls
    RET_HVC

// ------------------------------------------------------------ EL0
el0_calls:
    svc     #0x0001
    hvc     #0x0002
    smc     #0x0003
    RET_SVC
