"""`extract` and `extract_many` give the rows `litopys extract` gives."""

from __future__ import annotations

import datetime
import itertools
import json

import pytest

import litopys
from conftest import run_cli

# each sample, and the publication date its gold file gives (for texts that carry none)
SAMPLES = [
    "weekly-review.en.txt",
    "weekly-review.en.html",
    "lutsk-post.uk.txt",
    "enerhodar-post.ru.txt",
    "telegram-export/result.json",
]


def published_of(samples, name):
    """What the sample's gold file says of its publication date."""
    stem = name.rsplit(".", 1)[0]
    for candidate in [samples / (name + ".gold.json"), samples / (stem + ".gold.json")]:
        if candidate.is_file():
            return json.loads(candidate.read_text(encoding="utf-8"))["published"]
    return None


@pytest.mark.parametrize("name", SAMPLES)
def test_rows_equal_the_command_lines(litopys_bin, samples, name):
    path = samples / name
    # a gold file gives the date to pass, or says the messages carry their own
    published = published_of(samples, name)
    published = published if published and published[:4].isdigit() else None
    flags = ["--published", published] if published else []
    cli = run_cli(litopys_bin, "extract", *flags, str(path))
    assert cli, f"the command line finds incidents in {name}"
    rows = litopys.extract(path.read_text(encoding="utf-8"), published, source=str(path))
    assert rows == cli


def test_published_is_a_fallback_and_takes_dates(samples):
    text = (samples / "lutsk-post.uk.txt").read_text(encoding="utf-8")
    as_text = litopys.extract(text, "2026-03-02")
    as_date = litopys.extract(text, datetime.date(2026, 3, 2))
    assert as_text == as_date and as_text
    assert {r["event_date"][:4] for r in as_text} == {"2026"}


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match="not a date"):
        litopys.extract("On 2 March, in Lutsk, 40 people protested.", "yesterday")
    with pytest.raises(TypeError):
        litopys.extract(b"bytes are not text")


def test_source_names_the_publisher():
    text = "On 2 March 2026 about 40 residents of Lutsk protested outside the city council over unpaid wages."
    rows = litopys.extract(text, source="https://www.example.org/news/1")
    assert rows, "an invented protest report gives an incident"
    assert rows[0]["source"] == "example.org"
    # the publisher, the link, and the input the row was read from (here the source given)
    assert rows[0]["sources"] == [{"publisher": "example.org", "url": "https://www.example.org/news/1", "document": "https://www.example.org/news/1"}]
    evidence = rows[0]["evidence"]
    encoded = text.encode("utf-8")
    assert all(encoded[e["start"]:e["end"]].decode("utf-8") == e["text"] for e in evidence)


def records_of(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_extract_many_equals_the_command_line_in_order(litopys_bin, corpus):
    cli = run_cli(litopys_bin, "extract", str(corpus))
    per_record = list(litopys.extract_many(records_of(corpus), name=str(corpus)))
    assert len(per_record) == len(records_of(corpus))
    flat = list(itertools.chain.from_iterable(per_record))
    assert len(flat) > 100
    assert flat == cli


def test_extract_many_order_does_not_depend_on_threads(corpus):
    records = records_of(corpus)[:300]
    one = list(litopys.extract_many(records, threads=1))
    four = list(litopys.extract_many(iter(records), threads=4))
    assert one == four
    # each record's rows are its own: extracting it alone gives the same
    for record, rows in list(zip(records, one))[:20]:
        alone = list(litopys.extract_many([record]))
        assert [[{**r, "event_id_cnty": None} for r in alone[0]]] == [[{**r, "event_id_cnty": None} for r in rows]]


def test_extract_many_streams(corpus):
    records = records_of(corpus)
    taken = 0

    def stream():
        nonlocal taken
        for r in records * 3:
            taken += 1
            yield r

    it = litopys.extract_many(stream())
    next(it)
    assert 0 < taken < len(records) * 3, f"took {taken} records before the first result"


def test_extract_many_errors_name_the_record():
    good = {"text": "On 2 March 2026 about 40 residents of Lutsk protested outside the city council.", "published": "2026-03-02"}
    records = [good, {"title": "no text"}, good]
    it = litopys.extract_many(records, name="feed")
    assert next(it)
    with pytest.raises(litopys.Error, match="feed:2"):
        next(it)
    skipped = list(litopys.extract_many(records, name="feed", errors="skip"))
    assert len(skipped) == 3 and skipped[1] == [] and skipped[0] and skipped[2]
    with pytest.raises(litopys.Error, match="feed:1.*unrecognised date"):
        list(litopys.extract_many([{**good, "published": "last week"}], name="feed"))
    with pytest.raises(litopys.Error, match="must be a dict"):
        list(litopys.extract_many(["just text"]))
    with pytest.raises(ValueError):
        litopys.extract_many([good], threads=0)
    with pytest.raises(ValueError):
        litopys.extract_many([good], errors="ignore")


def test_extract_many_takes_dates_as_dates():
    text = "On 2 March about 40 residents of Lutsk protested outside the city council."
    as_date = list(litopys.extract_many([{"text": text, "published": datetime.date(2026, 3, 3)}]))
    as_text = list(litopys.extract_many([{"text": text, "published": "2026-03-03"}]))
    assert as_date == as_text and as_date[0]
    assert as_date[0][0]["event_date"] == "2026-03-02"


def test_the_gil_is_released_while_rust_works(corpus):
    """Another Python thread keeps running while `extract` works: the longest pause it sees is
    a small part of the extraction's time (holding the GIL, it would be all of it)."""
    import threading
    import time

    text = "\n\n".join(r["text"] for r in records_of(corpus)[:600])
    done = threading.Event()
    took = []

    def work():
        started = time.perf_counter()
        litopys.extract(text, "2026-01-31")
        took.append(time.perf_counter() - started)
        done.set()

    worker = threading.Thread(target=work)
    longest, last = 0.0, time.perf_counter()
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert took[0] > 0.2, "the extraction is long enough to tell"
    assert longest < took[0] / 2, f"the other thread stopped for {longest:.2f} s of {took[0]:.2f} s"
