//! Snippets: the best window of a hit's stored text, with matched words marked.
//!
//! The stored text is re-analysed with the language recorded for each line at ingest, so the
//! words marked are exactly those the index matched.

use serde::Serialize;

use super::document::{Word, push_lower, stop_key, walk_words};
use super::query::{Highlights, PhraseWord};
use crate::analysis::{Analyzer, Lang};

/// A window of text with the byte ranges of matched words.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Snippet {
    /// The window, newlines turned into spaces, "…" where it was cut.
    pub text: String,
    /// Byte ranges of the matched words within `text`.
    pub highlights: Vec<(usize, usize)>,
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The byte ranges of `text` whose analysed forms are among `hl`: each word searched alone,
/// and each phrase where its words follow each other (one range from its first word to its
/// last), in text order.
pub fn matches(an: &Analyzer, text: &str, langs: &[Lang], hl: &Highlights) -> Vec<(usize, usize)> {
    let tokens = an.analyze_with_langs(text, langs);
    // The language of each line (lines beyond `langs` are French, as the analyzer reads them):
    // a form matches in passages of the language whose chain gave it and, with a language
    // asked for, only on lines in it.
    let lang_of = |line: usize| langs.get(line).copied().unwrap_or(Lang::Fr);
    let line_ok = |line: usize| hl.lang.is_none_or(|l| lang_of(line) == l);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut out: Vec<(usize, usize)> = tokens
        .iter()
        .filter(|t| {
            let line = line_starts.partition_point(|&s| s <= t.start) - 1;
            let lang = lang_of(line);
            line_ok(line) && (hl.main.matches(&t.main, lang) || hl.alt.matches(t.alt(), lang))
        })
        .map(|t| (t.start, t.end))
        .collect();
    if !hl.phrases.is_empty() {
        // Phrases are matched as the index matches them: word after word, stop words as
        // written, never across a sentence or line end.
        let mut words = Vec::new();
        walk_words(text, &tokens, |w| words.push(w));
        let mut lower = String::new();
        let mut is = |w: &Word, p: &PhraseWord| match w.token {
            Some(t) => {
                let lang = lang_of(w.line);
                p.main.matches(&t.main, lang) || p.alt.matches(t.alt(), lang)
            }
            None => {
                let Some(stop) = p.stop.as_ref().filter(|_| w.is_stop()) else {
                    return false;
                };
                lower.clear();
                push_lower(&text[w.start..w.end], &mut lower);
                match &stop.exact {
                    Some(surface) => lower == *surface,
                    None => stop_key(&lower) == stop.key,
                }
            }
        };
        for phrase in &hl.phrases {
            let Some(span) = phrase.last().map(|p| p.offset as usize) else {
                continue;
            };
            for i in 0..words.len().saturating_sub(span) {
                let last = i + span;
                let found = words[i].line == words[last].line
                    && line_ok(words[i].line)
                    && !words[i + 1..=last].iter().any(|w| w.boundary)
                    && phrase.iter().all(|p| is(&words[i + p.offset as usize], p));
                if found {
                    out.push((words[i].start, words[last].end));
                }
            }
        }
    }
    if !hl.phrases.is_empty() {
        // Phrase ranges may hold words searched alone too: keep the outer ranges.
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(out.len());
        for r in out {
            match kept.last_mut() {
                Some(last) if r.0 < last.1 => last.1 = last.1.max(r.1),
                _ => kept.push(r),
            }
        }
        out = kept;
    }
    out
}

/// Most bytes of a stored text analysed at once by [`snippet`]: a longer text (a page of
/// tens of megabytes) is analysed piece by piece, so that its tokens are never all in memory.
pub const PIECE: usize = 256 * 1024;

/// A piece of a text analysed at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    /// Byte offset of its start in the text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// Index of the line it starts in (into the line languages).
    pub line: usize,
}

/// Cuts `text` into pieces of at most about `max` bytes: after a line end where there is one
/// (no phrase spans a line end), else after a sentence end followed by a space (a line longer
/// than `max`), else after a space, else at a character boundary.
pub fn pieces(text: &str, max: usize) -> Vec<Piece> {
    let mut out = Vec::with_capacity(text.len() / max.max(1) + 1);
    let (mut start, mut line) = (0, 0);
    while start < text.len() {
        let end = if text.len() - start <= max {
            text.len()
        } else {
            let limit = floor_char(text, start + max);
            let window = &text[start..limit];
            match window.rfind('\n') {
                Some(i) => start + i + 1,
                None => match window.rfind(['.', '!', '?', '…']).and_then(|i| {
                    let after = i + window[i..].chars().next().map_or(1, char::len_utf8);
                    window[after..]
                        .starts_with(char::is_whitespace)
                        .then_some(after)
                }) {
                    Some(i) if i > 0 => start + i,
                    _ => match window.rfind(char::is_whitespace) {
                        Some(i) if i > 0 => start + i,
                        _ if limit > start => limit,
                        _ => ceil_char(text, start + 1),
                    },
                },
            }
        };
        out.push(Piece { start, end, line });
        line += text.as_bytes()[start..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        start = end;
    }
    out
}

/// Calls `f` with the byte range of each match of the pieces of `text` that overlap `within`,
/// in order; each piece is analysed alone with the languages of its lines.
fn each_match(
    an: &Analyzer,
    text: &str,
    langs: &[Lang],
    hl: &Highlights,
    pieces: &[Piece],
    within: (usize, usize),
    mut f: impl FnMut(usize, usize),
) {
    for p in pieces {
        if p.end < within.0 || p.start > within.1 {
            continue;
        }
        let piece_langs = langs.get(p.line..).unwrap_or(&[]);
        for (s, e) in matches(an, &text[p.start..p.end], piece_langs, hl) {
            f(p.start + s, p.start + e);
        }
    }
}

/// The window with the most matches, found as the matches stream by: for each match, the
/// matches that follow it up to the end of a window that starts `lead` bytes before it; the
/// first best one wins. Only the matches of one window are held at a time.
struct BestWindow {
    lead: usize,
    width: usize,
    /// Matches whose window is still open: (number, start, window end).
    open: std::collections::VecDeque<(usize, usize, usize)>,
    /// Matches seen.
    seen: usize,
    /// Start of the first match.
    first: Option<usize>,
    /// Start of the best window's first match, and its number of matches.
    best: Option<(usize, usize)>,
}

impl BestWindow {
    fn new(lead: usize, width: usize) -> BestWindow {
        BestWindow {
            lead,
            width,
            open: std::collections::VecDeque::new(),
            seen: 0,
            first: None,
            best: None,
        }
    }

    fn close(&mut self, number: usize, start: usize) {
        let n = self.seen - number;
        if n > self.best.map_or(0, |b| b.1) {
            self.best = Some((start, n));
        }
    }

    fn push(&mut self, s: usize, e: usize) {
        while let Some(&(number, start, limit)) = self.open.front() {
            if e <= limit {
                break;
            }
            self.open.pop_front();
            self.close(number, start);
        }
        self.first.get_or_insert(s);
        self.open
            .push_back((self.seen, s, s.saturating_sub(self.lead) + self.width));
        self.seen += 1;
    }

    /// Start of the first match of the best window (`None` without any match).
    fn finish(mut self) -> Option<usize> {
        while let Some((number, start, _)) = self.open.pop_front() {
            self.close(number, start);
        }
        self.best.map(|b| b.0).or(self.first)
    }
}

/// Picks the window of about `width` bytes with the most matches. A long text is analysed
/// piece by piece (see [`PIECE`]): memory stays bounded whatever the size of the document.
pub fn snippet(
    an: &Analyzer,
    text: &str,
    langs: &[Lang],
    hl: &Highlights,
    width: usize,
) -> Snippet {
    snippet_in_pieces(an, text, langs, hl, width, PIECE)
}

fn snippet_in_pieces(
    an: &Analyzer,
    text: &str,
    langs: &[Lang],
    hl: &Highlights,
    width: usize,
    piece: usize,
) -> Snippet {
    let lead = width / 5;
    let pieces = pieces(text, piece);
    // A text of one piece keeps its matches (it is analysed once); a longer one is analysed
    // again only where the window is.
    let one = pieces.len() <= 1;
    let mut kept = Vec::new();
    let mut best = BestWindow::new(lead, width);
    each_match(an, text, langs, hl, &pieces, (0, text.len()), |s, e| {
        best.push(s, e);
        if one {
            kept.push((s, e));
        }
    });
    let (mut start, mut end) = match best.finish() {
        None => (0, width.min(text.len())),
        Some(first) => {
            let s = first.saturating_sub(lead);
            (s, (s + width).min(text.len()))
        }
    };
    start = floor_char(text, start);
    end = ceil_char(text, end);
    // Move the cuts to word boundaries.
    if start > 0 {
        // Back to the start of the word the window begins in.
        start = text[..start]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
    }
    if end < text.len()
        && let Some(sp) = text[start..end].rfind(char::is_whitespace)
        && sp > 0
    {
        end = start + sp;
    }
    let mut out = String::new();
    let prefix = if start > 0 { "… " } else { "" };
    out.push_str(prefix);
    let body = text[start..end].trim_end();
    out.push_str(&body.replace(['\n', '\r', '\t'], " "));
    if end < text.len() {
        out.push_str(" …");
    }
    let shift = prefix.len();
    let body_end = start + body.len();
    if !one {
        each_match(an, text, langs, hl, &pieces, (start, body_end), |s, e| {
            kept.push((s, e))
        });
    }
    let highlights = kept
        .into_iter()
        .filter(|&(s, e)| s >= start && e <= body_end)
        .map(|(s, e)| (s - start + shift, e - start + shift))
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

/// Renders a snippet with its matches wrapped in `open`/`close` (ANSI colour, brackets…).
pub fn render(s: &Snippet, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(s.text.len() + 16);
    let mut at = 0;
    for &(a, b) in &s.highlights {
        if a < at || b > s.text.len() {
            continue;
        }
        out.push_str(&s.text[at..a]);
        out.push_str(open);
        out.push_str(&s.text[a..b]);
        out.push_str(close);
        at = b;
    }
    out.push_str(&s.text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What to highlight for the words of `query`, each searched alone.
    fn words_alone(an: &Analyzer, query: &str) -> Highlights {
        let mut hl = Highlights::default();
        for w in an.analyze_query(query) {
            for (f, s, l) in w.forms {
                match f {
                    crate::analysis::Form::Main => hl.main.insert(s, l),
                    crate::analysis::Form::Alt => hl.alt.insert(s, l),
                };
            }
        }
        hl
    }

    #[test]
    fn windows_start_on_a_word_and_mark_matches() {
        let an = Analyzer::default();
        let text = "Le mandat initial. Un juge d'instance a émis pour la première fois le mandat de perquisition en décembre pour des e-mails provenant d'un compte de messagerie.";
        let hl = words_alone(&an, "mandat perquisition");
        let s = snippet(&an, text, &[Lang::Fr], &hl, 90);
        let body = s.text.trim_start_matches("… ");
        assert!(text.contains(body.trim_end_matches(" …")), "{}", s.text);
        let first_word = body.split(' ').next().unwrap();
        assert!(
            text.split(' ').any(|w| w == first_word),
            "cut inside a word: {}",
            s.text
        );
        let marked: Vec<&str> = s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert!(!marked.is_empty());
        assert!(
            marked
                .iter()
                .all(|w| ["mandat", "perquisition"].contains(w)),
            "{marked:?}"
        );
        assert_eq!(
            render(&s, "[", "]").matches('[').count(),
            s.highlights.len()
        );
    }

    #[test]
    fn a_form_is_highlighted_in_passages_of_its_language_only() {
        let an = Analyzer::default();
        let hl = words_alone(&an, "national");
        let text =
            "Les nations unies votent un texte national.\nThe national team beat two nations.";
        let marked: Vec<&str> = matches(&an, text, &[Lang::Fr, Lang::En], &hl)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        // The English stem of "national" is that of "nations": not in the French line.
        assert_eq!(marked, ["national", "national", "nations"], "{marked:?}");
    }

    #[test]
    fn a_text_analysed_in_pieces_gives_the_snippet_of_the_whole() {
        let an = Analyzer::default();
        let hl = words_alone(&an, "mandat perquisition juge");
        let mut lines = Vec::new();
        for i in 0..60 {
            lines.push(match i % 7 {
                0 => format!("Le juge numéro {i} a émis un mandat de perquisition hier."),
                3 => format!("The judge {i} signed the warrant at the court."),
                _ => format!("Une ligne {i} sans rien de particulier, sur la météo d'été."),
            });
        }
        lines[41] = "Le mandat, le juge, la perquisition : un mandat du juge.".into();
        let text = lines.join("\n");
        let langs: Vec<Lang> = (0..60)
            .map(|i| if i % 7 == 3 { Lang::En } else { Lang::Fr })
            .collect();
        let whole = snippet_in_pieces(&an, &text, &langs, &hl, 120, usize::MAX);
        assert!(whole.text.contains("Le mandat, le juge"), "{}", whole.text);
        for piece in [40, 64, 100, 333, 1000] {
            let cut = snippet_in_pieces(&an, &text, &langs, &hl, 120, piece);
            assert_eq!(cut, whole, "pieces of {piece} bytes");
        }
        // Pieces cut inside a line (no line end within `piece` bytes) still find the matches.
        let long = lines.join(" ");
        let whole = snippet_in_pieces(&an, &long, &[Lang::Fr], &hl, 120, usize::MAX);
        let cut = snippet_in_pieces(&an, &long, &[Lang::Fr], &hl, 120, 50);
        assert_eq!(cut, whole);
        // No match: the start of the text, in any case.
        let none = Highlights::default();
        assert_eq!(
            snippet_in_pieces(&an, &text, &langs, &none, 120, 64),
            snippet_in_pieces(&an, &text, &langs, &none, 120, usize::MAX)
        );
    }

    #[test]
    fn pieces_cover_the_text_and_count_lines() {
        let text = "un deux\ntrois quatre cinq\n\nsix sept huit neuf dix onze douze\né";
        for max in [1, 3, 8, 20, 1000] {
            let p = pieces(text, max);
            assert_eq!(p.first().map(|p| p.start), Some(0));
            assert_eq!(p.last().map(|p| p.end), Some(text.len()));
            for w in p.windows(2) {
                assert_eq!(w[0].end, w[1].start);
                assert_eq!(w[1].line, text[..w[1].start].matches('\n').count());
            }
        }
        assert!(pieces("", 10).is_empty());
    }

    #[test]
    fn a_phrase_is_highlighted_where_its_words_follow_each_other() {
        let an = Analyzer::default();
        let fields = crate::store::schema::Fields::new();
        let hl = |q: &str| {
            crate::store::query::compile(&crate::store::query::parse(q).unwrap(), &fields, &an)
                .highlights
        };
        let text = "Le juge, le juge et encore le juge. Selon la juge fédérale Preska, non.";
        let marked = |q: &str| -> Vec<&str> {
            matches(&an, text, &[Lang::Fr], &hl(q))
                .into_iter()
                .map(|(s, e)| &text[s..e])
                .collect()
        };
        assert_eq!(marked("\"juge fédérale\""), ["juge fédérale"]);
        assert_eq!(
            marked("\"juge fédérale\" Preska"),
            ["juge fédérale", "Preska"]
        );
        assert_eq!(marked("juge"), ["juge"; 4]);
        // A word alone and a phrase holding it: the phrase's range.
        assert_eq!(
            marked("juge OR \"juge fédérale\""),
            ["juge", "juge", "juge", "juge fédérale"]
        );
        // Stop words inside a phrase stand for any word.
        assert_eq!(marked("\"encore le juge\""), ["encore le juge"]);
        assert!(marked("\"fédérale juge\"").is_empty());
        // The snippet goes where the phrase is.
        let s = snippet(
            &an,
            &format!("{}\n{text}", "Rien. ".repeat(40)),
            &[Lang::Fr; 2],
            &hl("\"juge fédérale\""),
            60,
        );
        assert!(s.text.contains("juge fédérale"), "{}", s.text);
    }
}
