"""Snel een signaal: one message or guided in at most three questions, confirmed before saving;
and the aggregated report for adviseurs.

Slots: the ``text`` (checked for personal data about a child before it is kept even in dialog
state), the ``thema`` and ``wijk`` (taken from the text and the user's own wijk when it says
nothing), the ``urgency`` ("dringend signaal: …" is urgent; asked only while fewer than three
questions were asked) and the confirmation. A safety concern in the text was answered by the
agent before this dialog runs; the signal goes on, so a false alarm costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import pick_option
from wijkwijzer.core.conversation import REDIRECT, Route, WijkwijzerDialog, pending_of
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.privacy import allowed_words, describe, find_personal_data
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import LastLookup, TurnServices, services
from wijkwijzer.core.understanding import thema_of
from wijkwijzer.dialogs.lookup import Place, place_from_entities, place_from_text, place_label
from wijkwijzer.dialogs.slots import Refuse, Slot, SlotCopy, SlotDialog
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import THEMA_IDS, THEMA_LABELS
from wijkwijzer.store.schema import URGENCIES

MAX_QUESTIONS = 3
MIN_TEXT_WORDS = 3
_LEAD_IN = re.compile(
    r"^\s*(?:(?P<urgent>dringende?|urgente?|spoed)\s+)?(?:nieuwe?\s+)?"
    r"(?:signaal|signaaltje|signalering|melding)\s*[:\-]\s*"
    r"|^\s*(?:ik\s+wil\s+(?:graag\s+)?(?:even\s+)?(?:een\s+)?(?:signaal\s+)?(?:doorgeven|melden|geven)"
    r"|(?:ik\s+wil\s+)?even\s+melden|ik\s+wil\s+(?:graag\s+)?melden)\s*(?:dat|:)\s*",
    re.IGNORECASE,
)
_URGENT = re.compile(r"\b(dringend|dringende|urgent|urgente|spoed|met spoed|zeer zorgelijk)\b", re.IGNORECASE)


_REQUEST_WORDS = frozenset("""
    ik wij we wil wilde wou zou graag even een nieuw nieuwe signaal signaaltje signalering melding doorgeven melden
    geven afgeven loggen invoeren maken doen aub svp alsjeblieft kan mag hoe iets wat kwijt delen sturen achterlaten
    noteren vastleggen registreren
""".split())


def signal_text(text: str) -> str | None:
    """The content of a signal message without its lead-in ("signaal:", "even melden dat"), or
    None when the message only asks to give a signal ("ik wil een signaal doorgeven")."""
    match = _LEAD_IN.match(text)
    rest = (text[match.end():] if match else text).strip()
    words = normalize(rest).split()
    if len(words) < MIN_TEXT_WORDS or all(word in _REQUEST_WORDS for word in words):
        return None
    return rest


class SignalCopy(SlotCopy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "refused": frozenset({"gevonden"}), "summary": frozenset({"thema", "wijk", "urgentie", "tekst"}),
    }
    guests: str
    ask_text: str
    too_short: str
    refused: str
    ask_thema: str
    ask_wijk: str
    ask_urgency: str
    urgency_labels: dict[str, str]
    summary: str
    confirm: tuple[str, str]
    not_saved: str
    saved: str


class TextSlot(Slot):
    name = "text"

    def __init__(self, copy: SignalCopy) -> None:
        self.copy = copy

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        if values.get("text") or svc.understanding.intent != "signal":
            return None
        text = signal_text(svc.request.text)
        return self._checked(svc, text) if text else None

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        stripped = signal_text(text) or text.strip()
        if len(stripped.split()) < MIN_TEXT_WORDS:
            return Refuse(self.copy.too_short)
        return self._checked(svc, stripped)

    def _checked(self, svc: TurnServices, text: str) -> Any:
        findings = find_personal_data(text, allowed_words(svc.kb))
        if findings:
            return Refuse(self.copy.refused.format(gevonden=describe(findings)))
        return text

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        return self.copy.ask_text, []


class ThemaSlot(Slot):
    name = "thema"

    def __init__(self, copy: SignalCopy) -> None:
        self.copy = copy

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        named = svc.understanding.entities.get("thema")
        if named or values.get("thema") or not values.get("text"):
            return named
        return thema_of(values["text"])

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        index = pick_option(text, list(THEMA_LABELS.values()))
        return THEMA_IDS[index] if index is not None else thema_of(text)

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        return self.copy.ask_thema, list(THEMA_LABELS.values())


class WijkSlot(Slot):
    name = "wijk"

    def __init__(self, copy: SignalCopy) -> None:
        self.copy = copy

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        found = place_from_entities(svc.kb, svc.understanding.entities, {})
        if isinstance(found, Place):
            return found.area or svc.kb.schools[found.school or ""].wijk
        return None

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        own = svc.profile.wijk
        if own in svc.kb.areas and pick_option(text, [place_label(svc.kb, Place(area=own))]) == 0:
            return own
        found = place_from_text(svc.kb, text)
        if isinstance(found, Place):
            return found.area or svc.kb.schools[found.school or ""].wijk
        return None

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        own = [place_label(svc.kb, Place(area=svc.profile.wijk))] if svc.profile.wijk in svc.kb.areas else []
        return self.copy.ask_wijk, own


class UrgencySlot(Slot):
    name = "urgency"

    def __init__(self, copy: SignalCopy) -> None:
        self.copy = copy

    def needed(self, svc: TurnServices, values: Mapping[str, Any], asked: int) -> bool:
        return asked < MAX_QUESTIONS

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        return "hoog" if _URGENT.search(svc.request.text) else None

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        index = pick_option(text, list(self.copy.urgency_labels.values()))
        return list(self.copy.urgency_labels)[index] if index is not None else self.from_message(svc, values)

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        return self.copy.ask_urgency, list(self.copy.urgency_labels.values())


class ConfirmSlot(Slot):
    name = "confirmed"

    def __init__(self, copy: SignalCopy) -> None:
        self.copy = copy

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        index = pick_option(text, list(self.copy.confirm))
        return None if index is None else index == 0

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        urgency = values.get("urgency") or "normaal"
        summary = self.copy.summary.format(
            thema=THEMA_LABELS[values["thema"]], wijk=place_label(svc.kb, Place(area=values["wijk"])),
            urgentie=self.copy.urgency_labels[urgency].lower(), tekst=values["text"])
        return summary, list(self.copy.confirm)


class SignalDialog(SlotDialog):
    ID = "signal"
    INTENT = "signal"
    Copy = SignalCopy
    copy: SignalCopy

    def __init__(self, copy: SignalCopy) -> None:
        super().__init__(copy)
        if set(copy.urgency_labels) != set(URGENCIES):
            raise LookupError(f"signal.urgency_labels moet precies {', '.join(URGENCIES)} noemen")
        self.slots = (TextSlot(copy), ThemaSlot(copy), WijkSlot(copy), UrgencySlot(copy), ConfirmSlot(copy))

    def free_text_slot(self, slot: str) -> bool:
        return slot == "text"

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        """A new signal with its own text while this one waits for a thema, wijk, urgency or 'ja'
        starts over with the new text (this one was not confirmed, so nothing is lost)."""
        svc = services(dc.context)
        pending = pending_of(dc)
        if pending and pending.slot != "text" and svc.understanding.intent == "signal" and signal_text(svc.request.text):
            return await dc.end_dialog(REDIRECT)
        return await super().continue_dialog(dc)

    async def start(self, dc: DialogContext, values: dict[str, Any], options: dict[str, Any]) -> DialogTurnResult | None:
        svc = services(dc.context)
        if not svc.profile.registered:
            await dc.context.send_activity(reply(self.copy.guests))
            return await dc.end_dialog()
        if svc.profile.wijk in svc.kb.areas:
            values["wijk"] = svc.profile.wijk
        return None

    async def complete(self, dc: DialogContext, values: dict[str, Any]) -> DialogTurnResult:
        svc = services(dc.context)
        if not values["confirmed"]:
            await dc.context.send_activity(reply(self.copy.not_saved))
            return await dc.end_dialog()
        await svc.signals.save_signal(thema=values["thema"], wijk=values["wijk"],
                                      urgency=values.get("urgency") or "normaal", text=values["text"],
                                      reporter=svc.profile.user_id)
        await dc.context.send_activity(reply(self.copy.saved))
        return await dc.end_dialog()


class ReportCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "line": frozenset({"waar", "thema", "aantal", "hoog"}), "urgent": frozenset({"n"}),
        "none_yet": frozenset({"filter"}), "header": frozenset({"filter"}), "in_place": frozenset({"waar"}),
        "about": frozenset({"thema"}),
    }
    only_adviseurs: str
    none_yet: str
    header: str
    line: str
    urgent: str
    unknown_wijk: str
    in_place: str
    about: str
    periods: dict[str, str]


_PERIOD = re.compile(r"\b(vandaag|deze week|deze maand|dit jaar|(?:afgelopen|laatste) (\d{1,3}) (dagen|weken|maanden))\b")


def period_start(text: str, now: datetime) -> tuple[str, datetime] | None:
    """The period a report question names ("deze maand", "laatste 2 weken"): its words and start."""
    found = _PERIOD.search(text.lower())
    if found is None:
        return None
    words, count, unit = found.group(1), found.group(2), found.group(3)
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if count:
        days = int(count) * {"dagen": 1, "weken": 7, "maanden": 30}[unit]
        return words, now - timedelta(days=days)
    starts = {"vandaag": day, "deze week": day - timedelta(days=day.weekday()), "deze maand": day.replace(day=1),
              "dit jaar": day.replace(month=1, day=1)}
    return words, starts[words]


class SignalReportDialog(WijkwijzerDialog):
    """Signals per wijk and thema, for adviseurs and beheerders; narrowed to the place, thema and
    period the question names ("hoeveel signalen over armoede in rijswijk deze maand")."""

    ID = "signal_report"
    Copy = ReportCopy
    copy: ReportCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        copy = self.copy
        if not svc.profile.sees_reports:
            await dc.context.send_activity(reply(copy.only_adviseurs))
            return await dc.end_dialog()
        entities = svc.understanding.entities
        place = place_from_entities(svc.kb, entities, {})
        area = place.area if isinstance(place, Place) else None
        thema = entities.get("thema")
        period = period_start(svc.request.text, svc.request.now)
        svc.memory.last_lookup = LastLookup(intent="signal_report", at=svc.request.now, area=area, thema=thema)
        inside = set(svc.kb.descendants(area)) if area else None
        counts = [row for row in await svc.signals.signal_counts(period[1] if period else None)
                  if (inside is None or row.wijk in inside) and (thema is None or row.thema == thema)]
        narrowed = " ".join(part for part in (
            copy.in_place.format(waar=place_label(svc.kb, Place(area=area))) if area else "",
            copy.about.format(thema=THEMA_LABELS.get(thema, thema).lower()) if thema else "",
            copy.periods.get(period[0], period[0]) if period else "") if part)
        suffix = f" {narrowed}" if narrowed else ""
        if not counts:
            await dc.context.send_activity(reply(copy.none_yet.format(filter=suffix)))
            return await dc.end_dialog()
        lines = [copy.header.format(filter=suffix)]
        for row in counts:
            area = svc.kb.areas.get(row.wijk or "")
            urgent = copy.urgent.format(n=row.hoog) if row.hoog else ""
            lines.append(copy.line.format(waar=area.naam if area else copy.unknown_wijk,
                                          thema=THEMA_LABELS.get(row.thema, row.thema), aantal=row.count, hoog=urgent))
        await dc.context.send_activity(reply("\n".join(lines)))
        return await dc.end_dialog()


ROUTES = (
    Route(SignalDialog, intents=("signal",)),
    Route(SignalReportDialog, intents=("signal_report",)),
)
