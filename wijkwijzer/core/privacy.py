"""Detect personal data about a child in free text, before anything is stored.

Signals must never hold personal data: names, BSN, dates of birth, phone numbers, e-mail
addresses, street addresses. Detection errs on the side of asking the user to rephrase:
a false alarm costs one retyped sentence, a miss puts a child's data in the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from stdnum.nl import bsn

from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.text import normalize

KINDS = {
    "naam": "een naam",
    "bsn": "een BSN",
    "geboortedatum": "een (geboorte)datum",
    "telefoon": "een telefoonnummer",
    "email": "een e-mailadres",
    "adres": "een adres",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_NINE_DIGITS = re.compile(r"(?<!\d)(\d[\d .-]{7,11}\d)(?!\d)")
_DATE = re.compile(
    r"\b(\d{1,2}[-/.]\d{1,2}[-/.](19|20)?\d{2}"
    r"|\d{1,2}\s+(jan(uari)?|feb(ruari)?|maart|mrt|apr(il)?|mei|jun(i)?|jul(i)?|aug(ustus)?|sep(t(ember)?)?|okt(ober)?|nov(ember)?|dec(ember)?)\s+(19|20)\d{2})\b",
    re.IGNORECASE,
)
_BORN = re.compile(r"\bgeb(oren|\.)?\s+(op\s+)?\d", re.IGNORECASE)
_STREET = re.compile(
    r"\b[a-zà-ÿ'-]{3,}(straat|laan|weg|plein|kade|gracht|singel|hof|pad|dreef|park|dijk|steeg|markt|baan|boulevard)\s+\d{1,4}\s?[a-z]?\b",
    re.IGNORECASE,
)
_POSTCODE6 = re.compile(r"\b[1-9]\d{3}\s?[a-zA-Z]{2}\b")
_NAME_CONTEXT = re.compile(
    r"\b(leerling|kind|jongen|meisje|zoon|dochter|broer|zus|zusje|broertje|kleuter)\s+(?P<a>[A-Za-zÀ-ÿ][a-zà-ÿ]{2,})\b"
    r"|\b(?P<b>[A-Za-zÀ-ÿ][a-zà-ÿ]{2,})\s+(uit|van)\s+(groep|klas)\s*\d",
)
_CAPITALISED = re.compile(r"(?<=[a-zà-ÿ0-9,;]\s)([A-ZÀ-Ý][a-zà-ÿ]{2,})\b")

NOT_NAMES = frozenset(
    """
    een de het die dat deze dit veel meer steeds vaak alle sommige enkele twee drie vier vijf
    kinderen leerlingen jongens meisjes iedereen niemand ouders kind leerling jongen meisje klas
    groep school wijk ook wel niet nog al erg heel zeer vooral bijna zo hoe wat wie waar
    angst angstklachten pesten gedrag armoede verzuim zorgen problemen klachten signalen
    sinds vanaf tot met voor na bij naar over onder uit in op aan of en maar want dus toen als
    is was zijn waren heeft hebben had zit zitten komt komen gaat gaan wordt worden kan kunnen wil
    moet mag lijkt blijft voelt doet krijgt zegt vertelt laat thuis vaak soms nu ook hier daar
    """.split()
)
# Capitalised words that are not names: areas, roles and organisations that signals mention.
NOT_NAMES_CAPITALISED = frozenset(
    """
    Ik We Wij Er Het De Een Veel Steeds Sinds In Op Bij Na Voor Vanaf Groep Klas School
    SMW JGZ CJG IB Veilig Thuis Leerplicht Jeugdteam Wijkagent Ouders Kinderen Leerlingen
    Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag
    """.split()
)


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str


def _bsn_findings(text: str) -> list[Finding]:
    found = []
    for match in _NINE_DIGITS.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        if len(digits) in (8, 9) and bsn.is_valid(digits.zfill(9)):
            found.append(Finding("bsn", match.group(1)))
    return found


def _phone_findings(text: str) -> list[Finding]:
    return [
        Finding("telefoon", m.raw_string)
        for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.POSSIBLE)
        if len(re.sub(r"\D", "", m.raw_string)) >= 9
    ]


def _name_findings(text: str, allowed: frozenset[str]) -> list[Finding]:
    found = []
    for match in _NAME_CONTEXT.finditer(text):
        name = match.group("a") or match.group("b")
        if name and name.lower() not in NOT_NAMES and name.lower() not in allowed:
            found.append(Finding("naam", name))
    for match in _CAPITALISED.finditer(text):
        word = match.group(1)
        if word not in NOT_NAMES_CAPITALISED and word.lower() not in NOT_NAMES and word.lower() not in allowed:
            found.append(Finding("naam", word))
    return found


def find_personal_data(text: str, allowed_words: frozenset[str] = frozenset()) -> list[Finding]:
    """Everything in ``text`` that looks like personal data. ``allowed_words`` (lowercase) are
    known non-personal names such as wijken and schools, which may be capitalised."""
    findings = [Finding("email", m.group(0)) for m in _EMAIL.finditer(text)]
    findings += _bsn_findings(text)
    if not findings or all(f.kind != "bsn" for f in findings):
        findings += _phone_findings(text)
    findings += [Finding("geboortedatum", m.group(0)) for m in _DATE.finditer(text)]
    findings += [Finding("geboortedatum", m.group(0)) for m in _BORN.finditer(text)]
    findings += [Finding("adres", m.group(0)) for m in _STREET.finditer(text)]
    findings += [Finding("adres", m.group(0)) for m in _POSTCODE6.finditer(text)]
    findings += _name_findings(text, allowed_words)
    return findings


def describe(findings: list[Finding]) -> str:
    """'een naam en een telefoonnummer' — what was found, in Dutch, without repeating it."""
    present = {f.kind for f in findings}
    kinds = [label for kind, label in KINDS.items() if kind in present]
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " en " + kinds[-1]


@lru_cache(maxsize=2)
def allowed_words(kb: KnowledgeBase) -> frozenset[str]:
    """Capitalised words that are not personal data: areas, schools, roles.

    Built once per knowledge-base snapshot (snapshots are immutable; two are kept so a
    reload does not rebuild it for the old one still finishing its turns).
    """
    words: set[str] = set()
    for area in kb.areas.values():
        for name in (area.naam, *area.aliassen):
            words.update(normalize(name).split())
    for school in kb.schools:
        words.update(normalize(school).split())
    return frozenset(words)
