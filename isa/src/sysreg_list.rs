// The system registers a64sim names: `NAME = op0, op1, CRn, CRm, op2;`, one row per encoding,
// sorted by encoding within each group.
//
// Sources: Arm ARM D23 (register descriptions), ../shared/ARCH.md §1.1, §4.3, §5, §6. The set
// and the spelling are those of GNU binutils 2.40 (`aarch64-linux-gnu-objdump -d`), which is the
// outside oracle of the disassembler: every encoding objdump prints by name is here, upper
// case, so `SysRegId`'s Display prints exactly objdump's lower-case name and every other
// encoding as `s<op0>_<op1>_c<n>_c<m>_<op2>`. The list was made by disassembling MRS and MSR of
// all 65,536 op0 = 2/3 encodings with objdump; it includes registers of features a64sim does
// not implement (trace, BRBE, AMU, SPE, MPAM, Armv8-R MPU, ...), which only name them.
//
// One encoding has a different name when written: DBGDTRRX_EL0 (read) is DBGDTRTX_EL0 when
// written by MSR; see `SYSREG_WRITE_NAMES` below.
sysregs! {
    // Debug (op0=2, op1=0): breakpoints, watchpoints, OS lock, claim tags
    OSDTRRX_EL1 = 2, 0, 0, 0, 2;
    DBGBVR0_EL1 = 2, 0, 0, 0, 4;
    DBGBCR0_EL1 = 2, 0, 0, 0, 5;
    DBGWVR0_EL1 = 2, 0, 0, 0, 6;
    DBGWCR0_EL1 = 2, 0, 0, 0, 7;
    DBGBVR1_EL1 = 2, 0, 0, 1, 4;
    DBGBCR1_EL1 = 2, 0, 0, 1, 5;
    DBGWVR1_EL1 = 2, 0, 0, 1, 6;
    DBGWCR1_EL1 = 2, 0, 0, 1, 7;
    MDCCINT_EL1 = 2, 0, 0, 2, 0;
    MDSCR_EL1 = 2, 0, 0, 2, 2;
    DBGBVR2_EL1 = 2, 0, 0, 2, 4;
    DBGBCR2_EL1 = 2, 0, 0, 2, 5;
    DBGWVR2_EL1 = 2, 0, 0, 2, 6;
    DBGWCR2_EL1 = 2, 0, 0, 2, 7;
    OSDTRTX_EL1 = 2, 0, 0, 3, 2;
    DBGBVR3_EL1 = 2, 0, 0, 3, 4;
    DBGBCR3_EL1 = 2, 0, 0, 3, 5;
    DBGWVR3_EL1 = 2, 0, 0, 3, 6;
    DBGWCR3_EL1 = 2, 0, 0, 3, 7;
    DBGBVR4_EL1 = 2, 0, 0, 4, 4;
    DBGBCR4_EL1 = 2, 0, 0, 4, 5;
    DBGWVR4_EL1 = 2, 0, 0, 4, 6;
    DBGWCR4_EL1 = 2, 0, 0, 4, 7;
    DBGBVR5_EL1 = 2, 0, 0, 5, 4;
    DBGBCR5_EL1 = 2, 0, 0, 5, 5;
    DBGWVR5_EL1 = 2, 0, 0, 5, 6;
    DBGWCR5_EL1 = 2, 0, 0, 5, 7;
    OSECCR_EL1 = 2, 0, 0, 6, 2;
    DBGBVR6_EL1 = 2, 0, 0, 6, 4;
    DBGBCR6_EL1 = 2, 0, 0, 6, 5;
    DBGWVR6_EL1 = 2, 0, 0, 6, 6;
    DBGWCR6_EL1 = 2, 0, 0, 6, 7;
    DBGBVR7_EL1 = 2, 0, 0, 7, 4;
    DBGBCR7_EL1 = 2, 0, 0, 7, 5;
    DBGWVR7_EL1 = 2, 0, 0, 7, 6;
    DBGWCR7_EL1 = 2, 0, 0, 7, 7;
    DBGBVR8_EL1 = 2, 0, 0, 8, 4;
    DBGBCR8_EL1 = 2, 0, 0, 8, 5;
    DBGWVR8_EL1 = 2, 0, 0, 8, 6;
    DBGWCR8_EL1 = 2, 0, 0, 8, 7;
    DBGBVR9_EL1 = 2, 0, 0, 9, 4;
    DBGBCR9_EL1 = 2, 0, 0, 9, 5;
    DBGWVR9_EL1 = 2, 0, 0, 9, 6;
    DBGWCR9_EL1 = 2, 0, 0, 9, 7;
    DBGBVR10_EL1 = 2, 0, 0, 10, 4;
    DBGBCR10_EL1 = 2, 0, 0, 10, 5;
    DBGWVR10_EL1 = 2, 0, 0, 10, 6;
    DBGWCR10_EL1 = 2, 0, 0, 10, 7;
    DBGBVR11_EL1 = 2, 0, 0, 11, 4;
    DBGBCR11_EL1 = 2, 0, 0, 11, 5;
    DBGWVR11_EL1 = 2, 0, 0, 11, 6;
    DBGWCR11_EL1 = 2, 0, 0, 11, 7;
    DBGBVR12_EL1 = 2, 0, 0, 12, 4;
    DBGBCR12_EL1 = 2, 0, 0, 12, 5;
    DBGWVR12_EL1 = 2, 0, 0, 12, 6;
    DBGWCR12_EL1 = 2, 0, 0, 12, 7;
    DBGBVR13_EL1 = 2, 0, 0, 13, 4;
    DBGBCR13_EL1 = 2, 0, 0, 13, 5;
    DBGWVR13_EL1 = 2, 0, 0, 13, 6;
    DBGWCR13_EL1 = 2, 0, 0, 13, 7;
    DBGBVR14_EL1 = 2, 0, 0, 14, 4;
    DBGBCR14_EL1 = 2, 0, 0, 14, 5;
    DBGWVR14_EL1 = 2, 0, 0, 14, 6;
    DBGWCR14_EL1 = 2, 0, 0, 14, 7;
    DBGBVR15_EL1 = 2, 0, 0, 15, 4;
    DBGBCR15_EL1 = 2, 0, 0, 15, 5;
    DBGWVR15_EL1 = 2, 0, 0, 15, 6;
    DBGWCR15_EL1 = 2, 0, 0, 15, 7;
    MDRAR_EL1 = 2, 0, 1, 0, 0;
    OSLAR_EL1 = 2, 0, 1, 0, 4;
    OSLSR_EL1 = 2, 0, 1, 1, 4;
    OSDLR_EL1 = 2, 0, 1, 3, 4;
    DBGPRCR_EL1 = 2, 0, 1, 4, 4;
    DBGCLAIMSET_EL1 = 2, 0, 7, 8, 6;
    DBGCLAIMCLR_EL1 = 2, 0, 7, 9, 6;
    DBGAUTHSTATUS_EL1 = 2, 0, 7, 14, 6;
    // Call stack recorder (op0=2, CRn=8, FEAT_CSRE)
    CSRCR_EL1 = 2, 0, 8, 0, 0;
    CSRPTR_EL1 = 2, 0, 8, 0, 1;
    CSRPTRIDX_EL1 = 2, 0, 8, 0, 3;
    // Trace unit, ETE/ETMv4 (op0=2, op1=1, FEAT_ETE)
    TRCTRACEIDR = 2, 1, 0, 0, 1;
    TRCVICTLR = 2, 1, 0, 0, 2;
    TRCSEQEVR0 = 2, 1, 0, 0, 4;
    TRCCNTRLDVR0 = 2, 1, 0, 0, 5;
    TRCIDR8 = 2, 1, 0, 0, 6;
    TRCIMSPEC0 = 2, 1, 0, 0, 7;
    TRCPRGCTLR = 2, 1, 0, 1, 0;
    TRCQCTLR = 2, 1, 0, 1, 1;
    TRCVIIECTLR = 2, 1, 0, 1, 2;
    TRCSEQEVR1 = 2, 1, 0, 1, 4;
    TRCCNTRLDVR1 = 2, 1, 0, 1, 5;
    TRCIDR9 = 2, 1, 0, 1, 6;
    TRCIMSPEC1 = 2, 1, 0, 1, 7;
    TRCPROCSELR = 2, 1, 0, 2, 0;
    TRCVISSCTLR = 2, 1, 0, 2, 2;
    TRCSEQEVR2 = 2, 1, 0, 2, 4;
    TRCCNTRLDVR2 = 2, 1, 0, 2, 5;
    TRCIDR10 = 2, 1, 0, 2, 6;
    TRCIMSPEC2 = 2, 1, 0, 2, 7;
    TRCSTATR = 2, 1, 0, 3, 0;
    TRCVIPCSSCTLR = 2, 1, 0, 3, 2;
    TRCCNTRLDVR3 = 2, 1, 0, 3, 5;
    TRCIDR11 = 2, 1, 0, 3, 6;
    TRCIMSPEC3 = 2, 1, 0, 3, 7;
    TRCCONFIGR = 2, 1, 0, 4, 0;
    TRCCNTCTLR0 = 2, 1, 0, 4, 5;
    TRCIDR12 = 2, 1, 0, 4, 6;
    TRCIMSPEC4 = 2, 1, 0, 4, 7;
    TRCCNTCTLR1 = 2, 1, 0, 5, 5;
    TRCIDR13 = 2, 1, 0, 5, 6;
    TRCIMSPEC5 = 2, 1, 0, 5, 7;
    TRCAUXCTLR = 2, 1, 0, 6, 0;
    TRCSEQRSTEVR = 2, 1, 0, 6, 4;
    TRCCNTCTLR2 = 2, 1, 0, 6, 5;
    TRCIMSPEC6 = 2, 1, 0, 6, 7;
    TRCSEQSTR = 2, 1, 0, 7, 4;
    TRCCNTCTLR3 = 2, 1, 0, 7, 5;
    TRCIMSPEC7 = 2, 1, 0, 7, 7;
    TRCEVENTCTL0R = 2, 1, 0, 8, 0;
    TRCVDCTLR = 2, 1, 0, 8, 2;
    TRCEXTINSELR0 = 2, 1, 0, 8, 4;
    TRCCNTVR0 = 2, 1, 0, 8, 5;
    TRCIDR0 = 2, 1, 0, 8, 7;
    TRCEVENTCTL1R = 2, 1, 0, 9, 0;
    TRCVDSACCTLR = 2, 1, 0, 9, 2;
    TRCEXTINSELR1 = 2, 1, 0, 9, 4;
    TRCCNTVR1 = 2, 1, 0, 9, 5;
    TRCIDR1 = 2, 1, 0, 9, 7;
    TRCRSR = 2, 1, 0, 10, 0;
    TRCVDARCCTLR = 2, 1, 0, 10, 2;
    TRCEXTINSELR2 = 2, 1, 0, 10, 4;
    TRCCNTVR2 = 2, 1, 0, 10, 5;
    TRCIDR2 = 2, 1, 0, 10, 7;
    TRCSTALLCTLR = 2, 1, 0, 11, 0;
    TRCEXTINSELR3 = 2, 1, 0, 11, 4;
    TRCCNTVR3 = 2, 1, 0, 11, 5;
    TRCIDR3 = 2, 1, 0, 11, 7;
    TRCTSCTLR = 2, 1, 0, 12, 0;
    TRCIDR4 = 2, 1, 0, 12, 7;
    TRCSYNCPR = 2, 1, 0, 13, 0;
    TRCIDR5 = 2, 1, 0, 13, 7;
    TRCCCCTLR = 2, 1, 0, 14, 0;
    TRCIDR6 = 2, 1, 0, 14, 7;
    TRCBBCTLR = 2, 1, 0, 15, 0;
    TRCIDR7 = 2, 1, 0, 15, 7;
    TRCRSCTLR16 = 2, 1, 1, 0, 1;
    TRCSSCCR0 = 2, 1, 1, 0, 2;
    TRCSSPCICR0 = 2, 1, 1, 0, 3;
    TRCOSLAR = 2, 1, 1, 0, 4;
    TRCRSCTLR17 = 2, 1, 1, 1, 1;
    TRCSSCCR1 = 2, 1, 1, 1, 2;
    TRCSSPCICR1 = 2, 1, 1, 1, 3;
    TRCOSLSR = 2, 1, 1, 1, 4;
    TRCRSCTLR2 = 2, 1, 1, 2, 0;
    TRCRSCTLR18 = 2, 1, 1, 2, 1;
    TRCSSCCR2 = 2, 1, 1, 2, 2;
    TRCSSPCICR2 = 2, 1, 1, 2, 3;
    TRCRSCTLR3 = 2, 1, 1, 3, 0;
    TRCRSCTLR19 = 2, 1, 1, 3, 1;
    TRCSSCCR3 = 2, 1, 1, 3, 2;
    TRCSSPCICR3 = 2, 1, 1, 3, 3;
    TRCRSCTLR4 = 2, 1, 1, 4, 0;
    TRCRSCTLR20 = 2, 1, 1, 4, 1;
    TRCSSCCR4 = 2, 1, 1, 4, 2;
    TRCSSPCICR4 = 2, 1, 1, 4, 3;
    TRCPDCR = 2, 1, 1, 4, 4;
    TRCRSCTLR5 = 2, 1, 1, 5, 0;
    TRCRSCTLR21 = 2, 1, 1, 5, 1;
    TRCSSCCR5 = 2, 1, 1, 5, 2;
    TRCSSPCICR5 = 2, 1, 1, 5, 3;
    TRCPDSR = 2, 1, 1, 5, 4;
    TRCRSCTLR6 = 2, 1, 1, 6, 0;
    TRCRSCTLR22 = 2, 1, 1, 6, 1;
    TRCSSCCR6 = 2, 1, 1, 6, 2;
    TRCSSPCICR6 = 2, 1, 1, 6, 3;
    TRCRSCTLR7 = 2, 1, 1, 7, 0;
    TRCRSCTLR23 = 2, 1, 1, 7, 1;
    TRCSSCCR7 = 2, 1, 1, 7, 2;
    TRCSSPCICR7 = 2, 1, 1, 7, 3;
    TRCRSCTLR8 = 2, 1, 1, 8, 0;
    TRCRSCTLR24 = 2, 1, 1, 8, 1;
    TRCSSCSR0 = 2, 1, 1, 8, 2;
    TRCRSCTLR9 = 2, 1, 1, 9, 0;
    TRCRSCTLR25 = 2, 1, 1, 9, 1;
    TRCSSCSR1 = 2, 1, 1, 9, 2;
    TRCRSCTLR10 = 2, 1, 1, 10, 0;
    TRCRSCTLR26 = 2, 1, 1, 10, 1;
    TRCSSCSR2 = 2, 1, 1, 10, 2;
    TRCRSCTLR11 = 2, 1, 1, 11, 0;
    TRCRSCTLR27 = 2, 1, 1, 11, 1;
    TRCSSCSR3 = 2, 1, 1, 11, 2;
    TRCRSCTLR12 = 2, 1, 1, 12, 0;
    TRCRSCTLR28 = 2, 1, 1, 12, 1;
    TRCSSCSR4 = 2, 1, 1, 12, 2;
    TRCRSCTLR13 = 2, 1, 1, 13, 0;
    TRCRSCTLR29 = 2, 1, 1, 13, 1;
    TRCSSCSR5 = 2, 1, 1, 13, 2;
    TRCRSCTLR14 = 2, 1, 1, 14, 0;
    TRCRSCTLR30 = 2, 1, 1, 14, 1;
    TRCSSCSR6 = 2, 1, 1, 14, 2;
    TRCRSCTLR15 = 2, 1, 1, 15, 0;
    TRCRSCTLR31 = 2, 1, 1, 15, 1;
    TRCSSCSR7 = 2, 1, 1, 15, 2;
    TRCACVR0 = 2, 1, 2, 0, 0;
    TRCACVR8 = 2, 1, 2, 0, 1;
    TRCACATR0 = 2, 1, 2, 0, 2;
    TRCACATR8 = 2, 1, 2, 0, 3;
    TRCDVCVR0 = 2, 1, 2, 0, 4;
    TRCDVCVR4 = 2, 1, 2, 0, 5;
    TRCDVCMR0 = 2, 1, 2, 0, 6;
    TRCDVCMR4 = 2, 1, 2, 0, 7;
    TRCACVR1 = 2, 1, 2, 2, 0;
    TRCACVR9 = 2, 1, 2, 2, 1;
    TRCACATR1 = 2, 1, 2, 2, 2;
    TRCACATR9 = 2, 1, 2, 2, 3;
    TRCACVR2 = 2, 1, 2, 4, 0;
    TRCACVR10 = 2, 1, 2, 4, 1;
    TRCACATR2 = 2, 1, 2, 4, 2;
    TRCACATR10 = 2, 1, 2, 4, 3;
    TRCDVCVR1 = 2, 1, 2, 4, 4;
    TRCDVCVR5 = 2, 1, 2, 4, 5;
    TRCDVCMR1 = 2, 1, 2, 4, 6;
    TRCDVCMR5 = 2, 1, 2, 4, 7;
    TRCACVR3 = 2, 1, 2, 6, 0;
    TRCACVR11 = 2, 1, 2, 6, 1;
    TRCACATR3 = 2, 1, 2, 6, 2;
    TRCACATR11 = 2, 1, 2, 6, 3;
    TRCACVR4 = 2, 1, 2, 8, 0;
    TRCACVR12 = 2, 1, 2, 8, 1;
    TRCACATR4 = 2, 1, 2, 8, 2;
    TRCACATR12 = 2, 1, 2, 8, 3;
    TRCDVCVR2 = 2, 1, 2, 8, 4;
    TRCDVCVR6 = 2, 1, 2, 8, 5;
    TRCDVCMR2 = 2, 1, 2, 8, 6;
    TRCDVCMR6 = 2, 1, 2, 8, 7;
    TRCACVR5 = 2, 1, 2, 10, 0;
    TRCACVR13 = 2, 1, 2, 10, 1;
    TRCACATR5 = 2, 1, 2, 10, 2;
    TRCACATR13 = 2, 1, 2, 10, 3;
    TRCACVR6 = 2, 1, 2, 12, 0;
    TRCACVR14 = 2, 1, 2, 12, 1;
    TRCACATR6 = 2, 1, 2, 12, 2;
    TRCACATR14 = 2, 1, 2, 12, 3;
    TRCDVCVR3 = 2, 1, 2, 12, 4;
    TRCDVCVR7 = 2, 1, 2, 12, 5;
    TRCDVCMR3 = 2, 1, 2, 12, 6;
    TRCDVCMR7 = 2, 1, 2, 12, 7;
    TRCACVR7 = 2, 1, 2, 14, 0;
    TRCACVR15 = 2, 1, 2, 14, 1;
    TRCACATR7 = 2, 1, 2, 14, 2;
    TRCACATR15 = 2, 1, 2, 14, 3;
    TRCCIDCVR0 = 2, 1, 3, 0, 0;
    TRCVMIDCVR0 = 2, 1, 3, 0, 1;
    TRCCIDCCTLR0 = 2, 1, 3, 0, 2;
    TRCCIDCCTLR1 = 2, 1, 3, 1, 2;
    TRCCIDCVR1 = 2, 1, 3, 2, 0;
    TRCVMIDCVR1 = 2, 1, 3, 2, 1;
    TRCVMIDCCTLR0 = 2, 1, 3, 2, 2;
    TRCVMIDCCTLR1 = 2, 1, 3, 3, 2;
    TRCCIDCVR2 = 2, 1, 3, 4, 0;
    TRCVMIDCVR2 = 2, 1, 3, 4, 1;
    TRCCIDCVR3 = 2, 1, 3, 6, 0;
    TRCVMIDCVR3 = 2, 1, 3, 6, 1;
    TRCCIDCVR4 = 2, 1, 3, 8, 0;
    TRCVMIDCVR4 = 2, 1, 3, 8, 1;
    TRCCIDCVR5 = 2, 1, 3, 10, 0;
    TRCVMIDCVR5 = 2, 1, 3, 10, 1;
    TRCCIDCVR6 = 2, 1, 3, 12, 0;
    TRCVMIDCVR6 = 2, 1, 3, 12, 1;
    TRCCIDCVR7 = 2, 1, 3, 14, 0;
    TRCVMIDCVR7 = 2, 1, 3, 14, 1;
    TRCITCTRL = 2, 1, 7, 0, 4;
    TRCDEVID = 2, 1, 7, 2, 7;
    TRCDEVTYPE = 2, 1, 7, 3, 7;
    TRCPIDR4 = 2, 1, 7, 4, 7;
    TRCPIDR5 = 2, 1, 7, 5, 7;
    TRCPIDR6 = 2, 1, 7, 6, 7;
    TRCPIDR7 = 2, 1, 7, 7, 7;
    TRCCLAIMSET = 2, 1, 7, 8, 6;
    TRCPIDR0 = 2, 1, 7, 8, 7;
    TRCCLAIMCLR = 2, 1, 7, 9, 6;
    TRCPIDR1 = 2, 1, 7, 9, 7;
    TRCDEVAFF0 = 2, 1, 7, 10, 6;
    TRCPIDR2 = 2, 1, 7, 10, 7;
    TRCDEVAFF1 = 2, 1, 7, 11, 6;
    TRCPIDR3 = 2, 1, 7, 11, 7;
    TRCLAR = 2, 1, 7, 12, 6;
    TRCCIDR0 = 2, 1, 7, 12, 7;
    TRCLSR = 2, 1, 7, 13, 6;
    TRCCIDR1 = 2, 1, 7, 13, 7;
    TRCAUTHSTATUS = 2, 1, 7, 14, 6;
    TRCCIDR2 = 2, 1, 7, 14, 7;
    TRCDEVARCH = 2, 1, 7, 15, 6;
    TRCCIDR3 = 2, 1, 7, 15, 7;
    // Branch record buffer (op0=2, op1=1, CRn=8/9, FEAT_BRBE)
    BRBINF0_EL1 = 2, 1, 8, 0, 0;
    BRBSRC0_EL1 = 2, 1, 8, 0, 1;
    BRBTGT0_EL1 = 2, 1, 8, 0, 2;
    BRBINF16_EL1 = 2, 1, 8, 0, 4;
    BRBSRC16_EL1 = 2, 1, 8, 0, 5;
    BRBTGT16_EL1 = 2, 1, 8, 0, 6;
    BRBINF1_EL1 = 2, 1, 8, 1, 0;
    BRBSRC1_EL1 = 2, 1, 8, 1, 1;
    BRBTGT1_EL1 = 2, 1, 8, 1, 2;
    BRBINF17_EL1 = 2, 1, 8, 1, 4;
    BRBSRC17_EL1 = 2, 1, 8, 1, 5;
    BRBTGT17_EL1 = 2, 1, 8, 1, 6;
    BRBINF2_EL1 = 2, 1, 8, 2, 0;
    BRBSRC2_EL1 = 2, 1, 8, 2, 1;
    BRBTGT2_EL1 = 2, 1, 8, 2, 2;
    BRBINF18_EL1 = 2, 1, 8, 2, 4;
    BRBSRC18_EL1 = 2, 1, 8, 2, 5;
    BRBTGT18_EL1 = 2, 1, 8, 2, 6;
    BRBINF3_EL1 = 2, 1, 8, 3, 0;
    BRBSRC3_EL1 = 2, 1, 8, 3, 1;
    BRBTGT3_EL1 = 2, 1, 8, 3, 2;
    BRBINF19_EL1 = 2, 1, 8, 3, 4;
    BRBSRC19_EL1 = 2, 1, 8, 3, 5;
    BRBTGT19_EL1 = 2, 1, 8, 3, 6;
    BRBINF4_EL1 = 2, 1, 8, 4, 0;
    BRBSRC4_EL1 = 2, 1, 8, 4, 1;
    BRBTGT4_EL1 = 2, 1, 8, 4, 2;
    BRBINF20_EL1 = 2, 1, 8, 4, 4;
    BRBSRC20_EL1 = 2, 1, 8, 4, 5;
    BRBTGT20_EL1 = 2, 1, 8, 4, 6;
    BRBINF5_EL1 = 2, 1, 8, 5, 0;
    BRBSRC5_EL1 = 2, 1, 8, 5, 1;
    BRBTGT5_EL1 = 2, 1, 8, 5, 2;
    BRBINF21_EL1 = 2, 1, 8, 5, 4;
    BRBSRC21_EL1 = 2, 1, 8, 5, 5;
    BRBTGT21_EL1 = 2, 1, 8, 5, 6;
    BRBINF6_EL1 = 2, 1, 8, 6, 0;
    BRBSRC6_EL1 = 2, 1, 8, 6, 1;
    BRBTGT6_EL1 = 2, 1, 8, 6, 2;
    BRBINF22_EL1 = 2, 1, 8, 6, 4;
    BRBSRC22_EL1 = 2, 1, 8, 6, 5;
    BRBTGT22_EL1 = 2, 1, 8, 6, 6;
    BRBINF7_EL1 = 2, 1, 8, 7, 0;
    BRBSRC7_EL1 = 2, 1, 8, 7, 1;
    BRBTGT7_EL1 = 2, 1, 8, 7, 2;
    BRBINF23_EL1 = 2, 1, 8, 7, 4;
    BRBSRC23_EL1 = 2, 1, 8, 7, 5;
    BRBTGT23_EL1 = 2, 1, 8, 7, 6;
    BRBINF8_EL1 = 2, 1, 8, 8, 0;
    BRBSRC8_EL1 = 2, 1, 8, 8, 1;
    BRBTGT8_EL1 = 2, 1, 8, 8, 2;
    BRBINF24_EL1 = 2, 1, 8, 8, 4;
    BRBSRC24_EL1 = 2, 1, 8, 8, 5;
    BRBTGT24_EL1 = 2, 1, 8, 8, 6;
    BRBINF9_EL1 = 2, 1, 8, 9, 0;
    BRBSRC9_EL1 = 2, 1, 8, 9, 1;
    BRBTGT9_EL1 = 2, 1, 8, 9, 2;
    BRBINF25_EL1 = 2, 1, 8, 9, 4;
    BRBSRC25_EL1 = 2, 1, 8, 9, 5;
    BRBTGT25_EL1 = 2, 1, 8, 9, 6;
    BRBINF10_EL1 = 2, 1, 8, 10, 0;
    BRBSRC10_EL1 = 2, 1, 8, 10, 1;
    BRBTGT10_EL1 = 2, 1, 8, 10, 2;
    BRBINF26_EL1 = 2, 1, 8, 10, 4;
    BRBSRC26_EL1 = 2, 1, 8, 10, 5;
    BRBTGT26_EL1 = 2, 1, 8, 10, 6;
    BRBINF11_EL1 = 2, 1, 8, 11, 0;
    BRBSRC11_EL1 = 2, 1, 8, 11, 1;
    BRBTGT11_EL1 = 2, 1, 8, 11, 2;
    BRBINF27_EL1 = 2, 1, 8, 11, 4;
    BRBSRC27_EL1 = 2, 1, 8, 11, 5;
    BRBTGT27_EL1 = 2, 1, 8, 11, 6;
    BRBINF12_EL1 = 2, 1, 8, 12, 0;
    BRBSRC12_EL1 = 2, 1, 8, 12, 1;
    BRBTGT12_EL1 = 2, 1, 8, 12, 2;
    BRBINF28_EL1 = 2, 1, 8, 12, 4;
    BRBSRC28_EL1 = 2, 1, 8, 12, 5;
    BRBTGT28_EL1 = 2, 1, 8, 12, 6;
    BRBINF13_EL1 = 2, 1, 8, 13, 0;
    BRBSRC13_EL1 = 2, 1, 8, 13, 1;
    BRBTGT13_EL1 = 2, 1, 8, 13, 2;
    BRBINF29_EL1 = 2, 1, 8, 13, 4;
    BRBSRC29_EL1 = 2, 1, 8, 13, 5;
    BRBTGT29_EL1 = 2, 1, 8, 13, 6;
    BRBINF14_EL1 = 2, 1, 8, 14, 0;
    BRBSRC14_EL1 = 2, 1, 8, 14, 1;
    BRBTGT14_EL1 = 2, 1, 8, 14, 2;
    BRBINF30_EL1 = 2, 1, 8, 14, 4;
    BRBSRC30_EL1 = 2, 1, 8, 14, 5;
    BRBTGT30_EL1 = 2, 1, 8, 14, 6;
    BRBINF15_EL1 = 2, 1, 8, 15, 0;
    BRBSRC15_EL1 = 2, 1, 8, 15, 1;
    BRBTGT15_EL1 = 2, 1, 8, 15, 2;
    BRBINF31_EL1 = 2, 1, 8, 15, 4;
    BRBSRC31_EL1 = 2, 1, 8, 15, 5;
    BRBTGT31_EL1 = 2, 1, 8, 15, 6;
    BRBCR_EL1 = 2, 1, 9, 0, 0;
    BRBFCR_EL1 = 2, 1, 9, 0, 1;
    BRBTS_EL1 = 2, 1, 9, 0, 2;
    BRBINFINJ_EL1 = 2, 1, 9, 1, 0;
    BRBSRCINJ_EL1 = 2, 1, 9, 1, 1;
    BRBTGTINJ_EL1 = 2, 1, 9, 1, 2;
    BRBIDR0_EL1 = 2, 1, 9, 2, 0;
    // AArch32 ThumbEE views (op0=2, op1=2)
    TEECR32_EL1 = 2, 2, 0, 0, 0;
    TEEHBR32_EL1 = 2, 2, 1, 0, 0;
    // Debug communications channel (op0=2, op1=3, EL0)
    MDCCSR_EL0 = 2, 3, 0, 1, 0;
    DBGDTR_EL0 = 2, 3, 0, 4, 0;
    DBGDTRRX_EL0 = 2, 3, 0, 5, 0;
    // Call stack recorder (op0=2, CRn=8, FEAT_CSRE)
    CSRCR_EL0 = 2, 3, 8, 0, 0;
    CSRPTR_EL0 = 2, 3, 8, 0, 1;
    CSRIDR_EL0 = 2, 3, 8, 0, 2;
    CSRPTRIDX_EL0 = 2, 3, 8, 0, 3;
    // Debug, EL2 (op0=2, op1=4)
    DBGVCR32_EL2 = 2, 4, 0, 7, 0;
    // Call stack recorder (op0=2, CRn=8, FEAT_CSRE)
    CSRCR_EL2 = 2, 4, 8, 0, 0;
    CSRPTR_EL2 = 2, 4, 8, 0, 1;
    CSRPTRIDX_EL2 = 2, 4, 8, 0, 3;
    // Debug, EL2 (op0=2, op1=4)
    BRBCR_EL2 = 2, 4, 9, 0, 0;
    // Call stack recorder (op0=2, CRn=8, FEAT_CSRE)
    CSRCR_EL12 = 2, 5, 8, 0, 0;
    CSRPTR_EL12 = 2, 5, 8, 0, 1;
    // EL12 aliases (op0=2, op1=5, FEAT_VHE)
    BRBCR_EL12 = 2, 5, 9, 0, 0;
    // EL1 (op1=0), Identification (CRn=0)
    MIDR_EL1 = 3, 0, 0, 0, 0;
    MPUIR_EL1 = 3, 0, 0, 0, 4;
    MPIDR_EL1 = 3, 0, 0, 0, 5;
    REVIDR_EL1 = 3, 0, 0, 0, 6;
    ID_PFR0_EL1 = 3, 0, 0, 1, 0;
    ID_PFR1_EL1 = 3, 0, 0, 1, 1;
    ID_DFR0_EL1 = 3, 0, 0, 1, 2;
    ID_AFR0_EL1 = 3, 0, 0, 1, 3;
    ID_MMFR0_EL1 = 3, 0, 0, 1, 4;
    ID_MMFR1_EL1 = 3, 0, 0, 1, 5;
    ID_MMFR2_EL1 = 3, 0, 0, 1, 6;
    ID_MMFR3_EL1 = 3, 0, 0, 1, 7;
    ID_ISAR0_EL1 = 3, 0, 0, 2, 0;
    ID_ISAR1_EL1 = 3, 0, 0, 2, 1;
    ID_ISAR2_EL1 = 3, 0, 0, 2, 2;
    ID_ISAR3_EL1 = 3, 0, 0, 2, 3;
    ID_ISAR4_EL1 = 3, 0, 0, 2, 4;
    ID_ISAR5_EL1 = 3, 0, 0, 2, 5;
    ID_MMFR4_EL1 = 3, 0, 0, 2, 6;
    ID_ISAR6_EL1 = 3, 0, 0, 2, 7;
    MVFR0_EL1 = 3, 0, 0, 3, 0;
    MVFR1_EL1 = 3, 0, 0, 3, 1;
    MVFR2_EL1 = 3, 0, 0, 3, 2;
    ID_PFR2_EL1 = 3, 0, 0, 3, 4;
    ID_DFR1_EL1 = 3, 0, 0, 3, 5;
    ID_MMFR5_EL1 = 3, 0, 0, 3, 6;
    ID_AA64PFR0_EL1 = 3, 0, 0, 4, 0;
    ID_AA64PFR1_EL1 = 3, 0, 0, 4, 1;
    ID_AA64ZFR0_EL1 = 3, 0, 0, 4, 4;
    ID_AA64SMFR0_EL1 = 3, 0, 0, 4, 5;
    ID_AA64DFR0_EL1 = 3, 0, 0, 5, 0;
    ID_AA64DFR1_EL1 = 3, 0, 0, 5, 1;
    ID_AA64AFR0_EL1 = 3, 0, 0, 5, 4;
    ID_AA64AFR1_EL1 = 3, 0, 0, 5, 5;
    ID_AA64ISAR0_EL1 = 3, 0, 0, 6, 0;
    ID_AA64ISAR1_EL1 = 3, 0, 0, 6, 1;
    ID_AA64ISAR2_EL1 = 3, 0, 0, 6, 2;
    ID_AA64MMFR0_EL1 = 3, 0, 0, 7, 0;
    ID_AA64MMFR1_EL1 = 3, 0, 0, 7, 1;
    ID_AA64MMFR2_EL1 = 3, 0, 0, 7, 2;
    // EL1 (op1=0), System control, CPACR, SVE/SME control (CRn=1)
    SCTLR_EL1 = 3, 0, 1, 0, 0;
    ACTLR_EL1 = 3, 0, 1, 0, 1;
    CPACR_EL1 = 3, 0, 1, 0, 2;
    RGSR_EL1 = 3, 0, 1, 0, 5;
    GCR_EL1 = 3, 0, 1, 0, 6;
    ZCR_EL1 = 3, 0, 1, 2, 0;
    TRFCR_EL1 = 3, 0, 1, 2, 1;
    SMPRI_EL1 = 3, 0, 1, 2, 4;
    SMCR_EL1 = 3, 0, 1, 2, 6;
    // EL1 (op1=0), Translation tables and pointer-authentication keys (CRn=2)
    TTBR0_EL1 = 3, 0, 2, 0, 0;
    TTBR1_EL1 = 3, 0, 2, 0, 1;
    TCR_EL1 = 3, 0, 2, 0, 2;
    APIAKEYLO_EL1 = 3, 0, 2, 1, 0;
    APIAKEYHI_EL1 = 3, 0, 2, 1, 1;
    APIBKEYLO_EL1 = 3, 0, 2, 1, 2;
    APIBKEYHI_EL1 = 3, 0, 2, 1, 3;
    APDAKEYLO_EL1 = 3, 0, 2, 2, 0;
    APDAKEYHI_EL1 = 3, 0, 2, 2, 1;
    APDBKEYLO_EL1 = 3, 0, 2, 2, 2;
    APDBKEYHI_EL1 = 3, 0, 2, 2, 3;
    APGAKEYLO_EL1 = 3, 0, 2, 3, 0;
    APGAKEYHI_EL1 = 3, 0, 2, 3, 1;
    // EL1 (op1=0), Special purpose and PSTATE (CRn=4)
    SPSR_EL1 = 3, 0, 4, 0, 0;
    ELR_EL1 = 3, 0, 4, 0, 1;
    SP_EL0 = 3, 0, 4, 1, 0;
    SPSEL = 3, 0, 4, 2, 0;
    CURRENTEL = 3, 0, 4, 2, 2;
    PAN = 3, 0, 4, 2, 3;
    UAO = 3, 0, 4, 2, 4;
    ALLINT = 3, 0, 4, 3, 0;
    ICC_PMR_EL1 = 3, 0, 4, 6, 0;
    // EL1 (op1=0), Fault status, RAS error records, MTE TFSR (CRn=5)
    AFSR0_EL1 = 3, 0, 5, 1, 0;
    AFSR1_EL1 = 3, 0, 5, 1, 1;
    ESR_EL1 = 3, 0, 5, 2, 0;
    ERRIDR_EL1 = 3, 0, 5, 3, 0;
    ERRSELR_EL1 = 3, 0, 5, 3, 1;
    ERXFR_EL1 = 3, 0, 5, 4, 0;
    ERXCTLR_EL1 = 3, 0, 5, 4, 1;
    ERXSTATUS_EL1 = 3, 0, 5, 4, 2;
    ERXADDR_EL1 = 3, 0, 5, 4, 3;
    ERXPFGF_EL1 = 3, 0, 5, 4, 4;
    ERXPFGCTL_EL1 = 3, 0, 5, 4, 5;
    ERXPFGCDN_EL1 = 3, 0, 5, 4, 6;
    ERXMISC0_EL1 = 3, 0, 5, 5, 0;
    ERXMISC1_EL1 = 3, 0, 5, 5, 1;
    ERXMISC2_EL1 = 3, 0, 5, 5, 2;
    ERXMISC3_EL1 = 3, 0, 5, 5, 3;
    TFSR_EL1 = 3, 0, 5, 6, 0;
    TFSRE0_EL1 = 3, 0, 5, 6, 1;
    // EL1 (op1=0), Fault address, MPU (CRn=6)
    FAR_EL1 = 3, 0, 6, 0, 0;
    PRENR_EL1 = 3, 0, 6, 1, 1;
    PRSELR_EL1 = 3, 0, 6, 2, 1;
    PRBAR_EL1 = 3, 0, 6, 8, 0;
    PRLAR_EL1 = 3, 0, 6, 8, 1;
    PRBAR1_EL1 = 3, 0, 6, 8, 4;
    PRLAR1_EL1 = 3, 0, 6, 8, 5;
    PRBAR2_EL1 = 3, 0, 6, 9, 0;
    PRLAR2_EL1 = 3, 0, 6, 9, 1;
    PRBAR3_EL1 = 3, 0, 6, 9, 4;
    PRLAR3_EL1 = 3, 0, 6, 9, 5;
    PRBAR4_EL1 = 3, 0, 6, 10, 0;
    PRLAR4_EL1 = 3, 0, 6, 10, 1;
    PRBAR5_EL1 = 3, 0, 6, 10, 4;
    PRLAR5_EL1 = 3, 0, 6, 10, 5;
    PRBAR6_EL1 = 3, 0, 6, 11, 0;
    PRLAR6_EL1 = 3, 0, 6, 11, 1;
    PRBAR7_EL1 = 3, 0, 6, 11, 4;
    PRLAR7_EL1 = 3, 0, 6, 11, 5;
    PRBAR8_EL1 = 3, 0, 6, 12, 0;
    PRLAR8_EL1 = 3, 0, 6, 12, 1;
    PRBAR9_EL1 = 3, 0, 6, 12, 4;
    PRLAR9_EL1 = 3, 0, 6, 12, 5;
    PRBAR10_EL1 = 3, 0, 6, 13, 0;
    PRLAR10_EL1 = 3, 0, 6, 13, 1;
    PRBAR11_EL1 = 3, 0, 6, 13, 4;
    PRLAR11_EL1 = 3, 0, 6, 13, 5;
    PRBAR12_EL1 = 3, 0, 6, 14, 0;
    PRLAR12_EL1 = 3, 0, 6, 14, 1;
    PRBAR13_EL1 = 3, 0, 6, 14, 4;
    PRLAR13_EL1 = 3, 0, 6, 14, 5;
    PRBAR14_EL1 = 3, 0, 6, 15, 0;
    PRLAR14_EL1 = 3, 0, 6, 15, 1;
    PRBAR15_EL1 = 3, 0, 6, 15, 4;
    PRLAR15_EL1 = 3, 0, 6, 15, 5;
    // EL1 (op1=0), Address translation result (CRn=7)
    PAR_EL1 = 3, 0, 7, 4, 0;
    // EL1 (op1=0), PMU, statistical profiling, trace buffer (CRn=9)
    PMSCR_EL1 = 3, 0, 9, 9, 0;
    PMSNEVFR_EL1 = 3, 0, 9, 9, 1;
    PMSICR_EL1 = 3, 0, 9, 9, 2;
    PMSIRR_EL1 = 3, 0, 9, 9, 3;
    PMSFCR_EL1 = 3, 0, 9, 9, 4;
    PMSEVFR_EL1 = 3, 0, 9, 9, 5;
    PMSLATFR_EL1 = 3, 0, 9, 9, 6;
    PMSIDR_EL1 = 3, 0, 9, 9, 7;
    PMBLIMITR_EL1 = 3, 0, 9, 10, 0;
    PMBPTR_EL1 = 3, 0, 9, 10, 1;
    PMBSR_EL1 = 3, 0, 9, 10, 3;
    PMBIDR_EL1 = 3, 0, 9, 10, 7;
    TRBLIMITR_EL1 = 3, 0, 9, 11, 0;
    TRBPTR_EL1 = 3, 0, 9, 11, 1;
    TRBBASER_EL1 = 3, 0, 9, 11, 2;
    TRBSR_EL1 = 3, 0, 9, 11, 3;
    TRBMAR_EL1 = 3, 0, 9, 11, 4;
    TRBTRG_EL1 = 3, 0, 9, 11, 6;
    TRBIDR_EL1 = 3, 0, 9, 11, 7;
    PMINTENSET_EL1 = 3, 0, 9, 14, 1;
    PMINTENCLR_EL1 = 3, 0, 9, 14, 2;
    PMMIR_EL1 = 3, 0, 9, 14, 6;
    // EL1 (op1=0), Memory attributes, LOR, MPAM (CRn=10)
    MAIR_EL1 = 3, 0, 10, 2, 0;
    AMAIR_EL1 = 3, 0, 10, 3, 0;
    LORSA_EL1 = 3, 0, 10, 4, 0;
    LOREA_EL1 = 3, 0, 10, 4, 1;
    LORN_EL1 = 3, 0, 10, 4, 2;
    LORC_EL1 = 3, 0, 10, 4, 3;
    MPAMIDR_EL1 = 3, 0, 10, 4, 4;
    LORID_EL1 = 3, 0, 10, 4, 7;
    MPAM1_EL1 = 3, 0, 10, 5, 0;
    MPAM0_EL1 = 3, 0, 10, 5, 1;
    MPAMSM_EL1 = 3, 0, 10, 5, 3;
    // EL1 (op1=0), Exception vectors, interrupt status, GICv3 CPU interface (CRn=12)
    VBAR_EL1 = 3, 0, 12, 0, 0;
    RVBAR_EL1 = 3, 0, 12, 0, 1;
    RMR_EL1 = 3, 0, 12, 0, 2;
    ISR_EL1 = 3, 0, 12, 1, 0;
    DISR_EL1 = 3, 0, 12, 1, 1;
    ICC_IAR0_EL1 = 3, 0, 12, 8, 0;
    ICC_EOIR0_EL1 = 3, 0, 12, 8, 1;
    ICC_HPPIR0_EL1 = 3, 0, 12, 8, 2;
    ICC_BPR0_EL1 = 3, 0, 12, 8, 3;
    ICC_AP0R0_EL1 = 3, 0, 12, 8, 4;
    ICC_AP0R1_EL1 = 3, 0, 12, 8, 5;
    ICC_AP0R2_EL1 = 3, 0, 12, 8, 6;
    ICC_AP0R3_EL1 = 3, 0, 12, 8, 7;
    ICC_AP1R0_EL1 = 3, 0, 12, 9, 0;
    ICC_AP1R1_EL1 = 3, 0, 12, 9, 1;
    ICC_AP1R2_EL1 = 3, 0, 12, 9, 2;
    ICC_AP1R3_EL1 = 3, 0, 12, 9, 3;
    ICC_NMIAR1_EL1 = 3, 0, 12, 9, 5;
    ICC_DIR_EL1 = 3, 0, 12, 11, 1;
    ICC_RPR_EL1 = 3, 0, 12, 11, 3;
    ICC_SGI1R_EL1 = 3, 0, 12, 11, 5;
    ICC_ASGI1R_EL1 = 3, 0, 12, 11, 6;
    ICC_SGI0R_EL1 = 3, 0, 12, 11, 7;
    ICC_IAR1_EL1 = 3, 0, 12, 12, 0;
    ICC_EOIR1_EL1 = 3, 0, 12, 12, 1;
    ICC_HPPIR1_EL1 = 3, 0, 12, 12, 2;
    ICC_BPR1_EL1 = 3, 0, 12, 12, 3;
    ICC_CTLR_EL1 = 3, 0, 12, 12, 4;
    ICC_SRE_EL1 = 3, 0, 12, 12, 5;
    ICC_IGRPEN0_EL1 = 3, 0, 12, 12, 6;
    ICC_IGRPEN1_EL1 = 3, 0, 12, 12, 7;
    // EL1 (op1=0), Context and thread ID, AMU (CRn=13)
    CONTEXTIDR_EL1 = 3, 0, 13, 0, 1;
    TPIDR_EL1 = 3, 0, 13, 0, 4;
    ACCDATA_EL1 = 3, 0, 13, 0, 5;
    SCXTNUM_EL1 = 3, 0, 13, 0, 7;
    // EL1 (op1=0), Generic timer and PMU event counters (CRn=14)
    CNTKCTL_EL1 = 3, 0, 14, 1, 0;
    // op1=1 (EL1), Identification (CRn=0)
    CCSIDR_EL1 = 3, 1, 0, 0, 0;
    CLIDR_EL1 = 3, 1, 0, 0, 1;
    CCSIDR2_EL1 = 3, 1, 0, 0, 2;
    GMID_EL1 = 3, 1, 0, 0, 4;
    SMIDR_EL1 = 3, 1, 0, 0, 6;
    AIDR_EL1 = 3, 1, 0, 0, 7;
    // op1=2 (EL1), Identification (CRn=0)
    CSSELR_EL1 = 3, 2, 0, 0, 0;
    // EL0 (op1=3), Identification (CRn=0)
    CTR_EL0 = 3, 3, 0, 0, 1;
    DCZID_EL0 = 3, 3, 0, 0, 7;
    // EL0 (op1=3), Translation tables and pointer-authentication keys (CRn=2)
    RNDR = 3, 3, 2, 4, 0;
    RNDRRS = 3, 3, 2, 4, 1;
    // EL0 (op1=3), Special purpose and PSTATE (CRn=4)
    NZCV = 3, 3, 4, 2, 0;
    DAIF = 3, 3, 4, 2, 1;
    SVCR = 3, 3, 4, 2, 2;
    DIT = 3, 3, 4, 2, 5;
    SSBS = 3, 3, 4, 2, 6;
    TCO = 3, 3, 4, 2, 7;
    FPCR = 3, 3, 4, 4, 0;
    FPSR = 3, 3, 4, 4, 1;
    DSPSR_EL0 = 3, 3, 4, 5, 0;
    DLR_EL0 = 3, 3, 4, 5, 1;
    // EL0 (op1=3), PMU, statistical profiling, trace buffer (CRn=9)
    PMCR_EL0 = 3, 3, 9, 12, 0;
    PMCNTENSET_EL0 = 3, 3, 9, 12, 1;
    PMCNTENCLR_EL0 = 3, 3, 9, 12, 2;
    PMOVSCLR_EL0 = 3, 3, 9, 12, 3;
    PMSWINC_EL0 = 3, 3, 9, 12, 4;
    PMSELR_EL0 = 3, 3, 9, 12, 5;
    PMCEID0_EL0 = 3, 3, 9, 12, 6;
    PMCEID1_EL0 = 3, 3, 9, 12, 7;
    PMCCNTR_EL0 = 3, 3, 9, 13, 0;
    PMXEVTYPER_EL0 = 3, 3, 9, 13, 1;
    PMXEVCNTR_EL0 = 3, 3, 9, 13, 2;
    PMUSERENR_EL0 = 3, 3, 9, 14, 0;
    PMOVSSET_EL0 = 3, 3, 9, 14, 3;
    // EL0 (op1=3), Context and thread ID, AMU (CRn=13)
    TPIDR_EL0 = 3, 3, 13, 0, 2;
    TPIDRRO_EL0 = 3, 3, 13, 0, 3;
    TPIDR2_EL0 = 3, 3, 13, 0, 5;
    SCXTNUM_EL0 = 3, 3, 13, 0, 7;
    AMCR_EL0 = 3, 3, 13, 2, 0;
    AMCFGR_EL0 = 3, 3, 13, 2, 1;
    AMCGCR_EL0 = 3, 3, 13, 2, 2;
    AMUSERENR_EL0 = 3, 3, 13, 2, 3;
    AMCNTENCLR0_EL0 = 3, 3, 13, 2, 4;
    AMCNTENSET0_EL0 = 3, 3, 13, 2, 5;
    AMCG1IDR_EL0 = 3, 3, 13, 2, 6;
    AMCNTENCLR1_EL0 = 3, 3, 13, 3, 0;
    AMCNTENSET1_EL0 = 3, 3, 13, 3, 1;
    AMEVCNTR00_EL0 = 3, 3, 13, 4, 0;
    AMEVCNTR01_EL0 = 3, 3, 13, 4, 1;
    AMEVCNTR02_EL0 = 3, 3, 13, 4, 2;
    AMEVCNTR03_EL0 = 3, 3, 13, 4, 3;
    AMEVTYPER00_EL0 = 3, 3, 13, 6, 0;
    AMEVTYPER01_EL0 = 3, 3, 13, 6, 1;
    AMEVTYPER02_EL0 = 3, 3, 13, 6, 2;
    AMEVTYPER03_EL0 = 3, 3, 13, 6, 3;
    AMEVCNTR10_EL0 = 3, 3, 13, 12, 0;
    AMEVCNTR11_EL0 = 3, 3, 13, 12, 1;
    AMEVCNTR12_EL0 = 3, 3, 13, 12, 2;
    AMEVCNTR13_EL0 = 3, 3, 13, 12, 3;
    AMEVCNTR14_EL0 = 3, 3, 13, 12, 4;
    AMEVCNTR15_EL0 = 3, 3, 13, 12, 5;
    AMEVCNTR16_EL0 = 3, 3, 13, 12, 6;
    AMEVCNTR17_EL0 = 3, 3, 13, 12, 7;
    AMEVCNTR18_EL0 = 3, 3, 13, 13, 0;
    AMEVCNTR19_EL0 = 3, 3, 13, 13, 1;
    AMEVCNTR110_EL0 = 3, 3, 13, 13, 2;
    AMEVCNTR111_EL0 = 3, 3, 13, 13, 3;
    AMEVCNTR112_EL0 = 3, 3, 13, 13, 4;
    AMEVCNTR113_EL0 = 3, 3, 13, 13, 5;
    AMEVCNTR114_EL0 = 3, 3, 13, 13, 6;
    AMEVCNTR115_EL0 = 3, 3, 13, 13, 7;
    AMEVTYPER10_EL0 = 3, 3, 13, 14, 0;
    AMEVTYPER11_EL0 = 3, 3, 13, 14, 1;
    AMEVTYPER12_EL0 = 3, 3, 13, 14, 2;
    AMEVTYPER13_EL0 = 3, 3, 13, 14, 3;
    AMEVTYPER14_EL0 = 3, 3, 13, 14, 4;
    AMEVTYPER15_EL0 = 3, 3, 13, 14, 5;
    AMEVTYPER16_EL0 = 3, 3, 13, 14, 6;
    AMEVTYPER17_EL0 = 3, 3, 13, 14, 7;
    AMEVTYPER18_EL0 = 3, 3, 13, 15, 0;
    AMEVTYPER19_EL0 = 3, 3, 13, 15, 1;
    AMEVTYPER110_EL0 = 3, 3, 13, 15, 2;
    AMEVTYPER111_EL0 = 3, 3, 13, 15, 3;
    AMEVTYPER112_EL0 = 3, 3, 13, 15, 4;
    AMEVTYPER113_EL0 = 3, 3, 13, 15, 5;
    AMEVTYPER114_EL0 = 3, 3, 13, 15, 6;
    AMEVTYPER115_EL0 = 3, 3, 13, 15, 7;
    // EL0 (op1=3), Generic timer and PMU event counters (CRn=14)
    CNTFRQ_EL0 = 3, 3, 14, 0, 0;
    CNTPCT_EL0 = 3, 3, 14, 0, 1;
    CNTVCT_EL0 = 3, 3, 14, 0, 2;
    CNTPCTSS_EL0 = 3, 3, 14, 0, 5;
    CNTVCTSS_EL0 = 3, 3, 14, 0, 6;
    CNTP_TVAL_EL0 = 3, 3, 14, 2, 0;
    CNTP_CTL_EL0 = 3, 3, 14, 2, 1;
    CNTP_CVAL_EL0 = 3, 3, 14, 2, 2;
    CNTV_TVAL_EL0 = 3, 3, 14, 3, 0;
    CNTV_CTL_EL0 = 3, 3, 14, 3, 1;
    CNTV_CVAL_EL0 = 3, 3, 14, 3, 2;
    PMEVCNTR0_EL0 = 3, 3, 14, 8, 0;
    PMEVCNTR1_EL0 = 3, 3, 14, 8, 1;
    PMEVCNTR2_EL0 = 3, 3, 14, 8, 2;
    PMEVCNTR3_EL0 = 3, 3, 14, 8, 3;
    PMEVCNTR4_EL0 = 3, 3, 14, 8, 4;
    PMEVCNTR5_EL0 = 3, 3, 14, 8, 5;
    PMEVCNTR6_EL0 = 3, 3, 14, 8, 6;
    PMEVCNTR7_EL0 = 3, 3, 14, 8, 7;
    PMEVCNTR8_EL0 = 3, 3, 14, 9, 0;
    PMEVCNTR9_EL0 = 3, 3, 14, 9, 1;
    PMEVCNTR10_EL0 = 3, 3, 14, 9, 2;
    PMEVCNTR11_EL0 = 3, 3, 14, 9, 3;
    PMEVCNTR12_EL0 = 3, 3, 14, 9, 4;
    PMEVCNTR13_EL0 = 3, 3, 14, 9, 5;
    PMEVCNTR14_EL0 = 3, 3, 14, 9, 6;
    PMEVCNTR15_EL0 = 3, 3, 14, 9, 7;
    PMEVCNTR16_EL0 = 3, 3, 14, 10, 0;
    PMEVCNTR17_EL0 = 3, 3, 14, 10, 1;
    PMEVCNTR18_EL0 = 3, 3, 14, 10, 2;
    PMEVCNTR19_EL0 = 3, 3, 14, 10, 3;
    PMEVCNTR20_EL0 = 3, 3, 14, 10, 4;
    PMEVCNTR21_EL0 = 3, 3, 14, 10, 5;
    PMEVCNTR22_EL0 = 3, 3, 14, 10, 6;
    PMEVCNTR23_EL0 = 3, 3, 14, 10, 7;
    PMEVCNTR24_EL0 = 3, 3, 14, 11, 0;
    PMEVCNTR25_EL0 = 3, 3, 14, 11, 1;
    PMEVCNTR26_EL0 = 3, 3, 14, 11, 2;
    PMEVCNTR27_EL0 = 3, 3, 14, 11, 3;
    PMEVCNTR28_EL0 = 3, 3, 14, 11, 4;
    PMEVCNTR29_EL0 = 3, 3, 14, 11, 5;
    PMEVCNTR30_EL0 = 3, 3, 14, 11, 6;
    PMEVTYPER0_EL0 = 3, 3, 14, 12, 0;
    PMEVTYPER1_EL0 = 3, 3, 14, 12, 1;
    PMEVTYPER2_EL0 = 3, 3, 14, 12, 2;
    PMEVTYPER3_EL0 = 3, 3, 14, 12, 3;
    PMEVTYPER4_EL0 = 3, 3, 14, 12, 4;
    PMEVTYPER5_EL0 = 3, 3, 14, 12, 5;
    PMEVTYPER6_EL0 = 3, 3, 14, 12, 6;
    PMEVTYPER7_EL0 = 3, 3, 14, 12, 7;
    PMEVTYPER8_EL0 = 3, 3, 14, 13, 0;
    PMEVTYPER9_EL0 = 3, 3, 14, 13, 1;
    PMEVTYPER10_EL0 = 3, 3, 14, 13, 2;
    PMEVTYPER11_EL0 = 3, 3, 14, 13, 3;
    PMEVTYPER12_EL0 = 3, 3, 14, 13, 4;
    PMEVTYPER13_EL0 = 3, 3, 14, 13, 5;
    PMEVTYPER14_EL0 = 3, 3, 14, 13, 6;
    PMEVTYPER15_EL0 = 3, 3, 14, 13, 7;
    PMEVTYPER16_EL0 = 3, 3, 14, 14, 0;
    PMEVTYPER17_EL0 = 3, 3, 14, 14, 1;
    PMEVTYPER18_EL0 = 3, 3, 14, 14, 2;
    PMEVTYPER19_EL0 = 3, 3, 14, 14, 3;
    PMEVTYPER20_EL0 = 3, 3, 14, 14, 4;
    PMEVTYPER21_EL0 = 3, 3, 14, 14, 5;
    PMEVTYPER22_EL0 = 3, 3, 14, 14, 6;
    PMEVTYPER23_EL0 = 3, 3, 14, 14, 7;
    PMEVTYPER24_EL0 = 3, 3, 14, 15, 0;
    PMEVTYPER25_EL0 = 3, 3, 14, 15, 1;
    PMEVTYPER26_EL0 = 3, 3, 14, 15, 2;
    PMEVTYPER27_EL0 = 3, 3, 14, 15, 3;
    PMEVTYPER28_EL0 = 3, 3, 14, 15, 4;
    PMEVTYPER29_EL0 = 3, 3, 14, 15, 5;
    PMEVTYPER30_EL0 = 3, 3, 14, 15, 6;
    PMCCFILTR_EL0 = 3, 3, 14, 15, 7;
    // EL2 (op1=4), Identification (CRn=0)
    VPIDR_EL2 = 3, 4, 0, 0, 0;
    MPUIR_EL2 = 3, 4, 0, 0, 4;
    VMPIDR_EL2 = 3, 4, 0, 0, 5;
    // EL2 (op1=4), System control, CPACR, SVE/SME control (CRn=1)
    SCTLR_EL2 = 3, 4, 1, 0, 0;
    ACTLR_EL2 = 3, 4, 1, 0, 1;
    HCR_EL2 = 3, 4, 1, 1, 0;
    MDCR_EL2 = 3, 4, 1, 1, 1;
    CPTR_EL2 = 3, 4, 1, 1, 2;
    HSTR_EL2 = 3, 4, 1, 1, 3;
    HFGRTR_EL2 = 3, 4, 1, 1, 4;
    HFGWTR_EL2 = 3, 4, 1, 1, 5;
    HFGITR_EL2 = 3, 4, 1, 1, 6;
    HACR_EL2 = 3, 4, 1, 1, 7;
    ZCR_EL2 = 3, 4, 1, 2, 0;
    TRFCR_EL2 = 3, 4, 1, 2, 1;
    HCRX_EL2 = 3, 4, 1, 2, 2;
    SMPRIMAP_EL2 = 3, 4, 1, 2, 5;
    SMCR_EL2 = 3, 4, 1, 2, 6;
    SDER32_EL2 = 3, 4, 1, 3, 1;
    // EL2 (op1=4), Translation tables and pointer-authentication keys (CRn=2)
    TTBR0_EL2 = 3, 4, 2, 0, 0;
    TTBR1_EL2 = 3, 4, 2, 0, 1;
    TCR_EL2 = 3, 4, 2, 0, 2;
    VTTBR_EL2 = 3, 4, 2, 1, 0;
    VTCR_EL2 = 3, 4, 2, 1, 2;
    VNCR_EL2 = 3, 4, 2, 2, 0;
    VSTTBR_EL2 = 3, 4, 2, 6, 0;
    VSTCR_EL2 = 3, 4, 2, 6, 2;
    // EL2 (op1=4), Domain / fine-grained traps (CRn=3)
    DACR32_EL2 = 3, 4, 3, 0, 0;
    HDFGRTR_EL2 = 3, 4, 3, 1, 4;
    HDFGWTR_EL2 = 3, 4, 3, 1, 5;
    HAFGRTR_EL2 = 3, 4, 3, 1, 6;
    // EL2 (op1=4), Special purpose and PSTATE (CRn=4)
    SPSR_EL2 = 3, 4, 4, 0, 0;
    ELR_EL2 = 3, 4, 4, 0, 1;
    SP_EL1 = 3, 4, 4, 1, 0;
    SPSR_IRQ = 3, 4, 4, 3, 0;
    SPSR_ABT = 3, 4, 4, 3, 1;
    SPSR_UND = 3, 4, 4, 3, 2;
    SPSR_FIQ = 3, 4, 4, 3, 3;
    // EL2 (op1=4), Fault status, RAS error records, MTE TFSR (CRn=5)
    IFSR32_EL2 = 3, 4, 5, 0, 1;
    AFSR0_EL2 = 3, 4, 5, 1, 0;
    AFSR1_EL2 = 3, 4, 5, 1, 1;
    ESR_EL2 = 3, 4, 5, 2, 0;
    VSESR_EL2 = 3, 4, 5, 2, 3;
    FPEXC32_EL2 = 3, 4, 5, 3, 0;
    TFSR_EL2 = 3, 4, 5, 6, 0;
    // EL2 (op1=4), Fault address, MPU (CRn=6)
    FAR_EL2 = 3, 4, 6, 0, 0;
    HPFAR_EL2 = 3, 4, 6, 0, 4;
    PRENR_EL2 = 3, 4, 6, 1, 1;
    PRSELR_EL2 = 3, 4, 6, 2, 1;
    PRBAR_EL2 = 3, 4, 6, 8, 0;
    PRLAR_EL2 = 3, 4, 6, 8, 1;
    PRBAR1_EL2 = 3, 4, 6, 8, 4;
    PRLAR1_EL2 = 3, 4, 6, 8, 5;
    PRBAR2_EL2 = 3, 4, 6, 9, 0;
    PRLAR2_EL2 = 3, 4, 6, 9, 1;
    PRBAR3_EL2 = 3, 4, 6, 9, 4;
    PRLAR3_EL2 = 3, 4, 6, 9, 5;
    PRBAR4_EL2 = 3, 4, 6, 10, 0;
    PRLAR4_EL2 = 3, 4, 6, 10, 1;
    PRBAR5_EL2 = 3, 4, 6, 10, 4;
    PRLAR5_EL2 = 3, 4, 6, 10, 5;
    PRBAR6_EL2 = 3, 4, 6, 11, 0;
    PRLAR6_EL2 = 3, 4, 6, 11, 1;
    PRBAR7_EL2 = 3, 4, 6, 11, 4;
    PRLAR7_EL2 = 3, 4, 6, 11, 5;
    PRBAR8_EL2 = 3, 4, 6, 12, 0;
    PRLAR8_EL2 = 3, 4, 6, 12, 1;
    PRBAR9_EL2 = 3, 4, 6, 12, 4;
    PRLAR9_EL2 = 3, 4, 6, 12, 5;
    PRBAR10_EL2 = 3, 4, 6, 13, 0;
    PRLAR10_EL2 = 3, 4, 6, 13, 1;
    PRBAR11_EL2 = 3, 4, 6, 13, 4;
    PRLAR11_EL2 = 3, 4, 6, 13, 5;
    PRBAR12_EL2 = 3, 4, 6, 14, 0;
    PRLAR12_EL2 = 3, 4, 6, 14, 1;
    PRBAR13_EL2 = 3, 4, 6, 14, 4;
    PRLAR13_EL2 = 3, 4, 6, 14, 5;
    PRBAR14_EL2 = 3, 4, 6, 15, 0;
    PRLAR14_EL2 = 3, 4, 6, 15, 1;
    PRBAR15_EL2 = 3, 4, 6, 15, 4;
    PRLAR15_EL2 = 3, 4, 6, 15, 5;
    // EL2 (op1=4), PMU, statistical profiling, trace buffer (CRn=9)
    PMSCR_EL2 = 3, 4, 9, 9, 0;
    // EL2 (op1=4), Memory attributes, LOR, MPAM (CRn=10)
    MAIR_EL2 = 3, 4, 10, 2, 0;
    AMAIR_EL2 = 3, 4, 10, 3, 0;
    MPAMHCR_EL2 = 3, 4, 10, 4, 0;
    MPAMVPMV_EL2 = 3, 4, 10, 4, 1;
    MPAM2_EL2 = 3, 4, 10, 5, 0;
    MPAMVPM0_EL2 = 3, 4, 10, 6, 0;
    MPAMVPM1_EL2 = 3, 4, 10, 6, 1;
    MPAMVPM2_EL2 = 3, 4, 10, 6, 2;
    MPAMVPM3_EL2 = 3, 4, 10, 6, 3;
    MPAMVPM4_EL2 = 3, 4, 10, 6, 4;
    MPAMVPM5_EL2 = 3, 4, 10, 6, 5;
    MPAMVPM6_EL2 = 3, 4, 10, 6, 6;
    MPAMVPM7_EL2 = 3, 4, 10, 6, 7;
    // EL2 (op1=4), Exception vectors, interrupt status, GICv3 CPU interface (CRn=12)
    VBAR_EL2 = 3, 4, 12, 0, 0;
    RVBAR_EL2 = 3, 4, 12, 0, 1;
    RMR_EL2 = 3, 4, 12, 0, 2;
    VDISR_EL2 = 3, 4, 12, 1, 1;
    ICH_AP0R0_EL2 = 3, 4, 12, 8, 0;
    ICH_AP0R1_EL2 = 3, 4, 12, 8, 1;
    ICH_AP0R2_EL2 = 3, 4, 12, 8, 2;
    ICH_AP0R3_EL2 = 3, 4, 12, 8, 3;
    ICH_AP1R0_EL2 = 3, 4, 12, 9, 0;
    ICH_AP1R1_EL2 = 3, 4, 12, 9, 1;
    ICH_AP1R2_EL2 = 3, 4, 12, 9, 2;
    ICH_AP1R3_EL2 = 3, 4, 12, 9, 3;
    ICC_SRE_EL2 = 3, 4, 12, 9, 5;
    ICH_HCR_EL2 = 3, 4, 12, 11, 0;
    ICH_VTR_EL2 = 3, 4, 12, 11, 1;
    ICH_MISR_EL2 = 3, 4, 12, 11, 2;
    ICH_EISR_EL2 = 3, 4, 12, 11, 3;
    ICH_ELRSR_EL2 = 3, 4, 12, 11, 5;
    ICH_VMCR_EL2 = 3, 4, 12, 11, 7;
    ICH_LR0_EL2 = 3, 4, 12, 12, 0;
    ICH_LR1_EL2 = 3, 4, 12, 12, 1;
    ICH_LR2_EL2 = 3, 4, 12, 12, 2;
    ICH_LR3_EL2 = 3, 4, 12, 12, 3;
    ICH_LR4_EL2 = 3, 4, 12, 12, 4;
    ICH_LR5_EL2 = 3, 4, 12, 12, 5;
    ICH_LR6_EL2 = 3, 4, 12, 12, 6;
    ICH_LR7_EL2 = 3, 4, 12, 12, 7;
    ICH_LR8_EL2 = 3, 4, 12, 13, 0;
    ICH_LR9_EL2 = 3, 4, 12, 13, 1;
    ICH_LR10_EL2 = 3, 4, 12, 13, 2;
    ICH_LR11_EL2 = 3, 4, 12, 13, 3;
    ICH_LR12_EL2 = 3, 4, 12, 13, 4;
    ICH_LR13_EL2 = 3, 4, 12, 13, 5;
    ICH_LR14_EL2 = 3, 4, 12, 13, 6;
    ICH_LR15_EL2 = 3, 4, 12, 13, 7;
    // EL2 (op1=4), Context and thread ID, AMU (CRn=13)
    CONTEXTIDR_EL2 = 3, 4, 13, 0, 1;
    TPIDR_EL2 = 3, 4, 13, 0, 2;
    SCXTNUM_EL2 = 3, 4, 13, 0, 7;
    AMEVCNTVOFF00_EL2 = 3, 4, 13, 8, 0;
    AMEVCNTVOFF01_EL2 = 3, 4, 13, 8, 1;
    AMEVCNTVOFF02_EL2 = 3, 4, 13, 8, 2;
    AMEVCNTVOFF03_EL2 = 3, 4, 13, 8, 3;
    AMEVCNTVOFF04_EL2 = 3, 4, 13, 8, 4;
    AMEVCNTVOFF05_EL2 = 3, 4, 13, 8, 5;
    AMEVCNTVOFF06_EL2 = 3, 4, 13, 8, 6;
    AMEVCNTVOFF07_EL2 = 3, 4, 13, 8, 7;
    AMEVCNTVOFF08_EL2 = 3, 4, 13, 9, 0;
    AMEVCNTVOFF09_EL2 = 3, 4, 13, 9, 1;
    AMEVCNTVOFF010_EL2 = 3, 4, 13, 9, 2;
    AMEVCNTVOFF011_EL2 = 3, 4, 13, 9, 3;
    AMEVCNTVOFF012_EL2 = 3, 4, 13, 9, 4;
    AMEVCNTVOFF013_EL2 = 3, 4, 13, 9, 5;
    AMEVCNTVOFF014_EL2 = 3, 4, 13, 9, 6;
    AMEVCNTVOFF015_EL2 = 3, 4, 13, 9, 7;
    AMEVCNTVOFF10_EL2 = 3, 4, 13, 10, 0;
    AMEVCNTVOFF11_EL2 = 3, 4, 13, 10, 1;
    AMEVCNTVOFF12_EL2 = 3, 4, 13, 10, 2;
    AMEVCNTVOFF13_EL2 = 3, 4, 13, 10, 3;
    AMEVCNTVOFF14_EL2 = 3, 4, 13, 10, 4;
    AMEVCNTVOFF15_EL2 = 3, 4, 13, 10, 5;
    AMEVCNTVOFF16_EL2 = 3, 4, 13, 10, 6;
    AMEVCNTVOFF17_EL2 = 3, 4, 13, 10, 7;
    AMEVCNTVOFF18_EL2 = 3, 4, 13, 11, 0;
    AMEVCNTVOFF19_EL2 = 3, 4, 13, 11, 1;
    AMEVCNTVOFF110_EL2 = 3, 4, 13, 11, 2;
    AMEVCNTVOFF111_EL2 = 3, 4, 13, 11, 3;
    AMEVCNTVOFF112_EL2 = 3, 4, 13, 11, 4;
    AMEVCNTVOFF113_EL2 = 3, 4, 13, 11, 5;
    AMEVCNTVOFF114_EL2 = 3, 4, 13, 11, 6;
    AMEVCNTVOFF115_EL2 = 3, 4, 13, 11, 7;
    // EL2 (op1=4), Generic timer and PMU event counters (CRn=14)
    CNTVOFF_EL2 = 3, 4, 14, 0, 3;
    CNTPOFF_EL2 = 3, 4, 14, 0, 6;
    CNTHCTL_EL2 = 3, 4, 14, 1, 0;
    CNTHP_TVAL_EL2 = 3, 4, 14, 2, 0;
    CNTHP_CTL_EL2 = 3, 4, 14, 2, 1;
    CNTHP_CVAL_EL2 = 3, 4, 14, 2, 2;
    CNTHV_TVAL_EL2 = 3, 4, 14, 3, 0;
    CNTHV_CTL_EL2 = 3, 4, 14, 3, 1;
    CNTHV_CVAL_EL2 = 3, 4, 14, 3, 2;
    CNTHVS_TVAL_EL2 = 3, 4, 14, 4, 0;
    CNTHVS_CTL_EL2 = 3, 4, 14, 4, 1;
    CNTHVS_CVAL_EL2 = 3, 4, 14, 4, 2;
    CNTHPS_TVAL_EL2 = 3, 4, 14, 5, 0;
    CNTHPS_CTL_EL2 = 3, 4, 14, 5, 1;
    CNTHPS_CVAL_EL2 = 3, 4, 14, 5, 2;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), System control, CPACR, SVE/SME control (CRn=1)
    SCTLR_EL12 = 3, 5, 1, 0, 0;
    CPACR_EL12 = 3, 5, 1, 0, 2;
    ZCR_EL12 = 3, 5, 1, 2, 0;
    TRFCR_EL12 = 3, 5, 1, 2, 1;
    SMCR_EL12 = 3, 5, 1, 2, 6;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Translation tables and pointer-authentication keys (CRn=2)
    TTBR0_EL12 = 3, 5, 2, 0, 0;
    TTBR1_EL12 = 3, 5, 2, 0, 1;
    TCR_EL12 = 3, 5, 2, 0, 2;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Special purpose and PSTATE (CRn=4)
    SPSR_EL12 = 3, 5, 4, 0, 0;
    ELR_EL12 = 3, 5, 4, 0, 1;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Fault status, RAS error records, MTE TFSR (CRn=5)
    AFSR0_EL12 = 3, 5, 5, 1, 0;
    AFSR1_EL12 = 3, 5, 5, 1, 1;
    ESR_EL12 = 3, 5, 5, 2, 0;
    TFSR_EL12 = 3, 5, 5, 6, 0;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Fault address, MPU (CRn=6)
    FAR_EL12 = 3, 5, 6, 0, 0;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), PMU, statistical profiling, trace buffer (CRn=9)
    PMSCR_EL12 = 3, 5, 9, 9, 0;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Memory attributes, LOR, MPAM (CRn=10)
    MAIR_EL12 = 3, 5, 10, 2, 0;
    AMAIR_EL12 = 3, 5, 10, 3, 0;
    MPAM1_EL12 = 3, 5, 10, 5, 0;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Exception vectors, interrupt status, GICv3 CPU interface (CRn=12)
    VBAR_EL12 = 3, 5, 12, 0, 0;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Context and thread ID, AMU (CRn=13)
    CONTEXTIDR_EL12 = 3, 5, 13, 0, 1;
    SCXTNUM_EL12 = 3, 5, 13, 0, 7;
    // EL12/EL02 aliases (op1=5, FEAT_VHE), Generic timer and PMU event counters (CRn=14)
    CNTKCTL_EL12 = 3, 5, 14, 1, 0;
    CNTP_TVAL_EL02 = 3, 5, 14, 2, 0;
    CNTP_CTL_EL02 = 3, 5, 14, 2, 1;
    CNTP_CVAL_EL02 = 3, 5, 14, 2, 2;
    CNTV_TVAL_EL02 = 3, 5, 14, 3, 0;
    CNTV_CTL_EL02 = 3, 5, 14, 3, 1;
    CNTV_CVAL_EL02 = 3, 5, 14, 3, 2;
    // EL3 (op1=6), System control, CPACR, SVE/SME control (CRn=1)
    SCTLR_EL3 = 3, 6, 1, 0, 0;
    ACTLR_EL3 = 3, 6, 1, 0, 1;
    SCR_EL3 = 3, 6, 1, 1, 0;
    SDER32_EL3 = 3, 6, 1, 1, 1;
    CPTR_EL3 = 3, 6, 1, 1, 2;
    ZCR_EL3 = 3, 6, 1, 2, 0;
    SMCR_EL3 = 3, 6, 1, 2, 6;
    MDCR_EL3 = 3, 6, 1, 3, 1;
    // EL3 (op1=6), Translation tables and pointer-authentication keys (CRn=2)
    TTBR0_EL3 = 3, 6, 2, 0, 0;
    TCR_EL3 = 3, 6, 2, 0, 2;
    GPTBR_EL3 = 3, 6, 2, 1, 4;
    GPCCR_EL3 = 3, 6, 2, 1, 6;
    // EL3 (op1=6), Special purpose and PSTATE (CRn=4)
    SPSR_EL3 = 3, 6, 4, 0, 0;
    ELR_EL3 = 3, 6, 4, 0, 1;
    SP_EL2 = 3, 6, 4, 1, 0;
    // EL3 (op1=6), Fault status, RAS error records, MTE TFSR (CRn=5)
    AFSR0_EL3 = 3, 6, 5, 1, 0;
    AFSR1_EL3 = 3, 6, 5, 1, 1;
    ESR_EL3 = 3, 6, 5, 2, 0;
    TFSR_EL3 = 3, 6, 5, 6, 0;
    // EL3 (op1=6), Fault address, MPU (CRn=6)
    FAR_EL3 = 3, 6, 6, 0, 0;
    MFAR_EL3 = 3, 6, 6, 0, 5;
    // EL3 (op1=6), Memory attributes, LOR, MPAM (CRn=10)
    MAIR_EL3 = 3, 6, 10, 2, 0;
    AMAIR_EL3 = 3, 6, 10, 3, 0;
    MPAM3_EL3 = 3, 6, 10, 5, 0;
    // EL3 (op1=6), Exception vectors, interrupt status, GICv3 CPU interface (CRn=12)
    VBAR_EL3 = 3, 6, 12, 0, 0;
    RVBAR_EL3 = 3, 6, 12, 0, 1;
    RMR_EL3 = 3, 6, 12, 0, 2;
    ICC_CTLR_EL3 = 3, 6, 12, 12, 4;
    ICC_SRE_EL3 = 3, 6, 12, 12, 5;
    ICC_IGRPEN1_EL3 = 3, 6, 12, 12, 7;
    // EL3 (op1=6), Context and thread ID, AMU (CRn=13)
    TPIDR_EL3 = 3, 6, 13, 0, 2;
    SCXTNUM_EL3 = 3, 6, 13, 0, 7;
    // Secure EL1 (op1=7), Generic timer and PMU event counters (CRn=14)
    CNTPS_TVAL_EL1 = 3, 7, 14, 2, 0;
    CNTPS_CTL_EL1 = 3, 7, 14, 2, 1;
    CNTPS_CVAL_EL1 = 3, 7, 14, 2, 2;
}

/// Encodings whose name as an MSR destination differs from their MRS name (the table above
/// holds the read name). Arm ARM D23: DBGDTRRX_EL0 is read-only and DBGDTRTX_EL0 write-only,
/// at the same encoding.
static SYSREG_WRITE_NAMES: &[(SysRegId, &str)] = &[(regs::DBGDTRRX_EL0, "DBGDTRTX_EL0")];

impl SysRegId {
    /// The architectural name of this encoding when it is written (MSR): the same as
    /// [`SysRegId::name`] except for the few encodings in `SYSREG_WRITE_NAMES`.
    pub fn write_name(self) -> Option<&'static str> {
        SYSREG_WRITE_NAMES
            .iter()
            .find(|&&(id, _)| id == self)
            .map(|&(_, n)| n)
            .or_else(|| self.name())
    }

    /// Displays the register as an MSR destination (see [`SysRegId::write_name`]).
    pub fn for_write(self) -> SysRegWrite {
        SysRegWrite(self)
    }
}

/// A register named as an MSR destination: lower case, or the generic `s..` form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SysRegWrite(pub SysRegId);

impl fmt::Display for SysRegWrite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match SYSREG_WRITE_NAMES.iter().find(|&&(id, _)| id == self.0) {
            Some(&(_, n)) => n
                .chars()
                .try_for_each(|c| fmt::Write::write_char(f, c.to_ascii_lowercase())),
            None => self.0.fmt(f),
        }
    }
}

// Tests of the list (plain #[test] items: this file is included in the middle of sysreg.rs).

#[test]
fn sysreg_encodings_and_names_are_unique() {
    let mut ids: Vec<SysRegId> = SYSREG_NAMES_UNSORTED.iter().map(|&(id, _)| id).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "two names for one encoding");
    let mut names: Vec<&str> = SYSREG_NAMES_UNSORTED.iter().map(|&(_, n)| n).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(before, names.len(), "one name for two encodings");
    for &(id, n) in SYSREG_NAMES_UNSORTED {
        assert!(id.op0() >= 2, "{n}: registers have op0 = 2 or 3");
        assert!(
            !n.bytes().any(|b| b.is_ascii_lowercase()),
            "{n}: upper case"
        );
    }
}

#[test]
fn sysreg_display_is_objdump_spelling() {
    assert_eq!(regs::CURRENTEL.to_string(), "currentel");
    assert_eq!(regs::ICH_LR15_EL2.to_string(), "ich_lr15_el2");
    assert_eq!(SysRegId::new(3, 7, 15, 15, 7).to_string(), "s3_7_c15_c15_7");
    assert_eq!(regs::DBGDTRRX_EL0.to_string(), "dbgdtrrx_el0");
    assert_eq!(regs::DBGDTRRX_EL0.for_write().to_string(), "dbgdtrtx_el0");
    assert_eq!(regs::SCTLR_EL1.for_write().to_string(), "sctlr_el1");
    assert_eq!(regs::DBGDTRRX_EL0.write_name(), Some("DBGDTRTX_EL0"));
}
