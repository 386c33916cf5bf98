"""Servers the tests start on loopback (a real Oxigraph SPARQL server, free ports for others), and what they hold."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def statement_count(endpoint) -> int:
    """Statements of the model published at ``endpoint``, as readers see it (the graphs its manifest lists)."""
    from eagraph.remote.read_back import load_remote

    return load_remote(endpoint).triple_count


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Oxigraph:
    """An Oxigraph server on loopback over a folder that outlives restarts."""

    def __init__(self, location: Path):
        if OXIGRAPH is None:
            raise RuntimeError("the oxigraph server is part of the test extra (pip install -e '.[test]')")
        self.location, self.port, self.process = location, free_port(), None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> Oxigraph:
        self.process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location), "--bind",
                                         f"127.0.0.1:{self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the Oxigraph server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
