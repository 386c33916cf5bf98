"""``eagraph import``: model files from what architects already keep (ArchiMate exchange files)."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.workspace.files import write_atomic

from .console import Console, plural
from .main import cli, verbosity_options


@cli.group(name="import")
def import_group() -> None:
    """Turn other formats into model files: archimate."""


@import_group.command(name="archimate")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", "-o", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The folder to write the Turtle file into (created if needed).")
@click.option("--base", metavar="IRI", help="The namespace of the imported nodes (default: one per exchange model).")
@verbosity_options
def import_archimate_command(file: Path, out: Path, base: str | None) -> None:
    """Turtle model files from an ArchiMate 3.1 Model Exchange File.

    Elements and relationships that match the model contract become contract terms; every other
    element, every relationship, name, documentation and property is kept, so that
    `eagraph export archimate` gives them back. Views are not imported (the export draws them).
    """
    from eagraph.gittools.fmt import format_turtle
    from eagraph.importers.archimate import import_archimate

    graph = import_archimate(file, base)
    target = out / f"{file.stem}.ttl"
    write_atomic(target, format_turtle(graph.serialize(format="turtle"), target.name))
    Console.current().info(f"wrote {plural(len(graph), 'statement')} to {target}")
