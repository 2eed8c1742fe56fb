"""``wijkwijzer chat``: talk to Wijkwijzer in the terminal, interactively or from a script."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from wijkwijzer.adapters.console.adapter import ConsoleAdapter, render
from wijkwijzer.app.logs import configure_logging
from wijkwijzer.app.runtime import FixedProfile, Runtime, create_runtime
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.replies import choices_of
from wijkwijzer.core.services import Profile
from wijkwijzer.dialogs.common import area_by_name
from wijkwijzer.knowledge.loader import KnowledgeBaseError

ROLES = ("ib", "adviseur", "beheerder", "gast")
QUIT = {"exit", "quit", "doei", ":q"}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("chat", help="praat met Wijkwijzer in de terminal")
    parser.add_argument("--script", type=Path, help="bestand met één gebruikersbericht per regel")
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


async def _run(args: argparse.Namespace) -> int:
    settings = Settings()
    configure_logging("WARNING", settings.log_format)
    profile = Profile(user_id="console-user", role=args.user_role)
    runtime = await create_runtime(settings, FixedProfile(profile))
    try:
        wijk = None
        if args.user_wijk:
            area = area_by_name(runtime.kb.current, args.user_wijk) or _resolve_wijk(runtime, args.user_wijk)
            if area is None:
                print(f"Wijk '{args.user_wijk}' ken ik niet.", file=sys.stderr)
                return 2
            wijk = area.id
        profile = Profile(user_id="console-user", role=args.user_role, wijk=wijk)
        runtime.agent.profiles = FixedProfile(profile)
        adapter = ConsoleAdapter(runtime.agent.on_turn, conversation_id=f"console-{args.user_role}-{wijk or 'geen'}")
        if args.script:
            return await _script(adapter, args.script, args.json)
        return await _interactive(adapter)
    finally:
        await runtime.close()


def _resolve_wijk(runtime: Runtime, name: str):
    kb = runtime.kb.current
    candidates = kb.resolver.resolve(name, "wijk", limit=1)
    return kb.areas[candidates[0].id] if candidates else None


async def _script(adapter: ConsoleAdapter, path: Path, as_json: bool) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        print(f"Kan het script niet lezen: {error.strerror}", file=sys.stderr)
        return 2
    for turn, line in enumerate((raw for raw in lines if raw.strip()), start=1):
        replies = await adapter.send_text(line.strip())
        if as_json:
            choices = [c for r in replies for c in choices_of(r)]
            print(json.dumps({"turn": turn, "user": line.strip(), "replies": [r.text or "" for r in replies],
                              "choices": choices}, ensure_ascii=False))
        else:
            print(f"> {line.strip()}")
            for activity in replies:
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
