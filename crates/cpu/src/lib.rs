//! The a64sim processing element.
