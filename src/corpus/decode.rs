//! Bytes → text: BOM sniffing, UTF-8, legacy encodings by detection, binary rejection.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
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
    Ok(Decoded {
        text,
        encoding,
        was_utf8,
    })
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(Some(b"fr"), chardetng::Utf8Detection::Deny)
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
        // ISO-8859-1/15 text reads the same as Windows-1252 for French letters (a lone 0xA4
        // is ambiguous: ISO-8859-15 "€" vs Windows-1252 "¤"; detection picks Windows-1252).
        let (bytes, _, _) = encoding_rs::ISO_8859_15
            .encode("Œuvre complète : l'été à Paris, déjà payé, façon garçon.");
        let d = decode(&bytes).unwrap();
        assert!(
            d.text.contains("l'été à Paris, déjà payé, façon garçon"),
            "{} {}",
            d.encoding,
            d.text
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
