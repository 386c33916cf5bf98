"""The metrics a target can follow: name -> how it is measured on a model -> one number.

A metric is either one of the dashboard's key figures (``figures.py``: the share of services online,
of entitlements granted automatically or pro-actively, the only-once violations…), read from the
figures ``trend`` already computes and caches for each commit, so that a target and the dashboard can
never disagree; or it is measured on the model itself: the total burden in hours (the burden model of
``analyses/burden.py``) and any SPARQL query that answers one number.

``better`` says which way a metric improves ("higher" for a share, "lower" for violations and hours);
"" means it cannot say (a query's number), and the target's value against today's decides.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from eagraph.workspace import EagraphError, Workspace

from .figures import FIGURES


class MetricError(EagraphError):
    """A metric that cannot be measured on a model (a query that does not answer one number)."""


@dataclass(frozen=True)
class Metric:
    name: str
    doc: str
    better: str  # "higher", "lower" or "": the target's value against today's says
    figure: str = ""  # the key figure it is (see figures.py), else measured by ``measure``
    measure: Callable[[Workspace, str, str], float] | None = None  # (the model, the target's query, its name)


def sparql_number(workspace: Workspace, query: str, source: str = "query") -> float:
    """The one number a SELECT query answers: one row, one variable, a numeric literal."""
    from eagraph.workspace.querying import run_query

    result = run_query(workspace, query, source=source)
    if result.kind != "select":
        raise MetricError(f"{source}: a target's query is a SELECT that answers one number, not {result.kind.upper()}")
    if len(result.rows) != 1 or len(result.variables) != 1:
        raise MetricError(f"{source}: the query answers {len(result.rows)} row(s) of {len(result.variables)} "
                          "variable(s); a target needs exactly one number")
    term = result.rows[0][0]
    try:
        value = float(term.value) if term is not None else math.nan
    except (AttributeError, ValueError):
        value = math.nan
    if not math.isfinite(value):
        raise MetricError(f"{source}: the query answers {term}, not a number")
    return value


def burden_hours(workspace: Workspace, _query: str = "", _source: str = "") -> float:
    """The total burden on applicants in hours a year, as ``eagraph burden`` computes it."""
    from eagraph.analyses.burden import total_hours

    return float(total_hours(workspace))


#: Which way each key figure improves; a figure not listed (the count of services) has no way of its own.
_BETTER = {"online_share": "higher", "automatic_share": "higher", "only_once_violations": "lower",
           "duplicate_services": "lower", "validation_errors": "lower"}

METRICS: dict[str, Metric] = {
    **{name: Metric(name, doc, _BETTER.get(name, ""), figure=name) for name, doc in FIGURES.items()},
    "burden_hours": Metric("burden_hours", "the applicants' total burden, hours a year (eagraph burden)", "lower",
                           measure=burden_hours),
    "sparql": Metric("sparql", "the one number the target's SPARQL query answers", "", measure=sparql_number),
}
