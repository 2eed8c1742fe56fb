"""``wijkwijzer console link USER_ID``: a single-use login link (10 minutes) for the console.

Only for adviseurs and beheerders (``wijkwijzer users add`` makes an office user without chat).
The link starts with ``WIJKWIJZER_PUBLIC_URL``; without it, with the local ``serve`` address.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from wijkwijzer.app.commands.people import actor
from wijkwijzer.app.runtime import LOGIN_PATH, open_stores
from wijkwijzer.app.settings import Settings
from wijkwijzer.store.console import ConsoleAccess, NotAllowed
from wijkwijzer.store.database import dispose


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    console = sub.add_parser("console", help="de webconsole voor adviseurs en beheerders")
    console_sub = console.add_subparsers(dest="console_command", metavar="ACTIE", required=True)
    link = console_sub.add_parser("link", help="een inloglink maken (werkt één keer, 10 minuten geldig)")
    link.add_argument("user", type=int, metavar="USER_ID", help="nummer uit 'wijkwijzer users list'")
    link.set_defaults(handler=run_link)


def run_link(args: argparse.Namespace) -> int:
    return asyncio.run(_link(Settings(), args.user))


def base_url(settings: Settings) -> str:
    if settings.public_url:
        return settings.public_url.rstrip("/")
    from wijkwijzer.app.server import ServerSettings

    server = ServerSettings()
    return f"http://{server.host}:{server.port}"


async def _link(settings: Settings, number: int) -> int:
    engine, people, _, settings = await open_stores(settings)
    try:
        user = await people.by_number(number)
        if user is None:
            print(f"Gebruiker {number} bestaat niet. Zie 'wijkwijzer users list'.", file=sys.stderr)
            return 1
        try:
            token = await ConsoleAccess(engine, settings.secret()).create_link(user, actor())
        except NotAllowed:
            print(f"Gebruiker {number} is {user.role}: de console is alleen voor adviseurs en beheerders.",
                  file=sys.stderr)
            return 1
        print(f"{base_url(settings)}{LOGIN_PATH}{token}")
        print("Deze link werkt één keer en is 10 minuten geldig.", file=sys.stderr)
        return 0
    finally:
        await dispose(engine)
