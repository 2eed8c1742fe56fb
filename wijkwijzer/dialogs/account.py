"""Registration and subscriptions: invite codes, the one-time school question, which wijken
someone gets announcements for, opting out and back in, and 'verwijder mijn gegevens'.

The stores arrive through ``TurnServices`` (``people``); nothing here knows the channel.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta
from typing import ClassVar

from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.dialogs import DialogContext, DialogReason, DialogTurnResult
from microsoft_agents.hosting.dialogs.models.dialog_instance import DialogInstance

from wijkwijzer.core.answers import NO, STOP, pick_option, said
from wijkwijzer.core.conversation import Command, Route, WijkwijzerDialog, answered, ask, end, state_of
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import GUEST, LastLookup, Profile, TurnServices, services
from wijkwijzer.dialogs.common import joined
from wijkwijzer.dialogs.lookup import Place, PlaceChoice, place_from_entities, place_from_text, places_in
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.store.people import Redemption, User
from wijkwijzer.store.roles import UserRole

SKIP = ("sla over", "overslaan", "weet ik niet", "weet niet", "geen", "later", "nvt")
MAX_ONBOARDING_TRIES = 2
_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9]{3})[\s-]?([A-Za-z0-9]{3})[\s-]?([A-Za-z0-9]{3})(?![A-Za-z0-9])")


class RolesCopy(Copy):
    """How each user role is called (one label per role of ``UserRole``, and the guest)."""

    role_labels: dict[str, str]


def role_label(labels: Mapping[str, str], role: str) -> str:
    return labels.get(role, role)


def check_role_labels(labels: Mapping[str, str]) -> None:
    missing = {*UserRole, GUEST} - set(labels)
    if missing:
        raise LookupError(f"role_labels mist {', '.join(sorted(missing))}")


def find_code(text: str) -> str | None:
    """An invite code in the message ('aanmelden k7p-m3q-x9t'); needs at least one digit."""
    for match in _CODE.finditer(text[:200]):
        code = "".join(match.groups())
        if any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code):
            return code
    return None


def wait_text(wait: timedelta | None) -> str:
    minutes = max(1, round(wait.total_seconds() / 60)) if wait else 1
    if minutes >= 90:
        return f"{round(minutes / 60)} uur"
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def area_names(kb: KnowledgeBase, ids: list[str], nowhere: str = "geen enkele wijk") -> str:
    names = [kb.areas[i].naam if i in kb.areas else i for i in ids]
    return ", ".join(names) if names else nowhere


def _per_area(kb: KnowledgeBase, areas: list[str], changed: list[str], done: str, not_done: str) -> str:
    """One line for the areas that changed ('Je krijgt nu ook berichten voor Duindorp en
    Scheveningen.') and one for the rest ('Je kreeg al …')."""
    rest = [area for area in areas if area not in changed]
    lines = [done.format(wijk=_and_names(kb, changed))] if changed else []
    lines += [not_done.format(wijk=_and_names(kb, rest))] if rest else []
    return "\n".join(lines)


def _and_names(kb: KnowledgeBase, ids: list[str]) -> str:
    """'Duindorp en Scheveningen'."""
    return joined([kb.areas[i].naam if i in kb.areas else i for i in ids])


async def own_user(svc: TurnServices) -> User | None:
    return await svc.people.get(svc.profile.user_id) if svc.people and svc.profile.user_id else None


# ───────────── register with a code ─────────────


class RegisterCopy(RolesCopy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "already": frozenset({"rol"}), "welcome": frozenset({"rol", "school", "wijken"}),
        "welcome_wijken": frozenset({"wijken"}), "wrong_later": frozenset({"wacht"}),
        "wait": frozenset({"wacht"}), "blocked": frozenset({"wacht"}),
    }
    already: str
    how: str
    welcome: str
    welcome_wijken: str
    wrong: str
    wrong_later: str
    expired: str
    used: str
    wait: str
    blocked: str


class RegisterDialog(WijkwijzerDialog):
    ID = "register"
    Copy = RegisterCopy
    copy: RegisterCopy

    def __init__(self, copy: RegisterCopy) -> None:
        check_role_labels(copy.role_labels)
        super().__init__(copy)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        copy = self.copy
        if svc.profile.registered:
            text = copy.already.format(rol=role_label(copy.role_labels, svc.profile.role))
        else:
            code = find_code(svc.request.text)
            if code is None or svc.people is None or not svc.profile.user_id:
                text = copy.how
            else:
                result = await svc.people.redeem(code, user_id=svc.profile.user_id, channel=svc.profile.channel,
                                                 address=svc.profile.address)
                text = self.redemption_text(svc.kb, result)
        await dc.context.send_activity(reply(text))
        return await end(dc)

    def redemption_text(self, kb: KnowledgeBase, result: Redemption) -> str:
        copy = self.copy
        if result.outcome == "ok" and result.user is not None:
            user = result.user
            news = copy.welcome_wijken.format(wijken=area_names(kb, [user.wijk])) if user.wijk else ""
            return copy.welcome.format(rol=role_label(copy.role_labels, user.role),
                                       school=f" van {user.school}" if user.school else "", wijken=news)
        if result.outcome == "wrong":
            return copy.wrong + (" " + copy.wrong_later.format(wacht=wait_text(result.wait)) if result.wait else "")
        texts = {"expired": copy.expired, "used": copy.used, "wait": copy.wait, "blocked": copy.blocked}
        return texts.get(result.outcome, copy.blocked).format(wacht=wait_text(result.wait))


# ───────────── subscriptions ─────────────


class SubscriptionsCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "added": frozenset({"wijk"}), "already": frozenset({"wijk"}), "list": frozenset({"wijken"}),
        "removed": frozenset({"wijk"}), "not_subscribed": frozenset({"wijk"}), "resumed": frozenset({"wijken"}),
    }
    not_in_records: str
    guests: str
    added: str
    already: str
    switched_off: str
    list: str
    nothing_to_unsubscribe: str
    removed: str
    not_subscribed: str
    all_off: str
    resumed: str


def _area_of(kb: KnowledgeBase, entities: Mapping[str, str | None]) -> str | None:
    place = place_from_entities(kb, entities, {})
    return place.area if isinstance(place, Place) else None


def _areas_of(svc: TurnServices) -> list[str]:
    """The area the message names, and the others named with it ("duindorp en scheveningen")."""
    first = _area_of(svc.kb, svc.understanding.entities)
    if first is None:
        return []
    named = [p.area for p in places_in(svc.kb, svc.request.text) if p.area]
    return [first, *(area for area in named if area != first)] if first in named else [first]


class _SubscriptionDialog(WijkwijzerDialog):
    Copy = SubscriptionsCopy
    COPY_SECTION = "subscriptions"
    copy: SubscriptionsCopy

    def no_announcements(self, profile: Profile) -> str:
        """Why someone without a user record gets no announcements, and what to do about it."""
        return self.copy.not_in_records if profile.registered else self.copy.guests

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        text = await self.answer(svc, await own_user(svc))
        await dc.context.send_activity(reply(text))
        return await end(dc)

    @abstractmethod
    async def answer(self, svc: TurnServices, user: User | None) -> str:
        """The one reply, for ``user`` (None: no user record)."""


class SubscribeDialog(_SubscriptionDialog):
    ID = "subscribe"

    async def answer(self, svc: TurnServices, user: User | None) -> str:
        if user is None or svc.people is None:
            return self.no_announcements(svc.profile)
        areas = _areas_of(svc)
        if areas:
            svc.memory.last_lookup = LastLookup(intent="subscribe", at=svc.request.now, area=areas[0])
            added = [area for area in areas if await svc.people.subscribe(user, area)]
            return _per_area(svc.kb, areas, added, self.copy.added, self.copy.already)
        if user.announcements_off:
            return self.copy.switched_off
        return self.copy.list.format(wijken=area_names(svc.kb, await svc.people.subscriptions(user)))


class UnsubscribeDialog(_SubscriptionDialog):
    ID = "unsubscribe"

    async def answer(self, svc: TurnServices, user: User | None) -> str:
        if user is None or svc.people is None:
            return self.copy.nothing_to_unsubscribe
        areas = _areas_of(svc)
        if areas:
            svc.memory.last_lookup = LastLookup(intent="unsubscribe", at=svc.request.now, area=areas[0])
            removed = [area for area in areas if await svc.people.unsubscribe(user, area)]
            return _per_area(svc.kb, areas, removed, self.copy.removed, self.copy.not_subscribed)
        await svc.people.set_announcements(user, on=False)
        return self.copy.all_off


class ResumeDialog(_SubscriptionDialog):
    ID = "resume"

    async def answer(self, svc: TurnServices, user: User | None) -> str:
        if user is None or svc.people is None:
            return self.no_announcements(svc.profile)
        await svc.people.set_announcements(user, on=True)
        return self.copy.resumed.format(wijken=area_names(svc.kb, await svc.people.subscriptions(user)))


# ───────────── the one-time school question ─────────────


class OnboardingCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {"done": frozenset({"wijken"})}
    question: str
    skip: str
    which: str
    unknown_school: str
    done: str
    skipped: str
    stopped: str


def needs_school(svc: TurnServices, in_group: bool) -> bool:
    """A person registered on first contact is asked for their school once, after their first
    question was answered. Only one-to-one: in a group the next message, from anyone, would be
    taken as the answer."""
    return svc.profile.registered and not svc.profile.onboarded and not in_group


class OnboardingDialog(WijkwijzerDialog):
    """Asks a newly registered person once for their school (or wijk). A new question instead of
    an answer counts as 'skipped' (the agent decides that it is one): see :meth:`end_dialog`."""

    ID = "onboarding"
    WAITS_BENEATH = False  # a new question instead of the school means 'skipped'
    Copy = OnboardingCopy
    copy: OnboardingCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        state_of(dc).update({"tries": 0, "places": [], "saved": False})
        return await ask(dc, "school", self.copy.question, [self.copy.skip])

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = state_of(dc)
        text = svc.request.text
        if said(text, SKIP) or said(text, STOP) or said(text, NO) or said(text, (self.copy.skip,)):
            return await self._finish(dc, None)
        labels = [str(p["label"]) for p in state["places"]]
        index = pick_option(text, labels) if labels else None
        if index is not None:
            chosen = state["places"][index]
            return await self._finish(dc, Place(area=chosen["area"], school=chosen["school"]))
        found = place_from_text(svc.kb, text)
        if isinstance(found, Place):
            return await self._finish(dc, found)
        if isinstance(found, PlaceChoice):
            state["places"] = [{"label": label, "area": p.area, "school": p.school}
                               for label, p in zip(found.labels, found.values, strict=True)]
            return await ask(dc, "school", self.copy.which, [*found.labels, self.copy.skip])
        state["tries"] += 1
        if state["tries"] >= MAX_ONBOARDING_TRIES:
            return await self._finish(dc, None)
        return await ask(dc, "school", self.copy.unknown_school, [self.copy.skip])

    async def end_dialog(self, context: TurnContext, instance: DialogInstance, reason: DialogReason) -> None:
        """Cancelled (a new question came instead of the school): counts as skipped, so the question
        is never asked again."""
        if reason == DialogReason.CancelCalled and not instance.state.get("saved"):
            await self._save(services(context), None)

    async def _finish(self, dc: DialogContext, place: Place | None) -> DialogTurnResult:
        svc = services(dc.context)
        answered(dc)
        state_of(dc)["saved"] = True
        wijk = await self._save(svc, place)
        text = self.copy.done.format(wijken=area_names(svc.kb, [wijk])) if wijk else self.copy.skipped
        await dc.context.send_activity(reply(text))
        return await end(dc)

    @staticmethod
    async def _save(svc: TurnServices, place: Place | None) -> str | None:
        school = place.school if place else None
        wijk = svc.kb.schools[school].wijk if school else (place.area if place else None)
        user = await own_user(svc)
        if user is not None and svc.people is not None:
            await svc.people.finish_onboarding(user, school=school, wijk=wijk)
        svc.profile = replace(svc.profile, onboarded=True, school=school, wijk=wijk or svc.profile.wijk)
        return wijk


# ───────────── verwijder mijn gegevens ─────────────


class ForgetCopy(Copy):
    confirm_question: str
    confirm: tuple[str, str]
    done: str
    kept: str
    stopped: str


class ForgetDialog(WijkwijzerDialog):
    """'Verwijder mijn gegevens', for anyone (registered or not): confirmed, then everything
    linkable to the person goes (store/erasure.py), this conversation's state included."""

    ID = "forget"
    Copy = ForgetCopy
    copy: ForgetCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        return await ask(dc, "confirm", self.copy.confirm_question, list(self.copy.confirm))

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        choice = pick_option(svc.request.text, list(self.copy.confirm))
        answered(dc)
        if choice == 0:
            if svc.people is not None and svc.profile.user_id:
                await svc.people.erase(svc.profile.user_id, state_keys=[svc.state_key])
            svc.erase_conversation = True
            svc.profile = Profile(user_id=svc.profile.user_id, channel=svc.profile.channel)
            await dc.context.send_activity(reply(self.copy.done))
            return await end(dc)
        if choice == 1:
            await dc.context.send_activity(reply(self.copy.kept))
            return await end(dc)
        return await ask(dc, "confirm", self.copy.confirm_question, list(self.copy.confirm))


FORGET = re.compile(
    r"\b(?:verwijder|wis|vergeet|delete|verwijderen|wissen)\b.{0,20}?\b(?:mijn|m'n|mn|me|mij|alles)\b"
    r"(?:.{0,12}?\b(?:gegevens|data|account|aanmelding|nummer|info|informatie)\b)?"
    r"|\b(?:vergeet|verwijder|wis)\s+(?:mij|me)\b|\bwis mijn account\b"
    r"|\b(?:mijn|m'n|mn|al mijn|alle)\s+(?:\w+\s+)?(?:gegevens|data|account|info|informatie)\s+(?:\w+\s+){0,2}?"
    r"(?:verwijderen|wissen|weghalen|weg|deleten|vergeten)\b", re.IGNORECASE)
RESUME = re.compile(r"^\s*((berichten|aankondigingen) (weer )?aan|meld (me|mij) (weer|opnieuw) aan)\s*[.!]?\s*$",
                    re.IGNORECASE)

ROUTES = (
    Route(RegisterDialog, intents=("register",)),
    Route(SubscribeDialog, intents=("subscribe",)),
    Route(UnsubscribeDialog, intents=("unsubscribe",)),
    Route(ResumeDialog, commands=(Command("resume", RESUME),)),
    Route(ForgetDialog, commands=(Command("forget", FORGET),)),
    Route(OnboardingDialog, after_turn=needs_school),
)
