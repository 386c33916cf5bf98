"""Impact: everything that depends on a node, transitively, grouped by kind.

The dependency graph of :class:`AnalysisModel` has an edge from what depends to what it depends on
(service → evidence → data source → publisher; agreement → source; rule → regulation). What depends
on a node is what can reach it: a regulation's services, rules and concepts, and through them the
requirements, services and processes that use them; a data source's evidence, concepts,
applications and agreements, and what uses those; an authority's services, sources and
sub-organisations. :func:`impact` walks the graph backwards, breadth first, and remembers for each
node the distance and the link through which it depends.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from eagraph.ontology import local_name

from .model import AnalysisModel


@dataclass(frozen=True)
class Dependent:
    """A node that depends on the target, ``distance`` links away, through ``via`` (``predicate`` of it)."""

    node: str
    kind: str
    label: str
    distance: int
    via: str  # the node it depends on, one step closer to the target
    predicate: str


@dataclass
class Impact:
    """What depends on ``target``, by kind."""

    target: str
    kind: str
    label: str
    dependents: list[Dependent] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[Dependent]]:
        grouped: dict[str, list[Dependent]] = {}
        for dependent in sorted(self.dependents, key=lambda d: (d.kind, d.distance, d.node)):
            grouped.setdefault(dependent.kind, []).append(dependent)
        return dict(sorted(grouped.items()))

    def to_dict(self) -> dict:
        return {
            "target": self.target, "kind": self.kind, "label": self.label,
            "count": len(self.dependents),
            "dependents": {kind: [{"node": d.node, "label": d.label, "distance": d.distance, "via": d.via,
                                   "predicate": d.predicate} for d in items]
                           for kind, items in self.by_kind().items()},
        }

    def to_text(self) -> str:
        lines = [f"{self.label} <{self.target}> ({self.kind}): "
                 f"{len(self.dependents)} dependent{'' if len(self.dependents) == 1 else 's'}"]
        for kind, items in self.by_kind().items():
            lines.append(f"\n{kind} ({len(items)})")
            for d in items:
                lines.append(f"  {d.label} <{d.node}>  [{d.distance}: {local_name(d.predicate)} {local_name(d.via)}]")
        return "\n".join(lines) + "\n"

    def to_dot(self) -> str:
        """A Graphviz diagram: the target and its dependents, each edge labelled with its link."""
        names = {self.target: "n0"}
        for number, dependent in enumerate(sorted(self.dependents, key=lambda d: (d.distance, d.node)), 1):
            names[dependent.node] = f"n{number}"
        lines = ["digraph impact {", "  rankdir=RL;", '  node [shape=box, style="rounded,filled", '
                 'fillcolor="#f5f5f5", fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=9];',
                 f'  n0 [label="{_dot(self.label)}\\n({_dot(self.kind)})", fillcolor="#ffd966"];']
        for dependent in sorted(self.dependents, key=lambda d: names[d.node]):
            lines.append(f'  {names[dependent.node]} [label="{_dot(dependent.label)}\\n({_dot(dependent.kind)})"];')
        for dependent in sorted(self.dependents, key=lambda d: names[d.node]):
            lines.append(f'  {names[dependent.node]} -> {names[dependent.via]} [label="{_dot(local_name(dependent.predicate))}"];')
        lines.append("}")
        return "\n".join(lines) + "\n"


def impact(model: AnalysisModel, target: str, max_distance: int | None = None) -> Impact:
    """Everything that depends on ``target`` (an IRI, or ``_:label``), transitively."""
    result = Impact(target, model.kind_of(target), model.label(target))
    seen = {target}
    queue = deque([(target, 0)])
    while queue:
        node, distance = queue.popleft()
        if max_distance is not None and distance >= max_distance:
            continue
        for dependent, predicate in sorted(model.dependents(node).items()):
            if dependent in seen:
                continue
            seen.add(dependent)
            result.dependents.append(Dependent(dependent, model.kind_of(dependent), model.label(dependent),
                                               distance + 1, node, predicate))
            queue.append((dependent, distance + 1))
    return result


def knows(model: AnalysisModel, node: str) -> bool:
    return node in model.types or node in model.links or node in model.backlinks


def _dot(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
