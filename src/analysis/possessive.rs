//! English possessives ("Phone's" → "phone") and apostrophe normalisation ("don’t" → "don't").

use super::elision::is_apostrophe;

/// Writes `word` into `out` (cleared first) with every accepted apostrophe turned into '.
pub fn normalize_apostrophes_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
    } else {
        out.extend(
            word.chars()
                .map(|c| if is_apostrophe(c) { '\'' } else { c }),
        );
    }
}

/// `word` (apostrophes normalised) without a trailing "'s"; the rest is never empty.
pub fn strip_possessive(word: &str) -> &str {
    match word.strip_suffix("'s") {
        Some(rest) if !rest.is_empty() => rest,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(word: &str) -> String {
        let mut out = String::new();
        normalize_apostrophes_into(word, &mut out);
        out
    }

    #[test]
    fn normalizes_apostrophes() {
        assert_eq!(norm("don’t"), "don't");
        assert_eq!(norm("aujourdʼhui"), "aujourd'hui");
        assert_eq!(norm("it‘s´"), "it's'");
        assert_eq!(norm("plain"), "plain");
    }

    #[test]
    fn strips_possessive() {
        assert_eq!(strip_possessive("phone's"), "phone");
        assert_eq!(strip_possessive(&norm("statement’s")), "statement");
        assert_eq!(strip_possessive("'s"), "'s");
        assert_eq!(strip_possessive("s"), "s");
        assert_eq!(strip_possessive("boss"), "boss");
    }
}
