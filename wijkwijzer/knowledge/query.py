"""The questions dialogs ask the knowledge base. Pure functions over an immutable snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import KnowledgeBase
from .models import Contact, RouteEntry, School, Step, Term


def _ordered_unique(groups: list[list[Contact]]) -> list[Contact]:
    seen: set[str] = set()
    result = []
    for group in groups:
        for contact in group:
            if contact.id not in seen:
                seen.add(contact.id)
                result.append(contact)
    return result


def _covering(kb: KnowledgeBase, rol: str, area_id: str) -> list[Contact]:
    """Contacts of ``rol`` whose werkgebied is the area itself, then its stadsdeel/kern, then its gemeente.

    Only the most specific level that has any contact is returned: "when several rows cover
    an area, the most specific werkgebied is the better answer".
    """
    for level in kb.ancestors(area_id):
        found = [c for c in kb.contacts_by_area.get(level, ()) if c.rol == rol]
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
    """Contacts for a role: a school's own assigned contact first, then the wijk's, then the gemeente's."""
    if school:
        own = [c for c in kb.contacts_by_school.get(school, ()) if c.rol == rol]
        record = kb.schools.get(school)
        around = _covering(kb, rol, record.wijk) if record else []
        return _ordered_unique([own, around])
    if wijk:
        return _covering(kb, rol, wijk) if wijk in kb.areas else []
    if gemeente:
        inside = [
            c for area_id in kb.descendants(gemeente) for c in kb.contacts_by_area.get(area_id, ()) if c.rol == rol
        ]
        return _ordered_unique([inside])
    return []


def schools_with_expertise(kb: KnowledgeBase, tag: str, area_id: str | None = None) -> list[School]:
    """Schools with expertise ``tag``, in ``area_id`` and everything below it (or everywhere)."""
    if area_id is None:
        return [s for s in kb.schools.values() if tag in s.expertise]
    areas = set(kb.descendants(area_id))
    return [s for s in kb.schools.values() if s.wijk in areas and tag in s.expertise]


@dataclass(frozen=True)
class ResidenceAnswer:
    """Grensverkeer: jeugdhulp runs via the jeugdteam of the gemeente where the pupil lives."""

    gemeente: str | None
    contacts: tuple[Contact, ...]
    needs_wijk: bool


def jeugdteam_for_residence(kb: KnowledgeBase, *, gemeente: str | None = None, postcode: str | None = None) -> ResidenceAnswer:
    """The jeugdteam(s) for a pupil living in ``gemeente`` or at ``postcode``.

    A gemeente with one team for everyone answers directly; a gemeente whose teams each cover a
    part of it (Den Haag: one per stadsdeel) sets ``needs_wijk`` so the dialog asks where.
    """
    if postcode and not gemeente:
        areas = [kb.areas[a] for a in kb.areas_by_pc4.get(postcode, ())]
        gemeenten = {a.gemeente for a in areas}
        gemeente = gemeenten.pop() if len(gemeenten) == 1 else None
    if gemeente is None or gemeente not in kb.areas:
        return ResidenceAnswer(None, (), False)
    whole = tuple(c for c in kb.contacts_by_area.get(gemeente, ()) if c.rol == "jeugdteam")
    if whole:
        return ResidenceAnswer(gemeente, whole, False)
    parts = contacts_for(kb, "jeugdteam", gemeente=gemeente)
    return ResidenceAnswer(gemeente, tuple(parts), needs_wijk=len(parts) > 1)


def route_entry(kb: KnowledgeBase, route: str) -> RouteEntry | None:
    return kb.entries.get(route)


def route_step(kb: KnowledgeBase, step_id: str) -> Step | None:
    return kb.steps.get(step_id)


def glossary_term(kb: KnowledgeBase, term: str) -> Term | None:
    return next((t for t in kb.terms if t.term == term), None)


def step_for_begrip(kb: KnowledgeBase, term: str) -> Step | None:
    found = glossary_term(kb, term)
    return kb.steps.get(found.route_stap) if found and found.route_stap else None
