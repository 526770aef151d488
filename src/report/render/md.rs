//! The report as Markdown: tables, and charts as text bars in code blocks.

use std::fmt::Write;

use super::text::forms_list;
use super::{bars, duration, num, timeline};
use crate::report::entities::ENTITY_HEADERS;
use crate::report::full::FullReport;
use crate::report::terms::TermsReport;

/// Escapes a table cell: `|`, line breaks, and the characters Markdown would read as markup.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, headers: &[&str], right: &[bool], rows: &[Vec<String>]) {
    let _ = writeln!(
        out,
        "| {} |",
        headers
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(
        out,
        "|{}|",
        right
            .iter()
            .map(|r| if *r { "---:" } else { "---" })
            .collect::<Vec<_>>()
            .join("|")
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| {} |",
            r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

fn terms_table(out: &mut String, r: &TermsReport) {
    let rows: Vec<Vec<String>> = r
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                (i + 1).to_string(),
                if r.ngrams > 1 {
                    t.forms.first().map(|f| f.form.clone()).unwrap_or_default()
                } else {
                    t.term.clone()
                },
                t.count.to_string(),
                t.docs.to_string(),
                t.articles.to_string(),
                t.comments.to_string(),
                forms_list(&t.forms),
            ]
        })
        .collect();
    table(
        out,
        &[
            "#",
            if r.ngrams > 1 { "segment" } else { "term" },
            "count",
            "docs",
            "articles",
            "comments",
            "forms",
        ],
        &[true, false, true, true, true, true, false],
        &rows,
    );
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".into())
}

/// Renders the full report as Markdown; `articles` rows in the per-article table.
pub fn document(r: &FullReport, articles: usize) -> String {
    let o = &r.overview;
    let mut s = String::new();
    let _ = writeln!(s, "# Corpus report\n\n_{}_\n", cell(&r.generator));
    s.push_str("## Overview\n\n");
    let langs = o
        .languages
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    table(
        &mut s,
        &["", ""],
        &[false, false],
        &[
            vec!["articles".into(), o.articles.to_string()],
            vec!["comments".into(), o.comments.to_string()],
            vec!["words".into(), o.words.to_string()],
            vec!["documents per language".into(), langs],
            vec![
                "published".into(),
                format!(
                    "{} → {} ({} undated)",
                    opt(&o.published_first),
                    opt(&o.published_last),
                    o.undated_articles
                ),
            ],
            vec![
                "comments".into(),
                format!("{} → {}", opt(&o.comments_first), opt(&o.comments_last)),
            ],
        ],
    );
    s.push_str("## Top terms\n\n");
    terms_table(&mut s, &r.terms);
    s.push_str("## Repeated segments\n\n");
    for seg in &r.segments {
        let _ = writeln!(s, "### {} words\n", seg.ngrams);
        terms_table(&mut s, seg);
    }
    let k = &r.keyness;
    let _ = writeln!(
        s,
        "## Keyness: {} against {}\n\n{} ({} words) against {} ({} words), log-likelihood G²; ▲ more frequent in {}, ▼ in {}.\n",
        cell(&k.target),
        cell(&k.reference),
        cell(&k.target),
        k.target_tokens,
        cell(&k.reference),
        k.reference_tokens,
        cell(&k.target),
        cell(&k.reference)
    );
    let rows: Vec<Vec<String>> = k
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                (i + 1).to_string(),
                if t.direction == "over" { "▲" } else { "▼" }.into(),
                t.term.clone(),
                t.count.to_string(),
                t.reference.to_string(),
                format!("{:.2}", t.g2),
                t.significance.to_string(),
                format!("{:+.2}", t.log_ratio),
                forms_list(&t.forms),
            ]
        })
        .collect();
    table(
        &mut s,
        &[
            "#",
            "",
            "term",
            "target",
            "reference",
            "G²",
            "p",
            "log ratio",
            "forms",
        ],
        &[true, false, false, true, true, true, false, true, false],
        &rows,
    );
    let c = &r.comments.totals;
    s.push_str("## Entities\n\n");
    if r.entities.entities.is_empty() {
        s.push_str("No entity found.\n\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .entities
            .entities
            .iter()
            .map(|e| e.cells(4).iter().map(|c| cell(c)).collect())
            .collect();
        table(
            &mut s,
            &ENTITY_HEADERS,
            &[false, false, true, true, true, true, false],
            &rows,
        );
    }
    s.push_str("## Comments\n\n");
    let langs = c
        .languages
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    table(
        &mut s,
        &["", ""],
        &[false, false],
        &[
            vec![
                "articles".into(),
                format!(
                    "{} ({} with comments, {} with a count mismatch)",
                    c.articles, c.articles_with_comments, c.mismatches
                ),
            ],
            vec![
                "comments".into(),
                format!("{} parsed, {} declared", c.comments, c.declared),
            ],
            vec![
                "with text".into(),
                format!("{} ({} without)", c.with_text, c.empty),
            ],
            vec![
                "first → last".into(),
                format!("{} → {}", opt(&c.first), opt(&c.last)),
            ],
            vec![
                "first comment after".into(),
                c.first_delay_minutes
                    .map(|m| format!("{} (median over articles)", duration(m)))
                    .unwrap_or_else(|| "—".into()),
            ],
            vec![
                "median delay".into(),
                c.median_delay_minutes
                    .map(duration)
                    .unwrap_or_else(|| "—".into()),
            ],
            vec![
                "words".into(),
                format!(
                    "mean {}, median {}, max {}",
                    num(c.words.mean, 1),
                    num(c.words.median, 1),
                    c.words.max
                ),
            ],
            vec!["quoting the article".into(), c.quoting.to_string()],
            vec!["with a URL".into(), c.with_url.to_string()],
            vec!["emoticons".into(), c.emoticons.to_string()],
            vec!["languages".into(), langs],
        ],
    );
    s.push_str("### Comments over time\n\n```\n");
    s.push_str(&bars(&timeline(&c.by_day, 40), 40));
    s.push_str("```\n\n### Comments per hour of day\n\n```\n");
    let hours: Vec<(String, u64)> = c
        .by_hour
        .iter()
        .enumerate()
        .map(|(h, n)| (format!("{h:02}h"), *n))
        .collect();
    s.push_str(&bars(&hours, 40));
    s.push_str("```\n\n");
    let mut sorted: Vec<_> = r.comments.articles.iter().collect();
    sorted.sort_by(|a, b| b.comments.cmp(&a.comments).then_with(|| a.id.cmp(&b.id)));
    sorted.truncate(articles);
    let _ = writeln!(
        s,
        "### Most commented articles ({} of {})\n",
        sorted.len(),
        r.comments.articles.len()
    );
    let rows: Vec<Vec<String>> = sorted
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.title.clone(),
                opt(&a.published),
                a.declared
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "—".into()),
                format!("{}{}", a.comments, if a.mismatch { " ⚠" } else { "" }),
                a.with_text.to_string(),
                a.empty.to_string(),
                a.first_delay_minutes
                    .map(|m| duration(m as f64))
                    .unwrap_or_else(|| "—".into()),
                a.quoting.len().to_string(),
                a.with_url.to_string(),
            ]
        })
        .collect();
    table(
        &mut s,
        &[
            "article",
            "title",
            "published",
            "declared",
            "parsed",
            "text",
            "empty",
            "first after",
            "quoting",
            "URL",
        ],
        &[
            false, false, false, true, true, true, true, true, true, true,
        ],
        &rows,
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_tables() {
        assert_eq!(cell("a|b\nc <x> *y*"), "a\\|b c \\<x\\> \\*y\\*");
    }
}
