"""What the trainers of the learned models share (wijkwijzer/core/learned.py): reading the YAML
sets, the fingerprint of what a model learned from, and the training itself — logistic regression
with AdaGrad and L2, pure Python, seeded: the same data gives the same model."""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
MIN_COUNT = 2
L2 = 1e-4
EPOCHS = 20
RATE = 0.3

Example = tuple[str, dict[str, int]]


def load(path: Path) -> list[dict[str, Any]]:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []


def fingerprint(paths: Iterable[Path], trainer: Path) -> str:
    """Of the training files, the trainer and this file: the shipped model must be the one they give."""
    digest = hashlib.sha256()
    for path in [*paths, trainer.resolve(), Path(__file__).resolve()]:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def train(data: list[Example], thresholds: dict[str, float], features: Callable[[str], set[str]]
          ) -> dict[str, dict[str, Any]]:
    """One head per key of ``thresholds``, each trained on the label of that name."""
    rows = [(sorted(features(text)), labels) for text, labels in data]
    counts = Counter(feature for row, _ in rows for feature in row)
    rows = [([f for f in row if counts[f] >= MIN_COUNT], labels) for row, labels in rows]
    model: dict[str, dict[str, Any]] = {}
    for head, threshold in thresholds.items():
        weights: dict[str, float] = {}
        squares: dict[str, float] = {}
        bias, bias_square = 0.0, 1e-8
        order = list(range(len(rows)))
        shuffle = random.Random(13)
        for _ in range(EPOCHS):
            shuffle.shuffle(order)
            for index in order:
                row, labels = rows[index]
                logit = bias + sum(weights.get(f, 0.0) for f in row)
                error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit)))) - labels[head]
                bias_square += error * error
                bias -= RATE * error / math.sqrt(bias_square)
                for f in row:
                    gradient = error + L2 * weights.get(f, 0.0)
                    squares[f] = squares.get(f, 1e-8) + gradient * gradient
                    weights[f] = weights.get(f, 0.0) - RATE * gradient / math.sqrt(squares[f])
        model[head] = {"bias": round(bias, 4), "threshold": threshold,
                       "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.005}}
    return model
