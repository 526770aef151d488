//! Which surface words change the polarity of their neighbours: negations, intensifiers,
//! attenuators, contrast, per language.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::analysis::{Lang, fold};

/// Set phrases of a negation and a word ("pas terrible"): `lang<TAB>word<TAB>score` lines.
const IDIOMS: &str = include_str!("idioms.tsv");

/// The words of [`IDIOMS`], accents removed, per language.
static NEGATED_IDIOMS: LazyLock<[HashMap<String, f32>; 2]> = LazyLock::new(|| {
    let mut maps: [HashMap<String, f32>; 2] = Default::default();
    for line in IDIOMS.lines() {
        let mut fields = line.split('\t');
        let (Some(lang), Some(word), Some(score)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let lang = match lang {
            "fr" => Lang::Fr,
            "en" => Lang::En,
            _ => continue,
        };
        if let Ok(score) = score.trim().parse::<f32>() {
            maps[lang as usize].insert(fold(word).into_owned(), score);
        }
    }
    maps
});

/// The score of the set phrase a negation right before a lowercase, elision-free `word` makes
/// in `lang` ("pas terrible": mediocre), if it makes one (see `idioms.tsv`).
pub fn negated_idiom(word: &str, lang: Lang) -> Option<f32> {
    NEGATED_IDIOMS[lang as usize]
        .get(fold(word).as_ref())
        .copied()
}

/// Multiplier of an intensifier ("très bon" = 1.5 × "bon").
pub const BOOST: f32 = 1.5;
/// Multiplier of a negated word (VADER's 0.74, sign flipped).
pub const NEGATED: f32 = -0.74;
/// Multiplier of a negated negative word: "pas mauvais", "not bad" are faint praise, less
/// positive than "mauvais" is negative (chosen on the development splits).
pub const NEGATED_NEGATIVE: f32 = -0.5;
/// Multiplier of a negated intensified word ("pas très bon", "not very good").
pub const NEGATED_BOOSTED: f32 = -0.5;
/// Score of "trop" / "too" before a word that is no opinion word ("trop long" when "long"
/// is not listed, "trop de descriptions", "too much").
pub const EXCESS: f32 = -1.2;
/// Score of a comparative after a verb of expectation ("je m'attendais à mieux", "I expected
/// more").
pub const EXPECTATION: f32 = -2.0;
/// Multiplier of a positive word after a conditional in its clause ("aurait pu être bon",
/// "should have been funny"): what was not.
pub const IRREALIS: f32 = -0.5;
/// Multiplier of a positive word in a question ("comment se passionner pour … ?").
pub const QUESTION: f32 = 0.5;
/// Weight of negative contributions in French passages: the French lexicons lean positive
/// more than the English ones (chosen on the development split).
pub const NEGATIVE_CALIBRATION_FR: f32 = 1.35;
/// Words of content a forward negation ("pas", "sans", "not") reaches.
pub const NEGATION_SCOPE: u8 = 3;
/// Weight of what precedes "mais" / "but" in its sentence, and of what follows.
pub const CONTRAST: (f32, f32) = (0.5, 1.5);

/// The role of a surface word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    /// French "ne" (also elided "n'"): opens a negation closed by a particle.
    Ne,
    /// A particle that closes "ne …" ("pas", "plus", "personne"); on its own, when `alone`,
    /// a forward negation ("c'est pas bon", "jamais content").
    Particle {
        /// Whether the word negates without "ne".
        alone: bool,
    },
    /// Negates the next words ("sans", "ni", "not", "never", "n't").
    Negation,
    /// "que" after "ne": a restriction ("ne … que"), not a negation.
    Restriction,
    /// Multiplies the next content word (intensifier > 1, attenuator < 1, "peu" < 0).
    Modifier(f32),
    /// "trop", "too": an intensifier before an opinion word ("trop bien"), else a complaint
    /// of excess ("trop long" when "long" is no opinion word, "trop de descriptions").
    Excess,
    /// "mais", "but": what follows weighs more.
    Contrast,
    /// Anything else.
    Plain,
}

/// The role of a lowercase, elision-free word in `lang`; `prev` is the previous word ("un" for
/// "un peu", "a" for "a bit").
#[cfg(test)]
pub fn role(word: &str, prev: &str, lang: Lang) -> Role {
    role_after(word, qualifies(prev, lang), lang)
}

/// Whether `word`, just before "peu" / "bit" / "little", makes it a mild attenuator ("un peu",
/// "a bit") rather than a negation: the only way the previous word changes a role.
pub fn qualifies(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(word, "un" | "quelque" | "très" | "tres"),
        Lang::En => word == "a",
    }
}

/// The role of a lowercase, elision-free word in `lang` after a word that [`qualifies`] or not.
pub fn role_after(word: &str, after_qualifier: bool, lang: Lang) -> Role {
    match lang {
        Lang::Fr => role_fr(word, after_qualifier),
        Lang::En => role_en(word, after_qualifier),
    }
}

/// French roles.
fn role_fr(word: &str, after_qualifier: bool) -> Role {
    match word {
        "ne" => Role::Ne,
        "pas" | "jamais" | "rien" | "guère" | "guere" | "aucun" | "aucune" | "nullement" => {
            Role::Particle { alone: true }
        }
        "plus" | "personne" | "point" => Role::Particle { alone: false },
        "sans" | "ni" | "non" => Role::Negation,
        "que" | "qu" => Role::Restriction,
        "trop" => Role::Excess,
        "très" | "tres" | "vraiment" | "tellement" | "extrêmement" | "extremement" | "super"
        | "hyper" | "vachement" | "absolument" | "totalement" | "complètement" | "completement"
        | "particulièrement" | "particulierement" | "profondément" | "hautement"
        | "franchement" | "carrément" | "carrement" | "terriblement" | "incroyablement" => {
            Role::Modifier(BOOST)
        }
        "peu" if after_qualifier => Role::Modifier(0.5),
        "peu" => Role::Modifier(-0.5),
        "assez" | "plutôt" | "plutot" => Role::Modifier(0.8),
        "moyennement" | "légèrement" | "legerement" | "relativement" => Role::Modifier(0.5),
        "mais" | "cependant" | "pourtant" | "toutefois" => Role::Contrast,
        _ => Role::Plain,
    }
}

/// English roles.
fn role_en(word: &str, after_qualifier: bool) -> Role {
    match word {
        "not" | "no" | "never" | "nor" | "neither" | "without" | "cannot" | "nothing"
        | "nobody" | "none" | "nowhere" | "dont" | "didnt" | "doesnt" | "isnt" | "wasnt"
        | "cant" | "wont" | "couldnt" | "wouldnt" | "shouldnt" | "arent" | "aint" => Role::Negation,
        w if w.ends_with("n't") => Role::Negation,
        "too" => Role::Excess,
        "very" | "really" | "so" | "extremely" | "totally" | "absolutely" | "incredibly"
        | "highly" | "utterly" | "completely" | "truly" | "especially" | "super" | "remarkably"
        | "exceptionally" | "deeply" | "terribly" | "awfully" | "insanely" | "hugely"
        | "immensely" | "thoroughly" => Role::Modifier(BOOST),
        "bit" | "little" if after_qualifier => Role::Modifier(0.5),
        "slightly" | "somewhat" | "fairly" | "rather" | "mildly" | "marginally" => {
            Role::Modifier(0.6)
        }
        "hardly" | "barely" | "scarcely" => Role::Modifier(-0.5),
        "but" | "however" | "yet" | "although" => Role::Contrast,
        _ => Role::Plain,
    }
}

/// Whether `word` is a conditional auxiliary or modal ("aurait", "pourrait", "should").
pub fn is_conditional(word: &str, lang: Lang) -> bool {
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
pub fn is_expectation(word: &str, lang: Lang) -> bool {
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
pub fn is_comparative(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(word, "mieux" | "plus" | "autre"),
        Lang::En => matches!(word, "better" | "more"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(role("ne", "", Lang::Fr), Role::Ne);
        assert_eq!(role("pas", "", Lang::Fr), Role::Particle { alone: true });
        assert_eq!(role("plus", "", Lang::Fr), Role::Particle { alone: false });
        assert_eq!(role("peu", "un", Lang::Fr), Role::Modifier(0.5));
        assert_eq!(role("peu", "très", Lang::Fr), Role::Modifier(0.5));
        assert_eq!(role("peu", "", Lang::Fr), Role::Modifier(-0.5));
        assert_eq!(role("isn't", "", Lang::En), Role::Negation);
        assert_eq!(role("bit", "a", Lang::En), Role::Modifier(0.5));
        assert_eq!(role("bit", "", Lang::En), Role::Plain);
        assert_eq!(role("pas", "", Lang::En), Role::Plain);
    }
}
