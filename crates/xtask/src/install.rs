//! xtask install (being written).
