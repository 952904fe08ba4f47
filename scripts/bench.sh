#!/usr/bin/env bash
# The benchmark suite of docs/performance.md, in one command:
#
#   scripts/bench.sh [SIZE]        (default SIZE: 20MB of text per language)
#   CRITERION=1 scripts/bench.sh   (also the criterion benches)
#   INSTRUCTIONS=1 scripts/bench.sh  (also callgrind instruction counts per MB: scripts/instructions.sh)
#   API=1 scripts/bench.sh         (also the API benchmark over 1,000,000 events; API_EVENTS=N
#                                   for another size; the first run writes the store, ~7 min)
#
# 1. `litopys bench`: MB/s per language on one thread and on all cores, scaling, the gazetteer
#    pass alone and the ratio, peak memory (generated corpus, seed 1).
# 2. Streaming: a 4x larger mixed corpus through `litopys extract` (all cores), with its peak
#    resident memory, to show memory stays flat as the corpus grows.
# 3. Ingest: INGEST_DOCS (default 5000) generated reports extracted, linked and stored in
#    batches into SQLite, and into PostgreSQL when LITOPYS_TEST_POSTGRES is set (see
#    .ci/postgres.sh), three runs each: documents/s, CPU time, MiB per 1,000 documents.
# 4. With CRITERION=1: `cargo bench -p litopys-extract --bench generated` and the gazetteer's.
# 5. With API=1: `cargo run --release -p litopys-server --example api_bench`: median and p99
#    latency of API requests over a SQLite store of synthetic events (kept under
#    target/api_bench/ for the next run), snapshot build time and resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-20MB}"
cargo build --release -q
TARGET="${CARGO_TARGET_DIR:-target}"
BIN="$TARGET/release/litopys"
echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== litopys bench --size $SIZE"
"$BIN" bench --size "$SIZE"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
for n in 1 4; do
  BYTES=$(( $(echo "$SIZE" | tr -dc 0-9) * n ))MB
  "$BIN" corpus --seed 2 --size "$BYTES" --lang mixed -o "$TMP/corpus.jsonl"
  /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" -o "$TMP/time" \
    "$BIN" extract "$TMP/corpus.jsonl" > "$TMP/out.jsonl"
  echo "== litopys extract on $BYTES mixed JSONL (all cores): $(cat "$TMP/time"), $(wc -l < "$TMP/out.jsonl") incidents"
done
cargo build --release -q -p litopys-store --example bench
echo "== ingest: ${INGEST_DOCS:-5000} generated reports, batches of 500 (SQLite${LITOPYS_TEST_POSTGRES:+ and PostgreSQL}), three runs"
for _ in 1 2 3; do
  "$TARGET/release/examples/bench" "${INGEST_DOCS:-5000}"
done
if [ "${CRITERION:-0}" = 1 ]; then
  cargo bench -p litopys-extract --bench generated
  cargo bench -p litopys-gazetteer
fi
if [ "${API:-0}" = 1 ]; then
  cargo run --release -q -p litopys-server --example api_bench -- --events "${API_EVENTS:-1000000}"
fi
if [ "${INSTRUCTIONS:-0}" = 1 ]; then
  # load-independent instruction counts per MB (callgrind), a minute per language
  for l in en uk ru; do scripts/instructions.sh "$l"; done
fi
