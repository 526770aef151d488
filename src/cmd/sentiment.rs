//! `kiosque sentiment`: score texts given as arguments or on standard input, one JSON line
//! each; without texts, the tone of the indexed documents, articles and keywords.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use kiosque::analysis::sentiment::{self, Keyword, Label, Scorer};
use kiosque::analysis::{Lang, detect};
use kiosque::report::ReportError;
use kiosque::report::sentiment::{
    Export, Listed, SentimentOptions, render_csv, render_json, render_text,
};
use kiosque::store::{KIND_ARTICLE, KIND_COMMENT};
use serde::Serialize;

use super::open_or_build;
use super::terms::report_error;
use crate::cli::{Kind, LangArg, SentimentArgs};
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

/// Runs `kiosque sentiment`: texts when given (arguments or --stdin), else the index report.
pub fn run(index: &Path, args: SentimentArgs) -> Result<ExitCode> {
    let report_options = args.kind.is_some()
        || args.article.is_some()
        || args.doc.is_some()
        || args.csv
        || args.top != 10;
    if !args.stdin && args.texts.is_empty() {
        if args.lexicon.is_some() || args.lang.is_some() {
            return Err(UsageError(
                "sentiment: --lexicon and --lang apply to texts (arguments or --stdin); the \
                 index report shows the scores computed at ingest"
                    .into(),
            )
            .into());
        }
        return report(index, &args);
    }
    if report_options {
        return Err(UsageError(
            "sentiment: --kind, --article, --doc, --top and --csv apply to the index report \
             (without texts or --stdin)"
                .into(),
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
    let code = if args.stdin {
        super::for_stdin_lines(|_, line| emit(line))?
    } else {
        ExitCode::SUCCESS
    };
    out.flush()?;
    Ok(code)
}

/// The index report.
fn report(index: &Path, args: &SentimentArgs) -> Result<ExitCode> {
    if args.doc.is_some() && (args.article.is_some() || args.kind.is_some()) {
        return Err(UsageError(
            "sentiment: --doc names one document: leave out --article and --kind".into(),
        )
        .into());
    }
    let export = args.json || args.csv;
    let opts = SentimentOptions {
        kind: args.kind.map(|k| {
            match k {
                Kind::Article => KIND_ARTICLE,
                Kind::Comment => KIND_COMMENT,
            }
            .to_string()
        }),
        article: args.article.clone(),
        doc: args.doc.clone(),
        top: args.top,
        documents: if export || args.article.is_some() || args.doc.is_some() {
            Listed::All
        } else {
            Listed::Strongest(args.top)
        },
    };
    let store = open_or_build(index)?;
    if export && args.doc.is_none() {
        let format = if args.json { Export::Json } else { Export::Csv };
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        return match kiosque::report::sentiment::export(&store, &opts, format, &mut out) {
            Ok(()) => Ok(ExitCode::SUCCESS),
            // A reader that stops early (`| head`) is not an error.
            Err(ReportError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                Ok(ExitCode::SUCCESS)
            }
            Err(ReportError::Io(e)) => Err(anyhow::Error::new(e).context("writing the report")),
            Err(e) => Err(report_error(e)),
        };
    }
    let r = kiosque::report::sentiment::sentiment(&store, &opts).map_err(report_error)?;
    let text = if args.json {
        render_json(&r)?
    } else if args.csv {
        render_csv(&r)?
    } else {
        render_text(&r, args.top)
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        r => r.map(|()| ExitCode::SUCCESS).context("writing the report"),
    }
}
