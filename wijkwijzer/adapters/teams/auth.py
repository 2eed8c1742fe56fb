"""auth: part of the teams channel (see the package docstring)."""


from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from jwt import PyJWK, PyJWKClient, PyJWKClientError
from microsoft_agents.hosting.core import (
    AgentAuthConfiguration,
    ClaimsIdentity,
    OutboundHostValidator,
)
from microsoft_agents.hosting.core.authorization import JwtTokenValidator
from microsoft_agents.hosting.core.authorization.auth_types import AuthTypes
from yarl import URL

from wijkwijzer.adapters.teams.settings import DEFAULT_SERVICE_URL_HOSTS, TeamsSettings

log = logging.getLogger(__name__)


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


# Sets the SDK's private _jwk_client_manager: docs/performance.md (A8).
class _Validator(JwtTokenValidator):
    def __init__(self, configuration: AgentAuthConfiguration, keys: SigningKeySource | None) -> None:
        super().__init__(configuration)
        self._jwk_client_manager = keys if keys is not None else ThrottledJwks()  # type: ignore[assignment]  # duck-typed (A8)


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
        except Exception as error:  # noqa: BLE001 - every validation failure is a 401, whatever PyJWT raises
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


