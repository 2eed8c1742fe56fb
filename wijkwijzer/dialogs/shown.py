"""Answering a question about the explanation just shown from its own text: "moet dat binnen een
bepaalde tijd?" after the OPP gives "De school maakt het binnen 6 weken"; "en binnen hoeveel dagen"
at a verzuim step gives its termijn. Used by the fallback and by a route step waiting for its answer."""

from __future__ import annotations

import re

from wijkwijzer.core.services import TurnServices
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import STOPWORDS

_ASKS = re.compile(r"\?|^(?:en |maar )?(?:wat|wie|waar|hoe|wanneer|hoeveel|moet|mag|kan|kunnen|binnen|is|zijn|geldt)\b"
                   r"|\b(?:wat|wie|waar|hoe|wanneer|hoeveel|welke)\b")
"""A question: a question mark, a verb or question word in front, or a question word further on
("ok bel ik nu. wie moet ik op de hoogte brengen")."""
_ABOUT = {
    # what a question asks about, and how a sentence of the explanation answers it
    "time": (re.compile(r"\b(?:tijd|termijn|hoe ?lang|hoeveel (?:dagen|weken|maanden)|wanneer|binnen|deadline|meteen|"
                        r"direct|hoe snel|hoe lang)\b"),
             re.compile(r"\b(?:\d+ (?:dagen|weken|maanden|jaar|uur|schooldagen|werkdagen|lesdagen)|\d+ tot \d+ (?:dagen|weken|maanden)|"
                        r"termijn|binnen|zo snel mogelijk|dezelfde week|hoe lang|geldig|geldt|meteen|direct)\b")),
    "who": (re.compile(r"\bwie\b|\b(?:inlichten|informeren|op de hoogte|inschakelen|betrekken)\b"),
            re.compile(r"^wie\b|\b(?:directeur|aandachtsfunctionaris|intern begeleider|ib ?er|leerplicht\w*|"
                       r"schoolmaatschappelijk\w*|adviseur|jeugdarts|ouders|\w*bestuur|leerkracht|gemeente)\b")),
    "write": (re.compile(r"\b(?:opschrijven|noteren|noteer|vastleggen|schrijven|schrijf|opnemen)\b"),
              re.compile(r"\b(?:schrijf|noteer|leg \w+ vast|vastleggen|feitelijk)\b")),
    "bring": (re.compile(r"\b(?:meenemen|meebrengen|voorbereiden|nodig)\b"),
              re.compile(r"^documenten\b|\b(?:neem|mee|geprobeerd|verslag)\b")),
    "before": (re.compile(r"\b(?:eerst|vooraf|van tevoren|voordat|eerder)\b"),
               re.compile(r"\b(?:voordat|eerst|vooraf|tenzij|pas na|alleen als)\b")),
    "parents": (re.compile(r"\b(?:ouders?|moeder|vader|familie|gezin)\b"), re.compile(r"\b(?:ouders|familie|gezin)\b")),
    "often": (re.compile(r"\bhoe (?:vaak|dikwijls)\b"),
              re.compile(r"\b(?:elke|iedere|wekelijks|maandelijks|keer per|per week|\d+ keer)\b")),
    "help": (re.compile(r"\b(?:hulp|helpen|helpt|steun|advies)\b"),
             re.compile(r"\b(?:hulp|helpen|helpt|steunpunt|advies|consulent)\b")),
    "cost": (re.compile(r"\b(?:kost|kosten|betalen|geld|gratis|prijs)\b"), re.compile(r"\b(?:gratis|kosten|kost|betaal\w*)\b")),
    "documents": (re.compile(r"\b(?:documenten|formulier\w*|papieren|stukken)\b"), re.compile(r"^documenten\b")),
}
_YES_NO = re.compile(r"^(?:en |maar |ok |oke )?(?:moet|moeten|mag|mogen|kan|kunnen|is|zijn|geldt|hoort|hoeft|hoeven)\b")
"""A yes/no question about the step ("moet ik dat ook bij duo melden?")."""
_UNITS = ("dag", "weken", "week", "maand", "uur", "jaar")
"""A question in days wants the sentence in (work)days, not the one in weeks."""
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
    option_words: set[str] = set()
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
        option_words = {_stem(w) for o in step.opties for w in normalize(o.label).split() if len(w) > 3}
        if step.termijn:
            sentences.append(f"Termijn: {step.termijn}")
        roles = [kb.route_roles[r].naam for r in step.betrokken_rollen if r in kb.route_roles]
        if roles:
            sentences.append("Wie: " + ", ".join(roles))
        if step.documenten:
            sentences.append("Documenten: " + "; ".join(step.documenten))
    asked = {name for name, (in_question, _) in _ABOUT.items() if in_question.search(question)}
    words = {_stem(w) for w in question.split() if w not in STOPWORDS and w not in _POINTING and len(w) > 2}
    best, best_score = None, 0
    # (not when it names an option: "kan ik wel anoniem iets vragen" picks "Anoniem overleggen")
    yes_no = bool(_YES_NO.match(question)) and not option_words & {_stem(w) for w in question.split()}
    for sentence in sentences:
        if sentence.rstrip().endswith("?"):
            continue  # a question of the explanation's own answers nothing
        norm = normalize(sentence)
        score = 3 * sum(1 for name in asked if _ABOUT[name][1].search(norm))
        shared = len(words & {_stem(w) for w in norm.split() if len(w) > 2})
        # "moet ik dat ook bij duo melden?": a yes/no question whose two words a sentence has
        score += shared + int(yes_no and shared >= 2)
        score += 2 * sum(1 for unit in _UNITS if unit in question and re.search(rf"\d+ \w*{unit}", norm))
        score += int("time" in asked and sentence.startswith("Termijn:"))  # the step's own deadline first
        if score > best_score:
            best, best_score = sentence.strip(), score
    return (title, best) if best and best_score >= 3 else None


def _stem(word: str) -> str:
    """The first four letters with doubled vowels made single: "praat" and "praten" meet."""
    return re.sub(r"([aeiou])\1", r"\1", word)[:4]
