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
    /// Index pages (text pages, JSON Lines, HTML; `-` for standard input), incrementally: only
    /// changed files are redone.
    Ingest(IngestArgs),
    /// Full-text search over titles, bodies and comments.
    Search(SearchArgs),
    /// Show how an article (with its comments) or a comment was parsed.
    Show(ShowArgs),
    /// Most frequent terms with their forms, repeated segments, or keyness (log-likelihood).
    Terms(TermsArgs),
    /// Concordance (key word in context) of a word or a phrase.
    Kwic(KwicArgs),
    /// Comment statistics per article and for the corpus.
    Comments(CommentsArgs),
    /// Every report for the corpus in one document (Markdown, JSON or HTML).
    Report(ReportArgs),
    /// Sentiment of texts: score, label and the keywords that carried it.
    Sentiment(SentimentArgs),
    /// People, organisations, places and other names: mentions, aliases, co-occurrence.
    Entities(EntitiesArgs),
}

/// `kiosque ingest`.
#[derive(Debug, Args)]
#[command(after_help = "\
Formats, by extension: text pages (.txt, .text), JSON Lines (.jsonl, .ndjson) and HTML pages
(.html, .htm, .xhtml); a file named explicitly is read whatever its extension. `-` reads one
page from standard input (its format from --stdin-name, else from its content).

Bad input (empty, binary or too large files, invalid JSON lines, unreadable files, broken
symbolic links and loops, paths that are not UTF-8) is skipped with its reason in the summary.
Exit codes: 0 when the run finished, skips included; 1 on an error, or with --strict when
anything was skipped; 2 for a mistake in the command.")]
pub struct IngestArgs {
    /// Files or directories to ingest [default: corpus/]: text pages, JSON Lines, HTML pages;
    /// `-` reads one page from standard input.
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
    /// Exit with code 1 when anything was skipped (files or lines), after indexing the rest.
    #[arg(long)]
    pub strict: bool,
    /// Name of the page read from `-` (its id is the name without extension; .html, .txt or
    /// .jsonl sets its format, else the content does).
    #[arg(long, default_value = "stdin", value_name = "NAME")]
    pub stdin_name: String,
    /// Commit after about this many bytes of input (suffixes K, M, G accepted).
    #[arg(long, default_value = "64M", value_parser = parse_size, hide = true)]
    pub batch_size: u64,
    /// Skip sentiment scoring (for benchmarks); `sentiment` and `search --sentiment` then see
    /// these documents as unscored.
    #[arg(long)]
    pub no_sentiment: bool,
    /// Skip entity detection (for benchmarks); `entities` and `search --entity` then see these
    /// documents as naming nothing.
    #[arg(long)]
    pub no_entities: bool,
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
    /// May be left out when a filter is given: every document that passes it.
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Only articles or only comments.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Only matches in passages of this language (with `*` alone: documents with a passage in
    /// it).
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
    /// Number of hits to print (0: all, best first).
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Only documents of this tone (as scored at ingest).
    #[arg(long, value_enum)]
    pub sentiment: Option<Tone>,
    /// Only documents that mention this entity (its name or any alias, e.g. "Loretta Preska",
    /// "NSA", "Irlande"; see `kiosque entities`).
    #[arg(long)]
    pub entity: Option<String>,
    /// Print results as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Sentiment labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Tone {
    /// Clearly positive.
    Positive,
    /// Clearly negative.
    Negative,
    /// No opinion, or too weak either way.
    Neutral,
    /// Strong positive and negative parts.
    Mixed,
}

impl Tone {
    /// The label as indexed.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Positive => "positive",
            Tone::Negative => "negative",
            Tone::Neutral => "neutral",
            Tone::Mixed => "mixed",
        }
    }
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

/// The documents a report looks at.
#[derive(Debug, Clone, Args)]
pub struct SliceArgs {
    /// Only articles or only comments.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Language: terms counts the words of passages in it; kwic keeps documents with a passage
    /// in it.
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
}

/// `kiosque terms`.
#[derive(Debug, Args)]
pub struct TermsArgs {
    /// Documents counted.
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Number of terms listed (0: all).
    #[arg(long, short = 'n', default_value_t = 30)]
    pub limit: usize,
    /// Keep stop words (and let repeated segments begin or end with them).
    #[arg(long)]
    pub all_words: bool,
    /// Repeated segments of 2 or 3 words instead of single terms.
    #[arg(long, value_parser = clap::value_parser!(u8).range(2..=3), conflicts_with = "keyness")]
    pub ngrams: Option<u8>,
    /// Fewest occurrences of a repeated segment.
    #[arg(long, default_value_t = 2, requires = "ngrams")]
    pub min_count: u64,
    /// Rank terms by log-likelihood (G²) between the slice (default: comments) and a reference
    /// (default: articles).
    #[arg(long)]
    pub keyness: bool,
    /// Reference of --keyness: `article`, `comment`, `rest` (everything outside the slice) or
    /// an article id (that article's text).
    #[arg(long, requires = "keyness")]
    pub against: Option<String>,
    /// Lowest G² listed by --keyness (3.84: p < 0.05; 0 lists every term).
    #[arg(long, default_value_t = 3.84, requires = "keyness")]
    pub min_g2: f64,
    /// Surface forms shown per term.
    #[arg(long, default_value_t = 3)]
    pub forms: usize,
    /// Print as JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print as CSV.
    #[arg(long)]
    pub csv: bool,
}

/// Order of concordance lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KwicSortArg {
    /// Corpus order (article id, then its comments).
    Doc,
    /// By the words left of the match, nearest first.
    Left,
    /// By the words right of the match.
    Right,
}

/// `kiosque kwic`.
#[derive(Debug, Args)]
pub struct KwicArgs {
    /// A word, or a "phrase" (matched by stem and without accents, like search); several
    /// separated by OR.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Documents searched.
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Characters of context on each side (at most 1000).
    #[arg(long, short = 'w', default_value_t = 40,
          value_parser = clap::value_parser!(u16).range(..=1000))]
    pub width: u16,
    /// Number of lines (0: all).
    #[arg(long, short = 'n', default_value_t = 25)]
    pub limit: usize,
    /// Line order.
    #[arg(long, value_enum, default_value_t = KwicSortArg::Doc)]
    pub sort: KwicSortArg,
    /// Print as JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print as CSV.
    #[arg(long)]
    pub csv: bool,
}

/// `kiosque comments`.
#[derive(Debug, Args)]
pub struct CommentsArgs {
    /// Only this article, in detail.
    #[arg(long)]
    pub article: Option<String>,
    /// Rows of the per-article table on the terminal (0: all); JSON and CSV list every article.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Print as JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the per-article rows as CSV.
    #[arg(long)]
    pub csv: bool,
}

/// Formats of `kiosque report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// JSON.
    Json,
    /// One self-contained HTML page with SVG charts.
    Html,
}

/// `kiosque report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Top terms and key terms listed.
    #[arg(long, default_value_t = 30)]
    pub terms: usize,
    /// Articles in the most-commented table (Markdown and HTML; JSON lists all).
    #[arg(long, default_value_t = 20)]
    pub articles: usize,
}

/// `kiosque sentiment`.
#[derive(Debug, Args)]
pub struct SentimentArgs {
    /// Texts to score (one JSON line each); without texts or --stdin, reports on the index.
    pub texts: Vec<String>,
    /// Index report: only articles or only comments.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Index report: this article and its comments (each listed).
    #[arg(long)]
    pub article: Option<String>,
    /// Index report: one document (article or comment) by id.
    #[arg(long)]
    pub doc: Option<String>,
    /// Index report: keywords per list, and on the terminal articles shown and documents
    /// shown at each end of the scale (0: all).
    #[arg(long, short = 'n', default_value_t = 10)]
    pub top: usize,
    /// Index report as JSON (texts are always printed as JSON lines).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Index report as CSV, one row per document.
    #[arg(long)]
    pub csv: bool,
    /// Score standard input, one text per line, one JSON line each.
    #[arg(long)]
    pub stdin: bool,
    /// Extra lexicon entries: word<TAB>score (-4 .. 4; 0 removes) per line, optional <TAB>fr|en.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Language of every text [default: detected per text].
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
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

/// Entity types on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntityKind {
    /// People.
    Person,
    /// Companies, agencies, institutions, media, parties…
    #[value(alias = "organisation", alias = "org")]
    Organization,
    /// Countries, cities, regions, places.
    #[value(alias = "place", alias = "loc")]
    Location,
    /// Laws, products, works, events.
    Misc,
}

/// `kiosque entities`.
#[derive(Debug, Args)]
#[command(after_help = "\
Entities are found at ingest in titles, article bodies and comments (French and English):
gazetteers of places, organisations, laws and products with their French and English names,
plus capitalised names typed by cue words (M., Mme, juge, la société, ville de…) and given
names. Short forms join their full name within a page (Preska → Loretta Preska), acronyms their
expansion, and the lists join languages (Irlande / Ireland).")]
pub struct EntitiesArgs {
    /// Only entities of this type.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kind_of: Option<EntityKind>,
    /// Documents counted.
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Number of entities listed (0: all).
    #[arg(long, short = 'n', default_value_t = 30)]
    pub top: usize,
    /// Entities found in the same documents as this one, by documents shared.
    #[arg(long, conflicts_with_all = ["doc", "stdin"])]
    pub with: Option<String>,
    /// Every mention of one document (article or comment id) with its offset and context.
    #[arg(long, conflicts_with = "stdin")]
    pub doc: Option<String>,
    /// Read texts from standard input, one document per line, and print the entities of each
    /// as one JSON line (no index needed).
    #[arg(long)]
    pub stdin: bool,
    /// Print as JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print as CSV.
    #[arg(long)]
    pub csv: bool,
}
