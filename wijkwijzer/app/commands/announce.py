"""``wijkwijzer announce``: send an announcement from a file, see its status, or cancel it;
``wijkwijzer outbox work``: run a delivery worker."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from pathlib import Path

from wijkwijzer.app.channels import channels
from wijkwijzer.app.channels import senders as channel_senders
from wijkwijzer.app.commands.people import actor, load_kb, resolve_areas
from wijkwijzer.app.runtime import open_stores
from wijkwijzer.app.senders import worker_settings
from wijkwijzer.app.settings import Settings
from wijkwijzer.app.workers import DeliveryWorker
from wijkwijzer.core.channel import SendContext
from wijkwijzer.core.copy import CopyBook
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.dialogs import COPY_FILE as DIALOG_COPY
from wijkwijzer.dialogs.announce import (
    AUDIENCES,
    StatusCopy,
    StatusDialog,
    personal_data_problem,
    related_areas,
    status_text,
)
from wijkwijzer.store.database import dispose
from wijkwijzer.store.outbox import MAX_TEXT, Audience
from wijkwijzer.store.references import ConversationReferences


def _status_copy() -> StatusCopy:
    return CopyBook(DIALOG_COPY).section(StatusDialog.copy_section(), StatusCopy)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("announce", help="aankondiging versturen, of 'status ID' / 'cancel ID'",
                            description="Verstuur een aankondiging: wijkwijzer announce --wijk Ypenburg --file tekst.txt. "
                                        "Of: wijkwijzer announce status 12, wijkwijzer announce cancel 12.")
    parser.add_argument("action", nargs="*", help="leeg, 'status ID' of 'cancel ID'")
    parser.add_argument("--wijk", action="append", default=[], help="wijk, stadsdeel of gemeente (mag vaker)")
    parser.add_argument("--all", action="store_true", help="voor alle wijken")
    parser.add_argument("--role", choices=tuple(AUDIENCES), default="ib", help="voor wie (standaard ib)")
    parser.add_argument("--file", type=Path, help="tekstbestand met het bericht (UTF-8)")
    parser.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren, verstuur niets")
    parser.set_defaults(handler=run)

    outbox = sub.add_parser("outbox", help="bezorging van aankondigingen")
    outbox_sub = outbox.add_subparsers(dest="outbox_command", metavar="ACTIE", required=True)
    work = outbox_sub.add_parser("work", help="start een bezorger (stopt met Ctrl-C of SIGTERM)")
    work.add_argument("--once", action="store_true", help="bezorg wat nu klaarstaat en stop dan")
    work.add_argument("--batch", type=int, default=50, help="rijen per keer (standaard 50)")
    work.set_defaults(handler=run_worker)


def run(args: argparse.Namespace) -> int:
    settings = Settings()
    if args.action[:1] in (["status"], ["cancel"]):
        if len(args.action) != 2 or not args.action[1].isdigit():
            print(f"Gebruik: wijkwijzer announce {args.action[0]} NUMMER", file=sys.stderr)
            return 2
        return asyncio.run(_status_or_cancel(settings, args.action[0], int(args.action[1])))
    if args.action:
        print("Onbekende actie. Gebruik --file (met --wijk of --all), 'status ID' of 'cancel ID'.", file=sys.stderr)
        return 2
    text = _read_text(args.file)
    if text is None:
        return 2
    if not args.wijk and not args.all:
        print("Noem minstens één --wijk, of kies --all.", file=sys.stderr)
        return 2
    kb = load_kb(settings)
    if kb is None:
        return 2
    chosen = resolve_areas(kb, args.wijk)
    if chosen is None:
        return 2
    problem = personal_data_problem(kb, text)
    if problem:
        print(f"Dit verstuur ik niet: {problem}. Zet geen gegevens over een kind in een aankondiging; "
              "pas het bestand aan en probeer het opnieuw.", file=sys.stderr)
        return 2
    audience = Audience(wijken=related_areas(kb, chosen) if chosen else (),
                        roles=tuple(str(role) for role in AUDIENCES[args.role]))
    return asyncio.run(_announce(settings, text, audience, args.dry_run))


def _read_text(path: Path | None) -> str | None:
    if path is None:
        print("Geef het bericht met --file BESTAND.", file=sys.stderr)
        return None
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        print(f"Kan {path} niet lezen: {error}", file=sys.stderr)
        return None
    if not text or len(text) > MAX_TEXT:
        print(f"Het bericht is {len(text)} tekens; het moet 1 tot {MAX_TEXT} tekens zijn.", file=sys.stderr)
        return None
    return text


async def _announce(settings: Settings, text: str, audience: Audience, dry_run: bool) -> int:
    engine, _, outbox, _ = await open_stores(settings)
    try:
        count = await outbox.count_recipients(audience)
        if dry_run:
            print(f"Proef: dit bericht zou naar {count} ontvanger(s) gaan. Er is niets verstuurd.")
            return 0
        if count == 0:
            print("Er is niemand aangemeld voor deze wijken en rol; niets verstuurd.", file=sys.stderr)
            return 1
        created = await outbox.create(created_by=actor(), text_=text, audience=audience)
    finally:
        await dispose(engine)
    print(f"Aankondiging {created.id} staat klaar voor {created.recipients} ontvanger(s). "
          f"Volg het met: wijkwijzer announce status {created.id}")
    return 0


async def _status_or_cancel(settings: Settings, action: str, number: int) -> int:
    engine, _, outbox, _ = await open_stores(settings)
    try:
        if await outbox.get(number) is None:
            print(f"Aankondiging {number} bestaat niet.", file=sys.stderr)
            return 1
        if action == "cancel":
            stopped = await outbox.cancel(number, actor())
            print(f"Aankondiging {number}: {stopped} bezorging(en) geannuleerd; wat al verstuurd is blijft verstuurd.")
            return 0
        status = await outbox.status(number)
        if status is None:
            print(f"Aankondiging {number} bestaat niet.", file=sys.stderr)
            return 1
        print(status_text(_status_copy(), status))
        return 0
    finally:
        await dispose(engine)


def run_worker(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return asyncio.run(_work(Settings(), args))


async def _work(settings: Settings, args: argparse.Namespace) -> int:
    engine, _, outbox, settings = await open_stores(settings)
    metrics = Metrics()
    senders = channel_senders(channels(), SendContext(metrics=metrics, secret=settings.secret(),
                                                      references=ConversationReferences(engine)))
    if not senders:
        print("Geen kanaal ingesteld (Teams of WhatsApp); zie docs/configuration.md.", file=sys.stderr)
        await dispose(engine)
        return 2
    worker = DeliveryWorker(outbox, senders, settings=worker_settings(settings, batch=args.batch), metrics=metrics)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        if args.once:
            await worker.drain()
        else:
            await worker.run(stop)
    finally:
        await worker.close()
        await dispose(engine)
    return 0
