"""Understanding real phrasings: accuracy on the test set, and the `understand` CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.nlu.report import evaluate, load_cases
from wijkwijzer.bot.nlu import ENTITY_KEYS
from wijkwijzer.knowledge.loader import load_knowledge_base

INTENTS = {"partner_lookup", "expertise_lookup", "route", "glossary", "signal", "signal_report", "announce", "register",
           "subscribe", "unsubscribe", "greeting", "thanks", "help", "cancel", "unknown"}


def test_the_test_set_is_big_and_covers_every_intent():
    cases = load_cases()
    assert len(cases) >= 200
    assert {c["i"] for c in cases} == INTENTS
    assert all(set(c.get("e") or {}) <= set(ENTITY_KEYS) for c in cases)


def test_accuracy_on_real_phrasings():
    result = evaluate(load_knowledge_base())
    print(f"\nintent {result.intent_accuracy:.1%}, entities {result.entity_accuracy:.1%} on {result.total}")
    assert result.intent_accuracy >= 0.95, "\n".join(result.failures)
    assert result.entity_accuracy >= 0.90, "\n".join(result.failures)


def test_held_out_phrasings_do_not_regress():
    """Phrasings written after the rules; a floor against regressions, not a tuning target."""
    from tests.nlu.report import HELD_OUT

    result = evaluate(load_knowledge_base(), HELD_OUT)
    print(f"\nheld-out: intent {result.intent_accuracy:.1%}, entities {result.entity_accuracy:.1%} on {result.total}")
    assert result.intent_accuracy >= 0.80, "\n".join(result.failures)


def run_cli(*args: str, stdin: str | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "wijkwijzer.bot.cli", "understand", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def test_cli_prints_the_contract_json():
    out = json.loads(run_cli("smw'er ypenbrg?", "--json"))
    assert out["intent"] == "partner_lookup" and 0 < out["confidence"] <= 1
    assert out["entities"] == {"rol": "smw", "wijk": "Ypenburg", "gemeente": "Den Haag", "school": None, "postcode": None,
                               "expertise": None, "thema": None, "begrip": None, "route": None}


def test_cli_batch_mode_prints_one_json_line_per_input_line():
    lines = run_cli(stdin="hoe vraag ik een tlv aan\n\nwat betekent opp\n").splitlines()
    assert len(lines) == 3
    first, empty, third = (json.loads(line) for line in lines)
    assert first["intent"] == "route" and first["entities"]["begrip"] == "Toelaatbaarheidsverklaring (TLV)"
    assert empty["intent"] == "unknown"
    assert third == {"intent": "glossary", "confidence": third["confidence"],
                     "entities": {k: ("Ontwikkelingsperspectief (OPP)" if k == "begrip" else None) for k in ENTITY_KEYS}}


@pytest.mark.parametrize("text", ["", "   ", "😀", "a" * 5000, "'; drop table signals; --"])
def test_odd_input_never_crashes(text):
    from wijkwijzer.bot.nlu import understand

    result = understand(text, load_knowledge_base())
    assert result.intent in INTENTS
