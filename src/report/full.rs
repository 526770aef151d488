//! `kiosque report`: every report for the corpus in one document — overview, top terms,
//! repeated segments, keyness of comments against articles, entities, comment statistics.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::DocId;

use super::comments::{CommentsReport, comments};
use super::entities::{EntitiesOptions, EntitiesReport, entities};
use super::keyness::{KeynessOptions, KeynessReport};
use super::ngrams::NgramOptions;
use super::terms::{TermsOptions, TermsReport};
use super::words::{WordSections, word_sections};
use super::{ARTICLE, COMMENT, ReportError, Slice, kinds};
use crate::store::Store;
use crate::store::document::from_tantivy_date;
use crate::store::search::format_date;

/// The corpus at a glance.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Overview {
    /// Articles.
    pub articles: u64,
    /// Comments.
    pub comments: u64,
    /// Words of all articles and comments (titles included, stop words included).
    pub words: u64,
    /// Documents with a passage in each language.
    pub languages: BTreeMap<String, u64>,
    /// Earliest publication date.
    pub published_first: Option<String>,
    /// Latest publication date.
    pub published_last: Option<String>,
    /// Articles without a publication date.
    pub undated_articles: u64,
    /// Earliest comment.
    pub comments_first: Option<String>,
    /// Latest comment.
    pub comments_last: Option<String>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct FullReport {
    /// The program that made it.
    pub generator: String,
    /// Overview.
    pub overview: Overview,
    /// Most frequent terms.
    pub terms: TermsReport,
    /// Most frequent repeated segments (2 and 3 words).
    pub segments: Vec<TermsReport>,
    /// Comments against articles.
    pub keyness: KeynessReport,
    /// Most mentioned entities.
    pub entities: EntitiesReport,
    /// Comment statistics.
    pub comments: CommentsReport,
}

/// Sizes of the report's lists.
#[derive(Debug, Clone)]
pub struct FullOptions {
    /// Top terms listed.
    pub terms: usize,
    /// Repeated segments listed (per length).
    pub segments: usize,
    /// Key terms listed.
    pub keyness: usize,
    /// Entities listed.
    pub entities: usize,
}

impl Default for FullOptions {
    fn default() -> Self {
        FullOptions {
            terms: 30,
            segments: 15,
            keyness: 30,
            entities: 20,
        }
    }
}

fn overview(store: &Store) -> Result<Overview, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let kinds = kinds(store, &searcher)?;
    let mut o = Overview::default();
    let mut pub_range: Option<(i64, i64)> = None;
    let mut com_range: Option<(i64, i64)> = None;
    let widen = |r: &mut Option<(i64, i64)>, v: i64| {
        *r = Some(match *r {
            Some((a, b)) => (a.min(v), b.max(v)),
            None => (v, v),
        });
    };
    for (seg, kinds) in searcher.segment_readers().iter().zip(&kinds) {
        let ff = seg.fast_fields();
        let dates = ff.date("date")?;
        let lang = ff.str("lang")?;
        let langs = super::column_strings(&lang)?;
        for (doc, &k) in kinds.iter().enumerate() {
            let doc = doc as DocId;
            if k == 0 || seg.is_deleted(doc) {
                continue;
            }
            let d = dates.first(doc).map(|d| d.into_timestamp_secs());
            if k == ARTICLE {
                o.articles += 1;
                match d {
                    Some(v) => widen(&mut pub_range, v),
                    None => o.undated_articles += 1,
                }
            } else if k == COMMENT {
                o.comments += 1;
                if let Some(v) = d {
                    widen(&mut com_range, v);
                }
            }
            if let Some(col) = &lang {
                for ord in col.term_ords(doc) {
                    if let Some(l) = langs.get(ord as usize) {
                        *o.languages.entry(l.clone()).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    let show =
        |s: i64| from_tantivy_date(tantivy::DateTime::from_timestamp_secs(s)).map(format_date);
    if let Some((a, b)) = pub_range {
        o.published_first = show(a);
        o.published_last = show(b);
    }
    if let Some((a, b)) = com_range {
        o.comments_first = show(a);
        o.comments_last = show(b);
    }
    Ok(o)
}

/// Builds the whole report, its independent sections in parallel.
pub fn full(store: &Store, opts: &FullOptions) -> Result<FullReport, ReportError> {
    let variants: Vec<NgramOptions> = [2, 3]
        .into_iter()
        .map(|n| NgramOptions {
            slice: Slice::default(),
            n,
            limit: opts.segments,
            all_words: false,
            forms: 3,
            min_count: 2,
        })
        .collect();
    let terms_opts = TermsOptions {
        limit: opts.terms,
        ..TermsOptions::default()
    };
    let keyness_opts = KeynessOptions {
        limit: opts.keyness,
        ..KeynessOptions::default()
    };
    let (words, (entities, (overview, comments))) = rayon::join(
        || word_sections(store, &terms_opts, &keyness_opts, &variants),
        || {
            rayon::join(
                || {
                    entities(
                        store,
                        &EntitiesOptions {
                            top: opts.entities,
                            ..EntitiesOptions::default()
                        },
                    )
                },
                || rayon::join(|| overview(store), || comments(store, None)),
            )
        },
    );
    let WordSections {
        terms,
        keyness,
        segments,
    } = words?;
    let mut overview = overview?;
    overview.words = terms.tokens;
    Ok(FullReport {
        generator: format!("kiosque {}", env!("CARGO_PKG_VERSION")),
        overview,
        terms,
        segments,
        keyness,
        entities: entities?,
        comments: comments?,
    })
}
