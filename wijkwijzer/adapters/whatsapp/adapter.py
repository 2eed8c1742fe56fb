"""adapter: part of the whatsapp channel (see the package docstring)."""


from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    ConversationReference,
    ResourceResponse,
    TurnContextProtocol,
)
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.channel_adapter import ChannelAdapter

from wijkwijzer.adapters.console.adapter import APOLOGY
from wijkwijzer.adapters.whatsapp.graph import GraphClient
from wijkwijzer.adapters.whatsapp.identity import address_of
from wijkwijzer.adapters.whatsapp.render import RenderLimits, render_activity
from wijkwijzer.adapters.whatsapp.settings import LIMITS
from wijkwijzer.core.replies import reply

log = logging.getLogger(__name__)

REPLIES_KEY = "wijkwijzer.whatsapp.replies"


# --- the channel adapter -----------------------------------------------------------------------


class WhatsAppAdapter(ChannelAdapter):
    """Runs turns for WhatsApp Activities and sends the replies through the Graph API.

    A reply that cannot be delivered is counted and logged by the client; it does not fail
    the turn (the dialog state is still saved).
    """

    def __init__(self, client: GraphClient, pseudonym: Callable[[str], str], limits: RenderLimits = LIMITS) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # the SDK's __init__ is unannotated
        self.client = client
        self.pseudonym = pseudonym
        self.limits = limits
        self.on_turn_error = self._on_error

    async def send_activities(self, context: TurnContextProtocol[Activity], activities: list[Activity]) -> list[ResourceResponse]:
        """Replies go to the number of the turn's inbound Activity (the conversation id is a pseudonym).

        In a turn run with a reply list (:meth:`process`), they are rendered into that list instead
        of being sent: the caller stores them before sending (store/inbound.py)."""
        collected = context.turn_state.get(REPLIES_KEY)
        if isinstance(collected, list):
            for activity in activities:
                if activity.type == ActivityTypes.message:
                    collected.extend(render_activity(activity, self.limits))
            return [ResourceResponse() for _ in activities]
        address = address_of(context.activity)
        return [await self._send(address, activity) for activity in activities]

    async def update_activity(self, context: TurnContextProtocol[Activity], activity: Activity) -> None:
        raise NotImplementedError("WhatsApp cannot edit a sent message")

    async def delete_activity(self, context: TurnContextProtocol[Activity], reference: ConversationReference) -> None:
        raise NotImplementedError("WhatsApp cannot delete a sent message")

    async def _send(self, address: str | None, activity: Activity) -> ResourceResponse:
        if activity.type != ActivityTypes.message or address is None:
            return ResourceResponse()
        sent_id = await self.send_rendered(address, activity)
        return ResourceResponse(id=sent_id) if sent_id else ResourceResponse()

    async def send_rendered(self, address: str, activity: Activity) -> str | None:
        """Send one reply Activity as WhatsApp messages; the id of the last one sent, if any."""
        last = None
        for message in render_activity(activity, self.limits):
            result = await self.client.send(address, message, who=self.pseudonym(address))
            if result.outcome != "ok":
                return last
            last = result.message_id
        return last

    async def process(self, activity: Activity, logic: Callable[[TurnContext], Awaitable[None]],
                      replies: list[dict[str, Any]] | None = None) -> None:
        """Run a turn; with ``replies`` its reply messages are collected there, not sent."""
        context = TurnContext(self, activity)
        if replies is not None:
            context.turn_state[REPLIES_KEY] = replies
        try:
            await self.run_pipeline(context, logic)
        finally:
            await context._aclose()  # private SDK method, as the SDK's adapters: docs/performance.md (A7)

    async def _on_error(self, context: TurnContext, error: Exception) -> None:
        log.error("whatsapp turn failed: %s", type(error).__name__, exc_info=error)
        await context.send_activity(reply(APOLOGY))


