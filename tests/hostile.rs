//! Hostile text, in the normal test suite with a bounded budget (the long runs are the cargo-fuzz
//! targets in `fuzz/`): any query gives results or one clear error, any page text gives a
//! parse and its entities — the query parser, the decoder, the text-page, JSON Lines and HTML
//! readers and entity detection never panic.

mod safety;

use std::path::Path;
use std::sync::OnceLock;

use kiosque::corpus::{
    Boilerplate, Format, Found, decode, parse_file, parse_html_page, parse_jsonl, parse_text_page,
    repair_mojibake,
};
use kiosque::store::Store;
use kiosque::store::ingest::{IngestOptions, ingest};
use kiosque::store::query;
use kiosque::store::search::{Filters, SearchError, search};
use proptest::prelude::*;
use safety::{kiosque, run};

/// Cases per property: enough to shake out a panic, small enough for CI.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 200,
        max_shrink_iters: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of query syntax, apostrophes of every kind, control characters, odd Unicode.
fn query_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("OR".to_string()),
        Just("-".to_string()),
        Just("*".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("ʼ".to_string()),
        Just("`".to_string()),
        Just("´".to_string()),
        Just("title:".to_string()),
        Just("nosuchfield:x".to_string()),
        Just("l'".to_string()),
        Just("qu’".to_string()),
        Just(" ".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{7}\t\r\n".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{feff}".to_string()),
        Just("e\u{301}".to_string()),
        Just("😀".to_string()),
        "[a-zA-Zéèàç]{1,8}",
        any::<char>().prop_map(String::from),
    ]
}

fn hostile_query() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(query_piece(), 0..24).prop_map(|v| v.concat()),
        ".{0,80}",
    ]
}

/// A small index shared by the search properties.
fn store() -> &'static Store {
    static STORE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let t = tempfile::tempdir().unwrap();
            let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            let index = t.path().join("index");
            let opts = IngestOptions {
                paths: vec![corpus],
                ..IngestOptions::default()
            };
            ingest(&index, &opts).expect("index the bundled corpus");
            let s = Store::open(&index).unwrap();
            (t, s)
        })
        .1
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_query_parses_or_gives_one_located_error(q in hostile_query()) {
        match query::parse(&q) {
            Ok(_) => {}
            Err(e) => {
                prop_assert!(e.column >= 1 && e.column <= q.chars().count() + 1, "{e:?}");
                prop_assert!(!e.to_string().contains('\n'));
            }
        }
    }

    #[test]
    fn any_query_searches_or_gives_a_syntax_error(q in hostile_query()) {
        match search(store(), &q, &Filters::default(), 5) {
            Ok(_) | Err(SearchError::Syntax(_)) => {}
            Err(e) => prop_assert!(false, "{q:?}: {e}"),
        }
    }

    #[test]
    fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes);
        for (name, format) in [
            ("p.txt", Format::TextPage),
            ("p.jsonl", Format::JsonLines),
            ("p.html", Format::Html),
        ] {
            let found = Found {
                path: name.into(),
                rel: name.to_string(),
                id: "p".to_string(),
                format,
                size: bytes.len() as u64,
                stamp: 0,
            };
            let _ = parse_file(&found, &bytes, &Boilerplate::default());
        }
    }

    #[test]
    fn mojibake_repair_is_safe(s in ".{0,60}", garble in any::<bool>()) {
        let text = if garble {
            encoding_rs::WINDOWS_1252.decode(s.as_bytes()).0.into_owned()
        } else {
            s.clone()
        };
        let (fixed, n) = repair_mojibake(text.clone());
        if n == 0 {
            prop_assert_eq!(&fixed, &text);
        }
    }

    #[test]
    fn any_text_page_parses(lines in prop::collection::vec(page_line(), 0..40)) {
        let text = lines.join("\n");
        let a = parse_text_page("p", "p.txt", &text, &Boilerplate::default());
        for (k, c) in a.comments.iter().enumerate() {
            prop_assert_eq!(c.number as usize, k + 1);
        }
    }

    #[test]
    fn any_json_lines_parse_line_by_line(lines in prop::collection::vec(json_line(), 0..20)) {
        let text = lines.join("\n");
        let (articles, errors) = parse_jsonl("f", "f.jsonl", &text);
        let dropped = errors.iter().filter(|e| e.message.ends_with("line dropped")).count();
        let non_blank = text.lines().filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(articles.len() + dropped, non_blank);
        for e in &errors {
            prop_assert!(e.line >= 1 && e.line <= text.lines().count());
        }
    }

    #[test]
    fn any_page_gives_entities_inside_its_texts(
        texts in prop::collection::vec(prop::collection::vec(name_piece(), 0..40), 1..4),
        edited in 0usize..3,
    ) {
        let texts: Vec<String> = texts.iter().map(|t| t.concat()).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let page = kiosque::analysis::entities::builtin().detect_article_page(&refs, edited.min(refs.len()));
        prop_assert_eq!(page.len(), refs.len());
        for (text, mentions) in refs.iter().zip(&page) {
            for m in mentions {
                prop_assert!(m.start < m.end && m.end <= text.len(), "{m:?} in {text:?}");
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }

    #[test]
    fn any_html_parses(parts in prop::collection::vec(html_piece(), 0..60)) {
        let text = parts.concat();
        let a = parse_html_page("p", "p.html", &text, &Boilerplate::default());
        for (k, c) in a.comments.iter().enumerate() {
            prop_assert_eq!(&c.id, &format!("p#c{}", k + 1));
        }
    }
}

/// Pieces of text that the entity rules look at (titles, cues, particles, heads, hyphens,
/// apostrophes, parentheses, quotes, capitals, lowercase names), and noise, with or without
/// a space after them.
fn name_piece() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("M."),
        Just("Mme"),
        Just("Judge"),
        Just("Dr"),
        Just("l'association"),
        Just("collectif"),
        Just("label"),
        Just("programme"),
        Just("de"),
        Just("la"),
        Just("du"),
        Just("Van"),
        Just("Le"),
        Just("La"),
        Just("Paloise"),
        Just("Marie-Lou"),
        Just("Jean"),
        Just("(FFCK)"),
        Just("FFCK"),
        Just("-"),
        Just("canoë-kayak"),
        Just("'s"),
        Just("’"),
        Just("CEO"),
        Just("manager"),
        Just("&"),
        Just(","),
        Just("."),
        Just("\n"),
        Just("«"),
        Just("»"),
        Just("\""),
        Just("Paris"),
        Just("place"),
        Just("rue"),
        Just("Code"),
        Just("au"),
        Just("portugal"),
        Just("vauthier"),
        Just("Microsoft"),
        Just("MS"),
        Just("Ms"),
        Just("Union"),
        Just("européenne"),
        Just("Fédération"),
        Just("française"),
        Just("said"),
        Just("a"),
        Just("suis"),
        Just("2029"),
        Just("@user_1"),
        Just("😀"),
    ];
    prop_oneof![
        4 => (word, any::<bool>()).prop_map(|(w, space)| if space {
            format!("{w} ")
        } else {
            w.to_string()
        }),
        1 => "[A-Za-zéÉ'’ -]{0,12}",
        1 => ".{0,6}",
    ]
}

/// Lines that look like the parts of a text page, and noise.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Le 01/09/2014 à 18h02".to_string()),
        Just("Le 31 février 2014 à 25h99".to_string()),
        Just("Commentaires (33)".to_string()),
        Just("Commentaires (99999999999999999999)".to_string()),
        Just("4 min".to_string()),
        Just("La source: WSJ".to_string()),
        Just("En savoir plus sur les sujets : a, b".to_string()),
        Just("\" />".to_string()),
        Just("-".to_string()),
        Just(String::new()),
        Just("Abonnez-vousLe 01/09/2014 à 18h02".to_string()),
        ".{0,120}",
    ]
}

/// JSON Lines lines: valid articles, wrong types, broken JSON, deep nesting.
fn json_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(r#"{"title": "Un titre", "body": ["a", "b"]}"#.to_string()),
        Just(
            r#"{"id": 1, "title": "x", "comments": [{"text": "y", "date": "01/09/2014 18:02"}]}"#
                .to_string()
        ),
        Just(r#"{"id": 1, "title": "doublon"}"#.to_string()),
        Just(r#"{"title": 3}"#.to_string()),
        Just(r#"{"title": "t", "reading_time": -1, "comments": {}}"#.to_string()),
        Just(r#"{"title": "t", "published": "9999-99-99"}"#.to_string()),
        Just("[".repeat(200) + &"]".repeat(200)),
        Just("{\"title\": \"".to_string()),
        Just("null".to_string()),
        Just(String::new()),
        ".{0,80}",
    ]
}

/// Pieces of HTML: tags of every kind, unclosed and misnested, attributes, entities, text.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<html><head>".to_string()),
        Just("<title>Titre</title>".to_string()),
        Just(r#"<meta property="article:published_time" content="2014-09-01T16:45">"#.to_string()),
        Just(r#"<meta name="keywords" content="a, b,,">"#.to_string()),
        Just(
            r#"<script type="application/ld+json">{"headline": "x", "@graph": [{}]}</script>"#
                .to_string()
        ),
        Just("<script>document.write('<p>')</script>".to_string()),
        Just("<style>p{}</style>".to_string()),
        Just("<article>".to_string()),
        Just("</article>".to_string()),
        Just("<main><h1>".to_string()),
        Just("<h2>Commentaires (3)</h2>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<br>".to_string()),
        Just("<div class=\"comment\">".to_string()),
        Just("<li id=\"comment-12\">".to_string()),
        Just("<ol class=\"commentlist\">".to_string()),
        Just("<section id=comments>".to_string()),
        Just("<span class=\"fn\">Jean</span>".to_string()),
        Just("<time datetime=\"2014-09-01T18:02\">".to_string()),
        Just("</div>".to_string()),
        Just("<nav>".to_string()),
        Just("<table><td>".to_string()),
        Just("<template><p>".to_string()),
        Just("<!-- commentaire -->".to_string()),
        Just("<![CDATA[".to_string()),
        Just("&amp;&lt;&#0;&#x110000;&nbsp;".to_string()),
        Just("Le 01/09/2014 à 18h02 texte".to_string()),
        "[a-zé ]{0,30}",
        ".{0,20}",
    ]
}

/// The binary on nasty queries: exit 0 with results, or exit 2 with one error line.
#[test]
fn the_cli_answers_any_query_with_results_or_one_error_line() {
    let t = tempfile::tempdir().unwrap();
    let index = t.path().join("index");
    let mut c = kiosque(&index);
    c.arg("ingest")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    assert!(run(c).status.success());
    let long_word = "a".repeat(10_000);
    let long_words = "juge ".repeat(2_000);
    let long_phrase = format!("\"{}\"", "mandat de ".repeat(1_000));
    let parens = "(".repeat(5_000) + "juge" + &")".repeat(5_000);
    let queries = [
        "\"mandat de",
        "(juge",
        "juge )",
        "OR",
        "juge OR",
        "- -",
        "-",
        "()",
        "\"\"",
        "«»",
        "« juge",
        "title:juge",
        "nosuchfield:juge",
        "juge\u{7}\u{1b}[31m",
        "\u{202e}egùj",
        "l'",
        "’",
        "aujourd’hui l’entreprise qu'Apple",
        "**",
        "* -juge",
        long_word.as_str(),
        long_words.as_str(),
        long_phrase.as_str(),
        parens.as_str(),
    ];
    for q in queries {
        let mut c = kiosque(&index);
        c.args(["search", q, "--limit", "3"]);
        let out = run(c);
        let err = String::from_utf8_lossy(&out.stderr);
        let shown: String = q.chars().take(40).collect();
        match out.status.code() {
            Some(0) => assert!(err.is_empty(), "{shown:?}: {err}"),
            Some(2) => {
                assert_eq!(err.trim_end().lines().count(), 1, "{shown:?}: {err}");
                assert!(err.starts_with("kiosque: "), "{shown:?}: {err}");
            }
            code => panic!("{shown:?}: exit {code:?}: {err}"),
        }
    }
}
