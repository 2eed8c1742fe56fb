"""The ondersteuningsroute, verzuim route and meldcode: one dialog that walks the route graph.

The route is data (``route.yaml``); this dialog only interprets it. Its state holds stable step
ids, never positions, so a changed route file does not break people mid-conversation: a step id
that no longer exists sends the user back to the start of that route.
"""

from __future__ import annotations

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult

from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import Profile, services
from wijkwijzer.dialogs.common import (
    BACK,
    END_OF_TURN,
    RESTART,
    STOP,
    hand_over,
    numbered,
    pick_option,
    said,
    wants_something_else,
)
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Step

ROUTE_DIALOG = "route"
HINT = "Typ het nummer of je antwoord. Of: terug, opnieuw, stop."


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


def render_step(kb: KnowledgeBase, step: Step, profile: Profile) -> tuple[str, list[str]]:
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
        parts.append("Dit is het einde van deze route. Typ 'opnieuw' om opnieuw te beginnen, of stel een nieuwe vraag.")
        return "\n\n".join(parts), []
    labels = [o.label for o in step.opties]
    parts.append(f"{step.vraag}\n{numbered(labels)}\n{HINT}")
    return "\n\n".join(parts), labels


class RouteDialog(Dialog):
    """Options: ``{"route": "verzuim"}`` to start a route, or ``{"step": "algemeen.tlv"}`` to jump in."""

    def __init__(self) -> None:
        super().__init__(ROUTE_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        kb = services(dc.context).kb
        opts = options if isinstance(options, dict) else {}
        step_id = opts.get("step")
        if step_id not in kb.steps:
            entry = kb.entries.get(opts.get("route") or "algemeen") or kb.entries["algemeen"]
            step_id = entry.start
        dc.active_dialog.state.update({"step": step_id, "history": []})
        if opts.get("preface"):
            await dc.context.send_activity(reply(opts["preface"]))
        return await self._show(dc)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        kb = services(dc.context).kb
        text = dc.context.activity.text or ""
        step = kb.steps.get(state.get("step", ""))
        if step is None:
            return await self._restart(dc, "De route is intussen veranderd. We beginnen opnieuw.")
        if said(text, STOP):
            await dc.context.send_activity(reply("Oké, ik stop met de route. Vraag gerust iets anders."))
            return await dc.end_dialog()
        if said(text, BACK):
            return await self._back(dc)
        if said(text, RESTART):
            return await self._restart(dc)
        index = pick_option(text, [o.label for o in step.opties])
        if index is not None:
            state["history"].append(step.id)
            state["step"] = step.opties[index].volgende
            return await self._show(dc)
        if step.einde or wants_something_else(dc, own_intents=("route",)):
            return await hand_over(dc)
        await dc.context.send_activity(reply(f"Dat antwoord ken ik niet. {HINT}", [o.label for o in step.opties]))
        return END_OF_TURN

    async def _show(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        step = svc.kb.steps[dc.active_dialog.state["step"]]
        text, choices = render_step(svc.kb, step, svc.profile)
        if step.einde:
            await dc.context.send_activity(reply(text, ["Opnieuw", "Help"]))
            return END_OF_TURN
        await dc.context.send_activity(reply(text, choices))
        return END_OF_TURN

    async def _back(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        if not state["history"]:
            await dc.context.send_activity(reply("Je bent al bij de eerste stap."))
            return await self._show(dc)
        state["step"] = state["history"].pop()
        return await self._show(dc)

    async def _restart(self, dc: DialogContext, note: str = "We beginnen opnieuw.") -> DialogTurnResult:
        kb = services(dc.context).kb
        state = dc.active_dialog.state
        current = kb.steps.get(state.get("step", ""))
        route = current.route if current else "algemeen"
        state.update({"step": kb.entries[route].start, "history": []})
        await dc.context.send_activity(reply(note))
        return await self._show(dc)
