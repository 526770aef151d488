//! Candidate names, their types, and alias resolution within a page.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::analysis::hash::BuildWordHasher;

/// A set of words with the chain's fast hasher.
type WordSet<'t> = HashSet<&'t str, BuildWordHasher>;
/// A set of (particle index in [`PARTICLES`], word) pairs.
type PairSet<'t> = HashSet<(usize, &'t str), BuildWordHasher>;

use super::gazetteer::{Gazetteer, HeadPos, LengthFilter, push_parts};
use super::tokens::{
    NameToken, Part, Shape, elision_part, ends_in, is_hyphen, key_of, push_key, shape_of,
    tokenize_words, with_key,
};
use super::{EntityType, Mention, canonical_name, one_spaced};
use crate::analysis::Segmenter;
use crate::analysis::lowercase::lowercase_into;
use crate::analysis::stop::is_stop_either;
use xxhash_rust::xxh3::xxh3_64;

/// Lowercase words that join the parts of a name ("Charles de Gaulle", "Bank of America").
const PARTICLES: [&str; 26] = [
    "de", "du", "des", "la", "le", "van", "von", "der", "den", "di", "da", "del", "della", "dos",
    "das", "do", "ten", "ter", "zu", "bin", "ben", "al", "el", "of", "dela", "ap",
];

/// The vote of a firm's or a team's own staff or board right after its name ("Kalyan's
/// chairman", "Wigan coach"): stronger than two mentions of a listed place, as a firm or a
/// team named after its town goes by the town's name all through the page.
const FIRM_EVIDENCE: f32 = 6.5;

/// The weak default votes of a one-word name that nothing else types: person, then
/// organisation.
const DEFAULT_PERSON: f32 = 0.06;
/// See [`DEFAULT_PERSON`].
const DEFAULT_ORGANIZATION: f32 = 0.04;

/// The index in [`PARTICLES`] of `word` in either case ("de", "De").
fn particle_index(word: &str) -> Option<usize> {
    if word.len() > 4 {
        return None;
    }
    with_key(word, |k| PARTICLES.iter().position(|p| *p == k))
}

/// Whether token `i` is the Irish particle "Ó" of a surname, right before the capitalised
/// rest of it ("Donal Ó Súilleabháin", "Mr Ó Duibhir").
fn gaelic_particle(toks: &[NameToken<'_>], i: usize) -> bool {
    toks[i].text == "Ó"
        && !toks[i].dot
        && toks
            .get(i + 1)
            .is_some_and(|n| n.joined && n.elision.is_empty() && n.shape == Shape::Cap)
}

/// Whether `rest`, the text right after a name, begins with the person's age in apposition:
/// ", 54,", ", now 40,", ", 54 ans", " (54 ans)", " (54)".
fn age_follows(rest: &str) -> bool {
    let (inner, paren) = if let Some(r) = rest.strip_prefix(", ") {
        (
            r.strip_prefix("now ")
                .or_else(|| r.strip_prefix("aged "))
                .unwrap_or(r),
            false,
        )
    } else if let Some(r) = rest.strip_prefix(" (") {
        (r, true)
    } else {
        return false;
    };
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || inner.as_bytes()[0] == b'0' {
        return false;
    }
    let after = &inner[digits..];
    let after = after.strip_prefix(" ans").unwrap_or(after);
    if paren {
        after.starts_with(')')
    } else {
        after.starts_with(',')
            || (after.len() < inner.len() - digits && after.starts_with([' ', '.', ')']))
    }
}

/// Nouns of works that announce a title in quotes near them ("le film « … »", "la série",
/// "the podcast \"…\"", "une exposition intitulée « … »").
fn is_work_noun(key: &str) -> bool {
    matches!(
        key,
        "film"
            | "long-metrage"
            | "court-metrage"
            | "metrage"
            | "serie"
            | "feuilleton"
            | "piece"
            | "album"
            | "chanson"
            | "single"
            | "livre"
            | "roman"
            | "essai"
            | "recueil"
            | "documentaire"
            | "emission"
            | "exposition"
            | "spectacle"
            | "opera"
            | "tableau"
            | "toile"
            | "podcast"
            | "creation"
            | "adaptation"
            | "intitule"
            | "intitulee"
            | "intitules"
            | "intitulees"
            | "baptise"
            | "baptisee"
            | "movie"
            | "series"
            | "show"
            | "play"
            | "book"
            | "novel"
            | "memoir"
            | "song"
            | "painting"
            | "exhibition"
            | "documentary"
            | "titled"
            | "entitled"
            | "initiative"
            | "jeu"
            | "game"
            | "manga"
            | "saga"
            | "oeuvre"
            | "poeme"
            | "clip"
            | "tube"
    )
}

/// Whether `word` names a boat, a machine, a platform or software, whose name after it does
/// not go on in lowercase words as a work's title may.
fn is_plain_name_noun(word: &str) -> bool {
    matches!(
        word,
        "plateforme"
            | "site"
            | "application"
            | "appli"
            | "logiciel"
            | "bateau"
            | "navire"
            | "ferry"
            | "paquebot"
            | "voilier"
            | "chalutier"
            | "caseyeur"
            | "cargo"
            | "trimaran"
            | "pétrolier"
            | "porte-conteneurs"
            | "frégate"
            | "goélette"
            | "catamaran"
            | "vraquier"
            | "méthanier"
            | "brise-glace"
            | "marin"
            | "locomotive"
            | "robot"
    )
}

/// Whether `word` is a French ordinal ("deuxième", "Première", "dernière", "2e", "1ère",
/// "2nde").
fn is_ordinal(word: &str) -> bool {
    let word = word.to_lowercase();
    matches!(
        word.as_str(),
        "premier" | "première" | "second" | "seconde" | "dernier" | "dernière"
    ) || (word.len() > 5 && word.ends_with("ième"))
        || ["e", "er", "re", "ère", "ème", "eme", "nd", "nde", "ᵉ", "ᵉʳ"]
            .iter()
            .any(|e| {
                word.strip_suffix(e)
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
}

/// Whether token `i` comes right after a definite article ("la", "le", "les", "du", "des",
/// "l'").
fn after_article(toks: &[NameToken<'_>], i: usize) -> bool {
    let t = &toks[i];
    matches!(t.elision, "l" | "L")
        || (i > 0
            && t.joined
            && t.elision.is_empty()
            && matches!(
                toks[i - 1].text,
                "la" | "le" | "les" | "du" | "des" | "La" | "Le" | "Les"
            ))
}

/// Whether `word` (capitalised) is the head of a building that can name its institution too:
/// a museum, hospital, gallery, library or theatre.
fn is_venue_word(word: &str) -> bool {
    matches!(
        word,
        "Museum"
            | "Hospital"
            | "Gallery"
            | "Galleries"
            | "Library"
            | "Musée"
            | "Hôpital"
            | "Théâtre"
            | "Theatre"
            | "Theater"
    )
}

/// Whether a preposition of place ("at", "in", "au", "à l'", "dans le") comes right before the
/// name that begins at `toks[first]`, past an article.
fn venue_preposition_before(toks: &[NameToken<'_>], first: usize) -> bool {
    let t = &toks[first];
    if !t.joined || first == 0 {
        return false;
    }
    let before = |j: usize| toks[j].text;
    if matches!(t.elision, "l" | "L") {
        return matches!(before(first - 1), "à" | "dans" | "depuis" | "devant");
    }
    if !t.elision.is_empty() {
        return false;
    }
    match before(first - 1) {
        "au" | "aux" | "Au" | "Aux" => true,
        "the" | "le" | "la" if first >= 2 && toks[first - 1].joined => matches!(
            before(first - 2),
            "at" | "in" | "inside" | "into" | "outside" | "dans" | "devant" | "à"
        ),
        "at" | "in" | "inside" | "into" => true,
        _ => false,
    }
}

/// Whether someone works where the name at `toks[first]` is ("nurses at", "works as a nurse
/// at", "travaille à l'"): a workplace named so is the employer.
fn works_before(toks: &[NameToken<'_>], first: usize) -> bool {
    // (Keys lose their accents: "infirmière" is looked up as "infirmiere".)
    toks[first.saturating_sub(6)..first].iter().any(|t| {
        with_key(t.text, |k| {
            matches!(
                k,
                "work"
                    | "works"
                    | "worked"
                    | "working"
                    | "job"
                    | "nurse"
                    | "nurses"
                    | "doctor"
                    | "doctors"
                    | "staff"
                    | "employee"
                    | "employees"
                    | "employed"
                    | "surgeon"
                    | "surgeons"
                    | "consultant"
                    | "curator"
                    | "director"
                    | "researchers"
                    | "scientists"
                    | "spokesperson"
                    | "spokesman"
                    | "spokeswoman"
                    | "travaille"
                    | "travaillait"
                    | "travaillent"
                    | "infirmiere"
                    | "infirmieres"
                    | "infirmier"
                    | "infirmiers"
                    | "medecin"
                    | "medecins"
                    | "employe"
                    | "employes"
                    | "salarie"
                    | "salariee"
                    | "salaries"
                    | "chercheur"
                    | "chercheurs"
                    | "directeur"
                    | "directrice"
                    | "porte-parole"
                    | "conservateur"
                    | "conservatrice"
            )
        })
    })
}

/// Whether `word` (lowercase) names what a person leads, has or stars in, after "the" and their
/// name: "the Joe Biden administration", "the Taylor Swift concert".
fn is_persons_attribute(word: &str) -> bool {
    matches!(
        word,
        "administration"
            | "government"
            | "cabinet"
            | "presidency"
            | "campaign"
            | "era"
            | "years"
            | "camp"
            | "team"
            | "regime"
            | "doctrine"
            | "concert"
            | "tour"
            | "show"
            | "album"
            | "case"
            | "trial"
            | "affair"
            | "estate"
            | "family"
            | "foundation"
            | "fan"
            | "fans"
            | "interview"
            | "speech"
            | "statement"
            | "plan"
    )
}

/// Whether `gap` (text between two tokens) opens a quotation: it ends with «, “ or a straight
/// quote after a space or a line start.
fn opens_quote(gap: &str) -> bool {
    let g = gap.trim_end();
    g.ends_with('«')
        || g.ends_with('“')
        || (g.ends_with('"') && (g.len() == 1 || g[..g.len() - 1].ends_with(char::is_whitespace)))
}

/// Whether `gap` closes a quotation.
fn closes_quote(gap: &str) -> bool {
    let g = gap.trim_start();
    g.starts_with('»') || g.starts_with('”') || g.starts_with('"')
}

/// Whether `before` (the text before a word) ends with a quoted title: a closing quote after
/// a quotation that begins with a capital ("une « Aida »", not "le « plan social »").
fn after_quoted_title(before: &str) -> bool {
    let Some(inner) = before.trim_end().strip_suffix(['»', '"', '”']) else {
        return false;
    };
    inner
        .rfind(['«', '“', '"'])
        .and_then(|at| inner[at..].chars().skip(1).find(|c| !c.is_whitespace()))
        .is_some_and(char::is_uppercase)
}

/// Particles that join name parts on their own, whatever the first part is.
const NOBLE_PARTICLES: [&str; 10] = [
    "van", "von", "der", "den", "di", "della", "dos", "zu", "bin", "ap",
];

/// Votes a candidate gets for each type (indexed by [`EntityType::index`]).
type Votes = [f32; 4];

/// Adds `w` to the vote of `t`.
fn vote(v: &mut Votes, t: EntityType, w: f32) {
    v[t.index()] += w;
}

/// A name's keyed words: most names have one or two, kept inline.
type Parts = smallvec::SmallVec<[Part; 2]>;

/// A name found in one document of the page.
#[derive(Debug, Clone)]
struct Cand {
    /// Document of the page.
    doc: usize,
    /// Byte range in the document.
    start: usize,
    /// End of the byte range.
    end: usize,
    /// Keyed words of the name.
    parts: Parts,
    /// The gazetteer entry it is.
    row: Option<u32>,
    /// Type votes.
    votes: Votes,
    /// Found only where a capital is expected anyway.
    weak: bool,
    /// One all-capital word.
    acronym: bool,
    /// A cue word or phrase typed it.
    cued: bool,
    /// Its first token.
    first_tok: usize,
    /// Its last token.
    last_tok: usize,
    /// A platform used as a product ("sur Facebook", "on Netflix"): typed so whatever its
    /// entity's type.
    platform: bool,
}

/// Whether tokens `first..=last` are a dateline: capitals (four letters or more, two a word)
/// that open a line of running text, then a dash or a colon and a capitalised word ("ANNONAY –
/// L'usine…", "NASHIK: Onion farmers…"), or a comma, the region in a few words and a dash
/// ("BARDSTOWN, Kentucky — A judge…"): the town a story was filed from.
fn dateline(d: &Doc<'_>, first: usize, last: usize) -> bool {
    /// Spaces, the no-break ones of French typography included.
    fn space(c: char) -> bool {
        matches!(c, ' ' | '\u{a0}' | '\u{202f}')
    }
    /// A space, then a capital letter.
    fn capital_after(r: &str) -> bool {
        r.starts_with(space)
            && r.trim_start_matches(space)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
    let toks = &d.tokens;
    let t = &toks[first];
    if (first > 0 && toks[first - 1].line == t.line) || d.caps(t.line) || !t.elision.is_empty() {
        return false;
    }
    if !toks[first..=last].iter().all(|t| {
        t.shape == Shape::Upper && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }) || toks[first..=last]
        .iter()
        .map(|t| t.text.chars().count())
        .sum::<usize>()
        < 4
    {
        return false;
    }
    let rest = d.text[toks[last].end..].trim_start_matches(space);
    if let Some(r) = rest.strip_prefix(',') {
        // The region or country in a few words, then the dash: "HARBEL, Liberia —".
        let region: String = r.chars().take(40).take_while(|&c| c != '\n').collect();
        return capital_after(r)
            && ["–", "—"].iter().any(|dash| {
                region
                    .find(dash)
                    .is_some_and(|at| capital_after(&region[at + dash.len()..]))
            });
    }
    rest.strip_prefix(['–', '—', ':'])
        .is_some_and(capital_after)
}

/// Whether token `i` follows a dateline's town and its comma ("FREMANTLE, WA —").
fn dateline_region(d: &Doc<'_>, i: usize) -> bool {
    let toks = &d.tokens;
    if i == 0 || d.text[toks[i - 1].end..toks[i].raw_start].trim() != "," {
        return false;
    }
    let mut g = i - 1;
    while g > 0
        && toks[g - 1].line == toks[g].line
        && toks[g].joined
        && toks[g - 1].shape == Shape::Upper
    {
        g -= 1;
    }
    dateline(d, g, i - 1)
}

/// Drops the candidates from `from` on that another of them contains: a name that a head
/// word before it extends ("Chambre de commerce et d'industrie de Lyon") takes the words of a
/// candidate pushed before it. Candidates come in text order, so only one that starts before
/// the previous one ends needs a look.
fn drop_contained(cands: &mut Vec<Cand>, from: usize) {
    if !cands[from..].windows(2).any(|w| w[1].start < w[0].end) {
        return;
    }
    let mut doc = cands.split_off(from);
    let spans: Vec<(usize, usize)> = doc.iter().map(|c| (c.start, c.end)).collect();
    let contained = contained_spans(&spans);
    let mut i = 0;
    doc.retain(|_| {
        i += 1;
        !contained[i - 1]
    });
    cands.append(&mut doc);
}

/// Which of `spans` (start, end) lies inside another, longer span; equal spans do not contain
/// each other. Spans are swept in order of start, longest first, so this costs `n log n`: every
/// span before a group of equal spans starts no later, and the furthest of their ends says
/// whether one of them covers the group.
fn contained_spans(spans: &[(usize, usize)]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_unstable_by_key(|&i| (spans[i].0, std::cmp::Reverse(spans[i].1)));
    let mut contained = vec![false; spans.len()];
    let mut reach: Option<usize> = None;
    let mut g = 0;
    while g < order.len() {
        let (_, end) = spans[order[g]];
        let mut h = g;
        while h < order.len() && spans[order[h]] == spans[order[g]] {
            contained[order[h]] = reach.is_some_and(|r| r >= end);
            h += 1;
        }
        reach = Some(reach.map_or(end, |r| r.max(end)));
        g = h;
    }
    contained
}

/// An entity of the page: the candidates that name it.
#[derive(Debug, Clone, Default)]
struct Cluster<'t> {
    /// Its gazetteer entry.
    row: Option<u32>,
    /// The longest keyed form's words.
    parts: Parts,
    /// Forms as written (in the page's texts) with their counts.
    forms: Vec<(&'t str, u64)>,
    /// Summed type votes.
    votes: Votes,
    /// Candidates.
    mentions: u32,
    /// Some candidate is not weak.
    strong: bool,
}

impl<'t> Cluster<'t> {
    /// The winning type.
    fn kind(&self) -> EntityType {
        EntityType::most_voted(&self.votes)
    }

    /// Adds one candidate written `surface`.
    fn add(&mut self, c: &Cand, surface: &'t str) {
        for (t, v) in self.votes.iter_mut().zip(c.votes) {
            *t += v;
        }
        self.mentions += 1;
        self.strong |= !c.weak;
        if c.parts.len() > self.parts.len() {
            self.parts = c.parts.clone();
        }
        match self.forms.iter_mut().find(|(f, _)| *f == surface) {
            Some((_, n)) => *n += 1,
            None => self.forms.push((surface, 1)),
        }
    }
}

/// Page-wide context the rules look at.
struct Page<'p, 't> {
    /// Capitalised words seen where no capital is expected.
    mid_caps: &'p WordSet<'t>,
    /// Capitalised words written inside a sentence (not at its start, not on a headline) with
    /// no capitalised word right before them but a common or stop word ("Et Mensah", "selon
    /// Mensah", not "Kwesi Mensah"); gathered on first use by [`Page::written_alone`].
    mid_alone: std::cell::OnceCell<WordSet<'t>>,
    /// Words seen lowercase that are also seen capitalised.
    lower: &'p WordSet<'t>,
    /// (particle, surname) pairs written inside a sentence after a name ("Arnaud De Smet").
    particle_names: &'p PairSet<'t>,
    /// Words in capitals the page defines in parentheses ("Public Utilities Board (PUB)"):
    /// acronyms, though also words ("pub").
    defined: &'p WordSet<'t>,
    /// The documents of the page.
    docs: &'p [Doc<'t>],
    /// For each capitalised word written with a dot right after it somewhere in the page, how
    /// many times it is written without one and with one, counted on first use.
    dots: std::cell::OnceCell<HashMap<&'t str, [u32; 2], BuildWordHasher>>,
    /// Buffers [`Recognizer::push_run`] keys and lowercases words in, kept from run to run.
    scratch: std::cell::RefCell<(String, String)>,
    /// How many of the first documents are the newsroom's; the others are readers'.
    edited: usize,
    /// Hashes of the lowercase forms of capitalised words written right after a given name
    /// or a courtesy title (surnames: "Michel Rousset"), gathered on first use by
    /// [`Recognizer::page_surnames`].
    surnames: std::cell::OnceCell<hashbrown::HashSet<u64>>,
}

impl<'t> Page<'_, 't> {
    /// How many times the capitalised word `word`, written with a dot right after it
    /// somewhere in the page, is written without one, and how many times with one.
    fn dot_counts(&self, word: &str) -> [u32; 2] {
        self.dots().get(word).copied().unwrap_or_default()
    }

    /// The words of the `mid_alone` field, gathered on first use.
    fn written_alone(&self, gaz: &Gazetteer) -> &WordSet<'t> {
        self.mid_alone.get_or_init(|| {
            let mut alone = WordSet::default();
            for d in self.docs {
                for (j, t) in d.tokens.iter().enumerate() {
                    if !matches!(t.shape, Shape::Cap | Shape::Upper)
                        || t.sentence_start
                        || d.caps(t.line)
                    {
                        continue;
                    }
                    // ("Et Dupont", "Hope Dupont": after a common word, it is alone.)
                    let after_name = t.joined
                        && j > 0
                        && matches!(
                            d.tokens[j - 1].shape,
                            Shape::Cap | Shape::Upper | Shape::Initial
                        )
                        && !gaz.is_common(d.tokens[j - 1].text)
                        && !with_key(d.tokens[j - 1].text, stop);
                    if !after_name {
                        alone.insert(t.text);
                    }
                }
            }
            alone
        })
    }

    /// [`Page::dot_counts`] of every capitalised word written with a dot (built on first
    /// use).
    fn dots(&self) -> &HashMap<&'t str, [u32; 2], BuildWordHasher> {
        self.dots.get_or_init(|| {
            // The words written with a dot first (few), then how often each is written
            // without one.
            let mut counts: HashMap<&'t str, [u32; 2], BuildWordHasher> = HashMap::default();
            let mut lengths = LengthFilter::default();
            let caps = |t: &&NameToken<'t>| matches!(t.shape, Shape::Cap | Shape::Upper);
            for t in self.docs.iter().flat_map(|d| &d.tokens).filter(caps) {
                if t.dot {
                    counts.entry(t.text).or_default()[1] += 1;
                    lengths.insert(t.text);
                }
            }
            for t in self.docs.iter().flat_map(|d| &d.tokens).filter(caps) {
                if !t.dot
                    && lengths.may_hold(t.text)
                    && let Some(c) = counts.get_mut(t.text)
                {
                    c[0] += 1;
                }
            }
            counts
        })
    }
}

/// Per-document context the rules look at.
struct Doc<'t> {
    /// The text.
    text: &'t str,
    /// Its tokens.
    tokens: Vec<NameToken<'t>>,
    /// Lines written mostly in capitals or title case (headlines), by line: capitals there
    /// prove nothing.
    caps_lines: Vec<bool>,
    /// The last answer of [`Recognizer::preceding_cue`]: (token, cue type).
    last_cue: std::cell::Cell<Option<(usize, Option<EntityType>)>>,
}

impl Doc<'_> {
    /// Whether line `line` is written mostly in capitals or title case.
    fn caps(&self, line: u32) -> bool {
        self.caps_lines.get(line as usize).copied().unwrap_or(false)
    }
}

/// Entity detection with a set of lists; see the module documentation.
#[derive(Debug)]
pub struct Recognizer {
    /// The lists.
    gaz: Gazetteer,
}

/// Whether `word` (lowercase) is a French or English stop word.
fn stop(word: &str) -> bool {
    is_stop_either(word)
}

/// Whether the keyed part of a name `part` is a content word, which an acronym is expected to
/// give a letter to: no elided article ("d'"), particle, stop word or "&".
fn content_part(part: &str) -> bool {
    !part.ends_with('\'') && !PARTICLES.contains(&part) && !stop(part) && part != "&"
}

/// The letters and digits of `acronym` in `buf`, and how many; `None` when they do not fit.
/// With `repeat`, a digit from 2 to 4 between two letters repeats the letter after it
/// ("C2RMF": Centre de recherche et de restauration des musées de France; "CA2C"); read
/// plainly first, since the digit also stands for a word ("B2C", "S4C").
fn acronym_letters(acronym: &str, repeat: bool, buf: &mut [char]) -> Option<usize> {
    let mut n = 0;
    if !repeat {
        for c in acronym.chars().filter(|c| c.is_alphanumeric()) {
            *buf.get_mut(n)? = c;
            n += 1;
        }
        return Some(n);
    }
    let mut chars = acronym.chars().filter(|c| c.is_alphanumeric()).peekable();
    let mut prev_letter = false;
    while let Some(c) = chars.next() {
        if let (Some(k @ 2..=4), Some(&next)) = (c.to_digit(10), chars.peek())
            && prev_letter
            && next.is_alphabetic()
        {
            chars.next();
            for _ in 0..k {
                *buf.get_mut(n)? = next;
                n += 1;
            }
            continue;
        }
        *buf.get_mut(n)? = c;
        n += 1;
        prev_letter = c.is_alphabetic();
    }
    Some(n)
}

/// Whether `acronym` (keyed) is made of the initials of `parts` in order, every content word
/// giving its initial and particles, articles and elisions giving theirs or nothing
/// ("ardt" for "autorite de regulation des telecoms", "nsa" for "national security agency").
fn acronym_of(acronym: &str, parts: &[Part]) -> bool {
    either_reading(acronym, |repeat| acronym_of_read(acronym, repeat, parts))
}

/// `read` of an acronym's plain letters, or else of its letters with a digit's repeats when
/// it has a digit between letters ([`acronym_letters`]).
fn either_reading(acronym: &str, read: impl Fn(bool) -> bool) -> bool {
    read(false) || (has_inner_digit(acronym) && read(true))
}

/// Whether `acronym` has a digit between two letters ("C2RMF").
fn has_inner_digit(acronym: &str) -> bool {
    let b = acronym.as_bytes();
    b.windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_digit() && w[2].is_ascii_alphabetic())
}

/// [`acronym_of`], its letters read with or without repeats ([`acronym_letters`]).
fn acronym_of_read(acronym: &str, repeat: bool, parts: &[Part]) -> bool {
    fn go(a: &[char], parts: &[Part]) -> bool {
        let Some((p, rest)) = parts.split_first() else {
            return a.is_empty();
        };
        let optional = !content_part(p);
        let initial = p.chars().next();
        (!a.is_empty() && initial == Some(a[0]) && !p.ends_with('\'') && go(&a[1..], rest))
            || (optional && go(a, rest))
    }
    let mut buf = ['\0'; 24];
    let Some(n) = acronym_letters(acronym, repeat, &mut buf) else {
        return false;
    };
    let a = &buf[..n];
    // Each letter is some part's initial: most words are told apart here.
    n >= 2
        && n <= parts.len()
        && a.iter().all(|&l| parts.iter().any(|p| p.starts_with(l)))
        && go(a, parts)
}

/// How few content words of the name `parts` give no letter when `acronym` (keyed) is read
/// from it loosely, as news writes acronyms: its letters, in order, are the first one to three
/// letters of parts ("Cifog": comité interprofessionnel des palmipèdes à foie gras), the first
/// part giving the first letter; other parts give none. `parts` are (key, content word);
/// articles and particles give a letter or none at no cost. `None` when the letters cannot be
/// read so.
fn acronym_skips(acronym: &[char], parts: &[(&str, bool)]) -> Option<usize> {
    /// "No reading": larger than any count, and safe to add one to.
    const NONE: usize = usize::MAX / 2;
    let (n, m) = (acronym.len(), parts.len());
    if n == 0 || m == 0 || n > 12 || m > 24 {
        return None;
    }
    // best[a][p]: fewest content words left out to read letters a.. from parts p..
    let mut best = [NONE; 13 * 25];
    let at = |a: usize, p: usize| a * (m + 1) + p;
    best[at(n, m)] = 0;
    for p in (0..m).rev() {
        best[at(n, p)] = best[at(n, p + 1)] + usize::from(parts[p].1);
    }
    for a in (0..n).rev() {
        for p in (0..m).rev() {
            let (key, content) = parts[p];
            let mut b = best[at(a, p + 1)].saturating_add(usize::from(content));
            for (k, c) in key.chars().take(3).enumerate() {
                if a + k >= n || c != acronym[a + k] {
                    break;
                }
                b = b.min(best[at(a + k + 1, p + 1)]);
            }
            best[at(a, p)] = b;
        }
    }
    // The first part gives the first letter (or first letters).
    let first = parts[0]
        .0
        .chars()
        .take(3)
        .enumerate()
        .try_fold(NONE, |b, (k, c)| {
            if k >= n || c != acronym[k] {
                return Err(b);
            }
            Ok(b.min(best[at(k + 1, 1)]))
        });
    let b = match first {
        Ok(b) | Err(b) => b,
    };
    (b < NONE).then_some(b)
}

/// The content words left out when `acronym` reads `parts` loosely ([`acronym_skips`]), if it
/// may: at most half its content words, and three, left out (none for two letters).
fn loose_reading(acronym: &[char], parts: &[(&str, bool)]) -> Option<usize> {
    let contents = parts.iter().filter(|p| p.1).count();
    acronym_skips(acronym, parts)
        .filter(|&skips| skips <= contents / 2 && skips <= 3 && (acronym.len() > 2 || skips == 0))
}

/// Whether `acronym` (keyed) reads a name's keyed words `parts` loosely ([`loose_reading`]).
fn reads_acronym_of(acronym: &str, parts: &[Part]) -> bool {
    either_reading(acronym, |repeat| {
        reads_acronym_of_read(acronym, repeat, parts)
    })
}

/// [`reads_acronym_of`], its letters read with or without repeats ([`acronym_letters`]).
fn reads_acronym_of_read(acronym: &str, repeat: bool, parts: &[Part]) -> bool {
    let mut letters = ['\0'; 12];
    let Some(n) = acronym_letters(acronym, repeat, &mut letters) else {
        return false;
    };
    // The name's first word gives the first letter: most names are ruled out here.
    if n < 2 || parts.first().is_none_or(|p| !p.starts_with(letters[0])) {
        return false;
    }
    let mut pieces = [("", false); 24];
    let mut m = 0;
    for p in parts {
        let content = content_part(p);
        // "Nord-Ardennes" gives "N", or "NA".
        for (q, piece) in p.split('-').filter(|q| !q.is_empty()).enumerate() {
            if m == pieces.len() {
                return false;
            }
            pieces[m] = (piece, content && q == 0);
            m += 1;
        }
    }
    loose_reading(&letters[..n], &pieces[..m]).is_some()
}

/// Whether the words right before a parenthesis, `before`, spell out `acronym` (keyed):
/// "Public Utilities Board (PUB)".
/// The name must end right before " (", and starts at most twelve words back in the same
/// sentence and line.
fn defines_acronym(text: &str, before: &[NameToken<'_>], at: usize, acronym: &str) -> bool {
    let (Some(first), Some(last)) = (acronym.chars().next(), before.last()) else {
        return false;
    };
    if text.get(last.end..at).is_none_or(|gap| gap.trim() != "(") {
        return false;
    }
    let lo = before.len().saturating_sub(12);
    let mut s = before.len() - 1;
    while s > lo {
        let t = &before[s];
        if t.sentence_start || before[s - 1].line != t.line {
            break;
        }
        s -= 1;
    }
    (s..before.len().saturating_sub(1)).rev().any(|s| {
        matches!(before[s].shape, Shape::Cap | Shape::Upper)
            && with_key(before[s].text, |k| k.starts_with(first))
            && {
                let parts: Vec<Part> = before[s..].iter().map(|t| t.part()).collect();
                acronym_of(acronym, &parts) || reads_acronym_of(acronym, &parts)
            }
    })
}

/// Whether `t` is a noun with an elided "de" ("d'histoire"), not an infinitive ("d'avoir",
/// "d'annoncer", "d'agir") nor an adverb ("d'abord", "d'ailleurs").
fn elided_de_noun(t: &NameToken<'_>) -> bool {
    let long = t.text.chars().count() > 5;
    matches!(t.elision, "d" | "D")
        && !(long && t.text.ends_with("er") && t.text != "hiver")
        && !(t.text.ends_with("ir") && t.text != "avenir")
        && !matches!(
            t.text,
            "être"
                | "urgence"
                | "abord"
                | "ailleurs"
                | "environ"
                | "office"
                | "autres"
                | "après"
                | "emblée"
                | "ores"
                | "aucuns"
        )
}

/// Whether `word` (lowercase) is a French adjective written before its noun ("grands
/// projets", "petites entreprises", "hautes études").
fn is_prenominal(word: &str) -> bool {
    matches!(
        word,
        "grand"
            | "grande"
            | "grands"
            | "grandes"
            | "petit"
            | "petite"
            | "petits"
            | "petites"
            | "haut"
            | "haute"
            | "hauts"
            | "hautes"
            | "nouveau"
            | "nouvelle"
            | "nouveaux"
            | "nouvelles"
            | "jeunes"
            | "vieux"
            | "vieilles"
            | "bons"
            | "bonnes"
    )
}

/// Whether `toks[j]` is a prenominal adjective before a lowercase noun joined to it that
/// agrees with it in number ("des grands projets"; not "la Maison des jeunes et de la
/// culture" nor "des jeunes organise", where it is the noun).
fn prenominal_before_noun(toks: &[NameToken<'_>], j: usize) -> bool {
    let Some(a) = toks.get(j).filter(|t| {
        t.joined && t.shape == Shape::Lower && t.elision.is_empty() && is_prenominal(t.text)
    }) else {
        return false;
    };
    let plural = |w: &str| w.ends_with(['s', 'x']);
    toks.get(j + 1).is_some_and(|n| {
        n.joined
            && n.shape == Shape::Lower
            && n.elision.is_empty()
            && !stop(n.text)
            && n.text.chars().count() > 3
            // ("vieux" is both.)
            && (a.text == "vieux" || plural(n.text) == plural(a.text))
            // Not an adverb or a preposition: "la Maison des jeunes depuis 2015".
            && !is_time_adverb(n.text)
            && !matches!(n.text, "sous" | "vers" | "après" | "alors" | "dans" | "puis" | "très")
            && !verb_after_name(toks, j + 1)
    })
}

/// Whether `word` (lowercase) is an adverb of time or manner, or a determiner of time
/// ("cette", "chaque"), that ends a title rather than goes on with it ("pour Les Pingouins
/// depuis longtemps", "Les Verts toujours").
fn is_time_adverb(word: &str) -> bool {
    matches!(
        word,
        "depuis"
            | "toujours"
            | "hier"
            | "aujourd"
            | "demain"
            | "encore"
            | "jamais"
            | "déjà"
            | "souvent"
            | "parfois"
            | "longtemps"
            | "ensuite"
            | "enfin"
            | "aussi"
            | "même"
            | "surtout"
            | "vraiment"
            | "cette"
            | "chaque"
    )
}

/// Whether `word` opens a clause (a subordinating conjunction or a relative pronoun, French
/// or English), which no name holds: "when", "lorsque", "which", "dont".
fn is_clause_word(word: &str) -> bool {
    matches!(
        word,
        "when"
            | "whenever"
            | "while"
            | "whereas"
            | "where"
            | "because"
            | "unless"
            | "until"
            | "although"
            | "though"
            | "if"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "once"
            | "since"
            | "quand"
            | "lorsque"
            | "lorsqu"
            | "puisque"
            | "parce"
            | "tandis"
            | "alors"
            | "si"
            | "que"
            | "qui"
            | "dont"
            | "où"
            | "car"
            | "mais"
    )
}

/// Whether token `t` is a year of the 20th or 21st century ("1976", "2030").
fn is_year(t: &NameToken<'_>) -> bool {
    t.shape == Shape::Number
        && t.text.len() == 4
        && (t.text.starts_with("19") || t.text.starts_with("20"))
        && t.text.bytes().all(|b| b.is_ascii_digit())
}

/// The year of an edition right after token `last`, "de" between or not ("Coupe du monde
/// 2030", "Jeux olympiques de 1976"), not the start of a span of years ("de 1939 à 1945",
/// "2024-2025"): its token.
fn edition_year(d: &Doc<'_>, last: usize) -> Option<usize> {
    let toks = &d.tokens;
    let at = match toks.get(last + 1) {
        Some(n) if n.joined && n.elision.is_empty() && n.text == "de" => last + 2,
        _ => last + 1,
    };
    let y = toks.get(at).filter(|y| y.joined && y.elision.is_empty())?;
    let rest = d.text[y.end..].trim_start_matches(' ');
    (is_year(y)
        && !rest.starts_with(['-', '–', '/'])
        && !toks
            .get(at + 1)
            .is_some_and(|n| n.joined && matches!(n.text, "à" | "au")))
    .then_some(at)
}

/// Where a name goes on after token `last` with "de" or "du" ("Rapaces de Gap": the token after
/// "de") or an elided "d'" ("Ducs d'Angers": that token), if it does.
fn after_de(toks: &[NameToken<'_>], last: usize) -> Option<usize> {
    let next = toks.get(last + 1).filter(|n| n.joined)?;
    if next.elision.is_empty() && matches!(next.text, "de" | "du") {
        Some(last + 2)
    } else if matches!(next.elision, "d" | "D") {
        Some(last + 1)
    } else {
        None
    }
}

/// The endings of French adjectives of institution names ([`is_adjective`]), as
/// [`adjective_endings`] sorts them.
#[cfg(test)]
const ADJECTIVE_ENDINGS: [&str; 47] = [
    "al", "ale", "aux", "ales", "el", "elle", "ique", "iques", "ien", "ienne", "ais", "aise",
    "ain", "aine", "if", "ive", "eur", "ieure", "ier", "ière", "anne", "enne", "ile", "aire",
    "ome", "iste", "ains", "aines", "iens", "iennes", "els", "elles", "ifs", "ives", "aires",
    "iles", "ils", "ibre", "ibres", "able", "ables", "itime", "itimes", "oise", "oises", "ieures",
    "ieurs",
];

/// The endings of French adjectives of institution names that end with the last two bytes of
/// `word` (most words have none).
fn adjective_endings(word: &[u8]) -> &'static [&'static str] {
    let [.., a, b] = word else {
        return &[];
    };
    match (a, b) {
        (b'a', b'l') => &["al"],
        (b'e', b'l') => &["el"],
        (b'l', b'e') => &["ale", "elle", "ile", "able"],
        (b'u', b'e') => &["ique"],
        (b'n', b'e') => &["ienne", "aine", "anne", "enne"],
        (b's', b'e') => &["aise", "oise"],
        (b'v', b'e') => &["ive"],
        (b'r', b'e') => &["ieure", "ière", "aire", "ibre"],
        (b'm', b'e') => &["ome", "itime"],
        (b't', b'e') => &["iste"],
        (b'u', b'x') => &["aux"],
        (b'e', b'n') => &["ien"],
        (b'i', b'n') => &["ain"],
        (b'i', b'f') => &["if"],
        (b'u', b'r') => &["eur"],
        (b'e', b'r') => &["ier"],
        (b'e', b's') => &[
            "ales", "iques", "aines", "iennes", "elles", "ives", "aires", "iles", "ibres", "ables",
            "itimes", "oises", "ieures",
        ],
        (b'i', b's') => &["ais"],
        (b'n', b's') => &["ains", "iens"],
        (b'l', b's') => &["els", "ils"],
        (b'f', b's') => &["ifs"],
        (b'r', b's') => &["ieurs"],
        _ => &[],
    }
}

/// Whether `word` (lowercase) looks like a French adjective of institution names
/// ("centrale", "européenne", "national", "constitutionnel", "supérieur").
fn is_adjective(word: &str) -> bool {
    let b = word.as_bytes();
    // (The endings first: most words have none, and a stop word is a lookup.)
    adjective_endings(b).iter().any(|e| ends_in(b, e))
        && word != "hier"
        && word.chars().count() > 3
        && !stop(word)
        // "agricole", "viticoles"; "vaudois", "bruxellois" (not "mois", "bois").
        || ends_in(b, "icole")
        || ends_in(b, "icoles")
        || (ends_in(b, "ois") && word.chars().count() > 5)
        || matches!(
            word,
            "européenne"
                | "européen"
                | "suprême"
                | "fédérale"
                | "fédéral"
                | "public"
                | "publics"
        )
}

/// The token `toks[j]` when it is a lowercase word joined to the one before, an adjective by
/// its ending that reads as no verb there ("Banque centrale", not "Lidl rappelle").
fn lower_adjective_at<'a, 't>(toks: &'a [NameToken<'t>], j: usize) -> Option<&'a NameToken<'t>> {
    toks.get(j).filter(|t| {
        t.joined
            && t.shape == Shape::Lower
            && t.elision.is_empty()
            && is_adjective(t.text)
            && !verb_after_name(toks, j)
    })
}

/// Whether the lowercase word `toks[j]`, an adjective by its ending, reads as a verb after the
/// name before it: a speech or report verb ("rappelle", "indique", "insiste"), or a word
/// followed by "que" or by an article or possessive ("appelle les maires", "critique la
/// réforme"), which adjectives of names are not ("Comité national olympique et sportif").
fn verb_after_name(toks: &[NameToken<'_>], j: usize) -> bool {
    let Some(t) = toks.get(j) else {
        return false;
    };
    let verb = is_speech_verb(t.text)
        || matches!(
            t.text,
            "rappelle"
                | "appelle"
                | "interpelle"
                | "renouvelle"
                | "indique"
                | "réplique"
                | "revendique"
                | "communique"
                | "applique"
                | "signale"
                | "arrive"
                | "existe"
                | "persiste"
                | "résiste"
                | "assiste"
                | "entraîne"
                | "accable"
                | "vienne"
                | "tienne"
                | "soutienne"
                | "obtienne"
        );
    verb || toks.get(j + 1).is_some_and(|n| {
        n.joined
            && (n.elision.eq_ignore_ascii_case("qu")
                || (n.elision.is_empty()
                    && matches!(
                        n.text,
                        "que"
                            | "le"
                            | "la"
                            | "les"
                            | "un"
                            | "une"
                            | "son"
                            | "sa"
                            | "ses"
                            | "leur"
                            | "leurs"
                            | "ce"
                            | "cette"
                            | "ces"
                            | "aux"
                            | "au"
                    )))
    })
}

/// Whether `word` (lowercase, as written) is a French noun whose "de" complement is mostly a
/// person: works, kin, a career ("le texte de Kerbrat", "la mise en scène de Rothwell").
fn is_person_complement_noun(word: &str) -> bool {
    matches!(
        word,
        "texte"
            | "textes"
            | "scène"
            | "livre"
            | "livres"
            | "roman"
            | "romans"
            | "film"
            | "films"
            | "album"
            | "chanson"
            | "chansons"
            | "œuvre"
            | "oeuvre"
            | "œuvres"
            | "pièce"
            | "voix"
            | "fils"
            | "fille"
            | "femme"
            | "mari"
            | "épouse"
            | "famille"
            | "mort"
            | "carrière"
            | "avocat"
            | "avocate"
            | "avocats"
            | "entourage"
            | "successeur"
            | "gouvernement"
            | "mandat"
            | "camp"
            | "proches"
            | "discours"
            | "démission"
            | "candidature"
            | "interview"
            | "biographie"
            | "portrait"
            | "retour"
            | "départ"
    )
}

/// Whether `word` (lowercase, as written) is a noun whose "de" or "of" complement is mostly a
/// firm: its sale, its staff, its shares ("le rachat d'Arcelor", "les salariés de Norvane",
/// "the takeover of Brellix").
fn is_firm_complement_noun(word: &str) -> bool {
    matches!(
        word,
        "rachat"
            | "reprise"
            | "fusion"
            | "faillite"
            | "liquidation"
            | "redressement"
            | "actionnaire"
            | "actionnaires"
            | "salariés"
            | "dirigeants"
            | "filiale"
            | "filiales"
            | "comptes"
            | "capital"
            | "takeover"
            | "acquisition"
            | "shareholders"
            | "shares"
            | "employees"
            | "bankruptcy"
            | "subsidiary"
            // Who runs it: "la directrice du Gipreb", "the founder of Brellix".
            | "directeur"
            | "directrice"
            | "dirigeant"
            | "dirigeante"
            | "fondateur"
            | "fondatrice"
            | "cofondateur"
            | "cofondatrice"
            | "patron"
            | "patronne"
            | "founder"
            | "co-founder"
            | "cofounder"
    )
}

/// Whether `word` (lowercase, as written) is a past participle whose agent ("by", "par") is a
/// person: "chaired by", "présidée par", "dirigé par", "coached by", "written by".
fn is_person_agent_participle(word: &str) -> bool {
    matches!(
        word,
        "chaired"
            | "presided"
            | "coached"
            | "trained"
            | "written"
            | "directed"
            | "authored"
            | "presented"
            | "hosted"
            | "présidé"
            | "présidée"
            | "présidés"
            | "présidées"
            | "dirigé"
            | "dirigée"
            | "dirigés"
            | "dirigées"
            | "entraîné"
            | "entraînée"
            | "entraînés"
            | "entraînées"
            | "écrit"
            | "écrite"
            | "réalisé"
            | "réalisée"
            | "animé"
            | "animée"
            | "présenté"
            | "présentée"
    )
}

/// Whether `word` (lowercase, as written) is a past participle whose agent ("by", "par") is
/// mostly a firm or a body: "owned by", "produced by", "racheté par", "financée par" (not
/// "founded by", "dirigé par").
fn is_firm_agent_participle(word: &str) -> bool {
    matches!(
        word,
        "owned"
            | "produced"
            | "backed"
            | "funded"
            | "sponsored"
            | "acquired"
            | "bought"
            | "operated"
            | "built"
            | "made"
            | "published"
            | "financed"
            | "developed"
            | "manufactured"
            | "distributed"
            | "commissioned"
            | "insured"
            | "audited"
            | "designed"
            | "engineered"
            | "supplied"
            | "installed"
    ) || {
        let stem = word.trim_end_matches('s').trim_end_matches('e');
        matches!(
            stem,
            "produit"
                | "coproduit"
                | "rachet"
                | "racheté"
                | "détenu"
                | "financé"
                | "soutenu"
                | "exploité"
                | "géré"
                | "édité"
                | "publié"
                | "fabriqué"
                | "distribué"
                | "commandé"
                | "acqui"
                | "repri"
                | "lancé"
                | "construit"
                | "développé"
        )
    }
}

/// Whether `word` (lowercase, as written) is a verb of speech or opinion that people rather
/// than institutions are the subject of ("confié", "raconte", "said", "told").
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "déclaré"
            | "confié"
            | "raconté"
            | "raconte"
            | "confie"
            | "témoigné"
            | "témoigne"
            | "ajouté"
            | "ajoute"
            | "souligné"
            | "souligne"
            | "estimé"
            | "estime"
            | "expliqué"
            | "explique"
            | "regretté"
            | "regrette"
            | "prévenu"
            | "prévient"
            | "admis"
            | "reconnu"
            | "reconnaît"
            | "insisté"
            | "insiste"
            | "plaisanté"
            | "plaisante"
            | "soupiré"
            | "soupire"
            | "sourit"
            | "said"
            | "says"
            | "told"
            | "recalled"
            | "recalls"
            | "admitted"
            | "admits"
            | "insisted"
            | "insists"
            | "joked"
            | "jokes"
            | "sighed"
            | "smiled"
            | "wrote"
            | "writes"
    )
}

/// The first token of the other end when the name `toks[first..=last]` is one end of a way
/// between two names: "entre X et Y", "between X and Y", "from X to Y", "de X à Y".
fn range_other_end(toks: &[NameToken<'_>], first: usize, last: usize) -> Option<usize> {
    let pairs = |open: &str, close: &str| {
        matches!(
            (open, close),
            ("entre" | "Entre", "et")
                | ("between" | "Between", "and")
                | ("from" | "From", "to")
                | ("de" | "De", "à")
        )
    };
    let name =
        |t: &NameToken<'_>| matches!(t.shape, Shape::Cap | Shape::Upper) && t.elision.is_empty();
    // "de" opens a way only after a pause, not after a noun ("la visite de Macron à Berlin").
    let opens = |o: usize| {
        !matches!(toks[o].text, "de" | "De")
            || o == 0
            || !toks[o].joined
            || toks[o - 1].shape != Shape::Lower
    };
    // The first end: the opener before, the closer and a name after.
    if first > 0
        && toks[first].joined
        && let (Some(close), Some(other)) = (toks.get(last + 1), toks.get(last + 2))
        && close.joined
        && other.joined
        && name(other)
        && pairs(toks[first - 1].text, close.text)
        && opens(first - 1)
    {
        return Some(last + 2);
    }
    // The second end: the closer before, a name of four words at most before it, the opener.
    if first >= 3 && toks[first].joined && toks[first - 1].joined {
        let close = toks[first - 1].text;
        let mut s = first - 2;
        // (A capitalised opener at a sentence start, "Entre Kénitra et…", is no word of it.)
        while s > 0
            && first - 2 - s < 3
            && toks[s].joined
            && name(&toks[s - 1])
            && !pairs(toks[s - 1].text, close)
        {
            s -= 1;
        }
        return (s > 0
            && name(&toks[s])
            && toks[s].joined
            && pairs(toks[s - 1].text, close)
            && opens(s - 1))
        .then_some(s);
    }
    None
}

/// Whether `word` (as written) tells a journey before "to" and a place ("a ferry to", "flew
/// to", "moved to"; not "going to", a future).
fn is_journey_word(word: &str) -> bool {
    matches!(
        word,
        "went"
            | "gone"
            | "moved"
            | "move"
            | "moving"
            | "flew"
            | "fly"
            | "flying"
            | "flight"
            | "flights"
            | "trip"
            | "drove"
            | "drive"
            | "driving"
            | "train"
            | "trains"
            | "bus"
            | "ferry"
            | "headed"
            | "heading"
            | "returned"
            | "commute"
            | "ride"
            | "road"
            | "route"
            | "metro"
    )
}

/// Whether `word` is the acronym of a French local body named after its place ("ARS", "SDIS",
/// "CHU").
fn is_local_body_acronym(word: &str) -> bool {
    matches!(
        word,
        "ARS"
            | "CH"
            | "CHU"
            | "CHR"
            | "CHI"
            | "CHRU"
            | "CCI"
            | "CMA"
            | "CPAM"
            | "CAF"
            | "FDSEA"
            | "CDT"
            | "CRT"
            | "SDIS"
            | "CROUS"
            | "URSSAF"
            | "DDT"
            | "DDTM"
            | "DREAL"
            | "DRAC"
            | "IUT"
            | "INSPE"
            | "MSA"
            | "UDAF"
            | "CESER"
            | "CRC"
            | "CNFPT"
            | "OPH"
            | "ACCA"
            | "FCPE"
            | "ADIL"
            | "CAUE"
            | "FDC"
            | "CDOS"
    )
}

/// Whether the number at token `n` ends a name rather than counts or scores something: the
/// text ends or a clause does after it, or a lowercase word follows that is no unit, month or
/// counted thing ("Ariane 6 a décollé", "Tihange 3, relancé"; not "Coffs 20 years", "Apple
/// 1 200", "Nantes 2-1", "Brest 2 Lorient 1", "Lyon 3 juin").
fn names_number(gaz: &Gazetteer, text: &str, toks: &[NameToken<'_>], n: usize) -> bool {
    let after_num = &text[toks[n].end..];
    if after_num.chars().next().is_some_and(|c| {
        !(c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ')' | ']' | '»' | '"' | '”' | '.' | '!' | '?' | '…'
            ))
    }) {
        return false;
    }
    let rest = after_num.trim_start();
    // "58 %", "12 €": a share or an amount.
    if rest.starts_with(['%', '€', '$', '£']) {
        return false;
    }
    // "Lorient 1 - 0": a score across a dash.
    if rest.starts_with(['-', '–', '—'])
        && rest[rest.chars().next().map_or(0, char::len_utf8)..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // "2.5", "3,5": a decimal.
    if after_num.starts_with(['.', ',']) && after_num[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let Some(a) = toks.get(n + 1) else {
        return true;
    };
    if !a.joined {
        // "Liverpool 2, Chelsea 1": a list of scores.
        return !(matches!(a.shape, Shape::Cap | Shape::Upper)
            && toks
                .get(n + 2)
                .is_some_and(|b| b.joined && b.shape == Shape::Number));
    }
    // ("2 à 1": a score.)
    a.shape == Shape::Lower
        && a.elision.is_empty()
        && a.text != "à"
        && !with_key(a.text, is_counted_noun)
        // "En Bretagne 15 communes": a plural noun counted.
        && !(a.text.len() >= 4 && a.text.ends_with(['s', 'x']) && gaz.is_common(a.text))
}

/// Whether `word` (a key) is a unit, a month or a thing commonly counted after a number.
fn is_counted_noun(word: &str) -> bool {
    matches!(
        word,
        "an" | "ans"
            | "annee"
            | "annees"
            | "year"
            | "years"
            | "yr"
            | "yrs"
            | "mois"
            | "month"
            | "months"
            | "semaine"
            | "semaines"
            | "week"
            | "weeks"
            | "jour"
            | "jours"
            | "day"
            | "days"
            | "heure"
            | "heures"
            | "h"
            | "hour"
            | "hours"
            | "hrs"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "seconde"
            | "secondes"
            | "second"
            | "seconds"
            | "fois"
            | "times"
            | "million"
            | "millions"
            | "milliard"
            | "milliards"
            | "billion"
            | "billions"
            | "bn"
            | "m"
            | "k"
            | "euro"
            | "euros"
            | "dollar"
            | "dollars"
            | "pound"
            | "pounds"
            | "livres"
            | "francs"
            | "cents"
            | "balles"
            | "km"
            | "kilometres"
            | "kilometers"
            | "mile"
            | "miles"
            | "metre"
            | "metres"
            | "meter"
            | "meters"
            | "mm"
            | "cm"
            | "kg"
            | "g"
            | "tonne"
            | "tonnes"
            | "ton"
            | "tons"
            | "litres"
            | "liters"
            | "percent"
            | "pour"
            | "points"
            | "pts"
            | "pt"
            | "but"
            | "buts"
            | "goal"
            | "goals"
            | "essais"
            | "tries"
            | "runs"
            | "wickets"
            | "sets"
            | "jeux"
            | "games"
            | "matchs"
            | "matches"
            | "victoires"
            | "wins"
            | "defaites"
            | "losses"
            | "places"
            | "seats"
            | "sieges"
            | "voix"
            | "votes"
            | "personnes"
            | "people"
            | "habitants"
            | "residents"
            | "salaries"
            | "employes"
            | "emplois"
            | "jobs"
            | "postes"
            | "morts"
            | "dead"
            | "blesses"
            | "injured"
            | "victimes"
            | "exemplaires"
            | "copies"
            | "tirages"
            | "lits"
            | "beds"
            | "ha"
            | "hectares"
            | "acres"
            | "et"
            | "and"
            | "to"
            | "ou"
            | "or"
            | "x"
            | "sur"
            | "out"
            | "of"
            | "de"
            | "janvier"
            | "fevrier"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "decembre"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Whether `word` is a Roman number written with I, V and X (1 to 39), possibly with an
/// ordinal ending ("II", "XIV", "XVIe", "XIXth"), of one letter only with a French ordinal's
/// ("Ier", "Ve"): regnal numbers and centuries.
/// Numbers with L, C, D or M are left out: they spell acronyms too ("DC", "CD", "MC").
fn is_roman_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase() || c == 'è');
    let ending = &word[digits.len()..];
    // (One numeral only with a French ordinal's ending: "Ier siècle", "Ve République";
    // "er" and "re" only after "I".)
    if digits.is_empty()
        || ((digits.len() < 2 && !matches!(ending, "e" | "ème"))
            && !(digits == "I" && matches!(ending, "er" | "re")))
        || !matches!(
            ending,
            "" | "e" | "er" | "re" | "ème" | "eme" | "th" | "st" | "nd" | "rd"
        )
        || !digits.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
    {
        return false;
    }
    // Tens, then a unit written the standard way.
    let units = digits.trim_start_matches('X');
    digits.len() - units.len() <= 3
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// Courtesy titles that come right before a person's name ("M.", "Mme", "Mr", "Dr").
fn is_courtesy_title(word: &str) -> bool {
    matches!(
        word,
        "M" | "M."
            | "Mme"
            | "Mlle"
            | "Me"
            | "Madame"
            | "Monsieur"
            | "Mr"
            | "Mr."
            | "Mrs"
            | "Mrs."
            | "Ms"
            | "Ms."
            | "Dr"
            | "Dr."
    )
}

/// [`role_of_elided`] of token `i`, reading a spokesperson's compound whole ("porte-parole")
/// and a role's adjective as the role before it ("secrétaire générale d'Emmaüs").
fn role_before(toks: &[NameToken<'_>], i: usize) -> Option<EntityType> {
    let t = &toks[i];
    if t.text == "parole"
        && t.hyphen_before
        && i >= 1
        && with_key(toks[i - 1].text, |k| k == "porte")
    {
        return Some(EntityType::Organization);
    }
    if i >= 1
        && t.joined
        && toks[i - 1].shape == Shape::Lower
        && with_key(t.text, |k| {
            matches!(k, "general" | "generale" | "adjoint" | "adjointe")
        })
    {
        return role_of_elided(toks[i - 1].text);
    }
    role_of_elided(t.text)
}

/// The type of the name after the role `cue` and an elided "d'": the place a mayor serves
/// ("la maire d'Urdos") or the body a head or founder leads ("le PDG d'Airbus"); `None` for any
/// other person's cue ("la fille d'Alain Delon", "le capitaine d'Artagnan", "Me d'Aubigny").
/// A secretary or a spokesperson serves a body too ("le secrétaire d'Unia").
fn role_of_elided(cue: &str) -> Option<EntityType> {
    with_key(cue, |k| match k {
        "maire" | "maires" | "mairesse" | "mayor" => Some(EntityType::Location),
        "pdg" | "ceo" | "directeur" | "directrice" | "president" | "presidente" | "patron"
        | "patronne" | "fondateur" | "fondatrice" | "cofondateur" | "cofondatrice"
        | "dirigeant" | "dirigeante" | "entraineur" | "entraineuse" | "manager" | "gerant"
        | "gerante" | "actionnaire" | "secretaire" | "porte-parole" => {
            Some(EntityType::Organization)
        }
        _ => None,
    })
}

/// Whether `word`, written in capitals, reads as a word rather than an acronym: it has an
/// accented letter ("PARÉ", "RÉGNIER") or six letters or more, a third of them vowels or more
/// ("BOSSUET", "BEAUMANOIR"; not "OCLCIFF").
fn word_in_capitals(word: &str) -> bool {
    if word.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let vowels = word
        .chars()
        .filter(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'))
        .count();
    letters == word.len() && letters >= 6 && vowels * 3 >= letters
}

/// Whether `word` (lowercase, as written) is an adjective that begins a place's name
/// ("east belfast", "new orleans", "haut jura", "petite venise").
fn is_place_adjective(word: &str) -> bool {
    matches!(
        word,
        "east"
            | "west"
            | "north"
            | "south"
            | "new"
            | "old"
            | "upper"
            | "lower"
            | "royal"
            | "great"
            | "greater"
            | "grand"
            | "grande"
            | "haut"
            | "haute"
            | "bas"
            | "basse"
            | "petit"
            | "petite"
            | "vieux"
            | "vieille"
            | "saint"
            | "sainte"
            | "st"
            | "san"
            | "santa"
    )
}

/// Whether `word` (as written) is a French subject or object pronoun or "ne" (a verb follows).
fn is_subject_pronoun(word: &str) -> bool {
    matches!(
        word,
        "je" | "tu"
            | "il"
            | "elle"
            | "on"
            | "nous"
            | "vous"
            | "ils"
            | "elles"
            | "ne"
            | "y"
            | "en"
            | "se"
            | "me"
            | "te"
            | "lui"
            | "leur"
            | "ça"
            | "cela"
    )
}

/// Whether the words right before `toks[i]` praise or thank someone ("bravo", "merci",
/// "soutien à", "fair play to", "well done", "props to"), at the start of a sentence or
/// clause.
fn cheers_before(toks: &[NameToken<'_>], i: usize) -> bool {
    // Most words follow none of the cues: the word right before ends every cue, and has the
    // length in bytes, the first and the last letter of one of its words.
    if i == 0 {
        return false;
    }
    let prev = toks[i - 1].text.as_bytes();
    let (Some(&first), Some(&last)) = (prev.first(), prev.last()) else {
        return false;
    };
    if !matches!(
        (
            prev.len(),
            first.to_ascii_lowercase(),
            last.to_ascii_lowercase()
        ),
        // "à", "À", "to", "on"
        (2, 0xc3, 0xa0 | 0x80) | (2, b't', b'o') | (2, b'o', b'n')
            // "done"
            | (4, b'd', b'e')
            // "bravo", "merci", "allez", "there"
            | (5, b'b', b'o') | (5, b'm', b'i') | (5, b'a', b'z') | (5, b't', b'e')
            // "courage"
            | (7, b'c', b'e')
            // "cheers", "congrats"
            | (6 | 8, b'c', b's')
            // "félicitations"
            | (14, b'f', b's')
    ) {
        return false;
    }
    let is = |k: usize, words: &[&str]| {
        i.checked_sub(k)
            .is_some_and(|j| words.iter().any(|w| toks[j].text.eq_ignore_ascii_case(w)))
    };
    let n = if is(1, &["courage"]) && is(2, &["bon", "Bon"]) {
        // "Bon courage germaine"
        2
    } else if is(
        1,
        &[
            "bravo",
            "merci",
            "allez",
            "courage",
            "félicitations",
            "congrats",
            "cheers",
        ],
    ) {
        1
    } else if (is(1, &["done"]) && is(2, &["well"])) || (is(1, &["on"]) && is(2, &["good"])) {
        // "well done", "good on"
        2
    } else if is(1, &["there"]) && is(2, &["in"]) && is(3, &["get"]) {
        3
    } else if is(1, &["à", "À", "to"]) {
        if is(
            2,
            &[
                "soutien",
                "courage",
                "bravo",
                "chapeau",
                "félicitations",
                "merci",
                "props",
                "respect",
                "shoutout",
                "kudos",
            ],
        ) && !is(
            3,
            &[
                "with", "in", "du", "de", "en", "mon", "ton", "son", "my", "his", "her",
            ],
        ) {
            2
        } else if (is(2, &["play"]) && is(3, &["fair"]))
            || (is(2, &["off"]) && is(3, &["hats"]))
            || (is(2, &["out"]) && is(3, &["shout"]))
        {
            3
        } else {
            return false;
        }
    } else {
        return false;
    };
    // A word alone opens a sentence or follows punctuation ("… ! bravo"); a phrase may
    // follow an adjective ("Massive props to").
    let first = &toks[i - n];
    (n > 1 || first.sentence_start || !first.joined) && toks[i + 1 - n..i].iter().all(|t| t.joined)
}

/// Whether `toks[i]` is the capitalised first word of a phrase, no name: a reader's "Pis"
/// (Quebec's "puis") opening a sentence (not the party PiS), "Kia kaha", "Kia ora" (Māori:
/// stay strong, hello; not the carmaker), "Big up".
fn phrase_word(toks: &[NameToken<'_>], i: usize) -> bool {
    let t = &toks[i];
    (t.text == "Pis" && t.sentence_start)
        // "Nice to see…", "Nice that…".
        || (t.text == "Nice"
            && t.sentence_start
            && toks.get(i + 1).is_some_and(|n| {
                n.joined
                    && (matches!(n.text, "that" | "one")
                        // ("Nice to Monaco takes 20 minutes": the town.)
                        || (n.text == "to"
                            && toks
                                .get(i + 2)
                                .is_some_and(|v| v.joined && v.shape == Shape::Lower)))
            }))
        || (matches!(t.text, "Kia" | "Big")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.joined && matches!(n.text, "kaha" | "ora" | "up")))
}

/// The last token of the capitalised words from `toks[i]` when they name a species or a
/// disease with the lowercase noun after them ("Atlantic salmon", "North Atlantic right
/// whale", "Bermuda grass", "Panama disease") or after "maladie de" ("la maladie
/// d'Alzheimer", "maladie de Lyme").
#[inline(never)]
fn species_or_disease_name(toks: &[NameToken<'_>], i: usize) -> Option<usize> {
    let t = &toks[i];
    if t.possessive {
        return None;
    }
    if t.joined
        && ((i >= 1 && matches!(t.elision, "d" | "D"))
            || (i >= 2 && t.elision.is_empty() && toks[i - 1].text == "de" && toks[i - 1].joined))
    {
        let m = if t.elision.is_empty() { i - 2 } else { i - 1 };
        if matches!(toks[m].text, "maladie" | "syndrome" | "maladies")
            && toks
                .get(i + 1)
                .is_none_or(|n| !(n.joined && n.shape.starts_name()))
        {
            return Some(i);
        }
    }
    let mut end = i;
    while end < i + 2
        && !toks[end].possessive
        && toks
            .get(end + 1)
            .is_some_and(|n| n.joined && n.elision.is_empty() && n.shape == Shape::Cap)
    {
        end += 1;
    }
    let n = toks.get(end + 1)?;
    let at = if n.text == "right" { end + 2 } else { end + 1 };
    let noun = toks.get(at).filter(|w| w.joined)?.text;
    (n.joined
        && n.elision.is_empty()
        && !toks[end].possessive
        && n.shape == Shape::Lower
        && matches!(
            noun,
            "salmon"
                | "trout"
                | "cod"
                | "whale"
                | "whales"
                | "spruce"
                | "fir"
                | "grass"
                | "disease"
                | "ivy"
                | "knotweed"
                | "terrier"
                | "spaniel"
                | "shepherd"
        )
        // ("Norway salmon farmers", "Texas whale hunt", "Wimbledon grass courts": a noun
        // after it makes the place the farmers' or the courts'.)
        && !toks.get(at + 1).is_some_and(|w| {
            w.joined && w.shape == Shape::Lower && w.elision.is_empty() && !is_stop_either(w.text)
        }))
    .then_some(end)
}

/// Whether a word of kinship a reader writes before someone's given name comes right before
/// `toks[i]` ("courage maman rosalie", "good on aunty marie"; not "papa noël").
fn kin_before(toks: &[NameToken<'_>], i: usize) -> bool {
    i > 0
        && toks[i].joined
        && toks[i - 1].shape == Shape::Lower
        && toks[i - 1].elision.is_empty()
        && is_kin_word(toks[i - 1].text)
        && !matches!(toks[i].text, "noël" | "noel" | "ours" | "poule")
        // ("uncle sam": the nation.)
        && !(toks[i - 1].text == "uncle" && toks[i].text == "sam")
}

/// Whether `word` is a word of kinship readers write before a given name ("maman", "tonton",
/// "aunty").
fn is_kin_word(word: &str) -> bool {
    // (Most words fail on their length or first letter.)
    let b = word.as_bytes();
    if !(4..=7).contains(&b.len())
        || !matches!(b[0], b'm' | b'p' | b't' | b'n' | b'a' | b'u' | b'g')
    {
        return false;
    }
    matches!(
        word,
        "maman"
            | "mamie"
            | "mamy"
            | "papa"
            | "papi"
            | "papy"
            | "tonton"
            | "tata"
            | "tatie"
            | "tantie"
            | "tanti"
            | "tantine"
            | "aunty"
            | "auntie"
            | "uncle"
            | "granny"
            | "grandma"
            | "grandpa"
    )
}

/// Whether `word` is a preposition a reader writes a place after ("à", "de", "in", "near"…).
fn is_place_preposition(word: &str) -> bool {
    matches!(
        word,
        "à" | "a"
            | "au"
            | "aux"
            | "en"
            | "de"
            | "par"
            | "via"
            | "at"
            | "depuis"
            | "vers"
            | "in"
            | "from"
            | "to"
            | "near"
            | "entre"
            | "between"
    )
}

/// Whether a comma and a person's role in a body follow token `last`: "head of", "founder
/// of", "fondateur de", "présidente du".
fn role_of_after(d: &Doc<'_>, last: usize) -> bool {
    let toks = &d.tokens;
    let (Some(role), Some(of)) = (toks.get(last + 1), toks.get(last + 2)) else {
        return false;
    };
    !role.joined
        && role.shape == Shape::Lower
        && role.elision.is_empty()
        && d.text[toks[last].end..role.raw_start].trim() == ","
        && of.joined
        && (matches!(of.text, "of" | "de" | "du" | "des") || matches!(of.elision, "d" | "D"))
        && matches!(
            role.text,
            "head"
                | "founder"
                | "chairman"
                | "chairwoman"
                | "chairperson"
                | "fondateur"
                | "fondatrice"
                | "cofondateur"
                | "cofondatrice"
                | "président"
                | "présidente"
                | "directeur"
                | "directrice"
                | "patron"
                | "patronne"
                | "gérant"
                | "gérante"
        )
}

/// The last token of the lowercase words joined by hyphens from token `i` on ("dimarco-hale").
fn lower_hyphen_run_end(d: &Doc<'_>, i: usize) -> usize {
    let toks = &d.tokens;
    let mut last = i;
    while toks.get(last + 1).is_some_and(|n| {
        n.hyphen_before && n.shape == Shape::Lower && is_hyphen(&d.text[toks[last].end..n.start])
    }) {
        last += 1;
    }
    last
}

/// Whether `word` has a vowel (abbreviations such as "bcp", "tjrs", "nhs" have none).
fn has_vowel(word: &str) -> bool {
    word.chars().any(|c| {
        matches!(
            c,
            'a' | 'e'
                | 'i'
                | 'o'
                | 'u'
                | 'y'
                | 'à'
                | 'â'
                | 'ä'
                | 'é'
                | 'è'
                | 'ê'
                | 'ë'
                | 'î'
                | 'ï'
                | 'ô'
                | 'ö'
                | 'û'
                | 'ü'
                | 'ù'
        )
    })
}

/// Whether `word` (lowercase) names professionals who work for a body ("analysts at Nedbank",
/// "lawyers from Ecojustice").
fn is_professionals(word: &str) -> bool {
    matches!(
        word,
        "analysts" | "economists" | "researchers" | "scientists" | "lawyers"
    )
}

/// Whether tokens `first..=last` name a museum, a theatre or a hospital (by its first word,
/// lowercase or not, or its last in English) where something is or happens: after a
/// preposition of place ([`venue_preposition_before`]: "au", "à l'", "dans le", "at the",
/// "in"), after a journey's "to" ("flown to", "taken to the"), or after a part of the building
/// ("sur la scène du", "the campus of"); a new hospital ("the new Dunedin Hospital") and an
/// ancient theatre ("Théâtre antique d'Orange") always. Not where someone works
/// ([`works_before`]), a work is kept or analysed ("conservé au musée d'Orsay", "held at the
/// British Museum", "analysés au Muséum"), or what is given, sold, written or said to it ("don
/// au musée Fabre", "sold to the Metropolitan Museum", "a déclaré au").
fn venue_of_facility(toks: &[NameToken<'_>], first: usize, last: usize) -> bool {
    let head_key = |t: &NameToken<'_>| {
        // (Most names start with none of these: their first letter and length tell.)
        let b = t.text.as_bytes();
        if !(5..=9).contains(&b.len()) || !matches!(b[0].to_ascii_lowercase(), b'm' | b't' | b'h') {
            return None;
        }
        with_key(t.text, |k| {
            matches!(k, "musee" | "theatre" | "hopital" | "museum" | "hospital")
                .then(|| k.starts_with('t'))
        })
    };
    let head = &toks[first];
    // The facility's head word, and whether it is a theatre.
    let theatre = head_key(head)
        .or_else(|| {
            (head.text == "Grand")
                .then(|| toks.get(first + 1).and_then(head_key))
                .flatten()
        })
        .or_else(|| {
            (last > first && matches!(toks[last].text, "Museum" | "Theatre" | "Hospital"))
                .then(|| toks[last].text == "Theatre")
        })
        .or_else(|| {
            (toks.get(first + 1).is_some_and(|t| t.text == "hospitalier")
                && with_key(head.text, |k| k == "centre"))
            .then_some(false)
        });
    let Some(theatre) = theatre else {
        return false;
    };
    if theatre
        && toks
            .get(first + 1)
            .is_some_and(|t| t.joined && matches!(t.text, "antique" | "romain"))
    {
        return true;
    }
    // Kept, analysed, given, sold, written or said to it, a few words before.
    let not_a_visit = toks[first.saturating_sub(3)..first.saturating_sub(1)]
        .iter()
        .any(|t| is_speech_verb(t.text))
        || toks[first.saturating_sub(6)..first].iter().any(|t| {
            with_key(t.text, |k| {
                matches!(
                    k,
                    "conserve"
                        | "conservee"
                        | "conserves"
                        | "conservees"
                        | "held"
                        | "kept"
                        | "analysis"
                        | "analyse"
                        | "analyses"
                        | "analysee"
                        | "analysees"
                        | "don"
                        | "dons"
                        | "donne"
                        | "donnee"
                        | "offert"
                        | "offerte"
                        | "legue"
                        | "leguee"
                        | "vendu"
                        | "vendue"
                        | "prete"
                        | "pretee"
                        | "ecrit"
                        | "lettre"
                        | "donated"
                        | "donation"
                        | "gave"
                        | "given"
                        | "sold"
                        | "lent"
                        | "wrote"
                        | "written"
                        | "letter"
                        | "sent"
                        | "paid"
                        | "complained"
                        | "thank"
                        | "verse"
                        | "versee"
                        | "cede"
                        | "cedee"
                        | "attribue"
                        | "attribuee"
                        | "alloue"
                        | "allouee"
                        | "reproche"
                        | "reprochent"
                        | "demande"
                        | "subvention"
                        | "soignant"
                        | "soignante"
                        | "soignants"
                        | "aide-soignant"
                        | "aide-soignante"
                        | "chirurgien"
                        | "chirurgienne"
                        | "interne"
                        | "urgentiste"
                        | "danseur"
                        | "danseuse"
                        | "comedien"
                        | "comedienne"
                        | "agent"
                        | "agents"
                        | "exerce"
                        | "embauche"
                        | "embauchee"
                        | "nomme"
                        | "nommee"
                        | "mute"
                        | "mutee"
                        | "poste"
                        | "chef"
                        | "volunteer"
                        | "volunteers"
                        | "trustee"
                        | "midwife"
                )
            })
        });
    // "the new Dunedin Hospital chief executive", "Hull Royal Infirmary Hospital staff": the
    // name describes the noun after it.
    let describes = toks.get(last + 1).is_some_and(|t| {
        t.joined
            && t.shape == Shape::Lower
            && matches!(
                t.text,
                "staff" | "boss" | "chief" | "trust" | "board" | "bosses" | "management"
            )
    }) || toks[last].possessive;
    if not_a_visit || describes || works_before(toks, first) {
        return false;
    }
    if venue_preposition_before(toks, first) {
        return true;
    }
    // The word `back` tokens before the name, if the words up to the name are joined.
    let word = |back: usize| {
        (first >= back && toks[first + 1 - back..=first].iter().all(|t| t.joined))
            .then(|| toks[first - back].text)
    };
    match (word(3), word(2), word(1)) {
        // "flown to Hervey Bay Hospital", "taken to the Government Rajaji Hospital".
        (_, Some(journey), Some("to")) | (Some(journey), Some("to"), Some("the")) => {
            with_key(journey, |k| {
                is_journey_word(k)
                    || matches!(
                        k,
                        "flown" | "taken" | "rushed" | "airlifted" | "admitted" | "transferred"
                    )
            })
        }
        // "sur la scène du Théâtre royal de Namur", "le jardin du musée Ingres Bourdelle",
        // "on the campus of St James's Hospital": a part of the building.
        (_, Some(part), Some("du" | "of")) => with_key(part, |k| {
            matches!(
                k,
                "scene"
                    | "gradins"
                    | "jardin"
                    | "jardins"
                    | "parvis"
                    | "salle"
                    | "salles"
                    | "murs"
                    | "campus"
                    | "grounds"
                    | "stage"
                    | "steps"
                    | "wing"
            )
        }),
        // "the new Dunedin Hospital": a hospital going up (a new museum is rather a body).
        (_, Some("the" | "The"), Some("new")) => toks[last].text == "Hospital",
        _ => false,
    }
}

/// The word joined after "du", "des", "de", "de la" or "de l'" at `toks[k]` (the portfolio of
/// "ministère … et de l'Industrie", the complement of "… et de la répression"), or `None`
/// when `toks[k]` is no such article or the word takes another elided article.
fn word_after_de(toks: &[NameToken<'_>], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    if !t.elision.is_empty() || !matches!(t.text, "de" | "du" | "des") {
        return None;
    }
    let n = toks.get(k + 1).filter(|n| n.joined)?;
    if t.text == "de" && n.text == "la" && n.elision.is_empty() {
        toks.get(k + 2)
            .filter(|w| w.joined && w.elision.is_empty())
            .map(|_| k + 2)
    } else {
        // "de l'Économie": the elided article goes with "de".
        (n.elision.is_empty() || (t.text == "de" && matches!(n.elision, "l" | "L")))
            .then_some(k + 1)
    }
}

/// Whether `word` (lowercase) is a number written in words ("forty-eight", "dix-huit").
fn is_number_word(word: &str) -> bool {
    word.split('-').all(|p| {
        matches!(
            p,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "thirteen"
                | "fourteen"
                | "fifteen"
                | "sixteen"
                | "seventeen"
                | "eighteen"
                | "nineteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
                | "hundred"
                | "thousand"
                | "deux"
                | "trois"
                | "quatre"
                | "cinq"
                | "sept"
                | "huit"
                | "neuf"
                | "dix"
                | "onze"
                | "douze"
                | "treize"
                | "quatorze"
                | "quinze"
                | "seize"
                | "vingt"
                | "vingts"
                | "trente"
                | "quarante"
                | "cinquante"
                | "soixante"
                | "cent"
                | "cents"
                | "mille"
                | "et"
        )
    }) && word != "et"
}

/// Nouns of staff and stakeholders that follow the name of the body they belong to ("Dyson
/// engineer", "Tesla shareholders").
fn is_staff_noun(word: &str) -> bool {
    matches!(
        word,
        "engineer"
            | "engineers"
            | "employee"
            | "employees"
            | "executive"
            | "executives"
            | "staff"
            | "staffers"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "shareholders"
            | "investors"
            | "customers"
            | "subscribers"
            | "boss"
            | "bosses"
            | "headquarters"
            | "member"
            | "members"
    )
}

/// Whether `word` (lowercase, as written) is a noun of bodies that, right after a name, makes
/// it an organisation's ("the Unite union", "the Brellix charity").
fn is_body_noun(word: &str) -> bool {
    matches!(
        word,
        "union"
            | "charity"
            | "watchdog"
            | "regulator"
            | "broadcaster"
            | "consortium"
            | "lender"
            | "insurer"
            | "carmaker"
            | "retailer"
            | "airline"
            | "firm"
            | "company"
            | "group"
            | "brand"
            | "chain"
    )
}

/// Whether `word` is a road's number: `A`, `B`, `D`, `M` or `N` and one to four digits
/// ("A20", "B6479", "M621", "N20").
fn is_road_number(word: &str) -> bool {
    let b = word.as_bytes();
    (2..=5).contains(&b.len())
        && matches!(b[0], b'A' | b'B' | b'D' | b'M' | b'N')
        && b[1..].iter().all(u8::is_ascii_digit)
}

/// Whether `word` has the ending of a plural word for the people of a place ("Phocéens",
/// "Cantalous", "Prévôtois", "Tourquennoises").
fn is_people_plural(word: &str) -> bool {
    // (Not a family's surname: "les Dubois", "les Valois".)
    word.chars().count() > 6
        && [
            "ais", "aises", "ois", "oises", "iens", "iennes", "éens", "éennes", "ains", "aines",
            "ous",
        ]
        .iter()
        .any(|s| word.ends_with(s))
}

/// Whether the name at token `first` is given as an example of firms named just before it:
/// "comme", "tels que", "such as", "like", "including" after a plural noun for firms, a few
/// words back ("les grandes maisons comme", "industriels américains comme", "retailers such
/// as").
fn firms_before_example(toks: &[NameToken<'_>], first: usize) -> bool {
    if first < 2 {
        return false;
    }
    let p = toks[first - 1].text;
    // "comme Hennessy ou Rémy Martin": the second of two examples.
    if matches!(p, "et" | "ou" | "and" | "or") && toks[first - 1].joined {
        let mut s = first - 1;
        while s > 0 && matches!(toks[s - 1].shape, Shape::Cap | Shape::Upper) && s + 4 > first {
            s -= 1;
        }
        return s >= 2
            && s < first - 1
            && toks[s].joined
            && !matches!(toks[s - 1].text, "et" | "ou" | "and" | "or")
            && firms_before_example(toks, s);
    }
    let intro = match p {
        "comme" | "like" | "including" | "notamment" => first - 1,
        "que" if matches!(toks[first - 2].text, "tels" | "telles") => first - 2,
        "as" if toks[first - 2].text == "such" => first - 2,
        _ => return false,
    };
    // (The words from the plural noun to the example in one stretch: not "Les banques ont
    // souffert, comme Christine Lagarde l'a rappelé".)
    let from = intro.saturating_sub(4);
    (from + 1..=intro)
        .rev()
        .take_while(|&j| toks[j].joined)
        .map(|j| &toks[j - 1])
        .any(|t| {
            t.shape == Shape::Lower
                && with_key(t.text, |k| {
                    matches!(
                        k,
                        "groupes"
                            | "entreprises"
                            | "industriels"
                            | "maisons"
                            | "societes"
                            | "firmes"
                            | "marques"
                            | "enseignes"
                            | "geants"
                            | "laboratoires"
                            | "banques"
                            | "assureurs"
                            | "distributeurs"
                            | "constructeurs"
                            | "editeurs"
                            | "fabricants"
                            | "operateurs"
                            | "companies"
                            | "firms"
                            | "brands"
                            | "retailers"
                            | "groups"
                            | "giants"
                            | "banks"
                            | "insurers"
                            | "manufacturers"
                            | "supermarkets"
                            | "chains"
                            | "publishers"
                            | "carmakers"
                            | "airlines"
                            | "operators"
                            | "lenders"
                    )
                })
        })
}

/// Whether `rest`, the text right after a name, says that it overflows like a river ("burst
/// its banks", "est sorti de son lit", "est en crue").
fn river_in_flood(rest: &str) -> bool {
    const PHRASES: [&str; 9] = [
        " burst its banks",
        " broke its banks",
        " has burst its banks",
        " overflowed its banks",
        " est sorti de son lit",
        " est sortie de son lit",
        " sort de son lit",
        " est en crue",
        " a débordé de son lit",
    ];
    PHRASES.iter().any(|p| rest.starts_with(p))
}

/// Whether `word` (lowercase, as written) is a trade that names a craftsman as well as a firm
/// ("le chocolatier", "team owner"), not a firm alone ("l'éditeur", "le distributeur").
fn is_personal_trade(word: &str) -> bool {
    matches!(
        word,
        "chocolatier"
            | "chocolatière"
            | "coutelier"
            | "horloger"
            | "joaillier"
            | "brasseur"
            | "brasseuse"
            | "parfumeur"
            | "parfumeuse"
            | "lunetier"
            | "porcelainier"
            | "tonnelier"
            | "maroquinier"
            | "chausseur"
            | "confiseur"
            | "biscuitier"
            | "cidrier"
            | "minotier"
            | "pâtissier"
            | "fromager"
            | "owner"
            | "developer"
            | "producer"
            | "exporter"
            | "operator"
            | "armateur"
    )
}

/// Whether `word` heads a body whose name goes on with "on" and its remit ("Committee on
/// Health", "Council on Foreign Relations").
fn is_panel_head(word: &str) -> bool {
    matches!(
        word,
        "Committee" | "Subcommittee" | "Commission" | "Council" | "Conference" | "Panel"
    )
}

/// Whether the place's cue `key` (lowercase, accent-free, ending with "de") names a water
/// or a landform by its shore, flow or parts ("au bord de", "les eaux de"), so that a
/// feminine name after "de la" is a place too ("au bord de la Sambre"; not "le site de la
/// Commission").
fn is_water_or_landform_cue(key: &str) -> bool {
    let Some(noun) = key.strip_suffix(" de") else {
        return false;
    };
    let noun = noun.rsplit(' ').next().unwrap_or(noun);
    matches!(
        noun,
        "bord"
            | "bords"
            | "rive"
            | "rives"
            | "berge"
            | "berges"
            | "eaux"
            | "debit"
            | "confluent"
            | "affluent"
            | "crue"
            | "embouchure"
            | "source"
            | "estuaire"
            | "delta"
            | "barrage"
            | "barrages"
            | "large"
            | "amont"
            | "aval"
            | "constellation"
            | "vallee"
            | "plaine"
            | "foret"
            // "au pied de la Rhune", "le risque d'inondation de l'Ourthe".
            | "pied"
            | "sommet"
            | "flanc"
            | "flancs"
            | "pentes"
            | "versant"
            | "lit"
            | "crues"
            | "inondation"
            | "inondations"
    )
}

/// Whether a noun of a territory or a street comes right before `first`, or before its
/// "de" or "of" ("the province of Ben Tre", "rue Victor Hugo"; not "près de", "near"): a
/// cue no person's name follows.
fn place_unit_before(toks: &[NameToken<'_>], first: usize) -> bool {
    let mut j = first;
    while j > 0 && toks[j].joined && matches!(toks[j - 1].text, "de" | "of" | "du" | "des" | "la") {
        j -= 1;
    }
    j > 0
        && (toks[j].joined || !toks[j].elision.is_empty())
        && matches!(
            toks[j - 1].text,
            "province"
                | "provinces"
                | "gouvernorat"
                | "gouvernorats"
                | "governorate"
                | "governorates"
                | "région"
                | "régions"
                | "region"
                | "district"
                | "state"
                | "county"
                | "comté"
                | "département"
                | "canton"
                | "commune"
                | "wilaya"
                | "rue"
                | "avenue"
                | "boulevard"
                | "place"
                | "quai"
                | "square"
                | "street"
                | "road"
                | "allée"
                | "impasse"
                | "chemin"
                | "route"
                | "village"
                | "ville"
                | "town"
                | "city"
                | "municipality"
        )
}

/// The type of what a noun at the head of an apposition names ("a small town", "l'entreprise
/// familiale", "the music festival"), if it names places, organisations or other things.
fn apposition_noun(word: &str) -> Option<EntityType> {
    Some(match word {
        "town" | "village" | "city" | "hamlet" | "suburb" | "district" | "market" | "island"
        | "river" | "lake" | "valley" | "region" | "province" | "county" | "port" | "harbour"
        | "harbor" | "beach" | "township" | "neighbourhood" | "neighborhood" | "settlement"
        | "municipality" | "ville" | "bourg" | "hameau" | "commune" | "quartier" | "île"
        | "rivière" | "fleuve" | "lac" | "vallée" | "région" | "plage" | "marché" | "banlieue" => {
            EntityType::Location
        }
        "firm" | "company" | "group" | "charity" | "agency" | "association" | "bank"
        | "insurer" | "airline" | "union" | "retailer" | "chain" | "manufacturer" | "maker"
        | "carmaker" | "operator" | "startup" | "start-up" | "cooperative" | "co-op" | "ngo"
        | "club" | "newspaper" | "broadcaster" | "publisher" | "regulator" | "watchdog"
        | "société" | "entreprise" | "groupe" | "banque" | "assureur" | "compagnie"
        | "syndicat" | "enseigne" | "fabricant" | "constructeur" | "opérateur"
        | "équipementier" | "coopérative" | "quotidien" | "hebdomadaire" | "fondation"
        | "mutuelle" | "ong" | "transporteur" | "distributeur" => EntityType::Organization,
        "festival" | "novel" | "album" | "roman" => EntityType::Misc,
        _ => return None,
    })
}

/// Whether `word` is the head word of a landform that is no surname ("Island", "Glacier";
/// not "Lake", "Bay" or "Hill").
fn is_landform(word: &str) -> bool {
    matches!(
        word,
        "Island"
            | "Islands"
            | "Harbour"
            | "Harbor"
            | "Reef"
            | "Glacier"
            | "Canyon"
            | "Peninsula"
            | "Mountain"
            | "Mountains"
            | "Gulf"
    )
}

/// Whether `word` has the ending of an English plural agent noun or of a participle
/// ("Operators", "Organisers", "Residents", "Neighbouring").
fn is_describing_shape(word: &str) -> bool {
    // (Not a singular agent noun: "Archer Daniels Midland", "Baker Hughes" are surnames.)
    word.len() > 4
        && ["ers", "ors", "ing", "ists", "ents", "ants"]
            .iter()
            .any(|s| word.ends_with(s))
}

/// Whether `word` (as written) is a possessive determiner: "sa", "leurs", "his", "my" (not
/// "her", also an object: "they told her Kovacs had left").
fn is_possessive_determiner(word: &str) -> bool {
    matches!(
        word,
        "mon"
            | "ton"
            | "son"
            | "ma"
            | "ta"
            | "sa"
            | "mes"
            | "tes"
            | "ses"
            | "notre"
            | "votre"
            | "nos"
            | "vos"
            | "leur"
            | "leurs"
            | "my"
            | "his"
            | "its"
            | "our"
            | "your"
            | "their"
    )
}

/// Whether `word` (as written) names a road before its number: "Highway 11", "Hwy 11",
/// "Interstate 95", "Route 66", and the codes of French departmental and national roads and
/// of Indian and New Zealand highways ("RD 947", "RN 7", "NH 715", "SH 1").
fn is_road_word(word: &str) -> bool {
    matches!(
        word,
        "Highway" | "Hwy" | "Interstate" | "Route" | "RD" | "RN" | "NH" | "SH"
    )
}

/// Whether `word` (keyed) is the field of a state agency or national sports body named after
/// its country, province or region ("Natural England", "Tourism Ireland", "Statistics Canada",
/// "Health New Zealand", "Santé Québec", "Curling Canada", "Team Canada", "Timber NSW").
fn is_agency_word(word: &str) -> bool {
    matches!(
        word,
        "natural"
            | "historic"
            | "sport"
            | "sports"
            | "health"
            | "tourism"
            | "infrastructure"
            | "engineers"
            | "statistics"
            | "parks"
            | "environment"
            | "transport"
            | "education"
            | "skills"
            | "enterprise"
            | "forestry"
            | "fisheries"
            | "biosecurity"
            | "agriculture"
            | "police"
            | "creative"
            | "screen"
            | "heritage"
            | "water"
            | "sante"
            | "emploi"
            | "transports"
            | "tourisme"
            | "investissement"
            | "loto"
            | "hydro"
            // Industry bodies: "Timber NSW", "Dairy Australia", "Wine Australia".
            | "timber"
            | "dairy"
            | "wine"
            | "cotton"
            | "grain"
            | "wool"
            | "seafood"
            | "horticulture"
            // National sports bodies and teams: "Curling Canada", "Athletics Kenya",
            // "Team Canada".
            | "team"
            | "athletics"
            | "curling"
            | "hockey"
            | "cricket"
            | "rugby"
            | "cycling"
            | "swimming"
            | "tennis"
            | "golf"
            | "football"
            | "rowing"
            | "sailing"
            | "basketball"
            | "netball"
            | "volleyball"
            | "triathlon"
            | "canoe"
            | "judo"
            | "gymnastics"
            | "baseball"
            | "softball"
            | "bowls"
            | "surfing"
            | "snowsports"
    )
}

/// Whether `word` (lowercase, as written) is a noun of places that, right after a name, makes
/// it a place ("the Mineirão stadium", "the Kusile mine", "the Hawkesbury river").
fn is_place_noun(word: &str) -> bool {
    matches!(
        word,
        "stadium"
            | "arena"
            | "racecourse"
            | "airport"
            | "airfield"
            | "station"
            | "mine"
            | "mines"
            | "dam"
            | "reservoir"
            | "river"
            | "creek"
            | "valley"
            | "suburb"
            | "neighbourhood"
            | "neighborhood"
            | "township"
            | "village"
            | "district"
            | "districts"
            | "county"
            | "depot"
            | "peninsula"
            | "estuary"
            | "site"
            | "campground"
            | "campsite"
            | "quarry"
            | "oilfield"
            | "gorge"
            | "wetlands"
            | "basin"
            | "catchment"
            | "watershed"
            | "plateau"
            | "beach"
            | "harbour"
            | "harbor"
            | "venue"
            | "field"
            | "block"
            | "corridor"
            | "tunnel"
            | "pier"
            | "rivière"
            | "fleuve"
            | "lac"
            | "bourgade"
            | "vallée"
            | "presqu'île"
            | "presqu’île"
            | "île"
            | "plage"
            | "quartier"
    )
}

/// Whether `word` (lowercase, as written) names a place someone owns or runs, after a
/// possessive and a name ("its Oppama plant", "his Mar-a-Lago estate"): a noun of places, a
/// firm's site or a home.
fn is_site_noun(word: &str) -> bool {
    is_place_noun(word)
        || matches!(
            word,
            "plant"
                | "plants"
                | "factory"
                | "sites"
                | "yard"
                | "refinery"
                | "smelter"
                | "facility"
                | "terminal"
                | "warehouse"
                | "campus"
                | "estate"
                | "home"
                | "house"
                | "resort"
                | "ranch"
                | "farm"
                | "usine"
                | "raffinerie"
                | "entrepôt"
        )
}

/// The length of a "+" right after a name and before no letter or digit, which belongs to it
/// ("Canal+", "Disney+"): 1 or 0.
fn suffix_plus(text: &str, last: &NameToken<'_>) -> usize {
    let rest = &text.as_bytes()[last.end.min(text.len())..];
    usize::from(
        rest.first() == Some(&b'+')
            && rest
                .get(1)
                .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'+'),
    )
}

/// The length of the period after "Jr" or "Sr", which belongs to the name ("Robert F. Kennedy
/// Jr."): 1 or 0.
fn suffix_dot(text: &str, last: &NameToken<'_>) -> usize {
    usize::from(matches!(last.text, "Jr" | "Sr") && text.as_bytes().get(last.end) == Some(&b'.'))
}

/// Head words of laws, treaties and agreements ("Act", "Bill", "Agreement").
fn is_law_head(word: &str) -> bool {
    matches!(
        word,
        "Act" | "Bill" | "Acts" | "Agreement" | "Treaty" | "Regulation" | "Regulations"
    )
}

/// Whether capitalised words from token `q` end with a law's head word within a few words
/// ("… and Museums Act 1964").
fn law_after_and(toks: &[NameToken<'_>], q: usize) -> bool {
    toks.iter()
        .skip(q)
        .take(4)
        .take_while(|t| t.joined && t.shape == Shape::Cap && t.elision.is_empty())
        .any(|t| is_law_head(t.text))
}

/// The model or edition number right after the name ending at token `last` ("Peugeot 3008",
/// "Nintendo Switch 2", "ATR 72", "JO 2030"): a number of one to four digits, then punctuation,
/// the end of the text or a stop word (not "Paris 200 personnes").
fn model_number(text: &str, toks: &[NameToken<'_>], last: usize) -> Option<usize> {
    let n = toks.get(last + 1)?;
    // Not a score or a range ("beat Wanderers 2-1", "3/4", "2,5").
    let mut after = text[n.end..].chars();
    let score = match after.next() {
        Some('-' | '–' | '/' | ':') => true,
        Some(',' | '.') => after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    let fits = !score
        && n.joined
        && n.shape == Shape::Number
        && (1..=4).contains(&n.text.len())
        && n.text.bytes().all(|b| b.is_ascii_digit())
        && !toks[last].possessive
        && toks
            .get(last + 2)
            .is_none_or(|a| !a.joined || (a.shape == Shape::Lower && with_key(a.text, stop)));
    fits.then_some(last + 1)
}

/// Whether the national park whose head word is `toks[h]` ("parc national", "Parc national")
/// is its body: the subject after "Le" opening a sentence, before an action ("a proposé"), or
/// after "pour le", "par le"… ("dans le parc national de la Vanoise", "Le parc national des
/// Calanques est situé" are the place).
fn park_body(toks: &[NameToken<'_>], h: usize) -> bool {
    h >= 1
        && matches!(toks[h].text, "parc" | "Parc")
        && toks.get(h + 1).is_some_and(|n| n.text == "national")
        && matches!(toks[h - 1].text, "Le" | "le")
        && toks[h].joined
        && ((toks[h - 1].sentence_start && acts_after(toks, h + 2))
            || (h >= 2
                && toks[h - 1].joined
                && matches!(toks[h - 2].text, "pour" | "par" | "avec" | "contre")))
}

/// Whether the first verb after the name that goes on from `toks[from]` is an action ("a
/// proposé", "interdira", ", qui finance"), not a state ("est situé", "a été fermé",
/// "s'étend", "accueille"): within ten words.
fn acts_after(toks: &[NameToken<'_>], from: usize) -> bool {
    for (k, t) in toks.iter().enumerate().skip(from).take(10) {
        if !t.elision.is_empty() {
            // "s'étend", "se trouve".
            if matches!(t.elision, "s" | "S") {
                return false;
            }
            continue;
        }
        if t.shape != Shape::Lower {
            continue;
        }
        match t.text {
            // ("a été fermé": a state.)
            "a" | "avait" | "ont" | "aura" => {
                return toks.get(k + 1).is_none_or(|n| n.text != "été");
            }
            "été" | "est" | "sera" | "était" | "se" | "accueille" | "compte" | "couvre"
            | "abrite" | "reste" => return false,
            "propose" | "interdit" | "finance" | "demande" | "annonce" | "recrute" | "lance"
            | "publie" | "réclame" | "recense" | "organise" | "installe" | "ferme" | "rouvre"
            | "autorise" | "prévoit" | "souhaite" | "veut" | "doit" | "va" => return true,
            w if w.len() > 5 && w.ends_with("ra") => return true,
            _ => {}
        }
    }
    false
}

/// The first token of a hyphenated code at `toks[i]` ("F-35A", "DOT-111", "KR-7"; with a
/// letter and a slash before it, "F/A-18"): one to four capitals, a hyphen, one to four digits
/// and at most two capitals. Not a road ("I-95", "A-10", "N-7", "M-25": one of the letters
/// roads take).
fn hyphen_code_at(text: &str, toks: &[NameToken<'_>], i: usize) -> Option<usize> {
    let (letters, rest) = toks[i].text.split_once('-')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let code = (1..=4).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase() || b == b'/')
        && letters
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_uppercase())
        && !letters.ends_with('/')
        && (1..=4).contains(&digits)
        && rest.len() - digits <= 2
        && rest.bytes().skip(digits).all(|b| b.is_ascii_uppercase())
        // (Not a countdown, a flat's size, an age group or a law's article: "J-3", "T-2",
        // "U-21", "L-121"; nor a summit, "G-7".)
        && !matches!(
            letters,
            "J" | "T" | "U" | "L" | "G" | "H" | "PM" | "UTC" | "GMT"
        );
    if !code {
        return None;
    }
    // "F/A-18": one capital and a slash right before.
    if i > 0 && text[..toks[i].start].ends_with('/') {
        let p = &toks[i - 1];
        if p.shape == Shape::Initial && p.end + 1 == toks[i].start {
            return Some(i - 1);
        }
    }
    let road = matches!(
        letters,
        "A" | "B" | "D" | "E" | "I" | "M" | "N" | "R" | "RN" | "RD" | "US" | "SR" | "CR"
    );
    (!road).then_some(i)
}

/// A model code: one capital letter and digits ("S1", "H2", "A320", "X5").
fn is_model_code(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
}

/// Whether a capitalised word has a capital inside ("GfK", "BriefCam", "OVHcloud").
fn has_inner_capital(word: &str) -> bool {
    let mut chars = word.chars().skip(1);
    let lower_seen = word.chars().any(char::is_lowercase);
    lower_seen
        && chars.any(char::is_uppercase)
        && !word.contains('-')
        && !word.starts_with("Mc")
        && !word.starts_with("Mac")
        && !word.contains('\'')
}

/// Whether the letters of `short` appear in order in `long`, the first letters equal.
fn subsequence(short: &str, long: &str) -> bool {
    let mut l = long.chars();
    let mut s = short.chars();
    match (s.next(), l.next()) {
        (Some(a), Some(b)) if a == b => {}
        _ => return false,
    }
    s.all(|c| l.any(|d| d == c))
}

impl Recognizer {
    /// A recognizer with these lists.
    pub fn new(gaz: Gazetteer) -> Self {
        Recognizer { gaz }
    }

    /// Its lists.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// The mentions of one text, a page of its own.
    pub fn detect(&self, text: &str) -> Vec<Mention> {
        self.detect_page(&[text]).pop().unwrap_or_default()
    }

    /// The mentions of each document of a page (an article's title, body and comments):
    /// aliases resolve across the page.
    pub fn detect_page(&self, texts: &[&str]) -> Vec<Vec<Mention>> {
        self.detect_article_page(texts, 0)
    }

    /// [`Recognizer::detect_page`] where the first `edited` texts are the newsroom's (see
    /// [`Recognizer::detect_page_edited`]).
    pub fn detect_article_page(&self, texts: &[&str], edited: usize) -> Vec<Vec<Mention>> {
        let words = Segmenter::default().words_of_each(texts);
        let words: Vec<&[(usize, usize)]> = words.iter().map(Vec::as_slice).collect();
        self.detect_page_edited(texts, &words, edited)
    }

    /// [`Recognizer::detect_page`] given the words of each text (as [`Segmenter::words`]
    /// gives them).
    pub fn detect_page_words(
        &self,
        texts: &[&str],
        words: &[&[(usize, usize)]],
    ) -> Vec<Vec<Mention>> {
        self.detect_page_edited(texts, words, 0)
    }

    /// [`Recognizer::detect_page_words`] where the first `edited` texts are the newsroom's (an
    /// article's title and text) and the others readers' comments. A newsroom names people in
    /// full or with a title: one word that nothing marks as a name (no list, cue, given name,
    /// fuller form or other evidence) and that only the newsroom's texts write is weak there
    /// (counted where the corpus confirms it), where a reader's bare "Farage" or "Sarko" is a
    /// person. Such a word is weak wherever it is written when it is a common word.
    pub fn detect_page_edited(
        &self,
        texts: &[&str],
        words: &[&[(usize, usize)]],
        edited: usize,
    ) -> Vec<Vec<Mention>> {
        let docs: Vec<Doc<'_>> = texts
            .iter()
            .zip(words)
            .map(|(text, spans)| {
                let mut tokens = Vec::new();
                tokenize_words(text, spans, &mut tokens);
                let caps_lines = caps_lines(&tokens);
                Doc {
                    text,
                    tokens,
                    caps_lines,
                    last_cue: std::cell::Cell::new(None),
                }
            })
            .collect();
        // Capitalised words seen where no capital is expected, and words seen lowercase.
        // Only the lowercase forms of capitalised words are ever asked about: collect those
        // first, then look the page's lowercase words up among them.
        let mut mid_caps: WordSet<'_> = WordSet::default();
        // (By hash: a collision only lets a lowercase word into `lower` that is never asked
        // about.)
        let mut wanted: hashbrown::HashSet<u64> = hashbrown::HashSet::default();
        let mut lengths = LengthFilter::default();
        // "de Villeneuve", "De Smet" inside a sentence after a name or a person cue: the page
        // writes the particle as part of the surname, so it stays at a sentence start too.
        let mut particle_names: PairSet<'_> = PairSet::default();
        let mut defined: WordSet<'_> = WordSet::default();
        let mut w = String::new();
        for d in &docs {
            for (j, t) in d.tokens.iter().enumerate() {
                if t.shape == Shape::Cap
                    && j >= 2
                    && t.joined
                    && t.elision.is_empty()
                    && d.tokens[j - 1].text.len() <= 4
                    && !d.tokens[j - 1].sentence_start
                    && d.tokens[j - 1].joined
                    && matches!(d.tokens[j - 2].shape, Shape::Cap | Shape::Initial)
                    && let Some(k) = particle_index(d.tokens[j - 1].text)
                {
                    particle_names.insert((k, t.text));
                }
                if matches!(t.shape, Shape::Cap | Shape::Upper) {
                    if !t.sentence_start && !d.caps(t.line) {
                        mid_caps.insert(t.text);
                    }
                    if t.shape == Shape::Upper
                        && t.raw_start > 0
                        && j > 0
                        && d.text.as_bytes()[t.raw_start - 1] == b'('
                        && d.text.as_bytes().get(t.end) == Some(&b')')
                        && defines_acronym(d.text, &d.tokens[..j], t.raw_start, &t.key())
                    {
                        defined.insert(t.text);
                    }
                    lowercase_into(t.text, &mut w);
                    lengths.insert(&w);
                    wanted.insert(xxh3_64(w.as_bytes()));
                }
            }
        }
        let mut lower: WordSet<'_> = WordSet::default();
        for d in &docs {
            for t in &d.tokens {
                if t.shape == Shape::Lower
                    && lengths.may_hold(t.text)
                    && wanted.contains(&xxh3_64(t.text.as_bytes()))
                {
                    lower.insert(t.text);
                }
            }
        }
        // The tokens stay as they are from here on: the lists may remember answers about them
        // (the scope ends before the documents are dropped).
        let _scope = self.gaz.page_scope();
        let mut cands = Vec::new();
        let mut works: Vec<String> = Vec::new();
        let page = Page {
            mid_caps: &mid_caps,
            mid_alone: std::cell::OnceCell::new(),
            surnames: std::cell::OnceCell::new(),
            lower: &lower,
            particle_names: &particle_names,
            defined: &defined,
            docs: &docs,
            dots: std::cell::OnceCell::new(),
            scratch: std::cell::RefCell::default(),
            edited,
        };
        for (di, d) in docs.iter().enumerate() {
            let from = cands.len();
            self.candidates(di, d, &page, &mut works, &mut cands);
            drop_contained(&mut cands, from);
            // "exposée au musée Guimet", "flown to Hervey Bay Hospital": a museum, a theatre
            // or a hospital one goes to or is in is a venue.
            for c in &mut cands[from..] {
                // (A lowercase head word begins the span before its first capitalised word.)
                let mut first = c.first_tok;
                while first > 0 && d.tokens[first - 1].start >= c.start {
                    first -= 1;
                }
                if venue_of_facility(&d.tokens, first, c.last_tok) {
                    // (It outvotes the head word's organisation.)
                    let most = c.votes.iter().copied().fold(0.0f32, f32::max);
                    c.votes[EntityType::Location.index()] = most + 0.5;
                }
            }
        }
        self.resolve(&docs, cands, &lower, edited)
    }

    /// Pushes the candidates of document `di` to `out`; `works` holds the titles of works
    /// found in the page so far, keyed.
    fn candidates(
        &self,
        di: usize,
        d: &Doc<'_>,
        page: &Page<'_, '_>,
        works: &mut Vec<String>,
        out: &mut Vec<Cand>,
    ) {
        let toks = &d.tokens;
        let spelled = self.acronym_spans(d);
        let mut next_spelled = 0;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            // A name spelled out before its acronym.
            while spelled.get(next_spelled).is_some_and(|s| s.0 < i) {
                next_spelled += 1;
            }
            if let Some(&(first, last, kind)) = spelled.get(next_spelled) {
                if first == i {
                    out.push(self.cued_cand(di, d, first, last, kind));
                    i = last + 1;
                    continue;
                }
                // "Le Syndicat des …": capitalised words right before it would take its first
                // word into their run.
                if first <= i + 2
                    && toks[i..first]
                        .iter()
                        .all(|t| t.shape != Shape::Lower && with_key(t.text, stop))
                    && toks[i + 1..=first].iter().all(|t| t.joined)
                {
                    i = first;
                    continue;
                }
            }
            // "Food and Agriculture Organization", "Minnesota Film and TV Board": a body whose
            // name joins two capitalised fields with "and".
            if t.shape == Shape::Cap {
                // (After "The", which is no part of it.)
                let first = if t.text == "The" && toks.get(i + 1).is_some_and(|n| n.joined) {
                    i + 1
                } else {
                    i
                };
                if let Some(last) = self.coordinated_body(toks, first) {
                    out.push(self.cued_cand(di, d, first, last, EntityType::Organization));
                    i = last + 1;
                    continue;
                }
            }
            // "US$2.3 billion", "A$40m": a country's code before a currency sign is no place.
            if t.shape == Shape::Upper && d.text.as_bytes().get(t.end) == Some(&b'$') {
                i += 1;
                continue;
            }
            // "sur X", "on X": a one-letter platform after "sur", "on", "via".
            if t.shape == Shape::Initial
                && !t.dot
                && i > 0
                && t.joined
                && t.elision.is_empty()
                && matches!(toks[i - 1].text, "sur" | "on" | "via")
                && with_key(t.text, |k| self.gaz.is_platform(k))
            {
                let mut c = self.cued_cand(di, d, i, i, EntityType::Misc);
                c.platform = true;
                out.push(c);
                i += 1;
                continue;
            }
            // "la RD 947", "NH 715", "Hwy 11": a road's code and its number; "State Highway
            // 35", "National Highway 10": with the network's word before it.
            // (A code in capitals after a lowercase word: not "Au premier tour, RN 33 %".)
            let network = usize::from(
                // (The shape and the length first: cheaper than the words, on every token.)
                t.shape == Shape::Cap
                    && t.text.len() >= 5
                    && matches!(t.text, "State" | "National" | "Provincial" | "County")
                    && t.elision.is_empty()
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| n.joined && n.text == "Highway"),
            );
            let r = if network == 0 { t } else { &toks[i + 1] };
            if matches!(r.shape, Shape::Upper | Shape::Cap)
                && r.elision.is_empty()
                && is_road_word(r.text)
                && (r.shape == Shape::Cap
                    || (i > 0 && r.joined && toks[i - 1].shape == Shape::Lower))
                && toks.get(i + network + 1).is_some_and(|n| {
                    n.joined
                        && n.shape == Shape::Number
                        && n.text.len() <= 3
                        && !d.text[n.end..].trim_start().starts_with('%')
                })
            {
                out.push(self.cued_cand(di, d, i, i + network + 1, EntityType::Location));
                i += network + 2;
                continue;
            }
            // "YREKA, Calif. —", "Leamington, Ont., where…", "MENINDEE, NSW —": a state's
            // or a province's abbreviation after a town and a comma.
            if matches!(t.shape, Shape::Cap | Shape::Upper)
                && i > 0
                && t.elision.is_empty()
                && matches!(toks[i - 1].shape, Shape::Cap | Shape::Upper)
                && toks[i - 1].line == t.line
                && d.text[toks[i - 1].end..t.raw_start].trim_end() == ","
                && let dotted = (t.dot || t.text.ends_with('.'))
                && let Some(full) = state_abbreviation(t.text.trim_end_matches('.'), dotted)
                // A dash, or after a dotted one a comma too; not the end of the text ("Thanks,
                // Miss.").
                && d.text[t.end..]
                    .trim_start_matches('.')
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| {
                        matches!(c, '—' | '–' | '-') || (dotted && matches!(c, ',' | ':' | ')' | ';'))
                    })
                && let Some(row) = self.gaz.place_row(full)
            {
                let mut c = self.listed_place(di, d, i, i, row);
                if dotted && d.text.as_bytes().get(t.end) == Some(&b'.') {
                    c.end = t.end + 1;
                }
                // The town before it is a place.
                if let Some(town) = out
                    .last_mut()
                    .filter(|c| c.doc == di && c.last_tok + 1 == i)
                {
                    vote(&mut town.votes, EntityType::Location, 2.0);
                    town.weak = false;
                }
                out.push(c);
                i += 1;
                continue;
            }
            // "F-35A", "DOT-111", "F/A-18", "F-5 Tiger": an aircraft's, a machine's or a
            // variety's code, with the capitalised name that may follow it.
            if matches!(t.shape, Shape::Upper | Shape::Initial)
                && t.text.len() <= 11
                && t.text.as_bytes()[1..].contains(&b'-')
                && let Some(code) = hyphen_code_at(d.text, toks, i)
                // ("AK-47", "GPT-5": a listed code keeps its entry.)
                && self.gaz.longest(toks, code, false).is_none()
            {
                let mut last = i;
                if let Some(n) = toks.get(i + 1)
                    && n.joined
                    && n.shape == Shape::Cap
                    && !n.sentence_start
                    && !n.possessive
                    // (One word: not "F-16 Fighting Falcon", "F-35 Program Office".)
                    && toks
                        .get(i + 2)
                        .is_none_or(|a| !(a.joined && a.shape.starts_name()))
                    && self.gaz.head(n.text, HeadPos::Last).is_none()
                    && !self.gaz.lists_place(n.text)
                    && !self.gaz.is_given(n.text)
                {
                    last = i + 1;
                }
                out.push(self.cued_cand(di, d, code, last, EntityType::Misc));
                i = last + 1;
                continue;
            }
            // "l'A9", "l'A812": a French motorway.
            if t.shape == Shape::Initial
                && !t.dot
                && matches!(t.elision, "l" | "L")
                && t.text.len() <= 4
                && t.text.starts_with('A')
                && is_model_code(t.text)
            {
                out.push(self.cued_cand(di, d, i, i, EntityType::Location));
                i += 1;
                continue;
            }
            // "Mme vauthier", "Judge dimarco-hale", "Dr le hénaff": a commenter's lowercase
            // surname after a courtesy title, with its particle.
            if t.shape == Shape::Lower
                && i > 0
                && t.joined
                && t.elision.is_empty()
                && !t.hyphen_before
                // (A title is capitalised: most words before are not.)
                && toks[i - 1].shape != Shape::Lower
                && (is_courtesy_title(toks[i - 1].text) || toks[i - 1].text == "Judge")
            {
                let mut last = if particle_index(t.text).is_some()
                    && toks.get(i + 1).is_some_and(|n| {
                        n.joined && n.shape == Shape::Lower && n.elision.is_empty()
                    }) {
                    i + 1
                } else {
                    i
                };
                let w = toks[last].text;
                // "dimarco-hale": the parts of a hyphenated surname.
                last = lower_hyphen_run_end(d, last);
                if w.chars().count() >= 3
                    && particle_index(w).is_none()
                    && !self.gaz.is_common(w)
                    && !with_key(w, stop)
                {
                    out.push(self.cued_cand(di, d, i, last, EntityType::Person));
                    i = last + 1;
                    continue;
                }
            }
            // "ikea", "netflix", "tiktok": a listed one-word organisation or named thing that
            // a commenter writes in lowercase.
            if t.shape == Shape::Lower
                // "à l'urssaf", "d'airbnb": an elided article before it.
                && matches!(t.elision, "" | "l" | "L" | "d" | "D")
                && !t.hyphen_before
                && let Some(row) = self.gaz.lower_name(t.text)
            {
                let mut c = self.cand(di, d, i, i);
                c.row = Some(row);
                vote(&mut c.votes, self.gaz.row(row).kind, 3.0);
                self.context_votes(d, i, &mut c);
                out.push(c);
                i += 1;
                continue;
            }
            // "né à embrun", "il bosse à bordeaux": a listed town a reader writes in lowercase
            // after being born, living or working there, though a common word spells it.
            if di >= page.edited
                && t.shape == Shape::Lower
                && i >= 2
                && t.joined
                && t.elision.is_empty()
                && !t.hyphen_before
                && t.text.len() >= 4
                && toks[i - 1].joined
                && matches!(toks[i - 1].text, "à" | "a")
                && matches!(
                    toks[i - 2].text,
                    "né" | "née"
                        | "nés"
                        | "nées"
                        | "habite"
                        | "habites"
                        | "habitent"
                        | "habité"
                        | "vis"
                        | "vit"
                        | "vivent"
                        | "vécu"
                        | "bosse"
                        | "bosses"
                        | "bossé"
                        | "travaille"
                        | "travailles"
                        | "travaillé"
                        | "grandi"
                        | "installé"
                        | "installée"
                )
                // (Not "il travaille à tours de bras", "à sens unique": a phrase goes on; nor
                // a part of a hyphenated name, "porto-vecchio".)
                && toks.get(i + 1).is_none_or(|n| {
                    !(n.hyphen_before
                        || (n.joined
                            && n.shape == Shape::Lower
                            && n.elision.is_empty()
                            && is_adjective(n.text))
                        || (n.joined && matches!(n.text, "de" | "du" | "des")))
                })
                && let Some(row) = self.gaz.place_row(t.text)
                && self.gaz.row(row).is_settled_place()
                && !self.gaz.is_given(t.text)
            {
                out.push(self.listed_place(di, d, i, i, row));
                i += 1;
                continue;
            }
            // "à st malo", "jusqu'à st brieuc", "vers saint malo": a saint's town written in
            // lowercase after a preposition of place (not "de": "la fête de saint joseph"),
            // the listed town whose hyphenated name it spells.
            if t.shape == Shape::Lower
                && i > 0
                && t.joined
                && t.elision.is_empty()
                && matches!(t.text, "st" | "ste" | "saint" | "sainte")
                && matches!(toks[i - 1].text, "à" | "au" | "depuis" | "vers" | "entre")
                && let Some(last) = self.saint_town_end(d, i)
            {
                out.push(self.listed_place(di, d, i, last.0, last.1));
                i = last.0 + 1;
                continue;
            }
            // "grew up in baton rouge", "un spa à chatel guyon", "à la chaux de fonds": a
            // listed place of several words that a reader writes in lowercase after a
            // preposition of place (a saint's town only after the prepositions above).
            if di >= page.edited
                && t.shape == Shape::Lower
                && i > 0
                && t.joined
                && t.elision.is_empty()
                && !t.hyphen_before
                && is_place_preposition(toks[i - 1].text)
                && !matches!(t.text, "st" | "ste" | "saint" | "sainte")
                // (A name of several lowercase words: the next one is lowercase too, after a
                // space or a hyphen.)
                && toks.get(i + 1).is_some_and(|n| {
                    (n.joined || n.hyphen_before)
                        && n.shape == Shape::Lower
                        && n.elision.is_empty()
                })
                && let Some((row, n)) = self.gaz.lower_place_phrase(toks, i)
                && toks.get(i + n).is_none_or(|m| !m.hyphen_before)
                // Not "à la garde", "de la réunion", "des moines", "au nord est": under four
                // words, one after the article that no dictionary holds ("à la rochelle").
                && (n >= 4
                    || toks[i..i + n]
                        .iter()
                        .skip(usize::from(matches!(
                            t.text,
                            "le" | "la" | "les" | "des" | "du" | "de"
                        )))
                        .any(|w| !with_key(w.text, stop) && !self.gaz.is_common(w.text)))
            {
                out.push(self.listed_place(di, d, i, i + n - 1, row));
                i += n;
                continue;
            }
            // "j'ai grandi à clisson", "from cork", "entre rodez et millau": a listed place
            // that a commenter writes in lowercase after a preposition of place, or after
            // "et", "and", "ou", "or" that follow such a place (no common word or given name,
            // unless the page writes the place capitalised too).
            if t.shape == Shape::Lower
                && i > 0
                && t.joined
                && t.elision.is_empty()
                && !t.hyphen_before
                && t.text.len() >= 4
                && (is_place_preposition(toks[i - 1].text)
                    || (matches!(toks[i - 1].text, "et" | "and" | "ou" | "or")
                        && out.last().is_some_and(|c: &Cand| {
                            c.doc == di
                                && c.last_tok + 2 == i
                                && c.votes[EntityType::Location.index()] >= 3.0
                        })))
                && toks.get(i + 1).is_none_or(|n| !n.hyphen_before)
                && let Some(row) = self.gaz.place_row(t.text)
                && (!self.gaz.is_common(t.text)
                    || page.lower.contains(t.text)
                    // "en france", "in turkey": a country after "en" or "in", though its
                    // name is also a word.
                    || (matches!(toks[i - 1].text, "en" | "in")
                        && self.gaz.row(row).subtype == "country")
                    // "un changement à paris, une blague", "from cork in 2018": a city after
                    // "à", "in", "from", then punctuation or a small word ("à tours de bras",
                    // "à sens unique" are no places).
                    || (matches!(toks[i - 1].text, "à" | "depuis" | "vers" | "in" | "from")
                        && self.gaz.row(row).subtype == "city"
                        && toks.get(i + 1).is_none_or(|n| {
                            let english = matches!(toks[i - 1].text, "in" | "from");
                            let gap = d.text[t.end..n.raw_start].trim_start();
                            // ("à tours et à travers", "in nice and warm weather")
                            let idiom = matches!(n.text, "and" | "or")
                                || (matches!(n.text, "et" | "ou")
                                    && toks.get(i + 2).is_some_and(|m| m.text == "à"));
                            (!n.joined && (!english || gap.starts_with(['.', '!', '?'])))
                                || (n.joined
                                    && n.elision.is_empty()
                                    && !matches!(n.text, "de" | "du" | "des")
                                    && !idiom
                                    && (with_key(n.text, stop)
                                        // "à bordeaux comme d'hab", "à paris lol": a
                                        // reader's words (not an article's "canne à sucre
                                        // depuis").
                                        || di >= page.edited && matches!(
                                            n.text,
                                            "comme"
                                                | "depuis"
                                                | "pendant"
                                                | "chaque"
                                                | "demain"
                                                | "hier"
                                                | "lol"
                                                | "mdr"
                                                | "ptdr"
                                        )))
                        })))
                && !self.gaz.is_given(t.text)
                && !with_key(t.text, stop)
            {
                out.push(self.listed_place(di, d, i, i, row));
                i += 1;
                continue;
            }
            // "on skiait à albiez", "grew up in gurgaon": a reader's lowercase word after a
            // preposition of place that no list holds and no dictionary knows, before
            // punctuation or a known word ("à albiez avec", not "in january", "à grande");
            // also after a journey's "to" ("took the metro to vypin").
            if di >= page.edited
                && t.shape == Shape::Lower
                && i > 0
                && (matches!(
                    toks[i - 1].text,
                    "à" | "depuis" | "vers" | "in" | "from" | "near"
                ) || (toks[i - 1].text == "to"
                    && i >= 2
                    && toks[i - 1].joined
                    && is_journey_word(toks[i - 2].text)))
                && t.joined
                // (Not "depuis tjrs", "vers qqch": a reader's abbreviation.)
                && Self::plain_reader_word(t, 4)
                // ("à pavie samedi", "à thonon comme un idiot": a known word after it, no
                // complement; not "in chandni chowk", one name of two unknown words.)
                && toks.get(i + 1).is_none_or(|n| {
                    !n.hyphen_before
                        && (!n.joined
                            || (n.elision.is_empty()
                                && !matches!(n.text, "de" | "du" | "des" | "of")
                                && (with_key(n.text, stop) || self.gaz.is_common(n.text))))
                })
                && self.unknown_word(page, t)
                && !self.gaz.is_given(t.text)
            {
                let mut c = self.cand(di, d, i, i);
                vote(&mut c.votes, EntityType::Location, 2.0);
                out.push(c);
                i += 1;
                continue;
            }
            // "canberra makes the rules", "tout manosque": a listed town, region or country a
            // reader writes in lowercase anywhere, when its name is no common word or given
            // name, and no lowercase name holds it ("le stade de reims", "east belfast").
            if di >= page.edited
                && t.shape == Shape::Lower
                && matches!(t.elision, "" | "l" | "d")
                && !t.hyphen_before
                && t.text.len() >= 4
                && self.gaz.may_be_place(t.text)
                && t.text.chars().count() >= 4
                // ("que ça vienne": the verb, not Vienna.)
                && !matches!(t.text, "vienne" | "viennes")
                && let Some(row) = self.gaz.place_row(t.text)
                && toks.get(i + 1).is_none_or(|n| !(n.hyphen_before && n.joined))
                && (i == 0 || !t.joined || {
                    let prev = &toks[i - 1];
                    // "east belfast", "haut jura": a place's adjective.
                    let held = is_place_adjective(prev.text)
                        // "qu'on vienne", "que Hermès vienne": a verb after its subject.
                        || is_subject_pronoun(prev.text)
                        || (prev.shape.starts_name() && !prev.sentence_start)
                        // "george washington": a name in lowercase.
                        || (prev.shape == Shape::Lower && self.gaz.is_given(prev.text))
                        // "le stade de reims", "le TA de grenoble": a lowercase name.
                        || (matches!(prev.text, "de" | "du" | "des" | "of")
                            && i >= 2
                            && (toks[i - 2].shape == Shape::Upper
                                || self.gaz.head(toks[i - 2].text, HeadPos::First).is_some()
                                || self.gaz.lower_head(toks[i - 2].text).is_some()));
                    !held
                })
                && toks.get(i + 1).is_none_or(|n| {
                    !n.joined
                        || n.shape != Shape::Lower
                        || (self.gaz.place_row(n.text).is_none()
                            && self.gaz.head(n.text, HeadPos::Last).is_none())
                })
                && self.gaz.row(row).is_settled_place()
                && !with_key(t.text, stop)
                && !self.gaz.is_common(t.text)
                && !self.gaz.is_given(t.text)
                && !self.gaz.is_not_entity(t.text)
                // A page that writes it as a person's surname means the person ("Michel
                // Rousset", then "rousset").
                && !(page.lower.contains(t.text)
                    && self
                        .page_surnames(page)
                        .contains(&xxh3_64(t.text.as_bytes())))
            {
                out.push(self.listed_place(di, d, i, i, row));
                i += 1;
                continue;
            }
            // "bravo beñat", "merci pocco", "fair play to dwan": a reader's lowercase word
            // after praise or thanks, when it is no word of the dictionary, list or page name;
            // a given name though a word inflects to it ("courage germaine", "merci martine").
            if di >= page.edited
                && t.shape == Shape::Lower
                && i > 0
                && t.joined
                && (cheers_before(toks, i) || kin_before(toks, i))
                && !is_kin_word(t.text)
                // (Not "merci bcp", "well done nhs": an abbreviation or acronym.)
                && Self::plain_reader_word(t, 3)
                && (self.unknown_word(page, t) || self.cheered_given_name(page, toks, i))
                && self.gaz.place_row(t.text).is_none()
            {
                // "salminen-ward": the parts of a hyphenated surname.
                let last = lower_hyphen_run_end(d, i);
                let mut c = self.cand(di, d, i, last);
                vote(&mut c.votes, EntityType::Person, 2.0);
                out.push(c);
                i = last + 1;
                continue;
            }
            // "et jean-marc qui la défendait", "marie-claude et les mamans": a reader's
            // compound given name in lowercase, no word of the dictionary.
            if di >= page.edited
                && t.shape == Shape::Lower
                && t.elision.is_empty()
                && !t.hyphen_before
                && t.text.len() >= 3
                && toks.get(i + 1).is_some_and(|n| n.hyphen_before && n.text.len() >= 3)
                && lower_hyphen_run_end(d, i) == i + 1
                && self.gaz.is_given(t.text)
                && self.gaz.is_given(toks[i + 1].text)
                // (Not a street or a thing: "rue victor-hugo", "une marie-louise"; nor the
                // first part of a full name, "jean-luc mélenchon", left whole to other rules.)
                && (i == 0
                    || !t.joined
                    || (self.gaz.lower_head(toks[i - 1].text).is_none()
                        && !matches!(
                            toks[i - 1].text,
                            "un" | "une" | "le" | "la" | "les" | "des" | "du" | "de"
                        )))
                && toks.get(i + 2).is_none_or(|n| {
                    !(n.joined
                        && n.shape == Shape::Lower
                        && n.elision.is_empty()
                        && !with_key(n.text, stop)
                        && !self.gaz.is_common(n.text))
                })
                && {
                    let whole = &d.text[t.start..toks[i + 1].end];
                    !self.gaz.is_common(whole)
                        && !self.gaz.is_not_entity(whole)
                        && self.gaz.place_row(whole).is_none()
                }
                && self.gaz.longest(toks, i, false).is_none()
            {
                let mut c = self.cand(di, d, i, i + 1);
                vote(&mut c.votes, EntityType::Person, 2.0);
                out.push(c);
                i += 2;
                continue;
            }
            // "along the B6479", "the M621", "sur la N20", "l'A10": a road's number after an
            // article is a place.
            if t.shape == Shape::Initial
                && is_road_number(t.text)
                // (Not a listed name: "la M6" is a television channel.)
                && self.gaz.longest(toks, i, false).is_none()
                && (matches!(t.elision, "l" | "L")
                    || (i > 0
                        && t.joined
                        && t.elision.is_empty()
                        && matches!(toks[i - 1].text, "the" | "la" | "La" | "The")))
            {
                let mut c = self.cand(di, d, i, i);
                vote(&mut c.votes, EntityType::Location, 3.0);
                out.push(c);
                i += 1;
                continue;
            }
            if !t.shape.starts_name()
                || (t.shape == Shape::Initial && !t.dot && !gaelic_particle(toks, i))
                || t.hyphen_before
            {
                i += 1;
                continue;
            }
            // "En Suisse, Swissmedic a…", "In Turkey, …": a sentence's "En" or "In" before a
            // country is no part of its name (the country, also a nationality, is a place).
            if matches!(t.text, "En" | "In")
                && t.sentence_start
                && toks.get(i + 1).is_some_and(|n| {
                    n.joined
                        && n.elision.is_empty()
                        && n.shape == Shape::Cap
                        && toks
                            .get(i + 2)
                            .is_none_or(|m| !(m.joined && m.shape.starts_name()))
                        && self
                            .gaz
                            .place_row(n.text)
                            .is_some_and(|r| self.gaz.row(r).subtype == "country")
                })
            {
                i += 1;
                continue;
            }
            if phrase_word(toks, i) {
                i += 1;
                continue;
            }
            // "Atlantic salmon", "Sitka spruce", "Panama disease", "la maladie d'Alzheimer": a
            // name inside the name of a species or a disease.
            // ("la maladie de Johnny": a person's illness.)
            if let Some(end) = species_or_disease_name(toks, i)
                && !(end == i && self.gaz.is_given(t.text))
            {
                i = end + 1;
                continue;
            }
            // "son Swann d'or", "un Fauve d'or": a prize named by a word and its metal.
            if !t.sentence_start
                && t.shape == Shape::Cap
                && t.elision.is_empty()
                && !t.possessive
                && toks.get(i + 1).is_some_and(|n| {
                    n.joined
                        && matches!(n.elision, "d" | "D")
                        && matches!(n.text, "or" | "argent" | "bronze" | "cristal")
                })
                && toks
                    .get(i + 2)
                    .is_none_or(|a| !(a.joined && a.shape.starts_name()))
                // (A listed prize written with its metal in lowercase: "le Ballon d'or".)
                && let listed = self.gaz.longest(toks, i, false)
                && match listed {
                    Some((r, n)) => n == 2 && self.gaz.row(r).kind == EntityType::Misc,
                    None => !self.gaz.is_common(t.text),
                }
            {
                let mut c = self.cand(di, d, i, i + 1);
                c.row = listed.map(|(r, _)| r);
                vote(&mut c.votes, EntityType::Misc, 3.0);
                out.push(c);
                i += 2;
                continue;
            }
            // "@Nono_du_Cher", "@Massilia13": user handles are no names.
            if d.text[..t.raw_start].ends_with('@') || t.text.contains('_') {
                i += 1;
                continue;
            }
            // "l'association Chalets fantômes", "le label Entreprise du patrimoine vivant":
            // a French name in sentence case after the noun of its kind.
            if let Some((last, kind)) = self.sentence_case_name(d, i) {
                out.push(self.cued_cand(di, d, i, last, kind));
                i = last + 1;
                continue;
            }
            // A title in quotes that a work noun announces: « Les Traboules », "Kitchen Table
            // Truths".
            if let Some(last) = self.quoted_work(d, i, works) {
                out.push(self.cued_cand(di, d, i, last, EntityType::Misc));
                i = last + 1;
                continue;
            }
            let caps_line = d.caps(t.line);
            // "la Région Bretagne", "l'ARS Centre-Val de Loire", "CHU de Nantes": a territorial
            // body before a listed place is one organisation.
            // (After a capitalised article too: "La Région Bretagne".)
            let body_at = if matches!(t.text, "La" | "Le" | "Les" | "The")
                && toks.get(i + 1).is_some_and(|n| n.joined)
            {
                i + 1
            } else {
                i
            };
            if let Some(last) = self.body_of_place(toks, body_at, caps_line) {
                out.push(self.cued_cand(di, d, body_at, last, EntityType::Organization));
                i = last + 1;
                continue;
            }
            // "financé par la région Occitanie", "La région Bretagne, qui a prêté…": the
            // region as a body that acts (its council), not the territory: "dans la région
            // Sava", "sur toute la région", "les orages ont frappé la région", "les habitants
            // de la région", "la région d'Arcachon", "le président de la région Grand Est".
            if i >= 2
                && t.joined
                && t.elision.is_empty()
                && toks[i - 1].text == "région"
                && toks[i - 1].joined
                && matches!(toks[i - 2].text, "la" | "La")
                && toks[i - 2].elision.is_empty()
                && !(i >= 3
                    && toks[i - 2].joined
                    && (matches!(
                        toks[i - 3].text,
                        "dans" | "toute" | "sur" | "travers" | "traverse" | "frappé" | "frappée"
                            | "touché" | "touchée" | "partout" | "visiter"
                    )
                        // ("la préfecture de la région Pays de la Loire" is the prefecture's;
                        // "les habitants de la région Bretagne" live in the territory.)
                        || (toks[i - 3].text == "de"
                            && i >= 4
                            && (with_key(toks[i - 4].text, |k| k.contains("presiden"))
                                || matches!(
                                    toks[i - 4].text,
                                    "habitants" | "communes" | "villes" | "départements" | "routes"
                                )
                                || self.gaz.lower_head(toks[i - 4].text).is_some()))))
                && let Some((row, n)) = self.gaz.longest(toks, i, caps_line)
                && self.gaz.row(row).kind == EntityType::Location
                && toks
                    .get(i + n)
                    .is_none_or(|a| !(a.joined && matches!(a.shape, Shape::Cap | Shape::Upper)))
            {
                out.push(self.cued_cand(di, d, i - 1, i + n - 1, EntityType::Organization));
                i += n;
                continue;
            }
            // "la place de la Libération", "rue de Paris": a listed name after the head of a
            // street names the street or the square.
            let listed = self.gaz.longest(toks, i, caps_line).filter(|&(_, n)| {
                // ("Le Port autonome de Kribi": no town "Le Port".)
                !(toks[i + n - 1].text == "Port"
                    && toks.get(i + n).is_some_and(|a| a.text == "autonome"))
                    && self.lower_head_before(toks, i).is_none_or(|(h, _)| {
                        !matches!(
                            toks[h].text,
                            "rue" | "place" | "quai" | "avenue" | "boulevard" | "allée" | "impasse"
                        )
                    })
            });
            // "la ligne Bordeaux-Nantes", "mon train Toulon-Marseille": two listed places
            // joined by a hyphen are two places.
            if listed.is_none()
                && t.shape == Shape::Cap
                && let Some((a, b)) = t.text.split_once('-')
                && !b.contains('-')
                && b.starts_with(char::is_uppercase)
                && let (Some(ra), Some(rb)) = (self.gaz.place_row(a), self.gaz.place_row(b))
                // "l'aéroport de Toulouse-Blagnac" is one place.
                && self.lower_head_before(toks, i).is_none()
            {
                for (row, start, end) in [
                    (ra, t.start, t.start + a.len()),
                    (rb, t.end - b.len(), t.end),
                ] {
                    let mut c = self.cand(di, d, i, i);
                    (c.start, c.end) = (start, end);
                    c.parts = smallvec::smallvec![Part::from(key_of(&d.text[start..end]))];
                    c.row = Some(row);
                    c.acronym = false;
                    vote(&mut c.votes, EntityType::Location, 3.0);
                    out.push(c);
                }
                i += 1;
                continue;
            }
            let before = out.len();
            let mut run = self.run(d.text, toks, i);
            // "Bath and North East Somerset Council": a listed place longer than the run,
            // followed by an organisation's head word, names the place's body.
            if let Some((_, n)) = listed
                && n > run
                && toks.get(i + n).is_some_and(|t| {
                    t.joined
                        && t.shape == Shape::Cap
                        && t.elision.is_empty()
                        && !toks[i + n - 1].possessive
                        && self.gaz.head(t.text, HeadPos::Last) == Some(EntityType::Organization)
                })
            {
                run = n + 1;
            }
            // The run's last word, a number after it left out ("Scotland Act 1998").
            let last_word = toks[i..i + run]
                .iter()
                .rev()
                .find(|t| t.shape != Shape::Number)
                .map_or("", |t| t.text);
            let explained_run = run > 1 && {
                let first = &toks[i];
                self.gaz.is_given(first.text)
                    || self.gaz.head(first.text, HeadPos::First).is_some()
                    || self.gaz.head(last_word, HeadPos::Last).is_some()
            };
            // "Plymouth Argyle", "Montpellier Handball", "Nantes Métropole": a listed place
            // followed by capitalised words that are no place names an organisation.
            let place_org = listed.is_some_and(|(row, n)| {
                self.gaz.row(row).kind == EntityType::Location
                    && run > n
                    // "Chicago Marathon", "Michigan Avenue", "Arizona Consumer Fraud Act": a
                    // head word of another type types the whole name.
                    && self
                        .gaz
                        .head(last_word, HeadPos::Last)
                        .is_none_or(|k| k == EntityType::Organization)
                    && !toks[i + n].possessive
                    && !toks[i + n - 1].possessive
                    && !self.gaz.is_given(toks[i + n].text)
                    && self
                        .gaz
                        .longest(toks, i + n, caps_line)
                        .is_none_or(|(r, _)| self.gaz.row(r).kind != EntityType::Location)
                    // "coach Brent MacAulay": a person's name after a role.
                    && self.preceding_cue(d, i) != Some(EntityType::Person)
                    // ("THETFORD MINES –": a dateline's town.)
                    && !dateline(d, i, i + run - 1)
                    // "Gilbert Faure", "Florence Dumas-Lafitte": a place that is also a given
                    // name, before a surname that is no common word ("Orlando Magic", "Sydney
                    // Swans" stay teams), begins a person's name.
                    && !(n == 1
                        && run == 2
                        && self.gaz.is_given(toks[i].text)
                        && toks[i + 1].shape == Shape::Cap
                        && !self.gaz.is_common(toks[i + 1].text)
                        && self.gaz.head(toks[i + 1].text, HeadPos::Last).is_none())
            });
            // "Ontario Transportation Minister Prabmeet Sarkaria", "Lagos State Governor X": a
            // person's title after the place ends the place and begins a person's name.
            let titled = place_org
                && listed.is_some_and(|(_, n)| {
                    toks[i + n..i + run - 1].iter().any(|t| {
                        // ("Nunavut MP Lori Idlout": a member's title in capitals.)
                        (t.shape == Shape::Cap
                            || (t.shape == Shape::Upper
                                && matches!(t.text, "MP" | "MLA" | "MEP" | "MSP" | "MNA" | "MPP")))
                            && with_key(t.text, |k| self.gaz.cue(k)) == Some(EntityType::Person)
                    })
                });
            if titled && let Some((row, n)) = listed {
                out.push(self.listed_place(di, d, i, i + n - 1, row));
                self.push_run(di, d, i + n, i + run - 1, page, out);
                i += run;
                for c in out[before..].iter_mut() {
                    self.extend(d, c);
                }
                continue;
            }
            if place_org {
                let mut c = self.cand(di, d, i, i + run - 1);
                vote(&mut c.votes, EntityType::Organization, 2.0);
                // "won the Pakistan Super League": a named thing's cue outweighs the place.
                if self.preceding_cue(d, i) == Some(EntityType::Misc) {
                    vote(&mut c.votes, EntityType::Misc, 2.5);
                    c.cued = true;
                }
                c.weak = caps_line;
                out.push(c);
                i += run;
                for c in out[before..].iter_mut() {
                    self.extend(d, c);
                }
                continue;
            }
            match listed {
                // "Tour de France Bernard Thévenet": a given name after a listed name begins
                // another name.
                Some((row, n))
                    if !(explained_run && run > n)
                        || toks.get(i + n).is_some_and(|t| {
                            t.shape == Shape::Cap
                                && t.elision.is_empty()
                                && self.gaz.is_given(t.text)
                                && !toks[i + n - 1].possessive
                                && toks
                                    .get(i + n + 1)
                                    .is_some_and(|u| u.joined && u.shape == Shape::Cap)
                        }) =>
                {
                    // A listed company followed by "Corp", "Inc": the same company.
                    let mut n = n;
                    while i + n < toks.len()
                        && toks[i + n].joined
                        && toks[i + n].shape != Shape::Lower
                        && !toks[i + n - 1].possessive
                        && self.gaz.head(toks[i + n].text, HeadPos::Last)
                            == Some(EntityType::Organization)
                        && self.gaz.row(row).kind == EntityType::Organization
                    {
                        n += 1;
                    }
                    let kind = self.gaz.row(row).kind;
                    // "SNCF Voyageurs", "Ubisoft Montpellier": a listed organisation followed by
                    // one or two capitalised words (no given name) names a subsidiary, an entity
                    // of its own.
                    let mut sub = 0;
                    // "ARS Centre-Val de Loire", "Agence régionale de santé Centre-Val de
                    // Loire": a listed organisation's branch named after a listed region of
                    // several words, which ends the run.
                    if kind == EntityType::Organization
                        && !caps_line
                        && toks.get(i + n).is_some_and(|t| {
                            t.joined
                                && t.elision.is_empty()
                                && matches!(t.shape, Shape::Cap | Shape::Upper)
                                && !toks[i + n - 1].possessive
                        })
                        && let Some((r, m)) = self.gaz.longest(toks, i + n, caps_line)
                        && m >= 2
                        && self.gaz.row(r).kind == EntityType::Location
                        && toks
                            .get(i + n + m)
                            .is_none_or(|t| !(t.joined && t.shape != Shape::Lower))
                    {
                        sub = m;
                    }
                    let by_region = sub > 0;
                    while !by_region
                        && kind == EntityType::Organization
                        && !caps_line
                        && sub < 2
                        && toks.get(i + n + sub).is_some_and(|t| {
                            t.joined
                                && t.elision.is_empty()
                                && matches!(t.shape, Shape::Cap | Shape::Upper)
                                && !toks[i + n + sub - 1].possessive
                                && !self.gaz.is_given(t.text)
                                && !self.gaz.is_demonym(t.text)
                                && !self.gaz.is_not_entity(t.text)
                                && self.gaz.longest(toks, i + n + sub, caps_line).is_none_or(
                                    |(r, m)| m == 1 && self.gaz.row(r).kind == EntityType::Location,
                                )
                        })
                    {
                        sub += 1;
                    }
                    // "PlayStation 5", "Windows 11": a version number after a listed product;
                    // "la Peugeot 3008", "la Coupe du monde 2030": a model or an edition.
                    let mut kind = kind;
                    let mut row = Some(row);
                    if kind == EntityType::Misc
                        && toks.get(i + n).is_some_and(|t| {
                            t.joined && t.shape == Shape::Number && t.text.len() <= 2
                        })
                        && toks
                            .get(i + n + 1)
                            .is_none_or(|t| !(t.joined && t.shape == Shape::Number))
                    {
                        n += 1;
                    } else if sub == 0
                        && matches!(kind, EntityType::Organization | EntityType::Misc)
                        && model_number(d.text, toks, i + n - 1).is_some()
                    {
                        n += 1;
                        if kind == EntityType::Organization {
                            // A company's model is a product of its own.
                            kind = EntityType::Misc;
                            row = None;
                        }
                    } else if sub == 0
                        && kind == EntityType::Location
                        && !caps_line
                        && self.lower_demonym_at(toks, i + n)
                    {
                        // "le Jura vaudois", "la Drôme provençale": a region of a place named
                        // with a regional adjective is a place of its own.
                        n += 1;
                        row = None;
                    } else if sub == 0 && !caps_line && self.regional_body(toks, i, i + n - 1) {
                        n += 1;
                        row = None;
                    }
                    let mut c = self.cand(di, d, i, i + n + sub - 1);
                    if sub == 0 {
                        c.row = row;
                    }
                    n += sub;
                    vote(&mut c.votes, kind, 3.0);
                    // "la plateforme Arte Concert", "l'application SNCF Connect": a product
                    // named after its company, announced by a product's cue.
                    if sub > 0 && self.preceding_cue(d, i) == Some(EntityType::Misc) {
                        vote(&mut c.votes, EntityType::Misc, 4.0);
                        c.cued = true;
                    }
                    self.context_votes(d, i, &mut c);
                    out.push(c);
                    i += n;
                }
                _ => {
                    self.push_run(di, d, i, i + run - 1, page, out);
                    i += run;
                }
            }
            for c in out[before..].iter_mut() {
                self.extend(d, c);
                // "Tesco, Sainsbury's and Asda": a possessive before ",", "and", "or" has no
                // noun to belong to, it is the name's.
                let t = &toks[c.last_tok];
                if t.possessive && c.end == t.end {
                    let rest = &d.text[t.end..];
                    let len = rest
                        .char_indices()
                        .nth(1)
                        .map_or(rest.len(), |(i, _)| i + 1);
                    let after = rest[len..].trim_start();
                    // ("chez McDonald's tous les jours": a listed name's own possessive.)
                    let listed = c
                        .row
                        .is_some_and(|r| self.gaz.row(r).canonical.ends_with("'s"));
                    if listed
                        || after.starts_with(',')
                        || ["and ", "or ", "et ", "ou "]
                            .iter()
                            .any(|w| after.starts_with(w))
                    {
                        c.end = t.end + len;
                    }
                }
            }
            if let Some(c) = out.get(before)
                && c.doc == di
            {
                // Names extended past their run ("Union syndicale de la production
                // audiovisuelle (USPA)") skip what they took.
                i = i.max(c.last_tok + 1);
            }
        }
    }

    /// "Syndicat des travailleurs et travailleuses du jeu vidéo (STJV)", "l'agence régionale
    /// de santé Auvergne-Rhône-Alpes (ARS)": the names of `d` spelled out before their
    /// acronym in parentheses, as (first token, last token, type), in order. A name begins
    /// with a capitalised word or a head word and runs to the parenthesis over its lowercase
    /// words, commas before "de" included; the acronym must read it ([`acronym_skips`]) with
    /// at most half its content words left out (the fewest, then the longest name).
    fn acronym_spans(&self, d: &Doc<'_>) -> Vec<(usize, usize, EntityType)> {
        let toks = &d.tokens;
        let bytes = d.text.as_bytes();
        let mut out = Vec::new();
        for (a, t) in toks.iter().enumerate().skip(2) {
            if t.raw_start == 0
                || bytes[t.raw_start - 1] != b'('
                || bytes.get(t.end) != Some(&b')')
                || !matches!(t.shape, Shape::Upper | Shape::Cap | Shape::Mixed)
                || !t.elision.is_empty()
                || d.text[toks[a - 1].end..t.raw_start].trim() != "("
            {
                continue;
            }
            let mut buf = ['\0'; 10];
            let Some(n) = with_key(t.text, |k| acronym_letters(k, false, &mut buf)) else {
                continue;
            };
            let letters = &buf[..n];
            // "C2RMF": the letters with the digit's repeats, read when the plain ones are not.
            let mut rbuf = ['\0'; 10];
            let repeated = if has_inner_digit(t.text) {
                with_key(t.text, |k| acronym_letters(k, true, &mut rbuf))
            } else {
                None
            };
            let repeated = repeated.map(|m| &rbuf[..m]);
            if n < 2 || letters.iter().filter(|c| c.is_alphabetic()).count() < 2 {
                continue;
            }
            let e = a - 1;
            let mut keys: Vec<(String, bool)> = Vec::new();
            let mut found: Option<(usize, usize)> = None;
            let mut s = e;
            loop {
                let w = &toks[s];
                // The parts of tokens s..=e, built from the end.
                let k = w.key();
                // "EU" in capitals is no French stop word ("eu").
                let content = content_part(&k) || (w.shape == Shape::Upper && k.len() >= 2);
                // "Nord-Ardennes" gives "N", or "NA" ("GHNA").
                let mut pieces = k.split('-').filter(|p| !p.is_empty());
                let head = pieces.next().unwrap_or_default().to_string();
                for (q, p) in pieces
                    .map(str::to_string)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .enumerate()
                {
                    keys.insert(q, (p, false));
                }
                keys.insert(0, (head, content));
                if !w.elision.is_empty() {
                    keys.insert(0, (key_of(w.elision), false));
                }
                let starts = s < e
                    && keys[usize::from(!w.elision.is_empty())]
                        .0
                        .starts_with(letters[0])
                    && content
                    && if w.shape == Shape::Lower {
                        // "agence régionale de santé …", not "conseil de l'Organisation …" (the
                        // capitalised name is the acronym's).
                        (self.gaz.head(w.text, HeadPos::First).is_some()
                            || self.gaz.lower_head(w.text).is_some())
                            && toks.get(s + 1).is_some_and(|n| {
                                n.shape == Shape::Lower
                                    && n.elision.is_empty()
                                    && !stop(n.text)
                                    && particle_index(n.text).is_none()
                            })
                    } else {
                        matches!(w.shape, Shape::Cap | Shape::Upper)
                    };
                // "Voies navigables de France (VNF)": a common word opening the sentence
                // begins the name only when the acronym reads every word's letter.
                let exact_only = w.sentence_start
                    && self.gaz.head(w.text, HeadPos::First).is_none()
                    && self.gaz.is_common(w.text);
                if starts && !(exact_only && letters.len() < 3) {
                    let from = usize::from(!w.elision.is_empty());
                    let parts: Vec<(&str, bool)> =
                        keys[from..].iter().map(|(k, c)| (k.as_str(), *c)).collect();
                    if let Some(skips) = loose_reading(letters, &parts)
                        .or_else(|| repeated.and_then(|r| loose_reading(r, &parts)))
                        && found.is_none_or(|(_, b)| skips <= b)
                        && !(exact_only && skips > 0)
                    {
                        found = Some((s, skips));
                    }
                }
                if s == 0 || e - s >= 18 || w.sentence_start {
                    break;
                }
                // The word before must be joined to this one (a space or a hyphen), or end a
                // clause of the name before "de", "et" ("…de l'alimentation, de
                // l'environnement et du travail").
                let gap = &d.text[toks[s - 1].end..w.raw_start];
                let comma = gap == ", "
                    && w.elision.is_empty()
                    && matches!(w.text, "de" | "du" | "des" | "et" | "and" | "of");
                if !(w.joined || comma) || toks[s - 1].line != w.line {
                    break;
                }
                // "…out of Europe when the EU Deforestation Regulation (EUDR)": a clause's
                // conjunction or relative pronoun ends the name.
                if toks[s - 1].shape == Shape::Lower && is_clause_word(toks[s - 1].text) {
                    break;
                }
                s -= 1;
            }
            let Some((s, _)) = found else { continue };
            let w = &toks[s];
            // A listed name ("Digital Markets Act") keeps its entry.
            if (w.shape != Shape::Lower && self.gaz.is_given(w.text))
                || self
                    .gaz
                    .longest(toks, s, false)
                    .is_some_and(|(_, n)| s + n > e)
            {
                continue;
            }
            // English names end with their head ("… Modernization Program", "… Coordination
            // Authority"), French ones begin with it; a lowercase noun after capitalised words
            // makes a named thing ("… Labour Mobility scheme").
            let end = &toks[e];
            // ("Office of Rail and Road": the last of the fields after "of" is no head.)
            let fields = e >= s + 3
                && matches!(toks[s + 1].text, "of" | "for")
                && matches!(toks[e - 1].text, "and" | "&")
                && self.gaz.head(w.text, HeadPos::First).is_some();
            let kind = if fields {
                None
            } else if end.shape == Shape::Lower && s < e && toks[e - 1].shape != Shape::Lower {
                self.gaz
                    .head(end.text, HeadPos::Last)
                    .or_else(|| self.gaz.is_misc_after(end.text).then_some(EntityType::Misc))
            } else if end.shape != Shape::Lower {
                self.gaz.head(end.text, HeadPos::Last)
            } else {
                None
            };
            let kind = kind
                .or_else(|| self.gaz.head(w.text, HeadPos::First))
                .or_else(|| self.gaz.lower_head(w.text))
                .unwrap_or(EntityType::Organization);
            if out.last().is_none_or(|&(_, last, _)| last < s) {
                out.push((s, e, kind));
            }
        }
        out
    }

    /// The last token and the type of a French name in sentence case that starts at token
    /// `i`, right after the noun of its kind: "l'association Chalets fantômes", "le
    /// collectif Auch à pied a salué", "le label Entreprise du patrimoine vivant devra". The
    /// name runs to the punctuation after it when that is at most five words away, else to
    /// a verb or a conjunction at most four words away.
    fn sentence_case_name(&self, d: &Doc<'_>, i: usize) -> Option<(usize, EntityType)> {
        let toks = &d.tokens;
        let t = &toks[i];
        if i == 0 || !t.joined || !t.elision.is_empty() || t.shape != Shape::Cap {
            return None;
        }
        let kind = match toks[i - 1].text {
            "association" | "collectif" | "coopérative" | "mouvement" => EntityType::Organization,
            "label" | "programme" | "dispositif" => EntityType::Misc,
            _ => return None,
        };
        let mut last = i;
        let mut verb_at = None;
        while let Some(n) = toks.get(last + 1) {
            if !n.joined || last + 1 - i >= 6 || n.shape == Shape::Initial {
                break;
            }
            // "Sauvons l'hôpital du Trégor": an elided article inside the name; "Bières de
            // Wallonie s'inquiète": an elided pronoun before a verb ends it.
            if !n.elision.is_empty() && !matches!(n.elision, "l" | "d") {
                verb_at.get_or_insert(last + 1);
                break;
            }
            if verb_at.is_none()
                && matches!(
                    n.text,
                    "a" | "ont"
                        | "est"
                        | "sont"
                        | "avait"
                        | "était"
                        | "qui"
                        | "que"
                        | "pour"
                        | "et"
                        | "avec"
                        | "sur"
                        | "dans"
                        | "depuis"
                        | "contre"
                        | "selon"
                )
            {
                verb_at = Some(last + 1);
            }
            last += 1;
        }
        let punct = toks.get(last + 1).is_none_or(|n| !n.joined) && last + 1 - i <= 5;
        let mut end = if punct && verb_at.is_none() {
            last
        } else {
            let v = verb_at?;
            if v - i > 4 {
                return None;
            }
            v - 1
        };
        if end == i {
            return None;
        }
        // "L'association Mountain Riders dénonce": a name in title case ends with its last
        // capitalised word (particles between them kept).
        if toks[i + 1].shape != Shape::Lower || particle_index(toks[i + 1].text).is_some() {
            let mut k = i;
            while k < end
                && (matches!(toks[k + 1].shape, Shape::Cap | Shape::Upper | Shape::Number)
                    || (particle_index(toks[k + 1].text).is_some()
                        && toks
                            .get(k + 2)
                            .is_some_and(|n| matches!(n.shape, Shape::Cap | Shape::Upper))))
            {
                k += 1;
            }
            end = k;
        }
        // "du programme Copernicus de l'Union européenne": a listed body after a particle is
        // another name; so is a listed place after a name ("la coopérative Vallorin de
        // Paris"), not after common words ("Bières de Wallonie").
        if let Some(p) = (i + 1..end).find(|&p| {
            particle_index(toks[p].text).is_some()
                && self.gaz.longest(toks, p + 1, false).is_some_and(|(r, _)| {
                    self.gaz.row(r).kind != EntityType::Location
                        || toks[i..p].iter().all(|t| !self.gaz.is_common(t.text))
                })
        }) {
            end = p - 1;
        }
        // "le programme Action cœur de ville de 2026": a year after the name is not in it.
        if end > i + 1
            && toks[end].shape == Shape::Number
            && particle_index(toks[end - 1].text).is_some()
        {
            end -= 1;
        }
        while end > i && particle_index(toks[end].text).is_some() {
            end -= 1;
        }
        (end > i
            && self
                .gaz
                .longest(toks, i, false)
                .is_none_or(|(_, n)| i + n <= end))
        .then_some((end, kind))
    }

    /// The last token of a title in quotes that starts at token `i` (« Les Traboules »,
    /// "Kitchen Table Truths"), when a work noun stands in the sentence before it ("le film",
    /// "la série", "intitulée", "the podcast") or right after it (", la nouvelle pièce"), or
    /// when the page already has the same title as a work. Pushes new titles to `works`.
    fn quoted_work(&self, d: &Doc<'_>, i: usize, works: &mut Vec<String>) -> Option<usize> {
        let toks = &d.tokens;
        let t = &toks[i];
        if !matches!(t.shape, Shape::Cap | Shape::Upper) || !t.elision.is_empty() {
            return None;
        }
        let prev_end = if i > 0 { toks[i - 1].end } else { 0 };
        let gap = d.text.get(prev_end..t.raw_start)?;
        if gap == " " || !opens_quote(gap) {
            return None;
        }
        let mut j = i;
        let close = loop {
            if j >= i + 10 {
                return None;
            }
            let next_start = toks.get(j + 1).map_or(d.text.len(), |n| n.raw_start);
            let g = d.text.get(toks[j].end..next_start)?;
            if closes_quote(g) {
                break g;
            }
            if j + 1 >= toks.len()
                || g.contains([
                    '.', '!', '?', ':', ';', ',', '«', '»', '“', '”', '"', '\n', '(', ')',
                ])
            {
                return None;
            }
            j += 1;
        };
        let mut cued = false;
        // A work noun earlier in the sentence.
        let mut k = i;
        while k > 0 && k + 8 > i {
            k -= 1;
            if with_key(toks[k].text, is_work_noun) {
                cued = true;
                break;
            }
            if toks[k].sentence_start {
                break;
            }
        }
        // ", la nouvelle pièce de …" right after.
        if !cued && close.trim().trim_start_matches(['»', '”', '"']).trim() == "," {
            cued = toks[j + 1..]
                .iter()
                .take(3)
                .take_while(|n| n.shape == Shape::Lower)
                .any(|n| with_key(n.text, is_work_noun));
        }
        // « Wozzeck » d'Alban Berg, "Kitchen Table Truths" by Ama Boateng: a title in quotes
        // followed by its author.
        if !cued && matches!(close.trim(), "»" | "”" | "\"") {
            let by = |n: &NameToken<'_>| {
                matches!(n.shape, Shape::Cap | Shape::Initial) && n.elision.is_empty()
            };
            cued = match toks.get(j + 1) {
                Some(n) if matches!(n.text, "de" | "by") && n.elision.is_empty() => {
                    toks.get(j + 2).is_some_and(|a| a.joined && by(a))
                }
                Some(n) => {
                    matches!(n.elision, "d" | "D")
                        && matches!(n.shape, Shape::Cap)
                        && !self.gaz.lists_place(n.text)
                }
                None => false,
            };
        }
        if !cued && works.is_empty() {
            return None;
        }
        let key = key_of(&d.text[t.start..toks[j].end]);
        if cued {
            if !works.contains(&key) {
                works.push(key);
            }
            Some(j)
        } else {
            works.contains(&key).then_some(j)
        }
    }

    /// The last token of a territorial body's name that starts at token `i` with "Région" or
    /// the acronym of a local body (ARS, CHU, CCI, FDSEA…) and ends with a listed place, after
    /// "de", "du", "des", "d'" or nothing.
    fn body_of_place(&self, toks: &[NameToken<'_>], i: usize, caps_line: bool) -> Option<usize> {
        let t = &toks[i];
        // "Natural England", "Infrastructure Australia", "Santé Québec": a state agency
        // named by its field and its country, province or region, nothing between.
        // ("Transport for Wales", "Health for NSW": the same with "for" between.)
        if t.shape == Shape::Cap
            && t.elision.is_empty()
            && !t.possessive
            && with_key(t.text, is_agency_word)
        {
            let direct = (3..=14).contains(&t.text.len())
                && toks.get(i + 1).is_some_and(|n| {
                    n.joined && n.elision.is_empty() && matches!(n.shape, Shape::Cap | Shape::Upper)
                });
            let via_for = toks.get(i + 1).is_some_and(|f| f.text == "for" && f.joined)
                && toks
                    .get(i + 2)
                    .is_some_and(|p| p.joined && p.elision.is_empty());
            let at = if direct { i + 1 } else { i + 2 };
            if (direct || via_for)
                && let Some((row, n)) = self.gaz.longest(toks, at, caps_line)
                && self.gaz.row(row).kind == EntityType::Location
                && self.gaz.row(row).subtype != "city"
                && !toks[at..at + n].iter().any(|t| t.possessive)
                // Not inside a longer run ("Health New Zealand Act").
                && toks
                    .get(at + n)
                    .is_none_or(|a| !(a.joined && matches!(a.shape, Shape::Cap | Shape::Upper)))
            {
                return Some(at + n - 1);
            }
        }
        // "Government of Nunavut", "Gouvernement du Québec": a government named by its
        // territory.
        let government = matches!(t.text, "Government" | "Gouvernement");
        let body = match t.shape {
            Shape::Cap => (t.text == "Région" && !t.sentence_start) || government,
            Shape::Upper => is_local_body_acronym(t.text),
            _ => false,
        };
        if !body {
            return None;
        }
        let mut j = i + 1;
        let next = toks.get(j)?;
        if !next.joined {
            return None;
        }
        if next.shape == Shape::Lower && next.elision.is_empty() {
            if !(matches!(next.text, "de" | "du" | "des") || (government && next.text == "of")) {
                return None;
            }
            j += 1;
        } else if !next.elision.is_empty() && key_of(next.elision) != "d" {
            return None;
        }
        let place = toks.get(j)?;
        if !place.joined || !matches!(place.shape, Shape::Cap | Shape::Upper) {
            return None;
        }
        let Some((row, n)) = self.gaz.longest(toks, j, caps_line) else {
            // "l'ACCA de Bagnols-les-Bains": a local body's acronym before an unlisted town
            // of one word (not a person's name: "l'IUT de Jean Dupont").
            let alone = toks
                .get(j + 1)
                .is_none_or(|a| !(a.joined && matches!(a.shape, Shape::Cap | Shape::Upper)));
            return (!government
                && j == i + 2
                && t.shape == Shape::Upper
                && place.shape == Shape::Cap
                && place.elision.is_empty()
                && !place.possessive
                && alone
                && !self.gaz.is_given(place.text)
                && !self.gaz.is_common(place.text))
            .then_some(j);
        };
        // ("Government of India Act 1935": inside a longer name.)
        if government
            && toks
                .get(j + n)
                .is_some_and(|a| a.joined && matches!(a.shape, Shape::Cap | Shape::Upper))
        {
            return None;
        }
        (self.gaz.row(row).kind == EntityType::Location).then_some(j + n - 1)
    }

    /// Number of tokens of the capitalised run starting at `i`.
    fn run(&self, text: &str, toks: &[NameToken<'_>], i: usize) -> usize {
        let mut k = i;
        // An organisation's head word and "of" or "for" were taken ("Ministry of Economy").
        let mut org_of_seen = false;
        // "Banque de France", and after an article "The Department of Justice".
        let head_first = self.gaz.head(toks[i].text, HeadPos::First).is_some()
            || (toks
                .get(i + 1)
                .is_some_and(|t| t.joined && self.gaz.head(t.text, HeadPos::First).is_some())
                && with_key(toks[i].text, stop));
        // "Mme de Villeneuve", and "trade minister Sanne de Wijs": a person's cue before the
        // run, or as its first word.
        let cue_first = with_key(toks[i].text, |k| self.gaz.cue(k)) == Some(EntityType::Person)
            || (i > 0
                && toks[i].joined
                && toks[i].elision.is_empty()
                && toks[i - 1].shape == Shape::Lower
                && with_key(toks[i - 1].text, |k| self.gaz.cue(k)) == Some(EntityType::Person));
        // Whether every token so far is a given name ("Jean-Luc Marie"), checked up to
        // `given_upto`.
        let mut given_so_far = true;
        let mut given_upto = None;
        // "le Belge Thibaut de Wasseige": a demonym before the given names.
        let lead = if self.gaz.is_demonym(toks[i].text)
            && toks
                .get(i + 1)
                .is_some_and(|t| t.joined && self.gaz.is_given(t.text))
        {
            i + 1
        } else {
            i
        };
        while let Some(next) = toks.get(k + 1) {
            if !(next.joined || next.amp)
                || (toks[k].possessive && !self.possessive_inside(toks, k))
            {
                // "Ministry of Economy, Trade and Industry", "Digital Markets, Competition and
                // Consumers Act": a list of common words inside a name.
                if !toks[k].possessive
                    && toks[k].shape == Shape::Cap
                    && let Some(e) = self.comma_list(text, toks, i, k, !org_of_seen)
                {
                    k = e;
                    continue;
                }
                if let Some(e) = self.parenthesised_law(text, toks, k) {
                    k = e;
                    continue;
                }
                break;
            }
            let mut j = given_upto.map_or(lead, |u| u + 1);
            while given_so_far && j <= k {
                given_so_far = self.gaz.is_given(toks[j].text);
                given_upto = Some(j);
                j += 1;
            }
            // "Zephyr S1", "Calor H2": a model code after a capitalised word is part of the
            // product's name.
            let code = next.shape == Shape::Initial
                && !next.dot
                && k == i
                && !toks[k].sentence_start
                && toks[k].shape == Shape::Cap
                && next.elision.is_empty()
                && is_model_code(next.text);
            // "le roi Charles V,", "le pape Pie X": a one-letter regnal number after a
            // given name, at the end of the run.
            let regnal = matches!(next.text, "V" | "X")
                && k == i
                && self.gaz.is_given(toks[k].text)
                && toks
                    .get(k + 2)
                    .is_none_or(|a| !(a.joined && a.shape.starts_name()));
            if next.shape.starts_name()
                && (next.shape != Shape::Initial
                    || next.dot
                    || code
                    || regnal
                    || gaelic_particle(toks, k + 1))
            {
                if !next.elision.is_empty() {
                    // "Conseil d'État", "Valéry Giscard d'Estaing"; not "Microsoft qu'Apple".
                    let e = key_of(next.elision);
                    if !((e == "d" || e == "l")
                        && (head_first || cue_first || given_so_far || k > i))
                    {
                        break;
                    }
                }
                k += 1;
                continue;
            }
            if next.shape == Shape::Number
                && toks[k].shape != Shape::Number
                && next.text.len() <= 4
                && (self.gaz.head(toks[i].text, HeadPos::First) == Some(EntityType::Misc)
                    || self.gaz.head(toks[k].text, HeadPos::Last) == Some(EntityType::Misc)
                    // "Highway 11", "Interstate 95", "Route 66": a road's number.
                    || (is_road_word(toks[k].text)
                        && (toks[k].shape == Shape::Cap || next.text.len() <= 3)))
            {
                k += 1;
                continue;
            }
            // "Ariane 6", "Doel 4", "Radio 4", "Egalim 2": a number of one to three digits
            // right after a capitalised word ends the name with it, when nothing is counted
            // or scored by it ("Coffs 20 years", "Brest 2 Lorient 1", "Nantes 2-1").
            if next.shape == Shape::Number
                && matches!(toks[k].shape, Shape::Cap | Shape::Upper | Shape::Mixed)
                && !toks[k].possessive
                && next.elision.is_empty()
                && next.text.len() <= 3
                && next.text.bytes().all(|b| b.is_ascii_digit())
                && names_number(&self.gaz, text, toks, k + 1)
                // ("Seuls 412 saumons", "Stage 4 has been": a common word opening a sentence
                // before a number.)
                && !(k == i && toks[k].sentence_start && self.gaz.is_common(toks[k].text))
                // "Brest 2 Lorient 1", "Liverpool 2, Chelsea 1": the second side of a score.
                && !(i > 0 && toks[i - 1].shape == Shape::Number)
            {
                k += 1;
                break;
            }
            // "Securities and Exchange Board", "Food and Drug Administration": "and" inside an
            // organisation's name that ends with a head word.
            if next.text == "and"
                && toks[k].shape == Shape::Cap
                // Not after a listed name ("Google and Microsoft Corp").
                && self.gaz.longest(toks, k, false).is_none()
                // Not a common word before a listed place ("the Ospreys and Cardiff Rugby").
                && !(self.gaz.is_common(toks[k].text)
                    && self
                        .gaz
                        .longest(toks, k + 2, false)
                        .is_some_and(|(r, _)| self.gaz.row(r).kind == EntityType::Location))
                && (k == i
                    // "Centers for Disease Control and Prevention": after "of" or "for".
                    || org_of_seen
                    // "Southeast Arizona Land Exchange and Conservation Act".
                    || (k <= i + 4
                        && law_after_and(toks, k + 2)
                        && toks[i..=k].iter().all(|t| t.shape == Shape::Cap && !t.possessive))
                    || (k == i + 1 && with_key(toks[i].text, stop))
                    // "Irish Nurses and Midwives Organisation", "US Food and Drug
                    // Administration": a demonym or a country's code before the first word.
                    || ((k == i + 1 || (k == i + 2 && with_key(toks[i].text, stop)))
                        && (self.gaz.is_demonym(toks[k - 1].text)
                            || (toks[k - 1].shape == Shape::Upper
                                && self.gaz.lists_place(toks[k - 1].text))))
                    || (k > i + 1 && toks[k - 1].text == "of")
                    || (k == i + 1 && law_after_and(toks, k + 2))
                    // "Bangalore Water Supply and Sewerage Board": a few capitalised words
                    // that end with no head word of their own (not "Barclays Bank and Lloyds
                    // Bank"), common words on both sides of "and" (not "Andreessen Horowitz
                    // and Sequoia Capital").
                    // (Not before another organisation's first head word: "Limbe Leaf and
                    // Alliance One International" are two buyers.)
                    || (k <= i + 3
                        && self.gaz.is_common(toks[k].text)
                        && toks.get(k + 2).is_some_and(|t| {
                            self.gaz.is_common(t.text)
                                && self.gaz.head(t.text, HeadPos::First)
                                    != Some(EntityType::Organization)
                        })
                        && toks[i..=k]
                            .iter()
                            .all(|t| t.shape == Shape::Cap && !t.possessive)
                        // (No organisation's head word, "Barclays Bank and Lloyds Bank", but
                        // one that ends a name only, inside it: "Water Supply"; not before a
                        // person's role, "Lloyds Bank Chairman and Chief Executive".)
                        && toks[i..=k].iter().enumerate().all(|(j, t)| {
                            !self.gaz.is_org_head(t.text)
                                || (i + j < k
                                    && self.gaz.head(t.text, HeadPos::First).is_none()
                                    && with_key(toks[k].text, |w| self.gaz.cue(w))
                                        != Some(EntityType::Person))
                        })))
            {
                let mut q = k + 2;
                let mut end = None;
                while q < toks.len()
                    && q < k + 6
                    && toks[q].joined
                    && matches!(toks[q].shape, Shape::Cap | Shape::Upper)
                    && toks[q].elision.is_empty()
                {
                    match self.gaz.head(toks[q].text, HeadPos::Last) {
                        Some(EntityType::Organization) => end = Some(q),
                        // "Public Libraries and Museums Act 1964": a law's name too.
                        Some(EntityType::Misc) if is_law_head(toks[q].text) => end = Some(q),
                        _ => {}
                    }
                    if toks[q].possessive {
                        break;
                    }
                    q += 1;
                }
                // "National Commission for Museums and Monuments": after "of" or "for", one or
                // two unlisted common words that end the run.
                let tail_words = q - (k + 2);
                let run_ends = toks
                    .get(q)
                    .is_none_or(|t| !(t.joined && t.shape.starts_name()));
                if end.is_none()
                    && org_of_seen
                    && (1..=2).contains(&tail_words)
                    && run_ends
                    && toks[k + 2..q].iter().all(|t| {
                        t.shape == Shape::Cap && !t.possessive && self.gaz.is_common(t.text)
                    })
                    && self.gaz.longest(toks, k + 2, false).is_none()
                {
                    end = Some(q - 1);
                }
                match end {
                    Some(e) => {
                        k = e;
                        continue;
                    }
                    None => break,
                }
            }
            // Particles: "Charles de Gaulle", "Ursula von der Leyen", "Banque de France".
            // "Court of Justice of the European Union", "Office of the Scottish Charity
            // Regulator": "of the" after an organisation's head word.
            let mut p = k + 1;
            while p < toks.len()
                && p < k + 3
                && toks[p].joined
                && toks[p].shape == Shape::Lower
                && toks[p].elision.is_empty()
                && (PARTICLES.contains(&toks[p].text)
                    // "Te Wānanga o Aotearoa": the Māori "of" inside a name begun with "Te".
                    || (toks[p].text == "o" && p == k + 1 && toks[i].text == "Te")
                    // "Joint Committee on Health", "Council on Foreign Relations".
                    || (toks[p].text == "on" && p == k + 1 && self.panel_remit(toks, k))
                    // "U.S. Court of Appeals for the Ninth Circuit": "for" also goes on after
                    // an organisation's "of".
                    || (toks[p].text == "for"
                        && p == k + 1
                        && (org_of_seen || self.gaz.is_org_head(toks[k].text)))
                    // "U.S. District Court for the Southern District of New York".
                    || (toks[p].text == "the"
                        && p == k + 2
                        && toks[k + 1].text == "for"
                        && (org_of_seen || self.gaz.is_org_head(toks[k].text)))
                    || (toks[p].text == "the"
                        && p == k + 2
                        && toks[k + 1].text == "of"
                        && (head_first || self.gaz.is_org_head(toks[k].text))))
            {
                p += 1;
            }
            if p == k + 1 || p >= toks.len() {
                break;
            }
            let after = &toks[p];
            // "Koen Van de Velde", "Ana De la Cruz": a capitalised particle inside the name
            // before another one.
            let noble = NOBLE_PARTICLES.contains(&toks[k + 1].text)
                // "Jonas Ferreira da Costa": Portuguese particles after the second word of a
                // person's name that begins with a given name.
                || (matches!(toks[k + 1].text, "da" | "do" | "das")
                    && k > i
                    && self.gaz.is_given(toks[i].text))
                || (k > i
                    && toks[k].shape == Shape::Cap
                    && matches!(toks[k].text, "Van" | "Von" | "De" | "Da" | "Di" | "Del")
                    && matches!(toks[k + 1].text, "de" | "der" | "den" | "la" | "los"));
            // ("Pour M. de Villemereuil": a courtesy title right before the particle.)
            let person_like = (given_so_far
                || cue_first
                || is_courtesy_title(toks[k].text)
                || self.surname_particle(toks, i, k, p))
                && toks[k + 1].text != "of";
            // "Stock Exchange of India", "Board of Governors": "of" after an organisation's
            // head word.
            // "… for the Western District of Washington": once an organisation's name took
            // "of" or "for", a later "of" goes on too.
            let org_of = (matches!(toks[k + 1].text, "of" | "for")
                && (self.gaz.is_org_head(toks[k].text) || org_of_seen))
                || (toks[k + 1].text == "on" && self.panel_remit(toks, k));
            let maori = toks[k + 1].text == "o" && toks[i].text == "Te";
            // "Paul Martin de Lyon", "Jean Dupont du Parti socialiste": after a surname, a
            // place or a body (not "Charles de Gaulle", "Henri de Navarre", "Henri II de
            // Montmorency": a given name alone, or with its ordinal, before the particle).
            // ("Me Thibault de Sainte-Marie": a lawyer's title and a given name before "de"
            // and a listed place are no surname; "M. Martin de Lyon" is.)
            let whence = person_like
                && k > i
                && !(k == i + 1
                    && matches!(toks[i].text, "Me" | "Maître")
                    && self.gaz.is_given(toks[k].text)
                    && toks[k + 1].text == "de"
                    && self.gaz.head(after.text, HeadPos::First).is_none())
                && !is_roman_number(toks[k].text)
                && matches!(toks[k + 1].text, "de" | "du" | "des")
                && (self.gaz.head(after.text, HeadPos::First).is_some()
                    || self.gaz.lists_place(after.text));
            let allowed = noble || head_first || (person_like && !whence) || org_of || maori;
            if after.joined
                && matches!(after.shape, Shape::Cap | Shape::Upper)
                && (after.elision.is_empty() || key_of(after.elision) == "l")
                && allowed
            {
                org_of_seen |= org_of || (head_first && toks[k + 1].text == "of");
                k = p;
                continue;
            }
            break;
        }
        k + 1 - i
    }

    /// Whether the name at `first` follows ", " after a person's title and the name of what
    /// the person heads: "présidente de Radio France, ", "patron d'Airbus, ", "chief
    /// executive of Navantia UK, ".
    fn titled_apposition(&self, d: &Doc<'_>, first: usize) -> bool {
        let toks = &d.tokens;
        if first < 3
            || toks[first].joined
            || d.text[toks[first - 1].end..toks[first].start].trim() != ","
        {
            return false;
        }
        // The body's name: up to five capitalised words.
        let mut j = first - 1;
        while j > 0
            && first - j < 5
            && toks[j].joined
            && toks[j].elision.is_empty()
            && matches!(toks[j - 1].shape, Shape::Cap | Shape::Upper | Shape::Mixed)
        {
            j -= 1;
        }
        if !matches!(toks[j].shape, Shape::Cap | Shape::Upper | Shape::Mixed) {
            return false;
        }
        // "de", "du", "of" or an elided "d'" before it, then the title.
        let cue_at = if matches!(toks[j].elision, "d" | "D") {
            j.checked_sub(1)
        } else if j > 0
            && toks[j].joined
            && toks[j].elision.is_empty()
            && matches!(toks[j - 1].text, "de" | "du" | "of" | "at")
        {
            j.checked_sub(2)
        } else {
            None
        };
        cue_at.is_some_and(|c| {
            toks[c].shape == Shape::Lower
                && (toks[c + 1].joined || !toks[j].elision.is_empty())
                && with_key(toks[c].text, |k| self.gaz.cue(k)) == Some(EntityType::Person)
        })
    }

    /// "allez Brest", "ALLEZ TOURS !!!", "forza Bastia": whether the one word at `first` is a
    /// listed place cheered on, which names its team.
    /// Also a listed place beaten, or played for: "beating Kilkenny", "battre Chaumont",
    /// "vainqueurs d'Oyonnax", "played for Exeter".
    fn cheered_team(&self, toks: &[NameToken<'_>], first: usize) -> bool {
        let t = &toks[first];
        // (Not "beating Manitoba's Kerri Einarson": a player from the place.)
        if first == 0 || !t.joined || t.possessive {
            return false;
        }
        // (Plural: "le vainqueur d'Austerlitz" won a battle.)
        let winners = ["vainqueurs", "vainqueuses"];
        let before = |words: &[&str]| {
            first >= 2
                && toks[first - 1].joined
                && with_key(toks[first - 2].text, |k| words.contains(&k))
        };
        // Cheered on (any listed place), or beaten or played for (a match).
        let (cheer, beaten) = with_key(toks[first - 1].text, |prev| {
            if !t.elision.is_empty() {
                // "Vainqueurs d'Oyonnax".
                return (
                    false,
                    matches!(t.elision, "d" | "D") && winners.contains(&prev),
                );
            }
            (
                matches!(prev, "allez" | "forza"),
                matches!(
                    prev,
                    "beating"
                        | "beat"
                        | "beats"
                        | "defeated"
                        | "defeating"
                        | "battre"
                        | "battu"
                        | "battus"
                        | "battue"
                        | "battent"
                ) || (prev == "for" && before(&["played", "plays", "playing", "signed", "signs"]))
                    || (matches!(prev, "de" | "du") && before(&winners)),
            )
        });
        if !(cheer || beaten) {
            return false;
        }
        // A country beaten may be the country ("India beat China to become…"): only the
        // teams of towns, counties and provinces count after the verbs of a match.
        self.gaz.place_row(t.text).is_some_and(|row| {
            cheer || !matches!(self.gaz.row(row).subtype.as_str(), "country" | "continent")
        })
    }

    /// Whether the name `toks[first..=last]` is one end of a stretch ("de X à Y", "entre X et
    /// Y", "from X to Y", "between X and Y") whose other end is a listed place. A "de" counts
    /// only after punctuation or a word of travel ("la ligne de X à Y"; not "la visite de
    /// Dupont à Paris").
    fn paired_with_place<'t>(&self, toks: &[NameToken<'t>], first: usize, last: usize) -> bool {
        // A word of travel right before the opener ("la ligne entre", "l'étape courue entre",
        // "flights from"; not "le conflit entre Marseille et Longoria", "a letter from Kovacs
        // to Brussels").
        let travel = |at: usize| {
            at.checked_sub(1).is_some_and(|p| {
                toks[at].joined
                    && matches!(
                        toks[p].text,
                        "ligne"
                            | "liaison"
                            | "route"
                            | "trajet"
                            | "vol"
                            | "vols"
                            | "train"
                            | "trains"
                            | "bus"
                            | "étape"
                            | "courue"
                            | "navette"
                            | "va"
                            | "allant"
                            | "line"
                            | "road"
                            | "flight"
                            | "flights"
                            | "ferry"
                            | "runs"
                            | "run"
                            | "drive"
                            | "journey"
                            | "stage"
                    )
            })
        };
        let opens = |at: usize, closer: &str| {
            let t = &toks[at];
            match t.text {
                "entre" | "Entre" => closer == "et" && travel(at),
                "between" | "Between" => closer == "and" && travel(at),
                "from" | "From" => closer == "to" && travel(at),
                // ", de Caraquet à Lafayette": also after punctuation.
                "de" | "De" | "depuis" => closer == "à" && (!t.joined || travel(at)),
                _ => false,
            }
        };
        let closer_of = |w: &'t str| matches!(w, "et" | "and" | "à" | "to").then_some(w);
        let place_at = |i: usize, end: Option<usize>| {
            self.gaz.longest(toks, i, false).is_some_and(|(r, n)| {
                self.gaz.row(r).kind == EntityType::Location && end.is_none_or(|e| i + n - 1 == e)
            })
        };
        // The name is the first end: an opener before it, a closer and a place after it.
        if first > 0
            && toks[first].joined
            && toks[first].elision.is_empty()
            && let Some(cl) = toks
                .get(last + 1)
                .filter(|t| t.joined && t.elision.is_empty())
            && let Some(closer) = closer_of(cl.text)
            && opens(first - 1, closer)
            && toks
                .get(last + 2)
                .is_some_and(|t| t.joined && matches!(t.shape, Shape::Cap | Shape::Upper))
            && place_at(last + 2, None)
        {
            return true;
        }
        // The name is the second end: a closer before it, a place and an opener before that.
        if first >= 3
            && toks[first].joined
            && toks[first].elision.is_empty()
            && let Some(closer) = closer_of(toks[first - 1].text)
        {
            let end = first - 2;
            let mut start = end;
            while start > 0
                && end - start < 3
                && toks[start].joined
                && matches!(toks[start - 1].shape, Shape::Cap | Shape::Upper)
            {
                start -= 1;
            }
            return toks[first - 1].joined
                && matches!(toks[end].shape, Shape::Cap | Shape::Upper)
                && (start..=end).any(|s| {
                    s > 0
                        && toks[s].joined
                        && toks[s].elision.is_empty()
                        && opens(s - 1, closer)
                        && place_at(s, Some(end))
                });
        }
        false
    }

    /// [`Recognizer::lower_head_before`] the name at `first`, unless a courtesy title begins
    /// it after words of the head's own ("le plan de M. Novotný-Kral" is a person's plan;
    /// "le lycée Madame de Staël" is one name).
    fn lower_head_of_name(
        &self,
        toks: &[NameToken<'_>],
        first: usize,
    ) -> Option<(usize, EntityType)> {
        self.lower_head_before(toks, first)
            .filter(|&(h, _)| h + 1 == first || !is_courtesy_title(toks[first].text))
    }

    /// Whether `toks[k]` is a head word that begins a name and a lowercase adjective right
    /// after completes it ("l'École centrale de Nantes": "École" alone is no name).
    fn completed_head(&self, toks: &[NameToken<'_>], k: usize) -> bool {
        let lower = |j: usize| {
            toks.get(j)
                .filter(|t| t.joined && t.shape == Shape::Lower)
                .copied()
        };
        // A content word of a complement, a little stricter than [`Recognizer::extend_name`]
        // reads it: no stop word nor demonym, more than three letters.
        let noun = |t: NameToken<'_>| {
            !stop(t.text) && t.text.chars().count() > 3 && !self.gaz.is_demonym(t.text)
        };
        let adjective = lower(k + 1).is_some_and(|n| n.elision.is_empty() && is_adjective(n.text));
        // "la Société des grands projets", "le Bureau d'enquêtes sur …": "de" and a noun
        // (after "la" or an adjective) complete the head too.
        let complement = || {
            if let Some(n) = lower(k + 1)
                && matches!(n.elision, "d" | "D")
            {
                return elided_de_noun(&n) && noun(n);
            }
            if !lower(k + 1)
                .is_some_and(|n| n.elision.is_empty() && matches!(n.text, "de" | "des" | "du"))
            {
                return false;
            }
            let j = if lower(k + 2).is_some_and(|t| t.elision.is_empty() && t.text == "la")
                || prenominal_before_noun(toks, k + 2)
            {
                k + 3
            } else {
                k + 2
            };
            lower(j).is_some_and(|t| t.elision.is_empty() && noun(t))
        };
        (adjective || complement()) && self.gaz.head(toks[k].text, HeadPos::First).is_some()
    }

    /// Whether the lowercase demonym right after the listed organisation `toks[first..=end]`,
    /// whose name begins with a head word, names a body of its own: "le Conseil d'État
    /// vaudois", "le Grand Conseil genevois" (not "Google français").
    fn regional_body(&self, toks: &[NameToken<'_>], first: usize, end: usize) -> bool {
        self.gaz.head(toks[first].text, HeadPos::First) == Some(EntityType::Organization)
            && self.lower_demonym_at(toks, end + 1)
    }

    /// Whether `toks[j]` is a lowercase demonym joined to the word before ("le Jura vaudois",
    /// "Fédération française").
    fn lower_demonym_at(&self, toks: &[NameToken<'_>], j: usize) -> bool {
        toks.get(j).is_some_and(|t| {
            t.joined
                && t.shape == Shape::Lower
                && t.elision.is_empty()
                && self.gaz.is_demonym(t.text)
        })
    }

    /// Whether the particles before `p` go on a person's name of a given name and a surname
    /// (`toks[i..=k]`): "Jorge Vidal de la Peña"; not before a listed name ("Jean Dupont de
    /// Lyon"), a common word or a head word, nor after a listed name.
    fn surname_particle(&self, toks: &[NameToken<'_>], i: usize, k: usize, p: usize) -> bool {
        k == i + 1
            && toks[k].shape == Shape::Cap
            && !toks[k].possessive
            && self.gaz.is_given(toks[i].text)
            && !self.gaz.is_given(toks[k].text)
            && !self.gaz.is_common(toks[k].text)
            && self.gaz.longest(toks, i, false).is_none()
            && self.gaz.longest(toks, k, false).is_none()
            && toks[p].shape == Shape::Cap
            && toks[p].elision.is_empty()
            // Not a body or a paper after a person ("Paul Garnier du Centre hospitalier",
            // "Raphaëlle Bacqué du Monde").
            && !self.gaz.is_common(toks[p].text)
            && self.gaz.head(toks[p].text, HeadPos::First).is_none()
            && self.gaz.longest(toks, p, false).is_none()
    }

    /// The last token of the place after a capitalised plural noun that names a firm, team or
    /// event after it ("Rapaces de Gap", "Pêcheries de l'Odet", "Agrumes du Hainaut",
    /// "Tissages de la Vologne"): the candidate is that one word (`first == last`, no listed
    /// entity), a common word of four letters or more ending in "s" or "x" inside a sentence,
    /// no demonym, given name or head word, after no lowercase head ("musée des Beaux-Arts de
    /// Rouen" is the museum's); then "de", "du" or "d'" and a listed place, or
    /// "de la", "de l'" and a capitalised word that no capitalised word follows. Not on a line
    /// in title case, where such a name proves nothing.
    fn plural_of_place(
        &self,
        d: &Doc<'_>,
        first: usize,
        last: usize,
        row: Option<u32>,
    ) -> Option<usize> {
        let toks = &d.tokens;
        let t = &toks[first];
        // The cheap test first: most candidates have no "de" after them.
        let at = after_de(toks, last)?;
        if first != last
            || row.is_some()
            || t.shape != Shape::Cap
            || t.sentence_start
            || d.caps(t.line)
            || !t.elision.is_empty()
            || t.possessive
            || t.text.len() < 4
            || !t.text.ends_with(['s', 'x'])
            || !self.gaz.is_common(t.text)
            || self.gaz.is_demonym(t.text)
            || self.gaz.is_given(t.text)
            || self.gaz.head(t.text, HeadPos::First).is_some()
            || self.gaz.is_not_entity(t.text)
            // "musée des Beaux-Arts de Rouen": a lowercase head's name.
            || self.lower_head_before(toks, first).is_some()
        {
            return None;
        }
        // Where the place starts, and whether an article ("la", "l'") came before it.
        let (at, article) = match toks.get(at) {
            Some(a) if toks[last + 1].text == "de" && a.joined && a.text == "la" => (at + 1, true),
            Some(a)
                if toks[last + 1].text == "de" && a.joined && matches!(a.elision, "l" | "L") =>
            {
                (at, true)
            }
            _ => (at, false),
        };
        let place = toks.get(at).filter(|p| p.joined && p.shape == Shape::Cap)?;
        if !(place.elision.is_empty() || article || matches!(place.elision, "d" | "D")) {
            return None;
        }
        if let Some((r, n)) = self.gaz.longest(toks, at, false)
            && self.gaz.row(r).kind == EntityType::Location
        {
            return Some(at + n - 1);
        }
        // "de la Vologne", "de l'Odet": an unlisted word after a feminine or elided article.
        let followed = toks
            .get(at + 1)
            .is_some_and(|n| n.joined && n.shape.starts_name());
        (article && !followed && !self.gaz.is_given(place.text)).then_some(at)
    }

    /// "Water (Special Measures) Act 2025", "Planning (Wales) Act 2015": capitalised words in
    /// parentheses after token `k` and before a law's head word go on the name. The last token
    /// of the law (its year included), if so.
    fn parenthesised_law(&self, text: &str, toks: &[NameToken<'_>], k: usize) -> Option<usize> {
        let open = toks.get(k + 1)?;
        if toks[k].shape != Shape::Cap || text[toks[k].end..open.raw_start].trim() != "(" {
            return None;
        }
        let capital = |t: &NameToken<'_>| matches!(t.shape, Shape::Cap | Shape::Upper);
        // The words inside, up to the closing parenthesis.
        let mut m = k + 1;
        loop {
            let t = toks.get(m)?;
            if !capital(t) || m > k + 4 || (m > k + 1 && !t.joined) {
                return None;
            }
            let next = toks.get(m + 1)?;
            let gap = &text[t.end..next.raw_start];
            if gap.trim() == ")" {
                break;
            }
            m += 1;
        }
        // Then the rest of the name, up to a law's head word.
        let mut end = None;
        for (r, t) in toks.iter().enumerate().skip(m + 1).take(3) {
            if !capital(t) || (r > m + 1 && !t.joined) {
                break;
            }
            if self.gaz.head(t.text, HeadPos::Last) == Some(EntityType::Misc) {
                end = Some(r);
            }
        }
        let mut end = end?;
        if toks
            .get(end + 1)
            .is_some_and(|t| t.joined && t.shape == Shape::Number && t.text.len() == 4)
        {
            end += 1;
        }
        Some(end)
    }

    /// Whether token `i` is an abbreviation ("Fig.", "Hist.", "VOLT.", "Lett. XXXVI"): a short
    /// capitalised word (five letters at most, nine in capitals) right before a dot that ends
    /// no sentence (a lowercase word, a number, punctuation or a Roman number follows), written
    /// nowhere in the page without the dot, and no listed name or given name.
    fn abbreviation(&self, d: &Doc<'_>, i: usize, page: &Page<'_, '_>) -> bool {
        let t = &d.tokens[i];
        if !t.dot || t.possessive {
            return false;
        }
        let len = t.text.chars().count();
        let short = match t.shape {
            Shape::Cap => len <= 7,
            Shape::Upper => len <= 9 && !t.text.contains('.'),
            _ => false,
        };
        if !short {
            return false;
        }
        // Six or seven letters only before a Roman number, a word in capitals or another
        // abbreviation ("Instit. Mém.", "Provenç. XIIIe s."), not before any lowercase word.
        let strong_only = t.shape == Shape::Cap && len > 5;
        let after = d.text[t.end + 1..].trim_start_matches([' ', '\t', '\u{a0}']);
        let no_sentence_end = match after.chars().next() {
            None | Some('\n' | '\r') => false,
            // "Lett. XXXVI", "Voy. ABAISSER", "Instit. Mém. scienc.": a Roman number, a word
            // in capitals or another abbreviation follows.
            Some(c) if c.is_uppercase() => d.tokens.get(i + 1).is_some_and(|n| {
                is_roman_number(n.text)
                    || n.text == "I"
                    || (n.shape == Shape::Upper && n.text.chars().count() >= 4)
                    || (n.shape == Shape::Cap && n.dot && n.text.chars().count() <= 5)
            }),
            Some(_) if strong_only => false,
            Some(c) => c != '.',
        };
        // "Voy. ABAISSER", "Hist. Romaine": a word written three times or more with a dot,
        // and ten times as often with a dot as without, is an abbreviation whatever follows.
        let [undotted, dotted] = page.dot_counts(t.text);
        (no_sentence_end && undotted == 0 || dotted >= 3 && dotted >= 10 * undotted)
            && !self.gaz.is_given(t.text)
            && self.gaz.longest(&d.tokens, i, true).is_none()
    }

    /// The last token of ", Y and Z" after token `k` of a run that starts at token `i`: one or
    /// more items of capitalised common words after commas, then "and" and the last item
    /// ("Ministry of Economy, Trade and Industry"). Every word of the run and the items is a
    /// common word that starts no listed name (no "Apple, Google and Microsoft"). With
    /// `head_needed`, the last item ends with a head word ("… and Consumers Act").
    fn comma_list(
        &self,
        text: &str,
        toks: &[NameToken<'_>],
        i: usize,
        k: usize,
        head_needed: bool,
    ) -> Option<usize> {
        let cap =
            |t: &NameToken<'_>| t.shape == Shape::Cap && t.elision.is_empty() && !t.possessive;
        // The shape first (cheap): ", " and a capitalised word right after the run.
        let n = toks.get(k + 1)?;
        if k > i + 6 || !cap(n) || text.get(toks[k].end..n.raw_start)? != ", " {
            return None;
        }
        let mut q = k;
        let mut items = 0;
        let end = loop {
            let n = toks.get(q + 1)?;
            let gap = text.get(toks[q].end..n.raw_start)?;
            if gap == ", " && cap(n) {
                q += 1;
                items += 1;
                while q + 1 < toks.len() && toks[q + 1].joined && cap(&toks[q + 1]) {
                    q += 1;
                }
                if q > k + 12 {
                    return None;
                }
                continue;
            }
            if items == 0 || gap != " " || n.text != "and" {
                return None;
            }
            let mut e = q + 1;
            while e + 1 < toks.len() && e < q + 5 && toks[e + 1].joined && cap(&toks[e + 1]) {
                e += 1;
            }
            if e == q + 1 {
                return None;
            }
            break e;
        };
        let head = self.gaz.head(toks[end].text, HeadPos::Last);
        if head_needed && !matches!(head, Some(EntityType::Misc | EntityType::Organization)) {
            return None;
        }
        // Then the words: common words that start no listed name, no given name.
        let word_ok = |j: usize| {
            let t = &toks[j];
            t.shape == Shape::Lower
                || t.text == "and"
                || (cap(t)
                    && self.gaz.is_common(t.text)
                    && !self.gaz.is_given(t.text)
                    && self.gaz.longest(toks, j, false).is_none())
        };
        (i..=end).all(word_ok).then_some(end)
    }

    /// Whether "on" after token `k` begins the remit of a committee or council ("Committee
    /// on Health"; not "the Council on Monday" nor "the Security Council on Gaza").
    fn panel_remit(&self, toks: &[NameToken<'_>], k: usize) -> bool {
        is_panel_head(toks[k].text)
            && toks.get(k + 2).is_some_and(|a| {
                a.shape == Shape::Cap
                    && !self.gaz.is_not_entity(a.text)
                    // Not "the Security Council on Gaza", "the Commission on Ursula…".
                    && !self.gaz.is_given(a.text)
                    && self.gaz.longest(toks, k + 2, false).is_none()
            })
    }

    /// Whether the possessive "'s" of token `k` is inside a name ("Queen's University Belfast",
    /// "Children's Hospital", "Information Commissioner's Office"): the word is a common noun
    /// (no given name, no listed name) and a head word of an organisation or a place follows
    /// within two capitalised words; or a landmark's word ends the name right after it ("Hag's
    /// Head", "O'Brien's Tower", "Dow's Lake").
    fn possessive_inside(&self, toks: &[NameToken<'_>], k: usize) -> bool {
        let t = &toks[k];
        // "Hag's Head", "O'Brien's Tower", "Giant's Causeway": a landmark's word ends the name
        // right after the possessive.
        let landmark = || {
            toks.get(k + 1).is_some_and(|n| {
                n.joined
                    && n.shape == Shape::Cap
                    && n.elision.is_empty()
                    && matches!(
                        n.text,
                        "Head"
                            | "Tower"
                            | "Point"
                            | "Rock"
                            | "Cross"
                            | "Causeway"
                            | "Leap"
                            | "Lake"
                            | "Cove"
                            | "Creek"
                            | "Island"
                            | "Harbour"
                            | "Wood"
                            | "Vineyard"
                    )
            }) && toks.get(k + 2).is_none_or(|m| {
                // ("Apple's Head of Design": a title.)
                !(m.joined && (matches!(m.shape, Shape::Cap | Shape::Upper) || m.text == "of"))
            }) && !self.gaz.is_given(t.text)
                // ("Donald Trump's Tower": a person's.)
                && !(k > 0 && toks[k - 1].joined && self.gaz.is_given(toks[k - 1].text))
                && self.gaz.longest(toks, k, false).is_none()
        };
        if t.shape == Shape::Cap && t.elision.is_empty() && landmark() {
            return true;
        }
        t.shape == Shape::Cap
            && toks[k + 1..]
                .iter()
                .take(2)
                .take_while(|n| n.joined && n.shape == Shape::Cap && n.elision.is_empty())
                .any(|n| {
                    matches!(
                        self.gaz.head(n.text, HeadPos::Last),
                        Some(EntityType::Organization | EntityType::Location)
                    ) || self.gaz.head(n.text, HeadPos::First) == Some(EntityType::Organization)
                })
            // "St James's University Hospital", "St Mary's Hospital": a saint's name too;
            // "Maine Lobstermen's Association": a trade's plural.
            && (((self.gaz.is_common(t.text) || (t.text.ends_with("men") && t.text.len() > 5))
                && !self.gaz.is_given(t.text)
                // "Danielle Smith's United Conservative Party": a person's surname.
                && !(k > 0
                    && t.joined
                    && self.gaz.is_given(toks[k - 1].text)
                    && !self.gaz.is_demonym(toks[k - 1].text)))
                || (k > 0 && t.joined && matches!(toks[k - 1].text, "St" | "Saint")))
            && self.gaz.longest(toks, k, false).is_none()
    }

    /// A candidate over tokens `first..=last` of `d`.
    fn cand(&self, doc: usize, d: &Doc<'_>, first: usize, last: usize) -> Cand {
        let toks = &d.tokens[first..=last];
        let mut parts = name_parts(toks);
        let acronym = toks.len() == 1 && toks[0].shape == Shape::Upper;
        // "la chaîne L'Équipe", "que L'Oréal": a capitalised "L'" inside a sentence is the
        // name's own article.
        let own_article =
            toks[0].elision == "L" && !toks[0].sentence_start && !d.caps(toks[0].line);
        if own_article {
            parts.insert(0, Part::const_new("l'"));
        }
        Cand {
            doc,
            start: if own_article {
                toks[0].raw_start
            } else {
                toks[0].start
            },
            end: toks[toks.len() - 1].end
                + suffix_dot(d.text, &toks[toks.len() - 1])
                + suffix_plus(d.text, &toks[toks.len() - 1]),
            parts,
            row: None,
            votes: [0.0; 4],
            weak: false,
            acronym,
            cued: false,
            first_tok: first,
            last_tok: last,
            platform: false,
        }
    }

    /// The candidate of tokens `first..=last` of document `doc`, typed `kind` by a rule that
    /// recognised its whole span (a quoted work, a local body).
    fn cued_cand(
        &self,
        doc: usize,
        d: &Doc<'_>,
        first: usize,
        last: usize,
        kind: EntityType,
    ) -> Cand {
        let mut c = self.cand(doc, d, first, last);
        vote(&mut c.votes, kind, 4.0);
        c.cued = true;
        c
    }

    /// The last token of a body's name beginning at `toks[i]` that joins two capitalised
    /// fields with "and" and ends with an organisation's head word ("Food and Agriculture
    /// Organization", "Minnesota Film and TV Board"): one to three capitalised words, none a
    /// head word, the last a field's, "and", then fields' words up to a public body's head
    /// word ("Board", "Service", "Agency"…; a field's word is an acronym or a common noun: not
    /// "Ospreys and Cardiff Rugby").
    fn coordinated_body(&self, toks: &[NameToken<'_>], i: usize) -> Option<usize> {
        let and = (i + 1..toks.len().min(i + 4)).find(|&k| toks[k].text == "and")?;
        // The run starts here: "The" and a word before it belong to another run.
        if i > 0 && toks[i].joined && toks[i - 1].shape != Shape::Lower && toks[i - 1].text != "The"
        {
            return None;
        }
        // A field's word: an acronym or a common noun.
        let field = |t: &NameToken<'_>| t.shape == Shape::Upper || self.gaz.is_common(t.text);
        let before = &toks[i..and];
        if !before.iter().enumerate().all(|(j, t)| {
            t.shape == Shape::Cap
                && t.elision.is_empty()
                && !t.possessive
                && (j == 0 || t.joined)
                && !with_key(t.text, stop)
        }) || !field(&toks[and - 1])
            || !toks[and].joined
        {
            return None;
        }
        // (Not "Filmhouse Cinemas and Genesis Cinemas": two bodies.)
        let body_before = before
            .iter()
            .any(|t| self.gaz.head(t.text, HeadPos::Last) == Some(EntityType::Organization));
        let mut k = and + 1;
        while k < toks.len().min(and + 5) {
            let t = &toks[k];
            if !(t.joined && matches!(t.shape, Shape::Cap | Shape::Upper) && t.elision.is_empty()) {
                return None;
            }
            // A body's head word ("Climate and Energy portfolio", "Science and Engineering
            // degree" name fields, not bodies).
            if !body_before
                && matches!(
                t.text,
                "Organization"
                    | "Organisation"
                    | "Administration"
                    | "Commission"
                    | "Board"
                    | "Service"
                    | "Council"
                    | "Authority"
                    | "Agency"
                    | "Department"
                    | "Institute"
                    | "Committee"
                    | "Office"
                    | "Bureau"
            )
                // "Fisheries and Oceans Canada", "Environment and Climate Change Canada": a
                // Canadian federal department's applied title.
                || (t.text == "Canada"
                    && k >= and + 2
                    // ("Energy and Western Canada": a region.)
                    && !matches!(
                        toks[k - 1].text,
                        "Western" | "Eastern" | "Northern" | "Southern" | "Atlantic" | "Central"
                    ))
            {
                // (Not "Trade and Industry Minister …": the name goes on.)
                let next = toks.get(k + 1);
                return next
                    .is_none_or(|n| !n.joined || n.shape == Shape::Lower)
                    .then_some(k);
            }
            // The second field is a common noun or an acronym ("TV"): not "Ospreys and
            // Cardiff Rugby", two bodies.
            if t.possessive || !field(t) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "The Bluest Eye", "La Cerisaie": inside a sentence, a capitalised article before
    /// capitalised words that no list, head word or given name explains begins a title (a
    /// work, an event). In French, only "La" and "Les" before one common noun ("Le" mostly
    /// begins a surname: "Le Maire", "Le Goff").
    fn titled_work(&self, di: usize, d: &Doc<'_>, first: usize, last: usize) -> Option<Cand> {
        let toks = &d.tokens;
        let t = &toks[first];
        if first >= last || t.sentence_start || d.caps(t.line) || !t.elision.is_empty() {
            return None;
        }
        let english = match t.text {
            "The" => true,
            "La" | "Les" => false,
            _ => return None,
        };
        if !english && last != first + 1 {
            return None;
        }
        let mut end = last;
        let words = &toks[first + 1..=last];
        let explained = words.iter().any(|w| {
            w.shape != Shape::Cap
                || !w.elision.is_empty()
                || w.possessive
                || self.gaz.is_given(w.text)
                || self.gaz.lists_place(w.text)
                || self.gaz.is_demonym(w.text)
                || self.gaz.head(w.text, HeadPos::First).is_some()
                || self.gaz.head(w.text, HeadPos::Last).is_some()
        }) || self.gaz.longest(toks, first, false).is_some()
            || self.gaz.longest(toks, first + 1, false).is_some();
        if explained {
            return None;
        }
        if !english {
            let w = &toks[last];
            // (A noun of four letters only before such a complement: "La Nuit des lamaneurs".)
            let n = w.text.chars().count();
            if n < 4 || !self.gaz.is_common(w.text) {
                return None;
            }
            // "Les Pirogues de Kayar", "La Nuit des lamaneurs": one complement with "de" that
            // a punctuation mark closes ends the title.
            if let (Some(p), Some(x)) = (toks.get(last + 1), toks.get(last + 2))
                && p.joined
                && x.joined
                && p.elision.is_empty()
                && x.elision.is_empty()
                && matches!(p.text, "de" | "des" | "du")
                && toks.get(last + 3).is_none_or(|n| !n.joined)
                && match x.shape {
                    Shape::Cap => {
                        !self.gaz.is_given(x.text)
                            && !self.gaz.lists_place(x.text)
                            && self.gaz.head(x.text, HeadPos::Last).is_none()
                    }
                    Shape::Lower => x.text.chars().count() >= 4 && !with_key(x.text, stop),
                    _ => false,
                }
            {
                end = last + 2;
            } else if n < 5 {
                return None;
            } else {
                // "Les Heures lentes", "La Guerre des Gaules": a French title goes on with
                // lowercase words, whose end is unknown.
                if let Some(n) = toks.get(last + 1)
                    && n.joined
                    && !with_key(n.text, stop)
                    && !is_speech_verb(n.text)
                {
                    return None;
                }
                if let Some(n) = toks.get(last + 2)
                    && toks[last + 1].joined
                    && n.joined
                    && matches!(n.shape, Shape::Cap | Shape::Upper)
                {
                    return None;
                }
            }
        }
        // "l'association Les Vitrines", "la résidence Les Terrasses": a cue types it; "à La
        // Tuque": a place.
        if self.lower_head_before(toks, first).is_some()
            || (first > 0
                && t.joined
                && t.text == "La"
                && matches!(toks[first - 1].text, "à" | "vers" | "depuis"))
            || self
                .preceding_cue(d, first)
                .is_some_and(|k| k != EntityType::Misc)
            || first > 0
                && self
                    .cue_ending_at(d, first)
                    .is_some_and(|k| k != EntityType::Misc)
        {
            return None;
        }
        Some(self.cued_cand(di, d, first, end, EntityType::Misc))
    }

    /// "La Paloise Marie-Lou Etcheverry", "le Lorientais Yann Le Goff": an unlisted
    /// capitalised word with a French demonym's ending, after an article and before a given
    /// name (or two unknown capitalised words, "la Liégeoise Lylou Dessart"), says where the
    /// person named next comes from; the next word has no elided article of its own, and a
    /// head word ("le Domaine Zorba Ferrand") is no demonym.
    fn demonym_before_given(&self, toks: &[NameToken<'_>], first: usize, last: usize) -> bool {
        let t = &toks[first];
        // "l'Ajaccien Pierre-Antoine Santoni-Mattei": the article elided.
        let elided = matches!(t.elision, "l" | "L");
        first < last
            && t.shape == Shape::Cap
            && (elided
                || (first > 0
                    && t.joined
                    && t.elision.is_empty()
                    && matches!(
                        toks[first - 1].text,
                        "La" | "Le" | "Les" | "la" | "le" | "les"
                    )))
            && [
                "ois", "oise", "ais", "aise", "ien", "ienne", "éen", "éenne", "ain", "aine",
            ]
            .iter()
            .any(|e| t.text.len() > e.len() + 2 && t.text.ends_with(e))
            && toks[first + 1].shape == Shape::Cap
            && toks[first + 1].joined
            && toks[first + 1].elision.is_empty()
            // "la Liégeoise Lylou Dessart": an unlisted given name, a surname after it.
            && (self.gaz.is_given(toks[first + 1].text)
                || toks[first + 1]
                    .text
                    .split_once('-')
                    .is_some_and(|(a, b)| self.gaz.is_given(a) && self.gaz.is_given(b))
                || (first + 2 == last
                    && toks[last].joined
                    && toks[last].shape == Shape::Cap
                    && toks[last].elision.is_empty()
                    && !self.gaz.is_common(toks[first + 1].text)
                    && !self.gaz.lists_place(toks[first + 1].text)
                    && self.gaz.head(toks[last].text, HeadPos::Last).is_none()))
            && !self.gaz.is_given(t.text)
            && self.gaz.head(t.text, HeadPos::First).is_none()
            && self.gaz.longest(toks, first, false).is_none()
    }

    /// Trims a run to its name, types it and pushes it.
    #[allow(clippy::too_many_arguments)]
    fn push_run(
        &self,
        di: usize,
        d: &Doc<'_>,
        mut first: usize,
        mut last: usize,
        page: &Page<'_, '_>,
        out: &mut Vec<Cand>,
    ) {
        let (mid_caps, lower) = (page.mid_caps, page.lower);
        let toks = &d.tokens;
        if self.lower_head_of_name(toks, first).is_some() {
            // "département de la Justice": the whole run belongs to the name.
            out.push(self.cand(di, d, first, last));
            return;
        }
        if let Some(c) = self.titled_work(di, d, first, last) {
            out.push(c);
            return;
        }
        // "l'ancien cadre de Fret SNCF Matthieu van Hecke", "the CEO of Ørsted UK Duncan
        // Clark": an acronym, then a given name and a surname, are two names.
        if let Some(j) = (first + 1..last).find(|&j| {
            toks[j - 1].shape == Shape::Upper
                && toks[j - 1].text.chars().count() >= 2
                // Not a title ("Backbench MSP Callum Drever", "Independent TD Martin …").
                && with_key(toks[j - 1].text, |k| self.gaz.cue(k)) != Some(EntityType::Person)
                && toks[j].shape == Shape::Cap
                && self.gaz.is_given(toks[j].text)
                && !self.gaz.lists_place(toks[j].text)
        }) {
            self.push_run(di, d, first, j - 1, page, out);
            self.push_run(di, d, j, last, page, out);
            return;
        }
        let mut cue = None;
        let mut demonym = false;
        // "Data Protection Act", "Kennedy Space Center": a name that ends with a head keeps
        // its words, also before a year ("British Museum Act 1963").
        // ("Desmond St. Hill": not after a saint's "St.", which begins a surname; the
        // tokens keep the dot out.)
        let tail_head = last > first
            && toks[last - 1].text != "St"
            && (self.gaz.head(toks[last].text, HeadPos::Last).is_some()
                || (last > first + 1
                    && toks[last].shape == Shape::Number
                    && self.gaz.head(toks[last - 1].text, HeadPos::Last)
                        == Some(EntityType::Misc)));
        // "Mines Minister Helen Kouris", "Backbench MSP Callum Drever": a title inside a run,
        // before a given name (or an initial) and a surname, ends what comes before it, also
        // when the surname is a place's head word ("Foreign Secretary Jane Hill").
        let tail_place =
            self.gaz.head(toks[last].text, HeadPos::Last) == Some(EntityType::Location);
        if last >= first + 2
            && (!tail_head || tail_place)
            && let Some(j) = (first + 1..last - 1).rev().find(|&j| {
                matches!(toks[j].shape, Shape::Cap | Shape::Upper)
                    && (self.gaz.is_given(toks[j + 1].text)
                        // "Health Minister J. P. Nadda": an initial begins the name.
                        || (toks[j + 1].shape == Shape::Initial && toks[j + 1].dot)
                        // "Independent TD Colm Ó Gallchóir".
                        || (j + 3 == last
                            && toks[j + 1].shape == Shape::Cap
                            && !self.gaz.is_common(toks[j + 1].text)
                            && gaelic_particle(toks, j + 2))
                        // "Cabinet Secretary Mutahi Kagwe", "Agriculture Minister Shivraj
                        // Singh Chouhan": two or three last words that are no common words or
                        // places.
                        || ((j + 2 == last || j + 3 == last)
                            && toks[j + 1..=last].iter().all(|t| {
                                t.shape == Shape::Cap
                                    && !self.gaz.is_common(t.text)
                                    && !self.gaz.lists_place(t.text)
                                    && self.gaz.head(t.text, HeadPos::Last).is_none()
                            })))
                    && with_key(toks[j].text, |k| self.gaz.cue(k)) == Some(EntityType::Person)
            })
        {
            first = j;
        }
        // "Minister for Agriculture Martin Heydon", "ministre de la Culture Rachida Dati": after
        // a minister's "for" or "de", the portfolio's words come before the person's given name.
        if last >= first + 2 {
            let mut b = first;
            while b > 0
                && first - b < 2
                && matches!(toks[b - 1].text, "for" | "of" | "de" | "du" | "des" | "la")
            {
                b -= 1;
            }
            if b < first
                && b > 0
                && matches!(
                    toks[b - 1].text,
                    "Minister" | "minister" | "Ministre" | "ministre" | "Secretary" | "secretary"
                )
                && let Some(j) = (first + 1..last).find(|&j| self.gaz.is_given(toks[j].text))
                && toks[j..=last].iter().all(|t| t.shape == Shape::Cap)
            {
                first = j;
            }
        }
        // "FORT WILLIAM —", "PORT HARDY —", "LAKE PLACID —": a dateline of several words
        // keeps its first word, though it is a common word or a head written in capitals.
        // (A place's word first, and a dash or a comma after: not "KING CHARLES:", "GUERRE EN
        // UKRAINE :".)
        let town_dateline = first < last
            && toks[first].shape == Shape::Upper
            && matches!(
                toks[first].text,
                "FORT"
                    | "MOUNT"
                    | "PORT"
                    | "LAKE"
                    | "CAMP"
                    | "CAPE"
                    | "GRAND"
                    | "GRANDE"
                    | "BIG"
                    | "LE"
                    | "LA"
                    | "LES"
                    | "PRINCE"
                    | "SAINT"
                    | "SAINTE"
                    | "ST"
                    | "NEW"
                    | "NORTH"
                    | "SOUTH"
                    | "EAST"
                    | "WEST"
                    | "CAP"
                    | "MONT"
                    | "PONT"
                    | "VAL"
            )
            && d.text[toks[last].end..]
                .trim_start()
                .starts_with(['–', '—', ','])
            && dateline(d, first, last)
            && toks[first..=last]
                .iter()
                .any(|t| !self.gaz.is_common(t.text));
        // Leading cues ("M.", "Mme", "Président", "Judge") and words that are no names.
        let mut scratch = page.scratch.borrow_mut();
        let (key, lower_word) = &mut *scratch;
        while first <= last && !town_dateline {
            let t = &toks[first];
            // "The Federal Reserve held": a listed name of several words starts here.
            if first > 0
                && self
                    .gaz
                    .longest(toks, first, d.caps(t.line))
                    .is_some_and(|(_, n)| n >= 2 && first + n - 1 <= last)
            {
                break;
            }
            key.clear();
            push_key(t.text, key);
            // A capitalised head word inside a sentence is part of the name ("l'Université
            // Bordeaux Montaigne", "le Collectif Langues Rares", "Mount Carnaby"), though its
            // lowercase form is a cue ("l'université", "le collectif").
            // ("L'Union Saint-Gilloise" at a sentence start: the elided article begins it.)
            let name_head = || {
                t.shape == Shape::Cap
                    && (!t.sentence_start || (matches!(t.elision, "L" | "l") && first < last))
                    && matches!(
                        self.gaz.head(t.text, HeadPos::First),
                        Some(EntityType::Organization | EntityType::Location)
                    )
            };
            // "General Medical Council": a title before a common word and an organisation's
            // head word begins the organisation's name.
            let org_name = || {
                self.gaz.head(toks[last].text, HeadPos::Last) == Some(EntityType::Organization)
                    && toks[first + 1].shape == Shape::Cap
                    && !self.gaz.is_given(toks[first + 1].text)
                    && self.gaz.is_common(toks[first + 1].text)
            };
            if let Some(kind) = self.gaz.cue(key)
                && first < last
                && !name_head()
                // "Queen's University": a title with a possessive inside a run is a word of
                // the name.
                && !t.possessive
                && !(kind == EntityType::Person && t.shape == Shape::Cap && org_name())
                // "Anchor Island", "Anchor Bay": a cue word before a landform's head word
                // alone (one that is no surname, unlike "Hill" or "Park") names the place.
                && !(first + 1 == last && t.shape == Shape::Cap && is_landform(toks[last].text))
            {
                cue = Some(kind);
                first += 1;
                // "Exporter Mekdes Haile-Giorgis said": a trade that names a person as well
                // as a firm, before two capitalised words the last of which is no word
                // ("Producer Abyssinia Green" stays a firm), is the person's.
                if kind == EntityType::Organization
                    && first + 1 == last
                    && toks[first].shape == Shape::Cap
                    && toks[last].shape == Shape::Cap
                    && toks[last].elision.is_empty()
                    && self.gaz.head(toks[last].text, HeadPos::Last).is_none()
                    && self.gaz.head(toks[first].text, HeadPos::First).is_none()
                    && !self.gaz.is_common(toks[last].text)
                    && !self.gaz.lists_place(toks[last].text)
                    && self.gaz.longest(toks, first, false).is_none()
                    && {
                        lowercase_into(t.text, lower_word);
                        is_personal_trade(lower_word)
                    }
                {
                    cue = Some(EntityType::Person);
                }
                // "Élu de la Sarthe depuis 2017, …", "Député de Paris": a role opening the
                // sentence, then "de" and a listed place: the place it serves (not "M. de
                // Ravinel", a surname's particle).
                if kind == EntityType::Person
                    && t.sentence_start
                    && !is_courtesy_title(t.text)
                    && toks[first].shape == Shape::Lower
                    && matches!(toks[first].text, "de" | "du" | "des")
                {
                    let at = if toks[first].text == "de"
                        && toks.get(first + 1).is_some_and(|n| n.text == "la")
                    {
                        first + 2
                    } else {
                        first + 1
                    };
                    if at <= last
                        && self.gaz.longest(toks, at, false).is_some_and(|(r, n)| {
                            at + n - 1 == last && self.gaz.row(r).kind == EntityType::Location
                        })
                    {
                        cue = None;
                        first = at;
                        continue;
                    }
                }
                // "Le PDG d'Airbus": what the role heads, not the person.
                if kind == EntityType::Person
                    && matches!(toks[first].elision, "d" | "D")
                    && !self.gaz.is_given(toks[first].text)
                    && let Some(k) = role_of_elided(t.text)
                {
                    cue = Some(k);
                }
                // "PDG de Korvane", "CEO of Brandlow": the cue with the particle after it
                // announces another type, and the particle is left out.
                if first < last
                    && toks[first].shape == Shape::Lower
                    && matches!(toks[first].text, "de" | "du" | "of")
                    && let Some(k) = self.gaz.cue(&format!("{key} {}", toks[first].text))
                {
                    cue = Some(k);
                    first += 1;
                }
                continue;
            }
            // Particles begin a name after a cue ("M. de Ravinel", "M. Le Goff") or inside a
            // sentence ("Le Floch", "Di Benedetto").
            let particle = PARTICLES.contains(&key.as_str()) && first < last;
            let mut after = first;
            while after < last && with_key(toks[after].text, |k| PARTICLES.contains(&k)) {
                after += 1;
            }
            let listed_after = self.gaz.longest(toks, after, d.caps(t.line)).is_some();
            // "Mme de Villeneuve", "M. de Castellane": after a courtesy title the particle and
            // the name are a person's name, even when the name is also a place's.
            let courtesy = first > 0
                && cue == Some(EntityType::Person)
                && is_courtesy_title(toks[first - 1].text);
            if particle
                && (!listed_after || courtesy)
                && (cue == Some(EntityType::Person)
                    || (t.shape == Shape::Cap && !t.sentence_start && !d.caps(t.line))
                    || (t.shape == Shape::Cap
                        && particle_index(t.text).is_some_and(|k| {
                            page.particle_names.contains(&(k, toks[first + 1].text))
                        })))
            {
                break;
            }
            if self.gaz.is_demonym(t.text) && first < last {
                if tail_head && !self.gaz.is_given(toks[first + 1].text) {
                    break;
                }
                // "Judge Lorraine Beckham-Tate": a demonym that is also a given name, with no
                // article before it, before an unknown capitalised word that is no title.
                if self.gaz.is_given(t.text)
                    && !after_article(toks, first)
                    && with_key(toks[first + 1].text, |k| self.gaz.cue(k)).is_none()
                    && toks[first + 1].shape == Shape::Cap
                    && toks[first + 1].joined
                    && !self.gaz.is_common(toks[first + 1].text)
                    && !self.gaz.lists_place(toks[first + 1].text)
                {
                    break;
                }
                // "Canadian Tire", "Irish Water": a demonym before a capitalised common word
                // (no given name) inside a sentence begins a name.
                // (Not a French people's noun after its article, "le Slovaque Matúš", nor a
                // title's nationality, "French President Macron".)
                if !d.caps(t.line)
                    && !t.sentence_start
                    && !after_article(toks, first)
                    && !toks[first + 1..=last]
                        .iter()
                        .any(|w| with_key(w.text, |k| self.gaz.cue(k)) == Some(EntityType::Person))
                    && toks[first + 1].shape == Shape::Cap
                    && toks[first + 1].joined
                    && self.gaz.is_common(toks[first + 1].text)
                    && !self.gaz.is_given(toks[first + 1].text)
                    && !self.gaz.lists_place(toks[first + 1].text)
                {
                    break;
                }
                // "Australian Institute of Marine Science": an organisation's head word right
                // after the demonym, with "of" after it.
                if self.gaz.head(toks[first + 1].text, HeadPos::First)
                    == Some(EntityType::Organization)
                    && toks.get(first + 2).is_some_and(|t| t.text == "of")
                    && first + 2 < last
                {
                    break;
                }
                // "Scottish Labour", "Belgian Grand Prix": a demonym before a listed
                // organisation or event names a branch or an edition of it.
                if !d.caps(t.line)
                    && self
                        .gaz
                        .longest(toks, first + 1, false)
                        .is_some_and(|(r, n)| {
                            first + n == last && self.gaz.row(r).kind != EntityType::Location
                        })
                {
                    break;
                }
                demonym = true;
            }
            let ambiguous = t.sentence_start || d.caps(t.line);
            // "le groupe Les Hay Babies", "as The Open returns": a capitalised article inside
            // a sentence begins the name.
            if matches!(t.text, "Les" | "The") && !ambiguous && first < last && t.joined {
                break;
            }
            // "Te Whatu Ora", "Dr Te Paa-Whitmore", "An Coimisiún Pleanála", "Ms Justice Ní
            // Fhlannagáin": Māori and Irish articles and particles begin names (inside a
            // sentence, where no English "An" or French "Te" is capitalised; "Ní" with its
            // accent is no French "Ni").
            if first < last
                && toks[first + 1].joined
                && toks[first + 1].elision.is_empty()
                && toks[first + 1].shape == Shape::Cap
                && (matches!(t.text, "Ní" | "Uí")
                    || (matches!(t.text, "Te" | "An") && !ambiguous && t.joined)
                    // "Te Huia-Bennett said": no French "Te" before an unknown capitalised word.
                    || (t.text == "Te"
                        && !self.gaz.is_common(toks[first + 1].text)
                        && !self.gaz.lists_place(toks[first + 1].text)))
            {
                break;
            }
            // "the New Zealander Tomas Verhoeven", "South African Lungi Ngidi": a demonym of
            // two words before a given name.
            if first + 2 <= last
                && t.shape == Shape::Cap
                && toks[first + 1].joined
                && toks[first + 1].shape == Shape::Cap
                && toks[first + 2].joined
                && self.gaz.is_given(toks[first + 2].text)
                && !self.gaz.is_given(toks[first + 1].text)
                && self
                    .gaz
                    .is_demonym(&format!("{} {}", t.text, toks[first + 1].text))
            {
                first += 2;
                continue;
            }
            lowercase_into(t.text, lower_word);
            let head_word = (first < last && self.gaz.head(t.text, HeadPos::First).is_some())
                || (first == last && self.completed_head(toks, first));
            // "Federal Bureau of Investigation", "National Stock Exchange of India": an
            // adjective that is no name alone begins one with an organisation's head word.
            let org_head_after = || {
                toks[first + 1..=last]
                    .iter()
                    .any(|n| self.gaz.is_org_head(n.text))
            };
            // (After an elided article the capital is the name's, even at a sentence start:
            // "L'École centrale de Nantes".)
            let no_name = (self.gaz.is_not_entity(t.text)
                && !((tail_head || head_word || (first < last && org_head_after()))
                    && (!t.sentence_start || !t.elision.is_empty()))
                && !(t.shape == Shape::Upper && page.defined.contains(t.text)))
                || self.gaz.is_demonym(t.text)
                || self.demonym_before_given(toks, first, last)
                // "le garde des Sceaux, X": the last word of a cue phrase.
                || self.ends_cue_phrase(d, first)
                // ("J. P. Nadda": an initial with its dot is no stop word.)
                || (stop(lower_word) && !(t.shape == Shape::Initial && t.dot))
                || is_number_word(lower_word)
                || t.shape == Shape::Initial && !t.dot && !gaelic_particle(toks, first)
                // "Non-league Kingsbridge Rovers", "Long-time": at a sentence start, a compound
                // whose last part is lowercase is a common word before a name.
                || (first < last
                    && t.sentence_start
                    && t.shape == Shape::Cap
                    && t
                        .text
                        .rsplit('-')
                        .next()
                        .is_some_and(|p| p.len() < t.text.len() && p.starts_with(char::is_lowercase)));
            // "Operators Arriva Yorkshire said", "Organisers Mashal Sports", "Neighbouring
            // Neskantaga First Nation": at a sentence start, a common plural agent noun or a
            // participle describes the name of two words or more after it.
            let described = t.sentence_start
                && first + 2 <= last
                && t.shape == Shape::Cap
                && is_describing_shape(t.text)
                && self.gaz.is_common(t.text)
                && !self.gaz.is_given(t.text)
                && self.gaz.head(t.text, HeadPos::First).is_none()
                && self.gaz.longest(toks, first, false).is_none()
                && {
                    let n = &toks[first + 1];
                    n.joined
                        && n.shape == Shape::Cap
                        && n.elision.is_empty()
                        && ((!self.gaz.is_common(n.text)
                            && self.gaz.head(n.text, HeadPos::First).is_none())
                            // "Driving Highway 11".
                            || (is_road_word(n.text)
                                && toks.get(first + 2).is_some_and(|x| x.shape == Shape::Number)))
                };
            let unexplained_start = ambiguous
                && first < last
                && !tail_head
                && !gaelic_particle(toks, first)
                && !self.gaz.is_given(t.text)
                && self.gaz.head(t.text, HeadPos::First).is_none()
                && !mid_caps.contains(t.text)
                && (lower.contains(lower_word.as_str())
                    || toks[first + 1..=last]
                        .iter()
                        .any(|n| self.gaz.is_given(n.text))
                    // "Tiens Dupont" where the page also writes "Dupont" alone inside a
                    // sentence, "Hope Chanda-Phiri" (a common word); not "Kwesi Mensah"
                    // where "Mensah" always comes after "Kwesi".
                    || (first + 1 == last
                        && (page.written_alone(&self.gaz).contains(toks[last].text)
                            || (mid_caps.contains(toks[last].text)
                                && self.gaz.is_common(t.text)))
                        && toks[last].elision.is_empty()));
            if no_name || unexplained_start || described {
                first += 1;
                continue;
            }
            break;
        }
        // "Stage 4 has been coming", "The 140 women": a number left alone is no name.
        if first == last && toks[first].shape == Shape::Number {
            return;
        }
        // Trailing words that are no names ("Microsoft TV"), never inside a listed name the
        // run now starts with ("Le Conseil d'État a tranché").
        let listed_end = (first <= last)
            .then(|| self.gaz.longest(toks, first, d.caps(toks[first].line)))
            .flatten()
            .map(|(_, n)| first + n - 1)
            .filter(|&e| e <= last);
        while last >= first && last > 0 && listed_end.is_none_or(|e| last > e) {
            let t = &toks[last];
            // "Theresa May", "la Néerlandaise Marianne Vos": a word that is no name alone, or
            // a stop word, after a given name is a surname.
            let surname_after_given = last == first + 1
                && t.shape == Shape::Cap
                && !d.caps(t.line)
                && self.gaz.is_given(toks[first].text)
                && !self.gaz.is_demonym(t.text);
            let head_kept = last > first && self.gaz.head(t.text, HeadPos::Last).is_some()
                || (last >= first + 2 && toks[last - 1].shape == Shape::Lower)
                // "Institute of Marine Science": after an organisation's head word and "of".
                || (last >= first + 2
                    && toks[first..last]
                        .windows(2)
                        .any(|w| w[1].text == "of" && self.gaz.is_org_head(w[0].text)))
                || surname_after_given
                || (last == first && self.completed_head(toks, first));
            // "Cape Breton", "Banque Cantonale Vaudoise": a demonym after a place's or a
            // body's head word is part of its name.
            let head_named = last > first
                && matches!(
                    self.gaz.head(toks[first].text, HeadPos::First),
                    Some(EntityType::Location | EntityType::Organization)
                );
            if (self.gaz.is_not_entity(t.text)
                // "La Région wallonne": a listed name that goes on with lowercase words after
                // the run.
                && !(head_kept || self.listed_beyond(d, first, last))
                && !(t.shape == Shape::Upper && page.defined.contains(t.text)))
                || (self.gaz.is_demonym(t.text) && !head_named)
                || (t.shape == Shape::Lower)
                || {
                    lowercase_into(t.text, lower_word);
                    // "la Néerlandaise Marianne Vos": inside a sentence, a stop word after a
                    // given name is a surname.
                    let surname = surname_after_given
                        && !t.sentence_start
                        && t.elision.is_empty()
                        && !PARTICLES.contains(&lower_word.as_str());
                    stop(lower_word) && !surname
                }
            {
                if last == first {
                    return;
                }
                last -= 1;
                continue;
            }
            break;
        }
        if first > last {
            return;
        }
        // A regnal number or a century alone is no name ("III", "au XVIe siècle"); it stays
        // inside one ("Henri III").
        if first == last && is_roman_number(toks[first].text) {
            return;
        }
        // "les Phocéens", "les Cantalous", "des Prévôtois", "Les Tourquennoises": a plural
        // word for the people of a place (not listed as a demonym) is no name.
        if first == last
            && cue.is_none()
            && first > 0
            && toks[first].joined
            && toks[first].shape == Shape::Cap
            && toks[first].elision.is_empty()
            && matches!(
                toks[first - 1].text,
                "les" | "Les" | "des" | "Des" | "aux" | "Aux"
            )
            && is_people_plural(toks[first].text)
            && self.gaz.longest(toks, first, false).is_none()
            // ("chez les Républicains": a party listed with its article.)
            && self.gaz.longest(toks, first - 1, false).is_none()
        {
            return;
        }
        // "Estate manager Rohan Barooah", "Towboat captain Earl Thibodeaux": at a sentence
        // start, a common word before a person's title and a name says what they run.
        if first == last
            && toks[first].sentence_start
            && toks[first].shape == Shape::Cap
            && (self.gaz.is_common(toks[first].text)
                || self.gaz.head(toks[first].text, HeadPos::First).is_some())
            && toks.get(last + 1).is_some_and(|n| {
                n.joined
                    && n.shape == Shape::Lower
                    && with_key(n.text, |k| self.gaz.cue(k)) == Some(EntityType::Person)
            })
            && toks
                .get(last + 2)
                .is_some_and(|n| n.joined && n.shape == Shape::Cap)
            && self.gaz.longest(toks, first, false).is_none()
        {
            return;
        }
        // "2 milliards de francs CFA": a currency.
        if first == last
            && toks[first].text == "CFA"
            && first > 0
            && matches!(
                toks[first - 1].text,
                "franc" | "francs" | "Franc" | "Francs"
            )
        {
            return;
        }
        // A courtesy title alone is no name ("Mme van damme", "Dr le hénaff"); "Ms" may be an
        // informal form of a name ("l'ogre Ms").
        if first == last
            && is_courtesy_title(toks[first].text)
            && !toks[first].text.starts_with("Ms")
        {
            return;
        }
        // "le ministre jersiais des Relations extérieures", "la ministre de la Mobilité",
        // "l'échevin de la Mobilité", "l'adjointe à la Culture": a capitalised common noun
        // after a minister, an alderman or a deputy mayor and a particle names a portfolio, no
        // entity.
        if first == last
            && cue.is_none()
            && toks[first].shape == Shape::Cap
            && toks[first].joined
            && self.gaz.is_common(toks[first].text)
            // ("l'adjoint au maire de Nice": a listed name is no portfolio.)
            && self.gaz.longest(toks, first, false).is_none()
            && (toks
                .get(last + 1)
                .is_some_and(|n| n.joined && n.shape == Shape::Lower && is_adjective(n.text))
                || toks
                    .get(last + 1)
                    .is_none_or(|n| !n.joined || n.shape == Shape::Lower))
            && toks[..first]
                .iter()
                .rev()
                .take(4)
                .take_while(|p| p.shape == Shape::Lower)
                .any(|p| {
                    matches!(
                        p.text,
                        "ministre"
                            | "ministres"
                            | "secrétaire"
                            | "échevin"
                            | "échevine"
                            | "échevins"
                            | "adjoint"
                            | "adjointe"
                            | "adjoints"
                    )
                })
        {
            return;
        }
        if first == last && self.abbreviation(d, first, page) {
            return;
        }
        // One initial alone is no name ("V. ABAISSER", "cf. A.").
        if first == last
            && toks[first].shape == Shape::Initial
            && toks[first].dot
            && self.gaz.longest(toks, first, true).is_none()
        {
            return;
        }
        // Common words in capitals that begin a line or sentence are a heading, not an
        // acronym ("HISTORIQUE", "SUPPLÉMENT AU DICTIONNAIRE", "ABANDON (a-ban-don)").
        if toks[first].sentence_start
            && toks[first..=last].iter().any(|t| t.text.len() >= 5)
            && toks[first..=last].iter().all(|t| {
                t.shape == Shape::Upper
                    && (self.gaz.is_common(t.text) || with_key(t.text, stop))
                    && !t.text.contains('.')
            })
        {
            return;
        }
        // An unexplained common word before a listed name is not part of it ("Web
        // Microsoft" at a sentence start); an unknown one is ("Pharmadis Nord"), and so is a
        // common one before a place or an organisation inside a sentence.
        if first < last
            && !self.gaz.is_given(toks[first].text)
            && self.gaz.head(toks[first].text, HeadPos::First).is_none()
            && self
                .gaz
                .longest(toks, first + 1, d.caps(toks[first].line))
                .is_some_and(|(r, n)| {
                    first + n == last
                        // "Police Scotland", "Athletics Kenya": inside a sentence, a
                        // capitalised word before a place names a body of that place.
                        // "Fret SNCF", "Transport Canberra": and so does one before a listed
                        // organisation (a branch of it).
                        && (toks[first].sentence_start
                            || d.caps(toks[first].line)
                            || !matches!(
                                self.gaz.row(r).kind,
                                EntityType::Location | EntityType::Organization
                            ))
                })
            // (An unknown acronym stays: "PETA India has asked", "RSPB Scotland said".)
            && (self.gaz.is_common(toks[first].text)
                || !matches!(toks[first].shape, Shape::Cap | Shape::Upper))
            && !self.gaz.is_demonym(toks[first].text)
        {
            first += 1;
        }
        // A run may now start with a listed name ("Depuis Microsoft"), unless a cue typed it
        // otherwise ("M. Lacoste").
        // The listed name may go on with lowercase words after the run ("La Commission
        // européenne").
        if let Some((row, n)) = self.gaz.longest(toks, first, d.caps(toks[first].line))
            && (first + n - 1 == last
                || (first + n - 1 > last
                    && toks[last + 1..first + n]
                        .iter()
                        .all(|t| t.shape == Shape::Lower)))
            && cue.is_none_or(|k| k == self.gaz.row(row).kind)
        {
            let last = first + n - 1;
            let mut c = self.cand(di, d, first, last);
            let kind = self.gaz.row(row).kind;
            // "la Peugeot 3008", "la Coupe du monde 2030": a company's or an event's name
            // with a model or edition number names a product or an edition.
            if matches!(kind, EntityType::Organization | EntityType::Misc)
                && let Some(k) = model_number(d.text, toks, last)
            {
                c.end = toks[k].end;
                c.last_tok = k;
                c.parts.push(toks[k].part());
                vote(&mut c.votes, EntityType::Misc, 3.0);
                out.push(c);
                return;
            }
            if !d.caps(toks[first].line) && self.regional_body(toks, first, last) {
                c.end = toks[last + 1].end;
                c.last_tok = last + 1;
                c.parts.push(toks[last + 1].part());
            } else {
                c.row = Some(row);
            }
            vote(&mut c.votes, kind, 3.0);
            // "Allez Brest !", "beating Kilkenny": a listed place cheered on or beaten.
            if n == 1 && self.cheered_team(toks, first) {
                vote(&mut c.votes, EntityType::Organization, 3.5);
            }
            out.push(c);
            return;
        }
        // Noble particles before the name ("van den Broek", "von der Leyen").
        while first > 0
            && toks[first].joined
            && toks[first].elision.is_empty()
            && NOBLE_PARTICLES.contains(&toks[first - 1].text)
        {
            first -= 1;
        }
        // A head word alone is a common noun ("la Confédération", "l'Orchestre"), unless
        // lowercase words complete it ("Confédération paysanne", "Conseil exécutif des
        // transports urbains durables (Cetud)").
        if first == last
            && cue.is_none()
            && (self.gaz.head(toks[first].text, HeadPos::First).is_some()
                || self.gaz.head(toks[first].text, HeadPos::Last).is_some())
        {
            let mut c = self.cand(di, d, first, last);
            self.extend(d, &mut c);
            if c.last_tok > last {
                out.push(c);
            }
            return;
        }
        let mut c = self.cand(di, d, first, last);
        if cue == Some(EntityType::Person) && !toks[first].elision.is_empty() {
            // "Me d'Aubigny-Ferrand": the particle is part of the name.
            c.start = toks[first].raw_start;
        }
        let n = last + 1 - first;
        // "An Bord Pleanála", "Te Whatu Ora": after a Māori or Irish article, the next word is
        // the name's head.
        let head = if n > 2 && matches!(toks[first].text, "An" | "Te") {
            &toks[first + 1]
        } else {
            &toks[first]
        };
        // "Electoral Act 2022": a number after the head word does not hide it.
        let tail_at = if toks[last].shape == Shape::Number && last > first {
            last - 1
        } else {
            last
        };
        let tail = &toks[tail_at];
        if demonym {
            vote(&mut c.votes, EntityType::Person, 1.5);
        }
        // "lithium producer SQM": a person's role before a word in capitals announces no
        // person (people are not written in capitals inside a sentence).
        let upper_alone = n == 1 && head.shape == Shape::Upper && !d.caps(head.line);
        if let Some(kind) = cue.filter(|k| !(upper_alone && *k == EntityType::Person)) {
            vote(&mut c.votes, kind, 2.0);
            c.cued = true;
        }
        let mut place_cued = false;
        if let Some(kind) = self
            .preceding_cue(d, first)
            .filter(|k| !(upper_alone && *k == EntityType::Person))
        {
            // "the drama Tierra Prestada", "le film Emma": a work's cue outweighs a given
            // name that begins the title.
            let w = if kind == EntityType::Misc { 2.5 } else { 2.0 };
            vote(&mut c.votes, kind, w);
            c.cued = true;
            place_cued = kind == EntityType::Location
                && (place_unit_before(toks, first)
                    || self.enumerated_place_cue(d, first).is_some());
        }
        // (Not a word in capitals inside mixed-case text: "le CHU Amiens-Picardie".) After an
        // article a given name begins no person's name but a ship's, a work's, a road's: "le
        // Pascal Paoli", "du Bella Desgagnés", "the Dan Ryan"; unless a noun of what a person
        // has follows ("the Joe Biden administration").
        if n > 1
            && self.gaz.is_given(head.text)
            && (head.shape != Shape::Upper || d.caps(head.line))
        {
            let after_the = first > 0
                && head.joined
                && head.elision.is_empty()
                && matches!(toks[first - 1].text, "the" | "The");
            // ("the Joe Biden administration", "the Elon Musk-owned X": the person's.)
            let persons_thing = || {
                toks.get(last + 1).is_some_and(|n| {
                    is_hyphen(&d.text[toks[last].end..n.start])
                        || (n.joined && n.shape == Shape::Lower && is_persons_attribute(n.text))
                })
            };
            let articled = after_article(toks, first)
                || (first > 0
                    && head.joined
                    && head.elision.is_empty()
                    && matches!(toks[first - 1].text, "au" | "aux"))
                || (after_the && !persons_thing());
            if articled {
                vote(&mut c.votes, EntityType::Misc, 0.5);
            } else if !place_cued {
                // ("the province of Ben Tre", "rue Victor Hugo": a place's cue names a place.)
                vote(&mut c.votes, EntityType::Person, 2.0);
            }
        }
        // "Herbert Macaulay Way", "Alice Springs Hospital": a head word after a given name and
        // another word names a place or a body after a person.
        if n > 2
            && self.gaz.is_given(head.text)
            && let Some(kind) = self.gaz.head(tail.text, HeadPos::Last)
        {
            vote(&mut c.votes, kind, 0.5);
        }
        // "Wilson County", "Adelaide Fringe", "Merlin Entertainments": a given name before a
        // head word that is no surname names the place, the event or the body.
        if n == 2
            && self.gaz.is_given(head.text)
            && let Some(kind) = self.no_surname_head(tail.text)
        {
            vote(&mut c.votes, kind, 0.5);
        }
        if n > 1 && head.shape == Shape::Initial {
            vote(&mut c.votes, EntityType::Person, 1.5);
        }
        // "R.K. Solanki", "M.K. Stalin": dotted initials written together before a name that
        // is no head word (not a listed place, dotted or not: "U.S. Steel", "L.A. Lakers"; not
        // a team's plural nor after an article: "the N.Y. Giants").
        if n > 1
            && head.shape == Shape::Upper
            && (3..=6).contains(&head.text.len())
            && head
                .text
                .trim_end_matches('.')
                .split('.')
                .all(|p| p.len() == 1 && p.as_bytes()[0].is_ascii_uppercase())
            && !self.gaz.lists_place(head.text)
            && !self.gaz.lists_place(&head.text.replace('.', ""))
            && !tail.text.ends_with('s')
            && !after_article(toks, first)
            && self.gaz.head(tail.text, HeadPos::Last).is_none()
        {
            vote(&mut c.votes, EntityType::Person, 2.0);
        }
        // "Highway 11", "RD 947": a road and its number.
        if n == 2 && is_road_word(head.text) && tail.shape == Shape::Number {
            vote(&mut c.votes, EntityType::Location, 2.0);
        }
        if let Some(kind) = self.gaz.head(head.text, HeadPos::First)
            && n > 1
        {
            // "Grand Conseil de Genève", "Grand Théâtre": "Grand" before a head word
            // names what the head word names.
            let kind = if head.text == "Grand"
                && let Some(next) = toks.get(first + 1)
                && let Some(k) = self.gaz.head(next.text, HeadPos::First)
            {
                k
            } else if head.text == "Maison"
                // The complement, a common word that ends the name.
                && let Some(w) = word_after_de(toks, first + 1).or_else(|| {
                    toks.get(first + 1)
                        .filter(|p| p.joined && matches!(p.elision, "d" | "D"))
                        .map(|_| first + 1)
                })
                && w == last
                && self.gaz.is_common(toks[w].text)
                && !self.gaz.lists_place(toks[w].text)
                && !self.gaz.is_given(toks[w].text)
            {
                // "la Maison du Comté", "Maison des mégalithes", "Maison de l'Absinthe": a
                // house named by what it shows is a venue (not a dynasty or a family's trading
                // house: "Maison de Savoie", "Maison Vauthier"; nor a body of a town: "Maison
                // de l'Emploi de Nantes").
                EntityType::Location
            } else {
                kind
            };
            vote(&mut c.votes, kind, 2.0);
        }
        if let Some(kind) = self.gaz.head(tail.text, HeadPos::Last)
            && n > 1
        {
            // "Prix du Jockey Club", "Coupe de la Ligue": after a first head word and "de", a
            // last head word names the complement, not the whole (in English the last head
            // word names it: "Port of Rotterdam Authority").
            let complement = self.gaz.head(head.text, HeadPos::First).is_some()
                && toks.get(first + 1).is_some_and(|p| {
                    matches!(p.text, "de" | "du" | "des")
                        || matches!(p.elision, "d" | "D")
                        // "Office of Rail and Road": the last of the fields after "of".
                        || (p.text == "of"
                            && tail_at > first + 2
                            && matches!(toks[tail_at - 1].text, "and" | "&"))
                });
            vote(&mut c.votes, kind, if complement { 1.0 } else { 2.0 });
            // "Advanced Manufacturing Research Centre", "Southern Environmental Law Center":
            // a centre of a field of work is a body, not a venue.
            // (Not a venue named for what it shows or teaches: "Glasgow Science Centre",
            // "Tourist Information Centre".)
            if kind == EntityType::Location
                && matches!(tail.text, "Centre" | "Center")
                && tail_at > first
                && with_key(toks[tail_at - 1].text, |k| {
                    matches!(
                        k,
                        "research"
                            | "law"
                            | "policy"
                            | "fire"
                            | "auction"
                            | "resource"
                            | "resources"
                            | "excellence"
                            | "studies"
                            | "rescue"
                            | "coordination"
                            | "forecasting"
                            | "prediction"
                    )
                })
            {
                vote(&mut c.votes, EntityType::Organization, 2.5);
            }
        }
        // "North Wales", "Greater Manchester", "County Roscommon": a point of the compass,
        // "Central", "Greater", "Upper", "Lower" or "County" before a listed place names a part
        // of it.
        if n > 1
            && matches!(
                head.text,
                "North"
                    | "South"
                    | "East"
                    | "West"
                    | "Northern"
                    | "Southern"
                    | "Eastern"
                    | "Western"
                    | "Central"
                    | "Greater"
                    | "Upper"
                    | "Lower"
                    | "County"
            )
            && self
                .gaz
                .longest(toks, first + 1, false)
                .is_some_and(|(r, k)| {
                    first + k == last && self.gaz.row(r).kind == EntityType::Location
                })
        {
            vote(&mut c.votes, EntityType::Location, 2.5);
        }
        // "exposée au British Museum", "nine children in Whangārei Hospital", "au Théâtre du
        // Châtelet": a museum, hospital, gallery, library or theatre where something is or
        // happens is a place, not the body that runs it (not "at Library and Archives Canada").
        if n > 1
            && (is_venue_word(tail.text)
                || (is_venue_word(head.text)
                    && self.gaz.head(tail.text, HeadPos::Last) != Some(EntityType::Organization)))
            && venue_preposition_before(toks, first)
            && !works_before(toks, first)
        {
            vote(&mut c.votes, EntityType::Location, 2.5);
        }
        // "Food Safety Authority of Ireland", "Bank of England": an organisation's head word
        // before "of" inside the name.
        if n > 2
            && let Some(k) = (first + 1..last).find(|&k| toks[k].text == "of")
            && self.gaz.head(toks[k - 1].text, HeadPos::Last) == Some(EntityType::Organization)
        {
            vote(&mut c.votes, EntityType::Organization, 2.0);
        }
        self.context_votes(d, first, &mut c);
        // "les communes de Ngaliema et de Kintambo", "plants in Bonavista and Twillingate":
        // one unknown word coordinated with the name right before it, a place or an
        // organisation, is rather of the same kind; so are a few after a listed place
        // ("Tignes et Val d'Isère", "Vintimille et San Remo").
        if n <= 3
            && !c.cued
            && head.shape == Shape::Cap
            && head.joined
            && first >= 2
            && (n > 1 || !self.gaz.is_given(head.text))
        {
            // The token after the conjunction: the preposition repeated, or the name.
            let j = if head.elision.is_empty()
                && matches!(toks[first - 1].text, "de" | "du" | "in" | "à" | "at" | "of")
            {
                first - 1
            } else {
                first
            };
            if j >= 2
                && toks[j].joined
                && toks[j - 1].joined
                && matches!(toks[j - 1].text, "et" | "and" | "ou" | "or")
                && let Some(p) = out.last()
                && p.doc == di
                && p.last_tok + 2 == j
                && (n == 1
                    || p.row
                        .is_some_and(|r| self.gaz.row(r).kind == EntityType::Location))
            {
                let kind = EntityType::most_voted(&p.votes);
                // (Its context counts too: "in" before "Bonavista" governs both names.)
                if matches!(kind, EntityType::Location | EntityType::Organization) {
                    let w = if n > 1 {
                        2.0
                    } else if p.votes[kind.index()] >= 2.0 {
                        1.0
                    } else {
                        0.5
                    };
                    vote(&mut c.votes, kind, w);
                }
            }
        }
        // "le Tensiprol", "le Thalys": one unknown word after "le" is rather a product than an
        // organisation (whose names mostly take "la" or come with a cue).
        if n == 1
            && !c.cued
            && head.shape == Shape::Cap
            && head.elision.is_empty()
            && first > 0
            && head.joined
            && toks[first - 1].text == "le"
            && !self.gaz.is_common(head.text)
        {
            vote(&mut c.votes, EntityType::Misc, 0.5);
        }
        // "on Zillow", "on Mumsnet", "sold through Moshtix": one unknown word after "on" or
        // "through" is rather a platform; "marched through Buncrana", "lorries through
        // Stainforth": through a place.
        if n == 1
            && !c.cued
            && head.elision.is_empty()
            && first > 0
            && head.joined
            && matches!(toks[first - 1].text, "on" | "through")
            && !self.gaz.is_common(head.text)
        {
            let sold = first < 3
                || toks[first - 1].text == "on"
                || toks[first - 3..first - 1].iter().any(|w| {
                    with_key(w.text, |k| {
                        k.starts_with("sold")
                            || k.starts_with("sell")
                            || k.starts_with("book")
                            || k.starts_with("buy")
                            || k.starts_with("bought")
                            || k.starts_with("order")
                            || k.starts_with("purchas")
                            || k.starts_with("stream")
                            || k.starts_with("avail")
                            || k.starts_with("offer")
                            || k.starts_with("appl")
                            || k.starts_with("pay")
                            || k.starts_with("paid")
                            || k.starts_with("sale")
                            || k.starts_with("ticket")
                            || k == "only"
                            || k == "directly"
                            || k == "exclusively"
                    })
                })
                || !toks[first - 1].joined;
            if sold {
                vote(&mut c.votes, EntityType::Misc, 0.2);
            } else {
                vote(&mut c.votes, EntityType::Location, 0.3);
            }
        }
        // "Tate & Lyle", "Marks & Spencer": an ampersand between names joins a firm's.
        if n > 1 && toks[first + 1..=last].iter().any(|t| t.amp) {
            vote(&mut c.votes, EntityType::Organization, 1.0);
        }
        // ("The Ghana Cocoa Board (COCOBOD)": one that reads as a word too, in parentheses
        // after a name.)
        let named_before = first > 0
            && matches!(toks[first - 1].shape, Shape::Cap | Shape::Upper)
            && d.text[toks[first - 1].end..head.raw_start].trim() == "("
            && d.text[head.end..].starts_with(')')
            // (Not a town in a results list: "Pierre Le Gall (PLOUGONVEN)".)
            && !self.gaz.lists_place(head.text);
        if c.acronym && (!word_in_capitals(head.text) || named_before) {
            vote(&mut c.votes, EntityType::Organization, 1.0);
        } else if head.shape == Shape::Mixed {
            vote(&mut c.votes, EntityType::Misc, 0.6);
            vote(&mut c.votes, EntityType::Organization, 0.5);
        } else if has_inner_capital(head.text) {
            vote(&mut c.votes, EntityType::Organization, 0.6);
        } else if n > 1 {
            // Weak defaults: any context wins over them, even summed over several mentions.
            vote(&mut c.votes, EntityType::Organization, 0.1);
            vote(&mut c.votes, EntityType::Person, 0.08);
        } else {
            vote(&mut c.votes, EntityType::Person, DEFAULT_PERSON);
            vote(&mut c.votes, EntityType::Organization, DEFAULT_ORGANIZATION);
        }
        // "Le Floch", "Di Benedetto", "Van Buren": a capitalised particle begins a surname.
        if n > 1 && PARTICLES.contains(&head.key().as_str()) && head.shape == Shape::Cap {
            vote(&mut c.votes, EntityType::Person, 0.3);
        }
        // "Saint-Omer", "Sainte-Maxime": saints' names are mostly places; so are compounds
        // of a settlement's word ("Port-Bouët", "Fort-Dauphin", "Pont-Aven", "Val-d'Isère").
        if ["Saint-", "Sainte-", "St-", "Ste-"]
            .iter()
            .any(|p| head.text.starts_with(p))
            || (n == 1
                && head.text.split_once('-').is_some_and(|(a, _)| {
                    matches!(
                        a,
                        "Port" | "Fort" | "Pont" | "Mont" | "Bourg" | "Val" | "Château" | "Puy"
                    )
                }))
        {
            vote(&mut c.votes, EntityType::Location, 0.5);
        }
        // "La Trinité-sur-Mer", "Bourg-en-Bresse", "Saint-Martin-lès-Melle": a hyphenated word
        // whose capitalised parts a lowercase "sur", "sous", "lès", "lez", "en" or "aux" joins
        // is a town's name (people's compound names join capitalised parts only); alone or
        // after its article, not as a complement ("Festival d'Aix-en-Provence").
        if (n == 1 || (n == 2 && matches!(head.text, "La" | "Le" | "Les")))
            && town_compound(toks[last].text)
        {
            vote(&mut c.votes, EntityType::Location, 1.0);
        }
        // "la Croix-Rousse", "Vieux-Lyon", "Côte-Nord": a hyphenated name that starts with a
        // common word, without a given name, is mostly a place when an article comes before it
        // or when its other parts are common words or places too.
        if n == 1
            && head.shape == Shape::Cap
            && let Some((a, _)) = head.text.split_once('-')
            && self.gaz.is_common(a)
            && !head.text.split('-').any(|p| self.gaz.is_given(p))
            && (after_article(toks, first)
                || head
                    .text
                    .split('-')
                    .skip(1)
                    .all(|p| self.gaz.is_common(p) || self.gaz.lists_place(p)))
        {
            vote(&mut c.votes, EntityType::Location, 0.7);
        }
        // "Innovate UK", "Cricket Australia", "Sport England": common words before a
        // country's name name a national body.
        if n >= 2
            && !c.cued
            // "Festival America": an event's head word names the event; "Lake Ontario",
            // "Mount Michigan": a place's head word names a place.
            && self
                .gaz
                .head(head.text, HeadPos::First)
                .is_none_or(|k| !matches!(k, EntityType::Misc | EntityType::Location))
            // "in Little Jamaica": after a preposition of place it is a district.
            && !(first > 0
                && head.joined
                && matches!(toks[first - 1].text, "in" | "near" | "à" | "dans"))
            && self
                .gaz
                .place_row(tail.text)
                .is_some_and(|r| matches!(self.gaz.row(r).subtype.as_str(), "country" | "region"))
            && toks[first..last].iter().all(|t| {
                t.shape == Shape::Cap
                    && t.elision.is_empty()
                    && self.gaz.is_common(t.text)
                    && !self.gaz.lists_place(t.text)
                    && !self.gaz.is_given(t.text)
                    && !self.gaz.is_demonym(t.text)
            })
        {
            vote(&mut c.votes, EntityType::Organization, 2.5);
        }
        // The lowercase word right after the name, if it follows it directly.
        let next_word = toks
            .get(last + 1)
            .filter(|t| t.joined && t.shape == Shape::Lower)
            .map(|t| t.text);
        // "a former Dyson engineer", "Sonos shareholders": staff or stakeholders named after a
        // name work for it or hold it.
        if next_word.is_some_and(is_staff_noun) {
            vote(&mut c.votes, EntityType::Organization, 1.0);
        }
        // "The Unite union says": a noun of bodies right after the name, after an article.
        if next_word.is_some_and(is_body_noun)
            && first > 0
            && head.joined
            && matches!(toks[first - 1].text, "the" | "The")
        {
            vote(&mut c.votes, EntityType::Organization, 1.5);
            c.cued = true;
        }
        // "Wellfleet OysterFest", "Hellfest", "Oktoberfest": a festival's word ends the name.
        if tail.text.len() >= 7
            && (tail.text.ends_with("fest") || tail.text.ends_with("Fest"))
            && !tail.text.ends_with("anifest")
        {
            vote(&mut c.votes, EntityType::Misc, 2.0);
        }
        // "Zephyr S1", "Calor H2": a name that ends with a model code is a product's.
        if n > 1 && tail.shape == Shape::Initial && is_model_code(tail.text) {
            vote(&mut c.votes, EntityType::Misc, 1.0);
        }
        // "Ariane 6", "GTA 6", "Bangor II", "FAME II": an unlisted name that ends with a
        // number is mostly a product's, a ship's or a scheme's (not a person's: "Albert II").
        let end = &toks[last];
        if last > first
            && c.row.is_none()
            && ((end.shape == Shape::Number && end.text.len() <= 3)
                || (end.shape == Shape::Upper && is_roman_number(end.text)))
            && !toks[first..last].iter().any(|t| self.gaz.is_given(t.text))
            // ("Highway 11", "Route 66": a road.)
            && !toks[first..last].iter().any(|t| is_road_word(t.text))
            // ("SDIS 29", "Samu 971": a local body and its département's number.)
            && !(first + 1 == last
                && (is_local_body_acronym(head.text) || head.text == "Samu"))
        {
            vote(&mut c.votes, EntityType::Misc, 0.6);
        }
        // A noun of places right after: "the Mineirão stadium", "the Kusile mine"; or after
        // one more word: "its Jansen potash mine", "the Kusile power station".
        if next_word.is_some_and(is_place_noun) {
            vote(&mut c.votes, EntityType::Location, 1.5);
        } else if next_word.is_some_and(|w| !stop(w))
            && toks
                .get(last + 2)
                .is_some_and(|t| t.joined && t.shape == Shape::Lower && is_place_noun(t.text))
        {
            vote(&mut c.votes, EntityType::Location, 1.0);
        }
        // "the Kerala government", "the Oromia regional government": a place's government
        // (not "the Labour Party government").
        let government_at = |j: usize| {
            toks.get(j)
                .is_some_and(|t| t.joined && t.text == "government")
        };
        if (government_at(last + 1)
            || (next_word
                .is_some_and(|w| matches!(w, "regional" | "state" | "provincial" | "federal"))
                && government_at(last + 2)))
            && self.gaz.head(tail.text, HeadPos::Last) != Some(EntityType::Organization)
            // (Not a party: "the SNP government", "the BC Liberals government".)
            && tail.shape != Shape::Upper
            && !(tail.text.ends_with('s') && self.gaz.is_common(tail.text))
            && c.row.is_none_or(|r| self.gaz.row(r).kind == EntityType::Location)
        {
            vote(&mut c.votes, EntityType::Location, 1.5);
        }
        // A product noun right after: "Little Oat Bear porridge", "the Juice probe".
        if next_word.is_some_and(|w| self.gaz.is_misc_after(w)) {
            vote(&mut c.votes, EntityType::Misc, 1.5);
        }
        // A role after a comma: "Soizic Le Floc'h, infirmière", "Priya Raman, chief economist".
        if let Some(kind) = self.following_cue(d, last) {
            vote(&mut c.votes, kind, 1.5);
        }
        // "Beñat Etxeberria", "Eliud Kipchoge": two or three capitalised words that are no
        // common words or places, without a head word, are rather a person's name (invented
        // organisations mostly take a common word: "Datacarre Santé"). Looked at only when
        // nothing but the weak defaults voted.
        if (2..=3).contains(&n)
            && c.votes == [0.08, 0.1, 0.0, 0.0]
            && self.gaz.head(head.text, HeadPos::First).is_none()
            && self.gaz.head(tail.text, HeadPos::Last).is_none()
            && toks[first..=last]
                .iter()
                .all(|t| t.shape == Shape::Cap && t.elision.is_empty() && !t.amp)
            && toks[first..=last].iter().all(|t| {
                !self.gaz.lists_place(t.text) && !t.text.split('-').any(|p| self.gaz.is_common(p))
            })
        {
            vote(&mut c.votes, EntityType::Person, 0.05);
        }
        let ambiguous = head.sentence_start || d.caps(head.line);
        let caps_line = d.caps(head.line);
        let supported = c.cued
            || self.gaz.is_given(head.text)
            || self.gaz.head(head.text, HeadPos::First).is_some()
            || self.gaz.head(tail.text, HeadPos::Last).is_some()
            || toks[first..=last].iter().all(|t| mid_caps.contains(t.text));
        // A single word alone in the last sentence of a comment is its signature ("Max.").
        let signature = n == 1
            && head.sentence_start
            && last + 1 == toks.len()
            && first > 0
            && d.text[tail.end..].trim().trim_end_matches('.').is_empty();
        // A single word where a capital is expected anyway is a name only if it is no common
        // word of the language ("Attal a tranché" but not "Lithium, encore").
        c.weak = (caps_line && !supported)
            || (signature && !c.cued)
            || n == 1
                && !c.cued
                && !c.acronym
                && head.shape != Shape::Mixed
                && ({
                    lowercase_into(head.text, lower_word);
                    // "tidewise" in a comment on an article about Tidewise: a word that is no
                    // common word, capitalised here inside a sentence, is a name the page
                    // also writes in lowercase.
                    lower.contains(lower_word.as_str())
                        && (ambiguous
                            || (self.gaz.is_common(head.text)
                                // "fondé à Pithiviers", then "la gare de pithiviers": a
                                // place's preposition makes a common word a place.
                                && !(EntityType::most_voted(&c.votes) == EntityType::Location
                                    && c.votes[EntityType::Location.index()] >= 0.5
                                    && first > 0
                                    && head.joined
                                    && head.elision.is_empty()
                                    && matches!(
                                        toks[first - 1].text,
                                        "à" | "in" | "at" | "from" | "near" | "depuis" | "vers"
                                    )
                                    // (Not "à Salins du Midi": a longer name.)
                                    && !toks.get(last + 1).is_some_and(|n| {
                                        n.joined && matches!(n.text, "de" | "du" | "des" | "of")
                                    }))))
                } || (ambiguous
                    && !mid_caps.contains(head.text)
                    && (caps_line || self.gaz.is_common(head.text))));
        // "la RN164", "la RD 2": French road numbers are places.
        if n == 1
            && head.shape == Shape::Upper
            && (head.text.starts_with("RN") || head.text.starts_with("RD"))
            && head.text.len() > 2
            && head.text[2..].bytes().all(|b| b.is_ascii_digit())
        {
            vote(&mut c.votes, EntityType::Location, 2.0);
        }
        // "… archéologiques préventives (Inrap)", "… Food and Rural Affairs (Defra)": a word
        // alone in parentheses after lowercase words or a name is an acronym written like a
        // word (it joins the name it spells).
        if n == 1
            && head.shape == Shape::Cap
            && first > 0
            && (toks[first - 1].shape == Shape::Lower
                || (toks[first - 1].shape == Shape::Cap && !self.gaz.lists_place(head.text)))
            && head.text.len() <= 8
            && d.text[toks[first - 1].end..head.raw_start]
                .trim_end()
                .ends_with('(')
            && d.text[head.end..].trim_start().starts_with(')')
            && !self.gaz.is_given(head.text)
        {
            c.acronym = true;
            c.weak = false;
            vote(&mut c.votes, EntityType::Organization, 1.0);
        }
        // "le programme Oasis 2030": a number right after a named thing a cue announced is
        // part of it.
        if c.votes[EntityType::Misc.index()] >= 2.0
            && let Some(next) = toks.get(last + 1)
            && next.joined
            && next.shape == Shape::Number
            && next.text.len() <= 4
        {
            c.end = next.end;
            c.last_tok = last + 1;
            c.parts.push(next.part());
        } else if !matches!(
            EntityType::most_voted(&c.votes),
            EntityType::Person | EntityType::Location
        ) && c.votes.iter().copied().fold(0.0f32, f32::max) > 0.0
            && let Some(k) = model_number(d.text, toks, c.last_tok)
        {
            // "GTA 6", "Alphafly 3": an unknown name with a model number is a product's.
            c.end = toks[k].end;
            c.last_tok = k;
            c.parts.push(toks[k].part());
            vote(&mut c.votes, EntityType::Misc, 1.0);
        }
        out.push(c);
    }

    /// Whether a listed name that begins with the run `first..=last` (or with its second
    /// word) goes on with lowercase words after it ("La Région wallonne").
    fn listed_beyond(&self, d: &Doc<'_>, first: usize, last: usize) -> bool {
        let toks = &d.tokens;
        (first..=last).take(2).any(|j| {
            self.gaz
                .longest(toks, j, d.caps(toks[j].line))
                .is_some_and(|(_, n)| {
                    j + n - 1 > last
                        && toks[last + 1..j + n]
                            .iter()
                            .all(|t| t.shape == Shape::Lower)
                })
        })
    }

    /// Extends a candidate over the lowercase head that begins it ("tribunal correctionnel de
    /// Lyon", "prix Goncourt", "col de la Croix-de-Fer"), over adjectives after a capitalised
    /// head ("Banque centrale européenne"), and up to an acronym in parentheses that spells it
    /// ("Union syndicale de la production audiovisuelle (USPA)").
    fn extend(&self, d: &Doc<'_>, c: &mut Cand) {
        self.extend_name(d, c);
        // "Department of Agriculture, Food and the Marine", "Ministry of Health, Labour and
        // Welfare": an English ministry's portfolios listed with commas and a last "and".
        if let Some(k) = self.english_portfolios(d, c) {
            // (Another ministry than the one listed under the first words.)
            c.row = None;
            c.last_tok = k;
            c.end = d.tokens[k].end;
            c.parts = name_parts(&d.tokens[c.first_tok..=k]);
        }
        // "Coupe du monde 2030", "Jeux olympiques d'hiver de 2030", "Jeux olympiques de Los
        // Angeles 2028": a games', a cup's or a championship's name, once whole, takes the
        // year of its edition.
        // "Plan d'action 2035", "Stratégie nationale 2030": a plan's name of two words or
        // more takes the year it aims at, right after it.
        let toks = &d.tokens;
        let (event, plan) = match toks.get(c.first_tok).map(|t| t.text) {
            Some("Jeux" | "Coupe" | "Championnat" | "Championnats" | "Mondial" | "Mondiaux") => {
                (true, false)
            }
            Some("Plan" | "Stratégie" | "Agenda" | "Programme" | "Schéma") => (false, true),
            _ => (false, false),
        };
        if c.first_tok <= c.last_tok
            && c.last_tok < toks.len()
            && (event || (plan && c.first_tok < c.last_tok))
            && let Some(y) = edition_year(d, c.last_tok)
            && (event || y == c.last_tok + 1)
        {
            c.last_tok = y;
            c.end = toks[y].end;
            c.parts = name_parts(&toks[c.first_tok..=y]);
        }
    }

    /// The last token of the portfolios listed after the English ministry's name `c`
    /// ("Department of Agriculture" + ", Food and the Marine"): capitalised words after
    /// commas, then "and", "the" maybe, and the last; `None` when `c` is no such name or no
    /// comma follows it.
    fn english_portfolios(&self, d: &Doc<'_>, c: &Cand) -> Option<usize> {
        let toks = &d.tokens;
        let mut h = c.first_tok;
        if toks.get(h)?.text == "The" {
            h += 1;
        }
        if h + 2 > c.last_tok
            || !matches!(toks[h].text, "Department" | "Ministry")
            || toks[h + 1].text != "of"
        {
            return None;
        }
        // A portfolio: one or two capitalised words, no place nor person ("Marine" alone is
        // one).
        let portfolio = |j: usize| -> Option<usize> {
            let t = toks.get(j)?;
            let two = toks.get(j + 1).is_some_and(|n| {
                n.joined && n.shape == Shape::Cap && n.elision.is_empty() && !t.possessive
            });
            // (A field of work is a common word; not another body: "Department of Justice,
            // Treasury and the White House", "…, Microsoft and Google".)
            if t.shape != Shape::Cap
                || !t.elision.is_empty()
                || !self.gaz.is_common(t.text)
                || self.gaz.lists_place(t.text)
                || self.gaz.longest(toks, j, false).is_some()
                || (two && self.gaz.is_given(t.text))
            {
                return None;
            }
            Some(if two { j + 1 } else { j })
        };
        let mut k = c.last_tok;
        let mut commas = 0;
        while let Some(next) = toks.get(k + 1)
            && !next.joined
            && d.text[toks[k].end..next.raw_start].trim() == ","
            && let Some(e) = portfolio(k + 1)
        {
            k = e;
            commas += 1;
        }
        toks.get(k + 1).filter(|t| t.joined && t.text == "and")?;
        let mut j = k + 2;
        if toks.get(j).is_some_and(|t| t.joined && t.text == "the") {
            j += 1;
        }
        if commas == 0 || !toks.get(j).is_some_and(|t| t.joined) {
            return None;
        }
        portfolio(j)
    }

    /// The last token of a title that the candidate `c` begins with a capitalised French
    /// article inside a sentence, before a capitalised word ("Les Heures lentes", "La Maison
    /// aux volets bleus"): its lowercase words (no stop word but a preposition before
    /// another word) up to a punctuation mark at most five words on; `None` when `c` is no
    /// such title or nothing follows it.
    fn article_title_end(&self, d: &Doc<'_>, c: &Cand) -> Option<usize> {
        let toks = &d.tokens;
        let (first, last) = (c.first_tok, c.last_tok);
        let art = &toks[first];
        if first == last
            || c.row.is_some()
            || art.sentence_start
            || d.caps(art.line)
            || !art.joined
            || !matches!(art.text, "La" | "Le" | "Les")
            || first == 0
            || toks[first - 1].shape != Shape::Lower
            || !matches!(
                toks[first - 1].text,
                "pour" | "dont" | "intitulé" | "intitulée" | "titre" | "conserve" | "lu"
            )
            || toks[first + 1].shape != Shape::Cap
            // ("les bénévoles de La Banque alimentaire": a body's head word.)
            || self.gaz.head(toks[first + 1].text, HeadPos::First).is_some()
            || self.gaz.longest(toks, first, false).is_some()
            || self.gaz.longest(toks, first + 1, false).is_some()
        {
            return None;
        }
        let mut k = last;
        while k + 1 < toks.len() && k < last + 5 {
            let n = &toks[k + 1];
            if !n.joined || n.shape != Shape::Lower || !n.elision.is_empty() || n.hyphen_before {
                break;
            }
            let preposition = matches!(n.text, "aux" | "au" | "à" | "en" | "dans" | "sur" | "sous")
                && toks
                    .get(k + 2)
                    .is_some_and(|m| m.joined && m.shape == Shape::Lower);
            if (with_key(n.text, stop) && !preposition)
                || verb_after_name(toks, k + 1)
                || is_time_adverb(n.text)
            {
                break;
            }
            k += 1;
        }
        let gap = toks
            .get(k + 1)
            .map_or("", |n| d.text[toks[k].end..n.raw_start].trim_start());
        (k > last
            && (k + 1 == toks.len()
                || gap.starts_with([
                    ',', '.', ';', ':', ')', '(', '»', '"', '”', '!', '?', '–', '—',
                ])))
        .then_some(k)
    }

    /// [`Recognizer::extend`] but the year of an event's edition.
    fn extend_name(&self, d: &Doc<'_>, c: &mut Cand) {
        let toks = &d.tokens;
        let (first, mut last) = (c.first_tok, c.last_tok);
        if toks.is_empty() || last >= toks.len() || first > last {
            return;
        }
        // "Jeux olympiques de Los Angeles", "Masters 1000 de Shanghai": a listed event goes on
        // with "de" and the listed place of its edition.
        if let Some(r) = c.row
            && self.gaz.row(r).kind == EntityType::Misc
            && self.gaz.row(r).subtype == "event"
            && let Some(at) = after_de(toks, last)
            && let Some(place) = toks.get(at)
            && place.joined
            && matches!(place.shape, Shape::Cap | Shape::Upper)
            && let Some((row, n)) = self.gaz.longest(toks, at, false)
            && self.gaz.row(row).kind == EntityType::Location
        {
            last = at + n - 1;
            c.end = toks[last].end;
            c.last_tok = last;
            c.parts = name_parts(&toks[first..=last]);
            return;
        }
        // "les Rapaces de Gap", "les Pêcheries de l'Odet", "Bières de Wallonie": a capitalised
        // plural noun inside a sentence, then "de" and a listed place (or "de la", "de l'" and
        // a capitalised word), is one name after its place, mostly a firm's or a team's (a
        // vote for an organisation; other votes may make it an event).
        if let Some(place_last) = self.plural_of_place(d, first, last, c.row) {
            last = place_last;
            c.end = toks[last].end;
            c.last_tok = last;
            c.parts = name_parts(&toks[first..=last]);
            vote(&mut c.votes, EntityType::Organization, 0.5);
            return;
        }
        // "pour Les Heures lentes, le troisième…", "dont Les Marées basses": a title
        // whose capitalised article opens it inside a sentence goes on with lowercase words up
        // to a punctuation mark.
        if let Some(k) = self.article_title_end(d, c) {
            c.end = toks[k].end;
            c.last_tok = k;
            c.parts = name_parts(&toks[first..=k]);
            if !c.cued {
                vote(&mut c.votes, EntityType::Misc, 1.5);
            }
            return;
        }
        // 'renewed "The Salt Road" for…', 'with "The Tempest" at…': a quoted name that fills
        // its quotes is a title, its article included.
        if first > 0
            && c.row.is_none()
            && !c.cued
            && toks[first - 1].text == "The"
            && toks[first].joined
            && toks[first - 1].elision.is_empty()
            && d.text[..toks[first - 1].raw_start]
                .trim_end_matches(' ')
                .ends_with(['"', '“'])
            && d.text[toks[last].end..].starts_with(['"', '”'])
        {
            c.start = toks[first - 1].start;
            c.first_tok = first - 1;
            c.parts = name_parts(&toks[first - 1..=last]);
            c.votes = [0.0; 4];
            vote(&mut c.votes, EntityType::Misc, 2.0);
            return;
        }
        // "la série Calanques noires, vendue…", "sa collection Lac bleu.": a French title
        // announced by a work or product noun goes on with lowercase words up to a
        // punctuation mark (not over a verb or a stop word).
        if first == last
            && c.row.is_none()
            && toks[first].shape == Shape::Cap
            && !toks[first].sentence_start
            && first >= 2
            // A French determiner before the noun: English titles take capitals.
            && (matches!(
                toks[first - 2].text,
                "la" | "le" | "les" | "sa" | "son" | "ses" | "leur" | "au" | "du" | "cette" | "ce"
            ) || matches!(toks[first - 1].elision, "l" | "L"))
            // (A boat's, a machine's or a platform's name does not go on in lowercase: "le
            // bateau Aquarius dimanche", "la plateforme Zorbaresa depuis lundi".)
            && !is_plain_name_noun(toks[first - 1].text)
            && self.preceding_cue(d, first) == Some(EntityType::Misc)
        {
            let mut k = last;
            while k + 1 < toks.len()
                && k < last + 3
                && toks[k + 1].joined
                && toks[k + 1].shape == Shape::Lower
                && toks[k + 1].elision.is_empty()
                && !toks[k + 1].hyphen_before
                && !with_key(toks[k + 1].text, stop)
                && !is_speech_verb(toks[k + 1].text)
            {
                k += 1;
            }
            let gap_end = toks.get(k + 1).map_or(d.text.len(), |t| t.raw_start);
            let raw_gap = &d.text[toks[k].end..gap_end];
            let gap = raw_gap.trim_start();
            // (Only spaces before a next word: the title has not ended, "le vaccin Ixchiq
            // chez les 65 ans"; the end of the text or of its line ends it.)
            if k > last
                && ((gap.is_empty() && k + 1 == toks.len())
                    || raw_gap.contains('\n')
                    || gap.starts_with([
                        ',', '.', ';', ':', ')', '(', '»', '"', '”', '!', '?', '…', '–', '—',
                    ]))
            {
                c.end = toks[k].end;
                c.last_tok = k;
                c.parts = name_parts(&toks[first..=k]);
                return;
            }
        }
        // Lowercase head before the name.
        let listed_org = c.row.is_some_and(|r| {
            matches!(
                self.gaz.row(r).kind,
                EntityType::Organization | EntityType::Misc
            )
        });
        let head_before = self.lower_head_of_name(toks, first);
        // "un tribunal de New York": a head after an indefinite article names no one thing.
        let indefinite = head_before.is_some_and(|(h, _)| {
            h > 0
                && toks[h].joined
                && toks[h].elision.is_empty()
                && matches!(
                    toks[h - 1].text,
                    "un" | "une" | "a" | "an" | "Un" | "Une" | "A" | "An"
                )
        });
        // "le plan France 2030", "le programme French Tech 2030": a name that ends with a year
        // is the programme's own name, without its head.
        if let Some((h, EntityType::Misc)) = head_before
            && h + 1 == first
            && !matches!(toks[h].text, "loi" | "lois")
            && let Some(year) = toks.get(last + 1)
            && year.joined
            && is_year(year)
            && toks[first..=last]
                .iter()
                .all(|t| matches!(t.shape, Shape::Cap | Shape::Upper))
        {
            last += 1;
            c.end = toks[last].end;
            c.last_tok = last;
            c.votes = [0.0; 4];
            vote(&mut c.votes, EntityType::Misc, 4.0);
            c.row = None;
            c.weak = false;
            c.cued = true;
            c.parts = name_parts(&toks[first..=last]);
            return;
        }
        // "la loi FISA": an acronym is the law's name on its own.
        if let Some((h, EntityType::Misc)) = head_before
            && h + 1 == first
            && first == last
            && toks[first].shape == Shape::Upper
            && matches!(toks[h].text, "loi" | "lois")
        {
            vote(&mut c.votes, EntityType::Misc, 2.0);
            return;
        }
        if let Some((h, kind)) = head_before
            && !indefinite
            && (h + 1 == first || !listed_org)
            // (A given name that is also a listed place is the place: "la cour d'appel de
            // Nancy".)
            && !(h + 1 < first
                && self.gaz.is_given(toks[first].text)
                && !(first == last && self.gaz.lists_place(toks[first].text))
                // ("le glacier du Monte Perdido": a person takes no article.)
                && !(kind == EntityType::Location
                    && toks[h + 1..first]
                        .iter()
                        .all(|t| matches!(t.text, "du" | "des" | "de" | "la" | "le" | "les"))
                    && toks[h + 1..first]
                        .iter()
                        .any(|t| matches!(t.text, "du" | "des" | "la" | "le" | "les"))))
        {
            // "Le Parc national des Cévennes a proposé", "pour le parc national des
            // Pyrénées": a national park as the subject or the beneficiary is its body ("dans
            // le parc national de la Vanoise" is the place).
            let kind = if kind == EntityType::Location && park_body(toks, h) {
                EntityType::Organization
            } else {
                kind
            };
            c.start = toks[h].start;
            c.first_tok = h;
            c.votes = [0.0; 4];
            vote(&mut c.votes, kind, 4.0);
            c.row = None;
            c.weak = false;
            c.cued = true;
            // "loi Sapin 3": a number right after belongs to it.
            if last + 1 < toks.len()
                && toks[last + 1].joined
                && toks[last + 1].shape == Shape::Number
                && kind == EntityType::Misc
            {
                last += 1;
                c.end = toks[last].end;
                c.last_tok = last;
            }
            if let Some(e) = self.coordinated_tail(d.text, toks, h, last) {
                last = e;
                c.end = toks[last].end;
                c.last_tok = last;
            }
            // "musée des Beaux-Arts de Rouen", "lycée Jean-Moulin de Lens", "cathédrale
            // Saint-Pierre de Beauvais": an institution's or a building's name goes on with
            // "de" and the listed place it stands in.
            if (kind == EntityType::Organization
                || (kind == EntityType::Location && h + 1 == first))
                && let Some(de) = toks.get(last + 1)
                && de.joined
                && de.elision.is_empty()
                && matches!(de.text, "de" | "du")
                && let Some(place) = toks.get(last + 2)
                && place.joined
                && place.elision.is_empty()
                && place.shape == Shape::Cap
                && let Some(n) = match self.gaz.longest(toks, last + 2, false) {
                    Some((row, n)) => (self.gaz.row(row).kind == EntityType::Location).then_some(n),
                    // "musée de Préhistoire de Tautavel": an institution's unlisted town of
                    // one word (no given name, no common word, no name going on after it).
                    None => (kind == EntityType::Organization
                        // (A school's or a museum's: not "le ministère de l'Intérieur de
                        // Retailleau", "l'hôpital de Carhaix de Guével".)
                        && matches!(
                            toks[h].text,
                            "musée" | "lycée" | "collège" | "université" | "Musée" | "Lycée"
                        )
                        && !place.possessive
                        && !self.gaz.is_given(place.text)
                        && !self.gaz.is_common(place.text)
                        && toks.get(last + 3).is_none_or(|a| {
                            !(a.joined && matches!(a.shape, Shape::Cap | Shape::Upper))
                        }))
                    .then_some(1),
                }
            {
                last += 1 + n;
                c.end = toks[last].end;
                c.last_tok = last;
            }
            c.parts = name_parts(&toks[h..=last]);
            return;
        }
        // Adjectives after a capitalised head, and a spelled-out tail confirmed by an acronym.
        let head_kind = self.gaz.head(toks[first].text, HeadPos::First).map(|k| {
            // "Port autonome de Kribi": the port's authority; "Le Parc national des Cévennes a
            // proposé": the park's.
            if (toks[first].text == "Port"
                && toks.get(first + 1).is_some_and(|a| a.text == "autonome"))
                || park_body(toks, first)
            {
                EntityType::Organization
            } else {
                k
            }
        });
        let mut end = last;
        // A lowercase nationality or regional adjective joined to the word before.
        let demonym_at = |j: usize| self.lower_demonym_at(toks, j);
        if head_kind.is_some() && c.row.is_none() && toks[last].shape != Shape::Number {
            let adjective_at = |j: usize| {
                lower_adjective_at(toks, j).is_some_and(|t| {
                    // European bodies are named so ("Banque centrale européenne").
                    !self.gaz.is_demonym(t.text) || with_key(t.text, |k| k.starts_with("europeen"))
                })
            };
            // "Chambre genevoise immobilière": a nationality or regional adjective between
            // the head and another adjective.
            if demonym_at(end + 1) && adjective_at(end + 2) {
                end += 2;
            }
            while end < last + 3 && adjective_at(end + 1) {
                end += 1;
            }
            // "Conseil général vaudois": and one after another adjective.
            if end > last && demonym_at(end + 1) {
                end += 1;
            }

            // "Fédération française de cyclisme", "Union nationale des …": a nationality after
            // the head, when a "de" complement completes the name.
            // ("Fédération française de la chaussure", "… de l'industrie": "de la" or "de l'"
            // before the noun.)
            let article = usize::from(
                toks.get(end + 2).is_some_and(|t| t.text == "de")
                    && toks
                        .get(end + 3)
                        .is_some_and(|t| t.joined && t.text == "la"),
            );
            // ("Fédération française d'équitation": an elided "de".)
            let elided = toks.get(end + 2).is_some_and(|t| {
                t.joined
                    && matches!(t.elision, "d" | "D")
                    && t.shape == Shape::Lower
                    && t.text.len() > 3
                    && !stop(t.text)
                    // ("La Fédération française d'habitude si prudente": an adverb.)
                    && !matches!(
                        t.text,
                        "habitude" | "ailleurs" | "abord" | "emblée" | "autant" | "avance"
                            | "office" | "urgence" | "après" | "autre" | "autres"
                    )
            });
            if end == last
                && demonym_at(end + 1)
                && (elided
                    || (toks
                        .get(end + 2)
                        .is_some_and(|t| t.joined && matches!(t.text, "de" | "des" | "du"))
                        && toks.get(end + 3 + article).is_some_and(|t| {
                            t.joined
                                && t.shape == Shape::Lower
                                && !stop(t.text)
                                && t.text.len() > 3
                                && (t.elision.is_empty()
                                    || (article == 0 && matches!(t.elision, "l")))
                        })))
            {
                end += 1;
            }
            // "Union maritime et portuaire", "Office public et social": two adjectives
            // joined by "et" or "and".
            if end > last
                && toks
                    .get(end + 1)
                    .is_some_and(|t| t.joined && matches!(t.text, "et" | "and"))
                && adjective_at(end + 2)
            {
                end += 2;
            }
        }
        // "le Parlement bruxellois", "le Grand Conseil vaudois": a regional or national
        // adjective right after an assembly's head word.
        if end == last
            && c.row.is_none()
            && matches!(
                key_of(toks[last].text).as_str(),
                "parlement" | "assemblee" | "senat" | "conseil" | "congres"
            )
            && demonym_at(end + 1)
            && toks
                .get(end + 2)
                .is_none_or(|t| !(t.joined && matches!(t.text, "de" | "des" | "du")))
        {
            end += 1;
        }
        let mut adjective_named = false;
        // "du Rassemblement national", "la Mutualité chrétienne", "les Montagnes
        // neuchâteloises": a capitalised common noun alone inside a sentence, after an article
        // or a preposition, takes the adjectives of a name after it (not "la Terre entière").
        if end == last
            && first == last
            && head_kind.is_none()
            && c.row.is_none()
            && toks[first].shape == Shape::Cap
            && !toks[first].sentence_start
            && !d.caps(toks[first].line)
            && first > 0
            && toks[first].joined
            && (matches!(toks[first].elision, "l" | "L" | "d" | "D")
                || matches!(
                    toks[first - 1].text,
                    "la" | "le" | "les" | "du" | "des" | "de" | "au" | "aux" | "en" | "à"
                ))
            && self.gaz.is_common(toks[first].text)
            && !self.gaz.is_given(toks[first].text)
        {
            let name_adjective = |j: usize| {
                lower_adjective_at(toks, j).is_some_and(|t| {
                    !self.gaz.is_demonym(t.text)
                        && !with_key(t.text, |k| {
                            matches!(
                                k,
                                "entier"
                                    | "entiere"
                                    | "entiers"
                                    | "entieres"
                                    | "interieur"
                                    | "interieure"
                                    | "actuel"
                                    | "actuelle"
                                    | "ancien"
                                    | "ancienne"
                                    | "prochain"
                                    | "prochaine"
                                    | "dernier"
                                    | "derniere"
                                    | "premier"
                                    | "premiere"
                                    | "meme"
                                    | "seul"
                                    | "seule"
                                    | "elle"
                                    | "elles"
                                    | "ils"
                            )
                        })
                })
            };
            while end < last + 2 && name_adjective(end + 1) {
                end += 1;
            }
            adjective_named = end > last;
        }
        // "Syndicat autonome des transporteurs urbains", "Salon international de
        // l'agriculture": after a head and an adjective, "de" and a common noun (with its
        // adjectives) complete the name.
        // "Club des croqueurs de chocolat", "Salon du chocolat": the head alone inside a
        // sentence takes the complement too.
        let head_alone = first == last
            && c.row.is_none()
            && !toks[first].sentence_start
            && !d.caps(toks[first].line);
        let before_complement = end;
        if matches!(head_kind, Some(EntityType::Organization | EntityType::Misc))
            && (end > last || head_alone)
        {
            let lower_at = |j: usize| {
                toks.get(j)
                    .filter(|t| t.joined && t.shape == Shape::Lower)
                    .copied()
            };
            let mut j = end + 1;
            // "Muséum national d'histoire naturelle": an elided "de" on the noun itself, after
            // an adjective (not "Merci la Commission d'avoir…").
            // (A head alone too: "le Bureau d'enquêtes".)
            let elided_de = lower_at(j).is_some_and(|t| elided_de_noun(&t));
            // "Union nationale pour la promotion de la location": "pour" too.
            if elided_de
                || lower_at(j).is_some_and(|t| {
                    t.elision.is_empty() && matches!(t.text, "de" | "des" | "du" | "pour")
                })
            {
                if !elided_de {
                    j += 1;
                }
                if matches!(toks[j - 1].text, "de" | "pour")
                    && lower_at(j).is_some_and(|t| t.text == "la")
                {
                    j += 1;
                } else if prenominal_before_noun(toks, j) {
                    // "Société des grands projets": an adjective before the noun.
                    j += 1;
                }
                if let Some(noun) = lower_at(j)
                    && (noun.elision.is_empty()
                        || elided_de
                        || (key_of(noun.elision) == "l"
                            && (toks[j - 1].text == "de"
                                // "pour l'assainissement du lac": an aim with its object
                                // (not "pour l'heure", "pour l'instant").
                                || (toks[j - 1].text == "pour"
                                    && lower_at(j + 1)
                                        .is_some_and(|t| matches!(t.text, "de" | "du" | "des"))))))
                    && !stop(noun.text)
                    // ("de l'eau", "de l'art": a short noun after an elided article.)
                    && noun.text.chars().count() > if noun.elision.is_empty() { 3 } else { 2 }
                    && !self.gaz.is_demonym(noun.text)
                {
                    end = j;
                    // "Syndicat de la librairie française", "Office public de la langue
                    // bretonne": a nationality after the noun too.
                    while end < j + 2
                        && (lower_at(end + 1)
                            .is_some_and(|t| t.elision.is_empty() && is_adjective(t.text))
                            || demonym_at(end + 1))
                        && !verb_after_name(toks, end + 1)
                    {
                        end += 1;
                    }
                    // "Bureau de recherches géologiques et minières": two adjectives joined
                    // by "et".
                    if end > j
                        && lower_at(end + 1).is_some_and(|t| t.text == "et")
                        && lower_at(end + 2).is_some_and(|t| {
                            t.elision.is_empty()
                                && (is_adjective(t.text) || t.text.ends_with("ières"))
                                && !self.gaz.is_demonym(t.text)
                        })
                    {
                        end += 2;
                    }
                    // A content word of a complement: no elision, stop word or demonym, more
                    // than `min` letters.
                    let content = |at: usize, min: usize| {
                        lower_at(at).is_some_and(|t| {
                            t.elision.is_empty()
                                && !stop(t.text)
                                && t.text.chars().count() > min
                                && !self.gaz.is_demonym(t.text)
                        })
                    };
                    // "Office national des chemins de fer": a second complement of one noun.
                    if end == j
                        && lower_at(end + 1).is_some_and(|t| {
                            t.elision.is_empty() && matches!(t.text, "de" | "du" | "des")
                        })
                        && content(end + 2, 2)
                    {
                        end += 2;
                    } else if toks[j - 1].text == "la"
                        && toks[j - 2].text == "pour"
                        && lower_at(end + 1).is_some_and(|t| t.text == "de")
                        && lower_at(end + 2).is_some_and(|t| t.text == "la")
                        && content(end + 3, 3)
                    {
                        // "… pour la promotion de la location": an aim and its object.
                        end += 3;
                        if lower_at(end + 1).is_some_and(|t| t.text == "de") && content(end + 2, 3)
                        {
                            end += 2;
                        }
                    }
                    end = self.coordinated_complements(d, end);
                }
            }
        }
        // "Agence régionale de santé de Bretagne", "Crédit Mutuel de Bretagne", "Food Safety
        // Authority of Ireland", "Festival interceltique de Lorient", "Parc national des
        // Cévennes": an organisation's name, or a name a head word types, goes on over "de" +
        // lowercase words up to "de" + a capitalised name.
        // Listed names take "de" + a capitalised name only right after them ("Crédit Mutuel de
        // Bretagne"); names typed by a head word also take lowercase words before it.
        let listed = c
            .row
            .is_some_and(|r| self.gaz.row(r).kind == EntityType::Organization);
        // "la coopérative Terre de Sel": a name a cue typed as an organisation.
        let cued_org = c.cued
            && c.row.is_none()
            && head_kind.is_none()
            && c.votes[EntityType::Organization.index()] >= 2.0
            && EntityType::most_voted(&c.votes) == EntityType::Organization;
        let takes_complement = head_kind.is_some()
            || adjective_named
            || listed
            || cued_org
            || self.gaz.head(toks[last].text, HeadPos::Last) == Some(EntityType::Organization);
        // The head alone took its complement only if no capitalised name ends the phrase
        // ("Collectif des livreurs autonomes de Paris").
        let complement_end = end;
        if head_alone && before_complement == last {
            end = last;
        }
        // "la RN 7 hier", "la Coupe 2026 cette année": nothing goes on after a number.
        if takes_complement && toks[last].shape != Shape::Number {
            let mut k = end;
            let mut steps = 0;
            while k + 2 < toks.len() && steps < 8 {
                let p = &toks[k + 1];
                // "Syndicat intercommunal du bassin d'Arcachon": "d'" and a capitalised name.
                if k > last
                    && !listed
                    && p.joined
                    && matches!(p.elision, "d" | "D")
                    && matches!(p.shape, Shape::Cap | Shape::Upper)
                {
                    let mut to = k + 1;
                    while to + 1 < toks.len()
                        && toks[to + 1].joined
                        && toks[to + 1].elision.is_empty()
                        && matches!(toks[to + 1].shape, Shape::Cap | Shape::Upper)
                    {
                        to += 1;
                    }
                    end = to;
                    break;
                }
                let particle = p.joined
                    && p.shape == Shape::Lower
                    && matches!(p.text, "de" | "du" | "des" | "of" | "la");
                let next = &toks[k + 2];
                // A cued name takes no place after it ("la coopérative Sodiaal de Lyon"),
                // nor lowercase words.
                if cued_org
                    && !listed
                    && (k > last
                        || !particle
                        || next.shape != Shape::Cap
                        || self.gaz.lists_place(next.text)
                        || self.gaz.is_given(next.text)
                        || toks.get(k + 3).is_some_and(|t| {
                            t.joined && matches!(t.shape, Shape::Cap | Shape::Upper)
                        }))
                {
                    break;
                }
                if particle && next.joined && matches!(next.shape, Shape::Cap | Shape::Upper) {
                    // Up to a place or a capitalised name, whatever lowercase words before.
                    let mut to = k + 2;
                    while to + 1 < toks.len()
                        && toks[to + 1].joined
                        && matches!(toks[to + 1].shape, Shape::Cap | Shape::Upper)
                    {
                        to += 1;
                    }
                    // "Assemblée de la Polynésie française": a listed place that goes on with
                    // lowercase words.
                    if let Some((_, n)) = self.gaz.longest(toks, k + 2, false)
                        && k + 1 + n > to
                    {
                        to = k + 1 + n;
                    }
                    // "l'usine Stellantis de Sochaux", "la National Gallery de Londres": a
                    // listed organisation's site or seat in a city is no part of its name
                    // ("Crédit Mutuel de Bretagne" is).
                    let city = listed
                        && head_kind.is_none()
                        && k == end
                        && p.text != "la"
                        && self.gaz.longest(toks, k + 2, false).is_some_and(|(r, n)| {
                            k + 1 + n == to && self.gaz.row(r).subtype == "city"
                        });
                    if city {
                        break;
                    }
                    // "… Western District of Washington": a given name that is a listed place
                    // is the place.
                    if !self.gaz.is_given(next.text) || self.gaz.lists_place(next.text) {
                        end = to;
                    }
                    break;
                }
                // "Orchestre national Bordeaux Aquitaine", "Comité régional de cyclisme
                // Nouvelle-Aquitaine": a body's regional branch names its listed region right
                // after its own words.
                if !listed
                    && head_kind == Some(EntityType::Organization)
                    && k > last
                    && p.joined
                    && p.elision.is_empty()
                    && matches!(p.shape, Shape::Cap | Shape::Upper)
                    && let Some((row, n)) = self.gaz.longest(toks, k + 1, false)
                    && self.gaz.row(row).kind == EntityType::Location
                {
                    let mut to = k + n;
                    while toks.get(to + 1).is_some_and(|t| {
                        t.joined
                            && t.elision.is_empty()
                            && matches!(t.shape, Shape::Cap | Shape::Upper)
                    }) {
                        to += 1;
                    }
                    end = to;
                    break;
                }
                // "Centre de recherche et de restauration des musées de France", "Institut
                // de recherche en astrophysique et planétologie de Toulouse", "Chambre de
                // commerce et d'industrie de Lyon": "et", "en", "sur", "pour" before another
                // complement or a noun (not an article: "la Fédération de chasse et la
                // préfecture de l'Orne" are two bodies).
                let connector = p.joined
                    && matches!(p.text, "et" | "en" | "sur" | "pour")
                    && k > last
                    && next.joined
                    && next.shape == Shape::Lower
                    && ((next.elision.is_empty()
                        && (matches!(next.text, "de" | "du" | "des") || !stop(next.text)))
                        || (elided_de_noun(next) && !stop(next.text)));
                if listed
                    || !p.joined
                    || p.shape != Shape::Lower
                    || stop(p.text) && !particle && !connector
                    || (k == end && !particle && !is_adjective(p.text))
                {
                    break;
                }
                if !(particle || connector || is_adjective(p.text) || p.text.chars().count() > 3) {
                    break;
                }
                // Lowercase words count only if a capitalised name ends the phrase.
                k += 1;
                steps += 1;
            }
        }
        if end == last && complement_end > last {
            end = complement_end;
        }
        // "Fédération française de canoë-kayak": a lowercase compound ends the name whole.
        while end > last
            && toks[end].shape == Shape::Lower
            && toks.get(end + 1).is_some_and(|n| {
                n.hyphen_before
                    && n.shape == Shape::Lower
                    && is_hyphen(&d.text[toks[end].end..n.start])
            })
        {
            end += 1;
        }
        let mut probe = end;
        let mut steps = 0;
        while probe + 1 < toks.len() && steps < 8 && toks[probe + 1].joined {
            let t = &toks[probe + 1];
            if t.shape != Shape::Lower {
                break;
            }
            probe += 1;
            steps += 1;
        }
        let next = probe + 1;
        if next < toks.len()
            && matches!(toks[next].shape, Shape::Upper | Shape::Cap)
            && toks[next].text.chars().count() <= 8
            && d.text[toks[probe].end..toks[next].start].trim() == "("
            && c.row.is_none()
        {
            let parts: Vec<Part> = toks[first..=probe]
                .iter()
                .flat_map(|t| {
                    let mut v = Vec::new();
                    if !t.elision.is_empty() {
                        v.push(elision_part(t.elision));
                    }
                    v.push(t.part());
                    v
                })
                .collect();
            let acronym = toks[next].key();
            if acronym_of(&acronym, &parts) {
                end = probe;
            }
        }
        if end > last {
            c.end = toks[end].end;
            c.last_tok = end;
            c.parts = name_parts(&toks[first..=end]);
            match head_kind {
                // "Confédération paysanne", "Banque centrale européenne": the head types it.
                Some(kind) if c.votes[kind.index()] < 2.0 => vote(&mut c.votes, kind, 2.0),
                None if c.votes.iter().all(|&v| v < 2.0) => {
                    vote(&mut c.votes, EntityType::Organization, 1.0)
                }
                _ => {}
            }
        }
    }

    /// The lowercase head ("tribunal", "loi", "col") that begins a name whose capitalised part
    /// starts at `first`, with at most four adjectives or particles between: its token and type.
    fn lower_head_before(
        &self,
        toks: &[NameToken<'_>],
        first: usize,
    ) -> Option<(usize, EntityType)> {
        let mut k = first;
        let mut between = 0;
        let mut words = false;
        while k > 0 && between <= 4 && toks[k].joined {
            let p = &toks[k - 1];
            if p.shape != Shape::Lower {
                return None;
            }
            // "palais des sports Pierre-Ratte", "chambre de métiers et de l'artisanat de la
            // Corrèze": a head of several words.
            if let Some((h, kind)) = self.gaz.compound_head_at(toks, k - 1) {
                return (kind != EntityType::Location || !words).then_some((h, kind));
            }
            // "les grottes Russell", "les chutes Montmorency": a place's head in the plural
            // right before its name.
            let plural_place = || {
                (k == first
                    && p.text.len() > 4
                    && k >= 2
                    && matches!(toks[k - 2].text, "les" | "Les" | "des" | "aux")
                    && self
                        .gaz
                        .longest(toks, first, false)
                        .is_none_or(|(r, _)| self.gaz.row(r).kind == EntityType::Location))
                .then(|| p.text.strip_suffix('s'))
                .flatten()
                .and_then(|one| self.gaz.lower_head(one))
                .filter(|&kind| kind == EntityType::Location)
            };
            if let Some(kind) = self.gaz.lower_head(p.text).or_else(plural_place) {
                // "place financière de Genève", "les cours de la vanille de Madagascar": a
                // place's head word takes its name right after it or after particles
                // ("rue de la Paix"); a common word between makes it a plain noun. A head that
                // takes only a name right after it leaves "de" or an elided "d'" and a town
                // out ("gare de Sevran", "gare d'Agen"), not a name with its article ("gare du
                // Nord", "gare de l'Est").
                let definite = toks[k..first]
                    .iter()
                    .any(|t| matches!(t.text, "du" | "des" | "la" | "le" | "les"))
                    || matches!(toks[first].elision, "l" | "L");
                if kind == EntityType::Location && words
                    || (between > 0 && !definite || matches!(toks[k].elision, "d" | "D"))
                        && self.gaz.lower_head_direct(p.text)
                {
                    return None;
                }
                // "l'hôpital de Vichy", "l'hôpital régional d'Arlon": a town's hospital is
                // no name; the town is.
                if p.text == "hôpital"
                    && !definite
                    && (matches!(toks[first].elision, "d" | "D")
                        || (k < first
                            && toks[first].elision.is_empty()
                            && toks[first - 1].text == "de"))
                    && self.gaz.lists_place(toks[first].text)
                {
                    return None;
                }
                // "la deuxième place de Ligue 2": a rank, no square.
                if p.text == "place" && k >= 2 && is_ordinal(toks[k - 2].text) {
                    return None;
                }
                // "sous-préfecture de Die", "sous-direction de …": the prefix is part of it.
                if p.hyphen_before && k >= 2 && toks[k - 2].text == "sous" {
                    return Some((k - 2, kind));
                }
                return Some((k - 1, kind));
            }
            let particle = PARTICLES.contains(&p.text) && p.elision.is_empty();
            // "le fonds belge Vandermeulen": a nationality right before the name makes the
            // head a cue.
            let word = !stop(p.text)
                && p.text.chars().count() > 3
                && !(k == first && self.gaz.is_demonym(p.text));
            if !(particle || word) {
                return None;
            }
            words |= !particle;
            between += 1;
            k -= 1;
        }
        None
    }

    /// The last token of a name whose complement ends at `end`, taking the complements
    /// coordinated with it: commas, then "et", each "de", "du", "des", "de la" or an elided
    /// "d'" and a common noun with its adjectives and its own complement ("service
    /// départemental d'incendie et de secours", "Conseil du coton et de l'anacarde", "Direction
    /// générale de la concurrence, de la consommation et de la répression des fraudes"). The
    /// list must end with "et"; `end` itself when there is none.
    fn coordinated_complements(&self, d: &Doc<'_>, end: usize) -> usize {
        let toks = &d.tokens;
        // A common noun of a complement at `k`: lowercase, no stop word or demonym, more than
        // three letters (two after an elided article).
        // (Not a body, a place or a territory of its own: "la Chambre d'agriculture, de la
        // préfecture et de la mairie" names three bodies, "… du canton du Valais" a seat.)
        let noun = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.shape == Shape::Lower
                    && !with_key(t.text, stop)
                    && t.text.chars().count() > if t.elision.is_empty() { 3 } else { 2 }
                    && !self.gaz.is_demonym(t.text)
                    && !is_speech_verb(t.text)
                    && self.gaz.lower_head(t.text).is_none()
                    && with_key(t.text, |k| {
                        self.gaz.cue(k).is_none()
                            && !matches!(
                                k,
                                // ("et de nombreux syndicats ont protesté": a quantity.)
                                "nombreux"
                                    | "nombreuses"
                                    | "nouveaux"
                                    | "nouvelles"
                                    | "milliers"
                                    | "centaines"
                                    | "dizaines"
                                    | "certains"
                                    | "plusieurs"
                                    | "mairie"
                                    | "mairies"
                                    | "commune"
                                    | "communes"
                                    | "associations"
                                    | "canton"
                                    | "cantons"
                                    | "departement"
                                    | "region"
                                    | "ville"
                                    | "villes"
                                    | "pays"
                                    | "province"
                                    | "district"
                                    | "territoire"
                                    | "quartier"
                                    | "arrondissement"
                            )
                    })
            })
        };
        let lower = |k: usize, word: &str| {
            toks.get(k)
                .is_some_and(|t| t.joined && t.elision.is_empty() && t.text == word)
        };
        // The last token of one complement whose first token is `k`, or `None`.
        let item = |mut k: usize, comma: bool| -> Option<usize> {
            // (After "et", joined to it: not "et, des travaux publics,".)
            let t = toks.get(k).filter(|t| comma || t.joined)?;
            if matches!(t.elision, "d" | "D") && comma {
                // ", d'industrie": the noun itself.
            } else {
                k = word_after_de(toks, k)?;
            }
            if !noun(k) {
                return None;
            }
            // Its adjectives ("affaires vétérinaires"), then its own complement ("répression
            // des fraudes", "gestion des catastrophes").
            while toks
                .get(k + 1)
                .is_some_and(|t| t.joined && t.shape == Shape::Lower && is_adjective(t.text))
                && !verb_after_name(toks, k + 1)
            {
                k += 1;
            }
            if toks
                .get(k + 1)
                .is_some_and(|t| t.joined && t.elision.is_empty() && matches!(t.text, "des" | "du"))
                && toks
                    .get(k + 2)
                    .is_some_and(|t| t.joined && t.elision.is_empty())
                && noun(k + 2)
                && !verb_after_name(toks, k + 2)
            {
                k += 2;
            }
            Some(k)
        };
        let mut last = end;
        for _ in 0..4 {
            let next = last + 1;
            if lower(next, "et") {
                // (Not a second subject: "le Comité des fêtes et des bénévoles ont organisé".)
                return item(next + 1, false)
                    .filter(|&k| {
                        toks.get(k + 1).is_none_or(|v| {
                            !(v.joined
                                && matches!(
                                    v.text,
                                    "ont"
                                        | "sont"
                                        | "se"
                                        | "étaient"
                                        | "avaient"
                                        | "vont"
                                        | "font"
                                        | "doivent"
                                        | "peuvent"
                                ))
                        })
                    })
                    .unwrap_or(end);
            }
            // ", de la consommation": a comma, then the next complement.
            let comma = toks.get(next).is_some_and(|t| {
                !t.joined
                    && t.shape == Shape::Lower
                    && d.text[toks[last].end..t.raw_start].trim() == ","
            });
            match item(next, true).filter(|_| comma) {
                Some(k) => last = k,
                None => return end,
            }
        }
        end
    }

    /// The last token of a second part joined by "et" to the name headed by the lowercase
    /// head `toks[h]` and ending at `last`: a ministry's last portfolio ("ministère de
    /// l'Enseignement supérieur et de la Recherche", "… de l'Économie et des Finances"), after
    /// others listed with commas ("… de l'Agriculture, des Pêcheries et de l'Alimentation"),
    /// a law's second word ("loi Informatique et libertés", "loi Climat et résilience").
    fn coordinated_tail(
        &self,
        text: &str,
        toks: &[NameToken<'_>],
        h: usize,
        last: usize,
    ) -> Option<usize> {
        let lower = |j: usize| {
            toks.get(j)
                .filter(|t| t.joined && t.shape == Shape::Lower && t.elision.is_empty())
        };
        // Adjectives of the portfolio ("supérieur", "écologique").
        let adjectives = |mut k: usize| {
            let from = k;
            while k < from + 6
                && lower(k + 1).is_some_and(|t| is_adjective(t.text))
                && !verb_after_name(toks, k + 1)
            {
                k += 1;
            }
            k
        };
        // The capitalised portfolio after "du", "des", "de", "de la" or "de l'" at `j`.
        let portfolio = |j: usize| {
            let j = word_after_de(toks, j)?;
            // (Not a people or a person: "ministère de l'Intérieur, des Marocains et des
            // Algériens".)
            toks.get(j).filter(|t| {
                t.shape == Shape::Cap && !self.gaz.is_demonym(t.text) && !self.gaz.is_given(t.text)
            })?;
            Some(j)
        };
        match toks[h].text {
            "ministère" => {
                let mut k = adjectives(last);
                // "ministère de l'Agriculture, des Pêcheries et de l'Alimentation": portfolios
                // listed with commas before the last.
                while let Some(next) = toks.get(k + 1)
                    && !next.joined
                    && next.shape == Shape::Lower
                    && next.elision.is_empty()
                    && text[toks[k].end..next.start].trim() == ","
                    && let Some(j) = portfolio(k + 1)
                    // (A place is no portfolio: "…, de Bretagne et de Normandie".)
                    && !self.gaz.lists_place(toks[j].text)
                {
                    k = adjectives(j);
                }
                lower(k + 1).filter(|t| t.text == "et")?;
                lower(k + 2)?;
                let j = portfolio(k + 2)?;
                let k = adjectives(j);
                // "… et de la Cohésion des territoires": a plain complement of the portfolio.
                if lower(k + 1).is_some_and(|t| matches!(t.text, "des" | "du"))
                    && lower(k + 2).is_some_and(|t| {
                        !with_key(t.text, stop)
                            && t.text.chars().count() > 3
                            && !verb_after_name(toks, k + 2)
                    })
                {
                    return Some(k + 2);
                }
                Some(k)
            }
            "loi" | "lois" if h + 1 == last => {
                lower(last + 1).filter(|t| t.text == "et")?;
                let word = lower(last + 2)?;
                (!with_key(word.text, stop)
                    && word.text.chars().count() > 3
                    && !self.gaz.is_demonym(word.text)
                    && !is_speech_verb(word.text))
                .then_some(last + 2)
            }
            _ => None,
        }
    }

    /// The type a head word that is no surname gives a name of two words after a given name:
    /// a place's ("Wilson County", "Victoria Station", "Stuart Highway"), else an event's or a
    /// body's as the head lists type it ("Adelaide Fringe", "Merlin Entertainments").
    fn no_surname_head(&self, word: &str) -> Option<EntityType> {
        if matches!(
            word,
            "County"
                | "Street"
                | "Road"
                | "Avenue"
                | "Airport"
                | "Station"
                | "Stadium"
                | "Palace"
                | "Square"
                | "Gardens"
                | "Pier"
                | "Arena"
                | "Courtyard"
                | "Plaza"
                | "Esplanade"
                | "Highway"
                | "Bridge"
                | "Motorway"
                | "Freeway"
                | "Boulevard"
                | "Crescent"
                | "Terrace"
                | "Harbour"
                | "Harbor"
                | "Canal"
                | "Tunnel"
                | "Dam"
                | "Reservoir"
                | "Glacier"
                | "Peninsula"
                | "Reef"
                | "Canyon"
                | "Trail"
                | "Promenade"
                | "Quay"
                | "Wharf"
                | "Pavilion"
                | "Viaduct"
                | "Racecourse"
                | "Velodrome"
                | "Oval"
                | "Island"
                | "Islands"
                | "Aquifer"
                | "Creek"
                | "Sound"
                | "Heights"
                | "Lagoon"
                | "Estuary"
                | "Gorge"
                | "Inlet"
                | "Rapids"
                | "Lakes"
        ) {
            return Some(EntityType::Location);
        }
        if matches!(
            word,
            "Festival"
                | "Fringe"
                | "Carnival"
                | "Awards"
                | "Prize"
                | "Cup"
                | "Trophy"
                | "Games"
                | "Marathon"
                | "Championships"
                | "Entertainment"
                | "Entertainments"
                | "Gaming"
                | "Airlines"
                | "Airways"
                | "Holdings"
                | "Pharmaceuticals"
                | "Technologies"
                | "Studios"
                | "Productions"
                | "Foundation"
                | "Council"
                | "Committee"
                | "Commission"
                | "Hospital"
                | "University"
                | "College"
                | "Institute"
                | "Group"
                | "Guardian"
        ) {
            return self.gaz.head(word, HeadPos::Last);
        }
        None
    }

    /// The type announced by a role right after token `last` and a comma ("…, infirmière",
    /// "…, chief economist"), or by an apposition with an article ("…, une société", "…, un
    /// traitement", "…, la rivière qui").
    fn following_cue(&self, d: &Doc<'_>, last: usize) -> Option<EntityType> {
        let toks = &d.tokens;
        let next = toks.get(last + 1)?;
        if d.text[toks[last].end..next.start].trim() != "," || next.shape != Shape::Lower {
            return None;
        }
        // "Dataviva, une société rennaise", "le Respiraline, un traitement", "Oak Flat, a
        // campground": an apposition that says what the name is.
        // "Fespaco, le festival panafricain", "Regideso, la société publique": a definite
        // article says it too, for a named thing or a body.
        // (After an indefinite article, one more word; nouns of places after any article:
        // "la Morge, la rivière qui…".)
        let apposition = match next.text {
            "le" | "la" | "the" => Some((2, false)),
            "un" | "une" | "a" | "an" => Some((3, true)),
            _ => None,
        };
        if let Some((words, indefinite)) = apposition {
            for (q, t) in toks[last + 2..].iter().enumerate().take(words) {
                if !t.joined || t.shape != Shape::Lower {
                    break;
                }
                // "in Corktown, the carmaker said": the subject of a reporting verb, no
                // apposition.
                if toks.get(last + 3 + q).is_some_and(|v| {
                    v.joined
                        && matches!(
                            v.text,
                            "said"
                                | "says"
                                | "told"
                                | "added"
                                | "announced"
                                | "confirmed"
                                | "stated"
                                | "noted"
                                | "explained"
                                | "wrote"
                                | "warned"
                        )
                }) {
                    return None;
                }
                if self.gaz.is_misc_after(t.text) {
                    return Some(EntityType::Misc);
                }
                if with_key(t.text, |k| self.gaz.cue(k)) == Some(EntityType::Organization) {
                    return Some(EntityType::Organization);
                }
                // "Oak Flat, a campground", "la Morge, la rivière qui…": a noun of places
                // (after "the", one that ends the apposition: not "the district attorney").
                if is_place_noun(t.text)
                    && (indefinite
                        || toks.get(last + 3 + q).is_none_or(|n| {
                            !n.joined || n.shape != Shape::Lower || with_key(n.text, stop)
                        }))
                {
                    return Some(EntityType::Location);
                }
            }
            if indefinite {
                return None;
            }
        }
        let mut key = String::new();
        let mut found = None;
        for t in toks[last + 1..]
            .iter()
            .take(self.gaz.max_cue_words().max(1))
        {
            if !key.is_empty() {
                if !t.joined {
                    break;
                }
                key.push(' ');
            }
            key.push_str(&t.key());
            if let Some(k) = self.gaz.cue(&key) {
                found = Some(k);
            }
        }
        found.filter(|k| *k == EntityType::Person)
    }

    /// The type announced by the words right before token `first` ("le juge", "la société",
    /// "ville de"), if any.
    fn preceding_cue(&self, d: &Doc<'_>, first: usize) -> Option<EntityType> {
        // The rules ask about a name's first token several times in a row.
        if let Some((at, kind)) = d.last_cue.get()
            && at == first
        {
            return kind;
        }
        let kind = self
            .find_preceding_cue(d, first)
            .or_else(|| self.enumerated_place_cue(d, first));
        d.last_cue.set(Some((first, kind)));
        kind
    }

    /// The type the apposition after the name `first..=last` gives it (see
    /// [`apposition_noun`]).
    fn apposition_kind(&self, d: &Doc<'_>, first: usize, last: usize) -> Option<EntityType> {
        let toks = &d.tokens;
        let art = toks.get(last + 1)?;
        if art.joined || d.text[toks[last].end..art.raw_start].trim() != "," {
            return None;
        }
        // ("Tom Brown, a retired teacher from the village": a person's.)
        if self.gaz.is_given(toks[first].text) {
            return None;
        }
        // ("Selon Bodinel, la ville de Cholet perd…": a clause after an introduction; "In
        // Detroit, the carmaker, which…": a place, then the clause's subject.)
        let intro = first > 0
            && with_key(toks[first - 1].text, |k| {
                matches!(
                    k,
                    "selon"
                        | "pour"
                        | "a"
                        | "en"
                        | "dans"
                        | "in"
                        | "at"
                        | "from"
                        | "to"
                        | "according"
                )
            });
        // A French definite article begins a clause as often: only a noun phrase closed by
        // a punctuation mark ("Zorblag, l'entreprise familiale,").
        let definite = matches!(art.elision, "l" | "L") || matches!(art.text, "le" | "la" | "les");
        // In English the noun of a kind is the apposition's last word ("a city official" is a
        // person).
        let english = matches!(art.text, "the" | "a" | "an");
        let mut k = if matches!(art.elision, "l" | "L") {
            last + 1
        } else if matches!(
            art.text,
            "the" | "a" | "an" | "un" | "une" | "le" | "la" | "les"
        ) && art.elision.is_empty()
        {
            last + 2
        } else {
            return None;
        };
        let mut head = None;
        // Words after the last noun of a kind: adjectives only ("l'entreprise familiale").
        let mut trailing_ok = true;
        let mut closed = false;
        while let Some(t) = toks.get(k) {
            if k > last + 1 && !t.joined && !t.hyphen_before {
                // A punctuation mark ends it.
                closed = true;
                break;
            }
            if k > last + 7 || (k > last + 1 && !t.elision.is_empty() && !t.hyphen_before) {
                break;
            }
            if matches!(
                t.text,
                "of" | "de"
                    | "du"
                    | "des"
                    | "in"
                    | "à"
                    | "au"
                    | "aux"
                    | "that"
                    | "which"
                    | "who"
                    | "qui"
                    | "que"
                    | "où"
                    | "where"
                    | "with"
                    | "avec"
                    | "for"
                    | "pour"
                    | "from"
                    | "at"
                    | "on"
                    | "by"
                    | "to"
                    | "sur"
                    | "dans"
                    | "par"
                    | "en"
                    | "near"
                    | "près"
                    | "based"
                    | "basée"
                    | "basé"
                    | "installée"
                    | "installé"
                    | "held"
                    | "set"
                    | "located"
                    | "run"
                    | "founded"
                    | "created"
                    | "launched"
                    | "built"
                    | "opened"
                    | "owned"
                    | "situé"
                    | "située"
                    | "créé"
                    | "créée"
                    | "fondé"
                    | "fondée"
                    | "organisé"
                    | "organisée"
            ) {
                closed = !definite;
                break;
            }
            let plain = t.shape == Shape::Lower
                || t.shape == Shape::Number
                || (t.shape == Shape::Cap && self.gaz.is_demonym(t.text));
            if !plain {
                break;
            }
            // The last noun that names a kind of thing ("the vast clothing market"), with
            // adjectives only after it in French ("l'entreprise familiale"); not a possessor
            // ("the island's biggest employer").
            if let Some(kind) = apposition_noun(t.text).filter(|_| !t.possessive) {
                head = Some(kind);
                trailing_ok = true;
            } else if head.is_some() {
                trailing_ok &= !english && t.shape == Shape::Lower && is_adjective(t.text);
            }
            if t.possessive {
                head = None;
            }
            k += 1;
        }
        if k >= toks.len() {
            closed = true;
        }
        head.filter(|&kind| closed && trailing_ok && !(intro && kind != EntityType::Location))
    }

    /// "les gouvernorats de Kairouan, de Sidi Bouzid et de Tozeur", "the provinces of Ben Tre
    /// and of Tra Vinh": a later item of a list of "de" + name whose first item follows a
    /// place's cue is a place too.
    fn enumerated_place_cue(&self, d: &Doc<'_>, first: usize) -> Option<EntityType> {
        let toks = &d.tokens;
        let mut j = first;
        for _ in 0..4 {
            // Its "de" ("de", "of", or an elided "d'").
            let de = if matches!(toks[j].elision, "d" | "D") {
                j
            } else if j >= 1
                && toks[j].joined
                && toks[j].elision.is_empty()
                && matches!(toks[j - 1].text, "de" | "of")
            {
                j - 1
            } else {
                return None;
            };
            // The separator before it: a comma, or "et" / "and".
            let end = if de >= 1 && !toks[de].joined {
                if d.text[toks[de - 1].end..toks[de].raw_start].trim() != "," {
                    return None;
                }
                de - 1
            } else if de >= 2 && matches!(toks[de - 1].text, "et" | "and") && toks[de - 1].joined {
                de - 2
            } else {
                return None;
            };
            // The item before: capitalised words after their own "de".
            let mut s = end;
            while s > 0
                && end - s < 4
                && toks[s].shape == Shape::Cap
                && toks[s].elision.is_empty()
                && toks[s].joined
                && toks[s - 1].shape == Shape::Cap
            {
                s -= 1;
            }
            if toks[s].shape != Shape::Cap {
                return None;
            }
            if self.cue_ending_at(d, s) == Some(EntityType::Location) {
                return Some(EntityType::Location);
            }
            j = s;
        }
        None
    }

    /// [`Recognizer::preceding_cue`] found.
    fn find_preceding_cue(&self, d: &Doc<'_>, first: usize) -> Option<EntityType> {
        let toks = &d.tokens;
        if first == 0 {
            return None;
        }
        // "son entraîneur, Peio Larralde": a person's role, then a comma.
        let comma = !toks[first].joined
            && toks[first].elision.is_empty()
            && toks[first - 1].shape == Shape::Lower
            && d.text[toks[first - 1].end..toks[first].raw_start].trim() == ",";
        if comma {
            // "its flagship product, VegaLedger,", "son premier film, Marée basse": a product
            // or work noun after a determiner or an adjective, then a comma.
            let w = toks[first - 1].text;
            // Not a role's complement ("la directrice du tournoi, X") nor a given name.
            if first >= 2
                && toks[first - 1].joined
                && toks[first - 1].elision.is_empty()
                && toks[first - 2].shape == Shape::Lower
                && !matches!(
                    toks[first - 2].text,
                    "de" | "du" | "des" | "of" | "the" | "la" | "le" | "les"
                )
                && toks[first.saturating_sub(3)..first]
                    .iter()
                    .all(|t| !matches!(t.text, "de" | "du" | "des" | "of"))
                && !self.gaz.is_given(toks[first].text)
                && (self.gaz.is_misc_after(w) || matches!(w, "product" | "produit" | "opéra"))
            {
                return Some(EntityType::Misc);
            }
            // "un sous-traitant, Aviapartner,", "a local group, Stop the Stadium": an
            // organisation's cue after an indefinite article or an adjective, then a comma.
            let cue = with_key(w, |k| self.gaz.cue(k));
            // A compound's first part ("sous-traitant").
            let ws = if toks[first - 1].hyphen_before && first >= 2 {
                first - 2
            } else {
                first - 1
            };
            let org = if ws + 1 == first {
                cue
            } else {
                let mut key = String::new();
                for (j, t) in toks[ws..first].iter().enumerate() {
                    push_parts(&mut key, t, j > 0);
                }
                self.gaz.cue(&key)
            };
            if org == Some(EntityType::Organization)
                && ws >= 1
                && toks[ws].joined
                && toks[ws].elision.is_empty()
                && matches!(
                    toks[ws - 1].text,
                    "un" | "une"
                        | "a"
                        | "an"
                        | "local"
                        | "small"
                        | "petit"
                        | "petite"
                        | "new"
                        | "nouveau"
                        | "nouvelle"
                        // "son assureur, Ethias,", "its insurer, Aviva,": the possessor's
                        // own firm.
                        | "son"
                        | "sa"
                        | "its"
                )
                && !self.gaz.is_given(toks[first].text)
            {
                return Some(EntityType::Organization);
            }
            // The role word alone, right before the comma.
            return cue.filter(|k| *k == EntityType::Person);
        }
        if !toks[first].joined {
            return None;
        }
        if let Some(kind) = self.cue_ending_at(d, first) {
            // "la maire d'Urdos", "le directeur d'Airbus": what the role serves or heads (not
            // "la fille d'Alain Delon").
            if kind == EntityType::Person
                && matches!(toks[first].elision, "d" | "D")
                && !self.gaz.is_given(toks[first].text)
                && let Some(k) = role_before(toks, first - 1)
            {
                return Some(k);
            }
            // "le chocolatier Beñat Etchegaray", "team owner Francesco Aquilini": a trade noun
            // that also names a person, right before a given name and a surname, is their
            // trade.
            // Also an unlisted given name before a surname that ends the name ("guesthouse
            // owner Kervin Augustine-Laville", "le chocolatier Beñat Etchegaray"). An
            // operator's "par" or "by" before a given name and a surname: a farmer's ("une
            // ferme exploitée par Marie Durand").
            let prev = toks[first - 1].text;
            let trade = toks[first - 1].shape == Shape::Lower && is_personal_trade(prev);
            if kind == EntityType::Organization
                && (trade || matches!(prev, "par" | "by"))
                && toks
                    .get(first + 1)
                    .is_some_and(|n| n.joined && n.shape == Shape::Cap && n.elision.is_empty())
                && ((self.gaz.is_given(toks[first].text)
                    // ("exploitée par Pierre Fabre": a listed firm.)
                    && (trade || self.gaz.longest(toks, first, false).is_none()))
                    || (trade
                        && toks[first].shape == Shape::Cap
                        && toks.get(first + 2).is_none_or(|n| {
                            !n.joined || !matches!(n.shape, Shape::Cap | Shape::Upper)
                        })
                        && !self.gaz.is_common(toks[first].text)
                        && !self.gaz.lists_place(toks[first].text)
                        && self.gaz.head(toks[first].text, HeadPos::First).is_none()
                        && self.gaz.head(toks[first + 1].text, HeadPos::Last).is_none()
                        && self.gaz.longest(toks, first, false).is_none()))
            {
                return None;
            }
            return Some(kind);
        }
        // "le fonds belge Vandermeulen", "la société de cosmétiques Belleverte",
        // "l'entraîneur serbe Dragan Kovačević": a nationality, an adjective or a "de" + noun
        // complement between the cue and the name (two at most).
        let mut end = first;
        let mut stepped_adjective;
        for step in 0..2 {
            if end < 2 || !toks[end].joined {
                return None;
            }
            let p = &toks[end - 1];
            if p.shape != Shape::Lower || stop(p.text) {
                return None;
            }
            // Another adjective only right before the name ("bailleur social X", not
            // "directeur général du bailleur X").
            let adjective = p.elision.is_empty()
                && (self.gaz.is_demonym(p.text) || (step == 0 && is_adjective(p.text)));
            let complement = p.text.len() > 3
                && p.elision.is_empty()
                && p.joined
                && matches!(toks[end - 2].text, "de" | "du" | "des")
                && toks[end - 2].elision.is_empty();
            stepped_adjective = !complement && adjective;
            end = if complement {
                end - 2
            } else if adjective || (p.text.len() > 3 && matches!(p.elision, "d" | "D")) {
                end - 1
            } else {
                return None;
            };
            if end == 0 {
                return None;
            }
            // A cue noun, not a possessive ("son grossiste Pharmadis Nord").
            let cue_word = &toks[end - 1];
            // (The last part of a compound may be a stop word: "start-up".)
            if (cue_word.hyphen_before
                || cue_word.shape == Shape::Upper
                || (cue_word.text.chars().count() > 3 && !stop(&cue_word.lower())))
                && let Some(kind) = self.cue_ending_at(d, end)
            {
                // "le secrétaire syndical d'Unia": what the role serves, as right after it
                // (after an adjective only: "le directeur de campagne d'Attal" is a person's).
                if kind == EntityType::Person
                    && stepped_adjective
                    && matches!(toks[first].elision, "d" | "D")
                    && !self.gaz.is_given(toks[first].text)
                    && let Some(k) = role_before(toks, end - 1)
                {
                    return Some(k);
                }
                return Some(kind);
            }
        }
        None
    }

    /// Whether capitalised token `i` is the last word of a person's cue phrase of three words
    /// or more, lowercase before it ("garde des Sceaux").
    fn ends_cue_phrase(&self, d: &Doc<'_>, i: usize) -> bool {
        let toks = &d.tokens;
        if i == 0 || !toks[i].joined || toks[i - 1].shape != Shape::Lower {
            return false;
        }
        let max = self.gaz.max_cue_words().min(i + 1);
        // One key buffer a thread: no allocation once it has grown.
        thread_local! {
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        KEY.with(|cell| {
            let Ok(mut key) = cell.try_borrow_mut() else {
                return false;
            };
            for w in 3..=max {
                let from = i + 1 - w;
                if toks[from + 1..=i].iter().any(|t| !t.joined) || toks[from].shape != Shape::Lower
                {
                    break;
                }
                key.clear();
                for (j, t) in toks[from..=i].iter().enumerate() {
                    push_parts(&mut key, t, j > 0);
                }
                if self.gaz.cue(&key) == Some(EntityType::Person) {
                    return true;
                }
            }
            false
        })
    }

    /// The type announced by the cue words that end right before token `first`.
    fn cue_ending_at(&self, d: &Doc<'_>, first: usize) -> Option<EntityType> {
        let toks = &d.tokens;
        // "the agency's Juice probe": a cue word's possessive names what it owns, not it.
        if first == 0 || !toks[first].joined || toks[first - 1].possessive {
            return None;
        }
        let max = self.gaz.max_cue_words().min(first);
        // One key buffer a thread: no allocation once it has grown.
        thread_local! {
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        let look = |key: &mut String| {
            let mut best = None;
            for w in 1..=max {
                let from = first - w;
                // "la start-up": a lowercase compound is one cue word.
                if toks[from + 1..=first]
                    .iter()
                    .any(|t| !t.joined && !t.hyphen_before)
                {
                    break;
                }
                for with_elision in [false, true] {
                    if with_elision && toks[from].elision.is_empty() {
                        continue;
                    }
                    key.clear();
                    for (j, t) in toks[from..first].iter().enumerate() {
                        push_parts(key, t, j > 0 || with_elision);
                    }
                    if let Some(kind) = self.gaz.cue(key) {
                        best = Some(kind);
                    } else if matches!(toks[first].elision, "d" | "D")
                        && let Some(kind) = {
                            // "l'arrondissement d'Arvida", "l'agglomération d'Annecy": a cue
                            // listed with "de", before an elided name.
                            let len = key.len();
                            key.push_str(" de");
                            let kind = self.gaz.cue(key);
                            key.truncate(len);
                            kind
                        }
                    {
                        best = Some(kind);
                    } else if w >= 3
                        && let Some(short) = key.strip_suffix(" la")
                        && is_water_or_landform_cue(short)
                        && self.gaz.cue(short) == Some(EntityType::Location)
                    {
                        // "au bord de la Sambre", "les rives de la Durance": a place's cue
                        // before "de", then the article of a feminine name.
                        best = Some(EntityType::Location);
                    } else if w >= 2
                        && !with_elision
                        && let Some(sp) = key.find(' ')
                        && sp > 4
                        && key.as_bytes()[sp - 1] == b's'
                        && {
                            key.remove(sp - 1);
                            self.gaz.cue(key) == Some(EntityType::Location)
                        }
                    {
                        // "the provinces of Ben Tre": a place's cue in the plural.
                        best = Some(EntityType::Location);
                    } else if w == 1 && !with_elision && key.len() > 4 && key.ends_with(['s', 'x'])
                    {
                        // "les quotidiens Sudinfo": a plural cue word.
                        key.pop();
                        if let Some(kind) = self.gaz.cue(key) {
                            best = Some(kind);
                        }
                    }
                }
            }
            best
        };
        KEY.with(|cell| match cell.try_borrow_mut() {
            Ok(mut key) => look(&mut key),
            Err(_) => look(&mut String::new()),
        })
    }

    /// The last token and the row of a listed town written in lowercase from token `i`, a
    /// saint's abbreviated or full name ("st malo", "ste-clotilde", "saint michel en greve"),
    /// its words joined by spaces or hyphens (the longest listed one, of five words at most).
    fn saint_town_end(&self, d: &Doc<'_>, i: usize) -> Option<(usize, u32)> {
        let toks = &d.tokens;
        let mut key = String::from(match toks[i].text {
            "st" | "saint" => "saint",
            _ => "sainte",
        });
        let mut best = None;
        for j in i + 1..toks.len().min(i + 5) {
            let t = &toks[j];
            let gap = &d.text[toks[j - 1].end..t.raw_start];
            if t.shape != Shape::Lower
                || !t.elision.is_empty()
                || !(gap == " " || gap == "-")
                || !t.text.chars().all(char::is_alphabetic)
            {
                break;
            }
            key.push('-');
            key.push_str(t.text);
            if let Some(row) = self.gaz.place_row(&key)
                && self.gaz.row(row).subtype == "city"
            {
                best = Some((j, row));
            }
        }
        best
    }

    /// A candidate for the listed place `row` written by `d.tokens[first..=last]`.
    fn listed_place(&self, di: usize, d: &Doc<'_>, first: usize, last: usize, row: u32) -> Cand {
        let mut c = self.cand(di, d, first, last);
        c.row = Some(row);
        vote(&mut c.votes, EntityType::Location, 3.0);
        c
    }

    /// Whether a reader's lowercase word `t` (no elision, no hyphen before) has `min` letters
    /// or more, letters only and a vowel: no abbreviation ("bcp", "tjrs", "nhs").
    fn plain_reader_word(t: &NameToken<'_>, min: usize) -> bool {
        t.elision.is_empty()
            && !t.hyphen_before
            && t.text.chars().count() >= min
            && t.text.chars().all(char::is_alphabetic)
            && has_vowel(t.text)
    }

    /// Whether the lowercase word `t` is no word the page writes capitalised, no stop or
    /// common word, nothing never an entity and no listed name written in lowercase.
    fn unknown_word(&self, page: &Page<'_, '_>, t: &NameToken<'_>) -> bool {
        !page.lower.contains(t.text)
            && !with_key(t.text, stop)
            && !self.gaz.is_common(t.text)
            && !self.gaz.is_not_entity(t.text)
            && self.gaz.lower_name(t.text).is_none()
    }

    /// Whether a cheered reader's lowercase word `toks[i]` is a given name, though a common
    /// word inflects to it ("courage germaine", "merci martine") or is written so when the
    /// cheer ends with it ("bravo rose !"; not "courage prudence et patience"), and no term of
    /// endearment ("merci chérie"); as [`Recognizer::unknown_word`] is otherwise.
    fn cheered_given_name(&self, page: &Page<'_, '_>, toks: &[NameToken<'_>], i: usize) -> bool {
        let t = &toks[i];
        self.gaz.is_given(t.text)
            && !matches!(t.text, "chérie" | "cherie" | "amie" | "jolie")
            && (!self.gaz.lists_common(t.text) || toks.get(i + 1).is_none_or(|n| !n.joined))
            && !page.lower.contains(t.text)
            && !with_key(t.text, stop)
            && !self.gaz.is_not_entity(t.text)
            && self.gaz.lower_name(t.text).is_none()
    }

    /// The page's surnames (see `Page::surnames`), gathered on first use.
    fn page_surnames<'a>(&self, page: &'a Page<'_, '_>) -> &'a hashbrown::HashSet<u64> {
        page.surnames.get_or_init(|| {
            let mut set = hashbrown::HashSet::default();
            let mut w = String::new();
            for d in page.docs {
                for pair in d.tokens.windows(2) {
                    if pair[1].shape == Shape::Cap
                        && (is_courtesy_title(pair[0].text) || self.gaz.is_given(pair[0].text))
                    {
                        lowercase_into(pair[1].text, &mut w);
                        set.insert(xxh3_64(w.as_bytes()));
                    }
                }
            }
            set
        })
    }

    /// The person's title before a name of given name and surname that ends at capitalised
    /// token `j`: inside the capitalised run ("Chief Darlene Sappier-Nicholas") or right before
    /// it in lowercase ("analyst Kagiso Molefhe"), when it is a person's cue.
    fn title_of_name_ending<'t>(&self, toks: &[NameToken<'t>], j: usize) -> Option<&'t str> {
        if toks[j].shape != Shape::Cap || toks[j].possessive {
            return None;
        }
        // The capitalised run, four words at most.
        let mut s = j;
        while s > 0 && j - s < 3 && toks[s].joined && toks[s - 1].shape == Shape::Cap {
            s -= 1;
        }
        let given = (s..j).find(|&g| self.gaz.is_given(toks[g].text))?;
        let title = if given > s {
            toks[given - 1].text
        } else if s > 0 && toks[s].joined && toks[s - 1].shape == Shape::Lower {
            toks[s - 1].text
        } else {
            return None;
        };
        (with_key(title, |k| self.gaz.cue(k)) == Some(EntityType::Person)).then_some(title)
    }

    /// Votes from the words around the name: "en", "au", "aux", "à", "in" (also before an
    /// article: "in the", "dans la") suggest a place, "chez" an organisation, an article no
    /// person; a speech verb after the name ("X a confié", "X said") or right before it
    /// ("», a déclaré X") a person.
    fn context_votes(&self, d: &Doc<'_>, first: usize, c: &mut Cand) {
        let toks = &d.tokens;
        // "Kantamanto, the vast second-hand clothing market,", "Tenova, the Italian firm",
        // "Zorbu, un petit village du Jura": an apposition right after the name says what it
        // is by its last noun (before "of", "de", "in", a relative or a punctuation mark).
        if let Some(kind) = self.apposition_kind(d, first, c.last_tok) {
            vote(&mut c.votes, kind, 2.0);
        }
        // "à l'approche de la Saint-Jean-Baptiste", "la Saint-Valentin": a saint's feast
        // after the feminine article (a town named after a saint takes none).
        if first > 0
            && toks[first].joined
            && toks[first].elision.is_empty()
            && toks[first - 1].text == "la"
            && toks[first]
                .text
                .get(..6)
                .is_some_and(|p| p.eq_ignore_ascii_case("saint-"))
            // ("les crues de la Saint-Maurice": a river.)
            && self.preceding_cue(d, first) != Some(EntityType::Location)
        {
            vote(&mut c.votes, EntityType::Misc, 3.0);
        }
        // "Yaduveer Wadiyar, head of the former royal family,", "Kossi Agbéko, fondateur de
        // l'association": a person's role in a body right after the name and a comma.
        if role_of_after(d, c.last_tok)
            && c.row.is_none()
            && !toks[first..=c.last_tok]
                .iter()
                .any(|t| self.gaz.is_org_head(t.text))
        {
            vote(&mut c.votes, EntityType::Person, 1.5);
        }
        // "RSPB Scotland said", "Carnival Australia", "Rocket Lab USA": a capitalised name
        // and a country or region right after it, inside a sentence, name a body (its branch
        // there).
        if c.row.is_none()
            && c.last_tok > first
            && c.last_tok <= first + 2
            && !toks[first].sentence_start
            // ("Life in Victorian England", "Floods in Southwest Florida": a part or an age of
            // the place.)
            && !(first > 0
                && toks[first].joined
                && with_key(toks[first - 1].text, is_place_preposition))
            && toks[first..c.last_tok].iter().all(|t| {
                matches!(t.shape, Shape::Cap | Shape::Upper)
                    && t.elision.is_empty()
                    && !t.possessive
                    && !self.gaz.lists_place(t.text)
                    && !self.gaz.is_given(t.text)
                    && !self.gaz.is_demonym(t.text)
                    && self.gaz.head(t.text, HeadPos::First).is_none()
                    // ("South Wales", "Little Jamaica", "Northern Ireland": a part of it; "Tudor
                    // England", "Coastal Queensland": a common word before it; an acronym
                    // stays: "RSPB Scotland".)
                    && (t.shape == Shape::Upper || !self.gaz.is_common(t.text))
                    && !with_key(t.text, |k| {
                        k.starts_with("south")
                            || k.starts_with("north")
                            || is_place_adjective(k)
                            || matches!(
                                k,
                                "little" | "central" | "northern" | "southern" | "eastern"
                                    | "western" | "mainland" | "rural" | "inner" | "outer"
                            )
                    })
            })
            && toks[c.last_tok].elision.is_empty()
            && self
                .gaz
                .longest(toks, c.last_tok, false)
                .is_some_and(|(r, n)| {
                    n == 1
                        && self.gaz.row(r).kind == EntityType::Location
                        && matches!(self.gaz.row(r).subtype.as_ref(), "country" | "region")
                })
        {
            vote(&mut c.votes, EntityType::Organization, 2.0);
        }
        let t = &toks[first];
        // "Jean-Daniel Métrailler, d'Evolène, a été sacré", "Paul Dupont, de Sarlat,": where a
        // person named just before comes from.
        if first == c.last_tok && origin_after_name(d, first) {
            vote(&mut c.votes, EntityType::Location, 1.5);
        }
        // "The nearest town, Meekatharra, is…", "Its parent company, Zorbtech, said": a noun
        // phrase and a comma right before the name, which a comma closes.
        if let Some(kind) = apposition_before(d, first, c.last_tok)
            && !self.gaz.is_given(t.text)
        {
            vote(&mut c.votes, kind, 1.5);
        }
        let elision_l = matches!(t.elision, "l" | "L");
        let joined_prev = first > 0 && t.joined && t.elision.is_empty();
        let prev = if joined_prev {
            toks[first - 1].text
        } else if elision_l
            && first > 0
            && t.joined
            && matches!(toks[first - 1].text, "à" | "À")
            // (Not what is said or reported to a body, nor where someone works or trains:
            // "a déclaré à l'Ifop", "un rapport à l'ASBL", "formée à l'Insep".)
            && !(first >= 2 && is_speech_verb(toks[first - 2].text))
            && !works_before(toks, first)
            && !toks[first.saturating_sub(4)..first - 1].iter().any(|t| {
                with_key(t.text, |k| {
                    matches!(
                        k,
                        "rapport" | "formee" | "forme" | "formes" | "formees" | "etudie" | "enseigne"
                    )
                })
            })
        {
            // "à l'Astroballe": a place's "à" before a vowel.
            "à"
        } else {
            ""
        };
        // 1: place, 2: place, weaker, 3: organisation, 4: article, 5: place, weakest.
        let class = with_key(prev, |k| match k {
            "en" | "au" | "aux" => 1,
            "a" | "in" | "from" | "vers" | "sur" | "to" | "near" | "pres" | "dans" | "between"
            | "outside" | "around" | "across" | "throughout" | "towards" | "toward" => 2,
            "at" => 5,
            // "la ligne relie Sclessin à Coronmeuse", "le bus dessert Artenay".
            "relie" | "relient" | "relier" | "reliera" | "relieront" | "reliant" | "reliait"
            | "dessert" | "desservent" | "desservir" | "desservira" | "desservant" => 2,
            "chez" => 3,
            "la" | "le" | "les" | "the" => 4,
            _ => 0,
        });
        // "left for Columbiana", "fished out of Saulnierville": leaving for a place, working
        // out of one.
        let class = if class == 0
            && first >= 2
            && toks[first - 1].joined
            && toks[first - 2].shape == Shape::Lower
            && match prev {
                "for" => matches!(
                    toks[first - 2].text,
                    "left" | "leave" | "leaving" | "leaves" | "headed" | "bound" | "fled"
                ),
                "of" => toks[first - 2].text == "out",
                // "in nearby Wotten Waven", "to rural Kerala", "in northern Ontario".
                "nearby" | "neighbouring" | "neighboring" | "rural" | "downtown" | "central"
                | "northern" | "southern" | "eastern" | "western" | "coastal" | "remote" => {
                    matches!(
                        toks[first - 2].text,
                        "in" | "to" | "from" | "near" | "across"
                    )
                }
                _ => false,
            } {
            2
        } else {
            class
        };
        match class {
            1 => vote(&mut c.votes, EntityType::Location, 1.0),
            // "lawyers from Ecojustice", "researchers from Inria": professionals from a body.
            2 if prev == "from"
                && first >= 2
                && toks[first - 1].joined
                && (is_professionals(toks[first - 2].text)
                    || matches!(
                        toks[first - 2].text,
                        "engineers"
                            | "experts"
                            | "inspectors"
                            | "auditors"
                            | "consultants"
                            | "administrators"
                            | "liquidators"
                            | "receivers"
                    )) =>
            {
                vote(&mut c.votes, EntityType::Organization, 1.0)
            }
            2 => vote(&mut c.votes, EntityType::Location, 0.6),
            // "at Oppama", "at Ninewells" but also "at Acme": a weak vote; "analysts at
            // Nedbank", "lawyers at Acme": professionals at a firm (workers at a plant are not),
            // or someone's work there.
            5 => {
                let staff = first >= 2
                    && toks[first - 1].joined
                    && with_key(toks[first - 2].text, |k| {
                        is_professionals(k)
                            || matches!(
                                k,
                                "strategists"
                                | "executives"
                                | "officials"
                                | "traders"
                                | "insiders"
                                | "sources"
                                // "worked at Dorman Long": an employer.
                                | "worked"
                                | "working"
                                | "job"
                                | "jobs"
                            )
                    });
                if staff {
                    vote(&mut c.votes, EntityType::Organization, 1.0);
                } else {
                    vote(&mut c.votes, EntityType::Location, 0.3);
                }
            }
            // "mon grand-père bossait chez vuillet", "une casserole de chez Hamel": a firm
            // when no given name opens the name ("chez Pierre" is someone's home).
            3 => vote(
                &mut c.votes,
                EntityType::Organization,
                if self.gaz.is_given(t.text) { 0.5 } else { 1.5 },
            ),
            4 => {
                // "in the Pilbara", "dans la Sarthe", "across the Channel".
                let before = first >= 2
                    && toks[first - 1].joined
                    && with_key(toks[first - 2].text, |k| {
                        matches!(
                            k,
                            "in" | "into" | "across" | "near" | "throughout" | "dans" | "vers"
                        )
                        // "on the Mandovi", "at the Gabba", "sur la Planèze": a word
                        // (no acronym: "on the BBC") on, along or over something.
                        || (t.shape == Shape::Cap
                            && matches!(
                                k,
                                "on" | "along" | "over" | "under" | "beneath" | "sur" | "upon" | "at"
                            ))
                    });
                if before {
                    vote(&mut c.votes, EntityType::Location, 0.6);
                } else {
                    vote(&mut c.votes, EntityType::Organization, 0.4);
                }
            }
            _ => {}
        }
        // "fabriquée en Suisse par Bartholet Maschinenbau", "financée par Gavi", "published by
        // Canongate": what a firm or a body makes, funds, sells or owns (a name that opens
        // with a given name may be a person's: "exploitée par Marie Durand").
        if first >= 2
            && t.joined
            && t.elision.is_empty()
            && matches!(toks[first - 1].text, "par" | "by")
            && toks[first - 1].joined
            && !self.gaz.is_given(t.text)
            && with_key(toks[first - 2].text, |k| {
                let stem = k
                    .strip_suffix("ees")
                    .or_else(|| k.strip_suffix("es"))
                    .or_else(|| k.strip_suffix("ee"))
                    .or_else(|| k.strip_suffix('e'))
                    .unwrap_or(k);
                matches!(
                    stem,
                    "fabriqu"
                        | "financ"
                        | "distribu"
                        | "detenu"
                        | "rachet"
                        | "commercialis"
                        | "edit"
                        | "publi"
                        | "subventionn"
                        | "sponsoris"
                        | "exploit"
                        | "gere"
                        | "ger"
                ) || matches!(
                    k,
                    "made"
                        | "manufactured"
                        | "funded"
                        | "financed"
                        | "owned"
                        | "operated"
                        | "published"
                        | "distributed"
                        | "supplied"
                        | "sponsored"
                        | "acquired"
                        | "bought"
                )
            })
        {
            vote(&mut c.votes, EntityType::Organization, 1.5);
        }
        // "entre Kénitra et Marrakech", "between Cairns and Lizard Island", "from Coleraine
        // to Ballycastle", "de Caraquet à Lafayette": the two ends of a way are places, when
        // this one is no given name nor body's name.
        if c.row.is_none()
            && range_other_end(toks, first, c.last_tok).is_some()
            && !self.gaz.is_given(t.text)
            && self.gaz.head(t.text, HeadPos::First) != Some(EntityType::Organization)
            && self.gaz.head(toks[c.last_tok].text, HeadPos::Last) != Some(EntityType::Organization)
        {
            vote(&mut c.votes, EntityType::Location, 1.5);
        }
        // "une « Aida » de Verdi": the author of a quoted work; "saint Georges", "sainte
        // Waudru": a saint (not "la saint Jean", a feast day, nor "le saint Siège").
        if c.row.is_none()
            && ((prev == "de" && after_quoted_title(&d.text[..toks[first - 1].raw_start]))
                || (matches!(prev, "saint" | "sainte")
                    && (first < 2 || !matches!(toks[first - 2].text, "la" | "La" | "le" | "Le"))))
            && toks[first..=c.last_tok]
                .iter()
                .all(|t| t.shape == Shape::Cap && !self.gaz.lists_place(t.text))
        {
            vote(&mut c.votes, EntityType::Person, 1.0);
        }
        // "des maisons de cognac comme Hennessy", "industriels américains comme McCormick",
        // "retailers such as Walgreens": an example of firms named just before.
        if joined_prev && c.row.is_none() && firms_before_example(toks, first) {
            vote(&mut c.votes, EntityType::Organization, 2.0);
        }
        // "played for Exeter City", "signed for Stade Brestois": a team (not "played for
        // Kevin Keegan").
        if prev == "for"
            && c.row.is_none()
            && first >= 2
            && with_key(toks[first - 2].text, |k| {
                matches!(
                    k,
                    "played" | "plays" | "playing" | "signed" | "signs" | "signing" | "scored"
                )
            })
            && !self.gaz.is_given(t.text)
        {
            vote(&mut c.votes, EntityType::Organization, 2.0);
        }
        // "Chief Darlene Sappier-Nicholas of Bilijk", "analyst Kagiso Molefhe of Selebi
        // Research": what a titled person is "of" is the body they speak or work for; "Mayor
        // Elaine Van Buren of Kinderhook": the place an elected official serves. (No vote
        // without a title: "Kevin Murphy of Ballyhale" may be from a village.)
        if prev == "of"
            && c.row.is_none()
            && first >= 3
            && let Some(title) = self.title_of_name_ending(toks, first - 2)
        {
            let elected = with_key(title, |k| {
                matches!(
                    k,
                    "mayor"
                        | "governor"
                        | "senator"
                        | "councillor"
                        | "councilor"
                        | "premier"
                        | "mp"
                        | "mla"
                        | "congressman"
                        | "congresswoman"
                        | "representative"
                )
            });
            let kind = if elected {
                EntityType::Location
            } else {
                EntityType::Organization
            };
            vote(&mut c.votes, kind, 1.5);
        }
        // "owned by Brellix", "produit par Norvane", "racheté par le groupe": the agent of a
        // firm's verb is rather a firm, unless a given name or a cue says otherwise.
        if matches!(prev, "by" | "par")
            && first >= 2
            && toks[first - 1].joined
            && toks[first - 2].shape == Shape::Lower
            && is_firm_agent_participle(toks[first - 2].text)
            && c.row.is_none()
            && !self.gaz.is_given(t.text)
        {
            vote(&mut c.votes, EntityType::Organization, 0.5);
        }
        // "chaired by Nica Burns", "dirigée par Pascaline Mukendi": the agent of a person's
        // verb is a person, though no given name is known.
        if matches!(prev, "by" | "par")
            && first >= 2
            && c.last_tok > first
            && toks[first - 1].joined
            && toks[first - 2].shape == Shape::Lower
            && is_person_agent_participle(toks[first - 2].text)
            && c.row.is_none()
        {
            vote(&mut c.votes, EntityType::Person, 0.8);
        }
        // "a joint venture led by Kiewit", "le consortium mené par Vantor": the leader of a
        // group of firms is a firm (a group's leader may be a person).
        if matches!(prev, "by" | "par")
            && first >= 3
            && toks[first - 1].joined
            && toks[first - 2].joined
            && matches!(
                toks[first - 2].text,
                "led" | "mené" | "menée" | "emmené" | "emmenée" | "piloté" | "pilotée"
            )
            && matches!(
                toks[first - 3].text,
                "consortium" | "venture" | "coalition" | "alliance" | "partnership" | "groupement"
            )
            && c.row.is_none()
            && !self.gaz.is_given(t.text)
        {
            vote(&mut c.votes, EntityType::Organization, 1.0);
        }
        if c.last_tok == first && self.cheered_team(toks, first) {
            vote(&mut c.votes, EntityType::Organization, 3.5);
        }
        // "l'italien Webuild", "le suisse Nestlé": a lowercase nationality after an article
        // stands for a firm ("le groupe italien"); a person's would be capitalised
        // ("l'Italien Marco Rossi").
        if joined_prev
            && c.last_tok == first
            && c.row.is_none()
            && first >= 1
            && toks[first - 1].shape == Shape::Lower
            && (matches!(toks[first - 1].elision, "l" | "L")
                || (first >= 2
                    && toks[first - 1].joined
                    && matches!(toks[first - 2].text, "le" | "du" | "au")))
            && self.gaz.is_demonym(prev)
            && !self.gaz.is_given(t.text)
            // (Not a word's language of origin: "ce mot vient de l'allemand Zeitgeist".)
            && !toks[..first - 1].iter().rev().take(3).any(|w| {
                matches!(
                    w.text,
                    "vient" | "viennent" | "venu" | "traduit" | "traduite" | "emprunté" | "dérivé"
                )
            })
        {
            vote(&mut c.votes, EntityType::Organization, 1.2);
        }
        // "le négociant singapourien Olam", "le gestionnaire espagnol Adif": a noun and a
        // nationality in lowercase before one unknown word name a firm or a body (a person
        // would come with a given name; no person's role, no other type's cue before).
        if joined_prev
            && c.last_tok == first
            && c.row.is_none()
            && first >= 2
            && toks[first - 1].shape == Shape::Lower
            && toks[first - 1].elision.is_empty()
            && toks[first - 1].joined
            && self.gaz.is_demonym(prev)
            && toks[first - 2].shape == Shape::Lower
            && toks[first - 2].text.chars().count() > 3
            && !stop(toks[first - 2].text)
            && !self.gaz.is_demonym(toks[first - 2].text)
            && with_key(toks[first - 2].text, |k| self.gaz.cue(k))
                .is_none_or(|k| k == EntityType::Organization)
            // (Nouns that name people as often: "son homologue russe Lavrov", "le milieu
            // brésilien Casemiro".)
            && !matches!(
                toks[first - 2].text,
                "homologue" | "milieu" | "star" | "légende" | "vétéran" | "prodige"
            )
            && !self.gaz.is_given(t.text)
        {
            vote(&mut c.votes, EntityType::Organization, 1.0);
        }
        // "la présidente de Radio France, Sibyle Veil,", "the chief executive of Navantia,
        // Jorge Vidal": a name set after a person's title and the body they head.
        if c.row.is_none() && c.last_tok > first && self.titled_apposition(d, first) {
            vote(&mut c.votes, EntityType::Person, 1.5);
        }
        // "de Caraquet à Lafayette", "entre Pau et Luz Ardiden", "between Esplanade and
        // Maidan": the other end of a stretch whose one end is a listed place.
        if c.row.is_none() && self.paired_with_place(toks, first, c.last_tok.max(first)) {
            vote(&mut c.votes, EntityType::Location, 2.5);
        }
        // "sa Vuillermoz", "his Hattersley loom", "leurs Frecciarossa": what a possessive
        // names is a thing someone has (a person would come with a given name).
        // ("its Oppama plant", "his Mar-a-Lago estate": a site or a home is a place.)
        // ("its Victoria Mill": a place's head word ends the name itself, even after a given
        // name.)
        let own_site = c.last_tok > first
            && self.gaz.head(toks[c.last_tok].text, HeadPos::Last) == Some(EntityType::Location);
        if joined_prev
            && c.row.is_none()
            && (own_site || !self.gaz.is_given(t.text))
            && t.elision.is_empty()
            && is_possessive_determiner(prev)
        {
            // ("its Varnock potash mine": one word may come between.)
            let after = c.last_tok.max(first) + 1;
            let site = (after..after + 2).any(|j| {
                j < toks.len()
                    && toks[after..=j]
                        .iter()
                        .all(|w| w.joined && w.shape == Shape::Lower)
                    && is_site_noun(toks[j].text)
            });
            if own_site {
                vote(&mut c.votes, EntityType::Location, 2.5);
            } else {
                let kind = if site {
                    EntityType::Location
                } else {
                    EntityType::Misc
                };
                vote(&mut c.votes, kind, 1.2);
            }
        }
        // "sur Windy", "sur Insta": one unknown word after "sur" is rather an app or a site
        // than a place (places mostly take "à", "en", "dans").
        if prev == "sur" && c.last_tok == first && c.row.is_none() && !c.acronym {
            vote(&mut c.votes, EntityType::Misc, 0.7);
        }
        // "sur Facebook", "on Spotify", "sous Android": a platform used as a product.
        if matches!(
            prev,
            "sur" | "on" | "via" | "sous" | "through" | "Sur" | "On" | "Via" | "Sous"
        ) && with_key(&d.text[c.start..c.end], |k| self.gaz.is_platform(k))
        {
            c.platform = true;
        }
        if elision_l {
            vote(&mut c.votes, EntityType::Organization, 0.2);
            vote(&mut c.votes, EntityType::Location, 0.2);
            // "dans l'Ambène", "vers l'Aubisque": a preposition of place before the article
            // ("à l'" also comes before institutions: "à l'Insep").
            if first >= 1
                && t.joined
                && matches!(
                    toks[first - 1].text,
                    "dans" | "vers" | "depuis" | "Dans" | "Vers" | "Depuis"
                )
            {
                vote(&mut c.votes, EntityType::Location, 0.6);
            }
        }
        // "la verrerie d'Arques", "un élevage de Doazit", "le maire de Castelnaudary": one
        // unknown word, no given name, as the complement of a common noun is rather a
        // place than a person (people come with their given name first). A weak vote: a
        // cue, a given name or a person's full name elsewhere wins.
        if c.last_tok == first
            && t.shape == Shape::Cap
            && !t.sentence_start
            && !self.gaz.is_given(t.text)
        {
            let de = if matches!(t.elision, "d" | "D") {
                Some(first)
            } else if joined_prev && matches!(prev, "de" | "du") && first >= 1 {
                Some(first - 1)
            } else {
                None
            };
            if let Some(j) = de
                && j >= 1
                && (toks[j].joined || !t.elision.is_empty())
                && toks[j - 1].shape == Shape::Lower
                && toks[j - 1].elision.is_empty()
                && toks[j - 1].text.chars().count() > 3
                && !stop(toks[j - 1].text)
                && !is_person_complement_noun(toks[j - 1].text)
            {
                if is_firm_complement_noun(toks[j - 1].text) {
                    vote(&mut c.votes, EntityType::Organization, 0.5);
                } else {
                    vote(&mut c.votes, EntityType::Location, 0.1);
                }
            }
            // "je suis de Seix", "originaire de Thiviers": where someone comes from.
            if let Some(j) = de
                && j >= 1
                && matches!(
                    toks[j - 1].text,
                    "suis" | "sommes" | "originaire" | "originaires" | "natif" | "native"
                )
            {
                vote(&mut c.votes, EntityType::Location, 0.6);
            }
            // "the takeover of Brellix", "shareholders of Norvane".
            if joined_prev
                && prev == "of"
                && first >= 2
                && toks[first - 1].joined
                && toks[first - 2].shape == Shape::Lower
                && is_firm_complement_noun(toks[first - 2].text)
            {
                vote(&mut c.votes, EntityType::Organization, 0.5);
            }
        }
        let last = c.last_tok.max(first);
        // "Kinderhook, New York,", "Montpelier, Vermont.": a name, a comma and the listed
        // state, region or country it lies in, then punctuation.
        if c.row.is_none()
            && c.end == toks[last].end
            && let Some(j) = Some(last + 1).filter(|&j| {
                toks.get(j).is_some_and(|n| {
                    n.elision.is_empty()
                        && matches!(n.shape, Shape::Cap | Shape::Upper)
                        && d.text[c.end..n.raw_start] == *", "
                })
            })
            && let Some((r, n)) = self.gaz.longest(toks, j, false)
            && self.gaz.row(r).kind == EntityType::Location
            && self.gaz.row(r).subtype != "other"
            && {
                let after = &d.text[toks[j + n - 1].end..];
                after.is_empty() || after.starts_with([',', '.', ';', ')', ':'])
            }
        {
            vote(&mut c.votes, EntityType::Location, 1.0);
        }
        // "McDonald, 54, runs", "Eliud Kipchoge, now 40,", "Marie Dubois, 54 ans, a": a
        // person's age in apposition.
        if !c.acronym && c.end == toks[last].end && age_follows(&d.text[c.end..]) {
            vote(&mut c.votes, EntityType::Person, 2.5);
        }
        // "Fylde's CEO", "Irving's vice-president", "Warrington's owner": the head, the board,
        // the owner or the shareholders of a firm after a possessive.
        if toks[last].possessive
            && c.end == toks[last].end
            && toks.get(last + 1).is_some_and(|n| {
                with_key(n.text, |k| {
                    matches!(
                        k,
                        "ceo"
                            | "cfo"
                            | "board"
                            | "shareholders"
                            | "shares"
                            | "chairman"
                            | "chairwoman"
                            | "spokesman"
                            | "spokeswoman"
                            | "spokesperson"
                            // "vice-president", cut at the hyphen like every lowercase
                            // compound.
                            | "vice"
                            | "executives"
                            | "employees"
                            | "owner"
                            | "owners"
                    ) || (k == "chief" && toks.get(last + 2).is_some_and(|e| e.text == "executive"))
                })
            })
        {
            vote(&mut c.votes, EntityType::Organization, FIRM_EVIDENCE);
        }
        // "Clare manager Pádraig de Búrca", "the Kilkenny supporters", "Peshawar captain": the
        // staff and supporters of a team named after its place.
        if toks.get(last + 1).is_some_and(|n| {
            n.joined
                && n.shape == Shape::Lower
                && matches!(
                    n.text,
                    "captain" | "coach" | "manager" | "supporters" | "squad" | "skipper"
                )
        }) && c.end == toks[last].end
        {
            vote(&mut c.votes, EntityType::Organization, FIRM_EVIDENCE);
        }
        // "Stagegate, which runs…": a relative "which" after the name's comma speaks of a
        // thing (mostly a firm or a body), no person.
        if let Some(n) = toks.get(last + 1)
            && n.elision.is_empty()
            && matches!(&d.text[toks[last].end..n.raw_start], ", " | ",")
            && n.text == "which"
        {
            let p = &mut c.votes[EntityType::Person.index()];
            *p = (*p - 1.5).max(0.0);
            // A place has its own votes ("in Ba, which…").
            if c.votes[EntityType::Location.index()] == 0.0 {
                vote(&mut c.votes, EntityType::Organization, 0.6);
            }
        }
        // "Le Vidourle est sorti de son lit", "the Brahmaputra burst its banks": a river in
        // flood.
        if c.end == toks[last].end && river_in_flood(&d.text[c.end..]) {
            vote(&mut c.votes, EntityType::Location, 1.5);
        }
        // Speech verbs: "Le Floch a confié", "Okafor said", "», a raconté Le Floch".
        let after = |j: usize| {
            toks.get(j)
                .filter(|t| t.joined && t.shape == Shape::Lower && t.elision.is_empty())
                .map(|t| t.text)
        };
        let mut said = after(last + 1).is_some_and(is_speech_verb)
            || (matches!(after(last + 1), Some("a" | "avait" | "has" | "had"))
                && after(last + 2).is_some_and(is_speech_verb));
        if !said && joined_prev && !toks[first - 1].sentence_start {
            let p = toks[first - 1].text;
            // An attribution after the quote: "», a raconté Le Floch", '…," said Okafor'; not
            // a verb with its object ("Unison said Whitehall had…").
            let mut v = first - 1;
            if v >= 1 && toks[v].joined && matches!(toks[v - 1].text, "a" | "avait" | "has" | "had")
            {
                v -= 1;
            }
            said = is_speech_verb(p)
                && toks[first - 1].shape == Shape::Lower
                && (!toks[v].joined || toks[v].sentence_start);
        }
        // ("the Nationals said", "la Fnac a annoncé": after an article, no person.)
        if said && !c.acronym && class != 4 {
            vote(&mut c.votes, EntityType::Person, 0.5);
        }
        // "FREMANTLE, WA —", "KEMMERER, Wyo. —": the state or region after a dateline's
        // town.
        // (Two letters, or an Australian state's code: not a news agency, "NEW DELHI, PTI —".)
        if first == c.last_tok
            && toks[first].shape == Shape::Upper
            && (toks[first].text.len() == 2
                || matches!(toks[first].text, "NSW" | "QLD" | "VIC" | "TAS"))
            && dateline_region(d, first)
        {
            vote(&mut c.votes, EntityType::Location, 3.0);
        }
        if dateline(d, first, c.last_tok.max(first))
            && c.row
                .is_none_or(|r| self.gaz.row(r).kind == EntityType::Location)
        {
            // ("THETFORD MINES –": a head word in a dateline's town is the town's.)
            vote(&mut c.votes, EntityType::Location, 5.0);
        }
    }

    /// Groups the candidates of the page into entities and writes the mentions.
    fn resolve(
        &self,
        docs: &[Doc<'_>],
        mut cands: Vec<Cand>,
        lower: &WordSet<'_>,
        edited: usize,
    ) -> Vec<Vec<Mention>> {
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut of: Vec<usize> = vec![usize::MAX; cands.len()];
        let mut by_row: HashMap<u32, usize, BuildWordHasher> = HashMap::default();
        let mut by_key: hashbrown::HashMap<String, usize, BuildWordHasher> =
            hashbrown::HashMap::default();
        let surface = |c: &Cand| &docs[c.doc].text[c.start..c.end];
        // A candidate's key: its keyed words joined by spaces (built in one buffer).
        let mut joined = String::new();
        // 1. Listed entities by entry, other names of several words by their key.
        for (ci, c) in cands.iter().enumerate() {
            let k = if let Some(row) = c.row {
                *by_row.entry(row).or_insert_with(|| {
                    clusters.push(Cluster {
                        row: Some(row),
                        ..Cluster::default()
                    });
                    clusters.len() - 1
                })
            } else if c.parts.len() > 1 {
                join_into(&c.parts, &mut joined);
                *by_key.entry_ref(joined.as_str()).or_insert_with(|| {
                    clusters.push(Cluster::default());
                    clusters.len() - 1
                })
            } else {
                continue;
            };
            clusters[k].add(c, surface(c));
            of[ci] = k;
            if c.row.is_some() {
                join_into(&c.parts, &mut joined);
                by_key.entry_ref(joined.as_str()).or_insert(k);
            }
        }
        // 1b. A surname written with its particle ("Le Bihan", "du Mazel", "Van der Linden",
        // the Irish "Ó Súilleabháin", the Māori "Te Kani-Whitfield") joins the one person's
        // name that ends with it ("Yannick Le Bihan").
        let particled: Vec<usize> = (0..clusters.len())
            .filter(|&k| {
                let p = &clusters[k].parts;
                clusters[k].row.is_none()
                    && (2..=4).contains(&p.len())
                    && (particle_index(&p[0]).is_some() || matches!(p[0].as_str(), "o" | "te"))
                    && particle_index(&p[p.len() - 1]).is_none()
            })
            .collect();
        if !particled.is_empty() {
            let mut by_last: HashMap<u64, Vec<usize>, BuildWordHasher> = HashMap::default();
            for (k, cl) in clusters.iter().enumerate() {
                // (Not a name that begins with a particle itself: it may join another.)
                if cl.row.is_none()
                    && cl.parts.len() >= 3
                    && particle_index(&cl.parts[0]).is_none()
                    && (cl.kind() == EntityType::Person || self.gaz.is_given(&cl.parts[0]))
                    && let Some(last) = cl.parts.last()
                {
                    by_last.entry(xxh3_64(last.as_bytes())).or_default().push(k);
                }
            }
            let mut target: Vec<usize> = (0..clusters.len()).collect();
            for &k in &particled {
                let parts = &clusters[k].parts;
                let fits: Vec<usize> = by_last
                    .get(&xxh3_64(parts[parts.len() - 1].as_bytes()))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&l| {
                        let lp = &clusters[l].parts;
                        lp.len() > parts.len() && lp.ends_with(parts)
                    })
                    .collect();
                if let [l] = fits[..] {
                    target[k] = l;
                }
            }
            for (ci, c) in cands.iter().enumerate() {
                let k = of[ci];
                if k != usize::MAX && target[k] != k {
                    let l = target[k];
                    clusters[l].add(c, surface(c));
                    of[ci] = l;
                }
            }
            for &k in &particled {
                if target[k] != k {
                    join_into(&clusters[k].parts, &mut joined);
                    by_key.insert(joined.clone(), target[k]);
                    clusters[k] = Cluster::default();
                }
            }
        }
        // 2. One-word names: same word, a part of a longer name, an acronym of one (the names
        // of several words are all known by now).
        let long_names: Vec<usize> = (0..clusters.len())
            .filter(|&o| clusters[o].parts.len() > 1)
            .collect();
        // A page of many names (a long text) looks its one-word names up by word and initial
        // rather than trying each name.
        let long_index =
            (long_names.len() > LONG_NAMES_SCANNED).then(|| LongNames::new(&clusters, &long_names));
        for (ci, c) in cands.iter().enumerate() {
            if of[ci] != usize::MAX {
                continue;
            }
            join_into(&c.parts, &mut joined);
            let k = if let Some(&k) = by_key.get(joined.as_str()) {
                Some(k)
            } else {
                self.alias_of(&clusters, &long_names, long_index.as_ref(), c)
            };
            let k = k.unwrap_or_else(|| {
                clusters.push(Cluster::default());
                by_key.insert(joined.clone(), clusters.len() - 1);
                clusters.len() - 1
            });
            clusters[k].add(c, surface(c));
            of[ci] = k;
        }
        // 3. Informal forms: "MS" for the page's dominant "Microsoft", "Sarko" for "Sarkozy".
        // A whole entity of short forms moves at once (every "MS" of the thread).
        let dominant = (0..clusters.len())
            .filter(|&k| clusters[k].mentions >= 2 && clusters[k].strong)
            .max_by_key(|&k| clusters[k].mentions);
        // The candidates of each entity, entity after entity: those of `k` are
        // `members[starts[k]..starts[k + 1]]`.
        let mut starts = vec![0usize; clusters.len() + 1];
        for &k in &of {
            starts[k + 1] += 1;
        }
        for k in 0..clusters.len() {
            starts[k + 1] += starts[k];
        }
        let mut members = vec![0usize; of.len()];
        let mut next = starts.clone();
        for (ci, &k) in of.iter().enumerate() {
            members[next[k]] = ci;
            next[k] += 1;
        }
        for k in 0..clusters.len() {
            let ms = &members[starts[k]..starts[k + 1]];
            if ms.is_empty()
                || Some(k) == dominant
                || ms.iter().any(|&ci| {
                    let c = &cands[ci];
                    c.row.is_some() || c.cued || c.parts.len() != 1
                })
            {
                continue;
            }
            let word = cands[ms[0]].parts[0].as_str();
            let len = word.chars().count();
            let mut target = None;
            // Informal forms are short and written in capitals or inside a sentence ("MS",
            // "Ms"), not only as a sentence's first word ("Bout").
            let informal_shape = ms.iter().any(|&ci| {
                let c = &cands[ci];
                let toks = &docs[c.doc].tokens;
                toks.get(c.first_tok)
                    .is_some_and(|t| t.shape == Shape::Upper || !t.sentence_start)
            });
            // A common word of three letters or more in title case is no informal form ("Con",
            // "Use"); in capitals it may be ("MS"), and so may two letters ("Ms" in a thread
            // about Microsoft).
            let common = || {
                len >= 3
                    && self.gaz.is_common(word)
                    && ms.iter().all(|&ci| {
                        let c = &cands[ci];
                        docs[c.doc]
                            .tokens
                            .get(c.first_tok)
                            .is_none_or(|t| t.shape != Shape::Upper)
                    })
            };
            if let Some(dk) = dominant
                && (2..=3).contains(&len)
                && informal_shape
                && !common()
                && ms.iter().all(|&ci| cands[ci].parts[0] == word)
            {
                let name = key_of(clusters[dk].forms[0].0).replace(' ', "");
                if subsequence(word, &name) {
                    target = Some(dk);
                }
            }
            if target.is_none() && len >= 4 && ms.len() == 1 {
                // A surname's short form joins a name of several words (an entity moved away
                // has no words left).
                let some;
                let scanned = match &long_index {
                    Some(ix) => {
                        some = ix.surnames_from(word);
                        &some[..]
                    }
                    None => &long_names[..],
                };
                let mut hits = scanned.iter().copied().filter(|&o| {
                    o != k
                        && clusters[o].parts.len() > 1
                        && clusters[o].kind() == EntityType::Person
                        && clusters[o]
                            .parts
                            .last()
                            .is_some_and(|l| l.starts_with(word) && l.chars().count() >= len + 2)
                });
                if let (Some(h), None) = (hits.next(), hits.next()) {
                    target = Some(h);
                }
            }
            if let Some(t) = target {
                let moved = std::mem::take(&mut clusters[k]);
                clusters[t].mentions += moved.mentions;
                clusters[t].strong |= moved.strong;
                for (f, n) in moved.forms {
                    match clusters[t].forms.iter_mut().find(|(g, _)| *g == f) {
                        Some((_, m)) => *m += n,
                        None => clusters[t].forms.push((f, n)),
                    }
                }
                for &ci in ms {
                    of[ci] = t;
                    cands[ci].weak = false;
                }
            }
        }
        // 4. Lowercase mentions of a page's one-word names ("microsoft" in a comment): names
        // mentioned twice, or once when no common word is written so ("sanofi", "anssi"); a
        // person's surname ("vingegaard" for "Jonas Vingegaard").
        let mut lower_names: HashMap<String, usize, BuildWordHasher> = HashMap::default();
        // The page's places whose lowercase name is also a common word (and whether each is a
        // listed country): read in readers' texts after a preposition only, or an article
        // before a country.
        let mut lower_places: HashMap<String, (usize, bool), BuildWordHasher> = HashMap::default();
        let mut lw = String::new();
        // Nothing to look for when every such lowercase word is a stop word ("le", "the").
        // (Hyphenated surnames are looked for by their parts, which `lower` does not hold.)
        let any_lower = lower.iter().any(|w| !stop(w))
            || clusters
                .iter()
                .any(|c| c.strong && c.parts.len() > 1 && c.parts[c.parts.len() - 1].contains('-'));
        // "armor prévoyance", "opéra de lyon": lowercase forms of a page's names of several
        // words that are no person's, by their first word (lowercase): (entity, lowercase
        // words).
        let mut lower_phrases: HashMap<String, Vec<(usize, Vec<String>)>, BuildWordHasher> =
            HashMap::default();
        // The same, read in readers' texts only: a name's first words ("pennine aggregates"),
        // a hyphenated surname without its hyphen or after its particle ("vidal castanier",
        // "du plessis").
        let mut reader_phrases: HashMap<String, Vec<(usize, Vec<String>)>, BuildWordHasher> =
            HashMap::default();
        // "baffinland" for "Baffinland Iron Mines", "danielle" for "Danielle Smith", "lacaze"
        // for "Lacaze-Mounic", "gujan" for "Gujan-Mestras": a reader's lowercase first word of
        // a page's name (or first part of a hyphenated one), when one name only begins so and
        // the word is no common word, stop word or other place (`None` when several do).
        let mut first_words: HashMap<String, Option<usize>, BuildWordHasher> = HashMap::default();
        for (k, c) in clusters.iter().enumerate().filter(|_| any_lower) {
            let several = c.parts.len() > 1;
            let person = several && c.kind() == EntityType::Person;
            if !c.strong {
                continue;
            }
            if docs.len() > edited {
                for &(f, _) in &c.forms {
                    let mut words = f.split(' ');
                    let Some(head) = words.next() else {
                        continue;
                    };
                    let rest = words.next();
                    // A person by the given name of a full name (not half of "Anne-Sophie")
                    // or the first part of a hyphenated surname; another name by its first
                    // word or part.
                    let first = if person && head.contains('-') {
                        None
                    } else {
                        Some(head.split('-').next().unwrap_or(head))
                    };
                    let surname = rest.filter(|_| person).and_then(|_| {
                        f.rsplit(' ')
                            .next()
                            .filter(|w| w.contains('-'))
                            .and_then(|w| w.split('-').next())
                    });
                    for w in [first, surname].into_iter().flatten() {
                        lowercase_into(w, &mut lw);
                        if w.len() == f.len() || (person && rest.is_none()) {
                            // A name of one word ("Renault") makes its word ambiguous as the
                            // first of another ("Renault Trucks").
                            if let Some(e) = first_words.get_mut(lw.as_str()) {
                                *e = None;
                            }
                            continue;
                        }
                        // (`lower` holds whole words only, not the parts of hyphenated ones.)
                        let part = w.len() < head.len() || Some(w) == surname;
                        // ("cgt" for "CGT Ports et Docks": an acronym from three letters.)
                        let shape = shape_of(w);
                        if ((w.chars().count() >= 4 && shape == Shape::Cap)
                            || (w.chars().count() >= 3 && shape == Shape::Upper && !person))
                            && w.chars().all(char::is_alphabetic)
                            && (part || lower.contains(lw.as_str()))
                            && !stop(&lw)
                            && !self.gaz.is_common(&lw)
                            && !self.gaz.is_not_entity(&lw)
                            && (Some(w) == first && person || !self.gaz.is_given(w))
                            // No other place ("alsace" for "Alsace-Lorraine").
                            && self.gaz.place_row(w).is_none_or(|r| c.row == Some(r))
                            && self.gaz.head(w, HeadPos::First).is_none()
                        {
                            // "pennine aggregates" for "Pennine Aggregates Ltd": the first
                            // words of a longer name, ending on no stop word or particle.
                            let words: Vec<&str> = f.split(' ').collect();
                            if !person && w.len() == head.len() && words.len() >= 3 {
                                for m in 2..words.len() {
                                    let end = words[m - 1];
                                    if with_key(end, stop) || particle_index(end).is_some() {
                                        continue;
                                    }
                                    reader_phrases
                                        .entry(lw.clone())
                                        .or_default()
                                        .push((k, lowercase_all(&words[..m])));
                                }
                            }
                            first_words
                                .entry(lw.clone())
                                .and_modify(|e| {
                                    if *e != Some(k) {
                                        *e = None;
                                    }
                                })
                                .or_insert(Some(k));
                        }
                    }
                }
            }
            let twice = c.mentions >= 2 && !several;
            for &(f, _) in &c.forms {
                let word = if person {
                    // "van der linden": a person's full name in lowercase, then the surname
                    // alone below.
                    let words: Vec<&str> = f.split(' ').collect();
                    lowercase_into(words[0], &mut lw);
                    if (2..=4).contains(&words.len()) && lower.contains(lw.as_str()) {
                        lower_phrases
                            .entry(lw.clone())
                            .or_default()
                            .push((k, lowercase_all(&words)));
                    }
                    let surname = match f.rsplit(' ').next() {
                        Some(w) if w.len() < f.len() => w,
                        _ => continue,
                    };
                    // "vidal castanier", "du plessis": a reader's hyphenated surname written
                    // without its hyphen, or its first part after its particle.
                    if docs.len() > edited && surname.contains('-') {
                        let parts: Vec<&str> = surname.split('-').collect();
                        if parts.iter().all(|p| p.chars().count() >= 2) {
                            let spaced = lowercase_all(&parts);
                            reader_phrases
                                .entry(spaced[0].clone())
                                .or_default()
                                .push((k, spaced));
                        }
                        // (Not "de toulouse" for "Henri de Toulouse-Lautrec", "de gaulle":
                        // the part must be no place, word or given name of its own.)
                        let particle = words[words.len() - 2];
                        let part = parts[0];
                        if particle_index(particle).is_some()
                            && particle.starts_with(char::is_lowercase)
                            && part.chars().count() >= 4
                            && !self.gaz.is_common(part)
                            && !self.gaz.is_given(part)
                            && !self.gaz.lists_place(part)
                            && self.gaz.head(part, HeadPos::First).is_none()
                        {
                            let phrase = lowercase_all(&[particle, part]);
                            reader_phrases
                                .entry(phrase[0].clone())
                                .or_default()
                                .push((k, phrase));
                        }
                    }
                    // "fourmond-lebreton": a hyphenated surname in lowercase is cut into its
                    // parts (written "-lebreton" here: a hyphen joins it to the part before).
                    if surname.contains('-') && surname.split('-').all(|p| p.chars().count() >= 2) {
                        let parts: Vec<String> =
                            lowercase_all(&surname.split('-').collect::<Vec<_>>())
                                .into_iter()
                                .enumerate()
                                .map(|(q, p)| if q == 0 { p } else { format!("-{p}") })
                                .collect();
                        lower_phrases
                            .entry(parts[0].clone())
                            .or_default()
                            .push((k, parts));
                    }
                    surname
                } else {
                    f
                };
                if word.contains(' ') {
                    let words: Vec<&str> = word.split(' ').collect();
                    lowercase_into(words[0], &mut lw);
                    if (2..=5).contains(&words.len())
                        && words.iter().any(|w| w.starts_with(char::is_uppercase))
                        && lower.contains(lw.as_str())
                    {
                        lower_phrases
                            .entry(lw.clone())
                            .or_default()
                            .push((k, lowercase_all(&words)));
                    }
                    // "crofty" for "South Crofty": the last word of a place or a body's name
                    // when it is no common word, given name or place of its own.
                    let last = words[words.len() - 1];
                    lowercase_into(last, &mut lw);
                    if last.chars().count() >= 5
                        && shape_of(last) == Shape::Cap
                        && lower.contains(lw.as_str())
                        && !self.gaz.is_common(&lw)
                        && !self.gaz.is_given(last)
                        && !self.gaz.lists_place(last)
                        && !self.gaz.is_not_entity(&lw)
                        && !stop(&lw)
                    {
                        lower_names.insert(lw.clone(), k);
                    }
                    continue;
                }
                lowercase_into(word, &mut lw);
                if !lower.contains(lw.as_str()) || stop(&lw) {
                    continue;
                }
                let n = word.chars().count();
                // Title-case names of five letters or more ("microsoft"; not "FONT" → "font")
                // mentioned twice; capitals too, from four letters, when no common word is
                // written so.
                let shape = shape_of(word);
                let old = twice && n >= 5 && shape == Shape::Cap;
                // "hse" for "HSE": acronyms from three letters.
                let ok = old
                    || (n >= 4 + usize::from(person)
                        && matches!(shape, Shape::Cap | Shape::Upper)
                        && !self.gaz.is_common(&lw))
                    || (n == 3 && shape == Shape::Upper && !self.gaz.is_common(&lw));
                if ok && !self.gaz.is_not_entity(&lw) {
                    lower_names.insert(lw.clone(), k);
                } else if n >= 4
                    && shape == Shape::Cap
                    && c.kind() == EntityType::Location
                    // ("dans le nord de Bruxelles": a direction.)
                    && !matches!(
                        lw.as_str(),
                        "nord"
                            | "sud"
                            | "ouest"
                            | "north"
                            | "south"
                            | "east"
                            | "west"
                            | "centre"
                            | "midi"
                            | "orient"
                    )
                    && !self.gaz.is_given(word)
                    && !self.gaz.is_not_entity(&lw)
                {
                    // "la gare de pithiviers", "le japon": a place of the page whose name is
                    // also a word, after a preposition or an article.
                    let country = c.row.is_some_and(|r| self.gaz.row(r).subtype == "country");
                    lower_places.insert(lw.clone(), (k, country));
                }
            }
        }
        // (Read in readers' texts only, where names go lowercase.)
        let first_names: HashMap<String, usize, BuildWordHasher> = first_words
            .into_iter()
            .filter_map(|(w, k)| Some((w, k?)))
            .filter(|(w, _)| !lower_names.contains_key(w))
            .collect();
        // The longest of a reader's phrases that fits is read (the others are whole names).
        for phrases in reader_phrases.values_mut() {
            phrases.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
        }
        // "credit agricole", "sommieres": comments (the page's later documents) that drop the
        // accents of its names. By the names' keys, which are ASCII when the accents are all
        // that differs.
        let mut ascii_names: HashMap<String, usize, BuildWordHasher> = HashMap::default();
        let mut ascii_phrases: HashMap<String, Vec<(usize, Vec<String>)>, BuildWordHasher> =
            HashMap::default();
        if docs.len() > 1 {
            for (k, c) in clusters.iter().enumerate() {
                if !c.strong {
                    continue;
                }
                for &(f, _) in &c.forms {
                    if f.is_ascii() || !f.starts_with(char::is_uppercase) {
                        continue;
                    }
                    let keys: Vec<String> = f.split(' ').map(key_of).collect();
                    if keys.len() > 5 || !keys.iter().all(|w| w.is_ascii()) {
                        continue;
                    }
                    if let [key] = keys.as_slice() {
                        if key.len() >= 4
                            && !self.gaz.is_common(key)
                            && !self.gaz.is_given(key)
                            && !self.gaz.is_not_entity(key)
                            && !stop(key)
                        {
                            ascii_names.insert(key.clone(), k);
                        }
                    } else {
                        ascii_phrases
                            .entry(keys[0].clone())
                            .or_default()
                            .push((k, keys));
                    }
                }
            }
        }
        if !lower_names.is_empty()
            || !lower_places.is_empty()
            || !first_names.is_empty()
            || !lower_phrases.is_empty()
            || !reader_phrases.is_empty()
            || !ascii_names.is_empty()
            || !ascii_phrases.is_empty()
        {
            // First bytes and lengths of the words looked for: most words are passed over
            // without a lookup.
            let mut looked_for = LengthFilter::default();
            for w in lower_names
                .keys()
                .chain(lower_places.keys())
                .chain(first_names.keys())
                .chain(lower_phrases.keys())
                .chain(reader_phrases.keys())
                .chain(ascii_names.keys())
                .chain(ascii_phrases.keys())
            {
                looked_for.insert(w);
            }
            // Lowercase words that are candidates already ("entre rodez et millau").
            let taken: HashSet<(usize, usize), BuildWordHasher> =
                cands.iter().map(|c| (c.doc, c.start)).collect();
            // An entity without forms, hence without a name: its candidates are not written.
            clusters.push(Cluster::default());
            let void = clusters.len() - 1;
            for (di, d) in docs.iter().enumerate() {
                let mut skip_to = 0;
                for (j, t) in d.tokens.iter().enumerate() {
                    if j < skip_to || t.shape != Shape::Lower || !looked_for.may_hold(t.text) {
                        continue;
                    }
                    let ascii = di > 0 && t.text.is_ascii();
                    let phrases = lower_phrases
                        .get(t.text)
                        .or_else(|| ascii.then(|| ascii_phrases.get(t.text)).flatten())
                        .into_iter()
                        .flatten()
                        .chain(
                            (di >= edited)
                                .then(|| reader_phrases.get(t.text))
                                .flatten()
                                .into_iter()
                                .flatten(),
                        );
                    if t.shape == Shape::Lower
                        && let Some((k, n)) = phrases.into_iter().find_map(|(k, words)| {
                            let toks = d.tokens.get(j..j + words.len())?;
                            let fits =
                                toks.iter().zip(words).enumerate().all(|(q, (u, w))| {
                                    match w.strip_prefix('-') {
                                        Some(w) => {
                                            u.shape == Shape::Lower
                                                && u.hyphen_before
                                                && u.text == w
                                        }
                                        None => {
                                            u.shape == Shape::Lower
                                                && (q == 0 || (u.joined && u.elision.is_empty()))
                                                && u.text == w.as_str()
                                        }
                                    }
                                });
                            fits.then_some((*k, words.len()))
                        })
                    {
                        // The phrase replaces the lowercase words found inside it ("lyon" in
                        // "l'opéra de lyon"); a capitalised candidate inside keeps it out.
                        let end = d.tokens[j + n - 1].end;
                        let inside: Vec<usize> = (0..cands.len())
                            .filter(|&ci| {
                                let c = &cands[ci];
                                c.doc == di && c.start < end && t.start < c.end
                            })
                            .collect();
                        if inside.iter().any(|&ci| {
                            let c = &cands[ci];
                            c.start < t.start
                                || c.end > end
                                || d.text[c.start..c.end].starts_with(char::is_uppercase)
                        }) {
                            continue;
                        }
                        for ci in inside {
                            of[ci] = void;
                        }
                        let last = &d.tokens[j + n - 1];
                        let c = Cand {
                            doc: di,
                            start: t.start,
                            end: last.end,
                            parts: d.tokens[j..j + n].iter().map(|u| u.part()).collect(),
                            row: clusters[k].row,
                            votes: [0.0; 4],
                            weak: false,
                            acronym: false,
                            cued: false,
                            first_tok: j,
                            last_tok: j + n - 1,
                            platform: false,
                        };
                        clusters[k].mentions += 1;
                        of.push(k);
                        cands.push(c);
                        skip_to = j + n;
                        continue;
                    }
                    if t.shape == Shape::Lower
                        && let Some(&k) = lower_names
                            .get(t.text)
                            .or_else(|| ascii.then(|| ascii_names.get(t.text)).flatten())
                            .or_else(|| (di >= edited).then(|| first_names.get(t.text)).flatten())
                            .or_else(|| {
                                lower_places
                                    .get(t.text)
                                    .filter(|&&(_, country)| {
                                        di >= edited && place_word_before(&d.tokens, j, country)
                                    })
                                    .map(|(k, _)| k)
                            })
                        && !taken.contains(&(di, t.start))
                        // Listed names in lowercase are candidates already.
                        && !(t.elision.is_empty()
                            && !t.hyphen_before
                            && self.gaz.lower_name(t.text).is_some())
                    {
                        let c = Cand {
                            doc: di,
                            start: t.start,
                            end: t.end,
                            parts: smallvec::smallvec![t.part()],
                            row: clusters[k].row,
                            votes: [0.0; 4],
                            weak: false,
                            acronym: false,
                            cued: false,
                            first_tok: 0,
                            last_tok: 0,
                            platform: false,
                        };
                        clusters[k].mentions += 1;
                        of.push(k);
                        cands.push(c);
                    }
                }
            }
        }
        // 5. Items of a list share their type: "Carrefour, Auchan et Leclerc", "À Blendecques,
        // Arques et Saint-Omer".
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&i| (cands[i].doc, cands[i].start));
        let sure = |k: usize, clusters: &[Cluster]| {
            let v = clusters[k].votes;
            v.iter().copied().fold(0.0f32, f32::max) >= 1.0
        };
        let mut boosts: Vec<(usize, EntityType)> = Vec::new();
        // The words between two neighbouring candidates, if they are a list's separator.
        let list_gap = |a: &Cand, b: &Cand| -> Option<&str> {
            if a.doc != b.doc || a.end > b.start {
                return None;
            }
            let gap = docs[a.doc].text[a.end..b.start].trim();
            let gap = gap.trim_start_matches("'s").trim();
            // "Bastia, la Castagniccia et le golfe…", "la SNCF, la RATP et les syndicats":
            // an article before the next item.
            // (No list's separator is longer than ", et les".)
            if gap.len() > 12 {
                return None;
            }
            let whole = gap;
            let gap = ["la", "le", "les", "l'", "l’"]
                .iter()
                .find_map(|art| {
                    gap.strip_suffix(art)
                        .filter(|g| art.ends_with(['\'', '’']) || g.is_empty() || g.ends_with(' '))
                        .map(str::trim_end)
                        .filter(|g| !g.is_empty())
                })
                .unwrap_or(gap);
            // "de Granville et de Carteret", "à Lens et à Liévin": the preposition repeated.
            matches!(
                gap,
                "," | "et"
                    | "and"
                    | "ou"
                    | "or"
                    | "&"
                    | ", et"
                    | ", and"
                    | "et de"
                    | "et d'"
                    | "et du"
                    | "et des"
                    | "et à"
                    | "et en"
                    | "ou de"
                    | "ou à"
            )
            // ("Pour Dembélé, le PSG reste prudent": a comma, then an article, is a list's
            // only where the list goes on.)
            .then_some(if gap == "," && whole != "," {
                ", +"
            } else {
                gap
            })
        };
        for (p, w) in order.windows(2).enumerate() {
            let (a, b) = (&cands[w[0]], &cands[w[1]]);
            let Some(gap) = list_gap(a, b) else {
                continue;
            };
            // "le maire d'Arques, Benoît Lemaire, réclame": a comma alone passes no person's
            // type unless the list goes on before or after ("Dupont, Martin et Durand"): a
            // person after a comma is mostly an apposition (the place or body's officer).
            let goes_on = order
                .get(p + 2)
                .is_some_and(|&c| list_gap(b, &cands[c]).is_some());
            let came_on = p > 0 && list_gap(&cands[order[p - 1]], a).is_some();
            let lone_comma = matches!(gap, "," | ", +") && !goes_on && !came_on;
            if lone_comma && gap == ", +" {
                continue;
            }
            let (ka, kb) = (of[w[0]], of[w[1]]);
            let boost = match (sure(ka, &clusters), sure(kb, &clusters)) {
                (true, false) => Some((kb, clusters[ka].kind())),
                (false, true) => Some((ka, clusters[kb].kind())),
                _ => None,
            };
            // "En Suisse, Swissmedic a…": a place after a preposition and a lone comma opens
            // the sentence; what follows is no item of a list.
            let opener = lone_comma
                && docs[a.doc].text[..a.start]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "En" | "en" | "In" | "in" | "À" | "à" | "Au" | "au" | "Dans" | "dans"
                        )
                    });
            // "le président de la LPO, Allain Bougrain-Dubourg, salue": a name of two words or
            // more between two lone commas after a body is its officer, not one more body.
            let officer = lone_comma
                && boost.is_some_and(|(k, t)| k == kb && t == EntityType::Organization)
                && b.last_tok > b.first_tok
                && docs[b.doc].tokens[b.first_tok].shape == Shape::Cap
                && docs[b.doc].text[b.end..].trim_start().starts_with(',');
            if let Some((k, t)) = boost
                && !(lone_comma && t == EntityType::Person)
                && !opener
                && !officer
            {
                boosts.push((k, t));
            }
        }
        for (k, t) in boosts {
            clusters[k].votes[t.index()] += 0.8;
        }
        // 6. Names, types and mentions.
        // Entities written only in the newsroom's texts.
        let mut only_edited = vec![true; clusters.len()];
        for (ci, c) in cands.iter().enumerate() {
            if c.doc >= edited && of[ci] < clusters.len() {
                only_edited[of[ci]] = false;
            }
        }
        // One word that nothing but the defaults types (see `detect_page_edited`).
        let bare = |c: &Cluster| {
            let m = c.mentions as f32;
            c.row.is_none()
                && c.parts.len() == 1
                && c.votes[EntityType::Person.index()] <= DEFAULT_PERSON * m + 1e-3
                && c.votes[EntityType::Organization.index()] <= DEFAULT_ORGANIZATION * m + 1e-3
                && c.votes[EntityType::Location.index()] <= 1e-3
                && c.votes[EntityType::Misc.index()] <= 1e-3
        };
        let names: Vec<(EntityType, Arc<str>, Arc<str>, bool)> = clusters
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let mut name: Arc<str> = canonical_name(c.forms.iter().copied())
                    .unwrap_or_default()
                    .into();
                // "anvers", "toulouse": a listed entity written only in lowercase takes its
                // listed name.
                if let Some(row) = c.row
                    && name.starts_with(char::is_lowercase)
                {
                    name = self.gaz.row(row).canonical.as_str().into();
                }
                let (kind, key) = match c.row {
                    Some(row) => {
                        let r = self.gaz.row(row);
                        let kind = if c.votes[r.kind.index()] > 0.0 {
                            c.kind()
                        } else {
                            r.kind
                        };
                        (kind, r.canonical.as_str().into())
                    }
                    None => (c.kind(), name.clone()),
                };
                // Counted only where the corpus confirms the name elsewhere: found only where
                // a capital is expected; or one word with nothing to mark it as a name that only
                // the newsroom writes, or that is a common word ("Afficher", "Faire", "Table").
                let weak =
                    !c.strong || bare(c) && (only_edited[k] || self.gaz.is_common(&c.parts[0]));
                (kind, name, key, weak)
            })
            .collect();
        let mut out: Vec<Vec<Mention>> = vec![Vec::new(); docs.len()];
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&i| (cands[i].doc, cands[i].start));
        for ci in order {
            let c = &cands[ci];
            let (kind, name, key, weak) = &names[of[ci]];
            if name.is_empty() {
                continue;
            }
            // "de Ravinel", "von Hagen", "de wever": a person's surname written alone keeps
            // the particle it has in the full name.
            let start = if *kind == EntityType::Person && c.parts.len() == 1 {
                particle_before(docs[c.doc].text, c.start, &clusters[of[ci]].parts)
            } else {
                c.start
            };
            out[c.doc].push(Mention {
                start,
                end: c.end,
                text: one_spaced(&docs[c.doc].text[start..c.end]),
                kind: if c.platform { EntityType::Misc } else { *kind },
                name: name.clone(),
                key: key.clone(),
                weak: *weak,
            });
        }
        out
    }

    /// The entity a one-word candidate is a short form or acronym of, when only one fits
    /// (`long`: the entities named by several words, in order).
    fn alias_of(
        &self,
        clusters: &[Cluster],
        long: &[usize],
        index: Option<&LongNames>,
        c: &Cand,
    ) -> Option<usize> {
        let word = &c.parts[0];
        let some;
        let long = match index {
            Some(ix) => {
                some = ix.candidates(word, c.acronym);
                &some[..]
            }
            None => long,
        };
        let mut hits = Vec::new();
        let mut loose = Vec::new();
        for &k in long {
            let cl = &clusters[k];
            let kind = cl.kind();
            // "Montenay" is no short form of "conseil municipal de Montenay": the word after
            // "de" or "of" completes an organisation's name, it does not name it (a place's
            // does: "Anjouan" for "île d'Anjouan", "Notre-Dame-des-Landes" for its airport).
            let complement = matches!(kind, EntityType::Organization | EntityType::Misc)
                && cl.parts.len() >= 2
                && matches!(
                    cl.parts[cl.parts.len() - 2].as_str(),
                    "de" | "du" | "des" | "d'" | "of" | "la" | "l'" | "le" | "les" | "the"
                );
            let last = cl.parts.last().is_some_and(|l| l == word) && !complement;
            let first = cl.parts.first().is_some_and(|f| f == word);
            // "in Buckeye" is the place, not the "Buckeye Homeowners Alliance" named after it.
            let place_first = kind != EntityType::Location
                && c.votes[EntityType::Location.index()] >= 0.6
                && c.votes[kind.index()] < 0.6;
            let fits = match kind {
                EntityType::Person => last || first,
                // ("residents in Burwood" are no "Save Our Burwood"; a listed place is
                // weighed as before: "Madrid" for "Real Madrid" on a sports page.)
                _ => {
                    (last && !(place_first && c.row.is_none()) || (first && !place_first))
                        && !self.gaz.is_given(word)
                }
            } || (c.acronym && acronym_of(word, &cl.parts));
            if fits {
                hits.push((k, last));
            } else if c.acronym && cl.parts.len() >= 3 && reads_acronym_of(word, &cl.parts) {
                // "(STJV)" after "Syndicat des travailleurs et travailleuses du jeu vidéo".
                loose.push(k);
            }
        }
        if hits.is_empty() && loose.len() == 1 {
            return Some(loose[0]);
        }
        match hits.len() {
            0 => None,
            1 => Some(hits[0].0),
            _ => {
                let by_last: Vec<usize> = hits.iter().filter(|h| h.1).map(|h| h.0).collect();
                (by_last.len() == 1).then(|| by_last[0])
            }
        }
    }
}

/// Most names of several words a one-word name is compared with one by one; a page with more
/// has them indexed ([`LongNames`]).
const LONG_NAMES_SCANNED: usize = 16;

/// The page's names of several words (entity indexes, ascending) by their first and last
/// words and by the initials of their words: the only ones a one-word name can be a short
/// form or an acronym of.
struct LongNames {
    /// Hash of a first or last word → entities.
    by_word: HashMap<u64, Vec<usize>, BuildWordHasher>,
    /// Initial of any word → entities.
    by_initial: HashMap<char, Vec<usize>, BuildWordHasher>,
    /// Hash of the first [`SURNAME_PREFIX`] characters of a last word → entities.
    by_last_prefix: HashMap<u64, Vec<usize>, BuildWordHasher>,
}

/// Characters of a word a short surname ("Vinge…") is looked up by.
const SURNAME_PREFIX: usize = 4;

/// Hash of the first [`SURNAME_PREFIX`] characters of `word`; `None` when it is shorter.
fn prefix_hash(word: &str) -> Option<u64> {
    let end = word.char_indices().nth(SURNAME_PREFIX - 1)?;
    Some(xxh3_64(&word.as_bytes()[..end.0 + end.1.len_utf8()]))
}

impl LongNames {
    /// Indexes the entities `long` of `clusters`.
    fn new(clusters: &[Cluster], long: &[usize]) -> Self {
        let mut ix = LongNames {
            by_word: HashMap::default(),
            by_initial: HashMap::default(),
            by_last_prefix: HashMap::default(),
        };
        for &k in long {
            let parts = &clusters[k].parts;
            if let Some(h) = parts.last().and_then(|l| prefix_hash(l)) {
                ix.by_last_prefix.entry(h).or_default().push(k);
            }
            for w in [parts.first(), parts.last()].into_iter().flatten() {
                let at = ix.by_word.entry(xxh3_64(w.as_bytes())).or_default();
                if at.last() != Some(&k) {
                    at.push(k);
                }
            }
            for initial in parts.iter().filter_map(|p| p.chars().next()) {
                let at = ix.by_initial.entry(initial).or_default();
                if at.last() != Some(&k) {
                    at.push(k);
                }
            }
        }
        ix
    }

    /// The entities `word` may be a short form of (or, for an acronym, the expansion of), in
    /// ascending order; a superset of those that fit.
    fn candidates(&self, word: &str, acronym: bool) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .by_word
            .get(&xxh3_64(word.as_bytes()))
            .cloned()
            .unwrap_or_default();
        if acronym
            && let Some(first) = word.chars().find(|c| c.is_alphanumeric())
            && let Some(ks) = self.by_initial.get(&first)
        {
            out.extend_from_slice(ks);
            out.sort_unstable();
            out.dedup();
        }
        out
    }

    /// The entities whose last word may begin with `word` (of [`SURNAME_PREFIX`] characters
    /// or more), in ascending order; a superset of those that do.
    fn surnames_from(&self, word: &str) -> Vec<usize> {
        prefix_hash(word)
            .and_then(|h| self.by_last_prefix.get(&h))
            .cloned()
            .unwrap_or_default()
    }
}

/// Whether `word` is a French town's compound name: capitalised parts joined by a lowercase
/// "sur", "sous", "lès", "lez", "en", "aux", "près", "ès" or an article ("Trinité-sur-Mer",
/// "Bourg-en-Bresse", "Aix-les-Bains"), all in capitals in a dateline.
pub(super) fn town_compound(word: &str) -> bool {
    if !word.contains('-') {
        return false;
    }
    let mut parts = word.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    let cap = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
    if !cap(first) {
        return false;
    }
    // A dateline writes the joiners in capitals too ("AVESNES-SUR-HELPE").
    let caps = !word.chars().any(char::is_lowercase);
    let mut lower = String::new();
    let mut joined = false;
    let mut after_joiner = false;
    for p in parts {
        let p = if caps {
            lower.clear();
            lower.extend(p.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            p
        };
        if matches!(
            p,
            "sur" | "sous" | "lès" | "lez" | "en" | "aux" | "près" | "ès"
        ) {
            if after_joiner {
                return false;
            }
            joined = true;
            after_joiner = true;
        } else if matches!(p, "le" | "la" | "les") {
            // "Azay-le-Rideau", "Aix-les-Bains", "Saint-Martin-sur-le-Pré".
            joined = true;
            after_joiner = true;
        } else if cap(p) || (caps && !p.is_empty()) {
            after_joiner = false;
        } else {
            return false;
        }
    }
    joined && !after_joiner
}

/// The keyed words of a name written by `toks`, an elided article inside it a part of its own
/// ("tribunal", "correctionnel", "d'", "avesnes"): the name's complement is told by it.
fn name_parts(toks: &[NameToken<'_>]) -> Parts {
    let mut parts = Parts::new();
    for (j, t) in toks.iter().enumerate() {
        if j > 0 && !t.elision.is_empty() {
            parts.push(elision_part(t.elision));
        }
        parts.push(t.part());
    }
    parts
}

/// Each of `words` in lowercase.
fn lowercase_all(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let mut l = String::new();
            lowercase_into(w, &mut l);
            l
        })
        .collect()
}

/// Writes `parts` joined by spaces to `out` (cleared first).
fn join_into(parts: &[Part], out: &mut String) {
    out.clear();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(p);
    }
}

/// The state, province or territory an abbreviation names in a dateline ("Calif." →
/// California, "Ont." → Ontario, "NSW" → New South Wales): `abbr` without its last dot, and
/// whether a dot follows it (the dotted abbreviations need one; the others are read before a
/// dash only).
fn state_abbreviation(abbr: &str, dot: bool) -> Option<&'static str> {
    let dotted = match abbr {
        "Ala" => "Alabama",
        "Ariz" => "Arizona",
        "Ark" => "Arkansas",
        "Calif" => "California",
        "Colo" => "Colorado",
        "Conn" => "Connecticut",
        "Del" => "Delaware",
        "Fla" => "Florida",
        "Ill" => "Illinois",
        "Ind" => "Indiana",
        "Kan" | "Kans" => "Kansas",
        "Ky" => "Kentucky",
        "La" => "Louisiana",
        "Md" => "Maryland",
        "Mass" => "Massachusetts",
        "Mich" => "Michigan",
        "Minn" => "Minnesota",
        "Miss" => "Mississippi",
        "Mo" => "Missouri",
        "Mont" => "Montana",
        "Neb" => "Nebraska",
        "Nev" => "Nevada",
        "N.H" => "New Hampshire",
        "N.J" => "New Jersey",
        "N.M" => "New Mexico",
        "N.Y" => "New York State",
        "N.C" => "North Carolina",
        "N.D" => "North Dakota",
        "Okla" => "Oklahoma",
        "Ore" => "Oregon",
        "Pa" => "Pennsylvania",
        "R.I" => "Rhode Island",
        "S.C" => "South Carolina",
        "S.D" => "South Dakota",
        "Tenn" => "Tennessee",
        "Tex" => "Texas",
        "Va" => "Virginia",
        "Vt" => "Vermont",
        "Wash" => "Washington State",
        "W.Va" => "West Virginia",
        "Wis" => "Wisconsin",
        "Wyo" => "Wyoming",
        "Ont" => "Ontario",
        "Que" => "Quebec",
        "B.C" => "British Columbia",
        "Alta" => "Alberta",
        "Sask" => "Saskatchewan",
        "Man" => "Manitoba",
        "N.S" => "Nova Scotia",
        "N.B" => "New Brunswick",
        "Nfld" | "N.L" => "Newfoundland and Labrador",
        "Y.T" => "Yukon",
        "P.E.I" => "Prince Edward Island",
        "N.W.T" => "Northwest Territories",
        _ => "",
    };
    if !dotted.is_empty() {
        return dot.then_some(dotted);
    }
    // (Not "WA" or "SA", which are also a US state's code and South Africa, nor "Vic", a
    // given name.)
    match abbr {
        "NSW" => Some("New South Wales"),
        "Qld" => Some("Queensland"),
        "Tas" => Some("Tasmania"),
        "NT" => Some("Northern Territory"),
        "ACT" => Some("Australian Capital Territory"),
        _ => None,
    }
}

/// Whether the capitalised word `toks[i]` names where a person named right before comes from:
/// after a name (two capitalised words, not at a sentence start), a comma and "de" or "d'",
/// and before a comma or the end of the sentence ("le maire, Paul Dupont, de Sarlat, a dit").
/// (Not "of" or "from": "Ann Ross, of Deloitte" names her employer.)
fn origin_after_name(d: &Doc<'_>, i: usize) -> bool {
    let toks = &d.tokens;
    let t = &toks[i];
    if t.shape != Shape::Cap || t.possessive {
        return false;
    }
    // The preposition: an elided "d'" on the word, or "de" before it.
    let prep = if matches!(t.elision, "d" | "D") {
        i
    } else if t.elision.is_empty() && i > 0 && t.joined && toks[i - 1].text == "de" {
        i - 1
    } else {
        return false;
    };
    if prep < 2 {
        return false;
    }
    let (surname, given) = (&toks[prep - 1], &toks[prep - 2]);
    let comma = d.text[surname.end..toks[prep].raw_start].trim_end() == ",";
    let after = d.text[t.end..].trim_start();
    comma
        && surname.shape == Shape::Cap
        && given.shape == Shape::Cap
        && surname.joined
        && !given.sentence_start
        && after.starts_with([',', '.', ')', ';'])
}

/// What the noun phrase right before the name `toks[first..=last]` says it is, when a comma
/// sets the name apart from it and another comma or a full stop closes the name ("The nearest
/// town, Meekatharra, is…"): its noun (see [`apposition_noun`]) after "the", "its", "their",
/// "la", "le", "sa", "son" or "leur" one to three words before, with no complement between,
/// the article after no preposition ("In the village, Dupont said" says where Dupont spoke).
fn apposition_before(d: &Doc<'_>, first: usize, last: usize) -> Option<EntityType> {
    let toks = &d.tokens;
    let t = &toks[first];
    if first < 2 || t.joined || !t.elision.is_empty() {
        return None;
    }
    let noun = &toks[first - 1];
    if noun.shape != Shape::Lower
        || d.text[noun.end..t.raw_start].trim_end() != ","
        || !d.text[toks[last].end..]
            .trim_start()
            .starts_with([',', '.'])
    {
        return None;
    }
    let kind = apposition_noun(noun.text)?;
    let det = (first.saturating_sub(4)..first - 1).rev().find(|&j| {
        matches!(
            toks[j].text,
            "the"
                | "The"
                | "its"
                | "Its"
                | "their"
                | "Their"
                | "la"
                | "La"
                | "le"
                | "Le"
                | "sa"
                | "Sa"
                | "son"
                | "Son"
                | "leur"
                | "Leur"
        )
    })?;
    // ("Le président du club, Tony Parker,": the phrase's noun is not its last word.)
    if !toks[det + 1..first].iter().all(|w| {
        w.joined
            && w.shape == Shape::Lower
            && w.elision.is_empty()
            && !matches!(w.text, "de" | "du" | "des" | "of" | "for" | "pour")
    }) {
        return None;
    }
    let after_preposition = det > 0
        && toks[det].joined
        && matches!(
            toks[det - 1].text,
            "in" | "In"
                | "at"
                | "At"
                | "on"
                | "On"
                | "from"
                | "to"
                | "for"
                | "For"
                | "with"
                | "With"
                | "by"
                | "By"
                | "after"
                | "After"
                | "like"
                | "Like"
                | "of"
                | "dans"
                | "Dans"
                | "à"
                | "À"
                | "sur"
                | "Sur"
                | "de"
                | "De"
                | "pour"
                | "Pour"
                | "avec"
                | "Avec"
                | "par"
                | "Par"
                | "chez"
                | "Chez"
                | "après"
                | "Après"
        );
    (!after_preposition).then_some(kind)
}

/// Where a person's surname written alone at `start` of `text` begins with its particles: the
/// first particle's start when the full name's words (`parts`, keyed) end with particles and
/// the surname, and the text writes those particles right before it ("M. de Ravinel" for
/// "Pierre de Ravinel", "Mme von der Leyen"); `start` otherwise.
fn particle_before(text: &str, start: usize, parts: &[Part]) -> usize {
    // The name's particles right before its last word, last first ("der", "von").
    let mut at = start;
    for particle in parts[..parts.len().saturating_sub(1)].iter().skip(1).rev() {
        if particle.contains('\'') || particle_index(particle).is_none() {
            break;
        }
        let before = &text[..at];
        let trimmed = before.trim_end_matches(' ');
        if trimmed.len() == before.len() {
            break;
        }
        let word_start = trimmed.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &trimmed[word_start..];
        if word.is_empty() || key_of(word) != particle.as_str() {
            break;
        }
        at = word_start;
    }
    at
}

/// Whether the lowercase word `toks[j]`, a place's name that is also a word, reads as the
/// place: after a preposition of place and before punctuation or a small word ("à lure,",
/// "from gates and"), after "de", "du", "des" or "of" before punctuation ("la gare de
/// pithiviers,"), after an article when it names a country (`country`: "le japon"); no hyphen
/// joins it to the words around it.
fn place_word_before(toks: &[NameToken<'_>], j: usize, country: bool) -> bool {
    let t = &toks[j];
    let next = toks.get(j + 1);
    if next.is_some_and(|n| n.hyphen_before) || t.hyphen_before {
        return false;
    }
    // Punctuation (or the end of the text) after it.
    let closed = next.is_none_or(|n| !n.joined);
    if matches!(t.elision, "d" | "D") {
        return closed;
    }
    if matches!(t.elision, "l" | "L") {
        return country;
    }
    if !t.elision.is_empty() || j == 0 || !t.joined {
        return false;
    }
    match toks[j - 1].text {
        "à" | "au" | "aux" | "vers" | "depuis" | "in" | "to" | "from" | "at" | "near" => {
            closed
                || next.is_some_and(|n| {
                    n.elision.is_empty()
                        && !matches!(n.text, "de" | "du" | "des" | "of" | "et" | "and")
                        && with_key(n.text, stop)
                })
        }
        "de" | "du" | "des" | "of" => closed,
        "le" | "la" | "les" | "the" | "en" => country,
        _ => false,
    }
}

/// Lines written mostly in capitals or title case (at least four words, three quarters of the
/// words that are not stop words capitalised).
fn caps_lines(tokens: &[NameToken<'_>]) -> Vec<bool> {
    let mut out = vec![false; tokens.last().map_or(0, |t| t.line as usize + 1)];
    let mut i = 0;
    while i < tokens.len() {
        let line = tokens[i].line;
        let mut j = i;
        let (mut others, mut lower, mut caps, mut upper) = (0, 0, 0, 0);
        while j < tokens.len() && tokens[j].line == line {
            match tokens[j].shape {
                Shape::Number => {}
                Shape::Lower => lower += 1,
                s => {
                    others += 1;
                    caps += usize::from(matches!(s, Shape::Cap | Shape::Upper));
                    upper += usize::from(s == Shape::Upper);
                }
            }
            j += 1;
        }
        // Stop words do not count: look them up only where the line could qualify even if
        // every lowercase word were one, and stop at the first lowercase word too many.
        let best = caps.max(upper);
        if others + lower >= 4 && best * 4 >= others * 3 {
            let mut words = others;
            let mut lowers = tokens[i..j].iter().filter(|t| t.shape == Shape::Lower);
            // A title in title case leaves only small words in lowercase: a lowercase word
            // of content for every ten capitalised ones at most ("On Sunday the Multan
            // Sultans lost." is a sentence).
            let qualifies = lowers.all(|t| {
                words += usize::from(!stop(t.text));
                best * 4 >= words * 3 && (words - others) * 10 <= best
            });
            if qualifies && words >= 4 {
                out[line as usize] = true;
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod acronym_tests {
    use super::{Part, acronym_of, acronym_skips, reads_acronym_of};

    fn skips(acronym: &str, words: &str) -> Option<usize> {
        let letters: Vec<char> = acronym.chars().collect();
        let parts: Vec<(&str, bool)> = words
            .split(' ')
            .map(|w| (w, !super::stop(w) && super::particle_index(w).is_none()))
            .collect();
        acronym_skips(&letters, &parts)
    }

    #[test]
    fn a_digit_between_letters_reads_as_a_word_or_as_repeats() {
        let parts = |w: &str| w.split(' ').map(Part::from).collect::<Vec<_>>();
        // "B2C": business to consumer, its digit a word.
        assert!(acronym_of("b2c", &parts("business 2 consumer")));
        assert!(!acronym_of("b2c", &parts("business to consumer")));
        // "C2RMF": the digit repeats the letter when the plain reading fails.
        assert!(reads_acronym_of(
            "c2rmf",
            &parts("centre de recherche et de restauration des musees de france")
        ));
    }

    #[test]
    fn acronyms_read_loosely() {
        assert_eq!(
            skips(
                "stjv",
                "syndicat des travailleurs et travailleuses du jeu video"
            ),
            Some(1)
        );
        assert_eq!(
            skips(
                "cifog",
                "comite interprofessionnel des palmipedes a foie gras"
            ),
            Some(1)
        );
        assert_eq!(
            skips(
                "fser",
                "fonds de soutien a l expression radiophonique locale"
            ),
            Some(1)
        );
        assert_eq!(
            skips("sepaq", "societe des etablissements de plein air du quebec"),
            Some(0)
        );
        assert_eq!(skips("nsa", "national security agency"), Some(0));
        assert_eq!(skips("grasset", "nuits de tbilissi"), None);
        assert_eq!(
            skips("cdr", "commission europeenne et le comite des regions"),
            Some(2)
        );
    }
}

#[cfg(test)]
mod adjective_tests {
    use super::{ADJECTIVE_ENDINGS, adjective_endings, ends_in, is_adjective};

    #[test]
    fn each_ending_is_found_by_its_last_two_bytes_and_no_other() {
        let mut seen = 0;
        for e in ADJECTIVE_ENDINGS {
            let found = adjective_endings(e.as_bytes());
            assert!(found.contains(&e), "{e}");
            assert!(
                found
                    .iter()
                    .all(|f| ends_in(f.as_bytes(), &e[e.len() - 2..]))
            );
        }
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                seen += adjective_endings(&[a, b]).len();
            }
        }
        assert_eq!(seen, ADJECTIVE_ENDINGS.len());
    }

    #[test]
    fn adjectives_by_their_ending() {
        for w in [
            "national",
            "centrale",
            "européenne",
            "supérieur",
            "régionaux",
            "agricoles",
            "vaudois",
            "public",
        ] {
            assert!(is_adjective(w), "{w}");
        }
        for w in ["hier", "mois", "dans", "rue", "le", "", "é"] {
            assert!(!is_adjective(w), "{w}");
        }
    }
}

#[cfg(test)]
mod contained_tests {
    use super::contained_spans;

    proptest::proptest! {
        /// The sweep finds the spans inside a longer one, as comparing every pair does.
        #[test]
        fn the_sweep_agrees_with_every_pair(
            spans in proptest::collection::vec((0usize..40, 1usize..12), 0..60)
        ) {
            let spans: Vec<(usize, usize)> = spans.iter().map(|&(s, l)| (s, s + l)).collect();
            let pairs: Vec<bool> = spans
                .iter()
                .map(|&(a, b)| spans.iter().any(|&(s, e)| s <= a && b <= e && (s, e) != (a, b)))
                .collect();
            proptest::prop_assert_eq!(contained_spans(&spans), pairs);
        }
    }

    #[test]
    fn equal_spans_both_stay_and_a_longer_one_covers_them() {
        assert_eq!(
            contained_spans(&[(5, 9), (0, 9), (5, 9), (9, 12), (10, 12)]),
            [true, false, true, false, true]
        );
        assert_eq!(contained_spans(&[(3, 6), (3, 6)]), [false, false]);
    }
}
