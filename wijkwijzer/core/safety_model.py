"""The learned second opinion on safety concern (see :mod:`wijkwijzer.core.learned`).

Three heads: ``concern`` (any concern for a child's safety), ``self_harm`` (suicide or self-harm:
113) and ``acute`` (danger now: 112). ``eval/train_safety_model.py`` writes
``data/safety_model.json`` from every concern and look-alike of the tune sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wijkwijzer.core.learned import Head, features, heads_from_json, load, model_file

MODEL_FILE = model_file("safety")
HEADS = ("concern", "self_harm", "acute")

__all__ = ["HEADS", "MODEL_FILE", "Head", "SafetyModel", "features", "model"]


@dataclass(frozen=True)
class SafetyModel:
    concern: Head
    self_harm: Head
    acute: Head

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SafetyModel:
        return cls(**heads_from_json(data, HEADS))


@lru_cache(maxsize=1)
def model() -> SafetyModel:
    """The model shipped with the package, loaded once."""
    return SafetyModel(**load("safety", HEADS))
