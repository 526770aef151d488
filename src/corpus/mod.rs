//! Finding files, decoding bytes, page formats → model ([`Article`], [`Comment`]).

pub mod boilerplate;
pub mod clean;
pub mod comments;
pub mod dates;
pub mod decode;
pub mod discover;
pub mod html_page;
pub mod jsonl;
pub mod markers;
pub mod model;
pub mod text_page;

pub use boilerplate::{Boilerplate, RepeatLearner, learn, line_hash, normalise};
pub use dates::{find_comment_stamp, find_date, parse_date, parse_user_date};
pub use decode::{DecodeError, Decoded, decode, repair_mojibake};
pub use discover::{Discovery, Format, Found, Skip, discover, stamp_of};
pub use html_page::parse_html_page;
pub use jsonl::{LineError, parse_jsonl, parse_jsonl_lines};
pub use model::{Article, Comment};
pub use text_page::{parse_text_page, parse_text_page_noted};

/// The articles of one file, with its per-line problems and how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Articles (a text page gives one, a JSON Lines file one per valid line).
    pub articles: Vec<Article>,
    /// Problems with single lines (JSON Lines), and lines read in an unusual way (text pages).
    pub line_errors: Vec<LineError>,
    /// Encoding the file was read as.
    pub encoding: &'static str,
    /// True when the file was UTF-8.
    pub was_utf8: bool,
    /// Mojibake sequences repaired while decoding ("Ã©" → "é").
    pub mojibake: usize,
}

/// Decodes and parses one found file; `boiler` applies to text pages.
pub fn parse_file(
    found: &Found,
    bytes: &[u8],
    boiler: &Boilerplate,
) -> Result<Parsed, DecodeError> {
    let d = decode(bytes)?;
    let (articles, line_errors) = match found.format {
        Format::TextPage => {
            let (a, notes) = parse_text_page_noted(&found.id, &found.rel, &d.text, boiler);
            (vec![a], notes)
        }
        Format::JsonLines => parse_jsonl(&found.id, &found.rel, &d.text),
        Format::Html => (
            vec![parse_html_page(&found.id, &found.rel, &d.text, boiler)],
            Vec::new(),
        ),
    };
    let mut articles = articles;
    let mut line_errors = line_errors;
    articles.iter_mut().for_each(clean::clean_article);
    if found.format != Format::JsonLines
        && let Some(a) = articles.first_mut()
        && a.title.trim().is_empty()
    {
        if !has_content(a) {
            return Err(DecodeError::OnlyBoilerplate);
        }
        // A page whose first lines are all page furniture still has text: it is titled after
        // its file, with a note.
        a.title = title_from_file(&found.rel);
        line_errors.push(LineError {
            line: 0,
            message: format!(
                "no title found (no line outside boilerplate, dates and comments could be \
                 one); titled after the file name \"{}\"",
                a.title
            ),
            kept: true,
        });
    }
    Ok(Parsed {
        articles,
        line_errors,
        encoding: d.encoding,
        was_utf8: d.was_utf8,
        mojibake: d.mojibake,
    })
}

/// Whether an article holds anything to index besides its title.
fn has_content(a: &Article) -> bool {
    a.subtitle.is_some()
        || a.lede.is_some()
        || !a.headings.is_empty()
        || !a.paragraphs.is_empty()
        || a.source.is_some()
        || !a.tags.is_empty()
        || !a.comments.is_empty()
}

/// A title for a page without one: its file name without directory and extension.
fn title_from_file(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

/// The format of a page whose name says nothing (standard input): HTML when it starts with a
/// tag, JSON Lines when it starts with `{`, else a plain-text page.
pub fn sniff_format(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => Format::Html,
        Some(b'{') => Format::JsonLines,
        _ => Format::TextPage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn found(rel: &str, format: Format) -> Found {
        Found {
            path: PathBuf::from(rel),
            rel: rel.to_string(),
            id: rel.rsplit_once('.').map_or(rel, |(s, _)| s).to_string(),
            format,
            size: 0,
            stamp: 0,
        }
    }

    #[test]
    fn parses_both_formats() {
        let b = Boilerplate::default();
        let p = parse_file(
            &found("d/page.txt", Format::TextPage),
            b"Titre\r\nUn paragraphe.\r\n",
            &b,
        )
        .unwrap();
        assert_eq!(p.articles.len(), 1);
        assert_eq!(
            (p.articles[0].id.as_str(), p.articles[0].file.as_str()),
            ("d/page", "d/page.txt")
        );
        assert_eq!(p.articles[0].lede.as_deref(), Some("Un paragraphe."));
        assert!(p.was_utf8);
        let p = parse_file(
            &found("f.jsonl", Format::JsonLines),
            b"{\"title\":\"A\"}\nnope\n",
            &b,
        )
        .unwrap();
        assert_eq!(p.articles[0].id, "f/1");
        assert_eq!(p.line_errors.len(), 1);
        assert_eq!(
            parse_file(&found("e.txt", Format::TextPage), b"", &b),
            Err(DecodeError::Empty)
        );
        let p = parse_file(
            &found("h.html", Format::Html),
            b"<title>Titre</title><p>Un paragraphe.</p>",
            &b,
        )
        .unwrap();
        assert_eq!(p.articles[0].title, "Titre");
        assert_eq!(p.articles[0].id, "h");
    }

    #[test]
    fn sniffs_standard_input() {
        assert_eq!(sniff_format(b"\xEF\xBB\xBF  <!DOCTYPE html>"), Format::Html);
        assert_eq!(sniff_format(b"\n{\"title\": \"x\"}"), Format::JsonLines);
        assert_eq!(sniff_format(b"Titre\nTexte"), Format::TextPage);
        assert_eq!(sniff_format(b""), Format::TextPage);
    }
}
