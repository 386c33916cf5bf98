"""Charts for the dashboard, drawn as inline SVG: pictures that work offline and print well.

Each chart is an SVG with a ``<title>`` and a ``<desc>`` stating its numbers in words, so a screen
reader gets the content that the bars show. Labels are model text: always escaped here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

BAR_COLOURS = ("#1d4ed8", "#b45309", "#047857", "#6d28d9", "#be123c")
ROW = 22
LABEL_WIDTH = 260
BAR_WIDTH = 360


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]


def bar_chart(title: str, rows: list[Row], series: tuple[str, ...]) -> str:
    """Horizontal bars, one group per row, one bar per series (a picture: the tables of the
    section pages carry the links)."""
    if not rows:
        return ""
    top = max((v for row in rows for v in row.values), default=0) or 1
    per_row = ROW * len(series)
    height = per_row * len(rows) + 8 + (ROW if len(series) > 1 else 0)
    parts = [_open(title, LABEL_WIDTH + BAR_WIDTH + 70, height, _describe(rows, series))]
    for number, row in enumerate(rows):
        y = number * per_row + 4
        label = escape(_clip(row.label, 40))
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + per_row / 2 + 4:.0f}" text-anchor="end">{label}</text>')
        for index, value in enumerate(row.values):
            width = max(1, round(BAR_WIDTH * value / top)) if value else 0
            by = y + index * ROW + 3
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{by}" width="{width}" height="{ROW - 6}" '
                         f'fill="{BAR_COLOURS[index % len(BAR_COLOURS)]}"/>')
            parts.append(f'<text x="{LABEL_WIDTH + width + 6}" y="{by + ROW - 10}">{value:,}</text>')
    if len(series) > 1:
        parts.append(_legend(series, height - ROW + 4))
    parts.append("</svg>")
    return "".join(parts)


def share_bar(title: str, parts: list[tuple[str, int]]) -> str:
    """One bar split into shares (with their percentages), and a legend."""
    total = sum(value for _, value in parts)
    width = LABEL_WIDTH + BAR_WIDTH
    words = "; ".join(f"{name}: {value:,} ({_percent(value, total)})" for name, value in parts)
    svg = [_open(title, width + 70, ROW * 3, words)]
    x = 0.0
    for index, (name, value) in enumerate(parts):
        share = width * value / total if total else 0
        if share:
            svg.append(f'<rect x="{x:.1f}" y="4" width="{share:.1f}" height="{ROW}" '
                       f'fill="{BAR_COLOURS[index % len(BAR_COLOURS)]}"><title>{escape(name)}: {value:,}</title></rect>')
        x += share
    svg.append(_legend(tuple(f"{name}: {value:,} ({_percent(value, total)})" for name, value in parts), ROW + 14))
    svg.append("</svg>")
    return "".join(svg)


def _open(title: str, width: int, height: int, description: str) -> str:
    return (f'<svg class="eag-chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg" font-family="Helvetica, Arial, sans-serif" font-size="12" '
            f'fill="#111827"><title>{escape(title)}</title><desc>{escape(description)}</desc>')


def _legend(series: tuple[str, ...], y: int) -> str:
    items, x = [], 0
    for index, name in enumerate(series):
        items.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{BAR_COLOURS[index % len(BAR_COLOURS)]}"/>'
                     f'<text x="{x + 16}" y="{y + 11}">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return "".join(items)


def _describe(rows: list[Row], series: tuple[str, ...]) -> str:
    return "; ".join(f"{row.label}: " + ", ".join(f"{value:,} {name}" for name, value in zip(series, row.values))
                     for row in rows)


def _percent(value: int, total: int) -> str:
    return f"{100 * value / total:.0f} %" if total else "0 %"


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
