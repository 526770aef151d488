//! The one analysis chain used for indexing, querying, highlighting and term reports.
//!
//! Text is cut into words (UAX #29, `unicode-segmentation`), French elisions and English
//! possessives are removed, words are lowercased, stop words dropped, then each word gets two
//! index forms:
//! - `main` = fold(stem(word)): the stem computed on the accented word, then accents removed;
//! - `alt`  = stem(fold(word)): the stem computed on the accent-free word.
//!
//! A document indexes `main` in one field and `alt` in another; a query word matches
//! `main:fold(stem(q)) OR alt:stem(fold(q))`. Whatever side carries the accents, one of the two
//! agrees (see `tests` in this module: "électricité" / "electricite").

// Filled in by the analysis chain implementation: tokenize, elision, possessive, stop, stem,
// fold, lang.

/// Version of the analysis chain; recorded in the index, a change asks for `ingest --rebuild`.
pub const ANALYZER_VERSION: u32 = 1;

/// Language of a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
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
    /// fold(stem(word)).
    pub main: String,
    /// stem(fold(word)).
    pub alt: String,
}
