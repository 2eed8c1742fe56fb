"""``wijkwijzer kb import|check|stats``: the knowledge base from spreadsheets to checked files."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from wijkwijzer.knowledge.importer import import_spreadsheets
from wijkwijzer.knowledge.loader import BUNDLED_DIR, KnowledgeBase, check_knowledge_base
from wijkwijzer.knowledge.models import ROLE_LABELS

KINDS = ("gebieden", "expertisekaart", "ketenpartners")


def register(sub: argparse._SubParsersAction) -> None:
    kb = sub.add_parser("kb", help="kennisbank importeren, controleren en tellen")
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="OPDRACHT", required=True)
    imp = kb_sub.add_parser("import", help="spreadsheets van het SWV omzetten naar de kennisbank")
    imp.add_argument("map", nargs="?", type=Path, help="map met gebieden, expertisekaart en ketenpartners (.csv of .xlsx)")
    for kind in KINDS:
        imp.add_argument(f"--{kind}", type=Path, help=f"het bestand met {kind} (in plaats van een map)")
    imp.add_argument("--out", type=Path, required=True, help="map waar de kennisbank komt")
    imp.add_argument("--today", type=date.fromisoformat, default=None, help="datum van vandaag (JJJJ-MM-DD), voor tests")
    imp.set_defaults(handler=run_import)
    check = kb_sub.add_parser("check", help="een kennisbank controleren")
    check.add_argument("map", nargs="?", type=Path, default=None, help="standaard: de meegeleverde demo-kennisbank")
    check.add_argument("--today", type=date.fromisoformat, default=None)
    check.set_defaults(handler=run_check)
    stats = kb_sub.add_parser("stats", help="aantallen per gemeente, wijk en rol")
    stats.add_argument("map", nargs="?", type=Path, default=None)
    stats.set_defaults(handler=run_stats)


def _find(directory: Path, kind: str) -> Path | None:
    for suffix in (".csv", ".xlsx"):
        if (directory / f"{kind}{suffix}").exists():
            return directory / f"{kind}{suffix}"
    return None


def _inputs(args: argparse.Namespace) -> dict[str, Path] | str:
    paths: dict[str, Path] = {}
    for kind in KINDS:
        explicit = getattr(args, kind)
        found = explicit or (_find(args.map, kind) if args.map else None)
        if found is None:
            where = f"in {args.map}" if args.map else "(geef een map of --" + kind + ")"
            return f"Ik vind geen {kind}.csv of {kind}.xlsx {where}."
        if not found.exists():
            return f"Bestand {found} bestaat niet."
        paths[kind] = found
    return paths


def run_import(args: argparse.Namespace) -> int:
    paths = _inputs(args)
    if isinstance(paths, str):
        print(paths, file=sys.stderr)
        return 2
    report = import_spreadsheets(paths["gebieden"], paths["expertisekaart"], paths["ketenpartners"], args.out,
                                 args.today or date.today())
    for note in report.notes:
        print(f"genormaliseerd: {note}")
    for problem in report.problems:
        print(f"afgewezen: {problem}")
    if report.counts and all(c.read for c in report.counts.values()):
        for name in ("route.yaml", "begrippen.yaml"):
            if not (args.out / name).exists():
                shutil.copy(BUNDLED_DIR / name, args.out / name)
        print(f"Kennisbank geschreven naar {args.out}.")
    print(report.summary())
    return 0 if report.ok else 1


def run_check(args: argparse.Namespace) -> int:
    directory = args.map or BUNDLED_DIR
    if not directory.is_dir():
        print(f"Map {directory} bestaat niet.", file=sys.stderr)
        return 2
    today = args.today or date.today()
    kb, problems = check_knowledge_base(directory, today)
    for problem in problems:
        print(problem)
    if kb is None:
        print(f"{len(problems)} problemen gevonden. Los ze op en controleer opnieuw.")
        return 1
    stale = kb.stale_contacts(today)
    if stale:
        print(f"Niet gecontroleerd in de laatste 12 maanden ({len(stale)}):")
        for contact in stale:
            checked = f"{contact.laatst_gecontroleerd:%d-%m-%Y}" if contact.laatst_gecontroleerd else "nooit"
            print(f"  {contact.naam} ({contact.organisatie}), laatst gecontroleerd: {checked}")
    print(f"In orde: {len(kb.areas)} gebieden, {len(kb.schools)} scholen, {len(kb.contacts)} contacten, "
          f"{len(kb.steps)} routestappen, {len(kb.terms)} begrippen.")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    directory = args.map or BUNDLED_DIR
    kb, problems = check_knowledge_base(directory)
    if kb is None:
        print(f"De kennisbank in {directory} heeft problemen; draai eerst 'wijkwijzer kb check'.", file=sys.stderr)
        return 1
    print(stats_text(kb))
    return 0


def stats_text(kb: KnowledgeBase) -> str:
    lines = ["Per gemeente (wijken, scholen, contacten):"]
    for gemeente in (a for a in kb.areas.values() if a.soort == "gemeente"):
        inside = set(kb.descendants(gemeente.id))
        wijken = sum(1 for a in inside if kb.areas[a].soort == "wijk")
        schools = sum(1 for s in kb.schools.values() if s.wijk in inside)
        contacts = sum(1 for c in kb.contacts if inside & set(c.werkgebied))
        lines.append(f"  {gemeente.naam:<24} {wijken:4} {schools:5} {contacts:5}")
    lines.append("Per wijk met scholen (scholen):")
    for wijk, schools in sorted(kb.schools_by_area.items()):
        lines.append(f"  {wijk:<48} {len(schools):4}")
    lines.append("Per rol (contacten):")
    for rol, count in Counter(c.rol for c in kb.contacts).most_common():
        lines.append(f"  {ROLE_LABELS[rol]:<32} {count:4}")
    return "\n".join(lines)
