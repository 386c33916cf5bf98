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


def repository_top(folder: Path) -> Path | None:
    """The top folder of the git repository ``folder`` lies in; None outside any (or without git)."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
                              capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return None
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def resolve_revision(folder: Path, revision: str) -> str:
    """The commit a revision a user typed names, or a :class:`GitError` that says so in words
    ("no revision v1.0 in REPO"). Never read as an option of git, whatever it starts with."""
    top = repository_top(folder)
    if top is None:
        raise GitError(f"{folder}: not in a git repository, so it has no history to read")
    if not revision.startswith("-"):
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--verify", "--quiet", "--end-of-options",
                               f"{revision}^{{commit}}"], capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return done.stdout.strip()
    raise GitError(f"no revision {revision} in {top}")
