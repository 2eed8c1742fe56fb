"""The WhatsApp channel: the Cloud API webhook in, the Graph API ``/messages`` endpoint out.

``setup_whatsapp(app, agent=…, runtime=…, metrics=…)`` mounts ``GET /api/whatsapp`` (Meta's
subscription check) and ``POST /api/whatsapp`` (deliveries). A delivery is checked in this
order, each before the next step: body size (413), ``X-Hub-Signature-256`` over the raw bytes
(401), JSON (400). Then the ids of its messages are claimed in ``inbound_messages`` (a message
seen before is skipped: Meta redelivers) and the delivery is acknowledged with 200; the turns
run in a background task, so slow work never delays the acknowledgement. Claiming happens
before the 200 on purpose: when the database is down the answer is 503 and Meta redelivers,
instead of a message being acknowledged and then lost.

Text messages and taps on reply buttons or list rows become message Activities with channel
id ``whatsapp``; the conversation id is the sender's address (the phone number as ``wa_id``, or
the business-scoped user id when Meta withholds the number), the sender's id is a keyed hash
of it. The raw number lives only in the conversation (reference) — it is needed to reply —
and never in logs. Other message types get one short Dutch answer. Statuses go to
``message_status``. Configuration: ``WhatsAppSettings`` (``WIJKWIJZER_WHATSAPP_*``), see
docs/whatsapp.md.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
import weakref
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import phonenumbers
from aiohttp import web
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
)
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.channel_adapter import ChannelAdapter
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.exc import SQLAlchemyError

from wijkwijzer.bot.accounts import Identity, profile_of
from wijkwijzer.bot.delivery import Outcome, backoff_delay, parse_retry_after
from wijkwijzer.bot.metrics import Metrics
from wijkwijzer.bot.store.outbox import Announcement, Claimed
from wijkwijzer.bot.store.people import People
from wijkwijzer.bot.store.signals import pseudonymize
from wijkwijzer.bot.store.whatsapp_store import StatusUpdate, WhatsAppStore
from wijkwijzer.dialogs.replies import announcement, reply
from wijkwijzer.dialogs.services import Profile

from .console import APOLOGY
from .whatsapp_render import RenderLimits, inbound_reply_text, inert, render_activity

# ---------------------------------------------------------------------------------------------
# WhatsApp Cloud API numbers and their sources (checked against Meta's documentation, 2026).
# ---------------------------------------------------------------------------------------------
CHANNEL_ID = "whatsapp"
DEFAULT_GRAPH_URL = "https://graph.facebook.com"
# Newest Graph API version, released 2026-07-29 (v25.0 is available until 2028-07-29):
# https://developers.facebook.com/docs/graph-api/changelog/versions/
DEFAULT_API_VERSION = "v26.0"
LIMITS = RenderLimits(
    # text.body ≤ 4096:
    # https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages/
    text_body=4096,
    # Reply buttons: body ≤ 1024, ≤ 3 buttons, title ≤ 20, id ≤ 256:
    # https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
    # (list bodies may be 4096; we keep 1024 for every interactive body).
    interactive_body=1024,
    reply_buttons=3,
    button_title=20,
    button_id=256,
    # List: ≤ 10 rows in all sections, row title ≤ 24, description ≤ 72, row id ≤ 200, button ≤ 20:
    # https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
    list_rows=10,
    row_title=24,
    row_description=72,
    row_id=200,
    list_button=20,
)
# Throughput: 80 messages/s per business number by default (up to 1,000 after an automatic
# upgrade); above it the API answers 130429:
# https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput
THROUGHPUT_MESSAGES_PER_SECOND = 80
# Pair rate: about 1 message per 6 s to one user (short bursts tolerated), above it 131056.
# Meta names the error but not the number; secondary source:
# https://dev.to/wapgrowai_org/whatsapp-cloud-api-rate-limits-in-practice-throughput-pair-rate-messaging-limits-and-error-codes-1i7k
PAIR_RATE_SECONDS = 6.0
# Free-form messages only within 24 hours of the user's last message; outside it only an
# approved template (error 131047 otherwise):
# https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages
CUSTOMER_SERVICE_WINDOW = timedelta(hours=24)
# Keep a margin: the window must still be open when Meta processes the message.
WINDOW_MARGIN = timedelta(minutes=10)
# A template body parameter may not hold newlines, tabs or more than 4 consecutive spaces.
TEMPLATE_PARAMETER_MAX = 1024
# Error codes: https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
# Permanent: retrying the same request cannot succeed (any other 4xx is treated as permanent too).
PERMANENT_ERROR_CODES = frozenset({
    0,       # AuthException
    3,       # capability or permissions
    10,      # permission denied
    100,     # invalid parameter
    190,     # access token expired or invalid
    368,     # temporarily blocked for policy violations
    131008,  # required parameter missing
    131009,  # parameter value invalid
    131021,  # recipient cannot be sender
    131026,  # message undeliverable (not on WhatsApp, old client, terms not accepted)
    131031,  # business account locked
    131042,  # payment problem
    131047,  # re-engagement: more than 24 h since the user's last message, templates only
    131048,  # spam rate limit
    131049,  # Meta chose not to deliver (ecosystem protection)
    131051,  # unsupported message type
    131062,  # business-scoped user id recipients not supported for this message
    133010,  # phone number not registered
})
# Transient: retry with backoff (as are HTTP 429 and 5xx without a code).
TRANSIENT_ERROR_CODES = frozenset({
    1,       # API unknown (possible server error)
    2,       # API service: temporary downtime or overload
    4,       # API too many calls
    80007,   # WABA rate limit
    130429,  # throughput reached
    131000,  # something went wrong
    131016,  # service unavailable
    131056,  # pair rate limit (same business and user)
    133004,  # server temporarily unavailable
})
# Meta redelivers a webhook that got no 200 for up to 7 days, and signs the raw body only (no
# timestamp): https://developers.facebook.com/docs/graph-api/webhooks/getting-started/
WEBHOOK_REDELIVERY_DAYS = 7
INBOUND_RETENTION_DAYS = 2 * WEBHOOK_REDELIVERY_DAYS
SIGNATURE_HEADER = "X-Hub-Signature-256"
MAX_INBOUND_TEXT = LIMITS.text_body
SHUTDOWN_GRACE_SECONDS = 30.0
# ---------------------------------------------------------------------------------------------

UNSUPPORTED_REPLY = "Dat kan ik (nog) niet lezen. Typ je vraag als tekst."
BOT_NAME = "Wijkwijzer"

log = logging.getLogger(__name__)

_SIGNATURE = re.compile(r"sha256=([0-9a-fA-F]{64})")
_PHONE_ADDRESS = re.compile(r"\d{6,20}")
_USER_ID_ADDRESS = re.compile(r"[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}")
_MESSAGE_ID = re.compile(r"[A-Za-z0-9._:=+/-]{1,256}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class WhatsAppSettings(BaseSettings):
    """WhatsApp configuration from ``WIJKWIJZER_WHATSAPP_*`` (docs/whatsapp.md has the table)."""

    model_config = SettingsConfigDict(env_prefix="WIJKWIJZER_WHATSAPP_", env_file=".env", extra="ignore",
                                      populate_by_name=True)

    verify_token: SecretStr = Field(default=SecretStr(""), description="token Meta echoes when verifying the webhook")
    app_secret: SecretStr = Field(default=SecretStr(""), description="Meta app secret: key of X-Hub-Signature-256")
    access_token: SecretStr = Field(default=SecretStr(""), description="system-user token for the Graph API")
    phone_number_id: str = Field(default="", description="our business phone number id; other numbers are ignored")
    graph_url: str = Field(default=DEFAULT_GRAPH_URL, description="Graph API base URL")
    api_version: str = Field(default=DEFAULT_API_VERSION, description="Graph API version")
    max_attempts: int = Field(default=5, ge=1, le=20, description="send attempts before giving up on transient errors")
    backoff_base: float = Field(default=1.0, gt=0, description="first retry wait in seconds, doubled per attempt")
    backoff_max: float = Field(default=30.0, gt=0, description="longest wait between attempts, also for Retry-After")
    request_timeout: float = Field(default=10.0, gt=0, description="seconds per Graph API request")
    template_name: str = Field(default="", description="approved template for announcements outside the 24-hour window")
    template_language: str = Field(default="nl", description="language code of that template")
    outbox_rate: float = Field(default=float(THROUGHPUT_MESSAGES_PER_SECOND), gt=0, description="announcements per second per delivery worker")
    recipient_interval: float = Field(default=PAIR_RATE_SECONDS, ge=0,
                                      description="seconds between two announcements to one number")
    max_body_bytes: int = Field(default=262144, ge=1024, validation_alias="WIJKWIJZER_MAX_BODY_BYTES",
                                description="largest accepted webhook body")

    @property
    def messages_url(self) -> str:
        return f"{self.graph_url.rstrip('/')}/{self.api_version.strip('/')}/{self.phone_number_id}/messages"


# --- identities ------------------------------------------------------------------------------


def normalize_number(number: str) -> str | None:
    """An E.164 number as WhatsApp writes a ``wa_id`` (digits, no +); None when it is no number."""
    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


def valid_address(value: Any) -> bool:
    """A ``wa_id`` (digits) or a business-scoped user id (``NL.123…``)."""
    return isinstance(value, str) and bool(_PHONE_ADDRESS.fullmatch(value) or _USER_ID_ADDRESS.fullmatch(value))


class WhatsAppProfiles:
    """The ProfileSource for WhatsApp: a number is an unregistered ``gast`` until it redeemed
    an invite code; then its user record decides. Activities of other channels go to
    ``fallback`` (or are ``gast``)."""

    def __init__(self, people: People, fallback: Any = None) -> None:
        self.people = people
        self.fallback = fallback

    async def profile_for(self, activity: Activity) -> Profile:
        if str(activity.channel_id or "") != CHANNEL_ID:
            return await self.fallback.profile_for(activity) if self.fallback else Profile(user_id="", role="gast")
        user_id = activity.from_property.id if activity.from_property and activity.from_property.id else ""
        address = activity.conversation.id if activity.conversation else None
        return await profile_of(self.people, Identity(user_id=user_id, channel=CHANNEL_ID, address=address))


# --- webhook parsing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Inbound:
    """One inbound message: ``kind`` is ``text``, ``welcome`` or ``unsupported``."""

    message_id: str
    sender: str
    kind: str
    text: str = ""
    timestamp: datetime | None = None


@dataclass
class Delivery:
    messages: list[Inbound] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _timestamp(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def clean_text(text: str) -> str:
    """Valid UTF-8 without control characters (lone surrogates, NUL), capped in length."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub("", text)[:MAX_INBOUND_TEXT]


def parse_delivery(payload: dict[str, Any], phone_number_id: str, pseudonym: Callable[[str], str]) -> Delivery:
    """The messages and statuses for our phone number; malformed items are skipped one by one."""
    delivery = Delivery()
    if payload.get("object") != "whatsapp_business_account":
        return delivery
    for entry in _list(payload.get("entry")):
        for change in _list(_dict(entry).get("changes")):
            change = _dict(change)
            value = _dict(change.get("value"))
            ours = _dict(value.get("metadata")).get("phone_number_id") == phone_number_id
            if change.get("field") != "messages" or not ours:
                continue
            _log_errors(value)
            delivery.messages.extend(m for m in map(inbound_message, _list(value.get("messages"))) if m)
            statuses = (status_update(s, pseudonym) for s in _list(value.get("statuses")))
            delivery.statuses.extend(s for s in statuses if s)
    return delivery


def _log_errors(value: dict[str, Any]) -> None:
    for error in _list(value.get("errors")):
        log.warning("whatsapp webhook error: code=%s", _dict(error).get("code"))


def inbound_message(raw: Any) -> Inbound | None:
    raw = _dict(raw)
    message_id = raw.get("id")
    sender = raw.get("from") or raw.get("from_user_id")
    if not isinstance(message_id, str) or not _MESSAGE_ID.fullmatch(message_id) or not valid_address(sender):
        return None
    kind = _str(raw.get("type"))
    timestamp = _timestamp(raw.get("timestamp"))
    if kind == "system" or (kind == "reaction" and not _dict(raw.get("reaction")).get("emoji")):
        return None
    if kind == "request_welcome":
        return Inbound(message_id, sender, "welcome", timestamp=timestamp)
    text = message_text(kind, raw)
    if text is None:
        return Inbound(message_id, sender, "unsupported", timestamp=timestamp)
    return Inbound(message_id, sender, "text", clean_text(text), timestamp)


def message_text(kind: str, raw: dict[str, Any]) -> str | None:
    """The text of a text message or a tapped reply; None for every other type."""
    if kind == "text":
        return _str(_dict(raw.get("text")).get("body"))
    if kind == "interactive":
        interactive = _dict(raw.get("interactive"))
        sub = interactive.get("type")
        if sub in ("button_reply", "list_reply"):
            chosen = _dict(interactive.get(sub))
            return inbound_reply_text(_str(chosen.get("id")), _str(chosen.get("title")))
        return None
    if kind == "button":
        return _str(_dict(raw.get("button")).get("text"))
    return None


def status_update(raw: Any, pseudonym: Callable[[str], str]) -> StatusUpdate | None:
    raw = _dict(raw)
    message_id, status = raw.get("id"), raw.get("status")
    if not isinstance(message_id, str) or not _MESSAGE_ID.fullmatch(message_id) or not isinstance(status, str):
        return None
    recipient = raw.get("recipient_id") or raw.get("recipient_user_id")
    error = _dict(next(iter(_list(raw.get("errors"))), None))
    code = error.get("code")
    return StatusUpdate(
        provider_message_id=message_id,
        status=status[:16],
        recipient=pseudonym(recipient) if valid_address(recipient) else None,
        error_code=code if isinstance(code, int) else None,
        error_title=_str(error.get("title"))[:200] or None,
        timestamp=_timestamp(raw.get("timestamp")),
    )


def signature_ok(raw: bytes, header: str | None, secret: str) -> bool:
    """``X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>``, compared in constant time."""
    match = _SIGNATURE.fullmatch(header or "")
    if not secret or match is None:
        return False
    expected = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, match.group(1).lower())


async def read_capped(request: web.Request, limit: int) -> bytes | None:
    """The raw body, or None as soon as it is known to be larger than ``limit``."""
    if request.content_length is not None and request.content_length > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(65536):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


# --- outbound: the Graph API ------------------------------------------------------------------


@dataclass(frozen=True)
class SendResult:
    """``outcome``: ``ok``, ``permanent_error`` or ``gave_up`` (transient errors until the last attempt)."""

    outcome: str
    message_id: str | None = None
    error_code: int | None = None


@dataclass(frozen=True)
class _Answer:
    status: int
    code: int | None = None
    title: str = ""
    retry_after: float | None = None
    message_id: str | None = None


def classify(answer: _Answer) -> str:
    if 200 <= answer.status < 300 and answer.message_id:
        return "ok"
    if answer.code in TRANSIENT_ERROR_CODES:
        return "transient"
    if answer.code in PERMANENT_ERROR_CODES:
        return "permanent"
    if answer.status in (0, 429) or answer.status >= 500:
        return "transient"
    return "permanent"


class GraphClient:
    """Posts messages to ``/{phone-number-id}/messages``: jittered exponential backoff on 429,
    5xx, network errors and transient error codes, honouring Retry-After; permanent errors are
    counted and logged (code and title, never the message) and not retried."""

    def __init__(self, settings: WhatsAppSettings, metrics: Metrics,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.settings = settings
        self.metrics = metrics
        self.sleep = sleep
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.settings.request_timeout))
        return self._session

    async def send(self, address: str, message: dict[str, Any], who: str) -> SendResult:
        """Send one message object to ``address``; ``who`` (a pseudonym) is what the logs show."""
        attempt = 0
        while True:
            attempt += 1
            answer = await self.post_once(address, message)
            verdict = classify(answer)
            if verdict == "ok":
                self.metrics.sent(CHANNEL_ID, "ok")
                return SendResult("ok", answer.message_id)
            if verdict == "permanent":
                return self._failed("permanent_error", answer, who, attempt)
            delay = self._delay(attempt, answer.retry_after)
            if attempt >= self.settings.max_attempts or delay is None:
                return self._failed("gave_up", answer, who, attempt)
            self.metrics.sent(CHANNEL_ID, "retry")
            log.info("whatsapp send retry: status=%s code=%s attempt=%d wait=%.2fs", answer.status, answer.code,
                     attempt, delay)
            await self.sleep(delay)

    async def post_once(self, address: str, message: dict[str, Any]) -> _Answer:
        """One attempt, no retry: the outbox keeps its own schedule of retries."""
        target = {"to": address} if _PHONE_ADDRESS.fullmatch(address) else {"recipient": address}
        return await self._post({"messaging_product": "whatsapp", "recipient_type": "individual", **target, **message})

    def _delay(self, attempt: int, retry_after: float | None) -> float | None:
        return backoff_delay(attempt, retry_after, self.settings.backoff_base, self.settings.backoff_max)

    def _failed(self, outcome: str, answer: _Answer, who: str, attempts: int) -> SendResult:
        self.metrics.sent(CHANNEL_ID, outcome)
        log.warning("whatsapp send failed: outcome=%s status=%s code=%s title=%r recipient=%s attempts=%d",
                    outcome, answer.status, answer.code, answer.title, who, attempts)
        return SendResult(outcome, error_code=answer.code)

    async def _post(self, payload: dict[str, Any]) -> _Answer:
        headers = {"Authorization": f"Bearer {self.settings.access_token.get_secret_value()}"}
        try:
            async with self._client().post(self.settings.messages_url, json=payload, headers=headers) as response:
                body = await _json_or_empty(response)
                return _answer(response.status, body, parse_retry_after(response.headers.get("Retry-After")))
        except (aiohttp.ClientError, TimeoutError) as error:
            log.info("whatsapp send: network error %s", type(error).__name__)
            return _Answer(status=0)


async def _json_or_empty(response: aiohttp.ClientResponse) -> dict[str, Any]:
    try:
        return _dict(await response.json(content_type=None))
    except (ValueError, aiohttp.ClientError):
        return {}


def _answer(status: int, body: dict[str, Any], retry_after: float | None) -> _Answer:
    error = _dict(body.get("error"))
    code = error.get("code")
    message_id = _dict(next(iter(_list(body.get("messages"))), None)).get("id")
    return _Answer(status=status, code=code if isinstance(code, int) else None, title=_str(error.get("message"))[:200],
                   retry_after=retry_after, message_id=message_id if isinstance(message_id, str) else None)


# --- the channel adapter -----------------------------------------------------------------------


class WhatsAppAdapter(ChannelAdapter):
    """Runs turns for WhatsApp Activities and sends the replies through the Graph API.

    A reply that cannot be delivered is counted and logged by the client; it does not fail
    the turn (the dialog state is still saved).
    """

    def __init__(self, client: GraphClient, pseudonym: Callable[[str], str], limits: RenderLimits = LIMITS) -> None:
        super().__init__()
        self.client = client
        self.pseudonym = pseudonym
        self.limits = limits
        self.on_turn_error = self._on_error

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        return [await self._send(activity) for activity in activities]

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        raise NotImplementedError("WhatsApp cannot edit a sent message")

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        raise NotImplementedError("WhatsApp cannot delete a sent message")

    async def _send(self, activity: Activity) -> ResourceResponse:
        address = activity.conversation.id if activity.conversation else None
        if activity.type != ActivityTypes.message or not valid_address(address):
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

    async def process(self, activity: Activity, logic: Callable[[TurnContext], Awaitable[None]]) -> None:
        context = TurnContext(self, activity)
        try:
            await self.run_pipeline(context, logic)
        finally:
            await context._aclose()

    async def _on_error(self, context: TurnContext, error: Exception) -> None:
        log.error("whatsapp turn failed: %s", type(error).__name__, exc_info=error)
        await context.send_activity(reply(APOLOGY))


# --- the webhook endpoint ----------------------------------------------------------------------


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
                 pseudonym: Callable[[str], str]) -> None:
        self.settings = settings
        self.logic = logic
        self.adapter = adapter
        self.store = store
        self.metrics = metrics
        self.pseudonym = pseudonym
        self._tasks: set[asyncio.Task[None]] = set()
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

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
        try:
            fresh = set(await self.store.claim([m.message_id for m in delivery.messages]))
        except (SQLAlchemyError, OSError) as error:
            log.error("whatsapp delivery not claimed (%s); Meta will redeliver", type(error).__name__)
            return web.Response(status=503, text="Try again")
        messages = _first_of_each(delivery.messages, fresh)
        skipped = len(delivery.messages) - len(messages)
        if skipped:
            log.info("whatsapp delivery: %d message(s) already processed, skipped", skipped)
        if messages or delivery.statuses:
            self._spawn(self._process(messages, delivery.statuses))
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
        while self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
            if pending:
                log.warning("whatsapp: %d delivery task(s) still running at shutdown", len(pending))
                return

    async def _process(self, messages: list[Inbound], statuses: list[StatusUpdate]) -> None:
        by_sender: dict[str, list[Inbound]] = {}
        for message in messages:
            by_sender.setdefault(message.sender, []).append(message)
        await asyncio.gather(self._record(statuses),
                             *(self._conversation(sender, items) for sender, items in by_sender.items()))

    async def _record(self, statuses: list[StatusUpdate]) -> None:
        for status in statuses:
            try:
                await self.store.record_status(status)
            except Exception as error:  # noqa: BLE001 - one bad status must not stop the others
                log.error("whatsapp status not recorded (%s)", type(error).__name__)

    async def _conversation(self, sender: str, messages: list[Inbound]) -> None:
        """One sender's messages in order; one at a time per sender, so turns never overlap."""
        lock = self._locks.setdefault(sender, asyncio.Lock())
        async with lock:
            answered_unsupported = False
            for message in messages:
                if message.kind == "unsupported" and answered_unsupported:
                    continue
                answered_unsupported = message.kind == "unsupported"
                try:
                    await self._handle(message)
                except Exception as error:  # noqa: BLE001 - one bad message must not stop the others
                    log.error("whatsapp message not handled: %s", type(error).__name__, exc_info=error)

    async def _handle(self, message: Inbound) -> None:
        if message.kind == "unsupported":
            await self.adapter.send_rendered(message.sender, reply(UNSUPPORTED_REPLY))
            return
        await self.adapter.process(self.activity_for(message), self.logic)

    def activity_for(self, message: Inbound) -> Activity:
        user = ChannelAccount(id=self.pseudonym(message.sender))
        fields: dict[str, Any] = {"type": ActivityTypes.message, "text": message.text}
        if message.kind == "welcome":
            fields = {"type": ActivityTypes.conversation_update, "members_added": [user]}
        return Activity(
            id=message.message_id, channel_id=CHANNEL_ID, service_url=self.settings.graph_url,
            conversation=ConversationAccount(id=message.sender), from_property=user,
            recipient=ChannelAccount(id=self.settings.phone_number_id or CHANNEL_ID, name=BOT_NAME),
            timestamp=message.timestamp, locale="nl-NL", **fields,
        )

    async def on_startup(self, app: web.Application) -> None:
        try:
            purged = await self.store.purge_inbound_older_than(INBOUND_RETENTION_DAYS)
        except SQLAlchemyError as error:
            log.warning("whatsapp: old inbound ids not purged (%s)", type(error).__name__)
            return
        if purged:
            log.info("whatsapp: purged %d inbound id(s) older than %d days", purged, INBOUND_RETENTION_DAYS)

    async def on_shutdown(self, app: web.Application) -> None:
        await self.drain(SHUTDOWN_GRACE_SECONDS)

    async def on_cleanup(self, app: web.Application) -> None:
        """Requests still in flight at shutdown may have started work: finish it, then close."""
        await self.drain(SHUTDOWN_GRACE_SECONDS)
        await self.adapter.client.close()


WHATSAPP = web.AppKey("whatsapp", WhatsAppEndpoint)


def setup_whatsapp(app: web.Application, *, agent: Any, runtime: Any, metrics: Metrics,
                   settings: WhatsAppSettings | None = None) -> WhatsAppEndpoint:
    """Mount ``GET|POST /api/whatsapp`` on ``app`` for ``agent``; the endpoint is ``app[WHATSAPP]``.

    Also makes sure WhatsApp users get their profile from :class:`WhatsAppProfiles`: registered
    in the agent's per-channel source when it has one, else wrapped around the agent's source —
    a stranger on WhatsApp must never be taken for a registered user.
    """
    settings = settings or WhatsAppSettings()
    secret = runtime.settings.secret()

    def pseudonym(address: str) -> str:
        return pseudonymize(address, secret)

    _install_profiles(agent, runtime.people)
    client = GraphClient(settings, metrics)
    endpoint = WhatsAppEndpoint(settings=settings, logic=agent.on_turn, adapter=WhatsAppAdapter(client, pseudonym),
                                store=WhatsAppStore(runtime.engine), metrics=metrics, pseudonym=pseudonym)
    app[WHATSAPP] = endpoint
    app.router.add_get("/api/whatsapp", endpoint.verify)
    app.router.add_post("/api/whatsapp", endpoint.receive)
    app.on_startup.append(endpoint.on_startup)
    app.on_shutdown.append(endpoint.on_shutdown)
    app.on_cleanup.append(endpoint.on_cleanup)
    _warn_if_incomplete(settings)
    return endpoint


def _install_profiles(agent: Any, people: People) -> None:
    current = agent.profiles
    if isinstance(current, WhatsAppProfiles):
        return
    if callable(getattr(current, "register", None)):
        if CHANNEL_ID not in getattr(current, "sources", {}):
            current.register(CHANNEL_ID, WhatsAppProfiles(people))
        return
    agent.profiles = WhatsAppProfiles(people, fallback=current)


def configured(settings: WhatsAppSettings) -> bool:
    return bool(settings.access_token.get_secret_value() and settings.phone_number_id)


def announcer_from(settings: WhatsAppSettings, metrics: Metrics) -> WhatsAppAnnouncer:
    return WhatsAppAnnouncer(settings, GraphClient(settings, metrics))


def _warn_if_incomplete(settings: WhatsAppSettings) -> None:
    missing = [name for name, value in (
        ("VERIFY_TOKEN", settings.verify_token.get_secret_value()),
        ("APP_SECRET", settings.app_secret.get_secret_value()),
        ("ACCESS_TOKEN", settings.access_token.get_secret_value()),
        ("PHONE_NUMBER_ID", settings.phone_number_id),
    ) if not value]
    if missing:
        log.warning("whatsapp: not configured: WIJKWIJZER_WHATSAPP_%s", ", WIJKWIJZER_WHATSAPP_".join(missing))


# --- announcements from the outbox ------------------------------------------------------------


def template_parameter(text: str) -> str:
    """Text as a template parameter: one line, no runs of spaces, within the length limit."""
    return re.sub(r"\s+", " ", inert(text)).strip()[:TEMPLATE_PARAMETER_MAX] or "-"


class WhatsAppAnnouncer:
    """The outbox's WhatsApp sender: the announcement as free text while the person's 24-hour
    window is open, otherwise the configured template with the title (their reply then gets the
    full text, see the agent). One attempt per call; the outbox schedules retries."""

    channel = CHANNEL_ID

    def __init__(self, settings: WhatsAppSettings, client: GraphClient,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.settings = settings
        self.client = client
        self.clock = clock
        self.rate_per_second = settings.outbox_rate
        self.per_recipient_interval = settings.recipient_interval

    async def deliver(self, row: Claimed, item: Announcement) -> Outcome:
        if not row.address or not _PHONE_ADDRESS.fullmatch(row.address):
            return Outcome("permanent", error="geen geldig WhatsApp-nummer bekend")
        if self._window_open(row.last_seen_at):
            messages, via = render_activity(announcement(item.text), LIMITS), "text"
        elif self.settings.template_name:
            messages, via = [self._template(item)], "template"
        else:
            return Outcome("permanent", error="24-uursvenster gesloten en geen template ingesteld "
                                              "(WIJKWIJZER_WHATSAPP_TEMPLATE_NAME)")
        last_id = None
        for message in messages:
            answer = await self.client.post_once(row.address, message)
            verdict = classify(answer)
            if verdict != "ok":
                return _whatsapp_failure(verdict, answer)
            last_id = answer.message_id
        return Outcome("sent", provider_message_id=last_id, via=via)

    async def close(self) -> None:
        await self.client.close()

    def _window_open(self, last_seen: datetime | None) -> bool:
        return last_seen is not None and self.clock() - last_seen < CUSTOMER_SERVICE_WINDOW - WINDOW_MARGIN

    def _template(self, item: Announcement) -> dict[str, Any]:
        return {"type": "template", "template": {
            "name": self.settings.template_name, "language": {"code": self.settings.template_language},
            "components": [{"type": "body", "parameters": [{"type": "text", "text": template_parameter(item.title)}]}],
        }}


def _whatsapp_failure(verdict: str, answer: _Answer) -> Outcome:
    error = f"WhatsApp {answer.code or answer.status}: {answer.title or 'geen omschrijving'}"
    return Outcome("permanent" if verdict == "permanent" else "transient", error=error,
                   retry_after=answer.retry_after)
