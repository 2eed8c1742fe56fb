"""The trend chart: signals per thema per month as an inline SVG, drawn on the server.

Counts below the threshold are never drawn at their height: they sit on one dashed band at the
bottom marked "< N", as hollow points, so the chart says no more than the table. The chart is a
picture (``role="img"`` with a title and description); the table under it holds the same numbers
for screen readers and keyboards.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from wijkwijzer.core.reports import hidden

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
COLOURS = ("#005ea5", "#b10e1e", "#00703c", "#6f3c97", "#a25200", "#2b6a84", "#85234a", "#3d5a1a",
           "#4c2c92", "#6b5b00", "#0b5e57", "#505a5f")
"""Colours with at least 4.5:1 contrast on white (lines and their legend)."""


@dataclass(frozen=True)
class Series:
    label: str
    counts: Sequence[int]


def colour(index: int) -> str:
    return COLOURS[index % len(COLOURS)]


def _nice_max(value: int) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return step
    return value


def trend_svg(months: Sequence[str], series: Sequence[Series], threshold: int, title: str,
              month_labels: Mapping[str, str]) -> str:
    """The SVG markup (escaped) for ``series`` over ``months``."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    highest = max([c for s in series for c in s.counts if not hidden(c, threshold)] + [threshold])
    step = threshold * max(1, math.ceil(_nice_max(highest) / 4 / threshold))
    """Axis lines at multiples of the threshold only: an axis label never reads 1 to threshold - 1."""
    top = step * max(1, math.ceil(highest / step))

    def x(i: int) -> float:
        return LEFT + (plot_w * i / max(len(months) - 1, 1))

    def y(value: float) -> float:
        return TOP + plot_h - plot_h * value / top

    parts = [(f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" '
             f'xmlns="http://www.w3.org/2000/svg">'),
             f'<title id="chart-title">{escape(title)}</title>',
             (f'<desc id="chart-desc">Lijnen per thema per maand. Aantallen onder de {threshold} staan op de '
             f'gestippelde band onderaan als &lt; {threshold}. De tabel eronder heeft dezelfde cijfers.</desc>')]
    for value in range(0, top + 1, step):
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" class="axis" text-anchor="end">{int(value)}</text>')
    band = y(threshold)
    parts.append(f'<rect x="{LEFT}" y="{band:.1f}" width="{plot_w}" height="{y(0) - band:.1f}" class="band"/>')
    parts.append(f'<text x="{WIDTH - RIGHT - 4}" y="{band + 14:.1f}" class="axis" text-anchor="end">'
                 f'&lt; {threshold}</text>')
    every = max(1, len(months) // 12)
    for i, month in enumerate(months):
        if i % every == 0 or i == len(months) - 1:
            parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" class="axis" text-anchor="middle">'
                         f'{escape(month_labels.get(month, month))}</text>')
    low = threshold / 2
    for index, line in enumerate(series):
        points = [(x(i), y(low if hidden(c, threshold) else c), hidden(c, threshold))
                  for i, c in enumerate(line.counts)]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour(index)}" stroke-width="2"/>')
        for px, py, is_hidden in points:
            fill = "#ffffff" if is_hidden else colour(index)
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{fill}" stroke="{colour(index)}" '
                         f'stroke-width="1.5"/>')
    parts.append("</svg>")
    return "".join(parts)
