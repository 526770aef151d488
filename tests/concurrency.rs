//! An ingest running while others use the index: `search` and `show` see the last commit (whole
//! pages, never fewer than before), a second ingest is refused at once and harms nothing.

mod safety;
mod support;

use std::process::Stdio;
use std::time::{Duration, Instant};

use safety::{assert_whole_pages, contents, json_ok, kiosque, manifest_counts, run};

#[test]
fn searches_see_the_last_commit_and_a_second_ingest_is_refused_at_once() {
    let t = tempfile::tempdir().unwrap();
    let (pages, manifest) = support::generate_corpus(t.path());
    let expected = manifest_counts(&manifest);
    let index = t.path().join("index");

    let mut c = kiosque(&index);
    c.arg("ingest")
        .arg(&pages)
        .args(["--batch-size", "8K", "--json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut first = c.spawn().expect("spawn ingest");
    let started = Instant::now();
    while !index.join("meta.json").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no index created"
        );
        std::thread::sleep(Duration::from_millis(2));
    }

    // A second ingest, plain or rebuilding, is refused at once.
    for extra in [&[][..], &["--rebuild"][..]] {
        let asked = Instant::now();
        let mut c = kiosque(&index);
        c.arg("ingest").arg(&pages).args(extra);
        let out = run(c);
        let waited = asked.elapsed();
        assert_eq!(out.status.code(), Some(1), "{extra:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("another process is writing the index"),
            "{extra:?}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(waited < Duration::from_secs(5), "refusal took {waited:?}");
    }
    assert!(
        first.try_wait().unwrap().is_none(),
        "the first ingest ended before the refusals were checked: make its corpus bigger"
    );

    // Searches while it runs: whole pages, never fewer than the search before.
    let mut seen = Vec::new();
    while first.try_wait().unwrap().is_none() {
        let c = contents(&index);
        assert_whole_pages(&c, &expected);
        seen.push(c.articles.len());
        // `show` reads the same commit.
        if let Some((id, comments)) = c.articles.iter().next_back() {
            let mut k = kiosque(&index);
            k.args(["show", id, "--json"]);
            let a = json_ok(k);
            assert_eq!(
                a["comments"].as_array().unwrap().len(),
                comments.len(),
                "{id}"
            );
        }
    }
    let out = first.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(
        seen.iter().any(|&n| n > 0 && n < expected.len()),
        "no search saw an intermediate commit: {seen:?}"
    );
    // After it: everything, once; the refused rebuild wiped nothing.
    let c = contents(&index);
    assert_eq!(c.articles.len(), expected.len());
    assert_whole_pages(&c, &expected);
    let mut k = kiosque(&index);
    k.arg("ingest").arg(&pages).arg("--json");
    assert_eq!(
        json_ok(k)["unchanged"].as_u64(),
        Some(expected.len() as u64)
    );
}
