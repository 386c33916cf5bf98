"""``eagraph trend``: the dashboard's key figures at each commit since a revision.

Each commit's model is read from git (``git archive``), validated and analysed; its figures are
kept in the cache by commit and eagraph version (a commit never changes), so asking again, or
building the site again, only computes new commits. What is measured at each commit is a
:class:`Measure`: the key figures by default; ``eagraph targets`` measures its own metrics the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eagraph import __version__
from eagraph.analyses.figures import FIGURES, key_figures
from eagraph.analyses.model import AnalysisModel
from eagraph.reporters.spreadsheet import csv_text
from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.git import resolve_revision, run_git

from .diff import load_version, temporary_folder


@dataclass
class Point:
    commit: str
    date: str  # ISO 8601, the commit's
    subject: str  # the commit message's first line
    figures: dict[str, float]


@dataclass(frozen=True)
class Measure:
    """What is measured on the model at each commit. ``name`` keys the cache next to the commit, so
    two measures never read each other's values; the key figures' name is empty (their cache keys
    predate measures)."""

    name: str
    compute: Callable[[Workspace], dict[str, float | None]]


def figures_of(workspace: Workspace) -> dict[str, float]:
    """The key figures of a model, its findings through the check step (the same as the site's)."""
    from eagraph.check import ALL_UNLOCATED, check
    from eagraph.ontology import ensure_ontology

    ensure_ontology(workspace)  # as the check step does: the model the site's analyses see
    analysis_model = AnalysisModel.build(workspace)
    results = check(workspace, ALL_UNLOCATED, model=analysis_model)
    return key_figures(analysis_model, results.analysis, results.validation.findings)


KEY_FIGURES = Measure("", figures_of)


def start_of_last(model: Path, count: int) -> str | None:
    """The first of the last ``count`` commits that changed the model (None: no commit did): where a
    trend over "the last N changes" starts, as the site's dashboard and ``eagraph targets`` read it."""
    folder, paths = (model, ".") if model.is_dir() else (model.parent, model.name)
    revisions = run_git(folder, "rev-list", "--first-parent", f"--max-count={count}", "HEAD", "--", paths).split()
    return revisions[-1] if revisions else None


def commits(model: Path, since: str, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(hash, date, subject) of ``since`` and of the commits after it that changed the model, oldest
    first. ``since`` itself always counts when the model existed then: it is where the trend starts,
    whether or not that commit touched the model (so ``--since HEAD~5`` is never empty)."""
    folder, paths = (model, ".") if model.is_dir() else (model.parent, model.name)
    start = resolve_revision(folder, since)
    log = ""
    if _exists_at(folder, start, paths):
        log = run_git(folder, "log", "-1", "--format=%H%x09%cI%x09%s", start)
    log += run_git(folder, "log", "--first-parent", "--reverse", "--format=%H%x09%cI%x09%s", f"{start}..HEAD", "--",
                   paths)
    found = [tuple(line.split("\t", 2)) for line in log.splitlines() if line.count("\t") >= 2]
    unique = list(dict.fromkeys(found))
    return unique[-limit:] if limit else unique


def _exists_at(folder: Path, commit: str, path: str) -> bool:
    """Whether the model (``path`` relative to ``folder``) was in the repository at ``commit``."""
    return bool(run_git(folder, "ls-tree", "--name-only", commit, "--", path).strip())


def trend(model: Path, since: str, cache_dir: Path | None = None, limit: int | None = None,
          measure: Measure = KEY_FIGURES) -> list[Point]:
    points = []
    history = commits(model, since, limit)  # first: it says in words when there is no history to read
    where = place_in_repository(model)
    with temporary_folder() as work:
        for commit, date, subject in history:
            key = "-".join(filter(None, (commit, hashlib.sha1(where.encode()).hexdigest()[:12], measure.name)))
            figures = cached_entry(cache_dir, key)
            if figures is None:
                figures = measure.compute(load_version(model, commit, Path(work)))
                store_entry(cache_dir, key, figures)
            points.append(Point(commit, date, subject, figures))
    return points


def recent(model: Path, count: int, cache_dir: Path | None = None) -> list[Point]:
    """The key figures over the last ``count`` commits that changed the model when it lies in a git
    repository, else none (not a repository, no commit yet, or ``count`` 0): the site's trend."""
    if count <= 0:
        return []
    try:
        first = start_of_last(model, count)
        return trend(model, first, cache_dir, count) if first else []
    except EagraphError:
        return []


def place_in_repository(model: Path) -> str:
    """Where the model is in its repository ("models/", "models/fin.ttl"): a commit's figures
    belong to one model, and a repository may hold several (or one file of one)."""
    folder = model.resolve() if model.is_dir() else model.resolve().parent
    prefix = run_git(folder, "rev-parse", "--show-prefix").strip()
    return prefix if model.is_dir() else prefix + model.name


def cached_entry(cache_dir: Path | None, key: str) -> dict | None:
    """A commit's entry (its figures, its entity changes) from the shared cache (whose entries are
    checked: damaged is a miss)."""
    from eagraph.workspace.cache import ParseCache

    figures = ParseCache(cache_dir).read("trend", f"{key}-{__version__}") if cache_dir else None
    return figures if isinstance(figures, dict) else None


def store_entry(cache_dir: Path | None, key: str, figures: dict) -> None:
    from eagraph.workspace.cache import ParseCache

    if cache_dir is not None:
        ParseCache(cache_dir).write("trend", f"{key}-{__version__}", figures)


def to_csv(points: list[Point]) -> str:
    """One row per commit; a commit subject like '=cmd' opens as text in a spreadsheet."""
    return csv_text(["commit", "date", "subject", *FIGURES],
                    ([p.commit, p.date, p.subject, *(p.figures[name] for name in FIGURES)] for p in points))


def to_json(points: list[Point]) -> str:
    return json.dumps({"figures": FIGURES, "points": [
        {"commit": p.commit, "date": p.date, "subject": p.subject, **p.figures} for p in points]},
        indent=2, ensure_ascii=False) + "\n"
