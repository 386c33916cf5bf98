"""What the ``eagraph`` commands share: their common options and the one way they load a model.

Every command module imports from here, never from ``main.py``: ``main.py`` builds the ``eagraph``
group and adds the commands to it, so the imports in ``cli/`` run one way (main → commands →
options → console) and a command can be read, and imported, on its own.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from eagraph.findings import MESSAGE_LANGUAGES
from eagraph.reporters import BINARY_FORMATS
from eagraph.workspace import Workspace, load
from eagraph.workspace.files import write_atomic

from .console import Console, plural


def verbosity_options(command):
    """``--quiet`` and ``--verbose``, accepted by every command as well as by ``eagraph`` itself."""

    def set_quiet(ctx, _param, value):
        if value:
            Console.current().verbosity = -1

    def set_verbose(ctx, _param, value):
        if value:
            Console.current().verbosity = 1

    command = click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=set_quiet,
                           help="Print results only: no progress, no commentary.")(command)
    command = click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=set_verbose,
                           help="Say more about what is being done.")(command)
    return command


def load_workspace(path: Path, *, cache: bool = True, read=None) -> Workspace:
    """Load a model with a progress bar on a terminal; every command loads through here. With
    ``--endpoint``, the model published on that SPARQL server is read instead of PATH. ``read``:
    PATH's files as read already (:func:`eagraph.workspace.workspace.read_model`)."""
    console = Console.current()
    server = click.get_current_context().meta.get("eagraph.server", {})
    if server.get("endpoint"):
        from eagraph.remote.read_back import load_remote

        workspace = load_remote(endpoint_from(server))
        console.detail(f"read {plural(workspace.triple_count, 'statement')} in {plural(len(workspace.files), 'graph')} "
                       f"from {server['endpoint']}")
        return as_of(workspace)
    workspace = load(path, cache=cache, progress=console.progress("loading"), read=read)
    if console.verbosity > 0:  # counted only to be shown: 0.4 s at 10,000 services
        console.detail(f"loaded {plural(workspace.triple_count, 'statement')} from "
                       f"{plural(len(workspace.files), 'file')} in {workspace.root}")
    return as_of(workspace)


def as_of_day() -> datetime.date | None:
    """The day the command reads the model as of (``--as-of DATE``), or None: as it is."""
    return click.get_current_context().meta.get("eagraph.as_of")


def as_of(workspace: Workspace) -> Workspace:
    """The model as of ``--as-of DATE`` when the command was given one (else as loaded)."""
    day = as_of_day()
    if day is None:
        return workspace
    from eagraph.workspace.lifecycle import keep_as_of

    keep_as_of(workspace, day)
    Console.current().detail(f"as of {day.isoformat()}: {plural(workspace.triple_count, 'statement')} "
                             f"of what is in use or in force that day")
    return workspace


def check_model(path: Path, options):
    """The check step's results (:mod:`eagraph.check`) for the model at ``path`` (or on ``--endpoint``)
    and the model's folder. An unchanged model's results are read from the cache, without loading it."""
    from eagraph.check import check, check_path
    from eagraph.workspace.workspace import find_root, read_model

    meta = click.get_current_context().meta
    if meta.get("eagraph.server", {}).get("endpoint") or as_of_day() is not None:
        workspace = load_workspace(path, cache=options.cache)
        return check(workspace, options), workspace.root
    read = read_model(path)  # once: keys the results, and is what a load parses
    results = check_path(path, options, load=lambda: load_workspace(path, cache=options.cache, read=read), read=read)
    return results, find_root(Path(path)).resolve()


class DateParam(click.ParamType):
    """A calendar date ``YYYY-MM-DD``, or ``today``."""

    name = "date"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime.date):
            return value
        from eagraph.workspace.lifecycle import parse_day

        try:
            return parse_day(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateParam()


def as_of_option(command):
    """``--as-of DATE``: every command that reads a model reads it as it stands on DATE, through
    :func:`load_workspace` (the one place that applies it); see eagraph.workspace.lifecycle."""

    def keep(ctx, _param, value):
        if value is not None:
            ctx.meta["eagraph.as_of"] = value

    return click.option("--as-of", type=DATE, expose_value=False, callback=keep, metavar="DATE",
                        help="Read the model as it stands on DATE (YYYY-MM-DD or today): what is not in use "
                             "or not in force that day, by its lifecycle dates, is left out.")(command)


def endpoint_from(server: dict):
    from eagraph.remote.client import Endpoint

    timeout = server.get("timeout")
    return Endpoint(server["endpoint"], server.get("server") or "oxigraph", 30.0 if timeout is None else float(timeout))


def endpoint_options(command):
    """``--endpoint``, ``--server`` and ``--timeout``: read the model from a SPARQL server (see
    ``eagraph publish``); credentials come from EAGRAPH_SERVER_TOKEN, EAGRAPH_SERVER_USER and
    EAGRAPH_SERVER_PASSWORD, or a netrc file, never from the command line."""

    def keep(name):
        def store(ctx, _param, value):
            if value is not None:
                ctx.meta.setdefault("eagraph.server", {})[name] = value
        return store

    command = click.option("--timeout", type=float, expose_value=False, callback=keep("timeout"), metavar="SECONDS",
                           help="Seconds each request to the server may take in all (default 30; 3 attempts).")(command)
    command = click.option("--server", type=click.Choice(["oxigraph", "fuseki", "graphdb", "virtuoso"]),
                           expose_value=False, callback=keep("server"),
                           help="The kind of server, for the URLs of its services (default oxigraph).")(command)
    return click.option("--endpoint", metavar="URL", expose_value=False, callback=keep("endpoint"),
                        help="Read the model published on this SPARQL server instead of PATH.")(command)


def model_path_argument(command):
    return click.argument("path", type=click.Path(path_type=Path), default=".", required=False)(command)


def message_language_option(command):
    return click.option("--language", type=click.Choice(MESSAGE_LANGUAGES), default=MESSAGE_LANGUAGES[0],
                        show_default=True, help="Language of the messages.")(command)


def no_cache_option(command):
    return click.option("--no-cache", is_flag=True,
                        help="Parse every file again instead of using the parse cache.")(command)


def check_report_output(fmt: str, output: Path | None) -> None:
    """Refuse a binary format (xlsx) without ``-o``, before any work: a workbook's bytes on a
    terminal are garbage, and in a pipe they are a file nobody named."""
    if fmt in BINARY_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} writes a binary file, not text for a terminal: "
                               f"give the file to write with -o (say -o report.{fmt})")


def write_report(report: str | bytes, output: Path | None) -> None:
    """A report to ``output`` (atomically: a failed write leaves the old file) or to standard
    output; a text report ends with a newline. ``validate`` and ``analyze`` write through here."""
    console = Console.current()
    if isinstance(report, str) and report and not report.endswith("\n"):
        report += "\n"
    if output is not None:
        write_atomic(output, report if report else "\n")
        console.info(f"wrote {output}")
    elif isinstance(report, bytes):
        raise click.UsageError("a binary report needs a file to write to: give one with -o")
    elif report:
        console.out(report.rstrip("\n"))
