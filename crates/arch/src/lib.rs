//! Shared AArch64 vocabulary used by every a64sim crate.
