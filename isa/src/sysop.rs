//! Names of the SYS/SYSL system instructions (DC, IC, TLBI, AT and friends), keyed by
//! op1, CRn, CRm, op2 (Arm ARM C5.3, ../shared/ARCH.md §3.13, §3.14, §4.5, §5.7).
