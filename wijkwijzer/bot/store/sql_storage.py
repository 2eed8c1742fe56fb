"""An Agents SDK ``Storage`` on SQLAlchemy: conversation and dialog state as JSON rows with eTags.

eTag semantics (the SDK's StoreItem has no eTag of its own, so it travels inside the JSON, as
botbuilder's storages did): ``read`` adds ``"e_tag"`` to every item's JSON; ``write`` of an item
that still carries that ``e_tag`` succeeds only if the stored row has the same eTag — a single
conditional UPDATE — and otherwise raises :class:`EtagConflictError` and writes nothing for
that key. An item without ``e_tag`` (new state) or with ``"*"`` is written last-write-wins.
Every successful write stores a fresh eTag. So a concurrent write to the same key is detected,
never silently lost.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from microsoft_agents.hosting.core.storage import Storage, StoreItem
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from .schema import state

ETAG_KEY = "e_tag"
ANY_ETAG = "*"


class EtagConflictError(Exception):
    """Someone else wrote this key since it was read; the write was not done."""

    def __init__(self, key: str) -> None:
        super().__init__(f"eTag conflict on state key {key!r}")
        self.key = key


def _to_json(value: StoreItem | dict) -> dict[str, Any]:
    data = value.store_item_to_json() if isinstance(value, StoreItem) else dict(value)
    return dict(data)


class SqlStorage(Storage):
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def read(self, keys: list[str], *, target_cls: type[StoreItem] | None = None, **kwargs) -> dict[str, Any]:
        if not keys:
            raise ValueError("Storage.read(): Keys are required when reading.")
        async with self.engine.connect() as conn:
            rows = (await conn.execute(select(state.c.key, state.c.etag, state.c.value).where(state.c.key.in_(keys)))).all()
        result: dict[str, Any] = {}
        for key, etag, value in rows:
            data = json.loads(value)
            data[ETAG_KEY] = etag
            result[key] = target_cls.from_json_to_store_item(data) if target_cls else data
        return result

    async def write(self, changes: dict[str, StoreItem]) -> None:
        if not changes:
            raise ValueError("Storage.write(): Changes are required when writing.")
        for key, value in changes.items():
            data = _to_json(value)
            expected = data.pop(ETAG_KEY, None)
            await self._write_one(key, json.dumps(data, ensure_ascii=False), expected)

    async def _write_one(self, key: str, payload: str, expected: str | None) -> None:
        new_etag = uuid.uuid4().hex
        now = datetime.now(UTC)
        async with self.engine.begin() as conn:
            if expected and expected != ANY_ETAG:
                done = await conn.execute(
                    update(state).where(state.c.key == key, state.c.etag == expected)
                    .values(etag=new_etag, value=payload, updated_at=now)
                )
                if done.rowcount != 1:
                    raise EtagConflictError(key)
                return
            await self._upsert(conn, key, payload, new_etag, now)

    async def _upsert(self, conn: AsyncConnection, key: str, payload: str, etag: str, now: datetime) -> None:
        done = await conn.execute(update(state).where(state.c.key == key).values(etag=etag, value=payload, updated_at=now))
        if done.rowcount == 1:
            return
        try:
            async with conn.begin_nested():
                await conn.execute(insert(state).values(key=key, etag=etag, value=payload, updated_at=now))
        except IntegrityError:
            await conn.execute(update(state).where(state.c.key == key).values(etag=etag, value=payload, updated_at=now))

    async def delete(self, keys: list[str]) -> None:
        if not keys:
            raise ValueError("Storage.delete(): Keys are required when deleting.")
        async with self.engine.begin() as conn:
            await conn.execute(delete(state).where(state.c.key.in_(keys)))
