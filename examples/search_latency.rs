//! In-process search latency: opens an index once and runs each query of a list several times
//! through the same code as `kiosque search` (parse, analyse, search, load and highlight the
//! top hits), then prints p50 and p95 in milliseconds.
//!
//! `cargo run --release --example search_latency -- INDEX_DIR RUNS QUERY...`

use std::path::Path;
use std::time::Instant;

use kiosque::store::Store;
use kiosque::store::search::{Filters, search};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index, runs, queries @ ..] = args.as_slice() else {
        eprintln!("usage: search_latency INDEX_DIR RUNS QUERY...");
        std::process::exit(2);
    };
    let runs: usize = runs.parse().unwrap_or(5);
    let store = match Store::open(Path::new(index)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("search_latency: {e}");
            std::process::exit(1);
        }
    };
    let filters = Filters::default();
    let mut lat: Vec<f64> = Vec::new();
    for _ in 0..runs {
        for q in queries {
            let t = Instant::now();
            if let Err(e) = search(&store, q, &filters, 10) {
                eprintln!("search_latency: {q}: {e}");
                std::process::exit(1);
            }
            lat.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    lat.sort_by(f64::total_cmp);
    let pick = |p: f64| lat[((p * lat.len() as f64) as usize).min(lat.len() - 1)];
    println!(
        "search:      p50 {:.2} ms, p95 {:.2} ms in process ({} queries x {} runs)",
        pick(0.5),
        pick(0.95),
        queries.len(),
        runs
    );
}
