//! Command-line definitions (clap derive), one subcommand each.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Analyse French/English news articles and their reader comments: ingest pages into a
/// full-text index, then search it.
#[derive(Debug, Parser)]
#[command(name = "kiosque", version, about, long_about = None)]
pub struct Cli {
    /// Index directory.
    #[arg(long, global = true, env = "KIOSQUE_INDEX", default_value = "index")]
    pub index: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index pages (plain-text pages, JSON Lines), incrementally: only changed files are redone.
    Ingest(IngestArgs),
    /// Full-text search over titles, bodies and comments.
    Search(SearchArgs),
    /// Show how an article (with its comments) or a comment was parsed.
    Show(ShowArgs),
}

/// `kiosque ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories to ingest [default: corpus/].
    pub paths: Vec<PathBuf>,
    /// Reindex everything (batch reindex), not only what changed.
    #[arg(long)]
    pub rebuild: bool,
    /// Print the summary as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Skip files larger than this many bytes (suffixes K, M, G accepted).
    #[arg(long, default_value = "50M", value_parser = parse_size)]
    pub max_file_size: u64,
}

/// Document kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Articles.
    Article,
    /// Reader comments.
    Comment,
}

/// Languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// French.
    Fr,
    /// English.
    En,
}

/// `kiosque search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words (all must match), "a phrase", -excluded, a OR b, (groups); `*` for every document.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Only articles or only comments.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Only documents with a passage in this language.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Only this article and its comments.
    #[arg(long)]
    pub article: Option<String>,
    /// Only documents dated on or after (2014, 2014-09, 2014-09-01, 01/09/2014, 2014-09-01T16:45).
    #[arg(long)]
    pub since: Option<String>,
    /// Only documents dated on or before (same forms; a day includes the whole day).
    #[arg(long)]
    pub until: Option<String>,
    /// Number of hits to print.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Print results as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `kiosque show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An article id (`001_c38d16efca54e096`) or comment id (`001_c38d16efca54e096#c4`).
    pub id: String,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1024),
        Some((i, 'm' | 'M')) => (&s[..i], 1024 * 1024),
        Some((i, 'g' | 'G')) => (&s[..i], 1024 * 1024 * 1024),
        _ => (s, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mult))
        .map_err(|_| format!("'{s}' is not a size (examples: 1000, 64K, 50M, 1G)"))
}
