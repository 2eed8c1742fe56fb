"""Where the knowledge base leaves an IB'er without an answer: coverage warnings.

Validity (``loader.check_knowledge_base``) says whether the files fit together; coverage says
whether they answer the questions people ask. Two rules, both warnings (a knowledge base with
gaps still loads):

* every gemeente **of the region** has a jeugdteam (jeugdhulp follows the gemeente where the
  pupil lives). The region is the gemeenten with at least one school in the knowledge base;
  the other gemeenten (Delft, Westland, …) are there only to place a home postcode.
* every wijk **with a school** has someone for each role of :data:`WIJK_ROLES` (SMW, JGZ,
  leerplicht): through the wijk itself, its stadsdeel or kern, its gemeente, or because the
  person is fixed contact of a school in that wijk. A wijk without schools needs none of them.

Pure: reads a :class:`~wijkwijzer.knowledge.loader.KnowledgeBase`, imports nothing outside knowledge/.
"""

from __future__ import annotations

from dataclasses import dataclass

from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.vocabulary import ROLES_BY_ID

WIJK_ROLES = ("smw", "jgz", "leerplicht")
REGION_ROLE = "jeugdteam"


@dataclass(frozen=True, order=True)
class CoverageWarning:
    """One gap: the area (id), the role that is missing there, and a Dutch sentence."""

    area: str
    rol: str
    message: str

    def __str__(self) -> str:
        return self.message


def region_gemeenten(kb: KnowledgeBase) -> list[str]:
    """The gemeenten with at least one school, in knowledge-base order."""
    with_schools = {kb.areas[school.wijk].gemeente for school in kb.schools.values()}
    return [a.id for a in kb.areas.values() if a.soort == "gemeente" and a.id in with_schools]


def roles_in(kb: KnowledgeBase, area_id: str) -> set[str]:
    """The roles someone covers for ``area_id``: by werkgebied (the area or one above it) or by a school in it."""
    roles = {c.rol for ancestor in kb.ancestors(area_id) for c in kb.contacts_by_area.get(ancestor, ())}
    for school in kb.schools_by_area.get(area_id, ()):
        roles.update(c.rol for c in kb.contacts_by_school.get(school.naam, ()))
    return roles


def coverage_warnings(kb: KnowledgeBase) -> list[CoverageWarning]:
    """Every gap of the two rules in the module docstring, gemeenten first, then wijken by name."""
    warnings: list[CoverageWarning] = []
    region = region_gemeenten(kb)
    for gemeente in region:
        inside = list(kb.descendants(gemeente))
        if not any(c.rol == REGION_ROLE for area in inside for c in kb.contacts_by_area.get(area, ())):
            warnings.append(CoverageWarning(gemeente, REGION_ROLE,
                                            f"{kb.areas[gemeente].naam} heeft geen jeugdteam (of lokaal team)."))
    wijken = sorted((a for a in kb.areas.values() if a.soort == "wijk" and a.gemeente in region
                     and kb.schools_by_area.get(a.id)), key=lambda a: a.id)
    for wijk in wijken:
        missing = [rol for rol in WIJK_ROLES if rol not in roles_in(kb, wijk.id)]
        for rol in missing:
            warnings.append(CoverageWarning(wijk.id, rol, f"{wijk.naam} ({kb.areas[wijk.gemeente].naam}) heeft "
                                                          f"geen {ROLES_BY_ID[rol].functie}."))
    return warnings
