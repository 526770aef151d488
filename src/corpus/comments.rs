//! Building a [`Comment`] from its lines: smiley-image residue, emoticons, URLs.

use std::sync::LazyLock;

use jiff::civil::DateTime;
use regex::Regex;

use super::model::Comment;

/// The residue a smiley `<img … alt="" />` leaves in extracted text: `" />`.
static RESIDUE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""\s*/>"#).expect("valid regex"));

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\b(?:https?://|www\.)[^\s<>"«»“”]+"#).expect("valid regex"));

/// Textual emoticons counted (and left in the text).
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":'(", ":o",
    ":O", ":/", ":-/", "^^", "^_^", "xD", "XD", "<3", ":|", ";D", "=)", "8)",
];

/// Removes the smiley-image residue from one line; returns the cleaned line and how many there were.
pub fn strip_residue(line: &str) -> (String, u32) {
    let n = RESIDUE.find_iter(line).count();
    if n == 0 {
        return (line.trim().to_string(), 0);
    }
    let parts: Vec<&str> = RESIDUE
        .split(line)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (parts.join(" "), u32::try_from(n).unwrap_or(u32::MAX))
}

/// Counts textual emoticons: whitespace-separated tokens that are (or end with) a smiley.
pub fn count_emoticons(text: &str) -> u32 {
    if !text
        .bytes()
        .any(|b| matches!(b, b':' | b';' | b'^' | b'<' | b'=' | b'D' | b')'))
    {
        return 0;
    }
    let mut n = 0u32;
    for tok in text.split_whitespace() {
        if tok.contains("://") {
            continue;
        }
        let t = tok.trim_end_matches([',', '.', '!', '?']);
        let t = if t.is_empty() { tok } else { t };
        let hit = EMOTICONS.contains(&t)
            || (t.chars().count() > 2
                && [":)", ":-)", ";)", ";-)", ":(", ":-("]
                    .iter()
                    .any(|e| t.ends_with(e)));
        if hit {
            n = n.saturating_add(1);
        }
    }
    n
}

/// URLs found in the text, in order, without duplicates or trailing punctuation.
pub fn find_urls(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in URL.find_iter(text) {
        let mut u = m.as_str();
        loop {
            let before = u;
            u = u.trim_end_matches(['.', ',', ';', ':', '!', '?', '…', '\'', '’', '»', '#']);
            if u.ends_with(')') && !u.contains('(') {
                u = &u[..u.len() - 1];
            }
            if u == before {
                break;
            }
        }
        if u.len() > "www.".len() && !out.iter().any(|x| x == u) {
            out.push(u.to_string());
        }
    }
    out
}

/// Builds a comment from its raw lines (residue removed, empty lines dropped, joined by `\n`).
pub fn build_comment(
    article_id: &str,
    number: u32,
    date: Option<DateTime>,
    author: Option<String>,
    lines: &[&str],
) -> Comment {
    let mut residue = 0u32;
    let mut kept: Vec<String> = Vec::new();
    for l in lines {
        let (clean, n) = strip_residue(l);
        residue = residue.saturating_add(n);
        if !clean.is_empty() {
            kept.push(clean);
        }
    }
    let text = kept.join("\n");
    Comment {
        id: format!("{article_id}#c{number}"),
        article_id: article_id.to_string(),
        number,
        date,
        author,
        emoticons: residue.saturating_add(count_emoticons(&text)),
        urls: find_urls(&text),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residue_is_removed_and_counted() {
        assert_eq!(
            strip_residue("c’est beau \" />"),
            ("c’est beau".to_string(), 1)
        );
        assert_eq!(strip_residue("\" /> \" />"), (String::new(), 2));
        assert_eq!(
            strip_residue("stockage?\" />"),
            ("stockage?".to_string(), 1)
        );
        assert_eq!(
            strip_residue("Tiens et pas Google ? \" /> Comme c’est bizarre…"),
            ("Tiens et pas Google ? Comme c’est bizarre…".to_string(), 1)
        );
    }

    #[test]
    fn emoticons_and_urls() {
        assert_eq!(count_emoticons("Super :) et ;) mais :-( et :D."), 4);
        assert_eq!(count_emoticons("voir http://exemple.fr/a:)"), 0);
        assert_eq!(count_emoticons("Rien ici : vraiment."), 0);
        assert_eq!(
            find_urls("voir http://www.exemple.fr/a#… et (https://b.org/x). www.c.fr"),
            vec!["http://www.exemple.fr/a", "https://b.org/x", "www.c.fr"]
        );
    }

    #[test]
    fn builds_a_comment() {
        let c = build_comment("a", 2, None, None, &["Bonjour :)", "\" />", "http://x.fr"]);
        assert_eq!(c.id, "a#c2");
        assert_eq!(c.text, "Bonjour :)\nhttp://x.fr");
        assert_eq!(c.emoticons, 2);
        assert_eq!(c.urls, vec!["http://x.fr"]);
    }
}
