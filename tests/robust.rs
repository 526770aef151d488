//! Messy input end to end: encodings, mojibake, HTML pages, standard input, every kind of bad
//! file (skipped with its reason while everything else is indexed, and reported again while the
//! file is unchanged), exit codes, and a damaged index. (A read-only, full or unreadable index
//! directory: `robust_index.rs`.) Fixtures are written at test time.

mod safety;

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use safety::{contents, encode, is_root, json_ok, kiosque, run, text_page, utf16};
use serde_json::Value;

/// The `show --json` of an id.
fn show(index: &Path, id: &str) -> Value {
    let mut c = kiosque(index);
    c.args(["show", id, "--json"]);
    json_ok(c)
}

fn search_ids(index: &Path, q: &str) -> Vec<String> {
    let mut c = kiosque(index);
    c.args(["search", q, "--json", "--limit", "1000"]);
    json_ok(c)["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

fn ingest_json(index: &Path, args: &[&str]) -> Value {
    let mut c = kiosque(index);
    c.arg("ingest").args(args).arg("--json");
    json_ok(c)
}

#[test]
fn encodings_are_decoded_and_the_summary_names_files_not_in_utf8() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let page = |w: &str| text_page(&format!("Le député {w} réclame l'été à Noël"), w);
    let files: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("utf8.txt", page("alpaga").into_bytes(), None),
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), page("bison").as_bytes()].concat(),
            None,
        ),
        ("le16.txt", utf16(&page("caribou"), true), Some("UTF-16LE")),
        (
            "be16.txt",
            utf16(&page("dromadaire"), false),
            Some("UTF-16BE"),
        ),
        (
            "cp1252.txt",
            encode(encoding_rs::WINDOWS_1252, &page("élan")),
            Some("windows-1252"),
        ),
        (
            // ISO-8859-1 agrees with Windows-1252 on French letters.
            "latin1.txt",
            encode(encoding_rs::ISO_8859_15, &page("fennec")),
            Some("windows-1252"),
        ),
        (
            "latin9.txt",
            encode(encoding_rs::ISO_8859_15, &page("gnou œuvre")),
            Some("ISO-8859-15"),
        ),
    ];
    for (name, bytes, _) in &files {
        fs::write(corpus.join(name), bytes).unwrap();
    }
    let index = t.path().join("index");
    let v = ingest_json(&index, &[corpus.to_str().unwrap()]);
    assert_eq!(v["added"], 7, "{v}");
    assert_eq!(v["skipped"].as_array().unwrap().len(), 0, "{v}");
    let not_utf8: BTreeSet<(String, String)> = v["not_utf8"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let p = k["path"].as_str().unwrap();
            let name = p.rsplit('/').next().unwrap().to_string();
            (name, k["reason"].as_str().unwrap().to_string())
        })
        .collect();
    let expected: BTreeSet<(String, String)> = files
        .iter()
        .filter_map(|(n, _, e)| e.map(|e| (n.to_string(), e.to_string())))
        .collect();
    assert_eq!(not_utf8, expected);
    for (name, word) in [
        ("utf8", "alpaga"),
        ("bom", "bison"),
        ("le16", "caribou"),
        ("be16", "dromadaire"),
        ("cp1252", "élan"),
        ("latin1", "fennec"),
        ("latin9", "gnou œuvre"),
    ] {
        let a = show(&index, name);
        assert_eq!(a["title"], format!("Le député {word} réclame l'été à Noël"));
        assert_eq!(a["comments"].as_array().unwrap().len(), 2, "{name}");
    }
    assert_eq!(search_ids(&index, "élan"), vec!["cp1252", "cp1252#c1"]);
    // The text summary says it too.
    let mut c = kiosque(&index);
    c.args(["ingest", "--rebuild"]).arg(&corpus);
    let out = String::from_utf8(run(c).stdout).unwrap();
    assert!(out.contains("le16.txt from UTF-16LE"), "{out}");
    assert!(out.contains("cp1252.txt from windows-1252"), "{out}");
}

#[test]
fn mojibake_is_repaired_and_counted() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let clean = text_page("L’été où la préfète a tout révélé", "hérisson");
    let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode(clean.as_bytes());
    assert!(garbled.contains("Ã©"));
    fs::write(corpus.join("moji.txt"), garbled.as_bytes()).unwrap();
    fs::write(
        corpus.join("clean.txt"),
        text_page("Titre propre", "castor"),
    )
    .unwrap();
    let index = t.path().join("index");
    let v = ingest_json(&index, &[corpus.to_str().unwrap()]);
    let m = v["mojibake"].as_array().unwrap();
    assert_eq!(m.len(), 1, "{v}");
    assert!(m[0]["path"].as_str().unwrap().ends_with("moji.txt"));
    let expected = clean.chars().filter(|c| !c.is_ascii()).count();
    assert_eq!(m[0]["sequences"].as_u64(), Some(expected as u64), "{v}");
    assert_eq!(
        v["not_utf8"].as_array().unwrap().len(),
        0,
        "it was UTF-8: {v}"
    );
    let a = show(&index, "moji");
    assert_eq!(a["title"], "L’été où la préfète a tout révélé");
    assert_eq!(
        search_ids(&index, "hérisson").len(),
        2,
        "article and comment"
    );
}

#[test]
fn html_pages_give_text_title_date_and_comments_without_scripts_or_navigation() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir_all(corpus.join("site")).unwrap();
    fs::write(
        corpus.join("site/page.html"),
        r#"<!doctype html><html><head><title>Les loutres reviennent | Journal</title>
<meta name="date" content="2015-03-04T09:30:00+01:00">
<script>var pangolin = 1;</script><style>.ocelot{}</style></head>
<body><nav><a href="/">Accueil</a> <a>Rubrique tatou</a></nav>
<article><h1>Les loutres reviennent dans la Loire</h1>
<p>Des loutres ont été observées près de Tours, selon les naturalistes.</p>
<h2>Un retour attendu</h2><p>Les associations saluent ce retour.</p></article>
<div id="comments"><h3>2 commentaires</h3>
<div class="comment"><span class="author">Luc</span><time datetime="2015-03-04T10:00">4 mars</time><p>Enfin des loutres !</p></div>
<div class="comment"><span class="author">Zoé</span><time datetime="2015-03-04T11:15">4 mars</time><p>Bonne nouvelle.</p></div>
</div><footer>Mentions légales du blaireau</footer></body></html>"#,
    )
    .unwrap();
    fs::write(
        corpus.join("site/old.htm"),
        "<html><body><p>Le 2 février 2010</p><p>Un texte ancien sur les hérons cendrés.</p></body></html>",
    )
    .unwrap();
    let index = t.path().join("index");
    let v = ingest_json(&index, &[corpus.to_str().unwrap()]);
    assert_eq!(
        (v["articles"].as_u64(), v["comments"].as_u64()),
        (Some(2), Some(2)),
        "{v}"
    );
    let a = show(&index, "site/page");
    assert_eq!(a["title"], "Les loutres reviennent dans la Loire");
    assert_eq!(a["published"], "2015-03-04T09:30:00");
    assert_eq!(a["headings"][0], "Un retour attendu");
    assert_eq!(a["declared_comments"], 2);
    let c = &a["comments"];
    assert_eq!(
        (c[0]["author"].as_str(), c[0]["text"].as_str()),
        (Some("Luc"), Some("Enfin des loutres !"))
    );
    assert_eq!(c[1]["date"], "2015-03-04T11:15:00");
    // The terminal view shows the authors too.
    let mut k = kiosque(&index);
    k.args(["show", "site/page"]);
    let out = String::from_utf8(run(k).stdout).unwrap();
    assert!(out.contains("by Luc") && out.contains("by Zoé"), "{out}");
    for gone in ["pangolin", "ocelot", "tatou", "blaireau", "Accueil"] {
        assert!(search_ids(&index, gone).is_empty(), "{gone} was indexed");
    }
    assert_eq!(search_ids(&index, "loutre").len(), 2);
    assert_eq!(show(&index, "site/old")["published"], "2010-02-02T00:00:00");
    assert_eq!(search_ids(&index, "héron"), vec!["site/old".to_string()]);
}

#[test]
fn a_page_from_standard_input_is_added_without_removing_the_others() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Premier titre", "mouflon")).unwrap();
    let index = t.path().join("index");
    ingest_json(&index, &[corpus.to_str().unwrap()]);
    let pipe = |args: &[&str], input: &[u8]| {
        let mut c = kiosque(&index);
        c.arg("ingest").args(args);
        let mut child = c
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    };
    // HTML, recognised by its content.
    let out = pipe(
        &["-", "--json"],
        b"<html><head><title>Le chamois de Savoie</title></head><body><p>Un chamois a \xc3\xa9t\xc3\xa9 vu.</p></body></html>",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["added"].as_u64(), v["removed"].as_u64()),
        (Some(1), Some(0)),
        "{v}"
    );
    assert_eq!(v["total_articles"], 2, "{v}");
    assert_eq!(show(&index, "stdin")["title"], "Le chamois de Savoie");
    // A text page under a name of its own; the same name again replaces it.
    for word in ["isard", "bouquetin"] {
        let out = pipe(
            &["-", "--stdin-name", "montagne/page.txt", "--json"],
            text_page("Dans les Alpes", word).as_bytes(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(search_ids(&index, "bouquetin").len(), 2);
    assert!(search_ids(&index, "isard").is_empty());
    assert_eq!(contents(&index).articles.len(), 3);
    // Standard input too big, empty.
    let out = pipe(&["-", "--max-file-size", "10", "--json"], &[b'x'; 100]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("over the limit"),
        "{v}"
    );
    let out = pipe(&["-", "--json"], b"");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["skipped"][0]["reason"], "empty file", "{v}");
    assert_eq!(contents(&index).articles.len(), 3);
    // A name taken by a corpus file is refused.
    let out = pipe(
        &[
            corpus.to_str().unwrap(),
            "-",
            "--stdin-name",
            "a.txt",
            "--json",
        ],
        b"Titre\nTexte.",
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("same name"),
        "{v}"
    );
    // With paths, the run mirrors them: the pages that came from standard input go.
    assert_eq!(v["removed"], 2, "{v}");
    assert_eq!(contents(&index).articles.len(), 1);
}

/// Writes a corpus with one of each bad input next to valid files; returns the expected
/// (file name, reason start) of the skips and the numbers of valid articles and comments.
fn bad_corpus(corpus: &Path) -> (BTreeSet<(String, String)>, usize, usize) {
    fs::create_dir_all(corpus.join("sub")).unwrap();
    let mut skips: BTreeSet<(String, String)> = BTreeSet::new();
    let mut skip = |name: &str, reason: &str| skips.insert((name.to_string(), reason.to_string()));
    // Valid: a text page, an HTML page, two good lines of a JSON Lines file.
    fs::write(
        corpus.join("good.txt"),
        text_page("Un bon article", "ragondin"),
    )
    .unwrap();
    fs::write(
        corpus.join("sub/good.html"),
        "<title>Page HTML valide</title><p>Un paragraphe sur le ragondin.</p>\
         <div class=comment><p>Un commentaire.</p></div>",
    )
    .unwrap();
    fs::write(
        corpus.join("feed.jsonl"),
        "{\"title\": \"Ligne un\", \"body\": \"Le ragondin nage.\"}\n\
         {\"title\": \"cassée\", \n\
         {\"title\": \"Ligne trois\", \"comments\": [{\"text\": \"Bien.\"}]}\n",
    )
    .unwrap();
    skip("feed.jsonl:2", "invalid JSON");
    fs::write(corpus.join("empty.txt"), "").unwrap();
    skip("empty.txt", "empty file");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    fs::write(corpus.join("image.txt"), png).unwrap();
    skip("image.txt", "binary file");
    fs::write(corpus.join("huge.txt"), "mot ".repeat(10_000)).unwrap();
    skip(
        "huge.txt",
        "file is 40000 bytes, over the limit of 20480 bytes",
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::{PermissionsExt, symlink};
        symlink(corpus.join("nowhere.txt"), corpus.join("broken.txt")).unwrap();
        skip("broken.txt", "broken symbolic link");
        symlink(corpus.join("sub"), corpus.join("sub/loop")).unwrap();
        skip("loop", "symbolic link loop");
        // Two links pointing at each other.
        symlink("cycle-b.txt", corpus.join("cycle-a.txt")).unwrap();
        symlink("cycle-a.txt", corpus.join("cycle-b.txt")).unwrap();
        skip("cycle-a.txt", "symbolic link loop");
        skip("cycle-b.txt", "symbolic link loop");
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        if fs::write(corpus.join(name), "Un titre\nUn texte.\n").is_ok() {
            skip("caf\u{FFFD}.txt", "path is not valid UTF-8");
        }
        if is_root() {
            // Permissions do not stop root: a file whose reading fails.
            symlink("/proc/self/mem", corpus.join("unreadable.txt")).unwrap();
        } else {
            fs::write(corpus.join("unreadable.txt"), "Titre\nTexte.\n").unwrap();
            fs::set_permissions(
                corpus.join("unreadable.txt"),
                fs::Permissions::from_mode(0o000),
            )
            .unwrap();
        }
        skip("unreadable.txt", "cannot read");
    }
    (skips, 4, 4)
}

fn skipped_set(v: &Value) -> BTreeSet<(String, String)> {
    v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let p = k["path"].as_str().unwrap();
            (
                p.rsplit('/').next().unwrap().to_string(),
                k["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn assert_skips(v: &Value, expected: &BTreeSet<(String, String)>) {
    let got = skipped_set(v);
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for (name, reason) in expected {
        assert!(
            got.iter()
                .any(|(n, r)| n == name && r.starts_with(reason.as_str())),
            "no skip of {name} for \"{reason}…\" in {got:#?}"
        );
    }
}

#[test]
fn bad_inputs_are_skipped_with_their_reason_and_nothing_valid_is_lost() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    let (skips, articles, comments) = bad_corpus(&corpus);
    let index = t.path().join("index");
    let mut c = kiosque(&index);
    c.arg("ingest")
        .arg(&corpus)
        .args(["--max-file-size", "20K", "--json"]);
    let out = run(c);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_skips(&v, &skips);
    // Every file seen is added or skipped (too large ones included); bad lines of a file
    // otherwise indexed are named `file:line`.
    let files_skipped = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            let p = s["path"].as_str().unwrap();
            !p.rsplit_once(':')
                .is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()))
        })
        .count() as u64;
    assert_eq!(
        v["seen"].as_u64(),
        Some(v["added"].as_u64().unwrap() + files_skipped),
        "{v}"
    );
    assert_eq!(v["total_articles"].as_u64(), Some(articles as u64), "{v}");
    assert_eq!(v["total_comments"].as_u64(), Some(comments as u64), "{v}");
    let all = contents(&index);
    let ids: BTreeSet<&str> = all.articles.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        BTreeSet::from(["good", "sub/good", "feed/1", "feed/3"]),
        "{all:?}"
    );
    // The text summary of the next run lists each skip with its reason again (the bad line of
    // the unchanged JSON Lines file as recorded when it was read).
    let mut c = kiosque(&index);
    c.arg("ingest")
        .arg(&corpus)
        .args(["--max-file-size", "20K"]);
    let out = String::from_utf8(run(c).stdout).unwrap();
    for (name, reason) in &skips {
        assert!(
            out.lines().any(|l| l.contains("skipped")
                && l.contains(name.as_str())
                && l.contains(reason.as_str())),
            "{name}: {reason} not in\n{out}"
        );
    }
    assert!(
        out.contains("feed.jsonl:2 (unchanged file): invalid JSON"),
        "{out}"
    );
    // --strict: the same ingest into a new index indexes everything valid, then exits with 1.
    let strict = t.path().join("strict");
    let mut c = kiosque(&strict);
    c.arg("ingest")
        .arg(&corpus)
        .args(["--max-file-size", "20K", "--strict"]);
    let out = run(c);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped (--strict)"));
    assert_eq!(contents(&strict), all);
    // Without skips, --strict exits with 0.
    let clean = t.path().join("clean");
    fs::create_dir(&clean).unwrap();
    fs::write(clean.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let mut c = kiosque(&t.path().join("clean-index"));
    c.arg("ingest").arg(&clean).arg("--strict");
    assert_eq!(run(c).status.code(), Some(0));
}

#[test]
fn a_skipped_file_keeps_what_the_index_had_for_it() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir_all(corpus.join("d")).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Article A", "lynx")).unwrap();
    fs::write(corpus.join("d/b.txt"), text_page("Article B", "genette")).unwrap();
    let index = t.path().join("index");
    ingest_json(&index, &[corpus.to_str().unwrap()]);
    let before = contents(&index);
    // a.txt grows over the limit, then turns binary: skipped, kept.
    fs::write(corpus.join("a.txt"), "x".repeat(5000)).unwrap();
    let v = ingest_json(&index, &[corpus.to_str().unwrap(), "--max-file-size", "1K"]);
    assert_eq!(
        (
            v["removed"].as_u64(),
            v["skipped"].as_array().unwrap().len()
        ),
        (Some(0), 1),
        "{v}"
    );
    fs::write(corpus.join("a.txt"), b"\0\0\0\0binary").unwrap();
    let v = ingest_json(&index, &[corpus.to_str().unwrap()]);
    assert_eq!(v["skipped"][0]["reason"], "binary file (NUL bytes)", "{v}");
    assert_eq!(contents(&index), before);
    assert_eq!(search_ids(&index, "lynx").len(), 2);
    // A root that is a broken link, or a link to itself: nothing is removed as gone.
    #[cfg(unix)]
    {
        let link = t.path().join("link");
        std::os::unix::fs::symlink(t.path().join("nowhere"), &link).unwrap();
        let self_link = t.path().join("self");
        std::os::unix::fs::symlink("self", &self_link).unwrap();
        for (root, reason) in [
            (&link, "broken symbolic link"),
            (&self_link, "symbolic link loop"),
        ] {
            let v = ingest_json(&index, &[root.to_str().unwrap()]);
            assert_eq!(v["removed"], 0, "{v}");
            assert_eq!(v["skipped"][0]["reason"], reason, "{v}");
            assert_eq!(contents(&index), before);
        }
    }
}

#[test]
fn usage_errors_exit_with_2_and_touch_nothing() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let index = t.path().join("index");
    let c = corpus.to_str().unwrap();
    for args in [
        vec!["ingest", c, "--max-file-size", "lots"],
        vec!["ingest", c, "--no-such-flag"],
        vec!["ingest", "-", "-"],
        vec!["ingest", c, "--stdin-name", "x.html"],
        vec!["ingest", "-", "--stdin-name", "../x.html"],
        vec!["ingest", "-", "--rebuild"],
        vec!["ingest", c, "no/such/dir"],
    ] {
        let mut k = kiosque(&index);
        k.args(&args);
        let out = run(k);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert!(!index.exists(), "{args:?} created the index");
    }
    let mut k = kiosque(&index);
    k.args(["ingest", c, "nowhere"]);
    let err = String::from_utf8(run(k).stderr).unwrap();
    assert!(err.contains("nowhere: no such file or directory"), "{err}");
}

#[test]
fn a_damaged_index_gives_a_clear_error_and_rebuild_repairs_it() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let index = t.path().join("index");
    ingest_json(&index, &[corpus.to_str().unwrap()]);
    fs::write(index.join("meta.json"), "{ not json").unwrap();
    for args in [
        vec!["search", "gerboise"],
        vec!["ingest", corpus.to_str().unwrap()],
    ] {
        let mut k = kiosque(&index);
        k.args(&args);
        let out = run(k);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("panicked") && err.starts_with("kiosque: "),
            "{err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    let v = ingest_json(&index, &[corpus.to_str().unwrap(), "--rebuild"]);
    assert_eq!(v["total_articles"], 1, "{v}");
    assert_eq!(search_ids(&index, "gerboise").len(), 2);
}

/// The (path, reason) of the entries of a summary list, and whether each is marked unchanged.
fn entries(v: &Value, list: &str, what: &str) -> BTreeSet<(String, String, bool)> {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let p = k["path"].as_str().unwrap();
            (
                p.rsplit('/').next().unwrap().to_string(),
                k[what].to_string(),
                k["unchanged"] == true,
            )
        })
        .collect()
}

#[test]
fn what_was_skipped_or_decoded_in_an_unchanged_file_is_reported_on_every_ingest() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let line =
        |n: u32| format!("{{\"title\": \"Ligne {n}\", \"body\": \"Le putois numéro {n}.\"}}\n");
    let feed = |bad: &[u32]| {
        (1..=4)
            .map(|n| {
                if bad.contains(&n) {
                    format!("{{\"title\": \"cassée {n}\n")
                } else {
                    line(n)
                }
            })
            .collect::<String>()
    };
    fs::write(corpus.join("feed.jsonl"), feed(&[2, 4])).unwrap();
    fs::write(
        corpus.join("latin.txt"),
        encode(
            encoding_rs::WINDOWS_1252,
            &text_page("Un député à Noël", "zibeline"),
        ),
    )
    .unwrap();
    let clean = text_page("L’été où la préfète a tout révélé", "hermine");
    let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode(clean.as_bytes());
    fs::write(corpus.join("moji.txt"), garbled.as_bytes()).unwrap();
    let sequences = clean.chars().filter(|c| !c.is_ascii()).count();
    let index = t.path().join("index");
    let c = corpus.to_str().unwrap();
    let first = ingest_json(&index, &[c]);
    let bad_line = "invalid JSON: EOF while parsing a string at line 1 column 20; line dropped";
    let expected = |unchanged: bool| {
        (
            BTreeSet::from([
                (
                    "feed.jsonl:2".to_string(),
                    format!("\"{bad_line}\""),
                    unchanged,
                ),
                (
                    "feed.jsonl:4".to_string(),
                    format!("\"{bad_line}\""),
                    unchanged,
                ),
            ]),
            BTreeSet::from([(
                "latin.txt".to_string(),
                "\"windows-1252\"".to_string(),
                unchanged,
            )]),
            BTreeSet::from([("moji.txt".to_string(), sequences.to_string(), unchanged)]),
        )
    };
    let seen = |v: &Value| {
        (
            entries(v, "skipped", "reason"),
            entries(v, "not_utf8", "reason"),
            entries(v, "mojibake", "sequences"),
        )
    };
    assert_eq!(seen(&first), expected(false), "{first}");
    let all = contents(&index);
    assert_eq!(all.articles.len(), 4, "{all:?}");
    // Nothing changed: the files are not read again, and the summary says the same, marked.
    let again = ingest_json(&index, &[c]);
    assert_eq!(
        (again["unchanged"].as_u64(), again["added"].as_u64()),
        (Some(3), Some(0)),
        "{again}"
    );
    assert_eq!(seen(&again), expected(true), "{again}");
    let mut k = kiosque(&index);
    k.arg("ingest").arg(&corpus);
    let out = String::from_utf8(run(k).stdout).unwrap();
    for l in [
        format!("feed.jsonl:2 (unchanged file): {bad_line}"),
        format!("feed.jsonl:4 (unchanged file): {bad_line}"),
        "latin.txt from windows-1252 (unchanged file)".to_string(),
        format!("repaired {sequences} mojibake sequences (such as \"Ã©\" for \"é\") in "),
    ] {
        assert!(out.contains(&l), "{l} not in\n{out}");
    }
    assert!(out.contains("moji.txt (unchanged file)"), "{out}");
    assert!(
        out.starts_with(
            "3 files seen: 0 added, 0 updated, 3 unchanged, 0 removed, 0 skipped (and 2 lines of files)"
        ),
        "{out}"
    );
    // --strict still fails on them: those lines are still not in the index.
    let mut k = kiosque(&index);
    k.args(["ingest", "--strict"]).arg(&corpus);
    assert_eq!(run(k).status.code(), Some(1));
    assert_eq!(contents(&index), all);
    // Line 2 repaired, line 4 still bad: the file is read again, and only line 4 is reported,
    // on this run and the next.
    fs::write(corpus.join("feed.jsonl"), feed(&[4])).unwrap();
    let v = ingest_json(&index, &[c]);
    assert_eq!(v["updated"], 1, "{v}");
    let skipped = |unchanged: bool| {
        BTreeSet::from([(
            "feed.jsonl:4".to_string(),
            format!("\"{bad_line}\""),
            unchanged,
        )])
    };
    assert_eq!(entries(&v, "skipped", "reason"), skipped(false), "{v}");
    assert_eq!(search_ids(&index, "putois").len(), 3);
    let v = ingest_json(&index, &[c]);
    assert_eq!(entries(&v, "skipped", "reason"), skipped(true), "{v}");
    // All lines valid: nothing is reported any more.
    fs::write(corpus.join("feed.jsonl"), feed(&[])).unwrap();
    for _ in 0..2 {
        let v = ingest_json(&index, &[c]);
        assert!(v["skipped"].as_array().unwrap().is_empty(), "{v}");
        assert_eq!(v["not_utf8"].as_array().unwrap().len(), 1, "{v}");
    }
    // A rebuild reads everything again: nothing is marked unchanged.
    let v = ingest_json(&index, &[c, "--rebuild"]);
    assert_eq!(
        (
            entries(&v, "not_utf8", "reason"),
            entries(&v, "mojibake", "sequences")
        ),
        (expected(false).1, expected(false).2),
        "{v}"
    );
    assert_eq!(search_ids(&index, "putois").len(), 4);
}

#[test]
fn comment_text_whose_stamps_are_not_recognised_is_indexed_with_a_note() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    // A thread whose author/date lines have a layout the parser does not know.
    fs::write(
        corpus.join("fil.txt"),
        "Le conseil municipal vote le budget des ornithorynques\n\
         Le budget a été adopté par vingt-trois voix contre douze, après quatre heures de débat.\n\
         Commentaires (2)\n\
         Jean Dupont — il y a 3 heures\n\
         Un budget digne des wombats, vraiment.\n\
         Marie — il y a 2 heures\n\
         Les quokkas approuvent.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("autre.txt"),
        text_page("Un autre article", "hermine"),
    )
    .unwrap();
    let index = t.path().join("index");
    let v = ingest_json(&index, &[corpus.to_str().unwrap()]);
    // One comment for the unrecognised thread, two for the other page.
    assert_eq!(v["comments"], 3, "{v}");
    assert!(v["skipped"].as_array().unwrap().is_empty(), "{v}");
    let notes = v["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{v}");
    assert!(
        notes[0]["path"].as_str().unwrap().ends_with("fil.txt:4"),
        "{v}"
    );
    let reason = notes[0]["reason"].as_str().unwrap();
    assert!(reason.contains("4 lines from line 4 to 7"), "{reason}");
    assert!(reason.contains("kept as comment #c1"), "{reason}");
    // The text reached the index, as a comment of the article.
    assert_eq!(search_ids(&index, "wombats"), vec!["fil#c1".to_string()]);
    assert_eq!(search_ids(&index, "quokkas"), vec!["fil#c1".to_string()]);
    let c = show(&index, "fil#c1");
    assert_eq!(c["date"], Value::Null, "{c}");
    // The terminal summary names the file and line, on this run and while the file is unchanged.
    let mut k = kiosque(&index);
    k.arg("ingest").arg(&corpus);
    let out = String::from_utf8(run(k).stdout).unwrap();
    assert!(
        out.contains("fil.txt:4 (unchanged file): comment text"),
        "{out}"
    );
}

#[test]
fn a_page_of_boilerplate_alone_is_skipped_and_a_page_without_title_is_named_after_its_file() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(
        corpus.join("menu.txt"),
        "Abonnez-vous\nSe connecter\nPartager\nTemps de lecture : 3 min\n\nLaissez un commentaire\n",
    )
    .unwrap();
    fs::write(
        corpus.join("sans-titre.html"),
        "<html><body><nav>Accueil</nav><div class=\"comment\"><span class=\"author\">Jean\
         </span> Le 01/09/2014 à 18h02 Le tamanoir est passé par ici.</div></body></html>",
    )
    .unwrap();
    fs::write(
        corpus.join("bon.txt"),
        text_page("Un bon article", "hermine"),
    )
    .unwrap();
    let index = t.path().join("index");
    let v = ingest_json(&index, &[corpus.to_str().unwrap()]);
    // Nothing but navigation and a comment: the comment is kept, the page named after its file.
    assert_eq!(
        (v["articles"].as_u64(), v["comments"].as_u64()),
        (Some(2), Some(3)),
        "{v}"
    );
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{v}");
    assert!(
        skipped[0]["path"].as_str().unwrap().ends_with("menu.txt"),
        "{v}"
    );
    assert!(
        skipped[0]["reason"].as_str().unwrap().starts_with(
            "nothing to index: no title, text or comment once boilerplate is left out"
        ),
        "{v}"
    );
    let notes = v["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{v}");
    assert!(
        notes[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("sans-titre.html"),
        "{v}"
    );
    assert!(
        notes[0]["reason"]
            .as_str()
            .unwrap()
            .contains("titled after the file name \"sans-titre\""),
        "{v}"
    );
    let a = show(&index, "sans-titre");
    assert_eq!(a["title"], "sans-titre", "{a}");
    assert_eq!(
        search_ids(&index, "tamanoir"),
        vec!["sans-titre#c1".to_string()]
    );
    // No article of the index has an empty title.
    let mut c = kiosque(&index);
    c.args(["search", "*", "--kind", "article", "--json", "--limit", "0"]);
    let hits = json_ok(c);
    let titles: Vec<&str> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 2, "{hits}");
    assert!(titles.iter().all(|t| !t.is_empty()), "{hits}");
}

#[test]
fn a_json_lines_record_and_a_page_with_one_id_keep_the_first_and_name_both_files() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir_all(corpus.join("a")).unwrap();
    // Record "a1" of press.jsonl is "press/a1", as is the page press/a1.txt.
    fs::write(
        corpus.join("press.jsonl"),
        concat!(
            r#"{"id": "a1", "title": "Le record du pangolin", "body": "Un pangolin dans le flux."}"#,
            "\n",
            r#"{"id": "a2", "title": "Le record du fennec", "body": "Un fennec dans le flux."}"#,
            "\n"
        ),
    )
    .unwrap();
    // Two JSON Lines files: a.jsonl "b/c" and a/b.jsonl "c" are both "a/b/c".
    fs::write(
        corpus.join("a.jsonl"),
        "{\"id\": \"b/c\", \"title\": \"Le premier okapi\", \"body\": \"Un okapi.\"}\n",
    )
    .unwrap();
    fs::write(
        corpus.join("a/b.jsonl"),
        "{\"id\": \"c\", \"title\": \"Le second okapi\", \"body\": \"Un autre okapi.\"}\n",
    )
    .unwrap();
    let index = t.path().join("index");
    let c = corpus.to_str().unwrap();
    // First the feeds alone: every record is indexed but the second "a/b/c".
    let v = ingest_json(&index, &[c]);
    let skipped = skipped_set(&v);
    assert_eq!(skipped.len(), 1, "{v}");
    let (path, reason) = skipped.iter().next().unwrap();
    assert!(path.ends_with("a.jsonl:1"), "{v}");
    assert!(
        reason.starts_with("same article id \"a/b/c\" as ") && reason.contains("b.jsonl:1"),
        "{v}"
    );
    assert_eq!(show(&index, "a/b/c")["title"], "Le second okapi");
    assert_eq!(search_ids(&index, "pangolin"), vec!["press/a1".to_string()]);
    // A page of the same id comes first (the directory press/ before press.jsonl): the record
    // is taken out of the index, with a reason naming both files.
    fs::create_dir(corpus.join("press")).unwrap();
    fs::write(
        corpus.join("press/a1.txt"),
        text_page("La page du pangolin", "tatou"),
    )
    .unwrap();
    let v = ingest_json(&index, &[c]);
    let skipped = skipped_set(&v);
    let record = skipped
        .iter()
        .find(|(p, _)| p.ends_with("press.jsonl:1"))
        .unwrap_or_else(|| panic!("{v}"));
    assert!(
        record.1.starts_with("same article id \"press/a1\" as ") && record.1.contains("a1.txt"),
        "{v}"
    );
    assert_eq!(show(&index, "press/a1")["title"], "La page du pangolin");
    assert_eq!(
        search_ids(&index, "tatou").len(),
        2,
        "the page and its first comment"
    );
    assert!(search_ids(&index, "flux").contains(&"press/a2".to_string()));
    assert!(!search_ids(&index, "flux").contains(&"press/a1".to_string()));
    let all = contents(&index);
    assert_eq!(all.articles.len(), 3, "{all:?}");
    // Unchanged: said again, nothing moves.
    let v = ingest_json(&index, &[c]);
    assert_eq!(skipped_set(&v).len(), 2, "{v}");
    assert_eq!(contents(&index), all);
    // The page gone: the record is back.
    fs::remove_file(corpus.join("press/a1.txt")).unwrap();
    let v = ingest_json(&index, &[c]);
    assert_eq!(skipped_set(&v).len(), 1, "{v}");
    assert_eq!(show(&index, "press/a1")["title"], "Le record du pangolin");
    // A page read from standard input after the feed loses to its record.
    // `ingest ARGS… -` with a page of the fennec on standard input.
    let ingest_fennec = |args: &[&str]| -> Value {
        let mut k = kiosque(&index);
        k.arg("ingest")
            .args(args)
            .args(["-", "--stdin-name", "press/a2.txt", "--json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        let mut child = k.spawn().unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text_page("Une page du fennec", "zorille").as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let v = ingest_fennec(&[c]);
    let skipped = skipped_set(&v);
    assert!(
        skipped.iter().any(|(p, r)| p == "-"
            && r.starts_with("same id \"press/a2\" as the record at ")
            && r.contains("press.jsonl:2")),
        "{v}"
    );
    assert!(search_ids(&index, "zorille").is_empty());
    assert_eq!(show(&index, "press/a2")["title"], "Le record du fennec");
    // Standard input alone: the index is what came first.
    let v = ingest_fennec(&[]);
    assert_eq!(
        skipped_set(&v),
        BTreeSet::from([(
            "-".to_string(),
            "same id \"press/a2\" as press.jsonl, already in the index: rename one".to_string()
        )]),
        "{v}"
    );
    assert!(search_ids(&index, "zorille").is_empty());
    assert_eq!(show(&index, "press/a2")["title"], "Le record du fennec");
}

/// Runs a command to its end and gives its output and its peak resident memory in kB.
// (The child is collected by `wait4`, which gives its resource usage, not by `wait`.)
#[allow(clippy::zombie_processes)]
fn with_peak_rss(mut c: std::process::Command) -> (std::process::Output, i64) {
    use std::io::Read;
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the pipes while the command runs, then collect it with its resource usage.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut o = Vec::new();
        out.read_to_end(&mut o).unwrap();
        o
    });
    let mut e = Vec::new();
    err.read_to_end(&mut e).unwrap();
    let stdout = reader.join().unwrap();
    let mut status = 0;
    // SAFETY: wait4 on our own child's pid, with valid out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    let output = std::process::Output {
        status: std::os::unix::process::ExitStatusExt::from_raw(status),
        stdout,
        stderr: e,
    };
    (output, usage.ru_maxrss)
}

#[test]
fn search_and_kwic_in_a_huge_page_take_no_more_memory_than_showing_it() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    // One page of 16 MB, lines of prose, the word searched for near its end.
    let words = [
        "le",
        "juge",
        "fédéral",
        "a",
        "refusé",
        "la",
        "demande",
        "du",
        "gouvernement",
        "américain",
        "concernant",
        "les",
        "courriels",
        "stockés",
        "en",
        "Irlande",
        "par",
        "Microsoft",
        "depuis",
        "cet",
        "été",
        "mandat",
        "de",
        "perquisition",
        "devant",
        "cour",
    ];
    let mut page = String::from("Un très long dossier sur les serveurs\n\n");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while page.len() < 16 << 20 {
        for _ in 0..80 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            page.push_str(words[(x % words.len() as u64) as usize]);
            page.push(' ');
        }
        page.push_str("fin.\n");
    }
    page.push_str("Le tamanoir est passé par là.\n");
    fs::write(corpus.join("huge.txt"), &page).unwrap();
    drop(page);
    let index = t.path().join("index");
    let mut c = kiosque(&index);
    c.args(["ingest", "--max-file-size", "100M"]).arg(&corpus);
    assert!(run(c).status.success());
    // Showing the page reads its stored text; the snippet must not cost much more than that
    // (analysing the whole text at once cost about 9 bytes per byte of text: 3 times as much).
    let mut c = kiosque(&index);
    c.args(["show", "huge", "--json"]);
    let (out, shown) = with_peak_rss(c);
    assert!(out.status.success());
    let mut c = kiosque(&index);
    c.args(["search", "tamanoir", "--json"]);
    let (out, searched) = with_peak_rss(c);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let snippet = v["hits"][0]["snippet"].as_str().unwrap();
    assert!(
        snippet.ends_with(" fin. Le tamanoir est passé par là."),
        "{v}"
    );
    let (a, b) = (
        v["hits"][0]["highlights"][0][0].as_u64().unwrap() as usize,
        v["hits"][0]["highlights"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&snippet[a..b], "tamanoir", "{v}");
    assert!(
        searched < shown + 40_000,
        "search peaked at {searched} kB, show at {shown} kB"
    );
    // The concordance reads the text piece by piece too.
    let mut c = kiosque(&index);
    c.args(["kwic", "tamanoir", "--json", "--width", "20"]);
    let (out, concordance) = with_peak_rss(c);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lines"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["lines"][0]["right"], "est passé par là.", "{v}");
    assert!(
        concordance < shown + 40_000,
        "kwic peaked at {concordance} kB, show at {shown} kB"
    );
}

#[test]
fn a_corpus_grown_a_page_at_a_time_learns_the_footers_a_rebuild_learns() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir_all(corpus.join("site")).unwrap();
    let index = t.path().join("index");
    let c = corpus.to_str().unwrap();
    let footer = "Retrouvez toute l'actualité du Petit Journal des ornithorynques";
    let words = [
        "gerboise", "furet", "belette", "hermine", "zibeline", "putois",
    ];
    let mut runs = Vec::new();
    for (i, w) in words.iter().enumerate() {
        fs::write(
            corpus.join(format!("site/p{i}.txt")),
            format!("{}{footer}\n", text_page(&format!("Le titre du {w}"), w)),
        )
        .unwrap();
        runs.push(ingest_json(&index, &[c]));
    }
    // The fourth page makes the footer a repeated line: the three pages indexed before are
    // read again without it.
    assert_eq!(runs[3]["relearned"], 3, "{}", runs[3]);
    assert_eq!(runs[3]["unchanged"], 0, "{}", runs[3]);
    assert_eq!(runs[4].get("relearned"), None, "{}", runs[4]);
    assert_eq!(runs[4]["unchanged"], 4, "{}", runs[4]);
    assert!(search_ids(&index, "ornithorynques").is_empty());
    // What a rebuild gives.
    let rebuilt = t.path().join("rebuilt");
    ingest_json(&rebuilt, &[c, "--rebuild"]);
    assert!(search_ids(&rebuilt, "ornithorynques").is_empty());
    assert_eq!(contents(&index), contents(&rebuilt));
    for i in 0..words.len() {
        let id = format!("site/p{i}");
        assert_eq!(show(&index, &id), show(&rebuilt, &id), "{id}");
    }
    let mut k = kiosque(&index);
    k.arg("ingest").arg(&corpus);
    let out = String::from_utf8(run(k).stdout).unwrap();
    assert!(
        out.starts_with("6 files seen: 0 added, 0 updated, 6 unchanged"),
        "{out}"
    );
}

#[test]
fn a_run_that_finds_nothing_does_not_empty_the_index() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), "Titre\n\nUn lynx en forêt.\n").unwrap();
    let index = t.path().join("index");
    ingest_json(&index, &[corpus.to_str().unwrap()]);
    let before = contents(&index);
    let empty = t.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let mut k = kiosque(&index);
    k.arg("ingest").arg(&empty);
    let out = run(k);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no page found under") && err.contains("--rebuild"),
        "{err}"
    );
    assert_eq!(contents(&index), before);
    // Asked for, with --rebuild, the index is emptied.
    let v = ingest_json(&index, &["--rebuild", empty.to_str().unwrap()]);
    assert_eq!(v["total_articles"], 0, "{v}");
}
