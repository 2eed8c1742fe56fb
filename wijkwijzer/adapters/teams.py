"""The Teams channel: the Agents SDK's aiohttp CloudAdapter behind our own checks.

An inbound request to ``POST /api/messages`` passes, in this order (the body size limit is the
server's, before anything here):

1. **JWT** (``TeamsAuthenticator``): the SDK's ``JwtTokenValidator`` — RS256 by a key of the
   Bot Framework JWKS, audience = our app id, expiry with 5 minutes leeway — with the SDK's
   *opt-in* issuer allow-list switched on (``VALIDATE_ISSUER``). A missing header is accepted
   only in anonymous development mode.
2. **JSON and Activity** parsing: malformed → 400, never a stack trace.
3. **serviceUrl** (``ServiceUrlPolicy``): the activity's serviceUrl must be on our host list
   (https only; loopback only in development) and have the same origin as the token's
   ``serviceurl`` claim, which an authenticated request must carry. The SDK's own check (host
   only, off by default) is switched on as well through its ``host_validator`` hook.
4. **Tenant** (in ``TeamsBot``): only configured Microsoft tenants get the agent; anyone else gets
   one polite Dutch refusal and nothing else.

Then ``TeamsBot`` stores the conversation reference, answers in group chats and channels only
when @mentioned (with the mention removed from the text) and renders replies for Teams:
contact cards as Adaptive Cards, choices as suggested actions (personal chat) or card buttons
(group chat and channel), text as plain text. Cards are built as Python dicts; user and
knowledge-base strings only ever land in ``TextRun`` texts and button titles, so no markup or
card JSON can be injected.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import json
import logging
import re
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Protocol
from urllib.parse import quote

import aiohttp
import phonenumbers
from aiohttp import web
from jwt import PyJWK, PyJWKClient, PyJWKClientError
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    DeliveryModes,
    ResourceResponse,
)
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentAuthConfiguration,
    AuthTypes,
    ClaimsIdentity,
    OutboundHostValidator,
    TurnContext,
)
from microsoft_agents.hosting.core.authorization import Connections, JwtTokenValidator
from microsoft_agents.hosting.core.connector.client import ConnectorClient
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from yarl import URL

from wijkwijzer.adapters.teams_clients import TeamsClientFactory
from wijkwijzer.bot import texts
from wijkwijzer.bot.accounts import Identity, profile_of
from wijkwijzer.bot.delivery import Outcome, parse_retry_after
from wijkwijzer.bot.metrics import Metrics
from wijkwijzer.bot.store.outbox import Announcement, Claimed
from wijkwijzer.bot.store.people import People
from wijkwijzer.bot.store.references import ConversationReferences
from wijkwijzer.bot.store.signals import pseudonymize
from wijkwijzer.dialogs.replies import (
    ANNOUNCEMENT_HEADER,
    ANNOUNCEMENT_TYPE,
    CONTACT_CARD_TYPE,
    ContactCard,
    announcement,
    announcement_text_of,
    choices_of,
    contact_cards_of,
    reply,
)
from wijkwijzer.dialogs.services import Profile

log = logging.getLogger(__name__)

CHANNEL = "msteams"
ADAPTIVE_CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ADAPTIVE_CARD_VERSION = "1.5"
DEFAULT_SERVICE_URL_HOSTS = ("smba.trafficmanager.net", "botframework.com")
GROUP_CONVERSATIONS = frozenset({"groupChat", "channel"})
CHOICE_MARKER = "wijkwijzer"
SERVICE_URL_CLAIM = "serviceurl"

APOLOGY = "Sorry, er ging iets mis aan mijn kant. Probeer het straks nog eens, of typ 'help'."
FOREIGN_TENANT = (
    "Sorry, Wijkwijzer is alleen te gebruiken door medewerkers van de organisaties die meedoen "
    "met het samenwerkingsverband. Denk je dat dit niet klopt? Vraag het je adviseur passend onderwijs."
)
CHOOSE = "Kies een optie:"


class TeamsSettings(BaseSettings):
    """Teams configuration, from ``WIJKWIJZER_TEAMS_*`` environment variables (docs/configuration.md)."""

    model_config = SettingsConfigDict(env_prefix="WIJKWIJZER_", env_file=".env", extra="ignore")

    teams_app_id: str | None = Field(default=None, description="Microsoft app id of the bot (token audience)")
    teams_app_password: SecretStr | None = Field(default=None, description="client secret of the app")
    teams_certificate_file: Path | None = Field(default=None, description="PFX certificate instead of a password")
    teams_tenant_id: str | None = Field(default=None, description="Entra tenant of the app registration")
    teams_allowed_tenants: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="tenant ids whose users may use the bot; default the app's tenant"
    )
    teams_anonymous: bool = Field(default=False, description="development only: accept requests without a token")
    teams_service_url_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_SERVICE_URL_HOSTS),
        description="hosts (and their subdomains) an activity's serviceUrl may point at",
    )
    teams_outbox_rate: float = Field(default=20.0, gt=0, description="announcements per second per delivery worker")
    teams_recipient_interval: float = Field(
        default=1.0, ge=0, description="seconds between two announcements to one Teams chat (Teams allows 7/s)"
    )

    @field_validator("teams_allowed_tenants", "teams_service_url_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    def allowed_tenants(self) -> frozenset[str]:
        tenants = self.teams_allowed_tenants or ([self.teams_tenant_id] if self.teams_tenant_id else [])
        return frozenset(t.strip().lower() for t in tenants if t.strip())

    def has_credential(self) -> bool:
        return bool(self.teams_app_password or self.teams_certificate_file)


# ---------------------------------------------------------------------------------------------
# Authentication


class SigningKeySource(Protocol):
    """Where JWT signing keys come from; the SDK's JWKS client by default, a local JWKS in tests."""

    async def get_signing_key(self, jwks_uri: str, header: dict[str, Any]) -> PyJWK: ...


JWKS_REFETCH_INTERVAL = 60.0


class ThrottledJwks:
    """JWT signing keys from the JWKS (cached by PyJWT for five minutes), where a token with an
    unknown ``kid`` makes at most one refetch per ``refetch_interval`` seconds.

    PyJWT's own lookup, in versions the SDK allows, refetches the whole key set for every token
    with a kid it does not know, so a stream of forged tokens would become a stream of requests to
    the JWKS endpoint. A real new key (a rotation) is found by the first refetch after it appears."""

    def __init__(self, refetch_interval: float = JWKS_REFETCH_INTERVAL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.refetch_interval = refetch_interval
        self.clock = clock
        self._clients: dict[str, PyJWKClient] = {}
        self._refetched_at: dict[str, float] = {}
        self._lock = threading.Lock()

    async def get_signing_key(self, jwks_uri: str, header: dict[str, Any]) -> PyJWK:
        return await asyncio.to_thread(self._signing_key, jwks_uri, str(header.get("kid") or ""))

    def _signing_key(self, jwks_uri: str, kid: str) -> PyJWK:
        with self._lock:
            client = self._clients.get(jwks_uri)
            if client is None:
                client = self._clients[jwks_uri] = PyJWKClient(jwks_uri)
            key = client.match_kid(client.get_signing_keys(), kid)
            if key is None and self._may_refetch(jwks_uri):
                key = client.match_kid(client.get_signing_keys(refresh=True), kid)
        if key is None:
            raise PyJWKClientError("no signing key with this kid")
        return key

    def _may_refetch(self, jwks_uri: str) -> bool:
        now = self.clock()
        last = self._refetched_at.get(jwks_uri)
        if last is not None and now - last < self.refetch_interval:
            return False
        self._refetched_at[jwks_uri] = now
        return True


class Unauthorized(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Validator(JwtTokenValidator):
    def __init__(self, configuration: AgentAuthConfiguration, keys: SigningKeySource | None) -> None:
        super().__init__(configuration)
        self._jwk_client_manager = keys if keys is not None else ThrottledJwks()


def auth_configuration(settings: TeamsSettings) -> AgentAuthConfiguration:
    """The SDK configuration with issuer validation on (the SDK's default is off)."""
    certificate = str(settings.teams_certificate_file) if settings.teams_certificate_file else None
    password = settings.teams_app_password.get_secret_value() if settings.teams_app_password else None
    return AgentAuthConfiguration(
        auth_type=AuthTypes.certificate if certificate else AuthTypes.client_secret,
        client_id=settings.teams_app_id,
        tenant_id=settings.teams_tenant_id,
        client_secret=password,
        cert_pfx_file=certificate,
        connection_name="SERVICE_CONNECTION",
        anonymous_allowed=settings.teams_anonymous,
        validate_issuer=True,
    )


class TeamsAuthenticator:
    """Turns the Authorization header into a ClaimsIdentity or raises Unauthorized."""

    def __init__(self, configuration: AgentAuthConfiguration, keys: SigningKeySource | None = None) -> None:
        self.configuration = configuration
        self.validator = _Validator(configuration, keys)

    async def identify(self, header: str | None) -> ClaimsIdentity:
        if header is None or not header.strip():
            if self.configuration.ANONYMOUS_ALLOWED:
                return ClaimsIdentity()
            raise Unauthorized("no_token")
        scheme, _, token = header.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or any(c.isspace() for c in token):
            raise Unauthorized("bad_token")
        if not self.configuration.CLIENT_ID:
            raise Unauthorized("bad_token")
        try:
            return await self.validator.validate_token(token)
        except Exception as error:  # every validation failure is a 401, whatever PyJWT raises
            log.warning("teams token rejected (%s)", type(error).__name__)
            raise Unauthorized("bad_token") from None


# ---------------------------------------------------------------------------------------------
# serviceUrl


def _url(value: str | None) -> URL | None:
    if not value or not isinstance(value, str):
        return None
    try:
        url = URL(value)
    except (ValueError, TypeError):
        return None
    return url if url.is_absolute() and url.host else None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServiceUrlPolicy:
    """Which serviceUrls the bot may talk to: https on the listed hosts (and their subdomains);
    plain http on loopback only when ``allow_loopback`` (development and tests)."""

    hosts: tuple[str, ...] = DEFAULT_SERVICE_URL_HOSTS
    allow_loopback: bool = False

    def allows(self, value: object) -> bool:
        return isinstance(value, str) and self._allows(value)

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - policies are few and live as long as the app
    def _allows(self, value: str) -> bool:
        """Remembered: every turn checks its serviceUrl twice (here and in the SDK's host
        validator), and Teams sends from a handful of them."""
        url = _url(value)
        if url is None or url.user or url.password:
            return False
        host = (url.host or "").casefold().rstrip(".")
        if self.allow_loopback and _is_loopback(host):
            return url.scheme in ("http", "https")
        if url.scheme != "https":
            return False
        return any(host == h or host.endswith("." + h) for h in (x.casefold().lstrip("*.") for x in self.hosts))


def same_origin(first: str | None, second: str | None) -> bool:
    a, b = _url(first), _url(second)
    if a is None or b is None:
        return False
    return _origin(a) == _origin(b)


def _origin(url: URL) -> tuple[str, str, int | None]:
    return url.scheme.lower(), (url.host or "").casefold(), url.port


class PolicyHostValidator(OutboundHostValidator):
    """Switches on the SDK's serviceUrl checks (allow-list and claim host match) with our policy."""

    def __init__(self, policy: ServiceUrlPolicy) -> None:
        super().__init__(hosts=list(policy.hosts), enabled=True, include_default_microsoft_hosts=False)
        self.policy = policy

    def is_allowed(self, url: str | URL) -> bool:
        return self.policy.allows(str(url))


# ---------------------------------------------------------------------------------------------
# Tenants and profiles


def tenant_of(activity: Activity) -> str | None:
    """The Microsoft tenant of the conversation; None when absent or when two sources disagree."""
    conversation = activity.conversation.tenant_id if activity.conversation else None
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant") if isinstance(data.get("tenant"), dict) else {}
    from_data = tenant.get("id") if isinstance(tenant.get("id"), str) else None
    if conversation and from_data and conversation.lower() != from_data.lower():
        return None
    found = conversation or from_data
    return found.lower() if found else None


@dataclass(frozen=True)
class TenantPolicy:
    allowed: frozenset[str]
    anonymous: bool = False

    def allows(self, tenant: str | None) -> bool:
        if tenant is not None and tenant in self.allowed:
            return True
        return self.anonymous and not self.allowed


def pseudonymous_user_id(activity: Activity, secret: str) -> str:
    """A keyed hash of tenant + Entra object id (the Teams user id when there is none)."""
    user = activity.from_property
    raw = (user.aad_object_id or user.id or "") if user else ""
    return _pseudonym(f"{tenant_of(activity) or '-'}:{raw}", secret)


@functools.lru_cache(maxsize=4096)
def _pseudonym(identity: str, secret: str) -> str:
    """Remembered: a turn needs the pseudonym twice (conversation reference, user record), and an
    HMAC costs as much as a database read. A pure function of the Teams identity, so it cannot
    go stale; it holds the ids of recent Teams users, as the requests in flight do."""
    return pseudonymize(identity, secret)


class TeamsProfiles:
    """A Teams user of an allowed tenant is registered as ``ib`` on first contact (their school
    is asked once); after that their user record decides. Other tenants are ``gast``."""

    def __init__(self, tenants: TenantPolicy, secret: str, people: People) -> None:
        self.tenants = tenants
        self.secret = secret
        self.people = people

    async def profile_for(self, activity: Activity) -> Profile:
        user_id = pseudonymous_user_id(activity, self.secret)
        if not self.tenants.allows(tenant_of(activity)):
            return Profile(user_id=user_id, role="gast", channel=CHANNEL)
        name = activity.from_property.name if activity.from_property else None
        return await profile_of(self.people, Identity(user_id=user_id, channel=CHANNEL, display_name=name,
                                                      auto_role="ib"))


# ---------------------------------------------------------------------------------------------
# Rendering


def _run(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextRun", "text": text, **style}


def _text_block(*runs: dict[str, Any]) -> dict[str, Any]:
    """A RichTextBlock: TextRuns never interpret markdown, so data shows as typed."""
    return {"type": "RichTextBlock", "inlines": list(runs)}


def _card(body: list[dict[str, Any]], actions: list[dict[str, Any]], fallback: str) -> Attachment:
    return Attachment(content_type=ADAPTIVE_CARD_TYPE, content=_card_content(body, actions, fallback))


def _card_content(body: list[dict[str, Any]], actions: list[dict[str, Any]], fallback: str) -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": ADAPTIVE_CARD_VERSION,
        "body": body,
        "actions": actions,
        "fallbackText": fallback,
    }


@functools.lru_cache(maxsize=4096)
def tel_url(phone: str | None) -> str | None:
    """A ``tel:`` link in E.164, or None. Cached: the numbers come from the knowledge base, and
    parsing one costs more than the rest of a contact card."""
    if not phone:
        return None
    try:
        number = phonenumbers.parse(phone, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"^[^\s@<>()\[\]\\,;:\"]+@{_LABEL}(?:\.{_LABEL})+$")


def mailto_url(email: str | None) -> str | None:
    if not email or not _EMAIL.match(email.strip()):
        return None
    return "mailto:" + quote(email.strip(), safe="@.")


def contact_card(card: ContactCard) -> Attachment:
    return Attachment(content_type=ADAPTIVE_CARD_TYPE, content=_contact_card_content(card))


@functools.lru_cache(maxsize=4096)
def _contact_card_content(card: ContactCard) -> dict[str, Any]:
    """The Adaptive Card of a contact, made once per contact: contacts come from the knowledge
    base, and the same few are shown again and again. The dict is shared between replies and
    never changed after it is made (replies are only serialised)."""
    body = [_text_block(_run(card.naam, weight="Bolder", size="Medium")),
            _text_block(_run(f"{card.rol}, {card.organisatie}", isSubtle=True))]
    for label, value in (("Tel", card.telefoon), ("Mail", card.email), ("Bereikbaar", card.bereikbaar)):
        if value:
            body.append(_text_block(_run(f"{label}: ", weight="Bolder"), _run(value)))
    if card.opmerking:
        body.append(_text_block(_run(card.opmerking, italic=True)))
    actions = []
    for title, url in (("Bellen", tel_url(card.telefoon)), ("Mailen", mailto_url(card.email))):
        if url:
            actions.append({"type": "Action.OpenUrl", "title": title, "url": url})
    return _card_content(body, actions, "\n".join(card.as_lines()))


def announcement_card(text: str, fallback: str) -> Attachment:
    """The author's text in a TextRun: shown exactly as typed, never as markdown or card JSON."""
    body = [_text_block(_run(ANNOUNCEMENT_HEADER, weight="Bolder", size="Medium")), _text_block(_run(text))]
    return _card(body, [], fallback)


def choices_card(choices: Sequence[str]) -> Attachment:
    """Buttons that send the choice back as a message (messageBack, marked so a group chat
    answer without @mention still reaches the bot)."""
    actions = [
        {"type": "Action.Submit", "title": choice,
         "data": {"msteams": {"type": "messageBack", "text": choice, "displayText": choice}, CHOICE_MARKER: "choice"}}
        for choice in choices
    ]
    return _card([_text_block(_run(CHOOSE))], actions, CHOOSE + " " + " | ".join(choices))


def _text_without_cards(text: str | None, cards: Sequence[ContactCard]) -> str | None:
    shown = {"\n".join(card.as_lines()) for card in cards}
    kept = [part for part in (text or "").split("\n\n") if part.strip() and part.strip() not in shown]
    return "\n\n".join(kept) or None


def render_for_teams(activity: Activity, conversation_type: str | None) -> Activity:
    """Our neutral reply shape → a Teams message (see the module docstring)."""
    if activity.type != ActivityTypes.message:
        return activity
    cards = contact_cards_of(activity)
    choices = choices_of(activity)
    announced = announcement_text_of(activity)
    attachments = [a for a in activity.attachments or [] if a.content_type not in (CONTACT_CARD_TYPE, ANNOUNCEMENT_TYPE)]
    attachments.extend(contact_card(card) for card in cards)
    text = _text_without_cards(activity.text, cards) if cards else activity.text
    if announced is not None:
        attachments.insert(0, announcement_card(announced, fallback=activity.text or announced))
        text = None
    if choices and conversation_type in GROUP_CONVERSATIONS:
        attachments.append(choices_card(choices))
        activity.suggested_actions = None
    activity.text = text
    activity.text_format = "plain"
    activity.attachments = attachments or None
    if attachments:
        activity.attachment_layout = "list"
    return activity


# ---------------------------------------------------------------------------------------------
# The turn in front of the agent


class AgentLike(Protocol):
    async def on_turn(self, turn_context: TurnContext) -> None: ...


def _is_group(activity: Activity) -> bool:
    conversation = activity.conversation
    return bool(conversation and (conversation.conversation_type in GROUP_CONVERSATIONS or conversation.is_group))


def _mentions_bot(activity: Activity) -> bool:
    bot = activity.recipient.id if activity.recipient else None
    return bool(bot) and any(m.mentioned and m.mentioned.id == bot for m in activity.get_mentions())


def _is_card_choice(activity: Activity) -> bool:
    return isinstance(activity.value, dict) and activity.value.get(CHOICE_MARKER) == "choice"


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
        if activity.type == ActivityTypes.message:
            await self._message(context)
        elif activity.type == ActivityTypes.conversation_update:
            await self._conversation_update(context)
        else:
            await self.agent.on_turn(context)

    async def _message(self, context: TurnContext) -> None:
        if not addressed_to_bot(context.activity):
            return
        strip_mention(context.activity)
        await self.agent.on_turn(context)

    async def _conversation_update(self, context: TurnContext) -> None:
        activity = context.activity
        bot = activity.recipient.id if activity.recipient else None
        added = activity.members_added or []
        if any(member.id == bot for member in added):
            await context.send_activity(reply(texts.WELCOME, texts.EXAMPLES))
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
        activities[:] = [render_for_teams(a, conversation_type) for a in activities]
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


# ---------------------------------------------------------------------------------------------
# The HTTP endpoint


@dataclass
class TeamsHooks:
    """Replaceable collaborators; production leaves them empty, tests fill them in.

    ``signing_keys``: where JWT signing keys come from (default: the SDK's Bot Framework JWKS client).
    ``connections``: outbound token providers (default: MSAL with the app's password or certificate).
    ``service_urls``: the serviceUrl policy (default: from the settings).
    """

    signing_keys: SigningKeySource | None = None
    connections: Connections | None = None
    service_urls: ServiceUrlPolicy | None = None


class _ParsedRequest:
    """The SDK's HttpRequestProtocol over a body we already read, checked and parsed.

    ``json()`` hands over the Activity we validated rather than the raw dict: the SDK runs
    ``Activity.model_validate`` on what it gets, and pydantic returns an instance of the model
    as it is, so the activity is validated once instead of twice (about 25 µs a turn)."""

    def __init__(self, request: web.Request, activity: Activity, identity: ClaimsIdentity) -> None:
        self._request = request
        self._activity = activity
        self._identity = identity

    @property
    def method(self) -> str:
        return self._request.method

    @property
    def headers(self):
        return self._request.headers

    async def json(self) -> Activity:
        return self._activity

    def get_claims_identity(self) -> ClaimsIdentity:
        return self._identity

    def get_path_param(self, name: str) -> str:
        return self._request.match_info[name]


class Refused(Exception):
    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.message = message


def service_url_policy(settings: TeamsSettings, hooks: TeamsHooks) -> ServiceUrlPolicy:
    """Where replies and proactive messages may go: the hook's policy, else the configured hosts."""
    return hooks.service_urls or ServiceUrlPolicy(hosts=tuple(settings.teams_service_url_hosts),
                                                  allow_loopback=settings.teams_anonymous)


def _connections(configuration: AgentAuthConfiguration, hooks: TeamsHooks) -> Connections:
    if hooks.connections is not None:
        return hooks.connections
    from microsoft_agents.authentication.msal import MsalConnectionManager

    return MsalConnectionManager(connections_configurations={"SERVICE_CONNECTION": configuration})


def parse_activity(body: bytes) -> Activity:
    """JSON → Activity, or Refused(400). Raises nothing else."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise Refused(400, "bad_json", "Ongeldige JSON.") from None
    if not isinstance(data, dict):
        raise Refused(400, "bad_activity", "Verwacht een Activity-object.")
    try:
        activity = Activity.model_validate(data)
    except (ValidationError, ValueError, TypeError, RecursionError):
        raise Refused(400, "bad_activity", "Ongeldige Activity.") from None
    if not activity.type or not activity.conversation or not activity.conversation.id or not activity.service_url:
        raise Refused(400, "bad_activity", "Activity mist type, conversation.id of serviceUrl.")
    return activity


class TeamsEndpoint:
    """``POST /api/messages``: checks, then the SDK's CloudAdapter runs ``TeamsBot``."""

    def __init__(self, *, settings: TeamsSettings, agent: AgentLike, references: ConversationReferences,
                 secret: str, metrics: Metrics, hooks: TeamsHooks | None = None) -> None:
        hooks = hooks or TeamsHooks()
        configuration = auth_configuration(settings)
        self.metrics = metrics
        self.auth = TeamsAuthenticator(configuration, hooks.signing_keys)
        self.policy = service_url_policy(settings, hooks)
        self.tenants = TenantPolicy(settings.allowed_tenants(), anonymous=settings.teams_anonymous)
        self.bot = TeamsBot(agent=agent, tenants=self.tenants, references=references, secret=secret, metrics=metrics)
        self.clients = TeamsClientFactory(_connections(configuration, hooks), on_retry=self._count_retry)
        self.adapter = CloudAdapter(channel_service_client_factory=self.clients,
                                    host_validator=PolicyHostValidator(self.policy))
        self.adapter.on_turn_error = self._on_turn_error

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        try:
            identity = await self._identify(request)
            activity = parse_activity(body)
            self._check_service_url(identity, activity)
        except Refused as refused:
            return self._refuse(refused)
        try:
            response = await self.adapter.process_request(_ParsedRequest(request, activity, identity), self.bot)
        except Exception:
            log.exception("teams request failed outside the turn")
            return web.json_response({"error": "Interne fout."}, status=500)
        return CloudAdapter._to_aiohttp_response(response)

    async def close(self) -> None:
        await self.clients.close()

    def _count_retry(self) -> None:
        self.metrics.sent(CHANNEL, "retry")

    async def _identify(self, request: web.Request) -> ClaimsIdentity:
        try:
            return await self.auth.identify(request.headers.get("Authorization"))
        except Unauthorized as error:
            raise Refused(401, error.reason, "Niet geautoriseerd.") from None

    def _check_service_url(self, identity: ClaimsIdentity, activity: Activity) -> None:
        if not self.policy.allows(activity.service_url):
            raise Refused(401, "service_url", "serviceUrl niet toegestaan.")
        if identity.claims and not same_origin(identity.get_claim_value(SERVICE_URL_CLAIM), activity.service_url):
            raise Refused(401, "service_url", "serviceUrl past niet bij het token.")

    def _refuse(self, refused: Refused) -> web.Response:
        self.metrics.reject(CHANNEL, refused.reason)
        log.warning("teams request refused: status=%s reason=%s", refused.status, refused.reason)
        return web.json_response({"error": refused.message}, status=refused.status)

    async def _on_turn_error(self, context: TurnContext, error: Exception) -> None:
        """Details go to the log; the user gets a short Dutch apology, never the exception text."""
        log.error("teams turn failed (%s)", type(error).__name__, exc_info=error)
        try:
            await context.send_activity(reply(APOLOGY))
        except Exception as send_error:
            log.warning("could not send the apology (%s)", type(send_error).__name__)


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
        if not conversation_id or not self.policy.allows(service_url):
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
            type=ActivityTypes.message, text=content.text, attachments=content.attachments, channel_id=CHANNEL,
            service_url=reference.get("serviceUrl"), conversation=ConversationAccount(id=reference["conversation"]["id"]),
            from_property=ChannelAccount.model_validate(bot) if bot else None,
            recipient=ChannelAccount.model_validate(reference["user"]) if reference.get("user") else None,
        )
        return render_for_teams(activity, "personal")

    async def _token(self) -> str:
        if self.settings.teams_anonymous:
            return ""
        provider = self.connections.get_default_connection()
        return await provider.get_access_token(BOT_FRAMEWORK_RESOURCE, [BOT_FRAMEWORK_SCOPE])

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
