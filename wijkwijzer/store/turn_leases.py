"""One turn at a time per conversation, across processes: a lease row per conversation.

Two turns of one conversation at once (two people @mentioning the bot in a group chat, someone
typing twice quickly while two workers serve) would both load the same state; the second save
then meets an eTag conflict (store/sql_storage.py) and that turn's state is lost. So a turn first
takes the conversation's lease: one ``INSERT … ON CONFLICT DO UPDATE … WHERE until < now`` that
succeeds only when nobody holds it, or the holder's lease ran out (a process that died mid-turn).
A second turn waits, polling with a short growing pause, and runs after the first; within one
process the turns of a conversation queue on an asyncio lock first, so only one of them polls.
On PostgreSQL the database decides who holds a conversation. On a SQLite file (one machine by
nature) the same is done without a write: an exclusive POSIX byte-range lock, one byte of the
file ``<database>-turns`` per conversation (4,096 stripes by a hash of the key), taken without
waiting and polled like the row. The kernel drops a process's locks when it dies, so a killed
process never holds a conversation; within a process the stripe's asyncio lock queues the turns.

A turn is short (its outbound calls have timeouts), far shorter than the lease; a turn that
outlives its lease may overlap the next one, and the eTag check then still refuses the stale save.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import logging
import os
import random
import uuid
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.database import sqlite_file
from wijkwijzer.store.leases import without_flush
from wijkwijzer.store.schema import turn_leases

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(seconds=30)
STRIPES = 4096
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
        path = sqlite_file(engine)
        self._file = os.open(f"{path}-turns", os.O_RDWR | os.O_CREAT, 0o600) if path else None
        if self._file is not None:
            weakref.finalize(self, os.close, self._file)

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        if self._file is not None:  # a process holds a byte-range lock once: queue per stripe here
            key = str(int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big") % STRIPES)
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
        if self._file is not None:
            try:
                fcntl.lockf(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, int(key))
            except OSError:
                return False
            return True
        now = self.clock()
        statement = self._insert(turn_leases).values(key=key, holder=holder, until=now + self.lease)
        statement = statement.on_conflict_do_update(
            index_elements=[turn_leases.c.key],
            set_={"holder": statement.excluded.holder, "until": statement.excluded.until},
            where=turn_leases.c.until < now)
        async with self.engine.begin() as conn:
            await without_flush(conn)  # a lease lost in a database crash only lets a turn run early
            done = await conn.execute(statement)
        return done.rowcount == 1

    async def _release(self, key: str, holder: str) -> None:
        if self._file is not None:
            fcntl.lockf(self._file, fcntl.LOCK_UN, 1, int(key))
            return
        try:
            async with self.engine.begin() as conn:
                await without_flush(conn)
                await conn.execute(delete(turn_leases).where(turn_leases.c.key == key, turn_leases.c.holder == holder))
        except Exception as error:  # noqa: BLE001 - an unreleased lease runs out by itself
            log.warning("turn lease not released (%s); it runs out by itself", type(error).__name__)
