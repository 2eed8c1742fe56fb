"""Signal reports, the same for the chat and the console: periods people name, the comparison
with the period before, and the count threshold.

**The threshold.** A count of 1 up to ``threshold - 1`` is never shown as a number: it reads
"< 5" (with the default threshold of 5), in chat, on the page, in the chart and in the CSV
export, so a small wijk never points at one child. 0 stays 0. A comparison ("meer dan de
vorige periode") is only made when both counts are at least the threshold.

**Periods** (``period_in``): "dit kwartaal", "vorig kwartaal", "deze maand", "vorige maand",
"dit jaar", "vorig jaar", "afgelopen jaar", "laatste/afgelopen N maanden", "Q3 2026",
"2025". A running period (this quarter, this month, this year) runs until today and is compared
with the same part of the period before (1 October–22 November against 1 July–22 August);
a past or rolling period with the one just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

DEFAULT_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months (the day clipped to the month's length)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for clip in (day.day, 30, 29, 28):
        try:
            return date(year, month, clip)
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True)
class Period:
    """Days [``start``, ``end``); ``label`` in Dutch; ``step`` months back to the period it compares with."""

    start: date
    end: date
    label: str
    step: int

    def previous(self) -> Period:
        return Period(add_months(self.start, -self.step), add_months(self.end, -self.step), "de periode ervoor",
                      self.step)

    def bounds(self) -> tuple[datetime, datetime]:
        return (datetime(self.start.year, self.start.month, self.start.day, tzinfo=UTC),
                datetime(self.end.year, self.end.month, self.end.day, tzinfo=UTC))

    def months(self) -> list[str]:
        """The months it touches, ``YYYY-MM``."""
        found, day = [], date(self.start.year, self.start.month, 1)
        while day < self.end:
            found.append(f"{day:%Y-%m}")
            day = add_months(day, 1)
        return found


def last_months(today: date, months: int = DEFAULT_MONTHS) -> Period:
    """The last ``months`` whole months and this month so far (the console's default)."""
    start = add_months(date(today.year, today.month, 1), -(months - 1))
    return Period(start, today + timedelta(days=1), f"de afgelopen {months} maanden", months)


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


_N_MONTHS = re.compile(r"\b(?:laatste|afgelopen|vorige)\s+(\d{1,2})\s+maanden\b")
_QUARTER = re.compile(r"\b(?:q|kwartaal\s*)([1-4])(?:\s+(20\d\d))?\b")
_YEAR = re.compile(r"\b(20\d\d)\b")


def period_in(text: str, today: date) -> Period | None:
    """The period a message names (see the module docstring), or None."""
    lower = " ".join(text.lower().split())
    tomorrow = today + timedelta(days=1)
    quarter = _quarter_start(today)
    if "vorig kwartaal" in lower or "vorige kwartaal" in lower:
        return Period(add_months(quarter, -3), quarter, "het vorige kwartaal", 3)
    if "dit kwartaal" in lower or "deze kwartaal" in lower:
        return Period(quarter, tomorrow, "dit kwartaal", 3)
    month = date(today.year, today.month, 1)
    if "vorige maand" in lower:
        return Period(add_months(month, -1), month, "vorige maand", 1)
    if "deze maand" in lower or "dit maand" in lower:
        return Period(month, tomorrow, "deze maand", 1)
    year = date(today.year, 1, 1)
    if "vorig jaar" in lower or "vorige jaar" in lower:
        return Period(date(today.year - 1, 1, 1), year, f"{today.year - 1}", 12)
    if "dit jaar" in lower:
        return Period(year, tomorrow, f"{today.year} tot nu", 12)
    if "afgelopen jaar" in lower or "laatste jaar" in lower or "afgelopen 12 maanden" in lower:
        return last_months(today)
    found = _N_MONTHS.search(lower)
    if found and 1 <= int(found.group(1)) <= 60:
        return last_months(today, int(found.group(1)))
    found = _QUARTER.search(lower)
    if found:
        first = date(int(found.group(2) or today.year), 3 * int(found.group(1)) - 2, 1)
        return Period(first, add_months(first, 3), f"kwartaal {found.group(1)} van {first.year}", 3)
    found = _YEAR.search(lower)
    if found:
        first = date(int(found.group(1)), 1, 1)
        return Period(first, date(first.year + 1, 1, 1), found.group(1), 12)
    return None


def shown(count: int, threshold: int) -> str:
    """A count as it may be shown: '0', '< 5' for 1 to threshold - 1, else the number."""
    if count <= 0:
        return "0"
    return f"< {threshold}" if count < threshold else str(count)


def hidden(count: int, threshold: int) -> bool:
    return 0 < count < threshold


def trend(now: int, before: int, threshold: int) -> str | None:
    """'meer', 'minder' or 'gelijk' against the period before; None when either count is below the threshold."""
    if now < threshold or before < threshold:
        return None
    return "meer" if now > before else "minder" if now < before else "gelijk"
