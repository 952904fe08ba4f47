#!/usr/bin/env bash
# Scores extraction on a set of hand-coded real reports (data/devset/ unless GOLD_DIR), per language.
#
# usage: scripts/devset_eval.sh [TEXTS_DIR] [--details]
#   TEXTS_DIR  where the report texts lie, as TEXTS_DIR/<lang>/<id>.txt (default ../devset-texts,
#              relative to the repository root). The texts are not in the repository: they are
#              other people's writing; see data/devset/README.md.
#   --details  also print each match, miss and extra (litopys eval --details).
# env: LITOPYS   the binary to run (default target/release/litopys).
#      GOLD_DIR  the gold folder, as GOLD_DIR/<lang>/<id>.gold.json, relative to the repository root
#                or absolute (default data/devset). The held-out set: GOLD_DIR=data/heldout with
#                its texts folder (see data/heldout/README.md).
#
# Only gold files whose text exists are scored. Prints one row per language and a total:
# reports scored, incidents in the gold, found, recall, extracted, precision.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
texts="../devset-texts"
details=""
for arg in "$@"; do
  case "$arg" in
    --details) details="--details" ;;
    *) texts="$arg" ;;
  esac
done
cd "$root"
gold_dir="${GOLD_DIR:-data/devset}"
[ -d "$gold_dir" ] || { echo "no gold folder: $gold_dir" >&2; exit 1; }
[ -d "$texts" ] || { echo "no texts folder: $texts" >&2; exit 1; }
bin="${LITOPYS:-target/release/litopys}"
[ -x "$bin" ] || { echo "build it first: cargo build --release -p litopys" >&2; exit 1; }

printf '%-6s %7s %6s %6s %7s %6s %9s\n' lang reports gold found recall extra precision
all_pairs=()
row_for() { # prints one table row for the eval output on stdin
  awk -v lang="$1" -v n="$2" '
    /^  EXTRA/ { extra++ }
    /^[^ ]+ +[0-9]+\/[0-9]+ / { split($2, a, "/"); found = a[1]; gold = a[2]; prec = $3 }
    END { printf "%-6s %7d %6d %6d %7.2f %6d %9s\n", lang, n, gold, found, gold ? found / gold : 1, extra, prec }'
}
for lang in uk ru en; do
  pairs=()
  for gold in "$gold_dir"/"$lang"/*.gold.json; do
    [ -e "$gold" ] || continue
    id="$(basename "$gold" .gold.json)"
    txt="$texts/$lang/$id.txt"
    [ -f "$txt" ] && pairs+=("$gold" "$txt")
  done
  n=$(( ${#pairs[@]} / 2 ))
  [ "$n" -gt 0 ] || continue
  all_pairs+=("${pairs[@]}")
  out="$("$bin" eval --details "${pairs[@]}")"
  [ -n "$details" ] && echo "$out" >&2
  echo "$out" | row_for "$lang" "$n"
done
n=$(( ${#all_pairs[@]} / 2 ))
[ "$n" -gt 0 ] && "$bin" eval --details "${all_pairs[@]}" | row_for all "$n"
