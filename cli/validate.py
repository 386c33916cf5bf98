"""``eagraph validate`` and ``eagraph rule``: check a model against the contract, explain a rule."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from eagraph import __version__
from eagraph.check import CheckOptions, check
from eagraph.forking import fork_workers
from eagraph.findings import Severity
from eagraph.reporters import FORMATS, READING_RULES, ReportContext, problem_findings, relocate, render
from eagraph.reporters.text import render_text
from eagraph.validators.changes import load_changed
from eagraph.validators.rule_codes import contract_rules
from eagraph.validators.validate import ValidationOptions, write_baseline
from eagraph.workspace import ModelSyntaxError
from eagraph.workspace.workspace import find_root

from .console import Console, ExitCode, plural
from .options import (as_of_day, as_of_option, check_model, check_report_output, endpoint_options,
                      message_language_option, model_path_argument, no_cache_option, verbosity_options, write_report)

SEVERITY_STYLES = {Severity.ERROR: {"fg": "red", "bold": True}, Severity.WARNING: {"fg": "yellow", "bold": True},
                   Severity.INFO: {"fg": "cyan"}}


@click.command(name="validate")
@model_path_argument
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text like a compiler; json for tools; junit for CI test tabs; sarif for code scanning; "
                   "github for inline annotations in GitHub Actions; md and csv for reports; xlsx (with -o) "
                   "a workbook, a sheet per rule.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Exit 1 when a finding of this severity or worse remains.")
@click.option("--shapes", "extra_shapes", type=click.Path(path_type=Path), multiple=True,
              help="An extra SHACL shapes file of your organisation (repeatable); added to [validate] shapes.")
@click.option("--profile", "profiles", multiple=True, metavar="NAME",
              help="Also validate against an official application profile: cpsv-ap-3.2, cccev-2.1 (repeatable).")
@click.option("--profile-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Another folder holding the official profile files, laid out as SEMIC publishes them "
                   "(cpsv-ap-3.2.0/, cccev-2.1.0/); by default the copies eagraph ships.")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_to", type=click.Path(path_type=Path),
              help="Record today's findings in this file (then exit 0), for --baseline later.")
@click.option("--changed-since", metavar="REV",
              help="Check only the nodes defined or referenced in files changed since this git revision, "
                   "and their neighbours (same findings for them as a full run).")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@message_language_option
@endpoint_options
@as_of_option
@no_cache_option
@verbosity_options
def validate_command(path: Path, fmt: str, fail_on: str, extra_shapes: tuple[Path, ...], profiles: tuple[str, ...],
                     profile_dir: Path | None, baseline: Path | None,
                     write_baseline_to: Path | None, changed_since: str | None, output: Path | None, language: str,
                     no_cache: bool) -> None:
    """Check the model at PATH against the model contract and your own shapes.

    Each finding has a rule code (EAG012 …), a severity and the file and line it is about; a
    file that cannot be read is a finding too (EAG901 syntax error, EAG902 unreadable), in every
    format. Exit code 0: nothing at or above --fail-on; 1: findings; 2: the model or an option
    could not be read. Suppress a rule for one node in the model with `eag:suppress "EAG012"` and
    `eag:suppressionReason "…"`, or in eagraph.toml under [validate] suppress.

    \b
    Examples:
      eagraph validate models
      eagraph validate models --format sarif -o eagraph.sarif
      eagraph validate models --write-baseline .eagraph-baseline.json
      eagraph validate models --baseline .eagraph-baseline.json --fail-on warning
    """
    check_report_output(fmt, output)
    console = Console.current()
    options = ValidationOptions(extra_shapes=tuple(extra_shapes), profiles=profiles, profile_dir=profile_dir,
                                baseline=baseline)
    try:
        if changed_since is None:
            results, model_root = check_model(path, CheckOptions(validation=options, cache=not no_cache,
                                                                 workers=fork_workers()))
        else:
            part = load_changed(path, changed_since, cache=not no_cache, extra_shapes=extra_shapes,
                                profiles=profiles, as_of=as_of_day())
            workspace, only = part.workspace, part.nodes
            console.detail(f"{plural(len(part.changed_files), 'file')} changed since {changed_since}: checking "
                           f"{plural(len(only), 'node')}, loaded {plural(len(workspace.files), 'file')}"
                           + (" (the whole model: shapes or profiles that reach further)" if part.complete else ""))
            results = check(workspace, CheckOptions(validation=replace(options, only_nodes=only), cache=not no_cache))
            model_root = workspace.root
    except ModelSyntaxError as exc:
        # Files that cannot be read are reported as findings, in the format asked for, where CI
        # looks for every other finding; the exit code stays 2: the model could not be read.
        findings, root = as_seen_from_here(problem_findings(exc.problems), find_root(Path(path)).resolve())
        context = ReportContext(tool_version=__version__, rules=READING_RULES, language=language, root=root,
                                command="validate", model=model_name(find_root(Path(path))))
        _report(findings, context, fmt, output)
        click.get_current_context().exit(ExitCode.ERROR)
    report = results.validation
    if write_baseline_to is not None:
        write_baseline(write_baseline_to, report.findings)
        console.info(f"wrote {plural(len(report.findings), 'finding')} to the baseline {write_baseline_to}")
        return
    findings, root = as_seen_from_here(report.findings, model_root)
    context = ReportContext(tool_version=__version__, rules=report.rules, language=language, root=root,
                            command="validate", model=model_name(model_root))
    _report(findings, context, fmt, output)
    if report.suppressed or report.baselined:
        console.detail(f"{report.suppressed} suppressed, {report.baselined} in the baseline")
    if report.fails(Severity.parse(fail_on)):
        click.get_current_context().exit(ExitCode.FINDINGS)


def _report(findings, context: ReportContext, fmt: str, output: Path | None) -> None:
    """Write the report in ``fmt`` to ``output`` (atomically) or standard output."""
    console = Console.current()
    if fmt == "text" and output is None and console.use_color():
        report = render_text(findings, context, style=lambda word, severity: console.style(
            word, **SEVERITY_STYLES[severity]))
    else:
        report = render(fmt, findings, context)
    write_report(report, output)


def as_seen_from_here(findings, model_root: Path):
    """Locations relative to the current folder (usually the repository root), as CI annotations,
    SARIF viewers and editors expect, when the model lies below it; else relative to the model."""
    try:
        prefix = model_root.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return findings, model_root
    return relocate(findings, "" if prefix == "." else prefix), Path.cwd()


def model_name(model_root: Path) -> str:
    """The model as a reader names it: its folder relative to the current one ("models"), or its
    full path when it lies elsewhere; the folder's own name when it is the current one."""
    model_root = model_root.resolve()
    try:
        relative = model_root.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(model_root)
    return model_root.name if relative == "." else relative


@click.command(name="rule")
@click.argument("code", required=False)
@verbosity_options
def rule_command(code: str | None) -> None:
    """Explain rule CODE (what it checks, why, an example that fails and one that passes).

    Without CODE, list every rule.
    """
    console = Console.current()
    rules = contract_rules()
    if code is None:
        for rule in rules.values():
            console.out(f"{rule.code}  {rule.severity.label:<7}  {rule.name}: {rule.description}")
        return
    rule = rules.get(code.upper())
    if rule is None:
        raise click.BadParameter(f"no rule {code}; `eagraph rule` lists them", param_hint="CODE")
    console.out(f"{rule.code} {rule.name} ({rule.severity.label}, since {rule.since})\n")
    console.out(rule.help_markdown())
