//! The scorer: walks the words of each passage, applies negation scope, intensifiers and
//! contrast to the lexicon hits, adds emoticons and emphasis, and sums up.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::lexicon::Lexicon;
use super::rules::{
    BOOST, CONTRAST, EXCESS, EXPECTATION, IRREALIS, NEGATED, NEGATED_BOOSTED, NEGATED_NEGATIVE,
    NEGATION_SCOPE, NEGATIVE_CALIBRATION_FR, QUESTION, Role,
};
use super::signs::{BANG, HIDDEN_SMILEY, MAX_BANGS, scan};
use super::words::{
    COMPARATIVE, CONDITIONAL, ELIDED_NE, EXPECTATION as EXPECTS, FOUND, NEGATED_IDIOM, QUALIFIER,
    STOP, TOO, TROP, Words,
};
use super::{Keyword, Label, Sentiment};
use crate::analysis::stop::is_stop;
use crate::analysis::{Lang, detect_passages, try_detect};

/// Damping of the score: score = (pos − neg) / (pos + neg + DAMPING), so one mild word does not
/// make a text fully positive.
pub const DAMPING: f32 = 2.0;
/// Default decision threshold on the score, chosen on the development splits of the French
/// and English evaluation sets (best thresholds +0.19 … +0.23, see README): opinion words lean
/// positive, so a text needs more than a faint positive balance to be positive.
pub const DEFAULT_CENTER: f32 = 0.2;
/// Half-width of the neutral band around the centre.
pub const NEUTRAL_BAND: f32 = 0.1;
/// Longest line (bytes) read in the other language when its own finds no opinion word and
/// its language cannot be told.
pub const FALLBACK_MAX_BYTES: usize = 120;
/// Smallest mass (VADER scale) on each side for a text to be mixed.
pub const MIXED_MIN: f32 = 1.0;
/// Smallest ratio of the weaker side to the stronger for a text to be mixed.
pub const MIXED_RATIO: f32 = 0.7;

/// One scored word occurrence, before its final value is known.
#[derive(Debug, Clone)]
struct Hit {
    /// Id of the lowercase word (or of the sign as written) in the thread's [`Words`].
    word: u32,
    /// Lexicon score.
    base: f32,
    /// Product of the modifiers before it (1 when none).
    modifier: f32,
    /// Whether a negation covers it.
    negated: bool,
    /// Contrast weight ("mais", "but").
    weight: f32,
    /// Weight of a negative contribution: the calibration of the hit's lexicon.
    calib: f32,
    /// A set phrase of a negation and the word ("pas terrible"): `base` is the phrase's score.
    set_phrase: bool,
}

impl Hit {
    /// The contribution of the hit.
    fn value(&self) -> f32 {
        let negated = if self.base < 0.0 {
            NEGATED_NEGATIVE
        } else {
            NEGATED
        };
        let v = if !self.negated || self.set_phrase {
            self.base * self.modifier
        } else if self.modifier > 1.0 {
            self.base * NEGATED_BOOSTED
        } else {
            self.base * self.modifier * negated
        };
        let v = v * self.weight;
        if v < 0.0 { v * self.calib } else { v }
    }

    /// Whether the hit was intensified.
    fn intensified(&self) -> bool {
        self.modifier > 1.0
    }

    /// Whether the hit reads as negated ("pas bon", "peu convaincant").
    fn reads_negated(&self) -> bool {
        self.set_phrase || self.negated != (self.modifier < 0.0)
    }
}

/// Polarity lexicons and thresholds; build once, share across threads (`&self` only).
#[derive(Debug, Clone)]
pub struct Scorer {
    /// French lexicon.
    fr: Lexicon,
    /// English lexicon.
    en: Lexicon,
    /// Decision threshold on the score.
    center: f32,
    /// Identifies the lexicons' content for the per-thread word cache: new for each scorer
    /// built and each change of its entries (clones share it while they agree).
    id: u64,
}

/// The next [`Scorer::id`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Strongest factor stacked modifiers reach: two intensifiers ("vraiment très bien"); more
/// add nothing (a run of "très" cannot make a score overflow).
pub const MAX_MODIFIER: f32 = BOOST * BOOST;

/// The factor of `modifier` followed by another of factor `f`, at most [`MAX_MODIFIER`] either
/// way.
fn stack(modifier: Option<f32>, f: f32) -> f32 {
    modifier
        .map_or(f, |m| m * f)
        .clamp(-MAX_MODIFIER, MAX_MODIFIER)
}

/// A new scorer id.
fn new_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer {
            fr: Lexicon::builtin(Lang::Fr),
            en: Lexicon::builtin(Lang::En),
            center: DEFAULT_CENTER,
            id: new_id(),
        }
    }
}

/// A keyword being summed.
#[derive(Debug, Clone)]
struct Sum {
    /// Word id in the thread's [`Words`].
    word: u32,
    /// Whether it reads as negated.
    negated: bool,
    /// Summed contribution.
    weight: f32,
    /// Whether an occurrence was intensified.
    intensified: bool,
    /// Occurrences.
    count: u32,
}

/// Per-thread word cache and buffers.
#[derive(Default)]
struct Scratch {
    /// Word cache.
    words: Words,
    /// Hits of the text.
    hits: Vec<Hit>,
    /// Keywords of the text being summed.
    sums: Vec<Sum>,
    /// The words of the line being read, when the text's words are given.
    line_words: Vec<(usize, usize)>,
}

thread_local! {
    /// Per-thread word cache and buffers, so scoring allocates little once warm.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Scorer {
    /// Adds or overrides lexicon entries (`word<TAB>score[<TAB>fr|en]` lines, VADER scale
    /// -4 … 4, 0 removes) in both languages unless a line names one.
    pub fn add_entries(&mut self, text: &str) -> Result<(), super::LexiconError> {
        self.id = new_id();
        self.fr.add_entries(text, Lang::Fr)?;
        self.en.add_entries(text, Lang::En)
    }

    /// Sets the decision threshold (positive above it, negative below).
    pub fn with_center(mut self, center: f32) -> Self {
        self.center = center;
        self
    }

    /// The lexicon of `lang`.
    pub fn lexicon(&self, lang: Lang) -> &Lexicon {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Scores a text, each line in its detected language.
    pub fn score(&self, text: &str) -> Sentiment {
        let langs: Vec<Lang> = detect_passages(text).iter().map(|(_, l)| *l).collect();
        self.score_lines(text, &langs, 0)
    }

    /// Scores a text whose line languages are known (as [`crate::analysis::Analyzer::
    /// analyze_document`] returns them; lines beyond are French); `hidden_smileys` counts smiley
    /// images the parser removed from the text (a comment's `emoticons` minus the textual
    /// ones).
    pub fn score_lines(&self, text: &str, line_langs: &[Lang], hidden_smileys: u32) -> Sentiment {
        self.score_words(text, None, line_langs, None, hidden_smileys)
    }

    /// [`Scorer::score_lines`] given the words of `text` (as
    /// [`crate::analysis::Segmenter::words`] gives them), when known, and for each line whether
    /// its language was told from the line itself (as [`crate::analysis::Analyzer::
    /// analyze_document_lines`] gives it), when known.
    pub fn score_words(
        &self,
        text: &str,
        words: Option<&[(usize, usize)]>,
        line_langs: &[Lang],
        told: Option<&[bool]>,
        hidden_smileys: u32,
    ) -> Sentiment {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                self.score_with(&mut scratch, text, words, line_langs, told, hidden_smileys)
            }
            Err(_) => self.score_with(
                &mut Scratch::default(),
                text,
                words,
                line_langs,
                told,
                hidden_smileys,
            ),
        })
    }

    /// [`Scorer::score_words`] with the thread's buffers and word cache.
    fn score_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        given: Option<&[(usize, usize)]>,
        line_langs: &[Lang],
        told: Option<&[bool]>,
        hidden_smileys: u32,
    ) -> Sentiment {
        let Scratch {
            words,
            hits,
            sums,
            line_words,
        } = scratch;
        words.begin(self.id);
        hits.clear();
        let mut rest = given.unwrap_or_default();
        let mut line_start = 0;
        for (i, line) in text.split('\n').enumerate() {
            let lang = line_langs.get(i).copied().unwrap_or(Lang::Fr);
            // The line's words, offsets in the line.
            let spans = given.map(|_| {
                let n = rest.partition_point(|&(s, _)| s < line_start + line.len());
                line_words.clear();
                line_words.extend(
                    rest[..n]
                        .iter()
                        .map(|&(s, e)| (s - line_start, e - line_start)),
                );
                rest = &rest[n..];
                line_words.as_slice()
            });
            line_start += line.len() + 1;
            let before = hits.len();
            self.passage(words, line, spans, lang, hits);
            let calib = match lang {
                Lang::Fr => NEGATIVE_CALIBRATION_FR,
                Lang::En => 1.0,
            };
            hits[before..].iter_mut().for_each(|h| h.calib = calib);
            // A short line not told to be in the language it was given ("Great article!")
            // and that says nothing in that language is read in the other one.
            if hits.len() == before
                && line.len() <= FALLBACK_MAX_BYTES
                && line.chars().any(char::is_alphabetic)
                && !told
                    .and_then(|t| t.get(i).copied())
                    .unwrap_or_else(|| try_detect(line) == Some(lang))
            {
                let other = match lang {
                    Lang::Fr => Lang::En,
                    Lang::En => Lang::Fr,
                };
                self.passage(words, line, spans, other, hits);
                // A stop word of the line's own language is itself, not the other language's
                // word of the same stem ("ici" is no English "icy").
                let read: Vec<Hit> = hits.drain(before..).collect();
                hits.extend(
                    read.into_iter()
                        .filter(|h| !is_stop(words.word(h.word), lang)),
                );
            }
        }
        let bangs = scan(text, |(sign, score)| {
            hits.push(Hit {
                word: words.intern(sign),
                base: score,
                modifier: 1.0,
                negated: false,
                weight: 1.0,
                calib: 1.0,
                set_phrase: false,
            })
        });
        if hidden_smileys > 0 {
            hits.push(Hit {
                word: words.intern("smiley"),
                base: HIDDEN_SMILEY * hidden_smileys.min(5) as f32,
                modifier: 1.0,
                negated: false,
                weight: 1.0,
                calib: 1.0,
                set_phrase: false,
            });
        }
        self.summarize(words, hits, sums, bangs)
    }

    /// Walks one passage, pushing its lexicon hits.
    fn passage(
        &self,
        words: &mut Words,
        line: &str,
        spans: Option<&[(usize, usize)]>,
        lang: Lang,
        hits: &mut Vec<Hit>,
    ) {
        let lexicon = self.lexicon(lang);
        // First hit of the passage (of the sentence, when contrast stays in its sentence).
        let mut first = hits.len();
        // "trop" / "too" waiting for its word.
        let mut excess: Option<u32> = None;
        // An expectation verb seen in the clause ("je m'attendais à mieux").
        let mut expecting = false;
        // A conditional seen in the clause ("aurait pu être bon"): what follows is not so.
        let mut irrealis = false;
        // Hits of the sentence under way, for a question mark at its end.
        let mut sentence_start = hits.len();
        // "ne" seen and not yet closed: index of the first hit it covers.
        let mut ne_open: Option<usize> = None;
        // A negative pronoun ("personne", "rien") seen before "ne" in the clause.
        let mut particle_before = false;
        let mut neg_left: u8 = 0;
        let mut modifier: Option<f32> = None;
        // The hit of an intensifier that is also an opinion word ("super"), while the next
        // content word may still be the opinion word it intensifies ("super bien"): that word
        // then takes it as its modifier and the hit goes; otherwise ("c'est super", "super
        // article") the hit stays.
        let mut own_hit: Option<usize> = None;
        let mut weight = 1.0f32;
        let mut prev_end = 0usize;
        // Whether the previous word qualifies this one ("un" before "peu").
        let mut after_qualifier = false;
        // The hit of the previous word, if it was one: "J'aime pas" negates it.
        let mut prev_hit: Option<usize> = None;
        // Whether the previous word was a negation ("pas", "not"): "pas terrible" is a set
        // phrase.
        let mut just_negated = false;
        words.scan(line, spans, lang, lexicon, |start, end, w| {
            let adjacent_hit = prev_hit.take();
            let after_negation = std::mem::take(&mut just_negated);
            let gap = gap_marks(&line.as_bytes()[prev_end.min(start)..start]);
            prev_end = end;
            if gap & PUNCTUATION != 0 {
                ne_open = None;
                particle_before = false;
                neg_left = 0;
                modifier = None;
                own_hit = None;
                excess = None;
                expecting = false;
                irrealis = false;
            }
            if gap & QUESTION_MARK != 0 {
                // A question asks rather than asserts: "comment se passionner pour … ?"
                hits[sentence_start..]
                    .iter_mut()
                    .filter(|h| h.base > 0.0)
                    .for_each(|h| h.weight *= QUESTION);
            }
            if gap & SENTENCE_END != 0 {
                sentence_start = hits.len();
                // Contrast stays within its sentence.
                first = hits.len();
                weight = 1.0;
            }
            let mut word_role = w.roles[usize::from(after_qualifier)];
            after_qualifier = w.flags & QUALIFIER != 0;
            let stop = w.flags & STOP != 0;
            if w.flags & ELIDED_NE != 0 {
                // "n'aime": "ne" glued to the verb, which it covers.
                open_ne(
                    &mut ne_open,
                    &mut particle_before,
                    &mut neg_left,
                    hits.len(),
                );
            }
            match word_role {
                Role::Ne => {
                    open_ne(
                        &mut ne_open,
                        &mut particle_before,
                        &mut neg_left,
                        hits.len(),
                    );
                    return;
                }
                Role::Particle { alone } => {
                    if let Some(from) = ne_open.take() {
                        hits[from..].iter_mut().for_each(|h| h.negated = true);
                        neg_left = NEGATION_SCOPE;
                        just_negated = true;
                        return;
                    }
                    particle_before = true;
                    if alone {
                        if let Some(i) = adjacent_hit {
                            hits[i].negated = true;
                        }
                        neg_left = NEGATION_SCOPE;
                        just_negated = true;
                        return;
                    }
                    // "personne" / "plus" / "point" without "ne": an ordinary word.
                    word_role = Role::Plain;
                }
                Role::Negation => {
                    neg_left = NEGATION_SCOPE;
                    just_negated = true;
                    return;
                }
                Role::Restriction => {
                    ne_open = None;
                    return;
                }
                // An intensifier the lexicon scores ("super", "absolument"): its own opinion
                // word unless it intensifies the next one, see `own_hit`.
                Role::Modifier(f) if f > 1.0 && w.flags & FOUND != 0 => {}
                Role::Modifier(f) => {
                    modifier = Some(stack(modifier, f));
                    return;
                }
                Role::Excess => {
                    modifier = Some(stack(modifier, BOOST));
                    excess = Some(if lang == Lang::Fr { TROP } else { TOO });
                    return;
                }
                Role::Contrast => {
                    hits[first..]
                        .iter_mut()
                        .for_each(|h| h.weight *= CONTRAST.0);
                    weight = CONTRAST.1;
                    ne_open = None;
                    neg_left = 0;
                    modifier = None;
                    own_hit = None;
                    return;
                }
                Role::Plain => {}
            }
            let boost = match word_role {
                Role::Modifier(f) => Some(f),
                _ => None,
            };
            if after_negation && gap & PUNCTUATION == 0 && w.flags & NEGATED_IDIOM != 0 {
                // "pas terrible", "c'est pas top": mediocre, not the word's negation.
                prev_hit = Some(hits.len());
                hits.push(Hit {
                    word: w.word,
                    base: w.idiom,
                    modifier: 1.0,
                    negated: true,
                    weight,
                    calib: 1.0,
                    set_phrase: true,
                });
                neg_left = 0;
                modifier = None;
                own_hit = None;
                excess = None;
                return;
            }
            if expecting && w.flags & COMPARATIVE != 0 {
                // "Je m'attendais à mieux", "I expected more": a disappointment.
                prev_hit = Some(hits.len());
                hits.push(Hit {
                    word: w.word,
                    base: EXPECTATION,
                    modifier: 1.0,
                    negated: false,
                    weight,
                    calib: 1.0,
                    set_phrase: false,
                });
                expecting = false;
                modifier = None;
                own_hit = None;
                return;
            }
            if w.flags & EXPECTS != 0 {
                expecting = true;
            }
            if w.flags & CONDITIONAL != 0 {
                irrealis = true;
                return;
            }
            let found = (w.flags & FOUND != 0).then_some(w.score);
            if found.is_none()
                && !stop
                && let Some(word) = excess.take()
            {
                // "trop long", "trop de détails": too much of something neutral.
                modifier = None;
                prev_hit = Some(hits.len());
                hits.push(Hit {
                    word,
                    base: EXCESS,
                    modifier: 1.0,
                    negated: neg_left > 0,
                    weight,
                    calib: 1.0,
                    set_phrase: false,
                });
            }
            if found.is_some() {
                excess = None;
            } else if !stop && own_hit.take().is_some() {
                // "super article": the intensifier was the opinion; it modifies nothing more.
                modifier = None;
            }
            if let Some(base) = found {
                if let Some(i) = own_hit.take()
                    && i + 1 == hits.len()
                {
                    // "super bien": the intensifier's factor is in `modifier`, not its score.
                    hits.pop();
                }
                prev_hit = Some(hits.len());
                let before = modifier.take();
                let mut m = before.unwrap_or(1.0);
                if irrealis && base > 0.0 {
                    m *= IRREALIS;
                }
                hits.push(Hit {
                    word: w.word,
                    base,
                    modifier: m,
                    negated: neg_left > 0,
                    weight,
                    calib: 1.0,
                    set_phrase: false,
                });
                if let Some(f) = boost {
                    // Until the next content word tells whether it intensifies it.
                    own_hit = Some(hits.len() - 1);
                    modifier = Some(stack(before, f));
                    return;
                }
            }
            if !stop {
                neg_left = neg_left.saturating_sub(1);
            }
        });
        if line
            .as_bytes()
            .get(prev_end..)
            .is_some_and(|rest| rest.contains(&b'?'))
        {
            hits[sentence_start..]
                .iter_mut()
                .filter(|h| h.base > 0.0)
                .for_each(|h| h.weight *= QUESTION);
        }
    }

    /// Sums the hits into a [`Sentiment`]; `words` holds their words.
    fn summarize(&self, words: &Words, hits: &[Hit], sums: &mut Vec<Sum>, bangs: u32) -> Sentiment {
        sums.clear();
        let (mut pos, mut neg) = (0.0f32, 0.0f32);
        for h in hits {
            let v = h.value();
            if v > 0.0 {
                pos += v;
            } else {
                neg -= v;
            }
            let (negated, intensified) = (h.reads_negated(), h.intensified());
            match sums
                .iter_mut()
                .find(|k| k.word == h.word && k.negated == negated)
            {
                Some(k) => {
                    k.weight += v;
                    k.count += 1;
                    k.intensified |= intensified;
                }
                None => sums.push(Sum {
                    word: h.word,
                    weight: v,
                    negated,
                    intensified,
                    count: 1,
                }),
            }
        }
        let emphasis = BANG * bangs.min(MAX_BANGS) as f32;
        if pos > neg {
            pos += emphasis;
        } else if neg > pos {
            neg += emphasis;
        }
        let score = if pos + neg == 0.0 {
            0.0
        } else {
            let raw = ((pos - neg) / (pos + neg + DAMPING)).clamp(-1.0, 1.0);
            (raw * 10_000.0).round() / 10_000.0
        };
        for k in sums.iter_mut() {
            k.weight = (k.weight * 1000.0).round() / 1000.0;
        }
        sums.retain(|k| k.weight != 0.0);
        sums.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
        let keywords = sums
            .iter()
            .map(|k| Keyword {
                word: words.word(k.word).to_owned(),
                weight: k.weight,
                negated: k.negated,
                intensified: k.intensified,
                count: k.count,
            })
            .collect();
        let label = if pos + neg == 0.0 {
            Label::Neutral
        } else if pos >= MIXED_MIN && neg >= MIXED_MIN && pos.min(neg) >= MIXED_RATIO * pos.max(neg)
        {
            Label::Mixed
        } else if score > self.center + NEUTRAL_BAND && pos > 0.0 {
            Label::Positive
        } else if score < self.center - NEUTRAL_BAND && neg > 0.0 {
            // The threshold leans positive, but a text with no negative contribution at all
            // ("Et la sûreté ?": one positive word, in a question) is not negative.
            Label::Negative
        } else {
            Label::Neutral
        };
        Sentiment {
            score,
            label,
            keywords,
        }
    }
}

/// [`gap_marks`]: punctuation that ends a clause.
const PUNCTUATION: u8 = 1;
/// [`gap_marks`]: a question mark.
const QUESTION_MARK: u8 = 1 << 1;
/// [`gap_marks`]: punctuation that ends a sentence (". ! ? …").
const SENTENCE_END: u8 = 1 << 2;

/// The marks of ASCII bytes between words.
static ASCII_MARKS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = match i as u8 {
            b'.' | b'!' => PUNCTUATION | SENTENCE_END,
            b'?' => PUNCTUATION | QUESTION_MARK | SENTENCE_END,
            b',' | b';' | b':' | b'(' | b')' | b'"' => PUNCTUATION,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// What the text between two words holds: [`PUNCTUATION`] (`. , ; : ! ? ( ) " « » …`),
/// [`QUESTION_MARK`], [`SENTENCE_END`] (`. ! ? …`).
fn gap_marks(gap: &[u8]) -> u8 {
    let mut marks = 0;
    for (i, &b) in gap.iter().enumerate() {
        marks |= match b {
            0..=0x7f => ASCII_MARKS[usize::from(b)],
            // « and »
            0xc2 if matches!(gap.get(i + 1), Some(0xab | 0xbb)) => PUNCTUATION,
            // …
            0xe2 if gap.get(i + 1..i + 3) == Some(&[0x80, 0xa6]) => PUNCTUATION | SENTENCE_END,
            _ => 0,
        };
    }
    marks
}

/// Opens a "ne" negation at hit index `at`; after "personne" / "rien" ("Personne n'aime") the
/// negation is already complete and reaches forward instead.
fn open_ne(ne_open: &mut Option<usize>, particle_before: &mut bool, neg_left: &mut u8, at: usize) {
    if *particle_before {
        *particle_before = false;
        *neg_left = NEGATION_SCOPE;
    } else if ne_open.is_none() {
        *ne_open = Some(at);
    }
}
