"""endpoint: part of the whatsapp channel (see the package docstring)."""


from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ChannelId,
    ConversationAccount,
)
from microsoft_agents.hosting.core import TurnContext
from sqlalchemy.exc import SQLAlchemyError

from wijkwijzer.adapters.whatsapp.adapter import WhatsAppAdapter
from wijkwijzer.adapters.whatsapp.announcer import WhatsAppAnnouncer
from wijkwijzer.adapters.whatsapp.graph import GraphClient
from wijkwijzer.adapters.whatsapp.identity import ADDRESS_KEY
from wijkwijzer.adapters.whatsapp.inbound import InboundTurns
from wijkwijzer.adapters.whatsapp.parse import (
    Inbound,
    message_key,
    parse_delivery,
    read_capped,
    signature_ok,
    stale,
)
from wijkwijzer.adapters.whatsapp.render import render_activity
from wijkwijzer.adapters.whatsapp.settings import (
    BOT_NAME,
    CHANNEL_ID,
    SHUTDOWN_GRACE_SECONDS,
    SIGNATURE_HEADER,
    UNSUPPORTED_REPLY,
    WhatsAppSettings,
)
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.core.replies import announcement, reply
from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.inbound import InboundWork
from wijkwijzer.store.outbox import Outbox
from wijkwijzer.store.people import People
from wijkwijzer.store.signals import pseudonymize
from wijkwijzer.store.whatsapp_store import StatusUpdate, WhatsAppStore

log = logging.getLogger(__name__)


# --- the webhook endpoint ----------------------------------------------------------------------


DEFAULT_SLOTS = 16


@dataclass(frozen=True)
class InboundTiming:
    """Leases, timeouts and turn slots of inbound work (``WIJKWIJZER_INBOUND_*``,
    ``WIJKWIJZER_REPLY_TIMEOUT_SECONDS``, ``WIJKWIJZER_MAX_TURNS``)."""

    lease: timedelta = timedelta(seconds=60)
    reply_timeout: float = 10.0
    sweep_seconds: float = 5.0
    slots: int = DEFAULT_SLOTS

    @classmethod
    def from_settings(cls, settings: Any) -> InboundTiming:
        return cls(lease=timedelta(seconds=settings.inbound_lease_seconds), reply_timeout=settings.reply_timeout_seconds,
                   sweep_seconds=settings.inbound_sweep_seconds, slots=settings.max_turns)


def _first_of_each(messages: list[Inbound], fresh: set[str]) -> list[Inbound]:
    """The messages whose id was newly claimed, each id once, in delivery order."""
    kept: list[Inbound] = []
    for message in messages:
        if message.message_id in fresh:
            fresh.discard(message.message_id)
            kept.append(message)
    return kept


class WhatsAppEndpoint:
    """``GET`` and ``POST /api/whatsapp``; keeps the background tasks of accepted deliveries."""

    def __init__(self, *, settings: WhatsAppSettings, logic: Callable[[TurnContext], Awaitable[None]],
                 adapter: WhatsAppAdapter, store: WhatsAppStore, metrics: Metrics,
                 pseudonym: Callable[[str], str], work: InboundWork, full_texts: FullTexts | None = None,
                 people: People | None = None, slots: asyncio.Semaphore | None = None,
                 timing: InboundTiming | None = None,
                 max_age: timedelta = timedelta(days=14)) -> None:
        """``max_age``: how long received message ids are kept (``WIJKWIJZER_RETENTION_INBOUND_DAYS``);
        a message sent longer ago is acknowledged and not answered (a replay after its id was purged)."""
        self.settings = settings
        self.max_age = max_age
        self.logic = logic
        self.adapter = adapter
        self.store = store
        self.metrics = metrics
        self.pseudonym = pseudonym
        self.full_texts = full_texts
        self.people = people
        self._tasks: set[asyncio.Task[None]] = set()
        timing = timing or InboundTiming()
        self.turns = InboundTurns(work=work, client=adapter.client, turn=self._turn, who=pseudonym,
                                  slots=slots or asyncio.Semaphore(timing.slots), slots_total=timing.slots,
                                  lease=timing.lease,
                                  reply_timeout=timing.reply_timeout, sweep_seconds=timing.sweep_seconds)

    async def verify(self, request: web.Request) -> web.Response:
        """Meta's subscription check: echo ``hub.challenge`` when mode and token match."""
        query = request.query
        token = self.settings.verify_token.get_secret_value()
        given = query.get("hub.verify_token", "")
        if (query.get("hub.mode") != "subscribe" or not token
                or not hmac.compare_digest(token.encode(), given.encode("utf-8", "replace"))):
            self.metrics.reject(CHANNEL_ID, "verify_token")
            return web.Response(status=403, text="Forbidden")
        challenge = query.get("hub.challenge", "")
        if not challenge.isdigit() or len(challenge) > 64:
            return web.Response(status=400, text="Bad Request")
        return web.Response(status=200, text=challenge, content_type="text/plain")

    async def receive(self, request: web.Request) -> web.Response:
        """A delivery: size, signature and JSON checked in that order; acknowledged once claimed."""
        if not self.settings.app_secret.get_secret_value():
            self.metrics.reject(CHANNEL_ID, "not_configured")
            return web.Response(status=503, text="Not configured")
        raw = await read_capped(request, self.settings.max_body_bytes)
        if raw is None:
            return self._refuse(413, "too_large")
        if not signature_ok(raw, request.headers.get(SIGNATURE_HEADER), self.settings.app_secret.get_secret_value()):
            return self._refuse(401, "signature")
        try:
            payload = json.loads(raw)
        except (ValueError, RecursionError):
            return self._refuse(400, "bad_json")
        if not isinstance(payload, dict):
            return self._refuse(400, "bad_payload")
        delivery = parse_delivery(payload, self.settings.phone_number_id, self.pseudonym)
        now = datetime.now(UTC)
        if any(stale(m, now, self.max_age) for m in delivery.messages):
            delivery.messages = [m for m in delivery.messages if not stale(m, now, self.max_age)]
            log.info("whatsapp delivery: message(s) older than %s acknowledged, not answered", self.max_age)
        try:
            messages = await self.turns.receive(delivery.messages, self.pseudonym)
        except (SQLAlchemyError, OSError) as error:
            log.error("whatsapp delivery not claimed (%s); Meta will redeliver", type(error).__name__)
            return web.Response(status=503, text="Try again")
        skipped = len(delivery.messages) - len(messages)
        if skipped:
            log.info("whatsapp delivery: %d message(s) already processed, skipped", skipped)
        if delivery.statuses:
            tags = [status.reply_to for status in delivery.statuses if status.reply_to is not None]
            if tags:  # before the 200: a process taking over an answer must already know these went out
                with _logged("whatsapp status of a reply not counted"):
                    await self.turns.work.accepted_all(tags)
            self._spawn(self._record(delivery.statuses))
        return web.Response(status=200, text="OK")

    def _refuse(self, status: int, reason: str) -> web.Response:
        self.metrics.reject(CHANNEL_ID, reason)
        log.warning("whatsapp request refused: status=%d reason=%s", status, reason)
        return web.Response(status=status, text=reason)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self, timeout: float | None = None) -> None:
        """Wait until the background work of every accepted delivery is done."""
        while self._tasks or self.turns.backlog:
            if self._tasks:
                _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
                if pending:
                    log.warning("whatsapp: %d delivery task(s) still running at shutdown", len(pending))
                    return
            if not await self.turns.drain(timeout):
                log.warning("whatsapp: %d message(s) still queued at shutdown", self.turns.backlog)
                return

    async def _record(self, statuses: list[StatusUpdate]) -> None:
        """Each status stored (that the Graph API accepted our replies among them was counted
        before the delivery was acknowledged, in :meth:`receive`)."""
        for status in statuses:
            with _logged("whatsapp status not recorded"):
                await self.store.record_status(status)

    async def _turn(self, message: Inbound, repeat_unsupported: bool) -> list[dict[str, Any]]:
        """Run the turn of one message; its replies, rendered, not sent yet (store/inbound.py)."""
        if message.kind == "number_changed":
            await self._number_changed(message)
            return []
        if message.kind == "unsupported":
            return render_activity(reply(UNSUPPORTED_REPLY), self.adapter.limits) if repeat_unsupported else []
        replies: list[dict[str, Any]] = []
        if message.kind == "text" and self.full_texts is not None:
            replies += await self.full_texts.take(self.adapter, self.pseudonym(message.sender))
        await self.adapter.process(self.activity_for(message), self.logic, replies)
        return replies

    async def _number_changed(self, message: Inbound) -> None:
        """Meta says the sender now uses another number: their registration (and everything else
        under the old pseudonym) moves to the new one. Nothing is sent: the new number has not
        written to us, so WhatsApp's 24-hour window is not open for it."""
        if self.people is None or message.new_address is None:
            return
        old = self.pseudonym(message.sender)
        moved = await self.people.change_number(old, self.pseudonym(message.new_address), message.new_address,
                                                state_keys=[conversation_state_key(old)])
        log.info("whatsapp: a user changed number; registered=%s rows=%d", moved.registered, moved.rows)

    def activity_for(self, message: Inbound) -> Activity:
        user = ChannelAccount(id=self.pseudonym(message.sender))
        fields: dict[str, Any] = {"type": ActivityTypes.message, "text": message.text}
        if message.kind == "welcome":
            fields = {"type": ActivityTypes.conversation_update, "members_added": [user]}
        if message.timestamp is not None:
            fields["timestamp"] = message.timestamp
        return Activity(
            id=message.message_id, channel_id=ChannelId(channel=CHANNEL_ID), service_url=self.settings.graph_url,
            conversation=ConversationAccount(id=user.id), from_property=user,
            recipient=ChannelAccount(id=self.settings.phone_number_id or CHANNEL_ID, name=BOT_NAME),
            locale="nl-NL", channel_data={ADDRESS_KEY: message.sender}, **fields,
        )

    async def sweep_until(self, stop: asyncio.Event) -> None:
        """While the server runs: answer what dead processes left, and retries that are due."""
        await self.turns.sweep_until(stop)

    async def on_shutdown(self) -> None:
        await self.drain(SHUTDOWN_GRACE_SECONDS)

    async def on_cleanup(self) -> None:
        """Requests still in flight at shutdown may have started work: finish it, then close."""
        await self.drain(SHUTDOWN_GRACE_SECONDS)
        await self.adapter.client.close()


def conversation_state_key(conversation_id: str) -> str:
    """The key of a WhatsApp conversation's state, as the SDK's ConversationState makes it
    (``{channel}/conversations/{conversation id}``; the conversation id is the sender's pseudonym)."""
    return f"{CHANNEL_ID}/conversations/{conversation_id}"


class FullTexts:
    """Announcements that reached a number only as a template (outside WhatsApp's 24-hour window)
    are shown in full on that person's next message, before it is answered."""

    def __init__(self, people: People, outbox: Outbox) -> None:
        self.people = people
        self.outbox = outbox

    async def take(self, adapter: WhatsAppAdapter, user_id: str) -> list[dict[str, Any]]:
        """The unread full texts, rendered, and marked as shown (the caller sends them first)."""
        user = await self.people.get(user_id)
        if user is None:
            return []
        unread = await self.outbox.unread_full_texts(user.id)
        rendered = [message for item in unread for message in render_activity(announcement(item.text), adapter.limits)]
        if unread:
            await self.outbox.mark_full_text_shown(user.id, [item.id for item in unread])
        return rendered


def build_endpoint(settings: WhatsAppSettings, *, agent: Any, runtime: Any, metrics: Metrics,
                   secret: str, slots: asyncio.Semaphore | None = None) -> WhatsAppEndpoint:
    """The webhook for ``agent``: ``verify`` answers Meta's subscription check, ``receive`` deliveries.
    ``slots`` bounds the turns in flight (shared with the other channels)."""

    def pseudonym(address: str) -> str:
        return pseudonymize(address, secret)

    client = GraphClient(settings, metrics)
    endpoint = WhatsAppEndpoint(settings=settings, logic=agent.on_turn, adapter=WhatsAppAdapter(client, pseudonym),
                                store=WhatsAppStore(runtime.engine), metrics=metrics, pseudonym=pseudonym,
                                work=InboundWork(runtime.engine, AddressCipher(secret)),
                                full_texts=FullTexts(runtime.people, runtime.outbox), people=runtime.people,
                                slots=slots, timing=InboundTiming.from_settings(runtime.settings),
                                max_age=timedelta(days=runtime.settings.retention_inbound_days))
    _warn_if_incomplete(settings)
    return endpoint


def configured(settings: WhatsAppSettings) -> bool:
    return bool(settings.access_token.get_secret_value() and settings.phone_number_id)


def announcer_from(settings: WhatsAppSettings, metrics: Metrics, secret: str) -> WhatsAppAnnouncer:
    return WhatsAppAnnouncer(settings, GraphClient(settings, metrics),
                             message_key=lambda message_id: message_key(message_id, lambda v: pseudonymize(v, secret)))


def _warn_if_incomplete(settings: WhatsAppSettings) -> None:
    missing = [name for name, value in (
        ("VERIFY_TOKEN", settings.verify_token.get_secret_value()),
        ("APP_SECRET", settings.app_secret.get_secret_value()),
        ("ACCESS_TOKEN", settings.access_token.get_secret_value()),
        ("PHONE_NUMBER_ID", settings.phone_number_id),
    ) if not value]
    if missing:
        log.warning("whatsapp: not configured: WIJKWIJZER_WHATSAPP_%s", ", WIJKWIJZER_WHATSAPP_".join(missing))




@contextlib.contextmanager
def _logged(what: str) -> Iterator[None]:
    """One bad status must not stop the others: its error is logged by type, never its content."""
    try:
        yield
    except Exception as error:  # noqa: BLE001
        log.error("%s (%s)", what, type(error).__name__)
