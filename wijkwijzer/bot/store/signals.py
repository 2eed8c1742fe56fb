"""Anonymous signals: stored with a pseudonymous reporter, reported only as aggregates."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from .schema import signals


def pseudonymize(user_id: str, secret: str) -> str:
    """A stable, keyed hash of a user id: the same person gets the same id, nobody can reverse it."""
    return hmac.new(secret.encode(), user_id.encode(), hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True)
class NewSignal:
    created_at: datetime
    thema: str
    wijk: str | None
    urgency: str
    text: str
    reporter: str
    channel: str = ""


@dataclass(frozen=True)
class SignalCount:
    wijk: str | None
    thema: str
    count: int
    hoog: int


class SignalStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def add(self, signal: NewSignal) -> int:
        async with self.engine.begin() as conn:
            result = await conn.execute(insert(signals).values(**signal.__dict__).returning(signals.c.id))
            return int(result.scalar_one())

    async def aggregate(self, since: datetime | None = None) -> list[SignalCount]:
        """Counts per wijk and thema (most first), with how many were urgent."""
        hoog = func.sum(case((signals.c.urgency == "hoog", 1), else_=0))
        query = select(signals.c.wijk, signals.c.thema, func.count().label("n"), hoog.label("hoog")).group_by(
            signals.c.wijk, signals.c.thema
        )
        if since is not None:
            query = query.where(signals.c.created_at >= since)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query.order_by(func.count().desc(), signals.c.wijk, signals.c.thema))).all()
        return [SignalCount(wijk=r.wijk, thema=r.thema, count=int(r.n), hoog=int(r.hoog or 0)) for r in rows]

    async def purge_older_than(self, days: int) -> int:
        """Retention: delete signals older than ``days``; returns how many."""
        cutoff = datetime.now(UTC) - timedelta(days=days)
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(signals).where(signals.c.created_at < cutoff))
            return int(result.rowcount or 0)
