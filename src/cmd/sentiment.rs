//! `kiosque sentiment`: score texts given as arguments or on standard input, one JSON line each.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use kiosque::analysis::sentiment::{self, Keyword, Label, Scorer};
use kiosque::analysis::{Lang, detect};
use serde::Serialize;

use crate::cli::{LangArg, SentimentArgs};
use crate::cmd::UsageError;

/// One output line.
#[derive(Serialize)]
struct Line<'a> {
    /// Score in [-1, 1].
    score: f32,
    /// positive, negative, neutral or mixed.
    label: Label,
    /// The language the text was scored in.
    lang: Lang,
    /// Contributing words, strongest first.
    keywords: &'a [Keyword],
}

/// Runs `kiosque sentiment`.
pub fn run(args: SentimentArgs) -> Result<ExitCode> {
    if !args.stdin && args.texts.is_empty() {
        return Err(UsageError(
            "sentiment: give texts as arguments or --stdin (one text per line)".into(),
        )
        .into());
    }
    let custom;
    let scorer: &Scorer = match &args.lexicon {
        Some(path) => {
            let text = sentiment::read_lexicon_file(path)?;
            let mut s = Scorer::default();
            s.add_entries(&text)
                .with_context(|| format!("in {}", path.display()))?;
            custom = s;
            &custom
        }
        None => sentiment::builtin(),
    };
    let forced = args.lang.map(|l| match l {
        LangArg::Fr => Lang::Fr,
        LangArg::En => Lang::En,
    });
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut emit = |text: &str| -> Result<()> {
        let lang = forced.unwrap_or_else(|| detect(text, Lang::Fr));
        let s = scorer.score_lines(text, &[lang], 0);
        let line = Line {
            score: s.score,
            label: s.label,
            lang,
            keywords: &s.keywords,
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        Ok(())
    };
    for t in &args.texts {
        emit(t)?;
    }
    if args.stdin {
        for line in std::io::stdin().lock().lines() {
            let line = line.context("reading standard input")?;
            emit(line.trim_end_matches('\r'))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
