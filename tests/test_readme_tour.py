"""The README's tour, run as a newcomer would: every command line it shows exits 0.

The tour is read from the README itself, so a line added there is tested the day it is added. It
runs in a copy of the example model inside a git repository of its own (with the ``v1.0`` tag and the
``origin/main`` branch the tour names), so nothing is written into this clone; ``publish`` goes to an
Oxigraph server on loopback and ``site serve`` must answer before it is stopped.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import MODELS, REPO, git, tour_lines
from servers import Oxigraph, free_port

pytestmark = pytest.mark.slow


def test_the_tour_has_the_commands_a_newcomer_meets_first():
    commands = {shlex.split(line, comments=True)[1] for line in tour_lines()}
    assert {"info", "query", "validate", "analyze", "site", "fmt", "publish"} <= commands


@pytest.fixture(scope="module")
def tour_folder(tmp_path_factory):
    """A repository holding a copy of the example model with a history: tagged v1.0, origin/main at
    its first commit, and a dozen later commits that each change the model (for ``--since HEAD~10``)."""
    folder = tmp_path_factory.mktemp("tour")
    shutil.copytree(MODELS, folder / "models")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "the example model")
    git(folder, "tag", "v1.0")
    git(folder, "update-ref", "refs/remotes/origin/main", "HEAD")
    changed = next((folder / "models").rglob("*.ttl"))
    for number in range(12):
        with changed.open("a", encoding="utf-8") as out:
            out.write(f"# review {number}\n")
        git(folder, "commit", "-q", "-am", f"review {number}")
    return folder


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    server = Oxigraph(tmp_path_factory.mktemp("store")).start()
    yield server
    server.stop()


def eagraph(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "eagraph", *args]


def run_serve(args: list[str], cwd: Path) -> None:
    """``site serve`` runs until stopped: it must answer on its port, then it is stopped."""
    port = free_port()
    process = subprocess.Popen(eagraph([*args, "--port", str(port)]), cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert response.status == 200
                    return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"site serve did not answer: {process.poll()}")
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize("line", tour_lines())
def test_every_line_of_the_tour_exits_0(line, tour_folder, oxigraph):
    args = shlex.split(line, comments=True)
    assert args[0] == "eagraph", line
    args = [oxigraph.url if re.fullmatch(r"http://127\.0\.0\.1:\d+", arg) else arg for arg in args[1:]]
    if args[:2] == ["site", "serve"]:
        run_serve(args, tour_folder)
        return
    done = subprocess.run(eagraph(args), cwd=tour_folder, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{line}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def test_the_python_example_of_the_readme_runs(tour_folder):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = textwrap.dedent(re.search(r"```python\n(.*?)```", readme, re.S).group(1))
    done = subprocess.run([sys.executable, "-c", code], cwd=tour_folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert rows and all(re.fullmatch(r"https://\S+ \S+\.ttl:\d+:\d+", row) for row in rows), done.stdout[:500]
