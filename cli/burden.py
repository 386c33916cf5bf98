"""``eagraph burden``: what the model's services cost the people who use them, in hours and euros a year."""

from __future__ import annotations

from pathlib import Path

import click

from .console import Console, plural
from .options import (as_of_option, check_report_output, load_workspace, model_path_argument, no_cache_option,
                      verbosity_options, write_report)


@click.command(name="burden")
@model_path_argument
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "csv", "xlsx"]), default="text",
              show_default=True,
              help="text and md for people; json and csv (one row per service, authority, event and the total) "
                   "for tools and spreadsheets; xlsx (with -o) a workbook, a sheet per level.")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--apply", "apply_file", type=click.Path(path_type=Path, dir_okay=False), metavar="FINDINGS",
              help="The burden before and after acting on the findings of this file (`eagraph analyze --format json`).")
@click.option("--apply-kind", "apply_kinds", multiple=True, metavar="KIND",
              help="The burden before and after acting on every finding of this kind (repeatable).")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="With --apply or --apply-kind: only the findings whose score is this or more.")
@as_of_option
@no_cache_option
@verbosity_options
def burden_command(path: Path, fmt: str, output: Path | None, apply_file: Path | None, apply_kinds: tuple[str, ...],
                   min_score: float, no_cache: bool) -> None:
    """The administrative burden of the services of the model at PATH, in hours and euros a year.

    The Standard Cost Model: a service's burden is the time a case takes its applicant (finding
    information, obtaining each evidence, filling in, travel to a counter, waiting) times the value
    of an hour, plus fees and the cost of evidence, times its cases a year (eag:annualCases). Per
    service, authority, life event and in total, with the share of each figure that rests on the
    [burden] defaults of eagraph.toml rather than on the model. See the manual's page on the burden.

    \b
    Examples:
      eagraph burden models
      eagraph burden models --format csv -o burden.csv
      eagraph burden models --format xlsx -o burden.xlsx
      eagraph burden models --apply findings.json      # a plan: before, after, saved
      eagraph burden models --apply-kind automatic-granting-candidate --min-score 0.5
    """
    from eagraph.analyses.burden import burden
    from eagraph.reporters.burden import render_burden

    check_report_output(fmt, output)
    if apply_file is not None and apply_kinds:
        raise click.UsageError("give --apply FINDINGS or --apply-kind KIND, not both")
    console = Console.current()
    planned = None
    if apply_file is not None:
        from eagraph.analyses.savings import read_findings_file

        planned = [p for p in read_findings_file(apply_file) if p.score is None or p.score >= min_score]
    workspace = load_workspace(path, cache=not no_cache)
    source = workspace.config.source
    if apply_kinds:
        planned = planned_kinds(workspace, apply_kinds, min_score)
    if planned is not None:
        from eagraph.analyses.savings import scenario
        from eagraph.reporters.burden import render_scenario

        plan = scenario(workspace, planned, workspace.config.burden,
                        config_source=str(source) if source else "eagraph.toml")
        if plan.not_in_model:
            console.warn(f"{plural(len(plan.not_in_model), 'finding')} of the plan about something not in the model "
                         "(not applied): " + ", ".join(plan.not_in_model))
        write_report(render_scenario(fmt, plan), output)
        return
    report = burden(workspace, workspace.config.burden, config_source=str(source) if source else "eagraph.toml")
    rendered = render_burden(fmt, report)
    if report.without_cases:
        console.info(f"{plural(len(report.without_cases), 'service')} without eag:annualCases "
                     "not counted (their quantity is unknown)")
    write_report(rendered, output)


def planned_kinds(workspace, names: tuple[str, ...], min_score: float):
    """The findings of the named kinds with this score or more, as a plan."""
    from eagraph.analyses.registry import UnknownKind, analyze, select
    from eagraph.analyses.savings import Planned

    try:
        chosen = [kind.name for kind in select(list(names))]
    except UnknownKind as exc:
        raise click.BadParameter(str(exc), param_hint="--apply-kind") from None
    return [Planned(f.code, f.subject, f.related, f.score) for f in analyze(workspace, chosen, min_score, locate=False)]
