"""``eagraph import``: model files from what architects already keep (ArchiMate exchange files)."""

from __future__ import annotations

from pathlib import Path

import click

from .console import Console, ExitCode, plural
from .options import verbosity_options


def force_option(command):
    return click.option("--force", is_flag=True, help="Replace a file of the same name that an import did not "
                                                        "write (by default the import stops and names it).")(command)


@click.group(name="import")
def import_group() -> None:
    """Turn other formats into model files: archimate, csv."""


@import_group.command(name="archimate")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", "-o", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The folder to write the Turtle file into (created if needed).")
@click.option("--base", metavar="IRI", help="The namespace of the imported nodes (default: one per exchange model).")
@force_option
@verbosity_options
def import_archimate_command(file: Path, out: Path, base: str | None, force: bool) -> None:
    """Turtle model files from an ArchiMate 3.1 Model Exchange File.

    Elements and relationships that match the model contract become contract terms; every other
    element, every relationship, name, documentation and property is kept, so that
    `eagraph export archimate` gives them back. Views are not imported (the export draws them).
    """
    from eagraph.importers.archimate import import_archimate
    from eagraph.importers.output import write_import

    graph = import_archimate(file, base)
    target = out / f"{file.stem}.ttl"
    write_import(target, graph.serialize(format="turtle"), file, force=force)
    Console.current().info(f"wrote {plural(len(graph), 'statement')} to {target}")


@import_group.command(name="csv")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--mapping", type=click.Path(path_type=Path, exists=True, dir_okay=False), required=True,
              help="The TOML file that says what a row is and what each column means.")
@click.option("--out", "-o", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The folder to write the Turtle file into.")
@click.option("--model", type=click.Path(path_type=Path), help="A model whose authorities the sheet may name "
                                                              "(by name, acronym or enterprise number).")
@click.option("--keep-going", is_flag=True, help="Write the good rows even when others are wrong (exit 1).")
@force_option
@verbosity_options
def import_csv_command(file: Path, mapping: Path, out: Path, model: Path | None, keep_going: bool,
                       force: bool) -> None:
    """Model files from a spreadsheet inventory (one row per service or application).

    Every bad row is reported with its row number and column (unknown authority, missing title,
    malformed ELI, a count that is no number, a value outside a code list). With any error,
    nothing is written unless --keep-going is given.
    """
    from eagraph.importers.csv_inventory import authorities_of_model, import_csv, read_mapping
    from eagraph.importers.output import write_import
    from eagraph.workspace import load

    console = Console.current()
    known = authorities_of_model(load(model)) if model else {}
    result = import_csv(file, read_mapping(mapping), known)
    for error in result.errors:
        console.error(error)
    if result.errors and not keep_going:
        console.info(f"{plural(len(result.errors), 'error')} in {file}: nothing written (--keep-going writes the good rows)")
        click.get_current_context().exit(ExitCode.ERROR)
    target = out / f"{file.stem}.ttl"
    write_import(target, result.graph.serialize(format="turtle"), file, force=force)
    console.info(f"wrote {plural(len(result.graph), 'statement')} from {plural(result.rows, 'row')} to {target}")
    if result.errors:
        click.get_current_context().exit(ExitCode.FINDINGS)
