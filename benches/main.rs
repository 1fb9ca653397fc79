//! Criterion benchmarks: decoder throughput and interpreter speed. Whole-image timings
//! against QEMU are `cargo xtask bench`.

use a64sim_benches::{code_words, machine_with, random_words};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn decode(c: &mut Criterion) {
    let mut g = c.benchmark_group("decode");
    for (name, words) in [
        ("test-image-code", code_words()),
        ("random-words", random_words(1 << 16)),
    ] {
        g.throughput(Throughput::Elements(words.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                for &w in &words {
                    black_box(a64sim_isa::decode(black_box(w)));
                }
            })
        });
    }
    g.finish();
}

fn interpret(c: &mut Criterion) {
    const STEPS: u64 = 20_000_000;
    let mut g = c.benchmark_group("interpret");
    g.sample_size(10);
    g.throughput(Throughput::Elements(STEPS));
    for image in ["bench_int_loop", "bench_ldst_loop", "bench_branchy"] {
        g.bench_function(image, |b| {
            b.iter_batched(
                || machine_with(image),
                |mut m| black_box(m.run(STEPS)),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, decode, interpret);
criterion_main!(benches);
