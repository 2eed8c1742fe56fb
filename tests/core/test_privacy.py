"""Personal data about children must be found before a signal is stored."""

from __future__ import annotations

import pytest

from wijkwijzer.core.privacy import describe, find_personal_data
from wijkwijzer.core.safety import is_safety_concern, sounds_acute

ALLOWED = frozenset({"scheveningen", "ypenburg", "vliegerwolk"})


def kinds(text: str) -> set[str]:
    return {f.kind for f in find_personal_data(text, ALLOWED)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sara uit groep 5 is vaak afwezig", "naam"),
        ("sara uit groep 5 is vaak afwezig", "naam"),
        ("zorgen over leerling ahmed", "naam"),
        ("het gaat om Daan in groep 6", "naam"),
        ("bsn 111222333", "bsn"),
        ("bsn 1112.22.333", "bsn"),
        ("bel moeder op 06-12345678", "telefoon"),
        ("bel 070 123 4567", "telefoon"),
        ("+31 6 1234 5678 is de vader", "telefoon"),
        ("mail naar ouder@voorbeeld.nl", "email"),
        ("geboren 12-03-2016", "geboortedatum"),
        ("geboortedatum 3 maart 2017", "geboortedatum"),
        ("woont op de Dorpsstraat 12", "adres"),
        ("woont in 2497 AB", "adres"),
    ],
)
def test_personal_data_is_found(text, kind):
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "steeds meer angstklachten in groep 8, wijk Scheveningen",
        "veel kinderen uit groep 7 en 8 hebben geen ontbijt",
        "somberheid in groep 8",
        "meer verzuim sinds de herfstvakantie in Ypenburg",
        "twee meisjes uit groep 6 worden gepest",
        "wachtlijst jeugdhulp is 6 maanden",
    ],
)
def test_ordinary_signals_pass(text):
    assert kinds(text) == set()


def test_invalid_bsn_is_not_reported_as_bsn():
    assert "bsn" not in kinds("nummer 123456789")


def test_describe_names_the_kinds_without_repeating_the_data():
    text = describe(find_personal_data("Sara uit groep 5, bel 06-12345678", ALLOWED))
    assert text == "een naam en een telefoonnummer"
    assert "Sara" not in text


@pytest.mark.parametrize(
    "text",
    ["leerling heeft blauwe plekken", "vader slaat hem", "vermoeden van kindermishandeling",
     "meisje is bang om naar huis te gaan", "huiselijk geweld in het gezin"],
)
def test_safety_concerns_are_recognised(text):
    assert is_safety_concern(text)


def test_plain_signals_are_not_safety_concerns():
    assert not is_safety_concern("veel angstklachten in groep 8")
    assert sounds_acute("hij wordt nu geslagen")
    assert not sounds_acute("vermoeden van verwaarlozing")
