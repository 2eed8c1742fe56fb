"""Recognise concern for a child's safety, which is never 'just a signal'."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from microsoft_agents.activity import Activity

from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Contact

if TYPE_CHECKING:
    from wijkwijzer.core.services import Profile

_SAFETY = re.compile(
    r"\b(mishandel\w*|kindermishandeling|huiselijk geweld|geweld thuis|slaat|slaan|geslagen|schopt|geschopt"
    r"|blauwe plek\w*|misbruik\w*|seksueel|aanranding|verkracht\w*|verwaarloos\w*|verwaarlozing"
    r"|onveilig thuis|niet veilig thuis|bang (om )?(naar )?huis|durft niet naar huis|eerwraak|eergerelateerd"
    r"|huwelijksdwang|besnijdenis|meldcode|veilig thuis|zelfmoord\w*|suïcid\w*|suicid\w*|wil dood|zelfbeschadig\w*)\b",
    re.IGNORECASE,
)
_ACUTE = re.compile(r"\b(nu|acuut|direct gevaar|meteen|vandaag nog|vanavond)\b", re.IGNORECASE)

SAFETY_MESSAGE = (
    "Dit klinkt als zorg om de veiligheid van een kind. Dat is meer dan een signaal.\n"
    "Bel voor advies of een melding Veilig Thuis: 0800-2000 (gratis, dag en nacht).\n"
    "Is er nu direct gevaar? Bel 112.\n"
    "Ik loop de meldcode met je door."
)


def is_safety_concern(text: str) -> bool:
    return bool(_SAFETY.search(text))


def sounds_acute(text: str) -> bool:
    return is_safety_concern(text) and bool(_ACUTE.search(text))


@dataclass(frozen=True)
class Concern:
    """Concern for a child's safety found in a message: which kinds, and whether danger is acute."""

    kinds: frozenset[str]
    acute: bool = False


def assess(text: str) -> Concern | None:
    if not is_safety_concern(text):
        return None
    return Concern(kinds=frozenset({"algemeen"}), acute=sounds_acute(text))


class SafetyCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "suicide": frozenset({"zelfmoordpreventie"}), "veilig_thuis": frozenset({"veilig_thuis"}),
        "adviseur": frozenset({"naam", "telefoon"}),
    }
    acute: str
    concern: str
    suicide: str
    veilig_thuis: str
    threat: str
    adviseur: str
    meldcode: str
    choices: tuple[str, ...]


SELF_HARM_KINDS = frozenset({"suicide", "self_harm"})


class SafetyReply:
    """The answer to a safety concern, by kind: 112 first when acute, 113 for suicide or
    self-harm, always Veilig Thuis and the meldcode; for a registered user their own adviseur."""

    def __init__(self, copy: SafetyCopy) -> None:
        self.copy = copy

    def __call__(self, concern: Concern, profile: Profile, kb: KnowledgeBase) -> Activity:
        copy = self.copy
        lines = [copy.acute] if concern.acute else []
        lines.append(copy.concern)
        if concern.kinds & SELF_HARM_KINDS:
            lines.append(copy.suicide.format(zelfmoordpreventie=ZELFMOORDPREVENTIE))
        lines.append(copy.veilig_thuis.format(veilig_thuis=VEILIG_THUIS))
        if "threat" in concern.kinds:
            lines.append(copy.threat)
        adviseur = _own_adviseur(kb, profile)
        if adviseur is not None and adviseur.telefoon:
            lines.append(copy.adviseur.format(naam=adviseur.naam, telefoon=adviseur.telefoon))
        lines.append(copy.meldcode)
        return reply("\n".join(lines), list(copy.choices))


VEILIG_THUIS = "0800-2000"
ZELFMOORDPREVENTIE = "0800-0113"


def _own_adviseur(kb: KnowledgeBase, profile: Profile) -> Contact | None:
    if not profile.registered or profile.wijk not in kb.areas:
        return None
    found = query.contacts_for(kb, "adviseur", wijk=profile.wijk or "")
    return found[0] if found else None
