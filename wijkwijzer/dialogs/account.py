"""Registration and subscriptions: invite codes, the one-time school question, which wijken
someone gets announcements for, opting out, and 'verwijder mijn gegevens'.

The stores arrive through ``TurnServices`` (``people``); nothing here knows the channel.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult

from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import Profile, services
from wijkwijzer.dialogs.common import NO, STOP, hand_over, pick_option, said, wants_something_else
from wijkwijzer.dialogs.lookup import Place, PlaceChoice, place_from_entities, place_from_text, place_label
from wijkwijzer.knowledge.loader import KnowledgeBase

ONBOARDING_DIALOG = "onboarding"
FORGET_DIALOG = "forget"

ROLE_LABELS = {"ib": "IB'er", "adviseur": "adviseur", "beheerder": "beheerder", "gast": "gast"}
HOW_TO_REGISTER = "Vraag je adviseur passend onderwijs om een aanmeldcode en stuur dan: aanmelden JOUW-CODE"
SKIP = ("sla over", "overslaan", "weet ik niet", "weet niet", "geen", "later", "nvt")
RESUME = re.compile(r"^\s*((berichten|aankondigingen) (weer )?aan|meld (me|mij) (weer|opnieuw) aan)\s*[.!]?\s*$",
                    re.IGNORECASE)
_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9]{3})[\s-]?([A-Za-z0-9]{3})[\s-]?([A-Za-z0-9]{3})(?![A-Za-z0-9])")
FORGET_CONFIRM = ("Ja, verwijderen", "Nee, bewaren")
MAX_ONBOARDING_TRIES = 2


def find_code(text: str) -> str | None:
    """An invite code in the message ('aanmelden k7p-m3q-x9t'); needs at least one digit."""
    for match in _CODE.finditer(text):
        code = "".join(match.groups())
        if any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code):
            return code
    return None


def wait_text(wait: timedelta | None) -> str:
    minutes = max(1, round(wait.total_seconds() / 60)) if wait else 1
    if minutes >= 90:
        return f"{round(minutes / 60)} uur"
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def area_names(kb: KnowledgeBase, ids: list[str]) -> str:
    names = [kb.areas[i].naam if i in kb.areas else i for i in ids]
    return ", ".join(names) if names else "geen enkele wijk"


async def _user(dc: DialogContext):
    svc = services(dc.context)
    return await svc.people.get(svc.profile.user_id) if svc.people and svc.profile.user_id else None


# --- register with a code -----------------------------------------------------------------


async def register(dc: DialogContext, text: str) -> None:
    svc = services(dc.context)
    send = dc.context.send_activity
    if svc.profile.registered:
        await send(reply(f"Je bent al aangemeld als {ROLE_LABELS[svc.profile.role]}. Vraag maar raak!"))
        return
    code = find_code(text)
    if code is None or svc.people is None or not svc.profile.user_id:
        await send(reply("Stuur 'aanmelden' met je code, bijvoorbeeld: aanmelden K7P-M3Q-X9T\n"
                         "De code krijg je van je adviseur passend onderwijs."))
        return
    result = await svc.people.redeem(code, user_id=svc.profile.user_id, channel=svc.profile.channel,
                                     address=svc.profile.address)
    await send(reply(redemption_text(svc.kb, result)))


def redemption_text(kb: KnowledgeBase, result) -> str:
    if result.outcome == "ok":
        user = result.user
        where = f" van {user.school}" if user.school else ""
        news = f" Je krijgt berichten voor {area_names(kb, [user.wijk])}." if user.wijk else ""
        return (f"Welkom! Je bent aangemeld als {ROLE_LABELS[user.role]}{where}.{news}\n"
                "Vraag maar raak, bijvoorbeeld: 'smw ypenburg' of 'hoe vraag ik een TLV aan'.")
    if result.outcome == "wrong":
        later = f" Probeer het over {wait_text(result.wait)} opnieuw." if result.wait else ""
        return "Deze code klopt niet. Kijk goed of je hem goed hebt overgetypt." + later
    if result.outcome == "expired":
        return "Deze code is verlopen. Vraag je adviseur om een nieuwe code."
    if result.outcome == "used":
        return "Deze code is al gebruikt. Elke code werkt maar één keer: vraag je adviseur om een nieuwe."
    if result.outcome == "wait":
        return f"Je stuurde te vaak een verkeerde code. Probeer het over {wait_text(result.wait)} opnieuw."
    return (f"Je stuurde te vaak een verkeerde code. Aanmelden kan weer over {wait_text(result.wait)}. "
            "Vraag je adviseur om hulp.")


# --- subscriptions --------------------------------------------------------------------------


def _area_of(kb: KnowledgeBase, entities: dict) -> str | None:
    place = place_from_entities(kb, entities, {})
    return place.area if isinstance(place, Place) else None


def _no_announcements(profile: Profile) -> str:
    """Why someone without a user record gets no announcements, and what to do about it."""
    if profile.registered:
        return "Je aanmelding staat niet in het gebruikersbestand, dus berichten kan ik je hier niet sturen."
    return "Berichten van het samenwerkingsverband krijg je als je aangemeld bent. " + HOW_TO_REGISTER


async def subscriptions(dc: DialogContext, entities: dict) -> None:
    svc = services(dc.context)
    user = await _user(dc)
    if user is None:
        await dc.context.send_activity(reply(_no_announcements(svc.profile)))
        return
    area = _area_of(svc.kb, entities)
    if area:
        added = await svc.people.subscribe(user, area)
        name = area_names(svc.kb, [area])
        text = f"Je krijgt nu ook berichten voor {name}." if added else f"Je krijgt al berichten voor {name}."
        await dc.context.send_activity(reply(text))
        return
    wijken = await svc.people.subscriptions(user)
    if user.announcements_off:
        text = "Je hebt berichten uitgezet. Typ 'berichten aan' om ze weer te krijgen."
    else:
        text = (f"Je krijgt berichten voor: {area_names(svc.kb, wijken)}.\n"
                "Meer wijken: 'meld me ook aan voor Scheveningen'. Eén wijk uit: 'afmelden Scheveningen'. "
                "Alles uit: 'stop'.")
    await dc.context.send_activity(reply(text))


async def unsubscribe(dc: DialogContext, entities: dict) -> None:
    svc = services(dc.context)
    user = await _user(dc)
    if user is None:
        await dc.context.send_activity(reply("Je krijgt geen berichten van mij, dus afmelden is niet nodig."))
        return
    area = _area_of(svc.kb, entities)
    if area:
        removed = await svc.people.unsubscribe(user, area)
        name = area_names(svc.kb, [area])
        text = (f"Je krijgt geen berichten meer voor {name}." if removed
                else f"Je kreeg geen berichten voor {name}.")
        await dc.context.send_activity(reply(text))
        return
    await svc.people.set_announcements(user, on=False)
    await dc.context.send_activity(reply(
        "Je bent afgemeld: je krijgt geen aankondigingen meer van Wijkwijzer. Vragen stellen kan gewoon.\n"
        "Wil je ze later weer? Typ 'berichten aan'."))


async def resume(dc: DialogContext) -> None:
    svc = services(dc.context)
    user = await _user(dc)
    if user is None:
        await dc.context.send_activity(reply(_no_announcements(svc.profile)))
        return
    await svc.people.set_announcements(user, on=True)
    wijken = await svc.people.subscriptions(user)
    await dc.context.send_activity(reply(f"Je krijgt weer berichten, voor: {area_names(svc.kb, wijken)}."))


# --- the one-time school question -----------------------------------------------------------


def _school_question() -> str:
    return ("Nog één vraag, dan weet ik dat voortaan: op welke school werk je? "
            "Dan krijg je de berichten van het samenwerkingsverband voor jouw wijk.")


class OnboardingDialog(Dialog):
    """Asks a newly registered person once for their school (or wijk). A new question instead of
    an answer counts as 'skipped' and is answered, even when it names a wijk ("jgz ypenburg"):
    a bare place name is understood with low confidence, a question with high."""

    def __init__(self) -> None:
        super().__init__(ONBOARDING_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        dc.active_dialog.state.update({"tries": 0, "choices": [], "places": []})
        await dc.context.send_activity(reply(_school_question(), ["Sla over"]))
        return Dialog.end_of_turn

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = dc.active_dialog.state
        text = dc.context.activity.text or ""
        if said(text, SKIP) or said(text, STOP) or said(text, NO):
            return await self._finish(dc, None)
        if wants_something_else(dc):
            await self._save(dc, None)
            return await hand_over(dc)
        if state["choices"]:
            index = pick_option(text, state["choices"])
            if index is not None:
                return await self._finish(dc, Place(**state["places"][index]))
        found = place_from_text(svc.kb, text)
        if isinstance(found, Place):
            return await self._finish(dc, found)
        if isinstance(found, PlaceChoice):
            state["choices"] = list(found.labels)
            state["places"] = [{"area": p.area, "school": p.school} for p in found.values]
            await dc.context.send_activity(reply("Welke bedoel je?", [*found.labels, "Sla over"]))
            return Dialog.end_of_turn
        state["tries"] += 1
        if state["tries"] >= MAX_ONBOARDING_TRIES:
            return await self._finish(dc, None)
        await dc.context.send_activity(reply("Die school ken ik niet. Typ de naam van je school of wijk.", ["Sla over"]))
        return Dialog.end_of_turn

    async def _finish(self, dc: DialogContext, place: Place | None) -> DialogTurnResult:
        svc = services(dc.context)
        wijk = await self._save(dc, place)
        if wijk:
            text = f"Dank je! Je krijgt berichten voor {area_names(svc.kb, [wijk])}."
        else:
            text = "Prima. Wil je later berichten voor een wijk? Typ 'meld me aan voor' en de wijk."
        await dc.context.send_activity(reply(text))
        return await dc.end_dialog()

    async def _save(self, dc: DialogContext, place: Place | None) -> str | None:
        svc = services(dc.context)
        school = place.school if place else None
        wijk = svc.kb.schools[school].wijk if school else (place.area if place else None)
        user = await _user(dc)
        if user is not None:
            await svc.people.finish_onboarding(user, school=school, wijk=wijk)
        svc.profile = replace(svc.profile, onboarded=True, school=school, wijk=wijk or svc.profile.wijk)
        return wijk


# --- verwijder mijn gegevens ----------------------------------------------------------------


class ForgetDialog(Dialog):
    def __init__(self) -> None:
        super().__init__(FORGET_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        if await _user(dc) is None:
            await dc.context.send_activity(reply("Ik heb geen aanmelding van je opgeslagen. Er is niets te verwijderen."))
            return await dc.end_dialog()
        dc.active_dialog.state["choices"] = list(FORGET_CONFIRM)
        await dc.context.send_activity(reply(
            "Weet je het zeker? Ik verwijder dan je aanmelding, je wijken en hoe ik je kan bereiken. "
            "Signalen die je gaf blijven bewaard, maar die zijn anoniem.", FORGET_CONFIRM))
        return Dialog.end_of_turn

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        choice = pick_option(dc.context.activity.text or "", FORGET_CONFIRM)
        if choice == 0:
            user = await _user(dc)
            if user is not None:
                await svc.people.forget(user, actor=svc.profile.user_id)
            svc.profile = Profile(user_id=svc.profile.user_id, channel=svc.profile.channel)
            await dc.context.send_activity(reply(
                "Klaar: je gegevens zijn verwijderd. Wil je Wijkwijzer later weer gebruiken, meld je dan opnieuw aan."))
            return await dc.end_dialog()
        if choice == 1 or said(dc.context.activity.text or "", STOP):
            await dc.context.send_activity(reply("Oké, ik verwijder niets."))
            return await dc.end_dialog()
        if wants_something_else(dc):
            return await hand_over(dc)
        await dc.context.send_activity(reply("Wil je je gegevens verwijderen?", FORGET_CONFIRM))
        return Dialog.end_of_turn


def profile_label(kb: KnowledgeBase, profile: Profile) -> str:
    where = profile.school or (place_label(kb, Place(area=profile.wijk)) if profile.wijk in kb.areas else "")
    return f"{ROLE_LABELS[profile.role]}{', ' + where if where else ''}"
