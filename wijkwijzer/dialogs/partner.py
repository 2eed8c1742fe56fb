"""Ketenpartner zoeken: role + wijk/school/postcode/home gemeente → contact cards.

Two slots, ``rol`` and ``place`` (see dialogs/slots.py): asked with choices when missing, asked
back when a place is ambiguous or too far off to be sure — unless every place it may be gives
the same contact. Grensverkeer questions ("leerling woont in Rijswijk") get the jeugdteam of
the gemeente where the pupil lives. "ketenpartners ypenburg" gets every partner of the place in
one overview; the IB'er of a school comes from the expertisekaart; the adviseur without a place
is the user's own. Contact details go to registered users only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import pick_option
from wijkwijzer.core.conversation import CLEAR_REQUEST, Route, end
from wijkwijzer.core.replies import ContactCard, reply
from wijkwijzer.core.services import LastLookup, TurnServices, ids, services
from wijkwijzer.dialogs.common import joined
from wijkwijzer.dialogs.lookup import (
    Place,
    PlaceChoice,
    place_from_entities,
    place_from_text,
    place_label,
    places_by_part,
    places_in,
    suggested_places,
)
from wijkwijzer.dialogs.slots import ALSO, Choose, Slot, SlotCopy, SlotDialog
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import STALE_AFTER_DAYS, KnowledgeBase
from wijkwijzer.knowledge.models import Contact
from wijkwijzer.knowledge.resolver import PLACE_KINDS
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import FUNCTION_SYNONYMS, PARTNER_ROLES, RESIDENCE_ROLES, ROLES_BY_ID

MAX_CARDS = 3
MAX_ALL_CARDS = 10
"""At most this many cards when the message asks for everyone ("alle wijkagenten van stadsdeel centrum")."""
_EVERYONE = re.compile(r"\b(?:alle|allemaal|iedereen|hele|heel)\b", re.IGNORECASE)
MIN_SCHOOL_SCORE = 90.0
OFFERED = tuple(role for role in PARTNER_ROLES if role.offered)
ALL = "alle"
"""The ``rol`` value of a question for every partner of a place."""
IB_FUNCTIE = ROLES_BY_ID["ib"].functie
"""Roles that go by where the pupil lives."""
_RESIDENCE = re.compile(r"\b(woont|wonen|woonachtig|woonplaats|woongemeente|thuis in)\b")


def lives_elsewhere(text: str) -> bool:
    """The question is about where the pupil lives (grensverkeer)."""
    return bool(_RESIDENCE.search(text.lower()))


class PartnerCopy(SlotCopy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "ask_place": frozenset({"rol"}), "header": frozenset({"rol", "waar"}), "overview": frozenset({"waar"}),
        "ib_header": frozenset({"waar"}), "expertise_header": frozenset({"expertise"}),
        "outside_region": frozenset({"gemeente"}), "outside_region_other": frozenset({"gemeente"}),
        "loket": frozenset({"naam"}), "residence_toegang": frozenset({"toegang", "telefoon"}),
        "no_contact": frozenset({"rol", "waar"}), "more": frozenset({"n"}), "stale": frozenset({"datum"}),
        "residence_rule": frozenset({"gemeente"}), "residence_ask_wijk": frozenset({"gemeente"}),
        "residence_none": frozenset({"gemeente"}), "ask_wijk_of_gemeente": frozenset({"gemeente", "rol", "n"}),
        "per_wijk_too": frozenset({"gemeente", "functie"}),
    }
    ask_role: str
    ask_place: str
    header: str
    no_contact: str
    ask_adviseur: str
    more: str
    per_wijk_too: str
    acute: str
    stale: str
    not_registered: str
    residence_rule: str
    residence_ask_wijk: str
    residence_none: str
    ask_wijk_of_gemeente: str
    outside_region: str
    outside_region_other: str
    loket: str
    residence_toegang: str
    all_title: str
    overview: str
    overview_hint: str
    ib_header: str
    expertise_header: str
    steunpunt_list: str


def contact_card(copy: PartnerCopy, contact: Contact, today: date) -> ContactCard:
    """The card of a contact; with a note when the office has not checked it for a year (the
    IB'ers of the expertisekaart carry no such date)."""
    note = None
    checked = contact.laatst_gecontroleerd
    if contact.rol != "ib" and (checked is None or (today - checked).days > STALE_AFTER_DAYS):
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
        if svc.understanding.all_partners:
            return ALL
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
        """Veilig Thuis and the expertisepunt serve the whole region, and the loket answers
        anyone: no place needed."""
        return values.get("rol") not in ("veilig_thuis", "steunpunt") and not values.get("loket")

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        found = place_from_entities(svc.kb, svc.understanding.entities, svc.understanding.ambiguous, svc.request.text)
        if found is None and not values.get("place"):
            outside = svc.understanding.outside or outside_region(svc.kb, svc.request.text)
            if outside:
                return Place(outside=outside).as_dict()
            found = places_by_part(svc.kb, svc.request.text)
            if found is None:
                suggestion = suggested_places(svc.kb, svc.request.text)
                return _choose(suggestion, suggestion=True) if suggestion else (_same_session(svc) or _own_wijk(svc))
        return _value(svc.kb, values.get("rol"), found)

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        own = svc.profile.wijk
        if own in svc.kb.areas and (svc.understanding.here or pick_option(text, [self._own_label(svc)]) == 0):
            return Place(area=own).as_dict()
        found = place_from_text(svc.kb, text) or places_by_part(svc.kb, text)
        outside = outside_region(svc.kb, text) if found is None else None
        if outside:
            return Place(outside=outside).as_dict()
        if found is None:
            suggestion = suggested_places(svc.kb, text)
            return _choose(suggestion, suggestion=True) if suggestion else None
        return _value(svc.kb, values.get("rol"), found)

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        own = [self._own_label(svc)] if svc.profile.wijk in svc.kb.areas else []
        return self.copy.ask_place.format(rol=_title(self.copy, values["rol"])), own

    @staticmethod
    def _own_label(svc: TurnServices) -> str:
        return place_label(svc.kb, Place(area=svc.profile.wijk))


SESSION = timedelta(minutes=10)
"""A clear question for a role that names no place, this soon after a lookup of a place, asks
about that place ("wie is de lpa" a minute after the jeugdarts of Rijswijk); the answer names it.
When that place was in the user's own wijk, any time later too ("wijkagent?" an hour after "wie is
onze smw"): their own wijk does not go stale."""


_LOOKUPS = ("partner_lookup", "expertise_lookup", "signal")
"""Answers whose place a later role question without a place may be about."""


def _last_place(svc: TurnServices) -> tuple[str | None, str | None]:
    """(area, school) the last lookup was about, for the role now asked; the school only when the
    knowledge base still has it."""
    last = svc.memory.last_lookup
    if last is None or last.intent not in _LOOKUPS:
        return None, None
    area, school = last.place_asked("partner_lookup", svc.understanding.entities.get("rol"))
    return area, school if school in svc.kb.schools else None


def _wijk_of(svc: TurnServices, area: str | None, school: str | None) -> str | None:
    return svc.kb.schools[school].wijk if school is not None else area


def _same_session(svc: TurnServices) -> Any:
    last, understanding = svc.memory.last_lookup, svc.understanding
    if (last is None or understanding.intent != "partner_lookup"
            or understanding.confidence < CLEAR_REQUEST or understanding.here):
        return None
    area, school = _last_place(svc)
    if school is None and area not in svc.kb.areas:
        return None
    own = svc.profile.wijk
    at_home = own is not None and own == _wijk_of(svc, area, school)
    if svc.request.now - last.at > SESSION and not at_home:
        return None
    return Place(area=None if school else area, school=school).as_dict()


def _own_wijk(svc: TurnServices) -> Any:
    """A role alone ("smw?", "wie is de lpa") from a user with a wijk of their own: that wijk —
    unless this conversation last looked up another place (then which one is meant is asked)."""
    own, understanding = svc.profile.wijk, svc.understanding
    if own not in svc.kb.areas or understanding.intent != "partner_lookup" or not understanding.entities.get("rol"):
        return None
    looked_up = _wijk_of(svc, *_last_place(svc))
    return None if looked_up is not None and looked_up != own else Place(area=own).as_dict()


def _choose(found: PlaceChoice, suggestion: bool = False) -> Choose:
    return Choose(found.labels, tuple(p.as_dict() for p in found.values), suggestion=suggestion)


def outside_region(kb: KnowledgeBase, text: str) -> str | None:
    """A gemeente outside the region the message names: anywhere in a sentence, and also a name
    that is a Dutch word too when it is all that is left besides a role ("smw leiden")."""
    found: str | None = kb.resolver.outside_gemeente(text)
    if found:
        return found
    tokens = normalize(text).split()
    roles = {i for m in kb.resolver.scan(text, ("rol",)) for i in range(m.best.start, m.best.end)}
    rest = [token for i, token in enumerate(tokens) if i not in roles and token not in _ANSWER_FILLER]
    return kb.resolver.outside_gemeente("in " + " ".join(rest)) if 0 < len(rest) <= 2 else None


_ANSWER_FILLER = frozenset("de het voor in van bij graag aub svp en wie is ?".split())


def _value(kb: KnowledgeBase, rol: str | None, found: Place | PlaceChoice | None) -> Any:
    """A place for the state, or the choice between several — not when every one of them gives
    the same contacts for ``rol`` ("smw voorburg": Voorburg-Noord and -West share their SMW'er)."""
    if isinstance(found, PlaceChoice):
        if rol and rol != ALL and _same_contacts(kb, rol, found.values):
            return Place(area=found.values[0].area, school=found.values[0].school,
                         label=joined(list(found.labels))).as_dict()
        return _choose(found)
    return found.as_dict() if isinstance(found, Place) else None


_JOINERS = frozenset("en ook plus de het ff even graag van vd voor in bij op daar".split())
"""Words that may stand between roles asked together ("smw, jgz en ook de lpa"), besides the
place they are asked for ("smw vd marlotmerel en ook ff de lpa"); nothing at all may too
("smw + jgz", punctuation is gone after normalising)."""
_AND = frozenset("en ook plus".split())
"""Roles apart are joined by one of these ("smw vd marlotmerel en ook de lpa", not "smw ypenburg,
de jgz weet ik al"); roles side by side need none ("smw jgz en lpa")."""
_BOTH = re.compile(r"\b(?:allebei|allebij|allebeide|beide|beiden|alle ?twee|alle ?drie|van hun allebei)\b")


def _more_roles(svc: TurnServices, first: str | None) -> tuple[str, ...]:
    """The roles a request adds to ``first`` ("smw vd marlotmerel en ook ff de lpa daar",
    "wijkagent en jeugdteam bij …", "de smw jgz en lpa van hoornwijk"): answered after the first,
    for the same place, when only joining words stand between the roles."""
    if not first or first == ALL:
        return ()
    found = sorted((m.best for m in svc.kb.resolver.scan(svc.request.text, ("rol",)) if m.best.id in ROLES_BY_ID),
                   key=lambda c: c.start)
    if len({c.id for c in found}) < 2 or first not in {c.id for c in found}:
        return ()
    words = normalize(svc.request.text).split()
    place = {i for m in svc.kb.resolver.scan(svc.request.text, PLACE_KINDS) for i in range(m.best.start, m.best.end)}
    for a, b in pairwise(found):
        gap = {w for i, w in enumerate(words[a.end:b.start], a.end) if i not in place}
        if not gap <= _JOINERS or (a.end < b.start and not gap & _AND):
            return ()
    return tuple(dict.fromkeys(c.id for c in found if c.id != first))


def _roles_before(svc: TurnServices, first: str | None) -> tuple[str, ...]:
    """The other roles of the questions before, when this one names no role and carries the last
    one: "smw en jgz voor moerwijk", then "en voor bouwlust" (both again); "adviseur transvaal",
    "en lpa", then "nummers van allebei" (both shown again)."""
    last = svc.memory.last_lookup
    if last is None or not first or last.rol != first or not svc.understanding.followup:
        return ()
    if svc.kb.resolver.scan(svc.request.text, ("rol",)):
        return ()
    if last.also:
        return last.also
    return last.recent if _BOTH.search(normalize(svc.request.text)) else ()


def _same_contacts(kb: KnowledgeBase, rol: str, places: tuple[Place, ...]) -> bool:
    answers = {tuple(c.id for c in _contacts(kb, rol, place)) for place in places}
    return len(answers) == 1 and bool(next(iter(answers)))


def _title(copy: PartnerCopy, rol: str) -> str:
    return copy.all_title if rol == ALL else ROLES_BY_ID[rol].title


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
        values["expertise"] = entities.get("expertise")
        values["functie"] = _typed_function(svc.request.text)  # kept while the place is asked: "wie is de jeugdarts"
        named = any(entities.get(key) for key in ("wijk", "gemeente", "school", "postcode"))
        if entities.get("rol") == "adviseur" and not named and svc.profile.wijk in svc.kb.areas:
            values["place"] = Place(area=svc.profile.wijk).as_dict()  # "wie is mijn adviseur", "een mens spreken"
        elif svc.understanding.human and not named and svc.kb.loket is not None:
            values["loket"] = True  # a person, and no wijk of their own to find their adviseur by
        more = _more_roles(svc, entities.get("rol")) or _roles_before(svc, entities.get("rol"))
        if more:
            values.setdefault(ALSO, {})["rol"] = list(more)
        return None

    async def complete(self, dc: DialogContext, values: dict[str, Any]) -> DialogTurnResult:
        svc = services(dc.context)
        place = Place(**values["place"]) if values.get("place") else Place()
        if place.outside:  # where the pupil lives, with no role named, asks for the jeugdteam there
            await self._outside(dc, values.get("rol") or "jeugdteam", place.outside)
            return await end(dc)
        if values.get("loket"):
            await self._loket(dc)
            return await end(dc)
        if values.get("residence") and not place.empty and not place.school:
            return await self._answer_residence(dc, values, place)
        many = _many_in_gemeente(svc.kb, values["rol"], place)
        if many and not values.get(ALSO) and svc.profile.registered:
            values["place"] = None  # "smw den haag": ten SMW'ers, one per few wijken; which wijk?
            question = self.copy.ask_wijk_of_gemeente.format(gemeente=place_label(svc.kb, place), n=many,
                                                             rol=_title(self.copy, values["rol"]))
            return await self._ask(dc, "place", question, [])
        before = svc.memory.last_lookup  # (the answer below remembers itself in its place)
        await self._answer(dc, svc, values["rol"], place, values.get("expertise"), values.get("functie"))
        also = ids(values.get(ALSO, {}).get("rol"))
        if also:  # "ypenburg, en ook de jgz": the role asked before, and this one
            for rol in also:
                await self._answer(dc, svc, rol, place, values.get("expertise"))
            if svc.memory.last_lookup is not None:  # "en voor bouwlust" asks for all of them again
                svc.memory.last_lookup = replace(svc.memory.last_lookup, rol=values["rol"], also=also, recent=())
            return await end(dc)
        others = _other_places(svc, place, before)
        for other in others:  # "smw voor moerwijk en voor bouwlust": each place in turn
            await self._answer(dc, svc, values["rol"], other, values.get("expertise"))
        if others and svc.memory.last_lookup is not None:
            svc.memory.last_lookup = replace(svc.memory.last_lookup, area=place.area, school=place.school,
                                             others=tuple((p.area, p.school) for p in others))
        return await end(dc)

    async def _outside(self, dc: DialogContext, rol: str, gemeente: str) -> None:
        """A gemeente outside the region: where to go there, never an ask-back loop."""
        svc = services(dc.context)
        svc.memory.last_lookup = LastLookup(intent="partner_lookup", at=svc.request.now, rol=rol)
        text = self.copy.outside_region if rol in RESIDENCE_ROLES else self.copy.outside_region_other
        await dc.context.send_activity(reply(text.format(gemeente=gemeente)))

    async def _loket(self, dc: DialogContext, note: str = "") -> bool:
        """The SWV's loket, when the knowledge base has one; False when it has none."""
        loket = services(dc.context).kb.loket
        if loket is None:
            return False
        lines = [note] if note else []
        lines.append(self.copy.loket.format(naam=loket.naam))
        lines += [f"Tel: {loket.telefoon}"] if loket.telefoon else []
        lines += [f"Mail: {loket.email}"] if loket.email else []
        lines += [f"Bereikbaar: {loket.bereikbaar}"] if loket.bereikbaar else []
        lines += [loket.opmerking] if loket.opmerking else []
        await dc.context.send_activity(reply("\n".join(lines)))
        return True

    async def _overview(self, dc: DialogContext, svc: TurnServices, place: Place) -> None:
        """Every partner of a place, one line each: the first step of a new IB'er in a wijk."""
        lines = []
        for role in OFFERED:
            found = _contacts(svc.kb, role.id, place)
            if found:
                first = found[0]
                more = f" (+{len(found) - 1})" if len(found) > 1 else ""
                phone = f", {first.telefoon}" if first.telefoon else ""
                lines.append(f"{role.label}: {first.naam}{phone}{more}")
        where = place_label(svc.kb, place)
        self._remember(svc, ALL, place)
        text = "\n".join([self.copy.overview.format(waar=where), "", *lines, "", self.copy.overview_hint])
        await dc.context.send_activity(reply(text, [r.label for r in OFFERED if r.suggested]))

    async def _send_cards(self, dc: DialogContext, title: str, contacts: list[Contact], svc: TurnServices) -> None:
        shown = _shown(contacts, svc.request.text)
        cards = [contact_card(self.copy, c, svc.today) for c in contacts[:shown]]
        lines = [title, *("\n".join(card.as_lines()) for card in cards)]
        if len(contacts) > shown:
            lines.append(self.copy.more.format(n=len(contacts) - shown))
        await dc.context.send_activity(reply("\n\n".join(lines), [], cards))

    async def _answer(self, dc: DialogContext, svc: TurnServices, rol: str, place: Place,
                      expertise: str | None = None, function: str | None = None) -> None:
        """Send the contacts of ``rol`` for ``place`` (the dialog ends in ``complete``); ``function``:
        the one the first message of this question named, before the place was asked."""
        copy = self.copy
        if not svc.profile.registered and rol != "veilig_thuis":
            await dc.context.send_activity(reply(copy.not_registered, ["Help"]))
            return
        if rol == ALL:
            await self._overview(dc, svc, place)
            return
        role = ROLES_BY_ID[rol]
        contacts = _contacts(svc.kb, rol, place)
        topic = expertise or _topic(svc.kb, svc.request.text) if rol == "steunpunt" else None
        if topic:  # "wie van het expertisepunt weet veel van autisme / kan ik bellen over de meldcode"
            contacts = [c for c in contacts if _knows(svc.kb, c, topic)] or contacts
        last = svc.memory.last_lookup
        says_role = bool(svc.kb.resolver.scan(svc.request.text, ("rol",)))  # "jgz ypenburg": the whole team again
        carried = function or (last.functie if last is not None and last.rol == rol and not says_role else None)
        contacts, function = _function_asked(svc.request.text, contacts, carried)
        where = place_label(svc.kb, place)
        self._remember(svc, rol, place)
        if function and svc.memory.last_lookup is not None:
            svc.memory.last_lookup = replace(svc.memory.last_lookup, functie=function)
        if rol == "ib" and contacts:
            await self._send_cards(dc, copy.ib_header.format(waar=where), contacts, svc)
            return
        if topic and contacts:
            await self._send_cards(dc, copy.expertise_header.format(expertise=topic), contacts, svc)
            return
        if rol == "steunpunt" and len(contacts) > MAX_CARDS:  # who knows what: one line each
            lines = [f"{c.naam}: {c.opmerking or c.functie}" + (f", {c.telefoon}" if c.telefoon else "")
                     for c in contacts]
            await dc.context.send_activity(reply("\n".join([copy.steunpunt_list, "", *lines])))
            return
        if not contacts:
            note = copy.no_contact.format(rol=role.title, waar=where)
            if rol == "adviseur" and await self._loket(dc, note):
                return  # never "vraag je adviseur" when the adviseur is what is missing
            await dc.context.send_activity(reply(note, [copy.ask_adviseur]))
            return
        wide = _gemeente_wide(svc.kb, place, contacts)
        per_wijk = wide is not None
        contacts = wide or contacts
        shown = _shown(contacts, svc.request.text)
        cards = [contact_card(copy, c, svc.today) for c in contacts[:shown]]
        title = role.title[0].upper() + role.title[1:]
        lines = [copy.header.format(rol=title, waar=where) if where else f"{title}:"]
        lines += ["\n".join(card.as_lines()) for card in cards]
        if len(contacts) > shown:
            lines.append(copy.more.format(n=len(contacts) - shown))
        if rol == "veilig_thuis":
            lines.append(copy.acute)
        if per_wijk:
            lines.append(copy.per_wijk_too.format(gemeente=where, functie=role.functie))
        others = [r.label for r in PARTNER_ROLES if r.suggested and r.id != rol][:3]
        await dc.context.send_activity(reply("\n\n".join(lines), others, cards))

    async def _answer_residence(self, dc: DialogContext, values: dict[str, Any], place: Place) -> DialogTurnResult:
        svc = services(dc.context)
        copy = self.copy
        area = svc.kb.areas[place.area or ""]
        gemeente = area.gemeente
        rule = copy.residence_rule.format(gemeente=gemeente)
        self._remember(svc, "jeugdteam", place)
        if area.soort == "gemeente":
            answer = query.jeugdteam_for_residence(svc.kb, gemeente=gemeente)
            if answer.needs_wijk:
                values.update({"rol": "jeugdteam", "residence": False, "place": None})
                await dc.context.send_activity(reply(rule))
                question = copy.residence_ask_wijk.format(gemeente=gemeente)
                entry = answer.toegang[0] if answer.toegang else None
                if entry is not None and entry.telefoon and svc.profile.registered:
                    question += " " + copy.residence_toegang.format(toegang=entry.organisatie, telefoon=entry.telefoon)
                return await self._ask(dc, "place", question, [])
            contacts = list(answer.contacts)
        else:
            contacts = query.contacts_for(svc.kb, "jeugdteam", wijk=area.id)
        if not contacts:
            await dc.context.send_activity(reply(f"{rule}\n\n{copy.residence_none.format(gemeente=gemeente)}"))
            return await end(dc)
        if not svc.profile.registered:
            await dc.context.send_activity(reply(f"{rule}\n\n{copy.not_registered}"))
            return await end(dc)
        cards = [contact_card(copy, c, svc.today) for c in contacts[:MAX_CARDS]]
        text = "\n\n".join([rule, *("\n".join(card.as_lines()) for card in cards)])
        await dc.context.send_activity(reply(text, [], cards))
        return await end(dc)

    @staticmethod
    def _remember(svc: TurnServices, rol: str | None, place: Place) -> None:
        """Remember the answer for follow-ups: the role and the place, the school the message named
        besides where the pupil lives ("woont in voorburg maar zit op de penseelvis" → "de smw van
        die school") or only that school's place ("school staat in ypenburg"), and where the pupil
        lives; the last two are carried along while the questions are about the same pupil."""
        text, last = svc.request.text, svc.memory.last_lookup
        lives = lives_elsewhere(text)
        school = place.school or (next((m.best.id for m in svc.kb.resolver.scan(text, ("school",))
                                        if m.best.score >= MIN_SCHOOL_SCORE), None) if lives else None)
        # still the same pupil: "en welke leerplichtambtenaar", then "die school"; or where the pupil
        # of the school asked about before lives ("ll van ons woont in wassenaar"), then "de smw voor die ll"
        # (a school alone does not change the pupil: "wie is de smw van de vliegerwolk" after where they live)
        same = last if last is not None and (
            place.area is None or place.area in (last.area, last.school_area, last.home)
            or (lives and last.fresh(svc.request.now, svc.idle))) else None
        if school is None and same is not None:
            school = same.school
        school_area = _other_area(svc.kb, text, place.area) if lives and school is None else (
            same.school_area if same is not None else None)
        if lives and school is None and school_area is None and svc.understanding.here and (
                svc.profile.wijk in svc.kb.areas):
            school_area = svc.profile.wijk  # "woont in nootdorp maar zit bij ons op school"
        home = place.area if lives and rol in RESIDENCE_ROLES else (same.home if same is not None else None)
        recent: tuple[str, ...] = ()
        if (last is not None and last.intent == "partner_lookup" and last.rol and last.rol != rol
                and (last.area, last.school) == (place.area, place.school) and last.fresh(svc.request.now, svc.idle)):
            recent = tuple(dict.fromkeys((*last.also, *last.recent, last.rol)))  # "… en lpa": both, for "allebei"
        svc.memory.last_lookup = LastLookup(intent="partner_lookup", at=svc.request.now, rol=rol, area=place.area,
                                            school=school, school_area=school_area, home=home, recent=recent)


def _other_places(svc: TurnServices, place: Place, last: LastLookup | None) -> list[Place]:
    """The places besides ``place`` that this question asks about: named with it ("smw voor
    moerwijk en voor bouwlust"), or, when it names none, those of the question before it ("en de
    wijkagenten daar")."""
    named = places_in(svc.kb, svc.request.text)
    if len(named) > 1 and place in named:
        return [p for p in named if p != place]
    if named or last is None or not last.others or (place.area, place.school) != (last.area, last.school):
        return []
    return [Place(area=area, school=school) for area, school in last.others]


_FUNCTIONS = frozenset(FUNCTION_SYNONYMS.values())


def _typed_function(text: str) -> str | None:
    """The function inside a team that ``text`` names ("wie is de jeugdverpleegkundige"), or None."""
    return next((f for f in (FUNCTION_SYNONYMS.get(w, w) for w in normalize(text).split()) if f in _FUNCTIONS), None)


def _function_asked(text: str, contacts: list[Contact], carried: str | None = None) -> tuple[list[Contact], str | None]:
    """The contacts whose function the message names when that is some of them: "wie is de
    jeugdarts" gets the jeugdarts of the JGZ team, not the jeugdverpleegkundige too; with the
    function word. ``carried``: the function the question before asked for, when this one names
    none ("zelfde voor rijswijk" after "en de jeugdarts?")."""
    if len(contacts) < 2:
        return contacts, None
    typed = {FUNCTION_SYNONYMS.get(word, word) for word in normalize(text).split()}
    for words in (typed, {carried} if carried else set()):
        asked = [c for c in contacts if words & {w for w in normalize(c.functie).split() if len(w) >= 6}]
        if len(asked) == len(contacts):
            return contacts, None  # "de jeugdarts en de jeugdverpleegkundige": every one of them
        if asked:
            function = next(w for c in asked for w in normalize(c.functie).split() if w in words)
            return asked, function
    return contacts, None


def _other_area(kb: KnowledgeBase, text: str, area: str | None) -> str | None:
    """A second place the message names besides ``area`` (where the pupil lives): the school's."""
    return next((found.id for m in kb.resolver.scan(text, ("wijk", "gemeente")) if m.best.score >= MIN_SCHOOL_SCORE
                 for found in kb.areas_by_name.get(m.best.name, ())[:1] if found.id != area), None)


def _gemeente_wide(kb: KnowledgeBase, place: Place, contacts: list[Contact]) -> list[Contact] | None:
    """For a whole gemeente asked for ("lpa den haag"), its gemeente-wide people when its wijken
    have people of their own as well (then the user likely wants one wijk: ask); else None."""
    area = kb.areas.get(place.area or "")
    if area is None or area.soort != "gemeente" or place.school:
        return None
    wide = [c for c in contacts if c in kb.contacts_by_area.get(area.id, ())]
    return wide if wide and len(wide) < len(contacts) else None


def _shown(contacts: list[Contact], text: str) -> int:
    """How many contact cards one answer shows: three, or all when that is only one more, or up to
    ten when the message asks for everyone ("alle wijkagenten van stadsdeel centrum")."""
    if len(contacts) <= MAX_CARDS + 1:
        return len(contacts)
    return MAX_ALL_CARDS if _EVERYONE.search(text) else MAX_CARDS


def _many_in_gemeente(kb: KnowledgeBase, rol: str, place: Place) -> int:
    """How many people a role has in a whole gemeente when that is more than one answer can show
    and none of them works for the whole gemeente (they work per wijk: the wijk decides who),
    else 0."""
    area = kb.areas.get(place.area or "")
    if area is None or area.soort != "gemeente" or place.school or rol in (ALL, "ib", "veilig_thuis", "steunpunt"):
        return 0
    if any(c.rol == rol for c in kb.contacts_by_area.get(area.id, ())):
        return 0  # someone works for the whole gemeente ("leerplicht (thuiszitters)" in heel Den Haag)
    found = len(_contacts(kb, rol, place))
    return found if found > MAX_CARDS else 0


def _contacts(kb: KnowledgeBase, rol: str, place: Place) -> list[Contact]:
    if rol in ("veilig_thuis", "steunpunt") and place.empty:
        return [c for c in kb.contacts if c.rol == rol]
    if rol == "ib":
        return _ib_contacts(kb, place)
    if place.school:
        return query.contacts_for(kb, rol, school=place.school)
    area = kb.areas[place.area or ""]
    if area.soort == "gemeente":
        return query.contacts_for(kb, rol, gemeente=area.id)
    return query.contacts_for(kb, rol, wijk=area.id)


def _ib_contacts(kb: KnowledgeBase, place: Place) -> list[Contact]:
    """The IB'er of a school, or of every school in an area, from the expertisekaart."""
    if place.school:
        schools = [kb.schools[place.school]] if place.school in kb.schools else []
    elif place.area in kb.areas:
        schools = [s for a in kb.descendants(place.area or "") for s in kb.schools_by_area.get(a, ())]
    else:
        schools = []
    return [Contact(id=f"{school.naam}: IB", naam=school.ib.naam, rol="ib", functie=IB_FUNCTIE,
                    organisatie=school.naam, werkgebied=(school.wijk,), telefoon=school.ib.telefoon,
                    email=school.ib.email) for school in schools if school.ib]


def _knows(kb: KnowledgeBase, contact: Contact, topic: str) -> bool:
    """An expertisepunt contact whose note names ``topic``, an expertise tag or a word
    ("autisme: prikkelverwerking …", "meldcode en aandachtsfunctionarissen …")."""
    note = contact.opmerking or ""
    if any(m.best.id == topic for m in kb.resolver.scan(note, ("expertise",))):
        return True
    return topic in normalize(note).split()


def _topic(kb: KnowledgeBase, text: str) -> str | None:
    """What a question to the expertisepunt is about when it names no expertise: a glossary term
    or route word in it ("over de meldcode"), as one word."""
    mentions = kb.resolver.scan(text, ("begrip", "rol"))
    roles = {i for m in mentions if m.kind == "rol" for i in range(m.best.start, m.best.end)}
    for mention in mentions:
        word = normalize(mention.best.matched).split()
        if mention.kind == "begrip" and len(word) == 1 and len(word[0]) >= 4 and mention.best.start not in roles:
            return word[0]
    return None


ROUTES = (Route(PartnerDialog, intents=("partner_lookup",)),)
