//! How entity mentions are stored: one index term per mention (type, key and the form as
//! written) for counts, aliases and search, and the mentions themselves (offsets, names) as
//! compact stored JSON for `entities --doc`.

use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;

use super::schema::Fields;
use crate::analysis::entities::{EntityType, Mention};

/// Separates the parts of an entity term.
pub const ENTITY_SEP: char = '\u{1}';
/// Starts the term of a weak mention (one the corpus must confirm).
pub const WEAK_MARK: char = '~';

/// Most mentions of one form of an entity counted per document (a runaway page cannot swamp
/// the index).
const MAX_REPEATS: usize = 1000;

/// The `entity` term of a mention: `[~]letter \u{1} key`.
pub fn entity_term(m: &Mention) -> String {
    let mut s = String::with_capacity(m.key.len() + 4);
    if m.weak {
        s.push(WEAK_MARK);
    }
    s.push(m.kind.letter());
    s.push(ENTITY_SEP);
    s.push_str(&m.key);
    s
}

/// The `entity_alias` term of a mention: `[~]letter \u{1} key \u{1} text as written`.
pub fn alias_term(m: &Mention) -> String {
    let mut s = entity_term(m);
    s.push(ENTITY_SEP);
    s.push_str(&m.text);
    s
}

/// A parsed `entity` or `entity_alias` term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityTerm<'a> {
    /// Found only where a capital is expected; counted when the corpus confirms the key.
    pub weak: bool,
    /// Type the page gave it.
    pub kind: EntityType,
    /// Identity across pages.
    pub key: &'a str,
    /// The mention as written (alias terms only).
    pub surface: Option<&'a str>,
}

/// Parses an `entity` or `entity_alias` term.
pub fn parse_term(term: &str) -> Option<EntityTerm<'_>> {
    let (weak, rest) = match term.strip_prefix(WEAK_MARK) {
        Some(r) => (true, r),
        None => (false, term),
    };
    let mut chars = rest.chars();
    let kind = EntityType::from_letter(chars.next()?)?;
    let rest = chars.as_str().strip_prefix(ENTITY_SEP)?;
    let (key, surface) = match rest.split_once(ENTITY_SEP) {
        Some((k, s)) => (k, Some(s)),
        None => (rest, None),
    };
    Some(EntityTerm {
        weak,
        kind,
        key,
        surface,
    })
}

/// Which stored text a mention's offsets refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The title-like lines of an article (title, subtitle, headings), one a line.
    Title,
    /// The stored `text`.
    Text,
}

/// One mention as stored with its document (short keys: documents hold many).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMention {
    /// The text the offsets refer to.
    #[serde(rename = "p")]
    pub part: Part,
    /// Byte offset in the stored text (title mentions: in their line).
    #[serde(rename = "s")]
    pub start: usize,
    /// Byte offset of the end.
    #[serde(rename = "e")]
    pub end: usize,
    /// Type letter (see [`EntityType::letter`]).
    #[serde(rename = "t")]
    pub kind: char,
    /// Canonical name in the page.
    #[serde(rename = "n")]
    pub name: String,
    /// Key across pages, when it differs from the name.
    #[serde(rename = "k", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Weak mention (see [`Mention::weak`]).
    #[serde(rename = "w", default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
    /// For mentions in the title-like lines: that line (the text is stored whole).
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
}

/// Adds the entity fields of a document: mentions found in its title-like lines (`title`,
/// offsets in `title_text`) and in its text.
pub fn add_entities(
    d: &mut TantivyDocument,
    f: &Fields,
    title_text: &str,
    title: &[Mention],
    text: &[Mention],
) {
    if title.is_empty() && text.is_empty() {
        return;
    }
    let mut stored = Vec::with_capacity(title.len() + text.len());
    let mut counts: hashbrown::HashMap<String, usize> = hashbrown::HashMap::new();
    for (part, mentions) in [(Part::Title, title), (Part::Text, text)] {
        for m in mentions {
            let term = alias_term(m);
            let n = counts.entry_ref(term.as_str()).or_insert(0);
            *n += 1;
            if *n <= MAX_REPEATS {
                d.add_text(f.entity, term);
            }
            let (start, end, line) = if part == Part::Title {
                let ls = title_text[..m.start].rfind('\n').map_or(0, |i| i + 1);
                let le = title_text[m.end..]
                    .find('\n')
                    .map_or(title_text.len(), |i| m.end + i);
                (
                    m.start - ls,
                    m.end - ls,
                    Some(title_text[ls..le].to_string()),
                )
            } else {
                (m.start, m.end, None)
            };
            stored.push(StoredMention {
                part,
                start,
                end,
                kind: m.kind.letter(),
                name: m.name.clone(),
                key: (m.key != m.name).then(|| m.key.clone()),
                weak: m.weak,
                line,
            });
        }
    }
    d.add_text(
        f.entities,
        serde_json::to_string(&stored).unwrap_or_else(|_| "[]".into()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_round_trip() {
        let m = Mention {
            start: 0,
            end: 6,
            text: "Preska".into(),
            kind: EntityType::Person,
            name: "Loretta Preska".into(),
            key: "Loretta Preska".into(),
            weak: false,
        };
        let t = alias_term(&m);
        let p = parse_term(&t).unwrap();
        assert_eq!(p.kind, EntityType::Person);
        assert_eq!(p.key, "Loretta Preska");
        assert_eq!(p.surface, Some("Preska"));
        assert!(!p.weak);
        let weak = Mention { weak: true, ..m };
        let term = entity_term(&weak);
        let p = parse_term(&term).unwrap();
        assert!(p.weak);
        assert_eq!(p.surface, None);
        assert_eq!(parse_term("x\u{1}a"), None);
    }
}
