//! The Memory Tagging Extension model.
//!
//! This crate will hold `TagStore` (4-bit allocation tags per 16-byte granule of physical
//! RAM, in QEMU's layout), tag checks (synchronous, asynchronous, asymmetric), IRG/GCR/RGSR
//! tag choice and `allocation_tag_access_is_enabled()` built on `el2`'s HCR_EL2.ATA
//! predicate. The MTE issue fills it; today MTE instructions decode but do not execute.
