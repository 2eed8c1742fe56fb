"""Map what people type to knowledge-base entities: wijk, gemeente, school, rol, expertise, begrip.

Phone-typed Dutch has typos, abbreviations and no capitals, so matching is fuzzy — but it must
be fast (a national knowledge base has ~7,000 schools) and it must rather return nothing than
a bad guess. The resolver therefore never compares a query against every name:

1. exact phase: every span of 1..N query tokens is looked up in a dict of normalised names and
   aliases; longer spans win over the spans inside them;
2. fuzzy phase, for tokens not covered yet: each token is corrected against the vocabulary of
   name tokens through a deletion index (SymSpell, edit distance 1 incl. transpositions); only
   names containing a corrected, reasonably rare token are scored with rapidfuzz.

Results carry scores so a dialog can ask back when two different entities score close.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from .models import Area
from .text import normalize
from .vocabulary import EXPERTISE_SYNONYMS, ROLE_SYNONYMS, STOPWORDS

KINDS = ("wijk", "gemeente", "school", "rol", "expertise", "begrip")
PLACE = "place"
PLACE_KINDS = frozenset({"wijk", "gemeente", "school"})
MIN_SCORE = 82.0
AMBIGUITY_MARGIN = 5.0
MAX_SPAN = 6
MIN_FUZZY_TOKEN = 4
DF_LIMIT = 40
SCHOOL_PREFIXES = (
    "basisschool", "bs", "ikc", "obs", "cbs", "pcbs", "rkbs", "kindcentrum", "sbo", "so", "school", "daltonschool",
    "montessorischool", "jenaplanschool", "openbare basisschool", "integraal kindcentrum",
)
ARTICLES = ("de", "het", "t")
_POSTCODE = re.compile(r"(?<!\d)([1-9]\d{3})(?:\s?([a-zA-Z]{2}))?(?![\da-zA-Z])")
_POSTCODE_CUE = re.compile(r"\b(postcode|pc|pc4)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    kind: str
    id: str
    name: str
    score: float
    start: int = 0
    end: int = 0
    matched: str = ""


@dataclass(frozen=True)
class Mention:
    kind: str
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate:
        return self.candidates[0]

    @property
    def ambiguous(self) -> bool:
        """A different entity (not just a same-named stadsdeel) scores within the margin of the best."""
        best = self.best
        return any(c.name != best.name and best.score - c.score <= AMBIGUITY_MARGIN for c in self.candidates[1:])

    @property
    def alternatives(self) -> tuple[Candidate, ...]:
        """The best and the other entities close to it, one per name."""
        seen: dict[str, Candidate] = {}
        for cand in self.candidates:
            if self.best.score - cand.score <= AMBIGUITY_MARGIN and cand.name not in seen:
                seen[cand.name] = cand
        return tuple(seen.values())


@dataclass(frozen=True)
class _Entry:
    kind: str
    id: str
    name: str
    alias: str
    size: int
    rank: int


def _school_aliases(name: str) -> set[str]:
    """'IKC De Vliegerwolk' is also typed 'de vliegerwolk' and 'vliegerwolk'."""
    norm = normalize(name)
    aliases = {norm}
    for prefix in sorted(SCHOOL_PREFIXES, key=len, reverse=True):
        if norm.startswith(prefix + " "):
            rest = norm[len(prefix) + 1:]
            aliases.add(rest)
            break
    for alias in list(aliases):
        first, _, rest = alias.partition(" ")
        if first in ARTICLES and rest:
            aliases.add(rest)
    return {a for a in aliases if a and a not in STOPWORDS}


class Resolver:
    """Built once per knowledge-base snapshot; read-only afterwards, so safe to share."""

    def __init__(self, kb) -> None:
        self.kb = kb
        self._entries: list[_Entry] = []
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._by_token: dict[str, list[int]] = defaultdict(list)
        self._deletes: dict[str, set[str]] = defaultdict(set)
        self._add_areas(kb.areas.values())
        for school in kb.schools.values():
            for alias in _school_aliases(school.naam):
                self._add("school", school.naam, school.naam, alias, rank=0)
        for kind, table in (("rol", ROLE_SYNONYMS), ("expertise", EXPERTISE_SYNONYMS)):
            for key, words in table.items():
                for word in (key, *words):
                    self._add(kind, key, key, normalize(word), rank=0)
        for term in kb.terms:
            for word in (term.term, *term.synoniemen):
                self._add("begrip", term.term, term.term, normalize(word), rank=0)
        self._build_token_indexes()

    # ───────────── building ─────────────

    def _add_areas(self, areas: Iterable[Area]) -> None:
        rank = {"wijk": 0, "stadsdeel": 1, "kern": 1, "gemeente": 0}
        for area in areas:
            kind = "gemeente" if area.soort == "gemeente" else "wijk"
            for name in (area.naam, *area.aliassen):
                alias = normalize(name)
                self._add(kind, area.id, area.naam, alias, rank=rank[area.soort])
                if area.soort == "stadsdeel":
                    self._add(kind, area.id, area.naam, normalize(f"stadsdeel {name}"), rank=0)

    def _add(self, kind: str, id_: str, name: str, alias: str, rank: int) -> None:
        if not alias or alias in STOPWORDS:
            return
        if any(self._entries[i].id == id_ and self._entries[i].kind == kind for i in self._exact.get(alias, ())):
            return
        self._entries.append(_Entry(kind, id_, name, alias, len(alias.split()), rank))
        self._exact[alias].append(len(self._entries) - 1)

    def _build_token_indexes(self) -> None:
        for index, entry in enumerate(self._entries):
            for token in set(entry.alias.split()):
                if token not in STOPWORDS:
                    self._by_token[token].append(index)
        for token in self._by_token:
            if len(token) >= MIN_FUZZY_TOKEN:
                for variant in _deletes(token):
                    self._deletes[variant].add(token)
        self._max_span = min(MAX_SPAN, max((e.size for e in self._entries), default=1))

    # ───────────── matching ─────────────

    def _corrections(self, token: str) -> list[str]:
        """Vocabulary tokens within one edit (insert, delete, substitute, transpose) of ``token``."""
        if token in self._by_token:
            return [token]
        if len(token) < MIN_FUZZY_TOKEN:
            return []
        found: set[str] = set(self._deletes.get(token, ()))
        for variant in _deletes(token):
            if variant in self._by_token:
                found.add(variant)
            found.update(self._deletes.get(variant, ()))
        # Short vocabulary tokens (sop, opp, tlv) only ever match exactly: 'stop' is no SOP.
        return [t for t in found if len(t) >= MIN_FUZZY_TOKEN and DamerauLevenshtein.distance(t, token) <= 1]

    def _exact_spans(self, toks: list[str], kinds: set[str]) -> list[Candidate]:
        found = []
        for size in range(min(self._max_span, len(toks)), 0, -1):
            for start in range(len(toks) - size + 1):
                span = toks[start:start + size]
                if all(t in STOPWORDS for t in span):
                    continue
                for index in self._exact.get(" ".join(span), ()):
                    entry = self._entries[index]
                    if entry.kind in kinds:
                        found.append(Candidate(entry.kind, entry.id, entry.name, 100.0, start, start + size, entry.alias))
        return found

    def _fuzzy_spans(self, toks: list[str], kinds: set[str]) -> list[Candidate]:
        """Near matches around each content token; they may extend an exact match ('voorburg w')."""
        found = []
        for position, token in enumerate(toks):
            if token in STOPWORDS or len(token) < MIN_FUZZY_TOKEN:
                continue
            for vocab_token in self._corrections(token):
                postings = self._by_token[vocab_token]
                if len(postings) > DF_LIMIT:
                    continue
                for index in postings:
                    entry = self._entries[index]
                    if entry.kind in kinds:
                        best = self._score_around(toks, position, entry)
                        if best:
                            found.append(best)
        return found

    def _score_around(self, toks: list[str], position: int, entry: _Entry) -> Candidate | None:
        best: Candidate | None = None
        for size in {max(1, entry.size - 1), entry.size, entry.size + 1}:
            for start in range(max(0, position - size + 1), min(position, len(toks) - size) + 1):
                span = toks[start:start + size]
                if span[0] in STOPWORDS or span[-1] in STOPWORDS:
                    continue
                score = fuzz.ratio(" ".join(span), entry.alias)
                if score >= MIN_SCORE and score < 100 and (best is None or score > best.score):
                    best = Candidate(entry.kind, entry.id, entry.name, round(score, 1), start, start + size, entry.alias)
        return best

    def _entry_rank(self, cand: Candidate) -> int:
        return min((self._entries[i].rank for i in self._exact.get(cand.matched, ()) if self._entries[i].id == cand.id),
                   default=0)

    def _rank(self, cand: Candidate) -> tuple:
        """The name that explains most of the text first, then the better score, then wijk before stadsdeel.

        Mass = the matched name's length in tokens, weighted by how well it matched, so that
        'leidschendam voorbrug' is the gemeente rather than the kern Leidschendam, while a sloppy
        longer span never beats an exact alias.
        """
        mass = len(cand.matched.split()) * (cand.score - 50) / 50
        return (-round(mass, 3), -cand.score, self._entry_rank(cand))

    def scan(self, text: str, kinds: Iterable[str] | None = None) -> list[Mention]:
        """Every entity mention in a free sentence: one Mention per kind and non-overlapping span."""
        wanted = set(kinds or KINDS)
        toks = normalize(text).split()
        candidates = self._exact_spans(toks, wanted) + self._fuzzy_spans(toks, wanted)
        return self._group(candidates)

    def _group(self, candidates: list[Candidate]) -> list[Mention]:
        """Non-overlapping mentions per family; places (wijk, gemeente, school) compete with each other."""
        mentions: list[Mention] = []
        by_family: dict[str, list[Candidate]] = defaultdict(list)
        for cand in candidates:
            by_family[PLACE if cand.kind in PLACE_KINDS else cand.kind].append(cand)
        for cands in by_family.values():
            cands.sort(key=self._rank)
            taken: list[tuple[int, int]] = []
            for cand in cands:
                if any(cand.start < end and start < cand.end for start, end in taken):
                    continue
                taken.append((cand.start, cand.end))
                rivals = [c for c in cands if c.kind == cand.kind and c.start < cand.end and cand.start < c.end]
                mentions.append(Mention(cand.kind, tuple(_one_per_alias(_unique(sorted(rivals, key=self._rank))))))
        mentions.sort(key=lambda m: m.best.start)
        return mentions

    def resolve(self, text: str, kind: str, limit: int = 5) -> list[Candidate]:
        """The whole ``text`` names something of ``kind`` (an answer to 'Welke wijk?'): ranked candidates."""
        norm = normalize(text)
        if not norm:
            return []
        found = [
            Candidate(kind, self._entries[i].id, self._entries[i].name, 100.0, 0, len(norm.split()), norm)
            for i in self._exact.get(norm, ()) if self._entries[i].kind == kind
        ]
        if not found:
            for mention in self.scan(text, [kind]):
                found.extend(mention.candidates)
        return _one_per_alias(_unique(sorted(found, key=self._rank)))[:limit]

    # ───────────── postcodes ─────────────

    def postcode(self, text: str) -> str | None:
        """The first Dutch PC4 in ``text``: a known postcode, or four digits after 'postcode'/with letters."""
        cue = bool(_POSTCODE_CUE.search(text))
        for match in _POSTCODE.finditer(text):
            pc4 = match.group(1)
            if pc4 in self.kb.areas_by_pc4 or match.group(2) or cue:
                return pc4
        return None

    def areas_for_postcode(self, pc4: str) -> list[Area]:
        order = {"wijk": 0, "stadsdeel": 1, "kern": 1, "gemeente": 2}
        areas = [self.kb.areas[a] for a in self.kb.areas_by_pc4.get(pc4, ())]
        return sorted(areas, key=lambda a: order[a.soort])


def _deletes(token: str) -> set[str]:
    return {token[:i] + token[i + 1:] for i in range(len(token))}


def _unique(candidates: Iterable[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, str]] = set()
    result = []
    for cand in candidates:
        if (cand.kind, cand.id) not in seen:
            seen.add((cand.kind, cand.id))
            result.append(cand)
    return result


def _one_per_alias(candidates: list[Candidate]) -> list[Candidate]:
    """A name that is both a wijk and an alias of its stadsdeel ('Ypenburg') is one answer, not two."""
    seen: set[str] = set()
    result = []
    for cand in candidates:
        if cand.matched not in seen:
            seen.add(cand.matched)
            result.append(cand)
    return result
