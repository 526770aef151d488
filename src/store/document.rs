//! Articles and comments → analysed tantivy documents.

use std::collections::HashMap;

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use tantivy::TantivyDocument;

use super::entities::{add_entities, add_entity_names};
use super::replay::{SEP, encode};
use super::schema::{
    FLAG_QUOTES_BODY, FLAG_QUOTES_SUBTITLE, FLAG_QUOTES_TITLE, FLAG_TEXT, FLAG_URL, Fields,
    KIND_ARTICLE, KIND_COMMENT, KIND_FILE,
};
use crate::analysis::entities::{Mention, Recognizer};
use crate::analysis::quote::{QuoteFinder, QuotedPart};
use crate::analysis::sentiment::{self, Scorer};
use crate::analysis::{Analyzer, Lang, MAX_WORD_LEN, Segmenter, Token, surface_norm};
use crate::corpus::comments::count_emoticons;
use crate::corpus::{Article, Comment};

/// Most occurrences of one keyword recorded per document in `sentiment_terms`.
const MAX_KEYWORD_REPEATS: u32 = 1000;
/// Most keywords kept per document in `sentiment_keywords` (the strongest).
pub const MAX_STORED_KEYWORDS: usize = 64;

/// Separates a `forms` term's key, surface form and language mark.
pub const FORM_SEP: char = '\u{2}';
/// Starts the key of a stop word in `forms` (stop words are not stemmed: the key is the
/// lowercase word, accents kept, elision removed; see [`stop_key`]).
pub const STOP_MARK: char = '\u{3}';
/// Language mark of a word of an English passage in `forms` (French words have none).
pub const EN_MARK: char = 'e';

/// Whether `c` is an apostrophe the analysis chain accepts (' ’ ʼ ‘ ´), as in `analysis`.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}' | '\u{00B4}')
}

/// Appends the lowercase form of `surface` with apostrophes normalised to '.
pub fn push_lower(surface: &str, out: &mut String) {
    if surface.is_ascii() {
        out.extend(surface.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in surface.chars().flat_map(char::to_lowercase) {
        out.push(if is_apostrophe(c) { '\'' } else { c });
    }
}

/// The `forms` key of a stop word given its lowercase surface: the word with its elision
/// removed and its apostrophes normalised, accents kept, so "à" (preposition) and "a" (verb),
/// "où" and "ou" stay apart while "jusqu'à" counts as "à".
pub fn stop_key(lower: &str) -> String {
    surface_norm(lower)
}

thread_local! {
    /// Stop-word keys already computed by this thread, by lowercase surface.
    static STOP_KEYS: std::cell::RefCell<HashMap<String, String>> =
        std::cell::RefCell::new(HashMap::new());
}

/// Whether the text between two words ends a sentence (or a line), whatever the words (see
/// [`ends_sentence_after`]).
pub fn ends_sentence(between: &str) -> bool {
    between.contains(['.', '!', '?', '…', '\n'])
}

/// Abbreviations whose period never ends a sentence (titles before a name, `cf.`), as
/// written: `M. Hollande`, `Dr. Dupont`, `Mr. Smith`.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mr", "Mrs", "Ms", "Dr", "Drs", "Pr", "Prof", "Me",
    "Mgr", "St", "Ste", "Sts", "Gen", "Gén", "Sen", "Gov", "Lt", "Col", "Capt", "Sgt", "Rev",
    "Hon", "cf", "Cf", "ex", "resp",
];

/// Abbreviations whose period does not end a sentence before a number (`art. 5`, `vol. 2`,
/// `p. 12`, `n° 3`), lowercase.
pub const NUMBER_ABBREVIATIONS: &[&str] = &[
    "art", "al", "p", "pp", "vol", "n", "no", "nos", "chap", "ch", "fig", "t", "éd", "ed", "tab",
    "sect", "par", "env", "ca", "av", "bd",
];

/// Whether a period right after `word` marks an abbreviation rather than a sentence end, given
/// the `next` word: a capital letter (`M.`, `J.-C.`), dotted initials (`U.S.`, `S.N.C.F.`,
/// `e.g.`), a title ([`TITLE_ABBREVIATIONS`]), or a reference before a number
/// ([`NUMBER_ABBREVIATIONS`]).
pub fn is_abbreviation(word: &str, next: &str) -> bool {
    // Without an elided article: "l'art. 5".
    let word = word.rsplit(is_apostrophe).next().unwrap_or(word);
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        // An initial; a lowercase letter ("il y en a.") only as a reference ("p. 12").
        (Some(c), None) if c.is_uppercase() => return true,
        (None, _) => return false,
        _ => {}
    }
    if word.contains('.') {
        return word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    }
    if TITLE_ABBREVIATIONS.contains(&word) {
        return true;
    }
    next.starts_with(|c: char| c.is_ascii_digit())
        && word.len() <= 5
        && NUMBER_ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Whether the text `between` the words `prev` and `next` ends a sentence (or a line): a line
/// break, `!`, `?`, `…`, or a period unless it is a single one right after an abbreviation
/// (see [`is_abbreviation`]): "U.S. officials", "M. Hollande" are not cut, ". Le" is.
pub fn ends_sentence_after(prev: &str, between: &str, next: &str) -> bool {
    if between.contains(['!', '?', '…', '\n']) {
        return true;
    }
    match between.strip_prefix('.') {
        None => between.contains('.'),
        Some(rest) => rest.contains('.') || !is_abbreviation(prev, next),
    }
}

/// Whether a text scored `s` has nothing to score: no letter nor digit, and no keyword (an
/// emoticon, a smiley image or `+1` alone is scored). Such a document (an empty comment) gets
/// no sentiment fields: it is unscored, not neutral.
pub fn nothing_to_score(text: &str, s: &sentiment::Sentiment) -> bool {
    s.keywords.is_empty() && !text.chars().any(char::is_alphanumeric)
}

/// One word of an analysed text, stop words included.
#[derive(Debug, Clone, Copy)]
pub struct Word<'t> {
    /// Byte offset of the surface word in the text.
    pub start: usize,
    /// Byte offset just after it.
    pub end: usize,
    /// Its analysed token; `None` for a stop word (or a word too long to index).
    pub token: Option<&'t Token>,
    /// Line of the text it is on (index into the line languages).
    pub line: usize,
    /// True when a sentence or line end separates it from the previous word.
    pub boundary: bool,
}

impl Word<'_> {
    /// True for a stop word (a word without token, short enough to be indexed).
    pub fn is_stop(&self) -> bool {
        self.token.is_none() && self.end - self.start <= 3 * MAX_WORD_LEN
    }
}

/// Calls `f` for every word of `text` in order, given the `tokens` the analyzer made of it (in
/// text order): the analysed words come from the tokens, the others (stop words) from the
/// segmentation of the text.
pub fn walk_words<'t>(text: &str, tokens: &'t [Token], f: impl FnMut(Word<'t>)) {
    let mut spans = Vec::new();
    Segmenter::default().words(text, &mut spans);
    walk_spans(text, &spans, tokens, f);
}

/// [`walk_words`] given the words of `text` (`spans`, as [`Segmenter::words`] gives them,
/// which the tokens were made from).
pub fn walk_spans<'t>(
    text: &str,
    spans: &[(usize, usize)],
    tokens: &'t [Token],
    mut f: impl FnMut(Word<'t>),
) {
    let mut line = 0;
    let mut prev = 0;
    let mut prev_start = 0;
    let mut tokens = tokens.iter().peekable();
    for &(start, end) in spans {
        let between = &text[prev..start];
        line += between.bytes().filter(|&b| b == b'\n').count();
        while tokens.next_if(|t| t.start < start).is_some() {}
        f(Word {
            start,
            end,
            token: tokens.next_if(|t| t.start == start && t.end == end),
            line,
            boundary: ends_sentence_after(&text[prev_start..prev], between, &text[start..end]),
        });
        prev = end;
        prev_start = start;
    }
}

/// Appends the `forms` segments of `text` (see [`Fields::forms`]) to `out`, one per word
/// (`words`: as [`Segmenter::words`] gives them; `tokens`: the analyzer's tokens of them) and
/// an empty one at each sentence or line end; returns the number of positions written.
pub fn encode_forms(
    text: &str,
    words: &[(usize, usize)],
    tokens: &[Token],
    langs: &[Lang],
    out: &mut String,
) -> u64 {
    let mut positions = 0u64;
    let mut lower = String::new();
    STOP_KEYS.with_borrow_mut(|keys| {
        if keys.len() > 10_000 {
            keys.clear();
        }
        let mut first = true;
        walk_spans(text, words, tokens, |w| {
            if w.boundary && !first {
                out.push(SEP);
                positions += 1;
            }
            first = false;
            positions += 1;
            lower.clear();
            push_lower(&text[w.start..w.end], &mut lower);
            match w.token {
                Some(t) => out.push_str(&t.main),
                None if w.is_stop() => {
                    out.push(STOP_MARK);
                    match keys.get(&lower) {
                        Some(k) => out.push_str(k),
                        None => {
                            let k = stop_key(&lower);
                            out.push_str(&k);
                            keys.insert(lower.clone(), k);
                        }
                    }
                }
                None => {
                    out.push(SEP);
                    return;
                }
            }
            out.push(FORM_SEP);
            out.push_str(&lower);
            if langs.get(w.line) == Some(&Lang::En) {
                out.push(FORM_SEP);
                out.push(EN_MARK);
            }
            out.push(SEP);
        });
    });
    positions
}

/// The distinct (`alt`, `main`) pairs of a document's words whose two forms differ.
#[derive(Debug, Default)]
struct AltPairs<'t> {
    /// The pairs, unsorted, with repeats.
    pairs: Vec<(&'t str, &'t str)>,
}

impl<'t> AltPairs<'t> {
    /// Adds the pairs of `tokens`.
    fn add(&mut self, tokens: &'t [Token]) {
        self.pairs.extend(
            tokens
                .iter()
                .filter(|t| !t.alt.is_empty() && t.alt != t.main)
                .map(|t| (t.alt.as_str(), t.main.as_str())),
        );
    }

    /// The `alt_map` value: each pair once, `alt FORM_SEP main`, separated by [`SEP`].
    fn encode(mut self) -> Option<String> {
        if self.pairs.is_empty() {
            return None;
        }
        self.pairs.sort_unstable();
        self.pairs.dedup();
        let mut out = String::new();
        for (alt, main) in self.pairs {
            out.push_str(alt);
            out.push(FORM_SEP);
            out.push_str(main);
            out.push(SEP);
        }
        Some(out)
    }
}

/// Minutes from `from` to `to` (negative when `to` is earlier).
pub fn minutes_between(from: DateTime, to: DateTime) -> Option<i64> {
    let a = to_tantivy_date(from)?.into_timestamp_secs();
    let b = to_tantivy_date(to)?.into_timestamp_secs();
    Some((b - a).div_euclid(60))
}

/// Converts a page's wall-clock time to a tantivy date (stored as if UTC); `None` outside the
/// years tantivy can hold (1678 to 2261).
pub fn to_tantivy_date(dt: DateTime) -> Option<tantivy::DateTime> {
    let ts = dt.to_zoned(TimeZone::UTC).ok()?.timestamp();
    // tantivy counts nanoseconds in 64 bits (years 1678 to 2261): a date beyond would wrap.
    ts.as_second().checked_mul(1_000_000_000)?;
    Some(tantivy::DateTime::from_timestamp_secs(ts.as_second()))
}

/// Converts a stored tantivy date back to the page's wall-clock time.
pub fn from_tantivy_date(d: tantivy::DateTime) -> Option<DateTime> {
    let ts = jiff::Timestamp::from_second(d.into_timestamp_secs()).ok()?;
    Some(ts.to_zoned(TimeZone::UTC).datetime())
}

/// One letter a line: `f` French, `e` English.
pub fn encode_langs(langs: &[Lang]) -> String {
    langs
        .iter()
        .map(|l| match l {
            Lang::Fr => 'f',
            Lang::En => 'e',
        })
        .collect()
}

/// Inverse of [`encode_langs`].
pub fn decode_langs(s: &str) -> Vec<Lang> {
    s.chars()
        .map(|c| if c == 'e' { Lang::En } else { Lang::Fr })
        .collect()
}

/// Languages of a text by weight (bytes of its lines), main language first.
pub fn doc_langs(text: &str, line_langs: &[Lang]) -> Vec<Lang> {
    let (mut fr, mut en) = (0usize, 0usize);
    for (line, lang) in text.split('\n').zip(line_langs) {
        let n = line.chars().filter(|c| c.is_alphabetic()).count();
        match lang {
            Lang::Fr => fr += n,
            Lang::En => en += n,
        }
    }
    match (fr > 0, en > 0) {
        (true, true) if en > fr => vec![Lang::En, Lang::Fr],
        (true, true) => vec![Lang::Fr, Lang::En],
        (true, false) => vec![Lang::Fr],
        (false, true) => vec![Lang::En],
        (false, false) => vec![],
    }
}

/// Lowercase code of a language (`fr`, `en`).
pub fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// The stored text of an article: subtitle, lede and body paragraphs, one passage a line.
pub fn article_text(a: &Article) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(l) = &a.lede {
        parts.push(l);
    }
    parts.extend(a.paragraphs.iter().map(String::as_str));
    parts.join("\n")
}

/// Whether an article's paragraphs can be left out of its stored JSON: [`stored_article`]
/// cuts them back out of its stored text.
fn paragraphs_from_text(a: &Article) -> bool {
    match a.paragraphs.as_slice() {
        [] => false,
        [only] if only.is_empty() => false,
        all => !all.iter().any(|p| p.contains('\n')),
    }
}

/// The JSON stored for an article: without its comments (documents of their own), and without
/// its paragraphs when its stored text gives them back (see [`stored_article`]).
pub fn article_json(a: &Article) -> String {
    // Field by field: the comments (and the paragraphs) are not copied only to be dropped.
    let stored = Article {
        id: a.id.clone(),
        file: a.file.clone(),
        title: a.title.clone(),
        subtitle: a.subtitle.clone(),
        published: a.published,
        reading_time_minutes: a.reading_time_minutes,
        category: a.category.clone(),
        lede: a.lede.clone(),
        headings: a.headings.clone(),
        paragraphs: if paragraphs_from_text(a) {
            Vec::new()
        } else {
            a.paragraphs.clone()
        },
        source: a.source.clone(),
        tags: a.tags.clone(),
        declared_comments: a.declared_comments,
        url: a.url.clone(),
        comments: Vec::new(),
    };
    serde_json::to_string(&stored).unwrap_or_else(|_| "{}".into())
}

/// The article stored as `json` (see [`article_json`]) with `text`, its stored text.
pub fn stored_article(json: &str, text: &str) -> serde_json::Result<Article> {
    let mut a: Article = serde_json::from_str(json)?;
    if a.paragraphs.is_empty() {
        let rest = match &a.lede {
            Some(l) => text
                .strip_prefix(l.as_str())
                .and_then(|r| r.strip_prefix('\n'))
                .unwrap_or(""),
            None => text,
        };
        if !rest.is_empty() {
            a.paragraphs = rest.split('\n').map(str::to_owned).collect();
        }
    }
    Ok(a)
}

/// The JSON stored for a comment: without its text, stored on its own.
pub fn comment_json(c: &Comment) -> String {
    let stored = Comment {
        id: c.id.clone(),
        article_id: c.article_id.clone(),
        number: c.number,
        date: c.date,
        author: c.author.clone(),
        text: String::new(),
        emoticons: c.emoticons,
        urls: c.urls.clone(),
    };
    serde_json::to_string(&stored).unwrap_or_else(|_| "{}".into())
}

/// The comment stored as `json` (see [`comment_json`]) with `text`, its stored text.
pub fn stored_comment(json: &str, text: &str) -> serde_json::Result<Comment> {
    let mut c: Comment = serde_json::from_str(json)?;
    c.text = text.to_owned();
    Ok(c)
}

/// The title-like text of an article: title, subtitle, headings.
pub fn article_title_text(a: &Article) -> String {
    let mut parts: Vec<&str> = vec![&a.title];
    if let Some(s) = &a.subtitle {
        parts.push(s);
    }
    parts.extend(a.headings.iter().map(String::as_str));
    parts.join("\n")
}

/// Builds the tantivy documents of one source file: its articles, their comments, and the
/// file marker carrying the content hash.
pub struct DocumentBuilder<'a> {
    fields: &'a Fields,
    analyzer: &'a Analyzer,
    /// Scores each document's sentiment; `None` leaves the sentiment fields out.
    sentiment: Option<&'a Scorer>,
    /// Finds entity mentions; `None` leaves the entity fields out.
    entities: Option<&'a Recognizer>,
}

/// Counts of what a file produced.
#[derive(Debug, Default, Clone, Copy)]
pub struct Produced {
    /// Articles.
    pub articles: usize,
    /// Comments.
    pub comments: usize,
}

impl<'a> DocumentBuilder<'a> {
    /// A builder over a schema and the analyzer, without entities or sentiment (see
    /// [`DocumentBuilder::with_entities`] and [`DocumentBuilder::with_sentiment`]: their lists
    /// are loaded only when asked for).
    pub fn new(fields: &'a Fields, analyzer: &'a Analyzer) -> Self {
        DocumentBuilder {
            fields,
            analyzer,
            sentiment: None,
            entities: None,
        }
    }

    /// Sets the entity recognizer (`None`: documents get no entity fields).
    pub fn with_entities(mut self, recognizer: Option<&'a Recognizer>) -> Self {
        self.entities = recognizer;
        self
    }

    /// Sets the sentiment scorer (`None`: documents get no sentiment fields).
    pub fn with_sentiment(mut self, scorer: Option<&'a Scorer>) -> Self {
        self.sentiment = scorer;
        self
    }

    /// The marker document of a source file: its content hash and metadata stamp.
    pub fn file_marker(&self, file: &str, hash: u64, stamp: u64) -> TantivyDocument {
        let f = self.fields;
        let mut d = TantivyDocument::new();
        d.add_text(f.id, file);
        d.add_text(f.kind, KIND_FILE);
        d.add_text(f.file, file);
        d.add_u64(f.file_hash, hash);
        if stamp != 0 {
            d.add_u64(f.file_stamp, stamp);
        }
        d
    }

    /// The documents of one article and its comments.
    pub fn article_docs(&self, a: &Article, out: &mut Vec<TantivyDocument>) -> Produced {
        let f = self.fields;
        let mut d = TantivyDocument::new();
        d.add_text(f.id, &a.id);
        d.add_text(f.kind, KIND_ARTICLE);
        d.add_text(f.article_id, &a.id);
        d.add_text(f.file, &a.file);
        if let Some(date) = a.published.and_then(to_tantivy_date) {
            d.add_date(f.date, date);
        }
        d.add_text(f.title, &a.title);
        let title_text = article_title_text(a);
        let text = article_text(a);
        // Every text of the page is cut into words once: the analyzer, entity detection, the
        // `forms` field and the quote finder share them.
        let mut texts: Vec<&str> = vec![&title_text, &text];
        texts.extend(a.comments.iter().map(|c| c.text.as_str()));
        let words = Segmenter::default().words_of_each(&texts);
        let (title_tokens, title_langs, title_told) =
            self.analyzer.analyze_document_lines(&title_text, &words[0]);
        d.add_text(f.title_main, encode(&title_tokens));
        let mut forms = String::new();
        let title_positions = encode_forms(
            &title_text,
            &words[0],
            &title_tokens,
            &title_langs,
            &mut forms,
        );
        forms.push(SEP);
        // Entities of the whole page at once: short forms and aliases resolve across the
        // title, the text and the comments.
        let mut page_mentions = self.entities.map(|r| {
            let spans: Vec<&[(usize, usize)]> = words.iter().map(Vec::as_slice).collect();
            // The title and the text are the newsroom's, the rest readers' comments.
            let page = r.detect_page_edited(&texts, &spans, 2);
            add_entity_names(&mut d, f, page.iter().flatten());
            page.into_iter()
        });
        if let Some(m) = page_mentions.as_mut() {
            let title_m = m.next().unwrap_or_default();
            let text_m = m.next().unwrap_or_default();
            add_entities(&mut d, f, &title_text, &title_m, &text_m);
        }
        let spans = &words[1];
        let (word_count, langs, told) = self.add_text(
            &mut d,
            &text,
            spans,
            forms,
            title_positions + 1,
            &title_tokens,
        );
        if self.sentiment.is_some() {
            // The article's tone: its title-like lines, then its text.
            let mut whole = title_text.clone();
            whole.push('\n');
            whole.push_str(&text);
            let mut whole_langs = title_langs.clone();
            whole_langs.resize(title_text.split('\n').count(), Lang::Fr);
            whole_langs.extend_from_slice(&langs);
            let mut whole_told = title_told;
            whole_told.resize(whole_langs.len() - langs.len(), false);
            whole_told.extend_from_slice(&told);
            let shift = title_text.len() + 1;
            let mut whole_words = words[0].clone();
            whole_words.extend(words[1].iter().map(|&(s, e)| (s + shift, e + shift)));
            self.add_sentiment(&mut d, &whole, &whole_words, &whole_langs, &whole_told, 0);
        }
        d.add_u64(f.flags, if word_count > 0 { FLAG_TEXT } else { 0 });
        if let Some(n) = a.declared_comments {
            d.add_u64(f.declared, u64::from(n));
        }
        d.add_text(f.json, article_json(a));
        out.push(d);
        let quotes = (!a.comments.is_empty()).then(|| {
            QuoteFinder::with_spans(&text, spans, &a.headings, &a.title, a.subtitle.as_deref())
        });
        for (c, spans) in a.comments.iter().zip(&words[2..]) {
            let mentions = page_mentions.as_mut().map(|m| m.next().unwrap_or_default());
            out.push(self.comment_doc(a, c, spans, quotes.as_ref(), mentions.as_deref()));
        }
        Produced {
            articles: 1,
            comments: a.comments.len(),
        }
    }

    fn comment_doc(
        &self,
        a: &Article,
        c: &Comment,
        spans: &[(usize, usize)],
        quotes: Option<&QuoteFinder>,
        mentions: Option<&[Mention]>,
    ) -> TantivyDocument {
        let f = self.fields;
        let mut d = TantivyDocument::new();
        if let Some(m) = mentions {
            add_entities(&mut d, f, "", &[], m);
        }
        d.add_text(f.id, &c.id);
        d.add_text(f.kind, KIND_COMMENT);
        d.add_text(f.article_id, &a.id);
        d.add_text(f.file, &a.file);
        d.add_u64(f.number, u64::from(c.number));
        if let Some(date) = c.date.and_then(to_tantivy_date) {
            d.add_date(f.date, date);
        }
        d.add_text(f.title, &a.title);
        let (words, langs, told) = self.add_text(&mut d, &c.text, spans, String::new(), 0, &[]);
        // Smiley images the parser removed: the emoticons not left in the text.
        let hidden = c.emoticons.saturating_sub(count_emoticons(&c.text));
        self.add_sentiment(&mut d, &c.text, spans, &langs, &told, hidden);
        let mut flags = 0;
        if words > 0 {
            flags |= FLAG_TEXT;
        }
        if !c.urls.is_empty() {
            flags |= FLAG_URL;
        }
        if let Some(q) = quotes.and_then(|q| q.find_in_spans(&c.text, spans)) {
            flags |= match q.part {
                QuotedPart::Body => FLAG_QUOTES_BODY,
                QuotedPart::Title => FLAG_QUOTES_TITLE,
                QuotedPart::Subtitle => FLAG_QUOTES_SUBTITLE,
            };
            d.add_u64(f.quote_words, q.words as u64);
        }
        d.add_u64(f.flags, flags);
        d.add_u64(f.emoticons, u64::from(c.emoticons));
        if let (Some(p), Some(t)) = (a.published, c.date)
            && let Some(m) = minutes_between(p, t)
        {
            d.add_i64(f.delay, m);
        }
        d.add_text(f.json, comment_json(c));
        d
    }

    /// Adds the sentiment fields of `text` (its words `spans`, line languages `langs`;
    /// `hidden_smileys` smiley images removed from it), unless the builder has no scorer or
    /// there is nothing to score (see [`nothing_to_score`]): such a document stays unscored
    /// rather than counting as neutral.
    fn add_sentiment(
        &self,
        d: &mut TantivyDocument,
        text: &str,
        spans: &[(usize, usize)],
        langs: &[Lang],
        told: &[bool],
        hidden_smileys: u32,
    ) {
        let Some(scorer) = self.sentiment else {
            return;
        };
        let f = self.fields;
        let s = scorer.score_words(text, Some(spans), langs, Some(told), hidden_smileys);
        if nothing_to_score(text, &s) {
            return;
        }
        d.add_f64(f.sentiment, f64::from(s.score));
        d.add_text(f.sentiment_label, s.label.as_str());
        for k in &s.keywords {
            let term = sentiment::keyword_term(k);
            for _ in 0..k.count.min(MAX_KEYWORD_REPEATS) {
                d.add_text(f.sentiment_terms, &term);
            }
        }
        let kept = &s.keywords[..s.keywords.len().min(MAX_STORED_KEYWORDS)];
        d.add_text(
            f.sentiment_keywords,
            serde_json::to_string(kept).unwrap_or_else(|_| "[]".into()),
        );
    }

    /// Adds `text`, whose words are `spans`, with its analysed fields; `forms` holds what
    /// precedes it in the `forms` field (`positions` positions) and `title_tokens` the analysed
    /// title it follows. Returns the number of words and the language of each line.
    fn add_text(
        &self,
        d: &mut TantivyDocument,
        text: &str,
        spans: &[(usize, usize)],
        mut forms: String,
        positions: u64,
        title_tokens: &[Token],
    ) -> (u64, Vec<Lang>, Vec<bool>) {
        let f = self.fields;
        let (tokens, langs, told) = self.analyzer.analyze_document_lines(text, spans);
        for l in doc_langs(text, &langs) {
            d.add_text(f.lang, lang_code(l));
        }
        d.add_text(f.text, text);
        d.add_text(f.line_langs, encode_langs(&langs));
        let mut alt_pairs = AltPairs::default();
        alt_pairs.add(title_tokens);
        alt_pairs.add(&tokens);
        if let Some(pairs) = alt_pairs.encode() {
            d.add_text(f.alt_map, pairs);
        }
        let n = encode_forms(text, spans, &tokens, &langs, &mut forms);
        let words = spans.len() as u64;
        d.add_text(f.forms, forms);
        d.add_u64(f.positions, positions + n);
        d.add_u64(f.words, words);
        (words, langs, told)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::replay::SEP;
    use unicode_segmentation::UnicodeSegmentation;

    fn segments(text: &str) -> Vec<String> {
        let mut spans = Vec::new();
        Segmenter::default().words(text, &mut spans);
        let (tokens, langs) = Analyzer::default().analyze_document_words(text, &spans);
        let mut out = String::new();
        let n = encode_forms(text, &spans, &tokens, &langs, &mut out);
        let segs: Vec<String> = out
            .split(SEP)
            .map(|s| s.replace(FORM_SEP, "|").replace(STOP_MARK, "~"))
            .collect();
        assert_eq!(segs.last().map(String::as_str), Some(""));
        assert_eq!(segs.len() as u64 - 1, n);
        segs[..segs.len() - 1].to_vec()
    }

    #[test]
    fn forms_hold_every_word_with_sentence_gaps() {
        assert_eq!(
            segments("La juge l’a dit. Les juges, jamais !\nFin"),
            [
                "~la|la",
                "jug|juge",
                "~a|l'a",
                "dit|dit",
                "",
                "~les|les",
                "jug|juges",
                "jam|jamais",
                "",
                "fin|fin"
            ]
        );
        // English passages carry their mark; elisions stay in the surface.
        let segs = segments(
            "L’entreprise refuse toujours de remettre les données demandées par la justice.\nAs you use your Windows Phone and related services, we will collect some information.",
        );
        assert_eq!(segs[0], "entrepris|l'entreprise");
        assert!(segs.contains(&"servic|services|e".to_string()), "{segs:?}");
        assert!(segs.contains(&"~you|you|e".to_string()), "{segs:?}");
    }

    #[test]
    fn a_period_after_an_abbreviation_does_not_end_the_sentence() {
        for text in [
            "Les U.S. officials disent",
            "Selon M. Hollande hier",
            "Avec Mr. Smith et Mrs. Smith",
            "Le Dr. Dupont soigne",
            "La S.N.C.F. Voyageurs annonce",
            "Voir l'art. 5 du code, p. 12",
        ] {
            let segs = segments(text);
            assert!(!segs.contains(&String::new()), "{text}: {segs:?}");
        }
        for text in [
            "Il est venu. Le juge",
            "Fini ? Le juge",
            "Fini ! Le juge",
            "De l'art. Le juge",
            "Le plan ... M. Hollande",
            "Il vient M.. Hollande",
            "Il y en a. Le juge",
        ] {
            let segs = segments(text);
            assert_eq!(
                segs.iter().filter(|s| s.is_empty()).count(),
                1,
                "{text}: {segs:?}"
            );
        }
        assert!(!ends_sentence_after("M", ". ", "Hollande"));
        assert!(!ends_sentence_after("vol", ". ", "3"));
        assert!(ends_sentence_after("vol", ". ", "Le"));
        assert!(ends_sentence_after("juge", ". ", "Le"));
        assert!(ends_sentence_after("U.S", "? ", "Le"));
    }

    #[test]
    fn walk_finds_the_words_unicode_segmentation_finds() {
        const PALETTE: &[char] = &[
            'a', 'e', 'l', 'q', 'u', 's', 'L', 'é', 'à', 'ç', 'œ', 'ß', '\'', '’', '-', ' ', ' ',
            '\n', '.', ',', '!', '?', '1', '«', '»', '…', '\u{a0}', '\u{301}', 'я', '(', ':',
        ];
        let an = Analyzer::default();
        for text in crate::analysis::random_texts(PALETTE, 3000, 60, 0x2545_F491_4F6C_DD1D) {
            let (tokens, _) = an.analyze_document(&text);
            let mut got = Vec::new();
            let mut analysed = 0;
            walk_words(&text, &tokens, |w| {
                got.push((w.start, w.end));
                analysed += usize::from(w.token.is_some());
            });
            assert_eq!(analysed, tokens.len(), "{text:?}");
            let want: Vec<(usize, usize)> = text
                .split('\n')
                .scan(0, |off, line| {
                    let base = *off;
                    *off += line.len() + 1;
                    Some(
                        line.unicode_word_indices()
                            .map(move |(o, w)| (base + o, base + o + w.len()))
                            .collect::<Vec<_>>(),
                    )
                })
                .flatten()
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn stored_json_gives_back_articles_and_comments() {
        let mut a = Article {
            id: "a".into(),
            title: "T".into(),
            lede: Some("Chapô".into()),
            paragraphs: vec!["Un.".into(), String::new(), "Trois.".into()],
            ..Article::default()
        };
        for lede in [Some("Chapô".to_owned()), None] {
            a.lede = lede;
            let json = article_json(&a);
            assert!(!json.contains("Trois"));
            assert_eq!(stored_article(&json, &article_text(&a)).unwrap(), a);
        }
        // Paragraphs that cannot be cut back out of the text stay in the JSON.
        for paragraphs in [vec!["a\nb".to_owned()], vec![String::new()], vec![]] {
            a.paragraphs = paragraphs;
            let json = article_json(&a);
            assert_eq!(stored_article(&json, &article_text(&a)).unwrap(), a);
        }
        let c = Comment {
            id: "a#c1".into(),
            text: "Bien vu :)".into(),
            ..Comment::default()
        };
        let json = comment_json(&c);
        assert!(!json.contains("Bien vu"));
        assert_eq!(stored_comment(&json, &c.text).unwrap(), c);
    }

    #[test]
    fn minutes_between_dates() {
        let p: DateTime = "2014-09-01T16:45".parse().unwrap();
        let c: DateTime = "2014-09-02T19:06".parse().unwrap();
        assert_eq!(minutes_between(p, c), Some(1581));
        assert_eq!(minutes_between(c, p), Some(-1581));
    }
}
