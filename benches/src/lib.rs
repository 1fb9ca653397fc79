//! Workloads shared by the criterion benchmarks.
