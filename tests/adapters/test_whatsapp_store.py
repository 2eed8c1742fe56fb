"""WhatsApp bookkeeping in the database (migration 0003): inbound id dedupe and delivery statuses."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from wijkwijzer.store.retention import Retention, purge
from wijkwijzer.store.whatsapp_store import StatusUpdate, WhatsAppStore, inbound_messages

SENT_AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


async def test_an_id_is_claimed_once(engine):
    store = WhatsAppStore(engine)
    assert await store.claim(["wamid.A", "wamid.B", "wamid.A"]) == ["wamid.A", "wamid.B"]
    assert await store.claim(["wamid.B", "wamid.C"]) == ["wamid.C"]


async def test_concurrent_claims_of_one_id_let_exactly_one_through(engine):
    store = WhatsAppStore(engine)
    results = await asyncio.gather(*(store.claim(["wamid.RACE"]) for _ in range(5)))
    assert sorted(len(r) for r in results) == [0, 0, 0, 0, 1]


async def test_status_is_never_downgraded(engine):
    store = WhatsAppStore(engine)
    for status in ("sent", "read", "delivered", "sent", "failed"):
        await store.record_status(StatusUpdate("wamid.S", status, recipient="abc123", timestamp=SENT_AT))
    stored = await store.status_of("wamid.S")
    assert stored is not None and stored.status == "read" and stored.timestamp == SENT_AT


async def test_failure_keeps_its_error_until_a_delivery_proves_otherwise(engine):
    store = WhatsAppStore(engine)
    await store.record_status(StatusUpdate("wamid.F", "sent"))
    await store.record_status(StatusUpdate("wamid.F", "failed", error_code=131026, error_title="Message Undeliverable"))
    failed = await store.status_of("wamid.F")
    assert failed is not None and (failed.status, failed.error_code) == ("failed", 131026)
    await store.record_status(StatusUpdate("wamid.F", "delivered"))
    delivered = await store.status_of("wamid.F")
    assert delivered is not None and (delivered.status, delivered.error_code) == ("delivered", None)


async def test_unknown_statuses_are_ignored(engine):
    store = WhatsAppStore(engine)
    assert await store.record_status(StatusUpdate("wamid.U", "teleported")) is False
    assert await store.status_of("wamid.U") is None


async def test_old_inbound_ids_are_purged(engine):
    store = WhatsAppStore(engine)
    await store.claim(["wamid.OLD", "wamid.NEW"])
    async with engine.begin() as conn:
        await conn.execute(update(inbound_messages).where(inbound_messages.c.message_id == "wamid.OLD")
                           .values(received_at=datetime.now(UTC) - timedelta(days=30)))
    assert (await purge(engine, Retention(inbound_days=14), datetime.now(UTC)))["inbound_messages"] == 1
    assert await store.claim(["wamid.OLD", "wamid.NEW"]) == ["wamid.OLD"]
