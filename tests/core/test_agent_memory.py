"""One dialog memory configuration (scopes and path resolvers) serves every turn."""

from __future__ import annotations

from datetime import UTC, datetime

from microsoft_agents.hosting.core import ConversationState, MemoryStorage
from microsoft_agents.hosting.dialogs import DialogSet
from microsoft_agents.hosting.dialogs.memory import DialogStateManagerConfiguration

from tests.store.test_store import turn_context
from wijkwijzer.core.agent import dialog_memory
from wijkwijzer.core.services import LastLookup


async def test_turns_sharing_the_dialog_memory_configuration_keep_their_own_memory():
    memory = dialog_memory()
    contexts = []
    for text in ("eerste", "tweede"):
        context, _ = turn_context(text)
        context.turn_state[DialogStateManagerConfiguration.__name__] = memory
        dialogs = DialogSet(ConversationState(MemoryStorage()).create_property("dialogs"))
        contexts.append(await dialogs.create_context(context))
    first, second = contexts

    turn_scope = next(scope for scope in memory.memory_scopes if type(scope).__name__ == "TurnMemoryScope")
    turn_scope.get_memory(first)["wijk"] = "Ypenburg"

    assert first.state.configuration is memory and second.state.configuration is memory
    assert turn_scope.get_memory(first)["wijk"] == "Ypenburg"
    assert "wijk" not in turn_scope.get_memory(second)


def test_the_roles_a_lookup_remembers_survive_the_round_trip_and_the_older_single_role():
    now = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    last = LastLookup(intent="partner_lookup", at=now, rol="smw", area="ypenburg", also=("jgz", "leerplicht"),
                      recent=("adviseur",))
    assert LastLookup.from_json(last.to_json()) == last
    older = {**last.to_json(), "also": "jgz", "recent": None}  # the state an earlier version saved
    restored = LastLookup.from_json(older)
    assert restored is not None and restored.also == ("jgz",) and restored.recent == ()
