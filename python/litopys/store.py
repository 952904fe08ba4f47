"""Events from a litopys database, as DataFrames."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Optional, Union

from ._litopys import _Store
from .frame import to_frame

DateLike = Union[str, _dt.date]


class Store:
    """A litopys database: a SQLite file or a ``postgres://`` URL.

    Opening never creates a database (``litopys ingest --db DB REPORTS`` does); a missing
    file raises :class:`litopys.Error`. The filters are those of ``litopys events``:

    >>> store = litopys.Store("litopys.db")                       # doctest: +SKIP
    >>> store.events(start="2026-02-01", admin1="Volyn")           # doctest: +SKIP
    """

    def __init__(self, db: str) -> None:
        self._store = _Store(str(db))

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgres"``."""
        return self._store.backend

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
    ) -> list[dict[str, Any]]:
        """The matching events as dicts: the rows ``litopys export`` writes.

        ``start`` and ``end`` are the first and last day, inclusive (``--from``/``--to``);
        ``admin1`` an oblast (case ignored); ``event_type`` an ACLED event type
        (``--type``); ``tag`` a tag; ``text`` words in the notes or a report; ``status`` one
        of new, confirmed, edited, rejected, needs-date (default: all but rejected and
        needs-date).
        """
        return self._store.rows(
            start=start,
            end=end,
            admin1=admin1,
            event_type=event_type,
            tag=tag,
            text=text,
            status=status,
        )

    def events(self, **filters: Any):
        """The matching events as a pandas DataFrame with ACLED's dtypes (see :meth:`rows`
        for the filters, :func:`litopys.to_frame` for the dtypes)."""
        return to_frame(self.rows(**filters))

    def __repr__(self) -> str:
        return repr(self._store)
