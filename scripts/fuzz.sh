#!/usr/bin/env bash
# Fuzz each target for a fixed time (default 600 s) with cargo-fuzz/libFuzzer,
# one after another, starting from the seed corpora in fuzz/corpus/ (and, for
# the extract and ingest targets, the fixture articles in fixtures/docs/).
#
#   scripts/fuzz.sh            # every target, 600 s each
#   scripts/fuzz.sh 60 dates   # one target, 60 s
#
# Needs `cargo install cargo-fuzz`. The toolchain here is stable, so the
# sanitizer flags cargo-fuzz passes are unlocked with RUSTC_BOOTSTRAP=1.
# A crash or a timeout (an input taking over 10 s) stops with libFuzzer's
# report and the input saved under fuzz/artifacts/TARGET/; turn each one into
# a regression test in src/extract/robust.rs before fixing it.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(numbers dates extract ingest)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for t in "${targets[@]}"; do
  echo "== $t: ${secs}s"
  mkdir -p "corpus/$t"
  # Found inputs go to a scratch corpus; the committed seeds stay small.
  work="target/corpus/$t"
  mkdir -p "$work"
  # The whole-text targets also start from the fixture articles themselves
  # (read-only, not copied into the repository twice).
  seeds=("corpus/$t")
  case $t in extract | ingest) seeds+=("../fixtures/docs") ;; esac
  cargo fuzz run -O "$t" "$work" "${seeds[@]}" -- \
    -max_total_time="$secs" -timeout=10 -max_len=65536 -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+ *DONE|Done|stat::number_of_executed_units|stat::peak_rss_mb|==.*ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
  if ls artifacts/"$t"/* >/dev/null 2>&1; then
    echo "!! $t: crash or timeout inputs in fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
