//! Integration tests for a64sim: assembled images run under a64sim and QEMU.
