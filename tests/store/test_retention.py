"""Retention: everything that holds or points to a person goes after its period, on SQLite and
PostgreSQL, and a running server applies it on its own schedule."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from aiohttp.test_utils import TestServer
from sqlalchemy import func, insert, select

from wijkwijzer.app.server import RUNTIME, create_app
from wijkwijzer.app.settings import Settings
from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.inbound import InboundWork, NewInbound
from wijkwijzer.store.retention import Retention, purge
from wijkwijzer.store.schema import (
    audit_log,
    inbound_messages,
    inbound_work,
    invite_failures,
    state,
    turn_leases,
    users,
)

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)


async def _state(conn, key: str, age: timedelta) -> None:
    await conn.execute(insert(state).values(key=key, etag="1", value="{}", updated_at=NOW - age))


async def test_each_kind_of_row_goes_after_its_own_period(engine):
    async with engine.begin() as conn:
        await conn.execute(insert(users).values(user_id="registered", channel="whatsapp", role="ib",
                                                registered_at=NOW, registered_via="test"))
        await _state(conn, "whatsapp/conversations/registered", timedelta(days=30))
        await _state(conn, "whatsapp/conversations/stranger", timedelta(days=30))
        await _state(conn, "whatsapp/conversations/new-stranger", timedelta(days=1))
        await _state(conn, "msteams/conversations/a:old", timedelta(days=100))
        await conn.execute(insert(inbound_messages).values(message_id="old", received_at=NOW - timedelta(days=20)))
        await conn.execute(insert(inbound_messages).values(message_id="new", received_at=NOW - timedelta(days=2)))
        await conn.execute(insert(audit_log).values(at=NOW - timedelta(days=800), actor="a", action="x", subject="s"))
        await conn.execute(insert(invite_failures).values(key="k", failures=2, last_failure_at=NOW - timedelta(days=2)))
    counts = await purge(engine, Retention(), NOW)
    assert (counts["state"], counts["inbound_messages"], counts["audit_log"], counts["invite_failures"]) == (2, 1, 1, 1)
    async with engine.connect() as conn:
        kept = sorted((await conn.execute(select(state.c.key))).scalars())
    assert kept == ["whatsapp/conversations/new-stranger", "whatsapp/conversations/registered"]


async def test_inbound_work_goes_after_a_day_and_turn_leases_a_day_after_they_ran_out(engine):
    work = InboundWork(engine, AddressCipher("retention-test"), clock=lambda: NOW - timedelta(days=2))
    await work.receive([NewInbound("old", "p1", {"from": "31600000001", "text": "smw ypenburg"})],
                       "w", timedelta(seconds=60))
    work.clock = lambda: NOW - timedelta(hours=2)
    await work.receive([NewInbound("new", "p2", {"from": "31600000002", "text": "jgz"})], "w", timedelta(seconds=60))
    async with engine.begin() as conn:
        await conn.execute(insert(turn_leases), [
            {"key": "whatsapp/conversations/p1", "holder": "h", "until": NOW - timedelta(days=2)},
            {"key": "whatsapp/conversations/p2", "holder": "h", "until": NOW - timedelta(minutes=1)}])
    counts = await purge(engine, Retention(), NOW)
    assert (counts["inbound_work"], counts["turn_leases"]) == (1, 1)
    async with engine.connect() as conn:
        assert (await conn.execute(select(inbound_work.c.message_id))).scalars().all() == ["new"]
        assert (await conn.execute(select(turn_leases.c.key))).scalars().all() == ["whatsapp/conversations/p2"]


async def test_a_running_server_applies_retention_on_its_schedule(tmp_path):
    settings = Settings(state_dir=tmp_path, pseudonym_secret="x" * 32, retention_interval_seconds=0.2,
                        outbox_worker=False)
    server = TestServer(await create_app(settings), host="127.0.0.1")
    await server.start_server()
    engine = server.app[RUNTIME].engine
    try:
        async with engine.begin() as conn:
            await _state(conn, "whatsapp/conversations/stranger", timedelta(days=30))
        left = 1
        for _ in range(50):
            async with engine.connect() as conn:
                left = (await conn.execute(select(func.count()).select_from(state))).scalar_one()
            if left == 0:
                break
            await asyncio.sleep(0.1)
        assert left == 0
    finally:
        await server.close()
