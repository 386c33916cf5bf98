"""``eagraph targets``: how far the model is from the targets of its eagraph.toml, and whether the
pace of its git history gets it there in time."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from eagraph.gittools import DEFAULT_COMMITS, MIN_COURSE_DAYS
from eagraph.workspace import EagraphError

from .console import Console, ExitCode, plural
from .options import model_path_argument, verbosity_options


@click.command(name="targets")
@model_path_argument
@click.option("--since", metavar="REV",
              help="Read the course from this commit on (a git revision); default: the last --commits commits "
                   "that changed the model.")
@click.option("--commits", type=click.IntRange(min=2), default=DEFAULT_COMMITS, show_default=True, metavar="N",
              help="Without --since, how many of the last commits that changed the model make the course.")
@click.option("--min-course-days", type=click.IntRange(min=0), default=MIN_COURSE_DAYS, show_default=True,
              metavar="DAYS", help="The shortest course (first commit to last) whose pace is projected to a target's "
                                   "date; a shorter one is 'too early to tell' (not on course). 0: any course.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "csv"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of standard output.")
@click.option("--fail-behind", is_flag=True, help="Exit with code 1 when a target is not on course (for CI).")
@verbosity_options
def targets_command(path: Path, since: str | None, commits: int, min_course_days: int, fmt: str,
                    output: Path | None, fail_behind: bool) -> None:
    """Each target of [[targets]] in eagraph.toml (a metric, a value, a date): its value today, its
    course over the model's git history (as `eagraph trend` reads it), the pace per year it needs to
    reach its value by its date, the present pace (the least-squares slope of the course), the date
    that pace reaches it, the value the model's plan reaches on its date (the model as of that date:
    future lifecycle dates, initiatives), and its status: reached, on course, behind, too early to
    tell (a course shorter than --min-course-days: no date projected) or overdue. Whether a target is
    on course is read from the history alone: a plan is not progress.

    Exit code 1 with --fail-behind when a target is not reached and not on course (too early to
    tell included: no evidence of progress); 2 when the targets or the history cannot be read.

    \b
    Examples:
      eagraph targets models
      eagraph targets models --since v1.0 --format md -o targets.md
      eagraph targets models --fail-behind
    """
    from eagraph.gittools.plan import plan_targets
    from eagraph.gittools.targets import FORMATS, progress
    from eagraph.workspace.cache import usable_cache_dir
    from eagraph.workspace.files import write_atomic

    from .options import load_workspace

    console = Console.current()
    workspace = load_workspace(path)
    today = datetime.date.today()
    results = progress(path, workspace, since, cache_dir=usable_cache_dir(), commits=commits, today=today,
                       min_course_days=min_course_days)
    try:
        plan_targets(workspace, results, today)
    except EagraphError as exc:  # the plan is a column more: its failure is said, the report still made
        console.warn(f"no value by the plan: {exc}")
    if not results:
        console.info(f"{workspace.config.source or path / 'eagraph.toml'} has no [[targets]]")
    text = FORMATS[fmt](results)
    if output is not None:
        write_atomic(output, text)
        console.info(f"wrote {plural(len(results), 'target')} to {output}")
    elif results or fmt in ("json", "csv"):
        console.out(text.rstrip("\n"))
    behind = [p.target.title for p in results if not p.on_course]
    if behind and fail_behind:
        console.info(f"not on course: {', '.join(behind)}")
        click.get_current_context().exit(ExitCode.FINDINGS)
