"""``eagraph site serve``: one language of the site on loopback, rebuilt when a model file changes.

mkdocs' live-reload server watches the model folder; each change reloads the model and rebuilds
the site, and the browser reloads itself. A change that breaks the model is reported and the
last good site stays up, so a typo does not take the preview down.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eagraph.workspace import EagraphError, load
from eagraph.workspace.cache import usable_cache_dir

from .build import _mkdocs_build, choose_languages, read_findings, write_project
from .content import SiteContent


def serve(path: Path, work: Path, language: str, port: int, log: Callable[[str], None] = print) -> None:
    server = preview_server(path, work, language, port, log)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def preview_server(path: Path, work: Path, language: str, port: int, log: Callable[[str], None] = print):
    """The live-reload server (not started), with the site built once."""
    from mkdocs.livereload import LiveReloadServer

    def rebuild() -> None:
        try:
            workspace = load(path)
            content = SiteContent.read(workspace)
            languages = choose_languages(content, (language,))
            title = workspace.config.site_title or None
            write_project(work, language, content, read_findings(workspace, content), languages, title,
                          usable_cache_dir())
            problem = _mkdocs_build(str(work / language / "mkdocs.yml"))
            log(problem or f"rebuilt the site of {workspace.root}")
        except EagraphError as exc:
            log(f"not rebuilt: {exc.render()}")

    rebuild()
    site = work / "site" / language
    site.mkdir(parents=True, exist_ok=True)
    server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=port, root=str(site))
    server.watch(str(Path(path).resolve()))
    return server
