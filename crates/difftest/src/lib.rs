//! Differential testing of a64sim.
