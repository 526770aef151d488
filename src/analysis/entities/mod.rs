//! Entity mentions: people, organisations, places and other named things in French and English
//! text, without a statistical model.
//!
//! Candidates come from shipped gazetteers (places, organisations, laws and products with their
//! French and English names and acronyms) and from runs of capitalised words that sentence
//! starts do not explain, with name particles inside ("de", "von", "d'"). Cue words ("M.",
//! "juge", "la société", "ville de"), given names, head words ("Banque de …", "… Corp") and the
//! context type them. Within a page (an article and its comments) later short forms join their
//! full form ("Preska" → "Loretta Preska"), acronyms their expansion, informal forms the
//! dominant entity ("MS" → "Microsoft"), and the gazetteers join languages ("Irlande" /
//! "Ireland"). The canonical name is the fullest frequent form.
//!
//! ```
//! use kiosque::analysis::entities::{EntityType, builtin};
//! let found = builtin().detect("Le juge Loretta Preska a tranché. Preska a rejeté l'appel.");
//! assert_eq!(&*found[0].name, "Loretta Preska");
//! assert_eq!(&*found[1].name, "Loretta Preska");
//! assert_eq!(found[1].kind, EntityType::Person);
//! ```

mod gazetteer;
mod recognize;
mod tokens;

#[cfg(test)]
mod tests;

use std::sync::{Arc, LazyLock};

pub use gazetteer::{Gazetteer, HeadPos, Row, Sources};
pub use recognize::Recognizer;
pub use tokens::{key_of, push_key, with_key};

/// Type of a named entity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// People.
    Person,
    /// Companies, agencies, institutions, courts, media, parties, unions, NGOs, teams.
    Organization,
    /// Countries, cities, regions and other places.
    Location,
    /// Other named things: laws, products, works, events.
    Misc,
}

impl EntityType {
    /// Every type, in vote order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Misc,
    ];

    /// The type as written in JSON and on the command line ("person", …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Misc => "misc",
        }
    }

    /// One letter for index terms (`p`, `o`, `l`, `m`).
    pub fn letter(self) -> char {
        match self {
            EntityType::Person => 'p',
            EntityType::Organization => 'o',
            EntityType::Location => 'l',
            EntityType::Misc => 'm',
        }
    }

    /// The type of an index-term letter.
    pub fn from_letter(c: char) -> Option<Self> {
        EntityType::ALL.into_iter().find(|t| t.letter() == c)
    }

    /// Parses "person", "organization" (or "organisation", "org"), "location" ("place",
    /// "loc"), "misc".
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "person" | "per" | "people" => EntityType::Person,
            "organization" | "organisation" | "org" => EntityType::Organization,
            "location" | "loc" | "place" => EntityType::Location,
            "misc" | "other" => EntityType::Misc,
            _ => return None,
        })
    }

    /// Position in [`EntityType::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The type with the most votes (indexed by [`EntityType::index`]); person on ties.
    pub fn most_voted<T: PartialOrd + Copy>(votes: &[T; 4]) -> EntityType {
        let mut best = EntityType::Person;
        for t in EntityType::ALL {
            if votes[t.index()] > votes[best.index()] {
                best = t;
            }
        }
        best
    }
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    /// Byte offset where the mention starts in the document text.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The mention as written ("Preska", "MS", "l'Irlande" gives "Irlande").
    pub text: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical name of its entity in the page: the fullest frequent form (shared by the
    /// entity's mentions).
    pub name: Arc<str>,
    /// Identity of its entity across pages: a gazetteer entry's canonical name (so "Irlande"
    /// and "Ireland" share it), else `name`.
    pub key: Arc<str>,
    /// Found only where a capital letter is expected (a sentence start) and nowhere else in
    /// the page: counted only if the corpus confirms the name elsewhere.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

/// The lists shipped with kiosque (see `data/` and NOTICE).
pub fn builtin_sources() -> Sources<'static> {
    Sources {
        locations: include_str!("data/locations.tsv"),
        organizations: include_str!("data/organizations.tsv"),
        misc: include_str!("data/misc.tsv"),
        demonyms: include_str!("data/demonyms.tsv"),
        given_names: include_str!("data/given-names.txt"),
        person_cues: include_str!("data/person-cues.txt"),
        org_cues: include_str!("data/org-cues.txt"),
        loc_cues: include_str!("data/loc-cues.txt"),
        not_entities: include_str!("data/not-entities.txt"),
        heads: include_str!("rules/heads.tsv"),
        lower_heads: include_str!("rules/lower-heads.tsv"),
        misc_cues: include_str!("rules/misc-cues.txt"),
        misc_after: include_str!("rules/misc-after.txt"),
        common_words: include_str!("data/common-words.txt"),
        platforms: include_str!("rules/platforms.txt"),
    }
}

/// The recognizer with the shipped lists, built once.
pub fn builtin() -> &'static Recognizer {
    static R: LazyLock<Recognizer> =
        LazyLock::new(|| Recognizer::new(Gazetteer::new(&builtin_sources())));
    &R
}

/// Chooses the canonical name among the forms of one entity with their mention counts: the
/// fullest (most words, then longest) among the frequent ones (at least a tenth of the most
/// frequent form's count); ties go to the more frequent, then the first listed. Forms that
/// differ only in case or accents count together, written as most often.
pub fn canonical_name<'a>(forms: impl IntoIterator<Item = (&'a str, u64)>) -> Option<String> {
    let mut forms = forms.into_iter().peekable();
    let first = forms.next()?;
    if forms.peek().is_none() {
        // Most entities of a page are written one way.
        return (first.1 > 0).then(|| one_spaced(first.0));
    }
    let mut merged: Vec<(String, Vec<(&'a str, u64)>)> = Vec::new();
    for (form, n) in std::iter::once(first).chain(forms) {
        let key = key_of(form);
        match merged.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push((form, n)),
            None => merged.push((key, vec![(form, n)])),
        }
    }
    let totals: Vec<(&str, u64)> = merged
        .iter()
        .map(|(_, v)| {
            let total = v.iter().map(|(_, n)| n).sum();
            // Written as most often, capitals preferred on ties ("Microsoft" over "microsoft").
            let best = v
                .iter()
                .max_by_key(|(f, n)| (*n, f.chars().next().is_some_and(char::is_uppercase)))
                .map_or("", |(f, _)| *f);
            (best, total)
        })
        .collect();
    let max = totals.iter().map(|(_, n)| *n).max()?;
    let floor = max.div_ceil(10).max(1);
    let words = |s: &str| s.split([' ', '\u{a0}']).filter(|w| !w.is_empty()).count();
    totals
        .iter()
        .enumerate()
        .filter(|(_, (_, n))| *n >= floor)
        .max_by_key(|(i, (f, n))| (words(f), f.chars().count(), *n, std::cmp::Reverse(*i)))
        .map(|(_, (f, _))| one_spaced(f))
}

/// `text` with each run of white space (no-break spaces, line breaks) written as one space: a
/// name written "Debian\u{a0}8" or over a line break is the same name as "Debian 8".
pub fn one_spaced(text: &str) -> String {
    let b = text.as_bytes();
    // Most names: printable ASCII with single spaces (one pass over the bytes); other text
    // is looked at character by character.
    let plain = if b.iter().all(|&c| c > b' ' && c < 0x80 || c == b' ') {
        !b.windows(2).any(|w| w == b"  ")
    } else {
        !text.contains(|c: char| c.is_whitespace() && c != ' ') && !text.contains("  ")
    };
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
