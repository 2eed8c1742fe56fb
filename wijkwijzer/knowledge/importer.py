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
  Headers are read as offices write them: any case, spaces, hyphens or underscores, and the
  variants in :data:`HEADER_VARIANTS` (``IB e-mail``, ``E-mailadres``, ``Telefoonnummer``).
* **Title rows.** Rows above the header (a title, an export date) are skipped: the header is the
  first of the first :data:`HEADER_SEARCH_ROWS` rows that names every required column.
* **Workbooks.** One .xlsx may hold all three lists, one tab each; a tab is recognised by its
  name (:data:`TAB_NAMES`) or else by its header. Problems name the tab: ``werkboek.xlsx[Scholen]:5``.
* **Lists** in a cell (aliases, postcodes, expertise, werkgebied, scholen) are separated by
  Alt+Enter (a line break in the cell), ``;`` or ``,``.
* **Excel cells.** Numbers that lost their leading 0 (a phone typed as a number) get it back;
  Excel date serials (``46296``) and written dates (``1 sept 2026``) are dates; formulas are
  read as the value Excel stored with them (a file saved by a program that stores no values
  reads as empty there).
* **Areas with their gemeente** in parentheses, ``Ypenburg (Den Haag)``, are that area of that
  gemeente.
* **Every problem of a row** is reported, not only the first. A problem in a required cell
  leaves the row out (all its problems are listed); a problem in an optional cell (phone,
  e-mail, a date, postcodes, one expertise tag, one school) drops only that value, reported as
  a warning (``report.warnings``), and the row is imported.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

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
_DMY = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CANONICAL_DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")
_PHONE_TEXT = re.compile(r"^\+?[0-9][0-9 -]{2,19}$")
_PHONE_PUNCTUATION = re.compile(r"[\s\-./()]")
_NL_NUMBER = re.compile(r"^(?:\+31|0031|0)([1-9]\d{8})$")
_SERVICE_NUMBER = re.compile(r"^(?:\+31|0031|0)(?:80|90[069])\d{4,7}$|^140\d{2,3}$")
_SPACES_AND_HYPHENS = re.compile(r"[\s\-\u2010-\u2015]+")
_NON_WORD = re.compile(r"[^\w]+")
_KINDS = ("gebieden", "expertisekaart", "ketenpartners")
T = TypeVar("T")
HEADER_SEARCH_ROWS = 10
_HEADER_FOLD = re.compile(r"[^a-z0-9]+")
HEADER_VARIANTS: dict[str, dict[str, tuple[str, ...]]] = {
    "gebieden": {
        "stadsdeel": ("stadsdeel_kern", "stadsdeel_of_kern", "kern", "woonkern"),
        "aliassen": ("alias", "andere_namen", "ook_genoemd"),
        "pc4": ("postcode", "postcodes", "pc4_codes", "pc"),
        "pilotgebied": ("pilot", "pilot_gebied"),
    },
    "expertisekaart": {
        "school": ("schoolnaam", "naam_school", "naam_van_de_school"),
        "bestuur": ("schoolbestuur", "stichting"),
        "expertise": ("expertises", "expertisegebieden", "specialisme", "specialismen"),
        "ib_naam": ("ib", "ib_er", "ib_ers", "naam_ib", "naam_ib_er", "ib_er_naam", "intern_begeleider",
                    "interne_begeleider"),
        "ib_telefoon": ("ib_tel", "ib_telefoonnummer", "ib_er_telefoon", "telefoon", "telefoonnummer", "tel",
                        "telefoon_ib", "telnr"),
        "ib_email": ("ib_e_mail", "ib_mail", "ib_e_mailadres", "ib_emailadres", "ib_er_e_mail", "email", "e_mail",
                     "e_mailadres", "emailadres", "mail", "mailadres"),
        "opmerking": ("opmerkingen", "toelichting", "notitie", "notities"),
    },
    "ketenpartners": {
        "organisatie": ("instelling", "organisatie_naam"),
        "rol": ("functie", "rol_functie", "functie_rol"),
        "naam": ("contactpersoon", "medewerker", "naam_contactpersoon"),
        "werkgebied": ("werkgebieden", "gebied", "wijken", "wijk"),
        "scholen": ("vaste_scholen", "school"),
        "telefoon": ("telefoonnummer", "tel", "telnr", "mobiel", "telefoon_nr"),
        "email": ("e_mail", "e_mailadres", "emailadres", "mail", "mailadres"),
        "bereikbaar": ("bereikbaarheid", "bereikbaar_op"),
        "laatst_gecontroleerd": ("gecontroleerd", "gecontroleerd_op", "laatste_controle", "controle", "datum_controle",
                                 "controledatum"),
        "opmerking": ("opmerkingen", "toelichting", "notitie"),
    },
}
"""Header names offices use, per list: column → its variants (folded: lower case, runs of other
characters as ``_``). The column's own name always counts."""
TAB_NAMES: dict[str, tuple[str, ...]] = {
    "gebieden": ("gebieden", "gebied", "wijken", "gebiedsindeling"),
    "expertisekaart": ("expertisekaart", "scholen", "expertise", "school"),
    "ketenpartners": ("ketenpartners", "partners", "contacten", "ketenpartner", "sociale_kaart"),
}
"""Tab names (folded as headers) that say which list a workbook's tab holds."""
_LIST_SEPARATORS = re.compile(r"[,;\r\n]+")
_NUMBER_LOST_ZERO = re.compile(r"^[1-9]\d{8}$")
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")
_WRITTEN_DATE = re.compile(r"^(?:[a-z]+\.?,?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "febr": 2, "februari": 2, "mrt": 3, "maart": 3, "mar": 3, "apr": 4,
    "april": 4, "mei": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augustus": 8, "sep": 9,
    "sept": 9, "september": 9, "okt": 10, "oktober": 10, "oct": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_EXCEL_EPOCH = date(1899, 12, 30)


class RowError(Exception):
    """A row (or a whole file) is wrong: it is reported and left out."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


class RowErrors(RowError):
    """Every problem of a row that is left out (the first names the row in ``column``/``message``)."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(errors[0].column, errors[0].message)
        self.errors = errors


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
    files: dict[str, str] = field(default_factory=dict)
    """The canonical files of a complete import, name → YAML text (gebieden, scholen, ketenpartners)."""
    warnings: list[Problem] = field(default_factory=list)
    """Values left out of rows that were imported (a wrong phone, e-mail or date: the cell is dropped)."""

    @property
    def ok(self) -> bool:
        return self.complete and not self.problems and not self.warnings

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

    __slots__ = ("_clean", "cells", "errors", "file", "line", "notes", "warnings")

    def __init__(self, file: str, line: int, cells: dict[str, str]) -> None:
        self.file = file
        self.line = line
        self.cells = cells
        self.notes: list[str] = []
        self._clean: dict[str, str] = {}
        self.errors: list[RowError] = []
        self.warnings: list[RowError] = []

    def check(self, read: Callable[[], T]) -> T | None:
        """``read()`` for a required value; a problem is kept (the row will be left out) and gives None."""
        try:
            return read()
        except RowErrors as errors:
            self.errors.extend(errors.errors)
        except RowError as error:
            self.errors.append(error)
        return None

    def optional(self, read: Callable[[], T]) -> T | None:
        """``read()`` for an optional value; a problem drops the value with a warning and gives None."""
        try:
            return read()
        except RowError as error:
            self.warnings.append(RowError(error.column, f"{error.message}; weggelaten"))
        return None

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(column, message))

    def finish(self) -> None:
        """Raise every problem of the row when a required value was wrong (warnings included)."""
        if self.errors:
            raise RowErrors(self.errors + self.warnings)

    def get_list(self, column: str) -> list[str]:
        """The values of a list cell: separated by Alt+Enter (a line break), ``;`` or ``,``."""
        parts = _LIST_SEPARATORS.split(self.cells.get(column, ""))
        return [value for part in parts if (value := " ".join(part.split()))]

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


Rows = list[tuple[int, list[str]]]


def read_workbook(path: Path) -> list[tuple[str, Rows]]:
    """Every tab of an .xlsx workbook: its name and its rows (line number, cell texts)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise
    except Exception as error:
        raise RowError("", f"kan het Excel-bestand niet lezen ({type(error).__name__})") from error
    try:
        if not workbook.worksheets:
            raise RowError("", "het Excel-bestand heeft geen werkblad")
        return [(sheet.title, [(number, [_cell_text(v) for v in row])
                               for number, row in enumerate(sheet.iter_rows(values_only=True), 1)])
                for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _read_xlsx(path: Path, kind: str) -> Rows:
    """The tab of the workbook that holds ``kind`` (by name, else the first tab)."""
    sheets = read_workbook(path)
    for title, rows in sheets:
        if tab_kind(title) == kind:
            return rows
    return sheets[0][1]


def _read_rows(path: Path, kind: str) -> Rows:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RowError("", "de oude Excel-indeling (.xls) lees ik niet; sla het op als .xlsx of als 'CSV UTF-8'")
    try:
        return _read_xlsx(path, kind) if suffix in (".xlsx", ".xlsm") else _read_csv(path)
    except FileNotFoundError as error:
        raise RowError("", "bestand niet gevonden") from error
    except OSError as error:
        raise RowError("", f"kan het bestand niet lezen ({error.strerror or type(error).__name__})") from error


def fold_header(name: str) -> str:
    """A header cell as a column name: 'IB e-mail' → 'ib_e_mail', ' Telefoonnummer ' → 'telefoonnummer'."""
    return _HEADER_FOLD.sub("_", without_accents(name).lower()).strip("_")


def tab_kind(title: str) -> str | None:
    """Which list a workbook tab holds, by its name ('Scholen' → expertisekaart), or None."""
    folded = fold_header(title)
    return next((kind for kind, names in TAB_NAMES.items() if folded in names), None)


def _column_of(name: str, kind: str) -> str:
    """The canonical column a folded header name means in a ``kind`` list (itself when unknown)."""
    for column, variants in HEADER_VARIANTS[kind].items():
        if name in variants:
            return column
    return name


def _header_index(names: list[str], kind: str, header_line: int, file: str) -> tuple[dict[str, int], list[str]]:
    """Column name → cell index, and notes about ignored columns. RowError when the header is unusable."""
    known = (*REQUIRED[kind], *OPTIONAL[kind])
    index: dict[str, int] = {}
    notes = []
    for i, raw in enumerate(names):
        if not raw:
            continue
        name = raw if raw in known else _column_of(raw, kind)
        if name in index:
            raise RowError(name, f"kolom '{name}' staat twee keer in de kopregel (regel {header_line})")
        if name not in known:
            notes.append(f"{file}:{header_line}: {raw}: onbekende kolom, overgeslagen")
        elif name != raw:
            notes.append(f"{file}:{header_line}: kolom '{raw}' gelezen als '{name}'")
        index[name] = i
    missing = [c for c in REQUIRED[kind] if c not in index]
    if missing:
        needed = ", ".join(REQUIRED[kind])
        raise RowError(", ".join(missing), f"kolom ontbreekt in de kopregel (regel {header_line}); nodig: {needed}")
    return {name: i for name, i in index.items() if name in known}, notes


def _header_row(rows: Rows, kind: str) -> int:
    """Index in ``rows`` of the header: the first row naming every required column, else the first row."""
    for i, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {_column_of(fold_header(c), kind) for c in cells if c.strip()}
        if all(column in names for column in REQUIRED[kind]):
            return i
    return 0


@dataclass
class _Table:
    """The data rows of one file keyed by column name, notes about its header, and rows it could not split."""

    rows: list[_Row]
    notes: list[tuple[int, str]]
    problems: list[Problem]


def read_table(path: Path, kind: str) -> _Table:
    """Read one spreadsheet; RowError when the file as a whole cannot be used."""
    return table_of(_read_rows(path, kind), kind, path.name)


def table_of(all_rows: Rows, kind: str, file: str) -> _Table:
    """The data rows of one list, below its header (title rows above it skipped); RowError when unusable."""
    rows = [(line, cells) for line, cells in all_rows if any(c.strip() for c in cells)]
    if not rows:
        raise RowError("", "bestand is leeg")
    start = _header_row(rows, kind)
    header_line, header = rows[start]
    names = [fold_header(h) for h in header]
    index, notes = _header_index(names, kind, header_line, file)
    width = max((i for i, name in enumerate(names) if name), default=0) + 1
    table = _Table([], [(header_line, note) for note in notes], [])
    if start:
        table.notes.append((header_line, f"{file}:{header_line}: kopregel gevonden; regel(s) erboven overgeslagen"))
    for line, cells in rows[start + 1:]:
        if any(c.strip() for c in cells[width:]):
            table.problems.append(Problem(file, line, "", f"regel heeft {len(cells)} cellen, de kopregel {width}: "
                                                          "staat er een scheidingsteken te veel in?"))
            continue
        values = {name: cells[i] if i < len(cells) else "" for name, i in index.items()}
        table.rows.append(_Row(file, line, values))
    return table


# ───────────────────────────── value normalisers ─────────────────────────────


def _split_list(value: str) -> list[str]:
    return [value for part in _LIST_SEPARATORS.split(value) if (value := " ".join(part.split()))]


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
    if _NUMBER_LOST_ZERO.match(compact):  # typed as a number in Excel: the leading 0 is gone
        compact = "0" + compact
        raw = compact
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
    """``dd-mm-jjjj``, ``d-m-jjjj``, ``dd/mm/jjjj``, ``dd.mm.jjjj``, ``jjjj-mm-dd``, a written date
    (``1 sept 2026``, ``di 3 maart 2026``) or an Excel date serial (``46296``); ValueError in Dutch."""
    written = _WRITTEN_DATE.match(raw.strip().lower())
    if _SERIAL.match(raw):
        return _EXCEL_EPOCH + timedelta(days=int(float(raw)))
    match = _DMY.match(raw)
    if match:
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    elif (match := _ISO.match(raw)) is not None:
        year, month, day = (int(g) for g in match.groups())
    elif written is not None and written.group(2) in MONTHS:
        day, month, year = int(written.group(1)), MONTHS[written.group(2)], int(written.group(3))
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


_IN_GEMEENTE = re.compile(r"^(.*?\S)\s*\(([^()]+)\)$")  # the name ends in a non-space: linear
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
        self.gemeente_of: dict[str, str] = {}
        self._gemeente_of_org: dict[str, str | tuple[str, ...]] = {}

    def add(self, area_id: str, kind: str, naam: str, aliases: list[str]) -> None:
        self.kinds[area_id] = kind
        self.names[area_id] = naam
        self.gemeente_of[area_id] = area_id.split(":", 1)[0]
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
        within = _IN_GEMEENTE.match(name)
        if not ranks and within:
            return self._lookup_in(within.group(1), within.group(2), column, wijk_only=wijk_only)
        if not ranks:
            known = key in self.candidates or key in self.ids
            what = "is geen wijk" if wijk_only and known else "bestaat niet in gebieden"
            raise RowError(column, f"'{name}' {what}")
        found = ranks[min(ranks)]
        if len(found) > 1:
            options = "; ".join(found)
            raise RowError(column, f"'{name}' past bij meer gebieden ({options}): schrijf het als 'Gemeente: Wijk'")
        return found[0]

    def _lookup_in(self, name: str, gemeente_name: str, column: str, *, wijk_only: bool) -> str:
        """'Ypenburg (Den Haag)': the area called ``name`` inside the gemeente named in parentheses."""
        gemeente = self.lookup(gemeente_name, column)
        if self.kinds[gemeente] != "gemeente":
            raise RowError(column, f"'{gemeente_name}' tussen haakjes is geen gemeente")
        ranks = {r: [i for i in ids if self.gemeente_of[i] == gemeente and (not wijk_only or self.kinds[i] == "wijk")]
                 for r, ids in self.candidates.get(_fold(name), {}).items()}
        ranks = {r: ids for r, ids in ranks.items() if ids}
        if not ranks:
            raise RowError(column, f"'{name}' bestaat niet in gebieden bij {self.names[gemeente]}")
        found = ranks[min(ranks)]
        if len(found) > 1:
            raise RowError(column, f"'{name}' past bij meer gebieden ({'; '.join(found)}): schrijf 'Gemeente: Wijk'")
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
    values = row.get_list(column)
    unique = list(dict.fromkeys(values))
    if len(unique) != len(values):
        row.note(column, row.get(column), ", ".join(unique))
    return unique


def _pc4(row: _Row) -> list[str]:
    pc4 = _unique(row, "pc4")
    wrong = [code for code in pc4 if not _PC4.match(code)]
    if wrong:
        raise RowError("pc4", f"'{wrong[0]}' is geen postcode van 4 cijfers")
    return pc4


def _pilot(row: _Row) -> bool | None:
    pilot = row.get("pilotgebied").lower()
    if pilot not in ("ja", "nee", ""):
        raise RowError("pilotgebied", f"'{row.get('pilotgebied')}' moet ja of nee zijn")
    return pilot == "ja" or None


def _area_item(row: _Row, naam: str) -> dict[str, Any]:
    item: dict[str, Any] = {"naam": naam}
    _put(item, aliassen=_unique(row, "aliassen"), pc4=row.optional(lambda: _pc4(row)),
         pilot=row.optional(lambda: _pilot(row)))
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
_PARENTHESES = re.compile(r"(?<!\s)\s*\([^)]*\)")  # starts where the spaces start: linear


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
    """A school from its row; every problem of the row is collected (``_Row.finish``)."""
    naam = row.check(lambda: row.get("school", required=True, label="schoolnaam")) or ""
    if naam and _fold(naam) in seen:
        row.fail("school", f"dubbel: '{naam}' staat al op regel {seen[_fold(naam)]}")
    bestuur = _canonical_spelling(row, "bestuur", boards)
    wijk = row.check(lambda: _school_wijk(row, areas))
    tags = _tags(row)
    ib_naam = row.check(lambda: row.get("ib_naam", required=True, label="naam van de IB'er"))
    ib: dict[str, Any] = {"naam": ib_naam}
    _put(ib, telefoon=row.optional(lambda: normalise_phone(row, "ib_telefoon")),
         email=row.optional(lambda: normalise_email(row, "ib_email")))
    row.finish()
    school: dict[str, Any] = {"naam": naam}
    _put(school, bestuur=bestuur, wijk=wijk, adres=row.get("adres"), expertise=tags, ib=ib,
         opmerking=row.get("opmerking"))
    return school


def _school_wijk(row: _Row, areas: _Areas) -> str:
    wijk_name = row.get("wijk", required=True)
    wijk = areas.lookup(wijk_name, "wijk", wijk_only=True)
    if wijk_name not in (areas.names[wijk], wijk):
        row.note("wijk", wijk_name, wijk)
    return wijk


def _tags(row: _Row) -> list[str]:
    """The expertise tags of a row; an unknown tag is left out with a warning."""
    raw = row.cells.get("expertise", "")
    tags: list[str] = []
    for item in _split_list(raw):
        tag = _TAGS.get(_fold(item))
        if tag is None:
            row.warnings.append(RowError("expertise", f"onbekende expertise '{item}' weggelaten; kies uit: "
                                                      f"{', '.join(EXPERTISE_TAGS)}"))
            continue
        if tag not in tags:
            tags.append(tag)
    if tags and ", ".join(tags) != raw:
        row.note("expertise", " ".join(raw.split()) if "\n" in raw else raw, ", ".join(tags))
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
    """A contact from its row; every problem of the row is collected (``_Row.finish``)."""
    org = ""
    if row.check(lambda: row.get("organisatie", required=True)):
        org = _canonical_spelling(row, "organisatie", context.organisations)
    rol_and_functie = row.check(lambda: _rol(row))
    naam = row.check(lambda: row.get("naam", required=True)) or ""
    earlier = context.seen.get((org.lower(), _fold(naam))) if org and naam else None
    if earlier:
        row.fail("naam", f"dubbel: '{naam}' van {org} staat al op regel {earlier}")
    werkgebied = row.check(lambda: _werkgebied(row, context.areas, org))
    scholen = _assigned_schools(row, context)
    telefoon = row.optional(lambda: normalise_phone(row, "telefoon"))
    email = row.optional(lambda: normalise_email(row, "email"))
    checked = row.optional(lambda: normalise_date(row, "laatst_gecontroleerd", context.today))
    row.finish()
    assert rol_and_functie is not None
    rol, functie = rol_and_functie
    contact: dict[str, Any] = {"naam": naam, "rol": rol, "functie": functie}
    _put(contact, werkgebied=werkgebied, scholen=scholen, telefoon=telefoon, email=email,
         bereikbaar=row.get("bereikbaar"), laatst_gecontroleerd=checked, opmerking=row.get("opmerking"))
    return org, contact


def _rol(row: _Row) -> tuple[str, str]:
    label = row.get("rol", required=True)
    rol = role_of(label)
    if rol is None:
        raise RowError("rol", f"onbekende rol '{label}'")
    functie = label.lower()
    if label != functie and functie != "veilig thuis":
        row.note("rol", label, functie)
    return rol, functie


def _werkgebied(row: _Row, areas: _Areas, org: str) -> list[str]:
    result: list[str] = []
    row.get("werkgebied", required=True)
    for item in row.get_list("werkgebied"):
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
    """The schools named in the row; a school that is not in the expertisekaart is left out with a warning."""
    result: list[str] = []
    for name in row.get_list("scholen"):
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
            row.warnings.append(RowError("scholen", f"school '{name}' staat niet in de expertisekaart; weggelaten"))
    return result


# ───────────────────────────── bookkeeping and output ─────────────────────────────


class _Book:
    """Counts and collects what happens to the rows of one file."""

    def __init__(self, report: ImportReport, file: str, table: _Table) -> None:
        self.report = report
        self.counts = report.counts.setdefault(file, FileCounts())
        self.problems: list[Problem] = list(table.problems)
        self.warnings: list[Problem] = []
        self.notes: list[tuple[int, int, str]] = [(line, 0, note) for line, note in table.notes]
        self.counts.read += len(table.problems)
        self.counts.rejected += len(table.problems)

    def reject(self, row: _Row, error: RowError) -> None:
        """Leave the row out, with every problem it has (not only the first)."""
        self.counts.read += 1
        self.counts.rejected += 1
        errors = error.errors if isinstance(error, RowErrors) else [error, *row.warnings]
        self.problems.extend(Problem(row.file, row.line, e.column, e.message) for e in errors)

    def accept(self, row: _Row) -> None:
        self.counts.read += 1
        self.counts.imported += 1
        self.warnings.extend(Problem(row.file, row.line, w.column, w.message) for w in row.warnings)
        if row.notes:
            self.counts.normalised += 1
            self.notes.extend((row.line, i, note) for i, note in enumerate(row.notes))

    def close(self) -> None:
        """Hand over problems and notes in line order (gebieden rows are handled out of order)."""
        self.report.problems.extend(sorted(self.problems, key=lambda p: p.line))
        self.report.warnings.extend(sorted(self.warnings, key=lambda p: p.line))
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
        and (value[0] not in _MAYBE_NOT_STR or _implicit_tag(value) == _STR)
    )
    return value if plain else "'" + value.replace("'", "''") + "'"


def _implicit_tag(value: str) -> str:
    """The tag YAML would give ``value`` written plain ('ja' → bool in YAML 1.1, '070' → int)."""
    tag: str = _RESOLVER.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]  # PyYAML unannotated
    return tag


def _yaml_scalar(value: Any, flow: bool = False) -> str:
    kind = type(value)
    if kind is str:
        return _yaml_string(value, flow)
    if kind is bool:
        return "true" if value else "false"
    if kind is date:
        return str(value.isoformat())
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


def _write(path: Path, text: str) -> None:
    """Write atomically: a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
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


Source = tuple[str, Rows]
"""One list as read: the name problems carry (``file`` or ``file[tab]``) and its rows."""
FILE_TITLES = {"gebieden": "gemeenten, stadsdelen, kernen en wijken",
               "expertisekaart": "scholen met expertise en IB'er", "ketenpartners": "ketenpartners per organisatie"}
OUTPUT_NAMES = {"gebieden": "gebieden.yaml", "expertisekaart": "scholen.yaml", "ketenpartners": "ketenpartners.yaml"}


def import_spreadsheets(gebieden: Path, expertisekaart: Path, ketenpartners: Path,
                        out_dir: Path | None, today: date) -> ImportReport:
    """Import the three spreadsheets; write the canonical files into ``out_dir`` (unless None).

    Never raises for bad input: every problem ends up in the report. When a file cannot be read
    at all, nothing is imported or written and ``report.complete`` is False.
    """
    report = ImportReport()
    sources: dict[str, Source] = {}
    for kind, path in zip(_KINDS, (gebieden, expertisekaart, ketenpartners), strict=True):
        report.counts.setdefault(path.name, FileCounts())
        try:
            sources[kind] = (path.name, _read_rows(path, kind))
        except RowError as error:
            report.problems.append(Problem(path.name, 0, error.column, error.message))
    if len(sources) == len(_KINDS):
        import_tables(sources, today, report)
    if report.complete and out_dir is not None:
        write_files(report, out_dir)
    return report


def import_sources(paths: Sequence[Path], out_dir: Path | None, today: date) -> ImportReport:
    """Import whatever the office hands over: a folder with the three lists, one workbook with a
    tab per list, or the files (.csv or .xlsx) of the lists, in any combination. Which list a
    file or tab holds is read from its name, else from its header."""
    report = ImportReport()
    sources: dict[str, Source] = {}
    for path in paths:
        try:
            for kind, source in _sources_in(path, report):
                if kind in sources:
                    report.problems.append(Problem(source[0], 0, "", f"tweede lijst met {kind}; de eerste is "
                                                                     f"{sources[kind][0]}"))
                else:
                    sources[kind] = source
        except RowError as error:
            report.problems.append(Problem(path.name, 0, error.column, error.message))
    for kind in _KINDS:
        if kind not in sources and not report.problems:
            report.problems.append(Problem(", ".join(p.name for p in paths) or "-", 0, "",
                                           f"geen lijst met {kind} gevonden (een tab of bestand '{kind}')"))
    if report.problems:
        return report
    import_tables(sources, today, report)
    if report.complete and out_dir is not None:
        write_files(report, out_dir)
    return report


def _kind_by_header(rows: Rows) -> str | None:
    found = [kind for kind in _KINDS if _header_row(rows, kind) or
             all(c in {_column_of(fold_header(x), kind) for x in rows[0][1]} for c in REQUIRED[kind])] if rows else []
    # the most specific list wins: a ketenpartners header also names a 'wijk'-like column
    for kind in ("ketenpartners", "expertisekaart", "gebieden"):
        if kind in found:
            return kind
    return None


def _kind_by_name(name: str) -> str | None:
    folded = fold_header(name)
    found = [kind for kind, names in TAB_NAMES.items() if any(folded.startswith(n) for n in names)]
    return found[0] if len(found) == 1 else None


def _sources_in(path: Path, report: ImportReport) -> list[tuple[str, Source]]:
    found: list[tuple[str, Source]] = []
    if path.is_dir():
        for kind in _KINDS:
            for suffix in (".csv", ".xlsx"):
                if (path / f"{kind}{suffix}").is_file():
                    file = path / f"{kind}{suffix}"
                    report.counts.setdefault(file.name, FileCounts())
                    found.append((kind, (file.name, _read_rows(file, kind))))
                    break
        return found
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            sheets = read_workbook(path)
        except FileNotFoundError as error:
            raise RowError("", "bestand niet gevonden") from error
        for title, rows in sheets:
            tab: str | None = tab_kind(title) or (_kind_by_name(path.name) if len(sheets) == 1 else None)
            tab = tab or _kind_by_header(rows)
            label = f"{path.name}[{title}]" if len(sheets) > 1 else path.name
            if tab is None:
                if any(any(c.strip() for c in cells) for _, cells in rows):
                    report.notes.append(f"{path.name}[{title}]: tab overgeslagen (geen gebieden, expertisekaart "
                                        "of ketenpartners)")
                continue
            report.counts.setdefault(label, FileCounts())
            found.append((tab, (label, rows)))
        return found
    named = _kind_by_name(path.stem)
    csv_rows = _read_rows(path, named or "gebieden")
    guessed = named or _kind_by_header(csv_rows)
    if guessed is None:
        raise RowError("", "ik zie niet welke lijst dit is; noem het bestand gebieden, expertisekaart of ketenpartners")
    report.counts.setdefault(path.name, FileCounts())
    return [(guessed, (path.name, csv_rows))]


def import_tables(sources: dict[str, Source], today: date, report: ImportReport) -> None:
    """The import itself, on lists already read; fills ``report`` (and ``report.files`` when complete)."""
    tables: dict[str, _Table] = {}
    for kind in _KINDS:
        label, rows = sources[kind]
        report.counts.setdefault(label, FileCounts())
        try:
            tables[kind] = table_of(rows, kind, label)
        except RowError as error:
            report.problems.append(Problem(label, 0, error.column, error.message))
    if len(tables) != len(_KINDS):
        return
    with _gc_paused():
        books = {kind: _Book(report, sources[kind][0], tables[kind]) for kind in _KINDS}
        gemeenten, areas = _import_gebieden(tables["gebieden"].rows, books["gebieden"])
        schools = _import_schools(tables["expertisekaart"].rows, areas, books["expertisekaart"])
        partner_rows = tables["ketenpartners"].rows
        organisations = _most_common_spelling(_clean_column(partner_rows, "organisatie"))
        context = _PartnerContext(areas, schools, sources["expertisekaart"][0], organisations, today)
        partners = _import_contacts(partner_rows, context, books["ketenpartners"])
        for book in books.values():
            book.close()
        report.complete = True
        data = {"gebieden": {"gemeenten": gemeenten}, "expertisekaart": {"scholen": schools.items},
                "ketenpartners": {"organisaties": partners}}
        report.files = {OUTPUT_NAMES[kind]: HEADER.format(what=FILE_TITLES[kind], source=sources[kind][0])
                        + to_yaml(data[kind]) for kind in _KINDS}


def write_files(report: ImportReport, out_dir: Path) -> None:
    """Write the canonical files of a complete import into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in report.files.items():
        _write(out_dir / name, text)
