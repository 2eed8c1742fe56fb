"""announcer: part of the teams channel (see the package docstring)."""


from __future__ import annotations

from typing import Any

import aiohttp
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ChannelId,
    ConversationAccount,
)
from microsoft_agents.hosting.core.authorization import Connections
from microsoft_agents.hosting.core.connector.client import ConnectorClient

from wijkwijzer.adapters.teams.auth import ServiceUrlPolicy, auth_configuration
from wijkwijzer.adapters.teams.clients import access_token
from wijkwijzer.adapters.teams.endpoint import TeamsHooks, _connections, service_url_policy
from wijkwijzer.adapters.teams.render import render_for_teams
from wijkwijzer.adapters.teams.settings import CHANNEL, TeamsSettings
from wijkwijzer.core.delivery import Outcome, parse_retry_after
from wijkwijzer.core.replies import (
    announcement,
)
from wijkwijzer.store.outbox import Announcement, Claimed
from wijkwijzer.store.references import ConversationReferences

# ---------------------------------------------------------------------------------------------
# Announcements: proactive messages through the stored conversation reference

BOT_FRAMEWORK_RESOURCE = "https://api.botframework.com"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
GONE_STATUSES = frozenset({403, 404})


class TeamsAnnouncer:
    """The outbox's Teams sender: one proactive message in the person's personal chat with the
    bot, through the SDK's ConnectorClient over one kept-open HTTP session per serviceUrl.

    403/404 mean the app was removed or the chat is gone: permanent. 429, 5xx, 401 (a token that
    just expired) and network errors are transient.
    """

    channel = CHANNEL

    def __init__(self, *, settings: TeamsSettings, references: ConversationReferences, connections: Connections,
                 policy: ServiceUrlPolicy) -> None:
        self.settings = settings
        self.references = references
        self.connections = connections
        self.policy = policy
        self.rate_per_second = settings.teams_outbox_rate
        self.per_recipient_interval = settings.teams_recipient_interval
        self._sessions: dict[str, aiohttp.ClientSession] = {}

    @classmethod
    def from_settings(cls, settings: TeamsSettings, references: ConversationReferences,
                      hooks: TeamsHooks | None = None) -> TeamsAnnouncer:
        hooks = hooks or TeamsHooks()
        return cls(settings=settings, references=references,
                   connections=_connections(auth_configuration(settings), hooks),
                   policy=service_url_policy(settings, hooks))

    async def deliver(self, row: Claimed, item: Announcement) -> Outcome:
        reference = await self._personal_reference(row.user_id or "")
        if reference is None:
            return Outcome("permanent", error="geen persoonlijk Teams-gesprek met deze persoon bekend")
        service_url = reference.get("serviceUrl")
        conversation_id = (reference.get("conversation") or {}).get("id")
        if not isinstance(service_url, str) or not conversation_id or not self.policy.allows(service_url):
            return Outcome("permanent", error="opgeslagen Teams-gesprek is ongeldig")
        activity = self._activity(reference, item)
        try:
            token = await self._token()
            client = ConnectorClient(service_url, token, session=self._session(service_url))
            response = await client.conversations.send_to_conversation(conversation_id, activity)
        except aiohttp.ClientResponseError as error:
            return _teams_failure(error.status, error.headers)
        except (aiohttp.ClientError, TimeoutError) as error:
            return Outcome("transient", error=f"netwerkfout ({type(error).__name__})")
        return Outcome("sent", provider_message_id=response.id, via="teams")

    async def close(self) -> None:
        for session in self._sessions.values():
            await session.close()
        self._sessions.clear()

    async def _personal_reference(self, user_id: str) -> dict[str, Any] | None:
        stored = [r for r in await self.references.for_user(user_id) if r.channel == CHANNEL
                  and (r.reference.get("conversation") or {}).get("conversationType", "personal") == "personal"]
        return max(stored, key=lambda r: r.updated_at).reference if stored else None

    @staticmethod
    def _activity(reference: dict[str, Any], item: Announcement) -> Activity:
        content = announcement(item.text)
        bot = reference.get("agent") or reference.get("bot")
        activity = Activity(
            type=ActivityTypes.message, text=content.text, attachments=content.attachments,
            channel_id=ChannelId(channel=CHANNEL), service_url=reference["serviceUrl"],
            conversation=ConversationAccount(id=reference["conversation"]["id"]),
            from_property=ChannelAccount.model_validate(bot) if bot else None,  # type: ignore[arg-type]  # optional in fact
            recipient=ChannelAccount.model_validate(reference["user"]) if reference.get("user") else None,
        )
        return render_for_teams(activity, "personal")

    async def _token(self) -> str:
        if self.settings.teams_anonymous:
            return ""
        provider = self.connections.get_default_connection()
        return await access_token(provider, BOT_FRAMEWORK_RESOURCE, [BOT_FRAMEWORK_SCOPE])

    def _session(self, service_url: str) -> aiohttp.ClientSession:
        base = service_url.rstrip("/") + "/"
        session = self._sessions.get(base)
        if session is None or session.closed:
            session = aiohttp.ClientSession(base_url=base, timeout=aiohttp.ClientTimeout(total=10))
            self._sessions[base] = session
        return session


def _teams_failure(status: int, headers: Any) -> Outcome:
    if status in GONE_STATUSES:
        return Outcome("permanent", error=f"Teams-app verwijderd of gesprek bestaat niet meer (HTTP {status})")
    if status in (401, 429) or status >= 500:
        retry_after = parse_retry_after(headers.get("Retry-After") if headers else None)
        return Outcome("transient", error=f"HTTP {status}", retry_after=retry_after)
    return Outcome("permanent", error=f"Teams weigerde het bericht (HTTP {status})")
