//! Recognisers for single lines of a text page: reading time, comment-count header, source,
//! tags, separators, heading and category shapes, quoted lines, and the page header scan.

use std::sync::LazyLock;

use jiff::civil::DateTime;
use regex::Regex;

use super::boilerplate::Boilerplate;
use super::dates::{find_comment_stamp, find_date, parse_date};

/// Most non-blank lines examined after the title for header metadata.
const HEADER_BUDGET: usize = 12;

/// What the first lines of a page say: positions of title, subtitle and categories, metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// Line index of the title.
    pub title: Option<usize>,
    /// Line index of the subtitle.
    pub subtitle: Option<usize>,
    /// Line indexes of category (breadcrumb) lines.
    pub categories: Vec<usize>,
    /// Publication date found in the header.
    pub published: Option<DateTime>,
    /// Reading time in minutes found in the header.
    pub reading_time: Option<u32>,
    /// Index of the first line after the header.
    pub body_start: usize,
}

/// Scans the header of a page given as trimmed lines (see the module docs of `text_page`).
pub fn scan_header(lines: &[&str], boiler: &Boilerplate) -> Header {
    let mut h = Header::default();
    let mut i = 0;
    // Title: the first line that is not boilerplate, metadata or a separator.
    while i < lines.len() {
        let l = lines[i];
        i += 1;
        if l.is_empty() || is_separator(l) {
            continue;
        }
        if let Some(d) = header_date(l) {
            h.published.get_or_insert(d);
            continue;
        }
        if let Some(m) = reading_time(l) {
            h.reading_time.get_or_insert(m);
            continue;
        }
        if boiler.is_boilerplate(l) {
            continue;
        }
        h.title = Some(i - 1);
        break;
    }
    let mut items = 0;
    let mut budget = HEADER_BUDGET;
    while i < lines.len() && budget > 0 {
        let l = lines[i];
        if l.is_empty() {
            i += 1;
            continue;
        }
        budget -= 1;
        if comments_header(l).is_some() {
            break;
        }
        let stamp = find_comment_stamp(l).is_some();
        if let Some(d) = header_date(l) {
            if h.published.is_none() {
                h.published = Some(d);
            } else if stamp && !DATE_PREFIX.is_match(l) {
                break; // a second bare date-time: the comment thread starts
            }
        } else if stamp {
            break;
        } else if let Some(m) = reading_time(l) {
            h.reading_time.get_or_insert(m);
        } else if boiler.is_pattern(l) {
            i += 1;
            continue;
        } else if h.subtitle.is_none() && is_quoted(l) && l.chars().count() <= 250 {
            h.subtitle = Some(i);
        } else if is_category(l) {
            h.categories.push(i);
        } else if h.subtitle.is_none() && items == 0 && unquoted_subtitle(l, next_line(lines, i)) {
            h.subtitle = Some(i);
        } else if boiler.is_repeated(l) {
            i += 1;
            continue;
        } else {
            break;
        }
        items += 1;
        i += 1;
    }
    h.body_start = i;
    h
}

fn next_line<'a>(lines: &[&'a str], i: usize) -> Option<&'a str> {
    lines.iter().skip(i + 1).find(|l| !l.is_empty()).copied()
}

/// A subtitle without quotes: right after the title, short, and either followed by header
/// metadata or without the full stop of a lede sentence.
fn unquoted_subtitle(l: &str, next: Option<&str>) -> bool {
    let n = l.chars().count();
    if n > 200 || l.ends_with(':') || l.ends_with(',') {
        return false;
    }
    let next_is_meta = next
        .is_some_and(|x| header_date(x).is_some() || reading_time(x).is_some() || is_category(x));
    next_is_meta || (n <= 120 && !l.ends_with('.') && !l.ends_with('…'))
}

/// Whether `l` may begin as an anchored, case-insensitive pattern whose first letters are
/// `firsts` (ASCII, lowercase) does: a line that starts with another ASCII byte is refused
/// before the pattern runs; one that starts with any other character (a letter that folds to
/// an ASCII one, a digit of another script) is left to the pattern.
fn may_start(l: &str, firsts: &[u8]) -> bool {
    l.as_bytes()
        .first()
        .is_some_and(|&b| !b.is_ascii() || firsts.contains(&b.to_ascii_lowercase()))
}

/// First letters of [`DATE_PREFIX`]'s words.
const DATE_PREFIX_FIRSTS: &[u8] = b"pm";

/// Words that introduce a date in a header ("Publié le …", "Mis à jour le …", "Par X, le …").
static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:publié|publie|mis à jour|mise à jour|modifié|posté|poste|par)\b")
        .expect("valid regex")
});

/// A header date line: a whole date, or "Publié le …" / "Mis à jour le …" with a date inside.
pub fn header_date(l: &str) -> Option<DateTime> {
    if l.chars().count() > 120 {
        return None;
    }
    parse_date(l).or_else(|| {
        if !may_start(l, DATE_PREFIX_FIRSTS) || !DATE_PREFIX.is_match(l) {
            return None;
        }
        // A byline or update line: little text around the date ("Par Jean Dupont, le …",
        // "Publié le … | Mis à jour le …"), not prose that starts with "Par".
        let (a, b, d) = find_date(l)?;
        let around = l[..a].chars().count() <= 50 && l[b..].chars().count() <= 60;
        around.then_some(d)
    })
}

/// Reading time in minutes from a widget line ("4 min", "Temps de lecture : 5 min",
/// "Icône de temps de lecture 3 minute. lis").
pub fn reading_time(l: &str) -> Option<u32> {
    static NUM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[^\d])(\d{1,3})\s*(?:min|mins|minutes?|mn)\b").expect("valid regex")
    });
    const OK_WORDS: &[&str] = &[
        "icône",
        "icone",
        "de",
        "du",
        "temps",
        "lecture",
        "lis",
        "lire",
        "à",
        "a",
        "read",
        "reading",
        "time",
        "estimated",
        "estimé",
        "durée",
        "environ",
        "env",
        "min",
        "approx",
    ];
    if l.len() > 4 * 60 || l.chars().count() > 60 {
        return None;
    }
    // Quick refusal before the regex: a digit with "min" or "mn" somewhere after it.
    let digit = l.bytes().position(|b| b.is_ascii_digit())?;
    let after = &l.as_bytes()[digit..];
    let lower = |i: usize| after.get(i).map(|&b| b | 0x20);
    if !(0..after.len()).any(|i| {
        lower(i) == Some(b'm')
            && (lower(i + 1) == Some(b'n')
                || (lower(i + 1) == Some(b'i') && lower(i + 2) == Some(b'n')))
    }) {
        return None;
    }
    let c = NUM.captures(l)?;
    let m = c.get(1)?;
    let minutes: u32 = m.as_str().parse().ok()?;
    let whole = c.get(0)?;
    let rest = format!("{} {}", &l[..whole.start()], &l[whole.end()..]);
    let all_ok = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| OK_WORDS.contains(&w.to_lowercase().as_str()));
    (all_ok && (1..=300).contains(&minutes)).then_some(minutes)
}

/// First bytes of [`comments_header`]'s lines: its words' first letters and the digits.
const COMMENTS_HEADER_FIRSTS: &[u8] = b"lvcranp0123456789";

/// A comment-section header line (see [`comments_header`]).
static COMMENTS_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:les\s+|vos\s+)?(?:commentaires?|comments?|réactions?|reactions?)\s*(?:[(\[:]\s*(?P<a>\d{1,6})\s*[)\]]?)?|(?P<b>\d{1,6})\s+(?:commentaires?|comments?|réactions?|reactions?)|(?P<zero>aucun commentaire|aucune réaction|no comments|pas de commentaire))\s*$",
    )
    .expect("valid regex")
});

/// The comment-section header: `Some(count)` for "Commentaires (33)", "33 commentaires",
/// "Comments (5)", `Some(None)` for a bare "Commentaires", `Some(Some(0))` for "Aucun commentaire".
pub fn comments_header(l: &str) -> Option<Option<u32>> {
    if l.len() > 60 || !may_start(l, COMMENTS_HEADER_FIRSTS) {
        return None;
    }
    let c = COMMENTS_HEADER.captures(l)?;
    if c.name("zero").is_some() {
        return Some(Some(0));
    }
    let n = c
        .name("a")
        .or(c.name("b"))
        .and_then(|m| m.as_str().parse().ok());
    Some(n)
}

/// First letters of [`source_line`]'s words.
const SOURCE_FIRSTS: &[u8] = b"lscv";

/// A source or credit line (see [`source_line`]).
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:la\s+|les\s+)?(?:sources?|crédits?(?:\s+photos?)?|credits?(?:\s+photos?)?|via)\s*:\s*(\S.*)$",
    )
    .expect("valid regex")
});

/// The value of a source or credit line ("La source: WSJ", "Source : AFP", "Crédit : …").
pub fn source_line(l: &str) -> Option<&str> {
    if l.chars().count() > 250 || !may_start(l, SOURCE_FIRSTS) || !l.contains(':') {
        return None;
    }
    SOURCE
        .captures(l)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim())
}

/// First letters of [`tags_line`]'s words.
const TAGS_FIRSTS: &[u8] = b"estmk";

/// A topics line (see [`tags_line`]).
static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:en savoir plus sur les sujets|en savoir plus sur|sujets?|tags?|mots[- ]cl[ée]s|mots[- ]clefs|th[èe]mes?|topics|[ée]tiquettes|keywords)\s*:\s*(\S.*)$",
    )
    .expect("valid regex")
});

/// The tags of a topics line ("En savoir plus sur les sujets : a, b", "Tags : …", "Mots-clés : …").
pub fn tags_line(l: &str) -> Option<Vec<String>> {
    if l.chars().count() > 1000 || !may_start(l, TAGS_FIRSTS) || !l.contains(':') {
        return None;
    }
    let list = TAGS.captures(l)?.get(1)?.as_str();
    let mut tags: Vec<String> = Vec::new();
    for t in list.split([',', ';']) {
        let t = t.trim();
        if !t.is_empty() && !tags.iter().any(|x| x == t) {
            tags.push(t.to_string());
        }
    }
    (!tags.is_empty()).then_some(tags)
}

/// A line made only of dashes, bullets or similar separators ("-", "* * *", "—").
pub fn is_separator(l: &str) -> bool {
    !l.is_empty()
        && l.chars()
            .all(|c| c.is_whitespace() || "-–—•·*|_=~#+/\\".contains(c))
}

/// A line wholly in quotes or guillemets.
pub fn is_quoted(l: &str) -> bool {
    let mut cs = l.chars();
    let (Some(a), Some(z)) = (cs.next(), l.chars().next_back()) else {
        return false;
    };
    l.chars().count() >= 3
        && matches!(
            (a, z),
            ('«', '»') | ('"', '"') | ('“', '”') | ('„', '“') | ('‹', '›') | ('\'', '\'')
        )
}

/// A short one-to-three-word label without final punctuation (a category / breadcrumb item).
pub fn is_category(l: &str) -> bool {
    let n = l.chars().count();
    if n == 0 || n > 40 {
        return false;
    }
    let words = l.split_whitespace().count();
    let first_ok = l.chars().next().is_some_and(char::is_alphabetic);
    let last_ok = l
        .chars()
        .next_back()
        .is_some_and(|c| !".!?:;,…»\"”".contains(c));
    words <= 3 && first_ok && last_ok && !l.chars().any(|c| c.is_ascii_digit())
}

/// The shape of a section heading: short, no final full stop, one sentence, capitalised.
pub fn heading_shape(l: &str) -> bool {
    static BREAK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.!?…]\s+\p{Lu}").expect("valid regex"));
    let n = l.chars().count();
    if !(2..100).contains(&n) || l.contains("://") {
        return false;
    }
    let last_ok = l.chars().next_back().is_some_and(|c| !".,;:".contains(c));
    let first_ok = l
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| !c.is_lowercase());
    last_ok && first_ok && !BREAK.is_match(l)
}

/// A line that is page structure rather than content (never learned as boilerplate):
/// timestamps, dates, reading times, separators, comment-count headers.
pub fn is_structural(l: &str) -> bool {
    is_separator(l)
        || comments_header(l).is_some()
        || reading_time(l).is_some()
        || header_date(l).is_some()
        || find_comment_stamp(l).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_byte_gates_refuse_no_line_the_patterns_take() {
        // (pattern, its first bytes, whether a ':' is needed, line starts to try)
        let cases: [(&Regex, &[u8], bool, &[&str]); 4] = [
            (
                &DATE_PREFIX,
                DATE_PREFIX_FIRSTS,
                false,
                &[
                    "publié",
                    "Publie",
                    "MIS À JOUR",
                    "mise à jour",
                    "Modifié",
                    "posté",
                    "PAR",
                ],
            ),
            (
                &COMMENTS_HEADER,
                COMMENTS_HEADER_FIRSTS,
                false,
                &[
                    "les ",
                    "Vos ",
                    "commentaire",
                    "COMMENTS",
                    "réactions",
                    "Reaction",
                    "12",
                    "٣",
                    "３",
                    "aucun commentaire",
                    "Aucune réaction",
                    "No comments",
                    "pas de commentaire",
                ],
            ),
            (
                &SOURCE,
                SOURCE_FIRSTS,
                true,
                &[
                    "la ",
                    "LES ",
                    "source",
                    "ſources",
                    "Crédit",
                    "credits photo",
                    "Via",
                ],
            ),
            (
                &TAGS,
                TAGS_FIRSTS,
                true,
                &[
                    "en savoir plus sur les sujets",
                    "Sujet",
                    "ſujets",
                    "TAGS",
                    "mots-clés",
                    "Mots clefs",
                    "thème",
                    "Topics",
                    "étiquettes",
                    "Étiquettes",
                    "keywords",
                    "\u{212A}eywords",
                ],
            ),
        ];
        let tails = [
            "",
            " ",
            "s",
            " : a, b",
            ":x",
            " (33)",
            " commentaires",
            " 3",
            " le 3 mai 2020",
        ];
        for (re, firsts, colon, starts) in cases {
            for start in starts {
                for tail in tails {
                    let l = format!("{start}{tail}");
                    if re.is_match(&l) {
                        assert!(may_start(&l, firsts), "{l:?}");
                        assert!(!colon || l.contains(':'), "{l:?}");
                    }
                }
            }
        }
        // Other lines are refused before the pattern runs.
        assert!(!may_start("Depuis 2020", COMMENTS_HEADER_FIRSTS));
        assert!(!may_start("", SOURCE_FIRSTS));
    }

    #[test]
    fn reading_times() {
        assert_eq!(reading_time("4 min"), Some(4));
        assert_eq!(reading_time("3 minutes"), Some(3));
        assert_eq!(
            reading_time("Icône de temps de lecture 3 minute. lis"),
            Some(3)
        );
        assert_eq!(reading_time("Temps de lecture : 5 min"), Some(5));
        assert_eq!(reading_time("Lecture 7 min"), Some(7));
        assert_eq!(reading_time("12 min de lecture"), Some(12));
        assert_eq!(reading_time("Il a parlé 5 minutes"), None);
        assert_eq!(reading_time("Droit"), None);
    }

    #[test]
    fn comment_headers() {
        assert_eq!(comments_header("Commentaires (33)"), Some(Some(33)));
        assert_eq!(comments_header("33 commentaires"), Some(Some(33)));
        assert_eq!(comments_header("Comments (5)"), Some(Some(5)));
        assert_eq!(comments_header("Commentaires : 2"), Some(Some(2)));
        assert_eq!(comments_header("Commentaires"), Some(None));
        assert_eq!(comments_header("Aucun commentaire"), Some(Some(0)));
        assert_eq!(
            comments_header("Les commentaires des lecteurs sont fermés."),
            None
        );
    }

    #[test]
    fn sources_and_tags() {
        assert_eq!(
            source_line("La source: WSJ ainsi que le Document Cloud"),
            Some("WSJ ainsi que le Document Cloud")
        );
        assert_eq!(source_line("Source : AFP"), Some("AFP"));
        assert_eq!(source_line("Crédit photo : Reuters"), Some("Reuters"));
        assert_eq!(source_line("Sources de financement publiques."), None);
        assert_eq!(
            tags_line("En savoir plus sur les sujets\u{a0}: emails, microsoft, NSA"),
            Some(vec!["emails".into(), "microsoft".into(), "NSA".into()])
        );
        assert_eq!(
            tags_line("Mots-clés : justice ; vie privée"),
            Some(vec!["justice".into(), "vie privée".into()])
        );
        assert_eq!(tags_line("Tags :"), None);
    }

    #[test]
    fn shapes() {
        assert!(is_separator("-"));
        assert!(is_separator("* * *"));
        assert!(!is_separator("a-b"));
        assert!(is_quoted("« Vous ne passerez pas ! »"));
        assert!(is_quoted("\"Citation\""));
        assert!(!is_quoted("« Début d'une citation"));
        assert!(is_category("Droit"));
        assert!(is_category("High-Tech"));
        assert!(!is_category("Droit."));
        assert!(!is_category("Une phrase de plusieurs mots"));
        assert!(heading_shape("Frontières ou pas frontières ?"));
        assert!(heading_shape("Microsoft refuse de s'exécuter"));
        assert!(!heading_shape("Explications."));
        assert!(!heading_shape("Une phrase. Une autre ?"));
        assert!(!heading_shape("en minuscules"));
    }

    #[test]
    fn header_dates() {
        assert!(header_date("Le 01 septembre 2014 à 16h45").is_some());
        assert!(header_date("Par Jean Dupont, le 01/09/2014 à 16h45").is_some());
        assert!(header_date("Publié le 01/09/2014 à 16h45 | Mis à jour le 02/09/2014").is_some());
        assert!(
            header_date("Par journée, Revue scientifique, 21 août 1875, p. Périsse mon amour, périsse mon espoir, Plutôt que de ma main parte un crime si noir !")
                .is_none()
        );
        assert!(header_date("Par ailleurs, le 3 mars 2014, la commune a voté contre le projet de fusion proposé par la préfecture.").is_none());
    }

    #[test]
    fn header_of_seed_layout() {
        let lines = [
            "Titre",
            "« Sous-titre »",
            "Le 01 septembre 2014 à 16h45",
            "4 min",
            "Droit",
            "Droit",
            "Un long paragraphe qui commence le corps de l'article, avec une phrase complète.",
        ];
        let h = scan_header(&lines, &Boilerplate::default());
        assert_eq!(h.title, Some(0));
        assert_eq!(h.subtitle, Some(1));
        assert_eq!(h.categories, vec![4, 5]);
        assert_eq!(h.reading_time, Some(4));
        assert!(h.published.is_some());
        assert_eq!(h.body_start, 6);
    }
}
