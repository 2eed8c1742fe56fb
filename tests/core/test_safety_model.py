"""The learned safety model (issue 13 §1): it hears concern in words no rule lists, it only adds to
the rules, ordinary messages stay quiet, and the shipped model is the one the tune sets give."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkwijzer.core.safety import SELF_HARM_KINDS, assess, prepared
from wijkwijzer.core.safety_model import features, model

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text", [
    "ik heb echt een naar gevoel bij dat gezin, hij kruipt weg als een volwassene zn stem verheft",
    "meisje vertelt dat stiefvader 's nachts bij haar op de kamer komt en dat ze het aan niemand mag zeggen",
])
def test_a_concern_in_words_of_its_own_is_heard_by_the_model_and_answered(text):
    assert model().concern.says_yes(features(prepared(text)))
    assert assess(text) is not None


@pytest.mark.parametrize("text", [
    "wie is de smw in ypenburg",
    "ik snap die route niet goed, kan iemand van jullie mij bellen",
    "we doen volgende week een training over de meldcode, wie geeft die",
    "signaal: steeds meer kinderen in laak komen zonder ontbijt",
    "die rekentoets was echt moordend voor groep 8",
    "hij zit al twee weken thuis",
    "jongen viel van de fiets op het plein, schaafwond, ouders zijn gebeld",
    "hoe vraag ik een tlv aan voor een leerling met autisme",
])
def test_ordinary_messages_stay_quiet(text):
    assert not model().concern.says_yes(features(prepared(text)))
    assert assess(text) is None


def test_the_model_adds_113_when_a_rule_found_another_kind():
    concern = assess("hij appte vanavond dat niemand hem gaat missen en dat hij pillen heeft gespaard")
    assert concern is not None and concern.kinds & SELF_HARM_KINDS and concern.acute



def test_every_head_has_weights_and_a_threshold_between_0_and_1():
    for head in (model().concern, model().self_harm, model().acute):
        assert head.weights and 0 < head.threshold < 1
