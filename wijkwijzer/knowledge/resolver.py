"""Map what people type to knowledge-base entities: wijk, gemeente, school, rol, expertise, begrip.

Phone-typed Dutch has typos, abbreviations, split or glued words and no capitals, so matching
is fuzzy — but it must be fast (a national knowledge base has ~7,000 schools and ~450 wijken)
and it must rather return nothing than a bad guess. The resolver therefore never compares a
message against every name. Everything is indexed once, in ``__init__``:

* an exact dict of every normalised name and alias (plus a glued form: "denhaag");
* the vocabulary of name tokens with a deletion index (SymSpell, edit distance 1 including
  transpositions), so a typo'd token finds the few tokens it may stand for.

Per message:

1. exact phase: every span of 1..N tokens is looked up in the dict;
2. fuzzy phase: each content token (and each pair of adjacent tokens, for "vlieger wolk") is
   corrected against the vocabulary; only the names containing a corrected, reasonably rare
   token are scored with rapidfuzz, on the spans around it. A place may also be named by part
   of its name ("voorburg" for Voorburg-West): such a partial match scores below any full match;
3. grouping: candidates are ranked by how much of a name they explain and how well, and the
   best non-overlapping spans become mentions. Candidates for the same span that are different
   entities and score close make a mention ambiguous, so the dialog can ask back.

When a dialog found no place at all, ``suggest`` looks further (two typos, 'y' for 'ij') for
names to offer back ("Bedoel je Ypenburg?"); what it finds is never taken as the answer.

A wijk and its stadsdeel that share a name or the matched alias ("Scheveningen", "Ypenburg")
count as one answer: the wijk.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from wijkwijzer.knowledge.gemeenten import OutsideGemeenten, national_gemeenten
from wijkwijzer.knowledge.models import Area
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import DENYING, EXPERTISE_SYNONYMS, GENERIC_PLACE_TOKENS, PARTNER_ROLES, STOPWORDS

if TYPE_CHECKING:
    from wijkwijzer.knowledge.loader import KnowledgeBase

KINDS = ("wijk", "gemeente", "school", "rol", "expertise", "begrip")
PLACE_KINDS = frozenset({"wijk", "gemeente", "school"})
ALL_KINDS = frozenset(KINDS)
AREA_KINDS = frozenset({"wijk", "gemeente"})

_SHARED_SCANS: ContextVar[dict[tuple[int, str, frozenset[str]], list[Mention]] | None]
_SHARED_SCANS = ContextVar("shared_scans", default=None)


@contextmanager
def one_scan_per_text() -> Iterator[None]:
    """Within this block (one turn), a text is scanned once: the understanding, the dialog and its
    helpers read the same message, each for its own kinds. Per asyncio task, so concurrent turns
    share nothing; outside such a block every scan runs afresh."""
    token = _SHARED_SCANS.set({})
    try:
        yield
    finally:
        _SHARED_SCANS.reset(token)

MIN_SCORE = 80.0
"""Below this a fuzzy match is no match. 80 admits one typo in a name of five letters or more."""
PARTIAL_SCORE = 84.0
"""A place named by a part of its name ("voorburg" → Voorburg-West): below any typical full match."""
PARTIAL_TYPO_PENALTY = 3.0
UNCOVERED_PENALTY = 10.0
"""resolve(): per content word of the answer that the name does not explain."""
AMBIGUITY_MARGIN = 5.0
MAX_SPAN = 6
MIN_FUZZY_TOKEN = 4
"""Tokens shorter than this ("vt", "lv", "hb") only ever match exactly."""
MIN_PARTIAL_TOKEN = 5
MIN_PART = 5
"""``parts``: a typed word of at least this many letters may be one end of a compound name."""
MIN_PART_REST = 3
MIN_SHORT_PART = 3
"""``parts``: 3 or 4 letters may stand for the end of a school's name only after "de"/"het"."""
SUGGEST_MIN_TOKEN = 6
"""``suggest`` looks at words of at least this many letters: shorter ones are too often common words."""
SUGGEST_SCORE = 85.0
"""``suggest``: a typed word and a name's word at least this close (fuzz.ratio: two letters dropped
from a word of eight, 'ypnbrg'), so common words ('meiden' for Midden-Delfland) are not offered."""
SUGGEST_MARGIN = 10.0
"""``suggest``: names whose whole is this much further from the typed word than the closest are left out."""
DF_LIMIT = 40
"""A token in more names than this identifies nothing; it is not used to find fuzzy candidates."""

SCHOOL_PREFIXES = (
    "openbare basisschool", "christelijke basisschool", "integraal kindcentrum", "basisschool", "kindcentrum",
    "daltonschool", "montessorischool", "jenaplanschool", "rkbs", "pcbs", "obs", "cbs", "ikc", "sbo", "bs", "so",
    "kc", "school",
)
ARTICLES = frozenset({"de", "het", "t"})


@lru_cache(maxsize=8192)
def _own_name(name: str) -> str:
    """A name to order by, without the school's type ("OBS Het Geuzenlampje" → "het geuzenlampje"):
    "smw lampje" offers Het Geuzenlampje before Het Huygenslampje, as people read the names."""
    lower = name.lower()
    prefix = next((p for p in SCHOOL_PREFIXES if lower.startswith(p + " ")), "")
    return lower[len(prefix):].strip()
_LEVEL = {"wijk": 0, "stadsdeel": 1, "kern": 1, "gemeente": 2}
_POSTCODE = re.compile(r"(?<![\dA-Za-z])([1-9]\d{3})(?:(\s?)([A-Za-z]{2}))?(?![\dA-Za-z])")
_POSTCODE_CUE = re.compile(r"\b(postcode|pc4?|(woont|wonen|woonachtig) (in|op))\W*$", re.IGNORECASE)
_UNUSED_LETTERS = frozenset({"SA", "SD", "SS"})
_TWO_LETTER_WORDS = frozenset({"is", "en", "de", "in", "op", "te", "om", "na", "al", "nu", "ik", "je", "we", "ze",
                               "zo", "of", "er", "ga", "ja", "af", "uw", "ok", "bv", "nr", "tm"})


class Candidate(NamedTuple):
    """One reading of (part of) a message as an entity.

    ``start``/``end`` is the token span in ``normalize(text)`` (end exclusive); ``matched`` the
    normalised name or alias it matched; ``partial`` is true when only part of that name was typed.

    A named tuple rather than a frozen dataclass: a message makes dozens of candidates, and a
    frozen dataclass costs five times as much to make (every field goes through
    ``object.__setattr__``).
    """

    kind: str
    id: str
    name: str
    score: float
    start: int = 0
    end: int = 0
    matched: str = ""
    partial: bool = False


_Found = dict[tuple[str, str, int, int], Candidate]
"""Candidates of one message by (kind, id, start, end): the best per entity and span."""


class Mention(NamedTuple):
    """An entity named in a message: the candidates for one span, best first, one per entity.

    A named tuple, like :class:`Candidate`."""

    kind: str
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate:
        return self.candidates[0]

    @property
    def alternatives(self) -> tuple[Candidate, ...]:
        """The best and every other entity for the same text that scores within the margin.

        An exact match is not second-guessed by a typo reading: next to a score of 100 only
        other exact matches count ("de regenboog" when two schools have that name).
        """
        best = self.best
        floor = 100.0 if best.score >= 100 else best.score - AMBIGUITY_MARGIN
        return tuple(
            c for c in self.candidates
            if c is best or (c.score >= floor and c.start <= best.start and c.end >= best.end)
        )

    @property
    def ambiguous(self) -> bool:
        """A different entity scores within AMBIGUITY_MARGIN of the best: ask which one is meant."""
        return len(self.alternatives) > 1


class _Entry:
    """One name or alias of one entity."""

    __slots__ = ("alias", "glued", "id", "kind", "name", "span_sizes", "toks")

    def __init__(self, kind: str, id_: str, name: str, alias: str, glued: bool) -> None:
        self.kind = kind
        self.id = id_
        self.name = name
        self.alias = alias
        self.toks = tuple(alias.split())
        self.glued = glued
        width = len(self.toks)
        self.span_sizes = _span_sizes(width, width - 1 if any(t in STOPWORDS for t in self.toks) else width)


@cache
def _span_sizes(width: int, shorter: int) -> tuple[tuple[int, ...], ...]:
    """The span widths that may read as the whole name around a seed of one token (index 0) or a
    glued pair (index 1): the name's number of words, or one fewer (``shorter``) when the name
    has a function word that people drop ("geuzen statenkwartier"); a glued seed ("vlieger
    wolk") adds one. Shared between names of the same shape: a national index has ~60,000."""
    return tuple(tuple(sorted({max(seed, shorter), max(seed, width), width + seed - 1})) for seed in (1, 2))


def school_aliases(name: str) -> set[str]:
    """'IKC De Vliegerwolk' is also typed 'de vliegerwolk' and 'vliegerwolk' (normalised)."""
    norm = normalize(name)
    aliases = {norm}
    for prefix in SCHOOL_PREFIXES:
        if norm.startswith(prefix + " "):
            aliases.add(norm[len(prefix) + 1:])
            break
    aliases |= {rest for first, _, rest in (alias.partition(" ") for alias in aliases) if first in ARTICLES and rest}
    return {a for a in aliases if len(a) > 2 and a not in STOPWORDS and a not in GENERIC_PLACE_TOKENS}


class Resolver:
    """Built once per knowledge-base snapshot; read-only afterwards, so safe to share between turns."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._entries: list[_Entry] = []
        self._exact: dict[str, list[int]] = defaultdict(list)
        for area in kb.areas.values():
            self._add_area(area)
        for school in kb.schools.values():
            for alias in school_aliases(school.naam):
                self._add("school", school.naam, school.naam, alias)
        for role in PARTNER_ROLES:
            for word in (role.id, *role.synonyms):
                self._add("rol", role.id, role.functie, normalize(word))
        for tag, words in EXPERTISE_SYNONYMS.items():
            for word in (tag, *words):
                self._add("expertise", tag, tag, normalize(word))
        for term in kb.terms:
            for word in (term.term, *term.synoniemen):
                self._add("begrip", term.term, term.term, normalize(word))
        self._exact = dict(self._exact)
        self._by_token, self._deletes = self._token_indexes()
        self._max_span = min(MAX_SPAN, max((len(e.toks) for e in self._entries), default=1))
        self._corrections = lru_cache(maxsize=16384)(self._corrections_uncached)
        self._situations = _situation_index(kb)
        self._route_starts = frozenset(entry.start for entry in kb.entries.values())
        self._parts = self._part_index()
        self._short_parts = self._part_index(short=True)
        self._outside = OutsideGemeenten(
            national_gemeenten(),
            region_gemeenten=(normalize(name) for area in kb.areas.values() if area.soort == "gemeente"
                              for name in (area.naam, *area.aliassen)),
            region_places=(alias for alias, found in self._exact.items()
                           if any(self._entries[i].kind in PLACE_KINDS for i in found)),
            known_word=self._known_word,
        )

    # ───────────── building ─────────────

    def _add_area(self, area: Area) -> None:
        kind = "gemeente" if area.soort == "gemeente" else "wijk"
        for name in (area.naam, *area.aliassen):
            self._add(kind, area.id, area.naam, normalize(name))
            if area.soort in ("stadsdeel", "kern"):
                self._add(kind, area.id, area.naam, normalize(f"{area.soort} {name}"))

    def _add(self, kind: str, id_: str, name: str, alias: str) -> None:
        """Index ``alias``, and its glued form for a name of a few words ('denhaag', 'devliegerwolk').

        Glued forms only match exactly; typos are looked for in the words as the name spells them.
        """
        if not alias or alias in STOPWORDS:
            return
        words = alias.split()
        variants = [(alias, False)]
        if 1 < len(words) <= 3:
            variants.append(("".join(words), True))
        # On a phone "ij" is often typed "y" ("moerwyk", "ryswyk"): the same name, not a typo.
        variants += [(variant.replace("ij", "y"), glued) for variant, glued in variants if "ij" in variant]
        for variant, glued in variants:
            known = self._exact.get(variant, ())
            if any(self._entries[i].kind == kind and self._entries[i].id == id_ for i in known):
                continue
            self._entries.append(_Entry(kind, id_, name, variant, glued))
            self._exact[variant].append(len(self._entries) - 1)

    def _token_indexes(self) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[str, ...]]]:
        by_token: dict[str, list[int]] = defaultdict(list)
        for index, entry in enumerate(self._entries):
            if entry.glued:
                continue
            for token in set(entry.toks):
                if token not in STOPWORDS:
                    by_token[token].append(index)
        deletes: dict[str, list[str]] = defaultdict(list)
        for token in by_token:
            if len(token) >= MIN_FUZZY_TOKEN:
                for variant in _deletes(token):
                    deletes[variant].append(token)
        return ({t: tuple(v) for t, v in by_token.items()}, {d: tuple(v) for d, v in deletes.items()})

    def _part_index(self, short: bool = False) -> dict[str, tuple[int, ...]]:
        """The parts of compound place words ("lampje" of Geuzenlampje, "zeehelden" of
        Zeeheldenkwartier): fragments of at least MIN_PART letters at either end of a name word,
        leaving at least MIN_PART_REST, that are no name word of their own. ``short``: the last
        3 or 4 letters of a school's name word ("uil" of De Hangaarduil), which count only as "de
        uil" (see :meth:`parts`)."""
        parts: dict[str, set[int]] = defaultdict(set)
        for index, entry in enumerate(self._entries):
            if entry.glued or entry.kind not in (("school",) if short else PLACE_KINDS):
                continue
            for token in entry.toks:
                if short:
                    for size in range(MIN_SHORT_PART, MIN_PART):
                        if len(token) - size >= MIN_PART_REST:
                            parts[token[-size:]].add(index)
                    continue
                for cut in range(MIN_PART_REST, len(token) - MIN_PART + 1):
                    parts[token[cut:]].add(index)
                for cut in range(MIN_PART, len(token) - MIN_PART_REST + 1):
                    parts[token[:cut]].add(index)
        return {part: tuple(sorted(indexes)) for part, indexes in parts.items()
                if part not in self._by_token and part not in STOPWORDS and part not in GENERIC_PLACE_TOKENS}

    # ───────────── candidates ─────────────

    def _corrections_uncached(self, token: str) -> tuple[str, ...]:
        """Vocabulary tokens within one edit (insert, delete, substitute, transpose) of ``token``, itself first.

        A known token gets its neighbours too: a typo can turn one name into another
        ("oud harhem" for Oud Haarhem, while Harhem is a gemeente).
        """
        exact = (token,) if token in self._by_token else ()
        if len(token) < MIN_FUZZY_TOKEN:
            return exact
        found: set[str] = set(self._deletes.get(token, ()))
        for variant in _deletes(token):
            if variant in self._by_token:
                found.add(variant)
            found.update(self._deletes.get(variant, ()))
        found.discard(token)
        # A short name is only ever typed exactly: "boos" is no typo of "oos".
        return exact + tuple(sorted(t for t in found if len(t) >= MIN_FUZZY_TOKEN
                                    and DamerauLevenshtein.distance(t, token) <= 1))

    def _exact_spans(self, toks: list[str], kinds: frozenset[str], out: _Found) -> dict[int, list[tuple[int, int]]]:
        """Every span that is a name or alias as typed; returns the spans found per entry."""
        hits: dict[int, list[tuple[int, int]]] = {}
        for size in range(min(self._max_span, len(toks)), 0, -1):
            for start in range(len(toks) - size + 1):
                span = toks[start:start + size]
                if STOPWORDS.issuperset(span):
                    continue
                keys = [" ".join(span)]
                if 1 < size <= 3 and all(len(t) >= 2 for t in span):
                    keys.append("".join(span))  # dictated split words: "rijs wijk", "jeugd team"
                for key in keys:
                    for index in self._exact.get(key, ()):
                        entry = self._entries[index]
                        if entry.kind in kinds:
                            matched = entry.alias if key == keys[0] else keys[0]
                            _keep(out, Candidate(entry.kind, entry.id, entry.name, 100.0, start, start + size, matched))
                            hits.setdefault(index, []).append((start, start + size))
        return hits

    def _seeds(self, toks: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, vocabulary token): content tokens and glued pairs that may be part of a name."""
        seeds: list[tuple[int, int, str]] = []
        singles: list[tuple[str, ...]] = [
            self._corrections(t) if t not in STOPWORDS and len(t) >= MIN_FUZZY_TOKEN else () for t in toks
        ]
        for pos, token in enumerate(toks):
            seeds.extend((pos, pos + 1, v) for v in singles[pos])
            following = toks[pos + 1] if pos + 1 < len(toks) else ""
            if len(token) >= 2 and len(following) >= 2 and following not in STOPWORDS:
                own = {*singles[pos], *singles[pos + 1]}
                seeds.extend((pos, pos + 2, v) for v in self._corrections(token + following) if v not in own)
        return seeds

    def _fuzzy_spans(self, toks: list[str], kinds: frozenset[str], out: _Found,
                     exact: dict[int, list[tuple[int, int]]]) -> None:
        """Names around each seed, scored with rapidfuzz. A name already found as typed on a span
        around the seed is skipped: its best score there is that exact 100, already kept."""
        for start, end, vocab_token in self._seeds(toks):
            postings = self._by_token[vocab_token]
            if len(postings) > DF_LIMIT:
                continue
            for index in postings:
                entry = self._entries[index]
                if entry.kind not in kinds:
                    continue
                if index in exact and any(s <= start and end <= e for s, e in exact[index]):
                    continue
                full = self._score_full(toks, start, end, entry)
                if full:
                    _keep(out, full)
                elif entry.kind in PLACE_KINDS and end - start == 1 and len(entry.toks) > 1:
                    partial = self._score_partial(toks, start, vocab_token, entry)
                    if partial:
                        _keep(out, partial)

    def _score_full(self, toks: list[str], start: int, end: int, entry: _Entry) -> Candidate | None:
        """The best span around [start, end) that reads as the whole of ``entry``'s name (its
        widths: :func:`_span_sizes`)."""
        best: Candidate | None = None
        for size in entry.span_sizes[end - start - 1]:
            for first in range(max(0, end - size), min(start, len(toks) - size) + 1):
                span = toks[first:first + size]
                if not _edges_ok(span, entry.toks):
                    continue
                ratio = fuzz.ratio(" ".join(span), entry.alias, score_cutoff=MIN_SCORE)
                if not ratio:  # below the cutoff; round() is as dear as the ratio itself
                    continue
                score = round(ratio, 1)
                if best is None or score > best.score:
                    best = Candidate(entry.kind, entry.id, entry.name, score, first, first + size, entry.alias)
        return best

    def _score_partial(self, toks: list[str], pos: int, vocab_token: str, entry: _Entry) -> Candidate | None:
        """A run of typed tokens that matches a run of the name's tokens, but not all of them.

        Counts only when the run holds a token that identifies a place ("voorburg", not "noord"),
        and not when the run is itself the full name of a place ("rijswijk" is the gemeente, not
        a part of Oud Rijswijk).
        """
        best: Candidate | None = None
        for anchor, name_token in enumerate(entry.toks):
            if name_token != vocab_token:
                continue
            lo_q, lo_n, typos = pos, anchor, int(toks[pos] != name_token)
            while lo_q > 0 and lo_n > 0 and self._same_token(toks[lo_q - 1], entry.toks[lo_n - 1]):
                lo_q, lo_n, typos = lo_q - 1, lo_n - 1, typos + (toks[lo_q - 1] != entry.toks[lo_n - 1])
            hi_q, hi_n = pos + 1, anchor + 1
            while hi_q < len(toks) and hi_n < len(entry.toks) and self._same_token(toks[hi_q], entry.toks[hi_n]):
                typos += toks[hi_q] != entry.toks[hi_n]
                hi_q, hi_n = hi_q + 1, hi_n + 1
            while toks[lo_q] in STOPWORDS:
                lo_q, lo_n = lo_q + 1, lo_n + 1
            while toks[hi_q - 1] in STOPWORDS:
                hi_q, hi_n = hi_q - 1, hi_n - 1
            covered = entry.toks[lo_n:hi_n]
            if len(covered) >= len(entry.toks) or not any(_identifies(t) for t in covered):
                continue
            if any(self._entries[i].kind in PLACE_KINDS for i in self._exact.get(" ".join(covered), ())):
                continue
            score = PARTIAL_SCORE - PARTIAL_TYPO_PENALTY * typos
            if score >= MIN_SCORE and (best is None or score > best.score):
                best = Candidate(entry.kind, entry.id, entry.name, score, lo_q, hi_q, entry.alias, partial=True)
        return best

    def _same_token(self, typed: str, name_token: str) -> bool:
        if typed == name_token:
            return True
        return typed not in STOPWORDS and len(typed) >= MIN_FUZZY_TOKEN and name_token in self._corrections(typed)

    # ───────────── ranking and grouping ─────────────

    def _rank(self, cand: Candidate) -> tuple[float, bool, float, int, int, str]:
        """Most of a name explained first, then the better score, then wijk before stadsdeel before
        gemeente, then the one named first.

        Mass = the number of name tokens matched, weighted by how well they matched, so that
        'leidschendam voorbrug' is the gemeente rather than the kern Leidschendam, and
        'voorburg w' is Voorburg-West rather than the kern Voorburg, while a sloppy longer
        span never beats an exact alias.
        """
        return (-_mass(cand), cand.partial, -cand.score, self._level(cand), cand.start, _own_name(cand.name))

    def _level(self, cand: Candidate) -> int:
        area = self.kb.areas.get(cand.id) if cand.kind in AREA_KINDS else None
        return _LEVEL[area.soort] if area else 0

    def _same_answer(self, a: Candidate, b: Candidate) -> bool:
        """The same entity, or a wijk and its stadsdeel/kern/gemeente reached by the same name."""
        if a.kind == b.kind and a.id == b.id:
            return True
        if a.kind not in AREA_KINDS or b.kind not in AREA_KINDS:
            return False
        if a.id in self.kb.ancestors(b.id) or b.id in self.kb.ancestors(a.id):
            return a.name == b.name or a.matched == b.matched
        return False

    def _distinct(self, ranked: Iterable[Candidate]) -> list[Candidate]:
        result: list[Candidate] = []
        for cand in ranked:
            if not any(self._same_answer(cand, kept) for kept in result):
                result.append(cand)
        return result

    def _group(self, candidates: list[Candidate]) -> list[Mention]:
        """Non-overlapping mentions per family; places (wijk, gemeente, school) compete with each other."""
        families: dict[str, list[Candidate]] = defaultdict(list)
        for cand in candidates:
            families["place" if cand.kind in PLACE_KINDS else cand.kind].append(cand)
        mentions: list[Mention] = []
        for family in families.values():
            if len(family) == 1:
                mentions.append(Mention(family[0].kind, (family[0],)))
                continue
            family.sort(key=self._rank)
            taken: list[Candidate] = []
            for cand in family:
                if any(cand.start < t.end and t.start < cand.end for t in taken):
                    continue
                taken.append(cand)
                rivals = [c for c in family if c.kind == cand.kind and c.start <= cand.start and c.end >= cand.end]
                mentions.append(Mention(cand.kind, tuple(self._distinct(rivals))))
        mentions.sort(key=lambda m: (m.best.start, m.best.end))
        return mentions

    # ───────────── public API ─────────────

    def scan(self, text: str, kinds: Iterable[str] | None = None) -> list[Mention]:
        """Every entity mention in a free sentence, in the order they appear.

        One mention per non-overlapping span within each family (places — wijk, gemeente,
        school — then rol, expertise and begrip separately, so "smw" can be both a rol and a
        glossary term). Longer exact spans win over the spans inside them.
        """
        wanted = frozenset(kinds) if kinds is not None else ALL_KINDS
        shared = _SHARED_SCANS.get()
        if shared is None:
            return self._scan(text, wanted)
        # Grouping happens per family (the places together, every other kind alone), so the
        # mentions of whole families are those of a scan for every kind.
        whole = wanted.isdisjoint(PLACE_KINDS) or wanted >= PLACE_KINDS
        key = (id(self), text, ALL_KINDS if whole else wanted)
        mentions = shared.get(key)
        if mentions is None:
            mentions = shared[key] = self._scan(text, key[2])
        return [m for m in mentions if m.kind in wanted]

    def _scan(self, text: str, wanted: frozenset[str]) -> list[Mention]:
        toks = normalize(text).split()
        if not toks or not wanted:
            return []
        found: _Found = {}
        exact = self._exact_spans(toks, wanted, found)
        self._fuzzy_spans(toks, wanted, found, exact)
        return self._group(list(found.values()))

    def resolve(self, text: str, kind: str, limit: int = 5) -> list[Candidate]:
        """``text`` as a whole names something of ``kind`` (an answer to 'Welke wijk?'): ranked candidates.

        Words the name does not explain cost UNCOVERED_PENALTY each ("in ypenburg graag" is fine:
        function words are free), so a name that explains the whole answer beats one that
        explains a part. Nothing close enough gives [].
        """
        toks = normalize(text).split()
        content = [i for i, t in enumerate(toks) if t not in STOPWORDS]
        found: list[Candidate] = []
        for mention in self.scan(text, (kind,)):
            for cand in mention.candidates:
                uncovered = sum(1 for i in content if not cand.start <= i < cand.end)
                score = round(cand.score - UNCOVERED_PENALTY * uncovered, 1)
                if score >= MIN_SCORE:
                    found.append(cand._replace(score=score))
        found.sort(key=lambda c: (-c.score, c.partial, -_mass(c), self._level(c), c.name))
        return self._distinct(found)[:limit]

    def suggest(self, text: str, kinds: Iterable[str] = PLACE_KINDS, limit: int = 3) -> list[Candidate]:
        """Names a word of ``text`` may stand for when it is further off than the one typo ``scan``
        corrects ('ypnbrg', 'vlierwolk'): for asking back 'Bedoel je …?', never for answering.

        Each content word of at least SUGGEST_MIN_TOKEN letters that is no known word is compared
        with the name vocabulary (a few thousand words: this runs only when nothing was
        recognised); a typed 'y' is also read as 'ij'. Names holding a close word are ranked by
        how close the typed word is to that word, then to the whole name, so 'ypnbrg' gives
        Ypenburg rather than Leidschenveen-Ypenburg.
        """
        wanted = frozenset(kinds)
        found: list[tuple[float, float, Candidate]] = []
        for pos, token in enumerate(normalize(text).split()):
            if token in STOPWORDS or len(token) < SUGGEST_MIN_TOKEN or token in self._by_token:
                continue
            for vocab_token, score in self._close_tokens(token):
                for index in self._by_token[vocab_token]:
                    entry = self._entries[index]
                    if entry.kind in wanted:
                        whole = fuzz.ratio(token, entry.alias)
                        found.append((score, whole, Candidate(entry.kind, entry.id, entry.name, round(score, 1),
                                                              pos, pos + 1, entry.alias)))
        if not found:
            return []
        closest = max(whole for _, whole, _ in found)
        found.sort(key=lambda item: (-item[0], -item[1], self._level(item[2]), item[2].name))
        return self._distinct(c for _, whole, c in found if whole >= closest - SUGGEST_MARGIN)[:limit]

    def parts(self, text: str, kinds: Iterable[str] = PLACE_KINDS, limit: int = 6) -> list[Candidate]:
        """Places a word of ``text`` names by a part of a compound ("smw lampje" → Het
        Geuzenlampje and Het Huygenslampje; "zeehelden" → Zeeheldenkwartier), for asking back
        which one — or answering, when there is only one. Words that are a name of their own
        never count here."""
        wanted = frozenset(kinds)
        found: list[Candidate] = []
        tokens = normalize(text).split()
        for pos, token in enumerate(tokens):
            after_article = pos > 0 and tokens[pos - 1] in ARTICLES
            for index in self._parts.get(token, ()) or (self._short_parts.get(token, ()) if after_article else ()):
                entry = self._entries[index]
                if entry.kind in wanted:
                    found.append(Candidate(entry.kind, entry.id, entry.name, PARTIAL_SCORE, pos, pos + 1, entry.alias,
                                           partial=True))
        found.sort(key=lambda c: (self._level(c), _own_name(c.name)))
        return self._distinct(found)[:limit]

    def _close_tokens(self, token: str) -> Iterable[tuple[str, float]]:
        """Name words close to ``token``, also read with 'ij' for a typed 'y' ('rijswyk')."""
        close: dict[str, float] = {}
        for variant in {token, token.replace("y", "ij")}:
            for vocab_token, score, _ in process.extract(variant, self._by_token.keys(), scorer=fuzz.ratio,
                                                         score_cutoff=SUGGEST_SCORE, limit=None):
                close[vocab_token] = max(score, close.get(vocab_token, 0.0))
        return close.items()

    def spelled_out(self, text: str) -> str:
        """``text`` with letters typed one by one joined where they spell a name this knowledge
        base knows: "wie is de s m w" reads "wie is de smw", "en l p a" reads "en lpa"."""
        def joined(match: re.Match[str]) -> str:
            word = match.group(0).replace(" ", "").lower()
            return word if word in self._exact else match.group(0)
        return _LETTERS.sub(joined, text)

    def situations(self, text: str) -> list[tuple[str, int]]:
        """Route steps (and route entries, as ``"route:<name>"``) whose trefwoorden ``text``
        describes, with the number of words matched, most words first.

        A trefwoord matches when each of its words (less articles and prepositions) occurs in
        the text close together (within :data:`SITUATION_SLACK` extra words), in any order, as
        typed or with a different ending ("weigeren"/"weigert"): "ouders willen echt niet
        meewerken aan het opp" describes "ouders willen niet meewerken opp".
        """
        stems, trefwoorden = self._situations
        where: dict[str, list[int]] = defaultdict(list)
        tokens = [_SITUATION_SAME.get(token, token) for token in normalize(text).split()]
        for pos, token in enumerate(tokens):
            for size in range(min(5, len(token)), len(token) + 1):
                if token[:size] in stems:
                    where[token[:size]].append(pos)
        denied = {pos + 1 for pos, token in enumerate(tokens) if token in DENYING}
        best: dict[str, int] = {}
        for stem in where:
            for target, words, before in trefwoorden.get(stem, ()):
                if len(words) > best.get(target, 0) and words <= where.keys() and _close(words, where, before) and (
                        words & DENYING or min(min(where[word]) for word in words) not in denied):
                    best[target] = len(words)
        # of equally many words, a step inside a route says more than the route's first step
        return sorted(best.items(), key=lambda item: (-item[1], item[0].startswith("route:"), item[0] in self._route_starts))

    def outside_gemeente(self, text: str) -> str | None:
        """The gemeente outside this knowledge base's region that ``text`` names, or None: 'leerling
        woont in utrecht' gives 'Utrecht', 'den bosch' gives "'s-Hertogenbosch".

        For grensverkeer: jeugdhulp runs via the lokaal team of the gemeente where the pupil
        lives, and for a gemeente outside the region the knowledge base has no team. Never a
        gemeente, kern or wijk of the knowledge base itself ('smw ypenburg', 'woont in
        wateringen' give None). Short names and names that are also Dutch words count only right
        after 'in', 'uit', 'gemeente' or 'woont' ('ik ben best moe' gives None, 'woont in best'
        gives 'Best'); one typo only right after those words. The rules and the list (CBS,
        1 January 2026): :mod:`wijkwijzer.knowledge.gemeenten`. A name two gemeenten share gives
        that name ('woont in bergen' gives 'Bergen').
        """
        return self._outside.find(normalize(text).split())

    def _known_word(self, token: str) -> bool:
        """A word the knowledge base knows, as typed or within one typo (a name, a role, a term)."""
        return token in self._exact or bool(self._corrections(token))

    def postcode(self, text: str) -> str | None:
        """The first Dutch PC4 in ``text`` ('2497', '2497 AB', '2497ab'), or None.

        Four digits alone are taken when the knowledge base knows that postcode, when postcode
        letters follow ('1012 AB'), or right after 'postcode' or 'woont in'; so a year ('sinds
        2026') or a count is not read as a postcode.
        """
        for match in _POSTCODE.finditer(text):
            pc4, space, letters = match.groups()
            if letters and (letters.upper() in _UNUSED_LETTERS or (space and letters.lower() in _TWO_LETTER_WORDS
                                                                    and not letters.isupper())):
                letters = None
            if pc4 in self.kb.areas_by_pc4 or letters or _POSTCODE_CUE.search(text[:match.start()]):
                return pc4
        return None

    def areas_for_postcode(self, pc4: str) -> list[Area]:
        """Wijken first, then stadsdelen/kernen, then the gemeente. Several wijken: ask back."""
        areas = [self.kb.areas[a] for a in self.kb.areas_by_pc4.get(pc4, ())]
        return sorted(areas, key=lambda a: _LEVEL[a.soort])


_SITUATION_FILLER = frozenset("de het een t van voor in op bij met aan te om over".split())
_SITUATION_SAME = {"wil": "willen", "wilt": "willen", "wou": "willen", "kan": "kunnen", "kunt": "kunnen",
                   "mag": "mogen", "moet": "moeten"}
"""A verb's singular says what the trefwoord's plural says: "vader wil niet meewerken" is "willen"."""


def _stem(token: str) -> str:
    """Enough of a word to ignore its ending: a typed word that starts with it counts
    ('misbruik' → 'misbru' matches 'misbruikt'; 'weigeren' → 'weiger' matches 'weigert')."""
    return token[:max(5, len(token) - 2)]


_LETTERS = re.compile(r"(?<![\w'])(?:[A-Za-z] ){1,3}[A-Za-z](?!\w)")
"""Two to four letters typed one by one, as a phone's dictation writes an abbreviation."""

SITUATION_SLACK = 4


def _close(words: frozenset[str], where: dict[str, list[int]], before: tuple[str, str] | None = None) -> bool:
    """Some occurrence of each of ``words`` lies within one window of len(words) + slack words
    (and, with ``before``, its first word comes before its second there)."""
    if len(words) == 1:
        return True
    positions = sorted((pos, word) for word in words for pos in where[word])
    width = len(words) + SITUATION_SLACK
    for start, _ in positions:
        window = [(pos, word) for pos, word in positions if start <= pos < start + width]
        if {word for _, word in window} != words:
            continue
        if before is None or min(p for p, w in window if w == before[0]) < max(p for p, w in window if w == before[1]):
            return True
    return False


def _negated_place(tokens: list[str]) -> tuple[str, str] | None:
    """'niet op school': "niet" before a preposition keeps its order, so "we komen er als school
    niet uit" is no "niet op school" (other words with "niet" go in any order: "als ouders niet
    willen" is "ouders willen niet")."""
    for i, token in enumerate(tokens[:-2]):
        if token == "niet" and tokens[i + 1] in _SITUATION_FILLER and tokens[i + 2] not in _SITUATION_FILLER:
            return _stem(token), _stem(tokens[i + 2])
    return None


Trefwoord = tuple[str, frozenset[str], tuple[str, str] | None]
"""A target (step id or "route:<name>"), the stems of its words, and an order to keep (or None)."""
Situations = tuple[frozenset[str], dict[str, tuple[Trefwoord, ...]]]


def _situation_index(kb: KnowledgeBase) -> Situations:
    """The stems of every trefwoord word (looked up by the prefixes of a typed word), and per
    stem the trefwoorden that hold it."""
    by_stem: dict[str, list[Trefwoord]] = defaultdict(list)
    targets = [(f"route:{entry.route}", entry.trefwoorden) for entry in kb.entries.values()]
    targets += [(step.id, step.trefwoorden) for step in kb.steps.values()]
    for target, trefwoorden in targets:
        for word in trefwoorden:
            tokens = [_SITUATION_SAME.get(token, token) for token in normalize(word).split()]
            stems = frozenset(_stem(t) for t in tokens if t not in _SITUATION_FILLER)
            for stem in stems:
                by_stem[stem].append((target, stems, _negated_place(tokens)))
    return frozenset(by_stem), {stem: tuple(v) for stem, v in by_stem.items()}


def _deletes(token: str) -> set[str]:
    return {token[:i] + token[i + 1:] for i in range(len(token))}


def _keep(out: _Found, cand: Candidate) -> None:
    """Keep the best-scoring candidate per entity and span."""
    key = (cand.kind, cand.id, cand.start, cand.end)
    if key not in out or out[key].score < cand.score:
        out[key] = cand


def _mass(cand: Candidate) -> float:
    tokens = cand.end - cand.start if cand.partial else len(cand.matched.split())
    return round(tokens * (cand.score - 50) / 50, 3)


def _edges_ok(span: list[str], name: tuple[str, ...]) -> bool:
    """A span may start or end with a function word only where the name does ('de heuvel')."""
    return (span[0] not in STOPWORDS or span[0] == name[0]) and (span[-1] not in STOPWORDS or span[-1] == name[-1])


def _identifies(token: str) -> bool:
    return len(token) >= MIN_PARTIAL_TOKEN and token not in STOPWORDS and token not in GENERIC_PLACE_TOKENS
