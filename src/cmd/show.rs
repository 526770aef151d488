//! `kiosque show ID`: what the parser understood of a page or a comment.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kiosque::corpus::{Article, Comment};
use kiosque::store::search::{Shown, format_date, show};

use super::{UsageError, open_or_build};
use crate::cli::ShowArgs;

/// Runs `show`.
pub fn run(index: &Path, args: ShowArgs) -> Result<ExitCode> {
    let store = open_or_build(index)?;
    // One line: the tantivy error's own sources would repeat its message.
    let shown =
        show(&store, &args.id).map_err(|e| anyhow::anyhow!("index {}: {e}", index.display()))?;
    let Some(shown) = shown else {
        return Err(UsageError(format!(
            "no article or comment with id '{}' ({})",
            args.id,
            kiosque::report::ID_HINT
        ))
        .into());
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&shown)?);
        return Ok(ExitCode::SUCCESS);
    }
    match shown {
        Shown::Article(a) => print_article(&a),
        Shown::Comment {
            comment,
            article_title,
        } => {
            println!("article:   {} — {}", comment.article_id, article_title);
            print_comment(&comment);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn opt(label: &str, v: Option<String>) {
    if let Some(v) = v {
        println!("{label:<11}{v}");
    }
}

fn print_article(a: &Article) {
    println!("id:        {}", a.id);
    println!("file:      {}", a.file);
    println!("title:     {}", a.title);
    opt("subtitle:", a.subtitle.clone());
    opt("published:", a.published.map(format_date));
    opt(
        "reading:",
        a.reading_time_minutes.map(|m| format!("{m} min")),
    );
    opt("category:", a.category.clone());
    opt("url:", a.url.clone());
    opt("source:", a.source.clone());
    if !a.tags.is_empty() {
        println!("tags:      {}", a.tags.join(", "));
    }
    if !a.headings.is_empty() {
        println!("headings:");
        for h in &a.headings {
            println!("  - {h}");
        }
    }
    if let Some(l) = &a.lede {
        println!("\nlede:\n  {l}");
    }
    println!("\nbody ({} paragraphs):", a.paragraphs.len());
    for p in &a.paragraphs {
        println!("  {p}\n");
    }
    let empty = a.comments.iter().filter(|c| c.text.is_empty()).count();
    println!(
        "comments: {} parsed ({} with text, {} without){}",
        a.comments.len(),
        a.comments.len() - empty,
        empty,
        match a.declared_comments {
            Some(d) if d as usize != a.comments.len() => format!(", {d} declared: MISMATCH"),
            Some(d) => format!(", {d} declared"),
            None => String::new(),
        }
    );
    for c in &a.comments {
        println!();
        print_comment(c);
    }
}

fn print_comment(c: &Comment) {
    println!(
        "#c{:<4} {}{}{}{}",
        c.number,
        c.date
            .map(format_date)
            .unwrap_or_else(|| "(no date)".into()),
        c.author
            .as_deref()
            .map(|a| format!("  by {a}"))
            .unwrap_or_default(),
        if c.emoticons > 0 {
            format!("  emoticons: {}", c.emoticons)
        } else {
            String::new()
        },
        if c.urls.is_empty() {
            String::new()
        } else {
            format!("  urls: {}", c.urls.len())
        }
    );
    if c.text.is_empty() {
        println!("       (no text)");
    }
    for line in c.text.lines() {
        println!("       {line}");
    }
}
