"""One turn at a time per conversation (store/turn_leases.py), on SQLite and PostgreSQL. Across
processes it is tested with real servers in tests/reliability/test_one_turn_at_a_time.py."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from tests.conftest import drop_schema, postgres_engine
from wijkwijzer.store.database import migrate
from wijkwijzer.store.schema import turn_leases
from wijkwijzer.store.turn_leases import TurnLeases


async def test_turns_of_one_conversation_never_overlap_and_others_do_not_wait(engine):
    leases = TurnLeases(engine)
    inside: list[str] = []
    overlaps = 0

    async def turn(key: str) -> None:
        nonlocal overlaps
        async with leases.hold(key):
            if key in inside:
                overlaps += 1
            inside.append(key)
            await asyncio.sleep(0.005)
            inside.remove(key)

    await asyncio.gather(*(turn(f"msteams/conversations/{n % 3}") for n in range(30)))
    assert overlaps == 0 and inside == []


@pytest.mark.postgres
async def test_a_dead_holder_is_waited_for_until_its_lease_ran_out():
    engine, schema = await postgres_engine()
    try:
        await migrate(engine)
        now = datetime.now(UTC)
        async with engine.begin() as conn:
            await conn.execute(insert(turn_leases), [
                {"key": "dead-long-ago", "holder": "gone", "until": now - timedelta(seconds=1)},
                {"key": "dead-just-now", "holder": "gone", "until": now + timedelta(seconds=0.6)}])
        leases = TurnLeases(engine, lease=timedelta(seconds=5))
        started = asyncio.get_running_loop().time()
        async with leases.hold("dead-long-ago"):
            assert asyncio.get_running_loop().time() - started < 0.3
        async with leases.hold("dead-just-now"):
            waited = asyncio.get_running_loop().time() - started
        assert 0.4 < waited < 3
    finally:
        await engine.dispose()
        await drop_schema(schema)
