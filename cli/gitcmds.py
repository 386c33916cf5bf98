"""``eagraph merge-driver`` and ``eagraph init``: eagraph as git's partner for model repositories."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.gittools.merge import merge_files
from eagraph.gittools.repository import init_repository

from .console import Console, ExitCode, plural
from .options import verbosity_options


@click.command(name="merge-driver")
@click.argument("base", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("ours", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("theirs", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("path", required=False, default="")
@verbosity_options
def merge_driver_command(base: Path, ours: Path, theirs: Path, path: str) -> None:
    """Merge Turtle files on statements, for git: %O %A %B %P.

    Set up once per clone (`eagraph init` writes the .gitattributes line):

    \b
      git config merge.eagraph.name "eagraph: merge Turtle on statements"
      git config merge.eagraph.driver "eagraph merge-driver %O %A %B %P"
      echo '*.ttl merge=eagraph' >> .gitattributes

    Changes of both sides that do not collide merge cleanly. A real conflict (both sides gave one
    property a different single value, or one side deleted what the other changed) is written
    between conflict markers and the exit code is 1, so git stops. No statement is lost.
    """
    console = Console.current()
    result = merge_files(base, ours, theirs, path or ours.name)
    if result.conflicts:
        console.warn(f"{path or ours}: {plural(len(result.conflicts), 'conflict')} left between markers for you to resolve")
        click.get_current_context().exit(ExitCode.FINDINGS)
    console.detail(f"{path or ours}: merged on statements")


@click.command(name="init")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".", required=False)
@verbosity_options
def init_command(folder: Path) -> None:
    """Start a model repository in FOLDER: eagraph.toml, a starter model, .gitattributes with the
    merge driver, pre-commit hooks, and CI for GitHub Actions and GitLab CI.

    Files that exist already are left alone. FOLDER becomes a git repository of its own when it is
    not the top of one (`git init`), also inside another repository, whose configuration is never
    touched (when that repository tracks files in FOLDER, init refuses). The merge driver is
    configured in FOLDER's repository; other clones run the two `git config` lines of the README.
    The CI files install the eagraph that ran init (see the manual's page on git).
    """
    console = Console.current()
    result = init_repository(folder)
    for path in result.written:
        console.out(f"wrote {path}")
    for path in result.kept:
        console.detail(f"kept {path} (it exists)")
    if result.created:
        inside = (f" (inside the repository at {result.outer}, whose configuration is left alone)"
                  if result.outer else "")
        console.info(f"initialised a new git repository in {folder}{inside}")
    if result.repository is not None:
        console.info(f"configured git's merge driver `eagraph` in {result.repository}")
    else:
        console.warn("git is not installed: no repository made and no merge driver configured")
    if result.install:
        console.info(f"CI installs eagraph from {result.install} (a CI variable EAGRAPH_INSTALL overrides it)")
    else:
        console.warn("this eagraph was installed from a local folder: set the CI variable EAGRAPH_INSTALL to where "
                     "your CI gets eagraph (a git URL or a package), or CI stops and says so")
    console.info(f"next: `eagraph validate {folder}` and `eagraph site build {folder}`")


@click.command(name="trend")
@click.argument("path", type=click.Path(path_type=Path), default=".", required=False)
@click.option("--since", required=True, metavar="REV", help="The first commit to count from (a git revision).")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of standard output.")
@verbosity_options
def trend_command(path: Path, since: str, fmt: str, output: Path | None) -> None:
    """The dashboard's key figures at REV and at each later commit that changed the model at PATH:
    services, online share, automatic share, only-once violations, duplicate services and
    validation errors. Each commit is computed once and kept in the cache.

    REV is where the trend starts and is always shown (when the model existed then), even when
    no later commit changed the model; a revision the repository does not have is an error
    (exit code 2).

    \b
    Examples:
      eagraph trend models --since HEAD~20
      eagraph trend models --since v1.0 --format json -o trend.json
    """
    from eagraph.gittools.trend import to_csv, to_json, trend
    from eagraph.workspace.cache import usable_cache_dir
    from eagraph.workspace.files import write_atomic
    from eagraph.workspace.git import resolve_revision

    console = Console.current()
    points = trend(path, since, usable_cache_dir())
    if not points:
        console.info(f"the model at {path} is in no commit from {since} on")
    elif len(points) == 1 and points[0].commit == resolve_revision(path if path.is_dir() else path.parent, since):
        console.info(f"no commit after {since} changed the model at {path}: its figures at {since} only")
    text = to_csv(points) if fmt == "csv" else to_json(points)
    if output is not None:
        write_atomic(output, text)
        console.info(f"wrote {plural(len(points), 'commit')} to {output}")
    else:
        console.out(text.rstrip("\n"))
