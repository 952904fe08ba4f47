"""Type stubs for the native module (src/*.rs)."""

import datetime
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Union

DateLike = Union[str, datetime.date]
Row = dict[str, Any]

__version__: str
#: ACLED's export columns, in ACLED's order.
ACLED_COLUMNS: list[str]
#: litopys' own figure columns, written after ACLED's.
FIGURE_COLUMNS: list[str]

class Error(Exception):
    """An error litopys reports: its message is the Rust one."""

def extract(
    text: str,
    published: Optional[DateLike] = None,
    *,
    source: Optional[str] = None,
    lang: Optional[str] = None,
) -> list[Row]:
    """Every incident a report tells: the records ``litopys extract`` writes.

    The text is read as ``litopys extract`` reads a file (HTML by content; the date from its
    own dateline); ``published`` is used only when the text carries no date. ``source`` names
    the document (a URL there names the publisher); ``lang`` overrides language detection.
    Raises :class:`Error` for input litopys cannot read, ``ValueError`` for a bad date.
    """

class ExtractMany(Iterator[list[Row]]):
    def __iter__(self) -> "ExtractMany": ...
    def __next__(self) -> list[Row]: ...

def extract_many(
    records: Iterable[Mapping[str, Any]],
    threads: Optional[int] = None,
    *,
    name: str = "<records>",
    errors: Literal["raise", "skip"] = "raise",
) -> ExtractMany:
    """Extracts a stream of records ``{"text", "published", "url", "title", "lang", "id"}`` on
    ``threads`` threads (default: every core), yielding one list of rows per record, in
    input order. A record is read as ``litopys extract`` reads a JSON Lines line of an input
    called ``name`` (its id is ``id``, else ``NAME#N``). A record that cannot be read raises
    :class:`Error` when reached (``errors="skip"``: yields ``[]`` for it)."""

def geoparse(text: str, *, all: bool = False) -> list[dict[str, Any]]:
    """Every place ``text`` names, resolved, with evidence (a ``litopys geoparse`` line per
    mention; ``start``/``end`` are UTF-8 byte offsets). ``all=True`` adds rejected ones."""

def places(query: str) -> list[dict[str, Any]]:
    """The gazetteer's places named ``query`` in any spelling or case form, most likely first."""

class _Store:
    def __init__(self, db: str) -> None: ...
    @property
    def backend(self) -> str: ...
    def rows(
        self,
        *,
        start: Optional[DateLike] = None,
        end: Optional[DateLike] = None,
        admin1: Optional[str] = None,
        event_type: Optional[str] = None,
        tag: Optional[str] = None,
        text: Optional[str] = None,
        status: Optional[str] = None,
    ) -> list[Row]: ...
