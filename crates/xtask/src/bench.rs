//! xtask bench (being written).
