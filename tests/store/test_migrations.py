"""Migrations against the models, on SQLite and PostgreSQL.

An empty database upgraded to head must equal ``schema.metadata``, the one MetaData that holds
every table: Alembic's autogenerate comparison (types, nullability, server defaults, indexes,
unique keys) finds nothing, every table exists, and the CHECK constraints that autogenerate does
not look at are there by name (on SQLite also by their SQL) and refuse what they should.

PostgreSQL variants are marked ``postgres`` and use a fresh schema (tests/conftest.py); they skip,
saying why, when WIJKWIJZER_TEST_POSTGRES_URL does not answer.
"""

from __future__ import annotations

import ast
import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import CheckConstraint, Connection, delete, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from wijkwijzer.store.database import (
    COMPARE_OPTIONS,
    MIGRATIONS_DIR,
    alembic_config,
    create_engine,
    default_sqlite_url,
    dispose,
    migrate,
)
from wijkwijzer.store.roles import UserRole
from wijkwijzer.store.schema import INBOUND_STATES, inbound_work, invites, metadata, signals, turn_leases, users

from ..conftest import POSTGRES_URL, drop_schema, postgres_engine

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
async def empty(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An empty database: a new SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        engine = create_engine(default_sqlite_url(tmp_path / "leeg.sqlite"))
        yield engine
        await dispose(engine)
        return
    engine, schema = await postgres_engine()
    try:
        yield engine
    finally:
        await engine.dispose()
        await drop_schema(schema)


def differences(connection: Connection) -> list[Any]:
    """What autogenerate would write for this database: nothing, when it equals the models."""
    context = MigrationContext.configure(connection, opts=dict(COMPARE_OPTIONS))
    return compare_metadata(context, metadata)


def table_names(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def database_checks(connection: Connection) -> dict[str, dict[str, str]]:
    """Per table of the models: the database's CHECK constraints, name → SQL."""
    inspector = inspect(connection)
    return {table: {check["name"]: check["sqltext"] for check in inspector.get_check_constraints(table)}
            for table in metadata.tables}


def model_checks() -> dict[str, dict[str, str]]:
    return {name: {str(c.name): str(c.sqltext) for c in table.constraints if isinstance(c, CheckConstraint)}
            for name, table in metadata.tables.items()}


async def run_alembic(engine: AsyncEngine, action: Callable[[Connection], None]) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(action)


def upgrade_to(revision: str) -> Callable[[Connection], None]:
    return lambda sync: command.upgrade(alembic_config(sync), revision)


def downgrade_to(revision: str) -> Callable[[Connection], None]:
    return lambda sync: command.downgrade(alembic_config(sync), revision)


async def assert_equals_the_models(engine: AsyncEngine) -> None:
    await run_alembic(engine, lambda sync: command.check(alembic_config(sync)))  # autogenerate through env.py
    async with engine.connect() as conn:
        assert await conn.run_sync(differences) == []
        assert await conn.run_sync(table_names) == set(metadata.tables) | {"alembic_version"}
        found, wanted = await conn.run_sync(database_checks), model_checks()
        assert {t: set(checks) for t, checks in found.items()} == {t: set(checks) for t, checks in wanted.items()}
        if engine.dialect.name == "sqlite":  # PostgreSQL rewrites the SQL (= ANY (ARRAY[…])); see the behaviour tests
            assert found == wanted


def invite_row(role: str, selector: str = "K7P") -> dict[str, Any]:
    return {"selector": selector, "code_hash": "0" * 64, "role": role, "school": None, "wijk": "W1",
            "created_by": "test", "created_at": NOW, "expires_at": NOW + timedelta(days=7)}


def user_row(role: str, user_id: str) -> dict[str, Any]:
    return {"user_id": user_id, "channel": "teams", "role": role, "registered_at": NOW, "registered_via": "test"}


# --- the database equals the models ----------------------------------------------------------


def test_the_models_hold_every_table_of_every_migration():
    created: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "create_table":
                created.add(ast.literal_eval(node.args[0]))
    assert created == set(metadata.tables)
    assert len(metadata.tables) == 19


async def test_an_empty_database_upgraded_to_head_equals_the_models(empty: AsyncEngine):
    async with empty.connect() as conn:
        assert await conn.run_sync(table_names) == set()
    await migrate(empty)
    await assert_equals_the_models(empty)
    async with empty.connect() as conn:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert await conn.scalar(text("select version_num from alembic_version")) == head


async def test_migrations_are_idempotent(engine: AsyncEngine):
    await migrate(engine)
    await migrate(engine)
    await assert_equals_the_models(engine)


async def test_every_migration_goes_down_to_an_empty_database_and_up_again(empty: AsyncEngine):
    await migrate(empty)
    await run_alembic(empty, downgrade_to("base"))
    async with empty.connect() as conn:
        assert await conn.run_sync(table_names) == {"alembic_version"}
    await migrate(empty)
    await assert_equals_the_models(empty)


def test_one_line_of_revisions_that_never_import_the_models():
    """Revisions are frozen snapshots: a later change of the models must not rewrite history."""
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert [r.revision for r in script.walk_revisions("base", "heads")][::-1] == ["0001", "0002", "0003", "0004",
                                                                                  "0005", "0006", "0007", "0008"]
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert not any(name.startswith("wijkwijzer") for name in imported), path.name


# --- CHECK constraints: what autogenerate does not compare ------------------------------------


async def test_role_checks_take_every_user_role_and_refuse_others(engine: AsyncEngine):
    async with engine.begin() as conn:
        for number, role in enumerate(UserRole):
            await conn.execute(insert(users).values(**user_row(role.value, f"u-{number}")))
            await conn.execute(insert(invites).values(**invite_row(role.value)))
    for statement in (insert(users).values(**user_row("gast", "u-gast")), insert(invites).values(**invite_row("gast"))):
        with pytest.raises(IntegrityError):
            async with engine.begin() as conn:
                await conn.execute(statement)


async def test_0007_adds_inbound_work_with_its_state_check_and_turn_leases(empty: AsyncEngine):
    await run_alembic(empty, upgrade_to("0006"))
    async with empty.connect() as conn:
        assert not {"inbound_work", "turn_leases"} & await conn.run_sync(table_names)
    await run_alembic(empty, upgrade_to("0007"))
    row = {"message_id": "k" * 16, "sender": "p" * 16, "payload": "enc:v1:x", "received_at": NOW,
           "next_attempt_at": NOW}
    async with empty.begin() as conn:
        for number, state in enumerate(INBOUND_STATES):
            await conn.execute(insert(inbound_work).values(**{**row, "message_id": f"m{number}", "state": state}))
        await conn.execute(insert(turn_leases).values(key="whatsapp/conversations/p", holder="w", until=NOW))
        stored = (await conn.execute(select(inbound_work.c.sent, inbound_work.c.attempts))).all()
    assert stored == [(0, 0)] * len(INBOUND_STATES)
    with pytest.raises(IntegrityError):
        async with empty.begin() as conn:
            await conn.execute(insert(inbound_work).values(**{**row, "state": "lost"}))
    await run_alembic(empty, downgrade_to("0006"))
    async with empty.connect() as conn:
        assert not {"inbound_work", "turn_leases"} & await conn.run_sync(table_names)


async def test_0008_gives_signals_a_unique_source_and_keeps_the_signals(empty: AsyncEngine):
    await run_alembic(empty, upgrade_to("0007"))
    old = {"created_at": NOW, "thema": "armoede", "wijk": None, "urgency": "normaal", "text": "t",
           "reporter": "p" * 16, "channel": ""}
    async with empty.begin() as conn:
        for row in (old, {**old, "thema": "angst"}):  # the columns 0007 has
            await conn.execute(insert(signals).values(**row))
    await migrate(empty)
    async with empty.begin() as conn:
        assert (await conn.execute(select(signals.c.thema, signals.c.source).order_by(signals.c.id))).all() == [
            ("armoede", None), ("angst", None)]
        await conn.execute(insert(signals).values(**old, source="s" * 16))
    with pytest.raises(IntegrityError):
        async with empty.begin() as conn:
            await conn.execute(insert(signals).values(**old, source="s" * 16))
    await run_alembic(empty, downgrade_to("0007"))
    await migrate(empty)
    await assert_equals_the_models(empty)


async def test_0005_adds_the_invites_role_check_and_keeps_the_invites(empty: AsyncEngine):
    await run_alembic(empty, upgrade_to("0004"))
    async with empty.begin() as conn:
        await conn.execute(insert(invites).values(**invite_row("adviseur", "AAA")))
        await conn.execute(insert(invites).values(**invite_row("ib", "BBB")))
        before = (await conn.execute(select(invites).order_by(invites.c.id))).all()
    await migrate(empty)
    async with empty.connect() as conn:
        assert (await conn.execute(select(invites).order_by(invites.c.id))).all() == before
    with pytest.raises(IntegrityError):
        async with empty.begin() as conn:
            await conn.execute(insert(invites).values(**invite_row("gast")))
    await assert_equals_the_models(empty)

    await run_alembic(empty, downgrade_to("0004"))
    async with empty.begin() as conn:
        await conn.execute(insert(invites).values(**invite_row("gast")))
        await conn.execute(delete(invites).where(invites.c.role == "gast"))
        assert (await conn.execute(select(invites).order_by(invites.c.id))).all() == before


# --- migrating in practice --------------------------------------------------------------------


async def fresh_database_engines(backend: str, tmp_path: Path, count: int) -> tuple[list[AsyncEngine], str | None]:
    """``count`` engines (as separate workers have) on one empty database; the PostgreSQL schema to drop."""
    if backend == "sqlite":
        return [create_engine(None, sqlite_path=tmp_path / "nieuw.sqlite") for _ in range(count)], None
    first, schema = await postgres_engine()
    settings = {"server_settings": {"search_path": schema}}
    return [first] + [create_async_engine(POSTGRES_URL, connect_args=settings) for _ in range(count - 1)], schema


@pytest.mark.parametrize("backend", BACKENDS)
async def test_workers_starting_together_migrate_once(backend: str, tmp_path: Path):
    engines, schema = await fresh_database_engines(backend, tmp_path, 4)
    try:
        await asyncio.gather(*(migrate(engine) for engine in engines))
        await assert_equals_the_models(engines[0])
    finally:
        for engine in engines:
            await engine.dispose()
        if schema:
            await drop_schema(schema)


async def test_migrate_accepts_a_url_and_sqlite_runs_in_wal_mode(tmp_path: Path):
    url = default_sqlite_url(tmp_path / "sub dir" / "w?w.sqlite")
    (tmp_path / "sub dir").mkdir()
    await migrate(url)
    await migrate(url)
    engine = create_engine(None, sqlite_path=tmp_path / "sub dir" / "w?w.sqlite")
    try:
        async with engine.connect() as conn:
            assert await conn.scalar(text("PRAGMA journal_mode")) == "wal"
            assert await conn.scalar(text("PRAGMA busy_timeout")) == 5000
            assert await conn.scalar(text("select count(*) from state")) == 0
    finally:
        await engine.dispose()
