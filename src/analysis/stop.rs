//! French and English stop words (Snowball lists, in `stopwords/`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::Lang;
use super::fold::fold;
use super::hash::BuildWordHasher;

/// A set of stop words: each entry of a list, accented as written and folded.
type StopSet = HashSet<Box<str>, BuildWordHasher>;

/// The French list.
static FR: LazyLock<StopSet> = LazyLock::new(|| parse(include_str!("stopwords/fr.txt")));

/// The English list.
static EN: LazyLock<StopSet> = LazyLock::new(|| parse(include_str!("stopwords/en.txt")));

/// Reads a list: one word per line, `#` starts a comment; adds each word's folded form.
fn parse(list: &str) -> StopSet {
    let mut set = StopSet::default();
    for line in list.lines() {
        let word = line.split('#').next().unwrap_or("").trim();
        if !word.is_empty() {
            set.insert(fold(word).into());
            set.insert(word.into());
        }
    }
    set
}

/// The stop set of `lang`.
fn set(lang: Lang) -> &'static StopSet {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// Whether `word` (lowercase, apostrophes normalised to ') is a stop word of `lang`, as written
/// or as the accent-free spelling of a listed word ("etait").
pub fn is_stop(word: &str, lang: Lang) -> bool {
    set(lang).contains(word)
}

/// Whether `word` (as for [`is_stop`]) is a stop word of French or English: one lookup in the
/// two lists joined, none for a word longer than their longest.
pub fn is_stop_either(word: &str) -> bool {
    let either = &*EITHER;
    word.len() <= either.longest && either.words.contains(word)
}

/// The French and English lists joined, with the length in bytes of their longest word.
struct Either {
    /// Both lists' words.
    words: StopSet,
    /// The length in bytes of the longest.
    longest: usize,
}

/// The lists of [`is_stop_either`].
static EITHER: LazyLock<Either> = LazyLock::new(|| {
    let words: StopSet = FR.iter().chain(EN.iter()).cloned().collect();
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    Either { words, longest }
});

/// The language whose list alone holds `word`, for language votes; single letters ("l", "i")
/// and English stop words that are also common French words ("an", "or", "as") are not counted.
pub fn vote(word: &str) -> Option<Lang> {
    let votes = &*VOTES;
    if word.len() > votes.longest {
        return None;
    }
    votes.words.get(word).copied()
}

/// The words that vote for a language (see [`vote`]), in one table, with the length in bytes
/// of the longest.
struct Votes {
    words: HashMap<Box<str>, Lang, BuildWordHasher>,
    longest: usize,
}

static VOTES: LazyLock<Votes> = LazyLock::new(|| {
    let mut words = HashMap::default();
    for (lang, own, other) in [(Lang::Fr, &*FR, &*EN), (Lang::En, &*EN, &*FR)] {
        for w in own {
            let counted =
                w.chars().nth(1).is_some() && !matches!(&**w, "an" | "or" | "as" | "do" | "if");
            if counted && !other.contains(w) {
                words.insert(w.clone(), lang);
            }
        }
    }
    let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
    Votes { words, longest }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_list() {
        for w in [
            "le", "les", "de", "qu", "à", "a", "ça", "était", "etait", "ca", "l", "est",
        ] {
            assert!(is_stop(w, Lang::Fr), "{w}");
        }
        for w in ["entreprise", "été", "ete", "son", "sûr", "the"] {
            assert!(!is_stop(w, Lang::Fr), "{w}");
        }
    }

    #[test]
    fn either_list() {
        for w in ["le", "etait", "the", "don't", "yourselves"] {
            assert!(is_stop_either(w), "{w}");
        }
        for w in ["entreprise", "privacy", "", "anticonstitutionnellement"] {
            assert!(!is_stop_either(w), "{w}");
        }
    }

    #[test]
    fn english_list() {
        for w in ["the", "and", "don't", "it's", "a", "you"] {
            assert!(is_stop(w, Lang::En), "{w}");
        }
        for w in ["privacy", "us", "will", "le", "don’t"] {
            assert!(!is_stop(w, Lang::En), "{w}");
        }
    }

    #[test]
    fn the_vote_table_agrees_with_the_lists() {
        let by_lists = |w: &str| {
            if w.chars().nth(1).is_none() || matches!(w, "an" | "or" | "as" | "do" | "if") {
                return None;
            }
            match (is_stop(w, Lang::Fr), is_stop(w, Lang::En)) {
                (true, false) => Some(Lang::Fr),
                (false, true) => Some(Lang::En),
                _ => None,
            }
        };
        let extra = [
            "",
            "entreprise",
            "été",
            "the",
            "x",
            "qu'il",
            "anticonstitutionnellement",
        ];
        for w in FR.iter().chain(EN.iter()).map(|w| &**w).chain(extra) {
            assert_eq!(vote(w), by_lists(w), "{w}");
        }
    }

    #[test]
    fn votes() {
        assert_eq!(vote("les"), Some(Lang::Fr));
        assert_eq!(vote("de"), Some(Lang::Fr));
        assert_eq!(vote("the"), Some(Lang::En));
        assert_eq!(vote("a"), None);
        assert_eq!(vote("me"), None);
        assert_eq!(vote("to"), Some(Lang::En));
        assert_eq!(vote("an"), None);
        assert_eq!(vote("l"), None);
        assert_eq!(vote("windows"), None);
    }
}
