"""The outbound clients the SDK's CloudAdapter uses for Teams turns, made per process instead of
per turn.

The SDK's ``RestChannelServiceClientFactory`` builds, for every inbound activity:

- a ``UserTokenClient`` (the OAuth token service client, with its own aiohttp ``ClientSession``,
  and outside anonymous mode a token fetch for the token service), which Wijkwijzer never uses:
  it has no user sign-in. Here every turn gets the same :data:`NO_USER_TOKENS` instead, which
  costs nothing and cannot fail a turn when the token service is unreachable;
- a ``TeamsConnectorClient`` with a new ``ClientSession`` (a new TCP and TLS connection to the
  Bot Connector for every reply), closed at the end of the turn. Here one client per serviceUrl
  stays open for the life of the server, over a session that retries 429 and 5xx answers.

Replies within a turn are retried here, briefly (the Bot Connector waits for our HTTP answer,
which waits for the replies): all tries of one reply together within :data:`REPLY_TIMEOUT`, and a
token fetch within :data:`TOKEN_TIMEOUT`; at most :data:`REPLY_ATTEMPTS` tries, exponential backoff with
jitter from :data:`REPLY_BACKOFF_BASE` seconds, honouring ``Retry-After`` up to
:data:`REPLY_BACKOFF_MAX` seconds (a longer one is not waited for). Proactive announcements do
not come through here: the outbox has its own schedule of retries.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn

import aiohttp
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.authorization import ClaimsIdentity, Connections
from microsoft_agents.hosting.core.connector import UserTokenClientBase
from microsoft_agents.hosting.core.connector.teams import TeamsConnectorClient
from microsoft_agents.hosting.core.rest_channel_service_client_factory import RestChannelServiceClientFactory

from wijkwijzer.core.delivery import backoff_delay, jittered_backoff, parse_retry_after

log = logging.getLogger(__name__)

REPLY_ATTEMPTS = 3
REPLY_BACKOFF_BASE = 0.5
REPLY_BACKOFF_MAX = 5.0
REPLY_TIMEOUT = aiohttp.ClientTimeout(total=8, sock_connect=5)
"""One reply, all its attempts and waits together (aiohttp's total covers the middleware's retries):
the Bot Connector waits for the turn about 15 s, and a hung service must not hold a turn longer."""
TOKEN_TIMEOUT = 10.0
"""Seconds for fetching an outbound token (MSAL, Entra ID) before the send fails."""
USER_AGENT = "Wijkwijzer"


def _transient(status: int) -> bool:
    return status == 429 or status >= 500


def retrying(on_retry: Callable[[], None]) -> Callable[[aiohttp.ClientRequest, Any], Awaitable[aiohttp.ClientResponse]]:
    """An aiohttp client middleware: try again on 429/5xx and on a refused connection (nothing
    was sent then). ``on_retry`` is called before each wait."""

    async def middleware(request: aiohttp.ClientRequest, handler: Any) -> aiohttp.ClientResponse:
        attempt = 0
        while True:
            attempt += 1
            try:
                response: aiohttp.ClientResponse = await handler(request)
            except aiohttp.ClientConnectorError:
                if attempt >= REPLY_ATTEMPTS:
                    raise
                status, delay = 0, jittered_backoff(attempt, REPLY_BACKOFF_BASE, REPLY_BACKOFF_MAX)
            else:
                if not _transient(response.status) or attempt >= REPLY_ATTEMPTS:
                    return response
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                wait = backoff_delay(attempt, retry_after, REPLY_BACKOFF_BASE, REPLY_BACKOFF_MAX)
                if wait is None:
                    return response
                status, delay = response.status, wait
                response.release()
            on_retry()
            log.info("teams reply retry: status=%s attempt=%d wait=%.2fs", status, attempt, delay)
            await asyncio.sleep(delay)

    return middleware


async def access_token(provider: Any, audience: str, scopes: list[str]) -> str:
    """The provider's token within :data:`TOKEN_TIMEOUT` seconds (TimeoutError otherwise): MSAL's
    own HTTP calls have no timeout of ours."""
    async with asyncio.timeout(TOKEN_TIMEOUT):
        token: str = await provider.get_access_token(audience, scopes)
    return token


def _no_user_sign_in(*_: Any, **__: Any) -> NoReturn:
    raise RuntimeError("Wijkwijzer uses no OAuth user sign-in; there is no user token client")


class _NoUserTokens(UserTokenClientBase):
    """Stands in for the SDK's per-turn ``UserTokenClient``: any use is a programming error."""

    agent_sign_in = property(_no_user_sign_in)
    user_token = property(_no_user_sign_in)
    get_user_token = get_sign_in_resource = sign_out_user = get_token_status = _no_user_sign_in
    get_aad_tokens = exchange_token = get_token_or_sign_in_resource = _no_user_sign_in

    async def close(self) -> None:
        return None


NO_USER_TOKENS = _NoUserTokens()


class _KeptOpenConnectorClient(TeamsConnectorClient):
    """The SDK closes the connector client after every turn; this one stays open until
    :meth:`TeamsClientFactory.close`."""

    async def close(self) -> None:
        return None


# Uses the base class's private names and the SDK's calling convention: docs/performance.md (A3).
class TeamsClientFactory(RestChannelServiceClientFactory):
    """The SDK's client factory with per-process clients (see the module docs)."""

    def __init__(self, connection_manager: Connections, on_retry: Callable[[], None]) -> None:
        super().__init__(connection_manager)
        self._on_retry = on_retry
        self._sessions: dict[str, aiohttp.ClientSession] = {}
        self._clients: dict[str, tuple[str, TeamsConnectorClient]] = {}

    async def create_user_token_client(  # type: ignore[override]  # the SDK's annotation is narrower than its use
            self, context: TurnContext, claims_identity: ClaimsIdentity, use_anonymous: bool = False,
    ) -> UserTokenClientBase:
        return NO_USER_TOKENS

    async def create_connector_client(self, context: TurnContext | None, claims_identity: ClaimsIdentity,
                                      service_url: str, audience: str, scopes: list[str] | None = None,
                                      use_anonymous: bool = False) -> TeamsConnectorClient:
        if not service_url or not audience:
            raise TypeError("create_connector_client needs a service_url and an audience")
        provider = (self._ANONYMOUS_TOKEN_PROVIDER if use_anonymous
                    else self._connection_manager.get_token_provider(claims_identity, service_url))
        token = await access_token(provider, audience, scopes or claims_identity.get_token_scope())
        return self._client(service_url, token)

    def _client(self, service_url: str, token: str) -> TeamsConnectorClient:
        """One client per serviceUrl and token: a new token (about hourly) gets a new client over
        the same kept-open session."""
        base = service_url.rstrip("/") + "/"
        known = self._clients.get(base)
        if known is not None and known[0] == token:
            return known[1]
        client = _KeptOpenConnectorClient(base, token, session=self._session(base))
        self._clients[base] = (token, client)
        return client

    def _session(self, base: str) -> aiohttp.ClientSession:
        session = self._sessions.get(base)
        if session is None or session.closed:
            session = aiohttp.ClientSession(base_url=base, timeout=REPLY_TIMEOUT, headers={"User-Agent": USER_AGENT},
                                            middlewares=(retrying(self._on_retry),))
            self._sessions[base] = session
        return session

    async def close(self) -> None:
        for session in self._sessions.values():
            await session.close()
        self._sessions.clear()
        self._clients.clear()
