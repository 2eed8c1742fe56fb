"""The query API dialogs use: the bundled demo knowledge base and a small made-up one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import BUNDLED_DIR, check_knowledge_base, load_knowledge_base

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(today=TODAY)


def contact(naam: str, rol: str, werkgebied: list[str], functie: str | None = None, scholen: list[str] = ()) -> dict:
    return {"naam": naam, "rol": rol, "functie": functie or rol, "werkgebied": werkgebied, "scholen": list(scholen)}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Gemeente Vliet: kern Oever (wijken Kade, Sluis), kern Dijk (wijk Polder), wijk Haven directly under it."""
    directory: Path = tmp_path_factory.mktemp("small")
    gebieden = {"gemeenten": [
        {"naam": "Vliet", "pc4": ["3011", "3012", "3013"], "delen": [
            {"naam": "Oever", "soort": "kern", "pc4": ["3011"], "wijken": [
                {"naam": "Kade", "pc4": ["3011"]}, {"naam": "Sluis", "pc4": ["3011"]}]},
            {"naam": "Dijk", "soort": "kern", "pc4": ["3012"], "wijken": [{"naam": "Polder", "pc4": ["3012"]}]},
        ], "wijken": [{"naam": "Haven", "pc4": ["3013"]}]},
        {"naam": "Buurdorp", "pc4": ["3021"]},
    ]}
    scholen = {"scholen": [
        {"naam": "OBS De Meerkoet", "wijk": "Vliet: Kade", "expertise": ["autisme", "rekenen"]},
        {"naam": "CBS Het Kompas", "wijk": "Vliet: Polder", "expertise": ["autisme"]},
        {"naam": "IKC De Boei", "wijk": "Vliet: Haven", "expertise": ["dyslexie"]},
    ]}
    partners = {"organisaties": [
        {"naam": "Politie Vliet", "contacten": [
            contact("Agent Oever", "wijkagent", ["Vliet: kern Oever"]),
            contact("Agent Kade", "wijkagent", ["Vliet: Kade"]),
            contact("Agent Vliet", "wijkagent", ["Vliet"]),
        ]},
        {"naam": "SMW Vliet", "contacten": [
            contact("Smw Kade", "smw", ["Vliet: Kade"], scholen=["OBS De Meerkoet"]),
            contact("Smw Meerkoet", "smw", ["Vliet: Sluis"], scholen=["OBS De Meerkoet", "CBS Het Kompas"]),
        ]},
        {"naam": "CJG Vliet", "contacten": [
            contact("Verpleegkundige Vliet", "jgz", ["Vliet"], "jeugdverpleegkundige"),
            contact("Arts Vliet", "jgz", ["Vliet"], "jeugdarts"),
        ]},
        {"naam": "Jeugdteam Vliet", "contacten": [
            contact("Team Oever", "jeugdteam", ["Vliet: kern Oever"]),
            contact("Team Dijk", "jeugdteam", ["Vliet: kern Dijk", "Vliet: Haven"]),
        ]},
    ]}
    for name, data in (("gebieden.yaml", gebieden), ("scholen.yaml", scholen), ("ketenpartners.yaml", partners)):
        (directory / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name in ("route.yaml", "begrippen.yaml"):
        shutil.copy(BUNDLED_DIR / name, directory / name)
    loaded, problems = check_knowledge_base(directory, TODAY, use_cache=False)
    assert loaded is not None, problems
    return loaded


def names(contacts) -> list[str]:
    return [c.naam for c in contacts]


# ───────────── contacts_for on the small knowledge base ─────────────


def test_the_most_specific_werkgebied_wins(small):
    assert names(query.contacts_for(small, "wijkagent", wijk="Vliet: Kade")) == ["Agent Kade"]
    assert names(query.contacts_for(small, "wijkagent", wijk="Vliet: Sluis")) == ["Agent Oever"]
    assert names(query.contacts_for(small, "wijkagent", wijk="Vliet: Polder")) == ["Agent Vliet"]
    assert names(query.contacts_for(small, "wijkagent", wijk="Vliet: Haven")) == ["Agent Vliet"]
    assert names(query.contacts_for(small, "wijkagent", wijk="Vliet: kern Oever")) == ["Agent Oever"]


def test_a_kern_without_its_own_contact_gets_those_of_its_wijken(small):
    assert names(query.contacts_for(small, "smw", wijk="Vliet: kern Oever")) == ["Smw Kade", "Smw Meerkoet"]
    assert query.contacts_for(small, "smw", wijk="Vliet: kern Dijk") == []


def test_a_schools_own_contacts_come_first_without_duplicates(small):
    assert names(query.contacts_for(small, "smw", school="OBS De Meerkoet")) == ["Smw Kade", "Smw Meerkoet"]
    assert names(query.contacts_for(small, "smw", school="CBS Het Kompas")) == ["Smw Meerkoet"]
    assert names(query.contacts_for(small, "wijkagent", school="OBS De Meerkoet")) == ["Agent Kade"]
    assert query.contacts_for(small, "smw", school="IKC De Boei") == []


def test_jgz_means_nurse_and_doctor(small):
    found = query.contacts_for(small, "jgz", wijk="Vliet: Sluis")
    assert {c.functie for c in found} == {"jeugdverpleegkundige", "jeugdarts"}


def test_gemeente_lists_everyone_working_in_it_once(small):
    everyone = query.contacts_for(small, "wijkagent", gemeente="Vliet")
    assert names(everyone) == ["Agent Vliet", "Agent Oever", "Agent Kade"]
    assert query.contacts_for(small, "wijkagent", gemeente="Buurdorp") == []


def test_unknown_places_give_nothing(small):
    assert query.contacts_for(small, "smw", wijk="Vliet: Bestaat niet") == []
    assert query.contacts_for(small, "smw", school="Bestaat niet") == []
    assert query.contacts_for(small, "smw", gemeente="Bestaat niet") == []
    assert query.contacts_for(small, "smw") == []


def test_expertise_covers_everything_below_an_area(small):
    def found(tag, area=None):
        return {s.naam for s in query.schools_with_expertise(small, tag, area)}

    assert found("autisme") == {"OBS De Meerkoet", "CBS Het Kompas"}
    assert found("autisme", "Vliet") == {"OBS De Meerkoet", "CBS Het Kompas"}
    assert found("autisme", "Vliet: kern Oever") == {"OBS De Meerkoet"}
    assert found("autisme", "Vliet: Haven") == set()
    assert found("dyslexie", "Vliet: Haven") == {"IKC De Boei"}
    assert found("autisme", "Buurdorp") == set()
    assert found("autisme", "Bestaat niet") == set()


def test_residence_by_gemeente_and_postcode(small):
    whole = query.jeugdteam_for_residence(small, gemeente="Vliet")
    assert whole.gemeente == "Vliet" and whole.needs_wijk
    assert names(whole.contacts) == ["Team Oever", "Team Dijk"]
    oever = query.jeugdteam_for_residence(small, postcode="3011")
    assert oever == query.ResidenceAnswer("Vliet", oever.contacts, False) and names(oever.contacts) == ["Team Oever"]
    assert names(query.jeugdteam_for_residence(small, postcode="3013").contacts) == ["Team Dijk"]
    none = query.jeugdteam_for_residence(small, postcode="3021")
    assert none == query.ResidenceAnswer("Buurdorp", (), False)
    assert query.jeugdteam_for_residence(small, postcode="9999") == query.ResidenceAnswer(None, (), False)
    assert query.jeugdteam_for_residence(small) == query.ResidenceAnswer(None, (), False)


# ───────────── the demo knowledge base ─────────────


def test_wijk_contacts(kb):
    assert names(query.contacts_for(kb, "smw", wijk="Den Haag: Ypenburg")) == ["Fatma Yilmaz"]
    jgz = query.contacts_for(kb, "jgz", wijk="Den Haag: Ypenburg")
    assert {(c.naam, c.functie) for c in jgz} == {("Marieke van den Berg", "jeugdverpleegkundige"),
                                                  ("Sietske Dijkstra", "jeugdarts")}


def test_demo_most_specific_werkgebied(kb):
    assert names(query.contacts_for(kb, "wijkagent", wijk="Leidschendam-Voorburg: Stompwijk")) == ["Gerard van Zon"]
    assert names(query.contacts_for(kb, "wijkagent", wijk="Leidschendam-Voorburg: Damsigt")) == ["Frank Koster"]
    assert names(query.contacts_for(kb, "wijkagent", wijk="Rijswijk: Plaspoelpolder")) == ["Lieke Prinsen"]
    assert names(query.contacts_for(kb, "wijkagent", wijk="Rijswijk: Te Werve")) == ["Johan Mertens"]
    assert names(query.contacts_for(kb, "smw", wijk="Leidschendam-Voorburg: Voorburg-West")) == ["Joost Peters"]
    assert names(query.contacts_for(kb, "leerplicht", wijk="Leidschendam-Voorburg: Bovenveen")) == ["Peter de Jong"]


def test_demo_stadsdeel_with_contacts_per_wijk(kb):
    smw = query.contacts_for(kb, "smw", wijk="Den Haag: stadsdeel Centrum")
    assert set(names(smw)) == {"Tom Dekker", "Hatice Demir"}
    assert len(query.contacts_for(kb, "steunpunt", wijk="Den Haag: stadsdeel Centrum")) == 8


def test_demo_school_contacts(kb):
    assert names(query.contacts_for(kb, "smw", school="Basisschool De Herenpomp")) == ["Monique Prins"]
    assert names(query.contacts_for(kb, "smw", school="IKC De Vliegerwolk")) == ["Fatma Yilmaz"]
    assert names(query.contacts_for(kb, "leerplicht", school="IKC De Vliegerwolk")) == ["Jeroen Bakker"]


def test_demo_gemeente_contacts(kb):
    assert names(query.contacts_for(kb, "jeugdteam", gemeente="Rijswijk")) == ["Priya Ramdin"]
    den_haag = query.contacts_for(kb, "jeugdteam", gemeente="Den Haag")
    assert len(den_haag) == 10 and len({c.id for c in den_haag}) == 10
    assert den_haag[0].id == "Jeugdteam Den Haag: Centrale toegang", "gemeente-wide first"


def test_demo_expertise_in_area(kb):
    centrum = {s.naam for s in query.schools_with_expertise(kb, "NT2/anderstaligen", "Den Haag: stadsdeel Centrum")}
    assert centrum == {"Basisschool De Schilderskist", "IKC De Penseelvis", "Basisschool De Rivierparel"}
    assert query.schools_with_expertise(kb, "NT2/anderstaligen", "Den Haag: Centrum") == []
    assert len(query.schools_with_expertise(kb, "motoriek")) == 6


def test_demo_grensverkeer(kb):
    rijswijk = query.jeugdteam_for_residence(kb, gemeente="Rijswijk")
    assert names(rijswijk.contacts) == ["Priya Ramdin"] and not rijswijk.needs_wijk
    by_postcode = query.jeugdteam_for_residence(kb, postcode="2285")
    assert by_postcode.gemeente == "Rijswijk" and names(by_postcode.contacts) == ["Priya Ramdin"]
    den_haag = query.jeugdteam_for_residence(kb, gemeente="Den Haag")
    assert den_haag.needs_wijk and len(den_haag.contacts) == 9, "the teams per stadsdeel, not the central toegang"
    assert [c.id for c in den_haag.toegang] == ["Jeugdteam Den Haag: Centrale toegang"]
    scheveningen = query.jeugdteam_for_residence(kb, postcode="2583")
    assert scheveningen.gemeente == "Den Haag" and names(scheveningen.contacts) == ["Naima Bouzid"]
    assert not scheveningen.needs_wijk
    voorburg = query.jeugdteam_for_residence(kb, postcode="2271")
    assert names(voorburg.contacts) == ["Mustafa Kaya"] and not voorburg.needs_wijk
    assert query.jeugdteam_for_residence(kb, gemeente="Leidschendam-Voorburg").needs_wijk
    for delft in ({"gemeente": "Delft"}, {"postcode": "2611"}):
        answer = query.jeugdteam_for_residence(kb, **delft)
        assert answer.gemeente == "Delft" and not answer.needs_wijk
        assert [c.id for c in answer.contacts] == ["Jeugdteam Delft: Centrale toegang"] == [c.id for c in answer.toegang]


REGION = ("Den Haag", "Leidschendam-Voorburg", "Rijswijk", "Delft", "Zoetermeer", "Westland", "Pijnacker-Nootdorp",
          "Midden-Delfland", "Wassenaar", "Voorschoten")


@pytest.mark.parametrize("gemeente", REGION)
def test_every_gemeente_of_the_region_has_a_way_into_its_jeugdteam(kb, gemeente):
    answer = query.jeugdteam_for_residence(kb, gemeente=gemeente)
    assert answer.gemeente == gemeente and answer.contacts
    assert len(answer.toegang) == 1, "one gemeente-wide entry contact"
    entry = answer.toegang[0]
    assert entry.werkgebied == (gemeente,) and entry.rol == "jeugdteam"
    assert entry.telefoon and entry.email and entry.email.endswith(".example") and entry.bereikbaar
    if not answer.needs_wijk:
        assert answer.contacts == answer.toegang


def test_a_small_gemeente_by_kern_alias_and_postcode_gets_its_lokaal_team(kb):
    westland = query.jeugdteam_for_residence(kb, gemeente="Westland")
    assert [c.organisatie for c in westland.contacts] == ["Jeugdteam Westland"]
    pc4 = kb.areas["Pijnacker-Nootdorp"].pc4[0]
    assert [c.organisatie for c in query.jeugdteam_for_residence(kb, postcode=pc4).contacts] == [
        "Jeugdteam Pijnacker-Nootdorp"]


def test_route_and_glossary(kb):
    assert query.route_entry(kb, "verzuim").start == "verzuim.start"
    assert query.route_entry(kb, "bestaat niet") is None
    assert query.route_step(kb, "verzuim.start").route == "verzuim"
    assert query.route_step(kb, "algemeen.bestaat_niet") is None
    tlv = query.glossary_term(kb, "Toelaatbaarheidsverklaring (TLV)")
    assert tlv is not None and "tlv" in tlv.synoniemen
    assert query.glossary_term(kb, "toelaatbaarheidsverklaring (tlv)") == tlv
    assert query.glossary_term(kb, "Bestaat niet") is None
    assert query.step_for_begrip(kb, "Toelaatbaarheidsverklaring (TLV)").id == "algemeen.tlv"
    assert query.step_for_begrip(kb, "Bestaat niet") is None
