"""``eagraph site serve``: one language of the site on loopback, rebuilt when a model file changes.

mkdocs' live-reload server watches the model folder; each change reloads the model and rebuilds
the site, and the browser reloads itself. A change that breaks the model is reported and the
last good site stays up, so a typo does not take the preview down.

The preview answers only requests addressed to it by a loopback name (``127.0.0.1:PORT``,
``localhost:PORT``, ``[::1]:PORT``): a web page that points a name of its own at 127.0.0.1 (DNS
rebinding) gets 421, not the model. "serving" is said once the first build is done and the port
is open, so the address printed answers at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eagraph.forking import no_forking
from eagraph.workspace import EagraphError, load
from eagraph.workspace.cache import usable_cache_dir

from .build import LanguageProject, build_language, choose_languages
from .inputs import site_inputs

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


class PreviewError(EagraphError):
    """The preview could not start (the port is taken, say)."""


def serve(path: Path, work: Path, language: str, port: int, log: Callable[[str], None] = print,
          ready: Callable[[str], None] = lambda url: None) -> None:
    """Build, open the port, call ``ready`` with the address, and serve until Ctrl+C. The server's
    threads rebuild the site: the check step does not fork here (:func:`eagraph.forking.no_forking`)."""
    with no_forking():
        server = preview_server(path, work, language, port, log, ready)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        except OSError as exc:  # binding the port
            raise PreviewError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from None
        finally:
            server.shutdown()


def allowed_hosts(port: int) -> frozenset[str]:
    """The Host headers the preview answers: loopback names with its port (without it on port 80)."""
    hosts = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    return frozenset(hosts | (set(LOOPBACK_NAMES) if port == 80 else set()))


def preview_server(path: Path, work: Path, language: str, port: int, log: Callable[[str], None] = print,
                   ready: Callable[[str], None] = lambda url: None):
    """The live-reload server (not started), with the site built once."""
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        def server_activate(self) -> None:
            super().server_activate()  # listening: requests are answered from here on
            ready(f"http://127.0.0.1:{self.server_address[1]}/")

        def serve_request(self, environ, start_response):
            host = environ.get("HTTP_HOST", "").lower()
            if host not in allowed_hosts(self.server_address[1]):
                start_response("421 Misdirected Request", [("Content-Type", "text/plain; charset=utf-8")])
                return [b"This preview answers only http://127.0.0.1:PORT/ or http://localhost:PORT/.\n"]
            return super().serve_request(environ, start_response)

    last = {"title": None, "built": False}  # this preview's last build, which the next one builds on

    def rebuild() -> None:
        """Only the pages whose text changed are built again, as ``site build`` does with a cache,
        unless the last build failed or the title (on every page) changed."""
        try:
            workspace = load(path)
            inputs = site_inputs(workspace, 0, usable_cache_dir(), warn=log)  # as site build --trend 0 shows it
            languages = choose_languages(inputs.content, (language,))
            title = workspace.config.site_title or None
            dirty = last == {"title": title, "built": True}
            last.update(title=title, built=False)
            project = LanguageProject(work, inputs, languages, title, usable_cache_dir(), dirty)
            result = build_language(project, language)
            last["built"] = result.error is None
            written = int(result.seconds.get("pages written", 0))
            log(result.error or f"rebuilt the site of {workspace.root} ({written} of {result.pages} pages written)")
        except EagraphError as exc:
            log(f"not rebuilt: {exc.render()}")

    rebuild()
    site = work / "site" / language
    site.mkdir(parents=True, exist_ok=True)
    server = PreviewServer(builder=rebuild, host="127.0.0.1", port=port, root=str(site))
    server.watch(str(Path(path).resolve()))
    return server
