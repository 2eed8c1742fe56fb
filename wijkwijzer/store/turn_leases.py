"""One turn at a time per conversation, across processes: a lease row per conversation.

Two turns of one conversation at once (two people @mentioning the bot in a group chat, someone
typing twice quickly while two workers serve) would both load the same state; the second save
then meets an eTag conflict (store/sql_storage.py) and that turn's state is lost. So a turn first
takes the conversation's lease: one ``INSERT … ON CONFLICT DO UPDATE … WHERE until < now`` that
succeeds only when nobody holds it, or the holder's lease ran out (a process that died mid-turn).
A second turn waits, polling with a short growing pause, and runs after the first; within one
process the turns of a conversation queue on an asyncio lock first, so only one of them polls.
Works alike on SQLite and PostgreSQL, where the database decides who holds a conversation.

A turn is short (its outbound calls have timeouts), far shorter than the lease; a turn that
outlives its lease may overlap the next one, and the eTag check then still refuses the stale save.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.schema import turn_leases

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(seconds=30)
FIRST_PAUSE = 0.005
LONGEST_PAUSE = 0.1


class TurnBusyError(Exception):
    """The conversation stayed held by another turn for longer than its lease."""


class TurnLeases:
    """``async with leases.hold(key): …`` runs the block as the only turn of conversation ``key``."""

    def __init__(self, engine: AsyncEngine, lease: timedelta = DEFAULT_LEASE,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.engine = engine
        self.lease = lease
        self.clock = clock
        self._local: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        local = self._local.get(key)
        if local is None:
            local = self._local[key] = asyncio.Lock()
        async with local:
            holder = uuid.uuid4().hex
            await self._acquire(key, holder)
            try:
                yield
            finally:
                await self._release(key, holder)

    async def _acquire(self, key: str, holder: str) -> None:
        deadline = asyncio.get_running_loop().time() + self.lease.total_seconds() * 2
        pause = FIRST_PAUSE
        while not await self._try(key, holder):
            if asyncio.get_running_loop().time() > deadline:
                raise TurnBusyError(key)
            await asyncio.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, LONGEST_PAUSE)

    async def _try(self, key: str, holder: str) -> bool:
        now = self.clock()
        statement = self._insert(turn_leases).values(key=key, holder=holder, until=now + self.lease)
        statement = statement.on_conflict_do_update(
            index_elements=[turn_leases.c.key],
            set_={"holder": statement.excluded.holder, "until": statement.excluded.until},
            where=turn_leases.c.until < now)
        async with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # a lease lost in a database crash only lets a turn run early: no flush needed
                await conn.execute(text("SET LOCAL synchronous_commit TO OFF"))
            done = await conn.execute(statement)
        return done.rowcount == 1

    async def _release(self, key: str, holder: str) -> None:
        try:
            async with self.engine.begin() as conn:
                await conn.execute(delete(turn_leases).where(turn_leases.c.key == key, turn_leases.c.holder == holder))
        except Exception as error:  # noqa: BLE001 - an unreleased lease runs out by itself
            log.warning("turn lease not released (%s); it runs out by itself", type(error).__name__)
