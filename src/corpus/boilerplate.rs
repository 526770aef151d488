//! Web boilerplate: lines that are not the article nor a comment.
//!
//! Two sources: a list of general French/English patterns (reading-time widgets, affiliate
//! disclosures, subscription and login prompts, comment forms, share and cookie widgets), and
//! the lines that repeat across the pages of one site, learned by [`RepeatLearner`] / [`learn`].

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::RegexSet;
use xxhash_rust::xxh3::xxh3_64;

use super::markers;

/// End of a word: a character that is not a letter or digit, or the end of the line.
/// (Unicode `\b` would keep the regex engine off its fast DFA on accented text.)
const E: &str = r"(?:[^\p{L}\p{N}]|$)";

/// Start of a word, for unanchored patterns.
const S: &str = r"(?:^|[^\p{L}\p{N}])";

/// Any line length.
const ANY: usize = usize::MAX;

/// General boilerplate patterns with the longest line (in characters) each may match, applied
/// to the [normalised](normalise) (lowercase) line. `{E}`/`{S}` are word ends/starts.
///
/// Most are anchored and length-bounded so that a prose sentence which merely mentions a
/// newsletter or a connection is not taken for a prompt.
const PATTERNS: &[(&str, usize)] = &[
    // Reading-time widgets.
    (r"^(?:icône de )?temps de lecture{E}", 60),
    (
        r"^(?:lecture|durée de lecture|reading time)\s*:?\s*\d{1,3}\s*(?:min|minutes?|mn){E}",
        50,
    ),
    (
        r"^\d{1,3}\s*(?:min|minutes?|mn)\.?\s*(?:de lecture|à lire|lis|read)?\.?$",
        ANY,
    ),
    // Affiliate and disclosure prompts.
    (r"commission si vous (?:achetez|effectuez un achat)", ANY),
    (r"page de divulgation", ANY),
    (r"{S}liens? (?:d')?affiliés?{E}", ANY),
    (r"{S}liens? (?:d')?affiliation{E}", ANY),
    (
        r"{S}affiliate (?:links?|commissions?|disclosure|partner)",
        ANY,
    ),
    (r"{S}we (?:may )?earn (?:a )?(?:small )?commission{E}", ANY),
    (r"{S}as an amazon associate{E}", ANY),
    (r"^les lecteurs (?:nous )?aident{E}", ANY),
    (r"icône d'info-bulle$", ANY),
    // Subscription and login prompts.
    (r"^abonnez-vous{E}", 110),
    (r"^(?:déjà|deja) abonné{E}", 100),
    (
        r"^(?:se connecter|connexion|s'identifier|identifiez-vous|se déconnecter|déconnexion|mon compte|créer un compte|log ?in|sign ?in|log ?out|sign ?up|register|subscribe)\.?$",
        ANY,
    ),
    (
        r"^vous devez être (?:abonné|connecté|inscrit|identifié){E}",
        130,
    ),
    (
        r"^pour (?:commenter|réagir|lire la suite),? (?:vous devez|il faut|connectez-vous|abonnez-vous)",
        130,
    ),
    (
        r"^(?:cet article|ce contenu|la suite) est réservée? aux abonnés{E}",
        120,
    ),
    (r"^réservée? aux abonnés\.?$", ANY),
    (
        r"^(?:s'inscrire|inscrivez-vous|je m'inscris|inscription)(?:\s+(?:à|a)\s+(?:la|notre)\s+newsletter)?\s*[.!]?$",
        ANY,
    ),
    (
        r"^(?:inscrivez-vous|abonnez-vous|recevez|s'inscrire|je m'abonne|je m'inscris|subscribe|sign up){E}.*newsletter",
        130,
    ),
    (r"^(?:la |notre |nos )?newsletters?{E}", 70),
    (
        r"^(?:subscribe to|sign up for) (?:our|the) newsletter{E}",
        90,
    ),
    (r"^mot de passe oublié\s*\??$", ANY),
    // Comment-form lines.
    (r"^(?:soyez sympa|restez courtois){E}", 100),
    (
        r"^(?:laissez|laisser|publier|poster|écrire|ajouter|envoyer|rédiger) (?:un|le|votre) commentaire{E}",
        70,
    ),
    (r"^votre adresse (?:e-?)?mail{E}", 150),
    (r"^(?:les )?champs obligatoires{E}", 100),
    (r"{S}champs obligatoires sont (?:indiqués|marqués){E}", ANY),
    (
        r"^(?:leave a (?:comment|reply)|post a comment|your email address will not be published){E}",
        130,
    ),
    (r"{S}required fields are marked{E}", ANY),
    (
        r"^(?:répondre|signaler(?: ce commentaire| un abus)?|reply|report|citer|modérer)\.?$",
        ANY,
    ),
    (r"^(?:annuler la réponse|cancel reply)\.?$", ANY),
    (r"^(?:j'aime|like|likes?|je n'aime pas)\s*\(?\d*\)?$", ANY),
    // Share, print and cookie widgets.
    (r"^partager (?:sur|par|via|cet article|l'article){E}", 80),
    (
        r"^(?:partager|partagez|share|tweet|tweeter|imprimer|print|envoyer par e-?mail|e-?mail|facebook|twitter|linkedin|whatsapp|pinterest)\.?$",
        ANY,
    ),
    (r"^share (?:on|this|via){E}", 80),
    (r"{S}accepter? (?:tous )?(?:les )?cookies{E}", ANY),
    (r"^(?:ce site|nous) utilis(?:e|ons) des cookies{E}", 250),
    (r"^(?:this (?:web)?site|we) uses? cookies{E}", 250),
    (
        r"^(?:accept(?: all)?|refuser|tout accepter|tout refuser|paramétrer les cookies|gérer les cookies)\.?$",
        ANY,
    ),
    // Link texts and navigation left alone on a line.
    (
        r"^(?:en savoir plus|lire la suite|lire aussi|à lire aussi|voir aussi|voir plus|read more|learn more|plus d'infos?)\s*[.:!»›>…]*$",
        ANY,
    ),
    (r"^(?:suivez-nous|follow us){E}", 100),
    (
        r"^(?:publicité|advertisement|annonce|sponsorisé|contenu sponsorisé|sponsored)\.?$",
        ANY,
    ),
    (r"^(?:tous droits réservés|all rights reserved){E}", 80),
    (r"^©", 90),
    (r"^copyright\s*©", 90),
    (
        r"^(?:retour en haut(?: de la page)?|back to top|haut de page)\s*[↑^]?$",
        ANY,
    ),
];

/// The compiled patterns and their length limits.
#[derive(Debug)]
pub struct Patterns {
    set: RegexSet,
    max_chars: Vec<usize>,
}

impl Patterns {
    /// True when a pattern matches the normalised line within its length limit.
    pub fn is_match(&self, normalised: &str) -> bool {
        if !self.set.is_match(normalised) {
            return false;
        }
        let n = normalised.chars().count();
        self.set
            .matches(normalised)
            .iter()
            .any(|i| self.max_chars.get(i).is_some_and(|&m| n <= m))
    }
}

static PATTERN_SET: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    set: RegexSet::new(
        PATTERNS
            .iter()
            .map(|(p, _)| p.replace("{E}", E).replace("{S}", S)),
    )
    .expect("valid boilerplate patterns"),
    max_chars: PATTERNS.iter().map(|&(_, m)| m).collect(),
});

/// What the parser treats as boilerplate on one site.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    /// General boilerplate patterns (matched on the normalised, lowercase line).
    pub patterns: &'static Patterns,
    /// Hashes ([`line_hash`]) of the lines learned as repeating across the site's pages.
    pub repeated: HashSet<u64>,
}

impl Default for Boilerplate {
    fn default() -> Self {
        Boilerplate::with_repeated(HashSet::new())
    }
}

impl Boilerplate {
    /// The general patterns plus the given learned repeated-line hashes.
    pub fn with_repeated(repeated: HashSet<u64>) -> Self {
        Boilerplate {
            patterns: &PATTERN_SET,
            repeated,
        }
    }

    /// True when the line is boilerplate by pattern or by repetition.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.is_boilerplate_normalised(&normalise(line))
    }

    /// [`is_boilerplate`](Self::is_boilerplate) for a line already [normalised](normalise).
    pub fn is_boilerplate_normalised(&self, n: &str) -> bool {
        self.matches_normalised_pattern(n)
            || (!self.repeated.is_empty() && self.repeated.contains(&xxh3_64(n.as_bytes())))
    }

    /// True when the line matches one of the general patterns.
    pub fn is_pattern(&self, line: &str) -> bool {
        self.matches_normalised_pattern(&normalise(line))
    }

    /// True when the line was learned as repeating across the site's pages.
    pub fn is_repeated(&self, line: &str) -> bool {
        !self.repeated.is_empty() && self.repeated.contains(&line_hash(line))
    }

    fn matches_normalised_pattern(&self, n: &str) -> bool {
        !n.is_empty() && n.len() <= 2000 && self.patterns.is_match(n)
    }
}

/// A line normalised for comparison: lowercase, whitespace collapsed, apostrophes unified.
pub fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.trim().chars() {
        if c.is_ascii() {
            if c.is_ascii_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{00b4}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// xxh3 hash of the [normalised](normalise) line, as stored in [`Boilerplate::repeated`].
pub fn line_hash(line: &str) -> u64 {
    xxh3_64(normalise(line).as_bytes())
}

/// Counts, over the pages of one site, in how many pages each line occurs.
#[derive(Debug, Clone, Default)]
pub struct RepeatLearner {
    counts: HashMap<u64, u32>,
    pages: usize,
}

impl RepeatLearner {
    /// Fewest pages for anything to be learned (a line must occur in at least this many).
    pub const MIN_PAGES: usize = 4;
    /// Share of the pages a line must occur in to be boilerplate.
    pub const MIN_SHARE: f64 = 0.30;
    /// Longest line (in characters) that can be learned.
    pub const MAX_LINE_CHARS: usize = 200;

    /// Counts the distinct candidate lines of one page.
    pub fn add_page(&mut self, text: &str) {
        self.pages += 1;
        for h in page_candidates(text) {
            *self.counts.entry(h).or_insert(0) += 1;
        }
    }

    /// Combines two learners (for parallel folds).
    pub fn merge(mut self, other: RepeatLearner) -> RepeatLearner {
        if self.counts.len() < other.counts.len() {
            return other.merge(self);
        }
        self.pages += other.pages;
        for (h, n) in other.counts {
            *self.counts.entry(h).or_insert(0) += n;
        }
        self
    }

    /// Number of pages seen.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Minimum number of distinct pages a line must occur in: max(4, 30 % of the pages).
    pub fn threshold(&self) -> usize {
        let share = (self.pages as f64 * Self::MIN_SHARE).ceil() as usize;
        share.max(Self::MIN_PAGES)
    }

    /// The hashes of the lines that occur in at least [`threshold`](Self::threshold) pages.
    pub fn finish(self) -> HashSet<u64> {
        let t = self.threshold();
        self.counts
            .into_iter()
            .filter(|&(_, n)| n as usize >= t)
            .map(|(h, _)| h)
            .collect()
    }
}

/// Learns the repeated lines of the pages of one directory (see [`RepeatLearner`]).
pub fn learn(pages: &[&str]) -> HashSet<u64> {
    let mut l = RepeatLearner::default();
    for p in pages {
        l.add_page(p);
    }
    l.finish()
}

/// Hashes of the lines of one page that may be site boilerplate: short, not structural
/// (timestamps, dates, separators, comment counts), not the page's own title or category.
fn page_candidates(text: &str) -> HashSet<u64> {
    let plain = Boilerplate::default();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let header = markers::scan_header(&lines, &plain);
    let mut out = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty()
            || header.title == Some(i)
            || header.categories.contains(&i)
            || line.chars().count() > RepeatLearner::MAX_LINE_CHARS
            || markers::is_structural(line)
        {
            continue;
        }
        out.insert(line_hash(line));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_lines() {
        assert_eq!(
            normalise("  L’Équipe\u{a0} de   l'été  "),
            "l'équipe de l'été"
        );
        assert_eq!(line_hash("Se  connecter"), line_hash("se connecter"));
    }

    #[test]
    fn general_patterns() {
        let b = Boilerplate::default();
        for l in [
            "Icône de temps de lecture 3 minute. lis",
            "Temps de lecture : 5 min",
            "Les lecteurs aident à prendre en charge MSpoweruser. Nous pouvons recevoir une commission si vous achetez via nos liens. Icône d'info-bulle",
            "Lisez notre page de divulgation pour savoir comment vous pouvez aider MSPoweruser à soutenir l'équipe éditoriale En savoir plus",
            "Cet article contient des liens affiliés.",
            "Vous devez être abonné pour pouvoir commenter.",
            "Déjà abonné ? Se connecter",
            "Abonnez-vous",
            "Se connecter",
            "Inscrivez-vous à notre newsletter",
            "S’inscrire",
            "Soyez sympa! Laissez un commentaire",
            "Votre adresse email n'apparaitra pas. Les champs obligatoires sont marqués *",
            "Votre adresse e-mail ne sera pas publiée.",
            "Publier un commentaire",
            "Partager sur Facebook",
            "Accepter les cookies",
            "En savoir plus",
            "Lire la suite »",
            "Icône d'info-bulle",
        ] {
            assert!(b.is_boilerplate(l), "{l}");
        }
        for l in [
            "Microsoft reste attaché à une promesse faite par son avocat en chef Brad Smith.",
            "Droit",
            "« Vous ne passerez pas ! »",
            "Le maire a voulu s'inscrire sur la liste électorale avant la date limite fixée par la loi.",
            "Il faut se connecter au réseau de la ville pour recevoir la newsletter municipale chaque semaine, dit-il.",
            "En savoir plus sur les sujets : emails, microsoft",
            "Répondre à la question posée par le juge reste impossible.",
        ] {
            assert!(!b.is_boilerplate(l), "{l}");
        }
    }

    #[test]
    fn learns_lines_repeated_across_pages() {
        let pages: Vec<String> = (0..5)
            .map(|i| {
                format!(
                    "Titre numéro {i} du jour\nDroit\nLe {:02}/03/2014 à 10h00\nUn paragraphe propre à la page {i}, assez long pour être du texte.\n-\nRetrouvez toutes nos actualités sur Le Petit Journal\n",
                    i + 1
                )
            })
            .collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let set = learn(&refs);
        assert!(set.contains(&line_hash(
            "Retrouvez toutes nos actualités sur Le Petit Journal"
        )));
        assert!(!set.contains(&line_hash("Droit")), "category is positional");
        assert!(!set.contains(&line_hash("-")), "separators are structural");
        assert_eq!(set.len(), 1);
        // Four pages are needed at least; three are not enough.
        assert!(learn(&refs[..3]).is_empty());
        // 30 % of the pages: a line on 4 pages of 20 is not learned.
        let mut many = refs.clone();
        let others: Vec<String> = (0..15)
            .map(|i| format!("Autre page {i}\nTexte {i}."))
            .collect();
        many.extend(others.iter().map(String::as_str));
        assert!(learn(&many[1..]).is_empty());
    }

    #[test]
    fn learner_merge_is_additive() {
        let mut a = RepeatLearner::default();
        let mut b = RepeatLearner::default();
        for i in 0..4 {
            let p = format!("Titre {i}\nCorps {i}.\nPied de page commun");
            if i % 2 == 0 {
                a.add_page(&p)
            } else {
                b.add_page(&p)
            }
        }
        let m = a.merge(b);
        assert_eq!(m.pages(), 4);
        assert!(m.finish().contains(&line_hash("Pied de page commun")));
    }
}
