//! CSV renderings: one row per term, key term, concordance line or article.

use crate::report::comments::CommentsReport;
use crate::report::keyness::KeynessReport;
use crate::report::kwic::KwicReport;
use crate::report::terms::TermsReport;

use super::text::forms_list;

fn write(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(headers)?;
    for r in rows {
        w.write_record(&r)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Terms: `term,forms,count,docs,articles,comments` (forms as `form count; form count`).
pub fn terms(r: &TermsReport) -> Result<String, csv::Error> {
    write(
        &["term", "forms", "count", "docs", "articles", "comments"],
        r.terms.iter().map(|t| {
            vec![
                t.term.clone(),
                forms_list(&t.forms).replace(", ", "; "),
                t.count.to_string(),
                t.docs.to_string(),
                t.articles.to_string(),
                t.comments.to_string(),
            ]
        }),
    )
}

/// Key terms: `term,direction,count,per_10k,reference,reference_per_10k,g2,log_ratio,forms`.
pub fn keyness(r: &KeynessReport) -> Result<String, csv::Error> {
    write(
        &[
            "term",
            "direction",
            "count",
            "per_10k",
            "reference",
            "reference_per_10k",
            "g2",
            "log_ratio",
            "forms",
        ],
        r.terms.iter().map(|t| {
            vec![
                t.term.clone(),
                t.direction.to_string(),
                t.count.to_string(),
                format!("{:.3}", t.per_10k),
                t.reference.to_string(),
                format!("{:.3}", t.reference_per_10k),
                format!("{:.4}", t.g2),
                format!("{:.4}", t.log_ratio),
                forms_list(&t.forms).replace(", ", "; "),
            ]
        }),
    )
}

/// Concordance: `id,kind,date,part,left,match,right`.
pub fn kwic(r: &KwicReport) -> Result<String, csv::Error> {
    write(
        &["id", "kind", "date", "part", "left", "match", "right"],
        r.lines.iter().map(|l| {
            vec![
                l.id.clone(),
                l.kind.clone(),
                l.date.clone().unwrap_or_default(),
                l.part.to_string(),
                l.left.clone(),
                l.matched.clone(),
                l.right.clone(),
            ]
        }),
    )
}

/// Per-article comment statistics, one row per article.
pub fn comments(r: &CommentsReport) -> Result<String, csv::Error> {
    let o = |v: Option<String>| v.unwrap_or_default();
    write(
        &[
            "id",
            "title",
            "published",
            "declared",
            "comments",
            "mismatch",
            "with_text",
            "empty",
            "first",
            "last",
            "first_delay_minutes",
            "median_delay_minutes",
            "words_mean",
            "words_median",
            "words_max",
            "quoting",
            "with_url",
            "emoticons",
            "languages",
        ],
        r.articles.iter().map(|a| {
            vec![
                a.id.clone(),
                a.title.clone(),
                o(a.published.clone()),
                o(a.declared.map(|d| d.to_string())),
                a.comments.to_string(),
                a.mismatch.to_string(),
                a.with_text.to_string(),
                a.empty.to_string(),
                o(a.first.clone()),
                o(a.last.clone()),
                o(a.first_delay_minutes.map(|d| d.to_string())),
                o(a.median_delay_minutes.map(|d| d.to_string())),
                a.words.mean.to_string(),
                a.words.median.to_string(),
                a.words.max.to_string(),
                a.quoting.join(" "),
                a.with_url.to_string(),
                a.emoticons.to_string(),
                a.languages
                    .iter()
                    .map(|(k, v)| format!("{k}:{v}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        }),
    )
}

/// Entities: `name,type,mentions,articles,comments,docs,together,aliases` (aliases `|`-joined).
pub fn entities(r: &crate::report::entities::EntitiesReport) -> Result<String, csv::Error> {
    write(
        &[
            "name", "type", "mentions", "articles", "comments", "docs", "together", "aliases",
        ],
        r.entities.iter().map(|e| {
            vec![
                e.name.clone(),
                e.kind.as_str().to_string(),
                e.mentions.to_string(),
                e.articles.to_string(),
                e.comments.to_string(),
                e.docs.to_string(),
                e.together.map(|t| t.to_string()).unwrap_or_default(),
                e.aliases.join("|"),
            ]
        }),
    )
}

/// Mentions of one document: `in,start,end,text,name,type,weak,context`.
pub fn doc_mentions(m: &[crate::report::entities::DocMention]) -> Result<String, csv::Error> {
    write(
        &[
            "in", "start", "end", "text", "name", "type", "weak", "context",
        ],
        m.iter().map(|x| {
            vec![
                x.part.clone(),
                x.start.to_string(),
                x.end.to_string(),
                x.text.clone(),
                x.name.clone(),
                x.kind.as_str().to_string(),
                x.weak.to_string(),
                x.context.clone(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::terms::{FormCount, TermRow};

    #[test]
    fn terms_csv_quotes_fields() {
        let r = TermsReport {
            slice: "whole corpus".into(),
            ngrams: 1,
            documents: 1,
            tokens: 3,
            types: 1,
            terms: vec![TermRow {
                term: "jug".into(),
                forms: vec![
                    FormCount {
                        form: "juge".into(),
                        count: 2,
                    },
                    FormCount {
                        form: "juges, \"x\"".into(),
                        count: 1,
                    },
                ],
                count: 3,
                docs: 1,
                articles: 3,
                comments: 0,
                stop: false,
            }],
            min_count: 1,
        };
        let s = terms(&r).unwrap();
        let mut rd = csv::Reader::from_reader(s.as_bytes());
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "jug");
        assert_eq!(&rows[0][1], "juge 2; juges; \"x\" 1");
        assert_eq!(&rows[0][2], "3");
    }
}
