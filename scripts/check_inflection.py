#!/usr/bin/env python3
"""Checks the gazetteer's generated case forms against an open morphological dictionary.

For every settlement of the gazetteer (Ukrainian names) and every Russian city of the world table
(Russian names) that the dictionary knows as a noun, the dictionary's singular case forms are
compared with the forms litopys generates by rule (crates/gazetteer/src/inflect.rs). Prints the
share of dictionary forms that the rules generate, per language, and the names whose forms
are missed most, to improve the rules.

Dictionaries: PyPI `pymorphy3` with `pymorphy3-dicts-uk` (GPLv3) and `pymorphy3-dicts-ru`
(OpenCorpora, CC BY-SA). They are used here only to measure; nothing derived from them is
shipped (see NOTICE).

Usage: check_inflection.py REPO_ROOT   (needs a venv with pymorphy3 and both dictionaries, and
cargo: it runs the `forms` example of litopys-gazetteer)
"""

import subprocess
import sys
from collections import Counter

import pymorphy3

CASES = {"gent", "datv", "accs", "ablt", "loct"}


def names(root):
    uk, ru = set(), set()
    for line in open(f"{root}/crates/gazetteer/data/places.tsv", encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(f) < 3 or f[0] not in ("city", "village"):
            continue
        uk.add(f[2])
    for line in open(f"{root}/crates/gazetteer/data/world.tsv", encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(f) < 9 or f[0] != "city" or f[3] != "RU":
            continue
        for s in f[8].split("|"):
            if s and not any(c in s.lower() for c in "іїєґ"):
                ru.add(s)
                break
    return sorted(uk), sorted(ru)


def generated(root, names):
    out = subprocess.run(["cargo", "run", "--quiet", "--release", "-p", "litopys-gazetteer", "--example", "forms"],
                         cwd=root, input="\n".join(names), capture_output=True, text=True, check=True).stdout
    forms = {}
    for line in out.splitlines():
        name, _, fs = line.partition("\t")
        forms[name] = {f.lower().replace("’", "'") for f in fs.split("|")}
    return forms


def dictionary_forms(morph, name):
    for p in morph.parse(name):
        tag = str(p.tag)
        if "NOUN" in tag and "nomn" in tag and "plur" not in tag and p.word == name.lower():
            return {f.word.replace("’", "'") for f in p.lexeme if f.tag.case in CASES and f.tag.number != "plur"}
    return None


def main():
    root = sys.argv[1]
    uk, ru = names(root)
    for lang, sample in (("uk", uk), ("ru", ru)):
        morph = pymorphy3.MorphAnalyzer(lang=lang)
        ours = generated(root, sample)
        total = hit = known = 0
        missed = Counter()
        for name in sample:
            if " " in name:
                continue
            want = dictionary_forms(morph, name)
            if not want:
                continue
            known += 1
            got = ours.get(name, set())
            total += len(want)
            hit += len(want & got)
            for w in want - got:
                missed[w] += 1
        print(f"{lang}: {known} names the dictionary knows; {hit}/{total} of its case forms generated "
              f"({100 * hit / max(total, 1):.1f}%)")
        print("  missed, e.g.:", ", ".join(w for w, _ in missed.most_common(25)))


if __name__ == "__main__":
    main()
