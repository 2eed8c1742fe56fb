"""The SDK Storage on SQLAlchemy, engines and the signal store — on SQLite and PostgreSQL.

The ``engine`` fixture (tests/conftest.py) gives a migrated SQLite file and a fresh PostgreSQL
schema per test; the PostgreSQL variant is marked ``postgres`` and skips, saying why, when
WIJKWIJZER_TEST_POSTGRES_URL does not answer. Migrations are tested in test_migrations.py.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
)
from microsoft_agents.hosting.core import ChannelAdapter, ConversationState, MessageFactory, TurnContext, UserState
from microsoft_agents.hosting.core.storage import StoreItem
from microsoft_agents.hosting.core.storage.error_handling import ignore_error, is_status_code_error
from microsoft_agents.hosting.dialogs import (
    DialogSet,
    DialogTurnStatus,
    PromptOptions,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from sqlalchemy import Connection, bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from wijkwijzer.store import database
from wijkwijzer.store.database import (
    async_url,
    create_engine,
    default_sqlite_url,
    dispose,
    migrate,
    point_read,
    point_reads,
    write_transaction,
)
from wijkwijzer.store.json_codec import dumps, loads
from wijkwijzer.store.people import People, users
from wijkwijzer.store.retention import Retention, purge
from wijkwijzer.store.schema import state
from wijkwijzer.store.signals import NewSignal, SignalStore, pseudonymize
from wijkwijzer.store.sql_storage import EtagConflictError, SqlStorage

SECRET = "test-secret"
CONVERSATION_KEY = "test/conversations/gesprek-1"


class Counter(StoreItem):
    """A StoreItem that keeps its eTag as an attribute and in its JSON."""

    def __init__(self, count: int = 0, e_tag: str | None = None) -> None:
        self.count = count
        self.e_tag = e_tag

    def store_item_to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"count": self.count}
        if self.e_tag:
            data["e_tag"] = self.e_tag
        return data

    @staticmethod
    def from_json_to_store_item(json_data: dict[str, Any]) -> Counter:
        return Counter(json_data["count"], json_data.get("e_tag"))


class Raw(StoreItem):
    """Any JSON as is (like the SDK's storage test items)."""

    def __init__(self, data: Any) -> None:
        self.data = data

    def store_item_to_json(self) -> Any:
        return self.data

    @staticmethod
    def from_json_to_store_item(json_data: Any) -> Raw:
        return Raw(json_data)


async def read_one(storage: SqlStorage, key: str, cls: type[StoreItem] = Counter) -> Any:
    return (await storage.read([key], target_cls=cls))[key]


# --- Storage contract -------------------------------------------------------------------------


async def test_missing_keys_are_absent_from_the_result(engine):
    storage = SqlStorage(engine)
    await storage.write({"er": Counter(1)})
    assert await storage.read(["nope"], target_cls=Counter) == {}
    assert list(await storage.read(["nope", "er", "ook-niet"], target_cls=Counter)) == ["er"]


async def test_store_items_round_trip_with_an_etag(engine):
    storage = SqlStorage(engine)
    await storage.write({"a": Counter(3)})
    item = await read_one(storage, "a")
    assert item.count == 3
    assert len(item.e_tag) == 32


async def test_dicts_and_other_json_round_trip(engine):
    storage = SqlStorage(engine)
    awkward = "Ypenbúrg ë 😀 \x00 \ud800 '; DROP TABLE state;--"
    await storage.write({"d": {"naam": awkward, "lijst": [1, 2.5, None, True]}, "l": Raw(["x", {"y": 1}])})
    assert (await read_one(storage, "d", Raw)).data["naam"] == awkward
    assert (await read_one(storage, "l", Raw)).data == ["x", {"y": 1}]


async def test_stored_value_is_plain_json_without_the_etag(engine):
    storage = SqlStorage(engine)
    await storage.write({"a": Counter(7, "*")})
    async with engine.connect() as conn:
        value = await conn.scalar(select(state.c.value).where(state.c.key == "a"))
    assert json.loads(value) == {"count": 7}


async def test_delete_ignores_missing_keys_and_takes_any_iterable(engine):
    storage = SqlStorage(engine)
    await storage.write({"a": Counter(1), "b": Counter(2)})
    await storage.delete(["a", "missing"])
    await storage.delete({"b"})
    assert await storage.read(["a", "b"], target_cls=Counter) == {}


async def test_bad_arguments_are_refused_like_the_sdk(engine):
    storage = SqlStorage(engine)
    calls = (
        storage.read([], target_cls=Counter),
        storage.read(None, target_cls=Counter),
        storage.read([""], target_cls=Counter),
        storage.read(["a"], target_cls=None),
        storage.read(["x" * 513], target_cls=Counter),
        storage.write({}),
        storage.write(None),
        storage.write({"": Counter(1)}),
        storage.delete([]),
        storage.delete([""]),
    )
    for call in calls:
        with pytest.raises(ValueError):
            await call


async def test_values_that_are_not_json_are_refused_and_nothing_is_written(engine):
    storage = SqlStorage(engine)
    with pytest.raises(TypeError, match="cannot be stored"):
        await storage.write({"ok": {"n": 1}, "bad": {"ding": object()}})
    with pytest.raises(TypeError, match="not a StoreItem"):
        await storage.write({"bad": 42})
    assert await storage.read(["ok", "bad"], target_cls=Raw) == {}


# --- eTags ------------------------------------------------------------------------------------


async def test_a_stale_etag_conflicts_and_the_first_write_is_kept(engine):
    storage = SqlStorage(engine)
    await storage.write({"k": Counter(0)})
    first = await read_one(storage, "k")
    second = await read_one(storage, "k")
    first.count = 1
    await storage.write({"k": first})
    second.count = 2
    with pytest.raises(EtagConflictError) as conflict:
        await storage.write({"k": second})
    assert conflict.value.key == "k"
    assert (await read_one(storage, "k")).count == 1


async def test_the_conflict_is_a_412_for_the_sdk_error_filters(engine):
    storage = SqlStorage(engine)
    await storage.write({"k": Counter(0)})
    stale = await read_one(storage, "k")
    await storage.write({"k": Counter(5)})
    assert await ignore_error(storage.write({"k": stale}), is_status_code_error(412)) is None


async def test_a_dict_etag_is_checked_too(engine):
    storage = SqlStorage(engine)
    await storage.write({"d": {"n": 1}})
    loaded = (await read_one(storage, "d", Raw)).data
    await storage.write({"d": {"n": 2}})
    with pytest.raises(EtagConflictError):
        await storage.write({"d": loaded})


async def test_writing_a_deleted_key_with_its_old_etag_conflicts(engine):
    storage = SqlStorage(engine)
    await storage.write({"k": Counter(1)})
    loaded = await read_one(storage, "k")
    await storage.delete(["k"])
    with pytest.raises(EtagConflictError):
        await storage.write({"k": loaded})
    assert await storage.read(["k"], target_cls=Counter) == {}


async def test_wildcard_or_no_etag_is_last_write_wins(engine):
    storage = SqlStorage(engine)
    await storage.write({"k": Counter(1)})
    await storage.write({"k": Counter(2, "*")})
    assert (await read_one(storage, "k")).count == 2
    await storage.write({"k": Counter(3)})
    assert (await read_one(storage, "k")).count == 3


async def test_every_write_gives_a_new_etag_back_to_the_item(engine):
    storage = SqlStorage(engine)
    item = Counter(1)
    await storage.write({"k": item})
    first_etag = item.e_tag
    item.count = 2
    await storage.write({"k": item})
    assert item.e_tag != first_etag
    assert (await read_one(storage, "k")).e_tag == item.e_tag
    as_dict: dict[str, Any] = {"n": 1}
    await storage.write({"d": as_dict})
    assert as_dict["e_tag"] == (await read_one(storage, "d", Raw)).data["e_tag"]


async def test_a_write_with_one_conflict_writes_no_key(engine):
    storage = SqlStorage(engine)
    await storage.write({"a": Counter(1), "b": Counter(1)})
    stale_b = await read_one(storage, "b")
    await storage.write({"b": Counter(2)})
    with pytest.raises(EtagConflictError):
        await storage.write({"a": Counter(99), "b": stale_b})
    assert (await read_one(storage, "a")).count == 1


async def twin_engine(engine: AsyncEngine) -> AsyncEngine:
    """A second engine (own pool, own connections) on the same database, as another worker has."""
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "sqlite":
        return create_engine(url)
    async with engine.connect() as conn:
        schema = await conn.scalar(text("select current_schema()"))
    return create_async_engine(url, connect_args={"server_settings": {"search_path": schema}})


async def test_concurrent_read_modify_write_loses_no_update(engine):
    other = await twin_engine(engine)
    workers = [SqlStorage(engine), SqlStorage(other)]
    await workers[0].write({"n": Counter(0)})
    conflicts = 0

    async def increment(storage: SqlStorage) -> None:
        nonlocal conflicts
        while True:
            item = await read_one(storage, "n")
            await asyncio.sleep(0)  # a turn does its work between loading and saving: others run
            item.count += 1
            try:
                await storage.write({"n": item})
                return
            except EtagConflictError:
                conflicts += 1

    try:
        await asyncio.gather(*(increment(workers[i % 2]) for i in range(24)))
    finally:
        await other.dispose()
    assert (await read_one(workers[0], "n")).count == 24
    assert conflicts > 0



async def test_a_read_sees_what_another_worker_wrote_a_moment_ago(engine):
    other = await twin_engine(engine)
    mine, theirs = SqlStorage(engine), SqlStorage(other)
    try:
        await mine.write({"n": Counter(1)})
        assert (await read_one(mine, "n")).count == 1
        await theirs.write({"n": Counter(2)})
        fresh = await read_one(mine, "n")
        assert fresh.count == 2
        assert fresh.e_tag == (await read_one(theirs, "n")).e_tag
        await theirs.delete(["n"])
        assert await mine.read(["n"], target_cls=Counter) == {}
    finally:
        await dispose(other)


async def test_sqlite_file_reads_are_answered_without_leaving_the_event_loop(tmp_path: Path):
    """The per-turn reads on a SQLite file run inline (PointReads): nothing else gets the loop
    in between, so no hop to a database thread and back."""
    engine = create_engine(default_sqlite_url(tmp_path / "inline.sqlite"))
    await migrate(engine)
    storage = SqlStorage(engine)
    await storage.write({"n": Counter(7)})
    others_ran: list[bool] = []
    asyncio.get_running_loop().call_soon(others_ran.append, True)
    try:
        assert (await read_one(storage, "n")).count == 7
        assert others_ran == []
    finally:
        await dispose(engine)


async def test_sqlite_file_writes_are_done_without_leaving_the_event_loop(tmp_path: Path):
    """Writing one key (what every turn's state save does) runs inline too (PointReads.write):
    nothing else gets the loop in between, and the next read sees it."""
    engine = create_engine(default_sqlite_url(tmp_path / "inline.sqlite"))
    await migrate(engine)
    storage = SqlStorage(engine)
    await storage.write({"n": Counter(7)})
    item = await read_one(storage, "n")
    item.count = 8
    others_ran: list[bool] = []
    asyncio.get_running_loop().call_soon(others_ran.append, True)
    try:
        await storage.write({"n": item})
        assert others_ran == []
        assert (await read_one(storage, "n")).count == 8
    finally:
        await dispose(engine)


async def test_a_write_waits_for_another_connections_lock_without_blocking_the_loop(tmp_path: Path):
    """While another connection (a CLI command, another process) holds SQLite's write lock, the
    inline write waits with the event loop free, and then writes."""
    path = tmp_path / "locked.sqlite"
    engine = create_engine(default_sqlite_url(path))
    await migrate(engine)
    storage = SqlStorage(engine)
    await storage.write({"n": Counter(1)})
    item = await read_one(storage, "n")
    item.count = 2
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    ticking = asyncio.create_task(ticker())
    try:
        writing = asyncio.create_task(storage.write({"n": item}))
        await asyncio.sleep(0.2)
        assert not writing.done()
        ticked_while_locked = ticks
        other.execute("COMMIT")
        await asyncio.wait_for(writing, 2)
        assert ticked_while_locked >= 10
        assert (await read_one(storage, "n")).count == 2
    finally:
        ticking.cancel()
        other.close()
        await dispose(engine)


async def test_a_write_locked_out_longer_than_the_busy_timeout_fails_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 150)
    path = tmp_path / "locked.sqlite"
    engine = create_engine(default_sqlite_url(path))
    await migrate(engine)
    storage = SqlStorage(engine)
    await storage.write({"n": Counter(1)})
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await storage.write({"n": Counter(5)})
        other.execute("ROLLBACK")
        assert (await read_one(storage, "n")).count == 1
    finally:
        other.close()
        await dispose(engine)


async def test_a_write_transaction_runs_inline_and_rolls_back_on_error(tmp_path: Path):
    """write_transaction on a SQLite file: all of ``work`` or nothing, without leaving the loop."""
    path = tmp_path / "tx.sqlite"
    engine = create_engine(default_sqlite_url(path))
    await migrate(engine)
    row = {"key": "k", "etag": "e", "value": "{}", "updated_at": datetime.now(UTC)}

    def two_rows(conn: Connection) -> int:
        conn.execute(state.insert().values(**row))
        return conn.execute(state.insert().values(**{**row, "key": "k2"})).rowcount

    def half_then_fail(conn: Connection) -> None:
        conn.execute(state.insert().values(**{**row, "key": "k3"}))
        raise RuntimeError("work failed")

    others_ran: list[bool] = []
    asyncio.get_running_loop().call_soon(others_ran.append, True)
    try:
        assert await write_transaction(engine, two_rows) == 1
        assert others_ran == []
        with pytest.raises(RuntimeError):
            await write_transaction(engine, half_then_fail)
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        waiting = asyncio.create_task(write_transaction(engine, lambda conn: conn.execute(
            state.delete().where(state.c.key == "k2")).rowcount))
        await asyncio.sleep(0.1)
        assert not waiting.done()
        other.execute("COMMIT")
        other.close()
        assert await asyncio.wait_for(waiting, 2) == 1
        async with engine.connect() as conn:
            assert (await conn.execute(select(state.c.key))).scalars().all() == ["k"]
    finally:
        await dispose(engine)


async def test_point_reads_give_the_rows_sqlalchemy_gives(engine):
    """A point read (plain sqlite3 on a SQLite file) returns the same values, with the same types,
    as the statement run through SQLAlchemy: aware UTC datetimes, booleans, NULLs."""
    registered = datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=UTC)
    people = People(engine, SECRET, clock=lambda: registered)
    await people.register(user_id="u-1", channel="whatsapp", role="ib", via="invite", address="31612345678",
                          wijk="Den Haag: Ypenburg", onboarded=False)
    statement = select(users).where(users.c.user_id == bindparam("user_id"))
    async with engine.connect() as conn:
        expected = (await conn.execute(statement, {"user_id": "u-1"})).one()._mapping
    found = await point_reads(engine).rows(point_read(statement), {"user_id": "u-1"})
    assert [dict(row._mapping) for row in found] == [dict(expected)]
    assert found[0].registered_at == registered and found[0].onboarded is False and found[0].school is None
    assert await point_reads(engine).rows(point_read(statement), {"user_id": "someone else"}) == []


def test_point_reads_refuse_statements_sqlalchemy_rewrites_at_execution():
    with pytest.raises(ValueError, match="expanding"):
        point_read(select(state.c.key).where(state.c.key.in_(bindparam("keys", expanding=True))))


async def test_in_memory_sqlite_reads_through_its_one_connection():
    """A second connection to ``:memory:`` would open another, empty database: there the reads
    go through the async engine, and see what was written."""
    engine = create_engine("sqlite+aiosqlite://")
    await migrate(engine)
    storage = SqlStorage(engine)
    try:
        await storage.write({"n": Counter(3)})
        assert (await read_one(storage, "n")).count == 3
    finally:
        await dispose(engine)

# --- The SDK's state classes and dialogs ------------------------------------------------------


class RecordingAdapter(ChannelAdapter):
    """The smallest channel: records what the bot sends."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Activity] = []

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        self.sent.extend(activities)
        return [ResourceResponse(id=str(len(self.sent)))]

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        raise NotImplementedError("a recording adapter only sends")

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        raise NotImplementedError("a recording adapter only sends")


def turn_context(text: str, user: str = "u1") -> tuple[TurnContext, RecordingAdapter]:
    adapter = RecordingAdapter()
    activity = Activity(
        type=ActivityTypes.message,
        text=text,
        channel_id="test",
        conversation=ConversationAccount(id="gesprek-1"),
        from_property=ChannelAccount(id=user),
        recipient=ChannelAccount(id="bot"),
        service_url="https://example.invalid",
    )
    return TurnContext(adapter, activity), adapter


async def ask_wijk(step: WaterfallStepContext):
    return await step.prompt("wijk", PromptOptions(prompt=MessageFactory.text("Welke wijk?")))


async def confirm_wijk(step: WaterfallStepContext):
    await step.context.send_activity(f"Wijk: {step.result}")
    return await step.end_dialog(step.result)


async def dialog_turn(storage: SqlStorage, text: str) -> list[str]:
    """One turn as a fresh worker runs it: new state objects, state only from storage."""
    context, adapter = turn_context(text)
    conversation = ConversationState(storage)
    dialogs = DialogSet(conversation.create_property("DialogState"))
    dialogs.add(TextPrompt("wijk"))
    dialogs.add(WaterfallDialog("vraag", [ask_wijk, confirm_wijk]))
    await conversation.load(context)
    dc = await dialogs.create_context(context)
    if (await dc.continue_dialog()).status == DialogTurnStatus.Empty:
        await dc.begin_dialog("vraag")
    await conversation.save(context)
    return [activity.text for activity in adapter.sent]


async def test_a_waterfall_with_a_text_prompt_continues_across_turns(engine):
    storage = SqlStorage(engine)
    assert await dialog_turn(storage, "hoi") == ["Welke wijk?"]
    async with engine.connect() as conn:
        stored = json.loads(await conn.scalar(select(state.c.value).where(state.c.key == CONVERSATION_KEY)))
    assert stored["DialogState"]["$type"] == "DialogState"
    assert await dialog_turn(storage, "Ypenburg") == ["Wijk: Ypenburg"]
    assert await dialog_turn(storage, "opnieuw") == ["Welke wijk?"]


async def test_two_workers_on_one_conversation_conflict_instead_of_losing_a_turn(engine):
    storage = SqlStorage(engine)
    await dialog_turn(storage, "hoi")
    first, _ = turn_context("Ypenburg")
    second, _ = turn_context("Centrum")
    states = [ConversationState(storage), ConversationState(storage)]
    for conversation, context in zip(states, (first, second), strict=True):
        await conversation.load(context)
        await conversation.create_property("laatste").set(context, context.activity.text)
    await states[0].save(first)
    with pytest.raises(EtagConflictError):
        await states[1].save(second)


async def test_saving_twice_in_one_turn_does_not_conflict_with_itself(engine):
    storage = SqlStorage(engine)
    context, _ = turn_context("hoi")
    conversation = ConversationState(storage)
    await conversation.load(context)
    visits = conversation.create_property("bezoeken")
    await visits.set(context, 1)
    await conversation.save(context)
    await visits.set(context, 2)
    await conversation.save(context)
    again, _ = turn_context("weer")
    fresh = ConversationState(storage)
    await fresh.load(again)
    assert await fresh.create_property("bezoeken").get(again) == 2


async def test_user_state_round_trips(engine):
    storage = SqlStorage(engine)
    context, _ = turn_context("hoi", user="29:teams-user")
    users = UserState(storage)
    await users.load(context)
    await users.create_property("profiel").set(context, {"rol": "ib", "sinds": datetime(2025, 1, 2, tzinfo=UTC)})
    await users.save(context)
    later, _ = turn_context("weer", user="29:teams-user")
    fresh = UserState(storage)
    await fresh.load(later)
    assert await fresh.create_property("profiel").get(later) == {"rol": "ib", "sinds": datetime(2025, 1, 2, tzinfo=UTC)}


def test_codec_leaves_unknown_tags_as_data_and_refuses_unknown_objects():
    assert loads('{"$type": "os.system", "arg": "rm"}') == {"$type": "os.system", "arg": "rm"}
    assert loads('{"$type": "activity.BaseModel", "data": {}}') == {"$type": "activity.BaseModel", "data": {}}
    with pytest.raises(TypeError, match="cannot be stored"):
        dumps({"x": {1, 2}})


def test_codec_reads_back_what_it_wrote_from_text_or_bytes():
    value = {"when": datetime(2025, 1, 2, 3, 4, tzinfo=UTC), "naam": "Zoë \u0000", "n": [1, 2.5, None, True]}
    text = dumps(value)
    assert text.isascii()
    assert loads(text) == value == loads(text.encode())


# --- Engines ----------------------------------------------------------------------------------


def test_create_engine_needs_a_url_or_a_path():
    with pytest.raises(ValueError):
        create_engine(None)


def test_database_urls_people_write_are_accepted():
    assert async_url("postgres://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert async_url("postgresql://u:p%40ss@h:5432/db") == "postgresql+asyncpg://u:p%40ss@h:5432/db"
    assert async_url("postgresql://u@h/db?sslmode=require") == "postgresql+asyncpg://u@h/db?ssl=require"
    assert async_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert default_sqlite_url(Path("/data/ww.sqlite")) == "sqlite+aiosqlite:////data/ww.sqlite"


# --- Signals ----------------------------------------------------------------------------------


def signal(when: datetime, wijk: str | None, thema: str, urgency: str = "normaal") -> NewSignal:
    return NewSignal(
        created_at=when, thema=thema, wijk=wijk, urgency=urgency, text="t", reporter=pseudonymize("u", SECRET)
    )


async def test_signals_are_aggregated_per_wijk_and_thema_and_purged(engine):
    store = SignalStore(engine)
    now = datetime.now(UTC)
    ids = [
        await store.add(item)
        for item in (
            signal(now, "Den Haag: Ypenburg", "angst_depressie", "hoog"),
            signal(now - timedelta(days=2), "Den Haag: Ypenburg", "angst_depressie"),
            signal(now, None, "armoede", "hoog"),
            signal(now, "Den Haag: Centrum", "armoede"),
            signal(now - timedelta(days=400), "Den Haag: Centrum", "armoede", "laag"),
        )
    ]
    assert len(set(ids)) == 5
    assert [(c.wijk, c.thema, c.count, c.hoog) for c in await store.aggregate()] == [
        ("Den Haag: Centrum", "armoede", 2, 0),
        ("Den Haag: Ypenburg", "angst_depressie", 2, 1),
        (None, "armoede", 1, 1),
    ]
    recent = await store.aggregate(since=now - timedelta(days=1))
    assert [(c.wijk, c.count) for c in recent] == [("Den Haag: Centrum", 1), ("Den Haag: Ypenburg", 1), (None, 1)]
    assert (await purge(engine, Retention(), now))["signals"] == 1
    assert (await purge(engine, Retention(), now))["signals"] == 0
    assert sum(c.count for c in await store.aggregate()) == 4


async def test_signal_times_come_back_as_utc(engine):
    store = SignalStore(engine)
    amsterdam = datetime(2025, 6, 1, 12, 0, tzinfo=UTC).astimezone()
    await store.add(signal(amsterdam, "Den Haag: Ypenburg", "armoede"))
    one_day = Retention(signal_days=1)
    assert (await purge(engine, one_day, datetime(2025, 6, 2, 11, 59, tzinfo=UTC)))["signals"] == 0
    assert (await purge(engine, one_day, datetime(2025, 6, 2, 12, 1, tzinfo=UTC)))["signals"] == 1


async def test_a_second_signal_of_the_same_message_is_not_stored(engine):
    """A turn run again for one message (its process died before the turn was marked done)
    saves its signal once; other messages' signals, and signals without a message, all count."""
    store = SignalStore(engine)
    now = datetime.now(UTC)
    message = pseudonymize("whatsapp/p-1/wamid-1", SECRET)
    first = await store.add(dataclasses.replace(signal(now, "Den Haag: Ypenburg", "armoede"), source=message))
    again = await store.add(dataclasses.replace(signal(now, "Den Haag: Ypenburg", "armoede"), source=message))
    other = await store.add(dataclasses.replace(signal(now, "Den Haag: Ypenburg", "armoede"),
                                                source=pseudonymize("whatsapp/p-1/wamid-2", SECRET)))
    await store.add(signal(now, "Den Haag: Ypenburg", "armoede"))
    await store.add(signal(now, "Den Haag: Ypenburg", "armoede"))
    assert again == first != other
    assert [c.count for c in await store.aggregate()] == [4]
    with pytest.raises(ValueError, match="keyed hash"):
        dataclasses.replace(signal(now, None, "armoede"), source="wamid.HBgLMzE2MTIzNDU2Nzg")


def test_signals_refuse_raw_ids_unknown_urgency_and_naive_times():
    now = datetime.now(UTC)
    with pytest.raises(ValueError, match="pseudonym"):
        NewSignal(created_at=now, thema="armoede", wijk=None, urgency="hoog", text="t", reporter="29:1abc-user")
    with pytest.raises(ValueError, match="urgency"):
        signal(now, None, "armoede", urgency="spoed")
    with pytest.raises(ValueError, match="aware"):
        signal(datetime.now(), None, "armoede")


def test_pseudonyms_are_stable_keyed_and_not_the_id():
    first = pseudonymize("29:1abc-teams-user", SECRET)
    assert first == pseudonymize("29:1abc-teams-user", SECRET)
    assert first != pseudonymize("29:1abc-teams-user", "other-secret")
    assert first != pseudonymize("29:1abc-teams-user2", SECRET)
    assert len(first) == 16 and int(first, 16) >= 0
    assert "teams" not in first
    with pytest.raises(ValueError):
        pseudonymize("29:1abc-teams-user", "")

