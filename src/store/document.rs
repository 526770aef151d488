//! Articles and comments → analysed tantivy documents.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use tantivy::TantivyDocument;

use super::replay::encode;
use super::schema::{Fields, KIND_ARTICLE, KIND_COMMENT, KIND_FILE};
use crate::analysis::{Analyzer, Lang};
use crate::corpus::{Article, Comment};

/// Converts a page's wall-clock time to a tantivy date (stored as if UTC).
pub fn to_tantivy_date(dt: DateTime) -> Option<tantivy::DateTime> {
    let ts = dt.to_zoned(TimeZone::UTC).ok()?.timestamp();
    Some(tantivy::DateTime::from_timestamp_secs(ts.as_second()))
}

/// Converts a stored tantivy date back to the page's wall-clock time.
pub fn from_tantivy_date(d: tantivy::DateTime) -> Option<DateTime> {
    let ts = jiff::Timestamp::from_second(d.into_timestamp_secs()).ok()?;
    Some(ts.to_zoned(TimeZone::UTC).datetime())
}

/// One letter a line: `f` French, `e` English.
pub fn encode_langs(langs: &[Lang]) -> String {
    langs
        .iter()
        .map(|l| match l {
            Lang::Fr => 'f',
            Lang::En => 'e',
        })
        .collect()
}

/// Inverse of [`encode_langs`].
pub fn decode_langs(s: &str) -> Vec<Lang> {
    s.chars()
        .map(|c| if c == 'e' { Lang::En } else { Lang::Fr })
        .collect()
}

/// Languages of a text by weight (bytes of its lines), main language first.
pub fn doc_langs(text: &str, line_langs: &[Lang]) -> Vec<Lang> {
    let (mut fr, mut en) = (0usize, 0usize);
    for (line, lang) in text.split('\n').zip(line_langs) {
        let n = line.chars().filter(|c| c.is_alphabetic()).count();
        match lang {
            Lang::Fr => fr += n,
            Lang::En => en += n,
        }
    }
    match (fr > 0, en > 0) {
        (true, true) if en > fr => vec![Lang::En, Lang::Fr],
        (true, true) => vec![Lang::Fr, Lang::En],
        (true, false) => vec![Lang::Fr],
        (false, true) => vec![Lang::En],
        (false, false) => vec![],
    }
}

/// Lowercase code of a language (`fr`, `en`).
pub fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// The stored text of an article: subtitle, lede and body paragraphs, one passage a line.
pub fn article_text(a: &Article) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(l) = &a.lede {
        parts.push(l);
    }
    parts.extend(a.paragraphs.iter().map(String::as_str));
    parts.join("\n")
}

/// The title-like text of an article: title, subtitle, headings.
pub fn article_title_text(a: &Article) -> String {
    let mut parts: Vec<&str> = vec![&a.title];
    if let Some(s) = &a.subtitle {
        parts.push(s);
    }
    parts.extend(a.headings.iter().map(String::as_str));
    parts.join("\n")
}

/// Builds the tantivy documents of one source file: its articles, their comments, and the
/// file marker carrying the content hash.
pub struct DocumentBuilder<'a> {
    fields: &'a Fields,
    analyzer: &'a Analyzer,
}

/// Counts of what a file produced.
#[derive(Debug, Default, Clone, Copy)]
pub struct Produced {
    /// Articles.
    pub articles: usize,
    /// Comments.
    pub comments: usize,
}

impl<'a> DocumentBuilder<'a> {
    /// A builder over a schema and the analyzer.
    pub fn new(fields: &'a Fields, analyzer: &'a Analyzer) -> Self {
        DocumentBuilder { fields, analyzer }
    }

    /// The marker document of a source file.
    pub fn file_marker(&self, file: &str, hash: u64) -> TantivyDocument {
        let f = self.fields;
        let mut d = TantivyDocument::new();
        d.add_text(f.id, file);
        d.add_text(f.kind, KIND_FILE);
        d.add_text(f.file, file);
        d.add_u64(f.file_hash, hash);
        d
    }

    /// The documents of one article and its comments.
    pub fn article_docs(&self, a: &Article, out: &mut Vec<TantivyDocument>) -> Produced {
        let f = self.fields;
        let mut d = TantivyDocument::new();
        d.add_text(f.id, &a.id);
        d.add_text(f.kind, KIND_ARTICLE);
        d.add_text(f.article_id, &a.id);
        d.add_text(f.file, &a.file);
        if let Some(date) = a.published.and_then(to_tantivy_date) {
            d.add_date(f.date, date);
        }
        d.add_text(f.title, &a.title);
        let title_text = article_title_text(a);
        let (title_tokens, _) = self.analyzer.analyze_document(&title_text);
        d.add_text(f.title_main, encode(&title_tokens, true));
        d.add_text(f.title_alt, encode(&title_tokens, false));
        let text = article_text(a);
        self.add_text(&mut d, &text);
        let mut stored = a.clone();
        stored.comments.clear();
        d.add_text(
            f.json,
            serde_json::to_string(&stored).unwrap_or_else(|_| "{}".into()),
        );
        out.push(d);
        for c in &a.comments {
            out.push(self.comment_doc(a, c));
        }
        Produced {
            articles: 1,
            comments: a.comments.len(),
        }
    }

    fn comment_doc(&self, a: &Article, c: &Comment) -> TantivyDocument {
        let f = self.fields;
        let mut d = TantivyDocument::new();
        d.add_text(f.id, &c.id);
        d.add_text(f.kind, KIND_COMMENT);
        d.add_text(f.article_id, &a.id);
        d.add_text(f.file, &a.file);
        d.add_u64(f.number, u64::from(c.number));
        if let Some(date) = c.date.and_then(to_tantivy_date) {
            d.add_date(f.date, date);
        }
        d.add_text(f.title, &a.title);
        self.add_text(&mut d, &c.text);
        d.add_text(
            f.json,
            serde_json::to_string(c).unwrap_or_else(|_| "{}".into()),
        );
        d
    }

    fn add_text(&self, d: &mut TantivyDocument, text: &str) {
        let f = self.fields;
        let (tokens, langs) = self.analyzer.analyze_document(text);
        for l in doc_langs(text, &langs) {
            d.add_text(f.lang, lang_code(l));
        }
        d.add_text(f.text, text);
        d.add_text(f.line_langs, encode_langs(&langs));
        d.add_text(f.text_main, encode(&tokens, true));
        d.add_text(f.text_alt, encode(&tokens, false));
    }
}
