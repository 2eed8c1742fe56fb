"""endpoint: part of the teams channel (see the package docstring)."""


from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web
from microsoft_agents.activity import (
    Activity,
)
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentAuthConfiguration,
    ClaimsIdentity,
    TurnContext,
)
from microsoft_agents.hosting.core.authorization import Connections
from pydantic import ValidationError

from wijkwijzer.adapters.teams.auth import (
    PolicyHostValidator,
    ServiceUrlPolicy,
    SigningKeySource,
    TeamsAuthenticator,
    Unauthorized,
    auth_configuration,
    same_origin,
)
from wijkwijzer.adapters.teams.bot import AgentLike, TeamsBot
from wijkwijzer.adapters.teams.clients import TeamsClientFactory
from wijkwijzer.adapters.teams.identity import TenantPolicy
from wijkwijzer.adapters.teams.settings import APOLOGY, CHANNEL, SERVICE_URL_CLAIM, TeamsSettings
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.core.replies import (
    reply,
)
from wijkwijzer.store.references import ConversationReferences

log = logging.getLogger(__name__)

DEFAULT_SLOTS = 16


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


# Relies on how the SDK's process_request reads the request: docs/performance.md (A1, A2).
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
    def headers(self) -> Mapping[str, str]:
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
                 secret: str, metrics: Metrics, hooks: TeamsHooks | None = None,
                 slots: asyncio.Semaphore | None = None) -> None:
        hooks = hooks or TeamsHooks()
        self.slots = slots or asyncio.Semaphore(DEFAULT_SLOTS)
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
            async with self.slots:  # a bounded number of turns at once (the server's WIJKWIJZER_MAX_TURNS)
                response = await self.adapter.process_request(  # json() gives the parsed Activity on purpose
                    _ParsedRequest(request, activity, identity), self.bot)  # type: ignore[arg-type]
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
        except Exception as send_error:  # noqa: BLE001 - the turn failed already; the log says why
            log.warning("could not send the apology (%s)", type(send_error).__name__)


