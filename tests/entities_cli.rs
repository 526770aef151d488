//! `kiosque entities` and `search --entity` end to end: on the bundled corpus and on small
//! corpora written here.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Runs kiosque with `args` on index `index`; returns stdout, failing on a non-zero exit.
fn kiosque(index: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("kiosque")
        .expect("binary")
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "kiosque {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The `total` of `kiosque search ARGS --json`.
fn search_total(index: &Path, args: &[&str]) -> u64 {
    let mut a = vec!["search"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["--json", "-n", "100"]);
    let v: Value = serde_json::from_str(&kiosque(index, &a)).expect("json");
    v["total"].as_u64().expect("total")
}

/// An index of the bundled corpus, in a temporary directory.
fn bundled() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = dir.path().join("index");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    kiosque(&index, &["ingest", corpus.to_str().expect("path")]);
    (dir, index)
}

/// The entities of `--json` output.
fn entities(index: &Path, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["entities", "--json", "-n", "0"];
    a.extend_from_slice(args);
    let v: Value = serde_json::from_str(&kiosque(index, &a)).expect("json");
    v["entities"].as_array().expect("entities").clone()
}

/// The entity named `name` in `list`.
fn named<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity {name} in {list:#?}"))
}

#[test]
fn seed_corpus_entities() {
    let (_dir, index) = bundled();
    let all = entities(&index, &[]);
    let preska = named(&all, "Loretta Preska");
    assert_eq!(preska["type"], "person");
    assert!(
        preska["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Preska")
    );
    assert!(preska["articles"].as_u64().unwrap() >= 1);
    assert!(preska["comments"].as_u64().unwrap() >= 1);
    let smith = named(&all, "Brad Smith");
    assert!(
        smith["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Smith")
    );
    let ms = named(&all, "Microsoft");
    assert_eq!(ms["type"], "organization");
    assert!(ms["articles"].as_u64().unwrap() > 0 && ms["comments"].as_u64().unwrap() > 0);
    assert!(ms["docs"].as_u64().unwrap() > 5);
    // "MS" in a thread about Microsoft is Microsoft.
    assert!(
        ms["aliases"].as_array().unwrap().iter().any(|a| a == "MS"),
        "{ms}"
    );
    assert!(all.iter().all(|e| e["name"] != "MS"));
    // The corpus report lists the entities too.
    let full: Value =
        serde_json::from_str(&kiosque(&index, &["report", "--format", "json"])).unwrap();
    assert_eq!(full["entities"]["entities"][0]["name"], "Microsoft");
    let us = all
        .iter()
        .find(|e| {
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "États-Unis")
        })
        .expect("the United States");
    assert_eq!(us["type"], "location");
    let aliases = us["aliases"].as_array().unwrap();
    assert!(aliases.iter().any(|a| a == "US") || aliases.iter().any(|a| a == "USA"));
    // Not entities: sentence starts, capitalised common nouns, abbreviations, boilerplate.
    for e in &all {
        let name = e["name"].as_str().unwrap();
        for bad in [
            "Depuis",
            "Merci",
            "Tiens",
            "Sinon",
            "Justice",
            "Droit",
            "Commentaires",
            "PDG",
            "TV",
        ] {
            assert_ne!(name, bad, "{e}");
        }
    }
    // Splits and filters.
    let places = entities(&index, &["--type", "location"]);
    assert!(!places.is_empty() && places.iter().all(|e| e["type"] == "location"));
    let in_comments = entities(&index, &["--kind", "comment"]);
    assert!(in_comments.iter().all(|e| e["articles"] == 0));
}

#[test]
fn cooccurrence_doc_mentions_and_search() {
    let (_dir, index) = bundled();
    let v: Value = serde_json::from_str(&kiosque(
        &index,
        &["entities", "--with", "Microsoft", "--json", "-n", "0"],
    ))
    .expect("json");
    assert_eq!(v["with"]["name"], "Microsoft");
    let others = v["entities"].as_array().unwrap();
    assert!(!others.is_empty());
    assert!(others.iter().all(|e| e["name"] != "Microsoft"));
    let together: Vec<u64> = others
        .iter()
        .map(|e| e["together"].as_u64().unwrap())
        .collect();
    assert!(together.windows(2).all(|w| w[0] >= w[1]), "{together:?}");
    assert!(others.iter().any(|e| e["name"] == "Loretta Preska"));

    // Every mention of a document points at its text.
    let id = "001_c38d16efca54e096";
    let v: Value =
        serde_json::from_str(&kiosque(&index, &["entities", "--doc", id, "--json"])).unwrap();
    let shown: Value = serde_json::from_str(&kiosque(&index, &["show", id, "--json"])).unwrap();
    let text = article_text(&shown);
    let mentions = v["mentions"].as_array().unwrap();
    assert!(mentions.len() > 10);
    let mut in_text = 0;
    for m in mentions {
        if m["in"] == "text" {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], m["text"].as_str().unwrap(), "{m}");
            in_text += 1;
        }
    }
    assert!(in_text > 10);

    // search --entity finds documents that say only "Preska".
    let n = search_total(&index, &["*", "--entity", "Loretta Preska"]);
    assert_eq!(n, search_total(&index, &["Preska"]));
    // Without a query, the filter alone: the same documents.
    assert_eq!(search_total(&index, &["--entity", "Loretta Preska"]), n);
    assert!(n > 0);
    // Neither a query nor a filter: a usage error that says what to give.
    let out = Command::cargo_bin("kiosque")
        .unwrap()
        .arg("--index")
        .arg(&index)
        .arg("search")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give words to search for"));
    let out = Command::cargo_bin("kiosque")
        .unwrap()
        .arg("--index")
        .arg(&index)
        .args(["search", "*", "--entity", "Nobody Atall"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity named"));

    // CSV.
    let csv = kiosque(&index, &["entities", "--csv", "-n", "3"]);
    assert!(csv.starts_with("name,type,mentions,articles,comments,docs,together,aliases\n"));
    assert_eq!(csv.lines().count(), 4);
}

/// The body text of an article as `show --json` prints it (lede and paragraphs, one a line).
fn article_text(shown: &Value) -> String {
    let a = if shown.get("article").is_some() {
        &shown["article"]
    } else {
        shown
    };
    let mut lines = Vec::new();
    if let Some(l) = a["lede"].as_str() {
        lines.push(l.to_string());
    }
    for p in a["paragraphs"].as_array().into_iter().flatten() {
        lines.push(p.as_str().unwrap_or("").to_string());
    }
    lines.join("\n")
}

#[test]
fn languages_join_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let page = serde_json::json!({
        "id": "a1",
        "title": "Les données européennes stockées en Irlande",
        "published": "2014-09-01",
        "body": ["Le gouvernement des États-Unis réclame des courriels stockés en Irlande. \
                  Le Royaume-Uni observe."],
        "comments": [
            {"text": "The US cannot reach data stored in Ireland."},
            {"text": "Et le UK dans tout ça ? Les USA font la loi."}
        ]
    });
    let other = serde_json::json!({
        "id": "a2",
        "title": "Dublin attire les centres de données",
        "published": "2014-09-02",
        "body": ["Les États-Unis et l'Irlande négocient."],
    });
    std::fs::write(corpus.join("feed.jsonl"), format!("{page}\n{other}\n")).unwrap();
    let index = dir.path().join("index");
    kiosque(&index, &["ingest", corpus.to_str().unwrap()]);
    let all = entities(&index, &[]);
    let ireland = all
        .iter()
        .find(|e| {
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "Ireland")
        })
        .expect("Ireland");
    let aliases = ireland["aliases"].as_array().unwrap();
    assert!(aliases.iter().any(|a| a == "Irlande"), "{ireland}");
    assert_eq!(
        ireland["name"], "Irlande",
        "the most frequent of equally full forms"
    );
    assert_eq!(ireland["docs"], 3);
    assert_eq!(ireland["comments"], 1);
    let us = all
        .iter()
        .find(|e| e["aliases"].as_array().unwrap().iter().any(|a| a == "US"))
        .expect("United States");
    let aliases = us["aliases"].as_array().unwrap();
    for a in ["États-Unis", "USA"] {
        assert!(aliases.iter().any(|x| x == a), "{us}");
    }
    let uk = all
        .iter()
        .find(|e| e["aliases"].as_array().unwrap().iter().any(|a| a == "UK"))
        .expect("United Kingdom");
    assert!(
        uk["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Royaume-Uni")
    );
    // Searching by any alias finds the same documents.
    let count = |name: &str| -> u64 {
        let v: Value = serde_json::from_str(&kiosque(
            &index,
            &["search", "*", "--entity", name, "--json"],
        ))
        .unwrap();
        v["total"].as_u64().unwrap()
    };
    assert_eq!(count("Ireland"), 3);
    assert_eq!(count("irlande"), 3);
}

#[test]
fn stdin_prints_one_json_line_per_text() {
    let out = Command::cargo_bin("kiosque")
        .unwrap()
        .args(["entities", "--stdin"])
        .write_stdin("La juge Loretta Preska a tranché ; Preska refuse.\n\nMerci pour l'article.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let first = lines[0]["entities"].as_array().unwrap();
    assert_eq!(first.len(), 2);
    assert_eq!(first[0]["name"], "Loretta Preska");
    assert_eq!(first[1]["text"], "Preska");
    assert_eq!(first[1]["name"], "Loretta Preska");
    assert_eq!(first[1]["type"], "person");
    assert_eq!(first[1]["start"], 36);
    assert!(lines[1]["entities"].as_array().unwrap().is_empty());
    assert!(lines[2]["entities"].as_array().unwrap().is_empty());
}

#[test]
fn sentence_start_names_count_when_the_corpus_confirms_them() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let a = serde_json::json!({
        "id": "a1",
        "title": "Levée de fonds",
        "published": "2024-03-01",
        "body": ["Dataviva annonce une levée de fonds. Franchement, rien de neuf."],
    });
    let b = serde_json::json!({
        "id": "a2",
        "title": "Santé numérique",
        "published": "2024-03-02",
        "body": ["La start-up rennaise Dataviva recrute vingt personnes."],
        "comments": [{"text": "Volontiers ! Dataviva embauche enfin."}]
    });
    std::fs::write(corpus.join("feed.jsonl"), format!("{a}\n{b}\n")).unwrap();
    let index = dir.path().join("index");
    kiosque(&index, &["ingest", corpus.to_str().unwrap()]);
    let all = entities(&index, &[]);
    let d = named(&all, "Dataviva");
    assert_eq!(d["mentions"], 3, "{d}");
    assert_eq!(d["docs"], 3);
    assert_eq!(d["comments"], 1);
    for e in &all {
        assert!(
            !["Franchement", "Volontiers", "Levée", "Santé"].contains(&e["name"].as_str().unwrap()),
            "{e}"
        );
    }
}

#[test]
fn names_written_only_in_comments_are_searchable_after_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let page = |id: &str, comment: &str| {
        serde_json::json!({
            "id": id,
            "title": "Le conseil municipal vote le budget",
            "published": "2014-09-01",
            "body": ["Le budget a été voté mardi soir après un long débat."],
            "comments": [{"text": comment}, {"text": "Rien à ajouter."}]
        })
    };
    let write = |first: &str, second: &str| {
        std::fs::write(corpus.join("a.jsonl"), format!("{}\n", page("a1", first))).unwrap();
        std::fs::write(corpus.join("b.jsonl"), format!("{}\n", page("b1", second))).unwrap();
    };
    write(
        "Le maire Hervé Quentrec a encore dépensé sans compter.",
        "Quentrec devrait démissionner, selon M. Hervé Quentrec lui-même.",
    );
    let index = dir.path().join("index");
    kiosque(&index, &["ingest", corpus.to_str().unwrap()]);
    assert_eq!(
        search_total(&index, &["*", "--entity", "Hervé Quentrec"]),
        2
    );
    assert_eq!(
        search_total(&index, &["*", "--entity", "herve quentrec"]),
        2
    );
    // The first page no longer names him: only the second is found.
    write(
        "Le maire a encore dépensé sans compter.",
        "Quentrec devrait démissionner, selon M. Hervé Quentrec lui-même.",
    );
    kiosque(&index, &["ingest", corpus.to_str().unwrap()]);
    assert_eq!(
        search_total(&index, &["*", "--entity", "Hervé Quentrec"]),
        1
    );
    assert_eq!(search_total(&index, &["*", "--entity", "Quentrec"]), 1);
}

/// Writes `pages` (name, content) in a new corpus and indexes it.
fn corpus_of(pages: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    for (name, text) in pages {
        std::fs::write(corpus.join(name), text).expect("write");
    }
    let index = dir.path().join("index");
    kiosque(&index, &["ingest", corpus.to_str().expect("path")]);
    (dir, index)
}

#[test]
fn search_by_entity_finds_the_documents_the_list_counts() {
    let (_dir, index) = corpus_of(&[
        (
            "a.txt",
            "Microsoft et la justice\n\nLe président de Microsoft, Brad Smith, a répondu au juge. \
             Smith a ajouté que la société ferait appel. Le logiciel GNU LilyPond est libre, et \
             LilyPond sert à graver des partitions.\n",
        ),
        (
            "b.txt",
            "Un avocat parle\n\nM. Smith, avocat à Lyon, a plaidé hier. Smith a gagné. La version \
             Debian 8 est sortie.\n",
        ),
        (
            "c.txt",
            "Debian encore\n\nLa version Debian\u{a0}8 est sortie, après Debian\u{a0}7.\n",
        ),
    ]);
    let list = entities(&index, &[]);
    assert!(list.len() >= 4, "{list:#?}");
    // A name written with a no-break space is the same name, listed once, written with a space.
    let debian = named(&list, "Debian 8");
    let aliases: Vec<&str> = debian["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(aliases.iter().all(|a| !a.contains('\u{a0}')), "{aliases:?}");
    assert_eq!(
        aliases.iter().filter(|a| **a == "Debian 8").count(),
        1,
        "{aliases:?}"
    );
    // Every entity listed: search by its name finds the documents the list counts, even when
    // its name is another entity's alias in some page.
    for e in &list {
        let name = e["name"].as_str().expect("name");
        assert_eq!(
            search_total(&index, &["--entity", name]),
            e["docs"].as_u64().expect("docs"),
            "{name}: {e}"
        );
    }
    // A surname alone stands for the one full name the list joins it to.
    assert_eq!(
        search_total(&index, &["--entity", "Smith"]),
        named(&list, "Brad Smith")["docs"].as_u64().expect("docs")
    );
}
