"""Charts for the dashboard, drawn as inline SVG: pictures that work offline and print well.

Each chart is an SVG with a ``<title>`` and a ``<desc>`` stating its numbers in words, so a screen
reader gets the content that the bars show. Labels are model text: always escaped here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from .escaping import escape

BAR_COLOURS = ("#1d4ed8", "#b45309", "#047857", "#6d28d9", "#be123c")
ROW = 22
LABEL_WIDTH = 260
BAR_WIDTH = 360


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]


def bar_chart(title: str, rows: list[Row], series: tuple[str, ...],
              counted: Callable[[int, int], str] | None = None) -> str:
    """Horizontal bars, one group per row, one bar per series (a picture: the tables of the
    section pages carry the links). ``counted(value, series index)`` words a count for the
    description ("1 dienst"); without it, the value and the series' name."""
    if not rows:
        return ""
    top = max((v for row in rows for v in row.values), default=0) or 1
    per_row = ROW * len(series)
    height = per_row * len(rows) + 8 + (ROW if len(series) > 1 else 0)
    counted = counted or (lambda value, index: f"{value:,} {series[index]}")
    parts = [_open(title, LABEL_WIDTH + BAR_WIDTH + 70, height, _describe(rows, counted))]
    for number, row in enumerate(rows):
        y = number * per_row + 4
        label = _fit(row.label, LABEL_WIDTH - 12)
        whole = f"<title>{escape(row.label)}</title>" if label != row.label else ""
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + per_row / 2 + 4:.0f}" text-anchor="end">'
                     f"{whole}{escape(label)}</text>")
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


def _describe(rows: list[Row], counted: Callable[[int, int], str]) -> str:
    return "; ".join(f"{row.label}: " + ", ".join(counted(value, index) for index, value in enumerate(row.values))
                     for row in rows)


def _percent(value: int, total: int) -> str:
    return f"{100 * value / total:.0f} %" if total else "0 %"


#: Widths of characters in em, rounded up for the wider of the fonts a browser may pick for
#: "Helvetica, Arial, sans-serif" (DejaVu Sans on Linux): a label measured with them fits.
_NARROW, _SEMI, _WIDE = set("ijlI.,:;'|!() "), set("frt-/"), set("mwMW@%")
FONT_SIZE = 12


def _width(text: str) -> float:
    """The width of ``text`` in pixels at :data:`FONT_SIZE`, estimated from above."""
    em = sum(0.34 if c in _NARROW else 0.45 if c in _SEMI else 1.0 if c in _WIDE
             else 0.78 if c.isupper() else 0.64 for c in text)
    return em * FONT_SIZE


def _fit(text: str, width: float) -> str:
    """``text``, cut with "…" where it would be wider than ``width`` pixels (a bar chart's label is
    right-aligned against its bar: a longer one would run off the chart's left edge)."""
    if _width(text) <= width:
        return text
    while text and _width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def line_chart(title: str, labels: list[str], values: list[float], percent: bool = False) -> str:
    """One figure over time (a point per commit, oldest left), its values written at the ends."""
    if len(values) < 2:
        return ""
    width, height, left, top = LABEL_WIDTH + BAR_WIDTH, 120, 50, 16
    low, high = min(values), max(values)
    span = (high - low) or 1
    xs = [left + (width - left - 20) * i / (len(values) - 1) for i in range(len(values))]
    ys = [top + (height - top - 24) * (1 - (v - low) / span) for v in values]
    shown = (lambda v: f"{100 * v:.0f} %") if percent else (lambda v: f"{v:,.0f}")
    words = "; ".join(f"{label}: {shown(v)}" for label, v in zip(labels, values))
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys))
    return (_open(title, width, height, words)
            + f'<polyline points="{points}" fill="none" stroke="{BAR_COLOURS[0]}" stroke-width="2"/>'
            + "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{BAR_COLOURS[0]}"/>' for x, y in zip(xs, ys))
            + f'<text x="{xs[0]:.1f}" y="{height - 6}">{escape(labels[0])}: {shown(values[0])}</text>'
            + f'<text x="{xs[-1]:.1f}" y="{height - 6}" text-anchor="end">{escape(labels[-1])}: {shown(values[-1])}</text>'
            + "</svg>")


#: Colours of the timeline's bars and marks, by what they show (a lifecycle phase, a regulation in
#: force, an initiative's status); contrast >= 3:1 on white for the marks.
TIMELINE_COLOURS = {"planned": "#6366f1", "active": "#047857", "phasing out": "#b45309", "retired": "#6b7280",
                    "in force": "#1d4ed8", "not started": "#6b7280", "in progress": "#1d4ed8", "done": "#047857",
                    "cancelled": "#be123c", "no status": "#6b7280", "today": "#be123c"}
YEAR_WIDTH_MIN = 40


@dataclass(frozen=True)
class Span:
    """A bar of the timeline: from ``start`` to ``end`` (None: to the timeline's end)."""

    start: date
    end: date | None
    key: str  # its colour in TIMELINE_COLOURS


@dataclass(frozen=True)
class TimelineRow:
    label: str
    words: str  # the row in words, for the description a screen reader reads
    spans: tuple[Span, ...] = ()
    marks: tuple[tuple[date, str], ...] = ()  # (day, colour key): a diamond


def timeline(title: str, rows: list[TimelineRow], today: date, legend: list[tuple[str, str]]) -> str:
    """Years on the x axis, one row per thing: its spans as bars and its marks as diamonds, a line
    at ``today``, and a legend of (colour key, word). A picture: the table under it has the links."""
    if not rows:
        return ""
    days = [today] + [d for row in rows for d in ([s.start for s in row.spans] + [s.end for s in row.spans if s.end]
                                                   + [m for m, _ in row.marks])]
    first, last = min(days).year, max(days).year + 1
    width = max(BAR_WIDTH + 200, YEAR_WIDTH_MIN * (last - first + 1))
    left, top = LABEL_WIDTH, ROW + 4
    placed, lx, ly = [], 0.0, 0  # the legend, in lines as wide as the chart
    for key, name in legend:
        if lx and lx + 16 + _width(name) > left + width:
            lx, ly = 0.0, ly + ROW
        placed.append((lx, ly, key, name))
        lx += 24 + _width(name)
    height = top + ROW * len(rows) + ROW + 8 + ly

    def x(day: date) -> float:
        start, end = date(first, 1, 1), date(last + 1, 1, 1)
        return left + width * (day - start).days / (end - start).days

    parts = [_open(title, left + width + 20, height, "; ".join(row.words for row in rows))]
    step = max(1, round((last - first + 1) * YEAR_WIDTH_MIN / width + 0.49))
    for year in range(first, last + 1, step):
        parts.append(f'<line x1="{x(date(year, 1, 1)):.1f}" y1="{top - 4}" x2="{x(date(year, 1, 1)):.1f}" '
                     f'y2="{top + ROW * len(rows)}" stroke="#d1d5db"/>'
                     f'<text x="{x(date(year, 1, 1)) + 3:.1f}" y="{top - 8}">{year}</text>')
    for number, row in enumerate(rows):
        y = top + number * ROW
        label = _fit(row.label, LABEL_WIDTH - 12)
        whole = f"<title>{escape(row.label)}</title>" if label != row.label else ""
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + ROW / 2 + 4:.0f}" text-anchor="end">{whole}'
                     f"{escape(label)}</text>")
        for span in row.spans:
            end = x(span.end) if span.end else left + width
            parts.append(f'<rect x="{x(span.start):.1f}" y="{y + 5}" width="{max(2.0, end - x(span.start)):.1f}" '
                         f'height="{ROW - 10}" fill="{TIMELINE_COLOURS[span.key]}"/>')
        for day, key in row.marks:
            cx, cy = x(day), y + ROW / 2
            parts.append(f'<polygon points="{cx:.1f},{cy - 7:.1f} {cx + 7:.1f},{cy:.1f} {cx:.1f},{cy + 7:.1f} '
                         f'{cx - 7:.1f},{cy:.1f}" fill="{TIMELINE_COLOURS[key]}" stroke="#111827"/>')
    parts.append(f'<line x1="{x(today):.1f}" y1="{top - 4}" x2="{x(today):.1f}" y2="{top + ROW * len(rows)}" '
                 f'stroke="{TIMELINE_COLOURS["today"]}" stroke-width="2" stroke-dasharray="4 3"/>')
    base = top + ROW * len(rows) + 8
    for lx, ly, key, name in placed:
        parts.append(f'<rect x="{lx:.0f}" y="{base + ly}" width="12" height="12" fill="{TIMELINE_COLOURS[key]}"/>'
                     f'<text x="{lx + 16:.0f}" y="{base + ly + 11}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
