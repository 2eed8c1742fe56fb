"""The resolver on phone-typed Dutch against the bundled demo knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from wijkwijzer.knowledge.loader import load_knowledge_base
from wijkwijzer.knowledge.text import normalize


@pytest.fixture(scope="module")
def resolver():
    return load_knowledge_base(today=date(2026, 11, 22)).resolver


def best(resolver, text: str, kind: str) -> str | None:
    found = [m for m in resolver.scan(text) if m.kind == kind]
    return found[0].best.id if found else None


def test_normalize_handles_case_diacritics_apostrophes_and_punctuation():
    assert normalize("Smw'er Ypenbúrg?!") == "smwer ypenburg"
    assert normalize("'s-Gravenhage") == normalize("s-Gravenhage") == "s gravenhage"
    assert normalize("  De Heuvel/Amstelwijk ") == "de heuvel amstelwijk"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("smw'er ypenbrg?", "wijk", "Den Haag: Ypenburg"),
        ("ypenbrug", "wijk", "Den Haag: Ypenburg"),
        ("ypenburg", "wijk", "Den Haag: Ypenburg"),
        ("jgz schevenigen", "wijk", "Den Haag: Scheveningen"),
        ("scheveningen dorp", "wijk", "Den Haag: Scheveningen"),
        ("Scheveningen-Dorp", "wijk", "Den Haag: Scheveningen"),
        ("schilderswijk", "wijk", "Den Haag: Schildersbuurt"),
        ("transvaal", "wijk", "Den Haag: Transvaalkwartier"),
        ("statenkwartier", "wijk", "Den Haag: Geuzen- en Statenkwartier"),
        ("geuzenkwartier", "wijk", "Den Haag: Geuzen- en Statenkwartier"),
        ("binnenstad", "wijk", "Den Haag: Centrum"),
        ("centrum", "wijk", "Den Haag: Centrum"),
        ("stadsdeel centrum", "wijk", "Den Haag: stadsdeel Centrum"),
        ("laakkwartier", "wijk", "Den Haag: Laakkwartier en Spoorwijk"),
        ("spoorwijk", "wijk", "Den Haag: Laakkwartier en Spoorwijk"),
        ("wateringseveld", "wijk", "Den Haag: Wateringse Veld"),
        ("leidschenveen", "wijk", "Den Haag: Leidschenveen"),
        ("voorburg west", "wijk", "Leidschendam-Voorburg: Voorburg-West"),
        ("smw voorbrug noord", "wijk", "Leidschendam-Voorburg: Voorburg-Noord"),
        ("de heuvel", "wijk", "Leidschendam-Voorburg: De Heuvel/Amstelwijk"),
        ("voorburg", "wijk", "Leidschendam-Voorburg: kern Voorburg"),
        ("stompwijk", "wijk", "Leidschendam-Voorburg: Stompwijk"),
        ("rijswijk buiten", "wijk", "Rijswijk: RijswijkBuiten"),
        ("sion", "wijk", "Rijswijk: RijswijkBuiten"),
        ("oud-rijswijk", "wijk", "Rijswijk: Oud Rijswijk"),
        ("leidschendam voorbrug", "gemeente", "Leidschendam-Voorburg"),
        ("lv", "gemeente", "Leidschendam-Voorburg"),
        ("l-v", "gemeente", "Leidschendam-Voorburg"),
        ("'s-gravenhage", "gemeente", "Den Haag"),
        ("den haag", "gemeente", "Den Haag"),
        ("rijswjik", "gemeente", "Rijswijk"),
        ("wateringen", "gemeente", "Westland"),
        ("nootdorp", "gemeente", "Pijnacker-Nootdorp"),
        ("zoetermeer", "gemeente", "Zoetermeer"),
        ("wie zit er bij leerplicht voor de vliegerwolk", "school", "IKC De Vliegerwolk"),
        ("vliegerwolk", "school", "IKC De Vliegerwolk"),
        ("vliegewolk", "school", "IKC De Vliegerwolk"),
        ("het propellerpad", "school", "Basisschool Het Propellerpad"),
        ("sbo spoorwiel", "school", "SBO Het Spoorwiel"),
        ("obs de hangaarduil", "school", "OBS De Hangaarduil"),
        ("smw", "rol", "smw"),
        ("smw'er", "rol", "smw"),
        ("schoolmaatschappelijk werker", "rol", "smw"),
        ("jeugdarts", "rol", "jgz"),
        ("cjg", "rol", "jgz"),
        ("lpa", "rol", "leerplicht"),
        ("leerplichtambtenaar", "rol", "leerplicht"),
        ("wijkteam", "rol", "jeugdteam"),
        ("lokaal team", "rol", "jeugdteam"),
        ("jeugdconsulent", "rol", "jeugdteam"),
        ("wijkagent", "rol", "wijkagent"),
        ("nt2", "expertise", "NT2/anderstaligen"),
        ("plusklas", "expertise", "hoogbegaafdheid"),
        ("autisme", "expertise", "autisme"),
        ("wat is een opp", "begrip", "Ontwikkelingsperspectief (OPP)"),
        ("tlv", "begrip", "Toelaatbaarheidsverklaring (TLV)"),
        ("ontwikkelingsperspektief", "begrip", "Ontwikkelingsperspectief (OPP)"),
    ],
)
def test_phone_typed_names_resolve(resolver, text, kind, expected):
    assert best(resolver, text, kind) == expected


@pytest.mark.parametrize("text", ["wie is de", "hoe laat is het", "de", "xqzw", "banaan", "het weer morgen", "ok"])
def test_nothing_close_gives_no_place_rather_than_a_guess(resolver, text):
    assert not [m for m in resolver.scan(text) if m.kind in ("wijk", "gemeente", "school")]
    assert resolver.resolve(text, "wijk") == []


def test_a_wijk_that_is_also_a_stadsdeel_alias_is_not_ambiguous(resolver):
    mention = next(m for m in resolver.scan("smw ypenbrg") if m.kind == "wijk")
    assert mention.best.id == "Den Haag: Ypenburg" and not mention.ambiguous


def test_genuinely_close_names_are_ambiguous_and_ranked(resolver):
    candidates = resolver.resolve("voorburg w", "wijk")
    assert candidates[0].id == "Leidschendam-Voorburg: Voorburg-West"
    mention = next(m for m in resolver.scan("smw voorburg w") if m.kind == "wijk")
    assert mention.ambiguous
    assert {c.name for c in mention.alternatives} == {"Voorburg-West", "Voorburg"}


def test_scores_are_ranked_best_first(resolver):
    candidates = resolver.resolve("ypenbrg", "wijk")
    assert candidates and candidates[0].score < 100
    assert all(a.score >= b.score for a, b in zip(candidates, candidates[1:]))


def test_postcodes(resolver):
    assert resolver.postcode("jgz voor 2497") == "2497"
    assert resolver.postcode("woont in 2497 AB") == "2497"
    assert resolver.postcode("postcode 9999") == "9999"
    assert resolver.postcode("groep 8 sinds 2026") is None
    areas = resolver.areas_for_postcode("2583")
    assert [a.naam for a in areas if a.soort == "wijk"] == ["Scheveningen", "Duindorp", "Geuzen- en Statenkwartier"]
    assert areas[-1].id == "Den Haag"
    assert [a.id for a in resolver.areas_for_postcode("2285")] == ["Rijswijk"]
