//! End-to-end tests of `search`: what it matches agrees with its highlights, with `kwic` and
//! `terms`, and what it prints can be run again.

mod support;

use support::fixture::Fixture;

use serde_json::Value;

/// `kiosque search --json --limit 0 ARGS…`.
fn search(fx: &Fixture, args: &[&str]) -> Value {
    let mut all = vec!["search", "--json", "--limit", "0"];
    all.extend_from_slice(args);
    fx.json(&all)
}

fn hit_ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// The highlighted words of each hit, as they appear in its snippet.
fn marked(hit: &Value) -> Vec<String> {
    let s = hit["snippet"].as_str().unwrap();
    hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| s[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize].to_string())
        .collect()
}

/// The ids of the documents `kwic` gives lines of.
fn kwic_ids(fx: &Fixture, args: &[&str]) -> Vec<String> {
    let mut all = vec!["kwic", "--json", "--limit", "0"];
    all.extend_from_slice(args);
    let k = fx.json(&all);
    let mut ids: Vec<String> = k["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

#[test]
fn an_unaccented_form_does_not_reach_another_word_of_the_same_stem() {
    // "justicié" is `justici` with the unaccented form `justic` (that of "justice"):
    // "justicier" (`justici` too, but unaccented `justici`) is another word.
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "a", "title": "Premier", "body": "Un homme justicié hier."}"#,
        r#"{"id": "b", "title": "Second", "body": "Le seigneur pouvait justicier ses vassaux selon la coutume."}"#,
        r#"{"id": "c", "title": "Troisième", "body": "La justice a tranché."}"#,
    ]);
    for q in ["justice", "\"justice a\"", "justicie"] {
        let ids = hit_ids(&search(&fx, &[q]));
        assert!(!ids.contains(&"articles/b".to_string()), "{q}: {ids:?}");
    }
    // What search finds, it highlights, and kwic has lines of.
    for q in [
        "justice",
        "\"justice a\"",
        "justicie",
        "justicier",
        "justicié",
    ] {
        let v = search(&fx, &[q]);
        for h in v["hits"].as_array().unwrap() {
            assert!(!marked(h).is_empty(), "{q}: a hit without a match: {h}");
        }
        assert_eq!(hit_ids(&v), kwic_ids(&fx, &[q]), "{q}");
    }
    assert_eq!(
        hit_ids(&search(&fx, &["justice"])),
        ["articles/a", "articles/c"]
    );
    assert_eq!(
        hit_ids(&search(&fx, &["justicier"])),
        ["articles/a", "articles/b"]
    );
}

#[test]
fn queries_are_echoed_as_typed() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "plan", "title": "Budget", "body": "Le plan B du mandat de perquisition est prêt."}"#,
    ]);
    let out = fx.stdout(&["search", "\"plan B\""]);
    assert!(out.starts_with("1 match for “\"plan B\"”\n"), "{out}");
    let out = fx.stdout(&["search", "plan"]);
    assert!(out.starts_with("1 match for \"plan\"\n"), "{out}");
    let out = fx.stdout(&["kwic", "mandat de perquisition"]);
    assert!(out.starts_with("\"mandat de perquisition\": "), "{out}");
    let out = fx.stdout(&["kwic", "\"mandat de perquisition\""]);
    assert!(out.starts_with("“\"mandat de perquisition\"”: "), "{out}");
    assert!(!out.contains('\\'), "{out}");
}

#[test]
fn an_unknown_article_is_a_mistake_in_the_command() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "a", "title": "Audience", "body": "Le juge a parlé.", "comments": [{"text": "Le juge a raison."}]}"#,
    ]);
    assert_eq!(
        search(&fx, &["juge", "--article", "articles/a"])["total"],
        2
    );
    for id in ["nope", "articles/a#c1"] {
        for args in [
            vec!["search", "juge", "--article", id],
            vec!["search", "--article", id],
            vec!["kwic", "juge", "--article", id],
        ] {
            let out = fx.cmd().args(&args).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(&format!("no article with id '{id}'")),
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn a_match_in_the_title_or_a_heading_is_shown() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "t", "title": "Titre de test sur les phrases", "body": "Il parle au juge."}"#,
        r#"{"id": "h", "title": "Audience", "headings": ["Les phrases du procès"], "body": "Il parle au juge. Rien d'autre ici."}"#,
        r#"{"id": "c", "title": "Sans rapport", "body": "Le juge cite des phrases.", "comments": [{"text": "Le juge parle."}]}"#,
    ]);
    let v = search(&fx, &["phrases"]);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3, "{v}");
    for h in hits {
        assert_eq!(marked(h), ["phrases"], "{h}");
        let title = h["title"].as_str().unwrap();
        let in_title: Vec<&str> = h["title_highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &title[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
            .collect();
        match h["id"].as_str().unwrap() {
            "articles/t" => assert_eq!(in_title, ["phrases"]),
            "articles/h" => {
                assert!(in_title.is_empty());
                assert_eq!(h["snippet"], "Les phrases du procès");
            }
            _ => assert!(in_title.is_empty()),
        }
    }
    // A word of the body and one of the title: each shown where it is.
    let v = search(&fx, &["phrases juge", "--article", "articles/t"]);
    assert_eq!(marked(&v["hits"][0]), ["juge"], "{v}");
    assert_eq!(
        v["hits"][0]["title_highlights"],
        serde_json::json!([[22, 29]])
    );
    // The title line marks its matches.
    let out = fx.stdout(&["search", "phrases", "--article", "articles/t"]);
    assert!(
        out.contains("\n    Titre de test sur les [phrases]\n"),
        "{out}"
    );
    // A comment's title is its article's: nothing of it was searched.
    assert!(
        search(&fx, &["juge", "--kind", "comment"])["hits"][0]["title_highlights"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn search_lang_matches_the_words_of_passages_in_that_language() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "mixed", "title": "The government is not telling the truth about the data", "body": "Le gouvernement a déclaré que la décision serait prise rapidement par les autorités compétentes, selon plusieurs sources proches du dossier."}"#,
        r#"{"id": "quote", "title": "Le gouvernement", "body": ["Le gouvernement a déclaré que la décision serait prise rapidement par les autorités compétentes, selon plusieurs sources proches du dossier.", "The government said on Monday that the decision would be taken quickly by the competent authorities."]}"#,
    ]);
    for (q, lang, ids) in [
        ("gouvernement", "en", vec![]),
        (
            "gouvernement",
            "fr",
            vec!["articles/mixed", "articles/quote"],
        ),
        ("government", "en", vec!["articles/mixed", "articles/quote"]),
        ("government", "fr", vec![]),
        ("truth", "en", vec!["articles/mixed"]),
        ("\"the truth\"", "en", vec!["articles/mixed"]),
        ("\"the truth\"", "fr", vec![]),
        ("déclaré", "en", vec![]),
    ] {
        let v = search(&fx, &[q, "--lang", lang]);
        assert_eq!(hit_ids(&v), ids, "{q} --lang {lang}");
        assert_eq!(
            hit_ids(&v),
            kwic_ids(&fx, &[q, "--lang", lang]),
            "{q} --lang {lang}"
        );
        // Only the words in that language are marked.
        for h in v["hits"].as_array().unwrap() {
            let snippet = h["snippet"].as_str().unwrap();
            assert!(!marked(h).is_empty(), "{q} --lang {lang}: {h}");
            if lang == "en" {
                assert!(!snippet.starts_with("Le gouvernement a"), "{h}");
            }
        }
    }
    // The English word is marked in the English line, not in the French one.
    let v = search(&fx, &["government OR gouvernement", "--lang", "en"]);
    for h in v["hits"].as_array().unwrap() {
        assert_eq!(marked(h), ["government"], "{h}");
    }
    // Without words, the documents whose text has a passage in that language.
    assert_eq!(
        hit_ids(&search(&fx, &["*", "--lang", "en"])),
        ["articles/quote"]
    );
}
