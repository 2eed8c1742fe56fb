"""A new channel is one class behind ``core/channel.py`` plus one entry in ``app/channels.CHANNELS``:
the server mounts its routes, asks its profile source who is talking, counts its refusals under
its name and gives its sender to the delivery worker — without an edit anywhere else."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from microsoft_agents.activity import Activity

from tests.adapters import fakes
from wijkwijzer.adapters.console.adapter import ConsoleAdapter
from wijkwijzer.adapters.teams.channel import TeamsChannel
from wijkwijzer.adapters.whatsapp.channel import WhatsAppChannel
from wijkwijzer.app import channels as channel_registry
from wijkwijzer.core.channel import Channel, Inbound, InboundContext, Route, SendContext
from wijkwijzer.core.delivery import Outcome
from wijkwijzer.core.services import Profile
from wijkwijzer.store.outbox import Announcement, Claimed

make_teams = fakes.make_teams


class Profiles:
    def __init__(self) -> None:
        self.asked: list[str] = []

    async def profile_for(self, activity: Activity) -> Profile:
        self.asked.append(str(activity.channel_id))
        return Profile(user_id="scratch-user", role="gast")


class ScratchAdapter(ConsoleAdapter):
    def _activity(self, **fields: Any) -> Activity:
        activity = super()._activity(**fields)
        activity.channel_id = "scratch"
        return activity


class Sender:
    rate_per_second = 10.0

    async def deliver(self, row: Claimed, announcement: Announcement) -> Outcome:
        return Outcome("sent")

    async def close(self) -> None:
        return None


class ScratchChannel:
    name = "scratch"
    profiles = Profiles()

    def inbound(self, context: InboundContext) -> Inbound:
        async def handle(request: web.Request) -> web.Response:
            payload = await request.json()
            replies = await ScratchAdapter(context.agent.on_turn, conversation_id="scratch-1").send_text(payload["text"])
            return web.json_response({"replies": [r.text for r in replies]})

        return Inbound(routes=[Route("POST", "/api/scratch", handle)], profiles={"scratch": self.profiles})

    def sender(self, context: SendContext) -> Sender:
        return Sender()


def test_teams_and_whatsapp_satisfy_the_contract():
    built: list[Channel] = [TeamsChannel(), WhatsAppChannel()]
    assert [channel.name for channel in built] == ["msteams", "whatsapp"]
    assert [type(channel) for channel in channel_registry.channels()] == [TeamsChannel, WhatsAppChannel]
    given = WhatsAppChannel()
    assert channel_registry.channels(given)[1] is given


async def test_a_new_channel_is_one_entry(make_teams, monkeypatch):
    monkeypatch.setattr(channel_registry, "CHANNELS", (*channel_registry.CHANNELS, ScratchChannel))
    server = await make_teams(max_body_bytes=2048)

    async with server.session.post(f"{server.url}/api/scratch", json={"text": "wat is een tlv"}) as response:
        assert response.status == 200
        replies = (await response.json())["replies"]
    assert any("toelaatbaarheidsverklaring" in text.lower() for text in replies), replies
    assert ScratchChannel.profiles.asked == ["scratch"]

    async with server.session.post(f"{server.url}/api/scratch", data=b"x" * 4096) as response:
        assert response.status == 413
    rejected = server.app[fakes.METRICS].registry.get_sample_value(
        "wijkwijzer_rejected_requests_total", {"channel": "scratch", "reason": "too_large"})
    assert rejected == 1

    worker = server.delivery_worker()
    assert isinstance(worker.senders["scratch"], Sender)
    assert "msteams" in worker.senders
