//! The index directory under stress, end to end: read-only (every report still works, `ingest`
//! is refused with one line naming the directory and changes nothing), out of room (a write
//! fails in the middle of an ingest: one clear line, no panic, the index stays at its last
//! commit), damaged or unreadable; and every error said once, on one line.
//!
//! File permissions do not stop root: when the tests run as root, kiosque runs as `nobody`
//! for the permission cases (or the case is skipped, saying so), and a read-only bind mount
//! covers the read-only file system. Running out of room is simulated for any user with a
//! file size limit (`prlimit --fsize`, SIGXFSZ ignored so that a write fails with EFBIG);
//! a full tmpfs is tried too when mounting is allowed. Fixtures are written at test time.

mod safety;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use safety::{Contents, Mount, contents, is_root, json_ok, kiosque, run, skip, text_page};
use serde_json::Value;

/// uid and gid of `nobody`, who runs kiosque when the tests run as root.
const NOBODY: u32 = 65534;

/// Why a permission case cannot run.
const NO_NOBODY: &str = "running as root, and kiosque cannot run as nobody (uid 65534) here: \
                         file permissions do not stop root (can others read the binary and \
                         its directories?)";

/// Who runs kiosque: the tests' own user, or `nobody` when the tests run as root.
#[derive(Debug, Clone, Copy)]
struct User(Option<u32>);

impl User {
    /// A user that file permissions stop; `None` when the tests run as root and kiosque
    /// cannot run as `nobody` here.
    fn unprivileged() -> Option<User> {
        if !is_root() {
            return Some(User(None));
        }
        let mut c = kiosque(Path::new("unused"));
        c.arg("--version").uid(NOBODY).gid(NOBODY);
        run(c).status.success().then_some(User(Some(NOBODY)))
    }

    /// `kiosque --index INDEX` run as this user.
    fn kiosque(self, index: &Path) -> Command {
        let mut c = kiosque(index);
        if let Some(id) = self.0 {
            c.uid(id).gid(id);
        }
        c
    }

    /// A temporary directory this user can write in.
    fn workspace(self) -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        if let Some(id) = self.0 {
            fs::set_permissions(t.path(), fs::Permissions::from_mode(0o755)).unwrap();
            std::os::unix::fs::chown(t.path(), Some(id), Some(id)).unwrap();
        }
        t
    }
}

/// Sets the mode of `dir` and, with `files`, of everything in it; restores 0755/0644 when
/// dropped so that the temporary directory can be removed.
struct Modes {
    dir: PathBuf,
}

impl Modes {
    fn set(dir: &Path, dir_mode: u32, files: Option<u32>) -> Modes {
        if let Some(m) = files {
            for e in fs::read_dir(dir).unwrap() {
                fs::set_permissions(e.unwrap().path(), fs::Permissions::from_mode(m)).unwrap();
            }
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(dir_mode)).unwrap();
        Modes {
            dir: dir.to_path_buf(),
        }
    }
}

impl Drop for Modes {
    fn drop(&mut self) {
        let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755));
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                let _ = fs::set_permissions(e.path(), fs::Permissions::from_mode(0o644));
            }
        }
    }
}

/// The one line a failed command wrote; checks it failed with `code`, without a panic, and
/// that no part of the message is said twice.
fn one_error_line(out: &Output, code: i32, what: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(code), "{what}: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{what}: {err}");
    assert!(err.starts_with("kiosque: "), "{what}: {err}");
    let line = err.trim_end().to_string();
    if let Some(piece) = repeated_piece(&line) {
        panic!("{what}: \"{piece}\" is said twice in: {line}");
    }
    line
}

/// A piece of 24 characters or more that occurs twice in `line`.
fn repeated_piece(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    const N: usize = 24;
    let mut seen = BTreeSet::new();
    for w in chars.windows(N) {
        let piece: String = w.iter().collect();
        if !seen.insert(piece.clone()) {
            return Some(piece);
        }
    }
    None
}

/// Everything the reports say of an index, run as `user`, and every file of the index with
/// its content: equal states are the same index, seen the same way.
#[derive(Debug, PartialEq, Eq)]
struct State {
    reports: Vec<(String, String)>,
    files: BTreeMap<String, Vec<u8>>,
}

/// The reader commands, each with its arguments.
const READERS: &[&[&str]] = &[
    &["search", "*", "--json", "--limit", "1000"],
    &["search", "gerboise OR furet", "--json"],
    &["show", "a", "--json"],
    &["show", "a#c2", "--json"],
    &["terms", "--json", "--limit", "0"],
    &["terms", "--ngrams", "2", "--json"],
    &["terms", "--keyness", "--json"],
    &["kwic", "commentaire", "--json"],
    &["comments", "--json"],
    &["comments", "--article", "a", "--json"],
    &["report", "--format", "json"],
];

fn state(user: User, index: &Path) -> State {
    let mut reports = Vec::new();
    for args in READERS {
        let mut c = user.kiosque(index);
        c.args(*args);
        let out = run(c);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && err.is_empty(), "{args:?}: {err}");
        reports.push((
            args.join(" "),
            String::from_utf8(out.stdout).expect("UTF-8 output"),
        ));
    }
    let files = fs::read_dir(index)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().to_string(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    State { reports, files }
}

/// How the index directory is made read-only.
#[derive(Debug, Clone, Copy)]
enum ReadOnly {
    /// `chmod a-w` on the directory (its files stay writable by their owner).
    Directory,
    /// `chmod a-w` on the directory and every file in it (the lock files too).
    Everything,
    /// `chmod a-w` on a directory without tantivy's lock files (deleted first).
    NoLockFiles,
    /// A read-only bind mount (a read-only file system).
    Mount,
}

fn read_only_index(how: ReadOnly, test: &str) {
    let user = match how {
        ReadOnly::Mount if is_root() => User(None),
        ReadOnly::Mount => {
            skip(test, "a read-only mount needs root");
            return;
        }
        _ => match User::unprivileged() {
            Some(u) => u,
            None => {
                skip(test, NO_NOBODY);
                return;
            }
        },
    };
    let t = user.workspace();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Premier titre", "gerboise")).unwrap();
    fs::write(corpus.join("b.txt"), text_page("Second titre", "furet")).unwrap();
    let index = t.path().join("index");
    let mut c = user.kiosque(&index);
    c.arg("ingest").arg(&corpus);
    assert!(run(c).status.success());
    let mut before = state(user, &index);
    if matches!(how, ReadOnly::NoLockFiles) {
        // (Reading the index made the meta lock file again.)
        for e in fs::read_dir(&index).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "lock") {
                fs::remove_file(p).unwrap();
            }
        }
        before.files.retain(|name, _| !name.ends_with(".lock"));
        assert!(!index.join(".tantivy-meta.lock").exists());
    }
    assert!(before.reports[1].1.contains("\"total\": 4"), "{before:?}");
    fs::write(
        corpus.join("c.txt"),
        text_page("Troisième titre", "belette"),
    )
    .unwrap();

    let (_modes, _mount) = match how {
        ReadOnly::Directory | ReadOnly::NoLockFiles => {
            (Some(Modes::set(&index, 0o555, None)), None)
        }
        ReadOnly::Everything => (Some(Modes::set(&index, 0o555, Some(0o444))), None),
        ReadOnly::Mount => match Mount::read_only(&index) {
            Some(m) => (None, Some(m)),
            None => {
                skip(
                    test,
                    "cannot make a read-only bind mount here (mount refused: no CAP_SYS_ADMIN?)",
                );
                return;
            }
        },
    };
    // Every report works and sees the same index.
    assert_eq!(state(user, &index), before, "{how:?}");
    // Ingest, incremental or rebuilding, is refused on one line naming the directory.
    for extra in [None, Some("--rebuild")] {
        let mut c = user.kiosque(&index);
        c.arg("ingest").arg(&corpus).args(extra);
        let line = one_error_line(&run(c), 1, &format!("{how:?} ingest {extra:?}"));
        let expected = format!(
            "kiosque: cannot write in the index directory {} (",
            index.display()
        );
        assert!(line.starts_with(&expected), "{how:?}: {line}");
        assert!(
            line.contains("it is read-only") && line.contains("the index was not changed"),
            "{how:?}: {line}"
        );
        assert_eq!(state(user, &index), before, "{how:?} {extra:?}");
    }
    drop(_mount);
    drop(_modes);
    // Writable again: the same ingest adds the new page.
    let mut c = user.kiosque(&index);
    c.args(["ingest", "--json"]).arg(&corpus);
    let v = json_ok(c);
    assert_eq!(
        (v["added"].as_u64(), v["total_articles"].as_u64()),
        (Some(1), Some(3)),
        "{v}"
    );
}

#[test]
fn reports_run_on_an_index_directory_made_read_only_with_chmod() {
    read_only_index(
        ReadOnly::Directory,
        "reports_run_on_an_index_directory_made_read_only_with_chmod",
    );
}

#[test]
fn reports_run_on_a_read_only_index_whose_files_are_read_only_too() {
    read_only_index(
        ReadOnly::Everything,
        "reports_run_on_a_read_only_index_whose_files_are_read_only_too",
    );
}

#[test]
fn reports_run_on_a_read_only_index_directory_without_lock_files() {
    read_only_index(
        ReadOnly::NoLockFiles,
        "reports_run_on_a_read_only_index_directory_without_lock_files",
    );
}

#[test]
fn reports_run_on_an_index_on_a_read_only_file_system() {
    read_only_index(
        ReadOnly::Mount,
        "reports_run_on_an_index_on_a_read_only_file_system",
    );
}

/// `kiosque --index INDEX` whose writes fail with EFBIG past `limit` bytes per file, as they
/// fail with ENOSPC on a full disk; `None` when `prlimit` is not there.
fn limited(index: &Path, limit: u64) -> Option<Command> {
    let ok = Command::new("prlimit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        return None;
    }
    let mut c = Command::new("sh");
    // An ignored signal stays ignored across exec: the write fails instead of killing.
    c.arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=\"$0\" \"$@\"")
        .arg(limit.to_string())
        .arg(assert_cmd::cargo::cargo_bin("kiosque"))
        .arg("--index")
        .arg(index)
        .env_remove("KIOSQUE_INDEX")
        .env("NO_COLOR", "1");
    Some(c)
}

/// Six small pages (`p00`…`p05`, under 1 KB: their index files stay small) then six large ones
/// (`p06`…`p11`, 6,000 distinct words each: over 100 KB of terms), with two comments each.
fn small_then_large_pages(corpus: &Path) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for i in 0..12 {
        let n = if i < 6 { 40 } else { 6000 };
        let words: Vec<String> = (0..n).map(|k| format!("mot{i}x{k}")).collect();
        let page = text_page(&format!("Page numéro {i}"), &words.join(" "));
        fs::write(corpus.join(format!("p{i:02}.txt")), page).unwrap();
        ids.insert(format!("p{i:02}"));
    }
    ids
}

/// The index's meta.json and everything search finds in it.
fn snapshot(index: &Path) -> (Vec<u8>, Contents) {
    (fs::read(index.join("meta.json")).unwrap(), contents(index))
}

/// Checks the error of an ingest that ran out of room.
fn assert_out_of_room(out: &Output, index: &Path, what: &str) {
    let line = one_error_line(out, 1, what);
    let expected = format!(
        "kiosque: no space left to write the index in {} (",
        index.display()
    );
    assert!(line.starts_with(&expected), "{what}: {line}");
    assert!(
        line.contains("the index is still as it was at its last commit"),
        "{what}: {line}"
    );
}

#[test]
fn running_out_of_room_gives_one_clear_line_and_the_index_stays_at_its_last_commit() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let index = t.path().join("index");
    let mut c = kiosque(&index);
    c.arg("ingest").arg(&corpus);
    assert!(run(c).status.success());
    let before = snapshot(&index);
    let mut all = small_then_large_pages(&corpus);
    all.insert("a".into());
    // One commit for the whole run: whichever write fails (the first segment file, a large
    // one, the check kiosque makes after tantivy lost a thread), nothing changes.
    for limit in [1, 20_000, 150_000] {
        let Some(mut c) = limited(&index, limit) else {
            skip(
                "running_out_of_room_gives_one_clear_line_and_the_index_stays_at_its_last_commit",
                "no prlimit here to set a file size limit (install util-linux)",
            );
            return;
        };
        c.arg("ingest").arg(&corpus);
        let out = run(c);
        assert_out_of_room(&out, &index, &format!("limit {limit}"));
        let line = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(line.contains("file size limit"), "{line}");
        assert_eq!(snapshot(&index), before, "limit {limit}");
    }
    // A commit per page: the small pages are committed, the first large one fails; what was
    // committed stays, whole; the others are not there at all.
    let mut c = limited(&index, 50_000).unwrap();
    c.args(["ingest", "--batch-size", "1"]).arg(&corpus);
    assert_out_of_room(&run(c), &index, "batches");
    let partial = contents(&index);
    assert!(
        partial.articles.len() > 1,
        "some batches were committed: {partial:?}"
    );
    assert!(partial.articles.len() < all.len(), "{partial:?}");
    for (id, comments) in &partial.articles {
        assert!(all.contains(id), "{id}");
        let whole: BTreeSet<String> = (1..=2).map(|k| format!("{id}#c{k}")).collect();
        assert_eq!(comments, &whole, "{id} is whole");
    }
    // Room again: the same command finishes the job, without duplicates.
    let mut c = kiosque(&index);
    c.args(["ingest", "--json"]).arg(&corpus);
    let v = json_ok(c);
    assert_eq!(v["total_articles"].as_u64(), Some(all.len() as u64), "{v}");
    let done = contents(&index);
    assert_eq!(done.articles.keys().cloned().collect::<BTreeSet<_>>(), all);
    assert_eq!(done.comments(), 2 * all.len());
}

#[test]
fn a_full_disk_gives_a_clear_error_and_the_index_stays_at_its_last_commit() {
    let t = tempfile::tempdir().unwrap();
    let Some(disk) = Mount::tmpfs(&t.path().join("disk"), "4m") else {
        skip(
            "a_full_disk_gives_a_clear_error_and_the_index_stays_at_its_last_commit",
            "cannot mount a small tmpfs here (needs root with mount permission; the file size \
             limit test covers running out of room)",
        );
        return;
    };
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let index = disk.path.join("index");
    let mut c = kiosque(&index);
    c.arg("ingest").arg(&corpus);
    assert!(run(c).status.success());
    let before = snapshot(&index);
    let all = small_then_large_pages(&corpus).len() + 1;
    // Fill the disk.
    let filler = disk.path.join("filler");
    let mut f = fs::File::create(&filler).unwrap();
    let block = vec![0u8; 64 * 1024];
    while f.write_all(&block).is_ok() {}
    let mut small = vec![0u8; 1024];
    while f.write_all(&small[..1]).is_ok() {
        small.pop();
    }
    drop(f);
    let mut k = kiosque(&index);
    k.arg("ingest").arg(&corpus);
    let out = run(k);
    assert_out_of_room(&out, &index, "full tmpfs");
    assert_eq!(snapshot(&index), before);
    // Space again: the same command finishes the job.
    fs::remove_file(&filler).unwrap();
    let mut c = kiosque(&index);
    c.args(["ingest", "--json"]).arg(&corpus);
    let v = json_ok(c);
    assert_eq!(v["total_articles"].as_u64(), Some(all as u64), "{v}");
}

/// Runs every command that opens the index; each must fail with one line that starts with
/// `start` and contains `contains`.
fn every_command_fails(user: User, index: &Path, corpus: &Path, start: &str, contains: &str) {
    let corpus = corpus.to_str().unwrap();
    let commands: Vec<Vec<&str>> = READERS
        .iter()
        .map(|a| a.to_vec())
        .chain([
            vec!["search", "gerboise"],
            vec!["report"],
            vec!["ingest", corpus],
        ])
        .collect();
    for args in commands {
        let mut c = user.kiosque(index);
        c.args(&args);
        let line = one_error_line(&run(c), 1, &format!("{args:?}"));
        assert!(line.starts_with(start), "{args:?}: {line}");
        assert!(line.contains(contains), "{args:?}: {line}");
    }
}

#[test]
fn a_damaged_index_is_reported_once_on_one_line_by_every_command() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let index = t.path().join("index");
    let mut c = kiosque(&index);
    c.arg("ingest").arg(&corpus);
    assert!(run(c).status.success());
    let meta = fs::read(index.join("meta.json")).unwrap();
    // Every command fails on one line that starts with `start` and says to rebuild.
    let advise_rebuild = |start: &str| {
        every_command_fails(
            User(None),
            &index,
            &corpus,
            start,
            "run `kiosque ingest --rebuild`",
        )
    };
    // Garbage in meta.json.
    fs::write(index.join("meta.json"), "{ not json").unwrap();
    let start = format!("kiosque: cannot open the index in {} (", index.display());
    advise_rebuild(&start);
    // A segment file cut short (each kind of file in turn).
    fs::write(index.join("meta.json"), &meta).unwrap();
    for ext in ["store", "term", "pos", "idx", "fast", "fieldnorm"] {
        let files: Vec<_> = fs::read_dir(&index)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        assert!(!files.is_empty(), "no .{ext} file");
        let saved: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).unwrap()).collect();
        for f in &files {
            fs::OpenOptions::new()
                .write(true)
                .open(f)
                .unwrap()
                .set_len(10)
                .unwrap();
        }
        advise_rebuild(&start);
        for (f, b) in files.iter().zip(saved) {
            fs::write(f, b).unwrap();
        }
    }
    // Another version of kiosque.
    let mut v: Value = serde_json::from_slice(&meta).unwrap();
    let mut payload: Value = serde_json::from_str(v["payload"].as_str().unwrap()).unwrap();
    payload["schema"] = Value::from(9999);
    v["payload"] = Value::from(payload.to_string());
    fs::write(index.join("meta.json"), v.to_string()).unwrap();
    let start = format!(
        "kiosque: the index in {} was built by another version of kiosque",
        index.display()
    );
    advise_rebuild(&start);
    // --rebuild repairs it.
    let mut c = kiosque(&index);
    c.args(["ingest", "--rebuild", "--json"]).arg(&corpus);
    assert_eq!(json_ok(c)["total_articles"], 1);
}

#[test]
fn an_unreadable_index_is_reported_once_and_rebuild_does_not_destroy_it() {
    let Some(user) = User::unprivileged() else {
        skip(
            "an_unreadable_index_is_reported_once_and_rebuild_does_not_destroy_it",
            NO_NOBODY,
        );
        return;
    };
    let t = user.workspace();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let index = t.path().join("index");
    let mut c = user.kiosque(&index);
    c.arg("ingest").arg(&corpus);
    assert!(run(c).status.success());
    let meta = index.join("meta.json");
    let bytes = fs::read(&meta).unwrap();
    fs::set_permissions(&meta, fs::Permissions::from_mode(0o000)).unwrap();
    let start = format!("kiosque: cannot read the index in {} (", index.display());
    every_command_fails(user, &index, &corpus, &start, "check its permissions");
    let mut c = user.kiosque(&index);
    c.args(["ingest", "--rebuild"]).arg(&corpus);
    let line = one_error_line(&run(c), 1, "rebuild");
    assert!(line.starts_with(&start), "{line}");
    fs::set_permissions(&meta, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(fs::read(&meta).unwrap(), bytes);
    // The whole directory closed: not "no index", but why it cannot be read.
    {
        let _closed = Modes::set(&index, 0o000, None);
        let mut c = user.kiosque(&index);
        c.args(["search", "gerboise"]);
        let line = one_error_line(&run(c), 1, "closed directory");
        assert!(line.starts_with(&start), "{line}");
    }
    assert_eq!(contents(&index).articles.len(), 1);
}

#[test]
fn other_errors_are_said_once_on_one_line() {
    let t = tempfile::tempdir().unwrap();
    let index = t.path().join("index");
    // No index, and no corpus/ to build it from (run from an empty directory).
    for args in [vec!["search", "x"], vec!["report"], vec!["show", "a"]] {
        let mut c = kiosque(&index);
        c.args(&args).current_dir(t.path());
        let line = one_error_line(&run(c), 1, &format!("{args:?}"));
        assert_eq!(
            line,
            format!(
                "kiosque: no index in {} (run `kiosque ingest` first)",
                index.display()
            )
        );
    }
    // A lexicon file that is not there.
    let missing = t.path().join("missing.tsv");
    let mut c = kiosque(&index);
    c.args(["sentiment", "--lexicon"]).arg(&missing).arg("bien");
    let line = one_error_line(&run(c), 1, "lexicon");
    assert_eq!(
        line,
        format!(
            "kiosque: cannot read lexicon {}: No such file or directory (os error 2)",
            missing.display()
        )
    );
    // A report written where it cannot be.
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre", "gerboise")).unwrap();
    let mut c = kiosque(&index);
    c.arg("ingest").arg(&corpus);
    assert!(run(c).status.success());
    let mut c = kiosque(&index);
    let out_file = t.path().join("no/such/dir/report.md");
    c.arg("report").arg("-o").arg(&out_file);
    let line = one_error_line(&run(c), 1, "report -o");
    assert!(line.contains(&out_file.display().to_string()), "{line}");
    // A query that does not parse, an unknown article: usage errors (exit code 2).
    for args in [
        vec!["search", "\"mandat de"],
        vec!["kwic", "("],
        vec!["show", "nope"],
        vec!["terms", "--article", "nope"],
        vec!["comments", "--article", "nope"],
    ] {
        let mut c = kiosque(&index);
        c.args(&args);
        one_error_line(&run(c), 2, &format!("{args:?}"));
    }
}

#[test]
fn a_closed_standard_output_ends_quietly() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for i in 0..500 {
        fs::write(
            corpus.join(format!("p{i}.txt")),
            text_page(&format!("Titre {i}"), "gerboise"),
        )
        .unwrap();
    }
    let index = t.path().join("index");
    let mut c = kiosque(&index);
    c.arg("ingest").arg(&corpus);
    assert!(run(c).status.success());
    let mut sentiment = vec!["sentiment"];
    sentiment.extend(["Je n'aime pas ce gouvernement"; 5000]);
    for args in [
        vec!["search", "gerboise", "--limit", "1000"],
        vec!["search", "gerboise", "--limit", "1000", "--json"],
        vec!["kwic", "gerboise", "--limit", "0"],
        sentiment,
    ] {
        let mut c = kiosque(&index);
        c.args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = c.spawn().unwrap();
        // Read one line, then close the pipe, as `| head -1` does.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        let _ = std::io::Read::read(&mut stdout, &mut first);
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.is_empty(), "{}: {err}", args[0]);
        assert_eq!(out.status.code(), Some(0), "{}: {err}", args[0]);
    }
}

#[test]
fn unreadable_files_and_directories_are_skipped_and_keep_what_the_index_had() {
    let Some(user) = User::unprivileged() else {
        skip(
            "unreadable_files_and_directories_are_skipped_and_keep_what_the_index_had",
            NO_NOBODY,
        );
        return;
    };
    let t = user.workspace();
    let corpus = t.path().join("corpus");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    fs::write(corpus.join("a.txt"), text_page("Titre A", "gerboise")).unwrap();
    fs::write(corpus.join("u.txt"), text_page("Titre U", "furet")).unwrap();
    fs::write(corpus.join("sub/b.txt"), text_page("Titre B", "belette")).unwrap();
    let index = t.path().join("index");
    let mut c = user.kiosque(&index);
    c.args(["ingest", "--json"]).arg(&corpus);
    assert_eq!(json_ok(c)["total_articles"], 3);
    let before = contents(&index);
    let _file = Modes::set(&corpus.join("u.txt"), 0o000, None);
    let _dir = Modes::set(&corpus.join("sub"), 0o000, None);
    let mut c = user.kiosque(&index);
    c.args(["ingest", "--json"]).arg(&corpus);
    let out = run(c);
    assert_eq!(out.status.code(), Some(0), "only skips: exit code 0");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: BTreeSet<(String, String)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let p = k["path"].as_str().unwrap();
            (
                p.strip_prefix(corpus.to_str().unwrap())
                    .unwrap()
                    .to_string(),
                k["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let denied = "cannot read: Permission denied (os error 13)".to_string();
    assert_eq!(
        skipped,
        BTreeSet::from([
            ("/sub".to_string(), denied.clone()),
            ("/u.txt".to_string(), denied)
        ]),
        "{v}"
    );
    assert_eq!(v["removed"], 0, "{v}");
    assert_eq!(contents(&index), before);
    let mut c = user.kiosque(&index);
    c.args(["ingest", "--strict"]).arg(&corpus);
    assert_eq!(run(c).status.code(), Some(1));
}

/// Skips when `KIOSQUE_SKIP_PROBE` is set (by the test below, which runs it), else passes.
#[test]
fn skip_probe() {
    if std::env::var_os("KIOSQUE_SKIP_PROBE").is_some() {
        skip("skip_probe", "asked to skip by KIOSQUE_SKIP_PROBE");
    }
}

#[test]
fn a_skipped_case_says_so_on_standard_error_even_when_output_is_captured() {
    // This test binary again, running the probe alone, with the harness capturing output.
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "skip_probe", "--test-threads", "1"])
        .env("KIOSQUE_SKIP_PROBE", "1")
        .env_remove("KIOSQUE_NO_SKIP")
        .env_remove("RUST_TEST_NOCAPTURE")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("SKIPPED skip_probe: asked to skip by KIOSQUE_SKIP_PROBE\n"),
        "the skip is not visible: {err:?}"
    );
}
