//! The scorer: walks the words of each passage, applies negation scope, intensifiers and
//! contrast to the lexicon hits, adds emoticons and emphasis, and sums up.

use std::cell::RefCell;

use super::lexicon::Lexicon;
use super::rules::{
    BOOST, CONTRAST, EXCESS, EXPECTATION, IRREALIS, NEGATED, NEGATED_BOOSTED, NEGATED_NEGATIVE,
    NEGATION_SCOPE, NEGATIVE_CALIBRATION_FR, QUESTION, Role, role,
};
use super::signs::{BANG, HIDDEN_SMILEY, MAX_BANGS, scan};
use super::{Keyword, Label, Sentiment};
use crate::analysis::{Lang, WordScanner, detect_passages, try_detect};

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
    /// Lowercase word (or the sign as written).
    word: String,
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
}

impl Hit {
    /// The contribution of the hit.
    fn value(&self) -> f32 {
        let negated = if self.base < 0.0 {
            NEGATED_NEGATIVE
        } else {
            NEGATED
        };
        let v = if !self.negated {
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
        self.negated != (self.modifier < 0.0)
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
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer {
            fr: Lexicon::builtin(Lang::Fr),
            en: Lexicon::builtin(Lang::En),
            center: DEFAULT_CENTER,
        }
    }
}

thread_local! {
    /// Per-thread word scanner, so scoring allocates no buffers once warm.
    static SCANNER: RefCell<WordScanner> = RefCell::new(WordScanner::default());
}

impl Scorer {
    /// Adds or overrides lexicon entries (`word<TAB>score[<TAB>fr|en]` lines, VADER scale
    /// -4 … 4, 0 removes) in both languages unless a line names one.
    pub fn add_entries(&mut self, text: &str) -> Result<(), super::LexiconError> {
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
        let mut hits: Vec<Hit> = Vec::new();
        SCANNER.with(|cell| {
            let mut fresh = WordScanner::default();
            let mut guard = cell.try_borrow_mut();
            let scanner = match guard.as_deref_mut() {
                Ok(s) => s,
                Err(_) => &mut fresh,
            };
            for (i, line) in text.split('\n').enumerate() {
                let lang = line_langs.get(i).copied().unwrap_or(Lang::Fr);
                let before = hits.len();
                self.passage(scanner, line, lang, &mut hits);
                let calib = match lang {
                    Lang::Fr => NEGATIVE_CALIBRATION_FR,
                    Lang::En => 1.0,
                };
                hits[before..].iter_mut().for_each(|h| h.calib = calib);
                // A short line whose language cannot be told ("Great article!") and that
                // says nothing in the language it was given is read in the other one.
                if hits.len() == before
                    && line.len() <= FALLBACK_MAX_BYTES
                    && line.chars().any(char::is_alphabetic)
                    && try_detect(line).is_none()
                {
                    let other = match lang {
                        Lang::Fr => Lang::En,
                        Lang::En => Lang::Fr,
                    };
                    self.passage(scanner, line, other, &mut hits);
                }
            }
        });
        let bangs = scan(text, |(sign, score)| {
            hits.push(Hit {
                word: sign.to_owned(),
                base: score,
                modifier: 1.0,
                negated: false,
                weight: 1.0,
                calib: 1.0,
            })
        });
        if hidden_smileys > 0 {
            hits.push(Hit {
                word: "smiley".to_owned(),
                base: HIDDEN_SMILEY * hidden_smileys.min(5) as f32,
                modifier: 1.0,
                negated: false,
                weight: 1.0,
                calib: 1.0,
            });
        }
        self.summarize(hits, bangs)
    }

    /// Walks one passage, pushing its lexicon hits.
    fn passage(&self, scanner: &mut WordScanner, line: &str, lang: Lang, hits: &mut Vec<Hit>) {
        let lexicon = self.lexicon(lang);
        // First hit of the passage (of the sentence, when contrast stays in its sentence).
        let mut first = hits.len();
        // "trop" / "too" waiting for its word.
        let mut excess: Option<&'static str> = None;
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
        let mut weight = 1.0f32;
        let mut prev_end = 0usize;
        let mut prev = String::new();
        // The hit of the previous word, if it was one: "J'aime pas" negates it.
        let mut prev_hit: Option<usize> = None;
        scanner.scan(line, lang, |w| {
            let adjacent_hit = prev_hit.take();
            let gap = &line[prev_end.min(w.start)..w.start];
            prev_end = w.end;
            if gap.contains(['.', ',', ';', ':', '!', '?', '(', ')', '"', '«', '»', '…']) {
                ne_open = None;
                particle_before = false;
                neg_left = 0;
                modifier = None;
                excess = None;
                expecting = false;
                irrealis = false;
            }
            if gap.contains('?') {
                // A question asks rather than asserts: "comment se passionner pour … ?"
                hits[sentence_start..]
                    .iter_mut()
                    .filter(|h| h.base > 0.0)
                    .for_each(|h| h.weight *= QUESTION);
            }
            if gap.contains(['.', '!', '?', '…']) {
                sentence_start = hits.len();
                // Contrast stays within its sentence.
                first = hits.len();
                weight = 1.0;
            }
            let mut word_role = role(w.word, &prev, lang);
            prev.clear();
            prev.push_str(w.word);
            if lang == Lang::Fr && w.elision == "n" {
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
                        return;
                    }
                    particle_before = true;
                    if alone {
                        if let Some(i) = adjacent_hit {
                            hits[i].negated = true;
                        }
                        neg_left = NEGATION_SCOPE;
                        return;
                    }
                    // "personne" / "plus" / "point" without "ne": an ordinary word.
                    word_role = Role::Plain;
                }
                Role::Negation => {
                    neg_left = NEGATION_SCOPE;
                    return;
                }
                Role::Restriction => {
                    ne_open = None;
                    return;
                }
                Role::Modifier(f) => {
                    modifier = Some(modifier.map_or(f, |m| m * f));
                    return;
                }
                Role::Excess => {
                    modifier = Some(modifier.map_or(BOOST, |m| m * BOOST));
                    excess = Some(if lang == Lang::Fr { "trop" } else { "too" });
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
                    return;
                }
                Role::Plain => {}
            }
            debug_assert_eq!(word_role, Role::Plain);
            if expecting && is_comparative(w.word, lang) {
                // "Je m'attendais à mieux", "I expected more": a disappointment.
                prev_hit = Some(hits.len());
                hits.push(Hit {
                    word: w.word.to_owned(),
                    base: EXPECTATION,
                    modifier: 1.0,
                    negated: false,
                    weight,
                    calib: 1.0,
                });
                expecting = false;
                modifier = None;
                return;
            }
            if !w.stop && is_expectation(w.word, lang) {
                expecting = true;
            }
            if is_conditional(w.word, lang) {
                irrealis = true;
                return;
            }
            let found = if w.stop {
                lexicon.get_stop(w.main)
            } else {
                lexicon.lookup(w.word, w.main)
            };
            if found.is_none()
                && !w.stop
                && let Some(word) = excess.take()
            {
                // "trop long", "trop de détails": too much of something neutral.
                modifier = None;
                prev_hit = Some(hits.len());
                hits.push(Hit {
                    word: word.to_owned(),
                    base: EXCESS,
                    modifier: 1.0,
                    negated: neg_left > 0,
                    weight,
                    calib: 1.0,
                });
            }
            if found.is_some() {
                excess = None;
            }
            if let Some(base) = found {
                prev_hit = Some(hits.len());
                let mut m = modifier.take().unwrap_or(1.0);
                if irrealis && base > 0.0 {
                    m *= IRREALIS;
                }
                hits.push(Hit {
                    word: w.word.to_owned(),
                    base,
                    modifier: m,
                    negated: neg_left > 0,
                    weight,
                    calib: 1.0,
                });
            }
            if !w.stop {
                neg_left = neg_left.saturating_sub(1);
            }
        });
        if line.get(prev_end..).is_some_and(|rest| rest.contains('?')) {
            hits[sentence_start..]
                .iter_mut()
                .filter(|h| h.base > 0.0)
                .for_each(|h| h.weight *= QUESTION);
        }
    }

    /// Sums the hits into a [`Sentiment`].
    fn summarize(&self, hits: Vec<Hit>, bangs: u32) -> Sentiment {
        let (mut pos, mut neg) = (0.0f32, 0.0f32);
        let mut keywords: Vec<Keyword> = Vec::with_capacity(hits.len());
        for h in &hits {
            let v = h.value();
            if v > 0.0 {
                pos += v;
            } else {
                neg -= v;
            }
            let (negated, intensified) = (h.reads_negated(), h.intensified());
            match keywords
                .iter_mut()
                .find(|k| k.word == h.word && k.negated == negated)
            {
                Some(k) => {
                    k.weight += v;
                    k.count += 1;
                    k.intensified |= intensified;
                }
                None => keywords.push(Keyword {
                    word: h.word.clone(),
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
        for k in &mut keywords {
            k.weight = (k.weight * 1000.0).round() / 1000.0;
        }
        keywords.retain(|k| k.weight != 0.0);
        keywords.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
        let label = if pos + neg == 0.0 {
            Label::Neutral
        } else if pos >= MIXED_MIN && neg >= MIXED_MIN && pos.min(neg) >= MIXED_RATIO * pos.max(neg)
        {
            Label::Mixed
        } else if score > self.center + NEUTRAL_BAND {
            Label::Positive
        } else if score < self.center - NEUTRAL_BAND {
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

/// Whether `word` is a conditional auxiliary or modal ("aurait", "pourrait", "should").
fn is_conditional(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(
            word,
            "aurais"
                | "aurait"
                | "auraient"
                | "aurions"
                | "auriez"
                | "serait"
                | "serais"
                | "seraient"
                | "pourrait"
                | "pourrais"
                | "pourraient"
                | "devrait"
                | "devrais"
                | "devraient"
                | "aimerais"
                | "aimerait"
                | "voudrais"
        ),
        Lang::En => matches!(
            word,
            "should" | "could" | "would" | "should've" | "could've" | "would've" | "might"
        ),
    }
}

/// Whether `word` is a form of a verb of expectation ("attendais", "espérais", "expected").
fn is_expectation(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => ["attend", "espér", "esper"]
            .iter()
            .any(|p| word.starts_with(p)),
        Lang::En => ["expect", "hoped", "hoping"]
            .iter()
            .any(|p| word.starts_with(p)),
    }
}

/// Whether `word` is a comparative that completes an expectation ("mieux", "better").
fn is_comparative(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(word, "mieux" | "plus" | "autre"),
        Lang::En => matches!(word, "better" | "more"),
    }
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
