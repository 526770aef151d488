//! Dotted acronyms: "U.S.A." is the word "USA", "U.S." the word "US", as in Lucene's classic
//! analyzer.

/// Whether a lowercase `word` is a dotted acronym: at least two single letters, each but the
/// last followed by a period, the last one's period optional ("u.s.a", "u.s.", "e.g").
pub fn is_dotted(word: &str) -> bool {
    let mut letters = 0;
    let mut letter_next = true;
    for c in word.chars() {
        if letter_next && c.is_alphabetic() {
            letters += 1;
            letter_next = false;
        } else if !letter_next && c == '.' {
            letter_next = true;
        } else {
            return false;
        }
    }
    letters >= 2
}

/// Removes the periods of `word` when it is a dotted acronym (see [`is_dotted`]); returns
/// whether it was one. An acronym is never a stop word: "U.N." is no French "un".
pub fn undot(word: &mut String) -> bool {
    let dotted = is_dotted(word);
    if dotted {
        word.retain(|c| c != '.');
    }
    dotted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_acronyms_lose_their_periods() {
        for (word, want) in [
            ("u.s.a", "usa"),
            ("u.s.a.", "usa"),
            ("u.s", "us"),
            ("e.g", "eg"),
            ("s.n.c.f", "sncf"),
            ("é.u", "éu"),
        ] {
            let mut w = word.to_owned();
            assert!(undot(&mut w), "{word}");
            assert_eq!(w, want);
        }
        for word in [
            "usa", "u", "u.", "3.14", "ab.c", "a..b", ".a.b", "a.b-c", "", "l'u.s",
        ] {
            let mut w = word.to_owned();
            assert!(!undot(&mut w), "{word}");
            assert_eq!(w, word);
        }
    }
}
