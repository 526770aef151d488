//! `kiosque kwic`: concordance lines aligned on the match.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kiosque::report::kwic::{KwicOptions, KwicSort, kwic};
use kiosque::report::render::{csv, text};

use super::color_stdout;
use super::open_or_build;
use super::terms::{report_error, slice_of};
use crate::cli::{KwicArgs, KwicSortArg};

/// Runs `kwic`.
pub fn run(index: &Path, args: KwicArgs) -> Result<ExitCode> {
    super::not_an_option("kwic", &args.query)?;
    let slice = slice_of(&args.slice)?;
    let store = open_or_build(index)?;
    let r = kwic(
        &store,
        &KwicOptions {
            query: args.query.clone(),
            slice,
            width: usize::from(args.width),
            limit: args.limit,
            sort: match args.sort {
                KwicSortArg::Doc => KwicSort::Doc,
                KwicSortArg::Left => KwicSort::Left,
                KwicSortArg::Right => KwicSort::Right,
            },
        },
    )
    .map_err(report_error)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else if args.csv {
        print!("{}", csv::kwic(&r)?);
    } else if color_stdout() {
        print!(
            "{}",
            text::kwic(&r, usize::from(args.width), "\x1b[1;33m", "\x1b[0m")
        );
    } else {
        print!("{}", text::kwic(&r, usize::from(args.width), "[", "]"));
    }
    Ok(ExitCode::SUCCESS)
}
