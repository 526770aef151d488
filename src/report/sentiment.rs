//! `kiosque sentiment` on the index: the tone of each document, of each article and its comment
//! thread, and the corpus keywords that carried it, from what ingest stored (the `sentiment`
//! and `sentiment_label` fast fields, the `sentiment_terms` postings, the stored keywords).

use std::collections::HashMap;
use std::fmt::Write;
use std::io::Write as _;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::postings::Postings;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Searcher, SegmentReader, TERMINATED, Term};

use super::render::{Align, table};
use super::{
    ARTICLE, COMMENT, Classes, ReportError, TARGET, check_article, column_strings, first_str,
    kinds, matching_docs,
};
use crate::analysis::sentiment::{Keyword, Label, parse_keyword_term};
use crate::store::schema::FLAG_TEXT;
use crate::store::search::{Filters, filtered_all};
use crate::store::{KIND_ARTICLE, KIND_COMMENT, KIND_FILE, Store};

/// What to report on.
#[derive(Debug, Clone, Default)]
pub struct SentimentOptions {
    /// `article` or `comment`.
    pub kind: Option<String>,
    /// An article id: that article and its comments.
    pub article: Option<String>,
    /// One document (article or comment) by id.
    pub doc: Option<String>,
    /// Keywords per list (0: all).
    pub top: usize,
    /// Which documents to list with their keywords.
    pub documents: Listed,
}

/// Which documents a report lists in full.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Listed {
    /// Every document of the slice.
    #[default]
    All,
    /// The `n` most positive and the `n` most negative documents (0: none).
    Strongest(usize),
}

/// One document's tone.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentTone {
    /// Document id.
    pub id: String,
    /// `article` or `comment`.
    pub kind: String,
    /// The article (itself, for an article).
    pub article_id: String,
    /// Main language of the document (none without text).
    pub lang: Option<String>,
    /// Score in [-1, 1].
    pub score: f64,
    /// The label.
    pub label: Label,
    /// The keywords that carried it, strongest first.
    pub keywords: Vec<Keyword>,
}

/// How many documents have each label, and their mean score.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Distribution {
    /// Scored documents.
    pub total: u64,
    /// Positive ones.
    pub positive: u64,
    /// Negative ones.
    pub negative: u64,
    /// Neutral ones.
    pub neutral: u64,
    /// Mixed ones.
    pub mixed: u64,
    /// Mean score (none without documents).
    pub mean_score: Option<f64>,
    /// Documents without a score: without text (see `without_text`) or ingested with
    /// `--no-sentiment`; they count neither in `total` nor in the mean.
    pub unscored: u64,
    /// Of the unscored documents, those without text (an empty comment): never scored.
    pub without_text: u64,
}

impl Distribution {
    /// The count of `label`.
    pub fn count(&self, label: Label) -> u64 {
        match label {
            Label::Positive => self.positive,
            Label::Negative => self.negative,
            Label::Neutral => self.neutral,
            Label::Mixed => self.mixed,
        }
    }

    /// Counts one document (`has_text`: whether it has any text).
    fn add(&mut self, tone: Option<(f64, Label)>, has_text: bool, sum: &mut f64) {
        let Some((score, label)) = tone else {
            self.unscored += 1;
            self.without_text += u64::from(!has_text);
            return;
        };
        self.total += 1;
        *sum += score;
        match label {
            Label::Positive => self.positive += 1,
            Label::Negative => self.negative += 1,
            Label::Neutral => self.neutral += 1,
            Label::Mixed => self.mixed += 1,
        }
    }

    /// Sets the mean from the sum of the scores.
    fn finish(&mut self, sum: f64) {
        self.mean_score = (self.total > 0).then(|| round4(sum / self.total as f64));
    }
}

/// An article's own tone and the tones of its comments.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleTone {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// The article's score (none when the article is outside the slice or unscored).
    pub score: Option<f64>,
    /// The article's label.
    pub label: Option<Label>,
    /// Its comments' labels and mean score.
    pub comments: Distribution,
}

/// A keyword with the number of its occurrences in the slice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeywordCount {
    /// The word (or sign).
    pub word: String,
    /// Occurrences.
    pub count: u64,
    /// Whether these occurrences were negated ("aime" in "n'aime pas" counts as negative).
    pub negated: bool,
    /// Occurrences in articles.
    pub articles: u64,
    /// Occurrences in comments.
    pub comments: u64,
}

/// The corpus keywords by the sign of their contribution.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Keywords {
    /// Words that pulled towards positive, most frequent first.
    pub positive: Vec<KeywordCount>,
    /// Words that pulled towards negative.
    pub negative: Vec<KeywordCount>,
}

/// Labels of the articles and of the comments of the slice.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Articles.
    pub articles: Distribution,
    /// Comments.
    pub comments: Distribution,
}

/// What `kiosque sentiment` answers on the index.
#[derive(Debug, Clone, Serialize)]
pub struct SentimentReport {
    /// What was looked at ("whole corpus", "comments, article X", "document X").
    pub slice: String,
    /// The documents listed, articles first by id, each followed by its comments.
    pub documents: Vec<DocumentTone>,
    /// Top keywords of the slice.
    pub keywords: Keywords,
    /// Per article: its own tone and its comments' tones, by id.
    pub articles: Vec<ArticleTone>,
    /// Label counts of the slice.
    pub totals: Totals,
}

/// Rounds to 4 decimals (scores are computed in single precision).
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// One article (or thread) while reading.
#[derive(Debug, Default)]
struct Acc {
    title: String,
    own: Option<(f64, Label)>,
    comments: Distribution,
    sum: f64,
}

/// A scored document of the slice, as the fast fields give it.
#[derive(Debug, Clone, Copy)]
struct Scored {
    addr: DocAddress,
    kind: u8,
    score: f64,
    label: Label,
}

/// Per-segment column readers.
struct Columns {
    kind: Vec<u8>,
    article_id: Option<tantivy::columnar::StrColumn>,
    ids: Vec<String>,
    title: Option<tantivy::columnar::StrColumn>,
    titles: Vec<String>,
    score: tantivy::columnar::Column<f64>,
    label: Option<tantivy::columnar::StrColumn>,
    labels: Vec<Option<Label>>,
    flags: tantivy::columnar::Column<u64>,
}

impl Columns {
    fn open(seg: &SegmentReader, kind: Vec<u8>) -> Result<Columns, ReportError> {
        let ff = seg.fast_fields();
        let article_id = ff.str("article_id")?;
        let title = ff.str("title")?;
        let label = ff.str("sentiment_label")?;
        Ok(Columns {
            kind,
            ids: column_strings(&article_id)?,
            article_id,
            titles: column_strings(&title)?,
            title,
            score: ff.f64("sentiment")?,
            flags: ff.u64("flags")?,
            labels: column_strings(&label)?
                .iter()
                .map(|s| Label::parse(s))
                .collect(),
            label,
        })
    }

    fn tone(&self, doc: DocId) -> Option<(f64, Label)> {
        let score = self.score.first(doc)?;
        let ord = self.label.as_ref()?.term_ords(doc).next()?;
        let label = (*self.labels.get(ord as usize)?)?;
        Some((round4(score), label))
    }

    /// Whether the document has any text (`FLAG_TEXT`).
    fn has_text(&self, doc: DocId) -> bool {
        self.flags.first(doc).is_some_and(|f| f & FLAG_TEXT != 0)
    }
}

/// The documents of the slice (`Filters`, or one document by id), per segment.
fn slice_docs(
    store: &Store,
    searcher: &Searcher,
    opts: &SentimentOptions,
) -> Result<Vec<Vec<DocId>>, ReportError> {
    let f = &store.fields;
    if let Some(id) = &opts.doc {
        let term = |field, v: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            ))
        };
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(f.id, id)),
            (Occur::MustNot, term(f.kind, KIND_FILE)),
        ]);
        let docs = matching_docs(searcher, &q)?;
        if docs.iter().all(Vec::is_empty) {
            return Err(ReportError::Usage(format!(
                "no document with id '{id}' ({})",
                super::ID_HINT
            )));
        }
        return Ok(docs);
    }
    if let Some(a) = &opts.article {
        check_article(store, searcher, a)?;
    }
    matching_docs(
        searcher,
        &filtered_all(
            store,
            &Filters {
                kind: opts.kind.clone(),
                article: opts.article.clone(),
                ..Filters::default()
            },
        ),
    )
}

/// Counts the keyword terms of the slice's documents in one segment.
fn segment_keywords(
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    classes: &[u8],
    kinds: &[u8],
    out: &mut HashMap<String, (u64, u64)>,
) -> Result<(), ReportError> {
    if !classes.contains(&TARGET) {
        return Ok(());
    }
    let inv = seg.inverted_index(field)?;
    let mut stream = inv.terms().stream()?;
    while stream.advance() {
        let (mut articles, mut comments) = (0u64, 0u64);
        let mut p =
            inv.read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?;
        let mut doc = p.doc();
        while doc != TERMINATED {
            let d = doc as usize;
            if classes.get(d) == Some(&TARGET) {
                let tf = u64::from(p.term_freq());
                match kinds[d] {
                    ARTICLE => articles += tf,
                    COMMENT => comments += tf,
                    _ => {}
                }
            }
            doc = p.advance();
        }
        if articles + comments > 0 {
            let e = out
                .entry(String::from_utf8_lossy(stream.key()).into_owned())
                .or_default();
            e.0 += articles;
            e.1 += comments;
        }
    }
    Ok(())
}

/// The top keywords (`top`, 0: all) from the per-term counts.
fn top_keywords(counts: HashMap<String, (u64, u64)>, top: usize) -> Keywords {
    let mut k = Keywords::default();
    for (term, (articles, comments)) in counts {
        let Some((positive, negated, word)) = parse_keyword_term(&term) else {
            continue;
        };
        let entry = KeywordCount {
            word: word.to_string(),
            count: articles + comments,
            negated,
            articles,
            comments,
        };
        if positive {
            k.positive.push(entry);
        } else {
            k.negative.push(entry);
        }
    }
    for list in [&mut k.positive, &mut k.negative] {
        list.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.word.cmp(&b.word))
                .then_with(|| a.negated.cmp(&b.negated))
        });
        if top > 0 {
            list.truncate(top);
        }
    }
    k
}

/// The fast fields a listed document is read from, in one segment (a comment's id is
/// `<article id>#c<N>`).
struct DocColumns {
    article_id: Option<tantivy::columnar::StrColumn>,
    ids: Vec<String>,
    lang: Option<tantivy::columnar::StrColumn>,
    langs: Vec<String>,
    number: tantivy::columnar::Column<u64>,
    keywords: Option<tantivy::columnar::StrColumn>,
    /// The whole keyword dictionary, read when many documents are listed.
    all_keywords: Option<DictText>,
}

/// Every value of a text fast field's dictionary, by term ordinal, in buffers that are filled
/// once and never reallocated.
struct DictText {
    chunks: Vec<Vec<u8>>,
    /// Per ordinal: chunk, start and end of the value.
    spans: Vec<(u32, u32, u32)>,
}

/// Size of one [`DictText`] buffer (a longer value gets a buffer of its own).
const DICT_CHUNK: usize = 1 << 22;

impl DictText {
    fn read(col: &Option<tantivy::columnar::StrColumn>) -> Result<DictText, ReportError> {
        let mut d = DictText {
            chunks: Vec::new(),
            spans: Vec::new(),
        };
        if let Some(col) = col {
            let dict = col.dictionary();
            d.spans.reserve(dict.num_terms());
            let mut stream = dict.stream()?;
            while stream.advance() {
                let key = stream.key();
                let fits = d
                    .chunks
                    .last()
                    .is_some_and(|c| c.capacity() - c.len() >= key.len());
                if !fits {
                    d.chunks.push(Vec::with_capacity(DICT_CHUNK.max(key.len())));
                }
                let i = d.chunks.len() - 1;
                let chunk = &mut d.chunks[i];
                let start = chunk.len();
                chunk.extend_from_slice(key);
                d.spans.push((i as u32, start as u32, chunk.len() as u32));
            }
        }
        Ok(d)
    }

    /// The value of `ord` as stored (text fast fields hold UTF-8).
    fn get_bytes(&self, ord: u64) -> Option<&[u8]> {
        let &(chunk, start, end) = self.spans.get(usize::try_from(ord).ok()?)?;
        self.chunks
            .get(chunk as usize)?
            .get(start as usize..end as usize)
    }

    fn get(&self, ord: u64) -> Option<&str> {
        std::str::from_utf8(self.get_bytes(ord)?).ok()
    }
}

impl DocColumns {
    fn open(seg: &SegmentReader, many: bool) -> Result<DocColumns, ReportError> {
        let ff = seg.fast_fields();
        let article_id = ff.str("article_id")?;
        let lang = ff.str("lang")?;
        let keywords = ff.str("sentiment_keywords")?;
        Ok(DocColumns {
            ids: column_strings(&article_id)?,
            article_id,
            langs: column_strings(&lang)?,
            lang,
            number: ff.u64("number")?,
            all_keywords: if many {
                Some(DictText::read(&keywords)?)
            } else {
                None
            },
            keywords,
        })
    }

    /// The document's tone without its keywords, and its keywords as stored (JSON; empty when
    /// none were stored), in `json` or in the dictionary read.
    fn tone_raw<'a>(
        &'a self,
        s: &Scored,
        json: &'a mut String,
    ) -> Result<(DocumentTone, &'a str), ReportError> {
        let doc = s.addr.doc_id;
        let aid = first_str(&self.article_id, &self.ids, doc)
            .unwrap_or("")
            .to_string();
        let (id, kind) = if s.kind == ARTICLE {
            (aid.clone(), KIND_ARTICLE)
        } else {
            let n = self.number.first(doc).unwrap_or(0);
            (format!("{aid}#c{n}"), KIND_COMMENT)
        };
        json.clear();
        let mut raw: &str = "";
        if let Some(col) = &self.keywords
            && let Some(ord) = col.term_ords(doc).next()
        {
            match &self.all_keywords {
                Some(all) => raw = all.get(ord).unwrap_or(""),
                None => {
                    col.ord_to_str(ord, json)?;
                }
            }
        }
        if self.all_keywords.is_none() {
            raw = json.as_str();
        }
        Ok((
            DocumentTone {
                id,
                kind: kind.to_string(),
                article_id: aid,
                lang: first_str(&self.lang, &self.langs, doc).map(str::to_string),
                score: s.score,
                label: s.label,
                keywords: Vec::new(),
            },
            raw,
        ))
    }

    fn document(&self, s: &Scored, json: &mut String) -> Result<DocumentTone, ReportError> {
        let (mut tone, raw) = self.tone_raw(s, json)?;
        if !raw.is_empty() {
            tone.keywords = serde_json::from_str(raw).map_err(|e| {
                tantivy::TantivyError::InternalError(format!("keywords of {}: {e}", tone.id))
            })?;
        }
        Ok(tone)
    }
}

/// A short description of what the options select.
fn describe(opts: &SentimentOptions) -> String {
    if let Some(d) = &opts.doc {
        return format!("document {d}");
    }
    let mut parts = Vec::new();
    match opts.kind.as_deref() {
        Some(KIND_ARTICLE) => parts.push("articles".to_string()),
        Some(KIND_COMMENT) => parts.push("comments".to_string()),
        Some(k) => parts.push(k.to_string()),
        None => {}
    }
    if let Some(a) = &opts.article {
        parts.push(format!("article {a}"));
    }
    if parts.is_empty() {
        "whole corpus".to_string()
    } else {
        parts.join(", ")
    }
}

/// The sentiment report of the documents `opts` selects.
pub fn sentiment(store: &Store, opts: &SentimentOptions) -> Result<SentimentReport, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let (mut report, listed) = summary(store, &searcher, opts)?;
    report.documents = read_documents(&searcher, &listed, opts.documents)?;
    Ok(report)
}

/// The report without its documents, and the documents to list, in order.
fn summary(
    store: &Store,
    searcher: &Searcher,
    opts: &SentimentOptions,
) -> Result<(SentimentReport, Vec<Scored>), ReportError> {
    let searcher = searcher.clone();
    let docs = slice_docs(store, &searcher, opts)?;
    let kinds = kinds(store, &searcher)?;
    let mut accs: HashMap<String, Acc> = HashMap::new();
    let mut totals = Totals::default();
    let (mut article_sum, mut comment_sum) = (0.0, 0.0);
    let mut scored: Vec<Scored> = Vec::new();
    let mut classes: Classes = Vec::with_capacity(docs.len());
    let mut counts: HashMap<String, (u64, u64)> = HashMap::new();
    for (ord, (seg, (docs, kind))) in searcher
        .segment_readers()
        .iter()
        .zip(docs.iter().zip(kinds))
        .enumerate()
    {
        let mut c = vec![0u8; seg.max_doc() as usize];
        for &d in docs {
            c[d as usize] = TARGET;
        }
        segment_keywords(seg, store.fields.sentiment_terms, &c, &kind, &mut counts)?;
        classes.push(c);
        let cols = Columns::open(seg, kind)?;
        for &doc in docs {
            let kind = cols.kind[doc as usize];
            let Some(aid) = first_str(&cols.article_id, &cols.ids, doc) else {
                continue;
            };
            let acc = match accs.get_mut(aid) {
                Some(a) => a,
                None => accs.entry(aid.to_string()).or_default(),
            };
            if acc.title.is_empty() {
                acc.title = first_str(&cols.title, &cols.titles, doc)
                    .unwrap_or("")
                    .to_string();
            }
            let tone = cols.tone(doc);
            let has_text = tone.is_some() || cols.has_text(doc);
            match kind {
                ARTICLE => {
                    acc.own = tone;
                    totals.articles.add(tone, has_text, &mut article_sum);
                }
                COMMENT => {
                    acc.comments.add(tone, has_text, &mut acc.sum);
                    totals.comments.add(tone, has_text, &mut comment_sum);
                }
                _ => continue,
            }
            if let Some((score, label)) = tone {
                scored.push(Scored {
                    addr: DocAddress::new(ord as u32, doc),
                    kind,
                    score,
                    label,
                });
            }
        }
    }
    totals.articles.finish(article_sum);
    totals.comments.finish(comment_sum);
    let mut articles: Vec<ArticleTone> = accs
        .into_iter()
        .map(|(id, mut a)| {
            a.comments.finish(a.sum);
            ArticleTone {
                id,
                title: a.title,
                score: a.own.map(|t| t.0),
                label: a.own.map(|t| t.1),
                comments: a.comments,
            }
        })
        .collect();
    articles.sort_by(|a, b| a.id.cmp(&b.id));

    let listed: Vec<Scored> = match opts.documents {
        Listed::All => scored,
        Listed::Strongest(n) => {
            let mut by_score = scored.clone();
            by_score.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| a.kind.cmp(&b.kind))
                    .then_with(|| a.addr.cmp(&b.addr))
            });
            let positive = by_score
                .iter()
                .filter(|s| s.label == Label::Positive)
                .take(n);
            let negative = by_score
                .iter()
                .rev()
                .filter(|s| s.label == Label::Negative)
                .take(n);
            positive.chain(negative).copied().collect()
        }
    };
    Ok((
        SentimentReport {
            slice: describe(opts),
            documents: Vec::new(),
            keywords: top_keywords(counts, opts.top),
            articles,
            totals,
        },
        listed,
    ))
}

/// The listed documents with their keywords, in the report's order.
fn read_documents(
    searcher: &Searcher,
    listed: &[Scored],
    which: Listed,
) -> Result<Vec<DocumentTone>, ReportError> {
    // Each segment's listed documents, read in parallel, then put back in the listed order.
    let segments = searcher.segment_readers();
    let mut per_segment: Vec<Vec<(usize, Scored)>> = vec![Vec::new(); segments.len()];
    for (rank, s) in listed.iter().enumerate() {
        if let Some(v) = per_segment.get_mut(s.addr.segment_ord as usize) {
            v.push((rank, *s));
        }
    }
    let read: Vec<Vec<(usize, DocumentTone)>> = segments
        .par_iter()
        .zip(&per_segment)
        .filter(|(_, mine)| !mine.is_empty())
        .map(|(seg, mine)| {
            let cols = DocColumns::open(seg, mine.len() > 1000)?;
            let mut json = String::new();
            mine.iter()
                .map(|(rank, s)| Ok((*rank, cols.document(s, &mut json)?)))
                .collect::<Result<Vec<_>, ReportError>>()
        })
        .collect::<Result<_, _>>()?;
    let mut ranked: Vec<(usize, DocumentTone)> = read.into_iter().flatten().collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    let mut documents: Vec<DocumentTone> = ranked.into_iter().map(|(_, d)| d).collect();
    if which == Listed::All {
        documents.sort_by(|a, b| {
            a.article_id
                .cmp(&b.article_id)
                .then_with(|| (a.kind != KIND_ARTICLE).cmp(&(b.kind != KIND_ARTICLE)))
                .then_with(|| comment_number(&a.id).cmp(&comment_number(&b.id)))
        });
    }
    Ok(documents)
}

/// Formats of [`export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// As [`render_json`].
    Json,
    /// As [`render_csv`].
    Csv,
}

/// Writes the report of every document `opts` selects (its `documents` option is ignored) as
/// [`render_json`] or [`render_csv`] would, each document's line made from the fast fields
/// (its keywords as stored) in parallel per segment, without building the whole report.
pub fn export(
    store: &Store,
    opts: &SentimentOptions,
    format: Export,
    out: &mut dyn std::io::Write,
) -> Result<(), ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let opts = SentimentOptions {
        documents: Listed::All,
        ..opts.clone()
    };
    let (report, listed) = summary(store, &searcher, &opts)?;
    let segments = searcher.segment_readers();
    let mut per_segment: Vec<Vec<(usize, Scored)>> = vec![Vec::new(); segments.len()];
    for (rank, s) in listed.iter().enumerate() {
        if let Some(v) = per_segment.get_mut(s.addr.segment_ord as usize) {
            v.push((rank, *s));
        }
    }
    if format == Export::Json {
        return export_json(&report, segments, &per_segment, out);
    }
    // (article id, comment number (0: the article), rank, line), per segment.
    let parts: Vec<Vec<Line>> = segments
        .par_iter()
        .zip(&per_segment)
        .filter(|(_, mine)| !mine.is_empty())
        .map(|(seg, mine)| export_lines(seg, mine))
        .collect::<Result<_, _>>()?;
    let mut lines: Vec<Line> = parts.into_iter().flatten().collect();
    lines.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    let io = |e: std::io::Error| ReportError::Io(e);
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    w.write_all(CSV_HEADER.as_bytes()).map_err(io)?;
    for l in &lines {
        w.write_all(&l.4).map_err(io)?;
    }
    w.flush().map_err(io)?;
    Ok(())
}

/// A listed document's line of [`render_json`] without its keywords (same fields, same order
/// as [`DocumentTone`]).
#[derive(Serialize)]
struct DocumentHead<'a> {
    id: &'a str,
    kind: &'a str,
    article_id: &'a str,
    lang: Option<&'a str>,
    score: f64,
    label: Label,
}

/// One document of [`export_json`] in output order: article id, comment (not the article),
/// comment number, rank in the listed order, segment and document.
type JsonKey<'a> = (&'a str, bool, u64, usize, usize, Scored);

/// [`export`] as JSON: each segment's fast-field dictionaries read in parallel, then every
/// document's line written in order straight from them.
fn export_json(
    report: &SentimentReport,
    segments: &[SegmentReader],
    per_segment: &[Vec<(usize, Scored)>],
    out: &mut dyn std::io::Write,
) -> Result<(), ReportError> {
    let cols: Vec<Option<DocColumns>> = segments
        .par_iter()
        .zip(per_segment)
        .map(|(seg, mine)| {
            if mine.is_empty() {
                Ok(None)
            } else {
                DocColumns::open(seg, true).map(Some)
            }
        })
        .collect::<Result<_, ReportError>>()?;
    let mut keys: Vec<JsonKey> = Vec::with_capacity(per_segment.iter().map(Vec::len).sum());
    for (ord, (mine, cols)) in per_segment.iter().zip(&cols).enumerate() {
        let Some(cols) = cols else { continue };
        for &(rank, s) in mine {
            let doc = s.addr.doc_id;
            let aid = first_str(&cols.article_id, &cols.ids, doc).unwrap_or("");
            let (comment, number) = if s.kind == ARTICLE {
                (false, comment_number(aid))
            } else {
                (true, cols.number.first(doc).unwrap_or(0))
            };
            keys.push((aid, comment, number, rank, ord, s));
        }
    }
    keys.par_sort_unstable_by(|a, b| {
        a.0.cmp(b.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    let mut id = String::new();
    let mut head = Vec::new();
    let mut document = |i: usize, out: &mut dyn std::io::Write| -> Result<(), ReportError> {
        let &(aid, comment, number, _, ord, s) = &keys[i];
        let Some(cols) = &cols[ord] else {
            return Ok(());
        };
        let doc = s.addr.doc_id;
        id.clear();
        id.push_str(aid);
        if comment {
            let _ = write!(id, "#c{number}");
        }
        head.clear();
        serde_json::to_writer(
            &mut head,
            &DocumentHead {
                id: &id,
                kind: if comment { KIND_COMMENT } else { KIND_ARTICLE },
                article_id: aid,
                lang: first_str(&cols.lang, &cols.langs, doc),
                score: s.score,
                label: s.label,
            },
        )
        .map_err(json_error)?;
        head.pop();
        let raw = match (&cols.keywords, &cols.all_keywords) {
            (Some(col), Some(all)) => col
                .term_ords(doc)
                .next()
                .and_then(|ord| all.get_bytes(ord))
                .unwrap_or(b""),
            _ => b"",
        };
        head.extend_from_slice(b",\"keywords\":");
        out.write_all(&head).map_err(ReportError::Io)?;
        out.write_all(if raw.is_empty() { b"[]" } else { raw })
            .map_err(ReportError::Io)?;
        out.write_all(b"}").map_err(ReportError::Io)
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    write_json(report, keys.len(), &mut document, &mut w)?;
    w.flush().map_err(ReportError::Io)?;
    Ok(())
}

/// One export line with its sort key: article id, comment (not the article), comment
/// number, rank in the listed order, and the line.
type Line = (String, bool, u64, usize, Vec<u8>);

/// The header line of [`render_csv`].
const CSV_HEADER: &str = "id,kind,article_id,lang,score,label,keywords\n";

/// The CSV lines of one segment's listed documents, with their sort keys.
fn export_lines(seg: &SegmentReader, mine: &[(usize, Scored)]) -> Result<Vec<Line>, ReportError> {
    let cols = DocColumns::open(seg, mine.len() > 1000)?;
    let mut json = String::new();
    let mut csv_out = csv::Writer::from_writer(Vec::new());
    let mut ends = Vec::new();
    let mut out = Vec::with_capacity(mine.len());
    for (rank, s) in mine {
        let (tone, raw) = cols.tone_raw(s, &mut json)?;
        let comment = tone.kind != KIND_ARTICLE;
        let number = comment_number(&tone.id);
        let keywords: Vec<Keyword> = if raw.is_empty() {
            Vec::new()
        } else {
            serde_json::from_str(raw).map_err(|e| {
                tantivy::TantivyError::InternalError(format!("keywords of {}: {e}", tone.id))
            })?
        };
        let start = csv_out.get_ref().len();
        csv_out
            .write_record(csv_row(&tone, &keywords))
            .map_err(csv_error)?;
        csv_out.flush().map_err(ReportError::Io)?;
        ends.push((start, csv_out.get_ref().len()));
        out.push((tone.article_id, comment, number, *rank, Vec::new()));
    }
    let bytes = csv_out
        .into_inner()
        .map_err(|e| ReportError::Io(e.into_error()))?;
    for (o, (a, b)) in out.iter_mut().zip(ends) {
        o.4 = bytes[a..b].to_vec();
    }
    Ok(out)
}

fn json_error(e: serde_json::Error) -> ReportError {
    ReportError::Io(std::io::Error::other(e))
}

fn csv_error(e: csv::Error) -> ReportError {
    ReportError::Io(std::io::Error::other(e))
}

/// N of a comment id `…#cN` (0 for an article).
fn comment_number(id: &str) -> u64 {
    id.rsplit_once("#c")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(0)
}

/// A score as shown: sign and two decimals.
fn score_text(score: f64) -> String {
    format!("{score:+.2}")
}

/// The keywords of a document in one line: `bravo +2.1, ¬aime −1.8` (¬: negated, ↑:
/// intensified), at most `max`.
pub fn keywords_line(keywords: &[Keyword], max: usize) -> String {
    let mut out = String::new();
    for (i, k) in keywords.iter().take(max).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(
            out,
            "{}{}{} {:+.1}",
            if k.negated { "¬" } else { "" },
            k.word,
            if k.intensified { "↑" } else { "" },
            k.weight
        );
        if k.count > 1 {
            let _ = write!(out, " ×{}", k.count);
        }
    }
    if keywords.len() > max {
        let _ = write!(out, ", … ({} more)", keywords.len() - max);
    }
    out
}

/// A distribution in one table row: total, each label, mean.
fn distribution_cells(d: &Distribution) -> Vec<String> {
    let mut row = vec![d.total.to_string()];
    row.extend(Label::ALL.iter().map(|&l| d.count(l).to_string()));
    row.push(d.mean_score.map(score_text).unwrap_or_else(|| "—".into()));
    row
}

/// The terminal rendering; `articles` rows of the per-article table (0: all), keyword lines
/// of `keywords` per document.
pub fn render_text(r: &SentimentReport, articles: usize) -> String {
    if let [d] = r.documents.as_slice()
        && r.slice.starts_with("document ")
    {
        return document_text(d);
    }
    let mut out = String::new();
    let t = &r.totals;
    let _ = writeln!(
        out,
        "Sentiment of {}: {} articles, {} comments scored",
        r.slice, t.articles.total, t.comments.total
    );
    let without_text = t.articles.without_text + t.comments.without_text;
    if without_text > 0 {
        let _ = writeln!(
            out,
            "({without_text} documents without text are not scored and not counted)"
        );
    }
    let unscored = t.articles.unscored + t.comments.unscored - without_text;
    if unscored > 0 {
        let _ = writeln!(
            out,
            "({unscored} documents have no score: they were ingested with --no-sentiment; run \
             `kiosque ingest --rebuild` to score them)"
        );
    }
    out.push('\n');
    let mut rows = Vec::new();
    for (name, d) in [("articles", &t.articles), ("comments", &t.comments)] {
        if d.total > 0 {
            let mut row = vec![name.to_string()];
            row.extend(distribution_cells(d));
            rows.push(row);
        }
    }
    if !rows.is_empty() {
        out.push_str(&table(
            &[
                "", "scored", "positive", "negative", "neutral", "mixed", "mean",
            ],
            &[
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
            &rows,
        ));
        out.push_str("\n\n");
    }

    // Per article: own tone and thread, most commented first.
    let mut threads: Vec<&ArticleTone> = r.articles.iter().collect();
    threads.sort_by(|a, b| {
        b.comments
            .total
            .cmp(&a.comments.total)
            .then_with(|| a.id.cmp(&b.id))
    });
    let shown = if articles == 0 {
        threads.len()
    } else {
        articles.min(threads.len())
    };
    if !threads.is_empty() && (r.articles.len() > 1 || r.documents.len() > 1) {
        let _ = writeln!(
            out,
            "Articles and their comment threads ({shown} of {}, most commented first)",
            threads.len()
        );
        let rows: Vec<Vec<String>> = threads[..shown]
            .iter()
            .map(|a| {
                let mut row = vec![
                    a.id.clone(),
                    match (a.label, a.score) {
                        (Some(l), Some(s)) => format!("{} {}", l.as_str(), score_text(s)),
                        _ => "—".into(),
                    },
                ];
                row.extend(distribution_cells(&a.comments));
                row.push(shorten(&a.title, 50));
                row
            })
            .collect();
        out.push_str(&table(
            &[
                "article", "tone", "comments", "pos", "neg", "neu", "mix", "mean", "title",
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
                Align::Left,
            ],
            &rows,
        ));
        out.push_str("\n\n");
    }

    // Keywords.
    for (name, list) in [
        ("positive", &r.keywords.positive),
        ("negative", &r.keywords.negative),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "Top {name} keywords (¬: negated)");
        let rows: Vec<Vec<String>> = list
            .iter()
            .enumerate()
            .map(|(i, k)| {
                vec![
                    (i + 1).to_string(),
                    format!("{}{}", if k.negated { "¬" } else { "" }, k.word),
                    k.count.to_string(),
                    k.articles.to_string(),
                    k.comments.to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &["#", "word", "count", "articles", "comments"],
            &[
                Align::Right,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
            &rows,
        ));
        out.push_str("\n\n");
    }

    // Documents.
    if !r.documents.is_empty() {
        let _ = writeln!(
            out,
            "Documents (¬: negated, ↑: intensified, ×N: occurrences)"
        );
        let rows: Vec<Vec<String>> = r
            .documents
            .iter()
            .map(|d| {
                vec![
                    d.id.clone(),
                    d.kind.clone(),
                    d.lang.clone().unwrap_or_default(),
                    d.label.as_str().to_string(),
                    score_text(d.score),
                    keywords_line(&d.keywords, 6),
                ]
            })
            .collect();
        out.push_str(&table(
            &["document", "kind", "lang", "label", "score", "keywords"],
            &[
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Left,
            ],
            &rows,
        ));
        out.push('\n');
    }
    out
}

/// One document in detail: its tone and every keyword.
fn document_text(d: &DocumentTone) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}{}): {} {}",
        d.id,
        d.kind,
        d.lang
            .as_deref()
            .map(|l| format!(", {l}"))
            .unwrap_or_default(),
        d.label.as_str(),
        score_text(d.score)
    );
    if d.keywords.is_empty() {
        out.push_str("no opinion word\n");
        return out;
    }
    out.push('\n');
    let yes = |b: bool| if b { "yes" } else { "" }.to_string();
    let rows: Vec<Vec<String>> = d
        .keywords
        .iter()
        .map(|k| {
            vec![
                k.word.clone(),
                format!("{:+.3}", k.weight),
                yes(k.negated),
                yes(k.intensified),
                k.count.to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["keyword", "weight", "negated", "intensified", "count"],
        &[
            Align::Left,
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Right,
        ],
        &rows,
    ));
    out.push('\n');
    out
}

/// `text` cut to at most `max` characters, with "…" when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// JSON: the report as one object, each document and each article on one line (a corpus has
/// many).
pub fn render_json(r: &SentimentReport) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    let mut document = |i: usize, out: &mut dyn std::io::Write| {
        serde_json::to_writer(out, &r.documents[i]).map_err(json_error)
    };
    write_json(r, r.documents.len(), &mut document, &mut out).map_err(|e| match e {
        ReportError::Io(io) => serde_json::Error::io(io),
        e => serde_json::Error::io(std::io::Error::other(e.to_string())),
    })?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Writes [`render_json`]'s text of `r` with `n` documents, the `i`th written by
/// `document(i, out)`, in place of its documents.
fn write_json(
    r: &SentimentReport,
    n: usize,
    document: &mut dyn FnMut(usize, &mut dyn std::io::Write) -> Result<(), ReportError>,
    out: &mut dyn std::io::Write,
) -> Result<(), ReportError> {
    fn lines(
        out: &mut dyn std::io::Write,
        n: usize,
        item: &mut dyn FnMut(usize, &mut dyn std::io::Write) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        let io = ReportError::Io;
        if n == 0 {
            return out.write_all(b"[]").map_err(io);
        }
        out.write_all(b"[\n").map_err(io)?;
        for i in 0..n {
            out.write_all(b"    ").map_err(io)?;
            item(i, out)?;
            out.write_all(if i + 1 < n { b",\n" } else { b"\n" })
                .map_err(io)?;
        }
        out.write_all(b"  ]").map_err(io)
    }
    let indent = |v: String| v.replace('\n', "\n  ");
    let io = ReportError::Io;
    out.write_all(b"{\n  \"slice\": ").map_err(io)?;
    out.write_all(
        serde_json::to_string(&r.slice)
            .map_err(json_error)?
            .as_bytes(),
    )
    .map_err(io)?;
    out.write_all(b",\n  \"documents\": ").map_err(io)?;
    lines(out, n, document)?;
    out.write_all(b",\n  \"keywords\": ").map_err(io)?;
    out.write_all(
        indent(serde_json::to_string_pretty(&r.keywords).map_err(json_error)?).as_bytes(),
    )
    .map_err(io)?;
    out.write_all(b",\n  \"articles\": ").map_err(io)?;
    lines(out, r.articles.len(), &mut |i, out| {
        serde_json::to_writer(out, &r.articles[i]).map_err(json_error)
    })?;
    out.write_all(b",\n  \"totals\": ").map_err(io)?;
    out.write_all(indent(serde_json::to_string_pretty(&r.totals).map_err(json_error)?).as_bytes())
        .map_err(io)?;
    out.write_all(b"\n}\n").map_err(io)?;
    Ok(())
}

/// CSV: one row per listed document, `id,kind,article_id,lang,score,label,keywords` (keywords
/// as `word weight` pairs separated by `; `, `not ` before a negated word).
pub fn render_csv(r: &SentimentReport) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "kind",
        "article_id",
        "lang",
        "score",
        "label",
        "keywords",
    ])?;
    for d in &r.documents {
        w.write_record(csv_row(d, &d.keywords))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The CSV cells of a document with `keywords`.
fn csv_row(d: &DocumentTone, keywords: &[Keyword]) -> [String; 7] {
    let keywords = keywords
        .iter()
        .map(|k| {
            format!(
                "{}{} {}",
                if k.negated { "not " } else { "" },
                k.word,
                k.weight
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    [
        d.id.clone(),
        d.kind.clone(),
        d.article_id.clone(),
        d.lang.clone().unwrap_or_default(),
        format!("{}", d.score),
        d.label.as_str().to_string(),
        keywords,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(word: &str, weight: f32, negated: bool, count: u32) -> Keyword {
        Keyword {
            word: word.into(),
            weight,
            negated,
            intensified: false,
            count,
        }
    }

    #[test]
    fn keyword_lists_split_by_sign_and_rank_by_count() {
        let mut counts = HashMap::new();
        counts.insert("+bon".to_string(), (2, 5));
        counts.insert("-~aime".to_string(), (0, 3));
        counts.insert("-nul".to_string(), (1, 1));
        counts.insert("+~mal".to_string(), (0, 9));
        counts.insert("junk".to_string(), (4, 4));
        let k = top_keywords(counts.clone(), 0);
        assert_eq!(k.positive.len(), 2);
        assert_eq!(k.positive[0].word, "mal");
        assert!(k.positive[0].negated);
        assert_eq!((k.positive[1].articles, k.positive[1].comments), (2, 5));
        assert_eq!(k.negative[0].word, "aime");
        assert_eq!(k.negative[0].count, 3);
        let k = top_keywords(counts, 1);
        assert_eq!((k.positive.len(), k.negative.len()), (1, 1));
    }

    #[test]
    fn distributions_count_labels_and_mean() {
        let mut d = Distribution::default();
        let mut sum = 0.0;
        d.add(Some((0.5, Label::Positive)), true, &mut sum);
        d.add(Some((-0.3, Label::Negative)), true, &mut sum);
        d.add(None, true, &mut sum);
        d.add(None, false, &mut sum);
        d.finish(sum);
        assert_eq!((d.total, d.positive, d.negative), (2, 1, 1));
        assert_eq!((d.unscored, d.without_text), (2, 1));
        assert_eq!(d.mean_score, Some(0.1));
    }

    #[test]
    fn json_is_one_object_with_one_line_per_document() {
        let r = SentimentReport {
            slice: "whole corpus".into(),
            documents: vec![DocumentTone {
                id: "a#c1".into(),
                kind: "comment".into(),
                article_id: "a".into(),
                lang: Some("fr".into()),
                score: -0.47,
                label: Label::Negative,
                keywords: vec![kw("aime", -1.776, true, 1)],
            }],
            keywords: Keywords::default(),
            articles: Vec::new(),
            totals: Totals::default(),
        };
        let text = render_json(&r).expect("json");
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v["documents"][0]["keywords"][0]["negated"], true);
        assert_eq!(v["articles"], serde_json::json!([]));
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with("{\"id\":\"a#c1\""))
        );
    }

    #[test]
    fn keyword_lines_mark_negation_and_intensity() {
        let mut k = vec![kw("aime", -1.8, true, 1), kw("bravo", 2.0, false, 2)];
        k[1].intensified = true;
        assert_eq!(keywords_line(&k, 5), "¬aime -1.8, bravo↑ +2.0 ×2");
        assert_eq!(keywords_line(&k, 1), "¬aime -1.8, … (1 more)");
        assert_eq!(comment_number("a#c12"), 12);
        assert_eq!(comment_number("a"), 0);
    }
}
