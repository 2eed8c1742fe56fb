"""Begrippen: what a term means, with a follow-up choice to the related route step."""

from __future__ import annotations

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult

from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import services
from wijkwijzer.dialogs.common import END_OF_TURN, YES, hand_over, pick_option, said
from wijkwijzer.dialogs.route import ROUTE_DIALOG

GLOSSARY_DIALOG = "glossary"
TO_ROUTE = "Naar de route"


class GlossaryDialog(Dialog):
    """Options: ``{"begrip": Term.term}``. Waits one turn for the follow-up to the route step."""

    def __init__(self) -> None:
        super().__init__(GLOSSARY_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        kb = services(dc.context).kb
        name = options.get("begrip") if isinstance(options, dict) else None
        term = next((t for t in kb.terms if t.term == name), None)
        if term is None:
            await dc.context.send_activity(reply("Dat begrip ken ik niet. Probeer een ander woord, bijvoorbeeld OPP, TLV of MDO."))
            return await dc.end_dialog()
        step = kb.steps.get(term.route_stap or "")
        if step is None:
            await dc.context.send_activity(reply(f"{term.term}\n\n{term.uitleg}"))
            return await dc.end_dialog()
        dc.active_dialog.state["step"] = step.id
        text = f"{term.term}\n\n{term.uitleg}\n\nWil je de stap '{step.titel}' in de route zien?"
        await dc.context.send_activity(reply(text, [TO_ROUTE, "Nee, dank je"]))
        return END_OF_TURN

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        text = dc.context.activity.text or ""
        index = pick_option(text, [TO_ROUTE, "Nee, dank je"])
        if index == 0 or said(text, YES):
            return await dc.replace_dialog(ROUTE_DIALOG, {"step": dc.active_dialog.state["step"]})
        if index == 1:
            await dc.context.send_activity(reply("Oké. Vraag gerust iets anders."))
            return await dc.end_dialog()
        return await hand_over(dc)
