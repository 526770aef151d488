//! Tantivy schema, writer (ingest, incremental reindex) and reader (search).
