//! JSON Lines input: one article per line (schema in `docs/jsonl.md`).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::comments::build_comment;
use super::dates::parse_date;
use super::model::Article;

/// A problem with one line of a JSON Lines file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// Line number, from 1 (0: the note is about the whole file).
    pub line: usize,
    /// What is wrong, and whether the line was dropped.
    pub message: String,
    /// The line's article was kept (the note is about a part of it: a date not read…).
    pub kept: bool,
}

/// Parses a JSON Lines file: valid lines give articles, invalid ones a [`LineError`].
///
/// Article id is `<file_id>/<"id">` when the object has an "id" (string or number), else
/// `<file_id>/<line number>`. Blank lines are ignored; unknown keys too.
pub fn parse_jsonl(file_id: &str, file: &str, text: &str) -> (Vec<Article>, Vec<LineError>) {
    let (lines, errors) = parse_jsonl_lines(file_id, file, text);
    (lines.into_iter().map(|(_, a)| a).collect(), errors)
}

/// [`parse_jsonl`], each article with the number of its line (from 1).
pub fn parse_jsonl_lines(
    file_id: &str,
    file: &str,
    text: &str,
) -> (Vec<(usize, Article)>, Vec<LineError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    for (k, raw) in text.lines().enumerate() {
        let line = k + 1;
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let mut notes = Vec::new();
        match parse_line(file_id, file, line, raw, &mut notes) {
            Ok(a) => {
                if ids.insert(a.id.clone()) {
                    articles.push((line, a));
                    errors.extend(notes.into_iter().map(|message| LineError {
                        line,
                        message,
                        kept: true,
                    }));
                } else {
                    errors.push(LineError {
                        line,
                        message: format!("duplicate article id \"{}\"; line dropped", a.id),
                        kept: false,
                    });
                }
            }
            Err(message) => errors.push(LineError {
                line,
                message: format!("{message}; line dropped"),
                kept: false,
            }),
        }
    }
    (articles, errors)
}

/// `raw` with each `\\u` escape of a surrogate that is not half of a pair replaced by
/// `\\ufffd`; `None` when there is none.
fn without_lone_surrogates(raw: &str) -> Option<String> {
    let b = raw.as_bytes();
    let hex_at = |i: usize| -> Option<u16> {
        let h = b.get(i..i + 4)?;
        u16::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    };
    let escape_at = |i: usize| -> Option<u16> {
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u'))
            .then(|| hex_at(i + 2))
            .flatten()
    };
    let mut out = String::with_capacity(raw.len());
    let (mut i, mut last, mut changed) = (0, 0, false);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(u) = escape_at(i) else {
            // Another escape ("\\\\", "\\n"): its second byte is no escape's start.
            i += 2;
            continue;
        };
        let high = (0xD800..0xDC00).contains(&u);
        let paired = high && escape_at(i + 6).is_some_and(|v| (0xDC00..0xE000).contains(&v));
        if paired {
            i += 12;
        } else if (0xD800..0xE000).contains(&u) {
            out.push_str(&raw[last..i]);
            out.push_str("\\ufffd");
            i += 6;
            last = i;
            changed = true;
        } else {
            i += 6;
        }
    }
    changed.then(|| {
        out.push_str(&raw[last..]);
        out
    })
}

fn parse_line(
    file_id: &str,
    file: &str,
    line: usize,
    raw: &str,
    notes: &mut Vec<String>,
) -> Result<Article, String> {
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        // Python and JavaScript write a lone surrogate ("\ud800") where a text held half a
        // character: it is read as U+FFFD, with a note.
        Err(e) => match without_lone_surrogates(raw) {
            Some(fixed) => {
                let v = serde_json::from_str(&fixed).map_err(|e| format!("invalid JSON: {e}"))?;
                notes.push("a lone surrogate escape (half a character) read as U+FFFD".into());
                v
            }
            None => return Err(format!("invalid JSON: {e}")),
        },
    };
    let Value::Object(o) = value else {
        return Err("expected a JSON object".into());
    };
    let local_id = match o.get("id") {
        None | Some(Value::Null) => line.to_string(),
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" must be a non-empty string or a number".into()),
    };
    // "a#c1" is the id of article "a"'s first comment.
    if local_id.contains('#') {
        return Err(format!(
            "\"id\" \"{local_id}\" holds '#', which kiosque keeps for comment ids"
        ));
    }
    let id = format!("{file_id}/{local_id}");
    let title = match o.get("title") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::String(_)) => return Err("\"title\" is empty".into()),
        None | Some(Value::Null) => return Err("missing \"title\"".into()),
        Some(_) => return Err("\"title\" must be a string".into()),
    };
    let mut a = Article {
        id: id.clone(),
        file: file.to_string(),
        title,
        subtitle: opt_str(&o, "subtitle")?,
        reading_time_minutes: opt_u32(&o, "reading_time")?,
        category: opt_str(&o, "category")?,
        lede: opt_str(&o, "lede")?,
        headings: str_list(&o, "headings")?,
        source: opt_str(&o, "source")?,
        tags: str_list(&o, "tags")?,
        url: opt_str(&o, "url")?,
        declared_comments: opt_u32(&o, "declared_comments")?,
        ..Article::default()
    };
    if let Some(p) = opt_str(&o, "published")? {
        a.published = parse_date(&p);
        if a.published.is_none() {
            notes.push(format!(
                "\"published\": unrecognised date \"{p}\"; article kept without date"
            ));
        }
    }
    let mut paragraphs: Vec<String> = match o.get("body") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => split_paragraphs(s),
        Some(Value::Array(items)) => {
            let mut v = Vec::new();
            for it in items {
                match it {
                    Value::String(s) => v.extend(split_paragraphs(s)),
                    _ => return Err("\"body\" must be a string or an array of strings".into()),
                }
            }
            v
        }
        Some(_) => return Err("\"body\" must be a string or an array of strings".into()),
    };
    if a.lede.is_none() && !paragraphs.is_empty() {
        a.lede = Some(paragraphs.remove(0));
    }
    a.paragraphs = paragraphs;
    a.comments = comments(&o, &id, notes)?;
    Ok(a)
}

fn comments(
    o: &Map<String, Value>,
    article_id: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<super::Comment>, String> {
    let items = match o.get("comments") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err("\"comments\" must be an array".into()),
    };
    let mut out = Vec::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        let Value::Object(c) = it else {
            return Err(format!("comments[{k}] must be an object"));
        };
        let date = match opt_str(c, "date").map_err(|e| format!("comments[{k}]: {e}"))? {
            Some(s) => {
                let d = parse_date(&s);
                if d.is_none() {
                    notes.push(format!(
                        "comments[{k}]: \"date\": unrecognised date \"{s}\"; comment kept without date"
                    ));
                }
                d
            }
            None => None,
        };
        let author = opt_str(c, "author").map_err(|e| format!("comments[{k}]: {e}"))?;
        let text = opt_str(c, "text")
            .map_err(|e| format!("comments[{k}]: {e}"))?
            .unwrap_or_default();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let n = u32::try_from(k + 1).unwrap_or(u32::MAX);
        out.push(build_comment(article_id, n, date, author, &lines));
    }
    Ok(out)
}

/// Non-empty trimmed lines of a body string.
fn split_paragraphs(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn opt_str(o: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let s = s.trim();
            Ok((!s.is_empty()).then(|| s.to_string()))
        }
        Some(_) => Err(format!("\"{key}\" must be a string")),
    }
}

fn opt_u32(o: &Map<String, Value>, key: &str) -> Result<Option<u32>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .map(Some)
            .ok_or_else(|| format!("\"{key}\" must be a non-negative integer")),
        Some(_) => Err(format!("\"{key}\" must be a non-negative integer")),
    }
}

fn str_list(o: &Map<String, Value>, key: &str) -> Result<Vec<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            let mut v = Vec::with_capacity(items.len());
            for it in items {
                match it {
                    Value::String(s) if !s.trim().is_empty() => v.push(s.trim().to_string()),
                    Value::String(_) => {}
                    _ => return Err(format!("\"{key}\" must be an array of strings")),
                }
            }
            Ok(v)
        }
        Some(_) => Err(format!("\"{key}\" must be an array of strings")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_articles_and_reports_bad_lines() {
        let text = r#"{"id": "a1", "title": "Premier", "published": "1er mars 2014", "reading_time": 3, "body": "Chapeau.\n\nSuite.", "tags": ["x", "y"], "extra": true}

{"title": "Deuxième", "body": ["Un.", "Deux."], "lede": "Intro.", "comments": [{"date": "01/09/2014 18:02", "author": "Jean", "text": "Bien :) http://x.fr"}, {}]}
{"title": 3}
pas du json
[1, 2]
{"id": 7, "title": "Numéro", "published": "hier", "declared_comments": 2}
{"id": "a1", "title": "Doublon"}
{"title": "Mauvais", "comments": [{"date": "jamais"}]}
"#;
        let (arts, errs) = parse_jsonl("dir/f", "dir/f.jsonl", text);
        assert_eq!(arts.len(), 4);
        assert_eq!(arts[3].comments[0].date, None);
        let a = &arts[0];
        assert_eq!(
            (a.id.as_str(), a.file.as_str()),
            ("dir/f/a1", "dir/f.jsonl")
        );
        assert_eq!(a.published, Some(date(2014, 3, 1).at(0, 0, 0, 0)));
        assert_eq!(a.reading_time_minutes, Some(3));
        assert_eq!(a.lede.as_deref(), Some("Chapeau."));
        assert_eq!(a.paragraphs, vec!["Suite."]);
        assert_eq!(a.tags, vec!["x", "y"]);
        let b = &arts[1];
        assert_eq!(b.id, "dir/f/3");
        assert_eq!(b.lede.as_deref(), Some("Intro."));
        assert_eq!(b.paragraphs, vec!["Un.", "Deux."]);
        assert_eq!(b.comments.len(), 2);
        let c = &b.comments[0];
        assert_eq!(c.id, "dir/f/3#c1");
        assert_eq!(c.date, Some(date(2014, 9, 1).at(18, 2, 0, 0)));
        assert_eq!(c.author.as_deref(), Some("Jean"));
        assert_eq!((c.emoticons, c.urls.len()), (1, 1));
        assert_eq!(b.comments[1].text, "");
        let n = &arts[2];
        assert_eq!(
            (n.id.as_str(), n.published, n.declared_comments),
            ("dir/f/7", None, Some(2))
        );
        let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![4, 5, 6, 7, 8, 9]);
        assert!(errs[0].message.contains("\"title\" must be a string"));
        assert!(errs[1].message.starts_with("invalid JSON"));
        assert!(errs[2].message.contains("expected a JSON object"));
        assert!(errs[3].message.contains("article kept"));
        assert!(errs[4].message.contains("duplicate"));
        assert!(errs[5].message.contains("comment kept without date"));
    }

    #[test]
    fn an_id_with_a_comment_mark_is_refused() {
        let (a, errs) = parse_jsonl(
            "f",
            "f.jsonl",
            "{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \"a#c1\", \"title\": \"B\"}\n",
        );
        assert_eq!(a.len(), 1);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 2);
        assert!(errs[0].message.contains("'#'"), "{}", errs[0].message);
    }

    #[test]
    fn lone_surrogates_are_read_as_replacement_characters() {
        assert_eq!(
            without_lone_surrogates(r#"{"t": "a\ud800 b \udc00 \ud83d\ude00 \\ud800"}"#).as_deref(),
            Some(r#"{"t": "a\ufffd b \ufffd \ud83d\ude00 \\ud800"}"#)
        );
        assert_eq!(
            without_lone_surrogates(r#"{"t": "\ud83d\ude00 \u00e9"}"#),
            None
        );
        let (a, errs) = parse_jsonl(
            "f",
            "f.jsonl",
            "{\"title\": \"Caf\\u00e9 \\ud800 x\", \"body\": \"Texte.\"}\n",
        );
        assert_eq!(a.len(), 1, "{errs:?}");
        assert_eq!(a[0].title, "Café \u{fffd} x");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message.contains("surrogate"));
    }

    #[test]
    fn empty_input() {
        assert_eq!(parse_jsonl("f", "f.jsonl", ""), (vec![], vec![]));
        assert_eq!(parse_jsonl("f", "f.jsonl", "\n  \n"), (vec![], vec![]));
    }
}
