"""``eagraph fmt``: rewrite Turtle files in the canonical layout, losing nothing.

Before a file is replaced, its new text is parsed again and must give the same graph as the old
text (blank nodes compared by RDF canonicalisation, literals by their exact lexical form), and the
new text is written atomically (temporary file, then rename). A file whose comments cannot stay
with a subject, or that uses relative IRIs (whose meaning depends on where the file lies), is
refused with a message that says where; it is never rewritten halfway.

Each file is read once, by eagraph's positional parser (the layout needs its comments); the new
text is checked by pyoxigraph's parser, a second and independent reader. Files are independent,
so many of them are formatted by a process per core. What a run learnt is kept, as Black does,
in the content cache: a file whose bytes (sha256) were already found canonical, or not, by this
version of eagraph with this layout, is not read again (see :func:`verdict_key`).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

import eagraph
from eagraph.forking import fork_workers
from eagraph.workspace import turtle as _turtle
from eagraph.workspace.cache import ParseCache
from eagraph.workspace.config import load_config
from eagraph.workspace.files import WriteError, write_atomic
from eagraph.workspace.sources import PARSER_VERSION, discover
from eagraph.workspace.turtle import offset_to_position, parse_turtle
from eagraph.workspace.workspace import PARALLEL_MIN_BYTES, PARALLEL_MIN_FILES, find_root

from . import canonical
from .canonical import Writer
from .commented_turtle import FormatError, read_turtle

# Two bases no model uses: a file that parses differently against them holds relative IRIs.
_PROBE_BASES = ("urn:eagraph:fmt:probe-a:", "http://eagraph.invalid/probe-b/")
_CACHE_KIND = "fmt"
FORMATTED, REFORMAT = "formatted", "reformat"  # what the cache says of a file's content


@dataclass
class FileResult:
    path: Path
    changed: bool
    error: FormatError | None = None


def format_turtle(text: str, path: str = "<text>", base: str | None = None) -> str:
    """The canonical text of a Turtle document; raises :class:`FormatError` if it cannot be
    rewritten without loss."""
    read = _read(text, path, base)
    statements = [" ".join(s) for s in read.statements]
    formatted = Writer(read.statements, read.prefixes, read.property_comments).document(
        read.comments, read.header, read.footer)
    # A text that is canonical already gives its own graph: only a new text needs reading back.
    if formatted != text and not _reads_back(statements, formatted, base or _PROBE_BASES[0]):
        raise FormatError(path, 1, "the canonical text would not give the same graph (an eagraph bug: "
                                   "the file was left as it is; please report it)")
    return formatted


def _read(text: str, path: str, base: str | None):
    """The file read once. Without a base IRI, a relative IRI stops the parser: then (only then)
    the file is read against two bases to tell relative IRIs from any other mistake, as before."""
    if base is None:
        try:
            return read_turtle(text, None, path)
        except FormatError:
            pass  # a relative IRI, or a mistake the reads below report
    read = read_turtle(text, base or _PROBE_BASES[0], path)
    if set(parse_turtle(text, _PROBE_BASES[1], "f").statements) != {" ".join(s) for s in read.statements}:
        raise FormatError(path, _first_relative_line(text), "the file uses relative IRIs, whose meaning depends "
                                                             "on where it lies; write them in full or add @base")
    return read


def _reads_back(statements: list[str], formatted: str, base: str) -> bool:
    """Whether ``formatted`` gives the graph of ``statements``, read by pyoxigraph (fast, and not
    the parser that read the file); where pyoxigraph refuses either text, eagraph's parser decides.

    The statements without blank nodes are compared as sets; only those with blank nodes (renamed
    at random in the new text, so that no label matches by chance) are canonicalised."""
    try:
        old = set(ox.parse("".join(f"{s} .\n" for s in statements), ox.RdfFormat.N_TRIPLES, lenient=True))
        new = set(ox.parse(formatted, ox.RdfFormat.TURTLE, base_iri=base, lenient=True, rename_blank_nodes=True))
    except (SyntaxError, ValueError):
        return _same_statements(statements, parse_turtle(formatted, base, "b").statements)
    if len(old) != len(new):
        return False
    common = old & new
    if len(common) == len(old):
        return True
    old_rest, new_rest = old - common, new - common
    if not all(_blank(q) for q in old_rest) or not all(_blank(q) for q in new_rest):
        return False  # a statement without blank nodes in one text only
    return _canonical_quads(old_rest) == _canonical_quads(new_rest)


def _blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def _canonical_quads(quads: set) -> set:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


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


def format_files(files: list[Path], root: Path, *, check: bool = False,
                 cache: ParseCache | None = None) -> list[FileResult]:
    """Format each file (``check``: only say which would change); every file is tried.

    With a ``cache``, a file whose content this eagraph already found canonical (or not) is not read
    again; what is learnt is kept there. Many files are formatted by a process per core."""
    results: dict[Path, FileResult] = {}
    todo: list[tuple[Path, str, bytes, str | None]] = []  # file, name, bytes, cache key
    layout = layout_digest() if cache is not None else ""
    for file in files:
        name = _shown(file, root)
        try:
            data = file.read_bytes()
        except OSError as exc:
            results[file] = FileResult(file, False, FormatError(name, 1, f"cannot read: {exc}"))
            continue
        key = verdict_key(data, layout) if cache is not None else None
        verdict = cache.read(_CACHE_KIND, key) if key is not None else None
        if verdict == FORMATTED or (verdict == REFORMAT and check):
            results[file] = FileResult(file, verdict == REFORMAT)
        else:
            todo.append((file, name, data, key))
    for (file, name, _data, key), (changed, formatted, error) in zip(
            todo, _format_all([(n, d, check) for _f, n, d, _k in todo])):
        if error is not None:
            results[file] = FileResult(file, False, FormatError(*error))
            continue
        if key is not None:
            cache.write(_CACHE_KIND, key, REFORMAT if changed else FORMATTED)
        if changed and not check:
            try:
                write_atomic(file, formatted)
            except WriteError as exc:  # read-only, hard-linked, unwritable folder: said, and the others go on
                results[file] = FileResult(file, False, FormatError(name, 1, exc.reason))
                continue
            if cache is not None:  # what was just written is canonical: the next run need not read it
                cache.write(_CACHE_KIND, verdict_key(formatted.encode("utf-8"), layout), FORMATTED)
        results[file] = FileResult(file, changed)
    return [results[file] for file in files]


def _format_all(jobs: list[tuple[str, bytes, bool]]) -> list[tuple[bool, str | None, tuple | None]]:
    """:func:`_format_one` of each job, in order; in a process per core when there are many."""
    workers = fork_workers()
    if workers < 2 or len(jobs) < PARALLEL_MIN_FILES or sum(len(job[1]) for job in jobs) < PARALLEL_MIN_BYTES:
        return [_format_one(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_format_one, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 8)))))


def _format_one(job: tuple[str, bytes, bool]) -> tuple[bool, str | None, tuple | None]:
    """(whether the file would change; its new text, unless only checking; the refusal as (path,
    line, message), or None). Plain values, so that a worker process can send them back."""
    name, data, check = job
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return False, None, (name, 1, f"cannot read: {exc}")
    try:
        formatted = format_turtle(text, name)
    except FormatError as exc:
        return False, None, (exc.path, exc.line, exc.message)
    changed = formatted != text
    return changed, (formatted if changed and not check else None), None


def layout_digest() -> str:
    """What the layout of a file depends on besides its text: eagraph's version, the writer's
    settings, and the code of the reader and writer themselves (a development checkout keeps
    its version number while its code changes)."""
    settings = (eagraph.__version__, PARSER_VERSION, canonical.WIDTH, canonical.INDENT, canonical.LABELS,
                _turtle.MAX_NESTING, _PROBE_BASES)
    digest = hashlib.sha256(repr(settings).encode())
    for module in sorted({Writer.__module__, read_turtle.__module__, parse_turtle.__module__, __name__}):
        try:
            digest.update(Path(sys.modules[module].__file__).read_bytes())
        except (KeyError, TypeError, OSError):
            digest.update(module.encode())
    return digest.hexdigest()


def verdict_key(data: bytes, layout: str) -> str:
    """The cache key of what fmt found of a file's bytes: their sha256 and the layout's digest.
    Neither a file's name nor its time stamp is part of it: equal bytes get the equal answer,
    and any changed byte another key."""
    return hashlib.blake2b(f"{layout}|{hashlib.sha256(data).hexdigest()}".encode(), digest_size=20).hexdigest()


def _shown(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(file)


__all__ = ["FileResult", "FormatError", "format_files", "format_turtle", "layout_digest", "same_graph", "turtle_files",
           "verdict_key"]
