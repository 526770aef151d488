//! `kiosque report`: all reports in one Markdown, JSON or HTML document.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use kiosque::report::full::{FullOptions, full};
use kiosque::report::render::{html, md};

use super::open_or_build;
use super::terms::report_error;
use crate::cli::{ReportArgs, ReportFormat};

/// Runs `report`.
pub fn run(index: &Path, args: ReportArgs) -> Result<ExitCode> {
    let store = open_or_build(index)?;
    let r = full(
        &store,
        &FullOptions {
            terms: args.terms,
            keyness: args.terms,
            ..FullOptions::default()
        },
    )
    .map_err(report_error)?;
    let out = match args.format {
        ReportFormat::Md => md::document(&r, args.articles),
        ReportFormat::Json => serde_json::to_string_pretty(&r)? + "\n",
        ReportFormat::Html => html::page(&r, args.articles),
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("kiosque: report written to {}", path.display());
        }
        None => print!("{out}"),
    }
    Ok(ExitCode::SUCCESS)
}
