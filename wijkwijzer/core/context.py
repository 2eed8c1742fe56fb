"""What a message leaves out, taken from the conversation before it.

People continue where the last answer stopped: "en de jgz?" (same place, other role), "zelfde
voor rijswijk" and "en in leidschendam?" (same question, other place), "wie is daar de ib'er"
and "de smw van die school" (that place), "hoe vraag ik die aan" (that term), "wie is de smw
hier" (their own wijk). :func:`in_context` fills those gaps from :class:`LastLookup` and the
user's profile, once per turn, before the turn decides what the message is. What the message
says always beats what was remembered; a question that is no follow-up takes nothing from
before ("wie is de ketenpartner voor wijk duindorp" after a leerplicht question is not about
leerplicht); and memory older than the idle time is forgotten.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from wijkwijzer.core.services import LastLookup, Memory, Profile
from wijkwijzer.core.understanding import OFF_TOPIC_CONFIDENCE, Understanding, contract_entities
from wijkwijzer.knowledge.loader import KnowledgeBase

LOOKUPS = ("partner_lookup", "expertise_lookup", "signal_report", "subscribe", "unsubscribe")
"""Intents whose answer a follow-up can ask again for another role, place or thema ("en ook
voor leidschendam" after a subscription)."""
CARRIED = {"partner_lookup": "rol", "expertise_lookup": "expertise", "signal_report": "thema"}
"""What a follow-up of each intent may take from the last answer besides the place."""
CONTINUABLE = (*LOOKUPS, "unknown", "glossary")
"""Follow-ups of these intents may continue the last lookup ("en nt2?" after an expertise
question is no glossary question)."""
PLACE_KEYS = ("wijk", "gemeente", "school", "postcode")
FOLLOWUP_CONFIDENCE = 0.8
ASKS_WHO_CONFIDENCE = 0.9


def in_context(understanding: Understanding, memory: Memory, profile: Profile, kb: KnowledgeBase,
               now: datetime, idle: timedelta) -> Understanding:
    """``understanding`` with what it leaves out filled in from the conversation (see the module)."""
    last = memory.last_lookup if memory.last_lookup and memory.last_lookup.fresh(now, idle) else None
    named = dict(understanding.named or understanding.entities)
    intent = understanding.intent
    off_topic = intent == "unknown" and understanding.confidence >= OFF_TOPIC_CONFIDENCE  # "een goeie tandarts in duinoord?"
    if understanding.followup and last is not None and not off_topic:
        if (last.intent == "glossary" and intent in ("unknown", "route") and not named.get("begrip") and last.begrip
                and not understanding.situation):  # "en hoe zit het met een leerling die steeds ziek is" asks anew
            return _how_to(understanding, last, kb)
        if intent in CONTINUABLE or (intent == "route" and last.intent == "expertise_lookup" and named.get("expertise")):
            # "en voor thuiszitters" after an expertise question: that expertise, not the thuiszitter route
            intent = _continued(understanding, named, last)
            carried = CARRIED.get(intent)
            if carried and not named.get(carried):
                named[carried] = getattr(last, carried)  # "wie is dat voor ypenburg" after "wat betekent lpa"
            own = understanding.here and profile.wijk in kb.areas  # "en voor ons?": the own wijk, not the last place
            if intent in CARRIED and not any(named.get(key) for key in PLACE_KEYS) and not understanding.outside and not own:
                area, school = last.place_asked(intent, named.get("rol"), understanding.that_school)
                if (intent == "expertise_lookup" and school and school in kb.schools and not area and named.get("expertise")
                        and not understanding.that_school):
                    area, school = kb.schools[school].wijk, None  # "zelfde vraag maar dan autisme": that school's wijk
                _place(named, kb, area, school)
    if understanding.here and not any(named.get(key) for key in PLACE_KEYS) and profile.wijk in kb.areas:
        _place(named, kb, profile.wijk, None)
    entities = contract_entities(intent, named)
    if intent == understanding.intent and entities == understanding.entities:
        return understanding
    confidence = understanding.confidence
    if intent != understanding.intent:
        confidence = max(confidence, FOLLOWUP_CONFIDENCE)
    if intent == "partner_lookup" and understanding.asks_who and entities.get("rol"):
        confidence = max(confidence, ASKS_WHO_CONFIDENCE)  # "wie is dat bij ons" at a route step: a new request
    return replace(understanding, intent=intent, confidence=confidence, entities=entities, named=named)


def remember_place(memory: Memory, understanding: Understanding, kb: KnowledgeBase, now: datetime) -> None:
    """A message that named a place but was no lookup ("… ik weet niet of ik leerplicht moet
    inschakelen of de jeugdarts, school zit in moerwijk") leaves that place for a follow-up ("de
    jeugdarts dus"). Called when no dialog remembered anything itself this turn."""
    named = understanding.named or understanding.entities
    school = named.get("school")
    areas = [a for key in ("wijk", "gemeente") if named.get(key) for a in kb.areas_by_name.get(named[key] or "", ())]
    area = min(areas, key=lambda a: a.soort == "gemeente").id if areas else None
    if school in kb.schools or area:
        memory.last_lookup = LastLookup(intent=understanding.intent, at=now, area=area,
                                        school=school if school in kb.schools else None)


def _continued(understanding: Understanding, named: dict[str, str | None], last: LastLookup) -> str:
    """What a follow-up asks: a role makes it a partner question, an expertise an expertise
    question (also "en nt2?", which alone reads as a glossary question), a thema after a report
    a report; a message that names only a place asks the last question again."""
    if named.get("rol") or (understanding.asks_detail and last.intent == "partner_lookup"):
        return "partner_lookup"  # "wat is haar nummer": the same question again, its card has the number
    if named.get("expertise") and last.rol == "steunpunt":
        return "partner_lookup"  # "en van nt2" after "wie van het expertisepunt weet veel van autisme"
    if named.get("expertise") and (last.intent == "expertise_lookup" or understanding.intent != "glossary"):
        return "expertise_lookup"
    if named.get("thema") and last.intent == "signal_report":
        return "signal_report"
    only_place = any(named.get(key) for key in PLACE_KEYS) or bool(understanding.outside) or understanding.here
    if only_place and last.intent in LOOKUPS and understanding.intent in ("partner_lookup", "unknown"):
        return last.intent
    if last.rol and (understanding.intent == "partner_lookup" or understanding.asks_who):
        return "partner_lookup"  # also "wie is dat bij ons" after a route step that names its partner
    return understanding.intent


def _how_to(understanding: Understanding, last: LastLookup, kb: KnowledgeBase) -> Understanding:
    """'hoe vraag ik die aan' right after 'wat is een tlv': the route question about that term."""
    term = next((t for t in kb.terms if t.term == last.begrip), None)
    step = kb.steps.get(term.route_stap or "") if term else None
    named = {**understanding.named, "begrip": last.begrip, "route": step.route if step else None}
    return replace(understanding, intent="route", confidence=max(understanding.confidence, FOLLOWUP_CONFIDENCE),
                   entities=contract_entities("route", named), named=named, situation=step.id if step else None)


def _place(named: dict[str, str | None], kb: KnowledgeBase, area_id: str | None, school: str | None) -> None:
    """Put a remembered place back as the entities that name it."""
    if school and school in kb.schools:
        named["school"] = school
        named["gemeente"] = kb.areas[kb.schools[school].wijk].gemeente
    elif area_id and area_id in kb.areas:
        area = kb.areas[area_id]
        if area.soort != "gemeente":
            named["wijk"] = area.naam
        named["gemeente"] = area.gemeente
