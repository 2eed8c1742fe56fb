"""Signals: what people report about their wijk, stored with a pseudonymous reporter.

Signals are reported only as aggregates (counts per wijk and thema, per month) and deleted
after the retention period (store/retention.py); the texts are read only for an adviseur's own
wijken (:meth:`SignalStore.texts`). The aggregates for the console and the chat's report are
one ``GROUP BY`` each over ``ix_signals_thema_created_at``/``ix_signals_created_at``
(:class:`SignalFilter`: areas, themas, a period); months are calendar months in UTC. The reporter
is a keyed hash of the user id (:func:`pseudonymize`), never the raw id: :class:`NewSignal`
refuses anything that does not look like such a pseudonym.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.schema import URGENCIES, signals

PSEUDONYM_LENGTH = 16
_PSEUDONYM = re.compile(f"[0-9a-f]{{{PSEUDONYM_LENGTH}}}")


def pseudonymize(user_id: str, secret: str) -> str:
    """A stable keyed hash of ``user_id`` (HMAC-SHA256, first 16 hex digits).

    The same user and secret always give the same pseudonym; without the secret nobody can
    link it back to the user id.
    """
    if not secret:
        raise ValueError("pseudonymize(): a secret is required")
    digest = hmac.new(secret.encode(), user_id.encode(), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_LENGTH]


@dataclass(frozen=True)
class NewSignal:
    """A signal to store. ``created_at`` must be aware; ``reporter`` must come from :func:`pseudonymize`."""

    created_at: datetime
    thema: str
    wijk: str | None
    urgency: str
    text: str
    reporter: str
    channel: str = ""
    source: str | None = None
    """The message that saved it, from :func:`pseudonymize`: a second signal of that message is not stored."""

    def __post_init__(self) -> None:
        if self.urgency not in URGENCIES:
            raise ValueError(f"urgency must be one of {', '.join(URGENCIES)}, not {self.urgency!r}")
        if not _PSEUDONYM.fullmatch(self.reporter):
            raise ValueError("reporter must be a pseudonym from pseudonymize(), never a raw user id")
        if self.source is not None and not _PSEUDONYM.fullmatch(self.source):
            raise ValueError("source must be a keyed hash from pseudonymize(), never a raw message id")
        if self.created_at.tzinfo is None:
            raise ValueError("created_at must be an aware datetime")


@dataclass(frozen=True)
class SignalCount:
    """How many signals one wijk has on one thema, and how many of them were urgent (``hoog``)."""

    wijk: str | None
    thema: str
    count: int
    hoog: int


class SignalStore:
    """Adds, aggregates and purges signals in the ``signals`` table."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def add(self, signal: NewSignal) -> int:
        """Store ``signal``; returns its id. A signal whose ``source`` message already saved one
        is not stored again: the id of that first one is returned."""
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(signals).values(**asdict(signal))
        async with self.engine.begin() as conn:  # sources are unique; a NULL source never conflicts
            new = (await conn.execute(statement.on_conflict_do_nothing(index_elements=[signals.c.source])
                                      .returning(signals.c.id))).scalar()
            if new is not None:
                return int(new)
            return int((await conn.execute(select(signals.c.id).where(signals.c.source == signal.source))).scalar_one())

    async def aggregate(self, since: datetime | None = None) -> list[SignalCount]:
        """Counts per wijk and thema (since ``since`` if given), most first; signals without a wijk last."""
        count = func.count().label("n")
        hoog = func.sum(case((signals.c.urgency == "hoog", 1), else_=0)).label("hoog")
        query = (
            select(signals.c.wijk, signals.c.thema, count, hoog)
            .group_by(signals.c.wijk, signals.c.thema)
            .order_by(count.desc(), signals.c.wijk.asc().nulls_last(), signals.c.thema)
        )
        if since is not None:
            query = query.where(signals.c.created_at >= since)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [SignalCount(wijk=row.wijk, thema=row.thema, count=int(row.n), hoog=int(row.hoog)) for row in rows]


@dataclass(frozen=True)
class SignalFilter:
    """Which signals: in ``wijken`` (area ids as stored; None = everywhere, signals without a
    wijk included), on ``themas`` (empty = all), created in [``since``, ``until``)."""

    wijken: tuple[str, ...] | None = None
    themas: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.wijken is not None:
            found.append(signals.c.wijk.in_(self.wijken))
        if self.themas:
            found.append(signals.c.thema.in_(self.themas))
        if self.since is not None:
            found.append(signals.c.created_at >= self.since)
        if self.until is not None:
            found.append(signals.c.created_at < self.until)
        return found


@dataclass(frozen=True)
class MonthCount:
    month: str
    """``YYYY-MM`` (UTC)."""
    thema: str
    count: int


@dataclass(frozen=True)
class SignalText:
    created_at: datetime
    thema: str
    wijk: str | None
    urgency: str
    text: str


def _month(dialect: str) -> Any:
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", signals.c.created_at), "YYYY-MM")
    return func.strftime("%Y-%m", signals.c.created_at)


async def monthly(engine: AsyncEngine, where: SignalFilter) -> list[MonthCount]:
    """Counts per month and thema, in month order."""
    month = _month(engine.dialect.name).label("month")
    count = func.count().label("n")
    query = (select(month, signals.c.thema, count).where(*where.conditions())
             .group_by(month, signals.c.thema).order_by(month, signals.c.thema))
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [MonthCount(str(r.month), r.thema, int(r.n)) for r in rows]


async def per_area(engine: AsyncEngine, where: SignalFilter) -> list[SignalCount]:
    """Counts per wijk and thema (and how many urgent), most first."""
    count = func.count().label("n")
    hoog = func.sum(case((signals.c.urgency == "hoog", 1), else_=0)).label("hoog")
    query = (select(signals.c.wijk, signals.c.thema, count, hoog).where(*where.conditions())
             .group_by(signals.c.wijk, signals.c.thema)
             .order_by(count.desc(), signals.c.wijk.asc().nulls_last(), signals.c.thema))
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [SignalCount(wijk=r.wijk, thema=r.thema, count=int(r.n), hoog=int(r.hoog or 0)) for r in rows]


async def per_thema(engine: AsyncEngine, where: SignalFilter) -> dict[str, int]:
    """Counts per thema."""
    query = select(signals.c.thema, func.count().label("n")).where(*where.conditions()).group_by(signals.c.thema)
    async with engine.connect() as conn:
        return {r.thema: int(r.n) for r in (await conn.execute(query)).all()}


async def total(engine: AsyncEngine, where: SignalFilter) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(signals).where(*where.conditions())))
                   .scalar_one())


async def texts(engine: AsyncEngine, where: SignalFilter, limit: int = 100) -> list[SignalText]:
    """The newest signal texts that match (for an adviseur's own wijken only: the caller decides)."""
    query = (select(signals.c.created_at, signals.c.thema, signals.c.wijk, signals.c.urgency, signals.c.text)
             .where(*where.conditions()).order_by(signals.c.created_at.desc(), signals.c.id.desc()).limit(limit))
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [SignalText(r.created_at, r.thema, r.wijk, r.urgency, r.text) for r in rows]

