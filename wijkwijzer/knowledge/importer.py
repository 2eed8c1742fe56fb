"""Import the SWV office's spreadsheets into the canonical knowledge-base files.

Reads the gebieden list, the expertisekaart and the partner directory (CSV with ``;`` or ``,``,
with or without BOM, or .xlsx), normalises what is safely normalisable and reports it, and
leaves out every row that is wrong with a ``file:line: column: problem`` report. Nothing is
guessed: a wijk name must match a name or alias exactly (ignoring case, spaces, hyphens and
diacritics); anything else is a rejection.

Decisions:

* Den Haag's ``stadsdeel`` column holds stadsdelen; in every other gemeente it holds kernen
  (woonplaatsen such as Leidschendam and Voorburg). See ``STADSDEEL_GEMEENTEN``.
* A contact whose ``scholen`` names a school that was itself rejected in the same import keeps
  its row (the contact is valid); the school is dropped from its list and that is reported.
* Phone numbers get one form, the national notation of ``phonenumbers`` (``070 012 3456``,
  ``06 00434831``); service numbers (0800/0900) stay as written.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import phonenumbers
import yaml

from .loader import Problem
from .models import EXPERTISE_TAGS, deel_id, gemeente_id, wijk_id
from .text import normalize

STADSDEEL_GEMEENTEN = frozenset({"Den Haag", "Amsterdam", "Rotterdam"})
COLUMNS = {
    "gebieden": ("gemeente", "stadsdeel", "wijk", "aliassen", "pc4", "pilotgebied"),
    "expertisekaart": ("school", "bestuur", "wijk", "adres", "expertise", "ib_naam", "ib_telefoon", "ib_email", "opmerking"),
    "ketenpartners": ("organisatie", "rol", "naam", "werkgebied", "scholen", "telefoon", "email", "bereikbaar",
                      "laatst_gecontroleerd", "opmerking"),
}
ROLE_LABELS = {
    "schoolmaatschappelijk werker": "smw",
    "jeugdverpleegkundige": "jgz",
    "jeugdarts": "jgz",
    "leerplichtambtenaar": "leerplicht",
    "leerplichtambtenaar (thuiszitters)": "leerplicht",
    "jeugdconsulent": "jeugdteam",
    "wijkagent": "wijkagent",
    "veilig thuis": "veilig_thuis",
    "adviseur passend onderwijs": "adviseur",
    "expertisepunt": "steunpunt",
}
WHOLE_GEMEENTE = "hele gemeente"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_PC4 = re.compile(r"^[1-9][0-9]{3}$")
_DATE_FORMATS = (
    (re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$"), "%d-%m-%Y"),
    (re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$"), "%Y-%m-%d"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$"), "%d/%m/%Y"),
)
_CANONICAL_DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")
_SERVICE_NUMBER = re.compile(r"^0[89]00")
HEADER = """\
# Wijkwijzer kennisbank: {what}.
# Gemaakt door `wijkwijzer kb import` uit {source}. Pas bij voorkeur de spreadsheet aan en importeer opnieuw.
# Gebieden heten "Gemeente", "Gemeente: stadsdeel X", "Gemeente: kern X" of "Gemeente: Wijk".
# In de demo-kennisbank zijn alle scholen, personen, telefoonnummers en e-mailadressen verzonnen.
"""


class RowError(Exception):
    """A row is wrong: it is reported and left out."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


@dataclass
class FileCounts:
    read: int = 0
    imported: int = 0
    normalised: int = 0
    rejected: int = 0


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, FileCounts] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def total(self) -> FileCounts:
        total = FileCounts()
        for counts in self.counts.values():
            total.read += counts.read
            total.imported += counts.imported
            total.normalised += counts.normalised
            total.rejected += counts.rejected
        return total

    def summary(self) -> str:
        t = self.total()
        return f"gelezen {t.read}, geïmporteerd {t.imported}, genormaliseerd {t.normalised}, afgewezen {t.rejected}"


@dataclass
class _Row:
    """One spreadsheet row while it is being imported: its cells and what was normalised."""

    file: str
    line: int
    cells: dict[str, str]
    notes: list[str] = field(default_factory=list)

    def get(self, column: str, *, required: bool = False, label: str | None = None) -> str:
        raw = self.cells.get(column, "")
        value = " ".join(raw.split())
        if value != raw and value:
            self.note(column, raw, value)
        if required and not value:
            raise RowError(column, f"{label or column} is leeg")
        return value

    def note(self, column: str, old: str, new: str) -> None:
        self.notes.append(f"{self.file}:{self.line}: {column}: '{old}' → '{new}'")


# ───────────────────────────── reading ─────────────────────────────


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RowError("", f"bestand is geen UTF-8 (byte {error.start}); sla het op als 'CSV UTF-8'") from error
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for cells in reader:
        rows.append((reader.line_num, cells))
    return rows


def _read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise RowError("", f"kan het Excel-bestand niet lezen ({type(error).__name__})") from error
    try:
        sheet = workbook.worksheets[0]
        return [(number, [_cell_text(v) for v in row]) for number, row in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        workbook.close()


def read_table(path: Path, kind: str) -> list[_Row]:
    """The data rows of a spreadsheet as dicts keyed by the expected column names."""
    rows = _read_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_csv(path)
    rows = [(line, cells) for line, cells in rows if any(c.strip() for c in cells)]
    if not rows:
        raise RowError("", "bestand is leeg")
    header_line, header = rows[0]
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS[kind] if c not in names]
    if missing:
        raise RowError(", ".join(missing), f"kolom ontbreekt in de kopregel (regel {header_line})")
    index = {name: names.index(name) for name in COLUMNS[kind]}
    return [
        _Row(path.name, line, {name: cells[i] if i < len(cells) else "" for name, i in index.items()})
        for line, cells in rows[1:]
    ]


# ───────────────────────────── value normalisers ─────────────────────────────


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def normalise_phone(row: _Row, column: str) -> str | None:
    raw = row.get(column)
    if not raw:
        return None
    digits = re.sub(r"\D", "", raw)
    if _SERVICE_NUMBER.match(digits):
        return raw
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException as error:
        raise RowError(column, f"'{raw}' is geen telefoonnummer") from error
    if number.country_code != 31 or not phonenumbers.is_possible_number(number):
        raise RowError(column, f"'{raw}' is geen geldig Nederlands telefoonnummer")
    value = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if value != raw:
        row.note(column, raw, value)
    return value


def normalise_email(row: _Row, column: str) -> str | None:
    raw = row.get(column)
    if not raw:
        return None
    if not _EMAIL.match(raw):
        raise RowError(column, f"'{raw}' is geen geldig e-mailadres")
    value = raw.lower()
    if value != raw:
        row.note(column, raw, value)
    return value


def normalise_date(row: _Row, column: str, today: date) -> date | None:
    raw = row.get(column)
    if not raw:
        return None
    for pattern, fmt in _DATE_FORMATS:
        if pattern.match(raw):
            try:
                value = datetime.strptime(raw, fmt).date()
            except ValueError as error:
                raise RowError(column, f"'{raw}' is geen bestaande datum") from error
            break
    else:
        raise RowError(column, f"'{raw}' is geen datum (verwacht dd-mm-jjjj)")
    if value > today:
        raise RowError(column, f"datum {value:%d-%m-%Y} ligt in de toekomst")
    if not _CANONICAL_DATE.match(raw):
        row.note(column, raw, f"{value:%d-%m-%Y}")
    return value


def _most_common_spelling(values: list[str]) -> dict[str, str]:
    """Map each case-insensitive spelling to the spelling the office uses most."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for value in values:
        if value:
            groups[value.lower()][value] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in groups.items()}


# ───────────────────────────── areas ─────────────────────────────


class _Areas:
    """Exact name/alias lookup of the imported areas; a wijk wins over a stadsdeel/kern over a gemeente."""

    def __init__(self) -> None:
        self.names: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.display: dict[str, str] = {}
        self.gemeenten: dict[str, str] = {}

    def add(self, area_id: str, naam: str, aliases: list[str], level: int) -> None:
        self.display[area_id] = naam
        for name in (naam, *aliases):
            self.names[normalize(name)][level].add(area_id)

    def lookup(self, name: str, wijk_only: bool = False) -> str:
        levels = self.names.get(normalize(name))
        if not levels:
            raise RowError("", f"'{name}' bestaat niet in gebieden")
        best = min(levels) if not wijk_only else 0
        found = levels.get(best, set())
        if not found:
            raise RowError("", f"'{name}' is geen wijk")
        if len(found) > 1:
            raise RowError("", f"'{name}' past bij meer gebieden: {', '.join(sorted(found))}")
        return next(iter(found))


def _import_gebieden(rows: list[_Row], report: ImportReport, counts: FileCounts) -> tuple[list[dict], _Areas]:
    gemeenten: dict[str, dict] = {}
    delen: dict[str, dict] = {}
    areas = _Areas()
    seen: dict[str, int] = {}
    for kind in ("gemeente", "deel", "wijk"):
        for row in rows:
            gemeente, deel, wijk = row.get("gemeente"), row.get("stadsdeel"), row.get("wijk")
            row_kind = "wijk" if wijk else "deel" if deel else "gemeente"
            if row_kind != kind:
                continue
            try:
                if not gemeente:
                    raise RowError("gemeente", "gemeente is leeg")
                item = _area_item(row, wijk or deel or gemeente)
                key = f"{gemeente}|{deel}|{wijk}".lower()
                if key in seen:
                    raise RowError("wijk" if wijk else "stadsdeel" if deel else "gemeente", f"dubbel: zelfde gebied als regel {seen[key]}")
                _place_area(kind, item, gemeente, deel, wijk, gemeenten, delen, areas)
                seen[key] = row.line
            except RowError as error:
                _reject(report, counts, row, error)
                continue
            _accept(report, counts, row)
    return list(gemeenten.values()), areas


def _area_item(row: _Row, naam: str) -> dict:
    pc4 = _split_list(row.get("pc4"))
    for code in pc4:
        if not _PC4.match(code):
            raise RowError("pc4", f"'{code}' is geen postcode van 4 cijfers")
    pilot = row.get("pilotgebied").lower()
    if pilot not in ("ja", "nee", ""):
        raise RowError("pilotgebied", f"'{pilot}' moet ja of nee zijn")
    item: dict[str, Any] = {"naam": naam}
    aliases = _split_list(row.get("aliassen"))
    if aliases:
        item["aliassen"] = aliases
    if pc4:
        item["pc4"] = pc4
    if pilot == "ja":
        item["pilot"] = True
    return item


def _place_area(kind: str, item: dict, gemeente: str, deel: str, wijk: str,
                gemeenten: dict, delen: dict, areas: _Areas) -> None:
    aliases = item.get("aliassen", [])
    if kind == "gemeente":
        gemeenten[gemeente] = item
        areas.add(gemeente_id(gemeente), gemeente, aliases, 2)
        areas.gemeenten[normalize(gemeente)] = gemeente_id(gemeente)
        return
    parent = gemeenten.get(gemeente)
    if parent is None:
        raise RowError("gemeente", f"gemeente '{gemeente}' heeft geen eigen regel in gebieden")
    if kind == "deel":
        soort = "stadsdeel" if gemeente in STADSDEEL_GEMEENTEN else "kern"
        entry = {"naam": item.pop("naam"), "soort": soort, **item}
        parent.setdefault("delen", []).append(entry)
        delen[f"{gemeente}|{deel}"] = entry
        areas.add(deel_id(gemeente, soort, deel), deel, aliases, 1)
        return
    if deel:
        owner = delen.get(f"{gemeente}|{deel}")
        if owner is None:
            raise RowError("stadsdeel", f"'{deel}' heeft geen eigen regel in gebieden")
        owner.setdefault("wijken", []).append(item)
    else:
        parent.setdefault("wijken", []).append(item)
    areas.add(wijk_id(gemeente, wijk), wijk, aliases, 0)


# ───────────────────────────── schools ─────────────────────────────


def _import_schools(rows: list[_Row], areas: _Areas, report: ImportReport, counts: FileCounts) -> tuple[list[dict], dict[str, str], set[str]]:
    boards = _most_common_spelling([" ".join(r.cells.get("bestuur", "").split()) for r in rows])
    schools: list[dict] = []
    by_name: dict[str, int] = {}
    names: dict[str, str] = {}
    rejected: set[str] = set()
    for row in rows:
        try:
            school = _school(row, areas, boards, by_name)
        except RowError as error:
            _reject(report, counts, row, error)
            name = normalize(row.cells.get("school", ""))
            if name and name not in by_name:
                rejected.add(name)
            continue
        by_name[normalize(school["naam"])] = row.line
        names[normalize(school["naam"])] = school["naam"]
        schools.append(school)
        _accept(report, counts, row)
    return schools, names, rejected


def _school(row: _Row, areas: _Areas, boards: dict[str, str], by_name: dict[str, int]) -> dict:
    naam = row.get("school", required=True, label="schoolnaam")
    if normalize(naam) in by_name:
        raise RowError("school", f"dubbel: '{naam}' staat al op regel {by_name[normalize(naam)]}")
    bestuur = row.get("bestuur")
    if bestuur and boards.get(bestuur.lower(), bestuur) != bestuur:
        row.note("bestuur", bestuur, boards[bestuur.lower()])
        bestuur = boards[bestuur.lower()]
    wijk_name = row.get("wijk", required=True)
    wijk = _lookup(areas, wijk_name, "wijk", wijk_only=True)
    if areas.display[wijk] != wijk_name:
        row.note("wijk", wijk_name, wijk)
    tags = _tags(row)
    ib_naam = row.get("ib_naam", required=True, label="naam van de IB'er")
    ib: dict[str, Any] = {"naam": ib_naam}
    for key, value in (("telefoon", normalise_phone(row, "ib_telefoon")), ("email", normalise_email(row, "ib_email"))):
        if value:
            ib[key] = value
    school: dict[str, Any] = {"naam": naam}
    if bestuur:
        school["bestuur"] = bestuur
    school["wijk"] = wijk
    for key in ("adres",):
        if row.get(key):
            school[key] = row.get(key)
    if tags:
        school["expertise"] = tags
    school["ib"] = ib
    if row.get("opmerking"):
        school["opmerking"] = row.get("opmerking")
    return school


def _tags(row: _Row) -> list[str]:
    canonical = {normalize(tag): tag for tag in EXPERTISE_TAGS}
    tags = []
    for raw in _split_list(row.cells.get("expertise", "")):
        tag = canonical.get(normalize(raw))
        if tag is None:
            raise RowError("expertise", f"onbekende expertise '{raw}'")
        tags.append(tag)
    raw = row.cells.get("expertise", "")
    if tags and ", ".join(tags) != raw.strip():
        row.note("expertise", raw, ", ".join(tags))
    return tags


def _lookup(areas: _Areas, name: str, column: str, wijk_only: bool = False) -> str:
    try:
        return areas.lookup(name, wijk_only=wijk_only)
    except RowError as error:
        raise RowError(column, error.message) from None


# ───────────────────────────── ketenpartners ─────────────────────────────


def _import_contacts(rows: list[_Row], areas: _Areas, schools: dict[str, str], rejected_schools: set[str],
                     today: date, report: ImportReport, counts: FileCounts) -> list[dict]:
    organisations = _most_common_spelling([" ".join(r.cells.get("organisatie", "").split()) for r in rows])
    grouped: dict[str, list[dict]] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        try:
            org, contact = _contact(row, areas, organisations, schools, rejected_schools, today, seen)
        except RowError as error:
            _reject(report, counts, row, error)
            continue
        seen[(org.lower(), normalize(contact["naam"]))] = row.line
        grouped.setdefault(org, []).append(contact)
        _accept(report, counts, row)
    return [{"naam": org, "contacten": contacts} for org, contacts in grouped.items()]


def _contact(row: _Row, areas: _Areas, organisations: dict[str, str], schools: dict[str, str],
             rejected_schools: set[str], today: date, seen: dict) -> tuple[str, dict]:
    org = row.get("organisatie", required=True)
    if organisations.get(org.lower(), org) != org:
        row.note("organisatie", org, organisations[org.lower()])
        org = organisations[org.lower()]
    label = row.get("rol", required=True)
    rol = ROLE_LABELS.get(label.lower())
    if rol is None:
        raise RowError("rol", f"onbekende rol '{label}'")
    if label != label.lower() and label.lower() != "veilig thuis":
        row.note("rol", label, label.lower())
    naam = row.get("naam", required=True)
    if (org.lower(), normalize(naam)) in seen:
        raise RowError("naam", f"dubbel: '{naam}' van {org} staat al op regel {seen[(org.lower(), normalize(naam))]}")
    werkgebied = _werkgebied(row, areas, org)
    contact: dict[str, Any] = {"naam": naam, "rol": rol, "functie": label.lower(), "werkgebied": werkgebied}
    assigned = _assigned_schools(row, schools, rejected_schools)
    if assigned:
        contact["scholen"] = assigned
    optional = {
        "telefoon": normalise_phone(row, "telefoon"),
        "email": normalise_email(row, "email"),
        "bereikbaar": row.get("bereikbaar") or None,
        "laatst_gecontroleerd": normalise_date(row, "laatst_gecontroleerd", today),
        "opmerking": row.get("opmerking") or None,
    }
    contact.update({k: v for k, v in optional.items() if v is not None})
    return org, contact


def _werkgebied(row: _Row, areas: _Areas, org: str) -> list[str]:
    items = _split_list(row.get("werkgebied", required=True))
    result = []
    for item in items:
        if item.lower() == WHOLE_GEMEENTE:
            area = _gemeente_in(org, areas)
        else:
            area = _lookup(areas, item, "werkgebied")
            if areas.display[area] != item:
                row.note("werkgebied", item, area)
        if area not in result:
            result.append(area)
    return result


def _gemeente_in(org: str, areas: _Areas) -> str:
    """'hele gemeente' = the gemeente named in the organisation, e.g. 'CJG Rijswijk (JGZ)' → Rijswijk."""
    text = f" {normalize(org)} "
    found = [gid for name, gid in areas.gemeenten.items() if f" {name} " in text]
    if len(found) != 1:
        raise RowError("werkgebied", f"'hele gemeente', maar de organisatie '{org}' noemt geen (of meer dan één) gemeente")
    return found[0]


def _assigned_schools(row: _Row, schools: dict[str, str], rejected: set[str]) -> list[str]:
    result = []
    for name in _split_list(row.get("scholen")):
        key = normalize(name)
        if key in schools:
            result.append(schools[key])
        elif key in rejected:
            row.notes.append(f"{row.file}:{row.line}: scholen: '{name}' weggelaten: die school is afgewezen in expertisekaart")
        else:
            raise RowError("scholen", f"school '{name}' staat niet in de expertisekaart")
    return result


# ───────────────────────────── bookkeeping and output ─────────────────────────────


def _reject(report: ImportReport, counts: FileCounts, row: _Row, error: RowError) -> None:
    counts.read += 1
    counts.rejected += 1
    report.problems.append(Problem(row.file, row.line, error.column, error.message))


def _accept(report: ImportReport, counts: FileCounts, row: _Row) -> None:
    counts.read += 1
    counts.imported += 1
    if row.notes:
        counts.normalised += 1
        report.notes.extend(row.notes)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Short lists of plain values in flow style ([a, b]); everything else in block style."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(v, str) for v in data) and (sum(len(v) for v in data) < 100 or all(len(v) <= 6 for v in data))
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def _write(path: Path, what: str, sources: str, data: dict) -> None:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(HEADER.format(what=what, source=sources) + body, encoding="utf-8")


def import_spreadsheets(gebieden: Path, expertisekaart: Path, ketenpartners: Path,
                        out_dir: Path | None, today: date) -> ImportReport:
    """Import the three spreadsheets; write the canonical files into ``out_dir`` (unless None)."""
    report = ImportReport()
    tables: dict[str, list[_Row]] = {}
    for kind, path in (("gebieden", gebieden), ("expertisekaart", expertisekaart), ("ketenpartners", ketenpartners)):
        report.counts[path.name] = FileCounts()
        try:
            tables[kind] = read_table(path, kind)
        except FileNotFoundError:
            report.problems.append(Problem(path.name, 0, "", "bestand niet gevonden"))
        except RowError as error:
            report.problems.append(Problem(path.name, 0, error.column, error.message))
    if len(tables) < 3:
        return report
    gemeenten, areas = _import_gebieden(tables["gebieden"], report, report.counts[gebieden.name])
    schools, school_names, rejected = _import_schools(tables["expertisekaart"], areas, report, report.counts[expertisekaart.name])
    organisations = _import_contacts(tables["ketenpartners"], areas, school_names, rejected, today, report,
                                     report.counts[ketenpartners.name])
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        _write(out_dir / "gebieden.yaml", "gemeenten, stadsdelen, kernen en wijken", gebieden.name, {"gemeenten": gemeenten})
        _write(out_dir / "scholen.yaml", "scholen met expertise en IB'er", expertisekaart.name, {"scholen": schools})
        _write(out_dir / "ketenpartners.yaml", "ketenpartners per organisatie", ketenpartners.name,
               {"organisaties": organisations})
    return report
