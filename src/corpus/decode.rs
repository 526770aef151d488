//! Bytes → text: BOM sniffing, UTF-8, legacy encodings by detection, binary rejection, and
//! repair of mojibake (UTF-8 read as Windows-1252: "Ã©" for "é").

use encoding_rs::{Encoding, ISO_8859_15, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use thiserror::Error;

/// How much of the start of a file is examined for binary content.
const SNIFF_BYTES: usize = 8192;

/// Decoded text and what it was decoded from.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, line endings normalised to `\n`, without BOM.
    pub text: String,
    /// Name of the encoding the bytes were read as (WHATWG name, e.g. "UTF-8", "windows-1252").
    pub encoding: &'static str,
    /// True when the file was UTF-8 (with or without BOM).
    pub was_utf8: bool,
    /// Mojibake sequences repaired ("Ã©" → "é"), see [`repair_mojibake`].
    pub mojibake: usize,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// The file is empty (or holds only a BOM and whitespace).
    #[error("empty file")]
    Empty,
    /// The file looks binary (NUL bytes or many control characters near its start).
    #[error("binary file ({0})")]
    Binary(String),
    /// The page holds no title, text or comment once boilerplate is left out.
    #[error(
        "nothing to index: no title, text or comment once boilerplate is left out (every line \
         is page furniture such as login, share or cookie prompts, a date, or a line repeated \
         across the pages of its directory)"
    )]
    OnlyBoilerplate,
}

/// Decodes a file's bytes: UTF-8 (BOM optional), UTF-16 with BOM, else the encoding guessed
/// by chardetng (Windows-1252, ISO-8859-x …). CRLF and CR become LF.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding, was_utf8) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        check_binary(rest)?;
        let (t, _) = UTF_8.decode_without_bom_handling(rest);
        (t.into_owned(), UTF_8.name(), true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (t, _) = UTF_16LE.decode_without_bom_handling(rest);
        (t.into_owned(), UTF_16LE.name(), false)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (t, _) = UTF_16BE.decode_without_bom_handling(rest);
        (t.into_owned(), UTF_16BE.name(), false)
    } else {
        check_binary(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), UTF_8.name(), true),
            Err(_) => {
                let enc = guess(bytes);
                let (t, _) = enc.decode_without_bom_handling(bytes);
                (t.into_owned(), enc.name(), false)
            }
        }
    };
    if !was_utf8 {
        // UTF-16 text is checked once decoded (its raw bytes are full of NULs).
        check_binary_text(&text)?;
    }
    let text = normalise_newlines(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, mojibake) = repair_mojibake(text);
    Ok(Decoded {
        text,
        encoding,
        was_utf8,
        mojibake,
    })
}

/// Repairs mojibake: UTF-8 text that was once read as Windows-1252 (or Latin-1) and saved again
/// as UTF-8, so that "é" became "Ã©", "’" became "â€™" and "«" became "Â«".
///
/// A sequence is repaired only when it is unambiguous: a character standing for a UTF-8 lead byte
/// (`Â`–`ô`) followed by exactly the continuation characters that byte calls for, which together
/// decode to one printable character. Text that merely contains `Ã` or `Â` (a Portuguese "SÃO",
/// a lone "Â") is left alone. Twice-garbled text ("ÃƒÂ©") is repaired in a second pass.
/// Returns the text and the number of sequences repaired.
pub fn repair_mojibake(text: String) -> (String, usize) {
    let mut text = text;
    let mut total = 0;
    for _ in 0..3 {
        match repair_pass(&text) {
            Some((fixed, n)) => {
                text = fixed;
                total += n;
            }
            None => break,
        }
    }
    (text, total)
}

/// True when `text` holds a lead character (`Â`–`ô`, U+00C2..=U+00F4, which UTF-8 writes
/// `C3 82`..=`C3 B4`) right before a character standing for a continuation byte: every repaired
/// sequence starts so, and French text, full of `é` and `à` followed by letters, has few.
fn may_hold_mojibake(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(p) = bytes[from..].iter().position(|&b| b == 0xC3) {
        let at = from + p;
        if matches!(bytes.get(at + 1), Some(0x82..=0xB4))
            && text[at + 2..]
                .chars()
                .next()
                .and_then(cp1252_byte)
                .is_some_and(|b| (0x80..=0xBF).contains(&b))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// One repair pass; `None` when nothing was repaired.
fn repair_pass(text: &str) -> Option<(String, usize)> {
    if !may_hold_mojibake(text) {
        return None;
    }
    repair_sequences(text)
}

/// One repair pass over every character (see [`repair_pass`]).
fn repair_sequences(text: &str) -> Option<(String, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0; // byte offset in `text` up to which `out` holds the text
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let need = match cp1252_byte(c) {
            Some(0xC2..=0xDF) => 1,
            Some(0xE0..=0xEF) => 2,
            Some(0xF0..=0xF4) => 3,
            _ => 0,
        };
        if need == 0 {
            i += 1;
            continue;
        }
        let mut bytes = [0u8; 4];
        bytes[0] = cp1252_byte(c).unwrap_or(0);
        let mut ok = true;
        for (k, slot) in bytes.iter_mut().enumerate().take(need + 1).skip(1) {
            match chars.get(i + k).and_then(|&(_, ch)| cp1252_byte(ch)) {
                Some(b @ 0x80..=0xBF) => *slot = b,
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        let repaired = ok
            .then(|| std::str::from_utf8(&bytes[..=need]).ok())
            .flatten()
            .and_then(|s| s.chars().next())
            .filter(|&d| !d.is_control() && plausible_repair(bytes[0], d));
        match repaired {
            Some(d) => {
                out.push_str(&text[copied..at]);
                out.push(d);
                let end = chars.get(i + need + 1).map_or(text.len(), |&(b, _)| b);
                copied = end;
                count += 1;
                i += need + 1;
            }
            None => i += 1,
        }
    }
    if count == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, count))
}

/// Whether `repaired`, decoded from a sequence whose lead byte is `lead`, is what mojibake in
/// Latin-script text stands for: accented letters and Latin-1 signs (`Ã©`, `Â«`, `Å“`), general
/// punctuation, currency and letterlike signs (`â€™`, `â‚¬`, `â„¢`), a byte-order mark (`ï»¿`)
/// and emoji (`ðŸ˜€`). Valid French also has leads followed by continuation characters ("é" before
/// a no-break space and "»", "à" before a no-break space and "«"): those would decode to Greek,
/// Samaritan, CJK or Braille characters, and are left alone.
fn plausible_repair(lead: u8, repaired: char) -> bool {
    match lead {
        0xC2..=0xC5 => true,
        0xE2 => ('\u{2000}'..='\u{21FF}').contains(&repaired),
        0xEF => repaired == '\u{FEFF}',
        0xF0 => ('\u{1F000}'..='\u{1FAFF}').contains(&repaired),
        _ => false,
    }
}

/// The Windows-1252 byte a character stands for when it is not ASCII (C1 controls count as the
/// Latin-1 bytes 0x80–0x9F, as a Latin-1 reading produces them).
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(Some(b"fr"), chardetng::Utf8Detection::Deny);
    if enc == WINDOWS_1252 && looks_iso_8859_15(bytes) {
        ISO_8859_15
    } else {
        enc
    }
}

/// ISO-8859-15 rather than Windows-1252 (which chardetng reports for both): no byte in
/// 0x80–0x9F (where Windows-1252 keeps ’ “ ” œ …), and an "œ"/"Œ" (0xBD/0xBC) next to a letter
/// ("c½ur" otherwise) or a "€" (0xA4, "¤" otherwise).
fn looks_iso_8859_15(bytes: &[u8]) -> bool {
    if bytes.iter().any(|b| (0x80..=0x9F).contains(b)) {
        return false;
    }
    let letter = |b: u8| b.is_ascii_alphabetic() || b >= 0xC0;
    bytes.contains(&0xA4)
        || bytes.windows(2).any(|w| {
            matches!(w, [0xBC | 0xBD, b] if letter(*b)) || matches!(w, [a, 0xBD] if letter(*a))
        })
}

fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(DecodeError::Binary("NUL bytes".into()));
    }
    let ctrl = head
        .iter()
        .filter(|&&b| is_bad_control(u32::from(b)))
        .count();
    too_many_controls(ctrl, head.len())
}

fn check_binary_text(text: &str) -> Result<(), DecodeError> {
    let head: Vec<char> = text.chars().take(SNIFF_BYTES).collect();
    if head.contains(&'\0') {
        return Err(DecodeError::Binary("NUL characters".into()));
    }
    let ctrl = head.iter().filter(|&&c| is_bad_control(c as u32)).count();
    too_many_controls(ctrl, head.len())
}

fn is_bad_control(c: u32) -> bool {
    // Tab, LF, VT, FF, CR and ESC occur in text files.
    c < 0x20 && !matches!(c, 0x09..=0x0D | 0x1B)
}

fn too_many_controls(ctrl: usize, len: usize) -> Result<(), DecodeError> {
    // More than 2 % control characters (and not just one or two) means binary.
    if ctrl > 2 && ctrl * 50 > len {
        Err(DecodeError::Binary(format!(
            "{ctrl} control characters in the first {len} bytes"
        )))
    } else {
        Ok(())
    }
}

fn normalise_newlines(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("Été\r\nà Paris\rfin".as_bytes()).unwrap();
        assert_eq!(d.text, "Été\nà Paris\nfin");
        assert_eq!((d.encoding, d.was_utf8), ("UTF-8", true));
        let d = decode(b"\xEF\xBB\xBFBonjour").unwrap();
        assert_eq!((d.text.as_str(), d.was_utf8), ("Bonjour", true));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Répondre\r\nok".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.was_utf8),
            ("Répondre\nok", "UTF-16LE", false)
        );
        let d = decode(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Répondre\nok", "UTF-16BE"));
    }

    #[test]
    fn legacy_encodings() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Le gouvernement américain a déclaré qu'il s'opposait à la décision de l'été, à Noël — « déjà ».");
        let d = decode(&bytes).unwrap();
        assert!(!d.was_utf8);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("américain a déclaré"));
        assert!(d.text.contains("« déjà »"));
        // ISO-8859-1 text reads the same as Windows-1252 for French letters.
        let (bytes, _, _) =
            encoding_rs::ISO_8859_15.encode("L'été à Paris, déjà payé, façon garçon.");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "L'été à Paris, déjà payé, façon garçon.");
        // ISO-8859-15 is told apart by its œ, Œ and €.
        for text in [
            "Œuvre complète : l'été à Paris, déjà payé, façon garçon.",
            "Le cœur du problème : sa sœur a payé.",
            "Il a payé 12 € pour un café à Paris.",
        ] {
            let (bytes, _, _) = encoding_rs::ISO_8859_15.encode(text);
            let d = decode(&bytes).unwrap();
            assert_eq!((d.encoding, d.text.as_str()), ("ISO-8859-15", text));
        }
        // Windows-1252 with œ and ’ stays Windows-1252; so does a Latin-1 "1½ kg".
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Le cœur d’une sœur, déjà.");
        assert_eq!(decode(&bytes).unwrap().encoding, "windows-1252");
        let d = decode(b"Il p\xe8se 1\xbd kg, d\xe9j\xe0.").unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            ("windows-1252", "Il pèse 1½ kg, déjà.")
        );
    }

    #[test]
    fn never_panics_on_random_bytes() {
        let mut x: u64 = 88172645463325252;
        for len in 0..3000usize {
            let bytes: Vec<u8> = (0..len % 300)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 24) as u8
                })
                .collect();
            let mut with_bom = vec![0xFF, 0xFE];
            with_bom.extend(&bytes);
            let _ = decode(&bytes);
            let _ = decode(&with_bom);
        }
    }

    #[test]
    fn mojibake_is_repaired_when_unambiguous() {
        let garble = |s: &str| -> String {
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(s.as_bytes());
            t.into_owned()
        };
        let clean = "L’été à Noël, « déjà » : Œuvre complète, À bientôt, ÉTÉ, 12 €…";
        let bad = garble(clean);
        assert!(bad.contains("Ã©") && bad.contains("â€™"), "{bad}");
        let (fixed, n) = repair_mojibake(bad);
        assert_eq!(fixed, clean);
        assert!(n >= 15, "{n}");
        // Garbled twice.
        let (fixed, n) = repair_mojibake(garble(&garble("café")));
        assert_eq!((fixed.as_str(), n), ("café", 3));
        // Through decode, counted.
        let d = decode(garble("Le gouvernement a décidé.").as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.mojibake),
            ("Le gouvernement a décidé.", 2)
        );
        // Left alone: correct text, lone lead characters, a lead without its continuation.
        for ok in [clean, "SÃO PAULO", "Â", "Ã", "Ã la", "Ã©t"] {
            let (t, n) = repair_mojibake(ok.to_string());
            if ok == "Ã©t" {
                assert_eq!((t.as_str(), n), ("ét", 1));
            } else {
                assert_eq!((t.as_str(), n), (ok, 0), "{ok}");
            }
        }
        // Valid French whose accented letter precedes a no-break space and a guillemet (or
        // other characters that stand for continuation bytes) is kept.
        for ok in [
            "de «\u{a0}liberté\u{a0}» devant",
            "voilà\u{a0}« oui »",
            "CAFÉ\u{a0}»",
            "Ça\u{a0}©",
            "l'été\u{a0}: «\u{a0}déjà\u{a0}»",
            "Liberté\u{a0}\u{a0}Pourquoi",
        ] {
            let (t, n) = repair_mojibake(ok.to_string());
            assert_eq!((t.as_str(), n), (ok, 0), "{ok}");
        }
        // Mojibake of œ, €, ™, a byte-order mark and an emoji is still repaired.
        for clean in ["cœur", "12 €", "Marque™", "Titre\u{feff}suite", "Bravo 😀"] {
            let (fixed, n) = repair_mojibake(garble(clean));
            assert_eq!(fixed, clean);
            assert!(n >= 1, "{clean}");
        }
        // A lead followed by a C1 control that decodes to a control character is kept.
        let (t, n) = repair_mojibake("Â\u{85}".to_string());
        assert_eq!((t.as_str(), n), ("Â\u{85}", 0));
    }

    proptest::proptest! {
        /// The quick test before a repair pass turns away no text the pass would repair.
        #[test]
        fn mojibake_test_misses_no_repair(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", " ", "é", "à", "Ã", "Â", "â", "©", "€", "™", "’", "\u{80}", "\u{a0}", "«",
                    "\u{9c}", "ô", "ð", "Ÿ", "x",
                ]),
                0..12,
            )
        ) {
            let text = parts.concat();
            if repair_sequences(&text).is_some() {
                proptest::prop_assert!(may_hold_mojibake(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF \n"), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(DecodeError::Binary(_))
        ));
        let ctrl: Vec<u8> = (0..200u8)
            .map(|i| if i % 5 == 0 { 1 } else { b'a' })
            .collect();
        assert!(matches!(decode(&ctrl), Err(DecodeError::Binary(_))));
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0, 0, 0, 0]),
            Err(DecodeError::Binary(_))
        ));
    }
}
