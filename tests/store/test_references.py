"""Conversation references keep their time as every other table does: aware UTC on every database."""

from __future__ import annotations

from datetime import UTC, datetime

from wijkwijzer.store.references import ConversationReferences


async def test_reference_times_come_back_as_aware_utc(engine):
    references = ConversationReferences(engine)
    before = datetime.now(UTC)
    await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference={"serviceUrl": "x"})
    after = datetime.now(UTC)
    [stored] = await references.for_user("u1")
    assert stored.updated_at.tzinfo is UTC
    assert before <= stored.updated_at <= after
    assert (await references.get("msteams", "a:1")).updated_at == stored.updated_at
