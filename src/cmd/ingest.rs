//! `kiosque ingest`: index pages, incrementally.

use std::io::{IsTerminal, Read};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use kiosque::store::StoreError;
use kiosque::store::ingest::{IngestOptions, StdinPage, Summary, ingest};

use super::{UsageError, default_corpus};
use crate::cli::IngestArgs;

/// Runs `ingest`.
pub fn run(index: &Path, args: IngestArgs) -> Result<ExitCode> {
    let dash = Path::new("-");
    let dashes = args.paths.iter().filter(|p| p.as_path() == dash).count();
    if dashes > 1 {
        return Err(UsageError("`-` (standard input) can be given only once".into()).into());
    }
    if dashes == 0 && args.stdin_name != "stdin" {
        return Err(UsageError(
            "--stdin-name names the page read from standard input: give `-` too".into(),
        )
        .into());
    }
    let mut paths: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_path() != dash)
        .cloned()
        .collect();
    if paths.is_empty() && dashes == 0 {
        paths.push(default_corpus());
    }
    if paths.is_empty() && args.rebuild {
        return Err(UsageError(
            "--rebuild with only `-` would leave nothing but that page in the index: give the \
             corpus paths too"
                .into(),
        )
        .into());
    }
    // A path that does not exist is a mistake in the command (a typo must not empty the index).
    for p in &paths {
        if let Err(e) = std::fs::symlink_metadata(p)
            && e.kind() == std::io::ErrorKind::NotFound
        {
            return Err(UsageError(format!(
                "{}: no such file or directory (give the files or directories to ingest)",
                p.display()
            ))
            .into());
        }
    }
    let stdin = if dashes == 1 {
        Some(read_stdin(&args.stdin_name, args.max_file_size)?)
    } else {
        None
    };
    let opts = IngestOptions {
        paths,
        rebuild: args.rebuild,
        max_file_size: args.max_file_size,
        progress: std::io::stderr().is_terminal(),
        batch_bytes: args.batch_size.max(1),
        stdin,
        sentiment: !args.no_sentiment,
        entities: !args.no_entities,
        ..IngestOptions::default()
    };
    // The store error names the index directory and says what to do, on one line.
    let summary = match ingest(index, &opts) {
        // Nothing found where the index holds files: a mistake in the command.
        Err(e @ StoreError::NothingFound { .. }) => return Err(UsageError(e.to_string()).into()),
        r => r?,
    };
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        print_summary(&summary, index);
    }
    if args.strict && !summary.skipped.is_empty() {
        eprintln!(
            "kiosque: {} input{} skipped (--strict); everything else was indexed",
            summary.skipped.len(),
            if summary.skipped.len() == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the page given as `-`, at most `max` bytes (plus one, so that the ingest can tell it
/// is over the limit).
fn read_stdin(name: &str, max: u64) -> Result<StdinPage> {
    let bad_name = name.is_empty()
        || Path::new(name)
            .components()
            .any(|c| !matches!(c, Component::Normal(_)));
    if bad_name {
        return Err(UsageError(format!(
            "--stdin-name '{name}' must be a relative path such as 'page.html' or 'dir/page.txt'"
        ))
        .into());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("kiosque: reading a page from standard input (end it with Ctrl-D)…");
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .context("reading standard input")?;
    Ok(StdinPage {
        name: name.to_string(),
        bytes,
    })
}

fn print_summary(s: &Summary, index: &Path) {
    let lines = s.skipped.iter().filter(|k| k.line).count();
    println!(
        "{} files seen: {} added, {} updated, {} unchanged, {} removed, {} skipped{}{}",
        s.seen,
        s.added,
        s.updated,
        s.unchanged,
        s.removed,
        s.skipped.len() - lines,
        match lines {
            0 => String::new(),
            1 => " (and 1 line of a file)".to_string(),
            n => format!(" (and {n} lines of files)"),
        },
        if s.relearned > 0 {
            format!(
                "; {} unchanged read again (their directory learned more boilerplate)",
                s.relearned
            )
        } else {
            String::new()
        }
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
    // Files not read again (unchanged) are reported as they were when indexed.
    let unchanged = |u: bool| if u { " (unchanged file)" } else { "" };
    for k in &s.skipped {
        println!(
            "  skipped {}{}: {}",
            k.path,
            unchanged(k.unchanged),
            k.reason
        );
    }
    for k in &s.notes {
        println!(
            "  note on {}{}: {}",
            k.path,
            unchanged(k.unchanged),
            k.reason
        );
    }
    for k in &s.not_utf8 {
        println!(
            "  decoded {} from {}{}",
            k.path,
            k.reason,
            unchanged(k.unchanged)
        );
    }
    for m in &s.mojibake {
        println!(
            "  repaired {} mojibake sequence{} (such as \"Ã©\" for \"é\") in {}{}",
            m.sequences,
            if m.sequences == 1 { "" } else { "s" },
            m.path,
            unchanged(m.unchanged)
        );
    }
}
