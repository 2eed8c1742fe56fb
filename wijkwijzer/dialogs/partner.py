"""Ketenpartner zoeken: role + wijk/school/postcode/home gemeente → contact cards.

Two slots, ``rol`` and ``place`` (see dialogs/slots.py): asked with choices when missing, asked
back when a place is ambiguous or too far off to be sure. Grensverkeer questions ("leerling
woont in Rijswijk") get the jeugdteam of the gemeente where the pupil lives. Contact details go
to registered users only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import pick_option
from wijkwijzer.core.conversation import Route
from wijkwijzer.core.replies import ContactCard, reply
from wijkwijzer.core.services import LastLookup, TurnServices, services
from wijkwijzer.dialogs.lookup import (
    Place,
    PlaceChoice,
    place_from_entities,
    place_from_text,
    place_label,
    suggested_places,
)
from wijkwijzer.dialogs.slots import Choose, Slot, SlotCopy, SlotDialog
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import STALE_AFTER_DAYS, KnowledgeBase
from wijkwijzer.knowledge.models import Contact
from wijkwijzer.knowledge.vocabulary import PARTNER_ROLES, ROLES_BY_ID

MAX_CARDS = 3
OFFERED = tuple(role for role in PARTNER_ROLES if role.offered)
_RESIDENCE = re.compile(r"\b(woont|wonen|woonachtig|woonplaats|woongemeente|thuis in)\b")


def lives_elsewhere(text: str) -> bool:
    """The question is about where the pupil lives (grensverkeer)."""
    return bool(_RESIDENCE.search(text.lower()))


class PartnerCopy(SlotCopy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "ask_place": frozenset({"rol"}), "header": frozenset({"rol", "waar"}),
        "no_contact": frozenset({"rol", "waar"}), "more": frozenset({"n"}), "stale": frozenset({"datum"}),
        "residence_rule": frozenset({"gemeente"}), "residence_ask_wijk": frozenset({"gemeente"}),
        "residence_none": frozenset({"gemeente"}),
    }
    ask_role: str
    ask_place: str
    header: str
    no_contact: str
    ask_adviseur: str
    more: str
    acute: str
    stale: str
    not_registered: str
    residence_rule: str
    residence_ask_wijk: str
    residence_none: str


def contact_card(copy: PartnerCopy, contact: Contact, today: date) -> ContactCard:
    note = None
    checked = contact.laatst_gecontroleerd
    if checked is None or (today - checked).days > STALE_AFTER_DAYS:
        note = copy.stale.format(datum=f"{checked:%d-%m-%Y}" if checked else "onbekend")
    return ContactCard(naam=contact.naam, rol=contact.functie, organisatie=contact.organisatie,
                       telefoon=contact.telefoon, email=contact.email, bereikbaar=contact.bereikbaar,
                       opmerking=note)


class RoleSlot(Slot):
    name = "rol"

    def __init__(self, copy: PartnerCopy) -> None:
        self.copy = copy

    def needed(self, svc: TurnServices, values: Mapping[str, Any], asked: int) -> bool:
        """Not for a grensverkeer question about a place: that asks for the jeugdteam."""
        place = values.get("place")
        return not (values.get("residence") and place and not place.get("school"))

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        return svc.understanding.entities.get("rol")

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        index = pick_option(text, [role.label for role in OFFERED])
        if index is not None:
            return OFFERED[index].id
        candidates = svc.kb.resolver.resolve(text, "rol", limit=1)
        return candidates[0].id if candidates else None

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        return self.copy.ask_role, [role.label for role in OFFERED]


class PlaceSlot(Slot):
    name = "place"

    def __init__(self, copy: PartnerCopy) -> None:
        self.copy = copy

    def needed(self, svc: TurnServices, values: Mapping[str, Any], asked: int) -> bool:
        return values.get("rol") != "veilig_thuis"

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        found = place_from_entities(svc.kb, svc.understanding.entities, svc.understanding.ambiguous)
        if found is None and not values.get("place"):
            found = suggested_places(svc.kb, svc.request.text)
            if found is not None:
                return _choose(found, suggestion=True)
        return _value(found)

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        own = svc.profile.wijk
        if own in svc.kb.areas and pick_option(text, [self._own_label(svc)]) == 0:
            return Place(area=own).as_dict()
        found = place_from_text(svc.kb, text)
        if found is None:
            suggestion = suggested_places(svc.kb, text)
            return _choose(suggestion, suggestion=True) if suggestion else None
        return _value(found)

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        own = [self._own_label(svc)] if svc.profile.wijk in svc.kb.areas else []
        return self.copy.ask_place.format(rol=ROLES_BY_ID[values["rol"]].title), own

    @staticmethod
    def _own_label(svc: TurnServices) -> str:
        return place_label(svc.kb, Place(area=svc.profile.wijk))


def _choose(found: PlaceChoice, suggestion: bool = False) -> Choose:
    return Choose(found.labels, tuple(p.as_dict() for p in found.values), suggestion=suggestion)


def _value(found: Place | PlaceChoice | None) -> Any:
    if isinstance(found, PlaceChoice):
        return _choose(found)
    return found.as_dict() if isinstance(found, Place) else None


class PartnerDialog(SlotDialog):
    ID = "partner"
    INTENT = "partner_lookup"
    Copy = PartnerCopy
    copy: PartnerCopy

    def __init__(self, copy: PartnerCopy) -> None:
        super().__init__(copy)
        self.slots = (RoleSlot(copy), PlaceSlot(copy))

    async def start(self, dc: DialogContext, values: dict[str, Any], options: dict[str, Any]) -> DialogTurnResult | None:
        svc = services(dc.context)
        entities = svc.understanding.entities
        values["residence"] = lives_elsewhere(svc.request.text) and entities.get("rol") in (None, "jeugdteam")
        last = svc.memory.last_lookup
        if svc.understanding.followup and last is not None and last.fresh(svc.request.now, svc.idle):
            if last.rol and not entities.get("rol"):
                values["rol"] = last.rol
            named = any(entities.get(k) for k in ("wijk", "school", "gemeente", "postcode"))
            if (last.area or last.school) and not named:
                values["place"] = Place(area=last.area, school=last.school).as_dict()
        return None

    async def complete(self, dc: DialogContext, values: dict[str, Any]) -> DialogTurnResult:
        svc = services(dc.context)
        place = Place(**values["place"]) if values.get("place") else Place()
        if values.get("residence") and not place.empty and not place.school:
            return await self._answer_residence(dc, values, place)
        return await self._answer(dc, svc, values["rol"], place)

    async def _answer(self, dc: DialogContext, svc: TurnServices, rol: str, place: Place) -> DialogTurnResult:
        copy = self.copy
        role = ROLES_BY_ID[rol]
        if not svc.profile.registered and rol != "veilig_thuis":
            await dc.context.send_activity(reply(copy.not_registered, ["Help"]))
            return await dc.end_dialog()
        contacts = _contacts(svc.kb, rol, place)
        where = place_label(svc.kb, place)
        self._remember(svc, rol, place)
        if not contacts:
            await dc.context.send_activity(reply(copy.no_contact.format(rol=role.title, waar=where),
                                                 [copy.ask_adviseur]))
            return await dc.end_dialog()
        cards = [contact_card(copy, c, svc.today) for c in contacts[:MAX_CARDS]]
        title = role.title[0].upper() + role.title[1:]
        lines = [copy.header.format(rol=title, waar=where) if where else f"{title}:"]
        lines += ["\n".join(card.as_lines()) for card in cards]
        if len(contacts) > MAX_CARDS:
            lines.append(copy.more.format(n=len(contacts) - MAX_CARDS))
        if rol == "veilig_thuis":
            lines.append(copy.acute)
        others = [r.label for r in PARTNER_ROLES if r.suggested and r.id != rol][:3]
        await dc.context.send_activity(reply("\n\n".join(lines), others, cards))
        return await dc.end_dialog()

    async def _answer_residence(self, dc: DialogContext, values: dict[str, Any], place: Place) -> DialogTurnResult:
        svc = services(dc.context)
        copy = self.copy
        area = svc.kb.areas[place.area or ""]
        gemeente = area.gemeente
        rule = copy.residence_rule.format(gemeente=gemeente)
        if area.soort == "gemeente":
            answer = query.jeugdteam_for_residence(svc.kb, gemeente=gemeente)
            if answer.needs_wijk:
                values.update({"rol": "jeugdteam", "residence": False, "place": None})
                await dc.context.send_activity(reply(rule))
                return await self._ask(dc, "place", copy.residence_ask_wijk.format(gemeente=gemeente), [])
            contacts = list(answer.contacts)
        else:
            contacts = query.contacts_for(svc.kb, "jeugdteam", wijk=area.id)
        if not contacts:
            await dc.context.send_activity(reply(f"{rule}\n\n{copy.residence_none.format(gemeente=gemeente)}"))
            return await dc.end_dialog()
        if not svc.profile.registered:
            await dc.context.send_activity(reply(f"{rule}\n\n{copy.not_registered}"))
            return await dc.end_dialog()
        self._remember(svc, "jeugdteam", place)
        cards = [contact_card(copy, c, svc.today) for c in contacts[:MAX_CARDS]]
        text = "\n\n".join([rule, *("\n".join(card.as_lines()) for card in cards)])
        await dc.context.send_activity(reply(text, [], cards))
        return await dc.end_dialog()

    @staticmethod
    def _remember(svc: TurnServices, rol: str, place: Place) -> None:
        svc.memory.last_lookup = LastLookup(intent="partner_lookup", at=svc.request.now, rol=rol, area=place.area,
                                            school=place.school)


def _contacts(kb: KnowledgeBase, rol: str, place: Place) -> list[Contact]:
    if rol == "veilig_thuis" and place.empty:
        return [c for c in kb.contacts if c.rol == "veilig_thuis"]
    if place.school:
        return query.contacts_for(kb, rol, school=place.school)
    area = kb.areas[place.area or ""]
    if area.soort == "gemeente":
        return query.contacts_for(kb, rol, gemeente=area.id)
    return query.contacts_for(kb, rol, wijk=area.id)


ROUTES = (Route(PartnerDialog, intents=("partner_lookup",)),)
