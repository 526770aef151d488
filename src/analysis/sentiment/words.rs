//! The words of a passage as the scorer reads them: cut and normalised as the analysis chain
//! does (the same segmentation and [`crate::analysis::stem::SurfaceCache`] derivations as
//! [`crate::analysis::WordScanner`]), with everything the scorer asks of a word (role, lexicon
//! score, flags) kept in a per-thread cache keyed by surface word, so that a word seen before
//! costs one hash lookup.

use std::collections::HashMap;

use hashbrown::HashTable;

use super::lexicon::Lexicon;
use super::rules::{
    Role, is_comparative, is_conditional, is_expectation, negated_idiom, qualifies, role_after,
};
use crate::analysis::Lang;
use crate::analysis::segment::Segmenter;
use crate::analysis::stem::with_surface_cache;
use crate::analysis::tokenize::{MAX_SURFACE_LEN, words};

/// The cache of a thread is emptied, before a text, when it holds this many surface words: 7/8
/// of 2^17, so that its main table stays within 2^17 slots (about 4 MB).
pub const CACHE_CAPACITY: usize = 114_688;

/// Flag: the chain drops the word as a stop word.
pub const STOP: u8 = 1;
/// Flag: French "ne" elided and glued to the word ("n'aime").
pub const ELIDED_NE: u8 = 1 << 1;
/// Flag: a comparative completing an expectation ("mieux", "better").
pub const COMPARATIVE: u8 = 1 << 2;
/// Flag: a content word of expectation ("attendais", "expected").
pub const EXPECTATION: u8 = 1 << 3;
/// Flag: a conditional ("aurait", "should").
pub const CONDITIONAL: u8 = 1 << 4;
/// Flag: the lexicon scores the word ([`Info::score`]).
pub const FOUND: u8 = 1 << 5;
/// Flag: the word [`qualifies`] the next one ("un" before "peu").
pub const QUALIFIER: u8 = 1 << 6;
/// Flag: right after a negation the word makes a set phrase ([`Info::idiom`]: "pas terrible").
pub const NEGATED_IDIOM: u8 = 1 << 7;

/// Word id of "trop", interned first.
pub const TROP: u32 = 0;
/// Word id of "too", interned second.
pub const TOO: u32 = 1;

/// What the scorer needs of one surface word in one language.
#[derive(Debug, Clone, Copy)]
pub struct Info {
    /// Role after a word that does not qualify it, then after one that does.
    pub roles: [Role; 2],
    /// Lexicon score (when [`FOUND`]): the exact word's, else its stem's; for stop words, only
    /// entries given by hand.
    pub score: f32,
    /// Score of the set phrase a negation right before makes of the word (when
    /// [`NEGATED_IDIOM`]): "pas terrible" is mediocre.
    pub idiom: f32,
    /// Id of the normalised word (see [`Words::word`]) when it can be a keyword, else
    /// `u32::MAX`.
    pub word: u32,
    /// [`STOP`], [`ELIDED_NE`], … .
    pub flags: u8,
}

/// [`Info`] as cached: the roles by index in [`Words::roles`].
#[derive(Debug, Clone, Copy)]
struct Packed {
    /// See [`Info::score`].
    score: f32,
    /// See [`Info::idiom`].
    idiom: f32,
    /// See [`Info::word`].
    word: u32,
    /// See [`Info::flags`].
    flags: u8,
    /// Indexes of [`Info::roles`] in [`Words::roles`].
    roles: [u8; 2],
}

/// Longest surface word (bytes) stored in the short table.
const SHORT: usize = 14;
/// Longest surface word (bytes) stored in the medium table.
const MEDIUM: usize = 30;

/// Reads up to 8 bytes (`b.len()` ≤ 8) as a little-endian integer, zero-padded.
#[inline]
fn read_small(b: &[u8]) -> u64 {
    let n = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    if n >= 8 {
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    } else if n >= 4 {
        // Two overlapping reads: the shared bytes are the same.
        u32_at(0) | (u32_at(n - 4) << ((n - 4) * 8))
    } else if n > 0 {
        u64::from(b[0])
            | (u64::from(b[n / 2]) << (n / 2 * 8))
            | (u64::from(b[n - 1]) << ((n - 1) * 8))
    } else {
        0
    }
}

/// The key of a surface word of at most [`SHORT`] bytes in `lang`: its bytes zero-padded, then
/// the language and the length.
#[inline]
fn short_key(b: &[u8], lang: Lang) -> [u64; 2] {
    let n = b.len();
    let tail = (lang as u64 + 1) << 48 | (n as u64) << 56;
    if n > 8 {
        [read_small(&b[..8]), read_small(&b[8..]) | tail]
    } else {
        [read_small(b), tail]
    }
}

/// The key of a surface word of at most [`MEDIUM`] bytes in `lang`, as [`short_key`].
fn medium_key(b: &[u8], lang: Lang) -> [u64; 4] {
    let mut k = [0u8; 32];
    k[..b.len()].copy_from_slice(b);
    k[30] = lang as u8 + 1;
    k[31] = b.len() as u8;
    let word = |i: usize| {
        u64::from_le_bytes([
            k[i],
            k[i + 1],
            k[i + 2],
            k[i + 3],
            k[i + 4],
            k[i + 5],
            k[i + 6],
            k[i + 7],
        ])
    };
    [word(0), word(8), word(16), word(24)]
}

/// The high and low halves of a full product, folded.
#[inline]
fn fold_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Hash of a key.
#[inline]
fn hash(k: &[u64]) -> u64 {
    let mut h = 0x243f_6a88_85a3_08d3u64;
    for pair in k.chunks(2) {
        h = fold_mul(pair[0] ^ h, pair[1] ^ 0x1319_8a2e_0370_7344);
    }
    fold_mul(h, 0xa409_3822_299f_31d0)
}

/// Per-thread buffers and cache of the scorer; the cache holds the answers of one scorer
/// ([`Words::begin`] empties it for another).
#[derive(Default)]
pub struct Words {
    /// Fast Latin segmentation.
    segmenter: Segmenter,
    /// Word byte ranges of the passage.
    spans: Vec<(usize, usize)>,
    /// The words of the passage to be read: byte range and what the cache says of them.
    found: Vec<(usize, usize, Packed)>,
    /// Surface words of at most [`SHORT`] bytes, by key.
    short: HashTable<([u64; 2], Packed)>,
    /// Surface words of at most [`MEDIUM`] bytes, by key.
    medium: HashTable<([u64; 4], Packed)>,
    /// Longer surface words, per language.
    long: [HashMap<Box<str>, Packed>; 2],
    /// The distinct roles of the cached words.
    roles: Vec<Role>,
    /// Interned normalised words, by id.
    words: Vec<Box<str>>,
    /// Id of each interned word.
    ids: HashMap<Box<str>, u32>,
    /// Id of the scorer whose answers the cache holds.
    owner: u64,
}

impl Words {
    /// Prepares for a text scored by the scorer `owner`: empties the cache when it holds
    /// another scorer's answers or is full. Word ids stay valid until the next call.
    pub fn begin(&mut self, owner: u64) {
        if self.owner != owner || self.len() >= CACHE_CAPACITY {
            self.short.clear();
            self.medium.clear();
            self.long.iter_mut().for_each(HashMap::clear);
            self.words.clear();
            self.ids.clear();
            self.owner = owner;
        }
        if self.words.is_empty() {
            self.intern("trop");
            self.intern("too");
        }
    }

    /// Number of cached surface words.
    fn len(&self) -> usize {
        self.short.len() + self.medium.len() + self.long.iter().map(HashMap::len).sum::<usize>()
    }

    /// The id of `word`, interning it if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// The word of an id from [`Words::intern`] or [`Info::word`].
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// Calls `f(start, end, info)` for every word of `line` (one passage in `lang`) in order,
    /// as [`crate::analysis::WordScanner::scan`] cuts them (or as `given`: the line's words,
    /// offsets in `line`), with what `lexicon` says of it.
    pub fn scan(
        &mut self,
        line: &str,
        given: Option<&[(usize, usize)]>,
        lang: Lang,
        lexicon: &Lexicon,
        mut f: impl FnMut(usize, usize, &Info),
    ) {
        let mut spans = std::mem::take(&mut self.spans);
        let mut found = std::mem::take(&mut self.found);
        spans.clear();
        found.clear();
        match given {
            Some(g) => spans.extend_from_slice(g),
            None => {
                if !self.segmenter.latin_words(line, &mut spans) {
                    spans.extend(words(line).map(|(o, w)| (o, o + w.len())));
                }
            }
        }
        // All the lookups first, in a tight loop whose cache misses overlap.
        for &(start, end) in &spans {
            let surface = &line[start..end];
            if surface.len() <= MAX_SURFACE_LEN {
                found.push((start, end, self.packed(surface, lang, lexicon)));
            }
        }
        for &(start, end, p) in &found {
            let info = Info {
                roles: p.roles.map(|r| self.roles[usize::from(r)]),
                score: p.score,
                idiom: p.idiom,
                word: p.word,
                flags: p.flags,
            };
            f(start, end, &info);
        }
        self.spans = spans;
        self.found = found;
    }

    /// What the scorer needs of `surface` in `lang`, from the cache or derived.
    #[inline]
    fn packed(&mut self, surface: &str, lang: Lang, lexicon: &Lexicon) -> Packed {
        let b = surface.as_bytes();
        if b.len() <= SHORT {
            let key = short_key(b, lang);
            let h = hash(&key);
            if let Some((_, p)) = self.short.find(h, |e| e.0 == key) {
                return *p;
            }
            let p = self.derive(surface, lang, lexicon);
            self.short.insert_unique(h, (key, p), |e| hash(&e.0));
            p
        } else if b.len() <= MEDIUM {
            let key = medium_key(b, lang);
            let h = hash(&key);
            if let Some((_, p)) = self.medium.find(h, |e| e.0 == key) {
                return *p;
            }
            let p = self.derive(surface, lang, lexicon);
            self.medium.insert_unique(h, (key, p), |e| hash(&e.0));
            p
        } else {
            if let Some(p) = self.long[lang as usize].get(surface) {
                return *p;
            }
            let p = self.derive(surface, lang, lexicon);
            self.long[lang as usize].insert(surface.into(), p);
            p
        }
    }

    /// The index of `role` in [`Words::roles`], added if new.
    fn role_index(&mut self, role: Role) -> u8 {
        match self.roles.iter().position(|&r| r == role) {
            Some(i) => i as u8,
            None => {
                self.roles.push(role);
                (self.roles.len() - 1) as u8
            }
        }
    }

    /// Derives what the scorer needs of `surface` in `lang` from the chain's derivation.
    #[cold]
    fn derive(&mut self, surface: &str, lang: Lang, lexicon: &Lexicon) -> Packed {
        with_surface_cache(|cache| {
            let d = cache.derive(surface, lang);
            let found = if d.stop {
                lexicon.get_stop(d.word, d.main)
            } else {
                lexicon.lookup(d.word, d.main)
            };
            let mut flags = 0;
            let mut set = |flag: u8, on: bool| {
                if on {
                    flags |= flag;
                }
            };
            set(STOP, d.stop);
            set(ELIDED_NE, lang == Lang::Fr && d.elision == "n");
            set(COMPARATIVE, is_comparative(d.word, lang));
            set(EXPECTATION, !d.stop && is_expectation(d.word, lang));
            set(CONDITIONAL, is_conditional(d.word, lang));
            set(FOUND, found.is_some());
            set(QUALIFIER, qualifies(d.word, lang));
            let idiom = negated_idiom(d.word, lang);
            set(NEGATED_IDIOM, idiom.is_some());
            let word = if flags & (FOUND | COMPARATIVE | NEGATED_IDIOM) != 0 {
                self.intern(d.word)
            } else {
                u32::MAX
            };
            Packed {
                roles: [
                    self.role_index(role_after(d.word, false, lang)),
                    self.role_index(role_after(d.word, true, lang)),
                ],
                score: found.unwrap_or(0.0),
                idiom: idiom.unwrap_or(0.0),
                word,
                flags,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::WordScanner;
    use crate::analysis::sentiment::rules::role;

    /// The cache answers as the chain's scanner and the lexicon do, on first and later reads.
    #[test]
    fn agrees_with_the_word_scanner() {
        let text = "Je N’aime pas les bonnes idées d’aujourd’hui, c'est très peu convaincant… \
                    Un peu décevant; on s'attendait à mieux. Il aurait pu être génial ! \
                    I wasn't expecting a bit more: it's not good, but hardly awful 😀 \
                    anticonstitutionnellementextraordinairement";
        for lang in [Lang::Fr, Lang::En] {
            let lexicon = Lexicon::builtin(lang);
            let mut expected = Vec::new();
            let mut prev = String::new();
            WordScanner::default().scan(text, lang, |w| {
                let found = if w.stop {
                    lexicon.get_stop(w.word, w.main)
                } else {
                    lexicon.lookup(w.word, w.main)
                };
                expected.push((
                    w.start,
                    w.end,
                    role(w.word, &prev, lang),
                    found,
                    w.stop,
                    lang == Lang::Fr && w.elision == "n",
                    (found.is_some() || is_comparative(w.word, lang)).then(|| w.word.to_owned()),
                ));
                prev = w.word.to_owned();
            });
            let mut words = Words::default();
            words.begin(7);
            for _ in 0..2 {
                let mut got = Vec::new();
                let mut after_qualifier = false;
                let mut infos = Vec::new();
                words.scan(text, None, lang, &lexicon, |start, end, info| {
                    infos.push((start, end, *info, after_qualifier));
                    after_qualifier = info.flags & QUALIFIER != 0;
                });
                for (start, end, info, after) in infos {
                    got.push((
                        start,
                        end,
                        info.roles[usize::from(after)],
                        (info.flags & FOUND != 0).then_some(info.score),
                        info.flags & STOP != 0,
                        info.flags & ELIDED_NE != 0,
                        (info.word != u32::MAX).then(|| words.word(info.word).to_owned()),
                    ));
                }
                assert_eq!(got, expected, "{lang:?}");
            }
        }
    }

    #[test]
    fn ids_are_per_word_and_reset_for_another_scorer() {
        let mut words = Words::default();
        words.begin(1);
        assert_eq!(words.word(TROP), "trop");
        assert_eq!(words.word(TOO), "too");
        let bon = words.intern("bon");
        assert_eq!(words.intern("bon"), bon);
        assert_ne!(words.intern("bien"), bon);
        words.begin(1);
        assert_eq!(words.word(bon), "bon");
        words.begin(2);
        assert_eq!(words.words.len(), 2);
    }

    #[test]
    fn keys_tell_words_apart() {
        let mut seen = std::collections::HashSet::new();
        let text = "abcdefghijklmnopqrstuvwxyzàéèêëîïôûùç0123456789";
        for lang in [Lang::Fr, Lang::En] {
            for (i, _) in text.char_indices() {
                for (j, _) in text[i..].char_indices().skip(1) {
                    let w = &text[i..i + j];
                    if w.len() > MEDIUM {
                        break;
                    }
                    let key = if w.len() <= SHORT {
                        short_key(w.as_bytes(), lang).to_vec()
                    } else {
                        medium_key(w.as_bytes(), lang).to_vec()
                    };
                    assert!(seen.insert(key), "{w}");
                }
            }
        }
        assert_eq!(read_small(b"abc"), u64::from_le_bytes(*b"abc\0\0\0\0\0"));
        assert_eq!(read_small(b"abcdef"), u64::from_le_bytes(*b"abcdef\0\0"));
    }
}
