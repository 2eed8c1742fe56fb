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


async def test_a_turn_run_again_for_the_same_message_saves_its_signal_once(engine, tmp_path):
    """The process dies after the signal was saved but before the turn was done (here: its state
    save fails); the channel runs the same message again from the state before it (WhatsApp's
    durable inbound does). The IB'er gets the confirmation again, the adviseurs count one signal."""
    from wijkwijzer.store.signals import SignalStore

    settings = Settings(state_dir=tmp_path, pseudonym_secret="s")
    runtime = await create_runtime(settings, FixedProfile(Profile(user_id="u", role="ib", wijk="Den Haag: Ypenburg")),
                                   engine=engine)
    chat = ConsoleAdapter(runtime.agent.on_turn, conversation_id="crash-conv")
    ask = await chat.send_text("signaal: veel kinderen komen zonder ontbijt naar school", message_id="m-1")
    assert "Klopt dit signaal" in ask[0].text
    write = runtime.storage.write

    async def dies_before_the_save(changes):
        raise ConnectionError("the process died")

    runtime.storage.write = dies_before_the_save  # type: ignore[method-assign]
    await chat.send_text("ja", message_id="m-2")
    runtime.storage.write = write  # type: ignore[method-assign]
    again = await chat.send_text("ja", message_id="m-2")
    assert "opgeslagen" in again[0].text
    another = await chat.send_text("signaal: veel kinderen komen zonder ontbijt naar school", message_id="m-3")
    assert "Klopt dit signaal" in another[0].text
    await chat.send_text("ja", message_id="m-4")
    assert [c.count for c in await SignalStore(engine).aggregate()] == [2]
