//! How entity mentions are stored: one index term per mention (type, key and the form as
//! written) for counts, aliases and search, and the mentions themselves (offsets, names) as
//! compact stored bytes for `entities --doc`.

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
/// (documents hold many mentions; the stored text gives their words back). Stored as compact
/// bytes ([`StoredMentions::encode`]): a page's mentions cost a few bytes each in the document
/// store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredMentions {
    /// Entities: type letter (see [`EntityType::letter`]), canonical name in the page, and the
    /// key across pages when it differs from the name.
    pub entities: Vec<(char, String, Option<String>)>,
    /// Mentions in the stored text: entity index, start and end byte offsets, weak (0 or 1).
    pub text: Vec<(u32, u32, u32, u8)>,
    /// Mentions in the title lines (title, subtitle, headings, one a line): the same, offsets
    /// in [`StoredMentions::title_text`].
    pub title: Vec<(u32, u32, u32, u8)>,
    /// The title lines, when a mention is in them.
    pub title_text: Option<String>,
}

/// First byte of [`StoredMentions::encode`]'s bytes: the layout they follow.
const STORED_LAYOUT: u8 = 1;

/// Appends `v` as a LEB128 variable-length integer (7 bits a byte, low bits first).
fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends `s` with its length first.
fn push_str(out: &mut Vec<u8>, s: &str) {
    push_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Appends mention rows: count, then for each `entity << 1 | weak`, the start as a distance
/// from the previous row's start (rows are in text order), and the length.
fn push_rows(out: &mut Vec<u8>, rows: &[(u32, u32, u32, u8)]) {
    push_varint(out, rows.len() as u64);
    let mut previous = 0u32;
    for &(e, start, end, weak) in rows {
        push_varint(out, (u64::from(e) << 1) | u64::from(weak & 1));
        // Zigzag: out-of-order rows stay representable.
        let delta = i64::from(start) - i64::from(previous);
        push_varint(out, ((delta << 1) ^ (delta >> 63)) as u64);
        push_varint(out, u64::from(end.saturating_sub(start)));
        previous = start;
    }
}

/// Reads what [`StoredMentions::encode`] wrote, front to back.
struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    /// The next variable-length integer.
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    /// The next variable-length integer, as a `u32`.
    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.varint()?).ok()
    }

    /// The next `n` bytes.
    fn bytes(&mut self, n: usize) -> Option<&'b [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (b, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(b)
    }

    /// The next string (length first).
    fn string(&mut self) -> Option<String> {
        let n = usize::try_from(self.varint()?).ok()?;
        String::from_utf8(self.bytes(n)?.to_vec()).ok()
    }

    /// The next rows (see [`push_rows`]).
    fn rows(&mut self) -> Option<Vec<(u32, u32, u32, u8)>> {
        let n = usize::try_from(self.varint()?).ok()?;
        // Each row takes three bytes at least: a damaged count cannot ask for more.
        let mut rows = Vec::with_capacity(n.min(self.0.len() / 3));
        let mut previous = 0i64;
        for _ in 0..n {
            let tagged = self.varint()?;
            let e = u32::try_from(tagged >> 1).ok()?;
            let zigzag = self.varint()?;
            let delta = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
            let start = u32::try_from(previous.checked_add(delta)?).ok()?;
            let end = start.checked_add(self.u32()?)?;
            rows.push((e, start, end, (tagged & 1) as u8));
            previous = i64::from(start);
        }
        Some(rows)
    }
}

impl StoredMentions {
    /// The bytes stored in the `entities` field: a layout byte, the entities (letter, name,
    /// key or nothing), the title rows, the text rows, then the title lines or nothing.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 24 * self.entities.len() + 6 * self.text.len());
        out.push(STORED_LAYOUT);
        push_varint(&mut out, self.entities.len() as u64);
        for (letter, name, key) in &self.entities {
            let mut buf = [0u8; 4];
            push_str(&mut out, letter.encode_utf8(&mut buf));
            push_str(&mut out, name);
            match key {
                Some(k) => {
                    out.push(1);
                    push_str(&mut out, k);
                }
                None => out.push(0),
            }
        }
        push_rows(&mut out, &self.title);
        push_rows(&mut out, &self.text);
        match &self.title_text {
            Some(t) => {
                out.push(1);
                push_str(&mut out, t);
            }
            None => out.push(0),
        }
        out
    }

    /// Reads [`StoredMentions::encode`]'s bytes; `None` when they are damaged or of another
    /// layout.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let mut r = Reader(bytes);
        if r.bytes(1)? != [STORED_LAYOUT] {
            return None;
        }
        let n = usize::try_from(r.varint()?).ok()?;
        let mut entities = Vec::with_capacity(n.min(bytes.len() / 4));
        for _ in 0..n {
            let letter = r.string()?.chars().next()?;
            let name = r.string()?;
            let key = match r.bytes(1)? {
                [0] => None,
                [1] => Some(r.string()?),
                _ => return None,
            };
            entities.push((letter, name, key));
        }
        let title = r.rows()?;
        let text = r.rows()?;
        let title_text = match r.bytes(1)? {
            [0] => None,
            [1] => Some(r.string()?),
            _ => return None,
        };
        Some(StoredMentions {
            entities,
            text,
            title,
            title_text,
        })
    }
}

/// Adds the entity fields of a document: one `entity` term per mention found in its
/// title-like lines (`title`, offsets in `title_text`) and in its text, and the mentions
/// stored. The names they go by are the page's (see [`add_entity_names`]).
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
    // Mentions of each term so far, by what makes the term (weak, type, key, text).
    let mut counts: hashbrown::HashMap<(bool, char, &str, &str), usize> = hashbrown::HashMap::new();
    // Every term in one value, for the replay tokenizer (one token a mention).
    let mut terms = String::new();
    for (in_title, mentions) in [(true, title), (false, text)] {
        for m in mentions {
            let letter = m.kind.letter();
            let n = counts
                .entry((m.weak, letter, &*m.key, m.text.as_str()))
                .or_insert(0);
            *n += 1;
            if *n <= MAX_REPEATS {
                push_alias_term(&mut terms, m);
                terms.push(SEP);
            }
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
    if !stored.title.is_empty() {
        stored.title_text = Some(title_text.to_string());
    }
    d.add_bytes(f.entities, &stored.encode());
}

/// Adds to `d` (a page's article) the `entity_names` terms of every mention of the page, its
/// comments' included, each term once: search by entity reads that dictionary only, so a
/// name needs one document, and the page's documents are replaced together.
pub fn add_entity_names<'m>(
    d: &mut TantivyDocument,
    f: &Fields,
    mentions: impl IntoIterator<Item = &'m Mention>,
) {
    let mut seen: hashbrown::HashSet<(&str, &str, EntityType)> = hashbrown::HashSet::new();
    let mut names = String::new();
    let (mut name, mut key) = (String::new(), String::new());
    for m in mentions {
        // Search by entity only follows names of entities some page found for sure: a weak
        // mention's names would never be read.
        if m.weak || !seen.insert((m.text.as_str(), &*m.key, m.kind)) {
            continue;
        }
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
    if !names.is_empty() {
        d.add_text(f.entity_names, names);
    }
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
    fn stored_mentions_round_trip() {
        let stored = StoredMentions {
            entities: vec![
                ('p', "Loretta Preska".into(), None),
                ('l', "Irlande".into(), Some("Ireland".into())),
            ],
            text: vec![
                (0, 4, 18, 0),
                (1, 40, 47, 1),
                (0, 300, 306, 0),
                (1, 100_000, 100_007, 0),
            ],
            title: vec![(1, 0, 7, 0)],
            title_text: Some("Irlande : le juge\nSous-titre".into()),
        };
        let bytes = stored.encode();
        assert_eq!(StoredMentions::decode(&bytes), Some(stored.clone()));
        // Rows out of text order survive too.
        let shuffled = StoredMentions {
            text: vec![(0, 300, 306, 0), (0, 4, 18, 0)],
            title_text: None,
            ..stored
        };
        assert_eq!(
            StoredMentions::decode(&shuffled.encode()),
            Some(shuffled.clone())
        );
        assert_eq!(
            StoredMentions::decode(&StoredMentions::default().encode()),
            Some(StoredMentions::default())
        );
    }

    #[test]
    fn damaged_stored_mentions_read_as_nothing() {
        let stored = StoredMentions {
            entities: vec![('o', "Microsoft".into(), None)],
            text: vec![(0, 0, 9, 0)],
            ..StoredMentions::default()
        };
        let bytes = stored.encode();
        // Every cut, and another layout, give `None` (never a panic).
        for n in 0..bytes.len() {
            assert_eq!(StoredMentions::decode(&bytes[..n]), None, "cut at {n}");
        }
        let mut other = bytes.clone();
        other[0] = 9;
        assert_eq!(StoredMentions::decode(&other), None);
        // A count far beyond the bytes left.
        assert_eq!(
            StoredMentions::decode(&[STORED_LAYOUT, 0xFF, 0xFF, 0xFF, 0x0F]),
            None
        );
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
