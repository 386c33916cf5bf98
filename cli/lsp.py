"""``eagraph lsp``: the language server an editor starts (see docs/editors.md)."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.validators.validate import ValidationOptions

from .options import message_language_option, no_cache_option, verbosity_options


@click.command(name="lsp")
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--stdio", is_flag=True, help="Speak over standard input and output (the default; editors pass it).")
@click.option("--shapes", "extra_shapes", type=click.Path(path_type=Path), multiple=True,
              help="An extra SHACL shapes file of your organisation (repeatable), as for validate.")
@click.option("--profile", "profiles", multiple=True, metavar="NAME",
              help="Also check an official application profile: cpsv-ap-3.2, cccev-2.1 (repeatable).")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="Show only findings that are not in this baseline file, as validate --baseline.")
@message_language_option
@click.option("--debounce", type=click.IntRange(0, 10000), default=150, show_default=True, metavar="MS",
              help="Check an edited file once typing has paused this long (milliseconds).")
@no_cache_option
@verbosity_options
def lsp_command(path: Path | None, stdio: bool, extra_shapes: tuple[Path, ...], profiles: tuple[str, ...],
                baseline: Path | None, language: str, debounce: int, no_cache: bool) -> None:
    """Run the language server for the model at PATH (default: the folder the editor opens).

    Editors start it and talk to it over standard input and output: the contract's findings as
    you type (the same codes, severities and messages as validate), go to definition, find
    references, hover and completion of the model's IRIs by label. The editor may give these
    options as well (initializationOptions, workspace/didChangeConfiguration): see docs/editors.md.
    """
    from eagraph.forking import no_forking
    from eagraph.lsp.server import make_server

    options = ValidationOptions(extra_shapes=tuple(extra_shapes), profiles=profiles, baseline=baseline)
    with no_forking():  # the server's threads check the model: a fork there can hang on a copied lock
        make_server(path, options, language, cache=not no_cache, debounce=debounce / 1000).start_io()
