//! `ingest`: files → documents → index, incrementally by content hash, in batches.
//!
//! Safety: one ingest at a time (a lock file, taken before anything is touched); every batch
//! is one tantivy commit holding the documents of whole files together with each file's marker
//! (path, content hash, and what reading it noted: lines left out, encoding, mojibake repaired,
//! reported again by later runs while the file is unchanged), so a run killed at any moment
//! leaves the index at its last commit and the next run redoes exactly the files whose marker
//! is missing or stale. A file that cannot be read or parsed any more is skipped and keeps what
//! the index had for it. A read-only or full index directory stops the run with a clear error
//! and the index as it was at its last commit.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, IndexWriter, TERMINATED, TantivyDocument, TantivyError, Term};

use super::document::{DocumentBuilder, Produced};
use super::{Fields, Payload, Store, StoreError, exists, io_kind};
use crate::analysis::Analyzer;
use crate::corpus::{self, Boilerplate, Found, RepeatLearner};

/// Options of one ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files or directories to ingest.
    pub paths: Vec<PathBuf>,
    /// Reindex everything instead of only what changed.
    pub rebuild: bool,
    /// Files larger than this are skipped.
    pub max_file_size: u64,
    /// Show a progress bar on standard error.
    pub progress: bool,
    /// Commit after about this many bytes of input, so an interruption loses one batch at most.
    pub batch_bytes: u64,
    /// Indexing memory budget in bytes.
    pub memory_budget: usize,
    /// A page read from standard input (`kiosque ingest -`), indexed with the others.
    pub stdin: Option<StdinPage>,
    /// Score each document's sentiment (off: `--no-sentiment`, for benchmarks).
    pub sentiment: bool,
    /// Find entity mentions (off: `--no-entities`, for benchmarks).
    pub entities: bool,
}

/// A page given as bytes rather than as a file (standard input).
#[derive(Debug, Clone)]
pub struct StdinPage {
    /// Its name: the corpus-relative path it is indexed under (its id is the name without
    /// extension); the extension chooses the format, else the content does.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// Name of the lock file that keeps a second ingest out of an index directory.
pub const LOCK_FILE: &str = ".kiosque-ingest-lock";

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            paths: vec![PathBuf::from("corpus")],
            rebuild: false,
            max_file_size: 50 * 1024 * 1024,
            progress: false,
            batch_bytes: 64 * 1024 * 1024,
            memory_budget: 256 * 1024 * 1024,
            stdin: None,
            sentiment: true,
            entities: true,
        }
    }
}

/// A file (or line of a file) left out, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// The file, with `:line` for a bad line of a JSON Lines file.
    pub path: String,
    /// What was wrong.
    pub reason: String,
    /// True when this run did not read the file again (its content is unchanged): the reason
    /// is the one recorded when it was indexed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unchanged: bool,
    /// A line of a file rather than a whole file.
    #[serde(skip)]
    pub line: bool,
}

impl Skipped {
    /// A skip found by this run.
    fn new(path: String, reason: String) -> Skipped {
        Skipped {
            path,
            reason,
            unchanged: false,
            line: false,
        }
    }
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files found under the given paths (those left out included).
    pub seen: usize,
    /// Files indexed for the first time.
    pub added: usize,
    /// Files whose content changed, replaced in the index.
    pub updated: usize,
    /// Files left as they were (same content hash).
    pub unchanged: usize,
    /// Unchanged pages read again because their directory learned more boilerplate lines
    /// (not counted as unchanged).
    #[serde(skip_serializing_if = "is_zero")]
    pub relearned: usize,
    /// Files gone from the corpus, removed from the index.
    pub removed: usize,
    /// Files and lines left out, with the reason (the lines of unchanged files included, as
    /// recorded when they were read).
    pub skipped: Vec<Skipped>,
    /// Lines indexed with a part not read (a date…), with what.
    pub notes: Vec<Skipped>,
    /// Articles indexed by this run.
    pub articles: usize,
    /// Comments indexed by this run.
    pub comments: usize,
    /// Files that were not UTF-8, with the encoding they were decoded from.
    pub not_utf8: Vec<Skipped>,
    /// Files whose mojibake ("Ã©" for "é") was repaired, with the number of sequences.
    pub mojibake: Vec<Repaired>,
    /// Articles in the index after the run.
    pub total_articles: u64,
    /// Comments in the index after the run.
    pub total_comments: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// A file whose mojibake was repaired.
#[derive(Debug, Clone, Serialize)]
pub struct Repaired {
    /// The file.
    pub path: String,
    /// Mojibake sequences repaired in it.
    pub sequences: usize,
    /// True when this run did not read the file again (its content is unchanged).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unchanged: bool,
}

/// `flags` bit of a file marker whose `json` field holds the file's [`FileNotes`].
pub const MARKER_NOTES: u64 = 1;

/// What reading a file noted, kept in its marker document so that a later run, which does not
/// read an unchanged file again, still reports it: the lines left out, the encoding when it
/// was not UTF-8, the mojibake repaired.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileNotes {
    /// Lines of JSON Lines files left out, or indexed with a part not read, with why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped_lines: Vec<LineNote>,
    /// The encoding the file was decoded from, when it was not UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Mojibake sequences repaired.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub mojibake: usize,
}

/// A line of a file left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineNote {
    /// Line number, from 1 (0: the note is about the whole file).
    pub line: usize,
    /// What was wrong.
    pub reason: String,
    /// The line was indexed all the same (a part of it was not read: a date…).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept: bool,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl FileNotes {
    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self == &FileNotes::default()
    }

    /// Adds what the notes say about the file shown as `path` to a summary.
    fn report(&self, path: &str, unchanged: bool, summary: &mut Summary) {
        for l in &self.skipped_lines {
            // Line 0: a note on the whole file.
            let note = Skipped {
                path: if l.line == 0 {
                    path.to_string()
                } else {
                    format!("{path}:{}", l.line)
                },
                reason: l.reason.clone(),
                unchanged,
                line: l.line != 0,
            };
            if l.kept {
                summary.notes.push(note);
            } else {
                summary.skipped.push(note);
            }
        }
        if let Some(enc) = &self.encoding {
            summary.not_utf8.push(Skipped {
                path: path.to_string(),
                reason: enc.clone(),
                unchanged,
                line: false,
            });
        }
        if self.mojibake > 0 {
            summary.mojibake.push(Repaired {
                path: path.to_string(),
                sequences: self.mojibake,
                unchanged,
            });
        }
    }
}

/// A found file (or standard input), its content when in memory, and its (size, hash) or why
/// it could not be read; the hash is `None` for a file the index does not know (it is read
/// once, when it is indexed).
type Hashed = (
    Found,
    Option<Arc<Vec<u8>>>,
    std::io::Result<(u64, Option<u64>)>,
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Todo {
    Add,
    Update,
    /// Unchanged, read again: its directory learned more boilerplate lines.
    Reread,
}

struct Work {
    found: Found,
    size: u64,
    todo: Todo,
    /// The content when it does not come from a file (standard input).
    bytes: Option<Arc<Vec<u8>>>,
    /// Records of a JSON Lines file left out because an earlier file has their id: article
    /// id → (line, reason).
    dropped: HashMap<String, (usize, String)>,
}

impl Work {
    /// The content: from memory, else read again from the file (at most `max` bytes).
    fn read(&self, max: u64) -> std::io::Result<Vec<u8>> {
        match &self.bytes {
            Some(b) => Ok(b.as_ref().clone()),
            None => read_limited(&self.found.path, max, self.found.size),
        }
    }

    fn display(&self) -> String {
        self.found.path.display().to_string()
    }
}

/// Reads a file found `size` bytes long, refusing one that has grown over `max` bytes since.
fn read_limited(path: &Path, max: u64, size: u64) -> std::io::Result<Vec<u8>> {
    let mut f = File::open(path)?;
    // Room for the size found at discovery and one byte more: the file comes in one read,
    // and the next one sees its end (no small probing reads, no regrowth).
    let mut bytes = Vec::with_capacity(size.min(max).saturating_add(1) as usize);
    f.by_ref()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::other(format!(
            "file is over the limit of {max} bytes (raise --max-file-size)"
        )));
    }
    Ok(bytes)
}

/// After tantivy lost its indexing thread to an I/O error it does not pass on: whether the
/// directory still takes a few megabytes (`Some(StorageFull)` when it does not).
fn probe_space(dir: &Path) -> Option<ErrorKind> {
    use std::io::Write;
    let path = dir.join(".kiosque-space-probe");
    let result = (|| {
        let mut f = File::create(&path)?;
        let block = vec![0u8; 256 * 1024];
        for _ in 0..8 {
            f.write_all(&block)?;
        }
        f.sync_all()
    })();
    let _ = std::fs::remove_file(&path);
    result.err().map(|e| e.kind())
}

/// I/O failures that mean the index cannot be written (and have their own message).
fn is_write_failure(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::StorageFull
            | ErrorKind::QuotaExceeded
            | ErrorKind::FileTooLarge
            | ErrorKind::ReadOnlyFilesystem
            | ErrorKind::PermissionDenied
    )
}

fn tantivy_err(dir: &Path) -> impl Fn(TantivyError) -> StoreError + '_ {
    move |e| match e {
        TantivyError::LockFailure(LockError::LockBusy, _) => StoreError::Locked(dir.to_path_buf()),
        TantivyError::ErrorInThread(ref what) if what.contains("killed") => {
            match probe_space(dir) {
                Some(kind) if is_write_failure(kind) => {
                    StoreError::from_io_kind(dir, Some(kind), "a write failed".into())
                }
                _ => StoreError::from_io_kind(
                    dir,
                    None,
                    format!(
                        "indexing stopped on an error ({e}); the index is still as it was at its \
                         last commit: check the disk and run the same command again"
                    ),
                ),
            }
        }
        error => match io_kind(&error) {
            Some(kind) if is_write_failure(kind) => {
                StoreError::from_io_kind(dir, Some(kind), error.to_string())
            }
            _ => StoreError::Tantivy {
                dir: dir.to_path_buf(),
                error,
            },
        },
    }
}

/// Maps an I/O error on the index directory to a [`StoreError`] that says what to do.
fn dir_io_err(dir: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| match e.kind() {
        k if is_write_failure(k) => StoreError::from_io_kind(dir, Some(k), e.to_string()),
        _ => StoreError::Io {
            dir: dir.to_path_buf(),
            error: e,
        },
    }
}

/// Fails with [`StoreError::ReadOnly`] (or another clear error) when no file can be created
/// in the index directory, before anything is changed. (The lock file may already exist, and
/// its owner may open it for writing, in a directory that is itself read-only.)
fn check_writable(dir: &Path) -> Result<(), StoreError> {
    let probe = dir.join(".kiosque-write-probe");
    File::create(&probe).map_err(dir_io_err(dir))?;
    std::fs::remove_file(&probe).map_err(dir_io_err(dir))
}

/// Takes the ingest lock of the index directory (created if need be); held while the file
/// stays open. Another ingest holding it gives [`StoreError::Locked`] at once.
pub fn lock(dir: &Path) -> Result<File, StoreError> {
    let io_err = dir_io_err(dir);
    std::fs::create_dir_all(dir).map_err(&io_err)?;
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
        .map_err(&io_err)?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked(dir.to_path_buf())),
        Err(std::fs::TryLockError::Error(e)) => Err(io_err(e)),
    }
}

/// Runs an ingest into the index at `dir`.
pub fn ingest(dir: &Path, opts: &IngestOptions) -> Result<Summary, StoreError> {
    let started = Instant::now();
    let terr = tantivy_err(dir);
    let _lock = lock(dir)?;
    check_writable(dir)?;
    let mut store = if !exists(dir) {
        Store::create(dir)?
    } else {
        match Store::open(dir) {
            Ok(s) => s,
            // A rebuild starts anew from an index of another version, or a damaged one.
            Err(StoreError::Version { .. } | StoreError::Damaged { .. }) if opts.rebuild => {
                Store::create(dir)?
            }
            Err(e) => return Err(e),
        }
    };
    // Parsing and analysis (the rayon pool, one thread a core) are more than half the work:
    // tantivy gets one indexing thread for two cores. Fewer segment writers also mean each
    // word of the vocabulary hashed and serialised in fewer segments (on 2 cores, one thread
    // instead of two: about 10 % less CPU for the same index).
    let threads = (std::thread::available_parallelism().map_or(2, |n| n.get()) / 2).clamp(1, 8);
    let mut writer: IndexWriter<TantivyDocument> = store
        .index
        .writer_with_num_threads(threads, opts.memory_budget)
        .map_err(&terr)?;
    writer.set_merge_policy(Box::new(super::merge::BoundedMergePolicy));
    let fields = store.fields.clone();

    let known = if opts.rebuild {
        writer.delete_all_documents().map_err(&terr)?;
        store.payload = Payload::current();
        HashMap::new()
    } else {
        known_files(&store).map_err(&terr)?
    };

    // 1. Find files, hash them, decide what to do.
    let max = opts.max_file_size;
    let discovery = corpus::discover(&opts.paths, max);
    // Files seen: those found, and those under the given paths left out (too large,
    // unreadable, a name that is not UTF-8, a link that leads nowhere); a given path that
    // cannot be read at all is no file seen.
    let given = |path: &str| opts.paths.iter().any(|p| p.display().to_string() == path);
    let left_out = discovery
        .skipped
        .iter()
        .filter(|s| s.rel.is_some() || !given(&s.path))
        .count();
    let mut summary = Summary {
        seen: discovery.found.len() + left_out + usize::from(opts.stdin.is_some()),
        ..Summary::default()
    };
    // A run that finds nothing at all where the index holds files would empty it: a mistyped
    // path or an emptied directory, most likely.
    if discovery.found.is_empty()
        && discovery.skipped.is_empty()
        && opts.stdin.is_none()
        && !known.is_empty()
    {
        let paths: Vec<String> = opts.paths.iter().map(|p| p.display().to_string()).collect();
        return Err(StoreError::NothingFound {
            paths: paths.join(" "),
            files: known.len(),
        });
    }
    // What the index holds for skipped paths stays; when a whole root could not be read,
    // nothing is removed as gone.
    let mut kept_prefixes: Vec<String> = Vec::new();
    let mut remove_gone = true;
    for s in discovery.skipped {
        match &s.rel {
            Some(rel) => kept_prefixes.push(rel.clone()),
            None => remove_gone &= !given(&s.path),
        }
        summary.skipped.push(Skipped::new(s.path, s.reason));
    }
    let mut hashed: Vec<Hashed> = discovery
        .found
        .into_par_iter()
        .map(|f| {
            // Only a file the index knows is read here, to tell whether it changed, and only
            // when its metadata stamp is not the one recorded when it was indexed.
            let r = match known.get(&f.rel) {
                Some(k) if k.stamp != 0 && k.stamp == f.stamp => Ok((f.size, Some(k.hash))),
                Some(_) => read_limited(&f.path, max, f.size)
                    .map(|b| (b.len() as u64, Some(xxhash_rust::xxh3::xxh3_64(&b)))),
                None => Ok((f.size, None)),
            };
            (f, None, r)
        })
        .collect();
    if let Some(page) = &opts.stdin {
        let rel = page.name.clone();
        let format = Path::new(&rel)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(corpus::Format::from_extension)
            .unwrap_or_else(|| corpus::sniff_format(&page.bytes));
        let found = Found {
            path: PathBuf::from("-"),
            id: strip_extension(&rel),
            rel,
            format,
            size: page.bytes.len() as u64,
            // Standard input has no metadata: its content is always compared.
            stamp: 0,
        };
        let r = if page.bytes.len() as u64 > max {
            Err(std::io::Error::other(format!(
                "standard input is over the limit of {max} bytes (raise --max-file-size)"
            )))
        } else if hashed.iter().any(|(f, _, _)| f.rel == found.rel) {
            Err(std::io::Error::other(format!(
                "a file of the corpus has the same name \"{}\" (give another --stdin-name)",
                found.rel
            )))
        } else {
            Ok((
                page.bytes.len() as u64,
                Some(xxhash_rust::xxh3::xxh3_64(&page.bytes)),
            ))
        };
        hashed.push((found, Some(Arc::new(page.bytes.clone())), r));
    }
    let mut present: HashSet<String> = HashSet::new();
    let mut work: Vec<Work> = Vec::new();
    let mut unchanged: Vec<Found> = Vec::new();
    // Each file's place in the order the files were found: the first of two files claiming
    // one id keeps it.
    let mut order: HashMap<String, usize> = HashMap::new();
    for (found, bytes, r) in hashed {
        let at = order.len();
        order.entry(found.rel.clone()).or_insert(at);
        if bytes.is_none() || r.is_ok() {
            // (Standard input refused for its name must not stand for that file.)
            present.insert(found.rel.clone());
        }
        match r {
            Err(e) => summary.skipped.push(Skipped::new(
                found.path.display().to_string(),
                format!("cannot read: {e}"),
            )),
            Ok((size, hash)) => {
                let todo = match known.get(&found.rel) {
                    Some(k) if Some(k.hash) == hash => {
                        // (A touched or copied file with the same content keeps its record: it
                        // is read and compared again on the next run. Rewriting the records of
                        // a whole copied corpus would cost more than reading it.)
                        summary.unchanged += 1;
                        unchanged.push(found);
                        continue;
                    }
                    Some(_) => Todo::Update,
                    None => Todo::Add,
                };
                work.push(Work {
                    found,
                    size,
                    todo,
                    bytes,
                    dropped: HashMap::new(),
                });
            }
        }
    }
    // Ids claimed by two files: a JSON Lines record and a page ("press.jsonl" record "a1" and
    // "press/a1.txt" are both "press/a1"), or two JSON Lines files.
    let shared = shared_ids(&work, &unchanged, &known, &present, &order, max);
    if !shared.is_empty() {
        let mut pages: Vec<(usize, Skipped)> = Vec::new();
        let mut keep = |found: &Found| match shared.pages.get(&found.rel) {
            Some(reason) => {
                if known.contains_key(&found.rel) {
                    writer.delete_term(Term::from_field_text(fields.file, &found.rel));
                }
                let at = order.get(&found.rel).copied().unwrap_or(usize::MAX);
                pages.push((
                    at,
                    Skipped::new(found.path.display().to_string(), reason.clone()),
                ));
                false
            }
            None => true,
        };
        work.retain(|w| keep(&w.found));
        unchanged.retain(|f| keep(f));
        pages.sort_by_key(|(at, _)| *at);
        summary.skipped.extend(pages.into_iter().map(|(_, s)| s));
        // JSON Lines files whose records kept or left out may have changed are read again.
        let (again, still): (Vec<Found>, Vec<Found>) = std::mem::take(&mut unchanged)
            .into_iter()
            .partition(|f| shared.reread.contains(&f.rel));
        unchanged = still;
        for found in again {
            work.push(Work {
                size: found.size,
                found,
                todo: Todo::Update,
                bytes: None,
                dropped: HashMap::new(),
            });
        }
        for w in &mut work {
            if let Some(d) = shared.records.get(&w.found.rel) {
                w.dropped = d.clone();
            }
        }
        summary.unchanged = unchanged.len();
    }
    // A run that reads only standard input sees no other file: the page's ids are checked
    // against the documents of other files already in the index, which came first.
    if opts.paths.is_empty()
        && let Some(w) = work.iter_mut().find(|w| w.bytes.is_some())
    {
        let taken = taken_in_index(&store, w).map_err(&terr)?;
        if w.found.format == corpus::Format::JsonLines {
            w.dropped = taken;
        } else if let Some((_, reason)) = taken.into_values().next() {
            summary.skipped.push(Skipped::new(w.display(), reason));
            work.retain(|w| w.bytes.is_none());
        }
    }
    // A run that reads only standard input adds to the index and removes nothing.
    remove_gone &= !(opts.paths.is_empty() && opts.stdin.is_some());
    if remove_gone {
        for rel in known.keys() {
            let kept = kept_prefixes.iter().any(|k| {
                rel == k
                    || rel
                        .strip_prefix(k.as_str())
                        .is_some_and(|r| r.starts_with('/'))
            });
            if !present.contains(rel) && !kept {
                writer.delete_term(Term::from_field_text(fields.file, rel));
                summary.removed += 1;
            }
        }
    }

    // 2. Learn the lines that repeat across the pages of each directory.
    let grown = learn_boilerplate(&work, &unchanged, &order, max, &mut store.payload);
    // The unchanged pages of a directory that learned more lines are read again, so that the
    // index holds what a rebuild would (not the footers learned since they were indexed).
    if !grown.is_empty() {
        let (again, still): (Vec<Found>, Vec<Found>) = std::mem::take(&mut unchanged)
            .into_iter()
            .partition(|f| f.format == corpus::Format::TextPage && grown.contains(&dir_of(&f.rel)));
        unchanged = still;
        summary.unchanged = unchanged.len();
        for found in again {
            work.push(Work {
                size: found.size,
                found,
                todo: Todo::Reread,
                bytes: None,
                dropped: HashMap::new(),
            });
        }
    }
    // Unchanged files are not parsed again: what was noted when they were indexed is reported.
    if !unchanged.is_empty() {
        let notes = file_notes(&store).map_err(&terr)?;
        for found in &unchanged {
            if let Some(n) = notes.get(&found.rel) {
                n.report(&found.path.display().to_string(), true, &mut summary);
            }
        }
    }
    let boilerplates: HashMap<String, Boilerplate> = store
        .payload
        .boilerplate
        .iter()
        .map(|(d, hashes)| {
            (
                d.clone(),
                Boilerplate::with_repeated(hashes.iter().copied().collect()),
            )
        })
        .collect();
    let plain = Boilerplate::with_repeated(HashSet::new());

    // 3. Parse, analyse and index in batches, committing after each.
    let total_bytes: u64 = work.iter().map(|w| w.size).sum();
    let bar = if opts.progress && !work.is_empty() {
        let bar = indicatif::ProgressBar::new(total_bytes);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} ingest [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        Some(bar)
    } else {
        None
    };
    // The lists and lexicons are loaded only when there is something to analyse.
    let analyzer = Analyzer::default();
    let builder = DocumentBuilder::new(&fields, &analyzer)
        .with_sentiment(
            (opts.sentiment && !work.is_empty()).then(crate::analysis::sentiment::builtin),
        )
        .with_entities(
            (opts.entities && !work.is_empty()).then(crate::analysis::entities::builtin),
        );
    let build = |w: &Work| {
        let boiler = boilerplates.get(&dir_of(&w.found.rel)).unwrap_or(&plain);
        let built = build_file(&builder, w, boiler, max, &fields);
        if let Some(bar) = &bar {
            bar.inc(w.size);
        }
        built
    };
    // The last files (at most what is built during a commit) make a batch of their own: built
    // while the batch before is committed, they leave the last commit, which nothing
    // overlaps, a small segment to write.
    let last_batch = {
        let mut at = work.len();
        let mut bytes = 0;
        while at > 0 && bytes + work[at - 1].size <= AHEAD_BYTES.min(opts.batch_bytes) {
            bytes += work[at - 1].size;
            at -= 1;
        }
        at
    };
    let batch_end = |start: usize| {
        let mut end = start;
        let mut bytes = 0;
        while end < work.len() && (end == start || bytes < opts.batch_bytes && end != last_batch) {
            bytes += work[end].size;
            end += 1;
        }
        end
    };
    let mut start = 0;
    let mut committed_once = false;
    // Files at the head of the batch built while the previous batch was being committed.
    let mut ahead: Vec<Built> = Vec::new();
    while start < work.len() {
        let end = batch_end(start);
        let batch = &work[start..end];
        let (head, rest) = batch.split_at(ahead.len());
        let mut results: Vec<FileOutcome> = head
            .iter()
            .zip(ahead.drain(..))
            .map(|(w, b)| add_file(&writer, w, b, &fields))
            .collect();
        results.par_extend(
            rest.par_iter()
                .map(|w| add_file(&writer, w, build(w), &fields)),
        );
        for (w, r) in batch.iter().zip(results) {
            summary.skipped.extend(r.skipped);
            r.notes.report(&w.display(), false, &mut summary);
            if let Some(p) = r.produced {
                summary.articles += p.articles;
                summary.comments += p.comments;
                match w.todo {
                    Todo::Add => summary.added += 1,
                    Todo::Update => summary.updated += 1,
                    Todo::Reread => summary.relearned += 1,
                }
            }
            if let Some(e) = r.error {
                return Err(terr(e));
            }
        }
        // The commit writes the batch's segment on tantivy's indexing thread alone: the head
        // of the next batch is parsed and analysed meanwhile, until the commit is done or a
        // bounded amount of it is built.
        let next = &work[end..batch_end(end)];
        // A large page is left for its batch: its documents would add to the commit's memory.
        let next = &next[..next
            .iter()
            .position(|w| w.size > AHEAD_MAX_FILE)
            .unwrap_or(next.len())];
        let done = std::sync::atomic::AtomicBool::new(false);
        let payload = &store.payload;
        let committed = std::thread::scope(|s| {
            let committing = s.spawn(|| {
                let r = commit(&mut writer, payload, &terr);
                done.store(true, std::sync::atomic::Ordering::Release);
                r
            });
            let mut built_bytes = 0;
            for chunk in next.chunks(AHEAD_CHUNK_FILES) {
                if done.load(std::sync::atomic::Ordering::Acquire) || built_bytes >= AHEAD_BYTES {
                    break;
                }
                built_bytes += chunk.iter().map(|w| w.size).sum::<u64>();
                ahead.par_extend(chunk.par_iter().map(build));
            }
            committing
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
        });
        committed?;
        committed_once = true;
        start = end;
    }
    if !committed_once {
        commit(&mut writer, &store.payload, &terr)?;
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    writer.wait_merging_threads().map_err(&terr)?;
    let (a, c) = super::search::count_kinds(&store).map_err(&terr)?;
    summary.total_articles = a;
    summary.total_comments = c;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn commit(
    writer: &mut IndexWriter<TantivyDocument>,
    payload: &Payload,
    terr: &impl Fn(TantivyError) -> StoreError,
) -> Result<(), StoreError> {
    let mut prepared = writer.prepare_commit().map_err(terr)?;
    prepared.set_payload(&serde_json::to_string(payload).unwrap_or_default());
    prepared.commit().map_err(terr)?;
    Ok(())
}

/// Files built at a time while a batch is committed (the commit is checked for between).
const AHEAD_CHUNK_FILES: usize = 64;

/// Most input bytes of the next batch built while a batch is committed: their documents wait
/// in memory for the commit.
const AHEAD_BYTES: u64 = 16 * 1024 * 1024;

/// Largest file built while a batch is committed.
const AHEAD_MAX_FILE: u64 = 4 * 1024 * 1024;

/// Directory part of a corpus-relative path (`""` at the root).
fn dir_of(rel: &str) -> String {
    rel.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

/// Most pages of one directory read to learn its repeated lines.
const LEARN_SAMPLE: usize = 2000;

/// A text page to learn from: its file and, for standard input, its content.
type Sample<'a> = (&'a Found, Option<&'a Arc<Vec<u8>>>);

/// Learns the lines repeated across the text pages of each directory with new or changed pages
/// in `work` into the payload. The directory's unchanged pages are read too (an evenly spread
/// sample of at most [`LEARN_SAMPLE`] pages a directory, in the order the files were found),
/// so that a corpus grown a few pages at a time learns what a rebuild learns. Returns the
/// directories that learned lines they did not have.
fn learn_boilerplate(
    work: &[Work],
    unchanged: &[Found],
    order: &HashMap<String, usize>,
    max: u64,
    payload: &mut Payload,
) -> HashSet<String> {
    let mut by_dir: BTreeMap<String, Vec<Sample>> = BTreeMap::new();
    for w in work {
        if w.found.format == corpus::Format::TextPage {
            by_dir
                .entry(dir_of(&w.found.rel))
                .or_default()
                .push((&w.found, w.bytes.as_ref()));
        }
    }
    for f in unchanged {
        if f.format == corpus::Format::TextPage
            && let Some(files) = by_dir.get_mut(&dir_of(&f.rel))
        {
            files.push((f, None));
        }
    }
    let mut grown = HashSet::new();
    for (d, mut files) in by_dir {
        files.sort_by_key(|(f, _)| order.get(&f.rel).copied().unwrap_or(usize::MAX));
        // Lines repeated on 30 % of a directory's pages show on about 30 % of any evenly spread
        // sample of them: past LEARN_SAMPLE pages, every k-th page is read.
        if files.len() > LEARN_SAMPLE {
            let step = files.len().div_ceil(LEARN_SAMPLE);
            files = files.into_iter().step_by(step).collect();
        }
        let learner = files
            .par_iter()
            .fold(RepeatLearner::default, |mut l, (f, bytes)| {
                let read = match bytes {
                    Some(b) => Ok(b.as_ref().clone()),
                    None => read_limited(&f.path, max, f.size),
                };
                if let Ok(bytes) = read
                    && let Ok(dec) = corpus::decode(&bytes)
                {
                    l.add_page(&dec.text);
                }
                l
            })
            .reduce(RepeatLearner::default, RepeatLearner::merge);
        if learner.pages() < RepeatLearner::MIN_PAGES {
            continue;
        }
        let mut set: HashSet<u64> = payload
            .boilerplate
            .get(&d)
            .map(|v| v.iter().copied().collect())
            .unwrap_or_default();
        let before = set.len();
        set.extend(learner.finish());
        if set.len() == before {
            continue;
        }
        let mut v: Vec<u64> = set.into_iter().collect();
        v.sort_unstable();
        payload.boilerplate.insert(d.clone(), v);
        grown.insert(d);
    }
    grown
}

/// What [`shared_ids`] decided about ids claimed by two files.
#[derive(Debug, Default)]
struct SharedIds {
    /// Pages left out (corpus-relative path → reason).
    pages: HashMap<String, String>,
    /// Records of JSON Lines files left out: path → (article id → (line, reason)).
    records: HashMap<String, HashMap<String, (usize, String)>>,
    /// JSON Lines files to read again, even unchanged: what they keep may have changed.
    reread: HashSet<String>,
}

impl SharedIds {
    fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.records.is_empty() && self.reread.is_empty()
    }
}

/// A file of the run for [`shared_ids`]: found, its content when in memory, and whether it is
/// new or changed.
type Candidate<'a> = (&'a Found, Option<&'a Arc<Vec<u8>>>, bool);

/// Finds the ids two files claim. A JSON Lines record's id is its file's id, `/` and its own
/// id, so `press.jsonl` record `a1` is `press/a1`, as is the page `press/a1.txt` (or a record
/// of `press/a1.jsonl`…). The file found first keeps the id; a later page is left out, a later
/// record dropped, each with a reason naming the other file. Only JSON Lines files with other
/// files under their id (`press/…`) are read for this, and only when one of those files is
/// new, changed or gone: otherwise what the index holds was decided on the same files.
fn shared_ids(
    work: &[Work],
    unchanged: &[Found],
    known: &HashMap<String, Known>,
    present: &HashSet<String>,
    order: &HashMap<String, usize>,
    max: u64,
) -> SharedIds {
    let mut out = SharedIds::default();
    let files: Vec<Candidate> = work
        .iter()
        .map(|w| (&w.found, w.bytes.as_ref(), true))
        .chain(unchanged.iter().map(|f| (f, None, false)))
        .collect();
    if !files
        .iter()
        .any(|(f, _, _)| f.format == corpus::Format::JsonLines)
    {
        return out;
    }
    let gone: Vec<String> = known
        .keys()
        .filter(|rel| !present.contains(*rel))
        .map(|rel| strip_extension(rel))
        .collect();
    let ids: std::collections::BTreeSet<&str> = files
        .iter()
        .map(|(f, _, _)| f.id.as_str())
        .chain(gone.iter().map(String::as_str))
        .collect();
    let has_under = |id: &str| {
        let prefix = format!("{id}/");
        ids.range(prefix.as_str()..)
            .next()
            .is_some_and(|x| x.starts_with(&prefix))
    };
    let risky: HashSet<&str> = files
        .iter()
        .filter(|(f, _, _)| f.format == corpus::Format::JsonLines && has_under(&f.id))
        .map(|(f, _, _)| f.id.as_str())
        .collect();
    if risky.is_empty() {
        return out;
    }
    // A file takes part when it is one of those JSON Lines files or lies under one's id.
    let takes_part = |id: &str| {
        risky.contains(id) || id.match_indices('/').any(|(i, _)| risky.contains(&id[..i]))
    };
    let mut part: Vec<&Candidate> = files.iter().filter(|(f, _, _)| takes_part(&f.id)).collect();
    let changed = part.iter().any(|(_, _, new)| *new) || gone.iter().any(|id| takes_part(id));
    if !changed {
        return out;
    }
    part.sort_by_key(|(f, _, _)| order.get(&f.rel).copied().unwrap_or(usize::MAX));
    // Id → where it was found first (a path, with its line for a record), and that file.
    let mut owner: HashMap<String, (String, &str)> = HashMap::new();
    for (f, bytes, _) in part {
        let path = f.path.display().to_string();
        if f.format != corpus::Format::JsonLines {
            match owner.get(&f.id) {
                Some((at, _)) => {
                    out.pages.insert(
                        f.rel.clone(),
                        format!(
                            "same id \"{}\" as the record at {at} (a JSON Lines record's id is \
                             its file's id, \"/\" and its own id): rename one",
                            f.id
                        ),
                    );
                }
                None => {
                    owner.insert(f.id.clone(), (path, f.rel.as_str()));
                }
            }
            continue;
        }
        out.reread.insert(f.rel.clone());
        let data = match bytes {
            Some(b) => Ok(b.as_ref().clone()),
            None => read_limited(&f.path, max, f.size),
        };
        // (A file that cannot be read or decoded is reported when it is indexed.)
        let Ok(data) = data else { continue };
        let Ok(text) = corpus::decode(&data) else {
            continue;
        };
        drop(data);
        let (records, _) = corpus::parse_jsonl_lines(&f.id, &f.rel, &text.text);
        for (line, a) in records {
            match owner.get(&a.id) {
                Some((_, rel)) if *rel == f.rel => {}
                Some((at, _)) => {
                    let reason = format!(
                        "same article id \"{}\" as {at} (found first); line dropped",
                        a.id
                    );
                    out.records
                        .entry(f.rel.clone())
                        .or_default()
                        .insert(a.id, (line, reason));
                }
                None => {
                    owner.insert(a.id, (format!("{path}:{line}"), f.rel.as_str()));
                }
            }
        }
    }
    out
}

/// The ids of a page read from standard input that documents of another file already hold
/// in the index: article id → (line, reason naming that file).
fn taken_in_index(store: &Store, w: &Work) -> tantivy::Result<HashMap<String, (usize, String)>> {
    let mut out = HashMap::new();
    let ids: Vec<(usize, String)> = match (&w.bytes, w.found.format) {
        (Some(bytes), corpus::Format::JsonLines) => match corpus::decode(bytes) {
            Ok(d) => corpus::parse_jsonl_lines(&w.found.id, &w.found.rel, &d.text)
                .0
                .into_iter()
                .map(|(line, a)| (line, a.id))
                .collect(),
            Err(_) => return Ok(out),
        },
        _ => vec![(0, w.found.id.clone())],
    };
    let f = &store.fields;
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    for (line, id) in ids {
        let term = |field, v: &str| -> Box<dyn tantivy::query::Query> {
            Box::new(tantivy::query::TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            ))
        };
        let q = tantivy::query::BooleanQuery::intersection(vec![
            term(f.id, &id),
            term(f.kind, super::KIND_ARTICLE),
        ]);
        let top = searcher.search(
            &q,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, addr)) = top.into_iter().next() else {
            continue;
        };
        let doc: TantivyDocument = searcher.doc(addr)?;
        let file = doc
            .get_first(f.file)
            .and_then(|v| tantivy::schema::Value::as_str(&v))
            .unwrap_or("")
            .to_string();
        if file == w.found.rel {
            continue;
        }
        let reason = if line == 0 {
            format!("same id \"{id}\" as {file}, already in the index: rename one")
        } else {
            format!("same article id \"{id}\" as {file}, already in the index; line dropped")
        };
        out.insert(id, (line, reason));
    }
    Ok(out)
}

struct FileOutcome {
    produced: Option<Produced>,
    /// The file itself left out.
    skipped: Vec<Skipped>,
    notes: FileNotes,
    error: Option<TantivyError>,
}

/// A file parsed and analysed: what to report about it, and its documents (with its marker)
/// when it parsed.
struct Built {
    out: FileOutcome,
    docs: Option<(Vec<TantivyDocument>, Produced)>,
}

/// Adds the documents of a built file; a changed file's old documents are deleted first, only
/// once the new version has parsed (a file that cannot be read or parsed any more keeps its
/// old documents).
fn add_file(
    writer: &IndexWriter<TantivyDocument>,
    w: &Work,
    built: Built,
    fields: &Fields,
) -> FileOutcome {
    let Built { mut out, docs } = built;
    let Some((docs, produced)) = docs else {
        return out;
    };
    if w.todo != Todo::Add {
        // Its opstamp comes before the new documents': they survive it.
        writer.delete_term(Term::from_field_text(fields.file, &w.found.rel));
    }
    for d in docs {
        if let Err(e) = writer.add_document(d) {
            out.error = Some(e);
            return out;
        }
    }
    out.produced = Some(produced);
    out
}

/// Parses and analyses one file into its documents and marker, without touching the index.
fn build_file(
    builder: &DocumentBuilder,
    w: &Work,
    boiler: &Boilerplate,
    max: u64,
    fields: &Fields,
) -> Built {
    let mut out = FileOutcome {
        produced: None,
        skipped: Vec::new(),
        notes: FileNotes::default(),
        error: None,
    };
    let path = w.display();
    let bytes = match w.read(max) {
        Ok(b) => b,
        Err(e) => {
            out.skipped
                .push(Skipped::new(path, format!("cannot read: {e}")));
            return Built { out, docs: None };
        }
    };
    // The hash of the content indexed (a changed file's may differ from the one read to
    // compare it); the bytes are let go once parsed (a page of tens of megabytes would
    // otherwise stay in memory twice while its documents are built).
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let parsed = corpus::parse_file(&w.found, &bytes, boiler);
    drop(bytes);
    let mut parsed = match parsed {
        Ok(p) => p,
        Err(e) => {
            out.skipped.push(Skipped::new(path, e.to_string()));
            return Built { out, docs: None };
        }
    };
    if !w.dropped.is_empty() {
        let errors = &mut parsed.line_errors;
        parsed.articles.retain(|a| match w.dropped.get(&a.id) {
            Some((line, reason)) => {
                errors.push(corpus::LineError {
                    line: *line,
                    message: reason.clone(),
                    kept: false,
                });
                false
            }
            None => true,
        });
        errors.sort_by_key(|e| e.line);
    }
    out.notes = FileNotes {
        skipped_lines: parsed
            .line_errors
            .into_iter()
            .map(|le| LineNote {
                line: le.line,
                reason: le.message,
                kept: le.kept,
            })
            .collect(),
        encoding: (!parsed.was_utf8).then(|| parsed.encoding.to_string()),
        mojibake: parsed.mojibake,
    };
    let mut docs = Vec::new();
    let mut produced = Produced::default();
    // A fault in the analysis of one page must not stop the ingest of the others: the file
    // is left out (its old documents stay) and named.
    let built = guarded(|| {
        for a in &parsed.articles {
            let p = builder.article_docs(a, &mut docs);
            produced.articles += p.articles;
            produced.comments += p.comments;
        }
    });
    if let Err(message) = built {
        out.skipped.push(Skipped::new(
            path,
            format!(
                "internal error while analysing it ({message}); the rest of the corpus is \
                 indexed: please report this file"
            ),
        ));
        return Built { out, docs: None };
    }
    let mut marker = builder.file_marker(&w.found.rel, hash, w.found.stamp);
    if !out.notes.is_empty() {
        marker.add_text(
            fields.json,
            serde_json::to_string(&out.notes).unwrap_or_default(),
        );
        marker.add_u64(fields.flags, MARKER_NOTES);
    }
    docs.push(marker);
    Built {
        out,
        docs: Some((docs, produced)),
    }
}

thread_local! {
    /// Set while [`guarded`] runs work on this thread.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into its message; while it runs, [`is_guarded`] is true on this
/// thread (so that a panic hook can stay quiet: the error is reported with its file).
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was = GUARDED.with(|g| g.replace(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    r.map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown fault".into())
    })
}

/// Whether the current thread runs [`guarded`] work.
pub fn is_guarded() -> bool {
    GUARDED.with(std::cell::Cell::get)
}

/// `rel` without its extension (`dir/page.html` → `dir/page`).
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

/// What the index recorded of a source file when it was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Content hash (xxh3).
    pub hash: u64,
    /// Metadata stamp ([`corpus::stamp_of`]); 0 when none was recorded.
    pub stamp: u64,
}

/// The source files recorded in the index, with their content hash and metadata stamp.
pub fn known_files(store: &Store) -> tantivy::Result<HashMap<String, Known>> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let f = &store.fields;
    let term = Term::from_field_text(f.kind, super::KIND_FILE);
    let mut map = HashMap::new();
    for seg in searcher.segment_readers() {
        let inv = seg.inverted_index(f.kind)?;
        let Some(mut postings) = inv.read_postings(&term, IndexRecordOption::Basic)? else {
            continue;
        };
        let files = seg.fast_fields().str("file")?;
        let hashes = seg.fast_fields().u64("file_hash")?;
        let stamps = seg.fast_fields().u64("file_stamp")?;
        let Some(files) = files else { continue };
        // The marker documents' (name ordinal, what is known), then the names read in one pass
        // over the column's dictionary (looking ordinals up one by one decompresses a block
        // each time).
        let mut found: Vec<(u64, Known)> = Vec::new();
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if !seg.is_deleted(doc)
                && let Some(hash) = hashes.first(doc)
                && let Some(ord) = files.term_ords(doc).next()
            {
                let stamp = stamps.first(doc).unwrap_or(0);
                found.push((ord, Known { hash, stamp }));
            }
            doc = postings.advance();
        }
        found.sort_unstable_by_key(|(ord, _)| *ord);
        let mut stream = files.dictionary().stream()?;
        let mut ord = 0u64;
        let mut next = found.iter().peekable();
        while next.peek().is_some() && stream.advance() {
            while let Some(&&(o, h)) = next.peek() {
                if o != ord {
                    break;
                }
                map.insert(String::from_utf8_lossy(stream.key()).into_owned(), h);
                next.next();
            }
            ord += 1;
        }
    }
    Ok(map)
}

/// What the markers of the source files in the index noted about them (only files with notes).
pub fn file_notes(store: &Store) -> tantivy::Result<HashMap<String, FileNotes>> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let f = &store.fields;
    let term = Term::from_field_text(f.kind, super::KIND_FILE);
    let mut map = HashMap::new();
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        let inv = seg.inverted_index(f.kind)?;
        let Some(mut postings) = inv.read_postings(&term, IndexRecordOption::Basic)? else {
            continue;
        };
        let Some(flags) = seg.fast_fields().u64("flags").ok() else {
            continue;
        };
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if !seg.is_deleted(doc) && flags.first(doc).is_some_and(|b| b & MARKER_NOTES != 0) {
                let d: TantivyDocument = searcher.doc(tantivy::DocAddress::new(ord as u32, doc))?;
                let text = |field| {
                    d.get_first(field)
                        .and_then(|v| tantivy::schema::Value::as_str(&v))
                        .unwrap_or("")
                        .to_string()
                };
                if let Ok(notes) = serde_json::from_str::<FileNotes>(&text(f.json)) {
                    map.insert(text(f.file), notes);
                }
            }
            doc = postings.advance();
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_work_turns_a_fault_into_its_message() {
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        let r: Result<(), String> = guarded(|| panic!("page {} broke", 7));
        assert_eq!(r, Err("page 7 broke".to_string()));
        assert!(!is_guarded());
        assert_eq!(guarded(is_guarded), Ok(true));
    }
}
