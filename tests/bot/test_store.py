"""The SDK Storage on SQLAlchemy and the signal store, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from microsoft_agents.hosting.core.storage import StoreItem

from wijkwijzer.bot.store.database import async_url, migrate
from wijkwijzer.bot.store.signals import NewSignal, SignalStore, pseudonymize
from wijkwijzer.bot.store.sql_storage import EtagConflictError, SqlStorage


class Counter(StoreItem):
    def __init__(self, count: int = 0, e_tag: str | None = None) -> None:
        self.count = count
        self.e_tag = e_tag

    def store_item_to_json(self) -> dict:
        data = {"count": self.count}
        if self.e_tag:
            data["e_tag"] = self.e_tag
        return data

    @staticmethod
    def from_json_to_store_item(json_data: dict) -> "Counter":
        return Counter(json_data["count"], json_data.get("e_tag"))


async def test_missing_keys_read_as_absent(engine):
    assert await SqlStorage(engine).read(["nope"], target_cls=Counter) == {}


async def test_round_trip_of_store_items_and_dicts(engine):
    storage = SqlStorage(engine)
    await storage.write({"a": Counter(3), "b": {"naam": "Ypenburg", "lijst": [1, 2]}})
    items = await storage.read(["a"], target_cls=Counter)
    assert items["a"].count == 3 and items["a"].e_tag
    raw = await storage.read(["b"])
    assert raw["b"]["naam"] == "Ypenburg" and raw["b"]["lijst"] == [1, 2]


async def test_delete(engine):
    storage = SqlStorage(engine)
    await storage.write({"a": Counter(1)})
    await storage.delete(["a", "missing"])
    assert await storage.read(["a"], target_cls=Counter) == {}


async def test_concurrent_write_is_detected_not_lost(engine):
    storage = SqlStorage(engine)
    await storage.write({"k": Counter(0)})
    first = (await storage.read(["k"], target_cls=Counter))["k"]
    second = (await storage.read(["k"], target_cls=Counter))["k"]
    first.count = 1
    await storage.write({"k": first})
    second.count = 2
    with pytest.raises(EtagConflictError):
        await storage.write({"k": second})
    assert (await storage.read(["k"], target_cls=Counter))["k"].count == 1


async def test_wildcard_and_missing_etag_write_last_wins(engine):
    storage = SqlStorage(engine)
    await storage.write({"k": Counter(1)})
    await storage.write({"k": Counter(2, "*")})
    await storage.write({"k": Counter(3)})
    assert (await storage.read(["k"], target_cls=Counter))["k"].count == 3


async def test_many_read_modify_write_turns_lose_no_update(engine):
    storage = SqlStorage(engine)
    await storage.write({"n": Counter(0)})

    async def increment() -> None:
        while True:
            item = (await storage.read(["n"], target_cls=Counter))["n"]
            item.count += 1
            try:
                await storage.write({"n": item})
                return
            except EtagConflictError:
                await asyncio.sleep(0)

    await asyncio.gather(*(increment() for _ in range(20)))
    assert (await storage.read(["n"], target_cls=Counter))["n"].count == 20


async def test_empty_key_lists_are_refused_like_the_sdk(engine):
    storage = SqlStorage(engine)
    for call in (storage.read([], target_cls=Counter), storage.write({}), storage.delete([])):
        with pytest.raises(ValueError):
            await call


async def test_migrations_are_idempotent(engine):
    await migrate(engine)
    await migrate(engine)
    assert await SqlStorage(engine).read(["x"], target_cls=Counter) == {}


async def test_signals_are_aggregated_and_purged(engine):
    store = SignalStore(engine)
    now = datetime.now(UTC)
    for wijk, thema, urgency, when in (
        ("Den Haag: Ypenburg", "angst_depressie", "hoog", now),
        ("Den Haag: Ypenburg", "angst_depressie", "normaal", now),
        ("Den Haag: Centrum", "armoede", "laag", now - timedelta(days=400)),
    ):
        await store.add(NewSignal(created_at=when, thema=thema, wijk=wijk, urgency=urgency, text="t", reporter="r"))
    counts = await store.aggregate()
    assert (counts[0].wijk, counts[0].thema, counts[0].count, counts[0].hoog) == ("Den Haag: Ypenburg", "angst_depressie", 2, 1)
    assert await store.purge_older_than(365) == 1
    assert [c.wijk for c in await store.aggregate()] == ["Den Haag: Ypenburg"]


def test_pseudonyms_are_stable_keyed_and_not_the_id():
    first = pseudonymize("29:1abc-teams-user", "secret")
    assert first == pseudonymize("29:1abc-teams-user", "secret")
    assert first != pseudonymize("29:1abc-teams-user", "other-secret")
    assert "teams" not in first and len(first) == 16


def test_database_urls_people_write_are_accepted():
    assert async_url("postgres://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert async_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert async_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
