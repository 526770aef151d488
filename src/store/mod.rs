//! Tantivy schema, writer (ingest, incremental reindex) and reader (search).

pub mod document;
pub mod entities;
pub mod highlight;
pub mod ingest;
pub mod merge;
pub mod query;
pub mod replay;
pub mod schema;
pub mod search;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::Index;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, META_LOCK, MmapDirectory, WatchCallback,
    WatchHandle, WritePtr,
};

use crate::analysis::ANALYZER_VERSION;
pub use schema::{Fields, KIND_ARTICLE, KIND_COMMENT, KIND_FILE, SCHEMA_VERSION};

/// Errors opening or writing an index. Each says everything on one line: none has a source
/// that an error chain would print a second time.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No index at that place yet.
    #[error("no index in {0} (run `kiosque ingest` first)")]
    Missing(PathBuf),
    /// Built by another analyzer or schema version.
    #[error(
        "the index in {dir} was built by another version of kiosque (analyzer {found_analyzer}, schema {found_schema}; this one is analyzer {ANALYZER_VERSION}, schema {SCHEMA_VERSION}): run `kiosque ingest --rebuild`"
    )]
    Version {
        /// Index directory.
        dir: PathBuf,
        /// Analyzer version recorded in the index.
        found_analyzer: u32,
        /// Schema version recorded in the index.
        found_schema: u32,
    },
    /// Another process holds the writer lock.
    #[error("another process is writing the index in {0}; wait for it to finish")]
    Locked(PathBuf),
    /// The index is there but cannot be opened: damaged, or left half-written by a crash.
    #[error(
        "cannot open the index in {dir} ({cause}); run `kiosque ingest --rebuild` to build it anew"
    )]
    Damaged {
        /// Index directory.
        dir: PathBuf,
        /// What tantivy said.
        cause: String,
    },
    /// The index files cannot be read (permissions).
    #[error("cannot read the index in {dir} ({cause}): check its permissions")]
    Unreadable {
        /// Index directory.
        dir: PathBuf,
        /// The underlying error.
        cause: String,
    },
    /// The index directory cannot be written: a read-only file system or directory.
    #[error(
        "cannot write in the index directory {dir} ({cause}): it is read-only; check its permissions or give another --index (the index was not changed)"
    )]
    ReadOnly {
        /// Index directory.
        dir: PathBuf,
        /// The underlying error.
        cause: String,
    },
    /// No room left to write the index: the disk, a quota, or the file size limit is full.
    #[error(
        "no space left to write the index in {dir} ({cause}); free some space and run the same command again: the index is still as it was at its last commit"
    )]
    Full {
        /// Index directory.
        dir: PathBuf,
        /// The underlying error.
        cause: String,
    },
    /// An ingest found no file under its paths while the index holds some: nothing removed.
    #[error(
        "no page found under {paths}: the {files} files the index holds are left as they are (a mistyped path, or an emptied directory?); `kiosque ingest --rebuild {paths}` empties the index"
    )]
    NothingFound {
        /// The paths given, as written.
        paths: String,
        /// Files the index holds.
        files: usize,
    },
    /// Anything else tantivy reports.
    #[error("index {dir}: {error}")]
    Tantivy {
        /// Index directory.
        dir: PathBuf,
        /// The underlying error (not a `source`: the message already holds it).
        error: tantivy::TantivyError,
    },
    /// Other file-system errors around the index.
    #[error("index {dir}: {error}")]
    Io {
        /// Index directory.
        dir: PathBuf,
        /// The underlying error (not a `source`: the message already holds it).
        error: std::io::Error,
    },
}

impl StoreError {
    /// The error for an I/O failure of kind `kind` on the index in `dir`: read-only and
    /// full-disk failures get their own message, anything else says `what`.
    pub fn from_io_kind(dir: &Path, kind: Option<ErrorKind>, what: String) -> StoreError {
        let dir = dir.to_path_buf();
        match kind {
            Some(ErrorKind::StorageFull | ErrorKind::QuotaExceeded) => {
                StoreError::Full { dir, cause: what }
            }
            Some(ErrorKind::FileTooLarge) => StoreError::Full {
                dir,
                cause: format!("a file reached the file size limit (ulimit -f): {what}"),
            },
            Some(ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied) => {
                StoreError::ReadOnly { dir, cause: what }
            }
            _ => StoreError::Io {
                dir,
                error: std::io::Error::new(kind.unwrap_or(ErrorKind::Other), what),
            },
        }
    }
}

/// The kind of I/O failure behind a tantivy error, when there is one (tantivy keeps some of
/// them only as text).
pub fn io_kind(e: &tantivy::TantivyError) -> Option<ErrorKind> {
    use tantivy::TantivyError;
    use tantivy::directory::error::{OpenReadError, OpenWriteError};
    let direct = match e {
        TantivyError::IoError(io) => Some(io.kind()),
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, .. })
        | TantivyError::OpenReadError(OpenReadError::IoError { io_error, .. }) => {
            Some(io_error.kind())
        }
        _ => None,
    };
    let text = e.to_string();
    let by_text = [
        ("os error 28", ErrorKind::StorageFull),
        ("No space left", ErrorKind::StorageFull),
        ("os error 27", ErrorKind::FileTooLarge),
        ("File too large", ErrorKind::FileTooLarge),
        ("os error 30", ErrorKind::ReadOnlyFilesystem),
        ("Read-only file system", ErrorKind::ReadOnlyFilesystem),
        ("os error 13", ErrorKind::PermissionDenied),
        ("Permission denied", ErrorKind::PermissionDenied),
        ("os error 122", ErrorKind::QuotaExceeded),
        ("quota exceeded", ErrorKind::QuotaExceeded),
    ]
    .into_iter()
    .find(|(needle, _)| text.contains(needle))
    .map(|(_, kind)| kind);
    match direct {
        Some(ErrorKind::Other) | None => by_text.or(direct),
        d => d,
    }
}

/// What kiosque records in the index's commit payload.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Payload {
    /// [`ANALYZER_VERSION`] the index was built with.
    pub analyzer: u32,
    /// [`SCHEMA_VERSION`] the index was built with.
    pub schema: u32,
    /// Learned boilerplate: hashes of lines that repeat across pages, per directory.
    #[serde(default)]
    pub boilerplate: BTreeMap<String, Vec<u64>>,
}

impl Payload {
    /// A payload for this version of kiosque.
    pub fn current() -> Payload {
        Payload {
            analyzer: ANALYZER_VERSION,
            schema: SCHEMA_VERSION,
            boilerplate: BTreeMap::new(),
        }
    }
}

/// An open kiosque index.
pub struct Store {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// Where it lives.
    pub dir: PathBuf,
    /// Its recorded payload.
    pub payload: Payload,
}

/// True when `dir` holds a tantivy index (or may: when permissions keep its `meta.json` from
/// being looked at, opening it says so).
pub fn exists(dir: &Path) -> bool {
    match std::fs::metadata(dir.join("meta.json")) {
        Ok(m) => m.is_file(),
        Err(e) => e.kind() == ErrorKind::PermissionDenied,
    }
}

impl Store {
    /// Opens an existing index, checking its versions. Works on a read-only index directory.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        if !exists(dir) {
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        let open_err = |e: tantivy::TantivyError| match io_kind(&e) {
            Some(ErrorKind::PermissionDenied) => StoreError::Unreadable {
                dir: dir.to_path_buf(),
                cause: e.to_string(),
            },
            _ => StoreError::Damaged {
                dir: dir.to_path_buf(),
                cause: e.to_string(),
            },
        };
        let directory = IndexDirectory::open(dir).map_err(|e| StoreError::Unreadable {
            dir: dir.to_path_buf(),
            cause: e.to_string(),
        })?;
        let index = Index::open(directory).map_err(open_err)?;
        register_tokenizers(&index);
        let metas = index.load_metas().map_err(open_err)?;
        let payload: Payload = metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default();
        let fields = Fields::from_schema(&index.schema());
        // Every segment's files are opened (and their footers checked) now, so that a damaged
        // or truncated one is reported as such, with what to do, by whatever command comes.
        index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(open_err)?;
        match fields {
            Some(fields)
                if payload.analyzer == ANALYZER_VERSION && payload.schema == SCHEMA_VERSION =>
            {
                Ok(Store {
                    index,
                    fields,
                    dir: dir.to_path_buf(),
                    payload,
                })
            }
            // A freshly created index that never committed has no payload yet.
            Some(fields) if metas.payload.is_none() && metas.segments.is_empty() => Ok(Store {
                index,
                fields,
                dir: dir.to_path_buf(),
                payload: Payload::current(),
            }),
            _ => Err(StoreError::Version {
                dir: dir.to_path_buf(),
                found_analyzer: payload.analyzer,
                found_schema: payload.schema,
            }),
        }
    }

    /// Creates a new empty index in `dir`, removing whatever index was there.
    pub fn create(dir: &Path) -> Result<Store, StoreError> {
        let io_err =
            |e: std::io::Error| StoreError::from_io_kind(dir, Some(e.kind()), e.to_string());
        std::fs::create_dir_all(dir).map_err(io_err)?;
        // Remove a previous index's files but keep what the user put there (README, .gitignore).
        for entry in std::fs::read_dir(dir).map_err(io_err)? {
            let entry = entry.map_err(io_err)?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let ours = name == "meta.json"
                || name == ".managed.json"
                || name.ends_with(".lock")
                || name.contains('.')
                    && name
                        .as_bytes()
                        .get(..32)
                        .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
            if ours {
                std::fs::remove_file(entry.path()).map_err(io_err)?;
            }
        }
        let fields = Fields::new();
        let index =
            Index::create_in_dir(dir, fields.schema.clone()).map_err(|error| {
                match io_kind(&error) {
                    kind @ Some(
                        ErrorKind::StorageFull
                        | ErrorKind::QuotaExceeded
                        | ErrorKind::FileTooLarge
                        | ErrorKind::ReadOnlyFilesystem
                        | ErrorKind::PermissionDenied,
                    ) => StoreError::from_io_kind(dir, kind, error.to_string()),
                    _ => StoreError::Tantivy {
                        dir: dir.to_path_buf(),
                        error,
                    },
                }
            })?;
        register_tokenizers(&index);
        Ok(Store {
            index,
            fields,
            dir: dir.to_path_buf(),
            payload: Payload::current(),
        })
    }
}

fn register_tokenizers(index: &Index) {
    index
        .tokenizers()
        .register(replay::REPLAY, replay::ReplayTokenizer::default());
}

/// The index directory as tantivy sees it: memory-mapped files, and a reader lock that also
/// works when the directory cannot be written (a read-only mount, `chmod a-w`), so that every
/// report runs on a read-only index.
///
/// Readers hold tantivy's meta lock while they open segments, so that an ingest does not
/// delete them meanwhile. When the lock file cannot be opened for writing, the reader locks
/// it through a read-only handle instead (the same `flock`), or goes without a lock when there
/// is no lock file at all: then no ingest has ever written in that directory as it is now.
#[derive(Debug, Clone)]
struct IndexDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl IndexDirectory {
    fn open(dir: &Path) -> Result<IndexDirectory, OpenDirectoryError> {
        Ok(IndexDirectory {
            inner: MmapDirectory::open(dir)?,
            root: dir.to_path_buf(),
        })
    }

    /// The meta lock taken through a read-only handle on its file.
    fn read_only_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        let file = match File::open(self.root.join(&lock.filepath)) {
            Ok(f) => f,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Ok(DirectoryLock::from(Box::new(())));
            }
            Err(e) => return Err(LockError::wrap_io_error(e)),
        };
        if lock.is_blocking {
            // A file system without flock: read without it (nothing can write here anyway).
            let _ = file.lock();
        } else if file.try_lock().is_err() {
            return Err(LockError::LockBusy);
        }
        Ok(DirectoryLock::from(Box::new(file)))
    }
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath
                    && matches!(
                        e.kind(),
                        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied
                    ) =>
            {
                self.read_only_lock(lock)
            }
            r => r,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
