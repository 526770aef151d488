//! `kiosque terms --ngrams N`: repeated segments, sequences of N words that occur at least
//! twice, never across a sentence or line end.
//!
//! Segments are grouped by their terms (stems, stop words as themselves), and shown with the
//! word sequences that realise them: "mandat de perquisition" and "mandats de perquisition"
//! are one segment. Without `--all-words` a segment may hold stop words inside but not begin or
//! end with one ("mandat de perquisition", not "de la").
//!
//! The sequences come from the index: the `forms` field keeps every word at its position, with
//! an empty position at sentence and line ends, so the slice's documents are rebuilt from the
//! postings (a forward index of term ordinals) and their windows counted.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, SegmentReader, TERMINATED};

use super::terms::{FormCount, TermRow, TermsReport, count_target, parse_form_term};
use super::{ARTICLE, Classes, ReportError, Slice, TARGET, check_article, kinds, slice_classes};
use crate::analysis::Lang;
use crate::store::Store;

/// An absent word (gap, sentence end, filtered language).
const NONE: u32 = u32::MAX;

/// A fast hasher for integer keys (the Fx multiply-rotate hash).
#[derive(Default, Clone, Copy)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u128(&mut self, v: u128) {
        self.write_u64(v as u64);
        self.write_u64((v >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by integers.
pub type IntMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;

/// Options of `kiosque terms --ngrams`.
#[derive(Debug, Clone)]
pub struct NgramOptions {
    /// Documents (and language of words) counted.
    pub slice: Slice,
    /// Words per segment (2 or 3).
    pub n: usize,
    /// Segments listed (0: all).
    pub limit: usize,
    /// Let segments begin or end with stop words.
    pub all_words: bool,
    /// Forms shown per segment.
    pub forms: usize,
    /// Fewest occurrences of a segment listed.
    pub min_count: u64,
}

/// Global numbering of keys and surface words across segments.
#[derive(Default)]
struct Vocab {
    /// Key (with stop mark) → id.
    keys: HashMap<String, u32>,
    /// Id → key as shown.
    key_text: Vec<String>,
    /// Id → is a stop word.
    key_stop: Vec<bool>,
    /// Lowercase surface → id.
    lowers: HashMap<String, u32>,
    /// Id → surface.
    lower_text: Vec<String>,
}

impl Vocab {
    fn key(&mut self, full: String, shown: &str, stop: bool) -> u32 {
        if let Some(&id) = self.keys.get(&full) {
            return id;
        }
        let id = self.key_text.len() as u32;
        self.keys.insert(full, id);
        self.key_text.push(shown.to_string());
        self.key_stop.push(stop);
        id
    }

    fn lower(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.lowers.get(s) {
            return id;
        }
        let id = self.lower_text.len() as u32;
        self.lowers.insert(s.to_string(), id);
        self.lower_text.push(s.to_string());
        id
    }
}

/// The slice's documents of one segment, rebuilt as term ordinals.
struct Forward {
    /// (document, first slot in `words`, number of positions).
    docs: Vec<(DocId, usize, usize)>,
    /// Segment term ordinal at each position, [`NONE`] for none.
    words: Vec<u32>,
    /// Segment term ordinal → global key id ([`NONE`]: filtered out).
    key: Vec<u32>,
    /// Segment term ordinal → global surface id.
    lower: Vec<u32>,
}

/// Numbers the terms of a segment's `forms` dictionary.
fn number_terms(
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    lang: Option<Lang>,
    vocab: &mut Vocab,
) -> Result<(Vec<u32>, Vec<u32>), ReportError> {
    let inv = seg.inverted_index(field)?;
    let n = inv.terms().num_terms();
    let (mut key, mut lower) = (vec![NONE; n], vec![NONE; n]);
    let mut stream = inv.terms().stream()?;
    while stream.advance() {
        let ord = stream.term_ord() as usize;
        if let Some(t) = parse_form_term(stream.key())
            && t.in_lang(lang)
            && ord < n
        {
            key[ord] = vocab.key(t.full_key(), t.key, t.stop);
            lower[ord] = vocab.lower(t.lower);
        }
    }
    Ok((key, lower))
}

/// Rebuilds the [`TARGET`] documents of a segment from the postings.
fn forward(
    seg: &SegmentReader,
    store: &Store,
    classes: &[u8],
    key: Vec<u32>,
    lower: Vec<u32>,
) -> Result<Forward, ReportError> {
    let lens = seg.fast_fields().u64("positions")?;
    let mut start = vec![usize::MAX; seg.max_doc() as usize];
    let mut docs = Vec::new();
    let mut total = 0usize;
    for (d, &c) in classes.iter().enumerate() {
        if c == TARGET {
            let len = lens.first(d as DocId).unwrap_or(0) as usize;
            start[d] = total;
            docs.push((d as DocId, total, len));
            total += len;
        }
    }
    let mut words = vec![NONE; total];
    if total > 0 {
        let inv = seg.inverted_index(store.fields.forms)?;
        let mut stream = inv.terms().stream()?;
        let mut positions = Vec::new();
        while stream.advance() {
            let ord = stream.term_ord() as usize;
            if key.get(ord).is_none_or(|&k| k == NONE) {
                continue;
            }
            let mut p = inv.read_postings_from_terminfo(
                stream.value(),
                IndexRecordOption::WithFreqsAndPositions,
            )?;
            let mut doc = p.doc();
            while doc != TERMINATED {
                let s = start[doc as usize];
                if s != usize::MAX {
                    p.positions(&mut positions);
                    let len = lens.first(doc).unwrap_or(0) as usize;
                    for &pos in &positions {
                        if (pos as usize) < len {
                            words[s + pos as usize] = ord as u32;
                        }
                    }
                }
                doc = p.advance();
            }
        }
    }
    Ok(Forward {
        docs,
        words,
        key,
        lower,
    })
}

/// Packs up to three 32-bit ids.
fn pack(ids: &[u32]) -> u128 {
    ids.iter()
        .enumerate()
        .fold(0u128, |acc, (i, &id)| acc | (u128::from(id) << (32 * i)))
}

fn unpack(v: u128, n: usize) -> Vec<u32> {
    (0..n).map(|i| (v >> (32 * i)) as u32).collect()
}

/// Statistics of one listed segment.
#[derive(Default)]
struct Listed {
    count: u64,
    docs: u64,
    last_doc: Option<(usize, DocId)>,
    articles: u64,
    comments: u64,
    forms: IntMap<u128, u64>,
}

/// The repeated segments of a slice.
pub fn ngrams(store: &Store, opts: &NgramOptions) -> Result<TermsReport, ReportError> {
    if !(2..=3).contains(&opts.n) {
        return Err(ReportError::Usage(format!(
            "--ngrams takes 2 or 3, not {}",
            opts.n
        )));
    }
    let reader = store.index.reader()?;
    let searcher: Searcher = reader.searcher();
    if let Some(a) = &opts.slice.article {
        check_article(store, &searcher, a)?;
    }
    let classes: Classes = slice_classes(store, &searcher, &opts.slice, false)?;
    let kinds = kinds(store, &searcher)?;
    let mut vocab = Vocab::default();
    let mut numbered = Vec::new();
    for seg in searcher.segment_readers() {
        numbered.push(number_terms(
            seg,
            store.fields.forms,
            opts.slice.lang,
            &mut vocab,
        )?);
    }
    let forwards: Vec<Forward> = searcher
        .segment_readers()
        .par_iter()
        .zip(classes.par_iter())
        .zip(numbered.into_par_iter())
        .map(|((seg, cls), (key, lower))| forward(seg, store, cls, key, lower))
        .collect::<Result<_, _>>()?;

    // Count windows of n terms.
    let n = opts.n;
    let stop = &vocab.key_stop;
    let mut counts: IntMap<u128, u32> = IntMap::default();
    let mut tokens = 0u64;
    let mut ids = [0u32; 3];
    let window_keys = |fw: &Forward, w: &[u32], ids: &mut [u32; 3]| -> bool {
        for (i, &ord) in w.iter().enumerate() {
            if ord == NONE {
                return false;
            }
            ids[i] = fw.key[ord as usize];
        }
        opts.all_words || !(stop[ids[0] as usize] || stop[ids[n - 1] as usize])
    };
    for fw in &forwards {
        tokens += fw.words.iter().filter(|&&w| w != NONE).count() as u64;
        for &(_, s, len) in &fw.docs {
            let doc = &fw.words[s..s + len];
            for w in doc.windows(n) {
                if window_keys(fw, w, &mut ids) {
                    *counts.entry(pack(&ids[..n])).or_insert(0) += 1;
                }
            }
        }
    }

    // The most frequent, ties in alphabetical order of their terms.
    let mut order: Vec<u32> = (0..vocab.key_text.len() as u32).collect();
    order.sort_by(|&a, &b| vocab.key_text[a as usize].cmp(&vocab.key_text[b as usize]));
    let mut rank = vec![0u32; order.len()];
    for (r, &k) in order.iter().enumerate() {
        rank[k as usize] = r as u32;
    }
    let ranked = |v: u128| -> Vec<u32> {
        unpack(v, n)
            .into_iter()
            .map(|k| rank[k as usize])
            .collect()
    };
    let mut candidates: Vec<(u32, u128)> = counts
        .iter()
        .filter(|&(_, &c)| u64::from(c) >= opts.min_count.max(1))
        .map(|(&k, &c)| (c, k))
        .collect();
    let types = candidates.len() as u64;
    let cmp = |a: &(u32, u128), b: &(u32, u128)| b.0.cmp(&a.0).then_with(|| ranked(a.1).cmp(&ranked(b.1)));
    if opts.limit > 0 && candidates.len() > opts.limit {
        candidates.select_nth_unstable_by(opts.limit - 1, cmp);
        candidates.truncate(opts.limit);
    }
    candidates.sort_by(cmp);
    drop(counts);

    // Second pass over the listed segments: documents, kinds, forms.
    let listed_index: IntMap<u128, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, &(_, k))| (k, i))
        .collect();
    let mut listed: Vec<Listed> = candidates.iter().map(|_| Listed::default()).collect();
    let mut lowers = [0u32; 3];
    for (si, fw) in forwards.iter().enumerate() {
        for &(doc, s, len) in &fw.docs {
            let words = &fw.words[s..s + len];
            for w in words.windows(n) {
                if !window_keys(fw, w, &mut ids) {
                    continue;
                }
                let Some(&i) = listed_index.get(&pack(&ids[..n])) else {
                    continue;
                };
                let l = &mut listed[i];
                l.count += 1;
                if l.last_doc != Some((si, doc)) {
                    l.last_doc = Some((si, doc));
                    l.docs += 1;
                }
                if kinds[si][doc as usize] == ARTICLE {
                    l.articles += 1;
                } else {
                    l.comments += 1;
                }
                for (j, &ord) in w.iter().enumerate() {
                    lowers[j] = fw.lower[ord as usize];
                }
                *l.forms.entry(pack(&lowers[..n])).or_insert(0) += 1;
            }
        }
    }
    let terms = candidates
        .iter()
        .zip(listed)
        .map(|(&(_, k), l)| {
            let term = unpack(k, n)
                .into_iter()
                .map(|id| vocab.key_text[id as usize].as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let mut forms: Vec<FormCount> = l
                .forms
                .iter()
                .map(|(&f, &count)| FormCount {
                    form: unpack(f, n)
                        .into_iter()
                        .map(|id| vocab.lower_text[id as usize].as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    count,
                })
                .collect();
            forms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.form.cmp(&b.form)));
            forms.truncate(opts.forms.max(1));
            TermRow {
                term,
                forms,
                count: l.count,
                docs: l.docs,
                articles: l.articles,
                comments: l.comments,
                stop: false,
            }
        })
        .collect();
    Ok(TermsReport {
        slice: opts.slice.describe(),
        ngrams: n,
        documents: count_target(&classes),
        tokens,
        types,
        terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips() {
        for ids in [vec![1, 2], vec![0, u32::MAX - 1, 7], vec![5, 5, 5]] {
            assert_eq!(unpack(pack(&ids), ids.len()), ids);
        }
        assert_ne!(pack(&[1, 2]), pack(&[2, 1]));
        let mut m: IntMap<u128, u32> = IntMap::default();
        for i in 0..1000u128 {
            *m.entry(i << 40).or_insert(0) += 1;
        }
        assert_eq!(m.len(), 1000);
    }
}
