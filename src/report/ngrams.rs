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
use std::sync::atomic::{AtomicU32, Ordering};

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
pub(super) struct Keys {
    /// Key as shown, by id (ids follow the keys' byte order).
    pub text: Vec<String>,
    /// Whether each key is a stop word.
    pub stop: Vec<bool>,
    /// Per segment: term ordinal → key id ([`NONE`]: not counted).
    pub of_term: Vec<Vec<u32>>,
    /// Per segment: the counted terms' ordinals and postings.
    pub infos: Vec<Vec<(u32, TermInfo)>>,
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
        let shown = String::from_utf8_lossy(min);
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
pub(super) struct Forward {
    /// (document, first slot in `words`, number of positions).
    docs: Vec<(DocId, usize, usize)>,
    /// Segment term ordinal at each position, [`NONE`] for none.
    words: Vec<u32>,
}

/// Groups of documents a [`Tally`] tells apart: a group code per document is below this.
pub(super) const GROUPS: usize = 6;

/// Group code of a document a [`Tally`] leaves out.
pub(super) const UNGROUPED: u8 = u8::MAX;

/// What [`forward`] counts besides rebuilding the documents.
#[derive(Clone, Copy)]
pub(super) struct TallyInput<'a> {
    /// Group code of each document of the segment (below [`GROUPS`], or [`UNGROUPED`]).
    pub groups: &'a [u8],
    /// Segment term ordinal → key id.
    pub of_term: &'a [u32],
    /// Number of key ids.
    pub keys: usize,
}

/// Occurrences of the counted terms of one segment, by group of documents.
pub(super) struct Tally {
    /// Per counted term, in ordinal order: its ordinal and its occurrences in each group.
    pub terms: Vec<(u32, [u32; GROUPS])>,
    /// Per key id: [`TARGET`] documents of the segment containing it.
    pub docs: Vec<u32>,
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

/// Where the words of a segment's [`TARGET`] documents go in its rebuilt forward index.
struct Layout {
    /// (document, first slot, number of positions), in document order.
    docs: Vec<(DocId, usize, usize)>,
    /// First slot of each document of the segment (`usize::MAX`: not rebuilt).
    start: Vec<usize>,
    /// End of each document's slots, to drop positions past its length.
    end: Vec<usize>,
    /// Slots in all.
    total: usize,
}

/// The layout of the [`TARGET`] documents of a segment: each gets as many slots as it has
/// positions.
fn layout(seg: &SegmentReader, classes: &[u8]) -> Result<Layout, ReportError> {
    let lens = seg.fast_fields().u64("positions")?;
    let mut start = vec![usize::MAX; seg.max_doc() as usize];
    let mut end = vec![0usize; seg.max_doc() as usize];
    let mut docs = Vec::new();
    let mut total = 0usize;
    for (d, &c) in classes.iter().enumerate() {
        if c == TARGET {
            let len = lens.first(d as DocId).unwrap_or(0) as usize;
            start[d] = total;
            end[d] = total + len;
            docs.push((d as DocId, total, len));
            total += len;
        }
    }
    Ok(Layout {
        docs,
        start,
        end,
        total,
    })
}

/// Writes the positions of `infos` (a run of a segment's counted terms holding whole keys)
/// in the [`TARGET`] documents to `words` (each slot is written by one term only, so runs
/// fill the same segment in parallel), reading each term's documents and frequencies block by
/// block and its positions in one read. With `tally`, also counts each term's occurrences by
/// group and each key's [`TARGET`] documents.
#[allow(clippy::too_many_arguments)]
fn forward_run(
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    classes: &[u8],
    layout: &Layout,
    pos_file: Option<&FileSlice>,
    infos: &[(u32, TermInfo)],
    tally: Option<TallyInput<'_>>,
    words: &[AtomicU32],
) -> Result<Option<Tally>, ReportError> {
    let mut counts = tally.map(|t| Tally {
        terms: Vec::with_capacity(infos.len()),
        docs: vec![0; t.keys],
    });
    let Some(first) = infos.first() else {
        return Ok(counts);
    };
    if pos_file.is_none() && tally.is_none() {
        return Ok(counts);
    }
    let (start, end) = (&layout.start, &layout.end);
    // The last key whose documents were counted, per document.
    let mut seen = vec![NONE; if tally.is_some() { end.len() } else { 0 }];
    let inv = seg.inverted_index(field)?;
    let mut block =
        inv.read_block_postings_from_terminfo(&first.1, IndexRecordOption::WithFreqs)?;
    let mut deltas: Vec<u32> = Vec::new();
    for (ord, info) in infos {
        inv.reset_block_postings_from_terminfo(info, &mut block)?;
        let mut reader = match pos_file {
            Some(f) => Some(PositionReader::open(
                f.read_bytes_slice(info.positions_range.clone())?,
            )?),
            None => None,
        };
        let mut by_group = [0u32; GROUPS];
        let key = tally.map_or(NONE, |t| t.of_term[*ord as usize]);
        let mut offset = 0u64;
        loop {
            let block_docs = block.docs();
            if block_docs.is_empty() {
                break;
            }
            let freqs = block.freqs();
            if let (Some(t), Some(c)) = (&tally, &mut counts) {
                for (&d, &f) in block_docs.iter().zip(freqs) {
                    let d = d as usize;
                    let g = t.groups[d];
                    if g != UNGROUPED {
                        by_group[g as usize] += f;
                    }
                    if classes[d] == TARGET && seen[d] != key {
                        seen[d] = key;
                        c.docs[key as usize] += 1;
                    }
                }
            }
            let n: usize = freqs.iter().map(|&f| f as usize).sum();
            if let Some(reader) = &mut reader
                && block_docs.iter().any(|&d| start[d as usize] != usize::MAX)
            {
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
                                words[s + pos].store(*ord, Ordering::Relaxed);
                            }
                        }
                    }
                    i += f;
                }
            }
            offset += n as u64;
            block.advance();
        }
        if let Some(c) = &mut counts {
            c.terms.push((*ord, by_group));
        }
    }
    Ok(counts)
}

/// Cuts each segment's counted terms into runs of whole keys, about `1 / (2 × threads)` of
/// all postings each, so that large segments are rebuilt by several threads: (segment, range
/// of its terms), at least one per segment.
fn runs_of_terms(keys: &Keys, threads: usize) -> Vec<(usize, std::ops::Range<usize>)> {
    let weight = |i: &(u32, TermInfo)| u64::from(i.1.doc_freq);
    let total: u64 = keys.infos.iter().flatten().map(weight).sum();
    let target = (total / (2 * threads.max(1) as u64)).max(1);
    let mut out = Vec::new();
    for (si, infos) in keys.infos.iter().enumerate() {
        let of_term = &keys.of_term[si];
        let (mut from, mut acc) = (0, 0u64);
        for (i, info) in infos.iter().enumerate() {
            if acc >= target
                && i > from
                && of_term[info.0 as usize] != of_term[infos[i - 1].0 as usize]
            {
                out.push((si, from..i));
                from = i;
                acc = 0;
            }
            acc += weight(info);
        }
        out.push((si, from..infos.len()));
    }
    out
}

/// Bits per key id in a packed key, enough for the ids of `keys` keys.
fn id_bits(keys: usize) -> u32 {
    (usize::BITS - keys.saturating_sub(1).leading_zeros()).max(1)
}

/// Packs up to three ids of at most `bits` bits each into a u64 (the first id lowest).
fn pack_narrow(ids: &[u32], bits: u32) -> u64 {
    ids.iter().enumerate().fold(0u64, |acc, (i, &id)| {
        acc | (u64::from(id) << (bits as usize * i))
    })
}

/// The [`pack`]ed form of a [`pack_narrow`]ed key of `bits`-bit ids.
fn widen_narrow(v: u64, bits: u32) -> u128 {
    let mask = (1u64 << bits) - 1;
    (0..3).fold(0u128, |acc, i| {
        let id = if bits * i < 64 {
            (v >> (bits * i)) & mask
        } else {
            0
        };
        acc | (u128::from(id) << (32 * i))
    })
}

#[cfg(test)]
fn unpack_narrow(v: u64, n: usize, bits: u32) -> Vec<u32> {
    (0..n)
        .map(|i| ((v >> (bits as usize * i)) & ((1 << bits) - 1)) as u32)
        .collect()
}

/// Per key id, and for a gap (the id after the last): whether a segment may begin or end with
/// it (no gap, and unless `all_words` no stop word).
fn end_table(stop: &[bool], all_words: bool) -> Vec<bool> {
    stop.iter()
        .map(|&s| all_words || !s)
        .chain(std::iter::once(false))
        .collect()
}

/// The packed keys of every countable window of every document: per variant, one list per
/// index segment; all variants gathered in one pass over the words.
fn gather<T: Send + Copy + Default>(
    forwards: &[Forward],
    keys: &Keys,
    variants: &[NgramOptions],
    pack: impl Fn(&[u32]) -> T + Sync,
) -> Vec<Vec<Vec<T>>> {
    let gap = keys.text.len() as u32;
    let ends: Vec<Vec<bool>> = variants
        .iter()
        .map(|o| end_table(&keys.stop, o.all_words))
        .collect();
    let parts: Vec<Vec<Vec<T>>> = forwards
        .par_iter()
        .zip(keys.of_term.par_iter())
        .with_max_len(1)
        .map(|(fw, of_term)| {
            // At most one window per word and variant: each list is written in place, its
            // length moved on only past a countable window.
            let mut out: Vec<(Vec<T>, usize)> = variants
                .iter()
                .map(|_| (vec![T::default(); fw.words.len() + 1], 0))
                .collect();
            for &(_, s, len) in &fw.docs {
                // The keys of the last three words, the latest last.
                let mut last = [gap; 3];
                for &w in &fw.words[s..s + len] {
                    let k = if w == NONE { gap } else { of_term[w as usize] };
                    last = [last[1], last[2], k];
                    for ((o, end), (list, n)) in variants.iter().zip(&ends).zip(out.iter_mut()) {
                        let win = &last[3 - o.n..];
                        let ok =
                            end[win[0] as usize] & end[k as usize] & (o.n < 3 || win[1] != gap);
                        list[*n] = pack(win);
                        *n += usize::from(ok);
                    }
                }
            }
            out.into_iter()
                .map(|(mut list, n)| {
                    list.truncate(n);
                    list
                })
                .collect()
        })
        .collect();
    let mut by_variant: Vec<Vec<Vec<T>>> = variants.iter().map(|_| Vec::new()).collect();
    for part in parts {
        for (v, p) in by_variant.iter_mut().zip(part) {
            v.push(p);
        }
    }
    by_variant
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

/// Bits of the digit [`sort_parts`] first distributes values by.
const BUCKET_BITS: u32 = 12;

/// The values of `parts` in one list where equal values are together: distributed by their
/// lowest [`BUCKET_BITS`] bits, then each bucket (small enough to stay in cache) sorted on
/// its own, the buckets in parallel.
fn sort_parts(parts: Vec<Vec<u64>>) -> Vec<u64> {
    let buckets = 1usize << BUCKET_BITS;
    let mask = (buckets - 1) as u64;
    let mut starts = vec![0usize; buckets + 1];
    for p in &parts {
        for &x in p {
            starts[(x & mask) as usize + 1] += 1;
        }
    }
    for b in 0..buckets {
        starts[b + 1] += starts[b];
    }
    let mut out = vec![0u64; starts[buckets]];
    let mut next = starts.clone();
    for p in parts {
        for x in p {
            let b = (x & mask) as usize;
            out[next[b]] = x;
            next[b] += 1;
        }
    }
    let mut slices = Vec::with_capacity(buckets);
    let mut rest = out.as_mut_slice();
    for b in 0..buckets {
        let (head, tail) = rest.split_at_mut(starts[b + 1] - starts[b]);
        slices.push(head);
        rest = tail;
    }
    slices
        .into_par_iter()
        .with_min_len(64)
        .for_each(|s| s.sort_unstable());
    out
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

/// Compares two [`pack`]ed keys of `n` ids as their id sequences.
fn cmp_packed(a: u128, b: u128, n: usize) -> std::cmp::Ordering {
    (0..n)
        .map(|i| ((a >> (32 * i)) as u32).cmp(&((b >> (32 * i)) as u32)))
        .find(|o| o.is_ne())
        .unwrap_or(std::cmp::Ordering::Equal)
}

/// Statistics of one listed segment.
#[derive(Default)]
struct Listed {
    count: u64,
    docs: u64,
    last_doc: Option<DocId>,
    articles: u64,
    comments: u64,
    /// (segment, packed term ordinals) → occurrences.
    forms: HashMap<(usize, u128), u64>,
}

impl Listed {
    /// Adds the statistics of the same segment in other index segments.
    fn absorb(&mut self, o: Listed) {
        self.count += o.count;
        self.docs += o.docs;
        self.articles += o.articles;
        self.comments += o.comments;
        for (k, n) in o.forms {
            *self.forms.entry(k).or_insert(0) += n;
        }
    }
}

/// The slice's documents rebuilt once, to count segments of several lengths (and, with a
/// tally, terms).
pub(super) struct Prepared {
    /// The slice's documents.
    pub classes: Classes,
    /// Kind of every document.
    pub kinds: Vec<Vec<u8>>,
    /// The keys of all segments.
    pub keys: Keys,
    /// Per segment: the slice's documents as term ordinals.
    pub forwards: Vec<Forward>,
    /// Per segment, when asked: occurrences of each term by group of documents.
    pub tallies: Option<Vec<Tally>>,
}

/// Gives a group code to each document of each segment, from the slice's classes and the
/// documents' kinds; `None` asks for no tally.
pub(super) type GroupsOf<'a> =
    &'a (dyn Fn(&Classes, &[Vec<u8>]) -> Result<Option<Vec<Vec<u8>>>, ReportError> + Sync);

/// Rebuilds the documents of `slice`; with `groups_of` giving a group code per document, also
/// tallies every term's occurrences by group.
pub(super) fn prepare(
    store: &Store,
    searcher: &Searcher,
    slice: &Slice,
    groups_of: Option<GroupsOf<'_>>,
) -> Result<Prepared, ReportError> {
    if let Some(a) = &slice.article {
        check_article(store, searcher, a)?;
    }
    let field = store.fields.forms;
    let classes: Classes = slice_classes(store, searcher, slice, false)?;
    let kinds = kinds(store, searcher)?;
    let groups = match groups_of {
        Some(f) => f(&classes, &kinds)?,
        None => None,
    };
    let groups = groups.as_deref();
    let keys = number_keys(searcher, field, slice.lang)?;
    let n_keys = keys.text.len();
    let segs = searcher.segment_readers();
    let layouts: Vec<Layout> = segs
        .iter()
        .zip(&classes)
        .map(|(seg, cls)| layout(seg, cls))
        .collect::<Result<_, _>>()?;
    let pos_files: Vec<Option<FileSlice>> = segs
        .iter()
        .zip(&layouts)
        .map(|(seg, l)| {
            if l.total == 0 {
                Ok(None)
            } else {
                positions_file(&store.index, seg, field)
            }
        })
        .collect::<Result<_, _>>()?;
    let words: Vec<Vec<AtomicU32>> = layouts
        .iter()
        .map(|l| {
            (0..l.total)
                .into_par_iter()
                .map(|_| AtomicU32::new(NONE))
                .collect()
        })
        .collect();
    // Runs of terms, large segments cut in several, rebuilt in parallel.
    let runs = runs_of_terms(&keys, rayon::current_num_threads());
    let tallies: Vec<Option<Tally>> = runs
        .par_iter()
        .with_max_len(1)
        .map(|(si, range)| {
            let si = *si;
            let tally = groups.map(|g| TallyInput {
                groups: &g[si],
                of_term: &keys.of_term[si],
                keys: n_keys,
            });
            forward_run(
                &segs[si],
                field,
                &classes[si],
                &layouts[si],
                pos_files[si].as_ref(),
                &keys.infos[si][range.clone()],
                tally,
                &words[si],
            )
        })
        .collect::<Result<_, _>>()?;
    // Each segment's runs, in order: their tallies joined.
    let mut per_seg: Vec<Option<Tally>> = (0..segs.len()).map(|_| None).collect();
    for ((si, _), part) in runs.iter().zip(tallies) {
        let Some(part) = part else { continue };
        match &mut per_seg[*si] {
            Some(t) => {
                t.terms.extend(part.terms);
                for (a, b) in t.docs.iter_mut().zip(part.docs) {
                    *a += b;
                }
            }
            slot @ None => *slot = Some(part),
        }
    }
    let forwards: Vec<Forward> = layouts
        .into_iter()
        .zip(words)
        .map(|(l, w)| Forward {
            docs: l.docs,
            words: w.into_iter().map(AtomicU32::into_inner).collect(),
        })
        .collect();
    Ok(Prepared {
        classes,
        kinds,
        keys,
        forwards,
        tallies: per_seg.into_iter().collect(),
    })
}

/// The repeated segments of a slice.
pub fn ngrams(store: &Store, opts: &NgramOptions) -> Result<TermsReport, ReportError> {
    let mut all = ngrams_many(store, &opts.slice, std::slice::from_ref(opts))?;
    Ok(all.remove(0))
}

/// Checks that every variant asks for 2 or 3 words, and that there are at most 32.
pub(super) fn check_variants(variants: &[NgramOptions]) -> Result<(), ReportError> {
    if variants.len() > 32 {
        return Err(ReportError::Usage(
            "at most 32 kinds of repeated segments at once".into(),
        ));
    }
    match variants.iter().find(|o| !(2..=3).contains(&o.n)) {
        Some(o) => Err(ReportError::Usage(format!(
            "--ngrams takes 2 or 3, not {}",
            o.n
        ))),
        None => Ok(()),
    }
}

/// Repeated segments of several lengths (or other options) of one slice, rebuilding the
/// slice's documents once; the `slice` of each option is ignored.
pub fn ngrams_many(
    store: &Store,
    slice: &Slice,
    variants: &[NgramOptions],
) -> Result<Vec<TermsReport>, ReportError> {
    check_variants(variants)?;
    let reader = store.index.reader()?;
    let searcher: Searcher = reader.searcher();
    let prepared = prepare(store, &searcher, slice, None)?;
    count_many(store, &searcher, &prepared, slice, variants)
}

/// Counts the segments of every variant (2 or 3 words each) in the prepared documents.
pub(super) fn count_many(
    store: &Store,
    searcher: &Searcher,
    prepared: &Prepared,
    slice: &Slice,
    variants: &[NgramOptions],
) -> Result<Vec<TermsReport>, ReportError> {
    let Prepared {
        classes,
        kinds,
        keys,
        forwards,
        ..
    } = prepared;
    let field = store.fields.forms;
    let tokens: u64 = forwards
        .iter()
        .map(|f| f.words.iter().filter(|&&w| w != NONE).count() as u64)
        .sum();

    // Count the windows: gather their keys, sort, count the runs; keep the most frequent.
    let select = |mut candidates: Vec<(u32, u128)>, o: &NgramOptions| {
        let types = candidates.len() as u64;
        let n = o.n;
        let cmp =
            |a: &(u32, u128), b: &(u32, u128)| b.0.cmp(&a.0).then_with(|| cmp_packed(a.1, b.1, n));
        if o.limit > 0 && candidates.len() > o.limit {
            candidates.select_nth_unstable_by(o.limit - 1, cmp);
            candidates.truncate(o.limit);
        }
        candidates.sort_by(cmp);
        (candidates, types)
    };
    let max_n = variants.iter().map(|o| o.n).max().unwrap_or(1) as u32;
    let bits = id_bits(keys.text.len());
    let selected: Vec<(Vec<(u32, u128)>, u64)> = if bits * max_n <= 64 {
        gather(forwards, keys, variants, |ids| pack_narrow(ids, bits))
            .into_par_iter()
            .zip(variants.par_iter())
            .with_max_len(1)
            .map(|(parts, o)| {
                let all = sort_parts(parts);
                let runs = runs(&all, o.min_count.max(1));
                drop(all);
                select(
                    runs.into_iter()
                        .map(|(c, k)| (c, widen_narrow(k, bits)))
                        .collect(),
                    o,
                )
            })
            .collect()
    } else {
        gather(forwards, keys, variants, pack)
            .into_iter()
            .zip(variants)
            .map(|(parts, o)| select(count_runs(parts.concat(), o.min_count.max(1)), o))
            .collect()
    };

    // Second pass over the listed segments: documents, kinds, forms.
    let listed_index: Vec<IntMap<u128, usize>> = selected
        .iter()
        .map(|(c, _)| c.iter().enumerate().map(|(i, &(_, k))| (k, i)).collect())
        .collect();
    let ends: Vec<Vec<bool>> = variants
        .iter()
        .map(|o| end_table(&keys.stop, o.all_words))
        .collect();
    // Per key: the variants (bits) with a listed segment beginning with it.
    let mut first_of = vec![0u32; keys.text.len()];
    for (v, (c, _)) in selected.iter().enumerate() {
        for &(_, k) in c {
            first_of[k as u32 as usize] |= 1 << v;
        }
    }
    let gap = keys.text.len() as u32;
    let parts: Vec<Vec<Vec<Listed>>> = forwards
        .par_iter()
        .zip(keys.of_term.par_iter())
        .enumerate()
        .with_max_len(1)
        .map(|(si, (fw, of_term))| {
            let mut listed: Vec<Vec<Listed>> = selected
                .iter()
                .map(|(c, _)| c.iter().map(|_| Listed::default()).collect())
                .collect();
            let key = |w: u32| if w == NONE { gap } else { of_term[w as usize] };
            for &(doc, s, len) in &fw.docs {
                let article = kinds[si][doc as usize] == ARTICLE;
                let words = &fw.words[s..s + len];
                for (i, &w) in words.iter().enumerate() {
                    if w == NONE {
                        continue;
                    }
                    let mut variants_here = first_of[of_term[w as usize] as usize];
                    while variants_here != 0 {
                        let v = variants_here.trailing_zeros() as usize;
                        variants_here &= variants_here - 1;
                        let o = &variants[v];
                        let Some(ords) = words.get(i..i + o.n) else {
                            continue;
                        };
                        let mut ids = [gap; 3];
                        for (id, &w) in ids.iter_mut().zip(ords) {
                            *id = key(w);
                        }
                        let win = &ids[..o.n];
                        let end = &ends[v];
                        if !(end[win[0] as usize]
                            && end[win[o.n - 1] as usize]
                            && (o.n < 3 || win[1] != gap))
                        {
                            continue;
                        }
                        let Some(&i) = listed_index[v].get(&pack(win)) else {
                            continue;
                        };
                        let l = &mut listed[v][i];
                        l.count += 1;
                        if l.last_doc != Some(doc) {
                            l.last_doc = Some(doc);
                            l.docs += 1;
                        }
                        if article {
                            l.articles += 1;
                        } else {
                            l.comments += 1;
                        }
                        *l.forms.entry((si, pack(ords))).or_insert(0) += 1;
                    }
                }
            }
            listed
        })
        .collect();
    let mut merged: Vec<Vec<Listed>> = selected
        .iter()
        .map(|(c, _)| c.iter().map(|_| Listed::default()).collect())
        .collect();
    for part in parts {
        for (m, p) in merged.iter_mut().zip(part) {
            for (a, b) in m.iter_mut().zip(p) {
                a.absorb(b);
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
    let mut reports = Vec::with_capacity(variants.len());
    for ((o, (candidates, types)), listed) in variants.iter().zip(selected).zip(merged) {
        let n = o.n;
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
            forms.truncate(o.forms.max(1));
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
        reports.push(TermsReport {
            slice: slice.describe(),
            ngrams: n,
            documents: count_target(classes),
            tokens,
            types,
            terms,
            min_count: o.min_count.max(1),
        });
    }
    Ok(reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_terms_keep_keys_whole_and_cover_every_term() {
        let info = |ord: u32, docs: u32| {
            (
                ord,
                TermInfo {
                    doc_freq: docs,
                    postings_range: 0..0,
                    positions_range: 0..0,
                },
            )
        };
        // Segment 0: keys 0 0 1 1 1 2 (heavy), segment 1: one light key, segment 2: none.
        let keys = Keys {
            text: vec!["a".into(), "b".into(), "c".into()],
            stop: vec![false; 3],
            of_term: vec![vec![0, 0, 1, 1, 1, 2], vec![2], vec![]],
            infos: vec![
                (0..6u32).map(|o| info(o, 10)).collect(),
                vec![info(0, 1)],
                vec![],
            ],
        };
        let runs = runs_of_terms(&keys, 2);
        // About a quarter of 61 postings a run: cut after whole keys only.
        assert_eq!(
            runs,
            [(0, 0..2), (0, 2..5), (0, 5..6), (1, 0..1), (2, 0..0)]
        );
        let one = runs_of_terms(&keys, 1);
        assert!(one.iter().all(|(si, r)| {
            let of = &keys.of_term[*si];
            r.start == 0 || of[r.start] != of[r.start - 1]
        }));
        let covered: usize = one.iter().map(|(_, r)| r.len()).sum();
        assert_eq!(covered, 7);
    }

    #[test]
    fn packing_round_trips() {
        assert_eq!(id_bits(0), 1);
        assert_eq!(id_bits(2), 1);
        assert_eq!(id_bits(3), 2);
        assert_eq!(id_bits(113_670), 17);
        assert_eq!(id_bits(1 << 21), 21);
        for (ids, bits) in [
            (vec![1, 2], 2),
            (vec![0, (1 << 21) - 1, 7], 21),
            (vec![5, 0, 131_071], 17),
        ] {
            assert_eq!(unpack_narrow(pack_narrow(&ids, bits), ids.len(), bits), ids);
            assert_eq!(widen_narrow(pack_narrow(&ids, bits), bits), pack(&ids));
        }
        let parts: Vec<Vec<u64>> = (0..5u64)
            .map(|p| {
                (0..3000u64)
                    .map(|i| (i * p).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (i % 40))
                    .chain([0, u64::MAX, 3, 3])
                    .collect()
            })
            .collect();
        let mut all = parts.concat();
        all.sort_unstable();
        let grouped = sort_parts(parts);
        assert_eq!(runs(&all, 1).len(), runs(&grouped, 1).len());
        let mut back = grouped.clone();
        back.sort_unstable();
        assert_eq!(back, all);
        let mut got = runs(&grouped, 2);
        got.sort_unstable_by_key(|&(_, k)| k);
        assert_eq!(got, runs(&all, 2));
        assert_eq!(
            count_runs(vec![3u64, 1, 3, 2, 3, 1], 2),
            vec![(2, 1), (3, 3)]
        );
        for ids in [vec![1, 2], vec![0, u32::MAX - 1, 7], vec![5, 5, 5]] {
            assert_eq!(unpack(pack(&ids), ids.len()), ids);
        }
        assert_ne!(pack(&[1, 2]), pack(&[2, 1]));
        for (a, b) in [
            ([1, 2, 3], [1, 2, 4]),
            ([2, 0, 0], [1, 9, 9]),
            ([7, 7, 7], [7, 7, 7]),
        ] {
            assert_eq!(cmp_packed(pack(&a), pack(&b), 3), a.cmp(&b));
            assert_eq!(
                cmp_packed(pack(&a[..2]), pack(&b[..2]), 2),
                a[..2].cmp(&b[..2])
            );
        }
        let mut m: IntMap<u128, u32> = IntMap::default();
        for i in 0..1000u128 {
            *m.entry(i << 40).or_insert(0) += 1;
        }
        assert_eq!(m.len(), 1000);
    }

    #[test]
    fn end_tables() {
        let stop = [false, true, false];
        assert_eq!(end_table(&stop, false), [true, false, true, false]);
        assert_eq!(end_table(&stop, true), [true, true, true, false]);
    }
}
