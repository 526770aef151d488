//! Gazetteers and word lists: known places, organisations and other names with their aliases in
//! French and English, given names, demonyms, cue words, name heads and words that are never
//! entities on their own.

use std::collections::{HashMap, HashSet};

use crate::analysis::hash::BuildWordHasher;

/// A map keyed by words, with the chain's fast hasher.
type WordMap<K, V> = HashMap<K, V, BuildWordHasher>;
/// A set of words, with the chain's fast hasher.
type WordSet = HashSet<String, BuildWordHasher>;

/// Passes a well-mixed 64-bit hash through as its own hash (for [`KeyMap`]).
#[derive(Debug, Default, Clone, Copy)]
struct Premixed(u64);

impl std::hash::Hasher for Premixed {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map from keyed words or phrases to `V`, holding each key's 64-bit hash ([`key_hash`])
/// rather than its text: a lookup compares one integer in the table and never follows a
/// pointer to a key (a collision among a few hundred thousand keys is out of reach).
#[derive(Debug, Clone)]
struct KeyMap<V>(hashbrown::HashMap<u64, V, std::hash::BuildHasherDefault<Premixed>>);

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap(hashbrown::HashMap::default())
    }
}

impl<V> KeyMap<V> {
    /// The value of `key`.
    fn get(&self, key: &str) -> Option<&V> {
        self.0.get(&key_hash(key))
    }

    /// The value of `key`, made with `V::default()` when absent.
    fn entry(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        self.0.entry(key_hash(key)).or_default()
    }

    /// Sets `key` to `v` unless it has a value.
    fn insert_if_absent(&mut self, key: &str, v: V) {
        self.0.entry(key_hash(key)).or_insert(v);
    }
}

use super::EntityType;
use super::tokens::{NameToken, Shape, Tokenizer, ends_in, key_of, push_key, with_key};

/// The text of every list a [`Gazetteer`] is built from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    /// `names<TAB>subtype` rows, names `|`-separated, the first one canonical.
    pub locations: &'a str,
    /// Same format as `locations`.
    pub organizations: &'a str,
    /// Same format as `locations`.
    pub misc: &'a str,
    /// `place<TAB>forms` rows, forms `|`-separated.
    pub demonyms: &'a str,
    /// One given name per line.
    pub given_names: &'a str,
    /// Words or phrases that announce a person ("M.", "juge", "CEO").
    pub person_cues: &'a str,
    /// Words or phrases that announce an organisation ("la société").
    pub org_cues: &'a str,
    /// Words or phrases that announce a place ("ville de").
    pub loc_cues: &'a str,
    /// Words or phrases that announce a named thing ("l'album", "the app").
    pub misc_cues: &'a str,
    /// Lowercase nouns that make the name before them a named thing ("probe", "gamme").
    pub misc_after: &'a str,
    /// Capitalised words that are not entities on their own.
    pub not_entities: &'a str,
    /// `word<TAB>type<TAB>first|last` rows: words that type a name they start or end.
    pub heads: &'a str,
    /// `word<TAB>type` rows: lowercase words that begin a name before a capitalised one
    /// ("tribunal", "loi", "rue").
    pub lower_heads: &'a str,
    /// Common lowercase words, keyed, one a line, sorted by bytes.
    pub common_words: &'a str,
    /// Platforms, apps and software named like their company ("Spotify"), one a line.
    pub platforms: &'a str,
}

/// One known entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its canonical name in the list (English for places).
    pub canonical: String,
    /// Its type.
    pub kind: EntityType,
    /// Its subtype as listed ("country", "company", "law").
    pub subtype: String,
}

impl Row {
    /// Whether it is a town, region, territory or country (not a mountain, lake or building).
    pub fn is_settled_place(&self) -> bool {
        self.kind == EntityType::Location
            && matches!(
                self.subtype.as_str(),
                "city" | "country" | "region" | "territory"
            )
    }
}

/// How a token of a listed name must be written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// All capitals, as the list writes it ("NSA", "US").
    Upper,
    /// A capital first letter.
    Cap,
    /// A capital first letter and the possessive ending of the listed name ("McDonald's"; a
    /// plain "McDonald" is a surname).
    CapPossessive,
    /// Anything.
    Any,
}

/// A node of the phrase table: names ending here, and whether longer names continue.
#[derive(Debug, Default, Clone)]
struct Node {
    /// (row, case of each token) of the names spelt by this key.
    names: Vec<(u32, Vec<Case>)>,
    /// Whether a longer name starts with this key.
    longer: bool,
}

/// Where a head word stands in the names it types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadPos {
    /// "Banque de France", "Université de Lyon".
    First,
    /// "Acme Corp", "Orbital Systems".
    Last,
}

/// What the one-word lists say about a keyed word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordInfo {
    /// A given name (a hyphenated word whose every part is one included).
    given: bool,
    /// A demonym or nationality adjective.
    demonym: bool,
    /// Never an entity on its own.
    not_entity: bool,
    /// A noun after a name that makes it a named thing.
    misc_after: bool,
    /// The type it gives the name it begins as a head word.
    head_first: Option<EntityType>,
    /// The type it gives the name it ends as a head word.
    head_last: Option<EntityType>,
    /// The type it gives the name it begins as a lowercase head word.
    lower_head: Option<EntityType>,
    /// Whether, as a lowercase head word, it takes only a name right after it ("piscine
    /// Jean-Taris"; in "la piscine de Vautorte" the place is the name).
    lower_head_direct: bool,
    /// Whether it is a listed name or the first word of one (without an elided article).
    starts_name: bool,
    /// Whether it begins, after its article if it has one, a listed town's, region's or
    /// country's name of several words or parts ("baton" of "Baton Rouge", "chatel" of
    /// "Châtel-Guyon", "chaux" of "La Chaux-de-Fonds", "rochelle" of "La Rochelle").
    starts_place_phrase: bool,
    /// Whether it ends a lowercase head of several words ("palais des sports").
    ends_compound_head: bool,
    /// Whether it is a common word ([`Gazetteer::is_common`]), once asked.
    common: Option<bool>,
}

/// Words looked up in one thread, as written, with what the lists say about them: the rules
/// ask several questions about each word, and the same capitalised words recur from page to
/// page. A direct-mapped table: a word's slot is a hash of its bytes.
struct Memo {
    /// The remembered words.
    slots: Vec<MemoSlot>,
    /// The slot of the last word asked about: the rules ask several questions about a word
    /// in a row, and that slot answers them without hashing the word again.
    last: usize,
}

/// One remembered word.
#[derive(Clone, Copy, Default)]
struct MemoSlot {
    /// The gazetteer asked (a thread's memo serves several); 0: an empty slot.
    id: u64,
    /// The word's length in bytes.
    len: u8,
    /// The word's bytes, zero-padded (whole arrays compare without a call).
    bytes: [u8; MEMO_BYTES],
    /// What the lists say.
    info: WordInfo,
}

/// Words remembered per thread (a power of two).
const MEMO_SLOTS: usize = 2048;
/// Longest word remembered, in bytes.
const MEMO_BYTES: usize = 32;

/// While alive, [`Gazetteer::longest`] remembers its answers on this thread (see
/// [`Gazetteer::page_scope`]); dropped, it gives back the scope it was opened in (none, for
/// the outermost: answers are then neither remembered nor read).
#[must_use]
pub(super) struct PageScope {
    /// The page number before this scope.
    previous: u64,
}

impl Drop for PageScope {
    fn drop(&mut self) {
        LONGEST.with(|cell| {
            if let Ok(mut cache) = cell.try_borrow_mut() {
                cache.page = self.previous;
            }
        });
    }
}

/// [`Gazetteer::longest`]'s answers in one page, by token: a direct-mapped table.
#[derive(Default)]
struct LongestCache {
    /// The page being detected (0: none, nothing is remembered).
    page: u64,
    /// The last page number given.
    next: u64,
    /// The remembered answers.
    slots: Vec<LongestSlot>,
}

/// One remembered answer of [`Gazetteer::longest`]: the question, then the answer.
#[derive(Clone, Copy, Default)]
struct LongestSlot {
    /// The page (0: an empty slot).
    page: u64,
    /// The gazetteer asked.
    gaz: u64,
    /// The tokens' address.
    tokens: usize,
    /// The tokens' count.
    len: usize,
    /// The token asked about.
    i: usize,
    /// Whether all-capital writing was accepted.
    caps_line: bool,
    /// The answer.
    found: Option<(u32, usize)>,
}

impl LongestSlot {
    /// Whether `self` answers the question of `other`.
    fn same_question(&self, other: &LongestSlot) -> bool {
        self.page == other.page
            && self.gaz == other.gaz
            && self.tokens == other.tokens
            && self.len == other.len
            && self.i == other.i
            && self.caps_line == other.caps_line
    }
}

/// Answers of [`Gazetteer::longest`] remembered per thread (a power of two).
const LONGEST_SLOTS: usize = 1024;

thread_local! {
    /// This thread's [`LongestCache`].
    static LONGEST: std::cell::RefCell<LongestCache> = std::cell::RefCell::default();
}

/// The memo slot of the zero-padded word `bytes`.
fn memo_slot(bytes: &[u8; MEMO_BYTES]) -> usize {
    let mut h = 0u64;
    for chunk in bytes.chunks_exact(8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    (h >> (64 - MEMO_SLOTS.trailing_zeros())) as usize
}

/// A cheap first test for a set of words: bit `len % 64` of the entry of a word's first byte
/// says whether a word of that first byte and length is in the set (most words are ruled out
/// without hashing them).
#[derive(Debug, Clone)]
pub(super) struct LengthFilter([u64; 256]);

impl Default for LengthFilter {
    fn default() -> Self {
        LengthFilter([0; 256])
    }
}

impl LengthFilter {
    /// Notes that `word` is in the set.
    pub(super) fn insert(&mut self, word: &str) {
        if let Some(&b) = word.as_bytes().first() {
            self.0[usize::from(b)] |= 1u64 << (word.len() % 64);
        }
    }

    /// Whether `word` may be in the set (false: it is not).
    pub(super) fn may_hold(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b)] & (1u64 << (word.len() % 64)) != 0)
    }
}

/// Identity of the next [`Gazetteer`] built (a thread's memo serves several).
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Every list, ready for lookups.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Identity for the lookup memo (0 for an empty gazetteer).
    id: u64,
    /// Known entities.
    rows: Vec<Row>,
    /// Names as keys of lowercase, accent-free parts joined by spaces.
    phrases: KeyMap<Node>,
    /// Bits set by the hashes of the one-word places' keys: most words are no place, and an
    /// ASCII lowercase word is its own key, so [`Gazetteer::may_be_place`] answers without
    /// keying it.
    place_bits: Vec<u64>,
    /// The same for the words that begin a place's name of several words or parts
    /// ([`WordInfo::starts_place_phrase`]).
    phrase_bits: Vec<u64>,
    /// Most tokens in a listed name.
    max_tokens: usize,
    /// One-word lists (given names, demonyms, words that are no entities, head words, nouns
    /// that make a named thing), keyed.
    words: KeyMap<WordInfo>,
    /// Cue phrases, keyed, with the type they announce.
    cues: KeyMap<EntityType>,
    /// Most words in a cue phrase.
    max_cue_words: usize,
    /// The keyed common words.
    common: KeyMap<()>,
    /// Platforms named like their company, keyed.
    platforms: WordSet,
    /// One-word organisations and named things as a commenter writes them in lowercase
    /// ("ikea", "netflix", "tiktok"): four letters or more, no common word, with their row.
    lower_names: KeyMap<u32>,
    /// First test for [`Gazetteer::lower_names`].
    lower_lengths: LengthFilter,
    /// Lowercase heads of several words ("chambre de commerce et d'industrie", "palais des
    /// sports"): their words (elided article, word) and the type they give.
    compound_heads: Vec<(Vec<(String, String)>, EntityType)>,
}

/// Size of [`Gazetteer::may_be_place`]'s bit set (16 KB: about one bit in ten set).
const PLACE_BITS: usize = 1 << 17;

/// Hash of a keyed word or phrase in [`Gazetteer`]'s tables (64 bits: a collision among a few
/// hundred thousand keys is out of reach).
fn key_hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// The word of [`Gazetteer::place_bits`] that holds `word`'s bit, and that bit.
fn place_bit(word: &str) -> (usize, u64) {
    let bit = key_hash(word) as usize % PLACE_BITS;
    (bit / 64, 1 << (bit % 64))
}

/// The American spelling of the keyed ASCII word `k` when it has a British one ("neighbouring"
/// -> "neighboring", "organisers" -> "organizers"): "our" -> "or", "ise", "isa", "isi" -> "iz…"
/// after its first letter, in one pass; `None` when nothing changes.
fn american_spelling(k: &str) -> Option<String> {
    let b = k.as_bytes();
    let british = |i: usize| {
        i > 0
            && (b[i..].starts_with(b"our")
                || (b[i..].starts_with(b"is")
                    && b.get(i + 2)
                        .is_some_and(|c| matches!(c, b'e' | b'a' | b'i'))))
    };
    // Most words have neither: no allocation for them.
    if !k.is_ascii() || b.len() > 40 || !(1..b.len()).any(british) {
        return None;
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if british(i) {
            let (us, skip) = if b[i] == b'o' { ("or", 3) } else { ("iz", 2) };
            out.push_str(us);
            i += skip;
        } else {
            out.push(char::from(b[i]));
            i += 1;
        }
    }
    Some(out)
}

/// Non-comment, non-empty lines of a list.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The case rule for one listed token.
fn case_of(t: &NameToken<'_>) -> Case {
    match t.shape {
        Shape::Upper => Case::Upper,
        Shape::Cap if t.possessive => Case::CapPossessive,
        Shape::Cap | Shape::Initial => Case::Cap,
        _ => Case::Any,
    }
}

/// Whether token `t` is written as `case` asks.
fn case_ok(case: Case, t: &NameToken<'_>, caps_line: bool) -> bool {
    match case {
        Case::Upper => t.shape == Shape::Upper,
        Case::Cap => {
            matches!(t.shape, Shape::Cap | Shape::Initial)
                || (t.shape == Shape::Upper && (caps_line || t.text.chars().count() > 1))
        }
        Case::CapPossessive => t.possessive && case_ok(Case::Cap, t, caps_line),
        Case::Any => true,
    }
}

/// Appends the key parts of token `t` (its elided article, then the word) to `key`.
pub(super) fn push_parts(key: &mut String, t: &NameToken<'_>, with_elision: bool) {
    if with_elision && !t.elision.is_empty() {
        if !key.is_empty() {
            key.push(' ');
        }
        push_key(t.elision, key);
        key.push('\'');
    }
    if !key.is_empty() {
        key.push(' ');
    }
    push_key(t.text, key);
}

/// The type a list file holds.
fn row_kind(file: &str) -> EntityType {
    match file {
        "locations" => EntityType::Location,
        "organizations" => EntityType::Organization,
        _ => EntityType::Misc,
    }
}

/// A parsed entity type name.
fn parse_type(s: &str) -> Option<EntityType> {
    Some(match s {
        "person" => EntityType::Person,
        "organization" => EntityType::Organization,
        "location" => EntityType::Location,
        "misc" => EntityType::Misc,
        _ => return None,
    })
}

impl Gazetteer {
    /// Builds the lookup tables from the text of every list.
    pub fn new(src: &Sources<'_>) -> Self {
        let mut g = Gazetteer::default();
        // Built keyed by text (the first words of names and the one-word names are read from
        // it), then kept keyed by hash.
        let mut phrases: WordMap<String, Node> = WordMap::default();
        let mut place_names: Vec<String> = Vec::new();
        let mut tok = Tokenizer::default();
        let mut buf = Vec::new();
        for (file, text) in [
            ("locations", src.locations),
            ("organizations", src.organizations),
            ("misc", src.misc),
        ] {
            for line in lines(text) {
                let mut cols = line.split('\t');
                let names = cols.next().unwrap_or("");
                let subtype = cols.next().unwrap_or("").trim().to_string();
                let mut names = names.split('|').map(str::trim).filter(|n| !n.is_empty());
                let Some(canonical) = names.next() else {
                    continue;
                };
                let row = g.rows.len() as u32;
                g.rows.push(Row {
                    canonical: canonical.to_string(),
                    kind: row_kind(file),
                    subtype,
                });
                for name in std::iter::once(canonical).chain(names) {
                    tok.tokenize(name, &mut buf);
                    if buf.is_empty() {
                        continue;
                    }
                    // A place's one-word name in lowercase, accents kept ("québec").
                    if file == "locations" && buf.len() == 1 && !name.is_ascii() {
                        place_names.push(name.to_lowercase());
                    }
                    let mut key = String::new();
                    for (i, t) in buf.iter().enumerate() {
                        if t.amp {
                            key.push_str(" &");
                        }
                        push_parts(&mut key, t, true);
                        let node = phrases.entry(key.clone()).or_default();
                        if i + 1 == buf.len() {
                            // Only the last word's possessive is the name's own ("McDonald's").
                            let cases = buf
                                .iter()
                                .enumerate()
                                .map(|(j, t)| match case_of(t) {
                                    Case::CapPossessive if j + 1 < buf.len() => Case::Cap,
                                    c => c,
                                })
                                .collect();
                            if !node.names.iter().any(|(r, _)| *r == row) {
                                node.names.push((row, cases));
                            }
                        } else {
                            node.longer = true;
                        }
                    }
                    g.max_tokens = g.max_tokens.max(buf.len() + 2);
                }
            }
        }
        // Most capitalised words begin no listed name: their lookups stop at the word.
        for k in phrases.keys() {
            if !k.contains(' ') {
                g.words.entry(k).starts_name = true;
            }
        }
        g.phrase_bits = vec![0; PLACE_BITS / 64];
        for (k, node) in phrases.iter() {
            let rest = ["la ", "le ", "les "]
                .iter()
                .find_map(|a| k.strip_prefix(a));
            let word = rest.unwrap_or(k);
            let first = word.split([' ', '-']).next().unwrap_or(word);
            if (rest.is_some() || first.len() < word.len())
                && node
                    .names
                    .iter()
                    .any(|(r, _)| g.rows[*r as usize].is_settled_place())
            {
                g.words.entry(first).starts_place_phrase = true;
                let (at, bit) = place_bit(first);
                g.phrase_bits[at] |= bit;
            }
        }
        g.place_bits = vec![0; PLACE_BITS / 64];
        for (k, node) in phrases.iter() {
            if !k.contains(' ')
                && node
                    .names
                    .iter()
                    .any(|(r, _)| g.rows[*r as usize].kind == EntityType::Location)
            {
                let (at, bit) = place_bit(k);
                g.place_bits[at] |= bit;
            }
        }
        for name in &place_names {
            let (at, bit) = place_bit(name);
            g.place_bits[at] |= bit;
        }
        g.id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        for w in lines(src.given_names) {
            g.words.entry(&key_of(w)).given = true;
        }
        for line in lines(src.demonyms) {
            let forms = line.split('\t').nth(1).unwrap_or("");
            for f in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                g.words.entry(&key_of(f)).demonym = true;
            }
        }
        for (text, kind) in [
            (src.person_cues, EntityType::Person),
            (src.org_cues, EntityType::Organization),
            (src.loc_cues, EntityType::Location),
            (src.misc_cues, EntityType::Misc),
        ] {
            for cue in lines(text) {
                let key = cue_key(cue, &mut tok, &mut buf);
                if key.is_empty() {
                    continue;
                }
                g.max_cue_words = g.max_cue_words.max(key.split(' ').count());
                // "la start-up": text splits lowercase compounds into words.
                if key.contains('-') {
                    let split = key.replace('-', " ");
                    g.max_cue_words = g.max_cue_words.max(split.split(' ').count());
                    g.cues.insert_if_absent(&split, kind);
                }
                g.cues.insert_if_absent(&key, kind);
            }
        }
        for w in lines(src.common_words) {
            with_key(w, |k| g.common.insert_if_absent(k, ()));
        }
        for w in lines(src.not_entities) {
            g.words.entry(&key_of(w)).not_entity = true;
        }
        g.platforms = lines(src.platforms).map(key_of).collect();
        for w in lines(src.misc_after) {
            g.words.entry(&key_of(w)).misc_after = true;
        }
        for line in lines(src.heads) {
            let mut cols = line.split('\t');
            let (Some(word), Some(kind), pos) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Some(kind) = parse_type(kind.trim()) else {
                continue;
            };
            let pos = if pos.map(str::trim) == Some("last") {
                HeadPos::Last
            } else {
                HeadPos::First
            };
            let info = g.words.entry(&key_of(word.trim()));
            match pos {
                HeadPos::First => info.head_first = Some(kind),
                HeadPos::Last => info.head_last = Some(kind),
            };
        }
        for line in lines(src.lower_heads) {
            let mut cols = line.split('\t');
            if let (Some(word), Some(kind)) =
                (cols.next(), cols.next().and_then(|k| parse_type(k.trim())))
            {
                let word = word.trim();
                if word.contains([' ', '\'', '’']) {
                    // A head of several words, matched token by token: "d'industrie" is the
                    // word "industrie" after the elided article "d".
                    let words: Vec<(String, String)> = word
                        .split(' ')
                        .map(|w| match w.split_once(['\'', '’']) {
                            Some((el, rest)) => (el.to_string(), rest.to_string()),
                            None => (String::new(), w.to_string()),
                        })
                        .collect();
                    if let Some((_, last)) = words.last() {
                        g.words.entry(&key_of(last)).ends_compound_head = true;
                        g.compound_heads.push((words, kind));
                    }
                    continue;
                }
                let info = g.words.entry(&key_of(word));
                info.lower_head = Some(kind);
                info.lower_head_direct = cols.next().is_some_and(|c| c.trim() == "direct");
            }
        }
        let mut lower = Vec::new();
        for (name, node) in &phrases {
            if name.contains(' ') || name.chars().count() < 4 || node.names.len() != 1 {
                continue;
            }
            let (row, _) = &node.names[0];
            if g.rows[*row as usize].kind == EntityType::Location
                || g.is_common(name)
                || g.is_given(name)
                || g.is_not_entity(name)
            {
                continue;
            }
            lower.push((name.clone(), *row));
        }
        for (name, row) in lower {
            g.lower_lengths.insert(&name);
            g.lower_names.insert_if_absent(&name, row);
        }
        g.phrases = KeyMap(
            phrases
                .into_iter()
                .map(|(k, node)| (key_hash(&k), node))
                .collect(),
        );
        g
    }

    /// The row of a one-word organisation or named thing written in lowercase ("ikea",
    /// "netflix"); `word` is lowercase, as written.
    pub fn lower_name(&self, word: &str) -> Option<u32> {
        if !self.lower_lengths.may_hold(word) {
            return None;
        }
        self.lower_names.get(word).copied()
    }

    /// Whether `word` is a common word of French or English ("Lithium", "Selon", "Thanks",
    /// "Chevaux", "Arrivent"), a plural or a French inflection of one included.
    pub fn is_common(&self, word: &str) -> bool {
        self.memo(word, |i| {
            *i.common.get_or_insert_with(|| self.common_of(word))
        })
    }

    /// [`Gazetteer::is_common`] looked up.
    fn common_of(&self, word: &str) -> bool {
        with_key(word, |k| {
            self.keyed_common(k) || american_spelling(k).is_some_and(|us| self.keyed_common(&us))
        })
    }

    /// Whether the keyed `k` is a listed common word or a listed word's inflection.
    fn keyed_common(&self, k: &str) -> bool {
        if self.common_has(k) {
            return true;
        }
        // A French verb before its subject pronoun ("doit-on", "peut-il", "a-t-elle").
        if let Some((verb, subject)) = k.rsplit_once('-')
            && matches!(
                subject,
                "je" | "tu" | "il" | "elle" | "on" | "nous" | "vous" | "ils" | "elles" | "ce"
            )
        {
            let verb = verb.strip_suffix("-t").unwrap_or(verb);
            return !verb.is_empty() && self.keyed_common(verb);
        }
        // Plurals, feminines and regular French verb forms of a listed word.
        const ENDINGS: [(&str, &str); 34] = [
            ("s", ""),
            ("ez", "ir"),
            ("ons", "ir"),
            ("x", ""),
            ("aux", "al"),
            ("e", ""),
            ("es", ""),
            ("e", "er"),
            ("es", "er"),
            ("ent", "er"),
            ("ait", "er"),
            ("aient", "er"),
            ("ant", "er"),
            ("a", "er"),
            ("ons", "er"),
            ("ez", "er"),
            ("ee", "er"),
            ("ees", "er"),
            ("i", "ir"),
            ("is", "ir"),
            ("ie", "ir"),
            ("ies", "ir"),
            ("it", "ir"),
            ("u", "ir"),
            ("ue", "ir"),
            ("us", "ir"),
            ("ues", "ir"),
            ("u", "re"),
            ("ue", "re"),
            // Futures, conditionals and participles of verbs in -re and -ir ("Suivront",
            // "Construit").
            ("ront", "re"),
            ("ront", "r"),
            ("rait", "re"),
            ("rait", "r"),
            ("it", "ire"),
        ];
        // The base form is built on the stack (keys are short).
        let mut stack = [0u8; 64];
        let mut heap = String::new();
        ENDINGS.iter().any(|(end, base)| {
            k.len() > end.len() + 2 && ends_in(k.as_bytes(), end) && {
                let stem = &k[..k.len() - end.len()];
                let n = stem.len() + base.len();
                if n <= stack.len() {
                    stack[..stem.len()].copy_from_slice(stem.as_bytes());
                    stack[stem.len()..n].copy_from_slice(base.as_bytes());
                    // A valid key cut before an ASCII ending, plus ASCII.
                    std::str::from_utf8(&stack[..n]).is_ok_and(|b| self.common_has(b))
                } else {
                    heap.clear();
                    heap.push_str(stem);
                    heap.push_str(base);
                    self.common_has(&heap)
                }
            }
        })
    }

    /// Whether the keyed `key` is in the common-word list.
    fn common_has(&self, key: &str) -> bool {
        self.common.get(key).is_some()
    }

    /// Whether `word` itself is a listed common word ("prudence"), not only an inflection of
    /// one ("germaine" is "germain"'s).
    pub fn lists_common(&self, word: &str) -> bool {
        with_key(word, |k| self.common_has(k))
    }

    /// Whether `word` alone is a listed place's name ("Lyon", "Angleterre").
    pub fn lists_place(&self, word: &str) -> bool {
        self.place_row(word).is_some()
    }

    /// Whether the lowercase `word` may name a listed place alone (false: it does not),
    /// without keying it: an ASCII word is its own key, and a place's accented names are
    /// remembered in lowercase too ("québec"; "quebec" is its key).
    pub fn may_be_place(&self, word: &str) -> bool {
        if self.place_bits.is_empty() {
            return true;
        }
        let (at, bit) = place_bit(word);
        self.place_bits[at] & bit != 0
    }

    /// The listed place named `word` alone ("Lyon", "Angleterre"), the first such row.
    pub fn place_row(&self, word: &str) -> Option<u32> {
        with_key(word, |k| {
            self.phrases.get(k).and_then(|n| {
                n.names
                    .iter()
                    .map(|(r, _)| *r)
                    .find(|r| self.rows[*r as usize].kind == EntityType::Location)
            })
        })
    }

    /// Whether the keyed name `key` is a platform, app or software named like its company.
    pub fn is_platform(&self, key: &str) -> bool {
        self.platforms.contains(key)
    }

    /// Whether a lowercase noun after a name makes it a named thing ("probe", "gamme").
    pub fn is_misc_after(&self, word: &str) -> bool {
        self.info(word).misc_after
    }

    /// The type a lowercase head word ("tribunal", "loi") gives the name it begins.
    pub fn lower_head(&self, word: &str) -> Option<EntityType> {
        self.info(word).lower_head
    }

    /// The lowercase head of several words ("palais des sports", "chambre de métiers et de
    /// l'artisanat") whose last word is `tokens[end]`: its first token and the type it gives.
    pub fn compound_head_at(
        &self,
        tokens: &[NameToken<'_>],
        end: usize,
    ) -> Option<(usize, EntityType)> {
        if !self.info(tokens[end].text).ends_compound_head {
            return None;
        }
        let last = tokens[end].text;
        self.compound_heads.iter().find_map(|(words, kind)| {
            if words.last().is_none_or(|(_, w)| w != last) {
                return None;
            }
            let first = (end + 1).checked_sub(words.len())?;
            let matches = words.iter().zip(&tokens[first..=end]).enumerate().all(
                |(j, ((elision, word), t))| {
                    let same = match t.shape {
                        Shape::Lower => t.text == word,
                        // ("Chambre de commerce …": its first word may take a capital.)
                        Shape::Cap => {
                            j == 0 && t.text.chars().flat_map(char::to_lowercase).eq(word.chars())
                        }
                        _ => false,
                    };
                    same && t.elision == elision && (j == 0 || t.joined)
                },
            );
            matches.then_some((first, *kind))
        })
    }

    /// Whether the lowercase head word `word` takes only a name right after it ("piscine
    /// Jean-Taris", not "piscine de Vautorte").
    pub fn lower_head_direct(&self, word: &str) -> bool {
        self.info(word).lower_head_direct
    }

    /// What the one-word lists say about `word`, remembered for the next few questions.
    fn info(&self, word: &str) -> WordInfo {
        self.memo(word, |i| *i)
    }

    /// Calls `f` with what the lists say about `word`, kept in the thread's memo of the last
    /// words asked about (so that answers computed later, such as [`Gazetteer::is_common`],
    /// are kept too).
    fn memo<R>(&self, word: &str, f: impl FnOnce(&mut WordInfo) -> R) -> R {
        thread_local! {
            static MEMO: std::cell::RefCell<Memo> = const {
                std::cell::RefCell::new(Memo { slots: Vec::new(), last: 0 })
            };
        }
        let b = word.as_bytes();
        if b.is_empty() || b.len() > MEMO_BYTES {
            return f(&mut self.info_of(word));
        }
        // `f` may ask about another word: the memo is then in use, and that call does without
        // it.
        MEMO.with(|cell| match cell.try_borrow_mut() {
            Ok(mut memo) => {
                let memo = &mut *memo;
                if memo.slots.is_empty() {
                    memo.slots.resize(MEMO_SLOTS, MemoSlot::default());
                }
                let len = b.len() as u8;
                // (Whole arrays compare without a call.)
                let mut bytes = [0u8; MEMO_BYTES];
                bytes[..b.len()].copy_from_slice(b);
                let last = &mut memo.slots[memo.last];
                if last.id == self.id && last.len == len && last.bytes == bytes {
                    return f(&mut last.info);
                }
                let at = memo_slot(&bytes);
                memo.last = at;
                let slot = &mut memo.slots[at];
                if !(slot.id == self.id && slot.len == len && slot.bytes == bytes) {
                    *slot = MemoSlot {
                        id: self.id,
                        len,
                        bytes,
                        info: self.info_of(word),
                    };
                }
                f(&mut slot.info)
            }
            Err(_) => f(&mut self.info_of(word)),
        })
    }

    /// [`Gazetteer::info`] looked up.
    fn info_of(&self, word: &str) -> WordInfo {
        with_key(word, |key| {
            let mut info = self.words.get(key).copied().unwrap_or_default();
            if !info.given && key.contains('-') {
                info.given = key
                    .split('-')
                    .all(|p| self.words.get(p).is_some_and(|i| i.given));
            }
            info
        })
    }

    /// The listed entity `row`.
    pub fn row(&self, row: u32) -> &Row {
        &self.rows[row as usize]
    }

    /// The longest listed name starting at `tokens[i]`: (row, tokens it covers, whether it
    /// starts at the elided article of `tokens[i]`); `None` past the last token. `caps_line`
    /// accepts all-capital writing.
    pub fn longest(
        &self,
        tokens: &[NameToken<'_>],
        i: usize,
        caps_line: bool,
    ) -> Option<(u32, usize)> {
        thread_local! {
            /// The phrase key being built (kept from call to call: no allocation).
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        if i >= tokens.len() {
            return None;
        }
        let find = || {
            KEY.with(|cell| match cell.try_borrow_mut() {
                Ok(mut key) => self.longest_in(tokens, i, caps_line, &mut key),
                Err(_) => self.longest_in(tokens, i, caps_line, &mut String::new()),
            })
        };
        // The rules ask about the same token several times: inside a page's detection (see
        // [`PageScope`]) the answers are remembered.
        LONGEST.with(|cell| {
            let Ok(mut cache) = cell.try_borrow_mut() else {
                return find();
            };
            if cache.page == 0 {
                return find();
            }
            let key = LongestSlot {
                page: cache.page,
                gaz: self.id,
                tokens: tokens.as_ptr() as usize,
                len: tokens.len(),
                i,
                caps_line,
                found: None,
            };
            let at = ((key.tokens as u64 >> 4)
                ^ (key.len as u64).rotate_left(20)
                ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                ^ u64::from(caps_line))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                >> (64 - LONGEST_SLOTS.trailing_zeros());
            let at = at as usize;
            if cache.slots.is_empty() {
                cache.slots.resize(LONGEST_SLOTS, LongestSlot::default());
            }
            let slot = cache.slots[at];
            if slot.same_question(&key) {
                return slot.found;
            }
            // (`find` uses other thread-locals only: the cache stays borrowed.)
            let found = find();
            cache.slots[at] = LongestSlot { found, ..key };
            found
        })
    }

    /// Starts remembering [`Gazetteer::longest`]'s answers on this thread until the scope is
    /// dropped. Answers are keyed by the tokens' address: every token slice asked about
    /// meanwhile must stay alive and unchanged (one page's tokens, made before the scope).
    pub(super) fn page_scope(&self) -> PageScope {
        LONGEST.with(|cell| match cell.try_borrow_mut() {
            Ok(mut cache) => {
                let previous = cache.page;
                cache.next += 1;
                cache.page = cache.next;
                PageScope { previous }
            }
            Err(_) => PageScope { previous: 0 },
        })
    }

    /// [`Gazetteer::longest`] with a scratch buffer for the key.
    fn longest_in(
        &self,
        tokens: &[NameToken<'_>],
        i: usize,
        caps_line: bool,
        key: &mut String,
    ) -> Option<(u32, usize)> {
        let mut best: Option<(u32, usize)> = None;
        for with_elision in [false, true] {
            if with_elision && tokens[i].elision.is_empty()
                || !with_elision && !self.info(tokens[i].text).starts_name
            {
                continue;
            }
            key.clear();
            for k in i..tokens.len().min(i + self.max_tokens) {
                let t = &tokens[k];
                if k > i && !(t.joined || t.amp) {
                    break;
                }
                if t.amp {
                    key.push_str(" &");
                }
                push_parts(key, t, k > i || with_elision);
                let Some(node) = self.phrases.get(key) else {
                    break;
                };
                for (row, cases) in &node.names {
                    if self.cases_match(cases, &tokens[i..=k], caps_line)
                        && best.is_none_or(|(_, n)| k + 1 - i > n)
                    {
                        best = Some((*row, k + 1 - i));
                    }
                }
                if !node.longer {
                    break;
                }
            }
        }
        best
    }

    /// The longest listed place of two words or more that the lowercase words from
    /// `tokens[i]` spell, their hyphens written as spaces or not ("baton rouge", "chatel
    /// guyon", "la chaux de fonds"): (row, tokens it covers). Only towns, regions, territories
    /// and countries; no elided word inside.
    pub fn lower_place_phrase(&self, tokens: &[NameToken<'_>], i: usize) -> Option<(u32, usize)> {
        let plain = |t: &NameToken<'_>| t.shape == Shape::Lower && t.elision.is_empty();
        let place = |r: u32| self.rows[r as usize].is_settled_place();
        let mut best: Option<(u32, usize)> = None;
        let mut better = |row: u32, n: usize| {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((row, n));
            }
        };
        let article = matches!(tokens.get(i)?.text, "la" | "le" | "les");
        // (Most words begin no such name: nothing to look up; a lowercase ASCII word is its
        // own key.)
        if !tokens.get(i + usize::from(article)).is_some_and(|t| {
            if t.text.is_ascii() {
                let (at, bit) = place_bit(t.text);
                self.phrase_bits[at] & bit != 0 && self.info(t.text).starts_place_phrase
            } else {
                self.info(t.text).starts_place_phrase
            }
        }) {
            return None;
        }
        let end = tokens.len().min(i + self.max_tokens);
        // The longest listed name of any kind written so: a place inside a longer name is no
        // place ("in new york times").
        let mut any = 0;
        // Written as listed, spaces between words ("baton rouge").
        if self.info(tokens[i].text).starts_name {
            let mut key = String::new();
            for (k, t) in tokens.iter().enumerate().take(end).skip(i) {
                if !plain(t) || (k > i && !t.joined) {
                    break;
                }
                push_parts(&mut key, t, false);
                let Some(node) = self.phrases.get(&key) else {
                    break;
                };
                if !node.names.is_empty() {
                    any = k + 1 - i;
                }
                if k > i
                    && let Some(row) = node.names.iter().map(|(r, _)| *r).find(|r| place(*r))
                {
                    better(row, k + 1 - i);
                }
                if !node.longer {
                    break;
                }
            }
        }
        // A hyphenated name written with spaces ("chatel guyon") or hyphens ("clermont-ferrand"),
        // after its article too ("la chaux de fonds"); no listed place has more than six parts.
        let mut key = String::new();
        for (k, t) in tokens.iter().enumerate().take(i + 6).skip(i) {
            if !plain(t)
                || (k > i && !(t.joined || t.hyphen_before))
                || !t.text.chars().all(char::is_alphabetic)
            {
                break;
            }
            if k > i {
                key.push(if article && k == i + 1 { ' ' } else { '-' });
            }
            push_key(t.text, &mut key);
            if k > i + usize::from(article)
                && let Some(row) = self.place_row(&key)
                && place(row)
            {
                better(row, k + 1 - i);
            }
        }
        best.filter(|(_, n)| *n >= any)
    }

    /// Whether the tokens of a candidate follow the case of a listed name's tokens. Elided
    /// articles do not have a token of their own in `toks`, so cases are matched from the end.
    fn cases_match(&self, cases: &[Case], toks: &[NameToken<'_>], caps_line: bool) -> bool {
        let n = cases.len().min(toks.len());
        cases[cases.len() - n..]
            .iter()
            .zip(&toks[toks.len() - n..])
            .all(|(c, t)| case_ok(*c, t, caps_line))
    }

    /// Whether `word` is a given name ("Loretta", "Jean-Luc": every part given).
    pub fn is_given(&self, word: &str) -> bool {
        self.info(word).given
    }

    /// Whether `word` is a demonym or nationality ("Français", "Americans").
    pub fn is_demonym(&self, word: &str) -> bool {
        self.info(word).demonym
    }

    /// Whether `word` is never an entity on its own ("Merci", "Justice", "PDG").
    pub fn is_not_entity(&self, word: &str) -> bool {
        self.info(word).not_entity
    }

    /// The type a cue phrase (keyed words joined by spaces) announces.
    pub fn cue(&self, key: &str) -> Option<EntityType> {
        self.cues.get(key).copied()
    }

    /// Most words in a cue phrase.
    pub fn max_cue_words(&self) -> usize {
        self.max_cue_words
    }

    /// The type a head word gives the name it stands at `pos` of.
    pub fn head(&self, word: &str, pos: HeadPos) -> Option<EntityType> {
        let info = self.info(word);
        match pos {
            HeadPos::First => info.head_first,
            HeadPos::Last => info.head_last,
        }
    }

    /// Whether `word` is an organisation's head word, at the start or the end of its name
    /// ("Bank of England", "Bureau of Investigation", "Acme Corp").
    pub fn is_org_head(&self, word: &str) -> bool {
        let info = self.info(word);
        info.head_first == Some(EntityType::Organization)
            || info.head_last == Some(EntityType::Organization)
    }

    /// Number of listed entities.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no entity is listed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The key of a cue phrase: its words keyed, elided articles as "l'", joined by spaces; a
/// trailing "." is dropped ("M." → "m").
fn cue_key<'t>(cue: &'t str, tok: &mut Tokenizer, buf: &mut Vec<NameToken<'t>>) -> String {
    tok.tokenize(cue, buf);
    let mut key = String::new();
    for t in buf.iter() {
        push_parts(&mut key, t, true);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::new(&Sources {
            locations: "# places\nUnited States|États-Unis|USA|US\tcountry\nIreland|Irlande\tcountry\n",
            organizations: "Conseil d'État\tinstitution\nProcter & Gamble\tcompany\nNational Security Agency|NSA\tagency\n",
            given_names: "Loretta\nJean\nLuc\n",
            person_cues: "M.\njuge\n",
            org_cues: "la société\n",
            ..Sources::default()
        })
    }

    fn find(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        let mut toks = Vec::new();
        Tokenizer::default().tokenize(text, &mut toks);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some((row, n)) = g.longest(&toks, i, false) {
                let span = &text[toks[i].start..toks[i + n - 1].end];
                out.push((span.to_string(), g.row(row).canonical.clone()));
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn finds_listed_names_with_their_case() {
        let g = gaz();
        let found = find(
            &g,
            "Aux Etats-Unis, la NSA et le Conseil d’État ; chez Procter & Gamble en Irlande. Ask us.",
        );
        let spans: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            spans,
            [
                "Etats-Unis",
                "NSA",
                "Conseil d’État",
                "Procter & Gamble",
                "Irlande"
            ]
        );
        assert_eq!(found[0].1, "United States");
        assert_eq!(found[4].1, "Ireland");
    }

    #[test]
    fn common_words_by_bisection() {
        let g = Gazetteer::new(&Sources {
            common_words: "# header\nabord\narriver\ncheval\ngrand\nreunir\nselon\nsoutenir\nthank\nzoo\n",
            ..Sources::default()
        });
        for w in [
            "Selon", "Thanks", "Chevaux", "Arrivent", "Grande", "Abord", "Zoo", "thank", "Réunis",
            "Soutenue",
        ] {
            assert!(g.is_common(w), "{w}");
        }
        for w in ["Attal", "Zoos2", "Abor", "Z", "", "Hydro-Québec"] {
            assert!(!g.is_common(w), "{w}");
        }
    }

    #[test]
    fn lists() {
        let g = gaz();
        assert!(g.is_given("Jean-Luc"));
        assert!(g.is_given("LORETTA"));
        assert_eq!(g.cue("m"), Some(EntityType::Person));
        assert_eq!(g.cue("la societe"), Some(EntityType::Organization));
    }
}
