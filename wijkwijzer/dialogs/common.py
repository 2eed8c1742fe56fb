"""Small helpers the dialogs share."""

from __future__ import annotations

from collections.abc import Sequence

from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Area

AREA_ORDER_WIJK = {"wijk": 0, "stadsdeel": 1, "kern": 1, "gemeente": 2}
AREA_ORDER_GEMEENTE = {"gemeente": 0, "stadsdeel": 1, "kern": 1, "wijk": 2}


def area_by_name(kb: KnowledgeBase, name: str | None, prefer: str = "wijk") -> Area | None:
    """The area a canonical entity value names; an exact wijk wins over a stadsdeel/kern of the same name."""
    if not name:
        return None
    matches = kb.areas_by_name.get(name, ())
    if not matches:
        return None
    order = AREA_ORDER_WIJK if prefer == "wijk" else AREA_ORDER_GEMEENTE
    return sorted(matches, key=lambda a: order[a.soort])[0]


def numbered(labels: Sequence[str]) -> str:
    return "\n".join(f"{i}. {label}" for i, label in enumerate(labels, start=1))


def joined(items: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]
