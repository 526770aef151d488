//! Entity report: the people, organisations, places and other names of a slice with their
//! aliases, mentions (articles / comments) and documents; co-occurrence with one entity; the
//! mentions of one document.
//!
//! Reads the `entity` terms ingest wrote (one per mention: type, key, form as written). Pages resolved their own aliases;
//! across pages, entities join by key (gazetteer entries join languages), a surname alone joins
//! the one full name that ends with it, and mentions found only at sentence starts count when
//! the name is confirmed elsewhere often enough.

use std::collections::BTreeSet;

use hashbrown::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::postings::BlockSegmentPostings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, SegmentReader, TantivyDocument, Term};

use super::{ARTICLE, Classes, ReportError, Slice, TARGET, check_article, kinds, slice_classes};
use crate::analysis::entities::{EntityType, canonical_name, key_of};
use crate::store::Store;
use crate::store::entities::{ENTITY_SEP, SURNAME_MARK, StoredMentions, parse_term};

/// What the entity report lists.
#[derive(Debug, Clone, Default)]
pub struct EntitiesOptions {
    /// Documents counted.
    pub slice: Slice,
    /// Only entities of this type.
    pub kind: Option<EntityType>,
    /// Number of entities listed (0: all).
    pub top: usize,
    /// List the entities found in the same documents as this one, by documents shared.
    pub with: Option<String>,
}

/// One entity of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Canonical name: the fullest frequent form.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Forms seen, most frequent first.
    pub aliases: Vec<String>,
    /// Mentions in the slice.
    pub mentions: u64,
    /// Mentions in articles.
    pub articles: u64,
    /// Mentions in comments.
    pub comments: u64,
    /// Documents that mention it.
    pub docs: u64,
    /// With `--with`: documents shared with that entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub together: Option<u64>,
    /// Index terms of the entity (for search).
    #[serde(skip)]
    pub terms: Vec<String>,
    /// Documents that mention it (segment << 32 | doc), in order.
    #[serde(skip)]
    pub doc_list: Vec<u64>,
}

impl Entity {
    /// Its forms other than its name, the `n` most frequent, comma-separated, with the count
    /// of the others ("MS, Ms, … (+2)").
    pub fn other_forms(&self, n: usize) -> String {
        let others: Vec<&str> = self
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| *a != self.name)
            .collect();
        let mut s = others
            .iter()
            .take(n)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if others.len() > n {
            s.push_str(&format!(", … (+{})", others.len() - n));
        }
        s
    }

    /// Table cells: name, type, mentions, articles, comments, documents, other forms.
    pub fn cells(&self, forms: usize) -> Vec<String> {
        vec![
            self.name.clone(),
            self.kind.as_str().to_string(),
            self.mentions.to_string(),
            self.articles.to_string(),
            self.comments.to_string(),
            self.docs.to_string(),
            self.other_forms(forms),
        ]
    }
}

/// Headers of [`Entity::cells`].
pub const ENTITY_HEADERS: [&str; 7] = [
    "name", "type", "mentions", "articles", "comments", "docs", "aliases",
];

/// The entity report.
#[derive(Debug, Clone, Serialize)]
pub struct EntitiesReport {
    /// What was counted ("whole corpus", "comments"…).
    pub slice: String,
    /// With `--with`: the entity the others are counted against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with: Option<Entity>,
    /// Entities, most mentioned (or most often together) first.
    pub entities: Vec<Entity>,
}

/// Counts of one term over the slice.
#[derive(Debug, Default, Clone)]
struct TermCounts {
    mentions: u64,
    articles: u64,
    comments: u64,
    /// Documents (segment << 32 | doc), in order.
    docs: Vec<u64>,
}

/// Reads every term of `field` with its counts over the documents of `classes` (and, with
/// `docs`, the documents), the segments in parallel; in term order.
fn read_terms(
    searcher: &Searcher,
    field: Field,
    classes: &Classes,
    kinds: &[Vec<u8>],
    docs: bool,
) -> Result<Vec<(String, TermCounts)>, ReportError> {
    let parts: Vec<Vec<(String, TermCounts)>> = searcher
        .segment_readers()
        .par_iter()
        .enumerate()
        .with_max_len(1)
        .map(|(ord, seg)| segment_terms(ord, seg, field, &classes[ord], &kinds[ord], docs))
        .collect::<Result<_, _>>()?;
    // Each part is in term order: merge them, adding the counts of equal terms.
    let mut iters: Vec<std::vec::IntoIter<(String, TermCounts)>> =
        parts.into_iter().map(Vec::into_iter).collect();
    let mut out: Vec<(String, TermCounts)> = Vec::new();
    loop {
        let mut min: Option<usize> = None;
        for i in 0..iters.len() {
            if let Some(k) = head(&iters[i])
                && min.is_none_or(|m| head(&iters[m]).is_some_and(|mk| k < mk))
            {
                min = Some(i);
            }
        }
        let Some(m) = min else {
            break;
        };
        let Some((key, mut c)) = iters[m].next() else {
            break;
        };
        for (i, it) in iters.iter_mut().enumerate() {
            if i != m
                && head(it) == Some(key.as_str())
                && let Some((_, o)) = it.next()
            {
                c.mentions += o.mentions;
                c.articles += o.articles;
                c.comments += o.comments;
                c.docs.extend(o.docs);
            }
        }
        out.push((key, c));
    }
    Ok(out)
}

/// The first term left in a segment's list.
fn head(it: &std::vec::IntoIter<(String, TermCounts)>) -> Option<&str> {
    it.as_slice().first().map(|(k, _)| k.as_str())
}

/// The terms of one segment (ordinal `ord`) with their counts over the documents of `cls`
/// (and, with `with_docs`, the documents).
fn segment_terms(
    ord: usize,
    seg: &SegmentReader,
    field: Field,
    cls: &[u8],
    kinds: &[u8],
    with_docs: bool,
) -> Result<Vec<(String, TermCounts)>, ReportError> {
    let mut out = Vec::new();
    if !cls.contains(&TARGET) {
        return Ok(out);
    }
    let inv = seg.inverted_index(field)?;
    let mut stream = inv.terms().stream()?;
    let mut block: Option<BlockSegmentPostings> = None;
    while stream.advance() {
        let info = stream.value();
        let block = match &mut block {
            Some(b) => {
                inv.reset_block_postings_from_terminfo(info, b)?;
                b
            }
            None => block
                .insert(inv.read_block_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?),
        };
        let mut c = TermCounts::default();
        loop {
            let docs = block.docs();
            if docs.is_empty() {
                break;
            }
            for (&doc, &tf) in docs.iter().zip(block.freqs()) {
                let d = doc as usize;
                if cls.get(d) == Some(&TARGET) {
                    let tf = u64::from(tf);
                    c.mentions += tf;
                    if kinds[d] == ARTICLE {
                        c.articles += tf;
                    } else {
                        c.comments += tf;
                    }
                    if with_docs {
                        c.docs.push(((ord as u64) << 32) | u64::from(doc));
                    }
                }
            }
            block.advance();
        }
        if c.mentions == 0 {
            continue;
        }
        out.push((String::from_utf8_lossy(stream.key()).into_owned(), c));
    }
    Ok(out)
}

/// The documents of `classes` ([`TARGET`]) holding any of `terms` (segment << 32 | doc), in
/// order.
fn docs_of(
    searcher: &Searcher,
    field: Field,
    classes: &Classes,
    terms: &[String],
) -> Result<Vec<u64>, ReportError> {
    let mut out = Vec::new();
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        let inv = seg.inverted_index(field)?;
        let cls = &classes[ord];
        for term in terms {
            let Some(info) = inv.get_term_info(&Term::from_field_text(field, term))? else {
                continue;
            };
            let mut block =
                inv.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            loop {
                let docs = block.docs();
                if docs.is_empty() {
                    break;
                }
                for &doc in docs {
                    if cls.get(doc as usize) == Some(&TARGET) {
                        out.push(((ord as u64) << 32) | u64::from(doc));
                    }
                }
                block.advance();
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Weak mentions of a name (found only at sentence starts in their pages) for one strong
/// mention, at most, for those to count.
const CONFIRM: u64 = 20;

/// Whether `strong` mentions of a name (or documents holding them) confirm its `weak` ones.
fn confirmed(strong: u64, weak: u64) -> bool {
    strong > 0 && strong.saturating_mul(CONFIRM) >= weak
}

/// An entity being assembled from its terms.
#[derive(Debug, Default, Clone)]
struct Acc {
    /// Strong mentions per type.
    by_type: [u64; 4],
    mentions: u64,
    articles: u64,
    comments: u64,
    /// Its index terms, as indices in the list of terms read.
    terms: Vec<u32>,
    /// Some mention is not weak.
    strong: bool,
}

impl Acc {
    /// Adds another accumulator.
    fn absorb(&mut self, o: Acc) {
        for (a, b) in self.by_type.iter_mut().zip(o.by_type) {
            *a += b;
        }
        self.mentions += o.mentions;
        self.articles += o.articles;
        self.comments += o.comments;
        self.terms.extend(o.terms);
        self.strong |= o.strong;
    }

    /// The type most mentions gave it.
    fn kind(&self) -> EntityType {
        EntityType::most_voted(&self.by_type)
    }
}

/// Every entity of the slice of `classes`, merged across pages, most mentioned first; with
/// `only` (a number, not 0, and a type), at least the first that many of that type (and those
/// as mentioned as the last of them).
fn corpus_entities(
    store: &Store,
    searcher: &Searcher,
    classes: &Classes,
    only: Option<(usize, Option<EntityType>)>,
) -> Result<Vec<Entity>, ReportError> {
    let kinds = kinds(store, searcher)?;
    let field = store.fields.entity;
    // With a few entities asked for, their documents are read afterwards, for them alone.
    let only = only.filter(|&(top, _)| top > 0);
    let terms = read_terms(searcher, field, classes, &kinds, only.is_none())?;
    // 1. By key, case, accents and spacing aside: pages that wrote a name differently
    // ("LilyPond", "lilypond", "Debian\u{a0}8") filed it under keys that are one entity.
    let mut by_raw: HashMap<&str, Acc> = HashMap::with_capacity(terms.len());
    let mut weak: Vec<usize> = Vec::new();
    for (i, (term, c)) in terms.iter().enumerate() {
        let Some(t) = parse_term(term) else { continue };
        if t.weak {
            weak.push(i);
            continue;
        }
        let a = by_raw.entry(t.key).or_default();
        a.by_type[t.kind.index()] += c.mentions;
        a.mentions += c.mentions;
        a.articles += c.articles;
        a.comments += c.comments;
        a.terms.push(i as u32);
        a.strong = true;
    }
    let mut by_key: HashMap<String, Acc> = HashMap::with_capacity(by_raw.len());
    for (k, a) in by_raw {
        by_key.entry(key_of(k)).or_default().absorb(a);
    }
    // Weak mentions count for a name the corpus confirms: at least one mention elsewhere
    // than at sentence starts for every CONFIRM found only there ("Terme de marine." opening
    // thousands of dictionary lines is no name).
    let mut weak_mentions: HashMap<String, u64> = HashMap::new();
    for &i in &weak {
        let (term, c) = &terms[i];
        if let Some(t) = parse_term(term) {
            *weak_mentions.entry(key_of(t.key)).or_default() += c.mentions;
        }
    }
    for i in weak {
        let (term, c) = &terms[i];
        let Some(t) = parse_term(term) else { continue };
        let key = key_of(t.key);
        if let Some(a) = by_key.get_mut(&key)
            && confirmed(a.mentions, weak_mentions.get(&key).copied().unwrap_or(0))
        {
            a.mentions += c.mentions;
            a.articles += c.articles;
            a.comments += c.comments;
            a.terms.push(i as u32);
        }
    }
    // 2. A surname alone joins the one full name of a person that ends (or starts) with it.
    let person = |a: &Acc| a.kind() == EntityType::Person;
    let mut full: HashMap<String, Vec<String>> = HashMap::new();
    let mut singles: Vec<String> = Vec::new();
    for (k, a) in &by_key {
        if !person(a) {
            continue;
        }
        let mut words = k.split_whitespace();
        match (words.next(), words.next_back()) {
            (Some(first), Some(last)) => {
                for w in [first, last] {
                    full.entry(w.to_string()).or_default().push(k.clone());
                }
            }
            _ if !k.contains(char::is_whitespace) => singles.push(k.clone()),
            _ => {}
        }
    }
    for s in singles {
        if let Some(targets) = full.get(&s)
            && targets.len() == 1
            && let Some(acc) = by_key.remove(&s)
            && let Some(t) = by_key.get_mut(&targets[0])
        {
            t.absorb(acc);
        }
    }
    // 3. Names, counts: of all entities, or of the most mentioned ones asked for.
    let mut accs: Vec<Acc> = by_key.into_values().filter(|a| a.strong).collect();
    if let Some((top, kind)) = only {
        if let Some(k) = kind {
            accs.retain(|a| a.kind() == k);
        }
        if accs.len() > top {
            let mut mentions: Vec<u64> = accs.iter().map(|a| a.mentions).collect();
            let (_, &mut least, _) = mentions.select_nth_unstable_by(top - 1, |a, b| b.cmp(a));
            accs.retain(|a| a.mentions >= least);
        }
    }
    let mut out: Vec<Entity> = accs
        .into_iter()
        .map(|a| {
            let kind = a.kind();
            // Forms: the mentions of each surface of its terms.
            let mut surfaces: Vec<(&str, u64)> = a
                .terms
                .iter()
                .filter_map(|&i| {
                    let (term, c) = &terms[i as usize];
                    parse_term(term)
                        .and_then(|t| t.surface)
                        .map(|s| (s, c.mentions))
                })
                .collect();
            surfaces.sort_unstable_by(|x, y| x.0.cmp(y.0));
            let mut forms: Vec<(&str, u64)> = Vec::with_capacity(surfaces.len());
            for (f, n) in surfaces {
                match forms.last_mut() {
                    Some((g, m)) if *g == f => *m += n,
                    _ => forms.push((f, n)),
                }
            }
            forms.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
            let name = canonical_name(forms.iter().copied()).unwrap_or_default();
            let mut doc_list: Vec<u64> = Vec::new();
            if only.is_none() {
                for &i in &a.terms {
                    doc_list.extend_from_slice(&terms[i as usize].1.docs);
                }
                doc_list.sort_unstable();
                doc_list.dedup();
            }
            let mut names: Vec<String> = a
                .terms
                .iter()
                .map(|&i| terms[i as usize].0.clone())
                .collect();
            names.sort_unstable();
            Entity {
                name,
                kind,
                aliases: forms.into_iter().map(|(f, _)| f.to_string()).collect(),
                mentions: a.mentions,
                articles: a.articles,
                comments: a.comments,
                docs: doc_list.len() as u64,
                together: None,
                terms: names,
                doc_list,
            }
        })
        .collect();
    // Names shared by several keys ("Conicité", "CONICITE") are ordered by their terms, so
    // every run prints the same list.
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.terms.cmp(&b.terms))
    });
    if let Some((top, _)) = only {
        out.truncate(top);
        for e in &mut out {
            e.doc_list = docs_of(searcher, field, classes, &e.terms)?;
            e.docs = e.doc_list.len() as u64;
        }
    }
    Ok(out)
}

/// Whether `query` names entity `e` (its name or one of its forms, case and accents aside).
fn names(e: &Entity, query: &str) -> bool {
    let q = key_of(query.trim());
    key_of(&e.name) == q || e.aliases.iter().any(|a| key_of(a) == q)
}

/// The entity `query` names among `entities`: by name first, then by a form, the most
/// mentioned.
pub fn find<'e>(entities: &'e [Entity], query: &str) -> Option<&'e Entity> {
    let q = key_of(query.trim());
    entities
        .iter()
        .find(|e| key_of(&e.name) == q)
        .or_else(|| entities.iter().find(|e| names(e, query)))
}

/// The entity report.
pub fn entities(store: &Store, opts: &EntitiesOptions) -> Result<EntitiesReport, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    if let Some(a) = &opts.slice.article {
        check_article(store, &searcher, a)?;
    }
    let classes = slice_classes(store, &searcher, &opts.slice, true)?;
    // Without `with`, only the entities listed are named and counted.
    let only = opts.with.is_none().then_some((opts.top, opts.kind));
    let mut all = corpus_entities(store, &searcher, &classes, only)?;
    let mut with = None;
    if let Some(q) = &opts.with {
        let Some(target) = find(&all, q).cloned() else {
            return Err(ReportError::Usage(format!(
                "no entity named '{q}' in {} (see `kiosque entities` for names)",
                opts.slice.describe()
            )));
        };
        let ti = all
            .iter()
            .position(|e| e.terms == target.terms)
            .unwrap_or(0);
        let tdocs = all[ti].doc_list.clone();
        for e in all.iter_mut() {
            e.together = Some(count_common(&tdocs, &e.doc_list));
        }
        all.remove(ti);
        all.retain(|e| e.together.unwrap_or(0) > 0);
        all.sort_by(|a, b| {
            b.together
                .cmp(&a.together)
                .then_with(|| b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        with = Some(target);
    }
    if let Some(k) = opts.kind {
        all.retain(|e| e.kind == k);
    }
    if opts.top > 0 {
        all.truncate(opts.top);
    }
    Ok(EntitiesReport {
        slice: opts.slice.describe(),
        with,
        entities: all,
    })
}

/// Elements two sorted lists share: the shorter one is looked up in the longer one.
fn count_common(a: &[u64], b: &[u64]) -> u64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short
        .iter()
        .filter(|x| long.binary_search(x).is_ok())
        .count() as u64
}

/// What the `entity` dictionary says of one entity key.
#[derive(Debug, Default)]
struct KeyInfo {
    /// Its terms (weak ones only when the corpus confirms it: see [`confirmed`]).
    terms: Vec<String>,
    /// Some mention is not weak.
    strong: bool,
    /// Some strong mention is a person.
    person: bool,
}

/// The distinct terms of `field` that start with `prefix`, in every segment.
fn terms_with_prefix(
    searcher: &Searcher,
    field: Field,
    prefix: &str,
) -> Result<BTreeSet<String>, ReportError> {
    Ok(terms_and_docs(searcher, field, prefix)?.0)
}

/// [`terms_with_prefix`], and the documents holding them (a document counted once per
/// term).
fn terms_and_docs(
    searcher: &Searcher,
    field: Field,
    prefix: &str,
) -> Result<(BTreeSet<String>, u64), ReportError> {
    // The prefix ends with a separator below ' ': the same prefix ending with ' ' instead
    // bounds the range.
    let mut end = prefix[..prefix.len() - ENTITY_SEP.len_utf8()].to_string();
    end.push(' ');
    let mut out = BTreeSet::new();
    let mut docs = 0u64;
    for seg in searcher.segment_readers() {
        let inv = seg.inverted_index(field)?;
        let mut stream = inv
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .lt(end.as_bytes())
            .into_stream()?;
        while stream.advance() {
            docs += u64::from(stream.value().doc_freq);
            out.insert(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    Ok((out, docs))
}

/// The entity keys filed under `name` in `entity_names` (`mark` before it: "" for names,
/// [`SURNAME_MARK`] for the full names ending with a surname).
fn keys_named(
    searcher: &Searcher,
    field: Field,
    mark: &str,
    name: &str,
) -> Result<BTreeSet<String>, ReportError> {
    let prefix = format!("{mark}{name}{ENTITY_SEP}");
    Ok(terms_with_prefix(searcher, field, &prefix)?
        .into_iter()
        .map(|t| t[prefix.len()..].to_string())
        .collect())
}

/// The `entity` terms of `key`, weak or not, of every type.
fn key_info(searcher: &Searcher, field: Field, key: &str) -> Result<KeyInfo, ReportError> {
    let mut info = KeyInfo::default();
    let mut docs = [0u64; 2];
    let mut weak_terms = Vec::new();
    for weak in [false, true] {
        for t in EntityType::ALL {
            let mark = if weak { "~" } else { "" };
            let prefix = format!("{mark}{}{ENTITY_SEP}{key}{ENTITY_SEP}", t.letter());
            let (terms, n) = terms_and_docs(searcher, field, &prefix)?;
            docs[usize::from(weak)] += n;
            if weak {
                weak_terms.extend(terms);
            } else {
                info.person |= t == EntityType::Person && !terms.is_empty();
                info.terms.extend(terms);
            }
        }
    }
    info.strong = docs[0] > 0;
    if confirmed(docs[0], docs[1]) {
        info.terms.extend(weak_terms);
    }
    Ok(info)
}

/// The index terms of the entity `query` names in the whole corpus (for `search --entity`),
/// joining as the report does (gazetteer keys, any form as written, a surname alone with the
/// one full name ending with it, weak mentions of confirmed names). Range lookups in the
/// `entity_names` and `entity` dictionaries: no dictionary is read whole.
pub fn entity_terms(store: &Store, query: &str) -> Result<Vec<String>, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let (names, entity) = (store.fields.entity_names, store.fields.entity);
    let q = key_of(query.trim());
    let mut named = keys_named(&searcher, names, "", &q)?;
    // The entity of that name, as `entities` lists it, when there is one: a name that is also
    // another entity's alias in some page ("GNU LilyPond" written where a page meant
    // "LilyPond") does not bring that entity's documents. A surname alone that the list joins
    // to the one full name of a person ending with it stands for that person.
    let exact: BTreeSet<String> = named.iter().filter(|k| key_of(k) == q).cloned().collect();
    if !exact.is_empty() {
        let full = if q.contains(char::is_whitespace) {
            BTreeSet::new()
        } else {
            keys_named(&searcher, names, &SURNAME_MARK.to_string(), &q)?
        };
        named = exact;
        if full.len() == 1 {
            named.extend(full);
        }
    }
    let mut out: BTreeSet<String> = BTreeSet::new();
    for key in &named {
        let info = key_info(&searcher, entity, key)?;
        if info.strong {
            out.extend(info.terms);
        }
    }
    // A surname alone joins the one full name of a person that ends with it.
    let mut surnames: BTreeSet<String> = BTreeSet::new();
    for key in named.iter().filter(|k| k.contains(char::is_whitespace)) {
        let Some(last) = key.split_whitespace().next_back().map(key_of) else {
            continue;
        };
        let full = keys_named(&searcher, names, &SURNAME_MARK.to_string(), &last)?;
        if full.len() == 1 && full.contains(key) {
            surnames.insert(last);
        }
    }
    for last in surnames {
        for key in keys_named(&searcher, names, "", &last)? {
            if key.contains(char::is_whitespace) || key_of(&key) != last || named.contains(&key) {
                continue;
            }
            let info = key_info(&searcher, entity, &key)?;
            if info.strong && info.person {
                out.extend(info.terms);
            }
        }
    }
    if out.is_empty() {
        return Err(ReportError::Usage(format!(
            "no entity named '{query}' in the index (see `kiosque entities` for names)"
        )));
    }
    Ok(out.into_iter().collect())
}

/// One mention of a document, for `entities --doc`.
#[derive(Debug, Clone, Serialize)]
pub struct DocMention {
    /// Canonical name (as the page resolved it).
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// As written.
    pub text: String,
    /// `title` (offsets in the title lines: title, subtitle, headings, one a line) or `text`.
    #[serde(rename = "in")]
    pub part: String,
    /// Byte offset.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// A few words around it.
    pub context: String,
    /// Found only at a sentence start and not confirmed in its page.
    pub weak: bool,
}

/// The mentions stored with document `id`.
pub fn doc_mentions(store: &Store, id: &str) -> Result<Vec<DocMention>, ReportError> {
    let reader = store.index.reader()?;
    let searcher = reader.searcher();
    let f = &store.fields;
    let q = tantivy::query::TermQuery::new(
        tantivy::Term::from_field_text(f.id, id),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(
        &q,
        &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
    )?;
    let Some((_, addr)) = top.first() else {
        return Err(ReportError::Usage(format!(
            "no document with id '{id}' ({})",
            super::ID_HINT
        )));
    };
    let doc: TantivyDocument = searcher.doc(*addr)?;
    let text = first_text(&doc, f.text);
    let stored = {
        use tantivy::schema::Value;
        doc.get_first(f.entities)
            .and_then(|v| v.as_bytes())
            .and_then(StoredMentions::decode)
            .unwrap_or_default()
    };
    let title_text = stored.title_text.clone().unwrap_or_default();
    let mut out = Vec::new();
    for (part, source, rows) in [
        ("title", title_text.as_str(), &stored.title),
        ("text", text.as_str(), &stored.text),
    ] {
        for &(e, start, end, weak) in rows {
            let (start, end) = (start as usize, end as usize);
            let (Some(written), Some((letter, name, _))) =
                (source.get(start..end), stored.entities.get(e as usize))
            else {
                continue;
            };
            let Some(kind) = EntityType::from_letter(*letter) else {
                continue;
            };
            out.push(DocMention {
                context: context(source, start, end, 40),
                name: name.clone(),
                kind,
                text: written.to_string(),
                part: part.to_string(),
                start,
                end,
                weak: weak != 0,
            });
        }
    }
    Ok(out)
}

/// The first text value of `field` in a stored document.
fn first_text(doc: &TantivyDocument, field: Field) -> String {
    use tantivy::schema::Value;
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// `width` bytes (about) on each side of `start..end` in `text`, on one line, the mention in
/// brackets.
pub fn context(text: &str, start: usize, end: usize, width: usize) -> String {
    if start > end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return String::new();
    }
    let mut a = start.saturating_sub(width);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + width).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "{}{}[{}]{}{}",
        if a > 0 { "…" } else { "" },
        &text[a..start],
        &text[start..end],
        &text[end..b],
        if b < text.len() { "…" } else { "" }
    )
    .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_start_mentions_need_enough_confirmation() {
        assert!(confirmed(1, 0));
        assert!(confirmed(1, 20));
        assert!(confirmed(5, 90));
        assert!(!confirmed(1, 21));
        assert!(!confirmed(0, 1));
        assert!(!confirmed(50, 3_636));
    }

    #[test]
    fn common_elements() {
        assert_eq!(count_common(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(count_common(&[], &[1]), 0);
    }

    #[test]
    fn contexts() {
        assert_eq!(
            context("Le juge Preska a tranché", 8, 14, 3),
            "…ge [Preska] a …"
        );
        assert_eq!(context("ab", 0, 2, 10), "[ab]");
        assert_eq!(context("ab", 1, 5, 10), "");
    }
}
