"""Import the SWV office's spreadsheets into the canonical knowledge-base files.

Reads the gebieden list, the expertisekaart and the partner directory (CSV with ``;`` or ``,``,
UTF-8 with or without BOM, CRLF or LF, or the first sheet of an .xlsx), normalises what is safely
normalisable and reports every change, and leaves out every row that is wrong with a
``file:line: column: problem`` report in Dutch. Line numbers count the header as line 1.
Nothing is guessed: a name must match exactly (ignoring case, spaces, hyphens and diacritics);
anything else is a rejection.

Decisions:

* **stadsdeel or kern.** The ``stadsdeel`` column of gebieden holds stadsdelen in the gemeenten
  of ``STADSDEEL_GEMEENTEN`` (Den Haag, and Amsterdam and Rotterdam for national data) and kernen
  (woonplaatsen, such as Leidschendam and Voorburg) in every other gemeente.
* **Area names.** ``wijk`` and ``werkgebied`` values match an area name, an alias or an area id
  (``Den Haag: Ypenburg``). When a value fits several areas, names beat aliases, and within
  names (or aliases) a wijk beats a stadsdeel/kern, which beats a gemeente: ``Ypenburg`` is the
  wijk, not the stadsdeel alias; ``Scheveningen`` is the wijk, not the stadsdeel. Two areas of
  the same rank (e.g. a wijk ``Centrum`` in two gemeenten) make the value ambiguous: rejected.
* **Rejected schools.** A contact whose ``scholen`` names a school that was itself rejected in
  the same import keeps its row, because the contact is valid; the school is dropped from its
  list and that is reported as a note (and counted as a normalisation). A school that does not
  appear in the expertisekaart at all rejects the contact.
* **Phones.** One form: the national notation with spaces, ``070 012 3456``, ``0174 123 456``,
  mobiles ``06 0012 3456``; a foreign number gets the international notation. Numbers are
  checked for a possible length, not for being assigned (the demo numbers are unassigned on
  purpose). Service numbers (0800, 0900, 0906, 0909, 14 0xx) stay as written.
* **Columns.** Columns may come in any order; missing optional columns are empty; an unknown
  column is ignored with a note. A missing required column makes the whole file unreadable.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import phonenumbers
import yaml
from yaml.nodes import ScalarNode

from wijkwijzer.knowledge.loader import Problem
from wijkwijzer.knowledge.models import deel_id, gemeente_id, wijk_id
from wijkwijzer.knowledge.text import normalize, without_accents
from wijkwijzer.knowledge.vocabulary import EXPERTISE_SYNONYMS, EXPERTISE_TAGS, PARTNER_ROLES

STADSDEEL_GEMEENTEN = frozenset({"Den Haag", "Amsterdam", "Rotterdam"})
REQUIRED = {
    "gebieden": ("gemeente", "wijk"),
    "expertisekaart": ("school", "wijk", "ib_naam"),
    "ketenpartners": ("organisatie", "rol", "naam", "werkgebied"),
}
OPTIONAL = {
    "gebieden": ("stadsdeel", "aliassen", "pc4", "pilotgebied"),
    "expertisekaart": ("bestuur", "adres", "expertise", "ib_telefoon", "ib_email", "opmerking"),
    "ketenpartners": ("scholen", "telefoon", "email", "bereikbaar", "laatst_gecontroleerd", "opmerking"),
}
WHOLE_GEMEENTE = "hele gemeente"
HEADER = """\
# Wijkwijzer kennisbank: {what}.
# Gemaakt door `wijkwijzer kb import` uit {source}. Pas bij voorkeur de spreadsheet aan en importeer opnieuw.
# Gebieden heten "Gemeente", "Gemeente: stadsdeel X", "Gemeente: kern X" of "Gemeente: Wijk".
# In de demo-kennisbank zijn alle scholen, personen, telefoonnummers en e-mailadressen verzonnen.
"""

_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[a-z]{2,}$", re.IGNORECASE)
_PC4 = re.compile(r"^[1-9][0-9]{3}$")
_DMY = re.compile(r"^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CANONICAL_DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")
_PHONE_TEXT = re.compile(r"^\+?[0-9][0-9 -]{2,19}$")
_PHONE_PUNCTUATION = re.compile(r"[\s\-./()]")
_NL_NUMBER = re.compile(r"^(?:\+31|0031|0)([1-9]\d{8})$")
_SERVICE_NUMBER = re.compile(r"^(?:\+31|0031|0)(?:80|90[069])\d{4,7}$|^140\d{2,3}$")
_SPACES_AND_HYPHENS = re.compile(r"[\s\-\u2010-\u2015]+")
_NON_WORD = re.compile(r"[^\w]+")
_KINDS = ("gebieden", "expertisekaart", "ketenpartners")


class RowError(Exception):
    """A row (or a whole file) is wrong: it is reported and left out."""

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
    """What an import did: rejections (``problems``), normalisations (``notes``) and counts per file.

    ``complete`` is False when a file could not be read at all (missing, empty, not UTF-8, a
    required column missing); then nothing was imported and nothing was written.
    """

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, FileCounts] = field(default_factory=dict)
    complete: bool = False

    @property
    def ok(self) -> bool:
        return self.complete and not self.problems

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


class _Row:
    """One spreadsheet row while it is being imported: its cells and what was normalised."""

    __slots__ = ("file", "line", "cells", "notes", "_clean")

    def __init__(self, file: str, line: int, cells: dict[str, str]) -> None:
        self.file = file
        self.line = line
        self.cells = cells
        self.notes: list[str] = []
        self._clean: dict[str, str] = {}

    def get(self, column: str, *, required: bool = False, label: str | None = None) -> str:
        """The cell with surrounding and double spaces removed (noted once); RowError when required and empty."""
        value = self._clean.get(column)
        if value is None:
            raw = self.cells.get(column, "")
            value = " ".join(raw.split())
            if value != raw and value:
                self.note(column, raw, value)
            self._clean[column] = value
        if required and not value:
            raise RowError(column, f"{label or column} is leeg")
        return value

    def note(self, column: str, old: str, new: str) -> None:
        self.notes.append(f"{self.file}:{self.line}: {column}: '{old}' → '{new}'")


# ───────────────────────────── reading ─────────────────────────────


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"bestand is geen UTF-8 (fout bij byte {error.start}); sla het op als 'CSV UTF-8'"
        raise RowError("", message) from error
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        start = 1
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise RowError("", f"regel {reader.line_num} is geen geldige CSV ({error})") from error
    return rows


def _read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise RowError("", f"kan het Excel-bestand niet lezen ({type(error).__name__})") from error
    try:
        if not workbook.worksheets:
            raise RowError("", "het Excel-bestand heeft geen werkblad")
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        return [(number, [_cell_text(v) for v in row]) for number, row in enumerate(rows, 1)]
    finally:
        workbook.close()


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RowError("", "de oude Excel-indeling (.xls) lees ik niet; sla het op als .xlsx of als 'CSV UTF-8'")
    try:
        return _read_xlsx(path) if suffix in (".xlsx", ".xlsm") else _read_csv(path)
    except FileNotFoundError as error:
        raise RowError("", "bestand niet gevonden") from error
    except OSError as error:
        raise RowError("", f"kan het bestand niet lezen ({error.strerror or type(error).__name__})") from error


def _header_index(names: list[str], kind: str, header_line: int, file: str) -> tuple[dict[str, int], list[str]]:
    """Column name → cell index, and notes about ignored columns. RowError when the header is unusable."""
    known = (*REQUIRED[kind], *OPTIONAL[kind])
    index: dict[str, int] = {}
    notes = []
    for i, name in enumerate(names):
        if not name:
            continue
        if name in index:
            raise RowError(name, f"kolom '{name}' staat twee keer in de kopregel (regel {header_line})")
        if name not in known:
            notes.append(f"{file}:{header_line}: {name}: onbekende kolom, overgeslagen")
        index[name] = i
    missing = [c for c in REQUIRED[kind] if c not in index]
    if missing:
        needed = ", ".join(REQUIRED[kind])
        raise RowError(", ".join(missing), f"kolom ontbreekt in de kopregel (regel {header_line}); nodig: {needed}")
    return {name: i for name, i in index.items() if name in known}, notes


@dataclass
class _Table:
    """The data rows of one file keyed by column name, notes about its header, and rows it could not split."""

    rows: list[_Row]
    notes: list[tuple[int, str]]
    problems: list[Problem]


def read_table(path: Path, kind: str) -> _Table:
    """Read one spreadsheet; RowError when the file as a whole cannot be used."""
    rows = [(line, cells) for line, cells in _read_rows(path) if any(c.strip() for c in cells)]
    if not rows:
        raise RowError("", "bestand is leeg")
    header_line, header = rows[0]
    names = [h.strip().lower().replace(" ", "_") for h in header]
    index, notes = _header_index(names, kind, header_line, path.name)
    width = max((i for i, name in enumerate(names) if name), default=0) + 1
    table = _Table([], [(header_line, note) for note in notes], [])
    for line, cells in rows[1:]:
        if any(c.strip() for c in cells[width:]):
            table.problems.append(Problem(path.name, line, "", f"regel heeft {len(cells)} cellen, de kopregel {width}: "
                                                               "staat er een scheidingsteken te veel in?"))
            continue
        values = {name: cells[i] if i < len(cells) else "" for name, i in index.items()}
        table.rows.append(_Row(path.name, line, values))
    return table


# ───────────────────────────── value normalisers ─────────────────────────────


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


_NL_GROUPS: dict[tuple[str, int], tuple[int, ...] | None] = {}


def _format_nl(nsn: str) -> str | None:
    """National notation of a Dutch national significant number, or None when it is not a possible number.

    Mobiles are written ``06 xxxx xxxx``; other numbers as phonenumbers groups them. The
    grouping depends only on the leading digits and the length, so it is computed once per
    (first five digits, length) and reused: phonenumbers is too slow to call 20,000 times.
    """
    if nsn.startswith("6") and len(nsn) == 9:
        return f"06 {nsn[1:5]} {nsn[5:]}"
    key = (nsn[:5], len(nsn))
    if key not in _NL_GROUPS:
        number = phonenumbers.parse("0" + nsn, "NL")
        groups = None
        if phonenumbers.is_possible_number(number):
            text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            parts = text.split(" ")
            groups = tuple(len(p) for p in parts) if "".join(parts) == "0" + nsn else None
        _NL_GROUPS[key] = groups
    groups = _NL_GROUPS[key]
    if groups is None:
        return None
    digits, parts, start = "0" + nsn, [], 0
    for size in groups:
        parts.append(digits[start:start + size])
        start += size
    return " ".join(parts)


def format_phone(raw: str) -> str:
    """One notation for a phone number (see the module docstring); ValueError with a Dutch message."""
    value = _format_phone(raw)
    if not _PHONE_TEXT.match(value):
        raise ValueError(f"'{raw}' kan ik niet als telefoonnummer schrijven")
    return value


def _format_phone(raw: str) -> str:
    compact = _PHONE_PUNCTUATION.sub("", raw.replace("(0)", ""))
    if _SERVICE_NUMBER.match(compact):
        return raw if _PHONE_TEXT.match(raw) else _format_service(raw)
    match = _NL_NUMBER.match(compact)
    if match:
        value = _format_nl(match.group(1))
        if value is None:
            raise ValueError(f"'{raw}' is geen mogelijk telefoonnummer")
        return value
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException as error:
        raise ValueError(f"'{raw}' is geen telefoonnummer") from error
    if not phonenumbers.is_possible_number(number):
        raise ValueError(f"'{raw}' is geen mogelijk telefoonnummer")
    if number.country_code == 31:
        value = _format_nl(str(number.national_number))
        if value is None:
            raise ValueError(f"'{raw}' is geen mogelijk telefoonnummer")
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _format_service(raw: str) -> str:
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException as error:
        raise ValueError(f"'{raw}' is geen telefoonnummer") from error
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def normalise_phone(row: _Row, column: str) -> str | None:
    raw = row.get(column)
    if not raw:
        return None
    try:
        value = format_phone(raw)
    except ValueError as error:
        raise RowError(column, str(error)) from None
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


def parse_date(raw: str) -> date:
    """``dd-mm-jjjj``, ``d-m-jjjj``, ``dd/mm/jjjj`` or ``jjjj-mm-dd``; ValueError with a Dutch message."""
    match = _DMY.match(raw)
    if match:
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    elif (match := _ISO.match(raw)) is not None:
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError(f"'{raw}' is geen datum (schrijf dd-mm-jjjj)")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{raw}' is geen bestaande datum") from None


def normalise_date(row: _Row, column: str, today: date) -> date | None:
    raw = row.get(column)
    if not raw:
        return None
    try:
        value = parse_date(raw)
    except ValueError as error:
        raise RowError(column, str(error)) from None
    if value > today:
        raise RowError(column, f"datum {value:%d-%m-%Y} ligt in de toekomst")
    if not _CANONICAL_DATE.match(raw):
        row.note(column, raw, f"{value:%d-%m-%Y}")
    return value


def _most_common_spelling(values: list[str]) -> dict[str, str]:
    """Map each case-insensitive spelling to the spelling the office uses most (first seen on a tie)."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for value in values:
        if value:
            groups[value.lower()][value] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in groups.items()}


def _canonical_spelling(row: _Row, column: str, spellings: dict[str, str]) -> str:
    value = row.get(column)
    canonical = spellings.get(value.lower(), value)
    if canonical != value:
        row.note(column, value, canonical)
    return canonical


def _clean_column(rows: list[_Row], column: str) -> list[str]:
    return [" ".join(r.cells.get(column, "").split()) for r in rows]


# ───────────────────────────── areas ─────────────────────────────


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """The key two spellings must share to be the same name: case, spaces, hyphens and diacritics do not count.

    'Rijswijk-Buiten' = 'RijswijkBuiten', 'ypenburg' = 'Ypenburg'. Other punctuation does count.
    """
    return _SPACES_AND_HYPHENS.sub("", without_accents(text).casefold())


def _words(text: str) -> str:
    """Lowercase words without diacritics, padded with spaces, to find one name inside another."""
    plain = without_accents(text).casefold()
    return f" {' '.join(_NON_WORD.sub(' ', plain).split())} "


_NAME_RANK = {"wijk": 0, "stadsdeel": 1, "kern": 1, "gemeente": 2}
_ALIAS_RANK = 3


class _Areas:
    """Exact lookup of the imported areas by name, alias or id (see the module docstring for the ranking)."""

    def __init__(self) -> None:
        self.candidates: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.ids: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.gemeenten: dict[str, str] = {}
        self._gemeente_of_org: dict[str, str | tuple[str, ...]] = {}

    def add(self, area_id: str, kind: str, naam: str, aliases: list[str]) -> None:
        self.kinds[area_id] = kind
        self.names[area_id] = naam
        self.ids[_fold(area_id)] = area_id
        rank = _NAME_RANK[kind]
        self._candidate(_fold(naam), rank, area_id)
        for alias in aliases:
            self._candidate(_fold(alias), rank + _ALIAS_RANK, area_id)
        if kind == "gemeente":
            for name in (naam, *aliases):
                self.gemeenten.setdefault(_words(name), area_id)

    def _candidate(self, key: str, rank: int, area_id: str) -> None:
        found = self.candidates[key][rank]
        if area_id not in found:
            found.append(area_id)

    def lookup(self, name: str, column: str, *, wijk_only: bool = False) -> str:
        key = _fold(name)
        if ":" in name and key in self.ids and (not wijk_only or self.kinds[self.ids[key]] == "wijk"):
            return self.ids[key]
        ranks = {r: ids for r, ids in self.candidates.get(key, {}).items()
                 if not wijk_only or self.kinds[ids[0]] == "wijk"}
        if not ranks:
            known = key in self.candidates or key in self.ids
            what = "is geen wijk" if wijk_only and known else "bestaat niet in gebieden"
            raise RowError(column, f"'{name}' {what}")
        found = ranks[min(ranks)]
        if len(found) > 1:
            options = "; ".join(found)
            raise RowError(column, f"'{name}' past bij meer gebieden ({options}): schrijf het als 'Gemeente: Wijk'")
        return found[0]

    def gemeente_in(self, organisatie: str) -> str:
        """'hele gemeente' = the one gemeente named in the organisation ('CJG Rijswijk (JGZ)' → Rijswijk)."""
        if organisatie not in self._gemeente_of_org:
            text = _words(organisatie)
            found = tuple(dict.fromkeys(gid for name, gid in self.gemeenten.items() if name in text))
            self._gemeente_of_org[organisatie] = found[0] if len(found) == 1 else found
        result = self._gemeente_of_org[organisatie]
        if isinstance(result, str):
            return result
        what = "geen gemeente" if not result else f"meer gemeenten ({', '.join(result)})"
        raise RowError("werkgebied", f"'hele gemeente', maar de organisatie '{organisatie}' noemt {what}")


@dataclass
class _AreaRow:
    row: _Row
    kind: str
    gemeente: str
    deel: str
    wijk: str


def _classify(row: _Row) -> _AreaRow:
    gemeente, deel, wijk = row.get("gemeente"), row.get("stadsdeel"), row.get("wijk")
    kind = "wijk" if wijk else "deel" if deel else "gemeente"
    if not gemeente:
        raise RowError("gemeente", "gemeente is leeg")
    return _AreaRow(row, kind, gemeente, deel, wijk)


def _unique(row: _Row, column: str) -> list[str]:
    """The list in a cell without repeats (noted)."""
    values = _split_list(row.get(column))
    unique = list(dict.fromkeys(values))
    if len(unique) != len(values):
        row.note(column, row.get(column), ", ".join(unique))
    return unique


def _area_item(row: _Row, naam: str) -> dict[str, Any]:
    pc4 = _unique(row, "pc4")
    for code in pc4:
        if not _PC4.match(code):
            raise RowError("pc4", f"'{code}' is geen postcode van 4 cijfers")
    pilot = row.get("pilotgebied").lower()
    if pilot not in ("ja", "nee", ""):
        raise RowError("pilotgebied", f"'{row.get('pilotgebied')}' moet ja of nee zijn")
    item: dict[str, Any] = {"naam": naam}
    _put(item, aliassen=_unique(row, "aliassen"), pc4=pc4, pilot=pilot == "ja" or None)
    return item


class _GebiedenBuilder:
    """Builds the nested gebieden structure; parents are matched case-insensitively with a note."""

    def __init__(self) -> None:
        self.gemeenten: dict[str, dict[str, Any]] = {}
        self.gemeente_names: dict[str, str] = {}
        self.delen: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        self.seen: dict[str, int] = {}
        self.areas = _Areas()

    def _once(self, area_id: str, column: str, line: int) -> None:
        key = _fold(area_id)
        if key in self.seen:
            raise RowError(column, f"dubbel: '{area_id}' staat al op regel {self.seen[key]}")
        self.seen[key] = line

    def _parent(self, entry: _AreaRow) -> tuple[str, dict[str, Any]]:
        name = self.gemeente_names.get(_fold(entry.gemeente))
        if name is None:
            raise RowError("gemeente", f"gemeente '{entry.gemeente}' heeft geen eigen regel in gebieden")
        if name != entry.gemeente:
            entry.row.note("gemeente", entry.gemeente, name)
        return name, self.gemeenten[name]

    def add(self, entry: _AreaRow) -> None:
        getattr(self, f"_add_{entry.kind}")(entry)

    def _add_gemeente(self, entry: _AreaRow) -> None:
        item = _area_item(entry.row, entry.gemeente)
        self._once(gemeente_id(entry.gemeente), "gemeente", entry.row.line)
        self.gemeenten[entry.gemeente] = item
        self.gemeente_names[_fold(entry.gemeente)] = entry.gemeente
        self.areas.add(gemeente_id(entry.gemeente), "gemeente", entry.gemeente, item.get("aliassen", []))

    def _add_deel(self, entry: _AreaRow) -> None:
        item = _area_item(entry.row, entry.deel)
        gemeente, parent = self._parent(entry)
        soort = "stadsdeel" if gemeente in STADSDEEL_GEMEENTEN else "kern"
        area_id = deel_id(gemeente_id(gemeente), soort, entry.deel)
        self._once(area_id, "stadsdeel", entry.row.line)
        deel = {"naam": item.pop("naam"), "soort": soort, **item}
        parent.setdefault("delen", []).append(deel)
        self.delen[(gemeente, _fold(entry.deel))] = (deel, entry.deel)
        self.areas.add(area_id, soort, entry.deel, item.get("aliassen", []))

    def _add_wijk(self, entry: _AreaRow) -> None:
        item = _area_item(entry.row, entry.wijk)
        gemeente, parent = self._parent(entry)
        owner = parent
        if entry.deel:
            found = self.delen.get((gemeente, _fold(entry.deel)))
            if found is None:
                raise RowError("stadsdeel", f"'{entry.deel}' heeft geen eigen regel in gebieden bij {gemeente}")
            owner, name = found
            if name != entry.deel:
                entry.row.note("stadsdeel", entry.deel, name)
        area_id = wijk_id(gemeente_id(gemeente), entry.wijk)
        self._once(area_id, "wijk", entry.row.line)
        owner.setdefault("wijken", []).append(item)
        self.areas.add(area_id, "wijk", entry.wijk, item.get("aliassen", []))


def _import_gebieden(rows: list[_Row], book: _Book) -> tuple[list[dict[str, Any]], _Areas]:
    """Gemeente rows first, then stadsdeel/kern rows, then wijk rows, so the file order does not matter."""
    builder = _GebiedenBuilder()
    entries: list[_AreaRow] = []
    for row in rows:
        try:
            entries.append(_classify(row))
        except RowError as error:
            book.reject(row, error)
    for kind in ("gemeente", "deel", "wijk"):
        for entry in entries:
            if entry.kind != kind:
                continue
            try:
                builder.add(entry)
            except RowError as error:
                book.reject(entry.row, error)
                continue
            book.accept(entry.row)
    return list(builder.gemeenten.values()), builder.areas


# ───────────────────────────── schools ─────────────────────────────


_TAGS = {_fold(word): tag for tag, words in EXPERTISE_SYNONYMS.items() for word in (tag, *words)}
_ROLES = {normalize(word): role.id for role in PARTNER_ROLES for word in (role.id, role.functie, *role.synonyms)}
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def role_of(label: str) -> str | None:
    """The role id a spreadsheet's role cell means, through the vocabulary ("Jeugdverpleegkundige",
    "leerplichtambtenaar (thuiszitters)", "smw'er")."""
    return _ROLES.get(normalize(label)) or _ROLES.get(normalize(_PARENTHESES.sub("", label)))


@dataclass
class _Schools:
    """The imported schools by key, and the rejected ones (key → line) for references from ketenpartners."""

    items: list[dict[str, Any]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)


def _import_schools(rows: list[_Row], areas: _Areas, book: _Book) -> _Schools:
    boards = _most_common_spelling(_clean_column(rows, "bestuur"))
    schools = _Schools()
    for row in rows:
        try:
            school = _school(row, areas, boards, schools.lines)
        except RowError as error:
            book.reject(row, error)
            key = _fold(row.cells.get("school", ""))
            if key and key not in schools.lines:
                schools.rejected.setdefault(key, row.line)
            continue
        key = _fold(school["naam"])
        schools.lines[key] = row.line
        schools.names[key] = school["naam"]
        schools.items.append(school)
        book.accept(row)
    return schools


def _school(row: _Row, areas: _Areas, boards: dict[str, str], seen: dict[str, int]) -> dict[str, Any]:
    naam = row.get("school", required=True, label="schoolnaam")
    if _fold(naam) in seen:
        raise RowError("school", f"dubbel: '{naam}' staat al op regel {seen[_fold(naam)]}")
    bestuur = _canonical_spelling(row, "bestuur", boards)
    wijk_name = row.get("wijk", required=True)
    wijk = areas.lookup(wijk_name, "wijk", wijk_only=True)
    if wijk_name not in (areas.names[wijk], wijk):
        row.note("wijk", wijk_name, wijk)
    tags = _tags(row)
    ib: dict[str, Any] = {"naam": row.get("ib_naam", required=True, label="naam van de IB'er")}
    _put(ib, telefoon=normalise_phone(row, "ib_telefoon"), email=normalise_email(row, "ib_email"))
    school: dict[str, Any] = {"naam": naam}
    _put(school, bestuur=bestuur, wijk=wijk, adres=row.get("adres"), expertise=tags, ib=ib,
         opmerking=row.get("opmerking"))
    return school


def _tags(row: _Row) -> list[str]:
    raw = row.cells.get("expertise", "")
    tags: list[str] = []
    for item in _split_list(raw):
        tag = _TAGS.get(_fold(item))
        if tag is None:
            raise RowError("expertise", f"onbekende expertise '{item}'; kies uit: {', '.join(EXPERTISE_TAGS)}")
        if tag not in tags:
            tags.append(tag)
    if tags and ", ".join(tags) != raw:
        row.note("expertise", raw, ", ".join(tags))
    return tags


def _put(target: dict[str, Any], **values: Any) -> None:
    """Add the values that are not empty, in the given order."""
    target.update((k, v) for k, v in values.items() if v not in (None, "", []))


# ───────────────────────────── ketenpartners ─────────────────────────────


@dataclass
class _PartnerContext:
    areas: _Areas
    schools: _Schools
    school_file: str
    organisations: dict[str, str]
    today: date
    seen: dict[tuple[str, str], int] = field(default_factory=dict)


def _import_contacts(rows: list[_Row], context: _PartnerContext, book: _Book) -> list[dict[str, Any]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        try:
            org, contact = _contact(row, context)
        except RowError as error:
            book.reject(row, error)
            continue
        context.seen[(org.lower(), _fold(contact["naam"]))] = row.line
        grouped.setdefault(org, []).append(contact)
        book.accept(row)
    return [{"naam": org, "contacten": contacts} for org, contacts in grouped.items()]


def _contact(row: _Row, context: _PartnerContext) -> tuple[str, dict[str, Any]]:
    row.get("organisatie", required=True)
    org = _canonical_spelling(row, "organisatie", context.organisations)
    label = row.get("rol", required=True)
    rol = role_of(label)
    if rol is None:
        raise RowError("rol", f"onbekende rol '{label}'")
    functie = label.lower()
    if label != functie and functie != "veilig thuis":
        row.note("rol", label, functie)
    naam = row.get("naam", required=True)
    earlier = context.seen.get((org.lower(), _fold(naam)))
    if earlier:
        raise RowError("naam", f"dubbel: '{naam}' van {org} staat al op regel {earlier}")
    contact: dict[str, Any] = {"naam": naam, "rol": rol, "functie": functie}
    _put(contact, werkgebied=_werkgebied(row, context.areas, org), scholen=_assigned_schools(row, context),
         telefoon=normalise_phone(row, "telefoon"), email=normalise_email(row, "email"),
         bereikbaar=row.get("bereikbaar"),
         laatst_gecontroleerd=normalise_date(row, "laatst_gecontroleerd", context.today),
         opmerking=row.get("opmerking"))
    return org, contact


def _werkgebied(row: _Row, areas: _Areas, org: str) -> list[str]:
    result: list[str] = []
    for item in _split_list(row.get("werkgebied", required=True)):
        if _fold(item) == _fold(WHOLE_GEMEENTE):
            area = areas.gemeente_in(org)
        else:
            area = areas.lookup(item, "werkgebied")
            if item not in (areas.names[area], area):
                row.note("werkgebied", item, area)
        if area not in result:
            result.append(area)
    if not result:
        raise RowError("werkgebied", "werkgebied is leeg")
    return result


def _assigned_schools(row: _Row, context: _PartnerContext) -> list[str]:
    result: list[str] = []
    for name in _split_list(row.get("scholen")):
        key = _fold(name)
        if key in context.schools.names:
            canonical = context.schools.names[key]
            if canonical != name:
                row.note("scholen", name, canonical)
            if canonical not in result:
                result.append(canonical)
        elif key in context.schools.rejected:
            where = f"{context.school_file}:{context.schools.rejected[key]}"
            row.notes.append(f"{row.file}:{row.line}: scholen: '{name}' weggelaten, "
                             f"want die school is afgewezen ({where})")
        else:
            raise RowError("scholen", f"school '{name}' staat niet in de expertisekaart")
    return result


# ───────────────────────────── bookkeeping and output ─────────────────────────────


class _Book:
    """Counts and collects what happens to the rows of one file."""

    def __init__(self, report: ImportReport, file: str, table: _Table) -> None:
        self.report = report
        self.counts = report.counts.setdefault(file, FileCounts())
        self.problems: list[Problem] = list(table.problems)
        self.notes: list[tuple[int, int, str]] = [(line, 0, note) for line, note in table.notes]
        self.counts.read += len(table.problems)
        self.counts.rejected += len(table.problems)

    def reject(self, row: _Row, error: RowError) -> None:
        self.counts.read += 1
        self.counts.rejected += 1
        self.problems.append(Problem(row.file, row.line, error.column, error.message))

    def accept(self, row: _Row) -> None:
        self.counts.read += 1
        self.counts.imported += 1
        if row.notes:
            self.counts.normalised += 1
            self.notes.extend((row.line, i, note) for i, note in enumerate(row.notes))

    def close(self) -> None:
        """Hand over problems and notes in line order (gebieden rows are handled out of order)."""
        self.report.problems.extend(sorted(self.problems, key=lambda p: p.line))
        self.report.notes.extend(note for *_, note in sorted(self.notes))


# ───────────────────────────── YAML output ─────────────────────────────
#
# The canonical files hold only dicts, lists, strings, booleans and dates. PyYAML's representer
# costs over a second for a national knowledge base, so they are written here, with PyYAML's
# own resolver deciding whether a string may stay unquoted. The output equals yaml.safe_dump(...,
# allow_unicode=True, sort_keys=False, width=120) except that a long quoted string is never
# folded over two lines. Why and what guards it: docs/performance.md (B4).

_WIDTH = 120
_PRINTABLE = re.compile("^[\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$")
_PLAIN_UNSAFE = re.compile(r": |:$| #|\s$|^\.\.\.")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` \t")
_MAYBE_NOT_STR = frozenset("0123456789-+.~tTfFnNyYoO<=")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


@lru_cache(maxsize=65536)
def _yaml_string(value: str, flow: bool) -> str:
    """Plain when YAML reads it back as this same string; else single-quoted; double-quoted for control characters."""
    if not _PRINTABLE.match(value):
        return json.dumps(value, ensure_ascii=False)
    plain = (
        value
        and value[0] not in _INDICATORS
        and not _PLAIN_UNSAFE.search(value)
        and not (flow and _FLOW_UNSAFE.search(value))
        and (value[0] not in _MAYBE_NOT_STR or _RESOLVER.resolve(ScalarNode, value, (True, False)) == _STR)
    )
    return value if plain else "'" + value.replace("'", "''") + "'"


def _yaml_scalar(value: Any, flow: bool = False) -> str:
    kind = type(value)
    if kind is str:
        return _yaml_string(value, flow)
    if kind is bool:
        return "true" if value else "false"
    if kind is date:
        return value.isoformat()
    raise TypeError(f"cannot write a {kind.__name__} into a knowledge-base file")


def _is_flow(items: list[Any]) -> bool:
    """Short lists of strings, and lists of postcodes, on one line: [a, b]."""
    return all(type(v) is str for v in items) and (sum(map(len, items)) < 100 or all(len(v) <= 6 for v in items))


def _yaml_flow_list(head: str, items: list[str], indent: int) -> list[str]:
    lines, line = [], head + "["
    for i, item in enumerate(items):
        text = _yaml_scalar(item, flow=True) + ("," if i < len(items) - 1 else "]")
        if i and len(line) > _WIDTH:
            lines.append(line)
            line = " " * (indent + 2) + text
        else:
            line += (" " if i else "") + text
    lines.append(line)
    return lines


def _yaml_mapping(data: dict[str, Any], indent: int, out: list[str], first: str | None = None) -> None:
    pad = " " * indent
    for i, (key, value) in enumerate(data.items()):
        head = f"{first if i == 0 and first is not None else pad}{key}:"
        if type(value) is dict:
            out.append(head)
            _yaml_mapping(value, indent + 2, out)
        elif type(value) is list and not value:
            out.append(f"{head} []")
        elif type(value) is list and _is_flow(value):
            out.extend(_yaml_flow_list(f"{head} ", value, indent))
        elif type(value) is list:
            out.append(head)
            for item in value:
                if type(item) is dict:
                    _yaml_mapping(item, indent + 2, out, first=f"{pad}- ")
                else:
                    out.append(f"{pad}- {_yaml_scalar(item)}")
        else:
            out.append(f"{head} {_yaml_scalar(value)}")


def to_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML of a canonical file's data, in the order of the dicts."""
    out: list[str] = []
    _yaml_mapping(data, 0, out)
    return "\n".join(out) + "\n"


def _write(path: Path, what: str, sources: str, data: dict[str, Any]) -> None:
    """Write atomically: a reader never sees half a file."""
    body = to_yaml(data)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(HEADER.format(what=what, source=sources) + body, encoding="utf-8")
    tmp.replace(path)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The import builds hundreds of thousands of small acyclic objects; cyclic GC passes over them only cost time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_all(paths: dict[str, Path], report: ImportReport) -> dict[str, _Table] | None:
    """All three tables, or None (with the reasons in the report) when a file cannot be used."""
    tables: dict[str, _Table] = {}
    for kind, path in paths.items():
        report.counts.setdefault(path.name, FileCounts())
        try:
            tables[kind] = read_table(path, kind)
        except RowError as error:
            report.problems.append(Problem(path.name, 0, error.column, error.message))
    return tables if len(tables) == len(paths) else None


def import_spreadsheets(gebieden: Path, expertisekaart: Path, ketenpartners: Path,
                        out_dir: Path | None, today: date) -> ImportReport:
    """Import the three spreadsheets; write the canonical files into ``out_dir`` (unless None).

    Never raises for bad input: every problem ends up in the report. When a file cannot be read
    at all, nothing is imported or written and ``report.complete`` is False.
    """
    report = ImportReport()
    paths = dict(zip(_KINDS, (gebieden, expertisekaart, ketenpartners)))
    with _gc_paused():
        tables = _read_all(paths, report)
        if tables is None:
            return report
        books = {kind: _Book(report, path.name, tables[kind]) for kind, path in paths.items()}
        gemeenten, areas = _import_gebieden(tables["gebieden"].rows, books["gebieden"])
        schools = _import_schools(tables["expertisekaart"].rows, areas, books["expertisekaart"])
        partner_rows = tables["ketenpartners"].rows
        organisations = _most_common_spelling(_clean_column(partner_rows, "organisatie"))
        context = _PartnerContext(areas, schools, expertisekaart.name, organisations, today)
        partners = _import_contacts(partner_rows, context, books["ketenpartners"])
        for book in books.values():
            book.close()
        report.complete = True
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            _write(out_dir / "gebieden.yaml", "gemeenten, stadsdelen, kernen en wijken", gebieden.name,
                   {"gemeenten": gemeenten})
            _write(out_dir / "scholen.yaml", "scholen met expertise en IB'er", expertisekaart.name,
                   {"scholen": schools.items})
            _write(out_dir / "ketenpartners.yaml", "ketenpartners per organisatie", ketenpartners.name,
                   {"organisaties": partners})
    return report
