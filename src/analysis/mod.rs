//! The one analysis chain used for indexing, querying, highlighting and term reports.
//!
//! Text is cut into words (UAX #29, `unicode-segmentation`), French elisions and English
//! possessives are removed, words are lowercased, dotted acronyms lose their periods ("U.S.A."
//! is "usa", never a stop word), stop words dropped, then each word gets two
//! index forms:
//! - `main` = fold(stem(word)): the stem computed on the accented word, then accents removed;
//! - `alt`  = stem(fold(word)): the stem computed on the accent-free word.
//!
//! A query word matches a document word when `fold(stem(q))` is the document word's `main` or
//! `stem(fold(q))` its `alt`. Whatever side carries the accents, one of the two agrees (see
//! `tests` in this module: "électricité" / "electricite"). The index keeps each word's `main`
//! (`store::schema::Fields::forms`) and the (`alt`, `main`) pairs that differ
//! (`store::schema::Fields::alt_map`), through which a query's `alt` form reaches `main` forms.

mod acronym;
mod chain;
mod elision;
pub mod entities;
mod fold;
mod hash;
mod lang;
mod lowercase;
mod possessive;
pub mod quote;
mod segment;
pub mod sentiment;
mod stem;
mod stop;
mod surface;
mod tokenize;

pub use chain::{Analyzer, Form, QuerySlot, QueryStop, QueryWord, surface_norm};
pub use fold::fold;
pub use lang::{detect, detect_passages, try_detect};
pub use segment::Segmenter;
pub use surface::{SurfaceWord, WordScanner};
pub use tokenize::MAX_WORD_LEN;

use compact_str::CompactString;

/// Version of the analysis chain; recorded in the index, a change asks for `ingest --rebuild`.
pub const ANALYZER_VERSION: u32 = 3;

/// Language of a passage.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Word position in the document; stop words and elided articles keep their slot, so
    /// phrases see the gaps.
    pub position: u32,
    /// Byte offset where the surface word starts (elided prefix included) in the analysed text.
    pub start: usize,
    /// Byte offset where the surface word ends.
    pub end: usize,
    /// fold(stem(word)) (inline: forms are short, so a word costs no allocation).
    pub main: CompactString,
    /// stem(fold(word)) when it differs from `main`, else empty (see [`Token::alt`]).
    pub alt: CompactString,
}

impl Token {
    /// stem(fold(word)).
    pub fn alt(&self) -> &str {
        if self.alt.is_empty() {
            &self.main
        } else {
            &self.alt
        }
    }
}

/// Random texts for property tests: `count` strings of fewer than `max_len` characters drawn
/// from `palette` by a xorshift generator started at `seed` (the same texts on every run).
#[cfg(test)]
pub(crate) fn random_texts(
    palette: &[char],
    count: usize,
    max_len: u64,
    seed: u64,
) -> impl Iterator<Item = String> + '_ {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count).map(move |_| {
        let len = (next() % max_len) as usize;
        (0..len)
            .map(|_| palette[(next() % palette.len() as u64) as usize])
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether query word `q` matches document word `d` as the index does:
    /// `main:fold(stem(q)) OR alt:stem(fold(q))`.
    fn matches(q: &str, d: &str) -> bool {
        let mut doc = Vec::new();
        Analyzer::default().analyze(d, Lang::Fr, 0, 0, &mut doc);
        let query = Analyzer::default().analyze_query(q);
        doc.len() == 1
            && query.len() == 1
            && query[0].forms.iter().any(|(f, x, _)| match f {
                Form::Main => *x == doc[0].main,
                Form::Alt => *x == doc[0].alt(),
            })
    }

    #[test]
    fn accents_on_either_side() {
        let mut doc = Vec::new();
        Analyzer::default().analyze("électricité", Lang::Fr, 0, 0, &mut doc);
        assert_eq!(
            (doc[0].main.as_str(), doc[0].alt()),
            ("electr", "electricit")
        );
        for (q, d) in [
            ("électricité", "electricite"),
            ("electricite", "électricité"),
            ("électricité", "électricité"),
            ("electricite", "electricite"),
        ] {
            assert!(matches(q, d), "{q} / {d}");
        }
    }
}
