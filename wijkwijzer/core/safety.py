"""Recognise concern for a child's safety, which is never 'just a signal'."""

from __future__ import annotations

import re

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
