//! Test helpers: a deterministic French prose generator and the generated article corpus
//! (`../shared/bench/make-articles.py` run over that prose).
#![allow(dead_code)]

pub mod fixture;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Sentence openers (optional).
const OPENERS: &[&str] = &[
    "Selon nos informations, ",
    "Comme prévu, ",
    "Dans la soirée, ",
    "À la surprise générale, ",
    "D’après plusieurs témoins, ",
    "Sans attendre l'avis du conseil, ",
    "Pour la première fois, ",
    "Après des semaines d’hésitation, ",
    "Au lendemain du scrutin, ",
    "En dépit des critiques, ",
];

/// Sentence subjects.
const SUBJECTS: &[&str] = &[
    "le maire de la commune",
    "la ministre de l'Éducation nationale",
    "les habitants du quartier de la Guillotière",
    "l’entreprise lyonnaise de logiciels",
    "un collectif d'artistes montpelliérains",
    "le tribunal administratif de Nantes",
    "la préfecture de l’Hérault",
    "les élèves du lycée Victor-Hugo",
    "le président du conseil régional",
    "une association de consommateurs",
    "le géant américain du logiciel",
    "la fédération française de rugby",
    "les chercheurs de l'université de Grenoble",
    "un ancien député de la Drôme",
    "la direction de l’hôpital Édouard-Herriot",
    "les agriculteurs de la vallée du Rhône",
    "le syndicat des transports d'Île-de-France",
    "une jeune pousse bordelaise",
    "l'opposition municipale",
    "le conservatoire de musique de Besançon",
    "la juge d’instruction chargée du dossier",
    "les pêcheurs du port de Sète",
    "l'office de tourisme de Colmar",
    "un groupe de riverains inquiets",
    "la chambre de commerce et d'industrie",
    "le directeur général de la société",
    "les salariés de l’usine de Florange",
    "une élue écologiste de Strasbourg",
    "le comité des fêtes du village",
    "la caisse d'allocations familiales",
    "les pompiers volontaires du canton",
    "le rectorat de l’académie de Lille",
];

/// Verbs (with auxiliaries).
const VERBS: &[&str] = &[
    "a annoncé",
    "conteste fermement",
    "prépare discrètement",
    "a présenté jeudi",
    "défend avec vigueur",
    "critique vivement",
    "étudie depuis longtemps",
    "a finalement obtenu",
    "réclame à nouveau",
    "soutient publiquement",
    "a rejeté sans appel",
    "envisage sérieusement",
    "finance en partie",
    "dénonce à son tour",
    "a inauguré en grande pompe",
    "remet en cause",
    "a dévoilé mardi",
    "s'inquiète de",
    "salue avec prudence",
    "a voté à l’unanimité",
    "négocie toujours",
    "n’exclut pas",
];

/// Objects.
const OBJECTS: &[&str] = &[
    "un projet de rénovation du centre-ville",
    "la fermeture de l'école maternelle",
    "une hausse sensible des tarifs de l’eau",
    "le nouveau plan de circulation",
    "la création d'une piste cyclable le long du canal",
    "un budget de trois millions d’euros",
    "l'ouverture d'une médiathèque intercommunale",
    "la réforme du baccalauréat professionnel",
    "un accord salarial avec les syndicats",
    "la construction d’un gymnase flambant neuf",
    "le déplacement du marché hebdomadaire",
    "une étude sur la qualité de l'air",
    "la vente des terrains de l’ancienne caserne",
    "un festival de théâtre en plein air",
    "l'installation de panneaux solaires sur les toits",
    "la suppression de deux lignes de bus",
    "un plan d’aide aux commerçants du centre",
    "la rénovation énergétique des logements sociaux",
    "le rachat d'une filiale allemande",
    "un programme de fouilles archéologiques",
    "la fusion des deux communautés de communes",
    "une enquête sur les comptes de l’association",
    "le prolongement de la ligne de tramway",
    "la réouverture de la piscine municipale",
    "un nouveau règlement pour les terrasses",
    "la protection des zones humides",
];

/// Complements.
const COMPLEMENTS: &[&str] = &[
    "malgré l'opposition des riverains",
    "depuis le début de l’été",
    "pour la deuxième année consécutive",
    "selon un communiqué publié lundi",
    "avant les élections de mars",
    "d'après les chiffres de l’Insee",
    "au grand dam des commerçants",
    "sans consulter les habitants",
    "après des mois de négociations difficiles",
    "dans un climat particulièrement tendu",
    "en présence du sous-préfet",
    "lors d'une réunion publique houleuse",
    "à quelques jours de la rentrée",
    "faute de financement de l’État",
    "sous la pression des associations",
    "contre l'avis des services techniques",
    "avec le soutien de la région",
    "au terme d’un long débat",
    "le 3 février 2015 à 14h20",
    "le 12 mars 2013 à 10h30 devant la presse",
    "dès le 1er septembre prochain",
    "jusqu'à la fin de l’année",
    "pour un coût estimé à 450 000 euros",
    "à la demande du conseil municipal",
    "en attendant la décision du Conseil d'État",
    "comme l’avait promis l'équipe sortante",
    "entre Noël et le jour de l’an",
    "sur les bords de la Loire",
];

/// A deterministic splitmix64 generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Thousands of distinct French sentences (40–300 chars, ending in '.', with accents and
/// apostrophes, no '.', '!' or '?' inside), always the same ones.
pub fn french_sentences(n: usize) -> Vec<String> {
    let mut rng = Rng(0x006B_696F_7371_7565);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    let mut tries = 0;
    while out.len() < n && tries < n * 50 {
        tries += 1;
        let mut s = String::new();
        if rng.chance(30) {
            s.push_str(rng.pick(OPENERS));
            s.push_str(rng.pick(SUBJECTS));
        } else {
            s.push_str(&capitalise(rng.pick(SUBJECTS)));
        }
        s.push(' ');
        s.push_str(rng.pick(VERBS));
        s.push(' ');
        s.push_str(rng.pick(OBJECTS));
        let extra = (rng.next() % 3) as usize;
        let mut used = HashSet::new();
        for _ in 0..extra {
            let c = rng.pick(COMPLEMENTS);
            if used.insert(c) {
                s.push_str(if rng.chance(50) { ", " } else { " " });
                s.push_str(c);
            }
        }
        s.push('.');
        let len = s.chars().count();
        if (40..=290).contains(&len) && seen.insert(s.clone()) {
            out.push(s);
        }
    }
    out
}

/// Writes French prose files (one sentence a line, 250 sentences a file) into `dir`.
pub fn write_prose(dir: &Path) {
    std::fs::create_dir_all(dir).expect("create prose dir");
    let sentences = french_sentences(6000);
    for (i, chunk) in sentences.chunks(250).enumerate() {
        let mut text = chunk.join("\n");
        text.push('\n');
        std::fs::write(dir.join(format!("prose{i:03}.txt")), text).expect("write prose");
    }
}

/// Path of the bench generator, `../shared/bench/make-articles.py` from the crate root.
pub fn make_articles_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/make-articles.py")
}

/// Generates a 0.5 MB article corpus (seed 7) under `dir`: returns (pages dir, manifest path).
pub fn generate_corpus(dir: &Path) -> (PathBuf, PathBuf) {
    generate_corpus_with(dir, "0.5", 7)
}

/// Like [`generate_corpus`] with another size (MB, as text) and seed.
pub fn generate_corpus_with(dir: &Path, mb: &str, seed: u32) -> (PathBuf, PathBuf) {
    let prose = dir.join("prose");
    write_prose(&prose);
    make_articles(&prose, dir, mb, seed)
}

/// Runs make-articles.py over an existing `prose` tree, writing `dir/articles` and its manifest.
pub fn make_articles(prose: &Path, dir: &Path, mb: &str, seed: u32) -> (PathBuf, PathBuf) {
    let pages = dir.join("articles");
    let script = make_articles_script();
    let out = Command::new("python3")
        .arg(&script)
        .arg(prose)
        .arg(&pages)
        .args(["--mb", mb, "--seed", &seed.to_string()])
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "make-articles.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest = dir.join("articles.manifest.json");
    assert!(manifest.is_file(), "no manifest at {}", manifest.display());
    (pages, manifest)
}
