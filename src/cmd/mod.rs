//! One module per subcommand; shared helpers for opening the index and printing.

mod comments;
mod entities;
mod ingest;
mod kwic;
mod report;
mod search;
mod sentiment;
mod show;
mod terms;

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use jiff::ToSpan;
use jiff::civil::{Date, DateTime};
use kiosque::store::ingest::IngestOptions;
use kiosque::store::{self, Store, StoreError};

use crate::cli::{Cli, Command};

/// A mistake in how kiosque was called (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs one command. A closed standard output is not an error (see [`quiet_broken_pipe`]).
pub fn run(cli: Cli) -> Result<ExitCode> {
    match run_command(cli) {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        r => r,
    }
}

/// True when writing to a closed pipe is what failed.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

fn run_command(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(a) => ingest::run(&cli.index, a),
        Command::Search(a) => search::run(&cli.index, a),
        Command::Show(a) => show::run(&cli.index, a),
        Command::Terms(a) => terms::run(&cli.index, a),
        Command::Kwic(a) => kwic::run(&cli.index, a),
        Command::Comments(a) => comments::run(&cli.index, a),
        Command::Report(a) => report::run(&cli.index, a),
        Command::Sentiment(a) => sentiment::run(&cli.index, a),
        Command::Entities(a) => entities::run(&cli.index, a),
    }
}

/// Makes a closed standard output (`kiosque search … | head`) end the program quietly with
/// exit code 0 instead of a panic message: the reader has all it wanted; a fault that ingest
/// contains (see `store::ingest::guarded`) prints nothing either.
pub fn quiet_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("os error 32") {
            std::process::exit(0);
        }
        // Ingest reports a fault in one file's analysis with the file, and goes on.
        if kiosque::store::ingest::is_guarded() {
            return;
        }
        default(info);
    }));
}

/// Exit code for an error: 2 for usage errors, 1 otherwise.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    if e.downcast_ref::<UsageError>().is_some() {
        2
    } else {
        1
    }
}

/// A query that reads as a mistyped option (`--bogus`): clap takes words starting with `-` as
/// the query, since `-word` excludes a word; `--name` never is a query.
pub fn not_an_option(command: &str, query: &str) -> Result<(), UsageError> {
    match query.strip_prefix("--") {
        Some(name)
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '=') =>
        {
            Err(UsageError(format!(
                "unknown option '{query}' for `kiosque {command}` (see `kiosque {command} --help`)"
            )))
        }
        _ => Ok(()),
    }
}

/// Calls `f` with each line of standard input (numbered from 1, without its line end). A line
/// that is not UTF-8 is read with its bad bytes replaced (U+FFFD) and a message naming it, so
/// that output lines still match input lines; the exit code then says some input was bad.
pub fn for_stdin_lines(mut f: impl FnMut(usize, &str) -> Result<()>) -> Result<ExitCode> {
    let mut input = std::io::stdin().lock();
    let mut buf = Vec::new();
    let mut bad = 0usize;
    for n in 1.. {
        buf.clear();
        let read = input
            .read_until(b'\n', &mut buf)
            .with_context(|| format!("reading standard input, line {n}"))?;
        if read == 0 {
            break;
        }
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match std::str::from_utf8(line) {
            Ok(text) => f(n, text)?,
            Err(e) => {
                bad += 1;
                eprintln!(
                    "kiosque: standard input, line {n}: not UTF-8 (byte {}); bad bytes read as U+FFFD",
                    e.valid_up_to() + 1
                );
                f(n, &String::from_utf8_lossy(line))?;
            }
        }
    }
    Ok(if bad > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// True when standard output is a terminal and NO_COLOR is not set.
pub fn color_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The bundled corpus that a fresh clone indexes on first use.
pub fn default_corpus() -> PathBuf {
    PathBuf::from("corpus")
}

/// Opens the index for reading, building it from `corpus/` first when there is none yet.
pub fn open_or_build(dir: &Path) -> Result<Store> {
    if !store::exists(dir) {
        let corpus = default_corpus();
        if !corpus.is_dir() {
            return Err(StoreError::Missing(dir.to_path_buf()).into());
        }
        eprintln!(
            "kiosque: no index in {}/ yet: building it from {}/ (first use)…",
            dir.display(),
            corpus.display()
        );
        let opts = IngestOptions {
            paths: vec![corpus],
            progress: std::io::stderr().is_terminal(),
            ..IngestOptions::default()
        };
        // (The line above says what is happening; the error names the directory.)
        let s = store::ingest::ingest(dir, &opts)?;
        eprintln!(
            "kiosque: indexed {} articles and {} comments from {} files in {:.1} s",
            s.articles, s.comments, s.seen, s.seconds
        );
    }
    Ok(Store::open(dir)?)
}

/// Earliest year the index can hold a date of.
pub const FIRST_YEAR: i16 = 1678;
/// Latest year the index can hold a date of.
pub const LAST_YEAR: i16 = 2261;

/// Parses a user date into the period it names: `[start, end)`.
/// Accepts 2014, 2014-09, 2014-09-01, 01/09/2014, 2014-09-01T16:45 (or with a space).
pub fn parse_period(s: &str) -> Result<(DateTime, DateTime), UsageError> {
    let bad = || {
        UsageError(format!(
            "'{s}' is not a date (examples: 2014, 2014-09, 2014-09-01, 01/09/2014, 2014-09-01T16:45)"
        ))
    };
    let t = s.trim();
    let day = |y: i64, m: i64, d: i64| {
        let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
            return Err(bad());
        };
        Date::new(y, m, d).map_err(|_| bad())
    };
    let num = |x: &str| x.trim().parse::<i64>().map_err(|_| bad());
    // The index keeps dates as nanoseconds since 1970 in 64 bits: years 1678 to 2261.
    let in_range = |dt: DateTime| {
        if (FIRST_YEAR..=LAST_YEAR).contains(&dt.year()) {
            Ok(dt)
        } else {
            Err(UsageError(format!(
                "'{s}' is out of range: dates go from {FIRST_YEAR} to {LAST_YEAR}"
            )))
        }
    };
    // A date and time names its minute; a date alone is read below as its whole day (jiff
    // would read it as midnight).
    if t.contains(':')
        && let Ok(dt) = t.replace(' ', "T").parse::<DateTime>()
    {
        return Ok((
            in_range(dt)?,
            dt.checked_add(1.minute()).map_err(|_| bad())?,
        ));
    }
    let parts: Vec<&str> = if t.contains('/') {
        let mut p: Vec<&str> = t.split('/').collect();
        p.reverse();
        p
    } else {
        t.split('-').collect()
    };
    let nums: Vec<i64> = parts.iter().map(|p| num(p)).collect::<Result<_, _>>()?;
    let (start, span) = match nums.as_slice() {
        [y] => (day(*y, 1, 1)?, 1.year()),
        [y, m] => (day(*y, *m, 1)?, 1.month()),
        [y, m, d] => (day(*y, *m, *d)?, 1.day()),
        _ => return Err(bad()),
    };
    if !(1000..=9999).contains(&nums[0]) {
        return Err(bad());
    }
    let end = start.checked_add(span).map_err(|_| bad())?;
    Ok((
        in_range(start.to_datetime(jiff::civil::Time::midnight()))?,
        end.to_datetime(jiff::civil::Time::midnight()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cover_what_they_name() {
        let at = |s: &str| s.parse::<DateTime>().unwrap();
        for (given, from, to) in [
            ("2014", "2014-01-01T00:00", "2015-01-01T00:00"),
            ("2014-09", "2014-09-01T00:00", "2014-10-01T00:00"),
            ("2014-09-01", "2014-09-01T00:00", "2014-09-02T00:00"),
            ("01/09/2014", "2014-09-01T00:00", "2014-09-02T00:00"),
            ("2014-09-01T16:45", "2014-09-01T16:45", "2014-09-01T16:46"),
            ("2014-09-01 16:45", "2014-09-01T16:45", "2014-09-01T16:46"),
        ] {
            assert_eq!(parse_period(given).unwrap(), (at(from), at(to)), "{given}");
        }
    }
}
