"""Snel een signaal: one-shot or guided in at most three questions, confirmed before saving.

The text is checked for personal data about a child before it is kept even in dialog state,
and a text that reads as concern for a child's safety is answered with Veilig Thuis, 112 and
the meldcode route before anything else.
"""

from __future__ import annotations

import re
from functools import lru_cache

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult

from wijkwijzer.core.privacy import describe, find_personal_data
from wijkwijzer.core.replies import reply
from wijkwijzer.core.safety import SAFETY_MESSAGE, is_safety_concern
from wijkwijzer.core.services import services
from wijkwijzer.dialogs.common import END_OF_TURN, STOP, hand_over, pick_option, said, wants_something_else
from wijkwijzer.dialogs.lookup import Place, place_from_entities, place_from_text, place_label
from wijkwijzer.dialogs.route import ROUTE_DIALOG
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.text import normalize

SIGNAL_DIALOG = "signal"
MAX_QUESTIONS = 3
MIN_TEXT_WORDS = 2
THEMA_LABELS: dict[str, str] = {
    "angst_depressie": "Angst of somberheid",
    "verzuim": "Verzuim/thuiszitten",
    "armoede": "Armoede",
    "gedrag": "Gedrag",
    "multiproblematiek": "Multiproblematiek",
    "middelengebruik": "Vapen/alcohol/drugs",
    "veiligheid": "Pesten/onveiligheid",
    "sociaal_emotioneel": "Welbevinden",
    "ouders": "Ouders/opvoeden",
    "wachttijden": "Wachttijden",
    "samenwerking": "Samenwerking",
    "overig": "Overig",
}
URGENCY_LABELS = {"laag": "Laag", "normaal": "Normaal", "hoog": "Hoog"}
CONFIRM = ("Ja, opslaan", "Nee, annuleren")
_PREFIX = re.compile(r"^\s*(signaal|signalering|melding)\s*[:\-]\s*", re.IGNORECASE)


def signal_text(text: str) -> str | None:
    """The content after 'signaal:', or None when the message only asks to give a signal."""
    match = _PREFIX.match(text)
    if not match:
        return None
    rest = text[match.end():].strip()
    return rest if len(rest.split()) >= MIN_TEXT_WORDS else None


@lru_cache(maxsize=2)
def allowed_words(kb: KnowledgeBase) -> frozenset[str]:
    """Capitalised words that are not personal data: areas, schools, roles.

    Built once per knowledge-base snapshot (snapshots are immutable; two are kept so a
    reload does not rebuild it for the old one still finishing its turns).
    """
    words: set[str] = set()
    for area in kb.areas.values():
        for name in (area.naam, *area.aliassen):
            words.update(normalize(name).split())
    for school in kb.schools:
        words.update(normalize(school).split())
    return frozenset(words)


class SignalDialog(Dialog):
    """Options: entities of the understanding plus the original ``text``."""

    def __init__(self) -> None:
        super().__init__(SIGNAL_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        opts = options if isinstance(options, dict) else {}
        if not svc.profile.registered:
            await dc.context.send_activity(reply(
                "Signalen kunnen alleen aangemelde gebruikers doorgeven. Vraag je adviseur om een aanmeldcode "
                "en typ dan: aanmelden JOUW-CODE."))
            return await dc.end_dialog()
        state = dc.active_dialog.state
        state.update({"thema": opts.get("thema"), "wijk": None, "urgency": None, "text": None,
                      "asked": 0, "pending": None, "choices": []})
        place = place_from_entities(svc.kb, opts, {})
        wijk = place.area if isinstance(place, Place) and place.area else svc.profile.wijk
        state["wijk"] = wijk if wijk in svc.kb.areas else None
        text = signal_text(opts.get("text", ""))
        if text:
            return await self._take_text(dc, text)
        return await self._advance(dc)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        svc = services(dc.context)
        text = dc.context.activity.text or ""
        if said(text, STOP) or (state["pending"] == "confirm" and pick_option(text, CONFIRM) == 1):
            await dc.context.send_activity(reply("Oké, het signaal is niet opgeslagen."))
            return await dc.end_dialog()
        pending = state["pending"]
        if pending == "text":
            return await self._take_text(dc, text)
        index = pick_option(text, state["choices"])
        if pending == "thema" and index is not None:
            state["thema"] = list(THEMA_LABELS)[index]
            return await self._advance(dc)
        if pending == "urgency" and index is not None:
            state["urgency"] = list(URGENCY_LABELS)[index]
            return await self._advance(dc)
        if pending == "wijk":
            found = place_from_text(svc.kb, text)
            if isinstance(found, Place) and found.area:
                state["wijk"] = found.area
                return await self._advance(dc)
        if pending == "confirm" and index == 0:
            return await self._save(dc)
        if wants_something_else(dc, own_intents=("signal",)):
            return await hand_over(dc)
        await dc.context.send_activity(reply("Kies een van de opties, of typ stop.", state["choices"]))
        return END_OF_TURN

    async def _take_text(self, dc: DialogContext, text: str) -> DialogTurnResult:
        svc = services(dc.context)
        if is_safety_concern(text):
            return await dc.replace_dialog(ROUTE_DIALOG, {"route": "meldcode", "preface": SAFETY_MESSAGE})
        findings = find_personal_data(text, allowed_words(svc.kb))
        if findings:
            state = dc.active_dialog.state
            state.update({"pending": "text", "choices": []})
            await dc.context.send_activity(reply(
                f"Je bericht bevat {describe(findings)}. Ik bewaar geen gegevens over een kind, "
                "want een signaal is anoniem (AVG). Schrijf het nog eens, zonder namen, nummers, data of adressen. "
                "Bijvoorbeeld: 'steeds meer angstklachten in groep 8'."))
            return END_OF_TURN
        if len(text.split()) < MIN_TEXT_WORDS:
            return await self._ask(dc, "text", "Vertel in een paar woorden wat je ziet.", [], count=False)
        state = dc.active_dialog.state
        state["text"] = text.strip()
        if not state["thema"]:
            understood = svc.understand(text, svc.kb)
            state["thema"] = understood.entities.get("thema")
        return await self._advance(dc)

    async def _advance(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        svc = services(dc.context)
        if not state["text"]:
            return await self._ask(dc, "text", "Wat wil je melden? Schrijf kort wat je ziet, zonder namen.", [])
        if not state["thema"]:
            return await self._ask(dc, "thema", "Over welk thema gaat het?", list(THEMA_LABELS.values()))
        if not state["wijk"]:
            own = [place_label(svc.kb, Place(area=svc.profile.wijk))] if svc.profile.wijk in svc.kb.areas else []
            return await self._ask(dc, "wijk", "In welke wijk speelt dit?", own)
        if not state["urgency"]:
            if state["asked"] >= MAX_QUESTIONS:
                state["urgency"] = "normaal"
            else:
                return await self._ask(dc, "urgency", "Hoe dringend is het?", list(URGENCY_LABELS.values()))
        return await self._confirm(dc)

    async def _ask(self, dc: DialogContext, pending: str, question: str, choices: list[str], count: bool = True) -> DialogTurnResult:
        state = dc.active_dialog.state
        state.update({"pending": pending, "choices": choices})
        if count:
            state["asked"] += 1
        await dc.context.send_activity(reply(question, choices))
        return END_OF_TURN

    async def _confirm(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        kb = services(dc.context).kb
        summary = (
            "Klopt dit signaal?\n"
            f"Thema: {THEMA_LABELS[state['thema']]}\n"
            f"Wijk: {place_label(kb, Place(area=state['wijk']))}\n"
            f"Urgentie: {URGENCY_LABELS[state['urgency']].lower()}\n"
            f"Tekst: {state['text']}"
        )
        state.update({"pending": "confirm", "choices": list(CONFIRM)})
        await dc.context.send_activity(reply(summary, list(CONFIRM)))
        return END_OF_TURN

    async def _save(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        svc = services(dc.context)
        await svc.signals.save_signal(
            thema=state["thema"], wijk=state["wijk"], urgency=state["urgency"],
            text=state["text"], reporter=svc.profile.user_id,
        )
        await dc.context.send_activity(reply(
            "Dank je! Je signaal is anoniem opgeslagen. De adviseurs zien het in het overzicht per wijk en thema."))
        return await dc.end_dialog()
