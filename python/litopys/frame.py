"""Rows as pandas (and GeoPandas) frames, with ACLED's dtypes.

ACLED's export types its columns: ``event_date`` is a date, ``year``, ``time_precision``,
``iso``, ``geo_precision``, ``fatalities`` and ``timestamp`` are integers, ``latitude`` and
``longitude`` are reals, everything else is text. litopys' figures (``injuries``,
``participants``, ``arrests``) are counts a report may not give, so they are *nullable*
integers (pandas' ``Int64``): a missing count is ``<NA>``, never ``0`` and never a float.
Dates become ``datetime64`` (midnight), the type pandas' date tools expect. The nested fields
(``tags``, ``weapons``, ``sources``, ``evidence``, ``legal``, ``amounts``) stay Python objects.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ._litopys import ACLED_COLUMNS, FIGURE_COLUMNS

#: ACLED's integer columns, and litopys' counts: nullable integers.
INTEGER_COLUMNS = (
    "year",
    "time_precision",
    "iso",
    "geo_precision",
    "fatalities",
    "timestamp",
    "injuries",
    "participants",
    "arrests",
)
#: Real columns.
FLOAT_COLUMNS = ("latitude", "longitude")
#: Date columns.
DATE_COLUMNS = ("event_date",)
#: Columns holding lists or mappings, kept as Python objects.
OBJECT_COLUMNS = (
    "tags",
    "weapons",
    "legal",
    "amounts",
    "damage",
    "injury_details",
    "sources",
    "evidence",
)


def _flat(rows: Iterable[Any]) -> list[Mapping[str, Any]]:
    """Rows, with the per-record lists that ``extract_many`` yields flattened."""
    out: list[Mapping[str, Any]] = []
    for item in rows:
        if isinstance(item, Mapping):
            out.append(item)
        else:
            out.extend(item)
    return out


def to_frame(rows: Iterable[Any]):
    """Rows as a pandas DataFrame with ACLED's column order and dtypes.

    ``rows`` are dicts as :func:`litopys.extract` returns them, or the lists
    :func:`litopys.extract_many` yields (flattened). Columns come in ACLED's order, then
    ``status`` (for stored events), litopys' figures, then whatever else the rows carry. An
    empty input gives an empty frame with the same columns and dtypes.
    """
    import pandas as pd

    records = _flat(rows)
    order = list(ACLED_COLUMNS)
    if any("status" in r for r in records):
        order.append("status")
    order += list(FIGURE_COLUMNS)
    for r in records:
        for k in r:
            if k not in order:
                order.append(k)
    frame = pd.DataFrame.from_records(records, columns=order)
    for col in frame.columns:
        if col in DATE_COLUMNS:
            frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d", errors="coerce")
        elif col in INTEGER_COLUMNS:
            frame[col] = pd.array(frame[col].tolist(), dtype="Int64")
        elif col in FLOAT_COLUMNS:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
        elif col in OBJECT_COLUMNS:
            frame[col] = frame[col].astype(object)
        else:
            frame[col] = frame[col].astype("string")
    return frame


def to_geodataframe(rows: Iterable[Any]):
    """Rows as a GeoPandas GeoDataFrame of points (longitude, latitude; WGS 84, EPSG:4326).

    The columns are :func:`to_frame`'s; a row without coordinates has an empty geometry.
    Needs GeoPandas (``pip install geopandas``); raises ImportError naming it otherwise.
    """
    try:
        import geopandas as gpd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_geodataframe needs GeoPandas: pip install geopandas") from e
    frame = to_frame(rows)
    geometry = gpd.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
