"""The ``eagraph`` command: a thin layer of click commands over the library.

Every command loads the model through :func:`eagraph.workspace.load`, calls the library, and
prints. User mistakes (:class:`EagraphError`) are printed as ``file:line:col: message`` with
exit code 2 and no traceback; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import warnings

import click

from eagraph import __version__
from eagraph.workspace import EagraphError

from . import analyze, burden, diff, export, fmt, gitcmds, imports, info, lsp, publish, query, site, targets, validate
from .console import Console, ExitCode
from .options import verbosity_options


class EagraphGroup(click.Group):
    """Turns user mistakes into a message and exit code 2, wherever they are raised."""

    def invoke(self, ctx: click.Context):
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    return super().invoke(ctx)
                finally:
                    for warning in caught:
                        Console.current().warn(str(warning.message))
        except EagraphError as exc:
            Console.current().error(exc.render())
            ctx.exit(ExitCode.ERROR)


@click.group(cls=EagraphGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="eagraph", message="%(prog)s %(version)s")
@click.option("--color/--no-color", default=None,
              help="Force colour on or off (default: colour on a terminal, unless NO_COLOR is set).")
@verbosity_options
@click.pass_context
def cli(ctx: click.Context, color: bool | None) -> None:
    """eagraph: the enterprise architecture of a government as a knowledge graph.

    A model is a folder of RDF files (Turtle, usually in git) with an optional eagraph.toml.
    Point any command at that folder (default: the current folder).

    \b
    Examples:
      eagraph info models/
      eagraph query models/ "SELECT ?s WHERE { ?s a cpsv:PublicService }"
    """
    console = ctx.ensure_object(Console)
    if color is not None:
        console.color = color
    if color is False:
        ctx.color = False


def add_commands(group: click.Group) -> None:
    """Every command of ``eagraph``, added here and only here: the command modules import their
    options from ``options.py`` and never this module, so ``cli/`` has no import loop."""
    for command in (info.info, query.query, validate.validate_command, validate.rule_command,
                    analyze.analyze_command, analyze.impact_command, fmt.fmt_command, diff.diff_command,
                    gitcmds.merge_driver_command, gitcmds.init_command, gitcmds.trend_command, burden.burden_command,
                    targets.targets_command,
                    site.site_group, export.export_group, imports.import_group, publish.publish_command,
                    lsp.lsp_command):
        group.add_command(command)


add_commands(cli)


def main() -> None:
    from eagraph.workspace.files import exit_at_once, exit_on_sigterm

    exit_on_sigterm()  # a killed run removes its temporary files, like Ctrl+C
    try:
        cli(prog_name="eagraph")
    except SystemExit as exc:  # how click ends every run
        exit_at_once(exc.code)  # the loaded model is not freed object by object after the work is done
