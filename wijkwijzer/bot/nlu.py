"""Dutch language understanding: intent and entities of a phone-typed message.

Rules plus the knowledge-base resolver; no cloud service and no model. The rules are data
(cue patterns per intent, keywords per thema and per route); the resolver finds wijken,
gemeenten, schools, roles, expertise tags and glossary terms despite typos. An intent wins on
its cues and on the entities found; below a threshold the answer is ``unknown`` — never a
confident wrong answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.resolver import Mention
from wijkwijzer.knowledge.text import normalize

ENTITY_KEYS = ("rol", "wijk", "gemeente", "school", "postcode", "expertise", "thema", "begrip", "route")
UNKNOWN_BELOW = 0.5


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?:{p})" for p in patterns))


# Cue patterns run on the normalised text (lowercase, no punctuation, no apostrophes).
WHOLE = {
    "greeting": _cues(r"^(hoi|hallo|hey|hee|hai|hi|dag|goedemorgen|goedemiddag|goedenavond|goeiemorgen|morgen|yo)( wijkwijzer| daar| allemaal)?$"),
    "thanks": _cues(r"^(top |super |oke |ok |heel )?(bedankt|dank je( wel)?|dankjewel|dank u( wel)?|dankuwel|thanks|thx|merci|dank)( hoor| voor je hulp| voor de hulp| voor het antwoord)?( top)?$",
                    r"^(top|super|perfect|fijn|mooi) (bedankt|dank je|dankjewel|thanks)$"),
    "help": _cues(r"^(help|hulp|menu|info|\?|wat kan je|wat kun je|wat kan jij|wat kun jij|wat kan je allemaal|wat kun je allemaal|hoe werkt dit|hoe werk jij|wat doe je|wat doe jij|wat kan ik vragen|wat kan ik je vragen|opties)( doen| allemaal)?$"),
    "cancel": _cues(r"^(annuleer|annuleren|laat maar|laat maar zitten|cancel|afbreken|breek af|vergeet het|nee laat maar|niks|niets|ophouden)$"),
    "unsubscribe": _cues(r"^(stop|stoppen|afmelden|uitschrijven|meld me af|afmelden berichten|geen berichten meer|unsubscribe)$",
                         r"^(ik wil )?(geen|niet langer) (berichten|aankondigingen)( meer)?( ontvangen| krijgen)?$",
                         r"^meld (me|mij) af( voor.*)?$"),
}
CUES = {
    "register": _cues(r"^(aanmelden|registreren|aanmeldcode|code)\s+[a-z0-9]{2,}([ -][a-z0-9]{2,})*$", r"\bmijn (aanmeld)?code is\b",
                      r"^(ik wil me|hoe kan ik me|hoe moet ik me) (aanmelden|registreren)"),
    "subscribe": _cues(r"\bmeld (me|mij) (ook )?aan (voor|bij)\b", r"\b(abonneer|abonneren)\b",
                       r"\book (de )?(berichten|aankondigingen) (van|voor|over|uit)\b", r"\bwelke berichten krijg ik\b",
                       r"\bop welke wijken\b"),
    "announce": _cues(r"\baankondiging", r"\b(bericht|mededeling|nieuwsbrief) (sturen|versturen|rondsturen|plaatsen)\b",
                      r"\bstuur (een )?(bericht|mededeling|aankondiging)\b", r"\b(iedereen|alle ibers|de ibers) (laten weten|informeren|berichten)\b",
                      r"\bstatus aankondiging\b"),
    "signal_report": _cues(r"\b(overzicht|rapport|rapportage|dashboard|totaal|aantal|hoeveel|lijst|stand) (van )?(de |alle )?signal",
                           r"\bsignalen (per|in|uit|van) (wijk|thema|de wijk)", r"\bwelke signalen\b", r"\bsignalen (overzicht|bekijken|zien|inzien)\b",
                           r"\bhoeveel signalen\b"),
    "signal": _cues(r"^(signaal|signalering|signaaltje)\b", r"\b(signaal|signalering) (doorgeven|geven|melden|afgeven|loggen|invoeren|sturen|doen|achterlaten)",
                    r"\b(wil|wilde|kan ik|mag ik|ga) (een |graag een )?(signaal|signalering)", r"\bnieuw signaal\b",
                    r"\bik (wil|wilde) (iets|wat) (melden|signaleren|doorgeven)\b", r"\bsignaal over\b"),
    "glossary": _cues(r"\bwat (is|zijn|betekent|betekenen|bedoel|bedoelen|houdt|houden|was|wordt bedoeld met) ", r"\bbetekenis\b",
                      r"\bwaar staat .* voor\b", r"\bwat betekend\b", r"\buitleg (over|van)\b", r"\bverschil tussen\b",
                      r"\bwat moet ik verstaan onder\b", r"\bwie is een\b", r"\bwat doet een\b", r"\bwat doet de\b", r"\bwat doet het\b"),
    "route": _cues(r"\bwat (is|zijn) de (route|stappen|procedure|aanpak)\b",
                   r"\bhoe (vraag|doe|moet|werkt|regel|maak|start|begin|meld|pak|ga|kan|zet|schakel|vul|plan|organiseer)\b", r"\bwat (moet|kan|doe|nu)\b",
                   r"\bwat nu\b", r"\bstappen(plan)?\b", r"\broute\b", r"\baanvragen\b", r"\bprocedure\b", r"\bwelke stap",
                   r"\bvolgende stap", r"\bhoe gaat (het|dat)\b", r"\bwanneer (moet|mag) (ik|je)\b", r"\bmoet ik\b", r"\bzorgen? (over|om)\b",
                   r"\bwaar begin ik\b", r"\bhoe verder\b", r"\baanpak\b"),
    "route_only": _cues(r"\bwat (is|zijn) de (route|stappen|procedure|aanpak)\b"),
    "lookup": _cues(r"\b(wie|wiens)\b", r"\bcontact", r"\b(telefoon)?nummer\b", r"\b(bellen|bel|mailen|mail|email|bereik|bereiken|bereikbaar)\b",
                    r"\bgegevens\b", r"\b(zit|zitten) er\b", r"\bwelk(e)? (jeugdteam|wijkteam|lokaal team|smw|jgz|cjg|wijkagent|leerplicht)",
                    r"\bvan (de|het) (wijk|school)\b", r"\bvoor (de|het) (wijk|school)\b", r"^en\b"),
    "expertise": _cues(r"\b(ervaring|expertise|gespecialiseerd|specialisatie|specialist|deskundig|kennis) (met|in|op|van|over)\b",
                       r"\bwelke school\b", r"\bwelke scholen\b", r"\bschool (met|die|voor)\b", r"\bscholen (met|die|voor)\b",
                       r"\bheeft (een )?(plusklas|taalklas|vve)\b", r"\bexpertisekaart\b", r"\bgoed (in|met)\b"),
}
ROUTE_WORDS = {
    "meldcode": _cues(r"\bmeldcode\b", r"\bveiligheid van\b", r"\bonveilig(e)? (thuis|situatie)\b", r"\bmishandel", r"\bhuiselijk geweld\b",
                      r"\bverwaarloz", r"\bblauwe plek", r"\bmisbruik\b", r"\bkindermishandeling\b", r"\bzorgen (over|om) (de )?veiligheid\b",
                      r"\bveilig thuis (melden|bellen|inschakelen)\b", r"\bmelden bij veilig thuis\b", r"\bslaat\b", r"\bgeslagen\b",
                      r"\beergerelateerd\b", r"\bhuwelijksdwang\b", r"\bmeldplicht\b", r"\bniet veilig\b", r"\bgeweld\b"),
    "verzuim": _cues(r"\bverzuim", r"\bthuiszit", r"\bthuis zit", r"\bzit\b.{0,25}\bthuis\b", r"\bspijbel", r"\bschoolweiger",
                     r"\bniet (meer )?naar school\b", r"\bkomt niet (meer )?(naar school|op school)\b", r"\bafwezig", r"\b16 uur\b",
                     r"\bleerplicht (inschakelen|melden)\b", r"\bduo melding\b", r"\bluxe verzuim\b", r"\bongeoorloofd\b", r"\bziekteverzuim\b",
                     r"\bveel ziek\b", r"\bvaak ziek\b", r"\bniet op school\b", r"\bschoolwering\b"),
    "algemeen": _cues(r"\bondersteuningsroute\b", r"\bzorgroute\b", r"\bondersteuningsteam\b", r"\barrangement\b", r"\bextra ondersteuning\b",
                      r"\bleerling loopt vast\b", r"\bzorgen over (een |mijn )?leerling\b", r"\bniet lekker in (zijn|haar) vel\b"),
}
THEMA_WORDS = {
    "angst_depressie": _cues(r"\bangst", r"\bbang\b", r"\bsomber", r"\bdepress", r"\bpaniek", r"\bpsychisch", r"\bneerslachtig",
                             r"\bsuicid", r"\bzelfbeschadig", r"\bslaapproblemen\b", r"\bpiekeren\b"),
    "verzuim": _cues(r"\bverzuim", r"\bthuiszit", r"\bthuis zit", r"\bschoolweiger", r"\bspijbel", r"\bafwezig", r"\bniet naar school\b", r"\bte laat\b"),
    "armoede": _cues(r"\barmoede\b", r"\bgeen (geld|ontbijt|eten|lunch|winterjas|jas)\b", r"\bzonder (ontbijt|eten|lunch|jas)\b", r"\bhonger",
                     r"\bschulden?\b", r"\bvoedselbank\b", r"\barm(e)? gezin", r"\bgeldzorgen\b", r"\bgeld tekort\b", r"\bgeldproblemen\b"),
    "gedrag": _cues(r"\bgedrag", r"\bagressie", r"\bagressief", r"\bdriftbui", r"\bvechten\b", r"\bruzie", r"\bonrustig", r"\bverstoren"),
    "multiproblematiek": _cues(r"\bmultiproblem", r"\bmeerdere problemen\b", r"\bstapeling\b", r"\bcomplexe (gezins)?situatie", r"\bproblemen op meerdere"),
    "middelengebruik": _cues(r"\bvape", r"\bvapen\b", r"\bvaper", r"\balcohol", r"\bdrugs\b", r"\bblowen\b", r"\bwiet\b", r"\broken\b", r"\bsigaret",
                             r"\bdrank\b", r"\blachgas\b", r"\bsnus\b"),
    "veiligheid": _cues(r"\bpest", r"\bonveilig", r"\bstraatcultuur\b", r"\bmes(sen)?\b", r"\bwapen", r"\bbedreig", r"\bcriminaliteit\b",
                        r"\bintimidatie\b", r"\bvechtpartij", r"\bdiscriminatie\b", r"\bcyberpest"),
    "sociaal_emotioneel": _cues(r"\bfaalangst", r"\bprestatiedruk\b", r"\bwelbevinden\b", r"\bzelfbeeld\b", r"\bzelfvertrouwen\b", r"\bstress\b",
                                r"\beenzaam", r"\bsociaal emotioneel\b", r"\bweerbaar", r"\bniet lekker in (zijn|haar|hun) vel\b", r"\bonzeker"),
    "ouders": _cues(r"\bouders\b", r"\bopvoed", r"\bhandelingsverlegen\b", r"\bvechtscheiding", r"\bscheiding\b", r"\bthuissituatie\b"),
    "wachttijden": _cues(r"\bwachtlijst", r"\bwachttijd", r"\bwacht(en)? (al )?(lang|maanden|weken)\b", r"\blange wachttijden\b"),
    "samenwerking": _cues(r"\bsamenwerking\b", r"\bsamenwerken\b", r"\bketenpartner", r"\bniet bereikbaar\b", r"\bafstemming\b", r"\boverdracht\b"),
}
INTENT_ENTITIES = {
    "partner_lookup": ("rol", "wijk", "gemeente", "school", "postcode"),
    "expertise_lookup": ("expertise", "wijk", "gemeente", "school", "postcode"),
    "route": ("route", "begrip"),
    "glossary": ("begrip",),
    "signal": ("thema", "wijk", "gemeente", "school"),
    "signal_report": ("wijk", "gemeente"),
    "subscribe": ("wijk", "gemeente"),
    "announce": ("wijk", "gemeente"),
}


@dataclass(frozen=True)
class Understanding:
    intent: str
    confidence: float
    entities: dict[str, str | None]
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"intent": self.intent, "confidence": round(self.confidence, 2), "entities": dict(self.entities)}


def _found(text: str, kb: KnowledgeBase) -> tuple[dict[str, str | None], dict[str, tuple[str, ...]]]:
    """Every entity the text names, canonical, plus close alternatives for ambiguous places."""
    entities: dict[str, str | None] = dict.fromkeys(ENTITY_KEYS)
    ambiguous: dict[str, tuple[str, ...]] = {}
    for mention in kb.resolver.scan(text):
        _take(mention, kb, entities, ambiguous)
    entities["postcode"] = kb.resolver.postcode(text)
    if entities["postcode"] and not entities["gemeente"]:
        gemeenten = {kb.areas[a].gemeente for a in kb.areas_by_pc4.get(entities["postcode"], ())}
        if len(gemeenten) == 1:
            entities["gemeente"] = gemeenten.pop()
    return entities, ambiguous


def _take(mention: Mention, kb: KnowledgeBase, entities: dict, ambiguous: dict) -> None:
    best = mention.best
    kind = best.kind
    if kind in ("rol", "expertise", "begrip"):
        entities[kind] = entities[kind] or best.id
        return
    if entities["wijk"] or entities["school"] or (kind == "gemeente" and entities["gemeente"]):
        return
    if kind == "school":
        entities["school"] = best.id
        school = kb.schools[best.id]
        entities["gemeente"] = kb.areas[school.wijk].gemeente
    elif kind == "wijk":
        area = kb.areas[best.id]
        entities["wijk"] = area.naam
        entities["gemeente"] = area.gemeente
    else:
        entities["gemeente"] = best.id
    if mention.ambiguous:
        ambiguous["school" if kind == "school" else "wijk"] = tuple(c.name for c in mention.alternatives)


def _named_route(norm: str) -> str | None:
    """The route whose words the message uses ('thuiszitter', 'meldcode', 'ondersteuningsroute')."""
    return next((route for route, pattern in ROUTE_WORDS.items() if pattern.search(norm)), None)


def _route_of(norm: str, entities: dict, kb: KnowledgeBase) -> str | None:
    """The route named in the message, else the route of the step its glossary term belongs to."""
    named = _named_route(norm)
    if named:
        return named
    term = next((t for t in kb.terms if t.term == entities.get("begrip")), None)
    if term and term.route_stap and term.route_stap in kb.steps:
        return kb.steps[term.route_stap].route
    return None


def _thema_of(norm: str) -> str | None:
    hits = [thema for thema, pattern in THEMA_WORDS.items() if pattern.search(norm)]
    if len(hits) >= 3:
        return "multiproblematiek"
    return hits[0] if hits else None


def _score(norm: str, entities: dict, route_word: str | None) -> dict[str, float]:
    """A score per intent from its cues and the entities present."""
    has_place = any(entities[k] for k in ("wijk", "gemeente", "school", "postcode"))
    cue = {name: bool(pattern.search(norm)) for name, pattern in CUES.items()}
    scores = {
        "register": 0.95 if cue["register"] else 0.0,
        "subscribe": 0.95 if cue["subscribe"] else 0.0,
        "announce": 0.95 if cue["announce"] else 0.0,
        "signal_report": 0.92 if cue["signal_report"] else 0.0,
        "signal": 0.93 if cue["signal"] else 0.0,
        "glossary": (0.9 if entities["begrip"] else 0.3) if cue["glossary"] else 0.0,
        "route": 0.0,
        "partner_lookup": 0.0,
        "expertise_lookup": 0.0,
    }
    if route_word:
        scores["route"] = 0.88 if (cue["route"] or not (entities["rol"] and has_place)) else 0.6
    elif cue["route"] and (entities["begrip"] or CUES["route_only"].search(norm)):
        scores["route"] = 0.85
    if entities["expertise"]:
        scores["expertise_lookup"] = 0.9 if (cue["expertise"] or has_place) else 0.6
    elif cue["expertise"] and has_place:
        scores["expertise_lookup"] = 0.7
    if entities["rol"]:
        scores["partner_lookup"] = 0.92 if (has_place or cue["lookup"]) else 0.8
    elif has_place:
        scores["partner_lookup"] = 0.85 if cue["lookup"] else 0.6
    if entities["begrip"] and not any(scores.values()):
        scores["glossary"] = 0.7
    return scores


def understand(text: str, kb: KnowledgeBase) -> Understanding:
    """Intent, confidence and canonical entities of one message (the ``understand`` contract)."""
    norm = normalize(text)
    empty = dict.fromkeys(ENTITY_KEYS)
    if not norm:
        return Understanding("help" if text.strip() == "?" else "unknown", 0.0, empty)
    for intent, pattern in WHOLE.items():
        if pattern.search(norm):
            return Understanding(intent, 0.95, empty)
    entities, ambiguous = _found(text, kb)
    is_how = bool(CUES["route_only"].search(norm))
    route_word = _named_route(norm) if is_how or not CUES["glossary"].search(norm) else None
    scores = _score(norm, entities, route_word)
    if is_how:
        scores["glossary"] = 0.0
    intent, confidence = max(scores.items(), key=lambda item: item[1])
    if confidence < UNKNOWN_BELOW:
        return Understanding("unknown", confidence, empty)
    if intent == "route":
        entities["route"] = route_word or _route_of(norm, entities, kb)
    if intent == "signal":
        entities["thema"] = _thema_of(norm)
    kept = {key: entities[key] if key in INTENT_ENTITIES.get(intent, ()) else None for key in ENTITY_KEYS}
    return Understanding(intent, confidence, kept, {k: v for k, v in ambiguous.items() if kept.get(k)})
