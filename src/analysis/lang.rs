//! Language of a passage (a paragraph or a comment line): French or English.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use whatlang::{Detector, Lang as WhatLang};

use super::Lang;
use super::elision::{is_apostrophe, strip_elision};
use super::lowercase::lowercase_into;
use super::possessive::normalize_apostrophes_into;
use super::stop::vote;
use super::tokenize::lines;

/// whatlang restricted to French and English.
static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(vec![WhatLang::Fra, WhatLang::Eng]));

/// Fewest letters (URLs excluded) for which whatlang is consulted.
pub const MIN_LETTERS: usize = 30;

/// Lowest whatlang confidence trusted.
const MIN_CONFIDENCE: f64 = 0.5;

/// Stop-word votes after which a lopsided count is not going to change.
const DECISIVE_VOTES: usize = 12;

/// Longest prefix of a passage given to whatlang, in bytes.
const MAX_WHATLANG_LEN: usize = 4096;

/// What a passage says about its language.
struct Evidence<'a> {
    /// The passage without its URLs.
    text: Cow<'a, str>,
    /// Letters outside URLs.
    letters: usize,
    /// French-only stop words.
    fr: usize,
    /// English-only stop words.
    en: usize,
    /// Other words that only French has (see [`CUES`]).
    fr_cues: usize,
    /// Other words with a French accent.
    fr_accents: usize,
    /// Other words that only English has.
    en_cues: usize,
}

/// Words telling a short line's language: `lang<TAB>word` lines.
const CUES: &str = include_str!("lang-cues.txt");

/// The words of [`CUES`] and their language.
static CUE_WORDS: LazyLock<HashMap<&'static str, Lang>> = LazyLock::new(|| {
    CUES.lines()
        .filter_map(|line| match line.split_once('\t')? {
            ("fr", w) => Some((w.trim(), Lang::Fr)),
            ("en", w) => Some((w.trim(), Lang::En)),
            _ => None,
        })
        .collect()
});

/// Whether a lowercase word has a French accent ("très", "été"; English words have none).
fn has_french_accent(word: &str) -> bool {
    !word.is_ascii() && word.contains(|c: char| "àâçéèêëîïôùûüÿœæ".contains(c))
}

/// Whether a whitespace-separated token is a URL.
fn is_url(token: &str) -> bool {
    token.contains("://")
        || token
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."))
}

/// Gathers the evidence of `text`. Words are cut on anything but letters, digits and
/// apostrophes: cheaper than UAX #29 and as good for counting stop words.
fn evidence(text: &str) -> Evidence<'_> {
    let has_url = text.contains("://") || text.contains("www.") || text.contains("WWW.");
    let text: Cow<'_, str> = if has_url {
        let kept: Vec<&str> = text.split_whitespace().filter(|t| !is_url(t)).collect();
        Cow::Owned(kept.join(" "))
    } else {
        Cow::Borrowed(text)
    };
    let (mut letters, mut fr, mut en) = (0, 0, 0);
    let (mut fr_cues, mut en_cues, mut fr_accents) = (0, 0, 0);
    let (mut lower, mut word) = (String::new(), String::new());
    let pieces = text.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c)));
    for piece in pieces.filter(|p| !p.is_empty()) {
        letters += if piece.is_ascii() {
            piece.bytes().filter(u8::is_ascii_alphabetic).count()
        } else {
            piece.chars().filter(|c| c.is_alphabetic()).count()
        };
        // Past a decisive vote only letters are counted: a long paragraph needs no more.
        if piece.len() > 16 || (fr + en >= DECISIVE_VOTES && (fr > 3 * en || en > 3 * fr)) {
            continue;
        }
        let voter = if piece.bytes().all(|b| b.is_ascii_lowercase()) {
            // Already lowercase, no apostrophe to normalise or elision to strip.
            piece
        } else {
            lowercase_into(piece, &mut lower);
            normalize_apostrophes_into(strip_elision(&lower), &mut word);
            &word
        };
        match vote(voter) {
            Some(Lang::Fr) => fr += 1,
            Some(Lang::En) => en += 1,
            None if letters <= MIN_LETTERS => match CUE_WORDS.get(voter) {
                Some(Lang::Fr) => fr_cues += 1,
                Some(Lang::En) => en_cues += 1,
                None if has_french_accent(voter) => fr_accents += 1,
                None => {}
            },
            None => {}
        }
    }
    Evidence {
        text,
        letters,
        fr,
        en,
        fr_cues,
        en_cues,
        fr_accents,
    }
}

/// The stop-word vote's winner when it has at least `min` votes and more than twice the other's.
fn vote_winner(ev: &Evidence<'_>, min: usize) -> Option<Lang> {
    if ev.fr >= min && ev.fr > 2 * ev.en {
        Some(Lang::Fr)
    } else if ev.en >= min && ev.en > 2 * ev.fr {
        Some(Lang::En)
    } else {
        None
    }
}

/// The language of a short line from its stop words and its other telling words together
/// (words of [`CUES`], words with a French accent): at least two for one language, one of
/// them no accent, and none for the other ("Merci, très juste."). A name ("José Bové"), "OK"
/// or a URL tells nothing.
fn cue_winner(ev: &Evidence<'_>) -> Option<Lang> {
    let fr = ev.fr + ev.fr_cues + ev.fr_accents;
    let en = ev.en + ev.en_cues;
    if fr >= 2 && fr > ev.fr_accents && en == 0 {
        Some(Lang::Fr)
    } else if en >= 2 && fr == 0 {
        Some(Lang::En)
    } else {
        None
    }
}

/// whatlang's confident answer for a passage with enough letters.
fn whatlang(ev: &Evidence<'_>) -> Option<Lang> {
    if ev.letters < MIN_LETTERS {
        return None;
    }
    let mut end = ev.text.len().min(MAX_WHATLANG_LEN);
    while !ev.text.is_char_boundary(end) {
        end -= 1;
    }
    let info = DETECTOR.detect(&ev.text[..end])?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    match info.lang() {
        WhatLang::Fra => Some(Lang::Fr),
        WhatLang::Eng => Some(Lang::En),
        _ => None,
    }
}

/// The language of a passage if it can be told, and its letter count.
fn judge(text: &str) -> (Option<Lang>, usize) {
    let ev = evidence(text);
    let lang = vote_winner(&ev, 2)
        .or_else(|| whatlang(&ev))
        .or_else(|| {
            (ev.letters >= MIN_LETTERS)
                .then(|| vote_winner(&ev, 1))
                .flatten()
        })
        .or_else(|| {
            (ev.letters < MIN_LETTERS)
                .then(|| cue_winner(&ev))
                .flatten()
        });
    (lang, ev.letters)
}

/// The language of one passage, or `None` when it is too short or ambiguous to tell.
///
/// A clear stop-word vote (at least 2 French-only or English-only stop words, more than twice
/// the other side's) decides; otherwise whatlang, for passages of at least `MIN_LETTERS` (30)
/// letters outside URLs and a confidence of at least 0.5; otherwise, for such passages, a
/// one-word vote; for shorter ones, at least two words of one language only (stop words,
/// words such as "merci" or "thanks", words with a French accent) and none of the other.
pub fn try_detect(text: &str) -> Option<Lang> {
    judge(text).0
}

/// The language of one passage, `default` when it cannot be told.
pub fn detect(text: &str, default: Lang) -> Lang {
    try_detect(text).unwrap_or(default)
}

/// The lines of `text` (split on '\n') with their language; lines that cannot be told get the
/// majority language of the others, weighted by letters (French on a tie or when no line is
/// decided).
pub fn detect_passages(text: &str) -> Vec<(Range<usize>, Lang)> {
    detect_lines(text)
        .into_iter()
        .map(|(r, l, _)| (r, l))
        .collect()
}

/// [`detect_passages`], with for each line whether its language was told from the line itself
/// (`false`: it is the text's majority, as [`try_detect`] would say `None`).
pub fn detect_lines(text: &str) -> Vec<(Range<usize>, Lang, bool)> {
    let (mut fr, mut en) = (0usize, 0usize);
    let found: Vec<(Range<usize>, Option<Lang>)> = lines(text)
        .map(|range| {
            let (lang, letters) = judge(&text[range.clone()]);
            match lang {
                Some(Lang::Fr) => fr += letters,
                Some(Lang::En) => en += letters,
                None => {}
            }
            (range, lang)
        })
        .collect();
    let majority = if en > fr { Lang::En } else { Lang::Fr };
    found
        .into_iter()
        .map(|(r, l)| (r, l.unwrap_or(majority), l.is_some()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lines() {
        for line in [
            "As you use your Windows Phone and related services, we will collect some information from you in order to enable the features and services offered on the phone",
            "You may not copy, modify, sublicense, or distribute the Program except as expressly provided under this License.",
            "This is really bad news for Microsoft",
        ] {
            assert_eq!(detect(line, Lang::Fr), Lang::En, "{line}");
        }
    }

    #[test]
    fn french_lines() {
        for line in [
            "rien n’empeche MS de faire des pub liées au contenu des mails…",
            "bon ils prétendent qu’ils ne le font pas. Peut etre ne sont pas aussi bon que Google là dessus?",
            "Microsoft: vendeur de Software & services logiciels",
            "Windows Phone collecte des données personnelles",
        ] {
            assert_eq!(detect(line, Lang::En), Lang::Fr, "{line}");
        }
    }

    #[test]
    fn undecided_lines_get_the_default() {
        for line in [
            "http://www.windowsphone.com/en-US/legal/wp8/windows-phone-8-1-privacy-statement#section-1",
            "www.example.com/some/long/path/with/many/letters/in/it",
            "",
            "   ",
            "+1",
            "Windows Phone",
            "👍👍👍",
        ] {
            assert_eq!(try_detect(line), None, "{line}");
            assert_eq!(detect(line, Lang::En), Lang::En, "{line}");
        }
    }

    #[test]
    fn passages_inherit_the_majority() {
        let text = "The Program is provided without any warranty of any kind.\n+1\nhttp://x.org/a\n\nYou may not copy or distribute the Program.";
        let found = detect_passages(text);
        assert_eq!(found.len(), 5);
        assert!(found.iter().all(|(_, l)| *l == Lang::En));
        assert_eq!(&text[found[1].0.clone()], "+1");

        let mixed = "Les données sont stockées aux États-Unis par Microsoft.\nok\nThe data is stored in the United States.";
        let langs: Vec<Lang> = detect_passages(mixed).into_iter().map(|(_, l)| l).collect();
        assert_eq!(langs, [Lang::Fr, Lang::Fr, Lang::En]);

        assert_eq!(detect_passages(""), [(0..0, Lang::Fr)]);
    }

    #[test]
    fn short_lines_with_telling_words_keep_their_own_language() {
        let quote = "\"The government has been overreaching for years and nobody in Washington seems willing to stop it.\"";
        let paragraph = "Le gouvernement a déclaré que la décision serait prise rapidement par les autorités compétentes.";
        for (text, want) in [
            (format!("{quote}\nMerci, très juste."), [Lang::En, Lang::Fr]),
            (
                format!("{quote}\nMerci pour l'article, très juste."),
                [Lang::En, Lang::Fr],
            ),
            (format!("{quote}\nBien vu, merci !"), [Lang::En, Lang::Fr]),
            (
                format!("{paragraph}\nThanks, good point."),
                [Lang::Fr, Lang::En],
            ),
            (format!("{paragraph}\nGreat, thanks!"), [Lang::Fr, Lang::En]),
        ] {
            let langs: Vec<Lang> = detect_passages(&text).into_iter().map(|(_, l)| l).collect();
            assert_eq!(langs, want, "{text}");
        }
        // Short lines that tell nothing follow the text.
        for line in [
            "OK",
            "Emmanuel Macron",
            "http://www.example.com/merci/tres/juste",
            "José Bové",
            "Merci",
            "Thanks",
            "Merci, thanks",
        ] {
            assert_eq!(try_detect(line), None, "{line}");
            for (text, lang) in [(quote, Lang::En), (paragraph, Lang::Fr)] {
                let found = detect_passages(&format!("{text}\n{line}"));
                assert_eq!(found[1].1, lang, "{line} after {text}");
            }
        }
    }

    #[test]
    fn told_lines_are_the_lines_a_language_is_detected_for() {
        let text = "The Program is provided without any warranty of any kind.\n+1\nGreat article!\n\nLes données sont stockées aux États-Unis.\nok merci";
        let found = detect_lines(text);
        assert_eq!(found.len(), 6);
        for (range, _, told) in found {
            let line = &text[range];
            assert_eq!(told, try_detect(line).is_some(), "{line}");
        }
    }
}
