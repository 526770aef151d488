//! Any text: the plain-text page parser.
#![no_main]

use kiosque::corpus::{Boilerplate, parse_text_page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = parse_text_page("p", "p.txt", &text, &Boilerplate::default());
    for (k, c) in a.comments.iter().enumerate() {
        assert_eq!(c.number as usize, k + 1);
    }
});
