//! Single-thread time of each ingest stage on the same pages: parsing, word segmentation, the
//! analysis chain, entity detection and sentiment scoring, in MB/s of page text.
//!
//! Each stage runs on a new thread, so the per-thread word caches start empty as they do at
//! ingest.
//!
//! `cargo run --release --example stages [DIR] [MB]`: DIR defaults to
//! `/tmp/bench-corpus/articles` (made by `../shared/bench/build-corpus.sh`), MB (of files read)
//! to 10. `STAGE=entities` (or `analysis`, `sentiment`) times that stage only; `CHECK=1`
//! prints a digest of what entities and sentiment found, to check a change keeps them.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

#[path = "../benches/common/mod.rs"]
mod common;

use kiosque::analysis::{Analyzer, Lang, Segmenter, entities, sentiment};
use kiosque::corpus::{Article, Boilerplate, parse_text_page};
use kiosque::store::document::{article_text, article_title_text};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "/tmp/bench-corpus/articles".into()),
    );
    let limit: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10) * 1_000_000;
    let raw = common::first_pages(&dir, limit);
    let bytes: usize = raw.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let boiler = Boilerplate::default();
    // Best of three runs, each on a new thread: the word caches start empty, as at ingest.
    let only = std::env::var("STAGE").ok();
    // CHECK=1: print a digest of what the entity and sentiment stages found, to compare
    // versions (it costs time: leave it off to measure).
    let check = std::env::var_os("CHECK").is_some();
    let digest = AtomicU64::new(0);
    let time = |label: &str, f: &mut (dyn FnMut() -> usize + Send)| {
        if only.as_deref().is_some_and(|o| {
            // Sentiment needs the line languages the analysis stage finds.
            o != label
                && !matches!(label, "parse" | "words")
                && !(o == "sentiment" && label == "analysis")
        }) {
            return;
        }
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..3 {
            let (secs, count) = std::thread::scope(|s| {
                s.spawn(|| {
                    let t = Instant::now();
                    let n = f();
                    (t.elapsed().as_secs_f64(), n)
                })
                .join()
                .unwrap_or((f64::MAX, 0))
            });
            best = best.min(secs);
            n = count;
        }
        println!("{label:<12} {best:6.3} s  {:7.2} MB/s  ({n})", mb / best);
        if check {
            println!(
                "{label:<12} digest {:016x}",
                digest.swap(0, Ordering::Relaxed)
            );
        }
    };
    let mut pages: Vec<Article> = Vec::new();
    time("parse", &mut || {
        pages = raw
            .iter()
            .map(|p| parse_text_page("x", "x.txt", p, &boiler))
            .collect();
        pages.len()
    });
    // Each page's documents: title lines, text, then each comment.
    let docs: Vec<Vec<String>> = pages
        .iter()
        .map(|a| {
            let mut v = vec![article_title_text(a), article_text(a)];
            v.extend(a.comments.iter().map(|c| c.text.clone()));
            v
        })
        .collect();
    // The words of each text, cut once and shared by the stages below, as at ingest.
    let mut words: Vec<Vec<Vec<(usize, usize)>>> = Vec::new();
    time("words", &mut || {
        let mut seg = Segmenter::default();
        words = docs
            .iter()
            .map(|page| {
                let texts: Vec<&str> = page.iter().map(String::as_str).collect();
                seg.words_of_each(&texts)
            })
            .collect();
        words.len()
    });
    let an = Analyzer::default();
    let mut langs: Vec<Vec<Vec<Lang>>> = Vec::new();
    time("analysis", &mut || {
        langs = docs
            .iter()
            .zip(&words)
            .map(|(page, ws)| {
                page.iter()
                    .zip(ws)
                    .map(|(t, w)| an.analyze_document_words(t, w).1)
                    .collect()
            })
            .collect();
        langs.len()
    });
    let rec = entities::builtin();
    time("entities", &mut || {
        docs.iter()
            .zip(&words)
            .map(|(page, ws)| {
                let texts: Vec<&str> = page.iter().map(String::as_str).collect();
                let spans: Vec<&[(usize, usize)]> = ws.iter().map(Vec::as_slice).collect();
                let found = rec.detect_page_words(&texts, &spans);
                if check {
                    let mut h = DefaultHasher::new();
                    format!("{found:?}").hash(&mut h);
                    digest.fetch_xor(h.finish(), Ordering::Relaxed);
                }
                found.iter().map(Vec::len).sum::<usize>()
            })
            .sum()
    });
    let scorer = sentiment::builtin();
    time("sentiment", &mut || {
        docs.iter()
            .zip(&langs)
            .zip(&words)
            .map(|((page, ls), ws)| {
                page.iter()
                    .zip(ls)
                    .zip(ws)
                    .map(|((t, l), w)| {
                        let s = scorer.score_words(t, Some(w), l, None, 0);
                        if check {
                            let mut h = DefaultHasher::new();
                            format!("{s:?}").hash(&mut h);
                            digest.fetch_xor(h.finish(), Ordering::Relaxed);
                        }
                        s.keywords.len()
                    })
                    .sum::<usize>()
            })
            .sum()
    });
}
