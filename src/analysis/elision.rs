//! French elision: "l’entreprise" → "entreprise", "qu’Apple" → "apple".

/// Elided words that are stripped when followed by an apostrophe (compared lowercase).
const ELIDED: [&str; 13] = [
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
];

/// Whether `c` is one of the apostrophes accepted by the chain: ' ’ ʼ ‘ ´.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}' | '\u{00B4}')
}

/// Byte length of the elided prefix of a lowercase `word` (apostrophe included), or 0; the rest
/// of the word is never empty.
pub fn elided_len(word: &str) -> usize {
    for (i, c) in word.char_indices().take(7) {
        if is_apostrophe(c) {
            let end = i + c.len_utf8();
            if end < word.len() && ELIDED.contains(&&word[..i]) {
                return end;
            }
            return 0;
        }
    }
    0
}

/// `word` (lowercase) without its elided prefix.
pub fn strip_elision(word: &str) -> &str {
    &word[elided_len(word)..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_with_every_apostrophe() {
        for a in ['\'', '’', 'ʼ', '‘', '´'] {
            assert_eq!(strip_elision(&format!("l{a}entreprise")), "entreprise");
            assert_eq!(strip_elision(&format!("qu{a}apple")), "apple");
            assert_eq!(strip_elision(&format!("jusqu{a}à")), "à");
            assert_eq!(strip_elision(&format!("lorsqu{a}il")), "il");
        }
    }

    #[test]
    fn keeps_words_that_are_not_elisions() {
        assert_eq!(strip_elision("aujourd’hui"), "aujourd’hui");
        assert_eq!(strip_elision("don't"), "don't");
        assert_eq!(strip_elision("entreprise"), "entreprise");
        assert_eq!(strip_elision("l’"), "l’");
        assert_eq!(strip_elision("’"), "’");
        assert_eq!(strip_elision(""), "");
        assert_eq!(strip_elision("o'neill"), "o'neill");
    }

    #[test]
    fn strips_only_once() {
        assert_eq!(strip_elision("qu’aujourd’hui"), "aujourd’hui");
        assert_eq!(strip_elision("l'l'x"), "l'x");
    }
}
