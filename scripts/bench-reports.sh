#!/usr/bin/env bash
# Report timings: each report command run on an indexed corpus, as a whole process (seconds).
#
#   scripts/bench-reports.sh [CORPUS_DIR] [--runs N]
#
# CORPUS_DIR defaults to /tmp/bench-corpus/articles (100 MB of generated pages, made by
# ../shared/bench/build-corpus.sh). The index is kept in $BENCH_WORK (default
# /tmp/kiosque-bench-reports) and brought up to date by an incremental ingest first. Prints, per
# command, the first run and the best of N runs (default 3).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=/tmp/bench-corpus/articles
runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) corpus=$1 ;;
  esac
  shift
done
[ -d "$corpus" ] || { echo "no corpus at $corpus (../shared/bench/build-corpus.sh makes one)" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd)
work=${BENCH_WORK:-/tmp/kiosque-bench-reports}
mkdir -p "$work"
index="$work/index"
( cd "$here" && cargo build --release --quiet )
bin="$here/target/release/kiosque"
mb=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
echo "corpus: $corpus ($mb MB); machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if ! "$bin" --index "$index" ingest "$corpus" --json > "$work/ingest.json" 2> "$work/ingest.err"; then
  "$bin" --index "$index" ingest "$corpus" --rebuild --json > "$work/ingest.json"
fi
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("index: %d articles, %d comments (ingest %.1f s)" % (d["total_articles"], d["total_comments"], d["seconds"]))' "$work/ingest.json"
article=$("$bin" --index "$index" search '*' --kind article --limit 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')

run() {
  local label=$1
  shift
  local first="" best=""
  for ((i = 0; i < runs; i++)); do
    local t0 t1 secs
    t0=$(date +%s.%N)
    "$bin" --index "$index" "$@" > "$work/out" 2> "$work/err" || { echo "$label: failed: $(head -3 "$work/err")"; return; }
    t1=$(date +%s.%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
    [ -z "$first" ] && first=$secs
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$secs; fi
  done
  printf '%-44s %6s s  (best of %d: %s s)\n' "$label" "$first" "$runs" "$best"
}

run "terms" terms
run "terms --all-words" terms --all-words
run "terms --kind comment" terms --kind comment
run "terms --lang en" terms --lang en
run "terms --since 2020" terms --since 2020
run "terms --article ID" terms --article "$article"
run "terms --keyness" terms --keyness
run "terms --keyness --against rest (since 2020)" terms --keyness --since 2020 --against rest
run "terms --ngrams 2" terms --ngrams 2
run "terms --ngrams 3" terms --ngrams 3
run "terms --ngrams 3 --kind comment" terms --ngrams 3 --kind comment
run "kwic tribunal" kwic tribunal
run "kwic \"conseil municipal\" --limit 0 --sort right" kwic "conseil municipal" --limit 0 --sort right
run "comments" comments
run "comments --json" comments --json
run "comments --article ID" comments --article "$article"
run "entities" entities
run "entities --type person --kind comment" entities --type person --kind comment
run "entities --json -n 0" entities --json -n 0
top=$("$bin" --index "$index" entities --json -n 1 | python3 -c 'import json,sys; e=json.load(sys.stdin)["entities"]; print(e[0]["name"] if e else "")')
[ -n "$top" ] && run "entities --with TOP" entities --with "$top"
[ -n "$top" ] && run "search --entity TOP" search '*' --entity "$top"
run "sentiment" sentiment
run "sentiment --json" sentiment --json
run "report --format md" report --format md
run "report --format html" report --format html
run "report --format json" report --format json
