//! The search language: words, "phrases", -exclusion, OR, parentheses.
//!
//! Words next to each other must all match (AND). Apostrophes are part of words
//! ("l'entreprise"), never syntax. Each word is analysed by the French and the English chains and
//! matches either, accent-insensitively (see [`crate::analysis`]).

use std::collections::{BTreeMap, BTreeSet};

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, EnableScoring, Occur, Query, RegexPhraseQuery,
    RegexQuery, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::document::{EN_MARK, FORM_SEP, STOP_MARK};
use super::schema::Fields;
use crate::analysis::{Analyzer, Form, Lang, QuerySlot, QueryStop, QueryWord};

/// Weight of a match in the title, subtitle or headings against one in the text.
pub const TITLE_BOOST: f32 = 2.0;

/// A syntax error in a query, with the character column where it was noticed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("query syntax error at column {column}: {message}")]
pub struct SyntaxError {
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A bare word (may analyse into several words, e.g. "États-Unis", then a phrase).
    Word(String),
    /// A quoted phrase.
    Phrase(String),
    /// All positive clauses must match, no negative one may.
    And(Vec<(bool, Node)>),
    /// Any of these.
    Or(Vec<Node>),
    /// `*`: every document (to list what the filters select).
    All,
}

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    Word(String),
    Phrase(String),
    Open,
    Close,
    Or,
    Not,
}

fn lex(input: &str) -> Result<Vec<(usize, Lex)>, SyntaxError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() || c.is_control() {
            i += 1;
        } else if c == '"' || c == '“' || c == '”' || c == '«' || c == '»' {
            let close: &[char] = match c {
                '«' => &['»'],
                '“' => &['”', '"'],
                _ => &['"', '”'],
            };
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && !close.contains(&chars[j]) {
                j += 1;
            }
            if j >= chars.len() {
                return Err(SyntaxError {
                    column: col,
                    message: "this quote is never closed".into(),
                });
            }
            out.push((col, Lex::Phrase(chars[start..j].iter().collect())));
            i = j + 1;
        } else if c == '(' {
            out.push((col, Lex::Open));
            i += 1;
        } else if c == ')' {
            out.push((col, Lex::Close));
            i += 1;
        } else if c == '-' && i + 1 < chars.len() && !chars[i + 1].is_whitespace() {
            out.push((col, Lex::Not));
            i += 1;
        } else if c == '+' && i + 1 < chars.len() && !chars[i + 1].is_whitespace() {
            i += 1;
        } else {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !chars[i].is_control()
                && !matches!(chars[i], '(' | ')' | '"' | '“' | '”' | '«' | '»')
            {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            match w.as_str() {
                "OR" | "|" | "||" => out.push((col, Lex::Or)),
                "AND" | "&&" => {}
                "NOT" | "!" => out.push((col, Lex::Not)),
                _ => out.push((col, Lex::Word(w))),
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Lex)>,
    i: usize,
    end_col: usize,
}

impl Parser {
    fn col(&self) -> usize {
        self.toks.get(self.i).map_or(self.end_col, |t| t.0)
    }

    /// Alternatives separated by OR. An exclusion applies to the whole group it is in, as in
    /// Lucene: `a OR b -c` is `(a OR b) -c`.
    fn or(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let mut alts = vec![self.and(depth)?];
        while let Some((_, Lex::Or)) = self.toks.get(self.i) {
            self.i += 1;
            alts.push(self.and(depth)?);
        }
        if alts.len() == 1 {
            return Ok(alts.pop().unwrap_or(Node::And(vec![])));
        }
        let mut excluded = Vec::new();
        let mut positive = Vec::new();
        for alt in alts {
            match alt {
                Node::And(clauses) if clauses.iter().any(|c| c.0) => {
                    let (neg, mut pos): (Vec<_>, Vec<_>) = clauses.into_iter().partition(|c| c.0);
                    excluded.extend(neg);
                    match pos.len() {
                        0 => {}
                        1 => positive.extend(pos.pop().map(|c| c.1)),
                        _ => positive.push(Node::And(pos)),
                    }
                }
                alt => positive.push(alt),
            }
        }
        if excluded.is_empty() {
            return Ok(Node::Or(positive));
        }
        let mut clauses = Vec::with_capacity(1 + excluded.len());
        match positive.len() {
            0 => {}
            1 => clauses.extend(positive.pop().map(|n| (false, n))),
            _ => clauses.push((false, Node::Or(positive))),
        }
        clauses.extend(excluded);
        Ok(Node::And(clauses))
    }

    fn and(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let mut clauses = Vec::new();
        loop {
            let col = self.col();
            match self.toks.get(self.i).cloned() {
                None => break,
                Some((_, Lex::Or)) if clauses.is_empty() => {
                    return Err(SyntaxError {
                        column: col,
                        message: "OR needs a word on each side".into(),
                    });
                }
                Some((_, Lex::Or)) => break,
                Some((_, Lex::Close)) if depth > 0 => break,
                Some((_, Lex::Close)) => {
                    return Err(SyntaxError {
                        column: col,
                        message: "this parenthesis closes nothing".into(),
                    });
                }
                Some(_) => {
                    let mut neg = false;
                    if let Some((_, Lex::Not)) = self.toks.get(self.i) {
                        neg = true;
                        self.i += 1;
                    }
                    clauses.push((neg, self.atom(depth)?));
                }
            }
        }
        if clauses.is_empty() {
            return Err(SyntaxError {
                column: self.col(),
                message: if self.toks.is_empty() {
                    "the query is empty".into()
                } else {
                    "a word is missing here".into()
                },
            });
        }
        Ok(if clauses.len() == 1 && !clauses[0].0 {
            clauses.pop().map(|c| c.1).unwrap_or(Node::And(vec![]))
        } else {
            Node::And(clauses)
        })
    }

    fn atom(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let col = self.col();
        match self.toks.get(self.i).cloned() {
            Some((_, Lex::Word(w))) if w == "*" => {
                self.i += 1;
                Ok(Node::All)
            }
            Some((_, Lex::Word(w))) => {
                self.i += 1;
                Ok(Node::Word(w))
            }
            Some((_, Lex::Phrase(p))) => {
                self.i += 1;
                Ok(Node::Phrase(p))
            }
            Some((_, Lex::Open)) => {
                self.i += 1;
                if depth > 32 {
                    return Err(SyntaxError {
                        column: col,
                        message: "parentheses nest too deep".into(),
                    });
                }
                let inner = self.or(depth + 1)?;
                match self.toks.get(self.i) {
                    Some((_, Lex::Close)) => {
                        self.i += 1;
                        Ok(inner)
                    }
                    _ => Err(SyntaxError {
                        column: col,
                        message: "this parenthesis is never closed".into(),
                    }),
                }
            }
            Some((_, Lex::Not)) => Err(SyntaxError {
                column: col,
                message: "'-' or NOT must be followed by a word".into(),
            }),
            _ => Err(SyntaxError {
                column: col,
                message: "a word is missing here".into(),
            }),
        }
    }
}

/// Parses a query string.
pub fn parse(input: &str) -> Result<Node, SyntaxError> {
    let toks = lex(input)?;
    let mut p = Parser {
        toks,
        i: 0,
        end_col: input.chars().count() + 1,
    };
    let node = p.or(0)?;
    if p.i < p.toks.len() {
        return Err(SyntaxError {
            column: p.col(),
            message: "unexpected text".into(),
        });
    }
    Ok(node)
}

/// Analysed forms, each with the languages of the passages where it matches: a form the
/// French chain gave matches French passages, one the English chain gave English passages
/// (as in search: the English stem of "national" is no match for a French "nations").
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LangForms(BTreeMap<String, u8>);

impl LangForms {
    /// The bit of a language in the masks (`None`: both).
    fn bit(lang: Option<Lang>) -> u8 {
        match lang {
            None => 3,
            Some(Lang::Fr) => 1,
            Some(Lang::En) => 2,
        }
    }

    /// Adds `form`, matched in passages of `lang` (`None`: any).
    pub fn insert(&mut self, form: String, lang: Option<Lang>) {
        *self.0.entry(form).or_insert(0) |= Self::bit(lang);
    }

    /// The `kind` forms of a query word, each in the language of the chain that gave it.
    pub fn of(word: &QueryWord, kind: Form) -> LangForms {
        let mut out = LangForms::default();
        for (k, s, l) in &word.forms {
            if *k == kind {
                out.insert(s.clone(), *l);
            }
        }
        out
    }

    /// Adds the forms of `other`.
    pub fn extend(&mut self, other: LangForms) {
        for (form, bits) in other.0 {
            *self.0.entry(form).or_insert(0) |= bits;
        }
    }

    /// Whether `form` matches in a passage in `lang`.
    pub fn matches(&self, form: &str, lang: Lang) -> bool {
        self.0
            .get(form)
            .is_some_and(|&bits| bits & Self::bit(Some(lang)) != 0)
    }

    /// Whether there is no form.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Analysed forms a hit must contain to be highlighted.
#[derive(Debug, Default, Clone)]
pub struct Highlights {
    /// `main` forms of the positive words searched alone.
    pub main: LangForms,
    /// `alt` forms of the positive words searched alone.
    pub alt: LangForms,
    /// Positive phrases (and words the analysis cuts in several, such as "États-Unis"): their
    /// words are highlighted where they follow each other as in the query, nowhere else.
    pub phrases: Vec<Vec<PhraseWord>>,
    /// The language of the passages searched (`None`: any): words elsewhere are not matches.
    pub lang: Option<Lang>,
}

/// One word of a highlighted phrase.
#[derive(Debug, Default, Clone)]
pub struct PhraseWord {
    /// Position after the phrase's first word (stop words count).
    pub offset: u32,
    /// Its `main` forms.
    pub main: LangForms,
    /// Its `alt` forms.
    pub alt: LangForms,
    /// The stop word it is where the text has a stop word.
    pub stop: Option<QueryStop>,
}

impl Highlights {
    /// Adds the words of one positive word or phrase of the query: a word alone that is no
    /// stop word is highlighted wherever it is, the others as a phrase.
    fn add_slots(&mut self, slots: &[QuerySlot]) {
        if let [only] = slots
            && only.stop.is_none()
        {
            self.add(std::slice::from_ref(&only.word));
            return;
        }
        let first = slots.first().map_or(0, |s| s.word.position);
        self.phrases.push(
            slots
                .iter()
                .map(|s| PhraseWord {
                    offset: s.word.position - first,
                    main: LangForms::of(&s.word, Form::Main),
                    alt: LangForms::of(&s.word, Form::Alt),
                    stop: s.stop.clone(),
                })
                .collect(),
        );
    }

    /// Adds the analysed words of one positive word or phrase of the query.
    fn add(&mut self, words: &[QueryWord]) {
        match words {
            [w] => {
                self.main.extend(LangForms::of(w, Form::Main));
                self.alt.extend(LangForms::of(w, Form::Alt));
            }
            _ => {
                let first = words.first().map_or(0, |w| w.position);
                self.phrases.push(
                    words
                        .iter()
                        .map(|w| PhraseWord {
                            offset: w.position - first,
                            main: LangForms::of(w, Form::Main),
                            alt: LangForms::of(w, Form::Alt),
                            stop: None,
                        })
                        .collect(),
                );
            }
        }
    }
}

/// A query compiled for the index, with what to highlight.
pub struct Compiled {
    /// The tantivy query (filters not included).
    pub query: Box<dyn Query>,
    /// Forms to highlight in hits.
    pub highlights: Highlights,
    /// False when every word was a stop word: nothing to search.
    pub searchable: bool,
}

/// When every word the query asks for outside quotes is a stop word (of French or English),
/// what to tell a user who found nothing: search skips such words, a quoted phrase or `kwic`
/// finds them.
pub fn stop_word_note(node: &Node, an: &Analyzer) -> Option<String> {
    /// Pushes the positive unquoted words of `node`; false when it holds a positive phrase or
    /// `*` (then the query asked for more than stop words).
    fn unquoted<'n>(node: &'n Node, out: &mut Vec<&'n str>) -> bool {
        match node {
            Node::Word(t) => {
                out.push(t);
                true
            }
            Node::Phrase(_) | Node::All => false,
            Node::Or(alts) => alts.iter().all(|n| unquoted(n, out)),
            Node::And(clauses) => clauses
                .iter()
                .filter(|(neg, _)| !neg)
                .all(|(_, n)| unquoted(n, out)),
        }
    }
    let mut texts = Vec::new();
    if !unquoted(node, &mut texts) {
        return None;
    }
    let mut words = Vec::new();
    for t in texts {
        let slots = an.analyze_query_phrase(t);
        if slots.is_empty() || slots.iter().any(|s| s.stop.is_none()) {
            return None;
        }
        words.extend(slots.into_iter().map(|s| s.word.surface));
    }
    let joined = words.join(" ");
    let listed: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    Some(format!(
        "every word of the query is a stop word ({}): search leaves stop words out unless they \
         are quoted (one that is a stop word in a single language is looked for in the other \
         only); to find them as written, search for the phrase: kiosque search {}, or see them \
         in context: kiosque kwic {}",
        listed.join(", "),
        shell_quote(&format!("\"{joined}\"")),
        shell_quote(&joined),
    ))
}

/// `arg` quoted for a POSIX shell: in single quotes, each `'` written `'\''` (close the quotes,
/// an escaped quote, open them again).
pub fn shell_quote(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', "'\\''"))
}

/// Whether the query asks for words (not only `*`, with exclusions or not).
pub fn has_words(node: &Node) -> bool {
    match node {
        Node::Word(_) | Node::Phrase(_) => true,
        Node::All => false,
        Node::Or(alts) => alts.iter().any(has_words),
        Node::And(clauses) => clauses.iter().any(|(neg, n)| !neg && has_words(n)),
    }
}

/// Compiles a parsed query against the schema.
pub fn compile(node: &Node, fields: &Fields, analyzer: &Analyzer) -> Compiled {
    compile_in(node, fields, analyzer, None)
}

/// Compiles a parsed query whose words match only in passages of `lang` (`None`: any).
pub fn compile_in(
    node: &Node,
    fields: &Fields,
    analyzer: &Analyzer,
    lang: Option<Lang>,
) -> Compiled {
    let mut hl = Highlights {
        lang,
        ..Highlights::default()
    };
    let q = build(node, fields, analyzer, &mut hl, false, true);
    match q {
        Some(query) => Compiled {
            query,
            highlights: hl,
            searchable: true,
        },
        None => Compiled {
            query: Box::new(EmptyQuery),
            highlights: hl,
            searchable: false,
        },
    }
}

/// Compiles `node`; `alone`: it is the only word the query requires there (a word among others
/// drops the stop words of either language, one alone only those of both: "but").
fn build(
    node: &Node,
    f: &Fields,
    an: &Analyzer,
    hl: &mut Highlights,
    negated: bool,
    alone: bool,
) -> Option<Box<dyn Query>> {
    match node {
        Node::All => Some(Box::new(AllQuery)),
        Node::Word(t) | Node::Phrase(t) => {
            let words = an.analyze_query_words(t, alone);
            // A phrase (or a word the analysis cuts in several, "États-Unis") matches its stop
            // words as written.
            let slots = if matches!(node, Node::Phrase(_)) || words.len() > 1 {
                an.analyze_query_phrase(t)
            } else {
                words
                    .into_iter()
                    .map(|word| QuerySlot { word, stop: None })
                    .collect()
            };
            if slots.is_empty() {
                return None;
            }
            if !negated {
                hl.add_slots(&slots);
            }
            Some(words_query(&slots, f, hl.lang))
        }
        Node::Or(alts) => {
            let subs: Vec<Box<dyn Query>> = alts
                .iter()
                .filter_map(|n| build(n, f, an, hl, negated, alone))
                .collect();
            match subs.len() {
                0 => None,
                1 => subs.into_iter().next(),
                _ => Some(Box::new(BooleanQuery::union(subs))),
            }
        }
        Node::And(clauses) => {
            let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut positive = 0;
            let required = clauses.iter().filter(|(neg, _)| !neg).count();
            for (neg, n) in clauses {
                let alone = *neg || (alone && required == 1);
                if let Some(q) = build(n, f, an, hl, negated ^ *neg, alone) {
                    if *neg {
                        subs.push((Occur::MustNot, q));
                    } else {
                        positive += 1;
                        subs.push((Occur::Must, q));
                    }
                }
            }
            if subs.is_empty() {
                return None;
            }
            if positive == 0 {
                subs.push((Occur::Must, Box::new(AllQuery)));
            }
            Some(Box::new(BooleanQuery::new(subs)))
        }
    }
}

/// The byte after [`FORM_SEP`]: a `forms` key's terms are the range `key FORM_SEP ..
/// key FORM_END`.
const FORM_END: char = '\u{3}';

/// One phrase (or one word) of a query, matched against the `forms` field (every surface form
/// of the word's index forms, stop words in their slots) and the boosted `title_main` field.
/// The alternative forms of each word are resolved against the index's term dictionaries when
/// the query is weighed: `alt` forms through the `alt_map` field to the `main` forms they stand
/// for, `main` forms to the `forms` terms that carry them.
#[derive(Debug, Clone)]
struct WordsQuery {
    /// The words, in order.
    words: Vec<SlotForms>,
    /// The schema's `forms` field.
    forms: Field,
    /// The schema's `title_main` field.
    title: Field,
    /// The schema's `alt_map` field.
    alt_map: Field,
    /// The language of the passages matched (`None`: any).
    lang: Option<Lang>,
}

/// A query form and the language of the passages it is matched in (`None`: any).
type LangForm = (String, Option<Lang>);

/// One word of a [`WordsQuery`]: offset in the phrase, `main` forms, `alt` forms, each with the
/// language of the chain that gave it (`None`: both), and the stop word it matches where the
/// index has a stop word (phrases only).
type SlotForms = (usize, Vec<LangForm>, Vec<LangForm>, Option<QueryStop>);

/// `main` forms and the language of the passages each is matched in (`None`: any): a form the
/// French chain gave is matched in French passages only, one the English chain gave in English
/// passages only, so that "national" does not find "nations" through its English stem.
type Mains = BTreeMap<String, Option<Lang>>;

/// Adds `form` for `lang` to `mains` (a form given for two languages is matched in any).
fn add_main(mains: &mut Mains, form: &str, lang: Option<Lang>) {
    mains
        .entry(form.to_owned())
        .and_modify(|l| {
            if *l != lang {
                *l = None;
            }
        })
        .or_insert(lang);
}

/// Whether a `forms` term (`key FORM_SEP lower [FORM_SEP EN_MARK]`) may match a form given for
/// `lang`.
fn term_in(term: &str, lang: Option<Lang>) -> bool {
    let english = term
        .strip_suffix(EN_MARK)
        .is_some_and(|t| t.ends_with(FORM_SEP));
    match lang {
        None => true,
        Some(Lang::En) => english,
        Some(Lang::Fr) => !english,
    }
}

/// A regular expression matching exactly the `forms` terms of `mains` in their languages.
fn forms_pattern(mains: &Mains) -> String {
    let of = |lang: Option<Lang>| {
        mains
            .iter()
            .filter(move |(_, l)| **l == lang)
            .map(|(m, _)| m)
    };
    let mut parts = Vec::new();
    if of(None).next().is_some() {
        parts.push(format!("{}{FORM_SEP}.*", alternation(of(None))));
    }
    if of(Some(Lang::Fr)).next().is_some() {
        parts.push(format!(
            "{}{FORM_SEP}[^{FORM_SEP}]*",
            alternation(of(Some(Lang::Fr)))
        ));
    }
    if of(Some(Lang::En)).next().is_some() {
        parts.push(format!(
            "{}{FORM_SEP}[^{FORM_SEP}]*{FORM_SEP}{EN_MARK}",
            alternation(of(Some(Lang::En)))
        ));
    }
    format!("(?:{})", parts.join("|"))
}

/// The terms of `field` keyed by `key` (`key FORM_SEP …`), in every segment.
fn terms_keyed(
    searcher: &Searcher,
    field: Field,
    key: &str,
    out: &mut BTreeSet<String>,
) -> tantivy::Result<()> {
    let (start, end) = (format!("{key}{FORM_SEP}"), format!("{key}{FORM_END}"));
    for seg in searcher.segment_readers() {
        let inv = seg.inverted_index(field)?;
        let mut stream = inv.terms().range().ge(&start).lt(&end).into_stream()?;
        while stream.advance() {
            if let Ok(t) = std::str::from_utf8(stream.key()) {
                out.insert(t.to_owned());
            }
        }
    }
    Ok(())
}

/// The key of a stop word's `forms` terms (`STOP_MARK key FORM_SEP lower [FORM_SEP EN_MARK]`).
fn stop_term_key(stop: &QueryStop) -> String {
    format!("{STOP_MARK}{}", stop.key)
}

/// Whether a `forms` term of `stop`'s key has the surface `stop` asks for.
fn stop_surface_ok(term: &str, stop: &QueryStop) -> bool {
    let Some(exact) = &stop.exact else {
        return true;
    };
    let prefix_len = stop_term_key(stop).len() + FORM_SEP.len_utf8();
    term.get(prefix_len..)
        .and_then(|rest| rest.split(FORM_SEP).next())
        .is_some_and(|surface| surface == exact)
}

/// A regular expression matching exactly the `forms` terms of the stop word `stop` in passages
/// of `lang` (`None`: any).
fn stop_pattern(stop: &QueryStop, lang: Option<Lang>) -> String {
    let surface = match &stop.exact {
        Some(exact) => regex::escape(exact),
        None => format!("[^{FORM_SEP}]*"),
    };
    let mark = match lang {
        None => format!("(?:{FORM_SEP}{EN_MARK})?"),
        Some(Lang::En) => format!("{FORM_SEP}{EN_MARK}"),
        Some(Lang::Fr) => String::new(),
    };
    format!(
        "{STOP_MARK}{}{FORM_SEP}{surface}{mark}",
        regex::escape(&stop.key)
    )
}

/// A regular expression matching the `forms` terms of one phrase word: its `mains` in their
/// languages, or its stop word in passages of `lang` (`None`: any).
fn slot_pattern(mains: &Mains, stop: Option<&QueryStop>, lang: Option<Lang>) -> String {
    match (mains.is_empty(), stop) {
        (_, None) => forms_pattern(mains),
        (true, Some(stop)) => stop_pattern(stop, lang),
        (false, Some(stop)) => format!("(?:{}|{})", forms_pattern(mains), stop_pattern(stop, lang)),
    }
}

/// BM25's inverse document frequency (as tantivy computes it) of a term found in `freq` of
/// `docs` documents.
fn idf(freq: u64, docs: u64) -> f32 {
    let x = (docs.saturating_sub(freq) as f32 + 0.5) / (freq as f32 + 0.5);
    (1.0 + x).ln()
}

/// A regular expression matching exactly one of `words`.
fn alternation<'w>(words: impl IntoIterator<Item = &'w String>) -> String {
    alternation_of(words.into_iter().map(String::as_str))
}

/// A regular expression matching exactly one of `words`.
fn alternation_of<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let parts: Vec<String> = words.into_iter().map(regex::escape).collect();
    format!("(?:{})", parts.join("|"))
}

impl WordsQuery {
    /// The `main` forms each word may have in the index, for a query weighed without a
    /// searcher: its own and its `alt` forms (a word whose two forms agree has no `alt_map`
    /// pair).
    fn mains(&self) -> Vec<Mains> {
        self.words
            .iter()
            .map(|(_, main, alt, _)| {
                let mut set = Mains::new();
                for (form, lang) in main.iter().chain(alt) {
                    add_main(&mut set, form, *lang);
                }
                if let Some(only) = self.lang {
                    set.retain(|_, l| l.is_none_or(|l| l == only));
                    set.values_mut().for_each(|l| *l = Some(only));
                }
                set
            })
            .collect()
    }

    /// The `forms` terms of the index one word of the query matches: those of its `main`
    /// forms; those of a word whose `alt` form is one of its `alt` forms (found under the
    /// `main` forms the `alt_map` pairs it with, and under the `alt` form itself), each in the
    /// language of the chain that gave the form; and those of its stop word.
    fn word_terms(
        &self,
        searcher: &Searcher,
        an: &Analyzer,
        (_, main, alt, stop): &SlotForms,
    ) -> tantivy::Result<BTreeSet<String>> {
        let mut out = BTreeSet::new();
        let mut keyed = BTreeSet::new();
        for (m, lang) in main {
            keyed.clear();
            terms_keyed(searcher, self.forms, m, &mut keyed)?;
            out.extend(keyed.iter().filter(|t| term_in(t, *lang)).cloned());
        }
        if !alt.is_empty() {
            let mut under = BTreeSet::new();
            let mut pairs = BTreeSet::new();
            for (a, _) in alt {
                under.insert(a.clone());
                pairs.clear();
                terms_keyed(searcher, self.alt_map, a, &mut pairs)?;
                under.extend(
                    pairs
                        .iter()
                        .filter_map(|p| p.split_once(FORM_SEP))
                        .map(|(_, m)| m.to_owned()),
                );
            }
            // A `main` form is shared by words whose `alt` forms differ ("justicié" and
            // "justicier"): only the words with the asked `alt` form match.
            for m in &under {
                keyed.clear();
                terms_keyed(searcher, self.forms, m, &mut keyed)?;
                for t in &keyed {
                    if !out.contains(t)
                        && alt
                            .iter()
                            .any(|(a, lang)| term_in(t, *lang) && term_has_alt(an, t, a))
                    {
                        out.insert(t.clone());
                    }
                }
            }
        }
        if let Some(stop) = stop {
            keyed.clear();
            terms_keyed(searcher, self.forms, &stop_term_key(stop), &mut keyed)?;
            out.extend(keyed.into_iter().filter(|t| stop_surface_ok(t, stop)));
        }
        if self.lang.is_some() {
            out.retain(|t| term_in(t, self.lang));
        }
        Ok(out)
    }

    /// The query over concrete terms (regular expressions without a searcher).
    fn resolve(&self, searcher: Option<&Searcher>) -> tantivy::Result<Box<dyn Query>> {
        let Some(searcher) = searcher else {
            return self.resolve_patterns();
        };
        let an = Analyzer::default();
        let terms = self
            .words
            .iter()
            .map(|w| self.word_terms(searcher, &an, w))
            .collect::<tantivy::Result<Vec<_>>>()?;
        if terms.iter().any(BTreeSet::is_empty) {
            return Ok(Box::new(EmptyQuery));
        }
        // The `main` forms of the words matched (stop words aside), for the title's boost.
        let title_mains: Vec<BTreeSet<&str>> = terms
            .iter()
            .map(|ts| {
                ts.iter()
                    .filter(|t| !t.starts_with(STOP_MARK))
                    .filter_map(|t| t.split(FORM_SEP).next())
                    .collect()
            })
            .collect();
        let title_term = |m: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(self.title, m),
                IndexRecordOption::WithFreqs,
            ))
        };
        if let [only] = terms.as_slice() {
            // Every written form of the word weighs as the word: BM25's rarity is the
            // word's (its forms' documents together), not each form's, so that one
            // rare spelling ("chevalé") does not outrank the word repeated.
            let terms: Vec<Term> = only
                .iter()
                .map(|t| Term::from_field_text(self.forms, t))
                .collect();
            let freqs = terms
                .iter()
                .map(|t| searcher.doc_freq(t))
                .collect::<tantivy::Result<Vec<u64>>>()?;
            let docs: u64 = searcher
                .segment_readers()
                .iter()
                .map(|s| u64::from(s.max_doc()))
                .sum();
            let word_idf = idf(freqs.iter().sum::<u64>().min(docs), docs);
            let mut subs: Vec<Box<dyn Query>> = Vec::with_capacity(terms.len());
            for (t, freq) in terms.into_iter().zip(freqs) {
                let q = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                let own = idf(freq.min(docs), docs);
                subs.push(if own > 0.0 {
                    Box::new(BoostQuery::new(q, word_idf / own))
                } else {
                    q
                });
            }
            // The title's words are in `forms` too: the title only weighs.
            let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                vec![(Occur::Must, Box::new(BooleanQuery::union(subs)))];
            for m in title_mains.iter().flatten() {
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(title_term(m), TITLE_BOOST)),
                ));
            }
            return Ok(Box::new(BooleanQuery::new(clauses)));
        }
        let first = self.words.first().map_or(0, |w| w.0);
        let text: Vec<(usize, String)> = self
            .words
            .iter()
            .zip(&terms)
            .map(|((o, ..), ts)| (o - first, alternation(ts)))
            .collect();
        let phrase: Box<dyn Query> = Box::new(RegexPhraseQuery::new_with_offset(self.forms, text));
        // The title (whose words are in `forms` too) only weighs: it has no stop words to
        // check.
        let title: Vec<(usize, String)> = self
            .words
            .iter()
            .zip(&title_mains)
            .filter(|(_, m)| !m.is_empty())
            .map(|((o, ..), m)| (o - first, alternation_of(m.iter().copied())))
            .collect();
        let boost: Option<Box<dyn Query>> = match title.len() {
            0 => None,
            1 => Some(Box::new(BooleanQuery::union(
                title_mains
                    .iter()
                    .flatten()
                    .map(|m| title_term(m))
                    .collect(),
            ))),
            _ => Some(Box::new(RegexPhraseQuery::new_with_offset(
                self.title, title,
            ))),
        };
        Ok(phrase_with_boost(phrase, boost))
    }

    /// The query as regular expressions over the `forms` terms of the words' `main` and `alt`
    /// forms, for a query weighed without a searcher (no `alt_map` to look in).
    fn resolve_patterns(&self) -> tantivy::Result<Box<dyn Query>> {
        let mains = self.mains();
        if let [only] = mains.as_slice() {
            let stop = self.words.first().and_then(|w| w.3.as_ref());
            let text: Box<dyn Query> = Box::new(RegexQuery::from_pattern(
                &slot_pattern(only, stop, self.lang),
                self.forms,
            )?);
            let boost: Box<dyn Query> = Box::new(BooleanQuery::union(
                only.keys()
                    .map(|m| -> Box<dyn Query> {
                        Box::new(TermQuery::new(
                            Term::from_field_text(self.title, m),
                            IndexRecordOption::WithFreqs,
                        ))
                    })
                    .collect(),
            ));
            return Ok(phrase_with_boost(text, Some(boost)));
        }
        let first = self.words.first().map_or(0, |w| w.0);
        let text: Vec<(usize, String)> = self
            .words
            .iter()
            .zip(&mains)
            .map(|((o, _, _, stop), m)| (o - first, slot_pattern(m, stop.as_ref(), self.lang)))
            .collect();
        Ok(Box::new(RegexPhraseQuery::new_with_offset(
            self.forms, text,
        )))
    }
}

/// `text` required, `boost` (a match in the title) adding [`TITLE_BOOST`] times its score.
fn phrase_with_boost(text: Box<dyn Query>, boost: Option<Box<dyn Query>>) -> Box<dyn Query> {
    let mut clauses = vec![(Occur::Must, text)];
    if let Some(boost) = boost {
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(boost, TITLE_BOOST)) as Box<dyn Query>,
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Whether the word of a `forms` term (`main FORM_SEP surface [FORM_SEP EN_MARK]`) has the
/// `alt` form `alt`: its surface analysed again in its passage's language. A surface that
/// does not analyse back into the term's `main` form is given the benefit of the doubt.
fn term_has_alt(an: &Analyzer, term: &str, alt: &str) -> bool {
    let mut parts = term.split(FORM_SEP);
    let (Some(main), Some(surface)) = (parts.next(), parts.next()) else {
        return true;
    };
    let lang = match parts.next() {
        Some(mark) if mark.starts_with(EN_MARK) => Lang::En,
        _ => Lang::Fr,
    };
    let mut tokens = Vec::new();
    an.analyze(surface, lang, 0, 0, &mut tokens);
    match tokens.as_slice() {
        [t] if t.main == main => t.alt() == alt,
        _ => true,
    }
}

impl Query for WordsQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        self.resolve(scoring.searcher())?.weight(scoring)
    }
}

fn words_query(slots: &[QuerySlot], f: &Fields, lang: Option<Lang>) -> Box<dyn Query> {
    let pick = |w: &QueryWord, kind: Form| -> Vec<LangForm> {
        w.forms
            .iter()
            .filter(|(k, _, _)| *k == kind)
            .map(|(_, s, l)| (s.clone(), *l))
            .collect()
    };
    Box::new(WordsQuery {
        words: slots
            .iter()
            .map(|s| {
                (
                    s.word.position as usize,
                    pick(&s.word, Form::Main),
                    pick(&s.word, Form::Alt),
                    s.stop.clone(),
                )
            })
            .collect(),
        forms: f.forms,
        title: f.title_main,
        alt_map: f.alt_map,
        lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Node {
        Node::Word(s.into())
    }

    #[test]
    fn words_are_and() {
        assert_eq!(
            parse("mandat perquisition").unwrap(),
            Node::And(vec![(false, w("mandat")), (false, w("perquisition"))])
        );
    }

    #[test]
    fn apostrophes_are_words() {
        for q in ["l'entreprise", "qu’Apple", "'", "’’", "aujourd'hui l’été"] {
            assert!(parse(q).is_ok(), "{q}");
        }
    }

    #[test]
    fn phrases_or_not_groups() {
        assert_eq!(
            parse("\"mandat de perquisition\" OR juge").unwrap(),
            Node::Or(vec![
                Node::Phrase("mandat de perquisition".into()),
                w("juge")
            ])
        );
        // An exclusion applies to the whole group, whichever alternative it is written in.
        let excluded = Node::And(vec![
            (
                false,
                Node::Or(vec![
                    Node::Phrase("mandat de perquisition".into()),
                    w("juge"),
                ]),
            ),
            (true, w("Preska")),
        ]);
        assert_eq!(
            parse("\"mandat de perquisition\" OR juge -Preska").unwrap(),
            excluded
        );
        assert_eq!(
            parse("-Preska \"mandat de perquisition\" OR juge").unwrap(),
            excluded
        );
        assert_eq!(
            parse("(avocat OR partial -juge) Microsoft").unwrap(),
            Node::And(vec![
                (
                    false,
                    Node::And(vec![
                        (false, Node::Or(vec![w("avocat"), w("partial")])),
                        (true, w("juge")),
                    ])
                ),
                (false, w("Microsoft")),
            ])
        );
        // NOT excludes, as in Lucene and Xapian; AND is the default anyway.
        for q in ["juge NOT avocat", "juge AND NOT avocat", "juge -avocat"] {
            assert_eq!(
                parse(q).unwrap(),
                Node::And(vec![(false, w("juge")), (true, w("avocat"))]),
                "{q}"
            );
        }
        assert!(parse("juge NOT").is_err());
        assert!(parse("(juge OR avocat) Microsoft").is_ok());
        assert!(parse("«Vous ne passerez pas»").is_ok());
        assert_eq!(parse("*").unwrap(), Node::All);
    }

    #[test]
    fn syntax_errors_have_columns() {
        assert_eq!(parse("\"abc").unwrap_err().column, 1);
        assert_eq!(parse("abc )").unwrap_err().column, 5);
        assert!(parse("(abc").is_err());
        assert!(parse("OR abc").is_err());
        assert!(parse("abc OR").is_err());
        assert!(parse("").is_err());
        assert!(parse("   ").is_err());
        assert!(parse("a -").is_ok());
    }

    #[test]
    fn the_stop_word_note_gives_commands_a_shell_runs() {
        let an = Analyzer::default();
        let note = |q: &str| stop_word_note(&parse(q).unwrap(), &an).unwrap();
        let n = note("jusqu'à");
        assert!(n.contains(r#"kiosque search '"jusqu'\''à"', "#), "{n}");
        assert!(n.ends_with(r"kiosque kwic 'jusqu'\''à'"), "{n}");
        assert!(note("de la").contains(r#"kiosque search '"de la"', "#));
        // What a shell makes of the quoted words is the words.
        for arg in ["\"jusqu'à\"", "l'a d'un", "''", "a\\b $x `y` \"z\"", ""] {
            let out = std::process::Command::new("sh")
                .args(["-c", &format!("printf %s {}", shell_quote(arg))])
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), arg);
        }
    }

    #[test]
    fn hostile_strings_never_panic() {
        let long = "a".repeat(10_000);
        let nested = "(".repeat(100);
        for q in [
            long.as_str(),
            nested.as_str(),
            "\u{0}\u{1}\u{7f}",
            "-(-(-a))",
            "a:b title:c",
            "\"\"",
            "((()))",
            "OR OR",
            "- - -",
        ] {
            let _ = parse(q);
        }
    }
}
