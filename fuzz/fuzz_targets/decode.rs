//! Any bytes: decoding (BOMs, detection, binary refusal, mojibake repair), then each format's
//! parser on the result, as `ingest` does.
#![no_main]

use kiosque::corpus::{Boilerplate, Format, Found, parse_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => Format::TextPage,
        1 => Format::JsonLines,
        _ => Format::Html,
    };
    let found = Found {
        path: "p".into(),
        rel: "p".to_string(),
        id: "p".to_string(),
        format,
        size: bytes.len() as u64,
    };
    let _ = parse_file(&found, bytes, &Boilerplate::default());
});
