//! French (and ISO) dates and times as printed on news pages and comment threads.
//!
//! [`parse_date`] reads a whole string ("Le 01 septembre 2014 à 16h45", "1er mars 2014",
//! "01/09/2014", "2014-09-01T16:45:00+02:00", "lundi 1 septembre 2014, 16:45" …);
//! [`find_date`] and [`find_comment_stamp`] look for one inside a line; [`parse_user_date`]
//! reads the loose forms typed on the command line ("2014", "2014-09", "01/09/2014").

use std::sync::LazyLock;

use jiff::civil::DateTime;
use regex::{Captures, Regex};

/// Month names and abbreviations, accents optional (group-free so it can be embedded).
const MONTH: &str = r"janv(?:ier|\.)?|f[ée]vr?(?:ier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[uû]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?";

/// Weekday names (group-free).
const WEEKDAY: &str = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";

/// The date part: long French, numeric day-first, ISO year-first.
fn date_part() -> String {
    format!(
        r"(?:(?P<d1>\d{{1,2}})(?:er|re|e|ème)?\s+(?P<mo1>{MONTH})\.?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?P<sep2>[/.\-])(?P<mo2>\d{{1,2}})[/.\-](?P<y2>\d{{4}}|\d{{2}})|(?P<y3>\d{{4}})[\-/](?P<mo3>\d{{1,2}})[\-/](?P<d3>\d{{1,2}}))"
    )
}

/// Separator between date and time.
const DT_SEP: &str = r"(?:\s*(?:,|à|a|at|-|–|—|@|\|)\s*|\s+|T)";

/// Optional timezone suffix, ignored.
const TZ: &str = r"(?:\s*(?:z|utc|gmt|cet|cest|heure de paris|\(heure de paris\)|[+\-]\s*\d{1,2}(?::?\d{2})?|\[[a-z_]+(?:/[a-z_+\-]+)*\]))*";

static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:publié|publie|mis à jour|mise à jour|modifié|posté|poste)\s+)?(?:le\s+)?(?:(?:{WEEKDAY})\.?,?\s+)?(?:le\s+)?{date}(?:{DT_SEP}(?P<h>\d{{1,2}})(?:\s*h\s*(?P<mi>\d{{2}})?(?:\s*min)?|:(?P<mi2>\d{{2}}))(?::(?P<s>\d{{2}})(?:[.,]\d+)?)?)?{TZ}\.?$",
        date = date_part()
    ))
    .expect("valid date regex")
});

static FIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?P<le>le)\s+)?(?:(?:{WEEKDAY})\.?,?\s+)?{date}(?:{DT_SEP}(?P<h>\d{{1,2}})(?:\s*h\s*(?P<mi>\d{{2}})|:(?P<mi2>\d{{2}}))(?::(?P<s>\d{{2}}))?)?",
        date = date_part()
    ))
    .expect("valid date regex")
});

/// Parses a whole string as a date, with an optional time; `None` when it is anything else.
///
/// Leading "Le", "Publié le", a weekday, "1er", accent-less month names, "16h45", "16:45",
/// "16 h 45", "à"/","/"-" separators and a trailing timezone are all accepted.
pub fn parse_date(s: &str) -> Option<DateTime> {
    let s = s.trim();
    if s.len() > 120 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let c = FULL.captures(s)?;
    build(&c)
}

/// Finds the first date (with or without a time) inside `line`: byte range and value.
pub fn find_date(line: &str) -> Option<(usize, usize, DateTime)> {
    scan(line, false)
}

/// Finds a comment timestamp — a date followed by a time with minutes — inside `line`.
///
/// Returns the byte range of the stamp (including a leading "Le"/"le") and its value. A capital
/// "Le" may be glued to a preceding word ("Abonnez-vousLe 01/09/2014 à 18h02"); a lowercase
/// "le" glued to letters is not taken as part of the stamp.
pub fn find_comment_stamp(line: &str) -> Option<(usize, usize, DateTime)> {
    if !line.bytes().any(|b| b == b'h' || b == b'H' || b == b':') {
        return None;
    }
    scan(line, true)
}

fn scan(line: &str, need_time: bool) -> Option<(usize, usize, DateTime)> {
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut at = 0;
    while at <= line.len() {
        let c = FIND.captures_at(line, at)?;
        let m = c.get(0)?;
        let mut start = m.start();
        if let Some(le) = c.name("le") {
            let glued = line[..le.start()]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric());
            if glued && !le.as_str().starts_with('L') {
                // "…meuble 01/09/2014": the "le" belongs to a word; the stamp starts after it.
                start = le.end();
                start = line[start..]
                    .char_indices()
                    .find(|(_, ch)| !ch.is_whitespace())
                    .map_or(start, |(i, _)| start + i);
            }
        }
        let before_ok = !line[..start]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_digit());
        let after_ok = !line[m.end()..]
            .chars()
            .next()
            .is_some_and(|n| n.is_ascii_digit());
        let has_time = c.name("mi").is_some() || c.name("mi2").is_some();
        if before_ok
            && after_ok
            && (has_time || !need_time)
            && let Some(dt) = build(&c)
        {
            return Some((start, m.end(), dt));
        }
        // Move past the first character of this match and retry.
        at = m.start() + line[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn build(c: &Captures) -> Option<DateTime> {
    let (year, month, day): (i32, i32, i32) = if c.name("y1").is_some() {
        (
            num(c, "y1")?,
            month_number(c.name("mo1")?.as_str())?,
            num(c, "d1")?,
        )
    } else if c.name("y2").is_some() {
        let y = c.name("y2")?.as_str();
        let mut year: i32 = y.parse().ok()?;
        if y.len() == 2 {
            // Two-digit years only in the slash form ("01/09/14").
            if c.name("sep2").map(|m| m.as_str()) != Some("/") {
                return None;
            }
            year += if year < 70 { 2000 } else { 1900 };
        }
        (year, num(c, "mo2")?, num(c, "d2")?)
    } else {
        (num(c, "y3")?, num(c, "mo3")?, num(c, "d3")?)
    };
    let hour: i32 = num(c, "h").unwrap_or(0);
    let minute: i32 = num(c, "mi").or_else(|| num(c, "mi2")).unwrap_or(0);
    let second: i32 = num(c, "s").unwrap_or(0);
    if !(1000..=9999).contains(&year) {
        return None;
    }
    DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()
}

/// Month number of a French month name or abbreviation, accents optional.
fn month_number(name: &str) -> Option<i32> {
    let n: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ù' => 'u',
            c => c,
        })
        .filter(|c| c.is_alphabetic())
        .collect();
    let prefixes = [
        "janv", "fev", "mars", "avr", "mai", "juin", "juil", "aou", "sept", "oct", "nov", "dec",
    ];
    prefixes
        .iter()
        .position(|p| n.starts_with(p))
        .and_then(|i| i32::try_from(i + 1).ok())
}

/// Parses a date typed by a user: "2014-09-01", "2014-09", "2014", "01/09/2014", "09/2014",
/// or any form [`parse_date`] accepts; partial dates mean their first instant.
pub fn parse_user_date(s: &str) -> Option<DateTime> {
    static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{1,2}))?|(?P<m2>\d{1,2})/(?P<y2>\d{4}))$")
            .expect("valid regex")
    });
    let s = s.trim();
    if let Some(c) = PARTIAL.captures(s) {
        let year: i16 = num(&c, "y").or_else(|| num(&c, "y2"))?;
        let month: i8 = num(&c, "m").or_else(|| num(&c, "m2")).unwrap_or(1);
        return DateTime::new(year, month, 1, 0, 0, 0, 0).ok();
    }
    parse_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dt(y: i16, m: i8, d: i8, h: i8, mi: i8) -> DateTime {
        date(y, m, d).at(h, mi, 0, 0)
    }

    #[test]
    fn long_french_forms() {
        let want = dt(2014, 9, 1, 16, 45);
        for s in [
            "Le 01 septembre 2014 à 16h45",
            "le 1 septembre 2014 à 16h45",
            "1 septembre 2014 16:45",
            "lundi 1 septembre 2014, 16:45",
            "Lundi 1er septembre 2014 - 16 h 45",
            "Publié le lundi 1er Septembre 2014 à 16h45",
            "1 sept. 2014 à 16h45",
            "01 SEPTEMBRE 2014 à 16H45",
        ] {
            assert_eq!(parse_date(s), Some(want), "{s}");
        }
        assert_eq!(parse_date("1er mars 2014"), Some(dt(2014, 3, 1, 0, 0)));
        assert_eq!(parse_date("3 fevrier 2012"), Some(dt(2012, 2, 3, 0, 0)));
        assert_eq!(parse_date("15 aout 2010 à 9h"), Some(dt(2010, 8, 15, 9, 0)));
        assert_eq!(parse_date("24 decembre 2020"), Some(dt(2020, 12, 24, 0, 0)));
        assert_eq!(parse_date("24 décembre 2020"), Some(dt(2020, 12, 24, 0, 0)));
        assert_eq!(parse_date("5 août 2020"), Some(dt(2020, 8, 5, 0, 0)));
    }

    #[test]
    fn numeric_and_iso_forms() {
        assert_eq!(parse_date("01/09/2014"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_date("1.9.2014"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_date("01/09/14"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_date("2014-09-01"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_date("2014-09-01T16:45"), Some(dt(2014, 9, 1, 16, 45)));
        assert_eq!(
            parse_date("2014-09-01T16:45:30"),
            Some(date(2014, 9, 1).at(16, 45, 30, 0))
        );
        assert_eq!(parse_date("2014-09-01 16:45"), Some(dt(2014, 9, 1, 16, 45)));
        assert_eq!(
            parse_date("2014-09-01T16:45:00+02:00"),
            Some(dt(2014, 9, 1, 16, 45))
        );
        assert_eq!(
            parse_date("2014-09-01T16:45:00Z"),
            Some(dt(2014, 9, 1, 16, 45))
        );
        assert_eq!(
            parse_date("01/09/2014 16:45 CEST"),
            Some(dt(2014, 9, 1, 16, 45))
        );
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "",
            "Droit",
            "4 min",
            "31 février 2014",
            "Le 01/13/2014",
            "Le 01 septembre 2014 à 25h00",
            "Le 01 septembre 2014, la juge a décidé",
            "version 1.9.14",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn comment_stamps() {
        let want = dt(2014, 9, 1, 18, 2);
        for s in [
            "Le 01/09/2014 à 18h02",
            "01/09/2014 18:02",
            "Le 1 septembre 2014 à 18h02",
            "le 01/09/2014 - 18:02",
        ] {
            let (a, b, d) = find_comment_stamp(s).expect(s);
            assert_eq!((a, b, d), (0, s.len(), want), "{s}");
        }
        let s = "Abonnez-vousLe 01/09/2014 à 18h02";
        let (a, b, d) = find_comment_stamp(s).unwrap();
        assert_eq!((&s[..a], &s[b..], d), ("Abonnez-vous", "", want));
        let s = "Le 01/09/2014 à 18h02 Premier !";
        let (_, b, _) = find_comment_stamp(s).unwrap();
        assert_eq!(&s[b..], " Premier !");
        // No minutes, no stamp; a date alone is no stamp either.
        assert_eq!(find_comment_stamp("Le 01/09/2014"), None);
        assert_eq!(find_comment_stamp("Le 1 septembre 2014 à 10h"), None);
        // A lowercase "le" glued to a word is not part of the stamp.
        let s = "meuble 01/09/2014 18:02";
        let (a, _, _) = find_comment_stamp(s).unwrap();
        assert_eq!(&s[..a], "meuble ");
        assert_eq!(find_comment_stamp("ref 101/09/2014 18:02"), None);
    }

    #[test]
    fn finds_dates_in_lines() {
        let s = "Publié le 01/09/2014 à 16h45 | Mis à jour le 02/09/2014";
        let (_, _, d) = find_date(s).unwrap();
        assert_eq!(d, dt(2014, 9, 1, 16, 45));
        assert_eq!(find_date("pas de date ici"), None);
    }

    #[test]
    fn user_dates() {
        assert_eq!(parse_user_date("2014-09-01"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_user_date("2014-09"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_user_date("2014"), Some(dt(2014, 1, 1, 0, 0)));
        assert_eq!(parse_user_date("01/09/2014"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_user_date("09/2014"), Some(dt(2014, 9, 1, 0, 0)));
        assert_eq!(parse_user_date("2014-13"), None);
        assert_eq!(parse_user_date("demain"), None);
    }
}
