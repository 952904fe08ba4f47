"""`to_frame` gives ACLED's dtypes; `geoparse` and `places` resolve places."""

from __future__ import annotations

import pandas as pd
import pytest

import litopys

# written for these tests: two invented incidents, one with a crowd size and one without
TEXT = (
    "On 2 March 2026 about 40 residents of Lutsk protested outside the city council over unpaid wages.\n\n"
    "On 3 March 2026, in Kryvyi Rih, unknown men set fire to a car of the recruitment office. Nobody was hurt."
)


def test_dtypes_are_acleds():
    rows = litopys.extract(TEXT, "2026-03-04")
    assert len(rows) == 2, rows
    frame = litopys.to_frame(rows)
    assert list(frame.columns[: len(litopys.ACLED_COLUMNS)]) == litopys.ACLED_COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(frame["event_date"])
    assert frame["event_date"].iloc[0] == pd.Timestamp("2026-03-02")
    for col in ["year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp", "injuries", "participants", "arrests"]:
        assert str(frame[col].dtype) == "Int64", col
    for col in ["latitude", "longitude"]:
        assert frame[col].dtype == "float64", col
    assert pd.api.types.is_string_dtype(frame["notes"])
    assert frame["participants"].iloc[0] == 40
    # a count the report does not give is missing, not zero
    assert frame["participants"].isna().iloc[1]
    assert frame["tags"].dtype == object and isinstance(frame["tags"].iloc[0], list)


def test_frame_of_extract_many_and_of_nothing():
    many = litopys.extract_many([{"text": TEXT, "published": "2026-03-04"}, {"text": "Nothing happened."}])
    frame = litopys.to_frame(many)
    assert len(frame) == 2
    empty = litopys.to_frame([])
    assert len(empty) == 0 and list(empty.columns) == litopys.ACLED_COLUMNS + litopys.FIGURE_COLUMNS
    assert str(empty["fatalities"].dtype) == "Int64"


def test_geodataframe_when_geopandas_is_there():
    gpd = pytest.importorskip("geopandas")
    frame = litopys.to_geodataframe(litopys.extract(TEXT, "2026-03-04"))
    assert isinstance(frame, gpd.GeoDataFrame)
    assert frame.crs.to_epsg() == 4326
    assert abs(frame.geometry.iloc[0].y - frame["latitude"].iloc[0]) < 1e-9


def test_geoparse_resolves_inflected_names():
    text = "Вибух пролунав у Кривому Розі, повідомили в Луцьку."
    found = litopys.geoparse(text)
    names = [m["name"] for m in found]
    assert "Kryvyi Rih" in names and "Lutsk" in names, found
    raw = text.encode("utf-8")
    for m in found:
        assert raw[m["start"]:m["end"]].decode("utf-8") == m["text"]
    assert all(m["evidence"] for m in found)


def test_places_finds_any_spelling():
    found = litopys.places("Krivoy Rog")
    assert found and found[0]["name"] == "Kryvyi Rih"
    assert found[0]["admin1"] == "Dnipropetrovsk"
    assert litopys.places("Nowhereville-on-Nothing") == []
