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

/// Whether a byte can start a sign's trigger: every token holding a sign or a "!" holds one
/// (`! + : ; = ^ <`, "D" of "xD", the lead byte of an emoji, "❤" or "☹").
static TRIGGER_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(
            b as u8,
            b'!' | b'+' | b':' | b';' | b'=' | b'^' | b'<' | b'D' | 0xe2 | 0xf0..=0xff
        );
        b += 1;
    }
    t
};

/// Whether the byte at `i` of `bytes` (one of [`TRIGGER_BYTES`]) starts a trigger: "D" only
/// after "x" / "X", 0xE2 only as the lead byte of "❤" or "☹".
fn is_trigger(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'D' => i > 0 && matches!(bytes[i - 1], b'x' | b'X'),
        0xe2 => matches!(bytes.get(i + 1..i + 3), Some([0x9d, 0xa4] | [0x98, 0xb9])),
        _ => true,
    }
}

/// Calls `f` for every emoticon, emoji and "+1" among the whitespace-separated tokens of
/// `text` (a token that is, or ends with, a smiley: "super:)"); returns the number of "!".
pub fn scan(text: &str, mut f: impl FnMut(Sign)) -> u32 {
    // Only tokens holding a trigger can count: find the triggers, then their tokens.
    let bytes = text.as_bytes();
    let mut bangs = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        if !TRIGGER_BYTES[usize::from(bytes[i])] || !is_trigger(bytes, i) {
            i += 1;
            continue;
        }
        // A trigger byte is ASCII or a lead byte: `i` is a char boundary.
        let start = text[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(j, c)| j + c.len_utf8());
        let end = text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |j| i + j);
        bangs = bangs.saturating_add(token(&text[start..end], &mut f));
        i = end;
    }
    bangs
}

/// Calls `f` for the sign of one whitespace-separated token, if any; returns its number of
/// "!".
fn token(token: &str, f: &mut impl FnMut(Sign)) -> u32 {
    if token.contains("://") {
        return 0;
    }
    let bangs = token.bytes().filter(|&b| b == b'!').count() as u32;
    let core = token.trim_end_matches(['.', ',', '!', '?', ';']);
    if core == "+1" || core == "+1000" {
        f(("+1", PLUS_ONE));
        return bangs;
    }
    let token = if core.is_empty() { token } else { core };
    if !token
        .bytes()
        .next_back()
        .is_some_and(|b| LAST_BYTES[usize::from(b)])
    {
        return bangs;
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

    /// Every whitespace-separated token read in turn: what [`scan`] must agree with.
    fn scan_every_token(text: &str, mut f: impl FnMut(Sign)) -> u32 {
        text.split_whitespace()
            .map(|t| token(t, &mut f))
            .fold(0u32, u32::saturating_add)
    }

    #[test]
    fn triggers_find_every_token_that_counts() {
        let pieces = [
            ":)", "x", "D", "xD", "X", "!", "?", "+", "1", "+1", "+1000", ":", "p", "P", "(", "❤",
            "☹", "’", "…", "😀", "👎", "^", "_", "<", "3", "=", ";", "-", "/", "'", "@", ">", "é",
            " ", "\u{a0}", "\u{2009}", "\n", "a", "://", ".", ",",
        ];
        // Every string of up to three pieces, and some longer ones.
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        texts.push(pieces.concat());
        texts.push(pieces.join(" "));
        for t in &texts {
            let (mut mine, mut theirs) = (Vec::new(), Vec::new());
            let bangs = scan(t, |s| mine.push(s));
            let expected = scan_every_token(t, |s| theirs.push(s));
            assert_eq!((mine, bangs), (theirs, expected), "{t:?}");
        }
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
