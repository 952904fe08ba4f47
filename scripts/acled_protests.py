#!/usr/bin/env python3
"""Measure litopys' protest classification, crowd sizes and dates against ACLED's coding.

usage: scripts/acled_protests.py [CSV] [--litopys BIN] [--limit N]

CSV defaults to ../shared/data/acled-russia-protests.csv (ACLED data: research use only, never
copied into this repository). Each row's `notes` (without ACLED's "[size=...]" tag) is fed to
`litopys extract --keep-unplaced` as one document published on the event date; the first
incident litopys reports is compared with ACLED's sub-event type, crowd size and date. Places are
in Russia, outside litopys' gazetteer, so place fields are not scored.
"""
import argparse, collections, csv, json, os, re, subprocess, sys, tempfile
from datetime import datetime

SIZE_WORDS = {"dozens": 24, "several dozen": 36, "a few dozen": 36, "hundreds": 200, "several hundred": 300,
              "a few hundred": 300, "a few": 3, "several": 3, "dozen": 12, "a dozen": 12, "thousands": 2000,
              "several thousand": 3000, "a few thousand": 3000}

def acled_size(notes):
    m = re.search(r"\[size=([^\]]*)\]", notes)
    if not m:
        return None
    s = m.group(1).strip().lower()
    if s in ("no report", ""):
        return None
    n = re.search(r"\d[\d, ]*", s)
    if n:
        return int(re.sub(r"[, ]", "", n.group(0)))
    for w, v in sorted(SIZE_WORDS.items(), key=lambda kv: -len(kv[0])):
        if w in s:
            return v
    return None

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("csv", nargs="?", default=os.path.join(here, "..", "..", "shared", "data", "acled-russia-protests.csv"))
    ap.add_argument("--litopys", default=os.path.join(here, "..", "target", "release", "litopys"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    rows = list(csv.DictReader(open(args.csv, encoding="utf-8")))
    if args.limit:
        rows = rows[: args.limit]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in rows:
            text = re.sub(r"\s*\[size=[^\]]*\]", "", r["notes"]).strip()
            published = datetime.strptime(r["event_date"], "%d %B %Y").strftime("%Y-%m-%d")
            f.write(json.dumps({"id": r["event_id_cnty"], "text": text, "published": published}) + "\n")
        path = f.name
    out = subprocess.run([args.litopys, "extract", "--keep-unplaced", path], capture_output=True, text=True)
    os.unlink(path)
    by_doc = collections.defaultdict(list)
    for line in out.stdout.splitlines():
        e = json.loads(line)
        doc = e["sources"][0]["document"]
        by_doc[doc.split("#")[0] if "#" in doc else doc].append(e)
    # JSONL documents are named by their id when they have one
    found = type_ok = date_ok = 0
    size_n = size_ok = size_close = 0
    confusion = collections.Counter()
    for r in rows:
        events = by_doc.get(r["event_id_cnty"], [])
        gold_type = r["sub_event_type"]
        if not events:
            confusion[(gold_type, "(none)")] += 1
            continue
        e = events[0]
        found += 1
        confusion[(gold_type, e["sub_event_type"])] += 1
        type_ok += e["sub_event_type"] == gold_type
        gold_date = datetime.strptime(r["event_date"], "%d %B %Y").strftime("%Y-%m-%d")
        date_ok += e["event_date"] == gold_date
        size = acled_size(r["notes"])
        if size is not None:
            size_n += 1
            p = e.get("participants")
            size_ok += p == size
            size_close += p is not None and abs(p - size) <= 0.25 * size
    n = len(rows)
    print(f"reports: {n}; with an incident: {found} ({found / n:.1%})")
    print(f"sub-event type agrees with ACLED: {type_ok}/{n} ({type_ok / n:.1%})")
    print(f"date agrees: {date_ok}/{found}")
    print(f"crowd size exact: {size_ok}/{size_n}; within 25%: {size_close}/{size_n}")
    print("\nconfusion (ACLED -> litopys), top 15:")
    for (g, p), c in confusion.most_common(15):
        print(f"  {c:5d}  {g} -> {p}")

if __name__ == "__main__":
    main()
