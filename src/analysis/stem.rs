//! Snowball stemming, and a per-thread cache of each word's two index forms.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{LazyLock, Mutex, PoisonError};

use rust_stemmers::{Algorithm, Stemmer};

use super::Lang;
use super::acronym::undot;
use super::elision::elided_len;
use super::fold::{fold, fold_into};
use super::hash::BuildWordHasher;
use super::lowercase::lowercase_into;
use super::possessive::{normalize_apostrophes_into, strip_possessive};
use super::stop::is_stop;
use super::tokenize::MAX_WORD_LEN;

/// The French Snowball stemmer.
static FRENCH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::French));

/// The English (Porter 2) Snowball stemmer.
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The cache of a thread is emptied when it holds more words than this.
pub const CACHE_CAPACITY: usize = 100_000;

/// The stem of a lowercase `word`; the word itself should the stemmer ever fail.
pub fn stem(word: &str, lang: Lang) -> Cow<'_, str> {
    let stemmer: &Stemmer = match lang {
        Lang::Fr => &FRENCH,
        Lang::En => &ENGLISH,
    };
    catch_unwind(AssertUnwindSafe(|| stemmer.stem(word))).unwrap_or(Cow::Borrowed(word))
}

/// The two index forms of a lowercase `word`: `main` = fold(stem(word)) and
/// `alt` = stem(fold(word)), appended to `out` as main followed by alt; returns main's length.
/// ASCII words write main only (alt is the same).
fn compute(word: &str, lang: Lang, out: &mut String) -> usize {
    let start = out.len();
    fold_into(&stem(word, lang), out);
    let main_end = out.len();
    if !word.is_ascii() {
        let folded = fold(word);
        let alt = stem(&folded, lang);
        if *alt != out[start..main_end] {
            out.push_str(&alt);
        }
    }
    main_end - start
}

/// Shards of the [`SHARED`] cache, per language.
const SHARDS: usize = 16;

/// Words a shard of the [`SHARED`] cache holds before it is emptied: 2 × 16 × 16,384, about
/// half a million words at most (under 80 MB; ingests of 100 MB peaked 20–30 MB higher).
const SHARD_CAPACITY: usize = 16_384;

/// The forms of the words stemmed by any thread, by language then by a hash of the word: the
/// threads of an ingest meet the same words, and a thread's [`SurfaceCache`] is emptied when
/// full, so most words would otherwise be stemmed several times. Looked at only on a miss of
/// the thread's cache.
static SHARED: LazyLock<Vec<Mutex<WordForms>>> =
    LazyLock::new(|| (0..2 * SHARDS).map(|_| Mutex::default()).collect());

/// Lowercase words and their forms.
type WordForms = HashMap<Box<str>, Forms, BuildWordHasher>;

/// [`compute`] through the [`SHARED`] cache: appends the forms of the lowercase `word` to
/// `out` (main followed by alt, alt absent when equal) and returns main's length.
fn shared_forms(word: &str, lang: Lang, out: &mut String) -> usize {
    let hash = xxhash_rust::xxh3::xxh3_64(word.as_bytes());
    let shard = &SHARED[lang as usize * SHARDS + (hash as usize % SHARDS)];
    // A thread that panicked while holding a shard left it whole: its maps are only ever
    // cleared or given complete entries.
    let lock = || shard.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(forms) = lock().get(word) {
        out.push_str(&forms.text);
        return forms.main_len;
    }
    let start = out.len();
    let main_len = compute(word, lang, out);
    let forms = Forms {
        text: out[start..].into(),
        main_len,
    };
    let mut map = lock();
    if map.len() >= SHARD_CAPACITY {
        map.clear();
    }
    map.insert(word.into(), forms);
    main_len
}

/// Cached forms: main followed by alt (alt absent when equal to main).
struct Forms {
    /// main + alt.
    text: Box<str>,
    /// Byte length of main in `text`.
    main_len: usize,
}

impl Forms {
    /// (main, alt).
    fn get(&self) -> (&str, &str) {
        let main = &self.text[..self.main_len];
        let alt = &self.text[self.main_len..];
        (main, if alt.is_empty() { main } else { alt })
    }
}

/// One map per language, from lowercase word to its forms.
#[derive(Default)]
struct Cache {
    /// Index 0: French, 1: English.
    maps: [HashMap<Box<str>, Forms, BuildWordHasher>; 2],
    /// Scratch buffer for computing forms.
    buf: String,
}

thread_local! {
    /// The stem cache of this thread.
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// What the chain derives from one surface word in one language (see [`Derivation`]): where
/// its text (surface, elision, word, main, alt; alt empty when equal to main) lies in the
/// cache's arena, and its flags. Small and plain, so the table stays compact.
#[derive(Debug, Clone, Copy)]
struct Derived {
    /// Byte offset of the text in the arena.
    at: u32,
    /// Byte ends of surface, elision, word, main and alt, from `at`.
    ends: [u16; 5],
    /// See [`Derivation::stop`].
    stop: bool,
    /// See [`Derivation::token`].
    token: bool,
}

/// One surface word as the analysis chain sees it in one language, borrowed from the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derivation<'c> {
    /// The lowercase elided prefix without its apostrophe ("n" for "N’aime"), or "".
    pub elision: &'c str,
    /// Lowercase, elision removed, apostrophes normalised to ' ("aime"), a dotted acronym's
    /// periods removed ("usa").
    pub word: &'c str,
    /// fold(stem(word)), possessive removed; computed for stop words too; empty when the word
    /// without possessive is empty or longer than [`MAX_WORD_LEN`].
    pub main: &'c str,
    /// stem(fold(word)), possessive removed (same rules as `main`).
    pub alt: &'c str,
    /// Whether the word (or the word without its possessive) is a stop word.
    pub stop: bool,
    /// Whether the chain indexes the word: not a stop word, not empty, not too long.
    pub token: bool,
}

impl Derived {
    /// Analyses `surface` in `lang`, appending its text to `arena`; `lower` and `word` are
    /// scratch buffers.
    fn new(
        surface: &str,
        lang: Lang,
        lower: &mut String,
        word: &mut String,
        arena: &mut String,
    ) -> Self {
        lowercase_into(surface, lower);
        let skip = elided_len(lower);
        normalize_apostrophes_into(&lower[skip..], word);
        let acronym = undot(word);
        let elision = lower[..skip].trim_end_matches(|c: char| !c.is_alphanumeric());
        let stripped = strip_possessive(word);
        let stop = !acronym
            && (is_stop(word, lang) || (stripped.len() != word.len() && is_stop(stripped, lang)));
        let indexable = !stripped.is_empty() && stripped.len() <= MAX_WORD_LEN;
        let at = arena.len();
        arena.push_str(surface);
        let surface_end = arena.len() - at;
        arena.push_str(elision);
        let elision_end = arena.len() - at;
        arena.push_str(word);
        let word_end = arena.len() - at;
        let mut main_end = word_end;
        if indexable {
            let main_len = shared_forms(stripped, lang, arena);
            main_end = word_end + main_len;
        }
        let alt_end = arena.len() - at;
        Derived {
            at: at as u32,
            ends: [surface_end, elision_end, word_end, main_end, alt_end].map(|e| e as u16),
            stop,
            token: indexable && !stop,
        }
    }

    /// Its text in `arena`.
    fn text(self, arena: &str) -> &str {
        let at = self.at as usize;
        &arena[at..at + usize::from(self.ends[4])]
    }

    /// The surface word it is for.
    fn surface(self, arena: &str) -> &str {
        &self.text(arena)[..usize::from(self.ends[0])]
    }

    /// The borrowed view.
    fn view(self, arena: &str) -> Derivation<'_> {
        let text = self.text(arena);
        let [k, e, w, m, _] = self.ends.map(usize::from);
        let main = &text[w..m];
        let alt = &text[m..];
        Derivation {
            elision: &text[k..e],
            word: &text[e..w],
            main,
            alt: if alt.is_empty() { main } else { alt },
            stop: self.stop,
            token: self.token,
        }
    }
}

/// A per-thread cache from surface word (as written) to everything the chain derives from it
/// in one language: one hash lookup a word replaces lowercasing, elision, the stop-word tests
/// and both stems. The words' texts lie in one arena in the order they were first seen, so the
/// frequent words, seen early, share a few cache lines.
#[derive(Default)]
pub struct SurfaceCache {
    /// Index 0: French, 1: English; entries hashed by [`surface_hash`] of their surface.
    maps: [hashbrown::HashTable<Derived>; 2],
    /// The texts of the entries.
    arena: String,
    /// Scratch: lowercase surface.
    lower: String,
    /// Scratch: normalised word.
    word: String,
}

/// Hash of a surface word in the [`SurfaceCache`].
fn surface_hash(surface: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(surface.as_bytes())
}

/// Byte equality of two short strings, inline (no library call).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in ca.by_ref().zip(cb.by_ref()) {
        if x != y {
            return false;
        }
    }
    ca.remainder()
        .iter()
        .zip(cb.remainder())
        .all(|(x, y)| x == y)
}

impl SurfaceCache {
    /// What the chain derives from `surface` (at most [`super::tokenize::MAX_SURFACE_LEN`]
    /// bytes) in `lang`.
    pub fn derive(&mut self, surface: &str, lang: Lang) -> Derivation<'_> {
        let hash = surface_hash(surface);
        let map = lang as usize;
        let arena = &self.arena;
        let found = self.maps[map]
            .find(hash, |d| {
                same_bytes(d.surface(arena).as_bytes(), surface.as_bytes())
            })
            .copied();
        if let Some(d) = found {
            return d.view(&self.arena);
        }
        let full = self.maps[0].len() + self.maps[1].len() >= CACHE_CAPACITY;
        // Offsets are u32 and entries short: the arena never nears 4 GiB before the count.
        if full || self.arena.len() > u32::MAX as usize / 2 {
            self.maps.iter_mut().for_each(hashbrown::HashTable::clear);
            self.arena.clear();
        }
        let d = Derived::new(
            surface,
            lang,
            &mut self.lower,
            &mut self.word,
            &mut self.arena,
        );
        let arena = &self.arena;
        self.maps[map].insert_unique(hash, d, |d| surface_hash(d.surface(arena)));
        d.view(arena)
    }
}

thread_local! {
    /// The surface cache of this thread.
    static SURFACES: RefCell<SurfaceCache> = RefCell::new(SurfaceCache::default());
}

/// Runs `f` with this thread's [`SurfaceCache`] (a fresh one if it is already in use).
pub fn with_surface_cache<R>(f: impl FnOnce(&mut SurfaceCache) -> R) -> R {
    SURFACES.with(|cell| match cell.try_borrow_mut() {
        Ok(mut cache) => f(&mut cache),
        Err(_) => f(&mut SurfaceCache::default()),
    })
}

/// Calls `f(main, alt)` with the two index forms of a lowercase `word` in `lang`, from the
/// thread's cache (computed on a miss). `f` must not call back into this module.
pub fn with_forms<R>(word: &str, lang: Lang, f: impl FnOnce(&str, &str) -> R) -> R {
    CACHE.with(|cell| {
        let Ok(mut guard) = cell.try_borrow_mut() else {
            // Re-entered from `f`: compute without the cache.
            let mut buf = String::new();
            let main_len = compute(word, lang, &mut buf);
            let forms = Forms {
                text: buf.into(),
                main_len,
            };
            let (main, alt) = forms.get();
            return f(main, alt);
        };
        let cache = &mut *guard;
        let index = lang as usize;
        if let Some(forms) = cache.maps[index].get(word) {
            let (main, alt) = forms.get();
            return f(main, alt);
        }
        if cache.maps.iter().map(HashMap::len).sum::<usize>() >= CACHE_CAPACITY {
            cache.maps.iter_mut().for_each(HashMap::clear);
        }
        cache.buf.clear();
        let main_len = compute(word, lang, &mut cache.buf);
        let forms = Forms {
            text: cache.buf.as_str().into(),
            main_len,
        };
        let (main, alt) = forms.get();
        let r = f(main, alt);
        cache.maps[index].insert(word.into(), forms);
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(word: &str, lang: Lang) -> (String, String) {
        with_forms(word, lang, |m, a| (m.to_owned(), a.to_owned()))
    }

    #[test]
    fn shared_forms_are_the_computed_ones_in_every_thread() {
        for (word, lang) in [
            ("électricité", Lang::Fr),
            ("économie", Lang::Fr),
            ("running", Lang::En),
            ("café", Lang::En),
        ] {
            let mut want = String::from("x");
            let want_main = compute(word, lang, &mut want);
            for _ in 0..2 {
                let (got, main) = std::thread::spawn(move || {
                    let mut got = String::from("x");
                    let main = shared_forms(word, lang, &mut got);
                    (got, main)
                })
                .join()
                .unwrap();
                assert_eq!((got.as_str(), main), (want.as_str(), want_main), "{word}");
            }
        }
    }

    #[test]
    fn french_stems() {
        assert_eq!(stem("entreprise", Lang::Fr), "entrepris");
        assert_eq!(
            forms("électricité", Lang::Fr),
            ("electr".into(), "electricit".into())
        );
        assert_eq!(
            forms("electricite", Lang::Fr),
            ("electricit".into(), "electricit".into())
        );
    }

    #[test]
    fn english_stems() {
        assert_eq!(forms("privacy", Lang::En).0, "privaci");
        assert_eq!(forms("services", Lang::En).0, "servic");
        assert_eq!(forms("statement", Lang::En).0, "statement");
    }

    #[test]
    fn cached_and_uncached_agree() {
        for w in [
            "société",
            "données",
            "réclamés",
            "œuvre",
            "",
            "🎉",
            "e\u{301}te\u{301}",
        ] {
            let first = forms(w, Lang::Fr);
            assert_eq!(forms(w, Lang::Fr), first);
            let mut buf = String::new();
            let main_len = compute(w, Lang::Fr, &mut buf);
            assert_eq!(&buf[..main_len], first.0);
        }
    }

    #[test]
    fn reentrant_calls_do_not_panic() {
        let nested = with_forms("refuser", Lang::Fr, |m, _| {
            with_forms("refus", Lang::Fr, |m2, _| (m.to_owned(), m2.to_owned()))
        });
        assert_eq!(nested.0, nested.1);
    }
}
