"""Fakes for end-to-end channel tests over real HTTP on 127.0.0.1.

- ``RecordingServer``: an aiohttp server on a free port that records every request and answers
  with a scripted status (reusable for other fake upstreams, such as the Graph API).
- ``FakeConnector``: the Bot Connector; records what the bot posts to
  ``/v3/conversations/{id}/activities[/{replyToId}]``.
- ``SigningKey`` + ``JwksServer`` + ``LocalJwks``: an RSA key made in the test, its JWKS served
  locally, and a signing-key source for the SDK's JwtTokenValidator that fetches from there (the
  SDK hard-codes the Bot Framework JWKS URL; everything after the key lookup is the SDK's own
  validation).
- ``StaticConnections``: outbound token providers that hand out a fixed token, so no MSAL call
  is ever made; the fake connector sees it in the Authorization header.
- ``make_teams``: a fixture that starts the whole server (``create_app``) with these fakes.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
import pytest
from aiohttp import ClientResponse, ClientSession, web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt import PyJWK
from jwt.algorithms import RSAAlgorithm
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import AgentAuthConfiguration
from microsoft_agents.hosting.core.authorization import AccessTokenProviderBase, ClaimsIdentity, Connections

from wijkwijzer.adapters.teams.auth import ServiceUrlPolicy, ThrottledJwks
from wijkwijzer.adapters.teams.endpoint import TeamsHooks
from wijkwijzer.adapters.teams.settings import TeamsSettings
from wijkwijzer.app.server import CHANNELS, METRICS, RUNTIME, ServerSettings, create_app
from wijkwijzer.app.settings import Settings
from wijkwijzer.store.signals import pseudonymize

APP_ID = "8c1f5a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b"
TENANT = "5d7e9f1a-2b3c-4d5e-8f9a-0b1c2d3e4f5a"
OTHER_TENANT = "0f0e0d0c-0b0a-4909-8807-060504030201"
BOT_ID = f"28:{APP_ID}"
BOT_NAME = "Wijkwijzer"
BOTFRAMEWORK_ISSUER = "https://api.botframework.com"
OUTBOUND_TOKEN = "outbound-test-token"


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    peer: tuple[str, int] | None = None

    def json(self) -> Any:
        return json.loads(self.body)


class RecordingServer:
    """An aiohttp server on 127.0.0.1:0 that records requests. ``statuses`` scripts the next
    answers (default 200); subclasses override ``answer`` for the response body."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.statuses: deque[int] = deque()
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._record)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _record(self, request: web.Request) -> web.StreamResponse:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        recorded = Recorded(request.method, request.path, dict(request.headers), await request.read(),
                            tuple(peer[:2]) if peer else None)
        self.requests.append(recorded)
        status = self.statuses.popleft() if self.statuses else 200
        return self.answer(recorded, status)

    def answer(self, recorded: Recorded, status: int) -> web.StreamResponse:
        return web.json_response({}, status=status)


class FakeConnector(RecordingServer):
    """The Bot Connector service the bot replies to."""

    def answer(self, recorded: Recorded, status: int) -> web.StreamResponse:
        return web.json_response({"id": f"sent-{len(self.requests)}"}, status=status)

    @property
    def activities(self) -> list[dict[str, Any]]:
        return [r.json() for r in self.requests if r.method == "POST" and "/v3/conversations/" in r.path]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return [a for a in self.activities if a.get("type") == "message"]

    def texts(self) -> str:
        """Everything the bot sent, as one string: texts and all card content."""
        return json.dumps(self.activities, ensure_ascii=False)


class SigningKey:
    """An RSA key made for the test; ``mint`` signs tokens with it (RS256, with its kid)."""

    def __init__(self, kid: str = "test-key-1") -> None:
        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict[str, Any]:
        data = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**data, "kid": self.kid, "use": "sig", "alg": "RS256"}

    def mint(self, claims: dict[str, Any], headers: dict[str, Any] | None = None) -> str:
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": self.kid, **(headers or {})})


class JwksServer(RecordingServer):
    """Serves the OpenID metadata and the JWKS with the given keys."""

    def __init__(self, *keys: SigningKey) -> None:
        super().__init__()
        self.keys = list(keys)

    @property
    def jwks_url(self) -> str:
        return f"{self.url}/keys"

    def answer(self, recorded: Recorded, status: int) -> web.StreamResponse:
        if recorded.path == "/keys":
            return web.json_response({"keys": [key.jwk() for key in self.keys]})
        return web.json_response({"issuer": BOTFRAMEWORK_ISSUER, "jwks_uri": self.jwks_url})


class LocalJwks(ThrottledJwks):
    """Wijkwijzer's JWKS key source, pointed at the local JWKS whatever URL the SDK asks for.
    ``asked`` records the URLs the SDK would have used."""

    def __init__(self, url: str) -> None:
        super().__init__(clock=lambda: self.now)
        self.now = 0.0
        self.url = url
        self.asked: list[str] = []

    async def get_signing_key(self, jwks_uri: str, header: dict[str, Any]) -> PyJWK:
        self.asked.append(jwks_uri)
        return await super().get_signing_key(self.url, header)


class StaticTokenProvider(AccessTokenProviderBase):
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, list[str]]] = []

    @property
    def configuration(self) -> AgentAuthConfiguration:
        return AgentAuthConfiguration(client_id=APP_ID)

    async def get_access_token(self, resource_url: str, scopes: list[str], force_refresh: bool = False) -> str:
        self.calls.append((resource_url, list(scopes)))
        return self.token

    def get_token_credential(self):
        raise NotImplementedError("not used in tests")


class StaticConnections(Connections):
    def __init__(self, token: str = OUTBOUND_TOKEN) -> None:
        self.provider = StaticTokenProvider(token)

    def get_connection(self, connection_name: str) -> AccessTokenProviderBase:
        return self.provider

    def get_default_connection(self) -> AccessTokenProviderBase:
        return self.provider

    def get_token_provider(self, claims_identity: ClaimsIdentity, service_url: str) -> AccessTokenProviderBase:
        return self.provider

    def get_token_provider_from_activity(self, claims_identity: ClaimsIdentity, activity: Activity):
        return self.provider

    def get_default_connection_configuration(self) -> AgentAuthConfiguration:
        return self.provider.configuration


def message(text: str, *, service_url: str, conversation_type: str = "personal", tenant: str = TENANT,
            conversation_id: str | None = None, mention: bool = False, user: str = "29:user-1",
            aad_object_id: str = "aad-user-1", **extra: Any) -> dict[str, Any]:
    """A Teams message activity as the Bot Connector posts it."""
    conversation = {"id": conversation_id or f"a:{conversation_type}-{uuid.uuid4().hex[:8]}",
                    "conversationType": conversation_type, "tenantId": tenant}
    if conversation_type != "personal":
        conversation["isGroup"] = True
    activity: dict[str, Any] = {
        "type": "message", "id": f"in-{uuid.uuid4().hex[:8]}", "channelId": "msteams",
        "serviceUrl": service_url, "timestamp": "2026-11-22T09:00:00Z", "locale": "nl-NL",
        "from": {"id": user, "name": "Ingrid Test", "aadObjectId": aad_object_id},
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": conversation, "channelData": {"tenant": {"id": tenant}},
        "text": text,
    }
    if mention:
        tag = f"<at>{BOT_NAME}</at>"
        activity["text"] = f"{tag} {text}"
        activity["entities"] = [{"type": "mention", "text": tag, "mentioned": {"id": BOT_ID, "name": BOT_NAME}}]
    activity.update(extra)
    return activity


@dataclass
class TeamsServer:
    """A running Wijkwijzer server with a fake connector and a local JWKS."""

    url: str
    app: web.Application
    connector: FakeConnector
    key: SigningKey
    jwks: LocalJwks
    jwks_server: JwksServer
    connections: StaticConnections
    session: ClientSession
    runner: web.AppRunner
    teams: Any = None
    hooks: Any = None
    whatsapp: Any = None
    understood: list[str] = field(default_factory=list)
    stopped: bool = False

    def delivery_worker(self, **overrides: Any) -> Any:
        """A delivery worker like the one ``serve`` runs, over the same database and fakes."""
        from wijkwijzer.app.senders import delivery_worker
        from wijkwijzer.store.references import ConversationReferences

        runtime = self.runtime
        return delivery_worker(runtime, self.app[CHANNELS].values(), ConversationReferences(runtime.engine),
                               self.app[METRICS], **overrides)

    async def stop(self) -> None:
        """Shut the server down as ``serve`` does on SIGTERM (idempotent)."""
        if not self.stopped:
            self.stopped = True
            await self.runner.cleanup()

    @property
    def runtime(self):
        return self.app[RUNTIME]

    def claims(self, **overrides: Any) -> dict[str, Any]:
        now = int(time.time())
        claims = {"iss": BOTFRAMEWORK_ISSUER, "aud": APP_ID, "serviceurl": self.connector.url,
                  "iat": now, "nbf": now - 5, "exp": now + 600}
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None}

    def token(self, **overrides: Any) -> str:
        return self.key.mint(self.claims(**overrides))

    def message(self, text: str, **kwargs: Any) -> dict[str, Any]:
        return message(text, service_url=kwargs.pop("service_url", self.connector.url), **kwargs)

    async def post(self, activity: dict[str, Any] | bytes, *, token: str | None = "",
                   headers: dict[str, str] | None = None) -> ClientResponse:
        """POST to /api/messages; ``token=""`` mints a valid one, ``None`` sends no header."""
        token = self.token() if token == "" else token
        sent = dict(headers or {})
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        body = activity if isinstance(activity, bytes) else json.dumps(activity).encode()
        sent.setdefault("Content-Type", "application/json")
        async with self.session.post(f"{self.url}/api/messages", data=body, headers=sent) as response:
            await response.read()
            return response

    async def get(self, path: str) -> tuple[int, str]:
        async with self.session.get(f"{self.url}{path}") as response:
            return response.status, await response.text()


@pytest.fixture
async def make_teams(tmp_path: Path) -> AsyncIterator[Callable[..., Awaitable[TeamsServer]]]:
    """``await make_teams(anonymous=False, allowed_tenants=[TENANT], max_body_bytes=262144)``."""
    cleanups: list[Callable[[], Awaitable[None]]] = []

    async def factory(*, anonymous: bool = False, allowed_tenants: list[str] | None = None,
                      max_body_bytes: int = 262144, app_id: str | None = APP_ID,
                      known_user: bool = True, whatsapp: Any = None, outbox_worker: bool = False,
                      settings_overrides: dict[str, Any] | None = None) -> TeamsServer:
        """``known_user``: the default test user ('aad-user-1') registered before, school asked;
        False makes them a first-time user."""
        connector, key = FakeConnector(), SigningKey()
        jwks_server = JwksServer(key)
        await connector.start()
        await jwks_server.start()
        cleanups.extend([connector.stop, jwks_server.stop])
        jwks, connections = LocalJwks(jwks_server.jwks_url), StaticConnections()
        teams = TeamsSettings(
            teams_app_id=app_id, teams_app_password="test-password", teams_tenant_id=TENANT,
            teams_allowed_tenants=[TENANT] if allowed_tenants is None else allowed_tenants,
            teams_anonymous=anonymous,
        )
        hooks = TeamsHooks(signing_keys=jwks, connections=connections,
                           service_urls=ServiceUrlPolicy(allow_loopback=True))
        settings = Settings(state_dir=tmp_path / uuid.uuid4().hex, pseudonym_secret="test-secret",
                            outbox_worker=outbox_worker, outbox_backoff_base=0.01, **(settings_overrides or {}))
        app = await create_app(settings, server=ServerSettings(max_body_bytes=max_body_bytes, shutdown_timeout=5),
                               teams=teams, teams_hooks=hooks, whatsapp=whatsapp)
        if known_user:
            await register_teams_user(app[RUNTIME])
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        session = ClientSession()
        host, port = runner.addresses[0][:2]
        server = TeamsServer(url=f"http://{host}:{port}", app=app, connector=connector, key=key, jwks=jwks,
                             jwks_server=jwks_server, connections=connections, session=session, runner=runner, teams=teams, hooks=hooks,
                             whatsapp=whatsapp)
        cleanups.extend([server.stop, session.close])
        _spy_on_understanding(server)
        return server

    yield factory
    for cleanup in reversed(cleanups):
        await cleanup()


def teams_user_id(aad_object_id: str = "aad-user-1", tenant: str = TENANT, secret: str = "test-secret") -> str:
    return pseudonymize(f"{tenant}:{aad_object_id}", secret)


async def register_teams_user(runtime: Any, aad_object_id: str = "aad-user-1", role: str = "ib",
                              wijk: str | None = "Den Haag: Ypenburg") -> Any:
    return await runtime.people.register(user_id=teams_user_id(aad_object_id), channel="msteams", role=role,
                                         via="test", wijk=wijk, display_name="Ingrid Test", onboarded=True)


def _spy_on_understanding(server: TeamsServer) -> None:
    agent = server.runtime.agent
    understand = agent.understand

    def spy(text: str, kb: Any) -> Any:
        server.understood.append(text)
        return understand(text, kb)

    agent.understand = spy
