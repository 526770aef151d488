//! Input shared by the benchmarks (`benches/`) and `examples/stages.rs`.

use std::path::{Path, PathBuf};

/// The files under `dir`, in path order, read as text until `limit` bytes are read.
pub fn first_pages(dir: &Path, limit: usize) -> Vec<String> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    let mut bytes = 0;
    for f in files {
        if let Ok(t) = std::fs::read_to_string(&f) {
            bytes += t.len();
            out.push(t);
        }
        if bytes > limit {
            break;
        }
    }
    out
}
