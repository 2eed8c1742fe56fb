"""``wijkwijzer invite create`` and ``wijkwijzer users list|add|role|forget|audit``: registration by
the SWV office. ``users add`` makes a console-only adviseur or beheerder (no chat; they log in
with ``wijkwijzer console link``). Changes are written to the audit log with the operating-system user as actor."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import re
import secrets
import sys
from datetime import timedelta

from wijkwijzer.app.runtime import open_stores
from wijkwijzer.app.settings import Settings
from wijkwijzer.knowledge.loader import KnowledgeBase, KnowledgeBaseError, KnowledgeBaseHolder
from wijkwijzer.store.database import dispose
from wijkwijzer.store.outbox import CONSOLE_ONLY
from wijkwijzer.store.people import ROLES, People

_DURATION = re.compile(r"^\s*(\d{1,3})\s*(d|dag|dagen|w|wk|weken)?\s*$", re.IGNORECASE)


def actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    invite = sub.add_parser("invite", help="aanmeldcodes maken")
    invite_sub = invite.add_subparsers(dest="invite_command", metavar="ACTIE", required=True)
    create = invite_sub.add_parser("create", help="maak aanmeldcodes (elke code werkt één keer)")
    create.add_argument("--role", choices=ROLES, default="ib", help="rol na aanmelden (standaard ib)")
    create.add_argument("--school", help="school van de IB'er, zoals in de kennisbank")
    create.add_argument("--wijk", help="wijk (als er geen school is)")
    create.add_argument("--count", type=int, default=1, help="aantal codes (standaard 1, hoogstens 500)")
    create.add_argument("--expires", default=None, help="geldig voor, bijvoorbeeld 14d of 2w (standaard 14d)")
    create.set_defaults(handler=run_invite)

    users = sub.add_parser("users", help="gebruikers bekijken, rollen wijzigen, gegevens verwijderen")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTIE", required=True)
    users_sub.add_parser("list", help="alle aangemelde gebruikers").set_defaults(handler=run_users)
    add = users_sub.add_parser("add", help="een adviseur of beheerder voor alleen de console maken")
    add.add_argument("--role", choices=("adviseur", "beheerder"), required=True)
    add.add_argument("--name", required=True, help="naam zoals de console hem toont")
    add.add_argument("--wijk", action="append", default=[], help="eigen wijk (mag vaker): de signalen daarvan lezen")
    add.set_defaults(handler=run_users)
    role = users_sub.add_parser("role", help="rol van een gebruiker wijzigen")
    role.add_argument("number", type=int, help="nummer uit 'users list'")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(handler=run_users)
    forget = users_sub.add_parser("forget", help="aanmelding, wijken en gesprekken van een gebruiker verwijderen")
    forget.add_argument("number", type=int, help="nummer uit 'users list'")
    forget.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
    forget.set_defaults(handler=run_users)
    audit = users_sub.add_parser("audit", help="het auditlog: wie deed wat, wanneer")
    audit.add_argument("--limit", type=int, default=50)
    audit.set_defaults(handler=run_users)


def parse_duration(text: str | None, default_days: int) -> timedelta | None:
    if text is None:
        return timedelta(days=default_days)
    match = _DURATION.match(text)
    if not match or int(match.group(1)) == 0:
        return None
    weeks = (match.group(2) or "d").lower().startswith("w")
    return timedelta(days=int(match.group(1)) * (7 if weeks else 1))


def load_kb(settings: Settings) -> KnowledgeBase | None:
    try:
        return KnowledgeBaseHolder(settings.kb_dir).current
    except KnowledgeBaseError as error:
        print(f"De kennisbank kan niet worden geladen:\n{error}", file=sys.stderr)
        return None


def resolve_area(kb: KnowledgeBase, name: str) -> str | None:
    found = kb.resolver.resolve(name, "wijk", limit=1) or kb.resolver.resolve(name, "gemeente", limit=1)
    return found[0].id if found else None


def resolve_areas(kb: KnowledgeBase, names: list[str]) -> list[str] | None:
    """The area ids of ``names`` (``--wijk`` options); None, after saying which, when one is unknown."""
    areas = []
    for name in names:
        area = resolve_area(kb, name)
        if area is None:
            print(f"Wijk '{name}' ken ik niet.", file=sys.stderr)
            return None
        areas.append(area)
    return areas


def run_invite(args: argparse.Namespace) -> int:
    settings = Settings()
    valid_for = parse_duration(args.expires, settings.invite_valid_days)
    if valid_for is None or valid_for > timedelta(days=365):
        print("--expires: geef een duur als 14d of 2w (hoogstens een jaar).", file=sys.stderr)
        return 2
    if not 1 <= args.count <= 500:
        print("--count: kies 1 tot 500 codes.", file=sys.stderr)
        return 2
    kb = load_kb(settings)
    if kb is None:
        return 2
    school = wijk = None
    if args.school:
        found = kb.resolver.resolve(args.school, "school", limit=1)
        if not found:
            print(f"School '{args.school}' staat niet in de kennisbank.", file=sys.stderr)
            return 2
        school, wijk = found[0].id, kb.schools[found[0].id].wijk
    elif args.wijk:
        wijk = resolve_area(kb, args.wijk)
        if wijk is None:
            print(f"Wijk '{args.wijk}' ken ik niet.", file=sys.stderr)
            return 2
    if args.role == "ib" and not (school or wijk):
        print("Een code voor een IB'er hoort bij een school: geef --school (of --wijk).", file=sys.stderr)
        return 2
    return asyncio.run(_create_invites(settings, args, school, wijk, valid_for))


async def _create_invites(settings: Settings, args: argparse.Namespace, school: str | None, wijk: str | None,
                          valid_for: timedelta) -> int:
    engine, people, _, _ = await open_stores(settings)
    try:
        made = await people.create_invites(role=args.role, school=school, wijk=wijk, count=args.count,
                                           valid_for=valid_for, created_by=actor())
    finally:
        await dispose(engine)
    where = school or wijk or "het samenwerkingsverband"
    print(f"{len(made)} aanmeldcode(s) voor rol {args.role}, {where}, geldig tot {made[0].expires_at:%d-%m-%Y %H:%M} UTC:")
    for invite in made:
        print(invite.code)
    print("Elke code werkt één keer. Aanmelden: stuur 'aanmelden CODE' naar Wijkwijzer op WhatsApp.")
    return 0


def run_users(args: argparse.Namespace) -> int:
    return asyncio.run(_users(Settings(), args))


async def _users(settings: Settings, args: argparse.Namespace) -> int:
    engine, people, _, _ = await open_stores(settings)
    try:
        if args.users_command == "list":
            return await _list(people)
        if args.users_command == "add":
            return await _add(settings, people, args)
        if args.users_command == "audit":
            for entry in reversed(await people.audit_entries(args.limit)):
                print(f"{entry.at:%Y-%m-%d %H:%M:%S} {entry.actor} {entry.action} {entry.subject} {entry.detail}")
            return 0
        user = await people.by_number(args.number)
        if user is None:
            print(f"Gebruiker {args.number} bestaat niet. Zie 'wijkwijzer users list'.", file=sys.stderr)
            return 1
        if args.users_command == "role":
            await people.set_role(user.id, args.role, actor())
            print(f"Gebruiker {user.id} is nu {args.role}.")
            return 0
        if not args.yes and not _confirm(f"Gegevens van gebruiker {user.id} verwijderen? [j/N] "):
            print("Niets verwijderd.")
            return 1
        await people.forget(user, actor())
        print(f"Gebruiker {user.id} is verwijderd (aanmelding, wijken en gespreksverwijzingen).")
        return 0
    finally:
        await dispose(engine)


async def _add(settings: Settings, people: People, args: argparse.Namespace) -> int:
    wijken: list[str] = []
    if args.wijk:
        kb = load_kb(settings)
        found = resolve_areas(kb, args.wijk) if kb is not None else None
        if found is None:
            return 2
        wijken = found
    user = await people.register(user_id=f"console-{secrets.token_hex(8)}", channel=CONSOLE_ONLY, role=args.role,
                                 via=actor(), display_name=args.name.strip(), wijk=wijken[0] if wijken else None)
    for wijk in wijken[1:]:
        await people.subscribe(user, wijk)
    print(user.id)
    print(f"Gebruiker {user.id} ({args.name.strip()}, {args.role}) gemaakt. "
          f"Inloglink: wijkwijzer console link {user.id}", file=sys.stderr)
    return 0


async def _list(people: People) -> int:
    users = await people.all()
    if not users:
        print("Er is nog niemand aangemeld.")
        return 0
    print("nr  rol        kanaal    school/wijk                     aangemeld   via")
    for u in users:
        off = " (berichten uit)" if u.announcements_off else ""
        print(f"{u.id:<3} {u.role:<10} {u.channel:<9} {(u.school or u.wijk or '-')[:31]:<31} "
              f"{u.registered_at:%Y-%m-%d}  {u.registered_via}{off}")
    return 0


def _confirm(question: str) -> bool:
    try:
        return input(question).strip().lower() in ("j", "ja", "y", "yes")
    except EOFError:
        return False
