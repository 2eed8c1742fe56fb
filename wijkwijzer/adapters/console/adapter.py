"""The terminal channel: feeds typed lines to the agent as message Activities and collects
the replies. Also the recording channel the dialog tests drive."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ChannelId,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
    TurnContextProtocol,
)
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.channel_adapter import ChannelAdapter

from wijkwijzer.core.inbound import capped
from wijkwijzer.core.replies import choices_of, reply

log = logging.getLogger(__name__)

CHANNEL_ID = "console"
SERVICE_URL = "http://127.0.0.1/console"
APOLOGY = "Sorry, er ging iets mis aan mijn kant. Probeer het nog eens, of typ 'help'."


class ConsoleAdapter(ChannelAdapter):
    """Runs one turn per line of text and returns the Activities the agent sent."""

    def __init__(self, logic: Callable[[TurnContext], Awaitable[None]], user_id: str = "console-user",
                 conversation_id: str = "console") -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # the SDK's __init__ is unannotated
        self.logic = logic
        self.user = ChannelAccount(id=user_id, name="Jij")
        self.bot = ChannelAccount(id="wijkwijzer", name="Wijkwijzer")
        self.conversation = ConversationAccount(id=conversation_id)
        self._sent: list[Activity] = []
        self.on_turn_error = self._on_error

    async def send_activities(self, context: TurnContextProtocol[Activity], activities: list[Activity]) -> list[ResourceResponse]:
        self._sent.extend(activities)
        return [ResourceResponse(id=str(len(self._sent) - len(activities) + i)) for i in range(len(activities))]

    async def update_activity(self, context: TurnContextProtocol[Activity], activity: Activity) -> None:
        raise NotImplementedError("De terminal kan berichten niet aanpassen.")

    async def delete_activity(self, context: TurnContextProtocol[Activity], reference: ConversationReference) -> None:
        raise NotImplementedError("De terminal kan berichten niet verwijderen.")

    async def _on_error(self, context: TurnContext, error: Exception) -> None:
        log.exception("turn failed", exc_info=error)
        await context.send_activity(reply(APOLOGY))

    def _activity(self, **fields: Any) -> Activity:
        return Activity(channel_id=ChannelId(channel=CHANNEL_ID), service_url=SERVICE_URL, conversation=self.conversation,
                        from_property=self.user, recipient=self.bot, locale="nl-NL", **fields)

    async def _turn(self, activity: Activity) -> list[Activity]:
        self._sent = []
        context = TurnContext(self, activity)
        try:
            await self.run_pipeline(context, self.logic)
        finally:
            await context._aclose()  # private SDK method, as the SDK's adapters: docs/performance.md (A7)
        return [a for a in self._sent if a.type == ActivityTypes.message]

    async def send_text(self, text: str, *, message_id: str | None = None) -> list[Activity]:
        """One user turn: the message ``text`` (with the channel's ``message_id``, as other
        channels give one); returns the bot's message replies."""
        return await self._turn(self._activity(type=ActivityTypes.message, text=capped(text), id=message_id))

    async def join(self) -> list[Activity]:
        """The user opens the conversation (members added); returns the welcome."""
        return await self._turn(self._activity(type=ActivityTypes.conversation_update, members_added=[self.user]))


def render(activity: Activity) -> str:
    """Plain-text rendering for the terminal: the text, then numbered choices."""
    lines = [activity.text or ""]
    choices = choices_of(activity)
    if choices:
        lines.append("  " + "  ".join(f"[{i}] {c}" for i, c in enumerate(choices, start=1)))
    return "\n".join(lines)
