#!/usr/bin/env bash
# Chart benchmark: `tolltrack chart` (and `series`) on a figures table of
# 100,000 rows, PNG and SVG, one hyperfine call. The table comes from
# extracting a generated corpus, so it has the spread of dates, places and
# metrics real runs have.
#
#   scripts/bench-chart.sh [ROWS]   # default 100000; files go to $BENCH_DIR (/tmp/tolltrack-bench)
#
# Needs python3 and hyperfine (Debian package). Never run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
DIR=${BENCH_DIR:-/tmp/tolltrack-bench}
SHARED=../shared
mkdir -p "$DIR"
cargo build --release --quiet
BIN=target/release/tolltrack
FIGS="$DIR/figures-${ROWS}.csv"
if [ ! -f "$FIGS" ]; then
  # About 7 figures per generated document: extract enough documents, keep ROWS rows.
  CORPUS="$DIR/chart-corpus.jsonl"
  python3 "$SHARED/bench/make_corpus.py" --docs $((ROWS / 5)) --out "$CORPUS"
  "$BIN" extract "$CORPUS" -o "$DIR/chart-all.csv"
  python3 - "$DIR/chart-all.csv" "$FIGS" "$ROWS" <<'PY'
import csv, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline="") as f, open(dst, "w", newline="") as g:
    r, w = csv.reader(f), csv.writer(g)
    w.writerow(next(r))
    rows = [row for _, row in zip(range(n), r)]
    if len(rows) < n:
        sys.exit(f"only {len(rows)} figures extracted; raise the corpus size")
    w.writerows(rows)
PY
fi
echo "$(($(wc -l < "$FIGS") - 1)) figures in $FIGS"
hyperfine --warmup 1 --runs 10 \
  -n "chart killed, PNG" "$BIN chart $FIGS --metric killed -o $DIR/chart.png" \
  -n "chart killed, SVG" "$BIN chart $FIGS --metric killed -o $DIR/chart.svg" \
  -n "chart displaced --facet --log, PNG" "$BIN chart $FIGS --metric displaced --by country --top 9 --facet --log -o $DIR/facet.png" \
  -n "series, all metrics" "$BIN series $FIGS -o $DIR/series.csv"
