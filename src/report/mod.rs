//! Reports read from the index: term frequencies and keyness ([`terms`], [`keyness`]), repeated
//! segments ([`ngrams`]), concordances ([`kwic`]), comment statistics ([`comments`]), tone
//! ([`sentiment`]) and the whole-corpus report ([`full`], its word sections from one pass in
//! [`words`]), with their renderers ([`render`]).
//!
//! Reports read what ingest stored — the `forms` field's dictionary and postings, fast fields,
//! stored text — and never the corpus files.

pub mod comments;
pub mod entities;
pub mod full;
pub mod keyness;
pub mod kwic;
pub mod ngrams;
pub mod render;
pub mod sentiment;
pub mod terms;
pub mod words;

use jiff::civil::DateTime;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use crate::analysis::Lang;
use crate::store::search::{Filters, filtered_all, format_date};
use crate::store::{KIND_ARTICLE, KIND_COMMENT, Store};

/// What ids look like, for messages about an unknown one.
pub const ID_HINT: &str = "an article's id is its file's path under the corpus without the \
    extension (\"2014/juge\", or \"feed/ID\" for a JSON Lines record), a comment's adds #c \
    and its number (\"2014/juge#c3\"); `kiosque search '*'` lists them";

/// Errors of a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The index failed (not a `source`: the message already holds it).
    #[error("index error: {0}")]
    Tantivy(tantivy::TantivyError),
    /// Reading the index failed (not a `source`: the message already holds it).
    #[error("reading the index: {0}")]
    Io(std::io::Error),
    /// A query that does not parse.
    #[error(transparent)]
    Syntax(#[from] crate::store::query::SyntaxError),
    /// An argument that cannot be used (unknown article, empty query…).
    #[error("{0}")]
    Usage(String),
}

impl From<tantivy::TantivyError> for ReportError {
    fn from(e: tantivy::TantivyError) -> Self {
        ReportError::Tantivy(e)
    }
}

impl From<std::io::Error> for ReportError {
    fn from(e: std::io::Error) -> Self {
        ReportError::Io(e)
    }
}

/// Which documents (and, for term reports, which words) a report looks at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Slice {
    /// `article` or `comment`.
    pub kind: Option<String>,
    /// Language: term reports count only words of passages in it; other reports keep
    /// documents with a passage in it.
    pub lang: Option<Lang>,
    /// An article id: that article and its comments.
    pub article: Option<String>,
    /// Documents dated at or after this time.
    pub since: Option<DateTime>,
    /// Documents dated before this time.
    pub until: Option<DateTime>,
}

impl Slice {
    /// The slice of documents of one kind.
    pub fn of_kind(kind: &str) -> Slice {
        Slice {
            kind: Some(kind.to_string()),
            ..Slice::default()
        }
    }

    /// True when nothing is filtered out.
    pub fn is_whole(&self) -> bool {
        self == &Slice::default()
    }

    /// The search filters selecting its documents; with `doc_lang`, the language selects
    /// documents too.
    pub fn filters(&self, doc_lang: bool) -> Filters {
        Filters {
            kind: self.kind.clone(),
            lang: if doc_lang {
                self.lang.map(|l| lang_code(l).to_string())
            } else {
                None
            },
            article: self.article.clone(),
            since: self.since,
            until: self.until,
            sentiment: None,
            entity_terms: Vec::new(),
        }
    }

    /// A short description: "comments, fr, article X, 2014-09-01T00:00 → …" or "whole corpus".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.kind.as_deref() {
            Some(KIND_ARTICLE) => parts.push("articles".to_string()),
            Some(KIND_COMMENT) => parts.push("comments".to_string()),
            Some(k) => parts.push(k.to_string()),
            None => {}
        }
        if let Some(a) = &self.article {
            parts.push(format!("article {a}"));
        }
        if let Some(l) = self.lang {
            parts.push(format!("{} words", lang_code(l)));
        }
        match (self.since, self.until) {
            (None, None) => {}
            (s, u) => parts.push(format!(
                "{} → {}",
                s.map(format_date).unwrap_or_else(|| "…".into()),
                u.map(format_date).unwrap_or_else(|| "…".into())
            )),
        }
        if parts.is_empty() {
            "whole corpus".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Lowercase code of a language.
pub fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// Collects the matching documents of each segment.
struct DocsCollector;

/// [`DocsCollector`] for one segment.
struct SegmentDocs {
    /// Segment ordinal.
    ord: SegmentOrdinal,
    /// Matching documents.
    docs: Vec<DocId>,
}

impl Collector for DocsCollector {
    type Fruit = Vec<(SegmentOrdinal, Vec<DocId>)>;
    type Child = SegmentDocs;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        _segment: &SegmentReader,
    ) -> tantivy::Result<SegmentDocs> {
        Ok(SegmentDocs {
            ord,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(SegmentOrdinal, Vec<DocId>)>,
    ) -> tantivy::Result<Self::Fruit> {
        Ok(fruits)
    }
}

impl SegmentCollector for SegmentDocs {
    type Fruit = (SegmentOrdinal, Vec<DocId>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.docs.push(doc);
    }

    fn harvest(self) -> Self::Fruit {
        (self.ord, self.docs)
    }
}

/// The documents matching `query`, per segment (indexed by segment ordinal), in doc order.
pub fn matching_docs(
    searcher: &Searcher,
    query: &dyn tantivy::query::Query,
) -> Result<Vec<Vec<DocId>>, ReportError> {
    let mut out = vec![Vec::new(); searcher.segment_readers().len()];
    for (ord, mut docs) in searcher.search(query, &DocsCollector)? {
        docs.sort_unstable();
        out[ord as usize] = docs;
    }
    Ok(out)
}

/// Documents of interest per segment: 0 = left out, [`TARGET`], [`REFERENCE`].
pub type Classes = Vec<Vec<u8>>;

/// Class of a document in the slice under study.
pub const TARGET: u8 = 1;
/// Class of a document in the reference (keyness).
pub const REFERENCE: u8 = 2;

/// Kind of a document: 0 other, [`ARTICLE`], [`COMMENT`].
pub const ARTICLE: u8 = 1;
/// See [`ARTICLE`].
pub const COMMENT: u8 = 2;

/// Marks the documents of `slice` (articles and comments only) as [`TARGET`].
pub fn slice_classes(
    store: &Store,
    searcher: &Searcher,
    slice: &Slice,
    doc_lang: bool,
) -> Result<Classes, ReportError> {
    let q = filtered_all(store, &slice.filters(doc_lang));
    let docs = matching_docs(searcher, &q)?;
    Ok(searcher
        .segment_readers()
        .iter()
        .zip(docs)
        .map(|(seg, docs)| {
            let mut c = vec![0u8; seg.max_doc() as usize];
            for d in docs {
                c[d as usize] = TARGET;
            }
            c
        })
        .collect())
}

/// The kind of every document of each segment ([`ARTICLE`], [`COMMENT`], 0).
pub fn kinds(store: &Store, searcher: &Searcher) -> Result<Vec<Vec<u8>>, ReportError> {
    let _ = store;
    let mut out = Vec::new();
    for seg in searcher.segment_readers() {
        let mut k = vec![0u8; seg.max_doc() as usize];
        if let Some(col) = seg.fast_fields().str("kind")? {
            let dict = col.dictionary();
            let a = dict.term_ord(KIND_ARTICLE)?;
            let c = dict.term_ord(KIND_COMMENT)?;
            let ords = col.ords();
            if matches!(ords.index, tantivy::columnar::ColumnIndex::Full)
                && ords.values.num_vals() as usize == k.len()
            {
                // One value per document: read them all at once.
                let mut all = vec![0u64; k.len()];
                ords.values.get_range(0, &mut all);
                for (slot, ord) in k.iter_mut().zip(all) {
                    if Some(ord) == a {
                        *slot = ARTICLE;
                    } else if Some(ord) == c {
                        *slot = COMMENT;
                    }
                }
                out.push(k);
                continue;
            }
            for (doc, slot) in k.iter_mut().enumerate() {
                if let Some(ord) = col.term_ords(doc as DocId).next() {
                    if Some(ord) == a {
                        *slot = ARTICLE;
                    } else if Some(ord) == c {
                        *slot = COMMENT;
                    }
                }
            }
        }
        out.push(k);
    }
    Ok(out)
}

/// Every value of a text fast field of one segment, indexed by term ordinal.
pub fn column_strings(
    col: &Option<tantivy::columnar::StrColumn>,
) -> Result<Vec<String>, ReportError> {
    let mut out = Vec::new();
    if let Some(col) = col {
        let mut stream = col.dictionary().stream()?;
        while stream.advance() {
            out.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    Ok(out)
}

/// The first value of a text fast field for `doc`, from its [`column_strings`].
pub fn first_str<'a>(
    col: &Option<tantivy::columnar::StrColumn>,
    strings: &'a [String],
    doc: DocId,
) -> Option<&'a str> {
    let ord = col.as_ref()?.term_ords(doc).next()?;
    strings.get(ord as usize).map(String::as_str)
}

/// Checks that an article id exists.
pub fn check_article(store: &Store, searcher: &Searcher, id: &str) -> Result<(), ReportError> {
    let q = filtered_all(
        store,
        &Filters {
            article: Some(id.to_string()),
            ..Filters::default()
        },
    );
    if searcher.search(&q, &tantivy::collector::Count)? == 0 {
        return Err(ReportError::Usage(format!(
            "no article with id '{id}' ({ID_HINT})"
        )));
    }
    Ok(())
}

/// The median of sorted values (mean of the two middle ones for an even count).
pub fn median_sorted(v: &[f64]) -> Option<f64> {
    match v.len() {
        0 => None,
        n if n % 2 == 1 => Some(v[n / 2]),
        n => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median_sorted(&[]), None);
        assert_eq!(median_sorted(&[3.0]), Some(3.0));
        assert_eq!(median_sorted(&[1.0, 2.0, 10.0]), Some(2.0));
        assert_eq!(median_sorted(&[1.0, 2.0, 4.0, 10.0]), Some(3.0));
    }

    #[test]
    fn slice_descriptions() {
        assert_eq!(Slice::default().describe(), "whole corpus");
        assert!(Slice::default().is_whole());
        let s = Slice {
            kind: Some("comment".into()),
            lang: Some(Lang::En),
            article: Some("a1".into()),
            ..Slice::default()
        };
        assert_eq!(s.describe(), "comments, article a1, en words");
        assert!(s.filters(false).lang.is_none());
        assert_eq!(s.filters(true).lang.as_deref(), Some("en"));
    }
}
