"""Conversation references: the 0002 migration and the repository the Teams channel writes to."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select

from wijkwijzer.store.database import alembic_config, create_engine, migrate
from wijkwijzer.store.references import ConversationReferences, conversation_refs

REFERENCE = {"channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/emea/",
             "conversation": {"id": "a:1", "conversationType": "personal"}}


async def test_migration_0002_creates_and_drops_the_table(tmp_path):
    engine = create_engine(sqlite_path=tmp_path / "refs.sqlite")
    try:
        async with engine.begin() as conn:
            await conn.run_sync(lambda sync: command.upgrade(alembic_config(sync), "0002"))
            assert "conversation_refs" in await conn.run_sync(lambda sync: inspect(sync).get_table_names())
            await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), "0001"))
            assert "conversation_refs" not in await conn.run_sync(lambda sync: inspect(sync).get_table_names())
    finally:
        await engine.dispose()


async def test_save_upserts_and_reads_back(tmp_path):
    engine = create_engine(sqlite_path=tmp_path / "refs.sqlite")
    await migrate(engine)
    references = ConversationReferences(engine)
    try:
        assert await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference=REFERENCE)
        moved = {**REFERENCE, "serviceUrl": "https://smba.trafficmanager.net/amer/"}
        assert await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference=moved)
        stored = await references.get("msteams", "a:1")
        assert stored.reference["serviceUrl"].endswith("/amer/") and stored.user_id == "u1"
        assert [r.key for r in await references.for_user("u1")] == ["msteams:a:1"]
        assert await references.get("msteams", "a:2") is None
    finally:
        await engine.dispose()


async def test_an_unchanged_reference_is_not_written_again_until_the_refresh_interval(tmp_path):
    engine = create_engine(sqlite_path=tmp_path / "refs.sqlite")
    await migrate(engine)
    try:
        references = ConversationReferences(engine)
        assert await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference=REFERENCE)
        assert not await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference=REFERENCE)
        assert await references.save(channel="msteams", conversation_id="a:1", user_id="u2", reference=REFERENCE)
        eager = ConversationReferences(engine, refresh_after=0)
        assert await eager.save(channel="msteams", conversation_id="a:1", user_id="u2", reference=REFERENCE)
        assert await eager.save(channel="msteams", conversation_id="a:1", user_id="u2", reference=REFERENCE)
        async with engine.connect() as conn:
            assert len((await conn.execute(select(conversation_refs))).all()) == 1
    finally:
        await engine.dispose()


async def test_hostile_ids_are_stored_as_data(tmp_path):
    engine = create_engine(sqlite_path=tmp_path / "refs.sqlite")
    await migrate(engine)
    try:
        references = ConversationReferences(engine)
        hostile = "x'); DROP TABLE conversation_refs;--"
        await references.save(channel="msteams", conversation_id=hostile, user_id="%_", reference=REFERENCE)
        assert (await references.get("msteams", hostile)).user_id == "%_"
        assert await references.for_user("%") == []
    finally:
        await engine.dispose()


def _sdk_reference_without_names(activity):
    """What the SDK's own ConversationReference gives, with people and conversations unnamed."""
    from microsoft_agents.activity import ChannelAccount, ConversationAccount

    reference = activity.get_conversation_reference()
    user, conversation = activity.from_property, activity.conversation
    reference.user = ChannelAccount(id=user.id, aad_object_id=user.aad_object_id) if user and user.id else None
    reference.conversation = ConversationAccount(id=conversation.id, conversation_type=conversation.conversation_type,
                                                 tenant_id=conversation.tenant_id, is_group=conversation.is_group)
    reference.activity_id = reference.request_id = None
    return reference.model_dump(mode="json", by_alias=True, exclude_none=True)


@pytest.mark.parametrize("fields", [
    {},
    {"channelId": "msteams:COPILOT", "locale": None},
    {"from": {"id": "29:u", "name": "Ingrid de Vries", "aadObjectId": "aad-u"},
     "recipient": {"id": "28:bot", "name": "Wijkwijzer", "role": "bot", "extra": 1},
     "conversation": {"id": "19:c@thread.tacv2", "conversationType": "channel", "tenantId": "t", "isGroup": True,
                      "name": "Netwerk Ypenburg"}},
    {"from": {"name": "zonder id"}},
])
def test_the_stored_reference_is_the_sdks_conversation_reference_without_names(fields):
    from microsoft_agents.activity import Activity

    from wijkwijzer.adapters.teams.bot import stored_reference

    base = {"type": "message", "id": "m1", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/emea/",
            "locale": "nl-NL", "from": {"id": "29:u", "aadObjectId": "aad-u"}, "recipient": {"id": "28:bot"},
            "conversation": {"id": "a:1", "conversationType": "personal", "tenantId": "t"}, "text": "hoi"}
    activity = Activity.model_validate({key: value for key, value in {**base, **fields}.items() if value is not None})
    stored = stored_reference(activity)
    assert stored == _sdk_reference_without_names(activity)
    assert "Ingrid" not in str(stored) and "Netwerk" not in str(stored)


async def test_a_reference_changed_after_saving_is_written_again(tmp_path):
    """Unchanged references are recognised by comparing with what was written; a caller that
    changes its dict afterwards must not change that record of what was written."""
    engine = create_engine(sqlite_path=tmp_path / "refs.sqlite")
    await migrate(engine)
    references = ConversationReferences(engine)
    try:
        reference = {**REFERENCE, "conversation": dict(REFERENCE["conversation"])}
        assert await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference=reference)
        reference["serviceUrl"] = "https://smba.trafficmanager.net/amer/"
        reference["conversation"]["tenantId"] = "t2"
        assert await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference=reference)
        stored = await references.get("msteams", "a:1")
        assert stored.reference["serviceUrl"].endswith("/amer/") and stored.reference["conversation"]["tenantId"] == "t2"
        assert not await references.save(channel="msteams", conversation_id="a:1", user_id="u1", reference=reference)
    finally:
        await engine.dispose()
