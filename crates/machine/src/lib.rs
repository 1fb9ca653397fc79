//! The a64sim virt platform.
