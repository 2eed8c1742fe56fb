"""The contract every channel implements: Teams and WhatsApp today, the next one tomorrow.

A channel is one package ``wijkwijzer/adapters/<name>/`` with a class that satisfies
:class:`Channel`; ``wijkwijzer/app/channels.py`` lists the channels and composes them into the
server (routes, profiles) and the delivery worker (senders). Nothing outside the adapter knows
a channel's payloads, limits or API:

- **inbound** — ``inbound(context)`` builds the channel's webhook routes. A handler checks the
  signature or token before it parses anything, turns the payload into an ``Activity`` and runs
  the agent's turn; it renders the agent's replies in the channel's own form within its limits
  (buttons, lengths, cards), so dialogs never ask which channel they are on;
- **profiles** — who is talking: a :class:`ProfileSource` per activity ``channel_id`` the channel
  produces (a pseudonymous user id, and the registered user when there is one);
- **proactive** — ``sender(context)``: a :class:`ChannelSender` for announcements, or ``None``
  when the channel is not configured to send.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from wijkwijzer.core.agent import ProfileSource
from wijkwijzer.core.delivery import ChannelSender
from wijkwijzer.core.metrics import Metrics

Handler = Callable[[Any], Awaitable[Any]]
"""A web handler: takes the server's request, returns its response."""


async def _nothing() -> None:
    return None


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Handler


@dataclass(frozen=True)
class Inbound:
    """What a channel mounts on the server, and how it stops."""

    routes: Sequence[Route]
    profiles: Mapping[str, ProfileSource]
    drain: Callable[[], Awaitable[None]] = _nothing
    """Called when the server stops accepting requests: finish work already acknowledged."""
    close: Callable[[], Awaitable[None]] = _nothing
    """Called last: close clients and sessions."""
    background: Callable[[asyncio.Event], Awaitable[None]] | None = None
    """Work that runs while the server runs, until the event is set (WhatsApp: answering what a
    dead process left unanswered)."""


@dataclass(frozen=True)
class SendContext:
    """What a channel's proactive sender may use."""

    metrics: Metrics
    secret: str
    references: Any
    """``store.references.ConversationReferences``: where each user was last seen."""


@dataclass(frozen=True)
class InboundContext(SendContext):
    """What a channel's webhook may use, besides the sender's context."""

    agent: Any
    """The agent whose ``on_turn`` runs every turn (``core.agent.WijkwijzerAgent``)."""
    runtime: Any
    """The composed runtime: ``engine``, ``people``, ``outbox``, ``settings``."""
    slots: asyncio.Semaphore | None = None
    """Turns in flight in this process, for every channel together (``WIJKWIJZER_MAX_TURNS``)."""


class Channel(Protocol):
    """One chat channel. ``name`` is also the outbox's channel column for its deliveries."""

    @property
    def name(self) -> str: ...

    def inbound(self, context: InboundContext) -> Inbound: ...

    def sender(self, context: SendContext) -> ChannelSender | None: ...
