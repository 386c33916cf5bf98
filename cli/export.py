"""``eagraph export``: the model in the formats others read, one subcommand per entry of
:data:`eagraph.generators.exporters.EXPORTERS` (its name, help, ``--out`` suffixes and options)."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.generators.exporters import EXPORTERS, Exporter, write

from .console import Console, ExitCode
from .options import as_of_option
from .options import load_workspace, model_path_argument, verbosity_options


@click.group(name="export")
def export_group() -> None:
    """Write the model (or its public-service part) for other tools: archimate, cpsv-ap, jsonld."""


def export_command(exporter: Exporter) -> click.Command:
    """The subcommand of one exporter: load PATH, export, say what the exporter says, write through ``write``."""

    def command(path: Path, out: Path, **options) -> None:
        console = Console.current()
        export = exporter.run(load_workspace(path), out, **options)
        for line in export.notes:
            console.info(line)
        for line in export.details:
            console.detail(line)
        if export.refusal is not None:
            console.error(f"{out} not written: {export.refusal}")
            click.get_current_context().exit(ExitCode.FINDINGS)
        write(export, out)
        what = f"{export.what} to {out}" if export.what else str(out)
        console.info(f"wrote {what}" + (f": {export.verdict}" if export.verdict else ""))

    command = as_of_option(verbosity_options(command))
    for option in reversed(exporter.options):
        command = click.option(option.flag, option.keyword, is_flag=option.is_flag, metavar=option.metavar,
                               help=option.help)(command)
    command = click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True,
                           help=exporter.out_help)(command)
    return export_group.command(name=exporter.name, help=exporter.help)(model_path_argument(command))


for _exporter in EXPORTERS.values():
    export_command(_exporter)
