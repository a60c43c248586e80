#!/usr/bin/env bash
# Whole-CLI benchmark: tolltrack extract against the speed floor
# (shared/bench/limit) on a generated corpus, in one hyperfine call so the
# machine's drift hits both alike. Prints MB/s, documents/s and peak RSS.
#
#   scripts/bench.sh [MB]        # default 100; corpora go to $BENCH_DIR (/tmp/tolltrack-bench)
#
# Needs python3, hyperfine (Debian package) and GNU time. Never run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
DIR=${BENCH_DIR:-/tmp/tolltrack-bench}
SHARED=../shared
mkdir -p "$DIR"
CORPUS="$DIR/corpus-${MB}mb.jsonl"
[ -f "$CORPUS" ] || python3 "$SHARED/bench/make_corpus.py" --mb "$MB" --out "$CORPUS"
cargo build --release --quiet
cargo build --release --quiet --manifest-path "$SHARED/bench/limit/Cargo.toml" --target-dir "$DIR/limit-target"
BIN=target/release/tolltrack
LIMIT="$DIR/limit-target/release/limit"
BYTES=$(stat -L -c %s "$CORPUS")
DOCS=$(wc -l < "$CORPUS")

hyperfine --warmup 1 --runs 5 --export-json "$DIR/hyperfine.json" \
  -n "tolltrack extract, 1 thread" "$BIN extract $CORPUS --threads 1 -o $DIR/out1.csv" \
  -n "tolltrack extract, 2 threads" "$BIN extract $CORPUS --threads 2 -o $DIR/out2.csv" \
  -n "floor --json, 1 thread" "$LIMIT $CORPUS 1 --json" \
  -n "floor --json, 2 threads" "$LIMIT $CORPUS 2 --json"

python3 - "$DIR/hyperfine.json" "$BYTES" "$DOCS" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
mb, docs = int(sys.argv[2]) / 1e6, int(sys.argv[3])
for r in res:
    t = r["median"]
    print(f"{r['command']:32s} median {t:7.3f} s  {mb / t:8.1f} MB/s  {docs / t:10.0f} docs/s")
PY
cmp -s "$DIR/out1.csv" "$DIR/out2.csv" && echo "1 and 2 threads: identical output" || echo "1 and 2 threads: OUTPUT DIFFERS"
for t in 1 2; do
  /usr/bin/time -f "peak RSS, $t thread(s): %M KB" "$BIN" extract "$CORPUS" --threads "$t" -o "$DIR/rss.csv" 2>&1 | grep "peak RSS"
done
ONE="$DIR/one-doc.jsonl"
[ -f "$ONE" ] || python3 "$SHARED/bench/make_corpus.py" --docs 1 --out "$ONE"
hyperfine --warmup 3 --runs 30 -N -n "one document end to end" "$BIN extract $ONE -o $DIR/one.csv" 2>/dev/null | grep -E "Time|one document"
