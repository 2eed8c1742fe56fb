"""The questions dialogs ask the knowledge base. Pure functions over an immutable snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Area, Contact, RouteEntry, School, Step, Term
from wijkwijzer.knowledge.text import normalize


def _unique(*groups: Iterable[Contact]) -> list[Contact]:
    """The contacts of all groups in order, each once."""
    seen: set[str] = set()
    result = []
    for group in groups:
        for contact in group:
            if contact.id not in seen:
                seen.add(contact.id)
                result.append(contact)
    return result


def _at(kb: KnowledgeBase, rol: str, area_id: str) -> list[Contact]:
    """Contacts of ``rol`` whose werkgebied names exactly this area."""
    return [c for c in kb.contacts_by_area.get(area_id, ()) if c.rol == rol]


def _inside(kb: KnowledgeBase, rol: str, area_id: str) -> list[Contact]:
    """Contacts of ``rol`` whose werkgebied is this area or lies in it."""
    return _unique(*(_at(kb, rol, a) for a in kb.descendants(area_id)))


def _covering(kb: KnowledgeBase, rol: str, area_id: str) -> list[Contact]:
    """The most specific contacts for an area: "when several rows cover an area, the most specific
    werkgebied is the better answer".

    A wijk: its own contacts, else its stadsdeel/kern's, else its gemeente's. A stadsdeel or kern
    without contacts of its own first gets the contacts of its wijken (Centrum splits SMW over
    two people by wijk), and only then those of its gemeente.
    """
    area = kb.areas[area_id]
    if area.soort != "wijk":
        found = _at(kb, rol, area_id) or _inside(kb, rol, area_id)
        if found:
            return found
    for level in kb.ancestors(area_id):
        found = _at(kb, rol, level)
        if found:
            return found
    return []


def contacts_for(
    kb: KnowledgeBase,
    rol: str,
    *,
    wijk: str | None = None,
    school: str | None = None,
    gemeente: str | None = None,
) -> list[Contact]:
    """Contacts for ``rol`` (``jgz`` covers both jeugdverpleegkundige and jeugdarts), without duplicates.

    * ``school``: the school's own assigned contacts first (``Contact.scholen``), then the most
      specific werkgebied covering the school's wijk;
    * ``wijk`` (any area id below the gemeente): the most specific werkgebied covering it;
    * ``gemeente``: every contact whose werkgebied is the gemeente or lies in it, gemeente-wide first.
    """
    if school:
        record = kb.schools.get(school)
        if record is None:
            return []
        own = [c for c in kb.contacts_by_school.get(school, ()) if c.rol == rol]
        return _unique(own, _covering(kb, rol, record.wijk))
    if wijk:
        return _covering(kb, rol, wijk) if wijk in kb.areas else []
    if gemeente:
        return _inside(kb, rol, gemeente) if gemeente in kb.areas else []
    return []


def schools_with_expertise(kb: KnowledgeBase, tag: str, area_id: str | None = None) -> list[School]:
    """Schools with expertise ``tag`` in ``area_id`` (a wijk, stadsdeel/kern or gemeente, with all
    areas below it), or everywhere when ``area_id`` is None."""
    if area_id is None:
        return [s for s in kb.schools.values() if tag in s.expertise]
    if area_id not in kb.areas:
        return []
    return [s for a in kb.descendants(area_id) for s in kb.schools_by_area.get(a, ()) if tag in s.expertise]


@dataclass(frozen=True)
class ResidenceAnswer:
    """Grensverkeer: jeugdhulp runs via the jeugdteam of the gemeente where the pupil lives.

    ``gemeente`` is None when neither the gemeente nor the postcode is known. ``contacts`` is
    empty when the knowledge base has no jeugdteam for that gemeente (the dialog says so).
    ``needs_wijk`` is true when the gemeente has several teams, each for a part of it, and the
    answer depends on where in the gemeente the pupil lives: ``contacts`` then holds them all.
    ``toegang`` holds the gemeente-wide entry contacts (a central toegang of the lokaal team, or
    one consulent for the whole gemeente): the way in when the user does not know the wijk.
    """

    gemeente: str | None
    contacts: tuple[Contact, ...]
    needs_wijk: bool
    toegang: tuple[Contact, ...] = ()


def jeugdteam_for_residence(
    kb: KnowledgeBase, *, gemeente: str | None = None, postcode: str | None = None
) -> ResidenceAnswer:
    """The jeugdteam(s) for a pupil who lives in ``gemeente`` or at ``postcode`` (a PC4).

    A PC4 lies in exactly one gemeente in this data. A gemeente whose teams each work in a part
    of it (Den Haag per stadsdeel, Leidschendam-Voorburg per kern) answers with those teams, as
    the most specific werkgebied is the better answer; its gemeente-wide entry (a central
    toegang) is then only the fallback in ``toegang``. With a postcode the answer narrows to the
    teams of the wijken that postcode touches, so no further question is needed when all those
    wijken share one team. A gemeente with only a gemeente-wide team answers with that team.
    """
    areas = [kb.areas[a] for a in kb.areas_by_pc4.get(postcode, ())] if postcode else []
    if gemeente is None and areas:
        gemeenten = {a.gemeente for a in areas}
        gemeente = gemeenten.pop() if len(gemeenten) == 1 else None
    if gemeente is None or gemeente not in kb.areas:
        return ResidenceAnswer(None, (), False)
    whole = tuple(_at(kb, "jeugdteam", gemeente))
    parts = [c for c in _inside(kb, "jeugdteam", gemeente) if c not in whole]
    if not parts:
        return ResidenceAnswer(gemeente, whole, False, whole)
    found = _teams_for_postcode(kb, [a for a in areas if a.gemeente == gemeente]) or parts
    return ResidenceAnswer(gemeente, tuple(found), needs_wijk=_split_by_area(found), toegang=whole)


def _split_by_area(contacts: list[Contact]) -> bool:
    """True when the contacts work in different parts, so which one depends on where the pupil lives."""
    return len({frozenset(c.werkgebied) for c in contacts}) > 1


def _teams_for_postcode(kb: KnowledgeBase, areas: list[Area]) -> list[Contact]:
    """The jeugdteam contacts of the most specific areas a postcode lies in (its wijken, else its stadsdeel/kern)."""
    for soort in (("wijk",), ("stadsdeel", "kern")):
        found = [a for a in areas if a.soort in soort]
        if found:
            return _unique(*(_covering(kb, "jeugdteam", a.id) for a in found))
    return []


def route_entry(kb: KnowledgeBase, route: str) -> RouteEntry | None:
    """The entry (title, first step) of route ``algemeen``, ``verzuim`` or ``meldcode``."""
    return kb.entries.get(route)


def route_step(kb: KnowledgeBase, step_id: str) -> Step | None:
    return kb.steps.get(step_id)


def glossary_term(kb: KnowledgeBase, term_id: str) -> Term | None:
    """The glossary term named ``term_id`` (``Term.term``, as the resolver returns it), or None."""
    wanted = normalize(term_id)
    exact = next((t for t in kb.terms if t.term == term_id), None)
    return exact or next((t for t in kb.terms if normalize(t.term) == wanted), None)


def step_for_begrip(kb: KnowledgeBase, term: str) -> Step | None:
    """The route step that goes with a glossary term ("TLV" → the TLV step), or None."""
    found = glossary_term(kb, term)
    return kb.steps.get(found.route_stap) if found and found.route_stap else None
