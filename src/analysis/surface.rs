//! Every word of a passage with its surface, normalised and stemmed forms, stop words included:
//! for consumers that need the words the index drops (negations, intensifiers), cut and
//! normalised exactly as the chain does.

use super::Lang;
use super::segment::Segmenter;
use super::stem::with_surface_cache;
use super::tokenize::{MAX_SURFACE_LEN, words};

/// One word of a passage, as the analysis chain cuts and normalises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurfaceWord<'a> {
    /// Byte offset where the surface word starts in the scanned text.
    pub start: usize,
    /// Byte offset where the surface word ends.
    pub end: usize,
    /// The word as written ("N’aime").
    pub surface: &'a str,
    /// The lowercase elided prefix without its apostrophe ("n" for "N’aime"), or "".
    pub elision: &'a str,
    /// Lowercase, elision removed, apostrophes normalised to ' ("aime").
    pub word: &'a str,
    /// fold(stem(word)) in the passage language, possessive removed, as the index's `main`
    /// form; computed for stop words too; empty for words longer than [`MAX_WORD_LEN`].
    pub main: &'a str,
    /// Whether the chain drops this word as a stop word of the passage language.
    pub stop: bool,
}

/// Reusable buffers for [`WordScanner::scan`]; one per thread or per worker.
#[derive(Debug, Default)]
pub struct WordScanner {
    /// Fast Latin segmentation.
    segmenter: Segmenter,
    /// Word byte ranges of the passage.
    spans: Vec<(usize, usize)>,
}

impl WordScanner {
    /// Calls `f` with every word of `text` (one passage in `lang`) in order, cut by the chain's
    /// UAX #29 segmentation and normalised as the chain does (no allocation once warm: words
    /// come from the thread's surface cache).
    pub fn scan(&mut self, text: &str, lang: Lang, mut f: impl FnMut(&SurfaceWord<'_>)) {
        let mut spans = std::mem::take(&mut self.spans);
        spans.clear();
        if !self.segmenter.latin_words(text, &mut spans) {
            spans.extend(words(text).map(|(o, w)| (o, o + w.len())));
        }
        with_surface_cache(|cache| {
            for &(start, end) in &spans {
                let surface = &text[start..end];
                if surface.len() > MAX_SURFACE_LEN {
                    continue;
                }
                let d = cache.derive(surface, lang);
                f(&SurfaceWord {
                    start,
                    end,
                    surface,
                    elision: d.elision,
                    word: d.word,
                    main: d.main,
                    stop: d.stop,
                });
            }
        });
        self.spans = spans;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn scan(text: &str, lang: Lang) -> Vec<(String, String, String, bool)> {
        let mut out = Vec::new();
        WordScanner::default().scan(text, lang, |w| {
            out.push((
                w.elision.to_owned(),
                w.word.to_owned(),
                w.main.to_owned(),
                w.stop,
            ))
        });
        out
    }

    #[test]
    fn elision_stop_words_and_stems() {
        let words = scan("Je N’aime pas les bonnes", Lang::Fr);
        let got: Vec<(&str, &str, &str, bool)> = words
            .iter()
            .map(|(e, w, m, s)| (e.as_str(), w.as_str(), m.as_str(), *s))
            .collect();
        assert_eq!(
            got,
            [
                ("", "je", "je", true),
                ("n", "aime", "aim", false),
                ("", "pas", "pas", true),
                ("", "les", "le", true),
                ("", "bonnes", "bon", false),
            ]
        );
    }

    #[test]
    fn content_words_agree_with_the_chain() {
        let text = "L’entreprise conteste les demandes du gouvernement américain, aujourd’hui.";
        let mut tokens = Vec::new();
        Analyzer::default().analyze(text, Lang::Fr, 0, 0, &mut tokens);
        let mut mine = Vec::new();
        WordScanner::default().scan(text, Lang::Fr, |w| {
            if !w.stop {
                mine.push((w.start, w.end, w.main.to_owned()));
            }
        });
        let theirs: Vec<_> = tokens
            .iter()
            .map(|t| (t.start, t.end, t.main.to_string()))
            .collect();
        assert_eq!(mine, theirs);
    }
}
