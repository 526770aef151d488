//! Throughput of the analysis chain and the page parser on real French text.
//!
//! Input: the pages under `KIOSQUE_BENCH_CORPUS` (default `/tmp/bench-corpus/articles`, built by
//! `../shared/bench/build-corpus.sh`), up to 8 MB; `corpus/` when that is absent.

use std::path::PathBuf;

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kiosque::analysis::Analyzer;
use kiosque::corpus::{Boilerplate, parse_text_page};

fn sample() -> Vec<String> {
    let dir = std::env::var_os("KIOSQUE_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/bench-corpus/articles"));
    let dir = if dir.is_dir() {
        dir
    } else {
        PathBuf::from("corpus")
    };
    common::first_pages(&dir, 8_000_000)
}

fn bench(c: &mut Criterion) {
    let pages = sample();
    let bytes: usize = pages.iter().map(String::len).sum();
    let boiler = Boilerplate::default();
    let an = Analyzer::default();
    let mut g = c.benchmark_group("chain");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("parse_pages", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| parse_text_page("x", "x.txt", p, &boiler).paragraphs.len())
                .sum::<usize>()
        })
    });
    g.bench_function("analyze_document", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| an.analyze_document(p).0.len())
                .sum::<usize>()
        })
    });
    let langs: Vec<Vec<kiosque::analysis::Lang>> =
        pages.iter().map(|p| an.analyze_document(p).1).collect();
    g.bench_function("analyze_known_langs", |b| {
        b.iter(|| {
            pages
                .iter()
                .zip(&langs)
                .map(|(p, l)| an.analyze_with_langs(p, l).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
