#!/usr/bin/env bash
# Instructions per MB of English text (callgrind), for extraction and for the gazetteer pass
# alone, and their ratio: counts that do not depend on what else the machine is doing, unlike
# the CPU times of `litopys bench` (docs/performance.md).
#
#   scripts/instructions.sh [LANG]      (default en; needs valgrind)
#
# Each pass runs over 1 MB and 2 MB of the same generated corpus (seed 1); the difference is
# the cost of 1 MB, without start-up and lazy initialisation.
set -euo pipefail
cd "$(dirname "$0")/.."
LANG_="${1:-en}"
cargo build --release -q
cargo build --release -q -p litopys-extract --example stage_speed
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
target/release/litopys corpus --seed 1 --size 3MB --lang "$LANG_" -o "$TMP/c.jsonl" > /dev/null
head -c 1000000 "$TMP/c.jsonl" | head -n -1 > "$TMP/c1.jsonl"
head -c 2000000 "$TMP/c.jsonl" | head -n -1 > "$TMP/c2.jsonl"
refs() { valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no --toggle-collect="$1" "${@:2}" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,; }
mb=$(( $(stat -c %s "$TMP/c2.jsonl") - $(stat -c %s "$TMP/c1.jsonl") ))
ext1=$(refs 'litopys_extract::Extractor::extract' target/release/litopys extract -j1 "$TMP/c1.jsonl")
ext2=$(refs 'litopys_extract::Extractor::extract' target/release/litopys extract -j1 "$TMP/c2.jsonl")
all1=$(refs 'litopys::main' target/release/litopys extract -j1 "$TMP/c1.jsonl")
all2=$(refs 'litopys::main' target/release/litopys extract -j1 "$TMP/c2.jsonl")
# stage_speed runs the named pass five times
gaz1=$(refs 'litopys_gazetteer::Gazetteer::find' target/release/examples/stage_speed "$TMP/c1.jsonl" gazetteer)
gaz2=$(refs 'litopys_gazetteer::Gazetteer::find' target/release/examples/stage_speed "$TMP/c2.jsonl" gazetteer)
python3 - "$mb" "$ext1" "$ext2" "$all1" "$all2" "$gaz1" "$gaz2" "$LANG_" <<'PY'
import sys
mb, e1, e2, a1, a2, g1, g2 = (int(x) for x in sys.argv[1:8])
per = lambda a, b, runs=1: (b - a) / runs / (mb / 1e6) / 1e6
ext, full, gaz = per(e1, e2), per(a1, a2), per(g1, g2, 5)
print(f"{sys.argv[8]}: M instructions per MB of JSON Lines: extraction {ext:.0f}, "
      f"litopys extract end to end {full:.0f}, gazetteer pass alone {gaz:.0f}; ratio {ext / gaz:.2f}x")
PY
