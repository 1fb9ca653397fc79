//! xtask images (being written).
