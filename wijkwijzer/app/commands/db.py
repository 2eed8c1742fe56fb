"""``wijkwijzer db backup FILE`` and ``wijkwijzer db restore FILE`` (store/backup.py).

Both read the database and key from the same settings as ``serve``. The key is never written to
the backup: keep it apart (docs/deploy.md, "Backups")."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.app.runtime import engine_for
from wijkwijzer.app.secrets import KEY_FILE, existing_key
from wijkwijzer.app.settings import Settings
from wijkwijzer.store.backup import BackupError, backup, restore
from wijkwijzer.store.database import dispose


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="backup maken en terugzetten")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTIE", required=True)
    make = db_sub.add_parser("backup", help="de hele database naar een bestand schrijven (zonder de sleutel)")
    make.add_argument("file", type=Path, help="het backupbestand (wordt overschreven)")
    make.set_defaults(handler=run)
    back = db_sub.add_parser("restore", help="een backup terugzetten in een nieuwe, lege database")
    back.add_argument("file", type=Path, help="het backupbestand")
    back.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings()
    configured = settings.pseudonym_secret.get_secret_value() if settings.pseudonym_secret else None
    key = existing_key(configured, settings.state_dir)
    if key is None:
        print(f"Geen sleutel: zet WIJKWIJZER_PSEUDONYM_SECRET, of zet {KEY_FILE} terug in "
              f"{settings.state_dir}. De sleutel staat nooit in een backup.", file=sys.stderr)
        return 2
    if args.db_command == "backup":
        if settings.database_url is None and not settings.sqlite_path().exists():
            print(f"Er is nog geen database in {settings.state_dir}.", file=sys.stderr)
            return 2
        counts = asyncio.run(_run(settings, backup, args.file, key))
        print(f"Backup geschreven naar {args.file}: {sum(counts.values())} rijen uit {len(counts)} tabellen.")
        print("De sleutel staat er niet in: bewaar de sleutel apart, op een andere plek dan de backup.")
        return 0
    if not args.file.is_file():
        print(f"{args.file} bestaat niet.", file=sys.stderr)
        return 2
    try:
        counts = asyncio.run(_run(settings, restore, args.file, key))
    except BackupError as error:
        print(f"Niet teruggezet: {error}", file=sys.stderr)
        return 2
    print(f"Teruggezet uit {args.file}: {sum(counts.values())} rijen in {len(counts)} tabellen.")
    return 0


async def _run(settings: Settings, action: Callable[[AsyncEngine, Path, str], Awaitable[dict[str, int]]],
               path: Path, key: str) -> dict[str, int]:
    engine = engine_for(settings)
    try:
        return await action(engine, path, key)
    finally:
        await dispose(engine)
