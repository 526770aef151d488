//! Signals outside words: emoticons, emoji, "!" emphasis and "+1" approval, found in the raw
//! text (the word segmentation drops punctuation).

/// Textual emoticons and emoji with their polarity (VADER scale).
const EMOTICONS: &[(&str, f32)] = &[
    (":-)", 2.0),
    (":)", 2.0),
    (":o)", 2.0),
    ("=)", 2.0),
    (":D", 2.3),
    (":-D", 2.3),
    ("xD", 2.0),
    ("XD", 2.0),
    (";)", 1.5),
    (";-)", 1.5),
    (":p", 1.2),
    (":P", 1.2),
    (":-p", 1.2),
    (":-P", 1.2),
    ("^^", 1.5),
    ("^_^", 1.8),
    ("<3", 2.5),
    (":(", -2.0),
    (":-(", -2.0),
    ("=(", -2.0),
    (":'(", -2.3),
    (":/", -1.2),
    (":-/", -1.2),
    (">:(", -2.5),
    (":@", -2.3),
    ("🙂", 2.0),
    ("😀", 2.3),
    ("😃", 2.3),
    ("😄", 2.3),
    ("😁", 2.3),
    ("😊", 2.3),
    ("😍", 2.8),
    ("😂", 1.8),
    ("👍", 2.0),
    ("❤", 2.5),
    ("🙁", -2.0),
    ("☹", -2.0),
    ("😞", -2.2),
    ("😢", -2.2),
    ("😭", -2.3),
    ("😠", -2.5),
    ("😡", -2.8),
    ("👎", -2.0),
];

/// Which bytes end one of the [`EMOTICONS`]: a token ending otherwise holds none.
static LAST_BYTES: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut table = [false; 256];
    for (e, _) in EMOTICONS {
        if let Some(b) = e.bytes().next_back() {
            table[usize::from(b)] = true;
        }
    }
    table
});

/// Score of one smiley image removed by the parser (its kind is unknown; forum smileys lean
/// friendly).
pub const HIDDEN_SMILEY: f32 = 0.8;
/// Score of a "+1" approval.
pub const PLUS_ONE: f32 = 2.0;
/// Emphasis added per "!" (VADER's 0.292), at most [`MAX_BANGS`] of them.
pub const BANG: f32 = 0.292;
/// Most "!" counted.
pub const MAX_BANGS: u32 = 4;

/// A signal found in the text: what it is (as written) and its score.
pub type Sign = (&'static str, f32);

/// Calls `f` for every emoticon, emoji and "+1" among the whitespace-separated tokens of
/// `text` (a token that is, or ends with, a smiley: "super:)"); returns the number of "!".
pub fn scan(text: &str, mut f: impl FnMut(Sign)) -> u32 {
    // Most texts hold no sign at all: every textual one has one of these bytes, emoji are
    // 4-byte characters (lead byte 0xF0 or more), and the others are listed.
    let maybe = text
        .bytes()
        .any(|b| matches!(b, b':' | b';' | b'=' | b'^' | b'<' | b'+' | b'!') || b >= 0xF0)
        || ["xD", "XD", "❤", "☹"].iter().any(|e| text.contains(e));
    if !maybe {
        return 0;
    }
    let mut bangs = 0u32;
    for token in text.split_whitespace() {
        if token.contains("://") {
            continue;
        }
        bangs = bangs.saturating_add(token.bytes().filter(|&b| b == b'!').count() as u32);
        let core = token.trim_end_matches(['.', ',', '!', '?', ';']);
        if core == "+1" || core == "+1000" {
            f(("+1", PLUS_ONE));
            continue;
        }
        let token = if core.is_empty() { token } else { core };
        if !token
            .bytes()
            .next_back()
            .is_some_and(|b| LAST_BYTES[usize::from(b)])
        {
            continue;
        }
        if let Some(&(e, s)) = EMOTICONS
            .iter()
            .filter(|(e, _)| token.ends_with(e))
            .max_by_key(|(e, _)| e.len())
        {
            // A letter glued before ":p" or ":D" is a word ("ex:Paris"), not a smiley.
            let before = &token[..token.len() - e.len()];
            let glued = before.ends_with(|c: char| c.is_alphanumeric())
                && e.chars().last().is_some_and(|c| c.is_alphanumeric());
            if !glued {
                f((e, s));
            }
        }
    }
    bangs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signs(text: &str) -> (Vec<&'static str>, u32) {
        let mut v = Vec::new();
        let bangs = scan(text, |(e, _)| v.push(e));
        (v, bangs)
    }

    #[test]
    fn emoticons_plus_one_and_bangs() {
        assert_eq!(
            signs("Super :) et super:-) mais :( !!"),
            (vec![":)", ":-)", ":("], 2)
        );
        assert_eq!(signs("+1 bien vu!"), (vec!["+1"], 1));
        assert_eq!(
            signs("voir http://exemple.fr/a:) ex:Paris 3+1"),
            (vec![], 0)
        );
        assert_eq!(signs("top 👍"), (vec!["👍"], 0));
        assert_eq!(signs("mdr xD"), (vec!["xD"], 0));
        assert_eq!(signs("<3 ❤"), (vec!["<3", "❤"], 0));
        assert_eq!(signs("Rien de spécial ici, vraiment"), (vec![], 0));
    }
}
