"""Helpers every dialog uses: reading loose answers and handing over to a new question."""

from __future__ import annotations

import re
from collections.abc import Sequence

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult
from rapidfuzz import fuzz, process

from wijkwijzer.core.services import services
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Area
from wijkwijzer.knowledge.text import normalize

REDIRECT = "wijkwijzer.redirect"
"""Dialog result that asks the agent to treat the last message as a new question."""

YES = ("ja", "jawel", "jazeker", "zeker", "klopt", "ja hoor", "ja graag", "yes", "jep", "jup", "ok", "oke", "okay", "goed", "prima", "doe maar", "graag", "opslaan", "ja opslaan", "👍")
NO = ("nee", "neen", "nee hoor", "nope", "niet", "nee dank je", "nee bedankt", "neuh", "no", "liever niet")
DOUBT = ("twijfel", "weet niet", "weet ik niet", "geen idee", "misschien", "ik twijfel", "deels", "beetje")
BACK = ("terug", "vorige", "ga terug", "stap terug", "back")
RESTART = ("opnieuw", "begin opnieuw", "overnieuw", "reset", "vanaf het begin")
STOP = ("stop", "stoppen", "klaar", "annuleer", "annuleren", "laat maar", "cancel", "afbreken", "einde", "sluit af")

CLEAR_QUESTION = 0.75
"""From this confidence a message is a new question, even while a dialog waits for an answer."""

_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")
REDIRECT_INTENTS = (
    "partner_lookup", "expertise_lookup", "route", "glossary", "signal", "signal_report",
    "announce", "register", "subscribe", "unsubscribe", "help",
)


def said(text: str, words: Sequence[str]) -> bool:
    """True when the normalised message is one of ``words`` (optionally with a trailing 'hoor'/'graag')."""
    norm = normalize(text)
    return norm in {normalize(w) for w in words}


def pick_option(text: str, labels: Sequence[str]) -> int | None:
    """The index of the option the user meant: by number, by label, or loosely (ja/nee/twijfel)."""
    if not labels:
        return None
    match = _NUMBER.match(text)
    if match:
        index = int(match.group(1)) - 1
        return index if 0 <= index < len(labels) else None
    norm = normalize(text)
    if not norm:
        return None
    normalized = [normalize(label) for label in labels]
    if norm in normalized:
        return normalized.index(norm)
    for words, prefix in ((YES, "ja"), (NO, "nee"), (DOUBT, "twijfel")):
        if said(text, words) or any(norm.startswith(normalize(w) + " ") for w in words if len(w) > 2):
            hits = [i for i, label in enumerate(normalized) if label.split()[:1] == [prefix] or prefix in label.split()]
            if len(hits) == 1:
                return hits[0]
    best = process.extractOne(norm, normalized, scorer=fuzz.WRatio, score_cutoff=86)
    return best[2] if best else None


def area_by_name(kb: KnowledgeBase, name: str | None, prefer: str = "wijk") -> Area | None:
    """The area a canonical entity value names; an exact wijk wins over a stadsdeel/kern of the same name."""
    if not name:
        return None
    matches = kb.areas_by_name.get(name, ())
    if not matches:
        return None
    order = {"wijk": 0, "stadsdeel": 1, "kern": 1, "gemeente": 2} if prefer == "wijk" else {"gemeente": 0, "stadsdeel": 1, "kern": 1, "wijk": 2}
    return sorted(matches, key=lambda a: order[a.soort])[0]


def wants_something_else(dc: DialogContext, own_intents: Sequence[str] = ()) -> bool:
    """True when the message is clearly a new question rather than an answer to this dialog."""
    understanding = services(dc.context).understanding
    return (
        understanding is not None
        and understanding.intent in REDIRECT_INTENTS
        and understanding.intent not in own_intents
        and understanding.confidence >= CLEAR_QUESTION
    )


async def hand_over(dc: DialogContext) -> DialogTurnResult:
    """End this dialog and let the agent answer the message as a new question."""
    return await dc.end_dialog(REDIRECT)


def numbered(labels: Sequence[str]) -> str:
    return "\n".join(f"{i}. {label}" for i, label in enumerate(labels, start=1))


END_OF_TURN = Dialog.end_of_turn
