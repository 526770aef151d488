//! Tantivy schema, writer (ingest, incremental reindex) and reader (search).

pub mod document;
pub mod highlight;
pub mod ingest;
pub mod query;
pub mod replay;
pub mod schema;
pub mod search;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;

use crate::analysis::ANALYZER_VERSION;
pub use schema::{Fields, KIND_ARTICLE, KIND_COMMENT, KIND_FILE, SCHEMA_VERSION};

/// Errors opening or writing an index.
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
    /// Anything tantivy reports.
    #[error("index {dir}: {source}")]
    Tantivy {
        /// Index directory.
        dir: PathBuf,
        /// The underlying error.
        source: tantivy::TantivyError,
    },
    /// File-system errors around the index.
    #[error("index {dir}: {source}")]
    Io {
        /// Index directory.
        dir: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
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

/// True when `dir` holds a tantivy index.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

impl Store {
    /// Opens an existing index, checking its versions.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        if !exists(dir) {
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        let tantivy_err = |source| StoreError::Tantivy {
            dir: dir.to_path_buf(),
            source,
        };
        let index = Index::open_in_dir(dir).map_err(tantivy_err)?;
        register_tokenizers(&index);
        let metas = index.load_metas().map_err(tantivy_err)?;
        let payload: Payload = metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default();
        let fields = Fields::from_schema(&index.schema());
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
        let io_err = |source| StoreError::Io {
            dir: dir.to_path_buf(),
            source,
        };
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
                    && name.len() > 32
                    && name[..32].bytes().all(|b| b.is_ascii_hexdigit());
            if ours {
                std::fs::remove_file(entry.path()).map_err(io_err)?;
            }
        }
        let fields = Fields::new();
        let index = Index::create_in_dir(dir, fields.schema.clone()).map_err(|source| {
            StoreError::Tantivy {
                dir: dir.to_path_buf(),
                source,
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
