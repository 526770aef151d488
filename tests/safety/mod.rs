//! Helpers for the robustness tests: running the binary, reading the whole index back, and
//! small file-system fixtures (mounts when root).
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Says on standard error that `test` did not run its checks, and why. The line is written to
/// the process's standard error itself, not through `eprintln!`, which the test harness captures
/// and hides for a passing test: a skip shows in every `cargo test` run, as
/// `SKIPPED <test>: <why>`. With `KIOSQUE_NO_SKIP=1` in the environment a skip fails the test
/// instead (for a machine where every case must run).
pub fn skip(test: &str, why: &str) {
    use std::io::Write;
    if std::env::var_os("KIOSQUE_NO_SKIP").is_some_and(|v| v != "0") {
        panic!("{test} cannot run here ({why}) and KIOSQUE_NO_SKIP is set");
    }
    let line = format!("SKIPPED {test}: {why}\n");
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// `kiosque --index INDEX`, colours off, no inherited index variable.
pub fn kiosque(index: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("kiosque"));
    c.arg("--index")
        .arg(index)
        .env_remove("KIOSQUE_INDEX")
        .env("NO_COLOR", "1");
    c
}

/// Runs a command to its end with standard input closed.
pub fn run(mut c: Command) -> Output {
    c.stdin(std::process::Stdio::null())
        .output()
        .expect("run kiosque")
}

/// Standard output parsed as JSON, the command having succeeded.
pub fn json_ok(c: Command) -> Value {
    let out = run(c);
    assert!(
        out.status.success(),
        "kiosque failed ({:?}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Everything the index holds: article id → its comment ids, through `search '*'`.
/// Panics when a document appears twice or a comment's article is missing.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Contents {
    /// Article id → comment ids.
    pub articles: BTreeMap<String, BTreeSet<String>>,
}

impl Contents {
    /// Number of comments.
    pub fn comments(&self) -> usize {
        self.articles.values().map(BTreeSet::len).sum()
    }
}

/// Reads the index back with `search '*'` (which must succeed).
pub fn contents(index: &Path) -> Contents {
    let mut c = kiosque(index);
    c.args(["search", "*", "--json", "--limit", "1000000"]);
    let v = json_ok(c);
    let hits = v["hits"].as_array().expect("hits");
    assert_eq!(
        v["total"].as_u64(),
        Some(hits.len() as u64),
        "all hits listed"
    );
    let mut seen = BTreeSet::new();
    let mut out = Contents::default();
    let mut comments = Vec::new();
    for h in hits {
        let id = h["id"].as_str().expect("id").to_string();
        assert!(
            seen.insert(id.clone()),
            "document {id} is in the index twice"
        );
        match h["kind"].as_str() {
            Some("article") => {
                out.articles.entry(id).or_default();
            }
            Some("comment") => comments.push((
                h["article_id"].as_str().expect("article_id").to_string(),
                id,
            )),
            k => panic!("unexpected kind {k:?}"),
        }
    }
    for (a, c) in comments {
        out.articles
            .get_mut(&a)
            .unwrap_or_else(|| panic!("comment {c} without its article {a}"))
            .insert(c);
    }
    out
}

/// What a generated corpus holds according to its manifest: article id → comment count.
pub fn manifest_counts(manifest: &Path) -> BTreeMap<String, usize> {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(manifest).expect("manifest")).unwrap();
    v["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| {
            (
                p["file"]
                    .as_str()
                    .unwrap()
                    .trim_end_matches(".txt")
                    .to_string(),
                p["comments"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

/// Checks that every article in the index has exactly the comments its page has (`#c1`…`#cN`):
/// the index holds whole pages only.
pub fn assert_whole_pages(c: &Contents, expected: &BTreeMap<String, usize>) {
    for (a, comments) in &c.articles {
        let n = *expected
            .get(a)
            .unwrap_or_else(|| panic!("article {a} is not in the corpus"));
        let want: BTreeSet<String> = (1..=n).map(|k| format!("{a}#c{k}")).collect();
        assert_eq!(comments, &want, "comments of {a}");
    }
}

/// True when the tests run as root (then file permissions do not stop reads or writes).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

/// A mount made for a test, undone when dropped.
pub struct Mount {
    /// Where it is mounted.
    pub path: PathBuf,
}

impl Mount {
    /// A tmpfs of `size` (as `mount -o size=` takes it) at `path`; `None` when mounting is not
    /// possible here (not root, no mount permission).
    pub fn tmpfs(path: &Path, size: &str) -> Option<Mount> {
        std::fs::create_dir_all(path).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .output()
            .ok()?
            .status
            .success();
        ok.then(|| Mount {
            path: path.to_path_buf(),
        })
    }

    /// `path` bind-mounted onto itself read-only; `None` when not possible here.
    pub fn read_only(path: &Path) -> Option<Mount> {
        let bind = Command::new("mount")
            .arg("--bind")
            .arg(path)
            .arg(path)
            .output()
            .ok()?;
        if !bind.status.success() {
            return None;
        }
        let m = Mount {
            path: path.to_path_buf(),
        };
        let ro = Command::new("mount")
            .args(["-o", "remount,bind,ro"])
            .arg(path)
            .output()
            .ok()?;
        ro.status.success().then_some(m)
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).output();
    }
}

/// Writes `text` encoded with `enc` (no BOM).
pub fn encode(enc: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (b, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{text} is not encodable in {}", enc.name());
    b.into_owned()
}

/// UTF-16 with its BOM.
pub fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little_endian {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

/// A French text page with two dated comments; `word` makes it findable.
pub fn text_page(title: &str, word: &str) -> String {
    format!(
        "{title}\nLe 01 septembre 2014 à 16h45\n\nL'été dernier, le {word} a décidé de tout \
         révéler à la presse, déjà très intéressée par l'affaire.\n\nUne deuxième phrase \
         complète le paragraphe du corps de l'article.\n\nCommentaires (2)\n\
         Le 01/09/2014 à 18h02\nPremier commentaire sur le {word}.\n\
         Le 01/09/2014 à 18h05\nSecond commentaire, très bref.\n"
    )
}
