//! Unicode lowercasing into a reused buffer.

/// Writes the lowercase form of `word` into `out` (cleared first); ASCII words take a fast path.
pub fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.reserve(word.len());
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if c.is_lowercase() {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
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

    #[test]
    fn every_character_lowercases_as_unicode_says() {
        let all: String = ('\u{80}'..='\u{2FFF}').chain(['A', 'z', 'É']).collect();
        let expected: String = all.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(lower(&all), expected);
    }
}
