"""``eagraph info``: what a model contains, at a glance."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eagraph.ontology import compact
from eagraph.workspace.summary import AUTHORITY_LINKS, ModelSummary, summarise

from .console import Console, plural
from .options import as_of_option
from .options import load_workspace, model_path_argument, no_cache_option, verbosity_options


@click.command()
@model_path_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for tools.")
@as_of_option
@no_cache_option
@verbosity_options
def info(path: Path, fmt: str, no_cache: bool) -> None:
    """Show what the model at PATH contains.

    Counts per class and per authority (services, processes, applications and sources it is
    responsible for), the languages of its texts, and its files.
    """
    summary = summarise(load_workspace(path, cache=not no_cache))
    console = Console.current()
    if fmt == "json":
        console.out(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        console.out(render_text(summary, console))


#: The groups of repeated statements listed before "and N more".
REPEATED_SHOWN = 10


def repeated_lines(summary: ModelSummary, console: Console) -> list[str]:
    """The note on statements written in more than one file: counted once, and where they are."""
    if not summary.repeated:
        return []
    repeated = sum(r.statements for r in summary.repeated)
    lines = [(f"  {plural(repeated, 'statement')} written in more than one file, counted once "
              f"({summary.written} as written):")]
    shown = summary.repeated if console.verbosity > 0 else summary.repeated[:REPEATED_SHOWN]
    for group in shown:
        lines.append(f"    {plural(group.statements, 'statement')} in {' and '.join(group.files)}, "
                     f"such as {group.example}")
    if len(shown) < len(summary.repeated):
        lines.append(f"    and {len(summary.repeated) - len(shown)} more groups of files (use --verbose to list them)")
    return lines


def render_text(summary: ModelSummary, console: Console) -> str:
    bold = lambda text: console.style(text, bold=True)  # noqa: E731
    lines = [bold(f"Model {summary.root}"),
             f"  {plural(summary.triples, 'statement')} in {plural(len(summary.files), 'file')}"]
    lines += repeated_lines(summary, console)
    lines.append("")
    lines.append(bold("Classes"))
    width = max((len(compact(c)) for c in summary.classes), default=0)
    lines += [f"  {compact(c):<{width}}  {n:>7}" for c, n in summary.classes.items()]
    lines += ["", bold("Authorities")]
    headers = [name for name, _, _ in AUTHORITY_LINKS]
    label_width = max((len(a.label) for a in summary.authorities), default=9)  # names whole, never cut
    lines.append(f"  {'authority':<{label_width}}  " + "  ".join(f"{h:>12}" for h in headers))
    for authority in summary.authorities:
        counts = "  ".join(f"{authority.counts.get(h, 0):>12}" for h in headers)
        lines.append(f"  {authority.label:<{label_width}}  {counts}")
    lines += ["", bold("Languages")]
    for language, count in summary.languages.items():
        required = " (required)" if language in summary.required_languages else ""
        lines.append(f"  {language:<8} {count:>7} texts{required}")
    missing = [lang for lang in summary.required_languages if lang not in summary.languages]
    if missing:
        lines.append(f"  required but absent: {', '.join(missing)}")
    lines += ["", bold("Files")]
    if console.verbosity > 0 or len(summary.files) <= 40:
        lines += [f"  {f.path}  ({f.format}, {f.triples} statements)" for f in summary.files]
    else:
        lines.append(f"  {plural(len(summary.files), 'file')} (use --verbose to list them)")
    return "\n".join(lines)
