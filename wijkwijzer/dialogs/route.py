"""The ondersteuningsroute, verzuim route and meldcode: one dialog that walks the route graph.

The route is data (``route.yaml``); this dialog only interprets it. Its state holds stable step
ids, never positions, so a changed route file does not break people mid-conversation: a step id
that no longer exists sends the user back to the start of that route.

Where a question starts (after the safety answer, which comes first and offers the meldcode, when
the message shows concern for a child's safety — never instead of the step asked about): at the
step (or route entry) whose trefwoorden the message describes best ('ouders willen niet meewerken
aan het opp', 'stap 2 van de meldcode': Resolver.situations);
else at the step of the glossary term it names ('tlv'); else at the start of the route it names.

Answers may be loose: the option's number or words, "ja …"/"nee …"/"weet ik niet", a sentence
that shares words with an option ("hij is heel vaak ziek"), repeats the question's words ("gesprek
is gevoerd"), or describes the step an option leads to ("het gaat om huwelijksdwang") — also a step
one question further along that option, which the answer then skips to ("hij spijbelt gewoon" to
"staat de leerling ingeschreven?" goes on past "wat past het best?" to the 16-uur step). A route
question that answers nothing starts anew.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import BACK, RESTART, doubts, echoed_option, loose_option, pick_option, resumed, said
from wijkwijzer.core.context import remember_place
from wijkwijzer.core.conversation import REDIRECT, Route, WijkwijzerDialog, answered, ask, end, state_of
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import LastLookup, LastShown, Profile, TurnServices, services
from wijkwijzer.dialogs.common import numbered
from wijkwijzer.dialogs.shown import from_shown
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Step
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import ROLE_IDS

MAX_MISSES = 2


class RouteCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "unknown_answer": frozenset({"vraag"}), "lost": frozenset({"vraag"}), "unsure": frozenset({"vraag"}),
        "from_shown": frozenset({"titel", "zin", "vraag"})}
    stopped: str
    hint: str
    end: str
    end_choices: tuple[str, ...]
    unknown_answer: str
    lost: str
    unsure: str
    from_shown: str
    first_step: str
    changed: str
    restart: str


def _role_line(kb: KnowledgeBase, step: Step, profile: Profile) -> str:
    names = []
    for role_id in step.betrokken_rollen:
        role = kb.route_roles.get(role_id)
        if role is None:
            continue
        label = role.naam
        if role.kb_rol and profile.registered and profile.wijk and role.kb_rol not in ("ib", "veilig_thuis"):
            contacts = query.contacts_for(kb, role.kb_rol, wijk=profile.wijk)
            if contacts:
                first = contacts[0]
                label = f"{label} ({first.naam}, {first.telefoon})" if first.telefoon else f"{label} ({first.naam})"
        names.append(label)
    return "Wie: " + ", ".join(names) if names else ""


def render_step(copy: RouteCopy, kb: KnowledgeBase, step: Step, profile: Profile) -> tuple[str, list[str]]:
    """The text and choices that show one step on a phone screen."""
    parts = [step.titel, step.uitleg]
    who = _role_line(kb, step, profile)
    if who:
        parts.append(who)
    if step.documenten:
        parts.append("Documenten: " + "; ".join(step.documenten))
    if step.termijn:
        parts.append(f"Termijn: {step.termijn}")
    if step.einde or not step.opties:
        parts.append(copy.end)
        return "\n\n".join(parts), list(copy.end_choices)
    labels = [o.label for o in step.opties]
    parts.append(f"{step.vraag}\n{numbered(labels)}\n{copy.hint}")
    return "\n\n".join(parts), labels


def start_of(svc: TurnServices) -> dict[str, Any]:
    """Where a route question starts (see the module docstring)."""
    kb = svc.kb
    situation = svc.understanding.situation
    if situation in kb.steps:
        return {"step": situation}
    if situation and situation.startswith("route:"):
        return {"route": situation.removeprefix("route:")}
    begrip = svc.understanding.entities.get("begrip")
    term = next((t for t in kb.terms if t.term == begrip), None)
    if term and term.route_stap:
        return {"step": term.route_stap}
    return {"route": svc.understanding.entities.get("route") or "algemeen"}


_BACK = re.compile(r"^(?:ok |oke |oeps |sorry )?(?:(?:ga|nog een keer|nog 1 keer|even|ff|een stap|stap) terug\b"
                   r"|terug(?: graag| aub| pls| svp)?$)")
"""Going back one step, also in a few more words ("nog een keer terug, ik klikte verkeerd"); not an
answer that starts with the word ("terug naar school sinds maandag")."""
_RESTART = re.compile(r"\b(?:vanaf het begin|opnieuw beginnen|begin opnieuw|overnieuw beginnen|van voren af aan)\b")
_QUESTION = re.compile(r"^(?:en |maar |ok |oke )?(?:wat|wie|waar|hoe|hoelang|wanneer|hoeveel|welke|waarom)\b")


def _answer(svc: TurnServices, step: Step, text: str) -> list[str] | None:
    """The steps the message ``text`` moves through (see the module docstring): the chosen option's
    step, or that step and the one after it that the message describes; None when it answers nothing."""
    kb = svc.kb
    labels = [o.label for o in step.opties]
    index = pick_option(text, labels)
    if index is not None or doubts(text):
        return [step.opties[index].volgende] if index is not None else None  # "weet ik niet": "Twijfel", or none
    for target, _ in kb.resolver.situations(text):
        if target == step.id:
            continue  # the step's own words ("ouders" at the ouders step) move nowhere
        for option in step.opties:
            leads_to = kb.steps.get(option.volgende)
            if option.volgende == target or (leads_to and target == f"route:{leads_to.route}"
                                             and kb.entries[leads_to.route].start == leads_to.id):
                return [option.volgende]
        for option in step.opties:  # one question further: it must name the option's step's answer too
            leads_to = kb.steps.get(option.volgende)
            if leads_to and any(further.volgende == target for further in leads_to.opties):
                return [option.volgende, target]
    index = loose_option(text, labels)
    if index is None:
        index = echoed_option(text, step.vraag or "", labels)
    return [step.opties[index].volgende] if index is not None else None


def _remember_partner(svc: TurnServices, step: Step) -> None:
    """The step's lead ketenpartner (the first one it involves: leerplicht for "Samen met
    leerplicht") is what a follow-up asks for: "wie is dat bij ons, we zitten in wateringse veld",
    "en voor rijswijk?". The place the message named, or the one remembered, stays."""
    role = next((r for r in step.betrokken_rollen if r in ROLE_IDS and r != "ib"), None)
    if role is None:
        return
    remember_place(svc.memory, svc.understanding, svc.kb, svc.request.now)
    last = svc.memory.last_lookup
    fresh = last is not None and last.fresh(svc.request.now, svc.idle)
    svc.memory.last_lookup = LastLookup(intent="partner_lookup", at=svc.request.now, rol=role,
                                        area=last.area if last and fresh else None,
                                        school=last.school if last and fresh else None)


class RouteDialog(WijkwijzerDialog):
    """Options: ``{"route": "verzuim"}`` to start a route, or ``{"step": "algemeen.tlv"}`` to jump in
    (with ``"echo": True`` past it when the message already answers its question by repeating it);
    without options, where the message says (:func:`start_of`)."""

    ID = "route"
    Copy = RouteCopy
    copy: RouteCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        kb = svc.kb
        opts = options if isinstance(options, dict) and options else start_of(svc)
        step_id = opts.get("step")
        if step_id not in kb.steps:
            entry = kb.entries.get(opts.get("route") or "algemeen") or kb.entries["algemeen"]
            step_id = entry.start
        state_of(dc).update({"step": step_id, "history": []})
        step = kb.steps[str(step_id)]
        if opts.get("echo") and step.vraag:  # "ok ze geven toestemming" to the offer of "Geven de ouders toestemming?"
            index = echoed_option(svc.request.text, step.vraag, [o.label for o in step.opties])
            if index is not None:
                state_of(dc).update({"step": step.opties[index].volgende, "history": [step_id]})
        return await self._show(dc)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        state = state_of(dc)
        svc = services(dc.context)
        text = svc.request.text
        step = svc.kb.steps.get(state.get("step", ""))
        if step is None:
            return await self._restart(dc, self.copy.changed)
        rest = resumed(text)
        if rest is not None:  # "terug naar de meldcode": the question again, or what follows it answers it
            if not normalize(rest):
                return await self._show(dc)
            text = rest
        labels, norm = [o.label for o in step.opties], normalize(text)
        picked = pick_option(text, labels)
        if said(text, BACK) or (_BACK.match(norm) and picked is None):
            return await self._back(dc)
        named = svc.understanding.entities.get("route")
        if _RESTART.search(norm) and named and named != step.route and named in svc.kb.entries:
            answered(dc)  # "laat maar, doe de verzuim route vanaf het begin": that route, from its start
            return await end(dc, REDIRECT)
        if said(text, RESTART) or _RESTART.search(norm) or (
                step.einde and pick_option(text, list(self.copy.end_choices)) == 0):
            return await self._restart(dc, self.copy.restart)
        if picked is None and (_QUESTION.search(norm) or "?" in text):
            shown = from_shown(svc)
            if shown is not None:  # a question about the step is no answer to it ("hoe lang moet ik dat proberen?")
                return await self._explain(dc, step, shown)
        path = _answer(svc, step, text)
        if path is not None:
            state["history"].extend([step.id, *path[:-1]])
            state["step"] = path[-1]
            state["misses"] = 0
            return await self._show(dc)
        understanding = svc.understanding
        if step.einde or (understanding.intent == "route" and (understanding.situation or understanding.entities["begrip"])):
            answered(dc)  # a new route question ("meldcode" again, "hoe vraag ik een tlv aan"): start there
            return await end(dc, REDIRECT)
        shown = from_shown(svc)
        if shown is not None:  # "en binnen hoeveel dagen": answered from the step, which still waits
            return await self._explain(dc, step, shown)
        return await self._missed(dc, step, doubts(text))

    async def _explain(self, dc: DialogContext, step: Step, shown: tuple[str, str]) -> DialogTurnResult:
        """A question about the step answered from its own text; the step still waits."""
        labels = [o.label for o in step.opties]
        vraag = f"{step.vraag}\n{numbered(labels)}" if step.vraag else ""  # an end step asks nothing more
        note = self.copy.from_shown.format(titel=shown[0], zin=shown[1], vraag=vraag).rstrip()
        return await ask(dc, "step", note, labels, intents=("route",), safety=step.route == "meldcode")

    async def _missed(self, dc: DialogContext, step: Step, unsure: bool) -> DialogTurnResult:
        """Not an option: say what to type; when unsure, or after two misses, also who to ask."""
        state = state_of(dc)
        state["misses"] = int(state.get("misses", 0)) + 1
        labels = [o.label for o in step.opties]
        vraag = f"{step.vraag}\n{numbered(labels)}"
        if unsure:
            text = self.copy.unsure.format(vraag=vraag)
        elif state["misses"] >= MAX_MISSES:
            text = self.copy.lost.format(vraag=vraag)
        else:
            text = self.copy.unknown_answer.format(vraag=vraag)
        return await ask(dc, "step", f"{text}\n{self.copy.hint}", labels, intents=("route",),
                         safety=step.route == "meldcode")

    async def _show(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        step = svc.kb.steps[state_of(dc)["step"]]
        text, choices = render_step(self.copy, svc.kb, step, svc.profile)
        _remember_partner(svc, step)
        svc.memory.last_shown = LastShown("step", step.id, svc.request.now)
        return await ask(dc, "step", text, choices, intents=("route",), safety=step.route == "meldcode")

    async def _back(self, dc: DialogContext) -> DialogTurnResult:
        """One step back: the step before it in this conversation, or, for a step the user jumped
        into ("hoe zit het met een leerling die steeds ziek is"), the one step that leads to it."""
        state = state_of(dc)
        if state["history"]:
            state["step"] = state["history"].pop()
            return await self._show(dc)
        steps = services(dc.context).kb.steps
        leading = [s.id for s in steps.values() if any(o.volgende == state["step"] for o in s.opties)]
        if len(leading) == 1:
            state["step"] = leading[0]
            return await self._show(dc)
        await dc.context.send_activity(reply(self.copy.first_step))
        return await self._show(dc)

    async def _restart(self, dc: DialogContext, note: str) -> DialogTurnResult:
        kb = services(dc.context).kb
        state = state_of(dc)
        current = kb.steps.get(state.get("step", ""))
        route = current.route if current else "algemeen"
        state.update({"step": kb.entries[route].start, "history": []})
        await dc.context.send_activity(reply(note))
        return await self._show(dc)


ROUTES = (Route(RouteDialog, intents=("route",)),)
