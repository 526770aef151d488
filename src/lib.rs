//! kiosque: a French/English analyzer for corpora of news articles and their reader comments.
//!
//! Data flows one way: files ([`corpus`]) → pages → documents → analysed documents
//! ([`analysis`]) → index ([`store`]) → reports ([`report`]).

pub mod analysis;
pub mod corpus;
pub mod report;
pub mod store;
