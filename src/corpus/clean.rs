//! Characters no reader sees, taken out of parsed pages: control characters (printed, they
//! would drive the terminal a report is read on) and invisible format characters (a soft
//! hyphen inside "gouverne\u{ad}ment" would hide the word from search and term counts).

use super::model::{Article, Comment};

/// What becomes of `c` in parsed text: kept (`Some(c)`), dropped (`None`), or a space.
fn map_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' => Some(c),
        // Vertical tab, form feed, carriage return: line furniture, a space.
        '\u{b}' | '\u{c}' | '\r' => Some(' '),
        // Other C0 controls, DEL, C1 controls; soft hyphen; zero-width space and non-joiner,
        // direction marks and embeddings, word joiner and invisible operators, direction
        // isolates, byte-order mark. (The zero-width joiner stays: it holds emoji together.)
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{ad}'
        | '\u{200b}'
        | '\u{200c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => None,
        _ => Some(c),
    }
}

/// Whether `s` holds a character [`map_char`] changes, told from its UTF-8 bytes (most texts
/// hold none; "’" and "«" share lead bytes with some, so the bytes after count too).
fn may_hold(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        0x00..=0x08 | 0x0b..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f | 0xad)),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8b | 0x8c | 0x8e | 0x8f | 0xaa..=0xae))
                | (Some(0x81), Some(0xa0..=0xa4 | 0xa6..=0xa9))
        ),
        0xef => b.get(i + 1..i + 3) == Some(&[0xbb, 0xbf]),
        _ => false,
    })
}

/// `s` without the characters no reader sees.
pub fn clean(s: &mut String) {
    if may_hold(s) {
        *s = s.chars().filter_map(map_char).collect();
    }
}

fn clean_all(v: &mut [String]) {
    v.iter_mut().for_each(clean);
}

fn clean_some(s: &mut Option<String>) {
    if let Some(s) = s {
        clean(s);
    }
}

/// Cleans every text of a comment.
fn clean_comment(c: &mut Comment) {
    clean(&mut c.id);
    clean(&mut c.article_id);
    clean_some(&mut c.author);
    clean(&mut c.text);
    clean_all(&mut c.urls);
}

/// Cleans every text of an article and of its comments.
pub fn clean_article(a: &mut Article) {
    clean(&mut a.id);
    clean(&mut a.file);
    clean(&mut a.title);
    clean_some(&mut a.subtitle);
    clean_some(&mut a.category);
    clean_some(&mut a.lede);
    clean_all(&mut a.headings);
    clean_all(&mut a.paragraphs);
    clean_some(&mut a.source);
    clean_all(&mut a.tags);
    clean_some(&mut a.url);
    a.comments.iter_mut().for_each(clean_comment);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(s: &str) -> String {
        let mut s = s.to_string();
        clean(&mut s);
        s
    }

    #[test]
    fn controls_and_invisible_characters_go() {
        assert_eq!(cleaned("gouverne\u{ad}ment"), "gouvernement");
        assert_eq!(cleaned("a\u{1b}[2Jb\u{1b}]0;x\u{7}"), "a[2Jb]0;x");
        assert_eq!(
            cleaned("over\u{202c}ride\u{200b} \u{feff}x\u{9b}"),
            "override x"
        );
        assert_eq!(cleaned("a\u{b}b\u{c}c\rd\te\nf"), "a b c d\te\nf");
        // Everything else stays, joined emoji included.
        let kept = "L’été « déjà » — 👨\u{200d}👩\u{200d}👧 ½ € ©";
        assert_eq!(cleaned(kept), kept);
    }

    #[test]
    fn the_byte_test_tells_exactly_the_characters_that_change() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(may_hold(&c.to_string()), map_char(c) != Some(c), "{c:?}");
        }
    }
}
