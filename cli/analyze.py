"""``eagraph analyze`` and ``eagraph impact``: what to simplify first, and what depends on a node."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import click

from eagraph import __version__
from eagraph.check import CheckOptions
from eagraph.findings import Finding, Severity
from eagraph.reporters import FORMATS, ReportContext, render
from eagraph.reporters.markdown import cell, code
from eagraph.validators.validate import ValidationOptions
from eagraph.workspace.files import write_atomic

from .console import Console, plural
from .options import (as_of_option, check_model, check_report_output, endpoint_options, load_workspace,
                      message_language_option, model_path_argument, no_cache_option, verbosity_options, write_report)
from .validate import as_seen_from_here, model_name

TOP = 10


@click.command(name="analyze")
@model_path_argument
@click.option("--kind", "kind_names", multiple=True, metavar="KIND",
              help="Run only this finding kind (repeatable); `eagraph analyze --list-kinds` names them.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text and md start with the ten findings of most benefit; json is {\"findings\": [...]}; "
                   "csv for spreadsheets; xlsx (with -o) a workbook, a sheet per kind; sarif, junit and github "
                   "as for validate.")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Leave out findings whose score (expected benefit, 0 to 1) is lower.")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@message_language_option
@click.option("--no-validate", is_flag=True, help="Do not validate the model first (faster on large models).")
@click.option("--list-kinds", is_flag=True, help="List the finding kinds and exit.")
@endpoint_options
@as_of_option
@no_cache_option
@verbosity_options
def analyze_command(path: Path, kind_names: tuple[str, ...], fmt: str, min_score: float, output: Path | None,
                    language: str, no_validate: bool, list_kinds: bool, no_cache: bool) -> None:
    """Tell what to simplify first in the model at PATH, with the evidence for it.

    Each finding has a kind (only-once-violation, automatic-granting-candidate …), a subject, the
    related nodes that show why, and a score in [0, 1]: the expected benefit (cases a year,
    authorities involved, evidence saved). Findings are advice: the exit code is 0, or 2 when the
    model or an option could not be read. A model that does not validate is still analysed, with a
    warning that the results may be incomplete.

    \b
    Examples:
      eagraph analyze models
      eagraph analyze models --kind only-once-violation --kind certificate-loop
      eagraph analyze models --format json -o findings.json
      eagraph analyze models --format md --min-score 0.5 --language nl
    """
    check_report_output(fmt, output)
    from eagraph.analyses.registry import UnknownKind, kinds, rule_infos, select  # numpy, scipy

    console = Console.current()
    if list_kinds:
        for kind in kinds().values():
            console.out(f"{kind.name:<30} {kind.severity.label:<7} {kind.summary}")
        return
    try:
        chosen = [k.name for k in select(list(kind_names))]
    except UnknownKind as exc:
        raise click.BadParameter(str(exc), param_hint="--kind") from None
    options = CheckOptions(validation=None if no_validate else ValidationOptions(), kinds=tuple(chosen),
                           min_score=min_score, cache=not no_cache)
    results, model_root = check_model(path, options)
    if results.validation is not None:
        errors = results.validation.count(Severity.ERROR)
        if errors:
            console.warn(f"the model has {plural(errors, 'validation error')} (`eagraph validate` lists them): "
                         f"the analysis results may be incomplete")
    findings = results.analysis
    console.detail(f"{plural(len(findings), 'finding')} of {plural(len(chosen), 'kind')}"
                   + (" (from the cache: the model is unchanged)" if "analysis" in results.checked.cached else ""))
    located, root = as_seen_from_here(findings, model_root)
    context = ReportContext(tool_version=__version__, rules=rule_infos(chosen), language=language, root=root,
                            command="analyze", coverage=results.coverage, model=model_name(model_root))
    report = render(fmt, located, context)
    if fmt in ("text", "md") and located:
        report = top_ten(located, fmt, language) + report
    write_report(report, output)


def top_ten(findings: list[Finding], fmt: str, language: str) -> str:
    """The ten items of most benefit (``findings`` come ranked), before the full report. The
    findings of one group (the concepts of one notion) are one item: one thing to do."""
    best: list[tuple[Finding, int]] = []
    position: dict[tuple, int] = {}
    for finding in findings:
        group = finding.extra.get("group")
        key = (finding.code, group) if group else (finding.code, finding.subject, finding.related)
        if key in position:
            best[position[key]] = (best[position[key]][0], best[position[key]][1] + 1)
        elif len(best) < TOP:
            position[key] = len(best)
            best.append((finding, 1))
    words = _TOP_WORDS.get(language, _TOP_WORDS["en"])
    if fmt == "md":
        lines = [f"## Top {len(best)}", "", "| # | score | kind | subject | why |", "|---|---|---|---|---|"]
        for number, (finding, count) in enumerate(best, 1):
            lines.append(f"| {number} | {finding.score:.2f} | {finding.code} | {code(finding.subject)} | "
                         f"{cell(finding.text(language) + _more(count, words))} |")
        return "\n".join(lines) + "\n\n"
    lines = [words["top"].format(len(best), len(findings))]
    for number, (finding, count) in enumerate(best, 1):
        where = f"{finding.location.file}:{finding.location.line}: " if finding.location else ""
        lines.append(f"{number:>3}. {finding.score:.2f}  {finding.code}  {where}{finding.text(language)}"
                     f"{_more(count, words)}")
    return "\n".join(lines) + "\n\n" + words["all"] + "\n"


#: The top ten's own words, in the language of the findings' messages.
_TOP_WORDS = {
    "en": {"top": "Top {} of {} (by expected benefit):", "more": " ({} findings, one for each concept)",
           "all": "All findings:"},
    "nl": {"top": "Top {} van {} (naar verwachte baat):", "more": " ({} bevindingen, één per begrip)",
           "all": "Alle bevindingen:"},
    "fr": {"top": "Top {} sur {} (par bénéfice attendu) :", "more": " ({} constats, un par concept)",
           "all": "Tous les constats :"},
}


def _more(count: int, words: dict[str, str]) -> str:
    return words["more"].format(count) if count > 1 else ""


IMPACT_FORMATS = ("text", "json", "dot", "svg")


@click.command(name="impact")
@click.argument("args", nargs=-1, required=True, metavar="[PATH] IRI")
@click.option("--format", "fmt", type=click.Choice(IMPACT_FORMATS), default="text", show_default=True,
              help="text by kind; json for tools; dot for Graphviz; svg rendered with Graphviz's dot program.")
@click.option("--max-distance", type=click.IntRange(min=1), help="Follow at most this many links.")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write the result to this file (atomically) instead of standard output.")
@as_of_option
@no_cache_option
@verbosity_options
def impact_command(args: tuple[str, ...], fmt: str, max_distance: int | None, output: Path | None,
                   no_cache: bool) -> None:
    """Show everything in the model at PATH that depends on IRI, transitively, by kind.

    IRI is a regulation, data source, application, authority or any other node: what changes when
    it changes (services, rules, concepts, requirements, processes, agreements …). PATH comes
    first, as in every command (the old order, IRI then PATH, still works, with a warning).

    \b
    Examples:
      eagraph impact models https://w3id.org/eagraph/be/source/national-register
      eagraph impact models http://www.ejustice.just.fgov.be/eli/wet/1983/08/08/1983021084/staatsblad --format json
      eagraph impact models https://w3id.org/eagraph/be/authority/dg-han --format svg -o dg-han.svg
    """
    console = Console.current()
    path, iri = _path_and_iri(args)
    workspace = load_workspace(path, cache=not no_cache)
    from eagraph.analyses.impact import impact, knows  # networkx: imported by the command that needs it
    from eagraph.analyses.model import AnalysisModel

    model = AnalysisModel.build(workspace)
    if not knows(model, iri):
        raise click.BadParameter(f"{iri} is not in the model at {workspace.root}", param_hint="IRI")
    result = impact(model, iri, max_distance)
    if fmt == "json":
        import json

        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "dot":
        text = result.to_dot()
    elif fmt == "svg":
        dot = shutil.which("dot")
        if dot is None:
            raise click.UsageError("--format svg needs Graphviz's `dot` program; use --format dot instead")
        text = subprocess.run([dot, "-Tsvg"], input=result.to_dot(), capture_output=True, text=True,
                              check=True).stdout
    else:
        text = result.to_text()
    if output is not None:
        write_atomic(output, text)
        console.info(f"wrote {output}")
    else:
        console.out(text.rstrip("\n"))
    console.detail(f"{plural(len(result.dependents), 'dependent')} of {iri}")


def _looks_like_iri(text: str) -> bool:
    """``<…>`` or a scheme and a colon (``https:``, ``urn:``); a drive letter (``C:``) is a path."""
    text = text.strip()
    return (text.startswith("<") and text.endswith(">")) or re.match(r"[A-Za-z][A-Za-z0-9+.-]+:\S", text) is not None


def _path_and_iri(args: tuple[str, ...]) -> tuple[Path, str]:
    """PATH and IRI from ``[PATH] IRI``, or from the old ``IRI PATH`` when only the first is an IRI.
    The IRI stays a string: through Path() ``https://`` would become ``https:/``."""
    if len(args) > 2:
        raise click.UsageError("expected at most two arguments: [PATH] IRI")
    if len(args) == 1:
        if not _looks_like_iri(args[0]) and Path(args[0]).exists():
            raise click.UsageError(f"no IRI given ({args[0]!r} is the model's PATH): eagraph impact [PATH] IRI")
        path, iri = ".", args[0]
    elif _looks_like_iri(args[0]) and not _looks_like_iri(args[1]):
        Console.current().warn(f"`eagraph impact IRI PATH` is deprecated: write `eagraph impact {args[1]} {args[0]}`")
        iri, path = args
    else:
        path, iri = args
        if _looks_like_iri(path) and not Path(path).exists():
            raise click.UsageError(f"{path} is an IRI, not a model's PATH: eagraph impact [PATH] IRI")
    return Path(path), iri.strip().removeprefix("<").removesuffix(">")
