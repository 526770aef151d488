//! `kiosque terms`: the most frequent terms of the corpus or of a slice, with their surface
//! forms, from the `forms` field's dictionary and postings.
//!
//! A term is a stem (`fold(stem(word))`, the `main` form search matches) or, with
//! `--all-words`, a stop word (the folded word). Its forms are the words as written, lowercased,
//! elision removed (`l’entreprise` → `entreprise`). Every count is an exact sum over postings:
//! one pass over the dictionary, each term's postings filtered by the slice's documents.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Searcher, SegmentReader, TERMINATED};

use super::{ARTICLE, Classes, ReportError, Slice, TARGET, check_article, kinds, slice_classes};
use crate::analysis::{Lang, surface_norm};
use crate::store::Store;
use crate::store::document::{EN_MARK, FORM_SEP, STOP_MARK};

/// Forms shown per term by default.
pub const DEFAULT_FORMS: usize = 3;

/// One `forms` term, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormTerm<'a> {
    /// The stem, or the folded stop word (stop mark removed).
    pub key: &'a str,
    /// True for a stop word.
    pub stop: bool,
    /// The word as written, lowercased, apostrophes normalised, elision kept.
    pub lower: &'a str,
    /// True for a word of an English passage.
    pub en: bool,
}

impl FormTerm<'_> {
    /// Whether the word's passage is in `lang` (always true without a language).
    pub fn in_lang(&self, lang: Option<Lang>) -> bool {
        match lang {
            None => true,
            Some(Lang::En) => self.en,
            Some(Lang::Fr) => !self.en,
        }
    }

    /// The key with the stop mark for stop words (distinct from a stem spelt the same).
    pub fn full_key(&self) -> String {
        if self.stop {
            format!("{STOP_MARK}{}", self.key)
        } else {
            self.key.to_string()
        }
    }
}

/// Parses a `forms` term (see [`crate::store::Fields::forms`]).
pub fn parse_form_term(bytes: &[u8]) -> Option<FormTerm<'_>> {
    let s = std::str::from_utf8(bytes).ok()?;
    let (key, rest) = s.split_once(FORM_SEP)?;
    let (lower, en) = match rest.split_once(FORM_SEP) {
        Some((lower, mark)) => (lower, mark.starts_with(EN_MARK)),
        None => (rest, false),
    };
    let (key, stop) = match key.strip_prefix(STOP_MARK) {
        Some(k) => (k, true),
        None => (key, false),
    };
    Some(FormTerm {
        key,
        stop,
        lower,
        en,
    })
}

/// Occurrences of one term in the documents under study ([`TARGET`]) and the reference.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Lowercase surface words (elision kept) and their occurrences in the target.
    pub forms: Vec<(Box<str>, u64)>,
    /// Occurrences in the target.
    pub count: u64,
    /// Target documents containing it.
    pub docs: u64,
    /// Occurrences in target articles.
    pub articles: u64,
    /// Occurrences in target comments.
    pub comments: u64,
    /// Occurrences in the reference.
    pub reference: u64,
}

impl Counts {
    fn merge(&mut self, o: Counts) {
        for (f, n) in o.forms {
            self.add_form(&f, n);
        }
        self.count += o.count;
        self.docs += o.docs;
        self.articles += o.articles;
        self.comments += o.comments;
        self.reference += o.reference;
    }

    fn add_form(&mut self, lower: &str, n: u64) {
        match self.forms.iter_mut().find(|(f, _)| &**f == lower) {
            Some((_, c)) => *c += n,
            None => self.forms.push((lower.into(), n)),
        }
    }

    /// The forms as shown: elision removed, merged, most frequent first, at most `max`.
    pub fn shown_forms(&self, max: usize) -> Vec<FormCount> {
        let mut merged: Vec<FormCount> = Vec::new();
        for (lower, n) in &self.forms {
            if *n == 0 {
                continue;
            }
            let form = surface_norm(lower);
            match merged.iter_mut().find(|f| f.form == form) {
                Some(f) => f.count += n,
                None => merged.push(FormCount { form, count: *n }),
            }
        }
        merged.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.form.cmp(&b.form)));
        merged.truncate(max);
        merged
    }
}

/// Term counts of a slice (and of a reference) over the whole index.
#[derive(Debug, Default)]
pub struct Scan {
    /// By key (stop words with [`STOP_MARK`] first).
    pub terms: HashMap<String, Counts>,
    /// Words in the target, stop words included.
    pub tokens: u64,
    /// Words in the reference, stop words included.
    pub reference_tokens: u64,
}

/// Counts every `forms` term over the documents of `classes` ([`TARGET`] and
/// [`super::REFERENCE`]), keeping only words of passages in `lang` when given.
pub fn scan(
    store: &Store,
    searcher: &Searcher,
    classes: &Classes,
    lang: Option<Lang>,
) -> Result<Scan, ReportError> {
    let kinds = kinds(store, searcher)?;
    let field = store.fields.forms;
    let parts: Vec<Result<Scan, ReportError>> = searcher
        .segment_readers()
        .par_iter()
        .zip(classes.par_iter())
        .zip(kinds.par_iter())
        .map(|((seg, cls), kinds)| scan_segment(seg, field, cls, kinds, lang))
        .collect();
    let mut total = Scan::default();
    for part in parts {
        let part = part?;
        total.tokens += part.tokens;
        total.reference_tokens += part.reference_tokens;
        if total.terms.is_empty() {
            total.terms = part.terms;
            continue;
        }
        for (k, c) in part.terms {
            total.terms.entry(k).or_default().merge(c);
        }
    }
    Ok(total)
}

fn scan_segment(
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    classes: &[u8],
    kinds: &[u8],
    lang: Option<Lang>,
) -> Result<Scan, ReportError> {
    let mut out = Scan::default();
    if !classes.iter().any(|&c| c != 0) {
        return Ok(out);
    }
    let inv = seg.inverted_index(field)?;
    let mut stream = inv.terms().stream()?;
    let mut seen = vec![u32::MAX; seg.max_doc() as usize];
    let mut group = 0u32;
    let mut key = String::new();
    let mut cur = Counts::default();
    let flush = |key: &str, cur: &mut Counts, out: &mut Scan| {
        if cur.count > 0 || cur.reference > 0 {
            out.terms.insert(key.to_string(), std::mem::take(cur));
        } else {
            *cur = Counts::default();
        }
    };
    while stream.advance() {
        let Some(t) = parse_form_term(stream.key()) else {
            continue;
        };
        if !t.in_lang(lang) {
            continue;
        }
        let same = if t.stop {
            key.starts_with(STOP_MARK) && key[STOP_MARK.len_utf8()..] == *t.key
        } else {
            key == t.key
        };
        if !same {
            flush(&key, &mut cur, &mut out);
            key = t.full_key();
            group += 1;
        }
        let mut p = inv.read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?;
        let (mut target, mut reference) = (0u64, 0u64);
        let mut doc = p.doc();
        while doc != TERMINATED {
            let d = doc as usize;
            match classes[d] {
                0 => {}
                TARGET => {
                    let tf = u64::from(p.term_freq());
                    target += tf;
                    if kinds[d] == ARTICLE {
                        cur.articles += tf;
                    } else {
                        cur.comments += tf;
                    }
                    if seen[d] != group {
                        seen[d] = group;
                        cur.docs += 1;
                    }
                }
                _ => reference += u64::from(p.term_freq()),
            }
            doc = p.advance();
        }
        if target > 0 {
            cur.add_form(t.lower, target);
        }
        cur.count += target;
        cur.reference += reference;
        out.tokens += target;
        out.reference_tokens += reference;
    }
    flush(&key, &mut cur, &mut out);
    Ok(out)
}

/// A surface form and its occurrences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormCount {
    /// The word as written, lowercased, elision removed.
    pub form: String,
    /// Occurrences.
    pub count: u64,
}

/// One row of a term list.
#[derive(Debug, Clone, Serialize)]
pub struct TermRow {
    /// The stem (or stop word; or, for repeated segments, the stems joined by spaces).
    pub term: String,
    /// Most frequent surface forms.
    pub forms: Vec<FormCount>,
    /// Occurrences.
    pub count: u64,
    /// Documents containing it.
    pub docs: u64,
    /// Occurrences in articles.
    pub articles: u64,
    /// Occurrences in comments.
    pub comments: u64,
    /// True for a stop word (only listed with `--all-words`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stop: bool,
}

/// What `kiosque terms` answers.
#[derive(Debug, Clone, Serialize)]
pub struct TermsReport {
    /// The slice, described.
    pub slice: String,
    /// `1` for terms, `2` or `3` for repeated segments.
    pub ngrams: usize,
    /// Documents in the slice.
    pub documents: u64,
    /// Words in the slice (stop words included).
    pub tokens: u64,
    /// Distinct terms listed from (stop words only with `--all-words`).
    pub types: u64,
    /// The most frequent terms.
    pub terms: Vec<TermRow>,
}

/// Options of `kiosque terms`.
#[derive(Debug, Clone)]
pub struct TermsOptions {
    /// Documents (and language of words) counted.
    pub slice: Slice,
    /// Terms listed (0: all).
    pub limit: usize,
    /// Keep stop words.
    pub all_words: bool,
    /// Forms shown per term.
    pub forms: usize,
}

impl Default for TermsOptions {
    fn default() -> Self {
        TermsOptions {
            slice: Slice::default(),
            limit: 30,
            all_words: false,
            forms: DEFAULT_FORMS,
        }
    }
}

/// Number of documents marked [`TARGET`].
pub fn count_target(classes: &Classes) -> u64 {
    classes
        .iter()
        .map(|c| c.iter().filter(|&&x| x == TARGET).count() as u64)
        .sum()
}

/// Display form of a scan key.
pub fn display_key(key: &str) -> (&str, bool) {
    match key.strip_prefix(STOP_MARK) {
        Some(k) => (k, true),
        None => (key, false),
    }
}

/// The top terms of a slice.
pub fn terms(store: &Store, opts: &TermsOptions) -> Result<TermsReport, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    if let Some(a) = &opts.slice.article {
        check_article(store, &searcher, a)?;
    }
    let classes = slice_classes(store, &searcher, &opts.slice, false)?;
    let scan = scan(store, &searcher, &classes, opts.slice.lang)?;
    let mut rows: Vec<(&String, &Counts)> = scan
        .terms
        .iter()
        .filter(|(k, c)| c.count > 0 && (opts.all_words || !k.starts_with(STOP_MARK)))
        .collect();
    let types = rows.len() as u64;
    rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
    if opts.limit > 0 {
        rows.truncate(opts.limit);
    }
    let terms = rows
        .into_iter()
        .map(|(k, c)| {
            let (term, stop) = display_key(k);
            TermRow {
                term: term.to_string(),
                forms: c.shown_forms(opts.forms),
                count: c.count,
                docs: c.docs,
                articles: c.articles,
                comments: c.comments,
                stop,
            }
        })
        .collect();
    Ok(TermsReport {
        slice: opts.slice.describe(),
        ngrams: 1,
        documents: count_target(&classes),
        tokens: scan.tokens,
        types,
        terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_terms_parse() {
        let t = parse_form_term("jug\u{2}juges".as_bytes()).unwrap();
        assert_eq!((t.key, t.stop, t.lower, t.en), ("jug", false, "juges", false));
        let t = parse_form_term("\u{3}a\u{2}à\u{2}e".as_bytes()).unwrap();
        assert_eq!((t.key, t.stop, t.lower, t.en), ("a", true, "à", true));
        assert_eq!(t.full_key(), "\u{3}a");
        assert!(t.in_lang(Some(Lang::En)) && !t.in_lang(Some(Lang::Fr)) && t.in_lang(None));
        assert!(parse_form_term(b"nosep").is_none());
        assert!(parse_form_term(&[0xff, 2, b'a']).is_none());
    }

    #[test]
    fn shown_forms_merge_elisions() {
        let c = Counts {
            forms: vec![
                ("l'entreprise".into(), 2),
                ("entreprise".into(), 3),
                ("entreprises".into(), 4),
                ("d'entreprises".into(), 0),
            ],
            ..Counts::default()
        };
        assert_eq!(
            c.shown_forms(5),
            vec![
                FormCount {
                    form: "entreprise".into(),
                    count: 5
                },
                FormCount {
                    form: "entreprises".into(),
                    count: 4
                }
            ]
        );
        assert_eq!(c.shown_forms(1).len(), 1);
    }
}
