//! Accent folding: diacritics of Latin letters removed, ligatures expanded ("œ" → "oe").

use std::borrow::Cow;

/// Folded forms of U+00C0..=U+00FF (Latin-1 letters); × and ÷ are kept.
const LATIN1: [&str; 64] = [
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", // C0
    "D", "N", "O", "O", "O", "O", "O", "×", "O", "U", "U", "U", "U", "Y", "TH", "ss", // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // E0
    "d", "n", "o", "o", "o", "o", "o", "÷", "o", "u", "u", "u", "u", "y", "th", "y", // F0
];

/// Folded forms of U+0100..=U+017F (Latin Extended-A).
const LATIN_EXT_A: [&str; 128] = [
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", // 100
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g", // 110
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i", // 120
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", // 130
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o", // 140
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", // 150
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", // 160
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s", // 170
];

/// The folded form of `c`, or `None` when `c` is kept as is; combining diacritical marks
/// (U+0300..=U+036F) fold to "".
pub fn fold_char(c: char) -> Option<&'static str> {
    let u = c as usize;
    match u {
        0xC0..=0xFF => Some(LATIN1[u - 0xC0]).filter(|s| !matches!(*s, "×" | "÷")),
        0x100..=0x17F => Some(LATIN_EXT_A[u - 0x100]),
        0x218 => Some("S"),
        0x219 => Some("s"),
        0x21A => Some("T"),
        0x21B => Some("t"),
        0x300..=0x36F => Some(""),
        0x1E9E => Some("SS"),
        _ => None,
    }
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match fold_char(c) {
            Some(f) => out.push_str(f),
            None => out.push(c),
        }
    }
}

/// The folded form of `s`, borrowed when nothing changes (always for ASCII).
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || s.chars().all(|c| fold_char(c).is_none()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_french_letters() {
        assert_eq!(fold("éèêë àâä îï ôö ùûü ç ÿ ñ"), "eeee aaa ii oo uuu c y n");
        assert_eq!(fold("œuvre ex æquo"), "oeuvre ex aequo");
        assert_eq!(fold("ÉTATS Œ Ç À"), "ETATS OE C A");
        assert_eq!(
            fold("straße Łódź Dvořák Ştefan"),
            "strasse Lodz Dvorak Stefan"
        );
    }

    #[test]
    fn removes_combining_marks() {
        assert_eq!(fold("socie\u{301}te\u{301}"), "societe");
    }

    #[test]
    fn keeps_the_rest() {
        assert!(matches!(fold("plain ascii"), Cow::Borrowed(_)));
        assert!(matches!(fold("2×3÷4 москва 東京 🎉"), Cow::Borrowed(_)));
        assert_eq!(fold(""), "");
    }

    #[test]
    fn tables_fold_to_ascii_letters() {
        for c in ('\u{C0}'..='\u{17F}').filter(|c| !matches!(c, '×' | '÷')) {
            let f = fold_char(c).expect("folded");
            assert!(
                !f.is_empty() && f.bytes().all(|b| b.is_ascii_alphabetic()),
                "{c}"
            );
            assert_eq!(
                c.is_uppercase(),
                f.chars().any(|x| x.is_ascii_uppercase()),
                "case of {c} → {f}"
            );
        }
    }
}
