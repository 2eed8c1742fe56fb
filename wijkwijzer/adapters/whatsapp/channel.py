"""WhatsApp behind the :class:`~wijkwijzer.core.channel.Channel` contract."""

from __future__ import annotations

from wijkwijzer.adapters.whatsapp.endpoint import WhatsAppEndpoint, announcer_from, build_endpoint, configured
from wijkwijzer.adapters.whatsapp.identity import WhatsAppProfiles
from wijkwijzer.adapters.whatsapp.settings import CHANNEL_ID, WhatsAppSettings
from wijkwijzer.core.channel import Inbound, InboundContext, Route, SendContext
from wijkwijzer.core.delivery import ChannelSender

PATH = "/api/whatsapp"


class WhatsAppChannel:
    """``GET|POST /api/whatsapp`` (Meta's subscription check and deliveries); announcements and
    replies through the Graph API ``/messages`` endpoint."""

    name = CHANNEL_ID

    def __init__(self, settings: WhatsAppSettings | None = None) -> None:
        self.settings = settings or WhatsAppSettings()
        self.endpoint: WhatsAppEndpoint | None = None

    def inbound(self, context: InboundContext) -> Inbound:
        endpoint = build_endpoint(self.settings, agent=context.agent, runtime=context.runtime,
                                  metrics=context.metrics, secret=context.secret, slots=context.slots)
        self.endpoint = endpoint
        return Inbound(routes=[Route("GET", PATH, endpoint.verify), Route("POST", PATH, endpoint.receive)],
                       profiles={CHANNEL_ID: WhatsAppProfiles(context.runtime.people)},
                       drain=endpoint.on_shutdown, close=endpoint.on_cleanup, background=endpoint.sweep_until)

    def sender(self, context: SendContext) -> ChannelSender | None:
        if not configured(self.settings):
            return None
        return announcer_from(self.settings, context.metrics, context.secret)
