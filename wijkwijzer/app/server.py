"""The aiohttp server: ``create_app`` builds everything from settings; nothing happens at import.

Routes: every channel's webhook (``app/channels.py``: ``POST /api/messages`` for Teams,
``GET|POST /api/whatsapp`` for WhatsApp), ``GET /healthz`` (the process is up),
``GET /readyz`` (database reachable and knowledge base loaded), ``GET /metrics`` (Prometheus; on
its own port when ``WIJKWIJZER_METRICS_PORT`` is set, and then not on the main one).

Every request body is limited to ``WIJKWIJZER_MAX_BODY_BYTES``: a larger Content-Length is
refused with 413 before the body is read, and a body that turns out larger while streaming
(chunked) is cut off by aiohttp's ``client_max_size`` at the same limit, also 413. Refusals are
counted in ``/metrics`` and logged without content. On shutdown the server stops accepting
connections and waits for requests in flight (up to ``WIJKWIJZER_SHUTDOWN_TIMEOUT`` seconds).
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from wijkwijzer.adapters.teams.channel import TeamsChannel
from wijkwijzer.adapters.teams.endpoint import TeamsHooks
from wijkwijzer.adapters.teams.settings import TeamsSettings
from wijkwijzer.adapters.whatsapp.channel import WhatsAppChannel
from wijkwijzer.adapters.whatsapp.settings import WhatsAppSettings
from wijkwijzer.app.channels import BODY_LIMITS, PATHS, ChannelProfiles, channels, mount, while_serving
from wijkwijzer.app.console import UPLOAD_PATH, setup_console
from wijkwijzer.app.gauges import OperationsGauges
from wijkwijzer.app.runtime import LOGIN_PATH, Runtime, create_runtime
from wijkwijzer.app.senders import delivery_worker
from wijkwijzer.app.settings import Settings
from wijkwijzer.app.tracing import quiet_unless_configured
from wijkwijzer.app.workers import DeliveryWorker
from wijkwijzer.core.channel import Channel, InboundContext
from wijkwijzer.core.metrics import CONTENT_TYPE_LATEST, Metrics
from wijkwijzer.store.database import unreachable
from wijkwijzer.store.references import ConversationReferences
from wijkwijzer.store.retention import purge

log = logging.getLogger(__name__)

READY_TIMEOUT_SECONDS = 2.0


class ServerSettings(BaseSettings):
    """Server configuration, from ``WIJKWIJZER_*`` environment variables (docs/configuration.md)."""

    model_config = SettingsConfigDict(env_prefix="WIJKWIJZER_", env_file=".env", extra="ignore")

    host: str = Field(default="127.0.0.1", description="address to listen on")
    port: int = Field(default=3978, ge=0, le=65535, description="port to listen on")
    max_body_bytes: int = Field(default=262144, ge=1024, description="largest accepted request body")
    shutdown_timeout: float = Field(default=30.0, ge=0, description="seconds to wait for requests in flight")
    workers: int = Field(default=1, ge=1, le=64, description="server processes sharing the port (SO_REUSEPORT)")
    metrics_port: int | None = Field(
        default=None, ge=1, le=65535,
        description="serve /metrics on this port instead of the main one; worker i uses this port + i")
    metrics_host: str = Field(default="127.0.0.1", description="address of the metrics port")


class InFlight:
    """Counts requests being handled, so shutdown can wait until the last one is done."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def enter(self) -> None:
        self.count += 1
        self._idle.clear()

    def leave(self) -> None:
        self.count -= 1
        if self.count == 0:
            self._idle.set()

    async def wait_idle(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

METRICS = web.AppKey("metrics", Metrics)
RUNTIME = web.AppKey("runtime", Runtime)
IN_FLIGHT = web.AppKey("in_flight", InFlight)
SERVER_SETTINGS = web.AppKey("server_settings", ServerSettings)
CHANNELS = web.AppKey("channels", dict[str, Channel])
GAUGES = web.AppKey("gauges", OperationsGauges)


def _channel(request: web.Request) -> str:
    return request.app.get(PATHS, {}).get(request.path, "http")


def _too_large(request: web.Request) -> web.Response:
    request.app[METRICS].reject(_channel(request), "too_large")
    log.warning("request refused: status=413 path=%s length=%s", request.path, request.content_length)
    return web.json_response({"error": "Het bericht is te groot."}, status=413)


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Size limit before reading, in-flight counting, and no stack trace ever reaches a client."""
    limit = request.app.get(BODY_LIMITS, {}).get(request.path, request.app[SERVER_SETTINGS].max_body_bytes)
    if request.path == UPLOAD_PATH and request.method == "POST":
        limit = request.app[RUNTIME].settings.console_max_upload_bytes
    if request.content_length is not None and request.content_length > limit:
        return _too_large(request)
    in_flight = request.app[IN_FLIGHT]
    in_flight.enter()
    try:
        return await handler(request)
    except web.HTTPRequestEntityTooLarge:
        return _too_large(request)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("request failed: path=%s", request.path)
        return web.json_response({"error": "Interne fout."}, status=500)
    finally:
        in_flight.leave()


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log with method, path, status and time; no query string (it may hold a verify token)
    and no console login token (the part of the path after ``/console/login/``)."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        path = request.path
        if path.startswith(LOGIN_PATH):
            path = LOGIN_PATH + "…"
        self.logger.info("%s %s %s %.1fms", request.method, path, response.status, time * 1000)


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    checks = {"database": await _database_ok(runtime), "knowledge_base": runtime.kb.current is not None}
    ready = all(checks.values())
    body = {"status": "ready" if ready else "not ready", **{k: "ok" if v else "fout" for k, v in checks.items()}}
    response = web.json_response(body, status=200 if ready else 503)
    response.headers["X-Kennisbank-Versie"] = str(runtime.kb.version or 0)
    return response


async def _database_ok(runtime: Runtime) -> bool:
    error = await unreachable(runtime.engine, READY_TIMEOUT_SECONDS)
    if error is not None:
        log.warning("readiness: database not reachable (%s)", type(error).__name__)
    return error is None


async def metrics_view(request: web.Request) -> web.Response:
    await request.app[GAUGES].refresh()
    response = web.Response(body=request.app[METRICS].render())
    response.headers["Content-Type"] = CONTENT_TYPE_LATEST
    return response


async def create_app(settings: Settings, *, server: ServerSettings | None = None, teams: TeamsSettings | None = None,
                     teams_hooks: TeamsHooks | None = None,
                     whatsapp: WhatsAppSettings | None = None) -> web.Application:
    """Build the application: open and migrate the database, load the knowledge base, build the
    agent and mount the channels. Await it (``web.run_app`` accepts the coroutine as well)."""
    server = server or ServerSettings()
    metrics = Metrics()
    profiles = ChannelProfiles()
    runtime = await create_runtime(settings, profiles)
    runtime.agent.metrics = metrics
    runtime.kb.current.resolver  # noqa: B018 - build the resolver index before the first turn
    references = ConversationReferences(runtime.engine)
    chosen = channels(TeamsChannel(teams, teams_hooks), WhatsAppChannel(whatsapp))
    context = InboundContext(metrics=metrics, secret=runtime.settings.secret(), references=references,
                             agent=runtime.agent, runtime=runtime,
                             slots=asyncio.Semaphore(runtime.settings.max_turns))  # turns in flight, all channels

    app = web.Application(middlewares=[guard], client_max_size=server.max_body_bytes)
    app[METRICS] = metrics
    app[RUNTIME] = runtime
    app[IN_FLIGHT] = InFlight()
    app[SERVER_SETTINGS] = server
    app[CHANNELS] = {channel.name: channel for channel in chosen}
    app[GAUGES] = OperationsGauges(metrics, runtime.outbox, runtime.versions, runtime.kb)
    for channel in chosen:
        mount(app, channel, context)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    if server.metrics_port is None:
        app.router.add_get("/metrics", metrics_view)
    else:
        app.cleanup_ctx.append(_metrics_site(server.metrics_host, server.metrics_port))
    if runtime.settings.outbox_worker:
        worker = delivery_worker(runtime, chosen, references, metrics)
        app.cleanup_ctx.append(_background_worker(worker))
    app.cleanup_ctx.append(_retention(runtime))
    app.cleanup_ctx.append(_knowledge_poll(runtime))
    setup_console(app, runtime, server)
    app.on_shutdown.append(_wait_for_requests)
    app.on_cleanup.append(_close_runtime)
    return app


async def create_serving_app(settings: Settings, **options: Any) -> web.Application:
    """``create_app`` for a long-running server, with two process-wide settings that tests,
    which build many apps in one process, must not get:

    - the SDK's telemetry spans and their wrappers cost nothing unless a tracer or meter
      provider was configured (:mod:`.tracing`);
    - afterwards everything built at startup (the knowledge base and its index, the SDK's
      models, the imported modules) moves to the garbage collector's permanent generation. The
      collector then no longer walks those ~170,000 objects: before, each full collection paused
      every turn in flight for 70-100 ms (bench/README.md). Frozen objects in a reference cycle
      are never freed, so this is for a process that serves until it stops."""
    if quiet_unless_configured():
        log.info("no OpenTelemetry tracer or meter provider configured: the SDK's spans and span wrappers do nothing")
    app = await create_app(settings, **options)
    gc.collect()
    gc.freeze()  # docs/performance.md (C1)
    return app


def _retention(runtime: Runtime) -> Callable[[web.Application], AsyncIterator[None]]:
    """Apply the retention periods every ``WIJKWIJZER_RETENTION_INTERVAL_SECONDS`` while serving
    (store/retention.py), so nothing outlives its period just because the server keeps running."""
    settings = runtime.settings

    async def every_interval(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), settings.retention_interval_seconds)
                return
            except TimeoutError:
                pass
            try:
                purged = await purge(runtime.engine, settings.retention(), datetime.now(UTC))
            except Exception as error:  # noqa: BLE001 - a failed purge is retried next interval
                log.warning("retention: purge failed (%s)", type(error).__name__)
                continue
            removed = {name: count for name, count in purged.items() if count}
            if removed:
                log.info("retention: removed %s", ", ".join(f"{count} {name}" for name, count in removed.items()))

    async def run(app: web.Application) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(every_interval(stop))
        yield
        stop.set()
        await task

    return run


def _metrics_site(host: str, port: int) -> Callable[[web.Application], AsyncIterator[None]]:
    """``GET /metrics`` alone on its own address (``WIJKWIJZER_METRICS_PORT``), so the public port
    behind the reverse proxy does not show it."""

    async def run(app: web.Application) -> AsyncIterator[None]:
        metrics_app = web.Application()
        metrics_app[METRICS] = app[METRICS]
        metrics_app[GAUGES] = app[GAUGES]
        metrics_app.router.add_get("/metrics", metrics_view)
        runner = web.AppRunner(metrics_app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        log.info("metrics on %s:%s", host, port)
        yield
        await runner.cleanup()

    return run


def _knowledge_poll(runtime: Runtime) -> Callable[[web.Application], AsyncIterator[None]]:
    """Pick up a published knowledge-base version without a restart (app/knowledge_sync.py)."""
    return while_serving(lambda stop: runtime.sync.run(stop, runtime.settings.kb_poll_seconds))


def _background_worker(worker: DeliveryWorker) -> Callable[[web.Application], AsyncIterator[None]]:
    async def deliver_until_stopped(stop: asyncio.Event) -> None:
        await worker.run(stop)
        await worker.close()

    return while_serving(deliver_until_stopped)


async def _wait_for_requests(app: web.Application) -> None:
    in_flight = app[IN_FLIGHT]
    if in_flight.count:
        log.info("shutdown: waiting for %d request(s) in flight", in_flight.count)
    if not await in_flight.wait_idle(app[SERVER_SETTINGS].shutdown_timeout):
        log.warning("shutdown: %d request(s) still running after the timeout", in_flight.count)


async def _close_runtime(app: web.Application) -> None:
    await app[RUNTIME].close()
