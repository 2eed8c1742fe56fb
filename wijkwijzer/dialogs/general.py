"""Greeting, thanks, help, 'stop' with nothing to stop, and the honest fallback for what the bot
does not understand: a question about the explanation just shown is answered from it ("moet dat
binnen een bepaalde tijd?" after the OPP: "binnen 6 weken"); else say what was recognised and
offer the closest questions, never a guess."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.conversation import Route, WijkwijzerDialog, acknowledges, end
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.privacy import allowed_words, find_personal_data
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import TurnServices, services
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import STOPWORDS


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
        shown = from_shown(svc) if intent == "unknown" else None
        text, choices = answers.get(intent) or (self.unknown(svc.kb, svc.request.text), examples)
        if shown is not None:
            text, choices = self.copy.from_shown.format(titel=shown[0], zin=shown[1]), []
        await dc.context.send_activity(reply(text, choices))
        return await end(dc)

    def unknown(self, kb: KnowledgeBase, text: str) -> str:
        """A short privacy note for a question about one child ("hoe gaat het met daan uit groep
        5"); else what was recognised, and the question that would work ('smw Ypenburg')."""
        if find_personal_data(text, allowed_words(kb)):
            return self.copy.one_child
        named = [m.best for m in kb.resolver.scan(text) if m.best.kind in ("wijk", "gemeente", "school", "begrip", "rol")]
        if not named:
            return self.copy.unknown
        first = named[0]
        template = {"begrip": self.copy.hint_begrip, "rol": self.copy.hint_rol}.get(first.kind, self.copy.hint_place)
        return f"{self.copy.partly} {template.format(naam=first.name)}"


_ASKS = re.compile(r"\?|^(?:en |maar )?(?:wat|wie|waar|hoe|wanneer|hoeveel|moet|mag|kan|kunnen|binnen|is|zijn|geldt)\b")
_ABOUT = {
    # what a question asks about, and how a sentence of the explanation answers it
    "time": (re.compile(r"\b(?:tijd|termijn|hoe ?lang|hoeveel (?:dagen|weken|maanden)|wanneer|binnen|deadline)\b"),
             re.compile(r"\b(?:\d+ (?:dagen|weken|maanden|jaar|uur|schooldagen)|termijn|binnen|zo snel mogelijk|dezelfde week)\b")),
    "help": (re.compile(r"\b(?:hulp|helpen|helpt|steun|advies)\b"),
             re.compile(r"\b(?:hulp|helpen|helpt|steunpunt|advies|consulent)\b")),
    "cost": (re.compile(r"\b(?:kost|kosten|betalen|geld|gratis|prijs)\b"), re.compile(r"\b(?:gratis|kosten|kost|betaal\w*)\b")),
    "who": (re.compile(r"^(?:en )?wie\b|\bbij wie\b"), re.compile(r"^wie\b")),
    "documents": (re.compile(r"\b(?:documenten|formulier\w*|papieren|stukken)\b"), re.compile(r"^documenten\b")),
}
_POINTING = frozenset("dat die dit deze daarbij hierbij daarvoor hiervoor daar er het een".split())
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def from_shown(svc: TurnServices) -> tuple[str, str] | None:
    """(title, sentence): the sentence of the explanation shown last (a glossary term or a route
    step, within the idle time) that answers a question about it, or None."""
    shown = svc.memory.last_shown
    if shown is None or svc.request.now - shown.at > svc.idle:
        return None
    question = normalize(svc.request.text)
    if not _ASKS.search(question) and "?" not in svc.request.text:
        return None
    kb = svc.kb
    if shown.kind == "begrip":
        term = next((t for t in kb.terms if t.term == shown.key), None)
        if term is None:
            return None
        title, sentences = term.term, _SENTENCE.split(term.uitleg)
    else:
        step = kb.steps.get(shown.key)
        if step is None:
            return None
        title, sentences = step.titel, _SENTENCE.split(step.uitleg)
        if step.termijn:
            sentences.append(f"Termijn: {step.termijn}")
        if step.documenten:
            sentences.append("Documenten: " + "; ".join(step.documenten))
    asked = {name for name, (in_question, _) in _ABOUT.items() if in_question.search(question)}
    words = {w[:5] for w in question.split() if w not in STOPWORDS and w not in _POINTING and len(w) > 2}
    best, best_score = None, 0
    for sentence in sentences:
        norm = normalize(sentence)
        score = 3 * sum(1 for name in asked if _ABOUT[name][1].search(norm))
        score += len(words & {w[:5] for w in norm.split() if len(w) > 2})
        if score > best_score:
            best, best_score = sentence.strip(), score
    return (title, best) if best and best_score >= 3 else None


ROUTES = (Route(GeneralDialog, intents=("greeting", "thanks", "help", "cancel", "unknown")),)
