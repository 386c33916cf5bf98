"""Diagrams: small graphs drawn by Graphviz as SVG, whose nodes link to their pages.

A page asks for a :class:`Diagram` and gets a placeholder; once every page is written, all the
diagrams are laid out together (:func:`render_all`): Graphviz's ``dot`` reads many graphs from one
input, so a site of ten thousand services starts a handful of processes, not ten thousand, and a
diagram laid out before (same Graphviz source) is taken from the last build's pack of diagrams
(:func:`read_pack`: 256 shards per language kept with the build, where one cache file per diagram
cost a file creation each, 10 s of a 2,000-service language's 60 s). Model text reaches Graphviz
only as quoted, escaped labels, and Graphviz escapes it again in the SVG.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from eagraph.workspace import EagraphError

#: Fill colours by kind: light, so that the dark label text keeps a contrast above 7:1.
STYLES = {
    "service": ("box", "#dbeafe"),
    "authority": ("house", "#fde68a"),
    "source": ("cylinder", "#d1fae5"),
    "regulation": ("note", "#ede9fe"),
    "concept": ("ellipse", "#fce7f3"),
    "evidence": ("folder", "#fee2e2"),
    "output": ("component", "#e0f2fe"),
    "event": ("hexagon", "#fef3c7"),
    "process": ("box", "#e5e7eb"),
    "step": ("box", "#f3f4f6"),
    "application": ("component", "#dcfce7"),
    "capability": ("tab", "#ecfccb"),
    "other": ("box", "#f3f4f6"),
}
PLACEHOLDER = "<!--eagraph-diagram:{}-->"
BATCH = 200  # graphs per dot process
_BATCH_ID = re.compile(r'id="(a_)?page\d+,\d+_graph0"')
_CLUSTER = re.compile(r'<g id="clust(\d+)" class="cluster">\n.*?</g>\n</g>\n', re.S)


class GraphvizError(EagraphError):
    """Graphviz is missing or failed."""


@dataclass
class Diagram:
    """Nodes (id → label, kind, link), edges and optional swimlanes (cluster label → node ids)."""

    title: str
    rankdir: str = "LR"
    nodes: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    lanes: dict[str, list[str]] = field(default_factory=dict)
    focus: str | None = None

    def node(self, key: str, label: str, kind: str, url: str | None = None) -> str:
        if key not in self.nodes:
            self.nodes[key] = (label, kind, url)
        return key

    def edge(self, a: str, b: str, label: str = "") -> None:
        if (a, b, label) not in self.edges:
            self.edges.append((a, b, label))

    def to_dot(self) -> str:
        ids = {key: f"n{number}" for number, key in enumerate(self.nodes)}
        lines = [f'digraph "{_quote(self.title)}" {{',
                 f'  graph [rankdir={self.rankdir}, fontname="Helvetica", fontsize=10, bgcolor="transparent", '
                 f'nodesep=0.25, ranksep=0.45, tooltip="{_quote(self.title)}"];',
                 '  node [fontname="Helvetica", fontsize=10, style="filled", color="#374151", fontcolor="#111827"];',
                 '  edge [fontname="Helvetica", fontsize=8, color="#4b5563", fontcolor="#374151"];']
        in_lane = set()
        for number, (lane, members) in enumerate(self.lanes.items()):
            lines.append(f'  subgraph cluster_{number} {{ label="{_label(lane, 40)}"; style="rounded"; '
                         f'color="#9ca3af"; fontcolor="#111827";')
            lines += [f"    {ids[m]};" for m in members if m in ids]
            lines.append("  }")
            in_lane.update(members)
        for key, (label, kind, url) in self.nodes.items():
            shape, fill = STYLES.get(kind, STYLES["other"])
            attributes = [f'label="{_label(label)}"', f"shape={shape}", f'fillcolor="{fill}"',
                          f'tooltip="{_quote(label)}"']
            if url:
                attributes.append(f'URL="{_quote(url)}"')
            if key == self.focus:
                attributes.append("penwidth=2.5")
            lines.append(f"  {ids[key]} [{', '.join(attributes)}];")
        for a, b, label in self.edges:
            if a in ids and b in ids:
                lines.append(f'  {ids[a]} -> {ids[b]} [label="{_quote(label)}"];' if label else f"  {ids[a]} -> {ids[b]};")
        lines.append("}")
        return "\n".join(lines) + "\n"


def placeholder(diagram: Diagram, collected: dict[str, str]) -> str:
    """Remember ``diagram`` for :func:`render_all` and return the mark that its SVG replaces."""
    source = diagram.to_dot()
    key = hashlib.blake2b(source.encode(), digest_size=12).hexdigest()
    collected[key] = source
    return PLACEHOLDER.format(key)


def render_all(sources: dict[str, str], known: dict[str, str] | None = None) -> dict[str, str]:
    """SVG (ready to inline) for every Graphviz source, by key; those in ``known`` (the last build's,
    :func:`read_pack`) are not laid out again."""
    dot = shutil.which("dot")
    if dot is None:
        raise GraphvizError("the site's diagrams need Graphviz's `dot` (Debian: apt-get install graphviz)")
    known = known or {}
    done = {key: known[key] for key in sources if key in known}
    todo = [key for key in sources if key not in done]
    batches = [todo[i:i + BATCH] for i in range(0, len(todo), BATCH)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for keys, svgs in zip(batches, pool.map(lambda keys: _run_dot(dot, [sources[k] for k in keys]), batches)):
            done.update(zip(keys, svgs))
    return done


def read_pack(folder: Path, keys: Iterable[str] | None = None) -> dict[str, str]:
    """The diagrams a build kept (:func:`write_pack`), by key: those of the shards that hold ``keys``
    (None: every shard). A shard missing or damaged gives nothing: its diagrams are laid out again."""
    from eagraph.workspace.cache import read_sealed

    shards = sorted({_shard(key) for key in keys}) if keys is not None else [
        path.stem for path in folder.glob("*.pack")]
    found: dict[str, str] = {}
    for shard in shards:
        kept = read_sealed(folder / f"{shard}.pack")
        if isinstance(kept, dict) and all(isinstance(k, str) and isinstance(v, str) and _shard(k) == shard
                                          for k, v in kept.items()):
            found.update(kept)
    return found


def write_pack(folder: Path, svgs: dict[str, str], keys: Iterable[str] | None = None) -> None:
    """Keep ``svgs`` for the next build, in shards by key (a rebuild that lays out a few diagrams
    reads and writes the few shards that hold them, not the 180 MB of a 10,000-service language),
    each written whole (a rename) or not at all. ``keys``: write the shards that hold them (``svgs``
    holding all of those shards' diagrams); None: every shard, and those ``svgs`` has nothing for removed."""
    from eagraph.workspace.cache import write_sealed

    grouped: dict[str, dict[str, str]] = {}
    for key, svg in svgs.items():
        grouped.setdefault(_shard(key), {})[key] = svg
    folder.mkdir(parents=True, exist_ok=True)
    if keys is None:
        for path in folder.glob("*.pack"):
            if path.stem not in grouped:
                path.unlink(missing_ok=True)
    for shard in sorted(grouped if keys is None else {_shard(key) for key in keys}):
        write_sealed(folder / f"{shard}.pack", grouped.get(shard, {}))


def _shard(key: str) -> str:
    """The shard of a diagram's key (a hexadecimal digest): one of 256."""
    return key[:2]


def fill_in(text: str, svgs: dict[str, str]) -> str:
    return re.sub(r"<!--eagraph-diagram:([0-9a-f]+)-->", lambda m: svgs.get(m.group(1), ""), text)


def _run_dot(dot: str, sources: list[str]) -> list[str]:
    done = subprocess.run([dot, "-Tsvg"], input="".join(sources).encode(), capture_output=True)
    if done.returncode != 0:
        raise GraphvizError(f"dot failed: {done.stderr.decode(errors='replace').strip()[:500]}")
    documents = [d for d in done.stdout.decode().split("<?xml") if d.strip()]
    if len(documents) != len(sources):
        raise GraphvizError(f"dot returned {len(documents)} diagrams for {len(sources)}")
    return [_inline(document) for document in documents]


def _inline(document: str) -> str:
    """An SVG document as an element to put in a page: no prolog, doctype or comments; it scales
    to the page, and names itself to assistive technology by its graph title."""
    svg = document[document.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    # dot names the second and later graphs of one input "page0,N_graph0": a diagram's SVG depends on
    # its source alone, wherever in a batch it was laid out (a kept one is the same as a new one)
    svg = _BATCH_ID.sub(r'id="\1graph0"', svg)
    svg = _clusters_in_order(svg)
    svg = svg.replace("<svg ", '<svg class="eag-svg" role="group" ', 1)
    title = re.search(r"<title>(.*?)</title>", svg, flags=re.S)
    if title:
        svg = svg.replace('role="group"', f'role="group" aria-label="{title.group(1)}"', 1)
    return "\n".join(line for line in svg.splitlines() if line.strip())


def _clusters_in_order(svg: str) -> str:
    """The swimlanes (clusters) of a diagram in their own order. Graphviz, given several graphs in one
    run (a batch), writes a graph's clusters in an order that varies from run to run: of the 30 process
    pages that differed between two builds of the example model, 29 differed only so. (The 30th had
    its lanes laid out differently: Graphviz's layout of clusters in a batch varies too, rarely; a
    rebuild reuses the diagrams kept in the cache, so only builds from scratch can differ.)"""
    found = list(_CLUSTER.finditer(svg))
    ordered = sorted((m.group(0) for m in found), key=lambda block: int(_CLUSTER.match(block).group(1)))
    parts, last = [], 0
    for match, block in zip(found, ordered):
        parts += [svg[last:match.start()], block]
        last = match.end()
    return "".join(parts) + svg[last:]


def _quote(text: str) -> str:
    """Text inside a quoted Graphviz string: backslashes and quotes escaped, no line breaks."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"')


def _wrap(words: list[str], width: int) -> list[str]:
    """Greedy line filling (textwrap's full generality costs ten times more per label)."""
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def _label(text: str, width: int = 26) -> str:
    """A quoted Graphviz label broken into at most four lines (Graphviz's ``\\n``)."""
    lines = _wrap(text.split(), width)
    if len(lines) > 4:
        lines = lines[:3] + [lines[3] + " …"]
    return "\\n".join(_quote(line) for line in lines or [""])
