"""Where an import writes: a Turtle file it made, never over one it did not make.

Each imported file starts with :data:`HEADER`, so a later import of the same sheet recognises
its own file and replaces it; any other file of that name (an architect's ``fin.ttl``) is left as
it is and the import stops, unless ``force`` says to replace it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eagraph.workspace import EagraphError
from eagraph.workspace.files import write_atomic

HEADER = "# Written by eagraph import"


class ImportOverwriteError(EagraphError):
    """An import would replace files it did not write; nothing was written."""


def written_by_import(path: Path) -> bool:
    """Whether ``path`` starts with the header every import writes."""
    return _starts_with(path, HEADER)


def _starts_with(path: Path, text: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(text.encode())).decode("utf-8", "replace") == text
    except OSError:
        return False


def write_import(target: Path, turtle: str, source: Path, *, force: bool = False) -> None:
    """Write the imported ``turtle`` (from ``source``) to ``target``, in the canonical layout,
    under the import's header; refuses to replace a file that lacks the header unless ``force``."""
    write_imports({target: turtle}, source.name, force=force)


@dataclass
class Written:
    """What :func:`write_imports` did, file by file."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def write_imports(files: dict[Path, str], origin: str, *, force: bool = False,
                  owned_folder: Path | None = None, owned_origin: str | None = None) -> Written:
    """Write each imported Turtle text to its path, in the canonical layout, under the import's
    header naming ``origin``. Nothing is written if any target exists without the header (unless
    ``force``), and every text is formatted before the first file is written, so a failure leaves
    the files as they were. A file whose content would not change is not touched.

    With ``owned_folder``, the Turtle files directly in it whose header names an origin starting
    with ``owned_origin`` (default: ``origin``) and that are not among ``files`` are removed: this
    kind of import wrote them and its source no longer has what they held (an authority dropped
    from a catalogue). Files without that header (an architect's, another import's) are never removed.
    """
    from eagraph.gittools.fmt import format_turtle

    theirs = [path for path in files if path.exists() and not written_by_import(path)]
    if theirs and not force:
        raise ImportOverwriteError("the import would replace files it did not write, so nothing was written "
                                   "(--force replaces them):\n" + "\n".join(f"  {path}" for path in theirs))
    origin = "".join(c if c.isprintable() else "?" for c in origin)
    header = f"{HEADER} from {origin}; a new import of it replaces this file.\n"
    texts = {target: format_turtle(header + turtle, target.name) for target, turtle in files.items()}
    result = Written()
    for target, text in texts.items():
        if target.exists() and _content(target) == text:
            result.unchanged.append(target)
            continue
        write_atomic(target, text)
        result.written.append(target)
    if owned_folder is not None and owned_folder.is_dir():
        mine = f"{HEADER} from {owned_origin if owned_origin is not None else origin}"
        wanted = {target.resolve() for target in files}
        for path in sorted(owned_folder.glob("*.ttl")):
            if path.is_file() and not path.is_symlink() and path.resolve() not in wanted and _starts_with(path, mine):
                path.unlink()
                result.removed.append(path)
    return result


def _content(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
