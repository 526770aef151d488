//! SIGKILL an ingest of a generated corpus at several moments: each time the index must open,
//! answer searches and hold whole pages only (every article with all its comments, nothing
//! twice); the next ingest must finish the job with no duplicate and no lost document.

mod safety;
mod support;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use safety::{assert_whole_pages, contents, json_ok, kiosque, manifest_counts};

/// When to kill.
#[derive(Debug, Clone, Copy)]
enum At {
    /// This long after the start.
    Delay(u64),
    /// Right after the index's n-th commit seen by this run.
    Commit(usize),
}

/// Starts an ingest that commits every 16 KB of input.
fn start(index: &Path, pages: &Path, extra: &[&str]) -> Child {
    let mut c = kiosque(index);
    c.arg("ingest")
        .arg(pages)
        .args(["--batch-size", "16K", "--json"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c.spawn().expect("spawn kiosque ingest")
}

/// Waits for the kill point and sends SIGKILL; true when the ingest was still running.
fn kill_at(child: &mut Child, index: &Path, at: At) -> bool {
    let started = Instant::now();
    let mut last = std::fs::read(index.join("meta.json")).ok();
    let mut commits = 0;
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            return false;
        }
        let due = match at {
            At::Delay(ms) => started.elapsed() >= Duration::from_millis(ms),
            At::Commit(n) => {
                let now = std::fs::read(index.join("meta.json")).ok();
                if now.is_some() && now != last {
                    commits += 1;
                    last = now;
                }
                commits >= n
            }
        };
        if due {
            let running = child.try_wait().expect("try_wait").is_none();
            child.kill().expect("SIGKILL");
            child.wait().expect("wait");
            return running;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "ingest neither finished nor reached {at:?}"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn sigkill_at_any_moment_loses_nothing_and_the_next_ingest_finishes_the_job() {
    let t = tempfile::tempdir().unwrap();
    let (pages, manifest) = support::generate_corpus(t.path());
    let expected = manifest_counts(&manifest);
    let total_comments: usize = expected.values().sum();
    let index = t.path().join("index");

    let mut partial = 0; // kills that left some pages but not all
    let points = [
        (At::Delay(30), false),
        (At::Commit(1), false),
        (At::Commit(3), false),
        (At::Delay(400), false),
        (At::Commit(2), true), // during a --rebuild
        (At::Commit(1), false),
        (At::Delay(700), false),
        (At::Commit(4), false),
    ];
    for (at, rebuild) in points {
        let extra: &[&str] = if rebuild { &["--rebuild"] } else { &[] };
        let mut child = start(&index, &pages, extra);
        let killed = kill_at(&mut child, &index, at);
        if !index.join("meta.json").exists() {
            continue; // killed before the index was created
        }
        // The index opens, searches, and holds whole pages only, each once.
        let c = contents(&index);
        assert_whole_pages(&c, &expected);
        if killed && !c.articles.is_empty() && c.articles.len() < expected.len() {
            partial += 1;
        }
    }
    assert!(
        partial >= 3,
        "only {partial} kills left a partial index: the corpus is ingested too fast for this test"
    );

    // The next ingest finishes the job.
    let mut c = kiosque(&index);
    c.arg("ingest").arg(&pages).arg("--json");
    let v = json_ok(c);
    assert_eq!(
        v["total_articles"].as_u64(),
        Some(expected.len() as u64),
        "{v}"
    );
    assert_eq!(
        v["total_comments"].as_u64(),
        Some(total_comments as u64),
        "{v}"
    );
    let c = contents(&index);
    assert_eq!(
        c.articles.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    assert_whole_pages(&c, &expected);
    // And a run after it has nothing left to do.
    let mut c = kiosque(&index);
    c.arg("ingest").arg(&pages).arg("--json");
    let v = json_ok(c);
    assert_eq!(v["unchanged"].as_u64(), Some(expected.len() as u64), "{v}");
    assert_eq!(v["articles"], 0, "{v}");
}
