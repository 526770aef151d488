//! Any query string: parse, then compile against the schema (no index needed).
#![no_main]

use kiosque::analysis::Analyzer;
use kiosque::store::Fields;
use kiosque::store::query::{compile, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(q) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(node) = parse(q) {
        thread_local! {
            static CTX: (Fields, Analyzer) = (Fields::new(), Analyzer::default());
        }
        CTX.with(|(fields, analyzer)| {
            let _ = compile(&node, fields, analyzer);
        });
    }
});
