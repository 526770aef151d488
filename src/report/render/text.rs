//! Terminal renderings of the reports.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::{Align, bars, duration, num, table, timeline};
use crate::report::comments::{ArticleStats, CommentsReport, Totals};
use crate::report::keyness::KeynessReport;
use crate::report::kwic::KwicReport;
use crate::report::terms::{FormCount, TermsReport};

/// `form 12, forms 3`.
pub fn forms_list(forms: &[FormCount]) -> String {
    forms
        .iter()
        .map(|f| format!("{} {}", f.form, f.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The terms (or repeated segments) table.
pub fn terms(r: &TermsReport) -> String {
    let mut out = String::new();
    // Segments listed down to one occurrence (`--min-count 1`) are not all repeated.
    let repeated = if r.min_count > 1 { "repeated " } else { "" };
    let what = if r.ngrams > 1 {
        format!("{repeated}{}-word segments", r.ngrams)
    } else {
        "terms".to_string()
    };
    let _ = writeln!(
        out,
        "{} {what} of {}: {} documents, {} words, {} distinct {}",
        r.terms.len(),
        r.slice,
        r.documents,
        r.tokens,
        r.types,
        if r.ngrams > 1 {
            format!("{repeated}segments")
        } else {
            "terms".to_string()
        }
    );
    if r.terms.is_empty() {
        return out;
    }
    let rows: Vec<Vec<String>> = r
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (main, others) = if r.ngrams > 1 {
                let top = t.forms.first().map(|f| f.form.clone()).unwrap_or_default();
                let rest = if t.forms.len() > 1 {
                    forms_list(&t.forms[1..])
                } else {
                    String::new()
                };
                (
                    top,
                    format!(
                        "{}{}",
                        t.term,
                        if rest.is_empty() {
                            String::new()
                        } else {
                            format!(" · {rest}")
                        }
                    ),
                )
            } else {
                (
                    if t.stop {
                        format!("{} (stop)", t.term)
                    } else {
                        t.term.clone()
                    },
                    forms_list(&t.forms),
                )
            };
            vec![
                (i + 1).to_string(),
                main,
                t.count.to_string(),
                t.docs.to_string(),
                t.articles.to_string(),
                t.comments.to_string(),
                others,
            ]
        })
        .collect();
    let headers: &[&str] = if r.ngrams > 1 {
        &[
            "#",
            "segment",
            "count",
            "docs",
            "articles",
            "comments",
            "terms · other forms",
        ]
    } else {
        &[
            "#", "term", "count", "docs", "articles", "comments", "forms",
        ]
    };
    out.push_str(&table(
        headers,
        &[
            Align::Right,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        &rows,
    ));
    out.push('\n');
    out
}

/// The keyness table.
pub fn keyness(r: &KeynessReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Keyness of {} ({} documents, {} words) against {} ({} documents, {} words), by log-likelihood G²",
        r.target,
        r.target_documents,
        r.target_tokens,
        r.reference,
        r.reference_documents,
        r.reference_tokens
    );
    let _ = writeln!(
        out,
        "▲ more frequent in {}, ▼ in {}; * p<0.05, ** p<0.01, *** p<0.001, **** p<0.0001",
        r.target, r.reference
    );
    if r.terms.is_empty() {
        out.push_str("no term differs significantly\n");
        return out;
    }
    let rows: Vec<Vec<String>> = r
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                (i + 1).to_string(),
                if t.direction == "over" { "▲" } else { "▼" }.to_string(),
                t.term.clone(),
                t.count.to_string(),
                num(t.per_10k, 1),
                t.reference.to_string(),
                num(t.reference_per_10k, 1),
                format!("{:.2}", t.g2),
                t.significance.to_string(),
                format!("{:+.2}", t.log_ratio),
                forms_list(&t.forms),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            "#",
            "",
            "term",
            "target",
            "/10k",
            "reference",
            "/10k",
            "G²",
            "p",
            "log ratio",
            "forms",
        ],
        &[
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
            Align::Right,
            Align::Left,
        ],
        &rows,
    ));
    out.push('\n');
    out
}

/// The concordance: left context right-aligned on `width` columns, the match, the right
/// context, the document id; the match between `open` and `close`.
pub fn kwic(r: &KwicReport, width: usize, open: &str, close: &str) -> String {
    let mut out = String::new();
    let total = match r.occurrences {
        Some(n) => format!("{n} occurrences in {} documents", r.documents),
        None => format!("{} documents match", r.documents),
    };
    let _ = writeln!(
        out,
        "{}: {total}, {} lines shown",
        super::quoted(&r.query),
        r.lines.len()
    );
    let right_w = r
        .lines
        .iter()
        .map(|l| l.right.width())
        .max()
        .unwrap_or(0)
        .min(width);
    let match_w = r.lines.iter().map(|l| l.matched.width()).max().unwrap_or(0);
    for l in &r.lines {
        let pad = width.saturating_sub(l.left.width());
        let mpad = match_w.saturating_sub(l.matched.width());
        let rpad = right_w.saturating_sub(l.right.width());
        let _ = writeln!(
            out,
            "{}{}  {open}{}{close}{}  {}{}  {}{}",
            " ".repeat(pad),
            l.left,
            l.matched,
            " ".repeat(mpad),
            l.right,
            " ".repeat(rpad),
            l.id,
            if l.part == "title" { " (title)" } else { "" }
        );
    }
    out
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_else(|| "—".into())
}

fn langs(l: &std::collections::BTreeMap<String, u64>) -> String {
    l.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn hours_chart(by_hour: &[u64]) -> String {
    let items: Vec<(String, u64)> = by_hour
        .iter()
        .enumerate()
        .map(|(h, n)| (format!("{h:02}h"), *n))
        .collect();
    bars(&items, 40)
}

/// Key/value lines for the statistics of one article.
fn article_facts(a: &ArticleStats) -> Vec<Vec<String>> {
    vec![
        vec!["published".into(), opt(&a.published)],
        vec![
            "comments".into(),
            format!(
                "{} parsed, {} declared{}",
                a.comments,
                opt(&a.declared),
                if a.mismatch { "  ⚠ MISMATCH" } else { "" }
            ),
        ],
        vec![
            "with text".into(),
            format!("{} ({} without)", a.with_text, a.empty),
        ],
        vec!["first".into(), opt(&a.first)],
        vec!["last".into(), opt(&a.last)],
        vec![
            "first after".into(),
            a.first_delay_minutes
                .map(|m| {
                    if m.abs() < 60 {
                        duration(m as f64)
                    } else {
                        format!("{} ({m} min)", duration(m as f64))
                    }
                })
                .unwrap_or_else(|| "—".into()),
        ],
        vec![
            "median delay".into(),
            a.median_delay_minutes
                .map(|m| format!("{} ({} min)", duration(m), num(m, 1)))
                .unwrap_or_else(|| "—".into()),
        ],
        vec![
            "words".into(),
            format!(
                "mean {}, median {}, max {}",
                num(a.words.mean, 1),
                num(a.words.median, 1),
                a.words.max
            ),
        ],
        vec![
            "quoting".into(),
            format!(
                "{}{}",
                a.quoting.len(),
                if a.quoting.is_empty() {
                    String::new()
                } else {
                    format!(": {}", a.quoting.join(", "))
                }
            ),
        ],
        vec!["with URL".into(), a.with_url.to_string()],
        vec!["emoticons".into(), a.emoticons.to_string()],
        vec!["languages".into(), langs(&a.languages)],
    ]
}

fn totals_facts(t: &Totals) -> Vec<Vec<String>> {
    vec![
        vec![
            "articles".into(),
            format!(
                "{} ({} with comments, {} with a count mismatch)",
                t.articles, t.articles_with_comments, t.mismatches
            ),
        ],
        vec![
            "comments".into(),
            format!("{} parsed, {} declared", t.comments, t.declared),
        ],
        vec![
            "with text".into(),
            format!("{} ({} without)", t.with_text, t.empty),
        ],
        vec!["first".into(), opt(&t.first)],
        vec!["last".into(), opt(&t.last)],
        vec![
            "first after".into(),
            t.first_delay_minutes
                .map(|m| format!("{} (median over articles)", duration(m)))
                .unwrap_or_else(|| "—".into()),
        ],
        vec![
            "median delay".into(),
            t.median_delay_minutes
                .map(duration)
                .unwrap_or_else(|| "—".into()),
        ],
        vec![
            "words".into(),
            format!(
                "mean {}, median {}, max {}",
                num(t.words.mean, 1),
                num(t.words.median, 1),
                t.words.max
            ),
        ],
        vec!["quoting".into(), t.quoting.to_string()],
        vec!["with URL".into(), t.with_url.to_string()],
        vec!["emoticons".into(), t.emoticons.to_string()],
        vec!["languages".into(), langs(&t.languages)],
    ]
}

/// The per-article table, most commented first, at most `limit` rows (0: all).
pub fn articles_table(articles: &[ArticleStats], limit: usize) -> String {
    let mut sorted: Vec<&ArticleStats> = articles.iter().collect();
    sorted.sort_by(|a, b| b.comments.cmp(&a.comments).then_with(|| a.id.cmp(&b.id)));
    if limit > 0 {
        sorted.truncate(limit);
    }
    let rows: Vec<Vec<String>> = sorted
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                opt(&a.published),
                opt(&a.declared),
                format!("{}{}", a.comments, if a.mismatch { " ⚠" } else { "" }),
                a.with_text.to_string(),
                a.empty.to_string(),
                a.first_delay_minutes
                    .map(|m| duration(m as f64))
                    .unwrap_or_else(|| "—".into()),
                a.median_delay_minutes
                    .map(duration)
                    .unwrap_or_else(|| "—".into()),
                num(a.words.median, 1),
                a.quoting.len().to_string(),
                a.with_url.to_string(),
                a.emoticons.to_string(),
                langs(&a.languages),
            ]
        })
        .collect();
    table(
        &[
            "article",
            "published",
            "declared",
            "parsed",
            "text",
            "empty",
            "first",
            "median",
            "words",
            "quoting",
            "URL",
            "emoticons",
            "languages",
        ],
        &[
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        &rows,
    )
}

/// The comment statistics: one article in detail, or the corpus totals, charts and the
/// per-article table (`limit` rows).
pub fn comments(r: &CommentsReport, single: bool, limit: usize) -> String {
    let mut out = String::new();
    if single && let Some(a) = r.articles.first() {
        let _ = writeln!(out, "{} — {}\n", a.id, a.title);
        out.push_str(&table(
            &["", ""],
            &[Align::Left, Align::Left],
            &article_facts(a),
        ));
        out.push_str("\n\ncomments per hour of day\n");
        out.push_str(&hours_chart(&a.by_hour));
        out.push_str("\ncomments per day\n");
        let days: Vec<(String, u64)> = timeline(&a.by_day, 60);
        out.push_str(&bars(&days, 40));
        return out;
    }
    let t = &r.totals;
    out.push_str("Comments of the corpus\n");
    out.push_str(&table(
        &["", ""],
        &[Align::Left, Align::Left],
        &totals_facts(t),
    ));
    out.push_str("\n\ncomments per hour of day\n");
    out.push_str(&hours_chart(&t.by_hour));
    let periods = timeline(&t.by_day, 40);
    out.push_str("\ncomments over time\n");
    out.push_str(&bars(&periods, 40));
    let shown = if limit == 0 {
        r.articles.len()
    } else {
        limit.min(r.articles.len())
    };
    let _ = writeln!(
        out,
        "\nper article ({} of {}, most commented first)",
        shown,
        r.articles.len()
    );
    out.push_str(&articles_table(&r.articles, limit));
    out.push('\n');
    out
}

/// Entities: name, type, mentions (articles / comments), documents, aliases; with `--with`,
/// documents shared first.
pub fn entities(r: &crate::report::entities::EntitiesReport) -> String {
    use super::{Align, table};
    let mut out = String::new();
    match &r.with {
        Some(w) => out.push_str(&format!(
            "Entities in the same documents as {} ({}, {} documents) — {}\n\n",
            w.name,
            w.kind.as_str(),
            w.docs,
            r.slice
        )),
        None => out.push_str(&format!("Entities — {}\n\n", r.slice)),
    }
    if r.entities.is_empty() {
        out.push_str("(no entity)\n");
        return out;
    }
    let with = r.with.is_some();
    let mut headers = crate::report::entities::ENTITY_HEADERS.to_vec();
    let mut aligns = vec![
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
    ];
    if with {
        headers.insert(2, "together");
        aligns.insert(2, Align::Right);
    }
    let rows: Vec<Vec<String>> = r
        .entities
        .iter()
        .map(|e| {
            let mut row = e.cells(4);
            if with {
                row.insert(2, e.together.unwrap_or(0).to_string());
            }
            row
        })
        .collect();
    out.push_str(&table(&headers, &aligns, &rows));
    out.push('\n');
    out
}

/// The mentions of one document, with offsets and context.
pub fn doc_mentions(id: &str, m: &[crate::report::entities::DocMention]) -> String {
    use super::{Align, table};
    let mut out = format!("Entity mentions in {id}\n\n");
    if m.is_empty() {
        out.push_str("(no entity)\n");
        return out;
    }
    let rows: Vec<Vec<String>> = m
        .iter()
        .map(|x| {
            vec![
                x.part.clone(),
                x.start.to_string(),
                x.text.clone(),
                x.name.clone(),
                format!("{}{}", x.kind.as_str(), if x.weak { " (weak)" } else { "" }),
                x.context.clone(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["in", "offset", "mention", "entity", "type", "context"],
        &[
            Align::Left,
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
        ],
        &rows,
    ));
    out.push('\n');
    out
}
