"""The people and outbox stores on SQLite and PostgreSQL: invite codes, audiences, claims."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from wijkwijzer.store.outbox import Audience, Outbox
from wijkwijzer.store.people import People, invites
from wijkwijzer.store.references import ConversationReferences

WEEK = timedelta(days=7)


async def _ib(people: People, n: int, wijk: str = "W1", role: str = "ib", channel: str = "whatsapp"):
    return await people.register(user_id=f"u{n}", channel=channel, role=role, via="test", address=f"3161000{n:04d}",
                                 wijk=wijk)


async def test_invite_codes_are_stored_only_hashed_and_work_once_even_when_raced(engine):
    people = People(engine, "secret")
    [invite] = await people.create_invites(role="ib", school=None, wijk="W1", count=1, valid_for=WEEK,
                                           created_by="cli")
    async with engine.connect() as conn:
        stored = (await conn.execute(select(invites))).one()
    raw = invite.code.replace("-", "")
    assert raw not in stored.code_hash and stored.selector == raw[:3] and len(stored.code_hash) == 64
    results = await asyncio.gather(*(people.redeem(invite.code, user_id=f"racer{i}", channel="whatsapp",
                                                   address=f"316100000{i}") for i in range(4)))
    assert sorted(r.outcome for r in results) == ["ok", "used", "used", "used"]
    assert await people.count() == 1


async def test_an_expired_code_is_refused_without_counting_as_a_wrong_guess(engine):
    now = datetime.now(UTC)
    people = People(engine, "secret", clock=lambda: now)
    [invite] = await people.create_invites(role="ib", school=None, wijk="W1", count=1, valid_for=WEEK,
                                           created_by="cli")
    people.clock = lambda: now + WEEK + timedelta(seconds=1)
    for _ in range(5):
        assert (await people.redeem(invite.code, user_id="late", channel="whatsapp", address="1")).outcome == "expired"


async def test_another_secret_does_not_accept_the_code(engine):
    [invite] = await People(engine, "secret").create_invites(role="ib", school=None, wijk="W1", count=1,
                                                            valid_for=WEEK, created_by="cli")
    other = await People(engine, "another").redeem(invite.code, user_id="x", channel="whatsapp", address="1")
    assert other.outcome == "wrong"


async def test_the_audience_follows_wijken_roles_and_opt_out(engine):
    people, outbox = People(engine, "secret"), Outbox(engine)
    a, b = await _ib(people, 1, "W1"), await _ib(people, 2, "W2")
    await _ib(people, 3, "W1", role="adviseur")
    off = await _ib(people, 4, "W1")
    await people.set_announcements(off, on=False)
    assert await outbox.count_recipients(Audience(wijken=("W1",), roles=("ib",))) == 1
    assert await outbox.count_recipients(Audience(wijken=("W1",))) == 2
    assert await outbox.count_recipients(Audience()) == 3
    await people.subscribe(b, "W1")
    created = await outbox.create(created_by="adv", text_="Hallo", audience=Audience(wijken=("W1",), roles=("ib",)))
    assert created.recipients == 2 and {a.id, b.id} == {row.user_ref for row in await _claim_all(outbox)}


async def _claim_all(outbox: Outbox, worker: str = "w") -> list:
    rows = []
    while batch := await outbox.claim(worker, 50, timedelta(seconds=30)):
        rows += batch
    return rows


async def test_two_workers_never_claim_the_same_row(engine):
    people, outbox = People(engine, "secret"), Outbox(engine)
    for n in range(120):
        await _ib(people, n)
    await outbox.create(created_by="adv", text_="Hallo", audience=Audience(wijken=("W1",)))
    first, second = await asyncio.gather(_claim_all(outbox, "one"), _claim_all(outbox, "two"))
    ids_one, ids_two = {r.id for r in first}, {r.id for r in second}
    assert not ids_one & ids_two and len(ids_one | ids_two) == 120


async def test_rows_of_a_worker_that_died_are_claimed_again_after_the_lease(engine):
    now = datetime.now(UTC)
    people, outbox = People(engine, "secret"), Outbox(engine, clock=lambda: now)
    await _ib(people, 1)
    await outbox.create(created_by="adv", text_="Hallo", audience=Audience())
    [row] = await outbox.claim("dead", 10, timedelta(seconds=30))
    assert await outbox.claim("alive", 10, timedelta(seconds=30)) == []
    outbox.clock = lambda: now + timedelta(seconds=31)
    [again] = await outbox.claim("alive", 10, timedelta(seconds=30))
    assert again.id == row.id and again.attempts == 2
    assert not await outbox.sent(row, "dead", "late", "text")
    assert await outbox.sent(again, "alive", "wamid.1", "text")
    assert (await outbox.status(row.announcement_id)).counts["sent"] == 1


async def test_forget_removes_the_user_subscriptions_references_and_deliveries(engine):
    people, outbox, refs = People(engine, "secret"), Outbox(engine), ConversationReferences(engine)
    user = await _ib(people, 1, channel="msteams")
    await refs.save(channel="msteams", conversation_id="a:1", user_id=user.user_id, reference={"x": 1})
    created = await outbox.create(created_by="adv", text_="Hallo", audience=Audience())
    await people.forget(user, actor=user.user_id)
    assert await people.get(user.user_id) is None and await refs.for_user(user.user_id) == []
    assert await people.subscriptions(user) == []
    assert (await outbox.status(created.id)).counts == {}
    assert await outbox.claim("w", 10, timedelta(seconds=30)) == []
