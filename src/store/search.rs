//! Reading the index: search with filters, fetching documents by id.

use std::ops::Bound;

use jiff::civil::DateTime;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::document::{
    article_title_text, decode_langs, from_tantivy_date, stored_article, stored_comment,
    to_tantivy_date,
};
use super::highlight::{self, Snippet, snippet};
use super::query::{self, Highlights, SyntaxError};
use super::{KIND_ARTICLE, KIND_COMMENT, KIND_FILE, Store};
use crate::analysis::{Analyzer, Lang};
use crate::corpus::{Article, Comment};

/// Restrictions on which documents a search or report looks at.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// `article` or `comment`.
    pub kind: Option<String>,
    /// `fr` or `en`: documents with a passage in that language; in a search for words, the
    /// words of passages in that language.
    pub lang: Option<String>,
    /// An article id: that article and its comments.
    pub article: Option<String>,
    /// Documents dated at or after this time.
    pub since: Option<DateTime>,
    /// Documents dated before this time.
    pub until: Option<DateTime>,
    /// Sentiment label (`positive`, `negative`, `neutral`, `mixed`).
    pub sentiment: Option<String>,
    /// `entity` terms of one entity (see `report::entities::entity_terms`): documents that
    /// mention it; empty for no filter.
    pub entity_terms: Vec<String>,
}

impl Filters {
    /// Whether any filter is set.
    pub fn any(&self) -> bool {
        self.kind.is_some()
            || self.lang.is_some()
            || self.article.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.sentiment.is_some()
            || !self.entity_terms.is_empty()
    }
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// `article` or `comment`.
    pub kind: String,
    /// The article (itself, for an article).
    pub article_id: String,
    /// Title of the article.
    pub title: String,
    /// Publication date or comment timestamp, `YYYY-MM-DDTHH:MM`.
    pub date: Option<String>,
    /// Main language of the document.
    pub lang: Option<String>,
    /// BM25 score.
    pub score: f32,
    /// Best window of text.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// Byte ranges of the matched words in `title` (an article's title is searched with its
    /// text; a comment's is its article's).
    pub title_highlights: Vec<(usize, usize)>,
    /// Sentiment label (none when ingest skipped scoring).
    pub sentiment: Option<String>,
}

/// A search's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// The query as given.
    pub query: String,
    /// Number of matching documents.
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Why nothing was found, when the query gives a reason (only stop words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Errors of a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query does not parse.
    #[error(transparent)]
    Syntax(#[from] SyntaxError),
    /// The index failed (not a `source`: the message already holds it).
    #[error("index error: {0}")]
    Tantivy(tantivy::TantivyError),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Tantivy(e)
    }
}

/// Formats a date as kiosque prints it.
pub fn format_date(d: DateTime) -> String {
    d.strftime("%Y-%m-%dT%H:%M").to_string()
}

fn filter_clauses(store: &Store, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
    let f = &store.fields;
    let term = |field, v: &str| -> Box<dyn Query> {
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            )),
            0.0,
        ))
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::MustNot, term(f.kind, KIND_FILE))];
    if let Some(k) = &filters.kind {
        clauses.push((Occur::Must, term(f.kind, k)));
    }
    if let Some(l) = &filters.lang {
        clauses.push((Occur::Must, term(f.lang, l)));
    }
    if let Some(a) = &filters.article {
        clauses.push((Occur::Must, term(f.article_id, a)));
    }
    if let Some(s) = &filters.sentiment {
        clauses.push((Occur::Must, term(f.sentiment_label, s)));
    }
    if !filters.entity_terms.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> = filters
            .entity_terms
            .iter()
            .map(|t| (Occur::Should, term(f.entity, t)))
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if filters.since.is_some() || filters.until.is_some() {
        let bound = |d: Option<DateTime>, incl: bool| match d.and_then(to_tantivy_date) {
            Some(t) if incl => Bound::Included(Term::from_field_date(f.date, t)),
            Some(t) => Bound::Excluded(Term::from_field_date(f.date, t)),
            None => Bound::Unbounded,
        };
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(
                Box::new(RangeQuery::new(
                    bound(filters.since, true),
                    bound(filters.until, false),
                )),
                0.0,
            )),
        ));
    }
    clauses
}

/// A query over every article and comment matching the filters.
pub fn filtered_all(store: &Store, filters: &Filters) -> BooleanQuery {
    let mut clauses = filter_clauses(store, filters);
    clauses.push((Occur::Must, Box::new(AllQuery)));
    BooleanQuery::new(clauses)
}

/// Runs a search: the total and the `limit` best hits (0: every hit).
pub fn search(
    store: &Store,
    query_text: &str,
    filters: &Filters,
    limit: usize,
) -> Result<(Results, Highlights), SearchError> {
    let node = query::parse(query_text)?;
    let analyzer = Analyzer::default();
    // A search for words with a language matches the words of passages in that language
    // (as `terms --lang` counts and `kwic --lang` shows them), whatever the document's main
    // language; without words (`*`), the filter keeps documents with a passage in it.
    let mut filters = filters.clone();
    let lang = match filters.lang.as_deref() {
        Some("fr") => Some(Lang::Fr),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    let words_lang = lang.filter(|_| query::has_words(&node));
    if words_lang.is_some() {
        filters.lang = None;
    }
    let filters = &filters;
    let compiled = query::compile_in(&node, &store.fields, &analyzer, words_lang);
    let mut results = Results {
        query: query_text.to_string(),
        total: 0,
        hits: Vec::new(),
        note: None,
    };
    if !compiled.searchable {
        results.note = query::stop_word_note(&node, &analyzer);
        return Ok((results, compiled.highlights));
    }
    let mut clauses = filter_clauses(store, filters);
    clauses.push((Occur::Must, compiled.query));
    let q = BooleanQuery::new(clauses);
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    // 0 asks for every match: the count first, then exactly that many (TopDocs allocates
    // room for its limit, so it is never given more than there are).
    let top = if limit == 0 {
        results.total = searcher.search(&q, &Count)?;
        if results.total == 0 {
            results.note = query::stop_word_note(&node, &analyzer);
            return Ok((results, compiled.highlights));
        }
        searcher.search(&q, &TopDocs::with_limit(results.total).order_by_score())?
    } else {
        let (top, total) =
            searcher.search(&q, &(TopDocs::with_limit(limit).order_by_score(), Count))?;
        results.total = total;
        if total == 0 {
            results.note = query::stop_word_note(&node, &analyzer);
        }
        top
    };
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        results
            .hits
            .push(hit_of(store, &analyzer, &doc, score, &compiled.highlights));
    }
    Ok((results, compiled.highlights))
}

fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> &str {
    doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("")
}

fn hit_of(store: &Store, an: &Analyzer, doc: &TantivyDocument, score: f32, hl: &Highlights) -> Hit {
    let f = &store.fields;
    let text = text_of(doc, f.text);
    let title = text_of(doc, f.title);
    let langs = decode_langs(text_of(doc, f.line_langs));
    let mut best = snippet(an, text, &langs, hl, 220);
    let mut title_highlights = Vec::new();
    if text_of(doc, f.kind) == KIND_ARTICLE {
        // The title, subtitle and headings were searched with the text: the title shows its
        // matches, and they give the snippet when the text has none.
        let heads = serde_json::from_str::<Article>(text_of(doc, f.json))
            .map(|a| article_title_text(&a))
            .unwrap_or_else(|_| title.to_string());
        let (_, head_langs) = an.analyze_document(&heads);
        let found = highlight::matches(an, &heads, &head_langs, hl);
        title_highlights = found
            .iter()
            .copied()
            .filter(|&(_, e)| e <= title.len())
            .collect();
        if best.highlights.is_empty() && !found.is_empty() {
            // From the subtitle and headings, else from the title.
            let lines = title.split('\n').count();
            let rest = heads.get(title.len() + 1..).unwrap_or("");
            let rest_langs = head_langs.get(lines..).unwrap_or(&[]);
            best = if found.iter().any(|&(s, _)| s > title.len()) {
                snippet(an, rest, rest_langs, hl, 220)
            } else {
                snippet(an, title, &head_langs, hl, 220)
            };
        }
    }
    let Snippet {
        text: snip,
        highlights,
    } = best;
    Hit {
        id: text_of(doc, f.id).to_string(),
        kind: text_of(doc, f.kind).to_string(),
        article_id: text_of(doc, f.article_id).to_string(),
        title: title.to_string(),
        date: doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(from_tantivy_date)
            .map(format_date),
        lang: doc
            .get_first(f.lang)
            .and_then(|v| v.as_str())
            .map(str::to_string),
        score,
        snippet: snip,
        highlights,
        title_highlights,
        sentiment: doc
            .get_first(f.sentiment_label)
            .and_then(|v| v.as_str())
            .map(str::to_string),
    }
}

fn count(searcher: &Searcher, store: &Store, kind: &str) -> tantivy::Result<u64> {
    let q = TermQuery::new(
        Term::from_field_text(store.fields.kind, kind),
        IndexRecordOption::Basic,
    );
    Ok(searcher.search(&q, &Count)? as u64)
}

/// Numbers of articles and comments in the index.
pub fn count_kinds(store: &Store) -> tantivy::Result<(u64, u64)> {
    let reader = store.index.reader()?;
    reader.reload()?;
    let searcher = reader.searcher();
    Ok((
        count(&searcher, store, KIND_ARTICLE)?,
        count(&searcher, store, KIND_COMMENT)?,
    ))
}

/// What `show` finds for an id.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Shown {
    /// An article with its comments.
    Article(Article),
    /// One comment, with its article's title.
    Comment {
        /// The comment.
        #[serde(flatten)]
        comment: Comment,
        /// Title of its article.
        article_title: String,
    },
}

/// Fetches an article (with its comments) or a comment by id.
pub fn show(store: &Store, id: &str) -> tantivy::Result<Option<Shown>> {
    let f = &store.fields;
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.id, id),
                IndexRecordOption::Basic,
            )),
        ),
        (
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, KIND_FILE),
                IndexRecordOption::Basic,
            )),
        ),
    ]);
    let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
    let Some((_, addr)) = top.into_iter().next() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(addr)?;
    let json = text_of(&doc, f.json);
    if text_of(&doc, f.kind) == KIND_COMMENT {
        let comment = stored_comment(json, text_of(&doc, f.text))
            .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        return Ok(Some(Shown::Comment {
            comment,
            article_title: text_of(&doc, f.title).to_string(),
        }));
    }
    let mut article = stored_article(json, text_of(&doc, f.text))
        .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
    let cq = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.article_id, id),
                IndexRecordOption::Basic,
            )),
        ),
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, KIND_COMMENT),
                IndexRecordOption::Basic,
            )),
        ),
    ]);
    let n = searcher.search(&cq, &Count)?;
    let addrs = searcher.search(&cq, &TopDocs::with_limit(n.max(1)).order_by_score())?;
    let mut comments = Vec::with_capacity(n);
    for (_, a) in addrs {
        let d: TantivyDocument = searcher.doc(a)?;
        if let Ok(c) = stored_comment(text_of(&d, f.json), text_of(&d, f.text)) {
            comments.push(c);
        }
    }
    comments.sort_by_key(|c| c.number);
    article.comments = comments;
    Ok(Some(Shown::Article(article)))
}
