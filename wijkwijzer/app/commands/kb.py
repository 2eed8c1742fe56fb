"""``wijkwijzer kb import|check|stats``: the knowledge base from spreadsheets to checked files.

* ``kb import BRON… --out MAP`` reads a folder with ``gebieden``, ``expertisekaart`` and
  ``ketenpartners`` (``.csv`` or ``.xlsx``), one workbook with a tab per list, or the three files
  named on the command line or with ``--gebieden``/``--expertisekaart``/``--ketenpartners``.
  The console's upload runs the same import (``knowledge.importer``). ``--out`` is required, so an
  import never overwrites a knowledge base by accident. ``route.yaml`` and ``begrippen.yaml``
  are copied from the bundled knowledge base when ``--out`` has none, so the result is complete.
  ``swv.yaml`` (the SWV's loket, kept by hand) is left as it is and never copied from the demo:
  its phone number would be the demo's.
* ``kb check [MAP]`` validates a knowledge base (default: the bundled one), lists contacts
  that were not checked in the last 12 months, warns about coverage (``knowledge.coverage``:
  a gemeente of the region without a jeugdteam, a wijk with schools without SMW, JGZ or leerplicht)
  and says so when there is no loket (``swv.yaml``).
* ``kb stats [MAP]`` counts areas, schools and contacts per gemeente, wijk and role.

Exit codes: 0 all well, 1 rows rejected or problems found, 2 the command could not run
(a missing file or folder, an unreadable spreadsheet).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from wijkwijzer.knowledge.coverage import coverage_warnings
from wijkwijzer.knowledge.importer import ImportReport, import_sources, import_spreadsheets
from wijkwijzer.knowledge.loader import BUNDLED_DIR, KnowledgeBase, check_knowledge_base
from wijkwijzer.knowledge.vocabulary import ROLES_BY_ID

KINDS = ("gebieden", "expertisekaart", "ketenpartners")
SUFFIXES = (".csv", ".xlsx")
COPIED = ("route.yaml", "begrippen.yaml")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = f"'{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-22"
        raise argparse.ArgumentTypeError(message) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kb = sub.add_parser("kb", help="kennisbank importeren, controleren en tellen")
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="OPDRACHT", required=True)

    imp = kb_sub.add_parser("import", help="spreadsheets van het SWV omzetten naar de kennisbank")
    imp.add_argument("bron", nargs="*", type=Path,
                     help="een map met gebieden, expertisekaart en ketenpartners (.csv of .xlsx), "
                          "of die drie bestanden")
    for kind in KINDS:
        imp.add_argument(f"--{kind}", type=Path, metavar="BESTAND", help=f"het bestand met {kind}")
    imp.add_argument("--out", type=Path, required=True, metavar="MAP", help="map waar de kennisbank komt")
    imp.add_argument("--today", type=_day, default=None, metavar="JJJJ-MM-DD",
                     help="datum van vandaag; een controledatum daarna is fout (standaard: vandaag)")
    imp.set_defaults(handler=run_import)

    check = kb_sub.add_parser("check", help="een kennisbank controleren")
    check.add_argument("map", nargs="?", type=Path, default=None, help="standaard: de meegeleverde demo-kennisbank")
    check.add_argument("--today", type=_day, default=None, metavar="JJJJ-MM-DD", help="datum van vandaag")
    check.set_defaults(handler=run_check)

    stats = kb_sub.add_parser("stats", help="aantallen per gemeente, wijk en rol")
    stats.add_argument("map", nargs="?", type=Path, default=None, help="standaard: de meegeleverde demo-kennisbank")
    stats.set_defaults(handler=run_stats)


# ───────────────────────────── import ─────────────────────────────


def _find(directory: Path, kind: str) -> Path | None:
    for suffix in SUFFIXES:
        if (directory / f"{kind}{suffix}").is_file():
            return directory / f"{kind}{suffix}"
    return None


def _kind_of(path: Path) -> str | None:
    stem = path.stem.lower()
    found = [kind for kind in KINDS if stem.startswith(kind)]
    return found[0] if len(found) == 1 else None


def _inputs(args: argparse.Namespace) -> dict[str, Path] | str:
    """The three input files, or a Dutch message saying what is missing."""
    paths: dict[str, Path] = {kind: getattr(args, kind) for kind in KINDS if getattr(args, kind)}
    sources: list[Path] = args.bron
    if len(sources) == 1 and not paths and sources[0].suffix.lower() in (".xlsx", ".xlsm") \
            and _kind_of(sources[0]) is None:
        return {"werkboek": sources[0]} if sources[0].is_file() else f"Bestand {sources[0]} bestaat niet."
    if len(sources) == 1 and sources[0].is_dir():
        for kind in KINDS:
            found = _find(sources[0], kind)
            if kind not in paths and found:
                paths[kind] = found
    else:
        for source in sources:
            named = _kind_of(source)
            if named is None:
                return (f"Ik weet niet welk bestand {source} is. "
                        "Gebruik --gebieden, --expertisekaart of --ketenpartners.")
            paths.setdefault(named, source)
    for kind in KINDS:
        if kind not in paths:
            where = f" in {sources[0]}" if len(sources) == 1 and sources[0].is_dir() else ""
            return f"Ik vind geen {kind}.csv of {kind}.xlsx{where}. Geef een map of --{kind} BESTAND."
        if not paths[kind].is_file():
            return f"Bestand {paths[kind]} bestaat niet."
    return paths


def _complete(out: Path) -> list[str]:
    copied = []
    for name in COPIED:
        if not (out / name).exists():
            shutil.copyfile(BUNDLED_DIR / name, out / name)
            copied.append(name)
    return copied


def run_import(args: argparse.Namespace) -> int:
    paths = _inputs(args)
    if isinstance(paths, str):
        print(paths, file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"{args.out} is een bestand, geen map.", file=sys.stderr)
        return 2
    try:
        report = _import(paths, args.out, args.today or date.today())
        copied = _complete(args.out) if report.complete else []
    except OSError as error:
        print(f"Kan niet schrijven naar {args.out}: {error.strerror or error}.", file=sys.stderr)
        return 2
    for note in report.notes:
        print(f"aangepast: {note}")
    for problem in report.problems:
        print(f"{'fout' if problem.line == 0 else 'afgewezen'}: {problem}")
    for warning in report.warnings:
        print(f"weggelaten: {warning}")
    if not report.complete:
        print("Niets geïmporteerd: los eerst de problemen met de bestanden op.")
        return 2
    extra = f" ({' en '.join(copied)} uit de demo-kennisbank erbij gezet)" if copied else ""
    print(f"Kennisbank geschreven naar {args.out}{extra}. Controleer met: wijkwijzer kb check {args.out}")
    print(report.summary())
    return 0 if report.ok else 1


def _import(paths: dict[str, Path], out: Path, today: date) -> ImportReport:
    if "werkboek" in paths:
        return import_sources([paths["werkboek"]], out, today)
    return import_spreadsheets(paths["gebieden"], paths["expertisekaart"], paths["ketenpartners"], out, today)


# ───────────────────────────── check ─────────────────────────────


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _directory(args: argparse.Namespace) -> Path | None:
    directory = args.map or BUNDLED_DIR
    if not directory.is_dir():
        print(f"Map {directory} bestaat niet.", file=sys.stderr)
        return None
    return directory


def run_check(args: argparse.Namespace) -> int:
    directory = _directory(args)
    if directory is None:
        return 2
    today = args.today or date.today()
    kb, problems = check_knowledge_base(directory, today)
    for problem in problems:
        print(problem)
    if kb is None:
        found = _count(len(problems), "probleem", "problemen")
        print(f"{found} gevonden in {directory}. Los ze op en controleer opnieuw.")
        return 1
    stale = kb.stale_contacts(today)
    if stale:
        print(f"Let op: {_count(len(stale), 'contact is', 'contacten zijn')} langer dan 12 maanden niet gecontroleerd:")
        for contact in stale:
            checked = f"{contact.laatst_gecontroleerd:%d-%m-%Y}" if contact.laatst_gecontroleerd else "nooit"
            print(f"  {contact.naam} ({contact.organisatie}), laatst gecontroleerd: {checked}")
    if kb.loket is None:
        print("Let op: er is geen loket van het SWV (swv.yaml). Wie 'ik wil een mens spreken' zegt, "
              "krijgt dan alleen de adviseur van de wijk.")
    gaps = coverage_warnings(kb)
    if gaps:
        print(f"Let op: {_count(len(gaps), 'gat', 'gaten')} in de dekking:")
        for gap in gaps:
            print(f"  {gap}")
    print(f"In orde: {len(kb.areas)} gebieden, {len(kb.schools)} scholen, {len(kb.contacts)} contacten, "
          f"{len(kb.steps)} routestappen, {len(kb.terms)} begrippen; "
          f"{_count(len(stale), 'contact', 'contacten')} niet recent gecontroleerd"
          f"{'; ' + _count(len(gaps), 'gat', 'gaten') + ' in de dekking' if gaps else ''}.")
    return 0


# ───────────────────────────── stats ─────────────────────────────


def run_stats(args: argparse.Namespace) -> int:
    directory = _directory(args)
    if directory is None:
        return 2
    kb, problems = check_knowledge_base(directory)
    if kb is None:
        print(f"De kennisbank in {directory} heeft {len(problems)} problemen; draai eerst 'wijkwijzer kb check'.",
              file=sys.stderr)
        return 1
    print(stats_text(kb))
    return 0


def _covering(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Per area: the ids of the contacts that serve it, directly or through its stadsdeel/kern or gemeente."""
    covering: dict[str, set[str]] = {}
    for area_id in kb.areas:
        ids: set[str] = set()
        for ancestor in kb.ancestors(area_id):
            ids.update(c.id for c in kb.contacts_by_area.get(ancestor, ()))
        covering[area_id] = ids
    return covering


def stats_text(kb: KnowledgeBase) -> str:
    """A compact plain-text table: per gemeente, per wijk and per role."""
    covering = _covering(kb)
    gemeente_contacts: dict[str, set[str]] = defaultdict(set)
    for contact in kb.contacts:
        for area_id in contact.werkgebied:
            gemeente_contacts[kb.areas[area_id].gemeente].add(contact.id)
    wijken = [a for a in kb.areas.values() if a.soort == "wijk"]
    wijken_per_gemeente = Counter(a.gemeente for a in wijken)
    schools_per_gemeente = Counter(kb.areas[s.wijk].gemeente for s in kb.schools.values())
    width = max((len(a.id) for a in kb.areas.values()), default=10) + 2

    lines = [f"{'Gemeente':<{width}}{'wijken':>8}{'scholen':>9}{'contacten':>11}"]
    for gemeente in (a for a in kb.areas.values() if a.soort == "gemeente"):
        lines.append(f"{gemeente.naam:<{width}}{wijken_per_gemeente[gemeente.id]:>8}"
                     f"{schools_per_gemeente[gemeente.id]:>9}{len(gemeente_contacts[gemeente.id]):>11}")
    lines += ["", (f"{'Wijk':<{width}}{'scholen':>9}{'eigen':>7}{'totaal':>8}"
                   "   (contacten; totaal = ook via stadsdeel/kern/gemeente)")]
    empty = []
    for wijk in wijken:
        schools = len(kb.schools_by_area.get(wijk.id, ()))
        own = len(kb.contacts_by_area.get(wijk.id, ()))
        lines.append(f"{wijk.id:<{width}}{schools:>9}{own:>7}{len(covering[wijk.id]):>8}")
        if not covering[wijk.id]:
            empty.append(wijk.id)
    if empty:
        lines.append(f"Wijken zonder enig contact: {', '.join(empty)}")
    lines += ["", f"{'Rol':<{width}}{'contacten':>11}"]
    for rol, count in Counter(c.rol for c in kb.contacts).most_common():
        lines.append(f"{ROLES_BY_ID[rol].functie:<{width}}{count:>11}")
    lines.append(f"\nTotaal: {len(kb.areas)} gebieden, {len(kb.schools)} scholen, {len(kb.contacts)} contacten.")
    return "\n".join(lines)
