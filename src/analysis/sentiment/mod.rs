//! Sentiment of articles and comments: lexicon scores by stem, French and English negation
//! with scope, intensifiers and attenuators, contrast, emoticons, "!" emphasis and "+1".
//!
//! ```
//! use kiosque::analysis::sentiment::{Label, Scorer};
//! let s = Scorer::default().score("Je n'aime pas ce gouvernement");
//! assert_eq!(s.label, Label::Negative);
//! assert!(s.keywords[0].negated);
//! ```

mod lexicon;
mod rules;
mod scorer;
mod signs;
mod words;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

pub use lexicon::{Lexicon, LexiconError, read_lexicon_file};
pub use scorer::{DAMPING, DEFAULT_CENTER, NEUTRAL_BAND, Scorer};

/// Overall tone of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Clearly positive.
    Positive,
    /// Clearly negative.
    Negative,
    /// No opinion words, or too weak either way.
    Neutral,
    /// Strong positive and negative parts of similar weight.
    Mixed,
}

impl Label {
    /// The label as written in JSON ("positive", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Positive => "positive",
            Label::Negative => "negative",
            Label::Neutral => "neutral",
            Label::Mixed => "mixed",
        }
    }

    /// The label written `s` ("positive", …).
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "positive" => Some(Label::Positive),
            "negative" => Some(Label::Negative),
            "neutral" => Some(Label::Neutral),
            "mixed" => Some(Label::Mixed),
            _ => None,
        }
    }

    /// Every label, in display order.
    pub const ALL: [Label; 4] = [
        Label::Positive,
        Label::Negative,
        Label::Neutral,
        Label::Mixed,
    ];
}

/// A word (or sign: ":)", "+1", "smiley") that carried part of the tone.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Keyword {
    /// The word, lowercase, elision removed ("aime" for "n'aime").
    pub word: String,
    /// Its summed contribution (VADER scale; negative pulls towards negative).
    pub weight: f32,
    /// Whether a negation (or "peu", "hardly") turned it around.
    pub negated: bool,
    /// Whether an intensifier strengthened it at least once.
    pub intensified: bool,
    /// Occurrences summed in `weight`.
    pub count: u32,
}

/// The sentiment of one text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sentiment {
    /// From -1 (negative) to 1 (positive); 0 without any opinion word.
    pub score: f32,
    /// The label.
    pub label: Label,
    /// Contributing words, strongest first.
    pub keywords: Vec<Keyword>,
}

/// The index term recording one occurrence of a keyword: `+` or `-` by the sign of its
/// contribution, `~` when negated, then the word (`-~aime` for "n'aime pas").
pub fn keyword_term(k: &Keyword) -> String {
    let mut t = String::with_capacity(k.word.len() + 2);
    t.push(if k.weight >= 0.0 { '+' } else { '-' });
    if k.negated {
        t.push('~');
    }
    t.push_str(&k.word);
    t
}

/// Inverse of [`keyword_term`]: (positive contribution, negated, word).
pub fn parse_keyword_term(term: &str) -> Option<(bool, bool, &str)> {
    let (positive, rest) = match term.as_bytes().first()? {
        b'+' => (true, &term[1..]),
        b'-' => (false, &term[1..]),
        _ => return None,
    };
    let (negated, word) = match rest.strip_prefix('~') {
        Some(w) => (true, w),
        None => (false, rest),
    };
    (!word.is_empty()).then_some((positive, negated, word))
}

/// The scorer with the bundled lexicons, built on first use and shared.
pub fn builtin() -> &'static Scorer {
    static SCORER: LazyLock<Scorer> = LazyLock::new(Scorer::default);
    &SCORER
}
