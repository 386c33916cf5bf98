"""scripts/setup.sh: a second run does nothing it need not do, and says nothing when all is well;
.ci/run: the suite runs in a fresh clone with nothing beside it, and its exit code is CI's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, git, write

FAKE_PYTHON = """#!/bin/sh
echo "$*" >> "$(dirname "$0")/calls"
[ -n "$FAIL_PIP" ] && { echo "pip: no matching distribution for rdflib" >&2; exit 1; }
exit 0
"""


@pytest.fixture
def checkout(tmp_path):
    """A copy of the set-up script and pyproject.toml, with a .venv whose python only records its calls."""
    if shutil.which("dot") is None:
        pytest.skip("Graphviz is not installed: setup.sh would install it")
    shutil.copytree(REPO / "scripts", tmp_path / "scripts")
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    python = write(tmp_path, ".venv/bin/python", FAKE_PYTHON)
    python.chmod(0o755)
    return tmp_path


def setup(checkout, **env):
    done = subprocess.run(["bash", str(checkout / "scripts" / "setup.sh")], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **env})
    calls = checkout / ".venv" / "bin" / "calls"
    return done, (calls.read_text().splitlines() if calls.exists() else [])


def test_second_run_skips_pip_and_prints_nothing(checkout):
    first, calls = setup(checkout)
    assert first.returncode == 0, first.stderr
    assert any("install" in call and "-e .[test]" in call for call in calls)
    second, again = setup(checkout)
    assert second.returncode == 0, second.stderr
    assert again == calls  # pip was not run again
    assert first.stdout + first.stderr + second.stdout + second.stderr == ""


def test_a_changed_pyproject_installs_again(checkout):
    setup(checkout)
    _, before = setup(checkout)
    (checkout / "pyproject.toml").write_text((checkout / "pyproject.toml").read_text() + "\n# a new dependency\n")
    _, after = setup(checkout)
    assert len(after) > len(before)


def test_a_failed_install_shows_pip_output_and_installs_again_next_time(checkout):
    failed, calls = setup(checkout, FAIL_PIP="1")
    assert failed.returncode != 0
    assert "no matching distribution for rdflib" in failed.stderr
    done, again = setup(checkout)
    assert done.returncode == 0 and len(again) > len(calls)  # no stamp was left by the failed run


STUB_TESTS = """#!/usr/bin/env bash
# Records where it ran and what lay beside the checkout, then fails as pytest would.
{ pwd; ls -A ..; git status --porcelain; } > "$RECORD"
exit 3
"""


def test_ci_runs_the_suite_in_a_fresh_clone_and_passes_its_exit_code_through(tmp_path):
    repo = tmp_path / "checkout"
    shutil.copytree(REPO / ".ci", repo / ".ci")
    write(repo, "scripts/run-tests.sh", STUB_TESTS)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")
    write(repo, "uncommitted.txt", "not in the clone")
    write(tmp_path, "shared/reference/README.md", "beside the checkout: must not be reachable")
    record = tmp_path / "record"
    done = subprocess.run(["bash", str(repo / ".ci" / "run")], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "RECORD": str(record)})
    assert done.returncode == 3, done.stderr
    where, *beside = record.read_text().splitlines()
    assert not where.startswith(str(tmp_path)) and where.endswith("/eagraph")
    assert beside == ["eagraph"]  # the clone alone in its folder, and clean
    assert not Path(where).exists()  # removed afterwards


#: A read of the folder beside the clone (named "shared"): through "..", through a path's parent, or by
#: its absolute path. Spelled in pieces so that this file does not read as such a read itself.
SHARED = "shar" + "ed"
OUTSIDE = re.compile(rf"""\.\./{SHARED}\b|\bparents?\b[^\n]{{0,24}}/\s*["']{SHARED}["']|/work/{SHARED}\b""")


def test_nothing_reads_a_folder_beside_the_clone():
    """Everything a test or the product reads is in the repository: a fresh clone alone passes."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    code = [name for name in listed if name.endswith((".py", ".sh", ".toml", ".yml", ".yaml", ".cfg"))
            or name.startswith(".ci/")]
    assert len(code) > 50
    reads = [f"{name}:{number}: {line.strip()}" for name in code if name != "tests/test_scripts.py"
             for number, line in enumerate((REPO / name).read_text(encoding="utf-8").splitlines(), 1)
             if OUTSIDE.search(line)]
    assert reads == []
