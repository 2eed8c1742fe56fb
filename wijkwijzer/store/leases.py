"""Leases: a worker takes rows for a while (``claimed_by``, ``claimed_until``); rows whose lease
ran out belong to a worker that died and may be taken by another one.

One statement takes a batch: ``UPDATE … WHERE key IN (SELECT key … LIMIT n)``, on PostgreSQL with
``FOR UPDATE SKIP LOCKED`` in the subquery, so two workers never get the same row; SQLite has one
writer at a time. The outbox (store/outbox.py) and the inbound WhatsApp work (store/inbound.py)
take their rows this way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Table, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection


def flushless(conn: Connection) -> None:
    """On PostgreSQL, let this transaction commit without waiting for the disk flush: for
    bookkeeping whose loss in a database crash means a repeat (a resend, a turn run early), never
    a loss. Never for what an acknowledgement depends on."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL synchronous_commit TO OFF"))


async def without_flush(conn: AsyncConnection) -> None:
    """:func:`flushless` in a transaction of the async engine."""
    await conn.run_sync(flushless)


def lease_free(table: Table, now: datetime) -> ColumnElement[bool]:
    """Nobody holds the row: never claimed, given back, or the holder's lease ran out."""
    return or_(table.c.claimed_until.is_(None), table.c.claimed_until < now)


async def lease_due(conn: AsyncConnection, table: Table, *, due: ColumnElement[bool], order_by: Sequence[Any],
                    limit: int, values: Mapping[str, Any], returning: Sequence[Any]) -> Sequence[Row[Any]]:
    """Set ``values`` (the worker's name and lease among them) on up to ``limit`` rows matching
    ``due``, in ``order_by`` order; returns ``returning`` of the rows taken."""
    key = table.primary_key.columns.values()[0]
    pick = select(key).where(due).order_by(*order_by).limit(limit)
    if conn.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    taken = await conn.execute(update(table).where(key.in_(pick.scalar_subquery())).values(**values)
                               .returning(*returning))
    return taken.all()
