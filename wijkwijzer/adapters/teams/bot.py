"""bot: part of the teams channel (see the package docstring)."""


from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    DeliveryModes,
    InvokeResponse,
    ResourceResponse,
)
from microsoft_agents.hosting.core import (
    TurnContext,
)

from wijkwijzer.adapters.teams.identity import TenantPolicy, pseudonymous_user_id, tenant_of
from wijkwijzer.adapters.teams.more import MORE, MORE_TEXT, SUBMIT_INVOKE, MoreChoices, is_more
from wijkwijzer.adapters.teams.render import render_for_teams
from wijkwijzer.adapters.teams.settings import (
    CARD_ACTION_UNKNOWN,
    CHANNEL,
    CHOICE_MARKER,
    FOREIGN_TENANT,
    GROUP_CONVERSATIONS,
)
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.core.replies import (
    reply,
)
from wijkwijzer.store.references import ConversationReferences

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------
# The turn in front of the agent


class AgentLike(Protocol):
    async def on_turn(self, turn_context: TurnContext) -> None: ...

    def welcome(self) -> Activity: ...


def _is_group(activity: Activity) -> bool:
    conversation = activity.conversation
    return bool(conversation and (conversation.conversation_type in GROUP_CONVERSATIONS or conversation.is_group))


def _mentions_bot(activity: Activity) -> bool:
    bot = activity.recipient.id if activity.recipient else None
    return bool(bot) and any(m.mentioned and m.mentioned.id == bot for m in activity.get_mentions())


def _is_card_choice(activity: Activity) -> bool:
    return isinstance(activity.value, dict) and activity.value.get(CHOICE_MARKER) in ("choice", MORE)


def addressed_to_bot(activity: Activity) -> bool:
    """Personal chat: always. Group chat and channel: only with an @mention or a card button."""
    return not _is_group(activity) or _mentions_bot(activity) or _is_card_choice(activity)


def strip_mention(activity: Activity) -> None:
    """Remove the bot's own @mention from the text (the SDK's remove_recipient_mention), unless a
    mention entity lacks both text and name (the SDK cannot build a pattern for it)."""
    bot = activity.recipient.id if activity.recipient else None
    own = [m for m in activity.get_mentions() if m.mentioned and m.mentioned.id == bot]
    if own and all(m.text is not None or m.mentioned.name for m in own):
        TurnContext.remove_recipient_mention(activity)


CARD_ACTION_INVOKE = "adaptiveCard/action"


async def _other_invoke(context: TurnContext) -> None:
    """An invoke that is not our "Meer…" button. The app declares no messaging extension, task
    module or sign-in, and our cards send ``Action.Submit``, so none is expected: an Adaptive Card
    ``Action.Execute`` gets a short note, anything else 400. Through the SDK's ActivityHandler an
    unknown invoke was a 501, and an ``adaptiveCard/action`` with a missing or malformed value a
    body the SDK cannot serialise (an ``Exception`` object): a 500."""
    value = context.activity.value
    action = value.get("action") if isinstance(value, dict) else None
    answer: str | dict[str, str]
    if context.activity.name == CARD_ACTION_INVOKE and isinstance(action, dict) and action.get("type") == "Action.Execute":
        status, kind, answer = 200, "application/vnd.microsoft.activity.message", CARD_ACTION_UNKNOWN
    else:
        status, kind, answer = 400, "application/vnd.microsoft.error", {"code": "BadRequest", "message": "Not supported"}
    body = {"statusCode": status, "type": kind, "value": answer}
    await context.send_activity(Activity(type=ActivityTypes.invoke_response,
                                         value=InvokeResponse(status=status, body=body)))


def stored_reference(activity: Activity) -> dict[str, Any]:
    """The conversation reference without names (of people, group chats or channels), as the
    JSON of the SDK's ConversationReference.

    Built from the activity's fields directly: through ``get_conversation_reference`` (three
    model copies, a validation and a dump) it cost some 20 µs on every turn, only to find
    it unchanged. tests/adapters/test_teams_references.py checks it equals the SDK's."""
    user, bot, conversation = activity.from_property, activity.recipient, activity.conversation
    reference = {
        "user": _present({"id": user.id, "aadObjectId": user.aad_object_id}) if user and user.id else None,
        "bot": bot.model_dump(mode="json", by_alias=True, exclude_none=True) if bot else None,
        "conversation": _present({"id": conversation.id, "conversationType": conversation.conversation_type,
                                  "tenantId": conversation.tenant_id, "isGroup": conversation.is_group}),
        "channelId": str(activity.channel_id) if activity.channel_id else None,
        "locale": activity.locale,
        "serviceUrl": activity.service_url,
    }
    return _present(reference)


def _present(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


class TeamsBot:
    """Tenant gate, conversation references, @mentions and rendering around the agent."""

    def __init__(self, *, agent: AgentLike, tenants: TenantPolicy, references: ConversationReferences,
                 secret: str, metrics: Metrics) -> None:
        self.agent = agent
        self.tenants = tenants
        self.references = references
        self.secret = secret
        self.metrics = metrics
        self.more = MoreChoices(secret)

    async def on_turn(self, context: TurnContext) -> None:
        activity = context.activity
        context.on_send_activities(self._on_send)
        if not self.tenants.allows(tenant_of(activity)):
            await self._refuse_tenant(context)
            return
        if activity.type == ActivityTypes.installation_update and str(activity.action or "").startswith("remove"):
            await self.references.delete(CHANNEL, activity.conversation.id)
            log.info("teams app removed from a conversation; its reference is deleted")
            return
        await self._remember(activity)
        if activity.type == ActivityTypes.invoke and activity.name == SUBMIT_INVOKE and is_more(activity.value):
            await self._more(context)
        elif activity.type == ActivityTypes.invoke:
            await _other_invoke(context)
        elif activity.type == ActivityTypes.message:
            await self._message(context)
        elif activity.type == ActivityTypes.conversation_update:
            await self._conversation_update(context)
        else:
            await self.agent.on_turn(context)

    async def _message(self, context: TurnContext) -> None:
        if not addressed_to_bot(context.activity):
            return
        if is_more(context.activity.value):
            await self._more(context)
            return
        strip_mention(context.activity)
        await self.agent.on_turn(context)

    async def _more(self, context: TurnContext) -> None:
        """A tap on "Meer…" (a card button, or a suggested action's invoke): the choices it
        carries, paged again, answered here and never passed to the agent. A value we did not
        make is ignored (more.py)."""
        activity = context.activity
        choices = self.more.read(activity.value)
        if choices is None:
            self.metrics.reject(CHANNEL, "more_value")
            log.info("teams: a 'Meer' value that is not ours was ignored (type=%s)", activity.type)
        else:
            await context.send_activity(reply(MORE_TEXT, choices))
        if activity.type == ActivityTypes.invoke:
            await context.send_activity(Activity(type=ActivityTypes.invoke_response,
                                                 value=InvokeResponse(status=200)))

    async def _conversation_update(self, context: TurnContext) -> None:
        activity = context.activity
        bot = activity.recipient.id if activity.recipient else None
        added = activity.members_added or []
        if any(member.id == bot for member in added):
            await context.send_activity(self.agent.welcome())
        elif added and not _is_group(activity):
            await self.agent.on_turn(context)

    async def _refuse_tenant(self, context: TurnContext) -> None:
        activity = context.activity
        self.metrics.reject(CHANNEL, "tenant")
        log.info("teams activity from a tenant that is not allowed (type=%s)", activity.type)
        if activity.type == ActivityTypes.message and addressed_to_bot(activity):
            await context.send_activity(reply(FOREIGN_TENANT))

    async def _remember(self, activity: Activity) -> None:
        """Without a recipient (the bot's account) the reference could not be used to write back."""
        if not activity.conversation or not activity.conversation.id or not activity.service_url \
                or not activity.recipient:
            return
        await self.references.save(
            channel=CHANNEL, conversation_id=activity.conversation.id,
            user_id=pseudonymous_user_id(activity, self.secret), reference=stored_reference(activity),
        )

    async def _on_send(self, context: TurnContext, activities: list[Activity],
                       send_next: Callable[[], Awaitable[list[ResourceResponse]]]) -> list[ResourceResponse]:
        conversation_type = context.activity.conversation.conversation_type if context.activity.conversation else None
        activities[:] = [render_for_teams(a, conversation_type, self.more) for a in activities]
        count = sum(1 for a in activities if a.type == ActivityTypes.message)
        try:
            responses = await send_next()
        except Exception:
            self.metrics.sent(CHANNEL, "error")
            raise
        result = "buffered" if context.activity.delivery_mode == DeliveryModes.expect_replies else "ok"
        for _ in range(count):
            self.metrics.sent(CHANNEL, result)
        return responses


