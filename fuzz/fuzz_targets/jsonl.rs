//! Any text: the JSON Lines reader; every non-blank line gives an article or is dropped with
//! its line number.
#![no_main]

use kiosque::corpus::parse_jsonl;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (articles, errors) = parse_jsonl("f", "f.jsonl", &text);
    let dropped = errors
        .iter()
        .filter(|e| e.message.ends_with("line dropped"))
        .count();
    let non_blank = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(articles.len() + dropped, non_blank);
});
