//! `kiosque search`: ranked hits with highlighted snippets.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kiosque::report::render::quoted;
use kiosque::store::highlight::{Snippet, render};
use kiosque::store::search::{Filters, SearchError, search};

use super::{UsageError, color_stdout, open_or_build, parse_period};
use crate::cli::{Kind, LangArg, SearchArgs};

/// Runs `search`.
pub fn run(index: &Path, args: SearchArgs) -> Result<ExitCode> {
    let filters = Filters {
        kind: args.kind.map(|k| match k {
            Kind::Article => "article".to_string(),
            Kind::Comment => "comment".to_string(),
        }),
        lang: args.lang.map(|l| match l {
            LangArg::Fr => "fr".to_string(),
            LangArg::En => "en".to_string(),
        }),
        article: args.article.clone(),
        since: args
            .since
            .as_deref()
            .map(parse_period)
            .transpose()?
            .map(|p| p.0),
        until: args
            .until
            .as_deref()
            .map(parse_period)
            .transpose()?
            .map(|p| p.1),
        sentiment: args.sentiment.map(|t| t.as_str().to_string()),
        entity_terms: Vec::new(),
    };
    if let Some(q) = &args.query {
        super::not_an_option("search", q)?;
    }
    // What the header says was searched: the query, or the filter alone.
    let asked = match (&args.query, &args.entity) {
        (Some(q), _) => quoted(q),
        (None, Some(e)) => format!("--entity {}", quoted(e)),
        (None, None) => "the filters".to_string(),
    };
    let query = match args.query {
        Some(q) => q,
        // `kiosque search --entity NSA`: every document of the filter.
        None if filters.any() || args.entity.is_some() => "*".to_string(),
        None => {
            return Err(UsageError(
                "give words to search for (`*` for every document), or a filter such as \
                 --entity, --article, --kind or --since"
                    .to_string(),
            )
            .into());
        }
    };
    let store = open_or_build(index)?;
    if let Some(id) = &filters.article {
        let searcher = store.index.reader()?.searcher();
        kiosque::report::check_article(&store, &searcher, id)
            .map_err(super::terms::report_error)?;
    }
    let mut filters = filters;
    if let Some(name) = &args.entity {
        filters.entity_terms = kiosque::report::entities::entity_terms(&store, name)
            .map_err(super::terms::report_error)?;
    }
    let (results, _) = match search(&store, &query, &filters, args.limit) {
        Ok(r) => r,
        Err(SearchError::Syntax(e)) => return Err(UsageError(e.to_string()).into()),
        Err(e) => return Err(e.into()),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(ExitCode::SUCCESS);
    }
    let color = color_stdout();
    let (bold, dim, mark, reset) = if color {
        ("\x1b[1m", "\x1b[2m", "\x1b[1;33m", "\x1b[0m")
    } else {
        ("", "", "[", "]")
    };
    if results.total == 0 {
        println!("no match for {asked}");
        if let Some(note) = &results.note {
            println!("{note}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} match{} for {}{}",
        results.total,
        if results.total == 1 { "" } else { "es" },
        asked,
        if results.hits.len() < results.total {
            format!(" (best {} shown)", results.hits.len())
        } else {
            String::new()
        }
    );
    for (i, h) in results.hits.iter().enumerate() {
        println!();
        println!(
            "{bold}{:>2}. {}{}  {}  {}  {}{}",
            i + 1,
            h.id,
            if color { reset } else { "" },
            h.kind,
            h.date.as_deref().unwrap_or("(no date)"),
            h.lang.as_deref().unwrap_or(""),
            h.sentiment
                .as_deref()
                .map(|s| format!("  {s}"))
                .unwrap_or_default()
        );
        let title = Snippet {
            text: h.title.clone(),
            highlights: h.title_highlights.clone(),
        };
        // On a terminal the title is dim, again after each of its matches.
        let after_mark = if color {
            format!("{reset}{dim}")
        } else {
            "]".to_string()
        };
        println!(
            "    {dim}{}{}",
            render(&title, mark, &after_mark),
            if color { reset } else { "" }
        );
        let snip = Snippet {
            text: h.snippet.clone(),
            highlights: h.highlights.clone(),
        };
        let close = if color { reset } else { "]" };
        println!("    {}", render(&snip, mark, close));
    }
    Ok(ExitCode::SUCCESS)
}
