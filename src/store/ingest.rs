//! `ingest`: files → documents → index, incrementally by content hash, in batches.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::directory::error::LockError;
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
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            paths: vec![PathBuf::from("corpus")],
            rebuild: false,
            max_file_size: 50 * 1024 * 1024,
            progress: false,
            batch_bytes: 64 * 1024 * 1024,
            memory_budget: 256 * 1024 * 1024,
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
    /// Articles in the index after the run.
    pub total_articles: u64,
    /// Comments in the index after the run.
    pub total_comments: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

enum Todo {
    Add,
    Update,
}

struct Work {
    found: Found,
    size: u64,
    hash: u64,
    todo: Todo,
}

fn tantivy_err(dir: &Path) -> impl Fn(TantivyError) -> StoreError + '_ {
    move |e| match e {
        TantivyError::LockFailure(LockError::LockBusy, _) => StoreError::Locked(dir.to_path_buf()),
        source => StoreError::Tantivy {
            dir: dir.to_path_buf(),
            source,
        },
    }
}

/// Runs an ingest into the index at `dir`.
pub fn ingest(dir: &Path, opts: &IngestOptions) -> Result<Summary, StoreError> {
    let started = Instant::now();
    let terr = tantivy_err(dir);
    let mut store = if !exists(dir) {
        Store::create(dir)?
    } else {
        match Store::open(dir) {
            Ok(s) => s,
            Err(StoreError::Version { .. }) if opts.rebuild => Store::create(dir)?,
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
    let discovery = corpus::discover(&opts.paths, opts.max_file_size);
    let mut summary = Summary {
        seen: discovery.found.len(),
        ..Summary::default()
    };
    for s in discovery.skipped {
        summary.skipped.push(Skipped {
            path: s.path,
            reason: s.reason,
        });
    }
    let hashed: Vec<(Found, std::io::Result<(u64, u64)>)> = discovery
        .found
        .into_par_iter()
        .map(|f| {
            let r =
                std::fs::read(&f.path).map(|b| (b.len() as u64, xxhash_rust::xxh3::xxh3_64(&b)));
            (f, r)
        })
        .collect();
    let mut present: HashSet<String> = HashSet::new();
    let mut work: Vec<Work> = Vec::new();
    for (found, r) in hashed {
        present.insert(found.rel.clone());
        match r {
            Err(e) => summary.skipped.push(Skipped {
                path: found.path.display().to_string(),
                reason: format!("cannot read: {e}"),
            }),
            Ok((size, hash)) => match known.get(&found.rel) {
                Some(h) if *h == hash => summary.unchanged += 1,
                Some(_) => work.push(Work {
                    found,
                    size,
                    hash,
                    todo: Todo::Update,
                }),
                None => work.push(Work {
                    found,
                    size,
                    hash,
                    todo: Todo::Add,
                }),
            },
        }
    }
    for rel in known.keys() {
        if !present.contains(rel) {
            writer.delete_term(Term::from_field_text(fields.file, rel));
            summary.removed += 1;
        }
    }

    // 2. Learn the lines that repeat across the pages of each directory.
    learn_boilerplate(&work, &mut store.payload);
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
        for w in batch {
            if let Todo::Update = w.todo {
                writer.delete_term(Term::from_field_text(fields.file, &w.found.rel));
            }
        }
        let results: Vec<FileOutcome> = batch
            .par_iter()
            .map(|w| {
                let dir_key = dir_of(&w.found.rel);
                let boiler = boilerplates.get(&dir_key).unwrap_or(&plain);
                let outcome = index_file(&builder, &writer, w, boiler);
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
                    path: w.found.path.display().to_string(),
                    reason: enc,
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
                return Err(StoreError::Tantivy {
                    dir: dir.to_path_buf(),
                    source: e,
                });
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

fn learn_boilerplate(work: &[Work], payload: &mut Payload) {
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
                if let Ok(bytes) = std::fs::read(&w.found.path)
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
    error: Option<TantivyError>,
}

fn index_file(
    builder: &DocumentBuilder,
    writer: &IndexWriter<TantivyDocument>,
    w: &Work,
    boiler: &Boilerplate,
) -> FileOutcome {
    let mut out = FileOutcome {
        produced: None,
        skipped: Vec::new(),
        not_utf8: None,
        error: None,
    };
    let path = w.found.path.display().to_string();
    let bytes = match std::fs::read(&w.found.path) {
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
    for d in docs {
        if let Err(e) = writer.add_document(d) {
            out.error = Some(e);
            return out;
        }
    }
    out.produced = Some(produced);
    out
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
