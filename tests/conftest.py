"""Shared fixtures: the repository's paths, a CLI runner, and an isolated parse cache."""

from __future__ import annotations

import pytest
from click.testing import CliRunner


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Each test session gets its own parse cache, so no test depends on another's leftovers."""
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def run():
    """Run ``eagraph ARGS`` in-process; returns click's Result (stdout, stderr, exit_code)."""
    from eagraph.cli.main import cli

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke



@pytest.fixture
def server(tmp_path):
    """A real Oxigraph SPARQL server on loopback, over a store in the test's folder."""
    from servers import Oxigraph

    running = Oxigraph(tmp_path / "store").start()
    yield running
    running.stop()
