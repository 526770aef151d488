//! A scratch directory with a copy of `corpus/` (or an empty corpus) and its own index, and the
//! `kiosque` binary run in it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A scratch directory: `corpus/` and, once a command ran, `index/`.
pub struct Fixture {
    /// The directory, removed when dropped.
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A copy of the bundled `corpus/`.
    pub fn new() -> Fixture {
        let fx = Fixture::empty();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for e in std::fs::read_dir(src).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), fx.path("corpus").join(e.file_name())).unwrap();
        }
        fx
    }

    /// A corpus of one JSON Lines file, `articles.jsonl`, holding `lines`, ingested.
    pub fn ingested_jsonl(lines: &[&str]) -> Fixture {
        let fx = Fixture::empty();
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(fx.path("corpus/articles.jsonl"), text).unwrap();
        fx.json(&["ingest", "--json"]);
        fx
    }

    /// An empty `corpus/`.
    pub fn empty() -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("corpus")).unwrap();
        Fixture { dir }
    }

    /// A path inside the directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The binary, run in the directory, without colours or `KIOSQUE_INDEX`.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("kiosque").unwrap();
        c.current_dir(self.dir.path())
            .env_remove("KIOSQUE_INDEX")
            .env("NO_COLOR", "1");
        c
    }

    /// Standard output of a command that must succeed.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "kiosque {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Standard output of a command that must succeed, as JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.stdout(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("kiosque {args:?}: not JSON ({e}): {out}"))
    }
}
