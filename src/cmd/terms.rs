//! `kiosque terms`: top terms, repeated segments, keyness.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kiosque::analysis::Lang;
use kiosque::report::keyness::{KeynessOptions, Reference, keyness};
use kiosque::report::ngrams::{NgramOptions, ngrams};
use kiosque::report::render::{csv, text};
use kiosque::report::terms::{TermsOptions, terms};
use kiosque::report::{ReportError, Slice};
use kiosque::store::{KIND_ARTICLE, KIND_COMMENT};

use super::{UsageError, open_or_build, parse_period};
use crate::cli::{Kind, LangArg, SliceArgs, TermsArgs};

/// The report slice the arguments describe.
pub fn slice_of(a: &SliceArgs) -> Result<Slice, UsageError> {
    Ok(Slice {
        kind: a.kind.map(|k| {
            match k {
                Kind::Article => KIND_ARTICLE,
                Kind::Comment => KIND_COMMENT,
            }
            .to_string()
        }),
        lang: a.lang.map(|l| match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }),
        article: a.article.clone(),
        since: a
            .since
            .as_deref()
            .map(parse_period)
            .transpose()?
            .map(|p| p.0),
        until: a
            .until
            .as_deref()
            .map(parse_period)
            .transpose()?
            .map(|p| p.1),
    })
}

/// A report error as the binary reports it (usage errors exit with 2).
pub fn report_error(e: ReportError) -> anyhow::Error {
    match e {
        ReportError::Usage(m) => UsageError(m).into(),
        ReportError::Syntax(s) => UsageError(s.to_string()).into(),
        e => e.into(),
    }
}

/// Runs `terms`.
pub fn run(index: &Path, args: TermsArgs) -> Result<ExitCode> {
    let slice = slice_of(&args.slice)?;
    let store = open_or_build(index)?;
    if args.keyness {
        let (target, reference) = match &args.against {
            Some(a) => (
                if slice.is_whole() {
                    Slice::of_kind(KIND_COMMENT)
                } else {
                    slice.clone()
                },
                Reference::parse(a),
            ),
            None => Reference::default_for(&slice),
        };
        let r = keyness(
            &store,
            &KeynessOptions {
                target,
                reference,
                limit: args.limit,
                all_words: args.all_words,
                forms: args.forms,
                min_g2: args.min_g2,
            },
        )
        .map_err(report_error)?;
        if args.json {
            println!("{}", serde_json::to_string_pretty(&r)?);
        } else if args.csv {
            print!("{}", csv::keyness(&r)?);
        } else {
            print!("{}", text::keyness(&r));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let r = match args.ngrams {
        Some(n) => ngrams(
            &store,
            &NgramOptions {
                slice,
                n: usize::from(n),
                limit: args.limit,
                all_words: args.all_words,
                forms: args.forms,
                min_count: args.min_count,
            },
        ),
        None => terms(
            &store,
            &TermsOptions {
                slice,
                limit: args.limit,
                all_words: args.all_words,
                forms: args.forms,
            },
        ),
    }
    .map_err(report_error)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else if args.csv {
        print!("{}", csv::terms(&r)?);
    } else {
        print!("{}", text::terms(&r));
    }
    Ok(ExitCode::SUCCESS)
}
