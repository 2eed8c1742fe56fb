"""Shared steps of the two lookup dialogs: finding the area or school someone means."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wijkwijzer.dialogs.common import area_by_name
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.resolver import Candidate
from wijkwijzer.knowledge.text import normalize


@dataclass(frozen=True)
class Place:
    """Where a question is about: a wijk/stadsdeel/kern/gemeente id, or a school."""

    area: str | None = None
    school: str | None = None
    label: str | None = None
    """How to name the place when it stands for several ("Het Geuzenlampje of Het Huygenslampje")."""
    outside: str | None = None
    """A gemeente outside the region ("leerling woont in utrecht"): no contacts of ours."""

    @property
    def empty(self) -> bool:
        return not self.area and not self.school and not self.outside

    def as_dict(self) -> dict[str, str | None]:
        """For dialog state (flat strings, so a copy of ``__dict__``, unlike dataclasses.asdict)."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class PlaceChoice:
    """Several places fit: the ids and what to show for each."""

    values: tuple[Place, ...]
    labels: tuple[str, ...]


def place_label(kb: KnowledgeBase, place: Place) -> str:
    if place.label:
        return place.label
    if place.outside:
        return place.outside
    if place.school:
        return place.school
    if place.area:
        area = kb.areas[place.area]
        return area.naam if area.soort != "stadsdeel" else f"stadsdeel {area.naam}"
    return ""


def place_from_entities(kb: KnowledgeBase, entities: Mapping[str, str | None],
                        ambiguous: Mapping[str, tuple[str, ...]], text: str = "") -> Place | PlaceChoice | None:
    """The place named in an understanding (school > wijk > postcode > gemeente); a choice when ambiguous."""
    for key in ("school", "wijk"):
        alternatives = ambiguous.get(key) or ()
        if len(alternatives) > 1:
            places = tuple(p for p in (_place(kb, key, v) for v in alternatives) if p is not None)
            if len(places) > 1:
                return PlaceChoice(places, tuple(place_label(kb, p) for p in places))
    school, wijk, postcode, gemeente = (entities.get(key) for key in ("school", "wijk", "postcode", "gemeente"))
    if school and school in kb.schools:
        return Place(school=school)
    if wijk:
        place = _stadsdeel_said(kb, wijk, text) or _place(kb, "wijk", wijk)
        if place:
            return place
    if postcode:
        return place_for_postcode(kb, postcode)
    if gemeente:
        return _place(kb, "gemeente", gemeente)
    return None


def _stadsdeel_said(kb: KnowledgeBase, name: str, text: str) -> Place | None:
    """"het hele stadsdeel scheveningen": the stadsdeel, not the wijk of the same name."""
    if not text or f"stadsdeel {normalize(name)}" not in normalize(text):
        return None
    return next((Place(area=a.id) for a in kb.areas_by_name.get(name, ()) if a.soort == "stadsdeel"), None)


def place_for_postcode(kb: KnowledgeBase, pc4: str) -> Place | PlaceChoice | None:
    areas = kb.resolver.areas_for_postcode(pc4)
    wijken = [a for a in areas if a.soort == "wijk"]
    if len(wijken) == 1:
        return Place(area=wijken[0].id)
    if len(wijken) > 1:
        places = tuple(Place(area=a.id) for a in wijken)
        return PlaceChoice(places, tuple(place_label(kb, p) for p in places))
    return Place(area=areas[0].id) if areas else None


def _place(kb: KnowledgeBase, key: str, value: str) -> Place | None:
    if key == "school":
        return Place(school=value) if value in kb.schools else None
    area = area_by_name(kb, value, prefer="gemeente" if key == "gemeente" else "wijk")
    return Place(area=area.id) if area else None


def place_from_text(kb: KnowledgeBase, text: str) -> Place | PlaceChoice | None:
    """Read a free answer to 'Voor welke wijk of school?'."""
    pc4 = kb.resolver.postcode(text)
    if pc4:
        return place_for_postcode(kb, pc4)
    best: list[tuple[float, Place, str]] = []
    for kind in ("school", "wijk", "gemeente"):
        for cand in kb.resolver.resolve(text, kind, limit=3):
            place = _place_of(cand)
            best.append((cand.score, place, place_label(kb, place)))
    if not best:
        return None
    best.sort(key=lambda item: -item[0])
    top = best[0][0]
    close = list(dict.fromkeys((p, label) for score, p, label in best if top - score < 5))
    if len({_name(kb, p) for p, _ in close}) == 1:
        return close[0][0]
    return PlaceChoice(tuple(p for p, _ in close[:4]), tuple(label for _, label in close[:4]))


def suggested_places(kb: KnowledgeBase, text: str) -> PlaceChoice | None:
    """'Bedoel je Ypenburg?' for a word that looks like a place name but is too far off to be
    sure ('ypnbrg'); None when no word of ``text`` looks like one."""
    places = tuple(_place_of(candidate) for candidate in kb.resolver.suggest(text))
    return PlaceChoice(places, tuple(place_label(kb, p) for p in places)) if places else None


def places_by_part(kb: KnowledgeBase, text: str) -> Place | PlaceChoice | None:
    """The place or places a part of a compound name stands for ('zeehelden', 'lampje')."""
    places = tuple(_place_of(candidate) for candidate in kb.resolver.parts(text))
    if len(places) == 1:
        return places[0]
    return PlaceChoice(places, tuple(place_label(kb, p) for p in places)) if places else None


_JOINS = frozenset("en of plus".split())
_BETWEEN = _JOINS | frozenset("voor in bij van de het ook nog".split())
MIN_PLACE_SCORE = 90


def places_in(kb: KnowledgeBase, text: str) -> list[Place]:
    """Every place a message names joined by 'en'/'of' ("smw voor moerwijk en voor bouwlust",
    "lpa's voor laak en rijswijk"), in order; one place or none when it names fewer than two so."""
    toks = normalize(text).split()
    found = [m.best for m in kb.resolver.scan(text, ("wijk", "gemeente", "school")) if m.best.score >= MIN_PLACE_SCORE]
    places: list[Place] = []
    for before, candidate in zip([None, *found], found, strict=False):
        if before is not None:
            between = set(toks[before.end:candidate.start])
            if not (between & _JOINS) or not between <= _BETWEEN:
                break
        place = _place_of(candidate)
        if place not in places:
            places.append(place)
    return places


def _place_of(candidate: Candidate) -> Place:
    return Place(school=candidate.id) if candidate.kind == "school" else Place(area=candidate.id)


def _name(kb: KnowledgeBase, place: Place) -> str:
    """Same-named places (wijk Centrum, stadsdeel Centrum) count as one; the resolver ranks the wijk first."""
    if place.area:
        return kb.areas[place.area].naam
    return place.school or ""
