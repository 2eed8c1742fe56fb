"""Small learned text classifiers beside the rules: logistic regression over the words of a message.

Rules name the signs someone wrote down; people also write in words no rule lists. A model here
has seen the tune sets (the trainers in ``eval/`` write ``data/<name>_model.json`` from them) and
scores the features a message shares with them: its words, pairs of words and word beginnings
(Dutch conjugations and compounds share those: "mishandeld" and "mishandeling", "rolstoel" and
"rolstoelen"). Each model has named heads, each a yes/no question with its own threshold. Pure
Python, no dependency, a few dictionary lookups per word. Models only ever add to the rules.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

DATA = Path(__file__).parent / "data"
_TOKEN = re.compile(r"[a-z0-9]+")
STEM_LENGTH = 5
"""A word of more letters than this also counts by its first letters."""


def model_file(name: str) -> Path:
    """Where the model ``name`` ('safety', 'one_child') is shipped."""
    return DATA / f"{name}_model.json"


def features(norm: str) -> set[str]:
    """What a model looks at in a normalised text: words, neighbouring pairs, word beginnings."""
    words = _TOKEN.findall(norm)
    found = {f"w:{word}" for word in words}
    found.update(f"s:{word[:STEM_LENGTH]}" for word in words if len(word) > STEM_LENGTH)
    found.update(f"b:{first} {second}" for first, second in pairwise(words))
    return found


@dataclass(frozen=True)
class Head:
    """One yes/no question a model answers: a bias, a weight per feature and a threshold."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, found: set[str]) -> float:
        logit = self.bias + sum(self.weights.get(feature, 0.0) for feature in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def says_yes(self, found: set[str]) -> bool:
        return self.probability(found) >= self.threshold


def heads_from_json(data: dict[str, object], names: tuple[str, ...]) -> dict[str, Head]:
    """The heads ``names`` of a model's JSON; a missing or malformed head fails loudly."""
    heads = {}
    for name in names:
        head = data.get(name)
        if not isinstance(head, dict) or not isinstance(head.get("weights"), dict) or not head["weights"]:
            raise ValueError(f"learned model: head {name} has no weights")
        heads[name] = Head(bias=float(str(head["bias"])), threshold=float(str(head["threshold"])),
                           weights={str(key): float(value) for key, value in head["weights"].items()})
    return heads


@lru_cache(maxsize=4)
def load(name: str, heads: tuple[str, ...]) -> dict[str, Head]:
    """The shipped model ``name`` with its ``heads``, read once."""
    return heads_from_json(json.loads(model_file(name).read_text(encoding="utf-8")), heads)
