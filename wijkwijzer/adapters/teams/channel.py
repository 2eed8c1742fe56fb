"""Teams behind the :class:`~wijkwijzer.core.channel.Channel` contract."""

from __future__ import annotations

from wijkwijzer.adapters.teams.announcer import TeamsAnnouncer
from wijkwijzer.adapters.teams.endpoint import TeamsEndpoint, TeamsHooks
from wijkwijzer.adapters.teams.identity import TeamsProfiles
from wijkwijzer.adapters.teams.settings import CHANNEL, TeamsSettings
from wijkwijzer.core.channel import Inbound, InboundContext, Route, SendContext
from wijkwijzer.core.delivery import ChannelSender

PATH = "/api/messages"
EMULATOR = "emulator"


class TeamsChannel:
    """``POST /api/messages`` through the Agents SDK; announcements through the Bot Connector."""

    name = CHANNEL

    def __init__(self, settings: TeamsSettings | None = None, hooks: TeamsHooks | None = None) -> None:
        self.settings = settings or TeamsSettings()
        self.hooks = hooks
        self.endpoint: TeamsEndpoint | None = None

    def inbound(self, context: InboundContext) -> Inbound:
        endpoint = TeamsEndpoint(settings=self.settings, agent=context.agent, references=context.references,
                                 secret=context.secret, metrics=context.metrics, hooks=self.hooks, slots=context.slots)
        self.endpoint = endpoint
        profiles = TeamsProfiles(endpoint.tenants, context.secret, context.runtime.people)
        sources = {CHANNEL: profiles}
        if self.settings.teams_anonymous:
            sources[EMULATOR] = profiles
        return Inbound(routes=[Route("POST", PATH, endpoint.handle)], profiles=sources, close=endpoint.close)

    def sender(self, context: SendContext) -> ChannelSender | None:
        if not (self.settings.teams_app_id or self.settings.teams_anonymous):
            return None
        return TeamsAnnouncer.from_settings(self.settings, context.references, self.hooks)
