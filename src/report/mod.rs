//! Reports read from the index.
