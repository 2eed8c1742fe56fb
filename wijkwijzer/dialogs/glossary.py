"""Begrippen: what a term means, with a follow-up choice to the related route step."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import NO, YES, opens_with_acknowledgement, pick_option, said
from wijkwijzer.core.conversation import (
    REDIRECT,
    ROLE_AND_PLACE_KEYS,
    Route,
    WijkwijzerDialog,
    answered,
    ask,
    end,
    replace,
    state_of,
)
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import LastLookup, LastShown, services
from wijkwijzer.dialogs.route import RouteDialog
from wijkwijzer.knowledge.text import normalize

_TO_STEP = re.compile(r"\b(?:die|de|deze|dat|welke) stap\b|\blaat (?:maar |eens |even |ff )?zien\b|\bnaar de route\b")
_YES_FIRST = frozenset(normalize(word) for word in YES if " " not in word)
_NO_WORDS = frozenset(normalize(word) for word in NO if " " not in word)
_ASKS_ELSE = frozenset("hoe wat wie waar wanneer welke waarom".split())


def _wants_step(text: str) -> bool:
    """'ok die heb ik gesproken, wat is die stap precies', 'ja laat maar zien': the step, please."""
    words = normalize(text).split()
    if not words or _NO_WORDS & set(words):
        return False
    if _TO_STEP.search(" ".join(words)):
        return True
    return words[0] in _YES_FIRST and not _ASKS_ELSE & set(words)  # "oke en hoe zit het met …" asks something new


class GlossaryCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {"show_step": frozenset({"titel"})}
    unknown_term: str
    show_step: str
    choices: tuple[str, str]
    declined: str


class GlossaryDialog(WijkwijzerDialog):
    """Waits one turn for the follow-up to the route step; "hoe vraag ik die aan" goes there too."""

    ID = "glossary"
    WAITS_BENEATH = False  # the offer is for the next message only; a new request drops it
    Copy = GlossaryCopy
    copy: GlossaryCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        kb = svc.kb
        name = svc.understanding.entities.get("begrip")
        term = next((t for t in kb.terms if t.term == name), None)
        if term is None:
            await dc.context.send_activity(reply(self.copy.unknown_term))
            return await end(dc)
        roles = kb.resolver.resolve(term.term, "rol", limit=1)  # "wie is dat voor ypenburg" after "wat is een lpa"
        svc.memory.last_lookup = LastLookup(intent="glossary", at=svc.request.now, begrip=term.term,
                                            rol=roles[0].id if roles else None)
        svc.memory.last_shown = LastShown("begrip", term.term, svc.request.now)
        step = kb.steps.get(term.route_stap or "")
        if step is None or len(dc.stack) > 1:  # a question waits beneath ("is een groepsplan verplicht?" at a step): no offer
            await dc.context.send_activity(reply(f"{term.term}\n\n{term.uitleg}"))
            return await end(dc)
        state_of(dc)["step"] = step.id
        text = f"{term.term}\n\n{term.uitleg}\n\n{self.copy.show_step.format(titel=step.titel)}"
        return await ask(dc, "to_route", text, list(self.copy.choices), intents=("glossary", "route"))

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        text = svc.request.text
        index = pick_option(text, list(self.copy.choices))
        answered(dc)
        entities = svc.understanding.entities
        if index is None and opens_with_acknowledgement(text) and any(entities.get(key) for key in ROLE_AND_PLACE_KEYS):
            return await end(dc, REDIRECT)  # "ok, voor rijswijk": the "ok" takes note, the place answers the question before
        if index == 0 or said(text, YES) or _wants_step(text) or self._asks_how(svc.understanding.intent,
                                                                               svc.understanding.entities):
            return await replace(dc, RouteDialog.ID, {"step": state_of(dc)["step"], "echo": True})
        if index == 1:
            await dc.context.send_activity(reply(self.copy.declined))
            return await end(dc)
        return await end(dc, REDIRECT)

    @staticmethod
    def _asks_how(intent: str, entities: Mapping[str, str | None]) -> bool:
        """'hoe vraag ik die aan' right after the term: a route question about this term."""
        return intent == "route" and not entities.get("begrip") and entities.get("route") in (None, "algemeen")


ROUTES = (Route(GlossaryDialog, intents=("glossary",)),)
