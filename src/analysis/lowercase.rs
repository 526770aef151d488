//! Unicode lowercasing into a reused buffer.

/// Writes the lowercase form of `word` into `out` (cleared first); ASCII words take a fast path.
pub fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(word: &str) -> String {
        let mut out = String::from("junk");
        lowercase_into(word, &mut out);
        out
    }

    #[test]
    fn lowercases_ascii_and_unicode() {
        assert_eq!(lower("Apple"), "apple");
        assert_eq!(lower("ÉTATS"), "états");
        assert_eq!(lower("ŒUVRE"), "œuvre");
        assert_eq!(lower(""), "");
    }
}
