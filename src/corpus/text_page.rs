//! The plain-text page parser: one page (title, header, body, comment thread) → [`Article`].
//!
//! Line-based and layout-agnostic. Lines are trimmed; blank lines carry no meaning.
//!
//! - **Header** ([`markers::scan_header`]): title = first non-boilerplate line; then short lines
//!   give the date, the reading time, the subtitle (a quoted line, or a short line right after
//!   the title) and the category (one-to-three-word labels; repeats kept once, distinct ones
//!   joined with " > "). Header metadata is recognised before the learned-repetition filter.
//! - **Body**: until the comment header or the first comment stamp. Separators, repeats of the
//!   title and table-of-contents entries are dropped; "Source : …" and "Tags : …" lines fill
//!   `source` and `tags`; boilerplate is dropped. A short one-sentence line without final full
//!   stop that is followed by a paragraph is a heading. The first paragraph is the lede.
//! - **Comments**: each starts at a timestamp (possibly glued to a boilerplate word, possibly
//!   preceded by an author name); the following lines up to the next stamp are its text.

use jiff::civil::DateTime;

use super::boilerplate::{Boilerplate, normalise};
use super::comments::build_comment;
use super::dates::find_comment_stamp;
use super::jsonl::LineError;
use super::markers::{
    comments_header, heading_shape, is_separator, scan_header, source_line, tags_line,
};
use super::model::Article;

/// A comment stamp found at the start of a line.
struct Stamp<'a> {
    date: DateTime,
    author: Option<String>,
    rest: &'a str,
}

/// A comment being collected.
struct Draft<'a> {
    date: DateTime,
    author: Option<String>,
    lines: Vec<&'a str>,
}

/// Parses one plain-text page into an [`Article`] with id `id` from file `file`.
pub fn parse_text_page(id: &str, file: &str, text: &str, boiler: &Boilerplate) -> Article {
    parse_text_page_noted(id, file, text, boiler).0
}

/// Parses one plain-text page like [`parse_text_page`], with notes on what was read in an
/// unusual way (comment text before any recognised stamp, kept as a comment without a date).
pub fn parse_text_page_noted(
    id: &str,
    file: &str,
    text: &str,
    boiler: &Boilerplate,
) -> (Article, Vec<LineError>) {
    let mut notes = Vec::new();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let header = scan_header(&lines, boiler);
    let title = header
        .title
        .map(|i| lines[i].to_string())
        .unwrap_or_default();
    let mut article = Article {
        id: id.to_string(),
        file: file.to_string(),
        subtitle: header.subtitle.map(|i| lines[i].to_string()),
        published: header.published,
        reading_time_minutes: header.reading_time,
        category: category(&lines, &header.categories),
        ..Article::default()
    };

    // Body.
    let title_norm = normalise(&title);
    // Body lines, each with its normalised form (computed once: the title, boilerplate and
    // heading checks all compare normalised lines).
    let mut blocks: Vec<(&str, String)> = Vec::new();
    let mut in_toc = false;
    let mut comment_start = lines.len();
    let mut i = header.body_start;
    while i < lines.len() {
        let l = lines[i];
        i += 1;
        if l.is_empty() {
            continue;
        }
        if let Some(declared) = comments_header(l) {
            article.declared_comments = declared;
            comment_start = i;
            break;
        }
        if stamp_at_start(l, boiler, true).is_some() {
            comment_start = i - 1;
            break;
        }
        if is_separator(l) {
            continue;
        }
        let norm = normalise(l);
        if !title_norm.is_empty() && norm == title_norm {
            in_toc = true;
            continue;
        }
        if in_toc && heading_shape(l) {
            continue;
        }
        in_toc = false;
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
        if boiler.is_boilerplate_normalised(&norm) {
            continue;
        }
        blocks.push((l, norm));
    }
    classify_body(&mut article, &blocks);
    article.title = title;

    // Comments. Text before the first stamp the parser recognises (a thread whose author and
    // date lines have another layout) is kept as one comment without a date, with a note.
    let mut drafts: Vec<Draft> = Vec::new();
    let mut orphans: Vec<&str> = Vec::new();
    let mut orphan_lines: Option<(usize, usize)> = None;
    for (k, &l) in lines.iter().enumerate().skip(comment_start) {
        if l.is_empty() {
            continue;
        }
        if let Some(declared) = comments_header(l) {
            if article.declared_comments.is_none() {
                article.declared_comments = declared;
            }
            continue;
        }
        if let Some(s) = stamp_at_start(l, boiler, false) {
            let mut d = Draft {
                date: s.date,
                author: s.author,
                lines: Vec::new(),
            };
            if !s.rest.is_empty() {
                d.lines.push(s.rest);
            }
            drafts.push(d);
            continue;
        }
        if boiler.is_boilerplate(l) {
            continue;
        }
        if let Some(d) = drafts.last_mut() {
            d.lines.push(l);
        } else {
            orphans.push(l);
            let first = orphan_lines.map_or(k + 1, |(f, _)| f);
            orphan_lines = Some((first, k + 1));
        }
    }
    let mut comments = Vec::with_capacity(drafts.len() + 1);
    if let Some((first, last)) = orphan_lines {
        let span = if first == last {
            format!("line {first}")
        } else {
            format!("{} lines from line {first} to {last}", orphans.len())
        };
        let stamped = match drafts.len() {
            0 => "no comment stamp on the page".to_string(),
            n => format!("before the {n} stamped comment{}", plural(n)),
        };
        notes.push(LineError {
            line: first,
            message: format!(
                "comment text without an author/date line the parser recognises ({span}, \
                 {stamped}); kept as comment #c1, without a date"
            ),
            kept: true,
        });
        comments.push(build_comment(id, 1, None, None, &orphans));
    }
    let offset = comments.len();
    comments.extend(drafts.into_iter().enumerate().map(|(k, d)| {
        let n = u32::try_from(k + 1 + offset).unwrap_or(u32::MAX);
        build_comment(id, n, Some(d.date), d.author, &d.lines)
    }));
    article.comments = comments;
    (article, notes)
}

/// "s" for a count other than 1.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Distinct category lines joined with " > " (a breadcrumb); `None` when there are none.
fn category(lines: &[&str], idx: &[usize]) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for &i in idx {
        let c = lines[i];
        if !parts.iter().any(|p| normalise(p) == normalise(c)) {
            parts.push(c);
        }
    }
    (!parts.is_empty()).then(|| parts.join(" > "))
}

/// Splits body lines (each with its [normalised](normalise) form) into headings, lede and
/// paragraphs.
fn classify_body(article: &mut Article, blocks: &[(&str, String)]) {
    let shapes: Vec<bool> = blocks.iter().map(|(b, _)| heading_shape(b)).collect();
    let mut heading_norms: Vec<&str> = Vec::new();
    let mut texts: Vec<(&str, &str)> = Vec::new();
    for (j, (b, n)) in blocks.iter().enumerate() {
        if heading_norms.contains(&n.as_str()) {
            continue; // a table-of-contents repeat of a heading
        }
        let followed_by_paragraph = shapes.get(j + 1).is_some_and(|s| !s);
        if shapes[j] && followed_by_paragraph {
            heading_norms.push(n);
            article.headings.push(b.to_string());
        } else {
            texts.push((b, n));
        }
    }
    let mut rest = texts
        .into_iter()
        .filter(|(_, n)| !heading_norms.contains(n))
        .map(|(t, _)| t.to_string());
    article.lede = rest.next();
    article.paragraphs = rest.collect();
}

/// A comment stamp at the start of `l` (after an optional glued or boilerplate prefix, or an
/// author name). In the body (`in_body`), the stamp must end the line.
fn stamp_at_start<'a>(l: &'a str, boiler: &Boilerplate, in_body: bool) -> Option<Stamp<'a>> {
    let (a, b, date) = find_comment_stamp(l)?;
    let before = &l[..a];
    let prefix = before.trim();
    let rest = l[b..].trim_start_matches(|c: char| c.is_whitespace() || "-–—:,|".contains(c));
    let rest = rest.trim_end();
    if in_body && !rest.is_empty() {
        return None;
    }
    // Text on the stamp's line must look like the start of a comment, not like prose that
    // happens to contain a date ("le 3 mars 2015 à 14h20, la juge…", "… à 14h20. Puis").
    let prose_le = l[a..].starts_with("le ");
    let prose_rest = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || ".;)…".contains(c));
    if !rest.is_empty() && (prose_le || prose_rest) {
        return None;
    }
    let mut author = None;
    if !prefix.is_empty() {
        let glued = before
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        if glued && prefix.chars().count() <= 80 {
            // "Abonnez-vousLe 01/09/2014 à 18h02": the glued prefix is page furniture.
        } else if boiler.is_boilerplate(prefix) {
        } else if rest.is_empty() && !in_body {
            author = Some(author_name(prefix)?);
        } else {
            return None;
        }
    }
    Some(Stamp { date, author, rest })
}

/// An author name before a stamp ("Par Jean," / "Jean -"): short, no sentence punctuation.
fn author_name(prefix: &str) -> Option<String> {
    let p = prefix.trim_end_matches(|c: char| c.is_whitespace() || "-–—:,|".contains(c));
    let p = p
        .strip_prefix("Par ")
        .or_else(|| p.strip_prefix("par "))
        .or_else(|| p.strip_prefix("By "))
        .or_else(|| p.strip_prefix("by "))
        .unwrap_or(p)
        .trim();
    let ok = !p.is_empty()
        && p.chars().count() <= 40
        && p.split_whitespace().count() <= 4
        && !p.contains(['.', '!', '?', '«', '»']);
    ok.then(|| p.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::boilerplate::learn;
    use jiff::civil::date;

    const SEED_000: &str = include_str!("../../corpus/000_030b1da3860e491c.txt");
    const SEED_001: &str = include_str!("../../corpus/001_c38d16efca54e096.txt");

    fn parse(text: &str) -> Article {
        parse_text_page("p", "p.txt", text, &Boilerplate::default())
    }

    #[test]
    fn seed_001_header_and_body() {
        let a = parse_text_page(
            "001_c38d16efca54e096",
            "001_c38d16efca54e096.txt",
            SEED_001,
            &Boilerplate::default(),
        );
        assert_eq!(
            a.title,
            "Microsoft refuse de révéler les emails réclamés par la justice américaine"
        );
        assert_eq!(a.subtitle.as_deref(), Some("« Vous ne passerez pas ! »"));
        assert_eq!(a.published, Some(date(2014, 9, 1).at(16, 45, 0, 0)));
        assert_eq!(a.reading_time_minutes, Some(4));
        assert_eq!(a.category.as_deref(), Some("Droit"));
        assert!(a.lede.as_deref().unwrap().starts_with("Depuis cet été"));
        assert_eq!(
            a.headings,
            vec![
                "Frontières ou pas frontières ?",
                "Microsoft refuse de s'exécuter"
            ]
        );
        assert_eq!(a.paragraphs.len(), 8);
        assert!(a.paragraphs[0].starts_with("Dans une enquête"));
        assert!(a.paragraphs[7].starts_with("La question est donc"));
        for p in &a.paragraphs {
            assert!(p != "-" && *p != a.title && !a.headings.contains(p), "{p}");
        }
        assert_eq!(a.source, None);
        assert!(a.tags.is_empty());
    }

    #[test]
    fn seed_001_comments() {
        let a = parse_text_page(
            "001_c38d16efca54e096",
            "001_c38d16efca54e096.txt",
            SEED_001,
            &Boilerplate::default(),
        );
        assert_eq!(a.declared_comments, Some(33));
        assert_eq!(a.comments.len(), 33);
        let empty: Vec<u32> = a
            .comments
            .iter()
            .filter(|c| c.text.is_empty())
            .map(|c| c.number)
            .collect();
        assert_eq!(empty.len(), 11);
        assert_eq!(empty, vec![2, 3, 7, 8, 12, 15, 18, 21, 23, 29, 30]);
        for (k, c) in a.comments.iter().enumerate() {
            assert_eq!(c.number as usize, k + 1);
            assert_eq!(c.id, format!("001_c38d16efca54e096#c{}", k + 1));
            assert_eq!(c.article_id, "001_c38d16efca54e096");
            assert!(c.date.is_some());
            assert!(
                !c.text.contains("\" />") && !c.text.contains("/>"),
                "{}",
                c.text
            );
            assert_eq!(c.author, None);
        }
        let c1 = &a.comments[0];
        assert_eq!(c1.date, Some(date(2014, 9, 1).at(18, 2, 0, 0)));
        assert!(c1.text.starts_with("Et pendant l’été"));
        assert_eq!(
            c1.text,
            "Et pendant l’été Microsoft découvrit la reconstruction d’hymen, c’est beau"
        );
        assert_eq!(c1.emoticons, 3);
        let url = a
            .comments
            .iter()
            .find(|c| c.date == Some(date(2014, 9, 1).at(18, 41, 0, 0)))
            .unwrap();
        assert!(
            url.text
                .contains("http://www.windowsphone.com/en-US/legal/wp8/")
        );
        assert!(url.text.contains("As you use your Windows Phone"));
        assert_eq!(url.urls.len(), 1);
        assert!(url.urls[0].starts_with("http://www.windowsphone.com/"));
        let last = a.comments.last().unwrap();
        assert_eq!(last.id, "001_c38d16efca54e096#c33");
        assert_eq!(last.date, Some(date(2014, 9, 2).at(19, 6, 0, 0)));
        assert!(last.text.ends_with("Tenez bon les gars."));
        assert_eq!(last.emoticons, 1);
        // Page order is kept: the thread is not chronological.
        assert_eq!(a.comments[16].date, Some(date(2014, 9, 1).at(16, 51, 0, 0)));
        // Quotes of the title or subtitle inside comments stay in the comments.
        assert!(
            a.comments
                .iter()
                .any(|c| c.text.starts_with("« Vous ne passerez pas ! »"))
        );
        assert!(a.comments.iter().any(|c| c.text.starts_with(&a.title)));
        let total_residue: u32 = a.comments.iter().map(|c| c.emoticons).sum();
        assert_eq!(total_residue, 3 + 1 + 1 + 1);
    }

    #[test]
    fn seed_000() {
        let a = parse(SEED_000);
        assert_eq!(
            a.title,
            "Microsoft conteste les demandes du gouvernement américain de saisir les e-mails offshore"
        );
        assert_eq!(a.reading_time_minutes, Some(3));
        assert_eq!(a.published, None);
        assert_eq!(a.subtitle, None);
        assert_eq!(a.category, None);
        assert_eq!(a.declared_comments, None);
        assert!(a.comments.is_empty());
        assert!(a.headings.is_empty());
        assert!(
            a.lede
                .as_deref()
                .unwrap()
                .starts_with("Microsoft reste attaché")
        );
        assert_eq!(a.source.as_deref(), Some("WSJ ainsi que le Document Cloud"));
        assert_eq!(
            a.tags,
            vec![
                "emails",
                "microsoft",
                "NSA",
                "à l'étranger",
                "Confidentialité",
                "serveurs",
                "snowden"
            ]
        );
        assert!(
            a.paragraphs
                .last()
                .unwrap()
                .starts_with("Ce qui est incontestable, ")
        );
        assert_eq!(a.paragraphs.len(), 8);
        for p in a.paragraphs.iter().chain(a.lede.iter()) {
            for bad in [
                "Icône",
                "commission",
                "divulgation",
                "Soyez sympa",
                "champs obligatoires",
                "La source",
            ] {
                assert!(!p.contains(bad), "{bad} in {p}");
            }
        }
    }

    #[test]
    fn other_layout_with_source_and_long_date() {
        let page = "\
La mairie de Lyon ouvre un nouveau parc au bord du Rhône
Un espace vert de six hectares
1er mars 2014
Temps de lecture : 5 min
Société
Les travaux ont duré trois ans et ont coûté douze millions d'euros, selon la ville.

Un parc pour tous
Le parc sera ouvert tous les jours de sept heures à vingt-deux heures, a précisé l'adjoint.
Des jeux pour enfants et un kiosque à musique complètent l'aménagement du site.
Source : AFP
Mots-clés : Lyon, parcs, urbanisme
Partager sur Facebook
";
        let a = parse(page);
        assert_eq!(
            a.title,
            "La mairie de Lyon ouvre un nouveau parc au bord du Rhône"
        );
        assert_eq!(
            a.subtitle.as_deref(),
            Some("Un espace vert de six hectares")
        );
        assert_eq!(a.published, Some(date(2014, 3, 1).at(0, 0, 0, 0)));
        assert_eq!(a.reading_time_minutes, Some(5));
        assert_eq!(a.category.as_deref(), Some("Société"));
        assert!(a.lede.as_deref().unwrap().starts_with("Les travaux"));
        assert_eq!(a.headings, vec!["Un parc pour tous"]);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.source.as_deref(), Some("AFP"));
        assert_eq!(a.tags, vec!["Lyon", "parcs", "urbanisme"]);
        assert_eq!(a.declared_comments, None);
    }

    #[test]
    fn comments_with_glued_stamps_authors_and_inline_text() {
        let page = "\
Le conseil municipal vote le budget
Le 3 février 2015 à 9h30
Le budget a été adopté par vingt-trois voix contre douze, après quatre heures de débat.
3 commentaires
Se connecterLe 3 février 2015 à 10h02 Enfin une bonne nouvelle :)
Et pas trop tôt.
Par Marie, le 03/02/2015 - 10:15
Je ne suis pas d'accord, voir https://exemple.fr/budget.
03/02/2015 11:00
Répondre
Laissez un commentaire
";
        let a = parse(page);
        assert_eq!(a.published, Some(date(2015, 2, 3).at(9, 30, 0, 0)));
        assert_eq!(a.declared_comments, Some(3));
        assert_eq!(a.comments.len(), 3);
        let c = &a.comments;
        assert_eq!(c[0].text, "Enfin une bonne nouvelle :)\nEt pas trop tôt.");
        assert_eq!(c[0].emoticons, 1);
        assert_eq!(c[0].date, Some(date(2015, 2, 3).at(10, 2, 0, 0)));
        assert_eq!(c[1].author.as_deref(), Some("Marie"));
        assert_eq!(c[1].urls, vec!["https://exemple.fr/budget"]);
        assert_eq!(c[2].text, "");
        assert_eq!(
            a.lede.as_deref().map(|l| l.starts_with("Le budget")),
            Some(true)
        );
    }

    #[test]
    fn stamps_inside_prose_do_not_start_comments() {
        let page = "\
Titre de l'article sur le procès
Le procès s'est ouvert le 01/09/2014 à 18h02 devant le tribunal correctionnel de Paris.
Le 01/09/2014 à 18h02, la juge a suspendu l'audience pour entendre un témoin important.
";
        let a = parse(page);
        assert!(a.comments.is_empty());
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn prose_stamps_inside_comments_do_not_split_them() {
        let page = "\
Titre
Un paragraphe de corps, avec une phrase complète et assez longue pour compter.
Commentaires (1)
Le 01/09/2014 à 18h02
le 3 février 2015 à 14h20. Puis la séance a repris dans le calme.
Le 3 février 2015 à 14h20 devant le tribunal, rien ne s'est passé.
Le 3 février 2015 à 14h20, la juge a parlé.
";
        let a = parse(page);
        assert_eq!(a.comments.len(), 1);
        assert_eq!(a.comments[0].text.lines().count(), 3);
    }

    #[test]
    fn footer_repeated_across_pages_is_learned() {
        let pages: Vec<String> = (1..=5)
            .map(|i| {
                format!(
                    "Article numéro {i} sur la vie locale\n\
                     Le 0{i} mars 2014 à 10h00\n\
                     Culture\n\
                     Le festival numéro {i} a attiré des milliers de visiteurs venus de toute la région.\n\
                     Les organisateurs du festival {i} se disent satisfaits et prévoient la suite.\n\
                     Retrouvez toute l'actualité de votre ville sur Le Petit Journal\n\
                     Notre rédaction vous remercie de votre fidélité chaque jour\n"
                )
            })
            .collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let set = learn(&refs);
        assert_eq!(set.len(), 2);
        let b = Boilerplate::with_repeated(set);
        for p in &refs {
            let a = parse_text_page("x", "x.txt", p, &b);
            assert_eq!(a.category.as_deref(), Some("Culture"));
            assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
            assert!(a.lede.as_deref().unwrap().starts_with("Le festival"));
        }
        let plain = parse(refs[0]);
        assert_eq!(plain.paragraphs.len(), 3);
    }

    #[test]
    fn comment_text_before_any_recognised_stamp_is_kept_with_a_note() {
        let page = "\
Le conseil municipal vote le budget
Le budget a été adopté par vingt-trois voix contre douze, après quatre heures de débat.
Commentaires (3)
Répondre
Jean Dupont — il y a 3 heures
Enfin une bonne nouvelle pour les ornithorynques.
Le 03/02/2015 à 11h00
Je ne suis pas d'accord.
";
        let (a, notes) = parse_text_page_noted("p", "p.txt", page, &Boilerplate::default());
        assert_eq!(a.comments.len(), 2, "{:?}", a.comments);
        assert_eq!(a.comments[0].id, "p#c1");
        assert_eq!(a.comments[0].date, None);
        assert!(a.comments[0].text.contains("ornithorynques"));
        assert_eq!(a.comments[1].id, "p#c2");
        assert_eq!(a.comments[1].text, "Je ne suis pas d'accord.");
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].line, 5);
        assert!(notes[0].kept);
        assert!(
            notes[0].message.contains("2 lines from line 5 to 6"),
            "{}",
            notes[0].message
        );
        // A page whose stamps are all recognised has no note.
        let (_, none) = parse_text_page_noted("p", "p.txt", SEED_001, &Boilerplate::default());
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "\n\n\n",
            "-\n-\n",
            "Commentaires (3)",
            "Le 01/09/2014 à 18h02",
            "Titre\nLe 01/09/2014 à 18h02\n\" />",
            "é\u{0}\u{feff}«»\"\n« »\n»",
            "Titre\n99999999999 commentaires\nLe 99/99/9999 à 99h99",
        ] {
            let _ = parse(t);
        }
        let a = parse("");
        assert_eq!(a.title, "");
        // Random pages made of tricky fragments.
        let parts = [
            "Le 01/09/2014 à 18h02",
            "Commentaires (",
            "33)",
            "\" />",
            "«",
            "»",
            "-",
            "\n",
            "\n",
            "\n",
            "é",
            "Droit",
            "4 min",
            "Source :",
            "Tags :",
            ",",
            "Abonnez-vous",
            "le ",
            "1er",
            "septembre",
            "2014",
            "à",
            "16h45",
            ":)",
            "http://x",
            "\u{a0}",
            "\r",
            "’",
            " ",
            "Le",
            "99",
            ".",
            "?",
            "Titre",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..2000 {
            let mut page = String::new();
            for _ in 0..(x % 60) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                page.push_str(parts[(x % parts.len() as u64) as usize]);
                if x.is_multiple_of(3) {
                    page.push(' ');
                }
            }
            let a = parse(&page);
            for (k, c) in a.comments.iter().enumerate() {
                assert_eq!(c.number as usize, k + 1);
            }
            x = x.wrapping_add(1);
        }
    }
}
