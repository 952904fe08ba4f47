"""litopys: news reports in, an ACLED-coded, geocoded, source-linked dataset of incidents out.

The functions here are the ones the ``litopys`` command line runs, compiled in (nothing is
downloaded, no server is needed):

* :func:`extract` -- every incident a report tells, as the rows ``litopys extract`` writes;
* :func:`extract_many` -- the same over a stream of records, on all cores, in input order;
* :func:`geoparse` and :func:`places` -- the places a text names; a place name looked up;
* :func:`to_frame` and :func:`to_geodataframe` -- rows as a pandas DataFrame with ACLED's
  dtypes, or as a GeoDataFrame of points;
* :class:`Store` -- events from a litopys database (SQLite or PostgreSQL) as a DataFrame,
  with the filters of ``litopys events``.

Rust works with the GIL released; errors are :class:`Error` with the Rust message.
"""

from ._litopys import (
    ACLED_COLUMNS,
    FIGURE_COLUMNS,
    Error,
    __version__,
    extract,
    extract_many,
    geoparse,
    places,
)
from .frame import to_frame, to_geodataframe
from .store import Store

__all__ = [
    "ACLED_COLUMNS",
    "FIGURE_COLUMNS",
    "Error",
    "Store",
    "__version__",
    "extract",
    "extract_many",
    "geoparse",
    "places",
    "to_frame",
    "to_geodataframe",
]
