"""Durable inbound WhatsApp work (store/inbound.py) on SQLite and PostgreSQL: sealed at rest,
emptied once answered, taken over after a dead holder's lease, given up after too many tries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.inbound import MAX_ATTEMPTS, InboundWork, NewInbound
from wijkwijzer.store.schema import inbound_work

NUMBER = "31612345678"
TEXT = "smw ypenburg voor Daan"
LEASE = timedelta(seconds=60)


def message(key: str = "k1") -> NewInbound:
    return NewInbound(key, "pseudonym-1", {"from": NUMBER, "kind": "text", "text": TEXT, "seq": 0})


async def stored(engine) -> str:
    async with engine.connect() as conn:
        return "\n".join(str(value) for row in (await conn.execute(select(inbound_work))).all() for value in row)


async def test_a_message_is_sealed_until_answered_and_emptied_after(engine):
    work = InboundWork(engine, AddressCipher("test-key"))
    assert await work.receive([message(), message()], "w1", LEASE) == ["k1"]
    assert await work.receive([message()], "w2", LEASE) == []  # Meta's redelivery
    assert NUMBER not in await stored(engine) and "Daan" not in await stored(engine)
    assert await work.replying("k1", "w1", [{"type": "text", "text": {"body": "Fatma Yilmaz, 06 123"}}])
    assert "Fatma" not in await stored(engine)
    assert await work.progress("k1", "w1", 1)
    assert await work.answered("k1", "w1")
    async with engine.connect() as conn:
        row = (await conn.execute(select(inbound_work))).one()
    assert (row.state, row.payload, row.replies, row.claimed_by) == ("answered", None, None, None)
    assert await work.take("k1", "w1", LEASE) is None


async def test_a_dead_holders_message_is_taken_over_after_its_lease_and_only_once(engine):
    now = [datetime.now(UTC)]
    work = InboundWork(engine, AddressCipher("test-key"), clock=lambda: now[0])
    await work.receive([message("k1"), message("k2")], "dead", LEASE)
    assert await work.replying("k2", "dead", [{"type": "text", "text": {"body": "a"}}, {"type": "text"}])
    assert await work.progress("k2", "dead", 1)
    assert await work.claim_abandoned("alive", LEASE, 10) == []
    assert await work.take("k1", "alive", LEASE) is None
    now[0] += LEASE + timedelta(seconds=1)
    taken = {t.message_id: t for t in await work.claim_abandoned("alive", LEASE, 10)}
    assert taken["k1"].state == "received" and taken["k1"].payload["text"] == TEXT
    assert (taken["k2"].state, taken["k2"].sent, len(taken["k2"].replies)) == ("replying", 1, 2)
    assert await work.claim_abandoned("other", LEASE, 10) == []
    assert not await work.answered("k1", "dead")
    assert await work.answered("k1", "alive")


async def test_a_message_that_cannot_be_answered_is_given_up_without_its_content(engine):
    work = InboundWork(engine, AddressCipher("test-key"))
    await work.receive([message()], "w", LEASE)
    for _ in range(MAX_ATTEMPTS):
        assert await work.take("k1", "w", LEASE) is not None
        await work.retry("k1", "w", timedelta(0))
    assert (await work.counts()) == {"failed": 1}
    assert NUMBER not in await stored(engine)


async def test_a_reply_meta_reported_is_counted_as_sent_whoever_holds_the_row(engine):
    """The holder died after the Graph API accepted replies 0 and 1 but before counting them; Meta's
    status for reply 1 arrives: the process that takes the row over sends only reply 2."""
    now = [datetime.now(UTC)]
    work = InboundWork(engine, AddressCipher("test-key"), clock=lambda: now[0])
    await work.receive([message("k1"), message("k2")], "dead", LEASE)
    replies = [{"type": "text", "text": {"body": str(n)}} for n in range(3)]
    assert await work.replying("k1", "dead", replies)
    assert await work.accepted("k1", 1)
    assert not await work.accepted("k1", 0)  # an older status counts nothing again
    assert not await work.accepted("k2", 0)  # no replies stored yet: nothing was sent
    now[0] += LEASE + timedelta(seconds=1)
    taken = {t.message_id: t for t in await work.claim_abandoned("alive", LEASE, 10)}
    assert (taken["k1"].state, taken["k1"].sent) == ("replying", 2)
    assert await work.answered("k1", "alive")
    assert not await work.accepted("k1", 2)  # answered: the content is gone, nothing to count


async def test_the_sweep_leaves_the_messages_its_worker_has_in_line_and_a_renewal_counts_no_attempt(engine):
    now = [datetime.now(UTC)]
    work = InboundWork(engine, AddressCipher("test-key"), clock=lambda: now[0])
    await work.receive([message("k1"), message("k2")], "w", LEASE)
    now[0] += LEASE + timedelta(seconds=1)  # both leases ran out while k1 waited in w's line
    for _ in range(MAX_ATTEMPTS + 2):
        assert [t.message_id for t in await work.claim_abandoned("w", LEASE, 10, waiting={"k1"})] in (["k2"], [])
        now[0] += LEASE + timedelta(seconds=1)
    renewed = await work.take("k1", "w", LEASE, attempt=False)
    assert renewed is not None and renewed.attempts == 0
    assert await work.recorded("k1") and not await work.recorded("k3")
