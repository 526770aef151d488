//! Finding files, decoding bytes, page formats → model ([`Article`], [`Comment`]).

pub mod model;

pub use model::{Article, Comment};
