"""The model as it stands on a date (``--as-of DATE``): what is outside its lifecycle is left out.

The dates are the model's own: a service, application, source, agreement or process states when
each phase of its life starts (``eag:plannedFrom``, ``eag:activeFrom``, ``eag:phasingOutFrom``,
``eag:retiredFrom``); a regulation states ELI's ``eli:first_date_entry_in_force`` and
``eli:date_no_longer_in_force``, or is ``eli:repealed_by`` a regulation with its own date of entry
into force. The rules are written out in the model contract (docs/model-contract.md, Lifecycles);
this module is the one place that applies them, so every command reads one and the same model
for a date. A thing without any of these dates is always in the model.

Filtering removes statements from the loaded store only: the files and their positions are not
touched, so every finding still names the file and line where a thing is written.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from eagraph.ontology import EAG, ELI, XSD

from .errors import LifecycleDateError, SourceProblem
from .workspace import Workspace

XSD_DATE = XSD + "date"

#: The phases of a lifecycle in the order they follow each other, with the property giving the
#: day each starts.
PHASES = (("planned", EAG + "plannedFrom"), ("active", EAG + "activeFrom"),
          ("phasing out", EAG + "phasingOutFrom"), ("retired", EAG + "retiredFrom"))
#: The phases in which a thing is part of the model: in use, even if its end is announced.
IN_USE = frozenset({"active", "phasing out"})
ENTRY_INTO_FORCE = ELI + "first_date_entry_in_force"
END_OF_FORCE = ELI + "date_no_longer_in_force"
REPEALED_BY = ELI + "repealed_by"
FINDING_SUBJECT = EAG + "findingSubject"

Dates = dict[str, datetime.date]
#: What has a lifecycle: a named thing, or a blank node.
Thing = ox.NamedNode | ox.BlankNode


def parse_day(text: str, today: datetime.date | None = None) -> datetime.date:
    """``today`` or a calendar date ``YYYY-MM-DD``; ValueError with the reason otherwise."""
    if text.strip().lower() == "today":
        return today or datetime.date.today()
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date: give YYYY-MM-DD (2030-01-01) or today") from None


def phase_on(dates: Dates, day: datetime.date) -> str | None:
    """The phase a thing is in on ``day``: the last of its dated phases that started on or before
    it (of two on one day, the later in the lifecycle); None before its first dated phase."""
    order = {name: number for number, (name, _) in enumerate(PHASES)}
    started = [(start, order[name], name) for name, start in dates.items() if start <= day]
    return max(started)[2] if started else None


def in_use_on(dates: Dates, day: datetime.date) -> bool:
    """Whether a thing with these phase dates is part of the model on ``day``. Before its first
    dated phase it is only when that phase is phasing out or retired (it was active before: its
    start is simply not stated); a first phase planned or active means it did not exist yet."""
    if not dates:
        return True
    phase = phase_on(dates, day)
    if phase is None:
        order = {name: number for number, (name, _) in enumerate(PHASES)}
        first = min(dates, key=lambda name: (dates[name], order[name]))
        return first in ("phasing out", "retired")
    return phase in IN_USE


def in_force_on(start: datetime.date | None, end: datetime.date | None, repeals: Iterable[datetime.date],
                day: datetime.date) -> bool:
    """Whether a regulation is in force on ``day``: not before its entry into force, not from its
    end of force on; without an end date, not from the entry into force of a repealing regulation."""
    if start is not None and day < start:
        return False
    if end is not None:
        return day < end
    return not any(repealed <= day for repealed in repeals)


def lifecycles(workspace: Workspace, lenient: bool = False) -> dict[Thing, Dates]:
    """Each thing's dated phases (the earliest of each). ``lenient`` skips a value that is no date
    (the site shows what it can; validation reports it) instead of refusing the model."""
    phases: dict[Thing, Dates] = defaultdict(dict)
    for name, predicate in PHASES:
        for subject, value in _dates(workspace, predicate, lenient):
            phases[subject][name] = min(value, phases[subject].get(name, value))
    return dict(phases)


def regulation_dates(workspace: Workspace, lenient: bool = False) -> tuple[
        dict[Thing, datetime.date], dict[Thing, datetime.date], dict[Thing, list[datetime.date]]]:
    """Each regulation's entry into force, end of force, and the entries into force of the
    regulations repealing it (see :func:`in_force_on`)."""
    starts = dict(_earliest(_dates(workspace, ENTRY_INTO_FORCE, lenient)))
    ends = dict(_earliest(_dates(workspace, END_OF_FORCE, lenient)))
    repeals: dict[Thing, list[datetime.date]] = defaultdict(list)
    for quad in _distinct(workspace, REPEALED_BY):
        if quad.object in starts:
            repeals[quad.subject].append(starts[quad.object])
    return starts, ends, dict(repeals)


def outside_lifecycle(workspace: Workspace, day: datetime.date) -> set[Thing]:
    """The things of the model that are not in use, or not in force, on ``day``."""
    phases = lifecycles(workspace)
    starts, ends, repeals = regulation_dates(workspace)
    out = {thing for thing, dates in phases.items() if not in_use_on(dates, day)}
    for regulation in starts.keys() | ends.keys() | repeals.keys():
        if not in_force_on(starts.get(regulation), ends.get(regulation), repeals.get(regulation, ()), day):
            out.add(regulation)
    return out


def keep_as_of(workspace: Workspace, day: datetime.date) -> Workspace:
    """``workspace`` as of ``day``: :func:`leave_out` what is not in the model that day."""
    leave_out(workspace, day)
    return workspace


def leave_out(workspace: Workspace, day: datetime.date) -> set[Thing]:
    """Leave out of ``workspace`` everything outside its lifecycle on ``day`` (see the module's
    docstring), with every statement about it and every statement pointing at it, and the findings
    initiatives resolve about it (an ``eag:resolves`` node naming it): no such finding can exist that
    day, and the node, without its subject, would read as half-written (EAG163). Returns what it left out."""
    out = outside_lifecycle(workspace, day)
    out |= _findings_about(workspace, out)
    workspace.forget(out)
    workspace.view = " ".join(filter(None, (workspace.view, f"as of {day.isoformat()}")))
    workspace.as_of = day  # what is due or late is judged on that day too (analyses/initiatives.py)
    return out


def _findings_about(workspace: Workspace, things: set[Thing]) -> set[Thing]:
    """The ``eag:resolves`` nodes whose ``eag:findingSubject`` is one of ``things``."""
    return {quad.subject for quad in _distinct(workspace, FINDING_SUBJECT) if quad.object in things}


def _distinct(workspace: Workspace, predicate: str) -> list[ox.Quad]:
    """The statements of one predicate, once each (the store holds each file's graph and the merge)."""
    seen: dict[ox.Triple, ox.Quad] = {}
    for quad in workspace.store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
        seen.setdefault(quad.triple, quad)
    return list(seen.values())


def _dates(workspace: Workspace, predicate: str, lenient: bool = False) -> list[tuple[Thing, datetime.date]]:
    """Each subject's ``predicate`` dates. A value that is not an xsd:date is refused, naming its
    file and line: a date that cannot be compared would quietly keep a retired thing in the model."""
    found, problems = [], []
    for quad in _distinct(workspace, predicate):
        value = quad.object
        day = None
        if isinstance(value, ox.Literal) and value.datatype.value == XSD_DATE:
            try:
                day = datetime.date.fromisoformat(value.value)
            except ValueError:
                day = None
        if day is None:
            code = "EAG151" if predicate.startswith(ELI) else "EAG150"
            problems.append(_problem(workspace, quad, code, f"{_short(predicate)} {value} is not an xsd:date "
                                                      f"(\"YYYY-MM-DD\"^^xsd:date): --as-of cannot place it in time"))
        else:
            found.append((quad.subject, day))
    if problems and not lenient:
        raise LifecycleDateError(problems)
    return found


def _earliest(pairs: list[tuple[Thing, datetime.date]]) -> dict[Thing, datetime.date]:
    earliest: dict[Thing, datetime.date] = {}
    for subject, day in pairs:
        earliest[subject] = min(day, earliest.get(subject, day))
    return earliest


def _problem(workspace: Workspace, quad: ox.Quad, code: str, message: str) -> SourceProblem:
    place = None
    if workspace.files and not isinstance(quad.subject, ox.BlankNode):
        place = workspace.locate_statement(quad.subject, quad.predicate, quad.object)
    if place is None:
        return SourceProblem(str(quad.subject), 0, 0, message, code=code)
    return SourceProblem(place.file, place.line, place.column, message, code=code)


def _short(predicate: str) -> str:
    for prefix, namespace in (("eag", EAG), ("eli", ELI)):
        if predicate.startswith(namespace):
            return f"{prefix}:{predicate[len(namespace):]}"
    return f"<{predicate}>"
