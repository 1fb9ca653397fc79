// The system registers a64sim names: `NAME = op0, op1, CRn, CRm, op2;`
// Sources: Arm ARM D23 (register descriptions), ../shared/ARCH.md §5.
sysregs! {
    SCTLR_EL1 = 3, 0, 1, 0, 0;
    NZCV = 3, 3, 4, 2, 0;
    DAIF = 3, 3, 4, 2, 1;
    TPIDR_EL0 = 3, 3, 13, 0, 2;
}
