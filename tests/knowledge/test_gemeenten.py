"""Gemeenten outside the region: the national list and Resolver.outside_gemeente."""

from __future__ import annotations

from datetime import date

import pytest

from tests.knowledge.test_resolver import make_kb
from wijkwijzer.knowledge.gemeenten import GEMEENTEN_FILE, national_gemeenten, parse_gemeenten
from wijkwijzer.knowledge.loader import load_knowledge_base

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def resolver():
    return load_knowledge_base(today=TODAY).resolver


def test_the_list_is_the_cbs_list_of_2026():
    gemeenten = national_gemeenten()
    assert len(gemeenten) == 342
    assert len({g.code for g in gemeenten}) == 342 and len({g.naam for g in gemeenten}) == 342
    names = {g.naam for g in gemeenten}
    assert {"'s-Gravenhage", "'s-Hertogenbosch", "Utrecht", "Súdwest-Fryslân", "Voorne aan Zee", "Best", "Ede"} <= names
    assert {"Delft", "Zoetermeer", "Westland", "Pijnacker-Nootdorp", "Midden-Delfland", "Wassenaar", "Voorschoten",
            "Leidschendam-Voorburg", "Rijswijk (ZH.)"} <= names
    head = GEMEENTEN_FILE.read_text(encoding="utf-8").splitlines()[:3]
    assert "CBS" in head[1] and head[2].startswith("# https://www.cbs.nl/")


def test_a_broken_line_is_reported_with_its_number():
    with pytest.raises(ValueError, match=r"gemeenten.txt:3: "):
        parse_gemeenten(["# kop", "GM0001 | Aadorp", "Utrecht"])
    with pytest.raises(ValueError, match=r":2: "):
        parse_gemeenten(["GM0001 | Aadorp", "GM0001 | Tweede"])


@pytest.mark.parametrize(("text", "expected"), [
    # the cases of the issue
    ("woont in utrecht", "Utrecht"),
    ("smw ypenburg", None),
    ("ik ben best moe", None),
    ("woont in best", "Best"),
    ("den bosch", "'s-Hertogenbosch"),
    # as people type it
    ("leerling woont in utrecht, wie is het lokaal team", "Utrecht"),
    ("Leerling woont in Utrecht.", "Utrecht"),
    ("lokaal team rotterdam", "Rotterdam"),
    ("'s-Hertogenbosch", "'s-Hertogenbosch"),
    ("s hertogenbosch", "'s-Hertogenbosch"),
    ("denbosch", "'s-Hertogenbosch"),
    ("welk jeugdteam in Súdwest-Fryslân", "Súdwest-Fryslân"),
    ("kind woont in de bilt", "De Bilt"),
    ("school in bergen op zoom", "Bergen op Zoom"),
    ("woont in berkel en rodenrijs", "Lansingerland"),
    ("ze woont in bussum", "Gooise Meren"),
    ("woont in hengelo", "Hengelo (O.)"),
    ("woont in bergen", "Bergen"),
    # one typo, right after a cue word
    ("woont in utrect", "Utrecht"),
    ("leerling uit amsterdm", "Amsterdam"),
    ("woont in rotterdm", "Rotterdam"),
    ("utrect", None),
    ("in dronken toestand", None),
    ("woont in ypenbrug", None),
    # short names and names that are words: only right after in, uit, gemeente, woont
    ("woont in ede", "Ede"),
    ("kind uit oss", "Oss"),
    ("gemeente epe", "Epe"),
    ("woont best, welk jeugdteam", "Best"),
    ("hij woont best ver weg", None),
    ("ede", None),
    ("woont in leiden", "Leiden"),
    ("ze kan het overleg goed leiden", None),
    ("de buren helpen", None),
    ("woont in buren", "Buren"),
    # never the region itself
    ("woont in delft", None),
    ("woont in zoetermeer", None),
    ("leerling woont in wateringen", None),
    ("woont in rijswijk", None),
    ("woont in den haag", None),
    ("woont in s-gravenhage", None),
    ("woont in voorburg", None),
    ("wie is de smw van de vliegerwolk", None),
    ("", None),
])
def test_outside_gemeente(resolver, text, expected):
    assert resolver.outside_gemeente(text) == expected


def test_outside_depends_on_the_knowledge_base(tmp_path):
    """A knowledge base for the Utrecht region: Utrecht and its wijk are its own, Den Haag is outside."""
    kb = make_kb(tmp_path, [{"naam": "Utrecht", "wijken": [{"naam": "Lunetten"}]}, {"naam": "Houten"}])
    assert kb.resolver.outside_gemeente("woont in utrecht") is None
    assert kb.resolver.outside_gemeente("woont in houten") is None
    assert kb.resolver.outside_gemeente("woont in lunetten") is None
    assert kb.resolver.outside_gemeente("woont in den haag") == "'s-Gravenhage"
    assert kb.resolver.outside_gemeente("woont in delft") == "Delft"
