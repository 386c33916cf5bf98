"""An ArchiMate view drawn as SVG from its own layout: the bounds, nesting, connections and
bendpoints the architect drew in Archi, not a re-layout by Graphviz.

Coordinates are the exchange file's (absolute within the view); the drawing's ``viewBox`` frames
them, so every box stands exactly where Archi put it. Elements are coloured by ArchiMate layer as
Archi colours them, nested nodes are drawn after (over) their parents, notes are text boxes, and
connections are polylines through their bendpoints, clipped to the boxes' edges, with the marker of
their relationship kind. Every text and link goes through :func:`.escaping.escape`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .archimate import Part
from .escaping import escape

#: Archi's default fill colours, by layer.
LAYER_COLOURS = {
    "strategy": "#f5deaa", "business": "#ffffb5", "application": "#b5ffff", "technology": "#c9e7b7",
    "physical": "#c9e7b7", "motivation": "#ccccff", "implementation": "#ffe0e0", "migration": "#e0ffe0",
    "location": "#fbb875", "other": "#ffffff",
}
LAYERS = {
    "strategy": {"Resource", "Capability", "ValueStream", "CourseOfAction"},
    "business": {"Contract", "Representation", "Product"},
    "application": {"DataObject"},
    "technology": {"Node", "Device", "SystemSoftware", "TechnologyCollaboration", "TechnologyInterface", "Path",
                   "CommunicationNetwork", "TechnologyFunction", "TechnologyProcess", "TechnologyInteraction",
                   "TechnologyEvent", "TechnologyService", "Artifact"},
    "physical": {"Equipment", "Facility", "DistributionNetwork", "Material"},
    "motivation": {"Stakeholder", "Driver", "Assessment", "Goal", "Outcome", "Principle", "Requirement",
                   "Constraint", "Meaning", "Value"},
    "implementation": {"WorkPackage", "Deliverable", "ImplementationEvent"},
    "migration": {"Plateau", "Gap"},
    "location": {"Location"},
}
#: relationship kind -> (dashes, marker at the start, marker at the end)
LINE_STYLES = {
    "Composition": ("", "diamond-filled", ""),
    "Aggregation": ("", "diamond-open", ""),
    "Assignment": ("", "dot", "arrow-filled"),
    "Realization": ("5 3", "", "triangle-open"),
    "Serving": ("", "", "arrow-open"),
    "Access": ("2 2", "", "arrow-open"),
    "Influence": ("5 3", "", "arrow-open"),
    "Triggering": ("", "", "arrow-filled"),
    "Flow": ("5 3", "", "arrow-filled"),
    "Specialization": ("", "", "triangle-open"),
    "Association": ("", "", ""),
}
MARKERS = {
    "arrow-filled": '<path d="M0,0 L10,5 L0,10 z" fill="#1f2937"/>',
    "arrow-open": '<path d="M0,0 L10,5 L0,10" fill="none" stroke="#1f2937" stroke-width="1.2"/>',
    "triangle-open": '<path d="M0,0 L10,5 L0,10 z" fill="#ffffff" stroke="#1f2937" stroke-width="1.2"/>',
    "diamond-filled": '<path d="M0,5 L5,0 L10,5 L5,10 z" fill="#1f2937"/>',
    "diamond-open": '<path d="M0,5 L5,0 L10,5 L5,10 z" fill="#ffffff" stroke="#1f2937" stroke-width="1.2"/>',
    "dot": '<circle cx="5" cy="5" r="3.5" fill="#1f2937"/>',
}
MARGIN = 10
FONT_SIZE = 11
LINE_HEIGHT = 13
CHAR_WIDTH = 6.2  # an average character at FONT_SIZE, for wrapping names into their boxes


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


def layer(kind: str | None) -> str:
    """The ArchiMate layer of an element type, as Archi colours it."""
    if not kind:
        return "other"
    for name, kinds in LAYERS.items():
        if kind in kinds:
            return name
    for prefix in ("Business", "Application", "Technology"):
        if kind.startswith(prefix):
            return prefix.lower()
    return "other"


def draw_view(view: Part, title: str, *, name_of: Callable[[Part], str], href_of: Callable[[Part], str | None],
              element_type: Callable[[Part], str | None], relationship_type: Callable[[Part], str | None],
              relationship_attributes: Callable[[Part], dict[str, str]]) -> Markup:
    """The SVG of ``view``: ``name_of`` a node's text, ``href_of`` its page (or None), ``element_type``
    the ArchiMate type of the element it shows, ``relationship_type`` that of a connection's relationship."""
    nodes = [part for part in view.walk() if part.tag == "node" and _box(part)]
    connections = [part for part in view.walk() if part.tag == "connection"]
    boxes = {part.identifier: _box(part) for part in nodes if part.identifier}
    points = [(b.x, b.y) for b in boxes.values()] + [(b.x + b.w, b.y + b.h) for b in boxes.values()]
    points += [point for connection in connections for point in _bendpoints(connection)]
    if not points:
        points = [(0.0, 0.0)]
    left, top = min(x for x, _ in points) - MARGIN, min(y for _, y in points) - MARGIN
    width, height = max(x for x, _ in points) + MARGIN - left, max(y for _, y in points) + MARGIN - top
    prefix = "v" + hashlib.blake2b(view.key.encode(), digest_size=4).hexdigest()
    out = [f'<svg class="eag-svg eag-view" xmlns="http://www.w3.org/2000/svg" role="img" '
           f'aria-label="{escape(title)}" viewBox="{_n(left)} {_n(top)} {_n(width)} {_n(height)}" '
           f'width="{_n(width)}" height="{_n(height)}" font-family="Helvetica, Arial, sans-serif" '
           f'font-size="{FONT_SIZE}">', f"<title>{escape(title)}</title>", _defs(prefix)]
    for part in nodes:
        out.append(_node(part, name_of(part), href_of(part), element_type(part)))
    for connection in connections:
        out.append(_connection(connection, boxes, relationship_type(connection),
                               relationship_attributes(connection), prefix))
    out.append("</svg>")
    return Markup("\n".join(line for line in out if line))


def _box(part: Part) -> Box | None:
    x, y, w, h = (part.number(name) for name in ("x", "y", "w", "h"))
    if None in (x, y, w, h) or w < 0 or h < 0:
        return None
    return Box(x, y, w, h)


def _bendpoints(connection: Part) -> list[tuple[float, float]]:
    points = ((bend.number("x"), bend.number("y")) for bend in connection.children("bendpoint"))
    return [(x, y) for x, y in points if x is not None and y is not None]


def _defs(prefix: str) -> str:
    return "<defs>" + "".join(
        f'<marker id="{prefix}-{name}" viewBox="0 0 10 10" refX="{10 if name != "dot" else 5}" refY="5" '
        f'markerWidth="9" markerHeight="9" orient="auto-start-reverse" markerUnits="userSpaceOnUse">{shape}</marker>'
        for name, shape in MARKERS.items()) + "</defs>"


def _node(part: Part, name: str, href: str | None, kind: str | None) -> str:
    box = _box(part)
    if part.kind == "Element":
        fill, css = LAYER_COLOURS[layer(kind)], f"eag-view-element eag-layer-{layer(kind)}"
    else:  # a note (Label) or a group (Container): the colour the architect gave it, else white
        fill, css = _style_fill(part) or "#ffffff", f"eag-view-{'note' if part.kind == 'Label' else 'group'}"
    junction = kind in ("AndJunction", "OrJunction", "Junction")
    radius = _n(min(box.w, box.h) / 2) if junction else ("0" if part.kind == "Label" else "4")
    shape = (f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" height="{_n(box.h)}" rx="{radius}" '
             f'fill="{fill}" stroke="#5c5c5c" stroke-width="1"/>')
    text = "" if junction else _text(name, box, centred=part.kind == "Element")
    kind_attribute = f' data-archimate-type="{escape(kind)}"' if kind else ""
    group = f'<g class="{css}" data-node="{escape(part.identifier or "")}"{kind_attribute}>{shape}{text}</g>'
    return f'<a href="{escape(href)}">{group}</a>' if href else group


def _style_fill(part: Part) -> str | None:
    """The fill colour of a note or group's style, when it is a valid RGB colour."""
    for style in part.children("style"):
        for fill in style.children("fillColor"):
            rgb = [fill.number(channel) for channel in "rgb"]
            if all(v is not None and 0 <= v <= 255 and float(v).is_integer() for v in rgb):
                return "#" + "".join(f"{int(v):02x}" for v in rgb)
    return None


def _text(name: str, box: Box, centred: bool) -> str:
    lines = _wrap(name, max(3, int((box.w - 8) / CHAR_WIDTH)))[:max(1, int((box.h - 4) / LINE_HEIGHT))]
    if not lines:
        return ""
    x = box.x + box.w / 2 if centred else box.x + 5
    anchor = "middle" if centred else "start"
    spans = "".join(f'<tspan x="{_n(x)}" dy="{LINE_HEIGHT if i else 0}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text x="{_n(x)}" y="{_n(box.y + 15)}" text-anchor="{anchor}" fill="#111827">{spans}</text>'


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            while len(word) > width:  # a word longer than the box: cut it
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:width])
                word = word[width:]
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            lines.append(line)
    return lines


def _connection(part: Part, boxes: dict[str, Box], kind: str | None, attributes: dict[str, str],
                prefix: str) -> str:
    source, target = boxes.get(part.attributes.get("source")), boxes.get(part.attributes.get("target"))
    if source is None or target is None:
        return ""  # an end that is not drawn (a connection to another connection, or a broken file)
    bends = _bendpoints(part)
    start = _clip(source, bends[0] if bends else target.centre)
    end = _clip(target, bends[-1] if bends else source.centre)
    dashes, head, tail = LINE_STYLES.get(kind or "", ("", "", ""))
    if kind == "Access":
        head, tail = _access_markers(attributes.get("accessType", "Write"))
    if kind == "Association" and attributes.get("isDirected") == "true":
        tail = "arrow-open"
    points = " ".join(f"{_n(x)},{_n(y)}" for x, y in [start, *bends, end])
    style = [f'points="{points}"', 'fill="none"', 'stroke="#1f2937"', 'stroke-width="1"']
    if dashes:
        style.append(f'stroke-dasharray="{dashes}"')
    if head:
        style.append(f'marker-start="url(#{prefix}-{head})"')
    if tail:
        style.append(f'marker-end="url(#{prefix}-{tail})"')
    css = f"eag-view-connection eag-rel-{escape(kind.lower())}" if kind else "eag-view-connection"
    return (f'<polyline class="{css}" data-connection="{escape(part.identifier or "")}" '
            f'{" ".join(style)}/>')


def _access_markers(access: str) -> tuple[str, str]:
    """ArchiMate's access arrow points the way the data goes: to the reader, or to what is written."""
    return {"Read": ("arrow-open", ""), "Access": ("", ""), "ReadWrite": ("arrow-open", "arrow-open")}.get(
        access, ("", "arrow-open"))


def _clip(box: Box, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre towards a point leaves the box (Archi's chopbox anchor)."""
    cx, cy = box.centre
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scales = []
    if dx:
        scales.append((box.w / 2) / abs(dx))
    if dy:
        scales.append((box.h / 2) / abs(dy))
    scale = min(1.0, *scales)
    return cx + dx * scale, cy + dy * scale


def _n(value: float) -> str:
    """A coordinate as written: whole numbers without a decimal point."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")
