"""The pseudonym key never lives in the database it protects."""

from __future__ import annotations

import stat

import pytest
from sqlalchemy import insert, select

from tests.conftest import drop_schema, postgres_engine
from wijkwijzer.app.secrets import KEY_FILE, PseudonymKeyError, pseudonym_key
from wijkwijzer.store.database import create_engine, default_sqlite_url, dispose, migrate
from wijkwijzer.store.schema import app_secrets


async def test_the_embedded_default_keeps_the_key_in_a_0600_file_not_in_the_database(tmp_path):
    engine = create_engine(default_sqlite_url(tmp_path / "db.sqlite"))
    await migrate(engine)
    try:
        first = await pseudonym_key(None, tmp_path, engine)
        assert await pseudonym_key(None, tmp_path, engine) == first
        assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600
        async with engine.connect() as conn:
            assert (await conn.execute(select(app_secrets))).all() == []
    finally:
        await dispose(engine)


async def test_a_key_an_older_version_kept_in_the_database_moves_to_the_file(tmp_path):
    engine = create_engine(default_sqlite_url(tmp_path / "db.sqlite"))
    await migrate(engine)
    try:
        async with engine.begin() as conn:
            await conn.execute(insert(app_secrets).values(name="pseudonym", value="k" * 64))
        assert await pseudonym_key(None, tmp_path, engine) == "k" * 64
        async with engine.connect() as conn:
            assert (await conn.execute(select(app_secrets))).all() == []
        assert (tmp_path / KEY_FILE).read_text().strip() == "k" * 64
    finally:
        await dispose(engine)


async def test_a_readable_key_file_is_refused(tmp_path):
    engine = create_engine(default_sqlite_url(tmp_path / "db.sqlite"))
    await migrate(engine)
    try:
        await pseudonym_key(None, tmp_path, engine)
        (tmp_path / KEY_FILE).chmod(0o644)
        with pytest.raises(PseudonymKeyError, match="chmod 600"):
            await pseudonym_key(None, tmp_path, engine)
    finally:
        await dispose(engine)


@pytest.mark.postgres
async def test_postgresql_needs_a_configured_key(tmp_path):
    engine, schema = await postgres_engine()
    try:
        await migrate(engine)
        with pytest.raises(PseudonymKeyError, match="WIJKWIJZER_PSEUDONYM_SECRET"):
            await pseudonym_key(None, tmp_path, engine)
        assert await pseudonym_key("s" * 32, tmp_path, engine) == "s" * 32
    finally:
        await engine.dispose()
        await drop_schema(schema)
