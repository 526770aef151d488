//! Comments that quote their article: a run of at least [`MIN_RUN`] consecutive words of the
//! article (body and headings), or its whole title or subtitle, near-verbatim.
//!
//! Words are compared after lowercasing, accent folding and apostrophe normalisation, and
//! punctuation is not a word, so case, punctuation, accents and apostrophe style never break a
//! quote. A one-word slip (a substituted word between matched words, "cour" typed "coup") does
//! not break it either: a quote may hold one slip per [`MIN_RUN`] matched words. Insertions and
//! deletions do break it, so rewording a title ("Microsoft refuse *officiellement* de …") is not
//! quoting it.
//!
//! The title and subtitle are matched whole only, never by parts: a comment that takes up a few
//! words of the headline is discussing it, not quoting it. They count when they have at least
//! [`MIN_CONTENT_WORDS`] words that are not stop words: a short stock phrase ("Vous ne passerez
//! pas !") is an idiom anyone may write.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::Analyzer;
use super::elision::is_apostrophe;
use super::fold::fold_char;
use super::hash::BuildWordHasher;

/// Fewest matched words of a quote from the body.
pub const MIN_RUN: usize = 8;

/// Fewest content (non stop) words of a title or subtitle for quoting it whole to count.
pub const MIN_CONTENT_WORDS: usize = 3;

/// Length of the exact word runs used to find candidate alignments. A valid quote holds
/// [`MIN_RUN`] matched words with at most one slip among them, so one of its exact runs is at
/// least half as long.
const SEED: usize = MIN_RUN / 2;

/// A word that matches nothing (not in the article, or a boundary between article parts).
const NONE: u32 = u32::MAX;

/// Which part of the article a comment quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuotedPart {
    /// The lede, paragraphs or headings.
    Body,
    /// The headline, whole.
    Title,
    /// The subtitle, whole.
    Subtitle,
}

/// A quote found in a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// What it quotes.
    pub part: QuotedPart,
    /// Words of the article found verbatim (after normalisation).
    pub words: usize,
    /// Substituted words inside the quote.
    pub slips: usize,
    /// Byte offset of the quote's first word in the comment.
    pub start: usize,
    /// Byte offset just after the quote's last word in the comment.
    pub end: usize,
}

/// Finds quotes of one article in its comments; build once per article.
#[derive(Debug, Default)]
pub struct QuoteFinder {
    /// Normalised article word → id.
    vocab: HashMap<String, u32, BuildWordHasher>,
    /// Body and headings as word ids, parts separated by [`NONE`].
    body: Vec<u32>,
    /// Each run of [`SEED`] words of `body` with its start, sorted.
    seeds: Vec<([u32; SEED], u32)>,
    /// Title word ids, when the title has enough content words.
    title: Option<Vec<u32>>,
    /// Subtitle word ids, when the subtitle has enough content words.
    subtitle: Option<Vec<u32>>,
}

/// Writes the comparison form of `word`: lowercase, accents folded, apostrophes as '.
fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        if is_apostrophe(c) {
            out.push('\'');
        } else {
            match fold_char(c) {
                Some(f) => out.push_str(f),
                None => out.push(c),
            }
        }
    }
}

/// The words of `text` (UAX #29) as byte ranges.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    text.unicode_word_indices()
        .map(|(i, w)| (i, i + w.len()))
        .collect()
}

impl QuoteFinder {
    /// Prepares the article: `body` (lede and paragraphs, one a line), `headings`, `title` and
    /// `subtitle`.
    pub fn new(body: &str, headings: &[String], title: &str, subtitle: Option<&str>) -> Self {
        Self::with_spans(body, &word_spans(body), headings, title, subtitle)
    }

    /// [`QuoteFinder::new`] given the words of `body` (byte ranges, in order), as the caller
    /// may already have them.
    pub fn with_spans(
        body: &str,
        body_words: &[(usize, usize)],
        headings: &[String],
        title: &str,
        subtitle: Option<&str>,
    ) -> Self {
        let mut f = QuoteFinder::default();
        let mut buf = String::new();
        f.add_part(body, body_words, &mut buf);
        for h in headings {
            f.body.push(NONE);
            f.add_part(h, &word_spans(h), &mut buf);
        }
        if f.body.len() >= SEED {
            for i in 0..=f.body.len() - SEED {
                let mut key = [0u32; SEED];
                key.copy_from_slice(&f.body[i..i + SEED]);
                if !key.contains(&NONE) {
                    f.seeds.push((key, i as u32));
                }
            }
            f.seeds.sort_unstable();
        }
        let analyzer = Analyzer::default();
        let mut whole = |text: &str, f: &mut QuoteFinder| -> Option<Vec<u32>> {
            if analyzer.analyze_query(text).len() < MIN_CONTENT_WORDS {
                return None;
            }
            Some(
                word_spans(text)
                    .into_iter()
                    .map(|(s, e)| {
                        normalize_into(&text[s..e], &mut buf);
                        f.intern(&buf)
                    })
                    .collect(),
            )
        };
        f.title = whole(title, &mut f);
        f.subtitle = subtitle.and_then(|s| whole(s, &mut f));
        f
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(word.to_owned(), id);
        id
    }

    fn add_part(&mut self, text: &str, words: &[(usize, usize)], buf: &mut String) {
        for &(s, e) in words {
            if let Some(w) = text.get(s..e) {
                normalize_into(w, buf);
                let id = self.intern(buf);
                self.body.push(id);
            }
        }
    }

    /// The longest quote of the article in `comment`, if any.
    pub fn find(&self, comment: &str) -> Option<Quote> {
        self.find_in_spans(comment, &word_spans(comment))
    }

    /// [`QuoteFinder::find`] given the words of `comment` (byte ranges, in order).
    pub fn find_in_spans(&self, comment: &str, words: &[(usize, usize)]) -> Option<Quote> {
        if self.vocab.is_empty() || words.is_empty() {
            return None;
        }
        let mut buf = String::new();
        let mut ids = Vec::with_capacity(words.len());
        let mut spans = Vec::with_capacity(words.len());
        for &(s, e) in words {
            let Some(w) = comment.get(s..e) else {
                continue;
            };
            normalize_into(w, &mut buf);
            ids.push(self.vocab.get(buf.as_str()).copied().unwrap_or(NONE));
            spans.push((s, e));
        }
        let mut best: Option<Quote> = None;
        let mut consider = |q: Quote| {
            if best.is_none_or(|b| q.words > b.words) {
                best = Some(q);
            }
        };
        for (part, words) in [
            (QuotedPart::Title, &self.title),
            (QuotedPart::Subtitle, &self.subtitle),
        ] {
            if let Some(words) = words
                && let Some((i, slips)) = find_whole(&ids, words)
            {
                consider(Quote {
                    part,
                    words: words.len() - slips,
                    slips,
                    start: spans[i].0,
                    end: spans[i + words.len() - 1].1,
                });
            }
        }
        if let Some((i, len, words, slips)) = self.find_run(&ids) {
            consider(Quote {
                part: QuotedPart::Body,
                words,
                slips,
                start: spans[i].0,
                end: spans[i + len - 1].1,
            });
        }
        best
    }

    /// The best body quote in `ids`: (first comment word, length in words, matched, slips).
    fn find_run(&self, ids: &[u32]) -> Option<(usize, usize, usize, usize)> {
        if ids.len() < SEED {
            return None;
        }
        let mut best: Option<(usize, usize, usize, usize)> = None;
        // Diagonals (body position - comment position) already explored, with the comment range.
        let mut done: Vec<(i64, usize, usize)> = Vec::new();
        for i in 0..=ids.len() - SEED {
            let mut key = [0u32; SEED];
            key.copy_from_slice(&ids[i..i + SEED]);
            if key.contains(&NONE) {
                continue;
            }
            let from = self.seeds.partition_point(|(k, _)| *k < key);
            let starts = self.seeds[from..]
                .iter()
                .take_while(|(k, _)| *k == key)
                .map(|&(_, j)| j);
            for j in starts {
                let diag = j as i64 - i as i64;
                if done
                    .iter()
                    .any(|&(d, a, b)| d == diag && (a..b).contains(&i))
                {
                    continue;
                }
                let runs = self.align(ids, i, j as usize);
                let (first, last) = (runs[0].0, runs.last().map_or(0, |r| r.0 + r.1));
                done.push((diag, first, last));
                if let Some(q) = best_window(&runs)
                    && best.is_none_or(|b| q.2 > b.2)
                {
                    best = Some(q);
                }
            }
        }
        best
    }

    /// The exact runs along the diagonal through comment word `i` and body word `j` (which
    /// start a seed), chained by single-word slips: (comment start, length), in order.
    fn align(&self, ids: &[u32], i: usize, j: usize) -> Vec<(usize, usize)> {
        let diag = j as i64 - i as i64;
        let lo = (-diag).max(0) as usize;
        let hi = (ids.len() as i64).min(self.body.len() as i64 - diag).max(0) as usize;
        // 0: same word, 1: a different word (a possible slip), 2: a boundary of the article.
        let state = |a: usize| -> u8 {
            let b = self.body[(a as i64 + diag) as usize];
            if b == NONE {
                2
            } else if ids[a] != NONE && ids[a] == b {
                0
            } else {
                1
            }
        };
        let (mut s, mut e) = (i, i);
        while s > lo && state(s - 1) == 0 {
            s -= 1;
        }
        while e < hi && state(e) == 0 {
            e += 1;
        }
        let mut runs = vec![(s, e - s)];
        let mut a = e;
        while a + 1 < hi && state(a) == 1 && state(a + 1) == 0 {
            let start = a + 1;
            let mut end = start;
            while end < hi && state(end) == 0 {
                end += 1;
            }
            runs.push((start, end - start));
            a = end;
        }
        let mut a = s;
        while a >= lo + 2 && state(a - 1) == 1 && state(a - 2) == 0 {
            let end = a - 1;
            let mut start = a - 2;
            while start > lo && state(start - 1) == 0 {
                start -= 1;
            }
            runs.insert(0, (start, end - start));
            a = start;
        }
        runs
    }
}

/// The best window of consecutive `runs` (separated by one slip each) holding at least
/// [`MIN_RUN`] matched words and at most one slip per [`MIN_RUN`] of them:
/// (first word, length, matched, slips).
fn best_window(runs: &[(usize, usize)]) -> Option<(usize, usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize, usize)> = None;
    for s in 0..runs.len() {
        let mut matched = 0;
        for e in s..runs.len() {
            matched += runs[e].1;
            let slips = e - s;
            if matched >= MIN_RUN
                && slips <= matched / MIN_RUN
                && best.is_none_or(|b| matched > b.2)
            {
                let len = runs[e].0 + runs[e].1 - runs[s].0;
                best = Some((runs[s].0, len, matched, slips));
            }
        }
    }
    best
}

/// Where `whole` appears in `ids` with at most one slip per [`MIN_RUN`] matched words, the first
/// and last words matching: (first comment word, slips).
fn find_whole(ids: &[u32], whole: &[u32]) -> Option<(usize, usize)> {
    let m = whole.len();
    if m == 0 || ids.len() < m {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for i in 0..=ids.len() - m {
        let window = &ids[i..i + m];
        if window[0] != whole[0] || window[m - 1] != whole[m - 1] {
            continue;
        }
        let slips = window
            .iter()
            .zip(whole)
            .filter(|(a, b)| **a == NONE || a != b)
            .count();
        if slips <= (m - slips) / MIN_RUN && best.is_none_or(|b| slips < b.1) {
            best = Some((i, slips));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Comme l’indique Reuters, la juge a donc demandé aux deux parties (FBI et Microsoft) de se mettre d’accord sur les termes de l’échange d’informations d’ici au 5 septembre. Mais la firme ne compte toujours pas s’exécuter, un porte-parole déclarant : « Microsoft ne donnera pas les emails et compte faire appel. Tout le monde est d’accord sur le fait que cette affaire peut aller et ira en cour d’appel. Il s’agit simplement de trouver la procédure appropriée pour le faire ».\nDes entreprises telles qu’Apple, Amazon et AT&T ont déjà exprimé leur soutien à Microsoft, et même l’Electronic Frontier Foundation estime que la décision est dangereuse.";
    const TITLE: &str = "Microsoft refuse de révéler les emails réclamés par la justice américaine";
    const SUBTITLE: &str = "« Vous ne passerez pas ! »";

    fn finder() -> QuoteFinder {
        QuoteFinder::new(
            BODY,
            &["Frontières ou pas frontières ?".to_string()],
            TITLE,
            Some(SUBTITLE),
        )
    }

    #[test]
    fn verbatim_run_with_other_case_punctuation_and_apostrophes() {
        let f = finder();
        let c = "Des entreprises telles qu'Apple, Amazon et AT&T ont déjà exprimé leur soutien à Microsoft,\nTiens et pas Google ?";
        let q = f.find(c).expect("quote");
        assert_eq!(q.part, QuotedPart::Body);
        assert_eq!(q.slips, 0);
        assert!(q.words >= 14, "{q:?}");
        assert!(c[q.start..q.end].starts_with("Des entreprises"));
        assert!(c[q.start..q.end].ends_with("Microsoft"));
        let shouted = "DES ENTREPRISES TELLES QU’APPLE AMAZON ET AT T ONT DEJA EXPRIME";
        assert!(f.find(shouted).is_some());
    }

    #[test]
    fn one_word_slip_does_not_break_a_quote() {
        let f = finder();
        // 4 + slip + 4 words: only the slip-tolerant alignment finds 8.
        let c = "bref : aller et ira en coup d’appel Il s’agit simplement, joli lapsus";
        let q = f.find(c).expect("quote with a slip");
        assert_eq!((q.words, q.slips), (8, 1));
        assert_eq!(
            &c[q.start..q.end],
            "aller et ira en coup d’appel Il s’agit simplement"
        );
        // Two slips in 9 words is a paraphrase.
        assert!(
            f.find("aller et ira en coup d’appel Elle s’agit simplement")
                .is_none()
        );
        // So is a slip next to another.
        assert!(
            f.find("aller et ira en coup appel Il s’agit simplement")
                .is_none()
        );
    }

    #[test]
    fn seven_words_are_not_a_quote() {
        let f = finder();
        assert!(
            f.find("la firme ne compte toujours pas s’exécuter")
                .is_none()
        );
        assert!(
            f.find("la firme ne compte toujours pas s’exécuter, un")
                .is_some()
        );
        // A run may not cross from the body into a heading.
        assert!(f.find("Frontières ou pas frontières").is_none());
    }

    #[test]
    fn whole_title_counts_but_not_a_reworded_one() {
        let f = finder();
        let q = f
            .find("Microsoft refuse de révéler les emails réclamés par la justice américaine\nMerci Microsoft !")
            .expect("title");
        assert_eq!((q.part, q.words), (QuotedPart::Title, 11));
        assert!(
            f.find("Pourquoi préciser “Microsoft refuse officiellement de révéler les emails réclamés par la justice américaine” ?")
                .is_none()
        );
        // Nine words of the title are not the title, and the title is not body text.
        assert!(
            f.find("de révéler les emails réclamés par la justice américaine")
                .is_none()
        );
        // A slip in an 11-word title is still the title.
        let q = f
            .find("microsoft refuse de reveler les mails reclames par la justice americaine")
            .expect("title with a slip");
        assert_eq!((q.words, q.slips), (10, 1));
    }

    #[test]
    fn short_stock_subtitle_is_not_a_quote() {
        let f = finder();
        assert!(
            f.find("« Vous ne passerez pas ! »\nMicrosoft le Gandalf ?")
                .is_none()
        );
        let g = QuoteFinder::new(
            "",
            &[],
            "Un titre",
            Some("La juge new-yorkaise tranche contre Microsoft"),
        );
        let q = g
            .find("la juge New-Yorkaise tranche contre Microsoft, enfin")
            .expect("subtitle");
        assert_eq!(q.part, QuotedPart::Subtitle);
    }

    #[test]
    fn runs_chained_by_slips_pick_a_valid_window() {
        // runs of 8, slip, 1, slip, 1: the 8 alone (or 8+1 with one slip) is the quote.
        assert_eq!(best_window(&[(0, 8), (9, 1), (11, 1)]), Some((0, 10, 9, 1)));
        assert_eq!(best_window(&[(0, 4), (5, 3)]), None);
        assert_eq!(best_window(&[(0, 4), (5, 4)]), Some((0, 9, 8, 1)));
        assert_eq!(
            best_window(&[(0, 5), (6, 6), (13, 5)]),
            Some((0, 18, 16, 2))
        );
    }

    #[test]
    fn empty_and_odd_inputs() {
        let f = QuoteFinder::new("", &[], "", None);
        assert!(f.find("").is_none());
        assert!(f.find("un deux trois quatre cinq six sept huit").is_none());
        let f = finder();
        for c in ["", "’’", "🎉 🎉", "\n\n", "a"] {
            assert!(f.find(c).is_none());
        }
    }
}
