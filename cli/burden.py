"""``eagraph burden``: what the model's services cost the people who use them, in hours and euros a year."""

from __future__ import annotations

from pathlib import Path

import click

from .console import Console, plural
from .options import as_of_option
from .options import (check_report_output, load_workspace, model_path_argument, no_cache_option, verbosity_options,
                      write_report)


@click.command(name="burden")
@model_path_argument
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "csv", "xlsx"]), default="text",
              show_default=True,
              help="text and md for people; json and csv (one row per service, authority, event and the total) "
                   "for tools and spreadsheets; xlsx (with -o) a workbook, a sheet per level.")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@as_of_option
@no_cache_option
@verbosity_options
def burden_command(path: Path, fmt: str, output: Path | None, no_cache: bool) -> None:
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
    """
    from eagraph.analyses.burden import burden
    from eagraph.reporters.burden import render_burden

    check_report_output(fmt, output)
    console = Console.current()
    workspace = load_workspace(path, cache=not no_cache)
    source = workspace.config.source
    report = burden(workspace, workspace.config.burden, config_source=str(source) if source else "eagraph.toml")
    rendered = render_burden(fmt, report)
    if report.without_cases:
        console.info(f"{plural(len(report.without_cases), 'service')} without eag:annualCases "
                     "not counted (their quantity is unknown)")
    write_report(rendered, output)
