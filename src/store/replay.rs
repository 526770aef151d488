//! Hands tokens analysed once by kiosque to tantivy without re-analysis.
//!
//! A document's `main` forms (or other terms) are written as one string, one segment a word position,
//! segments separated by [`SEP`]; a stop word or a line break is an empty segment. The
//! [`ReplayTokenizer`] registered on the index cuts that string back into tokens with their
//! positions. This is far cheaper than tantivy's pre-tokenized strings (serialised as JSON
//! inside each document), and keeps the analysis in one place: [`crate::analysis`].

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::analysis::Token as AnalysedToken;

/// Name under which the tokenizer is registered on the index.
pub const REPLAY: &str = "kiosque_replay";

/// Separator between positions (never part of an analysed form).
pub const SEP: char = '\u{1}';

/// Encodes the `main` forms of `tokens` for the replay tokenizer.
pub fn encode(tokens: &[AnalysedToken]) -> String {
    let mut out = String::with_capacity(tokens.len() * 8);
    let mut pos = 0u32;
    for t in tokens {
        while pos < t.position {
            out.push(SEP);
            pos += 1;
        }
        out.push_str(&t.main);
        out.push(SEP);
        pos = t.position + 1;
    }
    out
}

/// Tokenizer cutting an [`encode`]d string back into positioned tokens.
#[derive(Debug, Clone, Default)]
pub struct ReplayTokenizer {
    token: Token,
}

/// Token stream of the [`ReplayTokenizer`].
pub struct ReplayStream<'a> {
    rest: &'a str,
    offset: usize,
    position: usize,
    token: &'a mut Token,
}

impl Tokenizer for ReplayTokenizer {
    type TokenStream<'a> = ReplayStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ReplayStream<'a> {
        self.token.reset();
        ReplayStream {
            rest: text,
            offset: 0,
            position: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for ReplayStream<'_> {
    fn advance(&mut self) -> bool {
        while !self.rest.is_empty() {
            // SEP is one byte (U+0001), never inside a UTF-8 sequence.
            let (seg, next) = match self.rest.bytes().position(|b| b == SEP as u8) {
                Some(i) => (&self.rest[..i], i + 1),
                None => (self.rest, self.rest.len()),
            };
            let start = self.offset;
            let position = self.position;
            self.rest = &self.rest[next..];
            self.offset += next;
            self.position += 1;
            if !seg.is_empty() {
                self.token.text.clear();
                self.token.text.push_str(seg);
                self.token.position = position;
                self.token.offset_from = start;
                self.token.offset_to = start + seg.len();
                self.token.position_length = 1;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(position: u32, main: &str) -> AnalysedToken {
        AnalysedToken {
            position,
            start: 0,
            end: 0,
            main: main.into(),
            alt: main.into(),
        }
    }

    #[test]
    fn positions_survive_the_round_trip() {
        let s = encode(&[tok(0, "mandat"), tok(2, "perquisit"), tok(5, "juge")]);
        let mut t = ReplayTokenizer::default();
        let mut stream = t.token_stream(&s);
        let mut got = Vec::new();
        while stream.advance() {
            got.push((stream.token().position, stream.token().text.clone()));
        }
        assert_eq!(
            got,
            vec![
                (0, "mandat".to_string()),
                (2, "perquisit".to_string()),
                (5, "juge".to_string())
            ]
        );
        let mut empty = t.token_stream("");
        assert!(!empty.advance());
    }
}
