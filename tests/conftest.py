"""Shared fixtures: databases. PostgreSQL tests run when it answers and say clearly when they skip."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from wijkwijzer.store.database import create_engine, default_sqlite_url, dispose, migrate, reachability_problem

POSTGRES_URL = os.environ.get("WIJKWIJZER_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


async def postgres_problem() -> str | None:
    return await reachability_problem(POSTGRES_URL, timeout=3)


async def require_postgres() -> None:
    """Skip the test, saying why and what to set, when PostgreSQL does not answer."""
    problem = await postgres_problem()
    if problem:
        pytest.skip(f"PostgreSQL antwoordt niet op {POSTGRES_URL} ({problem}); zet WIJKWIJZER_TEST_POSTGRES_URL")


async def postgres_engine() -> tuple[AsyncEngine, str]:
    """An engine whose tables live in a fresh schema, so reruns and other tests never collide."""
    await require_postgres()
    schema = f"ww_test_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(POSTGRES_URL)
    async with admin.begin() as conn:
        await conn.execute(text(f'create schema "{schema}"'))
    await admin.dispose()
    engine = create_async_engine(POSTGRES_URL, connect_args={"server_settings": {"search_path": schema}})
    return engine, schema


async def drop_schema(schema: str) -> None:
    admin = create_async_engine(POSTGRES_URL)
    async with admin.begin() as conn:
        await conn.execute(text(f'drop schema if exists "{schema}" cascade'))
    await admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def engine(request, tmp_path):
    """A migrated database: a SQLite file, and PostgreSQL at WIJKWIJZER_TEST_POSTGRES_URL."""
    if request.param == "sqlite":
        eng = create_engine(default_sqlite_url(tmp_path / "test.sqlite"))
        await migrate(eng)
        yield eng
        await dispose(eng)
        return
    eng, schema = await postgres_engine()
    await migrate(eng)
    yield eng
    await eng.dispose()
    await drop_schema(schema)
