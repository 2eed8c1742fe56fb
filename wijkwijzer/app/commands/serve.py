"""``wijkwijzer serve``: run the server for Teams and WhatsApp (configuration from WIJKWIJZER_*)."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import socket
import sys
from collections.abc import Callable

from aiohttp import web
from pydantic import ValidationError

from wijkwijzer.adapters.teams.settings import TeamsSettings
from wijkwijzer.app.logs import configure_logging
from wijkwijzer.app.prefork import Supervisor
from wijkwijzer.app.runtime import engine_for, with_secret
from wijkwijzer.app.server import PathOnlyAccessLogger, ServerSettings, create_serving_app
from wijkwijzer.app.settings import Settings
from wijkwijzer.knowledge.loader import KnowledgeBaseError
from wijkwijzer.store.database import dispose, migrate

log = logging.getLogger("wijkwijzer.serve")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help="start de server voor Teams en WhatsApp")
    parser.add_argument("--host", help="adres om op te luisteren (standaard WIJKWIJZER_HOST, anders 127.0.0.1)")
    parser.add_argument("--port", type=int, help="poort (standaard WIJKWIJZER_PORT, anders 3978)")
    parser.add_argument("--workers", type=int, help="aantal serverprocessen op dezelfde poort "
                        "(standaard WIJKWIJZER_WORKERS, anders 1; alleen Linux)")
    parser.set_defaults(handler=run)


def is_loopback(host: str) -> bool:
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def configuration_problems(host: str, teams: TeamsSettings) -> list[str]:
    """Settings that must stop the server from starting, in Dutch."""
    problems = []
    if teams.teams_anonymous and not is_loopback(host):
        problems.append(
            f"WIJKWIJZER_TEAMS_ANONYMOUS staat aan en de server zou luisteren op {host}. Anonieme modus is alleen "
            "voor ontwikkelen op je eigen computer: start met --host 127.0.0.1, of zet WIJKWIJZER_TEAMS_ANONYMOUS uit."
        )
    if teams.teams_app_id and not teams.teams_anonymous and not teams.has_credential():
        problems.append("WIJKWIJZER_TEAMS_APP_ID is gezet, maar WIJKWIJZER_TEAMS_APP_PASSWORD of "
                        "WIJKWIJZER_TEAMS_CERTIFICATE_FILE ontbreekt: zonder kan Wijkwijzer niet antwoorden.")
    if teams.teams_certificate_file and not teams.teams_certificate_file.is_file():
        problems.append(f"Het certificaat {teams.teams_certificate_file} "
                        "(WIJKWIJZER_TEAMS_CERTIFICATE_FILE) bestaat niet.")
    return problems


def _warn_about(teams: TeamsSettings) -> None:
    if not teams.teams_app_id and not teams.teams_anonymous:
        log.warning("Teams is not configured (no WIJKWIJZER_TEAMS_APP_ID): every request to /api/messages gets 401")
    elif not teams.allowed_tenants() and not teams.teams_anonymous:
        log.warning("no allowed tenants (WIJKWIJZER_TEAMS_ALLOWED_TENANTS / _TENANT_ID): every Teams user is refused")
    if teams.teams_anonymous:
        log.warning("ANONYMOUS development mode: Teams requests are not authenticated")


def run(args: argparse.Namespace) -> int:
    try:
        settings, server, teams = Settings(), ServerSettings(), TeamsSettings()
    except ValidationError as error:
        print("De configuratie klopt niet:", file=sys.stderr)
        for item in error.errors():
            print(f"- WIJKWIJZER_{'_'.join(str(p) for p in item['loc']).upper()}: {item['msg']}", file=sys.stderr)
        return 2
    host = args.host or server.host
    port = server.port if args.port is None else args.port
    problems = configuration_problems(host, teams)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    workers = server.workers if args.workers is None else args.workers
    if workers < 1 or (workers > 1 and not hasattr(socket, "SO_REUSEPORT")):
        print("--workers: kies 1 of meer; meer dan 1 kan alleen op Linux (SO_REUSEPORT).", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.log_format)
    _warn_about(teams)
    asyncio.run(prepare(settings))

    def serve_one(index: int, ready: Callable[[], None]) -> int:
        own = server
        if server.metrics_port is not None:
            own = server.model_copy(update={"metrics_port": server.metrics_port + index})

        def listening(message: str) -> None:
            log.info("listening on %s:%s", host, port)
            ready()

        try:
            web.run_app(create_serving_app(settings, server=own, teams=teams), host=host, port=port,
                        reuse_port=workers > 1, shutdown_timeout=server.shutdown_timeout,
                        access_log_class=PathOnlyAccessLogger, print=listening)
        except KnowledgeBaseError as error:
            print(f"De kennisbank kan niet worden geladen:\n{error}", file=sys.stderr)
            return 2
        return 0

    if workers == 1:
        return serve_one(0, lambda: None)
    return Supervisor(workers, serve_one).run()


async def prepare(settings: Settings) -> None:
    """What happens once, before any worker starts: migrate the database (under a lock: another
    machine's server may be starting as well) and create the pseudonym key file if it is used."""
    engine = engine_for(settings)
    try:
        await migrate(engine)
        await with_secret(settings, engine)
    finally:
        await dispose(engine)
