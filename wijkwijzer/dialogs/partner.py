"""Ketenpartner zoeken: role + wijk/school/postcode/home gemeente → contact cards.

Asks for a missing role or place with choices, asks back when a place is ambiguous, and
answers grensverkeer questions ("leerling woont in Rijswijk") with the jeugdteam of the
gemeente where the pupil lives. Contact details go to registered users only.
"""

from __future__ import annotations

import re
from datetime import date

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult

from wijkwijzer.core.replies import ContactCard, reply
from wijkwijzer.core.services import services
from wijkwijzer.dialogs.common import END_OF_TURN, NO, STOP, YES, hand_over, pick_option, said, wants_something_else
from wijkwijzer.dialogs.lookup import (
    Place,
    PlaceChoice,
    place_from_entities,
    place_from_text,
    place_label,
    suggested_places,
)
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import STALE_AFTER_DAYS, KnowledgeBase
from wijkwijzer.knowledge.models import Contact

PARTNER_DIALOG = "partner"
MAX_CARDS = 3

ROLE_CHOICES: tuple[tuple[str, str], ...] = (
    ("smw", "SMW"),
    ("jgz", "JGZ (CJG)"),
    ("leerplicht", "Leerplicht"),
    ("jeugdteam", "Jeugdteam"),
    ("wijkagent", "Wijkagent"),
    ("adviseur", "Adviseur SWV"),
    ("steunpunt", "Expertisepunt"),
    ("veilig_thuis", "Veilig Thuis"),
)
ROLE_NAMES = {
    "smw": "schoolmaatschappelijk werk (SMW)",
    "jgz": "JGZ",
    "leerplicht": "leerplicht",
    "jeugdteam": "het jeugdteam",
    "wijkagent": "de wijkagent",
    "adviseur": "de adviseur passend onderwijs",
    "steunpunt": "het expertisepunt",
    "veilig_thuis": "Veilig Thuis",
    "ib": "de IB'er",
}
PUBLIC_NUMBERS = "Zorgen over de veiligheid van een kind? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). Bij acuut gevaar: 112."
NOT_REGISTERED = (
    "Contactgegevens van ketenpartners deel ik alleen met aangemelde gebruikers van het samenwerkingsverband. "
    "Werk je op een school in het SWV? Vraag je adviseur om een aanmeldcode en typ dan: aanmelden JOUW-CODE.\n\n"
    + PUBLIC_NUMBERS
)
_RESIDENCE = re.compile(r"\b(woont|wonen|woonachtig|woonplaats|woongemeente|thuis in)\b")


def lives_elsewhere(text: str) -> bool:
    """The question is about where the pupil lives (grensverkeer)."""
    return bool(_RESIDENCE.search(text.lower()))


def contact_card(contact: Contact, today: date) -> ContactCard:
    note = None
    checked = contact.laatst_gecontroleerd
    if checked is None or (today - checked).days > STALE_AFTER_DAYS:
        when = f"{checked:%d-%m-%Y}" if checked else "onbekend"
        note = f"Laatst gecontroleerd: {when} (ouder dan 12 maanden)"
    return ContactCard(
        naam=contact.naam,
        rol=contact.functie,
        organisatie=contact.organisatie,
        telefoon=contact.telefoon,
        email=contact.email,
        bereikbaar=contact.bereikbaar,
        opmerking=note,
    )


class PartnerDialog(Dialog):
    """Options: the understanding's entities plus ``ambiguous`` and the original ``text``."""

    def __init__(self) -> None:
        super().__init__(PARTNER_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        opts = options if isinstance(options, dict) else {}
        kb = services(dc.context).kb
        state = dc.active_dialog.state
        state.update({"rol": opts.get("rol"), "place": None, "pending": None, "choices": []})
        state["residence"] = lives_elsewhere(opts.get("text", "")) and opts.get("rol") in (None, "jeugdteam")
        found = place_from_entities(kb, opts, opts.get("ambiguous") or {}) or suggested_places(kb, opts.get("text", ""))
        if found is None and opts.get("place"):
            found = Place(**opts["place"])
        if isinstance(found, PlaceChoice):
            return await self._ask_place_choice(dc, found)
        if isinstance(found, Place):
            state["place"] = found.as_dict()
        return await self._advance(dc)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        text = dc.context.activity.text or ""
        if said(text, STOP):
            await dc.context.send_activity(reply("Oké, gestopt."))
            return await dc.end_dialog()
        if self._asks_another_ketenpartner(dc):
            return await hand_over(dc)
        handled = await {
            "rol": self._read_role,
            "place": self._read_place,
            "pick_place": self._read_place_choice,
        }[state["pending"]](dc, text)
        if handled is not None:
            return handled
        if wants_something_else(dc, own_intents=("partner_lookup",)):
            return await hand_over(dc)
        await dc.context.send_activity(reply(state["repeat"], state["choices"]))
        return END_OF_TURN

    @staticmethod
    def _asks_another_ketenpartner(dc: DialogContext) -> bool:
        """'wie is de wijkagent' or 'wijkagent ypenburg' while this dialog asks which wijk is
        meant for the JGZ: a new question, not an answer (its wijk would otherwise go to the JGZ).
        No confidence threshold: another ketenpartner is never an answer to 'which wijk', even
        next to a word that is not understood ('smw vlierwolk'). Naming a ketenpartner when asked
        which one is meant is an answer, and keeps the wijk."""
        understanding = services(dc.context).understanding
        pending_rol = dc.active_dialog.state.get("rol")
        if understanding is None or understanding.intent != "partner_lookup" or not pending_rol:
            return False
        rol = understanding.entities.get("rol")
        return rol is not None and rol != pending_rol

    async def _read_role(self, dc: DialogContext, text: str) -> DialogTurnResult | None:
        svc = services(dc.context)
        index = pick_option(text, [label for _, label in ROLE_CHOICES])
        rol = ROLE_CHOICES[index][0] if index is not None else None
        if rol is None:
            candidates = svc.kb.resolver.resolve(text, "rol", limit=1)
            rol = candidates[0].id if candidates else (svc.understanding.entities.get("rol") if svc.understanding else None)
        if rol is None:
            return None
        dc.active_dialog.state["rol"] = rol
        return await self._advance(dc)

    async def _read_place(self, dc: DialogContext, text: str) -> DialogTurnResult | None:
        kb = services(dc.context).kb
        state = dc.active_dialog.state
        if state["choices"] and pick_option(text, state["choices"]) == 0 and services(dc.context).profile.wijk:
            found: Place | PlaceChoice | None = Place(area=services(dc.context).profile.wijk)
        else:
            found = place_from_text(kb, text) or suggested_places(kb, text)
        if found is None:
            return None
        if isinstance(found, PlaceChoice):
            return await self._ask_place_choice(dc, found)
        state["place"] = found.as_dict()
        return await self._advance(dc)

    async def _read_place_choice(self, dc: DialogContext, text: str) -> DialogTurnResult | None:
        state = dc.active_dialog.state
        index = pick_option(text, state["choices"])
        if index is None and len(state["choices"]) == 1 and said(text, YES):
            index = 0
        if index is None and said(text, NO):
            return await self._advance(dc)
        if index is None:
            return await self._read_place(dc, text) if not wants_something_else(dc) else None
        state["place"] = state["options"][index]
        return await self._advance(dc)

    async def _advance(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = dc.active_dialog.state
        place = Place(**state["place"]) if state["place"] else Place()
        if state["residence"] and not place.empty and not place.school:
            return await self._answer_residence(dc, place)
        if not state["rol"]:
            return await self._ask(dc, "rol", "Welke ketenpartner zoek je?", [label for _, label in ROLE_CHOICES])
        if state["rol"] == "veilig_thuis":
            return await self._answer(dc, place)
        if place.empty:
            own = [place_label(svc.kb, Place(area=svc.profile.wijk))] if svc.profile.wijk in svc.kb.areas else []
            return await self._ask(dc, "place", f"Voor welke wijk of school zoek je {ROLE_NAMES[state['rol']]}? Typ een naam of postcode.", own)
        return await self._answer(dc, place)

    async def _ask(self, dc: DialogContext, pending: str, question: str, choices: list[str]) -> DialogTurnResult:
        state = dc.active_dialog.state
        state.update({"pending": pending, "choices": choices, "repeat": f"Dat herken ik niet. {question}"})
        await dc.context.send_activity(reply(question, choices))
        return END_OF_TURN

    async def _ask_place_choice(self, dc: DialogContext, found: PlaceChoice) -> DialogTurnResult:
        labels = list(found.labels)
        question = "Bedoel je " + " of ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 2 else labels) + "?"
        dc.active_dialog.state["options"] = [p.as_dict() for p in found.values]
        return await self._ask(dc, "pick_place", question, labels)

    async def _answer(self, dc: DialogContext, place: Place) -> DialogTurnResult:
        svc = services(dc.context)
        rol = dc.active_dialog.state["rol"]
        if not svc.profile.registered and rol != "veilig_thuis":
            await dc.context.send_activity(reply(NOT_REGISTERED, ["Help"]))
            return await dc.end_dialog()
        contacts = self._contacts(svc.kb, rol, place)
        where = place_label(svc.kb, place)
        if not contacts:
            text = f"Voor {where} heb ik geen contact voor {ROLE_NAMES[rol]}. Vraag het je adviseur passend onderwijs."
            await dc.context.send_activity(reply(text, ["Adviseur SWV"]))
            return await dc.end_dialog({"last_lookup": {"rol": rol, "place": place.as_dict()}})
        cards = [contact_card(c, svc.today) for c in contacts[:MAX_CARDS]]
        header = f"{ROLE_NAMES[rol][0].upper()}{ROLE_NAMES[rol][1:]} voor {where}:" if where else f"{ROLE_NAMES[rol]}:"
        lines = [header]
        for card in cards:
            lines.append("\n".join(card.as_lines()))
        if len(contacts) > MAX_CARDS:
            lines.append(f"(en nog {len(contacts) - MAX_CARDS} anderen)")
        if rol == "veilig_thuis":
            lines.append("Bij acuut gevaar: bel 112.")
        others = [label for key, label in ROLE_CHOICES[:5] if key != rol][:3]
        await dc.context.send_activity(reply("\n\n".join(lines), others, cards))
        return await dc.end_dialog({"last_lookup": {"rol": rol, "place": place.as_dict()}})

    @staticmethod
    def _contacts(kb: KnowledgeBase, rol: str, place: Place) -> list[Contact]:
        if rol == "veilig_thuis" and place.empty:
            return [c for c in kb.contacts if c.rol == "veilig_thuis"]
        if place.school:
            return query.contacts_for(kb, rol, school=place.school)
        area = kb.areas[place.area]
        if area.soort == "gemeente":
            return query.contacts_for(kb, rol, gemeente=area.id)
        return query.contacts_for(kb, rol, wijk=area.id)

    async def _answer_residence(self, dc: DialogContext, place: Place) -> DialogTurnResult:
        svc = services(dc.context)
        area = svc.kb.areas[place.area]
        gemeente = area.gemeente
        rule = f"Jeugdhulp loopt via het jeugdteam van de gemeente waar de leerling woont: {gemeente}. De gemeente van de school maakt niet uit."
        if area.soort == "gemeente":
            answer = query.jeugdteam_for_residence(svc.kb, gemeente=gemeente)
            if answer.needs_wijk:
                dc.active_dialog.state.update({"rol": "jeugdteam", "residence": False, "place": None})
                await dc.context.send_activity(reply(rule))
                return await self._ask(dc, "place", f"{gemeente} heeft een jeugdteam per stadsdeel. In welke wijk woont de leerling?", [])
            contacts = list(answer.contacts)
        else:
            contacts = query.contacts_for(svc.kb, "jeugdteam", wijk=area.id)
        if not contacts:
            await dc.context.send_activity(reply(f"{rule}\n\nVoor {gemeente} heb ik geen jeugdteam in de kennisbank. Neem contact op met de gemeente {gemeente}."))
            return await dc.end_dialog()
        if not svc.profile.registered:
            await dc.context.send_activity(reply(f"{rule}\n\n{NOT_REGISTERED}"))
            return await dc.end_dialog()
        cards = [contact_card(c, svc.today) for c in contacts[:MAX_CARDS]]
        text = "\n\n".join([rule, *("\n".join(card.as_lines()) for card in cards)])
        await dc.context.send_activity(reply(text, [], cards))
        return await dc.end_dialog({"last_lookup": {"rol": "jeugdteam", "place": place.as_dict()}})
