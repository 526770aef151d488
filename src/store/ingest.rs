//! `ingest`: files → documents → index, incrementally by content hash, in batches.
//!
//! Safety: one ingest at a time (a lock file, taken before anything is touched); every batch
//! is one tantivy commit holding the documents of whole files together with each file's marker
//! (path and content hash), so a run killed at any moment leaves the index at its last commit
//! and the next run redoes exactly the files whose marker is missing or stale. A file that
//! cannot be read or parsed any more is skipped and keeps what the index had for it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::directory::error::{LockError, OpenWriteError};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, IndexWriter, TERMINATED, TantivyDocument, TantivyError, Term};

use super::document::{DocumentBuilder, Produced};
use super::{Payload, Store, StoreError, exists};
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
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files found under the given paths.
    pub seen: usize,
    /// Files indexed for the first time.
    pub added: usize,
    /// Files whose content changed, replaced in the index.
    pub updated: usize,
    /// Files left as they were (same content hash).
    pub unchanged: usize,
    /// Files gone from the corpus, removed from the index.
    pub removed: usize,
    /// Files and lines left out, with the reason.
    pub skipped: Vec<Skipped>,
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
}

/// A found file (or standard input), its content when in memory, and its (size, hash) or why
/// it could not be read.
type Hashed = (Found, Option<Arc<Vec<u8>>>, std::io::Result<(u64, u64)>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Todo {
    Add,
    Update,
}

struct Work {
    found: Found,
    size: u64,
    hash: u64,
    todo: Todo,
    /// The content when it does not come from a file (standard input).
    bytes: Option<Arc<Vec<u8>>>,
}

impl Work {
    /// The content: from memory, else read again from the file (at most `max` bytes).
    fn read(&self, max: u64) -> std::io::Result<Vec<u8>> {
        match &self.bytes {
            Some(b) => Ok(b.as_ref().clone()),
            None => read_limited(&self.found.path, max),
        }
    }

    fn display(&self) -> String {
        self.found.path.display().to_string()
    }
}

/// Reads a file, refusing one that has grown over `max` bytes since it was found.
fn read_limited(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let mut f = File::open(path)?;
    let mut bytes = Vec::new();
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

/// The kind of I/O failure behind a tantivy error, when there is one.
fn io_kind(e: &TantivyError) -> Option<ErrorKind> {
    let direct = match e {
        TantivyError::IoError(io) => Some(io.kind()),
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, .. }) => {
            Some(io_error.kind())
        }
        _ => None,
    };
    let text = e.to_string();
    let by_text = if text.contains("os error 28") || text.contains("No space left") {
        Some(ErrorKind::StorageFull)
    } else if text.contains("os error 30") || text.contains("Read-only file system") {
        Some(ErrorKind::ReadOnlyFilesystem)
    } else if text.contains("os error 13") || text.contains("Permission denied") {
        Some(ErrorKind::PermissionDenied)
    } else if text.contains("os error 122") || text.contains("quota exceeded") {
        Some(ErrorKind::QuotaExceeded)
    } else {
        None
    };
    match direct {
        Some(ErrorKind::Other) | None => by_text.or(direct),
        d => d,
    }
}

/// A clear error for a failure to write the index: the disk is full, the directory is
/// read-only, or whatever tantivy said.
fn write_error(dir: &Path, kind: Option<ErrorKind>, what: String) -> StoreError {
    let message = match kind {
        Some(ErrorKind::StorageFull | ErrorKind::QuotaExceeded) => format!(
            "no space left on the disk holding the index ({what}); free some space and run the \
             same command again: the index is still as it was at its last commit"
        ),
        Some(ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied) => format!(
            "cannot write in the index directory ({what}); it is read-only: check its \
             permissions or give another --index (the index was not changed)"
        ),
        _ => {
            return StoreError::Io {
                dir: dir.to_path_buf(),
                source: std::io::Error::other(what),
            };
        }
    };
    StoreError::Io {
        dir: dir.to_path_buf(),
        source: std::io::Error::new(kind.unwrap_or(ErrorKind::Other), message),
    }
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

fn tantivy_err(dir: &Path) -> impl Fn(TantivyError) -> StoreError + '_ {
    move |e| match e {
        TantivyError::LockFailure(LockError::LockBusy, _) => StoreError::Locked(dir.to_path_buf()),
        TantivyError::ErrorInThread(ref what) if what.contains("killed") => {
            match probe_space(dir) {
                Some(kind @ (ErrorKind::StorageFull | ErrorKind::QuotaExceeded)) => {
                    write_error(dir, Some(kind), "a write failed".into())
                }
                _ => write_error(
                    dir,
                    None,
                    format!(
                        "indexing stopped on an error ({e}); the index is still as it was at its \
                         last commit: check the disk and run the same command again"
                    ),
                ),
            }
        }
        source => match io_kind(&source) {
            Some(
                kind @ (ErrorKind::StorageFull
                | ErrorKind::QuotaExceeded
                | ErrorKind::ReadOnlyFilesystem
                | ErrorKind::PermissionDenied),
            ) => write_error(dir, Some(kind), source.to_string()),
            _ => StoreError::Tantivy {
                dir: dir.to_path_buf(),
                source,
            },
        },
    }
}

/// Maps an I/O error on the index directory to a [`StoreError`] that says what to do.
fn dir_io_err(dir: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| match e.kind() {
        k @ (ErrorKind::StorageFull
        | ErrorKind::QuotaExceeded
        | ErrorKind::ReadOnlyFilesystem
        | ErrorKind::PermissionDenied) => write_error(dir, Some(k), e.to_string()),
        _ => StoreError::Io {
            dir: dir.to_path_buf(),
            source: e,
        },
    }
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
    let mut store = if !exists(dir) {
        Store::create(dir)?
    } else {
        match Store::open(dir) {
            Ok(s) => s,
            // A rebuild starts anew from an index of another version, or a damaged one.
            Err(StoreError::Version { .. } | StoreError::Tantivy { .. }) if opts.rebuild => {
                Store::create(dir)?
            }
            Err(StoreError::Tantivy { source, .. }) => {
                return Err(StoreError::Io {
                    dir: dir.to_path_buf(),
                    source: std::io::Error::other(format!(
                        "cannot open the index ({source}); run `kiosque ingest --rebuild` to \
                         build it anew"
                    )),
                });
            }
            Err(e) => return Err(e),
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let mut writer: IndexWriter<TantivyDocument> = store
        .index
        .writer_with_num_threads(threads, opts.memory_budget)
        .map_err(&terr)?;
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
    let mut summary = Summary {
        seen: discovery.found.len() + usize::from(opts.stdin.is_some()),
        ..Summary::default()
    };
    // What the index holds for skipped paths stays; when a whole root could not be read,
    // nothing is removed as gone.
    let mut kept_prefixes: Vec<String> = Vec::new();
    let mut remove_gone = true;
    for s in discovery.skipped {
        match &s.rel {
            Some(rel) => kept_prefixes.push(rel.clone()),
            None => remove_gone &= !opts.paths.iter().any(|p| p.display().to_string() == s.path),
        }
        summary.skipped.push(Skipped {
            path: s.path,
            reason: s.reason,
        });
    }
    let mut hashed: Vec<Hashed> = discovery
        .found
        .into_par_iter()
        .map(|f| {
            let r = read_limited(&f.path, max)
                .map(|b| (b.len() as u64, xxhash_rust::xxh3::xxh3_64(&b)));
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
                xxhash_rust::xxh3::xxh3_64(&page.bytes),
            ))
        };
        hashed.push((found, Some(Arc::new(page.bytes.clone())), r));
    }
    let mut present: HashSet<String> = HashSet::new();
    let mut work: Vec<Work> = Vec::new();
    for (found, bytes, r) in hashed {
        if bytes.is_none() || r.is_ok() {
            // (Standard input refused for its name must not stand for that file.)
            present.insert(found.rel.clone());
        }
        match r {
            Err(e) => summary.skipped.push(Skipped {
                path: found.path.display().to_string(),
                reason: format!("cannot read: {e}"),
            }),
            Ok((size, hash)) => {
                let todo = match known.get(&found.rel) {
                    Some(h) if *h == hash => {
                        summary.unchanged += 1;
                        continue;
                    }
                    Some(_) => Todo::Update,
                    None => Todo::Add,
                };
                work.push(Work {
                    found,
                    size,
                    hash,
                    todo,
                    bytes,
                });
            }
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
    learn_boilerplate(&work, max, &mut store.payload);
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
    let analyzer = Analyzer::default();
    let builder = DocumentBuilder::new(&fields, &analyzer);
    let mut start = 0;
    let mut committed_once = false;
    while start < work.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < work.len() && (end == start || bytes < opts.batch_bytes) {
            bytes += work[end].size;
            end += 1;
        }
        let batch = &work[start..end];
        let results: Vec<FileOutcome> = batch
            .par_iter()
            .map(|w| {
                let dir_key = dir_of(&w.found.rel);
                let boiler = boilerplates.get(&dir_key).unwrap_or(&plain);
                let outcome = index_file(&builder, &writer, w, boiler, max, fields.file);
                if let Some(bar) = &bar {
                    bar.inc(w.size);
                }
                outcome
            })
            .collect();
        for (w, r) in batch.iter().zip(results) {
            summary.skipped.extend(r.skipped);
            if let Some(enc) = r.not_utf8 {
                summary.not_utf8.push(Skipped {
                    path: w.display(),
                    reason: enc,
                });
            }
            if r.mojibake > 0 {
                summary.mojibake.push(Repaired {
                    path: w.display(),
                    sequences: r.mojibake,
                });
            }
            if let Some(p) = r.produced {
                summary.articles += p.articles;
                summary.comments += p.comments;
                match w.todo {
                    Todo::Add => summary.added += 1,
                    Todo::Update => summary.updated += 1,
                }
            }
            if let Some(e) = r.error {
                return Err(terr(e));
            }
        }
        commit(&mut writer, &store.payload, &terr)?;
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

/// Directory part of a corpus-relative path (`""` at the root).
fn dir_of(rel: &str) -> String {
    rel.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

fn learn_boilerplate(work: &[Work], max: u64, payload: &mut Payload) {
    let mut by_dir: BTreeMap<String, Vec<&Work>> = BTreeMap::new();
    for w in work {
        if w.found.format == corpus::Format::TextPage {
            by_dir.entry(dir_of(&w.found.rel)).or_default().push(w);
        }
    }
    for (d, files) in by_dir {
        let learner = files
            .par_iter()
            .fold(RepeatLearner::default, |mut l, w| {
                if let Ok(bytes) = w.read(max)
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
        set.extend(learner.finish());
        let mut v: Vec<u64> = set.into_iter().collect();
        v.sort_unstable();
        payload.boilerplate.insert(d, v);
    }
}

struct FileOutcome {
    produced: Option<Produced>,
    skipped: Vec<Skipped>,
    not_utf8: Option<String>,
    mojibake: usize,
    error: Option<TantivyError>,
}

/// Parses one file and adds its documents and marker; a changed file's old documents are
/// deleted first, only once the new version has parsed (a file that cannot be read or parsed
/// any more keeps its old documents).
fn index_file(
    builder: &DocumentBuilder,
    writer: &IndexWriter<TantivyDocument>,
    w: &Work,
    boiler: &Boilerplate,
    max: u64,
    file_field: tantivy::schema::Field,
) -> FileOutcome {
    let mut out = FileOutcome {
        produced: None,
        skipped: Vec::new(),
        not_utf8: None,
        mojibake: 0,
        error: None,
    };
    let path = w.display();
    let bytes = match w.read(max) {
        Ok(b) => b,
        Err(e) => {
            out.skipped.push(Skipped {
                path,
                reason: format!("cannot read: {e}"),
            });
            return out;
        }
    };
    let parsed = match corpus::parse_file(&w.found, &bytes, boiler) {
        Ok(p) => p,
        Err(e) => {
            out.skipped.push(Skipped {
                path,
                reason: e.to_string(),
            });
            return out;
        }
    };
    if !parsed.was_utf8 {
        out.not_utf8 = Some(parsed.encoding.to_string());
    }
    out.mojibake = parsed.mojibake;
    for le in parsed.line_errors {
        out.skipped.push(Skipped {
            path: format!("{path}:{}", le.line),
            reason: le.message,
        });
    }
    let mut docs = Vec::new();
    let mut produced = Produced::default();
    for a in &parsed.articles {
        let p = builder.article_docs(a, &mut docs);
        produced.articles += p.articles;
        produced.comments += p.comments;
    }
    docs.push(builder.file_marker(&w.found.rel, w.hash));
    if w.todo == Todo::Update {
        // Its opstamp comes before the new documents': they survive it.
        writer.delete_term(Term::from_field_text(file_field, &w.found.rel));
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

/// The source files recorded in the index, with their content hash.
pub fn known_files(store: &Store) -> tantivy::Result<HashMap<String, u64>> {
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
        let mut name = String::new();
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if !seg.is_deleted(doc)
                && let (Some(files), Some(h)) = (&files, hashes.first(doc))
                && let Some(ord) = files.term_ords(doc).next()
            {
                name.clear();
                files.ord_to_str(ord, &mut name)?;
                map.insert(name.clone(), h);
            }
            doc = postings.advance();
        }
    }
    Ok(map)
}
