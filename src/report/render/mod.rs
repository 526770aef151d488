//! Renderers: terminal tables and bar charts ([`text`]), CSV ([`csv`]), Markdown ([`md`]),
//! HTML ([`html`]) with inline SVG charts ([`svg`]).

pub mod csv;
pub mod html;
pub mod md;
pub mod svg;
pub mod text;

use comfy_table::{CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};
use unicode_width::UnicodeWidthStr;

/// A query echoed as typed, in quotes: "mandat de perquisition", or “"plan B"” when it holds a
/// double quote; control characters show as spaces.
pub fn quoted(query: &str) -> String {
    let text: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.contains('"') {
        format!("“{text}”")
    } else {
        format!("\"{text}\"")
    }
}

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text columns.
    Left,
    /// Number columns.
    Right,
}

/// Table style: a rule under the header, nothing else.
const STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// A terminal table with a header row (none when every header is empty); `aligns` gives each
/// column's alignment.
pub fn table(headers: &[&str], aligns: &[Align], rows: &[Vec<String>]) -> String {
    let mut t = Table::new();
    t.load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Disabled);
    if headers.iter().any(|h| !h.is_empty()) {
        t.set_header(headers.to_vec());
    }
    for r in rows {
        t.add_row(r.clone());
    }
    for (i, a) in aligns.iter().enumerate() {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(match a {
                Align::Left => CellAlignment::Left,
                Align::Right => CellAlignment::Right,
            });
        }
    }
    t.to_string()
}

/// Eighths of a block, for bars.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `value / max` of `width` columns, in block characters.
pub fn bar(value: u64, max: u64, width: usize) -> String {
    if max == 0 || value == 0 {
        return String::new();
    }
    let eighths = ((value as f64 / max as f64) * (width * 8) as f64).round() as usize;
    let eighths = eighths.max(1);
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    s
}

/// A horizontal bar chart: one line per item, `label │bar count`.
pub fn bars(items: &[(String, u64)], width: usize) -> String {
    let max = items.iter().map(|i| i.1).max().unwrap_or(0);
    let label_w = items.iter().map(|i| i.0.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (label, v) in items {
        let pad = label_w - label.width();
        out.push_str(&" ".repeat(pad));
        out.push_str(label);
        out.push_str(" │");
        out.push_str(&bar(*v, max, width));
        out.push(' ');
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

/// Groups per-day counts into at most `max_bars` periods: days, then weeks (ISO year-week
/// `2014-W36`), months (`2014-09`) or years, whichever is the finest that fits.
pub fn timeline(
    by_day: &std::collections::BTreeMap<String, u64>,
    max_bars: usize,
) -> Vec<(String, u64)> {
    if by_day.len() <= max_bars {
        return by_day.iter().map(|(d, n)| (d.clone(), *n)).collect();
    }
    let group = |key: &dyn Fn(&str) -> String| {
        let mut out: Vec<(String, u64)> = Vec::new();
        for (d, n) in by_day {
            let k = key(d);
            match out.last_mut() {
                Some((last, c)) if *last == k => *c += n,
                _ => out.push((k, *n)),
            }
        }
        out
    };
    let week = |d: &str| {
        d.parse::<jiff::civil::Date>()
            .map(|d| {
                let w = d.iso_week_date();
                format!("{}-W{:02}", w.year(), w.week())
            })
            .unwrap_or_else(|_| d.to_string())
    };
    let weeks = group(&week);
    if weeks.len() <= max_bars {
        return weeks;
    }
    let months = group(&|d: &str| d.get(..7).unwrap_or(d).to_string());
    if months.len() <= max_bars {
        return months;
    }
    group(&|d: &str| d.get(..4).unwrap_or(d).to_string())
}

/// A number with at most `digits` decimals, trailing zeros removed.
pub fn num(x: f64, digits: usize) -> String {
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Minutes as a duration: `6 min`, `2 h 05`, `3 d 4 h`.
pub fn duration(minutes: f64) -> String {
    let sign = if minutes < 0.0 { "-" } else { "" };
    let m = minutes.abs().round() as u64;
    if m < 60 {
        format!("{sign}{m} min")
    } else if m < 24 * 60 {
        format!("{sign}{} h {:02}", m / 60, m % 60)
    } else {
        format!("{sign}{} d {} h", m / 1440, (m % 1440) / 60)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn queries_are_echoed_as_typed() {
        assert_eq!(
            super::quoted("mandat de perquisition"),
            "\"mandat de perquisition\""
        );
        assert_eq!(super::quoted("\"plan B\""), "“\"plan B\"”");
        assert_eq!(super::quoted("jusqu'à"), "\"jusqu'à\"");
        assert_eq!(super::quoted("a\u{1b}[2Jb\\c"), "\"a [2Jb\\c\"");
    }

    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn bars_scale_to_the_largest() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 100, 4), "▏");
        assert_eq!(bar(0, 10, 4), "");
        let chart = bars(&[("a".into(), 2), ("bb".into(), 4)], 2);
        assert_eq!(chart, " a │█ 2\nbb │██ 4\n");
    }

    #[test]
    fn timelines_coarsen() {
        let mut days = BTreeMap::new();
        for d in 1..=30 {
            days.insert(format!("2014-09-{d:02}"), 1);
        }
        days.insert("2015-01-02".into(), 5);
        assert_eq!(timeline(&days, 40).len(), 31);
        let weeks = timeline(&days, 10);
        assert_eq!(weeks[0], ("2014-W36".to_string(), 7));
        assert_eq!(weeks.last().unwrap(), &("2015-W01".to_string(), 5));
        let months = timeline(&days, 3);
        assert_eq!(months, vec![("2014-09".into(), 30), ("2015-01".into(), 5)]);
        assert_eq!(
            timeline(&days, 1),
            vec![("2014".into(), 30), ("2015".into(), 5)]
        );
    }

    #[test]
    fn numbers_and_durations() {
        assert_eq!(num(2.50, 2), "2.5");
        assert_eq!(num(3.0, 1), "3");
        assert_eq!(num(12.345, 2), "12.35");
        assert_eq!(duration(6.0), "6 min");
        assert_eq!(duration(125.0), "2 h 05");
        assert_eq!(duration(1586.0), "1 d 2 h");
        assert_eq!(duration(-3.0), "-3 min");
    }

    #[test]
    fn tables_align_numbers() {
        let t = table(
            &["term", "count"],
            &[Align::Left, Align::Right],
            &[
                vec!["jug".into(), "7".into()],
                vec!["microsoft".into(), "12".into()],
            ],
        );
        assert!(t.contains("jug"), "{t}");
        let lines: Vec<&str> = t
            .lines()
            .filter(|l| l.contains("jug") || l.contains("microsoft"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].trim_end().chars().count(),
            lines[1].trim_end().chars().count()
        );
    }
}
