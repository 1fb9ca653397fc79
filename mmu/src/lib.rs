//! Stage 1 and stage 2 address translation for AArch64 (Arm ARM D8, "The AArch64 Virtual
//! Memory System Architecture"; digest in ARCH.md §3).
//!
//! A pure library: no CPU state, no TLB. The CPU builds a [`Stage1Config`] (and a
//! [`Stage2Config`] when stage 2 applies) from the register values it holds, then calls
//! [`translate`] with something that implements [`DescriptorMemory`]. The result is a
//! [`Translation`] carrying everything a soft-TLB entry tagged by regime, ASID and VMID
//! needs (region size, permissions of both stages for every access kind, attributes), or a
//! [`Fault`] value that knows its DFSC/IFSC, S1PTW and HPFAR.
//!
//! Modules, one concept each:
//! - `regs`: typed bitfield views of TCR/SCTLR/TTBR/VTCR/HCR.
//! - `granule`: granule geometry, start levels, SL0, PS decoding.
//! - `descriptor`: descriptor classification and fields.
//! - `regime`: regimes and the stage-1 configuration (ranges, TBI, ASID).
//! - `walk`: the level loop shared by both stages.
//! - `perms`: stage-1 and stage-2 permissions and access requests.
//! - `attrs`: MAIR decoding, stage-2 MemAttr, the S1+S2 combination (and FWB).
//! - `stage2`: stage-2 configuration and translation (S1PTW).
//! - `translate`: the two-stage entry point and the TLB-ready result.
//! - `fault`: fault values, status codes, HPFAR.
//! - `par`: PAR_EL1 encoding for AT.

pub mod attrs;
pub mod descriptor;
pub mod fault;
pub mod granule;
pub mod memory;
pub mod par;
pub mod perms;
pub mod regime;
pub mod regs;
pub mod stage2;
pub mod translate;
mod walk;

#[cfg(test)]
mod testmem;
#[cfg(test)]
mod tests_prop;
#[cfg(test)]
mod tests_stage2;
#[cfg(test)]
mod tests_walk;

pub use attrs::{Cacheability, DeviceType, MemAttrs, MemType, Shareability};
pub use fault::{ExternalAbort, Fault, FaultKind, Stage};
pub use granule::Granule;
pub use memory::DescriptorMemory;
pub use perms::{AccessKind, AccessReq, Rwx, S1Perms, S2Perms};
pub use regime::{Regime, Stage1Config, Stage1Regs};
pub use stage2::Stage2Config;
pub use translate::{translate, translate_stage1, Region, Translation};
