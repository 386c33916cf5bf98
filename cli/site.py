"""``eagraph site build`` and ``eagraph site serve``: the architecture website of a model."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from eagraph.gittools import DEFAULT_COMMITS
from eagraph.workspace.cache import usable_cache_dir

from .console import Console, plural
from .options import as_of_option, load_workspace, model_path_argument, no_cache_option, verbosity_options

LANGUAGE_HELP = "A language of the site (repeatable): nl, fr, en, de. Default: nl and fr, and en or de where the model has them."


@click.group(name="site")
def site_group() -> None:
    """The architecture website of a model: dashboards, pages, diagrams, the life-event view."""


@site_group.command(name="build")
@model_path_argument
@click.option("--out", "-o", type=click.Path(path_type=Path, file_okay=False),
              help="The folder to write the site to (replaced only when the build succeeded, and only if it is "
                   "new, empty or an earlier site); default: [output] site of eagraph.toml, relative to the model, "
                   "else site/ in the current folder.")
@click.option("--language", "languages", multiple=True, metavar="LANG", help=LANGUAGE_HELP)
@click.option("--trend", "trend_commits", type=int, default=DEFAULT_COMMITS, show_default=True, metavar="N",
              help="In a git repository, chart the key figures over the last N commits that changed the model, "
                   "and list on each entity page those of them that changed it (0: none).")
@click.option("--title", help="The site's title (default: [site] title of eagraph.toml, else one per language).")
@as_of_option
@no_cache_option
@verbosity_options
def site_build_command(path: Path, out: Path | None, languages: tuple[str, ...], trend_commits: int, title: str | None,
                       no_cache: bool) -> None:
    """Build the architecture site of the model at PATH into --out.

    One static site per language (nl/, fr/ …) that works offline and from any sub-path: open
    OUT/index.html, or publish OUT anywhere.

    \b
    Examples:
      eagraph site build models --out public
      eagraph site build models --out public --language nl --language fr --language en
    """
    from eagraph.generators.site import SiteOptions, build_site  # imported by the command that needs them:
    from eagraph.generators.site.inputs import site_inputs  # 0.2 s that every other command saves

    console = Console.current()
    workspace = load_workspace(path, cache=not no_cache)
    options = SiteOptions(languages=languages, title=title, cache_dir=None if no_cache else usable_cache_dir())
    configured_in = None
    if out is None and workspace.config.site is not None:
        out, configured_in = workspace.root / workspace.config.site, workspace.config.source
    inputs = site_inputs(workspace, trend_commits, options.cache_dir, warn=console.warn)
    result = build_site(workspace, out or Path("site"), options, inputs, configured_in=configured_in)
    console.detail("seconds: " + ", ".join(f"{name} {seconds}" for name, seconds in result.seconds.items()))
    console.info(f"wrote the site ({plural(result.pages, 'page')} in {', '.join(result.languages)}) to {result.out}; "
                 f"open {result.out / 'index.html'}")


#: How many of the analyses' best-ranked findings the dashboard counts as "the top findings".
TOP_FINDINGS = 10


@site_group.command(name="serve")
@model_path_argument
@click.option("--language", default="nl", show_default=True, help="The language to preview.")
@click.option("--port", default=8000, show_default=True, help="The port on 127.0.0.1.")
@verbosity_options
def site_serve_command(path: Path, language: str, port: int) -> None:
    """Preview the site of the model at PATH, rebuilt whenever a model file changes.

    Serves one language on http://127.0.0.1:PORT/ (said once it answers, after the first build)
    and reloads the browser after each rebuild. Only requests addressed to 127.0.0.1, localhost or
    [::1] with that port are answered (421 otherwise), so no other web site can read the preview.
    """
    from eagraph.generators.site.serve import serve

    console = Console.current()
    with tempfile.TemporaryDirectory(prefix="eagraph-site-") as work:
        serve(path, Path(work), language, port, log=console.detail,
              ready=lambda url: console.info(f"serving {url} (Ctrl+C stops)"))
