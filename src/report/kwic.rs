//! `kiosque kwic`: a concordance (key word in context) of a word or a phrase.
//!
//! Words match as in search: by stem, accent-insensitively, through the French and the English
//! chains. Stop words match as written (lowercase, accents kept: "à" is not "a"; an elided one
//! such as "jusqu'à" exactly, elision included), so "mandat de perquisition" does not give
//! "mandat sans perquisition", and a stop word alone ("selon") has a concordance too. A phrase
//! never spans a sentence or line end. Candidate documents come from the index; each is then
//! re-analysed from its stored text (with the line languages recorded at ingest), titles
//! included for articles. `--lang` keeps the matches on lines of that language, as `terms
//! --lang` counts only their words.

use serde::Serialize;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{ReportError, Slice, check_article, column_strings, first_str, matching_docs};
use crate::analysis::{Analyzer, Form, Lang, fold};
use crate::corpus::Article;
use crate::store::document::{
    FORM_SEP, STOP_MARK, Word, article_title_text, decode_langs, from_tantivy_date, push_lower,
    stop_key, walk_words,
};
use crate::store::highlight::{PIECE, pieces};
use crate::store::query::{Node, compile};
use crate::store::search::{filtered_all, format_date};
use crate::store::{KIND_ARTICLE, Store};

/// Marks a line break in a context.
pub const LINE_MARK: &str = " ¶ ";

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicSort {
    /// Corpus order: by article id, the article before its comments, comments in page order.
    #[default]
    Doc,
    /// Alphabetically by the words left of the match, nearest first (L1, then L2…),
    /// punctuation ignored.
    Left,
    /// Alphabetically by the words right of the match (R1, then R2…), punctuation ignored.
    Right,
}

/// Options of `kiosque kwic`.
#[derive(Debug, Clone)]
pub struct KwicOptions {
    /// The word or phrase.
    pub query: String,
    /// Documents searched; the language keeps only the matches on lines in it.
    pub slice: Slice,
    /// Characters of context on each side.
    pub width: usize,
    /// Lines listed (0: all).
    pub limit: usize,
    /// Line order.
    pub sort: KwicSort,
}

/// One concordance line.
#[derive(Debug, Clone, Serialize)]
pub struct KwicLine {
    /// Document id.
    pub id: String,
    /// `article` or `comment`.
    pub kind: String,
    /// The article.
    pub article_id: String,
    /// Date of the document.
    pub date: Option<String>,
    /// `title` (title, subtitle, headings) or `text`.
    pub part: &'static str,
    /// Context before the match, at most `width` columns (line breaks shown as ¶).
    pub left: String,
    /// The matched words as written.
    #[serde(rename = "match")]
    pub matched: String,
    /// Context after the match, at most `width` columns.
    pub right: String,
    /// Byte offset of the match in the part's text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
}

/// What `kiosque kwic` answers.
#[derive(Debug, Clone, Serialize)]
pub struct KwicReport {
    /// The query as given.
    pub query: String,
    /// Documents containing a match (when not all were read, the unread ones count as the
    /// index sees them).
    pub documents: u64,
    /// All matches, when every document was read (always with `--limit 0` or a context sort).
    pub occurrences: Option<u64>,
    /// The lines.
    pub lines: Vec<KwicLine>,
}

/// One word of the pattern.
#[derive(Debug, Clone, PartialEq)]
enum PatWord {
    /// A content word: its query forms, each with the language of the chain that gave it
    /// (`None`: both), and how it matches where it is a stop word (a word alone may be a
    /// content word in one language and a stop word in the other: "but").
    Content(Vec<(Form, String, Option<Lang>)>, StopWord),
    /// A stop word.
    Stop(StopWord),
}

/// A stop word of the pattern.
#[derive(Debug, Clone, PartialEq)]
struct StopWord {
    /// Its key (see [`stop_key`]).
    key: String,
    /// When the query wrote it with an elision ("jusqu'à"), its lowercase surface, which must
    /// then match exactly.
    exact: Option<String>,
}

/// The query's words, each matched by forms or as a stop word.
fn pattern(an: &Analyzer, query: &str) -> Vec<PatWord> {
    let analysed = an.analyze_query(query);
    let mut lower = String::new();
    query
        .unicode_words()
        .enumerate()
        .map(|(i, w)| {
            lower.clear();
            push_lower(w, &mut lower);
            let key = stop_key(&lower);
            let exact = (key != lower).then(|| lower.clone());
            let stop = StopWord { key, exact };
            match analysed.iter().find(|q| q.position as usize == i) {
                Some(q) => PatWord::Content(
                    q.forms
                        .iter()
                        .map(|(f, s, l)| (*f, s.clone(), *l))
                        .collect(),
                    stop,
                ),
                None => PatWord::Stop(stop),
            }
        })
        .collect()
}

/// Whether the pattern word `p` matches the word `w` of `text`, on a line in `lang`: a form
/// the French chain gave matches in French passages, one the English chain gave in English
/// passages (as in search: the English "la" is no French "là").
fn word_matches(p: &PatWord, w: &Word, lang: Lang, text: &str, lower: &mut String) -> bool {
    match (p, w.token) {
        (PatWord::Content(forms, _), Some(t)) => forms.iter().any(|(f, x, l)| {
            l.is_none_or(|l| l == lang)
                && match f {
                    Form::Main => *x == t.main,
                    Form::Alt => *x == t.alt(),
                }
        }),
        (PatWord::Stop(stop) | PatWord::Content(_, stop), None) if w.is_stop() => {
            lower.clear();
            push_lower(&text[w.start..w.end], lower);
            match &stop.exact {
                Some(surface) => lower == surface,
                None => stop_key(lower) == stop.key,
            }
        }
        _ => false,
    }
}

/// Byte ranges of the matches of `pat` in `text`, with the line each is on (`langs`: the
/// language of each line; lines beyond them are French, as the analyzer reads them).
fn find_matches(
    pat: &[PatWord],
    text: &str,
    words: &[Word],
    langs: &[Lang],
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut lower = String::new();
    let n = pat.len();
    let mut i = 0;
    while n > 0 && i + n <= words.len() {
        let ok = (0..n).all(|k| {
            (k == 0 || !words[i + k].boundary)
                && word_matches(
                    &pat[k],
                    &words[i + k],
                    langs.get(words[i + k].line).copied().unwrap_or(Lang::Fr),
                    text,
                    &mut lower,
                )
        });
        if ok {
            out.push((words[i].start, words[i + n - 1].end, words[i].line));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// Text with line breaks and runs of white space as single marks.
fn flatten(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == '\n' {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push_str(LINE_MARK);
            space = true;
        } else if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The last `width` columns of `s`.
pub fn tail_cols(s: &str, width: usize) -> String {
    let mut cols = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if cols + w > width {
            break;
        }
        cols += w;
        start = i;
    }
    s[start..].to_string()
}

/// The last `width` columns of `text[..s]` flattened, read from as few bytes before `s` as
/// give them (a long document's lines cost their width, not the document's length).
fn left_context(text: &str, s: usize, width: usize) -> String {
    let mut span = 4 * width + 64;
    loop {
        let mut from = s.saturating_sub(span);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let f = flatten(&text[from..s]);
        // Past the window's first characters, its flattened form is the whole text's.
        if from == 0 || f.width() > width + 2 {
            return tail_cols(f.trim(), width);
        }
        span *= 4;
    }
}

/// The first `width` columns of `text[e..]` flattened, read from as few bytes after `e` as
/// give them.
fn right_context(text: &str, e: usize, width: usize) -> String {
    let mut span = 4 * width + 64;
    loop {
        let mut to = e.saturating_add(span).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let f = flatten(&text[e..to]);
        if to == text.len() || f.width() > width + 2 {
            return head_cols(f.trim(), width);
        }
        span *= 4;
    }
}

/// The first `width` columns of `s`.
pub fn head_cols(s: &str, width: usize) -> String {
    let mut cols = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if cols + w > width {
            break;
        }
        cols += w;
        end = i + c.len_utf8();
    }
    s[..end].to_string()
}

/// The candidate documents of a pattern made of stop words only: those whose `forms` hold its
/// first word (`key`; written `exact` when given).
fn stop_word_query(
    searcher: &Searcher,
    store: &Store,
    key: &str,
    exact: Option<&str>,
) -> Result<Box<dyn Query>, ReportError> {
    let prefix = format!("{STOP_MARK}{key}{FORM_SEP}");
    let mut end = prefix.clone();
    end.pop();
    end.push(char::from_u32(FORM_SEP as u32 + 1).unwrap_or(FORM_SEP));
    let mut terms = std::collections::BTreeSet::new();
    for seg in searcher.segment_readers() {
        let inv = seg.inverted_index(store.fields.forms)?;
        let mut s = inv.terms().range().ge(&prefix).lt(&end).into_stream()?;
        while s.advance() {
            let term = s.key();
            let surface = term[prefix.len()..].split(|&b| b == FORM_SEP as u8).next();
            if exact.is_none_or(|e| surface == Some(e.as_bytes())) {
                terms.insert(term.to_vec());
            }
        }
    }
    let subs: Vec<Box<dyn Query>> = terms
        .into_iter()
        .filter_map(|t| String::from_utf8(t).ok())
        .map(|t| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(store.fields.forms, &t),
                IndexRecordOption::Basic,
            ))
        })
        .collect();
    Ok(Box::new(BooleanQuery::union(subs)))
}

fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> &str {
    doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("")
}

/// Concordance lines of `pat` in one stored document; with `lang`, only the matches on lines
/// in that language (as ingest told them, as `terms --lang` counts them).
fn doc_lines(
    store: &Store,
    an: &Analyzer,
    doc: &TantivyDocument,
    pats: &[Vec<PatWord>],
    width: usize,
    lang: Option<Lang>,
) -> Vec<KwicLine> {
    let f = &store.fields;
    let kind = text_of(doc, f.kind);
    let date = doc
        .get_first(f.date)
        .and_then(|v| v.as_datetime())
        .and_then(from_tantivy_date)
        .map(format_date);
    let mut out = Vec::new();
    let mut lines_of = |part: &'static str,
                        text: &str,
                        piece: &str,
                        at: usize,
                        tokens: &[crate::analysis::Token],
                        langs: &[Lang]| {
        let mut words = Vec::new();
        walk_words(piece, tokens, |w| words.push(w));
        // The matches of every alternative, in text order, each span once.
        let mut found: Vec<(usize, usize, usize)> = pats
            .iter()
            .flat_map(|pat| find_matches(pat, piece, &words, langs))
            .collect();
        found.sort_unstable();
        found.dedup();
        for (s, e, line) in found {
            // Lines beyond the recorded languages are French, as the analyzer reads them.
            if lang.is_some_and(|l| langs.get(line).copied().unwrap_or(Lang::Fr) != l) {
                continue;
            }
            let (s, e) = (at + s, at + e);
            out.push(KwicLine {
                id: text_of(doc, f.id).to_string(),
                kind: kind.to_string(),
                article_id: text_of(doc, f.article_id).to_string(),
                date: date.clone(),
                part,
                left: left_context(text, s, width),
                matched: flatten(&text[s..e]),
                right: right_context(text, e, width),
                start: s,
                end: e,
            });
        }
    };
    if kind == KIND_ARTICLE
        && let Ok(a) = serde_json::from_str::<Article>(text_of(doc, f.json))
    {
        let title = article_title_text(&a);
        let (tokens, langs) = an.analyze_document(&title);
        lines_of("title", &title, &title, 0, &tokens, &langs);
    }
    // The text piece by piece, cut at line ends (which no phrase spans): a page of tens of
    // megabytes never has all its words in memory.
    let text = text_of(doc, f.text);
    let langs = decode_langs(text_of(doc, f.line_langs));
    for p in pieces(text, PIECE) {
        let piece = &text[p.start..p.end];
        let piece_langs = langs.get(p.line..).unwrap_or(&[]);
        let tokens = an.analyze_with_langs(piece, piece_langs);
        lines_of("text", text, piece, p.start, &tokens, piece_langs);
    }
    out
}

/// A sort key, as AntConc sorts a concordance: the words of a context in the order given
/// (R1, R2… or L1, L2…), each lowercase with its accents folded, punctuation and line marks
/// left out.
fn sort_key<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    words
        .map(|w| fold(&w.to_lowercase()).into_owned())
        .collect()
}

/// The alternatives of a concordance query: words or phrases separated by `OR` (in capitals,
/// as in search), each without its quotes.
fn alternatives(query: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for w in query.split_whitespace() {
        if w == "OR" {
            out.push(String::new());
            continue;
        }
        let last = out.last_mut().expect("one alternative at least");
        if !last.is_empty() {
            last.push(' ');
        }
        last.push_str(w);
    }
    out.iter()
        .map(|a| {
            a.trim_matches(|c| matches!(c, '"' | '«' | '»' | '“' | '”'))
                .trim()
                .to_string()
        })
        .collect()
}

/// The documents where the pattern `pat` of the words or phrase `query` may match.
fn candidates_of(
    store: &Store,
    searcher: &Searcher,
    an: &Analyzer,
    query: &str,
    pat: &[PatWord],
) -> Result<Box<dyn Query>, ReportError> {
    Ok(if let [PatWord::Content(_, stop)] = pat {
        // One word: where it is a content word, and where it is a stop word.
        Box::new(BooleanQuery::union(vec![
            compile(&Node::Phrase(query.to_string()), &store.fields, an).query,
            stop_word_query(searcher, store, &stop.key, stop.exact.as_deref())?,
        ]))
    } else if pat.iter().any(|p| matches!(p, PatWord::Content(..))) {
        compile(&Node::Phrase(query.to_string()), &store.fields, an).query
    } else {
        let PatWord::Stop(stop) = &pat[0] else {
            unreachable!("a pattern without content words starts with a stop word")
        };
        stop_word_query(searcher, store, &stop.key, stop.exact.as_deref())?
    })
}

/// The concordance of a word or phrase, or of several (`juge OR avocat`).
pub fn kwic(store: &Store, opts: &KwicOptions) -> Result<KwicReport, ReportError> {
    let an = Analyzer::default();
    let alts = alternatives(&opts.query);
    let pats: Vec<Vec<PatWord>> = alts.iter().map(|a| pattern(&an, a)).collect();
    if pats.iter().any(Vec::is_empty) {
        return Err(ReportError::Usage(format!(
            "'{}' has no word to look for{}",
            opts.query,
            if alts.len() > 1 {
                " on one side of OR"
            } else {
                ""
            }
        )));
    }
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    if let Some(a) = &opts.slice.article {
        check_article(store, &searcher, a)?;
    }
    let mut subs = Vec::with_capacity(pats.len());
    for (a, pat) in alts.iter().zip(&pats) {
        subs.push(candidates_of(store, &searcher, &an, a, pat)?);
    }
    let candidates: Box<dyn Query> = if subs.len() == 1 {
        subs.pop().expect("one query")
    } else {
        Box::new(BooleanQuery::union(subs))
    };
    // `--lang` is not a filter on documents' languages (those of their text, by letters): a
    // line in it (a title, a short line) may be in a document said to be in the other one.
    // The lines are kept by their own language below.
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(filtered_all(store, &opts.slice.filters(false))) as Box<dyn Query>,
        ),
        (Occur::Must, candidates),
    ]);
    // Corpus order: article id, the article first, then comments by number.
    let mut order: Vec<(String, u64, DocAddress)> = Vec::new();
    for (seg_ord, docs) in matching_docs(&searcher, &q)?.into_iter().enumerate() {
        if docs.is_empty() {
            continue;
        }
        let seg = searcher.segment_reader(seg_ord as u32);
        let ids = seg.fast_fields().str("article_id")?;
        let strings = column_strings(&ids)?;
        let numbers = seg.fast_fields().u64("number")?;
        for d in docs {
            order.push((
                first_str(&ids, &strings, d).unwrap_or("").to_string(),
                numbers.first(d).unwrap_or(0),
                DocAddress::new(seg_ord as u32, d),
            ));
        }
    }
    order.sort();
    let read_all = opts.limit == 0 || opts.sort != KwicSort::Doc;
    let mut lines = Vec::new();
    let mut documents = 0u64;
    let mut read = 0;
    for (_, _, addr) in &order {
        if !read_all && lines.len() >= opts.limit {
            break;
        }
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let found = doc_lines(store, &an, &doc, &pats, opts.width, opts.slice.lang);
        documents += u64::from(!found.is_empty());
        lines.extend(found);
        read += 1;
    }
    let complete = read == order.len();
    let occurrences = complete.then_some(lines.len() as u64);
    if !complete {
        // Documents not read count as the index sees them.
        documents += (order.len() - read) as u64;
    }
    match opts.sort {
        KwicSort::Doc => {}
        KwicSort::Right => lines.sort_by_cached_key(|l| sort_key(l.right.unicode_words())),
        KwicSort::Left => lines.sort_by_cached_key(|l| sort_key(l.left.unicode_words().rev())),
    }
    if opts.limit > 0 {
        lines.truncate(opts.limit);
    }
    Ok(KwicReport {
        query: opts.query.clone(),
        documents,
        occurrences,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_are_cut_by_columns() {
        assert_eq!(tail_cols("abcdef", 3), "def");
        assert_eq!(tail_cols("ab", 5), "ab");
        assert_eq!(head_cols("éèàùç", 2), "éè");
        assert_eq!(head_cols("東京abc", 3), "東");
        assert_eq!(flatten("a\n\nb  c\t d"), "a ¶ ¶ b c d");
    }

    #[test]
    fn contexts_read_from_a_window_are_those_of_the_whole_text() {
        let palette = [
            'a', 'é', ' ', ' ', '\n', '\t', '東', '\u{301}', '.', 'b', '\u{a0}', 'x',
        ];
        for (i, text) in crate::analysis::random_texts(&palette, 3000, 400, 7).enumerate() {
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            let at = cuts[i % cuts.len()];
            for width in [0, 1, 2, 5, 40] {
                assert_eq!(
                    left_context(&text, at, width),
                    tail_cols(flatten(&text[..at]).trim(), width),
                    "{text:?} {at} {width}"
                );
                assert_eq!(
                    right_context(&text, at, width),
                    head_cols(flatten(&text[at..]).trim(), width),
                    "{text:?} {at} {width}"
                );
            }
        }
    }

    #[test]
    fn patterns_mark_stop_words() {
        let an = Analyzer::default();
        let p = pattern(&an, "\"mandat de perquisition\"");
        assert_eq!(p.len(), 3);
        assert!(matches!(&p[0], PatWord::Content(..)));
        let de = StopWord {
            key: "de".into(),
            exact: None,
        };
        assert_eq!(p[1], PatWord::Stop(de));
        assert!(matches!(&p[2], PatWord::Content(..)));
        // Alone, "à" is an English word too: it matches as one, and as the French stop word.
        let p = pattern(&an, "À");
        assert!(
            matches!(&p[..], [PatWord::Content(_, s)] if s.key == "à" && s.exact.is_none()),
            "{p:?}"
        );
        let p = pattern(&an, "Jusqu’à");
        assert!(
            matches!(&p[..], [PatWord::Content(_, s)] if s.key == "à" && s.exact.as_deref() == Some("jusqu'à")),
            "{p:?}"
        );
    }

    /// The matches of `query` in `text`, analysed as at ingest.
    fn found<'t>(an: &Analyzer, text: &'t str, query: &str) -> Vec<&'t str> {
        let (tokens, langs) = an.analyze_document(text);
        let mut words = Vec::new();
        walk_words(text, &tokens, |w| words.push(w));
        find_matches(&pattern(an, query), text, &words, &langs)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn phrase_matches_respect_stop_words_and_sentences() {
        let an = Analyzer::default();
        let text =
            "Un mandat de perquisition. Un mandat sans perquisition. Mandats de\nperquisitions.";
        assert_eq!(
            found(&an, text, "mandat de perquisition"),
            ["mandat de perquisition"]
        );
        assert_eq!(found(&an, text, "perquisitions").len(), 3);
    }

    #[test]
    fn or_separates_alternatives() {
        assert_eq!(alternatives("juge"), ["juge"]);
        assert_eq!(alternatives("juge OR avocat"), ["juge", "avocat"]);
        assert_eq!(
            alternatives("\"mandat de perquisition\" OR  juge or avocat"),
            ["mandat de perquisition", "juge or avocat"]
        );
        assert_eq!(alternatives("juge OR"), ["juge", ""]);
    }

    #[test]
    fn a_form_of_one_language_matches_in_its_passages_only() {
        let an = Analyzer::default();
        // "la" is a French stop word and an English content word; "là" a French content word
        // whose index form is "la".
        let text = "Il est bien là dessus, et la juge aussi.\nThe critics who saw it in LA say that the music of La La Land is the best they have heard.";
        let (_, langs) = an.analyze_document(text);
        assert_eq!(langs.get(1), Some(&Lang::En), "{langs:?}");
        let found = found(&an, text, "la");
        assert!(!found.contains(&"là"), "{found:?}");
        assert!(found.contains(&"la"), "{found:?}");
    }
}
