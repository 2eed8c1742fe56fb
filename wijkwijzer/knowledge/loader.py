"""Load and validate a knowledge base directory into an immutable snapshot.

A directory holds five canonical files: ``gebieden.yaml``, ``scholen.yaml``,
``ketenpartners.yaml``, ``route.yaml`` and ``begrippen.yaml``, and optionally ``swv.yaml`` (the
SWV and its loket, kept by hand; without it the knowledge base has no loket). Every problem is
reported as ``file:line: column: problem`` (Dutch), the same shape as the spreadsheet importer
uses, so an office worker can fix the file at the named line.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from wijkwijzer.knowledge.models import (
    Area,
    BegrippenFile,
    Contact,
    GebiedenFile,
    KetenpartnersFile,
    Loket,
    RouteEntry,
    RouteFile,
    RouteRole,
    ScholenFile,
    School,
    Step,
    SwvFile,
    Term,
    contact_id,
    deel_id,
    gemeente_id,
    wijk_id,
)

FILES = ("gebieden.yaml", "scholen.yaml", "ketenpartners.yaml", "route.yaml", "begrippen.yaml")
OPTIONAL_FILES = ("swv.yaml",)
"""Files a knowledge base may leave out; ``kb import`` neither reads nor writes them."""
BUNDLED_DIR = Path(__file__).parent / "data"
STALE_AFTER_DAYS = 365

_LINE = "__line__"
_M = TypeVar("_M", bound=BaseModel)


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about a file: where it is and what is wrong, in Dutch."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base could not be loaded; ``problems`` says why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n… en nog {len(problems) - 20}" if len(problems) > 20 else ""
        super().__init__(f"kennisbank ongeldig ({len(problems)} problemen):\n{shown}{more}")


_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_SPECIAL = frozenset("0123456789-+.~tTfFnNyYoO<=!&*[{|>'\"%@`")


# libyaml and PyYAML's resolve() hook: docs/performance.md (B2); the parse cache below: (B3).
class _LineLoader(_SafeBase):  # type: ignore[misc, valid-type]
    """A safe loader (libyaml when available) that records the line of every mapping under ``__line__``."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """Shortcut for the common case, a plain scalar that starts with a letter: always a string.

        PyYAML otherwise runs its implicit-tag regexes on every scalar, which dominates the load
        time of a national knowledge base.
        """
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in _PLAIN_SPECIAL:
            return _STR_TAG
        tag: str = super().resolve(kind, value, implicit)
        return tag

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
        return mapping


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != _LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _line_of(data: Any, path: Iterable[int | str]) -> int:
    """The line of the innermost mapping on ``path`` inside the raw (line-annotated) data."""
    line = data.get(_LINE, 0) if isinstance(data, dict) else 0
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            line = node.get(_LINE, line)
    return line


def _validate(model: type[_M], raw: Any, file: str, problems: list[Problem]) -> _M | None:
    try:
        return model.model_validate(_strip_lines(raw))
    except ValidationError as error:
        for err in error.errors():
            loc = [p for p in err["loc"] if not isinstance(p, str) or not p.startswith("function-")]
            column = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
            message = err["msg"].removeprefix("Value error, ")
            problems.append(Problem(file, _line_of(raw, loc), column, message))
        return None


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # a SafeLoader subclass
    except FileNotFoundError:
        problems.append(Problem(path.name, 0, "", "bestand ontbreekt"))
    except yaml.YAMLError as error:
        _yaml_problem(path.name, error, problems)
    return None


def _parse_yaml(name: str, text: str | None, problems: list[Problem]) -> Any:
    if text is None:
        problems.append(Problem(name, 0, "", "bestand ontbreekt"))
        return None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        _yaml_problem(name, error, problems)
    return None


def _yaml_problem(name: str, error: yaml.YAMLError, problems: list[Problem]) -> None:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else 0
    problems.append(Problem(name, line, "", f"geen geldige YAML ({getattr(error, 'problem', error)})"))


class KnowledgeBase:
    """An immutable, validated snapshot of the knowledge base with lookup indexes.

    Build one with :func:`load_knowledge_base`. Nothing in it changes after construction;
    a reload builds a new snapshot (see :class:`KnowledgeBaseHolder`).
    """

    def __init__(
        self,
        *,
        areas: Iterable[Area],
        schools: Iterable[School],
        contacts: Iterable[Contact],
        route_roles: Iterable[RouteRole],
        entries: Iterable[RouteEntry],
        steps: Iterable[Step],
        terms: Iterable[Term],
        source: Path | None = None,
        swv: SwvFile | None = None,
    ) -> None:
        self.source = source
        self.swv_naam: str | None = swv.naam if swv else None
        """The samenwerkingsverband's name (``swv.yaml``), or None."""
        self.loket: Loket | None = swv.loket if swv else None
        """The SWV's loket (``swv.yaml``): where a person answers ("ik wil een mens spreken"), or None."""
        self.areas: Mapping[str, Area] = MappingProxyType({a.id: a for a in areas})
        self.schools: Mapping[str, School] = MappingProxyType({s.id: s for s in schools})
        self.contacts: tuple[Contact, ...] = tuple(contacts)
        self.route_roles: Mapping[str, RouteRole] = MappingProxyType({r.id: r for r in route_roles})
        self.entries: Mapping[str, RouteEntry] = MappingProxyType({e.route: e for e in entries})
        self.steps: Mapping[str, Step] = MappingProxyType({s.id: s for s in steps})
        self.terms: tuple[Term, ...] = tuple(terms)

        children: dict[str, list[str]] = defaultdict(list)
        by_pc4: dict[str, list[str]] = defaultdict(list)
        by_name: dict[str, list[Area]] = defaultdict(list)
        for area in self.areas.values():
            by_name[area.naam].append(area)
            if area.id != area.naam:
                by_name[area.id].append(area)
            parent = area.deel or (area.gemeente if area.soort != "gemeente" else None)
            if parent:
                children[parent].append(area.id)
            if area.soort == "wijk" and area.deel:
                children[area.gemeente].append(area.id)
            for pc4 in area.pc4:
                by_pc4[pc4].append(area.id)
        contacts_by_area: dict[str, list[Contact]] = defaultdict(list)
        contacts_by_school: dict[str, list[Contact]] = defaultdict(list)
        for contact in self.contacts:
            for area_id in contact.werkgebied:
                contacts_by_area[area_id].append(contact)
            for school_name in contact.scholen:
                contacts_by_school[school_name].append(contact)
        schools_by_area: dict[str, list[School]] = defaultdict(list)
        for school in self.schools.values():
            schools_by_area[school.wijk].append(school)

        self.children: Mapping[str, tuple[str, ...]] = _freeze(children)
        self.areas_by_pc4: Mapping[str, tuple[str, ...]] = _freeze(by_pc4)
        self.areas_by_name: Mapping[str, tuple[Area, ...]] = _freeze(by_name)
        """Areas by their name or id: "Ypenburg" gives the wijk and the stadsdeel of that name."""
        self.contacts_by_area: Mapping[str, tuple[Contact, ...]] = _freeze(contacts_by_area)
        self.contacts_by_school: Mapping[str, tuple[Contact, ...]] = _freeze(contacts_by_school)
        self.schools_by_area: Mapping[str, tuple[School, ...]] = _freeze(schools_by_area)
        self._resolver: Any = None
        self._resolver_lock = threading.Lock()

    @property
    def resolver(self) -> Any:
        """The :class:`~wijkwijzer.knowledge.resolver.Resolver` for this snapshot, built once."""
        if self._resolver is None:
            with self._resolver_lock:
                if self._resolver is None:
                    from wijkwijzer.knowledge.resolver import Resolver

                    self._resolver = Resolver(self)
        return self._resolver

    def ancestors(self, area_id: str) -> tuple[str, ...]:
        """The area itself, then its stadsdeel/kern, then its gemeente."""
        area = self.areas[area_id]
        chain = [area.id]
        if area.deel:
            chain.append(area.deel)
        if area.soort != "gemeente":
            chain.append(area.gemeente)
        return tuple(chain)

    def descendants(self, area_id: str) -> tuple[str, ...]:
        """The area itself and every area below it."""
        seen = [area_id]
        for child in self.children.get(area_id, ()):
            if child not in seen:
                seen.append(child)
                seen.extend(c for c in self.children.get(child, ()) if c not in seen)
        return tuple(seen)

    def stale_contacts(self, today: date) -> tuple[Contact, ...]:
        """Contacts not checked in the last 12 months (or never)."""
        return tuple(
            c
            for c in self.contacts
            if c.laatst_gecontroleerd is None or (today - c.laatst_gecontroleerd).days > STALE_AFTER_DAYS
        )


def _freeze(mapping: Mapping[str, list[Any]]) -> Mapping[str, tuple[Any, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in mapping.items()})


def _flatten_areas(gebieden: GebiedenFile, raw: Any, problems: list[Problem]) -> list[Area]:
    areas: list[Area] = []
    seen: set[str] = set()

    def add(area: Area, line: int) -> None:
        if area.id in seen:
            problems.append(Problem("gebieden.yaml", line, "naam", f"'{area.id}' staat er dubbel in"))
            return
        seen.add(area.id)
        areas.append(area)

    for gi, gem in enumerate(gebieden.gemeenten):
        gid = gemeente_id(gem.naam)
        gpath: list[int | str] = ["gemeenten", gi]
        add(Area(id=gid, naam=gem.naam, soort="gemeente", gemeente=gid, aliassen=gem.aliassen,
                 pc4=gem.pc4, pilot=gem.pilot), _line_of(raw, gpath))
        for di, deel in enumerate(gem.delen):
            did = deel_id(gid, deel.soort, deel.naam)
            dpath = [*gpath, "delen", di]
            add(Area(id=did, naam=deel.naam, soort=deel.soort, gemeente=gid, aliassen=deel.aliassen,
                     pc4=deel.pc4, pilot=deel.pilot), _line_of(raw, dpath))
            for wi, wijk in enumerate(deel.wijken):
                add(Area(id=wijk_id(gid, wijk.naam), naam=wijk.naam, soort="wijk", gemeente=gid, deel=did,
                         aliassen=wijk.aliassen, pc4=wijk.pc4, pilot=wijk.pilot),
                    _line_of(raw, [*dpath, "wijken", wi]))
        for wi, wijk in enumerate(gem.wijken):
            add(Area(id=wijk_id(gid, wijk.naam), naam=wijk.naam, soort="wijk", gemeente=gid,
                     aliassen=wijk.aliassen, pc4=wijk.pc4, pilot=wijk.pilot),
                _line_of(raw, [*gpath, "wijken", wi]))
    return areas


def _check_schools(scholen: ScholenFile, raw: Any, areas: Mapping[str, Area], problems: list[Problem]) -> list[School]:
    schools: list[School] = []
    names: set[str] = set()
    for i, school in enumerate(scholen.scholen):
        line = _line_of(raw, ["scholen", i])
        if school.naam in names:
            problems.append(Problem("scholen.yaml", line, "naam", f"school '{school.naam}' staat er dubbel in"))
            continue
        if school.wijk not in areas or areas[school.wijk].soort != "wijk":
            problems.append(Problem("scholen.yaml", line, "wijk", f"wijk '{school.wijk}' bestaat niet"))
            continue
        names.add(school.naam)
        schools.append(school)
    return schools


def _flatten_contacts(
    partners: KetenpartnersFile,
    raw: Any,
    areas: Mapping[str, Area],
    school_names: set[str],
    today: date,
    problems: list[Problem],
) -> list[Contact]:
    contacts: list[Contact] = []
    seen: set[str] = set()
    for oi, org in enumerate(partners.organisaties):
        for ci, item in enumerate(org.contacten):
            line = _line_of(raw, ["organisaties", oi, "contacten", ci])
            cid = contact_id(org.naam, item.naam)
            bad = False
            if cid in seen:
                problems.append(Problem("ketenpartners.yaml", line, "naam", f"'{cid}' staat er dubbel in"))
                bad = True
            for area_id in item.werkgebied:
                if area_id not in areas:
                    problems.append(Problem("ketenpartners.yaml", line, "werkgebied", f"gebied '{area_id}' bestaat niet"))
                    bad = True
            for school in item.scholen:
                if school not in school_names:
                    problems.append(Problem("ketenpartners.yaml", line, "scholen", f"school '{school}' bestaat niet"))
                    bad = True
            if item.laatst_gecontroleerd and item.laatst_gecontroleerd > today:
                problems.append(Problem("ketenpartners.yaml", line, "laatst_gecontroleerd",
                                        f"datum {item.laatst_gecontroleerd:%d-%m-%Y} ligt in de toekomst"))
                bad = True
            if bad:
                continue
            seen.add(cid)
            contacts.append(Contact(id=cid, organisatie=org.naam, **item.model_dump()))
    return contacts


def _check_route(route: RouteFile, raw: Any, problems: list[Problem]) -> None:
    steps = {s.id: s for s in route.stappen}
    roles = {r.id for r in route.rollen}
    for i, step in enumerate(route.stappen):
        line = _line_of(raw, ["stappen", i])
        for option in step.opties:
            if option.volgende not in steps:
                problems.append(Problem("route.yaml", line, "opties", f"optie '{option.label}' wijst naar onbekende stap '{option.volgende}'"))
        for role in step.betrokken_rollen:
            if role not in roles:
                problems.append(Problem("route.yaml", line, "betrokken_rollen", f"onbekende rol '{role}'"))
        if step.einde and step.opties:
            problems.append(Problem("route.yaml", line, "opties", "een eindstap heeft geen opties"))
        if not step.einde and (not step.vraag or not step.opties):
            problems.append(Problem("route.yaml", line, "vraag", "stap zonder vraag en opties moet einde: true hebben"))
    for i, entry in enumerate(route.ingangen):
        if entry.start not in steps:
            problems.append(Problem("route.yaml", _line_of(raw, ["ingangen", i]), "start", f"onbekende stap '{entry.start}'"))
    if {e.route for e in route.ingangen} != {"algemeen", "verzuim", "meldcode"}:
        problems.append(Problem("route.yaml", 0, "ingangen", "er moeten precies drie ingangen zijn: algemeen, verzuim en meldcode"))
    reachable: set[str] = set()
    todo = [e.start for e in route.ingangen if e.start in steps]
    while todo:
        sid = todo.pop()
        if sid in reachable:
            continue
        reachable.add(sid)
        todo.extend(o.volgende for o in steps[sid].opties if o.volgende in steps)
    for i, step in enumerate(route.stappen):
        if step.id not in reachable:
            problems.append(Problem("route.yaml", _line_of(raw, ["stappen", i]), "id", f"stap '{step.id}' is vanaf geen enkele ingang bereikbaar"))
    if len(steps) != len(route.stappen):
        problems.append(Problem("route.yaml", 0, "id", "een stap-id komt meer dan eens voor"))


def _check_terms(terms: BegrippenFile, raw: Any, step_ids: set[str], problems: list[Problem]) -> None:
    for i, term in enumerate(terms.begrippen):
        if term.route_stap and term.route_stap not in step_ids:
            problems.append(Problem("begrippen.yaml", _line_of(raw, ["begrippen", i]), "route_stap", f"onbekende stap '{term.route_stap}'"))


def _fingerprint(directory: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        for name in FILES:
            digest.update(name.encode())
            digest.update((directory / name).read_bytes())
        for name in OPTIONAL_FILES:
            digest.update(name.encode())
            path = directory / name
            digest.update(b"+" + path.read_bytes() if path.exists() else b"-")
    except OSError:
        return None
    return digest.hexdigest()


def _cache_path(directory: Path) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wijkwijzer"
    return base / f"kb-{hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:16]}.json"


def _read_cache(directory: Path, fingerprint: str | None) -> dict[str, Any] | None:
    """The parsed files of an earlier load of exactly these bytes, or None."""
    if fingerprint is None:
        return None
    try:
        cached = json.loads(_cache_path(directory).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return cached.get("files") if cached.get("fingerprint") == fingerprint else None


def _write_cache(directory: Path, fingerprint: str | None, raw: dict[str, Any]) -> None:
    """Best effort: a read-only home only means the next load parses YAML again."""
    if fingerprint is None:
        return
    path = _cache_path(directory)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"fingerprint": fingerprint, "files": raw}, ensure_ascii=False, default=str), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass


def _parse(directory: Path, problems: list[Problem], use_cache: bool) -> tuple[dict[str, Any], bool, str | None]:
    """The files as data (an optional file that is absent as None), whether they came from the
    parse cache, and their fingerprint.

    YAML parsing with line numbers is slow for a national knowledge base (seconds), so a
    successful load leaves the parsed data, keyed by a hash of the files, in the user's cache;
    validation always runs again on it. Line numbers are only needed for problems, and a
    cached parse had none.
    """
    fingerprint = _fingerprint(directory) if use_cache else None
    cached = _read_cache(directory, fingerprint)
    if cached is not None:
        return cached, True, fingerprint
    raw = {name: _read_yaml(directory / name, problems) for name in FILES}
    for name in OPTIONAL_FILES:
        path = directory / name
        raw[name] = _read_yaml(path, problems) if path.exists() else None
        if path.exists() and raw[name] is None and not any(p.file == name for p in problems):
            problems.append(Problem(name, 0, "", "bestand is leeg"))
    return raw, False, fingerprint


def check_knowledge_base(
    directory: Path, today: date | None = None, *, use_cache: bool = True
) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Validate ``directory``; return the snapshot (``None`` if anything is wrong) and all problems."""
    today = today or date.today()
    problems: list[Problem] = []
    raw, from_cache, fingerprint = _parse(directory, problems, use_cache)
    kb = _check(raw, today, problems, directory)
    if problems and from_cache:
        return check_knowledge_base(directory, today, use_cache=False)
    if kb is None:
        return None, sorted(problems)
    if not from_cache:
        _write_cache(directory, fingerprint, {k: _strip_lines(v) for k, v in raw.items()})
    return kb, []


def check_knowledge_texts(texts: Mapping[str, str], today: date | None = None) -> tuple[KnowledgeBase | None,
                                                                                       list[Problem]]:
    """Validate a knowledge base given as file texts (name → YAML, the names of :data:`FILES`), as a
    published version is stored; return the snapshot (``None`` if anything is wrong) and all problems."""
    problems: list[Problem] = []
    raw = {name: _parse_yaml(name, texts.get(name), problems) for name in FILES}
    for name in OPTIONAL_FILES:
        raw[name] = _parse_yaml(name, texts[name], problems) if texts.get(name) else None
    kb = _check(raw, today or date.today(), problems, None)
    return (kb, []) if kb is not None else (None, sorted(problems))


def _check(raw: dict[str, Any], today: date, problems: list[Problem], source: Path | None) -> KnowledgeBase | None:
    """The snapshot of the parsed files, or None with the reasons added to ``problems``."""
    def read(name: str, model: type[_M]) -> _M | None:
        return None if raw.get(name) is None else _validate(model, raw[name], name, problems)

    gebieden = read("gebieden.yaml", GebiedenFile)
    scholen = read("scholen.yaml", ScholenFile)
    partners = read("ketenpartners.yaml", KetenpartnersFile)
    route = read("route.yaml", RouteFile)
    terms = read("begrippen.yaml", BegrippenFile)
    swv = read("swv.yaml", SwvFile)
    if gebieden is None or scholen is None or partners is None or route is None or terms is None:
        return None

    areas = {a.id: a for a in _flatten_areas(gebieden, raw["gebieden.yaml"], problems)}
    schools = _check_schools(scholen, raw["scholen.yaml"], areas, problems)
    contacts = _flatten_contacts(partners, raw["ketenpartners.yaml"], areas, {s.naam for s in schools}, today, problems)
    _check_route(route, raw["route.yaml"], problems)
    _check_terms(terms, raw["begrippen.yaml"], {s.id for s in route.stappen}, problems)
    if problems:
        return None
    return KnowledgeBase(
        areas=areas.values(),
        schools=schools,
        contacts=contacts,
        route_roles=route.rollen,
        entries=route.ingangen,
        steps=route.stappen,
        terms=terms.begrippen,
        source=source,
        swv=swv,
    )


def load_knowledge_base(directory: Path | None = None, today: date | None = None) -> KnowledgeBase:
    """Load ``directory`` (default: the bundled demo knowledge base) or raise :class:`KnowledgeBaseError`."""
    kb, problems = check_knowledge_base(directory or BUNDLED_DIR, today)
    if kb is None:
        raise KnowledgeBaseError(problems)
    return kb


class KnowledgeBaseHolder:
    """Serves the current snapshot; :meth:`reload` swaps in a new one atomically.

    Readers take ``holder.current`` once per turn and use that snapshot throughout, so a reload
    in the middle of a turn never mixes two versions. A broken reload keeps the old snapshot.
    """

    def __init__(self, directory: Path | None = None, kb: KnowledgeBase | None = None) -> None:
        self.directory = directory or BUNDLED_DIR
        self._current = kb or load_knowledge_base(self.directory)
        self.version: int | None = None
        """The published version (store/kb_versions.py) being served; None for the directory's files."""

    @property
    def current(self) -> KnowledgeBase:
        return self._current

    def reload(self) -> list[Problem]:
        """Load the directory again. Returns the problems; on problems the old snapshot stays."""
        kb, problems = check_knowledge_base(self.directory)
        if kb is not None:
            self._current = kb
            self.version = None
        return problems

    def swap(self, kb: KnowledgeBase, version: int | None) -> None:
        """Serve ``kb`` (an already validated snapshot, e.g. of a published version) from now on."""
        self._current = kb
        self.version = version
