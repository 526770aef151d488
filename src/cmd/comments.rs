//! `kiosque comments`: comment statistics per article and for the corpus.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kiosque::report::comments::comments;
use kiosque::report::render::{csv, text};

use super::open_or_build;
use super::terms::report_error;
use crate::cli::CommentsArgs;

/// Runs `comments`.
pub fn run(index: &Path, args: CommentsArgs) -> Result<ExitCode> {
    let store = open_or_build(index)?;
    let r = comments(&store, args.article.as_deref()).map_err(report_error)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else if args.csv {
        print!("{}", csv::comments(&r)?);
    } else {
        print!("{}", text::comments(&r, args.article.is_some(), args.limit));
    }
    Ok(ExitCode::SUCCESS)
}
