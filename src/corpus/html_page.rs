//! HTML pages: the article's main text, title, date and comment thread, out of the markup.
//!
//! Parsing is html5ever's (through `scraper`): the WHATWG algorithm, so any byte soup gives a
//! tree. Then, without recursion (hostile nesting cannot overflow the stack):
//!
//! - **Out**: `script`, `style`, `template`, `noscript`, `nav`, `aside`, `footer`, `form`,
//!   `iframe`, `svg`, `button`, `figure` …, hidden elements (`hidden`, `aria-hidden`,
//!   `display:none`), navigation roles (`navigation`, `banner`, `contentinfo`, `complementary`
//!   …), a site `header` (one outside any `article`), and elements whose class or id names
//!   page furniture (`menu`, `breadcrumb`, `share`, `social`, `related`, `newsletter`, `cookie`,
//!   `sidebar`, `reply`, `meta` …).
//! - **Main text**: the `[itemprop=articleBody]` element, else the `article` holding the most
//!   text, else `main` / `[role=main]`, else the whole body. Block elements (`p`, `li`, `div`,
//!   `h2` …, `br`) end a passage; `h2`–`h6` are headings; the first paragraph is the lede.
//!   Comment sections, standalone date lines and boilerplate ("Laissez un commentaire") are not
//!   body.
//! - **Title**: the first `h1` of the main text, else `og:title`, JSON-LD `headline`, any `h1`,
//!   `<title>` (without a trailing " | Site" part).
//! - **Date**: `article:published_time` and similar meta tags, JSON-LD `datePublished`, else the
//!   first `<time>` or `[itemprop=datePublished]` outside comments (`datetime` or its text), else
//!   a date line at the top of the text.
//! - **Category, tags, URL**: `article:section`, `article:tag` / `keywords`, `link rel=canonical`
//!   / `og:url` (and JSON-LD `articleSection`, `keywords`).
//! - **Comments**: elements marked as one comment — class `comment` / `commentaire` /
//!   `comment-item`, an id such as `comment-12`, `itemtype` schema.org `Comment`, or the `li`
//!   items of a `comment-list` / `commentlist` — in page order, replies included (a reply nested
//!   in its parent is a comment of its own, not part of the parent's text). Author from
//!   `.fn` / `[itemprop=author]` / `.comment-author` …, date from a `<time>` or a `.date`
//!   element or a leading "Le 01/09/2014 à 18h02" stamp, text from what remains. A "33
//!   commentaires" heading gives the declared count.
//!
//! html5ever takes time quadratic in the nesting depth of elements such as `div`; a page nested
//! deeper than [`MAX_DEPTH`] (no real page comes near) is read as plain text instead: tags
//! removed, then the text-page parser.

use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use jiff::civil::DateTime;
use scraper::node::Element;
use scraper::{Html, Node};
use serde_json::Value;

use super::boilerplate::{Boilerplate, normalise};
use super::comments::build_comment;
use super::dates::{find_comment_stamp, find_date, parse_date};
use super::markers::{
    comments_header, header_date, is_separator, reading_time, source_line, tags_line,
};
use super::model::{Article, Comment};
use super::text_page::parse_text_page;

/// Elements whose whole content is left out of any text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg",
    "math", "button", "select", "textarea", "input", "object", "embed", "canvas", "audio", "video",
    "figure", "head", "title", "meta", "link", "dialog", "menu", "picture", "img",
];

/// Roles of page furniture.
#[rustfmt::skip]
const SKIP_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    "alertdialog", "toolbar", "tablist",
];

/// Class or id words (split at `-`, `_` and spaces) that name page furniture.
#[rustfmt::skip]
const SKIP_WORDS: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing",
    "social", "related", "newsletter", "cookie", "cookies", "consent", "banner", "advert",
    "advertisement", "ads", "ad", "pub", "publicite", "promo", "sidebar", "subscribe",
    "abonnement", "paywall", "outbrain", "taboola", "reply", "respond", "form", "meta", "metadata",
    "says", "avatar", "vote", "votes", "rating", "report", "signaler", "toolbar", "popup", "modal",
    "hidden", "print",
];

/// Class or id words that mark content: an element carrying one is never dropped for a
/// [`SKIP_WORDS`] word ("post-content has-sidebar").
const CONTENT_WORDS: &[&str] = &["content", "article", "body", "text", "main", "story"];

/// Class names (whole) of one comment.
#[rustfmt::skip]
const COMMENT_CLASSES: &[&str] = &[
    "comment", "commentaire", "comment-item", "comments-item", "comment-entry", "commentaire-item",
    "reaction",
];

/// Class or id names (whole) of a list whose `li` items are comments.
#[rustfmt::skip]
const COMMENT_LISTS: &[&str] = &[
    "commentlist", "comment-list", "comments-list", "commentaires-list", "liste-commentaires",
    "comment-thread",
];

/// Class or id names (whole) of a comment section (left out of the body).
#[rustfmt::skip]
const COMMENT_SECTIONS: &[&str] = &[
    "comments", "commentaires", "comment-section", "comments-section", "comments-area",
    "comment-area", "disqus_thread", "reactions", "respond",
];

/// Class or id words of a comment's author.
const AUTHOR_WORDS: &[&str] = &[
    "author", "fn", "auteur", "username", "pseudo", "nickname", "user", "name",
];

/// Class or id words of a comment's date.
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "date", "time", "published", "timestamp", "datetime", "posted",
];

/// Elements that end a passage.
#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
];

/// Deepest element nesting parsed as HTML (see the module documentation).
pub const MAX_DEPTH: usize = 5_000;

/// Longest JSON-LD script read, in bytes.
const MAX_JSON_LD: usize = 1 << 20;

type NodeR<'a> = NodeRef<'a, Node>;

/// One passage of text: a paragraph, a list item, a heading (with its level).
#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    heading: Option<u8>,
}

/// What a first walk over the whole tree finds.
#[derive(Default)]
struct Scan<'a> {
    /// `<meta>` values by lowercased property / name / itemprop (first value wins).
    meta: HashMap<String, String>,
    /// Every `article:tag` meta value.
    tags: Vec<String>,
    title_tag: Option<String>,
    canonical: Option<String>,
    json_ld: Vec<Value>,
    /// First `<time>` or `[itemprop=datePublished]` outside comments and furniture.
    first_time: Option<NodeR<'a>>,
    /// First `h1` outside comments and furniture.
    first_h1: Option<NodeR<'a>>,
    /// Comment items in document order.
    items: Vec<NodeR<'a>>,
    /// Comment sections.
    sections: Vec<NodeR<'a>>,
    /// Main-text candidates with the text bytes credited to each (innermost one holding it).
    candidates: Vec<(NodeR<'a>, Candidate, usize)>,
    /// Text of short headings that may announce the comment count.
    count_headings: Vec<String>,
}

/// Kinds of main-text containers, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidate {
    ArticleBody,
    Article,
    Main,
}

/// Parses one HTML page into an [`Article`] with id `id` from file `file`.
pub fn parse_html_page(id: &str, file: &str, text: &str, boiler: &Boilerplate) -> Article {
    if nesting_depth(text) > MAX_DEPTH {
        return parse_text_page(id, file, &strip_tags(text), boiler);
    }
    let doc = Html::parse_document(text);
    let root = doc.tree.root();
    let scan = scan(root);
    let ld = LdFacts::from(&scan.json_ld);

    // Main text.
    let container = main_container(&scan).unwrap_or(root);
    let stops: HashSet<NodeId> = scan
        .items
        .iter()
        .chain(&scan.sections)
        .map(|n| n.id())
        .collect();
    let in_article = is_article(container) || container.ancestors().any(is_article);
    let blocks = blocks(container, &stops, &HashSet::new(), in_article);

    // Title.
    let title = first_descendant(container, &stops, false, |e| e.name() == "h1")
        .map(inline_text)
        .filter(|t| !t.is_empty())
        .or_else(|| meta(&scan, &["og:title", "twitter:title"]))
        .or_else(|| ld.headline.clone())
        .or_else(|| scan.first_h1.map(inline_text).filter(|t| !t.is_empty()))
        .or_else(|| scan.title_tag.as_deref().map(strip_site_name))
        .or_else(|| {
            blocks
                .iter()
                .find(|b| header_date(&b.text).is_none() && reading_time(&b.text).is_none())
                .map(|b| b.text.clone())
        })
        .unwrap_or_default();
    let mut article = Article {
        id: id.to_string(),
        file: file.to_string(),
        title: clip(&title, 1000),
        ..Article::default()
    };

    // Metadata.
    article.published = [
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "pubdate",
        "publishdate",
        "publish-date",
        "sailthru.date",
        "parsely-pub-date",
    ]
    .iter()
    .filter_map(|k| scan.meta.get(*k))
    .chain(ld.published.iter())
    .find_map(|s| parse_date(s))
    .or_else(|| scan.first_time.and_then(time_value));
    article.category =
        meta(&scan, &["article:section", "og:article:section"]).or_else(|| ld.section.clone());
    article.url = scan.canonical.clone().or_else(|| meta(&scan, &["og:url"]));
    article.subtitle = first_descendant(container, &stops, false, |e| {
        e.name() != "h1"
            && has_word(
                e,
                &[
                    "subtitle",
                    "sous-titre",
                    "soustitre",
                    "subheadline",
                    "dek",
                    "kicker",
                ],
            )
    })
    .map(inline_text)
    .filter(|t| !t.is_empty() && *t != article.title);
    let mut tags = scan.tags.clone();
    if tags.is_empty()
        && let Some(kw) =
            meta(&scan, &["news_keywords", "keywords"]).or_else(|| ld.keywords.clone())
    {
        tags = kw
            .split([',', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| clip(t, 200))
            .collect();
    }
    let mut seen = HashSet::new();
    tags.retain(|t| seen.insert(t.clone()));
    tags.truncate(100);
    article.tags = tags;

    // Body passages.
    let title_norm = normalise(&article.title);
    let subtitle_norm = article.subtitle.as_deref().map(normalise);
    let mut paragraphs: Vec<String> = Vec::new();
    for b in blocks {
        let l = b.text.as_str();
        let n = normalise(l);
        if is_separator(l) || n.is_empty() || n == title_norm || Some(&n) == subtitle_norm.as_ref()
        {
            continue;
        }
        if comments_header(l).is_some() {
            continue;
        }
        if let Some(level) = b.heading {
            if level >= 2 {
                article.headings.push(b.text);
            }
            continue;
        }
        if let Some(d) = header_date(l) {
            if article.published.is_none() && paragraphs.is_empty() {
                article.published = Some(d);
            }
            continue;
        }
        if let Some(m) = reading_time(l) {
            article.reading_time_minutes.get_or_insert(m);
            continue;
        }
        if article.source.is_none()
            && let Some(s) = source_line(l)
        {
            article.source = Some(s.to_string());
            continue;
        }
        if article.tags.is_empty()
            && let Some(t) = tags_line(l)
        {
            article.tags = t;
            continue;
        }
        if boiler.is_boilerplate(l) {
            continue;
        }
        paragraphs.push(b.text);
    }
    if !paragraphs.is_empty() {
        article.lede = Some(paragraphs.remove(0));
    }
    article.paragraphs = paragraphs;

    // Comments. The count: headings that announce it, then short passages of the comment
    // sections themselves (not their comments): "33 commentaires".
    let section_lines: Vec<String> = scan
        .sections
        .iter()
        .flat_map(|s| blocks_capped(*s, &stops, 20))
        .collect();
    article.declared_comments = scan
        .count_headings
        .iter()
        .chain(&section_lines)
        .find_map(|t| comments_header(t).flatten());
    for item in &scan.items {
        let number = u32::try_from(article.comments.len() + 1).unwrap_or(u32::MAX);
        if let Some(c) = comment(*item, &stops, id, number) {
            article.comments.push(c);
        }
    }
    article
}

/// Elements that have no end tag.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// The name of the tag starting at `bytes[0] == b'<'` (lowercased, at most 16 letters), whether
/// it is an end tag, and where the name ends; `None` when `<` starts no tag.
fn tag_at(bytes: &[u8]) -> Option<(String, bool, usize)> {
    let (end_tag, from) = match bytes.get(1) {
        Some(b'/') => (true, 2),
        _ => (false, 1),
    };
    let name_len = bytes[from..]
        .iter()
        .take(17)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !bytes[from].is_ascii_alphabetic() {
        return None;
    }
    let name = String::from_utf8_lossy(&bytes[from..from + name_len]).to_ascii_lowercase();
    Some((name, end_tag, from + name_len))
}

/// Elements closed by the start of a sibling of their kind (`<li>a<li>b`): they add no depth.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "tbody",
    "thead", "tfoot", "colgroup",
];

/// A quick estimate (from above, within a factor of two) of the element nesting depth of a
/// page: start tags of elements that nest minus end tags, at the deepest point.
fn nesting_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'<') {
        i += k;
        if let Some((name, end_tag, len)) = tag_at(&bytes[i..]) {
            if end_tag {
                depth = depth.saturating_sub(1);
            } else if !VOID_TAGS.contains(&name.as_str())
                && !SELF_CLOSING_SIBLINGS.contains(&name.as_str())
            {
                let self_closing = bytes[i + len..]
                    .iter()
                    .position(|&b| b == b'>')
                    .is_some_and(|g| g > 0 && bytes[i + len + g - 1] == b'/');
                if !self_closing {
                    depth += 1;
                    max = max.max(depth);
                }
            }
        }
        i += 1;
    }
    max
}

/// The text of a page with its tags removed (scripts and styles with their content), block
/// tags ending lines, and the common character references decoded.
fn strip_tags(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() / 2);
    let mut i = 0;
    let mut copied = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'<') {
        i += k;
        let Some((name, end_tag, _)) = tag_at(&bytes[i..]) else {
            i += 1;
            continue;
        };
        out.push_str(&text[copied..i]);
        let close = bytes[i..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |g| i + g + 1);
        let mut next = close;
        if !end_tag && matches!(name.as_str(), "script" | "style") {
            let needle = format!("</{name}");
            next = text[close..]
                .to_ascii_lowercase()
                .find(&needle)
                .map_or(bytes.len(), |p| close + p);
        }
        if BLOCK_TAGS.contains(&name.as_str()) || name == "br" {
            out.push('\n');
        } else {
            out.push(' ');
        }
        i = next.min(bytes.len());
        // `i` is at a `<`, a `>`+1 or the end: all char boundaries.
        copied = i;
        if i >= bytes.len() {
            break;
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn is_article(n: NodeR<'_>) -> bool {
    n.value()
        .as_element()
        .is_some_and(|e| e.name() == "article")
}

/// The first non-empty value among these `<meta>` keys.
fn meta(scan: &Scan, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| scan.meta.get(*k))
        .map(|v| clip(v.trim(), 1000))
        .find(|v| !v.is_empty())
}

/// Cuts a string to at most `max` characters.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// "Titre de l'article | Le Site" → "Titre de l'article".
fn strip_site_name(t: &str) -> String {
    let t = t.trim();
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = t.rsplit_once(sep)
            && head.chars().count() >= 10
            && tail.chars().count() <= 40
        {
            return clip(head.trim(), 1000);
        }
    }
    clip(t, 1000)
}

/// The words of an element's class and id attributes, lowercased, split at `-`, `_`, spaces.
fn words(e: &Element) -> impl Iterator<Item = String> + '_ {
    e.attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// The whole class names and the id of an element, lowercased.
fn names(e: &Element) -> impl Iterator<Item = String> + '_ {
    e.attr("class")
        .into_iter()
        .flat_map(str::split_whitespace)
        .chain(e.attr("id"))
        .map(str::to_ascii_lowercase)
}

fn has_word(e: &Element, set: &[&str]) -> bool {
    words(e).any(|w| set.contains(&w.as_str()))
}

fn has_name(e: &Element, set: &[&str]) -> bool {
    names(e).any(|n| set.contains(&n.as_str()))
}

fn attr_is(e: &Element, attr: &str, values: &[&str]) -> bool {
    e.attr(attr)
        .is_some_and(|v| values.iter().any(|x| v.trim().eq_ignore_ascii_case(x)))
}

/// True for an element whose content is never text of the page. `in_article` tells whether the
/// element sits inside an `article` (where a `header` holds the headline, not site furniture).
fn skipped(e: &Element, in_article: bool) -> bool {
    let name = e.name();
    if SKIP_TAGS.contains(&name) || (name == "header" && !in_article) {
        return true;
    }
    if e.attr("hidden").is_some() || attr_is(e, "aria-hidden", &["true"]) {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if attr_is(e, "role", SKIP_ROLES) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let mut furniture = false;
    for w in words(e) {
        if CONTENT_WORDS.contains(&w.as_str()) {
            return false;
        }
        furniture |= SKIP_WORDS.contains(&w.as_str());
    }
    furniture
}

fn is_comment_item(e: &Element) -> bool {
    if has_name(e, COMMENT_CLASSES) {
        return true;
    }
    if e.attr("itemtype")
        .is_some_and(|t| t.trim().trim_end_matches('/').ends_with("/Comment"))
    {
        return true;
    }
    e.id().is_some_and(|id| {
        let id = id.to_ascii_lowercase();
        ["comment", "commentaire", "reaction"].iter().any(|p| {
            id.strip_prefix(p).is_some_and(|rest| {
                let digits = rest.trim_start_matches(['-', '_']);
                !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
            })
        })
    })
}

/// What an open element changed in [`scan`]'s state, undone when it closes.
#[derive(Default, Clone, Copy)]
struct Opened {
    comment: bool,
    skip: bool,
    article: bool,
    list: bool,
    candidate: bool,
}

/// Walks the whole tree once (iteratively).
fn scan(root: NodeR<'_>) -> Scan<'_> {
    let mut s = Scan::default();
    let mut stack: Vec<(NodeR, bool)> = vec![(root, false)];
    let mut in_comment = 0usize; // open comment items and sections
    let mut in_skip = 0usize; // open skipped elements
    let mut in_article = 0usize;
    let mut lists = 0usize; // open comment lists
    let mut cands: Vec<usize> = Vec::new(); // indexes into s.candidates, innermost last
    let mut opened: Vec<Opened> = Vec::new();
    while let Some((node, closing)) = stack.pop() {
        if closing {
            if let Some(o) = opened.pop() {
                in_comment -= usize::from(o.comment);
                in_skip -= usize::from(o.skip);
                in_article -= usize::from(o.article);
                lists -= usize::from(o.list);
                if o.candidate {
                    cands.pop();
                }
            }
            continue;
        }
        match node.value() {
            Node::Text(t) => {
                if in_skip == 0
                    && in_comment == 0
                    && let Some(&c) = cands.last()
                {
                    s.candidates[c].2 += t.trim().len();
                }
                continue;
            }
            Node::Element(e) => {
                let name = e.name();
                scan_metadata(&mut s, node, e);
                let outside = in_comment == 0 && in_skip == 0;
                if outside && s.first_time.is_none() {
                    let is_time = name == "time" || attr_is(e, "itemprop", &["datePublished"]);
                    if is_time {
                        s.first_time = Some(node);
                    }
                }
                if outside && s.first_h1.is_none() && name == "h1" {
                    s.first_h1 = Some(node);
                }
                let heading = matches!(name, "h2" | "h3" | "h4" | "h5" | "h6");
                if (outside && heading)
                    || (has_word(e, &["comments", "commentaires", "comment", "count"])
                        && (heading || matches!(name, "span" | "a" | "p" | "div")))
                {
                    let t = shallow_text(node, 80);
                    if comments_header(&t).is_some() {
                        s.count_headings.push(t);
                    }
                }
                let mut o = Opened::default();
                let parent_is_list = lists > 0
                    && node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|pe| has_name(pe, COMMENT_LISTS)))
                        .unwrap_or(false);
                if is_comment_item(e) || (name == "li" && parent_is_list) {
                    s.items.push(node);
                    o.comment = true;
                } else if in_comment == 0 && has_name(e, COMMENT_SECTIONS) {
                    s.sections.push(node);
                    o.comment = true;
                }
                o.list = has_name(e, COMMENT_LISTS);
                o.skip = skipped(e, in_article > 0);
                o.article = name == "article";
                if outside && !o.comment && !o.skip {
                    let cand = if attr_is(e, "itemprop", &["articleBody"]) {
                        Some(Candidate::ArticleBody)
                    } else if name == "article" {
                        Some(Candidate::Article)
                    } else if name == "main" || attr_is(e, "role", &["main"]) {
                        Some(Candidate::Main)
                    } else {
                        None
                    };
                    if let Some(c) = cand {
                        s.candidates.push((node, c, 0));
                        cands.push(s.candidates.len() - 1);
                        o.candidate = true;
                    }
                }
                in_comment += usize::from(o.comment);
                in_skip += usize::from(o.skip);
                in_article += usize::from(o.article);
                lists += usize::from(o.list);
                opened.push(o);
                stack.push((node, true));
            }
            Node::Document | Node::Fragment => {}
            _ => continue,
        }
        let mut c = node.last_child();
        while let Some(k) = c {
            stack.push((k, false));
            c = k.prev_sibling();
        }
    }
    s
}

/// `<meta>`, `<title>`, `<link rel=canonical>` and JSON-LD scripts.
fn scan_metadata<'a>(s: &mut Scan<'a>, node: NodeR<'a>, e: &Element) {
    match e.name() {
        "meta" => {
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"));
            if let (Some(k), Some(v)) = (key, e.attr("content")) {
                let k = k.trim().to_ascii_lowercase();
                if k == "article:tag" {
                    let v = v.trim();
                    if !v.is_empty() && s.tags.len() < 100 {
                        s.tags.push(clip(v, 200));
                    }
                }
                if s.meta.len() < 1000 {
                    s.meta.entry(k).or_insert_with(|| clip(v, 2000));
                }
            }
        }
        "title" if s.title_tag.is_none() => {
            s.title_tag = Some(inline_text(node)).filter(|t| !t.is_empty());
        }
        "link" if s.canonical.is_none() => {
            let canonical = e.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            });
            if canonical
                && let Some(h) = e.attr("href")
                && !h.trim().is_empty()
            {
                s.canonical = Some(clip(h.trim(), 1000));
            }
        }
        "script" if attr_is(e, "type", &["application/ld+json"]) && s.json_ld.len() < 8 => {
            if let Ok(v) = serde_json::from_str::<Value>(&direct_text(node, MAX_JSON_LD)) {
                s.json_ld.push(v);
            }
        }
        _ => {}
    }
}

/// The element holding the main text.
fn main_container<'a>(scan: &Scan<'a>) -> Option<NodeR<'a>> {
    let best = |kind: Candidate| {
        scan.candidates
            .iter()
            .filter(|(_, k, len)| *k == kind && *len > 0)
            .max_by_key(|(_, _, len)| *len)
            .map(|(n, _, _)| *n)
    };
    best(Candidate::ArticleBody)
        .or_else(|| best(Candidate::Article))
        .or_else(|| best(Candidate::Main))
}

/// Facts from JSON-LD (`NewsArticle`, `Article`, `BlogPosting` …, possibly in `@graph`).
#[derive(Default)]
struct LdFacts {
    headline: Option<String>,
    published: Option<String>,
    section: Option<String>,
    keywords: Option<String>,
}

impl LdFacts {
    fn from(values: &[Value]) -> LdFacts {
        let mut f = LdFacts::default();
        // Iterative walk over objects and arrays, bounded.
        let mut todo: Vec<&Value> = values.iter().rev().collect();
        let mut seen = 0;
        while let Some(v) = todo.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match v {
                Value::Array(a) => todo.extend(a.iter().rev()),
                Value::Object(o) => {
                    let str_of = |k: &str| match o.get(k) {
                        Some(Value::String(s)) if !s.trim().is_empty() => {
                            Some(clip(s.trim(), 1000))
                        }
                        Some(Value::Array(a)) => {
                            let parts: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                            (!parts.is_empty()).then(|| clip(&parts.join(", "), 1000))
                        }
                        _ => None,
                    };
                    f.headline = f.headline.take().or_else(|| str_of("headline"));
                    f.published = f.published.take().or_else(|| str_of("datePublished"));
                    f.section = f.section.take().or_else(|| str_of("articleSection"));
                    f.keywords = f.keywords.take().or_else(|| str_of("keywords"));
                    for k in ["mainEntity", "mainEntityOfPage", "@graph"] {
                        if let Some(x) = o.get(k) {
                            todo.push(x);
                        }
                    }
                }
                _ => {}
            }
        }
        f
    }
}

/// The date of a `<time>` (or `[itemprop=datePublished]`) element: its `datetime` / `content`
/// attribute, else its text.
fn time_value(n: NodeR<'_>) -> Option<DateTime> {
    let e = n.value().as_element()?;
    e.attr("datetime")
        .or_else(|| e.attr("content"))
        .and_then(parse_date)
        .or_else(|| {
            let t = inline_text(n);
            parse_date(&t).or_else(|| find_date(&t).map(|(_, _, d)| d))
        })
}

/// The first element under `start` (itself excluded) matching `pred`, in document order, not
/// looking inside `stops`, nor inside skipped elements unless `furniture` (a comment's author
/// and date sit in its `footer` or `comment-meta`).
fn first_descendant<'a>(
    start: NodeR<'a>,
    stops: &HashSet<NodeId>,
    furniture: bool,
    pred: impl Fn(&Element) -> bool,
) -> Option<NodeR<'a>> {
    let mut stack = vec![start];
    while let Some(n) = stack.pop() {
        if n.id() != start.id() {
            if stops.contains(&n.id()) {
                continue;
            }
            if let Some(e) = n.value().as_element() {
                if pred(e) {
                    return Some(n);
                }
                let raw = matches!(e.name(), "script" | "style" | "template" | "noscript");
                if raw || (!furniture && skipped(e, true)) {
                    continue;
                }
            }
        }
        let mut c = n.last_child();
        while let Some(k) = c {
            stack.push(k);
            c = k.prev_sibling();
        }
    }
    None
}

/// Text directly inside an element (its text children), up to about `max` bytes.
fn direct_text(n: NodeR<'_>, max: usize) -> String {
    let mut out = String::new();
    for c in n.children() {
        if let Node::Text(t) = c.value() {
            if out.len() + t.len() > max {
                break;
            }
            out.push_str(t);
        }
    }
    out
}

/// Text of an element and of its child elements (one level), whitespace collapsed, at most
/// `max` characters: enough for headings such as `<h2><span>33</span> commentaires</h2>`.
fn shallow_text(n: NodeR<'_>, max: usize) -> String {
    let mut raw = String::new();
    for c in n.children() {
        match c.value() {
            Node::Text(t) => raw.push_str(t),
            Node::Element(_) => raw.push_str(&direct_text(c, 4 * max)),
            _ => {}
        }
        if raw.len() > 4 * max {
            break;
        }
    }
    clip(&raw.split_whitespace().collect::<Vec<_>>().join(" "), max)
}

/// All the text of an element on one line (skipped elements left out).
fn inline_text(n: NodeR<'_>) -> String {
    let b = blocks(n, &HashSet::new(), &HashSet::new(), true);
    let joined: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
    clip(&joined.join(" "), 2000)
}

/// The first `max` passages of `start`, without descending into `stops`.
fn blocks_capped(start: NodeR<'_>, stops: &HashSet<NodeId>, max: usize) -> Vec<String> {
    let mut b = blocks(start, stops, &HashSet::new(), true);
    b.truncate(max);
    b.into_iter().map(|b| b.text).collect()
}

/// The passages under `start`: block elements end a passage, `h1`–`h6` make headings.
/// `stops` (comments, sections) and `drop` (the author and date of a comment) are not entered;
/// neither are skipped elements. `in_article` tells whether `start` is or sits in an `article`.
fn blocks(
    start: NodeR<'_>,
    stops: &HashSet<NodeId>,
    drop: &HashSet<NodeId>,
    in_article: bool,
) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut cur = String::new();
    let mut headings: Vec<u8> = Vec::new();
    let mut articles = usize::from(in_article);
    let flush = |cur: &mut String, out: &mut Vec<Block>, heading: Option<u8>| {
        let t = cur.trim();
        if !t.is_empty() {
            out.push(Block {
                text: t.to_string(),
                heading,
            });
        }
        cur.clear();
    };
    let mut stack: Vec<(NodeR, bool)> = vec![(start, false)];
    while let Some((node, closing)) = stack.pop() {
        if closing {
            if let Some(e) = node.value().as_element() {
                if BLOCK_TAGS.contains(&e.name()) {
                    flush(&mut cur, &mut out, headings.last().copied());
                }
                if heading_level(e.name()).is_some() {
                    headings.pop();
                }
                if e.name() == "article" {
                    articles -= 1;
                }
            }
            continue;
        }
        let is_start = node.id() == start.id();
        if !is_start && (stops.contains(&node.id()) || drop.contains(&node.id())) {
            // A comment inside the text: its place ends a passage.
            flush(&mut cur, &mut out, headings.last().copied());
            continue;
        }
        match node.value() {
            Node::Text(t) => {
                push_text(&mut cur, t);
                continue;
            }
            Node::Element(e) => {
                let name = e.name();
                if !is_start && skipped(e, articles > 0) {
                    if BLOCK_TAGS.contains(&name) || SKIP_TAGS.contains(&name) {
                        flush(&mut cur, &mut out, headings.last().copied());
                    }
                    continue;
                }
                if name == "br" || name == "hr" {
                    flush(&mut cur, &mut out, headings.last().copied());
                    continue;
                }
                if BLOCK_TAGS.contains(&name) {
                    flush(&mut cur, &mut out, headings.last().copied());
                }
                if let Some(l) = heading_level(name) {
                    headings.push(l);
                }
                if name == "article" {
                    articles += 1;
                }
                stack.push((node, true));
            }
            Node::Document | Node::Fragment => {}
            _ => continue,
        }
        let mut c = node.last_child();
        while let Some(k) = c {
            stack.push((k, false));
            c = k.prev_sibling();
        }
    }
    flush(&mut cur, &mut out, None);
    out
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Appends a text node to the current passage, collapsing whitespace.
fn push_text(cur: &mut String, t: &str) {
    let starts_space = t.starts_with(char::is_whitespace);
    for (k, w) in t.split_whitespace().enumerate() {
        if !cur.is_empty() && (k > 0 || starts_space) && !cur.ends_with(' ') {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if t.ends_with(char::is_whitespace) && !cur.is_empty() && !cur.ends_with(' ') {
        cur.push(' ');
    }
}

/// One comment item → [`Comment`]; `None` for an empty item (no text, author or date: a
/// template or a placeholder).
fn comment(
    item: NodeR<'_>,
    stops: &HashSet<NodeId>,
    article_id: &str,
    number: u32,
) -> Option<Comment> {
    let author_el = first_descendant(item, stops, true, |e| {
        has_word(e, &["fn"]) || attr_is(e, "itemprop", &["author", "creator"])
    })
    .or_else(|| first_descendant(item, stops, true, |e| has_word(e, AUTHOR_WORDS)));
    let date_el = first_descendant(item, stops, true, |e| {
        e.name() == "time" || attr_is(e, "itemprop", &["dateCreated", "datePublished"])
    })
    .or_else(|| first_descendant(item, stops, true, |e| has_word(e, DATE_WORDS)));
    let author = author_el
        .map(|n| {
            let t = inline_text(n);
            let t = t.trim_end_matches([':', ' ']);
            let t = ["says", "dit", "a écrit", "a dit"]
                .iter()
                .find_map(|w| t.strip_suffix(w))
                .unwrap_or(t);
            t.trim().to_string()
        })
        .filter(|t| !t.is_empty() && t.chars().count() <= 100);
    let mut date = date_el.and_then(time_value);
    // The author and date elements are left out of the text.
    let drop: HashSet<NodeId> = [author_el, date_el]
        .into_iter()
        .flatten()
        .map(|n| n.id())
        .collect();
    let mut lines: Vec<String> = blocks(item, stops, &drop, true)
        .into_iter()
        .map(|b| b.text)
        .collect();
    if date.is_none()
        && let Some(first) = lines.first_mut()
        && let Some((a, b, d)) = find_comment_stamp(first)
        && a <= 60
    {
        date = Some(d);
        let rest = format!("{} {}", &first[..a], &first[b..]);
        *first = rest.trim().to_string();
    }
    let line_refs: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| !l.is_empty())
        .collect();
    if line_refs.is_empty() && author.is_none() && date.is_none() {
        return None;
    }
    Some(build_comment(article_id, number, date, author, &line_refs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn parse(html: &str) -> Article {
        parse_html_page("p", "p.html", html, &Boilerplate::default())
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Microsoft refuse de livrer les e-mails | Le Site Tech</title>
<meta property="og:title" content="Microsoft refuse (og)">
<meta property="article:published_time" content="2014-09-01T16:45:00+02:00">
<meta property="article:section" content="Droit">
<meta property="article:tag" content="Microsoft">
<meta property="article:tag" content="justice">
<link rel="canonical" href="https://exemple.fr/microsoft">
<style>body { color: red }</style>
<script>var secret = "ne pas indexer";</script>
</head>
<body>
<header class="site-header"><a href="/">Le Site Tech</a><nav><ul><li>Accueil</li><li>Droit</li></ul></nav></header>
<div class="breadcrumb">Accueil &gt; Droit</div>
<main>
<article class="post">
  <header><h1>Microsoft refuse de livrer les e-mails</h1>
  <p class="subtitle">« Une affaire de principe »</p>
  <time datetime="2014-09-02T10:00">2 septembre 2014</time></header>
  <p>Depuis cet été, Microsoft <b>refuse</b> de livrer
     des e-mails stockés en Irlande.</p>
  <div class="share-buttons"><a>Partager sur Twitter</a></div>
  <h2>Une bataille judiciaire</h2>
  <p>Le juge a ordonné la remise des données.<br>Microsoft a fait appel.</p>
  <aside><p>Lire aussi : un autre article</p></aside>
  <figure><img src="x.jpg"><figcaption>Une photo</figcaption></figure>
  <p>La source: WSJ</p>
  <p style="display: none">Texte caché</p>
</article>
<section id="comments" class="comments-area">
  <h2 class="comments-title">3 commentaires</h2>
  <ol class="comment-list">
    <li id="comment-1" class="comment">
      <article class="comment-body">
        <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Jean</b> <span class="says">says:</span></div>
        <div class="comment-metadata"><time datetime="2014-09-01T18:02:00+02:00">1 septembre 2014 à 18h02</time></div></footer>
        <div class="comment-content"><p>Bravo Microsoft :)</p><p>Voir http://exemple.fr/a</p></div>
        <div class="reply"><a class="comment-reply-link">Répondre</a></div>
      </article>
      <ol class="children">
        <li id="comment-2" class="comment"><div class="comment-author"><span class="fn">Marie</span></div>
          <div class="comment-content"><p>Je ne suis pas d'accord.</p></div></li>
      </ol>
    </li>
    <li class="comment"><div class="comment-content"><p>Le 02/09/2014 à 09h15 Sans auteur ni balise de date.</p></div></li>
  </ol>
  <div id="respond"><form><textarea></textarea><p>Laissez un commentaire</p></form></div>
</section>
</main>
<footer><p>© Le Site Tech, mentions légales</p></footer>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Autre titre"}</script>
</body></html>"#;

    #[test]
    fn reads_a_news_page() {
        let a = parse(PAGE);
        assert_eq!(a.title, "Microsoft refuse de livrer les e-mails");
        assert_eq!(a.subtitle.as_deref(), Some("« Une affaire de principe »"));
        assert_eq!(a.published, Some(date(2014, 9, 1).at(16, 45, 0, 0)));
        assert_eq!(a.category.as_deref(), Some("Droit"));
        assert_eq!(a.tags, vec!["Microsoft", "justice"]);
        assert_eq!(a.url.as_deref(), Some("https://exemple.fr/microsoft"));
        assert_eq!(
            a.lede.as_deref(),
            Some("Depuis cet été, Microsoft refuse de livrer des e-mails stockés en Irlande.")
        );
        assert_eq!(a.headings, vec!["Une bataille judiciaire"]);
        assert_eq!(
            a.paragraphs,
            vec![
                "Le juge a ordonné la remise des données.",
                "Microsoft a fait appel."
            ]
        );
        assert_eq!(a.source.as_deref(), Some("WSJ"));
        let all = format!("{a:?}");
        for out in [
            "ne pas indexer",
            "color: red",
            "Accueil",
            "Partager",
            "Lire aussi",
            "Une photo",
            "Texte caché",
            "mentions légales",
            "Laissez",
            "Répondre",
            "says",
        ] {
            assert!(!all.contains(out), "{out} in {all}");
        }
        assert_eq!(a.declared_comments, Some(3));
        assert_eq!(a.comments.len(), 3, "{:#?}", a.comments);
        let c = &a.comments[0];
        assert_eq!((c.id.as_str(), c.number), ("p#c1", 1));
        assert_eq!(c.author.as_deref(), Some("Jean"));
        assert_eq!(c.date, Some(date(2014, 9, 1).at(18, 2, 0, 0)));
        assert_eq!(c.text, "Bravo Microsoft :)\nVoir http://exemple.fr/a");
        assert_eq!((c.emoticons, c.urls.len()), (1, 1));
        let r = &a.comments[1];
        assert_eq!(
            (r.id.as_str(), r.author.as_deref()),
            ("p#c2", Some("Marie"))
        );
        assert_eq!(r.text, "Je ne suis pas d'accord.");
        let s = &a.comments[2];
        assert_eq!(s.author, None);
        assert_eq!(s.date, Some(date(2014, 9, 2).at(9, 15, 0, 0)));
        assert_eq!(s.text, "Sans auteur ni balise de date.");
    }

    #[test]
    fn falls_back_without_semantic_markup() {
        let a = parse(
            "<html><head><title>Les castors de la Loire - Journal</title></head><body>\
             <div id=menu><a>Accueil</a></div>\
             <div class=texte><p>Le 3 mars 2015 à 10h30</p><p>Des castors ont été vus.</p>\
             <p>Ils construisent un barrage.</p></div>\
             <div class=commentaire><span class=auteur>Paul</span>\
             <span class=date>03/03/2015 à 11h00</span><p>Enfin !</p></div>\
             </body></html>",
        );
        assert_eq!(a.title, "Les castors de la Loire");
        assert_eq!(a.published, Some(date(2015, 3, 3).at(10, 30, 0, 0)));
        assert_eq!(a.lede.as_deref(), Some("Des castors ont été vus."));
        assert_eq!(a.paragraphs, vec!["Ils construisent un barrage."]);
        assert_eq!(a.comments.len(), 1);
        let c = &a.comments[0];
        assert_eq!(c.author.as_deref(), Some("Paul"));
        assert_eq!(c.date, Some(date(2015, 3, 3).at(11, 0, 0, 0)));
        assert_eq!(c.text, "Enfin !");
    }

    #[test]
    fn the_largest_article_is_the_main_text_and_json_ld_helps() {
        let a = parse(
            r#"<body><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Titre LD","datePublished":"2020-05-04T08:00:00Z","keywords":["a","b"]}]}</script>
            <article><p>Court.</p></article>
            <article><p>Un texte bien plus long que le premier, celui de l'article lui-même.</p><p>Suite.</p></article>
            <article><p>Autre teaser.</p></article></body>"#,
        );
        assert_eq!(a.title, "Titre LD");
        assert_eq!(a.published, Some(date(2020, 5, 4).at(8, 0, 0, 0)));
        assert_eq!(a.tags, vec!["a", "b"]);
        assert_eq!(
            a.lede.as_deref(),
            Some("Un texte bien plus long que le premier, celui de l'article lui-même.")
        );
        assert_eq!(a.paragraphs, vec!["Suite."]);
    }

    #[test]
    fn hostile_markup_never_panics() {
        let deep = "<div>".repeat(4_000) + "texte";
        assert_eq!(parse(&deep).title, "texte");
        // Too deep for html5ever: read as text.
        let deep = "<div>".repeat(200_000)
            + "<script>x<y</script>Titre<p>Un &amp; deux : voici une phrase assez longue pour \
               faire un paragraphe entier du texte.";
        let a = parse(&deep);
        assert_eq!(a.title, "Titre");
        assert!(
            a.lede
                .as_deref()
                .unwrap_or_default()
                .starts_with("Un & deux"),
            "{a:?}"
        );
        assert!(!format!("{a:?}").contains("x<y"));
        let deep = "<span><b>".repeat(20_000) + "texte";
        assert_eq!(parse(&deep).title, "texte");
        let many = "<li class=comment>x".repeat(20_000);
        assert_eq!(parse(&many).comments.len(), 20_000);
        let nested = "<div class=comment>y".repeat(3_000);
        assert_eq!(parse(&nested).comments.len(), 3_000);
        for s in [
            "",
            "<",
            "<<<>>>",
            "<html",
            "</p></div></html>",
            "<script>",
            "<title>",
            "<meta property=og:title>",
            "<time datetime='9999-99-99'>",
            "<script type=application/ld+json>{\"@graph\":[[[[[]]]]]}</script>",
            "\u{0}\u{1}<p>\u{feff}</p>",
            "<h2><h1><h3>Commentaires (99999999999)</h3></h1></h2>",
            "<table><td><li class=comment><table><tr><td>x",
        ] {
            let _ = parse(s);
        }
    }
}
