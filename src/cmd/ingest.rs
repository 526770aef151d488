//! `kiosque ingest`: index pages, incrementally.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use kiosque::store::ingest::{IngestOptions, Summary, ingest};

use super::default_corpus;
use crate::cli::IngestArgs;

/// Runs `ingest`.
pub fn run(index: &Path, args: IngestArgs) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![default_corpus()]
    } else {
        args.paths.clone()
    };
    let opts = IngestOptions {
        paths,
        rebuild: args.rebuild,
        max_file_size: args.max_file_size,
        progress: std::io::stderr().is_terminal(),
        ..IngestOptions::default()
    };
    let summary =
        ingest(index, &opts).with_context(|| format!("ingest into {}", index.display()))?;
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        print_summary(&summary, index);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_summary(s: &Summary, index: &Path) {
    println!(
        "{} files seen: {} added, {} updated, {} unchanged, {} removed, {} skipped",
        s.seen,
        s.added,
        s.updated,
        s.unchanged,
        s.removed,
        s.skipped.len()
    );
    println!(
        "indexed {} articles and {} comments in {:.2} s; {} now holds {} articles and {} comments",
        s.articles,
        s.comments,
        s.seconds,
        index.display(),
        s.total_articles,
        s.total_comments
    );
    for k in &s.skipped {
        println!("  skipped {}: {}", k.path, k.reason);
    }
    for k in &s.not_utf8 {
        println!("  decoded {} from {}", k.path, k.reason);
    }
}
