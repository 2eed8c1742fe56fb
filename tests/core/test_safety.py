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


# ───────────── mechanisms: concepts together, reported speech, time, typos, figures of speech ─────────────

@pytest.mark.parametrize(("text", "kind"), [
    # who + what in one window, in any word order, whatever the verb form
    ("ze vertelde dat haar stiefvader haar gisteren tegen de muur heeft geduwd", "physical_abuse"),
    ("een bult op zn voorhoofd, hij zegt dat hij van de trap is gevallen, voor de derde keer", "physical_abuse"),
    ("oma noemt hem een mislukking waar iedereen bij is", "emotional_abuse"),
    ("ze moet voor straf in de gang staan met haar gezicht naar de muur", "emotional_abuse"),
    ("de huisarts zegt dat hij al maanden een bril nodig heeft, ouders doen niks", "neglect"),
    ("kind loopt in vieze kleren en eet het brood van anderen", "neglect"),
    ("haar buurman wil dat ze zich uitkleedt en zegt dat het hun geheim is", "sexual_abuse"),
    ("jongen brengt pakketjes rond voor oudere jongens en krijgt er geld voor", "sexual_exploitation"),
    ("hij hoort elke nacht gegil en gebonk thuis", "domestic_violence"),
    ("haar broers lezen haar telefoon en slaan haar omdat ze een vriendje heeft", "honour_violence"),
    ("de familie heeft een man voor haar gekozen, ze is pas 12", "forced_marriage"),
    ("ouders hebben een enkeltje geboekt voor hun zoon", "achterlating"),
    ("na de zomer in Soedan loopt ze stijf en heeft ze pijn bij het plassen", "fgm"),
])
def test_indirect_concerns_are_told_by_their_parts(text, kind):
    concern = assess(text)
    assert concern is not None and kind in concern.kinds, concern


@pytest.mark.parametrize("text", [
    "ze schreef in haar dagboek dat niemand haar zou missen",           # reported words about not being there
    "hij vertelde dat hij op het spoor wil gaan staan",                 # a way to die
    "meisje drukt een aansteker tegen haar arm tot het bloedt",         # hurting one's own body
    "jongen slaat zn hoofd tegen de muur als hij boos is",
])
def test_self_harm_and_suicide_told_indirectly_get_113(text):
    concern = assess(text)
    assert concern is not None and concern.kinds & SELF_HARM_KINDS, concern


@pytest.mark.parametrize("text", [
    "vader staat dronken bij het hek en wil zijn dochter meenemen",      # an impaired carer
    "kleuter is weg, we hebben de hele school doorzocht",                # a missing child
    "een ouder dreigde de juf op te wachten na school",                  # a threat
    "ze zegt dat papa haar vanavond weer gaat slaan",                   # a concern with a time word
    "hij heeft een plan uitgeschreven om van de flat te springen",      # suicide with a plan
])
def test_danger_now_is_acute(text):
    concern = assess(text)
    assert concern is not None and concern.acute, concern


@pytest.mark.parametrize("text", [
    "vader mishandeld hem",            # conjugation typo
    "ze heeft gedacht aan zelfmord",   # the named sign
    "ze is verwaarlooosd",             # a letter too many
])
def test_typos_of_key_words_are_put_right(text):
    assert assess(text) is not None


@pytest.mark.parametrize("text", [
    "we vonden het een mooie les",                     # 'vonden' is a Dutch word, not a typo of 'wonden'
    "ik ga dood van de hitte in dit lokaal",           # a figure of speech
    "hij ging bijna dood van het lachen bij de film",
    "de juf gaat in de zomer trouwen, we maken een cadeau",
    "leerling sloeg een klasgenoot in de pauze, hoe pak ik dit aan",  # children fighting
    "blauwe plek van het voetballen, ik zag het gebeuren",             # an injury that was seen
    "kleuter niet opgehaald... oh wacht, opa stond bij de verkeerde ingang. opgelost",
    "hij verhuist met het hele gezin naar Spanje, wat moet ik regelen voor de uitschrijving",
    "teamvergadering over de meldcode en de week tegen kindermishandeling",
    "de hamster is dood, de klas is verdrietig",
])
def test_more_look_alikes_do_not_alarm(text):
    assert assess(text) is None


# ───────────── dev4 (eval/safety_dev4): phrasings that were missed or alarmed before ─────────────

@pytest.mark.parametrize(("text", "kind"), [
    ("haar stiefvader komt 's nachts op haar kamer en doet dingen, ze mag het aan niemand vertellen", "sexual_abuse"),
    ("een stagiair nam een leerling mee het toilet in en deed de deur op slot", "sexual_abuse"),
    ("ze verzamelt pillen van haar moeder in een doosje voor als het te veel wordt", "suicide"),
    ("hij zette op insta 'dit is mn laatste post, bedankt voor alles'", "suicide"),
    ("vriendin heeft scheermesjes in haar etui en heeft het in de pauze weer gedaan", "self_harm"),
    ("ze straft zichzelf door niet te eten als ze geen 9 haalt", "self_harm"),
    ("moeder gaf haar zoon bij het hek een keiharde klap in zn gezicht", "physical_abuse"),
    ("hij wil na school nooit naar huis, 'anders krijg ik het weer'", "physical_abuse"),
    ("ik vermoed dat er geweld is tussen de ouders", "domestic_violence"),
    ("mn vader zegt dat ik naar ghana ga en daar blijf als ik niet luister", "achterlating"),
])
def test_phrasings_from_an_independent_set_are_recognised(text, kind):
    concern = assess(text)
    assert concern is not None and kind in concern.kinds, concern


def test_an_overdose_that_happened_is_acute():
    concern = assess("leerling heeft in de pauze een hele strip paracetamol geslikt")
    assert concern is not None and concern.acute and concern.kinds & SELF_HARM_KINDS


@pytest.mark.parametrize("text", [
    "mijn man is jarig, cadeautip?",
    "ik ga trouwen in mei, wie neemt mijn netwerk over?",
    "kind heeft waterpokken en krabt zich helemaal open",
    "kleuter heeft zich gesneden aan een papiertje",
    "mn hoofd ontploft van alle mails",
    "de deadline hangt als een zwaard boven mn hoofd",
    "de grote zus (24) trouwt in pakistan, het gezin vraagt verlof",
    "brandwond van de bbq bij opa, mag hij zwemmen?",
])
def test_more_look_alikes_stay_quiet(text):
    assert assess(text) is None
