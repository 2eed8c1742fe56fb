"""Periods people name, the comparison with the period before, and the threshold (core/reports.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wijkwijzer.app.console.chart import Series, trend_svg
from wijkwijzer.core.reports import last_months, period_in, shown, trend

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(("text", "start", "end", "previous_start", "previous_end"), [
    ("signalen angst scheveningen dit kwartaal", date(2026, 10, 1), date(2026, 11, 23), date(2026, 7, 1),
     date(2026, 8, 23)),
    ("vorig kwartaal", date(2026, 7, 1), date(2026, 10, 1), date(2026, 4, 1), date(2026, 7, 1)),
    ("deze maand", date(2026, 11, 1), date(2026, 11, 23), date(2026, 10, 1), date(2026, 10, 23)),
    ("vorige maand", date(2026, 10, 1), date(2026, 11, 1), date(2026, 9, 1), date(2026, 10, 1)),
    ("vorig jaar", date(2025, 1, 1), date(2026, 1, 1), date(2024, 1, 1), date(2025, 1, 1)),
    ("dit jaar", date(2026, 1, 1), date(2026, 11, 23), date(2025, 1, 1), date(2025, 11, 23)),
    ("laatste 6 maanden", date(2026, 6, 1), date(2026, 11, 23), date(2025, 12, 1), date(2026, 5, 23)),
    ("Q2 2025", date(2025, 4, 1), date(2025, 7, 1), date(2025, 1, 1), date(2025, 4, 1)),
    ("signalen 2025", date(2025, 1, 1), date(2026, 1, 1), date(2024, 1, 1), date(2025, 1, 1)),
])
def test_periods_and_the_period_before(text, start, end, previous_start, previous_end):
    period = period_in(text, TODAY)
    assert period is not None and (period.start, period.end) == (start, end)
    assert (period.previous().start, period.previous().end) == (previous_start, previous_end)


def test_no_period_named_and_the_default():
    assert period_in("signalen angst scheveningen", TODAY) is None
    default = last_months(TODAY)
    assert default.start == date(2025, 12, 1) and len(default.months()) == 12


@pytest.mark.parametrize(("count", "text"), [(0, "0"), (1, "< 5"), (4, "< 5"), (5, "5"), (144, "144")])
def test_counts_below_the_threshold_are_never_numbers(count, text):
    assert shown(count, 5) == text


def test_a_trend_only_when_both_counts_reach_the_threshold():
    assert trend(12, 8, 5) == "meer" and trend(8, 12, 5) == "minder" and trend(7, 7, 5) == "gelijk"
    assert trend(12, 3, 5) is None and trend(3, 12, 5) is None


def test_the_chart_shows_no_number_below_the_threshold():
    months = [f"2026-{m:02d}" for m in range(1, 13)]
    svg = trend_svg(months, [Series("Armoede", [1, 2, 3, 4, 0, 2, 1, 3, 4, 2, 1, 1]),
                             Series("Angst", [6, 7, 9, 12, 30, 41, 5, 6, 8, 9, 10, 12])], 5, "Titel", {})
    labels = [int(n) for n in re.findall(r">(\d+)</text>", svg)]
    assert labels and all(n % 5 == 0 for n in labels)
    assert "&lt; 5" in svg and "<title" in svg and 'role="img"' in svg
