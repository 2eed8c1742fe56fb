"""Snel een signaal: one message or guided in at most three questions, confirmed before saving;
and the aggregated report for adviseurs.

Slots: the ``text`` (checked for personal data about a child before it is kept even in dialog
state), then the ``wijk``, the ``thema`` and the ``urgency``, never asked: read from the text (the
wijk else from the user's own), 'niet genoemd', 'Overig' and 'normaal' when it names none, shown in
the summary and changed by a word typed there ("laak", "armoede", "dringend"); and the
confirmation. So "ja" after the summary saves, whatever the user left out. A safety concern in the text was answered by the
agent before this dialog runs; the signal goes on, so a false alarm costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import pick_option, said
from wijkwijzer.core.conversation import REDIRECT, Route, WijkwijzerDialog, end, pending_of
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.privacy import Finding, allowed_words, describe, find_personal_data, word_runs, words_of
from wijkwijzer.core.replies import reply
from wijkwijzer.core.reports import hidden, last_months, period_in, shown, trend
from wijkwijzer.core.services import LastLookup, TurnServices, services
from wijkwijzer.core.understanding import thema_of
from wijkwijzer.dialogs.lookup import Place, place_from_entities, place_from_text, place_label
from wijkwijzer.dialogs.slots import REFUSED, Refuse, Slot, SlotCopy, SlotDialog
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import THEMA_IDS, THEMA_LABELS
from wijkwijzer.store.schema import URGENCIES
from wijkwijzer.store.signals import SignalFilter

OTHER = "overig"
"""The thema of a signal whose text names none (see :class:`ThemaSlot`)."""
MIN_TEXT_WORDS = 3
SHORT_ANSWER_WORDS = 4
_DIGIT = re.compile(r"\d")
"""A later message this short may name the thema on its own ("armoede", "gaat over verzuim")."""
_LEAD_IN = re.compile(
    r"^\s*(?:(?P<urgent>dringende?|urgente?|spoed)\s+)?(?:nieuwe?\s+)?"
    r"(?:signaal|signaaltje|signalering|melding)\s*[:\-]\s*"
    r"|^\s*(?:dringend|urgent|spoed)\s*[:!]\s*"
    r"|^\s*(?:ik\s+wil\s+(?:graag\s+)?(?:even\s+)?(?:een\s+)?(?:signaal\s+)?(?:doorgeven|melden|geven)"
    r"|(?:ik\s+wil\s+)?even\s+melden|ik\s+wil\s+(?:graag\s+)?(?:anoniem\s+)?melden"
    r"|(?:kun|kan|wil|zou)\s+(?:je|jij|u)\s+(?:(?:dit|dat|het|even|ff|anoniem)\s+){0,3}"
    r"(?:vastleggen|noteren|registreren|opslaan|bewaren|loggen))\s*(?:dat|:)\s*",
    re.IGNORECASE,
)
_URGENT = re.compile(r"\b(dringend|dringende|urgent|urgente|spoed|met spoed|zeer zorgelijk)\b", re.IGNORECASE)
_NOT_URGENT = re.compile(r"\b(niet|geen) (zo |erg |heel |echt )?(dringend|urgent|spoed)\b|\bkan wachten\b", re.IGNORECASE)


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
    thema_hint: str
    ask_wijk: str
    no_wijk: str
    wijk_hint: str
    ask_urgency: str
    urgency_labels: dict[str, str]
    summary: str
    urgency_hint: str
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
        return self._checked(svc, text, values) if text else None

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        stripped = signal_text(text) or text.strip()
        if len(stripped.split()) < MIN_TEXT_WORDS:
            return Refuse(self.copy.too_short)
        return self._checked(svc, stripped, values)

    def _checked(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        findings = find_personal_data(text, allowed_words(svc.kb)) or self._again(svc, text, values)
        if findings:
            remember = tuple(dict.fromkeys((f.kind, len(key.split()), svc.signals.fingerprint(key))
                                           for f in findings if (key := words_of(f.text))))
            return Refuse(self.copy.refused.format(gevonden=describe(findings)), remember)
        return text

    @staticmethod
    def _again(svc: TurnServices, text: str, values: Mapping[str, Any]) -> list[Finding]:
        """What this text still carries of the pieces refused before in this signal: "merel wie kan
        ik bellen" after "«merel» lijkt een naam" (the detector alone missed the name up front)."""
        refused = {(length, fingerprint): kind for kind, length, fingerprint in values.get(REFUSED, [])}
        found: list[Finding] = []
        for length in {length for length, _ in refused}:  # each run of words hashed once
            for run in word_runs(text, length):
                kind = refused.get((length, svc.signals.fingerprint(run.text)))
                if kind is not None:
                    found.append(replace(run, kind=kind, text=text[run.start:run.end]))
        return found

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        return self.copy.ask_text, []


class ThemaSlot(Slot):
    name = "thema"

    def __init__(self, copy: SignalCopy) -> None:
        self.copy = copy

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        named = svc.understanding.entities.get("thema")
        if named or not values.get("text"):
            return named
        text = svc.request.text
        if text != values["text"] and len(text.split()) <= SHORT_ANSWER_WORDS and not _DIGIT.search(text):
            # "armoede" in the confirm step; not "1", which picks one of that step's own choices
            index = pick_option(text, list(THEMA_LABELS.values()))
            return THEMA_IDS[index] if index is not None else thema_of(text)
        return None if values.get("thema") else thema_of(values["text"])

    def needed(self, svc: TurnServices, values: Mapping[str, Any], asked: int) -> bool:
        """Never asked: people write what they see, not a category. A text that names no thema
        is 'Overig' in the summary, and a thema typed in the confirm step ("armoede") changes it."""
        return False

    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        return self.copy.thema_hint, list(THEMA_LABELS.values())  # not asked (see needed)


class WijkSlot(Slot):
    name = "wijk"

    def __init__(self, copy: SignalCopy) -> None:
        self.copy = copy

    def needed(self, svc: TurnServices, values: Mapping[str, Any], asked: int) -> bool:
        """Never asked: a signal without a wijk is still a signal (the summary says 'niet genoemd'
        and a wijk typed there is taken); asking made "ja" after a signal answer the wrong question."""
        return False

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        # Also a place in a message of no intent of its own: "laak, en het is best dringend"
        # answers the wijk and the urgency at once.
        entities = svc.understanding.entities if svc.understanding.intent != "unknown" else svc.understanding.named
        found = place_from_entities(svc.kb, entities, {})
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
        """Never asked: a signal is 'normaal' unless its text (or a later message) says otherwise;
        the summary shows it, and "dringend" in the confirm step changes it."""
        return False

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        text = svc.request.text
        if _NOT_URGENT.search(text):
            return "laag"
        if _URGENT.search(text):
            return "hoog"
        labels = self.copy.urgency_labels
        named = [key for key, label in labels.items() if said(text, (key, label, f"urgentie {key}"))]
        return named[0] if named else None

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
        if values.get("wijk"):  # "wie is de jeugdconsulent daar" before confirming: the signal's wijk
            svc.memory.last_lookup = LastLookup(intent="signal", at=svc.request.now, area=values["wijk"])
        urgency = values.get("urgency") or "normaal"
        wijk = place_label(svc.kb, Place(area=values["wijk"])) if values.get("wijk") else self.copy.no_wijk
        summary = self.copy.summary.format(
            thema=THEMA_LABELS[values.get("thema") or OTHER], wijk=wijk,
            urgentie=self.copy.urgency_labels[urgency].lower(), tekst=values["text"])
        if not values.get("wijk"):
            summary += "\n" + self.copy.wijk_hint
        if not values.get("thema"):
            summary += "\n" + self.copy.thema_hint
        if not values.get("urgency"):
            summary += "\n" + self.copy.urgency_hint
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
            return await end(dc, REDIRECT)
        return await super().continue_dialog(dc)

    async def start(self, dc: DialogContext, values: dict[str, Any], options: dict[str, Any]) -> DialogTurnResult | None:
        svc = services(dc.context)
        if not svc.profile.registered:
            await dc.context.send_activity(reply(self.copy.guests))
            return await end(dc)
        if svc.profile.wijk in svc.kb.areas:
            values["wijk"] = svc.profile.wijk
        return None

    async def complete(self, dc: DialogContext, values: dict[str, Any]) -> DialogTurnResult:
        svc = services(dc.context)
        if not values["confirmed"]:
            await dc.context.send_activity(reply(self.copy.not_saved))
            return await end(dc)
        thema = values.get("thema") or OTHER
        svc.memory.last_lookup = LastLookup(intent="signal", at=svc.request.now, area=values.get("wijk"),
                                            thema=thema)  # "wie is daar het jeugdteam"
        await svc.signals.save_signal(thema=thema, wijk=values.get("wijk"),
                                      urgency=values.get("urgency") or "normaal", text=values["text"],
                                      reporter=svc.profile.user_id, at=svc.request.now,
                                      message=svc.request.message)
        await dc.context.send_activity(reply(self.copy.saved))
        return await end(dc)


class ReportCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "none": frozenset({"over", "waar", "periode"}), "header": frozenset({"over", "waar", "periode"}),
        "about": frozenset({"thema"}), "line": frozenset({"thema", "aantal", "trend"}),
        "more": frozenset({"vorige"}), "less": frozenset({"vorige"}), "threshold": frozenset({"drempel"}),
    }
    only_adviseurs: str
    none: str
    header: str
    about: str
    everywhere: str
    line: str
    more: str
    less: str
    same: str
    too_few: str
    threshold: str
    hint: str


def report_area(svc: TurnServices) -> str | None:
    """The area a report asks about: the wijk named, else the gemeente named (ids of the knowledge base)."""
    found = place_from_entities(svc.kb, svc.understanding.entities, {})
    if isinstance(found, Place):
        return found.area or svc.kb.schools[found.school or ""].wijk
    gemeente = svc.understanding.entities.get("gemeente")
    return gemeente if gemeente in svc.kb.areas else None


class SignalReportDialog(WijkwijzerDialog):
    """Signals per thema for a wijk (or stadsdeel, gemeente) and a period, compared with the period
    before, for adviseurs and beheerders; every count under the threshold reads '< N' (core/reports.py)."""

    ID = "signal_report"
    Copy = ReportCopy
    copy: ReportCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        copy = self.copy
        text = await self.answer(svc) if svc.profile.sees_reports else copy.only_adviseurs
        await dc.context.send_activity(reply(text))
        result: DialogTurnResult = await end(dc)
        return result

    async def answer(self, svc: TurnServices) -> str:
        copy, threshold = self.copy, svc.report_threshold
        area = report_area(svc)
        thema = svc.understanding.entities.get("thema")
        svc.memory.last_lookup = LastLookup(intent="signal_report", at=svc.request.now, area=area, thema=thema)
        period = period_in(svc.request.text, svc.today) or last_months(svc.today)
        wijken = svc.kb.descendants(area) if area else None
        themas = (thema,) if thema else ()
        now = await svc.signals.signal_per_thema(SignalFilter(wijken, themas, *period.bounds()))
        before = await svc.signals.signal_per_thema(SignalFilter(wijken, themas, *period.previous().bounds()))
        over = copy.about.format(thema=THEMA_LABELS.get(thema, thema).lower()) if thema else ""
        waar = svc.kb.areas[area].naam if area else copy.everywhere
        if not any(now.values()):
            return copy.none.format(over=over, waar=waar, periode=period.label) + "\n" + copy.hint
        lines = [copy.header.format(over=over, waar=waar, periode=period.label)]
        for key in sorted(now, key=lambda k: (-now[k], k)):
            change = trend(now[key], before.get(key, 0), threshold)
            said = {"meer": copy.more, "minder": copy.less, "gelijk": copy.same, None: copy.too_few}[change]
            lines.append(copy.line.format(thema=THEMA_LABELS.get(key, key), aantal=shown(now[key], threshold),
                                          trend=said.format(vorige=shown(before.get(key, 0), threshold))))
        if any(hidden(n, threshold) for n in [*now.values(), *before.values()]):
            lines.append(copy.threshold.format(drempel=threshold))
        lines.append(copy.hint)
        return "\n".join(lines)


ROUTES = (
    Route(SignalDialog, intents=("signal",)),
    Route(SignalReportDialog, intents=("signal_report",)),
)
