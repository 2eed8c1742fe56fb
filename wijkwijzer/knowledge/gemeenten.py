"""The gemeenten of the Netherlands, to recognise a pupil's home gemeente outside the region.

Grensverkeer: jeugdhulp runs via the lokaal team of the gemeente where the pupil lives. When
that gemeente lies outside the knowledge base ("leerling woont in Utrecht"), the bot should say
so rather than ask for a wijk it will never know. The national list (``data/gemeenten.txt``,
CBS 2026) is reference data of the package, the same for every knowledge base; which gemeenten
are *outside* depends on the knowledge base and is decided in :class:`OutsideGemeenten`.

Recognition is deliberately narrow, because a miss costs one question and a false hit sends
the user to the wrong gemeente:

* a name of five letters or more is recognised anywhere, as a whole word or words;
* a shorter name (Ede, Urk, Oss) or one that is also a Dutch word (``woord``: Buren, Leiden,
  Best) only directly after "in", "uit", "gemeente" or "woont"; after "woont" without "in" the
  name must also end the message or be followed by a function word ("woont best ver weg" is
  not Best);
* one typo (Damerau-Levenshtein distance 1) only in a name of five letters or more that is no
  ``woord``, typed directly after one of those cue words, in a word that is no ordinary Dutch
  word ("in dronken toestand" is not Dronten; wordfreq's list of the ~29,000 most frequent Dutch
  words) and not (within one typo of) a word the knowledge base knows, and only when it points
  to one gemeente;
* never a gemeente, kern or wijk of the knowledge base itself, by name or alias.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz.distance import DamerauLevenshtein

from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import STOPWORDS

GEMEENTEN_FILE = Path(__file__).parent / "data" / "gemeenten.txt"
CUES = frozenset({"in", "uit", "gemeente", "woont"})
"""Words after which a short or ambiguous gemeente name counts."""
MIN_LETTERS = 5
"""Names with fewer letters, and typos, need a cue; typos are only read in names at least this long."""
_PARENTHETICAL = re.compile(r"(?<!\s)\s*\([^)]*\)")  # starts where the spaces start: linear
_CODE = re.compile(r"^GM\d{4}$")


@dataclass(frozen=True)
class Gemeente:
    """One gemeente of the national list: CBS code, CBS name, other names, and whether the name is also a word."""

    code: str
    naam: str
    aliassen: tuple[str, ...] = ()
    woord: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The CBS name, the same without '(L.)' and the like, and the other names."""
        short = _PARENTHETICAL.sub("", self.naam)
        return tuple(dict.fromkeys((self.naam, short, *self.aliassen)))


def parse_gemeenten(lines: Iterable[str], source: str = "gemeenten.txt") -> tuple[Gemeente, ...]:
    """Read ``CODE | naam | alias, alias | woord`` lines; ``#`` starts a comment. ValueError with the line."""
    found: list[Gemeente] = []
    codes: set[str] = set()
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("|")]
        fields += [""] * (4 - len(fields))
        code, naam, aliassen, flag = fields[:4]
        if len(fields) > 4 or not _CODE.match(code) or not naam or flag not in ("", "woord") or code in codes:
            raise ValueError(f"{source}:{number}: verwacht 'GMxxxx | naam | andere namen | woord', niet '{line}'")
        codes.add(code)
        found.append(Gemeente(code, naam, tuple(a.strip() for a in aliassen.split(",") if a.strip()), flag == "woord"))
    return tuple(found)


@cache
def national_gemeenten(path: Path = GEMEENTEN_FILE) -> tuple[Gemeente, ...]:
    """The national list, read once per process."""
    with path.open(encoding="utf-8") as handle:
        return parse_gemeenten(handle, path.name)


def dutch_words() -> Container[str]:
    """Ordinary Dutch words: wordfreq's small list, lowercase (wordfreq keeps it after the first call).

    Words with accents stay as wordfreq writes them, so a normalised 'een' does not find 'één';
    only a handful of words, none of them one typo from a gemeente."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("nl", wordlist="small").keys()


class _Key:
    """One normalised name: the gemeenten it names, what to answer, and whether it needs a cue word."""

    __slots__ = ("answer", "cue_only", "gemeenten")

    def __init__(self) -> None:
        self.gemeenten: list[Gemeente] = []
        self.answer = ""
        self.cue_only = False


class OutsideGemeenten:
    """Finds a gemeente outside the knowledge base in a message. Built once per resolver; read-only afterwards.

    ``region_gemeenten``: normalised names and aliases of the knowledge base's own gemeenten (a
    national gemeente with any of these names is left out entirely). ``region_places``: every
    normalised place name the knowledge base knows (no national name may match one).
    ``known_word``: true for a typed word the knowledge base knows, exactly or within one typo;
    such a word is never read as a typo of a gemeente ("ypenbrug").
    """

    def __init__(self, gemeenten: Iterable[Gemeente], region_gemeenten: Iterable[str],
                 region_places: Iterable[str], known_word: Callable[[str], bool]) -> None:
        own = frozenset(region_gemeenten)
        places = frozenset(region_places) | own
        self._known_word = known_word
        self._dutch = dutch_words()
        self._keys: dict[str, _Key] = defaultdict(_Key)
        for gemeente in gemeenten:
            keys = {normalize(name): name for name in gemeente.names}
            if own.intersection(keys):
                continue
            for key, name in keys.items():
                if not key or key in places:
                    continue
                for variant in {key, key.replace(" ", "")}:
                    entry = self._keys[variant]
                    if gemeente not in entry.gemeenten:
                        entry.gemeenten.append(gemeente)
                    entry.answer = gemeente.naam if len(entry.gemeenten) == 1 else name
                    entry.cue_only = entry.cue_only or gemeente.woord or len(variant.replace(" ", "")) < MIN_LETTERS
        self._keys = dict(self._keys)
        self._max_span = max((len(k.split()) for k in self._keys), default=1)
        deletes: dict[str, set[str]] = defaultdict(set)
        for key, entry in self._keys.items():
            if " " not in key and not entry.cue_only:
                for variant in _deletes(key):
                    deletes[variant].add(key)
        self._deletes = {variant: tuple(sorted(keys)) for variant, keys in deletes.items()}

    def __len__(self) -> int:
        """How many gemeenten outside the region can be recognised."""
        return len({g.code for entry in self._keys.values() for g in entry.gemeenten})

    def find(self, tokens: list[str]) -> str | None:
        """The first gemeente outside the region named in ``tokens`` (the words of a normalised message), or None.

        Exact names first, anywhere in the message; only then a typo right after a cue word.
        """
        for start in range(len(tokens)):
            cued = self._cued(tokens, start)
            for size in range(min(self._max_span, len(tokens) - start), 0, -1):
                entry = self._keys.get(" ".join(tokens[start:start + size]))
                if entry is not None and (cued or not entry.cue_only):
                    if entry.cue_only and tokens[start - 1] == "woont" and not _ends_phrase(tokens, start + size):
                        continue
                    return entry.answer
        for start in range(1, len(tokens)):
            if tokens[start - 1] in CUES:
                found = self._typo(tokens[start])
                if found is not None:
                    return found
        return None

    @staticmethod
    def _cued(tokens: list[str], start: int) -> bool:
        return start > 0 and tokens[start - 1] in CUES

    def _typo(self, token: str) -> str | None:
        """The one gemeente ``token`` is a single typo of, if it is no word the knowledge base knows."""
        if (len(token) < MIN_LETTERS or token in self._keys or token in STOPWORDS or not token.isalpha()
                or token in self._dutch or self._known_word(token)):
            return None
        found: set[str] = set(self._deletes.get(token, ()))
        for variant in _deletes(token):
            if variant in self._keys and not self._keys[variant].cue_only and " " not in variant:
                found.add(variant)
            found.update(self._deletes.get(variant, ()))
        close = {key for key in found if DamerauLevenshtein.distance(key, token) <= 1}
        gemeenten = {g.code: self._keys[key].answer for key in close for g in self._keys[key].gemeenten}
        return next(iter(gemeenten.values())) if len(gemeenten) == 1 else None


def _ends_phrase(tokens: list[str], end: int) -> bool:
    """Nothing follows, or a function word does ('woont best, welk team' but not 'woont best ver weg')."""
    return end >= len(tokens) or tokens[end] in STOPWORDS


def _deletes(token: str) -> set[str]:
    return {token[:i] + token[i + 1:] for i in range(len(token))}
