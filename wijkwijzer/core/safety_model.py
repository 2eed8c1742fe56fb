"""The learned second opinion on safety concern (see :mod:`wijkwijzer.core.learned`).

Three heads: ``concern`` (any concern for a child's safety), ``self_harm`` (suicide or self-harm:
113) and ``acute`` (danger now: 112). ``eval/train_safety_model.py`` writes
``data/safety_model.json`` from every concern and look-alike of the tune sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wijkwijzer.core.learned import STEM_LENGTH, Head, features, heads_from_json, load, model_file

MODEL_FILE = model_file("safety")
HEADS = ("concern", "self_harm", "acute")

__all__ = ["HEADS", "MIN_EVIDENCE", "MODEL_FILE", "Head", "SafetyModel", "evidence", "features", "model"]


@dataclass(frozen=True)
class SafetyModel:
    concern: Head
    self_harm: Head
    acute: Head

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SafetyModel:
        return cls(**heads_from_json(data, HEADS))


NO_EVIDENCE = frozenset("""
    de het een en of maar want dus dat die dit deze ze zij hij hem haar hun ik je jij we wij u ons onze mijn mn zn
    is was zijn waren wordt worden heeft hebben had kan kunnen moet moeten mag wil willen gaat gaan komt komen
    doet doen zegt zeggen zei er mee in op aan bij met voor na naar over uit van door tot om te al ook nog niet
    geen wel erg heel zeer veel meer weer steeds vaak soms nu toen dan als waar wie wat hoe wanneer omdat terwijl sinds
    vanaf tegen zonder tussen eens blijven weet leerling leerlingen ll lln kind kinderen jongen jongens meisje
    meisjes ouders vader moeder groep gr klas school juf meester thuis gezin familie
""".split())
"""Words that say who, where and how a sentence runs, not what happens: alone they are no
evidence of a concern ("wat kunnen ouders doen als ze het er niet mee eens blijven?")."""
MIN_EVIDENCE = 0.35
"""The weight a concern the model alone sees needs from a word or pair that is not only
:data:`NO_EVIDENCE` (each of the model's concerns in the tune sets has one of at least 0.4)."""


_NO_EVIDENCE_STEMS = frozenset(word[:STEM_LENGTH] for word in NO_EVIDENCE if len(word) > STEM_LENGTH)


def evidence(head: Head, found: set[str]) -> float:
    """The strongest weight ``head`` gives a feature of ``found`` that holds a word of substance
    (a word's beginning counts as the word: "blijv" of "blijven" is no evidence either)."""
    return max((head.weights.get(feature, 0.0) for feature in found
                if not set(feature.partition(":")[2].split()) <= (
                    _NO_EVIDENCE_STEMS if feature.startswith("s:") else NO_EVIDENCE)), default=0.0)


@lru_cache(maxsize=1)
def model() -> SafetyModel:
    """The model shipped with the package, loaded once."""
    return SafetyModel(**load("safety", HEADS))
