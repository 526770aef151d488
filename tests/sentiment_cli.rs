//! `kiosque sentiment --stdin`: one JSON line per input line; `--lexicon` overrides.

use assert_cmd::Command;

fn run(args: &[&str], input: &str) -> Vec<serde_json::Value> {
    let out = Command::cargo_bin("kiosque")
        .expect("binary")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

/// `kiosque sentiment --lang fr --lexicon FILE TEXT`, FILE (`lex.tsv` in the directory returned)
/// holding `entries`.
fn with_lexicon(entries: &str, text: &str) -> (tempfile::TempDir, Vec<serde_json::Value>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lex.tsv");
    std::fs::write(&path, entries).expect("write");
    let lines = run(
        &[
            "sentiment",
            "--lang",
            "fr",
            "--lexicon",
            path.to_str().expect("path"),
            text,
        ],
        "",
    );
    (dir, lines)
}

#[test]
fn one_json_line_per_text() {
    let lines = run(
        &["sentiment", "--stdin"],
        "Je n'aime pas ce gouvernement\nUn excellent article, bravo !\n\n",
    );
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["label"], "negative");
    assert_eq!(lines[0]["keywords"][0]["word"], "aime");
    assert_eq!(lines[0]["keywords"][0]["negated"], true);
    assert_eq!(lines[1]["label"], "positive");
    assert_eq!(lines[2]["label"], "neutral");
    assert_eq!(lines[2]["score"], 0.0);
}

#[test]
fn lexicon_file_adds_entries() {
    let (dir, lines) = with_lexicon("brexit\t-3\n", "Le brexit");
    let path = dir.path().join("lex.tsv");
    assert_eq!(lines[0]["label"], "negative");
    std::fs::write(&path, "brexit\n").expect("write");
    let out = Command::cargo_bin("kiosque")
        .expect("binary")
        .args(["sentiment", "--lexicon", path.to_str().expect("path"), "x"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lexicon line 1"));
}

#[test]
fn without_texts_it_reports_on_the_index() {
    // No texts and no index (nor corpus/ to build one from): the index report says so.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::cargo_bin("kiosque")
        .expect("binary")
        .current_dir(dir.path())
        .env_remove("KIOSQUE_INDEX")
        .arg("sentiment")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("kiosque ingest"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---------------------------------------------------------------------------------------------
// The index: sentiment scored at ingest, `sentiment` reports, `search --sentiment`.

/// A small corpus with clearly positive, negative, negated and neutral texts, in French and
/// English, and its index.
struct Corpus {
    dir: tempfile::TempDir,
}

const PRESS: &str = r#"{"id": "a1", "title": "Une excellente réforme pour les familles", "published": "2024-03-01T10:00", "body": ["Cette réforme est une excellente nouvelle pour les familles.", "Les premiers résultats sont remarquables et les associations saluent un progrès réel."], "comments": [{"date": "2024-03-01T11:00", "author": "Jean", "text": "Bravo, un article vraiment excellent !"}, {"date": "2024-03-01T11:05", "text": "Je n'aime pas ce gouvernement, c'est une honte."}, {"date": "2024-03-01T11:10", "text": "C'est pas vraiment une bonne nouvelle."}, {"date": "2024-03-01T11:20", "text": "Le texte sera examiné mardi par les députés."}, {"date": "2024-03-01T11:30", "text": "+1"}]}
{"id": "a2", "title": "A terrible decision", "published": "2024-03-02T09:00", "body": ["This is a terrible and disastrous decision for the workers.", "The unions say they are angry and deeply disappointed."], "comments": [{"text": "I don't like this decision at all."}, {"text": "Great article, thank you!"}, {"text": "Not bad, not bad at all."}]}
"#;

/// The documents of [`PRESS`] with the label each must get.
const EXPECTED: &[(&str, &str)] = &[
    ("press/a1", "positive"),
    ("press/a1#c1", "positive"),
    ("press/a1#c2", "negative"),
    ("press/a1#c3", "negative"),
    ("press/a1#c4", "neutral"),
    ("press/a1#c5", "positive"),
    ("press/a2", "negative"),
    ("press/a2#c1", "negative"),
    ("press/a2#c2", "positive"),
    ("press/a2#c3", "positive"),
];

impl Corpus {
    fn new(ingest_args: &[&str]) -> Corpus {
        Corpus::of(PRESS, ingest_args)
    }

    /// The index of `pages`, as `corpus/press.jsonl`.
    fn of(pages: &str, ingest_args: &[&str]) -> Corpus {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("corpus")).expect("mkdir");
        std::fs::write(dir.path().join("corpus/press.jsonl"), pages).expect("write");
        let c = Corpus { dir };
        let out = c.output(&[&["ingest", "corpus"], ingest_args].concat());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        c
    }

    fn output(&self, args: &[&str]) -> std::process::Output {
        Command::cargo_bin("kiosque")
            .expect("binary")
            .current_dir(self.dir.path())
            .env_remove("KIOSQUE_INDEX")
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .expect("runs")
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self.output(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.stdout(args)).expect("JSON")
    }
}

/// The document `id` of a `sentiment --json` answer.
fn document<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no document {id} in {v}"))
}

/// The keyword `word` of a document.
fn keyword<'a>(d: &'a serde_json::Value, word: &str) -> &'a serde_json::Value {
    d["keywords"]
        .as_array()
        .expect("keywords")
        .iter()
        .find(|k| k["word"] == word)
        .unwrap_or_else(|| panic!("no keyword {word} in {d}"))
}

fn ids(v: &serde_json::Value, list: &str) -> Vec<String> {
    let mut ids: Vec<String> = v[list]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn index_report_lists_every_document_with_its_tone() {
    let c = Corpus::new(&[]);
    let v = c.json(&["sentiment", "--json"]);
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), EXPECTED.len(), "{v}");
    for (id, label) in EXPECTED {
        let d = document(&v, id);
        assert_eq!(d["label"], *label, "{id}: {d}");
        let score = d["score"].as_f64().expect("score");
        assert!((-1.0..=1.0).contains(&score), "{d}");
        match *label {
            "positive" => assert!(score > 0.0, "{d}"),
            "negative" => assert!(score < 0.0, "{d}"),
            _ => {}
        }
        for key in ["kind", "lang"] {
            assert!(d.get(key).is_some(), "{key} in {d}");
        }
    }
    assert_eq!(document(&v, "press/a1")["kind"], "article");
    assert_eq!(document(&v, "press/a1#c1")["kind"], "comment");
    assert_eq!(document(&v, "press/a1")["lang"], "fr");
    assert_eq!(document(&v, "press/a2")["lang"], "en");
    // Documents come article first, then its comments in page order.
    let order: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        order,
        EXPECTED.iter().map(|(id, _)| *id).collect::<Vec<_>>()
    );
    // Negation: the word that carried the tone, turned around.
    let aime = keyword(document(&v, "press/a1#c2"), "aime");
    assert_eq!(aime["negated"], true);
    assert!(aime["weight"].as_f64().unwrap() < 0.0);
    let bonne = keyword(document(&v, "press/a1#c3"), "bonne");
    assert_eq!(bonne["negated"], true);
    let bad = keyword(document(&v, "press/a2#c3"), "bad");
    assert_eq!(bad["negated"], true);
    assert!(bad["weight"].as_f64().unwrap() > 0.0);
    assert_eq!(
        keyword(document(&v, "press/a1#c1"), "excellent")["negated"],
        false
    );
    assert!(
        keyword(document(&v, "press/a1#c5"), "+1")["weight"]
            .as_f64()
            .unwrap()
            > 0.0
    );
    assert_eq!(
        document(&v, "press/a1#c4")["keywords"],
        serde_json::json!([])
    );
}

#[test]
fn index_report_gives_each_thread_and_the_corpus_keywords() {
    let c = Corpus::new(&[]);
    let v = c.json(&["sentiment", "--json"]);
    let a1 = v["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["id"] == "press/a1")
        .expect("a1");
    assert_eq!(a1["label"], "positive");
    let t = &a1["comments"];
    assert_eq!(
        (
            &t["total"],
            &t["positive"],
            &t["negative"],
            &t["neutral"],
            &t["mixed"]
        ),
        (
            &serde_json::json!(5),
            &serde_json::json!(2),
            &serde_json::json!(2),
            &serde_json::json!(1),
            &serde_json::json!(0)
        ),
        "{a1}"
    );
    assert!(t["mean_score"].as_f64().is_some());
    assert_eq!(v["totals"]["articles"]["total"], 2);
    assert_eq!(v["totals"]["comments"]["total"], 8);
    assert_eq!(v["totals"]["comments"]["negative"], 3);

    // Keywords by the sign of their contribution, with articles and comments apart.
    let find = |list: &str, word: &str, negated: bool| -> serde_json::Value {
        v["keywords"][list]
            .as_array()
            .expect("list")
            .iter()
            .find(|k| k["word"] == word && k["negated"] == negated)
            .cloned()
            .unwrap_or_else(|| panic!("no {word} in {list}: {}", v["keywords"]))
    };
    let e = find("positive", "excellente", false);
    assert_eq!(
        (e["count"].as_u64(), e["articles"].as_u64()),
        (Some(2), Some(2))
    );
    let a = find("negative", "aime", true);
    assert_eq!(
        (a["count"].as_u64(), a["comments"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(find("negative", "terrible", false)["count"], 2);
    assert_eq!(find("positive", "bad", true)["count"], 2);
    for k in v["keywords"]["negative"].as_array().unwrap() {
        assert!(k["word"] != "excellente", "{k}");
    }
    // --top caps the lists; --kind comment leaves the articles' words out.
    let v = c.json(&["sentiment", "--json", "--top", "1"]);
    assert_eq!(v["keywords"]["positive"].as_array().unwrap().len(), 1);
    let v = c.json(&["sentiment", "--json", "--kind", "comment"]);
    assert!(
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["kind"] == "comment")
    );
    assert!(
        v["keywords"]["negative"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["word"] != "terrible" && k["articles"] == 0)
    );
}

#[test]
fn index_report_for_one_article_one_document_and_as_csv() {
    let c = Corpus::new(&[]);
    let v = c.json(&["sentiment", "--json", "--article", "press/a2"]);
    assert_eq!(
        ids(&v, "documents"),
        ["press/a2", "press/a2#c1", "press/a2#c2", "press/a2#c3"]
    );
    assert_eq!(ids(&v, "articles"), ["press/a2"]);
    assert_eq!(v["articles"][0]["comments"]["positive"], 2);

    let v = c.json(&["sentiment", "--json", "--doc", "press/a1#c2"]);
    assert_eq!(ids(&v, "documents"), ["press/a1#c2"]);
    assert_eq!(v["documents"][0]["label"], "negative");
    let text = c.stdout(&["sentiment", "--doc", "press/a1#c2"]);
    assert!(
        text.contains("press/a1#c2 (comment, fr): negative"),
        "{text}"
    );
    assert!(text.contains("aime"), "{text}");

    let out = c.output(&["sentiment", "--doc", "press/nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document"));
    let out = c.output(&["sentiment", "--article", "press/nope"]);
    assert_eq!(out.status.code(), Some(2));

    let csv = c.stdout(&["sentiment", "--csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,kind,article_id,lang,score,label,keywords")
    );
    assert_eq!(lines.count(), EXPECTED.len());
    assert!(
        csv.lines()
            .any(|l| l.starts_with("press/a1#c2,comment,press/a1,fr,-") && l.contains("not aime")),
        "{csv}"
    );

    // The terminal report: the tone table, the threads, the keywords.
    let text = c.stdout(&["sentiment"]);
    for needle in ["positive", "negative", "press/a1", "¬aime", "excellente"] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    // Report options do not go with texts, nor text options with the report.
    let out = c.output(&["sentiment", "--kind", "comment", "bon"]);
    assert_eq!(out.status.code(), Some(2));
    let out = c.output(&["sentiment", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn search_filters_by_sentiment_and_shows_each_label() {
    let c = Corpus::new(&[]);
    let v = c.json(&[
        "search",
        "*",
        "--sentiment",
        "negative",
        "--json",
        "-n",
        "50",
    ]);
    let mut want: Vec<String> = EXPECTED
        .iter()
        .filter(|(_, l)| *l == "negative")
        .map(|(id, _)| id.to_string())
        .collect();
    want.sort();
    assert_eq!(ids(&v, "hits"), want);
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["sentiment"] == "negative")
    );
    // Combined with the other filters.
    let v = c.json(&[
        "search",
        "*",
        "--sentiment",
        "negative",
        "--kind",
        "comment",
        "--lang",
        "fr",
        "--json",
    ]);
    assert_eq!(ids(&v, "hits"), ["press/a1#c2", "press/a1#c3"]);
    let v = c.json(&["search", "décision", "--sentiment", "positive", "--json"]);
    assert_eq!(v["total"], 0, "{v}");
    let v = c.json(&["search", "decision", "--sentiment", "negative", "--json"]);
    assert_eq!(ids(&v, "hits"), ["press/a2", "press/a2#c1"]);
    // Every hit carries its label, on the terminal too.
    let v = c.json(&["search", "*", "--json", "-n", "50"]);
    assert_eq!(v["hits"].as_array().unwrap().len(), EXPECTED.len());
    for h in v["hits"].as_array().unwrap() {
        let id = h["id"].as_str().unwrap();
        let want = EXPECTED.iter().find(|(i, _)| *i == id).expect("known id").1;
        assert_eq!(h["sentiment"], want, "{h}");
    }
    let text = c.stdout(&["search", "gouvernement"]);
    assert!(
        text.contains("press/a1#c2  comment  2024-03-01T11:05  fr  negative"),
        "{text}"
    );
    let out = c.output(&["search", "*", "--sentiment", "grumpy"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn ingest_without_sentiment_leaves_documents_unscored() {
    let c = Corpus::new(&["--no-sentiment"]);
    let v = c.json(&["sentiment", "--json"]);
    assert_eq!(v["documents"], serde_json::json!([]));
    assert_eq!(v["totals"]["comments"]["unscored"], 8);
    assert_eq!(v["keywords"]["positive"], serde_json::json!([]));
    let v = c.json(&["search", "*", "--sentiment", "negative", "--json"]);
    assert_eq!(v["total"], 0);
    let v = c.json(&["search", "gouvernement", "--json"]);
    assert_eq!(v["hits"][0]["sentiment"], serde_json::Value::Null);
    let text = c.stdout(&["sentiment"]);
    assert!(text.contains("--no-sentiment"), "{text}");
    // A rebuild scores them.
    c.stdout(&["ingest", "corpus", "--rebuild"]);
    let v = c.json(&["sentiment", "--json"]);
    assert_eq!(v["documents"].as_array().unwrap().len(), EXPECTED.len());
}

#[test]
fn an_index_without_the_sentiment_fields_asks_for_rebuild() {
    let c = Corpus::new(&[]);
    // Make the index look like one written before sentiment: no sentiment fields, an older
    // schema version.
    let meta_path = c.dir.path().join("index/meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    let fields = meta["schema"].as_array_mut().expect("schema");
    let before = fields.len();
    fields.retain(|f| !f["name"].as_str().unwrap_or("").starts_with("sentiment"));
    assert_eq!(before - fields.len(), 4, "the four sentiment fields");
    let mut payload: serde_json::Value =
        serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    payload["schema"] = serde_json::json!(payload["schema"].as_u64().unwrap() - 1);
    meta["payload"] = serde_json::Value::from(payload.to_string());
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    for args in [
        &["sentiment"][..],
        &["sentiment", "--json"],
        &["search", "*", "--sentiment", "negative"],
    ] {
        let out = c.output(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("kiosque ingest --rebuild"), "{args:?}: {err}");
    }
    c.stdout(&["ingest", "corpus", "--rebuild"]);
    let v = c.json(&["sentiment", "--json"]);
    assert_eq!(document(&v, "press/a1#c2")["label"], "negative");
}

#[test]
fn comments_without_text_are_unscored_not_neutral() {
    // Two comments without text (empty, an ellipsis), two with a tone (a word, an emoticon
    // alone) and one neutral sentence.
    let c = Corpus::of(
        r#"{"id": "b1", "title": "Le budget voté", "body": ["Le texte sera examiné mardi par les députés."], "comments": [{"text": ""}, {"text": "Bravo, excellent !"}, {"text": "…"}, {"text": ":)"}, {"text": "Le vote aura lieu mardi."}]}
"#,
        &[],
    );
    let v = c.json(&["sentiment", "--article", "press/b1", "--json"]);
    let comments = &v["totals"]["comments"];
    assert_eq!(comments["total"], 3, "{comments}");
    assert_eq!(comments["neutral"], 1, "{comments}");
    assert_eq!(comments["positive"], 2, "{comments}");
    assert_eq!(comments["unscored"], 2, "{comments}");
    assert_eq!(comments["without_text"], 2, "{comments}");
    assert_eq!(v["articles"][0]["comments"], *comments);
    // The mean is that of the three scored comments.
    let scores: Vec<f64> = v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter(|d| d["kind"] == "comment")
        .map(|d| d["score"].as_f64().expect("score"))
        .collect();
    assert_eq!(scores.len(), 3, "{v}");
    let mean = scores.iter().sum::<f64>() / 3.0;
    let got = comments["mean_score"].as_f64().expect("mean");
    assert!((got - mean).abs() < 1e-3, "{got} vs {mean}");
    for id in ["press/b1#c1", "press/b1#c3"] {
        assert!(
            !v["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["id"] == id),
            "{id} listed: {v}"
        );
    }
    let text = c.stdout(&["sentiment", "--article", "press/b1"]);
    assert!(text.contains("3 comments scored"), "{text}");
    assert!(text.contains("2 documents without text"), "{text}");
    assert!(!text.contains("--no-sentiment"), "{text}");
    // `search --sentiment neutral` finds the neutral sentence only.
    let v = c.json(&[
        "search",
        "*",
        "--kind",
        "comment",
        "--sentiment",
        "neutral",
        "--json",
    ]);
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["hits"][0]["id"], "press/b1#c5", "{v}");
    let v = c.json(&["sentiment", "--doc", "press/b1#c1", "--json"]);
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(0), "{v}");
    assert_eq!(v["totals"]["comments"]["without_text"], 1, "{v}");
}

#[test]
fn super_scores_alone_and_takes_lexicon_entries() {
    let lines = run(
        &[
            "sentiment",
            "C'est super",
            "Super article",
            "Super !",
            "That's super",
            "C'est super bien",
            "Et la sûreté ?",
        ],
        "",
    );
    for l in &lines[..4] {
        assert_eq!(l["label"], "positive", "{l}");
        assert_eq!(l["keywords"][0]["word"], "super", "{l}");
    }
    assert_eq!(lines[4]["keywords"][0]["word"], "bien", "{}", lines[4]);
    assert_eq!(lines[4]["keywords"][0]["intensified"], true, "{}", lines[4]);
    assert_eq!(lines[5]["label"], "neutral", "{}", lines[5]);
    let (_dir, lines) = with_lexicon("super\t3\n", "C'est super");
    assert_eq!(lines[0]["keywords"][0]["word"], "super", "{}", lines[0]);
    assert_eq!(lines[0]["keywords"][0]["weight"], 3.0, "{}", lines[0]);
}
