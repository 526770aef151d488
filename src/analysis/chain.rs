//! The analysis chain: documents, passages and queries to tokens and index forms.

use super::acronym::undot;
use super::elision::elided_len;
use super::lang::detect_lines;
use super::lowercase::lowercase_into;
use super::possessive::{normalize_apostrophes_into, strip_possessive};
use super::segment::Segmenter;
use super::stem::{with_forms, with_surface_cache};
use super::stop::is_stop;
use super::tokenize::{MAX_SURFACE_LEN, MAX_WORD_LEN, lines, words};
use compact_str::CompactString;

use super::{Lang, Token};

/// The analysis chain; cheap to create and share (caches are per thread): `Analyzer::default()`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Analyzer {
    /// Keeps construction to `default()`, leaving room for configuration.
    _private: (),
}

/// Which index form a query form is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// fold(stem(word)), matched against the words' `main` forms.
    Main,
    /// stem(fold(word)), matched against the words' `alt` forms (through the index's
    /// `alt_map`).
    Alt,
}

/// One analysed query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// Position in the query; stop words keep their slot, so phrase offsets see the gaps.
    pub position: u32,
    /// The word as written in the query.
    pub surface: String,
    /// Deduplicated forms, in order: (Main, French), (Alt, French), (Main, English), (Alt,
    /// English), each with the language of the chain that gave it (`None`: both gave it).
    pub forms: Vec<(Form, String, Option<Lang>)>,
}

/// A stop word of a query phrase: where the index has a stop word, only the same one matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryStop {
    /// The key the index gives it: lowercase, elision removed, apostrophes normalised, accents
    /// kept ("à" is not "a").
    pub key: String,
    /// Its lowercase surface (apostrophes normalised) when written with an elision ("jusqu'à"):
    /// then only that surface matches.
    pub exact: Option<String>,
}

/// One word of a quoted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuerySlot {
    /// The word, with the forms of the languages it is no stop word of (none when it is a stop
    /// word of both).
    pub word: QueryWord,
    /// How it matches where the index has a stop word, when it is a stop word of either
    /// language.
    pub stop: Option<QueryStop>,
}

/// Buffers reused from word to word.
#[derive(Debug, Default)]
struct Scratch {
    /// The lowercase surface word.
    lower: String,
    /// The lowercase word without elision, apostrophes normalised.
    word: String,
    /// Fast word segmentation of Latin text.
    segmenter: Segmenter,
    /// Word byte ranges of the passage being analysed.
    spans: Vec<(usize, usize)>,
}

impl Scratch {
    /// Lowercases `surface`, strips its elision and normalises its apostrophes.
    fn normalize(&mut self, surface: &str) -> &str {
        lowercase_into(surface, &mut self.lower);
        let skip = elided_len(&self.lower);
        normalize_apostrophes_into(&self.lower[skip..], &mut self.word);
        &self.word
    }

    /// [`Scratch::normalize`], then a dotted acronym loses its periods as the chain indexes it
    /// ("U.S.A." is "usa"); returns the word and whether it was a dotted acronym.
    fn normalize_word(&mut self, surface: &str) -> (&str, bool) {
        self.normalize(surface);
        let acronym = undot(&mut self.word);
        (&self.word, acronym)
    }
}

/// The forms of the normalised query `word` in each language it is no stop word of (a
/// stop word of any of `stop_in`, unless an `acronym`, gives none), deduplicated in order:
/// (Main, French), (Alt, French), (Main, English), (Alt, English).
fn query_forms(
    word: &str,
    acronym: bool,
    stop_in: impl Fn(Lang) -> &'static [Lang],
) -> Vec<(Form, String, Option<Lang>)> {
    let mut forms: Vec<(Form, String, Option<Lang>)> = Vec::with_capacity(4);
    for lang in [Lang::Fr, Lang::En] {
        let stops = if acronym { &[] } else { stop_in(lang) };
        let Some(word) = content(word, stops) else {
            continue;
        };
        with_forms(word, lang, |main, alt| {
            for (form, s) in [(Form::Main, main), (Form::Alt, alt)] {
                match forms.iter_mut().find(|(f, x, _)| *f == form && x == s) {
                    Some(seen) => seen.2 = None,
                    None => forms.push((form, s.to_owned(), Some(lang))),
                }
            }
        });
    }
    forms
}

/// The word to stem from a normalised `word`, or `None` when it is a stop word (with or without
/// its possessive) in one of `langs`, empty, or longer than [`MAX_WORD_LEN`].
fn content<'w>(word: &'w str, langs: &[Lang]) -> Option<&'w str> {
    content_in(word, langs)
}

/// See [`content`].
fn content_in<'w>(word: &'w str, langs: &[Lang]) -> Option<&'w str> {
    let stripped = strip_possessive(word);
    let stop = |w: &str| langs.iter().any(|&l| is_stop(w, l));
    if stripped.is_empty()
        || stripped.len() > MAX_WORD_LEN
        || stop(word)
        || (stripped.len() != word.len() && stop(stripped))
    {
        return None;
    }
    Some(stripped)
}

impl Analyzer {
    /// Analyses one passage in `lang`: pushes its tokens to `out` with offsets `base_offset` +
    /// the byte offset in `text` and positions from `first_position`; returns the next free
    /// position (one per word, stop words and dropped words included).
    pub fn analyze(
        &self,
        text: &str,
        lang: Lang,
        base_offset: usize,
        first_position: u32,
        out: &mut Vec<Token>,
    ) -> u32 {
        self.analyze_with(
            &mut Scratch::default(),
            text,
            lang,
            base_offset,
            first_position,
            out,
        )
    }

    /// [`Analyzer::analyze`] with given buffers.
    fn analyze_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        lang: Lang,
        base_offset: usize,
        first_position: u32,
        out: &mut Vec<Token>,
    ) -> u32 {
        let mut spans = std::mem::take(&mut scratch.spans);
        spans.clear();
        scratch.segmenter.words(text, &mut spans);
        let next = self.analyze_words(text, &spans, lang, base_offset, first_position, out);
        scratch.spans = spans;
        next
    }

    /// Analyses the words `spans` (byte ranges in `text`, in order) in `lang`: pushes their
    /// tokens to `out` with offsets `base_offset` + the offset in `text` and positions from
    /// `first_position`; returns the next free position.
    fn analyze_words(
        &self,
        text: &str,
        spans: &[(usize, usize)],
        lang: Lang,
        base_offset: usize,
        first_position: u32,
        out: &mut Vec<Token>,
    ) -> u32 {
        let mut next = first_position;
        with_surface_cache(|cache| {
            for &(offset, end) in spans {
                let surface = &text[offset..end];
                let position = next;
                next = next.saturating_add(1);
                if surface.len() > MAX_SURFACE_LEN {
                    continue;
                }
                let d = cache.derive(surface, lang);
                if !d.token {
                    continue;
                }
                let start = base_offset + offset;
                out.push(Token {
                    position,
                    start,
                    end: start + surface.len(),
                    main: d.main.into(),
                    alt: if d.alt == d.main {
                        CompactString::default()
                    } else {
                        d.alt.into()
                    },
                });
            }
        });
        next
    }

    /// Analyses a document: each line (split on '\n') in its detected language, positions
    /// continuing from line to line with a gap of one; returns the tokens and each line's
    /// language (index = line number).
    pub fn analyze_document(&self, text: &str) -> (Vec<Token>, Vec<Lang>) {
        let mut spans = Vec::new();
        Segmenter::default().words(text, &mut spans);
        self.analyze_document_words(text, &spans)
    }

    /// [`Analyzer::analyze_document`] given the words of `text` (as
    /// [`Segmenter::words`] gives them).
    pub fn analyze_document_words(
        &self,
        text: &str,
        spans: &[(usize, usize)],
    ) -> (Vec<Token>, Vec<Lang>) {
        let (tokens, langs, _) = self.analyze_document_lines(text, spans);
        (tokens, langs)
    }

    /// [`Analyzer::analyze_document_words`], with for each line whether its language was told
    /// from the line itself (see [`detect_lines`]).
    pub fn analyze_document_lines(
        &self,
        text: &str,
        spans: &[(usize, usize)],
    ) -> (Vec<Token>, Vec<Lang>, Vec<bool>) {
        let (langs, told): (Vec<Lang>, Vec<bool>) = detect_lines(text)
            .into_iter()
            .map(|(_, l, t)| (l, t))
            .unzip();
        let tokens = self.analyze_words_with_langs(text, spans, &langs);
        (tokens, langs, told)
    }

    /// Analyses a document whose line languages are known (as returned by
    /// [`Analyzer::analyze_document`], which this reproduces exactly); lines beyond `line_langs`
    /// are French.
    pub fn analyze_with_langs(&self, text: &str, line_langs: &[Lang]) -> Vec<Token> {
        let mut spans = Vec::new();
        Segmenter::default().words(text, &mut spans);
        self.analyze_words_with_langs(text, &spans, line_langs)
    }

    /// [`Analyzer::analyze_with_langs`] given the words of `text`.
    fn analyze_words_with_langs(
        &self,
        text: &str,
        spans: &[(usize, usize)],
        line_langs: &[Lang],
    ) -> Vec<Token> {
        let mut out = Vec::with_capacity(spans.len());
        let mut position = 0u32;
        let mut rest = spans;
        for (i, range) in lines(text).enumerate() {
            let lang = line_langs.get(i).copied().unwrap_or(Lang::Fr);
            let n = rest.partition_point(|&(s, _)| s < range.end);
            let (line, after) = rest.split_at(n);
            rest = after;
            let next = self.analyze_words(text, line, lang, 0, position, &mut out);
            position = next.saturating_add(1);
        }
        out
    }

    /// Analyses a query: no language detection, each word gets the forms of both the French and
    /// the English chain. In a query of several words, a stop word of either language gives no
    /// word but keeps its position (see [`Analyzer::analyze_query_phrase`] for phrases that
    /// match their stop words); a word alone gets the forms of each language it is no stop word
    /// of ("but", "an", "ours" are French words too).
    pub fn analyze_query(&self, text: &str) -> Vec<QueryWord> {
        self.analyze_query_words(text, words(text).nth(1).is_none())
    }

    /// [`Analyzer::analyze_query`], saying whether `text` stands alone: when it does not (a
    /// word among others the query requires), a stop word of either language gives no word.
    pub fn analyze_query_words(&self, text: &str, alone: bool) -> Vec<QueryWord> {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        let alone = alone && words(text).nth(1).is_none();
        for (i, (_, surface)) in words(text).enumerate() {
            if surface.len() > MAX_SURFACE_LEN {
                continue;
            }
            let (normal, acronym) = scratch.normalize_word(surface);
            let forms = query_forms(normal, acronym, |lang| {
                if alone {
                    match lang {
                        Lang::Fr => &[Lang::Fr],
                        Lang::En => &[Lang::En],
                    }
                } else {
                    &[Lang::Fr, Lang::En]
                }
            });
            if forms.is_empty() {
                continue;
            }
            out.push(QueryWord {
                position: u32::try_from(i).unwrap_or(u32::MAX),
                surface: surface.to_owned(),
                forms,
            });
        }
        out
    }

    /// Analyses a quoted phrase: every word keeps its slot, with the forms of each language it
    /// is no stop word of ("but" is a French word) and, when it is a stop word of either
    /// language, the stop word it must be where the index has one (`de` matches "de", not
    /// "sans"). Words too long to index give no slot.
    pub fn analyze_query_phrase(&self, text: &str) -> Vec<QuerySlot> {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for (i, (_, surface)) in words(text).enumerate() {
            if surface.len() > MAX_SURFACE_LEN {
                continue;
            }
            let (normal, acronym) = scratch.normalize_word(surface);
            let normal = normal.to_owned();
            let normal = normal.as_str();
            let forms = query_forms(normal, acronym, |lang| match lang {
                Lang::Fr => &[Lang::Fr],
                Lang::En => &[Lang::En],
            });
            let is_stop = !acronym
                && content(normal, &[]).is_some()
                && content(normal, &[Lang::Fr, Lang::En]).is_none();
            let stop = is_stop.then(|| QueryStop {
                key: normal.to_owned(),
                exact: (elided_len(&scratch.lower) > 0).then(|| {
                    let mut exact = String::new();
                    normalize_apostrophes_into(&scratch.lower, &mut exact);
                    exact
                }),
            });
            if forms.is_empty() && stop.is_none() {
                continue;
            }
            out.push(QuerySlot {
                word: QueryWord {
                    position: u32::try_from(i).unwrap_or(u32::MAX),
                    surface: surface.to_owned(),
                    forms,
                },
                stop,
            });
        }
        out
    }
}

/// A surface word as reports show it: lowercase, elision removed, apostrophes normalised to '.
pub fn surface_norm(word: &str) -> String {
    let mut scratch = Scratch::default();
    scratch.normalize(word);
    scratch.word
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analyzer under test.
    const AN: Analyzer = Analyzer { _private: () };

    fn fr(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        AN.analyze(text, Lang::Fr, 0, 0, &mut out);
        out
    }

    fn en(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        AN.analyze(text, Lang::En, 0, 0, &mut out);
        out
    }

    fn mains(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.main.as_str()).collect()
    }

    fn positions(tokens: &[Token]) -> Vec<u32> {
        tokens.iter().map(|t| t.position).collect()
    }

    /// Whether each query word matches the doc token of the same rank.
    fn query_matches(query: &str, doc: &[Token]) -> bool {
        let words = AN.analyze_query(query);
        words.len() == doc.len()
            && words.iter().zip(doc).all(|(w, t)| {
                w.forms.iter().any(|(f, x, _)| match f {
                    Form::Main => *x == t.main,
                    Form::Alt => *x == t.alt(),
                })
            })
    }

    #[test]
    fn elision_with_both_apostrophes() {
        let text = "l’entreprise l'entreprise L’Entreprise";
        let tokens = fr(text);
        assert_eq!(mains(&tokens), ["entrepris"; 3]);
        assert_eq!(&text[tokens[0].start..tokens[0].end], "l’entreprise");
        assert_eq!(&text[tokens[2].start..tokens[2].end], "L’Entreprise");
        assert_eq!(positions(&tokens), [0, 1, 2]);
    }

    #[test]
    fn elision_of_que_and_jusque() {
        assert_eq!(mains(&fr("qu’Apple")), ["apple"]);
        assert_eq!(mains(&en("qu’Apple")), ["appl"]);
        let forms = &AN.analyze_query("qu’Apple")[0].forms;
        assert_eq!(forms[0], (Form::Main, "apple".into(), Some(Lang::Fr)));
        assert!(forms.contains(&(Form::Main, "appl".into(), Some(Lang::En))));
        // "à" is a stop word: "jusqu’à" keeps its position only.
        let tokens = fr("jusqu’à aujourd’hui");
        assert_eq!(positions(&tokens), [1]);
        assert_eq!(mains(&tokens), ["aujourd'hui"]);
    }

    #[test]
    fn lowercases() {
        assert_eq!(
            mains(&fr("MICROSOFT Microsoft microsoft")),
            ["microsoft"; 3]
        );
        assert_eq!(mains(&fr("ÉTATS")), mains(&fr("états")));
    }

    #[test]
    fn stop_words_leave_position_gaps() {
        let tokens = fr("Les données de la société sont stockées");
        assert_eq!(mains(&tokens), ["don", "societ", "stock"]);
        assert_eq!(positions(&tokens), [1, 4, 6]);
        let tokens = en("The privacy statement of the phone");
        assert_eq!(mains(&tokens), ["privaci", "statement", "phone"]);
        assert_eq!(positions(&tokens), [1, 2, 5]);
        let mut out = Vec::new();
        assert_eq!(AN.analyze("le la les", Lang::Fr, 0, 7, &mut out), 10);
        assert!(out.is_empty());
    }

    #[test]
    fn offsets_and_positions_are_shifted() {
        let mut out = Vec::new();
        let next = AN.analyze("la société", Lang::Fr, 100, 5, &mut out);
        assert_eq!(next, 7);
        assert_eq!((out[0].position, out[0].start, out[0].end), (6, 103, 112));
    }

    #[test]
    fn long_words_are_dropped_but_counted() {
        let long = "a".repeat(41);
        let text = format!("société {long} données");
        let tokens = fr(&text);
        assert_eq!(positions(&tokens), [0, 2]);
        assert_eq!(fr(&"é".repeat(20)).len(), 1);
        assert!(fr(&"é".repeat(21)).is_empty());
    }

    #[test]
    fn refuser_refuse_refus_share_main() {
        let tokens = fr("refuser refuse refus refusé refusés refusait");
        assert_eq!(mains(&tokens), ["refus"; 6]);
        // Snowball French leaves the "-ent" of the 3rd person plural.
        assert_eq!(mains(&fr("refusent")), ["refusent"]);
    }

    #[test]
    fn accent_insensitive_both_ways() {
        let pairs = [
            ("société", "societe"),
            ("États-Unis", "etats-unis"),
            ("données", "donnees"),
            ("électricité", "electricite"),
            ("réclamés", "reclames"),
            ("stockées", "stockees"),
        ];
        for (a, b) in pairs {
            for doc in [a, b] {
                let tokens = fr(doc);
                for query in [a, b] {
                    assert!(query_matches(query, &tokens), "query {query} vs doc {doc}");
                }
            }
        }
        assert!(!query_matches("société", &fr("électricité")));
    }

    #[test]
    fn english_chain() {
        let tokens = en("privacy statement's services Phone's");
        assert_eq!(mains(&tokens), ["privaci", "statement", "servic", "phone"]);
        let tokens = en("don’t you're it’s");
        assert!(tokens.is_empty());
    }

    #[test]
    fn document_lines_and_languages() {
        let text = "Microsoft collecte des données personnelles sur ses utilisateurs.\n\nAs you use your Windows Phone and related services, we will collect some information.";
        let (tokens, langs) = AN.analyze_document(text);
        // The empty line takes the majority (by letters): English here.
        assert_eq!(langs, [Lang::Fr, Lang::En, Lang::En]);
        assert_eq!(tokens, AN.analyze_with_langs(text, &langs));
        let first_en = tokens
            .iter()
            .find(|t| &text[t.start..t.end] == "use")
            .expect("use");
        // 8 French words (0..=7), gap, empty line (9), gap: "As" is 10, "you" 11, "use" 12.
        assert_eq!(first_en.position, 12);
        assert_eq!(first_en.main, "use");
        let services = tokens.iter().find(|t| &text[t.start..t.end] == "services");
        assert_eq!(services.map(|t| t.main.as_str()), Some("servic"));
    }

    #[test]
    fn query_words() {
        let words = AN.analyze_query("la société");
        assert_eq!(words.len(), 1);
        assert_eq!(words[0].position, 1);
        assert_eq!(words[0].surface, "société");
        assert_eq!(
            words[0].forms[..2],
            [
                (Form::Main, "societ".into(), Some(Lang::Fr)),
                (Form::Alt, "societ".into(), None)
            ]
        );

        let words = AN.analyze_query("électricité");
        let forms: Vec<(Form, &str)> = words[0]
            .forms
            .iter()
            .map(|(f, s, _)| (*f, s.as_str()))
            .collect();
        assert_eq!(
            forms[..2],
            [(Form::Main, "electr"), (Form::Alt, "electricit")]
        );

        // "the" is an English stop word, "à" a French one: both keep their slot.
        let words = AN.analyze_query("privacy of the phone à Paris");
        let positions: Vec<u32> = words.iter().map(|w| w.position).collect();
        assert_eq!(positions, [0, 3, 5]);
        assert!(AN.analyze_query("").is_empty());
        assert!(AN.analyze_query("le the").is_empty());
    }

    #[test]
    fn query_forms_are_deduplicated() {
        for w in AN.analyze_query("privacy données windows l'entreprise") {
            for (i, (f, s, _)) in w.forms.iter().enumerate() {
                assert!(
                    !w.forms[..i].iter().any(|(g, t, _)| g == f && t == s),
                    "{w:?}"
                );
            }
        }
        let words = AN.analyze_query("windows");
        assert_eq!(
            words[0].forms,
            [
                (Form::Main, "window".to_owned(), None),
                (Form::Alt, "window".to_owned(), None)
            ]
        );
    }

    #[test]
    fn a_word_alone_is_searched_in_the_languages_it_is_no_stop_word_of() {
        // English stop words that are French words, and the other way round.
        for (word, lang) in [
            ("ours", Lang::Fr),
            ("but", Lang::Fr),
            ("an", Lang::Fr),
            ("pour", Lang::En),
        ] {
            let words = AN.analyze_query(word);
            assert_eq!(words.len(), 1, "{word}");
            assert!(
                words[0].forms.iter().all(|(_, _, l)| *l == Some(lang)),
                "{word}: {:?}",
                words[0].forms
            );
        }
        // Stop words of both languages give nothing.
        for word in ["on", "a"] {
            assert!(AN.analyze_query(word).is_empty(), "{word}");
        }
        // In a phrase they keep their slot only.
        let words = AN.analyze_query("le but de Mbappé");
        assert_eq!(words.iter().map(|w| w.position).collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn dotted_acronyms_are_the_undotted_word() {
        let text = "The U.S.A. and the U.S., or the USA and the US";
        let tokens = en(text);
        let surfaces: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(surfaces, ["U.S.A", "U.S", "USA", "US"]);
        assert_eq!(mains(&tokens), ["usa", "us", "usa", "us"]);
        for (query, doc) in [
            ("USA", "U.S.A."),
            ("U.S.A.", "USA"),
            ("U.S.A", "U.S.A."),
            ("US", "U.S."),
            ("U.S.", "US"),
            ("usa", "U.S.A."),
        ] {
            assert!(query_matches(query, &en(doc)), "{query} / {doc}");
            assert!(query_matches(query, &fr(doc)), "{query} / {doc}");
        }
        // An acronym is no stop word: "U.N." is not the French "un".
        assert_eq!(mains(&fr("l'O.N.U. et les U.N.")), ["onu", "un"]);
        assert_eq!(AN.analyze_query("U.N. aide").len(), 2);
        assert!(fr("un").is_empty());
    }

    #[test]
    fn phrase_words_keep_their_stop_words() {
        let slots = AN.analyze_query_phrase("mandat de perquisition jusqu’à l'été");
        let stops: Vec<Option<(&str, Option<&str>)>> = slots
            .iter()
            .map(|s| {
                s.stop
                    .as_ref()
                    .map(|q| (q.key.as_str(), q.exact.as_deref()))
            })
            .collect();
        assert_eq!(
            stops,
            [
                None,
                Some(("de", None)),
                None,
                Some(("à", Some("jusqu'à"))),
                None
            ]
        );
        assert_eq!(
            slots.iter().map(|s| s.word.position).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
        // "but" is an English stop word and a French word.
        let but = &AN.analyze_query_phrase("le but")[1];
        assert!(but.stop.is_some());
        assert!(but.word.forms.iter().all(|(_, _, l)| *l == Some(Lang::Fr)));
        assert!(!but.word.forms.is_empty());
    }

    #[test]
    fn surface_forms() {
        assert_eq!(surface_norm("L’Entreprise"), "entreprise");
        assert_eq!(surface_norm("Aujourd’hui"), "aujourd'hui");
        assert_eq!(surface_norm("Qu'Apple"), "apple");
        assert_eq!(surface_norm(""), "");
    }

    #[test]
    fn tricky_inputs_do_not_panic() {
        let huge = "x".repeat(10_000);
        let huge_accented = "é".repeat(10_000);
        let tricky: Vec<String> = [
            "",
            "'",
            "’’’",
            "l’",
            "qu’",
            "l'",
            "’s",
            "'s'",
            "s's",
            "🎉",
            "👩‍👩‍👧 famille 🇫🇷",
            "e\u{301}\u{302}\u{303}",
            "\u{301}\u{301}",
            "a\u{0}b\u{1}c\u{7f}\u{9b}",
            "\t\r\n\r\n",
            "\u{200b}\u{feff}\u{202e}mot",
            "İstanbul ẞ Ǆ ﬁn",
            "東京 москва ελληνικά عربى",
            "l’\u{301}entreprise",
            "jusqu’",
            "1’000 3.14 2014",
            "\u{10ffff}\u{fffd}",
            "ʼʼʼ ´´´ ‘‘‘",
            "___ --- ...",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain([
            huge.clone(),
            huge_accented,
            format!("l’{huge}"),
            format!("{huge}’s"),
        ])
        .collect();
        for text in &tricky {
            for text in [text.clone(), format!("début {text} fin\n{text}")] {
                let (tokens, langs) = AN.analyze_document(&text);
                assert_eq!(langs.len(), text.split('\n').count());
                for t in &tokens {
                    assert!(t.start < t.end && t.end <= text.len(), "{text:?}");
                    assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                    assert!(!t.main.is_empty() && t.main.len() <= 3 * MAX_WORD_LEN);
                }
                assert_eq!(tokens, AN.analyze_with_langs(&text, &langs));
                for lang in [Lang::Fr, Lang::En] {
                    let mut out = Vec::new();
                    AN.analyze(&text, lang, 3, 0, &mut out);
                }
                for w in AN.analyze_query(&text) {
                    assert!(!w.forms.is_empty());
                }
                surface_norm(&text);
            }
        }
    }

    #[test]
    fn random_inputs_do_not_panic() {
        const PALETTE: &[char] = &[
            'a', 'e', 'l', 'q', 'u', 's', 'E', 'L', 'é', 'è', 'ç', 'œ', 'Œ', 'ß', 'İ', '\'', '’',
            'ʼ', '‘', '´', '-', ' ', '\n', '.', '1', '\u{301}', '\u{308}', '🎉', '東', 'я',
            '\u{0}', '\u{200d}', 'ﬁ', 'ǅ',
        ];
        for text in crate::analysis::random_texts(PALETTE, 3000, 40, 0x9E37_79B9_7F4A_7C15) {
            let (tokens, langs) = AN.analyze_document(&text);
            for t in &tokens {
                assert!(t.start < t.end && t.end <= text.len());
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            }
            assert_eq!(tokens, AN.analyze_with_langs(&text, &langs));
            AN.analyze_query(&text);
        }
    }
}
