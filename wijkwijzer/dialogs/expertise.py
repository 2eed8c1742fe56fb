"""Expertisekaart: which schools in an area have an expertise, with their IB contact."""

from __future__ import annotations

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult

from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import services
from wijkwijzer.dialogs.common import END_OF_TURN, STOP, hand_over, pick_option, said, wants_something_else
from wijkwijzer.dialogs.lookup import Place, PlaceChoice, place_from_entities, place_from_text, place_label
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.models import EXPERTISE_TAGS

EXPERTISE_DIALOG = "expertise"
EVERYWHERE = "Overal"
MAX_SCHOOLS = 6


class ExpertiseDialog(Dialog):
    def __init__(self) -> None:
        super().__init__(EXPERTISE_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        opts = options if isinstance(options, dict) else {}
        kb = services(dc.context).kb
        state = dc.active_dialog.state
        state.update({"tag": opts.get("expertise"), "place": None, "everywhere": False, "pending": None, "choices": []})
        found = place_from_entities(kb, opts, opts.get("ambiguous") or {})
        if isinstance(found, Place) and found.area:
            state["place"] = found.as_dict()
        return await self._advance(dc)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        svc = services(dc.context)
        text = dc.context.activity.text or ""
        if said(text, STOP):
            await dc.context.send_activity(reply("Oké, gestopt."))
            return await dc.end_dialog()
        index = pick_option(text, state["choices"])
        if state["pending"] == "tag":
            tag = EXPERTISE_TAGS[index] if index is not None else None
            candidates = [] if tag else svc.kb.resolver.resolve(text, "expertise", limit=1)
            tag = tag or (candidates[0].id if candidates else None)
            if tag:
                state["tag"] = tag
                return await self._advance(dc)
        elif state["pending"] == "place":
            if index is not None and state["choices"][index] == EVERYWHERE:
                state["everywhere"] = True
                return await self._advance(dc)
            found = place_from_text(svc.kb, text)
            if isinstance(found, PlaceChoice):
                found = found.values[0] if found.values[0].area else None
            if isinstance(found, Place) and found.area:
                state["place"] = found.as_dict()
                return await self._advance(dc)
        if wants_something_else(dc, own_intents=("expertise_lookup",)):
            return await hand_over(dc)
        await dc.context.send_activity(reply("Dat herken ik niet. Kies een van de opties of typ een naam.", state["choices"]))
        return END_OF_TURN

    async def _advance(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        svc = services(dc.context)
        if not state["tag"]:
            return await self._ask(dc, "tag", "Welke expertise zoek je?", list(EXPERTISE_TAGS))
        if not state["place"] and not state["everywhere"]:
            own = [place_label(svc.kb, Place(area=svc.profile.wijk))] if svc.profile.wijk in svc.kb.areas else []
            return await self._ask(dc, "place", "In welke wijk of gemeente?", [*own, EVERYWHERE])
        return await self._answer(dc)

    async def _ask(self, dc: DialogContext, pending: str, question: str, choices: list[str]) -> DialogTurnResult:
        dc.active_dialog.state.update({"pending": pending, "choices": choices})
        await dc.context.send_activity(reply(question, choices))
        return END_OF_TURN

    async def _answer(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        svc = services(dc.context)
        area = state["place"]["area"] if state["place"] else None
        schools = query.schools_with_expertise(svc.kb, state["tag"], area)
        lines: list[str] = []
        if not schools and area:
            wider, schools = self._widen(svc.kb, state["tag"], area)
            if schools:
                lines.append(f"In {place_label(svc.kb, Place(area=area))} vind ik geen school met '{state['tag']}'. "
                             f"Wel in {place_label(svc.kb, Place(area=wider))}:")
                area = wider
        where = f" in {place_label(svc.kb, Place(area=area))}" if area else ""
        if not schools:
            text = f"Ik vind geen school{where} met expertise '{state['tag']}'. Vraag het expertisepunt of je adviseur."
            await dc.context.send_activity(reply(text, ["Expertisepunt"]))
            return await dc.end_dialog()
        lines = lines or [f"Scholen{where} met expertise '{state['tag']}':"]
        for school in schools[:MAX_SCHOOLS]:
            lines.append(self._school_lines(school, svc.profile.registered))
        if len(schools) > MAX_SCHOOLS:
            lines.append(f"(en nog {len(schools) - MAX_SCHOOLS} scholen)")
        if not svc.profile.registered:
            lines.append("De contactgegevens van de IB'ers zie je als je bent aangemeld.")
        await dc.context.send_activity(reply("\n\n".join(lines)))
        return await dc.end_dialog()

    @staticmethod
    def _widen(kb, tag: str, area: str) -> tuple[str, list]:
        """No school in the wijk itself: look in its stadsdeel or kern, then its gemeente."""
        for wider in kb.ancestors(area)[1:]:
            schools = query.schools_with_expertise(kb, tag, wider)
            if schools:
                return wider, schools
        return area, []

    @staticmethod
    def _school_lines(school, registered: bool) -> str:
        wijk = school.wijk.split(": ", 1)[-1]
        line = f"{school.naam} ({wijk})"
        if registered and school.ib:
            contact = ", ".join(x for x in (school.ib.telefoon, school.ib.email) if x)
            line += f"\nIB: {school.ib.naam}" + (f", {contact}" if contact else "")
        if school.opmerking:
            line += f"\n{school.opmerking}"
        return line
