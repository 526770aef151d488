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
use tantivy::directory::{CompositeFile, Directory, FileSlice};
use tantivy::positions::PositionReader;
use tantivy::postings::TermInfo;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Searcher, SegmentReader};

use super::terms::{FormCount, TermRow, TermsReport, count_target, parse_form_term};
use super::{ARTICLE, Classes, ReportError, Slice, TARGET, check_article, kinds, slice_classes};
use crate::analysis::Lang;
use crate::store::Store;
use crate::store::document::{FORM_SEP, STOP_MARK};

/// An absent word (gap, sentence end, filtered language).
const NONE: u32 = u32::MAX;

/// A fast hasher for integer keys (the Fx multiply-rotate hash).
#[derive(Default, Clone, Copy)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
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

/// The terms of every segment numbered by key, in key order across segments.
struct Keys {
    /// Key as shown, by id (ids follow the keys' byte order).
    text: Vec<String>,
    /// Whether each key is a stop word.
    stop: Vec<bool>,
    /// Per segment: term ordinal → key id ([`NONE`]: not counted).
    of_term: Vec<Vec<u32>>,
    /// Per segment: the counted terms' ordinals and postings.
    infos: Vec<Vec<(u32, TermInfo)>>,
}

/// The keys of one segment's `forms` dictionary, in order.
struct SegmentKeys {
    /// Keys, concatenated.
    bytes: Vec<u8>,
    /// End of each key in `bytes`.
    ends: Vec<usize>,
    /// Term ordinal → local key index ([`NONE`]: not counted).
    of_term: Vec<u32>,
    /// Where the postings of each counted term are: (term ordinal, term info).
    infos: Vec<(u32, TermInfo)>,
}

impl SegmentKeys {
    fn key(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

/// Streams a segment's dictionary once, grouping its terms by key.
fn segment_keys(
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    lang: Option<Lang>,
) -> Result<SegmentKeys, ReportError> {
    let inv = seg.inverted_index(field)?;
    let mut out = SegmentKeys {
        bytes: Vec::new(),
        ends: Vec::new(),
        of_term: vec![NONE; inv.terms().num_terms()],
        infos: Vec::new(),
    };
    let mut stream = inv.terms().stream()?;
    while stream.advance() {
        let t = stream.key();
        let Some(sep) = t.iter().position(|&b| b == FORM_SEP as u8) else {
            continue;
        };
        let en = t[sep + 1..].contains(&(FORM_SEP as u8));
        let counted = match lang {
            None => true,
            Some(Lang::En) => en,
            Some(Lang::Fr) => !en,
        };
        if !counted {
            continue;
        }
        let k = &t[..sep];
        let n = out.ends.len();
        if n == 0 || out.key(n - 1) != k {
            out.bytes.extend_from_slice(k);
            out.ends.push(out.bytes.len());
        }
        if let Some(slot) = out.of_term.get_mut(stream.term_ord() as usize) {
            *slot = (out.ends.len() - 1) as u32;
            out.infos
                .push((stream.term_ord() as u32, stream.value().clone()));
        }
    }
    Ok(out)
}

/// Numbers the keys of all segments (read in parallel) in their byte order.
fn number_keys(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    lang: Option<Lang>,
) -> Result<Keys, ReportError> {
    let segs: Vec<SegmentKeys> = searcher
        .segment_readers()
        .par_iter()
        .with_max_len(1)
        .map(|seg| segment_keys(seg, field, lang))
        .collect::<Result<_, _>>()?;
    let mut keys = Keys {
        text: Vec::new(),
        stop: Vec::new(),
        of_term: Vec::new(),
        infos: Vec::new(),
    };
    let mut global: Vec<Vec<u32>> = segs.iter().map(|s| vec![NONE; s.ends.len()]).collect();
    let mut heads = vec![0usize; segs.len()];
    loop {
        let mut min: Option<&[u8]> = None;
        for (s, &h) in segs.iter().zip(&heads) {
            if h < s.ends.len() && min.is_none_or(|m| s.key(h) < m) {
                min = Some(s.key(h));
            }
        }
        let Some(min) = min else {
            break;
        };
        let shown = String::from_utf8_lossy(min).into_owned();
        let id = keys.text.len() as u32;
        keys.stop.push(shown.starts_with(STOP_MARK));
        keys.text
            .push(shown.trim_start_matches(STOP_MARK).to_string());
        for (si, s) in segs.iter().enumerate() {
            let h = heads[si];
            if h < s.ends.len() && s.key(h) == min {
                global[si][h] = id;
                heads[si] += 1;
            }
        }
    }
    keys.of_term = segs
        .iter()
        .zip(&global)
        .map(|(s, g)| {
            s.of_term
                .iter()
                .map(|&l| if l == NONE { NONE } else { g[l as usize] })
                .collect()
        })
        .collect();
    keys.infos = segs.into_iter().map(|s| s.infos).collect();
    Ok(keys)
}

/// The slice's documents of one segment, rebuilt as term ordinals.
struct Forward {
    /// (document, first slot in `words`, number of positions).
    docs: Vec<(DocId, usize, usize)>,
    /// Segment term ordinal at each position, [`NONE`] for none.
    words: Vec<u32>,
}

/// The positions file of `field` in one segment (the `.pos` component tantivy writes for each
/// segment), read directly so that each term's positions come out in one bulk read.
pub fn positions_file(
    index: &tantivy::Index,
    seg: &SegmentReader,
    field: tantivy::schema::Field,
) -> Result<Option<FileSlice>, ReportError> {
    let path = format!("{}.pos", seg.segment_id().uuid_string());
    let file = index
        .directory()
        .open_read(std::path::Path::new(&path))
        .map_err(|e| ReportError::Io(std::io::Error::other(e.to_string())))?;
    Ok(CompositeFile::open(&file)?.open_read(field))
}

/// Rebuilds the [`TARGET`] documents of a segment from the postings: each counted term's
/// documents and frequencies block by block, and all its positions in one read.
fn forward(
    index: &tantivy::Index,
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    classes: &[u8],
    infos: &[(u32, TermInfo)],
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
    let Some(first) = infos.first() else {
        return Ok(Forward { docs, words });
    };
    if total == 0 {
        return Ok(Forward { docs, words });
    }
    let Some(pos_file) = positions_file(index, seg, field)? else {
        return Ok(Forward { docs, words });
    };
    // The end of each document's slot in `words`, to drop positions past its length.
    let mut end = vec![0usize; seg.max_doc() as usize];
    for &(d, s, len) in &docs {
        end[d as usize] = s + len;
    }
    let inv = seg.inverted_index(field)?;
    let mut block =
        inv.read_block_postings_from_terminfo(&first.1, IndexRecordOption::WithFreqs)?;
    let mut deltas: Vec<u32> = Vec::new();
    for (ord, info) in infos {
        inv.reset_block_postings_from_terminfo(info, &mut block)?;
        let mut reader =
            PositionReader::open(pos_file.read_bytes_slice(info.positions_range.clone())?)?;
        let mut offset = 0u64;
        loop {
            let block_docs = block.docs();
            if block_docs.is_empty() {
                break;
            }
            let freqs = block.freqs();
            let n: usize = freqs.iter().map(|&f| f as usize).sum();
            if block_docs.iter().any(|&d| start[d as usize] != usize::MAX) {
                deltas.clear();
                deltas.resize(n, 0);
                reader.read(offset, &mut deltas);
                let mut i = 0;
                for (&d, &f) in block_docs.iter().zip(freqs) {
                    let f = f as usize;
                    let s = start[d as usize];
                    if s != usize::MAX {
                        let e = end[d as usize];
                        let mut pos = 0usize;
                        for &delta in &deltas[i..i + f] {
                            pos += delta as usize;
                            if s + pos < e {
                                words[s + pos] = *ord;
                            }
                        }
                    }
                    i += f;
                }
            }
            offset += n as u64;
            block.advance();
        }
    }
    Ok(Forward { docs, words })
}

/// Bits per id in a narrow (u64) key: three ids fit when there are fewer than 2^21 keys.
const NARROW_BITS: u32 = 21;

/// Packs up to three ids below 2^[`NARROW_BITS`] into a u64.
fn pack_narrow(ids: &[u32]) -> u64 {
    ids.iter().enumerate().fold(0u64, |acc, (i, &id)| {
        acc | (u64::from(id) << (NARROW_BITS as usize * i))
    })
}

/// The [`pack`]ed form of a [`pack_narrow`]ed key.
fn widen_narrow(v: u64) -> u128 {
    let mask = (1u64 << NARROW_BITS) - 1;
    (0..3).fold(0u128, |acc, i| {
        acc | (u128::from((v >> (NARROW_BITS * i)) & mask) << (32 * i))
    })
}

#[cfg(test)]
fn unpack_narrow(v: u64, n: usize) -> Vec<u32> {
    (0..n)
        .map(|i| ((v >> (NARROW_BITS as usize * i)) & ((1 << NARROW_BITS) - 1)) as u32)
        .collect()
}

/// The packed keys of every countable window of every document.
fn gather<T: Send>(
    forwards: &[Forward],
    keys: &Keys,
    n: usize,
    all_words: bool,
    pack: impl Fn(&[u32]) -> T + Sync,
) -> Vec<T> {
    let parts: Vec<Vec<T>> = forwards
        .par_iter()
        .zip(keys.of_term.par_iter())
        .with_max_len(1)
        .map(|(fw, of_term)| {
            let mut out = Vec::new();
            let mut ids = [0u32; 3];
            for &(_, s, len) in &fw.docs {
                for w in fw.words[s..s + len].windows(n) {
                    if window_keys(w, of_term, &keys.stop, all_words, &mut ids) {
                        out.push(pack(&ids[..n]));
                    }
                }
            }
            out
        })
        .collect();
    let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for p in parts {
        all.extend(p);
    }
    all
}

/// Sorts keys and returns each distinct one seen at least `min` times, with its count.
fn count_runs<T: Ord + Copy + Send>(mut all: Vec<T>, min: u64) -> Vec<(u32, T)> {
    all.par_sort_unstable();
    runs(&all, min)
}

/// Each distinct key of sorted `all` seen at least `min` times, with its count.
fn runs<T: Ord + Copy>(all: &[T], min: u64) -> Vec<(u32, T)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let mut j = i + 1;
        while j < all.len() && all[j] == all[i] {
            j += 1;
        }
        if (j - i) as u64 >= min {
            out.push(((j - i) as u32, all[i]));
        }
        i = j;
    }
    out
}

/// Bits sorted per pass of [`radix_sort`].
const RADIX_BITS: u32 = 11;

/// Sorts `v`, whose values hold at most `bits` significant bits, by least-significant-digit
/// radix sort (passes where every value has the same digit are skipped).
fn radix_sort(v: &mut Vec<u64>, bits: u32) {
    let buckets = 1usize << RADIX_BITS;
    let mask = (buckets - 1) as u64;
    let mut tmp = vec![0u64; v.len()];
    let mut shift = 0;
    while shift < bits {
        let mut counts = vec![0usize; buckets];
        for &x in v.iter() {
            counts[((x >> shift) & mask) as usize] += 1;
        }
        if counts.contains(&v.len()) {
            shift += RADIX_BITS;
            continue;
        }
        let mut sum = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = sum;
            sum += n;
        }
        for &x in v.iter() {
            let b = ((x >> shift) & mask) as usize;
            tmp[counts[b]] = x;
            counts[b] += 1;
        }
        std::mem::swap(v, &mut tmp);
        shift += RADIX_BITS;
    }
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
    /// (segment, packed term ordinals) → occurrences.
    forms: HashMap<(usize, u128), u64>,
}

/// The keys of the window `w` of a segment's words into `ids`, when it is a countable
/// segment: no gap, and (unless `all_words`) no stop word at either end.
fn window_keys(
    w: &[u32],
    of_term: &[u32],
    stop: &[bool],
    all_words: bool,
    ids: &mut [u32; 3],
) -> bool {
    for (i, &ord) in w.iter().enumerate() {
        if ord == NONE {
            return false;
        }
        ids[i] = of_term[ord as usize];
    }
    let n = w.len();
    all_words || !(stop[ids[0] as usize] || stop[ids[n - 1] as usize])
}

/// The slice's documents rebuilt once, to count segments of several lengths.
struct Prepared {
    classes: Classes,
    kinds: Vec<Vec<u8>>,
    keys: Keys,
    forwards: Vec<Forward>,
}

fn prepare(store: &Store, searcher: &Searcher, slice: &Slice) -> Result<Prepared, ReportError> {
    if let Some(a) = &slice.article {
        check_article(store, searcher, a)?;
    }
    let field = store.fields.forms;
    let classes: Classes = slice_classes(store, searcher, slice, false)?;
    let kinds = kinds(store, searcher)?;
    let keys = number_keys(searcher, field, slice.lang)?;
    let forwards: Vec<Forward> = searcher
        .segment_readers()
        .par_iter()
        .zip(classes.par_iter())
        .zip(keys.infos.par_iter())
        .with_max_len(1)
        .map(|((seg, cls), infos)| forward(&store.index, seg, field, cls, infos))
        .collect::<Result<_, _>>()?;
    Ok(Prepared {
        classes,
        kinds,
        keys,
        forwards,
    })
}

/// The repeated segments of a slice.
pub fn ngrams(store: &Store, opts: &NgramOptions) -> Result<TermsReport, ReportError> {
    let mut all = ngrams_many(store, &opts.slice, std::slice::from_ref(opts))?;
    Ok(all.remove(0))
}

/// Repeated segments of several lengths (or other options) of one slice, rebuilding the
/// slice's documents once; the `slice` of each option is ignored.
pub fn ngrams_many(
    store: &Store,
    slice: &Slice,
    variants: &[NgramOptions],
) -> Result<Vec<TermsReport>, ReportError> {
    if let Some(o) = variants.iter().find(|o| !(2..=3).contains(&o.n)) {
        return Err(ReportError::Usage(format!(
            "--ngrams takes 2 or 3, not {}",
            o.n
        )));
    }
    let reader = store.index.reader()?;
    let searcher: Searcher = reader.searcher();
    let prepared = prepare(store, &searcher, slice)?;
    variants
        .iter()
        .map(|o| count(store, &searcher, &prepared, slice, o))
        .collect()
}

fn count(
    store: &Store,
    searcher: &Searcher,
    prepared: &Prepared,
    slice: &Slice,
    opts: &NgramOptions,
) -> Result<TermsReport, ReportError> {
    let Prepared {
        classes,
        kinds,
        keys,
        forwards,
    } = prepared;
    let field = store.fields.forms;
    let n = opts.n;
    let tokens: u64 = forwards
        .iter()
        .map(|f| f.words.iter().filter(|&&w| w != NONE).count() as u64)
        .sum();

    // Count the windows: gather their keys, sort, count the runs.
    let min_count = opts.min_count.max(1);
    let mut candidates: Vec<(u32, u128)> = if keys.text.len() < (1 << NARROW_BITS) {
        let mut all = gather(forwards, keys, n, opts.all_words, pack_narrow);
        radix_sort(&mut all, NARROW_BITS * n as u32);
        runs(&all, min_count)
            .into_iter()
            .map(|(c, k)| (c, widen_narrow(k)))
            .collect()
    } else {
        let all = gather(forwards, keys, n, opts.all_words, pack);
        count_runs(all, min_count)
    };
    let types = candidates.len() as u64;
    let cmp = |a: &(u32, u128), b: &(u32, u128)| {
        b.0.cmp(&a.0)
            .then_with(|| unpack(a.1, n).cmp(&unpack(b.1, n)))
    };
    if opts.limit > 0 && candidates.len() > opts.limit {
        candidates.select_nth_unstable_by(opts.limit - 1, cmp);
        candidates.truncate(opts.limit);
    }
    candidates.sort_by(cmp);

    // Second pass over the listed segments: documents, kinds, forms.
    let listed_index: IntMap<u128, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, &(_, k))| (k, i))
        .collect();
    let mut listed: Vec<Listed> = candidates.iter().map(|_| Listed::default()).collect();
    // First keys of the listed segments, to pass over most windows without a lookup.
    let mut first_listed = vec![false; keys.text.len()];
    for &(_, k) in &candidates {
        first_listed[k as u32 as usize] = true;
    }
    let mut ids = [0u32; 3];
    for (si, (fw, of_term)) in forwards.iter().zip(&keys.of_term).enumerate() {
        for &(doc, s, len) in &fw.docs {
            for w in fw.words[s..s + len].windows(n) {
                if w[0] == NONE
                    || !first_listed[of_term[w[0] as usize] as usize]
                    || !window_keys(w, of_term, &keys.stop, opts.all_words, &mut ids)
                {
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
                *l.forms.entry((si, pack(w))).or_insert(0) += 1;
            }
        }
    }
    let invs = searcher
        .segment_readers()
        .iter()
        .map(|s| s.inverted_index(field))
        .collect::<Result<Vec<_>, _>>()?;
    let mut bytes = Vec::new();
    let mut lower_of = |si: usize, ord: u32| -> String {
        bytes.clear();
        match invs[si].terms().ord_to_term(u64::from(ord), &mut bytes) {
            Ok(true) => parse_form_term(&bytes)
                .map(|t| t.lower.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    let mut terms = Vec::with_capacity(candidates.len());
    for (&(_, k), l) in candidates.iter().zip(listed) {
        let term = unpack(k, n)
            .into_iter()
            .map(|id| keys.text[id as usize].as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut forms: Vec<FormCount> = Vec::new();
        for ((si, ords), count) in l.forms {
            let form = unpack(ords, n)
                .into_iter()
                .map(|o| lower_of(si, o))
                .collect::<Vec<_>>()
                .join(" ");
            match forms.iter_mut().find(|f| f.form == form) {
                Some(f) => f.count += count,
                None => forms.push(FormCount { form, count }),
            }
        }
        forms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.form.cmp(&b.form)));
        forms.truncate(opts.forms.max(1));
        terms.push(TermRow {
            term,
            forms,
            count: l.count,
            docs: l.docs,
            articles: l.articles,
            comments: l.comments,
            stop: false,
        });
    }
    Ok(TermsReport {
        slice: slice.describe(),
        ngrams: n,
        documents: count_target(classes),
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
        for ids in [vec![1, 2], vec![0, (1 << 21) - 1, 7]] {
            assert_eq!(unpack_narrow(pack_narrow(&ids), ids.len()), ids);
            assert_eq!(widen_narrow(pack_narrow(&ids)), pack(&ids));
        }
        let mut v = vec![5u64 << 40, 3, 1 << 20, 7, 3, 0, u64::from(u32::MAX)];
        let mut sorted = v.clone();
        sorted.sort_unstable();
        radix_sort(&mut v, 63);
        assert_eq!(v, sorted);
        assert_eq!(
            count_runs(vec![3u64, 1, 3, 2, 3, 1], 2),
            vec![(2, 1), (3, 3)]
        );
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
