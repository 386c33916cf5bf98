"""The figures the plan reaches: the dashboard's key figures, the burden and the targets' metrics
of the model as it will stand on the plan's dates (the target state next to today).

The model's plan is written in the model (future lifecycle dates, initiatives with due dates), so
what it reaches on a day is the model *as of* that day (:mod:`eagraph.workspace.lifecycle`, the one
place that applies the dates) measured as today's model is: the key figures through
:func:`~eagraph.gittools.trend.figures_of` (the check step, cached per day), the burden and the
targets' own metrics through :mod:`eagraph.analyses.metrics`. Nothing here computes a figure a
second way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from eagraph.analyses.initiatives import CANCELLED, read_initiatives
from eagraph.analyses.metrics import burden_hours
from eagraph.workspace import EagraphError, Workspace, load
from eagraph.workspace.config import Target
from eagraph.workspace.lifecycle import keep_as_of, lifecycles, regulation_dates

from .targets import Progress, measured_key, own_measure
from .trend import figures_of

#: At most this many plan dates on the dashboard (the nearest ones and always the last: the target
#: state); each is one more model to check.
MAX_PLAN_DATES = 4
#: The burden's key among the values of a day (that of a target following it too).
BURDEN = "burden_hours"


def plan_dates(workspace: Workspace, after: datetime.date) -> list[datetime.date]:
    """The due dates of the initiatives that are not cancelled, later than ``after``, once each, in
    order; of many, the first ``MAX_PLAN_DATES - 1`` and the last."""
    days = sorted({i.due for i in read_initiatives(workspace) if i.due and i.due > after and i.status != CANCELLED})
    return days if len(days) <= MAX_PLAN_DATES else days[:MAX_PLAN_DATES - 1] + days[-1:]


@dataclass
class PlanFigures:
    """The values of the model at ``root`` as of each day asked, computed once per day: the key
    figures, the burden in hours (None: the model cannot state it) and the own metrics of ``targets``."""

    root: Path
    targets: tuple[Target, ...] = ()
    _days: dict[datetime.date, dict[str, float | None]] = field(default_factory=dict)

    def on(self, day: datetime.date) -> dict[str, float | None]:
        if day not in self._days:
            self._days[day] = values_of(keep_as_of(load(self.root), day), self.targets)
        return self._days[day]

    def of_target(self, target: Target) -> float | None:
        """The value the plan reaches for ``target`` on its date."""
        return self.on(target.date).get(measured_key(target))


def values_of(workspace: Workspace, targets: tuple[Target, ...] = ()) -> dict[str, float | None]:
    """The key figures, the burden in hours and the own metrics of ``targets`` of a model."""
    values: dict[str, float | None] = dict(figures_of(workspace))
    try:
        values[BURDEN] = burden_hours(workspace)
    except EagraphError:
        values[BURDEN] = None
    measure = own_measure(targets)
    if measure is not None:
        values.update(measure.compute(workspace))
    return values


def changes_ahead(workspace: Workspace, after: datetime.date) -> bool:
    """Whether the model states anything dated later than ``after``: an initiative due, a lifecycle
    phase starting, a regulation entering into or leaving force. Without any, the model as of a later
    day is the model as of ``after``: no plan to read. A date that is no date is skipped here
    (validation names it)."""
    if plan_dates(workspace, after):
        return True
    if any(day > after for dates in lifecycles(workspace, lenient=True).values() for day in dates.values()):
        return True
    starts, ends, _ = regulation_dates(workspace, lenient=True)
    return any(day > after for day in (*starts.values(), *ends.values()))


def plan_targets(workspace: Workspace, results: list[Progress], today: datetime.date,
                 figures: PlanFigures | None = None) -> PlanFigures:
    """Set on each assessed target whose date is after ``today`` the value the model's plan reaches on
    that date (``planned``), read from the model as of the date; nothing when the model states no change
    after ``today``. The one reading of it for ``eagraph targets`` and the site's dashboard. Returns the
    figures read, for more days to share them."""
    figures = figures or PlanFigures(workspace.root, tuple(p.target for p in results))
    if any(p.target.date > today for p in results) and changes_ahead(workspace, today):
        for assessed in results:
            if assessed.target.date > today:
                assessed.planned = figures.of_target(assessed.target)
    return figures
