//! Name tokens: the chain's words re-joined where names hold together (hyphens, "&", acronym
//! dots), elisions and possessives set apart, with the sentence context capital letters need.

use crate::analysis::elision::is_apostrophe;
use crate::analysis::fold::fold_char;
use crate::analysis::segment::Segmenter;

/// How a token is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Capital first letter, some lowercase letters ("Preska", "Jean-Luc", "McDonald").
    Cap,
    /// Two letters or more, all capitals ("NSA", "TF1", "U.S.", "AT&T").
    Upper,
    /// One capital letter ("M", "J").
    Initial,
    /// Lowercase first letter, a capital inside ("iPhone", "eBay").
    Mixed,
    /// No capital letter.
    Lower,
    /// Starts with a digit.
    Number,
}

impl Shape {
    /// Whether a name may start with a token of this shape.
    pub fn starts_name(self) -> bool {
        matches!(
            self,
            Shape::Cap | Shape::Upper | Shape::Mixed | Shape::Initial
        )
    }
}

/// One word of a text, as entity detection sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameToken<'t> {
    /// Byte offset of the word (after any elided article) in the text.
    pub start: usize,
    /// Byte offset of its end (before any possessive "'s").
    pub end: usize,
    /// `text[start..end]`.
    pub text: &'t str,
    /// How it is written.
    pub shape: Shape,
    /// First word of a text, line, sentence, or of a quotation or clause after ":" or ";".
    pub sentence_start: bool,
    /// Only spaces separate it from the previous token (no punctuation); an elided article
    /// of its own ("d'État") still counts as joined.
    pub joined: bool,
    /// Its elided article as written, without the apostrophe ("d" in "d'État"), or "".
    pub elision: &'t str,
    /// A "." follows it immediately.
    pub dot: bool,
    /// " & " stands between it and the previous token.
    pub amp: bool,
    /// Line of the text it is on, from 0.
    pub line: u32,
    /// Byte offset of the word with its elided article ("d'" of "d'Aubigny").
    pub raw_start: usize,
    /// A hyphen right before it joins it to a lowercase word ("post-Snowden").
    pub hyphen_before: bool,
    /// It ended with a possessive "'s" (not part of `text`): a name stops here.
    pub possessive: bool,
}

impl NameToken<'_> {
    /// The word lowercase with accents removed, for list lookups.
    pub fn key(&self) -> String {
        key_of(self.text)
    }

    /// [`NameToken::key`] as a [`Part`] (short keys need no allocation).
    pub fn part(&self) -> Part {
        with_key(self.text, |k| Part::new(k))
    }

    /// The word lowercase (accents kept).
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// One keyed word of a name (see [`key_of`]): most are short enough to be kept inline.
pub type Part = compact_str::CompactString;

/// The part an elided article makes inside a name: its key and an apostrophe ("d'").
pub fn elision_part(elision: &str) -> Part {
    let mut p = with_key(elision, |k| Part::new(k));
    p.push('\'');
    p
}

/// `word` lowercase with accents removed, apostrophes as "'" and white space as " ".
pub fn key_of(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_key(word, &mut out);
    out
}

/// Appends [`key_of`]`(word)` to `out`.
pub fn push_key(word: &str, out: &mut String) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        // ASCII bytes stay ASCII: lowercasing them keeps the string valid.
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // A no-break space inside a name keys as a space.
        if c.is_whitespace() {
            out.push(' ');
            continue;
        }
        for l in c.to_lowercase() {
            if is_apostrophe(l) {
                out.push('\'');
            } else {
                match fold_char(l) {
                    Some(f) => out.push_str(f),
                    None => out.push(l),
                }
            }
        }
    }
}

/// Whether `word` ends with `end`, compared byte by byte from the end (short endings need no
/// call to `memcmp`, and most words differ in their last byte).
#[inline]
pub(super) fn ends_in(word: &[u8], end: &str) -> bool {
    let end = end.as_bytes();
    word.len() >= end.len()
        && word[word.len() - end.len()..]
            .iter()
            .rev()
            .zip(end.iter().rev())
            .all(|(a, b)| a == b)
}

/// Calls `f` with [`key_of`]`(word)`, without allocating: a lowercase ASCII word is passed as
/// it is, other short ASCII words are keyed on the stack, others in a buffer kept from call to
/// call.
pub fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if word.is_ascii() && word.len() <= buf.len() {
        // A lowercase ASCII word is its own key.
        if !word.bytes().any(|c| c.is_ascii_uppercase()) {
            return f(word);
        }
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out.
        return f(std::str::from_utf8(b).unwrap_or_default());
    }
    thread_local! {
        /// The key being built (kept from call to call: no allocation).
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    // `f` may key another word: the buffer is then in use, and that call allocates.
    KEY.with(|cell| match cell.try_borrow_mut() {
        Ok(mut key) => {
            key.clear();
            push_key(word, &mut key);
            f(&key)
        }
        Err(_) => f(&key_of(word)),
    })
}

/// The shape of a word.
pub fn shape_of(word: &str) -> Shape {
    let b = word.as_bytes();
    // Most words begin with a lowercase ASCII letter: lowercase unless a capital follows
    // ("iPhone", "eBay").
    if b.first().is_some_and(u8::is_ascii_lowercase) {
        let (mut capital, mut wide) = (false, false);
        for &x in b {
            capital |= x.is_ascii_uppercase();
            wide |= !x.is_ascii();
        }
        let capital = capital
            || wide
                && word
                    .chars()
                    .any(|c| !c.is_ascii() && c.is_alphabetic() && c.is_uppercase());
        return if capital { Shape::Mixed } else { Shape::Lower };
    }
    // One pass: the first letter or digit, then letters and capitals counted (ASCII classes
    // without table lookups).
    let mut first = None;
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in word.chars() {
        let (alphanumeric, alphabetic, capital) = if c.is_ascii() {
            (
                c.is_ascii_alphanumeric(),
                c.is_ascii_alphabetic(),
                c.is_ascii_uppercase(),
            )
        } else {
            let alphabetic = c.is_alphabetic();
            (
                alphabetic || c.is_numeric(),
                alphabetic,
                alphabetic && c.is_uppercase(),
            )
        };
        if !alphanumeric {
            continue;
        }
        if first.is_none() {
            first = Some(c);
        }
        letters += usize::from(alphabetic);
        upper += usize::from(capital);
    }
    match first {
        None => Shape::Lower,
        Some(c) if c.is_numeric() => Shape::Number,
        Some(c) if c.is_uppercase() => {
            if letters == 1 {
                Shape::Initial
            } else if upper == letters {
                Shape::Upper
            } else {
                Shape::Cap
            }
        }
        Some(_) if upper > 0 => Shape::Mixed,
        Some(_) => Shape::Lower,
    }
}

/// French elided words (lowercase) set apart from the name that follows: "l'Irlande".
const ELIDED: [&str; 11] = [
    "l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu",
];

/// Words after which a "." does not end the sentence (when written with a capital: "M.", "Dr.").
const ABBREVIATIONS: [&str; 14] = [
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mr", "mrs", "ms", "st", "jr", "sr",
];

/// Whether `gap` (the text between two words) is a hyphen that joins them.
pub(super) fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

/// Whether the first letter of `word` is a capital.
fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Length of the elided article at the start of `word` (apostrophe included), or 0.
fn elision_len(word: &str) -> usize {
    // Most words hold no apostrophe among their first bytes (each apostrophe is `'`, or a
    // character whose UTF-8 form starts with 0xCA, 0xC2 or 0xE2).
    if !word.as_bytes()[..word.len().min(28)]
        .iter()
        .any(|&b| matches!(b, b'\'' | 0xC2 | 0xCA | 0xE2))
    {
        return 0;
    }
    for (i, c) in word.char_indices().take(7) {
        if is_apostrophe(c) {
            let end = i + c.len_utf8();
            if i > 0
                && end < word.len()
                && ELIDED.iter().any(|e| e.eq_ignore_ascii_case(&word[..i]))
                // "O'Connor", "D'Alembert": a capital single letter before a capital is a name.
                && !(i == 1 && starts_upper(word) && starts_upper(&word[end..]) && word[..i] != *"L")
            {
                return end;
            }
            return 0;
        }
    }
    0
}

/// Byte length of a possessive ending ("'s", "’s", a lone "'" after "s").
fn possessive_len(word: &str) -> usize {
    let mut it = word.char_indices().rev();
    match (it.next(), it.next()) {
        (Some((_, 's' | 'S')), Some((i, a))) if is_apostrophe(a) && i > 0 => word.len() - i,
        _ => 0,
    }
}

/// Whether the punctuation in `gap` starts a new sentence (or clause that takes a capital;
/// "2° Terme de marine": an ordinal opens a numbered item).
fn starts_sentence(gap: &str) -> bool {
    gap.contains([
        '.', '!', '?', '…', ':', ';', '«', '“', '\n', '•', '|', '—', '–', '*', '°',
    ]) || gap.contains(is_emoji)
        // A straight quote that opens a quotation (after a space or a bracket); not one that
        // closes it right after a word or a comma ('bad," said Okafor').
        || gap.char_indices().any(|(i, c)| {
            c == '"' && gap[..i].ends_with(|b: char| b.is_whitespace() || matches!(b, '(' | '['))
        })
}

/// Whether `c` is an emoji or a pictograph ("😂", "💪", "☀"): in comments, it ends a sentence
/// as a full stop would ("verts fluo 🙃 Logique.").
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}')
}

/// Whether `word` is only lowercase letters of ASCII and Latin-1 ("éléphant", "garçon"; not
/// "÷" nor any capital).
fn is_lowercase_latin(word: &[u8]) -> bool {
    let mut i = 0;
    while i < word.len() {
        match word[i] {
            b'a'..=b'z' => i += 1,
            0xC3 if matches!(word.get(i + 1), Some(&(0x9F..=0xB6 | 0xB8..=0xBF))) => i += 2,
            _ => return false,
        }
    }
    true
}

/// Reusable buffers for [`tokenize`].
#[derive(Debug, Default)]
pub struct Tokenizer {
    /// Fast Latin segmentation.
    segmenter: Segmenter,
    /// Word byte ranges.
    spans: Vec<(usize, usize)>,
}

impl Tokenizer {
    /// Cuts `text` into name tokens, pushed to `out` (cleared first).
    pub fn tokenize<'t>(&mut self, text: &'t str, out: &mut Vec<NameToken<'t>>) {
        let mut spans = std::mem::take(&mut self.spans);
        spans.clear();
        self.segmenter.words(text, &mut spans);
        tokenize_words(text, &spans, out);
        self.spans = spans;
    }
}

/// Whether `word` is an English participle that makes an adjective of the name hyphenated
/// before it ("Perth-based", "Dublin-born", "EU-funded", "Labour-led").
fn is_attributive_participle(word: &str) -> bool {
    matches!(
        word,
        "based"
            | "born"
            | "bred"
            | "headquartered"
            | "owned"
            | "led"
            | "backed"
            | "funded"
            | "run"
            | "listed"
            | "registered"
            | "flagged"
            | "made"
            | "built"
            | "trained"
            | "educated"
    )
}

/// Cuts `text`, whose words are `spans` (as [`Segmenter::words`] gives them), into name
/// tokens, pushed to `out` (cleared first).
pub fn tokenize_words<'t>(text: &'t str, spans: &[(usize, usize)], out: &mut Vec<NameToken<'t>>) {
    tokenize_words_with(text, spans, out, true);
}

/// `bytes[start..end]` without the narrow no-break spaces (U+202F, E2 80 AF in UTF-8) and
/// no-break spaces (U+00A0, C2 A0) at its ends.
#[inline(never)]
fn trim_no_break_spaces(bytes: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    const NNBSP: &[u8] = &[0xE2, 0x80, 0xAF];
    const NBSP: &[u8] = &[0xC2, 0xA0];
    loop {
        let word = &bytes[start..end];
        if word.ends_with(NNBSP) {
            end -= NNBSP.len();
        } else if word.ends_with(NBSP) {
            end -= NBSP.len();
        } else if word.starts_with(NNBSP) {
            start += NNBSP.len();
        } else if word.starts_with(NBSP) {
            start += NBSP.len();
        } else {
            return (start, end);
        }
    }
}

/// [`tokenize_words`]; `fast` takes the short way for lowercase ASCII words (the general way
/// gives them the same tokens).
fn tokenize_words_with<'t>(
    text: &'t str,
    spans: &[(usize, usize)],
    out: &mut Vec<NameToken<'t>>,
    fast: bool,
) {
    out.clear();
    out.reserve(spans.len());
    let mut line = 0u32;
    let mut prev_end = 0usize;
    let mut prev_abbrev = false;
    let mut i = 0;
    while i < spans.len() {
        let (mut raw_start, mut end) = spans[i];
        // "Lyon\u{202f}!", "«\u{202f}Lyon": French typography's narrow no-break space (and a
        // no-break space) joins a word for the segmenter (as a connector, UAX #29); it is no part
        // of the name. (U+202F is E2 80 AF in UTF-8, U+00A0 C2 A0.)
        let bytes = text.as_bytes();
        if end > raw_start
            && (matches!(bytes[end - 1], 0xAF | 0xA0) || matches!(bytes[raw_start], 0xE2 | 0xC2))
        {
            (raw_start, end) = trim_no_break_spaces(bytes, raw_start, end);
        }
        if raw_start == end {
            i += 1;
            continue;
        }
        let gap = &text[prev_end..raw_start];
        let (sentence_start, joined, amp, hyphen_before) = if gap == " " {
            // Most words: one space after the previous one.
            (out.is_empty(), true, false, false)
        } else {
            let newlines = gap.bytes().filter(|&b| b == b'\n').count() as u32;
            line += newlines;
            let trimmed = gap.trim();
            (
                out.is_empty()
                    || newlines > 0
                    || (starts_sentence(gap) && !(prev_abbrev && trimmed == ".")),
                newlines == 0 && (trimmed.is_empty() || (prev_abbrev && trimmed == ".")),
                trimmed == "&",
                is_hyphen(gap)
                    && out.last().is_some_and(|p: &NameToken<'_>| {
                        p.end == prev_end && p.shape == Shape::Lower
                    }),
            )
        };
        // Most words are lowercase letters (ASCII, or Latin-1 as "é", "à", "ç"): no elision,
        // inner dot, possessive, capital or abbreviation. Only a plural before an apostrophe
        // ("Workers' Party") needs a look.
        let raw = &text.as_bytes()[raw_start..end];
        if fast && !raw.is_empty() && is_lowercase_latin(raw) {
            let next = text.as_bytes().get(end).copied();
            if !(raw.last() == Some(&b's') && matches!(next, Some(b'\'' | 0xC2 | 0xCA | 0xE2))) {
                out.push(NameToken {
                    start: raw_start,
                    end,
                    text: &text[raw_start..end],
                    shape: Shape::Lower,
                    sentence_start,
                    joined,
                    elision: "",
                    dot: next == Some(b'.'),
                    amp,
                    line,
                    raw_start,
                    hyphen_before,
                    possessive: false,
                });
                prev_abbrev = false;
                prev_end = end;
                i += 1;
                continue;
            }
        }
        let el = elision_len(&text[raw_start..end]);
        let start = raw_start + el;
        // Hyphenated names ("Jean-Luc", "Aix-en-Provence") and "AT&T" are one token.
        let capital = starts_upper(&text[start..end]);
        while capital && i + 1 < spans.len() {
            let (ns, ne) = spans[i + 1];
            let g = &text[end..ns];
            let next_cap = starts_upper(&text[ns..ne]);
            // "Perth-based", "Dublin-born", "EU-funded": a name before an English participle
            // stays a name of its own.
            if is_hyphen(g) && is_attributive_participle(&text[ns..ne]) {
                break;
            }
            if (capital && is_hyphen(g)) || (g == "&" && capital && next_cap) {
                end = ne;
                i += 1;
            } else {
                break;
            }
        }
        // "U.S." keeps its last dot.
        if text[end..].starts_with('.') && text[start..end].contains('.') {
            end += 1;
        }
        let p = possessive_len(&text[start..end]);
        let end_word = if end - start > p { end - p } else { end };
        // "Workers' Party": an apostrophe after a plural the segmenter left outside the word.
        let mut possessive = p > 0 && end - start > p;
        if p == 0 && text[start..end].ends_with(['s', 'S']) {
            let rest = &text[end..];
            if let Some(a) = rest.chars().next()
                && is_apostrophe(a)
                && rest[a.len_utf8()..].starts_with(' ')
            {
                possessive = true;
                end += a.len_utf8();
            }
        }
        let word = &text[start..end_word];
        let elision = if el > 0 {
            text[raw_start..start].trim_end_matches(is_apostrophe)
        } else {
            ""
        };
        let dot = text[end..].starts_with('.');
        // Initials and titles are written with a capital ("J. Smith", "M. Dupont"); a
        // lowercase "s. m." (dictionary grammar) or "p." ends its clause like any word.
        prev_abbrev = dot
            && starts_upper(word)
            && (word.chars().nth(1).is_none()
                || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)));
        out.push(NameToken {
            start,
            end: end_word,
            text: word,
            shape: shape_of(word),
            sentence_start,
            joined,
            elision,
            dot,
            amp,
            line,
            raw_start,
            hyphen_before,
            possessive,
        });
        prev_end = end;
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<NameToken<'_>> {
        let mut out = Vec::new();
        Tokenizer::default().tokenize(text, &mut out);
        out
    }

    #[test]
    fn lowercase_words_take_the_short_way_to_the_same_tokens() {
        const PALETTE: &[char] = &[
            'a', 'e', 's', 'z', 'A', 'S', 'É', 'é', 'à', 'ß', 'ÿ', '÷', 'Ÿ', 'œ', 'İ', '\'', '’',
            'ʼ', '´', '-', '&', ' ', ' ', '\n', '.', ',', '!', ':', '1', '«', '@', '_', '😂',
        ];
        let mut segmenter = Segmenter::default();
        for text in crate::analysis::random_texts(PALETTE, 5000, 40, 0x9E37_79B9_7F4A_7C15) {
            let mut spans = Vec::new();
            segmenter.words(&text, &mut spans);
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            tokenize_words_with(&text, &spans, &mut fast, true);
            tokenize_words_with(&text, &spans, &mut general, false);
            assert_eq!(fast, general, "{text:?}");
        }
    }

    #[test]
    fn names_hold_together() {
        let t =
            toks("Jean-Luc de La Fontaine vit à Aix-en-Provence, chez AT&T aux U.S. depuis l’an");
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "Jean-Luc",
                "de",
                "La",
                "Fontaine",
                "vit",
                "à",
                "Aix-en-Provence",
                "chez",
                "AT&T",
                "aux",
                "U.S.",
                "depuis",
                "an"
            ]
        );
        assert_eq!(t[8].shape, Shape::Upper);
        assert_eq!(t[10].shape, Shape::Upper);
        assert_eq!(t[12].elision, "l");
        assert!(!t[7].joined, "a comma separates chez from Aix");
    }

    #[test]
    fn elisions_and_possessives_are_set_apart() {
        let t = toks("le Conseil d'État et Microsoft’s lawyers, O'Connor et qu’Apple");
        assert_eq!(t[2].text, "État");
        assert_eq!(t[2].elision, "d");
        assert!(t[2].joined);
        assert_eq!(t[4].text, "Microsoft");
        assert_eq!(t[6].text, "O'Connor");
        assert_eq!(t[8].text, "Apple");
        assert_eq!(t[8].elision, "qu");
    }

    #[test]
    fn sentence_starts() {
        let t = toks("Merci. M. Dupont a dit : Bref, rien.\nTiens");
        let starts: Vec<(&str, bool)> = t.iter().map(|t| (t.text, t.sentence_start)).collect();
        assert_eq!(
            starts,
            [
                ("Merci", true),
                ("M", true),
                ("Dupont", false),
                ("a", false),
                ("dit", false),
                ("Bref", true),
                ("rien", false),
                ("Tiens", true)
            ]
        );
        assert_eq!(t[7].line, 1);
        assert!(t[1].dot);
    }

    #[test]
    fn dictionary_abbreviations_and_ordinals_end_clauses() {
        // Lowercase "s. m." is no title, and "2°" opens a numbered item: the capitals after
        // them are sentence starts, unlike a name after "M." or an initial.
        let t = toks("(bé) s. m. Terme de chimie. 2° Terme de marine. M. Dupont et J. Smith");
        let starts: Vec<(&str, bool)> = t
            .iter()
            .filter(|t| t.shape != Shape::Lower)
            .map(|t| (t.text, t.sentence_start))
            .collect();
        assert_eq!(
            starts,
            [
                ("Terme", true),
                ("2", true),
                ("Terme", true),
                ("M", true),
                ("Dupont", false),
                ("J", false),
                ("Smith", false)
            ]
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_of("iPhone"), Shape::Mixed);
        assert_eq!(shape_of("TF1"), Shape::Upper);
        assert_eq!(shape_of("McDonald"), Shape::Cap);
        assert_eq!(shape_of("M"), Shape::Initial);
        assert_eq!(shape_of("2014"), Shape::Number);
        assert_eq!(shape_of("pays"), Shape::Lower);
        assert_eq!(shape_of("débat"), Shape::Lower);
        assert_eq!(shape_of("eBay"), Shape::Mixed);
        assert_eq!(shape_of("aÉroport"), Shape::Mixed);
        assert_eq!(shape_of("x-ray"), Shape::Lower);
    }

    /// The shape by a plain walk over the characters.
    fn walked_shape(word: &str) -> Shape {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        match word.chars().find(|c| c.is_alphanumeric()) {
            None => Shape::Lower,
            Some(c) if c.is_numeric() => Shape::Number,
            Some(c) if c.is_uppercase() && letters.len() == 1 => Shape::Initial,
            Some(c) if c.is_uppercase() && upper == letters.len() => Shape::Upper,
            Some(c) if c.is_uppercase() => Shape::Cap,
            Some(_) if upper > 0 => Shape::Mixed,
            Some(_) => Shape::Lower,
        }
    }

    #[test]
    fn shapes_agree_with_a_character_walk() {
        let alphabet = ['a', 'Z', 'é', 'É', '1', '²', '-', '.', '\'', 'ß', 'ǅ'];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
            words.dedup();
        }
        for w in &words {
            assert_eq!(shape_of(w), walked_shape(w), "{w:?}");
        }
    }
}
