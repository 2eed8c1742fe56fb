"""The learned one-child model (issue 13 §2): a text that describes one child so that people
recognise it, in words no rule lists, is refused too; trend signals and questions stay clean;
the shipped model is the one the tune sets give."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkwijzer.core.privacy import allowed_words, describe, find_personal_data, one_child
from wijkwijzer.knowledge.loader import KnowledgeBaseHolder

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = allowed_words(KnowledgeBaseHolder(None).current)


def test_one_child_the_rules_miss_is_found_by_the_model_and_quoted_by_its_clause():
    text = "de oudste van het gezin dat vorige week uit huis is gezet zit bij ons in groep 8"
    assert find_personal_data(text, ALLOWED, model=False) == []
    findings = find_personal_data(text, ALLOWED)
    assert [f.kind for f in findings] == ["kind"]
    assert describe(findings).startswith("«de oudste van het gezin")
    assert describe(findings).endswith("» lijkt een beschrijving van één kind")


@pytest.mark.parametrize("text", [
    "steeds meer kinderen in groep 5 met angstklachten",
    "signaal: in moerwijk merken we dat veel gezinnen geen geld hebben voor de schoolreis",
    "wie is de smw van de vliegerwolk",
    "hoe vraag ik een tlv aan voor een leerling met autisme",
    "wat moet ik doen als een leerling drie weken thuiszit",
    "drie leerlingen in groep 8 hebben een tlv voor het sbo gekregen",
    "onze nieuwe ib'er begint na de kerstvakantie, wie neemt contact op met de smw",
])
def test_trends_and_questions_stay_clean(text):
    assert not one_child(text)
    assert find_personal_data(text, ALLOWED) == []
