//! Word segmentation (UAX #29) and line splitting.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Longest word kept, in bytes after normalisation; longer words are dropped but keep a position.
pub const MAX_WORD_LEN: usize = 40;

/// Surface words longer than this (in bytes) cannot shrink under [`MAX_WORD_LEN`]: lowercasing
/// divides a length by 3 at most, elision removes at most 9 bytes.
pub const MAX_SURFACE_LEN: usize = 3 * MAX_WORD_LEN + 9;

/// The words of `text` with their byte offsets (UAX #29 word boundaries; segments without a
/// letter or digit are skipped).
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

/// The byte ranges of the lines of `text`, split on '\n' (which no range includes); an empty
/// text has one empty line.
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let range = start..start + line.len();
        start = range.end + 1;
        range
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<&str> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn apostrophes_join_and_hyphens_split() {
        assert_eq!(
            words_of("l’entreprise qu'Apple aujourd’hui don't États-Unis"),
            [
                "l’entreprise",
                "qu'Apple",
                "aujourd’hui",
                "don't",
                "États",
                "Unis"
            ]
        );
    }

    #[test]
    fn punctuation_only_is_skipped() {
        assert!(words_of("’’’ -- … !").is_empty());
        assert!(words_of("").is_empty());
    }

    #[test]
    fn lines_cover_the_text() {
        let text = "a\nbc\n\nd";
        let ranges: Vec<_> = lines(text).collect();
        assert_eq!(ranges, [0..1, 2..4, 5..5, 6..7]);
        assert_eq!(
            lines("").map(|r| (r.start, r.end)).collect::<Vec<_>>(),
            [(0, 0)]
        );
        assert_eq!(lines("x\n").collect::<Vec<_>>(), [0..1, 2..2]);
    }
}
