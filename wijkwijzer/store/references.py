"""Conversation references: one row per (channel, conversation), refreshed on every inbound activity.

A reference is what a later proactive message needs (conversation id, service URL, the bot and
the user's channel id) as JSON. The ``user_id`` column holds the pseudonymous user id, never a
name; callers strip names from the reference before saving it.

``save`` is called for every inbound activity but writes only when the row would change: a
reference this process wrote less than ``refresh_after`` ago with the same content is not
written again (so ``updated_at`` is exact to within that interval). This keeps a database write
out of almost every turn.
"""

from __future__ import annotations

import copy
import json
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from wijkwijzer.store.schema import conversation_refs

# Public names; the tables among them are defined in schema.py and stay importable from here.
__all__ = [
    "ConversationReferences", "StoredReference", "conversation_refs", "reference_key",
]


def reference_key(channel: str, conversation_id: str) -> str:
    return f"{channel}:{conversation_id}"


@dataclass(frozen=True)
class StoredReference:
    key: str
    user_id: str
    channel: str
    reference: dict[str, Any]
    updated_at: datetime


class ConversationReferences:
    """Upserts and reads conversation references; bound parameters only."""

    def __init__(self, engine: AsyncEngine, *, refresh_after: float = 3600.0, remember: int = 10_000) -> None:
        self.engine = engine
        self.refresh_after = refresh_after
        self.remember = remember
        self._written: OrderedDict[str, tuple[tuple[str, dict[str, Any]], float]] = OrderedDict()

    async def save(self, *, channel: str, conversation_id: str, user_id: str, reference: dict[str, Any]) -> bool:
        """Store the reference; returns False when it was unchanged and recently written.

        Every Teams turn calls this; the unchanged case compares the dicts and writes no JSON."""
        key = reference_key(channel, conversation_id)
        content = (user_id, reference)
        if self._recently_written(key, content):
            return False
        values = {"key": key, "user_id": user_id, "channel": channel,
                  "reference": json.dumps(reference, ensure_ascii=False, sort_keys=True),
                  "updated_at": datetime.now(UTC)}
        async with self.engine.begin() as conn:
            await _upsert(conn, values)
        self._written[key] = ((user_id, copy.deepcopy(reference)), time.monotonic())
        self._written.move_to_end(key)
        while len(self._written) > self.remember:
            self._written.popitem(last=False)
        return True

    def _recently_written(self, key: str, content: tuple[str, dict[str, Any]]) -> bool:
        last = self._written.get(key)
        return last is not None and last[0] == content and time.monotonic() - last[1] < self.refresh_after

    async def get(self, channel: str, conversation_id: str) -> StoredReference | None:
        query = select(conversation_refs).where(conversation_refs.c.key == reference_key(channel, conversation_id))
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return _stored(row) if row else None

    async def delete(self, channel: str, conversation_id: str) -> bool:
        """Forget a conversation (the app was removed from it); True when there was a reference."""
        key = reference_key(channel, conversation_id)
        self._written.pop(key, None)
        async with self.engine.begin() as conn:
            done = await conn.execute(delete(conversation_refs).where(conversation_refs.c.key == key))
        return done.rowcount == 1

    async def for_user(self, user_id: str) -> list[StoredReference]:
        table = conversation_refs
        query = select(table).where(table.c.user_id == user_id).order_by(table.c.key)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_stored(row) for row in rows]


def _stored(row: Any) -> StoredReference:
    return StoredReference(key=row.key, user_id=row.user_id, channel=row.channel,
                           reference=json.loads(row.reference), updated_at=row.updated_at)


async def _upsert(conn: AsyncConnection, values: dict[str, Any]) -> None:
    changed = {k: v for k, v in values.items() if k != "key"}
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        module = sqlite if dialect == "sqlite" else postgresql
        statement = module.insert(conversation_refs).values(**values)
        await conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_=changed))
        return
    table = conversation_refs
    done = await conn.execute(update(table).where(table.c.key == values["key"]).values(**changed))
    if done.rowcount != 1:
        await conn.execute(insert(conversation_refs).values(**values))
