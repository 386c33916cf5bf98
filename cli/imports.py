"""``eagraph import``: model files from what architects already keep (ArchiMate exchange files,
spreadsheets) and from CPSV-AP catalogues that others publish."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.workspace import EagraphError

from .console import Console, ExitCode, plural
from .options import endpoint_from, endpoint_options, verbosity_options


def force_option(command):
    return click.option("--force", is_flag=True, help="Replace a file of the same name that an import did not "
                                                        "write (by default the import stops and names it).")(command)


@click.group(name="import")
def import_group() -> None:
    """Turn other formats into model files: archimate, csv, cpsv-ap."""


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
    element, every relationship, name, documentation and property, the model's name, metadata,
    organisation folders and views (nodes, bounds, connections, styles) are kept, so that
    `eagraph export archimate` gives them back: Archi can stay the diagram editor.
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


@import_group.command(name="cpsv-ap")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--out", "-o", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The model folder; the catalogue's files go into its --into folder.")
@click.option("--into", default="catalogue", show_default=True, metavar="FOLDER",
              help="The folder inside the model that the import owns: one Turtle file per competent authority.")
@endpoint_options
@force_option
@verbosity_options
def import_cpsv_ap_command(sources: tuple[Path, ...], out: Path, into: str, force: bool) -> None:
    """Model files from a CPSV-AP 2.x or 3.x catalogue (files, folders, or --endpoint).

    Earlier CPSV-AP names are mapped to 3.2.0 (each mapping and its count is listed); every other
    statement is kept as it is. One Turtle file per competent authority is written into
    OUT/catalogue/ (or --into), in the canonical layout. A re-import rewrites only the files it
    wrote, removes those of authorities no longer in the catalogue, and never touches other files:
    what architects add about the same services in their own files stays.

    \b
    Examples:
      eagraph import cpsv-ap catalogue.ttl --out models
      eagraph import cpsv-ap --endpoint http://127.0.0.1:7878 --out models
    """
    from eagraph.importers.cpsv_ap import import_catalogue, read_endpoint, read_sources
    from eagraph.importers.output import write_imports
    from eagraph.ontology.cpsv_versions import describe, short
    from eagraph.remote.http import redact

    console = Console.current()
    server = click.get_current_context().meta.get("eagraph.server", {})
    if bool(server.get("endpoint")) == bool(sources):
        raise click.UsageError("give the catalogue's files or folders, or --endpoint URL (one of the two)")
    folder = _owned_folder(out, into)
    if server.get("endpoint"):
        graph = read_endpoint(endpoint_from(server))
        origin = redact(server["endpoint"])
    else:
        graph = read_sources(list(sources))
        origin = ", ".join(source.name or str(source) for source in sources)
    catalogue = import_catalogue(graph)
    for line in describe(catalogue.mapped):
        console.info(line)
    if catalogue.outside:
        most = sorted(catalogue.outside.items(), key=lambda item: (-item[1], item[0]))[:8]
        terms = ", ".join(f"{short(p)} ({n})" for p, n in most)
        count = len(catalogue.outside)
        console.info(f"kept {plural(sum(catalogue.outside.values()), 'statement')} in {count} "
                     f"propert{'y' if count == 1 else 'ies'} that CPSV-AP 3.2 does not name, as they are: "
                     f"{terms}{', …' if count > 8 else ''}")
    files = {folder / f"{name}.ttl": graph.serialize(format="turtle") for name, graph in catalogue.files.items()}
    folder.mkdir(parents=True, exist_ok=True)
    done = write_imports(files, f"the CPSV-AP catalogue {origin}", force=force, owned_folder=folder,
                         owned_origin="the CPSV-AP catalogue ")
    console.info(f"imported {plural(catalogue.statements, 'statement')}, {plural(catalogue.services, 'service')} of "
                 f"{catalogue.authorities} authorit{'y' if catalogue.authorities == 1 else 'ies'} into {folder}: "
                 f"{len(done.written)} written, {len(done.unchanged)} unchanged, {len(done.removed)} removed")
    for path in done.removed:
        console.detail(f"removed {path} (its authority is no longer in the catalogue)")
    if files and not _part_of_model(out, list(files)):
        console.warn(f"{folder} is not part of the model by {out / 'eagraph.toml'}'s include patterns: add "
                     f"\"{folder.relative_to(out).as_posix()}/*.ttl\" to them, or import with --into inside "
                     f"a folder they include")


def _part_of_model(model: Path, written: list[Path]) -> bool:
    """Whether the model's configuration includes the files the import wrote."""
    from eagraph.workspace.config import load_config
    from eagraph.workspace.sources import discover

    try:
        found = {source.path.resolve() for source in discover(load_config(model.resolve()))}
    except EagraphError:
        return True  # the model's own problem: its commands report it
    return any(path.resolve() in found for path in written)


def _owned_folder(out: Path, into: str) -> Path:
    """The folder inside the model that the import owns; a path out of the model is refused."""
    relative = Path(into)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise click.BadParameter(f"'{into}': give a folder inside the model (like catalogue)", param_hint="--into")
    return out / relative
