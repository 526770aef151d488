//! `kiosque comments`: comment statistics per article and for the corpus, from the fast fields
//! ingest computed for each comment (words, quoting, URL, emoticons, languages, delay).

use std::collections::{BTreeMap, HashMap};

use jiff::civil::{Date, DateTime};
use serde::Serialize;
use tantivy::Searcher;

use super::{
    ARTICLE, COMMENT, ReportError, check_article, column_strings, first_str, kinds, median_sorted,
};
use crate::store::document::from_tantivy_date;
use crate::store::schema::{FLAG_QUOTES, FLAG_TEXT, FLAG_URL};
use crate::store::search::format_date;
use crate::store::{Store, search::Filters, search::filtered_all};

/// Length of comments with text, in words.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WordStats {
    /// Mean.
    pub mean: f64,
    /// Median.
    pub median: f64,
    /// Longest.
    pub max: u64,
}

/// Comment statistics of one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleStats {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publication time, `YYYY-MM-DDTHH:MM`.
    pub published: Option<String>,
    /// Comment count the page declared.
    pub declared: Option<u64>,
    /// Comments parsed.
    pub comments: u64,
    /// True when the page declared another count than was parsed.
    pub mismatch: bool,
    /// Comments with text.
    pub with_text: u64,
    /// Comments without text.
    pub empty: u64,
    /// Earliest comment.
    pub first: Option<String>,
    /// Latest comment.
    pub last: Option<String>,
    /// Minutes from publication to the earliest comment.
    pub first_delay_minutes: Option<i64>,
    /// Median minutes from publication to a comment.
    pub median_delay_minutes: Option<f64>,
    /// Comments per hour of the day (0–23).
    pub by_hour: Vec<u64>,
    /// Comments per day (`YYYY-MM-DD`).
    pub by_day: BTreeMap<String, u64>,
    /// Length of the comments with text.
    pub words: WordStats,
    /// Ids of the comments quoting the article, in page order.
    pub quoting: Vec<String>,
    /// Comments with a URL.
    pub with_url: u64,
    /// Emoticons in all comments.
    pub emoticons: u64,
    /// Comments with a passage in each language.
    pub languages: BTreeMap<String, u64>,
}

/// Corpus-wide comment statistics.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Articles.
    pub articles: u64,
    /// Articles with at least one comment.
    pub articles_with_comments: u64,
    /// Articles whose declared comment count differs from the parsed one.
    pub mismatches: u64,
    /// Sum of declared counts (articles that declare one).
    pub declared: u64,
    /// Comments parsed.
    pub comments: u64,
    /// Comments with text.
    pub with_text: u64,
    /// Comments without text.
    pub empty: u64,
    /// Earliest comment.
    pub first: Option<String>,
    /// Latest comment.
    pub last: Option<String>,
    /// Median over articles of the delay of their first comment, in minutes.
    pub first_delay_minutes: Option<f64>,
    /// Median minutes from publication to a comment, over all comments.
    pub median_delay_minutes: Option<f64>,
    /// Comments per hour of the day.
    pub by_hour: Vec<u64>,
    /// Comments per day.
    pub by_day: BTreeMap<String, u64>,
    /// Length of the comments with text.
    pub words: WordStats,
    /// Comments quoting their article.
    pub quoting: u64,
    /// Comments with a URL.
    pub with_url: u64,
    /// Emoticons.
    pub emoticons: u64,
    /// Comments with a passage in each language.
    pub languages: BTreeMap<String, u64>,
}

/// What `kiosque comments` answers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CommentsReport {
    /// Per article, by id.
    pub articles: Vec<ArticleStats>,
    /// For all the articles listed.
    pub totals: Totals,
}

/// One comment as the report needs it.
#[derive(Debug, Clone)]
struct Row {
    number: u64,
    date: Option<DateTime>,
    delay: Option<i64>,
    words: u64,
    flags: u64,
    emoticons: u64,
}

/// One article and its comments.
#[derive(Debug, Default)]
struct Acc {
    title: String,
    published: Option<DateTime>,
    declared: Option<u64>,
    is_article: bool,
    rows: Vec<Row>,
    /// Comments with a passage in each language, by language number.
    langs: Vec<u64>,
}

/// The articles with their comments, and the languages (numbered as in [`Acc::langs`]).
struct Read {
    accs: HashMap<String, Acc>,
    langs: Vec<String>,
}

fn read(store: &Store, searcher: &Searcher, only: Option<&str>) -> Result<Read, ReportError> {
    let kinds = kinds(store, searcher)?;
    let alive = super::matching_docs(
        searcher,
        &filtered_all(
            store,
            &Filters {
                article: only.map(str::to_string),
                ..Filters::default()
            },
        ),
    )?;
    let mut out: HashMap<String, Acc> = HashMap::new();
    let mut lang_names: Vec<String> = Vec::new();
    for ((seg, kinds), alive) in searcher.segment_readers().iter().zip(&kinds).zip(alive) {
        let ff = seg.fast_fields();
        let article_id = ff.str("article_id")?;
        let ids = column_strings(&article_id)?;
        let title = ff.str("title")?;
        let titles = column_strings(&title)?;
        let lang = ff.str("lang")?;
        // The segment's language ordinals → language numbers.
        let langs: Vec<usize> = column_strings(&lang)?
            .into_iter()
            .map(|l| match lang_names.iter().position(|n| *n == l) {
                Some(i) => i,
                None => {
                    lang_names.push(l);
                    lang_names.len() - 1
                }
            })
            .collect();
        let date = ff.date("date")?;
        let number = ff.u64("number")?;
        let words = ff.u64("words")?;
        let flags = ff.u64("flags")?;
        let emoticons = ff.u64("emoticons")?;
        let declared = ff.u64("declared")?;
        let delay = ff.i64("delay")?;
        for doc in alive {
            let Some(aid) = first_str(&article_id, &ids, doc) else {
                continue;
            };
            let acc = match out.get_mut(aid) {
                Some(a) => a,
                None => out.entry(aid.to_string()).or_default(),
            };
            let d = date.first(doc).and_then(from_tantivy_date);
            match kinds[doc as usize] {
                ARTICLE => {
                    acc.is_article = true;
                    acc.title = first_str(&title, &titles, doc).unwrap_or("").to_string();
                    acc.published = d;
                    acc.declared = declared.first(doc);
                }
                COMMENT => {
                    acc.rows.push(Row {
                        number: number.first(doc).unwrap_or(0),
                        date: d,
                        delay: delay.first(doc),
                        words: words.first(doc).unwrap_or(0),
                        flags: flags.first(doc).unwrap_or(0),
                        emoticons: emoticons.first(doc).unwrap_or(0),
                    });
                    if let Some(c) = &lang {
                        for o in c.term_ords(doc) {
                            if let Some(&l) = langs.get(o as usize) {
                                if acc.langs.len() <= l {
                                    acc.langs.resize(l + 1, 0);
                                }
                                acc.langs[l] += 1;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out.retain(|_, a| a.is_article);
    Ok(Read {
        accs: out,
        langs: lang_names,
    })
}

fn word_stats(mut v: Vec<u64>) -> WordStats {
    if v.is_empty() {
        return WordStats::default();
    }
    v.sort_unstable();
    let f: Vec<f64> = v.iter().map(|&x| x as f64).collect();
    WordStats {
        mean: round2(f.iter().sum::<f64>() / f.len() as f64),
        median: median_sorted(&f).unwrap_or(0.0),
        max: *v.last().unwrap_or(&0),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn median_of(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    median_sorted(&v)
}

/// The day `d`, `YYYY-MM-DD`.
fn day(d: Date) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.strftime("%Y-%m-%d").to_string()
    }
}

/// Counts of each day of `dates`.
fn days(dates: &[DateTime]) -> BTreeMap<String, u64> {
    let mut dates: Vec<Date> = dates.iter().map(|d| d.date()).collect();
    dates.sort_unstable();
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < dates.len() {
        let j = i + dates[i..].partition_point(|d| *d == dates[i]);
        out.insert(day(dates[i]), (j - i) as u64);
        i = j;
    }
    out
}

/// Per-article statistics of `id` from its accumulated comments, sorted by number; `langs`
/// names the languages.
fn article_stats(id: &str, a: &Acc, langs: &[String]) -> ArticleStats {
    let rows = &a.rows;
    let n = rows.len() as u64;
    let with_text = rows.iter().filter(|r| r.flags & FLAG_TEXT != 0).count() as u64;
    let dates: Vec<DateTime> = rows.iter().filter_map(|r| r.date).collect();
    let mut by_hour = vec![0u64; 24];
    for d in &dates {
        by_hour[d.hour() as usize] += 1;
    }
    let by_day = days(&dates);
    let delays: Vec<i64> = rows.iter().filter_map(|r| r.delay).collect();
    let languages: BTreeMap<String, u64> = a
        .langs
        .iter()
        .zip(langs)
        .filter(|&(&n, _)| n > 0)
        .map(|(&n, l)| (l.clone(), n))
        .collect();
    ArticleStats {
        id: id.to_string(),
        title: a.title.clone(),
        published: a.published.map(format_date),
        declared: a.declared,
        comments: n,
        mismatch: a.declared.is_some_and(|d| d != n),
        with_text,
        empty: n - with_text,
        first: dates.iter().min().copied().map(format_date),
        last: dates.iter().max().copied().map(format_date),
        first_delay_minutes: delays.iter().min().copied(),
        median_delay_minutes: median_of(delays.iter().map(|&d| d as f64).collect()),
        by_hour,
        by_day,
        words: word_stats(
            rows.iter()
                .filter(|r| r.flags & FLAG_TEXT != 0)
                .map(|r| r.words)
                .collect(),
        ),
        quoting: rows
            .iter()
            .filter(|r| r.flags & FLAG_QUOTES != 0)
            .map(|r| format!("{id}#c{}", r.number))
            .collect(),
        with_url: rows.iter().filter(|r| r.flags & FLAG_URL != 0).count() as u64,
        emoticons: rows.iter().map(|r| r.emoticons).sum(),
        languages,
    }
}

/// Comment statistics of every article, or of one (`article`).
pub fn comments(store: &Store, article: Option<&str>) -> Result<CommentsReport, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    if let Some(a) = article {
        check_article(store, &searcher, a)?;
    }
    let Read { mut accs, langs } = read(store, &searcher, article)?;
    for a in accs.values_mut() {
        a.rows.sort_by_key(|r| r.number);
    }
    let mut ids: Vec<&String> = accs.keys().collect();
    ids.sort();
    let articles: Vec<ArticleStats> = ids
        .iter()
        .map(|id| article_stats(id, &accs[*id], &langs))
        .collect();

    let mut t = Totals {
        articles: articles.len() as u64,
        by_hour: vec![0; 24],
        ..Totals::default()
    };
    let mut all_words = Vec::new();
    let mut delays = Vec::new();
    let mut first_delays = Vec::new();
    for (a, s) in ids.iter().map(|id| &accs[*id]).zip(&articles) {
        t.articles_with_comments += u64::from(s.comments > 0);
        t.mismatches += u64::from(s.mismatch);
        t.declared += s.declared.unwrap_or(0);
        t.comments += s.comments;
        t.with_text += s.with_text;
        t.empty += s.empty;
        t.first = match (t.first.take(), s.first.clone()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        t.last = t.last.take().max(s.last.clone());
        if let Some(d) = s.first_delay_minutes {
            first_delays.push(d as f64);
        }
        for (h, n) in s.by_hour.iter().enumerate() {
            t.by_hour[h] += n;
        }
        for (d, n) in &s.by_day {
            *t.by_day.entry(d.clone()).or_insert(0) += n;
        }
        t.quoting += s.quoting.len() as u64;
        t.with_url += s.with_url;
        t.emoticons += s.emoticons;
        for (l, n) in &s.languages {
            *t.languages.entry(l.clone()).or_insert(0) += n;
        }
        for r in &a.rows {
            if r.flags & FLAG_TEXT != 0 {
                all_words.push(r.words);
            }
            if let Some(d) = r.delay {
                delays.push(d as f64);
            }
        }
    }
    t.words = word_stats(all_words);
    t.median_delay_minutes = median_of(delays);
    t.first_delay_minutes = median_of(first_delays);
    Ok(CommentsReport {
        articles,
        totals: t,
    })
}
