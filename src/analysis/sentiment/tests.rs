//! Hand-written sentences for every negation, intensifier and signal rule, in both languages.

use super::*;
use crate::analysis::Lang;
use crate::analysis::sentiment::rules::NEGATIVE_CALIBRATION_FR as NEGATIVE_CALIBRATION;

fn fr(text: &str) -> Sentiment {
    builtin().score_lines(text, &[Lang::Fr], 0)
}

fn en(text: &str) -> Sentiment {
    builtin().score_lines(text, &[Lang::En], 0)
}

/// The keyword `word` of `s`.
fn kw<'a>(s: &'a Sentiment, word: &str) -> &'a Keyword {
    s.keywords
        .iter()
        .find(|k| k.word == word)
        .unwrap_or_else(|| panic!("no keyword {word} in {s:?}"))
}

fn assert_label(s: &Sentiment, label: Label, text: &str) {
    assert_eq!(s.label, label, "{text}: {s:?}");
}

fn positive(text: &str, s: Sentiment) {
    assert_label(&s, Label::Positive, text);
}

fn negative(text: &str, s: Sentiment) {
    assert_label(&s, Label::Negative, text);
}

#[test]
fn french_plain_polarity_and_inflections() {
    for t in [
        "J'aime ce gouvernement",
        "Une bonne nouvelle",
        "De bons résultats",
    ] {
        positive(t, fr(t));
    }
    for t in ["Une réforme catastrophique", "Des mesures scandaleuses"] {
        negative(t, fr(t));
    }
    let t = "Le gouvernement publie le rapport";
    let s = fr(t);
    assert_label(&s, Label::Neutral, t);
    assert_eq!(s.score, 0.0);
}

#[test]
fn french_ne_pas_around_the_verb() {
    let t = "Je n'aime pas ce gouvernement";
    let s = fr(t);
    negative(t, s.clone());
    assert!(kw(&s, "aime").negated);
    assert!(kw(&s, "aime").weight < 0.0);
    for t in [
        "Je ne l'aime pas",
        "Ce n'est pas une bonne nouvelle",
        "Je n'ai pas aimé ce film",
    ] {
        negative(t, fr(t));
    }
}

#[test]
fn french_ne_with_every_particle() {
    for t in [
        "Je n'ai jamais aimé ce journal",
        "Il n'est plus content",
        "Ce film n'a rien de bon",
        "Ce n'est guère brillant",
        "Il n'y a aucun progrès",
        "Je n'y vois aucune amélioration",
        "Personne n'aime cette loi",
        "Je ne vois personne de compétent",
        "Rien n'est bon dans ce texte",
    ] {
        negative(t, fr(t));
    }
}

#[test]
fn french_ne_que_is_not_a_negation() {
    let t = "Ce ministre ne parle que de succès";
    positive(t, fr(t));
}

#[test]
fn french_informal_pas_without_ne() {
    for t in [
        "c'est pas vraiment une bonne nouvelle",
        "c'est pas bon",
        "J'aime pas ce gouvernement",
        "Franchement, j'aime pas",
        "jamais content de rien",
    ] {
        negative(t, fr(t));
    }
    let t = "c'est pas vraiment une bonne nouvelle";
    let s = fr(t);
    assert!(kw(&s, "bonne").negated);
    // "pas mal": a negated negative word reads positive.
    positive("pas mal du tout", fr("pas mal du tout"));
}

#[test]
fn french_sans_and_ni() {
    for t in [
        "Un débat sans intérêt",
        "Un projet sans avenir ni espoir",
        "Ni juste ni efficace",
    ] {
        negative(t, fr(t));
    }
    let s = fr("Un débat sans intérêt");
    assert!(kw(&s, "intérêt").negated);
}

#[test]
fn french_negation_scope_ends() {
    // At punctuation.
    let t = "Je n'ai pas dormi, c'est un excellent livre";
    positive(t, fr(t));
    let t = "Pas de doute : c'est excellent";
    positive(t, fr(t));
    // After three content words.
    let t = "Ce n'est pas la loi que le ministre avait promise, elle est excellente";
    positive(t, fr(t));
    // "mais" weighs what follows more.
    let t = "Le début est bon mais la fin est nulle";
    negative(t, fr(t));
    let t = "La fin est nulle mais le début est excellent";
    positive(t, fr(t));
}

#[test]
fn french_intensifiers() {
    let base = fr("C'est bon").score;
    for t in [
        "C'est très bon",
        "C'est vraiment bon",
        "C'est trop bon",
        "C'est tellement bon",
    ] {
        let s = fr(t);
        assert!(s.score > base, "{t}: {} vs {base}", s.score);
        assert!(kw(&s, "bon").intensified, "{t}");
    }
    let base = fr("C'est décevant").score;
    let s = fr("C'est très décevant");
    assert!(s.score < base);
}

#[test]
fn french_attenuators() {
    let base = fr("C'est décevant").score;
    for t in ["C'est un peu décevant", "C'est assez décevant"] {
        let s = fr(t);
        assert!(
            s.score < 0.0 && s.score > base,
            "{t}: {} vs {base}",
            s.score
        );
    }
    let s = fr("C'est assez bon");
    assert!(s.score > 0.0 && s.score < fr("C'est bon").score);
    // "peu" alone reverses: "peu convaincant" is not convincing.
    let t = "Un argument peu convaincant";
    let s = fr(t);
    negative(t, s.clone());
    assert!(kw(&s, "convaincant").negated);
    // "pas très bon" is negative, less so than "pas bon".
    let (pas_tres, pas) = (
        fr("Ce n'est pas très bon").score,
        fr("Ce n'est pas bon").score,
    );
    assert!(pas_tres < 0.0 && pas_tres > pas, "{pas_tres} {pas}");
}

#[test]
fn english_negations() {
    for t in [
        "I do not like this government",
        "This is not good",
        "I don't like it",
        "This isn't a good idea",
        "It was never good",
        "No good came of it",
        "A plan without merit",
    ] {
        negative(t, en(t));
    }
    let t = "It is never boring";
    positive(t, en(t));
    let s = en("This is not good");
    assert!(kw(&s, "good").negated);
    let t = "This is not bad, it is excellent";
    positive(t, en(t));
}

#[test]
fn english_intensifiers_and_attenuators() {
    let good = en("It is good").score;
    for t in [
        "It is very good",
        "It is really good",
        "It is extremely good",
    ] {
        let s = en(t);
        assert!(s.score > good, "{t}");
        assert!(kw(&s, "good").intensified);
    }
    let bad = en("It is disappointing").score;
    let s = en("It is a bit disappointing");
    assert!(s.score < 0.0 && s.score > bad);
    let s = en("It is slightly disappointing");
    assert!(s.score < 0.0 && s.score > bad);
    let t = "It is hardly convincing";
    negative(t, en(t));
    let (not_very, not) = (en("It is not very good").score, en("It is not good").score);
    assert!(not_very < 0.0 && not_very > not);
    let t = "The start is good but the ending is terrible";
    negative(t, en(t));
}

#[test]
fn emoticons_emphasis_and_approval() {
    positive(":)", fr(":)"));
    positive("Bof :-D", fr("Bof :-D"));
    negative(":(", fr(":("));
    negative("Encore raté :'(", fr("Encore raté :'("));
    // Smiley images removed by the parser.
    let s = builtin().score_lines("Voilà", &[Lang::Fr], 2);
    assert_eq!(s.label, Label::Positive);
    assert_eq!(s.keywords[0].word, "smiley");
    // "!" strengthens the dominant side.
    assert!(fr("C'est bien !!!").score > fr("C'est bien").score);
    assert!(fr("C'est nul !!!").score < fr("C'est nul").score);
    assert_eq!(fr("Voilà !!!").score, 0.0);
    let s = fr("+1");
    assert_eq!(s.label, Label::Positive);
    assert_eq!(s.keywords[0].word, "+1");
}

#[test]
fn mixed_and_keywords() {
    let t = "Un excellent film. Une fin catastrophique.";
    assert_label(&fr(t), Label::Mixed, t);
    let s = fr("Très bon article, très bon travail");
    assert_eq!(kw(&s, "bon").count, 2);
    for k in s.keywords.windows(2) {
        assert!(k[0].weight.abs() >= k[1].weight.abs());
    }
}

#[test]
fn lines_in_their_language() {
    let text = "Très bon article, je suis tout à fait d'accord avec vous sur la question du vote.\nThis is not good at all.";
    let s = builtin().score(text);
    assert!(kw(&s, "good").negated);
    assert!(!kw(&s, "bon").negated);
}

#[test]
fn user_entries() {
    let mut scorer = Scorer::default();
    assert_eq!(scorer.score_lines("Le brexit", &[Lang::Fr], 0).score, 0.0);
    scorer.add_entries("brexit\t-3\n").expect("parses");
    let s = scorer.score_lines("Le brexit", &[Lang::Fr], 0);
    assert_eq!(s.label, Label::Negative);
    assert_eq!(
        scorer.score_lines("Brexit", &[Lang::En], 0).label,
        Label::Negative
    );
}

#[test]
fn scorers_with_different_entries_alternate_on_one_thread() {
    let plain = Scorer::default();
    let mut custom = plain.clone();
    custom.add_entries("brexit\t-3\nbon\t0\n").expect("parses");
    for _ in 0..2 {
        assert_eq!(plain.score_lines("Le brexit", &[Lang::Fr], 0).score, 0.0);
        assert_eq!(
            custom.score_lines("Le brexit", &[Lang::Fr], 0).label,
            Label::Negative
        );
        assert_eq!(
            plain.score_lines("Très bon", &[Lang::Fr], 0).label,
            Label::Positive
        );
        assert_eq!(custom.score_lines("Très bon", &[Lang::Fr], 0).score, 0.0);
    }
}

#[test]
fn score_is_bounded() {
    let long = "excellent ".repeat(5000);
    let s = fr(&long);
    assert!(s.score <= 1.0 && s.score > 0.9);
    let s = fr(&"nul ! ".repeat(5000));
    assert!(s.score >= -1.0 && s.score < -0.9);
}

#[test]
fn short_undecided_lines_fall_back_to_the_other_language() {
    // Too short for language detection, given French: read in English when French finds
    // nothing.
    let s = fr("Great article, thank you!");
    assert_label(&s, Label::Positive, "Great article, thank you!");
    assert!(kw(&s, "great").weight > 0.0);
    let s = en("Article nul, quelle honte");
    assert_label(&s, Label::Negative, "Article nul, quelle honte");
    // A line its own language can tell is not read again.
    assert_eq!(
        fr("Le texte sera examiné mardi par les députés.").score,
        0.0
    );
    // Nor one that already has an opinion word in its language.
    let s = fr("Excellent article, thank you");
    assert!(s.keywords.iter().all(|k| k.word != "thank"), "{s:?}");
}

#[test]
fn keyword_terms_round_trip() {
    let k = Keyword {
        word: "aime".into(),
        weight: -1.8,
        negated: true,
        intensified: false,
        count: 1,
    };
    assert_eq!(keyword_term(&k), "-~aime");
    assert_eq!(parse_keyword_term("-~aime"), Some((false, true, "aime")));
    assert_eq!(parse_keyword_term("++1"), Some((true, false, "+1")));
    assert_eq!(parse_keyword_term("bon"), None);
    assert_eq!(parse_keyword_term("+"), None);
    for l in Label::ALL {
        assert_eq!(Label::parse(l.as_str()), Some(l));
    }
}

#[test]
fn excess_trop_and_too() {
    // Before an opinion word, an intensifier.
    let s = fr("C'est trop bien");
    positive("C'est trop bien", s.clone());
    assert!(kw(&s, "bien").intensified);
    let s = fr("Le livre est trop long");
    assert!(kw(&s, "long").intensified && kw(&s, "long").weight < 0.0);
    // Before anything else, a complaint of excess.
    for t in ["Il y a trop de descriptions", "Un roman trop technique"] {
        let s = fr(t);
        negative(t, s.clone());
        assert!(kw(&s, "trop").weight < 0.0, "{t}: {s:?}");
    }
    let t = "There are too many characters";
    let s = en(t);
    negative(t, s.clone());
    assert!(kw(&s, "too").weight < 0.0);
    // Negated: "pas trop de …" is no complaint.
    assert!(fr("Il n'y a pas trop de descriptions").score >= 0.0);
}

#[test]
fn expectation_then_comparative_is_a_disappointment() {
    for t in [
        "Je m'attendais à mieux.",
        "J'espérais beaucoup plus de ce roman.",
    ] {
        let s = fr(t);
        negative(t, s);
    }
    let t = "I expected more from this director.";
    negative(t, en(t));
    // Without the expectation, "mieux" is no complaint.
    assert!(fr("C'est mieux ainsi").score >= 0.0);
}

#[test]
fn conditionals_turn_praise_into_regret() {
    let t = "Cela aurait pu être un bon livre";
    let s = fr(t);
    negative(t, s.clone());
    assert!(kw(&s, "bon").negated && kw(&s, "bon").weight < 0.0);
    let t = "It should have been funny";
    negative(t, en(t));
    // The conditional reaches the end of its clause only.
    let t = "Il aurait fallu couper, mais c'est un bon livre";
    positive(t, fr(t));
    // Negative words after a conditional keep their sign.
    assert!(fr("Ce serait une catastrophe").score < 0.0);
}

#[test]
fn praise_in_a_question_counts_less() {
    let asked = fr("Comment se passionner pour ce texte ?").score;
    let said = fr("On se passionne pour ce texte.").score;
    assert!(asked < said, "{asked} {said}");
    // A question at the end of the line too, and only positive words.
    let s = fr("Un beau livre. Pourquoi tant de haine ?");
    assert!(kw(&s, "beau").weight > kw(&fr("Un beau livre."), "beau").weight * 0.9);
    assert!(fr("Est-ce bon ?").score < fr("C'est bon.").score);
}

#[test]
fn contrast_stays_in_its_sentence() {
    // "mais" weighs the two sides of its own sentence, not the sentences before.
    let s = fr("Un excellent livre. Le début est lent mais la suite est bonne.");
    let alone = fr("Un excellent livre.");
    assert_eq!(kw(&s, "excellent").weight, kw(&alone, "excellent").weight);
    assert!(kw(&s, "lent").weight.abs() < kw(&fr("Le début est lent."), "lent").weight.abs());
    let t = "Bien écrit, mais ennuyeux";
    negative(t, fr(t));
}

#[test]
fn negated_negative_words_are_faint_praise() {
    let nul = fr("C'est nul").score;
    let pas_nul = fr("C'est pas nul").score;
    assert!(pas_nul > 0.0 && pas_nul < -nul, "{nul} {pas_nul}");
    // Half the word's weight, not the 0.74 of a negated positive word.
    let nul_weight = kw(&fr("C'est nul"), "nul").weight;
    let pas_nul_weight = kw(&fr("C'est pas nul"), "nul").weight;
    assert!(pas_nul_weight <= -0.5 * nul_weight / NEGATIVE_CALIBRATION + 1e-3);
    let bad = en("It is bad").score;
    let not_bad = en("It is not bad").score;
    assert!(not_bad > 0.0 && not_bad < -bad);
}

#[test]
fn french_negative_words_weigh_more_than_english_ones() {
    // The French lexicon leans positive; its negative side is calibrated up.
    let fr_bad = fr("C'est mauvais");
    let en_bad = en("It is bad");
    assert!(kw(&fr_bad, "mauvais").weight < -2.5 * 1.3, "{fr_bad:?}");
    assert!(kw(&en_bad, "bad").weight > -2.6, "{en_bad:?}");
}

#[test]
fn lexicon_words_for_news_are_no_opinion() {
    for t in [
        "La justice américaine a rendu sa décision",
        "Le juge a demandé les données",
        "Il s'agit de la première fois",
    ] {
        let s = fr(t);
        assert_eq!(s.score, 0.0, "{t}: {s:?}");
    }
    for t in ["Un roman prévisible et bâclé", "Une lecture soporifique"] {
        negative(t, fr(t));
    }
    for t in ["Un roman captivant", "Un récit bouleversant"] {
        positive(t, fr(t));
    }
}

#[test]
fn given_words_score_as_the_text_cut_by_the_scorer() {
    let scorer = builtin();
    for t in [
        "Excellent article !\nThis is really bad news for Microsoft :(",
        "Je n'aime pas du tout 😡 ce 東京 projet.\n\nBravo quand même",
        "",
        "\n\nTrès bien",
    ] {
        let langs: Vec<Lang> = crate::analysis::detect_passages(t)
            .iter()
            .map(|(_, l)| *l)
            .collect();
        let mut words = Vec::new();
        crate::analysis::Segmenter::default().words(t, &mut words);
        assert_eq!(
            format!("{:?}", scorer.score_words(t, Some(&words), &langs, None, 1)),
            format!("{:?}", scorer.score_lines(t, &langs, 1)),
            "{t:?}"
        );
    }
}

#[test]
fn stacked_intensifiers_count_twice_at_most() {
    let once = kw(&fr("Très bien."), "bien").weight;
    let twice = kw(&fr("Vraiment très bien."), "bien").weight;
    assert!(twice > once);
    // A run of intensifiers weighs what two do: scores stay finite however long it is.
    let run = fr(&format!("{}bien.", "très ".repeat(300)));
    assert_eq!(kw(&run, "bien").weight, twice);
    assert!(run.score.is_finite());
    let run = en(&format!("{}good.", "very ".repeat(300)));
    assert!(run.score.is_finite() && kw(&run, "good").weight.is_finite());
}

#[test]
fn a_short_line_is_read_in_the_other_language_but_not_its_own_stop_words() {
    // "ici" has the stem of the English "icy"; it is a French word here.
    for t in ["Pareil ici.", "Idem ici", "Vu ici"] {
        let s = fr(t);
        assert_ne!(s.label, Label::Negative, "{t}: {s:?}");
        assert!(s.keywords.iter().all(|k| k.word != "ici"), "{t}: {s:?}");
    }
    // A line in English given as French is still read in English.
    assert_eq!(fr("Great article!").label, Label::Positive);
}

#[test]
fn french_negated_idioms_are_mediocre_not_good() {
    for t in [
        "Le film est pas terrible.",
        "Ce n'est pas terrible.",
        "C'est pas génial.",
        "Pas top, ce débat.",
        "Le résultat n'est pas fameux.",
        "Pas folichon, ce programme.",
        "Pas genial du tout",
    ] {
        let s = fr(t);
        negative(t, s.clone());
        let k = &s.keywords[0];
        assert!(k.negated && k.weight < 0.0, "{t}: {s:?}");
    }
    // The words alone keep their own sense; a negation further away is an ordinary one.
    negative("Un film terrible", fr("Un film terrible"));
    positive("Un film génial", fr("Un film génial"));
    assert_eq!(fr("Le fameux rapport").score, 0.0);
    assert!(fr("pas vraiment terrible").score > 0.0);
    // English: "not great" stays mildly negative, "not bad" mildly positive.
    let not_great = en("The film was not great.");
    negative("not great", not_great.clone());
    assert!(not_great.score > en("The film was awful.").score);
    let not_bad = en("The food was not bad.");
    positive("not bad", not_bad.clone());
    assert!(not_bad.score < en("The food was good.").score);
}

#[test]
fn intensifiers_that_are_opinion_words_count_on_their_own() {
    // "super" alone is approval, in both languages.
    for t in [
        "C'est super",
        "Super article",
        "Super !",
        "Vraiment super, ce reportage.",
    ] {
        let s = fr(t);
        positive(t, s.clone());
        assert!(kw(&s, "super").weight > 0.0, "{t}: {s:?}");
    }
    for t in ["That's super", "Super article!"] {
        let s = en(t);
        positive(t, s.clone());
        assert!(kw(&s, "super").weight > 0.0, "{t}: {s:?}");
    }
    // An intensifier before it strengthens it.
    assert!(kw(&fr("Vraiment super."), "super").intensified);
    // Negated, it is no praise.
    let t = "C'est pas super";
    let s = fr(t);
    negative(t, s.clone());
    assert!(kw(&s, "super").negated);
}

#[test]
fn an_intensifier_that_is_an_opinion_word_is_not_counted_twice() {
    // Before an opinion word, "super" intensifies it as "très" does, and is no keyword.
    for (t, like, word) in [
        ("C'est super bien", "C'est très bien", "bien"),
        ("Je suis super content.", "Je suis très content.", "content"),
        (
            "Ce n'est pas super clair",
            "Ce n'est pas très clair",
            "clair",
        ),
        (
            "Vraiment super intéressant",
            "Vraiment très intéressant",
            "intéressant",
        ),
    ] {
        let (s, l) = (fr(t), fr(like));
        assert!(s.keywords.iter().all(|k| k.word != "super"), "{t}: {s:?}");
        assert!(kw(&s, word).intensified, "{t}: {s:?}");
        assert_eq!(s.score, l.score, "{t}: {s:?} vs {l:?}");
    }
    let s = en("The food was super good.");
    assert!(s.keywords.iter().all(|k| k.word != "super"), "{s:?}");
    assert_eq!(s.score, en("The food was very good.").score);
    // Before a word that is no opinion word, it is the opinion and boosts nothing further.
    let s = fr("Super article bien documenté");
    assert!(kw(&s, "super").weight > 0.0);
    assert!(!kw(&s, "bien").intensified, "{s:?}");
}

#[test]
fn user_entries_reach_intensifiers() {
    let mut scorer = Scorer::default();
    scorer
        .add_entries("super\t3\nvraiment\t1\tfr\n")
        .expect("parses");
    let s = scorer.score_lines("C'est super", &[Lang::Fr], 0);
    assert_eq!(kw(&s, "super").weight, 3.0, "{s:?}");
    // A word that was only an intensifier is an opinion word of its own once listed ...
    let s = scorer.score_lines("Vraiment !", &[Lang::Fr], 0);
    assert_eq!(kw(&s, "vraiment").weight, 1.0, "{s:?}");
    // ... and still an intensifier before an opinion word.
    let s = scorer.score_lines("Vraiment bon", &[Lang::Fr], 0);
    assert!(s.keywords.iter().all(|k| k.word != "vraiment"), "{s:?}");
    assert!(kw(&s, "bon").intensified);
    // Removed, "super" is an intensifier only.
    scorer.add_entries("super\t0\n").expect("parses");
    assert_eq!(scorer.score_lines("C'est super", &[Lang::Fr], 0).score, 0.0);
    assert!(
        scorer
            .score_lines("That's super", &[Lang::En], 0)
            .keywords
            .is_empty()
    );
    let s = scorer.score_lines("C'est super bon", &[Lang::Fr], 0);
    assert!(kw(&s, "bon").intensified);
}

#[test]
fn a_text_is_not_labelled_against_all_its_keywords() {
    // A faint positive balance is below the positive threshold, but with no negative
    // contribution it is neutral, not negative.
    for s in [fr("Et la sûreté ?"), en("And the security?")] {
        assert!(s.score > 0.0, "{s:?}");
        assert!(s.keywords.iter().all(|k| k.weight > 0.0), "{s:?}");
        assert_eq!(s.label, Label::Neutral, "{s:?}");
    }
    // Nor is a text with no positive contribution positive, whatever the threshold.
    let scorer = Scorer::default().with_center(-0.5);
    let s = scorer.score_lines("C'est un peu lent", &[Lang::Fr], 0);
    assert!(s.score < 0.0 && s.score > -0.4, "{s:?}");
    assert_eq!(s.label, Label::Neutral, "{s:?}");
    // A clear balance keeps its label.
    positive("Un bon article", fr("Un bon article"));
    negative("Un mauvais article", fr("Un mauvais article"));
}

#[test]
fn news_subject_matter_from_translation_artefacts_is_no_opinion() {
    // Scored by the generated lists through a translation or a shared stem ("plan" / "planer",
    // "presse" / "pressé", "gens", "tu" / "tué", "connais" / "con").
    for t in [
        "Le gouvernement a un plan B",
        "La presse internationale en parle",
        "Les gens de gauche et de droite",
        "Tu connais la mesure prise par l'équipe ?",
        "Une organisation du secteur privé",
    ] {
        let s = fr(t);
        assert_eq!(s.score, 0.0, "{t}: {s:?}");
        assert_label(&s, Label::Neutral, t);
    }
    // Opinion words sharing those stems keep their scores.
    negative("Quel con", fr("Quel con"));
    negative("Il a été tué", fr("Il a été tué"));
    // Adverbs scored as their adjective stay intensifiers only.
    for t in [
        "Un texte incroyablement dense",
        "Le ministre parle terriblement vite devant les députés",
        "Franchement, je passe",
    ] {
        assert_eq!(fr(t).score, 0.0, "{t}: {:?}", fr(t));
    }
    assert!(kw(&fr("Incroyablement drôle"), "drôle").intensified);
    assert_eq!(en("An incredibly dense film").score, 0.0);
    // "absolument", which the lexicon lists as a word, counts alone.
    assert!(fr("Absolument !").score > 0.0);
}
