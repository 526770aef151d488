//! Snippets: the best window of a hit's stored text, with matched words marked.
//!
//! The stored text is re-analysed with the language recorded for each line at ingest, so the
//! words marked are exactly those the index matched.

use serde::Serialize;

use super::query::Highlights;
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

/// The byte ranges of `text` whose analysed forms are among `hl`.
pub fn matches(an: &Analyzer, text: &str, langs: &[Lang], hl: &Highlights) -> Vec<(usize, usize)> {
    an.analyze_with_langs(text, langs)
        .into_iter()
        .filter(|t| hl.main.contains(t.main.as_str()) || hl.alt.contains(t.alt()))
        .map(|t| (t.start, t.end))
        .collect()
}

/// Picks the window of about `width` bytes with the most matches.
pub fn snippet(
    an: &Analyzer,
    text: &str,
    langs: &[Lang],
    hl: &Highlights,
    width: usize,
) -> Snippet {
    let found = matches(an, text, langs, hl);
    let lead = width / 5;
    let (mut start, mut end) = if found.is_empty() {
        (0, width.min(text.len()))
    } else {
        let mut best = (0usize, 0usize);
        for (i, &(s, _)) in found.iter().enumerate() {
            let limit = s.saturating_sub(lead) + width;
            let n = found[i..].iter().take_while(|m| m.1 <= limit).count();
            if n > best.1 {
                best = (i, n);
            }
        }
        let s = found[best.0].0.saturating_sub(lead);
        (s, (s + width).min(text.len()))
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
    let highlights = found
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

    #[test]
    fn windows_start_on_a_word_and_mark_matches() {
        let an = Analyzer::default();
        let text = "Le mandat initial. Un juge d'instance a émis pour la première fois le mandat de perquisition en décembre pour des e-mails provenant d'un compte de messagerie.";
        let mut hl = Highlights::default();
        for w in an.analyze_query("mandat perquisition") {
            for (f, s, _) in w.forms {
                match f {
                    crate::analysis::Form::Main => hl.main.insert(s),
                    crate::analysis::Form::Alt => hl.alt.insert(s),
                };
            }
        }
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
}
