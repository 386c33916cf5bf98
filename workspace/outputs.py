"""Which folders eagraph may replace with what it builds (the site), and which never.

A build replaces its whole output folder, so the folder is checked before anything is built and
again just before the swap:

- never the model folder, its repository, a parent of either, or any folder holding a ``.git``;
- only a folder that is absent, empty, or carries :data:`MARKER` — the file every build leaves
  in its output — so a folder of someone's files is never taken for an old site;
- a folder named by ``eagraph.toml`` (which a pull request can change, and CI then runs) must
  lie inside the model's working tree (its repository, else the model folder); a folder given on
  the command line may lie anywhere, under the rules above.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import EagraphError
from .files import write_atomic

#: The file each build leaves in its output folder: the proof that eagraph wrote that folder.
MARKER = ".eagraph-output"
MARKER_TEXT = "This folder was written by eagraph; the next build replaces it whole.\n"


class OutputFolderError(EagraphError):
    """An output folder eagraph must not replace; nothing was written or removed."""


def repository_of(folder: Path) -> Path | None:
    """The working tree of the git repository ``folder`` lies in, if any (the nearest ``.git``)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def check_output_folder(out: Path, model: Path, *, configured_in: Path | None = None) -> Path:
    """The real path of ``out`` if a build may replace it, else :class:`OutputFolderError`.

    ``configured_in``: the eagraph.toml that named ``out``; it must then lie in the working tree.
    """
    said = f"{configured_in}: [output] site = {os.path.relpath(out, model)!r}" if configured_in else str(out)
    folder = Path(os.path.realpath(out))
    model = Path(os.path.realpath(model))
    repository = repository_of(model)

    def refuse(why: str) -> OutputFolderError:
        return OutputFolderError(f"{said}: {why}; nothing was written or removed")

    for kept, what in ((model, "the model folder"), (repository, "the model's repository")):
        if kept is not None and kept.is_relative_to(folder):
            where = "is" if kept == folder else "holds"
            raise refuse(f"{folder} {where} {what} {kept}; the site needs a folder of its own")
    if configured_in is not None:
        tree = repository or model
        if not folder.is_relative_to(tree):
            raise refuse(f"{folder} lies outside the model's working tree {tree}; a folder outside it "
                         "can only be given with --out")
        if ".git" in folder.relative_to(tree).parts:
            raise refuse(f"{folder} lies inside the repository's .git folder")
    if folder.exists() and not folder.is_dir():
        raise refuse(f"{folder} exists and is not a folder")
    if folder.is_dir():
        names = set(os.listdir(folder))
        if ".git" in names:
            raise refuse(f"{folder} is a git repository")
        if names and MARKER not in names:
            raise refuse(f"{folder} holds files eagraph did not write (no {MARKER} from an earlier build); "
                         "choose a new or empty folder")
    return folder


def mark_output_folder(folder: Path) -> None:
    """Leave :data:`MARKER` in a freshly built output folder, for the next build to recognise it."""
    write_atomic(folder / MARKER, MARKER_TEXT, durable=False)
