"""Concern for a child's safety is recognised in any message, by kind; look-alikes stay quiet.

The cases are the issue's own examples; eval/run_privacy.py measures many more."""

from __future__ import annotations

import pytest

from wijkwijzer.core.safety import SELF_HARM_KINDS, assess


@pytest.mark.parametrize(("text", "kind"), [
    ("vader slaat hem", "physical_abuse"),
    ("leerling heeft blauwe plekken en wil niet vertellen hoe", "physical_abuse"),
    ("meisje is bang om naar huis te gaan", "physical_abuse"),
    ("ze schrikt als je haar aanraakt en wil niet naar huis", "physical_abuse"),
    ("huiselijk geweld in het gezin", "domestic_violence"),
    ("kind komt elke dag met honger en in vieze kleren", "neglect"),
    ("oom zit aan haar als hij oppast", "sexual_abuse"),
    ("ze wordt opgehaald door een oudere vriend met een dure auto", "sexual_exploitation"),
    ("meisje moet in de zomer trouwen met een neef", "forced_marriage"),
    ("ze wordt door haar broers in de gaten gehouden, het gaat om de eer", "honour_violence"),
    ("ouders willen hem na de zomer in Marokko laten, hij komt niet terug", "achterlating"),
    ("meisje gaat op vakantie naar Somalië voor een feest waar ze vrouw wordt", "fgm"),
    ("ik vermoed dat er thuis iets speelt", "unspecified"),
])
def test_concerns_are_recognised_by_kind(text, kind):
    concern = assess(text)
    assert concern is not None and kind in concern.kinds


@pytest.mark.parametrize("text", [
    "jongen uit groep 8 heeft een mes bij zich op het plein",
    "er is een dreiging dat een oudere broer vanmiddag naar school komt om hem te pakken",
    "vader dreigt hem vanavond iets aan te doen",
])
def test_acute_danger_is_acute(text):
    concern = assess(text)
    assert concern is not None and concern.acute


@pytest.mark.parametrize("text", [
    "ze heeft het steeds over dood willen zijn",
    "leerling snijdt zichzelf in haar arm",
    "hij zegt dat hij zich vandaag iets aandoet",
    "kind zegt dat ze zelfmord wil plegen",
    "ze zegt zelfmord te willen plegen",
])
def test_suicide_and_self_harm_get_113(text):
    concern = assess(text)
    assert concern is not None and concern.kinds & SELF_HARM_KINDS


@pytest.mark.parametrize("text", [
    "twee jongens vochten bij het voetballen in de pauze",
    "blauwe plekken na het skaten, moeder vertelde het zelf",
    "de meldcode staat op de agenda van het netwerk",
    "volgende week een training van Veilig Thuis voor het hele team",
    "ik ga dood van de stress met al die toetsen",
    "veel angstklachten in groep 8",
    "kookles: kinderen snijden groenten met een mes",
])
def test_look_alikes_do_not_alarm(text):
    assert assess(text) is None
