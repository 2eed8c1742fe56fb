"""A learned second opinion on safety concern: logistic regression over the words of a message.

The rules of :mod:`wijkwijzer.core.safety` name the signs they know; people also write concern
in words no rule lists ("ik vermoed dat er thuis iets speelt", "hij durft niet meer naar huis").
This model has seen every concern and look-alike of the tune sets (``eval/train_safety_model.py``
writes ``data/safety_model.json`` from them) and scores the features any message shares with
them: its words, pairs of words and word beginnings (Dutch conjugations and compounds share
those: "mishandeld" and "mishandeling", "doodsbang" and "dood"). Three heads: ``concern``
(any concern for a child's safety), ``self_harm`` (suicide or self-harm: 113) and ``acute``
(danger now: 112). Pure Python, no dependency, a few dictionary lookups per word.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

MODEL_FILE = Path(__file__).parent / "data" / "safety_model.json"
_TOKEN = re.compile(r"[a-z0-9]+")
STEM_LENGTH = 5
"""A word of more letters than this also counts by its first letters."""


def features(norm: str) -> set[str]:
    """What the model looks at in a normalised text: words, neighbouring pairs, word beginnings."""
    words = _TOKEN.findall(norm)
    found = {f"w:{word}" for word in words}
    found.update(f"s:{word[:STEM_LENGTH]}" for word in words if len(word) > STEM_LENGTH)
    found.update(f"b:{first} {second}" for first, second in pairwise(words))
    return found


@dataclass(frozen=True)
class Head:
    """One yes/no question the model answers: a bias, a weight per feature and a threshold."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, found: set[str]) -> float:
        logit = self.bias + sum(self.weights.get(feature, 0.0) for feature in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def says_yes(self, found: set[str]) -> bool:
        return self.probability(found) >= self.threshold


@dataclass(frozen=True)
class SafetyModel:
    concern: Head
    self_harm: Head
    acute: Head

    @classmethod
    def from_json(cls, data: dict[str, dict[str, object]]) -> SafetyModel:
        heads = {}
        for name in ("concern", "self_harm", "acute"):
            head = data[name]
            weights = head["weights"]
            if not isinstance(weights, dict):
                raise ValueError(f"safety model: head {name} has no weights")
            heads[name] = Head(bias=float(str(head["bias"])), threshold=float(str(head["threshold"])),
                               weights={str(key): float(value) for key, value in weights.items()})
        return cls(**heads)


@lru_cache(maxsize=1)
def model() -> SafetyModel:
    """The model shipped with the package, loaded once."""
    return SafetyModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
