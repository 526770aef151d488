//! Polarity lexicons keyed by stem: the bundled French and English lists plus user entries.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::analysis::hash::BuildWordHasher;
use crate::analysis::{Lang, WordScanner};

/// The generated French lexicon (Pattern-FR + VADER-FR, see NOTICE).
const FR: &str = include_str!("lexicon/fr.tsv");
/// Hand-written French news and forum vocabulary, applied over [`FR`].
const FR_EXTRA: &str = include_str!("lexicon/fr-extra.tsv");
/// The generated English lexicon (VADER + Pattern-EN, see NOTICE).
const EN: &str = include_str!("lexicon/en.tsv");
/// Hand-written English news and forum vocabulary, applied over [`EN`].
const EN_EXTRA: &str = include_str!("lexicon/en-extra.tsv");

/// A problem with a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read lexicon {path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why (not a `source`: the message already holds it).
        error: std::io::Error,
    },
    /// A line is not `word<TAB>score` (optionally `<TAB>fr|en`; `=word` for the exact word).
    #[error("lexicon line {line}: expected word<TAB>score[<TAB>fr|en], got {text:?}")]
    Syntax {
        /// Line number from 1.
        line: usize,
        /// The offending line.
        text: String,
    },
}

/// A lexicon of one language: stem (the chain's `main` form) → polarity on the VADER scale
/// (-4 … 4).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Stem → score (the mean of the words sharing it).
    scores: HashMap<Box<str>, f32, BuildWordHasher>,
    /// Normalised word → score, looked up before the stem: the word's own score when listed
    /// ("pourri" and "pourrait" share a stem); 0 blocks the stem ("=pourrait<TAB>0").
    exact: HashMap<Box<str>, f32, BuildWordHasher>,
    /// Stems given by hand (the bundled extra list, user entries): these count even when the
    /// chain treats the word as a stop word ("bien" in English passages, "sur" never).
    explicit: HashSet<Box<str>, BuildWordHasher>,
    /// Stem → the listed words sharing it, so that an entry for the stem replaces their own
    /// scores too.
    words_of: HashMap<Box<str>, Vec<Box<str>>, BuildWordHasher>,
}

/// One parsed lexicon line: word, score, language restriction.
type Entry<'a> = (&'a str, f32, Option<Lang>);

/// The parsed lines of a lexicon text.
fn parse(text: &str) -> Result<Vec<Entry<'_>>, LexiconError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || LexiconError::Syntax {
            line: i + 1,
            text: line.to_owned(),
        };
        let mut cols = line.split('\t');
        let word = cols.next().map(str::trim).filter(|w| !w.is_empty());
        let score = cols.next().and_then(|s| s.trim().parse::<f32>().ok());
        let lang = match cols.next().map(str::trim) {
            None | Some("") => None,
            Some("fr") => Some(Lang::Fr),
            Some("en") => Some(Lang::En),
            Some(_) => return Err(bad()),
        };
        match (word, score) {
            (Some(w), Some(s)) if s.is_finite() => out.push((w, s.clamp(-4.0, 4.0), lang)),
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

impl Lexicon {
    /// The bundled lexicon of `lang`: the generated list, then the hand-written one over it.
    pub fn builtin(lang: Lang) -> Self {
        let (base, extra) = match lang {
            Lang::Fr => (FR, FR_EXTRA),
            Lang::En => (EN, EN_EXTRA),
        };
        let mut lex = Lexicon::default();
        let mut scanner = WordScanner::default();
        // Several words sharing a stem (bon, bonne, bons) average their scores.
        let mut sums: HashMap<Box<str>, (f32, u32)> = HashMap::new();
        for (word, score, _) in parse(base).expect("bundled lexicon parses") {
            let lower: Box<str> = word.to_lowercase().into();
            lex.exact.insert(lower.clone(), score);
            stem_of(&mut scanner, word, lang, |stem| {
                let e = sums.entry(stem.into()).or_insert((0.0, 0));
                e.0 += score;
                e.1 += 1;
                lex.words_of
                    .entry(stem.into())
                    .or_default()
                    .push(lower.clone());
            });
        }
        lex.scores = sums
            .into_iter()
            .map(|(k, (s, n))| (k, s / n as f32))
            .collect();
        lex.apply(&mut scanner, extra, lang)
            .expect("bundled lexicon parses");
        lex
    }

    /// Adds or overrides entries from `word<TAB>score[<TAB>fr|en]` lines (`#` comments): the
    /// word and every inflection sharing its stem; a score of 0 removes them; `=word` sets the
    /// exact word only (0: never scored). Lines restricted to another language are skipped.
    pub fn add_entries(&mut self, text: &str, lang: Lang) -> Result<(), LexiconError> {
        self.apply(&mut WordScanner::default(), text, lang)
    }

    /// See [`Lexicon::add_entries`].
    fn apply(
        &mut self,
        scanner: &mut WordScanner,
        text: &str,
        lang: Lang,
    ) -> Result<(), LexiconError> {
        for (word, score, only) in parse(text)? {
            if only.is_some_and(|l| l != lang) {
                continue;
            }
            if let Some(exact) = word.strip_prefix('=') {
                self.exact.insert(exact.to_lowercase().into(), score);
                continue;
            }
            let lower = word.to_lowercase();
            stem_of(scanner, word, lang, |stem| {
                // The entry stands for every word of its stem ("premier 0" also drops
                // "première", "premiers").
                if let Some(words) = self.words_of.get(stem) {
                    for w in words {
                        self.exact.remove(w);
                    }
                }
            });
            if score == 0.0 {
                self.exact.remove(lower.as_str());
            } else {
                self.exact.insert(lower.into(), score);
            }
            stem_of(scanner, word, lang, |stem| {
                if score == 0.0 {
                    self.scores.remove(stem);
                    self.explicit.remove(stem);
                } else {
                    self.scores.insert(stem.into(), score);
                    self.explicit.insert(stem.into());
                }
            });
        }
        Ok(())
    }

    /// The score of a stem, if the lexicon has it.
    pub fn get(&self, stem: &str) -> Option<f32> {
        self.scores.get(stem).copied()
    }

    /// The score of a normalised word: its own entry, else its stem's.
    pub fn lookup(&self, word: &str, stem: &str) -> Option<f32> {
        match self.exact.get(word) {
            Some(&0.0) => None,
            Some(&s) => Some(s),
            None => self.get(stem),
        }
    }

    /// The score of a stop word (normalised `word`, its `stem`): only entries given by hand
    /// count, and an exact entry of 0 for the word blocks its stem ("=tu 0": "tu" is no form
    /// of "tué").
    pub fn get_stop(&self, word: &str, stem: &str) -> Option<f32> {
        if self.exact.get(word) == Some(&0.0) {
            None
        } else if self.explicit.contains(stem) {
            self.get(stem)
        } else {
            None
        }
    }

    /// Number of stems.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }
}

/// Calls `f` with the stem of `word` when it is a single word of the chain ("d'accord" is one).
fn stem_of(scanner: &mut WordScanner, word: &str, lang: Lang, mut f: impl FnMut(&str)) {
    let mut n = 0;
    let mut stem = String::new();
    scanner.scan(word, lang, |w| {
        n += 1;
        stem.clear();
        stem.push_str(w.main);
    });
    if n == 1 && !stem.is_empty() {
        f(&stem);
    }
}

/// Reads a user lexicon file (see [`Lexicon::add_entries`] for the format).
pub fn read_lexicon_file(path: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(path).map_err(|error| LexiconError::Io {
        path: path.to_path_buf(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str, lang: Lang) -> String {
        let mut s = String::new();
        stem_of(&mut WordScanner::default(), word, lang, |x| {
            s = x.to_owned()
        });
        s
    }

    #[test]
    fn inflections_share_an_entry() {
        let lex = Lexicon::builtin(Lang::Fr);
        let bon = lex.get(&stem("bon", Lang::Fr)).expect("bon");
        assert!(bon > 0.0);
        for w in ["bonne", "bons", "bonnes"] {
            assert_eq!(lex.get(&stem(w, Lang::Fr)), Some(bon), "{w}");
        }
        assert!(
            lex.get(&stem("catastrophe", Lang::Fr))
                .expect("catastrophe")
                < 0.0
        );
        let en = Lexicon::builtin(Lang::En);
        assert!(en.get(&stem("goods", Lang::En)).expect("good") > 0.0);
        assert!(en.len() > 3000 && lex.len() > 3000);
    }

    #[test]
    fn user_entries_add_override_and_remove() {
        let mut lex = Lexicon::builtin(Lang::Fr);
        lex.add_entries("# mine\nbrexit\t-2\nbon\t0\nmodem\t1\ten\n", Lang::Fr)
            .expect("parses");
        assert_eq!(lex.get(&stem("brexit", Lang::Fr)), Some(-2.0));
        assert_eq!(lex.get(&stem("bonnes", Lang::Fr)), None);
        assert_eq!(lex.get(&stem("modem", Lang::Fr)), None);
        assert!(matches!(
            lex.add_entries("ok\n", Lang::Fr),
            Err(LexiconError::Syntax { line: 1, .. })
        ));
        assert!(lex.add_entries("x\tnan\n", Lang::Fr).is_err());
    }

    #[test]
    fn an_entry_for_a_stem_replaces_its_words_own_scores() {
        let mut lex = Lexicon::builtin(Lang::Fr);
        let look = |lex: &Lexicon, w: &str| lex.lookup(w, &stem(w, Lang::Fr));
        // The generated list scores "première" on its own; the bundled extra list's
        // "premier 0" removes the whole stem.
        assert_eq!(look(&lex, "première"), None);
        assert_eq!(look(&lex, "premiers"), None);
        assert!(look(&lex, "réussite").is_some_and(|s| s > 0.0));
        lex.add_entries("réussi\t2\n", Lang::Fr).expect("parses");
        for w in ["réussi", "réussie", "réussis"] {
            assert_eq!(look(&lex, w), Some(2.0), "{w}");
        }
    }
}
