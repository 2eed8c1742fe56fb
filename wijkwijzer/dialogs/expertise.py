"""Expertisekaart: which schools in an area have an expertise, with their IB contact.

Two slots, ``tag`` and ``place`` ("Overal" is a place too). Follow-ups keep what they leave
out: "en autisme?" after NT2 in Centrum asks about autisme in Centrum.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import pick_option
from wijkwijzer.core.conversation import Route, end
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import LastLookup, TurnServices, services
from wijkwijzer.dialogs.lookup import Place, PlaceChoice, place_from_entities, place_from_text, place_label
from wijkwijzer.dialogs.slots import ALSO, Choose, Slot, SlotCopy, SlotDialog
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import School
from wijkwijzer.knowledge.vocabulary import EXPERTISE_TAGS

MAX_SCHOOLS = 6
EVERYWHERE: dict[str, Any] = {"everywhere": True}


class ExpertiseCopy(SlotCopy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "widened": frozenset({"waar", "tag", "breder"}), "none": frozenset({"waar", "tag"}),
        "header": frozenset({"waar", "tag"}), "more": frozenset({"n"}), "school_profile": frozenset({"school", "tags"}),
    }
    ask_tag: str
    ask_place: str
    everywhere: str
    widened: str
    none: str
    ask_expertisepunt: str
    header: str
    more: str
    guest_note: str
    school_profile: str
    no_tags: str


class TagSlot(Slot):
    name = "tag"

    def __init__(self, copy: ExpertiseCopy) -> None:
        self.copy = copy

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        return svc.understanding.entities.get("expertise")

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        index = pick_option(text, list(EXPERTISE_TAGS))
        if index is not None:
            return EXPERTISE_TAGS[index]
        candidates = svc.kb.resolver.resolve(text, "expertise", limit=1)
        return candidates[0].id if candidates else None

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        return self.copy.ask_tag, list(EXPERTISE_TAGS)


class AreaSlot(Slot):
    name = "place"

    def __init__(self, copy: ExpertiseCopy) -> None:
        self.copy = copy

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        return _area(place_from_entities(svc.kb, svc.understanding.entities, svc.understanding.ambiguous))

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        _, choices = self.question(svc, values)
        index = pick_option(text, choices)
        if index is not None and choices[index] == self.copy.everywhere:
            return dict(EVERYWHERE)
        if index == 0 and svc.profile.wijk in svc.kb.areas:
            return Place(area=svc.profile.wijk).as_dict()
        return _area(place_from_text(svc.kb, text))

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        own = [place_label(svc.kb, Place(area=svc.profile.wijk))] if svc.profile.wijk in svc.kb.areas else []
        return self.copy.ask_place, [*own, self.copy.everywhere]


def _area(found: Place | PlaceChoice | None) -> Any:
    """Only areas count (a school names no area to search in)."""
    if isinstance(found, PlaceChoice):
        areas = [(label, p) for label, p in zip(found.labels, found.values, strict=True) if p.area]
        if len(areas) > 1:
            return Choose(tuple(label for label, _ in areas), tuple(p.as_dict() for _, p in areas))
        return areas[0][1].as_dict() if areas else None
    return found.as_dict() if isinstance(found, Place) and found.area else None


class ExpertiseDialog(SlotDialog):
    ID = "expertise"
    INTENT = "expertise_lookup"
    Copy = ExpertiseCopy
    copy: ExpertiseCopy

    def __init__(self, copy: ExpertiseCopy) -> None:
        super().__init__(copy)
        self.slots = (TagSlot(copy), AreaSlot(copy))

    async def start(self, dc: DialogContext, values: dict[str, Any], options: dict[str, Any]) -> DialogTurnResult | None:
        svc = services(dc.context)
        last = svc.memory.last_lookup
        entities = svc.understanding.entities
        if (svc.understanding.followup and last is not None and last.intent == "expertise_lookup"
                and last.fresh(svc.request.now, svc.idle) and not last.area
                and not any(entities.get(k) for k in ("wijk", "gemeente", "school", "postcode"))):
            values["place"] = dict(EVERYWHERE)  # "en autisme?" after a question about everywhere
        school = svc.kb.schools.get(entities.get("school") or "")
        if school is not None and not entities.get("expertise"):
            return await self._profile(dc, school)  # "welke expertise heeft de vliegerwolk"
        return None

    async def _profile(self, dc: DialogContext, school: School) -> DialogTurnResult:
        svc = services(dc.context)
        svc.memory.last_lookup = LastLookup(intent="expertise_lookup", at=svc.request.now, school=school.naam)
        tags = ", ".join(school.expertise) or self.copy.no_tags
        lines = [self.copy.school_profile.format(school=school.naam, tags=tags),
                 _school_lines(school, svc.profile.registered)]
        await dc.context.send_activity(reply("\n\n".join(lines)))
        return await end(dc)

    async def complete(self, dc: DialogContext, values: dict[str, Any]) -> DialogTurnResult:
        area = values["place"].get("area")
        await self._answer(dc, values["tag"], area)
        also = values.get(ALSO, {}).get("tag")
        if also:  # "rijswijk, en ook gedrag": the expertise asked before, and this one
            await self._answer(dc, also, area)
        return await end(dc)

    async def _answer(self, dc: DialogContext, tag: str, area: str | None) -> None:
        svc = services(dc.context)
        copy = self.copy
        schools = query.schools_with_expertise(svc.kb, tag, area)
        lines: list[str] = []
        if not schools and area:
            wider, schools = _widen(svc.kb, tag, area)
            if schools:
                lines.append(copy.widened.format(waar=place_label(svc.kb, Place(area=area)), tag=tag,
                                                 breder=place_label(svc.kb, Place(area=wider))))
                area = wider
        where = f" in {place_label(svc.kb, Place(area=area))}" if area else ""
        only = schools[0].naam if len(schools) == 1 else None  # "wie is daar de ib'er" means that school
        svc.memory.last_lookup = LastLookup(intent="expertise_lookup", at=svc.request.now, area=area, school=only,
                                            expertise=tag)
        if not schools:
            await dc.context.send_activity(reply(copy.none.format(waar=where, tag=tag), [copy.ask_expertisepunt]))
            return
        lines = lines or [copy.header.format(waar=where, tag=tag)]
        lines += [_school_lines(school, svc.profile.registered) for school in schools[:MAX_SCHOOLS]]
        if len(schools) > MAX_SCHOOLS:
            lines.append(copy.more.format(n=len(schools) - MAX_SCHOOLS))
        if not svc.profile.registered:
            lines.append(copy.guest_note)
        await dc.context.send_activity(reply("\n\n".join(lines)))


def _widen(kb: KnowledgeBase, tag: str, area: str) -> tuple[str, list[School]]:
    """No school in the wijk itself: look in its stadsdeel or kern, then its gemeente."""
    for wider in kb.ancestors(area)[1:]:
        schools = query.schools_with_expertise(kb, tag, wider)
        if schools:
            return wider, schools
    return area, []


def _school_lines(school: School, registered: bool) -> str:
    wijk = school.wijk.split(": ", 1)[-1]
    line = f"{school.naam} ({wijk})"
    if registered and school.ib:
        contact = ", ".join(x for x in (school.ib.telefoon, school.ib.email) if x)
        line += f"\nIB: {school.ib.naam}" + (f", {contact}" if contact else "")
    if school.opmerking:
        line += f"\n{school.opmerking}"
    return line


ROUTES = (Route(ExpertiseDialog, intents=("expertise_lookup",)),)
