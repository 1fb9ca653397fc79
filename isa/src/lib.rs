//! The A64 encoding table.
