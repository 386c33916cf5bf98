"""Asking git about the repository a model lies in (changed files, old versions, history)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import EagraphError


class GitError(EagraphError):
    """git could not answer: not installed, not a repository, an unknown revision."""


def run_git(folder: Path, *args: str) -> str:
    """The output of ``git -C folder ARGS``; a failure is a :class:`GitError` with git's own words."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("this needs git, and git is not installed") from None
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout
