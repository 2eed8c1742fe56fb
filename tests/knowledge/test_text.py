"""Normalising phone-typed Dutch."""

from __future__ import annotations

import pytest

from wijkwijzer.knowledge.text import normalize, tokens


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Smw'er Ypenbúrg?!", "smwer ypenburg"),
        ("SMW’ER", "smwer"),
        ("ib'ers", "ibers"),
        ("'s-Gravenhage", "sgravenhage"),
        ("s-gravenhage", "sgravenhage"),
        ("'s Gravenhage", "sgravenhage"),
        ("sGravenhage", "sgravenhage"),
        ("Westland ('s-Gravenzande)", "westland sgravenzande"),
        ("'t Haantje", "t haantje"),
        ("wijkagent'ypenburg", "wijkagent ypenburg"),
        ("  De Heuvel/Amstelwijk ", "de heuvel amstelwijk"),
        ("Geuzen- en Statenkwartier", "geuzen en statenkwartier"),
        ("Voorburg-West", "voorburg west"),
        ("SWV Kust & Vliet", "swv kust en vliet"),
        ("Orhan Çelik", "orhan celik"),
        ("Bartiméus", "bartimeus"),
        ("coördinatie", "coordinatie"),
        ("ĳsselmonde", "ijsselmonde"),
        ("o.p.p.", "o p p"),
        ("postcode 2497 AB!", "postcode 2497 ab"),
        ("", ""),
        ("?!...", ""),
    ],
)
def test_normalize(typed, expected):
    assert normalize(typed) == expected


def test_normalize_is_idempotent():
    for typed in ("Smw'er Ypenbúrg?", "'s-Gravenhage", "De Heuvel/Amstelwijk", "Kust & Vliet"):
        once = normalize(typed)
        assert normalize(once) == once


def test_tokens():
    assert tokens("Wie is de SMW'er voor Voorburg-West?") == ["wie", "is", "de", "smwer", "voor", "voorburg", "west"]
    assert tokens("   ") == []
