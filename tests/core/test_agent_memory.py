"""One dialog memory configuration (scopes and path resolvers) serves every turn."""

from __future__ import annotations

from microsoft_agents.hosting.core import ConversationState, MemoryStorage
from microsoft_agents.hosting.dialogs import DialogSet
from microsoft_agents.hosting.dialogs.memory import DialogStateManagerConfiguration

from tests.store.test_store import turn_context
from wijkwijzer.core.agent import dialog_memory


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
