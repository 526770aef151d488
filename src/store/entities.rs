//! How entity mentions are stored: one index term per mention (type, key and the form as
//! written) for counts, aliases and search, and the mentions themselves (offsets, names) as
//! compact stored JSON for `entities --doc`.

use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;

use super::replay::SEP;
use super::schema::Fields;
use crate::analysis::entities::{EntityType, Mention, key_of, push_key};

/// Separates the parts of an entity term (never in a term's text: control characters are
/// replaced by spaces).
pub const ENTITY_SEP: char = '\u{1F}';
/// Starts the term of a weak mention (one the corpus must confirm).
pub const WEAK_MARK: char = '~';

/// Starts an `entity_names` term that files a full person name under its last word.
pub const SURNAME_MARK: char = '\u{1E}';

/// Most mentions of one form of an entity counted per document (a runaway page cannot swamp
/// the index).
const MAX_REPEATS: usize = 1000;

/// The key part of a mention's term: `[~]letter \u{1F} key`.
pub fn entity_term(m: &Mention) -> String {
    let mut s = String::with_capacity(m.key.len() + 4);
    push_entity_term(&mut s, m);
    s
}

/// Appends [`entity_term`]`(m)` to `s`.
fn push_entity_term(s: &mut String, m: &Mention) {
    if m.weak {
        s.push(WEAK_MARK);
    }
    s.push(m.kind.letter());
    s.push(ENTITY_SEP);
    push_clean(s, &m.key);
}

/// Appends `text` with its control characters as spaces.
fn push_clean(s: &mut String, text: &str) {
    if text.contains(char::is_control) {
        s.extend(text.chars().map(|c| if c.is_control() { ' ' } else { c }));
    } else {
        s.push_str(text);
    }
}

/// The `entity` term of a mention: `[~]letter \u{1F} key \u{1F} text as written`, the text
/// left out when it is the key itself (as for most mentions).
pub fn alias_term(m: &Mention) -> String {
    let mut s = String::with_capacity(m.key.len() + m.text.len() + 5);
    push_alias_term(&mut s, m);
    s
}

/// Appends [`alias_term`]`(m)` to `s`.
fn push_alias_term(s: &mut String, m: &Mention) {
    push_entity_term(s, m);
    s.push(ENTITY_SEP);
    if m.text != *m.key {
        push_clean(s, &m.text);
    }
}

/// The `entity_names` term filing `key` under `name`, a [`key_of`] form (one of its
/// mentions as written, or the key itself): `name \u{1F} key`.
pub fn name_term(name: &str, key: &str) -> String {
    let mut s = String::with_capacity(name.len() + key.len() + 1);
    push_name_term(&mut s, name, key);
    s
}

/// Appends [`name_term`]`(name, key)` to `s`.
fn push_name_term(s: &mut String, name: &str, key: &str) {
    push_clean(s, name);
    s.push(ENTITY_SEP);
    push_clean(s, key);
}

/// The `entity_names` term filing the full person name `key` under its last word:
/// `\u{1E} key_of(last word) \u{1F} key`; `None` for a one-word key.
pub fn surname_term(key: &str) -> Option<String> {
    let mut words = key.split_whitespace();
    let last = words.next_back()?;
    words.next()?;
    let mut s = String::from(SURNAME_MARK);
    s.push_str(&name_term(&key_of(last), key));
    Some(s)
}

/// A parsed `entity` term.
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

/// Parses an `entity` term.
pub fn parse_term(term: &str) -> Option<EntityTerm<'_>> {
    let (weak, rest) = match term.strip_prefix(WEAK_MARK) {
        Some(r) => (true, r),
        None => (false, term),
    };
    let mut chars = rest.chars();
    let kind = EntityType::from_letter(chars.next()?)?;
    let rest = chars.as_str().strip_prefix(ENTITY_SEP)?;
    let (key, surface) = match rest.split_once(ENTITY_SEP) {
        // An alias term without text: the mention was written as its key.
        Some((k, "")) => (k, Some(k)),
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

/// The mentions of one document as stored: each entity once, then each mention as numbers
/// (documents hold many mentions; the stored text gives their words back).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredMentions {
    /// Entities: type letter (see [`EntityType::letter`]), canonical name in the page, and the
    /// key across pages when it differs from the name.
    #[serde(rename = "e")]
    pub entities: Vec<(char, String, Option<String>)>,
    /// Mentions in the stored text: entity index, start and end byte offsets, weak (0 or 1).
    #[serde(rename = "x", default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<(u32, u32, u32, u8)>,
    /// Mentions in the title lines (title, subtitle, headings, one a line): the same, offsets
    /// in [`StoredMentions::title_text`].
    #[serde(rename = "t", default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<(u32, u32, u32, u8)>,
    /// The title lines, when a mention is in them.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub title_text: Option<String>,
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
    let mut stored = StoredMentions::default();
    let mut index: hashbrown::HashMap<(char, &str, &str), u32> = hashbrown::HashMap::new();
    let mut counts: hashbrown::HashMap<String, usize> = hashbrown::HashMap::new();
    // Every term in one value, for the replay tokenizer (one token a mention).
    let mut terms = String::new();
    // The names each entity goes by, in one value too (a name repeated is indexed once).
    let mut names = String::new();
    let (mut term, mut name, mut key) = (String::new(), String::new(), String::new());
    for (in_title, mentions) in [(true, title), (false, text)] {
        for m in mentions {
            term.clear();
            push_alias_term(&mut term, m);
            let n = counts.entry_ref(term.as_str()).or_insert(0);
            *n += 1;
            if *n <= MAX_REPEATS {
                terms.push_str(&term);
                terms.push(SEP);
            }
            // Search by entity only follows names of entities some page found for sure: a
            // weak mention's names would never be read.
            if *n == 1 && !m.weak {
                name.clear();
                push_key(&m.text, &mut name);
                key.clear();
                push_key(&m.key, &mut key);
                push_name_term(&mut names, &name, &m.key);
                names.push(SEP);
                if key != name {
                    push_name_term(&mut names, &key, &m.key);
                    names.push(SEP);
                }
                if m.kind == EntityType::Person
                    && let Some(t) = surname_term(&m.key)
                {
                    names.push_str(&t);
                    names.push(SEP);
                }
            }
            let letter = m.kind.letter();
            let next = stored.entities.len() as u32;
            let e = *index.entry((letter, &*m.name, &*m.key)).or_insert_with(|| {
                stored.entities.push((
                    letter,
                    m.name.to_string(),
                    (m.key != m.name).then(|| m.key.to_string()),
                ));
                next
            });
            let row = (e, m.start as u32, m.end as u32, u8::from(m.weak));
            if in_title {
                stored.title.push(row);
            } else {
                stored.text.push(row);
            }
        }
    }
    d.add_text(f.entity, terms);
    d.add_text(f.entity_names, names);
    if !stored.title.is_empty() {
        stored.title_text = Some(title_text.to_string());
    }
    d.add_text(
        f.entities,
        serde_json::to_string(&stored).unwrap_or_else(|_| "{}".into()),
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
        // Written as its key: the term leaves the text out, parsing gives it back.
        let full = Mention {
            text: "Loretta Preska".into(),
            ..m.clone()
        };
        let t = alias_term(&full);
        assert_eq!(t, "p\u{1F}Loretta Preska\u{1F}");
        assert_eq!(parse_term(&t).unwrap().surface, Some("Loretta Preska"));
        let weak = Mention { weak: true, ..m };
        let term = entity_term(&weak);
        let p = parse_term(&term).unwrap();
        assert!(p.weak);
        assert_eq!(p.surface, None);
        assert_eq!(parse_term("x\u{1F}a"), None);
    }

    #[test]
    fn names_file_keys_under_their_forms_and_surnames() {
        assert_eq!(name_term("ms", "Microsoft"), "ms\u{1F}Microsoft");
        assert_eq!(name_term("a\u{1F}b", "K"), "a b\u{1F}K");
        assert_eq!(
            surname_term("Loretta  Preska").as_deref(),
            Some("\u{1E}preska\u{1F}Loretta  Preska")
        );
        assert_eq!(
            surname_term("Édouard Lévêque").as_deref(),
            Some("\u{1E}leveque\u{1F}Édouard Lévêque")
        );
        assert_eq!(surname_term("Preska"), None);
    }
}
