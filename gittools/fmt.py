"""``eagraph fmt``: rewrite Turtle files in the canonical layout, losing nothing.

Before a file is replaced, its new text is parsed again and must give the same graph as the old
text (blank nodes compared by RDF canonicalisation, literals by their exact lexical form), and the
new text is written atomically (temporary file, then rename). A file whose comments cannot stay
with a subject, or that uses relative IRIs (whose meaning depends on where the file lies), is
refused with a message that says where; it is never rewritten halfway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from eagraph.workspace.config import load_config
from eagraph.workspace.files import WriteError, write_atomic
from eagraph.workspace.sources import discover
from eagraph.workspace.turtle import offset_to_position, parse_turtle
from eagraph.workspace.workspace import find_root

from .canonical import Writer
from .commented_turtle import FormatError, read_turtle

# Two bases no model uses: a file that parses differently against them holds relative IRIs.
_PROBE_BASES = ("urn:eagraph:fmt:probe-a:", "http://eagraph.invalid/probe-b/")


@dataclass
class FileResult:
    path: Path
    changed: bool
    error: FormatError | None = None


def format_turtle(text: str, path: str = "<text>", base: str | None = None) -> str:
    """The canonical text of a Turtle document; raises :class:`FormatError` if it cannot be
    rewritten without loss."""
    base = base or _PROBE_BASES[0]
    read = read_turtle(text, base, path)
    statements = [" ".join(s) for s in read.statements]
    if set(parse_turtle(text, _PROBE_BASES[1], "f").statements) != set(statements):
        raise FormatError(path, _first_relative_line(text), "the file uses relative IRIs, whose meaning depends "
                                                             "on where it lies; write them in full or add @base")
    formatted = Writer(read.statements, read.prefixes, read.property_comments).document(
        read.comments, read.header, read.footer)
    if not _same_statements(statements, parse_turtle(formatted, base, "b").statements):
        raise FormatError(path, 1, "the canonical text would not give the same graph (an eagraph bug: "
                                   "the file was left as it is; please report it)")
    return formatted


def same_graph(old: str, new: str, base: str) -> bool:
    """Whether two Turtle texts hold the same graph: the same statements, blank nodes matched by
    RDF canonicalisation, literals by their exact lexical form."""
    return _same_statements(parse_turtle(old, base, "a").statements, parse_turtle(new, base, "b").statements)


def _same_statements(a: list[str], b: list[str]) -> bool:
    if not any("_:" in s for s in a + b):
        return set(a) == set(b)
    return _canonical(a) == _canonical(b)


def _canonical(statements: list[str]) -> set[str]:
    ntriples = "".join(f"{s} .\n" for s in statements)
    dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object)
                         for t in ox.parse(ntriples.encode(), ox.RdfFormat.N_TRIPLES))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(quad) for quad in dataset}


def _first_relative_line(text: str) -> int:
    match = re.search(r"<(?![A-Za-z][A-Za-z0-9+.\-]*:)[^>]*>", text)
    return offset_to_position(text, match.start())[0] if match else 1


def turtle_files(path: Path) -> tuple[Path, list[Path]]:
    """The Turtle files of the model at ``path`` (or ``path`` itself), and the model's folder."""
    if path.is_file():
        return path.parent, [path]
    root = find_root(path).resolve()
    return root, [source.path for source in discover(load_config(root)) if source.format == "turtle"]


def format_files(files: list[Path], root: Path, *, check: bool = False) -> list[FileResult]:
    """Format each file (``check``: only say which would change); every file is tried."""
    results = []
    for file in files:
        name = _shown(file, root)
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            results.append(FileResult(file, False, FormatError(name, 1, f"cannot read: {exc}")))
            continue
        try:
            formatted = format_turtle(text, name)
        except FormatError as exc:
            results.append(FileResult(file, False, exc))
            continue
        changed = formatted != text
        if changed and not check:
            try:
                write_atomic(file, formatted)
            except WriteError as exc:  # read-only, hard-linked, unwritable folder: said, and the others go on
                results.append(FileResult(file, False, FormatError(name, 1, exc.reason)))
                continue
        results.append(FileResult(file, changed))
    return results


def _shown(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(file)


__all__ = ["FileResult", "FormatError", "format_files", "format_turtle", "same_graph", "turtle_files"]
