//! A fast path for UAX #29 word segmentation of Latin-script text.
//!
//! News text in French and English uses a small set of characters: ASCII, Latin-1, Latin
//! Extended-A/B, combining accents and typographic punctuation. For text made only of those,
//! [`Segmenter::latin_words`] applies the UAX #29 word rules directly on a table of their word-break
//! classes, several times faster than the general `unicode-segmentation` iterator; any other
//! character makes it return `false` and the caller uses `unicode-segmentation`. Tests check
//! that both give the same words on random strings over that character set.

use unicode_segmentation::UnicodeSegmentation;

/// Word-break class of a character (UAX #29), restricted to the fast set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter.
    Letter,
    /// Numeric.
    Numeric,
    /// MidLetter (`:` `·`).
    MidLetter,
    /// MidNumLet and Single_Quote (`.` `'` `’`).
    MidNumLet,
    /// MidNum (`,` `;`).
    MidNum,
    /// ExtendNumLet (`_`, narrow no-break space).
    ExtendNumLet,
    /// Extend or Format: ignored between other characters (combining accents, soft hyphen).
    Ignorable,
    /// CR, LF and other line breaks: nothing attaches to them.
    Newline,
    /// Anything else of the fast set; none of these is alphanumeric.
    Other,
}

/// The class of `c`, or `None` when `c` is outside the fast set.
fn class(c: char) -> Option<Class> {
    use Class::*;
    let u = c as u32;
    Some(match u {
        0x30..=0x39 => Numeric,
        0x41..=0x5A | 0x61..=0x7A => Letter,
        0x3A => MidLetter,
        0x2E | 0x27 => MidNumLet,
        0x2C | 0x3B => MidNum,
        0x5F => ExtendNumLet,
        0x0A..=0x0D => Newline,
        0x00..=0x7F => Other,
        0xAA | 0xB5 | 0xBA => Letter,
        0xAD => Ignorable,
        0xB7 => MidLetter,
        0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE => return None,
        0xA0..=0xBF => Other,
        0xD7 | 0xF7 => Other,
        0xC0..=0x24F => Letter,
        0x300..=0x36F => Ignorable,
        0x2018 | 0x2019 | 0x2024 => MidNumLet,
        0x2027 => MidLetter,
        0x2044 => MidNum,
        0x202F | 0x203F | 0x2040 | 0x2054 => ExtendNumLet,
        0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F => return None,
        0x2000..=0x206F => Other,
        0x20A0..=0x20C0 => Other,
        _ => return None,
    })
}

fn ah(c: Class) -> bool {
    c == Class::Letter
}

fn mid_letter_q(c: Class) -> bool {
    matches!(c, Class::MidLetter | Class::MidNumLet)
}

fn mid_num_q(c: Class) -> bool {
    matches!(c, Class::MidNum | Class::MidNumLet)
}

/// Scratch space for [`Segmenter::latin_words`].
#[derive(Debug, Default)]
pub struct Segmenter {
    /// Effective characters: (start, end including attached ignorables, class).
    chars: Vec<(usize, usize, Class)>,
}

impl Segmenter {
    /// The words of each text (see [`Segmenter::words`]).
    pub fn words_of_each(&mut self, texts: &[&str]) -> Vec<Vec<(usize, usize)>> {
        texts
            .iter()
            .map(|t| {
                let mut w = Vec::new();
                self.words(t, &mut w);
                w
            })
            .collect()
    }

    /// Pushes the byte ranges of the words of `text` (UAX #29) to `out`, line by line: the
    /// fast path for lines it covers, `unicode-segmentation` for the others. No word crosses a
    /// line break, so this is the segmentation of the whole text; the analysis chain, entity
    /// detection and the `forms` field share it.
    pub fn words(&mut self, text: &str, out: &mut Vec<(usize, usize)>) {
        let mut start = 0;
        for line in text.split('\n') {
            let from = out.len();
            if self.latin_words(line, out) {
                for s in &mut out[from..] {
                    s.0 += start;
                    s.1 += start;
                }
            } else {
                out.extend(
                    line.unicode_word_indices()
                        .map(|(o, w)| (start + o, start + o + w.len())),
                );
            }
            start += line.len() + 1;
        }
    }

    /// Pushes the byte ranges of the words of `text` (as `unicode_word_indices` would give
    /// them) to `out`; returns false, leaving `out` untouched, when `text` has a character
    /// outside the fast set.
    pub fn latin_words(&mut self, text: &str, out: &mut Vec<(usize, usize)>) -> bool {
        self.chars.clear();
        let mut attach = false;
        for (i, c) in text.char_indices() {
            let Some(k) = class(c) else {
                return false;
            };
            let end = i + c.len_utf8();
            if k == Class::Ignorable && attach {
                if let Some(last) = self.chars.last_mut() {
                    last.1 = end;
                }
                continue;
            }
            // An ignorable after the start of text or a line break stands alone.
            let k = if k == Class::Ignorable {
                Class::Other
            } else {
                k
            };
            attach = k != Class::Newline;
            self.chars.push((i, end, k));
        }
        let e = &self.chars;
        let n = e.len();
        let mut start = 0;
        for i in 1..=n {
            let joined = i < n && {
                let (a, b) = (e[i - 1].2, e[i].2);
                let next = e.get(i + 1).map(|x| x.2);
                let before = if i >= 2 { Some(e[i - 2].2) } else { None };
                (ah(a) && ah(b))
                    || (ah(a) && mid_letter_q(b) && next.is_some_and(ah))
                    || (before.is_some_and(ah) && mid_letter_q(a) && ah(b))
                    || (a == Class::Numeric && b == Class::Numeric)
                    || (ah(a) && b == Class::Numeric)
                    || (a == Class::Numeric && ah(b))
                    || (before == Some(Class::Numeric) && mid_num_q(a) && b == Class::Numeric)
                    || (a == Class::Numeric && mid_num_q(b) && next == Some(Class::Numeric))
                    || (matches!(a, Class::Letter | Class::Numeric | Class::ExtendNumLet)
                        && b == Class::ExtendNumLet)
                    || (a == Class::ExtendNumLet && matches!(b, Class::Letter | Class::Numeric))
            };
            if !joined {
                if e[start..i]
                    .iter()
                    .any(|x| matches!(x.2, Class::Letter | Class::Numeric))
                {
                    out.push((e[start].0, e[i - 1].1));
                }
                start = i;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn fast(text: &str) -> Option<Vec<&str>> {
        let mut seg = Segmenter::default();
        let mut out = Vec::new();
        seg.latin_words(text, &mut out)
            .then(|| out.iter().map(|&(a, b)| &text[a..b]).collect())
    }

    fn uax(text: &str) -> Vec<&str> {
        text.unicode_words().collect()
    }

    #[test]
    fn words_of_a_text_are_its_uax29_words() {
        let mut seg = Segmenter::default();
        for t in [
            "Une ligne.\nL’autre, avec 東京 et 🎉.\n\nFin d'État",
            "\u{301}début\n\u{301}suite",
            "",
            "\n",
        ] {
            let mut out = Vec::new();
            seg.words(t, &mut out);
            let got: Vec<&str> = out.iter().map(|&(a, b)| &t[a..b]).collect();
            assert_eq!(got, uax(t), "{t:?}");
        }
    }

    #[test]
    fn same_words_as_uax29_on_news_text() {
        for t in [
            "l’entreprise qu'Apple aujourd’hui don't États-Unis",
            "Le 01/09/2014 à 18h02, 3,14 et 1.000.000 ; S:t Pierre",
            "« Vous ne passerez pas ! » — a-t-il dit… l'œuvre d’Æsop",
            "snake_case _x x_ 1\u{202F}000 mot\u{202F}: fin",
            "e\u{301}te\u{301} \u{301}abc so\u{AD}ciété",
            "http://www.windowsphone.com/en-US/legal/wp8/windows-phone-8-1-privacy-statement#…",
            "",
            "'",
            "’’’",
            ".5 5. a.b. a..b 1,,2 a'' ''a",
        ] {
            assert_eq!(fast(t).as_deref(), Some(uax(t).as_slice()), "{t:?}");
        }
        assert_eq!(fast("日本"), None);
        assert_eq!(fast("x²"), None);
    }

    #[test]
    fn same_words_as_uax29_on_random_strings() {
        let palette: Vec<char> =
            "aZé9_0:.',; \n\r\t-·’‘\u{AD}\u{301}\u{202F}\u{A0}«»…–—\"!?()/x1ŒœçÀ×÷ªº€$%#"
                .chars()
                .collect();
        let mut state = 0x2545F4914F6CDD1Du64;
        for _ in 0..20_000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(palette[(state % palette.len() as u64) as usize]);
            }
            assert_eq!(fast(&s).as_deref(), Some(uax(&s).as_slice()), "{s:?}");
        }
    }
}
