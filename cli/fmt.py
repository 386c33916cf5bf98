"""``eagraph fmt``: the canonical layout of the model's Turtle files, like Black for Python."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.gittools.fmt import format_files, turtle_files
from eagraph.workspace.cache import open_cache

from .console import Console, ExitCode, plural
from .options import model_path_argument, no_cache_option, verbosity_options


@click.command(name="fmt")
@model_path_argument
@click.option("--check", is_flag=True,
              help="Change nothing: list the files that would change and exit 1 if there are any (for CI and pre-commit).")
@no_cache_option
@verbosity_options
def fmt_command(path: Path, check: bool, no_cache: bool) -> None:
    """Rewrite the Turtle files of the model at PATH (or the file PATH) in one canonical layout.

    Prefixes sorted and only those used, one block per subject in a stable order, rdf:type then
    labels then the other properties, objects sorted, blank nodes nested. Lossless: a file is
    replaced only when its new text gives the same graph, atomically. Comments stay above the
    subject they belong to; a file with a comment inside a statement is refused, not changed.
    A file whose content was already checked by this version of eagraph is not read again
    (the cache keeps its sha256; --no-cache reads every file).

    \b
    Exit codes: 0 nothing (else) to do; 1 with --check: files would change; 2 a file was refused.
    """
    console = Console.current()
    root, files = turtle_files(path)
    results = format_files(files, root, check=check, cache=None if no_cache else open_cache())
    changed = [r for r in results if r.changed]
    refused = [r for r in results if r.error is not None]
    for result in changed:
        shown = result.path.relative_to(Path.cwd()) if result.path.is_relative_to(Path.cwd()) else result.path
        console.out(f"{'would reformat' if check else 'reformatted'} {shown}")
    for result in refused:
        console.error(str(result.error))
    unchanged = len(results) - len(changed) - len(refused)
    console.info(f"{plural(len(changed), 'file')} {'would be reformatted' if check else 'reformatted'}, "
                 f"{plural(unchanged, 'file')} already formatted" + (f", {len(refused)} refused" if refused else ""))
    if refused:
        click.get_current_context().exit(ExitCode.ERROR)
    if check and changed:
        click.get_current_context().exit(ExitCode.FINDINGS)
