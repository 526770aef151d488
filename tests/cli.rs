//! End-to-end tests: the `kiosque` binary on the bundled corpus.

mod support;

use support::fixture::Fixture;

use serde_json::Value;

const SEED_000: &str = "000_030b1da3860e491c";
const SEED_001: &str = "001_c38d16efca54e096";

/// Search as JSON, up to 100 hits.
trait Search {
    /// `kiosque search --json --limit 100 ARGS…`.
    fn search(&self, args: &[&str]) -> Value;
}

impl Search for Fixture {
    fn search(&self, args: &[&str]) -> Value {
        let mut all = vec!["search", "--json", "--limit", "100"];
        all.extend_from_slice(args);
        self.json(&all)
    }
}

fn hit_ids(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

/// The highlighted words of every hit, as they appear in the snippets.
fn highlighted(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for h in v["hits"].as_array().unwrap() {
        let s = h["snippet"].as_str().unwrap();
        for r in h["highlights"].as_array().unwrap() {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            out.push(s[a..b].to_string());
        }
    }
    out
}

#[test]
fn first_use_builds_the_index_and_show_gives_the_seed_facts() {
    let fx = Fixture::new();
    let out = fx
        .cmd()
        .args(["show", SEED_001, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("building it from corpus/"), "{stderr}");
    assert!(fx.path("index/meta.json").is_file());
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        a["title"],
        "Microsoft refuse de révéler les emails réclamés par la justice américaine"
    );
    assert!(
        a["published"]
            .as_str()
            .unwrap()
            .starts_with("2014-09-01T16:45")
    );
    assert_eq!(a["reading_time_minutes"], 4);
    assert_eq!(a["category"], "Droit");
    assert_eq!(a["declared_comments"], 33);
    assert!(a["lede"].as_str().unwrap().starts_with("Depuis cet été"));
    assert_eq!(a["headings"].as_array().unwrap().len(), 2);
    let comments = a["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 33);
    let empty = comments.iter().filter(|c| c["text"] == "").count();
    assert_eq!(empty, 11);
    for (i, c) in comments.iter().enumerate() {
        assert_eq!(c["id"], format!("{SEED_001}#c{}", i + 1));
        assert!(!c["text"].as_str().unwrap().contains("\" />"));
    }
    assert!(
        comments[0]["date"]
            .as_str()
            .unwrap()
            .starts_with("2014-09-01T18:02")
    );
    assert!(
        comments[32]["date"]
            .as_str()
            .unwrap()
            .starts_with("2014-09-02T19:06")
    );
    // The 18h41 comment keeps its URL and its English quote.
    let c = comments
        .iter()
        .find(|c| c["date"].as_str().unwrap().starts_with("2014-09-01T18:41"))
        .unwrap();
    assert!(
        c["text"]
            .as_str()
            .unwrap()
            .contains("http://www.windowsphone.com/")
    );
    assert!(
        c["text"]
            .as_str()
            .unwrap()
            .contains("As you use your Windows Phone")
    );

    let b = fx.json(&["show", SEED_000, "--json"]);
    assert_eq!(b["reading_time_minutes"], 3);
    assert_eq!(b["published"], Value::Null);
    assert_eq!(b["source"], "WSJ ainsi que le Document Cloud");
    assert_eq!(b["tags"].as_array().unwrap().len(), 7);
    assert_eq!(b["comments"].as_array().unwrap().len(), 0);
    let body = b["paragraphs"].to_string();
    assert!(!body.contains("divulgation") && !body.contains("Laissez un commentaire"));

    let one = fx.json(&["show", &format!("{SEED_001}#c33"), "--json"]);
    assert!(
        one["text"]
            .as_str()
            .unwrap()
            .ends_with("Tenez bon les gars.")
    );
}

#[test]
fn elision_finds_l_entreprise() {
    let fx = Fixture::new();
    let a = fx.json(&["show", SEED_001, "--json"]);
    let only_elided: Vec<String> = a["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            let t = c["text"].as_str().unwrap().to_lowercase();
            t.contains("l’entreprise") && !t.replace("l’entreprise", "").contains("entreprise")
        })
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!only_elided.is_empty());
    let ids = hit_ids(&fx.search(&["entreprise", "--kind", "comment"]));
    for id in &only_elided {
        assert!(ids.contains(id), "{id} not in {ids:?}");
    }
    assert!(
        highlighted(&fx.search(&["entreprise"]))
            .iter()
            .any(|w| w == "l’entreprise")
    );
    // qu’Apple → apple
    assert!(!hit_ids(&fx.search(&["apple"])).is_empty());
}

#[test]
fn stemming_joins_refuser_refuse_refus() {
    let fx = Fixture::new();
    let words: Vec<String> = highlighted(&fx.search(&["refuser"]))
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect();
    for form in ["refuse", "refus", "refuser"] {
        assert!(words.iter().any(|w| w == form), "{form} not in {words:?}");
    }
}

#[test]
fn accentless_queries_find_accented_words() {
    let fx = Fixture::new();
    for (query, surface) in [
        ("societe", "société"),
        ("etats-unis", "États"),
        ("donnees", "données"),
        ("americaine", "américaine"),
    ] {
        let words = highlighted(&fx.search(&[query]));
        assert!(
            words.iter().any(|w| w.contains(surface)),
            "{query}: {words:?}"
        );
    }
    // And the other way round.
    let words = highlighted(&fx.search(&["empêche"]));
    assert!(words.iter().any(|w| w.ends_with("empeche")), "{words:?}");
}

#[test]
fn english_passage_found_by_english_stem() {
    let fx = Fixture::new();
    let v = fx.search(&["customizing preference", "--lang", "en"]);
    let ids = hit_ids(&v);
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(ids[0].starts_with(&format!("{SEED_001}#c")));
    let words = highlighted(&v);
    assert!(words.contains(&"customized".to_string()), "{words:?}");
    assert!(words.contains(&"preferences".to_string()), "{words:?}");
    assert_eq!(v["hits"][0]["kind"], "comment");
}

#[test]
fn phrases_exclusion_or_and_filters() {
    let fx = Fixture::new();
    // The README's first command: words, a French stop word among them.
    let words = hit_ids(&fx.search(&["mandat de perquisition"]));
    assert!(words.contains(&SEED_000.to_string()) && words.contains(&SEED_001.to_string()));
    let v = fx.search(&["\"mandat de perquisition\""]);
    let ids = hit_ids(&v);
    assert!(ids.contains(&SEED_000.to_string()) && ids.contains(&SEED_001.to_string()));
    let ids = hit_ids(&fx.search(&["Preska -Loretta"]));
    assert!(!ids.iter().any(|i| i == SEED_001));
    // NOT is exclusion too, and an exclusion applies to every alternative of its group.
    assert_eq!(hit_ids(&fx.search(&["Preska NOT Loretta"])), ids);
    let either = hit_ids(&fx.search(&["Preska OR Snowden -Loretta"]));
    assert!(!either.is_empty());
    assert!(!either.iter().any(|i| i == SEED_001), "{either:?}");
    let ids = hit_ids(&fx.search(&["Snowden OR Gandalf"]));
    assert!(ids.contains(&SEED_000.to_string()));
    assert!(ids.iter().any(|i| i.starts_with(SEED_001)));
    let v = fx.search(&["Microsoft", "--kind", "comment", "--since", "2014-09-02"]);
    for h in v["hits"].as_array().unwrap() {
        assert_eq!(h["kind"], "comment");
        assert!(h["date"].as_str().unwrap() >= "2014-09-02");
    }
    let v = fx.search(&["Microsoft", "--until", "01/09/2014", "--article", SEED_001]);
    assert!(v["total"].as_u64().unwrap() > 0);
    // The same day written the ISO way is the same whole day.
    let iso = fx.search(&["Microsoft", "--until", "2014-09-01", "--article", SEED_001]);
    assert_eq!(hit_ids(&iso), hit_ids(&v));
    for h in v["hits"].as_array().unwrap() {
        assert!(h["date"].as_str().unwrap() < "2014-09-02");
        assert_eq!(h["article_id"], SEED_001);
    }
}

#[test]
fn search_json_has_the_documented_keys() {
    let fx = Fixture::new();
    let v = fx.search(&["juge"]);
    assert_eq!(v["query"], "juge");
    assert!(v["total"].as_u64().unwrap() >= 1);
    let h = &v["hits"][0];
    for k in [
        "id",
        "kind",
        "article_id",
        "title",
        "date",
        "lang",
        "score",
        "snippet",
    ] {
        assert!(h.get(k).is_some(), "missing {k}");
    }
    // The article whose title and headings say "Microsoft refuse" is among the best hits.
    let v = fx.search(&["refuse"]);
    let v = serde_json::json!({"hits": v["hits"].as_array().unwrap()[..5]});
    assert!(hit_ids(&v).contains(&SEED_001.to_string()), "{v}");
}

#[test]
fn query_syntax_errors_exit_2_and_apostrophes_never_fail() {
    let fx = Fixture::new();
    fx.cmd().args(["ingest"]).assert().success();
    for q in ["\"mandat de", "(juge", "juge )", "OR juge"] {
        let out = fx.cmd().args(["search", q]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{q}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{q}: {err}");
        assert!(err.contains("column"), "{err}");
    }
    for q in [
        "l'entreprise",
        "qu’Apple",
        "'",
        "’",
        "aujourd'hui",
        "l'",
        "d’",
    ] {
        fx.cmd().args(["search", q]).assert().success();
    }
    let out = fx
        .cmd()
        .args(["search", "--since", "yesterday", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A mistyped option is named as one, not read as a query.
    for cmd in ["search", "kwic"] {
        let out = fx.cmd().args([cmd, "--bogus"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("unknown option '--bogus'"), "{cmd}: {err}");
    }
}

#[test]
fn ingest_is_incremental() {
    let fx = Fixture::new();
    let first = fx.json(&["ingest", "--json"]);
    assert_eq!(first["added"], 2);
    assert_eq!(first["articles"], 2);
    assert_eq!(first["comments"], 33);
    for k in [
        "added",
        "updated",
        "unchanged",
        "removed",
        "skipped",
        "articles",
        "comments",
    ] {
        assert!(first.get(k).is_some(), "missing {k}");
    }
    let again = fx.json(&["ingest", "--json"]);
    assert_eq!(
        (again["unchanged"].as_u64(), again["added"].as_u64()),
        (Some(2), Some(0))
    );

    // Modify 001 (one more comment), delete 000, add a new page.
    let p001 = fx.path(&format!("corpus/{SEED_001}.txt"));
    let mut text = std::fs::read_to_string(&p001).unwrap();
    text.push_str("Le 03/09/2014 à 10h00\nUn zeppelin orange survole le tribunal.\n");
    std::fs::write(&p001, text).unwrap();
    std::fs::remove_file(fx.path(&format!("corpus/{SEED_000}.txt"))).unwrap();
    std::fs::create_dir(fx.path("corpus/sub")).unwrap();
    std::fs::write(
        fx.path("corpus/sub/new-page.txt"),
        "Les ornithorynques envahissent la capitale\nLe 1er mars 2014 à 9h30\n\nUn ornithorynque a été vu près de la Seine ce matin, selon plusieurs témoins.\n",
    )
    .unwrap();
    let v = fx.json(&["ingest", "--json"]);
    assert_eq!(v["added"], 1, "{v}");
    assert_eq!(v["updated"], 1, "{v}");
    assert_eq!(v["removed"], 1, "{v}");
    assert_eq!(v["unchanged"], 0, "{v}");
    assert_eq!(v["total_articles"], 2, "{v}");
    assert_eq!(v["total_comments"], 34, "{v}");
    assert_eq!(
        hit_ids(&fx.search(&["zeppelin"])),
        vec![format!("{SEED_001}#c34")]
    );
    assert_eq!(
        hit_ids(&fx.search(&["ornithorynque"])),
        vec!["sub/new-page".to_string()]
    );
    assert!(hit_ids(&fx.search(&["Snowden"])).is_empty());
    let n = fx.search(&["Microsoft", "--article", SEED_001, "--kind", "article"]);
    assert_eq!(n["total"], 1, "no duplicate of the updated article");

    let v = fx.json(&["ingest", "--rebuild", "--json"]);
    assert_eq!(v["added"], 2, "{v}");
    assert_eq!(v["total_comments"], 34, "{v}");
}

#[test]
fn reingest_trusts_untouched_files_and_sees_edits_that_keep_size_and_time() {
    let fx = Fixture::new();
    let feed = fx.path("corpus/feed.jsonl");
    std::fs::write(
        &feed,
        "{\"title\": \"Ligne un\", \"body\": \"Le ragondin nage.\"}\n{\"title\": \"cassée\", \n",
    )
    .unwrap();
    fx.json(&["ingest", "--json"]);
    let again = fx.json(&["ingest", "--json"]);
    assert_eq!(again["unchanged"], 3, "{again}");
    assert!(
        again["skipped"].to_string().contains("invalid JSON"),
        "{again}"
    );
    // Touched, same content: read and compared, unchanged, and what was noted about the file
    // is still reported, run after run.
    let p000 = fx.path(&format!("corpus/{SEED_000}.txt"));
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    let touch = |p: &std::path::Path| {
        std::fs::File::options()
            .append(true)
            .open(p)
            .unwrap()
            .set_modified(later)
            .unwrap()
    };
    touch(&p000);
    touch(&feed);
    for _ in 0..2 {
        let v = fx.json(&["ingest", "--json"]);
        assert_eq!(
            (v["unchanged"].as_u64(), v["updated"].as_u64()),
            (Some(3), Some(0)),
            "{v}"
        );
        assert_eq!(v["skipped"], again["skipped"], "{v}");
    }
    // The same number of bytes, the modification time put back: still seen as changed.
    let text = std::fs::read_to_string(&p000).unwrap();
    let edited = text.replacen("Microsoft", "Macrosoft", 1);
    assert_ne!(edited, text);
    std::fs::write(&p000, edited).unwrap();
    touch(&p000);
    let v = fx.json(&["ingest", "--json"]);
    assert_eq!(
        (v["updated"].as_u64(), v["unchanged"].as_u64()),
        (Some(1), Some(2)),
        "{v}"
    );
    assert_eq!(
        hit_ids(&fx.search(&["Macrosoft"])),
        vec![SEED_000.to_string()]
    );
}

#[test]
fn an_index_from_another_analyzer_version_asks_for_rebuild() {
    let fx = Fixture::new();
    fx.cmd().args(["ingest"]).assert().success();
    let meta_path = fx.path("index/meta.json");
    let mut meta: Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    let mut payload: Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    assert!(payload["analyzer"].as_u64().unwrap() >= 1);
    payload["analyzer"] = Value::from(999);
    meta["payload"] = Value::from(payload.to_string());
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    let out = fx.cmd().args(["search", "juge"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kiosque ingest --rebuild"), "{err}");
    let out = fx.cmd().args(["ingest"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rebuild"));
    let v = fx.json(&["ingest", "--rebuild", "--json"]);
    assert_eq!(v["articles"], 2);
    assert!(fx.search(&["juge"])["total"].as_u64().unwrap() > 0);
}

#[test]
fn json_lines_are_ingested_and_bad_lines_reported() {
    let fx = Fixture::new();
    std::fs::write(
        fx.path("corpus/feed.jsonl"),
        concat!(
            r#"{"id": "a1", "title": "Le juge des ornithorynques", "published": "1er mars 2014 à 9h30", "body": ["Un ornithorynque a été vu près de la Seine."], "declared_comments": 2, "comments": [{"date": "01/03/2014 10:02", "text": "Incroyable ornithorynque !"}, {"text": ""}]}"#,
            "\n",
            "{not json\n",
            r#"{"title": "Second article", "body": "Les castors construisent des barrages."}"#,
            "\n"
        ),
    )
    .unwrap();
    let v = fx.json(&["ingest", "--json"]);
    assert_eq!(v["added"], 3, "{v}");
    assert_eq!(v["articles"], 4, "{v}");
    assert_eq!(v["comments"], 35, "{v}");
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{v}");
    assert!(
        skipped[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("feed.jsonl:2"),
        "{v}"
    );
    let a = fx.json(&["show", "feed/a1", "--json"]);
    assert_eq!(a["published"], "2014-03-01T09:30:00");
    assert_eq!(a["comments"][1]["id"], "feed/a1#c2");
    assert_eq!(hit_ids(&fx.search(&["castor"])), vec!["feed/3".to_string()]);
    assert_eq!(
        hit_ids(&fx.search(&["ornithorynque", "--kind", "comment"])),
        vec!["feed/a1#c1".to_string()]
    );
}

#[test]
fn accents_either_way_for_words_whose_stems_differ() {
    // fold(stem("électricité")) is "electr" but stem(fold(…)) "electricit": the folded query
    // reaches the accented word through the index's alt → main pairs, words and phrases alike.
    let fx = Fixture::empty();
    std::fs::write(
        fx.path("corpus/reseau.jsonl"),
        concat!(
            r#"{"id": "a", "title": "Tarifs", "body": ["L'électricité publique coûte plus cher."]}"#,
            "\n",
            r#"{"id": "b", "title": "Electricite publique", "body": ["Sans accents ici."]}"#,
            "\n",
            r#"{"id": "c", "title": "Autre", "body": ["Le gaz, pas l'électricien."]}"#,
            "\n",
        ),
    )
    .unwrap();
    for q in [
        "électricité",
        "electricite",
        "ELECTRICITE",
        "\"électricité publique\"",
        "\"electricite publique\"",
    ] {
        let mut ids = hit_ids(&fx.search(&[q]));
        ids.sort();
        assert_eq!(ids, ["reseau/a", "reseau/b"], "{q}");
    }
    let words = highlighted(&fx.search(&["electricite"]));
    assert!(words.iter().any(|w| w == "L'électricité"), "{words:?}");
}

#[test]
fn dates_beyond_what_the_index_holds_are_refused_or_left_out() {
    let fx = Fixture::empty();
    std::fs::write(
        fx.path("corpus/far.jsonl"),
        concat!(
            r#"{"id": "far", "title": "Le castor du futur", "published": "9999-12-30", "body": "Un castor.", "comments": [{"date": "1000-01-01 10:00", "text": "Un castor ancien."}]}"#,
            "\n",
            r#"{"id": "near", "title": "Le castor d'aujourd'hui", "published": "2014-09-01", "body": "Un castor."}"#,
            "\n"
        ),
    )
    .unwrap();
    fx.json(&["ingest", "--json"]);
    // A date the index cannot hold is left out rather than wrapped round to another year.
    let v = fx.search(&["castor"]);
    for h in v["hits"].as_array().unwrap() {
        let date = h["date"].as_str().unwrap_or("");
        assert!(date.is_empty() || date.starts_with("2014"), "{h}");
    }
    assert_eq!(
        hit_ids(&fx.search(&["*", "--until", "1900"])),
        Vec::<String>::new()
    );
    // Out of range or malformed bounds: a usage error, never a crash.
    for bad in [
        ["--until", "9999-12-31"],
        ["--since", "9999-12-31"],
        ["--since", "1200"],
        ["--since", "2014-265"],
        ["--since", "257/09/2014"],
    ] {
        let out = fx
            .cmd()
            .args(["search", "castor"])
            .args(bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(bad[1]),
            "{bad:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn an_index_directory_may_hold_files_of_any_name() {
    let fx = Fixture::new();
    std::fs::create_dir(fx.path("idx")).unwrap();
    // Byte 32 of this name falls inside a character.
    let mine = fx.path("idx/aéééééééééééééééé.md");
    std::fs::write(&mine, "notes").unwrap();
    for args in [
        ["--index", "idx", "ingest"].as_slice(),
        &["--index", "idx", "ingest", "--rebuild"],
    ] {
        let out = fx.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(mine.exists());
    }
}

#[test]
fn kwic_width_is_bounded() {
    let fx = Fixture::new();
    let out = fx
        .cmd()
        .args(["kwic", "juge", "--width", "99999999999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0..=1000"));
    assert!(
        fx.stdout(&["kwic", "juge", "--width", "1000", "-n", "1"])
            .contains("[juge]")
    );
}

#[test]
fn invisible_and_control_characters_are_taken_out_of_pages() {
    let fx = Fixture::empty();
    std::fs::write(
        fx.path("corpus/odd.jsonl"),
        concat!(
            r#"{"id": "odd", "title": "Le gouverne\u00adment \u001b[2Jrépond", "body": "Le ministre\u00ad a parlé\u200b du budget \u001b]0;pwned\u0007ici.", "comments": [{"text": "Un commentaire \u009b31m rouge"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    fx.json(&["ingest", "--json"]);
    assert_eq!(
        hit_ids(&fx.search(&["gouvernement"])),
        vec!["odd/odd".to_string()]
    );
    assert_eq!(
        hit_ids(&fx.search(&["ministre"])),
        vec!["odd/odd".to_string()]
    );
    for args in [
        ["search", "budget"].as_slice(),
        &["kwic", "budget"],
        &["show", "odd/odd"],
        &["search", "rouge"],
    ] {
        let out = fx.stdout(args);
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{args:?}: {out:?}"
        );
    }
}

#[test]
fn a_line_of_standard_input_that_is_not_utf8_is_named_and_the_others_are_read() {
    let fx = Fixture::empty();
    for args in [["sentiment", "--stdin"], ["entities", "--stdin"]] {
        let out = fx
            .cmd()
            .args(args)
            .write_stdin(b"Microsoft est bon.\n\xff Google\nApple est mauvais.\n".to_vec())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.lines().count(), 3, "{args:?}: {stdout}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("standard input, line 2: not UTF-8"),
            "{args:?}"
        );
    }
}

#[test]
fn a_line_indexed_with_an_unread_date_is_a_note_not_a_skip() {
    let fx = Fixture::empty();
    std::fs::write(
        fx.path("corpus/f.jsonl"),
        concat!(
            r#"{"id": "a", "title": "Le castor", "published": "pas une date", "body": "Un castor."}"#,
            "\n{bad\n"
        ),
    )
    .unwrap();
    let v = fx.json(&["ingest", "--json"]);
    assert_eq!(v["articles"], 1, "{v}");
    let skipped = v["skipped"].as_array().unwrap();
    let notes = v["notes"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{v}");
    assert!(skipped[0]["path"].as_str().unwrap().ends_with("f.jsonl:2"));
    assert_eq!(notes.len(), 1, "{v}");
    assert!(notes[0]["path"].as_str().unwrap().ends_with("f.jsonl:1"));
    // Read again unchanged: the same, as recorded.
    let v = fx.json(&["ingest", "--json"]);
    assert_eq!(v["skipped"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["notes"].as_array().unwrap().len(), 1, "{v}");
}

#[test]
fn each_chain_finds_the_words_of_its_own_language() {
    // "ours", "but", "an" are English stop words but French words, "pour" the other way round;
    // an English stem ("nation" for "national") finds no French word.
    let fx = Fixture::empty();
    std::fs::write(
        fx.path("corpus/langues.jsonl"),
        concat!(
            r#"{"id": "ours", "title": "Faune", "body": ["L'ours polaire est menacé. Il y a un an, le but de Mbappé a surpris."]}"#,
            "\n",
            r#"{"id": "nations", "title": "Diplomatie", "body": ["Les Nations unies se réunissent cette semaine."]}"#,
            "\n",
            r#"{"id": "national", "title": "Politique", "body": ["Le parti national a présenté un programme."]}"#,
            "\n",
            r#"{"id": "english", "title": "Kitchen", "body": ["Pour the water into the pan and wait for the national anthem, but not for ours."]}"#,
            "\n",
        ),
    )
    .unwrap();
    for (q, expected) in [
        ("ours", vec!["langues/ours"]),
        ("but", vec!["langues/ours"]),
        ("an", vec!["langues/ours"]),
        ("pour", vec!["langues/english"]),
        ("national", vec!["langues/english", "langues/national"]),
        ("\"national anthem\"", vec!["langues/english"]),
        // Among other words, a stop word of either language is left out.
        ("ours polaire", vec!["langues/ours"]),
        ("wait for ours", vec!["langues/english"]),
    ] {
        let mut ids = hit_ids(&fx.search(&[q]));
        ids.sort();
        assert_eq!(ids, expected, "{q}");
    }
    // kwic finds a word alone where it is a content word and where it is a stop word.
    let out = fx.cmd().args(["kwic", "but", "--json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["occurrences"], 2, "{v}");
}

#[test]
fn a_rare_spelling_does_not_outrank_the_word_repeated() {
    // BM25's rarity is the word's, all its written forms together: a page with "juges" once
    // ranks below pages with "juge" twice.
    let fx = Fixture::empty();
    let mut lines = String::new();
    for i in 0..8 {
        lines.push_str(&format!(
            r#"{{"id": "common{i}", "title": "Audience", "body": ["Le juge a reçu le juge adjoint pour une audience."]}}"#
        ));
        lines.push('\n');
    }
    lines.push_str(r#"{"id": "rare", "title": "Audience", "body": ["Les juges ont reçu le greffier adjoint pour une audience."]}"#);
    lines.push('\n');
    for i in 0..20 {
        lines.push_str(&format!(
            r#"{{"id": "other{i}", "title": "Autre", "body": ["Rien à voir avec la justice ici."]}}"#
        ));
        lines.push('\n');
    }
    std::fs::write(fx.path("corpus/rang.jsonl"), lines).unwrap();
    let ids = hit_ids(&fx.search(&["juge"]));
    assert_eq!(ids.len(), 9, "{ids:?}");
    assert_eq!(ids.last().map(String::as_str), Some("rang/rare"), "{ids:?}");
}

#[test]
fn search_limit_zero_shows_every_match() {
    let fx = Fixture::new();
    // More matches than the default limit of 10.
    let all = fx.json(&["search", "--json", "--limit", "0", "Microsoft"]);
    let total = all["total"].as_u64().unwrap() as usize;
    assert!(total > 10, "{all}");
    assert_eq!(all["hits"].as_array().unwrap().len(), total, "{all}");
    // Best first, the same order as a large limit gives.
    let big = fx.json(&["search", "--json", "--limit", "100000", "Microsoft"]);
    assert_eq!(hit_ids(&all), hit_ids(&big));
    let text = fx.stdout(&["search", "-n", "0", "Microsoft"]);
    assert!(text.starts_with(&format!("{total} matches for ")), "{text}");
    assert!(!text.lines().next().unwrap().contains("shown"), "{text}");
    assert!(text.contains(&format!("\n{total:>2}. ")), "{text}");
    let help = fx.stdout(&["search", "--help"]);
    assert!(help.contains("0: all"), "{help}");
}

#[test]
fn dotted_acronyms_are_found_by_the_undotted_word_and_back() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "dots", "title": "Sanctions", "body": "The U.S.A. announced sanctions on Monday. Officials in the U.S. said more would follow."}"#,
        r#"{"id": "caps", "title": "Sanctions", "body": "Les USA ont annoncé des sanctions, les US en préparent d'autres."}"#,
    ]);
    let both = vec!["articles/caps".to_string(), "articles/dots".to_string()];
    for q in ["USA", "U.S.A.", "usa", "US", "U.S."] {
        let v = fx.search(&[q]);
        let mut ids = hit_ids(&v);
        ids.sort();
        assert_eq!(ids, both, "{q}");
    }
    // Highlights and concordances show the words as written.
    let marked = highlighted(&fx.search(&["USA"]));
    assert!(marked.contains(&"U.S.A".to_string()), "{marked:?}");
    assert!(marked.contains(&"USA".to_string()), "{marked:?}");
    let k = fx.json(&["kwic", "U.S.", "--json"]);
    let mut matched: Vec<&str> = k["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["match"].as_str().unwrap())
        .collect();
    matched.sort_unstable();
    assert_eq!(matched, ["U.S", "US"]);
}

#[test]
fn a_query_of_stop_words_says_why_nothing_is_found() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "ville", "title": "Conseil", "body": "Il parle de la ville et de la région."}"#,
    ]);
    for q in ["de la", "the", "de -ville"] {
        let out = fx.stdout(&["search", q]);
        assert!(out.starts_with("no match"), "{q}: {out}");
        assert!(out.contains("stop word"), "{q}: {out}");
        assert!(out.contains("kiosque kwic"), "{q}: {out}");
        assert!(fx.search(&[q])["note"].is_string(), "{q}");
    }
    // Quoted, stop words are searched as written.
    assert_eq!(
        hit_ids(&fx.search(&["\"de la\""])),
        vec!["articles/ville".to_string()]
    );
    assert_eq!(highlighted(&fx.search(&["\"de la\""])), ["de la", "de la"]);
    assert!(hit_ids(&fx.search(&["\"la de\""])).is_empty());
    // A query with a word to look for gives no note.
    let v = fx.search(&["de la campagne"]);
    assert!(hit_ids(&v).is_empty());
    assert!(v.get("note").is_none());
}

#[test]
fn a_phrase_does_not_cross_a_sentence_or_line_end() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "bang", "title": "Un", "body": "Il a parlé au juge! Perquisition demain matin."}"#,
        r#"{"id": "line", "title": "Deux", "body": ["Il demande un mandat", "perquisition demain."]}"#,
        r#"{"id": "phrase", "title": "Trois", "body": "Le mandat de perquisition est signé."}"#,
        r#"{"id": "other", "title": "Quatre", "body": "Un mandat sans perquisition, dit-il."}"#,
    ]);
    assert!(hit_ids(&fx.search(&["\"juge de perquisition\""])).is_empty());
    assert!(hit_ids(&fx.search(&["\"juge à perquisition\""])).is_empty());
    assert_eq!(
        hit_ids(&fx.search(&["\"mandat de perquisition\""])),
        vec!["articles/phrase".to_string()]
    );
    assert_eq!(
        hit_ids(&fx.search(&["\"mandat sans perquisition\""])),
        vec!["articles/other".to_string()]
    );
    // kwic agrees with search.
    let k = fx.json(&["kwic", "mandat de perquisition", "--json"]);
    assert_eq!(k["lines"].as_array().unwrap().len(), 1);
    assert_eq!(
        highlighted(&fx.search(&["\"mandat de perquisition\""])),
        ["mandat de perquisition"]
    );
}

#[test]
fn kwic_lang_finds_lines_of_that_language_in_documents_of_the_other() {
    let fx = Fixture::ingested_jsonl(&[
        r#"{"id": "mixed", "title": "The government is not telling the truth about the data", "body": "Le gouvernement a déclaré que la décision serait prise rapidement par les autorités compétentes, selon plusieurs sources proches du dossier."}"#,
    ]);
    let k = fx.json(&["kwic", "truth", "--lang", "en", "--json"]);
    let lines = k["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 1, "{k}");
    assert_eq!(lines[0]["part"], "title");
    let k = fx.json(&["kwic", "gouvernement", "--lang", "en", "--json"]);
    assert!(k["lines"].as_array().unwrap().is_empty(), "{k}");
    let k = fx.json(&["kwic", "gouvernement", "--lang", "fr", "--json"]);
    assert_eq!(k["lines"].as_array().unwrap().len(), 1, "{k}");
}
