"""The channels the server runs, composed behind the contract of ``core/channel.py``.

Adding a channel: its package under ``adapters/``, one entry in :data:`CHANNELS` (docs/extending.md).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field

from aiohttp import web
from microsoft_agents.activity import Activity

from wijkwijzer.adapters.teams.channel import TeamsChannel
from wijkwijzer.adapters.whatsapp.channel import WhatsAppChannel
from wijkwijzer.core.agent import ProfileSource
from wijkwijzer.core.channel import Channel, Inbound, InboundContext, SendContext
from wijkwijzer.core.delivery import ChannelSender
from wijkwijzer.core.services import Profile

CHANNELS: tuple[Callable[[], Channel], ...] = (TeamsChannel, WhatsAppChannel)
"""Every channel, each built from its own settings (``WIJKWIJZER_TEAMS_*``, ``WIJKWIJZER_WHATSAPP_*``)."""


def channels(*given: Channel) -> list[Channel]:
    """One of each channel in :data:`CHANNELS`; a channel in ``given`` replaces the one of its name."""
    chosen = {channel.name: channel for channel in given}
    built = [make() for make in CHANNELS]
    return [chosen.pop(channel.name, channel) for channel in built] + list(chosen.values())


@dataclass
class ChannelProfiles:
    """The agent's ProfileSource: asks the source registered for the activity's channel.

    An activity of a channel without a source goes to ``fallback`` when there is one, else it is
    an unregistered ``gast``.
    """

    sources: dict[str, ProfileSource] = field(default_factory=dict)
    fallback: ProfileSource | None = None

    def register(self, channel: str, source: ProfileSource) -> None:
        self.sources[channel] = source

    async def profile_for(self, activity: Activity) -> Profile:
        source = self.sources.get(str(activity.channel_id or "")) or self.fallback
        if source is None:
            return Profile(user_id="", role="gast")
        return await source.profile_for(activity)


def register_profiles(agent: object, sources: Mapping[str, ProfileSource]) -> None:
    """Give the agent the channel's profile sources. An agent whose source is not per channel
    keeps it for other channels only: a stranger on this channel is never taken for someone the
    other source knows."""
    current = getattr(agent, "profiles", None)
    register = getattr(current, "register", None)
    if register is None:
        wrapper = ChannelProfiles(fallback=current)
        agent.profiles = wrapper  # type: ignore[attr-defined]
        register = wrapper.register
    for channel_id, source in sources.items():
        register(channel_id, source)


PATHS = web.AppKey("channel_paths", dict[str, str])
"""Which channel each mounted path belongs to (the label of refusals in ``/metrics``)."""


def mount(app: web.Application, channel: Channel, context: InboundContext) -> Inbound:
    """Mount the channel's routes on ``app``, give the agent its profiles, stop it with the app."""
    inbound = channel.inbound(context)
    paths = app.setdefault(PATHS, {})
    for route in inbound.routes:
        app.router.add_route(route.method, route.path, route.handler)
        paths[route.path] = channel.name
    register_profiles(context.agent, inbound.profiles)

    async def drain(_: web.Application) -> None:
        await inbound.drain()

    async def close(_: web.Application) -> None:
        await inbound.close()

    app.on_shutdown.append(drain)
    app.on_cleanup.append(close)
    if inbound.background is not None:
        app.cleanup_ctx.append(while_serving(inbound.background))
    return inbound


def while_serving(work: Callable[[asyncio.Event], Awaitable[None]]
                  ) -> Callable[[web.Application], AsyncIterator[None]]:
    """A cleanup context that runs ``work`` as a task while the app runs and stops it with the app."""

    async def run(_: web.Application) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task: asyncio.Future[None] = asyncio.ensure_future(work(stop))
        yield
        stop.set()
        await task

    return run


def senders(chosen: Iterable[Channel], context: SendContext) -> dict[str, ChannelSender]:
    """The proactive sender of every channel that is configured to send, by channel name."""
    found = {channel.name: channel.sender(context) for channel in chosen}
    return {name: sender for name, sender in found.items() if sender is not None}
