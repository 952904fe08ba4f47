#!/usr/bin/env python3
"""HTML main-text extraction: litopys-ingest against trafilatura, speed and output.

Usage (see docs/performance.md):

    python3 -m venv /tmp/trafvenv && /tmp/trafvenv/bin/pip install trafilatura lxml_html_clean
    cargo build --release && cargo build --release -p litopys-ingest --example read
    /tmp/trafvenv/bin/python scripts/compare_trafilatura.py [--pages 300] [--seed 1]

Pages are generated from `litopys corpus` articles (mixed languages) wrapped in site chrome:
a navigation bar, an advertising block, a sidebar of related links, a footer; half of them
mark the article with <article>, the other half are nested <div>s. Both tools read the same
files. Speed: trafilatura in-process (files already read, no interpreter start-up) against
one `read` process over the whole folder (start-up included). Output: word-level similarity
of the two extractions, and for each tool the share of the article's own words it kept
(recall) and the share of its words that are the article's (precision).
"""
import argparse
import difflib
import html
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import trafilatura

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def page(article, idx, rng):
    paras = [p for p in article["text"].split("\n\n")[1:] if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
    related = "".join(f'<li><a href="/news/{rng.randrange(10**6)}">Related story {k}</a></li>' for k in range(8))
    nav = '<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav></header>'
    ad = '<div class="ad-slot banner">Subscribe to our newsletter! Best offers every day.</div>'
    side = f'<aside class="sidebar"><h3>Read also</h3><ul>{related}</ul></aside>'
    foot = '<footer><p>© 2026 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>'
    title = html.escape(article["title"])
    if idx % 2 == 0:
        main = f"<article><h1>{title}</h1><time datetime=\"{article['published']}\">{article['published']}</time>\n{body}</article>"
    else:
        main = f'<div class="wrap"><div class="col"><div class="content"><h1>{title}</h1>\n{body}</div></div></div>'
    return (
        f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
        f"<body>{nav}{ad}<div class=\"page\">{main}{side}</div>{foot}</body></html>"
    )


def words(text):
    return (text or "").split()


def overlap(got, gold):
    """Recall and precision of `got` words against `gold` words (multiset)."""
    from collections import Counter

    g, r = Counter(got), Counter(gold)
    common = sum((g & r).values())
    return common / max(1, sum(r.values())), common / max(1, sum(g.values()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--litopys", default=os.path.join(ROOT, "target/release/litopys"))
    ap.add_argument("--read", default=os.path.join(ROOT, "target/release/examples/read"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpus = subprocess.run(
        [args.litopys, "corpus", "--seed", str(args.seed), "--size", str(args.pages * 4000), "--lang", "mixed"],
        check=True, capture_output=True, text=True,
    ).stdout
    articles = [json.loads(l) for l in corpus.splitlines()][: args.pages]
    with tempfile.TemporaryDirectory() as tmp:
        pages = {}
        for i, a in enumerate(articles):
            path = os.path.join(tmp, f"page{i:05}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(page(a, i, rng))
            pages[path] = a
        n_bytes = sum(os.path.getsize(p) for p in pages)
        raw = {p: open(p, encoding="utf-8").read() for p in pages}

        start, cpu = time.perf_counter(), time.process_time()
        traf = {p: trafilatura.extract(raw[p]) or "" for p in pages}
        t_traf = time.perf_counter() - start
        cpu_traf = time.process_time() - cpu

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        out = subprocess.run([args.read, tmp], check=True, capture_output=True, text=True).stdout
        t_lit = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_lit = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

        lit, current = {}, None
        for line in out.splitlines():
            if line.startswith("== "):
                current = line[3:].split(" | ")[0]
                lit[current] = []
            elif current is not None:
                lit[current].append(line)
        lit = {p: "\n".join(v) for p, v in lit.items()}

    sims, rec_l, prec_l, rec_t, prec_t = [], [], [], [], []
    for p, a in pages.items():
        gold = words("\n".join(a["text"].split("\n\n")[1:]))
        lw, tw = words(lit.get(p, "")), words(traf[p])
        sims.append(difflib.SequenceMatcher(None, lw, tw, autojunk=False).ratio())
        r, pr = overlap(lw, gold)
        rec_l.append(r)
        prec_l.append(pr)
        r, pr = overlap(tw, gold)
        rec_t.append(r)
        prec_t.append(pr)
    med = statistics.median
    print(f"{len(pages)} pages, {n_bytes / 1e6:.1f} MB of HTML")
    print(f"trafilatura {trafilatura.__version__}: {t_traf:.2f} s wall, {cpu_traf:.2f} s CPU, {n_bytes / 1e6 / t_traf:.1f} MB/s (in-process)")
    print(f"litopys-ingest: {t_lit:.2f} s wall, {cpu_lit:.2f} s CPU, {n_bytes / 1e6 / t_lit:.1f} MB/s (one process, start-up included)")
    print(f"speed ratio (trafilatura time / litopys time): {t_traf / t_lit:.1f}x wall, {cpu_traf / max(cpu_lit, 1e-9):.1f}x CPU")
    print(f"word similarity litopys~trafilatura: median {med(sims):.3f}, min {min(sims):.3f}")
    print(f"article words kept: litopys recall {med(rec_l):.3f} precision {med(prec_l):.3f}; "
          f"trafilatura recall {med(rec_t):.3f} precision {med(prec_t):.3f} (medians)")
    print(f"load average: {' '.join(open('/proc/loadavg').read().split()[:3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
