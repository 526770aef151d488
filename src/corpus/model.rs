//! The parsed form of a page: an [`Article`] and its [`Comment`]s.

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

/// One article page as understood by the parser.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier: the file path relative to the corpus root without extension
    /// (JSON Lines articles: `<file id>/<id or line number>`).
    pub id: String,
    /// The source file, relative to the corpus root.
    pub file: String,
    /// Headline.
    pub title: String,
    /// Subtitle or tagline, when the page has one (as printed, guillemets kept).
    pub subtitle: Option<String>,
    /// Publication date-time as printed on the page (local wall-clock time).
    pub published: Option<DateTime>,
    /// Declared reading time in minutes.
    pub reading_time_minutes: Option<u32>,
    /// Category or section, when given (distinct breadcrumb items joined with " > ").
    pub category: Option<String>,
    /// The introductory paragraph.
    pub lede: Option<String>,
    /// Section headings, in page order.
    pub headings: Vec<String>,
    /// Body paragraphs after the lede, in page order (headings excluded).
    pub paragraphs: Vec<String>,
    /// Source or credit line ("La source: …"), without its label.
    pub source: Option<String>,
    /// Topic tags ("En savoir plus sur les sujets : …").
    pub tags: Vec<String>,
    /// Comment count printed by the page ("Commentaires (33)").
    pub declared_comments: Option<u32>,
    /// Canonical URL, when the page gives one.
    pub url: Option<String>,
    /// Reader comments in page order.
    pub comments: Vec<Comment>,
}

/// One reader comment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    /// Identifier: `<article id>#c<N>`, N = position on the page from 1.
    pub id: String,
    /// The article this comment belongs to.
    pub article_id: String,
    /// Position on the page, from 1.
    pub number: u32,
    /// Timestamp as printed on the page (local wall-clock time).
    pub date: Option<DateTime>,
    /// Author name, when the page gives one.
    pub author: Option<String>,
    /// Text, lines joined with `\n`; empty for comments without text.
    pub text: String,
    /// Emoticons seen: smiley-image residues `" />` (removed from the text) plus textual
    /// smileys such as `:)` (left in the text).
    pub emoticons: u32,
    /// URLs found in the text (kept in the text as well).
    pub urls: Vec<String>,
}
