"""Where an import writes: a Turtle file it made, never over one it did not make.

Each imported file starts with :data:`HEADER`, so a later import of the same sheet recognises
its own file and replaces it; any other file of that name (an architect's ``fin.ttl``) is left as
it is and the import stops, unless ``force`` says to replace it.
"""

from __future__ import annotations

from pathlib import Path

from eagraph.workspace import EagraphError
from eagraph.workspace.files import write_atomic

HEADER = "# Written by eagraph import"


class ImportOverwriteError(EagraphError):
    """An import would replace files it did not write; nothing was written."""


def written_by_import(path: Path) -> bool:
    """Whether ``path`` starts with the header every import writes."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(HEADER)).decode("utf-8", "replace") == HEADER
    except OSError:
        return False


def write_import(target: Path, turtle: str, source: Path, *, force: bool = False) -> None:
    """Write the imported ``turtle`` (from ``source``) to ``target``, in the canonical layout,
    under the import's header; refuses to replace a file that lacks the header unless ``force``."""
    from eagraph.gittools.fmt import format_turtle

    theirs = [path for path in (target,) if path.exists() and not written_by_import(path)]
    if theirs and not force:
        raise ImportOverwriteError("the import would replace files it did not write, so nothing was written "
                                   "(--force replaces them):\n" + "\n".join(f"  {path}" for path in theirs))
    header = f"{HEADER} from {source.name}; a new import of it replaces this file.\n"
    write_atomic(target, format_turtle(header + turtle, target.name))
