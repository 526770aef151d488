//! Finding the corpus files under the given paths, and saying why others were left out.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

/// How a file is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A plain-text page (`.txt`, `.text`, and explicitly named files of any other extension).
    TextPage,
    /// JSON Lines, one article per line (`.jsonl`, `.ndjson`).
    JsonLines,
    /// An HTML page (`.html`, `.htm`, `.xhtml`).
    Html,
}

impl Format {
    /// The format for a file extension when walking directories; `None` for other files.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::TextPage),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// A file to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Path as reachable from the working directory.
    pub path: PathBuf,
    /// Path relative to the root it was found under, with `/` separators.
    pub rel: String,
    /// `rel` without its extension: the article id (prefix) for this file.
    pub id: String,
    /// How to parse it.
    pub format: Format,
    /// Size in bytes when found.
    pub size: u64,
    /// What the file system says of the file when found (see [`stamp_of`]); 0 when unknown.
    pub stamp: u64,
}

/// A fingerprint of a file's metadata: size, modification and status-change times, device and
/// inode. Writing to a file, replacing it or touching it changes it (the status-change time
/// cannot be set back), so a file whose stamp is the one recorded when it was indexed has not
/// been changed since; never 0.
pub fn stamp_of(m: &std::fs::Metadata) -> u64 {
    let mut parts: Vec<u8> = Vec::with_capacity(56);
    parts.extend(m.len().to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        for v in [m.mtime(), m.mtime_nsec(), m.ctime(), m.ctime_nsec()] {
            parts.extend(v.to_le_bytes());
        }
        parts.extend(m.dev().to_le_bytes());
        parts.extend(m.ino().to_le_bytes());
    }
    #[cfg(not(unix))]
    {
        let Some(t) = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        else {
            return 0;
        };
        parts.extend(t.as_nanos().to_le_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(&parts).max(1)
}

/// A path left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The path, as displayed.
    pub path: String,
    /// Why it was left out.
    pub reason: String,
    /// The corpus-relative path of the skipped file or directory, when known: whatever the index
    /// holds for it (or under it) is left as it was, not removed as gone.
    pub rel: Option<String>,
}

/// The outcome of [`discover`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// Files to parse, directories walked in file-name order.
    pub found: Vec<Found>,
    /// Paths left out with their reason.
    pub skipped: Vec<Skip>,
}

/// The files taken so far, by relative path and by id.
#[derive(Default)]
struct Seen {
    /// Relative path → file.
    rels: HashMap<String, PathBuf>,
    /// Id → file.
    ids: HashMap<String, PathBuf>,
}

/// Why a symbolic link that is there cannot be followed: it points nowhere, or to itself
/// through other links (ELOOP), or something else.
fn link_failure(e: &std::io::Error) -> String {
    if is_loop(e) {
        "symbolic link loop".into()
    } else if e.kind() == ErrorKind::NotFound {
        "broken symbolic link".into()
    } else {
        format!("cannot read: {e}")
    }
}

/// True for "too many levels of symbolic links" (ELOOP: 40 on Linux, 62 on macOS and BSDs).
fn is_loop(e: &std::io::Error) -> bool {
    const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };
    cfg!(unix) && e.raw_os_error() == Some(ELOOP)
}

/// Walks `paths` (files or directories, symlinks followed) and collects the corpus files.
///
/// In directories, `.txt`/`.text` (text pages), `.jsonl`/`.ndjson` (JSON Lines) and
/// `.html`/`.htm`/`.xhtml` (HTML pages) are taken, other extensions and hidden entries are
/// ignored silently. A file named explicitly is taken whatever its extension (as a text page
/// when the extension says nothing). Broken symlinks, loops, unreadable entries, non-UTF-8
/// paths, files over `max_file_size` bytes, explicitly named non-regular files (FIFOs, devices)
/// and missing paths are reported in [`Discovery::skipped`].
pub fn discover(paths: &[PathBuf], max_file_size: u64) -> Discovery {
    let mut d = Discovery::default();
    let mut seen = Seen::default();
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => {
                let reason = if std::fs::symlink_metadata(root).is_ok() {
                    link_failure(&e)
                } else if e.kind() == ErrorKind::NotFound {
                    "no such file or directory".to_string()
                } else {
                    format!("cannot read: {e}")
                };
                d.skipped.push(Skip {
                    path: root.display().to_string(),
                    reason,
                    rel: None,
                });
            }
            Ok(m) if m.is_dir() => walk(root, max_file_size, &mut d, &mut seen),
            Ok(m) if !m.is_file() => d.skipped.push(Skip {
                path: root.display().to_string(),
                reason: "not a regular file (a pipe or device: use - to read standard input)"
                    .into(),
                rel: None,
            }),
            Ok(m) => {
                let name = root.file_name().map(PathBuf::from).unwrap_or_default();
                let format = extension(&name)
                    .and_then(Format::from_extension)
                    .unwrap_or(Format::TextPage);
                consider(root, &name, format, &m, max_file_size, &mut d, &mut seen);
            }
        }
    }
    d
}

fn walk(root: &Path, max: u64, d: &mut Discovery, seen: &mut Seen) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let rel = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .and_then(rel_string)
                    .filter(|r| !r.is_empty());
                let reason = if e.loop_ancestor().is_some() || e.io_error().is_some_and(is_loop) {
                    "symbolic link loop".to_string()
                } else if e
                    .io_error()
                    .is_some_and(|io| io.kind() == ErrorKind::NotFound)
                    && e.path()
                        .is_some_and(|p| std::fs::symlink_metadata(p).is_ok())
                {
                    "broken symbolic link".to_string()
                } else if let Some(io) = e.io_error() {
                    format!("cannot read: {io}")
                } else {
                    format!("cannot read: {e}")
                };
                d.skipped.push(Skip { path, reason, rel });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(format) = extension(entry.path()).and_then(Format::from_extension) else {
            continue;
        };
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let meta = match entry.metadata() {
            Ok(m) => m,
            Err(e) => {
                d.skipped.push(Skip {
                    path: entry.path().display().to_string(),
                    reason: format!("cannot read: {e}"),
                    rel: rel_string(rel),
                });
                continue;
            }
        };
        consider(entry.path(), rel, format, &meta, max, d, seen);
    }
}

fn consider(
    path: &Path,
    rel: &Path,
    format: Format,
    meta: &std::fs::Metadata,
    max: u64,
    d: &mut Discovery,
    seen: &mut Seen,
) {
    let size = meta.len();
    let display = path.display().to_string();
    let Some(rel) = rel_string(rel) else {
        d.skipped.push(Skip {
            path: display,
            reason: "path is not valid UTF-8 (rename the file)".into(),
            rel: None,
        });
        return;
    };
    if path.to_str().is_none() {
        d.skipped.push(Skip {
            path: display,
            reason: "path is not valid UTF-8 (rename the file)".into(),
            rel: Some(rel),
        });
        return;
    }
    if size > max {
        d.skipped.push(Skip {
            path: display,
            reason: format!(
                "file is {size} bytes, over the limit of {max} bytes (raise --max-file-size)"
            ),
            rel: Some(rel),
        });
        return;
    }
    if let Some(first) = seen.rels.get(&rel) {
        if first != path {
            d.skipped.push(Skip {
                path: display,
                reason: format!(
                    "same relative path \"{rel}\" as {} (found first)",
                    first.display()
                ),
                rel: None,
            });
        }
        return;
    }
    let id = strip_extension(&rel);
    // "page.html" and "page.txt" would both be article "page".
    if let Some(first) = seen.ids.get(&id) {
        d.skipped.push(Skip {
            path: display,
            reason: format!(
                "same id \"{id}\" as {} (an id is the path without its extension): rename one",
                first.display()
            ),
            rel: None,
        });
        return;
    }
    seen.rels.insert(rel.clone(), path.to_path_buf());
    seen.ids.insert(id.clone(), path.to_path_buf());
    d.found.push(Found {
        path: path.to_path_buf(),
        rel,
        id,
        format,
        size,
        stamp: stamp_of(meta),
    });
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn extension(p: &Path) -> Option<&str> {
    p.extension().and_then(|e| e.to_str())
}

/// `rel` with `/` separators; `None` when not UTF-8.
fn rel_string(rel: &Path) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?),
            Component::ParentDir => parts.push(".."),
            _ => {}
        }
    }
    Some(parts.join("/"))
}

fn strip_extension(rel: &str) -> String {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, rel),
    };
    let stem = match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => name,
    };
    match dir {
        Some(d) => format!("{d}/{stem}"),
        None => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn tree() -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        fs::create_dir_all(r.join("b/sub")).unwrap();
        fs::create_dir_all(r.join(".git")).unwrap();
        fs::write(r.join("b/sub/2.txt"), "x").unwrap();
        fs::write(r.join("b/1.TXT"), "x").unwrap();
        fs::write(r.join("a.jsonl"), "{}").unwrap();
        fs::write(r.join("c.ndjson"), "{}").unwrap();
        fs::write(r.join("d.text"), "x").unwrap();
        fs::write(r.join("e.json"), "{}").unwrap();
        fs::write(r.join("f.html"), "x").unwrap();
        fs::write(r.join(".hidden.txt"), "x").unwrap();
        fs::write(r.join(".git/x.txt"), "x").unwrap();
        fs::write(r.join("big.txt"), vec![b'a'; 100]).unwrap();
        t
    }

    #[test]
    fn walks_sorted_with_formats() {
        let t = tree();
        let d = discover(&[t.path().to_path_buf()], 50);
        let rels: Vec<(&str, &str, Format)> = d
            .found
            .iter()
            .map(|f| (f.rel.as_str(), f.id.as_str(), f.format))
            .collect();
        assert_eq!(
            rels,
            vec![
                ("a.jsonl", "a", Format::JsonLines),
                ("b/1.TXT", "b/1", Format::TextPage),
                ("b/sub/2.txt", "b/sub/2", Format::TextPage),
                ("c.ndjson", "c", Format::JsonLines),
                ("d.text", "d", Format::TextPage),
                ("f.html", "f", Format::Html),
            ]
        );
        assert_eq!(d.skipped.len(), 1);
        assert!(d.skipped[0].path.ends_with("big.txt"));
        assert_eq!(
            d.skipped[0].reason,
            "file is 100 bytes, over the limit of 50 bytes (raise --max-file-size)"
        );
        assert_eq!(d.skipped[0].rel.as_deref(), Some("big.txt"));
    }

    #[test]
    fn explicit_files_and_missing_paths() {
        let t = tree();
        let d = discover(
            &[
                t.path().join("e.json"),
                t.path().join("a.jsonl"),
                t.path().join("nope"),
            ],
            1000,
        );
        assert_eq!(d.found.len(), 2);
        assert_eq!(
            (d.found[0].rel.as_str(), d.found[0].format),
            ("e.json", Format::TextPage)
        );
        assert_eq!(d.found[0].id, "e");
        assert_eq!(d.found[1].format, Format::JsonLines);
        assert_eq!(d.skipped.len(), 1);
        assert_eq!(d.skipped[0].reason, "no such file or directory");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_broken_and_looping() {
        let t = tree();
        let r = t.path();
        std::os::unix::fs::symlink(r.join("missing.txt"), r.join("b/broken.txt")).unwrap();
        std::os::unix::fs::symlink(r.join("b"), r.join("b/sub/loop")).unwrap();
        std::os::unix::fs::symlink(r.join("d.text"), r.join("link.txt")).unwrap();
        let d = discover(&[r.to_path_buf()], 50);
        let reasons: Vec<&str> = d.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(reasons.contains(&"broken symbolic link"), "{reasons:?}");
        assert!(reasons.contains(&"symbolic link loop"), "{reasons:?}");
        assert!(d.found.iter().any(|f| f.rel == "link.txt"));
        let d = discover(&[r.join("b/broken.txt")], 50);
        assert_eq!(d.skipped[0].reason, "broken symbolic link");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_paths() {
        use std::os::unix::ffi::OsStrExt;
        let t = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        if fs::write(t.path().join(name), "x").is_err() {
            return; // the filesystem refuses such names
        }
        let d = discover(&[t.path().to_path_buf()], 50);
        assert!(d.found.is_empty());
        assert_eq!(
            d.skipped[0].reason,
            "path is not valid UTF-8 (rename the file)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn explicit_non_regular_files_are_skipped() {
        let d = discover(&[PathBuf::from("/dev/zero")], 50);
        assert!(d.found.is_empty());
        assert!(d.skipped[0].reason.starts_with("not a regular file"));
    }

    #[test]
    fn same_relative_path_under_two_roots() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        fs::write(a.path().join("x.txt"), "1").unwrap();
        fs::write(b.path().join("x.txt"), "2").unwrap();
        let d = discover(&[a.path().into(), b.path().into(), a.path().into()], 50);
        assert_eq!(d.found.len(), 1);
        assert_eq!(d.skipped.len(), 1);
        assert!(d.skipped[0].reason.starts_with("same relative path"));
    }

    #[test]
    fn two_files_of_one_id_keep_the_first() {
        let a = tempfile::tempdir().unwrap();
        fs::write(a.path().join("page.txt"), "1").unwrap();
        fs::write(a.path().join("page.html"), "2").unwrap();
        fs::write(a.path().join("other.txt"), "3").unwrap();
        let d = discover(&[a.path().into()], 50);
        let found: Vec<&str> = d.found.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(found, ["other.txt", "page.html"]);
        assert_eq!(d.skipped.len(), 1);
        assert!(d.skipped[0].path.ends_with("page.txt"));
        assert!(
            d.skipped[0].reason.starts_with("same id \"page\" as "),
            "{}",
            d.skipped[0].reason
        );
    }

    #[test]
    fn ids_strip_only_the_extension() {
        assert_eq!(strip_extension("a/b.c/d.txt"), "a/b.c/d");
        assert_eq!(strip_extension("x"), "x");
        assert_eq!(strip_extension("dir/.txt"), "dir/.txt");
    }
}
