//! The report as one self-contained HTML page: inline CSS and SVG, no script, every text from
//! the corpus escaped.

use std::fmt::Write;

use super::svg::{columns, hbars};
use super::{duration, num, timeline};
use crate::report::comments::ArticleStats;
use crate::report::full::FullReport;
use crate::report::terms::TermsReport;

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc}\
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}\
th,td{padding:.2rem .6rem;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\
.over{color:#1a7f37}.under{color:#b42318}.warn{color:#b42318;font-weight:bold}\
figure{margin:1rem 0}.muted{color:#666}";

/// A table: headers (a trailing `#` marks a numeric column) and escaped cells.
fn table(out: &mut String, id: &str, headers: &[&str], rows: &[Vec<String>]) {
    let numeric: Vec<bool> = headers.iter().map(|h| h.ends_with('#')).collect();
    let _ = write!(out, "<table id=\"{id}\"><thead><tr>");
    for (h, n) in headers.iter().zip(&numeric) {
        let _ = write!(
            out,
            "<th{}>{}</th>",
            if *n { " class=\"n\"" } else { "" },
            escape(h.trim_end_matches('#'))
        );
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            let n = numeric.get(i).copied().unwrap_or(false);
            let _ = write!(
                out,
                "<td{}>{}</td>",
                if n { " class=\"n\"" } else { "" },
                escape(c)
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn forms(t: &[crate::report::terms::FormCount]) -> String {
    super::text::forms_list(t)
}

fn terms_rows(r: &TermsReport) -> Vec<Vec<String>> {
    r.terms
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
                forms(&t.forms),
            ]
        })
        .collect()
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".into())
}

fn article_rows(articles: &[ArticleStats], limit: usize) -> Vec<Vec<String>> {
    let mut sorted: Vec<&ArticleStats> = articles.iter().collect();
    sorted.sort_by(|a, b| b.comments.cmp(&a.comments).then_with(|| a.id.cmp(&b.id)));
    sorted.truncate(limit);
    sorted
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
        .collect()
}

/// Renders the full report as HTML; `articles` rows in the per-article table.
pub fn page(r: &FullReport, articles: usize) -> String {
    let o = &r.overview;
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    s.push_str("<title>kiosque report</title>");
    let _ = write!(s, "<style>{STYLE}</style></head><body>");
    let _ = write!(
        s,
        "<h1>Corpus report</h1><p class=\"muted\">{}</p>",
        escape(&r.generator)
    );

    s.push_str("<h2 id=\"overview\">Overview</h2>");
    let langs = o
        .languages
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    table(
        &mut s,
        "overview-table",
        &["", ""],
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

    s.push_str("<h2 id=\"terms\">Top terms</h2>");
    let items: Vec<(String, u64)> = r
        .terms
        .terms
        .iter()
        .take(20)
        .map(|t| {
            (
                t.forms.first().map_or(t.term.clone(), |f| f.form.clone()),
                t.count,
            )
        })
        .collect();
    let _ = write!(
        s,
        "<figure>{}</figure>",
        hbars("chart-terms", "Most frequent terms", &items, 640)
    );
    table(
        &mut s,
        "terms-table",
        &[
            "##",
            "term",
            "count#",
            "docs#",
            "articles#",
            "comments#",
            "forms",
        ],
        &terms_rows(&r.terms),
    );

    s.push_str("<h2 id=\"segments\">Repeated segments</h2>");
    for seg in &r.segments {
        let _ = write!(s, "<h3>{} words</h3>", seg.ngrams);
        table(
            &mut s,
            &format!("segments-{}", seg.ngrams),
            &[
                "##",
                "segment",
                "count#",
                "docs#",
                "articles#",
                "comments#",
                "forms",
            ],
            &terms_rows(seg),
        );
    }

    let k = &r.keyness;
    let _ = write!(
        s,
        "<h2 id=\"keyness\">Keyness: {} against {}</h2><p>{} ({} words) against {} ({} words), log-likelihood G²; ▲ more frequent in {}, ▼ in {}.</p>",
        escape(&k.target),
        escape(&k.reference),
        escape(&k.target),
        k.target_tokens,
        escape(&k.reference),
        k.reference_tokens,
        escape(&k.target),
        escape(&k.reference)
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
                forms(&t.forms),
            ]
        })
        .collect();
    table(
        &mut s,
        "keyness-table",
        &[
            "##",
            "",
            "term",
            "target#",
            "reference#",
            "G²#",
            "p",
            "log ratio#",
            "forms",
        ],
        &rows,
    );

    let c = &r.comments.totals;
    s.push_str("<h2 id=\"entities\">Entities</h2>");
    if r.entities.entities.is_empty() {
        s.push_str("<p>No entity found.</p>");
    } else {
        let rows: Vec<Vec<String>> = r.entities.entities.iter().map(|e| e.cells(4)).collect();
        table(
            &mut s,
            "entities-table",
            &[
                "name",
                "type",
                "mentions#",
                "articles#",
                "comments#",
                "docs#",
                "aliases",
            ],
            &rows,
        );
    }
    s.push_str("<h2 id=\"comments\">Comments</h2>");
    let langs = c
        .languages
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    table(
        &mut s,
        "comments-table",
        &["", ""],
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
    let periods = timeline(&c.by_day, 60);
    let _ = write!(
        s,
        "<figure>{}</figure>",
        columns("chart-timeline", "Comments over time", &periods, 760, 220)
    );
    let hours: Vec<(String, u64)> = c
        .by_hour
        .iter()
        .enumerate()
        .map(|(h, n)| (format!("{h:02}h"), *n))
        .collect();
    let _ = write!(
        s,
        "<figure>{}</figure>",
        columns("chart-hours", "Comments per hour of day", &hours, 760, 200)
    );
    let shown = articles.min(r.comments.articles.len());
    let _ = write!(
        s,
        "<h3>Most commented articles ({shown} of {})</h3>",
        r.comments.articles.len()
    );
    table(
        &mut s,
        "articles-table",
        &[
            "article",
            "title",
            "published",
            "declared#",
            "parsed#",
            "text#",
            "empty#",
            "first after#",
            "quoting#",
            "URL#",
        ],
        &article_rows(&r.comments.articles, articles),
    );
    s.push_str("</body></html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \" />"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot; /&gt;"
        );
        assert_eq!(escape("é ü"), "é ü");
    }
}
