"""A conversation keeps its place across turns with its state in SQLite and in PostgreSQL."""

from __future__ import annotations

from wijkwijzer.adapters.console.adapter import ConsoleAdapter
from wijkwijzer.app.runtime import FixedProfile, create_runtime
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.replies import contact_cards_of
from wijkwijzer.core.services import Profile


async def test_conversation_state_survives_turns_and_restarts(engine, tmp_path):
    settings = Settings(state_dir=tmp_path, pseudonym_secret="s")
    runtime = await create_runtime(settings, FixedProfile(Profile(user_id="u", role="ib")), engine=engine)
    chat = ConsoleAdapter(runtime.agent.on_turn, conversation_id="db-conv")
    ask = await chat.send_text("wie is de smw'er")
    assert "welke wijk" in ask[0].text
    restarted = await create_runtime(settings, FixedProfile(Profile(user_id="u", role="ib")), engine=engine)
    same_conversation = ConsoleAdapter(restarted.agent.on_turn, conversation_id="db-conv")
    answer = await same_conversation.send_text("ypenburg")
    assert [c.naam for c in contact_cards_of(answer[0])] == ["Fatma Yilmaz"]
    await same_conversation.send_text("meldcode")
    await same_conversation.send_text("nee")
    back = await chat.send_text("terug")
    assert "Zorg om de veiligheid van een kind" in back[0].text


async def test_signals_older_than_the_retention_are_deleted_at_start(engine, tmp_path):
    from datetime import UTC, datetime, timedelta

    from wijkwijzer.store.signals import NewSignal, SignalStore, pseudonymize

    store = SignalStore(engine)
    for age in (400, 10):
        await store.add(NewSignal(created_at=datetime.now(UTC) - timedelta(days=age), thema="armoede",
                                  wijk="Den Haag: Moerwijk", urgency="normaal", text="t", reporter=pseudonymize("u", "s")))
    settings = Settings(state_dir=tmp_path, pseudonym_secret="s", signal_retention_days=365)
    await create_runtime(settings, FixedProfile(Profile(user_id="u", role="ib")), engine=engine)
    assert [c.count for c in await store.aggregate()] == [1]
