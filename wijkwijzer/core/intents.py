"""The intents of the ``understand`` contract: one table, everything else derives from it.

An intent names what a message asks for. The understanding (``core.understanding``) says which
intent a message has; a dialog module declares the intents it handles (``dialogs/*.py``:
``ROUTES``); the agent checks at start-up that every intent has exactly one handler.

``interrupts``: a message with this intent is a new request even while a dialog waits for an
answer, provided it is clear (confident, or with content of its own). ``unknown`` never
interrupts: an unclear message is most likely the answer to the pending question.
``examples``: messages the understanding must read as this intent (a test checks each one).
``words``: words or phrases (lower case, whole words) that on their own say this intent. For a
new intent this is all the understanding needs: it derives a cue and a rule from them. The
intents below have richer evidence in ``core.understanding.RULES`` instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Intent:
    name: str
    interrupts: bool
    examples: tuple[str, ...]
    words: tuple[str, ...] = ()


INTENTS: tuple[Intent, ...] = (
    Intent("partner_lookup", True, ("wie is de smw'er voor ypenburg", "leerplicht de vliegerwolk",
                                    "welk jeugdteam als de leerling in rijswijk woont")),
    Intent("expertise_lookup", True, ("welke school in centrum heeft nt2", "school met plusklas in ypenburg")),
    Intent("route", True, ("hoe vraag ik een tlv aan", "thuiszitter, wat nu?", "meldcode")),
    Intent("glossary", True, ("wat is een opp", "wat betekent arrangement")),
    Intent("signal", True, ("signaal: veel angstklachten in groep 8", "ik wil een signaal doorgeven")),
    Intent("signal_report", True, ("overzicht signalen", "hoeveel signalen over armoede")),
    Intent("announce", True, ("aankondiging", "ik wil een bericht sturen naar de ibers")),
    Intent("register", True, ("aanmelden K7P-M3Q-X9T", "aanmelden")),
    Intent("subscribe", True, ("meld me ook aan voor scheveningen", "welke berichten krijg ik?")),
    Intent("unsubscribe", True, ("afmelden scheveningen", "geen berichten meer")),
    Intent("greeting", True, ("hoi", "goedemorgen")),
    Intent("thanks", True, ("bedankt!", "top, dank je")),
    Intent("help", True, ("help", "wat kun je")),
    Intent("cancel", True, ("laat maar", "annuleer")),
    Intent("unknown", False, ("wat is de hoofdstad van frankrijk",)),
)
INTENT_NAMES: tuple[str, ...] = tuple(intent.name for intent in INTENTS)
BY_NAME: Mapping[str, Intent] = MappingProxyType({intent.name: intent for intent in INTENTS})
SOCIAL: frozenset[str] = frozenset({"greeting", "thanks", "help", "cancel"})
"""Short social messages: never an answer to a pending question, and they carry no entities."""
