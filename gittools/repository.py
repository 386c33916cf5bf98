"""``eagraph init``: the files a new model repository starts with (see ``starter/``), in a git
repository of its own.

The merge driver is configured in the repository whose top is the folder given, and only there:
``eagraph init my-model`` inside a clone of something else makes ``my-model`` a repository of its
own (``git init``) rather than changing the clone's configuration, and refuses when the clone
already tracks files in that folder (it is a part of that repository, not a new one).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from eagraph.workspace.errors import EagraphError
from eagraph.workspace.files import write_atomic
from eagraph.workspace.git import repository_top

from .install_source import install_requirement

STARTER = Path(__file__).with_name("starter")
#: starter file -> where it goes in the new repository
FILES = {
    "eagraph.toml": "eagraph.toml",
    "model/starter.ttl": "model/starter.ttl",
    "gitattributes": ".gitattributes",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/eagraph.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}
#: starter files that name where CI installs eagraph from (see install_source.py)
TEMPLATES = {"github-workflow.yml", "gitlab-ci.yml"}
INSTALL_PLACEHOLDER = "@EAGRAPH_INSTALL@"
DRIVER = ("eagraph: merge Turtle on statements", "eagraph merge-driver %O %A %B %P")


class InitError(EagraphError):
    """``eagraph init`` cannot make a model repository at the folder given."""


@dataclass
class InitResult:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    repository: Path | None = None  # the repository whose merge driver was configured
    created: bool = False  # whether `git init` made it
    outer: Path | None = None  # the repository the folder lies in, left alone
    install: str | None = None  # what the CI files install eagraph from


def init_repository(folder: Path) -> InitResult:
    """Write the starter files that do not exist yet, make ``folder`` a git repository when it is
    none (or lies inside another one), and configure the merge driver there only."""
    has_git = shutil.which("git") is not None
    outer = _enclosing_repository(folder) if has_git else None
    if outer is not None and outer != folder.resolve() and _tracks(outer, folder):
        raise InitError(f"{folder}: part of the git repository at {outer}, which tracks files in it; run "
                        f"`eagraph init` at that repository's top ({outer}) or in a new folder")
    result = InitResult(outer=outer if outer is not None and outer != folder.resolve() else None)
    result.install = install_requirement()
    folder.mkdir(parents=True, exist_ok=True)
    for source, target in FILES.items():
        path = folder / target
        if path.exists() or path.is_symlink():  # a dangling link too: never written through
            result.kept.append(path)
            continue
        text = (STARTER / source).read_text(encoding="utf-8")
        if source in TEMPLATES:
            text = text.replace(INSTALL_PLACEHOLDER, result.install or "")
        write_atomic(path, text)
        result.written.append(path)
    if has_git:
        if outer is None or result.outer is not None:
            subprocess.run(["git", "init", "-q", str(folder)], check=True, capture_output=True)
            result.created = True
        result.repository = configure_merge_driver(folder)
    return result


def _enclosing_repository(folder: Path) -> Path | None:
    """The top of the repository ``folder`` (or, when it does not exist yet, its nearest existing
    parent) lies in."""
    existing = folder.resolve()
    while not existing.exists():
        existing = existing.parent
    top = repository_top(existing)
    return top.resolve() if top else None


def _tracks(repository: Path, folder: Path) -> bool:
    if not folder.exists():
        return False
    done = subprocess.run(["git", "-C", str(repository), "ls-files", "--", str(folder.resolve())],
                          capture_output=True, text=True)
    return bool(done.stdout.strip())


def configure_merge_driver(folder: Path) -> Path | None:
    """``git config merge.eagraph.*`` in the repository whose top is ``folder`` (None, and nothing
    configured, when ``folder`` is not the top of a repository: that one belongs to someone else)."""
    top = repository_top(folder)
    if top is None or top.resolve() != folder.resolve():
        return None
    for key, value in (("merge.eagraph.name", DRIVER[0]), ("merge.eagraph.driver", DRIVER[1])):
        subprocess.run(["git", "-C", str(folder), "config", "--local", key, value], check=True, capture_output=True)
    return top.resolve()
