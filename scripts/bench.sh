#!/usr/bin/env bash
# Whole-run benchmark of kiosque on a corpus directory, optionally side by side with the peers.
#
#   scripts/bench.sh CORPUS_DIR [--peers] [--runs N]
#
# Prints: full ingest (MB/s, docs/s, peak RSS), index size, index-only ingest (entities and
# sentiment off) and the share of the ingest each costs, re-ingest of the unchanged corpus,
# search latency in process and as a whole process (p50/p95 over a fixed query list), the
# single-thread throughput of each ingest stage (examples/stages.rs), every report command
# (scripts/bench-reports.sh), and, with --peers,
# ../shared/bench/peers/run-peers.sh on the same directory in the same run with kiosque's
# throughput as a ratio to each peer. Corpora: ../shared/bench/build-corpus.sh builds
# /tmp/bench-corpus/{fr,articles}.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:?usage: scripts/bench.sh CORPUS_DIR [--peers] [--runs N]}
shift
peers=0
runs=5
while [ $# -gt 0 ]; do
  case $1 in
    --peers) peers=1 ;;
    --runs) runs=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
corpus=$(cd "$corpus" && pwd)
work=${BENCH_WORK:-/tmp/kiosque-bench}
mkdir -p "$work"
index="$work/index"
( cd "$here" && cargo build --release --quiet )
bin="$here/target/release/kiosque"
mb=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
files=$(find "$corpus" -type f | wc -l)
echo "corpus: $corpus ($files files, $mb MB); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"

rm -rf "$index"
/usr/bin/time -f '%e %M' -o "$work/time" "$bin" --index "$index" ingest "$corpus" --json > "$work/ingest.json"
read -r secs rss < "$work/time"
docs=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["articles"]+d["comments"])' "$work/ingest.json")
kiosque_mbs=$(python3 -c "print(round($mb/$secs, 2))")
echo "ingest:      $secs s = $kiosque_mbs MB/s, $(python3 -c "print(round($docs/$secs))") docs/s ($docs articles+comments), peak RSS $((rss / 1024)) MB"
echo "index size:  $(du -sm "$index" | cut -f1) MB"
# The same ingest without entity detection, without sentiment scoring, and without both
# (index only): their cost as a share of the full ingest, in wall and CPU time. The four
# variants run in turn, $COST_ROUNDS rounds (default 2); each keeps its fastest round.
rounds=${COST_ROUNDS:-2}
for r in $(seq "$rounds"); do
  for v in "full:" "no-entities:--no-entities" "no-sentiment:--no-sentiment" "index-only:--no-entities --no-sentiment"; do
    name=${v%%:*}
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %U' -o "$work/time.$name.$r" "$bin" --index "$work/index-$name" ingest "$corpus" --rebuild --json ${v#*:} > /dev/null
  done
done
rm -rf "$work"/index-full "$work"/index-no-* "$work"/index-index-only
python3 - "$work" "$mb" "$docs" "$rounds" <<'PY'
import sys
work, mb, docs, rounds = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def best(n):
    runs = [list(map(float, open(f"{work}/time.{n}.{r}").read().split())) for r in range(1, rounds + 1)]
    return [min(x[0] for x in runs), min(x[1] for x in runs)]
t = {n: best(n) for n in ["full", "no-entities", "no-sentiment", "index-only"]}
(fw, fu) = t["full"]
print("index only:  %.2f s = %.2f MB/s, %d docs/s (entities and sentiment off)" % (t["index-only"][0], mb / t["index-only"][0], docs / t["index-only"][0]))
for name, label in [("no-entities", "entities"), ("no-sentiment", "sentiment"), ("index-only", "both")]:
    w, u = t[name]
    print("cost of %-10s %4.1f%% of the full ingest's wall time, %4.1f%% of its CPU time" % (label + ":", 100 * (fw - w) / fw, 100 * (fu - u) / fu))
PY
/usr/bin/time -f '%e' -o "$work/time" "$bin" --index "$index" ingest "$corpus" --json > /dev/null
re=$(cat "$work/time")
echo "re-ingest:   $re s unchanged ($(python3 -c "print(round(100*$re/$secs, 1))")% of a full ingest)"

queries=("justice" "mandat de perquisition" '"chemin de fer"' "electricite" "etats-unis" "cheval -voiture"
         "roi OR reine" "l'entreprise" "privacy statement" "accord")
python3 - "$bin" "$index" "$runs" "${queries[@]}" <<'PY'
import subprocess, sys, time
binary, index, runs, queries = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
lat = []
for _ in range(runs):
    for q in queries:
        t = time.perf_counter()
        subprocess.run([binary, "--index", index, "search", q, "--limit", "10"], stdout=subprocess.DEVNULL, check=True)
        lat.append((time.perf_counter() - t) * 1000)
lat.sort()
pick = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print("search:      p50 %.1f ms, p95 %.1f ms as a whole process (%d queries x %d runs)" % (pick(0.5), pick(0.95), len(queries), runs))
PY
( cd "$here" && cargo build --release --quiet --example search_latency )
"$here/target/release/examples/search_latency" "$index" "$runs" "${queries[@]}"
# Each ingest stage alone on one thread (the first 20 MB of pages; meaningful on article pages).
( cd "$here" && cargo build --release --quiet --example stages )
echo "stages, one thread, first 20 MB:"
"$here/target/release/examples/stages" "$corpus" 20 | sed 's/^/  /'
if [ -x "$here/scripts/bench-reports.sh" ]; then
  BENCH_WORK="$work" "$here/scripts/bench-reports.sh" "$corpus" --runs 1
fi
if [ "$peers" = 1 ]; then
  PEERS_WORK="$work/peers" bash "$here/../shared/bench/peers/run-peers.sh" "$corpus" tantivy-py lucene 2>/dev/null | tee "$work/peers.txt"
  python3 - "$kiosque_mbs" "$work/peers.txt" <<'PY'
import re, sys
k = float(sys.argv[1])
for line in open(sys.argv[2]):
    m = re.match(r"(\S+): .*= ([0-9.]+) MB/s", line)
    if m:
        print("kiosque / %-14s %.2fx" % (m.group(1), k / float(m.group(2))))
PY
fi
