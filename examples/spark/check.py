"""Checks the Spark job's incidents against `litopys extract` on the same articles.

    python examples/spark/check.py ARTICLES.jsonl CLI.jsonl SPARK_OUTPUT/

ARTICLES.jsonl is the job's input, CLI.jsonl what `litopys extract ARTICLES.jsonl` wrote for
it, SPARK_OUTPUT/ the Parquet folder the job wrote. Every record of ARTICLES.jsonl must have
an `id` (the job and the command line then name each article alike, and so give its incidents
the same ids). Passes when both hold the same incidents: the same multiset of rows over the
job's columns (all but `timestamp`, when each was written). Prints the counts; exits 1 with
examples of the difference otherwise.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract import OUTPUT_SCHEMA  # noqa: E402

COLUMNS = [name for name, _ in OUTPUT_SCHEMA if name != "timestamp"]


def key(row: dict) -> str:
    return json.dumps([row.get(c) for c in COLUMNS], ensure_ascii=False, default=str)


def main(articles: str, cli: str, spark: str) -> int:
    import pyarrow.parquet as pq

    n_articles = 0
    for line in Path(articles).read_text(encoding="utf-8").splitlines():
        if line.strip():
            n_articles += 1
            if "id" not in json.loads(line):
                print(f"{articles}: a record without an id", file=sys.stderr)
                return 2
    expected = collections.Counter()
    for line in Path(cli).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row["url"] = row["sources"][0]["url"]
            expected[key(row)] += 1
    got = collections.Counter()
    for row in pq.read_table(spark).to_pylist():
        row["event_date"] = row["event_date"].isoformat()
        got[key(row)] += 1
    n_cli, n_spark = sum(expected.values()), sum(got.values())
    print(f"{n_articles} articles; incidents: {n_cli} from litopys extract, {n_spark} from Spark")
    if expected == got and n_cli > 0:
        print("same incidents")
        return 0
    for label, diff in [("litopys extract only", expected - got), ("Spark only", got - expected)]:
        for k in list(diff)[:3]:
            print(f"{label}: {k}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
