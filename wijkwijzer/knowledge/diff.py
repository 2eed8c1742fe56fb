"""What a new knowledge base changes against the live one: schools and contacts added, changed
or removed, with the fields that changed. Shown before publishing (the console, ``kb diff``).

Pure: compares two :class:`~wijkwijzer.knowledge.loader.KnowledgeBase` snapshots.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wijkwijzer.knowledge.loader import KnowledgeBase

IGNORED_FIELDS = frozenset({"id"})


@dataclass(frozen=True)
class Change:
    """One school or contact that changed: its id and, per field, the old and the new value."""

    id: str
    fields: Mapping[str, tuple[Any, Any]]


@dataclass(frozen=True)
class Changes:
    """Added, changed and removed items of one kind (ids in order)."""

    added: tuple[str, ...] = ()
    changed: tuple[Change, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass(frozen=True)
class KnowledgeDiff:
    schools: Changes = field(default_factory=Changes)
    contacts: Changes = field(default_factory=Changes)
    areas: Changes = field(default_factory=Changes)

    @property
    def any(self) -> bool:
        return self.schools.any or self.contacts.any or self.areas.any

    def summary(self) -> str:
        """One Dutch line: '3 scholen erbij, 1 gewijzigd; 2 contacten weg'."""
        parts = []
        for label, changes in (("scholen", self.schools), ("contacten", self.contacts), ("gebieden", self.areas)):
            counts = [f"{len(changes.added)} erbij" if changes.added else "",
                      f"{len(changes.changed)} gewijzigd" if changes.changed else "",
                      f"{len(changes.removed)} weg" if changes.removed else ""]
            shown = ", ".join(c for c in counts if c)
            if shown:
                parts.append(f"{label}: {shown}")
        return "; ".join(parts) if parts else "geen verschillen"


def _compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> Changes:
    changed = []
    for key in new:
        if key in old:
            before, after = old[key].model_dump(), new[key].model_dump()
            fields = {name: (before.get(name), after.get(name)) for name in sorted(set(before) | set(after))
                      if name not in IGNORED_FIELDS and before.get(name) != after.get(name)}
            if fields:
                changed.append(Change(key, fields))
    return Changes(added=tuple(k for k in new if k not in old), changed=tuple(changed),
                   removed=tuple(k for k in old if k not in new))


def diff(old: KnowledgeBase, new: KnowledgeBase) -> KnowledgeDiff:
    """What ``new`` changes against ``old`` (schools by name, contacts by organisation and name, areas by id)."""
    return KnowledgeDiff(
        schools=_compare(old.schools, new.schools),
        contacts=_compare({c.id: c for c in old.contacts}, {c.id: c for c in new.contacts}),
        areas=_compare(old.areas, new.areas),
    )
