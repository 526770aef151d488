//! `kiosque terms`: the most frequent terms of the corpus or of a slice, with their surface
//! forms, from the `forms` field's dictionary and postings.
//!
//! A term is a stem (`fold(stem(word))`, the `main` form search matches) or, with
//! `--all-words`, a stop word (lowercase, accents kept: "à" and "a" are two). Its forms are the words as written, lowercased,
//! elision removed (`l’entreprise` → `entreprise`). Every count is an exact sum over postings:
//! one pass over the dictionary, each term's postings filtered by the slice's documents.

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
    /// The stem, or the stop word, lowercase with its accents (stop mark removed).
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Numbers {
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

impl Numbers {
    fn add(&mut self, o: &Numbers) {
        self.count += o.count;
        self.docs += o.docs;
        self.articles += o.articles;
        self.comments += o.comments;
        self.reference += o.reference;
    }
}

/// Term counts of a slice (and of a reference) over the whole index.
#[derive(Debug, Default)]
pub struct Scan {
    /// By key in byte order (stop words, [`STOP_MARK`] first, before stems).
    pub terms: Vec<(String, Numbers)>,
    /// Words in the target, stop words included.
    pub tokens: u64,
    /// Words in the reference, stop words included.
    pub reference_tokens: u64,
}

/// One segment's terms (sorted by key) with its target and reference word counts.
type SegmentScan = (Vec<(String, Numbers)>, u64, u64);

/// Splits a `forms` term into its key bytes and whether its word is English.
fn split_term(term: &[u8]) -> Option<(&[u8], bool)> {
    let sep = term.iter().position(|&b| b == FORM_SEP as u8)?;
    let en = term[sep + 1..].contains(&(FORM_SEP as u8));
    Some((&term[..sep], en))
}

/// Whether a word of a passage in English (`en`) is counted for `lang`.
fn lang_ok(en: bool, lang: Option<Lang>) -> bool {
    match lang {
        None => true,
        Some(Lang::En) => en,
        Some(Lang::Fr) => !en,
    }
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
    let parts: Vec<SegmentScan> = searcher
        .segment_readers()
        .par_iter()
        .zip(classes.par_iter())
        .zip(kinds.par_iter())
        .with_max_len(1)
        .map(|((seg, cls), kinds)| scan_segment(seg, field, cls, kinds, lang))
        .collect::<Result<_, _>>()?;
    let mut out = Scan::default();
    let mut lists = Vec::new();
    for (list, t, r) in parts {
        out.tokens += t;
        out.reference_tokens += r;
        lists.push(list);
    }
    out.terms = merge_sorted(lists);
    Ok(out)
}

/// Merges per-segment lists sorted by key, adding the numbers of equal keys.
fn merge_sorted(lists: Vec<Vec<(String, Numbers)>>) -> Vec<(String, Numbers)> {
    let mut iters: Vec<std::iter::Peekable<std::vec::IntoIter<(String, Numbers)>>> = lists
        .into_iter()
        .map(|l| l.into_iter().peekable())
        .collect();
    let mut out = Vec::new();
    while let Some(min) = iters
        .iter_mut()
        .filter_map(|i| i.peek().map(|(k, _)| k.clone()))
        .min()
    {
        let mut total = Numbers::default();
        for it in &mut iters {
            if it.peek().is_some_and(|(k, _)| *k == min)
                && let Some((_, n)) = it.next()
            {
                total.add(&n);
            }
        }
        out.push((min, total));
    }
    out
}

fn scan_segment(
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    classes: &[u8],
    kinds: &[u8],
    lang: Option<Lang>,
) -> Result<SegmentScan, ReportError> {
    let mut out = Vec::new();
    let (mut tokens, mut reference_tokens) = (0u64, 0u64);
    if !classes.iter().any(|&c| c != 0) {
        return Ok((out, 0, 0));
    }
    let inv = seg.inverted_index(field)?;
    let mut stream = inv.terms().stream()?;
    let mut seen = vec![u32::MAX; seg.max_doc() as usize];
    let mut group = 0u32;
    let mut key: Vec<u8> = Vec::new();
    let mut cur = Numbers::default();
    let flush = |key: &[u8], cur: &mut Numbers, out: &mut Vec<(String, Numbers)>| {
        if cur.count > 0 || cur.reference > 0 {
            out.push((String::from_utf8_lossy(key).into_owned(), *cur));
        }
        *cur = Numbers::default();
    };
    while stream.advance() {
        let Some((k, en)) = split_term(stream.key()) else {
            continue;
        };
        if !lang_ok(en, lang) {
            continue;
        }
        if k != key.as_slice() {
            flush(&key, &mut cur, &mut out);
            key.clear();
            key.extend_from_slice(k);
            group += 1;
        }
        let mut p =
            inv.read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?;
        let mut doc = p.doc();
        while doc != TERMINATED {
            let d = doc as usize;
            match classes[d] {
                0 => {}
                TARGET => {
                    let tf = u64::from(p.term_freq());
                    cur.count += tf;
                    tokens += tf;
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
                _ => {
                    let tf = u64::from(p.term_freq());
                    cur.reference += tf;
                    reference_tokens += tf;
                }
            }
            doc = p.advance();
        }
    }
    flush(&key, &mut cur, &mut out);
    Ok((out, tokens, reference_tokens))
}

/// The surface forms of each of `keys` in the documents of class `class` ([`TARGET`] or
/// [`super::REFERENCE`]), as shown: elision removed, merged, most frequent first, at most `max`.
pub fn forms_of(
    store: &Store,
    searcher: &Searcher,
    classes: &Classes,
    class: u8,
    lang: Option<Lang>,
    keys: &[&str],
    max: usize,
) -> Result<Vec<Vec<FormCount>>, ReportError> {
    let mut raw: Vec<Vec<(String, u64)>> = vec![Vec::new(); keys.len()];
    for (seg, cls) in searcher.segment_readers().iter().zip(classes) {
        let inv = seg.inverted_index(store.fields.forms)?;
        for (k, key) in keys.iter().enumerate() {
            let lo = format!("{key}{FORM_SEP}");
            let hi = format!(
                "{key}{}",
                char::from_u32(FORM_SEP as u32 + 1).unwrap_or(FORM_SEP)
            );
            let mut stream = inv.terms().range().ge(&lo).lt(&hi).into_stream()?;
            while stream.advance() {
                let Some(t) = parse_form_term(stream.key()) else {
                    continue;
                };
                if !t.in_lang(lang) {
                    continue;
                }
                let mut p =
                    inv.read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?;
                let mut n = 0u64;
                let mut doc = p.doc();
                while doc != TERMINATED {
                    if cls[doc as usize] == class {
                        n += u64::from(p.term_freq());
                    }
                    doc = p.advance();
                }
                if n == 0 {
                    continue;
                }
                let form = surface_norm(t.lower);
                match raw[k].iter_mut().find(|(f, _)| *f == form) {
                    Some((_, c)) => *c += n,
                    None => raw[k].push((form, n)),
                }
            }
        }
    }
    Ok(top_forms(raw, max))
}

/// Each list of (surface form, count), most frequent first (ties by form), cut to `max`.
pub(super) fn top_forms(raw: Vec<Vec<(String, u64)>>, max: usize) -> Vec<Vec<FormCount>> {
    raw.into_iter()
        .map(|mut v| {
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(max);
            v.into_iter()
                .map(|(form, count)| FormCount { form, count })
                .collect()
        })
        .collect()
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
    /// Fewest occurrences of a segment listed (`1` for terms): segments seen once are no
    /// repeated segments.
    #[serde(skip)]
    pub min_count: u64,
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
    let mut rows: Vec<&(String, Numbers)> = scan
        .terms
        .iter()
        .filter(|(k, c)| c.count > 0 && (opts.all_words || !k.starts_with(STOP_MARK)))
        .collect();
    let types = rows.len() as u64;
    rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    if opts.limit > 0 {
        rows.truncate(opts.limit);
    }
    let keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    let forms = forms_of(
        store,
        &searcher,
        &classes,
        TARGET,
        opts.slice.lang,
        &keys,
        opts.forms,
    )?;
    let terms = rows
        .into_iter()
        .zip(forms)
        .map(|((k, c), forms)| {
            let (term, stop) = display_key(k);
            TermRow {
                term: term.to_string(),
                forms,
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
        min_count: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_terms_parse() {
        let t = parse_form_term("jug\u{2}juges".as_bytes()).unwrap();
        assert_eq!(
            (t.key, t.stop, t.lower, t.en),
            ("jug", false, "juges", false)
        );
        let t = parse_form_term("\u{3}a\u{2}à\u{2}e".as_bytes()).unwrap();
        assert_eq!((t.key, t.stop, t.lower, t.en), ("a", true, "à", true));
        assert_eq!(t.full_key(), "\u{3}a");
        assert!(t.in_lang(Some(Lang::En)) && !t.in_lang(Some(Lang::Fr)) && t.in_lang(None));
        assert!(parse_form_term(b"nosep").is_none());
        assert!(parse_form_term(&[0xff, 2, b'a']).is_none());
    }

    #[test]
    fn terms_split_and_sorted_lists_merge() {
        assert_eq!(split_term(b"jug\x02juges"), Some((&b"jug"[..], false)));
        assert_eq!(
            split_term(b"\x03a\x02\xc3\xa0\x02e"),
            Some((&b"\x03a"[..], true))
        );
        assert_eq!(split_term(b"nosep"), None);
        let n = |c| Numbers {
            count: c,
            docs: 1,
            ..Numbers::default()
        };
        let merged = merge_sorted(vec![
            vec![("a".into(), n(1)), ("c".into(), n(2))],
            vec![("b".into(), n(5)), ("c".into(), n(3))],
            vec![],
        ]);
        let keys: Vec<(&str, u64, u64)> = merged
            .iter()
            .map(|(k, v)| (k.as_str(), v.count, v.docs))
            .collect();
        assert_eq!(keys, [("a", 1, 1), ("b", 5, 1), ("c", 5, 2)]);
    }
}
