"""The shipped learned models are the ones their trainers give on the tune sets, and no trainer
reads the held-out part (issue 13: a tune set or a trainer changed without retraining fails here;
run the trainer named in the failure and commit the model)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from wijkwijzer.core.learned import model_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("trainer_file", "model"), [
    ("train_safety_model.py", "safety"),
    ("train_privacy_model.py", "one_child"),
])
def test_the_shipped_model_is_the_one_the_tune_sets_give(trainer_file, model):
    spec = importlib.util.spec_from_file_location(trainer_file.removesuffix(".py"), ROOT / "eval" / trainer_file)
    assert spec is not None and spec.loader is not None
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    shipped = json.loads(model_file(model).read_text(encoding="utf-8"))
    assert shipped["trained_on"]["sha256"] == trainer.fingerprint(), f"run .venv/bin/python eval/{trainer_file}"
    assert not any("heldout" in path.as_posix() for path in trainer.sources())
