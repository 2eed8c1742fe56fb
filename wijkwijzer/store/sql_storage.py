"""An Agents SDK ``Storage`` on SQLAlchemy: conversation, user and dialog state as JSON rows.

Contract (the SDK's ``Storage``, as its ``MemoryStorage`` and blob/Cosmos storages implement it):

- ``read(keys, target_cls=…)`` returns ``{key: target_cls.from_json_to_store_item(json)}`` for the
  keys that exist, in the order asked; missing keys are simply absent (never None values).
- ``write(changes)`` stores each value's JSON: ``StoreItem.store_item_to_json()``, or a plain
  dict (the SDK's app ``State`` writes dicts). Values are JSON, never pickle; the SDK's dialog
  objects are written through :mod:`.json_codec`; anything else raises ``TypeError``.
- ``delete(keys)`` removes the keys; missing keys are ignored. ``keys`` may be any iterable
  (``AgentState.delete`` passes a set).
- An empty key list, an empty change dict, ``None``, an empty key or ``target_cls=None`` raise
  ``ValueError``, as the SDK's storages do; so does a key longer than 512 characters.

eTags — optimistic concurrency, which the SDK's own storages do not do:

- Every successful write of a key stores a fresh eTag (``uuid4().hex``).
- ``read`` hands the stored eTag to ``from_json_to_store_item`` under the key ``"e_tag"`` in
  the item's JSON object (the name botbuilder's storages used; the Agents SDK for Python
  defines no eTag field). So ``ConversationState``/``UserState`` carry it in their cached state
  dict and give it back on ``save``.
- ``write`` takes the expected eTag from ``"e_tag"`` in the item's JSON object, else from an
  ``e_tag`` attribute of the item. With an eTag the write is a compare-and-set: a single
  ``UPDATE … WHERE key = :key AND etag = :etag``; when it changes no row (someone wrote or
  deleted the key since it was read) :class:`EtagConflictError` is raised. Without an eTag, or
  with ``"*"``, the write is last-write-wins: one atomic ``INSERT … ON CONFLICT DO UPDATE``.
  A concurrent write to the same key is therefore detected, never silently lost, across
  processes and machines: the database decides, this class holds no locks or caches.
- One ``write`` call is one transaction: if any key conflicts, no key of that call is written.
- After a successful write the new eTag is put back into the written item (a dict's
  ``"e_tag"``, an ``e_tag`` attribute, or the cached state of the SDK's ``AgentState``), so
  saving the same loaded state twice in one turn does not conflict with itself.
- JSON values that are not objects (a list, a number) carry no eTag: last write wins.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from microsoft_agents.hosting.core.state.agent_state import CachedAgentState
from microsoft_agents.hosting.core.storage import Storage, StoreItem
from sqlalchemy import Insert, Table, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from wijkwijzer.store import json_codec
from wijkwijzer.store.database import point_read, point_reads, point_write
from wijkwijzer.store.schema import STATE_KEY_MAX_LENGTH, state

ETAG_KEY = "e_tag"
ANY_ETAG = "*"

StoreItemT = TypeVar("StoreItemT", bound=StoreItem)


class EtagConflictError(Exception):
    """The key was written or deleted since the item was read; this write stored nothing.

    ``status_code`` is 412 (HTTP Precondition Failed, what Cosmos DB and Blob Storage answer to
    a failed If-Match), so the SDK's ``is_status_code_error(412)`` filter recognises it. The
    caller should reload, reapply its change and write again.
    """

    status_code = 412

    def __init__(self, key: str) -> None:
        super().__init__(f"eTag conflict on state key {key!r}: it changed since it was read")
        self.key = key


@dataclass(frozen=True)
class _Change:
    key: str
    payload: str
    expected_etag: str | None


# Built once: constructing a statement costs more CPU than running it on a warm connection.
_READ = point_read(select(state.c.key, state.c.etag, state.c.value).where(state.c.key == bindparam("key")))
_COMPARE_AND_SET = point_write(
    update(state).where(state.c.key == bindparam("key"), state.c.etag == bindparam("expected_etag"))
    .values(etag=bindparam("etag"), value=bindparam("value"), updated_at=bindparam("updated_at")))


class SqlStorage(Storage):
    """The SDK ``Storage`` on the ``state`` table, with eTag concurrency (see the module docs)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.reads = point_reads(engine)
        self._upsert = _upsert_statement(engine.dialect.name)

    async def read(
        self, keys: list[str], *, target_cls: type[StoreItemT] | None = None, **kwargs: Any
    ) -> dict[str, StoreItemT]:
        """The stored items of ``keys`` that exist, built with ``target_cls``; eTag under ``"e_tag"``."""
        wanted = _checked_keys(keys, "read", "Storage.read(): Keys are required when reading.")
        if target_cls is None:
            raise ValueError("Storage.read(): target_cls is required")
        rows = {row.key: row for key in dict.fromkeys(wanted) for row in await self.reads.rows(_READ, {"key": key})}
        return {key: _item(target_cls, rows[key].value, rows[key].etag) for key in dict.fromkeys(wanted) if key in rows}

    async def write(self, changes: Mapping[str, StoreItem | dict[str, Any]]) -> None:
        """Store all ``changes`` in one transaction; raises :class:`EtagConflictError` on a stale eTag."""
        if not changes:
            raise ValueError("Storage.write(): Changes are required when writing.")
        _checked_keys(changes, "write", "Storage.write(): Changes are required when writing.")
        prepared = [_prepare(key, changes[key]) for key in sorted(changes)]
        inline = await self._write_inline(prepared[0]) if len(prepared) == 1 else None
        if inline is not None:
            new_etags = {prepared[0].key: inline}
        else:
            async with self.engine.begin() as conn:
                new_etags = {change.key: await self._write_one(conn, change) for change in prepared}
        for key, etag in new_etags.items():
            _give_back_etag(changes[key], etag)

    async def delete(self, keys: Iterable[str]) -> None:
        """Remove ``keys``; keys that do not exist are ignored. Unconditional (no eTag)."""
        wanted = _checked_keys(keys, "delete", "Storage.delete(): Keys are required when deleting.")
        async with self.engine.begin() as conn:
            await conn.execute(delete(state).where(state.c.key.in_(set(wanted))))

    async def _write_inline(self, change: _Change) -> str | None:
        """One key written on the event loop (PointReads.write); None when not on a SQLite file."""
        etag = uuid.uuid4().hex
        row = {"key": change.key, "etag": etag, "value": change.payload, "updated_at": datetime.now(UTC)}
        if change.expected_etag in (None, ANY_ETAG):
            return etag if await self.reads.write(_INLINE_UPSERT, row) is not None else None
        count = await self.reads.write(_COMPARE_AND_SET, {**row, "expected_etag": change.expected_etag})
        if count is None:
            return None
        if count != 1:
            raise EtagConflictError(change.key)
        return etag

    async def _write_one(self, conn: AsyncConnection, change: _Change) -> str:
        etag = uuid.uuid4().hex
        row = {"etag": etag, "value": change.payload, "updated_at": datetime.now(UTC)}
        if change.expected_etag in (None, ANY_ETAG):
            await conn.execute(self._upsert, {"key": change.key, **row})
            return etag
        compare_and_set = update(state).where(state.c.key == change.key, state.c.etag == change.expected_etag)
        result = await conn.execute(compare_and_set.values(**row))
        if result.rowcount != 1:
            raise EtagConflictError(change.key)
        return etag


def _upsert_statement(dialect_name: str) -> Insert:
    dialects: dict[str, Callable[[Table], sqlite.Insert | postgresql.Insert]] = {
        "sqlite": sqlite.insert, "postgresql": postgresql.insert}
    if dialect_name not in dialects:
        raise NotImplementedError(f"SqlStorage supports SQLite and PostgreSQL, not {dialect_name}")
    insert = dialects[dialect_name](state)
    excluded = insert.excluded
    return insert.on_conflict_do_update(
        index_elements=[state.c.key],
        set_={"etag": excluded.etag, "value": excluded.value, "updated_at": excluded.updated_at},
    )


_INLINE_UPSERT = point_write(_upsert_statement("sqlite"))


def _checked_keys(keys: Iterable[str] | None, operation: str, missing: str) -> list[str]:
    if not keys:
        raise ValueError(missing)
    checked = list(keys)
    for key in checked:
        if not isinstance(key, str) or not key:
            raise ValueError(f"SqlStorage.{operation}(): key cannot be empty")
        if len(key) > STATE_KEY_MAX_LENGTH:
            raise ValueError(f"SqlStorage.{operation}(): key longer than {STATE_KEY_MAX_LENGTH} characters")
    return checked


def _prepare(key: str, value: StoreItem | dict[str, Any]) -> _Change:
    if isinstance(value, StoreItem):
        data = value.store_item_to_json()
    elif isinstance(value, Mapping):
        data = dict(value)
    else:
        raise TypeError(f"SqlStorage.write(): value for {key!r} is a {type(value).__name__}, not a StoreItem or dict")
    expected = getattr(value, ETAG_KEY, None)
    if isinstance(data, dict):
        data = dict(data)
        expected = data.pop(ETAG_KEY, expected)
    try:
        payload = json_codec.dumps(data)
    except (TypeError, ValueError) as error:
        raise TypeError(f"SqlStorage.write(): value for {key!r} cannot be stored: {error}") from error
    return _Change(key=key, payload=payload, expected_etag=expected)


def _item(target_cls: type[StoreItemT], value: str, etag: str) -> StoreItemT:
    data = json_codec.loads(value)
    if isinstance(data, dict):
        data[ETAG_KEY] = etag
    return cast(StoreItemT, target_cls.from_json_to_store_item(data))


# CachedAgentState is the SDK's internal state holder: docs/performance.md (A11).
def _give_back_etag(value: StoreItem | Mapping[str, Any], etag: str) -> None:
    if isinstance(value, CachedAgentState):
        cast(dict[str, Any], value.state)[ETAG_KEY] = etag
    elif isinstance(value, dict):
        value[ETAG_KEY] = etag
    elif hasattr(value, ETAG_KEY):
        setattr(value, ETAG_KEY, etag)
