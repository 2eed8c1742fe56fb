"""For adviseurs and beheerders: write an announcement (text → wijken → for whom → preview with
the recipient count → versturen/annuleren), ask its delivery status, and create invite codes.
Beheerders also list users and change roles.

Announcement text is the author's own: it is sent as they typed it, rendered literally by each
channel (``replies.announcement``), checked for length and for personal data about a child.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import pick_option, said
from wijkwijzer.core.conversation import Command, Route, WijkwijzerDialog, answered, ask, end, state_of
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.privacy import allowed_words, describe, find_personal_data
from wijkwijzer.core.replies import announcement, reply
from wijkwijzer.core.services import Profile, TurnServices, services
from wijkwijzer.dialogs.account import area_names, check_role_labels, role_label
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.store.outbox import MAX_TEXT, Audience, Status
from wijkwijzer.store.roles import UserRole

AUDIENCES: dict[str, tuple[str, ...]] = {"ib": (UserRole.IB,), "adviseur": (UserRole.ADVISEUR, UserRole.BEHEERDER),
                                         "iedereen": ()}
"""Who an announcement is for: a key of the copy's ``audiences`` → the roles it reaches."""
STATE_ORDER = ("read", "delivered", "sent", "waiting", "failed", "cancelled")
MAX_INVITES = 50
_PREFIX = re.compile(r"^\s*(nieuwe?\s+)?aankondiging(\s+(voor|aan|naar)\s+(?P<wijken>[^:\n]{1,80}?))?\s*[:\-]\s*",
                     re.IGNORECASE)


def related_areas(kb: KnowledgeBase, chosen: list[str]) -> tuple[str, ...]:
    """An announcement for an area reaches subscribers of that area, of every area inside it, and
    of the areas around it (someone subscribed to all of Den Haag wants Ypenburg's news too)."""
    found: set[str] = set()
    for area_id in chosen:
        area = kb.areas[area_id]
        found.add(area_id)
        found.update(a.id for a in kb.areas.values()
                     if a.deel == area_id or (area.soort == "gemeente" and a.gemeente == area.naam))
        if area.deel:
            found.add(area.deel)
        if area.soort != "gemeente":
            found.update(a.id for a in kb.areas.values() if a.soort == "gemeente" and a.naam == area.gemeente)
    return tuple(sorted(found))


def areas_in(kb: KnowledgeBase, text: str) -> list[str]:
    mentions = kb.resolver.scan(text, kinds=("wijk", "gemeente"))
    return list(dict.fromkeys(m.best.id for m in mentions if m.best.id in kb.areas))


def personal_data_problem(kb: KnowledgeBase, text: str) -> str | None:
    """What personal data a free text holds (Dutch, for the refusal), or None: the one check every
    path that stores or sends a text goes through (signals, announcements in chat and CLI)."""
    findings = find_personal_data(text, allowed_words(kb))
    return describe(findings) if findings else None


class AnnounceCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "ask_text": frozenset({"max"}), "too_long": frozenset({"lengte", "max"}),
        "personal_data": frozenset({"gevonden"}), "nobody": frozenset({"wie"}),
        "confirm_question": frozenset({"aantal", "wie"}), "sent": frozenset({"nummer", "aantal"}),
        "audience": frozenset({"wie", "waar"}),
    }
    only_adviseurs: str
    ask_text: str
    too_long: str
    personal_data: str
    ask_wijken: str
    all_wijken: str
    all_words: tuple[str, ...]
    unknown_wijk: str
    ask_audience: str
    audiences: dict[str, str]
    audience_names: dict[str, str]
    audience: str
    nobody: str
    preview: str
    confirm_question: str
    confirm: tuple[str, str]
    sent: str
    stopped: str


def people_count(count: int) -> str:
    return "1 persoon" if count == 1 else f"{count} personen"


class AnnounceDialog(WijkwijzerDialog):
    """State: ``text``, ``wijken`` (chosen area ids; empty = all), ``audience`` (a key of AUDIENCES)."""

    ID = "announce"
    Copy = AnnounceCopy
    copy: AnnounceCopy

    def __init__(self, copy: AnnounceCopy) -> None:
        if set(copy.audiences) != set(AUDIENCES) or set(copy.audience_names) != set(AUDIENCES):
            raise LookupError(f"announce.audiences en audience_names moeten precies {', '.join(AUDIENCES)} noemen")
        super().__init__(copy)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        if not svc.profile.sees_reports or svc.outbox is None:
            await dc.context.send_activity(reply(self.copy.only_adviseurs))
            return await end(dc)
        state_of(dc).update({"text": None, "wijken": None, "audience": None})
        text = svc.request.text
        match = _PREFIX.match(text)
        if match and text[match.end():].strip():
            wijken = areas_in(svc.kb, match.group("wijken") or "")
            return await self._take_text(dc, text[match.end():].strip(), wijken or None)
        return await self._ask_text(dc)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = state_of(dc)
        text = svc.request.text.strip()
        if state["text"] is None:
            return await self._take_text(dc, text)
        if state["wijken"] is None:
            return await self._take_wijken(dc, text)
        if state["audience"] is None:
            labels = list(self.copy.audiences.values())
            index = pick_option(text, labels)
            if index is None:
                return await ask(dc, "audience", self.copy.ask_audience, labels)
            state["audience"] = list(self.copy.audiences)[index]
            return await self._preview(dc)
        choice = pick_option(text, list(self.copy.confirm))
        if choice == 0:
            return await self._send(dc)
        if choice == 1:
            answered(dc)
            await dc.context.send_activity(reply(self.copy.stopped))
            return await end(dc)
        return await ask(dc, "confirm", self.copy.confirm_question.format(aantal="?", wie="?"), list(self.copy.confirm))

    async def _ask_text(self, dc: DialogContext, prefix: str = "") -> DialogTurnResult:
        question = (prefix + " " if prefix else "") + self.copy.ask_text.format(max=MAX_TEXT)
        return await ask(dc, "text", question, [], free_text=True)

    async def _take_text(self, dc: DialogContext, text: str, wijken: list[str] | None = None) -> DialogTurnResult:
        """The announcement's text; ``wijken`` when the first message named them
        ("aankondiging voor rijswijk: …")."""
        svc = services(dc.context)
        if len(text) > MAX_TEXT:
            return await ask(dc, "text", self.copy.too_long.format(lengte=len(text), max=MAX_TEXT), [], free_text=True)
        problem = personal_data_problem(svc.kb, text)
        if problem:
            return await ask(dc, "text", self.copy.personal_data.format(gevonden=problem), [], free_text=True)
        state_of(dc)["text"] = text
        if wijken:
            state_of(dc)["wijken"] = wijken
            return await ask(dc, "audience", self.copy.ask_audience, list(self.copy.audiences.values()))
        return await ask(dc, "wijken", self.copy.ask_wijken, [self.copy.all_wijken])

    async def _take_wijken(self, dc: DialogContext, text: str) -> DialogTurnResult:
        svc = services(dc.context)
        everywhere = said(text, (*self.copy.all_words, self.copy.all_wijken))
        wijken = [] if everywhere else areas_in(svc.kb, text)
        if not wijken and not everywhere:
            return await ask(dc, "wijken", self.copy.unknown_wijk, [self.copy.all_wijken])
        state_of(dc)["wijken"] = wijken
        return await ask(dc, "audience", self.copy.ask_audience, list(self.copy.audiences.values()))

    def _audience(self, kb: KnowledgeBase, state: dict[str, Any]) -> Audience:
        wijken = related_areas(kb, state["wijken"]) if state["wijken"] else ()
        return Audience(wijken=wijken, roles=tuple(str(r) for r in AUDIENCES[state["audience"]]))

    def _audience_label(self, kb: KnowledgeBase, state: dict[str, Any]) -> str:
        who = self.copy.audience_names[state["audience"]]
        return self.copy.audience.format(wie=who, waar=area_names(kb, state["wijken"], nowhere="alle wijken"))

    async def _preview(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = state_of(dc)
        assert svc.outbox is not None
        count = await svc.outbox.count_recipients(self._audience(svc.kb, state))
        label = self._audience_label(svc.kb, state)
        if count == 0:
            state.update({"wijken": None, "audience": None})
            return await ask(dc, "wijken", self.copy.nobody.format(wie=label), [self.copy.all_wijken])
        await dc.context.send_activity(reply(self.copy.preview))
        await dc.context.send_activity(announcement(state["text"]))
        question = self.copy.confirm_question.format(aantal=people_count(count), wie=label)
        return await ask(dc, "confirm", question, list(self.copy.confirm))

    async def _send(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = state_of(dc)
        assert svc.outbox is not None
        answered(dc)
        created = await svc.outbox.create(created_by=svc.profile.user_id, text_=state["text"],
                                          audience=self._audience(svc.kb, state))
        await dc.context.send_activity(reply(self.copy.sent.format(nummer=created.id,
                                                                   aantal=people_count(created.recipients))))
        return await end(dc)


# ───────────── status ─────────────


class StatusCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "not_found": frozenset({"nummer"}), "header": frozenset({"nummer", "titel", "wanneer", "aantal"}),
        "line": frozenset({"wat", "aantal"}), "reason": frozenset({"reden", "aantal"}),
    }
    only_adviseurs: str
    not_found: str
    header: str
    states: dict[str, str]
    line: str
    reason: str
    no_recipients: str


def status_text(copy: StatusCopy, status: Status) -> str:
    item = status.announcement
    counts: dict[str, int] = dict(status.counts)
    counts["waiting"] = status.waiting
    lines = [copy.header.format(nummer=item.id, titel=item.title, wanneer=f"{item.created_at:%d-%m %H:%M}",
                                aantal=item.recipients)]
    lines += [copy.line.format(wat=copy.states[key], aantal=counts[key]) for key in STATE_ORDER if counts.get(key)]
    lines += [copy.reason.format(reden=reason, aantal=n) for reason, n in status.failures.most_common(5)]
    if not item.recipients:
        lines.append(copy.no_recipients)
    return "\n".join(lines)


class StatusDialog(WijkwijzerDialog):
    ID = "announcement_status"
    Copy = StatusCopy
    copy: StatusCopy

    def __init__(self, copy: StatusCopy) -> None:
        if set(copy.states) != set(STATE_ORDER):
            raise LookupError(f"announcement_status.states moet precies {', '.join(STATE_ORDER)} noemen")
        super().__init__(copy)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        await dc.context.send_activity(reply(await self.answer(svc)))
        return await end(dc)

    async def answer(self, svc: TurnServices) -> str:
        if not svc.profile.sees_reports or svc.outbox is None:
            return self.copy.only_adviseurs
        groups = svc.request.command.groups if svc.request.command else {}
        raw = groups.get("number")
        number = int(raw) if raw else None
        found = await (svc.outbox.get(number) if number else svc.outbox.latest_by(svc.profile.user_id))
        if found is None or (found.created_by != svc.profile.user_id and not svc.profile.is_beheerder):
            return self.copy.not_found.format(nummer=f" met nummer {number}" if number else "")
        status = await svc.outbox.status(found.id)
        return status_text(self.copy, status) if status else self.copy.not_found.format(nummer="")


# ───────────── invite codes ─────────────


class InviteCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "made": frozenset({"soort", "rol", "waar", "tot", "codes", "voorbeeld"}),
    }
    only_adviseurs: str
    only_beheerder: str
    which_school: str
    whole_swv: str
    made: str
    one: str
    many: str
    role_labels: dict[str, str]


class InviteDialog(WijkwijzerDialog):
    ID = "invite"
    Copy = InviteCopy
    copy: InviteCopy

    def __init__(self, copy: InviteCopy) -> None:
        check_role_labels(copy.role_labels)
        super().__init__(copy)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        await dc.context.send_activity(reply(await self.answer(svc, svc.request.text)))
        return await end(dc)

    async def answer(self, svc: TurnServices, text: str) -> str:
        copy = self.copy
        if not svc.profile.sees_reports or svc.people is None:
            return copy.only_adviseurs
        role = next((r for r in (UserRole.BEHEERDER, UserRole.ADVISEUR)
                     if re.search(rf"\b{r.value}s?\b", text, re.IGNORECASE)), UserRole.IB)
        if role != UserRole.IB and not svc.profile.is_beheerder:
            return copy.only_beheerder
        mentions = svc.kb.resolver.scan(text, kinds=("school", "wijk"))
        school = next((m.best.id for m in mentions if m.best.kind == "school"), None)
        wijk = svc.kb.schools[school].wijk if school else next((m.best.id for m in mentions if m.best.kind == "wijk"),
                                                               None)
        if role == UserRole.IB and not school and not wijk:
            return copy.which_school
        count_match = re.search(r"\b(\d{1,3})\b", text)
        count = min(int(count_match.group(1)), MAX_INVITES) if count_match else 1
        made = await svc.people.create_invites(role=role, school=school, wijk=wijk, count=max(count, 1),
                                               valid_for=timedelta(days=svc.invite_valid_days),
                                               created_by=svc.profile.user_id)
        where = school or (area_names(svc.kb, [wijk]) if wijk else copy.whole_swv)
        return copy.made.format(soort=copy.many if len(made) > 1 else copy.one,
                                rol=role_label(copy.role_labels, role), waar=where,
                                tot=f"{made[0].expires_at:%d-%m-%Y}", codes="\n".join(i.code for i in made),
                                voorbeeld=made[0].code)


# ───────────── users and roles (beheerder) ─────────────


class UsersCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "header": frozenset({"aantal"}), "line": frozenset({"nummer", "naam", "rol", "waar", "kanaal"}),
        "more": frozenset({"aantal"}), "changed": frozenset({"nummer", "rol"}), "no_such_user": frozenset({"nummer"}),
    }
    only_beheerders: str
    nobody: str
    header: str
    line: str
    nameless: str
    no_school: str
    more: str
    how_to_change: str
    only_beheerder_roles: str
    changed: str
    no_such_user: str
    role_labels: dict[str, str]


class UsersDialog(WijkwijzerDialog):
    ID = "users"
    Copy = UsersCopy
    COPY_SECTION = "users"
    copy: UsersCopy

    def __init__(self, copy: UsersCopy) -> None:
        check_role_labels(copy.role_labels)
        super().__init__(copy)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        await dc.context.send_activity(reply(await self.answer(svc)))
        return await end(dc)

    async def answer(self, svc: TurnServices) -> str:
        copy = self.copy
        if not svc.profile.is_beheerder or svc.people is None:
            return copy.only_beheerders
        users = await svc.people.all()
        if not users:
            return copy.nobody
        lines = [copy.header.format(aantal=len(users))]
        lines += [copy.line.format(nummer=u.id, naam=u.display_name or copy.nameless,
                                   rol=role_label(copy.role_labels, u.role), waar=u.school or u.wijk or copy.no_school,
                                   kanaal=u.channel) for u in users[:50]]
        if len(users) > 50:
            lines.append(copy.more.format(aantal=len(users) - 50))
        lines.append(copy.how_to_change)
        return "\n".join(lines)


class RoleDialog(UsersDialog):
    ID = "role"

    async def answer(self, svc: TurnServices) -> str:
        copy = self.copy
        if not svc.profile.is_beheerder or svc.people is None:
            return copy.only_beheerder_roles
        groups = svc.request.command.groups if svc.request.command else {}
        number, role = int(groups["number"] or 0), str(groups["role"]).lower()
        changed = await svc.people.set_role(number, role, actor=svc.profile.user_id)
        if changed is None:
            return copy.no_such_user.format(nummer=number)
        return copy.changed.format(nummer=number, rol=role_label(copy.role_labels, role))


def _sees_reports(profile: Profile) -> bool:
    return profile.sees_reports


_ROLE_NAMES = "|".join(role.value for role in UserRole)
ROUTES = (
    Route(AnnounceDialog, intents=("announce",)),
    Route(StatusDialog, commands=(
        Command("status", re.compile(r"\bstatus\b.{0,20}\baankondiging(?:en)?\b(?:\s*(?:nr\.?|nummer)?\s*(?P<number>\d+))?",
                                     re.IGNORECASE), _sees_reports),
        Command("status_number", re.compile(r"\baankondiging\s*(?P<number>\d+)?\s*status\b", re.IGNORECASE),
                _sees_reports),
    )),
    Route(InviteDialog, commands=(
        Command("invite", re.compile(r"\b(maak|maken|nieuwe?|aanmaken|genereer|geef)\b.{0,30}"
                                     r"\b(aanmeldcodes?|uitnodigings?codes?|codes?)\b", re.IGNORECASE), _sees_reports),
        Command("invite_word", re.compile(r"^\s*(aanmeldcodes?|uitnodigingscodes?)(?:\s+\d{1,3})?\s*(?:voor\b|$)",
                                          re.IGNORECASE),
                _sees_reports),
    )),
    Route(UsersDialog, commands=(
        Command("users", re.compile(r"^\s*(gebruikers|toon gebruikers|wie zijn (er )?aangemeld)\s*\??\s*$",
                                    re.IGNORECASE)),)),
    Route(RoleDialog, commands=(
        Command("role", re.compile(rf"^\s*rol\s+(?P<number>\d+)\s+(?P<role>{_ROLE_NAMES})\s*$", re.IGNORECASE)),)),
)
