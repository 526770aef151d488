//! Rules of entity detection on hand-written sentences, with small lists (the shipped lists are
//! checked by the end-to-end evaluation in `tests/entities_eval.rs`).

use super::*;

/// A recognizer with a few entries of each list.
fn small() -> Recognizer {
    Recognizer::new(Gazetteer::new(&small_sources()))
}

/// The lists of [`small`].
fn small_sources() -> Sources<'static> {
    Sources {
        locations: "United States|États-Unis|Etats-Unis|USA|US|U.S.\tcountry\n\
                    Ireland|Irlande\tcountry\n\
                    United Kingdom|Royaume-Uni|UK\tcountry\n\
                    Paris\tcity\nManhattan\tcity\n",
        organizations: "Microsoft|Microsoft Corporation\tcompany\n\
                        National Security Agency|NSA\tagency\n\
                        Google\tcompany\nYahoo|Yahoo!\tcompany\n",
        misc: "General Data Protection Regulation|RGPD|GDPR\tlaw\n",
        demonyms: "United States\tAméricain|Américains|américain|American|Americans\n",
        given_names: "Loretta\nBrad\nEdward\nCharles\nUrsula\nJean\nMarie\n",
        person_cues: "M.\nMr\nMme\njuge\navocat\nPDG\nJudge\nle ministre\n",
        org_cues: "la société\nla firme\n",
        loc_cues: "ville de\n",
        not_entities: "Depuis\nMerci\nTiens\nSinon\nJustice\nDroit\nCommentaires\nPDG\nTV\n",
        heads: include_str!("rules/heads.tsv"),
        lower_heads: include_str!("rules/lower-heads.tsv"),
        misc_cues: include_str!("rules/misc-cues.txt"),
        misc_after: include_str!("rules/misc-after.txt"),
        common_words: "abord\narticle\nbacker\nbon\nchez\nfranchement\nhier\nlithium\nmeanwhile\n\
                       rien\nselon\nthank\ntres\nyesterday\n",
        platforms: include_str!("rules/platforms.txt"),
    }
}

/// (text, type, name) of each mention of `text` (one document).
fn found(r: &Recognizer, text: &str) -> Vec<(String, &'static str, String)> {
    r.detect(text)
        .into_iter()
        .filter(|m| !m.weak)
        .map(|m| (m.text, m.kind.as_str(), m.name.to_string()))
        .collect()
}

/// The mention texts of `text`.
/// (text, name) of the mentions in `doc` not waiting for the corpus to confirm them.
fn strong_names(doc: &[Mention]) -> Vec<(&str, &str)> {
    doc.iter()
        .filter(|m| !m.weak)
        .map(|m| (m.text.as_str(), &*m.name))
        .collect()
}

fn texts(r: &Recognizer, text: &str) -> Vec<String> {
    found(r, text).into_iter().map(|m| m.0).collect()
}

#[test]
fn later_short_forms_join_the_full_name() {
    let r = small();
    let m = found(
        &r,
        "La juge Loretta Preska a rejeté la demande. Selon Preska, Brad Smith a tort ; Smith fera appel.",
    );
    assert_eq!(
        m,
        [
            ("Loretta Preska".into(), "person", "Loretta Preska".into()),
            ("Preska".into(), "person", "Loretta Preska".into()),
            ("Brad Smith".into(), "person", "Brad Smith".into()),
            ("Smith".into(), "person", "Brad Smith".into()),
        ]
    );
}

#[test]
fn sentence_starts_and_common_nouns_are_not_entities() {
    let r = small();
    assert!(
        texts(
            &r,
            "Depuis hier, rien. Merci pour l'article. Tiens donc. Sinon, bof."
        )
        .is_empty()
    );
    assert!(
        texts(
            &r,
            "Il faut laisser la Justice faire son travail et respecter le Droit."
        )
        .is_empty()
    );
    assert!(texts(&r, "Commentaires\nLe PDG a parlé à la TV hier.").is_empty());
    assert!(texts(&r, "Les Américains ont voté.").is_empty());
    // A sentence start is a name when the page writes it capitalised elsewhere.
    assert_eq!(
        texts(
            &r,
            "Snowden a parlé. Le lanceur d'alerte Snowden vit en Russie."
        ),
        ["Snowden", "Snowden", "Russie"]
    );
}

#[test]
fn sentence_start_words_before_names_are_dropped() {
    let r = small();
    assert_eq!(texts(&r, "Depuis Microsoft refuse."), ["Microsoft"]);
    assert_eq!(
        texts(&r, "Hier Brad Smith a parlé, hier encore."),
        ["Brad Smith"]
    );
}

#[test]
fn particles_inside_names() {
    let r = small();
    assert_eq!(
        texts(
            &r,
            "Hier, Charles de Gaulle et Ursula von der Leyen ont parlé à la Banque de France."
        ),
        [
            "Charles de Gaulle",
            "Ursula von der Leyen",
            "Banque de France"
        ]
    );
    let m = found(&r, "Le patron de Microsoft a parlé.");
    assert_eq!(m[0].0, "Microsoft", "no particle join after a listed name");
}

#[test]
fn cues_type_names() {
    let r = small();
    let m = found(
        &r,
        "On a vu M. Durand, la société Fabrikam et la ville de Trifouilly hier.",
    );
    assert_eq!(
        m.iter().map(|m| (m.0.as_str(), m.1)).collect::<Vec<_>>(),
        [
            ("Durand", "person"),
            ("Fabrikam", "organization"),
            ("Trifouilly", "location")
        ]
    );
}

#[test]
fn acronyms_and_expansions() {
    let r = small();
    let m = found(
        &r,
        "La National Security Agency surveille. La NSA dément. L'Autorité de Régulation des \
         Télécoms (ARDT) enquête ; l'ARDT rendra son avis. Chez AT&T et TF1, rien.",
    );
    let names: Vec<(&str, &str)> = m.iter().map(|m| (m.0.as_str(), m.2.as_str())).collect();
    assert!(
        names.contains(&("NSA", "National Security Agency")),
        "{names:?}"
    );
    assert!(
        names.contains(&("ARDT", "Autorité de Régulation des Télécoms")),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.0 == "AT&T"), "{names:?}");
    assert!(names.iter().any(|n| n.0 == "TF1"), "{names:?}");
    assert!(m.iter().all(|m| m.1 == "organization"), "{m:?}");
}

#[test]
fn informal_forms_join_the_dominant_entity() {
    let r = small();
    let page = [
        "Microsoft refuse de livrer les e-mails. Microsoft fait appel contre le gouvernement.",
        "MS a raison, Microsoft protège ses clients.",
        "Franchement ms ou pas, microsoft fait du marketing.",
    ];
    let docs = r.detect_page(&page);
    let c1: Vec<(&str, &str)> = docs[1]
        .iter()
        .map(|m| (m.text.as_str(), &*m.name))
        .collect();
    assert_eq!(c1, [("MS", "Microsoft"), ("Microsoft", "Microsoft")]);
    let c2: Vec<&str> = docs[2]
        .iter()
        .filter(|m| !m.weak)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(c2, ["microsoft"]);
}

#[test]
fn languages_join_through_the_lists() {
    let r = small();
    let docs = r.detect_page(&[
        "Les données sont en Irlande, hors des États-Unis.",
        "The data is in Ireland, outside the US and the UK.",
        "Le Royaume-Uni et les USA.",
    ]);
    let keys: Vec<(&str, &str)> = docs
        .iter()
        .flatten()
        .map(|m| (m.text.as_str(), &*m.key))
        .collect();
    assert_eq!(
        keys,
        [
            ("Irlande", "Ireland"),
            ("États-Unis", "United States"),
            ("Ireland", "Ireland"),
            ("US", "United States"),
            ("UK", "United Kingdom"),
            ("Royaume-Uni", "United Kingdom"),
            ("USA", "United States"),
        ]
    );
    // One canonical name per entity in the page: the fullest frequent form.
    assert!(
        docs.iter()
            .flatten()
            .filter(|m| &*m.key == "United States")
            .all(|m| &*m.name == "États-Unis")
    );
}

#[test]
fn headlines_in_title_case_prove_nothing() {
    let r = small();
    assert_eq!(
        texts(
            &r,
            "Microsoft Fights Government Demands For Offshore Emails\nMicrosoft refuse."
        ),
        ["Microsoft", "Microsoft"]
    );
}

#[test]
fn english_names() {
    let r = small();
    let m = found(
        &r,
        "Judge Preska sided with the government. Microsoft's lawyer, Brad Smith, disagreed; \
         Mr O'Connor of Contoso Corp said nothing.",
    );
    let v: Vec<(&str, &str)> = m.iter().map(|m| (m.0.as_str(), m.1)).collect();
    assert_eq!(
        v,
        [
            ("Preska", "person"),
            ("Microsoft", "organization"),
            ("Brad Smith", "person"),
            ("O'Connor", "person"),
            ("Contoso Corp", "organization"),
        ]
    );
}

#[test]
fn misc_names() {
    let r = small();
    let m = found(
        &r,
        "Le RGPD s'applique, comme la Loi Informatique et le GDPR.",
    );
    let d = r.detect("Le RGPD s'applique, comme le GDPR.");
    assert_eq!(&*d[0].key, "General Data Protection Regulation");
    assert_eq!(d[1].key, d[0].key);
    assert_eq!(m[0].1, "misc");
    assert!(
        m.iter().any(|x| x.0 == "Loi Informatique" && x.1 == "misc"),
        "{m:?}"
    );
}

#[test]
fn canonical_is_the_fullest_frequent_form() {
    assert_eq!(
        canonical_name([("Preska", 20), ("Loretta Preska", 3)]).as_deref(),
        Some("Loretta Preska")
    );
    assert_eq!(
        canonical_name([
            ("États-Unis", 500),
            ("US", 80),
            ("USA", 50),
            ("United States of America", 2)
        ])
        .as_deref(),
        Some("États-Unis")
    );
    assert_eq!(
        canonical_name([("microsoft", 2), ("Microsoft", 2)]).as_deref(),
        Some("Microsoft")
    );
}

#[test]
fn types_round_trip() {
    for t in EntityType::ALL {
        assert_eq!(EntityType::from_letter(t.letter()), Some(t));
        assert_eq!(EntityType::parse(t.as_str()), Some(t));
    }
}

/// (text, type) of each mention of `text`.
fn typed(r: &Recognizer, text: &str) -> Vec<(String, &'static str)> {
    found(r, text).into_iter().map(|m| (m.0, m.1)).collect()
}

#[test]
fn heads_with_adjectives_and_common_nouns_type_names() {
    let r = small();
    assert_eq!(
        typed(&r, "Hier, la Confédération paysanne a manifesté."),
        [("Confédération paysanne".into(), "organization")]
    );
    assert_eq!(
        typed(
            &r,
            "Hier, la Fédération régionale des apiculteurs a protesté."
        ),
        [(
            "Fédération régionale des apiculteurs".into(),
            "organization"
        )]
    );
    assert_eq!(
        typed(
            &r,
            "Il exposera au Salon international du chocolat en mars."
        ),
        [("Salon international du chocolat".into(), "misc")]
    );
}

#[test]
fn english_organisation_names_with_and_and_of() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "Yesterday the Fisheries and Oceans Authority closed the bay."
        ),
        [("Fisheries and Oceans Authority".into(), "organization")]
    );
    assert_eq!(
        texts(
            &r,
            "The firm listed its shares on the Grain Exchange of Ontario last spring."
        ),
        ["Grain Exchange of Ontario"]
    );
    // Two companies joined by "and" stay two names.
    assert_eq!(
        texts(
            &r,
            "The fund said Halvorsen Partners and Quillon Ventures invested."
        ),
        ["Halvorsen Partners", "Quillon Ventures"]
    );
    // A listed name after an article and a word that is no name on its own.
    assert_eq!(
        typed(&r, "The National Security Agency refused."),
        [("National Security Agency".into(), "organization")]
    );
}

#[test]
fn sentence_start_words_are_names_unless_common_words() {
    let r = small();
    assert_eq!(texts(&r, "Zorbek a tranché hier soir."), ["Zorbek"]);
    assert!(texts(&r, "Lithium, encore une bulle.").is_empty());
    assert!(texts(&r, "Meanwhile, nothing happened.").is_empty());
    assert!(texts(&r, "Selon elle, rien ne bouge.").is_empty());
}

#[test]
fn a_lone_word_closing_a_comment_is_a_signature() {
    let r = small();
    assert!(texts(&r, "Très bon article, merci.\nZébulon.").is_empty());
    assert!(texts(&r, "Bon article. Zébulon").is_empty());
}

#[test]
fn speech_verbs_vote_for_people() {
    let r = small();
    assert_eq!(
        typed(&r, "Hier, Ilse Vrancken a confié son inquiétude."),
        [("Ilse Vrancken".into(), "person")]
    );
    assert_eq!(
        typed(&r, "« Rien ne va », said Tomas Oberlin."),
        [("Tomas Oberlin".into(), "person")]
    );
}

#[test]
fn context_before_an_article_and_court_designations() {
    let r = small();
    assert_eq!(
        typed(&r, "They drilled in the Karoo last year."),
        [("Karoo".into(), "location")]
    );
    // A court named with an indefinite article is no name; its seat is.
    assert_eq!(
        typed(&r, "Un tribunal de Paris a jugé l'affaire."),
        [("Paris".into(), "location")]
    );
    // An acronym after "loi" is the law's name on its own.
    assert_eq!(
        typed(&r, "Il invoque la loi ZORBA votée hier."),
        [("ZORBA".into(), "misc")]
    );
}

#[test]
fn user_handles_are_no_names() {
    let r = small();
    assert_eq!(
        texts(
            &r,
            "@Lulu_du_Var bien vu. @Zorro75 aussi, Loretta Preska a raison."
        ),
        ["Loretta Preska"]
    );
}

#[test]
fn titles_in_quotes_after_a_work_noun() {
    let r = small();
    assert_eq!(
        typed(&r, "Il tourne le film « Les Grands Chemins » cet été."),
        [("Les Grands Chemins".into(), "misc")]
    );
    assert_eq!(
        typed(
            &r,
            "« Le Vent du Sud », la nouvelle pièce de Loretta Preska, a triomphé."
        ),
        [
            ("Le Vent du Sud".into(), "misc"),
            ("Loretta Preska".into(), "person")
        ]
    );
    // The same title later in the page, without its noun.
    let page = r.detect_page(&[
        "The podcast \"Morning Lantern\" lost its sponsors.",
        "Meanwhile \"Morning Lantern\" was never good.",
    ]);
    let strong: Vec<&Mention> = page[1].iter().filter(|m| !m.weak).collect();
    assert_eq!(strong.len(), 1, "{strong:?}");
    assert_eq!(strong[0].text, "Morning Lantern");
    assert_eq!(strong[0].kind, EntityType::Misc);
    // A quoted sentence is no title.
    assert_eq!(
        texts(&r, "« Nous allons gagner », a dit Loretta Preska."),
        ["Loretta Preska"]
    );
}

#[test]
fn a_particle_the_page_writes_inside_a_surname_stays_at_a_sentence_start() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "La juge Loretta De Smet a tranché. De Smet a rejeté l'appel."
        ),
        [
            ("Loretta De Smet".into(), "person"),
            ("De Smet".into(), "person")
        ]
    );
}

#[test]
fn lowercase_forms_of_a_page_name_mentioned_once() {
    let r = small();
    let page = r.detect_page(&[
        "La société Zenvaro a racheté l'usine de Loretta Oberlin.",
        "zenvaro va tout fermer, et oberlin s'en moque.",
    ]);
    let t: Vec<(&str, EntityType)> = page[1]
        .iter()
        .filter(|m| !m.weak)
        .map(|m| (m.text.as_str(), m.kind))
        .collect();
    assert_eq!(
        t,
        [
            ("zenvaro", EntityType::Organization),
            ("oberlin", EntityType::Person)
        ]
    );
}

#[test]
fn two_uncommon_words_are_rather_a_person() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "Le match a été sauvé par Tamsir Ndiongue en fin de partie."
        ),
        [("Tamsir Ndiongue".into(), "person")]
    );
}

#[test]
fn local_bodies_before_a_listed_place() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "L'ARS de Paris et la Région Ireland ont signé avec le CHU de Paris."
        ),
        [
            ("ARS de Paris".into(), "organization"),
            ("Région Ireland".into(), "organization"),
            ("CHU de Paris".into(), "organization")
        ]
    );
}

#[test]
fn roles_before_a_comma_and_hyphenated_places() {
    let r = Recognizer::new(Gazetteer::new(&Sources {
        common_words: "blanc\ncroix\npierre\nrousse\n",
        ..small_sources()
    }));
    assert_eq!(
        typed(&r, "Il a remercié son avocat, Pierre Blanc, hier."),
        [("Pierre Blanc".into(), "person")]
    );
    assert_eq!(
        typed(
            &r,
            "Il vit sur les pentes de la Croix-Rousse depuis dix ans."
        ),
        [("Croix-Rousse".into(), "location")]
    );
}

#[test]
fn platforms_after_sur_or_on_are_products() {
    let r = small();
    assert_eq!(
        typed(&r, "Je cherche tout sur Google depuis des années."),
        [("Google".into(), "misc")]
    );
    assert_eq!(
        typed(&r, "Hier, Google a fait appel."),
        [("Google".into(), "organization")]
    );
}

#[test]
fn a_head_word_of_another_type_wins_over_a_leading_place() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "She ran the Paris Marathon and walked down Paris Avenue."
        ),
        [
            ("Paris Marathon".into(), "misc"),
            ("Paris Avenue".into(), "location")
        ]
    );
}

#[test]
fn one_unknown_word_after_le_is_a_product() {
    let r = small();
    assert_eq!(
        typed(&r, "Le médecin a prescrit le Zorvatil contre la toux."),
        [("Zorvatil".into(), "misc")]
    );
}

#[test]
fn an_unknown_word_before_a_listed_place_stays_in_the_name() {
    let r = small();
    assert_eq!(
        typed(&r, "Il a racheté Brevimax Paris hier."),
        [("Brevimax Paris".into(), "organization")]
    );
}

#[test]
fn a_place_is_no_short_form_of_an_organisation_named_after_it() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "The Dunmore Homeowners Alliance met yesterday. Meanwhile prices in Dunmore fall."
        ),
        [
            ("Dunmore Homeowners Alliance".into(), "organization"),
            ("Dunmore".into(), "location")
        ]
    );
}

#[test]
fn one_unknown_word_after_on_is_a_platform() {
    let r = small();
    assert_eq!(
        typed(&r, "I read it yesterday on Brindlewick, of all places."),
        [("Brindlewick".into(), "misc")]
    );
}

#[test]
fn a_capitalised_head_inside_a_sentence_stays_in_the_name() {
    let r = small();
    assert_eq!(
        typed(&r, "Il enseigne à l'Université Paris Quenlin depuis 2019."),
        [("Université Paris Quenlin".into(), "organization")]
    );
    assert_eq!(
        typed(&r, "Hier, la Région Ireland a voté."),
        [("Région Ireland".into(), "organization")]
    );
    assert_eq!(
        typed(&r, "La Région Ireland a voté."),
        [("Région Ireland".into(), "organization")]
    );
    assert_eq!(
        typed(&r, "Les vols de Air Korvela reprennent."),
        [("Air Korvela".into(), "organization")]
    );
}

#[test]
fn organisation_heads_before_of_and_possessives_before_a_list_separator() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "Yesterday the Water Quality Agency of Ireland said it would act."
        ),
        [("Water Quality Agency of Ireland".into(), "organization")]
    );
    let m = found(&r, "It was sold in Corbell's and Google stores.");
    assert_eq!(m[0].0, "Corbell's");
}

#[test]
fn a_capitalised_word_before_a_place_inside_a_sentence_names_a_body() {
    let r = small();
    assert_eq!(
        typed(
            &r,
            "Yesterday the charity Shelter Ireland opened two homes."
        ),
        [("Shelter Ireland".into(), "organization")]
    );
    // A lowercase word after a listed company is no company suffix.
    assert_eq!(
        texts(&r, "He heads Google's electric vehicle division."),
        ["Google"]
    );
}

#[test]
fn numbers_after_named_things() {
    let r = small();
    assert_eq!(
        typed(&r, "Yesterday the Housing Reform Act 2024 took effect."),
        [("Housing Reform Act 2024".into(), "misc")]
    );
    assert_eq!(
        typed(&r, "Il lance le programme Zephyr 2030 demain."),
        [("Zephyr 2030".into(), "misc")]
    );
}

#[test]
fn a_word_alone_in_parentheses_after_its_expansion_is_an_acronym() {
    let r = small();
    let m = found(
        &r,
        "L'Institut national de recherche et d'études polaires (Inrep) a publié un rapport.",
    );
    let inrep: Vec<&(String, &str, String)> = m.iter().filter(|x| x.0 == "Inrep").collect();
    assert_eq!(inrep[0].1, "organization");
    assert_eq!(
        inrep[0].2,
        "Institut national de recherche et d'études polaires"
    );
}

#[test]
fn capitalised_place_heads_and_road_numbers() {
    let r = small();
    assert_eq!(
        typed(&r, "The mine at Mount Kelvarra opened late."),
        [("Mount Kelvarra".into(), "location")]
    );
    assert_eq!(
        typed(&r, "Un accident a bloqué la RN412 hier."),
        [("RN412".into(), "location")]
    );
}

#[test]
fn a_listed_name_goes_on_with_lowercase_words_after_a_sentence_start() {
    let r = Recognizer::new(Gazetteer::new(&Sources {
        organizations: "European Commission|Commission européenne\tinstitution\n",
        ..small_sources()
    }));
    assert_eq!(
        typed(&r, "La Commission européenne a tranché."),
        [("Commission européenne".into(), "organization")]
    );
    assert_eq!(
        typed(&r, "Hier, la Banque centrale européenne a tranché."),
        [("Banque centrale européenne".into(), "organization")]
    );
}

#[test]
fn an_apposition_with_an_indefinite_article_types_the_name() {
    let r = Recognizer::new(Gazetteer::new(&Sources {
        org_cues: "société\n",
        ..small_sources()
    }));
    assert_eq!(
        typed(&r, "Il a investi dans Brumaline, une société lilloise."),
        [("Brumaline".into(), "organization")]
    );
    assert_eq!(
        typed(&r, "Il a testé le Quorvix, un traitement contre la toux."),
        [("Quorvix".into(), "misc")]
    );
}

#[test]
fn roman_numbers_alone_are_no_names() {
    let found = builtin().detect(
        "Le roi Henri III régna après Charles IX. Au XVIe siècle, III et XIV ne disent rien seuls.",
    );
    let texts: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"Henri III"), "{texts:?}");
    assert!(texts.contains(&"Charles IX"), "{texts:?}");
    assert!(
        !texts.iter().any(|t| matches!(*t, "III" | "XIV" | "XVIe")),
        "{texts:?}"
    );
}

#[test]
fn irregular_french_verb_forms_at_a_sentence_start_are_no_names() {
    // The shipped common words hold the inflected forms of irregular verbs ("peut", "doit",
    // "faudrait"), not only lemmas.
    // At most a weak mention (where a capital is expected anyway), never a name.
    assert_eq!(
        typed_builtin(
            "Ils ne le font pas. Peut etre ne sont pas aussi bon que Google. Faudrait voir. \
             Doit-on les croire ? Vaut mieux en rire."
        ),
        [("Google".into(), "organization")]
    );
}

/// (text, type) of the mentions `builtin()` finds in `text`, weak ones left out.
fn typed_builtin(text: &str) -> Vec<(String, &'static str)> {
    builtin()
        .detect(text)
        .into_iter()
        .filter(|m| !m.weak)
        .map(|m| (m.text, m.kind.as_str()))
        .collect()
}

/// Asserts that `found` holds the mention `text` typed `kind`, and shows all of `found` if not.
#[track_caller]
fn assert_typed(found: &[(String, &'static str)], text: &str, kind: &str) {
    assert!(
        found.iter().any(|(t, k)| t == text && *k == kind),
        "{found:?}"
    );
}

#[test]
fn a_possessive_common_noun_before_a_head_word_stays_in_the_name() {
    assert_eq!(
        typed_builtin("Yesterday she started at Queen's College as a nurse."),
        [("Queen's College".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("Her son was treated at the Farnley Children's Hospital last week."),
        [("Farnley Children's Hospital".into(), "location")]
    );
    // A possessive name before a head word is not part of it.
    let found = typed_builtin("Yesterday we heard that Quentoria's Harbour Authority had closed.");
    assert!(found.iter().all(|(t, _)| !t.contains('\'')), "{found:?}");
}

#[test]
fn of_the_after_an_organisation_head_word() {
    assert_eq!(
        typed_builtin("Yesterday the Office of the Northern Water Regulator closed the case."),
        [(
            "Office of the Northern Water Regulator".into(),
            "organization"
        )]
    );
    // "of the" after an ordinary capitalised word ends the name.
    let found = typed_builtin("Yesterday the Brisket of the Vexford family was served.");
    assert!(
        found.iter().all(|(t, _)| !t.contains(" of the ")),
        "{found:?}"
    );
}

#[test]
fn adjectives_and_titles_begin_organisation_names() {
    assert_eq!(
        typed_builtin("Yesterday the General Dental Council struck him off."),
        [("General Dental Council".into(), "organization")]
    );
    assert_eq!(
        typed_builtin(
            "Yesterday the Federal Bureau of Fisheries published its annual report on salmon.",
        ),
        [("Federal Bureau of Fisheries".into(), "organization")]
    );
    // A title before a person's name is still left out.
    assert_eq!(
        typed_builtin("Yesterday General Tom Hadley spoke."),
        [("Tom Hadley".into(), "person")]
    );
}

#[test]
fn a_demonym_after_a_place_head_word_names_the_place() {
    assert_eq!(
        typed_builtin("We drove to Cape Breton yesterday."),
        [("Cape Breton".into(), "location")]
    );
    // A demonym after an ordinary name is still left out.
    let found = typed_builtin("Yesterday Corvelle Breton left.");
    assert!(
        found.iter().all(|(t, _)| t != "Corvelle Breton"),
        "{found:?}"
    );
}

#[test]
fn abbreviations_before_a_dot_are_no_names() {
    let texts = |t: &str| -> Vec<String> {
        builtin()
            .detect(t)
            .into_iter()
            .filter(|m| !m.weak)
            .map(|m| m.text)
            .collect()
    };
    let found =
        texts("Il le dit au sens propre, Fig. et pop. au sens figuré, TRUL. , Mém. XIV, 3 .");
    assert!(
        !found
            .iter()
            .any(|t| matches!(t.as_str(), "Fig" | "TRUL" | "Mém")),
        "{found:?}"
    );
    // A name at the end of a sentence, or also written without the dot, stays a name.
    let found = texts("La réunion a eu lieu chez Vernoux. Ensuite elle a appelé Vernoux hier.");
    assert!(found.iter().any(|t| t == "Vernoux"), "{found:?}");
    let found = texts("Hier soir, la plainte vise Quarlet. mais pas Quarlet seul.");
    assert!(found.iter().any(|t| t == "Quarlet"), "{found:?}");
}

#[test]
fn common_words_in_capitals_are_headings() {
    let found: Vec<String> = builtin()
        .detect("Le mot vient du latin.\nHISTORIQUE\nIl apparaît au XIIe siècle chez la CNIL et la FNSEA.")
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert!(!found.iter().any(|t| t == "HISTORIQUE"), "{found:?}");
    assert!(found.iter().any(|t| t == "FNSEA"), "{found:?}");
}

#[test]
fn a_numbered_item_starts_a_sentence() {
    let m = builtin().detect("1° Action de mettre. 2° Terme de chimie, employé ailleurs.");
    assert!(m.iter().all(|m| m.weak), "{m:?}");
}

#[test]
fn a_common_word_in_title_case_is_no_informal_form() {
    let page = [
        "Brennick Ltd a publié ses comptes. Brennick Ltd recrute. Brennick Ltd grandit.",
        "Con ou pas, BL a raison.",
    ];
    let docs = builtin().detect_page(&page);
    let c1 = strong_names(&docs[1]);
    assert!(!c1.iter().any(|m| m.0 == "Con"), "{c1:?}");
    assert!(c1.contains(&("BL", "Brennick Ltd")), "{c1:?}");
}

#[test]
fn two_letters_in_title_case_may_be_an_informal_form() {
    // "ms" is a common word, but two letters written "Ms" in a thread about Microsoft name it.
    let page = [
        "Microsoft refuse de livrer les e-mails. Microsoft fait appel.",
        "Franchement, Ms a raison de résister.",
    ];
    let docs = builtin().detect_page(&page);
    let c1 = strong_names(&docs[1]);
    assert_eq!(c1, [("Ms", "Microsoft")]);
}

#[test]
fn a_title_inside_a_run_is_left_out_of_the_name() {
    assert_eq!(
        typed_builtin(
            "The plan was backed on Tuesday by Fisheries Minister Helen Tollan and her staff."
        ),
        [("Helen Tollan".into(), "person")]
    );
    // Before an organisation's head word, the title stays in the name.
    assert_eq!(
        typed_builtin(
            "The grant came on Friday from the Sailing Captain Helen Tollan Foundation in the old town."
        ),
        [(
            "Sailing Captain Helen Tollan Foundation".into(),
            "organization"
        )]
    );
}

#[test]
fn a_demonym_before_a_listed_organisation_names_a_branch() {
    assert_eq!(
        typed_builtin("The reform was drafted by members of Scottish Labour over the summer."),
        [("Scottish Labour".into(), "organization")]
    );
    // At a sentence start, or before a place, the demonym stays out.
    assert_eq!(
        typed_builtin("He moved to the Scottish Glasgow suburbs last year."),
        [("Glasgow".into(), "location")]
    );
}

#[test]
fn and_inside_a_name_after_an_article() {
    assert_eq!(
        typed_builtin(
            "The Maritime and Coastal Fraud Commission said on Monday it would look into it."
        ),
        [(
            "Maritime and Coastal Fraud Commission".into(),
            "organization"
        )]
    );
    let found =
        typed_builtin("The Tarrow and Kelvin families said on Monday they would look into it.");
    assert!(found.iter().all(|(t, _)| !t.contains(" and ")), "{found:?}");
}

#[test]
fn a_number_after_a_law_head_keeps_the_law_whole() {
    assert_eq!(
        typed_builtin("The reform amends the Scotland Act 1998 in several ways."),
        [("Scotland Act 1998".into(), "misc")]
    );
}

#[test]
fn a_platform_used_as_a_product_is_typed_per_mention() {
    let m = builtin()
        .detect("Netflix said its revenue grew. The show is streaming on Netflix since Friday.");
    let kinds: Vec<&str> = m.iter().map(|m| m.kind.as_str()).collect();
    assert_eq!(kinds, ["organization", "misc"]);
}

#[test]
fn place_cues_and_at_type_unknown_places() {
    assert_eq!(
        typed_builtin("The mayor of Tarrowick said on Monday that the bridge would reopen."),
        [("Tarrowick".into(), "location")]
    );
    assert_eq!(
        typed_builtin("The workers gathered at Kelvarra on Monday morning."),
        [("Kelvarra".into(), "location")]
    );
    // A speech verb outweighs "at".
    assert_eq!(
        typed_builtin("The crowd cheered as Kelvarra said it was over."),
        [("Kelvarra".into(), "person")]
    );
}

#[test]
fn a_listed_organisation_and_a_capitalised_word_name_a_subsidiary() {
    assert_eq!(
        typed_builtin("Hier, la direction de SNCF Bagages a répondu aux syndicats."),
        [("SNCF Bagages".into(), "organization")]
    );
    // A person's name after the organisation is no part of it.
    let found = typed_builtin("Hier, le patron de Google Sundar Pichai a répondu.");
    assert_typed(&found, "Google", "organization");
}

#[test]
fn a_version_number_after_a_listed_product() {
    let found = typed_builtin("Hier, le jeu est sorti sur PlayStation 5 et en magasin.");
    assert_typed(&found, "PlayStation 5", "misc");
    let found = typed_builtin("Hier, la PlayStation a vendu 5 000 exemplaires.");
    assert!(found.iter().all(|(t, _)| !t.ends_with('5')), "{found:?}");
}

#[test]
fn a_one_letter_platform_after_on() {
    assert_eq!(
        typed_builtin("Elle a répondu hier sur X que tout allait bien."),
        [("X".into(), "misc")]
    );
    assert!(typed_builtin("Soit X la variable et Y son carré.").is_empty());
}

#[test]
fn a_title_in_quotes_followed_by_its_author() {
    let found = typed_builtin("La saison ouvrira avec « Brumes du soir » de Pauline Drien.");
    assert_typed(&found, "Brumes du soir", "misc");
    let found = typed_builtin("Il a crié « Halte » à Paris ce matin.");
    assert!(found.iter().all(|(t, _)| t != "Halte"), "{found:?}");
}

#[test]
fn two_listed_places_joined_by_a_hyphen() {
    assert_eq!(
        typed_builtin("Hier, les trains de la ligne Bordeaux-Nantes sont restés à quai."),
        [
            ("Bordeaux".into(), "location"),
            ("Nantes".into(), "location")
        ]
    );
    let found = typed_builtin("Hier, l'aéroport de Toulouse-Blagnac a fermé.");
    assert!(
        found.iter().any(|(t, _)| t.contains("Toulouse-Blagnac")),
        "{found:?}"
    );
}

#[test]
fn lowercase_place_heads_begin_place_names() {
    assert_eq!(
        typed_builtin("Hier, on a manifesté sur le cours Vellandre et au parc Mistraline."),
        [
            ("cours Vellandre".into(), "location"),
            ("parc Mistraline".into(), "location")
        ]
    );
}

#[test]
fn st_begins_a_place_name() {
    assert_eq!(
        typed_builtin("The crews were filming in St Kellan for eleven days."),
        [("St Kellan".into(), "location")]
    );
}

#[test]
fn a_role_before_a_listed_place_and_a_surname_types_a_person() {
    let found = typed_builtin("The club said on Monday that coach Brent Tollivar will take over.");
    assert_typed(&found, "Brent Tollivar", "person");
    // Without a role, a place and a capitalised word name an organisation (a place that is
    // also a given name, as Brent, begins a person's name: see
    // `a_place_that_is_a_given_name_before_a_surname_begins_a_person`).
    let found = typed_builtin("The fans said on Monday that Swindon Tollivar will fold.");
    assert_typed(&found, "Swindon Tollivar", "organization");
}

#[test]
fn a_place_head_after_a_given_name_and_a_surname() {
    assert_eq!(
        typed_builtin("Its offices on Herbert Tollan Way were quiet on Thursday."),
        [("Herbert Tollan Way".into(), "location")]
    );
    assert_eq!(
        typed_builtin("The vote was won on Thursday by Herbert Tollan and his party."),
        [("Herbert Tollan".into(), "person")]
    );
}

#[test]
fn a_word_that_is_no_name_alone_ends_a_given_name() {
    let found = typed_builtin("As a reminder, Theresa May said no to it on that day.");
    assert_typed(&found, "Theresa May", "person");
    // Alone, it stays no name.
    let found = typed_builtin("In May the vote was won.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_plural_possessive_inside_a_name() {
    assert_eq!(
        typed_builtin("The leader of the Farmers' Party spoke on Monday in the hall."),
        [("Farmers' Party".into(), "organization")]
    );
}

#[test]
fn a_head_of_an_organisation_announces_it() {
    let found = typed_builtin("Hier, le PDG de Korvane, Loïc Gadel, se dit serein.");
    assert_typed(&found, "Korvane", "organization");
    let found = typed_builtin("Hier, la coopérative Tarnelle a recruté.");
    assert_typed(&found, "Tarnelle", "organization");
    // A role alone still announces a person.
    let found = typed_builtin("Hier, le PDG Loïc Gadel se dit serein.");
    assert_typed(&found, "Loïc Gadel", "person");
}

#[test]
fn a_list_of_common_words_inside_a_name() {
    assert_eq!(
        typed_builtin(
            "The town would ask the Ministry of Fisheries, Forests and Water for support."
        ),
        [(
            "Ministry of Fisheries, Forests and Water".into(),
            "organization"
        )]
    );
    assert_eq!(
        typed_builtin("The rules of the Rental Homes, Deposits and Tenants Act apply from May."),
        [("Rental Homes, Deposits and Tenants Act".into(), "misc")]
    );
    // Listed names in a list stay apart.
    let found = typed_builtin("Shares of Apple, Google and Microsoft Corp fell on the day.");
    assert!(
        found
            .iter()
            .all(|(t, _)| !t.contains(',') && !t.contains(" and ")),
        "{found:?}"
    );
}

#[test]
fn a_word_in_parentheses_after_a_name_is_its_acronym() {
    let m = builtin().detect(
        "The Department for Fisheries and Rural Water (Defwa) said so on Monday, and the town agreed.",
    );
    let d = m.iter().find(|m| m.text == "Defwa").expect("Defwa");
    assert_eq!(d.kind, EntityType::Organization);
}

#[test]
fn a_lowercase_compound_at_a_sentence_start_is_no_name() {
    assert_eq!(
        typed_builtin("Non-league Tarrow Rovers will play at the final on Sunday."),
        [("Tarrow Rovers".into(), "organization")]
    );
}

#[test]
fn a_verb_of_making_announces_a_product() {
    let found = typed_builtin("The plant, which builds the Korvo, will stay open this year.");
    assert_typed(&found, "Korvo", "misc");
    let found = typed_builtin("The plant, which Korvo runs, will stay open this year.");
    assert!(!found.contains(&("Korvo".into(), "misc")), "{found:?}");
}

#[test]
fn a_cue_types_a_name_across_a_nationality_or_a_complement() {
    let found =
        typed_builtin("Le rachat par le fonds belge Vandermoort Partners a été validé hier.");
    assert_typed(&found, "Vandermoort Partners", "organization");
    let found =
        typed_builtin("Elle attaque la société de cosmétiques Bellevaure devant le tribunal.");
    assert_typed(&found, "Bellevaure", "organization");
    // A possessive is no cue noun: "son grossiste" does not make a person of the name.
    let found = typed_builtin("Le laboratoire et son grossiste Pharmavel Nord ont été condamnés.");
    assert!(!found.iter().any(|(_, k)| *k == "person"), "{found:?}");
}

#[test]
fn thanks_to_a_name_in_a_comment_is_a_person() {
    let found = typed_builtin("Bravo aux équipes. Merci à Ravonel d'avoir tenu bon !");
    assert_typed(&found, "Ravonel", "person");
}

#[test]
fn a_programme_or_a_named_cell_is_a_named_thing() {
    let found = typed_builtin("Le satellite du programme Coperniko a été lancé lundi soir.");
    assert_typed(&found, "Coperniko", "misc");
    let found = typed_builtin("Sa cellule, baptisée Natrion, se passe de lithium.");
    assert_typed(&found, "Natrion", "misc");
}

#[test]
fn a_listed_name_written_in_lowercase_is_found() {
    let found = typed_builtin("franchement ikea et netflix c'est pareil, on verra bien.");
    assert_typed(&found, "ikea", "organization");
    // A common word spelt like a listed name is not one ("orange", "total").
    let found = typed_builtin("le total est orange et le reste aussi.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_person_after_a_comma_does_not_type_the_name_before_it() {
    // An apposition, not a list: the body keeps its own vote.
    let found = typed_builtin("Le président de l'Aslovca, Christian Dandrin, a promis de rester.");
    assert_typed(&found, "Aslovca", "organization");
    // A list that goes on still shares the type.
    let found = typed_builtin("Il a reçu Nicolas Martin, Durvieux et Pascale Morin hier soir.");
    assert_typed(&found, "Durvieux", "person");
}

#[test]
fn an_emoji_ends_a_sentence() {
    // "Logique" after an emoji is a sentence's first word, a common one: no name.
    let found = typed_builtin("Les golfs sont verts fluo 🙃 Logique. Et la préfecture dort.");
    assert!(!found.iter().any(|(t, _)| t == "Logique"), "{found:?}");
}

#[test]
fn professionals_at_a_name_work_for_an_organisation() {
    let found = typed_builtin("The cuts hurt, and economists at Kestrabank expect more.");
    assert_typed(&found, "Kestrabank", "organization");
    let found = typed_builtin("About 2,400 workers at Oppamori will be offered transfers.");
    assert!(
        !found.contains(&("Oppamori".into(), "organization")),
        "{found:?}"
    );
}

#[test]
fn one_unknown_word_after_a_noun_and_de_is_rather_a_place() {
    let found = typed_builtin("Un élevage de canards de Dorazit a été touché hier soir.");
    assert_typed(&found, "Dorazit", "location");
    // A work's author is a person ("le texte de Kerbrane").
    let found = typed_builtin("Le texte de Kerbrane est toujours aussi beau, vraiment.");
    assert!(
        !found.contains(&("Kerbrane".into(), "location")),
        "{found:?}"
    );
}

#[test]
fn a_work_cue_outweighs_a_given_name_in_the_title() {
    let found =
        typed_builtin("The jury also honored her drama Maria Prestavela, shot in the Andes.");
    assert_typed(&found, "Maria Prestavela", "misc");
}

#[test]
fn a_product_noun_after_a_name_makes_it_a_product() {
    let found = typed_builtin("Results uploaded to the Vorelix portal matched the paper sheets.");
    assert_typed(&found, "Vorelix", "misc");
}

#[test]
fn words_in_parentheses_inside_a_law_name_are_part_of_it() {
    let found =
        typed_builtin("Ministers acted under the Rivers (Special Powers) Act 2024 on Monday.");
    assert_typed(&found, "Rivers (Special Powers) Act 2024", "misc");
    // Not an acronym after a name.
    let found = typed_builtin("The Food Standards Agency (FSA) said so on Monday.");
    assert!(found.iter().any(|(t, _)| t == "FSA"), "{found:?}");
}

#[test]
fn one_unknown_word_after_sur_is_rather_an_app() {
    let found = typed_builtin("Tu les suis sur l'appli ou sur Ventolo ? Moi je regarde tout.");
    assert_typed(&found, "Ventolo", "misc");
}

#[test]
fn a_model_code_after_a_name_makes_it_a_product() {
    let found = typed_builtin("Le fabricant a dévoilé hier le Vormix K3, plus léger.");
    assert_typed(&found, "Vormix K3", "misc");
    // Not a season number after a sentence's first word.
    let found = typed_builtin("Loved S1 but the finale was a mess.");
    assert!(!found.iter().any(|(t, _)| t.contains("S1")), "{found:?}");
}

#[test]
fn a_particle_and_a_place_after_a_courtesy_title_are_a_person() {
    let found = typed_builtin("Interrogée, Mme de Bayonne a refusé de commenter.");
    assert_typed(&found, "de Bayonne", "person");
}

#[test]
fn small_communes_and_french_pays_are_places() {
    let found = typed_builtin("Elle a grandi à Plouguerneau, puis dans le Minervois.");
    assert_typed(&found, "Plouguerneau", "location");
    assert_typed(&found, "Minervois", "location");
}

#[test]
fn new_head_words_type_the_names_they_end_or_start() {
    let found = typed_builtin("Kelbrook Audio raised money, and the Tarrow Region is glad.");
    assert_typed(&found, "Kelbrook Audio", "organization");
    assert_typed(&found, "Tarrow Region", "location");
    let found = typed_builtin("La sous-préfecture de Bayonne a validé la liste du maire.");
    assert_typed(&found, "sous-préfecture de Bayonne", "organization");
}

#[test]
fn a_name_after_a_cue_of_a_workshop_or_a_role() {
    let found = typed_builtin("Le lait vient de la fromagerie Kervadec, près du port.");
    assert_typed(&found, "Kervadec", "organization");
    let found = typed_builtin("Il tiendra le rôle de Tarvel dans la pièce.");
    assert_typed(&found, "Tarvel", "person");
    let found = typed_builtin("Le prix est remis avec la Brasserie Morvic, partenaire.");
    assert_typed(&found, "Brasserie Morvic", "organization");
}

#[test]
fn and_inside_a_law_name_that_ends_with_act() {
    let found = typed_builtin("It was done under the Harbours and Ferries Act 1971 in May.");
    assert_typed(&found, "Harbours and Ferries Act 1971", "misc");
}

#[test]
fn common_words_before_a_country_name_a_national_body() {
    let found = typed_builtin("The club got a grant from Rowing Ireland in 2023.");
    assert_typed(&found, "Rowing Ireland", "organization");
}

#[test]
fn staff_after_a_name_work_for_an_organisation() {
    let found = typed_builtin("The design came from a former Kestrel engineer in Leeds.");
    assert_typed(&found, "Kestrel", "organization");
}

#[test]
fn a_capitalised_article_inside_a_sentence_begins_a_title() {
    let found = typed_builtin("She has read The Hollow Field twice this summer.");
    assert_typed(&found, "The Hollow Field", "misc");
    let found = typed_builtin("Il a relu La Tempête, puis il est parti.");
    assert_typed(&found, "La Tempête", "misc");
    // A cue types the name instead ("l'association Les Vitrines").
    let found = typed_builtin("Elle a rejoint l'association Les Vitrines cette année.");
    assert!(!found.iter().any(|(_, k)| *k == "misc"), "{found:?}");
}

#[test]
fn a_listed_place_in_lowercase_after_a_preposition_of_place() {
    let found = typed_builtin("j'ai grandi à plouguerneau, la mer c'était tout");
    assert_typed(&found, "plouguerneau", "location");
}

#[test]
fn for_the_after_an_organisation_head_goes_on() {
    let found = typed_builtin("The Committee for the Arts Council of Wexbury agreed.");
    assert!(
        found
            .iter()
            .any(|(t, _)| t.starts_with("Committee for the Arts")),
        "{found:?}"
    );
}

#[test]
fn a_given_name_before_county_names_a_place() {
    let found = typed_builtin("The board of Travis County voted on Monday.");
    assert_typed(&found, "Travis County", "location");
}

#[test]
fn one_unknown_word_after_through_is_rather_a_platform() {
    let found = typed_builtin("Fans bought seats through Ticketvane and its own app.");
    assert_typed(&found, "Ticketvane", "misc");
}

#[test]
fn no_word_sequence_makes_detection_fail() {
    // Cues, particles, complements and punctuation at the very start and end of a text, where
    // rules look before or after a name.
    let words = [
        "de",
        "du",
        "luxe",
        "Belleverte",
        "l'",
        "société",
        ",",
        ".",
        "M.",
        "belge",
        "sur",
        "(",
        ")",
        "«",
        "»",
        "Act",
        "of",
        "the",
        "X",
        "d'Arques",
        "-",
        "&",
        "😀",
        "'s",
        "Dupont",
    ];
    let r = builtin();
    let mut texts: Vec<String> = Vec::new();
    for a in words {
        for b in words {
            texts.push(format!("{a} {b}"));
            for c in words {
                texts.push(format!("{a} {b} {c}"));
            }
        }
    }
    // And longer ones, picked by a fixed linear congruential sequence.
    let mut x: u64 = 7;
    for _ in 0..2000 {
        let mut t = String::new();
        for _ in 0..7 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            t.push_str(words[(x >> 33) as usize % words.len()]);
            t.push(if x & 1 == 0 { ' ' } else { '\n' });
        }
        texts.push(t);
    }
    for t in &texts {
        let _ = r.detect(t);
    }
}

/// (text, type, name) of the mentions `builtin()` finds in each document of a page, weak ones
/// left out.
fn typed_page(texts: &[&str]) -> Vec<Vec<(String, &'static str, String)>> {
    builtin()
        .detect_page(texts)
        .into_iter()
        .map(|doc| {
            doc.into_iter()
                .filter(|m| !m.weak)
                .map(|m| (m.text, m.kind.as_str(), m.name.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn lowercase_places_between_entre_and_et() {
    let found = typed_builtin("le bus entre vierzon et issoudun est encore en retard");
    assert_typed(&found, "vierzon", "location");
    assert_typed(&found, "issoudun", "location");
    // "et" after no place announces nothing (a town whose name is a word).
    let found = typed_builtin("du pain et tours, voilà");
    assert!(!found.iter().any(|(t, _)| t == "tours"), "{found:?}");
}

#[test]
fn and_after_a_nationality_inside_an_organisation_name() {
    let found = typed_builtin("A report by the Welsh Bakers and Millers Federation came out.");
    assert!(
        found.contains(&("Bakers and Millers Federation".into(), "organization"))
            || found.contains(&("Welsh Bakers and Millers Federation".into(), "organization")),
        "{found:?}"
    );
}

#[test]
fn a_title_inside_a_run_before_two_unknown_words() {
    let found = typed_builtin("Fisheries Minister Kobuya Ndaruhe rejected the plan.");
    assert_typed(&found, "Kobuya Ndaruhe", "person");
}

#[test]
fn adjectives_joined_by_et_after_a_head() {
    let found = typed_builtin("Hier, l'Union commerciale et artisanale de Vannes a protesté.");
    assert!(
        found.contains(&(
            "Union commerciale et artisanale de Vannes".into(),
            "organization"
        )),
        "{found:?}"
    );
}

#[test]
fn a_nationality_after_a_head_before_a_de_complement() {
    let found = typed_builtin("Hier, la Fédération française de pétanque a réagi.");
    assert_typed(&found, "Fédération française de pétanque", "organization");
}

#[test]
fn an_institution_goes_on_with_de_and_its_place() {
    let found = typed_builtin("Elle dirige le musée Varennec de Lorient depuis mai.");
    assert_typed(&found, "musée Varennec de Lorient", "organization");
}

#[test]
fn lowercase_names_of_several_words_in_a_comment() {
    let page = typed_page(&[
        "La mutuelle Kerlann Prévoyance a licencié vingt salariés près de South Tremadoc.",
        "kerlann prévoyance va le payer, on en parle jusqu'à tremadoc",
    ]);
    assert!(
        page[1]
            .iter()
            .any(|(t, _, n)| t == "kerlann prévoyance" && n == "Kerlann Prévoyance"),
        "{page:?}"
    );
    // The last word of a place's name.
    assert!(
        page[1]
            .iter()
            .any(|(t, _, n)| t == "tremadoc" && n == "South Tremadoc"),
        "{page:?}"
    );
}

#[test]
fn a_name_the_page_also_writes_in_lowercase_is_still_a_name() {
    let page = typed_page(&[
        "La jeune pousse Quibelo a levé deux millions d'euros.",
        "bravo quibelo franchement",
    ]);
    assert!(page[0].iter().any(|(t, _, _)| t == "Quibelo"), "{page:?}");
    assert!(page[1].iter().any(|(t, _, _)| t == "quibelo"), "{page:?}");
}

#[test]
fn a_listed_place_before_an_organisation_head_names_its_body() {
    let found = typed_builtin("Funding was cut by Brighton and Hove Council last year.");
    assert_typed(&found, "Brighton and Hove Council", "organization");
}

#[test]
fn a_cue_written_as_a_compound() {
    let found = typed_builtin("Hier, la start-up Quibelo a levé deux millions.");
    assert_typed(&found, "Quibelo", "organization");
    let found = typed_builtin("Hier, la start-up nantaise Quibelo a levé deux millions.");
    assert_typed(&found, "Quibelo", "organization");
}

#[test]
fn a_given_name_after_a_listed_name_begins_another_name() {
    let found = typed_builtin("Le vainqueur du Tour de France Marcel Dubreuil est venu.");
    assert_typed(&found, "Tour de France", "misc");
    assert_typed(&found, "Marcel Dubreuil", "person");
}

#[test]
fn lowercase_acronyms_of_the_page() {
    let page = typed_page(&[
        "The ZRB said the dam was safe, the ZRB chief added.",
        "the zrb has been saying that for years",
    ]);
    assert!(page[1].iter().any(|(t, _, _)| t == "zrb"), "{page:?}");
}

#[test]
fn ships_and_bottles_are_named_things() {
    let found = typed_builtin("Yesterday the container ship Orla Brightwater ran aground.");
    assert_typed(&found, "Orla Brightwater", "misc");
    let found = typed_builtin("She opened a bottle of Kelgarry Gold to celebrate.");
    assert_typed(&found, "Kelgarry Gold", "misc");
}

#[test]
fn us_federal_court_names_go_on_over_for_the_and_of() {
    let found = typed_builtin(
        "The complaint, which was filed in the U.S. District Court for the Northern District \
         of Ohio, names him.",
    );
    assert!(
        found.contains(&(
            "U.S. District Court for the Northern District of Ohio".into(),
            "organization"
        )),
        "{found:?}"
    );
    let found = typed_builtin(
        "The ruling, which was expected, reverses a decision of the U.S. Court of Appeals for the Ninth Circuit in the case.",
    );
    assert!(
        found.contains(&(
            "U.S. Court of Appeals for the Ninth Circuit".into(),
            "organization"
        )),
        "{found:?}"
    );
}

#[test]
fn a_word_in_capitals_after_a_role_is_no_person() {
    let found = typed_builtin("Shares of copper producer KMZ fell on Friday.");
    assert_typed(&found, "KMZ", "organization");
}

#[test]
fn a_verb_in_the_future_or_a_participle_begins_a_sentence_without_being_a_name() {
    let found =
        typed_builtin("Suivront deux concerts au théâtre. Construit en 1920, le pont tient.");
    assert!(
        !found
            .iter()
            .any(|(t, _)| t == "Suivront" || t == "Construit"),
        "{found:?}"
    );
}

#[test]
fn publishers_and_restaurants_after_their_cue() {
    let found = typed_builtin("Le roman paraît aux éditions Verlandier le mois prochain.");
    assert_typed(&found, "Verlandier", "organization");
    let found = typed_builtin("Le jury s'est réuni au restaurant Carvallon, à midi.");
    assert_typed(&found, "Carvallon", "location");
}

#[test]
fn french_motorways_after_l() {
    let found = typed_builtin("Un accident a coupé l'A64 près de Tarbes dans la nuit.");
    assert_typed(&found, "A64", "location");
}

#[test]
fn a_building_and_a_gendarmerie_unit_go_on_with_their_place() {
    let found = typed_builtin("Les travaux de la cathédrale Saint-Aubin de Vannes ont commencé.");
    assert_typed(&found, "cathédrale Saint-Aubin de Vannes", "location");
    let found =
        typed_builtin("L'enquête est confiée à la section de recherches de Poitiers depuis mai.");
    assert_typed(&found, "section de recherches de Poitiers", "organization");
}

#[test]
fn missions_telescopes_and_agreements_are_named_things() {
    let found = typed_builtin("Les données de la mission Kestrel seront publiées en mars.");
    assert_typed(&found, "Kestrel", "misc");
    let found =
        typed_builtin("Boats have fished under the Trade and Fisheries Agreement since May.");
    assert_typed(&found, "Trade and Fisheries Agreement", "misc");
}

#[test]
fn a_person_s_full_name_in_lowercase_in_a_comment() {
    let page = typed_page(&[
        "L'entraîneur Ruud van der Kamp a démissionné lundi soir.",
        "ruud van der kamp a bien fait de partir",
    ]);
    assert!(
        page[1].iter().any(|(t, k, n)| t == "ruud van der kamp"
            && *k == "person"
            && n == "Ruud van der Kamp"),
        "{page:?}"
    );
}

#[test]
fn a_listed_place_written_only_in_lowercase_takes_its_listed_name() {
    let found = builtin().detect("on a pris le train entre vierzon et issoudun hier");
    assert!(
        found
            .iter()
            .any(|m| m.text == "vierzon" && &*m.name == "Vierzon"),
        "{found:?}"
    );
}

#[test]
fn a_noun_of_places_after_a_name_makes_it_a_place() {
    let found = typed_builtin("Fans gathered outside the Varrowby stadium on Sunday night.");
    assert_typed(&found, "Varrowby", "location");
}

#[test]
fn items_of_a_list_with_the_preposition_repeated_share_their_type() {
    let found =
        typed_builtin("Des bateaux partis de Cherbourg et de Kerbrazic ont bloqué le port.");
    assert_typed(&found, "Kerbrazic", "location");
}

#[test]
fn a_comment_that_drops_the_accents_of_the_page_s_names() {
    let page = typed_page(&[
        "La coopérative Fromagère Évrecy a fermé son usine près de Pontorson-Bréhal.",
        "la fromagere evrecy c'etait la derniere usine de pontorson-brehal",
    ]);
    assert!(
        page[1]
            .iter()
            .any(|(t, _, n)| t == "fromagere evrecy" && n == "Fromagère Évrecy"),
        "{page:?}"
    );
}

#[test]
fn a_minister_s_portfolio_is_no_entity() {
    let found = typed_builtin("Le ministre breton des Finances publiques a répondu hier.");
    assert!(!found.iter().any(|(t, _)| t == "Finances"), "{found:?}");
}

#[test]
fn the_word_region_stays_outside_the_territory_s_name() {
    // The territory: "région" is no part of its name.
    let found = typed_builtin(
        "Il vit dans la région Normandie, où le président de la région Grand Est passe. Les \
         orages ont frappé la région Occitanie ; les habitants de la région Bretagne attendent.",
    );
    assert_typed(&found, "Normandie", "location");
    assert!(
        !found.iter().any(|(t, _)| t.starts_with("région")),
        "{found:?}"
    );
}

#[test]
fn a_place_noun_with_a_common_word_before_the_name_is_no_part_of_it() {
    let found = typed_builtin(
        "Les cours du poivre de Madagascar baissent, et la place financière de Genève s'inquiète.",
    );
    assert_typed(&found, "Madagascar", "location");
    assert_typed(&found, "Genève", "location");
    // Particles alone keep the street's name whole.
    let found = typed_builtin("Un incendie a touché un immeuble de la rue de la Forge-Neuve.");
    assert!(
        found.iter().any(|(t, _)| t == "rue de la Forge-Neuve"),
        "{found:?}"
    );
}

#[test]
fn head_words_of_venues_waterways_storms_and_brokers_type_the_name() {
    let found = typed_builtin(
        "Le gala aura lieu à l'Arena Vestrom. Barges still use the Tollbridge Canal, but \
         Hurricane Lorvin closed it, said an analyst at Dravik Securities.",
    );
    for (name, kind) in [
        ("Arena Vestrom", "location"),
        ("Tollbridge Canal", "location"),
        ("Hurricane Lorvin", "misc"),
        ("Dravik Securities", "organization"),
    ] {
        assert!(found.contains(&(name.into(), kind)), "{name}: {found:?}");
    }
}

#[test]
fn a_role_noun_that_starts_the_sentence_is_a_cue_not_part_of_the_name() {
    let found = typed_builtin(
        "Owner Brellin Health hired new staff. Builder Tarrow Yuncks will start in May. \
         Campaigner Odwen Karamoja said he would appeal.",
    );
    for (name, kind) in [
        ("Brellin Health", "organization"),
        ("Tarrow Yuncks", "organization"),
        ("Odwen Karamoja", "person"),
    ] {
        assert!(found.contains(&(name.into(), kind)), "{name}: {found:?}");
    }
}

#[test]
fn a_listed_organisation_s_site_in_a_city_is_no_part_of_its_name() {
    let found =
        typed_builtin("Les salariés de l'usine Stellantis de Sochaux ont cessé le travail.");
    assert_typed(&found, "Stellantis", "organization");
    assert_typed(&found, "Sochaux", "location");
    // A region's branch keeps its name.
    let found = typed_builtin("Le Crédit Mutuel de Bretagne a publié ses comptes.");
    assert_typed(&found, "Crédit Mutuel de Bretagne", "organization");
}

#[test]
fn a_lowercase_country_after_en_or_in_is_a_place_though_its_name_is_a_word() {
    let found = typed_builtin("il a joué en france et son frère vit in turkey depuis deux ans");
    assert_typed(&found, "france", "location");
    assert_typed(&found, "turkey", "location");
}

#[test]
fn a_small_firm_or_a_grouping_announces_an_organisation() {
    let found =
        typed_builtin("La PME vendéenne Cyclorva embauche, comme le groupement Varela Export.");
    assert_typed(&found, "Cyclorva", "organization");
    assert_typed(&found, "Varela Export", "organization");
}

#[test]
fn a_capitalised_article_inside_a_sentence_begins_the_name() {
    let found = typed_builtin(
        "Le concert réunira le groupe Les Brisants Roux. Fans expect The Dunmore Open to sell out.",
    );
    assert!(
        found.iter().any(|(t, _)| t == "Les Brisants Roux"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(t, _)| t == "The Dunmore Open"),
        "{found:?}"
    );
}

#[test]
fn a_listed_event_goes_on_with_the_place_of_its_edition() {
    let found = typed_builtin("Elle vise les Jeux olympiques de Brisbane après ce titre.");
    assert_typed(&found, "Jeux olympiques de Brisbane", "misc");
}

#[test]
fn a_trade_fair_or_a_collection_announces_a_named_thing() {
    let found =
        typed_builtin("La marque présentera au salon Velorama de Lyon sa collection Grand Morvan.");
    assert_typed(&found, "Velorama", "misc");
    assert_typed(&found, "Grand Morvan", "misc");
}

#[test]
fn a_capitalised_l_apostrophe_inside_a_sentence_is_the_name_s_own() {
    let found = typed_builtin("Elle regarde la chaîne L'Équipe. L'Irlande a gagné.");
    assert!(found.iter().any(|(t, _)| t == "L'Équipe"), "{found:?}");
    assert!(found.iter().any(|(t, _)| t == "Irlande"), "{found:?}");
}

#[test]
fn a_house_of_something_is_an_assembly() {
    let found = typed_builtin("The bill passed in the House of Keldra after a long debate.");
    assert_typed(&found, "House of Keldra", "organization");
}

#[test]
fn the_complement_of_a_takeover_or_of_shareholders_is_a_firm() {
    let found = typed_builtin(
        "Depuis le rachat de Norvalis, tout a changé. Analysts praised the takeover of Brellix.",
    );
    assert_typed(&found, "Norvalis", "organization");
    assert_typed(&found, "Brellix", "organization");
}

#[test]
fn a_french_title_announced_by_a_work_noun_goes_on_to_the_punctuation() {
    let found = typed_builtin("La chaîne diffuse la série Marais perdus, tournée en Vendée.");
    assert_typed(&found, "Marais perdus", "misc");
    // Not over a verb.
    let found = typed_builtin("Le public a aimé le film Brunelle a dit le critique.");
    assert!(!found.iter().any(|(t, _)| t.contains(" a")), "{found:?}");
}

#[test]
fn a_quoted_title_followed_by_a_creation_is_a_work() {
    let found = typed_builtin(
        "Le théâtre accueillera « Les Marées du soir », une création de la compagnie.",
    );
    assert_typed(&found, "Les Marées du soir", "misc");
}

#[test]
fn a_title_after_a_place_begins_a_person_s_name() {
    let found = typed_builtin(
        "The line is late. Ontario Transportation Minister Dervan Kolstad called it a delay.",
    );
    assert_typed(&found, "Ontario", "location");
    assert_typed(&found, "Dervan Kolstad", "person");
}

#[test]
fn county_begins_a_place_s_name() {
    let found = typed_builtin("Crowds lined the roads of County Kelvagh on Sunday.");
    assert_typed(&found, "County Kelvagh", "location");
}

#[test]
fn common_words_before_a_country_after_in_name_a_district() {
    let found =
        typed_builtin("Shops in Little Jamaica closed early, said Sport Jamaica officials.");
    assert_typed(&found, "Little Jamaica", "location");
}

#[test]
fn chief_and_billionaire_are_titles_before_a_name() {
    let found = typed_builtin(
        "Traps were cut overnight. Chief Maryse Tobique called the police. Chief Minister \
         Raghavendraiah said no. Billionaire Obinna Chukwudebe said yes. The elders thanked \
         Chief Tobique.",
    );
    for name in [
        "Maryse Tobique",
        "Raghavendraiah",
        "Obinna Chukwudebe",
        "Tobique",
    ] {
        assert!(
            found.contains(&(name.into(), "person")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn a_capitalised_portfolio_after_a_minister_is_no_entity() {
    let found = typed_builtin(
        "La ministre de la Mobilité, Ilse Verbruggen, a présenté le texte. Le ministre des \
         Ressources marines, Teva Maraetaata, le soutient.",
    );
    let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert!(!names.contains(&"Mobilité"), "{found:?}");
    assert!(!names.contains(&"Ressources"), "{found:?}");
    assert_typed(&found, "Ilse Verbruggen", "person");
}

#[test]
fn regional_and_farming_adjectives_join_a_name_or_sit_after_a_cue() {
    let found = typed_builtin(
        "Le Grand Conseil valaisan l'a rejetée. Lancée par l'association agricole \
         Terrevive, l'initiative vise le Conseil général vaudois.",
    );
    assert_typed(&found, "Terrevive", "organization");
    assert_typed(&found, "Conseil général vaudois", "organization");
}

#[test]
fn a_range_or_brand_after_a_possessive_is_a_product() {
    let found = typed_builtin(
        "L'entreprise vend sa gamme Douce Brumelle dans les grands magasins. The research \
         vessel Kestrel Dawn returned to port.",
    );
    assert_typed(&found, "Douce Brumelle", "misc");
    assert_typed(&found, "Kestrel Dawn", "misc");
}

#[test]
fn a_given_name_before_palace_or_square_names_a_place() {
    let found = typed_builtin("The final was played at Alexandra Palace on Sunday night.");
    assert_typed(&found, "Alexandra Palace", "location");
}

#[test]
fn a_demonym_before_an_institute_of_is_part_of_its_name() {
    let found = typed_builtin(
        "Scientists at the Canadian Institute of Polar Science found the ice thinner.",
    );
    assert_typed(
        &found,
        "Canadian Institute of Polar Science",
        "organization",
    );
}

#[test]
fn and_between_common_words_inside_a_board_s_name() {
    let found = typed_builtin(
        "Yesterday the Kelmsford Water Supply and Sewerage Board banned hosepipes, while \
         Brellix Partners and Norvane Capital invested.",
    );
    assert!(
        found.contains(&(
            "Kelmsford Water Supply and Sewerage Board".into(),
            "organization"
        )),
        "{found:?}"
    );
    assert_typed(&found, "Norvane Capital", "organization");
}

#[test]
fn a_second_noun_complement_completes_an_office_s_name() {
    let found =
        typed_builtin("L'Office régional des voies de navigation a lancé les essais lundi.");
    assert!(
        found.contains(&(
            "Office régional des voies de navigation".into(),
            "organization"
        )),
        "{found:?}"
    );
}

#[test]
fn a_district_an_atoll_and_a_station_are_places() {
    let found = typed_builtin(
        "La ligne ira jusqu'à la station Verhaegen. Les commerçants du quartier Brabantia \
         protestent. Il exploite une ferme sur l'atoll de Tokerau.",
    );
    for name in ["Verhaegen", "Brabantia", "Tokerau"] {
        assert!(
            found.contains(&(name.into(), "location")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn leaving_for_a_name_or_working_out_of_it_makes_it_a_place() {
    let found = typed_builtin(
        "Many families had already left for Kelverton. He has fished out of Marrowby for \
         thirty years.",
    );
    for name in ["Kelverton", "Marrowby"] {
        assert!(
            found.contains(&(name.into(), "location")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn common_british_irish_west_african_and_indian_given_names_are_known() {
    let g = builtin().gazetteer();
    for name in [
        "Eilidh",
        "Tadhg",
        "Rhodri",
        "Olumide",
        "Venkatesh",
        "Wiremu",
    ] {
        assert!(g.is_given(name), "{name}");
    }
    let found = typed_builtin("The award went to Eilidh Drummore of Perth.");
    assert_typed(&found, "Eilidh Drummore", "person");
}

#[test]
fn an_assembly_takes_its_regional_adjective_and_a_place_its_lowercase_words() {
    let found = typed_builtin(
        "Le Parlement bruxellois entendra jeudi le ministre. La Chambre de commerce de la \
         Polynésie française proteste.",
    );
    assert_typed(&found, "Parlement bruxellois", "organization");
    assert!(
        found.contains(&(
            "Chambre de commerce de la Polynésie française".into(),
            "organization"
        )),
        "{found:?}"
    );
}

#[test]
fn boats_and_people_leaving_from_a_name_come_from_a_place() {
    let found = typed_builtin(
        "Une trentaine de chalutiers partis de Kervégan ont bloqué le port. Des camions en \
         provenance de Brivalle sont arrivés.",
    );
    for name in ["Kervégan", "Brivalle"] {
        assert!(
            found.contains(&(name.into(), "location")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn a_programme_s_name_with_a_year_leaves_its_head_out() {
    let found = typed_builtin(
        "La start-up a été retenue par le plan Bretagne Horizon 2035 et le programme \
         Kelvane 2030.",
    );
    assert_typed(&found, "Bretagne Horizon 2035", "misc");
    assert_typed(&found, "Kelvane 2030", "misc");
}

#[test]
fn a_model_or_edition_number_completes_a_product_or_an_event() {
    let found = typed_builtin(
        "On produit la Peugeot 3008 à un rythme record avant la Coupe du monde 2030. \
         Kelmarsh Wanderers won 2-1 on Saturday.",
    );
    assert_typed(&found, "Peugeot 3008", "misc");
    assert_typed(&found, "Coupe du monde 2030", "misc");
    let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert!(names.contains(&"Kelmarsh Wanderers"), "{found:?}");
}

#[test]
fn a_saint_s_possessive_stays_inside_a_hospital_s_name() {
    let texts = texts(
        builtin(),
        "She was a nurse at St Kelvin's University Hospital before moving.",
    );
    assert!(
        texts.contains(&"St Kelvin's University Hospital".to_string()),
        "{texts:?}"
    );
}

#[test]
fn the_agent_of_a_firm_s_verb_is_a_firm() {
    let found = typed_builtin(
        "Le film est produit par Norvalis et sort en mai. The plant is owned by Brellix.",
    );
    for name in ["Norvalis", "Brellix"] {
        assert!(
            found.contains(&(name.into(), "organization")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn a_body_noun_after_the_name_makes_it_an_organisation() {
    let found = typed_builtin(
        "The Forward union says the council wants to cut pay. The Brellix charity agreed.",
    );
    for name in ["Forward", "Brellix"] {
        assert!(
            found.contains(&(name.into(), "organization")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn a_place_with_a_regional_adjective_is_a_place_of_its_own() {
    let found = typed_builtin(
        "Les vergers de l'Ardèche provençale ont gelé. Le Grand Conseil bruxellois a voté.",
    );
    assert_typed(&found, "Ardèche provençale", "location");
    assert_typed(&found, "Grand Conseil bruxellois", "organization");
}

#[test]
fn courtyards_plazas_and_terraces_are_places() {
    let found = typed_builtin(
        "The prize was announced at the Kelvin Courtyard, then the crowd moved to Marrow \
         Plaza.",
    );
    for name in ["Kelvin Courtyard", "Marrow Plaza"] {
        assert!(
            found.contains(&(name.into(), "location")),
            "{name}: {found:?}"
        );
    }
}

/// Asserts that each (name, type) is among `found`.
fn assert_found(found: &[(String, &'static str)], expected: &[(&str, &str)]) {
    for (name, kind) in expected {
        assert!(
            found.iter().any(|(n, k)| n == name && k == kind),
            "{name} ({kind}): {found:?}"
        );
    }
}

#[test]
fn a_head_alone_takes_its_lowercase_complement() {
    let found = typed_builtin(
        "Le jury du Club des marcheurs de montagne a siégé hier. On se retrouve au Salon du \
         fromage, puis chez les adhérents du Syndicat de la boulangerie française.",
    );
    assert_found(
        &found,
        &[
            ("Club des marcheurs de montagne", "organization"),
            ("Salon du fromage", "misc"),
            ("Syndicat de la boulangerie française", "organization"),
        ],
    );
}

#[test]
fn a_complement_goes_on_with_an_elided_place() {
    let found =
        typed_builtin("Hier, le Syndicat intercommunal du marais d'Orvanne a voté le budget.");
    assert_found(
        &found,
        &[("Syndicat intercommunal du marais d'Orvanne", "organization")],
    );
}

#[test]
fn french_works_in_the_plural_begin_a_firm() {
    let found = typed_builtin(
        "Le rachat des Fonderies de la Vallonne est acté, comme celui des Tissages du Morvel.",
    );
    assert_found(
        &found,
        &[
            ("Fonderies de la Vallonne", "organization"),
            ("Tissages du Morvel", "organization"),
        ],
    );
}

#[test]
fn a_regional_demonym_before_a_name_is_no_part_of_it() {
    let found =
        typed_builtin("La Savoyarde Julie Morandet a gagné, devant la Vendéenne Alix Prou.");
    assert_found(
        &found,
        &[("Julie Morandet", "person"), ("Alix Prou", "person")],
    );
}

#[test]
fn the_last_word_of_a_title_phrase_is_no_name() {
    let found = typed_builtin("Le garde des Sceaux, Paul Ferrandel, a répondu hier.");
    assert!(
        !found.iter().any(|(n, _)| n.contains("Sceaux")),
        "{found:?}"
    );
    assert_found(&found, &[("Paul Ferrandel", "person")]);
}

#[test]
fn a_country_code_before_a_currency_sign_is_no_place() {
    let found = typed_builtin("The dam will cost US$4 billion, said Ana Ruizmarin.");
    assert!(!found.iter().any(|(n, _)| n == "US"), "{found:?}");
}

#[test]
fn junior_keeps_its_period() {
    let found = typed_builtin("Yesterday Senator Thomas Whitlock Jr. said no.");
    assert_found(&found, &[("Thomas Whitlock Jr.", "person")]);
}

#[test]
fn and_inside_a_body_or_a_law_name() {
    let found = typed_builtin(
        "The Commission for Forests and Fisheries said the Northern Valley Water Rights and \
         Irrigation Act was too weak.",
    );
    assert_found(
        &found,
        &[
            ("Commission for Forests and Fisheries", "organization"),
            ("Northern Valley Water Rights and Irrigation Act", "misc"),
        ],
    );
}

#[test]
fn a_common_word_and_a_listed_place_begin_two_names() {
    let found = typed_builtin("Yesterday the Kites and Cardiff Rugby agreed to merge.");
    assert!(
        !found.iter().any(|(n, _)| n.starts_with("Kites and")),
        "{found:?}"
    );
    assert_found(&found, &[("Cardiff Rugby", "organization")]);
}

#[test]
fn advisory_biologics_estates_and_gorges() {
    let found = typed_builtin(
        "Yesterday Ferncliff Advisory and Moorvale Biologics joined Tarrow Wine Estates on a \
         walk through the Karrup Gorge.",
    );
    assert_found(
        &found,
        &[
            ("Ferncliff Advisory", "organization"),
            ("Moorvale Biologics", "organization"),
            ("Tarrow Wine Estates", "organization"),
            ("Karrup Gorge", "location"),
        ],
    );
}

#[test]
fn a_rectorate_a_basin_and_a_valley_before_their_names() {
    let found = typed_builtin(
        "Les parents accusent le rectorat de Besançon, puis ont marché dans le val Montjoie \
         jusqu'au bassin d'Arcachon.",
    );
    assert_found(
        &found,
        &[
            ("rectorat de Besançon", "organization"),
            ("val Montjoie", "location"),
            ("bassin d'Arcachon", "location"),
        ],
    );
}

#[test]
fn a_lowercase_listed_city_after_depuis_vers_or_to() {
    let found =
        typed_builtin("je roule tous les jours depuis besançon, et lui drives to sheffield.");
    assert_found(
        &found,
        &[("besançon", "location"), ("sheffield", "location")],
    );
}

#[test]
fn a_first_nation_is_an_organisation() {
    let found = typed_builtin("Yesterday the Wapakeet First Nation signed the deal.");
    assert_found(&found, &[("Wapakeet First Nation", "organization")]);
}

#[test]
fn a_demonym_begins_a_law_name_with_its_year() {
    let found = typed_builtin("Critics say the British Harbours Act 1964 blocks the sale.");
    assert_found(&found, &[("British Harbours Act 1964", "misc")]);
}

#[test]
fn crafts_announce_a_person_and_a_cartel_an_organisation() {
    let found = typed_builtin(
        "L'ostréicultrice Maëlle Quiniou a tout jeté. It sells through the export cartel \
         Potavex.",
    );
    assert_found(
        &found,
        &[("Maëlle Quiniou", "person"), ("Potavex", "organization")],
    );
}

#[test]
fn a_noun_of_places_after_the_name_or_in_an_apposition() {
    let found = typed_builtin(
        "Output at its Varnock potash mine fell. Protesters camped at Birch Hollow, a \
         campground in the hills.",
    );
    assert_found(
        &found,
        &[("Varnock", "location"), ("Birch Hollow", "location")],
    );
}

#[test]
fn a_member_after_a_name_makes_it_a_body() {
    let found = typed_builtin("Yesterday Tyndrel member Rhian Pugh asked for a review.");
    assert_found(
        &found,
        &[("Tyndrel", "organization"), ("Rhian Pugh", "person")],
    );
}

#[test]
fn a_product_noun_and_a_comma_announce_a_product() {
    let found = typed_builtin(
        "The firm said its flagship product, Ledgerwick, is used widely. It approved its new \
         vaccine, Fluvorin, for adults. Elle a salué la directrice du tournoi, Amélie Brossard.",
    );
    assert_found(
        &found,
        &[
            ("Ledgerwick", "misc"),
            ("Fluvorin", "misc"),
            ("Amélie Brossard", "person"),
        ],
    );
}

#[test]
fn a_line_ending_with_and_after_a_name_is_read_to_its_end() {
    // "and" as the last word of a line (a page cut into short lines) once made the look-up
    // of a listed name after it read past the last token.
    let r = crate::analysis::entities::builtin();
    for text in [
        "or convert your image to\nIndexed Mode and\nmanually adjust any colors.",
        "Indexed Mode and",
        "The Castle and",
    ] {
        let _ = r.detect(text);
    }
}

#[test]
fn a_name_coordinated_with_a_place_is_a_place() {
    let found = typed_builtin(
        "Yesterday the floods reached the districts of Lyon and Quarvenne. Hier, les communes \
         de Marseille et de Brestiaux ont été évacuées.",
    );
    assert_found(
        &found,
        &[("Quarvenne", "location"), ("Brestiaux", "location")],
    );
}

#[test]
fn the_leader_of_a_consortium_is_a_firm() {
    let found = typed_builtin(
        "Yesterday the contract went to a joint venture led by Torvick. Hier, le marché a été \
         confié au groupement mené par Dravelle.",
    );
    assert_found(
        &found,
        &[("Torvick", "organization"), ("Dravelle", "organization")],
    );
}

#[test]
fn an_organisation_cue_and_a_comma_announce_an_organisation() {
    let found = typed_builtin(
        "Hier, la direction a fait appel à un sous-traitant, Brandovel, pour les bagages. \
         Yesterday residents formed a local group, Quellmark, to fight the plan.",
    );
    assert_found(
        &found,
        &[("Brandovel", "organization"), ("Quellmark", "organization")],
    );
}

#[test]
fn an_apposition_with_a_definite_article_types_the_name() {
    let found = typed_builtin(
        "Hier, le prix a été remis lors du Zanfesto, le festival du film de la ville. La \
         Sodraval, la société publique des eaux, a coupé l'eau.",
    );
    assert_found(&found, &[("Zanfesto", "misc")]);
}

#[test]
fn a_french_title_ends_with_one_complement_before_a_punctuation_mark() {
    let found = typed_builtin(
        "Hier, le prix est allé à Les Barques de Tivanne, un premier film. Elle a lu La \
         Saison des vendangeurs, un roman, puis La Voix des marins.",
    );
    assert_found(
        &found,
        &[
            ("Les Barques de Tivanne", "misc"),
            ("La Saison des vendangeurs", "misc"),
            ("La Voix des marins", "misc"),
        ],
    );
}

#[test]
fn geographic_head_words_name_places() {
    let found = typed_builtin(
        "Yesterday divers surveyed the Tarrow Reef and the Skarvay Isles. Hier, les pompiers \
         ont sécurisé le torrent du Rieu Sarrat.",
    );
    assert_found(
        &found,
        &[
            ("Tarrow Reef", "location"),
            ("Skarvay Isles", "location"),
            ("torrent du Rieu Sarrat", "location"),
        ],
    );
}

#[test]
fn parliament_buildings_name_their_parliaments() {
    let found = typed_builtin("Yesterday the minister asked Holyrood and Stormont to vote.");
    assert_found(
        &found,
        &[("Holyrood", "organization"), ("Stormont", "organization")],
    );
}

#[test]
fn head_words_of_programmes_and_events_name_named_things() {
    let found = typed_builtin(
        "Yesterday the minister presented the National Copper Strategy at the Varnholt Trade \
         Expo.",
    );
    assert_found(
        &found,
        &[
            ("National Copper Strategy", "misc"),
            ("Varnholt Trade Expo", "misc"),
        ],
    );
}

#[test]
fn french_venue_and_relief_words_begin_place_names() {
    let found = typed_builtin(
        "Hier, la réunion a eu lieu dans la salle Marcel-Tardy, au pied des monts du Vérac. \
         Les crues ont touché la vallée de l'Ausonne.",
    );
    assert_found(
        &found,
        &[
            ("salle Marcel-Tardy", "location"),
            ("monts du Vérac", "location"),
            ("Ausonne", "location"),
        ],
    );
}

#[test]
fn long_french_body_names_take_aims_and_coordinated_adjectives() {
    let found = typed_builtin(
        "Hier, l'Union régionale pour la défense de la pêche de loisir a porté plainte avec le \
         Bureau des études fluviales et portuaires.",
    );
    assert_found(
        &found,
        &[
            (
                "Union régionale pour la défense de la pêche de loisir",
                "organization",
            ),
            ("Bureau des études fluviales et portuaires", "organization"),
        ],
    );
}

#[test]
fn a_cued_organisation_goes_on_with_de_and_a_capitalised_word() {
    let found = typed_builtin(
        "Hier, les salariés de la coopérative Pierre de Lune ont manifesté devant la \
         coopérative Vallorin de Paris.",
    );
    assert_found(
        &found,
        &[
            ("Pierre de Lune", "organization"),
            ("Vallorin", "organization"),
            ("Paris", "location"),
        ],
    );
}

#[test]
fn a_plus_sign_after_a_name_belongs_to_it() {
    let found = typed_builtin("Hier, le match était diffusé sur Vistaplay+ et le score était 3+2.");
    assert!(found.iter().any(|(n, _)| n == "Vistaplay+"), "{found:?}");
}

#[test]
fn a_preposition_of_place_before_l_apostrophe_announces_a_place() {
    let found = typed_builtin("Hier, les rejets de l'usine ont fini dans l'Orvène, près du pont.");
    assert_found(&found, &[("Orvène", "location")]);
}

#[test]
fn surnames_with_their_particle_join_the_full_name() {
    let r = builtin();
    for (text, short, full) in [
        (
            "L'armateur Yannick Le Bihan a été condamné. Le Bihan fera appel.",
            "Le Bihan",
            "Yannick Le Bihan",
        ),
        (
            "Pierre-Yves du Mazel dirige l'usine depuis 2011. Hier, M. du Mazel a confirmé la commande.",
            "du Mazel",
            "Pierre-Yves du Mazel",
        ),
        (
            "Ranger Graham van der Linden found the koalas. Van der Linden said so.",
            "Van der Linden",
            "Graham van der Linden",
        ),
    ] {
        let m = r.detect(text);
        let short = m
            .iter()
            .find(|m| m.text == short)
            .unwrap_or_else(|| panic!("{short} in {m:?}"));
        assert_eq!(&*short.name, full, "{text}");
    }
    // Two people with the same surname: the short form stays on its own.
    let m = r.detect("Anne Le Goff et Paul Le Goff sont élus. Le Goff a remercié ses électeurs.");
    let short = m.iter().rfind(|m| m.text == "Le Goff").unwrap();
    assert_eq!(&*short.name, "Le Goff");
}

#[test]
fn titles_portfolios_and_numbers_are_not_names() {
    let r = builtin();
    assert_eq!(
        typed(
            r,
            "Minister for Agriculture Martin Heydon said he would act."
        ),
        [("Martin Heydon".to_string(), "person")]
    );
    assert_eq!(
        typed(r, "La ministre de la Culture Rachida Dati a parlé."),
        [("Rachida Dati".to_string(), "person")]
    );
    // The title is no name; a lowercase surname after it is.
    assert_eq!(
        typed(r, "Mme van damme est une super journaliste."),
        [("van damme".to_string(), "person")]
    );
    for text in [
        "Forty-eight teams took part.",
        "Dix-huit salariés partent.",
        "Y'a pas d'autres problèmes ici ?",
    ] {
        assert_eq!(typed(r, text), [], "{text}");
    }
    assert_eq!(
        typed(r, "Lakeland Dairies and Glanbia cut their prices."),
        [
            ("Lakeland Dairies".to_string(), "organization"),
            ("Glanbia".to_string(), "organization")
        ]
    );
}

#[test]
fn dictionary_citations_are_authors_not_abbreviations() {
    let r = builtin();
    // Abbreviations before a word in capitals or another abbreviation, and initials alone.
    for text in [
        "Voy. ABAISSER et la suite.",
        "te l'un de l'autre, Instit. Mém. scienc. t. IX, p. 3.",
        "V. ABOI, plus haut.",
    ] {
        assert!(
            !texts(r, text)
                .iter()
                .any(|t| ["Voy", "Instit", "V"].contains(&t.as_str())),
            "{text}: {:?}",
            texts(r, text)
        );
    }
    // An author cited in capitals is a person, an acronym an organisation.
    assert_eq!(
        typed(
            r,
            "Il le dit ainsi, BOSSUET, Hist. II, 3, et le répète ailleurs."
        ),
        [("BOSSUET".to_string(), "person")]
    );
    assert_eq!(
        typed(r, "Une enquête de l'OCLCIFF vise la mairie."),
        [("OCLCIFF".to_string(), "organization")]
    );
}

#[test]
fn a_bare_word_counts_in_comments_not_in_the_newsroom_text() {
    let r = builtin();
    let page = [
        "Le fabricant Bodinel ferme son usine de Cholet.",
        "Encore une usine qui ferme, Bodinel ou pas.",
    ];
    let names = |docs: &[Vec<Mention>]| -> Vec<Vec<String>> {
        docs.iter()
            .map(|d| {
                d.iter()
                    .filter(|m| !m.weak)
                    .map(|m| m.text.clone())
                    .collect()
            })
            .collect()
    };
    // Written by a reader too, the word stays a name in both texts.
    assert_eq!(
        names(&r.detect_article_page(&page, 1)),
        [vec!["Bodinel", "Cholet"], vec!["Bodinel"]]
    );
    // Written only in the article, with nothing to mark it as a name, it is weak there: it
    // counts where the corpus confirms it.
    let alone = ["Selon Bodinel, la ville de Cholet perd son usine."];
    assert_eq!(names(&r.detect_article_page(&alone, 1)), [vec!["Cholet"]]);
    assert_eq!(
        names(&r.detect_article_page(&alone, 0)),
        [vec!["Bodinel", "Cholet"]]
    );
    // A comment's bare surname is a person.
    let thread = [
        "La réforme passe au Sénat.",
        "Depuis Badinter, rien de neuf.",
    ];
    assert_eq!(
        names(&r.detect_article_page(&thread, 1)),
        [vec!["Sénat"], vec!["Badinter"]]
    );
}

#[test]
fn lowercase_hyphenated_surnames_and_complements_of_bodies() {
    let r = builtin();
    let page = [
        "Le conseil municipal de Montenay a voté. La maire, Odile Fourmond-Lebreton, a démissionné.",
        "Sinon je comprends Mme fourmond-lebreton, à Montenay on a tout perdu.",
    ];
    let d = r.detect_article_page(&page, 1);
    let comment: Vec<(&str, EntityType, &str)> = d[1]
        .iter()
        .map(|m| (m.text.as_str(), m.kind, &*m.name))
        .collect();
    assert_eq!(
        comment,
        [
            (
                "fourmond-lebreton",
                EntityType::Person,
                "Odile Fourmond-Lebreton"
            ),
            ("Montenay", EntityType::Location, "Montenay"),
        ]
    );
}

#[test]
fn isles_and_filipino_particles() {
    let r = builtin();
    assert_eq!(
        typed(r, "Hosts on the Isle of Skye welcomed the levy."),
        [("Isle of Skye".to_string(), "location")]
    );
    let m = r.detect("Driver Ernesto dela Cruz stopped work. Dela Cruz said he would sell.");
    assert!(
        m.iter()
            .any(|m| m.text == "Dela Cruz" && m.kind == EntityType::Person && !m.weak),
        "{m:?}"
    );
}

#[test]
fn premiers_and_ampersands() {
    let r = builtin();
    assert_eq!(
        typed(r, "The cane goes under contract to Tate & Lyle in Britain."),
        [
            ("Tate & Lyle".to_string(), "organization"),
            ("Britain".to_string(), "location")
        ]
    );
    let t = typed(r, "Manitoba Premier Wab Kinew welcomed the ship.");
    assert!(t.contains(&("Wab Kinew".to_string(), "person")), "{t:?}");
}

#[test]
fn hospitals_and_care_homes_head_bodies() {
    let r = builtin();
    assert_eq!(
        typed(r, "Le CHU Amiens-Picardie a réalisé une double greffe."),
        [("CHU Amiens-Picardie".to_string(), "organization")]
    );
}

#[test]
fn a_bare_common_word_is_weak_in_comments_too() {
    let r = builtin();
    let page = [
        "Le lycée rouvre lundi.",
        "Je relis Racine tous les soirs, et Vinteuil aussi.",
    ];
    let d = r.detect_article_page(&page, 1);
    let weak = |text: &str| d[1].iter().find(|m| m.text == text).map(|m| m.weak);
    // "racine" is a common word: only the corpus can confirm the name.
    assert_eq!(weak("Racine"), Some(true), "{:?}", d[1]);
    // A word that is no common word stays a reader's name.
    assert_eq!(weak("Vinteuil"), Some(false), "{:?}", d[1]);
}

#[test]
fn lowercase_surnames_after_courtesy_titles() {
    let r = builtin();
    for (text, name) in [
        ("Franchement Mme vauthier a bien vendu.", "vauthier"),
        ("Judge dimarco-hale for president lol.", "dimarco-hale"),
        ("Dr le hénaff est parti.", "le hénaff"),
    ] {
        assert_eq!(typed(r, text), [(name.to_string(), "person")], "{text}");
    }
    // A common word after a title is no name.
    assert!(typed(r, "Merci Mr tout le monde.").is_empty());
}

#[test]
fn possessives_before_a_firms_head_type_the_firm() {
    let r = builtin();
    let t = typed(
        r,
        "Fylde's CEO, Dominic Hargreaves-Pryce, said the pier would stay open.",
    );
    assert!(t.contains(&("Fylde".to_string(), "organization")), "{t:?}");
}

#[test]
fn demonyms_before_given_names_and_capitalised_particles() {
    let r = builtin();
    assert_eq!(
        typed(
            r,
            "La Paloise Marie-Lou Etcheverry a remporté dimanche l'épreuve."
        ),
        [("Marie-Lou Etcheverry".to_string(), "person")]
    );
    assert_eq!(
        typed(
            r,
            "Pour Koen Van de Velde, responsable des bières spéciales."
        ),
        [("Koen Van de Velde".to_string(), "person")]
    );
    assert_eq!(
        typed(r, "Ça s'est passé au portugal."),
        [("portugal".to_string(), "location")]
    );
}

#[test]
fn sentence_case_names_after_the_noun_of_their_kind() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "L'association Chalets fantômes a porté plainte.",
            "Chalets fantômes",
            "organization",
        ),
        (
            "Le collectif Auch à pied a salué le vote.",
            "Auch à pied",
            "organization",
        ),
        (
            "L'association Bières de Wallonie s'inquiète.",
            "Bières de Wallonie",
            "organization",
        ),
        (
            "Le programme Bassins durables pour rénover la chaufferie.",
            "Bassins durables",
            "misc",
        ),
        (
            "L'association Baie propre 22, présidée par elle.",
            "Baie propre 22",
            "organization",
        ),
        // A name in title case ends with its capitals.
        (
            "L'association Mountain Riders dénonce les prix.",
            "Mountain Riders",
            "organization",
        ),
    ] {
        assert_eq!(typed(r, text), [(name.to_string(), kind)], "{text}");
    }
    // A listed body after a particle is a name of its own; a lone word at the end is left to
    // the other rules.
    let t = typed(
        r,
        "Le satellite du programme Copernicus de l'Union européenne.",
    );
    assert!(t.contains(&("Copernicus".to_string(), "misc")), "{t:?}");
    assert!(!typed(r, "la coopérative Agrumes").is_empty());
}

#[test]
fn teams_named_after_places_and_districts() {
    let r = builtin();
    for text in [
        "Clare manager Pádraig de Búrca said it.",
        "The goal silenced the Kilkenny supporters on the hill.",
    ] {
        let t = typed(r, text);
        assert!(
            t.iter()
                .any(|(n, k)| (n == "Clare" || n == "Kilkenny") && *k == "organization"),
            "{text}: {t:?}"
        );
    }
    let t = typed(
        r,
        "Hills vanished in Nuh and Charkhi Dadri districts since 2010.",
    );
    assert!(
        t.contains(&("Charkhi Dadri".to_string(), "location")),
        "{t:?}"
    );
}

#[test]
fn streets_codes_origins_and_compounds() {
    let r = builtin();
    assert_eq!(
        typed(
            r,
            "Ils ne pourront plus monter de la place de la Libération à pied."
        ),
        [("place de la Libération".to_string(), "location")]
    );
    assert_eq!(
        typed(r, "Un délit puni par le Code de l'environnement."),
        [("Code de l'environnement".to_string(), "misc")]
    );
    assert_eq!(
        typed(r, "Moi je suis de Seix, les ours on vit avec."),
        [("Seix".to_string(), "location")]
    );
    let t = typed(
        r,
        "La Fédération française de canoë-kayak (FFCK) est candidate.",
    );
    assert!(
        t.contains(&(
            "Fédération française de canoë-kayak".to_string(),
            "organization"
        )),
        "{t:?}"
    );
}

#[test]
fn and_between_two_firms_whose_second_has_a_head_word() {
    let r = builtin();
    let t = typed(
        r,
        "The two main buyers, Limbe Leaf and Alliance One International, declined to comment.",
    );
    assert!(
        t.contains(&("Limbe Leaf".to_string(), "organization")),
        "{t:?}"
    );
    assert!(
        t.contains(&("Alliance One International".to_string(), "organization")),
        "{t:?}"
    );
}

#[test]
fn a_persons_cue_before_the_run_lets_particles_in() {
    let r = builtin();
    assert_eq!(
        typed(
            r,
            "The Dutch trade minister Sanne de Wijs is due to brief parliament."
        ),
        [("Sanne de Wijs".to_string(), "person")]
    );
}

#[test]
fn initials_after_a_title_and_renewables_firms() {
    let r = builtin();
    let t = typed(
        r,
        "After a similar audit, Health Minister J. P. Nadda said on Wednesday that it was fine.",
    );
    assert_eq!(t, [("J. P. Nadda".to_string(), "person")]);
    let t = typed(
        r,
        "The developer, Gwynt Cymru Renewables, says the scheme would power homes.",
    );
    assert_eq!(t, [("Gwynt Cymru Renewables".to_string(), "organization")]);
}

#[test]
fn surveys_and_vice_presidents() {
    let r = builtin();
    let t = typed(
        r,
        "Satellite images from the Forest Survey of India showed it.",
    );
    assert_eq!(t, [("Forest Survey of India".to_string(), "organization")]);
    let t = typed(
        r,
        "The keel was laid. Irving's vice-president of programs, Jo Smith, said.",
    );
    assert!(t.contains(&("Irving".to_string(), "organization")), "{t:?}");
}

#[test]
fn event_and_place_heads_take_their_place_complement() {
    let r = builtin();
    let t = typed(
        r,
        "Le public du Festival interceltique de Lorient a battu un record cette année.",
    );
    assert_eq!(
        t,
        [("Festival interceltique de Lorient".to_string(), "misc")]
    );
    let t = typed(
        r,
        "La présidente du Parc national des Cévennes a démissionné hier soir.",
    );
    assert_eq!(t, [("Parc national des Cévennes".to_string(), "location")]);
    // A listed firm's site in a city stays two names.
    let t = typed(
        r,
        "Les salariés de l'usine Stellantis de Sochaux ont débrayé.",
    );
    assert!(t.contains(&("Sochaux".to_string(), "location")), "{t:?}");
}

#[test]
fn conservatories_and_meetings_are_heads() {
    let r = builtin();
    let t = typed(
        r,
        "Selon lui, le Conservatoire botanique national de Brest alerte sur la crise.",
    );
    assert_eq!(
        t,
        [(
            "Conservatoire botanique national de Brest".to_string(),
            "organization"
        )]
    );
    let t = typed(
        r,
        "Cet été, les Rencontres de la photographie d'Arles ouvrent lundi.",
    );
    assert_eq!(
        t,
        [("Rencontres de la photographie d'Arles".to_string(), "misc")]
    );
}

#[test]
fn viaducts_churches_federations_and_fairs_are_lowercase_heads() {
    let r = builtin();
    let t = typed(r, "Le trafic sur le viaduc de Millau a repris lundi matin.");
    assert_eq!(t, [("viaduc de Millau".to_string(), "location")]);
    let t = typed(
        r,
        "Selon la fédération de pêche de l'Allier, le saumon revient.",
    );
    assert_eq!(
        t,
        [(
            "fédération de pêche de l'Allier".to_string(),
            "organization"
        )]
    );
    let t = typed(r, "Les fêtes de Saint-Nicolas attirent du monde à Nancy.");
    assert_eq!(
        t,
        [
            ("fêtes de Saint-Nicolas".to_string(), "misc"),
            ("Nancy".to_string(), "location")
        ]
    );
}

#[test]
fn a_bodys_regional_branch_names_its_region() {
    let r = builtin();
    let t = typed(
        r,
        "Le concert de l'Orchestre national Bordeaux Aquitaine est annulé.",
    );
    assert_eq!(
        t,
        [(
            "Orchestre national Bordeaux Aquitaine".to_string(),
            "organization"
        )]
    );
    let t = typed(
        r,
        "Selon le Comité régional de cyclisme Nouvelle-Aquitaine, les clubs manquent.",
    );
    assert_eq!(
        t,
        [(
            "Comité régional de cyclisme Nouvelle-Aquitaine".to_string(),
            "organization"
        )]
    );
}

#[test]
fn a_listed_bodys_branch_names_its_region_of_several_words() {
    let r = builtin();
    let t = typed(
        r,
        "Selon l'Agence régionale de santé Centre-Val de Loire, les lits manquent.",
    );
    assert_eq!(
        t,
        [(
            "Agence régionale de santé Centre-Val de Loire".to_string(),
            "organization"
        )]
    );
}

#[test]
fn a_craft_workshop_before_a_name_makes_it_a_firm() {
    let r = builtin();
    let t = typed(
        r,
        "Installée à Millau depuis 1890, la ganterie Peyrelade recrute.",
    );
    assert!(
        t.contains(&("Peyrelade".to_string(), "organization")),
        "{t:?}"
    );
}

#[test]
fn speech_verbs_make_no_person_after_an_article_or_of_their_object() {
    let r = builtin();
    let t = typed(
        r,
        "After the fires, the Nationals said they would review the decision.",
    );
    assert!(!t.iter().any(|(_, k)| *k == "person"), "{t:?}");
    // The object of a speech verb is no speaker.
    let t = typed(
        r,
        "The union Unison said Halberd Marine had ignored warnings for years.",
    );
    assert!(
        t.contains(&("Halberd Marine".to_string(), "organization")),
        "{t:?}"
    );
    // An attribution after a quote still names a person.
    let t = typed(r, "« On reviendra », a raconté Kerbrat devant la mairie.");
    assert!(t.contains(&("Kerbrat".to_string(), "person")), "{t:?}");
}

#[test]
fn a_given_name_before_a_road_or_a_bridge_names_a_place() {
    let r = builtin();
    let t = typed(
        r,
        "The farm lies 200 hectares off the Stuart Highway, near Darwin.",
    );
    assert!(
        t.contains(&("Stuart Highway".to_string(), "location")),
        "{t:?}"
    );
    let t = typed(r, "Visitors arrive each year over the Skye Bridge.");
    assert_eq!(t, [("Skye Bridge".to_string(), "location")]);
}

#[test]
fn the_irish_particle_o_belongs_to_the_surname() {
    let r = builtin();
    let t = typed(r, "Mr Ó Duibhir, who farms near Tralee, was angry.");
    assert!(t.contains(&("Ó Duibhir".to_string(), "person")), "{t:?}");
    let t = typed(
        r,
        "Local councillor Cathal Ó Duibhir said the scheme had failed.",
    );
    assert!(
        t.contains(&("Cathal Ó Duibhir".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn a_town_before_its_state_and_after_outside_is_a_place() {
    let r = builtin();
    // "Kinderhook Business Association" would make an organisation of the town; "Kinderhook,
    // New York," makes it a place, in the article and in its comment.
    let page = typed_page(&[
        "Mayor Elaine Van Buren of Kinderhook, New York, announced on Monday that she will not seek a third term. Ms Van Buren, a distant relative of Martin Van Buren, the eighth president, who was born in the village, said she wanted to \"leave while people still like me.\" Her deputy, Thomas McDonald, and county legislator Aisling O'Connor-Reyes have both expressed interest in the job. McDonald, 54, runs a hardware store next to the McDonald's on Broad Street and chairs the Kinderhook Business Association. The Columbia County Democratic Committee will choose its nominee in June. Meanwhile, the Republican Party has yet to name a candidate. Whoever wins will inherit a long dispute with the state over the renovation of the Van Alen House, which Albany has so far refused to fund. \"We are not Saratoga Springs, and we don't want to be,\" O'Connor-Reyes told the Times Union.",
        "Another Van Buren running Kinderhook? history repeats lol. My grandfather used to say the village produced one president and a thousand cows. Good luck to Tom McDonald, he fixed my lawnmower for free.",
    ]);
    assert!(
        page[1]
            .iter()
            .any(|(t, k, _)| t == "Kinderhook" && *k == "location"),
        "{page:?}"
    );
    let t = typed(
        r,
        "The festival is held each March on a farm outside Bellingen.",
    );
    assert_eq!(t, [("Bellingen".to_string(), "location")]);
}

#[test]
fn what_a_team_wins_is_an_event() {
    let r = builtin();
    let t = typed(
        r,
        "On Sunday the Multan Sultans won the Pakistan Super League in Lahore.",
    );
    assert!(
        t.contains(&("Pakistan Super League".to_string(), "misc")),
        "{t:?}"
    );
}

#[test]
fn a_sentence_with_several_names_is_no_title_case_heading() {
    let r = builtin();
    let t = typed(r, "On Sunday the Multan Sultans lost.");
    assert_eq!(t, [("Multan Sultans".to_string(), "organization")]);
    // A heading in title case still makes its names wait for confirmation.
    let t = typed(r, "Multan Sultans Beat Peshawar Zalmi In Thriller");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_festival_of_a_name_is_an_event() {
    let r = builtin();
    let t = typed(
        r,
        "Le festival des Vieilles Charrues a dévoilé mercredi sa programmation.",
    );
    assert_eq!(t, [("Vieilles Charrues".to_string(), "misc")]);
}

#[test]
fn an_age_in_apposition_makes_a_person() {
    let r = builtin();
    // Without the age, "in Calder" would make a place of both mentions.
    let t = typed(
        r,
        "Fans in Calder cheered. Later Calder, 40, finished seventh.",
    );
    assert!(t.contains(&("Calder".to_string(), "person")), "{t:?}");
    assert!(!t.contains(&("Calder".to_string(), "location")), "{t:?}");
}

#[test]
fn a_verb_after_an_institution_is_no_adjective_of_its_name() {
    let r = builtin();
    for (text, name) in [
        (
            "La Fédération française de natation rappelle qu'un élève sur deux ne sait pas nager.",
            "Fédération française de natation",
        ),
        (
            "Le Comité national olympique indique que la saison reprendra.",
            "Comité national olympique",
        ),
        (
            "Le Syndicat national des enseignants critique la réforme.",
            "Syndicat national des enseignants",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "organization")), "{t:?}");
    }
    // Adjectives of names stay in them, an object pronoun after one too.
    for (text, name) in [
        (
            "Le Comité national olympique et sportif français a voté.",
            "Comité national olympique et sportif français",
        ),
        (
            "Le Grand Conseil vaudois l'a rejetée de justesse.",
            "Grand Conseil vaudois",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "organization")), "{t:?}");
    }
}

#[test]
fn a_pool_or_hall_takes_the_name_right_after_it_a_valley_gives_its_river_a_place() {
    let r = builtin();
    let t = typed(
        r,
        "La ville fermera le 1er décembre la piscine Jean-Taris, son unique bassin couvert.",
    );
    assert_eq!(t, [("piscine Jean-Taris".to_string(), "location")]);
    let t = typed(
        r,
        "Les lectures auront lieu dans l'auditorium Jean-Pierre-Miquel et sous les chapiteaux.",
    );
    assert_eq!(
        t,
        [("auditorium Jean-Pierre-Miquel".to_string(), "location")]
    );
    // After "de", the place is the name.
    let t = typed(
        r,
        "Le ramassage scolaire et la piscine de Vautorte ne sont pas menacés.",
    );
    assert_eq!(t, [("Vautorte".to_string(), "location")]);
    // "vallée de la", "gorges de la": the river is a place, the valley no part of its name.
    let t = typed(
        r,
        "Les lames sont forgées dans l'atelier historique de la vallée de la Durolle.",
    );
    assert_eq!(t, [("Durolle".to_string(), "location")]);
    let t = typed(
        r,
        "Trois vautours sont morts dans les gorges de la Jonte, en Lozère.",
    );
    assert!(t.contains(&("Jonte".to_string(), "location")), "{t:?}");
}

#[test]
fn a_given_name_before_an_event_or_company_head_names_no_person() {
    let r = builtin();
    let t = typed(
        r,
        "The Adelaide Fringe has apologised after its ticketing system crashed.",
    );
    assert_eq!(t, [("Adelaide Fringe".to_string(), "misc")]);
    let t = typed(
        r,
        "Talks with Merlin Entertainments stalled, and the licence held by Miramar Gaming was extended.",
    );
    assert!(
        t.contains(&("Merlin Entertainments".to_string(), "organization")),
        "{t:?}"
    );
    assert!(
        t.contains(&("Miramar Gaming".to_string(), "organization")),
        "{t:?}"
    );
    let t = typed(
        r,
        "Hoteliers on the Golden Mile, near the Blackpool Tower, dread the Notting Hill Carnival.",
    );
    assert!(
        t.contains(&("Golden Mile".to_string(), "location")),
        "{t:?}"
    );
    assert!(
        t.contains(&("Blackpool Tower".to_string(), "location")),
        "{t:?}"
    );
    assert!(
        t.contains(&("Notting Hill Carnival".to_string(), "misc")),
        "{t:?}"
    );
    // A surname that is a place's head word stays a person's.
    let t = typed(
        r,
        "The report was written by Richard Hall and Jennifer Lake.",
    );
    assert!(t.contains(&("Richard Hall".to_string(), "person")), "{t:?}");
    assert!(
        t.contains(&("Jennifer Lake".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn an_acronym_then_a_given_name_and_a_surname_are_two_names() {
    let r = builtin();
    let t = typed(
        r,
        "La société, fondée par l'ancien cadre de Fret SNCF Matthieu van Hecke, a repris lundi la ligne.",
    );
    assert!(
        t.contains(&("Matthieu van Hecke".to_string(), "person")),
        "{t:?}"
    );
    assert!(!t.iter().any(|(n, _)| n.contains("SNCF Matthieu")), "{t:?}");
    // A title in capitals stays the person's cue.
    let t = typed(
        r,
        "Backbench MSP Callum Drever warned colleagues on Tuesday.",
    );
    assert_eq!(t, [("Callum Drever".to_string(), "person")]);
    // A given name that ends the name is the name's ("BFM Paris").
    let t = typed(r, "Le journaliste de BFM Paris a parlé.");
    assert_eq!(t, [("BFM Paris".to_string(), "organization")]);
}

#[test]
fn cues_for_seasons_launchers_unions_and_communities() {
    let r = builtin();
    let t = typed(
        r,
        "He appeared in two seasons of Gold Rush before he told the Trinidad Guardian.",
    );
    assert!(t.contains(&("Gold Rush".to_string(), "misc")), "{t:?}");
    assert!(
        t.contains(&("Trinidad Guardian".to_string(), "organization")),
        "{t:?}"
    );
    let t = typed(
        r,
        "The band rehearses in the hillside community of Laventille.",
    );
    assert_eq!(t, [("Laventille".to_string(), "location")]);
    let t = typed(
        r,
        "Les salariés d'Hexafret dénoncent le premier vol de son micro-lanceur Fulmar.",
    );
    assert!(
        t.contains(&("Hexafret".to_string(), "organization")),
        "{t:?}"
    );
    assert!(t.contains(&("Fulmar".to_string(), "misc")), "{t:?}");
    let t = typed(
        r,
        "Sa société, les Domaines de la Clape, devra verser 1,1 million.",
    );
    assert_eq!(t, [("Domaines de la Clape".to_string(), "organization")]);
}

#[test]
fn a_word_on_at_or_along_the_thing_it_names_is_a_place() {
    let r = builtin();
    for (text, name) in [
        (
            "The casino boats are moored on the Mandovi, near the city.",
            "Mandovi",
        ),
        ("The crowd gathered at the Gabba on Sunday.", "Gabba"),
        (
            "Il élève des salers sur la Planèze depuis vingt ans.",
            "Planèze",
        ),
    ] {
        let t = typed(r, text);
        assert_eq!(t, [(name.to_string(), "location")], "{text}");
    }
    // An acronym on the air is no place.
    let t = typed(r, "The interview ran on the ABC last night.");
    assert!(!t.contains(&("ABC".to_string(), "location")), "{t:?}");
}

#[test]
fn a_ministry_and_a_law_go_on_over_et() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Selon le ministère de l'Enseignement supérieur et de la Recherche, la fusion aura lieu.",
            "ministère de l'Enseignement supérieur et de la Recherche",
            "organization",
        ),
        (
            "Le ministère de l'Économie et des Finances a publié un décret.",
            "ministère de l'Économie et des Finances",
            "organization",
        ),
        (
            "Le ministère de la Transition écologique et de la Cohésion des territoires a tranché.",
            "ministère de la Transition écologique et de la Cohésion des territoires",
            "organization",
        ),
        (
            "La loi Climat et résilience interdit la location des passoires.",
            "loi Climat et résilience",
            "misc",
        ),
    ] {
        let t = typed(r, text);
        assert_eq!(t, [(name.to_string(), kind)], "{text}");
    }
    // "et" and another subject: two things.
    let t = typed(r, "Le ministère de l'Intérieur et la préfecture ont réagi.");
    assert_eq!(
        t,
        [("ministère de l'Intérieur".to_string(), "organization")]
    );
}

#[test]
fn a_country_after_a_sentence_opening_en_is_a_place() {
    let r = builtin();
    let t = typed(r, "En Suisse, la production a cessé lundi.");
    assert_eq!(t, [("Suisse".to_string(), "location")]);
    let t = typed(r, "In Turkey, prices rose again.");
    assert_eq!(t, [("Turkey".to_string(), "location")]);
    // The place and the name after its comma make no list.
    let t = typed(
        r,
        "En Suisse, Swissmedic a ordonné l'arrêt de la production.",
    );
    assert!(t.contains(&("Suisse".to_string(), "location")), "{t:?}");
    assert!(
        !t.contains(&("Swissmedic".to_string(), "location")),
        "{t:?}"
    );
}

#[test]
fn a_quoted_initiative_or_game_is_a_named_thing() {
    let r = builtin();
    let t = typed(
        r,
        "Les électeurs ont voté sur l'initiative populaire « Un toit pour tous », qui impose 30 % de logements.",
    );
    assert_eq!(t, [("Un toit pour tous".to_string(), "misc")]);
    let t = typed(
        r,
        "Un an après la sortie de « Veilleurs de Brume », son jeu d'aventure, le studio ferme.",
    );
    assert_eq!(t, [("Veilleurs de Brume".to_string(), "misc")]);
}

#[test]
fn a_league_at_the_end_of_its_name_is_a_competition() {
    let r = builtin();
    let t = typed(
        r,
        "The Pink Panthers won their third Pro Kabaddi League title on Friday.",
    );
    assert!(
        t.contains(&("Pro Kabaddi League".to_string(), "misc")),
        "{t:?}"
    );
    let t = typed(
        r,
        "Elle est la meilleure buteuse de la Seconde Ligue avec 19 buts.",
    );
    assert_eq!(t, [("Seconde Ligue".to_string(), "misc")]);
    // A league that begins its name is a body.
    let t = typed(r, "La Ligue contre le cancer a lancé un appel.");
    assert_eq!(t, [("Ligue contre le cancer".to_string(), "organization")]);
}

#[test]
fn a_vessel_noun_announces_its_name_and_a_fire_is_an_event() {
    let r = builtin();
    let t = typed(
        r,
        "Après le naufrage du chalutier Men Gwenn au large de Penmarc'h, le procès s'ouvre.",
    );
    assert!(t.contains(&("Men Gwenn".to_string(), "misc")), "{t:?}");
    let t = typed(
        r,
        "The families lost their homes in the 2020 Beachie Creek Fire.",
    );
    assert_eq!(t, [("Beachie Creek Fire".to_string(), "misc")]);
}

#[test]
fn mills_shipyards_camps_and_theatres_are_places() {
    let r = builtin();
    let t = typed(
        r,
        "The cane will go to the Rarawai Mill, and the ships are built at Halifax Shipyard.",
    );
    assert!(
        t.contains(&("Rarawai Mill".to_string(), "location")),
        "{t:?}"
    );
    assert!(
        t.contains(&("Halifax Shipyard".to_string(), "location")),
        "{t:?}"
    );
    let t = typed(
        r,
        "Climbers removed 11 tonnes of waste from Everest Base Camp before the show moved to the Soho Theatre.",
    );
    assert!(
        t.contains(&("Everest Base Camp".to_string(), "location")),
        "{t:?}"
    );
    assert!(
        t.contains(&("Soho Theatre".to_string(), "location")),
        "{t:?}"
    );
}

#[test]
fn a_name_before_which_is_no_person() {
    let r = builtin();
    let t = typed(
        r,
        "The fault lay with its software supplier Stagegate, which runs the ticketing.",
    );
    assert_eq!(t, [("Stagegate".to_string(), "organization")]);
    // A place keeps its own votes.
    let t = typed(
        r,
        "The cane will be sent to a mill in Ba, which is already full.",
    );
    assert_eq!(t, [("Ba".to_string(), "location")]);
}

#[test]
fn a_place_that_is_a_given_name_before_a_surname_begins_a_person() {
    let r = builtin();
    let t = typed(
        r,
        "Hier, Gilbert Faure a démissionné de son poste de maire.",
    );
    assert_eq!(t, [("Gilbert Faure".to_string(), "person")]);
    let t = typed(
        r,
        "L'opposition, menée par Florence Dumas-Lafitte, juge le projet trop cher.",
    );
    assert_eq!(t, [("Florence Dumas-Lafitte".to_string(), "person")]);
    // A firm's head word keeps the place's organisation.
    let t = typed(r, "Austin Energy raised its rates in March.");
    assert_eq!(t, [("Austin Energy".to_string(), "organization")]);
}

#[test]
fn a_stock_exchange_is_named_with_its_city() {
    let r = builtin();
    let t = typed(
        r,
        "La Bourse de Paris a reculé lundi, et en Bourse le titre a chuté.",
    );
    assert_eq!(t, [("Bourse de Paris".to_string(), "organization")]);
}

#[test]
fn a_name_spelled_out_before_its_acronym_is_whole() {
    let r = builtin();
    let t = typed(
        r,
        "Le Syndicat des travailleurs et travailleuses du jeu vidéo (STJV) dénonce un plan social.",
    );
    assert_eq!(
        t,
        [
            (
                "Syndicat des travailleurs et travailleuses du jeu vidéo".to_string(),
                "organization"
            ),
            ("STJV".to_string(), "organization")
        ]
    );
    let t = typed(
        r,
        "Selon l'agence régionale de santé Auvergne-Rhône-Alpes (ARS), le niveau 4 est activé.",
    );
    assert_eq!(
        t[0],
        (
            "agence régionale de santé Auvergne-Rhône-Alpes".to_string(),
            "organization"
        )
    );
    // A plan keeps its type, and its acronym joins it.
    let plan = "Plan de lutte contre les algues vertes";
    let t = found(
        r,
        "Le Plan de lutte contre les algues vertes (PLAV), renouvelé en 2022, coûte cher.",
    );
    assert_eq!(
        t,
        [
            (plan.to_string(), "misc", plan.to_string()),
            ("PLAV".to_string(), "misc", plan.to_string())
        ]
    );
    // An English name ends with its head; the name before a lowercase head's capitalised
    // complement is that complement's.
    let t = typed(
        r,
        "It was approved by the Games Independent Infrastructure and Coordination Authority (GIICA) on Monday.",
    );
    assert_eq!(
        t[0],
        (
            "Games Independent Infrastructure and Coordination Authority".to_string(),
            "organization"
        )
    );
    let t = typed(
        r,
        "Le conseil de l'Organisation européenne pour la recherche nucléaire (CERN) a voté.",
    );
    assert_eq!(
        t[0],
        (
            "Organisation européenne pour la recherche nucléaire".to_string(),
            "organization"
        )
    );
    // A hyphenated word gives its parts' initials.
    let t = found(
        r,
        "Le délai moyen au Groupement hospitalier Nord-Ardennes (GHNA) était de quatre mois.",
    );
    let ghna = "Groupement hospitalier Nord-Ardennes";
    assert_eq!(
        t,
        [
            (ghna.to_string(), "organization", ghna.to_string()),
            ("GHNA".to_string(), "organization", ghna.to_string())
        ]
    );
    // A publisher in parentheses is no acronym of the title before it.
    let t = typed(r, "Il a publié Nuits de Tbilissi (Grasset) en mai.");
    assert!(
        t.iter().all(|(n, _)| n != "Nuits de Tbilissi (Grasset)"),
        "{t:?}"
    );
}

#[test]
fn a_capitalised_article_after_a_preposition_of_place_begins_a_place() {
    let r = builtin();
    let t = typed(
        r,
        "Un hélicoptère sera basé à La Tuque les fins de semaine.",
    );
    assert_eq!(t, [("La Tuque".to_string(), "location")]);
    // A title after "à" is written with "Les" ("décerné à Les Crassiers").
    let t = typed(
        r,
        "Le prix a été décerné mercredi à Les Crassiers, son premier film.",
    );
    assert!(t.iter().all(|(_, k)| *k != "location"), "{t:?}");
}

#[test]
fn through_an_unknown_word_is_a_place_unless_something_is_sold() {
    let r = builtin();
    let t = typed(
        r,
        "Homeowners marched through Buncrana on Saturday to demand changes.",
    );
    assert_eq!(t, [("Buncrana".to_string(), "location")]);
    let t = typed(
        r,
        "He said ticket sales through Moshtix had fallen by 40 per cent.",
    );
    assert_eq!(t, [("Moshtix".to_string(), "misc")]);
}

#[test]
fn castles_gardens_and_promenades_begin_place_names() {
    let r = builtin();
    let t = typed(
        r,
        "La toile a été peinte en 1868 au château de By, près de la Seine.",
    );
    assert_eq!(t[0], ("château de By".to_string(), "location"));
    let t = typed(r, "Les motifs géants des jardins Biovès sont prêts.");
    assert_eq!(t, [("jardins Biovès".to_string(), "location")]);
    let t = typed(
        r,
        "Les immeubles proches de la plage Centrale seront démolis.",
    );
    assert_eq!(t, [("plage Centrale".to_string(), "location")]);
}

#[test]
fn a_field_before_a_country_names_a_state_agency() {
    let r = builtin();
    let t = typed(r, "Natural England withdrew its objection last month.");
    assert_eq!(t, [("Natural England".to_string(), "organization")]);
    let t = typed(
        r,
        "The rebuild was confirmed by Health New Zealand on Tuesday.",
    );
    assert_eq!(t, [("Health New Zealand".to_string(), "organization")]);
    let t = typed(r, "L'annonce a été faite mardi par Santé Québec.");
    assert_eq!(t, [("Santé Québec".to_string(), "organization")]);
    // The field as a word of the sentence leaves the place alone.
    let t = typed(
        r,
        "Water in Ireland is clean, and the health of Ireland is good.",
    );
    assert!(t.iter().all(|(_, k)| *k == "location"), "{t:?}");
}

#[test]
fn a_lowercase_nationality_before_an_unknown_word_stands_for_a_firm() {
    let r = builtin();
    let t = typed(r, "Le tunnel a été creusé par Vinci et l'italien Webuild.");
    assert_eq!(t[1], ("Webuild".to_string(), "organization"));
    // A person's full name elsewhere on the page wins.
    let t = typed(
        r,
        "Jannik Sinner a gagné. Il a battu l'italien Sinner en finale.",
    );
    assert!(t.iter().all(|(_, k)| *k == "person"), "{t:?}");
}

#[test]
fn a_lowercase_city_that_is_a_word_is_a_place_after_a_at_or_from() {
    let r = builtin();
    let t = typed(r, "c'est 6h avec un changement à paris, une blague");
    assert_eq!(t, [("paris".to_string(), "location")]);
    let t = typed(r, "we sang there with our choir from cork in 2018");
    assert_eq!(t, [("cork".to_string(), "location")]);
    // Idioms stay words.
    assert!(typed(r, "il travaille à tours de bras").is_empty());
    assert!(typed(r, "in nice weather we walk to the beach").is_empty());
}

#[test]
fn a_fintech_is_an_organisation() {
    let r = builtin();
    let t = typed(r, "Le gala était parrainé par la fintech Wave.");
    assert_eq!(t, [("Wave".to_string(), "organization")]);
}

#[test]
fn an_acronym_defined_in_parentheses_is_a_name_though_also_a_word() {
    let r = builtin();
    let t = found(
        r,
        "The firm applied to the Public Utilities Board (PUB) for a rate increase. The PUB will decide.",
    );
    let board = "Public Utilities Board".to_string();
    assert_eq!(
        t,
        [
            (board.clone(), "organization", board.clone()),
            ("PUB".to_string(), "organization", board.clone()),
            ("PUB".to_string(), "organization", board)
        ]
    );
    // An abbreviation in parentheses after itself defines nothing.
    assert!(typed(r, "Une pub pour la PUB à la TV (TV).").is_empty());
}

#[test]
fn a_place_cheered_on_is_its_team() {
    let r = builtin();
    let t = typed(r, "Bravo les gars, allez Brest");
    assert_eq!(t, [("Brest".to_string(), "organization")]);
    // A person cheered on stays a person.
    let t = typed(r, "Allez Gwen, tu peux le faire");
    assert_eq!(t, [("Gwen".to_string(), "person")]);
}

#[test]
fn the_agent_of_a_persons_verb_is_a_person() {
    let r = builtin();
    let t = typed(r, "The judges, chaired by Nica Burns, praised the show.");
    assert_eq!(t, [("Nica Burns".to_string(), "person")]);
    let t = typed(
        r,
        "L'association est dirigée par Pascaline Mukendi depuis 2010.",
    );
    assert_eq!(t, [("Pascaline Mukendi".to_string(), "person")]);
}

#[test]
fn loose_readings_stay_inside_their_sentence_and_idioms_stay_words() {
    let r = builtin();
    // A parenthesis that follows no name defines no acronym.
    let t = found(
        r,
        "Pierre Ulrich Bertrand est arrivé. On a bu un verre (PUB). Le PUB ferme à minuit.",
    );
    assert_eq!(
        t,
        [(
            "Pierre Ulrich Bertrand".to_string(),
            "person",
            "Pierre Ulrich Bertrand".to_string()
        )]
    );
    assert!(typed(r, "It was in nice and warm weather.").is_empty());
    assert!(typed(r, "in nice, sunny weather we walk").is_empty());
    assert!(typed(r, "Il parle à tours et à travers.").is_empty());
    let t = typed(r, "She starred in The Crown last year.");
    assert_eq!(t, [("The Crown".to_string(), "misc")]);
}

#[test]
fn a_plural_noun_named_after_its_place_is_one_name() {
    let r = builtin();
    let t = typed(
        r,
        "Les Rapaces de Gap ont battu les Ducs d'Angers, et les Pêcheries de l'Odet recrutent.",
    );
    assert_eq!(
        t,
        [
            ("Rapaces de Gap".to_string(), "organization"),
            ("Ducs d'Angers".to_string(), "organization"),
            ("Pêcheries de l'Odet".to_string(), "organization"),
        ]
    );
    let t = typed(
        r,
        "Il boit des Bières de Wallonie et vend des Agrumes du Hainaut.",
    );
    assert_eq!(
        t,
        [
            ("Bières de Wallonie".to_string(), "organization"),
            ("Agrumes du Hainaut".to_string(), "organization"),
        ]
    );
    // A lowercase head keeps its name; a demonym is no such noun.
    let t = typed(r, "Le musée des Beaux-Arts de Rouen a un directeur.");
    assert_eq!(
        t,
        [("musée des Beaux-Arts de Rouen".to_string(), "organization")]
    );
    let t = typed(r, "Les Lyonnais de Paris se retrouvent.");
    assert_eq!(t, [("Paris".to_string(), "location")]);
}

#[test]
fn smaller_towns_where_the_news_is_local_are_places() {
    let r = builtin();
    let t = typed(
        r,
        "Le car part de Delémont et s'arrête à Matane puis à Meyrin.",
    );
    assert_eq!(
        t,
        [
            ("Delémont".to_string(), "location"),
            ("Matane".to_string(), "location"),
            ("Meyrin".to_string(), "location"),
        ]
    );
}

#[test]
fn plural_cues_and_a_possessors_firm_type_the_name() {
    let r = builtin();
    let t = typed(r, "Le groupe édite les quotidiens Sudinfo depuis 2010.");
    assert_eq!(t, [("Sudinfo".to_string(), "organization")]);
    let t = typed(r, "Il négocie avec son assureur, Ethias, depuis mai.");
    assert_eq!(t, [("Ethias".to_string(), "organization")]);
    let t = typed(r, "Selon l'interprofession Interbev, les prix montent.");
    assert_eq!(t, [("Interbev".to_string(), "organization")]);
    let t = typed(r, "Le moteur Typhée a réussi son essai.");
    assert_eq!(t, [("Typhée".to_string(), "misc")]);
    // A brand after a possessive is no firm.
    let t = typed(r, "Il vend l'huile sous sa marque, Zitouna, depuis mai.");
    assert!(t.iter().all(|(_, k)| *k != "organization"), "{t:?}");
}

#[test]
fn transit_lines_and_oil_blocks_are_places() {
    let r = builtin();
    let t = typed(
        r,
        "The trains will run on the Luas Green Line, and the Red Line Extension is funded.",
    );
    assert_eq!(
        t,
        [
            ("Luas Green Line".to_string(), "location"),
            ("Red Line Extension".to_string(), "location"),
        ]
    );
    let t = typed(r, "Oil from the Yellowtail field and the Stabroek Block.");
    assert_eq!(
        t,
        [
            ("Yellowtail".to_string(), "location"),
            ("Stabroek Block".to_string(), "location"),
        ]
    );
    // A production line is no place; a shipping line is a firm.
    let t = typed(r, "The Zentek production line stopped.");
    assert!(t.iter().all(|(_, k)| *k != "location"), "{t:?}");
    let t = typed(r, "Competition from Stena Line grew.");
    assert_eq!(t, [("Stena Line".to_string(), "organization")]);
}

#[test]
fn portuguese_particles_stay_in_a_persons_name() {
    let r = builtin();
    let t = typed(
        r,
        "Carmen sera chantée avec le ténor Jonas Ferreira da Costa.",
    );
    assert!(
        t.contains(&("Jonas Ferreira da Costa".to_string(), "person")),
        "{t:?}"
    );
    let t = typed(r, "Did Boris Johnson do Brexit right?");
    assert!(
        t.contains(&("Boris Johnson".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn a_cue_words_possessive_names_what_it_owns() {
    let r = builtin();
    let t = typed(r, "The agency's Juice probe was launched a year earlier.");
    assert_eq!(t, [("Juice".to_string(), "misc")]);
}

#[test]
fn a_lowercase_listed_name_after_an_elided_article_counts() {
    let r = builtin();
    let t = typed(r, "bravo quand meme à l'urssaf pour une fois");
    assert_eq!(t, [("urssaf".to_string(), "organization")]);
}

#[test]
fn a_french_first_head_word_types_the_whole_name() {
    let r = builtin();
    let t = typed(r, "Des traces après le Prix du Jockey Club.");
    assert_eq!(t, [("Prix du Jockey Club".to_string(), "misc")]);
    let t = typed(r, "Le Festival America s'ouvre jeudi.");
    assert_eq!(t, [("Festival America".to_string(), "misc")]);
    let t = typed(
        r,
        "The Port of Rotterdam Authority puts the losses at €25m.",
    );
    assert_eq!(
        t,
        [("Port of Rotterdam Authority".to_string(), "organization")]
    );
}

#[test]
fn an_unknown_first_word_at_a_sentence_start_stays_in_the_name() {
    let r = builtin();
    // The surname is never written alone: the first word is the given name.
    let t = texts(
        r,
        "Kwesi Appiah-Mensah, a lawyer for the residents, said the court must act.",
    );
    assert_eq!(t, ["Kwesi Appiah-Mensah"]);
    // A common word before it is no part of it.
    let t = texts(
        r,
        "They are broke. Hope Chanda-Phiri takes them for every kwacha.",
    );
    assert_eq!(t, ["Chanda-Phiri"]);
    // A word the page also writes alone inside a sentence.
    let t = texts(
        r,
        "Zorblax Dupuy a encore frappé. Et Dupuy ne s'arrête pas.",
    );
    assert_eq!(t, ["Dupuy", "Dupuy"]);
}

#[test]
fn maori_and_irish_articles_begin_names() {
    let r = builtin();
    let t = texts(
        r,
        "He added that Te Whatu Ora would publish new sites. Dr Te Paa-Whitmore urged calm.",
    );
    assert_eq!(t, ["Te Whatu Ora", "Te Paa-Whitmore"]);
    let t = texts(
        r,
        "Young people should enrol at Te Wānanga o Aotearoa this year.",
    );
    assert_eq!(t, ["Te Wānanga o Aotearoa"]);
    let t = texts(
        r,
        "The court ruled that An Coimisiún Pleanála erred. Ms Justice Ní Fhlannagáin awarded costs.",
    );
    assert_eq!(t, ["An Coimisiún Pleanála", "Ní Fhlannagáin"]);
    // The French pronoun and the English article at a sentence start are no part of a name.
    let t = texts(r, "Te souviens-tu de Lyon ? An Irish court ruled.");
    assert!(
        !t.iter()
            .any(|m| m.starts_with("Te") || m.starts_with("An ")),
        "{t:?}"
    );
}

#[test]
fn a_region_that_acts_is_its_council() {
    let r = builtin();
    let t = typed(
        r,
        "Une commande pour la région Grand Est, pour 410 millions. Le président de la région \
         Nouvelle-Aquitaine a salué. Il vit dans la région Occitanie, près de la région d'Arcachon.",
    );
    assert_eq!(
        t,
        [
            ("région Grand Est".to_string(), "organization"),
            ("Nouvelle-Aquitaine".to_string(), "location"),
            ("Occitanie".to_string(), "location"),
            ("Arcachon".to_string(), "location"),
        ]
    );
}

#[test]
fn what_a_line_links_or_serves_is_a_place() {
    let r = builtin();
    let t = typed(
        r,
        "La ligne de tram relie Sclessin à Coronmeuse en six minutes.",
    );
    assert_eq!(
        t,
        [
            ("Sclessin".to_string(), "location"),
            ("Coronmeuse".to_string(), "location")
        ]
    );
}

#[test]
fn a_sport_or_team_before_a_country_is_its_national_body() {
    let r = builtin();
    let t = typed(
        r,
        "Curling Canada said the week drew 62,000 spectators, a record for Team Canada.",
    );
    assert_eq!(
        t,
        [
            ("Curling Canada".to_string(), "organization"),
            ("Team Canada".to_string(), "organization")
        ]
    );
}

#[test]
fn the_people_of_a_place_and_the_cfa_franc_are_no_names() {
    let r = builtin();
    let t = texts(
        r,
        "Prochain rendez-vous pour les Phocéens à Lens. Les Tourquennoises ont validé leur \
         montée. Un fonds de 2 milliards de francs CFA sera débloqué.",
    );
    assert_eq!(t, ["Lens"]);
}

#[test]
fn an_aldermans_portfolio_and_a_virus_are_no_entities() {
    let r = builtin();
    let t = texts(
        r,
        "Le tram est à l'arrêt, a confirmé l'échevin de la Mobilité, Tanguy Delvaux. Le virus, \
         un H5N1, circule depuis le Covid.",
    );
    assert_eq!(t, ["Tanguy Delvaux"]);
}

#[test]
fn particles_after_a_courtesy_title_and_irish_surnames_stay_in_the_name() {
    let r = builtin();
    let t = texts(
        r,
        "Pour M. de Villemereuil, l'Europe paie trente ans de retard.",
    );
    assert!(t.contains(&"de Villemereuil".to_string()), "{t:?}");
    let t = texts(
        r,
        "Independent TD Colm Ó Gallchóir said it was wrong. Ó Gallchóir added more.",
    );
    assert_eq!(t, ["Colm Ó Gallchóir", "Ó Gallchóir"]);
    let t = texts(r, "Te Huia-Bennett said the iwi would appeal.");
    assert_eq!(t, ["Te Huia-Bennett"]);
}

#[test]
fn landform_heads_end_place_names() {
    let r = builtin();
    let t = typed(
        r,
        "A meteorite fell on the Zorvath Plain, near the Kelbrin Current and Mordle Falls.",
    );
    assert_eq!(
        t,
        [
            ("Zorvath Plain".to_string(), "location"),
            ("Kelbrin Current".to_string(), "location"),
            ("Mordle Falls".to_string(), "location")
        ]
    );
}

#[test]
fn french_landform_heads_begin_place_names() {
    let r = builtin();
    let t = typed(r, "Une coulée sur le flanc du Piton de la Fournaise, hier.");
    assert_eq!(t, [("Piton de la Fournaise".to_string(), "location")]);
    // The English "pic" is no peak.
    let t = typed(r, "she posted a pic of Taylor Swift at the show");
    assert!(!t.iter().any(|(m, _)| m.starts_with("pic")), "{t:?}");
}

#[test]
fn a_capitalised_word_before_a_listed_firm_inside_a_sentence_names_its_branch() {
    let r = builtin();
    let t = typed(r, "Il a été cadre chez Fret SNCF pendant vingt ans.");
    assert_eq!(t, [("Fret SNCF".to_string(), "organization")]);
}

#[test]
fn a_public_body_s_name_takes_public_and_a_nationality() {
    let r = builtin();
    let t = typed(
        r,
        "Elles sont autorisées par l'Établissement public de sécurité ferroviaire, qui a \
         retardé le projet, et par l'Office public de la langue bretonne.",
    );
    assert_eq!(
        t,
        [
            (
                "Établissement public de sécurité ferroviaire".to_string(),
                "organization"
            ),
            (
                "Office public de la langue bretonne".to_string(),
                "organization"
            )
        ]
    );
}

#[test]
fn a_trade_noun_announces_a_firm() {
    let r = builtin();
    let t = typed(
        r,
        "Le lunetier jurassien Vuillet-Marmier, installé à Morez, ferme.",
    );
    assert!(
        t.contains(&("Vuillet-Marmier".to_string(), "organization")),
        "{t:?}"
    );
}

#[test]
fn listed_names_and_short_surnames_are_kept_by_the_portfolio_and_people_rules() {
    let r = builtin();
    // A listed place after a deputy mayor is no portfolio.
    let t = texts(r, "Il a rencontré l'adjoint au maire de Nice hier.");
    assert_eq!(t, ["Nice"]);
    // A party listed with its article, a family's surname.
    let t = texts(r, "Il dîne chez les Dubois puis rejoint les Républicains.");
    assert!(t.contains(&"Dubois".to_string()), "{t:?}");
    // A title that is no courtesy title does not carry a name over "de la".
    let t = texts(r, "Hier, le Président de la République a parlé.");
    assert!(
        !t.iter()
            .any(|m| m.contains("République") && m.contains("Président")),
        "{t:?}"
    );
}

#[test]
fn a_road_number_after_an_article_is_a_place() {
    let r = builtin();
    let t = typed(
        r,
        "Lorries use the B6479 and the M621. Moins de camions sur la N20 et l'A10.",
    );
    assert_eq!(
        t,
        [
            ("B6479".to_string(), "location"),
            ("M621".to_string(), "location"),
            ("N20".to_string(), "location"),
            ("A10".to_string(), "location")
        ]
    );
    // A listed name is no road.
    let t = typed(r, "La M6 diffuse le match.");
    assert!(!t.iter().any(|(_, k)| *k == "location"), "{t:?}");
}

#[test]
fn the_earth_is_a_place_and_a_channel_broadcasts() {
    let r = builtin();
    let t = typed(
        r,
        "Il passera à un million de kilomètres de la Terre. Le match sera diffusé sur Canal+.",
    );
    assert_eq!(
        t,
        [
            ("Terre".to_string(), "location"),
            ("Canal+".to_string(), "organization")
        ]
    );
}

#[test]
fn the_word_after_an_irish_article_is_the_head() {
    let r = builtin();
    let t = typed(r, "The plans would go to An Bord Pleanála next year.");
    assert_eq!(t, [("An Bord Pleanála".to_string(), "organization")]);
}

#[test]
fn an_agent_noun_or_participle_at_a_sentence_start_describes_the_name_after_it() {
    let r = builtin();
    let names =
        |text: &str| -> Vec<String> { typed(r, text).into_iter().map(|(n, _)| n).collect() };
    assert_eq!(
        names("The deal was signed. Operators Kelbrook Hendry had opposed it."),
        ["Kelbrook Hendry"]
    );
    // A British spelling of a common word is common too.
    assert_eq!(
        names("Neighbouring Neskantaga First Nation said it was never consulted."),
        ["Neskantaga First Nation"]
    );
    // Not before a common word or a head word, nor when a listed name starts there.
    assert_eq!(
        names("Rangers Football Club said no."),
        ["Rangers Football Club"]
    );
    assert_eq!(
        names("Reading Borough Council said no."),
        ["Reading Borough Council"]
    );
}

#[test]
fn a_persons_possessive_ends_the_name_and_a_kings_bench_is_a_court() {
    let r = builtin();
    assert_eq!(
        typed(
            r,
            "The plan of Danielle Smith's United Conservative Party was rescinded."
        ),
        [
            ("Danielle Smith".to_string(), "person"),
            ("United Conservative Party".to_string(), "organization")
        ]
    );
    assert_eq!(
        typed(
            r,
            "He went to the Court of King's Bench of Alberta on Monday."
        ),
        [(
            "Court of King's Bench of Alberta".to_string(),
            "organization"
        )]
    );
    // A demonym before a plural possessive stays in the name.
    assert_eq!(
        typed(r, "He chairs a branch of the Irish Farmers' Association."),
        [("Irish Farmers' Association".to_string(), "organization")]
    );
}

#[test]
fn a_cue_word_before_a_landform_names_it_and_nearby_places_are_places() {
    let r = builtin();
    assert_eq!(
        typed(r, "The chicks fledged on Anchor Island last year."),
        [("Anchor Island".to_string(), "location")]
    );
    assert_eq!(
        typed(r, "The ban covers coal drilling on Grassy Mountain."),
        [("Grassy Mountain".to_string(), "location")]
    );
    let t = typed(
        r,
        "The owner, in nearby Wotten Waven, says the springs dried up.",
    );
    assert!(
        t.contains(&("Wotten Waven".to_string(), "location")),
        "{t:?}"
    );
}

#[test]
fn surnames_that_look_like_stop_words_welsh_particles_regnal_numbers_and_remits() {
    let r = builtin();
    assert_eq!(
        typed(
            r,
            "Elle a devancé au sprint la Néerlandaise Marianne Vos sur la piste."
        ),
        [("Marianne Vos".to_string(), "person")]
    );
    let t = typed(r, "Ap Dafydd-Roberts wants a park-and-ride.");
    assert_eq!(t, [("Ap Dafydd-Roberts".to_string(), "person")]);
    let t = typed(
        r,
        "Committee member Gwenllian ap Dafydd-Roberts spoke first.",
    );
    assert_eq!(t[0].0, "Gwenllian ap Dafydd-Roberts");
    let t = typed(
        r,
        "Elle fut tissée pour le frère du roi Charles V, à Paris.",
    );
    assert_eq!(t[0], ("Charles V".to_string(), "person"));
    assert_eq!(
        typed(r, "The Joint Committee on Health said no."),
        [("Joint Committee on Health".to_string(), "organization")]
    );
    assert!(typed(r, "The Council on Monday voted.").is_empty());
}

#[test]
fn agencies_corps_and_a_common_word_before_a_persons_title() {
    let r = builtin();
    assert_eq!(
        typed(r, "The U.S. Army Corps of Engineers has sent its dredge."),
        [("U.S. Army Corps of Engineers".to_string(), "organization")]
    );
    assert_eq!(
        typed(r, "Biosecurity Queensland has confirmed it."),
        [("Biosecurity Queensland".to_string(), "organization")]
    );
    // What a person runs, at a sentence start, is no name; a firm is.
    assert_eq!(
        typed(
            r,
            "It rained. Estate manager Rohan Barooah-Fernandes said so."
        ),
        [("Rohan Barooah-Fernandes".to_string(), "person")]
    );
    let t = typed(r, "It rained. Google engineer Jane Smith said so.");
    assert_eq!(t[0], ("Google".to_string(), "organization"));
}

#[test]
fn a_coast_and_a_river_in_flood_are_places() {
    let r = builtin();
    assert_eq!(
        typed(r, "Farmers on the east coast of Zanzibar have signed."),
        [("Zanzibar".to_string(), "location")]
    );
    assert_eq!(
        typed(r, "Depuis lundi, la Têt est en crue."),
        [("Têt".to_string(), "location")]
    );
    assert_eq!(
        typed(
            r,
            "Fields are under water after the Brahmaputra burst its banks."
        ),
        [("Brahmaputra".to_string(), "location")]
    );
}

#[test]
fn examples_of_firms_are_firms() {
    let r = builtin();
    assert_eq!(
        typed(
            r,
            "Les grandes maisons comme Hennessy ou Rémy Martin achètent moins."
        ),
        [
            ("Hennessy".to_string(), "organization"),
            ("Rémy Martin".to_string(), "organization")
        ]
    );
    let t = typed(r, "Big retailers such as Walgreens have said no.");
    assert_eq!(t, [("Walgreens".to_string(), "organization")]);
    // Not examples of authors.
    let t = typed(r, "Il aime des auteurs comme Victor Hugo.");
    assert_eq!(t, [("Victor Hugo".to_string(), "person")]);
}

#[test]
fn a_trade_noun_before_a_given_name_and_a_surname_is_a_persons_trade() {
    let r = builtin();
    assert_eq!(
        typed(r, "Le coutelier Jean-Pierre Marchetti a reçu le prix."),
        [("Jean-Pierre Marchetti".to_string(), "person")]
    );
    assert_eq!(
        typed(r, "Team owner Francesco Aquilini thanked him."),
        [("Francesco Aquilini".to_string(), "person")]
    );
    // A firm's name after the trade noun and a nationality stays a firm's.
    assert_eq!(
        typed(
            r,
            "Le chocolatier suisse Barry Callebaut assure honorer ses contrats."
        ),
        [("Barry Callebaut".to_string(), "organization")]
    );
}

#[test]
fn a_listed_name_with_its_possessive_needs_it() {
    let r = builtin();
    let t = typed_page(&["Fergus McDonald won. McDonald, 54, runs a hardware store."]);
    assert_eq!(t[0][1].1, "person", "{t:?}");
    assert_eq!(t[0][1].2, "Fergus McDonald", "{t:?}");
    assert_eq!(
        typed(r, "Il mange chez McDonald’s tous les jours."),
        [("McDonald’s".to_string(), "organization")]
    );
    assert_eq!(
        typed(r, "He sold it at Sotheby's in London.")[0],
        ("Sotheby's".to_string(), "organization")
    );
}

#[test]
fn hydro_quebec_is_a_company() {
    let r = builtin();
    assert_eq!(
        typed(r, "Hydro-Québec a conclu mercredi une entente."),
        [("Hydro-Québec".to_string(), "organization")]
    );
}

#[test]
fn this_rounds_rules_leave_ordinary_sentences_alone() {
    let r = builtin();
    // A player who gets past a defender is no river.
    assert_eq!(
        typed(r, "Mbappé a débordé sur l'aile gauche."),
        [("Mbappé".to_string(), "person")]
    );
    // "I" is no regnal number.
    assert_eq!(
        typed(r, "Thanks Sarah I agree."),
        [("Sarah".to_string(), "person")]
    );
    // A council's remit is no place or name.
    let t = typed(r, "The Security Council on Gaza met.");
    assert!(t.contains(&("Gaza".to_string(), "location")), "{t:?}");
    // A person given as an example after a comma, and a singular agent noun that is a name.
    let t = typed(
        r,
        "Les banques ont souffert, comme Christine Lagarde l'a rappelé.",
    );
    assert_eq!(t, [("Christine Lagarde".to_string(), "person")]);
    let t = typed(r, "Archer Daniels Midland said it would buy the plant.");
    assert_eq!(t[0].0, "Archer Daniels Midland");
    // A listed name with a possessive only matches at its end.
    let t = typed(r, "He read Agatha Christie's novels.");
    assert_eq!(t, [("Agatha Christie".to_string(), "person")]);
}

#[test]
fn a_long_word_full_of_british_endings_is_looked_up_once() {
    let r = builtin();
    // A word is respelt in one pass, and not at all past 40 letters: this returns at once.
    let word = format!("Our{}", "ourise".repeat(30));
    let text = format!("{word} said so. Then {word} left.");
    let t = typed(r, &text);
    assert!(t.len() <= 2, "{t:?}");
}

#[test]
fn particles_go_on_a_surname_after_a_given_name() {
    let r = builtin();
    // Not a paper or a body after a person.
    let t = typed(r, "a expliqué Raphaëlle Bacqué du Monde hier.");
    assert!(
        t.contains(&("Raphaëlle Bacqué".to_string(), "person")),
        "{t:?}"
    );
    let t = typed(r, "The chief executive, Jorge Vidal de la Peña, said so.");
    assert!(
        t.contains(&("Jorge Vidal de la Peña".to_string(), "person")),
        "{t:?}"
    );
    // A demonym before the given name.
    let t = typed(r, "Il a lu le Belge Thibaut de Wasseige hier.");
    assert!(
        t.contains(&("Thibaut de Wasseige".to_string(), "person")),
        "{t:?}"
    );
    // Not a listed place after the particle.
    let t = typed(r, "Il a vu Jean Dupont de Lyon hier.");
    assert!(t.contains(&("Lyon".to_string(), "location")), "{t:?}");
}

#[test]
fn who_heads_a_body_names_it() {
    let r = builtin();
    let t = typed(
        r,
        "La directrice du Gipreb, Marie-Pierre Ottaviani-Roux, a protesté.",
    );
    assert!(t.contains(&("Gipreb".to_string(), "organization")), "{t:?}");
    // The name after the title and the body is the person's.
    let t = typed(
        r,
        "Selon la présidente de Radio France, Sibyle Veil, il faut économiser.",
    );
    assert!(t.contains(&("Sibyle Veil".to_string(), "person")), "{t:?}");
    // A court named after a place that is also a given name.
    let t = typed(r, "Il ferait appel devant la cour d'appel de Nancy.");
    assert_eq!(t, [("cour d'appel de Nancy".to_string(), "organization")]);
    // The mayor of a place.
    let t = typed(r, "Le maire de Lyon, Grégory Doucet, a parlé.");
    assert!(t.contains(&("Lyon".to_string(), "location")), "{t:?}");
}

#[test]
fn roads_islands_facilities_and_railways_take_their_heads() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Driving Highway 11 in February is a death wish.",
            "Highway 11",
            "location",
        ),
        ("She was on Hwy 11 at night.", "Hwy 11", "location"),
        ("Il fallait creuser la RN 7 hier.", "RN 7", "location"),
        ("Rhinos cross NH 715 every year.", "NH 715", "location"),
        (
            "It was shot on Victoria Island in Lagos.",
            "Victoria Island",
            "location",
        ),
        (
            "He was posted to Ramstein Air Base in Germany.",
            "Ramstein Air Base",
            "location",
        ),
        (
            "The tracks are owned by Canadian National Railway, critics say.",
            "Canadian National Railway",
            "organization",
        ),
        (
            "Screenings at Filmhouse Cinemas sold out.",
            "Filmhouse Cinemas",
            "organization",
        ),
        (
            "The state-owned shipbuilder Navantia completed the deal.",
            "Navantia",
            "organization",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn what_a_possessive_names_is_a_thing() {
    let r = builtin();
    let t = typed(r, "Mon grand-père fumait sa Vuillermoz tous les soirs.");
    assert_eq!(t, [("Vuillermoz".to_string(), "misc")]);
    // A firm's site is a place.
    let t = typed(
        r,
        "Nissan will stop building cars at its Oppama plant by March.",
    );
    assert!(t.contains(&("Oppama".to_string(), "location")), "{t:?}");
    // A given name stays a person.
    let t = typed(r, "Elle a retrouvé sa Juliette à la gare.");
    assert_eq!(t, [("Juliette".to_string(), "person")]);
}

#[test]
fn the_other_end_of_a_stretch_from_a_place_is_a_place() {
    let r = builtin();
    let t = typed(
        r,
        "L'étape courue entre Pau et Luz Ardiden sous la chaleur.",
    );
    assert!(
        t.contains(&("Luz Ardiden".to_string(), "location")),
        "{t:?}"
    );
    let t = typed(r, "La ligne de Pau à Kerbrat ouvre.");
    assert!(t.contains(&("Kerbrat".to_string(), "location")), "{t:?}");
    // A visit is no stretch.
    let t = typed(r, "La visite de Jean Dupont à Paris a fait du bruit.");
    assert!(t.contains(&("Jean Dupont".to_string(), "person")), "{t:?}");
}

#[test]
fn a_place_cheered_on_or_beaten_is_its_team() {
    let r = builtin();
    for text in [
        "ALLEZ BREST !!! Quel match.",
        "Allez Brest ! Quel match.",
        "Vainqueurs d'Oyonnax en demi-finale, ils jubilent.",
        "They won on Sunday, beating Kilkenny by two points.",
    ] {
        let t = typed(r, text);
        assert_eq!(t[0].1, "organization", "{text}: {t:?}");
    }
}

#[test]
fn a_player_from_a_place_beaten_leaves_the_place() {
    let r = builtin();
    let t = typed(r, "She won on Sunday, beating Manitoba's Kerri Einarson.");
    assert!(t.contains(&("Manitoba".to_string(), "location")), "{t:?}");
}

#[test]
fn the_new_votes_leave_ordinary_sentences_alone() {
    let r = builtin();
    // A party's score is no road.
    let t = typed(r, "Au premier tour, RN 33 % et NFP 28 %.");
    assert!(!t.contains(&("RN 33".to_string(), "location")), "{t:?}");
    // A country beaten is the country.
    let t = typed(r, "India beat China to become the most populous country.");
    assert!(t.contains(&("China".to_string(), "location")), "{t:?}");
    // A conflict is no stretch.
    let t = typed(r, "Le conflit entre Marseille et Pablo Longoria dure.");
    assert!(
        t.contains(&("Pablo Longoria".to_string(), "person")),
        "{t:?}"
    );
    // "her" is also an object.
    let t = typed(r, "They told her Kovacs had left.");
    assert!(!t.iter().any(|(_, k)| *k == "misc"), "{t:?}");
}

/// Random texts made of the words the rules look at (particles, cues, heads, road codes,
/// listed names, punctuation, a leading space): the detector never panics on them.
#[test]
fn no_panic_on_random_texts_of_rule_words() {
    const WORDS: &[&str] = &[
        "de",
        "du",
        "la",
        "le",
        "l'",
        "d'",
        "des",
        "et",
        "à",
        "entre",
        "between",
        "and",
        "from",
        "to",
        "of",
        "for",
        "the",
        "sa",
        "its",
        "his",
        "leurs",
        "Jean",
        "Marie",
        "Dionis",
        "Séjour",
        "Dupont",
        "Paris",
        "Pau",
        "Nancy",
        "Lyon",
        "Kilkenny",
        "Brest",
        "Radio",
        "France",
        "présidente",
        "directrice",
        "patron",
        "attorney",
        "coach",
        "officer",
        "regional",
        "Highway",
        "Hwy",
        "RN",
        "RD",
        "NH",
        "7",
        "947",
        "2026",
        "Island",
        "Victoria",
        "Facility",
        "Base",
        "Railway",
        "cour",
        "d'appel",
        "allez",
        "ALLEZ",
        "beating",
        "Vainqueurs",
        "played",
        "plant",
        "mine",
        "potash",
        "Belge",
        "Thibaut",
        "Wasseige",
        "Union",
        "Saint-Gilloise",
        "École",
        "centrale",
        "plan",
        "Coupe",
        "hier",
        "Unite",
        "Mme",
        "M.",
        "'s",
        "’",
        "-",
        "&",
        "AT&T",
        "US",
        "BBC",
        "Peña",
        "Vidal",
        "Jorge",
    ];
    const SEPS: &[&str] = &[
        " ", " ", " ", " ", ", ", ". ", " (", ") ", "\n", " « ", " » ", "",
    ];
    let r = builtin();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 14) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(SEPS[(next() % SEPS.len() as u64) as usize]);
            text.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
        }
        let other = text.to_lowercase();
        let found = std::panic::catch_unwind(|| r.detect_page(&[&text, &other]));
        assert!(found.is_ok(), "panicked on {text:?}");
    }
}

#[test]
fn a_head_that_is_no_name_alone_takes_its_adjective() {
    let r = builtin();
    for text in [
        "Il a étudié à l'École centrale de Nantes.",
        "L'École centrale de Nantes forme des ingénieurs.",
    ] {
        let t = typed(r, text);
        assert!(
            t.contains(&("École centrale de Nantes".to_string(), "organization")),
            "{text}: {t:?}"
        );
    }
    // Alone it is a common noun.
    assert!(typed(r, "Il aime l'École, vraiment.").is_empty());
}

#[test]
fn marine_ends_a_firms_name() {
    let found = typed_builtin("Le câblier Île de Bréhat, d'Orange Marine, a quitté Brest mardi.");
    assert_typed(&found, "Orange Marine", "organization");
    // A given name in capitals inside mixed-case text casts no vote for a person.
    let found = typed_builtin("Le CHU Amiens-Picardie a réalisé une double greffe.");
    assert_eq!(found, [("CHU Amiens-Picardie".into(), "organization")]);
}

#[test]
fn a_given_name_after_an_article_begins_no_persons_name() {
    let found = typed_builtin("Jusqu'au prochain passage du Bella Desgagnés, le navire.");
    assert_typed(&found, "Bella Desgagnés", "misc");
    let found = typed_builtin("Traffic crawled along the Dan Ryan all morning.");
    assert!(!found.iter().any(|(_, k)| *k == "person"), "{found:?}");
    // What a person leads or has, after "the" and their name.
    for text in [
        "The Joe Biden administration said no.",
        "Fans queued for the Taylor Swift concert.",
        "He joined the Elon Musk-owned platform.",
    ] {
        let found = typed_builtin(text);
        assert!(
            found.iter().any(|(_, k)| *k == "person"),
            "{text}: {found:?}"
        );
    }
    // Without the article, the person.
    let found = typed_builtin("Hier, Bella Desgagnés a parlé.");
    assert_typed(&found, "Bella Desgagnés", "person");
}

#[test]
fn a_listed_body_at_a_sentence_start_keeps_its_words_and_its_region() {
    // A listed name after a sentence's article keeps a last word that is no name alone.
    let found = typed_builtin("Le Conseil d'État a tranché.");
    assert_eq!(found, [("Conseil d'État".into(), "organization")]);
    // A regional adjective after a listed body's name makes a body of its own.
    let found = typed_builtin("Le Conseil d'État vaudois a débloqué 600 000 francs.");
    assert_eq!(found, [("Conseil d'État vaudois".into(), "organization")]);
    let found = typed_builtin("Hier, le Conseil d'État valaisan a débloqué 2 millions.");
    assert_eq!(found, [("Conseil d'État valaisan".into(), "organization")]);
    // Not after a company's name.
    let found = typed_builtin("Hier, le Google français a fermé.");
    assert_eq!(found, [("Google".into(), "organization")]);
    // A regional adjective between a head and another adjective.
    let found = typed_builtin("La Chambre genevoise immobilière dénonce un coup de frein.");
    assert_eq!(
        found,
        [("Chambre genevoise immobilière".into(), "organization")]
    );
}

#[test]
fn a_name_before_an_attributive_participle_stands_alone() {
    let found =
        typed_builtin("A start-up backed by the Perth-based Karratha Resources wants a mine.");
    assert_eq!(
        found,
        [
            ("Perth".into(), "location"),
            ("Karratha Resources".into(), "organization")
        ]
    );
    let found = typed_builtin("The Dublin-born singer moved to Aix-en-Provence.");
    assert_eq!(
        found,
        [
            ("Dublin".into(), "location"),
            ("Aix-en-Provence".into(), "location")
        ]
    );
}

#[test]
fn a_trades_plural_possessive_and_co_op_stay_in_a_name() {
    let found = typed_builtin("The Deer Isle Lobstermen's Co-op in Stonington sold its wharf.");
    assert_typed(&found, "Deer Isle Lobstermen's Co-op", "organization");
    let found = typed_builtin("A spokesman for the Maine Lobstermen's Association said no.");
    assert_typed(&found, "Maine Lobstermen's Association", "organization");
    // The retailer alone is listed.
    let found = typed_builtin("Couldn't get to the Co-op for a week.");
    assert_eq!(found, [("Co-op".into(), "organization")]);
}

#[test]
fn french_trade_nouns_begin_firms_names() {
    let found = typed_builtin("Le tribunal a condamné la société lyonnaise Coutellerie Directe.");
    assert_typed(&found, "Coutellerie Directe", "organization");
    let found = typed_builtin("Son sponsor, la Biscuiterie Morvan, a doublé la mise.");
    assert_typed(&found, "Biscuiterie Morvan", "organization");
}

#[test]
fn a_possessives_site_and_a_word_acronym_in_parentheses() {
    let found = typed_builtin("Wilmar Sugar said its Victoria Mill would lose a fortnight.");
    assert_eq!(
        found,
        [
            ("Wilmar Sugar".into(), "organization"),
            ("Victoria Mill".into(), "location")
        ]
    );
    let found = typed_builtin("The Ghana Cocoa Board (COCOBOD) will pay farmers more.");
    assert_typed(&found, "COCOBOD", "organization");
}

#[test]
fn an_elided_complement_after_an_adjective_and_complex_places() {
    let found = typed_builtin("Ils seront analysés au Muséum national d’histoire naturelle.");
    assert_eq!(
        found,
        [(
            "Muséum national d’histoire naturelle".into(),
            "organization"
        )]
    );
    // Not without the adjective.
    let found = typed_builtin("Merci la Commission d’avoir validé ça.");
    assert!(!found.iter().any(|(n, _)| n.contains("avoir")), "{found:?}");
    // Nor an infinitive or an adverb after the adjective.
    let found = typed_builtin("Ils accusent le Conseil départemental d'avoir menti.");
    assert_eq!(found, [("Conseil départemental".into(), "organization")]);
    let found = typed_builtin("The line runs beneath the Bandra Kurla Complex.");
    assert_eq!(found, [("Bandra Kurla Complex".into(), "location")]);
}

#[test]
fn a_head_after_an_elided_article_at_a_sentence_start_begins_the_name() {
    let found = typed_builtin("L’Union Saint-Gilloise est championne de Belgique.");
    assert_typed(&found, "Union Saint-Gilloise", "organization");
    let found = typed_builtin("L'Association Bidule a porté plainte.");
    assert_eq!(found, [("Association Bidule".into(), "organization")]);
}

#[test]
fn belgian_clubs_are_listed() {
    let found = typed_builtin("Ancien défenseur du Standard de Liège, il a dédié le titre.");
    assert_eq!(found, [("Standard de Liège".into(), "organization")]);
}

#[test]
fn a_readers_unknown_lowercase_word_after_a_preposition_of_place_is_a_place() {
    assert_eq!(
        typed_builtin("on skiait à albiez avec mon grand-père"),
        [("albiez".into(), "location")]
    );
    assert_eq!(
        typed_builtin("Grew up in gurgaon and the hills are gone."),
        [("gurgaon".into(), "location")]
    );
    // A word of the dictionary, a month, a given name, or a word before "de": no place.
    assert!(typed_builtin("on y va à grande vitesse, in january.").is_empty());
    assert!(typed_builtin("un cadeau à kevin pour tout").is_empty());
    assert!(typed_builtin("un voyage à albiez de rêve").is_empty());
    // Newsroom text names places with a capital.
    let r = builtin();
    let page = ["Le maire a parlé.", "on skiait à albiez"];
    let found = r.detect_article_page(&page, 2);
    assert!(found.iter().all(Vec::is_empty), "{found:?}");
}

#[test]
fn a_readers_lowercase_word_after_praise_or_thanks_is_a_person() {
    assert_eq!(
        typed_builtin("Merci pocco, on a vu un grand match."),
        [("pocco".into(), "person")]
    );
    assert_eq!(
        typed_builtin("Massive props to salminen-ward and the crew."),
        [("salminen-ward".into(), "person")]
    );
    assert_eq!(
        typed_builtin("Fair play to dwan for saying it straight."),
        [("dwan".into(), "person")]
    );
    // Words of the dictionary after the same cues: no name.
    assert!(typed_builtin("Bravo pour tout, merci encore, fair play to everyone.").is_empty());
    // A listed place is no person ("merci ingolstadt" is left to the place rules).
    assert!(
        !typed_builtin("Merci glasgow !")
            .iter()
            .any(|(_, kind)| *kind == "person")
    );
}

#[test]
fn a_readers_lowercase_first_word_of_a_page_name_joins_it() {
    let r = builtin();
    let names_of = |page: &[&str]| -> Vec<Vec<(String, String)>> {
        r.detect_article_page(page, 1)
            .into_iter()
            .map(|ms| {
                ms.into_iter()
                    .map(|m| (m.text, m.name.to_string()))
                    .collect()
            })
            .collect()
    };
    let page = [
        "Le groupe Baffinland Iron Mines veut doubler ses cargaisons, a dit Danielle Smith.",
        "baffinland promet toujours moins de bruit, et danielle laisse faire.",
    ];
    let found = names_of(&page);
    assert!(
        found[1].contains(&("baffinland".into(), "Baffinland Iron Mines".into())),
        "{found:?}"
    );
    assert!(
        found[1].contains(&("danielle".into(), "Danielle Smith".into())),
        "{found:?}"
    );
    // The first words of a longer name, and the first part of a hyphenated one.
    let page = [
        "The operator, Pennine Aggregates Ltd, blamed Gérard Delpech-Vayssières.",
        "pennine aggregates is owned by crh and delpech knew it.",
    ];
    let found = names_of(&page);
    assert!(
        found[1].contains(&("pennine aggregates".into(), "Pennine Aggregates Ltd".into())),
        "{found:?}"
    );
    assert!(
        found[1].contains(&("delpech".into(), "Gérard Delpech-Vayssières".into())),
        "{found:?}"
    );
    // An acronym that begins a longer name ("CGT Ports").
    let page = [
        "La CGT Ports appelle à la grève à Dunkerque.",
        "encore la cgt qui bloque tout",
    ];
    let found = names_of(&page);
    assert!(
        found[1].contains(&("cgt".into(), found[0][0].1.clone())),
        "{found:?}"
    );
    // A hyphenated surname written without its hyphen, or its first part after its particle.
    let page = [
        "Laurent Vidal-Castanier a rencontré Charles-Henri du Plessis-Mornay.",
        "vidal castanier a raison, du plessis promet trop.",
    ];
    let found = names_of(&page);
    assert!(
        found[1].contains(&("vidal castanier".into(), "Laurent Vidal-Castanier".into())),
        "{found:?}"
    );
    assert!(
        found[1].contains(&(
            "du plessis".into(),
            "Charles-Henri du Plessis-Mornay".into()
        )),
        "{found:?}"
    );
    // The newsroom's own lowercase word is no name ("les cultures vodun").
    let page = [
        "Les Vodun Days attirent les foules ; les cultures vodun sont à l'honneur.",
        "super festival",
    ];
    assert!(
        !names_of(&page)[0].iter().any(|(text, _)| text == "vodun"),
        "{:?}",
        names_of(&page)
    );
    // Two names beginning with the same word: neither is meant.
    let page = [
        "Eglinton Crosstown trains will not stop at Eglinton West this year.",
        "half the shops on eglinton are gone.",
    ];
    assert!(names_of(&page)[1].is_empty(), "{:?}", names_of(&page));
}

#[test]
fn a_readers_lowercase_listed_town_is_a_place_outside_a_lowercase_name() {
    assert_eq!(
        typed_builtin("franchement tout manosque en parle"),
        [("manosque".into(), "location")]
    );
    // After a place's adjective, or as a verb after its subject.
    assert!(typed_builtin("half of east belfast grew up there").is_empty());
    assert!(typed_builtin("et qu'on vienne pas me dire le contraire").is_empty());
    // A page that writes it as a person's surname means the person.
    let r = builtin();
    let page = [
        "Le maire Michel Rousset a démissionné.",
        "et rousset qui découvre tout",
    ];
    let found = r.detect_article_page(&page, 1);
    assert!(
        !found[1]
            .iter()
            .any(|m| m.kind == crate::analysis::entities::EntityType::Location),
        "{found:?}"
    );
}

#[test]
fn the_subject_of_a_reporting_verb_after_a_comma_is_no_apposition() {
    let found = typed_builtin(
        "Ford will open a lab at Michigan Central Station in Corktown, the carmaker said.",
    );
    assert_typed(&found, "Corktown", "location");
    // An apposition still types the name before it.
    let found = typed_builtin("Il a rejoint Dataviva, une société rennaise, en 2021.");
    assert_typed(&found, "Dataviva", "organization");
}

#[test]
fn irish_and_german_firm_names() {
    assert_eq!(
        typed_builtin("Bord na Móna has started blocking drains on the bog."),
        [("Bord na Móna".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("Le recours de l'importateur zurichois Grünwald Spirituosen a été rejeté."),
        [("Grünwald Spirituosen".into(), "organization")]
    );
}

#[test]
fn a_volcano_is_a_place() {
    assert_eq!(
        typed_builtin("Le rouleau a été carbonisé lors de l'éruption du Vésuve en 79."),
        [("Vésuve".into(), "location")]
    );
}

#[test]
fn someone_who_worked_at_a_name_worked_for_a_firm() {
    assert_eq!(
        typed_builtin("My grandad worked at Dorman Long across the river."),
        [("Dorman Long".into(), "organization")]
    );
    // Sewage works at a town: a place.
    let found = typed_builtin("Spills from treatment works at Reading, Newbury and Didcot.");
    assert_typed(&found, "Reading", "location");
}

#[test]
fn an_advocate_is_a_title_and_a_property_developer_a_firm() {
    assert_eq!(
        typed_builtin("The petition was filed by Advocate Farzana Shaikh-Lobo on Monday."),
        [("Farzana Shaikh-Lobo".into(), "person")]
    );
    assert_eq!(
        typed_builtin(
            "It is sponsored by the property developer Ockham Residential, with support."
        ),
        [("Ockham Residential".into(), "organization")]
    );
}

#[test]
fn a_firm_designs_and_caricom_is_a_body() {
    assert_eq!(
        typed_builtin("The plant was designed by Stantec last year."),
        [("Stantec".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("He said CARICOM leaders had been offered cheaper fares."),
        [("CARICOM".into(), "organization")]
    );
}

#[test]
fn readers_lowercase_rules_keep_out_of_words_and_other_names() {
    let r = builtin();
    // "de toulouse" is no short form of Henri de Toulouse-Lautrec, nor "anne" of Anne-Sophie.
    let page = [
        "Une toile de Henri de Toulouse-Lautrec, prêtée par Anne-Sophie Lapix, arrive.",
        "j'habite près de toulouse et anne viendra.",
    ];
    let found = r.detect_article_page(&page, 1);
    assert!(
        found[1]
            .iter()
            .all(|m| m.kind != crate::analysis::entities::EntityType::Person),
        "{found:?}"
    );
    // Verbs, abbreviations and idioms after the cues of the reader rules.
    assert!(typed_builtin("pourvu que ça vienne vite").is_empty());
    assert!(typed_builtin("merci bcp, je le dis depuis tjrs").is_empty());
    assert!(typed_builtin("with respect to jurassic rules, nothing changed").is_empty());
}

#[test]
fn a_region_with_a_capital_is_its_council() {
    assert_eq!(
        typed_builtin("Le chantier a été financé par la Région wallonne."),
        [("Région wallonne".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("La Région Sud a voté le budget."),
        [("Région Sud".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("Il habite en Wallonie."),
        [("Wallonie".into(), "location")]
    );
}

#[test]
fn a_cape_heads_a_place() {
    assert_eq!(
        typed_builtin("Le navire a passé le cap Horn à six nœuds."),
        [("cap Horn".into(), "location")]
    );
    assert!(typed_builtin("On garde le cap, dit-on.").is_empty());
}

#[test]
fn a_committee_member_is_a_person() {
    assert_eq!(
        typed_builtin("Committee member Gwenllian ap Dafydd-Roberts objected to the plan."),
        [("Gwenllian ap Dafydd-Roberts".into(), "person")]
    );
}

#[test]
fn a_lowercase_head_of_several_words_begins_the_name() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Selon la chambre de commerce et d’industrie de Lyon, les ventes baissent.",
            "chambre de commerce et d’industrie de Lyon",
            "organization",
        ),
        (
            "La chambre de métiers et de l’artisanat de la Corrèze lancera une formation.",
            "chambre de métiers et de l’artisanat de la Corrèze",
            "organization",
        ),
        (
            "L’enquête de la brigade de recherches de Niort a confirmé ses dires.",
            "brigade de recherches de Niort",
            "organization",
        ),
        (
            "Le club joue au palais des sports Pierre-Ratte depuis 1991.",
            "palais des sports Pierre-Ratte",
            "location",
        ),
        (
            "Le parc naturel régional du Morvan accueille les visiteurs.",
            "parc naturel régional du Morvan",
            "location",
        ),
    ] {
        let t = typed(r, text);
        assert_eq!(t, [(name.to_string(), kind)], "{text}");
    }
    // Not when its words are cut by punctuation, or written otherwise.
    let t = typed(r, "Le palais, des sports Pierre-Ratte y reviendront.");
    assert!(!t.iter().any(|(n, _)| n.starts_with("palais")), "{t:?}");
}

#[test]
fn a_body_joining_two_fields_with_and_is_one_name_two_bodies_are_two() {
    let r = builtin();
    let t = typed(
        r,
        "Prices rose, said the Food and Agriculture Organization on Friday.",
    );
    assert_eq!(
        t,
        [(
            "Food and Agriculture Organization".to_string(),
            "organization"
        )]
    );
    let t = typed(r, "The Minnesota Film and TV Board welcomed the news.");
    assert_eq!(
        t,
        [("Minnesota Film and TV Board".to_string(), "organization")]
    );
    let t = typed(
        r,
        "Screenings sold out at Filmhouse Cinemas and Genesis Cinemas across the country.",
    );
    assert!(
        t.contains(&("Filmhouse Cinemas".to_string(), "organization")),
        "{t:?}"
    );
    let t = typed(
        r,
        "The union confirmed that the Ospreys and Cardiff Rugby will merge.",
    );
    assert!(!t.iter().any(|(n, _)| n.contains(" and ")), "{t:?}");
    // Fields joined by "and" before a word that names no public body.
    let t = typed(r, "She studied Science and Engineering at Leeds.");
    assert!(!t.iter().any(|(n, _)| n.contains(" and ")), "{t:?}");
}

#[test]
fn a_head_of_several_words_may_begin_with_a_capital_and_takes_the_name_whole() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "La Chambre de commerce et d’industrie de Lyon a voté.",
            "Chambre de commerce et d’industrie de Lyon",
            "organization",
        ),
        (
            "Le Palais des sports de Beaublanc est plein.",
            "Palais des sports de Beaublanc",
            "location",
        ),
        (
            "Il remercie l’Agglomération du Saint-Quentinois pour son aide.",
            "Agglomération du Saint-Quentinois",
            "organization",
        ),
    ] {
        assert_eq!(typed(r, text), [(name.to_string(), kind)], "{text}");
    }
}

#[test]
fn a_developer_or_producer_is_a_firm_unless_a_full_personal_name_follows() {
    let r = builtin();
    assert_eq!(
        typed(r, "The project is backed by the developer Enertrag."),
        [("Enertrag".to_string(), "organization")]
    );
    assert_eq!(
        typed(r, "Fertiliser producer Nutrien said prices fell."),
        [("Nutrien".to_string(), "organization")]
    );
    assert_eq!(
        typed(
            r,
            "The film's producer Annick Trudel-Bastien said it was over."
        ),
        [("Annick Trudel-Bastien".to_string(), "person")]
    );
}

#[test]
fn a_place_or_body_after_a_persons_surname_is_its_own_name() {
    let r = builtin();
    assert_eq!(
        typed(r, "L'élu Paul Martin de Lyon a voté."),
        [
            ("Paul Martin".to_string(), "person"),
            ("Lyon".to_string(), "location")
        ]
    );
    assert_eq!(
        typed(r, "Le ministre Jean Dupont du Parti socialiste a voté."),
        [
            ("Jean Dupont".to_string(), "person"),
            ("Parti socialiste".to_string(), "organization")
        ]
    );
    // A given name alone before the particle: a noble name.
    assert_eq!(
        typed(r, "Le roi Henri de Navarre est mort."),
        [("Henri de Navarre".to_string(), "person")]
    );
}

#[test]
fn the_author_after_a_quoted_work_and_a_saint_are_people_even_in_the_newsroom() {
    let r = builtin();
    let page = [
        "La saison s'ouvre avec une « Aida » de Verdi. Sur la place, saint Georges a terrassé le dragon.",
        "super",
    ];
    let found = r.detect_article_page(&page, 1);
    let strong: Vec<(&str, &str)> = found[0]
        .iter()
        .filter(|m| !m.weak)
        .map(|m| (m.text.as_str(), m.kind.as_str()))
        .collect();
    assert!(strong.contains(&("Verdi", "person")), "{strong:?}");
    assert!(strong.contains(&("Georges", "person")), "{strong:?}");
    // Not after a quoted common phrase: a word nothing marks stays weak in the newsroom.
    let page = [
        "Les salariés dénoncent le « plan social » de Vencorex.",
        "super",
    ];
    let found = r.detect_article_page(&page, 1);
    assert!(
        !found[0].iter().any(|m| !m.weak && m.text == "Vencorex"),
        "{:?}",
        found[0]
    );
}

#[test]
fn a_straight_quote_that_closes_a_quotation_starts_no_sentence() {
    let r = builtin();
    assert_eq!(
        typed(r, "\"It was bad,\" said Kagiso Smith."),
        [("Kagiso Smith".to_string(), "person")]
    );
    // One that opens a quotation still does.
    let t = typed(r, "He said \"Thanks for nothing\" and left.");
    assert!(!t.iter().any(|(n, _)| n.starts_with("Thanks")), "{t:?}");
}

#[test]
fn company_terminals_and_other_firm_words_end_a_firms_name() {
    let r = builtin();
    for (text, name) in [
        (
            "The Kumasi-based Cocoa Processing Company said it could not pay.",
            "Cocoa Processing Company",
        ),
        (
            "Transnet Port Terminals said two cranes were out of service.",
            "Transnet Port Terminals",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "organization")), "{t:?}");
    }
}

#[test]
fn professionals_from_a_name_come_from_a_body_unless_it_is_a_listed_place() {
    let r = builtin();
    assert_eq!(
        typed(r, "The group is represented by lawyers from Ecojustice."),
        [("Ecojustice".to_string(), "organization")]
    );
    assert_eq!(
        typed(r, "Help came from lawyers from Leeds."),
        [("Leeds".to_string(), "location")]
    );
}

#[test]
fn a_role_before_an_elided_de_names_what_it_heads_a_title_keeps_the_particle() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Selon le PDG d'Airbus, tout va bien.",
            "Airbus",
            "organization",
        ),
        (
            "Selon la maire d'Urdos, le train reviendra.",
            "Urdos",
            "location",
        ),
        ("Selon Mme d'Ormesson, oui.", "d'Ormesson", "person"),
        (
            "Selon la fille d'Alain Delon, non.",
            "Alain Delon",
            "person",
        ),
        (
            "Selon le professeur d'histoire Samuel Paty, non.",
            "Samuel Paty",
            "person",
        ),
        (
            "Me d'Aubigny-Ferrand plaide.",
            "d'Aubigny-Ferrand",
            "person",
        ),
        (
            "La Dre Véronique Lesage-Tremblay a parlé.",
            "Véronique Lesage-Tremblay",
            "person",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn a_field_for_or_before_a_region_is_its_agency_and_state_abbreviations_are_places() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Transport for NSW said it would apply.",
            "Transport for NSW",
            "organization",
        ),
        (
            "Transport for Wales said it would apply.",
            "Transport for Wales",
            "organization",
        ),
        (
            "Timber NSW spokesman Graham Lind said no.",
            "Timber NSW",
            "organization",
        ),
        ("Floods hit northern NSW on Sunday.", "NSW", "location"),
        ("Rain fell across south-east Qld.", "Qld", "location"),
        (
            "Refugees from the Democratic Republic of Congo arrived.",
            "Democratic Republic of Congo",
            "location",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn an_international_is_a_player() {
    let r = builtin();
    let t = typed(
        r,
        "Le club a gagné grâce à l'international portugais Hélder Nunes.",
    );
    assert!(t.contains(&("Hélder Nunes".to_string(), "person")), "{t:?}");
}

#[test]
fn what_a_person_is_of_is_their_body_or_the_place_an_official_serves() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Chief Darlene Sappier-Nicholas of Bilijk spoke.",
            "Bilijk",
            "organization",
        ),
        (
            "Mayor Elaine Van Buren of Kinderhook spoke.",
            "Kinderhook",
            "location",
        ),
        ("Mayor John Smith of Leeds spoke.", "Leeds", "location"),
        (
            "He played for Kevin Keegan at Newcastle.",
            "Kevin Keegan",
            "person",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn a_centre_of_a_field_of_work_is_a_body_a_shopping_centre_a_place() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "The Southern Environmental Law Center had threatened to sue.",
            "Southern Environmental Law Center",
            "organization",
        ),
        (
            "He works with the Advanced Manufacturing Research Centre now.",
            "Advanced Manufacturing Research Centre",
            "organization",
        ),
        (
            "They shopped at the Westfield Centre on Sunday.",
            "Westfield Centre",
            "location",
        ),
        (
            "They went to the Glasgow Science Centre.",
            "Glasgow Science Centre",
            "location",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn a_name_played_or_signed_for_is_a_team() {
    let r = builtin();
    let t = typed(r, "Tutu, who once played for Exeter City, said no.");
    assert!(
        t.contains(&("Exeter City".to_string(), "organization")),
        "{t:?}"
    );
}

#[test]
fn a_readers_lowercase_saints_town_is_the_listed_town() {
    let r = builtin();
    for (text, name) in [
        ("Je vis à st malo depuis 2010.", "Saint-Malo"),
        ("Il faut aller jusqu'à st brieuc en hiver.", "Saint-Brieuc"),
        ("Je vis à saint malo depuis 2010.", "Saint-Malo"),
    ] {
        let found = r.detect(text);
        assert!(
            found
                .iter()
                .any(|m| &*m.name == name && m.kind == EntityType::Location),
            "{text}: {found:?}"
        );
    }
    assert!(
        typed(r, "Il a prié saint Malo.")
            .iter()
            .all(|(_, k)| *k != "location")
    );
    assert!(r.detect("la fête de saint joseph").is_empty());
}

#[test]
fn a_readers_lowercase_place_of_several_words_is_the_listed_place() {
    let r = builtin();
    for (text, name) in [
        (
            "Il dirige un spa à chatel guyon maintenant.",
            "Châtel-Guyon",
        ),
        (
            "Je suis de la chaux de fonds et alors ?",
            "La Chaux-de-Fonds",
        ),
        (
            "On a pris le bus à aix en provence hier.",
            "Aix-en-Provence",
        ),
        ("Moved to new york last year.", "New York City"),
        ("J'habite à la rochelle depuis dix ans.", "La Rochelle"),
    ] {
        let found = r.detect(text);
        assert!(
            found.iter().any(|m| &*m.name == name
                && m.kind == EntityType::Location
                && m.text.contains(' ')),
            "{text}: {found:?}"
        );
    }
    // An article before common words, or common words alone, are no place.
    for text in [
        "Il est arrivé à la garde à vue.",
        "On en parlait de la réunion d'hier.",
        "Le vent souffle au nord est.",
        "I read it in new york times yesterday.",
    ] {
        let found = r.detect(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn a_town_is_no_short_form_of_the_court_named_after_it() {
    let r = builtin();
    let found =
        r.detect("AVESNES-SUR-HELPE – Le tribunal correctionnel d’Avesnes-sur-Helpe a condamné.");
    assert_eq!(found[0].text, "AVESNES-SUR-HELPE");
    assert_eq!(found[0].kind, EntityType::Location, "{found:?}");
    // An island's complement names it.
    let found = r.detect("Le gouverneur de l’île d’Anjouan parle. Anjouan attend.");
    let anjouan = found.iter().find(|m| m.text == "Anjouan");
    assert!(
        anjouan.is_some_and(|m| m.kind == EntityType::Location && &*m.name == "île d’Anjouan"),
        "{found:?}"
    );
}

#[test]
fn a_compound_joined_by_sur_or_en_is_a_town() {
    let r = builtin();
    for (text, name) in [
        (
            "Les ateliers de La Trinité-sur-Mer espèrent.",
            "La Trinité-sur-Mer",
        ),
        (
            "Les ateliers de La Ferté-sur-Loir espèrent.",
            "La Ferté-sur-Loir",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    assert!(recognize::town_compound("Saint-Martin-sur-le-Pré"));
    assert!(recognize::town_compound("Aix-les-Bains"));
    assert!(recognize::town_compound("AVESNES-SUR-HELPE"));
    assert!(!recognize::town_compound("JEAN-PIERRE"));
    assert!(!recognize::town_compound("Dupont-Moretti"));
    assert!(!recognize::town_compound("Jean-de-Dieu"));
    assert!(!recognize::town_compound("Aix-en"));
    let t = typed(r, "Elle chantera au Festival d'Aix-en-Provence cet été.");
    assert!(
        t.iter()
            .all(|(n, k)| n != "Festival d'Aix-en-Provence" || *k != "location"),
        "{t:?}"
    );
}

#[test]
fn a_readers_cheered_given_name_is_a_person() {
    let r = builtin();
    for (text, name) in [
        (
            "Courage germaine, la poste c'était le dernier truc.",
            "germaine",
        ),
        ("Courage à martine et à ses banons.", "martine"),
        (
            "Courage marie-hélène pour former les jeunes.",
            "marie-hélène",
        ),
    ] {
        let found = r.detect(text);
        assert!(
            found
                .iter()
                .any(|m| m.text == name && m.kind == EntityType::Person),
            "{text}: {found:?}"
        );
    }
    let found = r.detect("Bon courage germaine, on pense à toi.");
    assert!(
        found
            .iter()
            .any(|m| m.text == "germaine" && m.kind == EntityType::Person),
        "{found:?}"
    );
    // Virtues, terms of endearment, common words.
    for text in [
        "Courage les gars.",
        "Merci beaucoup !",
        "Courage aux soignants.",
        "Courage prudence et patience.",
        "Merci chérie !",
    ] {
        let found = r.detect(text);
        assert!(found.iter().all(|m| m.weak), "{text}: {found:?}");
    }
}

#[test]
fn a_natural_feature_or_facility_keeps_its_head_word() {
    let r = builtin();
    for (text, name) in [
        ("Il a dormi au refuge du Goûter hier.", "refuge du Goûter"),
        (
            "Le tracé franchit la lagune Ébrié sur un pont.",
            "lagune Ébrié",
        ),
        ("Le causse Méjean est sec.", "causse Méjean"),
        ("La caserne Miribel ferme.", "caserne Miribel"),
        (
            "Il a dormi au refuge de Baysselance.",
            "refuge de Baysselance",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    // A town's villa names the town.
    let t = typed(r, "La villa de Grignan a une piscine.");
    assert!(t.contains(&("Grignan".to_string(), "location")), "{t:?}");
    // A settlement's word before a hyphen begins a town's name.
    let t = typed(r, "La ligne doit rejoindre Port-Bouët en 2028.");
    assert!(t.contains(&("Port-Bouët".to_string(), "location")), "{t:?}");
}

#[test]
fn a_landmarks_possessive_stays_in_its_name() {
    let r = builtin();
    for (text, name) in [
        ("The path to Hag's Head is closed.", "Hag's Head"),
        (
            "Buses still stop at O'Brien's Tower, which is open.",
            "O'Brien's Tower",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    // ("Dover's Tower Hamlets": the possessive names the town.)
    let t = typed(r, "Residents of Dover's Tower Hamlets said so.");
    assert!(t.contains(&("Dover".to_string(), "location")), "{t:?}");
    let t = typed(r, "HAPPY VALLEY-GOOSE BAY, N.L. — Hundreds of people came.");
    assert!(t.contains(&("N.L.".to_string(), "location")), "{t:?}");
    let t = typed(r, "WHITEHORSE, Y.T. — The council met.");
    assert!(t.contains(&("Y.T.".to_string(), "location")), "{t:?}");
    // A title after a firm's possessive; a person's possessive.
    let t = typed(r, "Apple's Head of Design said so.");
    assert!(t.iter().all(|(n, _)| n != "Apple's Head"), "{t:?}");
    let t = typed(r, "Donald Trump's Tower is tall.");
    assert!(t.iter().all(|(n, _)| n != "Donald Trump's Tower"), "{t:?}");
    // Elder and Aunty are titles.
    for text in [
        "said Elder Karen Hawke-Yeatman of the council.",
        "Big respect to Aunty Karen Smith.",
    ] {
        let t = typed(r, text);
        assert!(
            t.iter()
                .any(|(n, k)| n.starts_with("Karen") && *k == "person"),
            "{text}: {t:?}"
        );
    }
}

#[test]
fn a_museum_hill_or_bog_keeps_its_head_word() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "She saw the tapestry at the British Museum.",
            "British Museum",
            "location",
        ),
        (
            "The British Museum said it would lend the chessmen.",
            "British Museum",
            "organization",
        ),
        (
            "We walked up Primrose Hill on Sunday.",
            "Primrose Hill",
            "location",
        ),
        (
            "He cut turf on Corbo Bog, a raised bog.",
            "Corbo Bog",
            "location",
        ),
        (
            "The Directorate General of Foreign Trade will review the duty.",
            "Directorate General of Foreign Trade",
            "organization",
        ),
        (
            "Arranger Desmond St. Hill, 71, said he had waited.",
            "Desmond St. Hill",
            "person",
        ),
        ("Damon Hill won the race in 1996.", "Damon Hill", "person"),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn a_venue_where_something_happens_is_a_place_a_workplace_a_body() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Elle sera exposée au British Museum pendant un an.",
            "British Museum",
            "location",
        ),
        (
            "Une sortie au Théâtre du Châtelet samedi.",
            "Théâtre du Châtelet",
            "location",
        ),
        (
            "Le Théâtre du Châtelet a annoncé sa saison.",
            "Théâtre du Châtelet",
            "organization",
        ),
        (
            "Nurses at Abbott Northwestern Hospital began a strike.",
            "Abbott Northwestern Hospital",
            "organization",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn a_demonym_before_a_common_word_begins_a_name() {
    let r = builtin();
    let t = typed(r, "Un appareil vendu chez Canadian Tire à Montréal.");
    assert!(
        t.contains(&("Canadian Tire".to_string(), "organization")),
        "{t:?}"
    );
    // A French people's noun after its article stays out of the person's name.
    let t = typed(
        r,
        "Chez les hommes, le Slovaque Matúš Hrdlička s'est imposé.",
    );
    assert!(t.iter().any(|(n, _)| n == "Matúš Hrdlička"), "{t:?}");
}

#[test]
fn a_cued_french_title_ends_at_punctuation_not_before_a_word() {
    let r = builtin();
    let t = texts(
        r,
        "Le ministère a suspendu le vaccin Ixchiq chez les 65 ans.",
    );
    assert_eq!(t, ["Ixchiq"]);
    let t = texts(r, "la série Calanques noires, vendue partout.");
    assert_eq!(t, ["Calanques noires"]);
}

#[test]
fn a_sentence_initial_preposition_of_place_before_an_elided_article() {
    let r = builtin();
    let t = typed(
        r,
        "Dans l'Alibori, les champs ont perdu deux tiers de leur récolte.",
    );
    assert!(t.contains(&("Alibori".to_string(), "location")), "{t:?}");
}

#[test]
fn a_title_inside_a_run_before_three_unknown_words() {
    let r = builtin();
    let t = typed(
        r,
        "Union Agriculture Minister Shivraj Singh Chouhan said the federation would buy.",
    );
    assert!(
        t.contains(&("Shivraj Singh Chouhan".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn a_demonym_after_a_bodys_head_word_stays_in_its_name() {
    let r = builtin();
    let t = texts(r, "La Banque Cantonale Vaudoise offre des billets.");
    assert_eq!(t, ["Banque Cantonale Vaudoise"]);
}

#[test]
fn an_apposition_with_a_noun_of_places_after_a_definite_article() {
    let r = builtin();
    let t = typed(
        r,
        "Le village est coupé en deux par la Morge, la rivière qui sert de frontière.",
    );
    assert!(t.contains(&("Morge".to_string(), "location")), "{t:?}");
}

#[test]
fn a_compass_point_or_county_before_a_listed_place() {
    let r = builtin();
    for (text, name) in [
        (
            "He met a County Roscommon man yesterday.",
            "County Roscommon",
        ),
        (
            "The places to follow Greater Manchester's network.",
            "Greater Manchester",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
}

#[test]
fn round_twenty_seven_rules_leave_titles_roles_and_workplaces_alone() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Foreign Secretary Jane Hill said no.",
            "Jane Hill",
            "person",
        ),
        ("French President Macron said no.", "Macron", "person"),
        (
            "Scientists at the Natural History Museum found a bone.",
            "Natural History Museum",
            "organization",
        ),
        (
            "Une infirmière à l'Hôpital Saint-Joseph raconte sa nuit.",
            "Hôpital Saint-Joseph",
            "organization",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
    // A noun of places inside a role after "the" is no apposition of places.
    let t = typed(r, "Fani Willis, the district attorney, said no.");
    assert!(t.iter().all(|(_, k)| *k != "location"), "{t:?}");
    // A title after a product noun ends with its line.
    let t = texts(r, "la série Calanques noires\nLa suite arrive.");
    assert!(t.contains(&"Calanques noires".to_string()), "{t:?}");
}

#[test]
fn a_dateline_in_capitals_is_the_town_the_story_was_filed_from() {
    let r = builtin();
    for (text, name) in [
        (
            "CHARAVINES – Des plongeurs ont remonté mardi une pirogue.",
            "CHARAVINES",
        ),
        (
            "BARDSTOWN, Kentucky — A county judge ruled on Monday.",
            "BARDSTOWN",
        ),
        ("KHOLAPURI: Onion farmers blocked the highway.", "KHOLAPURI"),
        (
            "Un titre\nTROIS-RIVIÈRES – Devant 40 000 spectateurs, le pilote a gagné.",
            "TROIS-RIVIÈRES",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    // A listed body keeps its type; capitals inside a line are no dateline.
    let t = typed(r, "SNCF – Les contrôleurs font grève.");
    assert!(t.contains(&("SNCF".to_string(), "organization")), "{t:?}");
    let t = typed(r, "Hier, MAGNARD – Éditions scolaires a fermé.");
    assert!(!t.contains(&("MAGNARD".to_string(), "location")), "{t:?}");
}

#[test]
fn a_demonym_that_is_a_given_name_begins_a_persons_name_without_an_article() {
    let r = builtin();
    let t = typed(
        r,
        "Judge Lorraine Beckham-Tate found that the warehouses harmed homes.",
    );
    assert!(
        t.contains(&("Lorraine Beckham-Tate".to_string(), "person")),
        "{t:?}"
    );
    // After an article it is a people's noun: "la Lorraine Océane Brixtel".
    let t = typed(r, "Hier, la Lorraine Océane Brixtel a gagné le slalom.");
    assert!(
        t.contains(&("Océane Brixtel".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn a_secretary_or_spokesperson_of_an_elided_name_serves_a_body() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Pierre Gex, secrétaire syndical d'Unia, a parlé.",
            "Unia",
            "organization",
        ),
        (
            "Marc Dupont, porte-parole d'Electrabel, a parlé.",
            "Electrabel",
            "organization",
        ),
        (
            "La faîtière Chocosuisse rappelle que les ventes baissent.",
            "Chocosuisse",
            "organization",
        ),
        (
            "A deal between the meat processor Cranswick and a bank.",
            "Cranswick",
            "organization",
        ),
        (
            "Le réacteur, au bord de l'Escaut, a redémarré.",
            "Escaut",
            "location",
        ),
        (
            "La secrétaire générale d'Emmaüs a parlé.",
            "Emmaüs",
            "organization",
        ),
        (
            "Le porte-parole d'Emmanuel Macron a parlé.",
            "Emmanuel Macron",
            "person",
        ),
        (
            "Le directeur de campagne d'Attalienne a parlé.",
            "Attalienne",
            "person",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn a_station_named_after_its_town_is_the_town() {
    let r = builtin();
    let t = typed(
        r,
        "Les bus relient la gare de Sevran au centre depuis lundi.",
    );
    assert!(t.contains(&("Sevran".to_string(), "location")), "{t:?}");
    assert!(t.iter().all(|(n, _)| !n.starts_with("gare")), "{t:?}");
    let t = typed(r, "Il attend à la gare d'Agen depuis une heure.");
    assert!(t.contains(&("Agen".to_string(), "location")), "{t:?}");
    let t = texts(r, "Le train part de la gare du Nord à midi.");
    assert!(t.contains(&"gare du Nord".to_string()), "{t:?}");
    let t = texts(r, "Le train part de la gare Saint-Lazare à midi.");
    assert!(t.contains(&"gare Saint-Lazare".to_string()), "{t:?}");
}

#[test]
fn a_small_number_after_a_name_belongs_to_it() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Une fusée Ariane 6 a décollé lundi de Kourou.",
            "Ariane 6",
            "misc",
        ),
        (
            "Hier, les éleveurs ont manifesté contre Egalim 2, puis contre le ministre.",
            "Egalim 2",
            "misc",
        ),
        (
            "He said the studio would ship after GTA 6 anyway.",
            "GTA 6",
            "misc",
        ),
        (
            "Les pompiers du SDIS 30 ont réalisé 230 sauvetages.",
            "SDIS 30",
            "organization",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
    // What a number counts or scores stays out: years, money, a score, a date.
    for (text, name) in [
        ("J'ai vécu à Coffs 20 years, mate.", "Coffs"),
        ("Hier Brest 2 Lorient 1 au stade.", "Lorient"),
        ("Le match Nantes 2-1 a déçu.", "Nantes"),
        ("Le salon ouvre à Lyon 3 juin prochain.", "Lyon"),
        ("Il a payé chez Apple 1 200 euros.", "Apple"),
    ] {
        let t = texts(r, text);
        assert!(t.contains(&name.to_string()), "{text}: {t:?}");
    }
    // A number left alone once a sentence's first word is dropped is no name.
    let t = texts(r, "Stage 4 has been coming since 2017, again.");
    assert!(t.iter().all(|n| n != "4"), "{t:?}");
}

#[test]
fn a_capitalised_common_noun_takes_the_adjectives_of_a_name() {
    let r = builtin();
    for (text, name) in [
        (
            "Le bourgmestre l'a rappelé à la Mutualité chrétienne hier.",
            "Mutualité chrétienne",
        ),
        (
            "Il est infirmier aux Hôpitaux universitaires de Genève depuis 2010.",
            "Hôpitaux universitaires de Genève",
        ),
    ] {
        let t = texts(r, text);
        assert!(t.contains(&name.to_string()), "{text}: {t:?}");
    }
    // Not an adjective that tells no name, nor after an English article.
    let t = texts(r, "Il a visité la Terre entière avec Paul Durand.");
    assert!(t.iter().all(|n| !n.contains("entière")), "{t:?}");
    let t = texts(
        r,
        "The club charges £35 a ticket for a Vase final at Wembley.",
    );
    assert!(t.iter().all(|n| !n.contains("final")), "{t:?}");
}

#[test]
fn temples_mines_and_greenways_are_places_and_a_basin_follows_one() {
    let r = builtin();
    for (text, name) in [
        (
            "Weavers marched around the Ekambareswarar Temple on Monday.",
            "Ekambareswarar Temple",
        ),
        (
            "The town, where its Martha Mine has been dug out, is shrinking.",
            "Martha Mine",
        ),
        (
            "Visitors on the Waterford Greenway spent less this year.",
            "Waterford Greenway",
        ),
        (
            "Poor rains in the upper Zambezi basin hurt the lake.",
            "Zambezi",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
}

#[test]
fn greetings_in_other_languages_are_no_names() {
    let r = builtin();
    for (text, word) in [
        ("Trugarez aux bénévoles et à Troadec pour tout.", "Trugarez"),
        ("Mahalo to Sheena for never giving up on us.", "Mahalo"),
        ("Zorionak peio, tu le mérites.", "Zorionak"),
    ] {
        let t = texts(r, text);
        assert!(t.iter().all(|n| n != word), "{text}: {t:?}");
    }
}

#[test]
fn a_reader_s_unknown_town_after_a_preposition_or_a_journey() {
    let r = builtin();
    for (text, name) in [
        ("t’es coincé à thonon comme un idiot.", "thonon"),
        (
            "Took the water metro to vypin last week, so cheap.",
            "vypin",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    // Not a verb after "to", nor the first of two unknown words.
    let t = texts(r, "Honestly I want to vape all day long.");
    assert!(t.is_empty(), "{t:?}");
    let t = texts(r, "shops in chandni chowk sell saffron at half price");
    assert!(t.iter().all(|n| n != "chandni"), "{t:?}");
}

#[test]
fn the_two_ends_of_a_way_are_places() {
    let r = builtin();
    for (text, names) in [
        (
            "Il faut montrer que la langue est vivante, de Caraquet à Lafayette.",
            &["Caraquet", "Lafayette"][..],
        ),
        (
            "Les bus circulent désormais entre Kayes et Nioro chaque matin.",
            &["Kayes", "Nioro"][..],
        ),
        (
            "The line will run from Coleraine to Ballycastle next year.",
            &["Coleraine", "Ballycastle"][..],
        ),
    ] {
        let t = typed(r, text);
        for name in names {
            assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
        }
    }
    // Not two firms a sale comes from.
    let t = typed(r, "Orders came from TSMC and Intel yesterday.");
    assert!(t.contains(&("Intel".to_string(), "organization")), "{t:?}");
}

#[test]
fn a_name_before_government_is_the_place_governed() {
    let r = builtin();
    let t = typed(
        r,
        "The compensation offered by the Oromia regional government was far below.",
    );
    assert!(t.contains(&("Oromia".to_string(), "location")), "{t:?}");
    let t = typed(r, "He said the Tamborine government would cap prices.");
    assert!(t.contains(&("Tamborine".to_string(), "location")), "{t:?}");
}

#[test]
fn common_abbreviations_are_no_names() {
    let r = builtin();
    for (text, word) in [
        ("Quel match, Mabika en mode MVP hier soir.", "MVP"),
        ("The power will be needed for LNG plants at Kitimat.", "LNG"),
        ("L'usine n'utilisera plus aucun PFAS d'ici 2028.", "PFAS"),
    ] {
        let t = texts(r, text);
        assert!(t.iter().all(|n| n != word), "{text}: {t:?}");
    }
}

#[test]
fn numbers_that_score_or_measure_and_verbs_after_to_stay_out_of_names() {
    let r = builtin();
    let t = texts(r, "Final score: Liverpool 2, Chelsea 1, at Anfield.");
    assert!(t.iter().all(|n| !n.ends_with(" 1")), "{t:?}");
    let t = texts(
        r,
        "Selon le sondage, Emmanuel Macron 58 % des voix au second tour.",
    );
    assert!(t.iter().all(|n| !n.ends_with("58")), "{t:?}");
    let t = texts(
        r,
        "En Bretagne 15 communes sont touchées par la sécheresse.",
    );
    assert!(t.iter().all(|n| !n.ends_with("15")), "{t:?}");
    let t = texts(
        r,
        "Le Conseil régional examine jeudi les aides aux éleveurs.",
    );
    assert!(t.iter().all(|n| !n.contains("examine")), "{t:?}");
    let t = texts(r, "I'm going to recieve my refund next week apparently.");
    assert!(t.iter().all(|n| n != "recieve"), "{t:?}");
    let t = typed(r, "Trucks use Highway 11 through the town every night.");
    assert!(t.contains(&("Highway 11".to_string(), "location")), "{t:?}");
}

#[test]
fn a_place_cue_before_de_la_types_the_feminine_name_after_it() {
    let r = builtin();
    for (text, name) in [
        ("Le moulin sera conservé au bord de la Sambre.", "Sambre"),
        (
            "Il pêche sur les rives de la Durance depuis 1990.",
            "Durance",
        ),
        (
            "Les eaux de la Sélune ont retrouvé leurs saumons.",
            "Sélune",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    let t = typed(r, "Au sommet de la Francophonie, il a parlé d'Haïti.");
    assert!(
        !t.contains(&("Francophonie".to_string(), "location")),
        "{t:?}"
    );
}

#[test]
fn place_heads_in_the_plural_and_before_an_article_and_place_cues_in_the_plural() {
    let r = builtin();
    for (text, name) in [
        (
            "Les grottes Russell, creusées dans la glace, sont fermées.",
            "grottes Russell",
        ),
        (
            "Côté espagnol, le glacier du Monte Perdido fond aussi vite.",
            "glacier du Monte Perdido",
        ),
        (
            "Farms in the former provinces of Ben Tre and Tra Vinh were hit.",
            "Ben Tre",
        ),
        (
            "Dans le gouvernorat de Sidi Bouzid, les piqûres se multiplient.",
            "Sidi Bouzid",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    let t = typed(
        r,
        "Elle défend la loi transpartisane du député Guillaume Garot sur les déserts médicaux.",
    );
    assert!(
        t.contains(&("Guillaume Garot".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn grand_before_a_head_word_and_sea_at_the_start_of_a_name() {
    let r = builtin();
    let t = typed(r, "Le Grand Conseil de Genève a adopté jeudi la loi.");
    assert!(
        t.contains(&("Grand Conseil de Genève".to_string(), "organization")),
        "{t:?}"
    );
    let t = typed(r, "Le Grand Prix de Monaco a lieu dimanche.");
    assert!(
        t.contains(&("Grand Prix de Monaco".to_string(), "misc")),
        "{t:?}"
    );
    let t = texts(r, "L’association Sea Shepherd conteste toujours la pêche.");
    assert!(t.contains(&"Sea Shepherd".to_string()), "{t:?}");
}

#[test]
fn welsh_rivers_and_firms_quarries_dolmens_racing_teams_and_water_companies() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Slurry turned the Afon Ogwen grey for eleven kilometres.",
            "Afon Ogwen",
            "location",
        ),
        (
            "Chwarel Llechi Glyder Cyf admitted two offences.",
            "Chwarel Llechi Glyder Cyf",
            "organization",
        ),
        (
            "A lagoon on the edge of the old Penrhyn Quarry burst.",
            "Penrhyn Quarry",
            "location",
        ),
        (
            "The walk passed the Poulnabrone Dolmen at noon.",
            "Poulnabrone Dolmen",
            "location",
        ),
        (
            "He drove a car entered by the privately run Brumby Motorsport.",
            "Brumby Motorsport",
            "organization",
        ),
        (
            "Northern Ireland Water said supplies were safe.",
            "Northern Ireland Water",
            "organization",
        ),
        (
            "The Bangalore Water Supply and Sewerage Board has banned car washing.",
            "Bangalore Water Supply and Sewerage Board",
            "organization",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
}

#[test]
fn a_demonym_of_two_words_and_a_short_given_name_before_a_person() {
    let r = builtin();
    let t = typed(
        r,
        "His co-driver, the New Zealander Tomas Verhoeven, held off the pack.",
    );
    assert!(
        t.contains(&("Tomas Verhoeven".to_string(), "person")),
        "{t:?}"
    );
    let t = typed(
        r,
        "Team owner Deb O'Halloran-Price said she had mortgaged her house.",
    );
    assert!(
        t.contains(&("Deb O'Halloran-Price".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn cliffs_straits_and_irish_counties_abbreviated() {
    let r = builtin();
    for (text, name) in [
        (
            "Much of the money from the Cliffs of Moher goes to Dublin.",
            "Cliffs of Moher",
        ),
        (
            "Ships queued at the Strait of Hormuz for days.",
            "Strait of Hormuz",
        ),
        (
            "KILFENORA, Co Clare — Farmers drove 200 cattle to the hills.",
            "Co Clare",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), "location")), "{text}: {t:?}");
    }
    let t = typed(r, "Samsung Electronics Co Ltd said profits fell.");
    assert!(
        t.contains(&("Samsung Electronics Co Ltd".to_string(), "organization")),
        "{t:?}"
    );
}

#[test]
fn later_items_of_a_list_after_a_place_cue_are_places() {
    let r = builtin();
    let t = typed(
        r,
        "Dans les gouvernorats de Kairouan, de Sidi Bouzid et de Tozeur, dix enfants sont soignés.",
    );
    for name in ["Kairouan", "Sidi Bouzid", "Tozeur"] {
        assert!(t.contains(&(name.to_string(), "location")), "{t:?}");
    }
    let t = typed(
        r,
        "Il parle de Marie Curie, de Jean Dupont et de Paul Martin.",
    );
    assert!(t.contains(&("Jean Dupont".to_string(), "person")), "{t:?}");
}

#[test]
fn an_apposition_after_a_name_types_it_by_its_noun() {
    let r = builtin();
    for (text, name, kind) in [
        (
            "Traders at Kantamanto, the vast second-hand clothing market, said no.",
            "Kantamanto",
            "location",
        ),
        (
            "Zorbu, a small town in the north, voted no.",
            "Zorbu",
            "location",
        ),
        (
            "Tenova, the Italian firm, supplies the furnace.",
            "Tenova",
            "organization",
        ),
        (
            "L'usine de Zorblag, l'entreprise familiale, ferme.",
            "Zorblag",
            "organization",
        ),
        (
            "The organisers of Harvest Sounds, a three-day folk festival held in May, said no.",
            "Harvest Sounds",
            "misc",
        ),
    ] {
        let t = typed(r, text);
        assert!(t.contains(&(name.to_string(), kind)), "{text}: {t:?}");
    }
    // A clause, not an apposition: "l'entreprise prévoit", "the company said".
    let t = typed(
        r,
        "Avec Inès Kerbrat et Hugo Delaunay-Rioux, l'entreprise prévoit d'ouvrir.",
    );
    assert!(
        t.contains(&("Hugo Delaunay-Rioux".to_string(), "person")),
        "{t:?}"
    );
}

#[test]
fn a_towns_hospital_is_no_name_but_the_town_is() {
    let r = builtin();
    let t = typed(r, "Il a été transféré à l’hôpital de Vichy hier.");
    assert_eq!(t, [("Vichy".to_string(), "location")]);
    let t = typed(
        r,
        "L'hôpital du Trégor organise une journée portes ouvertes.",
    );
    assert!(
        t.contains(&("hôpital du Trégor".to_string(), "organization")),
        "{t:?}"
    );
}

#[test]
fn place_rules_stay_off_people_bodies_and_clauses() {
    let r = builtin();
    let t = typed(r, "Un élu proche de Jean Dupont a parlé hier.");
    assert!(t.contains(&("Jean Dupont".to_string(), "person")), "{t:?}");
    let t = typed(r, "Sarah Jones, a city official, said the plan was dead.");
    assert!(t.contains(&("Sarah Jones".to_string(), "person")), "{t:?}");
    let t = typed(
        r,
        "Lloyds Bank Chairman and Chief Executive John Smith resigned.",
    );
    assert!(t.contains(&("John Smith".to_string(), "person")), "{t:?}");
    let t = typed(r, "Il l'a lu sur le site de la Commission européenne hier.");
    assert!(t.iter().all(|(_, k)| *k != "location"), "{t:?}");
    let t = typed(r, "Les urgences de l'hôpital régional d'Arlon fermeront.");
    assert_eq!(t, [("Arlon".to_string(), "location")]);
}

#[test]
fn lowercase_places_of_the_page_that_are_also_words() {
    let page = typed_page(&[
        "Le transporteur, fondé à Pithiviers, dessert le Japon et le Nord.",
        "mon père a bossé à la gare de pithiviers, le japon c'est loin, et le nord aussi.",
    ]);
    let t: Vec<(&str, &str)> = page[1].iter().map(|m| (m.0.as_str(), m.1)).collect();
    assert_eq!(t, [("pithiviers", "location"), ("japon", "location")]);
    // Not without a preposition or an article before it.
    let page = typed_page(&[
        "Le transporteur, fondé à Pithiviers, ouvre une ligne.",
        "un pithiviers aux amandes pour fêter ça.",
    ]);
    assert!(page[1].is_empty(), "{:?}", page[1]);
}

#[test]
fn a_state_abbreviation_after_a_town_and_a_comma() {
    assert_eq!(
        typed_builtin("PORTLAND, Ore. — A judge ruled on Monday."),
        [("PORTLAND".into(), "location"), ("Ore.".into(), "location")]
    );
    assert_eq!(
        typed_builtin("The plant in Leamington, Ont., closed."),
        [
            ("Leamington".into(), "location"),
            ("Ont.".into(), "location")
        ]
    );
    let d = builtin().detect("VANCOUVER, B.C. — The port reopened.");
    assert_eq!(d[1].text, "B.C.");
    assert_eq!(&*d[1].key, "British Columbia");
    // Not a dotted abbreviation without its dot, nor at the end of a text.
    for text in ["Merci, Pa et Ma sont là.", "Thanks, Miss."] {
        assert!(
            builtin()
                .detect(text)
                .iter()
                .all(|m| m.kind != EntityType::Location),
            "{text}"
        );
    }
}

#[test]
fn a_place_after_its_preposition_is_no_short_form_of_a_body_ending_with_it() {
    let page = typed_page(&[
        "Residents in Burwood have formed a group, Save Our Burwood, to fight the plan.",
    ]);
    let t: Vec<(&str, &str)> = page[0].iter().map(|m| (m.0.as_str(), m.1)).collect();
    assert_eq!(
        t,
        [
            ("Burwood", "location"),
            ("Save Our Burwood", "organization")
        ]
    );
}

#[test]
fn a_listed_name_that_goes_on_with_lowercase_words_after_a_common_word() {
    assert_eq!(
        typed_builtin("La Région wallonne a voté le budget."),
        [("Région wallonne".into(), "organization")]
    );
    assert!(typed_builtin("La Région a voté le budget.").is_empty());
}

#[test]
fn where_a_person_named_just_before_comes_from() {
    assert_eq!(
        typed_builtin("Le berger Jean-Daniel Métrailler, d'Evolène, a été sacré dimanche."),
        [
            ("Jean-Daniel Métrailler".into(), "person"),
            ("Evolène".into(), "location")
        ]
    );
    assert_eq!(
        typed_builtin("Le maire, Paul Dupont, de Sarlat, a dit non."),
        [
            ("Paul Dupont".into(), "person"),
            ("Sarlat".into(), "location")
        ]
    );
}

#[test]
fn a_noun_phrase_and_a_comma_before_a_name_say_what_it_is() {
    assert_eq!(
        typed_builtin("The nearest town, Meekatharra, is more than 100 kilometres away."),
        [("Meekatharra".into(), "location")]
    );
    assert_eq!(
        typed_builtin("Its parent company, Zorbtech, said nothing."),
        [("Zorbtech".into(), "organization")]
    );
    // Not the complement of another noun.
    assert_eq!(
        typed_builtin("Le président du club, Zorbalin, a applaudi."),
        [("Zorbalin".into(), "person")]
    );
}

#[test]
fn a_surname_alone_keeps_the_particle_of_the_full_name() {
    let page = typed_page(&[
        "Le député Pierre de Ravinel a voté contre. Ensuite, M. de Ravinel a quitté la salle.",
        "de ravinel a vu le vent tourner.",
    ]);
    let t: Vec<&str> = page[0].iter().map(|m| m.0.as_str()).collect();
    assert_eq!(t, ["Pierre de Ravinel", "de Ravinel"]);
    let t: Vec<&str> = page[1].iter().map(|m| m.0.as_str()).collect();
    assert_eq!(t, ["de ravinel"]);
    let d =
        builtin().detect("La présidente Ursula von der Leyen a parlé. Mme von der Leyen a conclu.");
    assert_eq!(d.last().map(|m| m.text.as_str()), Some("von der Leyen"));
}

#[test]
fn a_lowercase_nationality_after_an_article_stands_for_a_firm() {
    assert_eq!(
        typed_builtin("Les salles rachetées par le néerlandais Zorbafit ferment."),
        [("Zorbafit".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("Le prestataire néerlandais Zorbapay évoque une panne."),
        [("Zorbapay".into(), "organization")]
    );
    // A person's name stays a person's; a language of origin is no firm.
    assert_eq!(
        typed_builtin("Il a battu le néerlandais Max Verstappen."),
        [("Max Verstappen".into(), "person")]
    );
    let t = typed_builtin("Ce mot vient de l'allemand Zorbgeist, dit-il.");
    assert!(t.iter().all(|(_, k)| *k != "organization"), "{t:?}");
}

#[test]
fn an_unlisted_demonym_before_an_unknown_full_name_is_left_out() {
    assert_eq!(
        typed_builtin("Sur scène, la Liégeoise Lylou Zorbadet a chanté."),
        [("Lylou Zorbadet".into(), "person")]
    );
    // Not before a place's head word, nor a head word itself.
    let t = typed_builtin("Il vit près de la Liégeoise Zorba Heights.");
    assert!(t.iter().all(|(n, _)| n != "Zorba Heights"), "{t:?}");
    let t = typed_builtin("Il a racheté le Domaine Zorba Ferrand en 2020.");
    assert!(t.iter().any(|(n, _)| n.starts_with("Domaine")), "{t:?}");
}

#[test]
fn a_rank_is_no_square_and_a_regnal_ordinal_no_name() {
    for rank in ["deuxième", "1ère", "2nde", "2e"] {
        assert_eq!(
            typed_builtin(&format!(
                "Le club a pris la {rank} place de Ligue 2 vendredi."
            )),
            [("Ligue 2".into(), "misc")]
        );
    }
    assert_eq!(
        typed_builtin("Ils se retrouvent place de la Mairie."),
        [("place de la Mairie".into(), "location")]
    );
    assert!(typed_builtin("Un navire du Ier siècle avant notre ère.").is_empty());
    assert!(typed_builtin("Sous la Ve République, rien.").is_empty());
    assert_eq!(
        typed_builtin("Le château date de François Ier."),
        [("François Ier".into(), "person")]
    );
}

#[test]
fn boats_and_locomotives_named_after_their_noun_are_named_things() {
    assert_eq!(
        typed_builtin("Ils rejoignent Dakar par le bateau Aline Sitoé Diatta chaque semaine."),
        [
            ("Dakar".into(), "location"),
            ("Aline Sitoé Diatta".into(), "misc")
        ]
    );
    assert_eq!(
        typed_builtin("The steam runs behind the locomotive Baby Sivok this week."),
        [("Baby Sivok".into(), "misc")]
    );
    // A boat's name does not go on in lowercase.
    assert_eq!(
        typed_builtin("Ils ont été secourus par le bateau Zorbarius dimanche."),
        [("Zorbarius".into(), "misc")]
    );
}

#[test]
fn hotels_and_lakes_named_by_their_last_word_are_places() {
    assert_eq!(
        typed_builtin("The fish died below the Zorbee Lakes last week."),
        [("Zorbee Lakes".into(), "location")]
    );
    assert_eq!(
        typed_builtin("She runs the Zorbens Hotel in the town."),
        [("Zorbens Hotel".into(), "location")]
    );
}

#[test]
fn irish_and_maori_particles_keep_a_short_form_with_its_full_name() {
    for (text, short) in [
        (
            "Fergal Ó Zorbháin spoke first. Mr Ó Zorbháin said no.",
            "Ó Zorbháin",
        ),
        (
            "Aroha Te Zorba-Whitfield spoke first. Ms Te Zorba-Whitfield said no.",
            "Te Zorba-Whitfield",
        ),
    ] {
        let d = builtin().detect(text);
        let m = d.iter().find(|m| m.text == short).expect(short);
        assert_eq!(m.name.as_ref(), d[0].name.as_ref(), "{d:?}");
    }
}

#[test]
fn a_noun_and_a_lowercase_nationality_before_one_unknown_word_name_a_firm() {
    assert_eq!(
        typed_builtin("Le négociant singapourien Zorbam a profité du salon."),
        [("Zorbam".into(), "organization")]
    );
    // Not after a person's role, nor after a noun that names people as often.
    assert_eq!(
        typed_builtin("Le défenseur brésilien Zorbinho a marqué deux buts."),
        [("Zorbinho".into(), "person")]
    );
    assert_eq!(
        typed_builtin("Son homologue russe Zorbrov a répondu."),
        [("Zorbrov".into(), "person")]
    );
    assert_eq!(
        typed_builtin("Le perchiste suédois Zorblantis a encore gagné."),
        [("Zorblantis".into(), "person")]
    );
}

#[test]
fn an_event_takes_the_year_of_its_edition() {
    assert_eq!(
        typed_builtin("Les Jeux olympiques d'hiver de 2030 auront lieu dans les Alpes."),
        [
            ("Jeux olympiques d'hiver de 2030".into(), "misc"),
            ("Alpes".into(), "location")
        ]
    );
    assert_eq!(
        typed_builtin("Construite pour les Jeux olympiques de Los Angeles 2028, la tour gêne."),
        [("Jeux olympiques de Los Angeles 2028".into(), "misc")]
    );
    assert_eq!(
        typed_builtin("Les Championnats du monde 2025 de natation ont commencé."),
        [("Championnats du monde 2025".into(), "misc")]
    );
    // Not a span of years, nor a distance, nor a year after "en".
    for text in [
        "La Coupe de France 2024-2025 commence samedi.",
        "Il a gagné la Coupe de France en 2020.",
    ] {
        assert_eq!(typed_builtin(text), [("Coupe de France".into(), "misc")]);
    }
    let t = typed_builtin("Il court aux Championnats de France du 2000 m steeple.");
    assert!(t.iter().all(|(n, _)| !n.contains("2000")), "{t:?}");
}

#[test]
fn a_brand_named_after_marque_is_a_named_thing() {
    assert_eq!(
        typed_builtin("Le repreneur promet de relancer la marque Zorbalo, vendue en pharmacie."),
        [("Zorbalo".into(), "misc")]
    );
    assert_eq!(
        typed_builtin("Les yaourts sont vendus sous la marque Zorbalo depuis 2010."),
        [("Zorbalo".into(), "misc")]
    );
}

#[test]
fn a_platform_or_a_site_named_after_its_noun_is_a_named_thing() {
    assert_eq!(
        typed_builtin("Les billets se réservent sur la plateforme Zorbaresa depuis lundi."),
        [("Zorbaresa".into(), "misc")]
    );
}

#[test]
fn a_given_name_before_a_water_or_a_heights_word_names_a_place() {
    assert_eq!(
        typed_builtin("Salmon were seen as far upstream as Spencer Creek last week."),
        [("Spencer Creek".into(), "location")]
    );
    assert_eq!(
        typed_builtin("Ferries will run linking Kelvin Heights with the town."),
        [("Kelvin Heights".into(), "location")]
    );
    assert_eq!(
        typed_builtin("Visitors to Milford Sound will pay a levy."),
        [("Milford Sound".into(), "location")]
    );
    // Springs and Falls are surnames too.
    assert_eq!(
        typed_builtin("The cornerback Shawn Springs played well."),
        [("Shawn Springs".into(), "person")]
    );
}

#[test]
fn a_title_and_a_given_name_before_de_and_a_place_are_one_name() {
    assert_eq!(
        typed_builtin("L'avocat du prévenu, Me Thibault de Sainte-Marie, a plaidé."),
        [("Thibault de Sainte-Marie".into(), "person")]
    );
    // A surname after another title, even one that is a given name too: the place is where
    // the person comes from.
    for name in ["Zorbet", "Martin"] {
        assert_eq!(
            typed_builtin(&format!("Selon M. {name} de Lyon, rien ne change.")),
            [(name.into(), "person"), ("Lyon".into(), "location")]
        );
    }
}

#[test]
fn vases_and_shields_end_named_things() {
    assert_eq!(
        typed_builtin("They lost in the semi-final of the Zorba Vase on Saturday."),
        [("Zorba Vase".into(), "misc")]
    );
    assert_eq!(
        typed_builtin("They won the Zorba Shield again on Sunday."),
        [("Zorba Shield".into(), "misc")]
    );
}

#[test]
fn a_cue_listed_with_de_types_an_elided_name() {
    assert_eq!(
        typed_builtin("Il habite dans l’arrondissement d’Arvida depuis dix ans."),
        [("Arvida".into(), "location")]
    );
    assert_eq!(
        typed_builtin("Il vit dans l’agglomération d’Arvida."),
        [("Arvida".into(), "location")]
    );
}

#[test]
fn an_acronyms_name_stops_at_a_clause_word() {
    // "Europe" alone gives "EU": without the clause word's stop, the name would start there.
    let found = typed_builtin(
        "Farmers risk being locked out of Europe while Union Deforestation Rules (EUDR) take \
         effect.",
    );
    assert!(found.iter().all(|(t, _)| !t.contains("while")), "{found:?}");
}

#[test]
fn a_capitals_word_is_content_in_an_acronyms_name() {
    let found = typed_builtin(
        "Farmers risk being locked out of Europe when the EU Deforestation Regulation (EUDR) \
         takes effect.",
    );
    assert_typed(&found, "EU Deforestation Regulation", "misc");
}

#[test]
fn an_elided_demonym_before_a_compound_given_name_is_left_out() {
    assert_eq!(
        typed_builtin("Sur la place du Diamant, l’Ajaccien Pierre-Antoine Santoni-Mattei a gagné."),
        [
            ("place du Diamant".into(), "location"),
            ("Pierre-Antoine Santoni-Mattei".into(), "person")
        ]
    );
    // A compound given name no list holds, of two listed given names.
    assert_eq!(
        typed_builtin("Sur la place, l’Ajaccienne Lou-Anne Santoni-Mattei a gagné."),
        [("Lou-Anne Santoni-Mattei".into(), "person")]
    );
}

#[test]
fn a_name_between_lone_commas_after_a_body_is_its_officer() {
    assert_eq!(
        typed_builtin("Le président de la LPO, Allain Bougrain-Dubourg, salue une décision."),
        [
            ("LPO".into(), "organization"),
            ("Allain Bougrain-Dubourg".into(), "person")
        ]
    );
    // A list goes on: one more body.
    let found = typed_builtin("Carrefour, Auchan Retail, Leclerc et Lidl ont signé.");
    assert_typed(&found, "Auchan Retail", "organization");
}

#[test]
fn a_personal_trade_before_two_capitalised_words_names_a_person() {
    assert_eq!(
        typed_builtin("Le chocolatier Beñat Etchegaray a reçu samedi le prix."),
        [("Beñat Etchegaray".into(), "person")]
    );
    assert_eq!(
        typed_builtin("Exporter Mekdes Haile-Giorgis said the rules are hard."),
        [("Mekdes Haile-Giorgis".into(), "person")]
    );
    // A common word last, or a listed firm: a firm's name.
    assert_eq!(
        typed_builtin("Producer Abyssinia Green said no."),
        [("Abyssinia Green".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("Producer Rio Tinto said no."),
        [("Rio Tinto".into(), "organization")]
    );
    // An operator's "par" before a given name and a surname: a farmer.
    assert_eq!(
        typed_builtin("La ferme exploitée par Marie Durand ferme."),
        [("Marie Durand".into(), "person")]
    );
}

#[test]
fn a_state_or_national_highway_keeps_its_network_word() {
    assert_eq!(
        typed_builtin("Logging trucks still use State Highway 35 and National Highway 10."),
        [
            ("State Highway 35".into(), "location"),
            ("National Highway 10".into(), "location")
        ]
    );
}

#[test]
fn ports_terminals_and_oceans_are_places_and_operators_firms() {
    assert_eq!(
        typed_builtin("Most logs leave through Eastland Port and the Zorba Container Terminal."),
        [
            ("Eastland Port".into(), "location"),
            ("Zorba Container Terminal".into(), "location")
        ]
    );
    assert_eq!(
        typed_builtin("Les rejets dans l’océan Atlantique inquiètent les pêcheurs."),
        [("océan Atlantique".into(), "location")]
    );
    assert_eq!(
        typed_builtin("Le port de Rouen, exploité par Zorbaport Normandie, grandit."),
        [
            ("Rouen".into(), "location"),
            ("Zorbaport Normandie".into(), "organization")
        ]
    );
}

#[test]
fn a_bodys_name_goes_on_over_et_en_sur_to_its_capitalised_end() {
    assert_eq!(
        typed_builtin(
            "Les analyses ont été confiées au Centre de recherche et de restauration des musées \
             de France, qui a conclu."
        ),
        [(
            "Centre de recherche et de restauration des musées de France".into(),
            "organization"
        )]
    );
    // No capitalised name at the end: the complement alone.
    let found = typed_builtin("Le Centre de recherche et les communes ont signé.");
    assert_typed(&found, "Centre de recherche", "organization");
}

#[test]
fn a_head_completed_by_de_and_a_noun_is_a_name() {
    for (text, name) in [
        (
            "Le maître d'ouvrage, la Société des grands projets, s'est constitué partie civile.",
            "Société des grands projets",
        ),
        (
            "Selon la Fédération française de la chaussure, il reste des usines.",
            "Fédération française de la chaussure",
        ),
    ] {
        assert_eq!(
            typed_builtin(text),
            [(name.into(), "organization")],
            "{text}"
        );
    }
    // The newspaper's section at the start of a line is no name; a prenominal adjective is
    // the noun when no noun follows it.
    assert_eq!(typed_builtin("Société : la hausse des prix continue."), []);
    assert_eq!(
        typed_builtin("La Maison des jeunes organise un concert samedi."),
        [("Maison des jeunes".into(), "organization")]
    );
}

#[test]
fn a_digit_in_an_acronym_repeats_the_next_letter() {
    assert_eq!(
        typed_builtin(
            "La Communauté d’agglomération du Caudrésis et du Catésis (CA2C) avait cherché."
        ),
        [
            (
                "Communauté d’agglomération du Caudrésis et du Catésis".into(),
                "organization"
            ),
            ("CA2C".into(), "organization")
        ]
    );
}

#[test]
fn a_plan_takes_the_year_it_aims_at() {
    assert_eq!(
        typed_builtin("Le projet est inscrit dans son Plan d'action 2035 depuis mai."),
        [("Plan d'action 2035".into(), "misc")]
    );
}

#[test]
fn a_title_opened_by_a_capitalised_article_goes_on_in_lowercase() {
    assert_eq!(
        typed_builtin("Le prix est revenu à Maëlle Quintard pour Les Marées basses, un roman."),
        [
            ("Maëlle Quintard".into(), "person"),
            ("Les Marées basses".into(), "misc")
        ]
    );
    // Not over an adverb.
    assert_eq!(
        typed_builtin("Il joue pour Les Pingouins depuis longtemps."),
        [("Les Pingouins".into(), "organization")]
    );
}

#[test]
fn a_quoted_title_keeps_its_article() {
    assert_eq!(
        typed_builtin("Netflix has renewed \"The Salt Road\" for a second season."),
        [
            ("Netflix".into(), "organization"),
            ("The Salt Road".into(), "misc")
        ]
    );
}

#[test]
fn a_role_opening_the_sentence_then_de_and_a_place_types_the_place() {
    assert_eq!(
        typed_builtin("Élu de la Sarthe depuis 2017, M. de Ravinel reste discret."),
        [
            ("Sarthe".into(), "location"),
            ("de Ravinel".into(), "person")
        ]
    );
    assert_eq!(
        typed_builtin("It takes 50 minutes on Frankton Rd every morning."),
        [("Frankton Rd".into(), "location")]
    );
}

#[test]
fn items_of_a_list_share_their_type_over_an_article() {
    assert_eq!(
        typed_builtin("Le rallye a traversé Bastia, la Castagniccia et le golfe de Valinco."),
        [
            ("Bastia".into(), "location"),
            ("Castagniccia".into(), "location"),
            ("golfe de Valinco".into(), "location")
        ]
    );
}

#[test]
fn a_lowercase_head_takes_no_titled_person() {
    assert_eq!(
        typed_builtin("Le syndicat juge le plan de M. Novotný-Kral sérieux."),
        [("Novotný-Kral".into(), "person")]
    );
}

#[test]
fn second_review_cases_keep_their_names() {
    // A prenominal adjective before an adverb is the noun.
    let found = typed_builtin("Il dirige la Maison des jeunes depuis 2015.");
    assert_typed(&found, "Maison des jeunes", "organization");
    // "d'autres" after "et" begins no complement of the name.
    let found = typed_builtin(
        "Le Syndicat des producteurs et d'autres organisations de Bretagne ont signé.",
    );
    assert!(
        found.iter().all(|(t, _)| !t.contains("autres")),
        "{found:?}"
    );
    // A lowercase head right before a courtesy title keeps it.
    let found = typed_builtin("Elle enseigne au lycée Madame de Staël depuis dix ans.");
    assert!(
        found.iter().any(|(t, _)| t.contains("Madame de Staël")),
        "{found:?}"
    );
}

#[test]
fn a_museum_theatre_or_hospital_one_goes_to_is_a_venue() {
    assert_eq!(
        typed_builtin("La statue sera exposée au musée Guimet, à Paris."),
        [
            ("musée Guimet".into(), "location"),
            ("Paris".into(), "location")
        ]
    );
    assert_eq!(
        typed_builtin("The girl was flown to Hervey Bay Hospital with bites."),
        [("Hervey Bay Hospital".into(), "location")]
    );
    assert_eq!(
        typed_builtin("Au Musée jurassien des Arts, une exposition ouvre."),
        [("Musée jurassien des Arts".into(), "location")]
    );
    // Where someone works, or a museum that acts, stays a body.
    assert_eq!(
        typed_builtin("Il était conservateur au musée d'Orsay."),
        [("musée d'Orsay".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("She was a nurse at Cork University Hospital."),
        [("Cork University Hospital".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("Le musée Fabre a acquis un tableau."),
        [("musée Fabre".into(), "organization")]
    );
}

#[test]
fn a_ministry_lists_its_portfolios_with_commas() {
    assert_eq!(
        typed_builtin(
            "Les inspecteurs du ministère de l’Agriculture, des Pêcheries et de l’Alimentation \
             sont venus."
        ),
        [(
            "ministère de l’Agriculture, des Pêcheries et de l’Alimentation".into(),
            "organization"
        )]
    );
    // Common nouns after the comma are no portfolio.
    let found = typed_builtin("Le ministère de la Culture, des amis et de la famille.");
    assert_eq!(found, [("ministère de la Culture".into(), "organization")]);
}

#[test]
fn police_congregation_and_platform_heads_and_english_landmark_heads() {
    assert_eq!(
        typed_builtin("La Sûreté du Québec a signalé des bouchons."),
        [("Sûreté du Québec".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("Les chanoines de la Congrégation du Grand-Saint-Bernard chantent."),
        [("Congrégation du Grand-Saint-Bernard".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("A section of the East Cliff slipped below Whitby Abbey."),
        [
            ("East Cliff".into(), "location"),
            ("Whitby Abbey".into(), "location")
        ]
    );
    let found = typed_builtin("Archbishop Francis Duffy of the Archdiocese of Tuam spoke.");
    assert_typed(&found, "Archdiocese of Tuam", "organization");
}

#[test]
fn complements_coordinated_by_commas_and_et_stay_in_the_name() {
    for name in [
        "Direction générale de la concurrence, de la consommation et de la répression des fraudes",
        "Conseil du coton et de l'anacarde",
        "Comité national de prévention des risques et de gestion des catastrophes",
    ] {
        let found = typed_builtin(&format!("Selon la {name}, rien ne change."));
        assert_eq!(found, [(name.to_string(), "organization")]);
    }
    // Not "et d'autres", nor a comma without "et" after it.
    assert_eq!(
        typed_builtin("Le Syndicat des producteurs et d'autres organisations ont signé."),
        [("Syndicat des producteurs".into(), "organization")]
    );
    let found = typed_builtin("Le Conseil du coton, de plus, a tranché.");
    assert!(found.iter().all(|(n, _)| !n.contains("plus")), "{found:?}");
}

#[test]
fn an_iwi_is_a_body_and_weekends_regattas_and_fests_are_events() {
    assert_eq!(
        typed_builtin("The lakebed is owned on behalf of Ngāti Tūwharetoa, said the board."),
        [("Ngāti Tūwharetoa".into(), "organization")]
    );
    for (text, name) in [
        (
            "Hoteliers fear for the Whitby Goth Weekend.",
            "Whitby Goth Weekend",
        ),
        (
            "The Henley-on-Todd Regatta was cancelled.",
            "Henley-on-Todd Regatta",
        ),
        (
            "They will hold the Tidal Bore Surf Fest in August.",
            "Tidal Bore Surf Fest",
        ),
    ] {
        assert_eq!(typed_builtin(text), [(name.to_string(), "misc")], "{text}");
    }
}

#[test]
fn store_chains_after_magasins_are_companies() {
    assert_eq!(
        typed_builtin("Il est vendu dans une centaine de magasins Delhaize et Colruyt."),
        [
            ("Delhaize".into(), "organization"),
            ("Colruyt".into(), "organization")
        ]
    );
}

#[test]
fn intercommunal_bodies_and_triathlons_and_rodeos() {
    assert_eq!(
        typed_builtin("Vienne Condrieu Agglomération a voté."),
        [("Vienne Condrieu Agglomération".into(), "organization")]
    );
    assert_eq!(
        typed_builtin("La partie natation du Triathlon d’Aix-les-Bains est maintenue."),
        [("Triathlon d’Aix-les-Bains".into(), "misc")]
    );
    let found = typed_builtin("He will ride at the Canadian Finals Rodeo in November.");
    assert_eq!(found, [("Canadian Finals Rodeo".into(), "misc")]);
}

#[test]
fn a_lowercase_city_before_comme_or_lol_is_the_city() {
    let found = typed_builtin("Il va repartir à bordeaux comme d’hab.");
    assert_eq!(found, [("bordeaux".into(), "location")]);
    let found = typed_builtin("Un petit pot à 30 euros à paris lol.");
    assert_eq!(found, [("paris".into(), "location")]);
    // Not an idiom: "à tours de bras".
    assert!(typed_builtin("Il tape à tours de bras.").is_empty());
}

#[test]
fn a_l_after_a_is_au_before_a_vowel() {
    let found = typed_builtin("L'ASVEL a battu le Real Madrid à l'Astroballe de Villeurbanne.");
    assert_typed(&found, "Astroballe", "location");
}

#[test]
fn tunnels_rocks_temples_fields_hospices_and_provinces_keep_their_head() {
    for (text, name) in [
        (
            "Les camions passent par le tunnel du Grand-Saint-Bernard.",
            "tunnel du Grand-Saint-Bernard",
        ),
        (
            "Ils doublent le rocher du Diamant dans la houle.",
            "rocher du Diamant",
        ),
        ("C’est la province de Liège qui perd.", "province de Liège"),
        (
            "La scène est installée sur le champ de Mars.",
            "champ de Mars",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), "location")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn an_aim_after_pour_may_elide_its_article() {
    let found = typed_builtin(
        "Selon le Comité intercommunautaire pour l’assainissement du lac du Bourget, rien.",
    );
    assert_eq!(
        found,
        [(
            "Comité intercommunautaire pour l’assainissement du lac du Bourget".into(),
            "organization"
        )]
    );
}

#[test]
fn review_mends_of_round_thirty_five_keep_bodies_and_stop_lists() {
    // A workplace, a gift or an acquisition: the body.
    for (text, name) in [
        (
            "He is a consultant at Cork University Hospital.",
            "Cork University Hospital",
        ),
        (
            "He donated £1m to Great Ormond Street Hospital last year.",
            "Great Ormond Street Hospital",
        ),
        (
            "La famille a fait don de sa collection au musée Fabre.",
            "musée Fabre",
        ),
        (
            "Le Musée romain de Nyon a acquis une statue.",
            "Musée romain de Nyon",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), "organization")),
            "{text}: {found:?}"
        );
    }
    // A people after a ministry's comma is no portfolio; a long list of portfolios is one.
    let found = typed_builtin(
        "Selon le ministère de l'Intérieur, des Marocains et des Algériens ont été expulsés.",
    );
    assert_typed(&found, "ministère de l'Intérieur", "organization");
    let name = "ministère de l'Énergie, des Transports, du Développement durable et de la Mer";
    assert_eq!(
        typed_builtin(&format!("Le {name} a tranché.")),
        [(name.to_string(), "organization")]
    );
    // Three bodies listed, a comma after "et", an idiom after "pour": no longer name.
    let found = typed_builtin(
        "Des représentants de la Chambre d'agriculture, de la préfecture et de la mairie.",
    );
    assert!(
        found.iter().all(|(n, _)| !n.contains("mairie")),
        "{found:?}"
    );
    let found = typed_builtin("La Fédération du bâtiment et, des travaux publics, a parlé.");
    assert!(
        found.iter().all(|(n, _)| !n.contains("travaux")),
        "{found:?}"
    );
    let found = typed_builtin("Le Syndicat national pour l'heure refuse de commenter.");
    assert!(found.iter().all(|(n, _)| !n.contains("heure")), "{found:?}");
    // Heads of a hospice and a temple.
    let found = typed_builtin("Les chiens passent l’été à l’hospice du Grand-Saint-Bernard.");
    assert_typed(&found, "hospice du Grand-Saint-Bernard", "location");
}

#[test]
fn second_review_of_round_thirty_five_keeps_workplaces_subjects_and_places() {
    for (text, name) in [
        (
            "Elle est aide-soignante à l'hôpital Bichat.",
            "hôpital Bichat",
        ),
        (
            "The new Dunedin Hospital chief executive resigned.",
            "Dunedin Hospital",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), "organization")),
            "{text}: {found:?}"
        );
    }
    for (text, name) in [
        (
            "Le Comité des fêtes et des bénévoles ont organisé le repas.",
            "Comité des fêtes",
        ),
        (
            "Le Conseil de l'ordre des médecins et de nombreux syndicats ont protesté.",
            "Conseil de l'ordre des médecins",
        ),
        (
            "Les agents du ministère de l'Agriculture, de Bretagne et de Normandie ont manifesté.",
            "ministère de l'Agriculture",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), "organization")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn bodies_named_by_their_country_governments_and_roles_after_a_name() {
    for (text, name, kind) in [
        (
            "It rained. He said RSPB Scotland was consulted.",
            "RSPB Scotland",
            "organization",
        ),
        (
            "The Government of Nunavut delayed the opening of a school.",
            "Government of Nunavut",
            "organization",
        ),
        (
            "Yaduveer Krishnadatta Chamaraja Wadiyar, head of the former royal family, spoke.",
            "Yaduveer Krishnadatta Chamaraja Wadiyar",
            "person",
        ),
        (
            "Elle est amarrée près de la frégate Hermione depuis mars.",
            "Hermione",
            "misc",
        ),
        (
            "The last iron was made at the South Wales steelworks.",
            "South Wales",
            "location",
        ),
        (
            "Life in Victorian England was hard.",
            "Victorian England",
            "location",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), kind)),
            "{text}: {found:?}"
        );
    }
    // English contractions with a typographic apostrophe, and a reader's "en PLS".
    for text in ["Next year I’m doing it sober.", "Fini en 6h et en PLS."] {
        assert_eq!(typed_builtin(text), [], "{text}");
    }
}

#[test]
fn members_titles_datelines_kin_compound_given_names_and_prizes() {
    for (text, name, kind) in [
        (
            "It rained. Nunavut MP Lori Idlout called for help.",
            "Lori Idlout",
            "person",
        ),
        (
            "It rained. Nunavut MP Lori Idlout called for help.",
            "Nunavut",
            "location",
        ),
        (
            "FREMANTLE, WA — Day-trippers to the island will pay more.",
            "WA",
            "location",
        ),
        ("Courage maman rosalie 🙏🏾", "rosalie", "person"),
        ("Good on aunty marie, she never gave up.", "marie", "person"),
        (
            "Et jean-marc qui la défendait encore.",
            "jean-marc",
            "person",
        ),
        (
            "Le festival a remis samedi son Swann d’or du meilleur film.",
            "Swann d’or",
            "misc",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), kind)),
            "{text}: {found:?}"
        );
    }
    for (text, word) in [
        ("Good on aunty marie, she never gave up.", "aunty"),
        ("le papa noël arrive ce soir", "noël"),
        ("c'est un vrai jean-foutre", "jean-foutre"),
    ] {
        let found = typed_builtin(text);
        assert!(found.iter().all(|(t, _)| t != word), "{text}: {found:?}");
    }
}

#[test]
fn landforms_before_the_article_and_towns_where_readers_live() {
    for (text, name, kind) in [
        (
            "Les vignes sont au pied de la Rhune depuis toujours.",
            "Rhune",
            "location",
        ),
        (
            "Le risque d’inondation de l’Ourthe est élevé.",
            "Ourthe",
            "location",
        ),
        ("il bosse à bordeaux faute de mieux", "bordeaux", "location"),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), kind)),
            "{text}: {found:?}"
        );
    }
    assert_eq!(typed_builtin("je travaille à temps partiel"), []);
}

#[test]
fn houses_named_by_what_they_show_and_projects() {
    for (text, name, kind) in [
        (
            "À Poligny, où la Maison du Comté reçoit 60 000 visiteurs par an.",
            "Maison du Comté",
            "location",
        ),
        (
            "Les gants viennent de la Maison Vauthier, à Millau.",
            "Maison Vauthier",
            "organization",
        ),
        (
            "Funding for the Lesotho Highlands Water Project was approved.",
            "Lesotho Highlands Water Project",
            "misc",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), kind)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn phrases_and_units_are_no_names() {
    for text in [
        "Kia kaha to the whānau.",
        "Pis le vin est cher.",
        "Big up the growers!",
        "The 1,200 MW project was swept away.",
        "Des ONG rappellent l'affaire.",
    ] {
        assert_eq!(typed_builtin(text), [], "{text}");
    }
    // The carmaker and the party stay.
    assert_eq!(
        typed_builtin("Hier, Kia a vendu plus de voitures que le PiS."),
        [
            ("Kia".into(), "organization"),
            ("PiS".into(), "organization")
        ]
    );
}

#[test]
fn species_and_diseases_named_after_places_or_people_are_no_names() {
    for text in [
        "They counted Atlantic salmon and striped bass above the dam.",
        "The rules protect the North Atlantic right whale.",
        "Le test repère la maladie d'Alzheimer dix ans avant.",
        "Nice to see a wee press win.",
    ] {
        assert_eq!(typed_builtin(text), [], "{text}");
    }
    assert_eq!(
        typed_builtin("Courage tantie aminata 🙏🏾"),
        [("aminata".into(), "person")]
    );
    assert!(
        typed_builtin("She flew to Panama on Monday.").contains(&("Panama".into(), "location"))
    );
}

#[test]
fn an_english_ministrys_portfolios_listed_with_commas() {
    assert!(
        typed_builtin("The rules set by the Department of Agriculture, Food and the Marine apply.")
            .contains(&(
                "Department of Agriculture, Food and the Marine".into(),
                "organization"
            ))
    );
    let found = typed_builtin("The Department of Health, NHS England and Unison met.");
    assert_typed(&found, "Department of Health", "organization");
}

#[test]
fn a_readers_lowercase_hyphenated_town_and_one_after_d() {
    for (text, name) in [
        ("on va à clermont-ferrand demain", "clermont-ferrand"),
        (
            "se loger à porto-vecchio à cause des résidences",
            "porto-vecchio",
        ),
        ("Chapeau à toute l'équipe d'amiens, on critique", "amiens"),
    ] {
        assert!(
            typed_builtin(text).contains(&(name.into(), "location")),
            "{text}: {:?}",
            typed_builtin(text)
        );
    }
    assert_eq!(
        typed_builtin("le jus d'orange est bon, c'est à mi-chemin"),
        []
    );
}

#[test]
fn what_a_firm_makes_funds_or_publishes_and_where_one_works() {
    for (text, name) in [
        (
            "L'opération, financée par Gavi et l'Unicef, vise deux millions d'enfants.",
            "Gavi",
        ),
        (
            "The book was published by Canongate in the UK.",
            "Canongate",
        ),
    ] {
        assert!(
            typed_builtin(text).contains(&(name.into(), "organization")),
            "{text}: {:?}",
            typed_builtin(text)
        );
    }
}

#[test]
fn a_name_of_a_few_words_coordinated_with_a_listed_place() {
    let found =
        typed_builtin("Compagnie des Alpes, qui exploite Tignes et Val d’Isère, a annoncé.");
    assert_typed(&found, "Val d’Isère", "location");
    let found = typed_builtin("Il a cité Paris et Marie Curie.");
    assert_typed(&found, "Marie Curie", "person");
}

#[test]
fn a_national_body_with_an_elided_de_complement() {
    assert!(
        typed_builtin("Il est licencié à la Fédération française d’équitation depuis.")
            .contains(&("Fédération française d’équitation".into(), "organization"))
    );
}

#[test]
fn a_saints_feast_after_the_feminine_article() {
    let found = typed_builtin("Les succursales ferment à l'approche de la Saint-Jean-Baptiste.");
    assert_typed(&found, "Saint-Jean-Baptiste", "misc");
    let found = typed_builtin("On part à Saint-Malo et à la Sainte-Baume.");
    assert_typed(&found, "Saint-Malo", "location");
}

#[test]
fn more_trades_end_a_firms_name() {
    let found = typed_builtin("Analyst Kagiso Molefhe of Selebi Research said the deal was fair.");
    assert_typed(&found, "Selebi Research", "organization");
}

#[test]
fn review_of_round_thirty_six_keeps_ordinary_text_as_it_was() {
    for (text, name, kind) in [
        (
            "Officials from the Department of Justice, Treasury and the White House met.",
            "Department of Justice",
            "organization",
        ),
        (
            "He grew up in Outback Queensland.",
            "Outback Queensland",
            "location",
        ),
        ("Texas cattle ranchers met on Monday.", "Texas", "location"),
        (
            "Norway salmon farmers face a new tax.",
            "Norway",
            "location",
        ),
        (
            "La maladie de Johnny a bouleversé la France.",
            "Johnny",
            "person",
        ),
        (
            "La Maison de Savoie a régné sur la région.",
            "Maison de Savoie",
            "organization",
        ),
        (
            "Le contrat a été signé avec Groupe Lisi, leader de la fixation.",
            "Groupe Lisi",
            "organization",
        ),
        ("Nice to Monaco takes twenty minutes.", "Nice", "location"),
        (
            "NEW DELHI, PTI — Le gouvernement indien a réagi.",
            "PTI",
            "organization",
        ),
    ] {
        let found = typed_builtin(text);
        assert!(
            found.contains(&(name.to_string(), kind)),
            "{text}: {found:?}"
        );
    }
    for text in [
        "j'habite rue victor-hugo",
        "une marie-louise dorée",
        "je vis à sens unique",
        "uncle sam wants you",
        "La Fédération française d'habitude si prudente a réagi.",
    ] {
        let found = typed_builtin(text);
        assert!(
            found.iter().all(|(n, _)| !matches!(
                n.as_str(),
                "victor-hugo" | "marie-louise" | "sens" | "sam"
            ) && !n.contains("habitude")),
            "{text}: {found:?}"
        );
    }
    assert!(
        !typed_builtin("The Government of India Act 1935 was passed.")
            .contains(&("Government of India".into(), "organization"))
    );
}

#[test]
fn a_narrow_no_break_space_is_no_part_of_a_name() {
    // French typography puts U+202F before "!", "?", ":", ";" and inside « »; the segmenter
    // joins it to the word before or after.
    let narrow = "Il vit à Lyon\u{202f}! Marie Curie\u{202f}: une savante. «\u{202f}Le Monde\u{202f}» écrit.";
    let plain = narrow.replace('\u{202f}', " ");
    let found = builtin().detect(narrow);
    for m in &found {
        assert_eq!(&narrow[m.start..m.end], m.text, "{found:?}");
    }
    let kinds = |ms: &[Mention]| -> Vec<(String, &'static str)> {
        ms.iter()
            .map(|m| (m.text.clone(), m.kind.as_str()))
            .collect()
    };
    assert_eq!(kinds(&found), kinds(&builtin().detect(&plain)));
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn hyphenated_codes_are_products_and_roads_stay_places() {
    let found = typed_builtin(
        "Les deux premiers F-35A ont atterri ; ils remplaceront les F/A-18 et les F-5 Tiger de l'escadrille.",
    );
    for name in ["F-35A", "F/A-18", "F-5 Tiger"] {
        assert!(found.contains(&(name.into(), "misc")), "{name}: {found:?}");
    }
    let found = typed_builtin("Meanwhile I'm stuck on I-95 every morning near Trenton.");
    assert!(!found.contains(&("I-95".into(), "misc")), "{found:?}");
    // Countdowns and age groups are no codes.
    let found = typed_builtin("À J-3 du scrutin, les U-21 de Rennes jouent à Brest.");
    assert!(!found.iter().any(|(_, k)| *k == "misc"), "{found:?}");
}

#[test]
fn a_place_head_before_a_country_is_no_national_body() {
    let found = typed_builtin("The line runs to Kingston on Lake Ontario every summer.");
    assert_typed(&found, "Lake Ontario", "location");
    let found = typed_builtin("The club got a grant from Rowing Ireland in 2023.");
    assert_typed(&found, "Rowing Ireland", "organization");
}

#[test]
fn the_last_field_after_office_of_is_no_head() {
    let found = typed_builtin(
        "The Office of Rail and Road (ORR) refused to renew an exemption on Tuesday.",
    );
    assert_typed(&found, "Office of Rail and Road", "organization");
}

#[test]
fn a_local_body_acronym_takes_an_unlisted_town() {
    let found =
        typed_builtin("La battue était organisée par l’ACCA de Bagnols-les-Bains ce dimanche.");
    assert_typed(&found, "ACCA de Bagnols-les-Bains", "organization");
}

#[test]
fn landform_heads_and_port_authorities() {
    let found = typed_builtin(
        "Les oiseaux quittent le delta du Pô pour la butte du Lion, confiée aux équipes du Port autonome de Kribi.",
    );
    assert_typed(&found, "delta du Pô", "location");
    assert_typed(&found, "butte du Lion", "location");
    assert_typed(&found, "Port autonome de Kribi", "organization");
}

#[test]
fn a_dateline_of_several_words_keeps_its_first_word() {
    let found = typed_builtin("FORT WILLIAM — The steam train will not run this summer.");
    assert_typed(&found, "FORT WILLIAM", "location");
    let found = typed_builtin("THETFORD MINES – La ville a voté un budget serré.");
    assert_typed(&found, "THETFORD MINES", "location");
}

#[test]
fn a_canadian_department_applied_title_is_one_body() {
    let found = typed_builtin("Officials from Fisheries and Oceans Canada closed the area.");
    assert_typed(&found, "Fisheries and Oceans Canada", "organization");
    let found = typed_builtin("Money went to Energy and Western Canada this year.");
    assert!(!found.iter().any(|(n, _)| n.contains(" and ")), "{found:?}");
}

#[test]
fn dotted_initials_begin_a_persons_name() {
    let found = typed_builtin(
        "A deputy conservator in Dhrangadhra, R.K. Solanki, said the order targeted large firms.",
    );
    assert_typed(&found, "R.K. Solanki", "person");
    let found = typed_builtin("The U.S. Steel plant closed in March.");
    assert!(!found.iter().any(|(_, k)| *k == "person"), "{found:?}");
    // A team's plural after its article.
    let found = typed_builtin("Fans of the N.Y. Giants waited outside.");
    assert!(!found.iter().any(|(_, k)| *k == "person"), "{found:?}");
}

#[test]
fn a_possessive_before_a_lake_is_inside_the_name() {
    let found = typed_builtin("Ice between the Pretoria Bridge and Dow's Lake never got thick.");
    assert_typed(&found, "Dow's Lake", "location");
}

#[test]
fn a_national_park_acting_is_its_body() {
    let found = typed_builtin("Le Parc national des Cévennes a proposé des journées sans chasse.");
    assert_typed(&found, "Parc national des Cévennes", "organization");
    // A state is the place's: "est situé", "a été fermé".
    let found =
        typed_builtin("Le Parc national des Calanques est situé entre Marseille et Cassis.");
    assert_typed(&found, "Parc national des Calanques", "location");
    let found = typed_builtin("Il guidait depuis vingt ans dans le parc national de la Vanoise.");
    assert_typed(&found, "parc national de la Vanoise", "location");
}

#[test]
fn an_acronym_reads_a_name_from_a_common_word_opening_the_sentence() {
    // Only when it reads every word's letter.
    let found = typed_builtin("Voies rapides urbaines du nord (VRN) : la ville investit.");
    assert!(
        !found.iter().any(|(n, _)| n.starts_with("Voies")),
        "{found:?}"
    );
    let found = typed_builtin("Voies navigables de France (VNF) impose des normes plus strictes.");
    assert_typed(&found, "Voies navigables de France", "organization");
}

#[test]
fn an_institution_takes_its_unlisted_town() {
    let found =
        typed_builtin("La mâchoire sera montrée au musée de Préhistoire de Tautavel dès 2026.");
    assert!(
        found
            .iter()
            .any(|(n, _)| n == "musée de Préhistoire de Tautavel"),
        "{found:?}"
    );
    // A minister's surname is no town.
    let found = typed_builtin("Le ministère de l'Intérieur de Retailleau a tranché hier.");
    assert!(
        !found
            .iter()
            .any(|(n, _)| n.starts_with("ministère") && n.ends_with("Retailleau")),
        "{found:?}"
    );
}

#[test]
fn a_festival_word_ends_an_events_name() {
    let found = typed_builtin("Organisers of the Wellfleet OysterFest in October are worried.");
    assert_typed(&found, "Wellfleet OysterFest", "misc");
}
