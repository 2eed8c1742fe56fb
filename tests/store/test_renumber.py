"""A person's new number in the store, on SQLite and PostgreSQL: everything moves, nothing stays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select

from wijkwijzer.store.erasure import reporter_of
from wijkwijzer.store.outbox import Audience, Outbox
from wijkwijzer.store.people import People
from wijkwijzer.store.schema import conversation_refs, invite_failures, message_status, metadata, signals, state
from wijkwijzer.store.schema import outbox as outbox_rows

SECRET = "secret"
OLD, NEW = "old-pseudonym-01", "new-pseudonym-02"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


async def _everything(engine) -> str:
    values: list[str] = []
    async with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in (await conn.execute(select(table))).all():
                values.extend(str(value) for value in row)
    return "\n".join(values)


async def _traces_of_the_old_identity(engine, people: People) -> None:
    """Rows under the old pseudonym in every table that links to a person."""
    async with engine.begin() as conn:
        await conn.execute(insert(state).values(key=f"whatsapp/conversations/{OLD}", etag="1", value="{}",
                                                updated_at=NOW))
        await conn.execute(insert(conversation_refs).values(key=f"whatsapp:{OLD}x", user_id=OLD, channel="whatsapp",
                                                            reference="{}", updated_at=NOW))
        await conn.execute(insert(state).values(key=f"whatsapp/conversations/{OLD}x", etag="1", value="{}",
                                                updated_at=NOW))
        await conn.execute(insert(invite_failures).values(key=OLD, failures=2, last_failure_at=NOW))
        await conn.execute(insert(message_status).values(provider_message_id="m1", status="read", recipient=OLD,
                                                         updated_at=NOW))
        await conn.execute(insert(signals).values(created_at=NOW, thema="armoede", wijk="W1", urgency="normaal",
                                                  text="x", reporter=reporter_of(OLD, SECRET)))
    await people.audit(OLD, "test", OLD)


async def test_the_registration_moves_with_wijken_and_deliveries(engine):
    people, outbox = People(engine, SECRET, clock=lambda: NOW), Outbox(engine)
    old = await people.register(user_id=OLD, channel="whatsapp", role="adviseur", via="test", address="31611111111",
                                school="De Vliegerwolk", wijk="W1")
    await people.subscribe(old, "W2")
    await outbox.create(created_by="cli", text_="Bericht", audience=Audience(wijken=("W2",)))
    await _traces_of_the_old_identity(engine, people)

    moved = await people.change_number(OLD, NEW, "31622222222", state_keys=[f"whatsapp/conversations/{OLD}"])

    assert moved.registered and moved.rows > 0
    assert await people.get(OLD) is None
    new = await people.get(NEW)
    assert new is not None
    assert (new.id, new.role, new.school, new.wijk, new.address) == (old.id, old.role, old.school, old.wijk,
                                                                     "31622222222")
    assert await people.subscriptions(new) == ["W1", "W2"]
    assert (await outbox.counts())["pending"] == 1
    everything = await _everything(engine)
    for trace in (OLD, reporter_of(OLD, SECRET), "31611111111"):
        assert trace not in everything, trace
    assert reporter_of(NEW, SECRET) in everything
    async with engine.connect() as conn:
        assert (await conn.execute(select(message_status.c.recipient))).scalar_one() == NEW


async def test_a_new_number_with_a_registration_of_its_own_keeps_it_and_gains_the_old_wijken(engine):
    people, outbox = People(engine, SECRET, clock=lambda: NOW), Outbox(engine)
    old = await people.register(user_id=OLD, channel="whatsapp", role="ib", via="test", address="31611111111",
                                wijk="W1")
    await people.subscribe(old, "W3")
    own = await people.register(user_id=NEW, channel="whatsapp", role="adviseur", via="test", address="31622222222",
                                wijk="W2")
    both_get_it = await outbox.create(created_by="cli", text_="Voor W1 en W2", audience=Audience(wijken=("W1", "W2")))
    only_old = await outbox.create(created_by="cli", text_="Voor W3", audience=Audience(wijken=("W3",)))
    await _traces_of_the_old_identity(engine, people)

    moved = await people.change_number(OLD, NEW, "31622222222", state_keys=[f"whatsapp/conversations/{OLD}"])

    assert moved.registered
    assert await people.get(OLD) is None
    new = await people.get(NEW)
    assert new is not None and (new.id, new.role, new.wijk) == (own.id, own.role, own.wijk)
    assert await people.subscriptions(new) == ["W1", "W2", "W3"]
    assert await people.count() == 1
    async with engine.connect() as conn:
        queued = (await conn.execute(select(outbox_rows.c.announcement_id, outbox_rows.c.recipient))).all()
    assert sorted(queued) == [(both_get_it.id, own.id), (only_old.id, own.id)]
    for trace in (OLD, reporter_of(OLD, SECRET), "31611111111"):
        assert trace not in await _everything(engine), trace


async def test_someone_unregistered_moves_too_and_the_same_pseudonym_is_refused(engine):
    people = People(engine, SECRET, clock=lambda: NOW)
    await _traces_of_the_old_identity(engine, people)
    moved = await people.change_number(OLD, NEW, "31622222222", state_keys=[f"whatsapp/conversations/{OLD}"])
    assert not moved.registered and await people.count() == 0
    assert OLD not in await _everything(engine)
    with pytest.raises(ValueError):
        await people.change_number(NEW, NEW, "31622222222")
