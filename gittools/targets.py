"""``eagraph targets``: each target of ``eagraph.toml`` with its value today, its course over the
model's git history, the pace it needs and whether the present pace gets there by its date.

The course is read as ``trend`` reads it (:func:`eagraph.gittools.trend.trend`, one cache entry
per commit): the key figures once for all the targets that follow one, and the other metrics (the
burden, SPARQL queries) as one more measure, cached under a digest of what they ask. The present
pace is the least-squares slope of the course's values over their commit dates: every commit
counts, so one commit that broke and fixed something at either end does not decide it, as it
would from the first value to the last.

A pace read from a course of a few days says nothing of the years to a target's date (a model
being written grows by hundreds a year when extrapolated): below ``MIN_COURSE_DAYS`` of course the
pace is shown, no date is projected from it, and the status is "too early to tell", which is not
on course (no evidence of progress, as no pace at all is not).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from eagraph.analyses.metrics import METRICS
from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.config import Target, read_targets
from eagraph.workspace.git import run_git

from . import DEFAULT_COMMITS, MIN_COURSE_DAYS
from .trend import KEY_FIGURES, Measure, figures_of, start_of_last, trend

DAYS_A_YEAR = 365.25
#: The status of a target whose course spans fewer days than the minimum (MIN_COURSE_DAYS), not reached or overdue.
TOO_EARLY = "too early to tell"


@dataclass
class Progress:
    """Where one target stands. Paces are per year; ``course`` is (commit, ISO date, value), oldest first."""

    target: Target
    today: float
    course: list[tuple[str, str, float]] = field(default_factory=list)
    pace: float | None = None  # the present pace; None: fewer than two commits on different days
    needed: float | None = None  # the pace that reaches the value by the date; None: reached, or the date passed
    projected: datetime.date | None = None  # when the present pace reaches the value; None: never, or reached
    status: str = "behind"  # reached, on course, behind, too early to tell, overdue
    planned: float | None = None  # the value the model's plan reaches on the date (gittools/plan.py); None: not read

    @property
    def on_course(self) -> bool:
        return self.status in ("reached", "on course")

    @property
    def plan_reaches(self) -> bool | None:
        """Whether the value the plan reaches on the date is at or past the target; None: not read."""
        if self.planned is None:
            return None
        return (self.planned - self.target.value) * direction(self.target, self.today) >= 0

    @property
    def said(self) -> str:
        """The status in words, with what the plan says where the present pace does not get there."""
        if self.status in ("behind", TOO_EARLY) and self.plan_reaches:
            return f"{self.status} (the plan reaches it)"
        return self.status


def direction(target: Target, now: float) -> int:
    """+1 when the target's metric improves upwards, -1 downwards: the metric's own way, or the
    target's ``better``, or else the target's value against today's."""
    way = target.better or METRICS[target.metric].better
    return (1 if way == "higher" else -1) if way else (1 if target.value > now else -1)


def measured_key(target: Target) -> str:
    """Where a target's value is found among a commit's measured values: its key figure, or its metric
    (with a digest of its query, for ``sparql``)."""
    metric = METRICS[target.metric]
    if metric.figure:
        return metric.figure
    return target.metric + (f":{hashlib.sha1(target.query.encode()).hexdigest()[:16]}" if target.query else "")


def own_measure(targets: tuple[Target, ...]) -> Measure | None:
    """The metrics the key figures do not hold, as one measure; None when every target follows a key figure.
    A metric that cannot be measured at an old commit (a query that found nothing then) is None there:
    that commit is left out of the course, not the whole course."""
    own = {measured_key(t): t for t in targets if not METRICS[t.metric].figure}
    if not own:
        return None

    def compute(workspace: Workspace) -> dict[str, float | None]:
        values: dict[str, float | None] = {}
        for key, target in own.items():
            try:
                values[key] = _measure(target, workspace)
            except EagraphError:
                values[key] = None
        return values

    digest = hashlib.sha1("\n".join(sorted(own)).encode()).hexdigest()[:12]
    return Measure(f"metrics-{digest}", compute)


def _measure(target: Target, workspace: Workspace) -> float:
    return METRICS[target.metric].measure(workspace, target.query, f"target '{target.title}'")


def progress(model: Path, workspace: Workspace, since: str | None = None, *, cache_dir: Path | None = None,
             commits: int = DEFAULT_COMMITS, today: datetime.date | None = None,
             min_course_days: int = MIN_COURSE_DAYS) -> list[Progress]:
    """Every target of the model's eagraph.toml, assessed. ``workspace`` is the model as it is now
    (today's values); ``model`` the path whose git history gives the course, from ``since`` or over
    the last ``commits`` commits that changed it (0: no history read, today's values alone); a course
    shorter than ``min_course_days`` projects no date."""
    targets = read_targets(workspace.config)
    if not targets:
        return []
    today = today or datetime.date.today()
    start = since or (start_of_last(model, commits) if commits > 0 else None)  # 0: today's values alone
    limit = None if since else commits
    measures = [m for m in (KEY_FIGURES if any(METRICS[t.metric].figure for t in targets) else None,
                            own_measure(targets)) if m is not None]
    courses = [trend(model, start, cache_dir, limit, measure) for measure in measures] if start else []
    now = _values_now(model, workspace, targets, courses)
    results = []
    for target in targets:
        key = measured_key(target)
        if now.get(key) is None:  # measured again, to say why it cannot be
            now[key] = _measure(target, workspace)
        course = [(p.commit, p.date, p.figures[key]) for points in courses for p in points
                  if p.figures.get(key) is not None]
        results.append(assess(target, now[key], course, today, min_course_days))
    return results


def _values_now(model: Path, workspace: Workspace, targets: tuple[Target, ...], courses: list) -> dict:
    """Today's values: those of the course's last commit when the model has no change since HEAD (what
    CI checks out: that commit's model is HEAD's, or a later commit would be in the course), else
    measured on the working tree."""
    if courses and all(points for points in courses) and not _changed_since_head(model):
        return {key: value for points in courses for key, value in points[-1].figures.items()}
    values: dict[str, float | None] = {}
    if any(METRICS[t.metric].figure for t in targets):
        values.update(figures_of(workspace))
    for target in targets:
        if not METRICS[target.metric].figure:
            values[measured_key(target)] = _measure(target, workspace)  # today, a failure is said, not skipped
    return values


def _folder(model: Path) -> tuple[Path, str]:
    return (model, ".") if model.is_dir() else (model.parent, model.name)


def _changed_since_head(model: Path) -> bool:
    folder, paths = _folder(model)
    return bool(run_git(folder, "status", "--porcelain", "--untracked-files=all", "--", paths).strip())


def assess(target: Target, now: float, course: list[tuple[str, str, float]], today: datetime.date,
           min_course_days: int = MIN_COURSE_DAYS) -> Progress:
    """Where a target stands: reached, on course (the present pace reaches it by its date), behind,
    too early to tell (a pace, but over a course shorter than ``min_course_days``: no date projected),
    or overdue (its date has passed). The way the metric improves is its own ("higher" for a share),
    or the target's ``better``, or else the target's value against today's."""
    result = Progress(target, now, course)
    sign = direction(target, now)
    result.pace = least_squares_pace(course)
    if (now - target.value) * sign >= 0:
        result.status = "reached"
        return result
    years_left = (target.date - today).days / DAYS_A_YEAR
    if years_left <= 0:
        result.status = "overdue"
        return result
    result.needed = (target.value - now) / years_left
    if result.pace is not None and course_days(course) < min_course_days:
        result.status = TOO_EARLY
    elif result.pace is not None and result.pace * sign > 0:
        years = (target.value - now) / result.pace
        days = min(years * DAYS_A_YEAR, (datetime.date.max - today).days)  # "never" at a pace of nearly nothing
        result.projected = today + datetime.timedelta(days=days)
        result.status = "on course" if result.projected <= target.date else "behind"
    return result


def course_days(course: list[tuple[str, str, float]]) -> float:
    """How many days the course spans, from its first commit to its last (0 for one commit or none)."""
    if len(course) < 2:
        return 0.0
    moments = [datetime.datetime.fromisoformat(date).timestamp() for _, date, _ in course]
    return (max(moments) - min(moments)) / 86400


def least_squares_pace(course: list[tuple[str, str, float]]) -> float | None:
    """The slope, per year, of the line that fits the course's values over their commit times; None
    when fewer than two commits lie at different times (no pace can be read from one)."""
    if len(course) < 2:
        return None
    times = [datetime.datetime.fromisoformat(date).timestamp() / 86400 / DAYS_A_YEAR for _, date, _ in course]
    values = [value for _, _, value in course]
    mean_t, mean_v = sum(times) / len(times), sum(values) / len(values)
    spread = sum((t - mean_t) ** 2 for t in times)
    if spread == 0:
        return None
    return sum((t - mean_t) * (v - mean_v) for t, v in zip(times, values)) / spread


def to_json(results: list[Progress]) -> str:
    return json.dumps({"targets": [_record(p) | {"course": [{"commit": c, "date": d, "value": v}
                                                            for c, d, v in p.course]} for p in results]},
                      indent=2, ensure_ascii=False) + "\n"


COLUMNS = ("name", "metric", "target", "date", "today", "pace_per_year", "needed_per_year", "projected", "planned",
           "plan_reaches", "status", "on_course", "commits", "course_days", "since")


def _record(p: Progress) -> dict:
    """One target's assessment as plain values, shared by every format."""
    return {"name": p.target.title, "metric": p.target.metric, "target": p.target.value,
            "date": p.target.date.isoformat(), "today": p.today, "pace_per_year": p.pace,
            "needed_per_year": p.needed, "projected": p.projected.isoformat() if p.projected else None,
            "planned": p.planned, "plan_reaches": p.plan_reaches, "status": p.status, "on_course": p.on_course,
            "commits": len(p.course), "course_days": round(course_days(p.course), 1),
            "since": p.course[0][1][:10] if p.course else None}


def shown(value: float | None, signed: bool = False) -> str:
    """A number for people: at most four decimals, no trailing zeros; "-" for none."""
    if value is None:
        return "-"
    text = f"{round(value, 4):.12g}"
    return f"+{text}" if signed and value > 0 else text


def _rows(results: list[Progress]) -> list[list[str]]:
    """One line per target, as the text and Markdown tables show it."""
    rows = []
    for p in results:
        values = [v for _, _, v in p.course]
        course = f"{shown(values[0])} → {shown(values[-1])} in {len(values)} commits since {p.course[0][1][:10]}" \
            if len(values) > 1 else (f"{shown(values[0])} at 1 commit" if values else "no commit")
        rows.append([p.target.title, shown(p.today), f"{shown(p.target.value)} by {p.target.date.isoformat()}",
                     course, shown(p.pace, True), shown(p.needed, True),
                     p.projected.isoformat() if p.projected
                     else ("-" if p.status in ("reached", TOO_EARLY) else "never"),
                     shown(p.planned), p.said])
    return rows


HEADER = ["target", "today", "goal", "course", "pace/year", "needed/year", "projected", "by the plan", "status"]


def to_text(results: list[Progress]) -> str:
    rows = [HEADER, *_rows(results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    behind = sum(not p.on_course for p in results)
    early = sum(p.status == TOO_EARLY for p in results)
    summary = f"{len(results) - behind} of {len(results)} targets on course" + (f", {behind} not" if behind else "") \
        + (f" ({early} too early to tell: a course shorter than the minimum)" if early else "")
    return "\n".join([*lines, "", summary]) + "\n"


def to_markdown(results: list[Progress]) -> str:
    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in _rows(results)]
    return "\n".join(lines) + "\n"


def to_csv(results: list[Progress]) -> str:
    """One row per target; a target's name like '=cmd' opens as text in a spreadsheet."""
    from eagraph.reporters.spreadsheet import csv_text

    return csv_text(COLUMNS, ([record[k] for k in COLUMNS] for record in map(_record, results)))


FORMATS = {"text": to_text, "md": to_markdown, "json": to_json, "csv": to_csv}
