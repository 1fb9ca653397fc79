//! The Memory Tagging Extension model (ARCH.md §4).
//!
//! * [`store`]: [`TagStore`], the 4-bit allocation tags of physical RAM, one per 16-byte
//!   granule, in QEMU's layout (two tags per byte), allocated per 4 KiB page on first use.
//!   It also moves tags in the one-tag-per-byte format of KVM_ARM_MTE_COPY_TAGS.
//! * [`generate`]: the tag arithmetic of IRG, ADDG, SUBG, GMI and SUBP
//!   (`AArch64.ChooseNonExcludedTag`, the RGSR_EL1 LFSR, GCR_EL1/RGSR_EL1 fields).
//! * [`access`]: whether allocation-tag access is enabled (built on `el2`'s HCR_EL2.ATA
//!   and SCR_EL3.ATA predicates, the same ones that trap the MTE registers) and what a
//!   tag mismatch does (TCF/TCF0 modes, TFSR bits).

pub mod access;
pub mod generate;
pub mod store;

pub use access::{allocation_tag_access_is_enabled, tfsr_bit, MismatchAction, TagCheckMode};
pub use generate::{
    addg_tag, choose_non_excluded_tag, gmi, irg_tag, lfsr_random_offset, logical_tag, subp,
    with_tag, Gcr, Rgsr,
};
pub use store::{RawTagDirectory, TagRangeError, TagStore, TAG_BYTES_PER_PAGE};
