"""Extract incidents from articles with Spark: litopys runs inside the executors.

    spark-submit examples/spark/extract.py --input articles.jsonl --output incidents.parquet

Reads articles (JSON Lines or Parquet with ``text``, ``published``, ``url``, ``title``, and
optionally ``id`` and ``lang``), extracts every incident with the ``litopys`` Python package
(``pip install ./python`` on every worker, or the wheel shipped with ``--py-files``), and
writes one Parquet row per incident with ACLED's columns (typed: ``event_date`` a DATE,
counts INT64, coordinates DOUBLE, ``tags`` and ``weapons`` lists of strings), litopys'
figures, and the article's ``url``. The rows are those ``litopys extract`` writes for the same
articles; docs/scale.md says how to run it on a cluster and what it costs.

Design: ``mapInArrow`` hands each task Arrow batches of articles; the task runs
``litopys.extract_many`` over them (Rust, GIL released, ``--threads`` threads) and returns an
Arrow batch of incidents. The extractor is built once per Python worker process (the
package keeps one per process) and Spark reuses workers across tasks
(``spark.python.worker.reuse``, on by default), so its set-up is paid once per executor core,
not per batch. An article is identified by its ``id``, else its ``url``: incident ids
(``event_id_cnty``) are made from it, so they do not depend on partitioning.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

# Spark SQL types of the output, in ACLED's column order, then litopys' figures, then the
# article's url. Columns not listed (evidence, sources, legal facts) are not written.
OUTPUT_SCHEMA = [
    ("event_id_cnty", "string"),
    ("event_date", "date"),
    ("year", "bigint"),
    ("time_precision", "bigint"),
    ("disorder_type", "string"),
    ("event_type", "string"),
    ("sub_event_type", "string"),
    ("actor1", "string"),
    ("assoc_actor_1", "string"),
    ("inter1", "string"),
    ("actor2", "string"),
    ("assoc_actor_2", "string"),
    ("inter2", "string"),
    ("interaction", "string"),
    ("civilian_targeting", "string"),
    ("iso", "bigint"),
    ("region", "string"),
    ("country", "string"),
    ("admin1", "string"),
    ("admin2", "string"),
    ("admin3", "string"),
    ("location", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("geo_precision", "bigint"),
    ("source", "string"),
    ("source_scale", "string"),
    ("notes", "string"),
    ("fatalities", "bigint"),
    ("tags", "array<string>"),
    ("timestamp", "bigint"),
    ("injuries", "bigint"),
    ("participants", "bigint"),
    ("arrests", "bigint"),
    ("weapons", "array<string>"),
    ("url", "string"),
]
INPUT_COLUMNS = ("id", "text", "published", "url", "title", "lang")


def ddl() -> str:
    """The output schema as Spark DDL."""
    return ", ".join(f"`{name}` {kind}" for name, kind in OUTPUT_SCHEMA)


def arrow_schema():
    """The output schema as Arrow types (what ``mapInArrow`` must return)."""
    import pyarrow as pa

    kinds = {
        "string": pa.string(),
        "date": pa.date32(),
        "bigint": pa.int64(),
        "double": pa.float64(),
        "array<string>": pa.list_(pa.string()),
    }
    return pa.schema([(name, kinds[kind]) for name, kind in OUTPUT_SCHEMA])


def extract_batches(batches, threads: int = 1):
    """``mapInArrow``'s function: Arrow batches of articles in, Arrow batches of incidents out.

    Runs in the executors' Python workers. Unreadable articles (no text, a date that is not
    one) are skipped, as ``litopys extract`` skips a bad JSON Lines record.
    """
    import datetime

    import litopys
    import pyarrow as pa

    schema = arrow_schema()
    names = [name for name, _ in OUTPUT_SCHEMA]
    for batch in batches:
        articles = batch.to_pylist()
        for a in articles:
            if not a.get("id"):
                a["id"] = a.get("url")
        columns = {name: [] for name in names}
        results = litopys.extract_many(articles, threads=threads, name="spark", errors="skip")
        for article, rows in zip(articles, results):
            for row in rows:
                for name in names:
                    if name == "url":
                        value = article.get("url")
                    elif name == "event_date":
                        value = datetime.date.fromisoformat(row["event_date"])
                    else:
                        value = row.get(name)
                    columns[name].append(value)
        if columns["event_id_cnty"]:
            yield pa.RecordBatch.from_pydict(columns, schema=schema)


def main(argv=None) -> int:
    from pyspark.sql import SparkSession, functions as F

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="articles: a JSON Lines or Parquet file or folder")
    p.add_argument("--output", required=True, help="where to write the incidents (Parquet folder)")
    p.add_argument("--format", choices=["auto", "jsonl", "parquet"], default="auto", help="input format (auto: by name)")
    p.add_argument(
        "--threads",
        type=int,
        default=1,
        help="litopys threads per task (default 1: Spark runs one task per core; "
        "raise it together with spark.task.cpus)",
    )
    p.add_argument("--partitions", type=int, default=0, help="repartition the articles first (0: keep Spark's)")
    args = p.parse_args(argv)

    # in local mode the workers are this interpreter (with litopys installed), not `python3`
    # on PATH; on a cluster spark.pyspark.python or PYSPARK_PYTHON names the workers' one
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.appName("litopys-extract").getOrCreate()
    fmt = args.format
    if fmt == "auto":
        fmt = "parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl"
    articles = spark.read.parquet(args.input) if fmt == "parquet" else spark.read.json(args.input)
    if "text" not in articles.columns:
        print(f"{args.input}: no text column (columns: {', '.join(articles.columns)})", file=sys.stderr)
        return 2
    # every input column litopys reads, as strings (a Parquet date or timestamp as ISO text)
    articles = articles.select(
        *[
            (F.col(c).cast("string") if c in articles.columns else F.lit(None).cast("string")).alias(c)
            for c in INPUT_COLUMNS
        ]
    )
    if args.partitions > 0:
        articles = articles.repartition(args.partitions)
    threads = args.threads
    incidents = articles.mapInArrow(lambda batches: extract_batches(batches, threads), ddl())
    started = time.monotonic()
    incidents.write.mode("overwrite").parquet(args.output)
    seconds = time.monotonic() - started
    n = spark.read.parquet(args.output).count()
    print(f"litopys-extract: {n} incidents written to {args.output} in {seconds:.1f} s", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
