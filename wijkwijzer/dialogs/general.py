"""Greeting, thanks, help, 'stop' with nothing to stop, and the honest fallback for what the bot
does not understand: a question about the explanation just shown is answered from it ("moet dat
binnen een bepaalde tijd?" after the OPP: "binnen 6 weken"); else say what was recognised and
offer the closest questions, never a guess."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import acknowledges
from wijkwijzer.core.conversation import Route, WijkwijzerDialog, end
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.privacy import allowed_words, find_personal_data
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import LastLookup, TurnServices, services
from wijkwijzer.dialogs.shown import from_shown


class GeneralCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "hint_begrip": frozenset({"naam"}), "hint_rol": frozenset({"naam"}), "hint_place": frozenset({"naam"}),
        "from_shown": frozenset({"titel", "zin"}),
    }
    examples: tuple[str, ...]
    greeting: str
    thanks: str
    help: str
    nothing_to_cancel: str
    unknown: str
    partly: str
    hint_begrip: str
    hint_rol: str
    hint_place: str
    one_child: str
    from_shown: str


class GeneralDialog(WijkwijzerDialog):
    """One answer, no question: greeting, thanks, help, cancel (nothing runs) and unknown."""

    ID = "general"
    Copy = GeneralCopy
    copy: GeneralCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        copy = self.copy
        intent = svc.understanding.intent
        examples = list(copy.examples)
        answers = {"greeting": (copy.greeting, examples), "thanks": (copy.thanks, []), "help": (copy.help, examples),
                   "cancel": (copy.nothing_to_cancel, examples)}
        if intent == "unknown" and acknowledges(svc.request.text):
            intent = "thanks"  # "ok", "ja top": nothing to answer but a friendly word
        text, choices = answers.get(intent) or (self.unknown(svc), examples)
        shown = from_shown(svc) if intent not in answers and text != copy.one_child else None
        if shown is not None:  # a question about the explanation just shown (the privacy note wins)
            text, choices = copy.from_shown.format(titel=shown[0], zin=shown[1]), []
        await dc.context.send_activity(reply(text, choices))
        return await end(dc)

    def unknown(self, svc: TurnServices) -> str:
        """A short privacy note for a question about one child ("hoe gaat het met daan uit groep
        5"), remembering only the role it asked for ("hij zit op de moerkikker" then asks it for
        that school); else what was recognised, and the question that would work ('smw Ypenburg')."""
        kb, text = svc.kb, svc.request.text
        if find_personal_data(text, allowed_words(kb)):
            rol = (svc.understanding.named or {}).get("rol")
            if rol:
                svc.memory.last_lookup = LastLookup(intent="partner_lookup", at=svc.request.now, rol=rol)
            return self.copy.one_child
        named = [m.best for m in kb.resolver.scan(text) if m.best.kind in ("wijk", "gemeente", "school", "begrip", "rol")]
        if not named:
            return self.copy.unknown
        first = named[0]
        template = {"begrip": self.copy.hint_begrip, "rol": self.copy.hint_rol}.get(first.kind, self.copy.hint_place)
        return f"{self.copy.partly} {template.format(naam=first.name)}"


ROUTES = (Route(GeneralDialog, intents=("greeting", "thanks", "help", "cancel", "unknown")),)
