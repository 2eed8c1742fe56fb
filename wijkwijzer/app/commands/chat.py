"""``wijkwijzer chat``: talk to Wijkwijzer in the terminal, interactively or from a script.

A script has one user message per line. Empty lines and lines starting with ``#`` are no
messages; ``#wacht 45`` lets 45 minutes pass before the next message (to try what happens to a
question left open), on a clock of this session only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from microsoft_agents.activity import Activity

from wijkwijzer.adapters.console.adapter import ConsoleAdapter, render
from wijkwijzer.app.logs import configure_logging
from wijkwijzer.app.runtime import FixedProfile, Runtime, create_runtime
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.replies import choices_of
from wijkwijzer.core.services import GUEST, Profile
from wijkwijzer.dialogs.common import area_by_name
from wijkwijzer.knowledge.loader import KnowledgeBaseError
from wijkwijzer.knowledge.models import Area

ROLES = ("ib", "adviseur", "beheerder", "gast")
QUIT = {"exit", "quit", "doei", ":q"}
WAIT = re.compile(r"^#\s*wacht\s+(\d{1,5})\s*(?:min|minuten|m)?\s*$", re.IGNORECASE)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("chat", help="praat met Wijkwijzer in de terminal")
    parser.add_argument("--script", type=Path,
                        help="bestand met één gebruikersbericht per regel (#wacht 45: 45 minuten later)")
    parser.add_argument("--json", action="store_true", help="met --script: JSON-regels als uitvoer")
    parser.add_argument("--user-role", choices=ROLES, default="ib", help="wie praat er (standaard: ib, aangemeld)")
    parser.add_argument("--user-wijk", help="de wijk van de gebruiker, bijvoorbeeld Ypenburg")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_run(args))
    except KnowledgeBaseError as error:
        print(f"De kennisbank kan niet worden geladen:\n{error}", file=sys.stderr)
        return 2


class SessionClock:
    """Real time plus the minutes a script let pass (``#wacht``)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass(frozen=True)
class Turn:
    number: int
    user: str
    replies: list[Activity]


async def terminal_user(runtime: Runtime, role: str, wijk_name: str | None) -> Profile:
    """The person at the terminal: a registered user of ``role`` (a user record in the store, so
    subscriptions work as for anyone else), or a guest without one."""
    wijk = None
    if wijk_name:
        area = area_by_name(runtime.kb.current, wijk_name) or _resolve_wijk(runtime, wijk_name)
        if area is None:
            raise LookupError(wijk_name)
        wijk = area.id
    user_id = f"console-{role}"
    if role == GUEST:
        return Profile(user_id=user_id, role=role, wijk=wijk, channel="console")
    user = await runtime.people.register(user_id=user_id, channel="console", role=role, via="chat", wijk=wijk)
    if user.role != role:
        user = await runtime.people.set_role(user.id, role, actor="chat") or user
    return Profile(user_id=user_id, role=role, wijk=wijk or user.wijk, school=user.school, channel="console",
                   number=user.id)


async def replay(adapter: ConsoleAdapter, lines: Iterable[str], clock: SessionClock) -> AsyncIterator[Turn]:
    """Every message of a script as one turn; ``#wacht N`` moves ``clock`` on, other ``#`` lines
    and empty lines are skipped."""
    number = 0
    for raw in lines:
        line = raw.strip()
        wait = WAIT.match(line)
        if wait:
            clock.offset += timedelta(minutes=int(wait.group(1)))
            continue
        if not line or line.startswith("#"):
            continue
        number += 1
        yield Turn(number, line, await adapter.send_text(line))


async def _run(args: argparse.Namespace) -> int:
    settings = Settings()
    configure_logging("WARNING", settings.log_format)
    runtime = await create_runtime(settings, FixedProfile(Profile(user_id="console-gast")))
    try:
        try:
            profile = await terminal_user(runtime, args.user_role, args.user_wijk)
        except LookupError:
            print(f"Wijk '{args.user_wijk}' ken ik niet.", file=sys.stderr)
            return 2
        clock = SessionClock()
        runtime.agent.profiles = FixedProfile(profile)
        runtime.agent.clock = clock
        adapter = ConsoleAdapter(runtime.agent.on_turn, user_id=profile.user_id,
                                 conversation_id=f"console-{args.user_role}-{profile.wijk or 'geen'}")
        if args.script:
            return await _script(adapter, args.script, args.json, clock)
        return await _interactive(adapter)
    finally:
        await runtime.close()


def _resolve_wijk(runtime: Runtime, name: str) -> Area | None:
    kb = runtime.kb.current
    candidates = kb.resolver.resolve(name, "wijk", limit=1)
    return kb.areas[candidates[0].id] if candidates else None


async def _script(adapter: ConsoleAdapter, path: Path, as_json: bool, clock: SessionClock) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        print(f"Kan het script niet lezen: {error.strerror}", file=sys.stderr)
        return 2
    async for turn in replay(adapter, lines, clock):
        if as_json:
            choices = [c for r in turn.replies for c in choices_of(r)]
            print(json.dumps({"turn": turn.number, "user": turn.user, "replies": [r.text or "" for r in turn.replies],
                              "choices": choices}, ensure_ascii=False))
        else:
            print(f"> {turn.user}")
            for activity in turn.replies:
                print(render(activity))
            print()
    return 0


async def _interactive(adapter: ConsoleAdapter) -> int:
    for activity in await adapter.join():
        print(render(activity))
    print("(Typ 'doei' om te stoppen.)")
    last_choices: list[str] = []
    while True:
        try:
            line = await asyncio.to_thread(input, "\n> ")
        except EOFError:
            print()
            return 0
        line = line.strip()
        if not line:
            continue
        if line.lower() in QUIT:
            print("Tot ziens!")
            return 0
        if line.startswith("[") and line.endswith("]") and line[1:-1].isdigit():
            index = int(line[1:-1]) - 1
            line = last_choices[index] if 0 <= index < len(last_choices) else line
        replies = await adapter.send_text(line)
        last_choices = [c for r in replies for c in choices_of(r)]
        for activity in replies:
            print(render(activity))
