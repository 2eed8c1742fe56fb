"""Detect personal data about a child in free text, before anything is stored or sent.

Signals and announcements must never hold personal data of children. What is detected, and how:

* **naam** — first names (the Meertens first-name list that ships with the ``deduce`` package,
  plus ``data/first_names.txt`` for the families of Den Haag it lacks) in any case and with or
  without diacritics; surnames (Meertens via ``deduce`` plus ``data/surnames.txt``) next to a
  first name, after fam./mevr./dhr. and the like, or written with a capital; any word in a
  clear name position ("… (8)", "… uit groep 5", "broer van …", "fam. …"); initials ("J.d.V.").
  Words that are also ordinary Dutch ("roos", "mark", "storm": ``data/not_names.txt``) count
  only in such a position. Two-letter names ("Mo", "Bo") count when written with a capital.
* **bsn** (11-proef) and **onderwijsnummer** (python-stdnum); any other run of 5 or more digits
  is a **nummer** (a leerlingnummer, dossier number …).
* **geboortedatum** — a full date whose year lies 2–20 years back (a pupil's birth), in any
  layout (12-03-2016, 12/3/16, 02112017, 14-03-'18, 9 januari '16); any date, day and month or
  month and year next to a birth word (geboren, geb., jarig, verjaardag, geboortedatum). Dates
  in this year or later are meeting dates and pass.
* **telefoon** (phonenumbers, NL), except service numbers (0800, 0900), organisations' 088 numbers and 112/113.
* **email** (also written out: "jan at school punt nl") and **handle** (@naam, "insta: naam").
* **adres** — a street with a house number, in any case; **postcode** (PC6, python-stdnum;
  "2026 is" is a year).
* **kind** — a text that singles out one child without naming them: one child (de enige …,
  een jongen …, or a bare child noun that opens the text) together with a group (also a special
  class: plusklas, kangoeroeklas …) or school and a health or family trait (a diagnosis, mental
  health, an allergy, an injury, a parent lost); or, with a group or school, a child picked out by
  a feature ("de jongen met het ene been"), a parent's job ("de oudste zoon van de wijkagent",
  "zoon van onze juf"), the news ("de jongen die in het nieuws was") or by being the only one
  ("de enige Chinese leerling"). A signal is
  about what you see more often; one identifiable child belongs in the meldcode or the
  ondersteuningsroute, not in an anonymous signal. Decided in ARCHITECTURE terms: a false
  alarm costs one rephrase, a miss stores health data of a child.

What is not personal data passes: the knowledge base's own names (schools, wijken), holidays
and events, nationalities, organisations, street names without a number, times, school years,
years, event dates and the word after "leerling" when it is a verb ("leerling snijdt zich");
streets and schools named after a person ("Paul Krugerlaan"), "Max. 28", a book after "leest
De …", a named storm, and an account that carries a knowledge-base name ("@GGDHaaglanden").
A surname that opens the text before words in lower case is a name ("Kowalczyk belde …"): a
rephrase that puts the refused name in front is refused again.
A capitalised word that is in no name list is a name only in a person's position (a person's
verb, 'zich', a pronoun or a family word follows: "dat Tsegai zich …", "Quillans stiefvader")
or elsewhere in a sentence unless a place or thing cue stands before it ("uit Asmara", "via
Parro", "tijdens Diwali"); English words typed in lower case ("just saying") and public
figures ("Prinses Amalia") are no names.

"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import phonenumbers
from stdnum.nl import bsn, onderwijsnummer
from stdnum.nl import postcode as pc6

from wijkwijzer.core import learned
from wijkwijzer.core.inbound import capped
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.text import normalize, without_accents
from wijkwijzer.knowledge.vocabulary import EXPERTISE_SYNONYMS, PARTNER_ROLES

DATA = Path(__file__).with_name("data")
LABELS = {
    "naam": "een naam",
    "bsn": "een BSN",
    "onderwijsnummer": "een onderwijsnummer",
    "nummer": "een nummer (zoals een leerlingnummer)",
    "geboortedatum": "een geboortedatum",
    "telefoon": "een telefoonnummer",
    "email": "een e-mailadres",
    "handle": "een account op sociale media",
    "adres": "een adres",
    "postcode": "een postcode",
    "kind": "een beschrijving van één kind",
}


@dataclass(frozen=True)
class Finding:
    """A piece of personal data: its kind (a key of :data:`LABELS`) and exactly what was found."""

    kind: str
    text: str
    start: int = 0
    end: int = 0


def describe(findings: Iterable[Finding]) -> str:
    """'«Mo» lijkt een naam en «06-1234 5678» lijkt een telefoonnummer': what was found, quoted, so
    the user sees what to leave out."""
    parts = list(dict.fromkeys(f"«{f.text}» lijkt {LABELS[f.kind]}" for f in findings))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


_WORD = re.compile(r"\w+")
_POSSESSIVE_END = re.compile(r"['’`]s\b")


def words_of(piece: str) -> str:
    """A piece of text as its folded words ("Büşra  de-Vries" → "busra de vries"): the form in
    which a refused piece is fingerprinted, so a rephrase that still carries it is recognised. A
    possessive ending goes: "Keila's" is refused as "keila", the name a rephrase carries."""
    return " ".join(fold(word) for word in _WORD.findall(_POSSESSIVE_END.sub("", piece)))


def word_runs(text: str, length: int) -> Iterator[Finding]:
    """Every run of ``length`` words in ``text``, folded (see :func:`words_of`), as a finding of no
    kind yet with its span in ``text``."""
    words = list(_WORD.finditer(text))
    for i in range(len(words) - length + 1):
        run = words[i:i + length]
        yield Finding("", " ".join(fold(w.group()) for w in run), run[0].start(), run[-1].end())


# ───────────── word lists ─────────────


def _words(path: Path) -> set[str]:
    if not path.exists():
        return set()
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(fold(word) for word in line.split())
    return words


# Depends on the layout of deduce's package data: docs/performance.md (B7).
def _deduce_list(*parts: str) -> set[str]:
    """One of deduce's lookup lists (items minus exceptions), read from its package folder without
    importing deduce (that would load numpy and build its own structures)."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        return set()
    folder = Path(spec.origin).parent.joinpath("data", "lookup", "src", *parts)
    items = {fold(line) for line in _lines(folder / "items.txt")}
    return items - {fold(line) for line in _lines(folder / "exceptions.txt")}


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def fold(word: str) -> str:
    """Lower case without diacritics (Büşra = busra, Yılmaz = yilmaz)."""
    return without_accents(word.strip().lower().replace("ı", "i").replace("ł", "l"))


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    not_names: frozenset[str]
    surname_words: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Built once per process (≈25,000 names; about 50 ms)."""
    first = _deduce_list("names", "lst_first_name") | _words(DATA / "first_names.txt")
    sur = (_deduce_list("names", "lst_surname") | _deduce_list("names", "lst_interfix_surname")
           | _words(DATA / "surnames.txt"))
    common = _deduce_list("whitelist", "lst_common_word") | _deduce_list("whitelist", "lst_stop_word")
    not_names = _words(DATA / "not_names.txt") | {w for w in common if len(w) > 1} | _FUNCTION_WORDS
    return Lexicon(frozenset(w for w in first if len(w) > 1), frozenset(w for w in sur if len(w) > 2),
                   frozenset(not_names), frozenset(_words(DATA / "surname_words.txt")))


@dataclass(frozen=True)
class Vocabulary:
    common: frozenset[str]
    english: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Ordinary Dutch words: wordfreq's small Dutch list (the ~29,000 most frequent words), less
    the names of the lexicon that are no ordinary word (wordfreq counts names too), plus
    not_names.txt and the verbs that follow a person."""
    from wordfreq import get_frequency_dict

    names = lexicon()
    frequent = {fold(word) for word in get_frequency_dict("nl", wordlist="small")}
    names_only = names.first_names | (names.surnames - names.surname_words)
    english = {fold(word) for word, freq in get_frequency_dict("en", wordlist="small").items() if freq >= 1e-4}
    return Vocabulary(frozenset((frequent - names_only) | names.not_names | _PERSON_VERBS), frozenset(english))


_FUNCTION_WORDS = frozenset("""
    de het een en of maar want dus dat die dit deze ze zij hij hem haar hun ik je jij we wij u ons onze mijn
    is was zijn waren wordt worden heeft hebben had kan kunnen moet moeten mag wil willen gaat gaan komt komen
    in op aan bij met voor na naar over uit van door tot om te al ook nog niet geen wel erg heel zeer veel
    steeds vaak soms nu toen dan als waar wie wat hoe wanneer omdat terwijl sinds vanaf tegen zonder tussen
    leerling leerlingen kind kinderen jongen jongens meisje meisjes ouders vader moeder groep klas school
    juf meester thuis gezin gezinnen familie broer zus vanuit ll lln llnr
""".split())


MIN_VOCABULARY_WORD = 6
"""Shorter words of the vocabulary ("vt", "arts") stay open to being a name in context."""


@lru_cache(maxsize=2)
def allowed_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words of the knowledge base's own names (areas, schools, organisations) and of its
    vocabulary (roles, expertise, begrippen; words of six letters or more): not personal data.

    Built once per knowledge-base snapshot (snapshots are immutable; two are kept so a reload
    does not rebuild it for the old one still finishing its turns)."""
    areas = {fold(w) for area in kb.areas.values() for name in (area.naam, *area.aliassen) for w in normalize(name).split()}
    words = set(areas)
    for school in kb.schools.values():
        words.update(fold(w) for w in normalize(school.naam).split())
        if school.bestuur:
            words.update(fold(w) for w in normalize(school.bestuur).split())
    for contact in kb.contacts:
        words.update(fold(w) for w in normalize(contact.organisatie).split())
    vocabulary_names = [*(name for role in PARTNER_ROLES for name in role.synonyms),
                        *(name for names in EXPERTISE_SYNONYMS.values() for name in names),
                        *(name for term in kb.terms for name in (term.term, *term.synoniemen))]
    words.update(fold(w) for name in vocabulary_names for w in normalize(name).split() if len(w) >= MIN_VOCABULARY_WORD)
    words.update(SCHOOL_MARK + fold(w) for school in kb.schools.values() for w in normalize(school.naam).split()
                 if len(w) >= 5 and fold(w) not in _GENERIC_SCHOOL_WORDS and fold(w) not in areas)
    return frozenset(words)


SCHOOL_MARK = "school:"
"""``allowed_words`` also holds the distinctive words of the schools' names behind this mark
("school:vliegerwolk"): a school named in a text is a unit small enough to single out a child."""
_GENERIC_SCHOOL_WORDS = frozenset("basisschool school ikc obs cbs rkbs pcbs kindcentrum integraal montessori "
                                  "dalton jenaplan openbare christelijke katholieke islamitische vrije".split())


# ───────────── patterns ─────────────

_MONTHS = (r"jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|"
           r"sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_BIRTH = (r"(?:geboren|gebroen|geboorn|gebooren|geborren|geb\.?|geboortedatum|geboortedag|geboortejaar|geb\.?datum|jarig|"
          r"verjaardag|verjaart|dob|gebdat)")
# Addresses start where their run of address characters starts (the look-behinds): tried at every
# character of a long run, a search was quadratic in its length (tests/test_patterns_are_linear.py).
_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_FUNCTION_MAILBOX = re.compile(
    r"^(?:\w*(?:loket|info)|aanmelden|aanmelding|aanmeldingen|administratie|secretariaat|contact|zorg|ondersteuning|loket|"
    r"servicedesk|helpdesk|receptie|post|mail|directie|ib|ib-netwerk|leerplicht|planning|support|noreply|no-reply|"
    r"tlv|opp|toelating\w*|arrangement\w*|expertise\w*|verzuim|jeugd\w*|onderwijs\w*)@",
    re.IGNORECASE)
"""'aanmelden@swv.nl', 'info@school.nl': an organisation's mailbox, no person's address."""
_EMAIL_SPOKEN = re.compile(
    r"(?<![\w.-])[\w.-]{2,}\s*(?:\(at\)|\[at\]|\bat\b|\bapenstaartje\b|@)\s*[\w-]{2,}"
    r"(?:\s*(?:\(dot\)|\[dot\]|\(punt\)|\[punt\]|\bdot\b|\bpunt\b|\.)\s*[\w-]{2,})+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_.]{2,30}(?![\w@])|(?<![\w#])[A-Za-z0-9_.]{2,32}#\d{4}(?!\d)")
"""@name, or a Discord tag (name#1234)."""
_USERNAME = re.compile(r"(?<![\w@.-])(?=[A-Za-z0-9_.]*[A-Za-z])[A-Za-z][A-Za-z0-9_.-]{2,30}(?<=[A-Za-z0-9])(?![\w@])")
_ACCOUNT_WORD = re.compile(
    r"\b(?:account|accountnaam|gebruikersnaam|profiel|kanaal|insta(?:gram)?|snap(?:chat)?|tiktok|youtube|yt|roblox|"
    r"fortnite|discord|twitch|whatsapp|telegram|beheerder|gamertag|username|online\s+als|vanaf|tegen)\b",
    re.IGNORECASE)
_HANDLE_NAMED = re.compile(
    r"\b(?:insta(?:gram)?|snap(?:chat)?|tiktok|tik tok|twitter|facebook|fb|x)\s*(?::|-|=|\bis\b|\bals\b|\bvan\b|"
    r"\bnaam\b)"
    r"\s*(?P<handle>@?[A-Za-z0-9_.]*[A-Za-z_][A-Za-z0-9_.]{2,30})", re.IGNORECASE)
_DIGITS = re.compile(r"(?<![\d.,/-])(?<!\d:)(?:\d{5,}|\d{2,4}[ .]\d{2,4}[ .]\d{2,4}(?:[ .]\d{1,3})?)(?![\d])")
_NUMBER_CONTEXT = re.compile(
    r"\b(?:leerling(?:en)?(?:\s?(?:nummer|nr)s?)?|lln?r?s?|ln|ll[ .-]?nrs?|llnrs?|lln?mr|lln\.?\s?nrs?|dossier(?:nummer|nr)?|"
    r"parnassys(?:[ -]?nr)?|esis(?:[ -]?nr)?|id|registratienummer|studentnummer|nr|nummer|zaak(?:nummer|nr)?|"
    r"aanmeld(?:nummer|nr)|casus(?:nummer|nr)?|duo)\.?\s*\(?\s*"
    r"(?:(?:nr|nummer)\.?\s*)?(?:[:#=]\s*)?(?P<nr>[Ll]-?\d{3,}|\d{2,4}[-/]\d{2,6}|\d{1,2}\.\d{4}(?![.,:]?\d)"
    r"|\d{2,3}\s\d{3}(?!\d|[.,:]\d)"
    r"|\d(?:\s\d){3,7}(?!\s?\d)|\d{3,})\b|"
    r"(?<![\w-])(?P<code>L-\d{3,6})\b|"
    r"(?<![\w.,:/-])(?P<before>\d{4,6})(?=\s+(?:uit\s+|in\s+)?(?:groep|gr\.?)\s*\d|\s?\((?:groep|gr\.?)\s?\d)|"
    r"(?<![\w.,:/-])(?P<record>\d{4,6})(?=\s+(?:\w+\s+){0,2}(?:checken|opzoeken|nakijken|in\s+parnassys|in\s+esis)\b)|"
    r"(?<!\w)#(?P<hash>\d{3,}(?:[-/]\d{2,4})?)\b|"
    r"(?<![\w.,:/-])(?P<label>\d{3,6}|\d{2}[-/]\d{3})(?=\s+(?:lln?|ll|leerling)\.?\s?(?:nr|nummer)\b)",
    re.IGNORECASE)
_DATE_NUMERIC = re.compile(
    r"(?<![\d/-])(?<!\d\.)(?P<d>[0-3]?\d)\s?(?P<s>[-/.])\s?(?P<m>[01]?\d)\s?(?P=s)\s?(?P<y>'?\d{2}|\d{4})(?![\d/.-])")
_DATE_COMPACT = re.compile(r"(?<![\d/.-])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/.-])")
_DATE_WORDS = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:e|ste|de)?(?:\s+|[-/])(?P<m>{_MONTHS})\.?(?:(?:\s+|[-/])(?P<y>'?\d{{2}}|\d{{4}})(?![.:]\d))?\b",
    re.IGNORECASE)  # "14 januari 15.00" is a time, not a year
_IN_FORCE_BEFORE = re.compile(r"\b(?:per|vanaf|sinds|sedert|m\.?i\.?v\.?|met ingang van)\s+(?:\d{1,2}\s+)?$", re.IGNORECASE)
"""'per 1 januari 2019': the date a rule took effect, no one's birthday."""
_BORN_ON = re.compile(rf"\b(?:is|ben)\s+van\s+(?P<date>\d{{1,2}}[\s./-]+(?:(?:{_MONTHS})\.?|\d{{1,2}})[\s./-]+"
                      rf"(?P<y>(?:19|20)\d{{2}}))\b", re.IGNORECASE)
"""'vader is van 14 mei 1985': a person's birth date, a parent's too (so any year up to 100 back)."""
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTHS})\.?\s+(?P<y>'\d{{2}}|(?:19|20)\d{{2}})\b", re.IGNORECASE)
_DAY_MONTH = re.compile(r"(?<![\d/.-])(?P<d>[0-3]?\d)\s?[-/.]\s?(?P<m>[01]?\d)(?![\d/.-]|\s?[-/.]\s?\d)")
_BIRTH_WORD = re.compile(rf"\b{_BIRTH}(?!\w)|\b\d{{1,2}}\s*(?:jaar\s+)?(?:oud|geworden)\b"
                         r"|\b(?:wordt|werd)\s+(?:op\s+)?[\w ]{1,20}?\s\d{1,2}\s*(?:jaar|jr)\b"
                         r"|\b(?:wordt|werd)\s+(?:op\s+)?[\w ]{1,20}?\s(?:al|pas)\s+\d{1,2}\b"
                         r"|\bwordt\s+(?:(?:volgende|deze|komende)\s+(?:week|maand)|morgen|overmorgen|vandaag|"
                         r"binnenkort|(?:op\s+|a\.?s\.?\s+)?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
                         r"zondag))\s+\d{1,2}\b(?!\s?(?:uur|min|keer|%|euro|cm|kg|[.:]\d))"
                         rf"|\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                         rf"december|zomer|winter|lente|herfst)kind\b", re.IGNORECASE)
"""A birth word, turning an age on a day ("hij wordt op 30 juni 8 jaar", "is net 6 geworden (14
feb)", "wordt volgende week 10"), or a month's child ("een meikind van 2017")."""
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/.-])")
_SPOKEN_DAY = (r"een|eerste|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
               r"zestien|zeventien|achttien|negentien|twintig|\w{3,6}entwintig|dertig|eenendertig")
_DATE_SPOKEN = re.compile(
    rf"\b(?:{_SPOKEN_DAY}|[0-3]?\d)\s+(?:{_MONTHS})\s+(?P<y>tweeduizend(?:\s?en)?\s?\w+|negentienhonderd\w*)"
    rf"|\b(?:{_SPOKEN_DAY})\s+(?:{_MONTHS})\b", re.IGNORECASE)
"""A date in words ("drie april tweeduizend zeventien", "geboren op vijf juni")."""
_DATE_SPACED = re.compile(r"(?<![\d/.:-])(?:[1-9]|[12]\d|3[01])\s(?:[1-9]|1[0-2])\s(?:\d{2}|(?:19|20)\d{2})(?![\d/.:-])")
"""A date typed with spaces ("gebdatum 7 3 16"); a birth date only next to a birth word."""
_MONTH_DAY = re.compile(rf"\b(?:{_MONTHS})\s+(?:'?\d{{2}}|[1-9])\b(?![.:]\d)", re.IGNORECASE)
"""A month before a day or a short year ("geboren eind juni 18"): a birth date next to a birth word."""
_DATE_ISO = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?![\d/.-])")
_MONTH_YEAR_NUMERIC = re.compile(r"(?<![\d/.-])(?P<m>[01]?\d)\s?[-/.]\s?(?P<y>(?:19|20)\d{2})(?![\d/.-])")
_STREET_SUFFIX = (r"straat|str|laan|weg|plein|kade|gracht|singel|hof|pad|dreef|park|dijk|steeg|markt|baan|"
                  r"boulevard|plantsoen|erf|hout|veld|zoom|kant|wal|ring|weide|akker|haven|burcht|lei|hoek|"
                  r"dam|straatje|pleintje|hofje|passage|promenade|boschje|tuin|tuinen|polder|oord|rade|horst|"
                  r"bocht|werf|hage|donk|brink|es|wijk")
# A street name starts where its run of name characters starts (after leading quotes or dashes):
# tried at every word start inside a long run, a search was quadratic in its length.
_STREET = re.compile(
    rf"(?<![A-Za-zÀ-ÿ'-])['-]*\b(?P<street>[A-Za-zÀ-ÿ'-]{{2,}}(?:{_STREET_SUFFIX})|(?:laan|weg|plein|kade|straat)\s+van\s+"
    rf"[A-Za-zÀ-ÿ'-]+(?:\s+[A-Za-zÀ-ÿ'-]+)?)\s+(?:(?:nr|no|nummer)\.?\s)?(?P<nr>\d{{1,4}}(?:\s?[a-zA-Z]\b|\s?-\s?\d{{1,3}}|\s?hs|\s?bis)?)"
    r"(?!\s*(?:jaar|uur|min|leerling|kind|keer|%|euro|procent|weken|dagen|maanden|x\b))", re.IGNORECASE)
_STRONG_STREET = re.compile(r"(?:straat|laan|weg|plein|kade|gracht|singel|dreef|steeg|boulevard|plantsoen)$")
_POSTCODE = re.compile(r"(?<![\w-])(?P<pc>[1-9]\d{3})\s?(?P<letters>[A-Za-z]{2})(?![A-Za-z])")
_PLACE_CONTEXT = re.compile(r"\b(?:postcode|pc|woont|wonen|woonachtig|adres|verhuisd|verhuist|nu op|zitten op|"
                            r"op nummer)\b",
                            re.IGNORECASE)
_TWO_LETTER_WORDS = frozenset("""
    is en in op om te de al nu zo ik we ze er of na ja je me uit ga at on to an as by
    ok hé bv ca tm ie eo mn kg km cm uu vo bo
""".split())
_INITIALS = re.compile(r"(?<!\w)(?:[A-ZÀ-ÖØ-ÞŞŁÇĞİ]\.\s?){1,3}(?:(?:van|de|der|den|el|ter|ten|v|d)\.?\s?){0,2}[A-ZÀ-ÖØ-ÞŞŁÇĞİ][a-zà-ÿ]*\.?"
                       r"|\b[A-Z]\.(?:[a-z]{1,3}\.){1,2}[A-Z]\.")
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žƀ-ɏḀ-ỿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-žƀ-ɏḀ-ỿ]+)*")
# No two whitespace runs side by side ("\s*,?\s*" backtracked cubically over spaces): an optional
# comma or bracket takes its own spaces (tests/test_patterns_are_linear.py).
_CONTEXT_AFTER = re.compile(
    r"^\s*(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]+\s?)?(?:\(\s*\d{1,2}\s*(?:jr|jaar|j)?\.?\s*\)|(?:,\s*)?(?:\d{1,2}\s*(?:jaar|jr|j)\b|(?:\(\s*)?(?:uit|in|van|zit in)\s+"
    r"(?:groep|gr\.?|klas|de klas|unit)\s*\d|\((?:groep|gr\.?)\s*\d|,\s*(?:groep|gr\.?)\s*\d|uit\s+\d[abc]?\b)"
    r"|(?:,\s*)?(?:hij|ze|zij)\s+is\s+\d{1,2}\b|[A-Z]\.(?!\w)|(?:van|uit)\s+\d[abc]\b"
    r"|en\s+(?:zijn|haar|zn|z'n|d'r)\s+(?:broer\w*|zus\w*|vader|moeder|ouders|oma|opa|tweeling\w*)\b"
    r"|(?:vd|van de|uit de)\s+kleuters\b|(?:,\s*)?zo\s+heet\s+(?:ze|hij|zij)\b"
    r"|\(\s?(?:moeder|vader|mama|papa|oma|opa|broer|zus|voogd|oom|tante|stiefvader|stiefmoeder)\s?\))", re.IGNORECASE)
_TITLE_BEFORE = re.compile(
    r"\b(?:fam|familie|(?<!jeugd en )gezin|mevr|mevrouw|mw|dhr|de heer|meneer|hr|fa)\.?\s+(?:(?:van|de|der|den|'t|het|el|al|ter|"
    r"ten)\s+){0,2}$",
    re.IGNORECASE)
_GROUP_AFTER = re.compile(r"^\s*(?:groep|gr\.?)\s*\d", re.IGNORECASE)
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:broer(?:tje)?|zus(?:je)?|zusje|vader|moeder|zoon|dochter|neef(?:je)?|nicht(?:je)?|oom|tante|"
    r"stiefvader|stiefmoeder|opa|oma|papa|mama|pleegkind|pleegmoeder|pleegvader|pleegouders|tweelingbroer|tweelingzus|"
    r"voogd|ouders)(?:\s+(?:van\s+)?|\s?\(\s?)"
    # "de broertjes el amrani", "de zusjes kowalski", "de gebroeders van dijk": a family by its surname
    r"|\b(?:broertjes|zusjes|gebroeders|tweeling)\s+(?:(?:van|de|der|den|el|al|ter|ten)\s+){0,2}"
    r"|\bgaat\s+(?:het\s+)?om\s+"
    r"|\b(?:fam|familie|(?<!jeugd en )gezin|mevr|mevrouw|mw|dhr|de heer|heer|meneer|mr|hr|fa)\.?\s+(?:(?:van|de|der|den|'t|het|"
    r"el|al)\s+){0,2}"
    r"|\b(?:zorgen|zorg|tips|meedenken)\s+(?:om|over|voor|met)\s+|\bgaat\s+(?:niet\s+)?goed\s+met\s+"
    r"|\b(?:(?:achter|voor|roep)?naam\s+is|heet|genaamd|met\s+de\s+naam)\s+"
    r"|\b(?:dossier|doasier|opp|tlv|arrangement)\s+(?:\w+\s+)?(?:van|voor)?\s*"
    r"|^\W*over\s+)$", re.IGNORECASE)
_LONE_INITIAL = re.compile(
    r"(?<![\w.])[A-Z]\.(?=\s(?:(?:uit|in|van)\s(?:groep|gr\.?|klas)\s?\d|(?:zit|is|wil|heeft|komt|gaat|wordt|was|had|"
    r"huilt|speelt|zegt|mag|moet|kan|durft|slaapt|eet)\b))"
    r"|(?:(?<=noem haar )|(?<=noem hem )|(?<=haar wel )|(?<=hem wel ))[A-Z]\.")
"""One capital as a child's initial: "F. uit groep 4", "A. zit elke pauze alleen", "ik noem haar A."."""
_TITLED_INITIAL = re.compile(
    r"\b(?:fam|familie|mevr|mevrouw|mw|dhr|de heer|meneer|hr)\.?\s(?:en\s(?:mw|mevr|mevrouw|dhr)\.?\s)?"
    r"(?:(?:van|vd|de|der|den|el|al|ter|ten)\s){0,2}[a-zà-ÿ]\.(?!\w)"
    r"|(?<![\w.])[a-zà-ÿ]\.(?=\s?\((?:gr\b|groep\b|\d))", re.IGNORECASE)
"""A person by one initial: after a title ("fam. k.", "de heer b.", "dhr. en mw. ö.", "fam. vd m.")
or before their group or age ("m. (gr 4)", "L. (10 jr)")."""
_SPELLED_LETTERS = re.compile(r"(?<![\w-])(?:[A-Za-z]-){3,}[A-Za-z](?![\w-])")
"""A word spelled letter by letter ("B-o-b-b-y")."""
_PUPIL_LETTER = re.compile(
    r"\b(?:leerling|ll|kind|jongen|meisje|kleuter|nieuwkomer|broertje|zusje)\s(?P<letters>[A-WÀ-ÖØ-Þ]{1,2}\.?)"
    r"(?=\s?\(|\s(?:uit|in|van)\s(?:groep|gr|klas|\d))"
    r"|(?<![\w.'])(?<!\bde )(?<!\bhet )(?<!\been )(?P<lower>(?!ll\b|bo\b|vo\b|so\b|zn\b|mn\b|jr\b|ot\b)[a-z]{2})"
    r"(?=\s?\((?:gr\b|groep\b|\d))")
"""A child's initials as a label: "leerling K (gr 8)", "leerling D uit 5/6", "jd (gr 2)" (not the placeholder
"leerling X", nor "ll (gr 5)")."""
_LOWER_INITIALS = re.compile(r"(?<![\w.])(?:[a-zà-ÿ]\.\s?){2,3}(?![\w])"
                             r"|(?<![\w.])[a-z]\.(?:-[a-z]\.)?\s?(?:(?:van|vd|de|der|den|ter|ten|el)\s){1,2}"
                             r"(?:[a-zà-ÿ]{2,}\b|[a-zà-ÿ]\.(?!\w))")
"""Initials in lower case ("j.d.v.", "m. van dijk")."""
_ABBREVIATIONS = frozenset("""
    ivm ipv oa as ea dwz tov mbt zsm nav iom tzt miv ism ed oid pp vd nvt aub svp ev bv mn obv vwb vs gr ca
    ie eg al ic ac ro tk ib ovv mvg bvd evt mbv zgan aub svp tav tnv dmv iig ihkv ps pps
""".split())
_FAMILY = frozenset("""
    vader moeder ouders broer broertje zus zusje opa oma oom tante pa ma papa mama stiefvader stiefmoeder
    stiefbroer stiefzus mdr vdr oudste jongste grote kleine tweelingbroer tweelingzus halfbroer halfzus
""".split())
_PERSON_VERBS = frozenset("""
    is was heeft had zit zat wil wilde wou doet deed krijgt kreeg komt kwam gaat ging praat zegt zei kan kon moet
    mag wordt werd vindt speelt huilt slaapt eet at loopt valt viel woont bijt slaat schopt lacht leest rekent
    schrijft stottert mist reageert vertelt durft blijft lijkt voelt verzuimt stelt vraagt zoekt zwijgt schreeuwt
    gooit rent luistert spreekt begrijpt snapt weet kent houdt zag ziet heb hebt kreeg werkt maakt plast poept
""".split())
_STREETISH = re.compile(rf"(?:{_STREET_SUFFIX})$")
_ARTICLES = frozenset("de het een die deze dit onze ons jullie mijn hun zijn haar elke ieder iedere geen".split())
_ORG_SUFFIX = re.compile(r"(?:ing|heid|schap|pas|dag|dagen|week|werk|hulp|fonds|groep|team|punt|huis|school|klas|les|"
                         r"spelen|centrum|stichting|bureau|net|lab|loket|plan|methode|toets|training|app)$")
_TITLES = (
    "pippi langkous", "mees kees", "max en de maximonsters", "jip en janneke", "dikkie dik", "nijntje",
    "rupsje nooitgenoeg", "harry potter", "dolfje weerwolfje", "pluk van de petteflet", "kikker en zijn vriendjes",
    "sjakie en de chocoladefabriek", "matilda", "ronja de roversdochter", "de gruffalo", "kleine ijsbeer",
    "tom poes", "heer bommel", "sinterklaas", "zwarte piet", "kerstman", "piet piraat", "bumba", "dora",
    "paw patrol", "peppa pig", "juf ank", "meester jaap", "koning willem", "koningin maxima", "willem alexander",
    "annie m g schmidt", "gouden koets",
    # well-known authors and characters of children's books read in Dutch schools
    "anne frank", "roald dahl", "paul biegel", "thea beckman", "guus kuijer", "paul van loon", "francine oomen",
    "carry slee", "jacques vriens", "tonke dragt", "astrid lindgren", "selma noort", "marc de bel", "jan terlouw",
    "anna woltz", "bette westera", "joke van leeuwen", "toon tellegen", "max velthuijs", "dick bruna",
    "julia donaldson", "david walliams", "jeff kinney", "j k rowling", "remco campert", "hans christian andersen",
    "kruimeltje", "pietje bell", "dik trom", "ciske de rat", "otje", "kapitein rob", "alfred jodocus kwak",
    "paulus de boskabouter", "suske en wiske", "jommeke", "kuifje", "asterix", "obelix", "donald duck",
    "mickey mouse", "bolke de beer", "woezel en pip", "boer boris", "kikker", "dummie de mummie",
    "de kleine prins", "mathilda", "bfg", "sjakie", "karlsson", "ronja", "rasmus", "emil", "madelief",
    # feasts and fixed phrases with a name in them
    "sint maarten", "sint-maarten", "ark van noach", "te leen", "annie m.g. schmidt", "sint en piet", "pieten",
)
_INTERFIX = frozenset("van de der den el al ben bin ter ten te op in 't het la le da di du von".split())

_CHILD_NOUN = (r"(?:[a-z]+-)?(?:leerling|leerlinge|ll|jongen|jongetje|meisje|meid|kind|kindje|pleegkind|kleuter|nieuwkomer|"
               r"peuter|dochter|dochtertje|zoon|zoontje|kleinzoon|kleindochter|tweeling\w*|drieling\w*|vierling\w*)")
_ONE_OF_WORDS = r"\b(?:een|één)\s+van\s+(?:de|onze|mijn)\s+(?:jongens|meisjes|kinderen|leerlingen|kleuters)\b"
_SINGLE_CHILD = re.compile(
    rf"\b(?:de|het)\s+enige\s+(?:\w+\s+){{0,2}}{_CHILD_NOUN}\b|\b(?:zij|hij|ze)\s+is\s+de\s+enige\b"
    rf"|\b(?:een|één|1|die ene|dat ene|deze|die|dat|het|de)\s+(?:\w+\s+)?{_CHILD_NOUN}\b"
    rf"|\b{_CHILD_NOUN}\s+(?:die|met|uit|van|in)\b|^\W*(?:signaal\W+)?{_CHILD_NOUN}\b"
    rf"|{_ONE_OF_WORDS}"
    r"|\b(?:de|die|deze)\s+(?:moeder|vader|mama|papa|oma|opa)\s+(?:uit|van|in)\s+(?:groep|gr\.?)\s*\d"
    rf"|\b(?:de|het)\s+enige\s+(?:met|die|dat|zonder)\b|\b(?:groep|gr\.?)\s?[1-8][abc]?\s+{_CHILD_NOUN}\b",
    re.IGNORECASE)
"""One child: with an article or a number, with a clause after it, or a bare child noun that
opens the text ("meisje heeft …", also when a rephrase puts it in front)."""
_GROUP = re.compile(r"\b(?:groep|gr\.?)\s*(?:\d|een|twee|drie|vier|vijf|zes|zeven|acht)\b|\b(?:combi|combinatie)?klas\s*\d|\b[1-8][abc]\b"
                    r"|\b(?:plus|kangoeroe|kleuter|schakel|taal|observatie|nt2|isk)klas\b"
                    r"|\b(?:onder|midden|boven)bouw\b|\b[1-8]/[1-8][abc]?\b(?![/-]\d)|\b(?:ob|mb|bb)\s?[1-4]\b",
                    re.IGNORECASE)
_DISTINCT = re.compile(
    rf"(?:\b(?:de|het|die|dat)\s+|^\W*|(?<=[,:;]\s)|(?<=[,:;]))(?:enige\s+)?(?:\w+\s+)?{_CHILD_NOUN}\s+(?:met\s+(?:de|het|een|twee|zijn|haar)\s+\w+"
    r"|(?:die|dat)\s+(?:\w+\s+){0,3}(?:in\s+transitie|net\s+uit|uit\s+de\s+kliniek|in\s+een\s+rolstoel)"
    r"|(?:die|dat)\s+(?:\w+\s+){0,4}in\s+(?:het\s+nieuws|de\s+krant)"
    r"|(?:die|dat)\s+(?:\w+\s+){0,2}(?:gisteren|eergisteren|vanochtend|vanmorgen|vorige\s+week|maandag|dinsdag|"
    r"woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
    r"|(?:van\s+wie|wiens|wier)\s+(?:\w+\s+)?(?:vader|moeder|ouders|broer|zus))"
    r"|\b(?:(?:de|het)\s+(?:\w+\s+)?)?(?:dochter|dochtertje|zoon|zoontje|kind|kinderen|tweeling|kleinzoon|"
    r"kleindochter|neefje|nichtje|stiefzoon|stiefdochter|pleegzoon|pleegdochter)\s+van\s+"
    r"(?:de|onze|het|een|die|dat)\s+(?:\w+\s+)?(?:\w{3,}(?:ster|ant|ent|eur|man|vrouw|aar|ist)|directeur|directrice|"
    r"wethouder|conci[eë]rge|burgemeester|juf|meester|leerkracht|ib'?er|dominee|pastoor|imam|rabbijn|huisarts|"
    r"tandarts|dokter|voorzitter|agent|wijkagent|collega|voetballer|zanger|zangeres|rapper|presentator|politicus|"
    r"bakker|slager|kapper|predikant|buren|buurman|buurvrouw)\b"
    r"|(?:\b(?:de|het|onze|hun|mijn|jullie)\s+|^\W*)enige\s+(?:[\w-]+\s+){0,2}" + _CHILD_NOUN + r"\b|\bde\s+tweeling\b"
    r"|\b(?:drieling|vierling)\w*\b|\b" + _CHILD_NOUN + r"\b[^.?!]{0,60}?\bals\s+enige\b",
    re.IGNORECASE)
"""A feature, a parent's job or being the only one picks out one child ("de jongen met het ene been",
"de dochter van de wethouder", "de enige Chinese leerling"): with a group or a school, one child."""
_TRAIT = re.compile(
    r"\b(?:epilep\w*|diabet\w*|suikerziekte|astma\w*|kanker|leukemie|hiv|aids|\w*syndroom|down|autis\w*|adhd|"
    r"rolstoel|gehoorapparaat|doof|dove|blind|slechtziend|slechthorend|sonde\w*|stoma|hartafwijking|chemo\w*|"
    r"transplant\w*|\w*prothese|\w*implantaat|cochleair\w*|\w*dialyse|\w*ziekte|\w*tumor|brandwond\w*|"
    r"insuline\w*|tourette|ptss|trauma|verlamd|spasti\w*|zwanger|transgender|trans|pleeggezin|pleegouders|"
    r"gevangenis|vastzit|overleden|asielzoeker\w*|azc|ongedocumenteerd|verslaafd|psychose|anorexia|boulimie|"
    r"gediagnosticeerd|diagnose|medicatie|medicijnen|ritalin|hoofddoek|geadopteerd\w*|adoptie\w*|amputatie|"
    r"albino\w*|uitgezet|blijf-van-mijn-lijf\w*|daklozenopvang|crisisopvang|gebroken\s+(?:been|arm|pols|enkel)|"
    r"van\s+school\s+gestuurd|geschorst|"
    r"zonder\s+ouders|alleenstaand\w*|vluchteling\w*|litteken\w*|dwerggroei|tracheostom\w*|zuurstof\w*|kliniek|"
    r"transitie|krukken|\w*apparaten|rollator|beugels|kaal|kaalheid|alopecia|albinis\w*|\w*canule|vrouwenopvang|"
    r"omgekomen|doodgeschoten|vermoord|allergische\s+reactie|anafylax\w*|depressie\w*|depressief|\w*stoornis|"
    r"paniekaanval\w*|\w*allergie|\w*letsel|dyspraxie|dyslexie|faalangst|ggz|verlamd\w*|\w*transplantatie|"
    r"spraakgebrek|verloor|verloren|longontsteking|kunst(?:been|arm|hand|oog)|ooglapje|lui\s+oog|iq\s+(?:van\s+)?\d+|"
    r"gearresteerd|opgepakt|hoogbegaafd\w*|overgeslagen|pgb\w*|\w*jeugdzorg|jeugdinrichting|gehoorapparaat\w*|"
    r"slachtoffer\w*|loverboy\w*|enkelband|dood\s+van\s+(?:haar|zijn|zn|hun)\s+\w+|"
    # known beyond the school: on tv, in a national team, a prize; a guide dog; a height no one else has
    r"hoofdrol|tv-?\s?serie|op\s+(?:tv|televisie)|omroep\s+\w+|jeugdselectie|nationale\s+(?:\w+\s+)?selectie|"
    r"landelijke\s+\w*prijs|\w*kampioen(?:e|schap)?|hulphond|blindengeleidehond|\d\s?meter\s+\d{2}|"
    r"taxi|leerlingenvervoer|\w*bloeding|dezelfde\s+kleren|ruikt|stinkt|woonwagen\w*|"
    r"\w+trauma|zit\s+(?:\w+\s+){0,4}vast|"
    r"(?:uit|van)\s+\w+\s+(?:\w+\s+){0,3}sinds|sinds\s+(?:\w+\s+){1,3}(?:hier|in\s+nederland)|"
    r"(?:familie|gezin)\s+(?:uit|met)\s+\w+|bekende\s+\w+\s+als\s+(?:vader|moeder))\b",
    re.IGNORECASE)
_ONE_FAMILY = re.compile(r"\b(?:gezin|familie|moeder|vader|ouders)\s+met\s+(?:de\s+)?(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+"
                         r"(?:kinderen|kids)\b", re.IGNORECASE)
_ONE_OF = re.compile(_ONE_OF_WORDS, re.IGNORECASE)
"""'een van de jongens': one child, for all the plural."""
_THE_ONE = re.compile(rf"\b(?:die|dat)\s+ene\s+(?:\w+\s+)?{_CHILD_NOUN}\b|\b(?:de|het)\s+enige\s+(?:\w+\s+){{0,2}}{_CHILD_NOUN}\b",
                      re.IGNORECASE)
_ONLY_ONE = re.compile(rf"\b(?:(?:maar|slechts)\s+(?:één|1)|nog\s+(?:maar\s+)?(?:één|1))\s+(?:[\w-]+\s+)?{_CHILD_NOUN}\b",
                       re.IGNORECASE)
"""'maar één syrisch kind', 'nog één leerling zonder vo-plek': the only one, with a group or a school."""
_KNOWN_TO_ALL = re.compile(r"\b(?:iedereen|heel\s+(?:het\s+)?\w+)\s+(?:\w+\s+){0,3}weet\s+(?:\w+\s+)?(?:wie|om\s+wie)\s+"
                           r"(?:het|hij|ze|zij|dat|dit)\b", re.IGNORECASE)
"""'iedereen in het dorp weet wie het is': the text itself says the child is recognised."""
_PLURAL_CHILDREN = re.compile(r"\b(?:kinderen|leerlingen|jongens|meisjes|kleuters|lln|steeds meer|meerdere|"
                              r"(?:sommige|veel|de meeste|andere) ouders)\b", re.IGNORECASE)
"""Children in general: "sommige ouders willen niet dat hun kind met de smw praat" is nobody in particular."""


def find_personal_data(text: str, allowed_words: frozenset[str] = frozenset(),
                       today: date | None = None, model: bool = True) -> list[Finding]:
    """Everything in ``text`` that looks like personal data, in the order it occurs.

    ``allowed_words`` (folded, see :func:`fold`) are the knowledge base's own names, never a
    person; ``today`` decides which years are birth years (default: today). When the rules find
    nothing, the learned model (:func:`one_child`) may still hear one child described so that
    people recognise it; ``model=False`` asks the rules alone (what the model is trained beside)."""
    text = _ascii_digits(capped(text))
    year = (today or date.today()).year
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(Finding(kind, text[start:end], start, end))

    for pattern in (_EMAIL, _EMAIL_SPOKEN):
        for match in pattern.finditer(text):
            if not _organisation_mailbox(text, match):
                add("email", match.start(), match.end())
    for match in _HANDLE.finditer(text):
        if not _organisation_handle(match.group(0), allowed_words):
            add("handle", match.start(), match.end())
    for match in _HANDLE_NAMED.finditer(text):
        add("handle", match.start("handle"), match.end("handle"))
    if _ACCOUNT_WORD.search(text):
        for match in _USERNAME.finditer(text):
            name = match.group(0)
            if ("_" in name or re.search(r"(?<![A-Za-z])[A-Za-z]{2,}\d{2,}$", name) or _mixed_case(name)) and not re.fullmatch(
                    r"[A-Za-z]{1,3}\d+", name):
                add("handle", match.start(), match.end())
    _dates(text, year, add)
    for number in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.POSSIBLE):
        digits = re.sub(r"\D", "", number.raw_string)
        if (len(digits) >= 9 and number.raw_string.lstrip("(")[:1] in ("0", "+") and not _service_number(digits)
                and not _looks_like_time(number.raw_string) and not _organisation_phone(text, number.start)):
            add("telefoon", number.start, number.end)
    for match in _DIGITS.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if not (_service_number(digits) or _other_number(text, match.start(), match.end())
                or _organisation_phone(text, match.start())):
            add(_number_kind(digits), match.start(), match.end())
    for match in _NUMBER_CONTEXT.finditer(text):
        group = next(name for name in ("nr", "code", "before", "record", "hash", "label") if match.group(name))
        if _other_number(text, match.start(), match.end(group)):
            continue
        if group not in ("nr", "before") or not _GENERIC_NUMBER_WORD.match(match.group(0)) or not _year_or_service(
                match.group(group)):
            add("nummer", match.start(group), match.end(group))
    for match in _FILE_CODE.finditer(text):
        code = match.group("nr")
        numbers = re.findall(r"\d+", code)
        if (sum(map(len, numbers)) >= 4 and not all(_YEARISH.fullmatch(n) for n in numbers)
                and fold(re.split(r"[-/\d]", code)[0] or [*code.split("/"), ""][1]) not in _NOT_A_FILE
                and not _other_number(text, match.start(), match.end())):
            add("nummer", match.start("nr"), match.end("nr"))
    for match in _BSN_LABEL.finditer(text):
        digits = re.sub(r"\D", "", match.group("nr"))
        if 8 <= len(digits) <= 9:
            add("bsn", match.start("nr"), match.end("nr"))
    for pattern in (_SPELLED_NUMBER, _SPELLED_AFTER_NUMBER, _LABEL_IS):
        for match in pattern.finditer(text):
            add("nummer", match.start("nr"), match.end("nr"))
    if _PUPIL_MATTER.search(text) and not _PLACE_CONTEXT.search(text):
        for match in _NUMBER_OBJECT.finditer(text):
            value = int(match.group("nr"))
            if not (1900 <= value <= 2099 or _other_number(text, match.start("nr"), match.end("nr"))
                    or _counted(text, match.start("nr"), match.end("nr"))):
                add("nummer", match.start("nr"), match.end("nr"))
    subject = _NUMBER_SUBJECT.match(text)
    if subject and not 1900 <= int(subject.group("nr")) <= 2099:
        add("nummer", subject.start("nr"), subject.end("nr"))
    for pattern in (_GROUPED_NUMBER, _DASHED_DIGITS, _SPELLED_RUN, _THOUSANDS_IN_WORDS):
        for match in pattern.finditer(text):
            if pattern is _SPELLED_RUN and not _READ_OUT.search(match.group("nr")):
                continue
            if not (_counted(text, match.start("nr"), match.end("nr")) or _other_number(text, match.start(), match.end())):
                add("nummer", match.start("nr"), match.end("nr"))
    for match in _NINE_GROUPED.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if bsn.is_valid(digits) or onderwijsnummer.is_valid(digits):
            add(_number_kind(digits), match.start(), match.end())
    for match in _STREET.finditer(text):
        if _ordinary_word(match.group("street")):
            continue  # "advies 2 deskundigen", "ring 3": an ordinary word that happens to end like a street
        if fold(match.group("street").split()[0]) not in allowed_words or match.group("nr"):
            add("adres", match.start(), match.end())
    for pattern in (_NUMBER_ON_STREET, _STREET_THEN_NUMBER):
        for match in pattern.finditer(text):
            if pattern is _STREET_THEN_NUMBER and _ordinary_word(match.group("street")):
                continue  # "het park, nummer 1": a word, no street
            add("adres", match.start(), match.end())
    for match in _STREET_SPOKEN.finditer(text):
        if _PLACE_CONTEXT.search(text, max(0, match.start() - 40), match.start()):
            add("adres", match.start(), match.end())
    for match in _POSTCODE.finditer(text):
        if _is_postcode(match, bool(_PLACE_CONTEXT.search(text[max(0, match.start() - 30):match.start()]))):
            add("postcode", match.start(), match.end())
    for start, end in _names(text, allowed_words):
        add("naam", start, end)
    single = _single_child(text, allowed_words)
    if single is not None:
        add("kind", *single)
    if model and not found and not _ANY_CHILD.search(text) and one_child(text):
        add("kind", *_described_child(text))
    return sorted(found, key=lambda f: f.start)


# ───────────── numbers, dates, places ─────────────


def _ordinary_word(street: str) -> bool:
    """A single word that ends like a street but is an ordinary word ("ring", "advies", "park"),
    unless it ends in a word only streets end in ("straat", "laan", "plein" …)."""
    folded = fold(street)
    return " " not in folded and not _STRONG_STREET.search(folded) and folded in vocabulary().common


def _ascii_digits(text: str) -> str:
    """Digits of another script as ASCII digits, one for one ("١٤/٠٣/٢٠١٥" from a Syrian
    document is a date): every number pattern below reads ASCII digits only."""
    if text.isascii() or not any(ch.isdecimal() and not ch.isascii() for ch in text):
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)


_DIGIT_WORD = r"(?:nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)"
_SPELLED_NUMBER = re.compile(
    rf"\b(?:leerling|ll|lln)\.?\s?(?:nummer|nr)\.?\s(?:is\s)?(?P<nr>{_DIGIT_WORD}(?:[\s,-]{{1,2}}{_DIGIT_WORD}){{2,8}})\b",
    re.IGNORECASE)
"""A pupil's number read out in words ("leerlingnummer is één acht drie nul twee")."""
_SPELLED_AFTER_NUMBER = re.compile(
    rf"\b(?:nummer|nr)\.?\s(?:is\s)?(?P<nr>{_DIGIT_WORD}(?:[\s,-]{{1,2}}{_DIGIT_WORD}){{3,8}})\b", re.IGNORECASE)
"""Four or more digits read out after 'nummer (is)' ("nummer is twee acht drie drie zes")."""
_LABEL_IS = re.compile(r"\b(?:leerling\s?(?:nummer|nr)|ll[ .-]?(?:nr|nummer)s?|lln?r|lln\.?\s?nrs?|"
                       r"(?:parnassys|esis|magister|somtoday|dotcom)[ -]?(?:nr|nummer|id))\.?\s+(?:is|was|=)\s+"
                       r"(?P<nr>\d{3,8})\b", re.IGNORECASE)
"""'ll nr is 9340': a pupil's number after its label and 'is', four digits too."""
_NUMBER_OBJECT = re.compile(
    r"\b(?:voor|van|over|staat|heeft|zit|is|bij)\s+(?P<nr>[1-9]\d{3})\b(?!\s?(?:[.,:/-]\s?\d|uur|u\b|euro|eur\b|%|"
    r"leerlingen|kinderen|kids|lln|km|meter|m2|keer|inwoners|mensen|gezinnen|woningen|(?-i:[A-Z]{2})\b))", re.IGNORECASE)
_PUPIL_MATTER = re.compile(r"\b(?:arrangement\w*|ot|opp|tlv|mdo|verslag\w*|dossier\w*|wachtlijst\w*|aanmelding\w*|"
                           r"verwijzing\w*|onderzoek\w*|toetsing|overdracht|groeidocument\w*|handelingsplan\w*|"
                           r"verzuim\w*|ziekmelding\w*|leerplicht\w*|so|sbo)\b", re.IGNORECASE)
"""'arrangement voor 8814', 'ot verslag van 9027', 'staat 9911 op de wachtlijst': a four-digit
number that a pupil's file is about (not a year, a count or a postcode)."""
_GROUPED_NUMBER = re.compile(r"(?<![\w.,/€#-])#?\s?(?P<nr>(?!14[ ._]0)\d{2,3}[ ._]\d{3})(?!\d|[.,:]\d|\s\d)")
"""A five- or six-digit number typed in two groups ("19 644", "20.345", "#31.420", "21_447"): in a
message about a pupil that is a leerlingnummer, unless it counts something (:func:`_counted`) or is
a gemeente's 14 + area code number ("14 070")."""
_NUMBER_SUBJECT = re.compile(r"^\W*(?:signaal\W+)?#?\s?(?P<nr>\d{4})\s+(?:is|zit|heeft|wordt|komt|gaat|was|had|moet|mag|"
                             r"kan|zat|werd|kwam|ging)\b", re.IGNORECASE)
"""A four-digit number that opens the message as its subject ("4471 zit al 3 weken thuis"): a pupil
referred to by number; not a year ("2026 is het jaar …")."""
_FILE_CODE = re.compile(
    r"(?<![\w/.-])(?P<nr>(?:[A-Za-z]{2,4}-){1,2}\d{2,6}(?:[-/]\d{2,6}){0,2}(?:/[A-Za-z])?|(?:19|20)\d\d/[A-Za-z]{2,4}/\d{3,6}"
    r"|[A-Za-z]{2,4}/[A-Za-z]{2,4}/\d{2,6}(?:-\d{2,6})?"
    r"|[A-Za-z]-\d{5,8}|(?:19|20)\d\d-0\d{3,5})"
    r"(?![\w/-])")
"""A pupil's file by its code: letters, then numbers, joined by dashes ("LL-30582", "SWV-2025-0418",
"OZA-24-017", "2025/LP/00417", "S-220187", "2025-0093", "ES-4482/b", "SWV/LR/26-0442"); not a norm or a law by its year ("NEN-7510", "WPO-2024")."""
_NOT_A_FILE = frozenset("iso nen en cao wmo wpo wvo kvk isbn btw covid wet art bijv nr tel fax gr".split())
_BSN_LABEL = re.compile(r"\b(?:bsn|burgerservicenummer|sofinummer|sofi-?nummer)\W{1,3}(?:is\s)?(?P<nr>\d[\d .-]{6,11}\d)(?!\d)",
                        re.IGNORECASE)
"""A number after its BSN label, however it is split ("burgerservicenummer 8812.3546")."""
_DASHED_DIGITS = re.compile(r"(?<![\w-])(?P<nr>\d(?:-\d){4,8})(?![\w-])")
"""A number typed digit by digit with dashes ("2-0-5-5-8")."""
_TENS = r"(?:\w+[eë]n)?(?:twin|der|veer|vijf|zes|zeven|tach|negen)tig"
_NUMBER_WORD = rf"(?:{_DIGIT_WORD}|{_TENS}|tien|elf|twaalf|(?:der|veer|vijf|zes|zeven|acht|negen)tien)"
_SPELLED_RUN = re.compile(rf"\b(?P<nr>(?:{_DIGIT_WORD}|{_TENS})(?:[\s,-]{{1,2}}{_NUMBER_WORD}){{3,8}})\b", re.IGNORECASE)
"""Four or more digits read out ("twee nul negen een vier", "eenentwintig nul vijf acht"); a run
that names "nul" or starts with a tens word, so counting ("een twee drie vier") is none."""
_STREET_SPOKEN = re.compile(
    rf"(?<![A-Za-zÀ-ÿ'-])(?P<street>[A-Za-zÀ-ÿ'-]{{2,}}(?:{_STREET_SUFFIX}))\s+(?:nummer\s+)?"
    rf"(?P<nr>\w*honderd\w*|(?!een\b|één\b){_NUMBER_WORD}(?:[\s-]{_NUMBER_WORD})?)\b", re.IGNORECASE)
"""A house number read out ("adres is zuiderparklaan tweehonderdzes"); only after an address word."""
_NUMBER_ON_STREET = re.compile(
    rf"\b(?:nummer|nr\.?|huisnummer)\s?(?P<nr>\d{{1,4}}[a-z]?)\s(?:op|aan|in)\s(?:de|het)\s"
    rf"(?P<street>[A-Za-zÀ-ÿ'-]{{2,}}(?:{_STREET_SUFFIX}))\b", re.IGNORECASE)
"""The house number first ("het is nummer 15 op de weimarstraat")."""
_STREET_THEN_NUMBER = re.compile(
    rf"(?<![A-Za-zÀ-ÿ'-])(?P<street>[A-Za-zÀ-ÿ'-]{{2,}}(?:{_STREET_SUFFIX})),?\s"
    rf"(?:nummer|nr\.?|huisnummer|ligplaats)\s?(?P<nr>\d{{1,4}}[a-z]?)\b", re.IGNORECASE)
"""The house number after a comma ("op de weimarstraat, nummer 112", "aan de Trekweg, ligplaats 8")."""
_READ_OUT = re.compile(rf"\bnul\b|^{_TENS}\b", re.IGNORECASE)
_THOUSANDS_IN_WORDS = re.compile(r"\b(?P<nr>\w+duizend\s\w*honderd\w*)\b", re.IGNORECASE)
"""A number of thousands read out ("twintigduizend negenhonderddrie")."""
_COUNTED_AFTER = re.compile(
    r"^\s?(?:leerlingen|kinderen|kids|inwoners|mensen|gezinnen|huishoudens|scholen|jongeren|deelnemers|"
    r"bezoekers|woningen|euro|eur\b|km|kilometer|meter|m2|uur|minuten|keer|stappen|stuks|exemplaren|boeken|"
    r"procent|%|per\b|in totaal|totaal)", re.IGNORECASE)
_COUNTED_BEFORE = re.compile(r"(?:ruim|bijna|circa|ca\.?|ongeveer|zo ?n|zon|meer dan|minder dan|totaal|"
                             r"€|eur|euro)\s?$", re.IGNORECASE)


def _counted(text: str, start: int, end: int) -> bool:
    """The number counts or costs something ("21.500 leerlingen", "ruim 12 000", "€ 20.345")."""
    return bool(_COUNTED_AFTER.match(text[end:end + 25]) or _COUNTED_BEFORE.search(text[max(0, start - 12):start]))


_NINE_GROUPED = re.compile(r"(?<![\d.-])\d{3,4}[-.]\d{2,3}[-.]\d{3}(?!\d)|(?<![\d.-])\d{2}(?:[-.]\d{2}){2}[-.]\d{3}(?!\d)")
"""A BSN or onderwijsnummer typed in groups ("666-644-263", "429.781.775", "10-81-39-755")."""
_YEARISH = re.compile(r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?|0[89]00\D?\d*|11[23]")


_GENERIC_NUMBER_WORD = re.compile(r"(?:nr|nummer|casus|zaak|duo|leerling(?:en)?\b(?!\s?(?:nummer|nr)))|\d", re.IGNORECASE)
"""'nr', 'nummer' or 'leerling' alone before a number, or no word at all: a year or a school year
after them is no pupil's number ('leerlingnummer 2021/56' is)."""


def _year_or_service(value: str) -> bool:
    """A year, a school year ("2025-2026") or a service number after 'nummer': no pupil's number."""
    return bool(_YEARISH.fullmatch(value))


def _service_number(digits: str) -> bool:
    # 088: the company numbers the ACM gives only to organisations (GGD, Luisterlijn), no person's line
    return digits.startswith(("0800", "0900", "0906", "0909", "088", "31800", "31900")) or len(digits) <= 4 or (
        len(digits) == 11 and digits.startswith("3188")) or bool(
        re.fullmatch(r"140\d{2,3}", digits))  # a gemeente's 14 + area code line ("14070", "140182")


_OTHER_LABEL = re.compile(
    r"\b(?:ticket|melding|storing|bestel|factuur|order|artikel|offerte|bon|pakket|zending|track|kassa|budget|bedrag|"
    r"kosten|subsidie|prijs|kamerstuk|kamerbrief|motie|wetsvoorstel|staatsblad|stcrt)\w*\s?(?:nummer|nr|no)?\.?\s?(?:is\s|van\s|[:#]\s?)?(?:€\s?)?$|€\s?$"
    r"|\bBWBR$",  # a law's number in wetten.overheid.nl ("BWBR0034925")
    re.IGNORECASE)
_MONEY_AFTER = re.compile(r"^\s?(?:euro|eur\b|,-|,\d{2}\b|per\s(?:jaar|maand|week|uur|dag|kind|leerling|ll))",
                          re.IGNORECASE)


def _other_number(text: str, start: int, end: int) -> bool:
    """A ticket, order or invoice number, or an amount of money ("ticket 48213", "bestelnummer
    556102", "18000 per jaar", "€ 25000"), or the rest of a service or organisation number typed
    apart from its prefix ("088 - 355 01 00"): no pupil's number."""
    return bool(_OTHER_LABEL.search(text, max(0, start - 30), start) or _MONEY_AFTER.match(text[end:end + 20])
                or _SERVICE_PREFIX.search(text, max(0, start - 10), start))


_SERVICE_PREFIX = re.compile(r"(?<!\d)(?:0800|0900|0906|0909|088)\s?[-.]?\s?$")


_ORGANISATION_BEFORE = re.compile(
    r"\b(?:nummer\s+van\s+(?:onze|de|het|ons)\s+(?:school|swv|kantoor|gemeente)|algemene?\s+nummer|"
    r"(?:onderwijsconsulent|consulent|loket|servicedesk|helpdesk|receptie|balie|secretariaat|administratie|"
    r"kantoor|centrale)\w*)\b", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"\b(?:moeder|vader|ouders?|oma|opa|tante|oom|voogd|pleeg\w*|privé|prive|mobiel|06)\b",
                            re.IGNORECASE)


def _organisation_mailbox(text: str, match: re.Match[str]) -> bool:
    """'aanmelden@swv.nl': a function mailbox, unless a parent is named just before it."""
    return bool(_FUNCTION_MAILBOX.match(match.group(0))) and not _PERSON_BEFORE.search(
        text, max(0, match.start() - 30), match.start())


def _organisation_phone(text: str, start: int) -> bool:
    """'het algemene nummer van onze school is 070 …', 'de onderwijsconsulenten bellen, 070 …':
    an organisation's number (never when a parent or a private line is named before it)."""
    before = text[max(0, start - 60):start]
    named = [m.end() for m in _ORGANISATION_BEFORE.finditer(before)]
    return bool(named) and not _PERSON_BEFORE.search(before, named[-1])


def _looks_like_time(raw: str) -> bool:
    """'8.45-15.00', '08:30 - 12:00': times, not a phone number."""
    return bool(re.fullmatch(r"\s*\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\s*", raw))


def _number_kind(digits: str) -> str:
    if len(digits) in (8, 9) and bsn.is_valid(digits.zfill(9)):
        return "bsn"
    if len(digits) == 9 and onderwijsnummer.is_valid(digits):
        return "onderwijsnummer"
    return "nummer"


def _is_postcode(match: re.Match[str], place_context: bool) -> bool:
    letters = match.group("letters")
    if not pc6.is_valid(match.group("pc") + letters):
        return False
    if letters.isupper() or not match.group(0)[4:5].isspace():
        return True
    if letters.lower() in _TWO_LETTER_WORDS and match.string[match.end():match.end() + 20].lstrip()[:1].isalnum():
        return False  # "de postcode 2497 in ypenburg": a PC4 and a word, not a full postcode
    if place_context:
        return True
    return letters.lower() not in _TWO_LETTER_WORDS and not (1900 <= int(match.group("pc")) <= 2100)


def _full_year(raw: str | None, year: int) -> int | None:
    if not raw:
        return None
    digits = raw.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    value = int(digits)
    return 2000 + value if 2000 + value <= year + 1 else 1900 + value


def _valid_day(day: str, month: int) -> bool:
    return 1 <= int(day) <= 31 and 1 <= month <= 12


def _month_number(name: str) -> int:
    return next(i for i, prefix in enumerate(("jan", "feb", "m", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                                              "nov", "dec"), start=1)
                if name.lower().startswith(prefix) and not (prefix == "m" and name.lower().startswith("mei")))


def _dates(text: str, year: int, add: Callable[[str, int, int], None]) -> None:
    """Birth dates (see the module docstring): a full date 2–20 years back, or any date next to a
    birth word; dates of this year and later are meeting dates."""
    birth_spans = [m.span() for m in _BIRTH_WORD.finditer(text)
                   if not _PLURAL_CHILDREN.search(text, max(0, m.start() - 30), m.start())]

    def near_birth(start: int, end: int) -> bool:
        return any(abs(start - e) <= 25 or abs(s - end) <= 25 for s, e in birth_spans)

    def birth_year(value: int | None) -> bool:
        return value is not None and year - 20 <= value <= year - 2

    def in_force(start: int) -> bool:
        return bool(_IN_FORCE_BEFORE.search(text, max(0, start - 20), start))

    for match in _DATE_NUMERIC.finditer(text):
        full = _full_year(match.group("y"), year)
        if _valid_day(match.group("d"), int(match.group("m"))) and (
                (birth_year(full) and not in_force(match.start())) or near_birth(*match.span())):
            add("geboortedatum", *match.span())
    for match in _DATE_COMPACT.finditer(text):
        full = _full_year(match.group("y"), year)
        if _valid_day(match.group("d"), int(match.group("m"))) and (
                (birth_year(full) and not in_force(match.start())) or near_birth(*match.span())):
            add("geboortedatum", *match.span())
    for match in _DATE_WORDS.finditer(text):
        full = _full_year(match.group("y"), year)
        if 1 <= int(match.group("d")) <= 31 and (
                (birth_year(full) and not in_force(match.start())) or near_birth(*match.span())):
            add("geboortedatum", *match.span())
    for match in _BORN_ON.finditer(text):
        if year - 100 <= int(match.group("y")) <= year - 2:
            add("geboortedatum", match.start("date"), match.end("date"))
    for match in _MONTH_YEAR.finditer(text):
        full = _full_year(match.group("y"), year)
        if birth_year(full) and (near_birth(*match.span()) or ((full or 0) <= year - 3 and not in_force(match.start()))):
            add("geboortedatum", *match.span())
    for match in _DAY_MONTH.finditer(text):
        if _valid_day(match.group("d"), int(match.group("m"))) and near_birth(*match.span()):
            add("geboortedatum", *match.span())
    for match in _DATE_ISO.finditer(text):
        if _valid_day(match.group("d"), int(match.group("m"))) and (birth_year(int(match.group("y")))
                                                                    or near_birth(*match.span())):
            add("geboortedatum", *match.span())
    for match in _MONTH_YEAR_NUMERIC.finditer(text):
        if 1 <= int(match.group("m")) <= 12 and birth_year(int(match.group("y"))) and near_birth(*match.span()):
            add("geboortedatum", *match.span())
    for match in _YEAR.finditer(text):
        if birth_year(int(match.group(0))) and near_birth(*match.span()):
            add("geboortedatum", *match.span())
    for match in _DATE_SPOKEN.finditer(text):
        if match.group("y") or near_birth(*match.span()):
            add("geboortedatum", *match.span())
    for pattern in (_MONTH_DAY, _DATE_SPACED):
        for match in pattern.finditer(text):
            if near_birth(*match.span()):
                add("geboortedatum", *match.span())


# ───────────── names ─────────────


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    folded: str
    sentence_start: bool


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        before = text[max(0, match.start() - 40):match.start()].rstrip()
        start = not before or before[-1] in ".!?:;\n-•*>\"'," or before.lower().endswith(("signaal", "hoi", "hallo"))
        tokens.append(_Token(match.group(0), match.start(), match.end(), _stem(fold(match.group(0))), start))
    return tokens


def _stem(word: str) -> str:
    """Without a possessive: "polina's" → "polina"; "xaviers" is left for :func:`_possessive`."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _capitalised(token: _Token) -> bool:
    """Written with a capital and then lower case ("Sara"; "SARA" and "SMW" are not: all capitals
    say nothing about names)."""
    return token.text[:1].isupper() and not token.text.isupper()


def _common(word: str, typos: bool = True) -> bool:
    """An ordinary Dutch word: one of the most frequent ~29,000 words of wordfreq's Dutch list, a
    compound of two of them ("ooievaarspas", "angstklachten"), a hyphenated word with an ordinary
    part ("Cito-week"), or (with ``typos``) a typo of one that is long enough to tell ("kindderen",
    "gebroen")."""
    common = vocabulary().common
    if word in common:
        return True
    if "-" in word:
        return any(part in common or part in _FUNCTION_WORDS for part in word.split("-") if part)
    if len(word) >= 7 and _compound(word, common):
        return True
    if _inflected(word, common):
        return True
    return typos and len(word) >= 6 and any(variant in common for variant in _one_edit(word))


def _inflected(word: str, common: frozenset[str]) -> bool:
    """A form of an ordinary word that the frequency list lacks: a verb with -t ("spijbelt" from
    "spijbelen"), a noun in -ingen/-ing from a verb ("schorsingen" from "schorsen"), a plural."""
    if len(word) < 6:
        return False
    stems = [word[:-1] + "en", word[:-1] + word[-2] + "en"] if word.endswith("t") else []
    if word.endswith("ingen"):
        stems.append(word[:-5] + "en")
    elif word.endswith("ing"):
        stems.append(word[:-3] + "en")
    if word.endswith("en"):
        stems.append(word[:-2])
    elif word.endswith("s"):
        stems.append(word[:-1])
    adjective = re.search(r"(?:ig|ige|lijk|lijke|baar|bare)$", word)
    if adjective:  # "leerplichtig" from "leerplicht"
        stem = word[:adjective.start()]
        return stem in common or (len(stem) >= 7 and _compound(stem, common))
    return any(stem in common for stem in stems)


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _compound(word: str, common: frozenset[str]) -> bool:
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if right in common and (left in common or (left[-1:] == "s" and left[:-1] in common)
                                or (left[-2:] == "en" and left[:-2] in common)):
            return True
    return False


def _one_edit(word: str) -> Iterator[str]:
    """Words one typo away: a letter too many, too few, swapped or wrong ("leerkingen", "falangst")."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]
        for letter in _ALPHABET:
            yield word[:i] + letter + word[i + 1:]
    for i in range(len(word) + 1):
        for letter in _ALPHABET:
            yield word[:i] + letter + word[i:]
    for i in range(len(word) - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _names(text: str, allowed: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Spans of names (see the module docstring), a first name joined with the surname after it."""
    words = lexicon()
    tokens = _tokens(text)
    folded = fold(text)
    title_words = {word for title in _TITLES if title in folded for word in re.findall(r"[a-z]+", title)}
    for match in _INITIALS.finditer(text):
        if not re.fullmatch(r"[A-Z]\.?", match.group(0).strip()) and not set(re.findall(r"[a-z]+", fold(match.group(0)))) <= title_words \
                and not (" " not in match.group(0).strip() and fold(match.group(0)).replace(".", "") in _ABBREVIATIONS):
            yield match.start(), match.end()
    for match in _LOWER_INITIALS.finditer(text):
        if fold(match.group(0)).replace(" ", "").replace(".", "") not in _ABBREVIATIONS:
            yield match.start(), match.end()
    for match in _PUPIL_LETTER.finditer(text):
        group = "letters" if match.group("letters") else "lower"
        if fold(match.group(group)).rstrip(".") not in _ABBREVIATIONS:
            yield match.start(group), match.end(group)
    i = 0
    while i < len(tokens):
        if tokens[i].folded in title_words or _public_figure(tokens, i) or not _is_name(
                tokens, i, text, words, allowed):
            i += 1
            continue
        end = tokens[i].end
        j = i + 1
        while j < len(tokens) and _continues_name(tokens, j, text, words, allowed):
            end = tokens[j].end + (1 if _initial(tokens[j], text) else 0)
            j += 1
        if not _named_after(tokens, j - 1, text):
            yield tokens[i].start, end
        i = j
    # after the names above, so "Noah de V." is found whole rather than its "V." alone
    for match in _LONE_INITIAL.finditer(text):
        yield match.start(), match.end()
    for match in _TITLED_INITIAL.finditer(text):
        yield match.start(), match.end()
    for match in _SPELLED_LETTERS.finditer(text):
        word = fold(match.group(0).replace("-", ""))
        if word in words.first_names or not _common(word):
            yield match.start(), match.end()


def _named_after(tokens: list[_Token], last: int, text: str) -> bool:
    """'Paul Krugerlaan', 'Winston Churchilllaan': the name is part of a street named after a
    person (the street without a house number is no personal data); 'Abena: Heeswijkplein' is not."""
    if _capitalised(tokens[last]) and _STREET_NAMED_AFTER.search(tokens[last].folded):
        return True
    if last + 1 >= len(tokens):
        return False
    following = tokens[last + 1]
    return (text[tokens[last].end:following.start] == " " and _capitalised(following)
            and bool(_STREET_NAMED_AFTER.search(following.folded)))


_STREET_NAMED_AFTER = re.compile(r"\w{3}(?:straat|laan|weg|plein|kade|gracht|singel|dreef|steeg|markt|boulevard|plantsoen)$")


_ADDRESSED = frozenset("u je jij jullie".split())
_PERSON_STATES = frozenset("""
    gepest geslagen geschopt geschorst opgehaald ziek druk boos verdrietig stil bang moe afwezig agressief brutaal
    onrustig teruggetrokken angstig eenzaam somber weggelopen verhuisd zwanger jarig overleden
""".split())
"""What is said of a person after 'is' or 'wordt' ("bo is weer niet opgehaald")."""
_CALENDAR = re.compile(rf"(?:{_MONTHS})|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|kerst|pasen|"
                       r"pinksteren|sint")


def _english_nearby(tokens: list[_Token], i: int) -> bool:
    """An English word that is no Dutch word stands within two words ("just saying", "a lot of")."""
    english, dutch = vocabulary().english, vocabulary().common
    return any(t.folded in english and (t.folded not in dutch or t.folded in _ENGLISH_SMALL)
               for t in tokens[max(0, i - 2):i] + tokens[i + 1:i + 3])


_ENGLISH_SMALL = frozenset("i a as the of to so you we it my".split())
"""English words that are Dutch words too but, next to an English word, mark English ("as I said")."""


def _followed_on_line(tokens: list[_Token], i: int, text: str) -> bool:
    """A word follows on the same line ("dat Mees zonder tlv"), not a line's or a text's end
    ("kinderen dragen Nike")."""
    return i + 1 < len(tokens) and "\n" not in text[tokens[i].end:tokens[i + 1].start]


def _capital_nearby(tokens: list[_Token], i: int) -> bool:
    """Another capitalised word right before or after, or before 'en'/'of' ("Stichting Jarige Job",
    "Beer en Vos"): a title or a name of a thing, where one capital says nothing."""
    near = [tokens[i - 1]] if i > 0 and not tokens[i - 1].sentence_start else []
    if i > 1 and tokens[i - 1].folded in ("en", "of"):
        near.append(tokens[i - 2])
    if i + 1 < len(tokens):
        near.append(tokens[i + 1])
    return any(_capitalised(t) for t in near)


def _title_case(tokens: list[_Token]) -> bool:
    """Most words start with a capital ("Het Gaat Om Een Leerling"): capitals say nothing here."""
    return sum(1 for token in tokens if _capitalised(token)) * 2 > len(tokens)


def _before_full_surname(tokens: list[_Token], i: int, text: str) -> bool:
    """A surname with its interfix follows ("Fleur ten Brink", "roos van dijk"): the interfix and
    then a capitalised word or a known surname."""
    if i + 2 >= len(tokens) or tokens[i + 1].folded not in _SURNAME_PREFIX or text[tokens[i].end:tokens[i + 1].start] != " ":
        return False
    j = i + 2 if tokens[i + 2].folded not in _SURNAME_PREFIX or i + 3 >= len(tokens) else i + 3
    after = tokens[j]
    if _STREETISH.search(after.folded) or _ORG_SUFFIX.search(after.folded):
        return False  # "Jan van der Heijdenstraat", "Johan de Wittschool": named after a person
    return (_capitalised(after) and not _capitalised(tokens[i + 1])) or (
        after.folded in lexicon().surnames and after.folded not in lexicon().surname_words)


_SURNAME_PREFIX = _INTERFIX - frozenset("te op in 't het".split())
"""The interfixes that open a surname after a first name ("Fleur ten Brink"), not "Sophia in Rotterdam"."""


def _leads_sentence_alone(tokens: list[_Token], i: int) -> bool:
    """A surname as the first word, followed by words in lower case ("Kowalczyk belde over …"):
    a person put in front, not the first word of an organisation's or a place's name."""
    return i + 1 < len(tokens) and not _capitalised(tokens[i + 1]) and tokens[i + 1].folded not in _ARTICLES


def _initial(token: _Token, text: str) -> bool:
    """A capital with a full stop ("V." in "Noah de V.")."""
    return len(token.text) == 1 and token.text.isupper() and text[token.end:token.end + 1] == "."


_PUBLIC_TITLE = frozenset("prinses prins koning koningin keizer mr mister sint heilige president minister".split())
_ROYAL = frozenset("prinses koning koningin".split())
"""Titles that name a public figure also typed in lower case ("koning willem-alexander")."""


def _public_figure(tokens: list[_Token], i: int) -> bool:
    """A capitalised word after the title of a public figure ("Prinses Amalia", "Mr. Beast"): no
    child of the school."""
    return i > 0 and tokens[i - 1].folded in _PUBLIC_TITLE and (
        _capitalised(tokens[i - 1]) or tokens[i - 1].folded in _ROYAL)


def _is_name(tokens: list[_Token], i: int, text: str, words: Lexicon, allowed: frozenset[str]) -> bool:
    token = tokens[i]
    word = token.folded
    if word in _FUNCTION_WORDS or len(word) < 2 or word.isdigit() or _NUMBER_LABEL.search(word):
        return False
    if token.sentence_start and i + 1 < len(tokens) and tokens[i + 1].folded in _ADDRESSED:
        return False  # "Wilt u zich afmelden", "Kun je even kijken": a verb asking, not a name
    if word in _SCHOOL_TERMS and not _capitalised(token):
        return False  # "ot 3-2 gaat niet door": the ondersteuningsteam, not a child called Ot
    after, before = text[token.end:token.end + 40], text[max(0, token.start - 40):token.start]
    if _APOSTROPHE_NAME.fullmatch(token.text):
        return True  # "D'Shawn", "O'Neil": a capital after the apostrophe
    if word in words.first_names and word not in _PERSON_VERBS and _named_as_pupil(tokens, i, text):
        return True
    bare = not (i > 0 and (tokens[i - 1].folded in _ARTICLES or tokens[i - 1].folded in _TIME_BEFORE))
    if (word in words.first_names or _MONTH_WORD.fullmatch(word)) and _PUPIL_SLOT_AFTER.match(after) and bare:
        return True  # "april (gr 6)", "zomer (3 jr, peutergroep)", "bo van groep twee": a child called so
    if not bare and (_MONTH_WORD.fullmatch(word) or word in _SEASONS):
        return False  # "in de zomer (groep 8)", "na mei": a time of year
    after_surname = _PARTICLE_SURNAME.match(after)
    if word in words.first_names and after_surname and fold(after_surname.group(1)) in words.surnames and bare and not (
            i > 0 and tokens[i - 1].folded in _SUBJECT_BEFORE_VERB):
        return True  # "storm de jong", "mees van der ploeg": a first name with its surname (not "wie kent de regeling")
    if (not _capitalised(token) and word in vocabulary().common and word not in words.first_names
            and word not in words.surnames):
        return False  # an ordinary word in lower case is no name, whatever stands around it

    if _TITLE_BEFORE.search(before):
        return True
    if word in _NUMBER_ABBREVIATIONS and re.match(r"\.?\s?\d", after):
        return False  # "Max. 28 kinderen", "min. 3 keer"
    if _READS_TITLE.search(before):
        return False  # "groep 5 leest De Gorgels": a book's title
    strong = bool(_CONTEXT_AFTER.match(after) or _CONTEXT_BEFORE.search(before))
    if _AGE_AFTER.match(after) and (word in words.first_names or not _common(word)):
        return True  # "Sham 10 is net aangemeld"
    if _ARABIC_SURNAME.fullmatch(word) and not _common(word.split("-", 1)[1]):
        return True  # "al-tamimi", "El-Amrani"
    known = word in words.first_names or word in words.surnames
    if not strong and ((_acronym(token, text) and not known) or _role_or_demonym(token)):
        return False  # "HGW", "TOS" in a sentence in lower case; "SMW'er"; "Kaapverdische ouders"
    if strong and word in words.not_names and word not in words.first_names and not _capitalised(token):
        return False
    if strong and word in words.not_names and word not in words.first_names and _CONTEXT_BEFORE.search(before) and (
            _TOPIC_BEFORE.search(before)):
        return False  # "tips over Cardea": an organisation, not a child
    first = word in words.first_names or _possessive(word, words, tokens, i) or (
        "-" in word and all(part in words.first_names for part in word.split("-")))  # "Bo-Anne"
    surname = word in words.surnames and word not in words.surname_words
    if word in allowed and not strong:
        return False
    if not strong and token.text.islower() and word in vocabulary().english and (
            word not in words.first_names or _english_nearby(tokens, i)):
        return False  # "just saying", "as I said": English typed among Dutch (not "lot wordt gepest")
    if strong and _after_article(tokens, i) and not (first or surname):
        return False  # "de doorstroomtoets in groep 8": a thing of the group, not a child
    if strong and word in words.surnames and i > 0 and tokens[i - 1].folded in _INTERFIX:
        return True  # "de gebroeders van dijk": a surname that is also a word, after its interfix
    if strong:
        return first or surname or not _common(word) or (_capitalised(token) and (
            "-" not in word or (i > 0 and tokens[i - 1].folded in _INTERFIX)))  # "ten Brink-Ouwehand"
    if first and _before_full_surname(tokens, i, text):
        return True  # "Fleur ten Brink", "roos van dijk": a first name with a surname after it
    if first and _capitalised(token) and word in words.not_names and not token.sentence_start and not (
            _after_article(tokens, i) or _title_case(tokens) or _CALENDAR.fullmatch(word)
            or _proper_noun_group(tokens, i, words) or _capital_nearby(tokens, i) or not _followed_on_line(tokens, i, text)
            or re.search(r"\b(?:uit|naar|in|via|tijdens|rond)\s+$", before, re.IGNORECASE)):
        return True  # "klopt het dat Mees zonder tlv …": a capital in mid-sentence makes "mees" a name
    if _GROUP_AFTER.match(after) and not _after_article(tokens, i):
        return (first and (word not in words.not_names or _capitalised(token))) or surname or not _common(word)
    if first and len(word) <= 2 and token.text[:1].isupper() and token.text[1:].islower():
        return True
    if first and _FROM_PLACE.search(before) and not _in_person_position(tokens, i):
        return False  # "ouders uit Asmara", "tijdens Diwali": a place or an event with a name's spelling
    if first and word not in words.not_names and not _after_article(tokens, i):
        if len(word) <= 2:
            return (_capitalised(token) and not token.text.isupper()) or _subject(tokens, i) or _before_surname(
                tokens, i, words)
        return True
    if first and _subject(tokens, i, strict=True):
        return True
    if first and i + 2 < len(tokens) and tokens[i + 1].folded in ("haar", "zijn", "zn", "dr") and (
            tokens[i + 2].folded in _FAMILY):
        return True  # "kim haar moeder is opgenomen": the spoken possessive after a first name
    if not first and not surname and _named_last(tokens, i, text, allowed):
        return True  # "het begon met een foto van naisha", "wie doet de intake voor ngozi"
    if word in words.not_names or _common(word) or _STREETISH.search(word):
        return False
    if not first and not surname and len(word) > 7 and _ORG_SUFFIX.search(word):
        return False  # "dr. Schaepmanschool doet mee": a school, not a child
    if _capitalised(token) and _in_person_position(tokens, i):
        return True  # "dat Tsegai zich …", "Quillans stiefvader"
    if _after_article(tokens, i):
        return False
    if _capitalised(token) and not surname and (_proper_noun_group(tokens, i, words) or _ORG_SUFFIX.search(word)):
        return False
    if surname:
        return _capitalised(token) and (not token.sentence_start or _leads_sentence_alone(tokens, i))
    if _capitalised(token):
        return not token.sentence_start and not _PLACE_CUE.search(text[max(0, token.start - 40):token.start]) and (
            not _THING_CUE.search(text[token.end:token.end + 20]))
    return _subject(tokens, i) and len(word) >= 3 and not _ends_in_word(word)


def _ends_in_word(word: str) -> bool:
    """A compound ending in an ordinary word of :data:`MIN_COMPOUND_HEAD` letters or more
    ("loverboyproblematiek", "faalangst"): a thing, not a name."""
    common = vocabulary().common
    return any(word[k:] in common for k in range(3, len(word) - MIN_COMPOUND_HEAD + 1))


_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]?['’][A-Z][a-z]+")
_PUPIL_VERBS = frozenset("heeft is zit komt wil gaat was had zegt doet kan mag moet wordt".split())
_PUPIL_LABEL = frozenset("leerling leerlinge ll nieuwkomer kleuter pupil".split())
_ABOUT_PERSON = re.compile(r"\b(?:thuissituatie|situatie|moeder|vader|ouders|gedrag|dossier|verzuim|aanmelding|broer|zus|"
                           r"zusje|broertje|oma|opa|welzijn|veiligheid|ontwikkeling)\s(?:van|over|voor)\s$", re.IGNORECASE)


def _named_as_pupil(tokens: list[_Token], i: int, text: str) -> bool:
    """A first name where only a child stands: after "leerling" ("nieuwe leerling storm"), between
    "bij" and "thuis" ("bij roos thuis"), or ending the text after what is a person's ("de
    thuissituatie van maan"); also first names that are words ("storm", "roos", "maan")."""
    previous = tokens[i - 1].folded if i > 0 else ""
    following = tokens[i + 1].folded if i + 1 < len(tokens) else ""
    if previous in _PUPIL_LABEL and (not following or text[tokens[i].end:tokens[i + 1].start].strip() in (",", ".", ":")
                                     or following in _PUPIL_VERBS):
        return True
    if previous == "bij" and following == "thuis":
        return True
    return i + 1 == len(tokens) and bool(_ABOUT_PERSON.search(text, 0, tokens[i].start))


_SUBJECT_BEFORE_VERB = frozenset("wie die dat iemand niemand men ik je jij u ze zij hij we wij jullie".split())
"""Before a word that is a first name and a verb ("wie kent de regeling"): the verb of that subject."""

_SCHOOL_TERMS = frozenset("ot mdo opp tlv oza".split())
"""The school's own abbreviations, never a name in lower case (some are first names too)."""
_NUMBER_ABBREVIATIONS = frozenset("max min gem ca tot".split())
_NUMBER_LABEL = re.compile(r"\w(?:nr|nrs|nummer|nummers)$")
"""'bestelnr', 'ordernummer': a label, not a name."""
_READS_TITLE = re.compile(r"\b(?:leest|lezen|lazen|las|voorgelezen|voorlezen)\s+(?:De|Het|Een)\s+$")
_MONTH_WORD = re.compile(r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december")
_PUPIL_SLOT_AFTER = re.compile(
    r"\s?\(\s?(?:(?:groep|gr)\.?\s?\d|\d{1,2}\s?(?:jr|jaar|j)?\.?\s?[,)])"
    r"|\s(?:van|uit|in)\s(?:groep|gr)\.?\s?(?:\d|een|twee|drie|vier|vijf|zes|zeven|acht)\b", re.IGNORECASE)
"""Where a child's name stands: right before their group or age in brackets, or "van groep 2"."""
_PARTICLE_SURNAME = re.compile(r"\s(?:van der|van den|van de|van 't|van|de|der|den|ter|ten|el)\s([^\W\d_]{3,})\b",
                               re.IGNORECASE)
_SEASONS = frozenset("zomer winter lente herfst".split())
_TIME_BEFORE = frozenset("in na voor tot sinds rond begin eind half medio vanaf per deze vorige volgende komende".split())
_AGE_AFTER = re.compile(r"^\s+\d{1,2}\s+(?:is|zit|heeft|komt|gaat|wil|kan|woont)\b", re.IGNORECASE)
_ARABIC_SURNAME = re.compile(r"(?:al|el|abu|ben|bin)-[a-z]{3,}")


_LAST_CUE = re.compile(r"(?:\b(?:van|voor|bij|om)\s+|:\s*|(?:groep|gr\.?|klas)\s*\d[abc]?\s*,\s*)$",
                       re.IGNORECASE)
"""Before the last word of a message, where people add who it is about."""


def _named_last(tokens: list[_Token], i: int, text: str, allowed: frozenset[str]) -> bool:
    """An unknown word that ends the message (or its sentence) right after "van", "voor", "bij",
    "om", a colon, or a group ("gr 7, sékou"): a name added at the end. Not a word of the
    knowledge base or its vocabulary, or one typo away from one ("smw voor ypenbrg", "voor
    anderstaligen"), not English, not an ordinary word."""
    token = tokens[i]
    word = token.folded
    if not 3 <= len(word) <= MAX_NAME_LAST or word.isdigit() or not _SENTENCE_END.match(text[token.end:]) or not _LAST_CUE.search(
            text[max(0, token.start - 30):token.start]):
        return False
    deliberate = not token.text.isascii()  # "bij maëlle": a diacritic is typed on purpose, no typo of "malle"
    if word in allowed or _common(word, typos=not deliberate) or word in vocabulary().english:
        return False
    common = vocabulary().common
    if _ends_in_word(word):
        return False  # "last van faalangst": a compound ending in a word ("angst"), no name
    if deliberate:
        return True
    return not any(variant in allowed or variant in common
                   for typed in {word, word.replace("y", "ij")} for variant in (typed, *_one_edit(typed)))


MIN_COMPOUND_HEAD = 5
"""The shortest last word of a compound that :func:`_named_last` reads as a word, not a name."""


MAX_NAME_LAST = 10
"""Longer unknown words at the end are compounds and typos ("huuiswerkbegeleiding"), not names."""
_SENTENCE_END = re.compile(r"\s*(?:[.!?]+(?:\s|$)|$)")


def _acronym(token: _Token, text: str) -> bool:
    """A word in capitals ("HGW", "JINC") in a text that is not written in capitals: an
    abbreviation or a brand; a name in capitals comes in a text typed in capitals."""
    if not (token.text.isupper() and len(token.text) > 1):
        return False
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.6 * len(letters)


_DEMONYM = re.compile(r"(?:sche|aanse|eense|oonse|iese|ese|ijnse|ynse|aise|ische)$")


def _role_or_demonym(token: _Token) -> bool:
    """"SMW'er", "IB'ers" (a role), "Kaapverdische", "Guineese" (where someone comes from): no name."""
    return "'er" in token.text.lower() or "’er" in token.text.lower() or bool(
        _capitalised(token) and _DEMONYM.search(token.folded) and token.folded not in lexicon().first_names)


_TOPIC_BEFORE = re.compile(r"\b(?:tips|meedenken|ervaring|ervaringen)\s+(?:om|over|voor|met)\s+$", re.IGNORECASE)


def _possessive(word: str, words: Lexicon, tokens: list[_Token], i: int) -> bool:
    """'Xaviers vader', 'PRAKASHs moeder': a first name with a genitive s before a family word."""
    return (word.endswith("s") and word[:-1] in words.first_names and i + 1 < len(tokens)
            and tokens[i + 1].folded in _FAMILY)


def _subject(tokens: list[_Token], i: int, strict: bool = False) -> bool:
    """The word opens a sentence and a verb of a person follows ("boryana is de enige…", "Giandro
    bijt…"): the position of a name. ``strict`` (for words that are also ordinary Dutch, "mei
    heeft adhd"): not with 'is' or 'was', which follow any noun."""
    if not tokens[i].sentence_start or i + 1 >= len(tokens):
        return False
    verb = tokens[i + 1].folded
    if strict and verb in ("is", "was", "wordt", "werd", "zijn"):
        # "lot wordt gepest", "wolf is erg druk": 'is' follows any noun, but not a person's state
        return any(token.folded in _PERSON_STATES for token in tokens[i + 2:i + 6])
    return verb in _PERSON_VERBS


def _after_article(tokens: list[_Token], i: int) -> bool:
    """'de linde', 'een puck', 'de Ooievaarspas': an article makes it a thing, not a person."""
    return i > 0 and tokens[i - 1].folded in _ARTICLES and tokens[i].start - tokens[i - 1].end <= 2


def _before_surname(tokens: list[_Token], i: int, words: Lexicon) -> bool:
    """'xi hoogervorst': a short first name is a name when a surname follows."""
    return (i + 1 < len(tokens) and tokens[i + 1].folded in words.surnames
            and tokens[i + 1].folded not in words.surname_words)


def _proper_noun_group(tokens: list[_Token], i: int, words: Lexicon) -> bool:
    """'Westfield Mall', 'Holi Phagwa': a capitalised pair of which neither is a known name is the
    name of a thing (a person's full name has a first name or a surname in it)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and _capitalised(tokens[j]) and abs(tokens[j].start - tokens[i].end) <= 2 + len(
                tokens[j].text) + len(tokens[i].text):
            other = tokens[j].folded
            if other not in words.first_names and other not in words.surnames and other not in _INTERFIX:
                return True
    return False


def _continues_name(tokens: list[_Token], j: int, text: str, words: Lexicon, allowed: frozenset[str]) -> bool:
    """The token after a name is part of it: a surname, an interfix followed by one, or a
    capitalised word that is no ordinary word ("Sara Yılmaz", "sara el amrani", "Noah de V.")."""
    token = tokens[j]
    between = text[tokens[j - 1].end:token.start]
    if between.strip() not in ("", ".", "-"):
        return False
    word = token.folded
    if word in _INTERFIX:
        return j + 1 < len(tokens) and (tokens[j + 1].folded in words.surnames or _capitalised(tokens[j + 1])
                                        or _initial(tokens[j + 1], text) or not _common(tokens[j + 1].folded))
    if _initial(token, text):
        return True
    if word in allowed or word in words.not_names or word in _FUNCTION_WORDS:
        return False
    if word in words.surnames and word not in words.surname_words:
        return True
    return (_capitalised(token) or len(word) == 1) and not _common(word)


# ───────────── one child without a name ─────────────


def _single_child(text: str, allowed_words: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """One child singled out: one child (the only one, or one child with a trait), a group or a
    school (also one the knowledge base names), and a health, body or family trait; "die ene
    kleuter" at a named school or group is one child without a trait; not when the text is about
    children in general ("het gezin met 9 kinderen" is one family)."""
    if _PLURAL_CHILDREN.search(_ONE_OF.sub(" ", _ONE_FAMILY.sub(" ", text))):
        return None
    unit = bool(_GROUP.search(text) or _one_school(text) or _named_school(text, allowed_words))
    distinct = next((m for m in _DISTINCT.finditer(text) if not _titled(m.group(0))), None)
    if distinct is not None and unit:
        return distinct.start(), distinct.end()
    child = _SINGLE_CHILD.search(text)
    if child is None:
        return None
    known = _KNOWN_TO_ALL.search(text)
    if known is not None:
        return min(child.start(), known.start()), max(child.end(), known.end())
    only = _ONLY_ONE.search(text)
    if only is not None and unit:
        return only.start(), only.end()
    lower = text.lower()
    unique = "enige" in lower or "die ene" in lower or "dat ene" in lower
    if unique and unit and _THE_ONE.search(text):
        return child.start(), child.end()
    trait = _TRAIT.search(text)
    if trait is None or not (unique or unit):
        return None
    return min(child.start(), trait.start()), max(child.end(), trait.end())


def _one_school(text: str) -> bool:
    """A school word that points at one school ("bij ons op school", "de school"), not any school
    ("naar een reguliere basisschool", "wisselt van school")."""
    return any(not _ANY_SCHOOL_BEFORE.search(text, max(0, m.start() - 25), m.start()) for m in _SCHOOL_WORD.finditer(text))


_ANY_SCHOOL_BEFORE = re.compile(r"\b(?:een|andere?|nieuwe?|reguliere?|speciale?|welke|elke|iedere|van)\s+(?:\w+\s+)?$",
                                re.IGNORECASE)


def _named_school(text: str, allowed_words: frozenset[str]) -> bool:
    return any(SCHOOL_MARK + fold(word) in allowed_words for word in normalize(text).split() if len(word) >= 5)


def one_child(text: str) -> bool:
    """The learned model's opinion: ``text`` describes one child so that people recognise it
    (a group or a school with a trait, a family situation, an event), in words no rule lists.
    ``eval/train_privacy_model.py`` writes ``data/one_child_model.json`` from the tune sets."""
    head = learned.load("one_child", ("one_child",))["one_child"]
    return head.says_yes(learned.features(normalize(capped(text))))


_ANY_CHILD = re.compile(r"\b(?:jongens? of (?:een )?meisjes?|meisjes? of (?:een )?jongens?|maakt niet uit|"
                        r"welk kind (?:dan )?ook|geen specifiek\w* (?:kind|leerling))\b", re.IGNORECASE)
"""No child in particular ("jongen of meisje, maakt niet uit"): the model's word alone is not enough."""
_CLAUSE_END = re.compile(r"[.,;:!?()\n]")


def _described_child(text: str) -> tuple[int, int]:
    """What to quote back for a child the model heard: the clause that names the child
    ("de jongen in de rolstoel bij ons in groep 6"), at most about ten words."""
    child = _SINGLE_CHILD.search(text)
    start = child.start() if child else len(text) - len(text.lstrip(" \"'-"))
    end = next((m.start() for m in _CLAUSE_END.finditer(text, (child.end() if child else start) + 1)), len(text))
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > 10:
        end = start + words[9].end()
    return start, max(end, start + 1)


def _mixed_case(name: str) -> bool:
    """'xXnoahXx', 'dEmOn': a gamer tag typed in mixed case, not a brand ('iPad', 'TikTok')."""
    return len(name) >= 5 and name[:1].islower() and sum(ch.isupper() for ch in name) >= 2


_GROUP_MENTIONS = frozenset("iedereen allen allemaal team collega's collegas channel here all everyone wijkwijzer".split())
"""'@iedereen het ot gaat niet door': a chat's mention of everyone, no one's handle; '@Wijkwijzer': this bot."""


def _organisation_handle(handle: str, allowed: frozenset[str]) -> bool:
    """'@GGDHaaglanden': an account that carries one of the knowledge base's own names (six
    letters or more) is the organisation's, not a child's; '@iedereen' is everyone in the chat."""
    body = fold(handle.lstrip("@").split("#")[0])
    if body in _GROUP_MENTIONS:
        return True
    if re.search(r"\d{2,}$", body):
        return False  # "@mo_laakkwartier14": a name and a number, a person's
    return any(len(word) >= 6 and word in body for word in allowed)


def _titled(phrase: str) -> bool:
    """'het Meisje met de parel': a child noun with a capital after the article is a title."""
    words = phrase.split()
    return len(words) > 1 and words[1][:1].isupper()


_SCHOOL_WORD = re.compile(r"\b(?:school|ikc|obs|cbs|kindcentrum|basisschool)\b|\bbij ons op\b", re.IGNORECASE)


# ───────────── unknown capitalised words: a person, a place or a thing ─────────────

_PLACE_CUE = re.compile(r"\b(?:uit|in|naar|via|op|van|bij|rond|tijdens|voor|met|over|tot|de|het|een)\s+"
                        r"(?:[\w'-]+,?\s+(?:en|of|&)\s+|[\w'-]+,\s+)?$", re.IGNORECASE)

"""Before a word that is in no name list, these make it a place, an organisation, an app or an
event ("ouders uit Kyiv", "via Duolingo", "tijdens Lebaran") unless a person's verb follows."""
_FROM_PLACE = re.compile(r"\b(?:uit|via|tijdens|rond|storm|orkaan)\s+(?:[\w'-]+,?\s+(?:en|of|&)\s+|[\w'-]+,\s+)?$",
                         re.IGNORECASE)
_THING_CUE = re.compile(
r"^\s*(?:[-–]\s*)?(?:app|week|feest|dag|alert|methode|boeken|film|serie|spel|game)\b",
                        re.IGNORECASE)


def _in_person_position(tokens: list[_Token], i: int) -> bool:
    """A person's verb or 'zich' follows ("dat Haoran steeds …", "Ekow huilt"), or a family word
    after a possessive ("Omars stiefvader", "Keila's moeder")."""
    if i + 1 >= len(tokens):
        return False
    following = tokens[i + 1].folded
    if following in _FAMILY or following in ("zich", "zichzelf", "hij", "zij", "ze"):
        return True  # a family word, or a pronoun that takes the name up ("naar Thijs, hij valt af")

    return following in _PERSON_VERBS and following not in ("is", "was", "wordt", "werd")
