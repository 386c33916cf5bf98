"""scripts/setup.sh: a second run does nothing it need not do, and says nothing when all is well."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from helpers import REPO, write

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
    import os
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
