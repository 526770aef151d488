//! The word sections of `kiosque report` — top terms, key terms, repeated segments — from one
//! pass over the `forms` field: its dictionary streamed once, and each term's postings read once
//! both to rebuild the documents (for the segments) and to count the term by group of documents
//! (for the terms and the key terms).
//!
//! Each document of the terms' slice gets a group: its kind (article or other) and its side in
//! the keyness comparison (neither, target, reference). Every count of the two term sections is
//! a sum over groups, so the numbers are those [`super::terms::terms`] and
//! [`super::keyness::keyness`] give.

use std::borrow::Cow;

use tantivy::Searcher;

use super::keyness::{KeyTerm, KeynessOptions, KeynessReport, rank, sides};
use super::ngrams::{
    GROUPS, GroupsOf, Keys, NgramOptions, Prepared, Tally, UNGROUPED, check_variants, count_many,
    ngrams_many, prepare,
};
use super::terms::{FormCount, TermRow, TermsOptions, TermsReport, count_target, parse_form_term};
use super::{ARTICLE, Classes, REFERENCE, ReportError, TARGET};
use crate::analysis::surface_norm;
use crate::store::Store;
use crate::store::document::STOP_MARK;

/// The three word sections of the report.
#[derive(Debug, Clone)]
pub struct WordSections {
    /// Most frequent terms.
    pub terms: TermsReport,
    /// The keyness comparison.
    pub keyness: KeynessReport,
    /// Repeated segments, one report per variant.
    pub segments: Vec<TermsReport>,
}

/// Group of a document of kind `article` (or not) on `side` (0 neither, 1 target, 2
/// reference).
fn group(article: bool, side: u8) -> u8 {
    u8::from(!article) + 2 * side
}

/// Groups of the documents of articles.
const ARTICLE_GROUPS: [usize; 3] = [0, 2, 4];
/// Groups of the other documents.
const OTHER_GROUPS: [usize; 3] = [1, 3, 5];
/// Groups of the keyness target.
const TARGET_GROUPS: [usize; 2] = [2, 3];
/// Groups of the keyness reference.
const REFERENCE_GROUPS: [usize; 2] = [4, 5];
/// Every group.
const ALL_GROUPS: [usize; GROUPS] = [0, 1, 2, 3, 4, 5];

/// Sum of the counts of `groups`.
fn sum(counts: &[u64; GROUPS], groups: &[usize]) -> u64 {
    groups.iter().map(|&g| counts[g]).sum()
}

/// The terms report of `terms`, the keyness comparison of `keyness` and the repeated segments
/// of `variants` (of the terms' slice), with one pass over the postings when the terms' slice
/// is the whole corpus and the keyness counts words of every language; else each on its own.
pub fn word_sections(
    store: &Store,
    terms: &TermsOptions,
    keyness: &KeynessOptions,
    variants: &[NgramOptions],
) -> Result<WordSections, ReportError> {
    check_variants(variants)?;
    if !terms.slice.is_whole() || terms.slice.lang.is_some() || keyness.target.lang.is_some() {
        return separately(store, terms, keyness, variants);
    }
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let (sides, reference_documents) = sides(store, &searcher, keyness)?;
    // Every document of either side is in the whole corpus; a tally of one side's document
    // outside it (none is) would be wrong, so the sections are then made each on its own.
    let groups_of = |classes: &Classes, kinds: &[Vec<u8>]| {
        let mut groups = Vec::with_capacity(classes.len());
        for ((cls, kinds), sides) in classes.iter().zip(kinds).zip(&sides) {
            let mut g = vec![UNGROUPED; cls.len()];
            for (d, slot) in g.iter_mut().enumerate() {
                let side = match sides[d] {
                    TARGET => 1,
                    REFERENCE => 2,
                    _ => 0,
                };
                if cls[d] == TARGET {
                    *slot = group(kinds[d] == ARTICLE, side);
                } else if side != 0 {
                    return Ok(None);
                }
            }
            groups.push(g);
        }
        Ok(Some(groups))
    };
    let whole = &terms.slice;
    let prepared = prepare(store, &searcher, whole, Some(&groups_of as GroupsOf<'_>))?;
    let segments = count_many(store, &searcher, &prepared, whole, variants)?;
    let Some(tallies) = &prepared.tallies else {
        return Ok(WordSections {
            terms: super::terms::terms(store, terms)?,
            keyness: super::keyness::keyness(store, keyness)?,
            segments,
        });
    };
    let by_key = KeyCounts::new(&prepared.keys, tallies);
    let forms = Forms {
        store,
        searcher: &searcher,
        prepared: &prepared,
        tallies,
    };
    Ok(WordSections {
        terms: terms_section(&prepared, &by_key, &forms, terms)?,
        keyness: keyness_section(&sides, reference_documents, &by_key, &forms, keyness)?,
        segments,
    })
}

/// The sections each from its own pass.
fn separately(
    store: &Store,
    terms: &TermsOptions,
    keyness: &KeynessOptions,
    variants: &[NgramOptions],
) -> Result<WordSections, ReportError> {
    let ((t, k), s) = rayon::join(
        || {
            rayon::join(
                || super::terms::terms(store, terms),
                || super::keyness::keyness(store, keyness),
            )
        },
        || ngrams_many(store, &terms.slice, variants),
    );
    Ok(WordSections {
        terms: t?,
        keyness: k?,
        segments: s?,
    })
}

/// Occurrences of every key by group, and its documents, over all segments.
struct KeyCounts<'a> {
    keys: &'a Keys,
    counts: Vec<[u64; GROUPS]>,
    docs: Vec<u64>,
}

impl<'a> KeyCounts<'a> {
    fn new(keys: &'a Keys, tallies: &[Tally]) -> KeyCounts<'a> {
        let n = keys.text.len();
        let mut counts = vec![[0u64; GROUPS]; n];
        let mut docs = vec![0u64; n];
        for (t, of_term) in tallies.iter().zip(&keys.of_term) {
            for &(ord, by_group) in &t.terms {
                let c = &mut counts[of_term[ord as usize] as usize];
                for (a, b) in c.iter_mut().zip(by_group) {
                    *a += u64::from(b);
                }
            }
            for (a, &b) in docs.iter_mut().zip(&t.docs) {
                *a += u64::from(b);
            }
        }
        KeyCounts { keys, counts, docs }
    }

    /// The key as the dictionary holds it (stop words marked).
    fn full_key(&self, k: usize) -> Cow<'a, str> {
        let text = self.keys.text[k].as_str();
        if self.keys.stop[k] {
            Cow::Owned(format!("{STOP_MARK}{text}"))
        } else {
            Cow::Borrowed(text)
        }
    }
}

/// Reads the forms of keys from the tallies.
struct Forms<'a> {
    store: &'a Store,
    searcher: &'a Searcher,
    prepared: &'a Prepared,
    tallies: &'a [Tally],
}

impl Forms<'_> {
    /// The surface forms of each key of `keys` in the documents of `groups`, as shown: elision
    /// removed, merged, most frequent first, at most `max`.
    fn of(
        &self,
        keys: &[u32],
        groups: &[usize],
        max: usize,
    ) -> Result<Vec<Vec<FormCount>>, ReportError> {
        let mut raw: Vec<Vec<(String, u64)>> = vec![Vec::new(); keys.len()];
        let mut bytes = Vec::new();
        for ((seg, tally), of_term) in self
            .searcher
            .segment_readers()
            .iter()
            .zip(self.tallies)
            .zip(&self.prepared.keys.of_term)
        {
            let inv = seg.inverted_index(self.store.fields.forms)?;
            let key_of = |&(ord, _): &(u32, [u32; GROUPS])| of_term[ord as usize];
            for (&k, raw) in keys.iter().zip(raw.iter_mut()) {
                let lo = tally.terms.partition_point(|t| key_of(t) < k);
                let hi = lo + tally.terms[lo..].partition_point(|t| key_of(t) == k);
                for &(ord, by_group) in &tally.terms[lo..hi] {
                    let n: u64 = groups.iter().map(|&g| u64::from(by_group[g])).sum();
                    if n == 0 {
                        continue;
                    }
                    bytes.clear();
                    if !inv.terms().ord_to_term(u64::from(ord), &mut bytes)? {
                        continue;
                    }
                    let Some(t) = parse_form_term(&bytes) else {
                        continue;
                    };
                    let form = surface_norm(t.lower);
                    match raw.iter_mut().find(|(f, _)| *f == form) {
                        Some((_, c)) => *c += n,
                        None => raw.push((form, n)),
                    }
                }
            }
        }
        Ok(super::terms::top_forms(raw, max))
    }
}

/// The terms report from the key counts (as [`super::terms::terms`] makes it).
fn terms_section(
    prepared: &Prepared,
    by_key: &KeyCounts<'_>,
    forms: &Forms<'_>,
    opts: &TermsOptions,
) -> Result<TermsReport, ReportError> {
    let count = |k: u32| sum(&by_key.counts[k as usize], &ALL_GROUPS);
    let tokens: u64 = by_key.counts.iter().map(|c| sum(c, &ALL_GROUPS)).sum();
    let mut rows: Vec<u32> = (0..by_key.counts.len() as u32)
        .filter(|&k| count(k) > 0 && (opts.all_words || !by_key.keys.stop[k as usize]))
        .collect();
    let types = rows.len() as u64;
    // Ids follow the keys' byte order.
    let cmp = |a: &u32, b: &u32| count(*b).cmp(&count(*a)).then_with(|| a.cmp(b));
    if opts.limit > 0 && rows.len() > opts.limit {
        rows.select_nth_unstable_by(opts.limit - 1, cmp);
        rows.truncate(opts.limit);
    }
    rows.sort_by(cmp);
    let row_forms = forms.of(&rows, &ALL_GROUPS, opts.forms)?;
    let terms = rows
        .into_iter()
        .zip(row_forms)
        .map(|(k, forms)| {
            let c = &by_key.counts[k as usize];
            TermRow {
                term: by_key.keys.text[k as usize].clone(),
                forms,
                count: sum(c, &ALL_GROUPS),
                docs: by_key.docs[k as usize],
                articles: sum(c, &ARTICLE_GROUPS),
                comments: sum(c, &OTHER_GROUPS),
                stop: by_key.keys.stop[k as usize],
            }
        })
        .collect();
    Ok(TermsReport {
        slice: opts.slice.describe(),
        ngrams: 1,
        documents: count_target(&prepared.classes),
        tokens,
        types,
        terms,
        min_count: 1,
    })
}

/// The keyness comparison from the key counts (as [`super::keyness::keyness`] makes it).
fn keyness_section(
    sides: &Classes,
    reference_documents: u64,
    by_key: &KeyCounts<'_>,
    forms: &Forms<'_>,
    opts: &KeynessOptions,
) -> Result<KeynessReport, ReportError> {
    let c: u64 = by_key.counts.iter().map(|k| sum(k, &TARGET_GROUPS)).sum();
    let d: u64 = by_key
        .counts
        .iter()
        .map(|k| sum(k, &REFERENCE_GROUPS))
        .sum();
    let ranked = rank(
        by_key.counts.iter().enumerate().map(|(k, counts)| {
            (
                by_key.full_key(k),
                by_key.keys.stop[k],
                sum(counts, &TARGET_GROUPS),
                sum(counts, &REFERENCE_GROUPS),
            )
        }),
        c,
        d,
        opts,
    );
    let ids: Vec<u32> = ranked.iter().map(|&(k, _)| k as u32).collect();
    let mut rows: Vec<KeyTerm> = ranked.into_iter().map(|(_, row)| row).collect();
    // Forms as seen where the term is more frequent.
    for (over, groups) in [(true, &TARGET_GROUPS), (false, &REFERENCE_GROUPS)] {
        let wanted: Vec<usize> = (0..rows.len())
            .filter(|&i| (rows[i].direction == "over") == over)
            .collect();
        let keys: Vec<u32> = wanted.iter().map(|&i| ids[i]).collect();
        let found = forms.of(&keys, groups, opts.forms)?;
        for (i, f) in wanted.into_iter().zip(found) {
            rows[i].forms = f;
        }
    }
    for (r, &k) in rows.iter_mut().zip(&ids) {
        r.term = by_key.keys.text[k as usize].clone();
    }
    Ok(KeynessReport {
        target: opts.target.describe(),
        reference: opts.reference.describe(),
        target_documents: count_target(sides),
        reference_documents,
        target_tokens: c,
        reference_tokens: d,
        terms: rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Slice;
    use crate::store::ingest::{IngestOptions, ingest};

    #[test]
    fn one_pass_gives_what_each_section_gives() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        ingest(
            dir.path(),
            &IngestOptions {
                paths: vec![corpus],
                ..IngestOptions::default()
            },
        )
        .unwrap();
        let store = Store::open(dir.path()).unwrap();
        let terms = TermsOptions {
            limit: 0,
            ..TermsOptions::default()
        };
        let keyness = KeynessOptions {
            limit: 0,
            min_g2: 0.0,
            ..KeynessOptions::default()
        };
        let variants: Vec<NgramOptions> = [2, 3]
            .into_iter()
            .map(|n| NgramOptions {
                slice: Slice::default(),
                n,
                limit: 0,
                all_words: false,
                forms: 3,
                min_count: 1,
            })
            .collect();
        let joint = word_sections(&store, &terms, &keyness, &variants).unwrap();
        let apart = separately(&store, &terms, &keyness, &variants).unwrap();
        assert!(!joint.terms.terms.is_empty() && !joint.keyness.terms.is_empty());
        assert_eq!(json(&joint.terms), json(&apart.terms));
        assert_eq!(json(&joint.keyness), json(&apart.keyness));
        assert_eq!(json(&joint.segments), json(&apart.segments));
    }

    /// A report as JSON, to compare.
    fn json<T: serde::Serialize>(v: &T) -> String {
        serde_json::to_string(v).unwrap()
    }

    #[test]
    fn groups_split_kinds_and_sides() {
        for (article, side) in [
            (true, 0),
            (false, 0),
            (true, 1),
            (false, 1),
            (true, 2),
            (false, 2),
        ] {
            let g = group(article, side) as usize;
            assert!(g < GROUPS);
            assert_eq!(ARTICLE_GROUPS.contains(&g), article);
            assert_eq!(OTHER_GROUPS.contains(&g), !article);
            assert_eq!(TARGET_GROUPS.contains(&g), side == 1);
            assert_eq!(REFERENCE_GROUPS.contains(&g), side == 2);
        }
    }
}
