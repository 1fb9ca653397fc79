//! xtask test (being written).
