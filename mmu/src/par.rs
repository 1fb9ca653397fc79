//! PAR_EL1 encoding of AT results (ARCH.md §3.14; Arm ARM D23.2 PAR_EL1).
//!
//! Success (F = 0): SH[8:7], NS bit 9, RES1 bit 11, PA[47:12], ATTR[63:56] in MAIR format
//! of the combined attributes (0xF0 for Tagged). Fault (F = 1): FST[6:1] = DFSC, PTW bit 8
//! (stage-2 fault on a stage-1 walk), S bit 9 (stage-2 fault), RES1 bit 11.
//! AT executed at EL1 whose walk takes a stage-2 fault does not write PAR; it takes the
//! fault to EL2 (§3.12): see [`at_fault_goes_to_par`].

use crate::fault::{Fault, Stage};
use crate::translate::Translation;

/// PAR_EL1 bit 11: RES1 without FEAT_RME.
const RES1: u64 = 1 << 11;

/// PAR_EL1 for a successful AT. `ns` is the NS bit to report (1 for a Non-secure
/// translation; a64sim does not model Secure descriptor NS bits).
pub const fn encode_success(t: &Translation, ns: bool) -> u64 {
    let attrs = &t.data_attrs;
    ((attrs.mair_byte() as u64) << 56)
        | (t.pa & 0x0000_ffff_ffff_f000)
        | RES1
        | ((ns as u64) << 9)
        | ((attrs.sh.bits() as u64) << 7)
}

/// PAR_EL1 for an AT that faulted.
pub const fn encode_fault(f: &Fault) -> u64 {
    let s = matches!(f.stage, Stage::Two);
    RES1 | ((s as u64) << 9) | ((f.s1ptw as u64) << 8) | ((f.fsc() as u64) << 1) | 1
}

/// Whether an AT fault is reported in PAR_EL1 (`true`) or taken as an exception to EL2
/// (`false`): AT from EL1 (or the host) whose stage-1 walk hits a stage-2 fault, and
/// external aborts on the walk, are taken (ARCH.md §3.12). `at_el2` is whether the AT
/// instruction is an EL2 form (S12E*, S1E2*), which report stage-2 faults in PAR.
pub const fn at_fault_goes_to_par(f: &Fault, at_el2: bool) -> bool {
    if matches!(f.kind, crate::fault::FaultKind::SyncExternal { .. }) {
        return false;
    }
    !matches!(f.stage, Stage::Two) || at_el2
}
