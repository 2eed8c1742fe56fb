"""The query API dialogs use, against the bundled demo knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(today=date(2026, 11, 22))


def names(contacts) -> list[str]:
    return [c.naam for c in contacts]


def test_wijk_contact(kb):
    assert names(query.contacts_for(kb, "smw", wijk="Den Haag: Ypenburg")) == ["Fatma Yilmaz"]
    assert set(names(query.contacts_for(kb, "jgz", wijk="Den Haag: Ypenburg"))) == {"Marieke van den Berg", "Sietske Dijkstra"}


def test_most_specific_werkgebied_wins(kb):
    assert names(query.contacts_for(kb, "wijkagent", wijk="Leidschendam-Voorburg: Stompwijk")) == ["Gerard van Zon"]
    assert names(query.contacts_for(kb, "wijkagent", wijk="Leidschendam-Voorburg: Damsigt")) == ["Frank Koster"]
    assert names(query.contacts_for(kb, "wijkagent", wijk="Rijswijk: Plaspoelpolder")) == ["Lieke Prinsen"]
    assert names(query.contacts_for(kb, "wijkagent", wijk="Rijswijk: Te Werve")) == ["Johan Mertens"]


def test_kern_and_gemeente_contacts_cover_their_wijken(kb):
    assert names(query.contacts_for(kb, "smw", wijk="Leidschendam-Voorburg: Voorburg-West")) == ["Joost Peters"]
    assert names(query.contacts_for(kb, "leerplicht", wijk="Leidschendam-Voorburg: Bovenveen")) == ["Peter de Jong"]


def test_school_own_contact_first(kb):
    assert names(query.contacts_for(kb, "smw", school="Basisschool De Herenpomp")) == ["Monique Prins"]
    assert names(query.contacts_for(kb, "leerplicht", school="IKC De Vliegerwolk")) == ["Jeroen Bakker"]


def test_gemeente_contacts(kb):
    assert names(query.contacts_for(kb, "jeugdteam", gemeente="Rijswijk")) == ["Priya Ramdin"]
    assert len(query.contacts_for(kb, "jeugdteam", gemeente="Den Haag")) == 9


def test_expertise_in_area(kb):
    centrum = {s.naam for s in query.schools_with_expertise(kb, "NT2/anderstaligen", "Den Haag: stadsdeel Centrum")}
    assert centrum == {"Basisschool De Schilderskist", "IKC De Penseelvis", "Basisschool De Rivierparel"}
    assert query.schools_with_expertise(kb, "NT2/anderstaligen", "Den Haag: Centrum") == []
    everywhere = query.schools_with_expertise(kb, "motoriek")
    assert len(everywhere) == 6


def test_grensverkeer(kb):
    rijswijk = query.jeugdteam_for_residence(kb, gemeente="Rijswijk")
    assert names(rijswijk.contacts) == ["Priya Ramdin"] and not rijswijk.needs_wijk
    by_postcode = query.jeugdteam_for_residence(kb, postcode="2285")
    assert by_postcode.gemeente == "Rijswijk" and names(by_postcode.contacts) == ["Priya Ramdin"]
    den_haag = query.jeugdteam_for_residence(kb, gemeente="Den Haag")
    assert den_haag.needs_wijk
    delft = query.jeugdteam_for_residence(kb, gemeente="Delft")
    assert delft.gemeente == "Delft" and delft.contacts == () and not delft.needs_wijk


def test_route_and_glossary(kb):
    assert query.route_entry(kb, "verzuim").start == "verzuim.start"
    assert query.step_for_begrip(kb, "Toelaatbaarheidsverklaring (TLV)").id == "algemeen.tlv"
    assert query.glossary_term(kb, "Bestaat niet") is None
