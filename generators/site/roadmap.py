"""The architecture in time, as the site shows it: initiatives with their due dates, the lifecycle
phases of applications, services, sources, agreements and processes, and when regulations enter
into force and stop being in force.

The dates are read by :mod:`eagraph.workspace.lifecycle` (the one place that knows the lifecycle
terms), leniently: a date that is no date is left out here and reported by validation (EAG150,
EAG151). The roadmap can be narrowed to what concerns one authority or one life event, so the site
has a static page for each (readable without a script).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from eagraph.analyses.initiatives import Initiative, read_initiatives
from eagraph.analyses.model import node_key
from eagraph.workspace.lifecycle import PHASES, lifecycles, regulation_dates

PHASE_NAMES = tuple(name for name, _ in PHASES)


@dataclass(frozen=True)
class Force:
    """When a regulation is in force: from ``start`` (entry into force) to ``end`` (its end of
    force, or the entry into force of the first regulation repealing it)."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    repealed: bool = False  # the end is a repeal


@dataclass
class Roadmap:
    """The dated things of a model, by node key."""

    initiatives: list[Initiative] = field(default_factory=list)
    phases: dict[str, dict[str, datetime.date]] = field(default_factory=dict)
    force: dict[str, Force] = field(default_factory=dict)

    @classmethod
    def read(cls, workspace) -> Roadmap:
        phases = {node_key(thing): dates for thing, dates in lifecycles(workspace, lenient=True).items()}
        starts, ends, repeals = regulation_dates(workspace, lenient=True)
        force = {}
        for regulation in starts.keys() | ends.keys() | repeals.keys():
            end, repealed = ends.get(regulation), False
            if end is None and repeals.get(regulation):
                end, repealed = min(repeals[regulation]), True
            force[node_key(regulation)] = Force(starts.get(regulation), end, repealed)
        return cls(read_initiatives(workspace), phases, force)

    def __bool__(self) -> bool:
        return bool(self.initiatives or self.phases or self.force)

    def lifecycle(self, node: str) -> list[tuple[str, datetime.date]]:
        """A thing's dated phases in the order of the lifecycle."""
        dates = self.phases.get(node, {})
        return [(name, dates[name]) for name in PHASE_NAMES if name in dates]

    def about(self, nodes: Iterable[str]) -> Roadmap:
        """The part of the roadmap concerning ``nodes``: their lifecycles and force, and the
        initiatives owned by one of them or affecting one of them."""
        nodes = set(nodes)
        return Roadmap([i for i in self.initiatives if nodes & {*i.owners, *i.affects}],
                       {n: d for n, d in self.phases.items() if n in nodes},
                       {n: f for n, f in self.force.items() if n in nodes})

    def dates(self) -> list[datetime.date]:
        """Every date on the roadmap (to choose the years the timeline spans)."""
        found = [i.due for i in self.initiatives if i.due]
        found += [day for dates in self.phases.values() for day in dates.values()]
        found += [day for f in self.force.values() for day in (f.start, f.end) if day]
        return found
