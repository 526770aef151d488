#!/usr/bin/env bash
# Peak memory of a full ingest for corpora of growing size.
#
#   scripts/bench-rss.sh CORPUS_DIR...
#
# For each directory (symbolic links followed): its size, the ingest time, the peak resident
# set size (/usr/bin/time), and the peaks of its two parts sampled every half second from
# /proc: anonymous memory (heap, indexing buffers) and file pages (index files mapped while
# segments are written and merged). A 300 MB corpus: /tmp/bench-corpus/{articles,fr} plus
# 100 MB more pages from ../shared/bench/make-articles.py with another --seed, side by side
# (symbolic links) in one directory.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || { echo "usage: scripts/bench-rss.sh CORPUS_DIR..." >&2; exit 2; }
work=${BENCH_WORK:-/tmp/kiosque-bench}
mkdir -p "$work"
index="$work/rss-index"
( cd "$here" && cargo build --release --quiet )
bin="$here/target/release/kiosque"
printf '%-40s %9s %9s %12s %12s %12s\n' corpus MB seconds "peak RSS" "peak anon" "peak file"
for corpus in "$@"; do
  mb=$(find -L "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
  rm -rf "$index"
  /usr/bin/time -f '%e %M' -o "$work/rss-time" "$bin" --index "$index" ingest "$corpus" \
    > /dev/null 2>&1 &
  sleep 0.2
  pid=$(pgrep -n -f -- "--index $index ingest") || pid=
  anon=0; file=0
  while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
    read -r a f < <(awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} END {print a+0, f+0}' \
      "/proc/$pid/status" 2>/dev/null || echo "0 0")
    [ "$a" -gt "$anon" ] && anon=$a
    [ "$f" -gt "$file" ] && file=$f
    sleep 0.5
  done
  wait
  read -r secs rss < "$work/rss-time"
  printf '%-40s %9s %9s %9.0f MB %9.0f MB %9.0f MB\n' "$corpus" "$mb" "$secs" \
    "$(echo "$rss/1024" | bc -l)" "$(echo "$anon/1024" | bc -l)" "$(echo "$file/1024" | bc -l)"
done
rm -rf "$index"
