//! `kiosque terms --keyness`: the terms whose frequency differs most between a target slice and
//! a reference, ranked by log-likelihood (G², Dunning 1993, as computed by Rayson & Garside
//! 2000), with the direction of the difference and the Log Ratio effect size (Hardie 2014).
//!
//! Sizes are the words of each side, stop words included. Documents in both the target and the
//! reference count for the target only.

use std::borrow::Cow;

use serde::Serialize;
use tantivy::Searcher;

use super::terms::{DEFAULT_FORMS, FormCount, count_target, display_key, forms_of, scan};
use super::{Classes, REFERENCE, ReportError, Slice, TARGET, check_article, slice_classes};
use crate::store::search::filtered_all;
use crate::store::{KIND_ARTICLE, KIND_COMMENT, Store};

/// G² at p < 0.05 (one degree of freedom).
pub const G2_P05: f64 = 3.84;
/// G² at p < 0.01.
pub const G2_P01: f64 = 6.63;
/// G² at p < 0.001.
pub const G2_P001: f64 = 10.83;
/// G² at p < 0.0001.
pub const G2_P0001: f64 = 15.13;

/// What the target is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// Every document of a kind (`article`, `comment`).
    Kind(String),
    /// One article's own text (without its comments).
    Article(String),
    /// Every document outside the target.
    Rest,
}

impl Reference {
    /// Parses `--against`: a kind (`article(s)`, `comment(s)`), `rest`, or an article id.
    pub fn parse(s: &str) -> Reference {
        match s {
            "article" | "articles" => Reference::Kind(KIND_ARTICLE.into()),
            "comment" | "comments" => Reference::Kind(KIND_COMMENT.into()),
            "rest" => Reference::Rest,
            id => Reference::Article(id.to_string()),
        }
    }

    /// The default comparison for a target slice: comments against articles when the whole
    /// corpus is asked, one kind against the other, anything else against the rest.
    pub fn default_for(target: &Slice) -> (Slice, Reference) {
        if target.is_whole() {
            return (
                Slice::of_kind(KIND_COMMENT),
                Reference::Kind(KIND_ARTICLE.into()),
            );
        }
        let only_kind = Slice {
            kind: target.kind.clone(),
            ..Slice::default()
        } == *target;
        match target.kind.as_deref() {
            Some(KIND_COMMENT) if only_kind => {
                (target.clone(), Reference::Kind(KIND_ARTICLE.into()))
            }
            Some(KIND_ARTICLE) if only_kind => {
                (target.clone(), Reference::Kind(KIND_COMMENT.into()))
            }
            _ => (target.clone(), Reference::Rest),
        }
    }

    /// A short description.
    pub fn describe(&self) -> String {
        match self {
            Reference::Kind(k) if k == KIND_ARTICLE => "articles".into(),
            Reference::Kind(k) if k == KIND_COMMENT => "comments".into(),
            Reference::Kind(k) => k.clone(),
            Reference::Article(a) => format!("article {a}"),
            Reference::Rest => "rest of the corpus".into(),
        }
    }
}

/// Log-likelihood G² of a term seen `a` times in a target of `c` words and `b` times in a
/// reference of `d` words.
pub fn g2(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c <= 0.0 || d <= 0.0 || a + b <= 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

/// Log Ratio: binary log of the ratio of relative frequencies (a zero count taken as 0.5).
pub fn log_ratio(a: u64, b: u64, c: u64, d: u64) -> f64 {
    if c == 0 || d == 0 {
        return 0.0;
    }
    let fa = if a == 0 { 0.5 } else { a as f64 } / c as f64;
    let fb = if b == 0 { 0.5 } else { b as f64 } / d as f64;
    (fa / fb).log2()
}

/// Significance stars of a G² value: `****` p < 0.0001 … `*` p < 0.05, "" otherwise.
pub fn stars(g2: f64) -> &'static str {
    if g2 >= G2_P0001 {
        "****"
    } else if g2 >= G2_P001 {
        "***"
    } else if g2 >= G2_P01 {
        "**"
    } else if g2 >= G2_P05 {
        "*"
    } else {
        ""
    }
}

/// One key term.
#[derive(Debug, Clone, Serialize)]
pub struct KeyTerm {
    /// The stem (or stop word).
    pub term: String,
    /// Its most frequent forms, in the target for a term more frequent there, else in the
    /// reference.
    pub forms: Vec<FormCount>,
    /// Occurrences in the target.
    pub count: u64,
    /// Occurrences in the reference.
    pub reference: u64,
    /// Occurrences per 10,000 words of the target.
    pub per_10k: f64,
    /// Occurrences per 10,000 words of the reference.
    pub reference_per_10k: f64,
    /// Log-likelihood.
    pub g2: f64,
    /// Log Ratio (positive: more frequent in the target).
    pub log_ratio: f64,
    /// `over` (more frequent in the target than in the reference) or `under`.
    pub direction: &'static str,
    /// Significance stars.
    pub significance: &'static str,
}

/// What `kiosque terms --keyness` answers.
#[derive(Debug, Clone, Serialize)]
pub struct KeynessReport {
    /// The target, described.
    pub target: String,
    /// The reference, described.
    pub reference: String,
    /// Documents in the target.
    pub target_documents: u64,
    /// Documents in the reference.
    pub reference_documents: u64,
    /// Words in the target.
    pub target_tokens: u64,
    /// Words in the reference.
    pub reference_tokens: u64,
    /// Key terms, highest G² first.
    pub terms: Vec<KeyTerm>,
}

/// Options of a keyness comparison.
#[derive(Debug, Clone)]
pub struct KeynessOptions {
    /// The documents studied (and the language of the words counted on both sides).
    pub target: Slice,
    /// What they are compared with.
    pub reference: Reference,
    /// Terms listed (0: all with G² ≥ `min_g2`).
    pub limit: usize,
    /// Keep stop words.
    pub all_words: bool,
    /// Forms shown per term.
    pub forms: usize,
    /// Lowest G² listed.
    pub min_g2: f64,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        let (target, reference) = Reference::default_for(&Slice::default());
        KeynessOptions {
            target,
            reference,
            limit: 30,
            all_words: false,
            forms: DEFAULT_FORMS,
            min_g2: G2_P05,
        }
    }
}

/// The documents of both sides of a comparison ([`TARGET`], [`REFERENCE`]) and the number of
/// reference documents (those in the target count for the target only).
pub fn sides(
    store: &Store,
    searcher: &Searcher,
    opts: &KeynessOptions,
) -> Result<(Classes, u64), ReportError> {
    if let Some(a) = &opts.target.article {
        check_article(store, searcher, a)?;
    }
    let mut classes = slice_classes(store, searcher, &opts.target, false)?;
    let reference_filters = match &opts.reference {
        Reference::Kind(k) => Slice::of_kind(k).filters(false),
        Reference::Article(a) => {
            check_article(store, searcher, a)?;
            Slice {
                kind: Some(KIND_ARTICLE.into()),
                article: Some(a.clone()),
                ..Slice::default()
            }
            .filters(false)
        }
        Reference::Rest => Slice::default().filters(false),
    };
    let q = filtered_all(store, &reference_filters);
    let mut reference_documents = 0;
    for (seg, docs) in super::matching_docs(searcher, &q)?.into_iter().enumerate() {
        for d in docs {
            let c = &mut classes[seg][d as usize];
            if *c != TARGET {
                *c = REFERENCE;
                reference_documents += 1;
            }
        }
    }
    Ok((classes, reference_documents))
}

/// The key terms among `terms` (key, stop word, occurrences in the target and the reference;
/// in the keys' byte order) for sides of `c` and `d` words, highest G² first, without forms,
/// each with its rank in `terms`.
pub fn rank<'a>(
    terms: impl Iterator<Item = (Cow<'a, str>, bool, u64, u64)>,
    c: u64,
    d: u64,
    opts: &KeynessOptions,
) -> Vec<(usize, KeyTerm)> {
    let per_10k = |n: u64, size: u64| {
        if size == 0 {
            0.0
        } else {
            n as f64 * 10_000.0 / size as f64
        }
    };
    let mut rows: Vec<(usize, KeyTerm)> = terms
        .enumerate()
        .filter(|(_, (_, stop, _, _))| opts.all_words || !stop)
        .filter_map(|(i, (k, _, count, reference))| {
            let g = g2(count, reference, c, d);
            if g < opts.min_g2 || g <= 0.0 {
                return None;
            }
            let over = per_10k(count, c) >= per_10k(reference, d);
            Some((
                i,
                KeyTerm {
                    term: k.into_owned(),
                    forms: Vec::new(),
                    count,
                    reference,
                    per_10k: per_10k(count, c),
                    reference_per_10k: per_10k(reference, d),
                    g2: g,
                    log_ratio: log_ratio(count, reference, c, d),
                    direction: if over { "over" } else { "under" },
                    significance: stars(g),
                },
            ))
        })
        .collect();
    let cmp = |(_, a): &(usize, KeyTerm), (_, b): &(usize, KeyTerm)| {
        b.g2.total_cmp(&a.g2).then_with(|| a.term.cmp(&b.term))
    };
    if opts.limit > 0 && rows.len() > opts.limit {
        rows.select_nth_unstable_by(opts.limit - 1, cmp);
        rows.truncate(opts.limit);
    }
    rows.sort_by(cmp);
    rows
}

/// Compares a target slice with a reference.
pub fn keyness(store: &Store, opts: &KeynessOptions) -> Result<KeynessReport, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let (classes, reference_documents) = sides(store, &searcher, opts)?;
    let scan = scan(store, &searcher, &classes, opts.target.lang)?;
    let (c, d) = (scan.tokens, scan.reference_tokens);
    let mut rows: Vec<KeyTerm> = rank(
        scan.terms.iter().map(|(k, t)| {
            (
                Cow::from(k.as_str()),
                display_key(k).1,
                t.count,
                t.reference,
            )
        }),
        c,
        d,
        opts,
    )
    .into_iter()
    .map(|(_, row)| row)
    .collect();
    // Forms as seen where the term is more frequent.
    for class in [TARGET, REFERENCE] {
        let wanted: Vec<usize> = (0..rows.len())
            .filter(|&i| (rows[i].direction == "over") == (class == TARGET))
            .collect();
        let keys: Vec<&str> = wanted.iter().map(|&i| rows[i].term.as_str()).collect();
        let forms = forms_of(
            store,
            &searcher,
            &classes,
            class,
            opts.target.lang,
            &keys,
            opts.forms,
        )?;
        for (i, f) in wanted.into_iter().zip(forms) {
            rows[i].forms = f;
        }
    }
    for r in &mut rows {
        r.term = display_key(&r.term).0.to_string();
    }
    Ok(KeynessReport {
        target: opts.target.describe(),
        reference: opts.reference.describe(),
        target_documents: count_target(&classes),
        reference_documents,
        target_tokens: c,
        reference_tokens: d,
        terms: rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_matches_the_textbook_formula() {
        // 2 (100 ln(100/75) + 50 ln(50/75)) = 16.99.
        assert!((g2(100, 50, 10_000, 10_000) - 16.99).abs() < 0.01);
        assert_eq!(g2(0, 0, 10, 10), 0.0);
        assert_eq!(g2(5, 5, 0, 10), 0.0);
        // Same relative frequency: no keyness.
        assert!(g2(10, 20, 1000, 2000).abs() < 1e-9);
        // Symmetric in the two sides.
        assert!((g2(7, 2, 300, 500) - g2(2, 7, 500, 300)).abs() < 1e-9);
        // A term absent from the reference.
        let v = g2(4, 0, 10, 10);
        assert!((v - 2.0 * 4.0 * 2f64.ln()).abs() < 1e-9, "{v}");
    }

    #[test]
    fn log_ratio_and_stars() {
        assert!((log_ratio(20, 10, 1000, 1000) - 1.0).abs() < 1e-9);
        assert!((log_ratio(0, 10, 1000, 1000) + 20f64.log2()).abs() < 1e-9);
        assert_eq!(stars(16.0), "****");
        assert_eq!(stars(4.0), "*");
        assert_eq!(stars(1.0), "");
    }

    #[test]
    fn references() {
        assert_eq!(
            Reference::parse("articles"),
            Reference::Kind("article".into())
        );
        assert_eq!(
            Reference::parse("comment"),
            Reference::Kind("comment".into())
        );
        assert_eq!(Reference::parse("rest"), Reference::Rest);
        assert_eq!(
            Reference::parse("001_x"),
            Reference::Article("001_x".into())
        );
        let (t, r) = Reference::default_for(&Slice::default());
        assert_eq!(t.kind.as_deref(), Some("comment"));
        assert_eq!(r, Reference::Kind("article".into()));
        let (_, r) = Reference::default_for(&Slice::of_kind("article"));
        assert_eq!(r, Reference::Kind("comment".into()));
        let art = Slice {
            article: Some("x".into()),
            ..Slice::default()
        };
        assert_eq!(Reference::default_for(&art).1, Reference::Rest);
    }
}
