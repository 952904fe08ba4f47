#!/usr/bin/env bash
# The Python package and the Spark example, run by .ci/run after the Rust tests:
#  1. builds the wheel once, in release, as `pip install ./python` does (pip runs maturin;
#     cargo's output goes to target/, so a second run reuses it);
#  2. installs it in a fresh virtual environment with pytest, pyarrow and pyspark (PyPI) and
#     runs python/tests (rows equal to the command line's, dtypes, extract_many, Store on
#     SQLite, and on PostgreSQL when LITOPYS_TEST_POSTGRES is set);
#  3. runs examples/spark/extract.py in Spark's local mode (Java from Debian's packages when
#     the machine has none) over a generated corpus of at least 5,000 reports, and checks its
#     Parquet against `litopys extract` on the same input: the same incidents.
# LITOPYS_BIN is the command line to compare with (default: target/debug/litopys, which
# .ci/run has built).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export LITOPYS_BIN="${LITOPYS_BIN:-$ROOT/target/debug/litopys}"
WORK="$(mktemp -d /tmp/litopys-python.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "== Java for Spark (Debian's default-jre-headless when there is none)"
if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
java -version 2>&1 | sed -n 1p

echo "== wheel (release) and a fresh virtual environment"
python3 -m venv "$WORK/venv"
PY="$WORK/venv/bin/python"
"$PY" -m pip install -q --upgrade pip
time CARGO_TARGET_DIR="$ROOT/target" "$PY" -m pip wheel -q --no-deps -w "$WORK/wheels" ./python
ls "$WORK"/wheels
"$PY" -m pip install -q "$WORK"/wheels/litopys-*-abi3-*.whl pytest pyarrow "pyspark>=3.5"
"$PY" -c 'import litopys; print("litopys", litopys.__version__, "from", litopys.__file__)'

echo "== pytest (python/tests)"
"$WORK/venv/bin/pytest" -q python/tests

echo "== Spark local mode over a generated corpus, checked against litopys extract"
"$LITOPYS_BIN" corpus --seed 42 --size 12MB -o "$WORK/corpus.jsonl"
# every article gets an id (its URL), so that the job and the command line name it alike
"$PY" -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        r = json.loads(line); r["id"] = r["url"]; out.write(json.dumps(r, ensure_ascii=False) + "\n")
' "$WORK/corpus.jsonl" "$WORK/articles.jsonl"
N="$(wc -l <"$WORK/articles.jsonl")"
[ "$N" -ge 5000 ] || { echo "the corpus has $N reports, fewer than 5,000"; exit 1; }
time SOURCE_DATE_EPOCH=0 "$LITOPYS_BIN" extract "$WORK/articles.jsonl" >"$WORK/cli.jsonl"
time PYSPARK_PYTHON="$PY" "$WORK/venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
  examples/spark/extract.py --input "$WORK/articles.jsonl" --output "$WORK/incidents.parquet" 2> >(grep -v -E ' (INFO|WARN) |log4j|FutureWarning|require_minimum_pandas' >&2)
"$PY" examples/spark/check.py "$WORK/articles.jsonl" "$WORK/cli.jsonl" "$WORK/incidents.parquet"
